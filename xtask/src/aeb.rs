//! The article-extraction-benchmark (AEB) metric, exactly as `shared/bench/README.md` defines
//! it:
//!
//! - tokens: maximal runs of Unicode word characters (`\w+`), case kept;
//! - shingles: every run of 4 consecutive tokens; a text of 1–3 tokens is one shingle of all
//!   its tokens; an empty text (no tokens) has none;
//! - per page, as multisets: tp = Σ min(count in truth, count in prediction), fp = excess in
//!   the prediction, fn = excess in the truth; all three divided by tp + fp + fn;
//! - precision = mean of tp/(tp+fp) over pages whose prediction is not empty, recall = mean of
//!   tp/(tp+fn) over pages whose truth is not empty, F1 = 2PR/(P+R) of the two means;
//! - accuracy = share of pages whose token sequences are identical.
//!
//! "Empty" means "has no tokens" (so no shingles): a prediction of punctuation only is empty.
//! A page with empty prediction AND empty truth counts in neither mean, and is accurate.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// Shingle length.
const SHINGLE: usize = 4;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// The text's tokens: maximal runs of Unicode word characters, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    WORD.find_iter(text).map(|m| m.as_str()).collect()
}

/// The multiset of shingles of a token sequence.
fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts: HashMap<Vec<&'a str>, usize> = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    if tokens.len() < SHINGLE {
        counts.insert(tokens.to_vec(), 1);
        return counts;
    }
    for window in tokens.windows(SHINGLE) {
        *counts.entry(window.to_vec()).or_default() += 1;
    }
    counts
}

/// One page's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// tp, fp and fn, each divided by tp + fp + fn (all 0 when both texts are empty).
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    /// tp/(tp+fp); `None` when the prediction is empty (not in the precision mean).
    pub precision: Option<f64>,
    /// tp/(tp+fn); `None` when the truth is empty (not in the recall mean).
    pub recall: Option<f64>,
    /// The two token sequences are identical.
    pub accurate: bool,
}

impl PageScore {
    /// The page's own F1: 2PR/(P+R), 0 when either side is empty or nothing matches.
    pub fn f1(&self) -> f64 {
        match (self.precision, self.recall) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }
}

/// Scores one prediction against its ground truth.
pub fn score_page(truth: &str, prediction: &str) -> PageScore {
    let truth_tokens = tokens(truth);
    let prediction_tokens = tokens(prediction);
    let expected = shingles(&truth_tokens);
    let predicted = shingles(&prediction_tokens);

    let mut tp = 0usize;
    let mut fp = 0usize;
    for (shingle, &count) in &predicted {
        let in_truth = expected.get(shingle).copied().unwrap_or(0);
        tp += count.min(in_truth);
        fp += count.saturating_sub(in_truth);
    }
    let fn_: usize = expected
        .iter()
        .map(|(shingle, &count)| count.saturating_sub(predicted.get(shingle).copied().unwrap_or(0)))
        .sum();

    let total = (tp + fp + fn_) as f64;
    let (tp, fp, fn_) = if total > 0.0 {
        (tp as f64 / total, fp as f64 / total, fn_ as f64 / total)
    } else {
        (0.0, 0.0, 0.0)
    };
    PageScore {
        tp,
        fp,
        fn_,
        precision: (!predicted.is_empty()).then(|| tp / (tp + fp)),
        recall: (!expected.is_empty()).then(|| tp / (tp + fn_)),
        accurate: truth_tokens == prediction_tokens,
    }
}

/// The figures over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub pages: usize,
    /// Mean precision over pages with a non-empty prediction (0 when there are none).
    pub precision: f64,
    /// Mean recall over pages with a non-empty truth (0 when there are none).
    pub recall: f64,
    /// 2PR/(P+R) of the two means (0 when both are 0).
    pub f1: f64,
    /// Share of pages whose token sequences are identical.
    pub accuracy: f64,
    /// Pages in the precision mean (non-empty prediction).
    pub precision_pages: usize,
    /// Pages in the recall mean (non-empty truth).
    pub recall_pages: usize,
}

/// Combines page scores into the set's figures.
pub fn totals<'a>(pages: impl IntoIterator<Item = &'a PageScore>) -> Totals {
    let mut t = Totals::default();
    let (mut precision_sum, mut recall_sum, mut accurate) = (0.0, 0.0, 0usize);
    for page in pages {
        t.pages += 1;
        if let Some(p) = page.precision {
            precision_sum += p;
            t.precision_pages += 1;
        }
        if let Some(r) = page.recall {
            recall_sum += r;
            t.recall_pages += 1;
        }
        accurate += usize::from(page.accurate);
    }
    let mean = |sum: f64, n: usize| if n == 0 { 0.0 } else { sum / n as f64 };
    t.precision = mean(precision_sum, t.precision_pages);
    t.recall = mean(recall_sum, t.recall_pages);
    t.f1 = if t.precision + t.recall > 0.0 {
        2.0 * t.precision * t.recall / (t.precision + t.recall)
    } else {
        0.0
    };
    t.accuracy = mean(accurate as f64, t.pages);
    t
}

/// True when `snippet`'s token sequence occurs contiguously in `haystack` (a token sequence);
/// `None` when the snippet has no tokens (not counted).
pub fn contains_tokens(haystack: &[&str], snippet: &str) -> Option<bool> {
    let needle = tokens(snippet);
    if needle.is_empty() {
        return None;
    }
    Some(
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_slice()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn perfect_prediction() {
        let text = "The quick brown fox jumps over the lazy dog.";
        let s = score_page(text, text);
        assert_eq!(s.precision, Some(1.0));
        assert_eq!(s.recall, Some(1.0));
        assert!(s.accurate);
        // 9 tokens → 6 shingles, all matched: tp = 6/6.
        assert!(close(s.tp, 1.0) && s.fp == 0.0 && s.fn_ == 0.0);
        let t = totals([&s]);
        assert_eq!(
            (t.precision, t.recall, t.f1, t.accuracy),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn empty_prediction_is_out_of_precision_and_zero_recall() {
        let s = score_page("one two three four five", "");
        assert_eq!(s.precision, None);
        assert_eq!(s.recall, Some(0.0));
        assert_eq!(s.f1(), 0.0);
        assert!(!s.accurate);
        // Punctuation only has no tokens: also empty.
        assert_eq!(
            score_page("one two three four five", " … — !").precision,
            None
        );

        // Page 1 perfect, page 2 empty prediction: P = 1 (page 1 only), R = (1 + 0)/2 = 0.5,
        // F1 = 2·1·0.5/1.5 = 2/3, accuracy 1/2.
        let perfect = score_page("a b c d e", "a b c d e");
        let t = totals([&perfect, &s]);
        assert_eq!(t.precision_pages, 1);
        assert_eq!(t.recall_pages, 2);
        assert!(close(t.precision, 1.0));
        assert!(close(t.recall, 0.5));
        assert!(close(t.f1, 2.0 / 3.0));
        assert!(close(t.accuracy, 0.5));
    }

    #[test]
    fn empty_truth_and_empty_prediction() {
        // Both empty: in neither mean, accurate, all counts 0.
        let both = score_page("", "  ");
        assert_eq!((both.precision, both.recall), (None, None));
        assert!(both.accurate);
        assert_eq!((both.tp, both.fp, both.fn_), (0.0, 0.0, 0.0));
        // Truth empty, prediction not: precision 0, not in the recall mean.
        let extra = score_page("", "some words here");
        assert_eq!((extra.precision, extra.recall), (Some(0.0), None));
        assert!(!extra.accurate);
        let t = totals([&both, &extra]);
        assert_eq!((t.precision_pages, t.recall_pages), (1, 0));
        assert_eq!((t.precision, t.recall, t.f1), (0.0, 0.0, 0.0));
        assert!(close(t.accuracy, 0.5));
        // No pages at all.
        assert_eq!(totals([]), Totals::default());
    }

    #[test]
    fn partial_overlap() {
        // truth  a b c d e f → shingles {abcd, bcde, cdef}
        // pred   b c d e f g → shingles {bcde, cdef, defg}
        // tp = 2, fp = 1 (defg), fn = 1 (abcd); total 4 → tp .5, fp .25, fn .25;
        // precision = .5/.75 = 2/3, recall = 2/3.
        let s = score_page("a b c d e f", "b c d e f g");
        assert!(close(s.tp, 0.5) && close(s.fp, 0.25) && close(s.fn_, 0.25));
        assert!(close(s.precision.unwrap(), 2.0 / 3.0));
        assert!(close(s.recall.unwrap(), 2.0 / 3.0));
        assert!(close(s.f1(), 2.0 / 3.0));
        assert!(!s.accurate);

        // truth  a b c d e f g h (5 shingles), pred  e f g h i (2 shingles: efgh, fghi)
        // tp = 1 (efgh), fp = 1 (fghi), fn = 4; total 6 → P = 1/2, R = 1/5.
        // With the first page: P = (2/3 + 1/2)/2 = 7/12, R = (2/3 + 1/5)/2 = 13/30,
        // F1 = 2·(7/12)(13/30)/(7/12 + 13/30) = (91/180)/(61/60) = 91/183.
        let s2 = score_page("a b c d e f g h", "e f g h i");
        assert!(close(s2.tp, 1.0 / 6.0) && close(s2.fp, 1.0 / 6.0) && close(s2.fn_, 4.0 / 6.0));
        assert!(close(s2.precision.unwrap(), 0.5));
        assert!(close(s2.recall.unwrap(), 0.2));
        let t = totals([&s, &s2]);
        assert!(close(t.precision, 7.0 / 12.0));
        assert!(close(t.recall, 13.0 / 30.0));
        assert!(close(t.f1, 91.0 / 183.0));
        assert_eq!(t.accuracy, 0.0);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        // Under four tokens: the whole text is one shingle.
        let same = score_page("Hello world", "Hello, world!");
        assert_eq!((same.precision, same.recall), (Some(1.0), Some(1.0)));
        assert!(same.accurate);
        // (Hello) vs (Hello world): different shingles, tp 0, fp 1, fn 1 → 0.5 each.
        let s = score_page("Hello world", "Hello");
        assert_eq!((s.precision, s.recall), (Some(0.0), Some(0.0)));
        assert!(close(s.fp, 0.5) && close(s.fn_, 0.5));
        // Exactly four tokens: one shingle too; three of them are not a sub-shingle.
        let s = score_page("one two three four", "one two three");
        assert_eq!((s.precision, s.recall), (Some(0.0), Some(0.0)));
        assert_eq!(shingles(&tokens("one two three four")).len(), 1);
    }

    #[test]
    fn duplicate_shingles_are_a_multiset() {
        // truth a b c d a b c d → abcd, bcda, cdab, dabc, abcd: abcd twice.
        // pred  a b c d         → abcd once.
        // tp = min(2, 1) = 1, fp = 0, fn = 1 (second abcd) + 3 = 4; total 5 → P 1, R 1/5.
        let s = score_page("a b c d a b c d", "a b c d");
        assert!(close(s.tp, 0.2) && s.fp == 0.0 && close(s.fn_, 0.8));
        assert_eq!(s.precision, Some(1.0));
        assert!(close(s.recall.unwrap(), 0.2));
        // The other way round: the repeated prediction pays for its extra copy.
        let s = score_page("a b c d", "a b c d a b c d");
        assert!(close(s.tp, 0.2) && close(s.fp, 0.8) && s.fn_ == 0.0);
        assert!(close(s.precision.unwrap(), 0.2));
        assert_eq!(s.recall, Some(1.0));
        // Repeating a paragraph the truth has once is not free either.
        let s = score_page("x y z w", "x y z w. x y z w.");
        assert!(close(s.precision.unwrap(), 0.2));
    }

    #[test]
    fn accuracy_compares_token_sequences() {
        // Punctuation and whitespace do not matter …
        assert!(score_page("Hello,   world. It is me.", "Hello world\nIt is me").accurate);
        // … case, order and any extra token do.
        assert!(!score_page("Hello world it is me", "hello world it is me").accurate);
        assert!(!score_page("a b c d e", "a b c e d").accurate);
        assert!(!score_page("a b c d e", "a b c d e f").accurate);
        let t = totals([
            &score_page("a b c d e", "a, b, c, d, e"),
            &score_page("a b c d e", "a b c d"),
        ]);
        assert!(close(t.accuracy, 0.5));
    }

    #[test]
    fn unicode_words() {
        assert_eq!(
            tokens("Привет, мир! Café naïve — Straße_2"),
            vec!["Привет", "мир", "Café", "naïve", "Straße_2"]
        );
        let truth = "Москва — столица России, а Zürich — нет.";
        let s = score_page(truth, "Москва столица России а Zürich нет");
        assert!(s.accurate);
        assert_eq!(s.precision, Some(1.0));
        // Accents are part of the word: "Cafe" is not "Café".
        let s = score_page("Café au lait", "Cafe au lait");
        assert_eq!((s.precision, s.recall), (Some(0.0), Some(0.0)));
    }

    #[test]
    fn snippets_match_as_token_runs() {
        let text = tokens("Buy the new phone today. Free shipping!");
        assert_eq!(contains_tokens(&text, "new phone, today"), Some(true));
        assert_eq!(contains_tokens(&text, "phone new"), Some(false));
        assert_eq!(contains_tokens(&text, "…"), None);
        assert_eq!(contains_tokens(&[], "anything"), Some(false));
    }
}

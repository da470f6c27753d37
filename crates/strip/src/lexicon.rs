//! Multilingual lexicons of boilerplate wording, one table per category.
//!
//! Three kinds of entry, matched on normalised text (lower case, straight quotes, single spaces):
//! - `labels`: the whole block is this label ("Subscribe", "Skip to content", "Teilen");
//! - `headings`: a short heading-like block that *starts* with this and opens a section of the
//!   category ("Related articles", "About the author", "A message from …");
//! - `phrases`: wording that gives a block away wherever it stands, for blocks up to
//!   `phrase_max_words` long ("we use cookies", "sign up for our newsletter"). Phrases are
//!   first/second person calls to action, so a body sentence that merely *mentions* a
//!   newsletter, a donation or comments does not match.
//!
//! The wording itself lives in `crate::lang`, one module per language; this module builds the
//! matchers from it once per process. None is taken from one site: each is wording many sites use.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;

use crate::lang::{self, LANGUAGES};
use crate::model::Category;
use crate::rules::{Rule, RuleKind};

/// The categories in the order their tables are built (the first to claim a label keeps it),
/// with the longest block (in words) that one of their phrases may remove.
const CATEGORIES: [(Category, usize); 12] = [
    (Category::Navigation, 8),
    (Category::Newsletter, 60),
    (Category::Appeal, 60),
    (Category::Cookie, 150),
    (Category::Share, 25),
    (Category::Related, 0),
    (Category::Audio, 30),
    (Category::Comments, 30),
    (Category::Ads, 60),
    (Category::Legal, 40),
    (Category::AuthorBio, 0),
    (Category::Caption, 0),
];

/// Longest block (in words) that a weak phrase may remove.
const WEAK_PHRASE_MAX_WORDS: usize = 20;

struct Tables {
    /// (FxHash: a block's key is short, and SipHash cost more than the lookup.)
    labels: FxHashMap<&'static str, Category>,
    /// Heading prefixes by their first byte, longest first within each: a block is compared
    /// only with the prefixes that can start it, not with all of them.
    headings: [Vec<(&'static str, Category)>; 256],
    phrases: AhoCorasick,
    phrase_meta: Vec<(Category, usize)>,
    /// Every language's appeal verbs ("support ", "soutenez ").
    appeal_verbs: Vec<&'static str>,
}

static TABLES: LazyLock<Option<Tables>> = LazyLock::new(|| {
    let mut labels = FxHashMap::default();
    let mut headings = Vec::new();
    let mut phrases = Vec::new();
    let mut phrase_meta = Vec::new();
    for (category, phrase_max_words) in CATEGORIES {
        for wording in lang::wording_for(category) {
            for label in wording.labels {
                // The first category to claim a label keeps it (order of CATEGORIES). Blocks
                // are looked up by their key (punctuation trimmed), so labels are too:
                // "share:", "comment (required)".
                labels.entry(label_key(label)).or_insert(category);
            }
            for heading in wording.headings {
                headings.push((*heading, category));
            }
            for phrase in wording.phrases {
                phrases.push(*phrase);
                phrase_meta.push((category, phrase_max_words));
            }
        }
    }
    for lang in LANGUAGES {
        for &(phrase, category) in lang.weak_phrases {
            phrases.push(phrase);
            phrase_meta.push((category, WEAK_PHRASE_MAX_WORDS));
        }
    }
    let appeal_verbs = LANGUAGES
        .iter()
        .flat_map(|lang| lang.appeal_verbs.iter().copied())
        .collect();
    // Longest heading prefixes first, so "more from" does not shadow a longer entry.
    headings.sort_by_key(|(h, _)| std::cmp::Reverse(h.len()));
    let mut by_first_byte: [Vec<(&'static str, Category)>; 256] =
        std::array::from_fn(|_| Vec::new());
    for (heading, category) in headings {
        if let Some(&first) = heading.as_bytes().first() {
            if let Some(bucket) = by_first_byte.get_mut(usize::from(first)) {
                bucket.push((heading, category));
            }
        }
    }
    let phrases = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .ok()?;
    Some(Tables {
        labels,
        headings: by_first_byte,
        phrases,
        phrase_meta,
        appeal_verbs,
    })
});

/// Lower case, typographic quotes and apostrophes made straight, whitespace collapsed.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for ch in text.chars() {
        // ASCII (most text) needs neither the mapping below nor the Unicode tables.
        if ch.is_ascii() {
            if ch.is_ascii_whitespace() || ch == '\x0B' {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(if ch == '`' {
                '\''
            } else {
                ch.to_ascii_lowercase()
            });
            continue;
        }
        let ch = match ch {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if ch.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Most text is ASCII, and its lower case is one byte away; the general Unicode
        // mapping costs several times as much per character.
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// The block as a label: normalised, without leading/trailing punctuation, symbols or emoji.
pub(crate) fn label_key(normalised: &str) -> &str {
    normalised
        .trim_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(['.', ':', '!', '?', ' '])
}

/// Matches a block against the lexicons. `words` is the block's word count; `heading_like`
/// says whether it reads like a heading (short, no sentence punctuation).
/// `norm` is the block's text after [`normalise`].
pub(crate) fn lookup(norm: &str, words: usize, heading_like: bool) -> Option<Rule> {
    let tables = TABLES.as_ref()?;
    // Long blocks can only match phrases with a generous limit; skip the work for huge ones.
    if words > 150 {
        return None;
    }
    let key = label_key(norm);
    if key.is_empty() {
        return None;
    }
    if let Some(&category) = tables.labels.get(key) {
        return Rule::of(category, RuleKind::Label);
    }
    if heading_like && words <= 16 {
        if let Some(category) = heading_match(tables, key) {
            return Rule::of(category, RuleKind::Heading);
        }
    }
    if let Some(hit) = exclamation_appeal(tables, key, norm, words) {
        return Some(hit);
    }
    for m in tables.phrases.find_iter(norm) {
        let Some(&(category, max_words)) = tables.phrase_meta.get(m.pattern().as_usize()) else {
            continue;
        };
        if words <= max_words && at_word_boundaries(norm, m.start(), m.end()) {
            return Rule::of(category, RuleKind::Phrase);
        }
    }
    None
}

fn heading_match(tables: &Tables, key: &str) -> Option<Category> {
    let first = usize::from(*key.as_bytes().first()?);
    tables
        .headings
        .get(first)?
        .iter()
        .find_map(|&(prefix, category)| {
            let rest = key.strip_prefix(prefix)?;
            // A whole-word prefix: "related" must not match "relatedness".
            (rest.is_empty() || rest.starts_with([' ', ':', ',', '-', '\''])).then_some(category)
        })
}

/// "Support The Daily Planet!", "Soutenez Le Monde !", "Поддержите нас!": a short imperative
/// to support or donate, ending in an exclamation mark.
fn exclamation_appeal(tables: &Tables, key: &str, norm: &str, words: usize) -> Option<Rule> {
    let exclaims = norm.trim_end().ends_with('!');
    (exclaims && words <= 6 && tables.appeal_verbs.iter().any(|v| key.starts_with(v)))
        .then_some(Rule::AppealExclamation)
}

fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    // Phrases ending in "$" or "by" + space are prefixes of a longer unit; still check start.
    ok(before) && (ok(after) || text.get(..end).is_some_and(|s| s.ends_with(['$', ' '])))
}

/// A set of words asked "is this one of them?" for many tokens: one bit per mix of a word's
/// length and first and last bytes rejects most tokens before any hashing (a `Vec` or a
/// hash alone cost a tenth of the class-token and share-row checks), then a hash map.
pub(crate) struct WordSet<V: Copy = ()> {
    quick: [u64; 4],
    words: FxHashMap<&'static str, V>,
}

impl<V: Copy> WordSet<V> {
    /// The set of `words`, each with its value; a word listed twice keeps its first value.
    pub(crate) fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut set = WordSet {
            quick: [0; 4],
            words: FxHashMap::default(),
        };
        for (word, value) in words {
            let bit = Self::bit(word);
            if let Some(q) = set.quick.get_mut(bit / 64) {
                *q |= 1 << (bit % 64);
            }
            set.words.entry(word).or_insert(value);
        }
        set
    }

    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let last = usize::from(b.last().copied().unwrap_or(0));
        (b.len().wrapping_mul(37) ^ first ^ (last << 3)) & 255
    }

    /// The value of `word`, if it is in the set.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        let bit = Self::bit(word);
        let maybe = self
            .quick
            .get(bit / 64)
            .is_some_and(|q| q & (1 << (bit % 64)) != 0);
        if maybe {
            self.words.get(word).copied()
        } else {
            None
        }
    }
}

impl WordSet {
    /// The set of `words`.
    pub(crate) fn of(words: impl IntoIterator<Item = &'static str>) -> Self {
        Self::new(words.into_iter().map(|w| (w, ())))
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_entry_kind_has_a_rule() {
        for (category, _) in CATEGORIES {
            for wording in lang::wording_for(category) {
                let kinds = [
                    (RuleKind::Label, wording.labels.len()),
                    (RuleKind::Heading, wording.headings.len()),
                    (RuleKind::Phrase, wording.phrases.len()),
                ];
                for (kind, entries) in kinds {
                    if entries > 0 {
                        assert!(Rule::of(category, kind).is_some(), "{category:?} {kind:?}");
                    }
                }
            }
        }
        for lang in LANGUAGES {
            for &(_, category) in lang.weak_phrases {
                assert!(
                    Rule::of(category, RuleKind::Phrase).is_some(),
                    "{category:?}"
                );
            }
        }
    }

    #[test]
    fn every_language_category_is_built() {
        for lang in LANGUAGES {
            for (category, _) in lang.wording {
                assert!(
                    CATEGORIES.iter().any(|(c, _)| c == category),
                    "{}: {category:?} has no table",
                    lang.code
                );
            }
        }
    }

    #[test]
    fn word_sets_answer_as_their_words_do() {
        let words = ["e", "facebook", "x", "udostępnij", "поделиться", "sms"];
        let set = WordSet::of(words);
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "",
            "f",
            "facebooks",
            "face",
            "ebook",
            "sm",
            "smss",
            "поделится",
            "Facebook",
        ] {
            assert!(!set.contains(w), "{w}");
        }
        let valued = WordSet::new([("a", 1), ("b", 2), ("a", 3)]);
        assert_eq!(
            (valued.get("a"), valued.get("b"), valued.get("c")),
            (Some(1), Some(2), None)
        );
    }
}

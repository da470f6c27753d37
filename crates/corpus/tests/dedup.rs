//! Near-duplicate detection rates on generated pairs (seeded, deterministic), and the
//! index's order, persistence and error rules.

use std::collections::HashSet;

use deboil_corpus::dedup::{self, DuplicateKind, Index, IndexError, Signature};

/// xorshift64*: a fixed sequence, so the measured rates are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn word(rng: &mut Rng) -> String {
    format!("w{}", rng.below(50_000))
}

fn document(rng: &mut Rng, words: usize) -> Vec<String> {
    (0..words).map(|_| word(rng)).collect()
}

/// `edits` words replaced at random positions.
fn edited(rng: &mut Rng, words: &[String], edits: usize) -> Vec<String> {
    let mut out = words.to_vec();
    for _ in 0..edits {
        let at = rng.below(out.len());
        out[at] = word(rng);
    }
    out
}

/// The true Jaccard similarity of two word lists' shingle sets (the crate's definition).
fn jaccard(a: &[String], b: &[String]) -> f64 {
    let set = |w: &[String]| -> HashSet<Vec<String>> {
        w.windows(dedup::SHINGLE_WORDS)
            .map(<[String]>::to_vec)
            .collect()
    };
    let (a, b) = (set(a), set(b));
    a.intersection(&b).count() as f64 / a.union(&b).count() as f64
}

/// Flags at or above 0.8 and below 0.5, over pairs of 300-word texts with a few or many
/// words replaced: each pair in a fresh index, so nothing but the pair decides.
#[test]
fn flags_pairs_at_jaccard_0_8_and_above_and_not_at_0_5_and_below() {
    let mut rng = Rng(0x0DEB_0111);
    let (mut high, mut high_flagged, mut low, mut low_flagged) = (0, 0, 0, 0);
    for round in 0..1200 {
        let base = document(&mut rng, 300);
        let edits = if round % 2 == 0 {
            1 + rng.below(7)
        } else {
            20 + rng.below(30)
        };
        let copy = edited(&mut rng, &base, edits);
        let j = jaccard(&base, &copy);
        let mut index = Index::new();
        assert!(
            index
                .insert("base", Signature::of(&base.join(" ")))
                .is_none()
        );
        let flagged = index
            .insert("copy", Signature::of(&copy.join(" ")))
            .is_some();
        if j >= 0.8 {
            high += 1;
            high_flagged += usize::from(flagged);
        } else if j <= 0.5 {
            low += 1;
            low_flagged += usize::from(flagged);
        }
    }
    let high_rate = high_flagged as f64 / high as f64;
    let low_rate = low_flagged as f64 / low as f64;
    eprintln!(
        "J >= 0.8: {high_flagged}/{high} flagged ({high_rate:.4}); J <= 0.5: {low_flagged}/{low} ({low_rate:.4})"
    );
    assert!(
        high >= 400 && low >= 400,
        "too few pairs: {high} high, {low} low"
    );
    assert!(high_rate >= 0.98, "J >= 0.8 flagged at {high_rate}");
    assert!(low_rate <= 0.005, "J <= 0.5 flagged at {low_rate}");
}

#[test]
fn the_first_in_order_is_the_original_and_duplicates_name_it() {
    let mut rng = Rng(7);
    let base = document(&mut rng, 200);
    let near = edited(&mut rng, &base, 2).join(" ");
    let base = base.join(" ");
    let other = document(&mut rng, 200).join(" ");
    let mut index = Index::new();
    assert_eq!(index.insert("a", Signature::of(&base)), None);
    assert_eq!(index.insert("b", Signature::of(&other)), None);
    let exact = index.insert("c", Signature::of(&base)).expect("exact copy");
    assert_eq!(
        (exact.of.as_str(), exact.kind, exact.jaccard),
        ("a", DuplicateKind::Exact, 1.0)
    );
    let found = index.insert("d", Signature::of(&near)).expect("near copy");
    assert_eq!((found.of.as_str(), found.kind), ("a", DuplicateKind::Near));
    assert!(
        found.jaccard >= 0.8 && found.jaccard < 1.0,
        "{}",
        found.jaccard
    );
    // Duplicates are not indexed: only the two originals are.
    assert_eq!(index.len(), 2);
}

#[test]
fn case_and_punctuation_around_words_do_not_matter_to_near_duplicates() {
    let a = "The quick brown fox jumps over the lazy dog, again and again, every single day.";
    let b = "the quick brown fox jumps over the lazy dog again and again every single day";
    let mut index = Index::new();
    index.insert("a", Signature::of(a));
    let found = index.insert("b", Signature::of(b)).expect("same words");
    assert_eq!((found.kind, found.jaccard), (DuplicateKind::Near, 1.0));
}

#[test]
fn a_saved_index_finds_the_same_duplicates_in_a_later_run() {
    let mut rng = Rng(99);
    let texts: Vec<String> = (0..20).map(|_| document(&mut rng, 120).join(" ")).collect();
    let mut first = Index::new();
    for (i, text) in texts.iter().enumerate() {
        first.insert(&format!("run1/{i}"), Signature::of(text));
    }
    let bytes = first.to_bytes();
    let mut second = Index::from_bytes(&bytes).expect("round trip");
    assert_eq!(second.len(), 20);
    assert_eq!(second.to_bytes(), bytes, "the format is stable");
    let found = second
        .insert("run2/0", Signature::of(&texts[13]))
        .expect("seen in run 1");
    assert_eq!(found.of, "run1/13");
    // A text without words has no signature but still an exact hash.
    assert!(second.insert("run2/1", Signature::of("  ")).is_none());
    let again = Index::from_bytes(&second.to_bytes()).expect("round trip");
    assert_eq!(
        again.find(&Signature::of("  ")).map(|d| d.kind),
        Some(DuplicateKind::Exact)
    );
}

#[test]
fn a_damaged_or_foreign_index_is_refused_with_its_reason() {
    let mut index = Index::new();
    index.insert("a", Signature::of("one two three four five six"));
    let bytes = index.to_bytes();
    assert_eq!(
        Index::from_bytes(b"hello").unwrap_err(),
        IndexError::NotAnIndex
    );
    let mut newer = bytes.clone();
    newer[8] = 9;
    assert_eq!(
        Index::from_bytes(&newer).unwrap_err(),
        IndexError::Version { found: 9 }
    );
    let mut other = bytes.clone();
    other[12] = 3;
    assert!(matches!(
        Index::from_bytes(&other).unwrap_err(),
        IndexError::Parameters { shingle: 3, .. }
    ));
    for cut in [13, 40, bytes.len() - 1] {
        assert!(
            matches!(
                Index::from_bytes(&bytes[..cut]).unwrap_err(),
                IndexError::Truncated { .. }
            ),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        Index::from_bytes(&longer).unwrap_err(),
        IndexError::Trailing { extra: 1 }
    );
}

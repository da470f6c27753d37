//! Texts for the tests that compare a scanner with the pattern it replaced.

/// Deterministic pseudo-random texts: 1 to `max_tokens` tokens from `vocab`, joined by
/// separators from `seps`, for comparing a scanner with the pattern it replaced.
pub(crate) fn random_texts(
    vocab: &[&str],
    seps: &[&str],
    max_tokens: usize,
    n: usize,
) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    (0..n)
        .map(|_| {
            let tokens = 1 + next(max_tokens);
            let mut text = String::new();
            if next(8) == 0 {
                text.push_str(seps[next(seps.len())]);
            }
            for i in 0..tokens {
                if i > 0 {
                    text.push_str(seps[next(seps.len())]);
                }
                text.push_str(vocab[next(vocab.len())]);
            }
            if next(4) == 0 {
                text.push_str(seps[next(seps.len())]);
            }
            text
        })
        .collect()
}

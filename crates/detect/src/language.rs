//! Language identification with whatlang.

use crate::Language;

/// whatlang is slow on long input and gains nothing from it: on the benchmark sets, 2,000
/// characters (some 300 words) name the same language as 6,000 for every page.
const MAX_CHARS: usize = 2_000;

/// Fewer letters than this say too little about a language.
const MIN_LETTERS: usize = 20;

/// Lowest whatlang confidence accepted. whatlang's own `is_reliable` (> 0.9) rejects many
/// ordinary paragraphs of closely related languages (uk/ru, es/pt); this level keeps them
/// while still dropping near-ties.
const MIN_CONFIDENCE: f64 = 0.25;

const UNDETERMINED: Language = Language {
    code: "und",
    confidence: 0.0,
};

pub(crate) fn detect(text: &str) -> Language {
    let end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let text = &text[..end];
    if text
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(MIN_LETTERS)
        .count()
        < MIN_LETTERS
    {
        return UNDETERMINED;
    }
    match whatlang::detect(text) {
        Some(info) if info.confidence() >= MIN_CONFIDENCE => Language {
            code: info.lang().code(),
            confidence: (info.confidence() * 100.0).round() / 100.0,
        },
        _ => UNDETERMINED,
    }
}

//! Language identification with whatlang.

use crate::Language;

/// whatlang is slow on long input and gains nothing from it: 1,000 characters (some 150
/// words) name the language as well as 2,000 (on the four bench sets, the same language
/// on all but a handful of pages, those where 2,000 gave none).
const MAX_CHARS: usize = 1_000;

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

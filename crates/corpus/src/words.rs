//! The word split every step shares: runs of non-whitespace, trimmed of the punctuation
//! around them (`"word,"` → `word`); a token of punctuation alone is not a word.

/// Words of `text`, in order, trimmed of surrounding punctuation and symbols.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
}

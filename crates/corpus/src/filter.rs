//! `--lang` and `--min-words`: which cleaned documents a run keeps.

use std::fmt;

/// A `--lang` list that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("`{0}` is not an ISO 639-1 or 639-3 language code (e.g. en, eng, fra)")]
    UnknownLanguage(String),
    #[error("the language list is empty")]
    Empty,
}

/// The filters of a run; the default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// ISO 639-3 codes to keep (`und` included only when asked); `None`: any language.
    languages: Option<Vec<String>>,
    /// Fewest words to keep a document.
    min_words: usize,
}

/// Why a document was filtered out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Language { found: String },
    TooShort { words: usize, min_words: usize },
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Language { found } => write!(f, "filtered: language {found} (--lang)"),
            Rejection::TooShort { words, min_words } => {
                write!(
                    f,
                    "filtered: {words} words, fewer than {min_words} (--min-words)"
                )
            }
        }
    }
}

impl Filters {
    /// Filters from a comma-separated `--lang` list (ISO 639-3 or 639-1 codes, any case, or
    /// `und` for undetermined) and a `--min-words` count.
    pub fn new(languages: Option<&str>, min_words: Option<usize>) -> Result<Self, FilterError> {
        let languages = languages.map(parse_languages).transpose()?;
        Ok(Filters {
            languages,
            min_words: min_words.unwrap_or(0),
        })
    }

    /// Whether the filters keep everything.
    pub fn is_empty(&self) -> bool {
        self.languages.is_none() && self.min_words == 0
    }

    /// Why a document in `language` (ISO 639-3) of `words` words is filtered out, if it is.
    pub fn check(&self, language: &str, words: usize) -> Option<Rejection> {
        if let Some(languages) = &self.languages {
            if !languages.iter().any(|l| l == language) {
                return Some(Rejection::Language {
                    found: language.to_string(),
                });
            }
        }
        (words < self.min_words).then_some(Rejection::TooShort {
            words,
            min_words: self.min_words,
        })
    }
}

/// `eng,fr, DE` → `["eng", "fra", "deu"]` (ISO 639-3, in the order given, once each).
pub fn parse_languages(list: &str) -> Result<Vec<String>, FilterError> {
    let mut codes: Vec<String> = Vec::new();
    for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let lower = item.to_ascii_lowercase();
        let code = if lower == "und" {
            "und"
        } else {
            let language = match lower.len() {
                2 => isolang::Language::from_639_1(&lower),
                3 => isolang::Language::from_639_3(&lower),
                _ => None,
            };
            language
                .ok_or_else(|| FilterError::UnknownLanguage(item.to_string()))?
                .to_639_3()
        };
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
        }
    }
    if codes.is_empty() {
        return Err(FilterError::Empty);
    }
    Ok(codes)
}

//! Bytes in, decoded text out: content type, character encoding, language.
//!
//! STUB: the public API below is fixed; the bodies are being written.

/// What kind of document the bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    Html,
    Text,
}

impl ContentType {
    /// `"html"` or `"text"`, as written in headers and manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Html => "html",
            ContentType::Text => "text",
        }
    }
}

/// Where the encoding decision came from, in the order browsers consult them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    Bom,
    Transport,
    Meta,
    Sniffed,
    Default,
}

impl EncodingSource {
    pub fn as_str(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Transport => "transport",
            EncodingSource::Meta => "meta",
            EncodingSource::Sniffed => "sniffed",
            EncodingSource::Default => "default",
        }
    }
}

/// A decoded document.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub content_type: ContentType,
    /// WHATWG encoding name, e.g. `"UTF-8"`, `"windows-1251"`.
    pub encoding: &'static str,
    pub encoding_source: EncodingSource,
    /// Malformed byte sequences replaced by U+FFFD while decoding.
    pub replaced_sequences: usize,
    /// The input was gzip-compressed and has been inflated.
    pub gunzipped: bool,
}

/// Why bytes could not be turned into text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DetectError {
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("corrupt gzip stream: {0}")]
    Gzip(String),
    #[error("input too large: {size} bytes, limit {limit}")]
    TooLarge { size: u64, limit: u64 },
}

/// Options for [`decode`].
#[derive(Debug, Clone, Default)]
pub struct DecodeOptions<'a> {
    /// Charset from the transport layer (HTTP `Content-Type`), if known.
    pub transport_charset: Option<&'a str>,
    /// Top-level domain of the source URL, a hint for the sniffer (e.g. `"ru"`).
    pub tld: Option<&'a str>,
}

/// Decodes raw bytes: gunzip if needed, sniff the content type, pick the encoding, decode.
pub fn decode(bytes: &[u8], options: &DecodeOptions<'_>) -> Result<Decoded, DetectError> {
    let _ = options;
    if bytes.is_empty() {
        return Err(DetectError::Empty);
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(Decoded {
        content_type: if text.trim_start().starts_with('<') {
            ContentType::Html
        } else {
            ContentType::Text
        },
        text,
        encoding: "UTF-8",
        encoding_source: EncodingSource::Default,
        replaced_sequences: 0,
        gunzipped: false,
    })
}

/// The language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// ISO 639-3 code, or `"und"` when the text is too short or the guess unreliable.
    pub code: &'static str,
    /// 0.0..=1.0; 0.0 for `und`.
    pub confidence: f64,
}

/// Identifies the language of a (cleaned) text.
pub fn language(text: &str) -> Language {
    let _ = text;
    Language {
        code: "und",
        confidence: 0.0,
    }
}

//! Bytes in, decoded text out: content type, character encoding, language.
//!
//! [`decode`] follows what browsers do (BOM, transport charset, `<meta>` prescan, statistical
//! sniffing) but, unlike a browser, second-guesses declarations that the bytes contradict,
//! and refuses binary data and undecodable garbage instead of rendering mojibake; text that
//! was double-encoded before it reached us ("itâ€™s") is read back (`mojibake.rs`).
// House rules the compiler enforces (see ARCHITECTURE.md): a library prints nothing, and
// its items are `pub` only where another crate reaches them.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod compression;
mod encoding;
mod hygiene;
mod language;
mod mojibake;
mod prescan;
mod sniff;

pub use sniff::sniff_content_type;

use std::borrow::Cow;

use encoding_rs::Encoding;

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
    /// The input was compressed (gzip or zstd) and has been decompressed.
    pub gunzipped: bool,
    /// C0 control characters (NUL, BEL, ESC, ...) removed from the decoded text.
    pub removed_controls: usize,
    /// Double-encoded UTF-8 sequences ("itâ€™s" for "it’s") read back, each one character.
    pub mojibake_repaired: usize,
    /// The encoding a transport or `<meta>` declaration named, when there was one; differs
    /// from `encoding` when the declaration was found wrong and overridden.
    pub declared_encoding: Option<&'static str>,
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
    #[error("corrupt zstd stream: {0}")]
    Zstd(String),
    /// For gzip input `size` is a lower bound: inflation stops at the limit.
    #[error("input too large: {size} bytes, limit {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// The bytes decode, but to a scatter of symbols rather than text in any language.
    #[error("not text ({0})")]
    NotText(String),
}

/// Options for [`decode`].
#[derive(Debug, Clone, Default)]
pub struct DecodeOptions<'a> {
    /// Charset from the transport layer (HTTP `Content-Type`), if known.
    pub transport_charset: Option<&'a str>,
    /// Top-level domain of the source URL, a hint for the sniffer (e.g. `"ru"`).
    pub tld: Option<&'a str>,
    /// Largest document accepted, after gunzipping; `None` means [`DEFAULT_MAX_BYTES`].
    pub max_bytes: Option<u64>,
    /// The content type when the caller knows it (e.g. a WARC HTML response); wins over
    /// sniffing, and also decides whether a `<meta>` charset is looked for.
    pub content_type_hint: Option<ContentType>,
}

/// Hard cap on the (decompressed) document size when the caller sets none: 512 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 512 << 20;

/// Nested compression layers undone at most (servers do double-compress now and then).
const MAX_GZIP_LAYERS: usize = 3;

/// Decodes raw bytes: gunzip if needed, refuse binary data, pick the encoding, decode, clean
/// up control characters and line breaks, and sniff the content type.
pub fn decode(bytes: &[u8], options: &DecodeOptions<'_>) -> Result<Decoded, DetectError> {
    let limit = options.max_bytes.unwrap_or(DEFAULT_MAX_BYTES);
    let mut inflated: Option<Vec<u8>> = None;
    for _ in 0..MAX_GZIP_LAYERS {
        let current = inflated.as_deref().unwrap_or(bytes);
        inflated = Some(if compression::is_gzip(current) {
            compression::gunzip(current, limit)?
        } else if compression::is_zstd(current) {
            compression::unzstd(current, limit)?
        } else {
            break;
        });
    }
    let gunzipped = inflated.is_some();
    let size = inflated.as_deref().unwrap_or(bytes).len();
    if size == 0 {
        return Err(DetectError::Empty);
    }
    // The limit is on the document we decode, compressed or not.
    if size as u64 > limit {
        return Err(DetectError::TooLarge {
            size: size as u64,
            limit,
        });
    }
    let input = Input::new(inflated, bytes);
    let bytes = input.bytes();

    let choice = choose_and_decode(bytes, input.is_utf8(), options)?;
    let text = match choice.text {
        Some(decoded) => decoded,
        None => input.into_string(),
    };
    let (text, removed_controls) = hygiene::clean(text);
    let (text, mojibake_repaired) = mojibake::repair(text);
    let content_type = options
        .content_type_hint
        .unwrap_or_else(|| sniff_content_type(&text));
    Ok(Decoded {
        text,
        content_type,
        encoding: choice.encoding.name(),
        encoding_source: choice.source,
        replaced_sequences: choice.errors,
        gunzipped,
        removed_controls,
        mojibake_repaired,
        declared_encoding: choice.declared.map(Encoding::name),
    })
}

/// The document's bytes, checked once for being valid UTF-8 (most are). Valid UTF-8 that we
/// own (an inflated buffer) becomes the text as it is, without a copy.
enum Input<'a> {
    Utf8(Cow<'a, str>),
    Other(Cow<'a, [u8]>),
}

impl<'a> Input<'a> {
    fn new(inflated: Option<Vec<u8>>, bytes: &'a [u8]) -> Self {
        match inflated {
            Some(buffer) => match String::from_utf8(buffer) {
                Ok(text) => Input::Utf8(Cow::Owned(text)),
                Err(e) => Input::Other(Cow::Owned(e.into_bytes())),
            },
            None => match std::str::from_utf8(bytes) {
                Ok(text) => Input::Utf8(Cow::Borrowed(text)),
                Err(_) => Input::Other(Cow::Borrowed(bytes)),
            },
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Input::Utf8(text) => text.as_bytes(),
            Input::Other(bytes) => bytes,
        }
    }

    fn is_utf8(&self) -> bool {
        matches!(self, Input::Utf8(_))
    }

    /// The input as text; only called for valid UTF-8 (anything else is lossily converted).
    fn into_string(self) -> String {
        match self {
            Input::Utf8(text) => text.into_owned(),
            Input::Other(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

struct Choice {
    /// The decoded text; `None` when it is the input itself (valid UTF-8 read as UTF-8), which
    /// the caller takes over without decoding or copying it.
    text: Option<String>,
    encoding: &'static Encoding,
    source: EncodingSource,
    errors: usize,
    declared: Option<&'static Encoding>,
}

impl Choice {
    fn new(
        (text, errors): (String, usize),
        encoding: &'static Encoding,
        source: EncodingSource,
    ) -> Self {
        Choice {
            text: Some(text),
            encoding,
            source,
            errors,
            declared: None,
        }
    }

    /// The input, valid UTF-8, taken as UTF-8 text.
    fn utf8_input(source: EncodingSource) -> Self {
        Choice {
            text: None,
            encoding: encoding_rs::UTF_8,
            source,
            errors: 0,
            declared: None,
        }
    }
}

/// A declared label we can act on. `replacement` (ISO-2022-KR and friends) would decode to a
/// single U+FFFD, so it counts as no declaration; UTF-16 declared for bytes that show no
/// UTF-16 pattern is plainly wrong and is ignored too.
fn usable_label(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::REPLACEMENT
        || enc == encoding_rs::UTF_16LE
        || enc == encoding_rs::UTF_16BE
    {
        return None;
    }
    if enc == encoding_rs::X_USER_DEFINED {
        return Some(encoding_rs::WINDOWS_1252);
    }
    Some(enc)
}

fn choose_and_decode(
    bytes: &[u8],
    utf8_valid: bool,
    options: &DecodeOptions<'_>,
) -> Result<Choice, DetectError> {
    // 1. A byte order mark is the strongest signal there is.
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let choice = Choice::new(
            encoding::decode_counting(enc, body),
            enc,
            EncodingSource::Bom,
        );
        return reject_garbage(choice, body);
    }

    // 2. Binary formats, BOM-less UTF-16, control-byte density.
    if let Some(format) = sniff::binary_format(bytes) {
        return Err(DetectError::Binary(format.to_owned()));
    }
    if let Some(enc) = sniff::utf16_without_bom(bytes) {
        let transport = options
            .transport_charset
            .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
        let source = if transport == Some(enc) {
            EncodingSource::Transport
        } else {
            EncodingSource::Sniffed
        };
        return Ok(Choice::new(
            encoding::decode_counting(enc, bytes),
            enc,
            source,
        ));
    }
    if let Some(percent) = sniff::control_byte_percent(bytes) {
        return Err(DetectError::Binary(format!("{percent}% control bytes")));
    }

    // 3. Declarations: transport first, then <meta> for documents that look like HTML.
    let ascii = utf8_valid && bytes.is_ascii();
    let declared = options
        .transport_charset
        .and_then(usable_label)
        .map(|e| (e, EncodingSource::Transport))
        .or_else(|| {
            looks_like_html(bytes, options)
                .then(|| prescan::prescan(bytes))
                .flatten()
                .map(|e| (e, EncodingSource::Meta))
        });

    if let Some((declared_enc, source)) = declared {
        let mut choice = decide_declared(bytes, declared_enc, source, utf8_valid, ascii, options);
        choice.declared = Some(declared_enc);
        return if utf8_valid {
            Ok(choice)
        } else {
            reject_garbage(choice, bytes)
        };
    }

    // 4. No declaration. ASCII is valid UTF-8, and UTF-8 is what an undeclared ASCII page
    //    most likely is when it grows non-ASCII characters; chardetng would say
    //    windows-1252, which decodes ASCII the same but reports a needlessly legacy name.
    if ascii {
        return Ok(Choice::utf8_input(EncodingSource::Default));
    }
    if utf8_valid {
        // Non-ASCII bytes forming only valid UTF-8 sequences are UTF-8 for all practical
        // purposes: legacy text almost never happens to be valid UTF-8.
        return Ok(Choice::utf8_input(EncodingSource::Sniffed));
    }
    let enc = encoding::guess(bytes, options.tld);
    let choice = Choice::new(
        encoding::decode_counting(enc, bytes),
        enc,
        EncodingSource::Sniffed,
    );
    reject_garbage(choice, bytes)
}

/// Wrong declarations. Servers and authors often declare an encoding the bytes are not in
/// (a template says UTF-8 while the database emits windows-1251, or a legacy charset stays
/// in a header after the site moved to UTF-8). Browsers obey and show mojibake; we do not:
///
/// * a legacy encoding declared for bytes that are valid UTF-8 with non-ASCII characters:
///   UTF-8, source `Sniffed` (legacy text is practically never valid UTF-8 by accident);
/// * a declared encoding whose decoding replaces more than 10% of the non-ASCII characters:
///   the sniffed encoding, source `Sniffed`, if it decodes with fewer errors.
///
/// Otherwise the declaration stands, with its source.
fn decide_declared(
    bytes: &[u8],
    declared: &'static Encoding,
    source: EncodingSource,
    utf8_valid: bool,
    ascii: bool,
    options: &DecodeOptions<'_>,
) -> Choice {
    if utf8_valid && declared == encoding_rs::UTF_8 {
        return Choice::utf8_input(source);
    }
    if utf8_valid && ascii {
        return Choice::new(encoding::decode_counting(declared, bytes), declared, source);
    }
    if utf8_valid {
        return Choice::utf8_input(EncodingSource::Sniffed);
    }
    let (text, errors) = encoding::decode_counting(declared, bytes);
    if !encoding::too_many_errors(&text, errors) {
        return Choice::new((text, errors), declared, source);
    }
    let sniffed = encoding::guess(bytes, options.tld);
    if sniffed != declared {
        let (alt_text, alt_errors) = encoding::decode_counting(sniffed, bytes);
        if alt_errors < errors {
            return Choice::new((alt_text, alt_errors), sniffed, EncodingSource::Sniffed);
        }
    }
    Choice::new((text, errors), declared, source)
}

/// Whether to run the `<meta>` prescan: the caller says HTML, or the start of the bytes
/// (read as ASCII, which all prescan-able encodings are compatible with) looks like HTML.
fn looks_like_html(bytes: &[u8], options: &DecodeOptions<'_>) -> bool {
    match options.content_type_hint {
        Some(hint) => hint == ContentType::Html,
        None => {
            let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
            sniff_content_type(&String::from_utf8_lossy(head)) == ContentType::Html
        }
    }
}

/// Applies the garbage check to text decoded from bytes that were not valid UTF-8 (valid
/// UTF-8 is text by construction, whatever its content).
fn reject_garbage(choice: Choice, bytes: &[u8]) -> Result<Choice, DetectError> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(choice);
    }
    match choice.text.as_deref().and_then(encoding::not_text) {
        Some(reason) => Err(DetectError::NotText(format!(
            "{reason} when decoded as {}",
            choice.encoding.name()
        ))),
        None => Ok(choice),
    }
}

/// The language of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// ISO 639-3 code, or `"und"` when the text is too short or the guess unreliable.
    pub code: &'static str,
    /// 0.0..=1.0; 0.0 for `und`.
    pub confidence: f64,
}

/// Identifies the language of a (cleaned) text from its first 1,000 characters (whatlang names
/// a language from some 150 words as well as from more, and its cost grows with the text).
pub fn language(text: &str) -> Language {
    language::detect(text)
}

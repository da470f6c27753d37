//! Input streams to documents: WARC/WET and JSONL dumps read record by record, so that a
//! multi-gigabyte crawl file never has to fit in memory.
//!
//! Pure parsing over [`std::io::BufRead`]: the caller opens files and picks decompression
//! ([`decompress`] covers the multi-member `.warc.gz` Common Crawl ships; [`open`] adds
//! format sniffing). Every record, skipped record and bad record comes out as an [`Entry`],
//! so a manifest can account for all of them.
//!
//! After an error, reading goes on where the format allows it:
//! - JSONL: always, with the next line (a read error ends the stream).
//! - WARC: after a bad version or header line or a missing `Content-Length`, on the next
//!   line starting with `WARC/1.`; after a record cut short, a wrong `Content-Length` (the
//!   block is not followed by CRLF CRLF) or a read error (truncated gzip), not at all: the
//!   error is [`RecordError::fatal`] and the last entry.
//!
//! Memory is bounded by [`ReadOptions::max_record_bytes`] per record: larger records are
//! read through without being kept.
// House rules the compiler enforces (see ARCHITECTURE.md): a library prints nothing, and
// its items are `pub` only where another crate reaches them.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod error;
mod http;
mod io;
mod jsonl;
mod warc;

use std::fmt;
use std::io::{BufRead, Read};

pub use error::{ErrorKind, Position, RecordError};
pub use io::{Decompressed, decompress};
pub use jsonl::JsonlReader;
pub use warc::WarcReader;

/// What the body is, as far as the container says; `Unknown` leaves it to sniffing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Html,
    Text,
    Unknown,
}

impl RecordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Html => "html",
            RecordKind::Text => "text",
            RecordKind::Unknown => "unknown",
        }
    }
}

/// One document of a stream, with the provenance its container gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Stable name for outputs: the WARC record UUID, the JSONL `id`, or
    /// `{source stem}:{record index or line}`.
    pub id: String,
    /// `id` is the position fallback (`{source stem}:{n}`), not the record's own: unique
    /// within one stream only.
    pub fallback_id: bool,
    pub url: Option<String>,
    /// `WARC-Date` as written (ISO 8601).
    pub date: Option<String>,
    /// `WARC-Record-ID` as written, e.g. `<urn:uuid:…>`.
    pub record_id: Option<String>,
    /// The document bytes: HTTP payload with chunking and gzip undone, WET text, or the
    /// JSONL string in UTF-8.
    pub body: Vec<u8>,
    pub kind: RecordKind,
    /// Charset the transport declared (HTTP `Content-Type`); `utf-8` for JSONL.
    pub transport_charset: Option<String>,
    pub http_status: Option<u16>,
    /// JSONL fields other than `html`, `text`, `id` and `url`, to carry into the output.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Record {
    /// Top-level domain of `url`, lower-cased: a hint for the encoding sniffer.
    pub fn tld(&self) -> Option<String> {
        let url = self.url.as_deref()?;
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let authority = rest.split(['/', '?', '#']).next()?;
        let host = authority.rsplit('@').next()?;
        if host.starts_with('[') {
            return None; // IPv6 literal
        }
        let host = host.split(':').next()?.trim_end_matches('.');
        let tld = host.rsplit('.').next()?;
        (host.contains('.') && !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| tld.to_ascii_lowercase())
    }
}

/// Why a record holds no document; counted, not reported as an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// `warcinfo`, `request`, `metadata`, `revisit`, `resource`...
    WarcType(String),
    /// A `response` whose block is not HTTP (e.g. `text/dns`).
    NotHttp(String),
    /// HTTP status other than 200.
    HttpStatus(u16),
    /// A 200 response of another media type, e.g. `image/png`.
    NotHtml(String),
}

impl SkipReason {
    /// A fixed label per variant, for summary counts.
    pub fn category(&self) -> &'static str {
        match self {
            SkipReason::WarcType(_) => "warc-type",
            SkipReason::NotHttp(_) => "not-http",
            SkipReason::HttpStatus(_) => "http-status",
            SkipReason::NotHtml(_) => "not-html",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::WarcType(t) => write!(f, "WARC-Type {t}"),
            SkipReason::NotHttp(t) => write!(f, "not HTTP: {t}"),
            SkipReason::HttpStatus(s) => write!(f, "HTTP status {s}"),
            SkipReason::NotHtml(t) => write!(f, "not HTML: {t}"),
        }
    }
}

/// What a reader yields per record.
#[derive(Debug)]
pub enum Entry {
    Record(Record),
    Skipped {
        reason: SkipReason,
        record_id: Option<String>,
    },
    /// Reading goes on after it unless [`RecordError::fatal`].
    Error(RecordError),
}

/// Default [`ReadOptions::max_record_bytes`]: 64 MiB, far above any real page (Common
/// Crawl truncates at 1 MiB) yet bounded.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest record kept: a WARC block, an inflated HTTP body, a JSONL line, a single
    /// document. A larger one is an error entry and is read through without being buffered.
    pub max_record_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
        }
    }
}

/// How a stream holds its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Warc,
    Jsonl,
    /// The whole stream is one document.
    Single,
}

/// Picks the format from the file name, then the first bytes (which may still be gzip:
/// a prefix is inflated to look inside). Document extensions (`.html`, `.txt`) stay
/// `Single` even when the content starts with `{`.
pub fn sniff_format(first_bytes: &[u8], file_name: &str) -> Format {
    if let Some(format) = format_by_name(file_name) {
        return format;
    }
    let mut inflated = Vec::new();
    let content = if first_bytes.starts_with(&io::GZIP_MAGIC) {
        // A prefix inflates until the data runs out; what came out before the error is enough.
        let mut decoder = flate2::read::GzDecoder::new(first_bytes);
        let mut buf = [0u8; 64];
        while inflated.len() < 64 {
            match decoder.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => inflated.extend_from_slice(buf.get(..n).unwrap_or_default()),
            }
        }
        &inflated[..]
    } else {
        first_bytes
    };
    let content = content.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(content);
    let start = content
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(content.len());
    let content = content.get(start..).unwrap_or_default();
    if content.starts_with(b"WARC/1.") {
        Format::Warc
    } else if content.starts_with(b"{") {
        Format::Jsonl
    } else {
        Format::Single
    }
}

fn format_by_name(file_name: &str) -> Option<Format> {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let name = name.to_ascii_lowercase();
    let name = [".gz", ".zst", ".zstd"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name);
    match name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .unwrap_or_default()
    {
        "warc" | "wet" => Some(Format::Warc),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "html" | "htm" | "xhtml" | "txt" | "text" => Some(Format::Single),
        _ => None,
    }
}

/// The file name without directories and container extensions: `a/CC-1.warc.gz` →
/// `CC-1`; used in fallback ids. Standard input (`-` or empty) is `stdin`.
pub fn source_stem(source_name: &str) -> &str {
    let name = source_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source_name);
    if name.is_empty() || name == "-" {
        return "stdin";
    }
    let mut stem = name;
    for ext in [".gz", ".zst", ".zstd"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            break;
        }
    }
    for ext in [".warc", ".wet", ".jsonl", ".ndjson", ".json"] {
        if let Some(s) = stem.strip_suffix(ext) {
            stem = s;
            break;
        }
    }
    if stem.is_empty() { name } else { stem }
}

/// Reads a whole stream as one document, within the size limit.
pub struct SingleReader<R> {
    input: Option<R>,
    stem: String,
    options: ReadOptions,
}

impl<R> fmt::Debug for SingleReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SingleReader")
            .field("source", &self.stem)
            .field("done", &self.input.is_none())
            .finish_non_exhaustive()
    }
}

impl<R: Read> SingleReader<R> {
    pub fn new(input: R, source_name: &str, options: ReadOptions) -> Self {
        SingleReader {
            input: Some(input),
            stem: source_stem(source_name).to_string(),
            options,
        }
    }
}

impl<R: Read> Iterator for SingleReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let input = self.input.take()?;
        let limit = self.options.max_record_bytes;
        let error = |kind| {
            Entry::Error(RecordError {
                at: Position::Stream,
                record_id: None,
                kind,
                fatal: true,
            })
        };
        let mut body = Vec::new();
        let mut limited = input.take(limit.saturating_add(1));
        if let Err(e) = limited.read_to_end(&mut body) {
            return Some(error(ErrorKind::Io(e)));
        }
        if body.len() as u64 > limit {
            // Nothing follows a single document: the rest is not read (it may not end).
            return Some(error(ErrorKind::TooLargeStream { limit }));
        }
        Some(Entry::Record(Record {
            id: self.stem.clone(),
            fallback_id: true,
            url: None,
            date: None,
            record_id: None,
            body,
            kind: RecordKind::Unknown,
            transport_charset: None,
            http_status: None,
            extra: serde_json::Map::new(),
        }))
    }
}

/// Any of the readers, chosen by [`Format`].
#[derive(Debug)]
pub enum Records<R> {
    Warc(WarcReader<R>),
    Jsonl(JsonlReader<R>),
    Single(SingleReader<R>),
    /// The stream failed before its first record (see [`open`]): yields that error once.
    Failed(Option<RecordError>),
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        match self {
            Records::Warc(r) => r.next(),
            Records::Jsonl(r) => r.next(),
            Records::Single(r) => r.next(),
            Records::Failed(e) => e.take().map(Entry::Error),
        }
    }
}

impl<R: BufRead> Records<R> {
    /// The next entry, leaving a JSONL line's parse (the costly part of reading JSONL) to
    /// [`Pending::into_entry`], which may run on another thread; entries come out in the
    /// same order, and the same, as from [`Iterator::next`].
    pub fn next_pending(&mut self) -> Option<Pending> {
        match self {
            Records::Jsonl(r) => r.next_pending().map(|line| match line {
                Ok(line) => Pending(PendingKind::Jsonl(line)),
                Err(error) => Pending(PendingKind::Ready(Entry::Error(error))),
            }),
            other => other.next().map(|entry| Pending(PendingKind::Ready(entry))),
        }
    }
}

/// An entry read but perhaps not parsed yet; see [`Records::next_pending`].
#[derive(Debug)]
pub struct Pending(PendingKind);

#[derive(Debug)]
enum PendingKind {
    Ready(Entry),
    Jsonl(jsonl::JsonlLine),
}

impl Pending {
    /// Bytes it holds (a record's body, a JSONL line): what a batch of them weighs.
    pub fn size(&self) -> usize {
        match &self.0 {
            PendingKind::Ready(Entry::Record(record)) => record.body.len(),
            PendingKind::Ready(_) => 0,
            PendingKind::Jsonl(line) => line.len(),
        }
    }

    pub fn into_entry(self) -> Entry {
        match self.0 {
            PendingKind::Ready(entry) => entry,
            PendingKind::Jsonl(line) => line.parse(),
        }
    }
}

/// The reader for `format`; `source_name` names the stream in fallback ids.
pub fn records<R: BufRead>(
    input: R,
    format: Format,
    source_name: &str,
    options: ReadOptions,
) -> Records<R> {
    match format {
        Format::Warc => Records::Warc(WarcReader::new(input, source_name, options)),
        Format::Jsonl => Records::Jsonl(JsonlReader::new(input, source_name, options)),
        Format::Single => Records::Single(SingleReader::new(input, source_name, options)),
    }
}

/// Gunzips if needed, sniffs the format from `file_name` and the first bytes, and returns
/// the matching reader: the one-call entry point for a file or standard input.
///
/// Never fails: a read error before the first record (unreadable file, gzip cut inside its
/// first member) comes out as the reader's only entry, a fatal error, so that every input
/// is accounted for the same way.
pub fn open<R: Read>(
    input: R,
    file_name: &str,
    options: ReadOptions,
) -> (Format, Records<Decompressed<R>>) {
    let by_name = || format_by_name(file_name).unwrap_or(Format::Single);
    let failed = |format: Format, e: std::io::Error| {
        let at = match format {
            Format::Warc => Position::Record {
                index: 1,
                offset: 0,
            },
            Format::Jsonl => Position::Line(1),
            Format::Single => Position::Stream,
        };
        Records::Failed(Some(RecordError {
            at,
            record_id: None,
            kind: ErrorKind::Io(e),
            fatal: true,
        }))
    };
    let mut input = match decompress(input) {
        Ok(input) => input,
        Err(e) => return (by_name(), failed(by_name(), e)),
    };
    // Look ahead until the content decides the format (or 64 bytes do), reading no
    // further than needed: a pipe may be waiting on our output.
    while format_by_name(file_name).is_none() {
        let first = match input.fill_buf() {
            Ok(first) => first,
            Err(e) => return (by_name(), failed(by_name(), e)),
        };
        if first.len() >= 64 || content_decided(first) {
            break;
        }
        match input.fill_more() {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return (by_name(), failed(by_name(), e)),
        }
    }
    let format = match input.fill_buf() {
        Ok(first) => sniff_format(first, file_name),
        Err(e) => return (by_name(), failed(by_name(), e)),
    };
    (format, records(input, format, file_name, options))
}

/// Whether these first bytes are enough for [`sniff_format`]'s content rules.
fn content_decided(first: &[u8]) -> bool {
    if b"\xEF\xBB\xBF".starts_with(first) {
        return false;
    }
    let start = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
    let start = match start.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(i) => start.get(i..).unwrap_or_default(),
        None => return false,
    };
    !b"WARC/1.".starts_with(start.get(..start.len().min(7)).unwrap_or_default()) || start.len() >= 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(sniff_format(b"", "CC-MAIN-1.warc.gz"), Format::Warc);
        assert_eq!(sniff_format(b"", "x.WET"), Format::Warc);
        assert_eq!(sniff_format(b"", "dir/x.jsonl.zst"), Format::Jsonl);
        assert_eq!(sniff_format(b"", "x.ndjson"), Format::Jsonl);
        assert_eq!(sniff_format(b"{\"a\":1}", "page.html"), Format::Single);
        assert_eq!(
            sniff_format(b"\xEF\xBB\xBF\n WARC/1.1\r\n", "-"),
            Format::Warc
        );
        assert_eq!(sniff_format(b"{\"html\":\"\"}", "data"), Format::Jsonl);
        assert_eq!(sniff_format(b"<html>", "data"), Format::Single);
        assert_eq!(sniff_format(b"", ""), Format::Single);
        let gz = {
            use std::io::Write;
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            for i in 0..1000u64 {
                write!(
                    e,
                    "WARC/1.0\r\nLine: {}\r\n",
                    i.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                )
                .unwrap();
            }
            e.finish().unwrap()
        };
        assert_eq!(sniff_format(&gz, "noext"), Format::Warc);
        assert_eq!(sniff_format(&gz[..200], "noext"), Format::Warc);
        assert_eq!(sniff_format(&gz[..3], "noext"), Format::Single);
    }

    #[test]
    fn stems() {
        assert_eq!(source_stem("/data/CC-MAIN-1.warc.gz"), "CC-MAIN-1");
        assert_eq!(source_stem("a.b.jsonl"), "a.b");
        assert_eq!(source_stem("page.html"), "page.html");
        assert_eq!(source_stem("-"), "stdin");
        assert_eq!(source_stem(".jsonl"), ".jsonl");
        assert_eq!(source_stem("dir/"), "stdin");
    }

    #[test]
    fn tlds() {
        let tld = |url: &str| {
            Record {
                id: String::new(),
                fallback_id: false,
                url: Some(url.into()),
                date: None,
                record_id: None,
                body: Vec::new(),
                kind: RecordKind::Html,
                transport_charset: None,
                http_status: None,
                extra: Default::default(),
            }
            .tld()
        };
        assert_eq!(tld("http://News.Example.RU/a?b").as_deref(), Some("ru"));
        assert_eq!(tld("https://user@host.de:8080/x").as_deref(), Some("de"));
        assert_eq!(tld("http://127.0.0.1/"), None);
        assert_eq!(tld("http://[::1]/"), None);
        assert_eq!(tld("localhost"), None);
        assert_eq!(tld("example.com."), Some("com".into()));
    }
}

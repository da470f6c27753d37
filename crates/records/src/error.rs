//! Errors of one record, with where in the stream they happened.

use std::fmt;
use std::io;

/// Where a record starts, so a manifest can name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Position {
    /// The `index`-th WARC record (1-based), starting `offset` bytes into the uncompressed
    /// stream.
    Record { index: u64, offset: u64 },
    /// A JSONL line (1-based).
    Line(u64),
    /// A single-document stream.
    Stream,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Position::Record { index, offset } => write!(f, "record {index} at byte {offset}"),
            Position::Line(line) => write!(f, "line {line}"),
            Position::Stream => f.write_str("document"),
        }
    }
}

/// A record that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{at}{}: {kind}", .record_id.as_deref().map(|id| format!(" ({id})")).unwrap_or_default())]
pub struct RecordError {
    pub at: Position,
    /// `WARC-Record-ID`, when the header got that far.
    pub record_id: Option<String>,
    pub kind: ErrorKind,
    /// The reader ends after this error: what follows cannot be located (truncated stream,
    /// wrong `Content-Length`, read or decompression error).
    pub fatal: bool,
}

/// What went wrong with a record.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    #[error("read error: {}", describe_io(.0))]
    Io(io::Error),
    #[error("not a WARC record: expected a `WARC/1.x` line, found {found:?}")]
    BadVersion { found: String },
    #[error("bad WARC header line {line:?}")]
    BadHeader { line: String },
    #[error("WARC header longer than {limit} bytes")]
    HeaderTooLong { limit: usize },
    #[error("missing or invalid Content-Length ({})", .value.as_deref().unwrap_or("none"))]
    BadContentLength { value: Option<String> },
    #[error("missing WARC-Type")]
    MissingType,
    #[error("truncated record: stream ends inside the WARC header")]
    TruncatedHeader,
    #[error("truncated record: Content-Length is {expected}, the stream ends after {got} bytes")]
    Truncated { expected: u64, got: u64 },
    #[error("record block not followed by CRLF CRLF (wrong Content-Length {length}?)")]
    BadTrailer { length: u64 },
    /// For a compressed HTTP body, `size` is a lower bound: inflation stops at the limit.
    #[error("record too large: {size} bytes, limit {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// A single document's stream went on past the limit (`/dev/zero`, a runaway pipe): it
    /// is not read further.
    #[error("input too large: more than {limit} bytes; not read further")]
    TooLargeStream { limit: u64 },
    #[error("bad HTTP response: {0}")]
    BadHttp(String),
    #[error("invalid JSON: {0}")]
    BadJson(String),
    #[error("JSON line is not an object")]
    NotObject,
    #[error("no `html` or `text` string field")]
    NoContent,
}

/// flate2 reports a gzip stream cut short as a bare "unexpected EOF"; say what it means.
fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::UnexpectedEof => format!("truncated stream (unexpected end of data: {e})"),
        _ => e.to_string(),
    }
}

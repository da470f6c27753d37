//! WARC 1.0/1.1 (and WET) records, one at a time.
//!
//! Each record is `WARC/1.x` line, header lines, blank line, exactly `Content-Length` bytes
//! of block, then CRLF CRLF. Blocks are never buffered unless they become a [`Record`]:
//! skipped and oversized ones are read through and dropped.
//!
//! Recovery: after a bad version or header line, a missing or contradictory
//! `Content-Length`, or a block not followed by its trailer (a wrong `Content-Length`), the
//! reader reports the error and resyncs on the next line starting with `WARC/1.` (which may,
//! rarely, be inside a payload; a `Content-Length` too long has swallowed what it covers).
//! The trailer may be written with bare LFs. A record cut short by the end of the stream, or
//! a read error (truncated gzip), end the stream.

use std::fmt;
use std::io::{self, BufRead, Read};

use crate::error::{ErrorKind, Position, RecordError};
use crate::http::{self, HeadError, Inflated};
use crate::io::{Counted, Line, read_line, trim_eol};
use crate::{Entry, ReadOptions, Record, RecordKind, SkipReason, source_stem};

/// Longest WARC header accepted (Common Crawl's are under 1 KB).
const MAX_HEADER_BYTES: usize = 256 << 10;

/// Reads WARC or WET records from an uncompressed stream (see [`crate::decompress`]).
pub struct WarcReader<R> {
    input: Counted<R>,
    stem: String,
    options: ReadOptions,
    /// Records started so far (bad ones included), for positions and fallback ids.
    index: u64,
    /// The next call must first look for a `WARC/1.` line.
    resync: bool,
    /// A `WARC/1.` line already consumed (at this offset) while reading a header.
    pending_version: Option<u64>,
    done: bool,
    line: Vec<u8>,
}

impl<R> fmt::Debug for WarcReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WarcReader")
            .field("source", &self.stem)
            .field("index", &self.index)
            .field("offset", &self.input.pos)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Header fields of the record being read.
struct Ctx {
    at: Position,
    record_id: Option<String>,
}

enum Fail {
    /// Report and go on with the next record.
    Soft(ErrorKind),
    /// Report and resync on the next `WARC/1.` line.
    Resync(ErrorKind),
    /// Report and stop.
    Fatal(ErrorKind),
}

impl<R: BufRead> WarcReader<R> {
    /// `source_name` (a path or file name) gives fallback ids: `{stem}:{record index}`.
    pub fn new(input: R, source_name: &str, options: ReadOptions) -> Self {
        WarcReader {
            input: Counted::new(input),
            stem: source_stem(source_name).to_string(),
            options,
            index: 0,
            resync: false,
            pending_version: None,
            done: false,
            line: Vec::new(),
        }
    }

    /// Bytes of the uncompressed stream consumed so far.
    pub fn offset(&self) -> u64 {
        self.input.pos
    }

    fn read_entry(&mut self) -> Option<Entry> {
        let offset = match self.find_version_line() {
            Ok(Some(offset)) => offset,
            Ok(None) => return None,
            Err(e) => {
                return Some(Entry::Error(RecordError {
                    at: Position::Record {
                        index: self.index + 1,
                        offset: self.input.pos,
                    },
                    record_id: None,
                    kind: ErrorKind::Io(e),
                    fatal: true,
                }));
            }
        };
        self.index += 1;
        let mut ctx = Ctx {
            at: Position::Record {
                index: self.index,
                offset,
            },
            record_id: None,
        };
        let outcome = self.read_record(&mut ctx);
        Some(match outcome {
            Ok(entry) => entry,
            Err(fail) => {
                let (kind, fatal) = match fail {
                    Fail::Soft(kind) => (kind, false),
                    Fail::Resync(kind) => {
                        self.resync = true;
                        (kind, false)
                    }
                    Fail::Fatal(kind) => (kind, true),
                };
                Entry::Error(RecordError {
                    at: ctx.at,
                    record_id: ctx.record_id,
                    kind,
                    fatal,
                })
            }
        })
    }

    /// Finds the start of the next record, leaving its first line in `self.line`; returns
    /// its offset, or `None` at the end of the stream.
    fn find_version_line(&mut self) -> io::Result<Option<u64>> {
        if let Some(offset) = self.pending_version.take() {
            self.resync = false;
            return Ok(Some(offset));
        }
        loop {
            let start = self.input.pos;
            match read_line(&mut self.input, &mut self.line, MAX_HEADER_BYTES)? {
                Line::Eof => return Ok(None),
                Line::TooLong { .. } if self.resync => {}
                Line::TooLong { size } => {
                    // Not a version line; report it as one so that resync takes over.
                    self.line = format!("<line of {size} bytes>").into_bytes();
                    return Ok(Some(start));
                }
                Line::Complete if self.resync => {
                    if self.line.starts_with(b"WARC/1.") {
                        self.resync = false;
                        return Ok(Some(start));
                    }
                }
                // Blank lines between records are tolerated (some writers add extra ones).
                Line::Complete if trim_eol(&self.line).iter().all(u8::is_ascii_whitespace) => {}
                Line::Complete => return Ok(Some(start)),
            }
        }
    }

    fn read_record(&mut self, ctx: &mut Ctx) -> Result<Entry, Fail> {
        if !self.line.starts_with(b"WARC/1.") {
            let found = http::shorten(&String::from_utf8_lossy(trim_eol(&self.line)));
            return Err(Fail::Resync(ErrorKind::BadVersion { found }));
        }
        let headers = self.read_header(ctx)?;
        let get = |name: &str| http::header(&headers, name);
        let length_value = get("Content-Length");
        // Two different lengths: no telling where the block ends.
        let lengths = headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.trim());
        if lengths
            .clone()
            .any(|v| Some(v) != length_value.map(str::trim))
        {
            return Err(Fail::Resync(ErrorKind::BadContentLength {
                value: Some(lengths.collect::<Vec<_>>().join(", ")),
            }));
        }
        let length = length_value
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| {
                Fail::Resync(ErrorKind::BadContentLength {
                    value: length_value.map(str::to_string),
                })
            })?;
        let warc_type = get("WARC-Type").map(|t| t.trim().to_ascii_lowercase());
        let mut block = (&mut self.input).take(length);
        let outcome = match warc_type.as_deref() {
            Some("response") => response(&mut block, &headers, &self.options),
            Some("conversion") => conversion(&mut block, &headers, &self.options),
            Some(other) => Ok(Outcome::Skip(SkipReason::WarcType(other.to_string()))),
            None => Err(Fail::Soft(ErrorKind::MissingType)),
        };
        // Whatever was decided, the rest of the block is read through and the trailer
        // checked before anything is reported: a record cut short must not pass as good.
        let outcome = match outcome {
            Err(Fail::Fatal(kind)) => return Err(Fail::Fatal(kind)),
            other => other,
        };
        let left = skip(&mut block).map_err(|e| Fail::Fatal(ErrorKind::Io(e)))?;
        if left > 0 {
            return Err(Fail::Fatal(ErrorKind::Truncated {
                expected: length,
                got: length - left,
            }));
        }
        self.read_trailer(length)?;
        match outcome? {
            Outcome::Skip(reason) => Ok(Entry::Skipped {
                reason,
                record_id: ctx.record_id.clone(),
            }),
            Outcome::Keep(body) => Ok(Entry::Record(self.make_record(ctx, &headers, body))),
        }
    }

    /// Reads header lines up to the blank line; the record id goes into `ctx` as soon as it
    /// is seen, so that an error later in the header can still name the record.
    fn read_header(&mut self, ctx: &mut Ctx) -> Result<Vec<(String, String)>, Fail> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut total = 0usize;
        loop {
            let start = self.input.pos;
            match read_line(&mut self.input, &mut self.line, MAX_HEADER_BYTES) {
                Err(e) => return Err(Fail::Fatal(ErrorKind::Io(e))),
                Ok(Line::Eof) => return Err(Fail::Fatal(ErrorKind::TruncatedHeader)),
                Ok(Line::TooLong { .. }) => {
                    return Err(Fail::Resync(ErrorKind::HeaderTooLong {
                        limit: MAX_HEADER_BYTES,
                    }));
                }
                Ok(Line::Complete) => {}
            }
            if self.line.last() != Some(&b'\n') {
                return Err(Fail::Fatal(ErrorKind::TruncatedHeader));
            }
            total += self.line.len();
            if total > MAX_HEADER_BYTES {
                return Err(Fail::Resync(ErrorKind::HeaderTooLong {
                    limit: MAX_HEADER_BYTES,
                }));
            }
            let line = trim_eol(&self.line);
            if line.is_empty() {
                return Ok(headers);
            }
            if line.starts_with(b"WARC/1.") {
                // The previous header never ended; this line starts the next record.
                self.pending_version = Some(start);
                return Err(Fail::Soft(ErrorKind::BadHeader {
                    line: "(header cut short by the next record)".into(),
                }));
            }
            if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
                if let Some((_, value)) = headers.last_mut() {
                    value.push(' ');
                    value.push_str(String::from_utf8_lossy(line).trim());
                    continue;
                }
            }
            let text = String::from_utf8_lossy(line);
            match text.split_once(':') {
                Some((name, value))
                    if !name.is_empty() && !name.contains(|c: char| c.is_whitespace()) =>
                {
                    if name.eq_ignore_ascii_case("WARC-Record-ID") {
                        ctx.record_id = Some(value.trim().to_string());
                    }
                    headers.push((name.to_string(), value.trim().to_string()));
                }
                _ => {
                    return Err(Fail::Resync(ErrorKind::BadHeader {
                        line: http::shorten(&text),
                    }));
                }
            }
        }
    }

    /// The block must be followed by CRLF CRLF, or by LF LF (a writer's bare line ends):
    /// anything else means its `Content-Length` was wrong, and the reader resyncs. At the end
    /// of the stream a missing or partial trailer is forgiven; extra blank lines before the
    /// next record are skipped later.
    fn read_trailer(&mut self, length: u64) -> Result<(), Fail> {
        let mut expected: &[u8] = b"\r\n\r\n";
        let mut first = true;
        while let Some((&want, rest)) = expected.split_first() {
            let next = loop {
                match self.input.fill_buf() {
                    Ok(buf) => break buf.first().copied(),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(Fail::Fatal(ErrorKind::Io(e))),
                }
            };
            expected = match next {
                None => return Ok(()),
                Some(b'\n') if first => b"\n",
                Some(b) if b == want => rest,
                Some(_) => return Err(Fail::Resync(ErrorKind::BadTrailer { length })),
            };
            first = false;
            self.input.consume(1);
        }
        Ok(())
    }

    fn make_record(&self, ctx: &Ctx, headers: &[(String, String)], body: Body) -> Record {
        let get = |name: &str| http::header(headers, name);
        let own_id = ctx
            .record_id
            .as_deref()
            .map(bare_record_id)
            .filter(|id| !id.is_empty());
        Record {
            id: own_id.map_or_else(|| format!("{}:{}", self.stem, self.index), str::to_string),
            fallback_id: own_id.is_none(),
            url: get("WARC-Target-URI")
                .map(|u| {
                    u.trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_string()
                })
                .filter(|u| !u.is_empty()),
            date: get("WARC-Date").map(str::to_string),
            record_id: ctx.record_id.clone(),
            body: body.bytes,
            kind: body.kind,
            transport_charset: body.charset,
            http_status: body.status,
            extra: serde_json::Map::new(),
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        let entry = self.read_entry();
        match &entry {
            None | Some(Entry::Error(RecordError { fatal: true, .. })) => self.done = true,
            _ => {}
        }
        entry
    }
}

/// `<urn:uuid:X>` → `X`; other URIs lose only their angle brackets.
fn bare_record_id(id: &str) -> &str {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    id.strip_prefix("urn:uuid:").unwrap_or(id)
}

struct Body {
    bytes: Vec<u8>,
    kind: RecordKind,
    charset: Option<String>,
    status: Option<u16>,
}

enum Outcome {
    Keep(Body),
    Skip(SkipReason),
}

/// Reads what is left of the block and drops it; returns how many bytes were missing.
fn skip<R: Read>(block: &mut io::Take<R>) -> io::Result<u64> {
    io::copy(block, &mut io::sink())?;
    Ok(block.limit())
}

/// Reads the rest of the block, or fails as truncated.
fn read_rest<R: BufRead>(block: &mut io::Take<R>, length: u64) -> Result<Vec<u8>, Fail> {
    // Sized from the block's length (up to 16 MiB: a lying length in a cut file should not
    // reserve more) and filled straight from the reader's buffer: `read_to_end` would zero
    // every byte before overwriting it and copy the body again each time it grows.
    let mut body = Vec::with_capacity(usize::try_from(block.limit().min(16 << 20)).unwrap_or(0));
    loop {
        let chunk = match block.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Fail::Fatal(ErrorKind::Io(e))),
        };
        if chunk.is_empty() {
            break;
        }
        body.extend_from_slice(chunk);
        let n = chunk.len();
        block.consume(n);
    }
    if block.limit() > 0 {
        return Err(Fail::Fatal(ErrorKind::Truncated {
            expected: length,
            got: length - block.limit(),
        }));
    }
    Ok(body)
}

fn response<R: BufRead>(
    block: &mut io::Take<R>,
    headers: &[(String, String)],
    options: &ReadOptions,
) -> Result<Outcome, Fail> {
    let length = block.limit();
    if let Some(ct) = http::header(headers, "Content-Type") {
        let (media, _) = http::media_type(ct);
        if !media.is_empty() && media != "application/http" {
            return Ok(Outcome::Skip(SkipReason::NotHttp(media)));
        }
    }
    let head = match http::read_head(block) {
        Ok(head) => head,
        Err(HeadError::Io(e)) => return Err(Fail::Fatal(ErrorKind::Io(e))),
        Err(HeadError::Eof) if block.limit() > 0 => {
            return Err(Fail::Fatal(ErrorKind::Truncated {
                expected: length,
                got: length - block.limit(),
            }));
        }
        Err(HeadError::Eof) => {
            return Err(Fail::Soft(ErrorKind::BadHttp(
                "record ends inside the HTTP head".into(),
            )));
        }
        Err(HeadError::Malformed(why)) => return Err(Fail::Soft(ErrorKind::BadHttp(why))),
    };
    if head.status != 200 {
        return Ok(Outcome::Skip(SkipReason::HttpStatus(head.status)));
    }
    let (media, charset) = head
        .get("Content-Type")
        .map(http::media_type)
        .unwrap_or_default();
    let kind = match media.as_str() {
        "text/html" | "application/xhtml+xml" => RecordKind::Html,
        "text/plain" => RecordKind::Text,
        "" => RecordKind::Unknown,
        _ => return Ok(Outcome::Skip(SkipReason::NotHtml(media))),
    };
    let limit = options.max_record_bytes;
    if length > limit {
        return Err(Fail::Soft(ErrorKind::TooLarge {
            size: length,
            limit,
        }));
    }
    let mut bytes = read_rest(block, length)?;
    if head.has_coding("Transfer-Encoding", "chunked") {
        if let Some(plain) = http::dechunk(&bytes) {
            bytes = plain;
        }
    }
    if let Some(coding) = head.get("Content-Encoding") {
        match http::inflate(&bytes, coding, limit) {
            Inflated::Done(plain) => bytes = plain,
            Inflated::TooLarge { size } => {
                return Err(Fail::Soft(ErrorKind::TooLarge { size, limit }));
            }
            Inflated::Failed => {}
        }
    }
    Ok(Outcome::Keep(Body {
        bytes,
        kind,
        charset,
        status: Some(head.status),
    }))
}

/// A WET `conversion` record: the block is the extracted text.
fn conversion<R: BufRead>(
    block: &mut io::Take<R>,
    headers: &[(String, String)],
    options: &ReadOptions,
) -> Result<Outcome, Fail> {
    let length = block.limit();
    if length > options.max_record_bytes {
        return Err(Fail::Soft(ErrorKind::TooLarge {
            size: length,
            limit: options.max_record_bytes,
        }));
    }
    let bytes = read_rest(block, length)?;
    let charset = http::header(headers, "Content-Type").and_then(|ct| http::media_type(ct).1);
    Ok(Outcome::Keep(Body {
        bytes,
        kind: RecordKind::Text,
        charset,
        status: None,
    }))
}

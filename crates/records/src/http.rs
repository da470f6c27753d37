//! The HTTP response inside a WARC `response` record: status line, headers, body encodings.

use std::io::{self, BufRead, Read};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::io::{GZIP_MAGIC, Line, read_line, trim_eol};

/// Longest HTTP head (status line and headers) accepted; real ones are a few KB.
const MAX_HEAD_BYTES: usize = 256 << 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Head {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
}

impl Head {
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }

    /// Whether a comma-separated header (`Transfer-Encoding`, `Content-Encoding`) names
    /// `coding`.
    pub(crate) fn has_coding(&self, name: &str, coding: &str) -> bool {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .flat_map(|(_, v)| v.split(','))
            .any(|c| c.trim().eq_ignore_ascii_case(coding))
    }
}

pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[derive(Debug)]
pub(crate) enum HeadError {
    Io(io::Error),
    /// The input ended before the blank line closing the head.
    Eof,
    Malformed(String),
}

/// Reads the status line and headers up to the blank line; bare `\n` line ends are
/// accepted, as lenient as crawlers that recorded them.
pub(crate) fn read_head<R: BufRead>(r: &mut R) -> Result<Head, HeadError> {
    let mut line = Vec::new();
    let mut total = 0usize;
    let mut next_line = |line: &mut Vec<u8>| -> Result<(), HeadError> {
        match read_line(r, line, MAX_HEAD_BYTES) {
            Err(e) => Err(HeadError::Io(e)),
            Ok(Line::Eof) => Err(HeadError::Eof),
            Ok(Line::TooLong { .. }) => Err(HeadError::Malformed("head too long".into())),
            Ok(Line::Complete) => {
                total += line.len();
                if total > MAX_HEAD_BYTES {
                    Err(HeadError::Malformed("head too long".into()))
                } else if line.last() != Some(&b'\n') {
                    Err(HeadError::Eof)
                } else {
                    Ok(())
                }
            }
        }
    };
    next_line(&mut line)?;
    let status = parse_status_line(trim_eol(&line))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        next_line(&mut line)?;
        let l = trim_eol(&line);
        if l.is_empty() {
            return Ok(Head { status, headers });
        }
        if l.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(String::from_utf8_lossy(l).trim());
                continue;
            }
        }
        // Servers send odd lines now and then; one without a colon is dropped, not fatal.
        if let Some(colon) = l.iter().position(|&b| b == b':') {
            let (name, value) = l.split_at(colon);
            let name = String::from_utf8_lossy(name).trim().to_string();
            let value = String::from_utf8_lossy(value.get(1..).unwrap_or_default())
                .trim()
                .to_string();
            if !name.is_empty() {
                headers.push((name, value));
            }
        }
    }
}

fn parse_status_line(line: &[u8]) -> Result<u16, HeadError> {
    let text = String::from_utf8_lossy(line);
    let mut parts = text.split_whitespace();
    let version = parts.next().unwrap_or_default();
    let code = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") || code.len() != 3 {
        return Err(HeadError::Malformed(format!(
            "bad status line {:?}",
            shorten(&text)
        )));
    }
    code.parse::<u16>()
        .map_err(|_| HeadError::Malformed(format!("bad status code {code:?}")))
}

/// A value cut to a length fit for an error message.
pub(crate) fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or_default()),
        None => text.to_string(),
    }
}

/// `Content-Type` split into a lower-case media type and its charset parameter.
pub(crate) fn media_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let media = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (name, v) = p.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty()).then(|| v.to_string())
    });
    (media, charset)
}

/// Undoes `Transfer-Encoding: chunked`, or `None` when the body is not well-formed chunked
/// data (Common Crawl, for one, stores the de-chunked payload but keeps the header).
pub(crate) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let eol = rest.iter().position(|&b| b == b'\n')?;
        let size_line = trim_eol(rest.get(..=eol)?);
        let size_text = std::str::from_utf8(size_line).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        if size_text.is_empty() || !size_text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(eol + 1..)?;
        if size == 0 {
            // Trailers, if any, are dropped.
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))?;
    }
}

/// Result of undoing a `Content-Encoding`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Inflated {
    Done(Vec<u8>),
    /// Over `limit` bytes; `size` is a lower bound.
    TooLarge {
        size: u64,
    },
    /// Not decodable as declared: the body is kept as it is.
    Failed,
}

/// Inflates a `gzip` or `deflate` body. Only tried when the bytes look compressed: Common
/// Crawl keeps the header over a payload it already decoded.
pub(crate) fn inflate(body: &[u8], coding: &str, limit: u64) -> Inflated {
    let coding = coding.trim().to_ascii_lowercase();
    match coding.as_str() {
        "gzip" | "x-gzip" if body.starts_with(&GZIP_MAGIC) => {
            read_limited(MultiGzDecoder::new(body), limit)
        }
        // "deflate" is zlib-wrapped by the RFC and raw in many servers.
        "deflate" => match read_limited(ZlibDecoder::new(body), limit) {
            Inflated::Failed => read_limited(DeflateDecoder::new(body), limit),
            other => other,
        },
        _ => Inflated::Failed,
    }
}

fn read_limited<R: Read>(reader: R, limit: u64) -> Inflated {
    let mut out = Vec::new();
    match reader.take(limit.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => Inflated::TooLarge {
            size: out.len() as u64,
        },
        Ok(_) => Inflated::Done(out),
        Err(_) => Inflated::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_with_continuation_and_lf_only() {
        let mut input: &[u8] =
            b"HTTP/1.0 200 OK\nContent-Type: text/html;\n charset=utf-8\nbroken line\n\nbody";
        let head = read_head(&mut input).unwrap();
        assert_eq!(head.status, 200);
        assert_eq!(head.get("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(head.headers.len(), 1);
        assert_eq!(input, b"body");
    }

    #[test]
    fn bad_status_lines() {
        for bad in [
            &b"GET / HTTP/1.1\r\n\r\n"[..],
            b"HTTP/1.1 20 OK\r\n\r\n",
            b"\r\n",
        ] {
            let mut input = bad;
            assert!(matches!(
                read_head(&mut input),
                Err(HeadError::Malformed(_))
            ));
        }
        let mut input: &[u8] = b"HTTP/1.1 200 OK\r\nA: b\r\n";
        assert!(matches!(read_head(&mut input), Err(HeadError::Eof)));
    }

    #[test]
    fn media_types() {
        assert_eq!(
            media_type("Text/HTML; Charset=\"ISO-8859-1\""),
            ("text/html".into(), Some("ISO-8859-1".into()))
        );
        assert_eq!(
            media_type("text/plain; charset="),
            ("text/plain".into(), None)
        );
        assert_eq!(media_type(""), (String::new(), None));
    }

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-Trailer: 1\r\n\r\n").as_deref(),
            Some(&b"hello!"[..])
        );
        assert_eq!(dechunk(b"<html>already decoded</html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
        assert_eq!(dechunk(b"ffffffffffffffffffffff\r\n"), None);
        assert_eq!(dechunk(b""), None);
    }

    #[test]
    fn inflation() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello hello hello").unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(
            inflate(&gz, "gzip", 100),
            Inflated::Done(b"hello hello hello".to_vec())
        );
        assert_eq!(inflate(&gz, "gzip", 5), Inflated::TooLarge { size: 6 });
        assert_eq!(inflate(b"plain", "gzip", 100), Inflated::Failed);
        assert_eq!(inflate(&gz[..gz.len() / 2], "gzip", 100), Inflated::Failed);
        assert_eq!(inflate(&gz, "br", 100), Inflated::Failed);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"zz").unwrap();
        assert_eq!(
            inflate(&z.finish().unwrap(), "deflate", 100),
            Inflated::Done(b"zz".to_vec())
        );
    }
}

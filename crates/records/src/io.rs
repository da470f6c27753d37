//! Bounded line reading, byte counting and the gzip wrapper.

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use flate2::bufread::MultiGzDecoder;

/// Counts the bytes consumed, for error offsets.
pub(crate) struct Counted<R> {
    pub(crate) inner: R,
    pub(crate) pos: u64,
}

impl<R> Counted<R> {
    pub(crate) fn new(inner: R) -> Self {
        Counted { inner, pos: 0 }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Outcome of [`read_line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    Eof,
    Complete,
    /// Longer than the limit: consumed to its end, `size` bytes, nothing kept.
    TooLong {
        size: u64,
    },
}

/// A line past its limit is read through (not kept) up to this many times the limit, and at
/// least [`MIN_READ_THROUGH`] bytes; a longer one is an error that ends the stream, so that a
/// stream without newlines (`/dev/zero`) ends.
const READ_THROUGH_FACTOR: u64 = 16;
const MIN_READ_THROUGH: u64 = 64 << 20;

/// Reads one line (with its `\n`) into `buf`, keeping at most `limit` bytes, so that a
/// newline-free stream of garbage cannot grow memory.
pub(crate) fn read_line<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(match (total, too_long) {
                (0, _) => Line::Eof,
                (size, true) => Line::TooLong { size },
                _ => Line::Complete,
            });
        }
        // memchr: JSONL lines are whole web pages, and a byte-at-a-time search was a fifth
        // of the time spent reading them.
        let (len, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if len > limit.saturating_sub(buf.len()) {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(available.get(..len).unwrap_or_default());
            }
        }
        total += len as u64;
        r.consume(len);
        let read_through = (limit as u64)
            .saturating_mul(READ_THROUGH_FACTOR)
            .max(MIN_READ_THROUGH);
        if too_long && !done && total > read_through {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a line of more than {read_through} bytes: not read further"),
            ));
        }
        if done {
            return Ok(if too_long {
                Line::TooLong { size: total }
            } else {
                Line::Complete
            });
        }
    }
}

/// The line without its `\n` or `\r\n`.
pub(crate) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// A Zstandard frame's first four bytes.
pub(crate) const ZSTD_MAGIC: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];

const BUFFER: usize = 64 << 10;

/// A buffered reader that can look further ahead than one `read` delivered, so that a
/// pipe handing over a byte at a time cannot defeat the gzip and format sniffing.
pub(crate) struct Peekable<R> {
    inner: R,
    /// Allocated once (zeroing it per read would cost more than the parsing).
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
}

impl<R: Read> Peekable<R> {
    fn new(inner: R) -> Self {
        Peekable {
            inner,
            buf: vec![0; BUFFER],
            pos: 0,
            filled: 0,
        }
    }

    /// Reads once more, appending to what is buffered; `false` at the end of the input.
    pub(crate) fn fill_more(&mut self) -> io::Result<bool> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.filled == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let n = loop {
            match self
                .inner
                .read(self.buf.get_mut(self.filled..).unwrap_or_default())
            {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.filled = (self.filled + n).min(self.buf.len());
        Ok(n > 0)
    }

    /// Buffers at least `n` bytes unless the input ends first.
    fn fill_to(&mut self, n: usize) -> io::Result<()> {
        while self.filled - self.pos < n && self.fill_more()? {}
        Ok(())
    }
}

impl<R: Read> Read for Peekable<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Peekable<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.pos = 0;
            self.filled = 0;
            self.fill_more()?;
        }
        Ok(self.buf.get(self.pos..self.filled).unwrap_or_default())
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.filled);
    }
}

enum Inner<R: Read> {
    Plain(Peekable<R>),
    /// All members are inflated, as Common Crawl writes one member per record.
    // Boxed: the inflater's state is large next to a plain reader.
    Gzip(Box<BufReader<MultiGzDecoder<Peekable<R>>>>),
    /// All frames are decoded, one after the other.
    Zstd(Box<BufReader<zstd::stream::read::Decoder<'static, Peekable<R>>>>),
}

/// A stream as read, or decompressed when it starts with the gzip or the zstd magic; see
/// [`decompress`].
pub struct Decompressed<R: Read>(Inner<R>);

impl<R: Read> fmt::Debug for Decompressed<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decompressed")
            .field("compressed", &self.is_compressed())
            .finish_non_exhaustive()
    }
}

impl<R: Read> Decompressed<R> {
    /// Whether the stream is being decompressed (gzip or zstd).
    pub fn is_compressed(&self) -> bool {
        !matches!(self.0, Inner::Plain(_))
    }

    /// Buffers more of a plain stream for sniffing; `false` at its end or when inflating
    /// (an inflated buffer already holds a good chunk of output).
    pub(crate) fn fill_more(&mut self) -> io::Result<bool> {
        match &mut self.0 {
            Inner::Plain(r) => r.fill_more(),
            Inner::Gzip(_) | Inner::Zstd(_) => Ok(false),
        }
    }
}

impl<R: Read> Read for Decompressed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.0 {
            Inner::Plain(r) => r.read(buf),
            Inner::Gzip(r) => r.read(buf),
            Inner::Zstd(r) => r.read(buf),
        }
    }
}

impl<R: Read> BufRead for Decompressed<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.0 {
            Inner::Plain(r) => r.fill_buf(),
            Inner::Gzip(r) => r.fill_buf(),
            Inner::Zstd(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amt: usize) {
        match &mut self.0 {
            Inner::Plain(r) => r.consume(amt),
            Inner::Gzip(r) => r.consume(amt),
            Inner::Zstd(r) => r.consume(amt),
        }
    }
}

/// Wraps `input` in a decoder when its first bytes are the gzip magic (all members, as
/// Common Crawl writes one per record) or the zstd magic (all frames), so that `.warc.gz`,
/// `.jsonl.zst` and the rest read like their plain forms (and a mislabelled file too).
///
/// A truncated or corrupt stream then shows up as a read error, which the record readers
/// report as a fatal [`crate::RecordError`].
pub fn decompress<R: Read>(input: R) -> io::Result<Decompressed<R>> {
    let mut input = Peekable::new(input);
    input.fill_to(ZSTD_MAGIC.len())?;
    let start = input.fill_buf()?;
    Ok(Decompressed(if start.starts_with(&GZIP_MAGIC) {
        Inner::Gzip(Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(input),
        )))
    } else if start.starts_with(&ZSTD_MAGIC) {
        Inner::Zstd(Box::new(BufReader::with_capacity(
            BUFFER,
            zstd::stream::read::Decoder::with_buffer(input)?,
        )))
    } else {
        Inner::Plain(input)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands over one byte per read, like a slow pipe.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((b, rest)), Some(o)) => {
                    *o = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn peeking_through_a_trickle() {
        let mut r = decompress(Trickle(b"WARC/1.0\r\nrest")).unwrap();
        assert!(!r.is_compressed());
        // Only as much as the longest magic number (zstd's four bytes) is read ahead.
        assert_eq!(r.fill_buf().unwrap(), b"WARC");
        assert!(r.fill_more().unwrap());
        assert_eq!(r.fill_buf().unwrap(), b"WARC/");
        r.consume(1);
        let mut rest = String::new();
        r.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "ARC/1.0\r\nrest");
        assert!(!r.fill_more().unwrap());

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"inside").unwrap();
        let gz = gz.finish().unwrap();
        let mut r = decompress(Trickle(&gz)).unwrap();
        assert!(r.is_compressed());
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "inside");
        let mut zst = zstd::stream::encode_all(&b"first frame, "[..], 3).unwrap();
        zst.extend(zstd::stream::encode_all(&b"second frame"[..], 19).unwrap());
        let mut r = decompress(Trickle(&zst)).unwrap();
        assert!(r.is_compressed());
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        assert_eq!(out, "first frame, second frame");
        let mut cut = decompress(&zst[..zst.len() - 3]).unwrap();
        assert!(cut.read_to_string(&mut String::new()).is_err());
        let mut empty = decompress(Trickle(b"")).unwrap();
        assert_eq!(empty.fill_buf().unwrap(), b"");
    }
}

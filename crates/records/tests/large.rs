//! 20,000-record streams made on the fly: the readers go through them record by record.

mod common;

use std::io::{self, BufReader, Read, Write};

use deboil_records::{Entry, JsonlReader, ReadOptions, RecordKind, WarcReader, open};

/// An endless-looking input: records are generated as they are read, never all in memory.
struct Generated<F: FnMut(u64) -> Vec<u8>> {
    make: F,
    next: u64,
    count: u64,
    buf: Vec<u8>,
    pos: usize,
}

impl<F: FnMut(u64) -> Vec<u8>> Generated<F> {
    fn new(count: u64, make: F) -> Self {
        Generated {
            make,
            next: 0,
            count,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

impl<F: FnMut(u64) -> Vec<u8>> Read for Generated<F> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.pos == self.buf.len() {
            if self.next == self.count {
                return Ok(0);
            }
            self.buf = (self.make)(self.next);
            self.pos = 0;
            self.next += 1;
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

const N: u64 = 20_000;

/// Every 10th record is a request, every 7th response a 404; the rest are pages.
fn warc_record(i: u64) -> Vec<u8> {
    let (warc_type, block) = if i % 10 == 9 {
        (
            "request",
            format!("GET /{i} HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        )
    } else {
        let status = if i % 7 == 3 {
            "404 Not Found"
        } else {
            "200 OK"
        };
        (
            "response",
            format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
                 <html><body><p>Page {i}: {}</p></body></html>",
                "words ".repeat((i % 50) as usize)
            ),
        )
    };
    format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{i:08}>\r\n\
         WARC-Target-URI: http://example.org/{i}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    records: u64,
    skipped: u64,
    errors: u64,
    body_bytes: u64,
}

fn count(entries: impl Iterator<Item = Entry>) -> Counts {
    let mut c = Counts::default();
    for (n, entry) in entries.enumerate() {
        match entry {
            Entry::Record(r) => {
                c.records += 1;
                c.body_bytes += r.body.len() as u64;
                assert_eq!(r.kind, RecordKind::Html);
                if n == 0 {
                    assert_eq!(r.id, "00000000");
                }
            }
            Entry::Skipped { .. } => c.skipped += 1,
            Entry::Error(e) => panic!("{e}"),
        }
    }
    c
}

fn expected() -> (u64, u64) {
    let requests = (0..N).filter(|i| i % 10 == 9).count() as u64;
    let not_found = (0..N).filter(|i| i % 10 != 9 && i % 7 == 3).count() as u64;
    (N - requests - not_found, requests + not_found)
}

#[test]
fn twenty_thousand_warc_records() {
    let input = BufReader::new(Generated::new(N, warc_record));
    let c = count(WarcReader::new(input, "big.warc", ReadOptions::default()));
    let (records, skipped) = expected();
    assert_eq!((c.records, c.skipped, c.errors), (records, skipped, 0));
    assert!(c.body_bytes > 1_000_000);
}

#[test]
fn twenty_thousand_gzip_members() {
    // One gzip member per record, compressed as they are read, as in a .warc.gz.
    let input = Generated::new(N, |i| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(&warc_record(i)).unwrap();
        e.finish().unwrap()
    });
    let (_, records) = open(input, "big.warc.gz", ReadOptions::default());
    let c = count(records);
    let (records, skipped) = expected();
    assert_eq!((c.records, c.skipped), (records, skipped));
}

#[test]
fn twenty_thousand_jsonl_lines() {
    let input = BufReader::new(Generated::new(N, |i| {
        if i % 1000 == 999 {
            return b"{not json}\n".to_vec();
        }
        format!(
            "{{\"id\": \"j{i}\", \"html\": \"<p>{}</p>\", \"n\": {i}}}\n",
            "text ".repeat((i % 40) as usize)
        )
        .into_bytes()
    }));
    let (mut records, mut errors) = (0u64, 0u64);
    for entry in JsonlReader::new(input, "big.jsonl", ReadOptions::default()) {
        match entry {
            Entry::Record(r) => {
                records += 1;
                assert_eq!(
                    r.extra.get("n").and_then(|v| v.as_u64()),
                    r.id[1..].parse().ok()
                );
            }
            Entry::Error(e) => {
                assert!(!e.fatal);
                errors += 1;
            }
            Entry::Skipped { .. } => unreachable!(),
        }
    }
    assert_eq!((records, errors), (N - 20, 20));
}

/// Streams that never end (`/dev/zero`, a runaway pipe) end with an error entry: a single
/// document at the size limit, a line without a newline after a gigabyte read through.
#[test]
fn endless_streams_end_with_an_error() {
    let options = ReadOptions {
        max_record_bytes: 1 << 20,
    };
    let (_, records) = open(io::repeat(0), "-", options);
    let entries: Vec<Entry> = records.collect();
    assert_eq!(entries.len(), 1);
    assert!(
        matches!(&entries[0], Entry::Error(e) if e.fatal && e.to_string().contains("not read further")),
        "{entries:?}"
    );
    let jsonl = JsonlReader::new(BufReader::new(io::repeat(b'a')), "x.jsonl", options);
    let entries: Vec<Entry> = jsonl.collect();
    let last = entries.last().expect("an entry");
    assert!(
        matches!(last, Entry::Error(e) if e.fatal && e.to_string().contains("not read further")),
        "{entries:?}"
    );
}

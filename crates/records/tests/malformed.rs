//! Hand-made WARC streams: bad headers, wrong lengths, truncated gzip, garbage, HTTP quirks.
// Tests and examples read files; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod common;

use std::io::Write;

use common::*;
use deboil_records::{Entry, ErrorKind, ReadOptions, RecordKind, SkipReason};

fn rec(warc_type: &str, id: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         WARC-Target-URI: https://example.org/{id}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n\
         {extra}Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(head: &str, body: &[u8]) -> Vec<u8> {
    let mut out = head.replace('\n', "\r\n").into_bytes();
    out.extend_from_slice(b"\r\n\r\n");
    out.extend_from_slice(body);
    out
}

fn page(id: &str) -> Vec<u8> {
    rec(
        "response",
        id,
        "Content-Type: application/http; msgtype=response\r\n",
        &http(
            "HTTP/1.1 200 OK\nContent-Type: text/html",
            format!("<p>{id}</p>").as_bytes(),
        ),
    )
}

/// The record with its `Content-Length` value replaced.
fn set_length(record: &[u8], value: impl Fn(usize) -> String) -> Vec<u8> {
    let text = String::from_utf8(record.to_vec()).unwrap();
    let start = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = start + text[start..].find('\r').unwrap();
    let old: usize = text[start..end].parse().unwrap();
    format!("{}{}{}", &text[..start], value(old), &text[end..]).into_bytes()
}

fn concat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn read(bytes: &[u8]) -> Vec<Entry> {
    read_bytes(bytes, "crawl-7.warc")
}

#[test]
fn bad_header_line_resyncs_on_next_record() {
    let bad = page("b").to_vec();
    let bad = String::from_utf8(bad).unwrap().replacen(
        "WARC-Date:",
        "this is not a header\r\nWARC-Date:",
        1,
    );
    let entries = read(&concat(&[&page("a"), bad.as_bytes(), &page("c")]));
    assert_eq!(shape(&entries)[0], "R:a");
    let e = error(&entries[1]);
    assert!(!e.fatal);
    assert!(matches!(&e.kind, ErrorKind::BadHeader { line } if line == "this is not a header"));
    assert_eq!(e.record_id.as_deref(), Some("<urn:uuid:b>"));
    assert!(e.to_string().starts_with("record 2 at byte "), "{e}");
    assert_eq!(shape(&entries)[2..], ["R:c"]);
    assert_eq!(record(&entries[2]).body, b"<p>c</p>");
}

#[test]
fn garbage_before_and_between_records() {
    let entries = read(&concat(&[
        b"\r\n\r\nHELLO WORLD\r\nmore junk\r\n",
        &page("a"),
        b"junk between\r\n",
        &page("b"),
    ]));
    let shape = shape(&entries);
    assert_eq!(shape.len(), 4, "{shape:#?}");
    assert!(
        shape[0].starts_with("E:record 1 at byte 4: not a WARC record"),
        "{shape:#?}"
    );
    assert_eq!(shape[1], "R:a");
    assert!(shape[2].starts_with("E:record 3"), "{shape:#?}");
    assert_eq!(shape[3], "R:b");
}

#[test]
fn content_length_too_long_at_the_end_is_truncation() {
    let last = set_length(&page("b"), |n| (n + 5000).to_string());
    let entries = read(&concat(&[&page("a"), &last]));
    assert_eq!(shape(&entries)[0], "R:a");
    assert_eq!(entries.len(), 2);
    let e = error(&entries[1]);
    assert!(e.fatal, "{e}");
    let text = String::from_utf8(page("b")).unwrap();
    let n: u64 = text
        .split("Content-Length: ")
        .nth(1)
        .unwrap()
        .split('\r')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        matches!(e.kind, ErrorKind::Truncated { expected, got } if expected == n + 5000 && got == n + 4),
        "{e}"
    );
    assert_eq!(e.record_id.as_deref(), Some("<urn:uuid:b>"));
    assert!(
        e.to_string()
            .contains("truncated record: Content-Length is"),
        "{e}"
    );
}

#[test]
fn content_length_off_in_the_middle_resyncs_at_the_next_record() {
    for delta in [-10i64, -1, 1, 10, 300] {
        let bad = set_length(&page("b"), |n| (n as i64 + delta).to_string());
        let entries = read(&concat(&[&page("a"), &bad, &page("c"), &page("d")]));
        let e = error(&entries[1]);
        assert!(!e.fatal, "{delta}: {e}");
        assert!(matches!(e.kind, ErrorKind::BadTrailer { .. }), "{e}");
        assert!(e.to_string().contains("wrong Content-Length"), "{e}");
        let shapes = shape(&entries);
        assert_eq!(shapes.first().map(String::as_str), Some("R:a"));
        // A length too long swallows the start of what follows; the reader finds the next
        // record it has not swallowed.
        let expected: &[&str] = match delta {
            ..=-1 => &["R:c", "R:d"],
            1 | 10 => &["R:d"],
            // Past the start of the last record: nothing is left to find.
            _ => &[],
        };
        assert!(
            shapes.ends_with(&expected.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
            "{delta}: {shapes:?}"
        );
    }
    // Two different lengths: an error, then the next record.
    let mut twice = page("b");
    let at = twice
        .windows(16)
        .position(|w| w == b"Content-Length: ")
        .unwrap();
    twice.splice(at..at, b"Content-Length: 7\r\n".iter().copied());
    let entries = read(&concat(&[&page("a"), &twice, &page("c")]));
    assert!(matches!(
        error(&entries[1]).kind,
        ErrorKind::BadContentLength { .. }
    ));
    assert_eq!(shape(&entries)[2..], ["R:c"]);
}

#[test]
fn truncated_gzip_ends_with_an_error() {
    let bytes = std::fs::read(data("sample.warc.gz")).unwrap();
    let half = &bytes[..bytes.len() / 2];
    let entries = read_bytes(half, "sample.warc.gz");
    let (last, good) = entries.split_last().unwrap();
    assert!(!good.is_empty());
    assert!(
        good.iter().all(|e| !matches!(e, Entry::Error(_))),
        "{:#?}",
        shape(good)
    );
    let e = error(last);
    assert!(e.fatal);
    assert!(e.to_string().contains("truncated"), "{e}");

    // Any cut point: never a panic, at most one error and it is the last entry.
    for cut in (0..bytes.len()).step_by(37) {
        let entries = read_bytes(&bytes[..cut], "sample.warc.gz");
        let errors = entries
            .iter()
            .filter(|e| matches!(e, Entry::Error(_)))
            .count();
        assert!(errors <= 1, "cut {cut}: {:#?}", shape(&entries));
        if errors == 1 {
            assert!(error(entries.last().unwrap()).fatal, "cut {cut}");
        }
    }
}

#[test]
fn gzip_magic_then_garbage_is_a_read_error() {
    let mut bytes = gzip(&page("a"));
    bytes.extend_from_slice(b"\x1f\x8bnot really gzip at all");
    let entries = read(&bytes);
    assert_eq!(shape(&entries)[0], "R:a");
    assert!(error(&entries[1]).fatal);
    assert_eq!(entries.len(), 2);
}

#[test]
fn garbage_never_panics_and_stays_bounded() {
    // Pseudo-random bytes, with and without line breaks and WARC-looking fragments.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut noise = |n: usize, alphabet: &[u8]| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                alphabet[(state % alphabet.len() as u64) as usize]
            })
            .collect()
    };
    let all: Vec<u8> = (0..=255).collect();
    let warcish = b"WARC/1.0\r\n:Content-Length: 12WARC-Type: response\r\n\r\n";
    for round in 0..50 {
        let mut bytes = if round % 2 == 0 {
            noise(5000, &all)
        } else {
            noise(5000, warcish)
        };
        if round % 5 == 0 {
            bytes.splice(0..0, page("x"));
        }
        let _ = read(&bytes);
        let _ = read_bytes(&bytes, "x.jsonl");
        let _ = read_bytes(&gzip(&bytes)[..100], "x.warc.gz");
    }
    // A huge line without a newline is one error, not a huge buffer.
    let entries = read(&vec![b'x'; 3 << 20]);
    assert_eq!(entries.len(), 1);
    assert!(matches!(
        error(&entries[0]).kind,
        ErrorKind::BadVersion { .. }
    ));
}

#[test]
fn header_problems_that_keep_going() {
    let no_length =
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:n>\r\n\r\nbody\r\n\r\n";
    let bad_length = set_length(&page("l"), |_| "lots".into());
    let no_type = String::from_utf8(page("t"))
        .unwrap()
        .replace("WARC-Type: response\r\n", "");
    let cut_short = b"WARC/1.0\r\nWARC-Type: response\r\n";
    let entries = read(&concat(&[
        no_length,
        &page("a"),
        &bad_length,
        &page("b"),
        no_type.as_bytes(),
        cut_short,
        &page("c"),
    ]));
    let s = shape(&entries);
    assert_eq!(s.len(), 7, "{s:#?}");
    assert!(matches!(
        error(&entries[0]).kind,
        ErrorKind::BadContentLength { value: None }
    ));
    assert_eq!(
        error(&entries[0]).record_id.as_deref(),
        Some("<urn:uuid:n>")
    );
    assert_eq!(s[1], "R:a");
    assert!(
        matches!(&error(&entries[2]).kind, ErrorKind::BadContentLength { value: Some(v) } if v == "lots")
    );
    assert_eq!(s[3], "R:b");
    assert!(matches!(error(&entries[4]).kind, ErrorKind::MissingType));
    assert!(matches!(
        error(&entries[5]).kind,
        ErrorKind::BadHeader { .. }
    ));
    assert_eq!(s[6], "R:c");
    assert!(
        entries
            .iter()
            .all(|e| !matches!(e, Entry::Error(e) if e.fatal))
    );
}

#[test]
fn stream_ending_inside_a_header() {
    let entries = read(&concat(&[&page("a"), b"WARC/1.0\r\nWARC-Type: resp"]));
    assert_eq!(shape(&entries)[0], "R:a");
    let e = error(&entries[1]);
    assert!(e.fatal && matches!(e.kind, ErrorKind::TruncatedHeader));
}

#[test]
fn http_quirks() {
    let ct = "Content-Type: application/http; msgtype=response\r\n";
    let gz_body = gzip(b"<p>inflated</p>");
    let bomb = gzip(&vec![b'a'; 10_000]);
    let entries = read_with(
        &concat(&[
            // Common Crawl style: headers kept, payload already decoded.
            &rec(
                "response",
                "cc",
                ct,
                &http(
                    "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\nTransfer-Encoding: chunked",
                    b"<p>already decoded</p>",
                ),
            ),
            &rec(
                "response",
                "gz",
                ct,
                &http("HTTP/1.1 200 OK\nContent-Encoding: x-gzip", &gz_body),
            ),
            &rec(
                "response",
                "corrupt",
                ct,
                &http(
                    "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip",
                    &gz_body[..gz_body.len() - 6],
                ),
            ),
            &rec(
                "response",
                "bomb",
                ct,
                &http("HTTP/1.1 200 OK\nContent-Encoding: gzip", &bomb),
            ),
            &rec("response", "status", ct, b"HTTP/1.1 abc\r\n\r\nbody"),
            &rec(
                "response",
                "nohead",
                ct,
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
            ),
            &rec(
                "response",
                "dns",
                "Content-Type: text/dns\r\n",
                b"20240101 example.org. 300 IN A 1.2.3.4",
            ),
            &rec(
                "response",
                "",
                ct,
                &http(
                    "HTTP/1.1 200 OK\nContent-Type: TEXT/HTML; charset='koi8-r'",
                    b"x",
                ),
            ),
            &rec(
                "response",
                "redirect",
                ct,
                &http("HTTP/1.1 301 Moved\nLocation: /", b""),
            ),
            &rec("resource", "res", "", b"file"),
        ]),
        "crawl-7.warc.gz",
        ReadOptions {
            max_record_bytes: 5000,
        },
    );
    let s = shape(&entries);
    assert_eq!(s.len(), 10, "{s:#?}");
    assert_eq!(record(&entries[0]).body, b"<p>already decoded</p>");
    let gz = record(&entries[1]);
    assert_eq!(gz.body, b"<p>inflated</p>");
    assert_eq!(gz.kind, RecordKind::Unknown);
    assert_eq!(record(&entries[2]).body, &gz_body[..gz_body.len() - 6]);
    assert!(matches!(
        error(&entries[3]).kind,
        ErrorKind::TooLarge {
            size: 5001,
            limit: 5000
        }
    ));
    assert!(
        s[4].contains("bad HTTP response: bad status code \"abc\""),
        "{s:#?}"
    );
    assert!(s[5].contains("record ends inside the HTTP head"), "{s:#?}");
    assert_eq!(
        skipped(&entries[6]).0,
        &SkipReason::NotHttp("text/dns".into())
    );
    // No usable record id: the fallback names the file and the record index.
    let anon = record(&entries[7]);
    assert_eq!(anon.id, "crawl-7:8");
    assert_eq!(anon.transport_charset.as_deref(), Some("koi8-r"));
    assert_eq!(anon.kind, RecordKind::Html);
    assert_eq!(skipped(&entries[8]).0, &SkipReason::HttpStatus(301));
    assert_eq!(
        skipped(&entries[9]).0,
        &SkipReason::WarcType("resource".into())
    );
    assert!(
        entries
            .iter()
            .all(|e| !matches!(e, Entry::Error(e) if e.fatal))
    );
}

#[test]
fn lenient_separators() {
    // Extra blank lines, and a last record without its trailer.
    let mut a = page("a");
    a.extend_from_slice(b"\r\n\n\r\n");
    let mut b = page("b");
    b.truncate(b.len() - 4);
    let entries = read(&concat(&[&a, &b]));
    assert_eq!(shape(&entries), ["R:a", "R:b"]);
    // A record written with bare LFs, trailer included, reads like any other.
    let block = http("HTTP/1.1 200 OK\nContent-Type: text/html", b"<p>a</p>");
    let mut lf = format!(
        "WARC/1.1\nWARC-Type: response\nWARC-Record-ID: <urn:uuid:a>\n\
         Content-Type: application/http; msgtype=response\nContent-Length: {}\n\n",
        block.len()
    )
    .into_bytes();
    lf.extend_from_slice(&block);
    lf.extend_from_slice(b"\n\n");
    let entries = read(&concat(&[&lf, &page("b")]));
    assert_eq!(shape(&entries), ["R:a", "R:b"]);
}

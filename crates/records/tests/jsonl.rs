//! JSONL records: good lines, bad lines in the middle, fallbacks, limits.
// Tests and examples read files; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod common;

use std::io::Write;

use common::*;
use deboil_records::{Entry, ErrorKind, Format, Position, ReadOptions, RecordKind, open};
use serde_json::json;

#[test]
fn sample_file() {
    let entries = read_file("sample.jsonl");
    let s = shape(&entries);
    assert_eq!(
        s,
        [
            "R:doc-1",
            "R:sample:2",
            "E:line 4: invalid JSON: EOF while parsing a string at line 1 column 47",
            "E:line 5: JSON line is not an object",
            "R:42",
            "E:line 7: no `html` or `text` string field",
            "R:doc-7",
            "R:last",
        ]
    );

    let first = record(&entries[0]);
    assert_eq!(first.kind, RecordKind::Html);
    assert_eq!(first.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(
        first.body,
        b"<html><body><p>Hello <b>world</b></p></body></html>"
    );
    assert_eq!(first.transport_charset.as_deref(), Some("utf-8"));
    assert_eq!(
        serde_json::Value::Object(first.extra.clone()),
        json!({"lang": "en", "meta": {"crawl": 3}})
    );
    assert_eq!(
        (
            first.date.as_ref(),
            first.record_id.as_ref(),
            first.http_status
        ),
        (None, None, None)
    );

    let second = record(&entries[1]);
    assert_eq!(second.kind, RecordKind::Text);
    assert_eq!(
        second.body,
        b"A plain text record without id.\nSecond line."
    );
    assert_eq!(
        serde_json::Value::Object(second.extra.clone()),
        json!({"source": "forum"})
    );

    for e in [&entries[2], &entries[3], &entries[5]] {
        assert!(!error(e).fatal);
    }
    assert_eq!(error(&entries[2]).at, Position::Line(4));

    let numeric = record(&entries[4]);
    assert_eq!(numeric.kind, RecordKind::Text);
    assert_eq!(numeric.url, None);
    assert!(numeric.extra.is_empty());

    let both = record(&entries[6]);
    assert_eq!(both.kind, RecordKind::Html);
    assert_eq!(both.body, "<p>Привет, мир</p>".as_bytes());
    assert_eq!(
        serde_json::Value::Object(both.extra.clone()),
        json!({"date": "2024-01-02"})
    );

    assert_eq!(record(&entries[7]).body, b"no newline at the end");
}

#[test]
fn bom_crlf_and_stdin_fallback_ids() {
    let input =
        "\u{feff}{\"text\": \"a\"}\r\n\r\n   \r\n{\"html\": \"<p>b</p>\", \"id\": \"\"}\r\n";
    let entries = read_bytes(input.as_bytes(), "-");
    assert_eq!(shape(&entries), ["R:stdin:1", "R:stdin:4"]);
}

#[test]
fn long_lines_are_skipped_without_stopping() {
    let big = format!("{{\"text\": \"{}\"}}\n", "x".repeat(10_000));
    let input = format!("{{\"text\": \"a\"}}\n{big}{{\"text\": \"c\"}}\n");
    let options = ReadOptions {
        max_record_bytes: 1000,
    };
    let entries = read_with(input.as_bytes(), "big.jsonl", options);
    assert_eq!(shape(&entries)[0], "R:big:1");
    let e = error(&entries[1]);
    assert!(!e.fatal);
    assert!(
        matches!(
            e.kind,
            ErrorKind::TooLarge {
                size: 10_013,
                limit: 1000
            }
        ),
        "{e}"
    );
    assert_eq!(
        e.to_string(),
        "line 2: record too large: 10013 bytes, limit 1000"
    );
    assert_eq!(shape(&entries)[2], "R:big:3");
}

#[test]
fn gzipped_and_truncated_gzip() {
    let lines: String = (0..500)
        .map(|i| {
            format!(
                "{{\"id\": \"n{i}\", \"text\": \"record number {i} {}\"}}\n",
                i * 7919
            )
        })
        .collect();
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(lines.as_bytes()).unwrap();
    let gz = e.finish().unwrap();

    let (format, records) = open(&gz[..], "dump.jsonl.gz", ReadOptions::default());
    assert_eq!(format, Format::Jsonl);
    let entries: Vec<Entry> = records.collect();
    assert_eq!(entries.len(), 500);
    assert_eq!(record(&entries[499]).id, "n499");

    let entries = read_bytes(&gz[..gz.len() * 2 / 3], "dump.jsonl.gz");
    let (last, good) = entries.split_last().unwrap();
    assert!(good.len() > 10 && good.len() < 500, "{}", good.len());
    assert!(good.iter().all(|e| matches!(e, Entry::Record(_))));
    let e = error(last);
    assert!(e.fatal, "{e}");
    assert!(e.to_string().contains("read error"), "{e}");
}

#[test]
fn sniffed_from_content() {
    let (format, records) = open(
        &b"{\"html\": \"<p>x</p>\"}\n"[..],
        "upload",
        ReadOptions::default(),
    );
    assert_eq!(format, Format::Jsonl);
    assert_eq!(records.count(), 1);
}

/// Entries read with the parse left for later (as the CLI does, to parse on its workers)
/// are those read in one go, in the same order, for JSONL and for the other formats.
#[test]
fn pending_entries_parse_to_the_same_entries() {
    let mut limited =
        b"\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"first line after a BOM\"}\n\n".to_vec();
    limited.extend_from_slice(b"{\"id\":\"big\",\"text\":\"");
    limited.extend(std::iter::repeat_n(b'x', 200));
    limited.extend_from_slice(b"\"}\r\nnot json\n{\"text\":\"no id\"}");
    let inputs: Vec<(Vec<u8>, &str)> = vec![
        (std::fs::read(data("sample.jsonl")).unwrap(), "sample.jsonl"),
        (limited, "limited.jsonl"),
        (
            std::fs::read(data("sample.warc.gz")).unwrap(),
            "sample.warc.gz",
        ),
        (std::fs::read(data("sample.wet")).unwrap(), "sample.wet"),
    ];
    let options = ReadOptions {
        max_record_bytes: 150,
    };
    for (bytes, name) in &inputs {
        let (_, at_once) = open(&bytes[..], name, options);
        let at_once: Vec<Entry> = at_once.collect();
        let (_, mut records) = open(&bytes[..], name, options);
        let mut pending = Vec::new();
        while let Some(entry) = records.next_pending() {
            pending.push(entry);
        }
        let later: Vec<Entry> = pending.into_iter().map(|p| p.into_entry()).collect();
        assert_eq!(format!("{later:?}"), format!("{at_once:?}"), "{name}");
        assert!(at_once.len() >= 3, "{name}: {}", at_once.len());
    }
}

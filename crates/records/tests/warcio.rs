//! WARC and WET files written by warcio (see data/make_warcs.py), plain and gzipped.
// Tests and examples read files; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod common;

use common::*;
use deboil_records::{Entry, Format, ReadOptions, RecordKind, SkipReason, open, sniff_format};

fn uuid(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

fn check_warc(entries: &[Entry]) {
    let u = uuid;
    assert_eq!(
        shape(entries),
        [
            "S:WARC-Type warcinfo".to_string(),
            "S:WARC-Type request".into(),
            format!("R:{}", u(3)),
            format!("R:{}", u(4)),
            "S:not HTML: image/png".into(),
            "S:HTTP status 404".into(),
            format!("R:{}", u(7)),
            format!("R:{}", u(8)),
            format!("R:{}", u(9)),
            format!("R:{}", u(10)),
            "S:WARC-Type metadata".into(),
            "S:WARC-Type revisit".into(),
        ]
    );

    let cafe = record(&entries[2]);
    assert_eq!(cafe.url.as_deref(), Some("https://example.com/cafe"));
    assert_eq!(cafe.date.as_deref(), Some("2024-03-01T12:00:03Z"));
    assert_eq!(cafe.record_id, Some(format!("<urn:uuid:{}>", u(3))));
    assert_eq!(cafe.kind, RecordKind::Html);
    assert_eq!(cafe.transport_charset.as_deref(), Some("UTF-8"));
    assert_eq!(cafe.http_status, Some(200));
    assert!(cafe.body.starts_with(b"<!doctype html>"));
    assert!(cafe.body.ends_with(b"</html>"));
    assert!(
        String::from_utf8(cafe.body.clone())
            .unwrap()
            .contains("naïve résumé")
    );
    assert!(cafe.extra.is_empty());

    let ru = record(&entries[3]);
    assert_eq!(ru.transport_charset.as_deref(), Some("windows-1251"));
    assert_eq!(ru.tld().as_deref(), Some("ru"));
    let (text, _, bad) = encoding_rs::WINDOWS_1251.decode(&ru.body);
    assert!(!bad && text.contains("Привет, мир!"), "{text}");

    let (png, png_id) = skipped(&entries[4]);
    assert_eq!(png, &SkipReason::NotHtml("image/png".into()));
    assert_eq!(png.category(), "not-html");
    assert_eq!(png_id, Some(format!("<urn:uuid:{}>", u(5)).as_str()));
    assert_eq!(skipped(&entries[5]).0, &SkipReason::HttpStatus(404));

    let txt = record(&entries[6]);
    assert_eq!(txt.kind, RecordKind::Text);
    assert_eq!(txt.transport_charset.as_deref(), Some("us-ascii"));
    assert_eq!(txt.body, b"Just a plain text file.\nSecond line.\n");

    let xhtml = record(&entries[7]);
    assert_eq!(xhtml.kind, RecordKind::Html);
    assert_eq!(xhtml.transport_charset, None);

    let gz = record(&entries[8]);
    assert_eq!(
        gz.body,
        b"<html><body><p>This body was sent gzip-compressed.</p></body></html>"
    );
    let chunked = record(&entries[9]);
    assert_eq!(
        chunked.body,
        b"<html><body><p>This body was sent in chunks.</p></body></html>"
    );
    assert_eq!(chunked.transport_charset.as_deref(), Some("utf-8"));
}

#[test]
fn warc_1_0_plain() {
    check_warc(&read_file("sample.warc"));
}

#[test]
fn warc_1_1_gzip_member_per_record() {
    let bytes = std::fs::read(data("sample.warc.gz")).unwrap();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b]);
    check_warc(&read_bytes(&bytes, "sample.warc.gz"));
    // Sniffed from the content alone, too.
    let (format, records) = open(&bytes[..], "upload.bin", ReadOptions::default());
    assert_eq!(format, Format::Warc);
    check_warc(&records.collect::<Vec<_>>());
}

fn check_wet(entries: &[Entry]) {
    assert_eq!(
        shape(entries),
        [
            "S:WARC-Type warcinfo".to_string(),
            format!("R:{}", uuid(21)),
            format!("R:{}", uuid(22)),
        ]
    );
    let first = record(&entries[1]);
    assert_eq!(first.kind, RecordKind::Text);
    assert_eq!(first.url.as_deref(), Some("https://example.com/cafe"));
    assert_eq!(first.date.as_deref(), Some("2024-03-01T12:00:21Z"));
    assert_eq!(first.http_status, None);
    assert_eq!(
        String::from_utf8(first.body.clone()).unwrap(),
        "Café news\nPlain prose about the café.\n"
    );
    assert_eq!(
        record(&entries[2]).body,
        "Новости\nПривет, мир!\n".as_bytes()
    );
}

#[test]
fn wet_plain_and_gzip() {
    check_wet(&read_file("sample.wet"));
    check_wet(&read_file("sample.wet.gz"));
    let bytes = std::fs::read(data("sample.wet.gz")).unwrap();
    assert_eq!(sniff_format(&bytes[..200], "x"), Format::Warc);
}

#[test]
fn size_limit_drops_records_not_the_stream() {
    // 200 bytes: the small PNG, 404 and text records fit; the HTML pages do not.
    let bytes = std::fs::read(data("sample.warc.gz")).unwrap();
    let options = ReadOptions {
        max_record_bytes: 200,
    };
    let entries = read_with(&bytes, "sample.warc.gz", options);
    let shape = shape(&entries);
    assert_eq!(shape.len(), 12, "{shape:#?}");
    let e = error(&entries[2]);
    assert!(!e.fatal);
    assert_eq!(
        e.to_string(),
        format!(
            "record 3 at byte {} (<urn:uuid:{}>): record too large: 248 bytes, limit 200",
            match e.at {
                deboil_records::Position::Record { offset, .. } => offset,
                _ => unreachable!(),
            },
            uuid(3)
        )
    );
    assert_eq!(
        skipped(&entries[4]).0,
        &SkipReason::NotHtml("image/png".into())
    );
    assert_eq!(record(&entries[6]).kind, RecordKind::Text);
    assert!(matches!(entries[11], Entry::Skipped { .. }));
}

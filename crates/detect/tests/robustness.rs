//! Whatever the bytes, `decode`, `language` and `sniff_content_type` return instead of
//! panicking, and successful decodes obey the hygiene guarantees.

use deboil_detect::{DecodeOptions, decode, language, sniff_content_type};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&[u8]] = &[
    b"<",
    b">",
    b"<!--",
    b"-->",
    b"<meta",
    b" charset=",
    b"\"",
    b"'",
    b"=",
    b"/",
    b"http-equiv=content-type",
    b" content=\"text/html; charset=",
    b"utf-8",
    b"gbk",
    b"koi8-r",
    b"utf-16",
    b"<html>",
    b"<p>",
    b"</p>",
    b" ",
    b"\n",
    b"\r",
    b"\r\n",
    b"\0",
    b"\x1b",
    b"\x01",
    b"\x1f\x8b",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xc3\xa9",
    b"\xd0\xb6",
    b"\xe6\x97\xa5",
    b"\xf0\x9f\x98\x80",
    b"\x80",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"word",
    b"\x89PNG",
    b"%PDF",
    b"RIFF",
    b"ID3\x03\0",
    b"\xa4\xa4",
];

#[test]
fn arbitrary_input_never_panics() {
    let labels = [
        None,
        Some("utf-8"),
        Some("UTF-16"),
        Some("bogus"),
        Some("x-user-defined"),
        Some("iso-2022-kr"),
        Some(" Shift_JIS "),
        Some(""),
    ];
    let tlds = [
        None,
        Some("ru"),
        Some("RU"),
        Some(".jp."),
        Some("ü"),
        Some(""),
        Some("co.uk"),
        Some("xn--p1ai"),
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for round in 0..3000 {
        let mut bytes = Vec::new();
        let pieces = rng.below(if round % 10 == 0 { 600 } else { 40 });
        for _ in 0..pieces {
            if rng.below(4) == 0 {
                bytes.push(rng.next() as u8);
            } else {
                bytes.extend_from_slice(PIECES[rng.below(PIECES.len())]);
            }
        }
        let options = DecodeOptions {
            transport_charset: labels[rng.below(labels.len())],
            tld: tlds[rng.below(tlds.len())],
            ..DecodeOptions::default()
        };
        if let Ok(d) = decode(&bytes, &options) {
            assert!(
                !d.text
                    .bytes()
                    .any(|b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c)),
                "controls or CR left in {:?}",
                d.text
            );
            let _ = language(&d.text);
        }
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = sniff_content_type(&lossy);
        let _ = language(&lossy);
    }
}

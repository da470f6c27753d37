//! End-to-end behaviour of `deboil_detect::decode`. Inputs are built by encoding known
//! strings with encoding_rs, so every expectation is exact.

use std::io::Write;

use deboil_detect::{ContentType, DecodeOptions, DetectError, EncodingSource, decode};
use encoding_rs::Encoding;

const RU: &str = "Съешь же ещё этих мягких французских булок, да выпей чаю. Москва - столица \
России, крупнейший по численности населения город страны. Широкая электрификация южных \
губерний даст мощный толчок подъёму сельского хозяйства.";
const FR: &str = "« Le cœur a ses raisons que la raison ne connaît point. » C’est l’été à \
Besançon ; les élèves déjà très fatigués préfèrent aller à la forêt près du château où \
l’on mange des crêpes.";
const DE: &str = "Größere Straßenbäume müssen überprüft werden, heißt es. Die Bürger äußern \
ihre Meinung über das schöne Wetter im Frühling und über die Brücke am Fluss.";
const JA: &str = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。\
何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。";
const ZH_HANT: &str = "中華民國憲法第一條：中華民國基於三民主義，為民有民治民享之民主共和國。\
中華民國之主權屬於國民全體。具有中華民國國籍者為中華民國國民。";
const KO: &str = "대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 \
국민으로부터 나온다. 대한민국의 국민이 되는 요건은 법률로 정한다.";
const ZH: &str = "中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。\
社会主义制度是中华人民共和国的根本制度。禁止任何组织或者个人破坏社会主义制度。";

fn encode(label: &str, text: &str) -> Vec<u8> {
    let enc = Encoding::for_label(label.as_bytes()).unwrap();
    let (bytes, _, unmappable) = enc.encode(text);
    assert!(!unmappable, "{label} cannot encode the test text");
    bytes.into_owned()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian {
            &[0xfe, 0xff]
        } else {
            &[0xff, 0xfe]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn html(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head>{head}<title>t</title></head>\n<body><p>{body}</p></body></html>\n"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    // Not `fast()`: zlib-rs's level 1 (zlib-ng's "quick" strategy) finds no long matches,
    // so the test bomb below would not be a bomb.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn opts() -> DecodeOptions<'static> {
    DecodeOptions::default()
}

/// One decoding expectation.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    options: DecodeOptions<'static>,
    encoding: &'static str,
    source: EncodingSource,
    /// The decoded text must equal this.
    text: String,
}

fn cases() -> Vec<Case> {
    let plain = |name, label: &str, text: &str, encoding, source| Case {
        name,
        bytes: encode(label, text),
        options: opts(),
        encoding,
        source,
        text: text.to_owned(),
    };
    let page = |name, label: &str, head: &str, body: &str, options, encoding, source| {
        let doc = html(head, body);
        Case {
            name,
            bytes: encode(label, &doc),
            options,
            encoding,
            source,
            text: doc,
        }
    };
    vec![
        plain(
            "cp1251 russian, undeclared",
            "windows-1251",
            RU,
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        plain(
            "cp1252 french, undeclared",
            "windows-1252",
            FR,
            "windows-1252",
            EncodingSource::Sniffed,
        ),
        plain(
            "cp1252 german, undeclared",
            "windows-1252",
            DE,
            "windows-1252",
            EncodingSource::Sniffed,
        ),
        plain(
            "shift_jis japanese, undeclared",
            "shift_jis",
            JA,
            "Shift_JIS",
            EncodingSource::Sniffed,
        ),
        plain(
            "gbk chinese, undeclared",
            "gbk",
            ZH,
            "GBK",
            EncodingSource::Sniffed,
        ),
        plain(
            "big5 traditional chinese, undeclared",
            "big5",
            ZH_HANT,
            "Big5",
            EncodingSource::Sniffed,
        ),
        plain(
            "euc-kr korean, undeclared",
            "euc-kr",
            KO,
            "EUC-KR",
            EncodingSource::Sniffed,
        ),
        plain(
            "euc-jp japanese, undeclared",
            "euc-jp",
            JA,
            "EUC-JP",
            EncodingSource::Sniffed,
        ),
        plain(
            "long cp1251",
            "windows-1251",
            &[RU; 12].join("\n"),
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        plain(
            "long cp1252",
            "windows-1252",
            &[FR, DE].repeat(6).join("\n"),
            "windows-1252",
            EncodingSource::Sniffed,
        ),
        plain(
            "long shift_jis",
            "shift_jis",
            &[JA; 12].join("\n"),
            "Shift_JIS",
            EncodingSource::Sniffed,
        ),
        plain(
            "long gbk",
            "gbk",
            &[ZH; 12].join("\n"),
            "GBK",
            EncodingSource::Sniffed,
        ),
        plain(
            "utf-8 russian, undeclared",
            "utf-8",
            RU,
            "UTF-8",
            EncodingSource::Sniffed,
        ),
        plain(
            "ascii, undeclared",
            "utf-8",
            "Just ASCII text.\n",
            "UTF-8",
            EncodingSource::Default,
        ),
        Case {
            name: "utf-8 bom",
            bytes: [b"\xef\xbb\xbf".as_slice(), FR.as_bytes()].concat(),
            options: opts(),
            encoding: "UTF-8",
            source: EncodingSource::Bom,
            text: FR.to_owned(),
        },
        Case {
            name: "utf-16le bom",
            bytes: utf16(RU, false, true),
            options: opts(),
            encoding: "UTF-16LE",
            source: EncodingSource::Bom,
            text: RU.to_owned(),
        },
        Case {
            name: "utf-16be bom",
            bytes: utf16(JA, true, true),
            options: opts(),
            encoding: "UTF-16BE",
            source: EncodingSource::Bom,
            text: JA.to_owned(),
        },
        Case {
            name: "utf-16le without bom",
            bytes: utf16(&html("", FR), false, false),
            options: opts(),
            encoding: "UTF-16LE",
            source: EncodingSource::Sniffed,
            text: html("", FR),
        },
        Case {
            name: "utf-16be without bom, cyrillic plain text",
            bytes: utf16(RU, true, false),
            options: opts(),
            encoding: "UTF-16BE",
            source: EncodingSource::Sniffed,
            text: RU.to_owned(),
        },
        page(
            "meta charset",
            "windows-1251",
            r#"<meta charset="windows-1251">"#,
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Meta,
        ),
        page(
            "meta charset unquoted, upper case",
            "windows-1251",
            "<META CHARSET=CP1251>",
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Meta,
        ),
        page(
            "meta http-equiv koi8-r",
            "koi8-r",
            r#"<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">"#,
            RU,
            opts(),
            "KOI8-R",
            EncodingSource::Meta,
        ),
        page(
            "meta content without http-equiv is ignored",
            "windows-1251",
            r#"<meta name="x" content="text/html; charset=koi8-r">"#,
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        page(
            "meta in a comment is ignored",
            "windows-1251",
            r#"<!-- <meta charset="koi8-r"> -->"#,
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        page(
            "meta in an attribute value is ignored",
            "windows-1251",
            r#"<link title='<meta charset="koi8-r">'>"#,
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        page(
            "meta utf-16 means utf-8",
            "utf-8",
            r#"<meta charset="utf-16">"#,
            RU,
            opts(),
            "UTF-8",
            EncodingSource::Meta,
        ),
        page(
            "meta on ascii page stands",
            "utf-8",
            r#"<meta charset="iso-8859-2">"#,
            "plain ascii",
            opts(),
            "ISO-8859-2",
            EncodingSource::Meta,
        ),
        page(
            "transport wins over meta",
            "koi8-r",
            r#"<meta charset="windows-1251">"#,
            RU,
            DecodeOptions {
                transport_charset: Some("KOI8-R"),
                ..opts()
            },
            "KOI8-R",
            EncodingSource::Transport,
        ),
        page(
            "transport on plain text",
            "windows-1251",
            "",
            RU,
            DecodeOptions {
                transport_charset: Some(" cp1251 "),
                ..opts()
            },
            "windows-1251",
            EncodingSource::Transport,
        ),
        page(
            "wrong meta: utf-8 declared, windows-1251 bytes",
            "windows-1251",
            r#"<meta charset="utf-8">"#,
            RU,
            opts(),
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        page(
            "wrong meta: windows-1252 declared, utf-8 cyrillic bytes",
            "utf-8",
            r#"<meta charset="windows-1252">"#,
            RU,
            opts(),
            "UTF-8",
            EncodingSource::Sniffed,
        ),
        page(
            "wrong transport: utf-8 declared, gbk bytes",
            "gbk",
            "",
            ZH,
            DecodeOptions {
                transport_charset: Some("utf-8"),
                ..opts()
            },
            "GBK",
            EncodingSource::Sniffed,
        ),
        page(
            "wrong transport: utf-16 declared for 8-bit bytes is ignored",
            "utf-8",
            "",
            DE,
            DecodeOptions {
                transport_charset: Some("utf-16"),
                ..opts()
            },
            "UTF-8",
            EncodingSource::Sniffed,
        ),
        page(
            "tld hint",
            "windows-1251",
            "",
            RU,
            DecodeOptions {
                tld: Some("RU"),
                ..opts()
            },
            "windows-1251",
            EncodingSource::Sniffed,
        ),
        page(
            "x-user-defined means windows-1252",
            "windows-1252",
            r#"<meta charset="x-user-defined">"#,
            DE,
            opts(),
            "windows-1252",
            EncodingSource::Meta,
        ),
    ]
}

#[test]
fn encodings() {
    let mut failures = Vec::new();
    for case in cases() {
        match decode(&case.bytes, &case.options) {
            Ok(d) => {
                if (d.encoding, d.encoding_source) != (case.encoding, case.source)
                    || d.text != case.text
                    || d.replaced_sequences != 0
                {
                    failures.push(format!(
                        "{}: got {} / {:?} / {} replaced, text ok: {}",
                        case.name,
                        d.encoding,
                        d.encoding_source,
                        d.replaced_sequences,
                        d.text == case.text
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: error {e}", case.name)),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `text` double-encoded: its UTF-8 bytes read as Windows-1252, the result saved as UTF-8.
fn double_encoded(text: &str) -> String {
    let (read, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
    read.into_owned()
}

#[test]
fn double_encoded_text_is_read_back_and_counted() {
    for text in [FR, DE, RU, ZH] {
        let page = html(r#"<meta charset="utf-8">"#, &double_encoded(text));
        let d = decode(page.as_bytes(), &opts()).unwrap();
        assert_eq!(d.text, html(r#"<meta charset="utf-8">"#, text), "{text}");
        assert!(d.mojibake_repaired >= 4, "{text}: {}", d.mojibake_repaired);
        assert_eq!((d.encoding, d.replaced_sequences), ("UTF-8", 0));
    }
    // Text decoded right, whatever its encoding, has nothing to read back.
    for (label, text) in [("windows-1252", FR), ("utf-8", DE), ("windows-1251", RU)] {
        let d = decode(&encode(label, &html("", text)), &opts()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.mojibake_repaired),
            (html("", text).as_str(), 0)
        );
    }
}

#[test]
fn declared_encoding_is_reported_even_when_overridden() {
    let bytes = encode("windows-1251", &html(r#"<meta charset="utf-8">"#, RU));
    let d = decode(&bytes, &opts()).unwrap();
    assert_eq!(d.encoding, "windows-1251");
    assert_eq!(d.declared_encoding, Some("UTF-8"));
    let d = decode(RU.as_bytes(), &opts()).unwrap();
    assert_eq!(d.declared_encoding, None);
}

#[test]
fn utf8_declared_with_a_stray_byte_keeps_the_declaration() {
    let mut bytes = html(r#"<meta charset="utf-8">"#, RU).into_bytes();
    bytes.extend_from_slice(b"<p>broken: \xff end</p>");
    let d = decode(&bytes, &opts()).unwrap();
    assert_eq!(
        (d.encoding, d.encoding_source),
        ("UTF-8", EncodingSource::Meta)
    );
    assert_eq!(d.replaced_sequences, 1);
    assert!(d.text.contains("broken: \u{FFFD} end"));
    assert!(d.text.contains(RU));
}

#[test]
fn replacement_characters_in_the_input_are_not_counted() {
    let bytes = "already replaced: \u{FFFD}\u{FFFD}".as_bytes();
    let d = decode(bytes, &opts()).unwrap();
    assert_eq!(d.replaced_sequences, 0);
    let mut bytes = encode("gbk", ZH);
    bytes.extend_from_slice(&encode("gb18030", "\u{FFFD}"));
    let d = decode(
        &bytes,
        &DecodeOptions {
            transport_charset: Some("gbk"),
            ..opts()
        },
    )
    .unwrap();
    assert_eq!((d.encoding, d.replaced_sequences), ("GBK", 0));
}

#[test]
fn gzip_input() {
    let doc = html(r#"<meta charset="windows-1251">"#, RU);
    let d = decode(&gzip(&encode("windows-1251", &doc)), &opts()).unwrap();
    assert!(d.gunzipped);
    assert_eq!(d.text, doc);
    assert_eq!(d.content_type, ContentType::Html);
    assert_eq!(d.encoding, "windows-1251");

    // Multi-member, as Common Crawl ships.
    let mut two = gzip(b"first member, ");
    two.extend_from_slice(&gzip(b"second member"));
    let d = decode(&two, &opts()).unwrap();
    assert_eq!(d.text, "first member, second member");

    // Double compression.
    let d = decode(&gzip(&gzip(b"twice")), &opts()).unwrap();
    assert_eq!(d.text, "twice");

    let d = decode(b"not gzip", &opts()).unwrap();
    assert!(!d.gunzipped);
}

#[test]
fn gzip_members_are_read_whole() {
    // Two equal members: the trailer at the end is also the first member's, so only the
    // second header tells that there is more.
    let one = gzip(b"same words, ");
    let two = [one.clone(), one.clone()].concat();
    assert_eq!(
        decode(&two, &opts()).unwrap().text,
        "same words, same words, "
    );
    // Bytes after the member are an error, as before the fast path.
    let trailing = [one.clone(), b"garbage".to_vec()].concat();
    assert!(matches!(
        decode(&trailing, &opts()),
        Err(DetectError::Gzip(_))
    ));
    // A trailer whose size is wrong: the streaming path reads the member and finds it.
    let mut wrong_size = one.clone();
    let n = wrong_size.len();
    wrong_size[n - 4] ^= 0x01;
    assert!(matches!(
        decode(&wrong_size, &opts()),
        Err(DetectError::Gzip(_))
    ));
    // A larger member, highly compressible and not.
    let text: String = (0..5000)
        .map(|i| format!("word{} ", i * 7919 % 10007))
        .collect();
    assert_eq!(decode(&gzip(text.as_bytes()), &opts()).unwrap().text, text);
}

#[test]
fn zstd_input() {
    let doc = html(r#"<meta charset="windows-1251">"#, RU);
    let zst = zstd::stream::encode_all(&encode("windows-1251", &doc)[..], 3).unwrap();
    let d = decode(&zst, &opts()).unwrap();
    assert!(d.gunzipped);
    assert_eq!(d.text, doc);
    assert_eq!(d.encoding, "windows-1251");

    // Frames one after the other, and zstd inside gzip.
    let mut two = zstd::stream::encode_all(&b"first frame, "[..], 1).unwrap();
    two.extend(zstd::stream::encode_all(&b"second frame"[..], 19).unwrap());
    assert_eq!(
        decode(&two, &opts()).unwrap().text,
        "first frame, second frame"
    );
    let nested = gzip(&zstd::stream::encode_all(&b"nested"[..], 3).unwrap());
    assert_eq!(decode(&nested, &opts()).unwrap().text, "nested");

    // Cut short, and a bomb over the limit.
    let cut = &zst[..zst.len() - 5];
    assert!(matches!(decode(cut, &opts()), Err(DetectError::Zstd(_))));
    let bomb = zstd::stream::encode_all(&vec![b'a'; 1 << 20][..], 3).unwrap();
    let limited = DecodeOptions {
        max_bytes: Some(4096),
        ..opts()
    };
    assert!(matches!(
        decode(&bomb, &limited),
        Err(DetectError::TooLarge {
            size: 4097,
            limit: 4096
        })
    ));
}

#[test]
fn gzip_errors() {
    let full = gzip(RU.repeat(50).as_bytes());
    let truncated = &full[..full.len() / 2];
    assert!(matches!(
        decode(truncated, &opts()),
        Err(DetectError::Gzip(_))
    ));
    let mut corrupt = full.clone();
    let n = corrupt.len();
    corrupt[n - 6] ^= 0xff; // CRC
    assert!(matches!(
        decode(&corrupt, &opts()),
        Err(DetectError::Gzip(_))
    ));
    assert!(matches!(
        decode(&[0x1f, 0x8b], &opts()),
        Err(DetectError::Gzip(_))
    ));

    // A bomb: 10 MB of zeros compresses to ~10 KB.
    let bomb = gzip(&vec![b' '; 10 << 20]);
    assert!(bomb.len() < 100_000);
    let limited = DecodeOptions {
        max_bytes: Some(1 << 20),
        ..opts()
    };
    assert_eq!(
        decode(&bomb, &limited).err(),
        Some(DetectError::TooLarge {
            size: (1 << 20) + 1,
            limit: 1 << 20
        })
    );
    assert_eq!(
        decode(
            b"12345",
            &DecodeOptions {
                max_bytes: Some(4),
                ..opts()
            }
        )
        .err(),
        Some(DetectError::TooLarge { size: 5, limit: 4 })
    );
    assert!(matches!(
        decode(&gzip(b""), &opts()),
        Err(DetectError::Empty)
    ));
}

#[test]
fn binary_formats_are_named() {
    let cases: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\0\x10JFIF\0", "JPEG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"GIF89a\x01\0\x01\0", "GIF"),
        (b"RIFF\x24\0\0\0WEBPVP8 ", "WebP"),
        (b"PK\x03\x04\x14\0\x06\0", "ZIP"),
        (b"\x7fELF\x02\x01\x01\0", "ELF"),
        (b"\0\0\0\x20ftypisom", "MP4"),
        (b"ID3\x04\0\0\0\0\0\0", "MP3"),
        (b"wOF2\0\x01\0\0", "WOFF2"),
        (b"SQLite format 3\0\x10\0", "SQLite"),
        (b"\0asm\x01\0\0\0", "WebAssembly"),
        (b"\xca\xfe\xba\xbe\0\0\0\x34", "Java"),
    ];
    for (bytes, name) in cases {
        match decode(bytes, &opts()) {
            Err(DetectError::Binary(what)) => assert!(what.contains(name), "{name}: {what}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    // Words that merely start like a signature are text.
    for text in [
        "BMW cars are German.",
        "ID3 tags describe MP3 files.",
        "OggS is a magic.",
    ] {
        assert!(decode(text.as_bytes(), &opts()).is_ok(), "{text}");
    }
}

#[test]
fn control_bytes_mean_binary() {
    let mut blob = Vec::new();
    for i in 0u32..4096 {
        blob.extend_from_slice(&i.to_le_bytes());
    }
    blob[0] = b'x'; // no known magic
    match decode(&blob, &opts()) {
        Err(DetectError::Binary(what)) => assert!(what.ends_with("% control bytes"), "{what}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn nul_bytes_sprinkled_in_text_are_removed_and_counted() {
    let text = format!("{DE}\n{DE}\n{DE}");
    let mut bytes = text.clone().into_bytes();
    for at in [300, 200, 100, 7] {
        bytes.insert(at, 0);
    }
    bytes.extend_from_slice(b"\r\nend\x07\r");
    let d = decode(&bytes, &opts()).unwrap();
    assert_eq!(d.removed_controls, 5);
    assert_eq!(d.text, format!("{text}\nend\n"));
    assert_eq!(d.encoding, "UTF-8");
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
fn noise(len: usize, seed: u64, lo: u8) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            lo + (x % (256 - u64::from(lo))) as u8
        })
        .collect()
}

#[test]
fn invalid_utf8_throughout_is_not_text() {
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        (
            "random high bytes",
            noise(4000, 0x9e37_79b9_7f4a_7c15, 0x80),
        ),
        ("random high bytes, other seed", noise(500, 12345, 0x80)),
        ("random printable-or-high bytes", noise(4000, 777, 0x20)),
        (
            "C3 28 A0 A1 E2 28 A1 repeated",
            b"\xc3\x28\xa0\xa1\xe2\x28\xa1".repeat(500),
        ),
        (
            "bad continuation pattern",
            b"\xe2\x82\x28\xf0\x28\x8c\xbc".repeat(300),
        ),
    ];
    for (name, bytes) in &inputs {
        let hinted = |tld| DecodeOptions {
            tld: Some(tld),
            ..opts()
        };
        let utf8 = DecodeOptions {
            transport_charset: Some("utf-8"),
            ..opts()
        };
        for options in [
            opts(),
            utf8,
            hinted("cn"),
            hinted("jp"),
            hinted("kr"),
            hinted("tw"),
            hinted("ru"),
            hinted("th"),
        ] {
            match decode(bytes, &options) {
                Err(DetectError::NotText(reason)) => {
                    eprintln!("{name}: {reason}");
                    assert!(reason.contains("when decoded as"), "{reason}");
                }
                Ok(d) => panic!(
                    "{name}: decoded as {} {:?}: {}",
                    d.encoding,
                    d.encoding_source,
                    d.text.chars().take(80).collect::<String>()
                ),
                Err(e) => panic!("{name}: {e}"),
            }
        }
    }
}

/// A 50 MB page on one line decodes whole, in both paths (UTF-8 as is, a legacy encoding
/// through encoding_rs). How fast is the benchmarks' business, not a test's.
#[test]
fn large_single_line_decodes_whole() {
    let mut line = "The quick brown fox jumps over the lazy dog — naïve café. ".repeat(900_000);
    line.truncate(50_000_000 + line[50_000_000..].find(' ').unwrap());
    let d = decode(line.as_bytes(), &opts()).unwrap();
    assert_eq!(d.text.len(), line.len());
    assert_eq!(d.encoding, "UTF-8");

    let latin1 = encode("windows-1252", &line);
    let d = decode(&latin1, &opts()).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.text.len(), line.len());
    assert_eq!(d.text, line);
}

#[test]
fn empty_input() {
    assert_eq!(decode(b"", &opts()).unwrap_err(), DetectError::Empty);
    // Whitespace or a bare BOM is a (blank) text, not an error.
    assert_eq!(decode(b"  \n", &opts()).unwrap().text, "  \n");
    assert_eq!(decode(b"\xef\xbb\xbf", &opts()).unwrap().text, "");
}

#[test]
fn content_type_in_decode() {
    let d = decode(html("", "x").as_bytes(), &opts()).unwrap();
    assert_eq!(d.content_type, ContentType::Html);
    let d = decode(b"Use <b>bold</b> sparingly.", &opts()).unwrap();
    assert_eq!(d.content_type, ContentType::Text);
    let hinted = DecodeOptions {
        content_type_hint: Some(ContentType::Html),
        ..opts()
    };
    let d = decode(b"Use <b>bold</b> sparingly.", &hinted).unwrap();
    assert_eq!(d.content_type, ContentType::Html);
    let hinted = DecodeOptions {
        content_type_hint: Some(ContentType::Text),
        ..opts()
    };
    let bytes = encode("windows-1251", &html(r#"<meta charset="koi8-r">"#, RU));
    let d = decode(&bytes, &hinted).unwrap();
    // A text hint also means no <meta> prescan.
    assert_eq!(
        (d.content_type, d.encoding),
        (ContentType::Text, "windows-1251")
    );
}

//! The HTML standard's "prescan a byte stream to determine its encoding": find a
//! `<meta charset>` or `<meta http-equiv=content-type content="...charset=...">` in the
//! first 1024 bytes, the way browsers do, skipping comments and other tags' attributes.

use encoding_rs::Encoding;

/// Bytes the prescan may look at.
const PRESCAN_LIMIT: usize = 1024;

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.get(..needle.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Returns the encoding declared by a `<meta>` element, already mapped as the standard
/// requires (a UTF-16 declaration means UTF-8, `x-user-defined` means windows-1252).
pub(crate) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = bytes.get(..bytes.len().min(PRESCAN_LIMIT))?;
    let mut pos = 0;
    while pos < b.len() {
        let rest = &b[pos..];
        if rest.starts_with(b"<!--") {
            // The comment ends at the first "-->" whose ">" comes after the "<!--" ("<!-->"
            // counts, as in the standard's wording).
            pos = find(b, pos + 2, b"-->")? + 2;
        } else if starts_with_ci(rest, b"<meta")
            && rest.get(5).is_some_and(|&c| is_space(c) || c == b'/')
        {
            pos += 5;
            if let Some(enc) = meta(b, &mut pos)? {
                return Some(enc);
            }
        } else if rest.len() >= 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Another tag: skip its name, then its attributes, so that a `<meta` inside an
            // attribute value is not taken for an element.
            pos += rest
                .iter()
                .position(|&c| is_space(c) || c == b'>')
                .unwrap_or(rest.len());
            loop {
                match attribute(b, &mut pos) {
                    Attr::Some(..) => {}
                    Attr::None => break,
                    Attr::Eof => return None,
                }
            }
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos = find(b, pos, b">")?;
        }
        pos += 1;
    }
    None
}

/// Processes the attributes of one `<meta>` element. `Some(None)`: no usable declaration
/// here, keep scanning; `None`: input ended.
fn meta(b: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<&'static Encoding> = None;
    loop {
        let (name, value) = match attribute(b, pos) {
            Attr::Some(name, value) => (name, value),
            Attr::None => break,
            Attr::Eof => return None,
        };
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(enc) = charset_from_content(&value) {
                    charset = Some(enc);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    let Some(enc) = charset.filter(|_| usable) else {
        return Some(None);
    };
    Some(Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else if enc == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            enc
        },
    ))
}

enum Attr {
    Some(Vec<u8>, Vec<u8>),
    None,
    Eof,
}

/// The standard's "get an attribute": names and values come out ASCII-lowercased.
fn attribute(b: &[u8], pos: &mut usize) -> Attr {
    let at = |p: usize| b.get(p).copied();
    while at(*pos).is_some_and(|c| is_space(c) || c == b'/') {
        *pos += 1;
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    match at(*pos) {
        None => return Attr::Eof,
        Some(b'>') => return Attr::None,
        Some(_) => {}
    }
    // Name.
    loop {
        let Some(c) = at(*pos) else {
            return Attr::Eof;
        };
        if c == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(c) {
            // Spaces, then maybe "=".
            while at(*pos).is_some_and(is_space) {
                *pos += 1;
            }
            match at(*pos) {
                None => return Attr::Eof,
                Some(b'=') => {
                    *pos += 1;
                    break;
                }
                Some(_) => return Attr::Some(name, value),
            }
        }
        if c == b'/' || c == b'>' {
            return Attr::Some(name, value);
        }
        name.push(c.to_ascii_lowercase());
        *pos += 1;
    }
    // Value.
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    match at(*pos) {
        None => return Attr::Eof,
        Some(q @ (b'"' | b'\'')) => {
            *pos += 1;
            loop {
                match at(*pos) {
                    None => return Attr::Eof,
                    Some(c) if c == q => {
                        *pos += 1;
                        return Attr::Some(name, value);
                    }
                    Some(c) => value.push(c.to_ascii_lowercase()),
                }
                *pos += 1;
            }
        }
        Some(b'>') => return Attr::Some(name, value),
        Some(_) => {}
    }
    loop {
        match at(*pos) {
            None => return Attr::Eof,
            Some(c) if is_space(c) || c == b'>' => return Attr::Some(name, value),
            Some(c) => value.push(c.to_ascii_lowercase()),
        }
        *pos += 1;
    }
}

/// The standard's "extract a character encoding from a meta element" on a `content` value.
pub(crate) fn charset_from_content(s: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        let found = s
            .get(pos..)?
            .windows(7)
            .position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += found + 7;
        while s.get(pos).copied().is_some_and(is_space) {
            pos += 1;
        }
        if s.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while s.get(pos).copied().is_some_and(is_space) {
            pos += 1;
        }
        let rest = s.get(pos..)?;
        return match rest.first()? {
            q @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|c| c == q)?;
                Encoding::for_label(&rest[1..=end])
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&c| is_space(c) || c == b';')
                    .unwrap_or(rest.len());
                Encoding::for_label(&rest[..end])
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_cases() {
        let cases: &[(&str, Option<&str>)] = &[
            (r#"<meta charset="windows-1251">"#, Some("windows-1251")),
            ("<meta charset=koi8-r>", Some("KOI8-R")),
            ("<META CHARSET='Shift_JIS'/>", Some("Shift_JIS")),
            ("<meta/charset=gbk>", Some("GBK")),
            (
                r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">"#,
                Some("ISO-8859-2"),
            ),
            (
                r#"<meta content="text/html; charset='euc-kr'" http-equiv=content-type>"#,
                Some("EUC-KR"),
            ),
            (r#"<meta content="text/html; charset=koi8-r">"#, None),
            (
                r#"<meta http-equiv="refresh" content="0; charset=koi8-r">"#,
                None,
            ),
            (r#"<meta charset="utf-16le">"#, Some("UTF-8")),
            (r#"<meta charset="x-user-defined">"#, Some("windows-1252")),
            (r#"<meta charset="no-such-encoding">"#, None),
            (
                r#"<!-- <meta charset="koi8-r"> --><meta charset="gbk">"#,
                Some("GBK"),
            ),
            (r#"<!--><meta charset="gbk">"#, Some("GBK")),
            (r#"<!-- unterminated <meta charset="gbk">"#, None),
            (
                r#"<div title="<meta charset=koi8-r>"><meta charset="big5">"#,
                Some("Big5"),
            ),
            (
                r#"<?xml version="1.0"?><!DOCTYPE html><meta charset="euc-jp">"#,
                Some("EUC-JP"),
            ),
            (r#"<meta charset="gbk" charset="koi8-r">"#, Some("GBK")),
            (r#"<meta name="x" charset"#, None),
            ("<metadata charset=gbk>", None),
            ("", None),
        ];
        for (html, want) in cases {
            assert_eq!(
                prescan(html.as_bytes()).map(Encoding::name),
                *want,
                "{html}"
            );
        }
    }

    #[test]
    fn only_the_first_1024_bytes() {
        let late = format!("{}<meta charset=gbk>", " ".repeat(1020));
        assert_eq!(prescan(late.as_bytes()), None);
        let early = format!("{}<meta charset=gbk>", " ".repeat(1000));
        assert_eq!(prescan(early.as_bytes()), Some(encoding_rs::GBK));
    }

    #[test]
    fn content_attribute_parsing() {
        let cases: &[(&str, Option<&str>)] = &[
            ("text/html; charset=utf-8", Some("UTF-8")),
            ("text/html;charset = \"koi8-r\"", Some("KOI8-R")),
            ("text/html; charset='gbk", None),
            ("text/html; charset", None),
            ("charsetcharset=big5", Some("Big5")),
            ("text/html", None),
        ];
        for (content, want) in cases {
            assert_eq!(
                charset_from_content(content.as_bytes()).map(Encoding::name),
                *want,
                "{content}"
            );
        }
    }
}

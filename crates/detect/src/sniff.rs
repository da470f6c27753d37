//! Byte-level sniffing: binary formats, BOM-less UTF-16, control-byte density, and the
//! HTML-or-text decision on decoded text.

use crate::ContentType;

/// How much of the input the byte-level heuristics look at.
pub(crate) const SNIFF_WINDOW: usize = 8 * 1024;

/// Names a well-known binary format from its leading magic bytes.
///
/// Only signatures that cannot plausibly start a text document are listed; anything else
/// binary is caught by the control-byte density test.
pub(crate) fn binary_format(b: &[u8]) -> Option<&'static str> {
    let at = |offset: usize, sig: &[u8]| b.get(offset..).is_some_and(|s| s.starts_with(sig));
    let table: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or docx/xlsx/epub/jar)"),
        (b"PK\x05\x06", "ZIP archive (empty)"),
        (b"PK\x07\x08", "ZIP archive (spanned)"),
        (b"7z\xbc\xaf\x27\x1c", "7z archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x7fELF", "ELF executable"),
        (b"\xfe\xed\xfa\xce", "Mach-O executable"),
        (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
        (b"\xce\xfa\xed\xfe", "Mach-O executable"),
        (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
        (
            b"\xca\xfe\xba\xbe",
            "Java class file (or Mach-O universal binary)",
        ),
        (b"\x00asm", "WebAssembly module"),
        (b"OggS\x00", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
        (b"wOFF", "WOFF font"),
        (b"wOF2", "WOFF2 font"),
        (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
        (b"\xfd7zXZ\x00", "xz-compressed data"),
        (b"\x04\x22\x4d\x18", "LZ4-compressed data"),
        (b"SQLite format 3\x00", "SQLite database"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "OLE2 compound file (doc/xls/ppt/msi)",
        ),
        (b"II*\x00", "TIFF image"),
        (b"MM\x00*", "TIFF image"),
        (b"8BPS\x00", "Photoshop image"),
        (b"MThd\x00\x00\x00\x06", "MIDI audio"),
        (b"\x00\x00\x01\x00", "ICO image"),
        (b"\x00\x00\x02\x00", "CUR image"),
        (b"\x00\x01\x00\x00\x00", "TrueType font"),
        (b"OTTO\x00", "OpenType font"),
        (b"\x1f\x8b", "gzip-compressed data"),
    ];
    for (sig, name) in table {
        if at(0, sig) {
            return Some(name);
        }
    }
    if at(0, b"RIFF") && b.len() >= 12 {
        return Some(match b.get(8..12) {
            Some(b"WEBP") => "WebP image",
            Some(b"WAVE") => "WAV audio",
            Some(b"AVI ") => "AVI video",
            _ => "RIFF container",
        });
    }
    if at(4, b"ftyp") {
        return Some("MP4/QuickTime media (ftyp)");
    }
    // ID3v2 tag: "ID3", major version 2..=4, revision 0.
    if at(0, b"ID3") && matches!(b.get(3), Some(2..=4)) && b.get(4) == Some(&0) {
        return Some("MP3 audio (ID3)");
    }
    // MPEG audio frame sync without a tag.
    if b.first() == Some(&0xff) && b.get(1).is_some_and(|&x| x & 0xe0 == 0xe0 && x < 0xfe) {
        return Some("MPEG audio");
    }
    // bzip2: "BZh", block size digit, then a block or end-of-stream magic.
    if at(0, b"BZh")
        && matches!(b.get(3), Some(b'1'..=b'9'))
        && (at(4, b"\x31\x41\x59\x26\x53\x59") || at(4, b"\x17\x72\x45\x38\x50\x90"))
    {
        return Some("bzip2-compressed data");
    }
    // BMP: "BM" then reserved zero fields; plain "BM" would match ordinary words.
    if at(0, b"BM") && b.len() >= 26 && b.get(6..10) == Some(&[0, 0, 0, 0]) {
        return Some("BMP image");
    }
    if b.len() > 262 && at(257, b"ustar") {
        return Some("tar archive");
    }
    None
}

/// BOM-less UTF-16: ASCII-range characters (markup, spaces, digits) put a NUL in every other
/// byte, always on the same side. Text in 8-bit encodings has no NULs at all, so requiring a
/// one-sided NUL pattern in at least a tenth of the code units keeps false positives away,
/// while still catching Cyrillic or Greek UTF-16 (whose spaces and punctuation provide the NULs).
pub(crate) fn utf16_without_bom(b: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = b.get(..b.len().min(SNIFF_WINDOW) & !1).unwrap_or_default();
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut nul_even, mut nul_odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        nul_even += usize::from(pair[0] == 0);
        nul_odd += usize::from(pair[1] == 0);
    }
    let one_sided = |main: usize, other: usize| main * 10 >= units && other * 8 <= main;
    let enc = if one_sided(nul_odd, nul_even) {
        encoding_rs::UTF_16LE
    } else if one_sided(nul_even, nul_odd) {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    // Confirm: the sample must decode without unpaired surrogates (allowing a cut pair at
    // the end) and without many C0 controls.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length(sample.len())
        .unwrap_or(sample.len().saturating_mul(2));
    let mut out = String::with_capacity(capacity);
    let (result, _, had_errors) = decoder.decode_to_string(sample, &mut out, false);
    if had_errors || result != encoding_rs::CoderResult::InputEmpty {
        return None;
    }
    let controls = out.bytes().filter(|&c| is_bad_control(c)).count();
    (controls * 20 <= units).then_some(enc)
}

/// C0 controls that never occur in text: everything below 0x20 except TAB, LF, FF, CR, and
/// ESC (which ISO-2022-JP uses as its shift sequence).
pub(crate) fn is_bad_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)
}

/// Percentage of control bytes in the sniff window, when it is too high for text.
pub(crate) fn control_byte_percent(b: &[u8]) -> Option<usize> {
    let sample = b.get(..b.len().min(SNIFF_WINDOW)).unwrap_or_default();
    if sample.is_empty() {
        return None;
    }
    let controls = sample.iter().filter(|&&c| is_bad_control(c)).count();
    // 10%: binary formats run well above it (headers, zero padding, small integers), while
    // text with stray NULs or form feeds stays far below.
    (controls * 10 > sample.len()).then(|| (controls * 100).div_ceil(sample.len()))
}

/// How much decoded text [`sniff_content_type`] looks at.
const CONTENT_WINDOW: usize = 4 * 1024;

/// Tags that, at the very start of a document, mean HTML.
const LEADING_TAGS: &[&str] = &[
    "html", "head", "body", "meta", "title", "script", "style", "div", "p", "table", "a", "h1",
    "h2", "h3", "h4", "h5", "h6", "br", "link", "span", "ul", "ol", "form", "iframe", "img",
    "section", "article", "header", "nav", "main", "footer", "noscript", "base", "center", "font",
    "frameset", "hr", "pre",
];

/// Tags whose presence, together with a high tag density, marks an HTML fragment.
const STRUCTURAL: &[&str] = &[
    "<html", "<body", "<head", "</p>", "<div", "</div>", "<table", "<br", "<ul", "<li",
];

/// Decides whether decoded text is an HTML document or plain text.
///
/// A document is HTML when it *starts* like HTML (doctype, a common element, a comment, an
/// XML declaration followed by `<html`), or when its first 4 KiB is dense with tags including
/// structural ones. Prose or Markdown that merely mentions a tag stays text.
pub fn sniff_content_type(text: &str) -> ContentType {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let window = &text[..floor_char_boundary(text, CONTENT_WINDOW)];
    let lower = window.to_ascii_lowercase();
    if starts_like_html(&lower) {
        return ContentType::Html;
    }
    if lower.starts_with("<?xml") {
        // XHTML: an XML declaration (and maybe a doctype/comments) then the root element.
        if lower.contains("<html") {
            return ContentType::Html;
        }
        return ContentType::Text;
    }
    if STRUCTURAL.iter().any(|t| lower.contains(t)) && dense_markup(&lower) {
        return ContentType::Html;
    }
    ContentType::Text
}

fn starts_like_html(lower: &str) -> bool {
    if lower.starts_with("<!doctype html") || lower.starts_with("<!--") {
        return true;
    }
    let Some(rest) = lower.strip_prefix('<') else {
        return false;
    };
    LEADING_TAGS.iter().any(|tag| {
        rest.strip_prefix(tag).is_some_and(|after| {
            // The name must end here: `<p>` and `<p class>` are HTML, `<pizza>` is not.
            after
                .bytes()
                .next()
                .is_some_and(|c| matches!(c, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0c))
        })
    })
}

/// At least ten tags, and at least a fifth of the window inside `<...>`.
fn dense_markup(lower: &str) -> bool {
    let b = lower.as_bytes();
    let (mut tags, mut inside, mut i) = (0usize, 0usize, 0usize);
    while i < b.len() {
        if b[i] == b'<' {
            let next = b.get(i + 1).copied().unwrap_or(b' ');
            let name = if next == b'/' {
                b.get(i + 2).copied().unwrap_or(b' ')
            } else {
                next
            };
            if name.is_ascii_alphabetic() || next == b'!' {
                if let Some(len) = b[i..].iter().take(512).position(|&c| c == b'>') {
                    tags += 1;
                    inside += len + 1;
                    i += len + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    tags >= 10 && inside * 5 >= b.len()
}

/// The largest char boundary not above `max` (stable replacement for `floor_char_boundary`).
pub(crate) fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

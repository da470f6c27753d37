//! Decoding with an error count, the chardetng guess, and the "is this text at all" check.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding};

/// Decodes `bytes` (without BOM sniffing: the caller has already dealt with the BOM),
/// replacing malformed sequences with U+FFFD and counting them. U+FFFD that the input itself
/// contained is not counted.
pub(crate) fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    if enc == encoding_rs::UTF_8 {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return (s.to_owned(), 0);
        }
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    // Single-byte and CJK encodings grow by at most ~1.5x for typical text; the loop below
    // grows the buffer when a page needs more (e.g. all-Cyrillic or all-CJK text).
    let mut out = String::with_capacity(
        bytes
            .len()
            .saturating_add(bytes.len() / 2)
            .saturating_add(16),
    );
    let mut errors = 0usize;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(rest.len().saturating_add(16)),
            DecoderResult::Malformed(..) => {
                errors += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    (out, errors)
}

/// Bytes fed to chardetng. It is a statistical detector: a few hundred KiB of non-ASCII text
/// settle the question, and feeding a 50 MB page would dominate the run time.
const DETECTOR_WINDOW: usize = 256 * 1024;

/// chardetng's guess, starting at the first non-ASCII byte so a long ASCII head (scripts,
/// styles) does not eat the window. UTF-8 is allowed as an answer: we are not a browser and
/// have no compatibility reason to refuse it.
pub(crate) fn guess(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let first_non_ascii = Encoding::ascii_valid_up_to(bytes);
    // Two bytes of context before it, as chardetng keeps itself.
    let start = first_non_ascii.saturating_sub(2);
    let end = start.saturating_add(DETECTOR_WINDOW).min(bytes.len());
    let window = bytes.get(start..end).unwrap_or_default();
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    // Only say "last" when we really fed everything: a window cut inside a multi-byte
    // sequence must not count against that encoding.
    detector.feed(window, end == bytes.len());
    let tld = tld.and_then(clean_tld);
    detector.guess(tld.as_deref().map(str::as_bytes), Utf8Detection::Allow)
}

/// chardetng panics on a TLD with upper case, dots or non-ASCII: reduce a caller's hint
/// (`".RU"`, `"example.ru"`) to its rightmost lower-case ASCII label, or drop it.
fn clean_tld(tld: &str) -> Option<String> {
    let label = tld.trim().trim_matches('.').rsplit('.').next()?;
    let label = label.to_ascii_lowercase();
    (!label.is_empty()
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    .then_some(label)
}

/// Whether a declared encoding's decoding is too broken to believe: more than one in ten
/// non-ASCII characters came out as U+FFFD. A page in the right encoding with a stray bad
/// byte stays under this; text in a different encoding (e.g. windows-1251 read as UTF-8)
/// fails nearly every non-ASCII character.
pub(crate) fn too_many_errors(text: &str, errors: usize) -> bool {
    if errors == 0 {
        return false;
    }
    let non_ascii = text.chars().filter(|c| !c.is_ascii()).count();
    let valid = non_ascii.saturating_sub(errors);
    errors * 10 > errors + valid
}

/// Text in any language, 200 characters long, uses more different characters than this.
const MIN_DISTINCT: usize = 12;

/// Decoded text inspected by [`not_text`].
const GARBAGE_WINDOW: usize = 64 * 1024;

/// Coarse script classes: enough to tell "letters of one script" from a scatter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Indic,
    Thai,
    Georgian,
    Hangul,
    /// Han, kana, bopomofo: written without spaces.
    Cjk,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F => Script::Cyrillic,
            0x0530..=0x058F => Script::Armenian,
            0x0590..=0x05FF => Script::Hebrew,
            0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
            0x0900..=0x0DFF => Script::Indic,
            0x0E00..=0x0E7F => Script::Thai,
            0x10A0..=0x10FF => Script::Georgian,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x2E80..=0x2FDF
            | 0x3040..=0x30FF
            | 0x3100..=0x312F
            | 0x31A0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xFF66..=0xFF9F
            | 0x20000..=0x3134F => Script::Cjk,
            _ => Script::Other,
        }
    }

    /// Scripts written without spaces between words.
    fn unspaced(self) -> bool {
        matches!(self, Script::Cjk | Script::Thai)
    }
}

const SCRIPTS: usize = 12;

fn script_index(s: Script) -> usize {
    s as usize
}

/// Decides whether text decoded from bytes that were not valid UTF-8 is really text, or
/// bytes that merely decoded without errors in some legacy encoding (any byte sequence does
/// in windows-1252). Returns a human-readable reason when it is not text.
///
/// The criterion: real text is made of letters of one script separated by whitespace and
/// some punctuation. Garbage decoded as a legacy encoding is instead a scatter of accented
/// letters, symbols and C1 controls with no word breaks. Only text whose non-ASCII part is
/// substantial (at least 30% of the non-space characters) is judged on its letters, because
/// the ASCII part decodes the same in every candidate encoding and cannot be garbage of this
/// kind; control characters and U+FFFD are judged everywhere.
pub(crate) fn not_text(text: &str) -> Option<String> {
    let sample = &text[..crate::sniff::floor_char_boundary(text, GARBAGE_WINDOW)];
    let (mut space, mut nonspace, mut junk) = (0usize, 0usize, 0usize);
    let (mut non_ascii, mut non_ascii_letters) = (0usize, 0usize);
    let mut scripts = [0usize; SCRIPTS];
    // A handful of distinct characters is enough to tell "repeats a short pattern".
    let mut distinct: Vec<char> = Vec::with_capacity(MIN_DISTINCT);
    for c in sample.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{3000}') {
            space += 1;
            continue;
        }
        nonspace += 1;
        if distinct.len() < MIN_DISTINCT && !distinct.contains(&c) {
            distinct.push(c);
        }
        if c.is_ascii() {
            if c.is_ascii_control() && c != '\u{1b}' {
                junk += 1;
            }
            continue;
        }
        non_ascii += 1;
        if c.is_control() || c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c) {
            junk += 1;
        } else if c.is_alphabetic() {
            non_ascii_letters += 1;
            scripts[script_index(Script::of(c))] += 1;
        }
    }
    if nonspace == 0 {
        return None;
    }
    let pct = |part: usize, whole: usize| (part * 100) / whole.max(1);
    if junk * 10 > nonspace {
        return Some(format!(
            "{}% control or replacement characters",
            pct(junk, nonspace)
        ));
    }
    if non_ascii * 10 < nonspace * 3 || non_ascii < 16 {
        return None;
    }
    if non_ascii_letters * 5 < non_ascii * 3 {
        return Some(format!(
            "only {}% of the non-ASCII characters are letters",
            pct(non_ascii_letters, non_ascii)
        ));
    }
    if nonspace >= 200 && distinct.len() < MIN_DISTINCT {
        return Some(format!(
            "{nonspace} characters repeating only {} distinct ones",
            distinct.len()
        ));
    }
    let (dominant, count) = scripts
        .iter()
        .enumerate()
        .max_by_key(|&(_, n)| *n)
        .map_or((script_index(Script::Other), 0), |(i, n)| (i, *n));
    if count * 10 < non_ascii_letters * 7 {
        return Some(format!(
            "letters scattered over several scripts (the main one has {}%)",
            pct(count, non_ascii_letters)
        ));
    }
    let unspaced = [Script::Cjk, Script::Thai]
        .iter()
        .any(|s| script_index(*s) == dominant && s.unspaced());
    if !unspaced && nonspace >= 64 && space * 50 < nonspace {
        return Some(format!(
            "{} characters with almost no whitespace",
            nonspace + space
        ));
    }
    if dominant == script_index(Script::Cjk) {
        return rare_cjk(sample);
    }
    None
}

/// Han characters examined by [`rare_cjk`].
const HAN_SAMPLE: usize = 2000;

/// Chinese and Japanese need no spaces, so garbage decoded as GBK, Big5 or Shift_JIS looks
/// like a run of ideographs. But real text is dominated by common characters, while bytes
/// spread evenly over a CJK code space land mostly on rare ones. "Common" is what the
/// national standards put in their first level: GB 2312 level 1, Big5 level 1, JIS X 0208
/// level 1 (found by encoding the character and looking at its code), and all kana.
fn rare_cjk(sample: &str) -> Option<String> {
    let (mut cjk, mut common) = (0usize, 0usize);
    for c in sample
        .chars()
        .filter(|&c| Script::of(c) == Script::Cjk)
        .take(HAN_SAMPLE)
    {
        cjk += 1;
        common += usize::from(is_kana(c) || is_common_han(c));
    }
    (cjk >= 16 && common * 10 < cjk * 8).then(|| {
        format!(
            "mostly rare CJK characters ({}% common)",
            (common * 100) / cjk.max(1)
        )
    })
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}')
}

fn is_common_han(c: char) -> bool {
    let mut utf8 = [0u8; 4];
    let s: &str = c.encode_utf8(&mut utf8);
    let code = |enc: &'static Encoding| {
        let mut encoder = enc.new_encoder();
        let mut out = [0u8; 8];
        let (result, _, written) = encoder.encode_from_utf8_without_replacement(s, &mut out, true);
        (result == encoding_rs::EncoderResult::InputEmpty && written == 2)
            .then_some((out[0], out[1]))
    };
    matches!(code(encoding_rs::GBK), Some((0xB0..=0xD7, 0xA1..=0xFE)))
        || matches!(
            code(encoding_rs::BIG5),
            Some((0xA4..=0xC5, _) | (0xC6, 0x40..=0x7E))
        )
        || matches!(
            code(encoding_rs::SHIFT_JIS),
            Some((0x88, 0x9F..) | (0x89..=0x97, _) | (0x98, ..=0x72))
        )
}

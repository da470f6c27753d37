//! Double-encoded UTF-8 ("mojibake"): text that was UTF-8, was read as Windows-1252 (or
//! Latin-1) by some earlier program, and was saved as UTF-8 again, so that "it’s" reads
//! "itâ€™s" and "für" reads "fÃ¼r". Each such sequence is the UTF-8 bytes of one character
//! written out as Windows-1252 characters: a lead (`Â` to `ô`, the bytes 0xC2 to 0xF4) and
//! one to three continuation characters (those whose Windows-1252 byte is 0x80 to 0xBF, or
//! the C1 controls a Latin-1 reading leaves). Putting the bytes back together and reading
//! them as UTF-8 gives the character back.
//!
//! Legitimate text can hold such a pair ("‘ß’", "JOSÉ”", "¿qué…»"), so the repair asks for
//! evidence twice:
//! - of each sequence: the character it gives must be one text is written with
//!   ([`plausible`]): a letter of a script or a punctuation mark, not an IPA letter or a
//!   combining mark (what "É”" or "Í»" would give);
//! - of the page: at least [`MIN_SEQUENCES`] such sequences, and one of them of the two
//!   commonest shapes ([`SequenceShape::Telltale`]: `Â` or `Ã` and one character, for
//!   Latin-1's symbols and accented letters, or `â€` and one, for curly quotes and dashes),
//!   or [`MIN_SEQUENCES_WITHOUT_TELLTALE`] of them (a page in another script). A page that
//!   quotes one "Ã¤" to explain mojibake keeps it.
//!
//! We write this rather than take a crate: the one Rust port of ftfy (`plsfix`) is a young,
//! little-used crate that also rewrites much else (quotes, ligatures, width); this repair
//! changes only what is certainly a mistake, and counts it for the header.

/// A page is repaired only with at least this many sequences…
const MIN_SEQUENCES: usize = 2;
/// …one of them a telltale, or this many without one.
const MIN_SEQUENCES_WITHOUT_TELLTALE: usize = 4;
/// Layers of garbling undone at most (each one more program that misread the text).
const MAX_LAYERS: usize = 3;

/// The Windows-1252 characters of the bytes 0x80 to 0x9F (the C1 controls where Windows-1252
/// defines none: 0x81, 0x8D, 0x8F, 0x90, 0x9D), indexed by byte − 0x80.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The UTF-8 continuation byte (0x80 to 0xBF) a character stands for when a Windows-1252 or
/// Latin-1 reading made it.
fn continuation_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xBF).contains(&code) {
        return u8::try_from(code).ok();
    }
    // Outside the table's range (Œ U+0152 to ™ U+2122): most characters after an accented
    // letter, which end the search here.
    if !(0x152..=0x2122).contains(&code) {
        return None;
    }
    let index = WINDOWS_1252_HIGH.iter().position(|&w| w == c)?;
    u8::try_from(0x80 + index).ok()
}

/// How many continuation bytes a lead character's byte (0xC2 to 0xF4) takes.
fn continuations(lead: char) -> Option<usize> {
    match u32::from(lead) {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Whether a character a sequence gives is one text is written with: letters of the
/// alphabets (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic), Latin-1's symbols, and, from
/// three bytes or more, anything but a control (punctuation, CJK, emoji). A C1 control
/// counts: it is a byte Windows-1252 does not define, garbled once more ("Â\u{9d}" of the
/// '”' in "â€\u{9d}"), and the next layer reads it back.
fn plausible(c: char) -> bool {
    let code = u32::from(c);
    match code {
        0x00..=0x7F => false,
        0x80..=0x9F => true,
        0xA0..=0x24F => true,
        0x250..=0x36F => false,
        0x370..=0x6FF => true,
        0x700..=0x7FF => false,
        _ => !c.is_control(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SequenceShape {
    /// `Â` or `Ã` with one continuation, or `â€` with one: the shapes most mojibake takes.
    Telltale,
    Other,
}

/// A sequence found in the text: its byte range, the character it stands for, its shape.
struct Sequence {
    start: usize,
    end: usize,
    repaired: char,
    shape: SequenceShape,
}

/// The sequence `text` starts with, if any: the character it stands for, its length in
/// bytes, and its shape.
fn sequence(text: &str) -> Option<(char, usize, SequenceShape)> {
    let mut chars = text.chars();
    let lead = chars.next()?;
    let needed = continuations(lead)?;
    let mut bytes = [0u8; 4];
    *bytes.first_mut()? = u8::try_from(u32::from(lead)).ok()?;
    let mut length = lead.len_utf8();
    let mut first = None;
    for slot in bytes.iter_mut().skip(1).take(needed) {
        let c = chars.next()?;
        first.get_or_insert(c);
        *slot = continuation_byte(c)?;
        length += c.len_utf8();
    }
    let repaired = std::str::from_utf8(bytes.get(..=needed)?)
        .ok()?
        .chars()
        .next()?;
    if !plausible(repaired) {
        return None;
    }
    let telltale = matches!(lead, 'Â' | 'Ã') || lead == 'â' && first == Some('€');
    let shape = if telltale {
        SequenceShape::Telltale
    } else {
        SequenceShape::Other
    };
    Some((repaired, length, shape))
}

/// The sequences of `text`, in order, none overlapping. Every lead character is encoded
/// 0xC3 then 0x82 to 0xB4, and 0xC3 only ever starts a character: one memchr pass finds them
/// (on a page in a Latin script most are accented letters, and fail on the next character).
fn sequences(text: &str) -> Vec<Sequence> {
    let mut found: Vec<Sequence> = Vec::new();
    for at in memchr::memchr_iter(0xC3, text.as_bytes()) {
        if found.last().is_some_and(|s| at < s.end) {
            continue;
        }
        if let Some((repaired, length, shape)) = text.get(at..).and_then(sequence) {
            found.push(Sequence {
                start: at,
                end: at + length,
                repaired,
                shape,
            });
        }
    }
    found
}

/// The text with its double-encoded sequences read back, and how many there were; the text
/// as it was (and 0) when the page does not show the mistake clearly (see the module).
pub(crate) fn repair(mut text: String) -> (String, usize) {
    // Text garbled twice ("itÃ¢â‚¬â„¢s") gives the once-garbled text back first.
    let mut repaired = 0;
    for _ in 0..MAX_LAYERS {
        let (fixed, count) = repair_layer(text);
        text = fixed;
        repaired += count;
        if count == 0 {
            break;
        }
    }
    (text, repaired)
}

/// One layer of [`repair`].
fn repair_layer(text: String) -> (String, usize) {
    let found = sequences(&text);
    let telltales = found
        .iter()
        .filter(|s| s.shape == SequenceShape::Telltale)
        .count();
    let evident = found.len() >= MIN_SEQUENCES
        && (telltales > 0 || found.len() >= MIN_SEQUENCES_WITHOUT_TELLTALE);
    if !evident {
        return (text, 0);
    }
    let mut fixed = String::with_capacity(text.len());
    let mut copied = 0;
    for s in &found {
        fixed.push_str(text.get(copied..s.start).unwrap_or_default());
        fixed.push(s.repaired);
        copied = s.end;
    }
    fixed.push_str(text.get(copied..).unwrap_or_default());
    (fixed, found.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> (String, usize) {
        repair(text.to_string())
    }

    /// The mojibake of `text`: its UTF-8 bytes read as Windows-1252.
    fn garble(text: &str) -> String {
        let (read, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
        read.into_owned()
    }

    #[test]
    fn double_encoded_text_is_read_back_in_any_language() {
        for text in [
            "It’s the “best” time — really…",
            "Die Lastenräder für Berlin: schön groß.",
            "L’été à Paris, où il fait chaud.",
            "Zażółć gęślą jaźń, powiedział Dariusz Jaroń.",
            "Привет, мир: это проверка.",
            "Καλημέρα κόσμε, τι κάνεις;",
            "中文的网页，乱码了。",
            "WireGuard® ist © 2024, 57° und ¶ 3.",
        ] {
            let garbled = garble(text);
            assert_ne!(garbled, text);
            let (fixed, count) = fix(&garbled);
            assert_eq!(fixed, text, "from {garbled:?}");
            assert!(count >= MIN_SEQUENCES, "{text}: {count}");
        }
    }

    #[test]
    fn text_garbled_twice_is_read_back_whole() {
        let text = "It’s “done” — für immer.";
        let twice = garble(&garble(text));
        assert_ne!(garble(text), twice);
        let (fixed, count) = fix(&twice);
        assert_eq!(fixed, text, "from {twice:?}");
        assert!(count > 8, "{count}");
    }

    #[test]
    fn a_latin1_reading_with_its_c1_controls_is_read_back() {
        // "ń" is 0xC5 0x84: Latin-1 reads 0x84 as the control U+0084.
        let (fixed, count) = fix("Dariusz Jaro\u{c5}\u{84} i Jan Kowalsk\u{c3}\u{ad}");
        assert_eq!(fixed, "Dariusz Jaroń i Jan Kowalskí");
        assert_eq!(count, 2);
    }

    #[test]
    fn legitimate_text_is_left_alone() {
        for text in [
            // de: a quoted ß; fr, es, pt: capitals before closing marks, an ellipsis in
            // guillemets.
            "Das ‘ß’ und das ‘ẞ’ sind Buchstaben.",
            "«CAFÉ» et «JOSÉ”, dit-il.",
            "¿Y qué…» preguntó. «PARÍS» respondió.",
            "NÃO É POSSÍVEL — SÃO PAULO, 2024.",
            // An article that explains mojibake by one example keeps it.
            "How many times I saw \"Ã¤\" instead of \"ä\" in old mail.",
            "",
            "plain ASCII text",
        ] {
            assert_eq!(fix(text), (text.to_string(), 0), "{text}");
        }
    }

    #[test]
    fn one_telltale_and_one_more_are_enough() {
        let (fixed, count) = fix("Â© 2024 and WireGuardÂ®");
        assert_eq!(fixed, "© 2024 and WireGuard®");
        assert_eq!(count, 2);
        // Without a telltale, a page needs more of them.
        let two = garble("ę ś");
        assert_eq!(fix(&two).1, 0);
        let four = garble("ę ś ź ż");
        assert_eq!(fix(&four), ("ę ś ź ż".to_string(), 4));
    }

    #[test]
    fn every_windows_1252_high_byte_is_a_continuation() {
        for (index, &c) in WINDOWS_1252_HIGH.iter().enumerate() {
            assert_eq!(
                continuation_byte(c),
                u8::try_from(0x80 + index).ok(),
                "{c:?}"
            );
            let byte = [0x80 + index as u8];
            let (read, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
            assert_eq!(read.chars().next(), Some(c));
        }
        assert_eq!(continuation_byte('a'), None);
        assert_eq!(continuation_byte('é'), None);
    }
}

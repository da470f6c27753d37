//! Measures of a block's text shared by the front ends and the classifier: words (CJK
//! counted by characters), whether it ends a sentence, and word stems for comparing texts.

/// Words, counting runs of CJK characters (written without spaces) as one word per two
/// characters, and runs of the Southeast Asian scripts written without spaces between words
/// (Thai, Lao, Khmer, Myanmar, Tibetan) as one word per four code points (vowel and tone
/// marks included): a token (between whitespace) is a word when it holds a letter or digit.
/// One pass over the characters, ASCII handled without the Unicode tables (this runs on
/// every block).
pub(crate) fn count_words(text: &str) -> usize {
    if text.is_ascii() {
        count_ascii_words(text.as_bytes())
    } else {
        count_any_words(text)
    }
}

/// How [`count_words`] reads an ASCII byte: a separator, a letter or digit, or other.
const SEPARATOR: u8 = 1;
const ALNUM: u8 = 2;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() || byte == b'\x0B' {
            SEPARATOR
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    table
};

/// [`count_words`] of any text. ASCII bytes are read without branching on what they are
/// (a branch per separator was mispredicted once a word); other characters one by one.
fn count_any_words(text: &str) -> usize {
    let mut words = 0;
    // The current token: its CJK characters, its other unspaced script's code points, and
    // whether it holds a letter or digit.
    let mut cjk = 0usize;
    let mut unspaced = 0usize;
    let mut alnum = false;
    let end_token = |words: &mut usize, cjk: &mut usize, unspaced: &mut usize, alnum: &mut bool| {
        if *cjk > 0 || *unspaced > 0 {
            *words += cjk.div_ceil(2) + unspaced.div_ceil(UNSPACED_CHARS_PER_WORD);
        } else if *alnum {
            *words += 1;
        }
        *cjk = 0;
        *unspaced = 0;
        *alnum = false;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            let class = BYTE_CLASS[usize::from(b)];
            let separator = class == SEPARATOR;
            if cjk == 0 && unspaced == 0 {
                words += usize::from(separator & alnum);
                alnum = (alnum | (class == ALNUM)) & !separator;
            } else if separator {
                end_token(&mut words, &mut cjk, &mut unspaced, &mut alnum);
            } else {
                alnum |= class == ALNUM;
            }
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            end_token(&mut words, &mut cjk, &mut unspaced, &mut alnum);
        } else if is_cjk(c) {
            cjk += 1;
        } else if is_unspaced(c) {
            unspaced += 1;
        } else if !alnum {
            alnum = c.is_alphanumeric();
        }
    }
    end_token(&mut words, &mut cjk, &mut unspaced, &mut alnum);
    words
}

/// [`count_words`] of ASCII text (most blocks): no CJK or unspaced script, so a token is a
/// word when it holds a letter or digit. A loop without the Unicode branches.
fn count_ascii_words(bytes: &[u8]) -> usize {
    let mut words = 0;
    let mut alnum = false;
    for &b in bytes {
        let class = BYTE_CLASS[usize::from(b)];
        let separator = class == SEPARATOR;
        words += usize::from(separator & alnum);
        alnum = (alnum | (class == ALNUM)) & !separator;
    }
    words + usize::from(alnum)
}

/// Code points per word in the scripts of [`is_unspaced`] (a Thai word is 4–5 on average).
const UNSPACED_CHARS_PER_WORD: usize = 4;

/// Scripts written without spaces between words (spaces end phrases and sentences): Thai,
/// Lao, Tibetan, Myanmar, Khmer.
fn is_unspaced(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0EFF | 0x0F00..=0x0FFF | 0x1000..=0x109F | 0x1780..=0x17FF)
}

/// Words that make a text ending in Thai or Lao (which mark no sentence's end) a sentence:
/// more than a headline holds.
const UNPUNCTUATED_SENTENCE_WORDS: usize = 16;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Lower-case letters and digits only: "The Daily" = "the-daily" = "thedaily" (names, titles
/// and slugs compared however they were written).
pub(crate) fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(crate) fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
        })
        .chars()
        .next_back();
    // Informal prose ends a sentence with an emoji ("… this weekend 😉").
    let emoji = |c: char| matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}');
    // Besides Latin, Greek and CJK stops: the danda (Devanagari, Bengali…), the Urdu full
    // stop, the Armenian, Ethiopic, Khmer and Myanmar full stops, the fullwidth and halfwidth
    // ones.
    matches!(
        last,
        Some(
            '.' | '!'
                | '…'
                | '。'
                | '！'
                | ';'
                | '।'
                | '॥'
                | '۔'
                | '։'
                | '።'
                | '។'
                | '။'
                | '．'
                | '｡'
        )
    ) || last.is_some_and(emoji) && text.split_whitespace().count() >= 4
        // Thai and Lao end a sentence with a space, a paragraph with nothing.
        || last.is_some_and(|c| matches!(c as u32, 0x0E00..=0x0EFF))
            && count_words(text) >= UNPUNCTUATED_SENTENCE_WORDS
}

/// Stems (first six letters, lower case) of the longer words of a text: a cheap,
/// language-independent stand-in for its content words.
pub(crate) fn content_stems(text: &str) -> Vec<Stem> {
    // One pass over the characters (ASCII without the Unicode tables): the words are the
    // runs of letters and digits.
    let mut stems = Vec::new();
    let mut word = |start: usize, end: usize, chars: usize, digits: bool| {
        if chars >= 5 && !digits {
            if let Some(w) = text.get(start..end) {
                stems.push(Stem::of(w));
            }
        }
    };
    let bytes = text.as_bytes();
    // The current word: its start, length in characters, and whether all are ASCII digits.
    let (mut start, mut chars, mut digits) = (0, 0, true);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (alnum, digit, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), b.is_ascii_digit(), 1)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c.is_alphanumeric(), false, c.len_utf8()),
                None => break,
            }
        };
        if alnum {
            if chars == 0 {
                start = i;
            }
            chars += 1;
            digits &= digit;
        } else if chars > 0 {
            word(start, i, chars, digits);
            (chars, digits) = (0, true);
        }
        i += len;
    }
    if chars > 0 {
        word(start, text.len(), chars, digits);
    }
    stems
}

/// First six letters, lower case. An ASCII word is cut first and lowered byte by byte;
/// other words go through `str::to_lowercase`, whose final-sigma rule needs the whole word.
pub(crate) fn stem(word: &str) -> String {
    if word.is_ascii() {
        word.get(..word.len().min(6))
            .unwrap_or(word)
            .to_ascii_lowercase()
    } else {
        word.to_lowercase().chars().take(6).collect()
    }
}

/// A word's [`stem`] held inline (six characters of at most four bytes each): the classifier
/// makes one per longer word of most blocks, and a `String` each cost an allocation.
/// Two stems are equal when their text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Stem {
    len: u8,
    bytes: [u8; STEM_MAX_BYTES],
}

/// Six characters of at most four bytes.
const STEM_MAX_BYTES: usize = 24;

impl Stem {
    /// [`stem`] of `word`.
    pub(crate) fn of(word: &str) -> Stem {
        let mut out = Stem {
            len: 0,
            bytes: [0; STEM_MAX_BYTES],
        };
        if word.is_ascii() {
            for (o, b) in out.bytes.iter_mut().zip(word.bytes().take(6)) {
                *o = b.to_ascii_lowercase();
                out.len += 1;
            }
        } else {
            let mut buf = [0u8; 4];
            for c in word.to_lowercase().chars().take(6) {
                let encoded = c.encode_utf8(&mut buf).as_bytes();
                let at = usize::from(out.len);
                if let Some(slot) = out.bytes.get_mut(at..at + encoded.len()) {
                    slot.copy_from_slice(encoded);
                    out.len += encoded.len() as u8;
                }
            }
        }
        out
    }

    /// The stem's bytes (UTF-8 text).
    #[cfg(test)]
    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }
}

/// Lower-case word stems (first six letters), for comparing a block with the title.
pub(crate) fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_stems_hold_what_stem_gives() {
        for text in [
            "Reuters GOVERNMENT Minist Ärzteschaft ΚΟΣΜΟΣ ΟΔΥΣΣΕΥΣ İSTANBUL",
            "東京都庁舎の展望室 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 words 123456 abc5678 ﬁnancial",
            "",
        ] {
            let expected: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 5 && !w.chars().all(|c| c.is_ascii_digit()))
                .map(stem)
                .collect();
            let stems = content_stems(text);
            let inline: Vec<&str> = stems
                .iter()
                .map(|s| std::str::from_utf8(s.as_bytes()).unwrap_or("not UTF-8"))
                .collect();
            assert_eq!(inline, expected, "{text}");
        }
        assert_eq!(Stem::of("Minister"), Stem::of("MINISTRY"));
        assert_ne!(Stem::of("Minist"), Stem::of("Minis"));
    }

    /// The counting rule as first written, branch by branch: what [`count_words`] must say.
    fn count_words_as_specified(text: &str) -> usize {
        let mut words = 0;
        let (mut cjk, mut unspaced, mut alnum) = (0usize, 0usize, false);
        let mut end = |cjk: &mut usize, unspaced: &mut usize, alnum: &mut bool| {
            if *cjk > 0 || *unspaced > 0 {
                words += cjk.div_ceil(2) + unspaced.div_ceil(UNSPACED_CHARS_PER_WORD);
            } else if *alnum {
                words += 1;
            }
            (*cjk, *unspaced, *alnum) = (0, 0, false);
        };
        for c in text.chars() {
            if c.is_whitespace() {
                end(&mut cjk, &mut unspaced, &mut alnum);
            } else if is_cjk(c) {
                cjk += 1;
            } else if is_unspaced(c) {
                unspaced += 1;
            } else {
                alnum |= c.is_alphanumeric();
            }
        }
        end(&mut cjk, &mut unspaced, &mut alnum);
        words
    }

    #[test]
    fn words_count_as_specified_in_every_mix_of_scripts() {
        let pieces = [
            "The",
            " ",
            "3",
            "—",
            "“quoted”",
            "\t",
            "\x0B",
            "\u{a0}",
            "東京都",
            "café",
            "เมื่อวัน",
            "ສະບາຍ",
            "-",
            "!",
            "\n",
            "x",
            "é",
            "𝔘",
            "\u{3000}",
            "42",
            "។",
        ];
        // Every sequence of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in &texts {
            assert_eq!(
                count_words(text),
                count_words_as_specified(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn stems_cut_ascii_words_like_any_other() {
        for word in [
            "Reuters",
            "GOVERNMENT",
            "Minist",
            "Ärzteschaft",
            "ΚΟΣΜΟΣ",
            "ΟΔΥΣΣΕΥΣ",
        ] {
            let lowered_then_cut: String = word.to_lowercase().chars().take(6).collect();
            assert_eq!(stem(word), lowered_then_cut, "{word}");
        }
    }

    #[test]
    fn ascii_text_counts_as_any_text_does() {
        for text in [
            "",
            " ",
            "one",
            "  two words  ",
            "a\tb\nc\x0Bd\x0Ce\rf",
            "-- ! ?? word, 42 ...",
            "x-ray e-mail 3.14 (a) [] {}",
            "trailing",
            "\x01control\x7f ~",
        ] {
            assert_eq!(
                count_ascii_words(text.as_bytes()),
                count_any_words(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn words_count_in_ascii_and_beyond() {
        assert_eq!(count_words("The 3 little pigs — and a wolf !"), 7);
        assert_eq!(count_words("東京 café"), 2);
        // Thai: spaces between phrases only; 14 code points, three words (เมื่อ วัน อังคาร).
        assert_eq!(count_words("เมื่อวันอังคาร"), 4);
        assert_eq!(count_words("เมื่อวันอังคาร สภาเมือง"), 4 + 2);
    }

    #[test]
    fn sentences_end_in_many_scripts() {
        for text in [
            "The council approved the bridge.",
            "नगर परिषद ने नए पुल को मंज़ूरी दे दी।",
            "شہر کی کونسل نے نئے پل کی منظوری دے دی۔",
            "Քաղաքային խորհուրդը հաստատեց նոր կամուրջը։",
            "ក្រុមប្រឹក្សាក្រុងបានអនុម័តស្ពានថ្មី។",
            "市议会批准了新桥。",
            "สะพานแห่งใหม่จะมีค่าก่อสร้างประมาณสี่ร้อยล้านบาท โดยรัฐบาลจะออกค่าใช้จ่ายส่วนใหญ่",
        ] {
            assert!(ends_sentence(text), "{text}");
        }
        for text in ["Home", "หน้าแรก", "ข่าวกีฬา", "Read more ›"] {
            assert!(!ends_sentence(text), "{text}");
        }
    }
}

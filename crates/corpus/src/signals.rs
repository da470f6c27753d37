//! Quality signals of a cleaned text, as corpus filters read them (Gopher's quality and
//! repetition rules, C4's line rules, FineWeb's, dolma's taggers). Each is a plain number;
//! choosing thresholds is the reader's business. Definitions are in the README
//! ("Duplicates, filters and quality signals").

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Signals of one text. Shares are in 0.0..=1.0 and rounded to 4 decimals (0.0 when there
/// is nothing to count).
#[derive(Debug, Clone, PartialEq)]
pub struct Signals {
    /// Words (whitespace-separated tokens with a letter or digit, punctuation trimmed).
    pub words: usize,
    /// Mean characters per word.
    pub mean_word_length: f64,
    /// (`#` characters + ellipses `...`/`…`) per word.
    pub symbol_word_ratio: f64,
    /// Share of non-blank lines ending in terminal punctuation.
    pub lines_ending_in_punctuation: f64,
    /// Share of non-blank lines starting with a bullet.
    pub bullet_lines: f64,
    /// Share of non-blank lines equal to an earlier line.
    pub duplicate_lines: f64,
    /// Share of the characters of non-blank lines that are in such repeated lines.
    pub duplicate_line_chars: f64,
    /// Share of paragraphs (blank-line separated) equal to an earlier paragraph.
    pub duplicate_paragraphs: f64,
    /// Share of the characters of paragraphs that are in such repeated paragraphs.
    pub duplicate_paragraph_chars: f64,
    /// Share of words in the stop-word list of the text's language; `None` when there is no
    /// list for it (or the language is `und`).
    pub stop_word_ratio: Option<f64>,
}

/// What a line may end with to count as ending a sentence: C4's `.`, `!`, `?`, `"`, and their
/// typographic and CJK forms.
const TERMINAL: &[char] = &[
    '.', '!', '?', '"', '…', '。', '！', '？', '”', '»', '’', '\'',
];

/// Line starts that make a list item (Gopher's bullet rule and their common forms).
const BULLETS: &[char] = &[
    '•', '●', '◦', '▪', '‣', '⁃', '·', '■', '□', '➢', '►', '▶', '✓', '✔',
];

impl Signals {
    /// Signals of `text`, a cleaned article whose language is `language` (ISO 639-3).
    pub fn of(text: &str, language: &str) -> Self {
        let mut words = 0usize;
        let mut word_chars = 0usize;
        let mut stop = 0usize;
        let stop_words = stop_words_for(language);
        let mut lowered = String::new();
        for word in crate::words::words(text) {
            words += 1;
            word_chars += word.chars().count();
            if let Some(list) = stop_words {
                let key = if word.chars().any(char::is_uppercase) {
                    lowered.clear();
                    lowered.extend(word.chars().flat_map(char::to_lowercase));
                    lowered.as_str()
                } else {
                    word
                };
                if list.contains(key) {
                    stop += 1;
                }
            }
        }
        let symbols =
            text.matches('#').count() + text.matches("...").count() + text.matches('…').count();

        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let ending = lines.iter().filter(|l| l.ends_with(TERMINAL)).count();
        let bullets = lines.iter().filter(|l| starts_with_bullet(l)).count();
        let (dup_lines, dup_line_chars, line_chars) = repeats(lines.iter().copied());
        let paragraphs = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
        let paragraph_count = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .count();
        let (dup_paragraphs, dup_paragraph_chars, paragraph_chars) = repeats(paragraphs);

        Signals {
            words,
            mean_word_length: share(word_chars, words),
            symbol_word_ratio: share(symbols, words),
            lines_ending_in_punctuation: share(ending, lines.len()),
            bullet_lines: share(bullets, lines.len()),
            duplicate_lines: share(dup_lines, lines.len()),
            duplicate_line_chars: share(dup_line_chars, line_chars),
            duplicate_paragraphs: share(dup_paragraphs, paragraph_count),
            duplicate_paragraph_chars: share(dup_paragraph_chars, paragraph_chars),
            stop_word_ratio: stop_words.map(|_| share(stop, words)),
        }
    }

    /// The signals as (name, value) pairs in a fixed order, for the metadata; the stop-word
    /// ratio is left out when there is no list for the language.
    pub fn fields(&self) -> Vec<(&'static str, f64)> {
        let mut fields = vec![
            ("mean_word_length", self.mean_word_length),
            ("symbol_word_ratio", self.symbol_word_ratio),
            (
                "lines_ending_in_punctuation",
                self.lines_ending_in_punctuation,
            ),
            ("bullet_lines", self.bullet_lines),
            ("duplicate_lines", self.duplicate_lines),
            ("duplicate_line_chars", self.duplicate_line_chars),
            ("duplicate_paragraphs", self.duplicate_paragraphs),
            ("duplicate_paragraph_chars", self.duplicate_paragraph_chars),
        ];
        if let Some(ratio) = self.stop_word_ratio {
            fields.push(("stop_word_ratio", ratio));
        }
        fields
    }
}

fn starts_with_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '–' | '+') => chars.next().is_some_and(char::is_whitespace),
        Some(c) => BULLETS.contains(&c),
        None => false,
    }
}

/// (items equal to an earlier item, characters in them, characters in all items).
fn repeats<'a>(items: impl Iterator<Item = &'a str>) -> (usize, usize, usize) {
    let mut seen: HashSet<&str> = HashSet::new();
    let (mut repeated, mut repeated_chars, mut chars) = (0, 0, 0);
    for item in items {
        let n = item.chars().count();
        chars += n;
        if !seen.insert(item) {
            repeated += 1;
            repeated_chars += n;
        }
    }
    (repeated, repeated_chars, chars)
}

/// `part / whole` rounded to 4 decimals; 0.0 for an empty whole.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0
}

/// The stop-word set of a language (ISO 639-3), built once per language from the
/// `stop-words` crate's lists (stopwords-iso).
fn stop_words_for(language: &str) -> Option<&'static FxHashSet<&'static str>> {
    static SETS: OnceLock<FxHashMap<&'static str, OnceLock<FxHashSet<&'static str>>>> =
        OnceLock::new();
    let code = isolang::Language::from_639_3(language)?.to_639_1()?;
    let sets = SETS.get_or_init(|| {
        stop_words::available_languages()
            .iter()
            .map(|&code| (code, OnceLock::new()))
            .collect()
    });
    let cell = sets.get(code)?;
    let words = stop_words::lookup(code)?;
    Some(cell.get_or_init(|| words.iter().copied().collect()))
}

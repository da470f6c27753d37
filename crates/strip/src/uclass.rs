//! Unicode classes exactly as the `regex` crate reads them (`\p{L}`, `\p{Lu}`, `\p{N}`, `\d`,
//! `\s`), for the hand-written scanners that stand in for patterns whose counted repetitions
//! of these classes cost milliseconds to compile (each repetition is a copy of a UTF-8
//! automaton of hundreds of states, built forward and in reverse).
//!
//! The ranges come from `regex-syntax`, the parser `regex` itself uses, so a scanner built on
//! them accepts the same characters as the pattern it replaced.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, HirKind};

/// Sorted, disjoint ranges of one class.
#[derive(Debug)]
struct Ranges(Vec<(char, char)>);

impl Ranges {
    fn parse(pattern: &str) -> Ranges {
        let ranges = regex_syntax::Parser::new()
            .parse(pattern)
            .ok()
            .and_then(|hir| match hir.into_kind() {
                HirKind::Class(Class::Unicode(class)) => Some(
                    class
                        .ranges()
                        .iter()
                        .map(|r| (r.start(), r.end()))
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default();
        Ranges(ranges)
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(start, end)| {
                if end < c {
                    std::cmp::Ordering::Less
                } else if start > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

static LETTER: LazyLock<Ranges> = LazyLock::new(|| Ranges::parse(r"\p{L}"));
static UPPER: LazyLock<Ranges> = LazyLock::new(|| Ranges::parse(r"\p{Lu}"));
static NUMBER: LazyLock<Ranges> = LazyLock::new(|| Ranges::parse(r"\p{N}"));
static DIGIT: LazyLock<Ranges> = LazyLock::new(|| Ranges::parse(r"\d"));
static SPACE: LazyLock<Ranges> = LazyLock::new(|| Ranges::parse(r"\s"));

/// `\p{L}`.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    LETTER.contains(c)
}

/// `\p{Lu}`.
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    UPPER.contains(c)
}

/// `\p{N}`.
pub(crate) fn is_number(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    NUMBER.contains(c)
}

/// `\d` (Unicode decimal digits).
pub(crate) fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    DIGIT.contains(c)
}

/// `\s` (Unicode white space).
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r');
    }
    SPACE.contains(c)
}

/// The maximal run of `\s` at the start of `text`, in bytes.
pub(crate) fn space_run(text: &str) -> usize {
    text.find(|c: char| !is_space(c)).unwrap_or(text.len())
}

/// The maximal run of non-`\s` at the start of `text`, in bytes.
pub(crate) fn token_run(text: &str) -> usize {
    text.find(is_space).unwrap_or(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Every scalar value: the ASCII shortcuts and the ranges agree with the regex crate.
    #[test]
    fn classes_match_the_regex_crate() {
        type Class = fn(char) -> bool;
        let cases: [(&str, Class); 5] = [
            (r"^\p{L}$", is_letter),
            (r"^\p{Lu}$", is_upper),
            (r"^\p{N}$", is_number),
            (r"^\d$", is_digit),
            (r"^\s$", is_space),
        ];
        for (pattern, class) in cases {
            let re = Regex::new(pattern).unwrap();
            let mut buf = [0u8; 4];
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                assert_eq!(
                    class(c),
                    re.is_match(c.encode_utf8(&mut buf)),
                    "{pattern} {c:?}"
                );
            }
        }
    }

    #[test]
    fn runs() {
        assert_eq!(space_run(" \u{00A0}\tx y"), 4);
        assert_eq!(token_run("ab\u{2003}c"), 2);
        assert_eq!(token_run("abc"), 3);
        assert_eq!(space_run(""), 0);
    }
}

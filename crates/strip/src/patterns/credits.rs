//! Captions and credits: agency photo credits, credit markers ("Photo: …"), copyright
//! lines, agency-only lines, source lines, the agencies' credit line, reviewers, gallery
//! furniture.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::{Pattern, matches, word_set};
use crate::anchored::AnchoredPattern;
use crate::lang::{self, Shape};
use crate::lexicon::WordSet;
use crate::uclass;

/// Photo agencies and stock libraries whose names end image credits, as one alternation
/// ([`Shape::AgencyName`]).
pub(super) static AGENCIES: LazyLock<String> =
    LazyLock::new(|| lang::alternation(Shape::AgencyName));

static CREDIT_MARKER: Pattern = LazyLock::new(|| {
    let markers = lang::alternation(Shape::CreditMarker);
    Regex::new(&format!(
        r"(?i)(?:^|[\s(\[|–—-])(?:{markers})\s*(?:by\b|:|©|\.\.\.|…)\s*\S"
    ))
    .ok()
});

/// An agency credit ending a caption: "… (Joshua Roberts/Reuters)", "Photo by X/Getty
/// Images", "Jane Doe via AFP". One pattern,
/// `(?i)(?:/\s*|\bvia\s+|\(|[.!?|]\s+|^)(?:[\p{L}.'’-]+\s+){0,4}?` + [`AGENCY_CHAIN`],
/// is checked in two parts split where the agency names start ([`ends_in_agency_credit`]):
/// as one reverse search, its lazy DFA met new states on nearly every byte (half a million
/// instructions a block).
static AGENCY_CHAIN: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    let agencies = &*AGENCIES;
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{agencies})(?:\s*(?:/|via)\s*(?:{agencies}))*\s*\)?\s*$"
    ))
});

/// What may stand before the agency names of [`AGENCY_CHAIN`]: up to four words after a
/// slash, "via", a parenthesis, a sentence end or the start,
/// `(?:/\s*|\b(?i:via)\s+|\(|[.!?|]\s+|^)(?:[\p{L}.'’-]+\s+){0,4}$`, scanned from the end
/// (as a regex, its counted letter class took nearly a millisecond to compile).
///
/// Each word is a whole run of its characters: none of the leads ends in one.
pub(super) fn is_agency_lead(before: &str) -> bool {
    let is_word_char = |c: char| uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-');
    let mut head = before;
    for words in 0..=4 {
        if ends_in_agency_lead(head) {
            return true;
        }
        if words == 4 {
            break;
        }
        let without_space = head.trim_end_matches(uclass::is_space);
        let without_word = without_space.trim_end_matches(is_word_char);
        if without_space.len() == head.len() || without_word.len() == without_space.len() {
            return false;
        }
        head = without_word;
    }
    false
}

/// `head` ends in a lead of [`is_agency_lead`]: `(?:/\s*|\b(?i:via)\s+|\(|[.!?|]\s+|^)$`.
fn ends_in_agency_lead(head: &str) -> bool {
    let without_space = head.trim_end_matches(uclass::is_space);
    let spaced = without_space.len() < head.len();
    let after_via = || {
        let len = without_space.len();
        len >= 3
            && without_space
                .get(len - 3..)
                .is_some_and(|via| via.eq_ignore_ascii_case("via"))
            && without_space
                .get(..len - 3)
                .and_then(|before| before.chars().next_back())
                .is_none_or(|c| !regex_syntax::is_word_character(c))
    };
    head.is_empty()
        || head.ends_with('(')
        || without_space.ends_with('/')
        || (spaced && (without_space.ends_with(['.', '!', '?', '|']) || after_via()))
}

/// `tail` ends in an agency credit: some split of it is a lead ([`is_agency_lead`], ending
/// in whitespace, '/' or '(', or empty) followed by agency names ([`AGENCY_CHAIN`]).
pub(super) fn ends_in_agency_credit(tail: &str) -> bool {
    let chain = &*AGENCY_CHAIN;
    let mut prev: Option<char> = None;
    for (q, c) in tail.char_indices() {
        let may_start = prev.is_none_or(|p| p.is_whitespace() || p == '/' || p == '(');
        prev = Some(c);
        if may_start
            && tail.get(q..).is_some_and(|names| chain.is_match(names))
            && tail.get(..q).is_some_and(is_agency_lead)
        {
            return true;
        }
    }
    false
}

/// The inside of an agency photo credit in parentheses ending a caption: "(AP Photo/Evan
/// Vucci)" is `(` + this + `)`. Run on the text after the last '(' only (the credit holds
/// no parentheses), anchored: as one end-anchored search over the caption, the counted
/// `{2,60}` gave the reverse lazy DFA new states on nearly every byte.
static AGENCY_PHOTO_INSIDE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    let agencies = &*AGENCIES;
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{agencies})(?:\s+(?:photo|images?|pool))?\s*/\s*[^()]{{2,60}}$"
    ))
});

/// `tail` matches `(?i)\((?:AGENCIES)(?:\s+(?:photo|images?|pool))?\s*/\s*[^()]{2,60}\)\s*$`:
/// it ends in ')' (and whitespace), and what stands between that and the '(' before it
/// (with no parenthesis between) is [`AGENCY_PHOTO_INSIDE`].
pub(super) fn ends_in_agency_photo_credit(tail: &str) -> bool {
    let Some(inner) = tail.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind(['(', ')']) else {
        return false;
    };
    inner.get(open..).is_some_and(|rest| rest.starts_with('('))
        && inner
            .get(open + 1..)
            .is_some_and(|inside| AGENCY_PHOTO_INSIDE.is_match(inside))
}

/// A copyright notice ending the text: `(?:©|\(c\)|\bcopyright\b)\s*[\p{L}\d][^.!?]{0,60}$`,
/// scanned by hand (as a regex, its counted class took half a millisecond to compile).
pub(super) fn ends_in_copyright(text: &str) -> bool {
    let copyright_word = text.match_indices("copyright").filter(|&(at, word)| {
        let before = text.get(..at).and_then(|b| b.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|a| a.chars().next());
        before.is_none_or(|c| !regex_syntax::is_word_character(c))
            && after.is_none_or(|c| !regex_syntax::is_word_character(c))
    });
    let markers = text
        .match_indices('©')
        .chain(text.match_indices("(c)"))
        .chain(copyright_word);
    markers
        .map(|(at, marker)| text.get(at + marker.len()..).unwrap_or(""))
        .any(|after| {
            let mut rest = after.trim_start_matches(uclass::is_space).chars();
            rest.next()
                .is_some_and(|c| uclass::is_letter(c) || uclass::is_digit(c))
                && rest.clone().count() <= 60
                && !rest.any(|c| matches!(c, '.' | '!' | '?'))
        })
}

/// Last words of the names in [`AGENCIES`] ([`Shape::AgencyLastWord`]): a block whose last
/// word is none of these cannot end in an agency credit, and the costly pattern need not run.
static AGENCY_LAST_WORDS: LazyLock<WordSet> = LazyLock::new(|| word_set(Shape::AgencyLastWord));

fn ends_with_agency_word(normalised: &str) -> bool {
    let last = normalised
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    AGENCY_LAST_WORDS.contains(last) || normalised.contains("reuters/")
}

/// The last `max` bytes of `text` (whole, when shorter), cut on a word boundary so that a
/// start-anchored alternative in an end-anchored pattern still sees a word start.
fn tail_of(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = text.get(start..).unwrap_or(text);
    // Skip the partial word; "^" in the patterns then stands for a word start, and the
    // patterns' own alternatives (after "/", "(", a sentence end) still apply.
    match tail.find(' ') {
        Some(space) => tail.get(space + 1..).unwrap_or(tail),
        None => tail,
    }
}

static AP_CAPTION: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:in this|this)\b.{0,80}?\b(?:file )?(?:photo|image|picture|photograph|video still|frame grab|handout photo)\b")
        .ok()
});

static AGENCY_ONLY: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    let agencies = &*AGENCIES;
    let lines = lang::alternation(Shape::AgencyLine);
    AnchoredPattern::new(&format!(r"(?i)^(?:the )?(?:{lines}|{agencies})$"))
});

/// A block that is only a news agency's name: "The Associated Press", "Reuters", "AFP".
pub(crate) fn is_agency_line(label_key: &str) -> bool {
    AGENCY_ONLY.is_match(label_key)
}

/// One pass over the text for the literal start of every credit marker: a block whose
/// normalised text holds none of them has no credit marker, and the pattern need not run
/// (a `contains` per word costs a dozen passes on every block).
static MARKER_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::new(lang::shape_words(Shape::CreditMarker).map(literal_prefix)).ok()
});

/// The literal start of a pattern alternative, lower case: up to its first group, class,
/// escape or repetition, without the letter a `?` or `*` makes optional ("photo" of
/// `photo(?:graph)?s?`, "picture" of `pictures?`). A text the alternative matches holds it.
pub(super) fn literal_prefix(alternative: &str) -> String {
    let end = alternative
        .find(['(', '[', '\\', '?', '*', '+', '{', '.', '|'])
        .unwrap_or(alternative.len());
    let mut prefix = alternative.get(..end).unwrap_or("").to_owned();
    if alternative
        .get(end..)
        .is_some_and(|rest| rest.starts_with(['?', '*']))
    {
        prefix.pop();
    }
    prefix.to_lowercase()
}

/// An image caption or photo credit: "… STRINGER/AFP via Getty Images", "Photo: Jane Doe",
/// "(AP Photo/John Smith)", "Фото: РИА Новости", "© Reuters".
pub(crate) fn is_caption_credit(text: &str, normalised: &str, words: usize) -> bool {
    if words > 80 {
        return false;
    }
    // "In this March 3, 2020, file photo, …": the news agencies' caption formula.
    if (normalised.starts_with("in this ") || normalised.starts_with("this "))
        && matches(&AP_CAPTION, text)
    {
        return true;
    }
    let ends_sentence = text.trim_end().ends_with(['.', '!', '?']);
    if !ends_sentence {
        // The credit patterns are anchored at the end: look at the last part only.
        let tail = tail_of(text, 160);
        if ends_with_agency_word(normalised) && ends_in_agency_credit(tail) {
            return true;
        }
        if tail.trim_end().ends_with(')') && tail.contains('/') && ends_in_agency_photo_credit(tail)
        {
            return true;
        }
        if (normalised.contains('©')
            || normalised.contains("(c)")
            || normalised.contains("copyright"))
            && ends_in_copyright(tail)
        {
            return true;
        }
    }
    if !MARKER_FINDER
        .as_ref()
        .is_some_and(|finder| finder.is_match(normalised))
    {
        return false;
    }
    CREDIT_MARKER.as_ref().is_some_and(|re| {
        re.find_iter(text).any(|m| {
            let before = text.get(..m.start()).unwrap_or("").trim_end();
            // At the start ("Photo: …"), after a sentence ("… . Photo: X"), or in the last
            // part of the block.
            before.is_empty()
                || before.ends_with(['.', '!', '?', '|', '(', '-', '–', '—'])
                || (m.start() * 10 >= text.len() * 6 && words <= 60)
        })
    })
}

static SOURCE_LINE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{})\s*:\s*\S",
        lang::alternation(Shape::SourceLabel)
    ))
});

/// A bare host or URL: `^(?i:https?://)?(?i:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?:/\S*)?$`,
/// scanned by hand (as a regex, its letter classes took a millisecond to compile). The last
/// label is the top-level domain: letters ("9.1" is a score, not a host). "www." needs no
/// case of its own: it is a label like any other.
pub(super) fn is_domain(text: &str) -> bool {
    let rest = strip_prefix_ignore_case(text, "https://")
        .or_else(|| strip_prefix_ignore_case(text, "http://"))
        .unwrap_or(text);
    // The host holds no '/': the path starts at the first one.
    let (host, path) = match rest.find('/') {
        Some(slash) => (
            rest.get(..slash).unwrap_or(""),
            rest.get(slash..).unwrap_or(""),
        ),
        None => (rest, ""),
    };
    if path.chars().any(uclass::is_space) {
        return false;
    }
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label
                .chars()
                .all(|c| uclass::is_letter(c) || uclass::is_digit(c) || c == '-')
    };
    name.split('.').all(label_ok) && tld.chars().count() >= 2 && tld.chars().all(uclass::is_letter)
}

/// `text` without `prefix`, matched as `(?i:prefix)` matches it: ASCII case, and 'ſ' (long s)
/// and the Kelvin sign, which fold to 's' and 'k'.
pub(super) fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        let same = c.eq_ignore_ascii_case(&p)
            || (p.eq_ignore_ascii_case(&'s') && c == 'ſ')
            || (p.eq_ignore_ascii_case(&'k') && c == '\u{212A}');
        if !same {
            return None;
        }
    }
    Some(chars.as_str())
}

/// A source line: "Source: www.example.com", "Quelle: dpa", "Источник: ТАСС".
pub(crate) fn is_source_line(text: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    let trimmed = text.trim();
    if SOURCE_LINE.is_match(trimmed) {
        return true;
    }
    // A bare domain or URL on its own line is a source or link, never prose.
    words == 1 && is_domain(trimmed)
}

static CREDITS_LINE: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|translated|research) by\b").ok()
});

/// "(Reporting by … ; editing by …)": the agencies' credit line at the foot of a story.
pub(crate) fn is_credits_line(text: &str, words: usize) -> bool {
    let text = text.trim();
    // Cheap test first: the line opens with a bracket or a role word.
    let opens_like_credit = text.starts_with('(')
        || text.get(..3).is_some_and(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "add" | "rep" | "wri" | "edi" | "com" | "pro" | "tra" | "res"
            )
        });
    if !opens_like_credit {
        return false;
    }
    let lower = text.to_lowercase();
    // A bracketed credit, or several roles credited: "Reporting by …; editing by …".
    let roles = ["reporting by", "editing by", "writing by", "produced by"]
        .iter()
        .filter(|r| lower.contains(**r))
        .count();
    words <= 60 && matches(&CREDITS_LINE, text) && (text.starts_with('(') || roles >= 2)
}

static REVIEW_CREDIT: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"^(?i:{}):?\s+\p{{Lu}}",
        lang::alternation(Shape::ReviewCredit)
    ))
});

/// "Medically reviewed by Dana Whitfield, MD", "Fact-checked by …", "Geprüft von …": who
/// checked the article, header furniture like a byline (the reviewer is no author).
pub(crate) fn is_review_credit(text: &str, words: usize) -> bool {
    words <= 25 && REVIEW_CREDIT.is_match(text.trim())
}

static GALLERY: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:(?:{items})\s+\d+\s*(?:{of}|/)\s*/?\s*\d*|\d+\s*/\s*\d+|{labels})$",
        items = lang::alternation(Shape::GalleryItem),
        of = lang::alternation(Shape::GalleryOf),
        labels = lang::alternation(Shape::GalleryLabel),
    ))
});

/// Gallery furniture: "Image 3 of 12", "1 / 23", "Back to gallery", "Enlarge image".
pub(crate) fn is_gallery_label(label_key: &str) -> bool {
    GALLERY.is_match(label_key)
}

//! Dates as pages print them ("January 1, 2024 8:19 PM", "9 janvier 2024", "9. Januar 2024",
//! "9 de enero de 2024", "9 января 2024 г.", "2024-01-09T14:35"), turned into ISO 8601.

use std::sync::LazyLock;

use regex::Regex;

use crate::lang;

/// A date found in a text, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub iso: String,
    /// Byte range of the match (date and time) in the searched text.
    pub start: usize,
    pub end: usize,
}

/// Month names and common abbreviations of every language (`crate::lang`), lower case, with
/// their number. Genitive forms for Slavic languages, since dates use them ("9 января").
static MONTHS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(lang::months);

/// A month's name or abbreviation in any language ("February", "févr.", "Mar").
pub(crate) fn is_month(word: &str) -> bool {
    month_number(word.trim_end_matches(',')).is_some()
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|&(_, n)| n)
}

// The patterns' digits are ASCII (`[0-9]`, not `\d`): the numbers are read with
// `str::parse`, which takes no others, and Unicode's digit class cost compile and match time
// (aeb: 0.6% of all instructions).
const TIME: &str = r"(?:,?\s*(?:at|à|um|a las|в|о|alle|às|om|o)?\s*(?P<h>[0-9]{1,2})[:.h](?P<min>[0-9]{2})(?::[0-9]{2})?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?";

/// The month names of [`MONTHS`] of `min..=max` characters, as an alternation.
fn month_names(min: usize, max: usize) -> String {
    let names: Vec<&str> = MONTHS
        .iter()
        .map(|&(name, _)| name)
        .filter(|name| (min..=max).contains(&name.chars().count()))
        .collect();
    names.join("|")
}

// The month patterns take the month names themselves where a letter run (`\p{L}{3,10}`,
// checked against the names afterwards) would do the same: the counted letter classes took
// some 5 ms to compile. The general forms below stay for the one case where the two could
// differ ([`day_first`]).

/// "March 3, 2023", with the names of [`MONTHS`] of 3 to 10 characters. A match with another
/// word for the month could hide no date: inside one, no word that could start one follows
/// the month (only the time's "at", "alle", "a las", "am", …).
static MONTH_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let names = month_names(3, 10);
    Regex::new(&format!(
        r"(?i)\b(?P<mon>(?:{names})\.?)\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b{TIME}"
    ))
    .ok()
});

/// "9 janvier 2024", "9. Januar 2024", "9 de enero de 2024", with the names of [`MONTHS`] of
/// 3 to 11 characters.
static DAY_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let names = month_names(3, 11);
    Regex::new(&format!(
        r"(?i)\b(?P<d>[0-9]{{1,2}})(?:er|st|nd|rd|th|º)?\.?\s+(?:de\s+)?(?P<mon>(?:{names})\.?)(?:\s+de)?,?\s+(?P<y>(?:19|20)[0-9]{{2}})(?:\s*(?:г\.|р\.|года|року|r\.))?{TIME}"
    ))
    .ok()
});

/// [`DAY_FIRST`] with any word for the month, as it was written: compiled only when a date
/// [`DAY_FIRST`] finds could be inside a match of this one ([`day_first`]).
static DAY_FIRST_ANY_WORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<d>[0-9]{{1,2}})(?:er|st|nd|rd|th|º)?\.?\s+(?:de\s+)?(?P<mon>\p{{L}}{{3,11}}\.?)(?:\s+de)?,?\s+(?P<y>(?:19|20)[0-9]{{2}})(?:\s*(?:г\.|р\.|года|року|r\.))?{TIME}"
    ))
    .ok()
});

/// The first day-first date of `text`, as [`DAY_FIRST_ANY_WORD`] finds it: the first of its
/// matches (left to right, not overlapping) whose word is a month.
///
/// [`DAY_FIRST`] finds the same matches but for those whose word is no month, which cannot
/// be dates; it differs only when such a match would have hidden a date that starts inside
/// it. The only place inside one where a date can start is the minutes or seconds of its
/// time, after ':' or '.' ("1 Foo 2020 10:30 mayo 2021": "30 mayo 2021"), so a date found
/// there is checked with the general pattern.
fn day_first(text: &str) -> Option<FoundDate> {
    let names = DAY_FIRST.as_ref()?;
    for c in names.captures_iter(text) {
        let start = c.get(0).map_or(0, |m| m.start());
        let after_time_mark = text
            .get(..start)
            .is_some_and(|before| before.ends_with([':', '.']));
        if after_time_mark {
            return DAY_FIRST_ANY_WORD
                .as_ref()?
                .captures_iter(text)
                .find_map(|c| named_month(&c));
        }
        if let Some(found) = named_month(&c) {
            return Some(found);
        }
    }
    None
}

static NUMERIC: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?P<iy>(?:19|20)[0-9]{{2}})-(?P<im>[0-9]{{2}})-(?P<id>[0-9]{{2}})(?:[T ](?P<ih>[0-9]{{2}}):(?P<imin>[0-9]{{2}}))?|(?P<d>[0-9]{{1,2}})\.(?P<m>[0-9]{{1,2}})\.(?P<y>(?:19|20)[0-9]{{2}}){TIME})"
    ))
    .ok()
});

/// The first date in `text`, if any.
pub(crate) fn find_date(text: &str) -> Option<FoundDate> {
    // Every form has a year starting "19" or "20": skip the regexes (costly, with their
    // captures) for text without one, such as "5 min read" or "12 comments".
    if !text.contains("19") && !text.contains("20") {
        return None;
    }
    let mut best: Option<FoundDate> = None;
    let mut consider = |found: Option<FoundDate>| {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| f.start < b.start) {
                best = Some(f);
            }
        }
    };
    if let Some(re) = MONTH_FIRST.as_ref() {
        consider(re.captures_iter(text).find_map(|c| named_month(&c)));
    }
    consider(day_first(text));
    if let Some(re) = NUMERIC.as_ref() {
        consider(re.captures_iter(text).find_map(|c| numeric(&c)));
    }
    best.map(|mut found| {
        if found.iso.contains('T') {
            if let Some(offset) = text.get(found.end..).and_then(stated_offset) {
                found.iso.push_str(&offset);
            }
        }
        found
    })
}

/// How a page orders the day and the month of a slashed date ("3/4/2025"): by its declared
/// language ([`SlashOrder::of_language`]). Where that says nothing, only a date whose order
/// its numbers settle ("24/2/2026", "2/24/2026") is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SlashOrder {
    MonthFirst,
    DayFirst,
    Unknown,
}

impl SlashOrder {
    /// American English writes the month first; every other language and English
    /// elsewhere ("en-GB", "en-AU", "en-IN") the day. A bare "en" is mostly American pages.
    pub(crate) fn of_language(declared: Option<&str>) -> Self {
        let Some(tag) = declared.map(|t| t.trim().to_ascii_lowercase().replace('_', "-")) else {
            return Self::Unknown;
        };
        let mut parts = tag.split('-');
        match (parts.next(), parts.next()) {
            (Some(""), _) | (None, _) => Self::Unknown,
            (Some("en"), None | Some("us")) => Self::MonthFirst,
            // Canada writes both orders.
            (Some("en"), Some("ca")) => Self::Unknown,
            _ => Self::DayFirst,
        }
    }
}

/// "3/4/2025", "24/02/2026 14:05", "11-29-2024, 09:03 AM": numbers, slashes (or hyphens,
/// the same twice), a year last.
static SLASHED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<a>[0-9]{{1,2}})(?P<s1>[/-])(?P<b>[0-9]{{1,2}})(?P<s2>[/-])(?P<y>(?:19|20)[0-9]{{2}})\b{TIME}"
    ))
    .ok()
});

/// The first slashed date of `text`, its day and month read in `order`.
fn slashed(text: &str, order: SlashOrder) -> Option<FoundDate> {
    SLASHED.as_ref()?.captures_iter(text).find_map(|c| {
        if c.name("s1")?.as_str() != c.name("s2")?.as_str() {
            return None;
        }
        let a: u32 = c.name("a")?.as_str().parse().ok()?;
        let b: u32 = c.name("b")?.as_str().parse().ok()?;
        let (month, day) = match order {
            _ if a > 12 && b <= 12 => (b, a),
            _ if b > 12 && a <= 12 => (a, b),
            SlashOrder::MonthFirst => (a, b),
            SlashOrder::DayFirst => (b, a),
            SlashOrder::Unknown => return None,
        };
        let whole = c.get(0)?;
        let year = c.name("y")?.as_str().parse().ok()?;
        build(year, month, day, time_of(&c), whole.start(), whole.end())
    })
}

/// "2025/4/29", "2025.12.17": the year first, then the month and the day, all numbers
/// (East Asian and some European meta lines). A year first leaves no doubt about the order.
static YEAR_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<y>(?:19|20)[0-9]{{2}})(?P<s1>[/.])(?P<m>[0-9]{{1,2}})(?P<s2>[/.])(?P<d>[0-9]{{1,2}})\b{TIME}"
    ))
    .ok()
});

/// The first year-first date of `text` ([`YEAR_FIRST`]); a fourth number after the day
/// ("2019.1.2.3") makes it a version, no date.
fn year_first(text: &str) -> Option<FoundDate> {
    YEAR_FIRST.as_ref()?.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        let after_day = text.get(c.name("d")?.end()..).unwrap_or("");
        let version = after_day.starts_with(['/', '.'])
            && after_day
                .get(1..)
                .is_some_and(|rest| rest.starts_with(|ch: char| ch.is_ascii_digit()));
        if c.name("s1")?.as_str() != c.name("s2")?.as_str() || version {
            return None;
        }
        build(
            c.name("y")?.as_str().parse().ok()?,
            c.name("m")?.as_str().parse().ok()?,
            c.name("d")?.as_str().parse().ok()?,
            time_of(&c),
            whole.start(),
            whole.end(),
        )
    })
}

/// "04-ago-2021", "12-Mar-2024 10:15": a day, a month's name or its abbreviation and a year
/// joined by hyphens.
static HYPHENED_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<d>[0-9]{{1,2}})-(?P<mon>\p{{L}}{{3,11}})\.?-(?P<y>(?:19|20)[0-9]{{2}})\b{TIME}"
    ))
    .ok()
});

/// The month a name or an abbreviation of at least three letters stands for: a name of
/// [`MONTHS`], or the start of names that all give one month ("ago" for "agosto", "sept").
fn month_or_abbreviation(word: &str) -> Option<u32> {
    if let Some(month) = month_number(word) {
        return Some(month);
    }
    let word = word.trim_end_matches('.').to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let mut months = MONTHS
        .iter()
        .filter(|(name, _)| name.starts_with(word.as_str()))
        .map(|&(_, n)| n);
    let first = months.next()?;
    months.all(|n| n == first).then_some(first)
}

/// The first date of `text` in the shape of [`HYPHENED_MONTH`].
fn hyphened_month(text: &str) -> Option<FoundDate> {
    HYPHENED_MONTH.as_ref()?.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        build(
            c.name("y")?.as_str().parse().ok()?,
            month_or_abbreviation(c.name("mon")?.as_str())?,
            c.name("d")?.as_str().parse().ok()?,
            time_of(&c),
            whole.start(),
            whole.end(),
        )
    })
}

/// The first date in a line whose parts the page set in separate elements with no space
/// between them ("Posted on June 29, 2020November 12, 2021", "EditorialNovember 22, 2018",
/// "Dec 17, 2025Jane Roe", "Jane Roe3/4/2025"): a space is put back where a digit or a
/// lower-case letter meets an upper-case one, and where a cased letter meets a digit, then
/// [`find_date`] reads
/// it, and slashed dates too, in the page's `order` (a meta line's "2/24/2026" is a date; in
/// the article's text a slash may be a ratio or a fraction, so the classifier never reads
/// them). For the header only (the offsets are of the spaced text); the classifier's rules
/// read the text as it is.
pub(crate) fn find_date_in_glued(text: &str, order: SlashOrder) -> Option<FoundDate> {
    let spaced = spaced_glued(text);
    find_date_in_spaced(&spaced, order).filter(|date| !machine_timestamp(&spaced, date))
}

/// Is the date found in `text` written as a machine's timestamp ("2025-12-08T13:42:59-08:00",
/// the date and the time joined by a `T`)? A template's microformat remnant, glued to the
/// page's name or an author's: no reader is shown it as the article's date.
pub(crate) fn machine_timestamp(text: &str, date: &FoundDate) -> bool {
    // The match may end with the day, before the `T` and the time, and the text may be
    // spaced where the letter meets the digits ("2025-12-08 T 13:42").
    let end = (date.end + 4).min(text.len());
    let written: Vec<u8> = text
        .as_bytes()
        .get(date.start..end)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|b| *b != b' ')
        .collect();
    written
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'T' && w[2].is_ascii_digit())
}

/// `text` with a space put back where its glued parts meet (see [`find_date_in_glued`]).
pub(crate) fn spaced_glued(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len() + 8);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let upper_after =
            c.is_uppercase() && previous.is_some_and(|p| p.is_ascii_digit() || p.is_lowercase());
        // A name's last letter, then the date's first digit ("Jane Roe3/4/2025"). (Cased
        // letters only: a CJK date writes its numbers between characters, "2025年3月4日".)
        let digit_after =
            c.is_ascii_digit() && previous.is_some_and(|p| p.is_lowercase() || p.is_uppercase());
        if upper_after || digit_after {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = Some(c);
    }
    spaced
}

/// [`find_date_in_glued`] on a text already spaced ([`spaced_glued`]).
///
/// Besides [`find_date`]'s shapes it reads, for the header only, slashed and hyphenated
/// numeric dates ("3/4/2025", "11-29-2024") in `order`, year-first ones ("2025/4/29",
/// "2025.12.17") and hyphenated ones with a month's name or abbreviation ("04-ago-2021").
pub(crate) fn find_date_in_spaced(spaced: &str, order: SlashOrder) -> Option<FoundDate> {
    if !spaced.contains("19") && !spaced.contains("20") {
        return None;
    }
    let mut best = find_date(spaced);
    let mut consider = |found: Option<FoundDate>| {
        if let Some(f) = found {
            if best.as_ref().is_none_or(|b| f.start < b.start) {
                best = Some(f);
            }
        }
    };
    if spaced.contains(['/', '-']) {
        consider(slashed(spaced, order));
    }
    if spaced.contains(['/', '.']) {
        consider(year_first(spaced));
    }
    if spaced.contains('-') {
        consider(hyphened_month(spaced));
    }
    best
}

/// The time zone a text states right after a time, as an ISO 8601 offset: "UTC", "GMT"
/// and "Z" (with "+2", "+05:30" after GMT/UTC), or a bare "+0100" / "-05:00". Zone names
/// ("CET", "EST") are left alone: several zones share one.
fn stated_offset(after: &str) -> Option<String> {
    let rest = after.trim_start();
    let (utc, rest) = ["UTC", "GMT", "Z"]
        .iter()
        .find_map(|z| rest.strip_prefix(z).map(|r| (true, r)))
        .unwrap_or((false, rest));
    if utc && rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let b = rest.as_bytes();
    let sign = match b.first() {
        Some(b'+') => '+',
        Some(b'-') => '-',
        _ => return utc.then(|| "Z".to_string()),
    };
    let digits: Vec<u32> = rest
        .get(1..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .filter_map(|c| c.to_digit(10))
        .collect();
    let (h, m) = match digits.as_slice() {
        [h] if utc => (*h, 0),
        [h1, h2] => (h1 * 10 + h2, 0),
        [h1, h2, m1, m2] => (h1 * 10 + h2, m1 * 10 + m2),
        _ => return utc.then(|| "Z".to_string()),
    };
    (h <= 14 && m < 60).then(|| format!("{sign}{h:02}:{m:02}"))
}

fn named_month(c: &regex::Captures<'_>) -> Option<FoundDate> {
    let month = month_number(c.name("mon")?.as_str())?;
    let day: u32 = c.name("d")?.as_str().parse().ok()?;
    let year: i32 = c.name("y")?.as_str().parse().ok()?;
    let whole = c.get(0)?;
    build(year, month, day, time_of(c), whole.start(), whole.end())
}

fn numeric(c: &regex::Captures<'_>) -> Option<FoundDate> {
    let whole = c.get(0)?;
    if let Some(y) = c.name("iy") {
        let time = match (c.name("ih"), c.name("imin")) {
            (Some(h), Some(m)) => Some((h.as_str().parse().ok()?, m.as_str().parse().ok()?)),
            _ => None,
        };
        return build(
            y.as_str().parse().ok()?,
            c.name("im")?.as_str().parse().ok()?,
            c.name("id")?.as_str().parse().ok()?,
            time,
            whole.start(),
            whole.end(),
        );
    }
    // Dotted numeric dates are day-first wherever they are written (de, ru, pl, …).
    build(
        c.name("y")?.as_str().parse().ok()?,
        c.name("m")?.as_str().parse().ok()?,
        c.name("d")?.as_str().parse().ok()?,
        time_of(c),
        whole.start(),
        whole.end(),
    )
}

fn time_of(c: &regex::Captures<'_>) -> Option<(u32, u32)> {
    let mut hour: u32 = c.name("h")?.as_str().parse().ok()?;
    let minute: u32 = c.name("min")?.as_str().parse().ok()?;
    if let Some(ampm) = c.name("ampm") {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if hour == 12 {
            hour = 0;
        }
        if pm {
            hour += 12;
        }
    }
    (hour < 24 && minute < 60).then_some((hour, minute))
}

fn build(
    year: i32,
    month: u32,
    day: u32,
    time: Option<(u32, u32)>,
    start: usize,
    end: usize,
) -> Option<FoundDate> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    let iso = match time {
        Some((h, m)) => format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}"),
        None => format!("{year:04}-{month:02}-{day:02}"),
    };
    Some(FoundDate { iso, start, end })
}

/// The days from ISO date `a` to ISO date `b` (their first ten characters), when both
/// read.
pub(crate) fn days_between(a: &str, b: &str) -> Option<i64> {
    let day = |iso: &str| -> Option<i64> {
        let y: i64 = iso.get(..4)?.parse().ok()?;
        let m: i64 = iso.get(5..7)?.parse().ok()?;
        let d: i64 = iso.get(8..10)?.parse().ok()?;
        // Days from a fixed origin, counting years from March (leap days last).
        let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
        Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d)
    };
    Some(day(b)? - day(a)?)
}

/// A date as metadata states it (`2023-05-04T10:20:30+02:00`, `20230504`, `04.05.2023`,
/// `May 4, 2023`, `4 mai 2023`, `Thu, 04 May 2023 10:20:30 +0000`), the whole string, as ISO
/// 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`, with the offset when the string gives one.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    iso_date(s).or_else(|| textual_date(s))
}

fn digits(s: &[u8], n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if !part.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(part).ok()?.parse().ok()
}

fn valid_ymd(y: u32, m: u32, d: u32) -> bool {
    (1000..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let y = digits(b, 4)?;
    let (m, d, mut rest) = match b.get(4) {
        Some(sep @ (b'-' | b'/' | b'.')) => {
            let m = digits(b.get(5..)?, 2)?;
            if b.get(7) != Some(sep) {
                return None;
            }
            (m, digits(b.get(8..)?, 2)?, b.get(10..)?)
        }
        _ => (
            digits(b.get(4..)?, 2)?,
            digits(b.get(6..)?, 2)?,
            b.get(8..)?,
        ),
    };
    if !valid_ymd(y, m, d) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if !matches!(rest.first(), Some(b'T' | b't' | b' ')) {
        return Some(out);
    }
    rest = rest.get(1..)?;
    let (Some(h), Some(b':'), Some(mi)) = (
        digits(rest, 2),
        rest.get(2),
        rest.get(3..).and_then(|r| digits(r, 2)),
    ) else {
        return Some(out);
    };
    if h > 23 || mi > 59 {
        return Some(out);
    }
    out.push_str(&format!("T{h:02}:{mi:02}"));
    rest = rest.get(5..).unwrap_or(&[]);
    if rest.first() == Some(&b':') {
        if let Some(sec) = rest.get(1..).and_then(|r| digits(r, 2)) {
            if sec <= 60 {
                out.push_str(&format!(":{sec:02}"));
            }
            rest = rest.get(3..).unwrap_or(&[]);
        }
    }
    if rest.first() == Some(&b'.') || rest.first() == Some(&b',') {
        let n = rest
            .iter()
            .skip(1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        rest = rest.get(1 + n..).unwrap_or(&[]);
    }
    while rest.first() == Some(&b' ') {
        rest = rest.get(1..).unwrap_or(&[]);
    }
    match rest.first() {
        Some(b'Z' | b'z') => out.push('Z'),
        Some(sign @ (b'+' | b'-')) => {
            let r = rest.get(1..).unwrap_or(&[]);
            if let Some(oh) = digits(r, 2) {
                let r2 = r.get(2..).unwrap_or(&[]);
                let om = if r2.first() == Some(&b':') {
                    r2.get(1..).and_then(|x| digits(x, 2))
                } else {
                    digits(r2, 2)
                }
                .unwrap_or(0);
                if oh <= 14 && om < 60 {
                    out.push_str(&format!("{}{oh:02}:{om:02}", *sign as char));
                }
            }
        }
        _ => {
            let r = std::str::from_utf8(rest).unwrap_or("");
            if r.starts_with("GMT") || r.starts_with("UTC") {
                out.push('Z');
            }
        }
    }
    Some(out)
}

/// `04.05.2023`, `May 4, 2023`, `4 May 2023`, `Thu, 04 May 2023 10:20:30 +0000`.
fn textual_date(s: &str) -> Option<String> {
    if s.len() > 64 {
        return None;
    }
    let b = s.as_bytes();
    if let (Some(d), Some(b'.'), Some(m), Some(b'.'), Some(y)) = (
        digits(b, 2),
        b.get(2),
        b.get(3..).and_then(|r| digits(r, 2)),
        b.get(5),
        b.get(6..).and_then(|r| digits(r, 4)),
    ) {
        return valid_ymd(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut offset = None;
    for w in &words {
        // "17." and "1er" are days too ("17. März 2023", "1er mai 2023").
        let w = &w
            .strip_suffix('.')
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .or_else(|| w.strip_suffix("er"))
            .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or(w);
        let wb = w.as_bytes();
        if let Some(m) = month_number(w) {
            month.get_or_insert(m);
        } else if wb.len() == 4 && wb.iter().all(u8::is_ascii_digit) {
            year = digits(wb, 4);
        } else if (1..=2).contains(&wb.len()) && wb.iter().all(u8::is_ascii_digit) {
            day = std::str::from_utf8(wb)
                .ok()
                .and_then(|x| x.parse::<u32>().ok());
        } else if wb.len() >= 5 && wb.get(2) == Some(&b':') && time.is_none() {
            time = Some(w.get(..wb.len().min(8)).unwrap_or(w).to_string());
        } else if (wb.first() == Some(&b'+') || wb.first() == Some(&b'-')) && wb.len() == 5 {
            offset = Some(format!(
                "{}:{}",
                w.get(..3).unwrap_or(""),
                w.get(3..).unwrap_or("")
            ));
        } else if matches!(*w, "GMT" | "UTC" | "Z") {
            offset = Some("Z".to_string());
        }
    }
    let (y, m, d) = (year?, month?, day?);
    if !valid_ymd(y, m, d) {
        return None;
    }
    let mut iso = format!("{y:04}-{m:02}-{d:02}");
    if let Some(t) = time {
        iso.push('T');
        iso.push_str(&t);
        iso.push_str(offset.as_deref().unwrap_or(""));
    }
    iso_date(&iso)
}

#[cfg(test)]
mod tests;

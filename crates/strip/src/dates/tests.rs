//! Tests of `dates`.

use super::*;

#[test]
fn dates() {
    assert_eq!(parse_date("2023-05-04").as_deref(), Some("2023-05-04"));
    assert_eq!(
        parse_date("2023-05-04T10:20:30.000+02:00").as_deref(),
        Some("2023-05-04T10:20:30+02:00")
    );
    assert_eq!(
        parse_date("2023-05-04T10:20:30.123Z").as_deref(),
        Some("2023-05-04T10:20:30Z")
    );
    assert_eq!(
        parse_date("2023-05-04 10:20 +0530").as_deref(),
        Some("2023-05-04T10:20+05:30")
    );
    assert_eq!(parse_date("20230504").as_deref(), Some("2023-05-04"));
    assert_eq!(parse_date("04.05.2023").as_deref(), Some("2023-05-04"));
    assert_eq!(parse_date("May 4, 2023").as_deref(), Some("2023-05-04"));
    assert_eq!(
        parse_date("Thu, 04 May 2023 10:20:30 +0000").as_deref(),
        Some("2023-05-04T10:20:30+00:00")
    );
    // Month names of every language the text parser knows, in metadata too.
    assert_eq!(parse_date("4 mai 2023").as_deref(), Some("2023-05-04"));
    assert_eq!(parse_date("1er mai 2023").as_deref(), Some("2023-05-01"));
    assert_eq!(parse_date("17. März 2023").as_deref(), Some("2023-03-17"));
    assert_eq!(
        parse_date("5 de mayo de 2021").as_deref(),
        Some("2021-05-05")
    );
    assert_eq!(parse_date("12 октября 2020").as_deref(), Some("2020-10-12"));
    assert_eq!(parse_date("yesterday"), None);
    assert_eq!(parse_date("2023-13-45"), None);
    assert_eq!(parse_date(""), None);
}

/// `find_date` as it was, with any word for the month in both named-month patterns.
fn find_date_any_word(text: &str) -> Option<FoundDate> {
    if !text.contains("19") && !text.contains("20") {
        return None;
    }
    static MONTH_FIRST_ANY_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
        r"(?i)\b(?P<mon>\p{{L}}{{3,10}}\.?)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b{TIME}"
    ))
    .unwrap()
    });
    let month_first = &*MONTH_FIRST_ANY_WORD;
    let day_first = DAY_FIRST_ANY_WORD.as_ref().unwrap();
    let found = [
        month_first
            .captures_iter(text)
            .find_map(|c| named_month(&c)),
        day_first.captures_iter(text).find_map(|c| named_month(&c)),
        NUMERIC
            .as_ref()
            .unwrap()
            .captures_iter(text)
            .find_map(|c| numeric(&c)),
    ];
    let mut best: Option<FoundDate> = None;
    for f in found.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| f.start < b.start) {
            best = Some(f);
        }
    }
    best
}

/// The month-name patterns find the dates the letter-run patterns found.
#[test]
fn month_names_find_what_any_word_found() {
    let vocab = [
        "March",
        "march",
        "MARCH",
        "Mar.",
        "Sept.",
        "sept",
        "ſeptember",
        "Foo",
        "Wednesday",
        "janvier",
        "Januar",
        "Jänner",
        "März",
        "mayo",
        "de",
        "Maj",
        "maja",
        "października",
        "PAŹDZIERNIKA",
        "января",
        "ЯНВАРЯ",
        "березня",
        "août",
        "AOÛT",
        "3",
        "03",
        "12",
        "31",
        "3rd",
        "1er",
        "17.",
        "2020",
        "2021",
        "1999",
        "20201",
        "г.",
        "года",
        "at",
        "à",
        "alle",
        "a las",
        "10:30",
        "10:30:15",
        "9.05",
        "14h35",
        "5",
        "pm",
        "a.m.",
        "05.06.2021",
        "2024-02-29T23:59",
        ",",
        "1.",
        "x",
        "2023-02-29",
    ];
    let seps = [" ", " ", " ", "", ", ", ":", ".", "\u{00A0}"];
    let cases = crate::testgen::random_texts(&vocab, &seps, 9, 40_000);
    let mut found = 0;
    for case in &cases {
        let expected = find_date_any_word(case);
        found += usize::from(expected.is_some());
        assert_eq!(find_date(case), expected, "{case:?}");
    }
    assert!(found > 4000, "the cases reach dates too: {found}");
    // A date that starts in the time of a match whose word is no month.
    let hidden = "1 Foo 2020 10:30 mayo 2021";
    assert_eq!(find_date(hidden), find_date_any_word(hidden));
}

/// The month names are letters, and every word that lower-cases to one is matched by it
/// under `(?i)`.
#[test]
fn month_names_fold_like_the_lowercase_check() {
    let letter = Regex::new(r"^\p{L}+$").unwrap();
    let mut name_chars: Vec<char> = MONTHS.iter().flat_map(|(m, _)| m.chars()).collect();
    name_chars.sort_unstable();
    name_chars.dedup();
    for (name, _) in MONTHS.iter() {
        assert!(letter.is_match(name), "{name}");
    }
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            if name_chars.contains(&l) {
                let re = Regex::new(&format!("^(?i:{l})$")).unwrap();
                assert!(re.is_match(c.encode_utf8(&mut buf)), "{c:?} {l:?}");
            }
        }
    }
}

fn iso(text: &str) -> Option<String> {
    find_date(text).map(|d| d.iso)
}

#[test]
fn english_month_first_with_time() {
    assert_eq!(
        iso("Posted March 3, 2023 at 9:05 am").as_deref(),
        Some("2023-03-03T09:05")
    );
    assert_eq!(iso("Sept. 14th, 2022").as_deref(), Some("2022-09-14"));
    assert_eq!(
        iso("Dec 31 2021 12:30 PM").as_deref(),
        Some("2021-12-31T12:30")
    );
    assert_eq!(
        iso("Dec 31 2021 12:30 AM").as_deref(),
        Some("2021-12-31T00:30")
    );
}

#[test]
fn day_first_in_other_languages() {
    assert_eq!(
        iso("Publié le 9 janvier 2024 à 14h35").as_deref(),
        Some("2024-01-09T14:35")
    );
    assert_eq!(
        iso("Stand: 17. März 2023, 08:15 Uhr").as_deref(),
        Some("2023-03-17T08:15")
    );
    assert_eq!(iso("5 de mayo de 2021").as_deref(), Some("2021-05-05"));
    assert_eq!(
        iso("12 октября 2020 г., 10:00").as_deref(),
        Some("2020-10-12T10:00")
    );
    assert_eq!(iso("3 березня 2022").as_deref(), Some("2022-03-03"));
    assert_eq!(iso("1 września 2019").as_deref(), Some("2019-09-01"));
    assert_eq!(iso("4 maggio 2018").as_deref(), Some("2018-05-04"));
}

#[test]
fn numeric_forms() {
    assert_eq!(
        iso("2024-02-29T23:59:00Z").as_deref(),
        Some("2024-02-29T23:59")
    );
    assert_eq!(
        iso("Aktualisiert 05.06.2021 17:40").as_deref(),
        Some("2021-06-05T17:40")
    );
    assert_eq!(iso("2023-02-29"), None, "not a leap year");
}

#[test]
fn a_stated_time_zone_is_kept() {
    assert_eq!(
        iso("Updated 9 Jan 2024, 14:35 GMT").as_deref(),
        Some("2024-01-09T14:35Z")
    );
    assert_eq!(
        iso("Publié le 9 janvier 2024 à 14h35 UTC+1").as_deref(),
        Some("2024-01-09T14:35+01:00")
    );
    assert_eq!(
        iso("Stand: 17.03.2023 08:15 +0100").as_deref(),
        Some("2023-03-17T08:15+01:00")
    );
    // A zone name is no offset; nor is a date without a time given one.
    assert_eq!(
        iso("March 3, 2023 at 9:05 am EST").as_deref(),
        Some("2023-03-03T09:05")
    );
    assert_eq!(iso("9 Jan 2024 GMT").as_deref(), Some("2024-01-09"));
    assert_eq!(
        iso("9 Jan 2024 14:35 UTCx").as_deref(),
        Some("2024-01-09T14:35")
    );
}

#[test]
fn not_dates() {
    assert_eq!(iso("The May Day parade drew 2000 people"), None);
    assert_eq!(iso("Chapter 12 of 2000 Leagues"), None);
    assert_eq!(iso(""), None);
}

#[test]
fn dates_glued_to_the_next_element_are_found_for_the_header() {
    let glued =
        |text: &str| find_date_in_glued(text, crate::dates::SlashOrder::Unknown).map(|d| d.iso);
    // en: published and updated dates in two spans with nothing between them.
    let en = "Posted on June 29, 2020November 12, 2021";
    assert_eq!(iso(en), None);
    assert_eq!(glued(en).as_deref(), Some("2020-06-29"));
    // A label glued before the month, a name glued after the year.
    assert_eq!(
        glued("EditorialNovember 22, 2018").as_deref(),
        Some("2018-11-22")
    );
    assert_eq!(glued("Dec 17, 2025Jane Roe").as_deref(), Some("2025-12-17"));
    // de, fr, es: day-first dates.
    assert_eq!(
        glued("Veröffentlicht am 3. März 2021Aktualisiert am 5. März 2021").as_deref(),
        Some("2021-03-03")
    );
    assert_eq!(
        glued("RédactionLe 9 janvier 2024").as_deref(),
        Some("2024-01-09")
    );
    assert_eq!(
        glued("12 de marzo de 2024María López").as_deref(),
        Some("2024-03-12")
    );
    // Nothing glued: the same as `find_date`; no date: none.
    assert_eq!(glued("4 мая 2022").as_deref(), Some("2022-05-04"));
    assert_eq!(glued("McDonaldReadMore 5 min read"), None);
}

#[test]
fn slashed_dates_follow_the_page_language() {
    let month_first = SlashOrder::of_language(Some("en-US"));
    let day_first = SlashOrder::of_language(Some("fr-FR"));
    assert_eq!(month_first, SlashOrder::MonthFirst);
    assert_eq!(SlashOrder::of_language(Some("en")), SlashOrder::MonthFirst);
    assert_eq!(SlashOrder::of_language(Some("en_GB")), SlashOrder::DayFirst);
    assert_eq!(SlashOrder::of_language(Some("es")), SlashOrder::DayFirst);
    assert_eq!(SlashOrder::of_language(Some("en-CA")), SlashOrder::Unknown);
    assert_eq!(SlashOrder::of_language(Some(" ")), SlashOrder::Unknown);
    assert_eq!(SlashOrder::of_language(None), SlashOrder::Unknown);
    let read = |text: &str, order| find_date_in_glued(text, order).map(|d| d.iso);
    // en-US: month first; fr, it: day first.
    assert_eq!(
        read("Updated 3/4/2025", month_first).as_deref(),
        Some("2025-03-04")
    );
    assert_eq!(
        read("Publié le 3/4/2025", day_first).as_deref(),
        Some("2025-04-03")
    );
    assert_eq!(
        read("Pubblicato il 03/04/2025 alle 14:30", day_first).as_deref(),
        Some("2025-04-03T14:30")
    );
    // Numbers above 12 settle the order, whatever the page says.
    assert_eq!(
        read("Posted 2/24/2026", day_first).as_deref(),
        Some("2026-02-24")
    );
    assert_eq!(
        read("Publicado 24/2/2026", month_first).as_deref(),
        Some("2026-02-24")
    );
    assert_eq!(
        read("2/24/2026", SlashOrder::Unknown).as_deref(),
        Some("2026-02-24")
    );
    // A name and its date in two elements with no space between them.
    assert_eq!(
        read("Jane Roe3/4/2025", month_first).as_deref(),
        Some("2025-03-04")
    );
    assert_eq!(
        read("von Anna Roth12.03.2025", day_first).as_deref(),
        Some("2025-03-12")
    );
    // A machine's timestamp glued to the page's name is a template's remnant, not a date
    // the reader is shown; a month in capitals is no timestamp.
    assert_eq!(
        read(
            "Free IDE and Developer Tools2025-12-08T13:42:59-08:00",
            month_first
        ),
        None
    );
    assert_eq!(
        read("POSTED OCT 3, 2025", month_first).as_deref(),
        Some("2025-10-03")
    );
    // Unsettled without a language: no date rather than a guess.
    assert_eq!(read("Posted 3/4/2025", SlashOrder::Unknown), None);
    // Not dates: no year, an impossible day, a ratio.
    assert_eq!(read("Rated 4/5", month_first), None);
    assert_eq!(read("Posted 2/30/2025", month_first), None);
    // The first date of the line wins, slashed or named.
    assert_eq!(
        read("March 3, 2024 · edited 4/5/2024", month_first).as_deref(),
        Some("2024-03-03")
    );
    assert_eq!(
        read("4/5/2024 · edited March 3, 2025", month_first).as_deref(),
        Some("2024-04-05")
    );
    // The classifier's search never reads them (a fraction or a ratio in the text).
    assert_eq!(iso("Posted 2/24/2026"), None);
}

#[test]
fn header_only_shapes_year_first_hyphenated_and_abbreviated() {
    let us = SlashOrder::of_language(Some("en-US"));
    let de = SlashOrder::of_language(Some("de"));
    let read = |text: &str, order| find_date_in_glued(text, order).map(|d| d.iso);
    // Year first, slashed or dotted (zh, ja, ko meta lines; "Published: 2025.12.17").
    assert_eq!(read("王丽 - 2025/4/29", us).as_deref(), Some("2025-04-29"));
    assert_eq!(
        read("Essay - Published: 2025.12.17", us).as_deref(),
        Some("2025-12-17")
    );
    assert_eq!(
        read("게시일 2024.03.05 14:20", de).as_deref(),
        Some("2024-03-05T14:20")
    );
    // A fourth number makes a version; mixed separators are no date.
    assert_eq!(read("Release 2019.1.2.3 notes", us), None);
    assert_eq!(read("2025/4.29", us), None);
    // Hyphenated numbers, in the page's order, with a 12-hour time.
    assert_eq!(
        read("11-29-2024, 09:03 AM", us).as_deref(),
        Some("2024-11-29T09:03")
    );
    assert_eq!(
        read("29-11-2024, 01:50 PM", de).as_deref(),
        Some("2024-11-29T13:50")
    );
    assert_eq!(read("3/4-2025", us), None);
    // A month's abbreviation between hyphens (es "ago", en "Mar", fr "janv", de "Dez").
    assert_eq!(
        read("By: Ana Ruiz on 04-ago-2021 5:11:10", de).as_deref(),
        Some("2021-08-04T05:11")
    );
    assert_eq!(read("12-Mar-2024", us).as_deref(), Some("2024-03-12"));
    assert_eq!(read("9-janv-2024", de).as_deref(), Some("2024-01-09"));
    assert_eq!(read("24-Dez-2023", de).as_deref(), Some("2023-12-24"));
    // "ju" could be June or July: too short; "xyz" is no month.
    assert_eq!(read("4-ju-2021", us), None);
    assert_eq!(read("4-xyz-2021", us), None);
    // The classifier's reading is unchanged: none of these shapes.
    assert_eq!(iso("2025/4/29"), None);
    assert_eq!(iso("04-ago-2021"), None);
}

#[test]
fn days_between_dates() {
    use crate::dates::days_between;
    assert_eq!(days_between("2025-12-18", "2025-12-19T02:41:41Z"), Some(1));
    assert_eq!(days_between("2024-03-01", "2024-02-28"), Some(-2));
    assert_eq!(days_between("2023-12-31", "2024-01-01"), Some(1));
    assert_eq!(days_between("2100-02-28", "2100-03-01"), Some(1));
    assert_eq!(days_between("2024-xx-01", "2024-01-01"), None);
}

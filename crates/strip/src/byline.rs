//! Bylines and datelines: "By Jane Doe | March 3, 2023", "Par Jean Dupont, publié le …",
//! "Von Max Muster, 17.03.2023", "Автор: Иван Петров", "Updated 9 Jan 2024, 14:35"; and
//! which of a page's authors are people and which its organisation.

use std::sync::LazyLock;

use crate::dates::{FoundDate, find_date};
use crate::lang;

/// What a byline block told us.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    pub published: Option<String>,
}

/// Words that introduce an author (every language's, `crate::lang`), lower case, with the
/// separator that follows them.
static AUTHOR_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(lang::author_prefixes);

/// Words that may stand around a date in a dateline without making it prose.
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "min",
    "mins",
    "minute",
    "minutes",
    "read",
    "reading",
    "time",
    "publié",
    "le",
    "mis",
    "à",
    "jour",
    "modifié",
    "lecture",
    "de",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    "am",
    "um",
    "uhr",
    "lesezeit",
    "publicado",
    "actualizado",
    "el",
    "a",
    "las",
    "lectura",
    "опубликовано",
    "обновлено",
    "в",
    "мин",
    "чтения",
    "опубліковано",
    "оновлено",
    "хв",
    "pubblicato",
    "aggiornato",
    "il",
    "alle",
    "atualizado",
    "em",
    "às",
    "gepubliceerd",
    "bijgewerkt",
    "op",
    "om",
    "opublikowano",
    "zaktualizowano",
    "utc",
    "gmt",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "msk",
    "et",
    "pt",
    "|",
    "•",
    "·",
    "-",
    "—",
    "/",
];

/// Reads a block as a byline or dateline. `None` when it is something else.
pub(crate) fn parse(text: &str, words: usize) -> Option<Byline> {
    if words == 0 || words > 30 {
        return None;
    }
    let lower = text.to_lowercase();
    let date = find_date(text);
    if let Some(prefix) = AUTHOR_PREFIXES.iter().find(|p| lower.starts_with(**p)) {
        let rest = text.get(prefix.len()..)?.trim_start();
        // "By" must introduce a name: a capitalised word, not "by the way …".
        if rest.chars().next().is_some_and(char::is_uppercase) {
            let names_end = names_end(
                rest,
                date.as_ref()
                    .map(|d| d.start.saturating_sub(text.len() - rest.len())),
            );
            let authors = split_authors(rest.get(..names_end).unwrap_or(rest));
            if !authors.is_empty() {
                return Some(Byline {
                    authors,
                    published: date.map(|d| d.iso),
                });
            }
        }
    }
    let date = date?;
    is_dateline(text, &date).then(|| Byline {
        authors: Vec::new(),
        published: Some(date.iso),
    })
}

/// Labels that stand where a name should, lower case: no person.
const NO_PERSON: &[&str] = &[
    // What a page's script writes where it found no name.
    "undefined",
    "null",
    "staff",
    "admin",
    "administrator",
    "editor",
    "editors",
    "editorial",
    "guest",
    "anonymous",
    "unknown",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "redakcja",
    "редакция",
    "редакція",
];

/// Card labels that introduce the author, lower case.
pub(crate) const AUTHOR_LABELS: &[&str] = &[
    "written by",
    "author",
    "verfasst von",
    "geschrieben von",
    "autor",
    "écrit par",
    "auteur",
    "escrito por",
    "scritto da",
    "автор",
];

/// A class that names the element holding an author's name (`author`, `post-author`,
/// `author-name`, `authorName`, `byline__name`), not a box, picture or bio around it, nor a
/// comment's author.
pub(crate) fn names_an_author(class: &str) -> bool {
    // Read for every element with a class: no allocation, and most values say neither word.
    if !contains_ignore_case(class, "author") && !contains_ignore_case(class, "byline") {
        return false;
    }
    class.split_ascii_whitespace().any(|token| {
        if ["comment", "reply", "review", "testimonial", "quote"]
            .iter()
            .any(|w| contains_ignore_case(token, w))
        {
            return false;
        }
        let mut t = token;
        while let Some(rest) = strip_suffix_ignore_case(t, "name") {
            t = rest;
        }
        let t = t.trim_end_matches(['-', '_']);
        t.eq_ignore_ascii_case("author")
            || strip_suffix_ignore_case(t, "-author").is_some()
            || strip_suffix_ignore_case(t, "_author").is_some()
            || strip_suffix_ignore_case(t, "byline").is_some()
    })
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    // Compared only where the first letter stands (one memchr2 pass over the value).
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), h).any(|at| {
        h.get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

fn strip_suffix_ignore_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (rest, tail) = (text.get(..cut)?, text.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(rest)
}

/// Names from author elements (`rel=author`, `itemprop=author`), whose text may run on
/// into a bio or a reputation line ("Ana Ruiz Ana Ruiz is a reporter…", "ana 1,234 badges"):
/// the capitalised words before any digit or lower-case word, a doubled name once. Many
/// distinct names are a thread's repliers: then the first only, the post's author.
pub(crate) fn markup_names(texts: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = without_author_prefix(&text);
        let mut words: Vec<&str> = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
            if word.chars().any(|c| c.is_ascii_digit()) || i > 0 && !starts_upper {
                break;
            }
            words.push(word);
        }
        let half = words.len() / 2;
        if half > 0 && words.len() % 2 == 0 && words[..half] == words[half..] {
            words.truncate(half);
        }
        // A single word may be a handle ("ana_k"); longer runs are a sentence's start.
        if words.is_empty() || words.len() > 5 {
            continue;
        }
        let name = words.join(" ");
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.len() > 2 {
        names.truncate(1);
    }
    names
}

/// Names from author-classed elements, held to more than [`markup_names`]: two to four
/// words, no initial for a surname ("Ann K.", a review's signature), and no more than two
/// distinct names (more: a listing's or a shop's reviews).
pub(crate) fn class_names(texts: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        for name in markup_names(std::slice::from_ref(text)) {
            let words: Vec<&str> = name.split(' ').collect();
            let initial = words
                .last()
                .is_some_and(|w| w.trim_end_matches('.').chars().count() <= 1);
            if (2..=4).contains(&words.len()) && !initial && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.len() > 2 { Vec::new() } else { names }
}

/// A byline element that holds nothing but a person's name ("Ana Ruiz", "Jean-Luc Dupont"):
/// two to four capitalised words, no digits, no initial for a surname, no label.
pub(crate) fn bare_name(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = class_names(std::slice::from_ref(&text))
        .into_iter()
        .next()?;
    // "Jean-Luc" is a name; "Note-taking" is not, nor a name glued to a link's text
    // ("Rosa ReyesView More Articles").
    let capitalised = name
        .split([' ', '-'])
        .all(|part| part.chars().next().is_some_and(char::is_uppercase) && !glued_words(part));
    (name == text
        && capitalised
        && !is_nobody(&name)
        && !is_author_label(&name)
        && !name.contains(':'))
    .then_some(name)
}

/// `text` without a leading author prefix ("By ", "Written by ", "Autor: ").
pub(crate) fn without_author_prefix(text: &str) -> &str {
    let lower = text.to_lowercase();
    AUTHOR_PREFIXES
        .iter()
        .chain(&["author ", "autor ", "auteur "])
        .find(|p| lower.starts_with(**p))
        .and_then(|p| text.get(p.len()..))
        .map_or(text, str::trim_start)
}

/// The poster's name in a forum post's header ("DaleJack September 5, 2024, 11:15pm",
/// "by changingtimes » Sat Feb 24, 2024 12:41 pm", "ControlCAD"): what stands before the
/// date, up to the first separator, when it is a name or handle of one to three words.
pub(crate) fn post_author(text: &str) -> Option<String> {
    post_author_before(text, find_date(text).as_ref())
}

/// [`post_author`] with the text's first date already found.
pub(crate) fn post_author_before(text: &str, date: Option<&FoundDate>) -> Option<String> {
    let before_date = date.map_or(text, |d| text.get(..d.start).unwrap_or(""));
    let name = without_author_prefix(before_date.trim())
        .split(['»', '|', '·', '•', '—', '–', ',', '(', '@'])
        .next()?
        .trim();
    let words = name.split_whitespace().count();
    let plausible = (1..=3).contains(&words)
        && name.chars().count() <= 40
        && name.chars().next().is_some_and(char::is_alphabetic)
        // A label ("Release Date:", "Written by") or a dateline's word is no name.
        && !name.contains(':')
        && !is_nobody(name)
        && !is_author_label(name)
        && !DATELINE_WORDS.contains(&name.to_lowercase().as_str());
    plausible.then(|| name.to_string())
}

/// A block that only labels the next one as its author: "Written by", "Author(s):",
/// "Autor", "Par" standing alone, the name in the block that follows.
pub(crate) fn labels_the_next_block(text: &str) -> bool {
    let lower = text.trim().trim_end_matches([':', ' ']).to_lowercase();
    let lower = lower.replace("(s)", "s");
    // "Text:" introduces a credit inline, never a name on its own line.
    lower != "text" && (is_author_label(&lower) || is_author_label(lower.trim_end_matches('s')))
}

/// A word that is two glued together: a capital after four or more lower-case letters
/// ("ReyesView"), where names put one after one to three ("McDonald", "FitzGerald").
fn glued_words(word: &str) -> bool {
    let mut lower_run = 0;
    for c in word.chars() {
        if c.is_uppercase() && lower_run >= 4 {
            return true;
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    false
}

/// The names in a block that an author label introduces ([`labels_the_next_block`]): one or
/// two names of two to four capitalised words, nothing else.
pub(crate) fn labelled_names(text: &str) -> Vec<String> {
    let names: Vec<String> = class_names(&[text.to_string()])
        .into_iter()
        .map(|n| n.trim_end_matches([',', ';']).to_string())
        .collect();
    if names
        .iter()
        .any(|n| is_nobody(n) || is_author_label(n) || n.split(' ').any(glued_words))
    {
        return Vec::new();
    }
    names
}

/// "By", "Written by", "Autor": a word that introduces a name, standing alone.
fn is_author_label(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    AUTHOR_LABELS.contains(&lower.as_str())
        || AUTHOR_PREFIXES
            .iter()
            .any(|p| p.trim_end_matches([' ', ':']) == lower)
}

/// A bare label ("Staff", "Redaktion", "Written By", "The Author"), a date or a dateline
/// ("Updated January"), a number, or a template's unfilled placeholder
/// ("page.head.extra.author") where a name should be.
pub(crate) fn is_nobody(name: &str) -> bool {
    let name = name.trim();
    let lower = name.to_lowercase();
    let first_word = lower.split_whitespace().next().unwrap_or("");
    NO_PERSON.contains(&lower.as_str())
        || is_author_label(&lower)
        || lower.strip_prefix("the ").is_some_and(is_author_label)
        || !name.chars().any(char::is_alphabetic)
        || !name.contains(char::is_whitespace)
            && name.matches('.').count() >= 2
            && lower.contains("author")
        // A dateline's word ("updated", "publié"), not a short one that starts names too
        // ("de", "le"), nor a byline's ("Posted by").
        || first_word.chars().count() >= 5
            && DATELINE_WORDS.contains(&first_word)
            && !lower.contains(" by")
        || crate::dates::parse_date(name).is_some()
        || find_date(name).is_some()
}

/// Splits a page's authors into people and its organisation: an author that is the site
/// or its publisher (by name or host) is the organisation, and the author only when no
/// person signs; a date, a bare label ("Staff", "Redaktion") or punctuation is nobody.
pub(crate) fn people_and_organisations(
    authors: &[String],
    organisations: &[&str],
    host: Option<&str>,
) -> (Vec<String>, Option<String>) {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let orgs: Vec<String> = organisations.iter().map(|o| squash(o)).collect();
    let host_name = host.map(|h| squash(h.rsplit_once('.').map_or(h, |(name, _)| name)));
    let mut people = Vec::new();
    let mut organisation = None;
    for author in authors {
        // A mark the theme draws after the name ("Ana Ruiz ●", "Ana Ruiz, MD*") is no part
        // of it; read here, for the header only, so no block's verdict changes.
        let name = author
            .trim()
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !".)]'’\"”".contains(c))
            .trim_end();
        let key = squash(name);
        if key.is_empty() || is_nobody(name) {
            continue;
        }
        if orgs.contains(&key) || host_name.as_deref() == Some(key.as_str()) {
            organisation.get_or_insert_with(|| name.to_string());
            continue;
        }
        people.push(name.to_string());
    }
    // A page that credits only its site is signed by it: the site stays its author.
    if people.is_empty() {
        people.extend(organisation.clone());
    }
    (people, organisation)
}

/// Where the author names end: at the date, or at a separator or a dateline word.
fn names_end(rest: &str, date_start: Option<usize>) -> usize {
    let mut end = date_start.unwrap_or(rest.len()).min(rest.len());
    for sep in [
        " | ", " |", "|", " • ", " · ", " - ", " — ", " – ", "\t", " / ",
    ] {
        if let Some(i) = rest.find(sep) {
            end = end.min(i);
        }
    }
    let lower = rest.to_lowercase();
    for word in [
        " updated",
        " published",
        " posted",
        ", updated",
        ", published",
        " mis à jour",
        " publié",
        " aktualisiert",
        " veröffentlicht",
        " actualizado",
        " publicado",
        " обновлено",
        " опубликовано",
        " on ",
        " le ",
        " am ",
        " el ",
    ] {
        if let Some(i) = lower.find(word) {
            end = end.min(i);
        }
    }
    // Digits never belong to a name ("1 min read", "14:35").
    if let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
        end = end.min(i);
    }
    end
}

fn split_authors(names: &str) -> Vec<String> {
    let names = names
        .trim()
        .trim_end_matches([',', ';', ':', '.', '-', '|'])
        .trim();
    let mut out: Vec<String> = Vec::new();
    let mut parts = vec![names.to_string()];
    for sep in [
        " and ", " & ", ", ", "; ", " et ", " und ", " y ", " e ", " и ", " і ", " en ", " i ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>())
            .collect();
    }
    for part in parts {
        let name = part
            .trim()
            .trim_end_matches([',', '.', ';'])
            .trim()
            .to_string();
        let word_count = name.split_whitespace().count();
        if (1..=6).contains(&word_count) && !out.contains(&name) {
            out.push(name);
        }
    }
    // More than a handful of "authors" means this was a sentence, not a byline.
    if out.len() > 5 { Vec::new() } else { out }
}

/// A dateline is a date with at most a few dateline words around it.
fn is_dateline(text: &str, date: &FoundDate) -> bool {
    let before = text.get(..date.start).unwrap_or("");
    let after = text.get(date.end..).unwrap_or("");
    let others = before
        .split_whitespace()
        .chain(after.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphabetic))
        .filter(|w| !DATELINE_WORDS.contains(&w.as_str()))
        .count();
    others <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Option<Byline> {
        parse(text, text.split_whitespace().count())
    }

    #[test]
    fn english_byline_with_date_and_reading_time() {
        let b = parse_text("By Maria Gonzalez and Tom Hughes | June 2, 2022 6:05 AM · 4 min read")
            .unwrap();
        assert_eq!(b.authors, vec!["Maria Gonzalez", "Tom Hughes"]);
        assert_eq!(b.published.as_deref(), Some("2022-06-02T06:05"));
    }

    #[test]
    fn other_languages() {
        let fr = parse_text("Par Jean Dupont Publié le 3 février 2021 à 10h12").unwrap();
        assert_eq!(fr.authors, vec!["Jean Dupont"]);
        assert_eq!(fr.published.as_deref(), Some("2021-02-03T10:12"));
        let de = parse_text("Von Anna Schmidt, 17.03.2023").unwrap();
        assert_eq!(de.authors, vec!["Anna Schmidt"]);
        assert_eq!(de.published.as_deref(), Some("2023-03-17"));
        let es = parse_text("Por Lucía Fernández").unwrap();
        assert_eq!(es.authors, vec!["Lucía Fernández"]);
        let ru = parse_text("Автор: Иван Петров").unwrap();
        assert_eq!(ru.authors, vec!["Иван Петров"]);
    }

    #[test]
    fn datelines_without_author() {
        let b = parse_text("Updated 9 Jan 2024, 14:35 GMT").unwrap();
        assert!(b.authors.is_empty());
        assert_eq!(b.published.as_deref(), Some("2024-01-09T14:35Z"));
        assert!(parse_text("Aktualisiert am 05.06.2021 um 17:40 Uhr").is_some());
    }

    #[test]
    fn people_apart_from_organisations_labels_and_dates() {
        let authors: Vec<String> = [
            "Ana López",
            "El Diario",
            "Redaktion",
            "Staff",
            "undefined",
            "2024-03-05",
            "9 janvier 2024",
            "examplenews",
            "Jean Dupont",
        ]
        .map(String::from)
        .to_vec();
        let (people, org) =
            people_and_organisations(&authors, &["El Diario"], Some("examplenews.com"));
        assert_eq!(people, ["Ana López", "Jean Dupont"]);
        assert_eq!(org.as_deref(), Some("El Diario"));
        // The host alone names the organisation; signing alone, it stays the author.
        let (people, org) =
            people_and_organisations(&["ExampleNews".into()], &[], Some("examplenews.com"));
        assert_eq!(people, ["ExampleNews"]);
        assert_eq!(org.as_deref(), Some("ExampleNews"));
    }

    #[test]
    fn author_classes() {
        for class in [
            "author",
            "post-author vcard",
            "author-name",
            "authorName",
            "the-author",
            "c-byline__name",
            "meta byline",
        ] {
            assert!(names_an_author(class), "{class}");
        }
        for class in [
            "author-box",
            "author-bio",
            "comment-author",
            "authors-list",
            "author-avatar",
            "review-author",
            "x",
        ] {
            assert!(!names_an_author(class), "{class}");
        }
    }

    #[test]
    fn markup_names_from_bios_and_reputation_lines() {
        let texts = [
            "Ana Ruiz Ana Ruiz is a reporter who covers housing.",
            "Written by Tom Roe",
        ]
        .map(String::from);
        assert_eq!(markup_names(&texts), ["Ana Ruiz", "Tom Roe"]);
        let thread = ["kumiko 159 1 silver badge", "Mike", "Joe", "Ann"].map(String::from);
        assert_eq!(markup_names(&thread), ["kumiko"]);
    }

    #[test]
    fn class_names_are_held_to_more() {
        let texts = ["Feb", "Ann K.", "Marta Gómez Ruiz Marta Gómez Ruiz"].map(String::from);
        assert_eq!(class_names(&texts), ["Marta Gómez Ruiz"]);
        let listing = ["Ana Ruiz", "Tom Roe", "Li Wei"].map(String::from);
        assert!(class_names(&listing).is_empty());
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert_eq!(parse_text("by the way, nothing happened"), None);
        assert_eq!(
            parse_text("The treaty was signed on March 3, 2023 by both governments in Geneva."),
            None
        );
        assert_eq!(parse_text("Por qué la inflación no baja"), None);
    }
    #[test]
    fn forum_post_headers_give_the_poster() {
        assert_eq!(
            post_author("DaleJack September 5, 2024, 11:15pm 1").as_deref(),
            Some("DaleJack")
        );
        assert_eq!(
            post_author("by changingtimes » Sat Feb 24, 2024 12:41 pm").as_deref(),
            Some("changingtimes")
        );
        assert_eq!(
            post_author("Von kiezkind | 3. März 2024, 09:12").as_deref(),
            Some("kiezkind")
        );
        assert_eq!(post_author("ana_k").as_deref(), Some("ana_k"));
        // No name: a date alone, a label, a sentence.
        assert_eq!(post_author("Posted September 5, 2024"), None);
        assert_eq!(post_author("Admin · 5 septembre 2024"), None);
        assert_eq!(post_author("Written By"), None);
        assert_eq!(post_author("1 Votes Jan 3, 2024"), None);
        assert_eq!(post_author("Release Date: Dec 5, 2019"), None);
        assert_eq!(
            post_author("I think the second option is better for most people"),
            None
        );
    }

    #[test]
    fn a_bare_name_is_two_to_four_capitalised_words() {
        assert_eq!(bare_name(" Ana  Ruiz ").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            bare_name("Jean-Luc Dupont").as_deref(),
            Some("Jean-Luc Dupont")
        );
        assert_eq!(bare_name("Олена Коваль").as_deref(), Some("Олена Коваль"));
        // A handle, a label, a sentence, a date, a role, a lower-case compound: no name.
        assert_eq!(bare_name("Ana"), None);
        assert_eq!(bare_name("Written By"), None);
        assert_eq!(bare_name("Read the full story"), None);
        assert_eq!(bare_name("March 3, 2024"), None);
        assert_eq!(bare_name("Ana Ruiz, Senior Writer at Example"), None);
        assert_eq!(bare_name("Note-taking Tool"), None);
        assert_eq!(bare_name("Rosa ReyesView More Articles"), None);
        assert_eq!(
            bare_name("Ciara McDonald").as_deref(),
            Some("Ciara McDonald")
        );
    }

    #[test]
    fn a_mark_drawn_after_the_name_is_no_part_of_it() {
        let authors: Vec<String> = ["Meera Pillai ●", "Ana Ruiz, MD*", "Jean Dupont (AFP)"]
            .map(String::from)
            .to_vec();
        let (people, _) = people_and_organisations(&authors, &[], None);
        assert_eq!(
            people,
            ["Meera Pillai", "Ana Ruiz, MD", "Jean Dupont (AFP)"]
        );
    }

    #[test]
    fn labels_numbers_datelines_and_placeholders_are_nobody() {
        for text in [
            "Staff",
            "Written By",
            "The Author",
            "Autor",
            "262588213843476",
            "page.head.extra.author",
            "Updated January",
            "Aktualisiert Januar",
            "12 mars 2024",
        ] {
            assert!(is_nobody(text), "{text}");
        }
        for name in [
            "Ana Ruiz",
            "sara.r.peter",
            "b.scherer",
            "Le Thi Hoa",
            "De Vries",
        ] {
            assert!(!is_nobody(name), "{name}");
        }
    }

    #[test]
    fn an_author_label_on_its_own_line_introduces_the_next() {
        for label in [
            "Written by",
            "WRITTEN BY",
            "Author(s):",
            "Authors",
            "Autor",
            "Par",
        ] {
            assert!(labels_the_next_block(label), "{label}");
        }
        for text in ["Text:", "Share", "Written by Ana Ruiz", "Photo"] {
            assert!(!labels_the_next_block(text), "{text}");
        }
        assert_eq!(labelled_names("Edzel Tabing"), ["Edzel Tabing"]);
        assert_eq!(labelled_names("The Team, edited by Walter"), ["The Team"]);
        assert!(labelled_names("Staff").is_empty());
        assert!(labelled_names("12 min read").is_empty());
    }
}

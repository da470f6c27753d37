//! Bylines and datelines: "By Jane Doe | March 3, 2023", "Par Jean Dupont, publié le …",
//! "Von Max Muster, 17.03.2023", "Автор: Иван Петров", "Updated 9 Jan 2024, 14:35"; and
//! which of a page's authors are people and which its organisation.

use std::sync::LazyLock;

use crate::dates::{FoundDate, find_date};
use crate::lang;
use crate::words::squash;

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
    if is_dateline(text, &date) {
        return Some(Byline {
            authors: Vec::new(),
            published: Some(date.iso),
        });
    }
    let authors = dateline_then_names(text, &date);
    (!authors.is_empty()).then_some(Byline {
        authors,
        published: Some(date.iso),
    })
}

/// The people a dateline introduces after its date ("Posted on March 3, 2023 by Ana Ruiz",
/// "Publié le 9 janvier 2024 par Jean Dupont"): only dateline words before the date, then
/// an author prefix and names, as a WordPress theme closes or opens a post. Not an update's
/// ("Last updated on … by …" names an editor, as documentation pages do).
fn dateline_then_names(text: &str, date: &FoundDate) -> Vec<String> {
    if !only_dateline_words(text.get(..date.start).unwrap_or(""), false) {
        return Vec::new();
    }
    let after = after_date(text, date);
    let lower = after.to_lowercase();
    let Some(prefix) = AUTHOR_PREFIXES.iter().find(|p| lower.starts_with(**p)) else {
        return Vec::new();
    };
    let rest = after.get(prefix.len()..).unwrap_or("").trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    split_authors(rest.get(..names_end(rest, None)).unwrap_or(rest))
        .iter()
        .filter_map(|name| person_name(name))
        .collect()
}

/// Every word of `before` (what stands before a date) is a dateline word ("Posted on",
/// "Publié le"); with `updates` false, none says the date is an update's ("Last updated").
fn only_dateline_words(before: &str, updates: bool) -> bool {
    before.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty()
            || DATELINE_WORDS.contains(&w.as_str())
                && (updates || !UPDATE_WORDS.contains(&w.as_str()))
    })
}

/// What follows `date` in `text`, less the separators a meta line sets after a date.
fn after_date<'t>(text: &'t str, date: &FoundDate) -> &'t str {
    text.get(date.end..)
        .unwrap_or("")
        .trim_start_matches(|c: char| c.is_whitespace() || "·|•—–-,".contains(c))
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
    "redação",
    "redacção",
    "redazione",
    "redactie",
    "redakcja",
    "redakce",
    "redaksi",
    "toimitus",
    "редакция",
    "редакція",
];

/// Words that address the reader, lower case: a button's or a form's label ("Write your
/// review", "Votre nom", "Deine Meinung") where a name should be; no name holds one. (Not
/// the short ones that are also names: "Tu", "Ta".)
const ADDRESSING_THE_READER: &[&str] = &[
    "you", "your", "yours", "votre", "vos", "dein", "deine", "deinen", "euer", "eure", "tuo",
    "tua", "tuoi", "vostro", "vostra", "tus", "vuestro", "vuestra",
];

/// Card labels that introduce the author, lower case.
/// No author label or prefix is longer than this (with "(s)" and a colon).
const AUTHOR_LABEL_MAX_BYTES: usize = 64;

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

/// Where a line of an author element's text ends (a block element or a `<br>`), as the
/// front end writes it into the element's captured text.
pub(crate) const LINE_END: char = '\u{2029}';

/// Names from author elements (`rel=author`, `itemprop=author`), whose text may run on
/// into a bio or a reputation line ("Ana Ruiz Ana Ruiz is a reporter…", "ana 1,234 badges"):
/// the capitalised words before any digit or lower-case word, a doubled name once. Many
/// distinct names are a thread's repliers: then the first only, the post's author.
pub(crate) fn markup_names(texts: &[String]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        // A name set on a line of its own (a block or a `<br>` after it) ends there; a
        // line of one word may be a label ("By") or half a name set in two blocks.
        // (A label on its own line, "Written by", is no name: the next line holds it.)
        let first = text
            .split(LINE_END)
            .find(|line| {
                let line = line.trim();
                !line.is_empty() && !is_author_label(line.trim_end_matches(':'))
            })
            .unwrap_or("");
        let text = if first.split_whitespace().nth(1).is_some() {
            first.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            // (`LINE_END` is white space.)
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let text = without_author_prefix(&text);
        let mut words: Vec<&str> = Vec::new();
        for (i, word) in text.split(' ').enumerate() {
            let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
            if word.chars().any(|c| c.is_ascii_digit()) || i > 0 && !starts_upper {
                // A date glued after the name ("Supermove" / "February 8, 2022" set as
                // elements with no space between): its month is no part of the name.
                if word.starts_with(|c: char| c.is_ascii_digit())
                    && words.last().is_some_and(|w| crate::dates::is_month(w))
                {
                    words.pop();
                    // … and so are the dateline's words before it ("Ana Ruiz" / "Updated
                    // March 3, 2024").
                    while words.len() > 1
                        && words
                            .last()
                            .is_some_and(|w| DATELINE_WORDS.contains(&w.to_lowercase().as_str()))
                    {
                        words.pop();
                    }
                }
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
    // Labels are short (test `author_labels_are_short`): a longer block is no label, and
    // needs no lower-casing (the header's last resort asks of every block).
    if text.trim().len() > AUTHOR_LABEL_MAX_BYTES {
        return false;
    }
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
/// ("Updated January"), a number, a template's unfilled placeholder
/// ("page.head.extra.author") or words to the reader ("Write your review") where a name
/// should be.
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
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| ADDRESSING_THE_READER.contains(&word))
}

/// Splits a page's authors into people and its organisation: an author that is the site
/// or its publisher (by name or host) is the organisation, and the author only when no
/// person signs; a date, a bare label ("Staff", "Redaktion") or punctuation is nobody.
pub(crate) fn people_and_organisations(
    authors: &[String],
    organisations: &[&str],
    host: Option<&str>,
) -> (Vec<String>, Option<String>) {
    let orgs: Vec<String> = organisations.iter().map(|o| squash(o)).collect();
    let host_name = host.map(|h| squash(h.rsplit_once('.').map_or(h, |(name, _)| name)));
    let mut people = Vec::new();
    let mut organisation = None;
    for author in authors {
        // A mark the theme draws after the name ("Ana Ruiz ●", "Ana Ruiz, MD*") is no part
        // of it; read here, for the header only, so no block's verdict changes.
        let name = tidy_name(
            author
                .trim()
                .trim_end_matches(|c: char| !c.is_alphanumeric() && !".)]'’\"”".contains(c))
                .trim_end(),
        );
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
    // One person credited twice, once with an affiliation ("Ana Ruiz", "Ana Ruiz, CNN"):
    // the bare name stays.
    let bare: Vec<String> = people.clone();
    people.retain(|name| {
        !name.split_once(", ").is_some_and(|(before, _)| {
            bare.iter()
                .any(|other| other != name && other.eq_ignore_ascii_case(before))
        })
    });
    let mut seen: Vec<String> = Vec::new();
    people.retain(|name| {
        let key = squash(name);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    // A page that credits only its site is signed by it: the site stays its author.
    if people.is_empty() {
        people.extend(organisation.clone());
    }
    (people, organisation)
}

/// A name as the header gives it: without the label a page wrote before it ("Written By:
/// Tom May", "Posted by: Kim") or the quotes around it. (A one-word prefix needs its colon:
/// "Von Miller" is a name.)
fn tidy_name(name: &str) -> &str {
    let mut name = name.trim();
    let lower = name.to_lowercase();
    for prefix in AUTHOR_PREFIXES.iter() {
        let label = prefix.trim_end().trim_end_matches(':').trim_end();
        let Some(after) = lower.strip_prefix(label) else {
            continue;
        };
        let colon = after.trim_start().starts_with(':');
        let multiword = label.contains(' ');
        if (colon || multiword && after.starts_with(' ')) && name.is_char_boundary(label.len()) {
            let rest = name
                .get(label.len()..)
                .unwrap_or("")
                .trim_start()
                .trim_start_matches(':')
                .trim_start();
            if rest.chars().next().is_some_and(char::is_alphabetic) {
                name = rest;
            }
            break;
        }
    }
    const QUOTES: [char; 7] = ['"', '“', '”', '«', '»', '„', '\''];
    if name.starts_with(QUOTES) && name.ends_with(QUOTES) && name.chars().count() > 2 {
        name = name.trim_matches(QUOTES).trim();
    }
    name
}

/// Where the author names end: at the date, or at a separator or a dateline word.
fn names_end(rest: &str, date_start: Option<usize>) -> usize {
    let mut end = date_start.unwrap_or(rest.len()).min(rest.len());
    for sep in [
        " | ", " |", "|", " • ", " · ", " ⋅ ", " ∙ ", " - ", " — ", " – ", "\t", " / ",
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
    // "By Ana Ruiz In" where the category's link held an icon, no text.
    if lower.trim_end().ends_with(" in") {
        end = end.min(lower.trim_end().len() - 3);
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

/// Words of a dateline that says when the page was updated or checked, not published.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "last",
    "checked",
    "reviewed",
    "mis",
    "modifié",
    "aktualisiert",
    "stand",
    "actualizado",
    "обновлено",
    "оновлено",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "zaktualizowano",
];

/// Whether the last words of `text` say that what follows is an update's date ("This page
/// was last modified on", "Updated:", "Stand:"): within its last [`UPDATE_REACH_WORDS`]
/// words.
pub(crate) fn ends_with_update_words(text: &str) -> bool {
    text.split_whitespace()
        .rev()
        .take(UPDATE_REACH_WORDS)
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            UPDATE_WORDS.contains(&w.as_str())
        })
}

/// How far before a date [`ends_with_update_words`] looks.
const UPDATE_REACH_WORDS: usize = 4;

/// How a line of the header's last resort presents its date ([`crate::dates::find_date_in_spaced`]
/// on `spaced`): `Some(true)` when dateline words introduce it ("Posted on April 13, 2023",
/// "Publié le 3 mars 2024", "Published:" then the date), `Some(false)` when the date stands
/// alone, `None` when it is no publication's: an update's or a check's ("Last updated …"),
/// or other words before it ("Top models on …").
pub(crate) fn publication_dateline(spaced: &str, date: &FoundDate) -> Option<bool> {
    let words: Vec<String> = spaced
        .get(..date.start)
        .unwrap_or("")
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let dateline = words
        .iter()
        .all(|w| DATELINE_WORDS.contains(&w.as_str()) && !UPDATE_WORDS.contains(&w.as_str()));
    dateline.then_some(!words.is_empty())
}

/// The names a dateline gives after its date ("Published August 7, 2023 by Ana Ruiz",
/// "Dec. 19, 2025 · Ana Ruiz", "Dec 17, 2025Ana Ruiz" glued): only dateline words before
/// the date; after it a name introduced ("by …") or of two to four capitalised words. For
/// the header only: the classifier's bylines start with their author prefix.
pub(crate) fn names_after_date(text: &str, order: crate::dates::SlashOrder) -> Vec<String> {
    let spaced = crate::dates::spaced_glued(text);
    let Some(date) = crate::dates::find_date_in_spaced(&spaced, order) else {
        return Vec::new();
    };
    let before = spaced.get(..date.start).unwrap_or("");
    if !only_dateline_words(before, true) {
        return name_role_date(before).into_iter().collect();
    }
    let after = after_date(&spaced, &date);
    let rest = without_author_prefix(after);
    let introduced = rest.len() < after.len();
    if !rest.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    let names = split_authors(rest.get(..names_end(rest, None)).unwrap_or(rest));
    // Without "by", one name of two to four words and nothing else: a list after a date
    // ("Tony Carter All, Books, Kit Reviews") is the post's categories.
    if !introduced && names.len() != 1 {
        return Vec::new();
    }
    names
        .iter()
        .filter_map(|name| person_name(name))
        .filter(|name| introduced || (2..=4).contains(&name.split(' ').count()))
        .collect()
}

/// A meta line that names, then describes, then dates ("Aaron Ricadela | Senior Writer |
/// July 2, 2025"): `before` is what stands before the date; its first of three or more
/// segments a name of two to four capitalised words, the others short.
fn name_role_date(before: &str) -> Option<String> {
    let segments: Vec<&str> = before.split(['|', '·', '•']).map(str::trim).collect();
    let [name, roles @ .., last] = segments.as_slice() else {
        return None;
    };
    if roles.is_empty() || !last.is_empty() {
        return None;
    }
    let short = |s: &&str| (1..=4).contains(&s.split_whitespace().count());
    let name = person_name(name)?;
    ((2..=4).contains(&name.split(' ').count()) && roles.iter().all(short)).then_some(name)
}

/// Lower-case particles of people's names ("Ana de la Cruz", "Jan van Dijk").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "di", "la", "le", "van",
    "von", "bin", "ibn", "al", "el", "y",
];

/// `name` as a person's name reads: capitalised words (and particles), one trailing
/// lower-case word ("David at") dropped; `None` for a phrase ("Anchor for Resistance
/// Bands", "Extension horticulture educators").
pub(crate) fn person_name(name: &str) -> Option<String> {
    let lower = |w: &&str| !w.chars().next().is_some_and(char::is_uppercase);
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.last().is_some_and(lower) {
        words.pop();
    }
    let phrase = words
        .iter()
        .any(|w| lower(w) && !NAME_PARTICLES.contains(w));
    (!words.is_empty() && words.len() <= 5 && !phrase && !is_nobody(name)).then(|| words.join(" "))
}

/// The names a byline introduces ("By Ana Ruiz", "Written by …", "Von …", "Posted on
/// March 3, 2023 by …"), none for any other block.
pub(crate) fn introduced_names(text: &str, words: usize) -> Vec<String> {
    parse(text, words).map(|b| b.authors).unwrap_or_default()
}

/// Path words of an author's page on a site (`/author/ana-ruiz/`, `/autor/jan-novak`,
/// `/auteurs/marie-dupont`), lower case.
const AUTHOR_PAGE_SEGMENTS: &[&str] = &[
    "author",
    "authors",
    "writer",
    "writers",
    "contributor",
    "contributors",
    "columnist",
    "columnists",
    "autor",
    "autoren",
    "autores",
    "autorzy",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "redakteur",
    "avtor",
];

/// A link to an author's page: a path segment that names one, followed by the page's own
/// segment (`/author/ana-ruiz`), not the index of all authors (`/authors/`).
pub(crate) fn links_an_author_page(href: &[u8]) -> bool {
    author_page(href).is_some()
}

/// The segment that names the author in a link to their page ("ana-ruiz" of
/// `/author/ana-ruiz/`): the same for the page's relative and absolute links.
///
/// Every `href` of every link passes here (the pre-pass asks which to keep): the path and
/// its segments are found with `memchr`, not byte by byte.
fn author_page(href: &[u8]) -> Option<&[u8]> {
    let path = href.get(..memchr::memchr2(b'?', b'#', href).unwrap_or(href.len()))?;
    let mut slashes = memchr::memchr_iter(b'/', path);
    let mut start = 0;
    loop {
        let stop = slashes.next().unwrap_or(path.len());
        let segment = path.get(start..stop)?;
        // Compared only where the length and first letter could match (most never do).
        let may_be = (5..=12).contains(&segment.len())
            && segment.first().is_some_and(|c| b"acrwACRW".contains(c));
        if may_be
            && AUTHOR_PAGE_SEGMENTS
                .iter()
                .any(|word| segment.eq_ignore_ascii_case(word.as_bytes()))
        {
            // The next segment, if there is one and it is not empty.
            if stop == path.len() {
                return None;
            }
            let next_stop = slashes.next().unwrap_or(path.len());
            return path
                .get(stop + 1..next_stop)
                .filter(|next| !next.is_empty());
        }
        if stop == path.len() {
            return None;
        }
        start = stop + 1;
    }
}

/// Names from links to author pages ([`links_an_author_page`]), `(href, text)` in page
/// order: per author page the first link whose whole text is a name ("Ana Ruiz", "By Ana
/// Ruiz", a handle) — not the calls that link it again ("View More Articles") — and none
/// when more than two authors are linked (a listing's teasers).
pub(crate) fn link_names(links: &[(String, String)]) -> Vec<String> {
    let mut pages: Vec<&[u8]> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for (href, text) in links {
        let Some(page) = author_page(href.as_bytes()) else {
            continue;
        };
        if pages.contains(&page) {
            continue;
        }
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = without_author_prefix(&text);
        let Some(name) = markup_names(&[text.to_string()]).into_iter().next() else {
            continue;
        };
        // "More By This Contributor": a call in title case (English writes them so), no
        // name; lower-case words ("Articles by Ana", "Ursula von der Leyen") already
        // end the name `markup_names` reads, short of the whole text.
        let call = text.split(' ').any(|word| word == "By");
        if name == text && !call && !is_nobody(&name) {
            pages.push(page);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if pages.len() > 2 { Vec::new() } else { names }
}

#[cfg(test)]
mod tests;

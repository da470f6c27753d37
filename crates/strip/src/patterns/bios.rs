//! Author furniture: the opening sentence of an author's bio, and a line that is only an
//! e-mail address or a social handle.

use std::sync::LazyLock;

use super::{word_set, words};
use crate::anchored::AnchoredPattern;
use crate::lang::{self, Shape};
use crate::lexicon::WordSet;
use crate::uclass;

/// A line that is only an e-mail address or a social handle (an author's contact).
///
/// A scanner for the pattern
/// `^(?:[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}|@[A-Za-z0-9_]{2,30}|(?:\p{Lu}[\p{L}'’-]+\s+){1,3}@[A-Za-z0-9_]{2,30})$`
/// over the trimmed text: as a regex, its counted letter classes took 2 ms to compile.
pub(crate) fn is_contact_line(text: &str) -> bool {
    // Each of the three holds an '@': one search rules most blocks out.
    if memchr::memchr(b'@', text.as_bytes()).is_none() {
        return false;
    }
    let text = text.trim();
    is_email(text) || is_handle(text) || is_named_handle(text)
}

/// `[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}`, the whole text.
fn is_email(text: &str) -> bool {
    // The local part holds no '@', so the first '@' ends it.
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().all(|c| {
            uclass::is_letter(c) || uclass::is_number(c) || matches!(c, '.' | '_' | '%' | '+' | '-')
        });
    let domain_ok = domain
        .chars()
        .all(|c| uclass::is_letter(c) || uclass::is_number(c) || matches!(c, '.' | '-'));
    // The top-level domain holds no '.': it follows the last one, after a non-empty name.
    let tld_ok = domain.rfind('.').is_some_and(|dot| {
        dot > 0
            && domain
                .get(dot + 1..)
                .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(uclass::is_letter))
    });
    local_ok && domain_ok && tld_ok
}

/// `@[A-Za-z0-9_]{2,30}`, the whole text.
fn is_handle(text: &str) -> bool {
    text.strip_prefix('@').is_some_and(|name| {
        (2..=30).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    })
}

/// `(?:\p{Lu}[\p{L}'’-]+\s+){1,3}` and a handle, the whole text: "Jane Doe @janedoe".
fn is_named_handle(text: &str) -> bool {
    let mut pos = 0;
    for _ in 0..3 {
        let Some((word, next)) = token_then_space(text, pos) else {
            return false;
        };
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(uclass::is_upper)
            && !chars.as_str().is_empty()
            && chars.all(|c| uclass::is_letter(c) || matches!(c, '\'' | '’' | '-'));
        if !capitalised {
            return false;
        }
        pos = next;
        if text.get(pos..).is_some_and(is_handle) {
            return true;
        }
    }
    false
}

/// The role words of a bio, matched case-insensitively at the start of a word. The rest of
/// the bio's shape is checked by [`is_bio_sentence`]'s scanner.
static BIO_ROLE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(r"^(?i:{})", lang::alternation(Shape::BioRole)))
});

/// Verbs (and dashes) between a bio's name and its role ([`Shape::BioVerb`]).
static BIO_VERBS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::BioVerb));

/// Articles that may stand before a bio's role ([`Shape::BioArticle`]).
static BIO_ARTICLES: LazyLock<WordSet> = LazyLock::new(|| word_set(Shape::BioArticle));

/// "Jane Doe is a reporter for …", "Max Muster ist Redakteur …": the opening of an author
/// biography. Only meaningful after the article has ended.
///
/// A scanner for the pattern
/// `^(?:\p{Lu}[\p{L}.'’-]+\s+){1,3}(?:VERBS)\s+(?:ARTICLE\s+)?(?:[\p{L}'’-]+\s+){0,8}?ROLE`
/// (verbs [`BIO_VERBS`], articles [`BIO_ARTICLES`], roles [`BIO_ROLE`]): as a regex, its
/// counted letter classes took some 4 ms to compile, more than any other pattern.
pub(crate) fn is_bio_sentence(text: &str) -> bool {
    bio_subject(text).is_some()
}

/// The name a bio opens with ([`is_bio_sentence`]): "Jane Doe" of "Jane Doe is a reporter
/// for …".
pub(crate) fn bio_subject(text: &str) -> Option<&str> {
    let role = &*BIO_ROLE;
    // One to three capitalised words, each a whole token followed by white space.
    let mut pos = 0;
    for _ in 0..3 {
        let (word, next) = token_then_space(text, pos)?;
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(uclass::is_upper)
            && !chars.as_str().is_empty()
            && chars.all(|c| uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-'));
        if !capitalised {
            return None;
        }
        let name_end = pos + word.len();
        pos = next;
        if bio_after_name(text, pos, role) {
            return text.get(..name_end);
        }
    }
    None
}

/// Words that open the heading of a box about someone ([`Shape::AboutWord`]).
static ABOUT_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::AboutWord));

/// Most words in an "About Jane Doe" heading.
const ABOUT_HEADING_MAX_WORDS: usize = 6;
/// Most words in its name.
const ABOUT_NAME_MAX_WORDS: usize = 4;

/// "About Jane Doe", "Sobre Carlos Nadalim", "Über Acme Media": a short line of an about
/// word ([`Shape::AboutWord`]) and one to four capitalised words, which it returns (the box's
/// subject). Not "About the author" (the lexicon's) nor "About this recipe".
pub(crate) fn about_subject(text: &str, words: usize) -> Option<&str> {
    if words > ABOUT_HEADING_MAX_WORDS {
        return None;
    }
    let text = text.trim();
    // A sentence ends; a heading does not.
    if text.ends_with(['.', '!', '?']) {
        return None;
    }
    let name = ABOUT_WORDS.iter().find_map(|about| {
        let head = text.get(..about.len())?;
        let rest = text.get(about.len()..)?;
        let space = uclass::space_run(rest);
        (head.to_lowercase() == *about && space > 0).then(|| rest.get(space..).unwrap_or(""))
    })?;
    let count = name.split_whitespace().count();
    let capitalised = name.split_whitespace().all(|word| {
        let mut chars = word.chars();
        chars.next().is_some_and(uclass::is_upper)
            && chars.all(|c| uclass::is_letter(c) || matches!(c, '.' | '\'' | '’' | '-'))
    });
    ((1..=ABOUT_NAME_MAX_WORDS).contains(&count) && capitalised).then_some(name)
}

/// The token at `pos` (up to white space) and where the white space after it ends, when some
/// white space follows it.
fn token_then_space(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.get(pos..)?;
    let token_len = uclass::token_run(rest);
    let space_len = uclass::space_run(rest.get(token_len..)?);
    (token_len > 0 && space_len > 0).then(|| {
        (
            rest.get(..token_len).unwrap_or(""),
            pos + token_len + space_len,
        )
    })
}

/// The part of a bio after the name: a verb, maybe an article, up to eight words, a role.
fn bio_after_name(text: &str, pos: usize, role: &AnchoredPattern) -> bool {
    let Some(rest) = text.get(pos..) else {
        return false;
    };
    BIO_VERBS.iter().any(|verb| {
        let Some(after) = rest.strip_prefix(verb) else {
            return false;
        };
        let space = uclass::space_run(after);
        if space == 0 {
            return false;
        }
        let pos = pos + verb.len() + space;
        // The article is optional: with it taken, one more word fits before the role.
        let with_article = token_then_space(text, pos).is_some_and(|(token, next)| {
            BIO_ARTICLES.contains(token) && bio_role_within(text, next, role)
        });
        with_article || bio_role_within(text, pos, role)
    })
}

/// A role starts after at most eight words (letters, apostrophes, hyphens) from `pos`.
fn bio_role_within(text: &str, mut pos: usize, role: &AnchoredPattern) -> bool {
    for words in 0..=8 {
        if text.get(pos..).is_some_and(|rest| role.is_match(rest)) {
            return true;
        }
        if words == 8 {
            break;
        }
        match token_then_space(text, pos) {
            Some((word, next))
                if word
                    .chars()
                    .all(|c| uclass::is_letter(c) || matches!(c, '\'' | '’' | '-')) =>
            {
                pos = next;
            }
            _ => return false,
        }
    }
    false
}

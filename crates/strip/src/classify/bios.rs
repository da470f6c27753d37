//! Pass 6c, closing bios: the article's last paragraphs that open with the name of its author
//! ("Jane Doe is a health reporter …", "Jane Doe, a writer for …") are the author's
//! biography, told by the byline's name, in any language.

use super::tuning::{BIO_MAX_WORDS, BIO_ROLE_MAX_WORDS, BIO_TAIL_BLOCKS};
use super::{Item, Verdict, kept_indices};
use crate::model::{BlockKind, Category};
use crate::patterns;
use crate::rules::Rule;

/// Among the last [`BIO_TAIL_BLOCKS`] kept blocks, a paragraph of at most [`BIO_MAX_WORDS`]
/// that opens with an author's full name (two words or more, as the byline gives it) is
/// that author's bio; so are the kept blocks after it that are as short as a role line
/// ("Contributing writer"), and the role line right before it.
///
/// Without a byline's name, a paragraph there that reads as a bio's opening ("Jane Doe is
/// a senior reporter …", [`patterns::bio_subject`]) about a person the article before it
/// never names is a bio too. Returns that person's name: the page's author when it gave
/// none.
pub(super) fn remove_closing_bios(items: &mut [Item], authors: &[String]) -> Option<String> {
    let names: Vec<&str> = authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.split_whitespace().count() >= 2)
        .collect();
    let kept = kept_indices(items);
    let tail = kept.len().saturating_sub(BIO_TAIL_BLOCKS);
    let bylined = kept
        .iter()
        .skip(tail)
        .position(|&i| {
            items
                .get(i)
                .is_some_and(|item| names.iter().any(|name| opens_with(item, name)))
        })
        .map(|p| p + tail);
    if let Some(first_bio) = bylined {
        remove_bio(items, &kept, first_bio, &names, Rule::AuthorBioNamed);
        return None;
    }
    if remove_about_box(items, &kept) {
        return None;
    }
    for position in tail..kept.len() {
        let Some(item) = kept.get(position).and_then(|&i| items.get(i)) else {
            continue;
        };
        let Some(subject) = patterns::bio_subject(&item.candidate.text)
            .filter(|name| name.split_whitespace().count() >= 2)
        else {
            continue;
        };
        if !opens_with(item, subject) {
            continue;
        }
        // A person the article speaks of ("… said Jane Doe") is in its story, not its bio.
        let named_before = kept.get(..position).unwrap_or(&[]).iter().any(|&i| {
            items
                .get(i)
                .is_some_and(|before| before.candidate.text.contains(subject))
        });
        if named_before {
            return None;
        }
        let subject = subject.to_string();
        return remove_bio(items, &kept, position, &[&subject], Rule::AuthorBioSentence)
            .then_some(subject);
    }
    None
}

/// Among the last [`BIO_TAIL_BLOCKS`] kept blocks, an "About Jane Doe" line
/// ([`patterns::about_subject`]: "Sobre Carlos Nadalim", "About Acme Media") opens a box
/// about the author or the publisher, when every kept block after it is a paragraph of at
/// most [`BIO_MAX_WORDS`] that names the subject (its last word, as written: "Norris" of
/// "Melissa K. Norris"; "This recipe is …" does not name "This Recipe"): the line and those
/// paragraphs go. Returns whether it found one.
fn remove_about_box(items: &mut [Item], kept: &[usize]) -> bool {
    let tail = kept.len().saturating_sub(BIO_TAIL_BLOCKS);
    for position in tail..kept.len() {
        let Some(&index) = kept.get(position) else {
            continue;
        };
        let Some(item) = items.get(index) else {
            continue;
        };
        let Some(subject) = patterns::about_subject(&item.candidate.text, item.stats.words) else {
            continue;
        };
        let after = kept.get(position + 1..).unwrap_or(&[]);
        let about_subject = |block: &Item| {
            block.candidate.kind == BlockKind::Paragraph
                && block.stats.words <= BIO_MAX_WORDS
                && subject
                    .split_whitespace()
                    .last()
                    .is_some_and(|word| names_word(&block.candidate.text, word))
        };
        if !after
            .iter()
            .all(|&i| items.get(i).is_some_and(about_subject))
        {
            continue;
        }
        for &i in std::iter::once(&index).chain(after) {
            if let Some(block) = items.get_mut(i) {
                block.verdict = Verdict::Remove(Category::AuthorBio, Rule::AuthorBioAbout);
            }
        }
        return true;
    }
    false
}

/// Whether `text` holds `word` as a whole word, as written.
fn names_word(text: &str, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text.get(..at).and_then(|t| t.chars().next_back());
            let after = text.get(at + word.len()..).and_then(|t| t.chars().next());
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
}

/// A paragraph of at most [`BIO_MAX_WORDS`] that opens with `name` (the whole name, not
/// the start of a longer one).
fn opens_with(item: &Item, name: &str) -> bool {
    let text = item
        .candidate
        .text
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    item.candidate.kind == BlockKind::Paragraph
        && item.stats.words <= BIO_MAX_WORDS
        && text
            .strip_prefix(name)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// Removes the bio that starts at `kept[first_bio]` with the role line before it, when
/// everything kept from it on is bios of `names` or role lines (an article's own paragraph
/// after it means the name opened a paragraph of the article). Returns whether it did.
fn remove_bio(
    items: &mut [Item],
    kept: &[usize],
    first_bio: usize,
    names: &[&str],
    rule: Rule,
) -> bool {
    let role_line =
        |item: &Item| item.stats.words <= BIO_ROLE_MAX_WORDS && !item.stats.ends_sentence;
    let after = kept.get(first_bio..).unwrap_or(&[]);
    let all_bio = after.iter().all(|&i| {
        items
            .get(i)
            .is_some_and(|item| names.iter().any(|name| opens_with(item, name)) || role_line(item))
    });
    if !all_bio {
        return false;
    }
    let before = first_bio
        .checked_sub(1)
        .and_then(|p| kept.get(p).copied())
        .filter(|&i| items.get(i).is_some_and(role_line));
    for &i in before.iter().chain(after) {
        if let Some(item) = items.get_mut(i) {
            item.verdict = Verdict::Remove(Category::AuthorBio, rule);
        }
    }
    true
}

//! Pass 6c, closing bios: the article's last paragraphs that open with the name of its author
//! ("Jane Doe is a health reporter …", "Jane Doe, a writer for …") are the author's
//! biography, told by the byline's name, in any language.

use super::tuning::{BIO_MAX_WORDS, BIO_ROLE_MAX_WORDS, BIO_TAIL_BLOCKS};
use super::{Item, Verdict, kept_indices};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;

/// Among the last [`BIO_TAIL_BLOCKS`] kept blocks, a paragraph of at most [`BIO_MAX_WORDS`]
/// that opens with an author's full name (two words or more, as the byline gives it) is
/// that author's bio; so are the kept blocks after it that are as short as a role line
/// ("Contributing writer"), and the role line right before it.
pub(super) fn remove_closing_bios(items: &mut [Item], authors: &[String]) {
    let names: Vec<&str> = authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.split_whitespace().count() >= 2)
        .collect();
    if names.is_empty() {
        return;
    }
    let kept = kept_indices(items);
    let tail = kept.len().saturating_sub(BIO_TAIL_BLOCKS);
    let opens_with_name = |item: &Item| {
        let text = item
            .candidate
            .text
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        item.candidate.kind == BlockKind::Paragraph
            && item.stats.words <= BIO_MAX_WORDS
            && names.iter().any(|name| {
                text.strip_prefix(name).is_some_and(|rest| {
                    // The whole name, not the start of a longer one.
                    rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
                })
            })
    };
    let Some(first_bio) = kept
        .iter()
        .skip(tail)
        .position(|&i| items.get(i).is_some_and(opens_with_name))
        .map(|p| p + tail)
    else {
        return;
    };
    let role_line =
        |item: &Item| item.stats.words <= BIO_ROLE_MAX_WORDS && !item.stats.ends_sentence;
    // Everything from the first bio on must be bios or role lines: an article's own
    // paragraph after it means the name opened a paragraph of the article.
    let after = kept.get(first_bio..).unwrap_or(&[]);
    let all_bio = after.iter().all(|&i| {
        items
            .get(i)
            .is_some_and(|item| opens_with_name(item) || role_line(item))
    });
    if !all_bio {
        return;
    }
    let before = first_bio
        .checked_sub(1)
        .and_then(|p| kept.get(p).copied())
        .filter(|&i| items.get(i).is_some_and(role_line));
    for &i in before.iter().chain(after) {
        if let Some(item) = items.get_mut(i) {
            item.verdict = Verdict::Remove(Category::AuthorBio, Rule::AuthorBioNamed);
        }
    }
}

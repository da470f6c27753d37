//! Pass 1a, structure: what the front end placed in a boilerplate region or outside the
//! main content goes with the front end's reason (or a rule's more precise category); a
//! page whose prose is all in comment regions is a discussion, and its posts stay.

use super::tuning::{DISCUSSION_MAX_ARTICLE_WORDS, DISCUSSION_MIN_WORDS, DISCUSSION_OUTWEIGHS};
use super::wording::RuleHit;
use super::{Item, Verdict};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;

pub(super) fn apply_structure(items: &mut [Item], hits: &[RuleHit]) {
    for (item, &hit) in items.iter_mut().zip(hits) {
        if let Some(region) = item.candidate.region {
            // The block's own wording can name the category more precisely than its
            // container ("Most read" heading in a generic sidebar).
            item.verdict = match hit {
                Some(rule) if rule.category() != Category::Other => {
                    Verdict::Remove(rule.category(), rule)
                }
                _ => Verdict::Remove(region.category, region.rule),
            };
        } else if !item.candidate.in_main {
            let category = hit.map_or(Category::Other, Rule::category);
            item.verdict = Verdict::Remove(category, Rule::HtmlOutsideMain);
        }
    }
}

/// A page whose only substantial prose is in comment regions is a discussion (a forum
/// thread, a Q&A page): the discussion is its content, unless the page declares itself an
/// article and a comment section's heading or count stands before the comments (a short
/// post under its readers' comments). So is any page that declares itself a forum thread,
/// whatever its first post weighs.
pub(super) fn keep_discussion(
    items: &mut [Item],
    hits: &[RuleHit],
    declared: bool,
    declared_article: bool,
) -> bool {
    let in_comments =
        |item: &Item| matches!(item.candidate.region, Some(r) if r.category == Category::Comments);
    // The comment section's own heading ("36 Comments", "Leave a reply") before the first
    // comment: an article's comments, not a forum's posts.
    let first_comment = items.iter().position(|i| in_comments(i) && i.stats.good);
    // A heading that is only the section's label ("<h3>Comments</h3>") counts too; a label
    // that is no heading may be a "Reply" button.
    let headed = first_comment.is_some_and(|at| {
        items
            .iter()
            .zip(hits)
            .take(at)
            .any(|(item, hit)| match hit {
                Some(Rule::CommentsHeading | Rule::CommentsHeadingCount | Rule::CommentsCount) => {
                    true
                }
                Some(Rule::CommentsLabel) => item.candidate.kind == BlockKind::Heading,
                _ => false,
            })
    });
    // On a page that declares itself an article, comments under their section's heading are
    // the article's, however they outweigh a short one. (A forum may declare
    // `og:type=article` too; its posts rarely stand under a "12 Comments" heading.)
    let article_with_comments = declared_article && headed;
    let prose = |item: &Item| {
        if item.stats.good { item.stats.words } else { 0 }
    };
    let article: usize = items
        .iter()
        .filter(|i| i.verdict == Verdict::Undecided)
        .map(prose)
        .sum();
    let discussion: usize = items.iter().filter(|i| in_comments(i)).map(prose).sum();
    if declared && discussion > 0
        || !article_with_comments
            && discussion >= DISCUSSION_MIN_WORDS
            && discussion > DISCUSSION_OUTWEIGHS * article
            && article < DISCUSSION_MAX_ARTICLE_WORDS
    {
        for item in items.iter_mut().filter(|i| in_comments(i)) {
            item.verdict = Verdict::Undecided;
        }
        return true;
    }
    false
}

/// On a discussion page the next post's header opens no comment section: the posts are the
/// content.
pub(super) fn posts_open_no_section(items: &mut [Item]) {
    for item in items {
        if matches!(item.verdict, Verdict::Remove(Category::Comments, _)) {
            item.opens_section = false;
        }
    }
}

//! Pass 1a, structure: what the front end placed in a boilerplate region or outside the
//! main content goes with the front end's reason (or a rule's more precise category); a
//! page whose prose is all in comment regions is a discussion, and its posts stay.

use super::tuning::{
    DISCUSSION_MAX_ARTICLE_WORDS, DISCUSSION_MIN_WORDS, DISCUSSION_OUTWEIGHS,
    EXPLICIT_TAIL_MIN_WORDS,
};
use super::wording::RuleHit;
use super::{Item, Verdict};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;

/// The front end chose the readers' thread as the main container: the container opens
/// with the comments' heading, their count or a commenter's signature (the article's title
/// repeated aside), while the article's prose stands before it, outside it, under the page's
/// headline. (A short article over a long thread in markup without class names or HTML5
/// elements: the thread's prose outweighs the article's.) The blocks from the headline to the
/// container that no region claims count as inside it; the thread's heading then ends the
/// article as on any page. A container that opens otherwise (a forum's toolbar, its first
/// post) keeps the front end's choice.
pub(super) fn widen_main_over_thread(items: &mut [Item], hits: &[RuleHit]) {
    let Some(main_start) = items.iter().position(|i| i.candidate.in_main) else {
        return;
    };
    if main_start == 0 {
        return;
    }
    let opens_with_comments = items
        .iter()
        .zip(hits)
        .skip(main_start)
        .filter(|(item, _)| item.candidate.in_main)
        .find_map(|(item, hit)| match hit {
            Some(
                Rule::CommentsHeading
                | Rule::CommentsHeadingCount
                | Rule::CommentsCount
                | Rule::CommentsSignature,
            ) => Some(true),
            Some(Rule::CommentsLabel) if item.candidate.kind == BlockKind::Heading => Some(true),
            Some(rule) if rule.category() == Category::Title => None,
            _ if item.stats.words > 0 => Some(false),
            _ => None,
        })
        .unwrap_or(false);
    if !opens_with_comments {
        return;
    }
    // The article starts at the page's headline, the last level-1 heading before the
    // container (what stands above it is the site's); without one, at the top.
    let start = items
        .get(..main_start)
        .unwrap_or(&[])
        .iter()
        .rposition(|i| i.candidate.heading_level == 1)
        .unwrap_or(0);
    let unclaimed = |item: &Item| item.candidate.region.is_none();
    let prose: usize = items
        .get(start..main_start)
        .unwrap_or(&[])
        .iter()
        .filter(|item| unclaimed(item) && item.stats.good)
        .map(|item| item.stats.words)
        .sum();
    // As much prose as a comments heading needs to end an article it does not outweigh
    // (less would leave the thread the page's content all the same).
    if prose < EXPLICIT_TAIL_MIN_WORDS {
        return;
    }
    for item in items.iter_mut().take(main_start).skip(start) {
        if unclaimed(item) {
            item.candidate.in_main = true;
        }
    }
}

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
/// thread, a Q&A page): the discussion is its content, unless a comment section's heading
/// or count stands before the comments and the page declares itself an article, or its
/// main container holds the article's prose and none of the comments' (a short post under
/// its readers' comments). So is any page that declares itself a forum thread,
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
    // `og:type=article` too; its posts rarely stand under a "12 Comments" heading.) A page
    // that declares nothing (an older blog) says as much by its layout: its main container
    // holds the post's prose and none of the comments' (a forum's holds its posts).
    let main_holds_the_article = items
        .iter()
        .any(|i| i.verdict == Verdict::Undecided && i.stats.good && i.candidate.in_main)
        && items
            .iter()
            .filter(|i| in_comments(i) && i.stats.good)
            .all(|i| !i.candidate.in_main);
    let article_with_comments = (declared_article || main_holds_the_article) && headed;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::{Candidate, Region};

    fn block(text: &str, kind: BlockKind, in_main: bool, comment: bool) -> Item {
        let mut candidate = Candidate::new(text.to_string(), kind);
        candidate.in_main = in_main;
        candidate.region = comment.then_some(Region {
            category: Category::Comments,
            rule: Rule::HtmlClassComments,
        });
        Item::new(candidate)
    }

    /// A short post, its comments' heading, and eight comments that outweigh it four times
    /// over, on a page that declares nothing; the comments inside the main container or not.
    fn page(comments_in_main: bool) -> (Vec<Item>, Vec<RuleHit>) {
        let post = "The old garden bench finally got its coat of paint this weekend, after \
                    two days of sanding the slats by hand and filling the cracks with wood \
                    filler before the first of two coats went on.";
        let comment = "What a difference this makes! I have a bench just like this one in my \
                       garage and you have finally given me the push I needed to get it done \
                       before the summer is over, so thank you for writing it all down here.";
        let mut items = vec![
            block(post, BlockKind::Paragraph, true, false),
            block(post, BlockKind::Paragraph, true, false),
            block("Comments", BlockKind::Heading, comments_in_main, false),
        ];
        let mut hits = vec![None, None, Some(Rule::CommentsHeading)];
        for _ in 0..8 {
            items.push(block(comment, BlockKind::Paragraph, comments_in_main, true));
            hits.push(None);
        }
        apply_structure(&mut items, &hits);
        (items, hits)
    }

    #[test]
    fn comments_outside_the_main_container_are_the_posts_not_a_discussion() {
        let (mut items, hits) = page(false);
        assert!(!keep_discussion(&mut items, &hits, false, false));
        // A forum's main container holds its posts: they are the page's content.
        let (mut items, hits) = page(true);
        assert!(keep_discussion(&mut items, &hits, false, false));
        assert!(
            items
                .iter()
                .skip(3)
                .all(|item| item.verdict == Verdict::Undecided)
        );
    }
}

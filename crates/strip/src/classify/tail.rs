//! Pass 3a and 5b, the tail: the section heading that ends the article, and the sections
//! (inside the core and after the tail) that take the short lines under their heading.

use super::tuning::{
    EXPLICIT_TAIL_MIN_WORDS, MOSTLY_LINKS, POSTER_LINE_MAX_WORDS, POSTERS_REACH,
    RELATED_BOX_MAX_LINES, RESUME_BREAK_WORDS, RESUME_MIN_STEMS, RESUME_PARAGRAPH_RUN, RESUME_RUN,
    SECTION_HEADING_MAX_WORDS, a_quarter,
};
use super::{Item, Verdict, prose_words};
use crate::model::{BlockKind, Category};
use crate::patterns;
use crate::rules::Rule;
use crate::words::Stem;

/// The index of the section heading that ends the article, if one does: the first that
/// stands after some prose, with less prose after it than before it, and after which the
/// article does not resume.
pub(super) fn find_tail(items: &[Item]) -> Option<usize> {
    let plain_text = !super::shows_markup(items);
    let first_good = items.iter().position(|i| prose_words(i) > 0)?;
    let total: usize = items.iter().map(prose_words).sum();
    let mut before = 0;
    for (index, item) in items.iter().enumerate().skip(first_good) {
        if item.opens_section && before > 0 {
            let after = total - before;
            // A comment thread or a list of other stories may outweigh the article; an
            // explicit heading for one still ends it.
            let comments = matches!(
                item.verdict,
                Verdict::Remove(
                    _,
                    Rule::CommentsHeadingCount
                        | Rule::CommentsSignature
                        | Rule::CommentsPostMeta
                        | Rule::CommentsThread
                )
            );
            // In plain text a cluster of timestamps is the surest sign of a feed; HTML
            // pages (forums) carry timestamps in their content too.
            let feed = plain_text && matches!(item.verdict, Verdict::Remove(_, Rule::RelatedFeed));
            // "Related posts", "You may also like" as a heading of the page's own: a
            // label for a section of other stories. (Not "Read more: <headline>" in the
            // text: that is one link, and the article goes on after it.)
            let related = item.candidate.heading_level > 0
                && matches!(
                    item.verdict,
                    Verdict::Remove(
                        Category::Related,
                        Rule::RelatedLabel | Rule::RelatedHeadingShape | Rule::RelatedSiteMore
                    )
                );
            let related = related && !sections_resume(items, first_good, index);
            let explicit = (comments || feed || related) && before >= EXPLICIT_TAIL_MIN_WORDS;
            // A linked line ("Related: <headline>") followed by more of the article's own
            // (unlinked) section headings was a line inside the article.
            let inline_link = item.candidate.kind != BlockKind::Heading
                && item.candidate.link_density() > MOSTLY_LINKS;
            // Readers' comments speak of the article: under a heading that counts them,
            // with their posters' lines after it, sharing its words does not make them the
            // article going on.
            let counted_heading =
                matches!(item.verdict, Verdict::Remove(_, Rule::CommentsHeadingCount));
            let by_words = !(counted_heading && posters_follow(items, index))
                && article_resumes(items, first_good, index, plain_text);
            let resumes = by_words
                || inline_link && sections_resume(items, first_good, index)
                || resumes_after_box(items, index, plain_text);
            if (after < before || explicit) && !resumes {
                return Some(index);
            }
        }
        before += prose_words(item);
    }
    None
}

/// Do posters' lines (a name with a date, a timestamp) stand among the first blocks after
/// the comment heading at `marker`, two or more: the posts it announces.
fn posters_follow(items: &[Item], marker: usize) -> bool {
    items
        .iter()
        .skip(marker + 1)
        .take(POSTERS_REACH)
        .filter(|item| {
            !item.stats.good
                && item.stats.words <= POSTER_LINE_MAX_WORDS
                && crate::dates::find_date(&item.candidate.text).is_some()
        })
        .count()
        >= 2
}

/// Do the article's sections go on after `marker`: is there a heading after it at a level
/// the article's own headings used before it? A listicle's "You might like" box sits between
/// two of its sections.
fn sections_resume(items: &[Item], first_good: usize, marker: usize) -> bool {
    let section_heading = |item: &&Item| {
        item.verdict == Verdict::Undecided
            && item.candidate.heading_level > 0
            && item.stats.words <= SECTION_HEADING_MAX_WORDS
    };
    let levels: Vec<u8> = items
        .get(first_good..marker)
        .unwrap_or(&[])
        .iter()
        .filter(section_heading)
        .map(|item| item.candidate.heading_level)
        .collect();
    // After the marker, only unlinked headings: other stories' headlines are links.
    !levels.is_empty()
        && items
            .iter()
            .skip(marker + 1)
            .filter(section_heading)
            .any(|item| {
                item.candidate.link_chars == 0 && levels.contains(&item.candidate.heading_level)
            })
}

/// Does a paragraph follow the small box that the section heading at `marker` stands in
/// (the front end's [`crate::candidate::Candidate::inline_box`]), right after it or under a
/// subheading of the article's next section? The box closes the section.
/// In plain text a box is a group of lines, and a section's group may run on into what
/// follows it (an author's name and role over the bio): there only a donation appeal's or a
/// sign-up box's group counts, the furniture set into the middle of articles.
fn resumes_after_box(items: &[Item], marker: usize, plain_text: bool) -> bool {
    let set_into_articles = |item: &&Item| {
        !plain_text
            || matches!(
                item.verdict,
                Verdict::Remove(Category::Appeal | Category::Newsletter, _)
            )
    };
    items
        .get(marker)
        .filter(set_into_articles)
        .and_then(|item| item.candidate.inline_box)
        .and_then(|after| usize::try_from(after).ok())
        .map(|after| marker + after + 1)
        .is_some_and(|next| {
            let prose = |at: usize| items.get(at).is_some_and(|i| prose_words(i) > 0);
            // A subheading of words (not a rule drawn as one); plain text marks none, and
            // there it is a short line that ends no sentence.
            let subheading = items.get(next).is_some_and(|h| {
                !h.rule_hit
                    && (1..=SECTION_HEADING_MAX_WORDS).contains(&h.stats.words)
                    && if plain_text {
                        !h.stats.ends_sentence
                    } else {
                        h.candidate.kind == BlockKind::Heading
                    }
            });
            prose(next) || subheading && prose(next + 1)
        })
}

/// Does the article go on after the section heading at `marker`? It does when two prose
/// blocks in a row follow (short blocks between them aside) that share the vocabulary of
/// the prose before the heading. A donation appeal, an author bio or a feed of other
/// stories reads as prose too, but speaks of other things. A sign-up box or an appeal set
/// into the article further on (an inline box with prose right after it) is passed over: a
/// "More on this" box, a paragraph, then a donation box, and the article goes on.
/// After a box of other stories ("Related articles" and two linked headlines) set into the
/// article (or two such boxes, one under the other), [`RESUME_PARAGRAPH_RUN`] unlinked
/// paragraphs in a row right after its few lines,
/// none cut short, are the article too, whatever they speak of: a short lead before the box
/// gives too small a vocabulary to judge them by (HTML only: plain text shows no links to
/// tell a feed's headlines from paragraphs).
fn article_resumes(items: &[Item], first_good: usize, marker: usize, plain_text: bool) -> bool {
    let vocabulary: rustc_hash::FxHashSet<&Stem> = items
        .get(first_good..marker)
        .unwrap_or(&[])
        .iter()
        .filter(|i| prose_words(i) > 0)
        .flat_map(|i| i.stems().iter())
        .collect();
    let mut run = 0;
    // A sign-up box or a donation appeal, the furniture set into the middle of articles: the
    // lines of its box (the front end's inline box, else those a rule put in its category)
    // right after its heading are its own ("Your email", "Sign up") and open no section of
    // their own.
    let category = |item: &Item| match item.verdict {
        Verdict::Remove(category, _) if item.rule_hit => Some(category),
        _ => None,
    };
    let heading = items.get(marker);
    let box_category = heading
        .and_then(category)
        .filter(|c| matches!(c, Category::Newsletter | Category::Appeal));
    let box_end = heading
        .filter(|_| box_category.is_some())
        .and_then(|h| h.candidate.inline_box)
        .and_then(|after| usize::try_from(after).ok())
        .map_or(marker, |after| marker + after);
    let mut in_box = box_category.is_some();
    // Another such box further on, with the article's prose right after it, is furniture
    // set into the article too: its lines are passed over, neither prose nor a section.
    let inset_box_end = |index: usize| -> Option<usize> {
        let after = items.get(index)?.candidate.inline_box?;
        let end = index + usize::try_from(after).ok()?;
        let furniture = items.get(index..=end)?.iter().any(|i| {
            category(i).is_some_and(|c| matches!(c, Category::Newsletter | Category::Appeal))
        });
        let prose_after = items.get(end + 1).is_some_and(|next| prose_words(next) > 0);
        (furniture && prose_after).then_some(end)
    };
    let mut inset_end = 0;
    let after_related_box = !plain_text
        && heading.is_some_and(|h| matches!(h.verdict, Verdict::Remove(Category::Related, _)));
    let mut paragraphs = 0;
    // A second box of other stories right under the first ("Related" and two headlines,
    // twice over): the run is measured from its label.
    let mut related_box = marker;
    for (index, item) in items.iter().enumerate().skip(marker + 1) {
        if index <= box_end || index <= inset_end {
            continue;
        }
        in_box &= category(item) == box_category;
        if !in_box {
            if let Some(end) = inset_box_end(index) {
                inset_end = end;
                continue;
            }
        }
        if item.opens_section {
            if in_box {
                continue;
            }
            let another_related_box = after_related_box
                && paragraphs == 0
                && matches!(item.verdict, Verdict::Remove(Category::Related, _))
                && index <= related_box + 1 + RELATED_BOX_MAX_LINES;
            if another_related_box {
                related_box = index;
                continue;
            }
            return false;
        }
        // (A teaser cut short with "…" is another story's start, not the article's.)
        let paragraph = prose_words(item) > 0
            && !item.rule_hit
            && item.candidate.kind == BlockKind::Paragraph
            && item.candidate.link_chars == 0
            && !super::teasers::is_cut_short(item);
        paragraphs = if paragraph { paragraphs + 1 } else { 0 };
        // The run starts right after the box's few lines, not under a long list.
        let run_start = (index + 1).saturating_sub(paragraphs);
        if after_related_box
            && paragraphs >= RESUME_PARAGRAPH_RUN
            && run_start <= related_box + 1 + RELATED_BOX_MAX_LINES
        {
            return true;
        }
        if prose_words(item) == 0 {
            // Short lines (a related story's headline, a timestamp) break a run of prose
            // only when the section is made of them.
            if item.stats.words >= RESUME_BREAK_WORDS || item.rule_hit {
                run = 0;
            }
            continue;
        }
        let stems = item.stems();
        let shared = stems.iter().filter(|s| vocabulary.contains(s)).count();
        if stems.len() >= RESUME_MIN_STEMS && a_quarter(shared, stems.len()) {
            run += 1;
            if run >= RESUME_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// A section heading inside the article ("Related articles", "Read also") takes the short
/// lines that follow it (the other stories' headlines), up to the next prose block; one that
/// stands in a small box takes the whole box ([`section_box_end`]).
pub(super) fn absorb_section_items(items: &mut [Item], start: usize, end: usize) {
    let markup = items.iter().any(|i| i.candidate.link_chars > 0);
    let mut section: Option<Category> = None;
    // The last block of the small box the open section's heading stands in: the section
    // takes the whole box, prose included, and ends with it.
    let mut box_end: Option<usize> = None;
    for index in start..=end {
        if box_end.is_some_and(|last| index > last) {
            box_end = None;
            // In plain text the short lines after a box (a form's small print) are still
            // the section's, up to the article's next paragraph.
            if markup {
                section = None;
            }
        }
        let Some(item) = items.get(index) else {
            break;
        };
        if item.opens_section {
            section = match item.verdict {
                Verdict::Remove(category, _) => Some(category),
                _ => None,
            };
            box_end = section_box_end(items, index, markup);
            continue;
        }
        let Some(item) = items.get_mut(index) else {
            break;
        };
        if let (Some(category), Some(_), Verdict::Undecided) = (section, box_end, item.verdict) {
            item.verdict = Verdict::Remove(category, Rule::section(category));
            continue;
        }
        // In HTML the other stories' headlines are links: an unlinked heading is the
        // article's next section ("Related: <headline>" standing between two of them).
        let own_heading =
            item.candidate.kind == BlockKind::Heading && item.candidate.link_chars == 0;
        match (section, item.verdict) {
            (Some(_), Verdict::Undecided) if own_heading && markup => section = None,
            (Some(category), Verdict::Undecided) if !item.stats.good => {
                item.verdict = Verdict::Remove(category, Rule::section(category));
            }
            (_, Verdict::Undecided) => section = None,
            _ => {}
        }
    }
}

/// The last block of the small box whose section heading stands at `opener`. Markup bounds
/// a box surely. In plain text a group may run on into the article's next paragraph (a
/// scraper wrote no blank line between them): there only a donation appeal's or a sign-up
/// box's group is a box, the furniture set into the middle of articles, and only when it
/// ends on a line of its own (a button, a field) rather than on a paragraph.
fn section_box_end(items: &[Item], opener: usize, markup: bool) -> Option<usize> {
    let item = items.get(opener)?;
    let end = opener + usize::try_from(item.candidate.inline_box?).ok()?;
    let set_into_articles = matches!(
        item.verdict,
        Verdict::Remove(Category::Appeal | Category::Newsletter, _)
    );
    let bounded =
        markup || set_into_articles && items.get(end).is_some_and(|last| prose_words(last) == 0);
    bounded.then_some(end)
}

/// From the tail heading on, every block belongs to the section it stands in; a block a rule
/// recognised opens a new section of its own category.
pub(super) fn clear_tail(items: &mut [Item], tail: usize) {
    let mut section = Category::Other;
    for item in items.iter_mut().skip(tail) {
        match item.verdict {
            Verdict::Remove(category, _) if item.rule_hit && category != Category::Other => {
                section = category;
            }
            Verdict::Remove(Category::Other, _) if item.rule_hit => {
                item.verdict = Verdict::Remove(section, Rule::section(section));
            }
            Verdict::Undecided | Verdict::Keep => {
                item.verdict = if patterns::is_bio_sentence(&item.candidate.text) {
                    Verdict::Remove(Category::AuthorBio, Rule::AuthorBioSentence)
                } else {
                    Verdict::Remove(section, Rule::section(section))
                };
            }
            Verdict::Remove(..) => {}
        }
    }
}

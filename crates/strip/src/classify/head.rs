//! Pass 4, the head: bylines, the standfirst and the title before the core; title repeats
//! anywhere; what is left of the head is furniture. Datelines inside the core go too.

use super::tuning::{
    DESCRIPTION_MIN_BYTES, DESCRIPTION_PREFIX_MIN_BYTES, HEAD_LABEL_MAX_WORDS, HEAD_REACH,
    HEAD_TITLE_WORDS, MOSTLY_LINKS, STANDFIRST_ARTICLE_REACH, STANDFIRST_BYLINE_BEFORE,
    STANDFIRST_HEADING_MAX_WORDS, STANDFIRST_MAX_WORDS, STANDFIRST_MIN_WORDS,
    TITLE_REPEAT_CONTAINED, TITLE_REPEAT_COVERED, TITLE_REPEAT_MAX_WORDS, TITLE_REPEAT_MIN_STEMS,
    VISIBLE_DATE_AFTER, VISIBLE_DATE_AFTER_PARAGRAPHS, VISIBLE_DATE_BEFORE, VISIBLE_DATE_MAX_WORDS,
};
use super::{Item, Verdict, kept_in_main};
use crate::byline;
use crate::dates::SlashOrder;
use crate::lexicon::normalise;
use crate::model::{Article, BlockKind, Category};
use crate::rules::Rule;
use crate::words::stems;

/// Bylines and datelines: in the head, or among the first blocks of the core.
pub(super) fn take_bylines(items: &mut [Item], core_start: usize, article: &mut Article) {
    let limit = (core_start + HEAD_REACH).min(items.len());
    for item in items.iter_mut().take(limit) {
        // A byline the front end already placed (a byline element) still carries the
        // author and date for the header.
        let placed = matches!(item.verdict, Verdict::Remove(Category::Byline, _));
        if !placed && item.verdict != Verdict::Undecided
            || item.stats.good && item.stats.ends_sentence
        {
            continue;
        }
        if let Some(found) = byline::parse(&item.candidate.text, item.stats.words) {
            if !placed {
                item.verdict = Verdict::Remove(Category::Byline, Rule::BylineHead);
            }
            if article.authors.is_empty() {
                article.authors = found.authors;
            }
            if article.published.is_none() {
                article.published = found.published;
            }
        }
    }
}

/// A summary between the headline and the byline is the standfirst (dek): header
/// material, like the title. It is recognised by its place: at most two short prose
/// blocks at the start of the core, with a byline or dateline right after them.
pub(super) fn take_standfirst(items: &mut [Item], core_start: usize, description: Option<&str>) {
    // The page's own description, repeated as the first block of text.
    if let Some(description) = description
        .map(normalise)
        .filter(|d| d.len() >= DESCRIPTION_MIN_BYTES)
    {
        let first = (0..items.len().min(core_start + HEAD_REACH)).find(|&i| {
            items.get(i).is_some_and(|it| {
                it.verdict == Verdict::Undecided && it.stats.words >= STANDFIRST_MIN_WORDS
            })
        });
        if let Some(item) = first.and_then(|i| items.get_mut(i)) {
            let text = item.norm();
            let same = text == description
                || (description.len() > DESCRIPTION_PREFIX_MIN_BYTES
                    && text.starts_with(description.trim_end_matches(['.', '…', ' '])));
            // Many sites reuse the first paragraph as their description; a standfirst is a
            // sub-head of its own.
            let sub_head = item.candidate.kind == BlockKind::Heading;
            if same && sub_head && item.stats.words <= STANDFIRST_HEADING_MAX_WORDS {
                item.verdict = Verdict::Remove(Category::Title, Rule::TitleStandfirst);
                return;
            }
        }
    }
    let byline_at = (core_start..(core_start + HEAD_REACH).min(items.len())).find(|&i| {
        items
            .get(i)
            .is_some_and(|it| matches!(it.verdict, Verdict::Remove(Category::Byline, _)))
    });
    let Some(byline_at) = byline_at else { return };
    if byline_at == core_start {
        return;
    }
    let before = items.get(core_start..byline_at).unwrap_or(&[]);
    let summary = before.iter().all(|it| {
        it.verdict == Verdict::Undecided
            && it.stats.words <= STANDFIRST_MAX_WORDS
            && !it.stats.heading_like
    });
    // The article must go on after the byline, or the "summary" was the article.
    let article_after = items
        .iter()
        .skip(byline_at + 1)
        .take(STANDFIRST_ARTICLE_REACH)
        .any(|it| it.verdict == Verdict::Undecided && it.stats.good);
    // A standfirst comes before the article's byline; after a byline (a forum's first post,
    // between its author line and the next post's) it is text.
    let byline_before = items
        .get(core_start.saturating_sub(STANDFIRST_BYLINE_BEFORE)..core_start)
        .unwrap_or(&[])
        .iter()
        .any(|it| matches!(it.verdict, Verdict::Remove(Category::Byline, _)));
    if summary && article_after && !byline_before {
        for item in items.iter_mut().take(byline_at).skip(core_start) {
            item.verdict = Verdict::Remove(Category::Title, Rule::TitleStandfirst);
        }
    }
}

/// The title: from the page's metadata when the front end found it, otherwise the longest
/// heading-like block of the head. Returns the index of the block taken as title.
pub(super) fn take_title(
    items: &mut [Item],
    core_start: usize,
    article: &mut Article,
) -> Option<usize> {
    if article.title.is_some() {
        return None;
    }
    let candidates = || {
        items
            .iter()
            .enumerate()
            .take(core_start)
            .filter(|(_, item)| {
                item.verdict == Verdict::Undecided
                    && !item.stats.ends_sentence
                    && HEAD_TITLE_WORDS.contains(&item.stats.words)
                    && item.candidate.link_density() < MOSTLY_LINKS
            })
    };
    // A plain text's heading that agrees with its first line (the page's `<title>`) is its
    // headline; else the longest wins, on a tie the first.
    let confirmed = title_line(items).and_then(|line| {
        candidates()
            .filter(|(_, item)| !std::ptr::eq(*item, line))
            .filter(|(_, item)| {
                crate::title::agrees_with_title_line(&item.candidate.text, &line.candidate.text)
            })
            .max_by_key(|(i, item)| (item.stats.words, std::cmp::Reverse(*i)))
    });
    let index = confirmed
        .or_else(|| candidates().max_by_key(|(i, item)| (item.stats.words, std::cmp::Reverse(*i))))
        .map(|(i, _)| i)?;
    let item = items.get_mut(index)?;
    article.title = Some(item.candidate.text.clone());
    item.verdict = Verdict::Remove(Category::Title, Rule::TitleHead);
    Some(index)
}

/// A plain text's first line, which is its page's `<title>` as a rule when a browser or a
/// scraper wrote the text; none in markup, whose titles come from the metadata.
pub(super) fn title_line(items: &[Item]) -> Option<&Item> {
    (!super::shows_markup(items))
        .then(|| items.first())
        .flatten()
}

/// What is left of the head once title and byline are out: menus and labels before the
/// title, captions and credits between title and lead.
pub(super) fn clear_head(
    items: &mut [Item],
    core_start: usize,
    title_index: Option<usize>,
    trusted_main: bool,
) {
    for (index, item) in items.iter_mut().enumerate().take(core_start) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        if trusted_main
            && kept_in_main(item)
            && !(item.stats.heading_like && item.stats.words < HEAD_LABEL_MAX_WORDS)
        {
            item.verdict = Verdict::Keep;
            continue;
        }
        item.verdict = match title_index {
            Some(t) if index > t => {
                Verdict::Remove(Category::Caption, Rule::PositionBetweenTitleAndLead)
            }
            Some(_) => Verdict::Remove(Category::Navigation, Rule::PositionBeforeTitle),
            None => Verdict::Remove(Category::Navigation, Rule::PositionBeforeArticle),
        };
    }
}

/// A heading-like block that repeats most of the title (the page's h1, an image's alt text
/// restating the headline) is removed as a title repeat.
pub(super) fn remove_title_repeats(items: &mut [Item], title: &str) {
    let title_stems = stems(title);
    if title_stems.is_empty() {
        return;
    }
    for item in items.iter_mut() {
        if item.verdict != Verdict::Undecided
            || !item.stats.heading_like
            || item.stats.words > TITLE_REPEAT_MAX_WORDS
        {
            continue;
        }
        let block_stems = stems(&item.candidate.text);
        if block_stems.len() < TITLE_REPEAT_MIN_STEMS {
            continue;
        }
        let shared = block_stems
            .iter()
            .filter(|s| title_stems.contains(s))
            .count();
        let contained = shared as f64 / block_stems.len() as f64;
        let covered = shared as f64 / block_stems.len().max(title_stems.len()) as f64;
        if contained >= TITLE_REPEAT_CONTAINED && covered >= TITLE_REPEAT_COVERED {
            item.verdict = Verdict::Remove(Category::Title, Rule::TitleRepeat);
        }
    }
}

/// Datelines and bylines that stand inside the article rather than above it.
pub(super) fn take_datelines(items: &mut [Item], start: usize, end: usize) {
    for item in items.iter_mut().take(end + 1).skip(start) {
        if item.verdict != Verdict::Undecided || item.stats.good && item.stats.ends_sentence {
            continue;
        }
        if byline::parse(&item.candidate.text, item.stats.words).is_some() {
            item.verdict = Verdict::Remove(Category::Byline, Rule::BylineInline);
        }
    }
}

/// What the reader sees next to the headline: the date and the byline's people.
#[derive(Debug, Default)]
pub(super) struct VisibleByline {
    pub(super) date: Option<String>,
    pub(super) authors: Vec<String>,
    /// The authors were read beside one of the page's titles (not only around the core's
    /// start), with no other heading between.
    pub(super) authors_beside_title: bool,
    /// The authors come from a byline that introduces them ("By …", "Von …"), the
    /// strongest visible evidence.
    pub(super) authors_introduced: bool,
    /// The names a dateline beside the headline gives after its date ("March 3, 2024 by
    /// Ana Ruiz"): for the header only ([`last_resort_authors`]).
    pub(super) dated_authors: Vec<String>,
    /// The date was read beside a title that the page shows at or before its prose's
    /// start: the headline over the article, dated as readers see a news story or a post.
    pub(super) dated_headline: bool,
}

/// The date and byline the reader sees next to the headline: the first short blocks near
/// the headline (or, without one, around the core's start) that hold a whole date, or a
/// byline that names someone ("By …", "Von …"), whatever rule removed them — a byline
/// element, a meta line outside the main container, a header. A date or byline further
/// away (a comment's, a related story's, a copyright year) or after the article's
/// paragraphs (an embedded post's) is not the article's.
///
/// `titles` are the page's titles in order of trust (the headline, then the SEO title): a
/// page may set its meta line beside a title other than the one the header took (the
/// SEO title in a hero block, the headline again further down), so each title the page
/// shows is an anchor in turn, until the date and the byline are found.
///
/// `order` reads slashed dates ("2/24/2026") as the page's language writes them.
pub(super) fn visible_byline(
    items: &[Item],
    titles: &[&str],
    core_start: Option<usize>,
    order: SlashOrder,
) -> VisibleByline {
    let mut found = VisibleByline::default();
    let mut anchors: Vec<usize> = Vec::new();
    for title in titles {
        let title = normalise(title);
        if title.is_empty() {
            continue;
        }
        // Normalising is costly: only blocks of about the title's length are compared.
        let near_length = |item: &Item| {
            let len = item.candidate.text.len();
            len <= 2 * title.len() + 16 && title.len() <= 2 * len + 16
        };
        let at = items
            .iter()
            .position(|item| near_length(item) && item.norm() == title.as_str());
        if let Some(at) = at.filter(|at| !anchors.contains(at)) {
            anchors.push(at);
        }
    }
    let beside_title = !anchors.is_empty();
    if anchors.is_empty() {
        anchors.extend(core_start);
    }
    for anchor in anchors {
        let undated = found.date.is_none();
        read_beside(items, anchor, beside_title, order, &mut found);
        // A title set after the prose's start heads something else (a teaser, a section).
        found.dated_headline |= undated
            && found.date.is_some()
            && beside_title
            && core_start.is_some_and(|start| anchor <= start);
        if found.date.is_some() && !found.authors.is_empty() {
            break;
        }
    }
    found
}

/// A block of at most this many words may be a fragment of a meta line…
const META_FRAGMENT_MAX_WORDS: usize = 3;
/// …and the window beside the headline reaches at most this many blocks either way.
const META_LINE_MAX_BLOCKS: usize = 16;

/// Fills what `found` lacks from the short blocks around `anchor` (see [`visible_byline`]).
fn read_beside(
    items: &[Item],
    anchor: usize,
    beside_title: bool,
    order: SlashOrder,
    found: &mut VisibleByline,
) {
    let prose = |item: &Item| item.stats.good && item.stats.ends_sentence;
    // A meta line the page sets as many small elements ("Published" / "October 14, 2025" /
    // "in" / "Training", "By" / "Ana Ruiz" / "6" / "mins") is one line to the reader: its
    // fragments do not count toward the reach.
    // (A menu's or a contents list's entries are list items, no meta line.)
    let fragment = |item: &Item| {
        item.stats.words <= META_FRAGMENT_MAX_WORDS && item.candidate.kind == BlockKind::Paragraph
    };
    let mut first = anchor;
    let mut counted = 0;
    while first > 0 && counted < VISIBLE_DATE_BEFORE && anchor - first < META_LINE_MAX_BLOCKS {
        first -= 1;
        counted += usize::from(items.get(first).is_some_and(|item| !fragment(item)));
    }
    let end = items.len().saturating_sub(1);
    let mut last = anchor;
    let mut counted = 0;
    while last < end && counted < VISIBLE_DATE_AFTER && last - anchor < META_LINE_MAX_BLOCKS {
        last += 1;
        counted += usize::from(items.get(last).is_some_and(|item| !fragment(item)));
    }
    let window = items
        .get(first..=last)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .map(|(i, item)| (first + i, item))
        // The byline stands before the article's text (a standfirst may come first): one
        // after its paragraphs belongs to something quoted or embedded (a post, a tweet).
        .scan(0, |paragraphs, (at, item)| {
            if at > anchor && prose(item) {
                *paragraphs += 1;
            }
            (*paragraphs <= VISIBLE_DATE_AFTER_PARAGRAPHS).then_some((at, item))
        })
        // A comment's header (a commenter and a timestamp) is not the article's byline.
        .filter(|(_, item)| {
            (1..=VISIBLE_DATE_MAX_WORDS).contains(&item.stats.words)
                && !prose(item)
                && !matches!(item.verdict, Verdict::Remove(Category::Comments, _))
        });
    let mut label_at = None;
    for (at, item) in window {
        let text = &item.candidate.text;
        if found.authors.is_empty() {
            if let Some(byline) = byline::parse(text, item.stats.words) {
                found.authors_introduced = !byline.authors.is_empty();
                found.authors = byline.authors;
            } else if label_at.is_some_and(|label| label + 1 == at) {
                // "Written by" on its own line, the name on the next.
                found.authors = byline::labelled_names(text);
            } else if matches!(item.verdict, Verdict::Remove(_, Rule::HtmlClassByline)) {
                // A byline element beside the headline holding only a name signs it.
                found.authors.extend(byline::bare_name(text));
            }
            if byline::labels_the_next_block(text) {
                label_at = Some(at);
            }
            // Another heading between the headline and the byline (a lead teaser's) makes
            // the byline that heading's; the headline itself again (a breadcrumb's last
            // entry, then the h1) is no other heading.
            let (low, high) = (anchor.min(at), anchor.max(at));
            let headline = items.get(anchor).map_or("", Item::norm);
            found.authors_beside_title = beside_title
                && !found.authors.is_empty()
                && !items
                    .get(low + 1..high)
                    .unwrap_or(&[])
                    .iter()
                    .any(|between| {
                        between.candidate.kind == BlockKind::Heading && between.norm() != headline
                    });
        }
        if found.authors.is_empty() && found.dated_authors.is_empty() {
            found.dated_authors = byline::names_after_date(text, order);
        }
        if found.date.is_none() {
            found.date = crate::dates::find_date_in_glued(text, order).map(|date| date.iso);
        }
        if found.date.is_some() && !found.authors.is_empty() {
            break;
        }
    }
}

/// The header's last sources of a name, read after every pass that weighs the authors (so
/// no block's verdict depends on them), when nothing else named anyone: the name after the
/// date in a dateline beside the headline ([`VisibleByline::dated_authors`]), the page's only
/// byline that introduces a name ("Written by …", "Von …"), wherever it stands — after the
/// article, as closing bylines do — then the names in links to author pages. A listing's
/// or a thread's many bylines name nobody in particular.
pub(super) fn last_resort_authors(
    items: &[Item],
    dated_authors: &[String],
    link_authors: &[String],
) -> Vec<String> {
    if !dated_authors.is_empty() {
        return dated_authors.to_vec();
    }
    let mut sole: Option<Vec<String>> = None;
    for (at, item) in items.iter().enumerate() {
        // An author label on its own line ("Article by", "Author") names whoever the next
        // block names — not a menu's entry ("Authors" / "Contact Us").
        let menu = |item: &Item| {
            matches!(
                item.verdict,
                Verdict::Remove(Category::Navigation | Category::Legal, _)
            )
        };
        let labelled = (byline::labels_the_next_block(&item.candidate.text) && !menu(item))
            .then(|| items.get(at + 1))
            .flatten()
            .filter(|next| !menu(next))
            .map(|next| byline::labelled_names(&next.candidate.text))
            .unwrap_or_default();
        if labelled.is_empty() && !matches!(item.verdict, Verdict::Remove(Category::Byline, _)) {
            continue;
        }
        let introduced = if labelled.is_empty() {
            byline::introduced_names(&item.candidate.text, item.stats.words)
        } else {
            labelled
        };
        let names: Vec<String> = introduced
            .iter()
            .filter_map(|name| byline::person_name(name))
            .collect();
        if names.is_empty() {
            continue;
        }
        match &sole {
            Some(seen) if *seen != names => return link_authors.to_vec(),
            _ => sole = Some(names),
        }
    }
    sole.unwrap_or_else(|| link_authors.to_vec())
}

/// The header's last source of a date, when none stands beside the headline: the date of
/// the page's bylines and datelines wherever they stand — a closing "Posted on April 13,
/// 2023" after the article, "Written by …" over a line with the date — when they all give
/// the same day. The date counts when dateline words introduce it ("Posted on",
/// "Published:" on the line before), or when a byline names someone on its line or the
/// line before; never an update's or a check's ("Last updated …"). A listing's or a
/// thread's bylines give many days, and then none is the page's.
pub(super) fn sole_byline_date(items: &[Item], order: SlashOrder) -> Option<String> {
    let byline = |item: &Item| matches!(item.verdict, Verdict::Remove(Category::Byline, _));
    let mut sole: Option<String> = None;
    let mut previous: Option<&Item> = None;
    for item in items {
        let before = previous.replace(item);
        // A card's byline is its teaser's.
        if !byline(item)
            || item.candidate.card
            || !(1..=VISIBLE_DATE_MAX_WORDS).contains(&item.stats.words)
        {
            continue;
        }
        let text = &item.candidate.text;
        let spaced = crate::dates::spaced_glued(text);
        let Some(date) = crate::dates::find_date_in_spaced(&spaced, order) else {
            continue;
        };
        if crate::dates::machine_timestamp(&spaced, &date) {
            continue;
        }
        let names = |item: &Item| {
            byline::parse(&item.candidate.text, item.stats.words)
                .is_some_and(|b| !b.authors.is_empty())
        };
        let label_before = before.is_some_and(|b| {
            b.stats.words <= META_FRAGMENT_MAX_WORDS
                && crate::dates::find_date(&b.candidate.text).is_none()
                && byline::publication_dateline(&b.candidate.text, &date_at_end(&b.candidate.text))
                    == Some(true)
        });
        let counts = match byline::publication_dateline(&spaced, &date) {
            Some(true) => true,
            Some(false) => label_before || before.is_some_and(|b| byline(b) && names(b)),
            // An update's date signs the article only beside its byline: the page shows
            // no other ("Written by …" over "Updated March 13, 2024").
            None => names(item) || before.is_some_and(|b| byline(b) && names(b)),
        };
        if !counts {
            continue;
        }
        match &sole {
            Some(seen) if seen.get(..10) != date.iso.get(..10) => return None,
            Some(_) => {}
            None => sole = Some(date.iso),
        }
    }
    sole
}

/// A date standing right after `text`, to read `text` as the words before one.
fn date_at_end(text: &str) -> crate::dates::FoundDate {
    crate::dates::FoundDate {
        iso: String::new(),
        start: text.len(),
        end: text.len(),
    }
}

/// On a thread, the date of its first post: the first post header the page marks as a
/// byline that gives one.
pub(super) fn first_post_date(items: &[Item], order: SlashOrder) -> Option<String> {
    items
        .iter()
        .filter(|item| matches!(item.verdict, Verdict::Remove(_, Rule::HtmlClassByline)))
        .filter(|item| item.stats.words <= VISIBLE_DATE_MAX_WORDS)
        .find_map(|item| crate::dates::find_date_in_glued(&item.candidate.text, order))
        .map(|date| date.iso)
}

/// Post headers repeated down the page mark a thread of posts, whatever the page declares:
/// at least two byline elements that each name a poster and give a date.
pub(super) fn repeats_post_headers(items: &[Item]) -> bool {
    items
        .iter()
        .filter(|item| matches!(item.verdict, Verdict::Remove(_, Rule::HtmlClassByline)))
        .filter(|item| {
            let text = &item.candidate.text;
            crate::dates::find_date(text)
                .is_some_and(|date| byline::post_author_before(text, Some(&date)).is_some())
        })
        .nth(1)
        .is_some()
}

/// On a discussion page (a forum thread) the author is the first post's: the name in the
/// first post header the page marks as a byline, when no byline or metadata named one.
pub(super) fn take_first_poster(items: &[Item], article: &mut Article) {
    if !article.authors.is_empty() {
        return;
    }
    let first_header = items
        .iter()
        .find(|item| matches!(item.verdict, Verdict::Remove(_, Rule::HtmlClassByline)));
    if let Some(name) = first_header.and_then(|item| byline::post_author(&item.candidate.text)) {
        article.authors = vec![name];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::Candidate;

    fn item(text: &str, kind: BlockKind, verdict: Verdict) -> Item {
        let mut item = Item::new(Candidate::new(text.to_string(), kind));
        item.verdict = verdict;
        item
    }

    #[test]
    fn the_headline_again_between_it_and_the_byline_is_no_other_heading() {
        let nav = Verdict::Remove(Category::Navigation, Rule::HtmlClassNavigation);
        let headline = "Cómo podar rosales en invierno";
        let page = |between: &str| {
            vec![
                item("Inicio", BlockKind::ListItem, nav),
                item(headline, BlockKind::ListItem, nav),
                item(between, BlockKind::Heading, Verdict::Undecided),
                item("Por Lucía Gómez", BlockKind::Paragraph, Verdict::Undecided),
            ]
        };
        // The breadcrumb's last entry, then the h1: the byline is the headline's.
        let items = page(headline);
        let found = visible_byline(&items, &[headline], None, SlashOrder::DayFirst);
        assert_eq!(found.authors, ["Lucía Gómez"]);
        assert!(found.authors_beside_title);
        // A teaser's heading between them: the byline is the teaser's.
        let items = page("Las mejores tijeras de podar");
        let found = visible_byline(&items, &[headline], None, SlashOrder::DayFirst);
        assert!(!found.authors_beside_title);
    }

    #[test]
    fn a_date_beside_the_headline_over_the_prose_dates_the_headline() {
        let prose = "Le conseil municipal a voté mardi soir la rénovation complète de la halle.";
        let headline = "La halle sera rénovée";
        let page = vec![
            item(headline, BlockKind::Heading, Verdict::Undecided),
            item("14 mai 2011", BlockKind::Paragraph, Verdict::Undecided),
            item(prose, BlockKind::Paragraph, Verdict::Undecided),
            item(prose, BlockKind::Paragraph, Verdict::Undecided),
        ];
        let found = visible_byline(&page, &[headline], Some(2), SlashOrder::DayFirst);
        assert_eq!(found.date.as_deref(), Some("2011-05-14"));
        assert!(found.dated_headline);
        // The same title and date after the prose's start head a teaser, not the article.
        let teaser_after: Vec<Item> = page[2..]
            .iter()
            .chain(&page[..2])
            .map(|i| item(&i.candidate.text, i.candidate.kind, Verdict::Undecided))
            .collect();
        let found = visible_byline(&teaser_after, &[headline], Some(0), SlashOrder::DayFirst);
        assert!(found.date.is_some());
        assert!(!found.dated_headline);
        // Without a title the page shows, the date beside the prose dates no headline;
        // without prose, there is no article under the headline.
        let found = visible_byline(&page, &["Autre titre"], Some(2), SlashOrder::DayFirst);
        assert!(!found.dated_headline);
        let found = visible_byline(&page, &[headline], None, SlashOrder::DayFirst);
        assert!(found.date.is_some());
        assert!(!found.dated_headline);
    }
}

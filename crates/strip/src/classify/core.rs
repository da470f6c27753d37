//! Pass 3b and 5a, the core: the run of blocks with the most prose is the article; inside
//! it short blocks stay when prose surrounds them; after it stands footer furniture.

use super::tuning::{
    CLOSING_SENTENCE_WORDS, ENTRY_HEADLINES_MIN, FEW_LINKS, LEAD_SENTENCE_WORDS,
    LINK_LINE_MAX_WORDS, LINK_LINE_SCORE, MINOR_BLOCK_DIVISOR, MOSTLY_LINKS, RULE_HIT_COST,
    RULE_HIT_COST_WORDS, SHORT_BLOCK_SCORE, SHORT_RUN_BLOCKS, SHORT_RUN_SENTENCE_WORDS,
    SHORT_SENTENCE_WORDS, TENTATIVE_TITLE_SCAN, TENTATIVE_TITLE_WORDS, TOPICAL_FACTOR,
    TOPICAL_MIN_TITLE_STEMS,
};
use super::{Item, Verdict, is_linked_headline, kept_in_main, prose_words};
use crate::model::{BlockKind, Category};
use crate::patterns;
use crate::rules::Rule;
use crate::words::{Stem, content_stems};

/// The run of blocks with the most prose, before the tail: (start, end) inclusive.
pub(super) fn find_core(
    items: &[Item],
    tail: Option<usize>,
    title: Option<&str>,
) -> (Option<usize>, Option<usize>) {
    let limit = tail.unwrap_or(items.len());
    let title_stems: rustc_hash::FxHashSet<Stem> = title
        .map(content_stems)
        .unwrap_or_default()
        .into_iter()
        .collect();
    let mut best: Option<(i64, usize, usize)> = None;
    let mut run: Option<(i64, usize)> = None;
    for (index, item) in items.iter().enumerate().take(limit) {
        let score = topical(block_score(item), item, &title_stems);
        if score == 0 {
            continue;
        }
        let (sum, start) = match run {
            Some((sum, start)) if sum > 0 => (sum + score, start),
            _ => (score, index),
        };
        run = Some((sum, start));
        if sum > 0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, index));
        }
    }
    match best {
        Some((_, start, end)) => {
            // The core starts and ends on a good block.
            let start = (start..=end).find(|&i| items.get(i).is_some_and(|it| prose_words(it) > 0));
            let end = (start.unwrap_or(end)..=end)
                .rev()
                .find(|&i| items.get(i).is_some_and(|it| prose_words(it) > 0));
            (start, end)
        }
        None => (None, None),
    }
}

/// A prose block that shares words with the title weighs more, one that shares none less:
/// an article speaks of its headline, a feed of other stories does not.
fn topical(score: i64, item: &Item, title_stems: &rustc_hash::FxHashSet<Stem>) -> i64 {
    if score <= 0 || title_stems.len() < TOPICAL_MIN_TITLE_STEMS || !item.stats.good {
        return score;
    }
    let shared = item
        .stems()
        .iter()
        .filter(|s| title_stems.contains(*s))
        .collect::<rustc_hash::FxHashSet<_>>()
        .len();
    match shared {
        0 => score / TOPICAL_FACTOR,
        1 => score,
        _ => score * TOPICAL_FACTOR,
    }
}

/// The headline as far as the page tells before classification: the metadata's title; in
/// plain text the heading-like block that agrees with the first line (the page's `<title>`,
/// [`super::head::title_line`]); else the longest heading-like block among the first ones.
pub(super) fn tentative_title<'a>(
    items: &'a [Item],
    meta_title: Option<&'a str>,
) -> Option<&'a str> {
    meta_title.or_else(|| {
        let candidates = || {
            items.iter().take(TENTATIVE_TITLE_SCAN).filter(|i| {
                i.verdict == Verdict::Undecided
                    && !i.stats.ends_sentence
                    && TENTATIVE_TITLE_WORDS.contains(&i.stats.words)
            })
        };
        let confirmed = super::head::title_line(items).and_then(|line| {
            candidates()
                .filter(|i| !std::ptr::eq(*i, line))
                .filter(|i| {
                    crate::title::agrees_with_title_line(&i.candidate.text, &line.candidate.text)
                })
                .max_by_key(|i| i.stats.words)
        });
        confirmed
            .or_else(|| candidates().max_by_key(|i| i.stats.words))
            .map(|i| i.candidate.text.as_str())
    })
}

fn block_score(item: &Item) -> i64 {
    let words = item.stats.words as i64;
    match item.verdict {
        Verdict::Undecided if item.stats.good => words,
        Verdict::Undecided if item.candidate.link_density() > MOSTLY_LINKS => LINK_LINE_SCORE,
        // List items, table rows and quotes without many links are article material more
        // often than not; so is a short sentence.
        Verdict::Undecided
            if item.candidate.link_density() < FEW_LINKS
                && (matches!(
                    item.candidate.kind,
                    BlockKind::ListItem | BlockKind::TableRow | BlockKind::Quote
                ) || (item.stats.ends_sentence
                    && item.stats.words >= SHORT_SENTENCE_WORDS)) =>
        {
            (words / MINOR_BLOCK_DIVISOR).max(1)
        }
        Verdict::Undecided => SHORT_BLOCK_SCORE,
        // Removed by structure (front end): neutral, the article may wrap around it.
        Verdict::Remove(..) if !item.rule_hit => 0,
        Verdict::Remove(..) => -(RULE_HIT_COST + words.min(RULE_HIT_COST_WORDS) / 2),
        Verdict::Keep => words,
    }
}

/// The article's last blocks are often short: a closing sentence, a list, a quote. The core
/// extends over such blocks until the first boilerplate or heading.
pub(super) fn extend_core(items: &[Item], end: usize, limit: usize) -> usize {
    let mut last = end;
    for (index, item) in items.iter().enumerate().take(limit).skip(end + 1) {
        let structural = !item.rule_hit && matches!(item.verdict, Verdict::Remove(..));
        let header_like = matches!(
            item.verdict,
            Verdict::Remove(Category::Title | Category::Byline, _)
        );
        if structural || header_like || is_bare_url(&item.candidate.text) {
            // A block the front end removed (an inline ad slot) does not end the article,
            // nor does an item's link on a line of its own (plain text).
            continue;
        }
        let continues = item.verdict == Verdict::Undecided
            && item.candidate.link_density() <= MOSTLY_LINKS
            && (matches!(
                item.candidate.kind,
                BlockKind::ListItem
                    | BlockKind::Quote
                    | BlockKind::TableRow
                    | BlockKind::Preformatted
            ) || (item.stats.ends_sentence && item.stats.words >= CLOSING_SENTENCE_WORDS));
        if !continues {
            break;
        }
        last = index;
    }
    last
}

/// A web address alone on its line.
fn is_bare_url(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
}

/// The article's first blocks can be short too (a one-line lead, a list): the core
/// extends back over sentences and list items until a heading-like block or boilerplate.
pub(super) fn extend_core_back(items: &[Item], start: usize) -> usize {
    let mut first = start;
    for index in (0..start).rev() {
        let Some(item) = items.get(index) else { break };
        let continues = item.verdict == Verdict::Undecided
            && item.candidate.link_density() <= FEW_LINKS
            && (matches!(item.candidate.kind, BlockKind::ListItem | BlockKind::Quote)
                || (item.stats.ends_sentence && item.stats.words >= LEAD_SENTENCE_WORDS));
        if !continues {
            break;
        }
        first = index;
    }
    first
}

/// On a page of entries, the first entry's linked headline stands just before the core that
/// its text opens: when the core holds at least [`ENTRY_HEADLINES_MIN`] linked headlines of
/// the same level, the one just before it opens the core too (the shape repeats; an
/// article's own title is not a link).
pub(super) fn extend_core_to_entry_headline(items: &[Item], start: usize, end: usize) -> usize {
    let Some(before) = start.checked_sub(1) else {
        return start;
    };
    let Some(headline) = items
        .get(before)
        .filter(|i| i.verdict == Verdict::Undecided && is_linked_headline(i))
    else {
        return start;
    };
    let level = headline.candidate.heading_level;
    let alike = items
        .get(start..=end)
        .unwrap_or(&[])
        .iter()
        .filter(|i| is_linked_headline(i) && i.candidate.heading_level == level)
        .count();
    if alike >= ENTRY_HEADLINES_MIN {
        before
    } else {
        start
    }
}

/// Inside the core: prose stays; short blocks stay when prose surrounds them.
pub(super) fn judge_core(items: &mut [Item], start: usize, end: usize, trusted_main: bool) {
    for index in start..=end {
        let Some(item) = items.get(index) else { break };
        if item.verdict != Verdict::Undecided {
            continue;
        }
        let verdict = if item.stats.good {
            Verdict::Keep
        } else if item.stats.heading_like && next_is_caption(items, index) {
            Verdict::Remove(Category::Caption, Rule::CaptionAltText)
        } else if item.candidate.link_density() > MOSTLY_LINKS
            && item.stats.words < LINK_LINE_MAX_WORDS
            && !matches!(
                item.candidate.kind,
                BlockKind::TableRow | BlockKind::Heading | BlockKind::ListItem
            )
        {
            // (A table's rows inside the article are its data, even where each names a
            // linked entry: a ranking, a price list. So are its linked subheadings and list
            // items: a roundup's product names, its linked steps. A link line standing as a
            // paragraph — "Read more: …", "Compare prices" — is furniture.)
            Verdict::Remove(Category::Navigation, Rule::LinksDense)
        } else if !(trusted_main && kept_in_main(item)) && in_short_run(items, index, start, end) {
            Verdict::Remove(Category::Other, Rule::ShortRun)
        } else {
            Verdict::Keep
        };
        if let Some(item) = items.get_mut(index) {
            item.verdict = verdict;
        }
    }
}

/// The next block, in the same group, is an image caption or credit.
fn next_is_caption(items: &[Item], index: usize) -> bool {
    items.get(index + 1).is_some_and(|next| {
        !next.candidate.group_start && matches!(next.verdict, Verdict::Remove(Category::Caption, _))
    })
}

/// Three or more short blocks in a row with no prose among them: a list of links or labels,
/// not subheadings. Lists and table rows from markup are exempt.
fn in_short_run(items: &[Item], index: usize, start: usize, end: usize) -> bool {
    let short = |i: usize| {
        items.get(i).is_some_and(|it| {
            let sentence = it.stats.ends_sentence && it.stats.words >= SHORT_RUN_SENTENCE_WORDS;
            let listed = matches!(it.candidate.kind, BlockKind::ListItem | BlockKind::TableRow);
            it.verdict == Verdict::Undecided && !it.stats.good && !sentence && !listed
        })
    };
    if !short(index) {
        return false;
    }
    let mut first = index;
    while first > start && short(first - 1) {
        first -= 1;
    }
    let mut last = index;
    while last < end && short(last + 1) {
        last += 1;
    }
    last - first + 1 >= SHORT_RUN_BLOCKS
}

/// Between the end of the core and the tail: footer furniture.
pub(super) fn clear_after_core(
    items: &mut [Item],
    core_end: usize,
    tail: usize,
    trusted_main: bool,
) {
    for item in items.iter_mut().take(tail).skip(core_end + 1) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        if trusted_main && kept_in_main(item) {
            item.verdict = Verdict::Keep;
            continue;
        }
        item.verdict = if patterns::is_bio_sentence(&item.candidate.text) {
            Verdict::Remove(Category::AuthorBio, Rule::AuthorBioSentence)
        } else {
            Verdict::Remove(Category::Other, Rule::PositionAfterArticle)
        };
    }
}

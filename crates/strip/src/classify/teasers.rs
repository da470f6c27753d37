//! Pass 6, teasers: lists and paragraphs of other stories around the article, told by
//! their shape and by sharing little vocabulary with the article.

use super::tuning::{
    ENTRY_LABEL_MAX_WORDS, ENTRY_LABELS, KICKER_MAX_WORDS, READ_MORE_MAX_CHARS,
    SHORT_ARTICLE_MIN_WORDS, TEASER_BETWEEN_MAX_WORDS, TEASER_FEED_MIN_ARTICLE_WORDS,
    TEASER_FEED_OUTWEIGHS, TEASER_HEADLINE_REACH, TEASER_ITEM_AVERAGE_WORDS, TEASER_ITEM_MIN_WORDS,
    TEASER_PARAGRAPH_MAX_WORDS, TEASERS_MIN, a_quarter, two_thirds,
};
use super::{Item, Verdict, is_linked_headline, kept_indices, reads_as_headline_link};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;
use crate::words::Stem;

/// Lists of other stories around the article: three or more kept list items of twenty words
/// on average, after the last kept paragraph or before the first, most of which share little
/// vocabulary with the article's paragraphs (after an article shorter than
/// [`TEASER_FEED_MIN_ARTICLE_WORDS`], only lists that some removed block parts from it:
/// [`lists_run_on`]). A teaser is the first lines of another story;
/// an article's own list (key points on top, steps or parts at the end) speaks of what the
/// article speaks of, and a list of features or links is terser. The teasers' headlines and
/// bylines, between them, are already gone as links and bylines.
pub(super) fn remove_teaser_lists(items: &mut [Item]) {
    let paragraph = |item: &Item| {
        matches!(item.verdict, Verdict::Keep | Verdict::Undecided)
            && item.stats.good
            && !matches!(item.candidate.kind, BlockKind::ListItem)
    };
    let (Some(first), Some(last)) = (
        items.iter().position(paragraph),
        items.iter().rposition(paragraph),
    ) else {
        return;
    };
    let article = items.get(first..=last).unwrap_or(&[]);
    let vocabulary: rustc_hash::FxHashSet<Stem> = article
        .iter()
        .filter(|item| matches!(item.verdict, Verdict::Keep | Verdict::Undecided))
        .flat_map(|item| item.stems().iter().copied())
        .collect();
    let article_words: usize = article
        .iter()
        .filter(|i| paragraph(i))
        .map(|i| i.stats.words)
        .sum();
    if !(article_words < TEASER_FEED_MIN_ARTICLE_WORDS && lists_run_on(items, last + 1)) {
        remove_teasers(items, last + 1..items.len(), &vocabulary, usize::MAX);
    }
    // Before the article, a list is a teaser feed only beside an article longer than it
    // (a forum's posts or a page of notes can be lists with a little prose after them).
    remove_teasers(items, 0..first, &vocabulary, article_words);
}

/// Whether the kept list items from `from` on follow the article's paragraphs with nothing
/// removed between them but the article's own furniture (a figure's caption, a share button,
/// an ad slot). Then they are the article's: a short article's vocabulary is too small to
/// tell its own lists (key points, steps) from other stories' teasers, while a feed or a
/// comment thread after it comes with headlines, bylines and labels that went before.
fn lists_run_on(items: &[Item], from: usize) -> bool {
    let tail = items.get(from..).unwrap_or(&[]);
    let kept = |item: &Item| matches!(item.verdict, Verdict::Keep | Verdict::Undecided);
    let Some(last_list_item) = tail
        .iter()
        .rposition(|item| kept(item) && item.candidate.kind == BlockKind::ListItem)
    else {
        return false;
    };
    tail.get(..last_list_item)
        .unwrap_or(&[])
        .iter()
        .all(|item| {
            kept(item)
                || matches!(
                    item.verdict,
                    Verdict::Remove(Category::Caption | Category::Share | Category::Ads, _)
                )
        })
}

/// The kept list items of `range`, removed when they read as teasers (see above).
fn remove_teasers(
    items: &mut [Item],
    range: std::ops::Range<usize>,
    vocabulary: &rustc_hash::FxHashSet<Stem>,
    max_words: usize,
) {
    let teasers: Vec<usize> = range
        .filter(|&i| {
            items.get(i).is_some_and(|item| {
                matches!(item.verdict, Verdict::Keep | Verdict::Undecided)
                    && matches!(item.candidate.kind, BlockKind::ListItem)
                    && item.stats.words >= TEASER_ITEM_MIN_WORDS
            })
        })
        .collect();
    if teasers.len() < TEASERS_MIN {
        return;
    }
    let off_topic = off_topic_count(items, &teasers, |stem| vocabulary.contains(stem));
    let words: usize = teasers
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| item.stats.words)
        .sum();
    if !two_thirds(off_topic, teasers.len())
        || words < TEASER_ITEM_AVERAGE_WORDS * teasers.len()
        || words > max_words
    {
        return;
    }
    for index in teasers {
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, Rule::RelatedTeaserList);
        }
        remove_headline_over(items, index, Rule::RelatedTeaserList);
    }
}

/// The linked headline over a teaser (another story's, kept as a heading of the article's
/// until the teaser under it was found), within [`TEASER_HEADLINE_REACH`] blocks above it,
/// and the short labels kept between (its author's name): removed with the teaser. Any
/// other kept block between stops the search: the teaser has no headline of its own.
fn remove_headline_over(items: &mut [Item], index: usize, rule: Rule) {
    let mut labels: Vec<usize> = Vec::new();
    for back in 1..=TEASER_HEADLINE_REACH {
        let Some(above) = index.checked_sub(back) else {
            break;
        };
        let Some(item) = items.get(above) else {
            break;
        };
        if item.verdict != Verdict::Keep {
            continue;
        }
        if is_linked_headline(item) {
            labels.push(above);
            for label in labels.drain(..) {
                if let Some(item) = items.get_mut(label) {
                    item.verdict = Verdict::Remove(Category::Related, rule);
                }
            }
            continue;
        }
        let is_label = !item.stats.good
            && !item.stats.ends_sentence
            && item.candidate.kind != BlockKind::Heading
            && (1..ENTRY_LABEL_MAX_WORDS).contains(&item.stats.words);
        if !is_label {
            return;
        }
        labels.push(above);
    }
}

/// How many of the blocks at `indices` share under a quarter of their stems with the
/// article's vocabulary: teasers speak of other things.
fn off_topic_count(
    items: &[Item],
    indices: &[usize],
    in_vocabulary: impl Fn(&Stem) -> bool,
) -> usize {
    indices
        .iter()
        .filter_map(|&i| items.get(i))
        .filter(|item| {
            let stems = item.stems();
            let shared = stems.iter().filter(|s| in_vocabulary(s)).count();
            !a_quarter(shared, stems.len())
        })
        .count()
}

/// A feed of other stories after the article, as paragraphs: each one the first lines of
/// another story under its linked headline (already removed as a link; a label such as
/// "Video" may stand between them), or cut short with "…" and a "Read more". Three or more such paragraphs end the page, and most of them share
/// little vocabulary with the article before them: they are removed. An article's own
/// paragraphs follow one another without headlines in between, and speak of one subject.
pub(super) fn remove_teaser_paragraphs(items: &mut [Item], declared_article: bool) {
    let kept_paragraph = |item: &Item| {
        item.verdict == Verdict::Keep
            && item.candidate.kind == BlockKind::Paragraph
            && item.stats.words > 0
    };
    let mut run: Vec<usize> = Vec::new();
    // Kickers over the teasers ("HARD YIKES", "LIFE AS A BALL"): removed with them.
    let mut kickers: Vec<usize> = Vec::new();
    let mut marked = 0;
    for index in (0..items.len()).rev() {
        let Some(item) = items.get(index) else { break };
        if !kept_paragraph(item) {
            continue;
        }
        if is_kicker(item) {
            kickers.push(index);
            continue;
        }
        let headline = after_headline(items, index);
        let cut_short = is_cut_short(item);
        if item.stats.words > TEASER_PARAGRAPH_MAX_WORDS || !(headline.is_some() || cut_short) {
            break;
        }
        run.push(index);
        // Signed or cut short: surely the start of another story.
        if headline == Some(true) || cut_short {
            marked += 1;
        }
    }
    if run.len() < TEASERS_MIN {
        return;
    }
    let first = run.iter().copied().min().unwrap_or(0);
    let vocabulary: rustc_hash::FxHashSet<&Stem> = items
        .get(..first)
        .unwrap_or(&[])
        .iter()
        .filter(|item| kept_paragraph(item))
        .flat_map(|item| item.stems().iter())
        .collect();
    // On a listing the teasers are the page; after an article they are a feed.
    // (Its prose of every kind: an article may be mostly quotes, as a round-up of reviews.)
    let article_words: usize = items
        .get(..first)
        .unwrap_or(&[])
        .iter()
        .filter(|item| item.verdict == Verdict::Keep && item.stats.good)
        .map(|item| item.stats.words)
        .sum();
    let run_words: usize = run
        .iter()
        .filter_map(|&i| items.get(i))
        .map(|item| item.stats.words)
        .sum();
    // A page that says it is an article may hold a short one (a news brief, a photo post)
    // over a long feed: the feed is still told by its signed, headline-led entries.
    let short_article_feed = declared_article
        && article_words >= SHORT_ARTICLE_MIN_WORDS
        && two_thirds(marked, run.len());
    if !short_article_feed
        && (article_words < TEASER_FEED_MIN_ARTICLE_WORDS
            || TEASER_FEED_OUTWEIGHS * article_words < run_words)
    {
        return;
    }
    let off_topic = off_topic_count(items, &run, |stem| vocabulary.contains(stem));
    if !two_thirds(off_topic, run.len()) && !two_thirds(marked, run.len()) {
        return;
    }
    for &index in kickers.iter().filter(|&&i| i > first) {
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, Rule::RelatedTeaserParagraphs);
        }
    }
    for index in run {
        // The teaser and the linked headline over it.
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, Rule::RelatedTeaserParagraphs);
        }
        remove_headline_over(items, index, Rule::RelatedTeaserParagraphs);
    }
}

/// A feed of other stories at the end of the page, told by repetition: entries of one shape,
/// one after another — two short labels (a headline and its author's name) over one short
/// paragraph — where nothing links them (plain text, or markup that did not mark the
/// headlines as links). Three or more entries, most of them sharing
/// little vocabulary with the article before them, after an article long enough to be one
/// and not outweighed by them (then they are a listing's entries): removed, labels and all. The test is the shape and the vocabulary, in any language.
pub(super) fn remove_teaser_entries(items: &mut [Item]) {
    let kept = kept_indices(items);
    let label = |i: usize| {
        items.get(i).is_some_and(|item| {
            !item.stats.ends_sentence
                && !is_cut_short(item)
                && (1..ENTRY_LABEL_MAX_WORDS).contains(&item.stats.words)
        })
    };
    let paragraph = |i: usize| {
        items.get(i).is_some_and(|item| {
            (item.stats.ends_sentence
                || is_cut_short(item)
                || item.stats.words >= ENTRY_LABEL_MAX_WORDS)
                && item.candidate.kind != BlockKind::Heading
                && item.stats.words <= TEASER_PARAGRAPH_MAX_WORDS
        })
    };
    // Entries from the end: (first block of the entry, its paragraph).
    let mut best: Vec<(usize, usize)> = Vec::new();
    let mut end = kept.len();
    while end > ENTRY_LABELS {
        let at = |back: usize| kept.get(end - back).copied().unwrap_or(usize::MAX);
        if !paragraph(at(1)) || !(2..=ENTRY_LABELS + 1).all(|b| label(at(b))) {
            break;
        }
        best.push((at(ENTRY_LABELS + 1), at(1)));
        end -= ENTRY_LABELS + 1;
    }
    if best.len() < TEASERS_MIN {
        return;
    }
    let Some(&(first, _)) = best.last() else {
        return;
    };
    let article = || {
        items
            .get(..first)
            .unwrap_or(&[])
            .iter()
            .filter(|item| item.verdict == Verdict::Keep && item.stats.good)
    };
    let article_words: usize = article().map(|item| item.stats.words).sum();
    // On a listing the entries are the page; after an article they are a feed.
    let entry_words: usize = best
        .iter()
        .flat_map(|&(start, end)| items.get(start..=end).unwrap_or(&[]))
        .filter(|item| item.verdict == Verdict::Keep)
        .map(|item| item.stats.words)
        .sum();
    if article_words < TEASER_FEED_MIN_ARTICLE_WORDS
        || TEASER_FEED_OUTWEIGHS * article_words < entry_words
    {
        return;
    }
    let vocabulary: rustc_hash::FxHashSet<&Stem> =
        article().flat_map(|item| item.stems().iter()).collect();
    let paragraphs: Vec<usize> = best.iter().map(|&(_, p)| p).collect();
    let off_topic = off_topic_count(items, &paragraphs, |stem| vocabulary.contains(stem));
    if !two_thirds(off_topic, paragraphs.len()) {
        return;
    }
    for &(start, end) in &best {
        for item in items.get_mut(start..=end).unwrap_or(&mut []) {
            if item.verdict == Verdict::Keep {
                item.verdict = Verdict::Remove(Category::Related, Rule::RelatedTeaserEntries);
            }
        }
    }
}

/// Is the block just after a removed linked headline (its byline and labels aside)?
/// `Some(true)` when a byline stands between them.
fn after_headline(items: &[Item], index: usize) -> Option<bool> {
    let mut byline = false;
    for item in items
        .get(..index)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take(TEASER_HEADLINE_REACH)
    {
        // A label between the headline and its teaser ("Video", "2 shares") is the entry's.
        if item.verdict == Verdict::Keep && is_kicker(item) {
            continue;
        }
        if item.verdict == Verdict::Keep && !is_linked_headline(item) {
            return None;
        }
        if matches!(item.verdict, Verdict::Remove(Category::Byline, _)) {
            byline = true;
            continue;
        }
        if reads_as_headline_link(item) {
            return Some(byline);
        }
        if item.stats.words > TEASER_BETWEEN_MAX_WORDS {
            return None;
        }
    }
    None
}

/// A kicker or a label over or under a teaser's headline ("HARD YIKES", "2 shares Video"):
/// a few words that end no sentence.
fn is_kicker(item: &Item) -> bool {
    item.candidate.kind == BlockKind::Paragraph
        && item.stats.words < KICKER_MAX_WORDS
        && !item.stats.ends_sentence
}

/// Does the paragraph end cut short: "…", "...", "[…]", maybe with a "Read more" link after?
pub(super) fn is_cut_short(item: &Item) -> bool {
    let text = item.candidate.text.trim_end();
    let links = item.candidate.link_chars;
    let text = if (1..READ_MORE_MAX_CHARS).contains(&links) {
        // "… Read More": drop a short link label at the end.
        text.char_indices()
            .rev()
            .nth(links - 1)
            .map_or(text, |(at, _)| text.get(..at).unwrap_or(text))
            .trim_end()
    } else {
        text
    };
    let text = text.trim_end_matches([']', ')', ' ']);
    text.ends_with('…') || text.ends_with("...")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidate::Candidate;

    fn item(text: &str, link_chars: usize) -> Item {
        let mut candidate = Candidate::new(text.to_string(), BlockKind::Paragraph);
        candidate.link_chars = link_chars;
        let mut item = Item::new(candidate);
        item.verdict = Verdict::Keep;
        item
    }

    #[test]
    fn excerpts_cut_short() {
        assert!(is_cut_short(&item(
            "Unemployment is still ... Read More",
            9
        )));
        assert!(is_cut_short(&item(
            "Les travaux s'achèveront au printemps …",
            0
        )));
        assert!(is_cut_short(&item("Die Fähre fährt ab Mai [...]", 0)));
        assert!(is_cut_short(&item("Die Fähre fährt ab Mai […]", 0)));
        assert!(!is_cut_short(&item("The vote was close. Read more", 9)));
        assert!(!is_cut_short(&item("She paused... and then went on.", 0)));
    }
}

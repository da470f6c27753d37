//! Pass 2, repeats and feeds: echoes of earlier blocks; comment counts down a listing;
//! clusters of timestamps (a feed) and of comment signatures (a thread).

use super::tuning::{
    ENTRY_COUNTS, FEED_SPAN_BLOCKS, REPEAT_MIN_WORDS, THREAD_SPAN_BLOCKS,
    TRUNCATED_REPEAT_MIN_BYTES,
};
use super::{Item, Verdict};
use crate::model::Category;
use crate::rules::Rule;

/// A block that repeats an earlier one word for word, or cuts it short with "…", is a
/// teaser or a widget echoing the article, never new text.
pub(super) fn mark_repeats(items: &mut [Item], trusted_main: bool) {
    // Indices of the blocks seen so far (their normalised text is cached on the item).
    let mut seen: Vec<usize> = Vec::new();
    for index in 0..items.len() {
        let Some(item) = items.get(index) else { break };
        if item.verdict != Verdict::Undecided || item.stats.words < REPEAT_MIN_WORDS {
            continue;
        }
        // Inside a main container the front end trusted, a page that carries its text twice
        // (a print copy, a lazy-loaded duplicate) keeps the copy the front end chose.
        if trusted_main && item.candidate.in_main {
            continue;
        }
        let norm = item.norm();
        let truncated = norm
            .strip_suffix("...")
            .or_else(|| norm.strip_suffix('…'))
            .map(str::trim_end);
        let repeat = seen.iter().filter_map(|&e| items.get(e)).any(|earlier| {
            let earlier = earlier.norm();
            earlier == norm
                || truncated.is_some_and(|t| {
                    t.len() >= TRUNCATED_REPEAT_MIN_BYTES && earlier.starts_with(t)
                })
        });
        if !repeat {
            seen.push(index);
        } else if let Some(item) = items.get_mut(index) {
            // Neutral in the core search: the echo may sit inside the article.
            item.verdict = Verdict::Remove(Category::Other, Rule::OtherRepeat);
        }
    }
}

/// A comment count under an article's end opens its comment section; comment counts that
/// recur down the page are its entries' lines (a blog index, a news front page): they open
/// nothing.
pub(super) fn entry_counts_open_no_section(items: &mut [Item]) {
    let is_count =
        |item: &Item| item.verdict == Verdict::Remove(Category::Comments, Rule::CommentsCount);
    if items.iter().filter(|i| is_count(i)).count() < ENTRY_COUNTS {
        return;
    }
    for item in items.iter_mut().filter(|i| is_count(i)) {
        item.opens_section = false;
    }
}

/// Three or more bare timestamps within a dozen blocks are a feed (other stories, or
/// readers' comments): its first timestamp opens a section. Two or more comment signatures
/// ("jane says:") within fifteen blocks are a comment thread; a lone one ("The minister
/// said:") is the article's and goes back to undecided.
pub(super) fn mark_feeds(items: &mut [Item]) {
    let positions = |rule: Rule, items: &[Item]| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches!(item.verdict, Verdict::Remove(_, r) if r == rule))
            .map(|(i, _)| i)
            .collect()
    };
    let stamps = positions(Rule::OtherTimestamp, items);
    // Three timestamps: the first and the third of each window.
    for window in stamps.windows(3) {
        if let [first, _, third] = *window {
            if third - first <= FEED_SPAN_BLOCKS {
                if let Some(item) = items.get_mut(first) {
                    item.opens_section = true;
                    item.verdict = Verdict::Remove(Category::Related, Rule::RelatedFeed);
                }
            }
        }
    }
    let signatures = positions(Rule::CommentsSignature, items);
    for (n, &index) in signatures.iter().enumerate() {
        let near =
            |other: Option<&usize>| other.is_some_and(|&o| o.abs_diff(index) <= THREAD_SPAN_BLOCKS);
        let clustered = near(signatures.get(n + 1)) || n > 0 && near(signatures.get(n - 1));
        if let Some(item) = items.get_mut(index) {
            if !clustered {
                item.verdict = Verdict::Undecided;
                item.rule_hit = false;
            } else if n == 0 {
                item.opens_section = true;
            }
        }
    }
}

//! Pass 2, repeats and feeds: echoes of earlier blocks; comment counts down a listing;
//! clusters of timestamps (a feed) and of comment signatures (a thread); a furniture line
//! repeated under each post (a thread in older markup); a heading over other stories' linked
//! headlines (a related section in any language).

use super::tuning::{
    ENTRY_COUNTS, FEED_SPAN_BLOCKS, HEADLESS_THREAD_MIN_ARTICLE_WORDS, POST_FURNITURE_MAX_WORDS,
    POST_FURNITURE_MIN_REPEATS, POST_MAX_BLOCKS, REPEAT_MIN_WORDS, TEMPLATE_MAX_DIFFERENCES,
    THREAD_HEADING_GAP_MAX_WORDS, THREAD_SPAN_BLOCKS, TICKER_MAX_PHRASE_WORDS, TICKER_MIN_REPEATS,
    TRUNCATED_REPEAT_MIN_BYTES,
};
use super::tuning::{
    HEADLINE_WORDS, HEADLINES_REACH, KICKER_MAX_WORDS, SECTION_HEADING_MAX_WORDS, TEASERS_MIN,
};
use super::{Item, Verdict, is_linked_headline, prose_words, reads_as_headline_link};
use crate::model::{BlockKind, Category};
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
        // A ticker (a marquee's phrase written out again and again for a seamless scroll)
        // repeats itself within the block, wherever it stands.
        if item.candidate.kind != BlockKind::TableRow && is_ticker(&item.candidate.text) {
            if let Some(item) = items.get_mut(index) {
                item.verdict = Verdict::Remove(Category::Other, Rule::OtherRepeat);
            }
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

/// A text that is one short phrase (up to [`TICKER_MAX_PHRASE_WORDS`]) written out
/// [`TICKER_MIN_REPEATS`] times or more, back to back, over nearly all of it.
fn is_ticker(text: &str) -> bool {
    // Cheap refusal first (most blocks): a ticker's first word comes back at least
    // TICKER_MIN_REPEATS times.
    let first = text
        .split_whitespace()
        .next()
        .map_or("", |w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    if first.is_empty() || text.matches(first).nth(TICKER_MIN_REPEATS - 1).is_none() {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    (1..=TICKER_MAX_PHRASE_WORDS)
        .take_while(|&k| n >= TICKER_MIN_REPEATS * k)
        .any(|k| {
            let phrase = words.get(..k).unwrap_or(&[]);
            let repeats = words.chunks(k).take_while(|chunk| *chunk == phrase).count();
            repeats >= TICKER_MIN_REPEATS && repeats * k * 5 >= n * 4
        })
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

/// A heading over other stories' headlines ("More on this topic", "Lesen Sie auch", "Daha
/// fazla haber", in any language): right after it, [`TEASERS_MIN`] headlines that are links,
/// with nothing between them but short lines (a rank, a date, a label) — no prose, no other
/// heading. It opens a section of other stories, as a related heading does, and the tail
/// weighs it as any section: where less prose follows it than precedes it and the article
/// does not resume, the article ends there. (A contents list over the article's sections has
/// the article after it.) No wording is read: the shape is the evidence.
pub(super) fn mark_headings_over_links(items: &mut [Item]) {
    let Some(first_prose) = items.iter().position(|item| prose_words(item) > 0) else {
        return;
    };
    for index in first_prose + 1..items.len() {
        let Some(item) = items.get(index) else { break };
        let heading = item.candidate.heading_level > 0
            && (1..=SECTION_HEADING_MAX_WORDS).contains(&item.stats.words)
            && matches!(item.verdict, Verdict::Undecided | Verdict::Keep)
            && !item.stats.good
            && !reads_as_headline_link(item);
        if !heading || !headlines_follow(items, index) {
            continue;
        }
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Related, Rule::RelatedHeadingOverLinks);
            item.rule_hit = true;
            item.opens_section = true;
        }
    }
}

/// Do [`TEASERS_MIN`] linked headlines follow the block at `index` within
/// [`HEADLINES_REACH`] blocks, with only short lines ([`KICKER_MAX_WORDS`] words at most,
/// no prose, no heading) between them?
fn headlines_follow(items: &[Item], index: usize) -> bool {
    let mut headlines = 0;
    // A headline's words are words: a category's entry counts its posts ("Travel (15)").
    let headline = |item: &Item| {
        reads_as_headline_link(item)
            && item
                .candidate
                .text
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphabetic))
                .nth(HEADLINE_WORDS.start() - 1)
                .is_some()
    };
    for item in items.iter().skip(index + 1).take(HEADLINES_REACH) {
        if headline(item) {
            headlines += 1;
            if headlines >= TEASERS_MIN {
                return true;
            }
        } else if item.stats.good
            || item.candidate.heading_level > 0
            || item.stats.words > KICKER_MAX_WORDS
        {
            return false;
        }
    }
    false
}

/// A short line that comes back, digits aside, once per post ("Reply | Report this comment",
/// "Antworten · Melden", "3 likes") with each post's text and its poster's name or date
/// between the repeats, is the furniture of a comment thread: the thread's first post opens a
/// comment section, so a short article above a long thread still ends where the thread
/// starts. Repetition is the evidence, in any language: no wording is read. A list of other
/// stories (headlines between the repeats) or a listicle (no poster's date) is no thread.
pub(super) fn mark_post_threads(items: &mut [Item]) {
    let mut lines: rustc_hash::FxHashMap<u64, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (index, item) in items.iter().enumerate() {
        if let Some(key) = furniture_key(item) {
            lines.entry(key).or_default().push(index);
        }
    }
    // A date line is no furniture, even where its digits aside it repeats ("March …"); the
    // date search runs only on lines that repeat (it is the costly test).
    for positions in lines.values_mut() {
        if positions.len() >= POST_FURNITURE_MIN_REPEATS {
            positions.retain(|&index| {
                items
                    .get(index)
                    .is_some_and(|item| crate::dates::find_date(&item.candidate.text).is_none())
            });
        }
    }
    let mut threads: Vec<Thread> = lines
        .values()
        .filter_map(|positions| thread_span(items, positions))
        .collect();
    threads.sort_unstable_by_key(|thread| (thread.start, thread.end));
    let Some(thread) = threads.first() else {
        return;
    };
    let (start, end) = (thread.start, thread.end);
    // A thread from the page's first prose on is a forum's: its first post is the article.
    let before: usize = items
        .get(..start)
        .unwrap_or(&[])
        .iter()
        .map(prose_words)
        .sum();
    // Under an article the thread has a heading of its own ("Comments", "3 responses")
    // between the article's last prose and its first post, a comment form's short lines at
    // most between them; a forum's posts follow each other.
    let heading = (0..start)
        .rev()
        .take_while(|&index| {
            items.get(index).is_some_and(|item| {
                !item.stats.good
                    && (item.stats.words < THREAD_HEADING_GAP_MAX_WORDS || item.rule_hit)
            })
        })
        .find(|&index| {
            items
                .get(index)
                .is_some_and(|item| item.candidate.heading_level > 0)
        });
    // Without one, the thread still follows an article when no post stands above it: no
    // poster's line above the thread is shaped like the posters' lines in it (a forum's
    // opening post has one, and other furniture: no "Likes" yet). Its first post opens it.
    let heading = heading.or_else(|| {
        (before >= HEADLESS_THREAD_MIN_ARTICLE_WORDS && !poster_above(items, start, end))
            .then_some(start)
    });
    let Some(heading) = heading.filter(|_| before > 0) else {
        // The posts are the page's content (a forum's, a feed's entries): the furniture under
        // each goes (a sentence repeated under each entry may be the entries' own).
        for &index in &thread.furniture {
            if let Some(item) = items.get_mut(index) {
                if matches!(item.verdict, Verdict::Undecided | Verdict::Keep) && !is_post_text(item)
                {
                    item.verdict = Verdict::Remove(Category::Other, Rule::OtherPostFurniture);
                }
            }
        }
        return;
    };
    // A thread already known (a comments region, a signature) keeps its reasons.
    if items
        .get(start)
        .is_none_or(|item| matches!(item.verdict, Verdict::Remove(Category::Comments, _)))
    {
        return;
    }
    // The thread's heading, or else its first post, opens the comments (a short article
    // still ends there); the thread's undecided blocks are comments whatever the tail decides.
    let opener = match items.get(heading).map(|item| item.verdict) {
        Some(Verdict::Undecided | Verdict::Keep) => heading,
        _ => start,
    };
    for (index, item) in items.iter_mut().enumerate().take(end + 1).skip(opener) {
        if index == opener {
            item.verdict = Verdict::Remove(Category::Comments, Rule::CommentsThread);
            item.rule_hit = true;
            item.opens_section = true;
        } else if matches!(item.verdict, Verdict::Undecided | Verdict::Keep) {
            item.verdict = Verdict::Remove(Category::Comments, Rule::SectionComments);
        }
    }
}

/// A poster's line: a byline, a timestamp or a date, not prose.
fn is_poster_line(item: &Item) -> bool {
    !item.stats.good
        && (matches!(
            item.verdict,
            Verdict::Remove(Category::Byline | Category::Comments, _)
                | Verdict::Remove(_, Rule::OtherTimestamp)
        ) || crate::dates::find_date(&item.candidate.text).is_some())
}

/// Does a line above the thread (`start..=end`) read like its posters' lines: decided alike
/// and written from one template? Then a post stands above the thread's chain (a forum's
/// opening post, whose furniture differs); an article's byline or date line reads otherwise.
fn poster_above(items: &[Item], start: usize, end: usize) -> bool {
    let posters: Vec<&Item> = items
        .get(start..=end)
        .unwrap_or(&[])
        .iter()
        .filter(|item| is_poster_line(item))
        .collect();
    // The template and the verdict are compared first: the date search is the costly test.
    items.get(..start).unwrap_or(&[]).iter().any(|above| {
        posters.iter().any(|poster| {
            poster.verdict == above.verdict
                && same_template(&poster.candidate.text, &above.candidate.text)
        }) && is_poster_line(above)
    })
}

/// A short line's words with their digits (counts) left out, as a hash: what repeats per
/// post. A poster's line (a byline) is no furniture: one poster may post many times in a row;
/// nor is a date line, which [`mark_post_threads`] tests only on lines that repeat.
fn furniture_key(item: &Item) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let words = item.stats.words;
    if words == 0
        || words > POST_FURNITURE_MAX_WORDS
        || item.stats.good
        || item.candidate.kind == BlockKind::Heading
        || matches!(item.verdict, Verdict::Remove(Category::Byline, _))
    {
        return None;
    }
    // The line's words, digits and punctuation trimmed, hashed as they come (no string is
    // built: most short lines never repeat).
    let mut hasher = rustc_hash::FxHasher::default();
    let mut any = false;
    for word in item
        .norm()
        .split_whitespace()
        .map(|word| word.trim_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation()))
        .filter(|word| !word.is_empty())
    {
        word.hash(&mut hasher);
        any = true;
    }
    any.then(|| hasher.finish())
}

/// Where the thread whose furniture stands at `positions` starts and ends (its first and last
/// block) and its furniture lines, if these repeats are one: chains of repeats a post apart,
/// each post holding its text and its poster's line, from the first chain to the last.
fn thread_span(items: &[Item], positions: &[usize]) -> Option<Thread> {
    // The chains of repeats whose every span is one post.
    let mut chains: Vec<&[usize]> = Vec::new();
    let mut from = 0;
    for n in 1..=positions.len() {
        let broken = match (positions.get(n - 1), positions.get(n)) {
            (Some(&a), Some(&b)) => !is_post(items, a, b),
            _ => true,
        };
        if broken {
            let chain = positions.get(from..n).unwrap_or(&[]);
            if chain.len() >= POST_FURNITURE_MIN_REPEATS {
                chains.push(chain);
            }
            from = n;
        }
    }
    // A long post (or a reply nested deeper) breaks the chain, and the line still closes or
    // heads every other post of the thread: it runs from its first chain to its last.
    let first = chain_span(items, chains.first()?)?;
    let last = chain_span(items, chains.last()?)?;
    let (start, end) = (first.start, last.end.max(first.end));
    Some(Thread {
        start,
        end,
        furniture: positions
            .iter()
            .copied()
            .filter(|&p| start <= p && p <= end)
            .collect(),
    })
}

/// Where the posts of one chain of repeats start and end ([`thread_span`]).
fn chain_span(items: &[Item], chain: &[usize]) -> Option<Thread> {
    let (&first, &second, &last) = (chain.first()?, chain.get(1)?, chain.last()?);
    let span = second - first;
    // The blocks above the first furniture line that match, one for one, those above the
    // second (the poster's line, the text): where the first post began if the line closes
    // its post.
    let matched = (1..span)
        .take_while(|&back| {
            match (
                first.checked_sub(back).and_then(|i| items.get(i)),
                second.checked_sub(back).and_then(|i| items.get(i)),
            ) {
                (Some(a), Some(b)) => same_part(a, b),
                _ => false,
            }
        })
        .count();
    // The line closes its post when a whole post stands above the first one; else it heads
    // its post when the last one's text follows it.
    let closes = matched + 1 == span;
    let heads = !closes
        && items
            .iter()
            .skip(last + 1)
            .take(span.saturating_sub(1))
            .any(|item| item.stats.good);
    if heads {
        // The last post runs on as far as its blocks match the first post's.
        let tail = (1..span)
            .take_while(|&on| match (items.get(last + on), items.get(first + on)) {
                (Some(a), Some(b)) => same_part(a, b),
                _ => false,
            })
            .count();
        return Some(Thread {
            start: first,
            end: last + tail,
            furniture: chain.to_vec(),
        });
    }
    Some(Thread {
        start: first - matched,
        end: last,
        furniture: chain.to_vec(),
    })
}

/// A thread told by its furniture: its first and last block, and its furniture lines.
struct Thread {
    start: usize,
    end: usize,
    furniture: Vec<usize>,
}

/// Could these two blocks be the same part of two posts: the same kind, both a post's text
/// or both not, and decided alike so far?
fn same_part(a: &Item, b: &Item) -> bool {
    let decided = |item: &Item| match item.verdict {
        Verdict::Remove(category, _) => Some(category),
        _ => None,
    };
    a.candidate.kind == b.candidate.kind
        && is_post_text(a) == is_post_text(b)
        && decided(a) == decided(b)
}

/// A post's text: prose, or a one-line comment ("Well said.", "Does this apply to me?"): a
/// sentence or a question without a link.
fn is_post_text(item: &Item) -> bool {
    item.stats.good
        || item.stats.words > 0
            && item.candidate.link_chars == 0
            && (item.stats.ends_sentence || item.candidate.text.trim_end().ends_with('?'))
}

/// Are two lines written from one template: as many words, all but two at most the same once
/// numbers are set aside ("hayley.p 2 May 2025 18:48 1", "alison100 3 May 2025 09:21 2")?
fn same_template(a: &str, b: &str) -> bool {
    let shape = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|word| {
                if word.chars().any(char::is_alphabetic) {
                    word.to_lowercase()
                } else {
                    String::new()
                }
            })
            .collect()
    };
    let (a, b) = (shape(a), shape(b));
    !a.is_empty()
        && a.len() == b.len()
        && a.iter().zip(&b).filter(|(x, y)| x != y).count() <= TEMPLATE_MAX_DIFFERENCES
}

/// Do the blocks from one furniture line at `from` up to the next at `to` make one post: a
/// few blocks, with its text ([`is_post_text`]), a poster's line (a byline, a timestamp or a date), and no heading
/// (entries of a listing have headlines; posts do not)?
fn is_post(items: &[Item], from: usize, to: usize) -> bool {
    if to <= from + 1 || to - from > POST_MAX_BLOCKS {
        return false;
    }
    let post = items.get(from..to).unwrap_or(&[]);
    let text = post.iter().skip(1).any(is_post_text);
    let poster = post.iter().any(is_poster_line);
    let headline = post
        .iter()
        .any(|item| item.candidate.kind == BlockKind::Heading || is_linked_headline(item));
    text && poster && !headline
}

#[cfg(test)]
mod tests {
    use super::same_template;

    #[test]
    fn posters_lines_from_one_template() {
        // A forum's posters: the name and the numbers differ.
        assert!(same_template(
            "hayley.p 2 May 2025 18:48 1",
            "alison100 3 May 2025 09:21 2"
        ));
        // A month too.
        assert!(same_template("Pete March 8, 2019", "lina June 22, 2019"));
        // An article's byline and a comment's date line are written otherwise.
        assert!(!same_template(
            "Par Claire Moreau, le 4 mars 2024",
            "5 mars 2024 à 8 h 10"
        ));
        assert!(!same_template(
            "By Sam Okafor, 2 April 2024",
            "islander 2 April 2024, 09:14"
        ));
        assert!(!same_template("", ""));
    }
}

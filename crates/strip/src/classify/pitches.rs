//! Pass 6b, pitches: the paragraph over a donate or sign-up button is the appeal's own text
//! ("We rely on readers like you …" over "Donate now"), told by the button and by sharing
//! little vocabulary with the article, in any language.

use super::tuning::{PITCH_MAX_BLOCKS, PITCH_MAX_WORDS, PITCH_MIN_ARTICLE_WORDS, a_quarter};
use super::{Item, Verdict};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;
use crate::words::Stem;

/// The kept paragraph right over a donate or newsletter button (up to
/// [`PITCH_MAX_BLOCKS`], each of at most [`PITCH_MAX_WORDS`]) that share under a quarter of
/// their stems with the rest of the article are the appeal's pitch: removed with it. An
/// article's own paragraph before a button speaks of what the article speaks of.
pub(super) fn remove_pitches(items: &mut [Item]) {
    let kept = |item: &Item| {
        item.verdict == Verdict::Keep
            && item.candidate.kind == BlockKind::Paragraph
            && item.stats.words > 0
    };
    let markup = super::shows_markup(items);
    let mut pitches: Vec<(usize, Category, Rule)> = Vec::new();
    for (button, item) in items.iter().enumerate() {
        let (category, rule) = match item.verdict {
            Verdict::Remove(Category::Appeal, Rule::AppealLabel) => {
                (Category::Appeal, Rule::AppealPitch)
            }
            Verdict::Remove(Category::Newsletter, Rule::NewsletterLabel) => {
                (Category::Newsletter, Rule::NewsletterPitch)
            }
            _ => continue,
        };
        // A button in a small box between two paragraphs: its pitch is in the box. (A plain
        // text's group of lines bounds nothing so surely: the pitch may stand a group above.)
        let box_end = box_end(item, button).filter(|_| markup);
        let mut taken = 0;
        for index in (0..button).rev() {
            let Some(above) = items.get(index) else { break };
            if box_end.is_some() && box_end != self::box_end(above, index) {
                break;
            }
            // The appeal's other parts, already removed, stand in between; its heading
            // opens it, and what stands over the heading is not its pitch.
            if matches!(above.verdict, Verdict::Remove(c, _) if c == category) {
                if above.opens_section {
                    break;
                }
                continue;
            }
            if !kept(above) || above.stats.words > PITCH_MAX_WORDS || taken == PITCH_MAX_BLOCKS {
                break;
            }
            pitches.push((index, category, rule));
            taken += 1;
        }
    }
    if pitches.is_empty() {
        return;
    }
    let rest = || {
        items
            .iter()
            .enumerate()
            .filter(|(i, item)| kept(item) && !pitches.iter().any(|p| p.0 == *i))
            .map(|(_, item)| item)
    };
    // Too little article to tell its vocabulary from another's.
    if rest().map(|item| item.stats.words).sum::<usize>() < PITCH_MIN_ARTICLE_WORDS {
        return;
    }
    let vocabulary: rustc_hash::FxHashSet<&Stem> =
        rest().flat_map(|item| item.stems().iter()).collect();
    let off_topic: Vec<bool> = pitches
        .iter()
        .map(|&(index, ..)| {
            items.get(index).is_some_and(|item| {
                let stems = item.stems();
                let shared = stems.iter().filter(|s| vocabulary.contains(s)).count();
                !stems.is_empty() && !a_quarter(shared, stems.len())
            })
        })
        .collect();
    for (&(index, category, rule), off) in pitches.iter().zip(off_topic) {
        if let Some(item) = items.get_mut(index).filter(|_| off) {
            item.verdict = Verdict::Remove(category, rule);
        }
    }
}

/// The index of the last block of the inline box the block at `index` stands in, if any
/// ([`crate::candidate::Candidate::inline_box`]).
fn box_end(item: &Item, index: usize) -> Option<usize> {
    item.candidate
        .inline_box
        .and_then(|after| usize::try_from(after).ok())
        .map(|after| index + after)
}

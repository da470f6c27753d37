//! Pass 1b, wording and shape: each block's text against the lexicons and the shape rules,
//! judged once per distinct text.

use super::tuning::{
    HEADLINE_WORDS, INLINE_REFERENCE_LABEL_WORDS, LABEL_ROW_MAX_WORDS, RULE_MAX_WORDS,
};
use super::{Item, Stats, Verdict};
use crate::lexicon::{self, label_key, normalise};
use crate::model::{BlockKind, Category};
use crate::patterns;
use crate::rules::Rule;

/// The rule that recognises a block, if any: its category is the rule's, and it opens a
/// section as [`Rule::opens_section`] says.
pub(super) type RuleHit = Option<Rule>;

/// [`rule_hit`] of every block. It reads only the block's text and whether it reads as a
/// heading, and a page repeats many blocks (its menu entries, labels and buttons, in the
/// header and again in the footer): each distinct one is judged once. So do a site's pages
/// and many sites (the same menus, share rows, cookie notices): short texts judged on the
/// thread's earlier pages are looked up in a cache ([`HitCache`]).
pub(super) fn rule_hits(
    items: &[Item],
    budget: &crate::Budget,
) -> Result<Vec<RuleHit>, crate::OverBudget> {
    // FxHash: the keys are a page's short block texts, where SipHash cost more than the lookup.
    let mut first: rustc_hash::FxHashMap<(&str, bool), usize> =
        rustc_hash::FxHashMap::with_capacity_and_hasher(items.len(), Default::default());
    let mut cache = HitCache::take();
    let mut hits: Vec<RuleHit> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        // The costliest pass on a page of many blocks (a text dump of a million lines):
        // the budget holds inside it, not only after it.
        if index % BUDGET_EVERY_BLOCKS == BUDGET_EVERY_BLOCKS - 1 {
            budget.check("the block rules")?;
        }
        let key = (item.candidate.text.as_str(), item.stats.heading_like);
        let hit = match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                hits.get(*seen.get()).copied().flatten()
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                cache.hit(item)
            }
        };
        hits.push(hit);
    }
    Ok(hits)
}

/// [`rule_hit`] of the short texts the thread judged on its earlier pages. A hit is a
/// function of the text and whether it reads as a heading (its word count is the text's),
/// so what the cache holds never changes a result. Taken from the thread for a page and
/// put back when dropped (also when the budget stops the page).
struct HitCache {
    /// By `heading_like` (`false`, `true`), then by text. (FxHash, as above.)
    known: [rustc_hash::FxHashMap<String, RuleHit>; 2],
    /// Texts this page added.
    added: usize,
}

/// Longest text (in bytes) the cache keeps: furniture that comes back on other pages is
/// short (a label, a menu entry, a share row, a notice); prose seldom comes back.
const CACHED_MAX_BYTES: usize = 256;

/// Most texts one page adds to the cache (bounds what a page crafted to collide in the
/// unkeyed Fx hash can do).
const CACHED_MAX_PER_PAGE: usize = 2048;

/// Most texts the thread's cache holds; past it the cache starts again (memory stays
/// bounded, under 3 MB a thread at 256 bytes a text, however many sites a run reads; aeb
/// peaks at the same resident size as without the cache).
const CACHED_MAX: usize = 8_192;

type HitMaps = [rustc_hash::FxHashMap<String, RuleHit>; 2];

thread_local! {
    static SHARED_HITS: std::cell::RefCell<HitMaps> = std::cell::RefCell::new(HitMaps::default());
}

impl HitCache {
    fn take() -> HitCache {
        let mut known = crate::thread_cache::take(&SHARED_HITS);
        if known.iter().map(|m| m.len()).sum::<usize>() > CACHED_MAX {
            known.iter_mut().for_each(|m| m.clear());
        }
        HitCache { known, added: 0 }
    }

    /// [`rule_hit`] of `item`, from the cache when the thread judged its text before.
    fn hit(&mut self, item: &Item) -> RuleHit {
        let text = item.candidate.text.as_str();
        if text.len() > CACHED_MAX_BYTES {
            return rule_hit(item);
        }
        let Some(known) = self.known.get_mut(usize::from(item.stats.heading_like)) else {
            return rule_hit(item);
        };
        if let Some(&hit) = known.get(text) {
            return hit;
        }
        let hit = rule_hit(item);
        if self.added < CACHED_MAX_PER_PAGE {
            self.added += 1;
            known.insert(text.to_owned(), hit);
        }
        hit
    }
}

impl Drop for HitCache {
    fn drop(&mut self) {
        crate::thread_cache::put_back(&SHARED_HITS, std::mem::take(&mut self.known));
    }
}

/// How many blocks [`rule_hits`] reads between two looks at the budget (a look is a clock
/// read; a block's rules take microseconds).
const BUDGET_EVERY_BLOCKS: usize = 256;

/// What the shape rules read of a block.
struct Probe<'a> {
    /// The block's text as it stands.
    text: &'a str,
    /// After [`normalise`].
    norm: &'a str,
    /// [`label_key`] of `norm`.
    key: &'a str,
    words: usize,
    heading_like: bool,
}

/// Whether a shape rule holds for a block.
type Holds = fn(&Probe<'_>) -> bool;

/// The shape rules, in the order they are tried after the lexicons: the first that holds
/// names the block.
const SHAPE_RULES: &[(Rule, Holds)] = &[
    (Rule::AudioAiNotice, |p| {
        patterns::is_audio_notice(p.norm, p.words)
    }),
    (Rule::RelatedHeadingShape, |p| {
        p.heading_like && patterns::is_related_heading(p.key, p.words)
    }),
    (Rule::CommentsHeadingCount, |p| {
        patterns::is_comments_heading(p.key, p.words)
    }),
    (Rule::CommentsSignature, |p| {
        patterns::is_comment_signature(p.text, p.words)
    }),
    (Rule::CommentsPostMeta, |p| {
        patterns::is_post_meta(p.text, p.words)
    }),
    (Rule::BylineReadingTime, |p| {
        patterns::is_reading_time(p.key)
    }),
    (Rule::CommentsCount, |p| patterns::is_comment_count(p.key)),
    (Rule::BylineCredits, |p| {
        patterns::is_credits_line(p.text, p.words)
    }),
    (Rule::BylineReviewer, |p| {
        patterns::is_review_credit(p.text, p.words)
    }),
    (Rule::BylineContact, |p| patterns::is_contact_line(p.text)),
    (Rule::CaptionGallery, |p| patterns::is_gallery_label(p.key)),
    (Rule::ShareStrip, |p| {
        p.words <= LABEL_ROW_MAX_WORDS && patterns::is_share_strip(p.norm)
    }),
    (Rule::ShareFollow, |p| {
        patterns::is_social_follow(p.norm, p.words)
    }),
    (Rule::NewsletterCall, |p| {
        patterns::is_newsletter_call(p.norm, p.words, p.heading_like)
    }),
    (Rule::BylineAgency, |p| patterns::is_agency_line(p.key)),
    (Rule::LegalSourceLine, |p| {
        patterns::is_source_line(p.text, p.words)
    }),
    (Rule::LegalCopyright, |p| {
        p.words <= LABEL_ROW_MAX_WORDS
            && (p.norm.starts_with('©')
                || p.norm.starts_with("copyright")
                || p.norm.starts_with("(c) "))
    }),
    (Rule::CaptionCredit, |p| {
        patterns::is_caption_credit(p.text, p.norm, p.words)
    }),
    (Rule::OtherShortcode, |p| {
        patterns::is_unrendered_shortcode(p.text)
    }),
    (Rule::OtherTimestamp, |p| {
        patterns::is_timestamp(p.key, p.text)
    }),
];

/// The first rule that recognises the block, if any: the lexicons, then the shape rules.
pub(super) fn rule_hit(item: &Item) -> RuleHit {
    let Stats {
        words,
        heading_like,
        ..
    } = item.stats;
    if words > RULE_MAX_WORDS {
        return None;
    }
    let norm = item.norm();
    if let Some(rule) = lexicon::lookup(norm, words, heading_like) {
        return Some(rule);
    }
    let probe = Probe {
        text: item.candidate.text.as_str(),
        norm,
        key: label_key(norm),
        words,
        heading_like,
    };
    SHAPE_RULES
        .iter()
        .find(|(_, holds)| holds(&probe))
        .map(|&(rule, _)| rule)
}

pub(super) fn apply_rules(items: &mut [Item], hits: &[RuleHit], site_name: Option<&str>) {
    let more_site = site_name.map(|site| format!("more {}", normalise(site)));
    for (item, &hit) in items.iter_mut().zip(hits) {
        if item.verdict != Verdict::Undecided {
            continue;
        }
        // "More The Daily Planet", "More from The Daily Planet": other stories of this site.
        if let Some(more) = &more_site {
            let key = label_key(item.norm());
            if item.stats.heading_like
                && (key == more || key.strip_prefix("more from ") == more.strip_prefix("more "))
            {
                let rule = Rule::RelatedSiteMore;
                item.verdict = Verdict::Remove(rule.category(), rule);
                item.rule_hit = true;
                item.opens_section = rule.opens_section(true);
                continue;
            }
        }
        if let Some(rule) = hit {
            item.verdict = Verdict::Remove(rule.category(), rule);
            item.rule_hit = true;
            item.opens_section =
                rule.opens_section(item.stats.heading_like) && !is_inline_reference(item, rule);
        }
    }
}

/// "Read more: <headline>", "Lesen Sie auch: <headline>": a paragraph (not a heading) that
/// holds both the label and the one other story it points to (linked, when the page has
/// links). It is a single reference set into the article, which goes on after it: it opens
/// no section of other stories, as a label standing alone ("Read more") does.
fn is_inline_reference(item: &Item, rule: Rule) -> bool {
    let c = &item.candidate;
    if rule.category() != Category::Related || c.kind == BlockKind::Heading {
        return false;
    }
    let Some((label, headline)) = c.text.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    let headline_chars = headline.trim().chars().count();
    (1..=INLINE_REFERENCE_LABEL_WORDS).contains(&label_words)
        && HEADLINE_WORDS.contains(&headline.split_whitespace().count())
        // In HTML the headline is the link; a plain-text line has none.
        && (c.link_chars == 0 || c.link_chars * 5 >= headline_chars * 4)
}

#[cfg(test)]
mod budget_tests {
    use super::*;
    use crate::candidate::Candidate;
    use crate::model::BlockKind;

    fn items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| {
                Item::new(Candidate::new(
                    format!("line {i} of a long dump"),
                    BlockKind::Paragraph,
                ))
            })
            .collect()
    }

    #[test]
    fn the_budget_holds_inside_the_block_rules() {
        let spent = crate::Budget::until(std::time::Instant::now());
        // A page shorter than one stretch is read whole; a longer one stops inside the pass.
        assert!(rule_hits(&items(BUDGET_EVERY_BLOCKS - 1), &spent).is_ok());
        let err = rule_hits(&items(BUDGET_EVERY_BLOCKS * 4), &spent).unwrap_err();
        assert_eq!(err.stage, "the block rules");
        assert!(rule_hits(&items(BUDGET_EVERY_BLOCKS * 4), &crate::Budget::unlimited()).is_ok());
    }

    #[test]
    fn the_cache_answers_as_the_rules_do() {
        let texts = [
            ("Share", BlockKind::Paragraph),
            ("Related articles", BlockKind::Heading),
            ("Related articles", BlockKind::Paragraph),
            (
                "We use cookies to improve your experience.",
                BlockKind::Paragraph,
            ),
            ("Photo: Ana Ruiz/Reuters", BlockKind::Paragraph),
            ("5 min read", BlockKind::Paragraph),
            ("Abonnez-vous à notre newsletter", BlockKind::Heading),
            (
                "Die Regierung hat am Dienstag beschlossen, die Steuern zu senken.",
                BlockKind::Paragraph,
            ),
            ("Share", BlockKind::Paragraph),
        ];
        let page = || -> Vec<Item> {
            texts
                .iter()
                .map(|&(t, kind)| Item::new(Candidate::new(t.to_string(), kind)))
                .collect()
        };
        let expected: Vec<RuleHit> = page().iter().map(rule_hit).collect();
        assert!(expected.iter().any(Option::is_some) && expected.iter().any(Option::is_none));
        // The first page fills the thread's cache, a stopped page leaves it whole, the next
        // pages read from it.
        let spent = crate::Budget::until(std::time::Instant::now());
        assert!(rule_hits(&items(BUDGET_EVERY_BLOCKS * 2), &spent).is_err());
        for _ in 0..3 {
            let hits = rule_hits(&page(), &crate::Budget::unlimited()).ok();
            assert_eq!(hits.as_deref(), Some(&expected[..]));
        }
    }
}

//! Pass 1b, wording and shape: each block's text against the lexicons and the shape rules,
//! judged once per distinct text.

use super::tuning::{LABEL_ROW_MAX_WORDS, RULE_MAX_WORDS};
use super::{Item, Stats, Verdict};
use crate::lexicon::{self, label_key, normalise};
use crate::model::Category;
use crate::patterns;

/// What a rule says of a block: (category, rule, opens a section).
pub(super) type RuleHit = Option<(Category, &'static str, bool)>;

/// [`rule_hit`] of every block. It reads only the block's text and whether it reads as a
/// heading, and a page repeats many blocks (its menu entries, labels and buttons, in the
/// header and again in the footer): each distinct one is judged once.
pub(super) fn rule_hits(items: &[Item]) -> Vec<RuleHit> {
    let mut first: std::collections::HashMap<(&str, bool), usize> =
        std::collections::HashMap::with_capacity(items.len());
    let mut hits: Vec<RuleHit> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let key = (item.candidate.text.as_str(), item.stats.heading_like);
        let hit = match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(seen) => {
                hits.get(*seen.get()).copied().flatten()
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(index);
                rule_hit(item)
            }
        };
        hits.push(hit);
    }
    hits
}

/// The first rule that recognises the block, if any: (category, rule, opens a section).
pub(super) fn rule_hit(item: &Item) -> RuleHit {
    let text = item.candidate.text.as_str();
    let Stats {
        words,
        heading_like,
        ..
    } = item.stats;
    if words > RULE_MAX_WORDS {
        return None;
    }
    let norm = item.norm();
    if let Some(hit) = lexicon::lookup(norm, words, heading_like) {
        return Some((hit.category, hit.rule, hit.opens_section));
    }
    let key = label_key(norm);
    if patterns::is_audio_notice(norm, words) {
        return Some((Category::Audio, "audio.ai_notice", false));
    }
    if heading_like && patterns::is_related_heading(key, words) {
        return Some((Category::Related, "related.heading_shape", true));
    }
    if patterns::is_comments_heading(key, words) {
        return Some((Category::Comments, "comments.heading_count", true));
    }
    if patterns::is_comment_signature(text, words) {
        return Some((Category::Comments, "comments.signature", false));
    }
    if patterns::is_post_meta(text, words) {
        return Some((Category::Comments, "comments.post_meta", true));
    }
    if patterns::is_reading_time(key) {
        return Some((Category::Byline, "byline.reading_time", false));
    }
    if patterns::is_comment_count(key) {
        return Some((Category::Comments, "comments.count", heading_like));
    }
    if patterns::is_credits_line(text, words) {
        return Some((Category::Byline, "byline.credits", false));
    }
    if patterns::is_review_credit(text, words) {
        return Some((Category::Byline, "byline.reviewer", false));
    }
    if patterns::is_contact_line(text) {
        return Some((Category::Byline, "byline.contact", false));
    }
    if patterns::is_gallery_label(key) {
        return Some((Category::Caption, "caption.gallery", false));
    }
    if words <= LABEL_ROW_MAX_WORDS && patterns::is_share_strip(norm) {
        return Some((Category::Share, "share.strip", false));
    }
    if patterns::is_social_follow(norm, words) {
        return Some((Category::Share, "share.follow", false));
    }
    if patterns::is_newsletter_call(norm, words, heading_like) {
        return Some((Category::Newsletter, "newsletter.call", heading_like));
    }
    if patterns::is_agency_line(key) {
        return Some((Category::Byline, "byline.agency", false));
    }
    if patterns::is_source_line(text, words) {
        return Some((Category::Legal, "legal.source_line", false));
    }
    if words <= LABEL_ROW_MAX_WORDS
        && (norm.starts_with('©') || norm.starts_with("copyright") || norm.starts_with("(c) "))
    {
        return Some((Category::Legal, "legal.copyright", false));
    }
    if patterns::is_caption_credit(text, norm, words) {
        return Some((Category::Caption, "caption.credit", false));
    }
    if patterns::is_unrendered_shortcode(text) {
        return Some((Category::Other, "other.shortcode", false));
    }
    if patterns::is_timestamp(key, text) {
        return Some((Category::Other, "other.timestamp", false));
    }
    None
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
                item.verdict = Verdict::Remove(Category::Related, "related.site_more");
                item.rule_hit = true;
                item.opens_section = true;
                continue;
            }
        }
        if let Some((category, rule, opens)) = hit {
            item.verdict = Verdict::Remove(category, rule);
            item.rule_hit = true;
            item.opens_section = opens;
        }
    }
}

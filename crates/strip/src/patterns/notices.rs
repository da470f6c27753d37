//! Notices and furniture in a page's own voice: machine-voice notices, calls to follow or
//! to sign up, share rows, headings over other stories, reading times, bare timestamps,
//! unrendered shortcodes.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::{Pattern, finder, word_set, words};
use crate::anchored::AnchoredPattern;
use crate::lang::{self, Shape};
use crate::lexicon::WordSet;

/// Stems that say "machine-made" ([`Shape::MachineWord`]), matched where a word starts.
static MACHINE_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::MachineWord));

/// Short machine words, matched as whole words only ("ai" is no part of "said" or "air").
static MACHINE_TOKENS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::MachineToken));

/// One pass over the text for every stem that says "audio" or "voice" ([`Shape::AudioWord`]).
static AUDIO_FINDER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| finder(Shape::AudioWord));

/// "This audio is created with AI assistance", "Voice is AI-generated", "Ce texte est lu par
/// une voix de synthèse": a short notice about a machine-read version of the article.
pub(crate) fn is_audio_notice(normalised: &str, words: usize) -> bool {
    if words > 25 {
        return false;
    }
    // Each word is matched where a word starts ("stem", Dutch for voice, is no part of
    // "system"; "ouç" none of "louças").
    let audio = AUDIO_FINDER.as_ref().is_some_and(|finder| {
        finder
            .find_overlapping_iter(normalised)
            .any(|m| starts_word(normalised, m.start()))
    });
    if !audio {
        return false;
    }
    MACHINE_WORDS.iter().any(|w| {
        normalised
            .match_indices(w)
            .any(|(at, _)| starts_word(normalised, at))
    }) || MACHINE_TOKENS.iter().any(|w| {
        normalised
            .match_indices(w)
            .any(|(at, _)| starts_word(normalised, at) && ends_word(normalised, at + w.len()))
    })
}

/// Does a word start at byte `at` (no letter or digit just before)?
fn starts_word(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Does a word end at byte `at` (no letter or digit just after)?
fn ends_word(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Names of social networks ([`Shape::SocialNetwork`]).
static SOCIAL_NETWORKS: LazyLock<WordSet> = LazyLock::new(|| word_set(Shape::SocialNetwork));

/// What opens a call to follow ([`Shape::FollowCall`]).
static FOLLOW_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::FollowCall));

/// "Follow us on Twitter and Instagram", "Subscribe to X on YouTube", "Síguenos en Facebook".
pub(crate) fn is_social_follow(normalised: &str, words: usize) -> bool {
    if words > 30
        || !normalised
            .split(|c: char| !c.is_alphanumeric())
            .any(|token| SOCIAL_NETWORKS.contains(token))
    {
        return false;
    }
    FOLLOW_WORDS.iter().any(|w| {
        normalised.starts_with(w)
            || normalised
                .match_indices(w)
                .any(|(i, _)| normalised.get(..i).is_some_and(|b| b.ends_with(". ")))
    })
}

/// One pass over the text for every word that names a newsletter ([`Shape::NewsletterName`]).
static NEWSLETTER_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| finder(Shape::NewsletterName));

/// Words of signing up ([`Shape::SignupWord`]).
static SIGNUP_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| words(Shape::SignupWord));

/// A short block that names a newsletter and asks the reader to sign up for it:
/// "Want more deals? Join the IGN Deals Newsletter.", "Pick Six Newsletter".
pub(crate) fn is_newsletter_call(normalised: &str, words: usize, heading_like: bool) -> bool {
    // The word counts first: most blocks are longer, and need no search.
    let short_heading = heading_like && words <= 8;
    (short_heading || words <= 30)
        && NEWSLETTER_FINDER
            .as_ref()
            .is_some_and(|finder| finder.is_match(normalised))
        && (short_heading || SIGNUP_WORDS.iter().any(|w| normalised.contains(w)))
}

static RELATED_HEADING: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    // A lead word, at most three words, a noun for stories, and maybe "from …"/"aus …".
    let lead = lang::alternation(Shape::RelatedLead);
    let noun = lang::alternation(Shape::RelatedNoun);
    let prep = lang::alternation(Shape::RelatedPrep);
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{lead})(?:\s+\S+){{0,3}}?\s+(?:{noun})(?:\s+(?:{prep})(?:\s+\S+){{1,3}})?$"
    ))
});

/// "More Great WIRED Stories", "Weitere Artikel aus Berlin", "Otras noticias": a heading
/// that introduces other stories.
pub(crate) fn is_related_heading(label_key: &str, words: usize) -> bool {
    words <= 8 && RELATED_HEADING.is_match(label_key)
}

static READING_TIME: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:(?:{labels})\s*:?\s*(?:\d+|<\s*\d+|{numbers})\s*\p{{L}}*\.?|\d+\s*(?:{units})\.?\s*(?:{after}))$",
        labels = lang::alternation(Shape::ReadingTimeLabel),
        numbers = lang::alternation(Shape::ReadingTimeNumber),
        units = lang::alternation(Shape::ReadingTimeUnit),
        after = lang::alternation(Shape::ReadingTimeAfter),
    ))
});

/// "5 min read", "Lesezeit: 3 Minuten", "Tempo de leitura: 1 minuto".
pub(crate) fn is_reading_time(label_key: &str) -> bool {
    READING_TIME.is_match(label_key)
}

/// A share row's verbs and labels ([`Shape::ShareToken`]).
static SHARE_TOKENS: LazyLock<WordSet> = LazyLock::new(|| word_set(Shape::ShareToken));

/// A line made only of social networks and share verbs: "Whatsapp Facebook Pint Baixar",
/// "Facebook Twitter Email Print".
pub(crate) fn is_share_strip(normalised: &str) -> bool {
    let mut networks = 0;
    let mut tokens = 0;
    for token in normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        tokens += 1;
        if SOCIAL_NETWORKS.contains(token) || token == "x" {
            networks += 1;
        } else if !SHARE_TOKENS.contains(token) {
            return false;
        }
    }
    tokens >= 2 && networks >= 1
}

/// A bare time or relative date, the whole block ([`Shape::Timestamp`]).
static TIMESTAMP: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^(?:{prefixes})?(?:{forms}|(?:{ago})\s+\d+\s+(?-i:\p{{L}}+))$",
        prefixes = lang::alternation(Shape::TimestampPrefix),
        forms = lang::alternation(Shape::Timestamp),
        // One letter class for every language's "ago": each copy costs a millisecond.
        ago = lang::alternation(Shape::TimestampAgo),
    ))
});

static SHORTCODE: Pattern = LazyLock::new(|| {
    Regex::new(r"^\[([a-z_][a-z0-9_-]*)\b[^\]]*\].*\[/([a-z_][a-z0-9_-]*)\]$").ok()
});

/// `[button link="…"]Send us your review[/button]`: a CMS shortcode the site failed to
/// render, markup for a widget and not text.
pub(crate) fn is_unrendered_shortcode(text: &str) -> bool {
    let text = text.trim();
    text.len() < 600
        && text.starts_with('[')
        && SHORTCODE.as_ref().is_some_and(|re| {
            re.captures(text)
                .is_some_and(|c| c.get(1).map(|m| m.as_str()) == c.get(2).map(|m| m.as_str()))
        })
}

/// A bare time or relative date on its own line: "5:15 AM", "2 hours ago", "vor 3 Stunden".
pub(crate) fn is_timestamp(label_key: &str, text: &str) -> bool {
    let t = text.trim();
    // "$29.99", "€12.50": a price, whatever its digits.
    if t.starts_with(['$', '€', '£', '¥', '₹', '₽']) {
        return false;
    }
    TIMESTAMP.is_match(t) || TIMESTAMP.is_match(label_key)
}

//! Boilerplate recognised by its shape rather than by a fixed phrase: photo credits,
//! source lines, AI-voice notices, comment counts, bare timestamps, author-bio sentences.
//!
//! The shapes are written here; their words (each language's "photo", "vor", "schrieb", the
//! names of agencies and networks) come from `crate::lang` ([`Shape`]), joined into the
//! patterns and word lists once per process. One module per theme: [`credits`] (captions,
//! agencies, sources, reviewers, galleries), [`comments`], [`notices`] (audio, follow,
//! newsletter, share rows, related headings, reading times, timestamps) and [`bios`]
//! (bio sentences, contact lines).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::lang::{self, Shape};
use crate::lexicon::WordSet;

mod bios;
mod comments;
mod credits;
mod notices;

pub(crate) use bios::{about_subject, bio_subject, is_bio_sentence, is_contact_line};
pub(crate) use comments::{
    is_comment_count, is_comment_signature, is_comments_heading, is_post_meta,
};
pub(crate) use credits::{
    is_agency_line, is_caption_credit, is_credits_line, is_gallery_label, is_review_credit,
    is_source_line,
};
pub(crate) use notices::{
    is_audio_notice, is_newsletter_call, is_reading_time, is_related_heading, is_share_strip,
    is_social_follow, is_timestamp, is_unrendered_shortcode,
};
// The tests check private scanners against the single patterns they replaced.
#[cfg(test)]
use {comments::*, credits::*};

/// A pattern compiled on first use; `None` only if it failed to compile, which the tests
/// would show.
type Pattern = LazyLock<Option<Regex>>;

fn matches(pattern: &Pattern, text: &str) -> bool {
    pattern.as_ref().is_some_and(|re| re.is_match(text))
}

/// Every language's plain words for `shape` (see [`lang::shape_words`]).
fn words(shape: Shape) -> Vec<&'static str> {
    lang::shape_words(shape).collect()
}

/// Every language's plain words for `shape`, as a set asked about many tokens.
fn word_set(shape: Shape) -> WordSet {
    WordSet::of(lang::shape_words(shape))
}

/// One pass over a text for all of a shape's plain words; `None` only if it failed to
/// build, which the tests would show.
fn finder(shape: Shape) -> Option<AhoCorasick> {
    AhoCorasick::new(lang::shape_words(shape)).ok()
}

#[cfg(test)]
mod tests;

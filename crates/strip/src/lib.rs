//! Decoded page in, article out.
//!
//! Two front ends turn a page into one sequence of [`candidate::Candidate`] blocks:
//! [`text`] for plain text (lines and paragraphs), [`html`] for HTML (a `scraper` DOM).
//! One classifier ([`classify`]) then decides, block by block, what is article and what is
//! boilerplate, and why. Metadata (title, byline, date) goes to the header, not the body.
//!
//! Pure library: no IO, no panics, whatever the input.
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

mod byline;
mod candidate;
mod classify;
mod dates;
mod html;
mod lexicon;
mod model;
mod patterns;
mod text;

pub use model::{Article, Block, BlockKind, Category, RemovedBlock};

/// Cleans a plain-text page (e.g. what a scraper saved with the boilerplate left in).
pub fn strip_text(page: &str) -> Article {
    let (candidates, meta) = text::candidates(page);
    classify::classify(candidates, meta)
}

/// Cleans an HTML page.
pub fn strip_html(page: &str) -> Article {
    let (candidates, meta) = html::candidates(page);
    classify::classify(candidates, meta)
}

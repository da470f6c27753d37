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

mod anchored;
mod budget;
mod byline;
mod candidate;
mod classify;
mod dates;
mod html;
mod lexicon;
mod model;
mod patterns;
#[cfg(test)]
mod testgen;
mod text;
mod title;
mod uclass;

pub use budget::{Budget, OverBudget};
pub use model::{Article, Block, BlockKind, Category, RemovedBlock};

/// Cleans a plain-text page (e.g. what a scraper saved with the boilerplate left in).
pub fn strip_text(page: &str) -> Article {
    strip_text_within(page, Budget::unlimited()).unwrap_or_default()
}

/// Cleans an HTML page.
pub fn strip_html(page: &str) -> Article {
    strip_html_within(page, Budget::unlimited()).unwrap_or_default()
}

/// [`strip_text`], stopping with `Err` once `budget` is spent.
pub fn strip_text_within(page: &str, budget: Budget) -> Result<Article, OverBudget> {
    let (candidates, meta) = text::candidates(page);
    budget.check("reading the lines")?;
    classify::classify_within(candidates, meta, &budget)
}

/// [`strip_html`], stopping with `Err` once `budget` is spent.
pub fn strip_html_within(page: &str, budget: Budget) -> Result<Article, OverBudget> {
    let (candidates, meta) = html::candidates_within(page, &budget)?;
    classify::classify_within(candidates, meta, &budget)
}

//! Decoded page in, article out.
//!
//! Two front ends turn a page into one sequence of `candidate::Candidate` blocks:
//! `text` for plain text (lines and paragraphs), `html` for HTML (a `scraper` DOM).
//! One classifier (`classify`) then decides, block by block, what is article and what is
//! boilerplate, and why. Metadata (title, byline, date) goes to the header, not the body.
//!
//! Pure library: no IO, no panics, whatever the input.
// House rules the compiler enforces (see ARCHITECTURE.md): a library prints nothing, and
// its items are `pub` only where another crate reaches them.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]
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
mod judge;
mod lang;
mod lexicon;
mod model;
mod patterns;
mod rules;
#[cfg(test)]
mod testgen;
mod text;
mod title;
mod uclass;
mod words;

pub use budget::{Budget, Exceeded, OverBudget};
pub use judge::Ruling;
pub use model::{Article, Block, BlockKind, Category, OverruledBlock, RemovedBlock};
pub use rules::{Opens, Rule, RuleKind};

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

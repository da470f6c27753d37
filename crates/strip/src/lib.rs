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
mod site;
#[cfg(test)]
mod testgen;
mod text;
mod thread_cache;
mod title;
mod uclass;
mod words;

pub use budget::{Budget, Exceeded, OverBudget};
pub use judge::Ruling;
pub use model::{Article, Block, BlockKind, Category, Layout, OverruledBlock, RemovedBlock};
pub use rules::{Opens, Rule, RuleKind};
pub use site::{
    PageSignatures, SiteLearner, SiteProfile, SiteProfiles, SiteShare, SiteThresholds, host_of,
};

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
    classify::classify_within(candidates, meta, &budget, None)
}

/// [`strip_html`], stopping with `Err` once `budget` is spent.
pub fn strip_html_within(page: &str, budget: Budget) -> Result<Article, OverBudget> {
    strip_html_with_site(page, budget, None)
}

/// The first look of site learning: the signatures of a page's blocks (HTML), to count
/// with a [`SiteLearner`].
pub fn html_signatures_within(page: &str, budget: Budget) -> Result<PageSignatures, OverBudget> {
    let (candidates, meta) = html::candidates_within(page, &budget)?;
    Ok(site::signatures_of(&candidates, meta.url))
}

/// The first look of site learning for a plain-text page.
pub fn text_signatures(page: &str) -> PageSignatures {
    let (candidates, meta) = text::candidates(page);
    site::signatures_of(&candidates, meta.url)
}

/// [`strip_html_within`], also removing the blocks `site` says the host repeats
/// (`site.repeat`); `None` is [`strip_html_within`].
pub fn strip_html_with_site(
    page: &str,
    budget: Budget,
    site: Option<&SiteProfile>,
) -> Result<Article, OverBudget> {
    let (candidates, meta) = html::candidates_within(page, &budget)?;
    let mut article = classify::classify_within(candidates, meta, &budget, site)?;
    article.markup = true;
    Ok(article)
}

/// [`strip_text_within`] with a site profile, as [`strip_html_with_site`].
pub fn strip_text_with_site(
    page: &str,
    budget: Budget,
    site: Option<&SiteProfile>,
) -> Result<Article, OverBudget> {
    let (candidates, meta) = text::candidates(page);
    budget.check("reading the lines")?;
    classify::classify_within(candidates, meta, &budget, site)
}

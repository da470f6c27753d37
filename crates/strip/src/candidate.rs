//! The contract between the front ends and the classifier.

use crate::model::{BlockKind, Category, Layout};
use crate::rules::Rule;

/// One block as a front end saw it, before classification.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// Whitespace-normalised text (Preformatted keeps its line breaks); never empty.
    pub text: String,
    pub kind: BlockKind,
    /// Heading level 1-6 for headings (text front end: 0 = unknown), 0 otherwise.
    pub heading_level: u8,
    /// Starts a new group: after a blank line (text), or a new block container (HTML).
    pub group_start: bool,
    /// Characters of `text` that sit inside links (HTML); 0 for plain text.
    pub link_chars: usize,
    /// All of `text` links the site's home page (HTML): a logo or the site's name, which a
    /// page may set as its level-1 heading over every page.
    pub home_link: bool,
    /// A structural verdict from the front end (e.g. inside `<nav>`, `<figcaption>`, or an
    /// element whose class says "newsletter"): the block is boilerplate of this category.
    pub region: Option<Region>,
    /// Inside the main-content container the front end chose (HTML); always true for text.
    pub in_main: bool,
    /// In a card of a grid (HTML: product tiles, a listing's entries), with no verdict on it
    /// but maybe a class name's that cards often borrow (`pagination`, `caption`).
    pub card: bool,
    /// Inside the article by the second opinion (HTML, [`crate::html`]'s ancestor scoring);
    /// always false for plain text, which has no second opinion.
    pub second: bool,
    /// The block's place in the markup's structure, carried to [`crate::model::Block`].
    pub layout: Layout,
    /// The block stands in a small box set between two paragraphs (a donation appeal, a
    /// sign-up box, a "Read more" box inside the article), which holds this many blocks after
    /// this one: in HTML an element between two children of one container that hold one
    /// block each, in plain text a group of lines between two one-line groups. `None`
    /// outside such a box.
    pub inline_box: Option<u32>,
}

/// A front end's structural verdict on a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    pub category: Category,
    pub rule: Rule,
}

impl Candidate {
    pub(crate) fn new(text: String, kind: BlockKind) -> Self {
        Candidate {
            text,
            kind,
            heading_level: 0,
            group_start: true,
            link_chars: 0,
            home_link: false,
            region: None,
            in_main: true,
            card: false,
            second: false,
            layout: Layout::default(),
            inline_box: None,
        }
    }

    /// Share of the text that is link text, 0.0..=1.0.
    pub(crate) fn link_density(&self) -> f64 {
        let chars = self.text.chars().count();
        if chars == 0 {
            0.0
        } else {
            (self.link_chars as f64 / chars as f64).min(1.0)
        }
    }
}

/// Metadata a front end found in the page itself (markup, JSON-LD, meta tags).
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    /// The classifier's title evidence (metadata title, site name stripped).
    pub title: Option<String>,
    /// The header's title and SEO title, chosen by [`crate::title`] (HTML only).
    pub headline: Option<String>,
    pub seo_title: Option<String>,
    pub publisher: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    /// Names in links to author pages (`/author/ana-ruiz`): the header's last resort, read
    /// after every pass that weighs the authors, so no block's verdict depends on them.
    pub link_authors: Vec<String>,
    /// ISO 8601, from JSON-LD, meta tags and `<time>`.
    pub published: Option<String>,
    /// The creation date a visible element carries in microdata (`itemprop=dateCreated`: a
    /// Q&A page's question), also in [`PageMeta::published`] after any publication date.
    pub created: Option<String>,
    /// The date in the page's URL (`/2023/07/14/`): the least trusted source, after the
    /// bylines and the date the reader sees.
    pub url_published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub declared_language: Option<String>,
    /// The page's own summary (meta or JSON-LD description): often repeats the standfirst.
    pub description: Option<String>,
    /// The longest of the page's descriptions (`og:`, `twitter:`, `<meta>`, JSON-LD), each
    /// cut at its own length: a script application's shell says no more of its article
    /// (`judge.description`).
    pub summary: Option<String>,
    /// The page declares itself a discussion (a forum thread): its replies are its content.
    pub discussion: bool,
    /// The page declares itself an article (JSON-LD, OpenGraph).
    pub declared_article: bool,
    /// The page declares a product (JSON-LD `Product`, `og:type=product`) and no article:
    /// a shop's page.
    pub declared_product: bool,
    /// A second opinion was formed (HTML): the candidates' `second` flags mean something.
    pub second_opinion: bool,
    /// The second opinion had to ignore class names to find an article.
    pub second_retried: bool,
}

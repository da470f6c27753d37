//! The article: what strip hands on to emit.

use std::collections::BTreeMap;

use crate::rules::Rule;

/// Why a block is not article text. Stable names: they appear in headers and manifests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Menus, skip links, breadcrumbs, edit links, pagination.
    Navigation,
    /// Newsletter sign-up boxes and their form text.
    Newsletter,
    /// Donation, membership and subscription appeals.
    Appeal,
    /// Cookie and consent notices.
    Cookie,
    /// Share, social and follow widgets.
    Share,
    /// Related / read-also / most-read / news-feed lists: text about other stories.
    Related,
    /// Image captions and photo credits.
    Caption,
    /// Audio-player and AI-voice notices.
    Audio,
    /// Comments and comment forms.
    Comments,
    /// Ads and sponsored markers.
    Ads,
    /// Legal, copyright and source footers.
    Legal,
    /// Author biographies.
    AuthorBio,
    /// Byline and dateline (moved to the header).
    Byline,
    /// The title (moved to the header) and repeats of it.
    Title,
    /// Anything else that is not article text: short fragments, link lists, form labels.
    Other,
}

impl Category {
    pub const ALL: [Category; 15] = [
        Category::Navigation,
        Category::Newsletter,
        Category::Appeal,
        Category::Cookie,
        Category::Share,
        Category::Related,
        Category::Caption,
        Category::Audio,
        Category::Comments,
        Category::Ads,
        Category::Legal,
        Category::AuthorBio,
        Category::Byline,
        Category::Title,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Navigation => "navigation",
            Category::Newsletter => "newsletter",
            Category::Appeal => "appeal",
            Category::Cookie => "cookie",
            Category::Share => "share",
            Category::Related => "related",
            Category::Caption => "caption",
            Category::Audio => "audio",
            Category::Comments => "comments",
            Category::Ads => "ads",
            Category::Legal => "legal",
            Category::AuthorBio => "author_bio",
            Category::Byline => "byline",
            Category::Title => "title",
            Category::Other => "other",
        }
    }
}

/// What a kept block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    /// An in-article subheading.
    Heading,
    ListItem,
    Quote,
    /// Preformatted text or code, whitespace kept.
    Preformatted,
    /// One table row, cells separated by " | ".
    TableRow,
}

/// A kept block of article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Where the block sits in the page's structure (HTML only; plain text leaves it default).
    pub layout: Layout,
    /// [`crate::words::count_words`] of `text`, counted once when the block is made (the
    /// classifier has counted it already; the body's word count is then a sum).
    words: usize,
}

/// The structure a block had in the markup, for markdown output; the plain body ignores it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Heading: level 1-6 (0 when unknown). List item: nesting depth, 0 for a top-level list.
    pub level: u8,
    /// A list item of an ordered list (`ol`).
    pub ordered: bool,
    /// A table row that is the first row of its `table`.
    pub table_start: bool,
    /// A table row: byte offset in `text` where each cell starts, one per cell, empty cells
    /// included (a cell's text is what lies up to the next offset, less the ` | ` separator).
    pub cells: Vec<u32>,
}

impl Block {
    /// A block of `text`, its words counted.
    pub fn new(kind: BlockKind, text: String, layout: Layout) -> Block {
        let words = crate::words::count_words(&text);
        Block::counted(kind, text, layout, words)
    }

    /// A block whose `words` (of `text`, as [`crate::words::count_words`] counts them) are
    /// known already.
    pub(crate) fn counted(kind: BlockKind, text: String, layout: Layout, words: usize) -> Block {
        Block {
            kind,
            text,
            layout,
            words,
        }
    }

    /// Words in the text, as [`Article::word_count`] counts them.
    pub fn words(&self) -> usize {
        self.words
    }

    /// A table row's cells, trimmed, empty ones included; empty for other blocks.
    pub fn cells(&self) -> Vec<&str> {
        let text = self.text.as_str();
        let mut out = Vec::with_capacity(self.layout.cells.len());
        for (i, &start) in self.layout.cells.iter().enumerate() {
            let end = self
                .layout
                .cells
                .get(i + 1)
                .map_or(text.len(), |&e| e as usize);
            let cell = text.get(start as usize..end.min(text.len())).unwrap_or("");
            out.push(cell.strip_prefix(" | ").unwrap_or(cell).trim());
        }
        out
    }
}

/// A removed block, with its category and the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedBlock {
    pub text: String,
    pub category: Category,
    /// The rule that removed it; [`Rule::name`] is its stable name (`"newsletter.phrase"`).
    pub rule: Rule,
}

/// A block the judge kept against the rules' verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverruledBlock {
    pub text: String,
    /// What the rules said: the category and rule that removed it.
    pub category: Category,
    pub rule: Rule,
    /// The judge's ruling that kept it; [`crate::judge::Ruling::name`] is its stable name.
    pub judge: crate::judge::Ruling,
}

/// The result of stripping one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The headline the reader sees.
    pub title: Option<String>,
    /// The page's metadata title (`og:title`, `<title>`, site name stripped) when it differs
    /// from [`Article::title`].
    pub seo_title: Option<String>,
    /// People (bylines); organisations and desks go to [`Article::publisher`].
    pub authors: Vec<String>,
    /// The organisation that publishes the page (JSON-LD `publisher`, an organisation byline).
    pub publisher: Option<String>,
    /// ISO 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][offset]`.
    pub published: Option<String>,
    /// Last modified, when the page says so; same form as [`Article::published`].
    pub modified: Option<String>,
    pub site_name: Option<String>,
    /// Canonical URL found in the page.
    pub url: Option<String>,
    /// Language declared in the markup (`<html lang>`), as given.
    pub declared_language: Option<String>,
    pub blocks: Vec<Block>,
    pub removed: Vec<RemovedBlock>,
    /// Blocks the judge kept against the rules (they are in `blocks` too).
    pub overruled: Vec<OverruledBlock>,
    /// The body is the page's own description, not its markup's text (`judge.description`:
    /// a script application's shell).
    pub body_from_description: bool,
    /// The blocks came from markup and carry their [`Layout`] (false for plain text).
    pub markup: bool,
    /// For each block of `removed` with rule `site.repeat`, in order: how many of the
    /// host's pages shared it (site learning).
    pub site_shares: Vec<crate::site::SiteShare>,
}

impl Article {
    /// The body: one block per line, a blank line between blocks; list items start with "- ".
    pub fn body(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            if block.kind == BlockKind::ListItem {
                out.push_str("- ");
            }
            out.push_str(&block.text);
        }
        out
    }

    /// Number of removed blocks per category (categories with none are left out).
    pub fn stripped_counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for removed in &self.removed {
            *counts.entry(removed.category.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// Words in the body, as the classifier counts them (`words::count_words`): tokens
    /// holding a letter or digit, and CJK or Thai text by its characters (a Chinese article
    /// is not one word per line).
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(Block::words).sum()
    }

    /// True when no article text was found.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }
}

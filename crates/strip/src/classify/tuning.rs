//! The classifier's thresholds, named, each with why it is what it is. Word counts are
//! [`crate::words::count_words`]; link density is the share of a block's characters that
//! are link text. Changing one moves outputs: check with `cargo xtask bench` and
//! `cargo xtask compare`.

use std::ops::RangeInclusive;

// ---- Block measures (every pass) ----

/// Up to this many words without a sentence end reads as a heading or a label.
pub(super) const HEADING_MAX_WORDS: usize = 15;
/// Prose has fewer links than this share; above it a block is a link line.
pub(super) const PROSE_MAX_LINK_DENSITY: f64 = 0.35;
/// A sentence of this many words is prose.
pub(super) const PROSE_SENTENCE_WORDS: usize = 12;
/// This many words are prose even without a sentence end (a long caption-less paragraph).
pub(super) const PROSE_WORDS: usize = 20;
/// More than half of a block's text in links: a link line (menu entry, another story's
/// headline); below it, a block of the article's own.
pub(super) const MOSTLY_LINKS: f64 = 0.5;
/// Below this share of links a short block may still be article material.
pub(super) const FEW_LINKS: f64 = 0.3;
/// Another story's headline: three to twenty-five words, mostly link.
pub(super) const HEADLINE_WORDS: RangeInclusive<usize> = 3..=25;
/// Most words of the label before the colon of an inline reference ("Lesen Sie auch:
/// <headline>"): a label, not a sentence's first clause.
pub(super) const INLINE_REFERENCE_LABEL_WORDS: usize = 4;

/// Does `shared` make at least a quarter of `all`? A block that shares a quarter of its
/// stems with the article speaks of the same thing.
pub(super) fn a_quarter(shared: usize, all: usize) -> bool {
    shared * 4 >= all
}

/// Is `part` at least two thirds of `whole`? "Most" of a run of teasers.
pub(super) fn two_thirds(part: usize, whole: usize) -> bool {
    part * 3 >= whole * 2
}

// ---- Wording (pass 1) ----

/// Longer blocks are prose whatever their words: no rule judges them.
pub(super) const RULE_MAX_WORDS: usize = 150;
/// A share strip or a copyright line is a short row of labels.
pub(super) const LABEL_ROW_MAX_WORDS: usize = 12;

// ---- Structure: discussions (pass 1) ----

/// The comments' prose must reach this many words to be the page's content…
pub(super) const DISCUSSION_MIN_WORDS: usize = 80;
/// …and outweigh the article's prose this many times…
pub(super) const DISCUSSION_OUTWEIGHS: usize = 4;
/// …beside an "article" shorter than this (a question, a first post's stub).
pub(super) const DISCUSSION_MAX_ARTICLE_WORDS: usize = 150;

// ---- Repeats and feeds (pass 2) ----

/// Shorter blocks repeat by nature (labels, "Share"): only longer ones count as echoes.
pub(super) const REPEAT_MIN_WORDS: usize = 5;
/// A block cut short with "…" echoes an earlier one when this many bytes are left to match.
pub(super) const TRUNCATED_REPEAT_MIN_BYTES: usize = 20;
/// A ticker's phrase ("Book now *", "Free shipping •") is a few words…
pub(super) const TICKER_MAX_PHRASE_WORDS: usize = 8;
/// …written out at least this many times: no sentence says the same thing four times over.
pub(super) const TICKER_MIN_REPEATS: usize = 4;
/// Fewest comment counts ("14 comments") that make them a listing's entry lines.
pub(super) const ENTRY_COUNTS: usize = 3;
/// Three timestamps within this many blocks are a feed.
pub(super) const FEED_SPAN_BLOCKS: usize = 12;
/// Two comment signatures within this many blocks are a thread.
pub(super) const THREAD_SPAN_BLOCKS: usize = 15;
/// A post's furniture line ("Reply | Report this comment") is at most this long.
pub(super) const POST_FURNITURE_MAX_WORDS: usize = 10;
/// Fewest repeats of a furniture line, one per post, that make a thread.
pub(super) const POST_FURNITURE_MIN_REPEATS: usize = 3;
/// A post (header, text, furniture) spans at most this many blocks.
pub(super) const POST_MAX_BLOCKS: usize = 8;
/// Between a thread's heading and its first post stand only lines shorter than this (a
/// comment form's "Leave a reply", "Name", "Email"), or lines a rule recognised: a list of
/// longer items there is the article's, under the article's own heading.
pub(super) const THREAD_HEADING_GAP_MAX_WORDS: usize = 8;
/// A thread with no heading of its own follows an article of at least this many words of
/// prose: a short news item's one paragraph (a forum's opening post stands apart by its
/// poster's line, `feeds::poster_above`, not by its length).
pub(super) const HEADLESS_THREAD_MIN_ARTICLE_WORDS: usize = 20;
/// Two lines from one template (posters' lines) differ in at most this many words, numbers
/// aside: the poster's name, a month.
pub(super) const TEMPLATE_MAX_DIFFERENCES: usize = 2;

// ---- The tail (pass 3) ----

/// Blocks after a heading that counts comments searched for its posters' lines.
pub(super) const POSTERS_REACH: usize = 12;
/// A poster's line (a name, a date and a time) is at most this long.
pub(super) const POSTER_LINE_MAX_WORDS: usize = 12;

/// An explicit section heading (comments, a feed, related stories) ends the article even
/// when what follows outweighs it, once this much prose stands before it.
pub(super) const EXPLICIT_TAIL_MIN_WORDS: usize = 50;
/// The article's own section headings are at most this long.
pub(super) const SECTION_HEADING_MAX_WORDS: usize = 20;
/// A block this long without being prose breaks a run of resumed article prose.
pub(super) const RESUME_BREAK_WORDS: usize = 8;
/// A block needs this many stems to be compared with the article's vocabulary.
pub(super) const RESUME_MIN_STEMS: usize = 3;
/// This many on-topic prose blocks in a row after a heading: the article goes on.
pub(super) const RESUME_RUN: usize = 2;
/// This many unlinked paragraphs in a row, nothing between them, after a box of other
/// stories: the article goes on, whatever they speak of. A feed's teasers stand under their
/// linked headlines; an article's paragraphs follow one another.
pub(super) const RESUME_PARAGRAPH_RUN: usize = 3;
/// A box of other stories set into an article holds at most this many lines under its
/// label (two to four headlines, each perhaps with a kicker): a longer list is the page's
/// list of other stories, not a box the article goes on after.
pub(super) const RELATED_BOX_MAX_LINES: usize = 6;

// ---- The core (pass 3) ----

/// A title of fewer stems says too little to weigh blocks by topic.
pub(super) const TOPICAL_MIN_TITLE_STEMS: usize = 3;
/// Prose that shares two or more stems with the title weighs this many times its words;
/// prose that shares none, its words divided by it.
pub(super) const TOPICAL_FACTOR: i64 = 2;
/// A guessed headline is among the first blocks…
pub(super) const TENTATIVE_TITLE_SCAN: usize = 60;
/// …and has a headline's length.
pub(super) const TENTATIVE_TITLE_WORDS: RangeInclusive<usize> = 4..=30;
/// Score of an undecided link line: a little against the run.
pub(super) const LINK_LINE_SCORE: i64 = -4;
/// Score of any other short undecided block.
pub(super) const SHORT_BLOCK_SCORE: i64 = -2;
/// A sentence this long counts a little towards the core (a third of its words).
pub(super) const SHORT_SENTENCE_WORDS: usize = 5;
/// Lists, rows, quotes and short sentences score this fraction of their words.
pub(super) const MINOR_BLOCK_DIVISOR: i64 = 3;
/// A block a rule removed costs this much, plus half its words up to
/// [`RULE_HIT_COST_WORDS`]: boilerplate breaks the run, more when it is long.
pub(super) const RULE_HIT_COST: i64 = 5;
/// See [`RULE_HIT_COST`].
pub(super) const RULE_HIT_COST_WORDS: i64 = 30;
/// The core extends over closing sentences of this many words.
pub(super) const CLOSING_SENTENCE_WORDS: usize = 3;
/// The core extends back over lead sentences of this many words.
pub(super) const LEAD_SENTENCE_WORDS: usize = 5;
/// Linked headlines of one level inside the core that make it a page of entries.
pub(super) const ENTRY_HEADLINES_MIN: usize = 2;
/// Inside the core a link line shorter than this is navigation.
pub(super) const LINK_LINE_MAX_WORDS: usize = 12;
/// In a run of short blocks, a sentence this long is no label.
pub(super) const SHORT_RUN_SENTENCE_WORDS: usize = 4;
/// This many short blocks in a row are a list of links or labels, not subheadings.
pub(super) const SHORT_RUN_BLOCKS: usize = 3;

// ---- The head (pass 4) ----

/// Bylines, datelines and the standfirst stand before the core or among its first blocks.
pub(super) const HEAD_REACH: usize = 3;
/// The date the reader sees stands this many blocks after the headline at most…
pub(super) const VISIBLE_DATE_AFTER: usize = 6;
/// …with at most this many paragraphs before it (a standfirst)…
pub(super) const VISIBLE_DATE_AFTER_PARAGRAPHS: usize = 1;
/// …or this many before it (a kicker line with the date above the headline).
pub(super) const VISIBLE_DATE_BEFORE: usize = 2;
/// …in a block of at most this many words (a dateline or byline, not prose).
pub(super) const VISIBLE_DATE_MAX_WORDS: usize = 20;
/// A description shorter than this is a label, not a standfirst.
pub(super) const DESCRIPTION_MIN_BYTES: usize = 40;
/// Past this length a description may be cut short: a prefix match is enough.
pub(super) const DESCRIPTION_PREFIX_MIN_BYTES: usize = 60;
/// The first block compared with the description has at least this many words.
pub(super) const STANDFIRST_MIN_WORDS: usize = 6;
/// A sub-head repeating the description is a standfirst up to this length.
pub(super) const STANDFIRST_HEADING_MAX_WORDS: usize = 80;
/// A summary before the byline is a standfirst up to this length.
pub(super) const STANDFIRST_MAX_WORDS: usize = 60;
/// The article must go on within this many blocks after the byline.
pub(super) const STANDFIRST_ARTICLE_REACH: usize = 4;
/// A byline this close before the core makes what follows text, not a standfirst.
pub(super) const STANDFIRST_BYLINE_BEFORE: usize = 2;
/// A title taken from the head has a headline's length.
pub(super) const HEAD_TITLE_WORDS: RangeInclusive<usize> = 2..=30;
/// Shorter heading-like blocks in a trusted main container are labels, not content.
pub(super) const HEAD_LABEL_MAX_WORDS: usize = 4;
/// A title repeat is heading-like and at most this long.
pub(super) const TITLE_REPEAT_MAX_WORDS: usize = 40;
/// …and has at least this many stems.
pub(super) const TITLE_REPEAT_MIN_STEMS: usize = 2;
/// Share of the block's stems found in the title.
pub(super) const TITLE_REPEAT_CONTAINED: f64 = 0.7;
/// Share of the longer of block and title the shared stems cover.
pub(super) const TITLE_REPEAT_COVERED: f64 = 0.5;

// ---- Teasers (pass 6) ----

/// A teaser list item has at least this many words…
pub(super) const TEASER_ITEM_MIN_WORDS: usize = 8;
/// …and this many on average: another story's first lines, not a feature list.
pub(super) const TEASER_ITEM_AVERAGE_WORDS: usize = 20;
/// Fewer teasers are an article's own list or paragraphs.
pub(super) const TEASERS_MIN: usize = 3;
/// A heading over other stories' headlines has them within this many blocks after it.
pub(super) const HEADLINES_REACH: usize = 12;
/// A kicker over a teaser ("HARD YIKES") is shorter than this, without a sentence end.
pub(super) const KICKER_MAX_WORDS: usize = 5;
/// A teaser paragraph is at most this long: the first lines of a story.
pub(super) const TEASER_PARAGRAPH_MAX_WORDS: usize = 120;
/// Below this much article before them, teaser paragraphs are the page (a listing), and
/// lists that run on from its paragraphs are its own (too few words to judge them by).
pub(super) const TEASER_FEED_MIN_ARTICLE_WORDS: usize = 150;
/// Teasers outweighing the article this many times are the page, not a feed after it.
pub(super) const TEASER_FEED_OUTWEIGHS: usize = 2;
/// A page declared an article may be this short (a brief) and still have a feed after it.
pub(super) const SHORT_ARTICLE_MIN_WORDS: usize = 20;
/// A teaser's headline, and the byline between, stand within this many blocks above it.
pub(super) const TEASER_HEADLINE_REACH: usize = 4;
/// A block longer than this between a paragraph and a headline is text, not a byline.
pub(super) const TEASER_BETWEEN_MAX_WORDS: usize = 25;
/// A teaser entry's labels over its paragraph: its headline and its author's name. (One
/// label over a paragraph is a listicle's numbered section as often as a teaser.)
pub(super) const ENTRY_LABELS: usize = 2;
/// A label is shorter than this, without a sentence end.
pub(super) const ENTRY_LABEL_MAX_WORDS: usize = 25;
/// A "Read more" link after "…" is shorter than this many characters.
pub(super) const READ_MORE_MAX_CHARS: usize = 20;

// ---- Page kind (pass 7) ----

/// Below this many kept words a page has no article.
pub(super) const NO_ARTICLE_WORDS: usize = 20;
/// At least this many unmarked blocks beside its prose make a page that does not declare
/// itself an article a page of blocks (a landing, shop or listing page).
pub(super) const UNDECLARED_PAGE_BLOCKS: usize = 8;
/// Below this many kept words, an "article" outweighed twice by the entries around it is a
/// listing's lead; above it, three times.
pub(super) const LISTING_LEAD_WORDS: usize = 150;
/// A page without an article keeps its blocks only when they and what was kept come to
/// this much: less is no content worth giving.
pub(super) const PAGE_CONTENT_MIN_WORDS: usize = 2 * NO_ARTICLE_WORDS;
/// A page that would come out empty is its "related" feed when the feed's prose reaches this.
pub(super) const FEED_PAGE_MIN_WORDS: usize = 3 * NO_ARTICLE_WORDS;
/// A short lead is a listing's when its entries outweigh it this many times…
pub(super) const SHORT_LEAD_OUTWEIGHED: usize = 2;
/// …a long one when they outweigh it this many times.
pub(super) const LONG_LEAD_OUTWEIGHED: usize = 3;
/// This many bare linked headlines (a recipe or product grid) make a listing too.
pub(super) const LISTING_HEADLINES: usize = 5;
/// A menu entry: a short link line of fewer words.
pub(super) const MENU_ENTRY_MAX_WORDS: usize = 5;
/// A plain-text menu has at least this many entries in a row (two short lines are a
/// heading and its label as often).
pub(super) const MENU_MIN_LINES: usize = 3;

// ---- Pitches (pitches.rs) ----

/// Paragraphs over a donate or sign-up button that may be its pitch. One: a second one up
/// is as often the article's, and a short article's vocabulary cannot tell them apart.
pub(super) const PITCH_MAX_BLOCKS: usize = 1;
/// A pitch is a few sentences; a longer paragraph is the article's.
pub(super) const PITCH_MAX_WORDS: usize = 80;
/// Words of article (pitches aside) that show its vocabulary; below, a paywall's last
/// paragraph over "Subscribe" shares too few words with the lines before it.
pub(super) const PITCH_MIN_ARTICLE_WORDS: usize = 150;

/// The last kept blocks searched for the author's bio: a bio closes the article, one per
/// author, with its role line.
pub(super) const BIO_TAIL_BLOCKS: usize = 4;
/// Most words in a bio paragraph: a few sentences about the author.
pub(super) const BIO_MAX_WORDS: usize = 100;
/// Most words in a bio's role line ("Contributing writer", "Senior editor, Health").
pub(super) const BIO_ROLE_MAX_WORDS: usize = 6;

//! The block classifier: named passes of evidence, each leaving a reason.
//!
//! The passes run in the order [`classify_within`] lists them, with the budget checked
//! between them; their thresholds are named in [`tuning`].
//!
//! 1. [`structure`]: blocks a front end placed in a boilerplate region, or outside the
//!    main content, are removed with the front end's reason; a page whose prose is all in
//!    comments is a discussion. [`wording`]: multilingual lexicons ([`crate::lexicon`]) and
//!    shape rules ([`crate::patterns`]) mark navigation, newsletter, appeal, cookie, share,
//!    related, audio, comments, ads, legal, caption and author-bio blocks.
//! 2. [`feeds`]: repeats of earlier blocks, and clusters of timestamps or comment
//!    signatures (a feed, a thread).
//! 3. [`tail`]: a section heading ("Related", "About the author", "Comments", a newsletter
//!    or appeal heading) past the middle of the page's prose ends the article; what follows
//!    belongs to that section. [`core`]: the run of blocks with the most prose (good blocks
//!    score their words, short and boilerplate blocks cost a little) is the article.
//! 4. [`head`]: before the core stand the title, the byline, a standfirst and header
//!    furniture.
//! 5. Inside the core ([`core`]), short blocks stay as subheadings or short paragraphs when
//!    prose surrounds them; repeats of the title, image alt text and dense link lines go;
//!    after it, footer furniture. The tail's blocks go with their sections ([`tail`]).
//!    With a site profile ([`site`], `--site-learning`), blocks the host repeats on many
//!    pages go where they cannot be article text.
//! 6. [`teasers`]: lists and paragraphs of other stories around the article.
//! 7. [`page_kind`]: a page without an article (a listing, a shop) keeps its content.
//! 8. The judge ([`crate::judge`], HTML only): where the rules lost the article the second
//!    opinion (`crate::html`'s ancestor scoring) found, its blocks come back, recorded.
//! 9. [`finish`]: the verdicts become the article and its removed blocks; when it has none,
//!    a script application's shell that declares an article takes its description as the
//!    body (`judge.description`).

mod bios;
mod core;
mod feeds;
mod finish;
mod head;
mod page_kind;
mod pitches;
mod site;
mod structure;
mod tail;
mod teasers;
mod tuning;
mod wording;

use std::cell::OnceCell;
use tuning::{
    HEADING_MAX_WORDS, HEADLINE_WORDS, MOSTLY_LINKS, PROSE_MAX_LINK_DENSITY, PROSE_SENTENCE_WORDS,
    PROSE_WORDS,
};

use crate::candidate::{Candidate, PageMeta};
use crate::lexicon::normalise;
use crate::model::{Article, BlockKind, Category};
use crate::rules::Rule;
use crate::words::{Stem, content_stems, count_words, ends_sentence};

/// What the classifier has decided about a block so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Undecided,
    Keep,
    Remove(Category, Rule),
}

/// Measurements of one block's text.
#[derive(Debug, Clone, Copy)]
struct Stats {
    words: usize,
    ends_sentence: bool,
    /// Short and without sentence-ending punctuation (a question mark is allowed).
    heading_like: bool,
    /// Reads like article prose: long enough, a sentence, not mostly links.
    good: bool,
}

struct Item {
    candidate: Candidate,
    stats: Stats,
    verdict: Verdict,
    /// Matched by a rule (lexicon or shape), as opposed to removed by position.
    rule_hit: bool,
    /// A heading that opens a boilerplate section.
    opens_section: bool,
    /// The text after [`normalise`], made on first use: several steps read it, and
    /// normalising is a good part of the classifier's time.
    norm: OnceCell<String>,
    /// [`content_stems`] of the text, made on first use: the tail search compares each
    /// candidate section with all the prose before it.
    stems: OnceCell<Vec<Stem>>,
}

impl Item {
    fn new(candidate: Candidate) -> Item {
        Item {
            stats: Stats::of(&candidate),
            candidate,
            verdict: Verdict::Undecided,
            rule_hit: false,
            opens_section: false,
            norm: OnceCell::new(),
            stems: OnceCell::new(),
        }
    }

    fn norm(&self) -> &str {
        self.norm.get_or_init(|| normalise(&self.candidate.text))
    }

    fn stems(&self) -> &[Stem] {
        self.stems
            .get_or_init(|| content_stems(&self.candidate.text))
    }
}

/// Classifies the blocks into an article, or `Err` once `budget` is spent (checked between
/// passes). The passes, in order; each reads what the ones before it decided.
pub(crate) fn classify_within(
    candidates: Vec<Candidate>,
    meta: PageMeta,
    budget: &crate::Budget,
    site: Option<&crate::site::SiteProfile>,
) -> Result<Article, crate::OverBudget> {
    let mut items: Vec<Item> = candidates.into_iter().map(Item::new).collect();

    // The HTML front end chose a main container (some blocks lie outside it): what it kept
    // inside is article unless a rule says otherwise.
    let trusted_main = items.iter().any(|i| !i.candidate.in_main);

    // 1. Structure and wording: the front end's regions, then the block rules.
    let hits = wording::rule_hits(&items, budget)?;
    if !meta.discussion {
        structure::widen_main_over_thread(&mut items, &hits);
    }
    structure::apply_structure(&mut items, &hits);
    let discussion =
        structure::keep_discussion(&mut items, &hits, meta.discussion, meta.declared_article);
    wording::apply_rules(&mut items, &hits, meta.site_name.as_deref());
    if discussion {
        structure::posts_open_no_section(&mut items);
    }
    feeds::entry_counts_open_no_section(&mut items);
    budget.check("the block rules")?;

    // 2. Repeats and feeds: echoes of earlier blocks, clusters of timestamps and signatures,
    // headings over other stories' headlines.
    feeds::mark_repeats(&mut items, trusted_main);
    feeds::mark_feeds(&mut items);
    if !(discussion || meta.discussion) {
        feeds::mark_post_threads(&mut items);
    }
    feeds::mark_headings_over_links(&mut items);
    budget.check("repeats and feeds")?;

    // 3. The tail (where the article ends) and the core (its run of prose).
    let tail = tail::find_tail(&items);
    let guess = core::tentative_title(&items, meta.title.as_deref()).map(str::to_string);
    let (core_start, core_end) = core::find_core(&items, tail, guess.as_deref());
    let core_end = core_end.map(|end| core::extend_core(&items, end, tail.unwrap_or(items.len())));
    let core_start = core_start.map(|start| core::extend_core_back(&items, start));
    let core_start = core_start
        .zip(core_end)
        .map(|(start, end)| core::extend_core_to_entry_headline(&items, start, end))
        .or(core_start);
    budget.check("the tail and the core")?;

    let mut article = Article {
        title: meta.title.clone(),
        authors: meta.authors.clone(),
        published: meta.published.clone(),
        site_name: meta.site_name.clone(),
        url: meta.url.clone(),
        declared_language: meta.declared_language.clone(),
        ..Article::default()
    };

    // 4. The head: bylines, standfirst, title; the rest of the head is furniture.
    // Without a core (no prose at all), the whole page is head.
    let head_end = core_start.unwrap_or(items.len());
    head::take_bylines(&mut items, head_end, &mut article);
    head::take_standfirst(&mut items, head_end, meta.description.as_deref());
    // Without a core there is no head to take a title from: the longest line of a page of
    // entries is one entry's headline (its metadata, if any, still names the page).
    let title_index = if core_start.is_some() {
        head::take_title(&mut items, head_end, &mut article)
    } else {
        None
    };
    if let Some(title) = article.title.clone() {
        head::remove_title_repeats(&mut items, &title);
    }
    head::clear_head(&mut items, head_end, title_index, trusted_main);

    // 5. The core's blocks, what follows it, and the tail's sections.
    if let (Some(start), Some(end)) = (core_start, core_end) {
        tail::absorb_section_items(&mut items, start, end);
        let before_tail = tail.unwrap_or(items.len()).saturating_sub(1);
        head::take_datelines(&mut items, start, before_tail);
        core::judge_core(&mut items, start, end, trusted_main);
        let tail_start = tail.unwrap_or(items.len());
        core::clear_after_core(&mut items, end, tail_start, trusted_main);
    }
    if let Some(tail) = tail {
        tail::clear_tail(&mut items, tail);
    }
    // The header's last sources of a date: the date line next to the headline, then the
    // URL's; on a thread, the first post's poster.
    let headline = meta.headline.clone().or_else(|| article.title.clone());
    let titles: Vec<&str> = [headline.as_deref(), meta.seo_title.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let order = crate::dates::SlashOrder::of_language(meta.declared_language.as_deref());
    let visible = head::visible_byline(&items, &titles, core_start, order);
    let visible_date = visible.date;
    let dated_headline = visible.dated_headline;
    if article.published.is_none() {
        article.published = visible_date.clone().or_else(|| meta.url_published.clone());
    }
    // On a page found to hold no article, a byline the reader sees beside the headline is
    // still the page's (a guide or a post the site does not declare an article).
    let authors_beside_title = if visible.authors_beside_title {
        visible.authors.clone()
    } else {
        Vec::new()
    };
    // A page whose metadata credits only the site: the "By …" beside its headline signs it.
    let site_signed = visible.authors_introduced
        && crate::title::signed_only_by_the_site(&article.authors, &meta);
    if article.authors.is_empty() || site_signed {
        article.authors = visible.authors;
    }
    // Reading post headers costs a date search per byline block: only when it matters.
    let declared_thread = discussion || meta.discussion;
    let thread = |items: &[Item]| declared_thread || head::repeats_post_headers(items);
    if article.authors.is_empty() && thread(&items) {
        head::take_first_poster(&items, &mut article);
    }
    // A date the page shows elsewhere: a declared thread's first post's (a shop's reviews
    // repeat post headers too), else the one day its bylines
    // and datelines give, wherever they stand.
    if article.published.is_none() {
        article.published = declared_thread
            .then(|| head::first_post_date(&items, order))
            .flatten()
            .or_else(|| head::sole_byline_date(&items, order));
    }

    // 5b. Site repeats (`--site-learning`): blocks the host repeats on many pages.
    let core = core_start.zip(core_end);
    let site_shares = site.map_or_else(Vec::new, |profile| {
        site::remove_site_repeats(&mut items, profile, meta.second_opinion, core)
    });

    // 6. Teasers: lists and paragraphs of other stories around the article.
    teasers::remove_teaser_lists(&mut items);
    teasers::remove_teaser_paragraphs(&mut items, meta.declared_article);
    teasers::remove_teaser_entries(&mut items);
    pitches::remove_pitches(&mut items);
    let bio_subject = bios::remove_closing_bios(&mut items, &article.authors);
    if article.authors.is_empty() {
        article.authors.extend(bio_subject);
    }
    if article.authors.is_empty() {
        article.authors =
            head::last_resort_authors(&items, &visible.dated_authors, &meta.link_authors);
    }

    // 7. Page kind: a page without an article keeps its content blocks.
    // A page that does not say it is an article, and is no discussion, may be a landing,
    // shop or listing page: its unmarked blocks around a short run of prose are its content.
    let undeclared = !meta.declared_article && !discussion;
    let no_article = page_kind::keep_page_without_article(
        &mut items,
        core_start.is_some(),
        undeclared,
        dated_headline,
    );
    let settled = article.published.is_none() && article.authors == meta.authors;
    if no_article && undeclared && !settled && !thread(&items) {
        // A shop's, a service's or a listing's page: its metadata's dates are the CMS's
        // record of the page, not a publication; only a date it shows counts. The bylines
        // on it are its teasers' or reviews': only the authors its metadata names count.
        // (A question's creation date marked on its visible "Asked" line is one it shows.)
        if article.published.is_some() {
            article.published = visible_date.or_else(|| meta.created.clone());
        }
        article.authors = if meta.authors.is_empty() {
            authors_beside_title
        } else {
            meta.authors.clone()
        };
    }

    // 8. The judge weighs the verdicts against the second opinion (HTML).
    if meta.second_opinion {
        overrule(&mut items, &mut article, meta.declared_article);
    }

    // The shares of the site repeats still removed, in order (the judge may have kept some).
    article.site_shares = site_shares
        .into_iter()
        .filter(|(index, _)| {
            items.get(*index).is_some_and(|item| {
                item.verdict == Verdict::Remove(Category::Other, Rule::SiteRepeat)
            })
        })
        .map(|(_, share)| share)
        .collect();

    // The words the page's markup holds, in all its blocks (for `judge.description`).
    let page_words: usize = items.iter().map(|item| item.stats.words).sum();

    // 9. Finish: kept blocks to the article, the others to its removed list.
    let mut article = finish::finish(items, article);

    // A script application's shell: its description is all it says of its article (HTML).
    if article.blocks.is_empty() && meta.second_opinion {
        let body = crate::judge::description_body(
            meta.summary.as_deref(),
            page_words,
            meta.declared_article,
        );
        if let Some(body) = body {
            article.blocks.push(crate::model::Block::new(
                BlockKind::Paragraph,
                body,
                crate::model::Layout::default(),
            ));
            article.body_from_description = true;
        }
    }
    Ok(crate::title::settle(article, &meta))
}

/// The judge ([`crate::judge`]) weighs the verdicts against the second opinion (and, for a
/// short article, whether the page declares itself one); the blocks it gives back are kept,
/// and recorded.
fn overrule(items: &mut [Item], article: &mut Article, declared_article: bool) {
    let mut seats: Vec<crate::judge::Seat> = items
        .iter()
        .map(|item| crate::judge::Seat {
            words: item.stats.words,
            sentence: item.stats.ends_sentence
                && item.candidate.link_density() <= PROSE_MAX_LINK_DENSITY,
            prose: item.stats.good,
            in_main: item.candidate.in_main && !item.candidate.card,
            kept: item.verdict == Verdict::Keep,
            second: item.candidate.second,
            headline: item.candidate.heading_level == 1,
            wording_hit: item.rule_hit,
            removed: match item.verdict {
                Verdict::Remove(category, rule) => Some((category, rule)),
                _ => None,
            },
        })
        .collect();
    for (index, judge) in crate::judge::overrule(&seats, declared_article) {
        if let Some(item) = items.get_mut(index) {
            if let Verdict::Remove(category, rule) = item.verdict {
                article.overruled.push(crate::model::OverruledBlock {
                    text: item.candidate.text.clone(),
                    category,
                    rule,
                    judge,
                });
            }
            item.verdict = Verdict::Keep;
        }
        // The seat follows its block: the last ruling weighs what is kept now.
        if let Some(seat) = seats.get_mut(index) {
            seat.kept = true;
            seat.removed = None;
        }
    }
    // The one ruling that removes, on what is kept once the others have given theirs back.
    for index in crate::judge::after_article(&seats) {
        if let Some(item) = items.get_mut(index) {
            item.verdict = Verdict::Remove(Category::Other, Rule::JudgeAfterArticle);
        }
    }
}

impl Stats {
    fn of(candidate: &Candidate) -> Stats {
        let text = candidate.text.as_str();
        let words = count_words(text);
        let ends_sentence = ends_sentence(text);
        let heading_like = candidate.kind == BlockKind::Heading
            || (words <= HEADING_MAX_WORDS && !ends_sentence && words > 0);
        let dense_links = candidate.link_density() > PROSE_MAX_LINK_DENSITY;
        let good = !dense_links
            && candidate.kind != BlockKind::Heading
            && ((words >= PROSE_SENTENCE_WORDS && ends_sentence) || words >= PROSE_WORDS);
        Stats {
            words,
            ends_sentence,
            heading_like,
            good,
        }
    }
}

/// The indices of the blocks kept so far, in order.
fn kept_indices(items: &[Item]) -> Vec<usize> {
    (0..items.len())
        .filter(|&i| {
            items
                .get(i)
                .is_some_and(|item| item.verdict == Verdict::Keep)
        })
        .collect()
}

fn prose_words(item: &Item) -> usize {
    if item.verdict == Verdict::Undecided && item.stats.good {
        item.stats.words
    } else {
        0
    }
}

/// Inside a main container the front end trusted: a block with few links stays.
fn kept_in_main(item: &Item) -> bool {
    item.candidate.in_main && item.candidate.link_density() < MOSTLY_LINKS && item.stats.words > 0
}

/// The page shows markup (a link or a heading): HTML, not a plain text whose lines carry
/// neither.
fn shows_markup(items: &[Item]) -> bool {
    items
        .iter()
        .any(|i| i.candidate.link_chars > 0 || i.candidate.heading_level > 0)
}

/// Mostly link, of a headline's length: the shape of another story's headline.
fn reads_as_headline_link(item: &Item) -> bool {
    item.candidate.link_density() > MOSTLY_LINKS && HEADLINE_WORDS.contains(&item.stats.words)
}

/// A heading that is a link: another story's headline.
fn is_linked_headline(item: &Item) -> bool {
    item.candidate.kind == BlockKind::Heading && reads_as_headline_link(item)
}

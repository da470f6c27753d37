//! HTML front end: a `scraper` DOM to candidate blocks with structural evidence.
//!
//! One parse, one iterative walk ([`blocks`]) producing the block sequence, a flat node
//! table and raw metadata; then cheap passes over that table: container statistics and the
//! main-content choice ([`main_content`]), region inheritance (evidence from [`hints`]) and
//! metadata resolution ([`meta`]).

mod blocks;
mod boxes;
mod copies;
mod grid;
mod hints;
mod main_content;
mod meta;
mod parse;
mod prune;
mod second;

use crate::candidate::{Candidate, PageMeta, Region};
use crate::model::{BlockKind, Category};
use crate::rules::Rule;
use blocks::NodeInfo;
use hints::{Evidence, Positional, Source};
use main_content::Stats;

/// A link to a site's home page: `/`, `/index.html`, or a scheme and host with no path
/// (`https://example.org/`). Logos and site names link there.
pub(super) fn links_home(href: &[u8]) -> bool {
    let href = href.trim_ascii();
    let path = match href
        .strip_prefix(b"https://")
        .or_else(|| href.strip_prefix(b"http://"))
        .or_else(|| href.strip_prefix(b"//"))
    {
        Some(rest) => {
            let host_end = memchr::memchr(b'/', rest).unwrap_or(rest.len());
            if host_end == 0 {
                return false;
            }
            rest.get(host_end..).unwrap_or(&[])
        }
        None if href.is_empty() => return false,
        None => href,
    };
    matches!(
        path,
        b"" | b"/" | b"/index.html" | b"/index.htm" | b"/index.php"
    )
}

#[cfg(test)]
pub(crate) fn candidates(page: &str) -> (Vec<Candidate>, PageMeta) {
    candidates_within(page, &crate::Budget::unlimited()).unwrap_or_default()
}

/// The page's blocks and metadata, or `Err` once `budget` is spent (checked between stages).
pub(crate) fn candidates_within(
    page: &str,
    budget: &crate::Budget,
) -> Result<(Vec<Candidate>, PageMeta), crate::OverBudget> {
    let html = parse::parse(page, budget, "parsing")?;
    let walker = unveiled_view(blocks::walk(&html), &html);
    drop(html);
    budget.check("walking the tree")?;
    let walker = noscript_view(walker, budget)?;
    let blocks::Walker {
        mut nodes,
        mut cands,
        owners,
        meta: raw_meta,
        email_inputs,
        ..
    } = walker;

    let ld = meta::JsonLd::from_scripts(&raw_meta.json_ld);
    let mut st = main_content::stats(&nodes, &cands, &owners);
    let entries = grid::card_entries(&nodes, &cands, &owners, &st.total);
    // Teasers of other pages (cards that link their headline): their prose is weighed apart
    // when the main container is chosen.
    let in_teaser: Vec<bool> = entries
        .iter()
        .map(|e| matches!(e, grid::Entry::Card { linked: true, .. }))
        .collect();
    st.count_cards(&nodes, &owners, &in_teaser);
    let ranges = copies::block_ranges(&nodes, &owners);
    let boxes = boxes::inline_boxes(&nodes, &owners, &ranges);
    let box_nodes: rustc_hash::FxHashSet<usize> = boxes.iter().flatten().map(|b| b.node).collect();
    mark_email_boxes(&mut nodes, &st, &email_inputs, &box_nodes);
    let main = main_content::choose(&nodes, &st, ld.body_chars);
    budget.check("choosing the main container")?;

    let inside_main = |i: usize| {
        main.as_ref().is_none_or(|ms| {
            ms.iter()
                .any(|&m| nodes.get(m).is_some_and(|n| m <= i && i <= n.end))
        })
    };
    let regions = regions(&nodes, &st, &cands, &owners, main.as_deref());
    let opinion = second::opinion(&nodes, &cands, &owners);
    // An overlay (a dialog) opens over the page: whatever its prose, the second opinion
    // never takes it for the article.
    for ((c, inside), &o) in cands.iter_mut().zip(&opinion.in_article).zip(&owners) {
        c.second = *inside && !nodes.get(o).is_some_and(|n| n.overlay);
    }
    let copies = copies::later_copies(&nodes, &cands, &ranges);
    for (((c, &o), entry), inline_box) in cands.iter_mut().zip(&owners).zip(entries).zip(boxes) {
        c.in_main = inside_main(o);
        c.inline_box = inline_box.map(|b| b.after);
        let region = regions.get(o).copied().flatten();
        // A class name that cards borrow says nothing on them: a caption, a modal; and, when
        // the cards describe their items beyond links, a navigation word (the `pagination`
        // around a product grid) — but not in a `nav` element: a menu's columns.
        let in_nav = nodes.get(o).is_some_and(|n| n.in_nav);
        c.card = match entry {
            grid::Entry::None => false,
            grid::Entry::Card { described, .. } => region.is_none_or(|(r, source)| {
                source == Source::Class
                    && match r.category {
                        Category::Caption | Category::Other => true,
                        Category::Navigation => described && !in_nav,
                        _ => false,
                    }
            }),
        };
        c.region = region.map(|(r, _)| r);
        if c.region.is_some_and(|r| r.rule == Rule::HtmlTagFigure)
            && !matches!(c.kind, BlockKind::Paragraph)
        {
            c.region = None;
        }
    }

    // A later copy of a part of the page goes, unless its first copy stands outside the main
    // container and it inside: then the first is a mobile rendering, the later the page's.
    for (index, original) in copies.into_iter().enumerate() {
        let Some(first_in_main) = original.and_then(|o| cands.get(o)).map(|c| c.in_main) else {
            continue;
        };
        if let Some(c) = cands.get_mut(index) {
            if c.region.is_none() && (first_in_main || !c.in_main) {
                c.region = Some(Region {
                    category: Category::Other,
                    rule: Rule::OtherCopy,
                });
            }
        }
    }

    // Level-1 headings: those of the main content first, each in page order. A heading that
    // links the home page is the site's name or logo, set over every page ("Arch Linux"
    // over a forum thread, a blog's name over its posts), not this page's headline.
    let headline = |c: &&Candidate| c.heading_level == 1 && !c.home_link;
    let h1s: Vec<&str> = (cands.iter().filter(headline).filter(|c| c.in_main))
        .chain(cands.iter().filter(headline).filter(|c| !c.in_main))
        .map(|c| c.text.as_str())
        .take(8)
        .collect();
    let mut page_meta = raw_meta.resolve(&ld, &h1s);
    page_meta.second_opinion = true;
    page_meta.second_retried = opinion.retried;
    Ok((cands, page_meta))
}

/// Below this many words of text, a page may be a script application.
const SCRIPT_APP_WORDS: usize = 100;
/// A page showing fewer words than this may be veiled: most of it hidden until its scripts
/// run or a dialog closes.
const VEILED_PAGE_MAX_WORDS: usize = 3 * SCRIPT_APP_WORDS;
/// How many times what it shows the hidden part of a veiled page holds.
const VEILED_PAGE_FACTOR: usize = 5;

fn walker_words(w: &blocks::Walker) -> usize {
    w.cands
        .iter()
        .map(|c| crate::words::count_words(&c.text))
        .sum()
}

/// Whether the walk's blocks hold at least `enough` words, counted only until they do (most
/// pages reach it in their first blocks, and counting a whole page is costly).
fn walker_has_words(w: &blocks::Walker, enough: usize) -> bool {
    let mut words = 0;
    w.cands.iter().any(|c| {
        words += crate::words::count_words(&c.text);
        words >= enough
    })
}

/// Words of the blocks inside the page's first `main` element (tag or role), counted only
/// until `enough`; `None` when the page has no `main`.
fn main_words(w: &blocks::Walker, enough: usize) -> Option<usize> {
    let (first, main) = w.nodes.iter().enumerate().find(|(_, n)| {
        matches!(
            n.evidence,
            Evidence::Content {
                strong: true,
                priority: 1
            }
        )
    })?;
    let mut words = 0;
    for (c, &o) in w.cands.iter().zip(&w.owners) {
        if first <= o && o <= main.end {
            words += crate::words::count_words(&c.text);
            if words >= enough {
                break;
            }
        }
    }
    Some(words)
}

/// A script application may veil its whole page with an inline style (`visibility:hidden`
/// until it has loaded, against a flash of unstyled content); a reader sees the page once
/// the veil lifts. When what inline styles hide is most of the page, the page is walked
/// again with them shown. So is a page whose `main` element is veiled while its menus show
/// (a shop's age gate or password app hides the main content until its script says so):
/// then the comparison is made inside `main`. Inline-hidden regions of a page that shows its
/// text (menus, modals) stay hidden.
fn unveiled_view(walker: blocks::Walker, html: &scraper::Html) -> blocks::Walker {
    if walker.styled_hidden == 0 {
        return walker;
    }
    let page_veiled = !walker_has_words(&walker, VEILED_PAGE_MAX_WORDS);
    let main_veiled =
        !page_veiled && main_words(&walker, SCRIPT_APP_WORDS).is_some_and(|w| w < SCRIPT_APP_WORDS);
    if !page_veiled && !main_veiled {
        return walker;
    }
    let unveiled = blocks::walk_unveiled(html);
    let (shown, veiled) = if page_veiled {
        (walker_words(&walker), walker_words(&unveiled))
    } else {
        (
            main_words(&walker, usize::MAX).unwrap_or(0),
            main_words(&unveiled, usize::MAX).unwrap_or(0),
        )
    };
    let little_shown = shown < SCRIPT_APP_WORDS && veiled >= 2 * shown;
    // A dialog's own text (a consent banner) shows above a page that it hides: what is
    // shown is then a small share of the page.
    let mostly_veiled = veiled >= VEILED_PAGE_FACTOR * shown;
    if veiled >= SCRIPT_APP_WORDS && (little_shown || mostly_veiled) {
        unveiled
    } else {
        walker
    }
}

/// A script application (a forum, a shop or a feed drawn by JavaScript) shows little text
/// without its scripts, and may serve its readable view (to crawlers and to readers without
/// scripts) inside `<noscript>`. When that markup says much more than the page, it is the
/// page; the metadata still comes from the page itself.
fn noscript_view(
    walker: blocks::Walker,
    budget: &crate::Budget,
) -> Result<blocks::Walker, crate::OverBudget> {
    let words = |w: &blocks::Walker| -> usize {
        w.cands
            .iter()
            .map(|c| crate::words::count_words(&c.text))
            .sum()
    };
    // A noscript's usual content (a tracking pixel, "please enable JavaScript") is short:
    // no need to parse it.
    if walker.noscript.len() < 5 * SCRIPT_APP_WORDS {
        return Ok(walker);
    }
    // Counted up to the threshold only: most pages pass it in their first blocks.
    let mut page_words = 0;
    for c in &walker.cands {
        page_words += crate::words::count_words(&c.text);
        if page_words >= SCRIPT_APP_WORDS {
            return Ok(walker);
        }
    }
    let html = parse::parse(&walker.noscript, budget, "parsing the noscript view")?;
    let mut view = blocks::walk(&html);
    let view_words = words(&view);
    if view_words < SCRIPT_APP_WORDS || view_words < 2 * page_words {
        return Ok(walker);
    }
    view.meta = walker.meta;
    Ok(view)
}

/// An email field marks the small box around it (and around its form) as a newsletter sign-up:
/// up to 600 characters of text, and never past an inline box (`boxes.rs`: a sign-up box set
/// between two paragraphs of a short article is the box, not the article around it).
fn mark_email_boxes(
    nodes: &mut [NodeInfo],
    st: &Stats,
    inputs: &[usize],
    box_nodes: &rustc_hash::FxHashSet<usize>,
) {
    for &start in inputs {
        let mut top = start;
        while let Some(p) = nodes.get(top).map(|n| n.parent) {
            if box_nodes.contains(&top) {
                break;
            }
            let small = st.total.get(p).is_some_and(|&t| t <= 600);
            if p == blocks::NONE || !small || nodes.get(p).is_none_or(|n| n.page_root) {
                break;
            }
            top = p;
        }
        if let Some(n) = nodes.get_mut(top) {
            if top != 0 && !n.page_root && matches!(n.evidence, Evidence::None) {
                n.evidence = Evidence::Boiler {
                    category: Category::Newsletter,
                    rule: Rule::HtmlInputEmail,
                    source: Source::Tag,
                };
            }
        }
    }
}

/// An element holding more than this share of the page's weighted prose is a wrapper, not
/// the boilerplate its class or tag names…
const WRAPPER_PROSE_SHARE: f64 = 0.6;
/// …once the page holds this much (below it, a footer or a sign-up box may hold most of a
/// page that has next to no prose).
const WRAPPER_MIN_PAGE_PROSE: f64 = 150.0;
/// Characters of text that make a modal a sheet of the page rather than an overlay.
const MODAL_TEXT: usize = 400;
/// Characters of text no date line holds (a long one, "Published 12 March 2025, updated
/// 14 March 2025 at 09:41 by …", has under 100).
const DATE_LINE_MAX_CHARS: usize = 200;

/// The effective region of every node: its own verdict, else its parent's. Ancestors of the
/// main content cannot be boilerplate (they wrap the article), and a strong content token
/// on a nearer element cancels a class-based verdict from further up.
fn regions(
    nodes: &[NodeInfo],
    st: &Stats,
    cands: &[Candidate],
    owners: &[usize],
    main: Option<&[usize]>,
) -> Vec<Option<(Region, Source)>> {
    let page_good = st.good.first().copied().unwrap_or(0.0);
    let mut eff: Vec<Option<(Region, Source)>> = Vec::with_capacity(nodes.len());
    // Inside a modal taken for a sheet of the page (below).
    let mut sheet = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        let in_sheet = i > 0 && sheet.get(n.parent).copied().unwrap_or(false);
        if in_sheet {
            if let Some(x) = sheet.get_mut(i) {
                *x = true;
            }
        }
        let inherited = if i == 0 {
            None
        } else {
            eff.get(n.parent).copied().flatten()
        };
        let wraps_main = main.is_some_and(|ms| ms.iter().any(|&m| i <= m && m <= n.end));
        // A tab panel is the page's content even where its tabs' menu role or class wraps
        // it too (`role=tablist` set on the whole widget).
        let panel_in_menu =
            n.tab_panel && inherited.is_some_and(|(r, _)| r.category == Category::Navigation);
        if wraps_main || i == 0 || panel_in_menu {
            eff.push(None);
            continue;
        }
        let in_main = main.is_some_and(|ms| {
            ms.iter()
                .any(|&m| nodes.get(m).is_some_and(|mn| m < i && i <= mn.end))
        });
        let in_article = n.in_article || in_main;
        let region = |category, rule| Some(Region { category, rule });
        let own: Option<(Region, Source)> = match n.evidence {
            Evidence::None => None,
            Evidence::Content { strong, .. } => {
                if strong && inherited.is_some_and(|(_, s)| s == Source::Class) {
                    eff.push(None);
                    continue;
                }
                None
            }
            // A modal or pop-up that holds prose is a sheet of the page's own (a product's
            // details), not an overlay; so are the parts of it named after it.
            Evidence::Boiler {
                category: Category::Other,
                source: Source::Class,
                ..
            } if in_sheet || st.total.get(i).is_some_and(|&t| t >= MODAL_TEXT) => {
                if let Some(x) = sheet.get_mut(i) {
                    *x = true;
                }
                None
            }
            // A date word in a class names a date line; an element so named that holds
            // paragraphs of prose is the article's wrapper (a CMS's `paragraph-published`
            // status class), not its dateline.
            Evidence::Boiler {
                category: Category::Byline,
                source: Source::Class,
                ..
            } if n.date_class && st.total.get(i).is_some_and(|&t| t >= DATE_LINE_MAX_CHARS) => None,
            Evidence::Boiler {
                category,
                rule,
                source,
            } => region(category, rule).map(|r| (r, source)),
            Evidence::Positional { kind, rule, source } => match (kind, in_article) {
                (Positional::Header, true) => None,
                (Positional::Header, false) => region(Category::Navigation, rule),
                (Positional::Footer, true) => region(Category::Other, rule),
                (Positional::Footer, false) => region(Category::Legal, rule),
            }
            .map(|r| (r, source)),
            Evidence::Dialog { rule } => {
                let cookie = cands.iter().zip(owners).any(|(c, &o)| {
                    i <= o && o <= n.end && {
                        let t = c.text.to_lowercase();
                        t.contains("cookie") || t.contains("consent") || t.contains("gdpr")
                    }
                });
                let cat = if cookie {
                    Category::Cookie
                } else {
                    Category::Other
                };
                region(cat, rule).map(|r| (r, Source::Role))
            }
            Evidence::Form => {
                let total = st.total.get(i).copied().unwrap_or(0);
                let small = total <= 1500;
                // A form around prose (a comment's text with its vote and reply buttons)
                // is content; form furniture is labels and buttons. Prose weighs 0.3
                // inside a comment region, hence the low share.
                let prose = total >= 60
                    && st.good.get(i).is_some_and(|&g| g >= 0.25 * total as f64)
                    && !(n.has_email || n.has_search || n.has_textarea);
                let (cat, rule) = if n.has_email {
                    (Category::Newsletter, Rule::HtmlFormEmail)
                } else if n.has_search {
                    (Category::Navigation, Rule::HtmlFormSearch)
                } else if n.has_textarea {
                    (Category::Comments, Rule::HtmlFormComment)
                } else {
                    (Category::Other, Rule::HtmlTagForm)
                };
                if small && !prose {
                    region(cat, rule).map(|r| (r, Source::Tag))
                } else {
                    None
                }
            }
        };
        // An element holding most of the page's prose is a wrapper, whatever its class says:
        // on a page with some prose, or whatever the page holds when its class names a byline
        // (a post's `author-jane-doe` class around a short article; no byline holds prose).
        let own = own.filter(|(region, _)| {
            let floor = if region.category == Category::Byline {
                0.0
            } else {
                WRAPPER_MIN_PAGE_PROSE
            };
            page_good < floor
                || st.good.get(i).copied().unwrap_or(0.0) <= WRAPPER_PROSE_SHARE * page_good
        });
        eff.push(own.or(inherited));
    }
    eff
}

#[cfg(test)]
mod tests;

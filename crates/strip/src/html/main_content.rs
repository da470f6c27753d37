//! Choosing the container that holds the article.
//!
//! Every block contributes "prose weight" (non-link characters of sentence-like text) to its
//! owner; one reverse pass over the node table sums it up the tree. From the document we
//! then descend into the child holding most of the prose while it holds nearly all of it
//! (the lowest container of the dense text, in the spirit of Readability's ancestor
//! scoring), and let explicit markup (`itemprop=articleBody`, `article`, `main`,
//! `entry-content`…) refine that choice when it agrees with the text.

use super::blocks::NodeInfo;
use super::hints::{Evidence, Positional, Source};
use crate::candidate::Candidate;
use crate::model::{BlockKind, Category};

/// Per-node sums over the subtree.
#[derive(Debug, Default)]
pub(super) struct Stats {
    /// Weighted prose characters.
    pub good: Vec<f64>,
    /// All characters of candidate text.
    pub total: Vec<usize>,
    /// The part of `good` in grids' cards (empty until [`Stats::count_cards`]).
    pub card_good: Vec<f64>,
    /// Cards' prose of the nodes before each node index (its own blocks', not its
    /// subtree's): the cards between two points of the page.
    pub card_before: Vec<f64>,
    /// Each candidate's weighted prose, as summed into `good`.
    block_good: Vec<f64>,
}

/// Below this much prose on the whole page, no container "clearly wins".
const MIN_PAGE_PROSE: f64 = 200.0;
/// Prose in grids' cards in or after an explicit content element (a feed of teasers after
/// the article: headline, byline, a line of summary, card after card) counts this much for
/// and against the element…
const CARD_PROSE_WEIGHT: f64 = 0.1;
/// …when the element holds this much prose outside cards (about 80 words: a short article,
/// more than a comment; an element that is itself one of the cards holds none).
const CARD_FREE_ARTICLE_PROSE: f64 = 500.0;
/// A child must hold this share of its parent's prose for the descent to continue.
const DESCEND_SHARE: f64 = 0.8;

/// Whether a node (by its own or an inherited verdict) looks like boilerplate, before the
/// main container is known; boilerplate text weighs less when scoring containers.
fn naive_boiler(nodes: &[NodeInfo]) -> Vec<u8> {
    // 0 = clean, 1 = class/id verdict, 2 = tag/role verdict, 3 = a cookie or consent
    // notice (its preference centre may hold more prose than a listing page; it is never
    // the page's content) or an overlay (a dialog holding the site's whole refund policy
    // opens over the page; it is not the page).
    let mut out = vec![0u8; nodes.len()];
    // `<main>` (or `role=main`) marks the page's content wherever it stands: a page header
    // left unclosed before it wraps it, and the rest of the page with it, without making it
    // furniture. (A content class inside a header may name a box of the header's own.)
    let mains: Vec<usize> = nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            matches!(
                n.evidence,
                Evidence::Content {
                    strong: true,
                    priority: 1
                }
            )
        })
        .map(|(i, _)| i)
        .collect();
    let wraps_main = |i: usize, end: usize| mains.iter().any(|&m| i < m && m <= end);
    for (i, n) in nodes.iter().enumerate() {
        let inherited = out.get(n.parent).copied().unwrap_or(0);
        let own = match n.evidence {
            _ if n.overlay => 3,
            Evidence::Boiler {
                category: Category::Cookie,
                ..
            } => 3,
            Evidence::Boiler {
                source: Source::Class,
                category,
                ..
            } if category != Category::Byline => 1,
            Evidence::Boiler {
                source: Source::Tag | Source::Role,
                category,
                ..
            } if category != Category::Caption => 2,
            Evidence::Positional { .. } if !n.in_article && !wraps_main(i, n.end) => 2,
            Evidence::Content { strong: true, .. } if inherited == 1 => {
                if let Some(slot) = out.get_mut(i) {
                    *slot = 0;
                }
                continue;
            }
            _ => 0,
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = own.max(inherited);
        }
    }
    out
}

fn prose_weight(c: &Candidate) -> f64 {
    if c.kind == BlockKind::Heading {
        return 0.0;
    }
    let chars = c.text.chars().count();
    if chars < 25 || c.link_density() > 0.5 {
        return 0.0;
    }
    let nonlink = chars.saturating_sub(c.link_chars) as f64;
    let sentence = c.text.chars().any(|ch| {
        matches!(
            ch,
            '.' | ',' | '!' | '?' | ';' | '。' | '，' | '、' | '؟' | '،'
        )
    });
    if sentence { nonlink } else { nonlink * 0.5 }
}

/// How much a block's prose weighs by its owner's naive verdict (see [`naive_boiler`]).
fn boiler_factor(verdict: u8) -> f64 {
    match verdict {
        0 => 1.0,
        1 => 0.3,
        2 => 0.1,
        _ => 0.0,
    }
}

/// Sums each node's own weights up the tree (children come after their parent in document
/// order: one reverse pass).
fn sum_subtrees(nodes: &[NodeInfo], values: &mut [f64]) {
    for i in (1..nodes.len()).rev() {
        let p = nodes.get(i).map_or(0, |n| n.parent);
        let v = values.get(i).copied().unwrap_or(0.0);
        if let Some(x) = values.get_mut(p) {
            *x += v;
        }
    }
}

pub(super) fn stats(nodes: &[NodeInfo], cands: &[Candidate], owners: &[usize]) -> Stats {
    let boiler = naive_boiler(nodes);
    let mut good = vec![0.0f64; nodes.len()];
    let mut total = vec![0usize; nodes.len()];
    let mut block_good = Vec::with_capacity(cands.len());
    for (c, &o) in cands.iter().zip(owners) {
        let weight = prose_weight(c) * boiler_factor(boiler.get(o).copied().unwrap_or(0));
        block_good.push(weight);
        if let Some(g) = good.get_mut(o) {
            *g += weight;
        }
        if let Some(t) = total.get_mut(o) {
            *t += c.text.chars().count();
        }
    }
    sum_subtrees(nodes, &mut good);
    // Children come after their parent in document order: one reverse pass sums subtrees.
    for i in (1..nodes.len()).rev() {
        let p = nodes.get(i).map_or(0, |n| n.parent);
        let t = total.get(i).copied().unwrap_or(0);
        if let Some(x) = total.get_mut(p) {
            *x += t;
        }
    }
    Stats {
        good,
        total,
        card_good: Vec::new(),
        card_before: Vec::new(),
        block_good,
    }
}

impl Stats {
    /// Sums the prose of the blocks `in_card` marks (grids' cards, [`super::grid`]) into
    /// `card_good`, weighed as in `good`.
    pub(super) fn count_cards(&mut self, nodes: &[NodeInfo], owners: &[usize], in_card: &[bool]) {
        if !in_card.contains(&true) {
            return;
        }
        let mut card_good = vec![0.0f64; nodes.len()];
        for ((&weight, &o), _) in (self.block_good.iter())
            .zip(owners)
            .zip(in_card)
            .filter(|(_, card)| **card)
        {
            if let Some(g) = card_good.get_mut(o) {
                *g += weight;
            }
        }
        self.card_before = std::iter::once(0.0)
            .chain(card_good.iter().scan(0.0, |sum, &g| {
                *sum += g;
                Some(*sum)
            }))
            .collect();
        sum_subtrees(nodes, &mut card_good);
        self.card_good = card_good;
    }
}

fn children(nodes: &[NodeInfo], parent: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let end = nodes.get(parent).map_or(0, |n| n.end);
    let mut j = parent + 1;
    while j <= end {
        let Some(n) = nodes.get(j) else { break };
        if n.parent == parent {
            out.push(j);
        }
        j = n.end.max(j) + 1;
    }
    out
}

fn contains(nodes: &[NodeInfo], outer: usize, inner: usize) -> bool {
    nodes
        .get(outer)
        .is_some_and(|n| outer <= inner && inner <= n.end)
}

/// The main-content containers (the chosen one plus siblings that continue the article),
/// or `None` when no container clearly wins.
pub(super) fn choose(
    nodes: &[NodeInfo],
    st: &Stats,
    ld_body_chars: Option<usize>,
) -> Option<Vec<usize>> {
    let good = |i: usize| st.good.get(i).copied().unwrap_or(0.0);
    let total = |i: usize| st.total.get(i).copied().unwrap_or(0);
    let card_good = |i: usize| st.card_good.get(i).copied().unwrap_or(0.0);
    let card_before = |i: usize| st.card_before.get(i).copied().unwrap_or(0.0);
    if good(0) < MIN_PAGE_PROSE {
        return None;
    }

    // Descend towards the dense prose.
    let mut d = 0;
    loop {
        let best = children(nodes, d)
            .into_iter()
            // Not into a list: its headings and sibling lists (a catalogue's sections) are
            // the same content.
            .filter(|&c| nodes.get(c).is_some_and(|n| n.container && !n.list))
            .max_by(|&a, &b| good(a).total_cmp(&good(b)));
        match best {
            Some(b) if good(b) > 0.0 && good(b) >= DESCEND_SHARE * good(d) => d = b,
            _ => break,
        }
    }
    let gd = good(d);

    // Explicit markup that agrees with the text refines the choice.
    let mut pick: Option<(u8, bool, f64, usize)> = None;
    for (i, n) in nodes.iter().enumerate() {
        let Evidence::Content { priority, .. } = n.evidence else {
            continue;
        };
        if !n.container {
            continue;
        }
        let ge = good(i);
        let ok = if contains(nodes, d, i) {
            let holds = |ge: f64, gd: f64| ge >= 0.7 * gd || (priority >= 3 && ge >= 0.5 * gd);
            // Teaser cards in the element or after it (a feed of other stories after a
            // short article) say little for or against an element that holds an article of
            // its own: both sides are weighed with those cards' prose lowered. (Cards before
            // it may be the article's own steps or sections.)
            let end = |x: usize| nodes.get(x).map_or(x, |n| n.end);
            let cards_after = card_before(end(d) + 1) - card_before(end(i) + 1);
            let lowered = (1.0 - CARD_PROSE_WEIGHT) * card_good(i);
            let own = ge - lowered;
            let rest = gd - lowered - (1.0 - CARD_PROSE_WEIGHT) * cards_after.max(0.0);
            holds(ge, gd) || (ge - card_good(i) >= CARD_FREE_ARTICLE_PROSE && holds(own, rest))
        } else if contains(nodes, i, d) {
            ge <= 1.25 * gd + 300.0 && !n.page_root
        } else {
            false
        };
        if !ok {
            continue;
        }
        let ancestor = contains(nodes, i, d);
        let key = (
            priority,
            ancestor,
            if ancestor { -(i as f64) } else { ge },
            i,
        );
        let better = match pick {
            None => true,
            Some((p, a, s, _)) => (priority, ancestor, key.2) > (p, a, s),
        };
        if better {
            pick = Some(key);
        }
    }
    let mut m = pick.map_or(d, |p| p.3);

    // The JSON-LD body says how long the article is: widen a too-narrow choice.
    if let Some(body) = ld_body_chars.filter(|&b| b > 200) {
        while total(m) * 10 < body * 6 {
            let Some(p) = nodes.get(m).map(|n| n.parent) else {
                break;
            };
            match nodes.get(p) {
                Some(pn) if !pn.page_root && p != 0 && total(p) * 2 <= body * 3 => m = p,
                _ => break,
            }
        }
    }

    if m == 0 || nodes.get(m).is_none_or(|n| n.page_root) {
        return None;
    }

    // Siblings that continue the article (a body split around an ad slot).
    let mut chosen = vec![m];
    let parent = nodes.get(m).map_or(0, |n| n.parent);
    let sibs = children(nodes, parent);
    if let Some(pos) = sibs.iter().position(|&s| s == m) {
        let forward = sibs.iter().skip(pos + 1);
        let backward = sibs.iter().take(pos).rev();
        for dir in [
            forward.copied().collect::<Vec<_>>(),
            backward.copied().collect::<Vec<_>>(),
        ] {
            for s in dir {
                let Some(n) = nodes.get(s) else { break };
                let t = total(s);
                if t == 0 {
                    continue;
                }
                match n.evidence {
                    Evidence::Boiler {
                        category: Category::Ads,
                        ..
                    } => continue,
                    Evidence::Boiler { .. }
                    | Evidence::Positional {
                        kind: Positional::Footer | Positional::Header,
                        ..
                    }
                    | Evidence::Form
                    | Evidence::Dialog { .. } => break,
                    _ => {}
                }
                // A feed of teaser cards after the article is no continuation of it.
                let cards = card_good(s) >= 0.5 * good(s);
                if good(s) >= 80.0 && good(s) >= 0.6 * t as f64 && !cards {
                    chosen.push(s);
                } else {
                    break;
                }
            }
        }
    }
    chosen.sort_unstable();
    Some(chosen)
}

//! Grids of cards: a shop's product tiles, a listing's entries.
//!
//! A card is small (a name, a price, a rating or a date, a line of summary) and comes with
//! siblings of the same shape (tag and first class name). A shop or a listing page is made
//! of such cards, and their class names often borrow boilerplate words (`pagination` around
//! the product grid, Bootstrap's `caption` under a thumbnail): on a page that has no
//! article, the cards are the content whatever those words say. A menu's entries are one
//! link each, so they make no cards; a menu whose entries carry a line of description does,
//! but its cards say nothing beyond their links, and a navigation class name on it holds.

use super::blocks::{NO_SHAPE, NodeInfo};
use crate::candidate::Candidate;

/// Fewest cards of one shape that make a grid.
const MIN_CARDS: usize = 4;
/// Fewest blocks in a card: a name and something about it.
const MIN_CARD_BLOCKS: u32 = 2;
/// Most blocks in a card: a menu's column of links holds more.
const MAX_CARD_BLOCKS: u32 = 12;
/// Most characters in a card: more is a section, not a tile.
const MAX_CARD_CHARS: usize = 600;

/// A grid's card entry, for one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Entry {
    /// Not in a grid's card, or the grid's furniture.
    None,
    /// In a card; `described`: most cards of its grid say something beyond their links (a
    /// price, a fit, a date), which a menu's entries (links, each with its line of
    /// description) do not.
    Card {
        described: bool,
        /// Most cards of its grid hold a link of their own besides that description (a
        /// headline linking the story): teasers of other pages, not an article's sections.
        linked: bool,
    },
}

/// Share of a described card's text outside its links.
const DESCRIBED_SHARE: f64 = 0.3;

/// Where a node lies: the grid (named by its first card) and the card, if any.
type CardOf = Vec<Option<(usize, usize)>>;

/// Per candidate: whether it is an entry of a grid's card. A text that most cards of its grid
/// repeat ("Quick view", "Add to cart", "Compare") is the grid's furniture, not an entry.
pub(super) fn card_entries(
    nodes: &[NodeInfo],
    cands: &[Candidate],
    owners: &[usize],
    total: &[usize],
) -> Vec<Entry> {
    let card_of = cards(nodes, owners, total);
    let (described, linked) = described_grids(&card_of, cands, owners);
    let furniture = furniture(&card_of, cands, owners);
    cands
        .iter()
        .zip(owners)
        .map(|(c, &o)| match card_of.get(o).copied().flatten() {
            Some((grid, _)) if !furniture.contains(&(grid, c.text.as_str())) => Entry::Card {
                described: described.contains(&grid),
                linked: linked.contains(&grid),
            },
            _ => Entry::None,
        })
        .collect()
}

/// The grids most of whose cards say something beyond their links, and those most of whose
/// cards also hold a block that is mostly a link (a headline).
fn described_grids(
    card_of: &CardOf,
    cands: &[Candidate],
    owners: &[usize],
) -> (Vec<usize>, Vec<usize>) {
    // (grid, card, characters, link characters) per block in a card.
    let mut text_of_card: Vec<(usize, usize, usize, usize)> = cands
        .iter()
        .zip(owners)
        .filter_map(|(c, &o)| {
            let (grid, card) = card_of.get(o).copied().flatten()?;
            Some((grid, card, c.text.chars().count(), c.link_chars))
        })
        .collect();
    text_of_card.sort_unstable();
    let (mut out, mut linked_out) = (Vec::new(), Vec::new());
    for grid in text_of_card.chunk_by(|a, b| a.0 == b.0) {
        let (mut cards, mut described, mut linked) = (0usize, 0usize, 0usize);
        for card in grid.chunk_by(|a, b| a.1 == b.1) {
            let chars: usize = card.iter().map(|x| x.2).sum();
            let links: usize = card.iter().map(|x| x.3).sum();
            cards += 1;
            let says_more =
                chars > 0 && chars.saturating_sub(links) as f64 >= DESCRIBED_SHARE * chars as f64;
            if says_more {
                described += 1;
                if card.iter().any(|x| x.2 > 0 && x.3 * 2 > x.2) {
                    linked += 1;
                }
            }
        }
        if let Some(&(g, ..)) = grid.first() {
            if described * 5 >= cards * 3 {
                out.push(g);
            }
            if linked * 5 >= cards * 3 {
                linked_out.push(g);
            }
        }
    }
    (out, linked_out)
}

/// (grid, text) of the texts that most cards of a grid repeat.
fn furniture<'a>(
    card_of: &CardOf,
    cands: &'a [Candidate],
    owners: &[usize],
) -> Vec<(usize, &'a str)> {
    // (grid, text, card) for every block in a card; a text counts once per card.
    let mut seen: Vec<(usize, &str, usize)> = cands
        .iter()
        .zip(owners)
        .filter_map(|(c, &o)| {
            let (grid, card) = card_of.get(o).copied().flatten()?;
            Some((grid, c.text.as_str(), card))
        })
        .collect();
    seen.sort_unstable();
    seen.dedup();
    // Cards per grid: a card's root is the node whose card is itself.
    let mut roots: Vec<usize> = card_of
        .iter()
        .enumerate()
        .filter_map(|(i, x)| x.filter(|&(_, card)| card == i).map(|(grid, _)| grid))
        .collect();
    roots.sort_unstable();
    let card_count =
        |grid: usize| roots.partition_point(|&g| g <= grid) - roots.partition_point(|&g| g < grid);
    let mut out = Vec::new();
    for same in seen.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if let Some(&(grid, text, _)) = same.first() {
            if same.len() >= MIN_CARDS && same.len() * 5 >= card_count(grid) * 4 {
                out.push((grid, text));
            }
        }
    }
    out
}

/// Per node: the grid (its first card) and the card it lies in, if any.
fn cards(nodes: &[NodeInfo], owners: &[usize], total: &[usize]) -> CardOf {
    // Blocks per subtree: counted at each block's owner, then summed up the tree (children
    // come after their parent in document order).
    let mut blocks = vec![0u32; nodes.len()];
    for &o in owners {
        if let Some(b) = blocks.get_mut(o) {
            *b += 1;
        }
    }
    for i in (1..nodes.len()).rev() {
        let (p, b) = (
            nodes.get(i).map_or(0, |n| n.parent),
            blocks.get(i).copied().unwrap_or(0),
        );
        if let Some(x) = blocks.get_mut(p) {
            *x = x.saturating_add(b);
        }
    }
    let is_card = |i: usize| {
        let chars = total.get(i).copied().unwrap_or(0);
        let b = blocks.get(i).copied().unwrap_or(0);
        (MIN_CARD_BLOCKS..=MAX_CARD_BLOCKS).contains(&b) && chars <= MAX_CARD_CHARS
    };

    // Siblings grouped by (parent, shape); a group of enough cards, most of its members,
    // is a grid.
    let mut members: Vec<(usize, u64, usize)> = nodes
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, n)| n.shape != NO_SHAPE)
        .map(|(i, n)| (n.parent, n.shape, i))
        .collect();
    members.sort_unstable();
    let mut card_root: Vec<Option<usize>> = vec![None; nodes.len()];
    for group in members.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        if group.len() < MIN_CARDS {
            continue;
        }
        let n_cards = group.iter().filter(|m| is_card(m.2)).count();
        if n_cards >= MIN_CARDS && n_cards * 5 >= group.len() * 3 {
            let cards: Vec<usize> = group.iter().map(|m| m.2).filter(|&i| is_card(i)).collect();
            let grid = cards.first().copied().unwrap_or(0);
            for i in cards {
                if let Some(c) = card_root.get_mut(i) {
                    *c = Some(grid);
                }
            }
        }
    }
    // Inside a card: the card itself or any descendant (parents come first). In a grid of
    // cards that are grids themselves (rows of tiles), the outer card counts.
    let mut inside: Vec<Option<(usize, usize)>> = vec![None; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        let from_parent = if i > 0 {
            inside.get(n.parent).copied().flatten()
        } else {
            None
        };
        let own = card_root.get(i).copied().flatten().map(|grid| (grid, i));
        if let Some(x) = inside.get_mut(i) {
            *x = from_parent.or(own);
        }
    }
    inside
}

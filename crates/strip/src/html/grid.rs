//! Grids of cards: a shop's product tiles, a listing's entries.
//!
//! A card is small (a name, a price, a rating or a date, a line of summary) and comes with
//! siblings of the same shape (tag and first class name). A shop or a listing page is made
//! of such cards, and their class names often borrow boilerplate words (`pagination` around
//! the product grid, Bootstrap's `caption` under a thumbnail): on a page that has no
//! article, the cards are the content whatever those words say. A menu's entries are one
//! link each, so they make no cards.

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
    Card { described: bool },
}

/// Share of a described card's text outside its links.
const DESCRIBED_SHARE: f64 = 0.3;

/// Per candidate: whether it is an entry of a grid's card. A text that most cards of its grid
/// repeat ("Quick view", "Add to cart", "Compare") is the grid's furniture, not an entry.
pub(super) fn card_entries(
    nodes: &[NodeInfo],
    cands: &[Candidate],
    owners: &[usize],
    total: &[usize],
) -> Vec<Entry> {
    let card_of = cards(nodes, owners, total);
    // Characters and link characters per card.
    let mut text_of_card: Vec<(usize, usize, usize, usize)> = cands
        .iter()
        .zip(owners)
        .filter_map(|(c, &o)| {
            let (grid, card) = card_of.get(o).copied().flatten()?;
            Some((grid, card, c.text.chars().count(), c.link_chars))
        })
        .collect();
    text_of_card.sort_unstable();
    let mut described_grids: Vec<usize> = Vec::new();
    for grid in text_of_card.chunk_by(|a, b| a.0 == b.0) {
        let (mut cards, mut described) = (0usize, 0usize);
        for card in grid.chunk_by(|a, b| a.1 == b.1) {
            let chars: usize = card.iter().map(|x| x.2).sum();
            let links: usize = card.iter().map(|x| x.3).sum();
            cards += 1;
            if chars > 0 && chars.saturating_sub(links) as f64 >= DESCRIBED_SHARE * chars as f64 {
                described += 1;
            }
        }
        if let Some(&(g, ..)) = grid.first() {
            if described * 5 >= cards * 3 {
                described_grids.push(g);
            }
        }
    }
    let mut entries: Vec<Entry> = owners
        .iter()
        .map(|&o| match card_of.get(o).copied().flatten() {
            Some((grid, _)) => Entry::Card {
                described: described_grids.contains(&grid),
            },
            None => Entry::None,
        })
        .collect();
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
    let mut furniture: Vec<(usize, &str)> = Vec::new();
    for same in seen.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let Some(&(grid, text, _)) = same.first() else {
            continue;
        };
        let cards_in_grid = card_count(grid);
        if same.len() >= MIN_CARDS && same.len() * 5 >= cards_in_grid * 4 {
            furniture.push((grid, text));
        }
    }
    if !furniture.is_empty() {
        for ((entry, c), &o) in entries.iter_mut().zip(cands).zip(owners) {
            if let Some((grid, _)) = card_of.get(o).copied().flatten() {
                if furniture.contains(&(grid, c.text.as_str())) {
                    *entry = Entry::None;
                }
            }
        }
    }
    entries
}

/// Per node: the grid (its first card) and the card it lies in, if any.
fn cards(nodes: &[NodeInfo], owners: &[usize], total: &[usize]) -> Vec<Option<(usize, usize)>> {
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

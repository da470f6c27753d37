//! Second copies: an element whose blocks repeat, block for block, those of an earlier
//! element elsewhere in the page.
//!
//! A layout that draws one part twice (a desktop and a mobile rendering, a carousel's cloned
//! slides, a product's details in a tab and again in an accordion) leaves both copies in the
//! markup; a reader sees one. Each block of a later copy of a part long enough to be more
//! than a repeated label points to the block it copies, and goes as `other.copy` unless the
//! first copy stands outside the main container and the later one inside (a mobile
//! rendering before the page's main content: the later copy is the page's). Repeats that
//! differ anywhere (a meal plan's second day, a chorus with its verses) are not copies: only
//! whole elements whose every block matches count, and a block repeated alone is left to the
//! classifier's repeat rule.

use super::blocks::NodeInfo;
use crate::candidate::Candidate;
use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};

/// Fewest blocks a copy holds: a single repeated block is a label or a pull quote.
const COPY_MIN_BLOCKS: usize = 2;
/// Fewest bytes of text a copy holds (about 20 words): below it, repeated furniture
/// ("Add to cart" / "Wishlist") is the cards' own.
const COPY_MIN_BYTES: usize = 120;

/// For each candidate in a later copy of an earlier element's blocks, the block it copies.
pub(super) fn later_copies(
    nodes: &[NodeInfo],
    cands: &[Candidate],
    ranges: &[(usize, usize)],
) -> Vec<Option<usize>> {
    let mut copy = vec![None; cands.len()];
    if cands.len() < 2 * COPY_MIN_BLOCKS {
        return copy;
    }
    // Prefix sums of the blocks' bytes, and a polynomial prefix hash over the blocks'
    // hashes, so that any range's size and hash cost O(1).
    const BASE: u64 = 0x100_0000_01b3;
    let mut bytes = Vec::with_capacity(cands.len() + 1);
    let mut prefix = Vec::with_capacity(cands.len() + 1);
    let mut powers = Vec::with_capacity(cands.len() + 1);
    let (mut b, mut h, mut p) = (0usize, 0u64, 1u64);
    bytes.push(b);
    prefix.push(h);
    powers.push(p);
    for c in cands {
        let mut hasher = rustc_hash::FxHasher::default();
        c.text.hash(&mut hasher);
        b += c.text.len();
        h = h.wrapping_mul(BASE).wrapping_add(hasher.finish() | 1);
        p = p.wrapping_mul(BASE);
        bytes.push(b);
        prefix.push(h);
        powers.push(p);
    }
    let range_hash = |lo: usize, hi: usize| -> u64 {
        let (top, bottom, pow) = (prefix.get(hi + 1), prefix.get(lo), powers.get(hi + 1 - lo));
        match (top, bottom, pow) {
            (Some(&t), Some(&b), Some(&p)) => t.wrapping_sub(b.wrapping_mul(p)),
            _ => 0,
        }
    };
    let same_text = |a: usize, b: usize, len: usize| {
        (0..len).all(|k| match (cands.get(a + k), cands.get(b + k)) {
            (Some(x), Some(y)) => x.text == y.text,
            _ => false,
        })
    };
    // The earliest element seen with each (length, hash) of blocks.
    let mut first_seen: FxHashMap<(usize, u64), usize> = FxHashMap::default();
    let mut i = 0;
    while i < nodes.len() {
        let next = i + 1;
        let Some(&(lo, hi)) = ranges.get(i) else {
            break;
        };
        let len = if lo <= hi && hi < cands.len() {
            hi + 1 - lo
        } else {
            0
        };
        let size = bytes
            .get(hi + 1)
            .zip(bytes.get(lo))
            .map_or(0, |(e, s)| e - s);
        if len < COPY_MIN_BLOCKS || size < COPY_MIN_BYTES {
            i = next;
            continue;
        }
        let key = (len, range_hash(lo, hi));
        match first_seen.get(&key) {
            Some(&earlier) if earlier + len <= lo && same_text(earlier, lo, len) => {
                for (k, x) in copy.iter_mut().skip(lo).take(len).enumerate() {
                    *x = Some(earlier + k);
                }
                // The copy's own elements are part of it.
                i = nodes.get(i).map_or(next, |n| n.end + 1).max(next);
                continue;
            }
            Some(_) => {}
            None => {
                first_seen.insert(key, lo);
            }
        }
        i = next;
    }
    copy
}

/// Each node's range of candidates (first, last), or (usize::MAX, 0) when it holds none.
/// A node's blocks are contiguous: the walk emits them while inside it.
pub(super) fn block_ranges(nodes: &[NodeInfo], owners: &[usize]) -> Vec<(usize, usize)> {
    let mut ranges = vec![(usize::MAX, 0usize); nodes.len()];
    for (j, &o) in owners.iter().enumerate() {
        if let Some(r) = ranges.get_mut(o) {
            r.0 = r.0.min(j);
            r.1 = r.1.max(j);
        }
    }
    // Children come after their parents in the table: fold them up from the end.
    for i in (1..nodes.len()).rev() {
        let (Some(&child), Some(parent)) = (ranges.get(i), nodes.get(i).map(|n| n.parent)) else {
            continue;
        };
        if let Some(r) = ranges.get_mut(parent) {
            r.0 = r.0.min(child.0);
            r.1 = r.1.max(child.1);
        }
    }
    ranges
}

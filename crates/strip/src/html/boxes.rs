//! Inline boxes: a small element set between two paragraphs of one container.
//!
//! A CMS drops its furniture into the article's body as one more child of the element that
//! holds the paragraphs: a donation appeal, a sign-up box, a "Read more" box. Its heading
//! ("Support our journalism") reads like a section heading that ends the article, and in a
//! short article the text after it may share too few words with the text before it to
//! show that the article goes on. The markup shows it: the box closes, and the next child of
//! the same container is a paragraph again, as the one before the box was. The classifier
//! ([`crate::classify`]) ends such a section with its box.

use super::blocks::{NONE, NodeInfo};

/// Most blocks an inline box holds: a heading, a few lines, a button or two. A larger
/// element between two paragraphs is a part of the article (a quotation, a list).
const INLINE_BOX_MAX_BLOCKS: usize = 8;

/// A block's inline box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct InlineBox {
    /// The box element (an index into the node table).
    pub node: usize,
    /// The blocks the box holds after this one.
    pub after: u32,
}

/// For each candidate, its inline box, if it is in one.
///
/// A candidate's box is the nearest element holding it and another block. The box is
/// inline when its parent's children just before and just after it each hold one block
/// alone (a paragraph, or text straight in the parent).
pub(super) fn inline_boxes(
    nodes: &[NodeInfo],
    owners: &[usize],
    ranges: &[(usize, usize)],
) -> Vec<Option<InlineBox>> {
    let parent = |n: usize| nodes.get(n).map_or(NONE, |n| n.parent);
    let range = |n: usize| ranges.get(n).copied().unwrap_or((usize::MAX, 0));
    // The child of `container` that holds `owner` (or `container` itself, for text
    // straight in it) holds that one block alone.
    let alone_in = |block: usize, container: usize| -> bool {
        let Some(&owner) = owners.get(block) else {
            return false;
        };
        let mut child = owner;
        while child != container {
            let up = parent(child);
            if up == NONE {
                return false;
            }
            if up == container {
                return range(child) == (block, block);
            }
            child = up;
        }
        true
    };
    let mut boxes = vec![None; owners.len()];
    for (index, &owner) in owners.iter().enumerate() {
        let mut node = owner;
        while node != NONE && range(node) == (index, index) {
            node = parent(node);
        }
        // A box wrapped in elements that hold nothing else (a CMS's nested `div`s): its
        // siblings are the outermost wrapper's, the paragraphs around it.
        let mut outer = node;
        while outer != NONE && parent(outer) != NONE && range(parent(outer)) == range(outer) {
            outer = parent(outer);
        }
        let container = parent(outer);
        if node == NONE || container == NONE {
            continue;
        }
        let (first, last) = range(node);
        let blocks = last.checked_sub(first).map(|d| d + 1);
        if first == 0 || blocks.is_none_or(|b| b > INLINE_BOX_MAX_BLOCKS) {
            continue;
        }
        if alone_in(first - 1, container) && alone_in(last + 1, container) {
            if let Some(slot) = boxes.get_mut(index) {
                *slot = last
                    .checked_sub(index)
                    .and_then(|after| u32::try_from(after).ok())
                    .map(|after| InlineBox { node, after });
            }
        }
    }
    boxes
}

#[cfg(test)]
mod tests {
    fn boxes(page: &str) -> Vec<(String, Option<u32>)> {
        let (cands, _) = crate::html::candidates(page);
        cands.into_iter().map(|c| (c.text, c.inline_box)).collect()
    }

    #[test]
    fn a_box_between_two_paragraphs_is_inline() {
        let got = boxes(
            "<html><body><div><p>First paragraph of the story.</p><div><div><b>Support us</b>\
             </div><div>We rely on readers.</div><div><a href=\"/d\">Donate</a></div></div>\
             <p>Second paragraph of the story.</p></div></body></html>",
        );
        let of = |text: &str| got.iter().find(|(t, _)| t == text).map(|(_, b)| *b);
        assert_eq!(of("Support us"), Some(Some(2)));
        assert_eq!(of("We rely on readers."), Some(Some(1)));
        assert_eq!(of("Donate"), Some(Some(0)));
        assert_eq!(of("First paragraph of the story."), Some(None));
        assert_eq!(of("Second paragraph of the story."), Some(None));
    }

    #[test]
    fn a_box_wrapped_in_elements_of_its_own_is_inline() {
        // A CMS wraps its "Related links" box in nested elements that hold nothing else:
        // the paragraphs around the outermost one are the box's neighbours.
        let got = boxes(
            "<html><body><div><p>First paragraph of the story.</p><div><div><div>\
             <h2>Related links</h2><ul><li><a href=\"/x\">The agency's site</a></li></ul>\
             </div></div></div><p>Last paragraph of the story.</p></div></body></html>",
        );
        let of = |text: &str| got.iter().find(|(t, _)| t == text).map(|(_, b)| *b);
        assert_eq!(of("Related links"), Some(Some(1)));
        assert_eq!(of("The agency's site"), Some(Some(0)));
        assert_eq!(of("Last paragraph of the story."), Some(None));
    }

    #[test]
    fn a_box_beside_a_container_of_paragraphs_is_not_inline() {
        // The bio follows the body's own element, which holds several paragraphs: the box
        // is a part of the page beside the article, not a box inside it.
        let got = boxes(
            "<html><body><article><div><p>One.</p><p>Two.</p></div><div><h4>About the \
             author</h4><p>Sam writes on farming.</p></div><p>Comment text here.</p>\
             </article></body></html>",
        );
        assert!(got.iter().all(|(_, b)| b.is_none()), "{got:?}");
    }

    #[test]
    fn a_heading_among_the_paragraphs_is_in_no_box() {
        let got = boxes(
            "<html><body><div><p>One.</p><h2>Background</h2><p>Two.</p><p>Three.</p></div>\
             </body></html>",
        );
        assert!(got.iter().all(|(_, b)| b.is_none()), "{got:?}");
    }
}

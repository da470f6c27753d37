//! The bound on nesting, applied to each tag as the pruning walk reads it.
//!
//! html5ever's tree builder checks element scopes by scanning the stack of open elements,
//! so a page that opens 100,000 `<div>`s without closing them takes quadratic time. Real
//! pages never nest more than a few hundred levels; beyond [`MAX_DEPTH`] start tags (and
//! the end tags that close them) are dropped before parsing, keeping all text.
//!
//! [`Nesting`] keeps a stack of the elements it counts as open, as the tree builder does: an
//! end tag closes the nearest open element of its name (and what was opened after it); an
//! end tag that closes nothing changes nothing. Elements that close implicitly (`p`, `li`,
//! cells), hold no children or hold only text are not counted; beyond [`MAX_FORMATTING`]
//! open formatting elements, their start tags are dropped too. What that misses,
//! `super::super::parse` bounds in the tree itself.

use super::tokenizer::{lower, raw_kind};

pub(in crate::html) const MAX_DEPTH: usize = 2000;

/// Formatting elements (`b`, `font`, …) open at once beyond which their start tags are
/// dropped: the tree builder reopens every open formatting element in each new paragraph or
/// cell, so `<p><b id=1>…<p><b id=2>…` builds a quadratic number of nodes.
const MAX_FORMATTING: usize = 64;

/// How far down the open elements an end tag's element is looked for: a page that closes an
/// element hundreds of levels up is broken anyway, and the bound keeps a page of stray end
/// tags linear.
const END_TAG_REACH: usize = 256;

/// The formatting elements the tree builder reopens (`a` excepted: a new one closes the
/// last).
fn is_formatting(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(
            b"b" | b"big"
                | b"code"
                | b"em"
                | b"font"
                | b"i"
                | b"nobr"
                | b"s"
                | b"small"
                | b"strike"
                | b"strong"
                | b"tt"
                | b"u"
        )
    )
}

/// Elements that never hold children or close implicitly: they do not add nesting.
/// (A `match` compiles to a jump on the length and one comparison, about 20% of the
/// bound's time cheaper than a linear search of a list.)
fn is_flat(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(
            b"br"
                | b"img"
                | b"meta"
                | b"link"
                | b"input"
                | b"hr"
                | b"wbr"
                | b"source"
                | b"area"
                | b"col"
                | b"embed"
                | b"param"
                | b"track"
                | b"base"
                | b"keygen"
                | b"p"
                | b"li"
                | b"td"
                | b"th"
                | b"tr"
                | b"option"
                | b"dt"
                | b"dd"
                | b"html"
                | b"head"
                | b"body"
                | b"frame"
                | b"image"
        )
    )
}

/// Elements an end tag's search for its element does not go past (the tree builder's
/// scope boundaries among the elements counted).
fn is_scope_boundary(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(b"table" | b"template" | b"caption" | b"object" | b"applet" | b"marquee")
    )
}

/// The open elements as the walk reads the page's tags, and the tags dropped for depth.
pub(super) struct Nesting<'a> {
    /// Names of the counted open elements, as written.
    open: Vec<&'a [u8]>,
    /// Start tags dropped for depth whose end tags have not come yet.
    dropped: usize,
    /// Formatting elements among `open`.
    formatting: usize,
    /// Every tag visited, for the tests: whether it closes, and its name in lower case.
    #[cfg(test)]
    pub(super) seen: Vec<(bool, String)>,
}

impl<'a> Nesting<'a> {
    pub(super) fn new() -> Self {
        Self {
            open: Vec::new(),
            dropped: 0,
            formatting: 0,
            #[cfg(test)]
            seen: Vec::new(),
        }
    }

    /// A bound for the page `b`, or `None` when it has too few start tags (a '<' before a
    /// letter) to nest too deep: then the walk need not count.
    pub(super) fn for_page(b: &[u8]) -> Option<Self> {
        (count_lt(b) > MAX_DEPTH && count_start_tags(b) > MAX_DEPTH).then(Self::new)
    }

    /// Reads the tag `name` (an end tag when `closing`), and says whether it is dropped.
    pub(super) fn drops(&mut self, name: &'a [u8], closing: bool, self_closing: bool) -> bool {
        #[cfg(test)]
        self.seen
            .push((closing, String::from_utf8_lossy(name).to_lowercase()));
        if is_flat(name) || raw_kind(name).is_some() {
            // Not counted: closes implicitly, holds no children, or holds only text.
            false
        } else if closing {
            if self.dropped > 0 {
                self.dropped -= 1;
                return true;
            }
            let open = &mut self.open;
            let reach = open.len().saturating_sub(END_TAG_REACH);
            let found = open
                .get(reach..)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|n| !is_scope_boundary(n) || n.eq_ignore_ascii_case(name))
                .position(|n| n.eq_ignore_ascii_case(name));
            if let Some(from_top) = found {
                let keep = open.len() - from_top - 1;
                let closed = open.get(keep..).unwrap_or(&[]);
                self.formatting -= closed.iter().filter(|n| is_formatting(n)).count();
                open.truncate(keep);
            }
            false
        } else if self_closing {
            false
        } else {
            let formats = is_formatting(name);
            if self.open.len() >= MAX_DEPTH {
                self.dropped += 1;
                true
            } else if formats && self.formatting >= MAX_FORMATTING {
                // Its end tag then closes nothing, as it would in the tree builder.
                true
            } else {
                self.open.push(name);
                self.formatting += usize::from(formats);
                false
            }
        }
    }
}

/// Number of `<` bytes. Summed in `u8` over chunks of at most 255 bytes so that the
/// compiler vectorises it 16 bytes at a time (a `usize` sum or `filter().count()` does not).
fn count_lt(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|chunk| {
            let n: u8 = chunk.iter().map(|&c| u8::from(c == b'<')).sum();
            usize::from(n)
        })
        .sum()
}

/// Number of `<` bytes followed by an ASCII letter (an upper bound on the start tags).
/// Summed in `u8` over chunks of at most 255 bytes so that the compiler vectorises it.
fn count_start_tags(b: &[u8]) -> usize {
    let next = b.get(1..).unwrap_or(&[]);
    b.chunks(255)
        .zip(next.chunks(255))
        .map(|(chunk, after)| {
            let n: u8 = chunk
                .iter()
                .zip(after)
                .map(|(&c, &d)| u8::from(c == b'<' && (d | 0x20).wrapping_sub(b'a') < 26))
                .sum();
            usize::from(n)
        })
        .sum()
}

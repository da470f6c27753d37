//! What an element is to the walk: its role in the block sequence, its shape, whether
//! an attribute hides it; and preformatted text's trimming.

use super::NO_SHAPE;

/// The shape of an element: its tag and the first item of its class attribute.
pub(super) fn shape(name: &str, class: Option<&str>) -> u64 {
    let first = class.and_then(|c| c.split_ascii_whitespace().next());
    let Some(first) = first else {
        return if matches!(name, "li" | "article") {
            0
        } else {
            NO_SHAPE
        };
    };
    // FNV-1a: a few bytes per element, no allocation.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes().chain([b' ']).chain(first.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h.min(NO_SHAPE - 1)
}

/// How an element shapes the block sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Inline,
    /// A block that directly holds text: `p`, `h1`, `li`…
    Leaf,
    /// A block that holds other blocks: `div`, `section`, `ul`…
    Container,
    Row,
    Cell,
}

pub(super) fn element_role(name: &str) -> Role {
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "dt" | "dd" | "pre"
        | "figcaption" | "caption" | "address" | "legend" | "summary" | "listing" | "plaintext"
        | "blockquote" => Role::Leaf,
        "tr" => Role::Row,
        "td" | "th" => Role::Cell,
        "div" | "section" | "article" | "main" | "aside" | "nav" | "header" | "footer" | "body"
        | "html" | "form" | "fieldset" | "figure" | "details" | "dialog" | "ul" | "ol" | "dl"
        | "table" | "tbody" | "thead" | "tfoot" | "center" | "hgroup" | "menu" | "noframes"
        | "search" | "dir" | "frameset" | "marquee" | "xmp" => Role::Container,
        // Custom elements (web components) usually render as boxes of their own.
        n if n.contains('-') => Role::Container,
        _ => Role::Inline,
    }
}

/// `<div hidden id="S:3">`: content React streamed in after the shell. A script moves it into
/// place as the page loads, so a reader sees it; the `hidden` only holds it until then.
pub(super) fn is_streamed_boundary(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `display:none` or `visibility:hidden` in an inline style.
pub(super) fn style_hides(style: &str) -> bool {
    let mut compact = [0u8; 64];
    for decl in style.split(';') {
        let mut n = 0;
        for b in decl.bytes() {
            if !b.is_ascii_whitespace() && n < compact.len() {
                if let Some(slot) = compact.get_mut(n) {
                    *slot = b.to_ascii_lowercase();
                }
                n += 1;
            }
        }
        let d = compact.get(..n.min(compact.len())).unwrap_or(&[]);
        if d.starts_with(b"display:none") || d.starts_with(b"visibility:hidden") {
            return true;
        }
    }
    false
}

/// Preformatted text: blank leading lines and trailing whitespace go, indentation stays.
pub(super) fn trim_pre(s: &str) -> String {
    let end = s.trim_end();
    let mut start = 0;
    for (i, line) in end.split_inclusive('\n').scan(0usize, |pos, l| {
        let at = *pos;
        *pos += l.len();
        Some((at, l))
    }) {
        if line.trim().is_empty() {
            start = i + line.len();
        } else {
            break;
        }
    }
    end.get(start..).unwrap_or("").to_string()
}

//! The walk itself: document order over the tree, with an explicit stack of open elements.

use super::{Action, Walker};
use scraper::{Html, Node};
use std::collections::HashSet;

/// Walks the whole document once.
pub(in crate::html) fn walk(html: &Html) -> Walker {
    walk_with(html, Walker::new())
}

/// [`walk`], showing what inline styles and `aria-hidden` hide: for a page whose scripts
/// lift a veil (`visibility:hidden` on the whole body until the app has loaded), or saved
/// with a dialog open (`aria-hidden` on everything behind it).
pub(in crate::html) fn walk_unveiled(html: &Html) -> Walker {
    let mut w = Walker::new();
    w.show_styled_hidden = true;
    walk_with(html, w)
}

fn walk_with(html: &Html, mut w: Walker) -> Walker {
    (w.disclosed, w.heading_anchors) = disclosed_ids_and_heading_anchors(html);
    let root = html.tree.root();
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut opened = false;
        match node.value() {
            Node::Element(el) => match w.open(el) {
                Action::Descend => {
                    if el.name() == "tr" && breaks_paragraphs(node) {
                        w.break_row();
                    }
                    if let Some(child) = node.first_child() {
                        next = Some(child);
                        continue;
                    }
                    opened = true;
                }
                Action::Skip => {}
                Action::NoScript => {
                    let mut c = node.first_child();
                    while let Some(ch) = c {
                        if let Node::Text(t) = ch.value() {
                            w.noscript.push_str(t);
                        }
                        c = ch.next_sibling();
                    }
                    w.noscript.push('\n');
                }
                Action::Title | Action::JsonLd => {
                    let mut text = String::new();
                    let mut c = node.first_child();
                    while let Some(ch) = c {
                        if let Node::Text(t) = ch.value() {
                            text.push_str(t);
                        }
                        c = ch.next_sibling();
                    }
                    if let Action::Title = w_action_title(el) {
                        w.meta.title_tag = Some(text);
                    } else {
                        w.meta.json_ld.push(text);
                    }
                }
            },
            Node::Text(t) => w.text(t),
            _ => {}
        }
        if opened {
            w.close();
        }
        // Move to the next sibling, closing finished ancestors on the way up.
        let mut cur = node;
        next = None;
        loop {
            if let Some(s) = cur.next_sibling() {
                next = Some(s);
                break;
            }
            match cur.parent() {
                Some(p) if p.id() != root.id() => {
                    w.close();
                    cur = p;
                }
                _ => break,
            }
        }
    }
    w.finish();
    w
}

/// Whether a table row holds a paragraph break (two `<br>` with no text between): a row of
/// a table laid out as the page (a menu cell beside the article's cell, its paragraphs
/// separated by blank lines), not a data table's row of values. Its cells are then
/// segmented like any other blocks.
fn breaks_paragraphs(row: ego_tree::NodeRef<'_, Node>) -> bool {
    let mut after_br = false;
    for node in row.descendants() {
        match node.value() {
            Node::Element(el) if el.name() == "br" => {
                if after_br {
                    return true;
                }
                after_br = true;
            }
            Node::Text(t) if !t.trim().is_empty() => after_br = false,
            _ => {}
        }
    }
    false
}

fn w_action_title(el: &scraper::node::Element) -> Action {
    if el.name() == "title" {
        Action::Title
    } else {
        Action::JsonLd
    }
}

/// One pass over the page's elements before the walk, for what the walk must know before it
/// meets it:
/// - the ids a control on the page names in `aria-controls`: the panels it opens (a "Read
///   more" button may follow the text it discloses). A control that opens a popup
///   (`aria-haspopup`: a menu, a dialog) discloses no part of the page's text;
/// - the page's headings of [`super::HEADING_ANCHOR_MIN_WORDS`] words or more, letters and
///   digits only, lower-cased ([`Walker::heading_anchor_suffix`]: a section's id may spell the
///   heading it opens with).
fn disclosed_ids_and_heading_anchors(
    html: &Html,
) -> (HashSet<String>, rustc_hash::FxHashSet<String>) {
    let mut ids = HashSet::new();
    let mut anchors = rustc_hash::FxHashSet::default();
    for node in html.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        if matches!(el.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            // The heading's letters and digits, lower-cased (`words::squash`), and its words,
            // in one pass.
            let mut squashed = String::new();
            let mut words = 0;
            for inner in node.descendants() {
                let Node::Text(t) = inner.value() else {
                    continue;
                };
                let mut in_word = false;
                for c in t.chars() {
                    if c.is_whitespace() {
                        in_word = false;
                        continue;
                    }
                    words += usize::from(!in_word);
                    in_word = true;
                    if c.is_ascii_alphanumeric() {
                        squashed.push(c.to_ascii_lowercase());
                    } else if !c.is_ascii() && c.is_alphanumeric() {
                        squashed.extend(c.to_lowercase());
                    }
                }
            }
            if words >= super::HEADING_ANCHOR_MIN_WORDS && !squashed.is_empty() {
                anchors.insert(squashed);
            }
        }
        // One pass over the element's few attributes (`Element::attr` interns its argument
        // on every call, which costs more than the scan).
        let mut controls = None;
        let mut popup = false;
        for (name, value) in el.attrs() {
            match name {
                "aria-controls" => controls = Some(value),
                "aria-haspopup" => popup = !value.trim().eq_ignore_ascii_case("false"),
                _ => {}
            }
        }
        if let Some(targets) = controls.filter(|_| !popup) {
            ids.extend(targets.split_ascii_whitespace().map(str::to_string));
        }
    }
    (ids, anchors)
}

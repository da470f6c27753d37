//! The one way a page becomes a tree: the pre-pass ([`super::prune`], which also bounds nesting),
//! then html5ever fed in chunks into scraper's tree through a sink that counts what it
//! builds.
//!
//! html5ever's work per token grows with the stack of open elements, so a page that keeps
//! many elements open parses in quadratic time, and one that makes the tree builder clone
//! formatting elements over and over builds a quadratic number of nodes. The pre-pass flattens
//! the nesting it sees before parsing; this is the backstop that holds whatever the pre-pass
//! missed: the deadline is checked between chunks, and a page whose tree grows deeper than
//! [`MAX_TREE_DEPTH`] or larger than [`MAX_NODES`] stops there with an error. A chunk is
//! small enough that the work of one (about [`CHUNK`] tokens times the depth limit) stays
//! well under a second.

use std::cell::Cell;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use crate::budget::{Budget, Exceeded, OverBudget};

/// Deepest tree a page may build. Real pages stay under a few hundred levels (browsers
/// flatten at 512); the pre-pass caps what it counts at [`super::prune::MAX_DEPTH`], and the
/// elements it lets through (a table's implied body, rows and cells: four levels per
/// counted table; list items, implied paragraphs) stay within this. Reopened formatting
/// elements may not, and stop here.
pub(crate) const MAX_TREE_DEPTH: usize = 5 * super::prune::MAX_DEPTH;

/// Most nodes (elements, text runs, comments) a page may build: 31 MB of real pages stay
/// under it. A node costs about 170 bytes with the walk's tables, so this bounds
/// the memory of one page to about 200 MB whatever its markup.
pub(crate) const MAX_NODES: usize = 1_000_000;

/// Bytes fed to html5ever between two looks at the deadline and the counts.
const CHUNK: usize = 8 << 10;

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// How large a tree may grow.
#[derive(Debug, Clone, Copy)]
struct Limits {
    depth: usize,
    nodes: usize,
}

const PAGE_LIMITS: Limits = Limits {
    depth: MAX_TREE_DEPTH,
    nodes: MAX_NODES,
};

/// scraper's sink, counting the nodes it creates and the depth of each one it inserts.
struct CountingSink {
    inner: HtmlTreeSink,
    limits: Limits,
    nodes: Cell<usize>,
    deepest: Cell<usize>,
    /// The last parent appended to, and the last node appended, with their depths: most
    /// appends go to one of them (the next sibling, or the first child).
    last_parent: Cell<Option<(Handle, usize)>>,
    last_child: Cell<Option<(Handle, usize)>>,
}

impl CountingSink {
    /// `capacity`: about how many nodes the tree will hold. The tree is one vector of nodes,
    /// and growing it by doubling copied the whole tree a dozen times on a large page.
    fn new(limits: Limits, capacity: usize) -> Self {
        let mut html = Html::new_document();
        html.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, capacity);
        CountingSink {
            inner: HtmlTreeSink::new(html),
            limits,
            nodes: Cell::new(0),
            deepest: Cell::new(0),
            last_parent: Cell::new(None),
            last_child: Cell::new(None),
        }
    }

    /// Depth of `node` (the document is 0), counted up to just past the limit.
    fn depth_of(&self, node: &Handle) -> usize {
        for cached in [&self.last_parent, &self.last_child] {
            if let Some((last, depth)) = cached.get() {
                if last == *node {
                    return depth;
                }
            }
        }
        let html = self.inner.0.borrow();
        html.tree
            .get(*node)
            .map_or(0, |n| n.ancestors().take(self.limits.depth + 1).count())
    }

    fn inserted_below(&self, parent: &Handle, child: &NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(node) => {
                let depth = self.depth_of(parent);
                self.last_parent.set(Some((*parent, depth)));
                self.last_child.set(Some((*node, depth + 1)));
                if depth + 1 > self.deepest.get() {
                    self.deepest.set(depth + 1);
                }
            }
            NodeOrText::AppendText(_) => self.count_node(),
        }
    }

    /// Forgets the cached depths: a node moved in the tree may have changed them.
    fn moved(&self) {
        self.last_parent.set(None);
        self.last_child.set(None);
    }

    fn count_node(&self) {
        self.nodes.set(self.nodes.get() + 1);
    }

    /// What stops the parse, if anything.
    fn exceeded(&self) -> Option<Exceeded> {
        if self.deepest.get() > self.limits.depth {
            Some(Exceeded::Depth(self.limits.depth))
        } else if self.nodes.get() > self.limits.nodes {
            Some(Exceeded::Nodes(self.limits.nodes))
        } else {
            None
        }
    }
}

impl TreeSink for CountingSink {
    type Output = Html;
    type Handle = Handle;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: std::borrow::Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.count_node();
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.count_node();
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.count_node();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.inserted_below(parent, &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*element)
                .is_some_and(|n| n.parent().is_some())
        };
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &Handle) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &Handle) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let parent = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*sibling)
                .and_then(|n| n.parent())
                .map(|p| p.id())
        };
        if let Some(parent) = parent {
            self.inserted_below(&parent, &new_node);
        } else if matches!(new_node, NodeOrText::AppendText(_)) {
            self.count_node();
        }
        self.moved();
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.moved();
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.moved();
        self.inner.reparent_children(node, new_parent);
    }
}

/// Parses a page (after the pre-pass) into scraper's tree, or `Err` once the deadline has
/// passed or the tree grows past [`MAX_TREE_DEPTH`] or [`MAX_NODES`]; `stage` names the
/// parse in the error.
pub(super) fn parse(page: &str, budget: &Budget, stage: &'static str) -> Result<Html, OverBudget> {
    parse_within(page, budget, stage, PAGE_LIMITS)
}

fn parse_within(
    page: &str,
    budget: &Budget,
    stage: &'static str,
    limits: Limits,
) -> Result<Html, OverBudget> {
    let page = super::prune::prune(page);
    let sink = CountingSink::new(limits, expected_nodes(&page, limits));
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest: &str = &page;
    while !rest.is_empty() {
        let mut cut = CHUNK.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, after) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = after;
        if let Some(exceeded) = parser.tokenizer.sink.sink.exceeded() {
            return Err(OverBudget { stage, exceeded });
        }
        budget.check(stage)?;
    }
    Ok(parser.finish())
}

/// About how many nodes `page` parses into: one and a half per `<`, as a page has about as
/// many end tags as elements, and about as many text runs as elements or more (whitespace
/// between tags). Within the limit.
fn expected_nodes(page: &str, limits: Limits) -> usize {
    let tags = memchr::memchr_iter(b'<', page.as_bytes()).count();
    (tags + tags / 2).min(limits.nodes).saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_of(tree: &Html) -> String {
        tree.root_element().html()
    }

    #[test]
    fn chunked_parsing_builds_the_same_tree() {
        // Chunk boundaries fall inside tags, character references, CRLF pairs and
        // multi-byte characters.
        let unit =
            "<p class=a>caf\u{e9} &amp;&eacute; \r\n<b>x</b><!-- c --><script>if(a<b)</script>";
        let page = unit.repeat(3 * CHUNK / unit.len());
        let chunked = parse(&page, &Budget::unlimited(), "parsing").map(|t| html_of(&t));
        let pre = super::super::prune::prune(&page);
        let whole = html_of(&Html::parse_document(&pre));
        assert_eq!(chunked.ok(), Some(whole));
        // A CR LF pair across the first boundary, a multi-byte character across the second
        // (the chunk is cut after it).
        let page = format!(
            "<p>{}\r\n&amp{}\u{20ac}x</p>",
            "a".repeat(CHUNK - 4),
            "b".repeat(CHUNK - 6)
        );
        let chunked = parse(&page, &Budget::unlimited(), "parsing").map(|t| html_of(&t));
        assert_eq!(chunked.ok(), Some(html_of(&Html::parse_document(&page))));
    }

    #[test]
    fn a_tree_deeper_or_larger_than_the_limits_stops_the_parse() {
        let exceeded = |page: &str, limits| {
            parse_within(page, &Budget::unlimited(), "parsing", limits)
                .err()
                .map(|e| e.exceeded)
        };
        let small = |depth, nodes| Limits { depth, nodes };
        let deep = "<div>".repeat(100);
        assert_eq!(exceeded(&deep, small(99, 1000)), Some(Exceeded::Depth(99)));
        assert_eq!(exceeded(&deep, small(103, 1000)), None);
        // Each `<p><b id=n>` reopens every earlier `b` (the list of active formatting
        // elements): a quadratic number of nodes from a page the pre-pass leaves alone.
        let clones: String = (0..300).map(|n| format!("<p><b id={n}>x")).collect();
        assert_eq!(
            exceeded(&clones, small(MAX_TREE_DEPTH, 10_000)),
            Some(Exceeded::Nodes(10_000))
        );
        assert_eq!(exceeded(&clones, small(MAX_TREE_DEPTH, 100_000)), None);
    }

    #[test]
    fn a_spent_budget_stops_the_parse() {
        let page = "<p>a</p>".repeat(10);
        let over = Budget::until(std::time::Instant::now());
        let result = parse(&page, &over, "parsing");
        assert_eq!(result.err().map(|e| e.exceeded), Some(Exceeded::Time));
    }
}

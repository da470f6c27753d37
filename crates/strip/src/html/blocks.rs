//! One iterative walk over the DOM: block segmentation, a flat table of the visited
//! elements (for container scoring and region inheritance) and the raw metadata.
//!
//! The walk keeps an explicit stack, so depth is bounded only by memory.

use super::hints::{self, Evidence, Source, TokenVerdict, Tokenizer};
use super::meta::{AuthorSource, RawMeta};
use crate::candidate::Candidate;
use crate::model::{BlockKind, Category};
use crate::rules::Rule;
use std::collections::HashSet;

/// Marker for "no node".
pub(super) const NONE: usize = usize::MAX;
/// `NodeInfo::end` of an element the walk has not left yet.
const OPEN: usize = usize::MAX - 1;

/// The marks docs generators link after a heading or an API entry, to its own anchor
/// (Sphinx's and MkDocs' `headerlink` "¶", a "🔗"): a block ending in a link of one of them
/// loses it (`Walker::flush`).
const PERMALINK_MARKS: [char; 2] = ['¶', '🔗'];

/// One visited (not skipped) element, in document order; index 0 is the document.
#[derive(Debug, Clone)]
pub(super) struct NodeInfo {
    pub parent: usize,
    /// Index of the last node in this node's subtree (inclusive).
    pub end: usize,
    pub depth: u32,
    pub evidence: Evidence,
    /// Inside an `article`, `main` or a content-classed element (for header/footer meaning).
    pub in_article: bool,
    /// May be chosen as the main-content container (not an inline or leaf block element).
    pub container: bool,
    /// `html` or `body`: never a useful main container.
    pub page_root: bool,
    pub has_email: bool,
    pub has_textarea: bool,
    pub has_search: bool,
    /// `ul`, `ol`, `dl`: one list among the entries of a listing, never the page's content alone.
    pub list: bool,
    /// The element's shape: a hash of its tag and first class name (0 for an `li` or
    /// `article` without class; [`NO_SHAPE`] for other elements without class). Siblings
    /// of one shape are the cards of a grid (`grid.rs`).
    pub shape: u64,
    /// What the second opinion's scoring makes of the element's tag.
    pub tag: super::second::Tag,
    /// In a `dialog`, `role=dialog` or `aria-modal=true` element (whatever its class says),
    /// or one whose class names a modal or pop-up: an overlay that opens over the page.
    pub overlay: bool,
    /// Its byline verdict comes from a date word in its class (`paragraph-published`).
    pub date_class: bool,
    /// `role=tabpanel`: a tab's content, the page's own whatever wraps it.
    pub tab_panel: bool,
    /// In a `nav` element or one with `role=navigation`: a site's menu, whose columns of
    /// links are no grid's cards whatever they hold besides.
    pub in_nav: bool,
}

/// The shape of an element without class that is no grid's card (a bare `div` or `p`).
pub(super) const NO_SHAPE: u64 = u64::MAX;

/// A heading of this many words or more is a sentence of the page's own, and an id that
/// spells it is its anchor (shorter ones, "Related posts", "Comments", name the part of the
/// page they head, as their anchors do).
const HEADING_ANCHOR_MIN_WORDS: usize = 4;
/// An id may add this many words of its own after a heading's slug ("…-section-indexable").
const HEADING_ANCHOR_MAX_SUFFIX_WORDS: usize = 2;

mod elements;
mod walk;

use elements::{Role, element_role, is_streamed_boundary, shape, style_hides, trim_pre};
pub(super) use walk::{walk, walk_unveiled};

#[derive(Debug, Clone, Copy)]
struct Frame {
    idx: usize,
    role: Role,
    /// Effective kind and heading level for text in this element.
    kind: BlockKind,
    level: u8,
    /// Group key: the container whose blocks form one group.
    group: usize,
    link: bool,
    /// Inside a link to the site's home page ([`links_home`]): a logo, the site's name.
    home_link: bool,
    pre: bool,
    head: bool,
    article: bool,
    form: bool,
    /// Index into `rows` when this frame is a table row.
    row: bool,
    /// Lists (`ul`, `ol`) around the element, and whether the innermost is ordered.
    list_depth: u8,
    ordered: bool,
    /// The nearest enclosing `table` ([`NONE`] outside tables).
    table: usize,
    /// Inside a microdata item that is a reader's (a review): its `author` and dates are
    /// that reader's, not the page's.
    reader_item: bool,
}

impl Frame {
    /// The document root: a plain container.
    const ROOT: Frame = Frame {
        idx: 0,
        role: Role::Container,
        kind: BlockKind::Paragraph,
        level: 0,
        group: 0,
        link: false,
        home_link: false,
        pre: false,
        head: false,
        article: false,
        form: false,
        row: false,
        list_depth: 0,
        ordered: false,
        table: NONE,
        reader_item: false,
    };
}

/// What the walk does with an element's children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Descend,
    Skip,
    /// `<title>`: its text goes to the metadata.
    Title,
    /// `<script type=application/ld+json>`.
    JsonLd,
    /// `<noscript>`: its markup (raw text, as a browser running scripts parses it) is kept
    /// aside in case the page is a script application whose readable view is in there.
    NoScript,
}

#[derive(Debug)]
pub(super) struct Walker {
    pub nodes: Vec<NodeInfo>,
    pub cands: Vec<Candidate>,
    /// Deepest node holding all of a candidate's text (parallel to `cands`).
    pub owners: Vec<usize>,
    pub meta: RawMeta,
    /// Nodes directly holding an `input type=email` outside any form.
    pub email_inputs: Vec<usize>,
    /// The markup inside `<noscript>` elements, one after the other.
    pub noscript: String,
    stack: Vec<Frame>,
    /// `true` per open table row while it is still a simple row of text cells.
    rows: Vec<bool>,
    /// In a simple row: the buffer's length where each cell opened (see `Layout::cells`).
    cell_marks: Vec<u32>,
    /// The table of the last table row emitted, to tell where a new table starts.
    last_row_table: usize,
    tokenizer: Tokenizer,
    buf: String,
    buf_content: bool,
    buf_links: usize,
    last_in_link: bool,
    /// Some of the buffer's text stands outside any link to the home page.
    buf_off_home: bool,
    pending_space: bool,
    pending_cell: bool,
    cells: u32,
    br_run: u32,
    common: usize,
    common_fresh: bool,
    continuation: bool,
    last_group: usize,
    /// Open author capture: (stack length at open, text, what opened it).
    capture: Option<(usize, String, AuthorSource)>,
    /// Elements an inline style (`display:none`, `visibility:hidden`) or `aria-hidden`
    /// hides, seen so far.
    pub styled_hidden: usize,
    /// Walk into them anyway (a page veiled until its scripts run: [`walk_unveiled`]).
    show_styled_hidden: bool,
    /// Ids a control names in `aria-controls` (an accordion's button, a "Read more"
    /// toggle), anywhere on the page: panels the reader opens with a click.
    disclosed: HashSet<String>,
    /// The texts of the page's headings of [`HEADING_ANCHOR_MIN_WORDS`] words or more,
    /// letters and digits only, lower-cased: an id that spells one is the heading's anchor.
    heading_anchors: rustc_hash::FxHashSet<String>,
}

impl Walker {
    fn new() -> Self {
        let root = NodeInfo {
            parent: NONE,
            end: 0,
            depth: 0,
            evidence: Evidence::None,
            in_article: false,
            container: true,
            page_root: true,
            has_email: false,
            has_textarea: false,
            has_search: false,
            list: false,
            shape: NO_SHAPE,
            tag: super::second::Tag::Other,
            overlay: false,
            date_class: false,
            tab_panel: false,
            in_nav: false,
        };
        Walker {
            nodes: vec![root],
            cands: Vec::new(),
            owners: Vec::new(),
            meta: RawMeta::default(),
            email_inputs: Vec::new(),
            noscript: String::new(),
            stack: vec![Frame::ROOT],
            rows: Vec::new(),
            cell_marks: Vec::new(),
            last_row_table: NONE,
            tokenizer: Tokenizer::default(),
            buf: String::new(),
            buf_content: false,
            buf_links: 0,
            last_in_link: false,
            buf_off_home: false,
            pending_space: false,
            pending_cell: false,
            cells: 0,
            br_run: 0,
            common: NONE,
            common_fresh: false,
            continuation: false,
            last_group: NONE,
            capture: None,
            styled_hidden: 0,
            show_styled_hidden: false,
            disclosed: HashSet::new(),
            heading_anchors: rustc_hash::FxHashSet::default(),
        }
    }

    /// Where `id` spells one of the page's headings of several words, as a docs or CMS page
    /// anchors a heading or its section ("receive-and-reply-to-an-inbound-sms-message", also
    /// after a prefix of one or two letters, "h-how-to-…", or before a suffix of one or two
    /// words of the id's own, "…-message-section", "…-panel"): the part of the id after the
    /// heading's words (empty when none). The heading's words name that heading, not the
    /// part of the page they would name as a class ("reply": comments); a suffix is the id's
    /// own word and still says what it says.
    fn heading_anchor_suffix<'v>(&self, id: &'v str) -> Option<&'v str> {
        // A heading of several words leaves separators in its slug.
        if self.heading_anchors.is_empty() || !id.contains(['-', '_']) {
            return None;
        }
        let id = id.trim();
        let spells_heading = |slug: &str| {
            let squashed = crate::words::squash(slug);
            self.heading_anchors.contains(squashed.as_str())
                || slug
                    .split_once(['-', '_'])
                    .map(|(prefix, _)| prefix)
                    .filter(|p| {
                        (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric())
                    })
                    .and_then(|prefix| squashed.get(prefix.len()..))
                    .is_some_and(|rest| self.heading_anchors.contains(rest))
        };
        if spells_heading(id) {
            return Some("");
        }
        // The slug, then one or two words of the id's own.
        let mut slug = id;
        for _ in 0..HEADING_ANCHOR_MAX_SUFFIX_WORDS {
            let (before, _) = slug.rsplit_once(['-', '_'])?;
            slug = before.trim_end_matches(['-', '_']);
            if spells_heading(slug) {
                return id.get(slug.len()..);
            }
        }
        None
    }

    fn top(&self) -> Frame {
        self.stack.last().copied().unwrap_or(Frame::ROOT)
    }

    /// Handles an element opening. Returns what to do with its children; after
    /// `Action::Descend` the caller must call [`Walker::close`] when leaving it.
    pub(crate) fn open(&mut self, el: &scraper::node::Element) -> Action {
        let name = el.name();
        let parent = self.top();

        // Attributes, read in one pass. (An attribute read here must be one that
        // `prune::attribute_read` keeps: the pruner drops every other before parsing.)
        let mut verdict = TokenVerdict::default();
        let mut role = Evidence::None;
        let mut hidden = false;
        let mut styled_hidden = false;
        let mut itemprop: Option<&str> = None;
        let mut rel: Option<&str> = None;
        let mut typ: Option<&str> = None;
        let mut content: Option<&str> = None;
        let mut key: Option<&str> = None;
        let mut href: Option<&str> = None;
        let mut datetime: Option<&str> = None;
        let mut lang: Option<&str> = None;
        let mut id: Option<&str> = None;
        let mut hidden_attr = false;
        let mut class: Option<&str> = None;
        let mut tab_panel = false;
        let mut navigation_role = false;
        let mut controls = false;
        let mut expandable = false;
        let mut popup = false;
        let mut dialog = false;
        let mut reader_item = false;
        // Classes on `html` and `body` describe the page (`section-in-nav`, `has-sidebar`),
        // not a region of it.
        let page_level = matches!(name, "html" | "body");
        for (attr, value) in el.attrs() {
            match attr {
                "class" if !page_level => {
                    class = Some(value);
                    self.tokenizer.scan(value, true, &mut verdict);
                }
                "id" if !page_level => {
                    id = Some(value);
                    let before = verdict;
                    self.tokenizer.scan(value, false, &mut verdict);
                    // (Asked only of an id that says something: most say nothing.)
                    if verdict != before {
                        if let Some(suffix) = self.heading_anchor_suffix(value) {
                            verdict = before;
                            if !suffix.is_empty() {
                                self.tokenizer.scan(suffix, false, &mut verdict);
                            }
                        }
                    }
                }
                "role" => {
                    role = hints::role_evidence(value);
                    tab_panel = value.split_ascii_whitespace().any(|r| r == "tabpanel");
                    navigation_role = value
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("navigation"));
                    dialog = value.contains("dialog");
                }
                // `hidden="until-found"` collapses text the browser's find reveals: the
                // page's own, folded.
                "hidden" => hidden_attr = !value.trim().eq_ignore_ascii_case("until-found"),
                // Hidden from assistive technology, which a page also does to everything
                // behind an open dialog (a consent banner): a veil too.
                "aria-hidden" => styled_hidden |= value.trim().eq_ignore_ascii_case("true"),
                "style" => styled_hidden |= style_hides(value),
                "aria-controls" => controls = true,
                "aria-expanded" => expandable = true,
                "aria-haspopup" => popup = !value.trim().eq_ignore_ascii_case("false"),
                "aria-modal" => dialog |= value.trim().eq_ignore_ascii_case("true"),
                "itemprop" => itemprop = Some(value),
                "rel" => rel = Some(value),
                "type" => typ = Some(value),
                "content" => content = Some(value),
                "name" | "property" if key.is_none() || attr == "property" => key = Some(value),
                "href" => href = Some(value),
                "datetime" => datetime = Some(value),
                "lang" => lang = Some(value),
                "itemtype" => {
                    self.meta.discussion |= value.trim_end().ends_with("/DiscussionForumPosting");
                    reader_item = is_reader_item(value);
                }
                _ => {}
            }
        }
        // A tab panel is the page's own content, shown when the reader picks its tab (a
        // product's specifications, a feature's details, a quickstart's steps for another
        // programming language), whichever tab shows first and however the others are
        // hidden (`hidden`, `display:none`, `aria-hidden`); so is a collapsed panel an
        // earlier control discloses (an accordion's answer, a product's shipping terms).
        // (A dialog is no panel: it opens over the page, a login or the site's terms.)
        let not_dialog = name != "dialog" && !dialog;
        let disclosed = (hidden_attr || styled_hidden)
            && id.is_some_and(|id| self.disclosed.contains(id.trim()))
            && not_dialog;
        if disclosed || (tab_panel && not_dialog) {
            styled_hidden = false;
        }
        hidden |= hidden_attr && !tab_panel && !disclosed && !id.is_some_and(is_streamed_boundary);

        match name {
            "meta" => {
                if let Some(c) = content {
                    if let Some(k) = key {
                        self.meta.add_meta(k, c);
                    }
                    if let Some(p) = itemprop.filter(|_| !parent.reader_item) {
                        self.meta.add_itemprop(p, c);
                        // Microdata's `itemprop=author itemscope` names its person in a
                        // `<meta itemprop=name content>`: the author element's text.
                        if let Some((_, text, AuthorSource::Markup)) = &mut self.capture {
                            if p.split_ascii_whitespace().any(|t| t == "name") {
                                text.push_str(c);
                                text.push(' ');
                            }
                        }
                    }
                }
                return Action::Skip;
            }
            "link" => {
                if let (Some(r), Some(h)) = (rel, href) {
                    if r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                    {
                        self.meta.canonical.get_or_insert_with(|| h.to_string());
                    }
                }
                return Action::Skip;
            }
            "title" => {
                return if self.meta.title_tag.is_none() && !hidden {
                    Action::Title
                } else {
                    Action::Skip
                };
            }
            "script" => {
                return if typ.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    Action::JsonLd
                } else {
                    Action::Skip
                };
            }
            "input" => {
                let t = typ.unwrap_or("text").trim();
                let form = self.stack.iter().rev().find(|f| f.form).map(|f| f.idx);
                let email = t.eq_ignore_ascii_case("email");
                if email {
                    // A sign-up box: the form, and the small box with its pitch around it.
                    self.email_inputs.push(form.unwrap_or(parent.idx));
                }
                if let Some(n) = form.and_then(|f| self.nodes.get_mut(f)) {
                    n.has_email |= email;
                    n.has_search |= t.eq_ignore_ascii_case("search");
                }
                return Action::Skip;
            }
            "textarea" => {
                let form = self.stack.iter().rev().find(|f| f.form).map(|f| f.idx);
                if let Some(n) = form.and_then(|f| self.nodes.get_mut(f)) {
                    n.has_textarea = true;
                }
                return Action::Skip;
            }
            "br" => {
                self.line_break();
                return Action::Skip;
            }
            "hr" => {
                self.flush();
                return Action::Skip;
            }
            "noscript" => return Action::NoScript,
            // An accordion's button: its label names the panel it opens ("Shipping and
            // returns", an FAQ's question), and is read like any other text.
            "button" if controls && expandable && !popup => {}
            "style" | "template" | "svg" | "math" | "iframe" | "object" | "embed" | "canvas"
            | "select" | "option" | "optgroup" | "datalist" | "button" | "video" | "audio"
            | "picture" | "img" | "map" | "area" | "frame" | "applet" | "param" | "source"
            | "track" | "base" | "progress" | "meter" | "slot" => {
                return Action::Skip;
            }
            _ => {}
        }
        if styled_hidden {
            self.styled_hidden += 1;
        }
        if hidden || verdict.hidden || (styled_hidden && !self.show_styled_hidden) {
            return Action::Skip;
        }

        if name == "html" {
            if let Some(l) = lang {
                if !l.trim().is_empty() {
                    self.meta.lang = Some(l.trim().to_string());
                }
            }
        }
        if name == "time" {
            if let Some(d) = datetime {
                // "This page was last modified on <time>", "Updated <time>": the date the
                // page was changed, not published.
                if crate::byline::ends_with_update_words(&self.buf) {
                    self.meta.add_modified_time(d, parent.article);
                } else {
                    self.meta.add_time(d, parent.article);
                }
            }
        }

        let role_kind = element_role(name);
        let mut evidence = hints::combine(&verdict, role, hints::tag_evidence(name));
        // Inside preformatted text, classes are syntax highlighting (`token comment`,
        // `hljs-meta`): code, not page regions.
        if parent.pre
            && matches!(
                evidence,
                Evidence::Boiler {
                    source: Source::Class,
                    ..
                } | Evidence::Positional {
                    source: Source::Class,
                    ..
                }
            )
        {
            evidence = Evidence::None;
        }
        // A creation date (a question's) goes to the header alone: the element keeps its
        // evidence.
        if let Some(p) = itemprop.filter(|p| p.split_ascii_whitespace().any(|t| t == "dateCreated"))
        {
            if let Some(c) = content.or(datetime) {
                self.meta.add_itemprop(p, c);
            }
        }
        match itemprop {
            Some(p) if p.split_ascii_whitespace().any(|t| t == "articleBody") => {
                evidence = Evidence::Content {
                    strong: true,
                    priority: 3,
                };
            }
            Some(p) if p.split_ascii_whitespace().any(|t| t == "author") => {
                if !parent.reader_item {
                    self.start_capture();
                }
                if matches!(evidence, Evidence::None) {
                    evidence = byline(Rule::HtmlItempropAuthor);
                }
            }
            Some(p)
                if p.split_ascii_whitespace()
                    .any(|t| t == "datePublished" || t == "dateModified") =>
            {
                if let Some(c) = content.or(datetime).filter(|_| !parent.reader_item) {
                    self.meta.add_itemprop(p, c);
                }
                if matches!(evidence, Evidence::None) {
                    evidence = byline(Rule::HtmlItempropDate);
                }
            }
            _ => {}
        }
        if rel.is_some_and(|r| {
            r.split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case("author"))
        }) {
            self.start_capture();
            if matches!(evidence, Evidence::None) {
                evidence = byline(Rule::HtmlRelAuthor);
            }
        }
        if class.is_some_and(crate::byline::names_an_author) && !self.capturing_markup() {
            self.capture = Some((self.stack.len() + 1, String::new(), AuthorSource::Class));
        }
        // The prune pass keeps an `a`'s `href` only where it links an author's page.
        if let Some(h) = href.filter(|h| {
            name == "a"
                && self.capture.is_none()
                && crate::byline::links_an_author_page(h.as_bytes())
        }) {
            self.meta.open_author_link(h);
            self.capture = Some((self.stack.len() + 1, String::new(), AuthorSource::Link));
        }

        // Block structure.
        let in_row = self.rows.last().copied().unwrap_or(false);
        match role_kind {
            Role::Inline => {}
            Role::Cell if in_row => {
                if self.buf_content {
                    self.pending_cell = true;
                }
                let mark = u32::try_from(self.buf.len()).unwrap_or(u32::MAX);
                self.cell_marks.push(mark);
            }
            Role::Row => {
                self.flush();
                self.break_row();
            }
            _ => {
                self.flush();
                self.break_row();
            }
        }

        let idx = self.nodes.len();
        let depth = self
            .nodes
            .get(parent.idx)
            .map_or(0, |n| n.depth.saturating_add(1));
        let content_here = matches!(evidence, Evidence::Content { .. }) || name == "article";
        let parent_overlay = self.nodes.get(parent.idx).is_some_and(|n| n.overlay);
        let parent_nav = self.nodes.get(parent.idx).is_some_and(|n| n.in_nav);
        // A class naming a modal or pop-up (the class lexicon's `Other`) opens over the page
        // as a dialog does.
        let popup_class = matches!(
            evidence,
            Evidence::Boiler {
                category: Category::Other,
                source: Source::Class,
                ..
            }
        );
        self.nodes.push(NodeInfo {
            parent: parent.idx,
            end: OPEN,
            depth,
            evidence,
            in_article: parent.article,
            container: matches!(role_kind, Role::Container | Role::Cell),
            page_root: matches!(name, "html" | "body"),
            has_email: false,
            has_textarea: false,
            has_search: false,
            list: matches!(name, "ul" | "ol" | "dl"),
            shape: shape(name, class),
            tag: super::second::Tag::of(name),
            overlay: dialog || name == "dialog" || parent_overlay || popup_class,
            date_class: verdict.byline_date,
            tab_panel,
            in_nav: parent_nav || name == "nav" || navigation_role,
        });

        let (kind, level) = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (
                BlockKind::Heading,
                name.as_bytes().get(1).map_or(0, |b| b.saturating_sub(b'0')),
            ),
            "li" | "dt" | "dd" => (BlockKind::ListItem, 0),
            "blockquote" => (BlockKind::Quote, 0),
            "pre" => (BlockKind::Preformatted, 0),
            "tr" => (BlockKind::TableRow, 0),
            "article" | "section" | "main" | "body" | "td" | "th" | "aside" | "nav" | "header"
            | "footer" | "figure" | "form" | "table" => (BlockKind::Paragraph, 0),
            _ => (parent.kind, parent.level),
        };
        let group = match role_kind {
            Role::Inline => parent.group,
            Role::Container | Role::Cell => idx,
            Role::Leaf | Role::Row => parent_block(&self.stack),
        };
        let is_row = role_kind == Role::Row;
        if is_row {
            self.rows.push(true);
        }
        self.stack.push(Frame {
            idx,
            role: role_kind,
            kind,
            level,
            group,
            link: parent.link || name == "a",
            home_link: parent.home_link
                || name == "a" && href.is_some_and(|h| super::links_home(h.as_bytes())),
            pre: parent.pre || matches!(name, "pre" | "textarea" | "listing" | "plaintext"),
            head: parent.head || name == "head",
            article: parent.article || content_here,
            form: name == "form",
            row: is_row,
            list_depth: parent
                .list_depth
                .saturating_add(u8::from(matches!(name, "ul" | "ol" | "menu" | "dir"))),
            ordered: match name {
                "ol" => true,
                "ul" | "menu" | "dir" => false,
                _ => parent.ordered,
            },
            table: if name == "table" { idx } else { parent.table },
            reader_item: parent.reader_item || reader_item,
        });
        Action::Descend
    }

    /// Leaves the element opened last.
    pub(crate) fn close(&mut self) {
        let Some(frame) = self.stack.last().copied() else {
            return;
        };
        if frame.role != Role::Inline && !(frame.role == Role::Cell && self.in_simple_row()) {
            self.flush();
        }
        if frame.row {
            self.flush();
            self.rows.pop();
        }
        if frame.role != Role::Inline {
            self.capture_line_end();
        }
        if let Some((len, _, _)) = &self.capture {
            if *len == self.stack.len() {
                if let Some((_, text, source)) = self.capture.take() {
                    self.meta.add_author_text(&text, source);
                }
            }
        }
        let end = self.nodes.len().saturating_sub(1);
        if let Some(n) = self.nodes.get_mut(frame.idx) {
            n.end = end;
        }
        if self.stack.len() > 1 {
            self.stack.pop();
        }
    }

    fn in_simple_row(&self) -> bool {
        self.rows.last().copied().unwrap_or(false)
    }

    /// A block element inside a table row means a layout table: the row's text so far was
    /// flushed, the rest of the row is segmented like ordinary blocks.
    pub(crate) fn break_row(&mut self) {
        if let Some(r) = self.rows.last_mut() {
            *r = false;
        }
    }

    /// An author element's capture is open (a link's gives way to one).
    fn capturing_markup(&self) -> bool {
        matches!(
            self.capture,
            Some((_, _, AuthorSource::Markup | AuthorSource::Class))
        )
    }

    /// A block ends inside an author element: its name ends there too ("Ana Ruiz" over
    /// "Founder and CEO" in a card of two lines).
    fn capture_line_end(&mut self) {
        if let Some((_, c, AuthorSource::Markup | AuthorSource::Class)) = &mut self.capture {
            if c.len() < 400 {
                c.push(crate::byline::LINE_END);
            }
        }
    }

    fn start_capture(&mut self) {
        if !self.capturing_markup() {
            self.capture = Some((self.stack.len() + 1, String::new(), AuthorSource::Markup));
        }
    }

    fn line_break(&mut self) {
        self.capture_line_end();
        let top = self.top();
        if top.pre {
            if self.buf_content || !self.buf.is_empty() {
                self.buf.push('\n');
            }
        } else if self.buf_content {
            if !self.in_simple_row() {
                self.br_run += 1;
            }
            self.pending_space = true;
        }
    }

    /// Adds the text of a text node to the current block.
    pub(crate) fn text(&mut self, s: &str) {
        let top = self.top();
        if top.head {
            return;
        }
        if let Some((_, c, _)) = &mut self.capture {
            if c.len() < 400 {
                c.push_str(s);
                c.push(' ');
            }
        }
        self.common_fresh = false;
        if top.pre {
            for ch in s.chars() {
                match ch {
                    '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\r' => {}
                    '\u{A0}' => self.buf.push(' '),
                    '\n' | '\t' | ' ' => self.buf.push(ch),
                    c if c.is_whitespace() => self.buf.push(' '),
                    c if c.is_control() => {}
                    c => {
                        self.note_owner(top.idx);
                        self.buf_content = true;
                        self.buf.push(c);
                        if top.link {
                            self.buf_links += 1;
                        }
                    }
                }
            }
            return;
        }
        // `chars` runs over `s[base..]`.
        let mut base = 0;
        let mut chars = s.char_indices();
        while let Some((offset, ch)) = chars.next() {
            let at = base + offset;
            match ch {
                '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
                // A zero-width joiner or non-joiner joins the characters around it (an
                // emoji's parts, an Indic or Persian word's letters); with nothing before it
                // in the block, or after a space, it joins nothing and is no content (a site
                // builder's empty paragraph, `<p>&zwj;</p>`).
                '\u{200C}' | '\u{200D}' => {
                    if self.buf_content
                        && !self.pending_space
                        && !self.pending_cell
                        && self.br_run == 0
                    {
                        self.buf.push(ch);
                    }
                }
                c if c.is_whitespace() => self.pending_space = true,
                c if c.is_control() => {}
                c => {
                    if self.buf_content {
                        if self.br_run >= 2 {
                            self.flush();
                            self.continuation = true;
                        } else if self.pending_cell {
                            self.buf.push_str(" | ");
                            self.cells += 1;
                        } else if self.pending_space {
                            self.buf.push(' ');
                            if top.link && self.last_in_link {
                                self.buf_links += 1;
                            }
                        }
                    }
                    if !self.buf_content {
                        self.cells = 1;
                    }
                    self.note_owner(top.idx);
                    // The visible ASCII characters after this one add nothing but
                    // themselves (no separator is pending): copied as one run.
                    let start = at + c.len_utf8();
                    let run = s.get(start..).map_or(0, |rest| {
                        rest.bytes()
                            .take_while(|b| (0x21..=0x7e).contains(b))
                            .count()
                    });
                    self.buf.push(c);
                    self.buf.push_str(s.get(start..start + run).unwrap_or(""));
                    if run > 0 {
                        base = start + run;
                        chars = s.get(base..).unwrap_or("").char_indices();
                    }
                    if top.link {
                        self.buf_links += 1 + run;
                    }
                    self.buf_off_home |= !top.home_link;
                    self.last_in_link = top.link;
                    self.buf_content = true;
                    self.pending_space = false;
                    self.pending_cell = false;
                    self.br_run = 0;
                }
            }
        }
    }

    /// Narrows the buffer's owner to the deepest node holding all of its text.
    fn note_owner(&mut self, idx: usize) {
        if self.common_fresh {
            return;
        }
        self.common_fresh = true;
        if self.common == NONE {
            self.common = idx;
            return;
        }
        // Open nodes are exactly the ancestors of the current position, so the common
        // ancestor is the first open node at or above the previous owner.
        let mut a = self.common;
        while let Some(n) = self.nodes.get(a) {
            if n.end == OPEN || n.parent == NONE {
                break;
            }
            a = n.parent;
        }
        self.common = a;
    }

    /// Ends the current block.
    fn flush(&mut self) {
        if self.buf_content {
            let top = self.top();
            let mut kind = top.kind;
            if kind == BlockKind::TableRow && (!self.in_simple_row() || self.cells <= 1) {
                kind = BlockKind::Paragraph;
            }
            let text = if top.pre || kind == BlockKind::Preformatted {
                trim_pre(&self.buf)
            } else {
                let mut text = self.buf.trim_end();
                // A link of one permalink mark ends the block: a docs generator's anchor to
                // the heading or entry it follows, no word of the page.
                if self.last_in_link {
                    if let Some(before) = text.strip_suffix(PERMALINK_MARKS) {
                        text = before.trim_end();
                        self.buf_links = self.buf_links.saturating_sub(1);
                    }
                }
                text.to_string()
            };
            if !text.is_empty() {
                let mut cand = Candidate::new(text, kind);
                cand.heading_level = if kind == BlockKind::Heading {
                    top.level
                } else {
                    0
                };
                match kind {
                    BlockKind::Heading => cand.layout.level = top.level,
                    BlockKind::ListItem => {
                        cand.layout.level = top.list_depth.saturating_sub(1);
                        cand.layout.ordered = top.ordered;
                    }
                    BlockKind::TableRow => {
                        cand.layout.table_start = top.table != self.last_row_table;
                        self.last_row_table = top.table;
                        cand.layout.cells = std::mem::take(&mut self.cell_marks);
                    }
                    _ => {}
                }
                cand.group_start = !self.continuation && top.group != self.last_group;
                cand.link_chars = self.buf_links;
                cand.home_link = !self.buf_off_home;
                self.last_group = top.group;
                self.cands.push(cand);
                self.owners.push(if self.common == NONE {
                    top.idx
                } else {
                    self.common
                });
            }
        }
        self.buf.clear();
        self.buf_content = false;
        self.buf_links = 0;
        self.last_in_link = false;
        self.buf_off_home = false;
        self.pending_space = false;
        self.pending_cell = false;
        self.cells = 0;
        self.cell_marks.clear();
        self.br_run = 0;
        self.common = NONE;
        self.common_fresh = false;
        self.continuation = false;
    }

    fn finish(&mut self) {
        self.flush();
        while self.stack.len() > 1 {
            self.close();
        }
        let end = self.nodes.len().saturating_sub(1);
        if let Some(n) = self.nodes.first_mut() {
            n.end = end;
        }
    }
}

fn byline(rule: Rule) -> Evidence {
    Evidence::Boiler {
        category: crate::model::Category::Byline,
        rule,
        source: hints::Source::Class,
    }
}

/// The group key for a leaf block: its nearest enclosing container.
fn parent_block(stack: &[Frame]) -> usize {
    stack
        .iter()
        .rev()
        .find(|f| matches!(f.role, Role::Container | Role::Cell))
        .map_or(0, |f| f.idx)
}

/// A microdata item type whose author is a reader of the page (schema.org `Review`,
/// `UserReview`, `EmployerReview`…), not its author. (A `Comment` is not one: forums type
/// every post so, the first post too, whose poster is the thread's author.)
fn is_reader_item(itemtype: &str) -> bool {
    itemtype
        .split_ascii_whitespace()
        .any(|t| t.trim_end_matches('/').ends_with("Review"))
}

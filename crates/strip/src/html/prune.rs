//! Pre-parse pruning of markup the walk never reads.
//!
//! Script and style bodies, comments and inline SVG/MathML are about half of a typical
//! page's bytes, and html5ever tokenizes every one of them character by character. The walk
//! skips them all ([`super::blocks`]: `script` other than JSON-LD, `style`, `svg`, `math`,
//! comments), so their content is removed before parsing: `<script …></script>`,
//! `<style …></style>`, `<!---->` and `<svg …></svg>` stay as (empty) nodes, and the tree
//! is otherwise the same. In the head (before anything of the body), the elements the walk
//! does not read go whole — most `<meta>` and `<link>` tags, scripts, styles — with the
//! whitespace between the head's tags: nothing there is in the body's tree.
//!
//! This scanner follows the HTML tokenizer's states (tags and attributes, comments, raw
//! text and RCDATA, script escapes, foreign content) so that it only cuts where html5ever
//! would read the same thing. Where the tree builder could read the markup differently
//! (a `<frameset>`, HTML inside an SVG integration point, a tag breaking out of SVG, an
//! end tag it does not expect) it stops pruning and keeps the rest of the page as it is.

use std::borrow::Cow;

pub(super) use nesting::MAX_DEPTH;
use nesting::Nesting;
use tokenizer::{
    Attr, Tag, after_start_tag, comment_end, for_each_tag, is_space, raw_end, scan_tag, script_end,
};

mod nesting;
mod tokenizer;

/// Breakout tags: in SVG or MathML they close the foreign elements (HTML again).
fn breaks_out(name: &[u8]) -> bool {
    let mut buf = [0u8; 10];
    let Some(low) = buf.get_mut(..name.len()) else {
        return false;
    };
    for (o, c) in low.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    matches!(
        &*low,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// SVG and MathML elements whose content the tree builder reads as HTML.
fn integration_point(name: &[u8]) -> bool {
    [
        &b"foreignobject"[..],
        b"desc",
        b"title",
        b"mi",
        b"mo",
        b"mn",
        b"ms",
        b"mtext",
        b"annotation-xml",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// Attributes the walk reads ([`super::blocks`]) or the tree builder looks at (`type` of an
/// `input`, `charset`, `selected` options, `encoding`, declarative shadow roots); `href` is
/// read on `link` only.
fn attribute_read(name: &[u8], on_link: bool) -> bool {
    let mut buf = [0u8; 13];
    let Some(low) = buf.get_mut(..name.len()) else {
        return false;
    };
    for (o, c) in low.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    match &*low {
        b"class" | b"id" | b"role" | b"hidden" | b"aria-hidden" | b"style" | b"itemprop"
        | b"itemtype" | b"rel" | b"type" | b"content" | b"name" | b"property" | b"datetime"
        | b"lang" | b"charset" | b"http-equiv" | b"selected" | b"encoding" | b"aria-controls"
        | b"aria-haspopup" | b"aria-expanded" => true,
        b"href" => on_link,
        l => l.starts_with(b"shadowroot"),
    }
}

/// What the scan does with an HTML start tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Script,
    Style,
    /// Raw text or RCDATA the walk may read: skipped over, kept.
    Raw,
    /// `plaintext` (the rest is text) or `frameset` (other tree rules): pruning ends.
    Stop,
    /// `svg`, `math`: foreign content.
    Foreign,
    Link,
    /// Formatting elements other than `a`: the tree builder compares their attributes (at
    /// most three equal ones stay in its list), so theirs are kept. (A second `a` closes
    /// the first, so no two are ever compared.)
    Compared,
    Other,
}

/// The kind of a start tag, by its name lowered once.
fn tag_kind(name: &[u8]) -> TagKind {
    let mut buf = [0u8; 9];
    let Some(low) = buf.get_mut(..name.len()) else {
        return TagKind::Other;
    };
    for (o, c) in low.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    match &*low {
        b"script" => TagKind::Script,
        b"style" => TagKind::Style,
        b"xmp" | b"iframe" | b"noembed" | b"noframes" | b"noscript" | b"title" | b"textarea" => {
            TagKind::Raw
        }
        b"plaintext" | b"frameset" => TagKind::Stop,
        b"svg" | b"math" => TagKind::Foreign,
        b"link" => TagKind::Link,
        b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
        | b"strike" | b"strong" | b"tt" | b"u" => TagKind::Compared,
        _ => TagKind::Other,
    }
}

/// A start tag that may stand in the head, by its name lowered once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeadTag {
    Meta,
    Link,
    Script,
    Style,
    /// `html`, `head`, `title`, `noscript`, `base`: kept, and the head goes on.
    Other,
}

fn head_tag(name: &[u8]) -> Option<HeadTag> {
    let mut buf = [0u8; 8];
    let low = buf.get_mut(..name.len())?;
    for (o, c) in low.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    match &*low {
        b"meta" => Some(HeadTag::Meta),
        b"link" => Some(HeadTag::Link),
        b"script" => Some(HeadTag::Script),
        b"style" => Some(HeadTag::Style),
        b"html" | b"head" | b"title" | b"noscript" | b"base" => Some(HeadTag::Other),
        _ => None,
    }
}

/// An end tag that leaves the head going on (the ends of the raw-text elements above).
fn head_end_tag(name: &[u8]) -> bool {
    [&b"head"[..], b"script", b"style", b"title", b"noscript"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

/// Whether the walk reads nothing from a head element: a `<meta>` whose key it ignores
/// (`meta::META_KEYS`) and without `itemprop`, a `<link>` other than `rel=canonical`, a
/// `<style>`, a `<script>` other than JSON-LD (`json_ld`). `itemtype` is read on any
/// element. A character reference could spell anything: such values are kept.
fn unread_in_head(tag: HeadTag, b: &[u8], attrs: &[Attr], json_ld: bool) -> bool {
    let name_is = |a: &Attr, n: &[u8]| {
        b.get(a.start..a.name_end)
            .is_some_and(|x| x.eq_ignore_ascii_case(n))
    };
    let value = |a: &Attr| attr_value(b, a);
    if attrs.iter().any(|a| name_is(a, b"itemtype")) {
        return false;
    }
    match tag {
        HeadTag::Meta => {
            if !attrs.iter().any(|a| name_is(a, b"content")) {
                return true;
            }
            !attrs.iter().any(|a| {
                name_is(a, b"itemprop")
                    || (name_is(a, b"name") || name_is(a, b"property")) && {
                        let v = value(a);
                        v.contains(&b'&')
                            || std::str::from_utf8(v).is_ok_and(|v| {
                                let v = v.trim().to_ascii_lowercase();
                                super::meta::META_KEYS.contains(&v.as_str())
                            })
                    }
            })
        }
        HeadTag::Link => !attrs.iter().any(|a| {
            name_is(a, b"rel") && {
                let v = value(a);
                v.contains(&b'&') || v.windows(9).any(|w| w.eq_ignore_ascii_case(b"canonical"))
            }
        }),
        HeadTag::Script => !json_ld,
        HeadTag::Style => true,
        HeadTag::Other => false,
    }
}

/// Whether a `<script …>` start tag (`head`, as written) opens JSON-LD, read for the
/// metadata (a character reference could spell its type).
fn json_ld_script(head: &[u8]) -> bool {
    // Only where a '+' stands (one memchr pass, not a compare at every byte).
    memchr::memchr(b'&', head).is_some()
        || memchr::memchr_iter(b'+', head).any(|plus| {
            plus.checked_sub(2)
                .and_then(|start| head.get(start..start + 7))
                .is_some_and(|w| w.eq_ignore_ascii_case(b"ld+json"))
        })
}

/// Just past the element a head start tag opens: the tag itself for the void `meta` and
/// `link`, past the end tag for `script` and `style`; `None` when it does not end.
fn element_end(b: &[u8], head: HeadTag, tag: &Tag, attrs: &mut Vec<Attr>) -> Option<usize> {
    let close = match head {
        HeadTag::Meta | HeadTag::Link => return Some(tag.end),
        HeadTag::Script => script_end(b, tag.end)?,
        HeadTag::Style => raw_end(b, tag.end, b"style")?,
        HeadTag::Other => return None,
    };
    scan_tag(b, close + 2, attrs).map(|end| end.end)
}

/// The value of an attribute as written (without its quotes), empty when it has none.
fn attr_value<'b>(b: &'b [u8], a: &Attr) -> &'b [u8] {
    let raw = b.get(a.name_end..a.end).unwrap_or(&[]);
    let Some(eq) = raw.iter().position(|&c| c == b'=') else {
        return &[];
    };
    let v = raw.get(eq + 1..).unwrap_or(&[]);
    let v = v
        .get(v.iter().take_while(|&&c| is_space(c)).count()..)
        .unwrap_or(&[]);
    match v.first() {
        Some(&q @ (b'"' | b'\'')) if v.len() >= 2 && v.last() == Some(&q) => {
            v.get(1..v.len() - 1).unwrap_or(&[])
        }
        _ => v,
    }
}

/// The pruned page, built as the scan goes.
struct Out<'a> {
    page: &'a str,
    out: String,
    /// Bytes of `page` already copied to `out` or cut.
    copied: usize,
}

impl Out<'_> {
    /// Drops `page[from..to]`.
    fn cut(&mut self, from: usize, to: usize) {
        self.replace(from, to, |_| {});
    }

    /// Puts what `with` writes in place of `page[from..to]`.
    fn replace(&mut self, from: usize, to: usize, with: impl FnOnce(&mut String)) {
        if let (Some(keep), true) = (self.page.get(self.copied..from), from < to) {
            if self.out.is_empty() {
                self.out.reserve(self.page.len() / 2);
            }
            self.out.push_str(keep);
            with(&mut self.out);
            self.copied = to;
        }
    }
}

/// The page with the bodies of scripts (but JSON-LD), styles, comments and inline SVG and
/// MathML removed, the attributes nobody reads, and the tags nesting beyond
/// [`MAX_DEPTH`]; borrowed when there is nothing to remove.
pub(super) fn prune(page: &str) -> Cow<'_, str> {
    prune_within(page, Nesting::for_page(page.as_bytes()))
}

/// [`prune`], with the nesting bounded by `nesting` (`None`: not counted).
fn prune_within<'a>(page: &'a str, mut nesting: Option<Nesting<'a>>) -> Cow<'a, str> {
    let mut out = Out {
        page,
        out: String::new(),
        copied: 0,
    };
    // Where pruning stopped with the page's tags still to read for the nesting bound.
    // Tags dropped inside foreign content, cut when pruning stops there (when the foreign
    // element ends, its whole content goes).
    let mut dropped_in_foreign = Vec::new();
    let resume = scan(page, &mut out, nesting.as_mut(), &mut dropped_in_foreign);
    for (from, to) in dropped_in_foreign {
        out.cut(from, to);
    }
    if let (Some(nesting), Some(from)) = (nesting.as_mut(), resume) {
        // The rest of the page is kept as it is, but for the tags nesting too deep.
        for_each_tag(page, from, |tag| {
            if nesting.drops(tag.name, tag.closing, tag.self_closing) {
                out.cut(tag.start, tag.end);
            }
        });
    }
    #[cfg(test)]
    if let Some(nesting) = nesting {
        SEEN.with(|seen| *seen.borrow_mut() = nesting.seen);
    }
    if out.copied == 0 {
        return Cow::Borrowed(page);
    }
    let mut pruned = out.out;
    pruned.push_str(page.get(out.copied..).unwrap_or(""));
    Cow::Owned(pruned)
}

#[cfg(test)]
thread_local! {
    /// The tags the last [`prune_within`] on this thread read for its nesting bound.
    static SEEN: std::cell::RefCell<Vec<(bool, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The pruning walk: cuts into `out`, and reads each tag (outside what is cut whole) into
/// `nesting`, dropping those it says. Returns where the page's tags are to be read on from
/// in HTML content when pruning stops before the end (`None`: at the end, or where the
/// tokenizer reads the rest as text).
fn scan<'a>(
    page: &'a str,
    out: &mut Out<'a>,
    mut nesting: Option<&mut Nesting<'a>>,
    dropped_in_foreign: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let b = page.as_bytes();
    let mut attrs = Vec::new();
    // Whether the nesting bound drops this tag (cut whole; the walk reads on past it).
    let mut drops = |name: &'a [u8], closing: bool, self_closing: bool| {
        nesting
            .as_mut()
            .is_some_and(|n| n.drops(name, closing, self_closing))
    };
    // Open foreign elements (names as written) and where the outermost one's content starts.
    let mut foreign: Vec<&[u8]> = Vec::new();
    let mut foreign_body = 0;
    // Still in the head (nothing of the body met yet): the elements there that the walk
    // does not read go, and so does the whitespace before the head's tags (the walk reads
    // no text in the head, and whitespace there is in no other place of the tree).
    let mut in_head = true;
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + p;
        let text_start = i;
        in_head &= b.get(i..lt).is_some_and(|t| t.iter().all(|&c| is_space(c)));
        match b.get(lt + 1).copied() {
            Some(b'!') => {
                if b.get(lt + 2..lt + 4) == Some(b"--") {
                    let end = comment_end(b, lt + 4)?;
                    if foreign.is_empty() && end >= lt + 7 {
                        // Keep the closing `-->` or `--!>`: an empty comment either way.
                        let close = if b.get(end - 2) == Some(&b'!') {
                            end - 4
                        } else {
                            end - 3
                        };
                        out.cut(lt + 4, close);
                    }
                    i = end;
                } else if !foreign.is_empty() && b.get(lt + 2..lt + 9) == Some(b"[CDATA[") {
                    let Some(p) = b
                        .get(lt + 9..)
                        .and_then(|r| memchr::memmem::find(r, b"]]>"))
                    else {
                        return Some(lt);
                    };
                    i = lt + 9 + p + 3;
                } else {
                    // DOCTYPE or a bogus comment: up to the next `>`.
                    let p = b.get(lt + 2..).and_then(|r| memchr::memchr(b'>', r))?;
                    i = lt + 2 + p + 1;
                }
            }
            Some(b'?') => {
                let p = b.get(lt + 2..).and_then(|r| memchr::memchr(b'>', r))?;
                i = lt + 2 + p + 1;
            }
            Some(b'/') => {
                match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {}
                    Some(b'>') => {
                        in_head = false;
                        i = lt + 3;
                        continue;
                    }
                    Some(_) => {
                        in_head = false;
                        let p = b.get(lt + 2..).and_then(|r| memchr::memchr(b'>', r))?;
                        i = lt + 2 + p + 1;
                        continue;
                    }
                    None => return None,
                }
                let tag = scan_tag(b, lt + 2, &mut attrs)?;
                i = tag.end;
                let name = b.get(tag.name_start..tag.name_end).unwrap_or(&[]);
                if drops(name, true, tag.self_closing) {
                    if foreign.is_empty() {
                        out.cut(lt, tag.end);
                    } else {
                        dropped_in_foreign.push((lt, tag.end));
                    }
                    continue;
                }
                if foreign.is_empty() {
                    if in_head {
                        in_head = head_end_tag(name);
                        if in_head {
                            out.cut(text_start, lt);
                        }
                    }
                    continue;
                }
                if name.eq_ignore_ascii_case(b"br") || name.eq_ignore_ascii_case(b"p") {
                    return Some(tag.end);
                }
                let Some(k) = foreign.iter().rposition(|n| n.eq_ignore_ascii_case(name)) else {
                    // The tree builder would look further up, among the HTML elements.
                    return Some(tag.end);
                };
                foreign.truncate(k);
                if foreign.is_empty() {
                    // The whole SVG or MathML element was read as foreign content.
                    out.cut(foreign_body, lt);
                    dropped_in_foreign.clear();
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let tag = scan_tag(b, lt + 1, &mut attrs)?;
                i = tag.end;
                let name = b.get(tag.name_start..tag.name_end).unwrap_or(&[]);
                if drops(name, false, tag.self_closing) {
                    // Never an element holding raw text: those are not counted.
                    if foreign.is_empty() {
                        out.cut(lt, tag.end);
                    } else {
                        dropped_in_foreign.push((lt, tag.end));
                    }
                    continue;
                }
                if let Some(top) = foreign.last() {
                    if breaks_out(name) || integration_point(top) {
                        return after_start_tag(b, tag.end, name);
                    }
                    if !tag.self_closing {
                        foreign.push(name);
                    }
                    continue;
                }
                let kind = tag_kind(name);
                let head = if in_head { head_tag(name) } else { None };
                in_head = head.is_some();
                if let Some(head) = head {
                    out.cut(text_start, lt);
                    let json_ld = json_ld_script(b.get(lt..tag.end).unwrap_or(&[]));
                    if unread_in_head(head, b, &attrs, json_ld) {
                        if let Some(end) = element_end(b, head, &tag, &mut attrs) {
                            out.cut(lt, end);
                            i = end;
                            continue;
                        }
                    }
                }
                if !matches!(kind, TagKind::Foreign | TagKind::Compared) {
                    let on_link = kind == TagKind::Link;
                    let on_anchor = name.eq_ignore_ascii_case(b"a");
                    let read = |a: &Attr| {
                        b.get(a.start..a.name_end).is_some_and(|n| {
                            attribute_read(n, on_link)
                                // A link to an author's page names the author (the header);
                                // one to the home page marks a logo or the site's name.
                                || on_anchor
                                    && n.eq_ignore_ascii_case(b"href")
                                    && (crate::byline::links_an_author_page(attr_value(b, a))
                                        || super::links_home(attr_value(b, a)))
                        })
                    };
                    // Each attribute is weighed once (a link's `href` asks two questions).
                    let mut kept: u64 = 0;
                    let mut all_read = true;
                    for (k, a) in attrs.iter().enumerate() {
                        let r = read(a);
                        all_read &= r;
                        if r && k < 64 {
                            kept |= 1 << k;
                        }
                    }
                    if !all_read {
                        let kept = |k: usize, a: &Attr| {
                            if k < 64 {
                                kept & (1 << k) != 0
                            } else {
                                read(a)
                            }
                        };
                        out.replace(tag.name_end, tag.end, |o| {
                            for (_, a) in attrs.iter().enumerate().filter(|(k, a)| kept(*k, a)) {
                                o.push(' ');
                                o.push_str(page.get(a.start..a.end).unwrap_or(""));
                            }
                            // A space keeps an unquoted value from taking the '/'.
                            o.push_str(if tag.self_closing { " />" } else { ">" });
                        });
                    }
                }
                match kind {
                    TagKind::Script => {
                        let end = script_end(b, tag.end)?;
                        if !json_ld_script(b.get(lt..tag.end).unwrap_or(&[])) {
                            out.cut(tag.end, end);
                        }
                        i = end;
                    }
                    TagKind::Style => {
                        let end = raw_end(b, tag.end, b"style")?;
                        out.cut(tag.end, end);
                        i = end;
                    }
                    TagKind::Raw => i = raw_end(b, tag.end, name)?,
                    TagKind::Stop => return after_start_tag(b, tag.end, name),
                    TagKind::Foreign if !tag.self_closing => {
                        foreign.push(name);
                        foreign_body = tag.end;
                    }
                    _ => {}
                }
            }
            _ => {
                in_head = false;
                i = lt + 1;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests;

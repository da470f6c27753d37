//! Pre-parse guard against absurd nesting.
//!
//! html5ever's tree builder checks element scopes by scanning the stack of open elements,
//! so a page that opens 100,000 `<div>`s without closing them takes quadratic time. Real
//! pages never nest more than a few hundred levels; beyond [`MAX_DEPTH`] start tags (and
//! the end tags that close them) are dropped before parsing, keeping all text.
//!
//! The guard reads tags, comments and raw text with the pruning scanner's tokenizer states
//! ([`super::prune`]: one reading of where a comment, a tag or a script ends), and keeps a
//! stack of the elements it counts as open, as the tree builder does: an end tag closes the
//! nearest open element of its name (and what was opened after it); an end tag that closes
//! nothing changes nothing. Elements that close implicitly (`p`, `li`, cells) or hold no
//! children are not counted; beyond [`MAX_FORMATTING`] open formatting elements, their
//! start tags are dropped too. What that misses, `super::parse` bounds in the tree itself.

use std::borrow::Cow;

use super::prune;

pub(super) const MAX_DEPTH: usize = 2000;

/// Formatting elements (`b`, `font`, …) open at once beyond which their start tags are
/// dropped: the tree builder reopens every open formatting element in each new paragraph or
/// cell, so `<p><b id=1>…<p><b id=2>…` builds a quadratic number of nodes.
const MAX_FORMATTING: usize = 64;

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

/// How far down the open elements an end tag's element is looked for: a page that closes an
/// element hundreds of levels up is broken anyway, and the bound keeps a page of stray end
/// tags linear.
const END_TAG_REACH: usize = 256;

/// Lowercases a tag name into `buf`; `None` when it is longer than any name we look for.
fn lower<'b>(name: &[u8], buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}
/// Elements that never hold children or close implicitly: they do not add nesting.
/// (A `match` compiles to a jump on the length and one comparison, about 20% of the
/// guard's time cheaper than a linear search of a list.)
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

/// What the tokenizer reads after a start tag of this name (in HTML content, as the tree
/// builder switches it): `None` for markup.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Raw {
    Script,
    /// Raw text or RCDATA up to the element's end tag.
    UpToEnd,
    /// `plaintext`: the rest of the page is text.
    Rest,
}

fn raw_kind(name: &[u8]) -> Option<Raw> {
    let mut buf = [0u8; 12];
    match lower(name, &mut buf)? {
        b"script" => Some(Raw::Script),
        b"style" | b"textarea" | b"title" | b"xmp" | b"noscript" | b"iframe" | b"noembed"
        | b"noframes" => Some(Raw::UpToEnd),
        b"plaintext" => Some(Raw::Rest),
        _ => None,
    }
}

/// Elements an end tag's search for its element does not go past (the tree builder's
/// scope boundaries among the elements the guard counts).
fn is_scope_boundary(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(b"table" | b"template" | b"caption" | b"object" | b"applet" | b"marquee")
    )
}

/// A tag as the tokenizer reads it: where it starts and ends, its name, and whether it is
/// an end tag.
#[derive(Debug, Clone, Copy)]
struct TagToken<'a> {
    start: usize,
    end: usize,
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
}

/// Calls `visit` with each tag of the page, in order, skipping what the tokenizer reads as
/// comments, doctypes, processing instructions and raw text (in HTML content).
fn for_each_tag<'a>(page: &'a str, mut visit: impl FnMut(TagToken<'a>)) {
    let b = page.as_bytes();
    let mut attrs = Vec::new();
    let to_gt = |from: usize| {
        b.get(from..)
            .and_then(|r| memchr::memchr(b'>', r))
            .map(|p| from + p + 1)
    };
    let mut i = 0;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + p;
        let next = match b.get(lt + 1).copied() {
            Some(b'!') if b.get(lt + 2..lt + 4) == Some(b"--") => prune::comment_end(b, lt + 4),
            // A doctype, or a bogus comment (CDATA too, outside foreign content).
            Some(b'!' | b'?') => to_gt(lt + 2),
            Some(b'/') => match b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    prune::scan_tag(b, lt + 2, &mut attrs).map(|tag| {
                        visit(TagToken {
                            start: lt,
                            end: tag.end,
                            name: b.get(tag.name_start..tag.name_end).unwrap_or(&[]),
                            closing: true,
                            self_closing: tag.self_closing,
                        });
                        tag.end
                    })
                }
                Some(b'>') => Some(lt + 3),
                Some(_) => to_gt(lt + 2),
                None => None,
            },
            Some(c) if c.is_ascii_alphabetic() => {
                prune::scan_tag(b, lt + 1, &mut attrs).and_then(|tag| {
                    let name = b.get(tag.name_start..tag.name_end).unwrap_or(&[]);
                    visit(TagToken {
                        start: lt,
                        end: tag.end,
                        name,
                        closing: false,
                        self_closing: tag.self_closing,
                    });
                    match raw_kind(name) {
                        None => Some(tag.end),
                        // The end tag is read next, as a tag.
                        Some(Raw::Script) => prune::script_end(b, tag.end),
                        Some(Raw::UpToEnd) => prune::raw_end(b, tag.end, name),
                        Some(Raw::Rest) => None,
                    }
                })
            }
            _ => Some(lt + 1),
        };
        match next {
            Some(next) => i = next.max(lt + 1),
            None => break,
        }
    }
}

/// The page, with nesting beyond [`MAX_DEPTH`] flattened (borrowed when nothing changes).
pub(super) fn flatten_deep_nesting(page: &str) -> Cow<'_, str> {
    let b = page.as_bytes();
    // Quick exit: only a start tag (a '<' before a letter) adds a level, so a page with
    // few of them cannot nest too deep.
    if count_lt(b) <= MAX_DEPTH || count_start_tags(b) <= MAX_DEPTH {
        return Cow::Borrowed(page);
    }
    // Names of the counted open elements, as written.
    let mut open: Vec<&[u8]> = Vec::new();
    // Start tags dropped for depth whose end tags have not come yet.
    let mut dropped = 0usize;
    // Formatting elements among `open`.
    let mut formatting = 0usize;
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0; // bytes of `b` already copied to `out`
    for_each_tag(page, |tag| {
        let mut drop = false;
        if is_flat(tag.name) || raw_kind(tag.name).is_some() {
            // Not counted: closes implicitly, holds no children, or holds only text.
        } else if tag.closing {
            if dropped > 0 {
                drop = true;
                dropped -= 1;
            } else {
                let reach = open.len().saturating_sub(END_TAG_REACH);
                let found = open
                    .get(reach..)
                    .unwrap_or(&[])
                    .iter()
                    .rev()
                    .take_while(|n| !is_scope_boundary(n) || n.eq_ignore_ascii_case(tag.name))
                    .position(|n| n.eq_ignore_ascii_case(tag.name));
                if let Some(from_top) = found {
                    let keep = open.len() - from_top - 1;
                    let closed = open.get(keep..).unwrap_or(&[]);
                    formatting -= closed.iter().filter(|n| is_formatting(n)).count();
                    open.truncate(keep);
                }
            }
        } else if !tag.self_closing {
            let formats = is_formatting(tag.name);
            if open.len() >= MAX_DEPTH {
                drop = true;
                dropped += 1;
            } else if formats && formatting >= MAX_FORMATTING {
                // Its end tag then closes nothing, as it would in the tree builder.
                drop = true;
            } else {
                open.push(tag.name);
                formatting += usize::from(formats);
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| Vec::with_capacity(b.len()));
            o.extend_from_slice(b.get(copied..tag.start).unwrap_or(&[]));
            copied = tag.end;
        }
    });
    match out {
        None => Cow::Borrowed(page),
        Some(mut o) => {
            o.extend_from_slice(b.get(copied..).unwrap_or(&[]));
            // Only whole tags were removed, so the rest is still valid UTF-8.
            Cow::Owned(String::from_utf8_lossy(&o).into_owned())
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

/// Number of `<` bytes followed by an ASCII letter (an upper bound on the start tags
/// [`tag_at`] finds). Summed in `u8` over chunks of at most 255 bytes so that the compiler
/// vectorises it (a `usize` sum or `filter().count()` does not).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed() {
        let p = "<div><p>a</p><script>if (a<b) {}</script></div>";
        assert!(matches!(flatten_deep_nesting(p), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped() {
        let depth = 5000;
        let p = format!(
            "{}x{}",
            "<div class='a>b'>".repeat(depth),
            "</div>".repeat(depth)
        );
        let f = flatten_deep_nesting(&p);
        assert_eq!(f.matches("<div").count(), MAX_DEPTH);
        assert_eq!(f.matches("</div>").count(), MAX_DEPTH);
        assert!(f.contains('x'));
    }

    #[test]
    fn end_tags_that_close_nothing_change_nothing() {
        // The tree builder ignores `</a>` here: every `div` stays open.
        let p = "<div></a>".repeat(3 * MAX_DEPTH);
        let f = flatten_deep_nesting(&p);
        assert_eq!(f.matches("<div>").count(), MAX_DEPTH);
        // Nor does an end tag reach past a table for its element.
        let p = format!("<div><table>{}", "<span></div>".repeat(2 * MAX_DEPTH));
        let f = flatten_deep_nesting(&p);
        assert_eq!(f.matches("<span>").count(), MAX_DEPTH - 2);
        // An end tag closes its element and what was opened after it.
        let p = "<div><span><i>x</div>".repeat(3 * MAX_DEPTH);
        assert!(matches!(flatten_deep_nesting(&p), Cow::Borrowed(_)));
    }

    #[test]
    fn open_formatting_elements_are_capped() {
        // Each paragraph would reopen every `b` before it.
        let p: String = (0..MAX_DEPTH).map(|n| format!("<p><b id={n}>x")).collect();
        let f = flatten_deep_nesting(&p);
        assert_eq!(f.matches("<b ").count(), MAX_FORMATTING);
        assert_eq!(f.matches("<p>").count(), MAX_DEPTH);
        // Closed ones do not count.
        let p = "<p><b id=1>x</b>".repeat(MAX_DEPTH);
        assert!(matches!(flatten_deep_nesting(&p), Cow::Borrowed(_)));
    }

    #[test]
    fn comments_and_raw_text_hide_their_tags() {
        let nest = "<div>".repeat(MAX_DEPTH);
        // Each case with the number of its `<div>`s that are tags; `<!-->` and `<!--->` are
        // whole comments, so what follows them is markup.
        for (case, tags) in [
            ("<!--<div>-->", 0),
            ("<!-- <div> --!><div>", 1),
            ("<!--><div>-->", 1),
            ("<!---><div>-->", 1),
            ("<script><!--<script></script><div>--></script><div>", 1),
            ("<textarea><div></textarea ><div>", 1),
            ("<![CDATA[<div>]]><div>", 1),
            ("</ x<div>><div>", 1),
            ("<?php <div> ?><div>", 1),
        ] {
            // Past the limit, every tag is dropped.
            let p = format!("{nest}{case}x");
            let f = flatten_deep_nesting(&p);
            assert_eq!(
                f.matches("<div>").count(),
                p.matches("<div>").count() - tags,
                "{case}"
            );
        }
    }

    /// The tags html5ever's tokenizer reads, switched into raw text as its tree builder
    /// switches it in HTML content.
    fn tokenizer_tags(page: &str) -> Vec<(bool, String)> {
        use html5ever::tendril::StrTendril;
        use html5ever::tokenizer::states::RawKind;
        use html5ever::tokenizer::{
            BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer,
        };
        use std::cell::RefCell;

        struct Tags(RefCell<Vec<(bool, String)>>);
        impl TokenSink for Tags {
            type Handle = ();
            fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
                let Token::TagToken(tag) = token else {
                    return TokenSinkResult::Continue;
                };
                let closing = tag.kind == TagKind::EndTag;
                let name = tag.name.to_string();
                self.0.borrow_mut().push((closing, name.clone()));
                if closing {
                    return TokenSinkResult::Continue;
                }
                match name.as_str() {
                    "script" => TokenSinkResult::RawData(RawKind::ScriptData),
                    "title" | "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                        TokenSinkResult::RawData(RawKind::Rawtext)
                    }
                    "plaintext" => TokenSinkResult::Plaintext,
                    _ => TokenSinkResult::Continue,
                }
            }
        }
        let tokenizer = Tokenizer::new(Tags(RefCell::new(Vec::new())), Default::default());
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(page));
        let _ = tokenizer.feed(&queue);
        tokenizer.end();
        tokenizer.sink.0.into_inner()
    }

    fn guard_tags(page: &str) -> Vec<(bool, String)> {
        let mut tags = Vec::new();
        for_each_tag(page, |t| {
            tags.push((t.closing, String::from_utf8_lossy(t.name).to_lowercase()));
        });
        tags
    }

    #[test]
    fn tags_are_read_as_the_whatwg_tokenizer_reads_them() {
        for page in [
            // Comments: `--!>`, the abrupt `<!-->` and `<!--->`, `-- >` (no end), nesting.
            "<p>a<!-- x --!> <b>b</b><!-->c<i>d</i><!--->e<u>f</u>",
            "<!-- a -- > <b>still a comment</b> -->after<s>x</s>",
            "<!--<!-- nested --> <em>y</em><!-- unterminated <b>",
            "<!----!><b>a</b><!-- -!> <i>b</i> --><u>",
            // Bogus comments and doctypes end at the first `>`; CDATA is one in HTML.
            "<![CDATA[ <b>x</b> ]]><i>z</i><!DOCTYPE html><? php <b> ?><q>",
            "</ x <b>y</b></>a<b></3>c",
            // Attributes: quotes only where a value starts.
            "<div title='<i>' a\"b=\"<u>\">x</div><a href=x/>y<br/><p a=\"\"\"b>",
            "<div\n class=a\n>multi-line</div\t><b\x0cc=d>e",
            // Raw text, RCDATA and script escapes.
            "<script>if (a<b) { '</scripty>' } <!-- <script> </script> --> </script><p>after",
            "<script><!--x--></script><b>a</b><script><!--<script>-->x</script><i>",
            "<textarea><b>not a tag</b></textarea ><i>tag</i><title>x</titlex></title><p>",
            "<style>a</style\n><b><xmp><b></xmp><iframe><i></iframe><noscript><u></noscript>",
            "<noembed><s></noembed><noframes><q></noframes><b>",
            "<STYLE>x</Style><SCRIPT>y</sCrIpT><b>",
            "<plaintext><b>text</b></plaintext>",
            // Unfinished at the end of input.
            "<p>a<b class='x",
            "<p>a<script>x",
        ] {
            assert_eq!(guard_tags(page), tokenizer_tags(page), "{page}");
        }
    }
}

//! Tests of `prune`.

use super::*;

/// What the walk reads from a page.
fn walked(page: &str) -> String {
    let w = super::super::blocks::walk(&scraper::Html::parse_document(page));
    format!(
        "{:?} {:?} {:?} {:?} {:?}",
        w.nodes, w.cands, w.owners, w.meta, w.noscript
    )
}

/// Pruning keeps what the walk reads, and returns what it cut.
fn check(page: &str) -> String {
    let pruned = prune(page).into_owned();
    assert_eq!(walked(page), walked(&pruned), "{page}\n=> {pruned}");
    pruned
}

#[test]
fn bodies_go_and_the_rest_stays() {
    let p = "<html><head><script src=x.js></script><script>var a = '<p>x</p>';</script>\
        <style>p { color: red }</style><!-- note --><title>T</title></head>\
        <body><p>One <b>two</b></p><svg viewBox='0 0 1 1'><path d='M0'/><g><title>i</title></g></svg>\
        <p>three</p></body></html>";
    // (The head's scripts and styles go whole: see `unread_head_elements_go`.)
    assert_eq!(
        check(p),
        "<html><head><!----><title>T</title></head>\
        <body><p>One <b>two</b></p><svg viewBox='0 0 1 1'></svg>\
        <p>three</p></body></html>"
    );
}

#[test]
fn json_ld_and_noscript_are_kept() {
    let p = r#"<script type="application/LD+JSON">{"headline":"H"}</script>
        <noscript><script>x()</script><p>Enable JavaScript</p></noscript><p>a</p>"#;
    assert_eq!(
        check(p),
        r#"<script type="application/LD+JSON">{"headline":"H"}</script><noscript><script>x()</script><p>Enable JavaScript</p></noscript><p>a</p>"#
    );
}

#[test]
fn escaped_scripts_end_where_the_tokenizer_ends_them() {
    let p = "<p>0</p><script><!-- document.write('<script>x</script>'); --></script><p>a</p>\
        <script><!-- a --></script><p>b</p><script>'</scripts>'</script ><p>c</p>";
    assert_eq!(
        check(p),
        "<p>0</p><script></script><p>a</p><script></script><p>b</p><script></script ><p>c</p>"
    );
}

#[test]
fn tags_and_comments_are_read_as_the_tokenizer_reads_them() {
    for p in [
        "<div title='<script>'>a</div><script>b</script><p>c</p>",
        "<div a'b=\"<style>\">x</div><p>y</p>",
        "<!-->x<script>y</script><!--->z<!-- a --!>w<!-- <!-- -->v",
        "<p>a<!-- --!x --> b</p><textarea><script>x</script></textarea><p>c</p>",
        "<title><!-- </title><p>t</p><xmp><style></xmp>q<style>r</style>",
        "<p>1 < 2</p></ 3><p>x</p><?php echo ?><script>y</script>",
        "<script>unterminated <p>text</p>",
        "<p>a</p><frameset><script>x</script>",
        "<p>a</p><plaintext><script>x</script>",
    ] {
        check(p);
    }
}

#[test]
fn attributes_nobody_reads_go() {
    let p = r#"<link rel=canonical href="/a" data-x=1><div CLASS="nav" data-id='7' onclick=f() hidden>
        <a href="/b" title=t>x</a><img src=a.png alt=x/><br x="y"/><b data-x=1>b</b>
        <meta name=author content="A B" data-z><input type=email =x></div>"#;
    assert_eq!(
        check(p),
        r#"<link rel=canonical href="/a"><div CLASS="nav" hidden>
        <a>x</a><img><br /><b data-x=1>b</b>
        <meta name=author content="A B"><input type=email></div>"#
    );
    // Formatting elements keep theirs: the tree builder compares them.
    check("<p><b x=1><b x=2><b x=3><b x=4>a</p><p>b</p>");
    check("<p><a x=1><a x=2>a</p><p>b</p><a x=1>c<a x=2>d");
    check("<body x=1><p>a</p><body class=c data-y=2><p>b</p>");
}

#[test]
fn unread_head_elements_go() {
    let p = "<!DOCTYPE html>\n<html lang=en>\n<head>\n  <meta charset=utf-8>\n  \
        <meta name=viewport content=x>\n  <meta property='og:title' content=T>\n  \
        <meta itemprop=name content=N>\n  <meta name=\"Description \" content=D>\n  \
        <link rel=stylesheet href=a.css>\n  <link rel=\"Canonical\" href=/a>\n  \
        <script src=a.js></script>\n  <script type=application/ld+json>{}</script>\n  \
        <style>p{}</style>\n  <!-- c -->\n  <title>T</title>\n  <base href=/>\n</head>\n\
        <body>\n<p>a</p><meta name=x content=y><link rel=x></body></html>";
    assert_eq!(
        check(p),
        "<!DOCTYPE html><html lang=en><head><meta property='og:title' content=T>\
        <meta itemprop=name content=N><meta name=\"Description \" content=D>\
        <link rel=\"Canonical\" href=/a><script type=application/ld+json>{}</script>\n  \
        <!----><title>T</title><base></head>\n\
        <body>\n<p>a</p><meta name=x content=y><link rel=x></body></html>"
    );
}

#[test]
fn the_head_ends_where_the_body_starts() {
    for p in [
        // Text, any other element, an unexpected end tag: the body has started.
        "<meta name=x content=y>t<meta name=z content=w><link rel=a>",
        "<head><meta name=a></head>\n<meta name=b>\n<script>x</script>\n<p>a</p>",
        "<head><meta name=a></head> <p>a <meta name=b> b</p>",
        "<table> <meta name=a> x<link rel=b></table>",
        "<template><meta name=a></template><meta name=b>",
        "<head><div>x</div><meta name=a></head>",
        "</p><meta name=a>",
        "<span class=author>A<meta name=a>B</span><meta name=b>",
        "&nbsp;<meta name=a><p>x</p>",
        // Read by the walk: kept wherever they stand.
        "<meta itemtype=http://schema.org/DiscussionForumPosting><p>a</p>",
        "<link itemtype=https://schema.org/DiscussionForumPosting><p>a</p>",
        "<meta name='og&#58;title' content=T><meta property=og:url content=u><p>a</p>",
        "<meta itemprop=datePublished content=2020-01-02><p>a</p>",
        "<script type=application/ld+json>{\"headline\":\"H\"}</script><p>a</p>",
        "<link rel='author canonical' href=/x><p>a</p>",
        "<noscript><meta name=a><p>Enable JavaScript</p></noscript><p>a</p>",
        // Unfinished elements.
        "<head><script>x",
        "<head><style>x",
        "<head><meta name=a",
    ] {
        check(p);
    }
}

#[test]
fn foreign_content_is_cut_only_when_it_stays_foreign() {
    // HTML inside an SVG, and tags breaking out of it, stop the pruning.
    for (p, pruned) in [
        (
            "<svg><foreignObject><p>x</p></foreignObject></svg><script>a</script>",
            false,
        ),
        ("<svg><g><p>x</p></g></svg><script>a</script>", false),
        ("<svg><title><b>x</b></svg><script>a</script>", false),
        ("<math><mi>x</mi></math><p>y</p><script>a</script>", true),
        (
            "<svg><style>.a{}</style><![CDATA[ </svg> ]]></svg><p>x</p>",
            true,
        ),
        ("<div><svg><path></div><script>a</script>", false),
        ("<svg/><p>x</p><script>a</script>", true),
    ] {
        let out = check(p);
        assert_eq!(out != p, pruned, "{p} => {out}");
    }
}

/// The tokenizer states against the WHATWG tokenizer's cases in `tokenizer_cases.tsv`.
#[test]
fn tokenizer_states_end_where_the_whatwg_tokenizer_ends_them() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let cases = include_str!("tokenizer_cases.tsv");
    for (n, line) in cases.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [state, input, expected] = fields.as_slice() else {
            failures.push(format!("line {}: not three fields", n + 1));
            continue;
        };
        checked += 1;
        let b = input.as_bytes();
        let end = match *state {
            "comment" => comment_end(b, 0),
            "script" => script_end(b, 0),
            name => raw_end(b, 0, name.as_bytes()),
        };
        let got = end.and_then(|at| input.get(at..)).unwrap_or("-");
        if got != *expected {
            failures.push(format!(
                "line {}: {state} {input:?}: {got:?}, not {expected:?}",
                n + 1
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checked, 34, "cases read");
}

// The nesting bound, applied by the same walk.

/// The tags the walk read for the nesting bound on `page`, counted from the start.
fn seen_tags(page: &str) -> Vec<(bool, String)> {
    let _ = prune_within(page, Some(Nesting::new()));
    SEEN.with(|seen| seen.take())
}

#[test]
fn shallow_pages_are_not_counted() {
    let p = "<div><p>a</p><script>if (a<b) {}</script></div>".repeat(MAX_DEPTH / 5);
    assert!(Nesting::for_page(p.as_bytes()).is_none());
    assert!(Nesting::for_page("<div>".repeat(MAX_DEPTH + 1).as_bytes()).is_some());
}

#[test]
fn deep_nesting_is_capped() {
    let depth = 5000;
    let p = format!(
        "{}x{}",
        "<div class='a>b'>".repeat(depth),
        "</div>".repeat(depth)
    );
    let f = prune(&p);
    assert_eq!(f.matches("<div").count(), MAX_DEPTH);
    assert_eq!(f.matches("</div>").count(), MAX_DEPTH);
    assert!(f.contains('x'));
}

#[test]
fn end_tags_that_close_nothing_change_nothing() {
    // The tree builder ignores `</a>` here: every `div` stays open.
    let p = "<div></a>".repeat(3 * MAX_DEPTH);
    let f = prune(&p);
    assert_eq!(f.matches("<div>").count(), MAX_DEPTH);
    // Nor does an end tag reach past a table for its element.
    let p = format!("<div><table>{}", "<span></div>".repeat(2 * MAX_DEPTH));
    let f = prune(&p);
    assert_eq!(f.matches("<span>").count(), MAX_DEPTH - 2);
    // An end tag closes its element and what was opened after it.
    let p = "<div><span><i>x</div>".repeat(3 * MAX_DEPTH);
    assert!(matches!(prune(&p), Cow::Borrowed(_)));
}

#[test]
fn open_formatting_elements_are_capped() {
    // Each paragraph would reopen every `b` before it.
    let p: String = (0..MAX_DEPTH).map(|n| format!("<p><b id={n}>x")).collect();
    let f = prune(&p);
    assert_eq!(f.matches("<b ").count(), 64);
    assert_eq!(f.matches("<p>").count(), MAX_DEPTH);
    // Closed ones do not count.
    let p = "<p><b id=1>x</b>".repeat(MAX_DEPTH);
    assert!(matches!(prune(&p), Cow::Borrowed(_)));
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
        let p = format!("{nest}{case}x");
        let divs = seen_tags(&p)
            .iter()
            .filter(|(closing, name)| !closing && name == "div")
            .count();
        assert_eq!(divs, MAX_DEPTH + tags, "{case}");
        // Past the limit, every one of them is dropped.
        let f = prune(&p);
        let div_tags = tokenizer_tags(&f)
            .iter()
            .filter(|(closing, name)| !closing && name == "div")
            .count();
        assert_eq!(div_tags, MAX_DEPTH, "{case}");
    }
}

#[test]
fn nesting_is_bounded_past_where_pruning_stops() {
    // A `<frameset>` (the last element within the bound) stops pruning: the script body
    // stays, and the bound goes on.
    let nest = "<div>".repeat(MAX_DEPTH - 1);
    let p = format!("{nest}<frameset><script>x</script><div><div>y");
    let f = prune(&p);
    assert!(
        f.ends_with("<div><frameset><script>x</script>y"),
        "{}",
        &f[f.len() - 80..]
    );
    assert_eq!(f.matches("<div>").count(), MAX_DEPTH - 1);
    // Tags dropped inside an SVG go with its content, or alone when pruning stops inside it.
    let nest = "<div>".repeat(MAX_DEPTH - 2);
    let p = format!("{nest}<svg><g><path></path></g></svg><p>z</p>");
    let f = prune(&p);
    assert!(
        f.ends_with("<div><svg></svg><p>z</p>"),
        "{}",
        &f[f.len() - 80..]
    );
    let p = format!("{nest}<svg><g><path></path><p>z</p><g>");
    let f = prune(&p);
    assert!(
        f.ends_with("<div><svg><g><p>z</p>"),
        "{}",
        &f[f.len() - 80..]
    );
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
        // Pruning stops (`frameset`): the rest is read by the tag walk.
        "<frameset><script>a<b></script><!-- <i> --><u>",
        // Unfinished at the end of input.
        "<p>a<b class='x",
        "<p>a<script>x",
    ] {
        // The head's scripts and styles go whole, end tag and all: those end tags are not
        // read (they are never counted).
        let mut expected = tokenizer_tags(page);
        let mut seen = seen_tags(page);
        let head_cut = |(closing, name): &(bool, String)| {
            !(*closing && matches!(name.as_str(), "script" | "style"))
        };
        expected.retain(head_cut);
        seen.retain(head_cut);
        assert_eq!(seen, expected, "{page}");
    }
}

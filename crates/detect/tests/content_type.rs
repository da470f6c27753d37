//! `sniff_content_type`: HTML when the text starts like HTML or is dense with structural
//! markup; text otherwise.

use deboil_detect::{ContentType, sniff_content_type};

#[test]
fn html_and_text() {
    let long_markup =
        "<div class=\"row\"><span>cell</span><a href=\"/x\">link</a></div>\n".repeat(8);
    let html: &[&str] = &[
        "<!DOCTYPE html><html><body>x</body></html>",
        "<!doctype HTML>\n<title>x</title>",
        "  \n\t<html lang=en>",
        "\u{feff}<HTML>",
        "<head><meta charset=utf-8></head>",
        "<body>",
        "<meta name=viewport content=x>",
        "<title>Hi</title>",
        "<script>var a = 1;</script>",
        "<style>p{}</style>",
        "<div>text</div>",
        "<p>para",
        "<p class=x>para",
        "<table><tr><td>1</td></tr></table>",
        "<a href=\"x\">link</a>",
        "<h1>Title</h1>",
        "<H6>small</H6>",
        "<br>",
        "<br/>",
        "<!-- generated -->\n<div>x</div>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        &long_markup,
    ];
    for doc in html {
        assert_eq!(sniff_content_type(doc), ContentType::Html, "{doc:?}");
    }
    let mention = format!("Intro text.\n{}", long_markup.replace('<', "‹"));
    let fragment = format!("Some intro text first.\n{long_markup}");
    let text: &[&str] = &[
        "Plain text.",
        "",
        "   ",
        "Use <b>bold</b> for emphasis and <i>italics</i> for titles.",
        "# Markdown\n\nUse a `<div>` to wrap things, and `<p>` for paragraphs.\n\n- item\n- item\n",
        "<pizza>is not a tag</pizza>",
        "<paragraph> is not an HTML element",
        "<?xml version=\"1.0\"?><rss><channel><title>x</title></channel></rss>",
        "a < b and c > d",
        "<3 love",
        &mention,
    ];
    for doc in text {
        assert_eq!(sniff_content_type(doc), ContentType::Text, "{doc:?}");
    }
    // A fragment that does not start with a tag but is dense with structure is HTML.
    assert_eq!(sniff_content_type(&fragment), ContentType::Html);
}

#[test]
fn window_cut_on_char_boundary() {
    // The 4 KiB window must not split a multi-byte character.
    for pad in 0..4 {
        let doc = format!("{}{}", "x".repeat(pad), "ж".repeat(3000));
        assert_eq!(sniff_content_type(&doc), ContentType::Text);
    }
}

//! `cargo xtask bench --lens`: the bench sets' article pages again, stripped of the markup
//! that older pages and other scrapers do not have, scored against the same truth.
//!
//! The sets' pages carry what a site written this decade carries: JSON-LD and meta tags that
//! name the article, its headline and its author, class names that say `article-body` or
//! `related-posts`, ARIA roles, microdata. A page of the 2000s has none of it; nor has a page
//! a scraper saved without its head, or a site whose class names no list knows. The lens
//! shows how much of deboil's accuracy rests on that markup: each page in five
//! [`Variant`]s, the same truth for all of them. `retro` is also written as a page of the
//! 2000s was: no HTML5 sectioning elements (`article`, `main`, `nav`, `aside`…: `div`s), and
//! paragraphs as runs of text after `<br><br>`, not `<p>`s.
//!
//! The last, `foreign`, asks the same of deboil's word lists: the sets are English, and the
//! pages nobody tuned on are in many languages, most of which no list of deboil's knows
//! ("Related", "Reply", "Subscribe", month names). Its pages are `nometa`'s with every ASCII
//! letter of their text rotated 13 places (ROT13), and the truth alike: the same structure,
//! the same repetitions, the same lengths and digits, in words no list holds.
//!
//! The pages are rewritten with `lol_html`, a streaming rewriter that passes every byte it is
//! not told to change through as it came: the page is never parsed into a tree and written
//! out again, so no end tag is added or dropped, no content moves, no character reference or
//! encoding changes. An element removed goes with its content (a script's code); an
//! attribute removed goes from its start tag, which is then written with its other
//! attributes as the page wrote them, one space before each: the white space between
//! attributes is the only other byte that changes (and the `=` of an attribute written
//! `name=` with no value, which reads the same). The markup inside `<noscript>` is text to a
//! browser that runs scripts, and to lol_html, so it stays as served in every variant.
//!
//! A page lol_html will not rewrite (markup whose parse depends on a tree it does not keep,
//! which its strict mode refuses rather than guess) is left out of all the variants, so
//! their rows score the same pages, and counted in the report.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use lol_html::html_content::{ContentType, Element, EndTag, TextChunk, TextType};
use lol_html::{
    DocumentContentHandlers, ElementContentHandlers, HandlerResult, HtmlRewriter, Selector,
    Settings,
};

use crate::aeb;
use crate::sets::{self, Cleaner, Format, Truth};
use crate::stress::WORSE;

/// One view of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Variant {
    /// The page as served.
    Served,
    /// Without metadata: every `<script>` (JSON-LD included), every `<link>`, every `<meta>`
    /// but a charset declaration.
    Nometa,
    /// Without metadata, and without the attributes that name what an element is: `class`,
    /// `id`, `role`, microdata (`itemprop`, `itemtype`, `itemscope`, `itemid`) and `data-*`.
    Bare,
    /// Bare, and in HTML 4's elements: each of [`RETRO_TAGS`] renamed as it says, and every
    /// `<p>` a run of text after a `<br><br>` (its tags gone; one its own `style` or
    /// `hidden` styles or hides stays).
    Retro,
    /// Without metadata, and in words no word list knows: each ASCII letter of the text (not
    /// of the markup, character references, styles or what `<noscript>` holds) and of the
    /// [`WORDED_ATTRIBUTES`] rotated 13 places, the truth's too. Class names and URLs stay:
    /// sites in every language write them in English.
    Foreign,
}

impl Variant {
    const ALL: [Variant; 5] = [
        Variant::Served,
        Variant::Nometa,
        Variant::Bare,
        Variant::Retro,
        Variant::Foreign,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Variant::Served => "served",
            Variant::Nometa => "nometa",
            Variant::Bare => "bare",
            Variant::Retro => "retro",
            Variant::Foreign => "foreign",
        }
    }

    /// The truth as this variant's page shows it.
    pub(crate) fn truth(self, body: &str) -> Cow<'_, str> {
        match self {
            Variant::Foreign => Cow::Owned(rotate_letters(body)),
            _ => Cow::Borrowed(body),
        }
    }
}

/// The attributes whose values are words a reader sees or hears, rotated in
/// [`Variant::Foreign`] as the text is.
const WORDED_ATTRIBUTES: [&str; 4] = ["alt", "title", "aria-label", "placeholder"];

/// `text` with each ASCII letter rotated 13 places (ROT13: its own inverse), every other
/// character as it was.
fn rotate_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'a'..='z' => char::from(b'a' + (c as u8 - b'a' + 13) % 26),
            'A'..='Z' => char::from(b'A' + (c as u8 - b'A' + 13) % 26),
            _ => c,
        })
        .collect()
}

/// `markup` (text or an attribute's value as the page wrote it) with the letters of its words
/// rotated and its character references (`&amp;`, `&#233;`, `&#xE9;`) left whole.
fn rotate_markup_letters(markup: &str) -> (String, usize) {
    let mut out = String::with_capacity(markup.len());
    let mut letters = 0;
    let mut rest = markup;
    while let Some(at) = rest.find('&') {
        let (before, from) = rest.split_at(at);
        out.push_str(&rotate_letters(before));
        letters += before.bytes().filter(u8::is_ascii_alphabetic).count();
        let reference = character_reference_len(from);
        let (kept, after) = from.split_at(reference.max(1));
        out.push_str(kept);
        rest = after;
    }
    out.push_str(&rotate_letters(rest));
    letters += rest.bytes().filter(u8::is_ascii_alphabetic).count();
    (out, letters)
}

/// The length of the character reference `s` opens with (`&name;`, `&#digits;`, `&#xhex;`),
/// or 0. (A name without its `;`, which HTML reads for a few old names, is taken for a word.)
fn character_reference_len(s: &str) -> usize {
    let Some(body) = s.strip_prefix('&') else {
        return 0;
    };
    let (prefix, count) =
        if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
            (2, hex.bytes().take_while(u8::is_ascii_hexdigit).count())
        } else if let Some(decimal) = body.strip_prefix('#') {
            (1, decimal.bytes().take_while(u8::is_ascii_digit).count())
        } else if body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            (
                0,
                body.bytes().take_while(u8::is_ascii_alphanumeric).count(),
            )
        } else {
            return 0;
        };
    match body.as_bytes().get(prefix + count) {
        Some(b';') if count > 0 => 1 + prefix + count + 1,
        _ => 0,
    }
}

/// The attributes [`Variant::Bare`] removes, besides every `data-*` one.
const NAMING_ATTRIBUTES: [&str; 7] = [
    "class",
    "id",
    "role",
    "itemprop",
    "itemtype",
    "itemscope",
    "itemid",
];

/// The HTML5 elements [`Variant::Retro`] renames, and what to: the sectioning and grouping
/// elements to `div`, the phrasing ones to `span`. (A page of the 2000s wrote `<div>` where a
/// page of today writes `<article>` or `<nav>`.)
const RETRO_TAGS: [(&str, &str); 13] = [
    ("article", "div"),
    ("main", "div"),
    ("nav", "div"),
    ("aside", "div"),
    ("header", "div"),
    ("footer", "div"),
    ("section", "div"),
    ("figure", "div"),
    ("figcaption", "div"),
    ("details", "div"),
    ("summary", "div"),
    ("time", "span"),
    ("mark", "span"),
];

/// What a rewrite took away.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Removed {
    /// `<script>`, `<link>` and `<meta>` elements.
    pub elements: usize,
    /// Attributes ([`Variant::Bare`] and [`Variant::Retro`]).
    pub attributes: usize,
    /// Elements renamed or unwrapped ([`Variant::Retro`] only): [`RETRO_TAGS`] and `<p>`s.
    pub renamed: usize,
    /// Letters rotated ([`Variant::Foreign`] only).
    pub letters: usize,
}

impl std::ops::AddAssign for Removed {
    fn add_assign(&mut self, other: Removed) {
        self.elements += other.elements;
        self.attributes += other.attributes;
        self.renamed += other.renamed;
        self.letters += other.letters;
    }
}

/// A page rewritten as one variant.
#[derive(Debug)]
pub(crate) struct Rewritten {
    pub page: Vec<u8>,
    pub removed: Removed,
}

/// Rewrites pages into the variants; holds the selector its handler answers to.
#[derive(Debug)]
pub(crate) struct Rewriter {
    every_element: Selector,
}

impl Rewriter {
    pub(crate) fn new() -> anyhow::Result<Self> {
        Ok(Rewriter {
            every_element: "*"
                .parse()
                .context("lol_html does not take the selector `*`")?,
        })
    }

    /// `page` as `variant` shows it; an error when lol_html cannot rewrite the page, or when
    /// `foreign` would rotate letters in a page that is not UTF-8 (where a byte that reads as
    /// a letter may be half of another character).
    pub(crate) fn rewrite(&self, page: &[u8], variant: Variant) -> anyhow::Result<Rewritten> {
        self.rewrite_in_pieces(page, variant, page.len().max(1))
    }

    /// [`Self::rewrite`], the page handed to lol_html `piece` bytes at a time (as a stream
    /// comes): the output is the same whatever the pieces.
    fn rewrite_in_pieces(
        &self,
        page: &[u8],
        variant: Variant,
        piece: usize,
    ) -> anyhow::Result<Rewritten> {
        let (strip_attributes, retro, foreign) = match variant {
            Variant::Served => {
                return Ok(Rewritten {
                    page: page.to_vec(),
                    removed: Removed::default(),
                });
            }
            Variant::Nometa => (false, false, false),
            Variant::Bare => (true, false, false),
            Variant::Retro => (true, true, false),
            Variant::Foreign => (false, false, true),
        };
        if foreign && std::str::from_utf8(page).is_err() {
            anyhow::bail!("foreign: the page is not UTF-8, so its letters cannot be told apart");
        }
        let mut removed = Removed::default();
        // The letters `foreign` rotates in the text; the text of one node as far as it came
        // (lol_html hands text over in chunks that may split a character reference, so each
        // chunk is held back, emptied, until the node's last one).
        let mut letters = 0;
        let mut node_text = String::new();
        let text_handler = |chunk: &mut TextChunk<'_>| -> HandlerResult {
            if !matches!(chunk.text_type(), TextType::Data | TextType::RCData) {
                return Ok(());
            }
            node_text.push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                let (rotated, count) = rotate_markup_letters(&node_text);
                letters += count;
                chunk.set_str(rotated);
                node_text.clear();
            } else {
                chunk.set_str(String::new());
            }
            Ok(())
        };
        let mut out = Vec::with_capacity(page.len());
        let handler = |element: &mut Element<'_, '_>| -> HandlerResult {
            if is_metadata(element) {
                element.remove();
                removed.elements += 1;
                return Ok(());
            }
            if strip_attributes {
                // Collected first: the attributes are borrowed from the element.
                let naming: Vec<String> = element
                    .attributes()
                    .iter()
                    .map(|attribute| attribute.name())
                    .filter(|name| is_naming_attribute(name))
                    .collect();
                for name in &naming {
                    element.remove_attribute(name);
                }
                removed.attributes += naming.len();
            }
            if foreign {
                let worded: Vec<(String, String)> = element
                    .attributes()
                    .iter()
                    .filter(|attribute| WORDED_ATTRIBUTES.contains(&attribute.name().as_str()))
                    .map(|attribute| (attribute.name(), attribute.value()))
                    .collect();
                for (name, value) in worded {
                    let (rotated, count) = rotate_markup_letters(&value);
                    if count > 0 {
                        element.set_attribute(&name, &rotated)?;
                        removed.letters += count;
                    }
                }
            }
            if retro {
                let name = element.tag_name();
                if name == "p"
                    && !element.has_attribute("style")
                    && !element.has_attribute("hidden")
                {
                    // Its tags go, and a line break pair stands before its text. (Before the
                    // start tag: a `<p>` the page left open has no "after" lol_html could
                    // find. And no `<span>`: a span left open would hold what follows, where
                    // the `<p>` closed at the next block.) A paragraph that its own
                    // attributes style or hide stays as it is.
                    element.before("<br><br>", ContentType::Html);
                    unwrap(element, "p");
                    removed.renamed += 1;
                } else if let Some(&(from, to)) = RETRO_TAGS.iter().find(|(from, _)| *from == name)
                {
                    rename(element, from, to);
                    removed.renamed += 1;
                }
            }
            Ok(())
        };
        // Strict (lol_html's default, stated because the report relies on it): markup whose
        // parse lol_html cannot tell without the document's tree is refused, not guessed at.
        // The encoding stays lol_html's default (UTF-8) whatever the page's: the handler reads
        // only tag and attribute names, which are ASCII, and every other byte goes through
        // undecoded.
        let mut settings = Settings::new()
            .with_strict(true)
            .append_element_content_handler((
                Cow::Borrowed(&self.every_element),
                ElementContentHandlers::default().element(handler),
            ));
        if foreign {
            settings = settings.append_document_content_handler(
                DocumentContentHandlers::default().text(text_handler),
            );
        }
        let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| {
            out.extend_from_slice(chunk);
        });
        // (After a failed write the rewriter is poisoned and must not be ended.)
        for piece in page.chunks(piece) {
            rewriter.write(piece)?;
        }
        rewriter.end()?;
        removed.letters += letters;
        Ok(Rewritten { page: out, removed })
    }
}

/// Renames `element` (`from`) to `to`, its end tag too when the page wrote one. (Not
/// `Element::set_tag_name`: for an element the page left open, lol_html renames the end tag
/// that closes it, an ancestor's `</div>`.)
fn rename(element: &mut Element<'_, '_>, from: &'static str, to: &'static str) {
    element.start_tag().set_name(to);
    if let Some(handlers) = element.end_tag_handlers() {
        handlers.push(Box::new(move |end: &mut EndTag<'_>| {
            if end.name() == from {
                end.set_name(to);
            }
            Ok(())
        }));
    }
}

/// Removes `element`'s (`name`) tags and keeps its content: its start tag, and its end tag
/// when the page wrote it.
fn unwrap(element: &mut Element<'_, '_>, name: &'static str) {
    element.start_tag().remove();
    if let Some(handlers) = element.end_tag_handlers() {
        handlers.push(Box::new(move |end: &mut EndTag<'_>| {
            if end.name() == name {
                end.remove();
            }
            Ok(())
        }));
    }
}

/// A `<script>`, a `<link>`, or a `<meta>` that declares no charset.
fn is_metadata(element: &Element<'_, '_>) -> bool {
    match element.tag_name().as_str() {
        "script" | "link" => true,
        "meta" => !declares_charset(element),
        _ => false,
    }
}

/// `<meta charset>` or `<meta http-equiv=content-type>`: the page's bytes read differently
/// without it, so the lens keeps it (it names nothing about the article).
fn declares_charset(meta: &Element<'_, '_>) -> bool {
    meta.has_attribute("charset")
        || meta
            .get_attribute("http-equiv")
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("content-type"))
}

/// An attribute that names what its element is (lol_html gives names lower-cased).
fn is_naming_attribute(name: &str) -> bool {
    NAMING_ATTRIBUTES.contains(&name) || name.starts_with("data-")
}

/// One set's figures.
#[derive(Debug)]
pub(crate) struct LensResult {
    pub set: &'static str,
    /// The article pages lol_html would not rewrite, left out of every variant.
    pub unrewritable: Vec<String>,
    pub variants: Vec<VariantResult>,
}

#[derive(Debug)]
pub(crate) struct VariantResult {
    pub variant: Variant,
    pub totals: aeb::Totals,
    /// Pages whose F1 fell by more than [`WORSE`] against the same page served.
    pub lost: usize,
    /// Pages whose truth has text and whose output has none.
    pub empty: usize,
    /// What the rewrite took away from all the pages.
    pub removed: Removed,
}

/// Writes the variants of one set's article pages, runs deboil over each and scores
/// them.
fn lens_set(
    set: &'static str,
    input: &Path,
    truth: &BTreeMap<String, Truth>,
    clean: &Cleaner<'_>,
    rewriter: &Rewriter,
    keep: Option<&Path>,
) -> anyhow::Result<LensResult> {
    let work_dir = sets::WorkDir::new(keep, set)?;
    let work = work_dir.path();
    for variant in Variant::ALL {
        work_dir.fresh_folder(variant.name())?;
    }
    let mut ids = Vec::new();
    let mut unrewritable = Vec::new();
    let mut removed: BTreeMap<&str, Removed> = BTreeMap::new();
    for page in sets::article_pages(input, truth)? {
        let served = sets::read_page_bytes(&page.path)?;
        let rewritten: anyhow::Result<Vec<(Variant, Rewritten)>> = Variant::ALL
            .into_iter()
            .map(|variant| Ok((variant, rewriter.rewrite(&served, variant)?)))
            .collect();
        let rewritten = match rewritten {
            Ok(rewritten) => rewritten,
            Err(error) => {
                eprintln!(
                    "bench: lens: {set}: {} left out: it cannot be rewritten ({error:#})",
                    page.id
                );
                unrewritable.push(page.id);
                continue;
            }
        };
        for (variant, copy) in rewritten {
            let file = work.join(variant.name()).join(format!("{}.html", page.id));
            std::fs::write(&file, &copy.page)
                .with_context(|| format!("cannot write {}", file.display()))?;
            *removed.entry(variant.name()).or_default() += copy.removed;
        }
        ids.push(page.id);
    }
    let mut outputs: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for variant in Variant::ALL {
        let name = variant.name();
        let out = work.join(format!("{name}.out"));
        outputs.insert(name, clean(&work.join(name), &out, name)?);
    }
    let output = |variant: Variant, id: &str| {
        outputs
            .get(variant.name())
            .and_then(|o| o.get(id))
            .map_or("", String::as_str)
    };
    let body = |id: &str| truth.get(id).map_or("", |t| t.article_body.as_str());
    let scores = |variant: Variant| -> Vec<aeb::PageScore> {
        ids.iter()
            .map(|id| aeb::score_page(&variant.truth(body(id)), output(variant, id)))
            .collect()
    };
    let served = scores(Variant::Served);
    let variants = Variant::ALL
        .into_iter()
        .map(|variant| {
            let pages = scores(variant);
            VariantResult {
                variant,
                totals: aeb::totals(&pages),
                lost: served
                    .iter()
                    .zip(&pages)
                    .filter(|(before, after)| before.f1() - after.f1() > WORSE)
                    .count(),
                empty: ids
                    .iter()
                    .filter(|id| {
                        !aeb::tokens(body(id)).is_empty()
                            && aeb::tokens(output(variant, id)).is_empty()
                    })
                    .count(),
                removed: removed.get(variant.name()).copied().unwrap_or_default(),
            }
        })
        .collect();
    Ok(LensResult {
        set,
        unrewritable,
        variants,
    })
}

/// Runs the lens over the HTML sets present in `data` and named in `only` (every one when
/// `only` is empty); `clean` runs deboil over a folder. With `keep`, each set's rewritten
/// pages and deboil's outputs stay in `keep/SET/VARIANT` and `keep/SET/VARIANT.out`.
pub(crate) fn run(
    data: &Path,
    clean: &Cleaner<'_>,
    only: &[&str],
    keep: Option<&Path>,
) -> anyhow::Result<Vec<LensResult>> {
    let rewriter = Rewriter::new()?;
    let mut results = Vec::new();
    for set in &sets::SETS {
        let named = only.contains(&set.name);
        if !only.is_empty() && !named {
            continue;
        }
        if set.format != Format::Html {
            if named {
                eprintln!(
                    "bench: lens: skipping {}: plain text has no markup to take away",
                    set.name
                );
            }
            continue;
        }
        let Some(truth) = sets::read_truth(data, set, "lens")? else {
            continue;
        };
        eprintln!("bench: lens: {}", set.name);
        results.push(lens_set(
            set.name,
            &data.join(set.input),
            &truth,
            clean,
            &rewriter,
            keep,
        )?);
    }
    Ok(results)
}

/// The lens table (Markdown): a row per set and variant.
pub(crate) fn render(results: &[LensResult]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "| {:<13} | {:<7} | {:>5} | {:>9} | {:>6} | {:>6} | {:>9} | {:>4} | {:>5} |",
        "set", "variant", "pages", "precision", "recall", "F1", "vs served", "lost", "empty"
    );
    let _ = writeln!(
        out,
        "|{}|{}|{}|{}|{}|{}|{}|{}|{}|",
        "-".repeat(15),
        "-".repeat(9),
        "-".repeat(6) + ":",
        "-".repeat(10) + ":",
        "-".repeat(7) + ":",
        "-".repeat(7) + ":",
        "-".repeat(10) + ":",
        "-".repeat(5) + ":",
        "-".repeat(6) + ":",
    );
    for result in results {
        let served_f1 = served(result).map_or(0.0, |s| s.totals.f1);
        for v in &result.variants {
            let (change, lost) = match v.variant {
                Variant::Served => (String::new(), String::new()),
                _ => (
                    format!("{:+.4}", v.totals.f1 - served_f1),
                    v.lost.to_string(),
                ),
            };
            let _ = writeln!(
                out,
                "| {:<13} | {:<7} | {:>5} | {:>9.4} | {:>6.4} | {:>6.4} | {change:>9} | {lost:>4} | {:>5} |",
                result.set,
                v.variant.name(),
                v.totals.pages,
                v.totals.precision,
                v.totals.recall,
                v.totals.f1,
                v.empty,
            );
        }
    }
    let _ = writeln!(
        out,
        "\nLens: each set's article pages as served; `nometa` without <script> (JSON-LD too), \
         <link> and <meta> but the charset;\n`bare` also without class, id, role, itemprop, \
         itemtype, itemscope, itemid and data-* attributes;\n`retro` also in HTML 4's \
         elements: article, main, nav, aside, header, footer, section, figure… as div, each <p> \
         as <br><br> and its text;\n`foreign` is `nometa` with each ASCII letter of the text \
         (and of alt, title, aria-label, placeholder) rotated 13 places, the truth's too: words \
         no word list knows. Rewritten by lol_html (bytes otherwise as served).\nAEB metric; lost: pages whose F1 fell by more than {WORSE} \
         against the page served; empty: pages whose truth has text and whose output has none."
    );
    for result in results {
        let removed = |variant: Variant| {
            result
                .variants
                .iter()
                .find(|v| v.variant == variant)
                .map_or(Removed::default(), |v| v.removed)
        };
        let (nometa, bare) = (removed(Variant::Nometa), removed(Variant::Bare));
        let _ = write!(
            out,
            "{}: nometa removed {} elements; bare {} elements and {} attributes; retro renamed {} \
             elements besides; foreign rotated {} letters",
            result.set,
            nometa.elements,
            bare.elements,
            bare.attributes,
            removed(Variant::Retro).renamed,
            removed(Variant::Foreign).letters
        );
        match result.unrewritable.as_slice() {
            [] => out.push_str("; every article page rewritten\n"),
            ids => {
                let _ = writeln!(
                    out,
                    "; {} article pages lol_html cannot rewrite, left out: {}",
                    ids.len(),
                    ids.join(", ")
                );
            }
        }
    }
    out
}

fn served(result: &LensResult) -> Option<&VariantResult> {
    result
        .variants
        .iter()
        .find(|v| v.variant == Variant::Served)
}

/// The lens figures as JSON: per set, its pages left out and, per variant, its figures.
pub(crate) fn json(results: &[LensResult]) -> serde_json::Value {
    serde_json::Value::Object(
        results
            .iter()
            .map(|r| {
                let served_f1 = served(r).map_or(0.0, |s| s.totals.f1);
                let variants: serde_json::Map<String, serde_json::Value> = r
                    .variants
                    .iter()
                    .map(|v| {
                        (
                            v.variant.name().to_string(),
                            serde_json::json!({
                                "pages": v.totals.pages,
                                "precision": v.totals.precision,
                                "recall": v.totals.recall,
                                "f1": v.totals.f1,
                                "f1_change": v.totals.f1 - served_f1,
                                "pages_lost": v.lost,
                                "pages_empty": v.empty,
                                "elements_removed": v.removed.elements,
                                "attributes_removed": v.removed.attributes,
                                "elements_renamed": v.removed.renamed,
                                "letters_rotated": v.removed.letters,
                            }),
                        )
                    })
                    .collect();
                (
                    r.set.to_string(),
                    serde_json::json!({
                        "unrewritable": r.unrewritable,
                        "variants": variants,
                    }),
                )
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with each kind of markup the lens takes away, and each it keeps.
    const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head>\n\
        <meta charset=\"utf-8\">\n\
        <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\">\n\
        <meta name=\"description\" content=\"A story\">\n\
        <meta property=\"og:title\" content=\"Story\" />\n\
        <title>Story &amp; more</title>\n\
        <link rel=\"canonical\" href=\"https://example.com/story\">\n\
        <link rel=stylesheet href=/s.css>\n\
        <script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Story\"}</script>\n\
        <script>if (a < b) { document.write('</p>'); }</script>\n\
        <style>.story { color: red }</style>\n\
        </head>\n\
        <body class=\"home\" data-theme=dark>\n\
        <!-- a comment stays -->\n\
        <div id=main role=\"main\" class='story wide' itemscope itemtype=\"https://schema.org/Article\" itemid=\"#a\">\n\
        <h1 itemprop=\"headline\" data-track-id=\"7\">Story</h1>\n\
        <p>One <a class=\"link\" href=\"/x\" hidden>two</a> <img src=\"/i.jpg\" alt=\"three\" data-src=\"/big.jpg\"> \
        <time datetime=\"2024-01-02\" class=date>Jan 2</time></p>\n\
        <P CLASS=\"Shout\" TITLE=\"t\">Upper case</P>\n\
        <section lang=\"fr\"><p>Caf\u{e9}\n  </p></section>\n\
        <noscript><img class=\"pixel\" src=\"/p.gif\"></noscript>\n\
        <template><div class=\"card\">Card</div></template>\n\
        </div><br class=\"clear\"/></body></html>\n";

    /// [`PAGE`]'s head as every variant but `served` writes it: the charset declarations,
    /// the title and the style stay, each other element's line left empty.
    const HEAD_WITHOUT_METADATA: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head>\n\
        <meta charset=\"utf-8\">\n\
        <META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=utf-8\">\n\
        \n\
        \n\
        <title>Story &amp; more</title>\n\
        \n\
        \n\
        \n\
        \n\
        <style>.story { color: red }</style>\n\
        </head>\n";

    fn rewritten(variant: Variant) -> anyhow::Result<(String, Removed)> {
        let rewritten = Rewriter::new()?.rewrite(PAGE.as_bytes(), variant)?;
        Ok((String::from_utf8(rewritten.page)?, rewritten.removed))
    }

    #[test]
    fn served_is_the_page_as_it_came() -> anyhow::Result<()> {
        assert_eq!(
            rewritten(Variant::Served)?,
            (PAGE.to_string(), Removed::default())
        );
        Ok(())
    }

    #[test]
    fn nometa_removes_scripts_links_and_metas_but_the_charset() -> anyhow::Result<()> {
        let expected = HEAD_WITHOUT_METADATA.to_string()
            + "<body class=\"home\" data-theme=dark>\n\
            <!-- a comment stays -->\n\
            <div id=main role=\"main\" class='story wide' itemscope itemtype=\"https://schema.org/Article\" itemid=\"#a\">\n\
            <h1 itemprop=\"headline\" data-track-id=\"7\">Story</h1>\n\
            <p>One <a class=\"link\" href=\"/x\" hidden>two</a> <img src=\"/i.jpg\" alt=\"three\" data-src=\"/big.jpg\"> \
            <time datetime=\"2024-01-02\" class=date>Jan 2</time></p>\n\
            <P CLASS=\"Shout\" TITLE=\"t\">Upper case</P>\n\
            <section lang=\"fr\"><p>Caf\u{e9}\n  </p></section>\n\
            <noscript><img class=\"pixel\" src=\"/p.gif\"></noscript>\n\
            <template><div class=\"card\">Card</div></template>\n\
            </div><br class=\"clear\"/></body></html>\n";
        assert_eq!(
            rewritten(Variant::Nometa)?,
            (
                expected.to_string(),
                Removed {
                    elements: 6,
                    attributes: 0,
                    renamed: 0,
                    letters: 0
                }
            )
        );
        Ok(())
    }

    #[test]
    fn bare_also_removes_the_attributes_that_name_elements() -> anyhow::Result<()> {
        // Tag names, their case, other attributes (quoted or not) and text as served; a start
        // tag that lost an attribute keeps the others with one space before each.
        let expected = HEAD_WITHOUT_METADATA.to_string()
            + "<body>\n\
            <!-- a comment stays -->\n\
            <div>\n\
            <h1>Story</h1>\n\
            <p>One <a href=\"/x\" hidden>two</a> <img src=\"/i.jpg\" alt=\"three\"> \
            <time datetime=\"2024-01-02\">Jan 2</time></p>\n\
            <P TITLE=\"t\">Upper case</P>\n\
            <section lang=\"fr\"><p>Caf\u{e9}\n  </p></section>\n\
            <noscript><img class=\"pixel\" src=\"/p.gif\"></noscript>\n\
            <template><div>Card</div></template>\n\
            </div><br/></body></html>\n";
        assert_eq!(
            rewritten(Variant::Bare)?,
            (
                expected.to_string(),
                Removed {
                    elements: 6,
                    attributes: 16,
                    renamed: 0,
                    letters: 0
                }
            )
        );
        Ok(())
    }

    #[test]
    fn retro_also_writes_the_page_in_html4_elements() -> anyhow::Result<()> {
        // Bare, and: <section> a div, <time> a span, each <p> (either case) its text after a
        // line break pair, end tags renamed or removed with their start tags.
        let expected = HEAD_WITHOUT_METADATA.to_string()
            + "<body>\n\
            <!-- a comment stays -->\n\
            <div>\n\
            <h1>Story</h1>\n\
            <br><br>One <a href=\"/x\" hidden>two</a> <img src=\"/i.jpg\" alt=\"three\"> \
            <span datetime=\"2024-01-02\">Jan 2</span>\n\
            <br><br>Upper case\n\
            <div lang=\"fr\"><br><br>Caf\u{e9}\n  </div>\n\
            <noscript><img class=\"pixel\" src=\"/p.gif\"></noscript>\n\
            <template><div>Card</div></template>\n\
            </div><br/></body></html>\n";
        assert_eq!(
            rewritten(Variant::Retro)?,
            (
                expected.to_string(),
                Removed {
                    elements: 6,
                    attributes: 16,
                    renamed: 5,
                    letters: 0
                }
            )
        );
        // A paragraph whose end tag the page left out still gets its line breaks, and the
        // end tag that closes it stays its own.
        let page = b"<div><p>One<p>Two</div><section><p>Three</P></section>\
            <p style=\"display:none\">Hidden</p>";
        let retro = Rewriter::new()?.rewrite(page, Variant::Retro)?;
        assert_eq!(
            String::from_utf8(retro.page)?,
            "<div><br><br>One<br><br>Two</div><div><br><br>Three</div>\
             <p style=\"display:none\">Hidden</p>"
        );
        Ok(())
    }

    #[test]
    fn foreign_also_rotates_the_letters_of_the_text() -> anyhow::Result<()> {
        // Nometa, and each ASCII letter of the text and of alt, title, aria-label and
        // placeholder 13 places on; character references, the comment, the style, what
        // <noscript> holds, tag names, other attributes and other characters as served.
        let expected = HEAD_WITHOUT_METADATA.replace("Story &amp; more", "Fgbel &amp; zber")
            + "<body class=\"home\" data-theme=dark>\n\
            <!-- a comment stays -->\n\
            <div id=main role=\"main\" class='story wide' itemscope itemtype=\"https://schema.org/Article\" itemid=\"#a\">\n\
            <h1 itemprop=\"headline\" data-track-id=\"7\">Fgbel</h1>\n\
            <p>Bar <a class=\"link\" href=\"/x\" hidden>gjb</a> <img src=\"/i.jpg\" alt=\"guerr\" data-src=\"/big.jpg\"> \
            <time datetime=\"2024-01-02\" class=date>Wna 2</time></p>\n\
            <P CLASS=\"Shout\" TITLE=\"g\">Hccre pnfr</P>\n\
            <section lang=\"fr\"><p>Pns\u{e9}\n  </p></section>\n\
            <noscript><img class=\"pixel\" src=\"/p.gif\"></noscript>\n\
            <template><div class=\"card\">Pneq</div></template>\n\
            </div><br class=\"clear\"/></body></html>\n";
        let (page, removed) = rewritten(Variant::Foreign)?;
        assert_eq!(page, expected);
        // Story, more, Story, One, two, three, Jan, Upper, case, Café, Card; and t.
        assert_eq!(
            removed,
            Removed {
                elements: 6,
                attributes: 0,
                renamed: 0,
                letters: 5 + 4 + 5 + 3 + 3 + 5 + 3 + 5 + 4 + 3 + 4 + 1
            }
        );
        Ok(())
    }

    #[test]
    fn foreign_rotates_the_truth_as_the_page() {
        assert_eq!(
            Variant::Foreign.truth("Café at 9, or AT&T’s?"),
            "Pnsé ng 9, be NG&G’f?"
        );
        // Rotated twice, a text is itself again.
        assert_eq!(
            rotate_letters(&rotate_letters("Hello, World")),
            "Hello, World"
        );
        assert_eq!(Variant::Retro.truth("Café"), "Café");
    }

    #[test]
    fn character_references_stay_whole_and_words_around_them_rotate() {
        for (markup, rotated) in [
            ("Tom &amp; Jerry", "Gbz &amp; Wreel"),
            ("caf&#233; &#xE9;t&#XE9;", "pns&#233; &#xE9;g&#XE9;"),
            // Not references: no name or digits, or no `;` (read as words).
            ("AT&T & &#; &#x; &amp", "NG&G & &#; &#k; &nzc"),
        ] {
            assert_eq!(rotate_markup_letters(markup).0, rotated, "{markup}");
        }
        assert_eq!(rotate_markup_letters("a&lt;b").1, 2);
        assert_eq!(character_reference_len("&amp;x"), 5);
        assert_eq!(character_reference_len("&#x41;"), 6);
        assert_eq!(character_reference_len("&#65;"), 5);
        assert_eq!(character_reference_len("&amp x"), 0);
        assert_eq!(character_reference_len("&;"), 0);
    }

    #[test]
    fn a_text_node_split_across_chunks_rotates_as_one() -> anyhow::Result<()> {
        // lol_html hands a node's text over in the pieces it came in: a reference written
        // across two writes stays whole, whichever byte the pieces part at.
        let rewriter = Rewriter::new()?;
        let page = "<p>Tom &amp; Jerry</p><p>caf&#233;</p>";
        for piece in 1..=page.len() {
            let rewritten = rewriter.rewrite_in_pieces(page.as_bytes(), Variant::Foreign, piece)?;
            assert_eq!(
                String::from_utf8(rewritten.page)?,
                "<p>Gbz &amp; Wreel</p><p>pns&#233;</p>",
                "{piece}-byte pieces"
            );
        }
        Ok(())
    }

    #[test]
    fn foreign_leaves_out_a_page_that_is_not_utf8() -> anyhow::Result<()> {
        let page = b"<p>\xe9t\xe9</p>";
        assert!(Rewriter::new()?.rewrite(page, Variant::Foreign).is_err());
        assert!(Rewriter::new()?.rewrite(page, Variant::Bare).is_ok());
        Ok(())
    }

    #[test]
    fn a_start_tag_that_loses_attributes_keeps_the_others_as_written() -> anyhow::Result<()> {
        let rewriter = Rewriter::new()?;
        let bare = |page: &str| -> anyhow::Result<String> {
            Ok(String::from_utf8(
                rewriter.rewrite(page.as_bytes(), Variant::Bare)?.page,
            )?)
        };
        assert_eq!(
            bare("<p\n  class=a\ttitle='t'  data-x lang=fr style=>x</p><br id=b />")?,
            "<p title='t' lang=fr style>x</p><br/>"
        );
        // An unquoted value takes the slash: `id=b/` is not self-closing, and goes whole.
        assert_eq!(bare("<p id=b/>x</p>")?, "<p>x</p>");
        // A start tag with nothing to lose is not written anew: its white space stays.
        let page = "<p\n  title='t'  lang=fr >x</p>";
        assert_eq!(bare(page)?, page);
        Ok(())
    }

    #[test]
    fn bytes_that_are_not_utf8_pass_through() -> anyhow::Result<()> {
        // A Latin-1 page: the rewriter reads names, never decodes the text.
        let page = b"<meta name=x><p class=a title=\"\xe9t\xe9\">\xe9t\xe9</p>";
        let rewritten = Rewriter::new()?.rewrite(page, Variant::Bare)?;
        assert_eq!(rewritten.page, b"<p title=\"\xe9t\xe9\">\xe9t\xe9</p>");
        Ok(())
    }

    #[test]
    fn markup_lol_html_cannot_parse_alone_is_an_error_not_a_guess() -> anyhow::Result<()> {
        // Inside <select>, whether <xmp> opens raw text depends on the tree: strict mode
        // refuses it.
        let page = b"<select><xmp><script>var a = 1;</script></xmp></select><p>Text</p>";
        assert!(Rewriter::new()?.rewrite(page, Variant::Nometa).is_err());
        assert!(Rewriter::new()?.rewrite(page, Variant::Served).is_ok());
        Ok(())
    }

    #[test]
    fn naming_attributes() {
        for name in NAMING_ATTRIBUTES.iter().chain(&["data-src", "data-"]) {
            assert!(is_naming_attribute(name), "{name}");
        }
        for name in [
            "href", "src", "alt", "datetime", "hidden", "lang", "title", "data",
        ] {
            assert!(!is_naming_attribute(name), "{name}");
        }
    }
}

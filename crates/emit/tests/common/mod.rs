//! Shared fixtures and parsers for the emit integration tests.
#![allow(dead_code)]

use deboil_detect::{ContentType, EncodingSource, Language};
use deboil_emit::Provenance;
use deboil_strip::{Article, Block, BlockKind, Category, RemovedBlock, Rule};
use serde_yaml_ng::{Mapping, Value};

pub fn provenance() -> Provenance {
    Provenance {
        id: "seeds/001_x".into(),
        source: "seeds/001_x.txt".into(),
        sha256: "3f5a7c0e9b1d2a4f6e8c0b1a3d5f7e9c2b4a6d8f0e1c3b5a7d9f2e4c6b8a0d1f".into(),
        bytes: 2744,
        content_type: ContentType::Text,
        encoding: "UTF-8",
        encoding_source: EncodingSource::Default,
        replaced_sequences: 0,
        mojibake_repaired: 0,
        url: None,
        extra: Vec::new(),
        dataset: None,
        added: None,
        fetched: None,
    }
}

pub fn language() -> Language {
    Language {
        code: "eng",
        confidence: 0.987,
    }
}

pub fn block(kind: BlockKind, text: &str) -> Block {
    Block::new(kind, text.into(), Default::default())
}

pub fn removed(category: Category, rule: Rule, text: &str) -> RemovedBlock {
    RemovedBlock {
        text: text.into(),
        category,
        rule,
    }
}

/// An article with every optional field set.
pub fn full_article() -> Article {
    Article {
        title: Some("Putin promises \"victory\": what it means".into()),
        seo_title: Some("Putin: \"victory\" | What it means".into()),
        authors: vec!["The Kyiv Independent news desk".into(), "Jane Doe".into()],
        publisher: Some("The Kyiv Independent".into()),
        published: Some("2024-01-01T20:19".into()),
        modified: Some("2024-01-02T08:00+02:00".into()),
        site_name: Some("The Kyiv Independent".into()),
        url: Some("https://kyivindependent.com/putin".into()),
        declared_language: Some("en".into()),
        blocks: vec![
            block(BlockKind::Paragraph, "First paragraph of the story."),
            block(BlockKind::Heading, "A subheading"),
            block(BlockKind::ListItem, "a list item"),
            block(BlockKind::Paragraph, "Last paragraph."),
        ],
        removed: vec![
            removed(Category::Audio, Rule::AudioPhrase, "Listen to this article"),
            removed(Category::Navigation, Rule::NavigationLabel, "Home | News"),
            removed(
                Category::Navigation,
                Rule::NavigationPhrase,
                "Skip to content",
            ),
        ],
        overruled: Vec::new(),
        // Its body is the page's text (`body_source` has its own test).
        body_from_description: false,
        markup: false,
        site_shares: Vec::new(),
    }
}

/// Splits a `Txt` render into the parsed front matter and the rest.
pub fn split(output: &str) -> (Mapping, String, String) {
    let rest = output
        .strip_prefix("---\n")
        .unwrap_or_else(|| panic!("no opening ---: {output:?}"));
    let end = rest
        .find("\n---\n")
        .unwrap_or_else(|| panic!("no closing ---: {output:?}"));
    let yaml = &rest[..end + 1];
    let body = &rest[end + 5..];
    let mapping: Mapping = serde_yaml_ng::from_str(yaml)
        .unwrap_or_else(|e| panic!("front matter does not parse: {e}\n{yaml}"));
    (mapping, yaml.to_owned(), body.to_owned())
}

pub fn get<'a>(m: &'a Mapping, key: &str) -> Option<&'a Value> {
    m.get(Value::String(key.into()))
}

pub fn get_str<'a>(m: &'a Mapping, key: &str) -> &'a str {
    match get(m, key) {
        Some(Value::String(s)) => s,
        other => panic!("{key}: expected a string, got {other:?}"),
    }
}

/// The top-level keys of a front matter, in order.
pub fn top_keys(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_owned()))
        .collect()
}

/// Deterministic xorshift64*: property tests without extra crates.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that are hard for YAML, glued together at random.
const PIECES: &[&str] = &[
    "a",
    "Zz",
    "word",
    " ",
    "  ",
    ": ",
    ":",
    " #",
    "#",
    "-",
    "- ",
    "?",
    ",",
    "[",
    "]",
    "{",
    "}",
    "&",
    "*",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "\\",
    "\n",
    "\r",
    "\t",
    "\r\n",
    "\u{0}",
    "\u{1}",
    "\u{1b}",
    "\u{1f}",
    "\u{7f}",
    "\u{80}",
    "\u{85}",
    "\u{9f}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{fffd}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{e000}",
    "\u{200f}",
    "\u{10ffff}",
    "😀",
    "👩‍👩‍👧",
    "עברית",
    "عربي",
    "日本語",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "null",
    "~",
    "true",
    "0",
    "1",
    "9",
    "1.0",
    ".",
    ".5",
    "0x10",
    "0o7",
    "0b1",
    "1e5",
    "e",
    "E",
    "+",
    "_",
    "1:30",
    "1,000",
    ".inf",
    ".NaN",
    "2024-01-01",
    "2024",
    "T20:19",
    "Z",
    "---",
    "...",
    "<<",
    "=",
    "\\n",
    "\\x41",
    "\\u2028",
];

pub fn nasty_string(rng: &mut Rng) -> String {
    let n = rng.below(7);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
    }
    s
}

/// Hand-picked hostile titles and authors.
pub fn nasty_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "He said \"hi\" and 'bye'",
        "back\\slash \\n not a newline",
        "Breaking: war",
        "a: b",
        "key:",
        "Issue #5",
        "a #comment",
        "#hashtag",
        "-dash",
        "- not a list",
        "--- document",
        "...",
        "*alias",
        "&anchor",
        "!tag",
        "!!str",
        "%YAML",
        "@handle",
        "`code`",
        "'single'",
        "\"double\"",
        "[flow, seq]",
        "{flow: map}",
        "? question",
        ": colon",
        "|literal",
        ">folded",
        ",comma",
        "yes",
        "No",
        "TRUE",
        "off",
        "y",
        "n",
        "null",
        "Null",
        "~",
        "1.0",
        "1",
        "-1",
        "+1",
        ".5",
        "1e10",
        "1_000",
        "1,000",
        "0x10",
        "0o17",
        "0b101",
        "017",
        "1:30",
        "190:20:30.15",
        ".inf",
        "-.inf",
        ".NaN",
        "2024-01-01",
        "2024-01-01T20:19",
        "2001-12-14t21:59:43.10-05:00",
        "2002-12-14",
        "<<",
        "=",
        "line one\nline two",
        "trailing newline\n",
        "\nleading newline",
        "cr\rlf\r\n",
        "tab\there",
        "\ttab first",
        "nul\u{0}bell\u{7}esc\u{1b}del\u{7f}",
        "c1 \u{80}\u{9f}",
        "nel\u{85}here",
        "ls\u{2028}ps\u{2029}",
        "\u{feff}bom first",
        "bom\u{feff}inside",
        "non\u{fffe}char\u{ffff}",
        "emoji 😀🎉 👩‍👩‍👧",
        "RTL: עברית وعربي \u{200f}mark",
        "日本語のタイトル",
        "\u{a0}nbsp\u{a0}",
        " leading space",
        "trailing space ",
        "   ",
        "plain title",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("long ".repeat(20_000));
    v.push("é".repeat(70_000) + ": x");
    v
}

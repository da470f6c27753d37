//! The YAML front matter: exact format, field order, omission rules, and that every string
//! survives a round trip through a real YAML parser.

mod common;

use common::*;
use deboil_emit::{Document, Format, VERSION, render, yaml_scalar};
use deboil_strip::{Article, BlockKind, Category, Rule};
use serde_yaml_ng::{Mapping, Value};

fn txt(p: &deboil_emit::Provenance, a: &Article) -> String {
    let lang = language();
    render(
        &Document {
            provenance: p,
            article: a,
            language: &lang,
        },
        Format::Txt,
        true,
    )
}

/// Parses `scalar` as a mapping value and as a sequence item; both must give back `s`.
fn assert_scalar_round_trips(s: &str) {
    let scalar = yaml_scalar(s);
    assert!(!scalar.contains('\n'), "scalar is not one line: {scalar:?}");
    let as_value = format!("k: {scalar}\n");
    let m: Mapping =
        serde_yaml_ng::from_str(&as_value).unwrap_or_else(|e| panic!("{s:?} -> {scalar:?}: {e}"));
    assert_eq!(
        get(&m, "k"),
        Some(&Value::String(s.into())),
        "{s:?} -> {scalar:?}"
    );
    let as_item = format!("k:\n  - {scalar}\n  - {scalar}\n");
    let m: Mapping =
        serde_yaml_ng::from_str(&as_item).unwrap_or_else(|e| panic!("{s:?} -> {scalar:?}: {e}"));
    let expected = Value::Sequence(vec![Value::String(s.into()), Value::String(s.into())]);
    assert_eq!(get(&m, "k"), Some(&expected), "{s:?} -> {scalar:?}");
}

/// Renders a full document with `title` and `authors`, parses the header, checks both.
fn assert_header_round_trips(title: &str, authors: &[String]) {
    let mut a = full_article();
    a.title = Some(title.into());
    a.authors = authors.to_vec();
    let out = txt(&provenance(), &a);
    let (m, yaml, _) = split(&out);
    if title.is_empty() {
        assert!(get(&m, "title").is_none(), "empty title is unknown");
    } else {
        assert_eq!(get_str(&m, "title"), title, "header:\n{yaml}");
    }
    let kept: Vec<Value> = authors
        .iter()
        .filter(|s| !s.is_empty())
        .map(|s| Value::String(s.clone()))
        .collect();
    if kept.is_empty() {
        assert!(get(&m, "author").is_none());
    } else {
        assert_eq!(
            get(&m, "author"),
            Some(&Value::Sequence(kept)),
            "header:\n{yaml}"
        );
    }
    // The fields around the hostile ones are undisturbed.
    assert_eq!(get_str(&m, "site_name"), "The Kyiv Independent");
    assert_eq!(get_str(&m, "deboil"), VERSION);
}

#[test]
fn exact_header_and_body() {
    let out = txt(&provenance(), &full_article());
    let expected = format!(
        "---
source: seeds/001_x.txt
sha256: 3f5a7c0e9b1d2a4f6e8c0b1a3d5f7e9c2b4a6d8f0e1c3b5a7d9f2e4c6b8a0d1f
bytes: 2744
content_type: text
encoding: UTF-8
encoding_source: default
language: eng
language_confidence: 0.99
title: \"Putin promises \\\"victory\\\": what it means\"
seo_title: \"Putin: \\\"victory\\\" | What it means\"
author:
  - The Kyiv Independent news desk
  - Jane Doe
publisher: The Kyiv Independent
published: \"2024-01-01T20:19\"
modified: \"2024-01-02T08:00+02:00\"
site_name: The Kyiv Independent
url: https://kyivindependent.com/putin
declared_language: en
words: 12
kept_blocks: 4
stripped:
  navigation: 2
  audio: 1
deboil: {VERSION}
---
First paragraph of the story.

A subheading

- a list item

Last paragraph.
"
    );
    assert_eq!(out, expected);
}

#[test]
fn header_values_parse_back() {
    let out = txt(&provenance(), &full_article());
    let (m, _, body) = split(&out);
    assert_eq!(get_str(&m, "source"), "seeds/001_x.txt");
    assert_eq!(get_str(&m, "sha256"), provenance().sha256);
    assert_eq!(get(&m, "bytes"), Some(&Value::from(2744)));
    assert_eq!(get_str(&m, "content_type"), "text");
    assert_eq!(get_str(&m, "encoding"), "UTF-8");
    assert_eq!(get_str(&m, "encoding_source"), "default");
    assert_eq!(get_str(&m, "language"), "eng");
    assert_eq!(get(&m, "language_confidence"), Some(&Value::from(0.99)));
    assert_eq!(get_str(&m, "published"), "2024-01-01T20:19");
    assert_eq!(
        get_str(&m, "seo_title"),
        "Putin: \"victory\" | What it means"
    );
    assert_eq!(get_str(&m, "publisher"), "The Kyiv Independent");
    assert_eq!(get_str(&m, "modified"), "2024-01-02T08:00+02:00");
    assert_eq!(get_str(&m, "url"), "https://kyivindependent.com/putin");
    assert_eq!(get_str(&m, "declared_language"), "en");
    assert_eq!(get(&m, "words"), Some(&Value::from(12)));
    assert_eq!(get(&m, "kept_blocks"), Some(&Value::from(4)));
    let stripped: Mapping = serde_yaml_ng::from_str("navigation: 2\naudio: 1\n").unwrap();
    assert_eq!(get(&m, "stripped"), Some(&Value::Mapping(stripped)));
    assert_eq!(get_str(&m, "deboil"), VERSION);
    assert_eq!(body, format!("{}\n", full_article().body()));
}

#[test]
fn field_order_with_everything() {
    let mut p = provenance();
    p.replaced_sequences = 3;
    p.mojibake_repaired = 5;
    let (m, yaml, _) = split(&txt(&p, &full_article()));
    assert_eq!(
        top_keys(&yaml),
        [
            "source",
            "sha256",
            "bytes",
            "content_type",
            "encoding",
            "encoding_source",
            "replaced_sequences",
            "mojibake_repaired",
            "language",
            "language_confidence",
            "title",
            "seo_title",
            "author",
            "publisher",
            "published",
            "modified",
            "site_name",
            "url",
            "declared_language",
            "words",
            "kept_blocks",
            "stripped",
            "deboil",
        ]
    );
    assert_eq!(get(&m, "replaced_sequences"), Some(&Value::from(3)));
    assert_eq!(get(&m, "mojibake_repaired"), Some(&Value::from(5)));
}

#[test]
fn unknowns_omitted_and_empty_stripped() {
    let a = Article {
        blocks: vec![block(BlockKind::Paragraph, "Only text.")],
        ..Article::default()
    };
    let out = txt(&provenance(), &a);
    let (m, yaml, body) = split(&out);
    assert_eq!(
        top_keys(&yaml),
        [
            "source",
            "sha256",
            "bytes",
            "content_type",
            "encoding",
            "encoding_source",
            "language",
            "language_confidence",
            "words",
            "kept_blocks",
            "stripped",
            "deboil",
        ]
    );
    assert!(yaml.contains("\nstripped: {}\n"), "{yaml}");
    assert_eq!(get(&m, "stripped"), Some(&Value::Mapping(Mapping::new())));
    assert_eq!(body, "Only text.\n");

    // Empty strings count as unknown too.
    let a = Article {
        title: Some(String::new()),
        authors: vec![String::new()],
        published: Some(String::new()),
        site_name: Some(String::new()),
        url: Some(String::new()),
        declared_language: Some(String::new()),
        ..a
    };
    assert_eq!(txt(&provenance(), &a), out);
}

#[test]
fn stripped_follows_category_order() {
    let mut a = full_article();
    a.removed = Category::ALL
        .iter()
        .rev()
        .flat_map(|&c| {
            [
                removed(c, Rule::ShortRun, "x"),
                removed(c, Rule::ShortRun, "y"),
            ]
        })
        .collect();
    let (_, yaml, _) = split(&txt(&provenance(), &a));
    let mut expected = String::from("stripped:\n");
    for c in Category::ALL {
        expected.push_str(&format!("  {}: 2\n", c.as_str()));
    }
    assert!(yaml.contains(&expected), "{yaml}");
}

#[test]
fn url_precedence() {
    let a = full_article();
    let mut p = provenance();
    p.url = Some("https://warc.example/record".into());
    let (m, _, _) = split(&txt(&p, &a));
    assert_eq!(get_str(&m, "url"), "https://warc.example/record");

    p.url = None;
    let (m, _, _) = split(&txt(&p, &a));
    assert_eq!(get_str(&m, "url"), "https://kyivindependent.com/putin");

    let a = Article { url: None, ..a };
    let (m, _, _) = split(&txt(&p, &a));
    assert!(get(&m, "url").is_none());
}

#[test]
fn no_header_is_body_alone() {
    let a = full_article();
    let p = provenance();
    let lang = language();
    let doc = Document {
        provenance: &p,
        article: &a,
        language: &lang,
    };
    assert_eq!(render(&doc, Format::Txt, false), format!("{}\n", a.body()));

    let empty = Article::default();
    let doc = Document {
        article: &empty,
        ..doc
    };
    assert_eq!(render(&doc, Format::Txt, false), "\n");
}

#[test]
fn empty_body_still_has_valid_header() {
    let out = txt(&provenance(), &Article::default());
    let (m, _, body) = split(&out);
    assert_eq!(body, "\n");
    assert_eq!(get(&m, "words"), Some(&Value::from(0)));
    assert_eq!(get(&m, "kept_blocks"), Some(&Value::from(0)));
}

#[test]
fn body_ends_in_exactly_one_newline() {
    let a = Article {
        blocks: vec![
            block(BlockKind::Paragraph, "Intro."),
            block(BlockKind::Preformatted, "fn main() {}\n\n"),
        ],
        ..Article::default()
    };
    let out = txt(&provenance(), &a);
    assert!(
        out.ends_with("fn main() {}\n") && !out.ends_with("\n\n"),
        "{out:?}"
    );
}

#[test]
fn deterministic() {
    let mut p = provenance();
    p.replaced_sequences = 1;
    let a = full_article();
    assert_eq!(txt(&p, &a), txt(&p, &a));
    assert_eq!(
        txt(&p, &a).as_bytes(),
        txt(&p.clone(), &a.clone()).as_bytes()
    );
}

#[test]
fn confidence_has_two_decimals() {
    for (c, s) in [
        (0.0, "0.00"),
        (1.0, "1.00"),
        (0.5, "0.50"),
        (0.987, "0.99"),
        (-0.0, "0.00"),
        (f64::NAN, "0.00"),
        (2.0, "1.00"),
    ] {
        let lang = deboil_detect::Language {
            code: "und",
            confidence: c,
        };
        let p = provenance();
        let a = full_article();
        let out = render(
            &Document {
                provenance: &p,
                article: &a,
                language: &lang,
            },
            Format::Txt,
            true,
        );
        assert!(
            out.contains(&format!("\nlanguage_confidence: {s}\n")),
            "{c}: {out}"
        );
    }
}

#[test]
fn nasty_scalars_round_trip() {
    for s in nasty_strings() {
        assert_scalar_round_trips(&s);
    }
    assert_scalar_round_trips("");
}

#[test]
fn nasty_titles_and_authors_round_trip() {
    let all = nasty_strings();
    for s in &all {
        assert_header_round_trips(s, &[s.clone(), "Plain Author".into()]);
    }
    assert_header_round_trips("t", &all);
}

#[test]
fn yaml_11_traps_are_quoted() {
    // serde_yaml_ng follows YAML 1.2 and would read some of these back as strings even when
    // plain; YAML 1.1 parsers (PyYAML & co.) would not, so they must be quoted.
    for s in [
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "~",
        "null",
        "2024-01-01",
        "1:30",
        "0o17",
        "017",
        "1_000",
        "1,000",
        "+1",
        ".5",
        ".inf",
        "<<",
        "=",
    ] {
        assert!(
            yaml_scalar(s).starts_with('"'),
            "{s:?} -> {}",
            yaml_scalar(s)
        );
    }
}

#[test]
fn plain_where_unambiguous() {
    for s in [
        "UTF-8",
        "windows-1251",
        "default",
        "eng",
        "0.1.0",
        "https://example.com/a?b=c#frag",
        "seeds/001_x.txt",
        "C# tips",
        "10 things",
        "Jane O'Neil",
    ] {
        assert_eq!(yaml_scalar(s), s);
    }
}

#[test]
fn generated_strings_round_trip() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..20_000 {
        let s = nasty_string(&mut rng);
        assert_scalar_round_trips(&s);
        if i % 20 == 0 {
            let other = nasty_string(&mut rng);
            assert_header_round_trips(&s, &[other, s.clone()]);
        }
    }
}

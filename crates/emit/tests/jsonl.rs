//! The JSONL record (same metadata as the YAML header) and the `--explain` report.

mod common;

use common::*;
use deboil_emit::{Document, Format, Provenance, VERSION, removed_report, render};
use deboil_strip::{Article, Category, Rule};
use serde_json::{Value, json};

fn both(p: &Provenance, a: &Article) -> (String, String) {
    let lang = language();
    let doc = Document {
        provenance: p,
        article: a,
        language: &lang,
    };
    (
        render(&doc, Format::Jsonl, true),
        render(&doc, Format::Txt, true),
    )
}

/// The JSONL metadata must equal the YAML header, value for value.
fn assert_same_metadata(p: &Provenance, a: &Article) -> Value {
    let (line, txt) = both(p, a);
    assert!(line.ends_with('\n'));
    assert_eq!(line.matches('\n').count(), 1, "{line:?}");
    let record: Value = serde_json::from_str(&line).unwrap();
    let (yaml, _, body) = split(&txt);
    let yaml_as_json = serde_json::to_value(&yaml).unwrap();
    assert_eq!(record["metadata"], yaml_as_json);
    assert_eq!(
        record["text"],
        Value::String(body.trim_end_matches('\n').into())
    );
    assert_eq!(record["id"], Value::String(p.id.clone()));
    record
}

#[test]
fn record_shape_and_values() {
    let mut p = provenance();
    p.replaced_sequences = 2;
    p.url = Some("https://warc.example/r".into());
    let a = full_article();
    let record = assert_same_metadata(&p, &a);
    assert_eq!(
        record,
        json!({
            "id": "seeds/001_x",
            "text": a.body(),
            "metadata": {
                "source": "seeds/001_x.txt",
                "sha256": p.sha256,
                "bytes": 2744,
                "content_type": "text",
                "encoding": "UTF-8",
                "encoding_source": "default",
                "replaced_sequences": 2,
                "language": "eng",
                "language_confidence": 0.99,
                "title": "Putin promises \"victory\": what it means",
                "seo_title": "Putin: \"victory\" | What it means",
                "author": ["The Kyiv Independent news desk", "Jane Doe"],
                "publisher": "The Kyiv Independent",
                "published": "2024-01-01T20:19",
                "modified": "2024-01-02T08:00+02:00",
                "site_name": "The Kyiv Independent",
                "url": "https://warc.example/r",
                "declared_language": "en",
                "words": 12,
                "kept_blocks": 4,
                "stripped": {"navigation": 2, "audio": 1},
                "deboil": VERSION,
            }
        })
    );
}

#[test]
fn key_order() {
    let mut p = provenance();
    p.replaced_sequences = 2;
    let (line, _) = both(&p, &full_article());
    let keys = [
        "\"id\":",
        "\"text\":",
        "\"metadata\":",
        "\"source\":",
        "\"sha256\":",
        "\"bytes\":",
        "\"content_type\":",
        "\"encoding\":",
        "\"encoding_source\":",
        "\"replaced_sequences\":",
        "\"language\":",
        "\"language_confidence\":",
        "\"title\":",
        "\"seo_title\":",
        "\"author\":",
        "\"publisher\":",
        "\"published\":",
        "\"modified\":",
        "\"site_name\":",
        "\"url\":",
        "\"declared_language\":",
        "\"words\":",
        "\"kept_blocks\":",
        "\"stripped\":{\"navigation\":2,\"audio\":1}",
        "\"deboil\":",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| {
            line.find(k)
                .unwrap_or_else(|| panic!("{k} missing: {line}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
}

#[test]
fn omissions_match_yaml() {
    let a = Article::default();
    let record = assert_same_metadata(&provenance(), &a);
    let meta = record["metadata"].as_object().unwrap();
    for key in [
        "replaced_sequences",
        "title",
        "seo_title",
        "author",
        "publisher",
        "published",
        "modified",
        "site_name",
        "url",
        "declared_language",
    ] {
        assert!(!meta.contains_key(key), "{key}");
    }
    assert_eq!(meta["stripped"], json!({}));
    assert_eq!(record["text"], "");
}

#[test]
fn header_flag_is_ignored() {
    let p = provenance();
    let a = full_article();
    let lang = language();
    let doc = Document {
        provenance: &p,
        article: &a,
        language: &lang,
    };
    assert_eq!(
        render(&doc, Format::Jsonl, true),
        render(&doc, Format::Jsonl, false)
    );
}

#[test]
fn nasty_strings_agree_with_yaml() {
    let all = nasty_strings();
    for s in &all {
        let mut a = full_article();
        a.title = Some(s.clone());
        a.authors = vec![s.clone()];
        a.blocks[0].text = s.clone();
        assert_same_metadata(&provenance(), &a);
    }
    let mut rng = Rng(42);
    for _ in 0..500 {
        let mut a = full_article();
        a.title = Some(nasty_string(&mut rng));
        a.authors = vec![nasty_string(&mut rng), nasty_string(&mut rng)];
        a.site_name = Some(nasty_string(&mut rng));
        assert_same_metadata(&provenance(), &a);
    }
}

#[test]
fn removed_report_lines() {
    let mut a = full_article();
    a.removed = vec![
        removed(
            Category::Newsletter,
            Rule::NewsletterPhrase,
            "Sign up\nfor our\r\nnewsletter",
        ),
        removed(Category::Share, Rule::ShareStrip, "tab\tseparated"),
        removed(Category::Other, Rule::ShortRun, &"é".repeat(250)),
        removed(Category::Legal, Rule::LegalPhrase, &"x".repeat(200)),
    ];
    a.overruled = vec![deboil_strip::OverruledBlock {
        text: "Kept\nafter all".into(),
        category: Category::Legal,
        rule: Rule::HtmlClassFooter,
        judge: deboil_strip::Ruling::LostArticle,
    }];
    let p = provenance();
    let lang = language();
    let report = removed_report(&Document {
        provenance: &p,
        article: &a,
        language: &lang,
    });
    let expected = format!(
        "newsletter\tnewsletter.phrase\tSign up for our  newsletter\n\
         share\tshare.strip\ttab separated\n\
         other\tshort.run\t{}…\n\
         legal\tlegal.phrase\t{}\n\
         kept\tjudge.lost_article over legal html.class.footer\tKept after all\n",
        "é".repeat(200),
        "x".repeat(200)
    );
    assert_eq!(report, expected);
    assert!(report.lines().all(|l| l.split('\t').count() == 3));

    let empty = Article::default();
    let report = removed_report(&Document {
        provenance: &p,
        article: &empty,
        language: &lang,
    });
    assert_eq!(report, "");
}

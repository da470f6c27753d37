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
    // The fields corpus pipelines look for are JSONL only.
    let mut metadata = record["metadata"].clone();
    for key in JSONL_ONLY {
        metadata.as_object_mut().unwrap().remove(key);
    }
    assert_eq!(metadata, yaml_as_json);
    assert_eq!(
        record["text"],
        Value::String(body.trim_end_matches('\n').into())
    );
    assert_eq!(record["id"], Value::String(p.id.clone()));
    record
}

const JSONL_ONLY: [&str; 3] = ["text_sha256", "domain", "language_score"];

#[test]
fn record_shape_and_values() {
    let mut p = provenance();
    p.replaced_sequences = 2;
    p.mojibake_repaired = 4;
    p.url = Some("https://warc.example/r".into());
    let a = full_article();
    let record = assert_same_metadata(&p, &a);
    assert_eq!(
        record,
        json!({
            "id": "seeds/001_x",
            "text": a.body(),
            "source": "seeds/001_x.txt",
            "created": "2024-01-01T20:19",
            "version": VERSION,
            "metadata": {
                "source": "seeds/001_x.txt",
                "sha256": p.sha256,
                "bytes": 2744,
                "content_type": "text",
                "encoding": "UTF-8",
                "encoding_source": "default",
                "replaced_sequences": 2,
                "mojibake_repaired": 4,
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
                "text_sha256": sha256_hex(a.body().as_bytes()),
                "domain": "warc.example",
                "language_score": 0.99,
            }
        })
    );
}

#[test]
fn key_order() {
    let mut p = provenance();
    p.replaced_sequences = 2;
    p.mojibake_repaired = 4;
    let (line, _) = both(&p, &full_article());
    let keys = [
        "\"id\":",
        "\"text\":",
        "\"source\":",
        "\"created\":",
        "\"version\":",
        "\"metadata\":",
        "\"sha256\":",
        "\"bytes\":",
        "\"content_type\":",
        "\"encoding\":",
        "\"encoding_source\":",
        "\"replaced_sequences\":",
        "\"mojibake_repaired\":",
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
        "\"text_sha256\":",
        "\"domain\":",
        "\"language_score\":",
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
        "mojibake_repaired",
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

    // A body that is the page's description says so, after the judge's other lines.
    a.body_from_description = true;
    a.blocks = vec![deboil_strip::Block::new(
        deboil_strip::BlockKind::Paragraph,
        "What the shell's description says.".into(),
        deboil_strip::Layout::default(),
    )];
    let report = removed_report(&Document {
        provenance: &p,
        article: &a,
        language: &lang,
    });
    assert!(
        report.ends_with(
            "kept\tjudge.lost_article over legal html.class.footer\tKept after all\n\
             kept\tjudge.description\tWhat the shell's description says.\n"
        ),
        "{report}"
    );

    let empty = Article::default();
    let report = removed_report(&Document {
        provenance: &p,
        article: &empty,
        language: &lang,
    });
    assert_eq!(report, "");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn dolma_fields_come_from_the_provenance() {
    let mut p = provenance();
    p.dataset = Some("common-crawl".into());
    p.added = Some("2026-12-04T12:00:00Z".into());
    p.fetched = Some("2024-05-01T10:00:00Z".into());
    p.url = Some("https://User@WWW.Example.com:8080/a?b#c".into());
    let a = Article::default();
    let record = assert_same_metadata(&p, &a);
    assert_eq!(record["source"], "common-crawl");
    assert_eq!(record["added"], "2026-12-04T12:00:00Z");
    // No publication date on the page: when it was fetched.
    assert_eq!(record["created"], "2024-05-01T10:00:00Z");
    assert_eq!(record["version"], VERSION);
    assert_eq!(record["metadata"]["domain"], "www.example.com");
    assert_eq!(record["metadata"]["text_sha256"], sha256_hex(b""));
    p.url = Some("http://[::1]:80/x".into());
    let record = assert_same_metadata(&p, &a);
    assert_eq!(record["metadata"]["domain"], "[::1]");
    p.url = Some("not a url".into());
    let record = assert_same_metadata(&p, &a);
    assert!(record["metadata"].get("domain").is_none());
}

#[test]
fn extra_fields_follow_and_never_shadow_deboils_own() {
    let mut p = provenance();
    p.extra = vec![
        ("date".into(), json!("2024-05-01")),
        ("source".into(), json!("theirs")),
        ("record_source".into(), json!("taken")),
        ("domain".into(), json!(7)),
    ];
    let (line, txt) = both(&p, &Article::default());
    let record: Value = serde_json::from_str(&line).unwrap();
    let meta = &record["metadata"];
    assert_eq!(meta["source"], "seeds/001_x.txt");
    assert_eq!(meta["date"], "2024-05-01");
    assert_eq!(meta["record_source"], "theirs");
    assert_eq!(meta["record_record_source"], "taken");
    assert_eq!(meta["record_domain"], 7);
    assert!(line.find("\"deboil\":").unwrap() < line.find("\"date\":").unwrap());
    // The header carries the same extra fields under the same keys.
    assert!(
        txt.contains("\nrecord_source: theirs\nrecord_record_source: taken\n"),
        "{txt}"
    );
    assert!(txt.contains("\nrecord_domain: 7\n---\n"), "{txt}");
}

#[test]
fn a_body_from_the_description_says_so_in_both_formats() {
    let mut a = Article {
        blocks: vec![deboil_strip::Block::new(
            deboil_strip::BlockKind::Paragraph,
            "All a script's shell says of its article.".into(),
            deboil_strip::Layout::default(),
        )],
        ..Article::default()
    };
    let record = assert_same_metadata(&provenance(), &a);
    assert_eq!(record["metadata"].get("body_source"), None);
    a.body_from_description = true;
    let record = assert_same_metadata(&provenance(), &a);
    assert_eq!(record["metadata"]["body_source"], "description");
    // After the counts of what was kept, before what was stripped, in both formats.
    let (line, txt) = both(&provenance(), &a);
    assert!(line.contains(r#""kept_blocks":1,"body_source":"description","stripped":"#));
    assert!(txt.contains("\nkept_blocks: 1\nbody_source: description\nstripped: {}\n"));
}

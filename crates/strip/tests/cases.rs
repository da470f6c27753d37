//! Data-driven tests: every `cases/{text,html}/NAME.{txt,html}` page is stripped and the
//! result, rendered as a short report, must equal `NAME.expected` beside it.
//!
//! The report lists the header fields, then every block in page order: `+ kind: text` for
//! kept blocks and `- category (rule): text` for removed ones; then, when the judge kept
//! blocks against the rules, `= judge.rule over category (rule): text` for each. To add a case, write the page,
//! run `DEBOIL_BLESS=1 cargo test -p deboil-strip --test cases`, then READ the new `.expected`
//! file line by line before committing it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use deboil_strip::{Article, BlockKind, strip_html, strip_text};

fn report(article: &Article) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "title: {}", article.title.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "authors: {}", article.authors.join("; "));
    let _ = writeln!(
        out,
        "published: {}",
        article.published.as_deref().unwrap_or("-")
    );
    let _ = writeln!(out, "kept:");
    for block in &article.blocks {
        let kind = match block.kind {
            BlockKind::Paragraph => "p",
            BlockKind::Heading => "h",
            BlockKind::ListItem => "li",
            BlockKind::Quote => "quote",
            BlockKind::Preformatted => "pre",
            BlockKind::TableRow => "tr",
        };
        let _ = writeln!(out, "+ {kind}: {}", block.text);
    }
    let _ = writeln!(out, "removed:");
    for removed in &article.removed {
        let _ = writeln!(out, "- {}: {}", removed.category.as_str(), removed.text);
    }
    if !article.overruled.is_empty() {
        let _ = writeln!(out, "kept by the judge:");
        for kept in &article.overruled {
            let _ = writeln!(
                out,
                "= {} over {} ({}): {}",
                kept.judge,
                kept.category.as_str(),
                kept.rule,
                kept.text
            );
        }
    }
    out
}

fn cases(dir: &str, ext: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(dir);
    let mut paths: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", root.display());
    paths
}

fn run(dir: &str, ext: &str, strip: fn(&str) -> Article) {
    let bless = std::env::var_os("DEBOIL_BLESS").is_some();
    let mut failures = Vec::new();
    for path in cases(dir, ext) {
        let page = fs::read_to_string(&path).unwrap();
        let actual = report(&strip(&page));
        let expected_path = path.with_extension("expected");
        if bless {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            let diff = similar::TextDiff::from_lines(&expected, &actual)
                .unified_diff()
                .header("expected", "actual")
                .to_string();
            failures.push(format!("{}\n{diff}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn text_cases() {
    run("text", "txt", strip_text);
}

#[test]
fn html_cases() {
    run("html", "html", strip_html);
}

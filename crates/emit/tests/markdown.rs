//! Markdown output, as data: every `markdown/NAME.html` page is stripped and its markdown
//! body must equal `markdown/NAME.md` beside it. To add a case, write the page, run
//! `DEBOIL_BLESS=1 cargo test -p deboil-emit --test markdown`, then READ the new `.md`.

// Tests read their case pages; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fs;
use std::path::Path;

use deboil_emit::markdown;
use deboil_strip::{strip_html, strip_text};

#[test]
fn html_pages_match_their_markdown() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/markdown");
    let mut pages: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 4, "cases missing in {}", root.display());
    let bless = std::env::var_os("DEBOIL_BLESS").is_some();
    let mut failed = Vec::new();
    for page in &pages {
        let got = markdown(&strip_html(&fs::read_to_string(page).unwrap())) + "\n";
        let expected_path = page.with_extension("md");
        if bless {
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            eprintln!("--- {}\n{got}", expected_path.display());
            failed.push(expected_path.display().to_string());
        }
    }
    assert!(failed.is_empty(), "markdown differs: {failed:?}");
}

/// Plain text has no markup to carry: its markdown is its plain body, unescaped.
#[test]
fn plain_text_markdown_is_its_body() {
    let page = "Tides of the northern coast\n\n\
        The coast sees two high tides a day, and their height changes with the moon in ways \
        that fishermen have recorded for centuries, in *logs* kept at the harbour office.\n\n\
        - the first item of a list\n- the second item of a list\n\n\
        The ranges are largest in March, when the equinox brings the strongest pull of the \
        year on the water of the bay and the river mouth.\n";
    let article = strip_text(page);
    assert!(!article.is_empty());
    assert_eq!(markdown(&article), article.body());
}

/// The plain body of a page with structure keeps its old shape: table cells joined by
/// ` | `, list items as `- `, no heading marks.
#[test]
fn plain_body_is_unchanged_by_structure() {
    let page = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/markdown/de-fahrplan-tabelle.html"),
    )
    .unwrap();
    let body = strip_html(&page).body();
    assert!(body.contains("\n\nSamstag | 6:12 | 6:40\n\n"), "{body}");
    assert!(
        body.contains("\n\n- Nordbahnhof heißt künftig Am Stadtpark.\n\n"),
        "{body}"
    );
    assert!(!body.contains('#'), "{body}");
}

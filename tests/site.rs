//! `--site-learning`: a hand-made site of five pages (a menu and a shop promo on every page,
//! a standard disclaimer inside every article) in files and in a JSONL container. The promo
//! and the menu go as `site.repeat`, the disclaimer stays; `--jobs` and input order do not
//! change the output.

mod common;

use std::path::Path;

use common::{assert_exit, deboil};

const ARTICLES: [&str; 5] = [
    "Tomatoes need a warm spot and steady water through the summer months. Plant them deep, so the stem grows roots along its buried length, and feed them once the first flowers open.",
    "Garlic goes in during autumn, one clove per hole, pointed end up. It wants cold weeks to split into a full head, and it is lifted when half of its leaves have turned brown.",
    "Runner beans climb anything you give them, so build the canes before sowing. Pick the pods young and often, because a plant left with old pods stops flowering within days.",
    "Leeks are sown in trays in spring and moved out when pencil thick. Drop each into a dibbed hole and fill it with water only; the soil settles around the stem by itself.",
    "Courgettes crop so freely that two plants feed a family. Cut the fruits at twenty centimetres, water at the base rather than over the leaves, and mulch to keep the roots cool.",
];

fn page(n: usize) -> String {
    format!(
        "<html><head><title>Plot {n}</title>\
         <link rel=\"canonical\" href=\"https://www.garden.example/plot/{n}\"></head><body>\
         <div class=\"top\"><a href=\"/a\">Vegetables</a> <a href=\"/b\">Fruit trees</a> \
         <a href=\"/c\">Tools and sheds</a> <a href=\"/d\">Seed swaps</a></div>\
         <article><h1>Growing notes {n}</h1><p>{}</p>\
         <p>The advice on this page is general and every garden differs, so ask your local \
         grower before you change what already works on your own plot.</p>\
         <p>Keep notes of each sowing in a book by the door, because next year starts from \
         them and memory fails by spring.</p></article>\
         <div class=\"aux\"><p>Our allotment shop opens every Sunday morning at the old mill, \
         with seed potatoes, onion sets and fresh compost for every member.</p></div>\
         </body></html>",
        ARTICLES[n]
    )
}

fn write_site(dir: &Path) {
    std::fs::create_dir_all(dir.join("pages")).expect("mkdir");
    let mut jsonl = String::new();
    for n in 0..ARTICLES.len() {
        std::fs::write(dir.join(format!("pages/plot{n}.html")), page(n)).expect("write");
        let line = serde_json::json!({
            "id": format!("rec{n}"),
            "url": format!("https://garden.example/rec/{n}"),
            "html": page(n),
        });
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    std::fs::write(dir.join("site.jsonl"), jsonl).expect("write");
}

fn clean(inputs: &[&Path], out: &Path, extra: &[&str]) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["clean".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), out.as_os_str(), "--site-learning".as_ref()]);
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    assert_exit(&deboil(args), 0);
}

#[test]
fn site_repeats_go_and_the_disclaimer_stays() {
    let temp = tempfile::tempdir().expect("temp dir");
    write_site(&temp.path().join("in"));
    let pages = temp.path().join("in/pages");
    let out = temp.path().join("out");
    clean(&[&pages], &out, &["--explain"]);
    for (n, article) in ARTICLES.iter().enumerate() {
        let text = std::fs::read_to_string(out.join(format!("plot{n}.txt"))).expect("txt");
        assert!(text.contains("ask your local grower"), "{text}");
        assert!(text.contains(&article[..40]), "{text}");
        assert!(!text.contains("allotment shop"), "{text}");
        assert!(!text.contains("Seed swaps"), "{text}");
        let explain =
            std::fs::read_to_string(out.join(format!("plot{n}.removed.tsv"))).expect("tsv");
        assert!(
            explain.contains("site.repeat (5 of 5 pages)\tOur allotment shop"),
            "{explain}"
        );
    }
    // Without the flag the rules alone keep the promo: this is site learning's doing.
    let plain = temp.path().join("plain");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            pages.as_os_str(),
            "-o".as_ref(),
            plain.as_os_str(),
        ]),
        0,
    );
    let text = std::fs::read_to_string(plain.join("plot0.txt")).expect("txt");
    assert!(text.contains("allotment shop"), "{text}");
}

#[test]
fn records_learn_by_url_host_whatever_the_jobs_and_order() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in");
    write_site(&input);
    let jsonl = input.join("site.jsonl");
    let pages = input.join("pages");
    let one = temp.path().join("one");
    let two = temp.path().join("two");
    clean(
        &[&jsonl, &pages],
        &one,
        &["--jobs", "1", "--format", "jsonl"],
    );
    clean(
        &[&pages, &jsonl],
        &two,
        &["--jobs", "2", "--format", "jsonl"],
    );
    let sorted = |out: &Path| {
        let mut lines: Vec<String> = common::read_parts(out)
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        lines
    };
    let lines = sorted(&one);
    assert_eq!(
        lines,
        sorted(&two),
        "same documents whatever --jobs and order"
    );
    let records: Vec<&String> = lines.iter().filter(|l| l.contains("\"rec")).collect();
    assert_eq!(records.len(), ARTICLES.len());
    for record in records {
        assert!(record.contains("ask your local grower"), "{record}");
        assert!(!record.contains("allotment shop"), "{record}");
    }
}

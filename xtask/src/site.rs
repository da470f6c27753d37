//! `cargo xtask site [--set NAME] [--min-pages K] [--min-share P] [--synthetic]`: F1 with and
//! without site learning ([`deboil_strip::SiteLearner`]), through the library.
//!
//! For each benchmark set the pages are grouped by the host of their ground-truth URL; the
//! first pass counts block signatures per host, the second cleans every page with and
//! without the host's profile. The report gives the AEB totals over the pages of hosts with
//! at least two pages (where learning can act) and over all pages (the cost elsewhere: it
//! should be nil). `--synthetic` adds a generated dump: sites of templated boilerplate
//! (menus, promos, footers no rule knows) around distinct articles.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use deboil_detect::{ContentType, DecodeOptions};
use deboil_strip::{Budget, SiteLearner, SiteProfiles, SiteThresholds, host_of};
use serde::Deserialize;

use crate::aeb::{self, Totals};

#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
    #[serde(default)]
    url: Option<String>,
}

/// (name, input dir, ground truth), relative to the data directory.
const SETS: [(&str, &str, &str); 4] = [
    ("aeb", "aeb/html", "aeb/ground-truth.json"),
    ("aeb-text", "aeb-text", "aeb/ground-truth.json"),
    ("wcxb-dev", "wcxb-dev/html", "wcxb-dev/ground-truth.json"),
    (
        "wcxb-dev-more",
        "wcxb-dev-more/html",
        "wcxb-dev-more/ground-truth.json",
    ),
];

struct Page {
    host: String,
    text: String,
    html: bool,
    truth: String,
}

pub fn site(rest: Vec<std::ffi::OsString>, data: &Path) -> anyhow::Result<std::process::ExitCode> {
    let mut thresholds = SiteThresholds::default();
    let mut only: Option<String> = None;
    let mut synthetic = false;
    let mut args = rest.into_iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--set" => only = args.next(),
            "--min-pages" => {
                thresholds.min_pages = args.next().context("--min-pages N")?.parse()?
            }
            "--min-share" => {
                thresholds.min_share = args.next().context("--min-share P")?.parse()?
            }
            "--synthetic" => synthetic = true,
            other => anyhow::bail!("site: unknown argument {other}"),
        }
    }
    println!(
        "site learning, min_pages {} min_share {}",
        thresholds.min_pages, thresholds.min_share
    );
    println!(
        "set\tscope\thosts\tpages\tF1 without\tF1 with\tP without\tP with\tR without\tR with\tremoved blocks"
    );
    for (name, input, truth) in SETS {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let input = data.join(input);
        if !input.is_dir() {
            println!("{name}\tskipped: {} absent", input.display());
            continue;
        }
        let pages = read_set(&input, &data.join(truth))?;
        report(name, &pages, thresholds);
    }
    if synthetic && only.as_deref().is_none_or(|o| o == "synthetic") {
        report("synthetic", &synthetic_dump(), thresholds);
    }
    Ok(std::process::ExitCode::SUCCESS)
}

fn read_set(input: &Path, truth_path: &Path) -> anyhow::Result<Vec<Page>> {
    let truth: BTreeMap<String, Truth> = serde_json::from_slice(
        &std::fs::read(truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )?;
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(input)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let file = entry.file_name().to_string_lossy().into_owned();
        let id = file.split('.').next().unwrap_or(&file).to_string();
        let Some(t) = truth.get(&id) else { continue };
        let host = t
            .url
            .as_deref()
            .and_then(host_of)
            .unwrap_or_else(|| format!("?{id}"));
        let bytes = std::fs::read(entry.path())?;
        let Ok(decoded) = deboil_detect::decode(&bytes, &DecodeOptions::default()) else {
            continue;
        };
        pages.push(Page {
            host,
            html: decoded.content_type == ContentType::Html,
            text: decoded.text,
            truth: t.article_body.clone(),
        });
    }
    Ok(pages)
}

fn learn(pages: &[Page], thresholds: SiteThresholds) -> SiteProfiles {
    let mut learner = SiteLearner::new(thresholds);
    for page in pages {
        let signatures = if page.html {
            deboil_strip::html_signatures_within(&page.text, Budget::unlimited())
                .unwrap_or_default()
        } else {
            deboil_strip::text_signatures(&page.text)
        };
        learner.add(&page.host, &signatures);
    }
    learner.finish(thresholds)
}

fn report(name: &str, pages: &[Page], thresholds: SiteThresholds) {
    let profiles = learn(pages, thresholds);
    let mut per_host: BTreeMap<&str, usize> = BTreeMap::new();
    for page in pages {
        *per_host.entry(&page.host).or_default() += 1;
    }
    let mut all = (Vec::new(), Vec::new());
    let mut multi = (Vec::new(), Vec::new());
    let (mut removed_all, mut removed_multi) = (0, 0);
    for page in pages {
        let profile = profiles.get(&page.host);
        let clean = |site| {
            let budget = Budget::unlimited();
            let article = if page.html {
                deboil_strip::strip_html_with_site(&page.text, budget, site)
            } else {
                deboil_strip::strip_text_with_site(&page.text, budget, site)
            };
            article.unwrap_or_default()
        };
        let without = clean(None);
        let with = clean(profile);
        let removed = with.site_shares.len();
        let scores = (
            aeb::score_page(&page.truth, &without.body()),
            aeb::score_page(&page.truth, &with.body()),
        );
        removed_all += removed;
        all.0.push(scores.0);
        all.1.push(scores.1);
        if per_host.get(page.host.as_str()).is_some_and(|&n| n >= 2) {
            removed_multi += removed;
            multi.0.push(scores.0);
            multi.1.push(scores.1);
        }
    }
    let multi_hosts = per_host.values().filter(|&&n| n >= 2).count();
    let row = |scope: &str,
               hosts: usize,
               scores: &(Vec<aeb::PageScore>, Vec<aeb::PageScore>),
               removed: usize| {
        let (a, b): (Totals, Totals) = (aeb::totals(&scores.0), aeb::totals(&scores.1));
        println!(
            "{name}\t{scope}\t{hosts}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{:.4}\t{removed}",
            a.pages, a.f1, b.f1, a.precision, b.precision, a.recall, b.recall
        );
    };
    row("hosts with >=2 pages", multi_hosts, &multi, removed_multi);
    row("all pages", per_host.len(), &all, removed_all);
}

/// A generated dump: 6 sites × 12 pages. Each site has its own menu, promo, "related"
/// widget and footer (invented wording no rule knows) and, inside every article, a standard
/// disclaimer that the ground truth counts as article text; every article is distinct.
fn synthetic_dump() -> Vec<Page> {
    const WORDS: [&str; 40] = [
        "river", "harbour", "council", "budget", "orchard", "engine", "season", "village",
        "market", "bridge", "school", "station", "festival", "museum", "library", "garden",
        "record", "weather", "pension", "railway", "farmers", "teachers", "nurses", "drivers",
        "planned", "opened", "delayed", "approved", "measured", "reported", "expected", "counted",
        "quietly", "finally", "again", "early", "later", "slowly", "nearby", "abroad",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut word = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        WORDS[(seed % WORDS.len() as u64) as usize]
    };
    let mut pages = Vec::new();
    for site in 0..6 {
        let host = format!("site{site}.example");
        for n in 0..12 {
            let mut paragraphs = Vec::new();
            for _ in 0..4 {
                let mut sentence: Vec<&str> = (0..24).map(|_| word()).collect();
                sentence[0] = "The";
                paragraphs.push(format!("{}.", sentence.join(" ")));
            }
            let disclaimer = format!(
                "Figures in this report come from the site{site} desk and may be revised as new returns arrive."
            );
            let article_text = format!(
                "{}\n\n{}\n\n{}\n\n{}\n\n{}",
                paragraphs[0], paragraphs[1], paragraphs[2], disclaimer, paragraphs[3]
            );
            let body: String = article_text
                .split("\n\n")
                .map(|p| format!("<p>{p}</p>"))
                .collect();
            let html = format!(
                "<html><head><title>Story {n} of site {site}</title></head><body>\
                 <div class=\"bar\"><a href=\"/1\">Home {site}</a> <a href=\"/2\">Valley news</a> \
                 <a href=\"/3\">Tide tables</a> <a href=\"/4\">Town hall</a> <a href=\"/5\">Letters</a></div>\
                 <div class=\"strap\"><p>Pick up the weekend edition of site{site} at any kiosk in the valley \
                 and find the crossword, the tide tables and the long read inside.</p></div>\
                 <article><h1>Story {n} of site {site}</h1>{body}</article>\
                 <div class=\"more\"><p><a href=\"/x\">Orchard {site} wins the county fair again this year</a></p>\
                 <p><a href=\"/y\">Ferry timetable for site{site} changes from Monday morning</a></p></div>\
                 <div class=\"base\"><p>site{site} is printed on recycled paper in the valley by a cooperative of its readers.</p></div>\
                 </body></html>"
            );
            pages.push(Page {
                host: host.clone(),
                text: html,
                html: true,
                truth: article_text,
            });
        }
    }
    pages
}

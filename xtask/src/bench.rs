//! `cargo xtask bench`: runs the release `deboil` over the benchmark sets, times it, measures
//! its peak memory and scores its output with the AEB metric ([`crate::aeb`]).
//!
//! Each measured run is `xtask bench-child DEBOIL clean SET -o TMP --format jsonl --jobs N`:
//! the re-executed xtask spawns deboil, times it, waits for it and reports
//! `getrusage(RUSAGE_CHILDREN)`, whose only child is that one deboil process, so the peak RSS
//! belongs to that run alone.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Arg, ArgAction, ArgGroup, Command, value_parser};
use serde::Deserialize;
use serde_json::json;

use crate::aeb::{self, PageScore, Totals};
use crate::headers::{HeaderCounts, HeaderOutput, HeaderTruth};

/// A benchmark set: its input folder and ground truth, relative to the data directory.
#[derive(Debug)]
struct SetDef {
    name: &'static str,
    input: &'static str,
    truth: &'static str,
    /// Read only from `../shared/bench` (too large to vendor); skipped with a note when absent.
    shared_only: bool,
}

const SETS: [SetDef; 4] = [
    SetDef {
        name: "aeb",
        input: "aeb/html",
        truth: "aeb/ground-truth.json",
        shared_only: false,
    },
    SetDef {
        name: "aeb-text",
        input: "aeb-text",
        truth: "aeb/ground-truth.json",
        shared_only: false,
    },
    SetDef {
        name: "wcxb-dev",
        input: "wcxb-dev/html",
        truth: "wcxb-dev/ground-truth.json",
        shared_only: false,
    },
    SetDef {
        name: "wcxb-dev-more",
        input: "wcxb-dev-more/html",
        truth: "wcxb-dev-more/ground-truth.json",
        shared_only: true,
    },
];

/// WCXB page types, in report order.
const PAGE_TYPES: [&str; 7] = [
    "article",
    "forum",
    "product",
    "listing",
    "documentation",
    "service",
    "collection",
];

/// One ground-truth entry (other fields ignored).
#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(rename = "articleBody")]
    article_body: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    page_type: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    /// Header truth: absent when the set has none, `null` or `""` when the page has none.
    #[serde(default, deserialize_with = "present")]
    title: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    author: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    published: Option<Option<String>>,
}

/// A field that is present (even as `null`) is `Some`; an absent one stays `None` (default).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl Truth {
    fn header(&self) -> HeaderTruth {
        let field = |f: &Option<Option<String>>| f.as_ref().map(|v| v.clone().unwrap_or_default());
        HeaderTruth {
            title: self.title.clone().flatten(),
            author: field(&self.author),
            published: field(&self.published),
        }
    }
}

fn command() -> Command {
    Command::new("cargo xtask bench")
        .about("Run the release deboil over the benchmark sets; print speed, memory and AEB scores")
        .arg(
            Arg::new("set")
                .long("set")
                .value_name("NAME")
                .action(ArgAction::Append)
                .value_delimiter(',')
                .value_parser(SETS.map(|s| s.name))
                .help("Run only this set (repeatable or comma list) [default: all]"),
        )
        .arg(
            Arg::new("json")
                .long("json")
                .value_name("FILE")
                .value_parser(value_parser!(PathBuf))
                .help("Also write the figures as JSON"),
        )
        .arg(
            Arg::new("runs")
                .long("runs")
                .value_name("N")
                .default_value("3")
                .value_parser(value_parser!(u32).range(1..))
                .help("Timed runs per set; the median is reported"),
        )
        .arg(
            Arg::new("jobs")
                .short('j')
                .long("jobs")
                .value_name("N")
                .default_value("1")
                .value_parser(value_parser!(u32).range(1..))
                .help("deboil --jobs"),
        )
        .arg(
            Arg::new("baseline")
                .long("baseline")
                .value_name("DEBOIL")
                .value_parser(value_parser!(PathBuf))
                .conflicts_with_all(["scale", "stress", "lens"])
                .help(
                    "Also time this deboil binary (a previous build) on each set, its runs \
                     interleaved with the release binary's; the report gives both medians and \
                     their ratio",
                ),
        )
        .arg(
            Arg::new("scale")
                .long("scale")
                .action(ArgAction::SetTrue)
                .help(
                    "Throughput and memory over a synthetic dump (WARC and JSONL) instead of \
                     accuracy over the sets",
                ),
        )
        .arg(
            Arg::new("stress")
                .long("stress")
                .action(ArgAction::SetTrue)
                .conflicts_with("scale")
                .help(
                    "Accuracy on the sets' article pages with one piece of furniture written in \
                     (a share bar, a figure, a comment thread …), against the same pages without",
                ),
        )
        .arg(
            Arg::new("lens")
                .long("lens")
                .action(ArgAction::SetTrue)
                .conflicts_with_all(["scale", "stress"])
                .help(
                    "Accuracy on the sets' article pages as served, without their metadata \
                     (every <script>, <link>, and <meta> but the charset), bare (also without \
                     class, id, role, microdata and data-* attributes), retro (bare in HTML 4's \
                     elements) and foreign (without metadata, every letter of the text rotated \
                     13 places, the truth's too), rewritten by lol_html; --set picks the sets",
                ),
        )
        .group(
            ArgGroup::new("lens_or_stress")
                .args(["lens", "stress"])
                .multiple(false),
        )
        .arg(
            Arg::new("keep")
                .long("keep")
                .value_name("DIR")
                .value_parser(value_parser!(PathBuf))
                .requires("lens_or_stress")
                .help(
                    "--lens, --stress: keep each set's rewritten pages and deboil's outputs in \
                     DIR/SET/VARIANT and DIR/SET/VARIANT.out (--stress: DIR/SET/KIND, and the \
                     shortened pages' truth in DIR/SET/short.truth.json), to look at a page",
                ),
        )
        .arg(
            Arg::new("records")
                .long("records")
                .value_name("N")
                .default_value("20000")
                .value_parser(value_parser!(usize))
                .help("--scale: response records in the 1× dump"),
        )
        .arg(
            Arg::new("factor")
                .long("factor")
                .value_name("N")
                .default_value("10")
                .value_parser(value_parser!(usize))
                .help("--scale: the long dump is this many times the 1× one"),
        )
        .arg(
            Arg::new("no_build")
                .long("no-build")
                .action(ArgAction::SetTrue)
                .help("Use the existing release binary instead of `cargo build --release`"),
        )
}

/// Figures of one timed run, as `bench-child` reports them.
#[derive(Debug, Deserialize)]
pub(crate) struct ChildRun {
    pub seconds: f64,
    pub max_rss_kb: i64,
    pub code: Option<i32>,
    pub stderr: String,
}

/// `xtask bench-child PROGRAM ARGS…`: runs PROGRAM, then prints one JSON line with its wall
/// time, exit code, stderr tail and peak RSS (`RUSAGE_CHILDREN`: this process has no other
/// child).
pub fn bench_child(rest: Vec<OsString>) -> anyhow::Result<ExitCode> {
    let (program, args) = rest
        .split_first()
        .context("usage: xtask bench-child PROGRAM [ARGS…]")?;
    let started = Instant::now();
    let output = Process::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {}", Path::new(program).display()))?;
    let seconds = started.elapsed().as_secs_f64();
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .context("getrusage")?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail_start = stderr.char_indices().rev().nth(4000).map_or(0, |(i, _)| i);
    let report = json!({
        "seconds": seconds,
        // Kilobytes on Linux.
        "max_rss_kb": usage.max_rss(),
        "code": output.status.code(),
        "stderr": &stderr[tail_start..],
    });
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

/// One measured `deboil clean INPUT -o OUT --format jsonl --jobs N` through `bench-child`.
/// Exit 1 is accepted: some inputs failed, and they are in the manifest.
pub(crate) fn timed_clean(
    xtask: &Path,
    deboil: &Path,
    input: &Path,
    out: &Path,
    jobs: u32,
    label: &str,
) -> anyhow::Result<ChildRun> {
    let output = Process::new(xtask)
        .arg("bench-child")
        .arg(deboil)
        .arg("clean")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(["--format", "jsonl", "--jobs", &jobs.to_string()])
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run xtask bench-child")?;
    if !output.status.success() {
        bail!("xtask bench-child failed ({})", output.status);
    }
    let child: ChildRun =
        serde_json::from_slice(&output.stdout).context("cannot read the bench-child report")?;
    if !matches!(child.code, Some(0 | 1)) {
        bail!(
            "deboil failed on {label} (exit {:?}):\n{}",
            child.code,
            child.stderr
        );
    }
    Ok(child)
}

/// Results of one set.
#[derive(Debug)]
struct SetResult {
    name: &'static str,
    files: usize,
    bytes_on_disk: u64,
    bytes_inflated: u64,
    seconds: Vec<f64>,
    median_seconds: f64,
    /// `--baseline`: the other binary's median over as many runs, interleaved with these.
    baseline_median_seconds: Option<f64>,
    peak_rss_kb: i64,
    statuses: BTreeMap<String, usize>,
    totals: Totals,
    /// The totals of the pages of each half of the set ([`half_of`]): even ids, odd ids.
    halves: [Totals; 2],
    snippets: Snippets,
    /// Per WCXB page type: totals and snippets.
    page_types: Vec<(String, Totals, Snippets)>,
    unmatched_outputs: usize,
    /// Pages whose truth has text and whose output has none (no document, or no tokens).
    lost_pages: usize,
    metadata: MetadataCounts,
    /// Title, author and date against the truth (sets that have it).
    headers: HeaderCounts,
}

/// How often the header carries each piece of metadata, and how often the canonical URL
/// found in the page is the page's known URL.
#[derive(Debug, Clone, Copy, Default)]
struct MetadataCounts {
    documents: usize,
    url_known: usize,
    url_matches: usize,
    title: usize,
    author: usize,
    published: usize,
    site_name: usize,
    declared_language: usize,
}

/// The header fields the bench looks at.
#[derive(Debug, Default, Deserialize)]
struct DocumentMetadata {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Vec<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    site_name: Option<String>,
    #[serde(default)]
    declared_language: Option<String>,
}

/// URLs compared without scheme, `www.`, query or trailing slash.
fn same_url(a: &str, b: &str) -> bool {
    let key = |u: &str| {
        let u = u.split(['?', '#']).next().unwrap_or(u);
        let u = u.split_once("://").map_or(u, |(_, rest)| rest);
        u.strip_prefix("www.")
            .unwrap_or(u)
            .trim_end_matches('/')
            .to_string()
    };
    key(a) == key(b)
}

fn metadata_counts(
    truth: &BTreeMap<String, Truth>,
    metadata: &BTreeMap<String, DocumentMetadata>,
) -> MetadataCounts {
    let mut counts = MetadataCounts::default();
    for (id, meta) in metadata {
        counts.documents += 1;
        if let Some(known) = truth.get(id).and_then(|t| t.url.as_deref()) {
            counts.url_known += 1;
            counts.url_matches +=
                usize::from(meta.url.as_deref().is_some_and(|u| same_url(u, known)));
        }
        counts.title += usize::from(meta.title.is_some());
        counts.author += usize::from(!meta.author.is_empty());
        counts.published += usize::from(meta.published.is_some());
        counts.site_name += usize::from(meta.site_name.is_some());
        counts.declared_language += usize::from(meta.declared_language.is_some());
    }
    counts
}

/// Header accuracy over every page with truth (a page without output counts as given
/// nothing).
fn header_counts(
    truth: &BTreeMap<String, Truth>,
    metadata: &BTreeMap<String, DocumentMetadata>,
) -> HeaderCounts {
    let mut counts = HeaderCounts::default();
    let none = DocumentMetadata::default();
    for (id, entry) in truth {
        let meta = metadata.get(id).unwrap_or(&none);
        counts.add(
            &entry.header(),
            &HeaderOutput {
                title: meta.title.as_deref(),
                authors: &meta.author,
                published: meta.published.as_deref(),
            },
        );
    }
    counts
}

/// `with` snippets found and `without` snippets absent.
#[derive(Debug, Clone, Copy, Default)]
struct Snippets {
    with_total: usize,
    with_found: usize,
    without_total: usize,
    without_absent: usize,
}

impl Snippets {
    fn add(&mut self, other: Snippets) {
        self.with_total += other.with_total;
        self.with_found += other.with_found;
        self.without_total += other.without_total;
        self.without_absent += other.without_absent;
    }

    fn with_share(&self) -> Option<f64> {
        share(self.with_found, self.with_total)
    }

    fn without_share(&self) -> Option<f64> {
        share(self.without_absent, self.without_total)
    }
}

fn share(part: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| part as f64 / total as f64)
}

pub fn bench(rest: Vec<OsString>, root: &Path) -> anyhow::Result<ExitCode> {
    let matches = command()
        .try_get_matches_from(std::iter::once(OsString::from("cargo xtask bench")).chain(rest))
        .unwrap_or_else(|e| e.exit());
    let runs = *matches.get_one::<u32>("runs").expect("defaulted");
    let jobs = *matches.get_one::<u32>("jobs").expect("defaulted");
    let mut chosen: Vec<&SetDef> = Vec::new();
    match matches.get_many::<String>("set") {
        None => chosen.extend(SETS.iter()),
        Some(names) => {
            for name in names {
                let set = SETS.iter().find(|s| s.name == name).expect("validated");
                if !chosen.iter().any(|c| c.name == set.name) {
                    chosen.push(set);
                }
            }
        }
    }

    let data = data_dir(&data_candidates(root))?;
    let deboil = release_binary(root, !matches.get_flag("no_build"))?;
    let xtask = std::env::current_exe().context("cannot find the xtask executable")?;
    if matches.get_flag("scale") {
        let options = crate::scale::ScaleOptions {
            records: *matches.get_one::<usize>("records").expect("defaulted"),
            factor: *matches.get_one::<usize>("factor").expect("defaulted"),
        };
        let json = matches.get_one::<PathBuf>("json").map(PathBuf::as_path);
        crate::scale::run(&data, &deboil, &xtask, root, options, json)?;
        return Ok(ExitCode::SUCCESS);
    }
    let clean =
        |input: &Path, out: &Path, label: &str| -> anyhow::Result<BTreeMap<String, String>> {
            timed_clean(&xtask, &deboil, input, out, jobs, label)?;
            Ok(read_outputs(out)?.0)
        };
    // The lenses over the sets' article pages: a table on stdout and, with --json, the
    // figures under the lens's name.
    let lens_report = if matches.get_flag("stress") {
        let keep = matches.get_one::<PathBuf>("keep").map(PathBuf::as_path);
        let results = crate::stress::run(&data, &clean, keep)?;
        Some((
            crate::stress::render(&results),
            "stress",
            crate::stress::json(&results),
        ))
    } else if matches.get_flag("lens") {
        // Only the sets named with --set (every one without it).
        let only: Vec<&str> = match matches.get_many::<String>("set") {
            None => Vec::new(),
            Some(_) => chosen.iter().map(|set| set.name).collect(),
        };
        let keep = matches.get_one::<PathBuf>("keep").map(PathBuf::as_path);
        let results = crate::lens::run(&data, &clean, &only, keep)?;
        Some((
            crate::lens::render(&results),
            "lens",
            crate::lens::json(&results),
        ))
    } else {
        None
    };
    if let Some((table, lens, figures)) = lens_report {
        print!("{table}");
        if let Some(path) = matches.get_one::<PathBuf>("json") {
            let mut report = serde_json::Map::new();
            report.insert("deboil".into(), json!(deboil.display().to_string()));
            report.insert(lens.into(), figures);
            let report = serde_json::Value::Object(report);
            std::fs::write(path, format!("{report:#}\n"))
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("bench: wrote {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "bench: {} over {} ({runs} runs per set, --jobs {jobs})",
        deboil.display(),
        data.display()
    );
    let baseline = matches.get_one::<PathBuf>("baseline").map(PathBuf::as_path);
    if let Some(baseline) = baseline {
        if !baseline.is_file() {
            bail!("--baseline {}: no such file", baseline.display());
        }
        eprintln!("bench: timing {} too, runs interleaved", baseline.display());
    }

    let mut results = Vec::new();
    for set in chosen {
        if !data.join(set.truth).is_file() {
            eprintln!(
                "bench: skipping {}: {} is absent (it is read from ../shared/bench only, never \
                 vendored)",
                set.name,
                data.join(set.truth).display()
            );
            continue;
        }
        results.push(run_set(set, &data, &deboil, baseline, &xtask, runs, jobs)?);
    }

    print!("{}", render_table(&results, runs, jobs, &data));
    if let Some(baseline) = baseline {
        print!("{}", render_baseline(&results, baseline));
    }
    if let Some(path) = matches.get_one::<PathBuf>("json") {
        let report = json_report(&results, runs, jobs, &data, &deboil, baseline);
        std::fs::write(path, format!("{report:#}\n"))
            .with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("bench: wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the sets may be, in order of preference: `../shared/bench` beside the repository,
/// then the vendored `tests/data`.
fn data_candidates(root: &Path) -> [PathBuf; 2] {
    [root.join("../shared/bench"), root.join("tests/data")]
}

/// The first candidate that holds every vendorable set (shared-only sets may be absent).
fn data_dir(candidates: &[PathBuf]) -> anyhow::Result<PathBuf> {
    for dir in candidates {
        if SETS
            .iter()
            .filter(|s| !s.shared_only)
            .all(|s| dir.join(s.truth).is_file())
        {
            return Ok(dir.canonicalize().unwrap_or_else(|_| dir.clone()));
        }
    }
    bail!(
        "no benchmark data in {} or {}",
        candidates[0].display(),
        candidates[1].display()
    )
}

/// Builds (unless told not to) and finds `target/release/deboil`, honouring
/// `CARGO_TARGET_DIR`.
fn release_binary(root: &Path, build: bool) -> anyhow::Result<PathBuf> {
    let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
        // Cargo reads a relative CARGO_TARGET_DIR from its working directory: ours.
        Some(dir) => {
            std::path::absolute(PathBuf::from(dir)).context("cannot resolve CARGO_TARGET_DIR")?
        }
        None => root.join("target"),
    };
    if build {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        eprintln!("bench: cargo build --release -p deboil");
        let status = Process::new(cargo)
            .args(["build", "--release", "-p", "deboil"])
            .current_dir(root)
            .env("CARGO_TARGET_DIR", &target_dir)
            .status()
            .context("cannot run cargo")?;
        if !status.success() {
            bail!("cargo build --release -p deboil failed ({status})");
        }
    }
    let binary = target_dir
        .join("release")
        .join(format!("deboil{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!("{} not found (run without --no-build)", binary.display());
    }
    Ok(binary)
}

fn run_set(
    set: &SetDef,
    data: &Path,
    deboil: &Path,
    baseline: Option<&Path>,
    xtask: &Path,
    runs: u32,
    jobs: u32,
) -> anyhow::Result<SetResult> {
    let input = data.join(set.input);
    let truth_path = data.join(set.truth);
    let truth: BTreeMap<String, Truth> = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("cannot parse {}", truth_path.display()))?;
    let (files, bytes_on_disk, bytes_inflated) = input_sizes(&input)?;

    let mut seconds = Vec::new();
    let mut baseline_seconds = Vec::new();
    let mut peak_rss_kb = 0;
    let mut last_out = None;
    let mut time_baseline = |run: u32| -> anyhow::Result<()> {
        let Some(baseline) = baseline else {
            return Ok(());
        };
        let out = tempfile::tempdir().context("cannot create a temp dir")?;
        let child = timed_clean(xtask, baseline, &input, out.path(), jobs, set.name)?;
        eprintln!(
            "bench: {} baseline run {run}/{runs}: {:.2}s",
            set.name, child.seconds
        );
        baseline_seconds.push(child.seconds);
        Ok(())
    };
    for run in 1..=runs {
        // Interleaved, and each binary goes first every other run: a machine that slows
        // down or warms up during the bench weighs on both alike.
        if run % 2 == 0 {
            time_baseline(run)?;
        }
        let out = tempfile::tempdir().context("cannot create a temp dir")?;
        let child = timed_clean(xtask, deboil, &input, out.path(), jobs, set.name)?;
        eprintln!(
            "bench: {} run {run}/{runs}: {:.2}s, {:.1} MB",
            set.name,
            child.seconds,
            kb_to_mb(child.max_rss_kb)
        );
        seconds.push(child.seconds);
        peak_rss_kb = peak_rss_kb.max(child.max_rss_kb);
        last_out = Some(out);
        if run % 2 == 1 {
            time_baseline(run)?;
        }
    }
    let out = last_out.expect("at least one run");
    let (predictions, statuses, metadata) = read_outputs(out.path())?;

    let tokens_of: BTreeMap<&str, Vec<&str>> = predictions
        .iter()
        .map(|(id, text)| (id.as_str(), aeb::tokens(text)))
        .collect();
    let unmatched_outputs = predictions
        .keys()
        .filter(|id| !truth.contains_key(*id))
        .count();
    let mut scores: Vec<(Option<&str>, PageScore, Snippets)> = Vec::new();
    let mut by_half: [Vec<PageScore>; 2] = [Vec::new(), Vec::new()];
    for (id, entry) in &truth {
        let prediction = predictions.get(id).map_or("", String::as_str);
        let score = aeb::score_page(&entry.article_body, prediction);
        let prediction_tokens = tokens_of.get(id.as_str()).map_or(&[][..], Vec::as_slice);
        let mut snippets = Snippets::default();
        for snippet in &entry.with {
            if let Some(found) = aeb::contains_tokens(prediction_tokens, snippet) {
                snippets.with_total += 1;
                snippets.with_found += usize::from(found);
            }
        }
        for snippet in &entry.without {
            if let Some(found) = aeb::contains_tokens(prediction_tokens, snippet) {
                snippets.without_total += 1;
                snippets.without_absent += usize::from(!found);
            }
        }
        if let Some(half) = by_half.get_mut(half_of(id)) {
            half.push(score);
        }
        scores.push((entry.page_type.as_deref(), score, snippets));
    }
    let halves = by_half.map(|pages| aeb::totals(pages.iter()));
    let lost_pages = truth
        .iter()
        .filter(|(id, entry)| {
            !aeb::tokens(&entry.article_body).is_empty()
                && tokens_of.get(id.as_str()).is_none_or(|t| t.is_empty())
        })
        .count();
    let totals = aeb::totals(scores.iter().map(|(_, s, _)| s));
    let mut snippets = Snippets::default();
    scores.iter().for_each(|(_, _, s)| snippets.add(*s));

    let mut type_names: Vec<String> = PAGE_TYPES.iter().map(|t| t.to_string()).collect();
    for (page_type, _, _) in &scores {
        match page_type {
            Some(t) if !type_names.iter().any(|n| n == t) => type_names.push(t.to_string()),
            _ => {}
        }
    }
    let mut page_types = Vec::new();
    for name in type_names {
        let of_type: Vec<_> = scores
            .iter()
            .filter(|(t, _, _)| *t == Some(name.as_str()))
            .collect();
        if of_type.is_empty() {
            continue;
        }
        let mut type_snippets = Snippets::default();
        of_type.iter().for_each(|(_, _, s)| type_snippets.add(*s));
        let type_totals = aeb::totals(of_type.iter().map(|(_, s, _)| s));
        page_types.push((name, type_totals, type_snippets));
    }

    Ok(SetResult {
        name: set.name,
        files,
        bytes_on_disk,
        bytes_inflated,
        median_seconds: median(&seconds),
        seconds,
        baseline_median_seconds: (!baseline_seconds.is_empty()).then(|| median(&baseline_seconds)),
        peak_rss_kb,
        statuses,
        totals,
        halves,
        snippets,
        page_types,
        unmatched_outputs,
        lost_pages,
        metadata: metadata_counts(&truth, &metadata),
        headers: header_counts(&truth, &metadata),
    })
}

/// Number of input files, their size on disk and their size inflated (`.gz` files
/// decompressed, others as stored).
fn input_sizes(dir: &Path) -> anyhow::Result<(usize, u64, u64)> {
    let (mut files, mut on_disk, mut inflated) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !path.is_file() || name.starts_with('.') {
            continue;
        }
        files += 1;
        let size = std::fs::metadata(&path)?.len();
        on_disk += size;
        inflated += if name.ends_with(".gz") {
            let file = std::fs::File::open(&path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            std::io::copy(
                &mut flate2::read::MultiGzDecoder::new(file),
                &mut std::io::sink(),
            )
            .with_context(|| format!("cannot inflate {}", path.display()))?
        } else {
            size
        };
    }
    Ok((files, on_disk, inflated))
}

/// The predictions of a run, by page id (the file stem), and the manifest's status counts.
type Outputs = (
    BTreeMap<String, String>,
    BTreeMap<String, usize>,
    BTreeMap<String, DocumentMetadata>,
);

fn read_outputs(out: &Path) -> anyhow::Result<Outputs> {
    #[derive(Deserialize)]
    struct Document {
        id: String,
        text: String,
        #[serde(default)]
        metadata: DocumentMetadata,
    }
    let mut metadata = BTreeMap::new();
    #[derive(Deserialize)]
    struct Entry {
        status: String,
    }
    let mut predictions = BTreeMap::new();
    let text = read_parts(out)?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let document: Document = serde_json::from_str(line)
            .with_context(|| format!("bad line in the parts of {}", out.display()))?;
        let id = page_id(&document.id);
        metadata.insert(id.clone(), document.metadata);
        predictions.insert(id, document.text);
    }
    let mut statuses = BTreeMap::new();
    let manifest = out.join("manifest.jsonl");
    let text = std::fs::read_to_string(&manifest)
        .with_context(|| format!("cannot read {}", manifest.display()))?;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Entry = serde_json::from_str(line)
            .with_context(|| format!("bad line in {}", manifest.display()))?;
        *statuses.entry(entry.status).or_default() += 1;
    }
    Ok((predictions, statuses, metadata))
}

/// The JSON lines of every `part-NNNNN.jsonl.gz` in `out`, in order.
pub(crate) fn read_parts(out: &Path) -> anyhow::Result<String> {
    let mut parts: Vec<PathBuf> = std::fs::read_dir(out)
        .with_context(|| format!("cannot list {}", out.display()))?
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("part-") && name.ends_with(".jsonl.gz")
        })
        .collect();
    parts.sort();
    let mut text = String::new();
    for part in parts {
        let file = std::fs::File::open(&part)
            .with_context(|| format!("cannot read {}", part.display()))?;
        flate2::read::MultiGzDecoder::new(file)
            .read_to_string(&mut text)
            .with_context(|| format!("cannot gunzip {}", part.display()))?;
    }
    Ok(text)
}

/// A document id (`<input dir>/<stem>`) to the benchmark's page id (`<stem>`).
/// The half of a set a page belongs to, 0 or 1: the parity of its id's last hex digit
/// (WCXB's numbered pages: the number's; aeb's hashes: the hash's), else of its last byte.
/// The rule of evidence builds a change on one half and confirms it on the other.
fn half_of(id: &str) -> usize {
    let last = id.chars().last().unwrap_or('0');
    let value = last.to_digit(16).unwrap_or(u32::from(last));
    usize::from(value % 2 == 1)
}

fn page_id(id: &str) -> String {
    id.rsplit(['/', '\\']).next().unwrap_or(id).to_string()
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

pub(crate) fn kb_to_mb(kb: i64) -> f64 {
    kb as f64 * 1024.0 / 1e6
}

fn render_table(results: &[SetResult], runs: u32, jobs: u32, data: &Path) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<24} {:>5} {:>9} {:>6} {:>6} {:>8} {:>6} {:>8} {:>6} {:>9}",
        "set",
        "pages",
        "precision",
        "recall",
        "F1",
        "accuracy",
        "empty",
        "pages/s",
        "MB/s",
        "peak RSS"
    );
    for r in results {
        let t = &r.totals;
        let secs = r.median_seconds.max(1e-9);
        let _ = writeln!(
            out,
            "{:<24} {:>5} {:>9.3} {:>6.3} {:>6.3} {:>8.3} {:>6} {:>8.1} {:>6.2} {:>6.1} MB",
            r.name,
            t.pages,
            t.precision,
            t.recall,
            t.f1,
            t.accuracy,
            r.lost_pages,
            r.files as f64 / secs,
            r.bytes_inflated as f64 / 1e6 / secs,
            kb_to_mb(r.peak_rss_kb),
        );
        for (page_type, t, _) in &r.page_types {
            let _ = writeln!(
                out,
                "{:<24} {:>5} {:>9.3} {:>6.3} {:>6.3} {:>8.3}",
                format!("  {}/{page_type}", r.name),
                t.pages,
                t.precision,
                t.recall,
                t.f1,
                t.accuracy,
            );
        }
    }
    let _ = writeln!(
        out,
        "\nAEB metric (4-token shingles). Speed: median wall time of {runs} run(s) of the \
         release binary, --jobs {jobs},\nprocess start to exit; MB/s on the uncompressed input \
         (.html.gz inflated; .txt as stored).\nPeak RSS: max resident set of the deboil \
         process, max over the runs. Empty: pages whose truth has text and whose output has\n\
         none."
    );
    for r in results {
        let statuses: Vec<String> = r.statuses.iter().map(|(s, n)| format!("{s} {n}")).collect();
        let _ = write!(
            out,
            "{}: {} files, {:.2} MB on disk, {:.2} MB uncompressed; {}",
            r.name,
            r.files,
            r.bytes_on_disk as f64 / 1e6,
            r.bytes_inflated as f64 / 1e6,
            statuses.join(", "),
        );
        if r.unmatched_outputs > 0 {
            let _ = write!(
                out,
                "; {} outputs without ground truth",
                r.unmatched_outputs
            );
        }
        let _ = writeln!(out);
        let m = r.metadata;
        let _ = writeln!(
            out,
            "{}: header metadata on {} documents: canonical url = known url {}/{}, title {}, author {}, published {}, site_name {}, declared language {}",
            r.name,
            m.documents,
            m.url_matches,
            m.url_known,
            m.title,
            m.author,
            m.published,
            m.site_name,
            m.declared_language,
        );
        let [even, odd] = &r.halves;
        let _ = writeln!(
            out,
            "{}: F1 {:.4}; by half (pages with even / odd ids, for the rule of evidence) {:.4} ({} pages) / {:.4} ({} pages)",
            r.name, r.totals.f1, even.f1, even.pages, odd.f1, odd.pages,
        );
        if r.headers.any() {
            out.push_str(&r.headers.render(r.name, r.totals.f1));
        }
        if let (Some(with), Some(without)) = (r.snippets.with_share(), r.snippets.without_share()) {
            let _ = writeln!(
                out,
                "{}: `with` snippets found {:.3} ({}/{}), `without` snippets absent {:.3} ({}/{})\n\
                 (a snippet is found when its tokens occur in a row in the output)",
                r.name,
                with,
                r.snippets.with_found,
                r.snippets.with_total,
                without,
                r.snippets.without_absent,
                r.snippets.without_total,
            );
        }
    }
    let _ = writeln!(out, "data: {}", data.display());
    out
}

/// The `--baseline` block: per set, both binaries' pages/s (medians of interleaved runs) and
/// their ratio.
fn render_baseline(results: &[SetResult], baseline: &Path) -> String {
    use std::fmt::Write;
    let mut out = format!(
        "\nSpeed against the baseline {} (medians of interleaved runs):\n",
        baseline.display()
    );
    for r in results {
        let Some(base) = r.baseline_median_seconds else {
            continue;
        };
        let _ = writeln!(
            out,
            "{}",
            speed_against(r.name, r.files, r.median_seconds, base)
        );
    }
    out
}

/// One set's line of [`render_baseline`].
fn speed_against(set: &str, files: usize, seconds: f64, baseline_seconds: f64) -> String {
    let rate = |secs: f64| files as f64 / secs.max(1e-9);
    format!(
        "{set}: {:.1} pages/s against {:.1} for the baseline ({:.3}x)",
        rate(seconds),
        rate(baseline_seconds),
        baseline_seconds.max(1e-9) / seconds.max(1e-9),
    )
}

fn totals_json(t: &Totals, s: &Snippets) -> serde_json::Value {
    json!({
        "pages": t.pages,
        "precision": t.precision,
        "recall": t.recall,
        "f1": t.f1,
        "accuracy": t.accuracy,
        "precision_pages": t.precision_pages,
        "recall_pages": t.recall_pages,
        "with_found": s.with_share(),
        "without_absent": s.without_share(),
        "with_snippets": s.with_total,
        "without_snippets": s.without_total,
    })
}

fn json_report(
    results: &[SetResult],
    runs: u32,
    jobs: u32,
    data: &Path,
    deboil: &Path,
    baseline: Option<&Path>,
) -> serde_json::Value {
    let sets: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            let secs = r.median_seconds.max(1e-9);
            let mut set = totals_json(&r.totals, &r.snippets);
            let page_types: serde_json::Map<String, serde_json::Value> = r
                .page_types
                .iter()
                .map(|(name, t, s)| (name.clone(), totals_json(t, s)))
                .collect();
            if let serde_json::Value::Object(map) = &mut set {
                map.insert("set".into(), json!(r.name));
                map.insert("files".into(), json!(r.files));
                map.insert("seconds".into(), json!(r.seconds));
                map.insert("median_seconds".into(), json!(r.median_seconds));
                map.insert("pages_per_s".into(), json!(r.files as f64 / secs));
                if let Some(base) = r.baseline_median_seconds {
                    map.insert(
                        "baseline".into(),
                        json!({
                            "median_seconds": base,
                            "pages_per_s": r.files as f64 / base.max(1e-9),
                            "speedup": base / secs,
                        }),
                    );
                }
                map.insert("bytes_on_disk".into(), json!(r.bytes_on_disk));
                map.insert("bytes_uncompressed".into(), json!(r.bytes_inflated));
                map.insert(
                    "mb_per_s_uncompressed".into(),
                    json!(r.bytes_inflated as f64 / 1e6 / secs),
                );
                map.insert("peak_rss_kb".into(), json!(r.peak_rss_kb));
                map.insert("statuses".into(), json!(r.statuses));
                map.insert("outputs_without_truth".into(), json!(r.unmatched_outputs));
                map.insert("empty_outputs".into(), json!(r.lost_pages));
                let half = |t: &Totals| {
                    json!({"pages": t.pages, "precision": t.precision, "recall": t.recall, "f1": t.f1})
                };
                map.insert(
                    "halves".into(),
                    json!({"even": half(&r.halves[0]), "odd": half(&r.halves[1])}),
                );
                if r.headers.any() {
                    map.insert("headers".into(), r.headers.to_json());
                }
                if !page_types.is_empty() {
                    map.insert("page_types".into(), serde_json::Value::Object(page_types));
                }
            }
            set
        })
        .collect();
    json!({
        "metric": "AEB, 4-token shingles",
        "runs": runs,
        "jobs": jobs,
        "data": data.display().to_string(),
        "deboil": deboil.display().to_string(),
        "baseline": baseline.map(|b| b.display().to_string()),
        "sets": sets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_split_by_the_last_hex_digit() {
        assert_eq!(half_of("0016"), 0);
        assert_eq!(half_of("0017"), 1);
        assert_eq!(half_of("e7d77f18"), 0);
        assert_eq!(half_of("e7d77f1b"), 1);
        assert_eq!(half_of("page-x"), 0);
        assert_eq!(half_of(""), 0);
    }

    #[test]
    fn page_ids_are_file_stems() {
        assert_eq!(page_id("/x/bench/wcxb-dev/html/0016"), "0016");
        assert_eq!(page_id("aeb-text/abc123"), "abc123");
        assert_eq!(page_id("0016"), "0016");
    }

    #[test]
    fn data_falls_back_to_the_vendored_copy() {
        let vendored = repo_root_for_tests().join("tests/data");
        // Hermetic: both candidates live inside the temp dir, whatever sits beside it.
        let root = tempfile::tempdir().unwrap();
        let candidates = [
            root.path().join("shared/bench"),
            root.path().join("tests/data"),
        ];
        assert!(data_dir(&candidates).is_err());
        std::fs::create_dir(root.path().join("tests")).unwrap();
        std::os::unix::fs::symlink(&vendored, root.path().join("tests/data")).unwrap();
        assert_eq!(
            data_dir(&candidates).unwrap(),
            vendored.canonicalize().unwrap()
        );
        // A shared folder with every set but the shared-only ones is preferred.
        std::fs::create_dir(root.path().join("shared")).unwrap();
        std::os::unix::fs::symlink(&vendored, root.path().join("shared/bench")).unwrap();
        assert_eq!(
            data_dir(&candidates).unwrap(),
            vendored.canonicalize().unwrap()
        );
    }

    fn repo_root_for_tests() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf()
    }

    #[test]
    fn urls_compare_without_scheme_www_query_or_slash() {
        assert!(same_url(
            "https://www.example.com/a/b/",
            "http://example.com/a/b?x=1"
        ));
        assert!(!same_url("https://example.com/a", "https://example.com/b"));
    }

    #[test]
    fn speed_against_the_baseline_gives_both_rates_and_their_ratio() {
        assert_eq!(
            speed_against("aeb", 181, 0.5, 0.55),
            "aeb: 362.0 pages/s against 329.1 for the baseline (1.100x)"
        );
        assert_eq!(
            speed_against("wcxb-dev", 100, 2.0, 1.0),
            "wcxb-dev: 50.0 pages/s against 100.0 for the baseline (0.500x)"
        );
    }

    #[test]
    fn median_of_odd_and_even_runs() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&[5.0]), 5.0);
    }

    #[test]
    fn command_line_parses() {
        command().debug_assert();
        let m = command()
            .try_get_matches_from(["bench", "--set", "aeb,wcxb-dev", "--set", "aeb-text"])
            .unwrap();
        let sets: Vec<&String> = m.get_many::<String>("set").unwrap().collect();
        assert_eq!(sets, ["aeb", "wcxb-dev", "aeb-text"]);
        assert_eq!(m.get_one::<u32>("runs"), Some(&3));
        assert!(
            command()
                .try_get_matches_from(["bench", "--set", "nope"])
                .is_err()
        );
        assert!(
            command()
                .try_get_matches_from(["bench", "--runs", "0"])
                .is_err()
        );
        let m = command()
            .try_get_matches_from(["bench", "--baseline", "old/deboil"])
            .unwrap();
        assert_eq!(
            m.get_one::<PathBuf>("baseline"),
            Some(&PathBuf::from("old/deboil"))
        );
        // A baseline is timed on the sets only.
        assert!(
            command()
                .try_get_matches_from(["bench", "--baseline", "old/deboil", "--lens"])
                .is_err()
        );
    }
}

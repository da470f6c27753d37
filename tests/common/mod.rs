//! Helpers shared by the CLI integration tests.
#![allow(dead_code)] // Each test binary uses a different subset.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// `deboil ARGS…`, stdin closed, output captured.
pub fn deboil<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run deboil")
}

pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts that the run ended with `code` and printed no panic.
pub fn assert_exit(output: &Output, code: i32) {
    let stderr = stderr_of(output);
    assert!(!stderr.contains("panicked"), "panic on stderr:\n{stderr}");
    assert_eq!(output.status.code(), Some(code), "stderr:\n{stderr}");
}

/// The manifest's lines, parsed.
pub fn manifest(out_dir: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(out_dir.join("manifest.jsonl")).expect("manifest.jsonl");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("manifest line is JSON"))
        .collect()
}

/// The manifest entry whose `path` ends with `suffix`; exactly one must.
pub fn entry<'a>(entries: &'a [serde_json::Value], suffix: &str) -> &'a serde_json::Value {
    let found: Vec<_> = entries
        .iter()
        .filter(|e| e["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .collect();
    assert_eq!(found.len(), 1, "entries for {suffix}: {found:#?}");
    found[0]
}

/// A plain-text news article: several real-looking paragraphs, each mentioning `marker`.
pub fn text_article(marker: &str) -> String {
    [
        format!("City council approves new {marker} budget after long debate"),
        format!(
            "The city council voted on Tuesday evening to approve a revised budget for the \
             {marker} programme, ending weeks of debate over how to pay for repairs to roads, \
             bridges and the ageing water network that serves most of the eastern districts."
        ),
        format!(
            "Supporters of the plan said the {marker} money would be spent over three years and \
             that contracts would be awarded through open tenders. Critics argued that the \
             council had underestimated the cost of materials and labour by a wide margin."
        ),
        format!(
            "\"We cannot keep patching the same pipes every winter,\" said the chair of the \
             finance committee, who described the {marker} vote as the most important decision \
             the council had taken in a decade. Residents will be able to follow the work online."
        ),
        format!(
            "Work on the first section is expected to begin in the spring, once the ground has \
             thawed. Officials said the {marker} schedule would be published next month together \
             with a map of the streets that will be closed while crews replace the mains."
        ),
    ]
    .join("\n\n")
        + "\n"
}

/// The same article as a small HTML page.
pub fn html_article(marker: &str) -> String {
    let paragraphs: String = text_article(marker)
        .split("\n\n")
        .skip(1)
        .map(|p| format!("<p>{}</p>\n", p.trim()))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Council approves {marker} budget</title></head>\n<body>\n\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n<article>\n\
         <h1>City council approves new {marker} budget after long debate</h1>\n{paragraphs}\
         </article>\n<footer>Copyright 2024 Example News</footer>\n</body></html>\n"
    )
}

/// Deterministic pseudo-random bytes (a fixed-seed LCG), so failures reproduce.
pub fn pseudo_random_bytes(len: usize, seed: u64, range: std::ops::RangeInclusive<u8>) -> Vec<u8> {
    let mut state = seed;
    let span = u64::from(range.end() - range.start()) + 1;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            range.start() + ((state >> 33) % span) as u8
        })
        .collect()
}

/// The JSON lines of `--format jsonl` output: every `part-NNNNN.jsonl.gz` in `out`, in order.
pub fn read_parts(out: &Path) -> String {
    use std::io::Read;
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(out)
        .expect("list output dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with("part-") && name.ends_with(".jsonl.gz")
        })
        .collect();
    names.sort();
    let mut text = String::new();
    for name in names {
        let file = std::fs::File::open(&name).expect("open part");
        flate2::read::MultiGzDecoder::new(file)
            .read_to_string(&mut text)
            .expect("gunzip part");
    }
    text
}

/// The lines of one part file.
pub fn read_parts_named(out: &Path, name: &str) -> Vec<String> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(out.join(name)).expect("open part"))
        .read_to_string(&mut text)
        .expect("gunzip part");
    text.lines().map(str::to_string).collect()
}

//! `--resume`: a run killed half way (SIGKILL: no clean-up, buffers lost), then resumed,
//! writes exactly what one uninterrupted run writes, without cleaning again what it kept.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{assert_exit, manifest, stderr_of};

const RECORDS: usize = 4000;

/// A JSONL dump of `RECORDS` pages (with a repeated id, an empty page and a bad line) and a
/// folder of loose files, so that files, records, empties and errors are all resumed.
fn write_inputs(dir: &Path, changed: Option<usize>) {
    let mut jsonl = String::new();
    for i in 0..RECORDS {
        let marker = if changed == Some(i) {
            format!("changed{i}")
        } else {
            format!("m{i}")
        };
        let html = if i % 500 == 7 {
            "<html><body><nav><a href=\"/\">Home</a></nav></body></html>".to_string()
        } else {
            common::html_article(&marker)
        };
        // Every 1000th id repeats the one before: records that share an id.
        let id = if i % 1000 == 1 { i - 1 } else { i };
        let record = serde_json::json!({"id": format!("doc-{id}"), "url": format!("https://example.com/{i}"), "html": html});
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
        if i == 2500 {
            jsonl.push_str("{not json\n");
        }
    }
    std::fs::create_dir_all(dir.join("files")).expect("mkdir");
    std::fs::write(dir.join("dump.jsonl"), jsonl).expect("write dump");
    for i in 0..300 {
        std::fs::write(
            dir.join(format!("files/page{i:03}.html")),
            common::html_article(&format!("file{i}")),
        )
        .expect("write file");
    }
}

fn clean(dir: &Path, out: &str, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_deboil"));
    command
        .current_dir(dir)
        .args(["clean", "dump.jsonl", "files", "-o", out, "--jobs", "2"])
        .args(extra);
    command
}

/// Starts a run and SIGKILLs it once its manifest holds `lines` lines.
fn run_and_kill(dir: &Path, out: &str, extra: &[&str], lines: usize) {
    let mut child = clean(dir, out, extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start deboil");
    let manifest = dir.join(out).join("manifest.jsonl");
    let started = Instant::now();
    loop {
        let written = std::fs::read_to_string(&manifest)
            .map(|text| text.lines().count())
            .unwrap_or(0);
        if written >= lines || started.elapsed() > Duration::from_secs(120) {
            break;
        }
        if child.try_wait().expect("poll").is_some() {
            panic!("the run ended before it could be killed");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill");
    child.wait().expect("reap");
}

fn assert_same_tree(expected: &Path, actual: &Path) {
    let differences = deboil::golden::compare_dirs(expected, actual).expect("compare");
    let report: Vec<String> = differences.iter().map(ToString::to_string).collect();
    assert!(differences.is_empty(), "{}", report.join("\n"));
    assert!(
        !actual.join(".deboil-resume").exists(),
        "resume state removed"
    );
}

fn reused(stderr: &str) -> usize {
    let at = stderr
        .find(" reused")
        .unwrap_or_else(|| panic!("no reuse in {stderr}"));
    let digits: String = stderr[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .expect("count")
}

fn check(format_args: &[&str]) {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    write_inputs(dir, None);

    let full = clean(dir, "full", format_args).output().expect("run");
    assert_exit(&full, 1); // the bad JSONL line
    let total = manifest(&dir.join("full")).len();
    assert_eq!(total, RECORDS + 1 + 300);

    run_and_kill(dir, "resumed", format_args, total / 3);
    let killed = manifest_lines(&dir.join("resumed"));
    assert!(killed < total, "killed after {killed} of {total} entries");

    // A resume that is itself killed, then a last one that finishes.
    let mut resume_args: Vec<&str> = format_args.to_vec();
    resume_args.push("--resume");
    run_and_kill(dir, "resumed", &resume_args, total * 2 / 3);
    let last = clean(dir, "resumed", &resume_args).output().expect("run");
    assert_exit(&last, 1);
    let stderr = stderr_of(&last);
    assert!(reused(&stderr) >= total / 3, "{stderr}");
    assert_same_tree(&dir.join("full"), &dir.join("resumed"));

    // Resuming a finished run cleans nothing again and changes nothing.
    let again = clean(dir, "resumed", &resume_args).output().expect("run");
    let stderr = stderr_of(&again);
    let entries = manifest(&dir.join("resumed"));
    let reusable = entries
        .iter()
        .filter(|e| e["status"] == "ok" || e["status"] == "empty")
        .count();
    assert_eq!(reused(&stderr), reusable, "{stderr}");
    assert_same_tree(&dir.join("full"), &dir.join("resumed"));

    // A changed input is cleaned again; the rest is reused; the output is that of a
    // fresh run over the changed inputs.
    write_inputs(dir, Some(1234));
    let resumed = clean(dir, "resumed", &resume_args).output().expect("run");
    assert_eq!(reused(&stderr_of(&resumed)), reusable - 1);
    let fresh = clean(dir, "fresh", format_args).output().expect("run");
    assert_exit(&fresh, 1);
    assert_same_tree(&dir.join("fresh"), &dir.join("resumed"));
}

fn manifest_lines(out: &Path) -> usize {
    std::fs::read_to_string(out.join("manifest.jsonl"))
        .map(|text| text.lines().count())
        .unwrap_or(0)
}

#[test]
fn killed_jsonl_runs_resume_to_the_same_parts_and_manifest() {
    // Small parts, so that the kill lands between parts and inside one.
    check(&["--format", "jsonl", "--shard-size", "64K"]);
}

#[test]
fn killed_txt_runs_resume_to_the_same_files_and_manifest() {
    check(&["--format", "txt", "--explain"]);
}

#[test]
fn resume_refuses_other_settings() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir_all(dir.join("files")).expect("mkdir");
    std::fs::write(dir.join("dump.jsonl"), "").expect("write");
    std::fs::write(dir.join("files/a.html"), common::html_article("a")).expect("write");
    assert_exit(&clean(dir, "out", &[]).output().expect("run"), 0);
    let output = clean(dir, "out", &["--resume", "--no-header"])
        .output()
        .expect("run");
    assert_exit(&output, 1);
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("cannot resume") && stderr.contains("other settings"),
        "{stderr}"
    );
    // Nothing was touched: the first run's output stands.
    // (The empty dump has its own entry: an empty container is accounted for too.)
    let entries = manifest(&dir.join("out"));
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["status"], "empty");
    assert!(PathBuf::from(dir).join("out/a.txt").is_file());
}

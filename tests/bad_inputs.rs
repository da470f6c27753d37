//! One batch of good files and every kind of bad input: the run finishes, reports each bad
//! input once with a reason, cleans the good ones, and never shows a panic.

mod common;

use std::path::Path;
use std::process::Output;
use std::sync::OnceLock;

use common::{assert_exit, entry, manifest};
use serde_json::Value;

struct BatchRun {
    _temp: tempfile::TempDir,
    out_dir: std::path::PathBuf,
    output: Output,
    entries: Vec<Value>,
}

const GOOD: [&str; 2] = ["article.txt", "article.html"];
const BAD: [&str; 7] = [
    "empty.txt",
    "image.png",
    "garbage.txt",
    "nul.txt",
    "huge.txt",
    "deep.html",
    "x.txt",
];

/// Builds the batch (the 50 MB file once) and runs `deboil clean` over it once.
fn batch_run() -> &'static BatchRun {
    static RUN: OnceLock<BatchRun> = OnceLock::new();
    RUN.get_or_init(|| {
        let temp = tempfile::tempdir().expect("temp dir");
        let batch = temp.path().join("batch");
        std::fs::create_dir(&batch).expect("batch dir");
        write(
            &batch,
            "article.txt",
            common::text_article("harbour").as_bytes(),
        );
        write(
            &batch,
            "article.html",
            common::html_article("tramway").as_bytes(),
        );
        write(&batch, "empty.txt", b"");
        write(&batch, "image.png", &png_bytes());
        write(
            &batch,
            "garbage.txt",
            &common::pseudo_random_bytes(64 * 1024, 0x5eed, 0x80..=0xff),
        );
        let mut nul = b"Some text before the zeros".to_vec();
        nul.extend(std::iter::repeat_n(0u8, 4096));
        nul.extend(b"and a little after them\0\0\0\n");
        write(&batch, "nul.txt", &nul);
        write(&batch, "huge.txt", &huge_line(50 * 1000 * 1000));
        let mut deep = "<div>".repeat(100_000);
        deep.push_str("text");
        write(&batch, "deep.html", deep.as_bytes());
        // Unreadable even for root: a symlink to nothing.
        std::os::unix::fs::symlink(batch.join("does-not-exist"), batch.join("x.txt"))
            .expect("symlink");

        let out_dir = temp.path().join("out");
        let output = common::deboil([
            "clean".as_ref(),
            batch.as_os_str(),
            "-o".as_ref(),
            out_dir.as_os_str(),
        ]);
        let entries = manifest(&out_dir);
        BatchRun {
            _temp: temp,
            out_dir,
            output,
            entries,
        }
    })
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write input");
}

/// A 1×1 PNG.
fn png_bytes() -> Vec<u8> {
    let mut png =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    png.extend(b"\0\0\0\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\0\x05\0\x01\xff\x89\x99=\x1d");
    png.extend(b"\0\0\0\0IEND\xaeB`\x82");
    png
}

/// `len` bytes of words separated by spaces, no line break.
fn huge_line(len: usize) -> Vec<u8> {
    let words = [
        "lorem ", "ipsum ", "dolor ", "sit ", "amet ", "harbour ", "council ",
    ];
    let mut line = Vec::with_capacity(len + 16);
    let mut i = 0;
    while line.len() < len {
        line.extend_from_slice(words[i % words.len()].as_bytes());
        i += 1;
    }
    line.truncate(len);
    line
}

fn status(entry: &Value) -> &str {
    entry["status"].as_str().unwrap_or_default()
}

fn reason(entry: &Value) -> String {
    entry["reason"].as_str().unwrap_or_default().to_lowercase()
}

/// What the CLI itself guarantees, whatever detect and strip decide about each input.
#[test]
fn bad_inputs_do_not_stop_the_batch() {
    let run = batch_run();
    // The dangling symlink at least fails, so the run exits 1 — after everything else ran.
    assert_exit(&run.output, 1);
    assert_eq!(
        run.entries.len(),
        GOOD.len() + BAD.len(),
        "one manifest line per input: {:#?}",
        run.entries
    );
    let paths: Vec<&str> = run
        .entries
        .iter()
        .filter_map(|e| e["path"].as_str())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "manifest in input (sorted) order");

    for name in GOOD.iter().chain(&BAD) {
        let entry = entry(&run.entries, &format!("/{name}"));
        match status(entry) {
            "ok" => {
                let output = entry["output"].as_str().expect("ok entry has an output");
                assert!(
                    run.out_dir.join(output).is_file(),
                    "{name}: {output} written"
                );
                assert!(entry["reason"].is_null(), "{name}: {entry}");
            }
            "empty" | "error" => {
                assert!(entry["output"].is_null(), "{name}: {entry}");
                assert!(
                    !reason(entry).trim().is_empty(),
                    "{name}: no reason: {entry}"
                );
            }
            other => panic!("{name}: unknown status {other:?}"),
        }
    }

    let unreadable = entry(&run.entries, "/x.txt");
    assert_eq!(status(unreadable), "error");
    assert!(reason(unreadable).contains("no such file"), "{unreadable}");
    let empty = entry(&run.entries, "/empty.txt");
    assert_ne!(status(empty), "ok");
    assert!(reason(empty).contains("empty"), "{empty}");
    let stderr = common::stderr_of(&run.output);
    assert!(
        stderr.contains("x.txt: "),
        "error reported on stderr:\n{stderr}"
    );
    assert!(stderr.contains("failed "), "summary on stderr:\n{stderr}");
}

/// Each bad input is refused with a reason that names what is wrong; the good ones are
/// cleaned. Depends on detect refusing binary data and on strip finding articles.
#[test]
fn bad_inputs_are_refused_with_reasons() {
    let run = batch_run();
    for name in GOOD {
        let entry = entry(&run.entries, &format!("/{name}"));
        assert_eq!(status(entry), "ok", "{name}: {entry}");
        let output = run
            .out_dir
            .join(entry["output"].as_str().unwrap_or_default());
        let text = std::fs::read_to_string(&output).expect("output written");
        assert!(
            text.contains("council"),
            "{name}: article text in {}",
            output.display()
        );
    }
    let expectations: [(&str, &[&str]); 6] = [
        ("image.png", &["binary"]),
        (
            "garbage.txt",
            &["binary", "not text", "encoding", "no text", "no article"],
        ),
        (
            "nul.txt",
            &["binary", "nul", "control", "no text", "no article"],
        ),
        ("deep.html", &["no text", "no article", "deep", "nest"]),
        ("empty.txt", &["empty"]),
        ("x.txt", &["no such file"]),
    ];
    for (name, key_words) in expectations {
        let entry = entry(&run.entries, &format!("/{name}"));
        assert!(
            matches!(status(entry), "error" | "empty"),
            "{name} should be refused: {entry}"
        );
        let reason = reason(entry);
        assert!(
            key_words.iter().any(|k| reason.contains(k)),
            "{name}: reason {reason:?} names none of {key_words:?}"
        );
    }
    // A 50 MB line of words is text; whether it is an article is strip's call. It must just
    // come out one way or the other (checked in `bad_inputs_do_not_stop_the_batch`).
    entry(&run.entries, "/huge.txt");
}

//! Paths that cannot hurt: OUTDIR is never read as input, no output overwrites an input,
//! output names stay inside OUTDIR and apart, every input gets an entry (non-UTF-8 names,
//! FIFOs, empty containers), one run at a time per OUTDIR, and streams are read within
//! `--max-size`.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{assert_exit, deboil, entry, manifest, stderr_of};

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success());
}

fn statuses(entries: &[serde_json::Value]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap_or("").to_string(),
                e["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn cleaning_a_folder_into_itself_reads_no_output() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("d");
    write(&dir.join("a.html"), common::html_article("self").as_bytes());
    // Twice: the second run would read the first run's manifest and outputs.
    for _ in 0..2 {
        let out = deboil([
            OsStr::new("clean"),
            dir.as_os_str(),
            "-o".as_ref(),
            dir.as_os_str(),
        ]);
        assert_exit(&out, 1);
        let entries = manifest(&dir);
        assert_eq!(entries.len(), 1, "{entries:#?}");
        assert_eq!(entries[0]["status"], "error");
        assert!(
            entries[0]["reason"]
                .as_str()
                .is_some_and(|r| r.contains("output directory")),
            "{entries:#?}"
        );
    }
    // OUTDIR inside the input folder: skipped, and named in the manifest, run after run.
    let dir = tmp.path().join("d2");
    write(&dir.join("a.html"), common::html_article("self").as_bytes());
    let out_dir = dir.join("out");
    for _ in 0..2 {
        let out = deboil([
            OsStr::new("clean"),
            dir.as_os_str(),
            "-o".as_ref(),
            out_dir.as_os_str(),
        ]);
        assert_exit(&out, 0);
        let entries = manifest(&out_dir);
        assert_eq!(statuses(&entries).len(), 2, "{entries:#?}");
        assert_eq!(entry(&entries, "d2/a.html")["status"], "ok");
        assert_eq!(entry(&entries, "d2/out")["status"], "skipped");
    }
}

#[test]
fn no_output_overwrites_an_input() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let note = common::text_article("note");
    write(&dir.join("note.txt"), note.as_bytes());
    write(
        &dir.join("page.html"),
        common::html_article("page").as_bytes(),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .current_dir(dir)
        .args(["clean", "note.txt", "page.html", "-o", "."])
        .stdin(Stdio::null())
        .output()
        .expect("run deboil");
    assert_exit(&out, 1);
    assert_eq!(
        std::fs::read_to_string(dir.join("note.txt")).expect("note"),
        note
    );
    let entries = manifest(dir);
    let refused = entry(&entries, "note.txt");
    assert_eq!(refused["status"], "error");
    assert!(
        refused["reason"]
            .as_str()
            .is_some_and(|r| r.contains("overwrites an input")),
        "{refused}"
    );
    assert_eq!(entry(&entries, "page.html")["status"], "ok");
    // Nor is the manifest read while it is written.
    let again = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .current_dir(dir)
        .args(["clean", "manifest.jsonl", "-o", "."])
        .stdin(Stdio::null())
        .output()
        .expect("run deboil");
    assert_exit(&again, 1);
    assert_eq!(manifest(dir).len(), 1);
}

#[test]
fn output_names_stay_inside_outdir_and_apart() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let line = serde_json::json!({"id": "p1", "html": common::html_article("record")}).to_string();
    write(&input.join("...jsonl"), line.as_bytes());
    write(&input.join("..jsonl"), line.as_bytes());
    write(
        &input.join("p1.html"),
        common::html_article("file").as_bytes(),
    );
    write(
        &input.join("A.html"),
        common::html_article("upper").as_bytes(),
    );
    write(
        &input.join("a.htm"),
        common::html_article("lower").as_bytes(),
    );
    let out_dir = tmp.path().join("deep/out");
    let out = deboil([
        OsStr::new("clean"),
        input.join("...jsonl").as_os_str(),
        input.join("..jsonl").as_os_str(),
        input.join("p1.html").as_os_str(),
        input.join("A.html").as_os_str(),
        input.join("a.htm").as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert_exit(&out, 0);
    let entries = manifest(&out_dir);
    let outputs: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["output"].as_str())
        .collect();
    assert_eq!(outputs.len(), 5, "{entries:#?}");
    // Names compared ignoring case: `A` and `a` keep their full names.
    let mut sorted = outputs.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            "A.html.txt",
            "_../p1.txt",
            "_./p1.txt",
            "a.htm.txt",
            "p1.txt"
        ]
    );
    for output in outputs {
        assert!(out_dir.join(output).is_file(), "{output}");
    }
    assert!(!tmp.path().join("deep/p1.txt").exists());
}

#[test]
fn non_utf8_names_stay_distinct() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    for (byte, marker) in [(0xff_u8, "ff"), (0xfe, "fe"), (0xfd, "fd")] {
        let name = [b"a".as_slice(), &[byte], b".html"].concat();
        write(
            &input.join(OsStr::from_bytes(&name)),
            common::html_article(marker).as_bytes(),
        );
    }
    // A UTF-8 name that reads like an escape stays apart too.
    write(
        &input.join("a\\xFF.html"),
        common::html_article("literal").as_bytes(),
    );
    let out_dir = tmp.path().join("out");
    let out = deboil([
        OsStr::new("clean"),
        input.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert_exit(&out, 0);
    let entries = manifest(&out_dir);
    let mut paths: Vec<String> = statuses(&entries).into_iter().map(|(p, _)| p).collect();
    paths.sort();
    let mut expected: Vec<String> = ["a\\xFD.html", "a\\xFE.html", "a\\xFF.html", "a\\\\xFF.html"]
        .iter()
        .map(|n| format!("{}/{n}", input.display()))
        .collect();
    expected.sort();
    assert_eq!(paths, expected);
    let outputs: std::collections::HashSet<&str> = entries
        .iter()
        .filter_map(|e| e["output"].as_str())
        .collect();
    assert_eq!(outputs.len(), 4, "{entries:#?}");
}

#[test]
fn fifos_empty_containers_and_special_files_get_entries() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    write(&input.join("a.html"), common::html_article("a").as_bytes());
    write(&input.join("empty.jsonl"), b"");
    write(&input.join("empty.warc"), b"");
    write(&input.join("blank.jsonl"), b"\n\n\n");
    mkfifo(&input.join("pipe.html"));
    let lone = tmp.path().join("lone.html");
    mkfifo(&lone);
    let out_dir = tmp.path().join("out");
    // The FIFO on the command line has no writer: it reads as empty instead of blocking.
    let out = deboil([
        OsStr::new("clean"),
        input.as_os_str(),
        lone.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    let entries = manifest(&out_dir);
    assert_eq!(entries.len(), 6, "{entries:#?}\n{}", stderr_of(&out));
    assert_eq!(entry(&entries, "in/a.html")["status"], "ok");
    for empty in ["empty.jsonl", "empty.warc", "blank.jsonl"] {
        assert_eq!(entry(&entries, empty)["status"], "empty", "{empty}");
    }
    assert_eq!(entry(&entries, "pipe.html")["status"], "skipped");
    assert_eq!(entry(&entries, "lone.html")["status"], "error");
}

#[test]
fn a_second_run_into_a_locked_outdir_stops_at_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("out");
    std::fs::create_dir_all(&out_dir).expect("mkdir");
    // The first run blocks reading a FIFO on stdin while it holds the lock.
    let fifo = tmp.path().join("stdin");
    mkfifo(&fifo);
    let mut first = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            OsStr::new("clean"),
            "-".as_ref(),
            "-o".as_ref(),
            out_dir.as_os_str(),
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start deboil");
    // Wait until it holds the lock: its run file is written after the lock is taken.
    while !out_dir.join(".deboil-run.json").exists() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let second = deboil([
        OsStr::new("clean"),
        fifo.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert_exit(&second, 1);
    assert!(
        stderr_of(&second).contains("another deboil run"),
        "{}",
        stderr_of(&second)
    );
    drop(first.stdin.take());
    assert!(first.wait().expect("wait").code().is_some());
    // Once it is over, the OUTDIR is free again; a run also clears killed runs' temp files.
    write(&out_dir.join(".part-00000.jsonl.gz.4242-0.tmp"), b"partial");
    let input = tmp.path().join("a.html");
    write(&input, common::html_article("after").as_bytes());
    let third = deboil([
        OsStr::new("clean"),
        input.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
    ]);
    assert_exit(&third, 0);
    assert!(!out_dir.join(".part-00000.jsonl.gz.4242-0.tmp").exists());
}

#[test]
fn endless_streams_end_with_an_error_entry() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out_dir = tmp.path().join("out");
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args([
            OsStr::new("clean"),
            "-".as_ref(),
            "-o".as_ref(),
            out_dir.as_os_str(),
        ])
        .args(["--max-size", "1M"])
        .stdin(zero)
        .output()
        .expect("run deboil");
    assert_exit(&out, 1);
    let entries = manifest(&out_dir);
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("--max-size")),
        "{entries:#?}"
    );
    // A device named on the command line too.
    let out = deboil(["clean", "/dev/zero", "-o"].iter().map(OsStr::new).chain([
        out_dir.as_os_str(),
        "--max-size".as_ref(),
        "1M".as_ref(),
    ]));
    assert_exit(&out, 1);
    assert_eq!(manifest(&out_dir)[0]["status"], "error");
}

#[test]
fn closed_stdout_is_not_a_silent_success() {
    let out = Command::new("sh")
        .args([
            "-c",
            "printf '{\"text\":\"a b c\"}\\n' | \"$0\" clean - --format jsonl >&-",
        ])
        .arg(env!("CARGO_BIN_EXE_deboil"))
        .output()
        .expect("run sh");
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("standard output is closed"));
}

#[test]
fn many_jobs_are_capped_and_large_integer_ids_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("ids.jsonl");
    let html = serde_json::to_string(&common::html_article("ids")).expect("json");
    write(
        &input,
        format!("{{\"id\": 12345678901234567890123, \"html\": {html}}}\n").as_bytes(),
    );
    let out_dir = tmp.path().join("out");
    let out = deboil([
        OsStr::new("clean"),
        input.as_os_str(),
        "-o".as_ref(),
        out_dir.as_os_str(),
        "--jobs".as_ref(),
        "100000".as_ref(),
    ]);
    assert_exit(&out, 0);
    let entries = manifest(&out_dir);
    assert_eq!(entries[0]["record"], "12345678901234567890123");
}

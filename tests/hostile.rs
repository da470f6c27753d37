//! Hostile inputs, made at run time (nothing big is committed): pages built to make parsing
//! quadratic or the tree huge, endless or oversized streams, broken containers. One run
//! over all of them, under a memory limit and a watchdog, must not panic, must give every
//! input its entry, and must keep the budgets: a page over its time budget is an `error`
//! entry that says so, within about the budget plus a second.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{manifest, stderr_of};

/// `--time-budget` of the run, in seconds.
const BUDGET_SECS: f64 = 2.0;

/// A page's error must come within the budget plus this (a debug build, a loaded machine:
/// the release build keeps to about one second).
const SLACK_SECS: f64 = 4.0;

/// Virtual memory allowed to the run (`ulimit -v`, KiB): worker stacks are reserved, not
/// used, so this is well above what the run touches.
const MEMORY_LIMIT_KIB: u64 = 6 << 20;

/// The hostile inputs: file name and bytes.
fn hostile_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let repeat = |unit: &str, n: usize| unit.repeat(n).into_bytes();
    let mut inputs = vec![
        // End tags that close nothing under elements that stay open (the old guard counted
        // them as closing): 990 KB, quadratic in html5ever without the guard.
        ("div-stray-a.html", repeat("<div></a>", 110_000)),
        // Definition lists: `dt` closes only its own, `dl` nests.
        ("dl-dt.html", repeat("<dl><dt>", 125_000)),
        ("stray-li.html", repeat("</li>", 200_000)),
        ("deep-div.html", repeat("<div>", 200_000)),
        ("nested-tables.html", repeat("<table><tr><td>", 40_000)),
        (
            "deep-svg.html",
            [b"<svg>".to_vec(), repeat("<g>", 100_000)].concat(),
        ),
        // Formatting elements reopened in every paragraph: a quadratic number of nodes.
        (
            "formatting-clones.html",
            (0..4000)
                .map(|n| format!("<p><b id={n}>x"))
                .collect::<String>()
                .into_bytes(),
        ),
        // Tiny table cells: many nodes per byte.
        (
            "tiny-cells.html",
            [b"<table><tr>".to_vec(), repeat("<td>a", 300_000)].concat(),
        ),
        (
            "open-comment.html",
            [b"<p>a<!--".to_vec(), repeat("a-", 500_000)].concat(),
        ),
        (
            "script-escape.html",
            [b"<script><!--<script>".to_vec(), repeat("x</", 300_000)].concat(),
        ),
        (
            "many-attributes.html",
            [b"<div ".to_vec(), repeat("a=1 ", 200_000), b">x".to_vec()].concat(),
        ),
        ("one-long-line.txt", repeat("word ", 300_000)),
        ("empty.html", Vec::new()),
        ("nul-bytes.html", vec![0u8; 100_000]),
        // Bytes of every value, in a fixed pseudo-random order.
        ("noise.html", noise(500_000)),
    ];
    // A gzip bomb: 200 MB of zeros in a few hundred KB.
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        bomb.write_all(&zeros).expect("gzip");
    }
    inputs.push(("bomb.html.gz", bomb.finish().expect("gzip")));
    // Containers: a JSONL line past --max-size, a line of only spaces, a WARC whose second
    // record has a wrong Content-Length.
    let big_line = format!("{{\"id\":\"big\",\"html\":\"{}\"}}\n", "a".repeat(3 << 20));
    inputs.push((
        "lines.jsonl",
        [
            big_line.as_bytes(),
            b"   \n",
            b"{\"id\":\"ok\",\"text\":\"A short text.\"}\n",
        ]
        .concat(),
    ));
    inputs.push(("blank.jsonl", b"\n\n\n\n".to_vec()));
    inputs.push(("resync.warc", resync_warc()));
    inputs
}

/// Deterministic bytes (a linear congruential generator).
fn noise(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x2545_f491;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect()
}

fn warc_response(id: &str, content_length_delta: i64) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{id} page text</p>");
    let length = block.len() as i64 + content_length_delta;
    format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n\
         {block}\r\n\r\n"
    )
    .into_bytes()
}

fn resync_warc() -> Vec<u8> {
    [
        warc_response("a", 0),
        warc_response("b", -5),
        warc_response("c", 0),
    ]
    .concat()
}

/// Runs `deboil` under the memory limit; `None` when the watchdog had to kill it.
fn run_limited(dir: &Path, out: &Path, watchdog: Duration) -> Option<std::process::Output> {
    let script = format!(
        "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" clean in -o \"$1\" --jobs 2 \
         --max-size 2M --time-budget {BUDGET_SECS}"
    );
    let mut child = Command::new("sh")
        .current_dir(dir)
        .args(["-c", &script])
        .arg(env!("CARGO_BIN_EXE_deboil"))
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start deboil");
    let started = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        if started.elapsed() > watchdog {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn hostile_inputs_are_all_accounted_for_within_budget_and_memory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = hostile_inputs();
    for (name, bytes) in &inputs {
        let path = tmp.path().join("in").join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write input");
    }
    // Every page at its budget, one after the other, with room to spare: a run that takes
    // longer has a page that ignored its budget.
    let watchdog = Duration::from_secs_f64(inputs.len() as f64 * (BUDGET_SECS + SLACK_SECS) + 60.0);
    let out_dir = tmp.path().join("out");
    let output = run_limited(tmp.path(), &out_dir, watchdog)
        .unwrap_or_else(|| panic!("the run outlived its watchdog of {watchdog:?}"));
    let stderr = stderr_of(&output);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "killed or crashed: {:?}\n{stderr}",
        output.status
    );

    let entries = manifest(&out_dir);
    for e in &entries {
        eprintln!(
            "{} {} {} {}",
            e["path"], e["record"], e["status"], e["reason"]
        );
    }
    // Every input has its entries; containers one per record (or one when empty).
    for (name, _) in &inputs {
        let path = format!("in/{name}");
        let count = entries
            .iter()
            .filter(|e| e["path"] == path.as_str())
            .count();
        assert!(count >= 1, "no entry for {path}:\n{entries:#?}");
    }
    let record = |path: &str, record: &str| -> &serde_json::Value {
        entries
            .iter()
            .find(|e| e["path"] == path && e["record"] == record)
            .unwrap_or_else(|| panic!("no entry for {path} {record}: {entries:#?}"))
    };
    for (path, id) in [
        ("in/lines.jsonl", "ok"),
        ("in/resync.warc", "a"),
        ("in/resync.warc", "c"),
    ] {
        assert_ne!(record(path, id)["status"], "error", "{path} {id}");
    }
    let blank: Vec<_> = entries
        .iter()
        .filter(|e| e["path"] == "in/blank.jsonl")
        .collect();
    assert_eq!(blank.len(), 1);
    assert_eq!(blank[0]["status"], "empty");

    // Every error says which limit it met; a time-budget error came in time.
    for e in entries.iter().filter(|e| e["status"] == "error") {
        let reason = e["reason"].as_str().unwrap_or("");
        let known = [
            "time budget exceeded",
            "nests deeper than",
            "nodes",
            "too large",
            "not JSON",
            "wrong Content-Length",
            "binary",
            "empty input",
            "not text",
        ];
        assert!(known.iter().any(|k| reason.contains(k)), "{e}");
        if let Some(spent) = reason
            .split(": ")
            .find_map(|part| part.strip_suffix("s spent, budget 2s (--time-budget)"))
        {
            let spent: f64 = spent.parse().expect("seconds");
            assert!(spent <= BUDGET_SECS + SLACK_SECS, "{e}");
        }
    }
    // The nesting that the tree keeps is bounded: these pages come out, not stopped.
    for flattened in [
        "in/div-stray-a.html",
        "in/stray-li.html",
        "in/deep-div.html",
    ] {
        let e = entries
            .iter()
            .find(|e| e["path"] == flattened)
            .expect("entry");
        assert!(
            e["status"] != "error"
                || e["reason"]
                    .as_str()
                    .is_some_and(|r| r.contains("time budget")),
            "{e}"
        );
    }
}

/// The fuzz targets' code over their committed seeds (`fuzz/seeds/<target>/`), on the
/// stable toolchain: a fuzz finding's input is added there and replayed by this test.
#[test]
fn fuzz_seeds_replay_without_panic() {
    let seeds = common::repo_root().join("fuzz/seeds");
    let files = |target: &str| -> Vec<Vec<u8>> {
        let mut paths: Vec<_> = std::fs::read_dir(seeds.join(target))
            .expect("seed directory")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("seed"))
            .collect()
    };
    for data in files("decode") {
        if let Some((&control, bytes)) = data.split_first() {
            let options = deboil_detect::DecodeOptions {
                content_type_hint: match control & 3 {
                    0 => None,
                    1 => Some(deboil_detect::ContentType::Html),
                    _ => Some(deboil_detect::ContentType::Text),
                },
                max_bytes: Some(1 << 20),
                ..Default::default()
            };
            let _ = deboil_detect::decode(bytes, &options);
        }
    }
    for data in files("html") {
        let _ = deboil_strip::strip_html(&String::from_utf8_lossy(&data)).body();
    }
    for data in files("text") {
        let _ = deboil_strip::strip_text(&String::from_utf8_lossy(&data)).body();
    }
    let names = [
        "a.warc",
        "a.wet.gz",
        "a.jsonl",
        "a.ndjson.zst",
        "a.html",
        "-",
    ];
    for data in files("records") {
        if let Some((&control, bytes)) = data.split_first() {
            let name = names[usize::from(control) % names.len()];
            let options = deboil_records::ReadOptions {
                max_record_bytes: 1 << 16,
            };
            let (_, records) = deboil_records::open(bytes, name, options);
            assert!(records.count() <= bytes.len() + 2);
        }
    }
}

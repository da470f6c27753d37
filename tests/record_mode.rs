//! Record mode (`deboil clean - --format jsonl`, stdin to stdout) as a distributed job uses
//! it (`rdd.pipe`, one process per partition): stable ids, error lines instead of a failed
//! process, empty partitions, status lines, and the JSONL fields corpus pipelines expect.

mod common;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use common::{assert_exit, html_article, stderr_of};
use serde_json::{Value, json};
use sha2::Digest as _;

/// `deboil ARGS…` with `input` on stdin.
fn run(input: &[u8], args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn deboil");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    output
}

fn lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const RECORD_MODE: [&str; 4] = ["clean", "-", "--format", "jsonl"];

fn jsonl(records: &[Value]) -> Vec<u8> {
    records
        .iter()
        .map(|r| format!("{r}\n"))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn ids_are_the_records_own_else_the_url_else_the_hash_of_the_bytes() {
    let page = html_article("harbour");
    let input = jsonl(&[
        json!({"id": "own-1", "url": "https://a.example/1", "html": page}),
        json!({"url": "https://a.example/2", "html": page}),
        json!({"html": page}),
    ]);
    // Two "partitions" holding the same records in another order get the same ids.
    let first = run(&input, &RECORD_MODE);
    assert_exit(&first, 0);
    let records = lines(&first);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["id"], "own-1");
    assert_eq!(records[1]["id"], "https://a.example/2");
    assert_eq!(records[2]["id"], sha256_hex(page.as_bytes()));
    assert_eq!(records[2]["metadata"]["sha256"], records[2]["id"]);
    let reversed: Vec<u8> = String::from_utf8(input.clone())
        .unwrap()
        .lines()
        .rev()
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .into_bytes();
    let second = run(&reversed, &RECORD_MODE);
    let mut again: Vec<Value> = lines(&second)
        .into_iter()
        .map(|r| r["id"].clone())
        .collect();
    again.reverse();
    let first_ids: Vec<Value> = records.into_iter().map(|r| r["id"].clone()).collect();
    assert_eq!(again, first_ids);
}

#[test]
fn a_bad_line_is_an_error_line_and_the_rest_goes_on_exit_0_unless_asked() {
    let page = html_article("ferry");
    let mut input = jsonl(&[json!({"id": "a", "html": page})]);
    input.extend_from_slice(b"{not json\n");
    input.extend(jsonl(&[json!({"id": "b", "html": page})]));
    let output = run(&input, &RECORD_MODE);
    assert_exit(&output, 0);
    let out = lines(&output);
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0]["id"], "a");
    assert_eq!(out[1]["status"], "error");
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["record"], "line 2");
    assert!(
        out[1]["reason"].as_str().unwrap().contains("JSON"),
        "{}",
        out[1]
    );
    assert_eq!(out[2]["id"], "b");
    // Also reported on stderr.
    assert!(
        stderr_of(&output).contains("line 2"),
        "{}",
        stderr_of(&output)
    );

    let strict = run(
        &input,
        &["clean", "-", "--format", "jsonl", "--fail-on-error"],
    );
    assert_exit(&strict, 1);
    assert_eq!(lines(&strict), out);
}

#[test]
fn empty_input_is_empty_output_and_exit_0() {
    for input in [&b""[..], b"\n\n"] {
        let output = run(input, &RECORD_MODE);
        assert_exit(&output, 0);
        assert!(output.stdout.is_empty(), "{input:?}");
    }
}

#[test]
fn quiet_silences_the_summary_and_emit_status_reports_empty_documents() {
    let page = html_article("lighthouse");
    let input = jsonl(&[
        json!({"id": "full", "html": page}),
        json!({"id": "blank", "html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}),
    ]);
    let loud = run(&input, &RECORD_MODE);
    assert_exit(&loud, 0);
    assert!(!stderr_of(&loud).is_empty());
    assert_eq!(
        lines(&loud).len(),
        1,
        "empty documents are left out by default"
    );

    let quiet = run(
        &input,
        &[
            "clean",
            "-",
            "--format",
            "jsonl",
            "--quiet",
            "--emit-status",
        ],
    );
    assert_exit(&quiet, 0);
    assert_eq!(stderr_of(&quiet), "");
    let out = lines(&quiet);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "full");
    assert_eq!(out[1]["id"], "blank");
    assert_eq!(out[1]["status"], "empty");
    assert!(out[1]["reason"].is_string());
}

#[test]
fn jsonl_on_stdin_with_an_outdir_is_records_not_one_document() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("out");
    let page = html_article("quay");
    let input = jsonl(&[
        json!({"id": "r1", "html": page}),
        json!({"id": "r2", "html": page}),
        json!({"id": "r3", "html": page}),
    ]);
    let args = [
        "clean",
        "-",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "jsonl",
    ];
    let output = run(&input, &args);
    assert_exit(&output, 0);
    let ids: Vec<String> = common::read_parts(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["r1", "r2", "r3"]);
    // The same as without OUTDIR.
    let piped = run(&input, &RECORD_MODE);
    assert_eq!(common::read_parts(&out).into_bytes(), piped.stdout);
}

#[test]
fn records_carry_the_fields_corpus_pipelines_expect() {
    let page = html_article("pier");
    let input = jsonl(&[json!({
        "id": "x", "url": "https://News.Example.org:8443/a", "html": page, "source": "cc-2024"
    })]);
    let output = run(
        &input,
        &[
            "clean",
            "-",
            "--format",
            "jsonl",
            "--added",
            "2026-12-04T12:00:00Z",
        ],
    );
    assert_exit(&output, 0);
    let record = &lines(&output)[0];
    assert_eq!(record["source"], "cc-2024");
    assert_eq!(record["added"], "2026-12-04T12:00:00Z");
    assert_eq!(record["version"], record["metadata"]["deboil"]);
    let meta = &record["metadata"];
    assert_eq!(meta["domain"], "news.example.org");
    let text = record["text"].as_str().unwrap();
    assert_eq!(meta["text_sha256"], sha256_hex(text.as_bytes()));
    assert_ne!(meta["text_sha256"], meta["sha256"]);
    assert_eq!(meta["language_score"], meta["language_confidence"]);
    // Without a source of its own, a record's `source` is the input, and `added` is left out.
    let plain = run(&jsonl(&[json!({"id": "y", "html": page})]), &RECORD_MODE);
    let record = &lines(&plain)[0];
    assert_eq!(record["source"], "-");
    assert!(record.get("added").is_none());
}

#[test]
fn the_library_gives_the_same_line_as_the_binary() {
    let page = html_article("dock");
    let output = run(
        &jsonl(&[json!({"id": "z", "url": "https://e.example/z", "html": page})]),
        &RECORD_MODE,
    );
    let extra = vec![
        ("source_file".to_string(), json!("-")),
        ("record_id".to_string(), json!("z")),
    ];
    let input = deboil::DocumentInput {
        id: Some("z"),
        url: Some("https://e.example/z"),
        content_type: Some(deboil::ContentType::Html),
        transport_charset: Some("utf-8"),
        tld: Some("example"),
        extra: &extra,
        ..deboil::DocumentInput::new(page.as_bytes())
    };
    let cleaned = deboil::clean_document(&input, &deboil::CleanOptions::default());
    assert_eq!(cleaned.status, deboil::Status::Ok);
    assert_eq!(cleaned.jsonl_line().unwrap().into_bytes(), output.stdout);
}

//! WARC, WET and JSONL containers through the binary: every record through the pipeline,
//! a manifest line per record (ok, empty, skipped, error), deterministic output for any
//! `--jobs`, and record mode on pipes (`deboil clean - --format jsonl`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{assert_exit, manifest};
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    common::repo_root()
        .join("crates/records/tests/data")
        .join(name)
}

fn deboil_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run deboil")
}

fn statuses(entries: &[Value]) -> Vec<&str> {
    entries
        .iter()
        .map(|e| e["status"].as_str().expect("status"))
        .collect()
}

fn count(entries: &[Value], status: &str) -> usize {
    entries.iter().filter(|e| e["status"] == status).count()
}

/// Russian news paragraphs, distinct from each other (repeats would be stripped).
const RUSSIAN: [&str; 4] = [
    "Городской совет утвердил новый бюджет после долгих споров, которые продолжались \
     почти до полуночи и собрали в зале заседаний больше сотни жителей.",
    "Депутаты проголосовали во вторник вечером за пересмотренный бюджет программы \
     ремонта дорог, мостов и водопровода, который обслуживает восточные районы города.",
    "Сторонники плана заявили, что деньги будут потрачены за три года, а подряды \
     распределят через открытые тендеры с публикацией всех условий на сайте мэрии.",
    "Критики считают, что стоимость работ занижена, и предлагают вернуться к вопросу \
     осенью, когда станут известны итоги первого этапа и цены на материалы.",
];

const ENGLISH: [&str; 4] = [
    "The city council approved the new budget after a long debate that went on until \
     almost midnight and drew more than a hundred residents to the chamber.",
    "Members voted on Tuesday evening for the revised budget of the programme that \
     repairs roads, bridges and the water mains serving the eastern districts.",
    "Supporters of the plan said the money would be spent over three years, with \
     contracts awarded through open tenders whose terms are published online.",
    "Critics say the cost of the work is underestimated and want the question reopened \
     in the autumn, once the first stage is finished and material prices are known.",
];

fn article_html(title: &str, paragraphs: &[&str], meta_charset: bool) -> String {
    let meta = if meta_charset {
        "<meta charset=\"utf-8\">"
    } else {
        ""
    };
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head>{meta}<title>{title}</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1>{body}</article></body></html>"
    )
}

fn uuid(n: u32) -> String {
    format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>")
}

/// One WARC record, as any writer lays it out.
fn warc_record(n: u32, warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: {}\r\nWARC-Date: 2024-03-0{}T12:00:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uuid(n),
        n % 9 + 1,
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(n: u32, uri: &str, status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    block.extend_from_slice(body);
    warc_record(
        n,
        "response",
        uri,
        "application/http; msgtype=response",
        &block,
    )
}

/// A small crawl: warcinfo, a windows-1251 page whose charset only the HTTP header names,
/// a UTF-8 page, a 404.
fn dump_records() -> Vec<Vec<u8>> {
    let russian = encoding_rs::WINDOWS_1251
        .encode(&article_html("Бюджет города", &RUSSIAN, false))
        .0
        .into_owned();
    vec![
        warc_record(
            1,
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        http_response(
            2,
            "https://news.example.ru/budget",
            "200 OK",
            "text/html; charset=windows-1251",
            &russian,
        ),
        http_response(
            3,
            "https://example.com/budget",
            "200 OK",
            "text/html; charset=utf-8",
            article_html("City budget", &ENGLISH, true).as_bytes(),
        ),
        http_response(
            4,
            "https://example.com/missing",
            "404 Not Found",
            "text/html",
            b"<html><body>gone</body></html>",
        ),
    ]
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// Common Crawl style: one gzip member per record.
fn multi_member_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

#[test]
fn warcio_fixtures_are_accounted_record_by_record() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("out");
    let inputs = [
        fixture("sample.warc"),
        fixture("sample.warc.gz"),
        fixture("sample.wet"),
    ];
    let mut args: Vec<&std::ffi::OsStr> = vec!["clean".as_ref()];
    args.extend(inputs.iter().map(|p| p.as_os_str()));
    args.extend(["-o".as_ref(), out.as_os_str()]);
    let output = common::deboil(&args);
    assert_exit(&output, 0);
    let entries = manifest(&out);

    for name in ["sample.warc", "sample.warc.gz"] {
        let of_file: Vec<Value> = entries
            .iter()
            .filter(|e| e["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .cloned()
            .collect();
        assert_eq!(of_file.len(), 12, "{name}: one line per record");
        let mut skipped: Vec<&str> = of_file
            .iter()
            .filter(|e| e["status"] == "skipped")
            .map(|e| e["reason"].as_str().expect("reason"))
            .collect();
        skipped.sort_unstable();
        assert_eq!(
            skipped,
            [
                "HTTP status 404",
                "WARC-Type metadata",
                "WARC-Type request",
                "WARC-Type revisit",
                "WARC-Type warcinfo",
                "not HTML: image/png",
            ],
            "{name}"
        );
        for entry in &of_file {
            let record = entry["record"].as_str().expect("record id");
            assert!(record.starts_with("00000000-0000-4000-8000-"), "{entry}");
            assert!(
                ["ok", "empty", "skipped"].contains(&entry["status"].as_str().unwrap_or("")),
                "{entry}"
            );
        }
        // The windows-1251 page declares its charset in the HTTP header only.
        let cyrillic = of_file
            .iter()
            .find(|e| e["record"] == "00000000-0000-4000-8000-000000000004")
            .expect("record 4");
        assert_eq!(cyrillic["encoding"], "windows-1251", "{cyrillic}");
        assert_eq!(cyrillic["content_type"], "html");
    }
    // .warc and .warc.gz hold the same records: same manifest but for the path.
    let strip_path = |name: &str| -> Vec<Value> {
        entries
            .iter()
            .filter(|e| e["path"].as_str().is_some_and(|p| p.ends_with(name)))
            .map(|e| {
                let mut e = e.clone();
                e["path"] = Value::Null;
                e
            })
            .collect()
    };
    assert_eq!(strip_path("sample.warc"), strip_path("sample.warc.gz"));

    let wet: Vec<&Value> = entries
        .iter()
        .filter(|e| {
            e["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("sample.wet"))
        })
        .collect();
    assert_eq!(wet.len(), 3);
    assert_eq!(wet[0]["status"], "skipped");
    assert_eq!(wet[0]["reason"], "WARC-Type warcinfo");
    for entry in &wet[1..] {
        assert_eq!(entry["content_type"], "text", "{entry}");
        assert_ne!(entry["status"], "error", "{entry}");
    }
    assert_eq!(count(&entries, "error"), 0);
    assert!(common::stderr_of(&output).contains("skipped 13"));
}

#[test]
fn warc_records_are_cleaned_with_the_transport_charset_and_provenance() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir(dir.join("in")).expect("mkdir");
    std::fs::write(
        dir.join("in/dump.warc.gz"),
        multi_member_gz(&dump_records()),
    )
    .expect("w");

    // txt: one file per record, below the container's name.
    let output = deboil_in(dir, &["clean", "in", "-o", "txt"]);
    assert_exit(&output, 0);
    let entries = manifest(&dir.join("txt"));
    assert_eq!(statuses(&entries), ["skipped", "ok", "ok", "skipped"]);
    assert_eq!(entries[3]["reason"], "HTTP status 404");
    let russian = &entries[1];
    assert_eq!(russian["path"], "in/dump.warc.gz");
    assert_eq!(russian["record"], "00000000-0000-4000-8000-000000000002");
    assert_eq!(russian["encoding"], "windows-1251");
    assert_eq!(russian["language"], "rus");
    assert_eq!(
        russian["output"],
        "dump/00000000-0000-4000-8000-000000000002.txt"
    );
    let text =
        std::fs::read_to_string(dir.join("txt/dump/00000000-0000-4000-8000-000000000002.txt"))
            .expect("record output");
    for line in [
        "source: in/dump.warc.gz\n",
        "encoding: windows-1251\n",
        "encoding_source: transport\n",
        "url: https://news.example.ru/budget\n",
        "date: \"2024-03-03T12:00:00Z\"\n",
        "record_id: <urn:uuid:00000000-0000-4000-8000-000000000002>\n",
        "source_file: in/dump.warc.gz\n",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
    assert!(text.contains("Депутаты проголосовали во вторник"), "{text}");
    assert!(
        dir.join("txt/dump/00000000-0000-4000-8000-000000000003.txt")
            .is_file()
    );

    // jsonl: the same records in part-00000.jsonl.gz, metadata included.
    let output = deboil_in(dir, &["clean", "in", "-o", "jsonl", "--format", "jsonl"]);
    assert_exit(&output, 0);
    let documents = common::read_parts(&dir.join("jsonl"));
    let lines: Vec<Value> = documents
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "00000000-0000-4000-8000-000000000002");
    let metadata = &lines[0]["metadata"];
    assert_eq!(metadata["source"], "in/dump.warc.gz");
    assert_eq!(metadata["encoding_source"], "transport");
    assert_eq!(metadata["url"], "https://news.example.ru/budget");
    assert_eq!(metadata["date"], "2024-03-03T12:00:00Z");
    assert_eq!(
        metadata["record_id"],
        "<urn:uuid:00000000-0000-4000-8000-000000000002>"
    );
    assert_eq!(metadata["source_file"], "in/dump.warc.gz");
    assert_eq!(lines[1]["metadata"]["url"], "https://example.com/budget");
    let entries = manifest(&dir.join("jsonl"));
    assert_eq!(entries[1]["output"], "part-00000.jsonl.gz");
}

#[test]
fn a_bad_jsonl_line_is_one_error_entry_and_the_rest_is_read() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let good = |id: &str, marker: &str| {
        serde_json::json!({
            "id": id,
            "url": format!("https://example.com/{id}"),
            "text": common::text_article(marker),
            "crawl": {"batch": 7},
            "title": "from the dump",
        })
        .to_string()
    };
    let jsonl = format!(
        "{}\n{}\n{{\"id\": \"broken\", \"text\": \"no end\n{}\n",
        good("a", "alpha"),
        good("b/1", "beta"),
        good("c", "gamma")
    );
    std::fs::write(dir.join("docs.jsonl"), jsonl).expect("write");
    let output = deboil_in(dir, &["clean", "docs.jsonl", "-o", "out"]);
    assert_exit(&output, 1);
    let entries = manifest(&dir.join("out"));
    assert_eq!(statuses(&entries), ["ok", "ok", "error", "ok"]);
    assert_eq!(entries[2]["path"], "docs.jsonl");
    assert_eq!(entries[2]["record"], "line 3");
    assert!(
        entries[2]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("invalid JSON")),
        "{}",
        entries[2]
    );
    assert!(common::stderr_of(&output).contains("docs.jsonl: line 3: invalid JSON"));
    // Ids become safe, distinct file names.
    assert_eq!(entries[0]["output"], "docs/a.txt");
    let odd = entries[1]["output"].as_str().expect("output");
    assert!(
        odd.starts_with("docs/b_1-") && odd.ends_with(".txt"),
        "{odd}"
    );
    assert!(dir.join("out").join(odd).is_file());

    let output = deboil_in(
        dir,
        &["clean", "docs.jsonl", "-o", "jsonl", "--format", "jsonl"],
    );
    assert_exit(&output, 1);
    let documents = common::read_parts(&dir.join("jsonl"));
    let first: Value = serde_json::from_str(documents.lines().next().expect("line")).expect("j");
    let metadata = &first["metadata"];
    assert_eq!(metadata["url"], "https://example.com/a");
    assert_eq!(metadata["crawl"]["batch"], 7, "{metadata}");
    assert_eq!(metadata["record_id"], "a");
    // A field deboil writes itself keeps the container's value under another name.
    assert_eq!(metadata["record_title"], "from the dump", "{metadata}");
}

#[test]
fn a_truncated_warc_gz_ends_that_file_with_an_error_and_the_batch_goes_on() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir(dir.join("in")).expect("mkdir");
    let whole = multi_member_gz(&dump_records());
    std::fs::write(dir.join("in/a.warc.gz"), &whole[..whole.len() - 40]).expect("write");
    std::fs::write(
        dir.join("in/b.txt"),
        common::text_article("after the broken dump"),
    )
    .expect("write");
    let output = deboil_in(dir, &["clean", "in", "-o", "out"]);
    assert_exit(&output, 1);
    let entries = manifest(&dir.join("out"));
    assert_eq!(statuses(&entries), ["skipped", "ok", "ok", "error", "ok"]);
    let error = &entries[3];
    assert_eq!(error["path"], "in/a.warc.gz");
    assert!(
        error["record"]
            .as_str()
            .is_some_and(|r| r.starts_with("record 4")),
        "{error}"
    );
    assert!(
        error["reason"]
            .as_str()
            .is_some_and(|r| r.contains("truncated")),
        "{error}"
    );
    assert_eq!(entries[4]["path"], "in/b.txt");
    assert!(dir.join("out/b.txt").is_file());
}

#[test]
fn jobs_1_and_2_write_identical_bytes() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir(dir.join("in")).expect("mkdir");
    std::fs::write(dir.join("in/dump.warc"), dump_records().concat()).expect("write");
    let jsonl: String = (0..300)
        .map(|i| {
            let text = if i % 50 == 7 {
                "{not json".to_string()
            } else {
                serde_json::json!({
                    "id": format!("doc {}", i % 280),
                    "text": common::text_article(&format!("item {i}")),
                    "n": i,
                })
                .to_string()
            };
            text + "\n"
        })
        .collect();
    std::fs::write(dir.join("in/docs.jsonl"), jsonl).expect("write");
    std::fs::write(dir.join("in/page.txt"), common::text_article("plain")).expect("write");
    std::fs::copy(fixture("sample.wet"), dir.join("in/sample.wet")).expect("copy");

    for format in ["txt", "jsonl"] {
        let one = format!("{format}-1");
        let two = format!("{format}-2");
        for (out, jobs) in [(&one, "1"), (&two, "2")] {
            let output = deboil_in(
                dir,
                &["clean", "in", "-o", out, "--format", format, "--jobs", jobs],
            );
            assert_exit(&output, 1);
        }
        let differences =
            deboil::golden::compare_dirs(&dir.join(&one), &dir.join(&two)).expect("compare");
        assert!(differences.is_empty(), "{format}: {differences:?}");
        let entries = manifest(&dir.join(&one));
        assert_eq!(entries.len(), 4 + 300 + 1 + 3);
        assert_eq!(count(&entries, "error"), 6);
    }
    // Duplicate ids in one container still get one file each.
    let txt = deboil::golden::list_files(&dir.join("txt-1")).expect("list");
    assert_eq!(
        txt.iter()
            .filter(|p| p.starts_with("docs") && p.extension().is_some_and(|e| e == "txt"))
            .count(),
        294
    );
}

fn stdin_jsonl(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("stdin.jsonl");
    let jsonl: String = (0..n)
        .map(|i| {
            serde_json::json!({
                "id": format!("d{i}"),
                "text": common::text_article(&format!("number {i}")),
            })
            .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&path, jsonl).expect("write");
    path
}

fn deboil_stdin(input: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(args)
        .stdin(std::fs::File::open(input).expect("open stdin file"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn deboil")
}

#[test]
fn stdin_jsonl_goes_to_stdout_in_input_order() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = stdin_jsonl(temp.path(), 600);
    let output = deboil_stdin(&input, &["clean", "-", "--format", "jsonl", "--jobs", "2"])
        .wait_with_output()
        .expect("wait");
    assert_exit(&output, 0);
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON line");
            assert_eq!(v["metadata"]["source"], "-");
            v["id"].as_str().expect("id").to_string()
        })
        .collect();
    let expected: Vec<String> = (0..600).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, expected);

    // Without jsonl, or with another input, OUTDIR stays required.
    for args in [
        &["clean", "-"][..],
        &["clean", "-", "--format", "txt"],
        &["clean", "x.jsonl", "--format", "jsonl"],
    ] {
        let output = deboil_stdin(&input, args).wait_with_output().expect("wait");
        assert_exit(&output, 2);
        assert!(common::stderr_of(&output).contains("--out"), "{args:?}");
    }
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = stdin_jsonl(temp.path(), 600);
    let mut child = deboil_stdin(&input, &["clean", "-", "--format", "jsonl"]);
    let mut first = String::new();
    {
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("first line");
        // Dropped here: the reader goes away like `head -1`.
    }
    let output = child.wait_with_output().expect("wait");
    assert!(first.starts_with("{\"id\":\"d0\""), "{first}");
    let stderr = common::stderr_of(&output);
    assert!(stderr.is_empty(), "stderr: {stderr}");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn zstd_containers_read_like_plain_ones() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir_all(dir.join("plain")).expect("mkdir");
    std::fs::create_dir_all(dir.join("zst")).expect("mkdir");
    let records = dump_records();
    std::fs::write(dir.join("plain/dump.warc"), records.concat()).expect("write");
    // One frame per record, as the WARC-zstd convention writes them.
    let frames: Vec<u8> = records
        .iter()
        .flat_map(|r| zstd::stream::encode_all(&r[..], 3).expect("zstd"))
        .collect();
    std::fs::write(dir.join("zst/dump.warc.zst"), frames).expect("write");
    let jsonl = serde_json::json!({"id": "j1", "html": article_html("Budget", &ENGLISH, true)})
        .to_string()
        + "\n";
    std::fs::write(dir.join("plain/docs.jsonl"), &jsonl).expect("write");
    std::fs::write(
        dir.join("zst/docs.jsonl.zst"),
        zstd::stream::encode_all(jsonl.as_bytes(), 3).expect("zstd"),
    )
    .expect("write");
    // A single page compressed with zstd is one document, like a `.html.gz`.
    let page = article_html("Bridge", &ENGLISH, true);
    std::fs::write(dir.join("plain/page.html"), &page).expect("write");
    std::fs::write(
        dir.join("zst/page.html.zst"),
        zstd::stream::encode_all(page.as_bytes(), 3).expect("zstd"),
    )
    .expect("write");
    for input in ["plain", "zst"] {
        let output = deboil_in(dir, &["clean", input, "-o", &format!("{input}-out")]);
        assert_exit(&output, 0);
    }
    let plain = manifest(&dir.join("plain-out"));
    let zst = manifest(&dir.join("zst-out"));
    assert_eq!(statuses(&plain), statuses(&zst));
    assert!(count(&zst, "ok") >= 3, "{zst:#?}");
    for (a, b) in plain.iter().zip(&zst) {
        assert_eq!(a["record"], b["record"]);
        if a["record"].is_string() {
            assert_eq!(a["sha256"], b["sha256"], "the same record bytes");
        } else {
            // A file's sha256 is of its raw (here compressed) bytes.
            assert_eq!(a["words"], b["words"], "the same page");
        }
    }
    assert!(dir.join("zst-out/docs/j1.txt").is_file());
    assert!(dir.join("zst-out/page.txt").is_file());

    // A frame cut short ends the file with an error entry.
    let cut = std::fs::read(dir.join("zst/dump.warc.zst")).expect("read");
    std::fs::write(dir.join("zst/dump.warc.zst"), &cut[..cut.len() - 20]).expect("write");
    let output = deboil_in(dir, &["clean", "zst", "-o", "cut-out"]);
    assert_exit(&output, 1);
    let entries = manifest(&dir.join("cut-out"));
    assert_eq!(count(&entries, "error"), 1, "{entries:#?}");
}

#[test]
fn jsonl_parts_roll_at_the_shard_size_and_the_manifest_names_them() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let jsonl: String = (0..60)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "text": common::text_article(&format!("n{i}"))})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(dir.join("docs.jsonl"), jsonl).expect("write");
    let output = deboil_in(
        dir,
        &[
            "clean",
            "docs.jsonl",
            "-o",
            "out",
            "--format",
            "jsonl",
            "--shard-size",
            "8K",
        ],
    );
    assert_exit(&output, 0);
    let out = dir.join("out");
    let mut parts: Vec<String> = std::fs::read_dir(&out)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("part-"))
        .collect();
    parts.sort();
    assert!(parts.len() >= 3, "{parts:?}");
    let entries = manifest(&out);
    let mut next = entries.iter();
    for (n, part) in parts.iter().enumerate() {
        assert_eq!(part, &format!("part-{n:05}.jsonl.gz"));
        let lines = common::read_parts_named(&out, part);
        let size: usize = lines.iter().map(|l| l.len() + 1).sum();
        if n + 1 < parts.len() {
            assert!(size >= 8192, "{part} rolled early: {size} bytes");
            let without_last = size - lines.last().map_or(0, |l| l.len() + 1);
            assert!(without_last < 8192, "{part} rolled late");
        }
        for line in lines {
            let line: Value = serde_json::from_str(&line).expect("JSON");
            let entry = next.next().expect("an entry per line");
            assert_eq!(entry["output"], part.as_str());
            assert_eq!(line["metadata"]["record_id"], entry["record"]);
        }
    }
    assert!(next.next().is_none());
}

#[test]
fn guards_make_too_big_and_too_slow_documents_errors() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    let big = common::html_article(&"big ".repeat(2000));
    let jsonl = [
        serde_json::json!({"id": "small", "text": common::text_article("small")}),
        serde_json::json!({"id": "big", "html": big}),
    ]
    .iter()
    .map(|r| r.to_string() + "\n")
    .collect::<String>();
    std::fs::write(dir.join("docs.jsonl"), jsonl).expect("write");
    std::fs::write(dir.join("big.html"), &big).expect("write");

    let output = deboil_in(
        dir,
        &[
            "clean",
            "docs.jsonl",
            "big.html",
            "-o",
            "size",
            "--max-size",
            "8K",
        ],
    );
    assert_exit(&output, 1);
    let entries = manifest(&dir.join("size"));
    assert_eq!(statuses(&entries), ["error", "ok", "error"], "{entries:#?}");
    for entry in [&entries[0], &entries[2]] {
        let reason = entry["reason"].as_str().expect("reason");
        assert!(reason.contains("8192"), "the limit is named: {reason}");
    }
    let stderr = common::stderr_of(&output);
    assert!(stderr.contains("big.html"), "{stderr}");

    let output = deboil_in(
        dir,
        &[
            "clean",
            "docs.jsonl",
            "-o",
            "time",
            "--time-budget",
            "0.000001",
        ],
    );
    assert_exit(&output, 1);
    let entries = manifest(&dir.join("time"));
    assert_eq!(statuses(&entries), ["error", "error"]);
    let reason = entries[0]["reason"].as_str().expect("reason");
    assert!(reason.starts_with("time budget exceeded"), "{reason}");
}

#[test]
fn the_end_summary_counts_statuses_languages_and_stripped_categories() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path();
    std::fs::create_dir(dir.join("in")).expect("mkdir");
    std::fs::write(dir.join("in/dump.warc"), dump_records().concat()).expect("write");
    let output = deboil_in(dir, &["clean", "in", "-o", "out"]);
    assert_exit(&output, 0);
    let stderr = common::stderr_of(&output);
    let entries = manifest(&dir.join("out"));
    let first = format!(
        "cleaned {}, empty {}, failed 0, skipped {} in ",
        count(&entries, "ok"),
        count(&entries, "empty"),
        count(&entries, "skipped")
    );
    assert!(stderr.starts_with(&first), "{stderr}");
    assert!(stderr.contains(" docs/s, "), "{stderr}");
    assert!(stderr.contains("\n  languages: "), "{stderr}");
    assert!(stderr.contains("rus 1"), "{stderr}");
    assert!(stderr.contains("\n  stripped blocks: "), "{stderr}");
    assert!(stderr.contains("\n  skipped records: "), "{stderr}");
}

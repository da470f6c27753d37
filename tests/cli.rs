//! The `deboil clean` command line: usage errors, stdin, header/no-header, jsonl, output
//! paths and collisions, exit codes.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{assert_exit, deboil, entry, manifest};

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write input");
}

/// A cleaned file's YAML front matter and its body.
fn front_matter_and_body(cleaned: &str) -> (&str, &str) {
    cleaned
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .unwrap_or_else(|| panic!("no front matter in:\n{cleaned}"))
}

#[test]
fn usage_errors_exit_2() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("a.txt");
    write(&input, common::text_article("harbour").as_bytes());
    let out = temp.path().join("out");
    let (input, out) = (input.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let cases: [&[&str]; 7] = [
        &[],
        &["frobnicate"],
        &["clean"],
        &["clean", input],
        &["clean", "-o", out],
        &["clean", input, "-o", out, "--format", "xml"],
        &["clean", input, "-o", out, "--jobs", "0"],
    ];
    for args in cases {
        let output = deboil(args);
        assert_exit(&output, 2);
        assert!(
            !common::stderr_of(&output).is_empty(),
            "{args:?}: usage on stderr"
        );
    }
    assert!(!Path::new(out).exists(), "nothing written on usage errors");
}

#[test]
fn stdin_is_read_with_dash() {
    let temp = tempfile::tempdir().expect("temp dir");
    let out = temp.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .args(["clean", "-", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run deboil");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(common::text_article("harbour").as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    assert_exit(&output, 0);
    let entries = manifest(&out);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["path"], "-");
    assert_eq!(entries[0]["status"], "ok", "{}", entries[0]);
    assert_eq!(entries[0]["output"], "stdin.txt");
    assert!(out.join("stdin.txt").is_file());
}

/// The txt header is YAML front matter; `--no-header` leaves just the body.
#[test]
fn header_is_yaml_and_no_header_drops_it() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in/article.txt");
    write(&input, common::text_article("harbour").as_bytes());
    let with = temp.path().join("with");
    let without = temp.path().join("without");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            with.as_os_str(),
        ]),
        0,
    );
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            without.as_os_str(),
            "--no-header".as_ref(),
        ]),
        0,
    );
    let with = std::fs::read_to_string(with.join("article.txt")).expect("output with header");
    let without = std::fs::read_to_string(without.join("article.txt")).expect("output, no header");

    let (front_matter, _) = front_matter_and_body(&with);
    let header: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(front_matter).expect("header parses as YAML");
    let header = header.as_mapping().expect("header is a mapping");
    assert!(!header.is_empty());

    assert!(!without.starts_with("---"), "no header:\n{without}");
    assert!(without.contains("council"), "body kept:\n{without}");
    assert!(with.ends_with(&without), "same body after the header");
}

#[test]
fn jsonl_lines_have_id_text_metadata() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("in");
    write(
        &dir.join("one.txt"),
        common::text_article("harbour").as_bytes(),
    );
    write(
        &dir.join("sub/two.html"),
        common::html_article("tramway").as_bytes(),
    );
    let out = temp.path().join("out");
    let output = deboil([
        "clean".as_ref(),
        dir.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ]);
    assert_exit(&output, 0);
    let entries = manifest(&out);
    let ok = entries.iter().filter(|e| e["status"] == "ok").count();
    assert!(ok >= 1, "{entries:#?}");

    let documents = common::read_parts(&out);
    let lines: Vec<serde_json::Value> = documents
        .lines()
        .map(|line| serde_json::from_str(line).expect("line is JSON"))
        .collect();
    assert_eq!(lines.len(), ok, "one line per cleaned document");
    for line in &lines {
        assert!(line["id"].is_string(), "{line}");
        assert!(
            line["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{line}"
        );
        assert!(line["metadata"].is_object(), "{line}");
    }
    assert!(
        lines[0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("harbour")
    );
    assert!(!out.join("one.txt").exists(), "jsonl writes no txt files");
}

#[test]
fn output_paths_mirror_inputs_and_collisions_keep_both() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("in");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(common::html_article("viaduct").as_bytes())
        .expect("gzip");
    write(&dir.join("a/b.html.gz"), &gz.finish().expect("gzip"));
    // Three names that all want `c.txt` or each other's fallback; all plain-text articles.
    for (name, marker) in [
        ("c.html", "harbour"),
        ("c.txt", "tramway"),
        ("c.html.txt", "ferry"),
    ] {
        write(&dir.join(name), common::text_article(marker).as_bytes());
    }
    // Skipped: dot-files and dot-dirs.
    write(
        &dir.join(".hidden.txt"),
        common::text_article("secret").as_bytes(),
    );
    write(
        &dir.join(".git/x.txt"),
        common::text_article("secret").as_bytes(),
    );

    let out = temp.path().join("out");
    let output = deboil([
        "clean".as_ref(),
        dir.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_exit(&output, 0);
    let entries = manifest(&out);
    assert_eq!(entries.len(), 4, "{entries:#?}");

    let gz_entry = entry(&entries, "/a/b.html.gz");
    assert_eq!(gz_entry["status"], "ok", "{gz_entry}");
    assert_eq!(gz_entry["output"], "a/b.txt");
    assert!(out.join("a/b.txt").is_file());

    let mut outputs = Vec::new();
    for (name, marker) in [
        ("c.html", "harbour"),
        ("c.txt", "tramway"),
        ("c.html.txt", "ferry"),
    ] {
        let entry = entry(&entries, &format!("in/{name}"));
        assert_eq!(entry["status"], "ok", "{entry}");
        let output = entry["output"].as_str().expect("output").to_string();
        let text = std::fs::read_to_string(out.join(&output)).expect("output written");
        assert!(
            text.contains(marker),
            "{name} → {output} holds its own text"
        );
        outputs.push(output);
    }
    outputs.sort();
    outputs.dedup();
    assert_eq!(
        outputs.len(),
        3,
        "no two inputs share an output: {outputs:?}"
    );
    assert!(
        outputs.contains(&"c.html.txt".to_string()) && outputs.contains(&"c.txt.txt".to_string())
    );

    // Headers name the source as given plus the relative path, never made absolute.
    let relative = temp.path();
    let output = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .current_dir(relative)
        .args(["clean", "in/a", "-o", "out2"])
        .output()
        .expect("run deboil");
    assert_exit(&output, 0);
    assert_eq!(
        manifest(&relative.join("out2"))[0]["path"],
        "in/a/b.html.gz"
    );
}

#[test]
fn all_ok_or_empty_exits_0() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("in");
    write(
        &dir.join("article.txt"),
        common::text_article("harbour").as_bytes(),
    );
    write(
        &dir.join("blank.html"),
        b"<!DOCTYPE html><html><head></head><body></body></html>\n",
    );
    let out = temp.path().join("out");
    let output = deboil([
        "clean".as_ref(),
        dir.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_exit(&output, 0);
    let entries = manifest(&out);
    assert_eq!(entry(&entries, "/article.txt")["status"], "ok");
    let blank = entry(&entries, "/blank.html");
    assert_eq!(blank["status"], "empty", "{blank}");
    assert!(blank["output"].is_null());
    assert!(!blank["reason"].as_str().unwrap_or_default().is_empty());
    assert!(!out.join("blank.txt").exists());
    assert!(common::stderr_of(&output).contains("cleaned 1, empty 1, failed 0"));
}

#[test]
fn uncreatable_out_dir_is_an_error_naming_it() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("a.txt");
    write(&input, common::text_article("harbour").as_bytes());
    // A file where a directory would have to be.
    let out = input.join("out");
    let output = deboil([
        "clean".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_exit(&output, 1);
    assert!(common::stderr_of(&output).contains(&out.display().to_string()));
}

#[test]
fn explain_writes_removed_reports() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in/page.html");
    write(&input, common::html_article("tramway").as_bytes());
    let out = temp.path().join("out");
    let output = deboil([
        "clean".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--explain".as_ref(),
    ]);
    assert_exit(&output, 0);
    assert!(out.join("page.removed.tsv").is_file());
}

/// `--format md` writes `<stem>.md` (header, markdown body); `--markdown` adds the markdown
/// to each JSONL line and is refused without `--format jsonl`.
#[test]
fn markdown_format_and_field() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in/page.html");
    let page = common::html_article("tramway").replace(
        "</article>",
        "<h2>The new line</h2><ol><li>First stop of the new tramway line in the town centre.</li>\
         <li>Second stop of the new tramway line beside the station.</li></ol></article>",
    );
    write(&input, page.as_bytes());
    let md = temp.path().join("md");
    let run = |out: &Path, extra: &[&str]| {
        let mut args = vec![
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
        deboil(args)
    };
    assert_exit(&run(&md, &["--format", "md"]), 0);
    let written = std::fs::read_to_string(md.join("page.md")).expect("page.md");
    assert!(written.starts_with("---\n"), "{written}");
    assert!(
        written.contains("\n## The new line\n\n1. First stop"),
        "{written}"
    );
    assert!(!md.join("page.txt").exists());

    let jsonl = temp.path().join("jsonl");
    assert_exit(&run(&jsonl, &["--format", "jsonl", "--markdown"]), 0);
    let line: serde_json::Value =
        serde_json::from_str(common::read_parts(&jsonl).trim()).expect("one JSON line");
    let markdown = line["markdown"].as_str().unwrap_or_default();
    assert!(markdown.contains("2. Second stop"), "{line}");
    assert!(
        !line["text"].as_str().unwrap_or_default().contains("2. "),
        "{line}"
    );

    let refused = run(&temp.path().join("txt"), &["--markdown"]);
    assert!(!refused.status.success(), "--markdown needs --format jsonl");
}

#[test]
fn double_encoded_text_comes_out_read_back_and_counted() {
    // The article with curly quotes, a dash and accents, its UTF-8 read as Windows-1252 and
    // saved again ("it’s" → "itâ€™s"), as some scrapers leave it.
    let article = common::text_article("café")
        .replace("\"We cannot", "“We cannot")
        .replace("winter,\"", "winter,”")
        .replace(" by a wide margin", " — by a wide margin, it’s said");
    let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(article.as_bytes());
    assert!(garbled.contains("cafÃ©") && garbled.contains("itâ€™s"));
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in/garbled.txt");
    write(&input, garbled.as_bytes());
    let out = temp.path().join("out");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]),
        0,
    );
    let cleaned = std::fs::read_to_string(out.join("garbled.txt")).expect("output");
    let (header, body) = front_matter_and_body(&cleaned);
    assert!(body.contains("for the café programme"), "{body}");
    assert!(body.contains("“We cannot keep patching the same pipes every winter,”"));
    assert!(body.contains("— by a wide margin, it’s said"), "{body}");
    assert!(!body.contains('Ã') && !body.contains("â€"), "{body}");
    let header: serde_yaml_ng::Value = serde_yaml_ng::from_str(header).expect("YAML header");
    assert_eq!(
        header["title"].as_str(),
        Some("City council approves new café budget after long debate")
    );
    // "é" five times and four marks: each a sequence read back.
    assert_eq!(header["mojibake_repaired"], serde_yaml_ng::Value::from(9));
}

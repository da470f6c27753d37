//! `--dedup`, `--dedup-index`, `--lang`, `--min-words`, `--signals` on hand-made dumps.

mod common;

use std::path::Path;

use common::{assert_exit, deboil, entry, manifest};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write input");
}

/// A second, unrelated article (no sentence shared with [`common::text_article`]).
fn other_article() -> String {
    [
        "Orchard growers report an early apple harvest across the northern valleys",
        "Growers in the northern valleys began picking apples nearly two weeks earlier than \
         usual this year, after a warm spring and a dry summer sped up ripening on most farms.",
        "Several cooperatives said that the fruit was smaller but sweeter, and that prices at \
         the regional market had held steady despite the larger volumes arriving each morning.",
        "Seasonal workers were hired sooner than planned, and some packing houses extended \
         their hours to keep up with deliveries from the hillside plots near the river.",
    ]
    .join("\n\n")
}

/// a: an article; b: the same text; c: a copy with one word changed; d: another article.
fn dump(dir: &Path) {
    let article = common::text_article("harbour");
    write(&dir.join("a.txt"), &article);
    write(&dir.join("b.txt"), &article);
    write(&dir.join("c.txt"), &article.replace("spring", "autumn"));
    write(&dir.join("d.txt"), &other_article());
}

#[test]
fn mark_names_the_first_in_input_order_as_the_original() {
    let temp = tempfile::tempdir().expect("temp dir");
    let (input, out) = (temp.path().join("in"), temp.path().join("out"));
    dump(&input);
    assert_exit(
        &deboil([
            Path::new("clean"),
            &input,
            Path::new("-o"),
            &out,
            Path::new("--dedup"),
            Path::new("mark"),
        ]),
        0,
    );
    let entries = manifest(&out);
    assert_eq!(entry(&entries, "a.txt").get("reason"), None);
    assert_eq!(entry(&entries, "d.txt").get("reason"), None);
    let b = entry(&entries, "b.txt");
    assert_eq!(b["status"], "ok");
    let a = input.join("a").display().to_string();
    assert_eq!(
        b["reason"],
        format!("duplicate: exact of {a} (jaccard 1.00)")
    );
    let c = entry(&entries, "c.txt");
    let reason = c["reason"].as_str().expect("reason");
    assert!(
        reason.starts_with(&format!("duplicate: near of {a} (jaccard 0.9")),
        "{reason}"
    );
    let txt = std::fs::read_to_string(out.join("b.txt")).expect("b.txt");
    let header = txt.split("\n---\n").next().expect("header");
    assert!(
        header.ends_with(&format!(
            "\nduplicate_of: {a}\nduplicate_kind: exact\nduplicate_jaccard: 1.0"
        )),
        "{header}"
    );
}

#[test]
fn drop_writes_originals_only_and_the_same_for_any_jobs() {
    let temp = tempfile::tempdir().expect("temp dir");
    let input = temp.path().join("in");
    dump(&input);
    let mut results = Vec::new();
    for jobs in ["1", "3"] {
        let out = temp.path().join(format!("out{jobs}"));
        let output = deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--dedup".as_ref(),
            "drop".as_ref(),
            "--format".as_ref(),
            "jsonl".as_ref(),
            "--jobs".as_ref(),
            jobs.as_ref(),
        ]);
        assert_exit(&output, 0);
        let entries = manifest(&out);
        for dropped in ["b.txt", "c.txt"] {
            let e = entry(&entries, dropped);
            assert_eq!(
                (&e["status"], &e["output"]),
                (&"skipped".into(), &serde_json::Value::Null)
            );
            assert!(
                e["reason"]
                    .as_str()
                    .is_some_and(|r| r.starts_with("duplicate: "))
            );
        }
        let parts = std::fs::read(out.join("part-00000.jsonl.gz")).expect("part");
        results.push((
            std::fs::read(out.join("manifest.jsonl")).expect("manifest"),
            parts,
        ));
    }
    assert_eq!(results[0], results[1], "--jobs 1 and 3 differ");
}

#[test]
fn a_saved_index_carries_originals_to_the_next_run() {
    let temp = tempfile::tempdir().expect("temp dir");
    let index = temp.path().join("dedup.idx");
    let first = temp.path().join("first");
    write(&first.join("a.txt"), &common::text_article("harbour"));
    let out1 = temp.path().join("out1");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            first.as_os_str(),
            "-o".as_ref(),
            out1.as_os_str(),
            "--dedup".as_ref(),
            "mark".as_ref(),
            "--dedup-index".as_ref(),
            index.as_os_str(),
        ]),
        0,
    );
    let second = temp.path().join("second");
    write(&second.join("z.txt"), &common::text_article("harbour"));
    write(&second.join("y.txt"), &other_article());
    let out2 = temp.path().join("out2");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            second.as_os_str(),
            "-o".as_ref(),
            out2.as_os_str(),
            "--dedup".as_ref(),
            "drop".as_ref(),
            "--dedup-index".as_ref(),
            index.as_os_str(),
        ]),
        0,
    );
    let entries = manifest(&out2);
    assert_eq!(
        entry(&entries, "z.txt")["reason"],
        format!(
            "duplicate: exact of {} (jaccard 1.00)",
            first.join("a").display()
        )
    );
    assert_eq!(entry(&entries, "y.txt")["status"], "ok");
    // A file that is not an index stops the run before anything is cleaned.
    std::fs::write(&index, "not an index").expect("write");
    let output = deboil([
        "clean".as_ref(),
        second.as_os_str(),
        "-o".as_ref(),
        temp.path().join("out3").as_os_str(),
        "--dedup".as_ref(),
        "mark".as_ref(),
        "--dedup-index".as_ref(),
        index.as_os_str(),
    ]);
    assert_ne!(output.status.code(), Some(0));
    assert!(common::stderr_of(&output).contains("not a deboil dedup index"));
}

#[test]
fn filters_leave_documents_out_with_their_reason() {
    let temp = tempfile::tempdir().expect("temp dir");
    let (input, out) = (temp.path().join("in"), temp.path().join("out"));
    write(&input.join("long.txt"), &common::text_article("harbour"));
    // The title and the first two paragraphs: under 150 words.
    let short: Vec<String> = common::text_article("harbour")
        .split("\n\n")
        .take(3)
        .map(str::to_string)
        .collect();
    write(&input.join("short.txt"), &short.join("\n\n"));
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--lang".as_ref(),
            "en,fra".as_ref(),
            "--min-words".as_ref(),
            "150".as_ref(),
        ]),
        0,
    );
    let entries = manifest(&out);
    assert_eq!(entry(&entries, "long.txt")["status"], "ok");
    let short = entry(&entries, "short.txt");
    assert_eq!(short["status"], "skipped");
    assert!(
        short["reason"].as_str().is_some_and(
            |r| r.starts_with("filtered: ") && r.ends_with("fewer than 150 (--min-words)")
        ),
        "{short}"
    );
    assert!(!out.join("short.txt").exists());
    let out2 = temp.path().join("out2");
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out2.as_os_str(),
            "--lang".as_ref(),
            "deu".as_ref(),
        ]),
        0,
    );
    assert_eq!(
        entry(&manifest(&out2), "long.txt")["reason"],
        "filtered: language eng (--lang)"
    );
    let bad = deboil([
        "clean".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        temp.path().join("out3").as_os_str(),
        "--lang".as_ref(),
        "english".as_ref(),
    ]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(
        common::stderr_of(&bad).contains("`english` is not an ISO 639-1 or 639-3 language code")
    );
}

#[test]
fn signals_are_a_metadata_object() {
    let temp = tempfile::tempdir().expect("temp dir");
    let (input, out) = (temp.path().join("in"), temp.path().join("out"));
    write(&input.join("a.txt"), &common::text_article("harbour"));
    assert_exit(
        &deboil([
            "clean".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--signals".as_ref(),
            "--format".as_ref(),
            "jsonl".as_ref(),
        ]),
        0,
    );
    let part = std::fs::read(out.join("part-00000.jsonl.gz")).expect("part");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&part[..]), &mut text)
        .expect("gzip");
    let line: serde_json::Value = serde_json::from_str(text.trim()).expect("json");
    let signals = &line["metadata"]["signals"];
    assert!(
        signals["words"].as_u64().is_some_and(|w| w > 100),
        "{signals}"
    );
    assert_eq!(signals["duplicate_lines"], 0.0);
    assert!(
        signals["stop_word_ratio"].as_f64().is_some_and(|r| r > 0.3),
        "{signals}"
    );
}

//! Output is deterministic: `--jobs 1` and `--jobs 2`, and the inputs in any order on the
//! command line, give byte-identical output trees (manifest included), txt and jsonl.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{assert_exit, repo_root};

/// Generated inputs in several encodings, next to the seeds.
fn generated_inputs(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write input");
    };
    let russian = "Городской совет утвердил новый бюджет после долгих споров.\n\n\
        Депутаты проголосовали во вторник вечером за пересмотренный бюджет программы \
        ремонта дорог, мостов и водопровода, который обслуживает восточные районы города.\n\n\
        Сторонники плана заявили, что деньги будут потрачены за три года, а подряды \
        распределят через открытые тендеры. Критики считают, что стоимость занижена.\n";
    write(
        "ru/cp1251.txt",
        &encoding_rs::WINDOWS_1251.encode(russian).0,
    );
    let german = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Stadtrat</title></head><body>\
         <article><h1>Stadtrat beschließt Haushalt</h1><p>{}</p><p>{}</p></article></body></html>",
        "Der Stadtrat hat am Dienstagabend den überarbeiteten Haushalt für die Erneuerung \
         der Straßen, Brücken und Wasserleitungen in den östlichen Bezirken beschlossen.",
        "Befürworter sagten, das Geld werde über drei Jahre ausgegeben; Kritiker halten die \
         geschätzten Kosten für Material und Arbeit für deutlich zu niedrig."
    );
    write(
        "de/latin.html",
        &encoding_rs::WINDOWS_1252.encode(&german).0,
    );
    let japanese = "市議会は長い議論の末、新しい予算を承認した。\n\n\
        議員たちは火曜日の夜、道路や橋、水道管の修理のための予算案に賛成票を投じた。\n\n\
        支持者は資金が三年間にわたって使われると述べたが、批判者は費用が過小評価されていると主張した。\n";
    write("ja/sjis.txt", &encoding_rs::SHIFT_JIS.encode(japanese).0);
    let mut utf16 = vec![0xff, 0xfe];
    for unit in common::text_article("ferry").encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    write("utf16.txt", &utf16);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(common::html_article("viaduct").as_bytes())
        .expect("gzip");
    write("gz/page.html.gz", &gz.finish().expect("gzip"));
    write("empty.txt", b"");
}

/// Runs `deboil clean` from the repository root (so `seeds` stays relative) into `out`.
fn run(inputs: &[PathBuf], out: &Path, extra: &[&str]) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_deboil"))
        .current_dir(repo_root())
        .arg("clean")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("run deboil");
    // empty.txt fails (empty input), so 1 is expected; what matters is that it is the same.
    assert_exit(&output, 1);
}

fn assert_same_tree(expected: &Path, actual: &Path, what: &str) {
    let differences = deboil::golden::compare_dirs(expected, actual).expect("compare");
    let report: Vec<String> = differences.iter().map(ToString::to_string).collect();
    assert!(differences.is_empty(), "{what}:\n{}", report.join("\n"));
}

fn check_format(format: &str) {
    let temp = tempfile::tempdir().expect("temp dir");
    let generated = temp.path().join("generated");
    generated_inputs(&generated);
    let inputs = vec![PathBuf::from("seeds"), generated];
    let reversed: Vec<PathBuf> = inputs.iter().rev().cloned().collect();
    let out = |name: &str| temp.path().join(format!("out-{name}"));

    run(&inputs, &out("j1"), &["--jobs", "1", "--format", format]);
    run(&inputs, &out("j2"), &["--jobs", "2", "--format", format]);
    run(
        &reversed,
        &out("j2-rev"),
        &["--jobs", "2", "--format", format],
    );
    run(&reversed, &out("j1-rev"), &["--format", format, "-j", "1"]);

    let files = deboil::golden::list_files(&out("j1")).expect("list");
    assert!(files.len() > 1, "{format}: outputs written: {files:?}");
    assert_same_tree(&out("j1"), &out("j2"), &format!("{format}: --jobs 1 vs 2"));
    assert_same_tree(
        &out("j1"),
        &out("j2-rev"),
        &format!("{format}: reversed inputs"),
    );
    assert_same_tree(
        &out("j1"),
        &out("j1-rev"),
        &format!("{format}: reversed, 1 job"),
    );
}

#[test]
fn txt_outputs_do_not_depend_on_jobs_or_argument_order() {
    check_format("txt");
}

#[test]
fn jsonl_outputs_do_not_depend_on_jobs_or_argument_order() {
    check_format("jsonl");
}

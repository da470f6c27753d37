//! `cargo xtask compare --to REV`: are this working tree's outputs byte-identical to REV's?
//!
//! Builds the release `deboil` of REV (checked out in a worktree kept at
//! `target/compare/rev`, built with its own `CARGO_TARGET_DIR` `target/compare/target`, so
//! the next comparison rebuilds only what changed) and of the working tree, runs both over the
//! same inputs from the same directory, and reports every document whose output differs.
//!
//! Inputs: the seeds (`seeds/`, in the default txt format and as JSONL), every strip case page
//! (`crates/strip/tests/cases/{html,text}`), and every bench set under `../shared/bench`
//! (`aeb`, `aeb-text`, `wcxb-dev`, `wcxb-dev-more`; a missing set is skipped with a note).
//! Every run is `--jobs 1 --explain`, so the removed-block TSVs are compared as well.
//! Exit status: 0 when nothing differs, 1 otherwise.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, ExitCode, Stdio};

use anyhow::{Context, bail};
use clap::{Arg, Command, value_parser};

/// The bench sets, by name and input folder under the bench directory.
const BENCH_SETS: [(&str, &str); 4] = [
    ("aeb", "aeb/html"),
    ("aeb-text", "aeb-text"),
    ("wcxb-dev", "wcxb-dev/html"),
    ("wcxb-dev-more", "wcxb-dev-more/html"),
];

/// One run of both binaries: a name, the inputs (relative to the repository root or
/// absolute) and the output format.
#[derive(Debug)]
struct RunDef {
    name: String,
    inputs: Vec<PathBuf>,
    format: &'static str,
}

fn command() -> Command {
    Command::new("cargo xtask compare")
        .about("Compare the outputs of the working tree's deboil with those of REV")
        .arg(
            Arg::new("to")
                .long("to")
                .value_name("REV")
                .required(true)
                .help("The git revision to compare with (e.g. HEAD~1, main)"),
        )
        .arg(
            Arg::new("bench")
                .long("bench")
                .value_name("DIR")
                .value_parser(value_parser!(PathBuf))
                .help("Bench data directory [default: ../shared/bench beside the repository]"),
        )
}

pub(crate) fn compare(rest: Vec<OsString>, root: &Path) -> anyhow::Result<ExitCode> {
    let matches = command()
        .try_get_matches_from(std::iter::once(OsString::from("compare")).chain(rest))
        .unwrap_or_else(|e| e.exit());
    let rev = matches.get_one::<String>("to").expect("required");
    let bench = matches
        .get_one::<PathBuf>("bench")
        .cloned()
        .unwrap_or_else(|| root.join("../shared/bench"));

    let commit = git_output(
        root,
        &["rev-parse", "--verify", &format!("{rev}^{{commit}}")],
    )
    .with_context(|| format!("unknown revision {rev}"))?;
    // The working tree first: once its build is done, editing it cannot change this run.
    let new = build(root, &target_dir(root)?)?;
    let base = root.join("target").join("compare");
    let rev_tree = checkout(root, &base.join("rev"), &commit)?;
    let old = build(&rev_tree, &base.join("target"))?;

    let runs = runs(root, &bench)?;
    let scratch = tempfile::tempdir().context("cannot create a temp dir")?;
    let mut differences = 0;
    let mut documents = 0;
    for run in &runs {
        let old_out = scratch.path().join(format!("{}-old", run.name));
        let new_out = scratch.path().join(format!("{}-new", run.name));
        clean(&old, root, run, &old_out)?;
        clean(&new, root, run, &new_out)?;
        let (compared, found) = compare_outputs(&old_out, &new_out)?;
        documents += compared;
        eprintln!(
            "compare: {}: {compared} outputs, {} differ",
            run.name,
            found.len()
        );
        for difference in &found {
            println!("{}: {difference}", run.name);
        }
        differences += found.len();
    }
    let short = &commit[..commit.len().min(12)];
    if differences == 0 {
        println!("compare: all {documents} outputs identical to {rev} ({short})");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("compare: {differences} of {documents} outputs differ from {rev} ({short})");
        Ok(ExitCode::from(1))
    }
}

/// The runs: seeds in both formats, the case pages, and the bench sets that exist.
fn runs(root: &Path, bench: &Path) -> anyhow::Result<Vec<RunDef>> {
    let mut runs = vec![
        RunDef {
            name: "seeds-txt".into(),
            inputs: vec!["seeds".into()],
            format: "txt",
        },
        RunDef {
            name: "seeds".into(),
            inputs: vec!["seeds".into()],
            format: "jsonl",
        },
    ];
    // The case pages only (their `.expected` reports beside them are not inputs).
    let mut cases = Vec::new();
    for (dir, ext) in [("html", "html"), ("text", "txt")] {
        let rel = Path::new("crates/strip/tests/cases").join(dir);
        let listing = std::fs::read_dir(root.join(&rel))
            .with_context(|| format!("cannot list {}", rel.display()))?;
        for entry in listing {
            let name = entry?.file_name();
            if Path::new(&name).extension().is_some_and(|e| e == ext) {
                cases.push(rel.join(name));
            }
        }
    }
    cases.sort();
    runs.push(RunDef {
        name: "cases".into(),
        inputs: cases,
        format: "jsonl",
    });
    for (name, input) in BENCH_SETS {
        let dir = bench.join(input);
        if dir.is_dir() {
            let dir = std::path::absolute(&dir).context("cannot resolve the bench directory")?;
            runs.push(RunDef {
                name: name.into(),
                inputs: vec![dir],
                format: "jsonl",
            });
        } else {
            eprintln!("compare: {name} skipped: {} not found", dir.display());
        }
    }
    Ok(runs)
}

fn git_output(dir: &Path, args: &[&str]) -> anyhow::Result<String> {
    let output = Process::new("git")
        .args(args)
        .current_dir(dir)
        .stderr(Stdio::inherit())
        .output()
        .context("cannot run git")?;
    if !output.status.success() {
        bail!("git {} failed ({})", args.join(" "), output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<()> {
    git_output(dir, args).map(drop)
}

/// Checks `commit` out in the worktree at `tree` (added on first use). A checkout touches
/// only the files that differ, so cargo rebuilds only what changed since the last comparison.
fn checkout(root: &Path, tree: &Path, commit: &str) -> anyhow::Result<PathBuf> {
    let tree_str = tree.to_str().context("the repository path is not UTF-8")?;
    if !tree.join(".git").exists() {
        // A worktree whose folder was deleted by hand is still registered: forget it first.
        git(root, &["worktree", "prune"])?;
        git(root, &["worktree", "add", "--detach", tree_str, commit])?;
    } else {
        git(
            tree,
            &["checkout", "--quiet", "--force", "--detach", commit],
        )?;
        git(tree, &["clean", "--quiet", "-fd"])?;
    }
    Ok(tree.to_path_buf())
}

/// The working tree's target directory, honouring `CARGO_TARGET_DIR`.
fn target_dir(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => {
            std::path::absolute(PathBuf::from(dir)).context("cannot resolve CARGO_TARGET_DIR")?
        }
        None => root.join("target"),
    })
}

/// `cargo build --release -p deboil` in `tree` into `target`; returns the binary.
fn build(tree: &Path, target: &Path) -> anyhow::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("compare: building {}", tree.display());
    let status = Process::new(cargo)
        .args(["build", "--release", "--quiet", "-p", "deboil"])
        .current_dir(tree)
        .env("CARGO_TARGET_DIR", target)
        .status()
        .context("cannot run cargo")?;
    if !status.success() {
        bail!("cargo build in {} failed ({status})", tree.display());
    }
    let binary = target
        .join("release")
        .join(format!("deboil{}", std::env::consts::EXE_SUFFIX));
    if !binary.is_file() {
        bail!("{} not found after the build", binary.display());
    }
    Ok(binary)
}

/// `deboil clean INPUTS -o OUT --format F --jobs 1 --explain`, run from the repository root
/// so that both builds see the same input paths.
fn clean(deboil: &Path, root: &Path, run: &RunDef, out: &Path) -> anyhow::Result<()> {
    let status = Process::new(deboil)
        .arg("clean")
        .args(&run.inputs)
        .arg("-o")
        .arg(out)
        .args(["--format", run.format, "--jobs", "1", "--explain"])
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .with_context(|| format!("cannot run {}", deboil.display()))?;
    // Exit 1 means "some input failed", which the manifests compare; more is a crash.
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("{} on {} failed ({status})", deboil.display(), run.name);
    }
    Ok(())
}

/// Compares two output folders: JSONL parts and the manifest line by line, keyed by document
/// (a line's `id` or `path`), any other file byte for byte. Returns the number of outputs
/// compared and one line per difference.
fn compare_outputs(old: &Path, new: &Path) -> anyhow::Result<(usize, Vec<String>)> {
    let old = read_outputs(old)?;
    let new = read_outputs(new)?;
    let mut differences = Vec::new();
    for (key, old_value) in &old {
        match new.get(key) {
            None => differences.push(format!("{key}: missing in the working tree's output")),
            Some(new_value) if new_value != old_value => {
                differences.push(format!("{key}: {}", first_difference(old_value, new_value)));
            }
            Some(_) => {}
        }
    }
    for key in new.keys().filter(|key| !old.contains_key(*key)) {
        differences.push(format!("{key}: only in the working tree's output"));
    }
    Ok((old.len().max(new.len()), differences))
}

/// Every output of a run, by a key naming the document: `FILE` for plain files, `FILE#ID`
/// for a line of the JSONL parts (which document lands in which part is compared too) and
/// `manifest.jsonl#PATH` for a manifest entry.
fn read_outputs(out: &Path) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut outputs = BTreeMap::new();
    let listing =
        std::fs::read_dir(out).with_context(|| format!("cannot list {}", out.display()))?;
    for entry in listing {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .context("an output name is not UTF-8")?
            .to_string();
        let bytes =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let (lines, field) = if name.ends_with(".jsonl.gz") {
            let mut text = Vec::new();
            flate2::read::MultiGzDecoder::new(&bytes[..])
                .read_to_end(&mut text)
                .with_context(|| format!("cannot gunzip {}", path.display()))?;
            (text, "id")
        } else if name == "manifest.jsonl" {
            (bytes, "path")
        } else {
            outputs.insert(name, bytes);
            continue;
        };
        for (number, line) in lines.split(|&b| b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let key = serde_json::from_slice::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get(field)?.as_str().map(str::to_string))
                .unwrap_or_else(|| format!("line {}", number + 1));
            let key = format!("{name}#{key}");
            if outputs.insert(key.clone(), line.to_vec()).is_some() {
                bail!("{key} appears twice in {}", out.display());
            }
        }
    }
    Ok(outputs)
}

/// Where two outputs part, with a little of each side.
fn first_difference(old: &[u8], new: &[u8]) -> String {
    let at = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let excerpt = |bytes: &[u8]| {
        let start = at.saturating_sub(30);
        let end = (at + 50).min(bytes.len());
        format!("{:?}", String::from_utf8_lossy(&bytes[start.min(end)..end]))
    };
    format!(
        "differs at byte {at}: was {} now {}",
        excerpt(old),
        excerpt(new)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_compare_per_document() {
        let old = tempfile::tempdir().unwrap();
        let new = tempfile::tempdir().unwrap();
        let write = |dir: &Path, name: &str, text: &str| {
            std::fs::write(dir.join(name), text).unwrap();
        };
        write(old.path(), "a.txt", "same");
        write(new.path(), "a.txt", "same");
        write(old.path(), "b.removed.tsv", "x\tnavigation (links.dense)\n");
        write(new.path(), "b.removed.tsv", "x\tnavigation (links.other)\n");
        write(
            old.path(),
            "manifest.jsonl",
            "{\"path\":\"p1\",\"n\":1}\n{\"path\":\"p2\"}\n",
        );
        write(
            new.path(),
            "manifest.jsonl",
            "{\"path\":\"p1\",\"n\":2}\n{\"path\":\"p2\"}\n",
        );
        write(old.path(), "only-old.txt", "");
        let (compared, differences) = compare_outputs(old.path(), new.path()).unwrap();
        assert_eq!(compared, 5);
        assert_eq!(differences.len(), 3, "{differences:?}");
        assert!(differences[0].starts_with("b.removed.tsv: differs at byte 20"));
        assert!(differences[1].starts_with("manifest.jsonl#p1: differs at byte 17"));
        assert_eq!(
            differences[2],
            "only-old.txt: missing in the working tree's output"
        );
    }

    #[test]
    fn jsonl_parts_compare_per_id() {
        use std::io::Write;
        let gz = |text: &str| {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            encoder.write_all(text.as_bytes()).unwrap();
            encoder.finish().unwrap()
        };
        let old = tempfile::tempdir().unwrap();
        let new = tempfile::tempdir().unwrap();
        let part = "part-00000.jsonl.gz";
        std::fs::write(
            old.path().join(part),
            gz("{\"id\":\"d1\",\"text\":\"a\"}\n{\"id\":\"d2\",\"text\":\"b\"}\n"),
        )
        .unwrap();
        std::fs::write(
            new.path().join(part),
            gz("{\"id\":\"d1\",\"text\":\"a\"}\n{\"id\":\"d2\",\"text\":\"c\"}\n"),
        )
        .unwrap();
        let (compared, differences) = compare_outputs(old.path(), new.path()).unwrap();
        assert_eq!(compared, 2);
        assert_eq!(differences.len(), 1);
        assert!(differences[0].starts_with("part-00000.jsonl.gz#d2: differs"));
    }
}

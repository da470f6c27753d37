//! Project automation: `cargo xtask clean [--check] [CLEAN ARGS…]`,
//! `cargo xtask bench [--set NAME] [--runs N] [--jobs N] [--json FILE] [--no-build]`,
//! `cargo xtask bench --scale [--records N] [--factor N]`, `cargo xtask bench --stress`,
//! `cargo xtask bench --lens [--set NAME]` (the article pages as served, without metadata, and
//! without class, id, role, microdata and `data-*` attributes),
//! `cargo xtask compare --to REV [--bench DIR]`.

mod aeb;
mod bench;
mod compare;
mod headers;
mod lens;
mod scale;
mod sets;
mod site;
mod stress;

use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use deboil::CleanArgs;

const USAGE: &str = "usage: cargo xtask <clean [--check] [deboil clean args…] | bench [--help for options] | compare --to REV>";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let task = args.next();
    let rest: Vec<OsString> = args.collect();
    let result = match task.as_ref().and_then(|t| t.to_str()) {
        Some("clean") => clean(rest),
        Some("bench") => bench::bench(rest, &repo_root()),
        Some("compare") => compare::compare(rest, &repo_root()),
        Some("site") => site::site(rest, &repo_root().join("../shared/bench")),
        // Internal: one measured run of `bench` (see `bench::bench_child`).
        Some("bench-child") => bench::bench_child(rest),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("xtask: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// The repository root: xtask lives in `<root>/xtask`.
fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// `deboil clean`'s arguments plus `--check`.
fn clean_command(inputs_required: bool) -> Command {
    CleanArgs::augment_args(Command::new("cargo xtask clean"))
        .arg(
            Arg::new("check")
                .long("check")
                .action(ArgAction::SetTrue)
                .help(
                    "Clean into a temp dir and compare with the goldens; exit 1 on any difference",
                ),
        )
        .mut_arg("inputs", |a| a.required(inputs_required))
        .mut_arg("out_dir", |a| a.required(inputs_required))
}

fn clean(rest: Vec<OsString>) -> anyhow::Result<ExitCode> {
    // First pass only finds out which of INPUT and -o were given; the defaults are
    // `seeds` and `cleaned`, relative to the repository root so that header `source`s read
    // `seeds/…` wherever cargo was started.
    let first = parse(clean_command(false), &rest);
    let default_inputs = !first.contains_id("inputs");
    let default_out = !first.contains_id("out_dir");
    let root = repo_root();
    let mut argv: Vec<OsString> = vec!["cargo xtask clean".into()];
    if default_inputs {
        std::env::set_current_dir(&root)
            .with_context(|| format!("cannot enter {}", root.display()))?;
        argv.push("seeds".into());
    }
    if default_out {
        argv.push("-o".into());
        argv.push(if default_inputs {
            "cleaned".into()
        } else {
            root.join("cleaned").into_os_string()
        });
    }
    argv.extend(rest);
    let matches = clean_command(true)
        .try_get_matches_from(argv)
        .unwrap_or_else(|e| e.exit());
    let mut args = CleanArgs::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // For `remove_stale`: the goldens are a few files.
    args.collect_outputs = true;
    if matches.get_flag("check") {
        check(&args)
    } else {
        let summary = deboil::run_clean(&args)?;
        eprintln!("{summary}");
        if default_inputs && default_out {
            remove_stale(&args.out_dir, &summary.outputs)?;
        }
        Ok(if summary.has_errors() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

fn parse(command: Command, rest: &[OsString]) -> ArgMatches {
    let argv = std::iter::once(OsString::from("cargo xtask clean")).chain(rest.iter().cloned());
    command
        .try_get_matches_from(argv)
        .unwrap_or_else(|e| e.exit())
}

/// Removes generated files (`*.txt`) in the goldens directory that this run did not write,
/// e.g. for a seed that was deleted or now comes out empty.
fn remove_stale(out_dir: &Path, written: &[PathBuf]) -> anyhow::Result<()> {
    let written: HashSet<&PathBuf> = written.iter().collect();
    for rel in deboil::golden::list_files(out_dir)? {
        if rel.extension().is_some_and(|e| e == "txt") && !written.contains(&rel) {
            let path = out_dir.join(&rel);
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove stale {}", path.display()))?;
            eprintln!("removed stale {}", path.display());
        }
    }
    Ok(())
}

/// Cleans into a temp dir and compares it with `args.out_dir` file by file.
fn check(args: &CleanArgs) -> anyhow::Result<ExitCode> {
    let temp = tempfile::tempdir().context("cannot create a temp dir")?;
    let mut temp_args = args.clone();
    temp_args.out_dir = temp.path().to_path_buf();
    let summary = deboil::run_clean(&temp_args)?;
    eprintln!("{summary}");
    let differences = deboil::golden::compare_dirs(&args.out_dir, temp.path())
        .context("cannot compare outputs")?;
    let mut stdout = std::io::stdout().lock();
    if differences.is_empty() {
        let files = deboil::golden::list_files(&args.out_dir)?.len();
        let _ = writeln!(
            stdout,
            "check: all {files} files in {} match",
            args.out_dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    for difference in &differences {
        let _ = writeln!(stdout, "{difference}");
    }
    let _ = writeln!(
        stdout,
        "check: {} difference(s) from {}; run `cargo xtask clean` and review the diff",
        differences.len(),
        args.out_dir.display()
    );
    Ok(ExitCode::from(1))
}

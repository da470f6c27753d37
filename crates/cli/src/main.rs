//! `deboil`: clean scraped web pages into article text with provenance headers.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

// mimalloc instead of the system allocator: a page is parsed into thousands of small nodes,
// strings and vectors that live only while it is cleaned, and glibc's malloc/free took
// about a tenth of the CPU time (perf, aeb, --jobs 1).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "deboil", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Clean pages into OUTDIR: one text file per document and a manifest.
    Clean(deboil::CleanArgs),
}

fn main() -> ExitCode {
    let args = match stdout_mode_args() {
        Some(args) => args,
        None => match Cli::parse().command {
            Command::Clean(args) => args,
        },
    };
    match deboil::run_clean(&args) {
        // The reader stopped early (`| head`): nothing more to say.
        Ok(summary) if summary.stdout_closed => ExitCode::SUCCESS,
        Ok(summary) => {
            if !args.quiet {
                let _ = writeln!(std::io::stderr().lock(), "{summary}");
            }
            // Record mode (stdout) says what failed in its error lines; the exit status
            // only when asked, so that one bad record cannot fail a whole job.
            let record_mode = args.out_dir.as_os_str().is_empty();
            if summary.has_errors() && (args.fail_on_error || !record_mode) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            let _ = writeln!(std::io::stderr().lock(), "deboil: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// `deboil clean - --format jsonl` without `-o` writes to stdout: `-o` is required everywhere
/// else, so only that one case is parsed with `-o` optional, and then parsed again with an
/// empty OUTDIR (what `run_clean` reads as stdout).
fn stdout_mode_args() -> Option<deboil::CleanArgs> {
    let argv: Vec<OsString> = std::env::args_os().collect();
    if argv.get(1).is_none_or(|arg| arg != "clean") {
        return None;
    }
    let relaxed = Cli::command().mut_subcommand("clean", |clean| {
        clean.mut_arg("out_dir", |a| a.required(false))
    });
    let matches = relaxed.try_get_matches_from(&argv).ok()?;
    let Some(("clean", clean)) = matches.subcommand() else {
        return None;
    };
    if clean.contains_id("out_dir") {
        return None;
    }
    let inputs: Vec<PathBuf> = clean
        .get_many::<PathBuf>("inputs")
        .map(|values| values.cloned().collect())
        .unwrap_or_default();
    let format = clean.get_one::<deboil::OutputFormat>("format").copied()?;
    if !deboil::is_stdout_mode(&inputs, format) {
        return None;
    }
    let with_empty_out = argv.into_iter().chain([OsString::from("--out=")]);
    match Cli::try_parse_from(with_empty_out).ok()?.command {
        Command::Clean(args) => Some(args),
    }
}

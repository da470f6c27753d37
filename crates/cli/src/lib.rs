//! The batch driver behind the `deboil` binary and `cargo xtask clean`.
//!
//! [`run_clean`] collects the inputs ([`inputs`]), cleans each one in parallel
//! ([`pipeline`]), writes the outputs ([`output`]) and the manifest ([`manifest`]).
//! Everything written is deterministic: identical bytes for any `--jobs` and any
//! completion order.

pub mod golden;
mod inputs;
mod manifest;
mod output;
mod pipeline;

use std::fmt;
use std::io::{IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::manifest::Status;

/// Arguments of `deboil clean` (also flattened into `cargo xtask clean`).
#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// Files, directories (walked recursively, dot-files skipped) or `-` for stdin.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output directory (created if needed).
    #[arg(short = 'o', long = "out", value_name = "OUTDIR", required = true)]
    pub out_dir: PathBuf,
    /// Output format: one `.txt` per document, or all documents in `documents.jsonl`.
    #[arg(long, value_enum, default_value_t = OutputFormat::Txt)]
    pub format: OutputFormat,
    /// Write the body only, without the provenance header (txt format).
    #[arg(long)]
    pub no_header: bool,
    /// Worker threads [default: available cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Also write `<stem>.removed.tsv`: every removed block with its category and rule.
    #[arg(long)]
    pub explain: bool,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Txt,
    Jsonl,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub cleaned: usize,
    pub empty: usize,
    pub failed: usize,
    /// Raw input bytes read.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Every file the run wrote, relative to the output directory, sorted.
    pub outputs: Vec<PathBuf>,
}

impl Summary {
    /// True when at least one input failed (exit code 1).
    pub fn has_errors(&self) -> bool {
        self.failed > 0
    }

    pub fn documents(&self) -> usize {
        self.cleaned + self.empty + self.failed
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        write!(
            f,
            "cleaned {}, empty {}, failed {} in {:.2}s ({:.0} docs/s, {:.1} MB/s)",
            self.cleaned,
            self.empty,
            self.failed,
            self.elapsed.as_secs_f64(),
            self.documents() as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
        )
    }
}

/// Cleans every input into `args.out_dir`. Per-document failures are reported on stderr and
/// in the manifest (see [`Summary::has_errors`]); `Err` only when the run as a whole cannot
/// proceed (output directory not creatable, manifest not writable).
pub fn run_clean(args: &CleanArgs) -> anyhow::Result<Summary> {
    let started = Instant::now();
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("cannot create output directory {}", args.out_dir.display()))?;
    let inputs = inputs::collect(&args.inputs);
    let settings = pipeline::Settings {
        format: match args.format {
            OutputFormat::Txt => deboil_emit::Format::Txt,
            OutputFormat::Jsonl => deboil_emit::Format::Jsonl,
        },
        header: !args.no_header,
        explain: args.explain,
    };
    let threads = args
        .jobs
        .map(NonZeroUsize::get)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, NonZeroUsize::get));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // Parsers and tree walks may recurse with the nesting depth of a hostile page;
        // a big (lazily committed) stack turns a would-be stack overflow into plain work.
        .stack_size(256 << 20)
        .thread_name(|i| format!("deboil-worker-{i}"))
        .build()
        .context("cannot start worker threads")?;

    let progress = progress_bar(inputs.len() as u64);
    let stderr_lock = Mutex::new(());
    let report_error = |path: &str, reason: &str| {
        // One lock so lines from different workers never interleave.
        let _guard = stderr_lock.lock().unwrap_or_else(|e| e.into_inner());
        progress.suspend(|| {
            let _ = writeln!(std::io::stderr().lock(), "deboil: {path}: {reason}");
        });
    };

    let results: Vec<pipeline::Processed> = {
        let _silence = pipeline::SilentPanics::install();
        pool.install(|| {
            inputs
                .par_iter()
                .map(|input| {
                    let processed =
                        output::write_document(&args.out_dir, pipeline::process(input, &settings));
                    if processed.entry.status == Status::Error {
                        let reason = processed.entry.reason.as_deref().unwrap_or("");
                        report_error(&processed.entry.path, reason);
                    }
                    progress.inc(1);
                    processed
                })
                .collect()
        })
    };
    progress.finish_and_clear();

    let mut summary = Summary::default();
    let mut jsonl = String::new();
    for processed in &results {
        match processed.entry.status {
            Status::Ok => summary.cleaned += 1,
            Status::Empty => summary.empty += 1,
            Status::Error => summary.failed += 1,
        }
        summary.bytes += processed.entry.bytes.unwrap_or(0);
        summary.outputs.extend(processed.written.iter().cloned());
        if let Some(line) = &processed.jsonl {
            jsonl.push_str(line);
        }
    }
    if settings.format == deboil_emit::Format::Jsonl {
        let path = args.out_dir.join(output::DOCUMENTS_FILE);
        output::write_atomic(&path, jsonl.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        summary.outputs.push(PathBuf::from(output::DOCUMENTS_FILE));
    }
    let manifest_path = args.out_dir.join(output::MANIFEST_FILE);
    let manifest = manifest::render(results.iter().map(|p| &p.entry));
    output::write_atomic(&manifest_path, manifest.as_bytes())
        .with_context(|| format!("cannot write {}", manifest_path.display()))?;
    summary.outputs.push(PathBuf::from(output::MANIFEST_FILE));
    summary.outputs.sort();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A progress bar on stderr, or a hidden one when stderr is not a terminal.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} docs, {per_sec}, eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

//! The batch driver behind the `deboil` binary and `cargo xtask clean`.
//!
//! [`run_clean`] collects the inputs ([`inputs`]), cleans each one in parallel
//! ([`pipeline`]; WARC/WET/JSONL containers record by record in batches, [`containers`]),
//! writes the outputs ([`output`]) and the manifest ([`manifest`]).
//! Everything written is deterministic: identical bytes for any `--jobs` and any
//! completion order.

mod containers;
pub mod golden;
mod inputs;
mod manifest;
mod output;
mod pipeline;

use std::fmt;
use std::io::{IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::manifest::{ManifestEntry, Status};

/// Arguments of `deboil clean` (also flattened into `cargo xtask clean`).
#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// Files, directories (walked recursively, dot-files skipped) or `-` for stdin.
    /// `.warc`, `.wet`, `.jsonl`, `.ndjson` (optionally `.gz`) are read record by record.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output directory (created if needed). Not needed for `- --format jsonl`: stdin records
    /// to stdout.
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
    /// Container records that hold no document (WARC requests, non-HTML responses, …).
    pub skipped: usize,
    /// Raw input bytes read.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Every file the run wrote, relative to the output directory, sorted.
    pub outputs: Vec<PathBuf>,
    /// Standard output was closed by its reader (e.g. `| head`) and the run stopped early.
    pub stdout_closed: bool,
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
            "cleaned {}, empty {}, failed {}",
            self.cleaned, self.empty, self.failed
        )?;
        if self.skipped > 0 {
            write!(f, ", skipped {}", self.skipped)?;
        }
        write!(
            f,
            " in {:.2}s ({:.0} docs/s, {:.1} MB/s)",
            self.elapsed.as_secs_f64(),
            self.documents() as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
        )
    }
}

/// Cleans every input into `args.out_dir`. Per-document failures are reported on stderr and
/// in the manifest (see [`Summary::has_errors`]); `Err` only when the run as a whole cannot
/// proceed (output directory not creatable, manifest not writable).
///
/// An empty `out_dir` with the single input `-` and `--format jsonl` is record mode for
/// pipes: records (JSONL, WARC, or one document) read from stdin, JSONL written to stdout
/// in input order, flushed per batch; no manifest.
pub fn run_clean(args: &CleanArgs) -> anyhow::Result<Summary> {
    let started = Instant::now();
    let to_stdout = args.out_dir.as_os_str().is_empty();
    if to_stdout && !is_stdout_mode(&args.inputs, args.format) {
        anyhow::bail!(
            "an output directory (-o OUTDIR) is required, except for `deboil clean - --format jsonl`"
        );
    }
    if !to_stdout {
        std::fs::create_dir_all(&args.out_dir).with_context(|| {
            format!("cannot create output directory {}", args.out_dir.display())
        })?;
    }
    let settings = pipeline::Settings {
        format: match args.format {
            OutputFormat::Txt => deboil_emit::Format::Txt,
            OutputFormat::Jsonl => deboil_emit::Format::Jsonl,
        },
        header: !args.no_header,
        explain: args.explain && !to_stdout,
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

    let mut sink = if to_stdout {
        Sink::stdout()
    } else {
        Sink::dir(&args.out_dir, settings.format)?
    };
    let inputs = if to_stdout {
        Vec::new()
    } else {
        inputs::collect(&args.inputs)
    };
    let runner = Runner {
        settings,
        pool,
        progress: if to_stdout {
            ProgressBar::hidden()
        } else {
            progress_bar(inputs.len() as u64)
        },
        stderr_lock: Mutex::new(()),
        out_dir: (!to_stdout).then_some(args.out_dir.as_path()),
    };
    let result = {
        let _silence = pipeline::SilentPanics::install();
        if to_stdout {
            runner.stdin_records(&mut sink)
        } else {
            runner.inputs(&inputs, &mut sink)
        }
    };
    runner.progress.finish_and_clear();
    match result {
        Ok(()) => {}
        Err(error) if is_broken_pipe(&error) => sink.summary.stdout_closed = true,
        Err(error) => return Err(error),
    }
    let mut summary = sink.finish()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// `deboil clean - --format jsonl` without `-o`: stdin records to stdout.
pub fn is_stdout_mode(inputs: &[PathBuf], format: OutputFormat) -> bool {
    format == OutputFormat::Jsonl && inputs.len() == 1 && inputs[0].as_os_str() == "-"
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs documents through the pipeline on the worker pool.
struct Runner<'a> {
    settings: pipeline::Settings,
    pool: rayon::ThreadPool,
    progress: ProgressBar,
    stderr_lock: Mutex<()>,
    /// `None` in stdout mode: nothing is written but the JSONL lines.
    out_dir: Option<&'a Path>,
}

impl Runner<'_> {
    /// Files in runs cleaned in parallel, containers record batch by record batch; all in
    /// input order.
    fn inputs(&self, inputs: &[inputs::Input], sink: &mut Sink) -> anyhow::Result<()> {
        let mut files: Vec<&inputs::Input> = Vec::new();
        for input in inputs {
            if input.container {
                self.files(&files, sink)?;
                files.clear();
                self.container(input, sink)?;
            } else {
                files.push(input);
            }
        }
        self.files(&files, sink)
    }

    fn files(&self, files: &[&inputs::Input], sink: &mut Sink) -> anyhow::Result<()> {
        let results: Vec<pipeline::Processed> = self.pool.install(|| {
            files
                .par_iter()
                .map(|input| {
                    let processed = self.finish(pipeline::process(input, &self.settings));
                    self.progress.inc(1);
                    processed
                })
                .collect()
        });
        for processed in results {
            sink.push(processed)?;
        }
        Ok(())
    }

    fn container(&self, input: &inputs::Input, sink: &mut Sink) -> anyhow::Result<()> {
        let opened = match &input.source {
            inputs::Source::File(path) => {
                std::fs::File::open(path).map_err(|error| format!("cannot read: {error}"))
            }
            inputs::Source::Stdin(_) => Err("standard input is not a container".to_string()),
            inputs::Source::Unreadable(reason) => Err(reason.clone()),
        };
        let result = match opened {
            Ok(file) => {
                let options = deboil_records::ReadOptions::default();
                let (_, records) = deboil_records::open(file, &input.display, options);
                self.records(records, &input.display, &input.output_stem, sink)
            }
            Err(reason) => {
                let mut entry = ManifestEntry::new(&input.display);
                entry.fail(reason);
                let processed = pipeline::Processed::new(entry, PathBuf::new());
                self.report(&processed);
                sink.push(processed)
            }
        };
        self.progress.inc(1);
        result
    }

    fn stdin_records(&self, sink: &mut Sink) -> anyhow::Result<()> {
        let stdin = std::io::stdin().lock();
        let (_, records) = deboil_records::open(stdin, "-", deboil_records::ReadOptions::default());
        self.records(records, "-", Path::new("stdin"), sink)
    }

    /// Reads [`containers::BATCH`] entries, cleans them in parallel, hands them on in order.
    fn records(
        &self,
        mut records: impl Iterator<Item = deboil_records::Entry>,
        display: &str,
        dir: &Path,
        sink: &mut Sink,
    ) -> anyhow::Result<()> {
        let mut batcher = containers::Batcher::new(display, dir);
        loop {
            let batch: Vec<containers::Item> = records
                .by_ref()
                .take(containers::BATCH)
                .map(|entry| batcher.item(entry))
                .collect();
            if batch.is_empty() {
                return Ok(());
            }
            let results: Vec<pipeline::Processed> = self.pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|item| match item {
                        containers::Item::Record(record, stem) => self.finish(
                            pipeline::process_record(display, &record, stem, &self.settings),
                        ),
                        containers::Item::Done(processed) => {
                            self.report(&processed);
                            *processed
                        }
                    })
                    .collect()
            });
            for processed in results {
                sink.push(processed)?;
            }
            sink.flush()?;
        }
    }

    /// Writes a document's files (not in stdout mode) and reports a failure.
    fn finish(&self, processed: pipeline::Processed) -> pipeline::Processed {
        let processed = match self.out_dir {
            Some(out_dir) => output::write_document(out_dir, processed),
            None => processed,
        };
        self.report(&processed);
        processed
    }

    fn report(&self, processed: &pipeline::Processed) {
        let entry = &processed.entry;
        if entry.status != Status::Error {
            return;
        }
        let reason = entry.reason.as_deref().unwrap_or("");
        let place = match &entry.record {
            Some(record) => format!("{}: {record}", entry.path),
            None => entry.path.clone(),
        };
        // One lock so lines from different workers never interleave.
        let _guard = self.stderr_lock.lock().unwrap_or_else(|e| e.into_inner());
        self.progress.suspend(|| {
            let _ = writeln!(std::io::stderr().lock(), "deboil: {place}: {reason}");
        });
    }
}

/// Where processed documents go, in order: OUTDIR (`documents.jsonl`, `manifest.jsonl`) or
/// standard output.
struct Sink {
    documents: Option<output::StreamFile>,
    manifest: Option<output::StreamFile>,
    stdout: Option<std::io::BufWriter<std::io::Stdout>>,
    summary: Summary,
}

impl Sink {
    fn dir(out_dir: &Path, format: deboil_emit::Format) -> anyhow::Result<Self> {
        let create = |name: &str| {
            let path = out_dir.join(name);
            output::StreamFile::create(&path)
                .with_context(|| format!("cannot write {}", path.display()))
        };
        Ok(Sink {
            documents: match format {
                deboil_emit::Format::Jsonl => Some(create(output::DOCUMENTS_FILE)?),
                deboil_emit::Format::Txt => None,
            },
            manifest: Some(create(output::MANIFEST_FILE)?),
            stdout: None,
            summary: Summary::default(),
        })
    }

    fn stdout() -> Self {
        Sink {
            documents: None,
            manifest: None,
            stdout: Some(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            summary: Summary::default(),
        }
    }

    fn push(&mut self, processed: pipeline::Processed) -> anyhow::Result<()> {
        let summary = &mut self.summary;
        match processed.entry.status {
            Status::Ok => summary.cleaned += 1,
            Status::Empty => summary.empty += 1,
            Status::Error => summary.failed += 1,
            Status::Skipped => summary.skipped += 1,
        }
        summary.bytes += processed.entry.bytes.unwrap_or(0);
        summary.outputs.extend(processed.written);
        if let Some(line) = &processed.jsonl {
            if let Some(documents) = &mut self.documents {
                documents
                    .write(line.as_bytes())
                    .with_context(|| format!("cannot write {}", documents.path().display()))?;
            }
            if let Some(stdout) = &mut self.stdout {
                stdout
                    .write_all(line.as_bytes())
                    .context("cannot write to standard output")?;
            }
        }
        if let Some(manifest) = &mut self.manifest {
            manifest
                .write(manifest::line(&processed.entry).as_bytes())
                .with_context(|| format!("cannot write {}", manifest.path().display()))?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        if let Some(stdout) = &mut self.stdout {
            stdout.flush().context("cannot write to standard output")?;
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<Summary> {
        if !self.summary.stdout_closed {
            match self.flush() {
                Err(error) if is_broken_pipe(&error) => self.summary.stdout_closed = true,
                other => other?,
            }
        }
        let mut summary = std::mem::take(&mut self.summary);
        for (file, name) in [
            (self.documents.take(), output::DOCUMENTS_FILE),
            (self.manifest.take(), output::MANIFEST_FILE),
        ] {
            if let Some(file) = file {
                let path = file.path().to_path_buf();
                file.finish()
                    .with_context(|| format!("cannot write {}", path.display()))?;
                summary.outputs.push(PathBuf::from(name));
            }
        }
        summary.outputs.sort();
        Ok(summary)
    }
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

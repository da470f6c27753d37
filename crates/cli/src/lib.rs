//! The batch driver behind the `deboil` binary and `cargo xtask clean`.
//!
//! [`run_clean`] collects the inputs (`inputs`), cleans each one in parallel
//! (`pipeline`; WARC/WET/JSONL containers record by record in batches, `containers`),
//! writes the outputs (`output`) and the manifest (`manifest`).
//! Everything written is deterministic: identical bytes for any `--jobs` and any
//! completion order.

mod containers;
mod corpus;
mod document;
mod files;
#[cfg(feature = "golden")]
pub mod golden;
mod inputs;
mod manifest;
mod output;
mod pipeline;
mod record_stream;
mod resume;
mod schedule;
mod shards;
mod sink;
mod site;
mod summary;

use std::io::{IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::builder::TypedValueParser as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

pub use crate::corpus::DedupMode;
pub use crate::document::{
    CleanOptions, CleanedDocument, ContentType, DEFAULT_MAX_SIZE, DEFAULT_TIME_BUDGET_SECS,
    DocumentInput, Format, Language, Status, clean_document, document_id,
};
use crate::manifest::ManifestEntry;
pub use crate::record_stream::{
    RecordCleaner, RecordOutcome, read_record_batch, read_record_batch_of,
};
use crate::sink::Sink;
pub use crate::summary::Summary;

/// Arguments of `deboil clean` (also flattened into `cargo xtask clean`).
#[derive(Debug, Clone, clap::Args)]
pub struct CleanArgs {
    /// Files, directories (walked recursively, dot-files skipped) or `-` for stdin.
    /// `.warc`, `.wet`, `.jsonl`, `.ndjson` (optionally `.gz` or `.zst`) are read record by
    /// record.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output directory (created if needed). Not needed for `- --format jsonl`: stdin records
    /// to stdout.
    #[arg(short = 'o', long = "out", value_name = "OUTDIR", required = true,
          value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from))]
    pub out_dir: PathBuf,
    /// Output format: one `.txt` per document, one `.md` (markdown), or JSON lines in
    /// `part-00000.jsonl.gz`, …
    #[arg(long, value_enum, default_value_t = OutputFormat::Txt)]
    pub format: OutputFormat,
    /// JSONL: each line also carries the body in markdown, in a `markdown` field.
    #[arg(long)]
    pub markdown: bool,
    /// Write the body only, without the provenance header (txt format).
    #[arg(long)]
    pub no_header: bool,
    /// Worker threads [default: available cores]. With 1, reading and writing share the
    /// worker's turn (one core in all); with more, they run beside the workers.
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Also write `<stem>.removed.tsv`: every removed block with its category and rule.
    #[arg(long)]
    pub explain: bool,
    /// Learn each host's repeated blocks (menus, promos, footers) in a first pass over the
    /// inputs, and remove them as `site.repeat` where they are not article text.
    #[arg(long)]
    pub site_learning: bool,
    /// Skip documents an earlier run into OUTDIR (finished or killed) already cleaned from
    /// the same bytes; the result is what one uninterrupted run writes.
    #[arg(long)]
    pub resume: bool,
    /// Roll JSONL parts after this much JSON (before compression): bytes, or with K, M, G.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub shard_size: u64,
    /// Size guard: a larger document (after gunzipping) is an error entry.
    #[arg(long, value_name = "SIZE", default_value = "32M", value_parser = parse_size)]
    pub max_size: u64,
    /// Time guard: a document not cleaned after this many seconds is an error entry.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIME_BUDGET_SECS, value_parser = parse_seconds)]
    pub time_budget: f64,
    /// JSONL `added` of every document (dolma: when it joined the data set), e.g.
    /// `$(date -u +%FT%TZ)`; left out when not given, so that runs are reproducible.
    #[arg(long, value_name = "TIMESTAMP")]
    pub added: Option<String>,
    /// Don't print the summary on stderr (errors are still reported, one line each).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Record mode (stdout): also write a status line for each empty or skipped document
    /// (`{"id":…,"status":"empty","reason":…}`), as errors always are.
    #[arg(long)]
    pub emit_status: bool,
    /// Record mode (stdout): exit 1 when a document failed. Without it record mode exits 0
    /// and its error lines say what failed, so one bad record cannot fail a whole job.
    /// With OUTDIR a failure always exits 1 (the manifest says which).
    #[arg(long)]
    pub fail_on_error: bool,
    /// Collect the paths of every file written into [`Summary::outputs`] (for
    /// `cargo xtask clean`; off by default, as a dump may hold millions).
    #[arg(skip)]
    pub collect_outputs: bool,
    /// Duplicates (exact: same cleaned text; near: MinHash estimated Jaccard ≥ 0.7), the
    /// first in input order being the original: `mark` names it in the metadata, `drop`
    /// writes originals only. Both say so in the manifest.
    #[arg(long, value_enum, value_name = "MODE")]
    pub dedup: Option<corpus::DedupMode>,
    /// Load the duplicate index from FILE if it exists and save it there at the end, so a
    /// later run finds duplicates of this one's documents.
    #[arg(long, value_name = "FILE", requires = "dedup")]
    pub dedup_index: Option<PathBuf>,
    /// Keep only documents in these languages: ISO 639-3 or 639-1 codes, comma-separated
    /// (`eng,fra`, `en,fr`; `und` for undetermined).
    #[arg(long, value_name = "CODES")]
    pub lang: Option<String>,
    /// Keep only documents of at least N words.
    #[arg(long, value_name = "N")]
    pub min_words: Option<usize>,
    /// Add quality signals (a `signals` object) to each document's metadata.
    #[arg(long)]
    pub signals: bool,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Txt,
    Jsonl,
    /// Markdown: like txt, the body with headings, lists, quotes, code and tables marked up.
    Md,
}

impl OutputFormat {
    fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Txt => "txt",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Md => "md",
        }
    }
}

/// `4096`, `64K`, `256M`, `1G` (powers of 1024), at least 1.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 10),
        Some((i, 'm' | 'M')) => (&text[..i], 20),
        Some((i, 'g' | 'G')) => (&text[..i], 30),
        _ => (text, 0),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size (e.g. 4096, 64K, 256M, 1G)"))?;
    n.checked_mul(1 << shift)
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{text}` is out of range"))
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 1e9 => Ok(secs),
        _ => Err(format!("`{text}` is not a number of seconds above 0")),
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
    if to_stdout && args.resume {
        anyhow::bail!("--resume needs an output directory (-o OUTDIR)");
    }
    if args.markdown && args.format != OutputFormat::Jsonl {
        anyhow::bail!(
            "--markdown adds a field to JSONL lines: use it with --format jsonl (or --format md for markdown files)"
        );
    }
    let mut settings = pipeline::Settings {
        format: match args.format {
            OutputFormat::Txt => deboil_emit::Format::Txt,
            OutputFormat::Jsonl => deboil_emit::Format::Jsonl,
            OutputFormat::Md => deboil_emit::Format::Md,
        },
        options: CleanOptions {
            header: !args.no_header,
            explain: args.explain && !to_stdout,
            max_bytes: args.max_size,
            time_budget: Duration::from_secs_f64(args.time_budget),
            markdown: args.markdown,
        },
        added: args.added.clone(),
        resume: None,
        site: None,
        corpus: corpus::Options::new(args)?,
    };
    if args.resume && settings.corpus.any() {
        anyhow::bail!("--resume does not go with --dedup, --lang, --min-words or --signals yet");
    }
    if to_stdout {
        ensure_stdout_open()?;
    }
    let mut _lock = None;
    if !to_stdout {
        std::fs::create_dir_all(&args.out_dir).with_context(|| {
            format!("cannot create output directory {}", args.out_dir.display())
        })?;
        _lock = Some(files::lock_out_dir(&args.out_dir)?);
        files::remove_stale_temp_files(&args.out_dir)
            .with_context(|| format!("cannot clear temp files in {}", args.out_dir.display()))?;
        let run_settings = resume::RunSettings {
            deboil: env!("CARGO_PKG_VERSION").to_string(),
            // Lines with a markdown field are other outputs: a resumed run must not mix them.
            format: if args.markdown {
                "jsonl+markdown".to_string()
            } else {
                args.format.as_str().to_string()
            },
            header: settings.options.header,
            explain: settings.options.explain,
            shard_bytes: args.shard_size,
            max_bytes: args.max_size,
        };
        if args.resume {
            let index = resume::Index::prepare(&args.out_dir, &run_settings)?;
            if !index.is_empty() {
                settings.resume = Some(Arc::new(index));
            }
        } else {
            // A fresh run: whatever an interrupted resume left aside is stale now.
            resume::Index::remove(&args.out_dir)?;
        }
        resume::write_run_settings(&args.out_dir, &run_settings)?;
    }
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    // More workers than a few per core only add memory (each may hold a page's tree):
    // `--jobs` is capped at MAX_JOBS_PER_CORE per core.
    let threads = args
        .jobs
        .map_or(cores, NonZeroUsize::get)
        .min(cores.saturating_mul(MAX_JOBS_PER_CORE));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // Parsers and tree walks may recurse with the nesting depth of a hostile page;
        // a big (lazily committed) stack turns a would-be stack overflow into plain work.
        .stack_size(256 << 20)
        .thread_name(|i| format!("deboil-worker-{i}"))
        .build()
        .context("cannot start worker threads")?;

    let inputs = if to_stdout {
        Vec::new()
    } else {
        let out_dir = inputs::OutDir::new(&args.out_dir, args.format == OutputFormat::Jsonl);
        inputs::collect(&args.inputs, out_dir.as_ref(), args.max_size)
    };
    if args.site_learning && !to_stdout {
        let state = site::learn(&inputs, args.max_size, &pool);
        eprintln!("{}", state.note());
        settings.site = Some(Arc::new(state));
    }
    let progress = if to_stdout {
        ProgressBar::hidden()
    } else {
        progress_bar(inputs.iter().map(inputs::Input::size).sum())
    };
    let mut sink = if to_stdout {
        Sink::stdout(args.emit_status)
    } else {
        Sink::dir(
            &args.out_dir,
            args.format == OutputFormat::Jsonl,
            args.shard_size,
            args.collect_outputs,
            progress.clone(),
        )?
    };
    if let Some(mode) = args.dedup {
        sink.dedup = Some(corpus::Dedup::open(
            mode,
            args.dedup_index.as_deref(),
            settings.format,
            settings.options.header,
            (!to_stdout).then_some(args.out_dir.as_path()),
        )?);
    }
    let runner = Runner {
        settings,
        pool,
        pipelined: threads > 1,
        progress,
        done_bytes: AtomicU64::new(0),
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
    // The bar stays, at its real end: every input byte, every document.
    if !runner.progress.is_hidden() && result.is_ok() {
        sink.show_progress();
    }
    runner.progress.finish();
    match result {
        Ok(()) => {}
        Err(error) if files::is_broken_pipe(&error) => sink.summary.stdout_closed = true,
        Err(error) => return Err(error),
    }
    let dedup = sink.dedup.take();
    let mut summary = sink.finish()?;
    if let Some(dedup) = dedup {
        dedup.save()?;
    }
    if args.resume {
        resume::Index::remove(&args.out_dir)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Most worker threads per core that `--jobs` may start.
pub const MAX_JOBS_PER_CORE: usize = 4;

/// Fails when standard output was closed (`>&-`). The standard library opens `/dev/null`
/// (read-write) in place of a closed standard stream at start-up, so writes would vanish and
/// the run would report success: `/dev/null` opened read-write on fd 1 is taken for that
/// (a shell's `> /dev/null` opens it write-only, and is obeyed).
fn ensure_stdout_open() -> anyhow::Result<()> {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    use std::os::fd::AsFd;
    let stdout = std::io::stdout();
    let fd = stdout.as_fd();
    let closed = || anyhow::anyhow!("standard output is closed: nothing could be written");
    let flags = fcntl(fd, FcntlArg::F_GETFL).map_err(|_| closed())?;
    let read_write = OFlag::from_bits_truncate(flags) & OFlag::O_ACCMODE == OFlag::O_RDWR;
    let is_dev_null = || -> bool {
        let (Ok(out), Ok(null)) = (nix::sys::stat::fstat(fd), nix::sys::stat::stat("/dev/null"))
        else {
            return false;
        };
        out.st_rdev == null.st_rdev && out.st_ino == null.st_ino
    };
    if read_write && is_dev_null() {
        return Err(closed());
    }
    Ok(())
}

/// `deboil clean - --format jsonl` without `-o`: stdin records to stdout.
pub fn is_stdout_mode(inputs: &[PathBuf], format: OutputFormat) -> bool {
    format == OutputFormat::Jsonl && inputs.len() == 1 && inputs[0].as_os_str() == "-"
}

/// Runs documents through the pipeline on the worker pool.
struct Runner<'a> {
    settings: pipeline::Settings,
    pool: rayon::ThreadPool,
    /// Read and write on a thread of their own while the workers clean (`--jobs` > 1).
    /// With `--jobs 1` the run keeps to one core, as a run of one process per core expects.
    pipelined: bool,
    /// Counts input bytes: files when cleaned, containers as read.
    progress: ProgressBar,
    /// Input bytes of the inputs finished so far.
    done_bytes: AtomicU64,
    stderr_lock: Mutex<()>,
    /// `None` in stdout mode: nothing is written but the JSONL lines.
    out_dir: Option<&'a Path>,
}

impl Runner<'_> {
    /// Files in batches cleaned in parallel, containers record batch by record batch; all in
    /// input order.
    fn inputs(&self, inputs: &[inputs::Input], sink: &mut Sink) -> anyhow::Result<()> {
        let mut files: Vec<&inputs::Input> = Vec::new();
        for input in inputs {
            if let inputs::Source::Stdin(bytes) = &input.source {
                // JSONL or WARC on stdin is records, as without OUTDIR; never one document.
                if deboil_records::sniff_format(bytes, "") != deboil_records::Format::Single {
                    self.files(&files, sink)?;
                    files.clear();
                    let options = deboil_records::ReadOptions {
                        max_record_bytes: self.settings.options.max_bytes,
                    };
                    let base = self.done_bytes.load(Ordering::Relaxed);
                    let read = Arc::new(AtomicU64::new(0));
                    let reader = CountingReader {
                        inner: bytes.as_slice(),
                        count: Arc::clone(&read),
                    };
                    let (_, records) = deboil_records::open(reader, "-", options);
                    let on_batch = || {
                        self.progress
                            .set_position(base + read.load(Ordering::Relaxed));
                    };
                    self.records(records, &input.display, &input.output_stem, sink, &on_batch)?;
                    let done = base + input.size();
                    self.done_bytes.store(done, Ordering::Relaxed);
                    self.progress.set_position(done);
                    continue;
                }
            }
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

    /// Batches of [`containers::BATCH`] files, so that memory holds one batch's outputs.
    fn files(&self, files: &[&inputs::Input], sink: &mut Sink) -> anyhow::Result<()> {
        for sized in file_batches(files) {
            let results = schedule::map_largest_first(
                &self.pool,
                sized,
                |(_, size)| *size,
                |(input, size)| {
                    let processed = self.finish(pipeline::process(input, &self.settings));
                    let done = self.done_bytes.fetch_add(size, Ordering::Relaxed) + size;
                    self.progress.set_position(done);
                    processed
                },
            );
            for processed in results {
                sink.push(processed)?;
            }
            sink.flush()?;
        }
        Ok(())
    }

    fn container(&self, input: &inputs::Input, sink: &mut Sink) -> anyhow::Result<()> {
        let opened = match &input.source {
            inputs::Source::File(path) => {
                files::open_without_blocking(path).map_err(|error| format!("cannot read: {error}"))
            }
            inputs::Source::Stdin(_) => Err("standard input is not a container".to_string()),
            inputs::Source::Unreadable(reason) => Err(reason.clone()),
            inputs::Source::NotDocument(reason) => {
                let mut entry = ManifestEntry::new(&input.display);
                entry.status = Status::Skipped;
                entry.reason = Some(reason.clone());
                return sink.push(pipeline::Processed::new(entry, PathBuf::new()));
            }
        };
        let base = self.done_bytes.load(Ordering::Relaxed);
        let result = match opened {
            Ok(file) => {
                let read = Arc::new(AtomicU64::new(0));
                let file = CountingReader {
                    inner: file,
                    count: Arc::clone(&read),
                };
                let options = deboil_records::ReadOptions {
                    max_record_bytes: self.settings.options.max_bytes,
                };
                let (_, records) = deboil_records::open(file, &input.display, options);
                let on_batch = || {
                    self.progress
                        .set_position(base + read.load(Ordering::Relaxed));
                };
                let before = sink.summary.entries();
                let result =
                    self.records(records, &input.display, &input.output_stem, sink, &on_batch);
                if result.is_ok() && sink.summary.entries() == before {
                    // An empty container (no bytes, or only blank lines) is accounted for too.
                    let mut entry = ManifestEntry::new(&input.display);
                    entry.status = Status::Empty;
                    entry.reason = Some("no records".to_string());
                    sink.push(pipeline::Processed::new(entry, PathBuf::new()))
                } else {
                    result
                }
            }
            Err(reason) => {
                let mut entry = ManifestEntry::new(&input.display);
                entry.fail(reason);
                let processed = pipeline::Processed::new(entry, PathBuf::new());
                self.report(&processed);
                sink.push(processed)
            }
        };
        let done = base + input.size();
        self.done_bytes.store(done, Ordering::Relaxed);
        self.progress.set_position(done);
        result
    }

    fn stdin_records(&self, sink: &mut Sink) -> anyhow::Result<()> {
        use std::io::BufRead as _;
        let mut stdin = std::io::stdin().lock();
        // Empty input (an empty partition) is empty output, not an error.
        if stdin.fill_buf().context("cannot read stdin")?.is_empty() {
            return Ok(());
        }
        let options = deboil_records::ReadOptions {
            max_record_bytes: self.settings.options.max_bytes,
        };
        let (_, records) = deboil_records::open(stdin, "-", options);
        self.records(records, "-", Path::new("stdin"), sink, &|| {})
    }

    /// Reads [`containers::BATCH`] entries at a time and cleans them in parallel. Pipelined
    /// (more than one job): while the workers clean one batch, this thread writes the
    /// previous batch's results and reads the next batch. JSONL lines are parsed by the
    /// workers, not here: parsing is most of what reading JSONL costs.
    fn records<R: std::io::BufRead>(
        &self,
        mut records: deboil_records::Records<R>,
        display: &str,
        dir: &Path,
        sink: &mut Sink,
        on_batch: &(dyn Fn() + Sync),
    ) -> anyhow::Result<()> {
        let mut batcher = containers::Batcher::new(display, dir);
        let mut read_batch = || {
            take_batch(
                std::iter::from_fn(|| records.next_pending()),
                |pending| pending.size() as u64,
                containers::BATCH,
                containers::BATCH_BYTES,
            )
        };
        let mut batch = read_batch();
        if !self.pipelined {
            while !batch.is_empty() {
                let batch_now = std::mem::take(&mut batch);
                for processed in self.clean_batch(display, batch_now, &mut batcher) {
                    sink.push(processed)?;
                }
                sink.flush()?;
                on_batch();
                batch = read_batch();
            }
            return Ok(());
        }
        let mut cleaned: Option<Vec<pipeline::Processed>> = None;
        std::thread::scope(|scope| -> anyhow::Result<()> {
            loop {
                // The batcher names records in input order; it goes to the thread that
                // cleans a batch and comes back with the results.
                let workers = (!batch.is_empty()).then(|| {
                    let batch = std::mem::take(&mut batch);
                    let mut batcher =
                        std::mem::replace(&mut batcher, containers::Batcher::new(display, dir));
                    scope.spawn(move || {
                        let results = self.clean_batch(display, batch, &mut batcher);
                        (results, batcher)
                    })
                });
                if let Some(results) = cleaned.take() {
                    for processed in results {
                        sink.push(processed)?;
                    }
                    sink.flush()?;
                    on_batch();
                }
                let Some(workers) = workers else {
                    return Ok(());
                };
                batch = read_batch();
                let (results, named) = workers
                    .join()
                    .map_err(|_| anyhow::anyhow!("internal error: a worker thread stopped"))?;
                cleaned = Some(results);
                batcher = named;
            }
        })
    }

    /// Parses a batch's entries in parallel, names them in input order, and cleans them in
    /// parallel, largest first.
    fn clean_batch(
        &self,
        display: &str,
        batch: Vec<deboil_records::Pending>,
        batcher: &mut containers::Batcher,
    ) -> Vec<pipeline::Processed> {
        let entries: Vec<deboil_records::Entry> = self.pool.install(|| {
            batch
                .into_par_iter()
                .map(deboil_records::Pending::into_entry)
                .collect()
        });
        let items: Vec<containers::Item> = entries
            .into_iter()
            .map(|entry| batcher.item(entry))
            .collect();
        let size = |item: &containers::Item| match item {
            containers::Item::Record { record, .. } => record.body.len() as u64,
            containers::Item::Done(_) => 0,
        };
        schedule::map_largest_first(&self.pool, items, size, |item| match item {
            containers::Item::Record {
                record,
                stem,
                occurrence,
            } => self.finish(pipeline::process_record(
                display,
                &record,
                stem,
                occurrence,
                &self.settings,
            )),
            containers::Item::Done(processed) => {
                self.report(&processed);
                *processed
            }
        })
    }

    /// Writes a document's files (not in stdout mode) and reports a failure.
    fn finish(&self, processed: pipeline::Processed) -> pipeline::Processed {
        let processed = match self.out_dir {
            // With --dedup the sink writes a document once it knows it is not dropped.
            Some(out_dir) if !self.settings.corpus.dedup => {
                output::write_document(out_dir, processed)
            }
            _ => processed,
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

/// Files with their sizes in batches of at most [`containers::BATCH`] files and
/// [`containers::BATCH_BYTES`] bytes (the file that crosses the line is a batch's last).
fn file_batches<'a>(files: &[&'a inputs::Input]) -> Vec<Vec<(&'a inputs::Input, u64)>> {
    let mut sized = files.iter().map(|input| (*input, input.size())).peekable();
    let mut batches = Vec::new();
    while sized.peek().is_some() {
        batches.push(take_batch(
            &mut sized,
            |(_, size)| *size,
            containers::BATCH,
            containers::BATCH_BYTES,
        ));
    }
    batches
}

/// The next batch from `items`: at most `max_count` items, and no more once `max_bytes`
/// are reached (the item that crosses the line is the batch's last).
fn take_batch<T>(
    items: impl Iterator<Item = T>,
    bytes_of: impl Fn(&T) -> u64,
    max_count: usize,
    max_bytes: u64,
) -> Vec<T> {
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    for item in items {
        bytes = bytes.saturating_add(bytes_of(&item));
        batch.push(item);
        if batch.len() >= max_count || bytes >= max_bytes {
            break;
        }
    }
    batch
}

/// Counts the bytes read from a container file, for the progress bar (compressed bytes for
/// a `.gz`, so that the total is the files' sizes).
struct CountingReader<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A progress bar over the input bytes on stderr, or a hidden one when stderr is not a
/// terminal. The message counts documents (records of containers included).
fn progress_bar(total_bytes: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        // No bytes per second here: the summary's MB/s (document bytes, uncompressed) is the
        // run's one MB/s; the bar counts input bytes as stored (a `.gz` compressed).
        "{bar:30} {bytes}/{total_bytes} read, eta {eta} · {msg} ({elapsed})",
    ) {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_bounded_by_count_and_bytes() {
        let sizes = [10u64, 10, 50, 5, 5, 5, 5, 5, 100, 1];
        let mut items = sizes.iter().copied();
        let mut batches = Vec::new();
        loop {
            let batch = take_batch(&mut items, |&n| n, 4, 60);
            if batch.is_empty() {
                break;
            }
            batches.push(batch);
        }
        assert_eq!(
            batches,
            [vec![10, 10, 50], vec![5, 5, 5, 5], vec![5, 100], vec![1]]
        );
    }

    #[test]
    fn sizes_and_seconds_parse() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("256m"), Ok(256 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12X").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999G").is_err());
        assert_eq!(parse_seconds("0.5"), Ok(0.5));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("-3").is_err());
        assert!(parse_seconds("NaN").is_err());
    }
}

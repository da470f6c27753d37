//! Where processed documents go, in input order: OUTDIR (`manifest.jsonl`, and for
//! `--format jsonl` the parts `part-NNNNN.jsonl.gz`) or standard output (JSON lines only).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::ProgressBar;

use crate::files::MANIFEST_FILE;
use crate::manifest::Status;
use crate::pipeline::Processed;
use crate::resume::PartLines;
use crate::shards::ShardWriter;
use crate::summary::Summary;

#[derive(Debug)]
pub(crate) struct Sink {
    out: Out,
    pub(crate) summary: Summary,
    collect_outputs: bool,
    progress: ProgressBar,
    /// `--dedup`: decides each document in input order before it is written.
    pub(crate) dedup: Option<crate::corpus::Dedup>,
}

#[derive(Debug)]
enum Out {
    Dir(Box<DirOut>),
    Stdout {
        out: BufWriter<std::io::Stdout>,
        /// `--emit-status`: empty and skipped documents get a status line too.
        emit_status: bool,
    },
}

#[derive(Debug)]
struct DirOut {
    manifest_path: PathBuf,
    /// Written as the run goes and flushed per batch, so that a killed run's manifest
    /// says what it finished (`--resume` reads it).
    manifest: BufWriter<std::fs::File>,
    shards: Option<ShardWriter>,
    /// `--resume`: old parts whose lines are copied into the new ones.
    old_lines: PartLines,
}

impl Sink {
    pub(crate) fn dir(
        out_dir: &Path,
        jsonl: bool,
        shard_bytes: u64,
        collect_outputs: bool,
        progress: ProgressBar,
    ) -> anyhow::Result<Self> {
        let manifest_path = out_dir.join(MANIFEST_FILE);
        let manifest = std::fs::File::create(&manifest_path)
            .with_context(|| format!("cannot write {}", manifest_path.display()))?;
        Ok(Sink {
            out: Out::Dir(Box::new(DirOut {
                manifest_path,
                manifest: BufWriter::with_capacity(1 << 16, manifest),
                shards: jsonl.then(|| ShardWriter::new(out_dir, shard_bytes)),
                old_lines: PartLines::default(),
            })),
            summary: Summary::default(),
            collect_outputs,
            progress,
            dedup: None,
        })
    }

    pub(crate) fn stdout(emit_status: bool) -> Self {
        Sink {
            out: Out::Stdout {
                out: BufWriter::with_capacity(1 << 16, std::io::stdout()),
                emit_status,
            },
            summary: Summary::default(),
            collect_outputs: false,
            progress: ProgressBar::hidden(),
            dedup: None,
        }
    }

    pub(crate) fn push(&mut self, mut processed: Processed) -> anyhow::Result<()> {
        if let Some(dedup) = &mut self.dedup {
            processed = dedup.decide(processed);
        }
        let summary = &mut self.summary;
        summary.count(&processed.entry, processed.reused);
        if self.collect_outputs {
            summary.outputs.append(&mut processed.written);
        }
        match &mut self.out {
            Out::Dir(dir) => {
                let DirOut {
                    manifest_path,
                    manifest,
                    shards,
                    old_lines,
                } = &mut **dir;
                let line = match (&processed.copy_line, processed.jsonl.take()) {
                    (Some(old), _) => Some(old_lines.read(old)?),
                    (None, line) => line,
                };
                if let (Some(line), Some(shards)) = (line, shards) {
                    let part = shards
                        .write(line.as_bytes())
                        .context("cannot write the JSONL output")?;
                    processed.entry.output = Some(part);
                }
                manifest
                    .write_all(crate::manifest::line(&processed.entry).as_bytes())
                    .with_context(|| format!("cannot write {}", manifest_path.display()))?;
            }
            Out::Stdout { out, emit_status } => {
                let status_line;
                let line = match &processed.jsonl {
                    Some(line) => Some(line),
                    None if processed.entry.status == Status::Error || *emit_status => {
                        status_line =
                            crate::manifest::status_line(&processed.entry, processed.id.as_deref());
                        Some(&status_line)
                    }
                    None => None,
                };
                if let Some(line) = line {
                    out.write_all(line.as_bytes())
                        .context("cannot write to standard output")?;
                }
            }
        }
        Ok(())
    }

    /// Puts the documents done so far on the progress bar.
    pub(crate) fn show_progress(&self) {
        if !self.progress.is_hidden() {
            let documents = self.summary.documents();
            let per_sec = documents as f64 / self.progress.elapsed().as_secs_f64().max(1e-3);
            self.progress
                .set_message(format!("{documents} docs, {per_sec:.0} docs/s"));
        }
    }

    /// Flushes what is written so far (per batch): the pipe's reader gets its lines, and
    /// a killed run leaves a manifest of what it finished.
    pub(crate) fn flush(&mut self) -> anyhow::Result<()> {
        self.show_progress();
        match &mut self.out {
            Out::Dir(dir) => dir
                .manifest
                .flush()
                .with_context(|| format!("cannot write {}", dir.manifest_path.display())),
            Out::Stdout { out, .. } => out.flush().context("cannot write to standard output"),
        }
    }

    /// Finishes the last part and the manifest.
    pub(crate) fn finish(mut self) -> anyhow::Result<Summary> {
        if !self.summary.stdout_closed {
            match self.flush() {
                Err(error) if crate::files::is_broken_pipe(&error) => {
                    self.summary.stdout_closed = true
                }
                other => other?,
            }
        }
        let mut summary = std::mem::take(&mut self.summary);
        if let Out::Dir(dir) = self.out {
            let DirOut {
                manifest_path,
                manifest,
                shards,
                ..
            } = *dir;
            if let Some(shards) = shards {
                let parts = shards.finish().context("cannot write the JSONL output")?;
                if self.collect_outputs {
                    summary.outputs.extend(parts);
                }
            }
            let file = manifest
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|file| file.sync_all().map(|()| file))
                .with_context(|| format!("cannot write {}", manifest_path.display()))?;
            drop(file);
            if self.collect_outputs {
                summary.outputs.push(PathBuf::from(MANIFEST_FILE));
            }
        }
        summary.outputs.sort();
        Ok(summary)
    }
}

//! The corpus steps of a run (`--dedup`, `--dedup-index`, `--lang`, `--min-words`,
//! `--signals`), wired around the `deboil-corpus` library: filters and signals are decided by
//! the workers, duplicates by the sink in input order (so the original is the first in input
//! order, for any `--jobs` or batch size).

use std::path::{Path, PathBuf};

use anyhow::Context;
use deboil_corpus::{Duplicate, Filters, Index, Signals, Signature};
use deboil_emit::Format;

use crate::manifest::Status;
use crate::pipeline::Processed;

/// `--dedup` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DedupMode {
    /// Keep duplicates, naming their original (`duplicate_of` in the metadata and manifest).
    Mark,
    /// Write originals only; duplicates are `skipped` entries in the manifest.
    Drop,
}

/// What the workers do besides cleaning.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    pub filters: Filters,
    pub signals: bool,
    /// Compute each document's [`Signature`] for the sink's dedup.
    pub dedup: bool,
}

impl Options {
    pub(crate) fn new(args: &crate::CleanArgs) -> anyhow::Result<Self> {
        let filters = Filters::new(args.lang.as_deref(), args.min_words)
            .map_err(|error| anyhow::anyhow!("--lang: {error}"))?;
        Ok(Options {
            filters,
            signals: args.signals,
            dedup: args.dedup.is_some(),
        })
    }

    /// Whether any corpus step is on (the run's output is then not the plain one).
    pub(crate) fn any(&self) -> bool {
        self.dedup || self.signals || !self.filters.is_empty()
    }
}

/// A cleaned document's dedup key, carried from the worker to the sink.
#[derive(Debug)]
pub(crate) struct Pending {
    /// The document's id: what its duplicates name.
    pub name: String,
    pub signature: Signature,
}

/// The `signals` metadata object.
pub(crate) fn signals_metadata(text: &str, language: &str) -> (String, serde_json::Value) {
    let signals = Signals::of(text, language);
    let mut object = serde_json::Map::new();
    object.insert("words".to_string(), signals.words.into());
    for (name, value) in signals.fields() {
        object.insert(name.to_string(), value.into());
    }
    ("signals".to_string(), serde_json::Value::Object(object))
}

/// The run's duplicate index and what to do with duplicates.
#[derive(Debug)]
pub(crate) struct Dedup {
    mode: DedupMode,
    index: Index,
    /// `--dedup-index FILE`: loaded when it exists, saved at the end.
    index_path: Option<PathBuf>,
    format: Format,
    header: bool,
    /// Where txt files are written (the sink writes them once the document is decided).
    out_dir: Option<PathBuf>,
}

impl Dedup {
    pub(crate) fn open(
        mode: DedupMode,
        index_path: Option<&Path>,
        format: Format,
        header: bool,
        out_dir: Option<&Path>,
    ) -> anyhow::Result<Self> {
        let index = match index_path {
            Some(path) if path.exists() => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                Index::from_bytes(&bytes)
                    .with_context(|| format!("cannot load {}", path.display()))?
            }
            _ => Index::new(),
        };
        Ok(Dedup {
            mode,
            index,
            index_path: index_path.map(Path::to_path_buf),
            format,
            header,
            out_dir: out_dir.map(Path::to_path_buf),
        })
    }

    /// Decides a document (in input order): an original joins the index; a duplicate is
    /// marked or dropped. Then writes its txt files, held back until now.
    pub(crate) fn decide(&mut self, mut processed: Processed) -> Processed {
        if let Some(pending) = processed.dedup.take() {
            if processed.entry.status == Status::Ok {
                if let Some(duplicate) = self.index.insert(&pending.name, pending.signature) {
                    self.apply(&mut processed, &duplicate);
                }
            }
        }
        let failed_before = processed.entry.status == Status::Error;
        let processed = match &self.out_dir {
            Some(out_dir) if !processed.reused => crate::output::write_document(out_dir, processed),
            _ => processed,
        };
        // The worker reported its own failures; a write failure here is the sink's to say.
        if !failed_before && processed.entry.status == Status::Error {
            eprintln!(
                "deboil: {}: {}",
                processed.entry.path,
                processed.entry.reason.as_deref().unwrap_or("")
            );
        }
        processed
    }

    fn apply(&self, processed: &mut Processed, duplicate: &Duplicate) {
        let reason = format!(
            "duplicate: {} of {} (jaccard {:.2})",
            duplicate.kind.as_str(),
            duplicate.of,
            duplicate.jaccard
        );
        processed.entry.reason = Some(reason);
        match self.mode {
            DedupMode::Drop => {
                processed.entry.status = Status::Skipped;
                processed.txt = None;
                processed.jsonl = None;
            }
            DedupMode::Mark if self.header => {
                let fields = [
                    (
                        "duplicate_of",
                        serde_json::Value::from(duplicate.of.as_str()),
                    ),
                    ("duplicate_kind", duplicate.kind.as_str().into()),
                    ("duplicate_jaccard", duplicate.jaccard.into()),
                ];
                for rendered in [&mut processed.txt, &mut processed.jsonl]
                    .into_iter()
                    .flatten()
                {
                    deboil_emit::append_metadata(rendered, self.format, &fields);
                }
            }
            // Without a header the mark is the manifest's reason alone.
            DedupMode::Mark => {}
        }
    }

    /// Saves the index to `--dedup-index FILE` (atomically: a killed run keeps the old one).
    pub(crate) fn save(&self) -> anyhow::Result<()> {
        if let Some(path) = &self.index_path {
            crate::files::write_atomic(path, &self.index.to_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }
}

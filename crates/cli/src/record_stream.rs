//! Record mode as a library, for embedders (the Python bindings): a stream of records read
//! with `deboil_records` and cleaned batch by batch exactly as `deboil clean - --format jsonl`
//! cleans them, each with the line that mode writes, so an embedder writes the CLI's bytes
//! without a second reader or pipeline.

use std::io::BufRead;
use std::path::PathBuf;

use deboil_records::{Pending, Records};

use crate::containers::{self, Batcher, Item};
use crate::document::CleanOptions;
use crate::manifest::Status;
use crate::pipeline::{self, Processed, Settings};

/// The next batch of a stream's entries, as the CLI reads it: at most 256 entries and about
/// 64 MiB of input; empty at the end. JSONL lines are left unparsed for
/// [`RecordCleaner::clean_batch`] to parse on the workers.
pub fn read_record_batch<R: BufRead>(records: &mut Records<R>) -> Vec<Pending> {
    read_record_batch_of(records, containers::BATCH)
}

/// [`read_record_batch`] with at most `max_count` entries: smaller batches for a stream fed
/// piecemeal, so that cleaning starts before much input has arrived (the outcomes do not
/// depend on the batch size).
pub fn read_record_batch_of<R: BufRead>(
    records: &mut Records<R>,
    max_count: usize,
) -> Vec<Pending> {
    let max_count = max_count.max(1);
    let mut batch = Vec::new();
    let mut bytes = 0u64;
    while let Some(pending) = records.next_pending() {
        bytes = bytes.saturating_add(pending.size() as u64);
        batch.push(pending);
        if batch.len() >= max_count || bytes >= containers::BATCH_BYTES {
            break;
        }
    }
    batch
}

/// One entry of a stream, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOutcome {
    /// `Ok`, `Empty`, `Error`, or `Skipped` (a WARC record that holds no page).
    pub status: Status,
    /// The document's id, once its record was read.
    pub id: Option<String>,
    /// Why it is empty, skipped or an error.
    pub reason: Option<String>,
    /// Where it is in the stream: its record id, or `line 3`, `record 2 at byte 811`.
    pub record: Option<String>,
    /// What record mode writes for it, newline included: the JSONL record when `Ok`, else
    /// its status line (written always for errors, with `--emit-status` for the others).
    pub line: String,
}

/// Cleans a stream's batches in order, as record mode does; holds what naming needs across
/// batches (a skipped record without an id is named by its place in the stream).
#[derive(Debug)]
pub struct RecordCleaner {
    display: String,
    batcher: Batcher,
    settings: Settings,
}

impl RecordCleaner {
    /// A cleaner for the stream named `source_name` (`-` for standard input: a record
    /// without an id of its own gets its URL, else its hash, as in record mode; a path as
    /// given otherwise, as `deboil clean PATH -o OUTDIR` names it).
    pub fn new(source_name: &str, options: CleanOptions) -> Self {
        RecordCleaner {
            display: source_name.to_string(),
            batcher: Batcher::new(source_name, &PathBuf::from("stdin")),
            settings: Settings {
                format: deboil_emit::Format::Jsonl,
                options: CleanOptions {
                    explain: false,
                    ..options
                },
                added: None,
                resume: None,
                site: None,
                corpus: crate::corpus::Options::default(),
            },
        }
    }

    /// Cleans one batch (from [`read_record_batch`]) on `pool`, largest documents first;
    /// outcomes in input order. Never panics on a document (an internal panic is an error
    /// outcome with its message).
    pub fn clean_batch(
        &mut self,
        batch: Vec<Pending>,
        pool: &rayon::ThreadPool,
    ) -> Vec<RecordOutcome> {
        let entries: Vec<deboil_records::Entry> = pool.install(|| {
            use rayon::prelude::*;
            batch.into_par_iter().map(Pending::into_entry).collect()
        });
        let items: Vec<Item> = entries
            .into_iter()
            .map(|entry| self.batcher.item(entry))
            .collect();
        let size = |item: &Item| match item {
            Item::Record { record, .. } => record.body.len() as u64,
            Item::Done(_) => 0,
        };
        let (display, settings) = (self.display.as_str(), &self.settings);
        crate::schedule::map_largest_first(pool, items, size, |item| {
            let processed = match item {
                Item::Record {
                    record,
                    stem,
                    occurrence,
                } => pipeline::process_record(display, &record, stem, occurrence, settings),
                Item::Done(processed) => *processed,
            };
            outcome(processed)
        })
    }
}

fn outcome(processed: Processed) -> RecordOutcome {
    let line = match processed.jsonl {
        Some(line) => line,
        None => crate::manifest::status_line(&processed.entry, processed.id.as_deref()),
    };
    RecordOutcome {
        status: processed.entry.status,
        id: processed.id,
        reason: processed.entry.reason,
        record: processed.entry.record,
        line,
    }
}

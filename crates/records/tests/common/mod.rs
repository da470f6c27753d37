// Tests and examples read files; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
#![allow(dead_code)]

use std::path::PathBuf;

use deboil_records::{Entry, ReadOptions, Record, RecordError, SkipReason, open};

pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// Reads a byte stream named `name` with the sniffing entry point, as the CLI will.
pub fn read_bytes(bytes: &[u8], name: &str) -> Vec<Entry> {
    read_with(bytes, name, ReadOptions::default())
}

pub fn read_with(bytes: &[u8], name: &str, options: ReadOptions) -> Vec<Entry> {
    let (_, records) = open(bytes, name, options);
    records.collect()
}

pub fn read_file(name: &str) -> Vec<Entry> {
    read_bytes(&std::fs::read(data(name)).unwrap(), name)
}

pub fn record(entry: &Entry) -> &Record {
    match entry {
        Entry::Record(r) => r,
        other => panic!("expected a record, got {other:?}"),
    }
}

pub fn skipped(entry: &Entry) -> (&SkipReason, Option<&str>) {
    match entry {
        Entry::Skipped { reason, record_id } => (reason, record_id.as_deref()),
        other => panic!("expected a skip, got {other:?}"),
    }
}

pub fn error(entry: &Entry) -> &RecordError {
    match entry {
        Entry::Error(e) => e,
        other => panic!("expected an error, got {other:?}"),
    }
}

/// Short shape of a stream for whole-sequence assertions: `R:id`, `S:reason`, `E:message`.
pub fn shape(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|e| match e {
            Entry::Record(r) => format!("R:{}", r.id),
            Entry::Skipped { reason, .. } => format!("S:{reason}"),
            Entry::Error(e) => format!("E:{}{e}", if e.fatal { "fatal:" } else { "" }),
        })
        .collect()
}

//! Containers of records (WARC, WET, JSONL): read record by record with `deboil_records`,
//! cleaned in batches, each record through the same pipeline as a file.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use deboil_records::Entry;
use sha2::{Digest, Sha256};

use crate::manifest::{ManifestEntry, Status};
use crate::pipeline::Processed;

/// Records read before a batch is cleaned in parallel: bounds memory, keeps order.
pub(crate) const BATCH: usize = 256;

/// Bytes of input a batch holds at most (the record that crosses the line is its last): a
/// batch of large records stays as small in memory as one of small ones. Three batches are
/// alive at once when reading, cleaning and writing overlap.
pub(crate) const BATCH_BYTES: u64 = 64 << 20;

/// Longest file-name stem made from a record id (before the hash suffix).
const MAX_NAME_CHARS: usize = 80;

/// One unit of a batch: a record to clean (with its output stem, and how many records of
/// the container had its id before) or an entry already final.
#[derive(Debug)]
pub(crate) enum Item {
    Record {
        record: Box<deboil_records::Record>,
        stem: PathBuf,
        occurrence: u32,
    },
    Done(Box<Processed>),
}

/// Turns a container's entries into batch items, in file order: names records' outputs
/// (`<container stem>/<safe id>`) and makes manifest entries for skips and errors.
#[derive(Debug)]
pub(crate) struct Batcher {
    display: String,
    dir: PathBuf,
    /// Hashes of the (lower-cased) names given so far: 8 bytes a record, not a string.
    taken: HashSet<u64>,
    /// Records seen per id hash, for ids that repeat.
    occurrences: HashMap<u64, u32>,
    /// Entries seen so far, to name a skipped record that has no id.
    seen: u64,
}

impl Batcher {
    pub(crate) fn new(display: &str, dir: &Path) -> Self {
        Batcher {
            display: display.to_string(),
            dir: dir.to_path_buf(),
            taken: HashSet::new(),
            occurrences: HashMap::new(),
            seen: 0,
        }
    }

    pub(crate) fn item(&mut self, entry: Entry) -> Item {
        self.seen += 1;
        match entry {
            Entry::Record(record) => {
                let name = self.unique_name(&record.id);
                let occurrence = self.occurrences.entry(fixed_hash(&record.id)).or_default();
                *occurrence += 1;
                Item::Record {
                    stem: self.dir.join(name),
                    occurrence: *occurrence - 1,
                    record: Box::new(record),
                }
            }
            Entry::Skipped { reason, record_id } => {
                let mut entry = ManifestEntry::new(&self.display);
                entry.record = Some(match record_id {
                    Some(id) => bare_record_id(&id).to_string(),
                    None => format!("record {}", self.seen),
                });
                entry.status = Status::Skipped;
                entry.reason = Some(reason.to_string());
                Item::Done(Box::new(Processed::new(entry, PathBuf::new())))
            }
            Entry::Error(error) => {
                let mut entry = ManifestEntry::new(&self.display);
                entry.record = Some(match &error.record_id {
                    Some(id) => format!("{} ({})", error.at, bare_record_id(id)),
                    None => error.at.to_string(),
                });
                entry.fail(error.kind.to_string());
                Item::Done(Box::new(Processed::new(entry, PathBuf::new())))
            }
        }
    }

    /// A file-system-safe name for a record id, unique in this container (ignoring case).
    fn unique_name(&mut self, id: &str) -> String {
        let base = safe_name(id);
        let mut name = base.clone();
        let mut n = 2;
        while !self.taken.insert(fixed_hash(&name.to_lowercase())) {
            name = format!("{base}~{n}");
            n += 1;
        }
        name
    }
}

/// A hash that is the same in every run, so names never depend on the process.
fn fixed_hash(text: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Keeps ASCII letters, digits, `-`, `_` and `.`; anything else becomes `_`, and then a
/// short hash of the id is added so that different ids stay different names. Never empty,
/// never starts with a dot, at most [`MAX_NAME_CHARS`] characters before the hash.
pub(crate) fn safe_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .take(MAX_NAME_CHARS)
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    if name != id {
        let digest = Sha256::digest(id.as_bytes());
        name.push('-');
        for byte in digest.iter().take(4) {
            name.push_str(&format!("{byte:02x}"));
        }
    }
    name
}

/// `<urn:uuid:X>` → `X`, as the records crate names records.
fn bare_record_id(id: &str) -> &str {
    let id = id.trim().trim_start_matches('<').trim_end_matches('>');
    id.strip_prefix("urn:uuid:").unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_distinct() {
        assert_eq!(safe_name("doc-1"), "doc-1");
        assert_eq!(
            safe_name("0f3c8a1e-1b2c-4d5e-8f90-123456789abc"),
            "0f3c8a1e-1b2c-4d5e-8f90-123456789abc"
        );
        let slash = safe_name("a/b");
        let under = safe_name("a_b");
        assert_ne!(slash, under);
        assert!(slash.starts_with("a_b-"));
        assert!(safe_name("..").starts_with("_.."));
        assert!(safe_name("").starts_with('_'));
        assert!(!safe_name("x/../../etc").contains('/'));
        assert!(safe_name(&"é".repeat(500)).len() < 100);
        assert_eq!(safe_name("sample:3"), safe_name("sample:3"));
    }

    #[test]
    fn duplicate_ids_get_numbered_names() {
        let mut batcher = Batcher::new("in.jsonl", Path::new("in"));
        assert_eq!(batcher.unique_name("a"), "a");
        assert_eq!(batcher.unique_name("a"), "a~2");
        assert_eq!(batcher.unique_name("A"), "A~3");
        assert_eq!(batcher.unique_name("a"), "a~4");
    }
}

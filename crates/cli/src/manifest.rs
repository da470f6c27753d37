//! `manifest.jsonl`: one JSON line per input (per record for containers), in input order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a document came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Article text written.
    Ok,
    /// Readable, but no article text in it; nothing written.
    Empty,
    /// Could not be read, decoded or written.
    Error,
    /// A container record that holds no document (WARC request, non-HTML response, …).
    Skipped,
}

/// One manifest line. Field order is the serialization order; no timings, so the manifest is
/// byte-identical between runs over the same inputs. Read back by `--resume`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct ManifestEntry {
    pub path: String,
    /// For a record of a container (WARC, JSONL): its id, or where it is (`line 3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    pub status: Status,
    /// Relative to OUTDIR; `null` when nothing was written.
    pub output: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_blocks: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stripped: Option<BTreeMap<String, usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl ManifestEntry {
    pub(crate) fn new(path: &str) -> Self {
        ManifestEntry {
            path: path.to_string(),
            record: None,
            sha256: None,
            bytes: None,
            status: Status::Error,
            output: None,
            content_type: None,
            encoding: None,
            language: None,
            words: None,
            kept_blocks: None,
            stripped: None,
            reason: None,
        }
    }

    /// Marks the document failed; whatever was found out before stays (sha256, bytes, …).
    pub(crate) fn fail(&mut self, reason: String) {
        self.status = Status::Error;
        self.output = None;
        self.language = None;
        self.words = None;
        self.kept_blocks = None;
        self.reason = Some(reason);
    }
}

/// One manifest line, ending in a newline.
pub(crate) fn line(entry: &ManifestEntry) -> String {
    // Serializing plain strings and numbers cannot fail.
    let mut line = serde_json::to_string(entry).unwrap_or_default();
    line.push('\n');
    line
}

/// A manifest line read back; `None` for a line cut short by a killed run or not ours.
pub(crate) fn parse_line(line: &str) -> Option<ManifestEntry> {
    serde_json::from_str(line.trim_end_matches(['\n', '\r'])).ok()
}

/// Record mode's line for a document without text (`--emit-status`, and always for errors):
/// `{"id":…,"status":"error","reason":…,"source":…,"record":…,"sha256":…}`, where `id` is
/// the document's id when its record was read (else `null`) and `record` its place in the
/// stream (`line 3`) or its id there. Ends in a newline.
pub(crate) fn status_line(entry: &ManifestEntry, id: Option<&str>) -> String {
    #[derive(Serialize)]
    struct StatusLine<'a> {
        id: Option<&'a str>,
        status: Status,
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<&'a str>,
        source: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        record: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        sha256: Option<&'a str>,
    }
    let status = StatusLine {
        id,
        status: entry.status,
        reason: entry.reason.as_deref(),
        source: &entry.path,
        record: entry.record.as_deref(),
        sha256: entry.sha256.as_deref(),
    };
    // Serializing plain strings cannot fail.
    let mut line = serde_json::to_string(&status).unwrap_or_default();
    line.push('\n');
    line
}

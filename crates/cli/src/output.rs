//! Writing a document's files (`<stem>.txt`, `<stem>.removed.tsv`) through [`crate::files`].

use crate::files::{with_suffix, write_atomic};
use std::path::{Path, PathBuf};

use crate::manifest::Status;
use crate::pipeline::Processed;

/// Writes a document's files (`<stem>.txt` when ok, `<stem>.removed.tsv` when ok or empty)
/// and records them in its manifest entry; a write failure turns the entry into an error.
/// JSONL lines are the sink's: they go into parts in input order.
pub(crate) fn write_document(out_dir: &Path, mut processed: Processed) -> Processed {
    if processed.reused || matches!(processed.entry.status, Status::Error | Status::Skipped) {
        return processed;
    }
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    // The report first: a `.txt` in place then means that its report is too (`--resume`).
    if let Some(report) = processed.removed_report.take() {
        files.push((with_suffix(&processed.output_stem, ".removed.tsv"), report));
    }
    if let Some(txt) = processed.txt.take() {
        let rel = with_suffix(&processed.output_stem, processed.doc_suffix);
        processed.entry.output = Some(slash_path(&rel));
        files.push((rel, txt));
    }
    for (rel, contents) in files {
        let path = out_dir.join(&rel);
        if let Err(error) = write_atomic(&path, contents.as_bytes()) {
            processed
                .entry
                .fail(format!("cannot write {}: {error}", path.display()));
            return processed;
        }
        processed.written.push(rel);
    }
    processed
}

/// A document's file suffix in `format`: `.md` for markdown, else `.txt`.
pub(crate) fn document_suffix(format: deboil_emit::Format) -> &'static str {
    if format == deboil_emit::Format::Md {
        ".md"
    } else {
        ".txt"
    }
}

/// A relative path with `/` separators, as written in the manifest on every platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

//! Writing outputs: every file goes through a temp file and a rename, so a killed run leaves
//! either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::manifest::Status;
use crate::pipeline::Processed;

pub(crate) const MANIFEST_FILE: &str = "manifest.jsonl";

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
        let rel = with_suffix(&processed.output_stem, ".txt");
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

/// Writes `contents` to `path` via a temp file in the same directory, creating directories.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(contents)?;
        file.flush()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// A dot-name next to `path`, so an interrupted run's leftovers are skipped if OUTDIR is read
/// as input.
pub(crate) fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(
        ".{name}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

/// `a/b` + `.txt` → `a/b.txt` (the stem may hold dots: no extension is replaced).
pub(crate) fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A relative path with `/` separators, as written in the manifest on every platform.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

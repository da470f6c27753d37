//! Writing outputs: every file goes through a temp file and a rename, so a killed run leaves
//! either the old file or the new one, never half of one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::manifest::Status;
use crate::pipeline::Processed;

pub(crate) const MANIFEST_FILE: &str = "manifest.jsonl";
/// Held locked by a run (`flock`), so that a second run into the same OUTDIR stops at once.
pub(crate) const LOCK_FILE: &str = ".deboil.lock";
/// Files every run keeps at the top of OUTDIR (beside the JSONL parts).
pub(crate) const RUN_FILES: [&str; 3] = [MANIFEST_FILE, crate::resume::RUN_FILE, LOCK_FILE];

/// Locks OUTDIR for this run: `Err` naming the reason when another run holds it. The lock
/// is the kernel's, so it goes with the process however it ends (a kill included).
pub(crate) fn lock_out_dir(out_dir: &Path) -> anyhow::Result<nix::fcntl::Flock<std::fs::File>> {
    use anyhow::Context as _;
    let path = out_dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    nix::fcntl::Flock::lock(file, nix::fcntl::FlockArg::LockExclusiveNonblock).map_err(
        |(_, errno)| match errno {
            nix::errno::Errno::EWOULDBLOCK => anyhow::anyhow!(
                "another deboil run is writing into {} (it holds {}); wait for it to end or \
                 choose another output directory",
                out_dir.display(),
                path.display()
            ),
            other => anyhow::anyhow!("cannot lock {}: {other}", path.display()),
        },
    )
}

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

/// Removes what killed runs left at the top of OUTDIR: temp files (`.part-00003.jsonl.gz.
/// 4711-2.tmp`, `.manifest.jsonl.…tmp`) of [`temp_path`]'s form. Called with OUTDIR locked,
/// so no other run is writing them.
pub(crate) fn remove_stale_temp_files(out_dir: &Path) -> std::io::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(out_dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_temp_name(name) && entry.file_type()?.is_file() {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// `.NAME.PID-N.tmp`, as [`temp_path`] names a temp file.
fn is_temp_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((_, tag)) = inner.rsplit_once('.') else {
        return false;
    };
    tag.split_once('-').is_some_and(|(pid, n)| {
        !pid.is_empty()
            && !n.is_empty()
            && pid.bytes().all(|b| b.is_ascii_digit())
            && n.bytes().all(|b| b.is_ascii_digit())
    })
}

/// A document's file suffix in `format`: `.md` for markdown, else `.txt`.
pub(crate) fn document_suffix(format: deboil_emit::Format) -> &'static str {
    if format == deboil_emit::Format::Md {
        ".md"
    } else {
        ".txt"
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised() {
        let temp = temp_path(Path::new("out/part-00003.jsonl.gz"));
        let name = temp.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(is_temp_name(name), "{name}");
        assert!(is_temp_name(".manifest.jsonl.12-0.tmp"));
        for kept in [
            "part-00003.jsonl.gz",
            ".a.tmp",
            ".a.x-1.tmp",
            "a.1-2.tmp",
            ".a.1-.tmp",
        ] {
            assert!(!is_temp_name(kept), "{kept}");
        }
    }
}

//! OUTDIR's file names and the low-level reads and writes every other module uses: bounded
//! reads (a file, a FIFO, stdin), atomic writes (a temp file and a rename, so a killed run
//! leaves either the old file or the new one, never half of one), the OUTDIR lock.
//! The bottom of the CLI's modules: it imports none of them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use deboil_detect::DetectError;

/// `--resume` keeps the earlier run's manifest and parts here while it runs.
pub(crate) const RESUME_DIR: &str = ".deboil-resume";
/// The settings a run wrote with (`--resume` refuses other ones).
pub(crate) const RUN_FILE: &str = ".deboil-run.json";
pub(crate) const MANIFEST_FILE: &str = "manifest.jsonl";
/// Held locked by a run (`flock`), so that a second run into the same OUTDIR stops at once.
pub(crate) const LOCK_FILE: &str = ".deboil.lock";
/// Files every run keeps at the top of OUTDIR (beside the JSONL parts).
pub(crate) const RUN_FILES: [&str; 3] = [MANIFEST_FILE, RUN_FILE, LOCK_FILE];

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

/// `a/b` + `.txt` → `a/b.txt` (the stem may hold dots: no extension is replaced).
pub(crate) fn with_suffix(stem: &Path, suffix: &str) -> PathBuf {
    let mut name = stem.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Reads a file, refusing up front what detect would refuse anyway, so that a huge file is
/// not loaded into memory first. Compressed files get some slack: they may inflate to less.
/// What is not a regular file (a FIFO, a device, a process substitution's pipe) is read up
/// to the same bound; a FIFO that no one writes to reads as empty instead of blocking.
pub(crate) fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len());
    if size > limit.saturating_mul(2) {
        return Err(DetectError::TooLarge { size, limit }.to_string());
    }
    let file = open_without_blocking(path).map_err(|error| format!("cannot read: {error}"))?;
    read_limited_sized(file, limit, size).map_err(|error| format!("cannot read: {error}"))
}

/// Opens a file for reading; a FIFO is opened without waiting for a writer, then read as
/// usual (blocking while a writer is there, at its end when none is).
pub(crate) fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use nix::fcntl::{FcntlArg, OFlag, fcntl};
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(OFlag::O_NONBLOCK.bits())
        .open(path)?;
    let flags = OFlag::from_bits_truncate(fcntl(&file, FcntlArg::F_GETFL)?);
    fcntl(&file, FcntlArg::F_SETFL(flags & !OFlag::O_NONBLOCK))?;
    Ok(file)
}

/// Reads a stream up to twice `max_bytes` (the slack a compressed document gets); past that
/// it stops reading and fails, so an endless stream (`/dev/zero`) ends too.
pub(crate) fn read_limited(reader: impl std::io::Read, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    read_limited_sized(reader, max_bytes, 0)
}

/// [`read_limited`] of a reader expected to hold `expected` bytes (a file's size): the
/// buffer starts at that size (and a byte more, to see the end), so a file is read in one
/// go instead of through a doubling buffer copied at each step.
fn read_limited_sized(
    reader: impl std::io::Read,
    max_bytes: u64,
    expected: u64,
) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let limit = max_bytes.saturating_mul(2);
    let capacity = usize::try_from(expected.min(limit)).map_or(0, |n| n.saturating_add(1));
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(format!(
            "input too large: more than {limit} bytes, limit {max_bytes} (--max-size); not read further"
        )));
    }
    Ok(bytes)
}

/// Whether the reader of our standard output went away (`| head`).
pub(crate) fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
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

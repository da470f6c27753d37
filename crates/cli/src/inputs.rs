//! Command-line inputs to a sorted list of documents, each with its output path.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use deboil_detect::ContentType;

/// Where a document's bytes come from.
#[derive(Debug)]
pub(crate) enum Source {
    File(PathBuf),
    /// Standard input, already read (it can be read only once).
    Stdin(Vec<u8>),
    /// Known to be unreadable before processing starts (walk error, stdin read error, an
    /// input inside OUTDIR that an output would replace).
    Unreadable(String),
    /// Not a document (a FIFO or socket met in a directory, the output directory met in
    /// an input directory): a `skipped` entry with this reason.
    NotDocument(String),
}

/// One document to clean.
#[derive(Debug)]
pub(crate) struct Input {
    pub source: Source,
    /// The input path as given on the command line joined with the path below it;
    /// `-` for stdin. Written as `source` in headers and `path` in the manifest.
    pub display: String,
    /// Document id: `display` without its extension(s); `stdin` for stdin.
    pub id: String,
    /// Output path relative to OUTDIR, without extension (`.txt`, `.removed.tsv` are added).
    pub output_stem: PathBuf,
    /// Content type implied by the file extension (`.html`, `.txt`, …), if any.
    pub content_type_hint: Option<ContentType>,
    /// A container of records (WARC, WET, JSONL), read with `deboil_records`; its outputs go
    /// below `output_stem` as a directory.
    pub container: bool,
}

impl Input {
    /// Bytes on disk (or read from stdin), for the progress bar; 0 when unknown.
    pub(crate) fn size(&self) -> u64 {
        match &self.source {
            Source::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Source::Stdin(bytes) => bytes.len() as u64,
            Source::Unreadable(_) | Source::NotDocument(_) => 0,
        }
    }
}

/// File names read as containers of records, not as one document (optionally compressed).
const CONTAINER_SUFFIXES: [&str; 4] = [".warc", ".wet", ".jsonl", ".ndjson"];

/// Compression suffixes, undone by sniffing the content; dropped from names.
const COMPRESSION_SUFFIXES: [&str; 3] = [".gz", ".zst", ".zstd"];

/// `a.jsonl.zst` → `a.jsonl`: the name without one compression suffix.
fn without_compression(name: &str) -> &str {
    COMPRESSION_SUFFIXES
        .iter()
        .find_map(|suffix| {
            let cut = name.len().checked_sub(suffix.len())?;
            (name.get(cut..)?.eq_ignore_ascii_case(suffix)).then(|| name.get(..cut))?
        })
        .unwrap_or(name)
}

/// Whether a file name (not stdin) names a record container.
fn is_container_name(name: &str) -> bool {
    let name = without_compression(name).to_ascii_lowercase();
    CONTAINER_SUFFIXES
        .iter()
        .any(|suffix| name.len() > suffix.len() && name.ends_with(suffix))
}

/// Where the run writes, for keeping inputs and outputs apart.
#[derive(Debug, Clone)]
pub(crate) struct OutDir {
    /// OUTDIR resolved (symbolic links followed), as it exists when inputs are collected.
    canonical: PathBuf,
    /// `--format jsonl`: the parts `part-NNNNN.jsonl.gz` are outputs too.
    parts: bool,
}

impl OutDir {
    /// `None` when OUTDIR cannot be resolved (then nothing can be checked against it).
    pub(crate) fn new(out_dir: &Path, parts: bool) -> Option<Self> {
        Some(OutDir {
            canonical: std::fs::canonicalize(out_dir).ok()?,
            parts,
        })
    }

    /// Whether `path` (resolved) is OUTDIR or inside it.
    fn holds(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|p| p.starts_with(&self.canonical))
    }
}

/// Collects the inputs: directories walked recursively (dot-files and dot-dirs skipped,
/// symlinked directories not followed, OUTDIR not entered), sorted by display path,
/// duplicates merged, output paths made unique. Standard input is read up to `max_bytes`.
/// Inputs that are OUTDIR or inside it and that an output of this run would replace are
/// refused: outputs are never read as inputs, and no output overwrites an input.
pub(crate) fn collect(args: &[PathBuf], out_dir: Option<&OutDir>, max_bytes: u64) -> Vec<Input> {
    let mut found: Vec<Found> = Vec::new();
    let mut stdin_bytes: Option<Result<Vec<u8>, String>> = None;
    for arg in args {
        if arg.as_os_str() == "-" {
            let bytes = stdin_bytes
                .get_or_insert_with(|| read_stdin(max_bytes))
                .clone();
            found.push(Found {
                source: match bytes {
                    Ok(bytes) => Source::Stdin(bytes),
                    Err(reason) => Source::Unreadable(reason),
                },
                display: "-".to_string(),
                rel: PathBuf::from("stdin"),
            });
        } else if arg.is_dir() {
            if out_dir.is_some_and(|out| out.holds(arg)) {
                found.push(Found {
                    source: Source::Unreadable(
                        "is the output directory or inside it: outputs are never read as inputs"
                            .to_string(),
                    ),
                    display: escaped(arg.as_os_str()),
                    rel: PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str())),
                });
            } else {
                walk(arg, out_dir, &mut found);
            }
        } else {
            // Missing and unreadable files are reported when read, with the OS error.
            found.push(Found {
                source: Source::File(arg.clone()),
                display: escaped(arg.as_os_str()),
                rel: PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str())),
            });
        }
    }
    // Sorted so that output order never depends on argument order or on the file system.
    found.sort_by(|a, b| a.display.cmp(&b.display).then_with(|| a.rel.cmp(&b.rel)));
    found.dedup_by(|later, earlier| later.display == earlier.display);

    let containers: Vec<bool> = found
        .iter()
        .map(|f| f.display != "-" && is_container_name(&file_name_of(&f.rel)))
        .collect();
    let stems = container_dirs_apart(unique_output_stems(&found), &containers);
    if let Some(out_dir) = out_dir {
        refuse_overwrites(&mut found, &stems, &containers, out_dir);
    }
    found
        .into_iter()
        .zip(stems)
        .zip(containers)
        .map(|((found, output_stem), container)| {
            let (_, extension) = split_name(&file_name_of(&found.rel));
            let content_type_hint = match extension.as_deref() {
                Some("html" | "htm" | "xhtml") => Some(ContentType::Html),
                Some("txt") => Some(ContentType::Text),
                _ => None,
            };
            let id = if found.display == "-" {
                "stdin".to_string()
            } else {
                strip_extensions(&found.display)
            };
            Input {
                source: found.source,
                display: found.display,
                id,
                output_stem,
                content_type_hint,
                container,
            }
        })
        .collect()
}

/// Turns every file input that this run would write over (a document's `.txt` or
/// `.removed.tsv`, a container's record directory, the manifest, the run's own files, the
/// JSONL parts) into an error entry, before anything is written.
fn refuse_overwrites(found: &mut [Found], stems: &[PathBuf], containers: &[bool], out: &OutDir) {
    let inside: Vec<Option<PathBuf>> = found
        .iter()
        .map(|f| match &f.source {
            Source::File(path) => std::fs::canonicalize(path)
                .ok()
                .filter(|p| p.starts_with(&out.canonical)),
            _ => None,
        })
        .collect();
    if inside.iter().all(Option::is_none) {
        return;
    }
    let mut outputs: HashSet<PathBuf> = HashSet::new();
    let mut record_dirs: Vec<PathBuf> = Vec::new();
    for (stem, &container) in stems.iter().zip(containers) {
        let stem = out.canonical.join(stem);
        if container {
            record_dirs.push(stem);
        } else {
            outputs.insert(crate::files::with_suffix(&stem, ".txt"));
            outputs.insert(crate::files::with_suffix(&stem, ".md"));
            outputs.insert(crate::files::with_suffix(&stem, ".removed.tsv"));
        }
    }
    for (f, path) in found.iter_mut().zip(inside) {
        let Some(path) = path else { continue };
        let top_level_name = path
            .strip_prefix(&out.canonical)
            .ok()
            .filter(|rel| rel.components().count() == 1)
            .map(|rel| rel.to_string_lossy().into_owned());
        let run_file = top_level_name.is_some_and(|name| {
            crate::files::RUN_FILES.contains(&name.as_str())
                || (out.parts && name.starts_with("part-") && name.ends_with(".jsonl.gz"))
        });
        let written = outputs.contains(&path)
            || run_file
            || path.starts_with(out.canonical.join(crate::files::RESUME_DIR))
            || record_dirs.iter().any(|dir| path.starts_with(dir));
        if written {
            f.source = Source::Unreadable(format!(
                "is inside the output directory where this run writes {}: refused, so that \
                 no output overwrites an input",
                path.strip_prefix(&out.canonical).unwrap_or(&path).display()
            ));
        }
    }
}

/// A document found, before output paths are assigned.
#[derive(Debug)]
struct Found {
    source: Source,
    display: String,
    /// Path below the directory input (or the bare file name for a file input).
    rel: PathBuf,
}

/// Standard input up to `max_bytes` (with the slack a compressed document gets); a stream
/// that goes on past that (`/dev/zero`, a runaway pipe) is an error, and is not read further.
fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, String> {
    crate::files::read_limited(std::io::stdin().lock(), max_bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))
}

fn walk(root: &Path, out_dir: Option<&OutDir>, found: &mut Vec<Found>) {
    // OUTDIR inside the input directory is not read (it holds this run's outputs); it gets
    // a `skipped` entry. Directories are compared by device and inode, once each.
    let out_id = out_dir.and_then(|out| file_id(&out.canonical));
    let mut skipped_out: Vec<PathBuf> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() > 0 && is_hidden(entry.file_name()) {
                return false;
            }
            let is_out =
                entry.file_type().is_dir() && out_id.is_some() && file_id(entry.path()) == out_id;
            if is_out {
                skipped_out.push(entry.path().to_path_buf());
            }
            !is_out
        });
    let mut entries: Vec<walkdir::Result<walkdir::DirEntry>> = walker.collect();
    for path in skipped_out {
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        found.push(Found {
            source: Source::NotDocument("the output directory: not read".to_string()),
            display: escaped(root.join(&rel).as_os_str()),
            rel,
        });
    }
    for entry in entries.drain(..) {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                if file_type.is_dir() {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                let display = escaped(root.join(&rel).as_os_str());
                // A symlink to a file is read through; a dangling one fails when read, so it
                // is reported. Symlinked directories are not followed. FIFOs, sockets and
                // devices are no documents (a FIFO would block the run): skipped, named.
                let source = if file_type.is_file() {
                    Source::File(entry.path().to_path_buf())
                } else if file_type.is_symlink() {
                    if entry.path().is_dir() {
                        continue;
                    }
                    Source::File(entry.path().to_path_buf())
                } else {
                    Source::NotDocument(format!("not a regular file ({})", kind_of(&file_type)))
                };
                found.push(Found {
                    source,
                    display,
                    rel,
                });
            }
            Err(error) => {
                let path = error.path().unwrap_or(root).to_path_buf();
                let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                let reason = match error.io_error() {
                    Some(io) => format!("cannot read directory: {io}"),
                    None => format!("cannot read directory: {error}"),
                };
                found.push(Found {
                    source: Source::Unreadable(reason),
                    display: escaped(path.as_os_str()),
                    rel,
                });
            }
        }
    }
}

/// What kind of special file this is, for a manifest reason.
fn kind_of(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    let _ = file_type;
    "a special file"
}

/// Device and inode of a path (following links): one directory however it is named.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let canonical = std::fs::canonicalize(path).ok()?;
    let mut hasher = std::hash::DefaultHasher::new();
    canonical.hash(&mut hasher);
    Some((0, hasher.finish()))
}

/// A path as text: UTF-8 as it is; other bytes as `\xNN`, and a backslash that could be
/// read as such an escape doubled, so two different names never give one text (and one
/// manifest entry).
pub(crate) fn escaped(path: &std::ffi::OsStr) -> String {
    if let Some(text) = path.to_str() {
        if !text.contains("\\x") {
            return text.to_string();
        }
    }
    let mut out = String::new();
    for chunk in path.as_encoded_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace("\\x", "\\\\x"));
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02X}"));
        }
    }
    out
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn file_name_of(path: &Path) -> String {
    path.file_name().map(escaped).unwrap_or_default()
}

/// `b.html.gz` → (`b`, `html`); `b.txt` → (`b`, `txt`); `README` → (`README`, none).
fn split_name(name: &str) -> (String, Option<String>) {
    let name = without_compression(name);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_string(), Some(ext.to_lowercase())),
        _ => (name.to_string(), None),
    }
}

/// `seeds/a.html.gz` → `seeds/a`; only the file name's extensions are removed.
fn strip_extensions(display: &str) -> String {
    let path = Path::new(display);
    let (stem, _) = split_name(&file_name_of(path));
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.join(stem).display().to_string(),
        _ => stem,
    }
}

/// Output stems: `rel/<stem>`; where two documents would share one, both keep their full file
/// name (`a.html`, `a.txt`); anything still taken gets `~2`, `~3`, … in input order. Names
/// are compared ignoring case (as a case-insensitive file system would), and a name that is
/// empty, `.`, `..` or starts with a dot gets a `_` in front ([`safe_file_name`]).
fn unique_output_stems(found: &[Found]) -> Vec<PathBuf> {
    let key = |path: &Path| escaped(path.as_os_str()).to_lowercase();
    let primary: Vec<PathBuf> = found
        .iter()
        .map(|f| {
            let (stem, _) = split_name(&file_name_of(&f.rel));
            f.rel.with_file_name(safe_file_name(stem))
        })
        .collect();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for stem in &primary {
        *counts.entry(key(stem)).or_default() += 1;
    }
    let candidates: Vec<PathBuf> = found
        .iter()
        .zip(&primary)
        .map(|(f, stem)| {
            if counts.get(&key(stem)).is_some_and(|&n| n > 1) {
                f.rel.with_file_name(safe_file_name(file_name_of(&f.rel)))
            } else {
                stem.clone()
            }
        })
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    candidates
        .into_iter()
        .map(|candidate| {
            let mut chosen = candidate.clone();
            let mut n = 2;
            while !taken.insert(key(&chosen)) {
                let name = format!("{}~{n}", file_name_of(&candidate));
                chosen = candidate.with_file_name(name);
                n += 1;
            }
            chosen
        })
        .collect()
}

/// A file name that stays one entry of its directory, visible: never empty, `.` or `..`
/// (a container named `...jsonl` would put its records in OUTDIR's parent), never a
/// dot-file (a later run skips those). Separators cannot occur in a file name.
fn safe_file_name(name: String) -> String {
    if name.is_empty() || name.starts_with('.') {
        format!("_{name}")
    } else {
        name
    }
}

/// A container's outputs go below its stem as a directory: where that directory also holds
/// another input's outputs (`a.jsonl` next to a directory `a/`), the container's stem gets
/// `~2`, `~3`, … so that record files never meet other files.
fn container_dirs_apart(mut stems: Vec<PathBuf>, containers: &[bool]) -> Vec<PathBuf> {
    let file_dirs: HashSet<PathBuf> = stems
        .iter()
        .zip(containers)
        .filter(|(_, container)| !**container)
        .flat_map(|(stem, _)| stem.ancestors().skip(1).map(Path::to_path_buf))
        .collect();
    let mut container_dirs: HashSet<PathBuf> = stems
        .iter()
        .zip(containers)
        .filter(|(_, container)| **container)
        .map(|(stem, _)| stem.clone())
        .collect();
    for (stem, &container) in stems.iter_mut().zip(containers) {
        if !container || !file_dirs.contains(stem) {
            continue;
        }
        let base = file_name_of(stem);
        let mut n = 2;
        let mut candidate = stem.with_file_name(format!("{base}~{n}"));
        while file_dirs.contains(&candidate) || container_dirs.contains(&candidate) {
            n += 1;
            candidate = stem.with_file_name(format!("{base}~{n}"));
        }
        container_dirs.insert(candidate.clone());
        *stem = candidate;
    }
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(display: &str, rel: &str) -> Found {
        Found {
            source: Source::Unreadable(String::new()),
            display: display.to_string(),
            rel: PathBuf::from(rel),
        }
    }

    #[test]
    fn names_lose_gz_then_one_extension() {
        assert_eq!(split_name("b.html.gz"), ("b".into(), Some("html".into())));
        assert_eq!(
            split_name("b.tar.txt"),
            ("b.tar".into(), Some("txt".into()))
        );
        assert_eq!(split_name("README"), ("README".into(), None));
        assert_eq!(split_name(".profile"), (".profile".into(), None));
        assert_eq!(strip_extensions("seeds/000_x.txt"), "seeds/000_x");
        assert_eq!(strip_extensions("in/a/b.html.gz"), "in/a/b");
        assert_eq!(strip_extensions("x.txt"), "x");
        assert!(is_container_name("CC.warc.gz"));
        assert!(is_container_name("a.WET"));
        assert!(is_container_name("a.ndjson"));
        assert!(!is_container_name(".jsonl"));
        assert!(!is_container_name("a.json"));
        assert!(!is_container_name("a.html.gz"));
        assert!(is_container_name("a.jsonl.zst"));
        assert!(is_container_name("CC.warc.ZST"));
        assert!(!is_container_name(".jsonl.zst"));
        assert_eq!(split_name("b.html.zst"), ("b".into(), Some("html".into())));
    }

    #[test]
    fn colliding_outputs_keep_full_names() {
        let stems = unique_output_stems(&[
            found("in/a.html", "a.html"),
            found("in/a.html.txt", "a.html.txt"),
            found("in/a.txt", "a.txt"),
            found("in/sub/b.html.gz", "sub/b.html.gz"),
        ]);
        let stems: Vec<String> = stems.iter().map(|s| s.display().to_string()).collect();
        assert_eq!(stems, ["a.html", "a.html~2", "a.txt", "sub/b"]);
    }

    #[test]
    fn container_directories_hold_only_records() {
        let found = [
            found("in/a.jsonl", "a.jsonl"),
            found("in/a/x.html", "a/x.html"),
            found("in/b.warc.gz", "b.warc.gz"),
            found("in/c/d.jsonl", "c/d.jsonl"),
        ];
        let containers = [true, false, true, true];
        let stems = container_dirs_apart(unique_output_stems(&found), &containers);
        let stems: Vec<String> = stems.iter().map(|s| s.display().to_string()).collect();
        assert_eq!(stems, ["a~2", "a/x", "b", "c/d"]);
    }
}

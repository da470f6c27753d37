//! Command-line inputs to a sorted list of documents, each with its output path.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use deboil_detect::ContentType;

/// Where a document's bytes come from.
#[derive(Debug)]
pub(crate) enum Source {
    File(PathBuf),
    /// Standard input, already read (it can be read only once).
    Stdin(Vec<u8>),
    /// Known to be unreadable before processing starts (walk error, stdin read error).
    Unreadable(String),
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
            Source::Unreadable(_) => 0,
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

/// Collects the inputs: directories walked recursively (dot-files and dot-dirs skipped,
/// symlinked directories not followed), sorted by display path, duplicates merged, output
/// paths made unique.
pub(crate) fn collect(args: &[PathBuf]) -> Vec<Input> {
    let mut found: Vec<Found> = Vec::new();
    let mut stdin_bytes: Option<Result<Vec<u8>, String>> = None;
    for arg in args {
        if arg.as_os_str() == "-" {
            let bytes = stdin_bytes.get_or_insert_with(read_stdin).clone();
            found.push(Found {
                source: match bytes {
                    Ok(bytes) => Source::Stdin(bytes),
                    Err(reason) => Source::Unreadable(reason),
                },
                display: "-".to_string(),
                rel: PathBuf::from("stdin"),
            });
        } else if arg.is_dir() {
            walk(arg, &mut found);
        } else {
            // Missing and unreadable files are reported when read, with the OS error.
            found.push(Found {
                source: Source::File(arg.clone()),
                display: arg.display().to_string(),
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

/// A document found, before output paths are assigned.
#[derive(Debug)]
struct Found {
    source: Source,
    display: String,
    /// Path below the directory input (or the bare file name for a file input).
    rel: PathBuf,
}

fn read_stdin() -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map(|_| bytes)
        .map_err(|e| format!("cannot read stdin: {e}"))
}

fn walk(root: &Path, found: &mut Vec<Found>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    for entry in walker {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                // A symlink to a file is read through; a dangling one fails when read, so it
                // is reported. Symlinked directories are not followed.
                let is_document =
                    file_type.is_file() || (file_type.is_symlink() && !entry.path().is_dir());
                if !is_document {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                found.push(Found {
                    source: Source::File(entry.path().to_path_buf()),
                    display: root.join(&rel).display().to_string(),
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
                    display: path.display().to_string(),
                    rel,
                });
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn file_name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
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
/// name (`a.html`, `a.txt`); anything still taken gets `~2`, `~3`, … in input order.
fn unique_output_stems(found: &[Found]) -> Vec<PathBuf> {
    let primary: Vec<PathBuf> = found
        .iter()
        .map(|f| {
            let (stem, _) = split_name(&file_name_of(&f.rel));
            f.rel.with_file_name(stem)
        })
        .collect();
    let mut counts: HashMap<&PathBuf, usize> = HashMap::new();
    for stem in &primary {
        *counts.entry(stem).or_default() += 1;
    }
    let candidates: Vec<PathBuf> = found
        .iter()
        .zip(&primary)
        .map(|(f, stem)| {
            if counts[stem] > 1 {
                f.rel.clone()
            } else {
                stem.clone()
            }
        })
        .collect();
    let mut taken: HashSet<PathBuf> = HashSet::new();
    candidates
        .into_iter()
        .map(|candidate| {
            let mut chosen = candidate.clone();
            let mut n = 2;
            while taken.contains(&chosen) {
                let name = format!("{}~{n}", file_name_of(&candidate));
                chosen = candidate.with_file_name(name);
                n += 1;
            }
            taken.insert(chosen.clone());
            chosen
        })
        .collect()
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

//! `--resume`: restart a killed (or finished) run without redoing its work.
//!
//! A run writes `manifest.jsonl` as it goes (flushed per batch) and `.deboil-run.json`, the
//! settings that shape its output. A resumed run first moves the manifest and the JSONL parts
//! it finds into `.deboil-resume/g<N>/` (one generation per interrupted run, so a resume that
//! is itself killed loses nothing), indexes the manifests, and then runs as usual, except that
//! a document whose manifest entry says it was cleaned (or found empty) from the same bytes
//! (same sha256), with its outputs still in place, is not cleaned again: its entry is reused,
//! and its JSONL line is copied from the old part into the new one. The new run therefore
//! writes exactly what an uninterrupted run would (same parts, same manifest), and
//! `.deboil-resume/` is removed when it ends.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, bail};
use flate2::bufread::MultiGzDecoder;
use serde::{Deserialize, Serialize};

use crate::manifest::{self, ManifestEntry, Status};
use crate::shards;

pub(crate) use crate::files::{RESUME_DIR, RUN_FILE};

/// The settings that change what a run writes; a resumed run must use the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RunSettings {
    pub deboil: String,
    pub format: String,
    pub header: bool,
    pub explain: bool,
    pub shard_bytes: u64,
    pub max_bytes: u64,
}

/// Writes `.deboil-run.json` for this run.
pub(crate) fn write_run_settings(out_dir: &Path, settings: &RunSettings) -> anyhow::Result<()> {
    let path = out_dir.join(RUN_FILE);
    let mut json = serde_json::to_string_pretty(settings)?;
    json.push('\n');
    crate::files::write_atomic(&path, json.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Where a reusable entry is: its generation, its line's offset in that generation's
/// manifest, and (for JSONL output) its line number within its part.
#[derive(Debug, Clone, Copy)]
struct Location {
    generation: usize,
    offset: u64,
    part_line: u32,
}

#[derive(Debug)]
struct Generation {
    dir: PathBuf,
    manifest: Mutex<std::fs::File>,
}

/// What a resumed run may reuse; shared read-only by the workers.
#[derive(Debug)]
pub(crate) struct Index {
    out_dir: PathBuf,
    generations: Vec<Generation>,
    /// Key: [`key`] of path, record and occurrence. The newest generation's entry wins.
    entries: HashMap<u64, Location>,
}

/// A document whose earlier result stands.
#[derive(Debug)]
pub(crate) struct Reused {
    pub entry: ManifestEntry,
    /// For JSONL output: where its line is.
    pub line: Option<PartLine>,
}

/// A line of an old part: generation, part file name, line number (from 0).
#[derive(Debug, Clone)]
pub(crate) struct PartLine {
    pub path: PathBuf,
    pub line: u32,
    /// The document's sha256, which its line must carry.
    pub sha256: String,
}

/// The identity of a document across runs. `occurrence` tells apart records of one
/// container that share an id (0 for the first).
pub(crate) fn key(path: &str, record: Option<&str>, occurrence: u32) -> u64 {
    // `DefaultHasher::new()` has fixed keys: the same key in every process.
    let mut hasher = std::hash::DefaultHasher::new();
    path.hash(&mut hasher);
    record.hash(&mut hasher);
    occurrence.hash(&mut hasher);
    hasher.finish()
}

impl Index {
    /// Moves the previous run's manifest and parts aside and indexes every generation.
    /// Refuses when OUTDIR was written with other settings: its outputs would not match.
    pub(crate) fn prepare(out_dir: &Path, settings: &RunSettings) -> anyhow::Result<Index> {
        let run_file = out_dir.join(RUN_FILE);
        if let Ok(text) = std::fs::read_to_string(&run_file) {
            let previous: RunSettings = serde_json::from_str(&text)
                .with_context(|| format!("cannot read {}", run_file.display()))?;
            if &previous != settings {
                bail!(
                    "cannot resume: {} was written with other settings ({}); run without \
                     --resume, or with the same settings",
                    out_dir.display(),
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
            }
        }
        let root = out_dir.join(RESUME_DIR);
        let mut numbers = generation_numbers(&root)?;
        let manifest_path = out_dir.join(crate::files::MANIFEST_FILE);
        if manifest_path.exists() {
            let number = numbers.last().map_or(1, |n| n + 1);
            let dir = root.join(format!("g{number}"));
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            move_into(&manifest_path, &dir)?;
            for entry in std::fs::read_dir(out_dir)
                .with_context(|| format!("cannot list {}", out_dir.display()))?
            {
                let entry = entry?;
                if entry
                    .file_name()
                    .to_str()
                    .and_then(shards::part_index)
                    .is_some()
                {
                    move_into(&entry.path(), &dir)?;
                }
            }
            numbers.push(number);
        }
        let mut index = Index {
            out_dir: out_dir.to_path_buf(),
            generations: Vec::new(),
            entries: HashMap::new(),
        };
        // Newest first, so that its entries win.
        for number in numbers.iter().rev() {
            let dir = root.join(format!("g{number}"));
            index.add_generation(dir)?;
        }
        Ok(index)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn add_generation(&mut self, dir: PathBuf) -> anyhow::Result<()> {
        let path = dir.join(crate::files::MANIFEST_FILE);
        let Ok(file) = std::fs::File::open(&path) else {
            return Ok(()); // parts without a manifest: nothing to reuse
        };
        let generation = self.generations.len();
        let mut reader = BufReader::new(&file);
        let mut occurrences: HashMap<u64, u32> = HashMap::new();
        let mut part_lines: HashMap<String, u32> = HashMap::new();
        let mut offset = 0u64;
        let mut line = String::new();
        loop {
            line.clear();
            let n = reader
                .read_line(&mut line)
                .with_context(|| format!("cannot read {}", path.display()))?;
            if n == 0 || !line.ends_with('\n') {
                break; // the end, or a line cut short by the kill
            }
            let at = offset;
            offset += n as u64;
            let Some(entry) = manifest::parse_line(&line) else {
                continue;
            };
            let part_line = match entry.output.as_deref() {
                Some(name) if shards::part_index(name).is_some() => {
                    let count = part_lines.entry(name.to_string()).or_default();
                    *count += 1;
                    *count - 1
                }
                _ => 0,
            };
            let id = key(&entry.path, entry.record.as_deref(), 0);
            let occurrence = occurrences.entry(id).or_default();
            let key = key(&entry.path, entry.record.as_deref(), *occurrence);
            *occurrence += 1;
            self.entries.entry(key).or_insert(Location {
                generation,
                offset: at,
                part_line,
            });
        }
        self.generations.push(Generation {
            dir,
            manifest: Mutex::new(file),
        });
        Ok(())
    }

    /// The earlier result of a document, if it still stands: cleaned or empty, from the same
    /// bytes, with its outputs in place (`<stem>.txt`, `<stem>.removed.tsv` with
    /// `--explain`, or its line's part).
    pub(crate) fn lookup(
        &self,
        key: u64,
        sha256: &str,
        output_stem: &Path,
        explain: bool,
    ) -> Option<Reused> {
        let location = *self.entries.get(&key)?;
        let generation = self.generations.get(location.generation)?;
        let entry = self.read_entry(generation, location.offset)?;
        if entry.sha256.as_deref() != Some(sha256) {
            return None;
        }
        if explain
            && !self
                .out_dir
                .join(crate::files::with_suffix(output_stem, ".removed.tsv"))
                .is_file()
        {
            return None;
        }
        let line = match (entry.status, entry.output.as_deref()) {
            (Status::Empty, None) => None,
            (Status::Ok, Some(name)) if shards::part_index(name).is_some() => {
                let path = generation.dir.join(name);
                if !path.is_file() {
                    return None;
                }
                Some(PartLine {
                    path,
                    line: location.part_line,
                    sha256: sha256.to_string(),
                })
            }
            (Status::Ok, Some(txt)) => {
                // `.txt` or `.md`: the run settings already say the format is the same.
                let expected = [".txt", ".md"]
                    .map(|suffix| crate::files::with_suffix(output_stem, suffix))
                    .into_iter()
                    .find(|path| Path::new(txt) == path)?;
                if !self.out_dir.join(&expected).is_file() {
                    return None;
                }
                None
            }
            _ => return None,
        };
        Some(Reused { entry, line })
    }

    fn read_entry(&self, generation: &Generation, offset: u64) -> Option<ManifestEntry> {
        let mut file = generation
            .manifest
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        file.seek(SeekFrom::Start(offset)).ok()?;
        let mut line = String::new();
        BufReader::new(&*file).read_line(&mut line).ok()?;
        manifest::parse_line(&line)
    }

    /// Removes `.deboil-resume/` once the run that used it has finished.
    pub(crate) fn remove(out_dir: &Path) -> anyhow::Result<()> {
        let root = out_dir.join(RESUME_DIR);
        match std::fs::remove_dir_all(&root) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e).with_context(|| format!("cannot remove {}", root.display())),
        }
    }
}

/// Reads lines of old parts in order, for the writer to copy; one part open at a time.
#[derive(Debug, Default)]
pub(crate) struct PartLines {
    open: Option<OpenPart>,
}

#[derive(Debug)]
struct OpenPart {
    path: PathBuf,
    reader: BufReader<MultiGzDecoder<BufReader<std::fs::File>>>,
    /// The number of the line `reader` reads next.
    next: u32,
}

impl PartLines {
    /// The line (with its `\n`), checked to be the document's by its sha256.
    pub(crate) fn read(&mut self, wanted: &PartLine) -> anyhow::Result<String> {
        let reopen = match &self.open {
            Some(open) => open.path != wanted.path || open.next > wanted.line,
            None => true,
        };
        if reopen {
            let file = std::fs::File::open(&wanted.path)
                .with_context(|| format!("cannot read {}", wanted.path.display()))?;
            self.open = Some(OpenPart {
                path: wanted.path.clone(),
                reader: BufReader::new(MultiGzDecoder::new(BufReader::new(file))),
                next: 0,
            });
        }
        let Some(open) = &mut self.open else {
            bail!("cannot read {}", wanted.path.display());
        };
        let mut line = String::new();
        while open.next <= wanted.line {
            line.clear();
            let n = open
                .reader
                .read_line(&mut line)
                .with_context(|| format!("cannot read {}", wanted.path.display()))?;
            if n == 0 {
                break;
            }
            open.next += 1;
        }
        let sha = format!("\"sha256\":\"{}\"", wanted.sha256);
        if open.next != wanted.line + 1 || !line.ends_with('\n') || !line.contains(&sha) {
            bail!(
                "cannot resume: {} does not hold line {} of its manifest; run without --resume",
                wanted.path.display(),
                wanted.line + 1
            );
        }
        Ok(line)
    }
}

fn generation_numbers(root: &Path) -> anyhow::Result<Vec<u32>> {
    let mut numbers = Vec::new();
    let entries = match std::fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(numbers),
        Err(e) => return Err(e).with_context(|| format!("cannot list {}", root.display())),
    };
    for entry in entries {
        let name = entry?.file_name();
        if let Some(number) = name
            .to_str()
            .and_then(|n| n.strip_prefix('g'))
            .and_then(|n| n.parse().ok())
        {
            numbers.push(number);
        }
    }
    numbers.sort_unstable();
    Ok(numbers)
}

fn move_into(path: &Path, dir: &Path) -> anyhow::Result<()> {
    let target = dir.join(path.file_name().unwrap_or_default());
    std::fs::rename(path, &target)
        .with_context(|| format!("cannot move {} to {}", path.display(), target.display()))
}

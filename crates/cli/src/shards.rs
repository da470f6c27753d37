//! `--format jsonl` output: `OUTDIR/part-00000.jsonl.gz`, `part-00001.jsonl.gz`, …, each a
//! gzip stream of JSON lines, rolled once it holds [`ShardWriter`]'s limit of uncompressed
//! bytes. Each part is written under a temp name and renamed into place when full, so a part
//! that exists is complete. Lines go in input order and gzip is written with a fixed header
//! (no name, no time), so the parts are byte-identical for any `--jobs`.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::files;

/// `part-00042.jsonl.gz`.
pub(crate) fn part_name(index: u32) -> String {
    format!("part-{index:05}.jsonl.gz")
}

/// The index of a part file name, `None` for any other name.
pub(crate) fn part_index(name: &str) -> Option<u32> {
    let digits = name.strip_prefix("part-")?.strip_suffix(".jsonl.gz")?;
    if digits.len() < 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Writes JSON lines into rolling gzip parts in one directory.
#[derive(Debug)]
pub(crate) struct ShardWriter {
    dir: PathBuf,
    limit: u64,
    /// Index of the part being written, or of the next one to open.
    index: u32,
    open: Option<OpenPart>,
    /// Parts finished by this run, relative to the directory.
    finished: Vec<PathBuf>,
}

#[derive(Debug)]
struct OpenPart {
    name: String,
    temp: PathBuf,
    encoder: GzEncoder<BufWriter<std::fs::File>>,
    /// Uncompressed bytes written so far.
    bytes: u64,
}

impl ShardWriter {
    pub(crate) fn new(dir: &Path, limit: u64) -> Self {
        ShardWriter {
            dir: dir.to_path_buf(),
            limit: limit.max(1),
            index: 0,
            open: None,
            finished: Vec::new(),
        }
    }

    /// Appends one line (ending in `\n`); returns the name of the part it went to.
    pub(crate) fn write(&mut self, line: &[u8]) -> std::io::Result<String> {
        let part = match self.open.take() {
            Some(part) => part,
            None => self.open_part()?,
        };
        let part = self.open.insert(part);
        part.encoder.write_all(line)?;
        part.bytes += line.len() as u64;
        let name = part.name.clone();
        if part.bytes >= self.limit {
            self.close_part()?;
        }
        Ok(name)
    }

    /// Finishes the open part and removes parts an earlier, longer run left behind (their
    /// index is past the last part written now), so the directory holds exactly this run's.
    /// Returns the parts written, relative to the directory.
    pub(crate) fn finish(mut self) -> std::io::Result<Vec<PathBuf>> {
        self.close_part()?;
        for entry in std::fs::read_dir(&self.dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let stale = name
                .to_str()
                .and_then(part_index)
                .is_some_and(|index| index >= self.index);
            if stale {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(std::mem::take(&mut self.finished))
    }

    fn open_part(&self) -> std::io::Result<OpenPart> {
        let name = part_name(self.index);
        let temp = files::temp_path(&self.dir.join(&name));
        let file = std::fs::File::create(&temp)?;
        Ok(OpenPart {
            name,
            temp,
            // Level 6 (gzip's default): 2–3× smaller than level 1 and still far cheaper
            // than cleaning the text it compresses.
            encoder: GzEncoder::new(BufWriter::with_capacity(1 << 16, file), Compression::new(6)),
            bytes: 0,
        })
    }

    fn close_part(&mut self) -> std::io::Result<()> {
        let Some(part) = self.open.take() else {
            return Ok(());
        };
        let result = (|| {
            let file = part
                .encoder
                .finish()?
                .into_inner()
                .map_err(|e| e.into_error())?;
            file.sync_data()?;
            drop(file);
            std::fs::rename(&part.temp, self.dir.join(&part.name))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&part.temp);
        }
        result?;
        self.finished.push(PathBuf::from(&part.name));
        self.index += 1;
        Ok(())
    }
}

impl Drop for ShardWriter {
    /// A part left open by an error or an early stop is not complete: no part file for it.
    fn drop(&mut self) {
        if let Some(part) = self.open.take() {
            drop(part.encoder);
            let _ = std::fs::remove_file(&part.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn read_part(path: &Path) -> String {
        let mut text = String::new();
        flate2::read::MultiGzDecoder::new(std::fs::File::open(path).expect("open"))
            .read_to_string(&mut text)
            .expect("gunzip");
        text
    }

    #[test]
    fn parts_roll_at_the_limit_and_stale_ones_go() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join(part_name(7)), b"stale").expect("write");
        std::fs::write(dir.path().join("part-x.jsonl.gz"), b"not ours").expect("write");
        let mut writer = ShardWriter::new(dir.path(), 10);
        assert_eq!(
            writer.write(b"{\"a\":1}\n").expect("write"),
            "part-00000.jsonl.gz"
        );
        assert_eq!(
            writer.write(b"{\"b\":2}\n").expect("write"),
            "part-00000.jsonl.gz"
        );
        assert_eq!(
            writer.write(b"{\"c\":3}\n").expect("write"),
            "part-00001.jsonl.gz"
        );
        let written = writer.finish().expect("finish");
        assert_eq!(written.len(), 2);
        assert_eq!(
            read_part(&dir.path().join(part_name(0))),
            "{\"a\":1}\n{\"b\":2}\n"
        );
        assert_eq!(read_part(&dir.path().join(part_name(1))), "{\"c\":3}\n");
        assert!(!dir.path().join(part_name(7)).exists());
        assert!(dir.path().join("part-x.jsonl.gz").exists());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn part_names_round_trip() {
        assert_eq!(part_index(&part_name(0)), Some(0));
        assert_eq!(part_index(&part_name(123_456)), Some(123_456));
        assert_eq!(part_index("part-1.jsonl.gz"), None);
        assert_eq!(part_index("part-00001.jsonl"), None);
        assert_eq!(part_index("manifest.jsonl"), None);
    }
}

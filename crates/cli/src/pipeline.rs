//! One document (a file or a container record): bytes → decoded text → article → rendered
//! output and manifest entry.

use std::panic;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use deboil_detect::{ContentType, DetectError};
use deboil_emit::Format;
use deboil_records::{Record, RecordKind};

use crate::document::{self, CleanOptions, DocumentInput, sha256_hex};
use crate::inputs::{Input, Source};
use crate::manifest::{ManifestEntry, Status};

/// Per-run settings that shape each document's output.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub format: Format,
    /// Header, explain, size and time guards: what [`crate::clean_document`] takes.
    pub options: CleanOptions,
    /// `--added`: JSONL `added` of every document.
    pub added: Option<String>,
    /// `--resume`: earlier results that still stand.
    pub resume: Option<Arc<crate::resume::Index>>,
}

/// A processed document, before and after its files are written.
#[derive(Debug)]
pub(crate) struct Processed {
    pub entry: ManifestEntry,
    pub output_stem: PathBuf,
    /// The document's id, once its bytes were read (record mode's status lines name it).
    pub id: Option<String>,
    /// Txt rendering, to be written to `<stem>.txt`.
    pub txt: Option<String>,
    /// JSONL line, to be appended to the current part in input order.
    pub jsonl: Option<String>,
    /// `--resume`: the entry is an earlier run's; for JSONL its line is copied from here.
    pub reused: bool,
    pub copy_line: Option<crate::resume::PartLine>,
    /// `--explain` report, to be written to `<stem>.removed.tsv`.
    pub removed_report: Option<String>,
    /// Files written for this document, relative to OUTDIR.
    pub written: Vec<PathBuf>,
}

/// Cleans one file or stdin document. Never panics: read, detect and internal errors become
/// `error` entries.
pub(crate) fn process(input: &Input, settings: &Settings) -> Processed {
    let entry = ManifestEntry::new(&input.display);
    let read;
    let bytes: &[u8] = match &input.source {
        Source::File(path) => match read_bounded(path, settings.options.max_bytes) {
            Ok(bytes) => {
                read = bytes;
                &read
            }
            Err(reason) => return Processed::failed(entry, &input.output_stem, reason),
        },
        Source::Stdin(bytes) => bytes,
        Source::Unreadable(reason) => {
            return Processed::failed(entry, &input.output_stem, reason.clone());
        }
        Source::NotDocument(reason) => {
            let mut entry = entry;
            entry.status = Status::Skipped;
            entry.reason = Some(reason.clone());
            return Processed::new(entry, input.output_stem.clone());
        }
    };
    let doc = DocInfo {
        id: Some(&input.id),
        source: &input.display,
        content_type_hint: input.content_type_hint,
        transport_charset: None,
        tld: None,
        url: None,
        extra: &[],
        dataset: None,
        fetched: None,
    };
    let key = crate::resume::key(&input.display, None, 0);
    process_bytes(entry, input.output_stem.clone(), bytes, &doc, key, settings)
}

/// Cleans one record of a container (WARC, WET, JSONL) named `container` (as given);
/// `occurrence` counts earlier records of the container with the same id.
pub(crate) fn process_record(
    container: &str,
    record: &Record,
    output_stem: PathBuf,
    occurrence: u32,
    settings: &Settings,
) -> Processed {
    let mut entry = ManifestEntry::new(container);
    entry.record = Some(record.id.clone());
    let mut extra: Vec<(String, serde_json::Value)> = vec![(
        "source_file".to_string(),
        serde_json::Value::String(container.to_string()),
    )];
    extra.push((
        "record_id".to_string(),
        serde_json::Value::String(
            record
                .record_id
                .clone()
                .unwrap_or_else(|| record.id.clone()),
        ),
    ));
    if let Some(date) = &record.date {
        extra.push(("date".to_string(), serde_json::Value::String(date.clone())));
    }
    for (key, value) in &record.extra {
        extra.push((key.clone(), value.clone()));
    }
    let tld = record.tld();
    let doc = DocInfo {
        // A record on stdin without an id of its own gets its URL, else the hash of its bytes:
        // its position (`stdin:3`) repeats in every partition of a distributed job.
        id: (!(container == "-" && record.fallback_id)).then_some(record.id.as_str()),
        source: container,
        content_type_hint: match record.kind {
            RecordKind::Html => Some(ContentType::Html),
            RecordKind::Text => Some(ContentType::Text),
            RecordKind::Unknown => None,
        },
        transport_charset: record.transport_charset.as_deref(),
        tld: tld.as_deref(),
        url: record.url.as_deref(),
        extra: &extra,
        // A JSONL record's own `source` names its data set (dolma's field).
        dataset: record
            .extra
            .get("source")
            .and_then(serde_json::Value::as_str),
        fetched: record.date.as_deref(),
    };
    let key = crate::resume::key(container, Some(&record.id), occurrence);
    process_bytes(entry, output_stem, &record.body, &doc, key, settings)
}

/// What the pipeline needs to know about a document besides its bytes.
#[derive(Debug)]
struct DocInfo<'a> {
    /// `None`: the URL, else the hash of the bytes.
    id: Option<&'a str>,
    source: &'a str,
    content_type_hint: Option<ContentType>,
    transport_charset: Option<&'a str>,
    tld: Option<&'a str>,
    url: Option<&'a str>,
    /// Container metadata added after the document's own metadata, in this order.
    extra: &'a [(String, serde_json::Value)],
    dataset: Option<&'a str>,
    fetched: Option<&'a str>,
}

impl Processed {
    fn failed(mut entry: ManifestEntry, output_stem: &std::path::Path, reason: String) -> Self {
        entry.fail(reason);
        Processed::new(entry, output_stem.to_path_buf())
    }

    pub(crate) fn new(entry: ManifestEntry, output_stem: PathBuf) -> Self {
        Processed {
            entry,
            output_stem,
            id: None,
            txt: None,
            jsonl: None,
            removed_report: None,
            reused: false,
            copy_line: None,
            written: Vec::new(),
        }
    }

    /// An earlier run's result for this document (`--resume`).
    fn reused(reused: crate::resume::Reused, output_stem: PathBuf, settings: &Settings) -> Self {
        let mut processed = Processed::new(reused.entry, output_stem);
        processed.reused = true;
        processed.copy_line = reused.line;
        if settings.options.explain {
            processed.written.push(crate::output::with_suffix(
                &processed.output_stem,
                ".removed.tsv",
            ));
        }
        if processed.copy_line.is_none() && processed.entry.status == Status::Ok {
            processed
                .written
                .push(crate::output::with_suffix(&processed.output_stem, ".txt"));
        }
        processed
    }
}

fn process_bytes(
    entry: ManifestEntry,
    output_stem: PathBuf,
    bytes: &[u8],
    doc: &DocInfo<'_>,
    resume_key: u64,
    settings: &Settings,
) -> Processed {
    let sha256 = sha256_hex(bytes);
    if let Some(index) = &settings.resume {
        if let Some(reused) =
            index.lookup(resume_key, &sha256, &output_stem, settings.options.explain)
        {
            return Processed::reused(reused, output_stem, settings);
        }
    }
    let mut processed = Processed::new(entry, output_stem);
    let input = DocumentInput {
        bytes,
        id: doc.id,
        source: doc.source,
        url: doc.url,
        content_type: doc.content_type_hint,
        transport_charset: doc.transport_charset,
        tld: doc.tld,
        extra: doc.extra,
        dataset: doc.dataset,
        added: settings.added.as_deref(),
        fetched: doc.fetched,
    };
    let cleaned = document::clean_hashed(&input, &settings.options, sha256);
    processed.id = Some(cleaned.id.clone());
    let entry = &mut processed.entry;
    entry.sha256 = Some(cleaned.sha256.clone());
    entry.bytes = Some(cleaned.bytes);
    entry.status = cleaned.status;
    entry.reason.clone_from(&cleaned.reason);
    if cleaned.status != Status::Error {
        entry.content_type = cleaned.content_type.map(|c| c.as_str().to_string());
        entry.encoding = cleaned.encoding.map(str::to_string);
        entry.stripped = Some(
            cleaned
                .stripped
                .iter()
                .map(|(category, n)| ((*category).to_string(), *n))
                .collect(),
        );
        processed.removed_report.clone_from(&cleaned.removed_report);
    }
    if cleaned.status == Status::Ok {
        entry.language = cleaned.language.as_ref().map(|l| l.code.to_string());
        entry.words = Some(cleaned.words);
        entry.kept_blocks = Some(cleaned.kept_blocks);
        let rendered = cleaned.render(settings.format);
        match settings.format {
            Format::Txt => processed.txt = rendered,
            Format::Jsonl => processed.jsonl = rendered,
        }
    }
    processed
}

/// Reads a file, refusing up front what detect would refuse anyway, so that a huge file is
/// not loaded into memory first. Compressed files get some slack: they may inflate to less.
/// What is not a regular file (a FIFO, a device, a process substitution's pipe) is read up
/// to the same bound; a FIFO that no one writes to reads as empty instead of blocking.
fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len());
    if size > limit.saturating_mul(2) {
        return Err(DetectError::TooLarge { size, limit }.to_string());
    }
    let file = open_without_blocking(path).map_err(|error| format!("cannot read: {error}"))?;
    read_limited(file, limit).map_err(|error| format!("cannot read: {error}"))
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
    use std::io::Read as _;
    let limit = max_bytes.saturating_mul(2);
    let mut bytes = Vec::new();
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

/// Replaces the panic hook with a silent one while alive, so a panic caught per document
/// prints nothing; the manifest and stderr report it instead.
#[must_use]
pub(crate) struct SilentPanics {
    previous: Option<PanicHook>,
}

type PanicHook = Box<dyn Fn(&panic::PanicHookInfo<'_>) + Sync + Send + 'static>;

impl std::fmt::Debug for SilentPanics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SilentPanics")
    }
}

impl SilentPanics {
    pub(crate) fn install() -> Self {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(|_| {}));
        SilentPanics {
            previous: Some(previous),
        }
    }
}

impl Drop for SilentPanics {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            panic::set_hook(previous);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::panic_message;

    #[test]
    fn sha256_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn panic_messages_are_extracted() {
        let _silence = SilentPanics::install();
        let payload = panic::catch_unwind(|| panic!("boom {}", 1)).unwrap_err();
        assert_eq!(panic_message(payload.as_ref()), "boom 1");
        let payload = panic::catch_unwind(|| panic!("static")).unwrap_err();
        assert_eq!(panic_message(payload.as_ref()), "static");
    }
}

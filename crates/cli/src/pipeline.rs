//! One document (a file or a container record): bytes → decoded text → article → rendered
//! output and manifest entry.

use std::any::Any;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use deboil_detect::{ContentType, DecodeOptions, DetectError};
use deboil_emit::{Document, Format, Provenance};
use deboil_records::{Record, RecordKind};
use deboil_strip::Article;
use sha2::{Digest, Sha256};

use crate::inputs::{Input, Source};
use crate::manifest::{ManifestEntry, Status};

/// Per-run settings that shape each document's output.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub format: Format,
    pub header: bool,
    pub explain: bool,
    /// Size guard: a larger document (after gunzipping) is an `error` entry.
    pub max_bytes: u64,
    /// Time guard: a document still being cleaned after this long is an `error` entry.
    pub time_budget: Duration,
    /// `--resume`: earlier results that still stand.
    pub resume: Option<Arc<crate::resume::Index>>,
    /// `--dedup`, `--lang`, `--min-words`, `--signals`.
    pub corpus: crate::corpus::Options,
}

/// A processed document, before and after its files are written.
#[derive(Debug)]
pub(crate) struct Processed {
    pub entry: ManifestEntry,
    pub output_stem: PathBuf,
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
    /// `--dedup`: the key the sink decides duplicates by.
    pub dedup: Option<crate::corpus::Pending>,
}

/// Cleans one file or stdin document. Never panics: read, detect and internal errors become
/// `error` entries.
pub(crate) fn process(input: &Input, settings: &Settings) -> Processed {
    let entry = ManifestEntry::new(&input.display);
    let read;
    let bytes: &[u8] = match &input.source {
        Source::File(path) => match read_bounded(path, settings.max_bytes) {
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
        id: &input.id,
        source: &input.display,
        content_type_hint: input.content_type_hint,
        transport_charset: None,
        tld: None,
        url: None,
        extra: &[],
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
        id: &record.id,
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
    };
    let key = crate::resume::key(container, Some(&record.id), occurrence);
    process_bytes(entry, output_stem, &record.body, &doc, key, settings)
}

/// What the pipeline needs to know about a document besides its bytes.
#[derive(Debug)]
struct DocInfo<'a> {
    id: &'a str,
    source: &'a str,
    content_type_hint: Option<ContentType>,
    transport_charset: Option<&'a str>,
    tld: Option<&'a str>,
    url: Option<&'a str>,
    /// Container metadata added after the document's own metadata, in this order.
    extra: &'a [(String, serde_json::Value)],
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
            txt: None,
            jsonl: None,
            removed_report: None,
            reused: false,
            copy_line: None,
            written: Vec::new(),
            dedup: None,
        }
    }

    /// An earlier run's result for this document (`--resume`).
    fn reused(reused: crate::resume::Reused, output_stem: PathBuf, settings: &Settings) -> Self {
        let mut processed = Processed::new(reused.entry, output_stem);
        processed.reused = true;
        processed.copy_line = reused.line;
        if settings.explain {
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
        if let Some(reused) = index.lookup(resume_key, &sha256, &output_stem, settings.explain) {
            return Processed::reused(reused, output_stem, settings);
        }
    }
    let mut processed = Processed::new(entry, output_stem);
    processed.entry.sha256 = Some(sha256);
    processed.entry.bytes = Some(bytes.len() as u64);

    let cleaned = panic::catch_unwind(AssertUnwindSafe(|| {
        clean(
            doc,
            bytes,
            processed.entry.sha256.as_deref().unwrap_or(""),
            settings,
        )
    }));
    match cleaned {
        Ok(Ok(cleaned)) => {
            let entry = &mut processed.entry;
            entry.content_type = Some(cleaned.content_type.to_string());
            entry.encoding = Some(cleaned.encoding.to_string());
            entry.stripped = Some(
                cleaned
                    .stripped
                    .into_iter()
                    .map(|(category, n)| (category.to_string(), n))
                    .collect(),
            );
            processed.removed_report = cleaned.removed_report;
            match cleaned.result {
                CleanResult::Article {
                    language,
                    words,
                    kept_blocks,
                    rendered,
                    dedup,
                } => {
                    processed.dedup = dedup;
                    entry.status = Status::Ok;
                    entry.language = Some(language.to_string());
                    entry.words = Some(words);
                    entry.kept_blocks = Some(kept_blocks);
                    match settings.format {
                        Format::Txt => processed.txt = Some(rendered),
                        Format::Jsonl => processed.jsonl = Some(rendered),
                    }
                }
                CleanResult::Empty { reason } => {
                    entry.status = Status::Empty;
                    entry.reason = Some(reason);
                }
                CleanResult::Filtered {
                    language,
                    words,
                    reason,
                } => {
                    entry.status = Status::Skipped;
                    entry.language = Some(language.to_string());
                    entry.words = Some(words);
                    entry.reason = Some(reason);
                }
            }
        }
        Ok(Err(reason)) => processed.entry.fail(reason),
        Err(payload) => processed.entry.fail(format!(
            "internal error: {}",
            panic_message(payload.as_ref())
        )),
    }
    processed
}

struct Cleaned {
    content_type: &'static str,
    encoding: &'static str,
    stripped: std::collections::BTreeMap<&'static str, usize>,
    removed_report: Option<String>,
    result: CleanResult,
}

enum CleanResult {
    Article {
        language: &'static str,
        words: usize,
        kept_blocks: usize,
        rendered: String,
        dedup: Option<crate::corpus::Pending>,
    },
    Empty {
        reason: String,
    },
    /// Cleaned, but `--lang` or `--min-words` leaves it out.
    Filtered {
        language: &'static str,
        words: usize,
        reason: String,
    },
}

/// The library calls for one document; `Err` carries detect's message.
fn clean(
    doc: &DocInfo<'_>,
    bytes: &[u8],
    sha256: &str,
    settings: &Settings,
) -> Result<Cleaned, String> {
    let started = Instant::now();
    let options = DecodeOptions {
        content_type_hint: doc.content_type_hint,
        transport_charset: doc.transport_charset,
        tld: doc.tld,
        max_bytes: Some(settings.max_bytes),
    };
    let decoded = deboil_detect::decode(bytes, &options).map_err(|e| e.to_string())?;
    let budget = deboil_strip::Budget::until(started + settings.time_budget);
    let stripped = match decoded.content_type {
        ContentType::Html => deboil_strip::strip_html_within(&decoded.text, budget),
        ContentType::Text => deboil_strip::strip_text_within(&decoded.text, budget),
    };
    let article = stripped.map_err(|over| match over.exceeded {
        deboil_strip::Exceeded::Time => format!(
            "{over}: {:.1}s spent, budget {}s (--time-budget)",
            started.elapsed().as_secs_f64(),
            settings.time_budget.as_secs_f64()
        ),
        deboil_strip::Exceeded::Depth(_) | deboil_strip::Exceeded::Nodes(_) => over.to_string(),
    })?;
    let body = article.body();
    let language = deboil_detect::language(&body);
    let provenance = Provenance {
        id: doc.id.to_string(),
        source: doc.source.to_string(),
        sha256: sha256.to_string(),
        bytes: bytes.len() as u64,
        content_type: decoded.content_type,
        encoding: decoded.encoding,
        encoding_source: decoded.encoding_source,
        replaced_sequences: decoded.replaced_sequences,
        url: doc.url.map(str::to_string),
    };
    let document = Document {
        provenance: &provenance,
        article: &article,
        language: &language,
    };
    // Also for empty documents: the report is what explains why nothing was kept.
    let removed_report = settings
        .explain
        .then(|| deboil_emit::removed_report(&document));
    let corpus = &settings.corpus;
    let words = article.word_count();
    let result = if article.is_empty() {
        CleanResult::Empty {
            reason: empty_reason(&article),
        }
    } else if let Some(rejection) = corpus.filters.check(language.code, words) {
        CleanResult::Filtered {
            language: language.code,
            words,
            reason: rejection.to_string(),
        }
    } else {
        let rendered = if corpus.signals {
            let mut extra = doc.extra.to_vec();
            extra.insert(0, crate::corpus::signals_metadata(&body, language.code));
            render(&document, settings, &extra)
        } else {
            render(&document, settings, doc.extra)
        };
        CleanResult::Article {
            language: language.code,
            words,
            kept_blocks: article.blocks.len(),
            rendered,
            dedup: corpus.dedup.then(|| crate::corpus::Pending {
                name: doc.id.to_string(),
                signature: deboil_corpus::Signature::of(&body),
            }),
        }
    };
    Ok(Cleaned {
        content_type: decoded.content_type.as_str(),
        encoding: decoded.encoding,
        stripped: article.stripped_counts(),
        removed_report,
        result,
    })
}

/// Renders a document, with `extra` metadata after emit's own fields (in the YAML header or
/// the JSONL `metadata` object). A key emit already writes gets a `record_` prefix.
fn render(
    document: &Document<'_>,
    settings: &Settings,
    extra: &[(String, serde_json::Value)],
) -> String {
    if extra.is_empty() {
        return deboil_emit::render(document, settings.format, settings.header);
    }
    match settings.format {
        Format::Txt => {
            let body = deboil_emit::render(document, Format::Txt, false);
            if !settings.header {
                return body;
            }
            let header = deboil_emit::header(document);
            let Some(head) = header.strip_suffix("---\n") else {
                return header + &body;
            };
            let taken: HashSet<&str> = head
                .lines()
                .filter(|line| !line.starts_with([' ', '-']))
                .filter_map(|line| line.split(':').next())
                .collect();
            let mut out = head.to_string();
            for (key, value) in unique_keys(taken, extra) {
                let value = match value {
                    serde_json::Value::String(s) => deboil_emit::yaml_scalar(s),
                    other => serde_json::to_string(other).unwrap_or_default(),
                };
                let _ = writeln!(out, "{}: {value}", deboil_emit::yaml_scalar(&key));
            }
            out.push_str("---\n");
            out.push_str(&body);
            out
        }
        Format::Jsonl => {
            let line = deboil_emit::render(document, Format::Jsonl, settings.header);
            // The line is `{"id":…,"text":…,"metadata":{…}}\n`: metadata is the last field.
            let parsed: Option<serde_json::Value> = serde_json::from_str(&line).ok();
            let (Some(head), Some(metadata)) = (
                line.strip_suffix("}}\n"),
                parsed.as_ref().and_then(|v| v.get("metadata")?.as_object()),
            ) else {
                return line;
            };
            let taken: HashSet<&str> = metadata.keys().map(String::as_str).collect();
            let mut out = head.to_string();
            for (key, value) in unique_keys(taken, extra) {
                out.push(',');
                out.push_str(&serde_json::to_string(&key).unwrap_or_default());
                out.push(':');
                out.push_str(&serde_json::to_string(value).unwrap_or_default());
            }
            out.push_str("}}\n");
            out
        }
    }
}

/// `extra`'s keys, each prefixed with `record_` until it is not in `taken` nor used before.
fn unique_keys<'a>(
    taken: HashSet<&str>,
    extra: &'a [(String, serde_json::Value)],
) -> Vec<(String, &'a serde_json::Value)> {
    let mut owned: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(extra.len());
    for (key, value) in extra {
        let mut key = key.clone();
        while taken.contains(key.as_str()) || owned.contains(&key) {
            key = format!("record_{key}");
        }
        owned.insert(key.clone());
        out.push((key, value));
    }
    out
}

/// `no article text found (12 blocks, all boilerplate: navigation 5, other 7)`, or `no text`.
fn empty_reason(article: &Article) -> String {
    if article.removed.is_empty() {
        return "no text".to_string();
    }
    let counts: Vec<String> = article
        .stripped_counts()
        .iter()
        .map(|(category, n)| format!("{category} {n}"))
        .collect();
    format!(
        "no article text found ({} blocks, all boilerplate: {})",
        article.removed.len(),
        counts.join(", ")
    )
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

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
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

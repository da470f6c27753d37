//! One document (a file or a container record): bytes → decoded text → article → rendered
//! output and manifest entry.

use std::panic;
use std::path::PathBuf;
use std::sync::Arc;

use deboil_detect::ContentType;
use deboil_emit::Format;
use deboil_records::{Record, RecordKind};

use crate::document::{self, CleanOptions, DocumentInput, sha256_hex};
use crate::inputs::{Input, Source};
use crate::manifest::{ManifestEntry, Status};

/// Per-run settings that shape each document's output.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub format: Format,
    /// Header, explain, size and time guards: what [`crate::document::clean_document`] takes.
    pub options: CleanOptions,
    /// `--added`: JSONL `added` of every document.
    pub added: Option<String>,
    /// `--resume`: earlier results that still stand.
    pub resume: Option<Arc<crate::resume::Index>>,
    /// `--site-learning`: what the first pass learnt.
    pub site: Option<Arc<crate::site::SiteState>>,
    /// `--dedup`, `--lang`, `--min-words`, `--signals`.
    pub corpus: crate::corpus::Options,
}

/// A processed document, before and after its files are written.
#[derive(Debug)]
pub(crate) struct Processed {
    pub entry: ManifestEntry,
    pub output_stem: PathBuf,
    /// The document's id, once its bytes were read (record mode's status lines name it).
    pub id: Option<String>,
    /// Txt (or markdown) rendering, to be written to `<stem>` + `doc_suffix`.
    pub txt: Option<String>,
    /// `.txt`, or `.md` for markdown.
    pub doc_suffix: &'static str,
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
        Source::File(path) => match crate::files::read_bounded(path, settings.options.max_bytes) {
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
            doc_suffix: ".txt",
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
        if settings.options.explain {
            processed.written.push(crate::files::with_suffix(
                &processed.output_stem,
                ".removed.tsv",
            ));
        }
        if processed.copy_line.is_none() && processed.entry.status == Status::Ok {
            processed.written.push(crate::files::with_suffix(
                &processed.output_stem,
                crate::output::document_suffix(settings.format),
            ));
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
        site: (settings.site.as_deref()).and_then(|s| s.profile(doc.source, doc.url)),
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
        let language = cleaned.language.as_ref().map_or("und", |l| l.code);
        entry.language = Some(language.to_string());
        entry.words = Some(cleaned.words);
        entry.kept_blocks = Some(cleaned.kept_blocks);
        let corpus = &settings.corpus;
        if let Some(rejection) = corpus.filters.check(language, cleaned.words) {
            entry.status = Status::Skipped;
            entry.reason = Some(rejection.to_string());
            return processed;
        }
        let body = if corpus.signals || corpus.dedup {
            cleaned.text().unwrap_or_default()
        } else {
            String::new()
        };
        let mut cleaned = cleaned;
        if corpus.signals {
            let (key, value) = crate::corpus::signals_metadata(&body, language);
            cleaned.add_metadata(key, value);
        }
        if corpus.dedup {
            processed.dedup = Some(crate::corpus::Pending {
                name: cleaned.id.clone(),
                signature: deboil_corpus::Signature::of(&body),
            });
        }
        let rendered = cleaned.render(settings.format);
        match settings.format {
            Format::Txt | Format::Md => {
                processed.doc_suffix = crate::output::document_suffix(settings.format);
                processed.txt = rendered;
            }
            Format::Jsonl => processed.jsonl = rendered,
        }
    }
    processed
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

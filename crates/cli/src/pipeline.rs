//! One document: bytes → decoded text → article → rendered output and manifest entry.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;

use deboil_detect::{ContentType, DecodeOptions, DetectError};
use deboil_emit::{Document, Format, Provenance};
use deboil_strip::Article;
use sha2::{Digest, Sha256};

use crate::inputs::{Input, Source};
use crate::manifest::{ManifestEntry, Status};

/// Per-run settings that shape each document's output.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    pub format: Format,
    pub header: bool,
    pub explain: bool,
}

/// A processed document, before and after its files are written.
#[derive(Debug)]
pub(crate) struct Processed {
    pub entry: ManifestEntry,
    pub output_stem: PathBuf,
    /// Txt rendering, to be written to `<stem>.txt`.
    pub txt: Option<String>,
    /// JSONL line, to be appended to `documents.jsonl` in input order.
    pub jsonl: Option<String>,
    /// `--explain` report, to be written to `<stem>.removed.tsv`.
    pub removed_report: Option<String>,
    /// Files written for this document, relative to OUTDIR.
    pub written: Vec<PathBuf>,
}

/// Cleans one document. Never panics: read, detect and internal errors become `error`
/// entries.
pub(crate) fn process(input: &Input, settings: &Settings) -> Processed {
    let mut processed = Processed {
        entry: ManifestEntry::new(&input.display),
        output_stem: input.output_stem.clone(),
        txt: None,
        jsonl: None,
        removed_report: None,
        written: Vec::new(),
    };
    let read;
    let bytes: &[u8] = match &input.source {
        Source::File(path) => match read_bounded(path) {
            Ok(bytes) => {
                read = bytes;
                &read
            }
            Err(reason) => {
                processed.entry.fail(reason);
                return processed;
            }
        },
        Source::Stdin(bytes) => bytes,
        Source::Unreadable(reason) => {
            processed.entry.fail(reason.clone());
            return processed;
        }
    };
    processed.entry.sha256 = Some(sha256_hex(bytes));
    processed.entry.bytes = Some(bytes.len() as u64);

    let cleaned = panic::catch_unwind(AssertUnwindSafe(|| {
        clean(
            input,
            bytes,
            processed.entry.sha256.as_deref().unwrap_or(""),
            settings,
        )
    }));
    match cleaned {
        Ok(Ok(cleaned)) => {
            let entry = &mut processed.entry;
            entry.content_type = Some(cleaned.content_type);
            entry.encoding = Some(cleaned.encoding);
            entry.stripped = Some(cleaned.stripped);
            processed.removed_report = cleaned.removed_report;
            match cleaned.result {
                CleanResult::Article {
                    language,
                    words,
                    kept_blocks,
                    rendered,
                } => {
                    entry.status = Status::Ok;
                    entry.language = Some(language);
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
    },
    Empty {
        reason: String,
    },
}

/// The library calls for one document; `Err` carries detect's message.
fn clean(
    input: &Input,
    bytes: &[u8],
    sha256: &str,
    settings: &Settings,
) -> Result<Cleaned, String> {
    let options = DecodeOptions {
        content_type_hint: input.content_type_hint,
        ..DecodeOptions::default()
    };
    let decoded = deboil_detect::decode(bytes, &options).map_err(|e| e.to_string())?;
    let article = match decoded.content_type {
        ContentType::Html => deboil_strip::strip_html(&decoded.text),
        ContentType::Text => deboil_strip::strip_text(&decoded.text),
    };
    let language = deboil_detect::language(&article.body());
    let provenance = Provenance {
        id: input.id.clone(),
        source: input.display.clone(),
        sha256: sha256.to_string(),
        bytes: bytes.len() as u64,
        content_type: decoded.content_type,
        encoding: decoded.encoding,
        encoding_source: decoded.encoding_source,
        replaced_sequences: decoded.replaced_sequences,
        url: None,
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
    let result = if article.is_empty() {
        CleanResult::Empty {
            reason: empty_reason(&article),
        }
    } else {
        CleanResult::Article {
            language: language.code,
            words: article.word_count(),
            kept_blocks: article.blocks.len(),
            rendered: deboil_emit::render(&document, settings.format, settings.header),
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
fn read_bounded(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let limit = deboil_detect::DEFAULT_MAX_BYTES;
    let size = std::fs::metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len());
    if size > limit.saturating_mul(2) {
        return Err(DetectError::TooLarge { size, limit }.to_string());
    }
    std::fs::read(path).map_err(|error| format!("cannot read: {error}"))
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

//! One document in memory, cleaned: the single path from bytes to output that the CLI's
//! pipeline and the Python bindings both take, so they write the same bytes.
//!
//! ```
//! use deboil::{CleanOptions, DocumentInput, Status, clean_document};
//!
//! let page = b"<html><head><title>T</title></head><body><article><p>Some article text that \
//!     is long enough to be kept as the body of this page by the rules.</p></article></body></html>";
//! let input = DocumentInput {
//!     url: Some("https://example.com/a"),
//!     ..DocumentInput::new(page)
//! };
//! let cleaned = clean_document(&input, &CleanOptions::default());
//! assert_eq!(cleaned.status, Status::Ok);
//! let line = cleaned.jsonl_line().unwrap();
//! assert!(line.starts_with(r#"{"id":"https://example.com/a","text":"#));
//! ```

use std::any::Any;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

pub use deboil_detect::{ContentType, Language};
pub use deboil_emit::Format;
use deboil_emit::{Document, Provenance};
use deboil_strip::Article;
use sha2::{Digest, Sha256};

pub use crate::manifest::Status;

/// Default `--max-size`: larger documents are `error` entries. Far above real pages (Common
/// Crawl truncates at 1 MiB), low enough that one page cannot take gigabytes to parse.
pub const DEFAULT_MAX_SIZE: u64 = 32 << 20;
/// Default `--time-budget`, in seconds: a page at the size limit parses in about a second.
pub const DEFAULT_TIME_BUDGET_SECS: f64 = 20.0;

/// One document's bytes and what is known about it from outside.
#[derive(Debug, Clone, Copy)]
pub struct DocumentInput<'a> {
    /// The raw bytes (any encoding; gzip is undone).
    pub bytes: &'a [u8],
    /// The output `id`. `None`: the URL, else the lower-case hex SHA-256 of `bytes`
    /// (see [`document_id`]).
    pub id: Option<&'a str>,
    /// `source` in the metadata: where the bytes came from (the CLI writes the input path as
    /// given, or the container's path). Default `-`.
    pub source: &'a str,
    /// URL known from outside the page (WARC header, a JSONL field); wins over the page's own.
    pub url: Option<&'a str>,
    /// `Some` skips content sniffing (a WARC `Content-Type`, a JSONL record's kind).
    pub content_type: Option<ContentType>,
    /// Charset from a transport header (HTTP `Content-Type`), used when the page declares none.
    pub transport_charset: Option<&'a str>,
    /// Top-level domain of the URL, a hint for legacy-encoding guessing.
    pub tld: Option<&'a str>,
    /// Metadata added after deboil's own fields, in this order (container fields such as
    /// `source_file`, `record_id`, `date`, a JSONL record's other fields). A key deboil
    /// already writes gets a `record_` prefix.
    pub extra: &'a [(String, serde_json::Value)],
    /// JSONL top-level `source` (dolma: the data set's name); `None`: `source`.
    pub dataset: Option<&'a str>,
    /// JSONL top-level `added` (dolma: when the document joined the data set); `None`: left out.
    pub added: Option<&'a str>,
    /// When the page was fetched (WARC-Date): JSONL `created` when the page gives no date.
    pub fetched: Option<&'a str>,
    /// What site learning learnt of the page's host (`--site-learning`): the blocks the host
    /// repeats are removed as `site.repeat`. `None`: the page alone decides.
    pub site: Option<&'a deboil_strip::SiteProfile>,
}

impl<'a> DocumentInput<'a> {
    /// Bytes with nothing else known: id from their hash, source `-`, content sniffed.
    pub fn new(bytes: &'a [u8]) -> Self {
        DocumentInput {
            bytes,
            id: None,
            source: "-",
            url: None,
            content_type: None,
            transport_charset: None,
            tld: None,
            extra: &[],
            dataset: None,
            added: None,
            fetched: None,
            site: None,
        }
    }
}

/// How one document is cleaned and rendered; the CLI's flags of the same names.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanOptions {
    /// Write the provenance header (txt) / the `metadata` object (JSONL). `--no-header`.
    pub header: bool,
    /// Keep the report of every removed block ([`CleanedDocument::removed_report`]).
    pub explain: bool,
    /// A larger document (after gunzipping) is an error. `--max-size`.
    pub max_bytes: u64,
    /// A document still being cleaned after this long is an error. `--time-budget`.
    pub time_budget: Duration,
    /// JSONL: the line also carries the body in markdown, in a `markdown` field. `--markdown`.
    pub markdown: bool,
}

impl Default for CleanOptions {
    /// The CLI's defaults.
    fn default() -> Self {
        CleanOptions {
            header: true,
            explain: false,
            max_bytes: DEFAULT_MAX_SIZE,
            time_budget: Duration::from_secs_f64(DEFAULT_TIME_BUDGET_SECS),
            markdown: false,
        }
    }
}

/// The outcome for one document. `status` is [`Status::Ok`], [`Status::Empty`] (readable but
/// no article text; `reason` says why) or [`Status::Error`] (`reason` says why);
/// [`Status::Skipped`] only comes from the CLI's containers, never from here.
#[derive(Debug, Clone)]
pub struct CleanedDocument {
    pub status: Status,
    /// Why the document is empty or an error.
    pub reason: Option<String>,
    /// The output id (see [`DocumentInput::id`]).
    pub id: String,
    /// Lower-case hex SHA-256 of the raw bytes.
    pub sha256: String,
    pub bytes: u64,
    /// `None` when the bytes could not be decoded.
    pub content_type: Option<ContentType>,
    pub encoding: Option<&'static str>,
    /// Language of the article text (`Ok` documents).
    pub language: Option<Language>,
    pub words: usize,
    pub kept_blocks: usize,
    /// Removed blocks per category (categories with none left out).
    pub stripped: BTreeMap<&'static str, usize>,
    /// `explain`: one line per removed block, `category<TAB>rule<TAB>text` (also for empty
    /// documents: it says why nothing was kept).
    pub removed_report: Option<String>,
    /// What the renderings need (`Ok` documents).
    rendered: Option<Renderable>,
}

#[derive(Debug, Clone)]
struct Renderable {
    provenance: Provenance,
    article: Article,
    language: Language,
    header: bool,
    markdown: bool,
}

impl CleanedDocument {
    /// The document as `--format txt` writes it (header unless `header` is off); `None`
    /// unless `Ok`.
    pub fn txt(&self) -> Option<String> {
        self.render(Format::Txt)
    }

    /// The document's line as `--format jsonl` writes it, newline included; `None` unless `Ok`.
    pub fn jsonl_line(&self) -> Option<String> {
        self.render(Format::Jsonl)
    }

    /// The JSONL record as a JSON value (`id`, `text`, `metadata`); `None` unless `Ok`.
    pub fn record(&self) -> Option<serde_json::Value> {
        serde_json::from_str(&self.jsonl_line()?).ok()
    }

    /// The article text alone (what `--no-header` writes, without the final newline).
    pub fn text(&self) -> Option<String> {
        let r = self.rendered.as_ref()?;
        let mut body = deboil_emit::render(&r.document(), Format::Txt, false);
        body.pop();
        Some(body)
    }

    /// Adds a metadata field before the input's extra fields (a field computed from the
    /// article, such as quality signals); nothing for a document that is not `Ok`.
    pub fn add_metadata(&mut self, key: String, value: serde_json::Value) {
        if let Some(r) = self.rendered.as_mut() {
            r.provenance.extra.insert(0, (key, value));
        }
    }

    /// The article in markdown (what `--format md --no-header` writes, without the final
    /// newline); `None` unless `Ok`.
    pub fn markdown(&self) -> Option<String> {
        let r = self.rendered.as_ref()?;
        let mut body = deboil_emit::render(&r.document(), Format::Md, false);
        body.pop();
        Some(body)
    }

    /// Renders in `format` (JSONL with its `markdown` field when the options asked for it);
    /// `None` unless `Ok`.
    pub fn render(&self, format: Format) -> Option<String> {
        let r = self.rendered.as_ref()?;
        Some(if format == Format::Jsonl && r.markdown {
            deboil_emit::render_jsonl_with_markdown(&r.document())
        } else {
            deboil_emit::render(&r.document(), format, r.header)
        })
    }
}

impl Renderable {
    fn document(&self) -> Document<'_> {
        Document {
            provenance: &self.provenance,
            article: &self.article,
            language: &self.language,
        }
    }
}

/// The id a document gets: `id`, else `url`, else the lower-case hex SHA-256 of its bytes.
/// Never a position (`stdin:3`), so the same record gets the same id in any partition.
pub fn document_id(id: Option<&str>, url: Option<&str>, sha256: &str) -> String {
    id.filter(|s| !s.is_empty())
        .or(url.filter(|s| !s.is_empty()))
        .unwrap_or(sha256)
        .to_string()
}

/// Cleans one document. Never panics (an internal panic becomes an `error` with its message);
/// deterministic: the same input and options give the same result.
pub fn clean_document(input: &DocumentInput<'_>, options: &CleanOptions) -> CleanedDocument {
    let sha256 = sha256_hex(input.bytes);
    clean_hashed(input, options, sha256)
}

/// [`clean_document`] with the SHA-256 already known (the CLI hashes first, for `--resume`).
pub(crate) fn clean_hashed(
    input: &DocumentInput<'_>,
    options: &CleanOptions,
    sha256: String,
) -> CleanedDocument {
    let mut cleaned = CleanedDocument {
        status: Status::Error,
        reason: None,
        id: document_id(input.id, input.url, &sha256),
        sha256,
        bytes: input.bytes.len() as u64,
        content_type: None,
        encoding: None,
        language: None,
        words: 0,
        kept_blocks: 0,
        stripped: BTreeMap::new(),
        removed_report: None,
        rendered: None,
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| clean(input, options, &mut cleaned)));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(reason)) => {
            cleaned.status = Status::Error;
            cleaned.reason = Some(reason);
        }
        Err(payload) => {
            cleaned.status = Status::Error;
            cleaned.reason = Some(format!(
                "internal error: {}",
                panic_message(payload.as_ref())
            ));
            cleaned.rendered = None;
        }
    }
    cleaned
}

/// The library calls for one document; `Err` carries detect's or strip's message.
fn clean(
    input: &DocumentInput<'_>,
    options: &CleanOptions,
    cleaned: &mut CleanedDocument,
) -> Result<(), String> {
    let started = Instant::now();
    let decode_options = deboil_detect::DecodeOptions {
        content_type_hint: input.content_type,
        transport_charset: input.transport_charset,
        tld: input.tld,
        max_bytes: Some(options.max_bytes),
    };
    let decoded = deboil_detect::decode(input.bytes, &decode_options).map_err(|e| e.to_string())?;
    cleaned.content_type = Some(decoded.content_type);
    cleaned.encoding = Some(decoded.encoding);
    let budget = deboil_strip::Budget::until(started + options.time_budget);
    let stripped = match decoded.content_type {
        ContentType::Html => deboil_strip::strip_html_with_site(&decoded.text, budget, input.site),
        ContentType::Text => deboil_strip::strip_text_with_site(&decoded.text, budget, input.site),
    };
    let article = stripped.map_err(|over| match over.exceeded {
        deboil_strip::Exceeded::Time => format!(
            "{over}: {:.1}s spent, budget {}s (--time-budget)",
            started.elapsed().as_secs_f64(),
            options.time_budget.as_secs_f64()
        ),
        deboil_strip::Exceeded::Depth(_) | deboil_strip::Exceeded::Nodes(_) => over.to_string(),
    })?;
    let language = deboil_detect::language(&article.body());
    let provenance = Provenance {
        id: cleaned.id.clone(),
        source: input.source.to_string(),
        sha256: cleaned.sha256.clone(),
        bytes: cleaned.bytes,
        content_type: decoded.content_type,
        encoding: decoded.encoding,
        encoding_source: decoded.encoding_source,
        replaced_sequences: decoded.replaced_sequences,
        mojibake_repaired: decoded.mojibake_repaired,
        url: input.url.map(str::to_string),
        extra: input.extra.to_vec(),
        dataset: input.dataset.map(str::to_string),
        added: input.added.map(str::to_string),
        fetched: input.fetched.map(str::to_string),
    };
    cleaned.stripped = article.stripped_counts();
    if options.explain {
        // Also for empty documents: the report is what explains why nothing was kept.
        cleaned.removed_report = Some(deboil_emit::removed_report(&Document {
            provenance: &provenance,
            article: &article,
            language: &language,
        }));
    }
    if article.is_empty() {
        cleaned.status = Status::Empty;
        cleaned.reason = Some(empty_reason(&article));
        return Ok(());
    }
    cleaned.status = Status::Ok;
    cleaned.words = article.word_count();
    cleaned.kept_blocks = article.blocks.len();
    cleaned.language = Some(language.clone());
    cleaned.rendered = Some(Renderable {
        provenance,
        article,
        language,
        header: options.header,
        markdown: options.markdown,
    });
    Ok(())
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

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

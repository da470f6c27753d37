//! Article + provenance in, output text out.
//!
//! Two formats carry the same metadata in the same order: YAML front matter before the body
//! ([`Format::Txt`]) and one JSON object per line ([`Format::Jsonl`]). Titles and authors come
//! from arbitrary web pages, so YAML scalars go through [`yaml_scalar`], which quotes anything
//! a YAML 1.1 or 1.2 parser could read as something other than the same string.
//!
//! Pure library: no IO, no panics, deterministic output.
// House rules the compiler enforces (see ARCHITECTURE.md): a library prints nothing, and
// its items are `pub` only where another crate reaches them.
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![warn(unreachable_pub)]
#![cfg_attr(
    not(test),
    warn(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

use std::fmt::Write as _;

mod markdown;
pub use markdown::markdown;

use deboil_detect::{ContentType, EncodingSource, Language};
use deboil_strip::{Article, Category};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The tool version written into every header.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a document came from and how its bytes were read.
#[derive(Debug, Clone)]
pub struct Provenance {
    /// Document id (JSONL `id`): the source path without extension, or a record id.
    pub id: String,
    /// The input path as given on the command line, relative; `-` for stdin.
    pub source: String,
    /// Lower-case hex SHA-256 of the raw input bytes.
    pub sha256: String,
    pub bytes: u64,
    pub content_type: ContentType,
    pub encoding: &'static str,
    pub encoding_source: EncodingSource,
    pub replaced_sequences: usize,
    /// Double-encoded UTF-8 sequences the decoder read back (`deboil_detect::Decoded`).
    pub mojibake_repaired: usize,
    /// URL known from outside the page (WARC header, JSONL field); wins over the page's own.
    pub url: Option<String>,
    /// Metadata added after deboil's own fields, in this order (a container's `source_file`,
    /// `record_id`, `date`, a JSONL record's other fields). A key deboil already writes, or
    /// one used before, gets a `record_` prefix until it is new.
    pub extra: Vec<(String, serde_json::Value)>,
    /// JSONL top-level `source` (dolma: the data set a document belongs to); `None`: the
    /// [`Provenance::source`] path.
    pub dataset: Option<String>,
    /// JSONL top-level `added` (dolma: when the document was added to the data set), an
    /// RFC 3339 timestamp given by the caller (the CLI: the run's start); `None`: left out.
    pub added: Option<String>,
    /// When the document was fetched (WARC-Date): JSONL `created` when the page gives no
    /// publication date.
    pub fetched: Option<String>,
}

/// Everything emit needs for one document.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub provenance: &'a Provenance,
    pub article: &'a Article,
    pub language: &'a Language,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// YAML front matter (`---` … `---`) then the body.
    #[default]
    Txt,
    /// One JSON object per line: `id`, `text`, `metadata`.
    Jsonl,
    /// Like [`Format::Txt`], the body in markdown ([`markdown()`]).
    Md,
}

/// Renders a document. `Txt`: front matter + body (body alone when `header` is false), ending
/// in a newline. `Jsonl`: one line, ending in a newline.
pub fn render(doc: &Document<'_>, format: Format, header: bool) -> String {
    let body = if format == Format::Md {
        markdown(doc.article)
    } else {
        body_text(doc.article)
    };
    match format {
        Format::Txt | Format::Md => {
            let mut out = if header {
                yaml_header(&Metadata::new(doc))
            } else {
                String::new()
            };
            out.push_str(&body);
            out.push('\n');
            out
        }
        Format::Jsonl => jsonl_line(doc, &body, None),
    }
}

/// [`render`] in [`Format::Jsonl`] with a `markdown` field after `text`: the body in markdown.
pub fn render_jsonl_with_markdown(doc: &Document<'_>) -> String {
    jsonl_line(doc, &body_text(doc.article), Some(&markdown(doc.article)))
}

fn jsonl_line(doc: &Document<'_>, body: &str, markdown: Option<&str>) -> String {
    let p = doc.provenance;
    let mut metadata = Metadata::new(doc);
    let text_sha256 = sha256_hex(body.as_bytes());
    metadata.pipeline = Some(PipelineFields {
        text_sha256: &text_sha256,
        domain: metadata.url.and_then(domain),
        language_score: metadata.language_confidence,
    });
    let record = Record {
        id: &p.id,
        text: body,
        markdown,
        source: known(p.dataset.as_ref()).unwrap_or(&p.source),
        added: known(p.added.as_ref()),
        created: metadata.published.or(known(p.fetched.as_ref())),
        version: VERSION,
        metadata,
    };
    // Strings, integers and (finite) floats cannot fail to serialize; the fallback
    // only exists so that this function has no panic path.
    let mut out = serde_json::to_string(&record).unwrap_or_else(|_| String::from("{}"));
    out.push('\n');
    out
}

/// The front matter alone, `---` to `---` inclusive, each line ending in a newline.
pub fn header(doc: &Document<'_>) -> String {
    yaml_header(&Metadata::new(doc))
}

/// A block's text in the report: one line, at most 200 characters.
fn push_report_text(out: &mut String, text: &str) {
    const MAX_CHARS: usize = 200;
    let mut chars = text.chars();
    for c in chars.by_ref().take(MAX_CHARS) {
        // Any line or column break would break the one-line-per-block, tab-separated shape.
        out.push(if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            ' '
        } else {
            c
        });
    }
    if chars.next().is_some() {
        out.push('…');
    }
}

/// One line per removed block, `category<TAB>rule<TAB>text`, for `--explain`: shows why each
/// piece of the page was dropped; then one line per block the judge kept against the rules,
/// `kept<TAB>judge.RULE over CATEGORY RULE<TAB>text`, or `kept<TAB>judge.description<TAB>text`
/// when the body is the page's description. The text is put on one line and cut to 200
/// characters.
pub fn removed_report(doc: &Document<'_>) -> String {
    let mut out = String::new();
    // Site learning's removals say how many of the host's pages shared the block.
    let mut site_shares = doc.article.site_shares.iter();
    for removed in &doc.article.removed {
        out.push_str(removed.category.as_str());
        out.push('\t');
        out.push_str(removed.rule.name());
        if removed.rule == deboil_strip::Rule::SiteRepeat {
            if let Some(share) = site_shares.next() {
                out.push_str(&format!(" ({} of {} pages)", share.pages, share.host_pages));
            }
        }
        out.push('\t');
        push_report_text(&mut out, &removed.text);
        out.push('\n');
    }
    for kept in &doc.article.overruled {
        // Blocks the judge kept against the rules: `kept`, the judge's rule and what the
        // rules had said, then the text.
        out.push_str("kept\t");
        out.push_str(kept.judge.name());
        out.push_str(" over ");
        out.push_str(kept.category.as_str());
        out.push(' ');
        out.push_str(kept.rule.name());
        out.push('\t');
        push_report_text(&mut out, &kept.text);
        out.push('\n');
    }
    if doc.article.body_from_description {
        out.push_str("kept\t");
        out.push_str(deboil_strip::Ruling::Description.name());
        out.push('\t');
        push_report_text(&mut out, &doc.article.body());
        out.push('\n');
    }
    out
}

/// Adds metadata fields to a document already rendered in `format`, after all of its own:
/// at the end of the YAML header (txt, md; nothing when it has none) or of the JSONL
/// `metadata` object. For what is decided after rendering, in input order (a duplicate's
/// marks).
pub fn append_metadata(
    rendered: &mut String,
    format: Format,
    fields: &[(&str, serde_json::Value)],
) {
    match format {
        Format::Txt | Format::Md => {
            let Some(end) = rendered
                .strip_prefix("---\n")
                .and_then(|rest| rest.find("\n---\n"))
            else {
                return;
            };
            let mut lines = String::new();
            for (key, value) in fields {
                let value = match value {
                    serde_json::Value::String(s) => yaml_scalar(s),
                    other => other.to_string(),
                };
                lines.push_str(&format!("{key}: {value}\n"));
            }
            // `end` is in the text after the opening `---\n`; the lines go after its newline.
            rendered.insert_str(4 + end + 1, &lines);
        }
        Format::Jsonl => {
            // The record's last field is `metadata`: the line ends `}}\n`.
            let Some(head) = rendered.strip_suffix("}}\n") else {
                return;
            };
            let mut out = head.to_string();
            for (key, value) in fields {
                out.push_str(&format!(",{}:{value}", serde_json::Value::from(*key)));
            }
            out.push_str("}}\n");
            *rendered = out;
        }
    }
}

/// The body without trailing newlines: a last block may end in some (preformatted text), but
/// the output must end in exactly one, which the caller adds.
fn body_text(article: &Article) -> String {
    let mut body = article.body();
    let trimmed_len = body.trim_end_matches(['\n', '\r']).len();
    body.truncate(trimmed_len);
    body
}

/// The metadata of one document, in output order. Serialized directly for JSONL and written
/// by hand for YAML, so both formats always carry the same fields with the same values.
#[derive(Debug, Serialize)]
struct Metadata<'a> {
    source: &'a str,
    sha256: &'a str,
    bytes: u64,
    content_type: &'static str,
    encoding: &'a str,
    encoding_source: &'static str,
    #[serde(skip_serializing_if = "is_zero")]
    replaced_sequences: usize,
    #[serde(skip_serializing_if = "is_zero")]
    mojibake_repaired: usize,
    language: &'a str,
    language_confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seo_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    site_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared_language: Option<&'a str>,
    words: usize,
    kept_blocks: usize,
    /// Where the body comes from when not from the page's text: `description` (a script
    /// application's shell, whose own description is all it says of its article).
    #[serde(skip_serializing_if = "Option::is_none")]
    body_source: Option<&'static str>,
    stripped: Stripped,
    deboil: &'static str,
    /// JSONL only: what corpus pipelines look for (the txt header stays as it was).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pipeline: Option<PipelineFields<'a>>,
    #[serde(flatten)]
    extra: Extra<'a>,
}

/// Fields of the JSONL `metadata` under the names corpus tools use.
#[derive(Debug, Serialize)]
struct PipelineFields<'a> {
    /// SHA-256 of the `text` field (UTF-8), beside `sha256` of the raw bytes.
    text_sha256: &'a str,
    /// The URL's host, lower-case, without port or user.
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<String>,
    /// datatrove's name for `language_confidence`.
    language_score: f64,
}

/// The host of an absolute URL (`https://User@WWW.Example.com:8080/a` → `www.example.com`).
fn domain(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = if host.starts_with('[') {
        host.split_inclusive(']').next()?
    } else {
        host.split(':').next()?
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    let mut hex = String::with_capacity(64);
    for byte in sha2::Sha256::digest(bytes).iter() {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// [`Provenance::extra`] under the keys it is written with.
#[derive(Debug)]
struct Extra<'a>(Vec<(String, &'a serde_json::Value)>);

impl Serialize for Extra<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// One JSONL line: dolma's document fields (`id`, `text`, `source`, `added`, `created`,
/// `version`), then `metadata`.
#[derive(Debug, Serialize)]
struct Record<'a> {
    id: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<&'a str>,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    added: Option<&'a str>,
    /// The page's publication date, else when it was fetched.
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a str>,
    version: &'static str,
    metadata: Metadata<'a>,
}

/// Category counts in `Category::ALL` order; a map in JSON, without relying on map ordering.
#[derive(Debug)]
struct Stripped(Vec<(&'static str, usize)>);

impl Serialize for Stripped {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, count) in &self.0 {
            map.serialize_entry(name, count)?;
        }
        map.end()
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// An empty string carries no information, so it counts as unknown, like `None`.
fn known(value: Option<&String>) -> Option<&str> {
    value.map(String::as_str).filter(|s| !s.is_empty())
}

impl<'a> Metadata<'a> {
    fn new(doc: &Document<'a>) -> Self {
        let p = doc.provenance;
        let a = doc.article;
        let counts = a.stripped_counts();
        let stripped = Category::ALL
            .iter()
            .filter_map(|c| {
                let name = c.as_str();
                counts
                    .get(name)
                    .copied()
                    .filter(|&n| n > 0)
                    .map(|n| (name, n))
            })
            .collect();
        let mut metadata = Metadata {
            source: &p.source,
            sha256: &p.sha256,
            bytes: p.bytes,
            content_type: p.content_type.as_str(),
            encoding: p.encoding,
            encoding_source: p.encoding_source.as_str(),
            replaced_sequences: p.replaced_sequences,
            mojibake_repaired: p.mojibake_repaired,
            language: doc.language.code,
            language_confidence: confidence(doc.language.confidence),
            title: known(a.title.as_ref()),
            seo_title: known(a.seo_title.as_ref()),
            author: a
                .authors
                .iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect(),
            publisher: known(a.publisher.as_ref()),
            published: known(a.published.as_ref()),
            modified: known(a.modified.as_ref()),
            site_name: known(a.site_name.as_ref()),
            url: known(p.url.as_ref()).or_else(|| known(a.url.as_ref())),
            declared_language: known(a.declared_language.as_ref()),
            words: a.word_count(),
            kept_blocks: a.blocks.len(),
            body_source: a.body_from_description.then_some("description"),
            stripped: Stripped(stripped),
            deboil: VERSION,
            pipeline: None,
            extra: Extra(Vec::new()),
        };
        metadata.extra = Extra(unique_keys(&metadata.keys(), &p.extra));
        metadata
    }

    /// The keys this metadata writes (before `extra`), as both formats write them.
    fn keys(&self) -> Vec<&'static str> {
        let mut keys = vec![
            "source",
            "sha256",
            "bytes",
            "content_type",
            "encoding",
            "encoding_source",
        ];
        if self.replaced_sequences != 0 {
            keys.push("replaced_sequences");
        }
        if self.mojibake_repaired != 0 {
            keys.push("mojibake_repaired");
        }
        keys.extend(["language", "language_confidence"]);
        for (key, value) in [
            ("title", self.title),
            ("seo_title", self.seo_title),
            ("author", (!self.author.is_empty()).then_some("")),
            ("publisher", self.publisher),
            ("published", self.published),
            ("modified", self.modified),
            ("site_name", self.site_name),
            ("url", self.url),
            ("declared_language", self.declared_language),
        ] {
            if value.is_some() {
                keys.push(key);
            }
        }
        keys.extend(["words", "kept_blocks"]);
        if self.body_source.is_some() {
            keys.push("body_source");
        }
        keys.extend(["stripped", "deboil"]);
        // JSONL only, but reserved in both formats so an extra key is named the same in both.
        keys.extend(["text_sha256", "domain", "language_score"]);
        keys
    }
}

/// `extra`'s keys, each prefixed with `record_` until it is not in `taken` nor used before.
fn unique_keys<'a>(
    taken: &[&str],
    extra: &'a [(String, serde_json::Value)],
) -> Vec<(String, &'a serde_json::Value)> {
    let mut out: Vec<(String, &serde_json::Value)> = Vec::with_capacity(extra.len());
    for (key, value) in extra {
        let mut key = key.clone();
        while taken.contains(&key.as_str()) || out.iter().any(|(used, _)| *used == key) {
            key = format!("record_{key}");
        }
        out.push((key, value));
    }
    out
}

/// The confidence as written: clamped to 0..=1 and rounded to two decimals, so YAML (which
/// prints two decimals) and JSON (which prints the shortest form) hold the same number.
fn confidence(c: f64) -> f64 {
    let c = if c.is_finite() {
        c.clamp(0.0, 1.0)
    } else {
        0.0
    };
    // `+ 0.0` turns -0.0 into 0.0, which would otherwise print as "-0.00".
    format!("{c:.2}").parse::<f64>().unwrap_or(0.0) + 0.0
}

fn yaml_header(m: &Metadata<'_>) -> String {
    let mut out = String::from("---\n");
    let o = &mut out;
    field(o, "source", &yaml_scalar(m.source));
    field(o, "sha256", &yaml_scalar(m.sha256));
    field(o, "bytes", &m.bytes.to_string());
    field(o, "content_type", &yaml_scalar(m.content_type));
    field(o, "encoding", &yaml_scalar(m.encoding));
    field(o, "encoding_source", &yaml_scalar(m.encoding_source));
    if m.replaced_sequences != 0 {
        field(o, "replaced_sequences", &m.replaced_sequences.to_string());
    }
    if m.mojibake_repaired != 0 {
        field(o, "mojibake_repaired", &m.mojibake_repaired.to_string());
    }
    field(o, "language", &yaml_scalar(m.language));
    let confidence = format!("{:.2}", m.language_confidence);
    field(o, "language_confidence", &confidence);
    if let Some(title) = m.title {
        field(o, "title", &yaml_scalar(title));
    }
    if let Some(seo_title) = m.seo_title {
        field(o, "seo_title", &yaml_scalar(seo_title));
    }
    if !m.author.is_empty() {
        o.push_str("author:\n");
        for author in &m.author {
            let _ = writeln!(o, "  - {}", yaml_scalar(author));
        }
    }
    for (key, value) in [
        ("publisher", m.publisher),
        ("published", m.published),
        ("modified", m.modified),
        ("site_name", m.site_name),
        ("url", m.url),
        ("declared_language", m.declared_language),
    ] {
        if let Some(value) = value {
            field(o, key, &yaml_scalar(value));
        }
    }
    field(o, "words", &m.words.to_string());
    field(o, "kept_blocks", &m.kept_blocks.to_string());
    if let Some(source) = m.body_source {
        field(o, "body_source", &yaml_scalar(source));
    }
    if m.stripped.0.is_empty() {
        o.push_str("stripped: {}\n");
    } else {
        o.push_str("stripped:\n");
        for (name, count) in &m.stripped.0 {
            let _ = writeln!(o, "  {name}: {count}");
        }
    }
    field(o, "deboil", &yaml_scalar(m.deboil));
    for (key, value) in &m.extra.0 {
        let value = match value {
            serde_json::Value::String(s) => yaml_scalar(s),
            other => serde_json::to_string(other).unwrap_or_default(),
        };
        field(o, &yaml_scalar(key), &value);
    }
    o.push_str("---\n");
    out
}

fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(": ");
    out.push_str(value);
    out.push('\n');
}

/// A YAML scalar for `s` that any YAML 1.1 or 1.2 parser reads back as exactly the string `s`:
/// plain when that is unambiguous, otherwise double-quoted with escapes. Always one line.
pub fn yaml_scalar(s: &str) -> String {
    if plain_is_safe(s) {
        s.to_owned()
    } else {
        double_quoted(s)
    }
}

/// Double-quoted YAML: every character that is not plainly printable is escaped, so the
/// result is a single line and survives any transport that mangles control or line-separator
/// characters.
fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Conservative: false for anything a plain scalar could misrepresent.
fn plain_is_safe(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false; // empty reads as null
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.chars().any(needs_escape) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || last == ':' || s.starts_with("...") {
        return false;
    }
    !looks_like_non_string(s)
}

/// Characters that must not appear raw in a plain scalar: YAML non-printables, line breaks
/// (including NEL, LS, PS), tabs, the BOM and non-characters.
fn needs_escape(c: char) -> bool {
    c.is_control() // C0, DEL, C1 (NEL included), so tab/newline/CR too
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Would some YAML 1.1 or 1.2 schema (core, JSON, or the 1.1 type repository as implemented
/// by PyYAML, SnakeYAML, libyaml users, Psych) resolve this plain scalar to a non-string?
/// A deliberate superset: a false positive only costs a pair of quotes.
fn looks_like_non_string(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    const WORDS: [&str; 18] = [
        "~", "null", "true", "false", "yes", "no", "y", "n", "on", "off", "<<", "=", ".inf",
        ".nan", "nan", "inf", "infinity", "none",
    ];
    if WORDS.contains(&lower.as_str()) {
        return true;
    }
    let unsigned = lower
        .strip_prefix('+')
        .or_else(|| lower.strip_prefix('-'))
        .unwrap_or(&lower);
    if matches!(unsigned, ".inf" | "inf" | "infinity") {
        return true;
    }
    // Integers with a base prefix: 0x1F, 0o17, 0b101 (underscores allowed in 1.1).
    for prefix in ["0x", "0o", "0b"] {
        if let Some(digits) = unsigned.strip_prefix(prefix) {
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit() || c == '_') {
                return true;
            }
        }
    }
    // Decimal integers, floats, exponents, 1.1 sexagesimals (1:30), Psych's 1,000, and dates:
    // starts with a digit or dot, only number punctuation, at most one decimal point.
    let bytes = unsigned.as_bytes();
    if let Some(&b0) = bytes.first() {
        let numeric_chars = bytes
            .iter()
            .all(|&b| b.is_ascii_digit() || b"_.:,e+-".contains(&b));
        if (b0.is_ascii_digit() || b0 == b'.')
            && numeric_chars
            && bytes.iter().any(u8::is_ascii_digit)
            && bytes.iter().filter(|&&b| b == b'.').count() <= 1
        {
            return true;
        }
    }
    // Timestamps: 2024-01-01, 2024-1-1 10:00:00, 2024-01-01T20:19Z …
    let b = s.as_bytes();
    b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_when_safe() {
        for s in [
            "UTF-8",
            "windows-1251",
            "eng",
            "0.1.0",
            "https://example.com/a?b=c#d",
            "seeds/001_x.txt",
            "The Kyiv Independent news desk",
            "C# in depth",
            "3f5a0b",
        ] {
            assert_eq!(yaml_scalar(s), s, "{s:?}");
        }
    }

    #[test]
    fn quoted_when_ambiguous() {
        for s in [
            "",
            " a",
            "a ",
            "yes",
            "No",
            "ON",
            "y",
            "~",
            "null",
            "1.0",
            "0x10",
            "0o17",
            "1:30",
            "1,000",
            "1e5",
            ".5",
            "+.inf",
            "-1",
            "2024-01-01",
            "2024-01-01T20:19",
            "a: b",
            "a #b",
            "key:",
            "- item",
            "*alias",
            "&anchor",
            "!tag",
            "%dir",
            "@x",
            "`x`",
            "'x'",
            "\"x\"",
            "...",
            "a\tb",
            "a\u{2028}b",
            "\u{feff}x",
            "a\u{85}b",
        ] {
            assert!(
                yaml_scalar(s).starts_with('"'),
                "{s:?} -> {}",
                yaml_scalar(s)
            );
        }
    }

    #[test]
    fn escapes() {
        assert_eq!(
            yaml_scalar("a\"b\\c\nd\te\u{1}\u{7f}\u{85}\u{2028}\u{feff}"),
            r#""a\"b\\c\nd\te\x01\x7F\x85\u2028\uFEFF""#
        );
    }

    #[test]
    fn confidence_rounding() {
        assert_eq!(confidence(0.987), 0.99);
        assert_eq!(confidence(-0.0).to_string(), "0");
        assert_eq!(confidence(f64::NAN), 0.0);
        assert_eq!(confidence(7.0), 1.0);
    }
}

#[cfg(test)]
mod append_tests {
    use super::*;

    #[test]
    fn fields_go_at_the_end_of_the_header_and_of_the_metadata() {
        let fields = [
            ("duplicate_of", serde_json::Value::from("a.html")),
            ("duplicate_jaccard", 0.9.into()),
        ];
        let mut txt = "---\nid: b\n---\nBody.\n---\nnot a header\n".to_string();
        append_metadata(&mut txt, Format::Txt, &fields);
        assert_eq!(
            txt,
            "---\nid: b\nduplicate_of: a.html\nduplicate_jaccard: 0.9\n---\nBody.\n---\nnot a header\n"
        );
        let mut plain = "Body only.\n".to_string();
        append_metadata(&mut plain, Format::Md, &fields);
        assert_eq!(plain, "Body only.\n");
        let mut line = "{\"id\":\"b\",\"text\":\"x\",\"metadata\":{\"a\":1}}\n".to_string();
        append_metadata(&mut line, Format::Jsonl, &fields);
        assert_eq!(
            line,
            "{\"id\":\"b\",\"text\":\"x\",\"metadata\":{\"a\":1,\"duplicate_of\":\"a.html\",\"duplicate_jaccard\":0.9}}\n"
        );
    }
}

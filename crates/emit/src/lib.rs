//! Article + provenance in, output text out. STUB: API fixed, bodies being written.

use deboil_detect::{ContentType, EncodingSource, Language};
use deboil_strip::Article;

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
    /// URL known from outside the page (WARC header, JSONL field); wins over the page's own.
    pub url: Option<String>,
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
}

/// Renders a document. `Txt`: front matter + body (body alone when `header` is false), ending
/// in a newline. `Jsonl`: one line, ending in a newline.
pub fn render(doc: &Document<'_>, format: Format, header: bool) -> String {
    let _ = (format, header);
    let mut out = doc.article.body();
    out.push('\n');
    out
}

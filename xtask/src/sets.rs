//! The bench sets' article pages, as the accuracy lenses read them (`--stress` in
//! [`crate::stress`], `--lens` in [`crate::lens`]): where each set's pages and truth are, which
//! pages are articles, how a page is read, and the runner that cleans a folder of them.
//!
//! WCXB pages are articles when their `page_type` is `article`; aeb's truth gives no type, and
//! its pages all are.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

/// How a set writes its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Html,
    /// A scraper's plain text: a line per block, blank lines between some (`aeb-text`).
    Text,
}

/// A set whose article pages the lenses read.
#[derive(Debug)]
pub(crate) struct ArticleSet {
    pub name: &'static str,
    /// The folder of pages and the truth, relative to the data directory.
    pub input: &'static str,
    pub truth: &'static str,
    pub format: Format,
}

/// The sets, in report order; `wcxb-dev-more` is read only when present (`../shared/bench`).
pub(crate) const SETS: [ArticleSet; 4] = [
    ArticleSet {
        name: "aeb",
        input: "aeb/html",
        truth: "aeb/ground-truth.json",
        format: Format::Html,
    },
    ArticleSet {
        name: "wcxb-dev",
        input: "wcxb-dev/html",
        truth: "wcxb-dev/ground-truth.json",
        format: Format::Html,
    },
    ArticleSet {
        name: "wcxb-dev-more",
        input: "wcxb-dev-more/html",
        truth: "wcxb-dev-more/ground-truth.json",
        format: Format::Html,
    },
    ArticleSet {
        name: "aeb-text",
        input: "aeb-text",
        truth: "aeb/ground-truth.json",
        format: Format::Text,
    },
];

/// One ground-truth entry (other fields ignored).
#[derive(Debug, Deserialize)]
pub(crate) struct Truth {
    #[serde(rename = "articleBody")]
    pub article_body: String,
    #[serde(default)]
    pub page_type: Option<String>,
}

/// The set's truth by page id, or `None` with a note on stderr when its truth file is absent
/// (`wcxb-dev-more` lives in `../shared/bench` only); `task` names the run in the note.
pub(crate) fn read_truth(
    data: &Path,
    set: &ArticleSet,
    task: &str,
) -> anyhow::Result<Option<BTreeMap<String, Truth>>> {
    let path = data.join(set.truth);
    if !path.is_file() {
        eprintln!(
            "bench: {task}: skipping {}: {} is absent",
            set.name,
            path.display()
        );
        return Ok(None);
    }
    let truth = serde_json::from_slice(
        &std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("cannot parse {}", path.display()))?;
    Ok(Some(truth))
}

/// An article page of a set: its id, its file and its truth.
#[derive(Debug)]
pub(crate) struct ArticlePage<'t> {
    pub id: String,
    pub path: PathBuf,
    pub truth: &'t Truth,
}

/// The pages of `input` that have truth and are articles, in file-name order.
pub(crate) fn article_pages<'t>(
    input: &Path,
    truth: &'t BTreeMap<String, Truth>,
) -> anyhow::Result<Vec<ArticlePage<'t>>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(input)
        .with_context(|| format!("cannot list {}", input.display()))?
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .filter_map(|path| {
            let id = id_of(&path)?;
            let entry = truth.get(&id)?;
            if entry.page_type.as_deref().is_some_and(|t| t != "article") {
                return None;
            }
            Some(ArticlePage {
                id,
                path,
                truth: entry,
            })
        })
        .collect())
}

/// The page's bytes as stored, `.gz` files inflated.
pub(crate) fn read_page_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    let raw = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(out)
}

/// The page as text (invalid UTF-8 replaced), for edits that find their place by its words.
pub(crate) fn read_page(path: &Path) -> anyhow::Result<String> {
    Ok(String::from_utf8_lossy(&read_page_bytes(path)?).into_owned())
}

/// Page id of a set file: its name up to the first dot.
fn id_of(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    Some(name.split('.').next().unwrap_or(name).to_string())
}

/// Runs deboil over an input folder into an output folder (the label names the run) and
/// returns the output texts by page id.
pub(crate) type Cleaner<'a> =
    dyn Fn(&Path, &Path, &str) -> anyhow::Result<BTreeMap<String, String>> + 'a;

/// Where a lens writes one set's pages and deboil's outputs: `keep/SET` when the caller keeps
/// them (`--keep`), else a temp dir that goes when this is dropped.
pub(crate) struct WorkDir {
    path: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl WorkDir {
    pub(crate) fn new(keep: Option<&Path>, set: &str) -> anyhow::Result<WorkDir> {
        Ok(match keep {
            Some(dir) => WorkDir {
                path: dir.join(set),
                _temp: None,
            },
            None => {
                let temp = tempfile::tempdir().context("cannot create a temp dir")?;
                WorkDir {
                    path: temp.path().to_path_buf(),
                    _temp: Some(temp),
                }
            }
        })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// An empty folder `name` in the work dir, with no `name.out` beside it: a kept run's
    /// earlier pages and outputs go first.
    pub(crate) fn fresh_folder(&self, name: &str) -> anyhow::Result<PathBuf> {
        let folder = self.path.join(name);
        if folder.exists() {
            std::fs::remove_dir_all(&folder)
                .with_context(|| format!("cannot empty {}", folder.display()))?;
        }
        let _ = std::fs::remove_dir_all(self.path.join(format!("{name}.out")));
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        Ok(folder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_pages_are_those_with_truth_and_no_other_type() -> anyhow::Result<()> {
        let folder = tempfile::tempdir()?;
        for name in ["0001.html", "0002.html", "0003.html.gz", "0004.html"] {
            std::fs::write(folder.path().join(name), b"x")?;
        }
        let truth: BTreeMap<String, Truth> = serde_json::from_str(
            r#"{"0001": {"articleBody": "a", "page_type": "article"},
                "0002": {"articleBody": "b", "page_type": "forum"},
                "0003": {"articleBody": "c"}}"#,
        )?;
        let pages = article_pages(folder.path(), &truth)?;
        let ids: Vec<&str> = pages.iter().map(|p| p.id.as_str()).collect();
        // A forum page is left out, an untyped one is in, a page without truth is left out.
        assert_eq!(ids, ["0001", "0003"]);
        assert_eq!(
            pages.get(1).map(|p| p.truth.article_body.as_str()),
            Some("c")
        );
        Ok(())
    }

    #[test]
    fn gzipped_pages_are_read_inflated_byte_for_byte() -> anyhow::Result<()> {
        use std::io::Write as _;
        let folder = tempfile::tempdir()?;
        let path = folder.path().join("0001.html.gz");
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"<p>\xe9t\xe9</p>")?;
        std::fs::write(&path, encoder.finish()?)?;
        // The bytes as stored (Latin-1 here), not decoded; as text, invalid UTF-8 is replaced.
        assert_eq!(read_page_bytes(&path)?, b"<p>\xe9t\xe9</p>");
        assert_eq!(read_page(&path)?, "<p>\u{fffd}t\u{fffd}</p>");
        Ok(())
    }

    #[test]
    fn a_kept_folder_is_emptied_and_its_outputs_removed_before_a_new_run() -> anyhow::Result<()> {
        let keep = tempfile::tempdir()?;
        let work = WorkDir::new(Some(keep.path()), "aeb")?;
        assert_eq!(work.path(), keep.path().join("aeb"));
        let folder = work.fresh_folder("bare")?;
        std::fs::write(folder.join("old.html"), "<p>old</p>")?;
        std::fs::create_dir_all(work.path().join("bare.out"))?;
        let again = work.fresh_folder("bare")?;
        assert_eq!(again, folder);
        assert_eq!(std::fs::read_dir(&again)?.count(), 0);
        assert!(!work.path().join("bare.out").exists());
        Ok(())
    }

    #[test]
    fn without_keep_the_work_dir_goes_when_dropped() -> anyhow::Result<()> {
        let work = WorkDir::new(None, "aeb")?;
        let path = work.path().to_path_buf();
        work.fresh_folder("none")?;
        assert!(path.join("none").is_dir());
        drop(work);
        assert!(!path.exists());
        Ok(())
    }
}

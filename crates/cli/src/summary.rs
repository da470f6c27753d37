//! What a run did, counted as documents go by and printed at its end.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::manifest::{ManifestEntry, Status};

/// Counts of a run: per status, per language, per category stripped, and throughput.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub cleaned: usize,
    pub empty: usize,
    pub failed: usize,
    /// Container records that hold no document (WARC requests, non-HTML responses, …).
    pub skipped: usize,
    /// Of `cleaned` and `empty`: results of an earlier run kept by `--resume`.
    pub reused: usize,
    /// Cleaned documents per language code.
    pub languages: BTreeMap<String, usize>,
    /// Blocks stripped per category, over cleaned and empty documents.
    pub stripped: BTreeMap<String, usize>,
    /// Skipped records per reason.
    pub skip_reasons: BTreeMap<String, usize>,
    /// Empty documents per reason (`no article text found`, `no text`).
    pub empty_reasons: BTreeMap<String, usize>,
    /// Bytes of the documents cleaned, as handed to the cleaner: after gunzipping a file or
    /// a WARC payload (what MB/s counts), not the compressed bytes read from disk.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Files the run wrote, relative to the output directory, sorted; collected only when
    /// asked for (`CleanArgs::collect_outputs`), as a dump may hold millions.
    pub outputs: Vec<PathBuf>,
    /// Standard output was closed by its reader (e.g. `| head`) and the run stopped early.
    pub stdout_closed: bool,
}

impl Summary {
    /// True when at least one input failed (exit code 1).
    pub fn has_errors(&self) -> bool {
        self.failed > 0
    }

    /// Documents accounted for (skipped records are not documents).
    pub fn documents(&self) -> usize {
        self.cleaned + self.empty + self.failed
    }

    /// Manifest entries so far, skipped ones included.
    pub(crate) fn entries(&self) -> usize {
        self.documents() + self.skipped
    }

    pub(crate) fn count(&mut self, entry: &ManifestEntry, reused: bool) {
        match entry.status {
            Status::Ok => self.cleaned += 1,
            Status::Empty => {
                self.empty += 1;
                // `no article text found (12 blocks, …)` → `no article text found`.
                let reason = entry.reason.as_deref().unwrap_or("unknown");
                let kind = reason.split(" (").next().unwrap_or(reason);
                *self.empty_reasons.entry(kind.to_string()).or_default() += 1;
            }
            Status::Error => self.failed += 1,
            Status::Skipped => {
                self.skipped += 1;
                // `not HTML: image/png` → `not HTML`: the kind, not every MIME type.
                let reason = entry.reason.as_deref().unwrap_or("unknown");
                let kind = reason.split(':').next().unwrap_or(reason);
                *self.skip_reasons.entry(kind.to_string()).or_default() += 1;
            }
        }
        if reused {
            self.reused += 1;
        }
        if let Some(language) = &entry.language {
            *self.languages.entry(language.clone()).or_default() += 1;
        }
        for (category, n) in entry.stripped.iter().flatten() {
            *self.stripped.entry(category.clone()).or_default() += n;
        }
        self.bytes += entry.bytes.unwrap_or(0);
    }
}

/// At most this many names per line; the rest are summed as `N more M` (not `others`, which
/// a category `other` beside it made read as a pair).
const TOP: usize = 12;

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        write!(
            f,
            "cleaned {}, empty {}, failed {}",
            self.cleaned, self.empty, self.failed
        )?;
        if self.skipped > 0 {
            write!(f, ", skipped {}", self.skipped)?;
        }
        if self.reused > 0 {
            write!(f, " ({} reused from the earlier run)", self.reused)?;
        }
        write!(
            f,
            " in {:.2}s ({:.0} docs/s, {:.1} MB/s of documents, uncompressed)",
            self.elapsed.as_secs_f64(),
            self.documents() as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
        )?;
        for (label, counts) in [
            ("languages", &self.languages),
            ("stripped blocks", &self.stripped),
            ("empty documents", &self.empty_reasons),
            ("skipped records", &self.skip_reasons),
        ] {
            if !counts.is_empty() {
                write!(f, "\n  {label}: {}", top_counts(counts))?;
            }
        }
        Ok(())
    }
}

/// `eng 120, fra 4, 2 more 3`: largest first, ties by name.
fn top_counts(counts: &BTreeMap<String, usize>) -> String {
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut parts: Vec<String> = sorted
        .iter()
        .take(TOP)
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    let rest: usize = sorted.iter().skip(TOP).map(|(_, n)| **n).sum();
    if sorted.len() > TOP {
        parts.push(format!("{} more {rest}", sorted.len() - TOP));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(status: Status, language: Option<&str>, stripped: &[(&str, usize)]) -> ManifestEntry {
        let mut entry = ManifestEntry::new("in");
        entry.status = status;
        entry.language = language.map(str::to_string);
        entry.bytes = Some(1000);
        if !stripped.is_empty() {
            entry.stripped = Some(stripped.iter().map(|(c, n)| (c.to_string(), *n)).collect());
        }
        entry
    }

    #[test]
    fn counts_per_status_language_and_category() {
        let mut summary = Summary::default();
        summary.count(&entry(Status::Ok, Some("eng"), &[("navigation", 3)]), false);
        summary.count(
            &entry(Status::Ok, Some("eng"), &[("navigation", 1), ("ads", 2)]),
            true,
        );
        summary.count(&entry(Status::Ok, Some("fra"), &[]), false);
        let mut empty = entry(Status::Empty, None, &[("cookie", 4)]);
        empty.reason = Some("no article text found (4 blocks, all boilerplate: cookie 4)".into());
        summary.count(&empty, false);
        summary.count(&entry(Status::Error, None, &[]), false);
        let mut skipped = entry(Status::Skipped, None, &[]);
        skipped.reason = Some("not HTML: image/png".to_string());
        summary.count(&skipped, false);
        summary.elapsed = Duration::from_secs(2);
        assert_eq!((summary.cleaned, summary.empty, summary.failed), (3, 1, 1));
        assert_eq!(
            (summary.skipped, summary.reused, summary.documents()),
            (1, 1, 5)
        );
        let text = summary.to_string();
        assert!(
            text.starts_with("cleaned 3, empty 1, failed 1, skipped 1 (1 reused"),
            "{text}"
        );
        assert!(
            text.contains("(2 docs/s, 0.0 MB/s of documents, uncompressed)"),
            "{text}"
        );
        assert!(
            text.contains("\n  empty documents: no article text found 1"),
            "{text}"
        );
        assert!(text.contains("\n  languages: eng 2, fra 1"), "{text}");
        assert!(
            text.contains("\n  stripped blocks: cookie 4, navigation 4, ads 2"),
            "{text}"
        );
        assert!(text.contains("\n  skipped records: not HTML 1"), "{text}");
    }

    #[test]
    fn long_lists_end_in_how_many_more() {
        let counts: BTreeMap<String, usize> =
            (0..20).map(|i| (format!("l{i:02}"), 100 - i)).collect();
        let line = top_counts(&counts);
        assert!(line.starts_with("l00 100, l01 99"), "{line}");
        assert!(line.ends_with(&format!(
            ", 8 more {}",
            (12..20).map(|i| 100 - i).sum::<usize>()
        )));
    }
}

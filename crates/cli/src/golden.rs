//! Comparing an output tree with the committed goldens (`cleaned/`): used by
//! `cargo xtask clean --check` and by the seeds regression test.

use std::fmt;
use std::path::{Path, PathBuf};

/// One way two trees differ. Paths are relative to the tree roots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// In the expected tree only.
    Missing(PathBuf),
    /// In the actual tree only.
    Extra(PathBuf),
    /// In both, with different bytes.
    Differs {
        path: PathBuf,
        expected: Vec<u8>,
        actual: Vec<u8>,
    },
}

impl Difference {
    pub fn path(&self) -> &Path {
        match self {
            Difference::Missing(path) | Difference::Extra(path) => path,
            Difference::Differs { path, .. } => path,
        }
    }
}

impl fmt::Display for Difference {
    /// A one-line description; for differing files, a unified diff follows.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Missing(path) => {
                write!(f, "missing: {} (expected, not produced)", path.display())
            }
            Difference::Extra(path) => {
                write!(f, "extra: {} (produced, not expected)", path.display())
            }
            Difference::Differs {
                path,
                expected,
                actual,
            } => {
                writeln!(f, "differs: {}", path.display())?;
                match (std::str::from_utf8(expected), std::str::from_utf8(actual)) {
                    (Ok(expected), Ok(actual)) => {
                        let diff = similar::TextDiff::from_lines(expected, actual);
                        let expected_name = format!("expected/{}", path.display());
                        let actual_name = format!("actual/{}", path.display());
                        write!(
                            f,
                            "{}",
                            diff.unified_diff()
                                .context_radius(3)
                                .header(&expected_name, &actual_name)
                        )
                    }
                    _ => write!(
                        f,
                        "binary contents differ ({} vs {} bytes)",
                        expected.len(),
                        actual.len()
                    ),
                }
            }
        }
    }
}

/// Compares every file under `expected` with the file at the same relative path under
/// `actual`, in sorted path order. Dot-files are ignored (editor and temp files); a missing
/// root counts as an empty tree.
pub fn compare_dirs(expected: &Path, actual: &Path) -> std::io::Result<Vec<Difference>> {
    let expected_files = list_files(expected)?;
    let actual_files = list_files(actual)?;
    let mut differences = Vec::new();
    let (mut e, mut a) = (0, 0);
    while e < expected_files.len() || a < actual_files.len() {
        let order = match (expected_files.get(e), actual_files.get(a)) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                differences.push(Difference::Missing(expected_files[e].clone()));
                e += 1;
            }
            std::cmp::Ordering::Greater => {
                differences.push(Difference::Extra(actual_files[a].clone()));
                a += 1;
            }
            std::cmp::Ordering::Equal => {
                let path = &expected_files[e];
                let expected_bytes = std::fs::read(expected.join(path))?;
                let actual_bytes = std::fs::read(actual.join(path))?;
                if expected_bytes != actual_bytes {
                    differences.push(Difference::Differs {
                        path: path.clone(),
                        expected: expected_bytes,
                        actual: actual_bytes,
                    });
                }
                e += 1;
                a += 1;
            }
        }
    }
    Ok(differences)
}

/// Files below `root`, relative, sorted; dot-files and dot-dirs left out.
pub fn list_files(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !root.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || entry.file_name().as_encoded_bytes().first() != Some(&b'.')
        });
    for entry in walker {
        let entry = entry.map_err(std::io::Error::from)?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            files.push(rel.to_path_buf());
        }
    }
    files.sort();
    Ok(files)
}

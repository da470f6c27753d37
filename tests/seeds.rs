//! Regression: cleaning `seeds/` reproduces the committed goldens in `cleaned/` byte for byte,
//! manifest included. After an intended change: `cargo xtask clean`, review the diff, commit.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

#[test]
fn seeds_reproduce_the_goldens() {
    let root = repo_root();
    let goldens = root.join("cleaned");
    let expected_files = deboil::golden::list_files(&goldens).expect("list cleaned/");
    assert!(
        !expected_files.is_empty(),
        "no goldens in {}: run `cargo xtask clean`, check the outputs by hand, commit them",
        goldens.display()
    );

    let out = tempfile::tempdir().expect("temp dir");
    // Run from the root with a relative input, as `cargo xtask clean` does, so that the
    // header `source`s read `seeds/…`.
    let output = Command::new(env!("CARGO_BIN_EXE_deboil"))
        .current_dir(&root)
        .args(["clean", "seeds", "-o"])
        .arg(out.path())
        .output()
        .expect("run deboil");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "stderr: {stderr}");

    let differences = deboil::golden::compare_dirs(&goldens, out.path()).expect("compare");
    if !differences.is_empty() {
        let report: Vec<String> = differences.iter().map(ToString::to_string).collect();
        panic!(
            "{} file(s) differ from the goldens in cleaned/ (if intended: `cargo xtask clean`, \
             review, commit):\n\n{}",
            differences.len(),
            report.join("\n")
        );
    }
}

//! Prints the entries of a WARC/WET/JSONL file (gzipped or not): `cargo run --example dump -- FILE`.
// Tests and examples read files; the library itself may not (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fs::File;

use deboil_records::{Entry, ReadOptions, open};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let input: Box<dyn std::io::Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(File::open(&path)?)
    };
    let (format, records) = open(input, &path, ReadOptions::default());
    println!("{format:?}");
    let (mut n, mut bytes) = (0u64, 0u64);
    let quiet = std::env::var_os("QUIET").is_some();
    for entry in records {
        n += 1;
        match entry {
            Entry::Record(r) => {
                bytes += r.body.len() as u64;
                if !quiet {
                    println!(
                        "record {} {:?} {} {:?} {} bytes",
                        r.id,
                        r.url,
                        r.kind.as_str(),
                        r.transport_charset,
                        r.body.len()
                    );
                }
            }
            Entry::Skipped { reason, record_id } if !quiet => {
                println!("skipped {reason} {record_id:?}")
            }
            Entry::Skipped { .. } => {}
            Entry::Error(e) => println!("error {e}"),
        }
    }
    println!("{n} entries, {bytes} body bytes");
    Ok(())
}

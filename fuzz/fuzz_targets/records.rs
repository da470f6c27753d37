//! The container readers (WARC/WET, JSONL, a single document; gzip and zstd streams) on
//! any bytes, read to the end. The first byte picks the file name the format is sniffed
//! with. Every entry is a record, a counted skip or an error; a fatal error ends the stream.
#![no_main]

use deboil_records::{Entry, ReadOptions, open};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["a.warc", "a.wet.gz", "a.jsonl", "a.ndjson.zst", "a.html", "-"];

fuzz_target!(|data: &[u8]| {
    let Some((&control, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(control) % NAMES.len()];
    let options = ReadOptions {
        max_record_bytes: 1 << 16,
    };
    let (_, mut records) = open(bytes, name, options);
    let mut entries = 0usize;
    while let Some(pending) = records.next_pending() {
        entries += 1;
        // Every entry consumes input: more entries than bytes would be a loop.
        assert!(entries <= bytes.len() + 2, "more entries than input bytes");
        match pending.into_entry() {
            Entry::Record(record) => {
                assert!(record.body.len() as u64 <= options.max_record_bytes);
            }
            Entry::Skipped { .. } => {}
            Entry::Error(error) => {
                if error.fatal {
                    break;
                }
            }
        }
    }
});

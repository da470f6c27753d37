//! Post-decoding clean-up: drop C0 controls, normalise line breaks. Nothing else is touched.

/// Bytes the clean-up acts on: C0 controls except TAB, LF and FF (CR is rewritten, the rest,
/// ESC included, removed). All are ASCII, so editing them never breaks a UTF-8 sequence.
fn acts_on(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c)
}

/// Most pages need no clean-up, so this scan is all they pay. It runs 64 bytes at a time
/// without an early exit inside a block, which the optimiser turns into vector compares:
/// about half the cost of a word-at-a-time "byte below 0x20" test, which trips on every
/// word holding a line break or a tab and must then look at its bytes one by one.
fn needs_cleanup(b: &[u8]) -> bool {
    b.chunks(64)
        .any(|block| block.iter().fold(false, |found, &c| found | acts_on(c)))
}

/// Removes C0 controls other than TAB, LF, CR and FF, and turns CRLF and lone CR into LF.
/// Returns the text and the number of control characters removed (CRs are not counted).
pub(crate) fn clean(text: String) -> (String, usize) {
    if !needs_cleanup(text.as_bytes()) {
        return (text, 0);
    }
    let mut bytes = text.into_bytes();
    let mut removed = 0usize;
    let mut write = 0usize;
    let mut read = 0usize;
    let len = bytes.len();
    // Most pages that need the clean-up have CRLF line breaks: the text between two CRs is
    // moved as one run (the CR found with memchr, the run checked with the vector scan
    // above), and only a run holding another control is read byte by byte.
    while read < len {
        let rest = bytes.get(read..).unwrap_or_default();
        let end = memchr::memchr(b'\r', rest).map_or(len, |at| read + at);
        if needs_cleanup(bytes.get(read..end).unwrap_or_default()) {
            for at in read..end {
                let Some(&b) = bytes.get(at) else { break };
                if acts_on(b) {
                    removed += 1;
                } else if let Some(slot) = bytes.get_mut(write) {
                    *slot = b;
                    write += 1;
                }
            }
        } else {
            bytes.copy_within(read..end, write);
            write += end - read;
        }
        read = end + 1;
        // At a CR (or past the end): CRLF keeps its LF, which starts the next run; a lone
        // CR becomes LF.
        if end < len && bytes.get(read) != Some(&b'\n') {
            if let Some(slot) = bytes.get_mut(write) {
                *slot = b'\n';
                write += 1;
            }
        }
    }
    bytes.truncate(write);
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans() {
        let cases: &[(&str, &str, usize)] = &[
            ("plain text\n", "plain text\n", 0),
            ("a\r\nb\rc\n\r\n", "a\nb\nc\n\n", 0),
            ("nul\0here\x01\x07\x1b[0m", "nulhere[0m", 4),
            ("tab\tform\x0cfeed", "tab\tform\x0cfeed", 0),
            ("é\0ж\0日\u{7f}", "éж日\u{7f}", 2),
            ("\r", "\n", 0),
            ("", "", 0),
            ("12345678\x0012345678", "1234567812345678", 1),
            // Controls inside lines and at their ends, CRLF and lone CR around them.
            ("x\0y\r\nz\x01\rw\x02\r\n\r", "xy\nz\nw\n\n", 3),
            ("\r\n\r\n\x1f", "\n\n", 1),
        ];
        for (input, want, n) in cases {
            assert_eq!(
                clean((*input).to_owned()),
                ((*want).to_owned(), *n),
                "{input:?}"
            );
        }
    }

    /// The byte-at-a-time clean-up that `clean` moves runs instead of, as the reference.
    fn clean_bytewise(text: &str) -> (String, usize) {
        let mut out = Vec::new();
        let mut removed = 0;
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\r' {
                if bytes.get(i + 1) != Some(&b'\n') {
                    out.push(b'\n');
                }
            } else if acts_on(b) {
                removed += 1;
            } else {
                out.push(b);
            }
        }
        (String::from_utf8(out).unwrap_or_default(), removed)
    }

    #[test]
    fn moving_runs_cleans_as_byte_by_byte() {
        // Every string of up to five pieces over these, and each one long enough to span
        // several of the 64-byte blocks the scan reads.
        let pieces = ["a", "\u{e9}", "\r", "\n", "\0", "\t", "\r\n"];
        let mut texts = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in &texts {
            let long = format!("{}{text}{}", "word ".repeat(20), " line".repeat(15));
            for t in [text, &long] {
                assert_eq!(clean(t.clone()), clean_bytewise(t), "{t:?}");
            }
        }
    }
}

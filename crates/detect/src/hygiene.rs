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
    let len = bytes.len();
    let mut read = 0usize;
    while read < len {
        let b = bytes[read];
        read += 1;
        if b == b'\r' {
            if bytes.get(read) == Some(&b'\n') {
                continue;
            }
            bytes[write] = b'\n';
            write += 1;
        } else if acts_on(b) {
            removed += 1;
        } else {
            bytes[write] = b;
            write += 1;
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
        ];
        for (input, want, n) in cases {
            assert_eq!(
                clean((*input).to_owned()),
                ((*want).to_owned(), *n),
                "{input:?}"
            );
        }
    }
}

//! Post-decoding clean-up: drop C0 controls, normalise line breaks. Nothing else is touched.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Bytes the clean-up acts on: C0 controls except TAB, LF and FF (CR is rewritten, the rest,
/// ESC included, removed). All are ASCII, so editing them never breaks a UTF-8 sequence.
fn acts_on(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c)
}

/// Word-at-a-time scan: most pages need no clean-up, and this crate may be built without
/// optimisation while still having to get through 50 MB quickly.
fn needs_cleanup(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // Non-zero iff some byte is below 0x20 (the classic "has less than" bit trick).
        if w.wrapping_sub(LO * 0x20) & !w & HI != 0 && chunk.iter().any(|&c| acts_on(c)) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&c| acts_on(c))
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

//! Pre-parse guard against absurd nesting.
//!
//! html5ever's tree builder checks element scopes by scanning the stack of open elements,
//! so a page that opens 100,000 `<div>`s without closing them takes quadratic time. Real
//! pages never nest more than a few hundred levels; beyond [`MAX_DEPTH`] start tags (and
//! the end tags at that depth) are dropped before parsing, keeping all text.

use std::borrow::Cow;

const MAX_DEPTH: usize = 2000;

/// Lowercases a tag name into `buf`; `None` when it is longer than any name we look for.
fn lower<'b>(name: &[u8], buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// Elements that never hold children or close implicitly: they do not add nesting.
/// (A `match` compiles to a jump on the length and one comparison, about 20% of the
/// guard's time cheaper than a linear search of a list.)
fn is_flat(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(
            b"br"
                | b"img"
                | b"meta"
                | b"link"
                | b"input"
                | b"hr"
                | b"wbr"
                | b"source"
                | b"area"
                | b"col"
                | b"embed"
                | b"param"
                | b"track"
                | b"base"
                | b"keygen"
                | b"p"
                | b"li"
                | b"td"
                | b"th"
                | b"tr"
                | b"option"
                | b"dt"
                | b"dd"
                | b"html"
                | b"head"
                | b"body"
                | b"frame"
                | b"image"
        )
    )
}

/// Raw-text elements whose content is not markup.
fn is_raw(name: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    matches!(
        lower(name, &mut buf),
        Some(
            b"script"
                | b"style"
                | b"textarea"
                | b"title"
                | b"xmp"
                | b"noscript"
                | b"iframe"
                | b"noembed"
                | b"noframes"
                | b"plaintext"
        )
    )
}

struct Tag<'a> {
    end: usize,
    name: &'a [u8],
    closing: bool,
    self_closing: bool,
}

/// Parses the tag starting at `page[i] == '<'`; `None` when it is not a tag.
fn tag_at(page: &str, i: usize) -> Option<Tag<'_>> {
    let b = page.as_bytes();
    let mut j = i + 1;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let start = j;
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':')
    {
        j += 1;
    }
    if j == start || !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name = b.get(start..j)?;
    // Find the closing '>' outside quoted attribute values. Values (URLs, class lists) are
    // most of a tag's bytes: jump over each to its closing quote with one fast search.
    while let Some(&c) = b.get(j) {
        match c {
            b'"' | b'\'' => j = find_byte(page, j + 1, c).map_or(b.len(), |q| q + 1),
            b'>' => break,
            _ => j += 1,
        }
    }
    let self_closing = j > 0 && b.get(j - 1) == Some(&b'/');
    Some(Tag {
        end: (j + 1).min(b.len()),
        name,
        closing,
        self_closing,
    })
}

/// Position of the next `<` at or after `from`.
fn next_lt(page: &str, from: usize) -> Option<usize> {
    find_byte(page, from, b'<')
}

/// Position of the next `byte` (ASCII) at or after `from`. `str::find(char)` uses a
/// word-at-a-time memchr, several times faster than a byte loop on script-heavy pages.
fn find_byte(page: &str, from: usize, byte: u8) -> Option<usize> {
    match page.get(from..) {
        Some(rest) => rest.find(char::from(byte)).map(|p| p + from),
        // Not a char boundary (cannot happen: we only stop after ASCII bytes).
        None => page
            .as_bytes()
            .get(from..)?
            .iter()
            .position(|&c| c == byte)
            .map(|p| p + from),
    }
}

/// End of the comment whose `<!--` ends at `from`: just past the next `-->`.
fn comment_end(page: &str, from: usize) -> Option<usize> {
    match page.get(from..) {
        Some(rest) => rest.find("-->").map(|p| p + from + 3),
        None => page
            .as_bytes()
            .get(from..)?
            .windows(3)
            .position(|w| w == b"-->")
            .map(|p| p + from + 3),
    }
}

/// Start of the next `</name` (ASCII case-insensitive) at or after `from`.
fn find_close(page: &str, from: usize, name: &[u8]) -> Option<usize> {
    let b = page.as_bytes();
    let mut at = from;
    loop {
        let p = next_lt(page, at)?;
        let after = p + 2;
        if b.get(p + 1) == Some(&b'/')
            && b.get(after..after + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(p);
        }
        at = p + 1;
    }
}

/// The page, with nesting beyond [`MAX_DEPTH`] flattened (borrowed when nothing changes).
pub(super) fn flatten_deep_nesting(page: &str) -> Cow<'_, str> {
    let b = page.as_bytes();
    // Quick exit: only a start tag (a '<' before a letter) adds a level, so a page with
    // few of them cannot nest too deep.
    if count_lt(b) <= MAX_DEPTH || count_start_tags(b) <= MAX_DEPTH {
        return Cow::Borrowed(page);
    }
    let mut depth = 0usize;
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0; // bytes of `b` already copied to `out`
    let mut i = 0;
    while i < b.len() {
        let Some(lt) = next_lt(page, i) else {
            break;
        };
        i = lt;
        if b.get(i..i + 4) == Some(b"<!--") {
            i = comment_end(page, i + 4).unwrap_or(b.len());
            continue;
        }
        let Some(tag) = tag_at(page, i) else {
            i += 1;
            continue;
        };
        let mut drop = false;
        if tag.closing {
            if !is_flat(tag.name) {
                drop = depth > MAX_DEPTH;
                depth = depth.saturating_sub(1);
            }
        } else if is_raw(tag.name) {
            let end = find_close(page, tag.end, tag.name).unwrap_or(b.len());
            i = end.max(tag.end);
            continue;
        } else if !is_flat(tag.name) && !tag.self_closing {
            depth += 1;
            drop = depth > MAX_DEPTH;
        }
        if drop {
            let o = out.get_or_insert_with(|| Vec::with_capacity(b.len()));
            o.extend_from_slice(b.get(copied..i).unwrap_or(&[]));
            copied = tag.end;
        }
        i = tag.end.max(i + 1);
    }
    match out {
        None => Cow::Borrowed(page),
        Some(mut o) => {
            o.extend_from_slice(b.get(copied..).unwrap_or(&[]));
            // Only whole tags were removed, so the rest is still valid UTF-8.
            Cow::Owned(String::from_utf8_lossy(&o).into_owned())
        }
    }
}

/// Number of `<` bytes. Summed in `u8` over chunks of at most 255 bytes so that the
/// compiler vectorises it 16 bytes at a time (a `usize` sum or `filter().count()` does not).
fn count_lt(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|chunk| {
            let n: u8 = chunk.iter().map(|&c| u8::from(c == b'<')).sum();
            usize::from(n)
        })
        .sum()
}

/// Number of `<` bytes followed by an ASCII letter (an upper bound on the start tags
/// [`tag_at`] finds). Summed in `u8` over chunks of at most 255 bytes so that the compiler
/// vectorises it (a `usize` sum or `filter().count()` does not).
fn count_start_tags(b: &[u8]) -> usize {
    let next = b.get(1..).unwrap_or(&[]);
    b.chunks(255)
        .zip(next.chunks(255))
        .map(|(chunk, after)| {
            let n: u8 = chunk
                .iter()
                .zip(after)
                .map(|(&c, &d)| u8::from(c == b'<' && (d | 0x20).wrapping_sub(b'a') < 26))
                .sum();
            usize::from(n)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed() {
        let p = "<div><p>a</p><script>if (a<b) {}</script></div>";
        assert!(matches!(flatten_deep_nesting(p), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_capped() {
        let depth = 5000;
        let p = format!(
            "{}x{}",
            "<div class='a>b'>".repeat(depth),
            "</div>".repeat(depth)
        );
        let f = flatten_deep_nesting(&p);
        assert_eq!(f.matches("<div").count(), MAX_DEPTH);
        assert_eq!(f.matches("</div>").count(), MAX_DEPTH);
        assert!(f.contains('x'));
    }
}

//! The HTML tokenizer's states that move where a token ends, after the WHATWG tokenizer
//! (13.2.5): tags and their attributes, comments, raw text and RCDATA, script data and its
//! escapes, and the walk over a page's tags in HTML content ([`for_each_tag`]). The pruning
//! walk reads the page with these; `tokenizer_cases.tsv` checks them against the spec's cases.

/// Whitespace for the tokenizer (a CR becomes an LF before tokenizing).
pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

pub(super) struct Tag {
    /// Just past the closing `>`.
    pub(super) end: usize,
    pub(super) name_start: usize,
    pub(super) name_end: usize,
    pub(super) self_closing: bool,
}

/// One attribute of a tag: where its name starts and ends, and where it (with its value)
/// ends.
#[derive(Clone, Copy)]
pub(super) struct Attr {
    pub(super) start: usize,
    pub(super) name_end: usize,
    pub(super) end: usize,
}

/// Tokenizes the tag whose name starts at `from` (just after `<` or `</`), through its
/// attributes (into `attrs`), as the tokenizer's tag states do. `None` at the end of input
/// (the tokenizer drops the unfinished tag).
pub(super) fn scan_tag(b: &[u8], from: usize, attrs: &mut Vec<Attr>) -> Option<Tag> {
    attrs.clear();
    let name_start = from;
    let mut i = from;
    while b
        .get(i)
        .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
    {
        i += 1;
    }
    let name_end = i;
    // Attribute states, with only the distinctions that move the end of the tag or of an
    // attribute: a quote opens a value only where a value may start.
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let mut s = S::BeforeName;
    let last = |attrs: &mut Vec<Attr>, name: bool, end: usize| {
        if let Some(a) = attrs.last_mut() {
            a.end = end;
            if name {
                a.name_end = end;
            }
        }
    };
    loop {
        let c = *b.get(i)?;
        match s {
            S::BeforeName | S::AfterName => match c {
                _ if is_space(c) => {}
                b'/' => s = S::SelfClosing,
                b'=' if s == S::AfterName => s = S::BeforeValue,
                b'>' => break,
                // A new attribute; in "before attribute name" even a '=' starts its name.
                _ => {
                    attrs.push(Attr {
                        start: i,
                        name_end: i + 1,
                        end: i + 1,
                    });
                    s = S::Name;
                }
            },
            S::Name => match c {
                _ if is_space(c) => s = S::AfterName,
                b'/' => s = S::SelfClosing,
                b'=' => s = S::BeforeValue,
                b'>' => break,
                _ => {
                    // The rest of the name at once.
                    let run = b
                        .get(i + 1..)?
                        .iter()
                        .position(|&c| is_space(c) || matches!(c, b'/' | b'=' | b'>'))?;
                    i += run;
                    last(attrs, true, i + 1);
                }
            },
            S::BeforeValue => match c {
                _ if is_space(c) => {}
                b'"' | b'\'' => {
                    let close = memchr::memchr(c, b.get(i + 1..)?)?;
                    i += close + 1;
                    last(attrs, false, i + 1);
                    s = S::AfterQuoted;
                }
                b'>' => break,
                _ => {
                    last(attrs, false, i + 1);
                    s = S::Unquoted;
                }
            },
            S::Unquoted => match c {
                _ if is_space(c) => s = S::BeforeName,
                b'>' => break,
                _ => {
                    // The rest of the value at once.
                    let run = b
                        .get(i + 1..)?
                        .iter()
                        .position(|&c| is_space(c) || c == b'>')?;
                    i += run;
                    last(attrs, false, i + 1);
                }
            },
            S::AfterQuoted => match c {
                _ if is_space(c) => s = S::BeforeName,
                b'/' => s = S::SelfClosing,
                b'>' => break,
                _ => {
                    s = S::BeforeName;
                    continue;
                }
            },
            S::SelfClosing => match c {
                b'>' => break,
                _ => {
                    s = S::BeforeName;
                    continue;
                }
            },
        }
        i += 1;
    }
    Some(Tag {
        end: i + 1,
        name_start,
        name_end,
        self_closing: s == S::SelfClosing,
    })
}

/// `</name` followed by whitespace, `/` or `>` at `at` (the tokenizer's "appropriate end
/// tag" of raw text).
fn is_end_tag(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at + 1) == Some(&b'/')
        && b.get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + 2 + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Start of the end tag closing a raw-text or RCDATA element named `name`.
pub(super) fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    loop {
        let lt = at + memchr::memchr(b'<', b.get(at..)?)?;
        if is_end_tag(b, lt, name) {
            return Some(lt);
        }
        at = lt + 1;
    }
}

/// Start of the `</script>` closing a script, through the script data escape states
/// (`<!--` … `<script>` … `</script>` … `-->` does not end it).
pub(super) fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum S {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    let mut s = S::Data;
    let mut i = from;
    loop {
        if let S::Data = s {
            i += memchr::memchr(b'<', b.get(i..)?)?;
            if is_end_tag(b, i, b"script") {
                return Some(i);
            }
            if b.get(i + 1..i + 4) == Some(b"!--") {
                // The escape start's dashes leave the tokenizer in "escaped dash dash".
                s = S::EscapedDashDash;
                i += 4;
            } else {
                i += 1;
            }
            continue;
        }
        let c = *b.get(i)?;
        s = match (s, c) {
            (S::Escaped | S::EscapedDash | S::EscapedDashDash, b'<') => {
                if is_end_tag(b, i, b"script") {
                    return Some(i);
                }
                if starts_script_tag(b, i + 1) {
                    // The delimiter after the name means nothing in the new state.
                    s = S::Double;
                    i += 7;
                    continue;
                } else {
                    S::Escaped
                }
            }
            (S::Escaped, b'-') => S::EscapedDash,
            (S::EscapedDash | S::EscapedDashDash, b'-') => S::EscapedDashDash,
            (S::EscapedDashDash, b'>') => S::Data,
            (S::Escaped | S::EscapedDash | S::EscapedDashDash, _) => S::Escaped,
            (S::Double | S::DoubleDash | S::DoubleDashDash, b'<') => {
                if b.get(i + 1) == Some(&b'/') && starts_script_tag(b, i + 2) {
                    s = S::Escaped;
                    i += 8;
                    continue;
                } else {
                    S::Double
                }
            }
            (S::Double, b'-') => S::DoubleDash,
            (S::DoubleDash | S::DoubleDashDash, b'-') => S::DoubleDashDash,
            (S::DoubleDashDash, b'>') => S::Data,
            (S::Double | S::DoubleDash | S::DoubleDashDash, _) => S::Double,
            (S::Data, _) => S::Data,
        };
        i += 1;
    }
}

/// `script` followed by whitespace, `/` or `>` at `at` (the double-escape start and end).
fn starts_script_tag(b: &[u8], at: usize) -> bool {
    b.get(at..at + 6)
        .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
        && b.get(at + 6)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// End of the comment whose `<!--` ends at `from`: just past `-->` or `--!>`, or the
/// abrupt `<!-->` and `<!--->`.
pub(super) fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut at = 0;
    loop {
        let dash = at + memchr::memmem::find(rest.get(at..)?, b"--")?;
        match rest.get(dash + 2) {
            Some(b'>') => return Some(from + dash + 3),
            Some(b'!') if rest.get(dash + 3) == Some(&b'>') => return Some(from + dash + 4),
            _ => at = dash + 1,
        }
    }
}

/// Lowercases a tag name into `buf`; `None` when it is longer than any name looked for.
pub(super) fn lower<'b>(name: &[u8], buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// What the tokenizer reads after a start tag of this name (in HTML content, as the tree
/// builder switches it): `None` for markup.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Raw {
    Script,
    /// Raw text or RCDATA up to the element's end tag.
    UpToEnd,
    /// `plaintext`: the rest of the page is text.
    Rest,
}

pub(super) fn raw_kind(name: &[u8]) -> Option<Raw> {
    let mut buf = [0u8; 12];
    match lower(name, &mut buf)? {
        b"script" => Some(Raw::Script),
        b"style" | b"textarea" | b"title" | b"xmp" | b"noscript" | b"iframe" | b"noembed"
        | b"noframes" => Some(Raw::UpToEnd),
        b"plaintext" => Some(Raw::Rest),
        _ => None,
    }
}

/// Where the tokenizer reads on after the start tag `name` ending at `end`, in HTML
/// content: past its raw text (at its end tag), or `None` when that never ends.
pub(super) fn after_start_tag(b: &[u8], end: usize, name: &[u8]) -> Option<usize> {
    match raw_kind(name) {
        None => Some(end),
        // The end tag is read next, as a tag.
        Some(Raw::Script) => script_end(b, end),
        Some(Raw::UpToEnd) => raw_end(b, end, name),
        Some(Raw::Rest) => None,
    }
}

/// A tag as the tokenizer reads it: where it starts and ends, its name, and whether it is
/// an end tag.
#[derive(Debug, Clone, Copy)]
pub(super) struct TagToken<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) name: &'a [u8],
    pub(super) closing: bool,
    pub(super) self_closing: bool,
}

/// Calls `visit` with each tag of the page from byte `from` on, in order, skipping what the
/// tokenizer reads as comments, doctypes, processing instructions and raw text (in HTML
/// content: CDATA is a bogus comment there).
pub(super) fn for_each_tag<'a>(page: &'a str, from: usize, mut visit: impl FnMut(TagToken<'a>)) {
    let b = page.as_bytes();
    let mut attrs = Vec::new();
    let to_gt = |from: usize| {
        b.get(from..)
            .and_then(|r| memchr::memchr(b'>', r))
            .map(|p| from + p + 1)
    };
    let mut i = from;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + p;
        let next = match b.get(lt + 1).copied() {
            Some(b'!') if b.get(lt + 2..lt + 4) == Some(b"--") => comment_end(b, lt + 4),
            // A doctype, or a bogus comment (CDATA too, outside foreign content).
            Some(b'!' | b'?') => to_gt(lt + 2),
            Some(b'/') => match b.get(lt + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => scan_tag(b, lt + 2, &mut attrs).map(|tag| {
                    visit(TagToken {
                        start: lt,
                        end: tag.end,
                        name: b.get(tag.name_start..tag.name_end).unwrap_or(&[]),
                        closing: true,
                        self_closing: tag.self_closing,
                    });
                    tag.end
                }),
                Some(b'>') => Some(lt + 3),
                Some(_) => to_gt(lt + 2),
                None => None,
            },
            Some(c) if c.is_ascii_alphabetic() => scan_tag(b, lt + 1, &mut attrs).and_then(|tag| {
                let name = b.get(tag.name_start..tag.name_end).unwrap_or(&[]);
                visit(TagToken {
                    start: lt,
                    end: tag.end,
                    name,
                    closing: false,
                    self_closing: tag.self_closing,
                });
                after_start_tag(b, tag.end, name)
            }),
            _ => Some(lt + 1),
        };
        match next {
            Some(next) => i = next.max(lt + 1),
            None => break,
        }
    }
}

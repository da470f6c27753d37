//! Comment furniture: comment counts, the heading over the comments, a comment's signature
//! line, a blog post's footer line.

use std::sync::LazyLock;

use regex::Regex;

use super::{Pattern, matches};
use crate::anchored::AnchoredPattern;
use crate::lang::{self, Shape};

/// "12 comments", the whole block.
static COMMENT_COUNT: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^\d+\s+(?:{})$",
        lang::alternation(Shape::CommentCount)
    ))
});

static COMMENTS_HEADING: Pattern = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\d+|{numbers})\s+(?:{nouns})\s+(?:{preps})\b",
        numbers = lang::alternation(Shape::CommentsHeadingNumber),
        nouns = lang::alternation(Shape::CommentsHeadingNoun),
        preps = lang::alternation(Shape::CommentsHeadingPrep),
    ))
    .ok()
});

/// "34 responses to “…”", "12 thoughts on “…”", "3 commentaires sur « … »".
pub(crate) fn is_comments_heading(label_key: &str, words: usize) -> bool {
    words <= 30 && matches(&COMMENTS_HEADING, label_key)
}

pub(super) static COMMENT_SIGNATURE: LazyLock<AnchoredPattern> = LazyLock::new(|| {
    AnchoredPattern::new(&format!(
        r"(?i)^\S+(?:\s+\S+){{0,3}}\s+(?:on\s+.{{6,40}}?\s+)?(?:{})\s*:$",
        lang::alternation(Shape::CommentVerb)
    ))
});

/// "joetoronto says:", "Gary M on September 17, 2018 at 8:50 pm said:": a comment's
/// signature line.
pub(crate) fn is_comment_signature(text: &str, words: usize) -> bool {
    let text = text.trim();
    // The pattern ends in ':' (`\s*:$`): most blocks fail here, before the pattern's costly
    // scan of their first words.
    words <= 14 && text.ends_with(':') && COMMENT_SIGNATURE.is_match(text)
}

pub(super) static POST_META: Pattern = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bpermalink\b|\|\s*\d+\s+(?:comments?|responses?|replies)\s*$|^(?:posted|filed) (?:in|under)\b.{0,80}\|)")
        .ok()
});

/// "Posted in Open thread | Permalink | 10 Comments": a blog post's footer line.
pub(crate) fn is_post_meta(text: &str, words: usize) -> bool {
    words <= 25 && may_be_post_meta(text) && matches(&POST_META, text.trim())
}

/// Every match of [`POST_META`] holds "permalink" (in any case) or a '|'. None of the letters
/// of "permalin" has a case form outside ASCII, so an ASCII-lower-cased search finds them all.
fn may_be_post_meta(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Only where a 'p' stands can the word start (one vector search, not eight compares a
    // byte).
    memchr::memchr(b'|', bytes).is_some()
        || memchr::memchr2_iter(b'p', b'P', bytes).any(|at| {
            bytes
                .get(at..at + 8)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"permalin"))
        })
}

/// "12 comments", "3 Kommentare", "5 комментариев".
pub(crate) fn is_comment_count(label_key: &str) -> bool {
    COMMENT_COUNT.is_match(label_key)
}

#[cfg(test)]
mod may_be_post_meta_tests {
    use super::may_be_post_meta;

    #[test]
    fn finds_permalink_in_any_case_or_a_bar() {
        for (text, expected) in [
            ("Permalink", true),
            ("reply · PERMALINK · report", true),
            ("xpermalinks", true),
            ("permali", false),
            ("Jane | 3 May", true),
            ("a plain sentence with a p", false),
            ("", false),
        ] {
            assert_eq!(may_be_post_meta(text), expected, "{text:?}");
        }
    }
}

//! Plain-text front end: a scraper's text dump to candidate blocks.
//!
//! Every non-empty line is a block (scrapers put one paragraph on a line); a blank line
//! starts a new group. Runs of two or more lines with the same bullet become list items.
//! Titles, bylines and subheadings are left to the classifier, which sees the whole page.

use crate::candidate::{Candidate, PageMeta};
use crate::model::BlockKind;

const BULLETS: [&str; 6] = ["- ", "* ", "• ", "– ", "· ", "▪ "];

pub(crate) fn candidates(page: &str) -> (Vec<Candidate>, PageMeta) {
    let mut blocks: Vec<Candidate> = Vec::new();
    let mut after_blank = true;
    for line in page.lines() {
        let text = clean_line(line);
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        let mut candidate = Candidate::new(text, BlockKind::Paragraph);
        candidate.group_start = after_blank;
        blocks.push(candidate);
        after_blank = false;
    }
    mark_lists(&mut blocks);
    (blocks, PageMeta::default())
}

/// Collapses runs of whitespace, drops zero-width and control characters, trims.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for ch in line.chars() {
        match ch {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if c.is_whitespace() => space = true,
            c if c.is_control() => {}
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn bullet_of(text: &str) -> Option<&'static str> {
    BULLETS.iter().copied().find(|b| text.starts_with(b))
}

/// Two or more consecutive lines opening with the same bullet are a list; a lone "* note"
/// line is not.
fn mark_lists(blocks: &mut [Candidate]) {
    let mut i = 0;
    while i < blocks.len() {
        let Some(bullet) = blocks.get(i).and_then(|b| bullet_of(&b.text)) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while blocks
            .get(j)
            .is_some_and(|b| bullet_of(&b.text) == Some(bullet))
        {
            j += 1;
        }
        if j - i >= 2 {
            for block in blocks.iter_mut().take(j).skip(i) {
                block.kind = BlockKind::ListItem;
                block.text = block
                    .text
                    .get(bullet.len()..)
                    .unwrap_or("")
                    .trim()
                    .to_string();
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_groups_and_whitespace() {
        let (blocks, _) =
            candidates("  Title\u{00A0}here  \r\n\nFirst  line\nSecond\u{200B} line\n");
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Title here", "First line", "Second line"]);
        let groups: Vec<_> = blocks.iter().map(|b| b.group_start).collect();
        assert_eq!(groups, [true, true, false]);
    }

    #[test]
    fn bullets_make_lists_only_in_runs() {
        let (blocks, _) = candidates("- one\n- two\n* lone note\ntext");
        assert_eq!(blocks[0].kind, BlockKind::ListItem);
        assert_eq!(blocks[0].text, "one");
        assert_eq!(blocks[1].kind, BlockKind::ListItem);
        assert_eq!(blocks[2].kind, BlockKind::Paragraph);
        assert_eq!(blocks[2].text, "* lone note");
    }

    #[test]
    fn empty_and_blank_pages() {
        assert!(candidates("").0.is_empty());
        assert!(candidates("\n\n \t\n").0.is_empty());
    }
}

//! Plain-text front end: a scraper's text dump to candidate blocks.
//!
//! Every non-empty line is a block (scrapers put one paragraph on a line); a blank line
//! starts a new group. A dump wrapped at a fixed width (`lynx -dump`, `w3m`, `html2text`,
//! mail: most of its long lines end within a few characters of one width) has its lines
//! joined back into paragraphs where the next line's first word would not have fitted
//! (see [`unwrap_lines`]); a `lynx -dump` loses its link numbers (`[12]Home`) when it lists
//! their targets at its end (see [`link_list_at`]). Runs of two or more lines with the same
//! bullet become list items, as
//! do numbered lines counting up ("1)", "2)", … or "1.", "2.", …; a line or two may stand
//! between them, such as an item's link).
//! Titles, bylines and subheadings are left to the classifier, which sees the whole page.

use crate::candidate::{Candidate, PageMeta};
use crate::model::BlockKind;

const BULLETS: [&str; 6] = ["- ", "* ", "• ", "– ", "· ", "▪ "];

pub(crate) fn candidates(page: &str) -> (Vec<Candidate>, PageMeta) {
    let mut blocks: Vec<Candidate> = Vec::new();
    let mut after_blank = true;
    let mut lines: Vec<String> = page.lines().map(clean_line).collect();
    // A `lynx -dump`'s list of link targets is the tool's, not the page's text: neither
    // wrapped with it nor numbered in it.
    let links = link_list_at(&lines);
    let list = lines.split_off(links.unwrap_or(lines.len()));
    let mut lines = unwrap_lines(lines);
    if links.is_some() {
        for line in lines.iter_mut().filter(|l| l.contains('[')) {
            *line = strip_link_numbers(line);
        }
    }
    lines.extend(list);
    for text in lines {
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
    mark_numbered_lists(&mut blocks);
    mark_inline_groups(&mut blocks);
    (blocks, PageMeta::default())
}

/// Lines of at least this many characters count when the wrap width is read…
const WRAP_MIN_LINE_CHARS: usize = 20;
/// …and the text is wrapped when this share of them ends within [`WRAP_SLACK_CHARS`] of one
/// width (its longest lines, a few outliers aside: a URL longer than the width), the share
/// taken of the lines at least this part of the width long (1/2)…
const WRAP_SHARE: f64 = 0.25;
const WRAP_CANDIDATE_DIVISOR: usize = 2;
/// …and this share of those that a line follows goes on in one that opens with a small
/// letter (a sentence broken off, not a list of headlines of about one length)…
const WRAP_CONTINUED_SHARE: f64 = 0.3;
/// (How far below the width a wrapped line may end: a long word went to the next line.)
const WRAP_SLACK_CHARS: usize = 15;
/// …of this many lines at least, at a width a wrapper uses.
const WRAP_MIN_LINES: usize = 6;
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=160;
/// Share of the longest lines left out as outliers when the width is read.
const WRAP_OUTLIERS: f64 = 0.03;

/// A text wrapped at a fixed width, lines joined back into its paragraphs; any other text
/// as it is. Line `i` goes on with line `i + 1` when the next line's first word would not
/// have fitted after it within the width, and the next line opens no list item: that is
/// where a wrapper broke it. A menu's short lines, a heading over its paragraph and the last
/// line of a paragraph leave room, so they stay lines.
fn unwrap_lines(lines: Vec<String>) -> Vec<String> {
    let Some(width) = wrap_width(&lines) else {
        return lines;
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    // Characters of the last line read, when it may go on (not blank).
    let mut open: Option<usize> = None;
    for line in lines {
        let chars = line.chars().count();
        let first_word = line.split(' ').next().map_or(0, |w| w.chars().count());
        let joins = open.is_some_and(|last| last + 1 + first_word > width)
            && !line.is_empty()
            && bullet_of(&line).is_none()
            && number_of(&line).is_none();
        match out.last_mut() {
            Some(last) if joins => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
        open = (chars > 0).then_some(chars);
    }
    out
}

/// The heading under which `lynx -dump` (and `links`) list the targets of the page's
/// numbered links, at its end.
const LINK_LIST_HEADING: &str = "References";

/// Where a `lynx -dump` (or `links`) text lists the targets of its numbered links: the
/// [`LINK_LIST_HEADING`] line at its end, followed by numbered URLs (`12. https://…`). Such
/// a text numbers each link where it stands (`[12]Home`, `a [13]report on`); the numbers are
/// no words of the page, and go ([`strip_link_numbers`]). Without the list, `[1]` in a text
/// (a footnote mark, a citation) stays. The list itself stays for the classifier, after the
/// article.
fn link_list_at(lines: &[String]) -> Option<usize> {
    let heading = lines.iter().rposition(|l| l == LINK_LIST_HEADING)?;
    let listed = lines
        .iter()
        .skip(heading + 1)
        .filter(|l| !l.is_empty())
        .find(|l| !l.ends_with("links") && !l.ends_with("links:"))
        .is_some_and(|first| {
            first.split_once(". ").is_some_and(|(number, target)| {
                !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && (target.contains("://") || target.starts_with("mailto:"))
            })
        });
    listed.then_some(heading)
}

/// `line` without its `[digits]` marks, spaces kept single.
fn strip_link_numbers(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let digits = from
            .get(1..)
            .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
        if (1..=5).contains(&digits) && from.as_bytes().get(digits + 1) == Some(&b']') {
            rest = from.get(digits + 2..).unwrap_or("");
        } else {
            out.push('[');
            rest = from.get(1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    clean_line(&out)
}

/// The width a text was wrapped at, if it was.
fn wrap_width(lines: &[String]) -> Option<usize> {
    let mut long: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n >= WRAP_MIN_LINE_CHARS)
        .collect();
    if long.len() < WRAP_MIN_LINES {
        return None;
    }
    long.sort_unstable();
    let outliers = (long.len() as f64 * WRAP_OUTLIERS) as usize;
    let width = *long.get(long.len() - 1 - outliers)?;
    // The share is read among the lines that could have been broken at the width: a menu's
    // or a footer's short entries say nothing of how the paragraphs were wrapped.
    long.retain(|&n| n * WRAP_CANDIDATE_DIVISOR >= width);
    let near_width = |n: usize| n + WRAP_SLACK_CHARS >= width && n <= width;
    let near = long.iter().filter(|&&n| near_width(n)).count();
    // The first letters of the lines after lines of about the width (none after a blank).
    let next_starts: Vec<char> = lines
        .windows(2)
        .filter(|pair| pair.first().is_some_and(|l| near_width(l.chars().count())))
        .filter_map(|pair| pair.get(1).and_then(|next| next.chars().next()))
        .collect();
    let continued = next_starts.iter().filter(|c| c.is_lowercase()).count();
    (WRAP_WIDTHS.contains(&width)
        && near >= WRAP_MIN_LINES
        && near as f64 >= WRAP_SHARE * long.len() as f64
        && continued as f64 >= WRAP_CONTINUED_SHARE * next_starts.len() as f64)
        .then_some(width)
}

/// Most lines an inline group holds (as an inline box in HTML, `html/boxes.rs`).
const INLINE_GROUP_MAX_LINES: usize = 8;
/// A line of this many characters or more is a paragraph (some fifteen words of a Latin
/// script, more in CJK): a heading, a label or a button is shorter.
const INLINE_GROUP_PARAGRAPH_CHARS: usize = 100;

/// A group of two to [`INLINE_GROUP_MAX_LINES`] lines set between two paragraphs is the
/// text's inline box ([`Candidate::inline_box`]): a donation appeal or a sign-up box that a
/// scraper wrote out between two paragraphs of the article, its heading, pitch and button on
/// lines of their own. The paragraphs are the groups of one line each around it (where the
/// text puts a blank line after each paragraph), or, where it puts none (its paragraphs run
/// on line after line, and only the box stands apart), the lines right before and after it
/// when each is a paragraph's length.
fn mark_inline_groups(blocks: &mut [Candidate]) {
    let starts: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks.get(i).is_some_and(|b| b.group_start))
        .chain(std::iter::once(blocks.len()))
        .collect();
    for window in starts.windows(4) {
        let &[before, first, after, next] = window else {
            continue;
        };
        let lines = after - first;
        let paragraph = |index: usize| {
            blocks
                .get(index)
                .is_some_and(|b| b.text.chars().count() >= INLINE_GROUP_PARAGRAPH_CHARS)
        };
        let between_paragraphs = (first - before == 1 && next - after == 1)
            || (paragraph(first - 1) && paragraph(after));
        if between_paragraphs && (2..=INLINE_GROUP_MAX_LINES).contains(&lines) {
            for (index, block) in blocks.iter_mut().enumerate().take(after).skip(first) {
                block.inline_box = after
                    .checked_sub(index + 1)
                    .and_then(|rest| u32::try_from(rest).ok());
            }
        }
    }
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

/// How many lines may stand between two numbered items of one list.
const NUMBERED_ITEM_GAP: usize = 2;

/// The number a line opens with and what follows it, `)` or `.` and a space ("12) ", "3. ").
fn number_of(text: &str) -> Option<(u32, u8)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = text.get(digits..)?;
    if !(rest.starts_with(") ") || rest.starts_with(". ")) {
        return None;
    }
    Some((text.get(..digits)?.parse().ok()?, *rest.as_bytes().first()?))
}

/// Numbered lines counting up from any number, two or more with the same punctuation, are
/// a list; the number stays in the text (in plain text it is the reader's own).
fn mark_numbered_lists(blocks: &mut [Candidate]) {
    let mut i = 0;
    while i < blocks.len() {
        let Some((first, mark)) = blocks.get(i).and_then(|b| number_of(&b.text)) else {
            i += 1;
            continue;
        };
        let mut items = vec![i];
        let mut expected = first + 1;
        let mut at = i;
        while let Some(next) = (at + 1..=at + 1 + NUMBERED_ITEM_GAP)
            .find(|&j| blocks.get(j).and_then(|b| number_of(&b.text)) == Some((expected, mark)))
        {
            items.push(next);
            expected += 1;
            at = next;
        }
        if items.len() >= 2 {
            for &index in &items {
                if let Some(block) = blocks.get_mut(index) {
                    block.kind = BlockKind::ListItem;
                }
            }
        }
        i = at + 1;
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
    fn a_group_between_two_paragraphs_is_an_inline_box() {
        let (blocks, _) = candidates(
            "First paragraph.\n\nSupport us\nWe rely on readers.\nDonate\n\nSecond paragraph.\n",
        );
        let boxes: Vec<_> = blocks.iter().map(|b| b.inline_box).collect();
        assert_eq!(boxes, [None, Some(2), Some(1), Some(0), None]);
        // Beside a group of two lines, the group is no box: the text's groups are not its
        // paragraphs there.
        let (blocks, _) = candidates("One.\nTwo.\n\nSupport us\nDonate\n\nThree.\n\nFour.\n");
        assert!(blocks.iter().all(|b| b.inline_box.is_none()));
    }

    #[test]
    fn a_group_between_paragraphs_that_run_on_is_an_inline_box() {
        let paragraph =
            |n: usize| format!("Paragraph {n} of the article{}.", " goes on".repeat(12));
        let page = format!(
            "{}\n{}\n\nSupport us\nWe rely on readers.\nDonate\n\n{}\n{}\n",
            paragraph(1),
            paragraph(2),
            paragraph(3),
            paragraph(4)
        );
        let (blocks, _) = candidates(&page);
        let boxes: Vec<_> = blocks.iter().map(|b| b.inline_box).collect();
        assert_eq!(boxes, [None, None, Some(2), Some(1), Some(0), None, None]);
        // Beside short lines (a menu, headlines), the lines are no paragraphs.
        let (blocks, _) = candidates(&format!(
            "Home\nNews\n\nSupport us\nDonate\n\n{}\n{}\n",
            paragraph(1),
            paragraph(2)
        ));
        assert!(blocks.iter().all(|b| b.inline_box.is_none()));
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

    /// `text` wrapped at `width` as `fmt` or `lynx -dump` would.
    fn wrapped(text: &str, width: usize) -> String {
        let mut out = String::new();
        let mut line = String::new();
        for word in text.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
        out
    }

    const PARAGRAPHS: [&str; 3] = [
        "The council met on Tuesday evening to decide whether the old swimming pool on the river bank should be repaired or closed for good, after engineers found cracks in two of its walls during the spring inspection.",
        "Residents who spoke at the meeting asked for the pool to stay open at least until the end of the summer, because the next public pool is more than an hour away by bus and many families have no car.",
        "The council will publish the engineers' full report next week and take its decision in September, after a second inspection that the insurer has asked for before it renews the building's cover.",
    ];

    #[test]
    fn a_text_wrapped_at_a_width_has_its_paragraphs_joined_back() {
        let page = format!(
            "Home\nNews\nSport\nWeather\n\nPool may close after cracks found\n{}\n{}\n{}\n© 2025 The River Gazette\n",
            wrapped(PARAGRAPHS[0], 72),
            wrapped(PARAGRAPHS[1], 72),
            wrapped(PARAGRAPHS[2], 72),
        );
        let (blocks, _) = candidates(&page);
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        let mut expected = vec!["Home", "News", "Sport", "Weather"];
        expected.push("Pool may close after cracks found");
        expected.extend(PARAGRAPHS);
        expected.push("© 2025 The River Gazette");
        assert_eq!(texts, expected);
    }

    #[test]
    fn a_short_article_wrapped_under_a_long_menu_is_joined_back() {
        // Thirty menu entries of 20 to 35 characters: more lines than the article's, none of
        // them near the width.
        let menu: Vec<String> = (1..=30)
            .map(|n| format!("Section number {n} of the site"))
            .collect();
        let page = format!(
            "{}\n\nPool may close after cracks found\n\n{}\n{}\n{}\n",
            menu.join("\n"),
            wrapped(PARAGRAPHS[0], 72),
            wrapped(PARAGRAPHS[1], 72),
            wrapped(PARAGRAPHS[2], 72),
        );
        let (blocks, _) = candidates(&page);
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        for paragraph in PARAGRAPHS {
            assert!(texts.contains(&paragraph), "{texts:#?}");
        }
        assert!(texts.contains(&"Section number 7 of the site"));
    }

    #[test]
    fn a_text_of_one_paragraph_a_line_or_of_headlines_stays_as_it_is() {
        let page = PARAGRAPHS.join("\n");
        let (blocks, _) = candidates(&page);
        assert_eq!(blocks.len(), 3);
        // Headlines of about one length, each opening with a capital: no paragraph broken off.
        let headlines = [
            "Council to decide on the future of the river pool in September",
            "Bus company adds a late service on Fridays and Saturdays this summer",
            "School garden wins the regional prize for the second year running",
            "Bridge works on the high street will close one lane until October",
            "Library extends its opening hours during the school summer holidays",
            "New cycle path along the canal opens after two years of planning",
            "Farmers market moves to the station square while the hall is repaired",
        ];
        let (blocks, _) = candidates(&headlines.join("\n"));
        assert_eq!(blocks.len(), headlines.len());
    }

    #[test]
    fn a_lynx_dump_loses_its_link_numbers_when_it_lists_their_targets() {
        let page = "[1]Home [2]News\n\nThe council met on [3]Tuesday and cited [4]a report [5].\n\nReferences\n\n   Visible links\n   1. https://example.com/\n   2. https://example.com/news\n";
        let (blocks, _) = candidates(page);
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Home News",
                "The council met on Tuesday and cited a report .",
                "References",
                "Visible links",
                "1. https://example.com/",
                "2. https://example.com/news",
            ]
        );
        // Without the list, a "[1]" is the text's own (a footnote mark).
        let (blocks, _) = candidates("As shown in [1], the pool is safe.\n");
        assert_eq!(blocks[0].text, "As shown in [1], the pool is safe.");
        assert_eq!(
            strip_link_numbers("[x] [123456]keep [12]go"),
            "[x] [123456]keep go"
        );
    }

    #[test]
    fn empty_and_blank_pages() {
        assert!(candidates("").0.is_empty());
        assert!(candidates("\n\n \t\n").0.is_empty());
    }

    #[test]
    fn numbered_lines_counting_up_make_lists() {
        let page = "Our picks:\n1) A lamp\nhttps://example.com/a\n2) A chair\nhttps://example.com/b\n3. Not this one\n\n7. Seven\n8. Eight\n2024. A year, not an item\n";
        let (blocks, _) = candidates(page);
        let kinds: Vec<_> = blocks
            .iter()
            .map(|b| b.kind == BlockKind::ListItem)
            .collect();
        assert_eq!(
            kinds,
            [false, true, false, true, false, false, true, true, false]
        );
        assert_eq!(blocks.get(1).map(|b| b.text.as_str()), Some("1) A lamp"));
    }
}

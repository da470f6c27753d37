//! The body as markdown (CommonMark with GFM tables), from the structure the blocks carry:
//! headings as `#`…, lists (ordered, nested), block quotes, fenced code, tables.
//!
//! Plain-text input has no structure: its markdown is its plain body. Pure: no IO, no panics.

use deboil_strip::{Article, Block, BlockKind};

/// Spaces per list nesting level: enough for the content column of `- ` and `1. ` alike.
const LIST_INDENT: usize = 4;

/// The article's body in markdown, without trailing newlines.
pub fn markdown(article: &Article) -> String {
    if !article.markup {
        return article.body();
    }
    let mut out = String::new();
    // Ordered list numbers per nesting level; reset when a list ends.
    let mut numbers: Vec<u32> = Vec::new();
    let mut prev: Option<&Block> = None;
    let blocks = &article.blocks;
    let mut i = 0;
    while let Some(block) = blocks.get(i) {
        if !out.is_empty() {
            let tight = prev.is_some_and(|p| p.kind == BlockKind::ListItem)
                && block.kind == BlockKind::ListItem;
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        if block.kind != BlockKind::ListItem {
            numbers.clear();
        }
        match block.kind {
            // A heading of unknown level is a line the classifier found heading-like, not
            // one the markup says is a heading.
            BlockKind::Paragraph => push_escaped(&mut out, &block.text, true),
            BlockKind::Heading if block.layout.level == 0 => {
                push_escaped(&mut out, &block.text, true);
            }
            BlockKind::Heading => {
                let level = usize::from(block.layout.level.min(6));
                out.push_str(&"#".repeat(level));
                out.push(' ');
                push_escaped(&mut out, &block.text, true);
            }
            BlockKind::ListItem => push_list_item(&mut out, block, &mut numbers),
            BlockKind::Quote => {
                // Consecutive quote blocks stay one quote.
                if prev.is_some_and(|p| p.kind == BlockKind::Quote) && out.ends_with("\n\n") {
                    out.truncate(out.len() - 1);
                    out.push_str(">\n");
                }
                out.push_str("> ");
                push_escaped(&mut out, &block.text, true);
            }
            BlockKind::Preformatted => push_code(&mut out, &block.text),
            BlockKind::TableRow => {
                let end = table_end(blocks, i);
                push_table(&mut out, blocks.get(i..end).unwrap_or(&[]));
                prev = blocks.get(end.saturating_sub(1));
                i = end;
                continue;
            }
        }
        prev = Some(block);
        i += 1;
    }
    let trimmed = out.trim_end_matches(['\n', '\r']).len();
    out.truncate(trimmed);
    out
}

fn push_list_item(out: &mut String, block: &Block, numbers: &mut Vec<u32>) {
    let level = usize::from(block.layout.level);
    numbers.resize(level + 1, 0);
    out.push_str(&" ".repeat(level * LIST_INDENT));
    if block.layout.ordered {
        let n = numbers.get_mut(level).map_or(1, |n| {
            *n += 1;
            *n
        });
        out.push_str(&n.to_string());
        out.push_str(". ");
    } else {
        if let Some(n) = numbers.get_mut(level) {
            *n = 0;
        }
        out.push_str("- ");
    }
    push_escaped(out, &block.text, true);
}

/// A fenced code block; the fence is longer than any run of backticks in the code.
fn push_code(out: &mut String, code: &str) {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    out.push_str(&fence);
    out.push('\n');
    out.push_str(code.trim_end_matches(['\n', '\r']));
    out.push('\n');
    out.push_str(&fence);
}

/// Index after the last row of the table starting at `start`.
fn table_end(blocks: &[Block], start: usize) -> usize {
    let mut end = start + 1;
    while blocks
        .get(end)
        .is_some_and(|b| b.kind == BlockKind::TableRow && !b.layout.table_start)
    {
        end += 1;
    }
    end
}

/// A GFM table: the first row is the header (GFM requires one), short rows padded. Rows that
/// go on a table after blocks between (rows the classifier removed, rows of block elements)
/// get an empty header: a data row is no header.
fn push_table(out: &mut String, blocks: &[Block]) {
    let mut rows: Vec<Vec<&str>> = blocks.iter().map(row_cells).collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    if blocks.first().is_some_and(|b| !b.layout.table_start) {
        rows.insert(0, Vec::new());
    }
    for (r, cells) in rows.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        out.push('|');
        for c in 0..columns {
            out.push(' ');
            push_cell(out, cells.get(c).copied().unwrap_or(""));
            out.push_str(" |");
        }
        if r == 0 {
            out.push_str("\n|");
            for _ in 0..columns {
                out.push_str(" --- |");
            }
        }
    }
}

fn row_cells(block: &Block) -> Vec<&str> {
    if block.layout.cells.is_empty() {
        block.text.split(" | ").map(str::trim).collect()
    } else {
        block.cells()
    }
}

fn push_cell(out: &mut String, cell: &str) {
    let start = out.len();
    // No block marker inside a cell: `#` or `1.` there is text.
    push_escaped(out, cell, false);
    // A pipe ends a cell even when escaped for emphasis; GFM wants `\|` inside cells.
    if out.get(start..).is_some_and(|s| s.contains('|')) {
        let escaped = out.get(start..).unwrap_or("").replace('|', "\\|");
        out.truncate(start);
        out.push_str(&escaped);
    }
}

/// Text with markdown's special characters escaped: inline markup (`*`, `` ` ``, `_` at
/// word edges, `[`, `]`, `<`, `\`) everywhere; a block marker (`#`, `>`, `-`, `+`, `1.`)
/// at the start of the text when `block_start` (other block kinds start with their own).
fn push_escaped(out: &mut String, text: &str, block_start: bool) {
    // Where a backslash goes to stop the text reading as a block marker: before `#`, `>`,
    // `-`, `+`, `=`; before the `.` or `)` of `1.` (a backslash before a digit is literal).
    let marker = if block_start {
        block_marker_escape(text)
    } else {
        None
    };
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let escape = match c {
            '\\' | '*' | '`' | '[' | ']' | '<' => true,
            // Inside a word (`snake_case`) an underscore is never emphasis.
            '_' => {
                let inner = prev.is_some_and(char::is_alphanumeric)
                    && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
                !inner
            }
            _ => marker == Some(at),
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
}

/// The byte offset of the character to escape when `text` starts like a block marker.
fn block_marker_escape(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let t = text.get(lead..)?;
    let mut chars = t.chars();
    match chars.next()? {
        '#' | '>' => Some(lead),
        '-' | '+' | '=' if matches!(chars.next(), None | Some(' ')) || t.starts_with("---") => {
            Some(lead)
        }
        c if c.is_ascii_digit() => {
            let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let rest = t.get(digits..)?;
            let list =
                rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")";
            (list && digits <= 9).then_some(lead + digits)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deboil_strip::Layout;

    fn block(kind: BlockKind, text: &str, layout: Layout) -> Block {
        Block::new(kind, text.into(), layout)
    }

    fn html_article(blocks: Vec<Block>) -> Article {
        Article {
            blocks,
            markup: true,
            ..Article::default()
        }
    }

    #[test]
    fn code_fence_is_longer_than_backtick_runs_in_the_code() {
        let a = html_article(vec![block(
            BlockKind::Preformatted,
            "a ```` b",
            Layout::default(),
        )]);
        assert_eq!(markdown(&a), "`````\na ```` b\n`````");
    }

    #[test]
    fn rows_of_two_tables_make_two_tables_and_a_broken_table_gets_an_empty_header() {
        let row = |text: &str, cells: Vec<u32>, table_start: bool| {
            block(
                BlockKind::TableRow,
                text,
                Layout {
                    cells,
                    table_start,
                    ..Layout::default()
                },
            )
        };
        let a = html_article(vec![
            row("a | b", vec![0, 1], true),
            row("c | d", vec![0, 1], false),
            row("e | f", vec![0, 1], true),
            block(BlockKind::Paragraph, "g", Layout::default()),
            row("h | i", vec![0, 1], false),
        ]);
        assert_eq!(
            markdown(&a),
            "| a | b |\n| --- | --- |\n| c | d |\n\n| e | f |\n| --- | --- |\n\ng\n\n\
             |  |  |\n| --- | --- |\n| h | i |"
        );
    }

    #[test]
    fn escapes_inline_markup_but_not_underscores_inside_words() {
        let a = html_article(vec![block(
            BlockKind::Paragraph,
            "- a *b* [c] snake_case _d_",
            Layout::default(),
        )]);
        assert_eq!(markdown(&a), "\\- a \\*b\\* \\[c\\] snake_case \\_d\\_");
    }
}

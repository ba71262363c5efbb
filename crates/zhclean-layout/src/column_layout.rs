//! ## What it does
//! Reads a page printed in two columns side by side, as `pdftotext -layout` prints a
//! two-column PDF, one column after the other: the right-hand halves of the lines move, in
//! order, after the last line of the left column. A line that crosses the gutter (a title
//! over both columns) stays where it is and closes the columns above it. Pages are the parts
//! between form feeds.
//!
//! ## Why
//! Read line by line, such a page alternates between two texts: every sentence is cut in half
//! and continued by the other column. The gutter is a wide run of spaces at one position on many
//! lines, with prose on both sides of it.
//!
//! ## Example
//! ```text
//!   各位代表：                   绩，是在我国经济总量超过
//!   现在，我代表国务院，向大会   得的。现在国内生产总值每
//! ```
//! becomes the left column (`各位代表：` / `现在，我代表国务院，向大会`) followed by the right one.
//!
//! ## Fix safety
//! Safe: it needs at least eight lines that start a column of prose at one gutter position, two
//! of them beside the left column, and almost no line across the gutter; every character is
//! kept, and only their order changes. Tables whose cells are short do not qualify.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::COLUMN_LAYOUT.name;

/// Lines that start the right column at the gutter in a two-column layout, at least.
const MIN_SIDE_BY_SIDE: usize = 8;
/// Spaces that separate the columns at least.
const MIN_GUTTER: usize = 2;
/// Characters a column of prose is wide at least: a gap nearer the margin follows a label
/// (`第二十九条   公共图书馆…`), not a column.
const MIN_COLUMN_WIDTH: usize = 16;

/// A line of the text: its byte range (without the newline) and its characters.
struct Line<'a> {
    start: usize,
    text: &'a str,
}

impl Line<'_> {
    /// The byte offset in the line of character `index`, when the line is that long.
    fn byte_at(&self, index: usize) -> Option<usize> {
        self.text.char_indices().nth(index).map(|(i, _)| i)
    }

    /// True when the line has text from character `gutter` on (perhaps indented), after at
    /// least [`MIN_GUTTER`] spaces.
    fn starts_column_at(&self, gutter: usize) -> bool {
        let chars: Vec<char> = self.text.chars().collect();
        chars.len() > gutter
            && chars[gutter - MIN_GUTTER..gutter].iter().all(|&c| c == ' ')
            && chars[gutter..].iter().any(|&c| c != ' ')
    }

    /// The left part (before the gutter, trimmed), when the line reaches the gutter.
    fn left(&self, gutter: usize) -> &str {
        self.byte_at(gutter).map_or(self.text, |at| &self.text[..at]).trim_end()
    }
}

/// Proposes moving the right column of every two-column page after its left column.
pub fn changes(text: &str) -> Vec<Change> {
    // Only lines with a run of spaces can start a column: most documents have too few to look
    // further.
    if lines_with_a_gap(text) < MIN_SIDE_BY_SIDE {
        return Vec::new();
    }
    let lines = lines(text);
    let Some(gutter) = gutter(&lines) else { return Vec::new() };
    let mut changes = Vec::new();
    let mut moved: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line_end = line.start + line.text.len();
        let page_ends = text[line_end..].starts_with("\n\u{c}") || i + 1 == lines.len();
        if line.starts_column_at(gutter) {
            let at = line.byte_at(gutter).unwrap_or(line.text.len());
            let left = line.left(gutter).trim_start_matches('\u{c}');
            let right = &line.text[at..];
            moved.push(right.trim_end());
            if left.trim().is_empty() {
                // A line of the right column alone: it goes, newline and all.
                let from = line.start + (line.text.len() - line.text.trim_start_matches('\u{c}').len());
                changes.push(Change::delete(NAME, TextRange::new(from, (line_end + 1).min(text.len()))));
            } else {
                let left_end = line.start + line.left(gutter).len();
                changes.push(Change::delete(NAME, TextRange::new(left_end, line_end)));
            }
        } else if crosses(line, gutter) && !moved.is_empty() {
            changes.push(insertion(&mut moved, line.start, false));
        }
        if page_ends && !moved.is_empty() {
            let at = (line_end + 1).min(text.len());
            changes.push(insertion(&mut moved, at, !text[..at].ends_with('\n')));
        }
    }
    changes
}

/// The insertion at `at` of the lines of the right column gathered so far (after a newline
/// when `at` ends a line without one).
fn insertion(moved: &mut Vec<&str>, at: usize, after_newline: bool) -> Change {
    let lines: String = moved.drain(..).map(|line| format!("{line}\n")).collect();
    let block = if after_newline { format!("\n{}", lines.trim_end()) } else { lines };
    Change::replace(NAME, TextRange::new(at, at), block)
}

/// The lines of `text` that hold a run of spaces, counted up to [`MIN_SIDE_BY_SIDE`].
fn lines_with_a_gap(text: &str) -> usize {
    let (mut count, mut from) = (0, 0);
    while count < MIN_SIDE_BY_SIDE
        && let Some(at) = memchr::memmem::find(&text.as_bytes()[from..], b"  ")
    {
        count += 1;
        let gap = from + at;
        from = memchr::memchr(b'\n', &text.as_bytes()[gap..]).map_or(text.len(), |end| gap + end + 1);
    }
    count
}

/// True when the line has text on both sides of the gutter without a gap: it spans the page.
fn crosses(line: &Line, gutter: usize) -> bool {
    let chars: Vec<char> = line.text.chars().take(gutter + 1).collect();
    chars.len() > gutter && chars[gutter - 1] != ' ' && chars[gutter] != ' '
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let found = Line { start, text: line };
            start += line.len() + 1;
            found
        })
        .collect()
}

/// The character position of the gutter of a two-column layout: the position (at least
/// [`MIN_COLUMN_WIDTH`] in) where most lines start a column of prose (ten characters or more)
/// after a run of spaces, if at least [`MIN_SIDE_BY_SIDE`] do, at least two of them beside
/// prose of the left column, and at most one line in ten runs across it.
fn gutter(lines: &[Line]) -> Option<usize> {
    // Only lines with a run of spaces can start a column.
    let gapped: Vec<&Line> = lines.iter().filter(|line| line.text.contains("  ")).collect();
    if gapped.len() < MIN_SIDE_BY_SIDE {
        return None;
    }
    let rows: Vec<Vec<char>> = gapped.iter().map(|line| line.text.chars().collect()).collect();
    // Lines without a run of spaces run across every position they reach.
    let mut solid: Vec<usize> =
        lines.iter().filter(|line| !line.text.contains("  ")).map(|line| line.text.chars().count()).collect();
    solid.sort_unstable();
    let widest = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut best: Option<(usize, usize)> = None;
    for p in MIN_COLUMN_WIDTH..widest {
        let solid_across = solid.len() - solid.partition_point(|&len| len <= p);
        let (mut starts, mut beside, mut across, mut reaching) = (0, 0, solid_across, solid_across);
        for row in rows.iter().filter(|row| row.len() > p) {
            reaching += 1;
            let gap = row[p - MIN_GUTTER..p].iter().all(|&c| c == ' ');
            if !gap {
                across += 1;
            } else if row[p] != ' ' && row.len() - p >= 10 {
                starts += 1;
                beside += usize::from(row[..p].iter().filter(|&&c| c != ' ').count() * 2 >= p);
            }
        }
        let clear = across * 10 <= reaching;
        if clear && starts >= MIN_SIDE_BY_SIDE && beside >= 2 && best.is_none_or(|(n, _)| starts > n) {
            best = Some((starts, p));
        }
    }
    best.map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::Document;

    fn apply(text: &str) -> String {
        let mut doc = Document::new(text);
        let changes = changes(doc.text());
        doc.apply(changes);
        doc.into_text()
    }

    fn two_columns(rows: usize) -> (String, String) {
        let mut page = String::from("            标题横跨两栏的一行文字\n");
        let (mut left, mut right) = (String::new(), String::new());
        for i in 0..rows {
            let l = format!("左栏第{i}行的文字内容，继续写下去");
            let r = format!("右栏第{i}行的文字内容，还在写");
            page.push_str(&format!("{l}    {r}\n"));
            left.push_str(&format!("{l}\n"));
            right.push_str(&format!("{r}\n"));
        }
        (page, format!("            标题横跨两栏的一行文字\n{left}{right}"))
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let (page, expected) = two_columns(9);
        assert_eq!(apply(&page), expected);
        let (page, expected) = two_columns(9);
        assert_eq!(apply(&format!("{page}\u{c}{page}")), format!("{expected}\u{c}{expected}"));
    }

    #[test]
    fn one_column_and_tables_stay() {
        let (page, _) = two_columns(5);
        assert_eq!(apply(&page), page);
        let table = "项目    金额\n".repeat(12);
        assert_eq!(apply(&table), table);
        let prose = "  双方指出，两国关系达到历史最高水平，\n不断向前发展。\n".repeat(10);
        assert_eq!(apply(&prose), prose);
        let articles = "  第二十九条   公共图书馆应当定期对其设施设备进行检查维护。\n".repeat(10);
        assert_eq!(apply(&articles), articles);
    }
}

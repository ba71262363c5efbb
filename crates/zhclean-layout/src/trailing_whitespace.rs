//! ## What it does
//! Removes spaces, tabs, ideographic spaces and no-break spaces at the end of a line; the
//! trailing tabs of a row of tab-separated cells are its empty cells and stay.
//!
//! ## Why
//! Trailing whitespace is invisible, differs between copies of the same text, and breaks the
//! detection of line ends and duplicates.
//!
//! ## Example
//! ```text
//! 双方指出，合作。␠␠   → 双方指出，合作。
//! ```
//!
//! ## Fix safety
//! Safe: nothing visible changes.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::TRAILING_WHITESPACE.name;

pub(crate) fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}')
}

/// Proposes a deletion of the whitespace that ends each line.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let body = body.strip_suffix('\r').unwrap_or(body);
        let mut kept = body.trim_end_matches(is_blank).len();
        // A row of cells set apart by tabs ends in empty cells: its trailing tabs are cells.
        if body[..kept].contains('\t') {
            kept = body.trim_end_matches(|c| c != '\t' && is_blank(c)).len();
        }
        if kept < body.len() {
            let range = TextRange::new(line_start + kept, line_start + body.len());
            changes.push(Change::delete(NAME, range));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_blanks_of_every_kind() {
        let text = "甲 \t\n乙\u{3000}\n丙\n \u{A0}";
        let ranges: Vec<_> = changes(text).iter().map(|c| &text[c.range.as_range()]).collect();
        assert_eq!(ranges, [" \t", "\u{3000}", " \u{A0}"]);
    }

    #[test]
    fn empty_cells_of_a_tab_separated_row_stay() {
        let text = "李娜\t96.3\t101.0\t\n王芳\t88.0\t \n";
        let ranges: Vec<_> = changes(text).iter().map(|c| &text[c.range.as_range()]).collect();
        assert_eq!(ranges, [" "]);
    }
}

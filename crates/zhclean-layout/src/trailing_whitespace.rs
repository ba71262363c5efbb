//! ## What it does
//! Removes spaces, tabs, ideographic spaces and no-break spaces at the end of a line.
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
        let kept = body.trim_end_matches(is_blank).len();
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
}

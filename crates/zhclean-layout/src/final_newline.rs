//! ## What it does
//! Makes a non-empty text end with exactly one line break.
//!
//! ## Why
//! Files without a final newline, or with blank lines at the end, differ from their clean copies
//! in ways no reader sees.
//!
//! ## Example
//! ```text
//! 双方同意。（no newline）   → 双方同意。\n
//! ```
//!
//! ## Fix safety
//! Safe: only the end of the file changes.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::FINAL_NEWLINE.name;

/// Proposes adding a missing final newline or removing blank lines at the end.
pub fn changes(text: &str) -> Vec<Change> {
    let body_end = text.trim_end_matches('\n').len();
    if body_end == 0 {
        return if text.is_empty() { vec![] } else { vec![Change::delete(NAME, (0..text.len()).into())] };
    }
    match text.len() - body_end {
        0 => vec![Change::insert(NAME, text.len(), "\n")],
        1 => vec![],
        _ => vec![Change::delete(NAME, TextRange::new(body_end + 1, text.len()))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::fixed;

    #[test]
    fn exactly_one_final_newline() {
        assert_eq!(fixed(changes, "甲"), "甲\n");
        assert_eq!(fixed(changes, "甲\n"), "甲\n");
        assert_eq!(fixed(changes, "甲\n\n\n"), "甲\n");
        assert_eq!(fixed(changes, "\n\n"), "");
        assert_eq!(fixed(changes, ""), "");
    }
}

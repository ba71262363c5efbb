//! `final-newline`: a non-empty text ends with exactly one newline.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = "final-newline";

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

//! `middle-dot`: the dot between the parts of a transliterated name is the middle dot `·`
//! (U+00B7). The katakana middle dot `・`, the hyphenation point `‧`, bullets `•` and the
//! operators `∙` `⋅` between Han characters (`弗・弗・普京`) become `·`.

use zhclean_core::chars::is_han;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = "middle-dot";

fn is_wrong_dot(c: char) -> bool {
    matches!(c, '・' | '‧' | '•' | '∙' | '⋅' | '･')
}

/// Proposes `·` for every wrong middle dot between Han characters.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if is_wrong_dot(c) && prev.is_some_and(is_han) && next.is_some_and(is_han) {
            changes.push(Change::replace(NAME, TextRange::new(i, i + c.len_utf8()), "·"));
        }
        prev = Some(c);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::fixed;

    #[test]
    fn name_dots() {
        assert_eq!(fixed(changes, "弗・弗・普京"), "弗·弗·普京");
        assert_eq!(fixed(changes, "列夫‧托尔斯泰"), "列夫·托尔斯泰");
        assert_eq!(fixed(changes, "• 列表项"), "• 列表项");
        assert_eq!(fixed(changes, "カタ・カナ"), "カタ・カナ");
    }
}

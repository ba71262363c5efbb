//! ## What it does
//! Writes the dot between the parts of a transliterated name as the middle dot `·` (U+00B7): the
//! hyphenation point `‧`, bullets and operators between Han characters, and the katakana middle dot
//! `・` inside a name (next to an initial, or among three parts or more).
//!
//! ## Why
//! PDF fonts map the middle dot to the katakana one; Big5 text uses `‧`; search for `弗·弗·普京`
//! then misses the name.
//!
//! ## Example
//! ```text
//! 弗・弗・普京       → 弗·弗·普京
//! ```
//!
//! ## Fix safety
//! Safe: a katakana dot between two words that are not a name (`江神子・江城子`) stays, and so
//! does any dot in Japanese or Latin text.

use zhclean_core::chars::is_han;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::MIDDLE_DOT.name;
/// A dot that is not the middle dot.
pub(crate) fn is_trigger(c: char) -> bool {
    is_wrong_dot(c)
}

fn is_wrong_dot(c: char) -> bool {
    matches!(c, '・' | '‧' | '•' | '∙' | '⋅' | '･')
}

/// Proposes `·` for every wrong middle dot between Han characters. The katakana middle dot
/// `・` is replaced only inside a name: next to an initial (`弗・弗・普京`, a part of one
/// character) or among three parts or more. Elsewhere (`江神子・江城子`, two titles of one tune)
/// it may be an edition's separator, and stays.
pub fn changes(text: &str) -> Vec<Change> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut changes = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        if !is_wrong_dot(c) || !prev.is_some_and(is_han) || !next.is_some_and(is_han) {
            continue;
        }
        if c != '・' || (is_in_name(&chars, k) && !in_japanese(text, i)) {
            changes.push(Change::replace(NAME, TextRange::new(i, i + c.len_utf8()), "·"));
        }
    }
    changes
}

/// True when the line of `text` that holds byte `at` holds kana: Japanese, whose middle dot
/// `・` is its own (`東京・大阪・名古屋は`).
fn in_japanese(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].chars().any(|c| matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FA}'))
}

/// True when the dot at `k` joins the parts of a name: a part of one character (an initial),
/// or a second dot in the same run of Han characters and dots.
fn is_in_name(chars: &[(usize, char)], k: usize) -> bool {
    let part = |range: &mut dyn Iterator<Item = usize>| range.take_while(|&j| is_han(chars[j].1)).count();
    let before = part(&mut (0..k).rev());
    let after = part(&mut (k + 1..chars.len()));
    let dot_beyond = |j: Option<usize>| j.is_some_and(|j| chars.get(j).is_some_and(|&(_, c)| is_wrong_dot(c)));
    before == 1 || after == 1 || dot_beyond(k.checked_sub(before + 1)) || dot_beyond(Some(k + after + 1))
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
        assert_eq!(fixed(changes, "约・拜登"), "约·拜登");
        assert_eq!(fixed(changes, "江神子・江城子"), "江神子・江城子");
        assert_eq!(fixed(changes, "カタ・カナ"), "カタ・カナ");
        assert_eq!(fixed(changes, "東京・大阪・名古屋は大きい"), "東京・大阪・名古屋は大きい");
    }
}

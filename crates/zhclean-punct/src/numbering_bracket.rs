//! ## What it does
//! Repairs the brackets around a list number that OCR misread: an opening bracket closed by a
//! bracket of another kind (`《一)`, `(一》`, `【二）`) becomes the numbering bracket pair
//! `（一）`.
//!
//! ## Why
//! `（一）` numbers sections and items in Chinese documents; OCR often reads its round brackets
//! as book-title marks or square brackets, one at a time. A pair that does not match cannot be
//! what the author wrote, and around a bare number it can only be the numbering pair.
//!
//! ## Example
//! ```text
//! 《一)总则       → （一）总则
//! ```
//!
//! ## Fix safety
//! Safe: only mismatched pairs around one to three Chinese numerals or digits are changed; a
//! matched pair (`《一》`, `【一】`) is a title or a label and stays.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::NUMBERING_BRACKET.name;

const NUMERALS: &str = "一二三四五六七八九十〇零";
/// An opening bracket.
pub(crate) fn is_trigger(c: char) -> bool {
    opening(c).is_some()
}

fn opening(c: char) -> Option<char> {
    match c {
        '(' | '（' => Some(')'),
        '《' => Some('》'),
        '【' => Some('】'),
        '〔' => Some('〕'),
        '[' => Some(']'),
        _ => None,
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, ')' | '）' | '》' | '】' | '〕' | ']')
}

/// Proposes `（N）` for every mismatched bracket pair around a number `N`.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (start, open) in text.char_indices() {
        let Some(partner) = opening(open) else { continue };
        let inner_start = start + open.len_utf8();
        let number = text[inner_start..].chars().take_while(|&c| NUMERALS.contains(c) || c.is_ascii_digit()).count();
        let Some((offset, close)) = text[inner_start..].char_indices().nth(number) else { continue };
        let matched = close == partner || (partner == ')' && close == '）');
        if (1..=3).contains(&number) && is_closing(close) && !matched {
            let close_at = inner_start + offset;
            let inner = &text[inner_start..close_at];
            changes.push(Change::replace(
                NAME,
                TextRange::new(start, close_at + close.len_utf8()),
                format!("（{inner}）"),
            ));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, assert_unchanged};

    #[test]
    fn mismatched_numbering_brackets_are_repaired() {
        assert_fixes(changes, &[("《一)总则", "（一）总则"), ("(二》设立", "（二）设立"), ("【3）条", "（3）条")]);
        assert_unchanged(changes, &["《一》", "【一】", "（一）", "(一)", "《孔乙己)》", "（一二三四）"]);
    }
}

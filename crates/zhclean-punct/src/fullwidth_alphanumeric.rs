//! ## What it does
//! Turns full-width ASCII letters and digits (`２０２５`, `ＡＢＣ`) into half-width ones; full-width
//! punctuation stays full-width.
//!
//! ## Why
//! GB/T 15834 and the national standard for numbers write digits and Latin letters half-width;
//! full-width forms break search and number parsing.
//!
//! ## Example
//! ```text
//! ２０２５年         → 2025年
//! ```
//!
//! ## Fix safety
//! Safe: the characters are compatibility forms of the same letters and digits.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::FULLWIDTH_ALPHANUMERIC.name;
/// A full-width letter or digit.
pub(crate) fn is_trigger(c: char) -> bool {
    halfwidth(c).is_some()
}

fn halfwidth(c: char) -> Option<char> {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ').then(|| char::from_u32(c as u32 - 0xFEE0)).flatten()
}

/// Proposes the half-width form of every run of full-width letters and digits.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut run: Option<(usize, usize, String)> = None;
    for (i, c) in text.char_indices() {
        match halfwidth(c) {
            Some(h) => {
                let (_, end, replacement) = run.get_or_insert_with(|| (i, i, String::new()));
                *end = i + c.len_utf8();
                replacement.push(h);
            }
            None => changes.extend(run.take().map(|(s, e, r)| Change::replace(NAME, TextRange::new(s, e), r))),
        }
    }
    changes.extend(run.map(|(s, e, r)| Change::replace(NAME, TextRange::new(s, e), r)));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_become_halfwidth() {
        let text = "２０２５年ＡＢＣ公司，ｘ";
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        assert_eq!(doc.text(), "2025年ABC公司，x");
        assert_eq!(doc.edits().len(), 3);
    }
}

//! ## What it does
//! In the copywriting profile only, puts one space between Han characters and Latin letters or
//! digits, as copywriting guides and `autocorrect` do. The default GB/T 15834 profile never adds
//! these spaces.
//!
//! ## Why
//! Technical writing in Chinese often follows the copywriting convention; a document in that style
//! should be consistent.
//!
//! ## Example
//! ```text
//! 在2025年           → 在 2025 年 (--profile copywriting)
//! ```
//!
//! ## Fix safety
//! Safe within its profile: it runs only when `--profile copywriting` asks for it.

use zhclean_core::chars::is_han;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::COPYWRITING_SPACING.name;

/// A Latin letter or a digit.
pub(crate) fn is_trigger(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Proposes a space at every boundary between Han and Latin letters or digits.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if let Some(p) = prev {
            let boundary = (is_han(p) && c.is_ascii_alphanumeric()) || (p.is_ascii_alphanumeric() && is_han(c));
            if boundary {
                changes.push(Change::replace(NAME, TextRange::empty(i), " "));
            }
        }
        prev = Some(c);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_between_han_and_latin() {
        let text = "在2025年5月与APEC会谈，已有 空格";
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        assert_eq!(doc.text(), "在 2025 年 5 月与 APEC 会谈，已有 空格");
    }
}

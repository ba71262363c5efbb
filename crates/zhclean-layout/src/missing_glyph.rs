//! ## What it does
//! Replaces a NUL character and the noncharacters `U+FFFE` and `U+FFFF` with the replacement
//! character `U+FFFD` (`�`), which `replacement-character` then reports.
//!
//! ## Why
//! A PDF extractor writes a NUL (or `U+FFFF`) where a glyph of the font has no Unicode value:
//! a character of the text is missing there. Neither is a character of any text, and a NUL
//! cuts the text short for every tool that reads C strings. `U+FFFD` is the character Unicode
//! sets aside for "a character that could not be read", so the loss stays visible and is
//! counted with the others.
//!
//! ## Example
//! ```text
//! 推动电影领域合\0，包括     → 推动电影领域合�，包括
//! ```
//!
//! ## Fix safety
//! Safe: the character was already lost; only its marker changes.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::MISSING_GLYPH.name;

/// True for the characters that stand for a glyph without a character.
pub(crate) fn marks_missing_glyph(c: char) -> bool {
    matches!(c, '\0' | '\u{FFFE}' | '\u{FFFF}')
}

/// Proposes `U+FFFD` for every NUL, `U+FFFE` and `U+FFFF`.
pub fn changes(text: &str) -> Vec<Change> {
    text.char_indices()
        .filter(|&(_, c)| marks_missing_glyph(c))
        .map(|(i, c)| Change::replace(NAME, TextRange::new(i, i + c.len_utf8()), "\u{FFFD}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::Document;

    #[test]
    fn missing_glyphs_become_replacement_characters() {
        let mut doc = Document::new("合\0作\u{FFFF}，好\u{FFFD}。");
        let changes = changes(doc.text());
        doc.apply(changes);
        assert_eq!(doc.text(), "合\u{FFFD}作\u{FFFD}，好\u{FFFD}。");
        assert_eq!(doc.edits().len(), 2);
    }
}

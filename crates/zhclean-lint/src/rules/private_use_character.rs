//! ## What it does
//! Finds characters of the Private Use Areas (`U+E000`–`U+F8FF` and planes 15–16).
//!
//! ## Why
//! A private-use character has no meaning outside the font that drew it. In text extracted
//! from PDFs they stand for glyphs the PDF gave no Unicode mapping — usually an ordinary
//! character that is now lost — and in decoded legacy files for bytes outside the standard.
//!
//! ## Example
//! ```text
//! 双方同意加强合作   ← U+E5E5 where a character was
//! ```
//!
//! ## Fix safety
//! No fix: which character the glyph was can only be read from the source.

use crate::Context;
use zhclean_core::Diagnostic;

pub use zhclean_core::registry::PRIVATE_USE_CHARACTER as RULE;

/// True for a character of a private-use area.
pub(crate) fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}

/// Reports every run of private-use characters.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    crate::char_runs(context.text(), is_private_use)
        .map(|range| {
            let codes: Vec<String> =
                context.text()[range.as_range()].chars().map(|c| format!("U+{:04X}", c as u32)).collect();
            RULE.diagnostic(
                range,
                format!("private-use character {}: a glyph without a Unicode mapping", codes.join(" ")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_use_characters() {
        let found = crate::check_text(check, "双方\u{E5E5}同意");
        assert_eq!(found, ["1:3 private-use character U+E5E5: a glyph without a Unicode mapping"]);
    }
}

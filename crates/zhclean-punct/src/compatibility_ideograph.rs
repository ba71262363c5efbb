//! ## What it does
//! Turns CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) that have a canonical
//! equivalent into that unified ideograph (Unicode NFC, applied to these characters only).
//!
//! ## Why
//! Compatibility ideographs come from legacy Korean and Big5 mappings; they look like ordinary
//! characters but compare unequal.
//!
//! ## Example
//! ```text
//! \u{F900}           → 豈
//! ```
//!
//! ## Fix safety
//! Safe: canonical equivalence; NFKC is never applied to the whole text (it would turn `，`
//! into `,`).

use unicode_normalization::UnicodeNormalization;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::COMPATIBILITY_IDEOGRAPH.name;
/// A compatibility ideograph.
pub(crate) fn is_trigger(c: char) -> bool {
    is_compatibility_ideograph(c)
}

fn is_compatibility_ideograph(c: char) -> bool {
    matches!(c, '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// Proposes the unified ideograph for every compatibility ideograph that has one.
pub fn changes(text: &str) -> Vec<Change> {
    text.char_indices()
        .filter(|&(_, c)| is_compatibility_ideograph(c))
        .filter_map(|(i, c)| {
            let unified: String = c.to_string().nfc().collect();
            (unified != c.to_string()).then(|| Change::replace(NAME, TextRange::new(i, i + c.len_utf8()), unified))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_ideographs_fold() {
        // U+F9DC 隆 and U+2F800 丽 fold; U+FA0E 﨎 is a unified ideograph itself and stays.
        let text = "\u{F9DC}重，\u{2F800}，\u{FA0E}";
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        assert_eq!(doc.text(), "隆重，丽，\u{FA0E}");
    }
}

//! ## What it does
//! Finds half-width punctuation (`, . ; : ? !`) left between two Chinese characters after
//! cleaning — marks the punctuation stage did not convert because its rule was switched off
//! or the context was not clear.
//!
//! ## Why
//! GB/T 15834 sets full-width punctuation in Chinese text. A half-width comma between two Han
//! characters looks cramped, and search and segmentation treat `,` and `，` differently.
//!
//! ## Example
//! ```text
//! 双方指出,利用   → 双方指出，利用
//! ```
//!
//! ## Fix safety
//! No fix here: the `halfwidth-punctuation` rule of the punctuation stage converts the marks it
//! is sure about; the rest need a reader.

use crate::Context;
use zhclean_core::chars::is_han;
use zhclean_core::{Diagnostic, TextRange};

pub use zhclean_core::registry::MIXED_PUNCTUATION_WIDTH as RULE;

/// Reports every half-width mark between two Han characters.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut diagnostics = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        if matches!(c, ',' | '.' | ';' | ':' | '?' | '!') && is_han(prev) && is_han(next) {
            let range = TextRange::new(i, i + 1);
            diagnostics.push(RULE.diagnostic(range, format!("half-width `{c}` between Chinese characters")));
        }
        prev = c;
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halfwidth_marks_between_han() {
        let found = crate::check_text(check, "双方指出,利用。标题: 文本。3.14");
        assert_eq!(found, ["1:5 half-width `,` between Chinese characters"]);
    }
}

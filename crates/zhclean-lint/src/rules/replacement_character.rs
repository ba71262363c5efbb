//! ## What it does
//! Finds the replacement character `U+FFFD` (`�`).
//!
//! ## Why
//! A decoder writes `�` where it met bytes it could not read: a character of the original text
//! is lost there. It usually means the file was decoded with the wrong encoding, or was damaged
//! before it reached zhclean (which itself only inserts `�` with `--lossy`).
//!
//! ## Example
//! ```text
//! 双方将继续在应急管理领域内加强务�合作   ← one character lost
//! ```
//!
//! ## Fix safety
//! No fix: the lost character has to be taken from the source.

use crate::Context;
use zhclean_core::Diagnostic;

pub use zhclean_core::registry::REPLACEMENT_CHARACTER as RULE;

/// Reports every run of replacement characters.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    crate::char_runs(context.text(), |c| c == '\u{FFFD}')
        .map(|range| {
            let count = context.text()[range.as_range()].chars().count();
            RULE.diagnostic(range, format!("{count} replacement character(s) `�`: text was lost in decoding"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_replacement_characters() {
        let found = crate::check_text(check, "加强务��合作，�。");
        assert_eq!(
            found,
            [
                "1:4 2 replacement character(s) `�`: text was lost in decoding",
                "1:9 1 replacement character(s) `�`: text was lost in decoding"
            ]
        );
    }
}

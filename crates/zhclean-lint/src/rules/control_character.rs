//! ## What it does
//! Finds control characters other than the line feed and the tab: C0 controls (`U+0000`–
//! `U+001F`), `DEL` and the C1 controls (`U+0080`–`U+009F`).
//!
//! ## Why
//! Control characters are invisible in most editors and break parsers, search and diffs. In
//! Chinese text they usually come from a mis-decoded file (C1 controls are typical of UTF-8
//! read as Latin-1) or from a binary format leaking into text.
//!
//! ## Example
//! ```text
//! 双方\u{7}同意   ← a BEL character between two words
//! ```
//!
//! ## Fix safety
//! No fix: the character may stand for lost text; check the source.

use crate::Context;
use zhclean_core::Diagnostic;

pub use zhclean_core::registry::CONTROL_CHARACTER as RULE;

/// True for a control character other than a line break or a tab.
pub(crate) fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Reports every run of control characters.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    crate::char_runs(context.text(), is_stray_control)
        .map(|range| {
            let codes: Vec<String> =
                context.text()[range.as_range()].chars().map(|c| format!("U+{:04X}", c as u32)).collect();
            RULE.diagnostic(range, format!("control character {}", codes.join(" ")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_but_not_line_feeds_or_tabs() {
        let found = crate::check_text(check, "双方\u{7}同意\t合作\n\u{85}下一行");
        assert_eq!(found, ["1:3 control character U+0007", "2:1 control character U+0085"]);
    }
}

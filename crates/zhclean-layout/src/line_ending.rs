//! ## What it does
//! Turns CRLF and lone CR line endings into LF.
//!
//! ## Why
//! Mixed line endings make every later rule and every diff see lines that are not there.
//!
//! ## Example
//! ```text
//! 双方指出\r\n合作。\r   → 双方指出\n合作。\n
//! ```
//!
//! ## Fix safety
//! Safe: only the line-ending characters change.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::LINE_ENDING.name;

/// Proposes a change for every CRLF or lone CR.
pub fn changes(text: &str) -> Vec<Change> {
    let bytes = text.as_bytes();
    text.match_indices('\r')
        .map(|(i, _)| {
            let end = if bytes.get(i + 1) == Some(&b'\n') { i + 2 } else { i + 1 };
            Change::replace(NAME, TextRange::new(i, end), "\n")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr() {
        let changes = changes("a\r\nb\rc\n");
        let ranges: Vec<_> = changes.iter().map(|c| c.range.as_range()).collect();
        assert_eq!(ranges, [1..3, 4..5]);
    }
}

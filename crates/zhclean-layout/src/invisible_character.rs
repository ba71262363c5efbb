//! ## What it does
//! Deletes zero-width characters (U+200B–U+200D, U+2060), stray byte order marks and soft hyphens;
//! a form feed (a page separator) becomes a line break. A zero-width joiner or non-joiner next to
//! a character that is neither Chinese nor ASCII stays: it joins an emoji sequence (👨‍👩‍👧) or
//! shapes a script that uses it (Persian, Indic).
//!
//! ## Why
//! Invisible characters split words for search and deduplication without anyone seeing them; they
//! come from web pages, word processors and PDF text layers.
//!
//! ## Example
//! ```text
//! 双\u{200B}方       → 双方
//! ```
//!
//! ## Fix safety
//! Safe: the characters have no visible form and no meaning in plain text.

use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::INVISIBLE_CHARACTER.name;

/// True for the characters that show nothing and mean nothing in running text.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{0C}')
}

/// Proposes the deletion of every invisible character (a form feed becomes a line break), but
/// of the joiners that join something (see the module's documentation).
pub fn changes(text: &str) -> Vec<Change> {
    text.char_indices()
        .filter(|&(i, c)| is_invisible(c) && !(is_joiner(c) && joins_something(text, i, c)))
        .map(|(i, c)| {
            let range = TextRange::new(i, i + c.len_utf8());
            Change::replace(NAME, range, if c == '\u{0C}' { "\n" } else { "" })
        })
        .collect()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// True when the joiner `c` at `i` stands next to a character that is neither Chinese (Han,
/// CJK punctuation, full-width forms) nor ASCII: an emoji, a letter of another script.
fn joins_something(text: &str, i: usize, c: char) -> bool {
    let plain = |c: char| {
        c.is_ascii()
            || zhclean_core::chars::is_han(c)
            || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '\u{2000}'..='\u{206F}')
    };
    let before = text[..i].chars().next_back();
    let after = text[i + c.len_utf8()..].chars().next();
    before.is_some_and(|b| !plain(b)) || after.is_some_and(|a| !plain(a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_width_characters_go_and_form_feeds_break_lines() {
        let mut doc = zhclean_core::Document::new("双\u{200B}方\u{FEFF}指出\u{0C}下一页");
        doc.apply(changes(doc.text()));
        assert_eq!(doc.text(), "双方指出\n下一页");
    }

    #[test]
    fn joiners_that_join_something_stay() {
        let family = "一家人👨\u{200D}👩\u{200D}👧，\u{200D}双\u{200C}方";
        let mut doc = zhclean_core::Document::new(family);
        doc.apply(changes(doc.text()));
        assert_eq!(doc.text(), "一家人👨\u{200D}👩\u{200D}👧，双方");
    }
}

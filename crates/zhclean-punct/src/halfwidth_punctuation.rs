//! `halfwidth-punctuation`: half-width `,` `:` `;` `(` `)` in Chinese text become full-width.
//!
//! A mark is in Chinese text when Chinese stands on both sides of it: a Han character or
//! Chinese punctuation before a comma, colon or semicolon (a line end after it also counts); a
//! Han character after an opening parenthesis and before a closing one. Numbers (`12:30`,
//! `1,000`), Latin text and acronyms in parentheses (`(AUKUS)`) are left alone.

use zhclean_core::chars::{is_chinese, is_han};
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = "halfwidth-punctuation";

/// Proposes the full-width form of every half-width mark that stands in Chinese text.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if let Some(full) = fullwidth(c, prev, next) {
            changes.push(Change::replace(NAME, TextRange::new(i, i + 1), full));
        }
        prev = Some(c);
    }
    changes
}

fn fullwidth(c: char, prev: Option<char>, next: Option<char>) -> Option<&'static str> {
    let chinese_before = prev.is_some_and(is_chinese);
    let line_start = prev.is_none_or(|p| p == '\n');
    let line_end = next.is_none_or(|n| n == '\n');
    let chinese_after = next.is_some_and(is_chinese);
    match c {
        ',' | ':' | ';' if chinese_before && (chinese_after || line_end) => Some(match c {
            ',' => "，",
            ':' => "：",
            _ => "；",
        }),
        '(' if (chinese_before || line_start) && next.is_some_and(is_han) => Some("（"),
        ')' if prev.is_some_and(is_han) && (chinese_after || line_end) => Some("）"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text));
        doc.into_text()
    }

    #[test]
    fn marks_between_chinese_become_fullwidth() {
        let cases = [
            ("双方指出,利用", "双方指出，利用"),
            ("双方商定:\n", "双方商定：\n"),
            ("合作;同时", "合作；同时"),
            ("财产(包括主权储备)享有", "财产（包括主权储备）享有"),
            ("(草案)》", "（草案）》"),
        ];
        for (input, expected) in cases {
            assert_eq!(fixed(input), expected, "input: {input}");
        }
    }

    #[test]
    fn numbers_latin_and_acronyms_are_left_alone() {
        for text in ["12:30", "1,000", "伙伴关系(AUKUS) 各领域", "Hello, world", "见 a,b"] {
            assert_eq!(fixed(text), text);
        }
    }
}

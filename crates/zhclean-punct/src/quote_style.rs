//! ## What it does
//! Turns straight quotes in Chinese text into Chinese quotation marks: `"…"` pairs become `“…”`,
//! and `'…'` pairs inside them become `‘…’`. Quotes are paired within a paragraph, together with
//! the curly quotes already there.
//!
//! ## Why
//! GB/T 15834 uses `“”` and `‘’`; straight quotes come from ASCII keyboards and converters.
//!
//! ## Example
//! ```text
//! 他说:"好。"        → 他说:“好。”
//! ```
//!
//! ## Fix safety
//! Safe: a paragraph whose quotes do not pair up is left as it is (`unbalanced-pair` reports it),
//! and so is one without Chinese; apostrophes inside Latin words are not quotes.

use crate::context::{is_chinese, with_spaces_to_chinese};
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::QUOTE_STYLE.name;

/// A straight quotation mark.
pub(crate) fn is_trigger(c: char) -> bool {
    matches!(c, '"' | '\'')
}

/// Proposes curly quotes for every paragraph whose straight quotes pair up.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        if line.contains(['"', '\'']) && line.chars().any(is_chinese) {
            changes.extend(paired(line, line_start).unwrap_or_default());
        }
    }
    changes
}

/// The quote changes of one line, or `None` when its quotes do not pair up.
fn paired(line: &str, offset: usize) -> Option<Vec<Change>> {
    let mut changes: Vec<Change> = Vec::new();
    let mut stack: Vec<char> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let kind = match c {
            '"' | '“' | '”' => Some('"'),
            '\'' | '‘' | '’' if !is_apostrophe(prev, next) => Some('\''),
            _ => None,
        };
        prev = Some(c);
        let Some(kind) = kind else { continue };
        let closes = stack.last() == Some(&kind) && c != '“' && c != '‘';
        let replacement = if closes {
            stack.pop();
            if kind == '"' { "”" } else { "’" }
        } else {
            if c == '”' || c == '’' {
                return None;
            }
            stack.push(kind);
            if kind == '"' { "“" } else { "‘" }
        };
        if c.is_ascii() {
            let floor = changes.last().map_or(0, |c| c.range.end - offset);
            let range = with_spaces_to_chinese(line, i, i + 1, floor);
            changes.push(Change::replace(NAME, TextRange::new(offset + range.start, offset + range.end), replacement));
        }
    }
    stack.is_empty().then_some(changes)
}

fn is_apostrophe(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_some_and(|n| n.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, fixed};

    #[test]
    fn straight_quotes_pair_up() {
        let cases = [
            ("推动共建\"一带一路\"与欧亚经济联盟", "推动共建“一带一路”与欧亚经济联盟"),
            ("他说:\"这是'金砖+'合作\"。", "他说:“这是‘金砖+’合作”。"),
            ("决议“文明对话国际日\"举办", "决议“文明对话国际日”举办"),
            ("第一段\"甲\"\n第二段\"乙\"", "第一段“甲”\n第二段“乙”"),
            ("反对部分国家实施 \"取消文化\" 以及", "反对部分国家实施“取消文化”以及"),
        ];
        assert_fixes(changes, &cases);
    }

    #[test]
    fn unpaired_and_latin_quotes_stay() {
        for text in ["鼓励研究举办\"国际流行歌曲", "He said \"yes\" and left", "中国的don't表达", "“已经正确”"]
        {
            assert_eq!(fixed(changes, text), text);
        }
    }
}

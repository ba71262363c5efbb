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
    let literals = string_literals(line);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let in_literal = literals.iter().any(|span| span.contains(&i));
        let kind = match c {
            _ if in_literal || is_prime(line, i) => None,
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

/// True for a straight quote at byte `i` that marks minutes or seconds (`39°54'`, `54'30"`):
/// it follows the digits of an angle.
fn is_prime(line: &str, i: usize) -> bool {
    let before = &line[..i];
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
    digits.len() < before.len() && (digits.ends_with('°') || (line[i..].starts_with('"') && digits.ends_with('\'')))
}

/// The byte ranges of the string literals of code on `line` (`print("你好")`, `["甲", "乙"]`,
/// `name = "张三"`, `git commit -m "修复"`): straight double quotes opened right after code
/// punctuation (`( [ { = ,`) or a command-line option, and closed by the next one.
fn string_literals(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut literals = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('"').map(|at| from + at) {
        let Some(close) = line[open + 1..].find('"').map(|at| open + 1 + at) else { break };
        if opens_literal(&line[..open]) {
            literals.push(open..close + 1);
            from = close + 1;
        } else {
            from = open + 1;
        }
    }
    literals
}

/// True when a quote after `before` opens a string literal of code.
fn opens_literal(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    let option = trimmed.rsplit(' ').next().is_some_and(|word| {
        word.strip_prefix('-')
            .is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    });
    // A comma separates the items of a list of literals with a space (`"甲", "乙"`).
    let code_punctuation =
        trimmed.ends_with(['(', '[', '{', '=', ',']) && (trimmed.len() < before.len() || !trimmed.ends_with(','));
    let spaced = trimmed.len() < before.len();
    (option && spaced) || code_punctuation
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
    fn string_literals_and_primes_stay() {
        for text in [
            "输出一句话：print(\"你好，世界\")。",
            "列表如 fruits = [\"苹果\", \"香蕉\"]。",
            "提交：git commit -m \"修复登录页面\"",
            "北京位于北纬39°54'，东经116°23'。",
            "两地相距40°12'30\"。",
        ] {
            assert_eq!(fixed(changes, text), text);
        }
        assert_eq!(fixed(changes, "他说:\"好\"，运行print(\"你好\")"), "他说:“好”，运行print(\"你好\")");
    }

    #[test]
    fn unpaired_and_latin_quotes_stay() {
        for text in ["鼓励研究举办\"国际流行歌曲", "He said \"yes\" and left", "中国的don't表达", "“已经正确”"]
        {
            assert_eq!(fixed(changes, text), text);
        }
    }
}

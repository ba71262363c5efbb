//! ## What it does
//! Writes the Chinese ellipsis as two ellipsis characters `……`: in Chinese text `...`, `。。。`, a
//! lone `…` and runs of three or more `…` become `……`.
//!
//! ## Why
//! GB/T 15834 sets the ellipsis as `……`; typists and converters write it many ways.
//!
//! ## Example
//! ```text
//! 等等...            → 等等……
//! ```
//!
//! ## Fix safety
//! Safe: ellipses in Latin text stay, and so do the dots of numbers and URLs and the single
//! ellipsis of mathematics, which stands for the terms a sequence or a sum leaves out
//! (`1, 3, 5, …`, `1＋2＋…＋100`).

use crate::context::is_chinese;
use zhclean_core::triggers::Trigger;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::ELLIPSIS_STYLE.name;

/// A dot that may start an ellipsis (`.`, `…`, `．`; `。` only doubled).
pub(crate) const TRIGGER: Trigger = Trigger { single: |c| matches!(c, '.' | '…' | '．'), doubled: |c| c == '。' };

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '。' | '…' | '．')
}

/// Proposes `……` for every ellipsis-like run next to Chinese text.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find(is_dot) {
        let start = i + found;
        let end = start + text[start..].len() - text[start..].trim_start_matches(is_dot).len();
        i = end;
        let run = &text[start..end];
        let prev = text[..start].chars().next_back();
        let next = text[end..].chars().next();
        let chinese = prev.is_some_and(is_chinese) || next.is_some_and(is_chinese);
        if chinese && run != "……" && is_ellipsis(run) && !omits_terms(&text[..start]) {
            changes.push(Change::replace(NAME, TextRange::new(start, end), "……"));
        }
    }
    changes
}

/// True when the ellipsis after `before` stands for the terms of a sequence or a sum left out
/// (`1, 3, 5, …`, `1＋2＋…＋100`): a term (a digit or a letter), then a separator of terms, come
/// before it. Mathematics writes its ellipsis once.
fn omits_terms(before: &str) -> bool {
    let mut chars = before.chars().rev().filter(|c| *c != ' ');
    let separator = chars
        .next()
        .is_some_and(|c| matches!(c, ',' | '+' | '＋' | '-' | '−' | '×' | '÷' | '=' | '＝' | '<' | '>' | '≤' | '≥'));
    separator && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
}

fn is_ellipsis(run: &str) -> bool {
    let count = run.chars().count();
    let all = |c: char| run.chars().all(|r| r == c);
    all('…') || (count >= 3 && (all('.') || all('。') || all('．')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, assert_unchanged};

    #[test]
    fn ellipses_in_chinese_text() {
        let cases = [
            ("等等...", "等等……"),
            ("等等。。。", "等等……"),
            ("等等…", "等等……"),
            ("等等………", "等等……"),
            ("等等......", "等等……"),
        ];
        assert_fixes(changes, &cases);
    }

    #[test]
    fn the_ellipsis_of_a_sequence_is_written_once() {
        assert_unchanged(changes, &["已知数列1, 3, 5, 7, …的通项公式", "求和：1＋2＋3＋…＋100＝5050。"]);
        assert_fixes(changes, &[("苹果,香蕉,橘子,…等水果", "苹果,香蕉,橘子,……等水果")]);
    }

    #[test]
    fn other_dots_stay() {
        assert_unchanged(changes, &["等等……", "Wait...", "结束。", "3.14", "版本1..2", "完了。。"]);
    }
}

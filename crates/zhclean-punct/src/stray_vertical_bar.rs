//! ## What it does
//! Deletes a lone vertical bar `|` standing between two Chinese characters (with the spaces
//! around it), the only one on its line, in running text (a line that holds sentence
//! punctuation).
//!
//! ## Why
//! OCR reads a column rule, a table border or a speck beside a character as `|`. Chinese prose
//! has no use for the bar; tables and markup that do use it have several on a line, and a
//! title (`中国新闻网|首页`, a web page's) separates its parts with one.
//!
//! ## Example
//! ```text
//! 我们|一起走。       → 我们一起走。
//! ```
//!
//! ## Fix safety
//! Safe: a bar with Latin text or digits on a side, or on a line with another bar (a table
//! row), stays.

use zhclean_core::chars::is_han;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::STRAY_VERTICAL_BAR.name;

/// A vertical bar.
pub(crate) fn is_trigger(c: char) -> bool {
    c == '|'
}

/// Proposes deleting each lone `|` between Han characters.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        if line.matches('|').count() == 1 && is_running_text(line) {
            let at = line.find('|').unwrap_or(0);
            let before = line[..at].trim_end_matches(' ');
            let after = line[at + 1..].trim_start_matches(' ');
            let han_on_both_sides =
                before.chars().next_back().is_some_and(is_han) && after.chars().next().is_some_and(is_han);
            if han_on_both_sides {
                let range = TextRange::new(line_start + before.len(), line_start + line.len() - after.len());
                changes.push(Change::delete(NAME, range));
            }
        }
    }
    changes
}

/// True for a line of running text: it holds Chinese sentence punctuation (a colon alone
/// makes a field, `是否党员：是|否`, whose bar is a choice).
fn is_running_text(line: &str) -> bool {
    line.contains(['，', '。', '；', '？', '！', '、'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, assert_unchanged};

    #[test]
    fn lone_bars_between_chinese_characters_go() {
        assert_fixes(changes, &[("我们|一起走。", "我们一起走。"), ("我们 | 一起走。", "我们一起走。")]);
        assert_unchanged(
            changes,
            &["名称|数量|单价", "a|b", "第1|2页", "选项 A|B", "中国新闻网|首页", "是否党员：是|否"],
        );
    }
}

//! `cjk-spacing`: spaces inside a line between Han characters, or between Han and digits or
//! Chinese punctuation, are removed — in Chinese text they are left over from line wrapping
//! (`向外国 司法机构`, `利用 2024—2025 年`) or from copywriting conventions GB/T 15834 does not use.
//! Spaces inside Latin text and between Chinese and Latin words are kept; the copywriting
//! profile also keeps spaces between Chinese and digits.
//!
//! A short line without sentence punctuation whose words are separated by spaces is a column
//! or headline line (a signature block aligned with no-break spaces, `加强人文交流 传承伟大友谊`):
//! each run of spaces between its words becomes one ideographic space `U+3000`.

use crate::text::{is_space, is_unpunctuated};
use zhclean_core::chars::{is_cjk_punctuation, is_han};
use zhclean_core::{Change, Profile, TextRange};

/// Rule name.
pub const NAME: &str = "cjk-spacing";

/// Longest line, in characters, treated as a column or headline line.
const MAX_COLUMN_LINE: usize = 40;

/// Proposes the removal (or, in column lines, the normalisation) of spaces in every line.
pub fn changes(text: &str, profile: Profile) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        line_changes(line.trim_end_matches('\n'), line_start, profile, &mut changes);
        line_start += line.len();
    }
    changes
}

fn line_changes(line: &str, offset: usize, profile: Profile, changes: &mut Vec<Change>) {
    let body_start = line.len() - line.trim_start_matches(is_space).len();
    let body = line[body_start..].trim_end_matches(is_space);
    let column_line = is_column_line(body);
    let (mut prev, mut before_prev): (Option<char>, Option<char>) = (None, None);
    let mut run_start: Option<usize> = None;
    for (i, c) in body.char_indices() {
        if is_space(c) {
            run_start.get_or_insert(i);
            continue;
        }
        if let (Some(start), Some(left)) = (run_start.take(), prev) {
            let chinese_mark = is_halfwidth_mark(left) && before_prev.is_some_and(is_han) && is_han(c);
            let run = &body[start..i];
            let range = TextRange::new(offset + body_start + start, offset + body_start + i);
            if column_line && is_han_like(left) && is_han_like(c) {
                if run != "\u{3000}" {
                    changes.push(Change::replace(NAME, range, "\u{3000}"));
                }
            } else if chinese_mark || joins_without_space(left, c, profile) {
                changes.push(Change::delete(NAME, range));
            }
        }
        (before_prev, prev) = (prev, Some(c));
    }
}

/// A short unpunctuated line of at least two words separated by spaces.
pub fn is_column_line(line: &str) -> bool {
    line.chars().count() <= MAX_COLUMN_LINE
        && is_unpunctuated(line)
        && line.split(is_space).filter(|word| !word.is_empty()).count() >= 2
        && line.chars().any(is_han)
}

/// A half-width mark that, between Han characters, is Chinese punctuation typed on the wrong
/// keyboard (`结构, 深化`). Not the colon: `标题: …` is a metadata label.
fn is_halfwidth_mark(c: char) -> bool {
    matches!(c, ',' | ';')
}

fn is_han_like(c: char) -> bool {
    is_han(c) || matches!(c, '·' | '・' | '）' | '（' | '》' | '《')
}

fn joins_without_space(left: char, right: char, profile: Profile) -> bool {
    let chinese = |c: char| is_han(c) || is_cjk_punctuation(c);
    let digits = profile == Profile::GbT15834;
    (chinese(left) && (chinese(right) || (digits && right.is_ascii_digit())))
        || (digits && left.is_ascii_digit() && chinese(right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text, Profile::GbT15834));
        doc.into_text()
    }

    #[test]
    fn wrap_spaces_between_chinese_and_digits_go() {
        let cases = [
            (
                "或向外国 司法机构或多边法律机制提供协助,借以干涉各 国主权事务",
                "或向外国司法机构或多边法律机制提供协助,借以干涉各国主权事务",
            ),
            ("充分利用 2024—2025 年中俄文化年契 机,在文艺演出", "充分利用2024—2025年中俄文化年契机,在文艺演出"),
            ("环境污染(包括海洋污染)。 双方对日本", "环境污染(包括海洋污染)。双方对日本"),
            ("两国\u{3000}元首，会谈", "两国元首，会谈"),
            ("优化贸易结构, 深化服务贸易", "优化贸易结构,深化服务贸易"),
        ];
        for (input, expected) in cases {
            assert_eq!(fixed(input), expected, "input: {input}");
        }
    }

    #[test]
    fn latin_spacing_and_indentation_stay() {
        for text in [
            "标题: 中华人民共和国",
            "中国东北地区 and 俄罗斯远东地区，合作",
            "伙伴关系(AUKUS) 各领域，合作",
            "Hello world, again",
            "\u{3000}\u{3000}双方指出，",
        ] {
            assert_eq!(fixed(text), text);
        }
    }

    #[test]
    fn the_copywriting_profile_keeps_spaces_around_digits() {
        let text = "双方利用 2024 年 合作，发展。";
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text, Profile::Copywriting));
        assert_eq!(doc.text(), "双方利用 2024 年合作，发展。");
    }

    #[test]
    fn column_lines_get_one_ideographic_space() {
        assert_eq!(
            fixed("中华人民共和国主席\u{A0}\u{A0}\u{A0}\u{A0}俄罗斯联邦总统"),
            "中华人民共和国主席\u{3000}俄罗斯联邦总统"
        );
        assert_eq!(fixed("习近平\u{A0} \u{A0} \u{A0} 弗·弗·普京"), "习近平\u{3000}弗·弗·普京");
        assert_eq!(fixed("加强人文交流 传承伟大友谊"), "加强人文交流\u{3000}传承伟大友谊");
        assert_eq!(fixed("俄罗斯联邦总统\u{3000}中华人民共和国主席"), "俄罗斯联邦总统\u{3000}中华人民共和国主席");
    }
}

//! ## What it does
//! Writes dashes as GB/T 15834 sets them: the Chinese dash is two em dashes `——` (from `--`, `－－`,
//! `―`, `─`, three em dashes, or a lone `—` next to Chinese punctuation); a hyphen joining two
//! rising numbers in Chinese text (`2026-2027年`) is a range and becomes `—` (or `～`, as configured); a
//! hyphen joining two Chinese words on a line typed with ASCII punctuation becomes `—`.
//!
//! ## Why
//! The dash, the range mark and the hyphen are different marks in Chinese typography; typists use
//! one key for all three.
//!
//! ## Example
//! ```text
//! 2026-2027年        → 2026—2027年
//! ```
//!
//! ## Fix safety
//! Safe: dates (`2025-05-09`), the numbers of figures and tables (`图2-3`), scores (`2-0`,
//! `以98-105不敌`) and sub-numbers that do not rise (`301-2室`), numbers with a leading zero or
//! glued to a letter (`2019-0312`, `B2-15号`), Latin words (`well-known`), the full-width
//! connector `－` (`中国－东盟`), house, unit and room numbers (`5-12号`, `2号楼1-102`), a lone
//! `—` between two words, numbers or blanks, GB/T 15834's connector (`3月1日—3日`,
//! `北京—上海`), an open range or one with an unknown end (`（1955—）`, `1890—？`), and a
//! hyphen between Chinese words (the short connector of a compound, `吐鲁番-哈密盆地`) stay,
//! unless the line was typed with ASCII punctuation, where it is a span dash (`北京-上海`).

use crate::RangeDash;
use crate::context::{Protected, is_chinese};
use zhclean_core::chars::{is_han, tail};
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::DASH_STYLE.name;
/// A dash of any kind.
pub(crate) fn is_trigger(c: char) -> bool {
    is_dash(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '―' | '─' | '–')
}

/// Proposes the standard form of every dash run in Chinese text.
pub fn changes(text: &str, range_dash: RangeDash) -> Vec<Change> {
    let protected = Protected::find(text);
    let mut changes = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find(is_dash) {
        let start = i + found;
        let end = start + text[start..].len() - text[start..].trim_start_matches(is_dash).len();
        i = end;
        if protected.contains(start) {
            continue;
        }
        if let Some(replacement) = standard_dash(text, start, end, range_dash) {
            changes.push(Change::replace(NAME, TextRange::new(start, end), replacement));
        }
    }
    changes
}

fn standard_dash(text: &str, start: usize, end: usize, range_dash: RangeDash) -> Option<&'static str> {
    let run = &text[start..end];
    let prev = text[..start].chars().next_back();
    let next = text[end..].chars().next();
    let chinese_side = prev.is_some_and(is_chinese) || next.is_some_and(is_chinese);
    let digit_sides = prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
    match run {
        "——" => None,
        "-" if digit_sides => number_range(text, start, end).then_some(range_dash.as_str()),
        // Between Chinese words a hyphen is GB/T 15834's short connector of a compound
        // (`吐鲁番-哈密盆地`, `溶胶-凝胶法`, `让-雅克`) or a span dash typed on an ASCII keyboard
        // (`北京-上海`); only a line typed with ASCII punctuation shows the second.
        "-" if prev.is_some_and(is_han) && next.is_some_and(is_han) && typed_in_ascii(line_around(text, start)) => {
            Some("—")
        }
        "-" | "－" => None,
        // A lone dash between two words or numbers is the connector of GB/T 15834 (`北京—上海`,
        // `3月1日—3日`), not half of a dash.
        "—" | "–" if prev.is_some_and(is_word_char) && next.is_some_and(is_word_char) => None,
        // A range left open (`莫言（1955—）`, a living author's years) ends at the bracket; one
        // with an unknown end (`1890—？`, `？—1920`) at the question mark.
        "—" if prev.is_some_and(|c| c.is_ascii_digit())
            && next.is_some_and(|c| matches!(c, '）' | ')' | '？' | '?')) =>
        {
            None
        }
        "—" if prev.is_some_and(|c| matches!(c, '？' | '?')) && next.is_some_and(|c| c.is_ascii_digit()) => None,
        _ if chinese_side => Some("——"),
        _ => None,
    }
}

/// The line of `text` that holds byte `at`.
fn line_around(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// True when `line` was typed with ASCII punctuation in Chinese text: a half-width comma,
/// colon, semicolon, question or exclamation mark right after a Han character.
fn typed_in_ascii(line: &str) -> bool {
    let mut previous = None;
    line.chars().any(|c| {
        let typed = matches!(c, ',' | ':' | ';' | '?' | '!') && previous.is_some_and(is_han);
        previous = Some(c);
        typed
    })
}

/// True for a character of a word or a number: Han, an ASCII letter or digit, or the `_` of a
/// blank left for one (`____年__月—____年__月`).
fn is_word_char(c: char) -> bool {
    is_han(c) || c.is_ascii_alphanumeric() || c == '_'
}

/// True when the hyphen at `start..end` joins two numbers of a range in Chinese text:
/// `2026-2027年`, `第3-5页`, but not `2025-05-09`, `010-12345678`, `2-0战胜` or `301-2室`.
/// Nouns that a numbered identifier follows (`图2-3`, `表3-1`, `例1-2`, `2号楼1-102`): their
/// numbers are chapter and item, or unit and room, not a range.
const LABELS: &str = "图表例式附页节圖楼栋幢樓棟";
/// What a numbered identifier ends with: house and room numbers (`幸福里5-12号`, `3-201室`) keep
/// their hyphen.
const IDENTIFIERS: &str = "号室";

fn number_range(text: &str, start: usize, end: usize) -> bool {
    let left = &text[..start];
    let digits_before = left.len() - left.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let right = &text[end..];
    let digits_after = right.len() - right.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let before = left[..left.len() - digits_before].chars().next_back();
    let after = right[digits_after..].chars().next();
    let chained = before == Some('-') || after == Some('-');
    let short = digits_before <= 4 && digits_after <= 4;
    let label = before.is_some_and(|c| LABELS.contains(c)) || after.is_some_and(|c| IDENTIFIERS.contains(c));
    // A number glued to a letter (`B2-15号`) is a code.
    let code = before.is_some_and(|c| c.is_ascii_alphabetic());
    let (from, to) = (&left[left.len() - digits_before..], &right[..digits_after]);
    let score = before == Some('以')
        || SCORE_VERBS.iter().any(|verb| right[digits_after..].starts_with(verb))
        || tail(&left[..left.len() - digits_before], 4).contains("比分");
    !chained
        && short
        && !label
        && !code
        && !score
        && rises(from, to)
        && (before.is_some_and(is_han) || after.is_some_and(is_han))
}

/// What follows the score of a match (`98-105不敌`, `46-53落后`): a score is no range, even
/// where its second number is the greater.
const SCORE_VERBS: &[&str] = &[
    "不敌", "战胜", "击败", "负于", "胜", "负", "落后", "领先", "取胜", "获胜", "告负", "逆转", "力克", "险胜", "惜败",
    "大胜", "战平", "打平",
];

/// True when the numbers `from` and `to` (ASCII digits) can bound a range: a range rises
/// (`2-0` is a score, `301-2室` a room's sub-number), and a number written with a leading zero
/// (`2019-0312`) is part of an identifier.
fn rises(from: &str, to: &str) -> bool {
    let leading_zero = |n: &str| n.len() > 1 && n.starts_with('0');
    match (from.parse::<u64>(), to.parse::<u64>()) {
        (Ok(from_value), Ok(to_value)) => from_value < to_value && !leading_zero(from) && !leading_zero(to),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, range_dash: RangeDash) -> String {
        let mut doc = zhclean_core::Document::new(text);
        doc.apply(changes(text, range_dash));
        doc.into_text()
    }

    #[test]
    fn chinese_dashes_and_ranges() {
        let cases = [
            ("时代新章--纪念", "时代新章——纪念"),
            ("时代新章—“纪念", "时代新章——“纪念"),
            ("时代新章－－纪念", "时代新章——纪念"),
            ("时代新章———纪念", "时代新章——纪念"),
            ("时代新章─纪念", "时代新章——纪念"),
            ("2026-2027年", "2026—2027年"),
            ("第3-5页", "第3—5页"),
            ("协作,例如黑河-布拉戈维申斯克公路大桥", "协作,例如黑河—布拉戈维申斯克公路大桥"),
            ("2024年3月1日—3日", "2024年3月1日—3日"),
            ("莫言（1955—），山东人", "莫言（1955—），山东人"),
            ("幸福里5-12号", "幸福里5-12号"),
            ("20世纪80—90年代", "20世纪80—90年代"),
        ];
        for (input, expected) in cases {
            assert_eq!(fixed(input, RangeDash::EmDash), expected, "input: {input}");
        }
        assert_eq!(fixed("2026-2027年", RangeDash::Tilde), "2026～2027年");
    }

    #[test]
    fn dates_latin_words_and_correct_dashes_stay() {
        for text in [
            "2025-05-09",
            "日期2025-05-09",
            "电话010-12345678",
            "well-known",
            "2024—2025年",
            "——加强合作",
            "昆明—蒙特利尔",
            "c1001-40476040.html",
            "3-5",
            "以2-0战胜对手",
            "住在301-2室",
            "学号2019-0312的学生",
            "B2-15号摊位",
            "第5-3页",
            "起止时间：____年__月—____年__月",
            "在2号楼1-102门口",
            "吐鲁番-哈密盆地，溶胶-凝胶法，让-雅克·卢梭。",
            "湖人队客场以98-105不敌勇士队，半场46-53落后。",
            "将比分追至71-72，又将比分追成96-100。",
            "张华庭（1890—？），生年可考者（？—1920）。",
        ] {
            assert_eq!(fixed(text, RangeDash::EmDash), text);
        }
    }
}

//! ## What it does
//! Follows the Chinese section numerals that stand as headings on their own line (`一`,
//! `二`, …) and reports a section that does not follow the one before: a document that starts
//! at `三`, or jumps from `六` to `九`.
//!
//! ## Why
//! Missing section numbers mean missing sections: pages lost in extraction, or a document
//! that was cut. Out-of-order numbers mean pages were shuffled.
//!
//! ## Example
//! ```text
//! 五 … 六 … 九     ← 七 and 八 are missing
//! ```
//!
//! ## Fix safety
//! No fix: the missing sections have to be found in the source.

use crate::Context;
use zhclean_core::Diagnostic;

pub use zhclean_core::registry::SECTION_SEQUENCE as RULE;

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The value of a Chinese numeral from 1 to 99 (`一`, `十`, `十二`, `二十`, `九十九`).
fn numeral_value(text: &str) -> Option<u32> {
    let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|d| d as u32);
    // Four characters tell a numeral of at most three from longer text.
    let chars: Vec<char> = text.chars().take(4).collect();
    match chars.as_slice() {
        [d] => digit(*d).filter(|&v| v > 0).or((*d == '十').then_some(10)),
        ['十', d] => digit(*d).filter(|&v| v > 0).map(|v| 10 + v),
        [d, '十'] => digit(*d).filter(|&v| v > 1).map(|v| v * 10),
        [t, '十', d] => Some(digit(*t).filter(|&v| v > 1)? * 10 + digit(*d).filter(|&v| v > 0)?),
        _ => None,
    }
}

fn numeral(value: u32) -> String {
    match value {
        1..=9 => DIGITS[value as usize].to_string(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", DIGITS[(value - 10) as usize]),
        _ if value % 10 == 0 => format!("{}十", DIGITS[(value / 10) as usize]),
        _ => format!("{}十{}", DIGITS[(value / 10) as usize], DIGITS[(value % 10) as usize]),
    }
}

/// Reports every section heading that does not follow the one before.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let headings: Vec<_> =
        context.paragraphs().iter().filter_map(|p| numeral_value(p.text.trim()).map(|v| (p, v))).collect();
    if headings.len() < 2 {
        return Vec::new();
    }
    let mut diagnostics = Vec::new();
    let mut previous = 0;
    for (paragraph, value) in headings {
        if value != previous + 1 {
            let message = match (previous, value > previous + 1) {
                (0, _) => format!("the first section is {}; {} missing", numeral(value), missing(1, value)),
                (_, true) => format!(
                    "section {} follows {}; {} missing",
                    numeral(value),
                    numeral(previous),
                    missing(previous + 1, value)
                ),
                _ => format!("section {} comes after {}: out of order", numeral(value), numeral(previous)),
            };
            diagnostics.push(RULE.diagnostic(paragraph.range, message));
        }
        previous = value;
    }
    diagnostics
}

fn missing(from: u32, to: u32) -> String {
    let names: Vec<String> = (from..to).map(numeral).collect();
    format!("{} {}", names.join(" "), if names.len() == 1 { "is" } else { "are" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let values: Vec<_> = ["一", "九", "十", "十二", "二十", "九十九", "二十一", "一十", "零", "三四"]
            .iter()
            .map(|t| numeral_value(t))
            .collect();
        assert_eq!(values, [Some(1), Some(9), Some(10), Some(12), Some(20), Some(99), Some(21), None, None, None]);
        assert_eq!(
            [numeral(1), numeral(10), numeral(12), numeral(20), numeral(21)],
            ["一", "十", "十二", "二十", "二十一"]
        );
    }

    #[test]
    fn gaps_and_disorder() {
        let found = crate::check_text(check, "五\n\n正文。\n\n六\n\n正文。\n\n九\n\n正文。\n\n八\n");
        assert_eq!(
            found,
            [
                "1:1 the first section is 五; 一 二 三 四 are missing",
                "9:1 section 九 follows 六; 七 八 are missing",
                "13:1 section 八 comes after 九: out of order",
            ]
        );
        assert!(crate::check_text(check, "一\n\n正文。\n\n二\n\n正文。\n").is_empty());
        assert!(crate::check_text(check, "三\n\n只有一个标题。\n").is_empty());
    }
}

//! What a line is: a heading, a list item, a metadata line, or running text.

use crate::text::{at_most_chars, ends_sentence, is_space};
pub use zhclean_core::chars::is_field as is_metadata;

/// The role of a non-blank line.
/// True for a symbol that opens a list item as its bullet: shapes, stars, arrows, check marks
/// and dingbats (`●`, `○`, `◆`, `□`, `☆`, `▶`, `→`, `√`, `✔`, `❖`, `➢`), the bullet `•`, the
/// reference mark `※`.
pub fn is_bullet(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x2600..=0x26FF | 0x2700..=0x27BF | 0x2B00..=0x2BFF)
        || matches!(c, '•' | '※' | '√')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A section heading: `一`, `（三）`, `第四章`, `一、总则`.
    Heading,
    /// A list item: `——…`, `（一）…`, `1.…`, `①…`, `•…`.
    ListItem,
    /// A `key: value` line of a header block (`标题: …`, `链接: …`).
    Metadata,
    /// A line whose breaks are its author's whatever it looks like: a line of a subtitle's cue
    /// (its number, its timing or its text, see [`crate::subtitle`]) or of fenced code.
    Verbatim,
    /// Running text.
    Body,
}

const NUMERALS: &str = "一二三四五六七八九十百零〇两";

/// Longest heading text after its number, in characters.
const MAX_HEADING_TEXT: usize = 25;

/// The kind of a trimmed line (metadata and verbatim lines are decided by position, see [`is_metadata`]).
pub fn classify(line: &str) -> Kind {
    if is_markdown_heading(line) {
        return Kind::Heading;
    }
    if let Some(rest) = numbered(line) {
        let short = at_most_chars(rest, MAX_HEADING_TEXT) && !ends_sentence(rest);
        return if short { Kind::Heading } else { Kind::ListItem };
    }
    if is_list_item(line) { Kind::ListItem } else { Kind::Body }
}

/// The text after a section number, when the line starts with one.
/// True for a Markdown heading: one to six `#` and a space before its text.
fn is_markdown_heading(line: &str) -> bool {
    let marks = line.len() - line.trim_start_matches('#').len();
    (1..=6).contains(&marks) && line[marks..].starts_with(' ') && !line[marks..].trim().is_empty()
}

fn numbered(line: &str) -> Option<&str> {
    let numeral_len = line.len() - line.trim_start_matches(|c| NUMERALS.contains(c)).len();
    if numeral_len > 0 && at_most_chars(line, 4) && numeral_len == line.len() {
        return Some("");
    }
    if numeral_len > 0 {
        return line[numeral_len..].strip_prefix(['、', '．']);
    }
    if let Some(after) = line.strip_prefix(['（', '(']) {
        let inner_len = after.len() - after.trim_start_matches(|c: char| NUMERALS.contains(c)).len();
        if inner_len > 0 {
            return after[inner_len..].strip_prefix(['）', ')']);
        }
    }
    if let Some(after) = line.strip_prefix('第') {
        let number_len =
            after.len() - after.trim_start_matches(|c: char| NUMERALS.contains(c) || c.is_ascii_digit()).len();
        let rest = &after[number_len..];
        let unit = ["章", "节", "部分", "编", "篇", "卷"].iter().find(|u| rest.starts_with(*u))?;
        return (number_len > 0).then(|| rest[unit.len()..].trim_start_matches(is_space));
    }
    None
}

fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    line.starts_with("——")
        || first.is_some_and(|c| is_bullet(c) || matches!(c, '①'..='⑳' | '⑴'..='⒇'))
        || line.starts_with("- ")
        || line.starts_with("* ")
        || (digits > 0
            && digits <= 3
            && line[digits..].starts_with(['.', '、', '．'])
            && !line[digits..].starts_with(".."))
            // `4.5%以内` is a number, not the item `4.`.
            && !line[digits..].chars().nth(1).is_some_and(|c| c.is_ascii_digit())
        || line.strip_prefix(['（', '(']).is_some_and(|after| {
            after.starts_with(|c: char| c.is_ascii_digit())
                && after.trim_start_matches(|c: char| c.is_ascii_digit()).starts_with(['）', ')'])
        })
}

/// How a list item is numbered: the form of its number and the mark after it or around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// `1.`, `1、`, `1．`: digits, then the mark.
    Digits(char),
    /// `（1）`, `(1)`.
    DigitsInBrackets,
    /// `一、`, `二．`: Chinese numerals, then the mark.
    Numerals(char),
    /// `（一）`, `(一)`.
    NumeralsInBrackets,
    /// `①`…`⑳`.
    Circled,
    /// `⑴`…`⒇`.
    Parenthesized,
}

/// The numbering of a list item or numbered heading and its number: `3、扩大开放` is
/// `(Digits('、'), 3)`, `（十二）` is `(NumeralsInBrackets, 12)`.
pub fn item_number(line: &str) -> Option<(Numbering, u32)> {
    let first = line.chars().next()?;
    if let '①'..='⑳' = first {
        return Some((Numbering::Circled, first as u32 - '①' as u32 + 1));
    }
    if let '⑴'..='⒇' = first {
        return Some((Numbering::Parenthesized, first as u32 - '⑴' as u32 + 1));
    }
    let (inner, bracketed) = match line.strip_prefix(['（', '(']) {
        Some(after) => (after, true),
        None => (line, false),
    };
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let numerals = inner.len() - inner.trim_start_matches(|c: char| NUMERALS.contains(c)).len();
    let (value, rest, in_digits) = if (1..=3).contains(&digits) {
        (inner[..digits].parse().ok()?, &inner[digits..], true)
    } else if numerals > 0 {
        (numeral_value(&inner[..numerals])?, &inner[numerals..], false)
    } else {
        return None;
    };
    let mark = rest.chars().next()?;
    let numbering = match (bracketed, mark, in_digits) {
        (true, '）' | ')', true) => Numbering::DigitsInBrackets,
        (true, '）' | ')', false) => Numbering::NumeralsInBrackets,
        // `4.5%` is a number, not the item `4.`.
        (false, '.' | '、' | '．', _)
            if rest[mark.len_utf8()..].starts_with(|c: char| c.is_ascii_digit() || c == '.') =>
        {
            return None;
        }
        (false, '.' | '、' | '．', true) => Numbering::Digits(mark),
        (false, '.' | '、' | '．', false) => Numbering::Numerals(mark),
        _ => return None,
    };
    Some((numbering, value))
}

/// The value of Chinese numerals below a hundred (`七`, `十二`, `二十`, `三十五`).
fn numeral_value(numerals: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|d| d as u32);
    let chars: Vec<char> = numerals.chars().map(|c| if c == '两' { '二' } else { c }).collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

/// True when `b` is the item after `a` in one list: numbered alike, by the next number.
pub fn next_item(a: &str, b: &str) -> bool {
    numbered_next(item_number(a), item_number(b))
}

/// True when the numbers of two items (see [`item_number`]) are those of an item and the next.
pub fn numbered_next(a: Option<(Numbering, u32)>, b: Option<(Numbering, u32)>) -> bool {
    matches!((a, b), (Some((style_a, n)), Some((style_b, m))) if style_a == style_b && m == n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        let cases = [
            ("一", Kind::Heading),
            ("十二", Kind::Heading),
            ("一、总则", Kind::Heading),
            ("（三）基本原则", Kind::Heading),
            ("第四章 附则", Kind::Heading),
            ("（一）双方同意在各领域开展务实合作，推动两国关系不断向前发展，造福两国人民。", Kind::ListItem),
            ("——加强教育合作。", Kind::ListItem),
            ("1. 总体要求", Kind::ListItem),
            ("4.5%以内，进出口回稳向好", Kind::Body),
            ("3、扩大开放", Kind::ListItem),
            ("（2）扩大规模", Kind::ListItem),
            ("①第一项", Kind::ListItem),
            ("一揽子合作", Kind::Body),
            ("双方指出，合作。", Kind::Body),
            ("2025年5月", Kind::Body),
            ("第三版", Kind::Body),
        ];
        for (line, kind) in cases {
            assert_eq!(classify(line), kind, "{line}");
        }
    }

    #[test]
    fn numbers_of_items() {
        let cases = [
            ("1. 牛奶", Some((Numbering::Digits('.'), 1))),
            ("12、扩大开放", Some((Numbering::Digits('、'), 12))),
            ("（3）扩大规模", Some((Numbering::DigitsInBrackets, 3))),
            ("三十五、附则", Some((Numbering::Numerals('、'), 35))),
            ("（十二）其他", Some((Numbering::NumeralsInBrackets, 12))),
            ("④第四项", Some((Numbering::Circled, 4))),
            ("⑵第二项", Some((Numbering::Parenthesized, 2))),
            ("4.5%以内", None),
            ("2025年5月", None),
            ("一揽子合作", None),
            ("1.2.3 小节", None),
        ];
        for (line, expected) in cases {
            assert_eq!(item_number(line), expected, "{line}");
        }
        assert!(next_item("1. 牛奶两盒", "2. 鸡蛋一打") && next_item("（九）农业", "（十）林业"));
        assert!(!next_item("1. 牛奶", "3. 面包") && !next_item("1. 牛奶", "2、面包") && !next_item("1. 牛奶", "牛奶"));
    }

    #[test]
    fn metadata_lines() {
        assert!(is_metadata("标题: 中华人民共和国和俄罗斯联邦联合声明"));
        assert!(is_metadata("发布时间：2025-05-09"));
        assert!(is_metadata("链接: http://politics.people.com.cn/n1/2025/0509/c1001-40476040.html"));
        assert!(!is_metadata("中华人民共和国和俄罗斯联邦（以下称“双方”）声明如下："));
        assert!(is_metadata("十个字的标签就是上限：值") && !is_metadata("十一个字的标签超过上限：值"));
        assert!(is_metadata("出租方（甲方）：张三") && is_metadata("主讲人(教授)：王明"));
        assert!(!is_metadata("（甲方）：张三") && !is_metadata("出租方（甲方：张三"));
        assert!(!is_metadata("标题：") && !is_metadata("标题： \u{3000}"), "a label needs a value");
    }
}

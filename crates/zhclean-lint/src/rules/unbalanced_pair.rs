//! ## What it does
//! Finds brackets and quotation marks that are opened and not closed, or closed and not
//! opened, within a paragraph: `《》 〈〉 （） “” ‘’ 「」 『』 【】`, and straight double quotes
//! `"` of odd number in a Chinese paragraph. The diagnostic points at the unmatched mark. An
//! apostrophe (`O’Neal`) and the number of a list item (`1）`) are no half of a pair.
//!
//! ## Why
//! An unmatched `《` usually means lost text (a title cut at a page break) or an OCR error; an
//! unmatched quote changes what a reader takes as quoted speech.
//!
//! ## Example
//! ```text
//! 尽快升级《中华人民共和国政府与俄罗斯联邦政府关于促进和相互保护投资
//!         ^ `《` is not closed in this paragraph
//! ```
//!
//! ## Fix safety
//! No fix: where the closing mark belongs, or whether the opening one is spurious, needs a
//! reader.

use crate::Context;
use zhclean_core::chars::is_han;
use zhclean_core::{Diagnostic, TextRange};

pub use zhclean_core::registry::UNBALANCED_PAIR as RULE;

const PAIRS: &[(char, char)] =
    &[('《', '》'), ('〈', '〉'), ('（', '）'), ('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』'), ('【', '】')];

/// Reports the unmatched marks of every paragraph.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let paragraphs = context.paragraphs();
    for (n, paragraph) in paragraphs.iter().enumerate() {
        // A quotation of several paragraphs opens each with its quote mark and closes only the
        // last (GB/T 15834): the opening mark of a paragraph that the next one opens again is no
        // stray.
        let indent = paragraph.text.len() - paragraph.text.trim_start().len();
        let quoted_on = |mark: char| paragraphs.get(n + 1).is_some_and(|next| next.text.trim_start().starts_with(mark));
        for (offset, mark, partner) in unmatched(paragraph.text) {
            if offset == indent && QUOTES.contains(mark) && quoted_on(mark) {
                continue;
            }
            let at = paragraph.range.start + offset;
            let range = TextRange::new(at, at + mark.len_utf8());
            diagnostics.push(RULE.diagnostic(range, format!("`{mark}` has no matching `{partner}` in this paragraph")));
        }
        if odd_straight_quotes(paragraph.text) && paragraph.text.chars().any(is_han) {
            let at = paragraph.range.start + paragraph.text.find('"').unwrap_or(0);
            diagnostics.push(
                RULE.diagnostic(TextRange::new(at, at + 1), "odd number of straight quotes `\"` in this paragraph"),
            );
        }
    }
    diagnostics
}

/// True when `text` holds an odd number of straight double quotes, not counting those that
/// read as inch marks (`27"显示器`): right after a digit, where the rest are paired without them.
fn odd_straight_quotes(text: &str) -> bool {
    let quotes = text.matches('"').count();
    let after_digit =
        text.match_indices('"').filter(|&(i, _)| text[..i].ends_with(|c: char| c.is_ascii_digit())).count();
    quotes % 2 == 1 && (quotes - after_digit) % 2 == 1
}

/// The opening quote marks.
const QUOTES: &str = "“‘「『";

/// Offsets of the marks that have no partner, with the mark and its partner; each kind of pair
/// is matched on its own.
fn unmatched(text: &str) -> Vec<(usize, char, char)> {
    let mut open: Vec<Vec<usize>> = vec![Vec::new(); PAIRS.len()];
    let mut lonely = Vec::new();
    for (i, c) in text.char_indices() {
        if is_apostrophe(text, i, c) || is_list_marker(text, i, c) {
            continue;
        }
        if let Some(k) = PAIRS.iter().position(|&(o, _)| o == c) {
            open[k].push(i);
        } else if let Some(k) = PAIRS.iter().position(|&(_, cl)| cl == c)
            && open[k].pop().is_none()
        {
            lonely.push((i, c, PAIRS[k].0));
        }
    }
    for (k, offsets) in open.into_iter().enumerate() {
        lonely.extend(offsets.into_iter().map(|i| (i, PAIRS[k].0, PAIRS[k].1)));
    }
    lonely.sort_unstable();
    lonely
}

/// True for `’` between two letters: an apostrophe (`O’Neal`, `isn’t`), not a closing quote.
fn is_apostrophe(text: &str, i: usize, c: char) -> bool {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && !is_han(c));
    c == '’' && letter(text[..i].chars().next_back()) && letter(text[i + c.len_utf8()..].chars().next())
}

/// True for `）` that closes a list item's number at the start of a line (`1）`, `a）`): its
/// partner is never written.
fn is_list_marker(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '）' | ')') {
        return false;
    }
    // The number: one to three characters right before the bracket, with only an indent before
    // them on their line. At most three characters and the indent are read.
    let is_number = |c: char| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c);
    let number_start =
        text[..i].char_indices().rev().take(3).take_while(|&(_, c)| is_number(c)).last().map_or(i, |(at, _)| at);
    let before = text[..number_start].trim_end_matches([' ', '\t', '\u{3000}']);
    number_start < i && (before.is_empty() || before.ends_with('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inch_marks_are_no_quotes() {
        assert!(crate::check_text(check, "这款27\"显示器很好，他说\"值得买\"。").is_empty());
        assert_eq!(
            crate::check_text(check, "他说\"值得买。"),
            ["1:3 odd number of straight quotes `\"` in this paragraph"]
        );
    }

    #[test]
    fn a_quotation_of_several_paragraphs_closes_once() {
        let letter =
            "他写道：\n\n“亲爱的朋友，好久不见。\n\n“这里的冬天很冷。\n\n“有空来看我。”\n\n「第一段。\n\n「第二段。」";
        assert_eq!(crate::check_text(check, letter), Vec::<String>::new());
        // A paragraph the next one does not continue is left open.
        let open = "“亲爱的朋友，好久不见。\n\n读完信，我久久不能平静。";
        assert_eq!(crate::check_text(check, open), ["1:1 `“` has no matching `”` in this paragraph"]);
    }

    #[test]
    fn apostrophes_and_list_numbers_are_no_pairs() {
        assert!(
            crate::check_text(
                check,
                "奥尼尔（Shaquille O’Neal）是篮球运动员，isn’t it。\n\n1）仪器应预热；\n2）样品应干燥。"
            )
            .is_empty()
        );
    }

    #[test]
    fn unmatched_marks() {
        let found = crate::check_text(check, "尽快升级《协定。\n\n他说：好”。\n\n“甲”（乙）《丙》\n\n中文\"引号");
        assert_eq!(
            found,
            [
                "1:5 `《` has no matching `》` in this paragraph",
                "3:5 `”` has no matching `“` in this paragraph",
                "7:3 odd number of straight quotes `\"` in this paragraph",
            ]
        );
    }
}

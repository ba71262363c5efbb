//! ## What it does
//! Repairs list items mangled by a PDF converter in a list whose items open with dashes: a bullet
//! followed by a dash-like mark (`- 一根据`, `- —欢迎`, `- -不断`, `- ---深化`) becomes the Chinese
//! dash `——` that opens items in GB/T 15834 text, and a bullet before plain text after an unfinished
//! line is converter debris and goes, so that the layout rejoins the item.
//!
//! ## Why
//! Converters render the `——` of Chinese list items as Markdown bullets and mangle the dash.
//!
//! ## Example
//! ```text
//! - —欢迎举办。       → ——欢迎举办。
//! ```
//!
//! ## Fix safety
//! Safe: a list of plain bulleted items (`- 苹果`) is left as it is; `一` counts as a mangled dash
//! only in a dash list and not when it starts a word (`一带一路`).

use crate::text::{ends_sentence, is_opening, is_space};
use zhclean_core::chars::is_han;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::LIST_MARKER.name;

const BULLETS: &[&str] = &["- ", "* ", "• "];

/// Words that start with `一`, where `一` is not a mangled dash.
const YI_WORDS: &[&str] = &[
    "一带", "一路", "一个", "一些", "一致", "一切", "一道", "一步", "一系", "一揽", "一体", "一般", "一直", "一定",
    "一起", "一方", "一流", "一年", "一次", "一项", "一批", "一种", "一级", "一中", "一国",
];

fn is_dash_like(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '─' | '–' | '―')
}

/// A line split into indentation, bullet and the rest.
struct Item<'a> {
    start: usize,
    bullet_end: usize,
    rest: &'a str,
    bulleted: bool,
}

fn item(line: &str, start: usize) -> Item<'_> {
    let indent = line.len() - line.trim_start_matches(is_space).len();
    let after_indent = &line[indent..];
    match BULLETS.iter().find(|b| after_indent.starts_with(*b)) {
        Some(bullet) => Item {
            start,
            bullet_end: start + indent + bullet.len(),
            rest: &after_indent[bullet.len()..],
            bulleted: true,
        },
        None => Item { start, bullet_end: start + indent, rest: after_indent, bulleted: false },
    }
}

/// Length of the dash-like marks that open `rest`, when text follows them.
fn dash_marks(rest: &str) -> Option<usize> {
    let len = rest.len() - rest.trim_start_matches(is_dash_like).len();
    let after = &rest[len..];
    let starts_text = after.chars().next().is_some_and(|c| is_han(c) || is_opening(c));
    (len > 0 && starts_text).then_some(len)
}

/// Length of a `一` that stands for a dash.
fn yi_dash(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('一')?;
    let next_is_han = after.chars().next().is_some_and(is_han);
    (next_is_han && !YI_WORDS.iter().any(|w| rest.starts_with(w))).then_some('一'.len_utf8())
}

/// Proposes the marker changes for every list line.
pub fn changes(text: &str) -> Vec<Change> {
    let lines: Vec<_> =
        zhclean_core::lines_with_starts(text).map(|(start, line)| item(line.trim_end_matches('\n'), start)).collect();
    let dash_list = lines.iter().any(|i| i.bulleted && dash_marks(i.rest).is_some());
    let mut changes = Vec::new();
    let mut previous_finished = true;
    let mut previous_half_dash = false;
    for item in &lines {
        if item.rest.trim().is_empty() && !item.bulleted {
            continue;
        }
        // The second half of a dash the wrap cut in two (`活性—` / `—也就是`) marks no item.
        let half_dash = std::mem::replace(&mut previous_half_dash, ends_in_half_dash(item.rest));
        if half_dash && !item.bulleted && item.rest.starts_with('—') && !item.rest.starts_with("——") {
            previous_finished = false;
            continue;
        }
        let item_start = |len: usize| Change::replace(NAME, TextRange::new(item.start, item.bullet_end + len), "——");
        let marks =
            dash_marks(item.rest).or_else(|| if item.bulleted && dash_list { yi_dash(item.rest) } else { None });
        match marks {
            Some(len) if item.bulleted || &item.rest[..len] != "——" => changes.push(item_start(len)),
            Some(_) => {}
            None if item.bulleted && starts_plain_text(item.rest) => {
                if !previous_finished && dash_list {
                    changes.push(Change::delete(NAME, TextRange::new(item.start, item.bullet_end)));
                } else if dash_list {
                    changes.push(item_start(0));
                }
            }
            None => {}
        }
        let body = item.rest.trim_end();
        previous_finished = ends_sentence(body) || body.ends_with(['：', ':']);
    }
    changes
}

/// True when `line` ends in one em dash (after a character that is not one).
fn ends_in_half_dash(line: &str) -> bool {
    let body = line.trim_end();
    body.ends_with('—') && !body.ends_with("——")
}

fn starts_plain_text(rest: &str) -> bool {
    rest.chars().next().is_some_and(is_han)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::fixed;

    #[test]
    fn mangled_items_start_with_the_chinese_dash() {
        let input = "双方商定:\n\n- 一根据纲要。\n- —欢迎举办。\n- -不断提升。\n- ---深化合作。\n- ——持续巩固。\n  - —加强海关。\n—加强保护。\n-继续落实。\n——已经正确。\n";
        let expected = "双方商定:\n\n——根据纲要。\n——欢迎举办。\n——不断提升。\n——深化合作。\n——持续巩固。\n——加强海关。\n——加强保护。\n——继续落实。\n——已经正确。\n";
        assert_eq!(fixed(changes, input), expected);
    }

    #[test]
    fn bullet_after_an_unfinished_line_is_debris() {
        let input = "- ——推动电影领域合作,包括中方支持俄方\n- 组建欧亚电影艺术学院。\n- 持续扩大双边贸易。\n";
        assert_eq!(
            fixed(changes, input),
            "——推动电影领域合作,包括中方支持俄方\n组建欧亚电影艺术学院。\n——持续扩大双边贸易。\n"
        );
    }

    #[test]
    fn the_second_half_of_a_dash_cut_by_a_wrap_is_no_item() {
        let input = "催化剂的活性—\n—也就是转化率——会下降。\n";
        assert_eq!(fixed(changes, input), input);
    }

    #[test]
    fn real_text_is_left_alone() {
        for text in ["- 一带一路建设。\n- —欢迎。\n", "- 3 -\n", "-3-\n", "2024-2025年\n", "- item one\n", "一、总则\n"]
        {
            let out = fixed(changes, text);
            assert!(
                !out.contains("——带") && !out.starts_with("——3") && !out.starts_with("——一、"),
                "{text:?} -> {out:?}"
            );
        }
        assert_eq!(fixed(changes, "- 一带一路建设。\n- —欢迎。\n"), "——一带一路建设。\n——欢迎。\n");
        assert_eq!(fixed(changes, "- item one\n- item two\n"), "- item one\n- item two\n");
        let plain = "购物清单如下：\n- 苹果\n- 香蕉\n- 橘子\n";
        assert_eq!(fixed(changes, plain), plain);
    }
}

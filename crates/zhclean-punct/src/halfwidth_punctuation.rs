//! ## What it does
//! Turns half-width `, . : ; ? ! ( )` in Chinese text into their full-width forms. A mark is in
//! Chinese text when the clause before it is Chinese and Chinese or a line end follows; parentheses
//! become full-width as a pair, when they enclose Chinese.
//!
//! ## Why
//! GB/T 15834 sets Chinese text with full-width punctuation; half-width marks come from keyboards
//! in the wrong mode and from PDF extraction.
//!
//! ## Example
//! ```text
//! 双方指出,利用       → 双方指出，利用
//! ```
//!
//! ## Fix safety
//! Safe: numbers (`3.14`, `1,000`, `12:30`), URLs, e-mail addresses, paths, `key: value` labels,
//! Latin sentences (quoted in curly quotes too: `“Are you sure?”`, `isn’t it?`) and `(AUKUS)`
//! stay.

use crate::context::{Protected, char_at, char_before, chinese_after, chinese_before, is_chinese, is_inline_space};
use zhclean_core::chars::{at_most_chars, is_han};
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::HALFWIDTH_PUNCTUATION.name;

/// A half-width mark or parenthesis.
pub(crate) fn is_trigger(c: char) -> bool {
    matches!(c, ',' | ':' | ';' | '?' | '!' | '.' | '(' | ')')
}

/// Proposes the full-width form of every half-width mark that stands in Chinese text; spaces
/// around it go too, since full-width punctuation carries its own spacing.
pub fn changes(text: &str) -> Vec<Change> {
    let protected = Protected::find(text);
    let mut marks = parenthesis_pairs(text, &protected);
    let closing: Vec<usize> = marks.iter().filter(|(_, full)| *full == "）").map(|&(at, _)| at + 1).collect();
    marks.extend(
        text.char_indices()
            .filter(|&(i, _)| !protected.contains(i))
            .filter_map(|(i, c)| fullwidth_mark(text, i, c, closing.binary_search(&i).is_ok()).map(|full| (i, full))),
    );
    marks.sort_unstable();
    let mut changes = Vec::new();
    let mut last_end = 0;
    for (at, full) in marks {
        // Spaces typed beside a mark go with it; on a row of a table laid out with spaces, a
        // run of them is the gap between two columns, and stays.
        let gap = |spaces: &str| spaces.chars().nth(1).is_some() && in_spaced_table(text, at);
        let before = text[last_end..at].trim_end_matches(is_inline_space);
        let spaces_before = &text[last_end + before.len()..at];
        let start = if at > last_end && before.chars().next_back().is_some_and(is_chinese) && !gap(spaces_before) {
            last_end + before.len()
        } else {
            at
        };
        let spaces_after =
            &text[at + 1..at + 1 + text[at + 1..].len() - text[at + 1..].trim_start_matches(is_inline_space).len()];
        let end = at + 1 + if gap(spaces_after) { 0 } else { spaces_after.len() };
        changes.push(Change::replace(NAME, TextRange::new(start, end), full));
        last_end = end;
    }
    changes
}

/// True when the line of `text` that holds byte `at` is a row of a table laid out with spaces:
/// it holds a run of three.
fn in_spaced_table(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    text[start..end].contains("   ")
}

/// The full-width form of the mark `c` at byte `i`, when it stands in Chinese text.
/// `after_bracket` says that a closing bracket turning full-width stands right before it.
fn fullwidth_mark(text: &str, i: usize, c: char, after_bracket: bool) -> Option<&'static str> {
    if !matches!(c, ',' | ':' | ';' | '?' | '!' | '.') {
        return None;
    }
    let (prev, next) = (char_before(text, i), char_at(text, i + c.len_utf8()));
    let between_digits = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    // A run of `?` and `!` (`??`, `?!`) stands in Chinese text as a whole.
    let run_start = i - (text[..i].len() - text[..i].trim_end_matches(is_exclamation).len());
    let run_end = i + (text[i..].len() - text[i..].trim_start_matches(is_exclamation).len());
    let exclamation = is_exclamation(c);
    let chinese_run_before = exclamation && run_start < i && chinese_before(text, run_start);
    if between_digits || !(after_bracket || chinese_before(text, i) || chinese_run_before) {
        return None;
    }
    let after = i + 1;
    match c {
        ',' if chinese_after(text, after) || next.is_some_and(|n| n.is_ascii_alphanumeric()) => Some("，"),
        ';' if chinese_after(text, after) => Some("；"),
        ':' if (next != Some(' ') || introduces_speech(text, i)) && chinese_after(text, after) => Some("："),
        '?' if chinese_after(text, run_end) => Some("？"),
        '!' if chinese_after(text, run_end) => Some("！"),
        '.' if (after_bracket || prev.is_some_and(is_chinese))
            && next != Some('.')
            && ends_sentence_at(text, after) =>
        {
            Some("。")
        }
        _ => None,
    }
}

/// True for question and exclamation marks, half-width or full-width.
fn is_exclamation(c: char) -> bool {
    matches!(c, '?' | '!' | '？' | '！')
}

/// Verbs of saying, which a colon follows to introduce what is said.
const SPEECH_VERBS: &[&str] = &[
    "说", "道", "问", "答", "曰", "称", "表示", "指出", "认为", "强调", "宣布", "解释", "介绍", "透露", "說", "問",
    "稱", "認為", "強調", "宣佈", "解釋", "介紹",
];

/// True when the colon at `i` (followed by a space, as OCR and typists leave it) ends a clause
/// of running text rather than a `key: value` label: a verb of saying stands before it, or more
/// of the line than a label.
fn introduces_speech(text: &str, i: usize) -> bool {
    let line = &text[text[..i].rfind('\n').map_or(0, |n| n + 1)..i];
    SPEECH_VERBS.iter().any(|verb| line.ends_with(verb)) || !at_most_chars(line, 12)
}

/// A full stop ends a sentence when a line end, a space or Chinese text follows.
fn ends_sentence_at(text: &str, at: usize) -> bool {
    char_at(text, at).is_none_or(|c| c == '\n' || c == ' ' || is_han(c) || is_chinese(c))
}

/// True for the bracket at byte `at` that belongs to notation, not to the sentence: the
/// locant bracket of a systematic chemical name (`4-(2-甲基丙基)`) or the call of a function
/// on a string literal (`print("你好")`).
fn is_notation(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    let after = after.get(1..).unwrap_or_default();
    before.ends_with('-')
        || (before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_') && after.starts_with('"'))
}

/// The half-width members of bracket pairs that enclose Chinese text, with their full-width
/// forms. Pairs are matched within a line; `（` and `(` open, `）` and `)` close.
fn parenthesis_pairs(text: &str, protected: &Protected) -> Vec<(usize, &'static str)> {
    let mut marks = Vec::new();
    for (line_start, line) in zhclean_core::lines_with_starts(text) {
        // Each open bracket with the number of Han characters seen before it on the line: a
        // pair encloses Han text when the count grew in between.
        let mut open = OpenBrackets::default();
        let mut han_seen = 0;
        for (i, c) in line.char_indices() {
            let at = line_start + i;
            han_seen += usize::from(is_han(c));
            match c {
                '(' | '（' if !protected.contains(at) => open.push(at, c.len_utf8(), han_seen),
                ')' | '）' if !protected.contains(at) => {
                    if let Some((start, han_before)) = open.pop()
                        && han_seen > han_before
                        && !is_notation(text, start)
                    {
                        marks.extend((text.as_bytes()[start] == b'(').then_some((start, "（")));
                        marks.extend((c == ')').then_some((at, "）")));
                    }
                }
                _ => {}
            }
        }
    }
    marks
}

/// The open brackets of a line not yet closed, as runs of one bracket side by side with the
/// Han characters seen before them: a line of a million `(` holds one run, not a million.
#[derive(Default)]
struct OpenBrackets {
    runs: Vec<OpenRun>,
}

struct OpenRun {
    start: usize,
    width: usize,
    count: usize,
    han_seen: usize,
}

impl OpenBrackets {
    /// Opens a bracket `width` bytes wide at `at`.
    fn push(&mut self, at: usize, width: usize, han_seen: usize) {
        match self.runs.last_mut() {
            Some(run) if run.han_seen == han_seen && run.width == width && run.start + run.count * width == at => {
                run.count += 1;
            }
            _ => self.runs.push(OpenRun { start: at, width, count: 1, han_seen }),
        }
    }

    /// Closes the last bracket opened: its offset, and the Han characters seen before it.
    fn pop(&mut self) -> Option<(usize, usize)> {
        let run = self.runs.last_mut()?;
        run.count -= 1;
        let opened = (run.start + run.count * run.width, run.han_seen);
        if run.count == 0 {
            self.runs.pop();
        }
        Some(opened)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, assert_unchanged};

    #[test]
    fn column_gaps_stay() {
        assert_fixes(changes, &[("物理        (缺考)  81", "物理        （缺考）  81")]);
    }

    #[test]
    fn notation_brackets_stay() {
        assert_unchanged(changes, &["化学名称为α-甲基-4-(2-甲基丙基)苯乙酸", "运行print(\"你好\")即可"]);
    }

    #[test]
    fn marks_in_chinese_text_become_fullwidth() {
        let cases = [
            ("双方指出,利用", "双方指出，利用"),
            ("双方商定:\n", "双方商定：\n"),
            ("合作;同时", "合作；同时"),
            ("是吗?是的!", "是吗？是的！"),
            ("双方同意.下一句", "双方同意。下一句"),
            ("结束.", "结束。"),
            ("财产(包括主权储备)享有", "财产（包括主权储备）享有"),
            ("(草案)》", "（草案）》"),
            ("环境污染（包括海洋污染)。", "环境污染（包括海洋污染）。"),
            ("二〇二四年于北京 (新华社北京5月16日电)", "二〇二四年于北京（新华社北京5月16日电）"),
            ("任何国家(包括 )", "任何国家（包括）"),
            ("(以下称“双方”),声明如下", "（以下称“双方”），声明如下"),
            ("结构, 深化,  合作", "结构，深化，合作"),
            ("他解释说: 故乡的路很远。", "他解释说：故乡的路很远。"),
            ("这是什么??\n", "这是什么？？\n"),
            ("真的吗?!我不信", "真的吗？！我不信"),
            ("在2024年,2025年", "在2024年，2025年"),
            ("支持AUKUS,以及", "支持AUKUS，以及"),
            ("圆周率3.14,约为", "圆周率3.14，约为"),
            ("邮件a.b@example.cn,路径/usr/local/bin,文件", "邮件a.b@example.cn，路径/usr/local/bin，文件"),
        ];
        assert_fixes(changes, &cases);
    }

    #[test]
    fn numbers_urls_labels_latin_and_acronyms_are_left_alone() {
        let texts = [
            "共1,000人",
            "时间12:30开始",
            "伙伴关系(AUKUS) 各领域",
            "三边安全伙伴关系（AUKUS）及",
            "Hello, world. How are you?",
            "标题: 中华人民共和国",
            "链接: http://politics.people.com.cn/n1/2025/0509/c1001-40476040.html",
            "见http://example.com/a,b?x=1 与 C:\\data\\a,b.txt",
            "日期2025-05-09",
            "等等...",
            "“Hello,” he said.",
            "屏幕上出现“Are you sure?”的提示。",
            "It’s a “good” idea; isn’t it?",
        ];
        assert_unchanged(changes, &texts);
    }
}

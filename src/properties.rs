//! Properties that cleaning any text must have, shared by the property tests and the fuzz
//! targets: it never panics, it is idempotent, and its edit log accounts for every character
//! the output gained or lost.

use crate::{EncodingInfo, Pipeline, Report};
use std::collections::HashMap;

/// Fragments that damaged Chinese text is made of. Generated inputs are sequences of them, so
/// that generators and fuzzers reach the rules' interesting cases far more often than with
/// random code points.
pub const FRAGMENTS: &[&str] = &[
    "双方",
    "合作",
    "发展",
    "中国",
    "一",
    "水",
    "长",
    "國",
    "學",
    "于",
    "乾",
    "的",
    "了",
    "研究",
    "讨论",
    "中",
    "，",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "《",
    "》",
    "（",
    "）",
    "…",
    "……",
    "——",
    "—",
    "·",
    "・",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "--",
    "...",
    "~",
    "～",
    "－",
    " ",
    "  ",
    "\u{3000}",
    "\u{A0}",
    "\u{202F}",
    "\u{200B}",
    "\u{AD}",
    "\u{FEFF}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{C}",
    "１",
    "２",
    "０",
    "Ａ",
    "ｂ",
    "⼀",
    "⽔",
    "⻓",
    "⾦",
    "\u{F900}",
    "2025",
    "3",
    "12",
    "00",
    "3.14",
    "1,000",
    "ok",
    "AT&T",
    "Hello",
    "world",
    "AUKUS",
    "http://a.cn/x,y",
    "a@b.cn",
    "&amp;",
    "&nbsp;",
    "&#20013;",
    "<br>",
    "<p>",
    "</",
    "<",
    "# ",
    "## ",
    "- ",
    "* ",
    "1. ",
    "（一）",
    "第一条",
    "第3页",
    "— 3 —",
    "- 3 -",
    "（下转第三版）",
    "鍙屾柟",
    "ï¼Œ",
    "å\u{8D}Ž",
    "标题:",
    "链接:",
    "记者：",
    "\u{0}",
    "\u{FFFD}",
    "\u{E000}",
];

/// The text that `choices` (any bytes, e.g. from a fuzzer) select from [`FRAGMENTS`].
pub fn text_from_choices(choices: &[u8]) -> String {
    choices.iter().map(|&b| FRAGMENTS[usize::from(b) % FRAGMENTS.len()]).collect()
}

/// Cleans `text` as already decoded input.
pub fn clean_text(pipeline: &Pipeline, text: &str) -> Report {
    pipeline.clean_text(text.to_owned(), EncodingInfo::of_text(text))
}

/// Checks that cleaning `report`'s output once more changes nothing, and that `report`'s edit
/// log accounts for every character its output gained or lost. The error says what failed.
pub fn check(pipeline: &Pipeline, report: &Report) -> Result<(), String> {
    let twice = clean_text(pipeline, report.text());
    if twice.text() != report.text() {
        return Err(format!(
            "not idempotent: {:?} cleans to {:?}, which cleans to {:?}; second edits: {:?}",
            report.document.original(),
            report.text(),
            twice.text(),
            twice.edits()
        ));
    }
    let unlogged = unlogged_changes(report);
    if !unlogged.is_empty() {
        return Err(format!("changes missing from the edit log of {:?}: {unlogged:?}", report.document.original()));
    }
    Ok(())
}

/// Characters whose count changed between input and output by more or less than the edits say.
pub fn unlogged_changes(report: &Report) -> HashMap<char, i64> {
    let mut balance: HashMap<char, i64> = HashMap::new();
    let mut count = |text: &str, sign: i64| {
        for c in text.chars() {
            *balance.entry(c).or_default() += sign;
        }
    };
    count(report.text(), 1);
    count(report.document.original(), -1);
    for edit in report.edits() {
        count(&edit.after, -1);
        count(&edit.before, 1);
    }
    balance.retain(|_, n| *n != 0);
    balance
}

//! Properties of cleaning any text, checked on generated Chinese-biased inputs: cleaning never
//! panics, is idempotent, and accounts for every character it removes or adds with an edit.
//!
//! The fuzz targets under `fuzz/` check the same properties without a time bound
//! (`cargo xtask fuzz`); this test runs a few thousand cases on every submission.

use proptest::prelude::*;
use proptest::test_runner::{Config as Runner, FileFailurePersistence};
use std::collections::HashMap;
use zhclean::{Config, EncodingInfo, Pipeline, Report};

/// Fragments that real damaged Chinese text is made of; inputs are sequences of them.
const FRAGMENTS: &[&str] = &[
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

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|parts| parts.concat())
}

fn runner() -> Runner {
    Runner { cases: 1500, failure_persistence: Some(Box::new(FileFailurePersistence::Off)), ..Runner::default() }
}

fn clean(pipeline: &Pipeline, text: &str) -> Report {
    pipeline.clean_text(text.to_owned(), EncodingInfo::of_text(text))
}

/// Asserts that cleaning `input` once more changes nothing, and that the edit log accounts for
/// every character the output gained or lost.
fn check_properties(pipeline: &Pipeline, input: &str) -> Result<(), TestCaseError> {
    let once = clean(pipeline, input);
    let twice = clean(pipeline, once.text());
    prop_assert_eq!(twice.text(), once.text(), "not idempotent; second edits: {:?}", twice.edits());
    prop_assert_eq!(unaccounted(&once), HashMap::new(), "changes missing from the edit log");
    Ok(())
}

/// Characters whose count changed between input and output by more or less than the edits say.
fn unaccounted(report: &Report) -> HashMap<char, i64> {
    let mut balance: HashMap<char, i64> = HashMap::new();
    for c in report.text().chars() {
        *balance.entry(c).or_default() += 1;
    }
    for c in report.document.original().chars() {
        *balance.entry(c).or_default() -= 1;
    }
    for edit in report.edits() {
        for c in edit.after.chars() {
            *balance.entry(c).or_default() -= 1;
        }
        for c in edit.before.chars() {
            *balance.entry(c).or_default() += 1;
        }
    }
    balance.retain(|_, n| *n != 0);
    balance
}

proptest! {
    #![proptest_config(runner())]

    #[test]
    fn default_cleaning_is_idempotent_and_logged(input in document()) {
        let pipeline = Pipeline::new(Config::default()).unwrap();
        check_properties(&pipeline, &input)?;
    }

    #[test]
    fn cleaning_with_unsafe_fixes_is_idempotent_and_logged(input in document()) {
        let config = Config { unsafe_fixes: true, ..Config::default() };
        check_properties(&Pipeline::new(config).unwrap(), &input)?;
    }

    #[test]
    fn copywriting_cleaning_is_idempotent_and_logged(input in document()) {
        let config = Config { profile: zhclean::Profile::Copywriting, ..Config::default() };
        check_properties(&Pipeline::new(config).unwrap(), &input)?;
    }
}

/// The inputs of the reliability report, each once a failure.
#[test]
fn known_counterexamples() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let cases = [
        "⽔  ⼀",
        "—,",
        "⻓--...",
        "(...,⻓）",
        "\"\"－-",
        "你好,ok?",
        "中\n\u{2003}。中\n 中中…",
        "双方\n合作\n双方\n发展\n双方",
        "正文。\n   3",
        "\t1",
        "  # 标题",
        "ï•\u{AD}å\u{8D}Žä°‘",
        "\u{202F}0",
        "第３页",
        "AT&T公司合作",
    ];
    for input in cases {
        check_properties(&pipeline, input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

/// Text that is not page furniture stays: a lone number or page label, a repeated label.
#[test]
fn lone_page_labels_and_repeated_labels_are_text() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let cases = [
        ("\t1", "1\n"),
        ("\u{202F}0", "0\n"),
        ("第３页", "第3页\n"),
        ("正文。\n   3", "正文。\n\n3\n"),
        ("双方\n合作\n双方\n发展\n双方", "双方\n\n合作\n\n双方\n\n发展\n\n双方\n"),
        ("AT&T公司合作\n", "AT&T公司合作\n"),
    ];
    for (input, expected) in cases {
        assert_eq!(clean(&pipeline, input).text(), expected, "{input:?}");
    }
}

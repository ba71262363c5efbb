//! The properties of [`zhclean::properties`] on generated Chinese-biased inputs: cleaning never
//! panics, is idempotent, and logs every change. The fuzz targets under `fuzz/` check the same
//! without a time bound (`cargo xtask fuzz`); this test runs a few thousand cases.

use proptest::prelude::*;
use proptest::test_runner::{Config as Runner, FileFailurePersistence};
use zhclean::properties::{FRAGMENTS, check, clean_text};
use zhclean::{Config, Pipeline, Profile};

/// A sequence of fragments, some of them repeated (`</</</`, `<<<<`): a rule that removes one
/// layer of a repeated mark per run shows there.
fn document() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => (prop::sample::select(FRAGMENTS), 2..9usize).prop_map(|(fragment, times)| fragment.repeat(times)),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

/// 1,500 cases per property, or `PROPTEST_CASES` when set (for longer hunts).
fn runner() -> Runner {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1500);
    Runner { cases, failure_persistence: Some(Box::new(FileFailurePersistence::Off)), ..Runner::default() }
}

fn holds(config: Config, input: &str) -> Result<(), TestCaseError> {
    let pipeline = Pipeline::new(config).unwrap();
    check(&pipeline, &clean_text(&pipeline, input)).map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(runner())]

    #[test]
    fn default_cleaning_is_idempotent_and_logged(input in document()) {
        holds(Config::default(), &input)?;
    }

    #[test]
    fn cleaning_with_unsafe_fixes_is_idempotent_and_logged(input in document()) {
        holds(Config { unsafe_fixes: true, ..Config::default() }, &input)?;
    }

    #[test]
    fn copywriting_cleaning_is_idempotent_and_logged(input in document()) {
        holds(Config { profile: Profile::Copywriting, ..Config::default() }, &input)?;
    }
}

/// An input that needs more rounds than most to reach its fixed point (joins and the unsafe
/// removal of a repeated paragraph feed each other).
#[test]
fn slow_convergence_with_unsafe_fixes() {
    let input = "记者：，合作\r\n\u{fffd}\r\n\r--\u{ad}\r\n\r--\u{ad}ï¼Œ\r合作\u{fffd}\r\n\r中国，\r（下转第三版）合作\u{fffd}\r\n\r--\u{ad}\r\n\r--\u{ad}ï¼Œ\r合作\u{fffd}\r\n\r链接:\r學";
    holds(Config { unsafe_fixes: true, ..Config::default() }, input).unwrap();
}

/// The inputs of the reliability report, each once a failure.
#[test]
fn known_counterexamples() {
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
        "Ａ<<<<<<<",
        "# # # # # # # </２",
        "&amp;amp;amp;lt;",
        "、~发展)</</</</</</</</",
        "<\t\r\n·<\u{202f}<<\t\r\n·<\u{202f}<\u{202f}\t<\u{202f}<\u{202f}\t\u{202f}\t<\u{202f}<\u{202f}\t",
        "记者：，合作\r\n\u{fffd}\r\n\r--\u{ad}\r\n\r--\u{ad}ï¼Œ\r合作\u{fffd}\r\n\r中国，\r（下转第三版）合作\u{fffd}\r\n\r--\u{ad}\r\n\r--\u{ad}ï¼Œ\r合作\u{fffd}\r\n\r链接:\r學",
    ];
    for input in cases {
        holds(Config::default(), input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    }
}

/// Text that is not page furniture stays: a lone number or page label, a repeated label.
#[test]
fn lone_page_labels_and_repeated_labels_are_text() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let cases = [
        ("\t1", "\t1\n"),
        ("\u{202F}0", "\u{202F}0\n"),
        ("第３页", "第3页\n"),
        ("正文。\n   3", "正文。\n   3\n"),
        ("双方\n合作\n双方\n发展\n双方", "双方\n合作\n双方\n发展\n双方\n"),
        ("AT&T公司合作\n", "AT&T公司合作\n"),
    ];
    for (input, expected) in cases {
        assert_eq!(clean_text(&pipeline, input).text(), expected, "{input:?}");
    }
}

/// Ordinary text that once crashed or stalled the pipeline.
#[test]
fn entity_like_text_and_long_latin_runs() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    assert_eq!(clean_text(&pipeline, "AT&T公司合作\n").text(), "AT&T公司合作\n");
    assert_eq!(clean_text(&pipeline, "&中文;\n").text(), "&中文；\n");
    let dots = format!("中{}\n", "a.".repeat(20_000));
    assert_eq!(clean_text(&pipeline, &dots).text(), dots);
}

//! Snapshot tests over every corpus file: what cleaning changes (a unified diff of input and
//! output whose hunks name their rules) and the diagnostics, stored under `snapshots/`. A rule
//! change shows up as the hunks it touches; review it with `cargo insta review`.

use std::path::Path;
use zhclean::output::render_review;
use zhclean::registry::Stage;
use zhclean::{Config, Pipeline, Report};

fn clean(path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap();
    let pipeline = Pipeline::new(Config::default()).unwrap();
    pipeline.clean_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn corpus_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("../corpus", "*.txt", |path| {
            let report = clean(path);
            insta::assert_snapshot!("review", render_review(&report));
        });
    });
}

/// How every encoded variant in `corpus/encodings/` is detected, as `zhclean detect` prints it.
#[test]
fn detect_encoded_variants() {
    let mut lines = Vec::new();
    insta::glob!("../corpus/encodings", "*.txt", |path| {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let info = zhclean_encoding::decode(&bytes, &zhclean::DecodeOptions::default()).unwrap().info;
        lines.push(zhclean::output::detection_line(&name, bytes.len(), &info));
    });
    lines.sort();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("detect-encodings", lines.join("\n")));
}

#[test]
fn cleaning_the_corpus_is_idempotent() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    insta::glob!("../corpus", "*.txt", |path| {
        let once = clean(path);
        let twice = pipeline.clean_bytes(once.text().as_bytes()).unwrap();
        assert_eq!(twice.text(), once.text(), "{}", path.display());
        assert_eq!(twice.edits(), &[], "{}", path.display());
    });
}

/// Cleaning for the text alone (as `zhclean clean` does without `--report`) gives the same
/// text and edits as a full run, and the findings of the editing stages only.
#[test]
fn cleaning_for_the_text_alone_changes_nothing_but_the_findings() {
    let text_only = Pipeline::new(Config::default()).unwrap().text_only();
    insta::glob!("../corpus", "*.txt", |path| {
        let full = clean(path);
        let fast = text_only.clean_bytes(&std::fs::read(path).unwrap()).unwrap();
        assert_eq!(fast.text(), full.text(), "{}", path.display());
        assert_eq!(fast.edits(), full.edits(), "{}", path.display());
        let editing_stages = |d: &&zhclean::Diagnostic| {
            !matches!(zhclean::registry::find(d.code).unwrap().stage, Stage::Lint | Stage::Convert)
        };
        let expected: Vec<_> = full.diagnostics.iter().filter(editing_stages).collect();
        assert_eq!(fast.diagnostics.iter().collect::<Vec<_>>(), expected, "{}", path.display());
    });
}

/// Edit distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The cleaned paragraphs of a corpus file, from the first one that starts with `first`, with
/// the breaks reported as possible stray breaks after the line ends in `joined` joined, and the
/// number of those breaks found.
fn paragraphs_from(file: &str, first: &str, joined: &[&str]) -> (Vec<String>, usize) {
    let report = clean(&Path::new("corpus").join(file));
    let text = report.text();
    let mut unsure: Vec<usize> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "possible-stray-break" && joined.iter().any(|tail| d.message.contains(tail)))
        .map(|d| report.document.to_current(d.range.end))
        .collect();
    unsure.sort_unstable();
    let mut out = String::new();
    let mut cursor = 0;
    for &at in &unsure {
        out.push_str(&text[cursor..at]);
        cursor = at + text[at..].len() - text[at..].trim_start_matches('\n').len();
    }
    out.push_str(&text[cursor..]);
    let paragraphs: Vec<String> = out.trim_end().split("\n\n").map(str::to_owned).collect();
    let start = paragraphs.iter().position(|p| p.starts_with(first)).unwrap();
    (paragraphs[start..].to_vec(), unsure.len())
}

/// The newspaper OCR of the 2025 statement, cleaned, matches the cleaned web copy paragraph by
/// paragraph up to its continuation marker, once the one column break it reports (`实` /
/// `现国家统一`) is joined. The only differences allowed are OCR word errors (a few characters
/// per paragraph) and the one place where the newspaper set two paragraphs as one.
#[test]
fn newspaper_ocr_aligns_with_the_web_copy() {
    let (web, _) = paragraphs_from("2025-joint-statement.web.txt", "应俄罗斯联邦总统普京邀请", &[]);
    let (ocr, reported) =
        paragraphs_from("2025-joint-statement.newspaper-ocr.txt", "应俄罗斯联邦总统普京邀请", &["土完整、实`"]);
    assert_eq!(reported, 1, "the column break after `实` is reported, not joined");
    let ocr_body: Vec<&String> = ocr.iter().take_while(|p| *p != "（下转第三版）").collect();
    assert!(ocr[ocr_body.len() + 1].starts_with("当地时间5月7日"), "the marker is kept before the other article");
    let (mut j, mut merged, mut word_errors) = (0, Vec::new(), 0);
    for paragraph in &ocr_body {
        let distance = edit_distance(paragraph, &web[j]);
        if distance * 10 <= web[j].chars().count() {
            word_errors += distance;
            j += 1;
        } else {
            let both = format!("{}{}", web[j], web[j + 1]);
            assert!(edit_distance(paragraph, &both) * 10 <= both.chars().count(), "no match for {paragraph}");
            merged.push(paragraph.chars().take(12).collect::<String>());
            j += 2;
        }
    }
    assert_eq!(merged, ["双方将以元首外交为引领，"]);
    assert_eq!((ocr_body.len(), j), (62, 63));
    assert_eq!(word_errors, 31, "characters that differ through OCR errors");
    assert!(ocr_body.iter().any(|p| p.ends_with("实现国家统一所采取的举措。")));
}

/// The clean web copy keeps its body as it is: the only edits are in the scraper header's
/// spacing and the signature block and footer after the body, and nothing is reported.
#[test]
fn the_clean_web_statement_body_is_unchanged() {
    let report = clean(Path::new("corpus/2025-joint-statement.web.txt"));
    let body = 4..255;
    let inside: Vec<String> = report
        .edits()
        .iter()
        .map(|edit| (report.document.original_line_col(edit.range.start).line, edit.rule))
        .filter(|(line, _)| body.contains(line))
        .map(|(line, rule)| format!("{line}: {rule}"))
        .collect();
    assert_eq!(inside, Vec::<String>::new());
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

/// Every defect the design notes list for the seeds is reported, at its line of the input.
#[test]
fn every_listed_defect_of_the_seeds_is_reported_at_its_line() {
    let expected: &[(&str, &[(u32, &str)])] = &[
        (
            "2023-joint-statement.txt",
            &[
                (49, "doubled-word"),
                (55, "section-sequence"),
                (85, "duplicate-paragraph"),
                (137, "duplicate-paragraph"),
                (139, "duplicate-paragraph"),
                (141, "duplicate-paragraph"),
                (187, "duplicate-paragraph"),
                (189, "duplicate-paragraph"),
                (197, "truncated-ending"),
            ],
        ),
        (
            "2024-joint-statement.pdf-extract.txt",
            &[
                (5, "truncated-paragraph"),
                (13, "truncated-paragraph"),
                (14, "truncated-paragraph"),
                (14, "unbalanced-pair"),
                (16, "truncated-paragraph"),
                (39, "truncated-paragraph"),
                (47, "truncated-paragraph"),
                (64, "section-sequence"),
                (76, "truncated-paragraph"),
                (118, "truncated-paragraph"),
                (134, "truncated-paragraph"),
                (146, "section-sequence"),
                (176, "truncated-paragraph"),
            ],
        ),
        ("2025-joint-statement.newspaper-ocr.txt", &[(49, "doubled-word"), (131, "continuation-marker")]),
        (
            "2026-joint-statement.txt",
            &[
                (79, "doubled-word"),
                (105, "latin-word-in-chinese"),
                (119, "traditional-in-simplified"),
                (123, "doubled-word"),
                (187, "traditional-in-simplified"),
                (199, "doubled-word"),
                (201, "duplicate-paragraph"),
                (203, "duplicate-paragraph"),
            ],
        ),
    ];
    for (file, defects) in expected {
        let report = clean(&Path::new("corpus").join(file));
        let found: Vec<(u32, &str)> =
            report.diagnostics.iter().map(|d| (report.document.original_line(d.range.start), d.rule)).collect();
        let missing: Vec<_> = defects.iter().filter(|defect| !found.contains(defect)).collect();
        assert!(missing.is_empty(), "{file}: not reported: {missing:?}; found: {found:?}");
    }
}

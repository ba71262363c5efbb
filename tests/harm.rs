//! The harm gate: correct text of every kind comes through `clean` unchanged, and `check`
//! reports no warning or error on it.
//!
//! `../shared/corpus-real/` holds real, correct documents (laws of the mainland and Taiwan,
//! government reports, a policy document, a meeting transcript, verse, 论语, traditional prose
//! with dialogue, a technical text in copywriting style), each with its profile in
//! `profiles.tsv`; `tests/fixtures/correct/` holds short correct texts of other kinds, each
//! cleaned with the default settings.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhclean::{Config, Pipeline, Profile, Report, Severity};

const CORPUS_REAL: &str = "../shared/corpus-real";

/// What cleaning changed or reported on correct text: edits and warnings or errors, by rule.
fn harm(report: &Report) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for edit in report.edits() {
        *found.entry(format!("edit {}", edit.rule)).or_default() += 1;
    }
    for diagnostic in report.diagnostics.iter().filter(|d| d.severity >= Severity::Warning) {
        *found.entry(format!("{} {}", diagnostic.severity, diagnostic.rule)).or_default() += 1;
    }
    found
}

fn clean(path: &Path, profile: Profile) -> Report {
    let pipeline = Pipeline::new(Config { profile, ..Config::default() }).unwrap();
    pipeline.clean_bytes(&std::fs::read(path).unwrap()).unwrap()
}

/// The files of corpus-real with their profiles.
fn corpus_real() -> Vec<(PathBuf, Profile)> {
    let table = std::fs::read_to_string(Path::new(CORPUS_REAL).join("profiles.tsv"))
        .expect("../shared/corpus-real/ is beside the checkout");
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let profile = match fields[1] {
                "copywriting" => Profile::Copywriting,
                _ => Profile::GbT15834,
            };
            (Path::new(CORPUS_REAL).join(fields[0]), profile)
        })
        .collect()
}

#[test]
fn correct_documents_come_through_unchanged() {
    let mut harmed = BTreeMap::new();
    for (path, profile) in corpus_real() {
        let report = clean(&path, profile);
        let found = harm(&report);
        if !found.is_empty() {
            harmed.insert(path.file_name().unwrap().to_string_lossy().into_owned(), found);
        }
    }
    assert_eq!(harmed, BTreeMap::new(), "edits and warnings on correct text");
}

#[test]
fn correct_texts_of_other_kinds_come_through_unchanged() {
    let mut harmed = BTreeMap::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/correct")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    for path in paths {
        let profile =
            if path.to_string_lossy().contains("copywriting") { Profile::Copywriting } else { Profile::GbT15834 };
        let report = clean(&path, profile);
        let found = harm(&report);
        if !found.is_empty() {
            harmed.insert(path.file_name().unwrap().to_string_lossy().into_owned(), found);
        }
    }
    assert_eq!(harmed, BTreeMap::new(), "edits and warnings on correct text");
}

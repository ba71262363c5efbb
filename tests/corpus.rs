//! Snapshot tests over every corpus file: the cleaned text and the report (edits and
//! diagnostics), stored under `snapshots/`. Review changes with `cargo insta review`.

use std::path::Path;
use zhclean::output::render_report;
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
            insta::assert_snapshot!("clean", report.text());
            insta::assert_snapshot!("report", render_report(&report));
        });
    });
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

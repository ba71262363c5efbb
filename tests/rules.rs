//! Every rule has a fixture under `tests/fixtures/rules/`, named after it, with text it must
//! report or change and text it must leave alone. The findings of `check` on each fixture (its
//! own edits and every diagnostic) are snapshotted under `snapshots/`.

use zhclean::output::{Finding, findings, human_line};
use zhclean::{Config, Pipeline, Profile};

/// The pipeline for a fixture: `mixed-punctuation-width` reports what `halfwidth-punctuation`
/// leaves, so its fixture runs with that rule switched off; `copywriting-spacing` runs in its
/// profile and `opencc-conversion` when converting.
fn pipeline_for(rule: &str) -> Pipeline {
    let disabled = if rule == "mixed-punctuation-width" { vec!["halfwidth-punctuation".to_owned()] } else { vec![] };
    let profile = if rule == "copywriting-spacing" { Profile::Copywriting } else { Profile::GbT15834 };
    let convert = (rule == "opencc-conversion").then(|| "t2s".to_owned());
    Pipeline::new(Config { disabled: disabled.into_iter().collect(), profile, convert, ..Config::default() }).unwrap()
}

#[test]
fn rule_fixtures() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::glob!("fixtures/rules", "*.txt", |path| {
            let rule = path.file_stem().unwrap().to_string_lossy().into_owned();
            let found = match pipeline_for(&rule).clean_bytes(&std::fs::read(path).unwrap()) {
                Ok(report) => findings("", &report),
                Err(error) => vec![Finding::failure("", &error.to_string())],
            };
            // What the rule reports, and the edits it would make (those of other rules are the
            // corpus snapshots' part).
            let own = |f: &&Finding| f.code != "ZH000" || f.rule == rule || rule == "pending-edits";
            let lines: Vec<String> = found.iter().filter(own).map(human_line).collect();
            let names_it =
                |l: &String| l.contains(&format!("] {rule}:")) || (rule == "pending-edits" && l.contains("[ZH000]"));
            assert!(lines.iter().any(names_it), "{rule} is not reported: {lines:#?}");
            insta::assert_snapshot!("rule", lines.join("\n"));
        });
    });
}

#[test]
fn every_rule_has_a_fixture() {
    let missing: Vec<&str> = zhclean::registry::RULES
        .iter()
        .map(|rule| rule.name)
        .filter(|name| !std::path::Path::new(&format!("tests/fixtures/rules/{name}.txt")).exists())
        .collect();
    assert_eq!(missing, Vec::<&str>::new());
}

/// Every edit and every finding the corpus gives names a rule of the registry, with the code
/// the registry gives it.
#[test]
fn every_rule_a_report_names_is_registered() {
    let pipeline = Pipeline::new(Config { unsafe_fixes: true, ..Config::default() }).unwrap();
    for entry in std::fs::read_dir("corpus").unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let report = pipeline.clean_bytes(&std::fs::read(&path).unwrap()).unwrap();
        for edit in report.edits() {
            assert!(zhclean::registry::by_name(edit.rule).is_some(), "{}: {}", path.display(), edit.rule);
        }
        for diagnostic in &report.diagnostics {
            let rule = zhclean::registry::find(diagnostic.code).unwrap();
            assert_eq!(rule.name, diagnostic.rule, "{}", path.display());
        }
    }
}

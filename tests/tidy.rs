//! Keeps the documentation and the code in step: every rule is documented with the fixed
//! headings and has a fixture, the README's rule count and the ARCHITECTURE code map match the
//! code, and library code prints nothing (only the binaries know about terminals).

use std::path::{Path, PathBuf};
use zhclean::registry::RULES;

#[test]
fn every_rule_has_the_four_headings_and_a_fixture() {
    for rule in RULES {
        let doc = rule.documentation();
        for heading in ["## What it does", "## Why", "## Example", "## Fix safety"] {
            assert!(doc.contains(heading), "{} lacks `{heading}`", rule.name);
        }
        let fixture = format!("tests/fixtures/rules/{}.txt", rule.name);
        assert!(Path::new(&fixture).is_file(), "{} has no fixture {fixture}", rule.name);
    }
}

#[test]
fn the_readme_counts_the_rules() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let claimed = format!("zhclean has {} rules", RULES.len());
    assert!(readme.contains(&claimed), "README.md should say `{claimed}`");
}

#[test]
fn the_architecture_code_map_names_every_crate() {
    let architecture = std::fs::read_to_string("ARCHITECTURE.md").unwrap();
    let mut crates: Vec<String> = std::fs::read_dir("crates")
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    crates.sort();
    let mut mapped: Vec<String> = architecture
        .lines()
        .filter_map(|line| line.strip_prefix("### `crates/")?.strip_suffix('`').map(str::to_owned))
        .collect();
    mapped.sort();
    assert_eq!(mapped, crates, "ARCHITECTURE.md has a `### `crates/NAME`` heading per crate");
}

#[test]
fn library_code_prints_nothing() {
    let mut offenders = Vec::new();
    let mut files: Vec<PathBuf> = rust_files(Path::new("crates"))
        .into_iter()
        .filter(|f| f.components().any(|c| c.as_os_str() == "src"))
        .collect();
    files.extend(
        rust_files(Path::new("src")).into_iter().filter(|f| !f.starts_with("src/cli") && !f.ends_with("main.rs")),
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if !line.starts_with("//")
                && ["println!", "eprintln!", "print!(", "eprint!("].iter().any(|m| line.contains(m))
            {
                offenders.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert_eq!(offenders, Vec::<String>::new());
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

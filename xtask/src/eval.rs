//! `cargo xtask eval [CASES_DIR]...`: how well cleaning restores real extractor output. For every
//! case of `../shared/real-extraction/cases/` (or CASES_DIR: folders holding `input.bin`,
//! `truth.txt` and `meta.json`), it prints the character error rate of the input and of the
//! cleaned text against the true text, and the precision, recall and F1 of the paragraph
//! boundaries; then the means per extractor.
//!
//! Character error rate: edits (insertions, deletions, substitutions, from a Myers diff of the
//! characters) per character of the truth. Paragraph boundaries: the starts of the paragraphs
//! (blocks separated by blank lines), placed in the text without whitespace and matched through
//! the diff of the two texts.
//!
//! `cargo xtask eval --errors CASE...` prints, for each case folder, the boundaries the cleaned
//! text has and the truth lacks (`+`) and those it missed (`-`), each with its context.

use crate::align::{alignment, error_rate, without_whitespace};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use zhclean::{Config, DecodeOptions, Pipeline, Profile};

#[derive(Deserialize)]
struct Meta {
    kind: String,
    #[serde(default)]
    input_encoding: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    columns: Option<u32>,
}

/// The measures of one case.
struct Scores {
    cer_before: f64,
    cer_after: f64,
    precision: f64,
    recall: f64,
    /// F1 of the paragraph boundaries of the input, as the extractor left them.
    f1_before: f64,
    /// A PDF text layer of one column (not OCR, not two columns).
    single_column_pdf: bool,
}

impl Scores {
    fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(("--errors", cases)) = args.split_first().map(|(first, rest)| (first.as_str(), rest)) {
        return cases.iter().try_for_each(|case| print_errors(Path::new(case)));
    }
    let dirs: Vec<PathBuf> = if args.is_empty() {
        let own = crate::root().join("corpus/extraction/cases");
        [crate::root().join("../shared/real-extraction/cases")].into_iter().chain(own.is_dir().then_some(own)).collect()
    } else {
        args.iter().map(PathBuf::from).collect()
    };
    for dir in &dirs {
        println!("{}\n", dir.display());
        evaluate_all(&case_dirs(dir)?);
        println!();
    }
    Ok(())
}

/// The case folders (those holding an `input.bin`) of `dir`, sorted.
pub fn case_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("input.bin").is_file())
        .collect();
    cases.sort();
    Ok(cases)
}

/// Scores every case and prints one row per case, then the means per extractor.
fn evaluate_all(cases: &[PathBuf]) {
    println!(
        "{:<40} {:<18} {:>9} {:>9} {:>6} {:>6} {:>6} {:>6}",
        "case", "extractor", "CER in", "CER out", "F1 in", "P", "R", "F1"
    );
    let mut by_kind: BTreeMap<String, Vec<Scores>> = BTreeMap::new();
    for case in cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy().into_owned();
        match evaluate(case) {
            Ok((kind, scores)) => {
                println!(
                    "{name:<40} {kind:<18} {:>9.4} {:>9.4} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
                    scores.cer_before,
                    scores.cer_after,
                    scores.f1_before,
                    scores.precision,
                    scores.recall,
                    scores.f1()
                );
                by_kind.entry(kind).or_default().push(scores);
            }
            Err(message) => println!("{name:<40} failed: {message}"),
        }
    }
    println!("\nmeans per extractor");
    let all: Vec<&Scores> = by_kind.values().flatten().collect();
    let single: Vec<&Scores> = all.iter().copied().filter(|s| s.single_column_pdf).collect();
    let groups = by_kind.iter().map(|(k, v)| (k.as_str(), v.iter().collect::<Vec<_>>()));
    for (kind, scores) in groups.chain([("PDF, one column", single), ("all", all)]) {
        let mean = |f: &dyn Fn(&Scores) -> f64| scores.iter().map(|s| f(s)).sum::<f64>() / scores.len().max(1) as f64;
        println!(
            "{kind:<18} {:>3} cases  CER {:.4} → {:.4}  F1 {:.3} →  P {:.3}  R {:.3}  F1 {:.3}",
            scores.len(),
            mean(&|s| s.cer_before),
            mean(&|s| s.cer_after),
            mean(&|s| s.f1_before),
            mean(&|s| s.precision),
            mean(&|s| s.recall),
            mean(&Scores::f1)
        );
    }
}

/// Prints the paragraph boundaries of one case's cleaned text that the truth lacks (`+`) and
/// those it missed (`-`), each with the text around it.
fn print_errors(case: &Path) -> Result<(), String> {
    let (text, truth) = clean_case(case)?;
    let (found, expected) = (paragraph_starts(&text), paragraph_starts(&truth));
    let (text, truth) = (without_whitespace(&text), without_whitespace(&truth));
    let to_truth = alignment(&text, &truth);
    let matched = matches(&found, &to_truth, &expected);
    let chars: Vec<char> = text.chars().collect();
    let truth_chars: Vec<char> = truth.chars().collect();
    let around = |chars: &[char], at: usize| {
        let before: String = chars[at.saturating_sub(16)..at].iter().collect();
        let after: String = chars[at..(at + 12).min(chars.len())].iter().collect();
        format!("{before}⏎{after}")
    };
    println!("{}", case.display());
    for start in found.iter().filter(|s| !matched.contains_key(s)) {
        println!("  + {}", around(&chars, *start));
    }
    let hit: BTreeSet<usize> = matched.into_values().collect();
    for &start in expected.iter().filter(|s| !hit.contains(s)) {
        println!("  - {}", around(&truth_chars, start));
    }
    Ok(())
}

/// Cleans one case as `evaluate` does: the cleaned text and the true text.
fn clean_case(case: &Path) -> Result<(String, String), String> {
    let (_, report, truth) = clean_case_report(case)?;
    Ok((report.text().to_owned(), truth))
}

/// Cleans one case: its metadata, the report and the true text.
fn clean_case_report(case: &Path) -> Result<(Meta, zhclean::Report, String), String> {
    let read = |name: &str| std::fs::read(case.join(name)).map_err(|e| format!("{name}: {e}"));
    let meta: Meta = serde_json::from_slice(&read("meta.json")?).map_err(|e| format!("meta.json: {e}"))?;
    let truth = String::from_utf8(read("truth.txt")?).map_err(|_| "truth.txt is not UTF-8".to_owned())?;
    let encoding = match meta.input_encoding.as_deref() {
        Some(label) if !label.eq_ignore_ascii_case("utf-8") => {
            Some(zhclean_encoding::lookup(label).map_err(|e| e.to_string())?)
        }
        _ => None,
    };
    let copywriting = meta.source.as_deref().is_some_and(|s| s.contains("tech-"));
    let config = Config {
        decode: DecodeOptions { encoding, lossy: true },
        profile: if copywriting { Profile::Copywriting } else { Profile::GbT15834 },
        ..Config::default()
    };
    let pipeline = Pipeline::new(config).map_err(|e| e.to_string())?;
    let report = pipeline.clean_bytes(&read("input.bin")?).map_err(|e| e.to_string())?;
    Ok((meta, report, truth))
}

/// Cleans one case and scores it: its extractor kind and its measures.
fn evaluate(case: &Path) -> Result<(String, Scores), String> {
    let (meta, report, truth) = clean_case_report(case)?;
    let kind = meta.kind.trim_start_matches("pdf-").to_owned();
    let (precision, recall) = boundaries(report.text(), &truth);
    let (precision_before, recall_before) = boundaries(report.document.original(), &truth);
    let scores = Scores {
        cer_before: error_rate(report.document.original(), &truth),
        cer_after: error_rate(report.text(), &truth),
        precision,
        recall,
        f1_before: f1(precision_before, recall_before),
        single_column_pdf: meta.kind.starts_with("pdf-") && meta.columns.unwrap_or(1) == 1,
    };
    Ok((kind, scores))
}

/// Where the paragraphs of `text` start, as indexes into its characters without whitespace.
fn paragraph_starts(text: &str) -> BTreeSet<usize> {
    let mut starts = BTreeSet::new();
    let mut count = 0;
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        starts.insert(count);
        count += paragraph.chars().filter(|c| !c.is_whitespace()).count();
    }
    starts
}

/// The harmonic mean of `precision` and `recall`.
fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) }
}

/// Precision and recall of the paragraph starts of `text` against those of `truth`, matched
/// through the character diff of the two texts without whitespace.
fn boundaries(text: &str, truth: &str) -> (f64, f64) {
    let (found, expected) = (paragraph_starts(text), paragraph_starts(truth));
    let to_truth = alignment(&without_whitespace(text), &without_whitespace(truth));
    let hits = matches(&found, &to_truth, &expected).len();
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    (ratio(hits, found.len()), ratio(hits, expected.len()))
}

/// The paragraph starts `found` in a text that match one of the paragraph starts `expected` in
/// the truth, each with the one it matches. A boundary lies between two characters: where
/// characters of either text have no counterpart in the other around it (`（一）甲` read as
/// `甲`, a stray glyph read before a paragraph), it may lie anywhere among them, so a start
/// matches if a start of the truth lies between the aligned characters on either side of it.
fn matches(found: &BTreeSet<usize>, to_truth: &[Option<usize>], expected: &BTreeSet<usize>) -> BTreeMap<usize, usize> {
    let mut matched = BTreeMap::new();
    let mut after_previous = 0;
    let mut pending = None;
    for (index, aligned) in to_truth.iter().enumerate() {
        if found.contains(&index) {
            pending = Some(index);
        }
        let Some(t) = *aligned else { continue };
        if let Some(start) = pending.take()
            && let Some(&truth_start) = expected.range(after_previous..=t).next_back()
        {
            matched.insert(start, truth_start);
        }
        after_previous = t + 1;
    }
    matched
}

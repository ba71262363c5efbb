//! `cargo xtask calibrate [--cases DIR]... [--dry-run | --check]`: fits the weights of the
//! line-break model (`zhclean_layout::break_model`) and writes them to its generated table
//! (`--check`: fails if the table differs; `cargo xtask test` runs it).
//!
//! Every line break the model scores is a sample, labelled by the true text: a join when the
//! truth has no line break where the next line starts, else a keep. Samples come from
//! - generated layouts (`layouts`) of the clean documents of `../shared/corpus-real/`, and
//! - real extractor output: the cases of `corpus/extraction/cases/` (and of every `--cases`
//!   DIR), each an `input.bin` with its `truth.txt`, aligned character by character.
//!
//! The fit is an L2-regularised logistic regression (Newton's method); the generated layouts
//! weigh as much in total as the real cases. `cargo xtask eval` measures the result on
//! `../shared/real-extraction/`, which the default calibration does not read.

use crate::align::{alignment, without_whitespace};
use crate::layouts::{self, Pages, Shape};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use zhclean_layout::LayoutConfig;
use zhclean_layout::break_model::{JOIN_ABOVE, KEEP_BELOW, Regime, SIGNAL_NAMES, SIGNALS, Signals};

const USAGE: &str = "cargo xtask calibrate [--cases DIR]... [--dry-run | --check] | --explain FILE";

/// Where the generated table goes.
const TABLE: &str = "crates/zhclean-layout/src/break_model/weights.rs";
/// Strength of the L2 penalty on the weights (not on the bias).
const L2: f64 = 0.5;
/// Wrap widths of the generated layouts, in columns.
const WIDTHS: [usize; 4] = [40, 56, 72, 88];

/// One labelled line break.
struct Sample {
    signals: Signals,
    join: bool,
    weight: f64,
    /// From real extractor output, not a generated layout.
    real: bool,
}

#[derive(Deserialize)]
struct Meta {
    #[serde(default)]
    input_encoding: Option<String>,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut dirs = vec![crate::root().join("corpus/extraction/cases")];
    let (mut dry_run, mut check) = (false, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--cases" => dirs.push(PathBuf::from(rest.next().ok_or("--cases needs a directory")?)),
            "--dry-run" => dry_run = true,
            "--check" => check = true,
            "--explain" => return explain(Path::new(rest.next().ok_or("--explain needs a file")?)),
            other => return Err(format!("unknown option `{other}`\nusage: {USAGE}")),
        }
    }
    let mut real = Vec::new();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        for case in crate::eval::case_dirs(dir)? {
            // The model reads one column; interleaved columns are a diagnostic's business.
            let meta = std::fs::read_to_string(case.join("meta.json")).unwrap_or_default();
            if meta.contains("\"columns\": 2") {
                continue;
            }
            let samples = real_samples(&case)?;
            println!("{:<48} {:>5} breaks", case.file_name().unwrap_or_default().to_string_lossy(), samples.len());
            real.extend(samples);
        }
    }
    let mut generated = generated_samples()?;
    let scale = if real.is_empty() { 1.0 } else { real.len() as f64 / generated.len() as f64 };
    for sample in &mut generated {
        sample.weight = scale;
        sample.real = false;
    }
    println!("{} breaks from real extractor output, {} from generated layouts", real.len(), generated.len());
    let samples: Vec<Sample> = real.into_iter().chain(generated).collect();
    let fits: Vec<(f64, Vec<f64>)> = Regime::ALL
        .iter()
        .map(|&regime| {
            let in_regime: Vec<&Sample> = samples.iter().filter(|s| s.signals.regime == regime).collect();
            println!("{regime:?}: {} breaks", in_regime.len());
            fit(&in_regime)
        })
        .collect();
    print_table(&fits);
    summarise(&samples, &fits);
    sweep(&samples, &fits);
    if dry_run {
        return Ok(());
    }
    let path = crate::root().join(TABLE);
    if check {
        let current = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        return if same_table(&current, &fits) {
            println!("{TABLE} is what the calibration gives (within {TOLERANCE} per weight)");
            Ok(())
        } else {
            Err(format!("{TABLE} is not what the calibration gives: run `cargo xtask calibrate` and commit the table"))
        };
    }
    std::fs::write(&path, table(&fits)).map_err(|e| format!("{}: {e}", path.display()))?;
    println!("wrote {TABLE}; rebuild and run `cargo xtask eval` to measure it");
    Ok(())
}

/// Prints every scored break of `file` with its join probability and the signals present.
fn explain(file: &Path) -> Result<(), String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let options = zhclean_encoding::DecodeOptions { encoding: None, lossy: true };
    let input = zhclean_encoding::decode(&bytes, &options).map_err(|e| e.to_string())?.text;
    let (text, breaks) = zhclean_layout::break_samples(&input, &LayoutConfig::default());
    for sample in breaks {
        let before: String =
            text[..sample.next_line].trim_end().chars().rev().take(10).collect::<Vec<_>>().into_iter().rev().collect();
        let after: String = text[sample.next_line..].chars().take(8).collect();
        let present: Vec<String> = SIGNAL_NAMES
            .iter()
            .zip(sample.signals.values)
            .filter(|(_, v)| *v != 0.0)
            .map(|(name, v)| if v == 1.0 { (*name).to_owned() } else { format!("{name}={v:.2}") })
            .collect();
        println!(
            "{:>4.0}% {:?} …{before}⏎{after}…  {}",
            sample.signals.join_probability() * 100.0,
            sample.signals.regime,
            present.join(" ")
        );
    }
    Ok(())
}

/// The labelled breaks of one real case.
fn real_samples(case: &Path) -> Result<Vec<Sample>, String> {
    let read = |name: &str| std::fs::read(case.join(name)).map_err(|e| format!("{}: {e}", case.join(name).display()));
    let meta: Meta = serde_json::from_slice(&read("meta.json")?).map_err(|e| format!("meta.json: {e}"))?;
    let encoding = match meta.input_encoding.as_deref() {
        Some(label) if !label.eq_ignore_ascii_case("utf-8") => {
            Some(zhclean_encoding::lookup(label).map_err(|e| e.to_string())?)
        }
        _ => None,
    };
    let options = zhclean_encoding::DecodeOptions { encoding, lossy: true };
    let input = zhclean_encoding::decode(&read("input.bin")?, &options).map_err(|e| e.to_string())?.text;
    let truth = String::from_utf8(read("truth.txt")?).map_err(|_| "truth.txt is not UTF-8".to_owned())?;
    Ok(labelled(&input, &truth))
}

/// The labelled breaks of every generated layout of the clean documents.
fn generated_samples() -> Result<Vec<Sample>, String> {
    let dir = crate::root().join("../shared/corpus-real");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut samples = Vec::new();
    for (f, file) in files.iter().enumerate() {
        let truth = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let blocks = layouts::units(&truth);
        let title = blocks.first().and_then(|b| b.first()).cloned();
        // Paragraphs that lost their end keep their break (to be reported, not joined).
        let cut = layouts::truncated(&blocks, 40);
        for shape in [Shape::Clean, Shape::IndentDropped, Shape::BlankLineBetween] {
            let pages = Pages { page: 40, footer_style: f, header: None };
            samples.extend(labelled(&layouts::render(&cut, shape, 64, &pages), &layouts::text(&cut)));
        }
        for (s, shape) in Shape::ALL.into_iter().enumerate() {
            for (w, width) in WIDTHS.into_iter().enumerate() {
                let variant = f + s + w;
                let pages = Pages {
                    page: 28 + 5 * (variant % 5),
                    footer_style: variant,
                    header: if variant % 2 == 0 { title.as_deref() } else { None },
                };
                samples.extend(labelled(&layouts::render(&blocks, shape, width, &pages), &truth));
            }
        }
    }
    Ok(samples)
}

/// The breaks the model scores in `input`, each labelled by whether `truth` has a line break
/// where the next line starts. Breaks whose next line has no counterpart in the truth are left
/// out.
fn labelled(input: &str, truth: &str) -> Vec<Sample> {
    let (text, breaks) = zhclean_layout::break_samples(input, &LayoutConfig::default());
    let to_truth = alignment(&without_whitespace(&text), &without_whitespace(truth));
    let truth_breaks = break_positions(truth);
    let mut samples = Vec::with_capacity(breaks.len());
    let (mut offset, mut index) = (0, 0);
    for sample in breaks {
        index += text[offset..sample.next_line].chars().filter(|c| !c.is_whitespace()).count();
        offset = sample.next_line;
        if let Some(Some(j)) = to_truth.get(index) {
            samples.push(Sample { signals: sample.signals, join: !truth_breaks.contains(j), weight: 1.0, real: true });
        }
    }
    samples
}

/// Indexes (into the characters without whitespace) of the characters of `text` that follow a
/// line break.
fn break_positions(text: &str) -> HashSet<usize> {
    let mut positions = HashSet::new();
    let (mut index, mut after_break) = (0, false);
    for c in text.chars() {
        if c == '\n' {
            after_break = true;
        } else if !c.is_whitespace() {
            if after_break {
                positions.insert(index);
            }
            after_break = false;
            index += 1;
        }
    }
    positions
}

/// Fits bias and weights by Newton's method on the weighted log-likelihood with an L2 penalty.
fn fit(samples: &[&Sample]) -> (f64, Vec<f64>) {
    let n = SIGNALS + 1;
    let mut beta = vec![0.0; n];
    let features =
        |s: &&Sample| std::iter::once(1.0).chain(s.signals.values.iter().map(|&x| f64::from(x))).collect::<Vec<f64>>();
    let rows: Vec<Vec<f64>> = samples.iter().map(features).collect();
    for _ in 0..50 {
        let mut gradient = vec![0.0; n];
        let mut hessian = vec![vec![0.0; n]; n];
        for (row, sample) in rows.iter().zip(samples) {
            let z: f64 = row.iter().zip(&beta).map(|(x, b)| x * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = f64::from(u8::from(sample.join));
            for i in 0..n {
                gradient[i] += sample.weight * (y - p) * row[i];
                if row[i] != 0.0 {
                    for j in 0..n {
                        hessian[i][j] += sample.weight * p * (1.0 - p) * row[i] * row[j];
                    }
                }
            }
        }
        for i in 1..n {
            gradient[i] -= L2 * beta[i];
            hessian[i][i] += L2;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, gradient);
        let size: f64 = step.iter().map(|s| s.abs()).fold(0.0, f64::max);
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += s;
        }
        if size < 1e-7 {
            break;
        }
    }
    (beta[0], beta[1..].to_vec())
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs())).unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let diagonal = a[col][col];
        if diagonal.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col].clone();
        for row in col + 1..n {
            let factor = a[row][col] / diagonal;
            for (value, pivot_value) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *value -= factor * pivot_value;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let sum: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 { 0.0 } else { (b[row] - sum) / a[row][row] };
    }
    x
}

fn print_table(fits: &[(f64, Vec<f64>)]) {
    print!("\n{:<28}", "signal");
    for regime in Regime::ALL {
        print!(" {:>10}", format!("{regime:?}"));
    }
    print!("\n{:<28}", "(bias)");
    for (bias, _) in fits {
        print!(" {bias:>10.3}");
    }
    println!();
    for (i, name) in SIGNAL_NAMES.iter().enumerate() {
        print!("{name:<28}");
        for (_, weights) in fits {
            print!(" {:>10.3}", weights[i]);
        }
        println!();
    }
}

/// Prints how the fitted model decides the real and the generated samples: joins made and
/// their precision, breaks reported as unsure, true joins missed.
fn summarise(samples: &[Sample], fits: &[(f64, Vec<f64>)]) {
    println!("\njoin at p ≥ {JOIN_ABOVE}, keep and report at {KEEP_BELOW} ≤ p < {JOIN_ABOVE}");
    for (label, real) in [("real", true), ("generated", false)] {
        let (mut joined, mut wrong, mut unsure, mut missed, mut joins) = (0, 0, 0, 0, 0);
        let group: Vec<&Sample> = samples.iter().filter(|s| s.real == real).collect();
        for sample in &group {
            let p = probability(sample, fits);
            joins += usize::from(sample.join);
            if p >= f64::from(JOIN_ABOVE) {
                joined += 1;
                wrong += usize::from(!sample.join);
            } else {
                unsure += usize::from(p >= f64::from(KEEP_BELOW));
                missed += usize::from(sample.join);
            }
        }
        println!(
            "{label:<10} {} breaks, {joins} true joins: joined {joined} ({wrong} wrongly), kept {missed} true joins, reported {unsure}",
            group.len()
        );
    }
}

/// Prints, for a range of join thresholds, how many breaks would be joined and how many of
/// those wrongly, on the real and on the generated samples: the trade-off behind
/// [`JOIN_ABOVE`].
fn sweep(samples: &[Sample], fits: &[(f64, Vec<f64>)]) {
    println!("\njoin threshold: joined (wrongly) real | generated");
    for threshold in [0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9] {
        let counts = |real: bool| {
            let joined: Vec<&Sample> =
                samples.iter().filter(|s| s.real == real && probability(s, fits) >= threshold).collect();
            (joined.len(), joined.iter().filter(|s| !s.join).count())
        };
        let ((real, real_wrong), (generated, generated_wrong)) = (counts(true), counts(false));
        println!("  {threshold:.2}: {real} ({real_wrong}) | {generated} ({generated_wrong})");
    }
}

/// The join probability the fitted weights give `sample`.
fn probability(sample: &Sample, fits: &[(f64, Vec<f64>)]) -> f64 {
    let (bias, weights) = &fits[sample.signals.regime as usize];
    let z: f64 = bias + sample.signals.values.iter().zip(weights).map(|(&x, w)| f64::from(x) * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// How far a checked-in weight may be from the fitted one. The samples depend a little on the
/// table in use (a bracket stays open across the lines the model joined), so a calibration run
/// with the new table compiled in moves the weights by a few ten-thousandths.
const TOLERANCE: f64 = 0.01;

/// True when the numbers of the table source `current` are the fitted biases and weights,
/// within [`TOLERANCE`].
fn same_table(current: &str, fits: &[(f64, Vec<f64>)]) -> bool {
    let code = current.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let numbers: Vec<f64> = code
        .split(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-')))
        .filter(|token| token.contains('.'))
        .filter_map(|token| token.parse().ok())
        .collect();
    let fitted: Vec<f64> =
        fits.iter().map(|(bias, _)| *bias).chain(fits.iter().flat_map(|(_, w)| w.iter().copied())).collect();
    numbers.len() == fitted.len() && numbers.iter().zip(&fitted).all(|(a, b)| (a - b).abs() <= TOLERANCE)
}

/// The generated source of the weight table.
fn table(fits: &[(f64, Vec<f64>)]) -> String {
    let biases: Vec<String> = fits.iter().map(|(b, _)| format!("{b:.4}")).collect();
    let rows: String = fits
        .iter()
        .zip(Regime::ALL)
        .map(|((_, weights), regime)| {
            let values: Vec<String> = weights.iter().map(|w| format!("{w:.4}")).collect();
            let lines: String = values.chunks(8).map(|chunk| format!("        {},\n", chunk.join(", "))).collect();
            format!("    // {regime:?}\n    [\n{lines}    ],\n")
        })
        .collect();
    format!(
        "//! Generated by `cargo xtask calibrate`; do not edit.\n\n\
         /// Log-odds of a join when no signal is present, per regime (in the order of `Regime::ALL`).\n\
         pub const BIAS: [f32; super::REGIMES] = [{}];\n\n\
         /// The weight of each signal (in the order of `Signal`), per regime.\n\
         pub const WEIGHTS: [[f32; super::SIGNALS]; super::REGIMES] = [\n{rows}];\n",
        biases.join(", ")
    )
}

//! `cargo xtask fuzz [TARGET] [SECONDS]`: runs the fuzz targets under `fuzz/` with cargo-fuzz
//! (libFuzzer, nightly toolchain), each for SECONDS (default 60), installing cargo-fuzz first if
//! it is missing. The byte-level targets start from the corpus documents and their encoded
//! variants; libFuzzer prints the number of executions at the end of each run.

use std::path::Path;
use std::process::Command;

/// The fuzz targets, as named in `fuzz/Cargo.toml`.
const TARGETS: &[&str] = &["decode", "pipeline_bytes", "chinese_text"];
/// Longest input, in bytes: long enough for every rule's context, short enough to be fast.
const MAX_LEN: &str = "-max_len=4096";

pub fn run(args: &[String]) -> Result<(), String> {
    let (targets, seconds) = parse(args)?;
    ensure_cargo_fuzz()?;
    let root = crate::root();
    for target in targets {
        let seeds = root.join("fuzz/corpus").join(target);
        std::fs::create_dir_all(&seeds).map_err(|e| format!("{}: {e}", seeds.display()))?;
        if target != "chinese_text" {
            seed_from_corpus(&root, &seeds)?;
        }
        println!("fuzzing `{target}` for {seconds} s");
        let status = Command::new("cargo")
            .args(["+nightly", "fuzz", "run", target, "--", MAX_LEN, &format!("-max_total_time={seconds}")])
            .current_dir(&root)
            .status()
            .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
        if !status.success() {
            return Err(format!("fuzz target `{target}` failed; the input is under fuzz/artifacts/{target}/"));
        }
    }
    Ok(())
}

fn parse(args: &[String]) -> Result<(Vec<&'static str>, u64), String> {
    let mut targets = Vec::new();
    let mut seconds = 60;
    for arg in args {
        if let Some(&target) = TARGETS.iter().find(|t| **t == arg.as_str()) {
            targets.push(target);
        } else if let Ok(n) = arg.parse() {
            seconds = n;
        } else {
            return Err(format!("unknown fuzz target `{arg}`; the targets are {}", TARGETS.join(", ")));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    Ok((targets, seconds))
}

fn ensure_cargo_fuzz() -> Result<(), String> {
    let installed = Command::new("cargo").args(["fuzz", "--version"]).output().is_ok_and(|o| o.status.success());
    if installed {
        return Ok(());
    }
    println!("installing cargo-fuzz (once)");
    crate::cargo(&["install", "cargo-fuzz", "--locked"])
}

/// Copies the corpus documents and their encoded variants into the seed directory.
fn seed_from_corpus(root: &Path, seeds: &Path) -> Result<(), String> {
    for dir in [root.join("corpus"), root.join("corpus/encodings")] {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten().filter(|e| e.path().is_file()) {
            std::fs::copy(entry.path(), seeds.join(entry.file_name()))
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

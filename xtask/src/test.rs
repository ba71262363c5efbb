//! `cargo xtask test`: the whole test suite, as CI runs it, the check that the line-break
//! model's weight table is what `cargo xtask calibrate` gives, and the Python package (its
//! wheel built with maturin and tested in a virtual environment).
//!
//! When the system's OpenCC library is installed (`pkg-config --exists opencc`; `.ci/run`
//! installs `libopencc-dev`), the conversion crate is also tested with its second backend.
//! When Python 3 can make a virtual environment and install `sarif-pydantic` from PyPI, the
//! SARIF that `check --output-format sarif` prints for the corpus is validated against the SARIF
//! 2.1.0 object model.

use crate::python_env::{self, virtual_environment};
use std::process::Command;

/// The SARIF object model the output is validated against.
const SARIF_MODEL: &str = "sarif-pydantic==0.6.2";

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    crate::cargo(&["test", "--workspace", "--exclude", "zhclean-bench", "--exclude", "zhclean-py"])?;
    crate::calibrate::run(&["--check".to_owned()])?;
    python_package()?;
    validate_sarif()?;
    if system_opencc_installed() {
        crate::cargo(&["test", "--package", "zhclean-convert", "--features", "system-opencc"])
    } else {
        println!(
            "note: the system OpenCC library is not installed (apt-get install libopencc-dev); its backend is not tested"
        );
        Ok(())
    }
}

fn system_opencc_installed() -> bool {
    std::process::Command::new("pkg-config").args(["--exists", "opencc"]).status().is_ok_and(|s| s.success())
}

/// Builds and installs the Python package (see [`python_env::with_package`]) and runs its tests
/// (`crates/zhclean-py/tests`: the API, a Ray Data pipeline on a local two-worker instance, a
/// datatrove pipeline). Skipped, with a note, when the environment cannot be made (no Python,
/// no PyPI); a failing build or test fails.
fn python_package() -> Result<(), String> {
    let Some(python) = python_env::with_package()? else { return Ok(()) };
    let tested = Command::new(&python)
        .args(["-m", "unittest", "discover", "-s"])
        .arg(crate::root().join("crates/zhclean-py/tests"))
        .status()
        .map_err(|e| e.to_string())?;
    if tested.success() { Ok(()) } else { Err("the Python package's tests failed".to_owned()) }
}

/// Checks the corpus with `--output-format sarif` and validates the log with Python, when a
/// virtual environment with the SARIF model can be made (otherwise says why it was skipped).
fn validate_sarif() -> Result<(), String> {
    let root = crate::root();
    let Some(python) = virtual_environment(&root.join("target/venv-sarif"), SARIF_MODEL) else {
        println!("note: could not set up Python with {SARIF_MODEL}; the SARIF output is not validated");
        return Ok(());
    };
    crate::cargo(&["build", "--quiet", "--bin", "zhclean"])?;
    let mut corpus: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    corpus.sort();
    let target = std::env::var("CARGO_TARGET_DIR").map_or(root.join("target"), std::path::PathBuf::from);
    let output = Command::new(target.join("debug/zhclean"))
        .args(["check", "--output-format", "sarif"])
        .args(&corpus)
        .output()
        .map_err(|e| format!("cannot run zhclean: {e}"))?;
    let log = target.join("corpus.sarif");
    std::fs::write(&log, &output.stdout).map_err(|e| format!("{}: {e}", log.display()))?;
    let script = root.join("xtask/src/python/validate_sarif.py");
    let status = Command::new(&python).arg(&script).arg(&log).status().map_err(|e| e.to_string())?;
    if status.success() { Ok(()) } else { Err(format!("{} is not valid SARIF 2.1.0", log.display())) }
}

//! `cargo xtask test`: the whole test suite, as CI runs it, the check that the line-break
//! model's weight table is what `cargo xtask calibrate` gives, and the Python package (its
//! wheel built with maturin and tested in a virtual environment).
//!
//! When the system's OpenCC library is installed (`pkg-config --exists opencc`; `.ci/run`
//! installs `libopencc-dev`), the conversion crate is also tested with its second backend.
//! When Python 3 can make a virtual environment and install `sarif-pydantic` from PyPI, the
//! SARIF that `check --output-format sarif` prints for the corpus is validated against the SARIF
//! 2.1.0 object model.

use std::process::Command;

/// The build backend of the Python package.
const MATURIN: &str = "maturin>=1.7,<2";
/// The engines the Python package's integration tests run on (and what they need to run).
const INTEGRATIONS: &[&str] = &["ray[data]==2.60.0", "datatrove==0.10.1", "orjson", "regex"];

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

/// The Python of a virtual environment at `venv` with `requirement` installed, made on first
/// use; `None` when it cannot be made (no Python, no PyPI).
fn virtual_environment(venv: &std::path::Path, requirement: &str) -> Option<std::path::PathBuf> {
    let python = venv.join("bin/python");
    if installed(venv, requirement) {
        return Some(python);
    }
    let made = Command::new("python3").args(["-m", "venv"]).arg(venv).status().is_ok_and(|s| s.success())
        && Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", requirement])
            .status()
            .is_ok_and(|s| s.success());
    (made && mark_installed(venv, requirement)).then_some(python)
}

/// The marker file of what `venv` has installed.
fn marker(venv: &std::path::Path, requirement: &str) -> std::path::PathBuf {
    let name: String = requirement.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    venv.join(format!(".installed-{name}"))
}

/// True when `requirement` was installed into `venv` by an earlier run.
fn installed(venv: &std::path::Path, requirement: &str) -> bool {
    marker(venv, requirement).is_file()
}

/// Records that `requirement` is installed into `venv`.
fn mark_installed(venv: &std::path::Path, requirement: &str) -> bool {
    std::fs::write(marker(venv, requirement), requirement).is_ok()
}

/// Builds the Python package's wheel with maturin in a virtual environment, installs it there with
/// Ray Data and datatrove, and runs its tests (`crates/zhclean-py/tests`: the API, a Ray Data
/// pipeline on a local two-worker instance, a datatrove pipeline). Skipped, with a note, when
/// the environment cannot be made (no Python, no PyPI); a failing build or test fails.
fn python_package() -> Result<(), String> {
    let root = crate::root();
    let venv = root.join("target/venv-python");
    let Some(python) = virtual_environment(&venv, MATURIN) else {
        println!("note: could not set up Python with {MATURIN}; the Python package is not tested");
        return Ok(());
    };
    if !installed(&venv, &INTEGRATIONS.join(" ")) {
        let mut pip = Command::new(&python);
        pip.args(["-m", "pip", "install", "--quiet"]).args(INTEGRATIONS);
        if !(pip.status().is_ok_and(|s| s.success()) && mark_installed(&venv, &INTEGRATIONS.join(" "))) {
            println!("note: could not install {}; the Ray and datatrove tests are skipped", INTEGRATIONS.join(", "));
        }
    }
    let wheels = root.join("target/wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    let built = Command::new(venv.join("bin/maturin"))
        .args(["build", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("crates/zhclean-py/Cargo.toml"))
        .arg("--out")
        .arg(&wheels)
        .arg("--interpreter")
        .arg(&python)
        .status()
        .map_err(|e| format!("cannot run maturin: {e}"))?;
    if !built.success() {
        return Err("maturin could not build the Python package".to_owned());
    }
    let wheel = std::fs::read_dir(&wheels)
        .map_err(|e| format!("{}: {e}", wheels.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or("maturin built no wheel")?;
    let installed = Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps"])
        .arg(&wheel)
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        return Err(format!("cannot install {}", wheel.display()));
    }
    let tested = Command::new(&python)
        .args(["-m", "unittest", "discover", "-s"])
        .arg(root.join("crates/zhclean-py/tests"))
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

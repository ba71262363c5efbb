//! The Python environments of the tasks: virtual environments under `target/`, made on first
//! use, and the Python package built with maturin and installed in one.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The build backend of the Python package.
const MATURIN: &str = "maturin>=1.7,<2";
/// The engines the Python package's integration tests run on (and what they need to run), each
/// installed on its own so that one that cannot be installed leaves the others.
const INTEGRATIONS: &[&[&str]] =
    &[&["ray[data]==2.60.0"], &["datatrove==0.10.1", "orjson", "regex"], &["pyspark==4.0.1"]];

/// The Python of a virtual environment at `venv` with `requirement` installed, made on first
/// use; `None` when it cannot be made (no Python, no PyPI).
pub fn virtual_environment(venv: &Path, requirement: &str) -> Option<PathBuf> {
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
fn marker(venv: &Path, requirement: &str) -> PathBuf {
    let name: String = requirement.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    venv.join(format!(".installed-{name}"))
}

/// True when `requirement` was installed into `venv` by an earlier run.
fn installed(venv: &Path, requirement: &str) -> bool {
    marker(venv, requirement).is_file()
}

/// Records that `requirement` is installed into `venv`.
fn mark_installed(venv: &Path, requirement: &str) -> bool {
    std::fs::write(marker(venv, requirement), requirement).is_ok()
}

/// The Python of `target/venv-python` with maturin, Ray Data, datatrove and PySpark installed
/// (made on first use) and the package's wheel freshly built and installed; `None`, with a note, when
/// the environment cannot be made (no Python, no PyPI). A failing build is an error.
pub fn with_package() -> Result<Option<PathBuf>, String> {
    let root = crate::root();
    let venv = root.join("target/venv-python");
    let Some(python) = virtual_environment(&venv, MATURIN) else {
        println!("note: could not set up Python with {MATURIN}; the Python package is left out");
        return Ok(None);
    };
    for requirements in INTEGRATIONS {
        let key = requirements.join(" ");
        if installed(&venv, &key) {
            continue;
        }
        let mut pip = Command::new(&python);
        pip.args(["-m", "pip", "install", "--quiet"]).args(*requirements);
        if !(pip.status().is_ok_and(|s| s.success()) && mark_installed(&venv, &key)) {
            println!("note: could not install {key}; its integration test is skipped");
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
    if installed { Ok(Some(python)) } else { Err(format!("cannot install {}", wheel.display())) }
}

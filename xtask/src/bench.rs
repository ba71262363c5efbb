//! `cargo xtask bench`: throughput per stage, for the pipeline and for the peer tool; the
//! command line's start-up, peak memory and one and two threads over a directory of files; the
//! linear-time rows (`--linear` runs only those); then the Python package on the same corpus:
//! `clean_batch`, `clean`, and Ray Data with 1 and 2 workers (`--no-python` leaves it out).

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &["--linear", "--no-python"], &["--mb", "--save-input"])?;
    let mb = crate::flag_value(args, "--mb")?.unwrap_or("10");
    mb.parse::<u32>().map_err(|_| format!("--mb takes a whole number of megabytes, not `{mb}`"))?;
    let corpus = crate::root().join("corpus");
    let corpus = corpus.to_str().ok_or("the repository path is not UTF-8")?;
    let save_input = crate::flag_value(args, "--save-input")?;
    let mode: Vec<&str> = match save_input {
        Some(file) => vec!["--save-input", file],
        None if args.iter().any(|a| a == "--linear") => vec!["--linear"],
        None => vec![],
    };
    crate::cargo(&["build", "--quiet", "--release", "--bin", "zhclean"])?;
    let target = std::env::var("CARGO_TARGET_DIR").map_or(crate::root().join("target"), std::path::PathBuf::from);
    let zhclean = target.join("release/zhclean");
    let zhclean = zhclean.to_str().ok_or("the repository path is not UTF-8")?;
    let bench = [
        &["run", "--quiet", "--release", "--package", "zhclean-bench", "--"][..],
        &mode,
        &["--zhclean", zhclean, "--mb", mb, corpus],
    ];
    crate::cargo(&bench.concat())?;
    if !mode.is_empty() || args.iter().any(|a| a == "--no-python") {
        return Ok(());
    }
    let Some(python) = crate::python_env::with_package()? else { return Ok(()) };
    // The bench's input is the corpus repeated to at least `mb` megabytes.
    let corpus_bytes: u64 = std::fs::read_dir(corpus)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| e.metadata().ok().map(|m| m.len()))
        .sum();
    let wanted: u64 = mb.parse::<u64>().unwrap_or(10) * 1_000_000;
    let copies = wanted.div_ceil(corpus_bytes.max(1)).to_string();
    let script = crate::root().join("xtask/src/python/bench_python.py");
    let status = std::process::Command::new(&python)
        .arg(&script)
        .args([corpus, &copies])
        .status()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if status.success() { Ok(()) } else { Err("the Python benchmark failed".to_owned()) }
}

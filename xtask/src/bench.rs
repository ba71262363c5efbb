//! `cargo xtask bench`: throughput per stage, for the pipeline and for the peer tool, then the
//! linear-time guard (`--linear` runs only the guard).

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &["--linear"], &["--mb"])?;
    let mb = crate::flag_value(args, "--mb")?.unwrap_or("10");
    mb.parse::<u32>().map_err(|_| format!("--mb takes a whole number of megabytes, not `{mb}`"))?;
    let corpus = crate::root().join("corpus");
    let corpus = corpus.to_str().ok_or("the repository path is not UTF-8")?;
    let linear = if args.iter().any(|a| a == "--linear") { &["--linear"][..] } else { &[] };
    let bench =
        [&["run", "--quiet", "--release", "--package", "zhclean-bench", "--"][..], linear, &["--mb", mb, corpus]];
    crate::cargo(&bench.concat())
}

//! `cargo xtask bench`: throughput per stage, for the pipeline and for the peer tool.

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &["--mb"])?;
    let mb = crate::flag_value(args, "--mb")?.unwrap_or("10");
    mb.parse::<u32>().map_err(|_| format!("--mb takes a whole number of megabytes, not `{mb}`"))?;
    let corpus = crate::root().join("corpus");
    let corpus = corpus.to_str().ok_or("the repository path is not UTF-8")?;
    crate::cargo(&["run", "--quiet", "--release", "--package", "zhclean-bench", "--", "--mb", mb, corpus])
}

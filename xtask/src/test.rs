//! `cargo xtask test`: the whole test suite, as CI runs it.

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    crate::cargo(&["test", "--workspace", "--exclude", "zhclean-bench"])
}

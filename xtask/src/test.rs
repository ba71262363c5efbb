//! `cargo xtask test`: the whole test suite, as CI runs it.
//!
//! When the system's OpenCC library is installed (`pkg-config --exists opencc`; `.ci/run`
//! installs `libopencc-dev`), the conversion crate is also tested with its second backend.

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    crate::cargo(&["test", "--workspace", "--exclude", "zhclean-bench"])?;
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

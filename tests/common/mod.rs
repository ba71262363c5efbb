//! Helpers shared by the end-to-end tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the `zhclean` binary with `args`, feeding `input` to its standard input.
pub fn zhclean_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhclean"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails early may not read its input; a broken pipe is fine then.
    let _ = child.stdin.take().unwrap().write_all(input);
    child.wait_with_output().unwrap()
}

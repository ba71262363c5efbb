//! Commands of the `zhclean` binary. Exit status: 0 nothing to report, 1 findings, 2 usage or
//! I/O errors.

mod args;
mod check;
mod clean;
mod detect;
mod input;
mod jsonl;
mod rules;
mod write;

pub use args::Cli;
use args::Command;

/// Exit status of a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Nothing to report.
    Ok = 0,
    /// Findings.
    Findings = 1,
    /// Usage or I/O error.
    Error = 2,
}

/// Runs the command the arguments name.
pub fn run(cli: Cli) -> Status {
    write::remove_temporary_files_on_interrupt();
    match cli.command {
        Command::Clean(args) => clean::run(args),
        Command::Check(args) => check::run(args),
        Command::Detect(args) => detect::run(args),
        Command::Rules { format } => rules::list(format == args::Format::Json),
        Command::Explain { rule } => rules::explain(&rule),
    }
}

/// Writes `text` to standard output. A closed pipe (`zhclean check … | head`) ends the program
/// quietly, as a reader that has seen enough expects.
fn write_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    or_exit(out.write_all(text.as_bytes()).and_then(|()| out.flush()));
}

/// Ends the program when writing standard output failed: quietly for a closed pipe, else with
/// the error.
fn or_exit(written: std::io::Result<()>) {
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write standard output: {e}");
        std::process::exit(2);
    }
}

/// A unified diff of `before` → `after` for `path`, or nothing when they are equal.
fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(path, &format!("{path} (cleaned)"))
        .to_string()
}

/// Prints `message` as an error on standard error.
fn error(message: impl std::fmt::Display) {
    eprintln!("error: {message}");
}

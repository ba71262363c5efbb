//! The `zhclean` command line.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    zhclean::allocator::return_large_blocks_to_the_system();
    let args = cli::Cli::parse();
    // A panic is a bug; the command reports it as an error against the file being cleaned
    // and goes on with the others, so the default message would only repeat it (unless a
    // backtrace was asked for).
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    ExitCode::from(cli::run(args) as u8)
}

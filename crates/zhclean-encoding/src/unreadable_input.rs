//! ## What it does
//! Reports an input that could not be cleaned: a file that cannot be read, binary data (a PDF,
//! an image, an archive), an encoding zhclean does not decode, or bytes that are malformed in
//! the detected encoding. The message names the cause and what to do.
//!
//! ## Why
//! A pipeline must not lose a file without a trace: a failed file is counted, printed, and
//! present in machine-readable output like any other finding, while the other files go on.
//!
//! ## Example
//! ```text
//! scan.pdf:1:1: error[ZH003] unreadable-input: this is a PDF document, not text; extract the
//!               text first (zhclean reads plain-text files only)
//! ```
//!
//! ## Fix safety
//! No fix: convert or extract the file, or name its encoding with `--encoding`; `--lossy`
//! replaces malformed bytes with U+FFFD and reports each one.

pub use zhclean_core::registry::UNREADABLE_INPUT as RULE;

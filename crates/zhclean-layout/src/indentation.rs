//! ## What it does
//! Removes the indentation that extraction leaves before a paragraph: ASCII spaces and tabs. The
//! ideographic indent (`　　`), the Chinese paragraph indent that an author typed, stays.
//!
//! ## Why
//! Extractors reproduce the layout's indents with spaces, in varying numbers.
//!
//! ## Example
//! ```text
//! ␠␠双方指出，合作。      → 双方指出，合作。
//! ```
//!
//! ## Fix safety
//! Safe: only leading whitespace other than ideographic spaces goes.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::INDENTATION.name;

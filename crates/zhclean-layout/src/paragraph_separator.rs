//! ## What it does
//! Separates paragraphs as configured: by one blank line (the default) or by a single line break
//! (`--paragraph-separator newline`); runs of blank lines become one separator, and blank lines
//! before the first paragraph go.
//!
//! ## Why
//! A corpus whose documents separate paragraphs the same way can be split, compared and diffed.
//!
//! ## Example
//! ```text
//! 第一段。\n\n\n\n第二段。   → 第一段。\n\n第二段。
//! ```
//!
//! ## Fix safety
//! Safe: only whitespace between paragraphs changes; the line breaks inside a block of a
//! blank-line document (verse, a label and a speech) are kept as they are.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::PARAGRAPH_SEPARATOR.name;

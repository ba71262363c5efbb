//! ## What it does
//! Separates paragraphs as configured: by one blank line (the default) or by a single line break
//! (`--paragraph-separator newline`); runs of blank lines become one separator, and blank lines
//! before the first paragraph go. In text whose lines no wrap, page or extractor cut (nothing
//! to join, no page numbers), a single line break is the author's and stays.
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
//! blank-line document (verse, a list, a label and a speech) and every single line break of
//! text laid out by its author are kept as they are.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::PARAGRAPH_SEPARATOR.name;

//! ## What it does
//! Reports a line break the layout stage kept although it is not sure the paragraph ends
//! there: for example a line of full width in a wrapped document that ends with `。` — the
//! paragraph may end there, or only the sentence.
//!
//! ## Why
//! PDF extraction, OCR and e-mail wrap paragraphs into lines. zhclean joins a line to the next
//! (rule `stray-line-break`, with a confidence) when the evidence says the break is not a
//! paragraph end: the line ends in a Han character, a digit or a non-terminal mark (`，、；`,
//! an opening bracket), the next line starts with a mark that cannot start a line (`，。）》”`),
//! a bracket is still open, the line is as long as the document's full lines, or the next line
//! is not indented in a document whose paragraphs are. It keeps the break after a sentence end
//! (`。！？…`), before a heading or list item, after a short title line, and before a line that
//! opens a paragraph. Breaks it cannot decide are kept and reported here.
//!
//! ## Example
//! ```text
//! 双方高度评价两国在生态环保领域的合作。    ← full width, ends a sentence
//! 双方将开展金丝猴保护国际合作研究，……    ← new paragraph, or the same one?
//! ```
//!
//! ## Fix safety
//! No automatic fix; join the lines by hand if the paragraph continues.

/// Rule name of the joins.
pub const JOIN: &str = crate::stray_line_break::NAME;

pub use zhclean_core::registry::POSSIBLE_STRAY_BREAK as RULE;

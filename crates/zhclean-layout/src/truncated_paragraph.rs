//! ## What it does
//! Reports a paragraph that stops in the middle of a sentence although the next line starts a
//! new paragraph — text is missing between them.
//!
//! ## Why
//! PDF extraction and OCR lose lines at page and column breaks. The layout stage joins a line
//! to the next when the next one continues the sentence; when the next line instead opens a
//! paragraph (with a subject or connective that opens other paragraphs of the same document,
//! such as `双方` or `此外`), joining would glue two unrelated sentences together. The break is
//! kept and the gap is reported.
//!
//! ## Example
//! ```text
//! 双方计划完善……条约》中所规定的法律判决认可和      ← ends mid-sentence
//!
//! 双方将继续在应急管理领域内加强务实合作，……       ← a new paragraph
//! ```
//!
//! ## Fix safety
//! No fix: the missing text has to be found in the source.

pub use zhclean_core::registry::TRUNCATED_PARAGRAPH as RULE;

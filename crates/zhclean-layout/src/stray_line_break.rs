//! ## What it does
//! Joins a line to the next where the line break is not a paragraph end: the line ends in a Han
//! character, a digit or a mark that cannot end a paragraph (`，、`, an opening bracket), the next
//! line starts with a mark that cannot start one (`，。）》”`), a bracket is open, the line is as long
//! as the document's full lines, a number is cut in two, or the next line is not indented where the
//! document's paragraphs are. Each join carries its confidence.
//!
//! ## Why
//! PDF extraction, OCR and e-mail wrap paragraphs into lines of a fixed width; page and column
//! breaks cut paragraphs in two, often with a blank line between the halves.
//!
//! ## Example
//! ```text
//! 俄方重申恪守一个中国原则，实\n\n现国家统一所采取的举措。
//! → 俄方重申恪守一个中国原则，实现国家统一所采取的举措。
//! ```
//!
//! ## Fix safety
//! Safe: a break the layout is unsure about is kept and reported (`possible-stray-break`); lines of
//! verse, label lines (`記者：`), headings, list items and the lines of a blank-line document's
//! blocks are never joined. Latin words cut by a wrap get their space back; numbers do not.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::STRAY_LINE_BREAK.name;

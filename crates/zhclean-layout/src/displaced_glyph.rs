//! ## What it does
//! Puts back characters that an extractor moved behind their line. Where a font lacks a
//! glyph, the PDF draws it from a fallback font, and some extractors (PyMuPDF) read that glyph
//! as a line of its own after the line it belongs to, leaving the line cut into pieces where it
//! stood. Of a run of lines of one Han character each, the most that, after as many pieces plus
//! one, fill with them no more than one line of the document's wrap width are put back: the
//! characters, in order, into the cuts between the pieces. The characters left over start the
//! next line (the reflow joins them to it).
//!
//! ## Why
//! The characters are not lost, only displaced; left where the extractor put them they read as
//! stray characters inside the text, and the cuts as line breaks the reflow keeps.
//!
//! ## Example
//! ```text
//! 的大櫃臺，櫃裏面豫備
//! 熱水，可以隨時溫酒。做工的人，傍午
//! 着
//! → 的大櫃臺，櫃裏面豫備着熱水，可以隨時溫酒。做工的人，傍午
//! ```
//!
//! ## Fix safety
//! Safe: it needs a wrapped document (a wrap width), at most four characters in the run, and
//! pieces that with them fit in one printed line; anything else is left to the reflow, which
//! joins a lone character to the running text around it.

/// Rule name.
pub const NAME: &str = zhclean_core::registry::DISPLACED_GLYPH.name;

use zhclean_core::{Diagnostic, Document, Edit, LineCol, TextRange};
use zhclean_encoding::EncodingInfo;

/// The outcome of cleaning one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// The document: original input, cleaned text and edit log.
    pub document: Document,
    /// What the lint rules found in the cleaned text and could not (or were not allowed to) fix;
    /// ranges are in the cleaned text (see [`Report::original_span`]).
    pub diagnostics: Vec<Diagnostic>,
    /// How the input was decoded.
    pub encoding: EncodingInfo,
}

impl Report {
    /// The cleaned text.
    pub fn text(&self) -> &str {
        self.document.text()
    }

    /// Every edit, in the order the stages made them.
    pub fn edits(&self) -> &[Edit] {
        self.document.edits()
    }

    /// True when writing the cleaned text would change the file's bytes.
    pub fn changed(&self) -> bool {
        self.encoding.bom || self.document.text() != self.document.original()
    }

    /// Start and end of a range of the cleaned text, as lines and columns of the input.
    pub fn original_span(&self, range: TextRange) -> (LineCol, LineCol) {
        let original = self.document.to_original(range);
        (self.document.original_line_col(original.start), self.document.original_line_col(original.end))
    }
}

use zhclean_core::{Diagnostic, Document, Edit, LineCol, TextRange};
use zhclean_encoding::EncodingInfo;

/// The outcome of cleaning one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// The document: original input, cleaned text and edit log.
    pub document: Document,
    /// What the stages and lint rules found and could not (or were not allowed to) fix, ordered
    /// by position; ranges refer to the original input.
    pub diagnostics: Vec<Diagnostic>,
    /// How the input was decoded.
    pub encoding: EncodingInfo,
    /// Severities the configuration gives rules that edit, by rule name: the severity of the
    /// findings `check` makes of their pending edits (info otherwise).
    pub edit_severities: std::collections::BTreeMap<String, zhclean_core::Severity>,
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

    /// True when writing the cleaned text (UTF-8, no byte order mark) would change the file's
    /// bytes.
    pub fn changed(&self) -> bool {
        self.encoding.bom || self.encoding.encoding != "UTF-8" || self.document.is_changed()
    }

    /// Start and end of each of `ranges` of the original input, as lines and columns, counting
    /// the characters of each line once (a long line with many findings stays linear).
    pub fn spans(&self, ranges: &[TextRange]) -> Vec<(LineCol, LineCol)> {
        let offsets: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end]).collect();
        let found = self.document.original_line_cols(&offsets);
        found.chunks(2).map(|pair| (pair[0], pair[1])).collect()
    }
}

use zhclean_core::{Document, TextRange};

/// Gives the simplified forms of a text's characters, one for one, when it has traditional
/// ones (the convert stage's `simplified_chars`): dictionaries of segmenters are simplified.
pub type Simplifier = fn(&str) -> Option<String>;

/// What a rule sees: the document, its paragraphs, and a way to simplify characters.
pub struct Context<'a> {
    doc: &'a Document,
    paragraphs: Vec<Paragraph<'a>>,
    simplifier: Option<Simplifier>,
}

/// A block of non-blank lines, separated from its neighbours by blank lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph<'a> {
    /// The paragraph's text, without the line break that ends it.
    pub text: &'a str,
    /// Its range in the current text.
    pub range: TextRange,
}

impl<'a> Context<'a> {
    /// Splits the current text of `doc` into paragraphs.
    pub fn new(doc: &'a Document) -> Self {
        Self { doc, paragraphs: paragraphs(doc.text()), simplifier: None }
    }

    /// The same, with a simplifier for rules that segment words.
    pub fn with_simplifier(doc: &'a Document, simplifier: Simplifier) -> Self {
        Self { simplifier: Some(simplifier), ..Self::new(doc) }
    }

    /// `text` in simplified forms, one character for one, when a simplifier is given and the
    /// text has traditional forms.
    pub fn simplified(&self, text: &str) -> Option<String> {
        self.simplifier.and_then(|simplify| simplify(text))
    }

    /// The document: original input and edit log.
    pub fn document(&self) -> &'a Document {
        self.doc
    }

    /// The current text.
    pub fn text(&self) -> &'a str {
        self.doc.text()
    }

    /// The paragraphs, in order.
    pub fn paragraphs(&self) -> &[Paragraph<'a>] {
        &self.paragraphs
    }

    /// The line of the original input on which a position of the current text was.
    pub fn original_line(&self, offset: usize) -> u32 {
        let original = self.doc.to_original(TextRange::empty(offset));
        self.doc.original_line(original.start)
    }
}

fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut paragraphs = Vec::new();
    let mut current: Option<TextRange> = None;
    for (offset, line) in zhclean_core::lines_with_starts(text) {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            paragraphs.extend(current.take().map(|range| Paragraph { text: &text[range.as_range()], range }));
        } else {
            let end = offset + body.len();
            current = Some(current.map_or(TextRange::new(offset, end), |r| TextRange::new(r.start, end)));
        }
    }
    paragraphs.extend(current.map(|range| Paragraph { text: &text[range.as_range()], range }));
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let doc = Document::new("\n一\n\n甲乙\n丙\n \n丁");
        let context = Context::new(&doc);
        let texts: Vec<_> = context.paragraphs().iter().map(|p| p.text).collect();
        assert_eq!(texts, ["一", "甲乙\n丙", "丁"]);
        assert_eq!(context.paragraphs()[1].range, TextRange::new(6, 16));
    }
}

use crate::TextRange;
use compact_str::CompactString;
use serde::Serialize;

/// A replacement a stage proposes for the document's **current** text.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Name of the rule that wants the change (kebab-case, e.g. `halfwidth-punctuation`).
    pub rule: &'static str,
    /// Bytes of the current text to replace.
    pub range: TextRange,
    /// The text to put there (held inline up to 24 bytes: most changes allocate nothing).
    pub replacement: CompactString,
    /// How sure the rule is, from 0 to 1, when it guessed (e.g. joining two lines).
    pub confidence: Option<f32>,
}

impl Change {
    /// Replace `range` of the current text with `replacement`.
    pub fn replace(rule: &'static str, range: TextRange, replacement: impl Into<CompactString>) -> Self {
        Self { rule, range, replacement: replacement.into(), confidence: None }
    }

    /// The same change, marked with how sure the rule is.
    pub fn with_confidence(self, confidence: f32) -> Self {
        Self { confidence: Some(confidence), ..self }
    }

    /// Delete `range` of the current text.
    pub fn delete(rule: &'static str, range: TextRange) -> Self {
        Self::replace(rule, range, CompactString::default())
    }

    /// Insert `text` at `offset` of the current text.
    pub fn insert(rule: &'static str, offset: usize, text: impl Into<CompactString>) -> Self {
        Self::replace(rule, TextRange::empty(offset), text)
    }
}

/// A change that was applied, as kept in the document's edit log.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    /// The rule that made the change.
    pub rule: &'static str,
    /// Where the change happened, as a byte range of the **original** input.
    pub range: TextRange,
    /// The text that was replaced (as it stood when the rule ran); inline up to 24 bytes.
    pub before: CompactString,
    /// The text that replaced it; inline up to 24 bytes.
    pub after: CompactString,
    /// How sure the rule was, when it guessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

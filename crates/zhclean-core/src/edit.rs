use crate::TextRange;
use serde::Serialize;

/// A replacement a stage proposes for the document's **current** text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Name of the rule that wants the change (kebab-case, e.g. `halfwidth-punctuation`).
    pub rule: &'static str,
    /// Bytes of the current text to replace.
    pub range: TextRange,
    /// The text to put there.
    pub replacement: String,
}

impl Change {
    /// Replace `range` of the current text with `replacement`.
    pub fn replace(rule: &'static str, range: TextRange, replacement: impl Into<String>) -> Self {
        Self { rule, range, replacement: replacement.into() }
    }

    /// Delete `range` of the current text.
    pub fn delete(rule: &'static str, range: TextRange) -> Self {
        Self::replace(rule, range, String::new())
    }

    /// Insert `text` at `offset` of the current text.
    pub fn insert(rule: &'static str, offset: usize, text: impl Into<String>) -> Self {
        Self::replace(rule, TextRange::empty(offset), text)
    }
}

/// A change that was applied, as kept in the document's edit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The rule that made the change.
    pub rule: &'static str,
    /// Where the change happened, as a byte range of the **original** input.
    pub range: TextRange,
    /// The text that was replaced (as it stood when the rule ran).
    pub before: String,
    /// The text that replaced it.
    pub after: String,
}

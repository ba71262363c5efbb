//! A report as plain records for programs (the JSON Lines mode, the Python package): every edit
//! and diagnostic with its position in code points of the input text, the unit of Python
//! strings and of most JSON consumers.

use crate::Report;
use serde::Serialize;
use zhclean_core::{Severity, registry};

/// One edit of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EditRecord {
    /// The rule's name.
    pub rule: &'static str,
    /// The rule's code.
    pub code: &'static str,
    /// Where the replaced text starts in the input, in code points.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The text replaced.
    pub before: String,
    /// The text put in its place.
    pub after: String,
}

/// One diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiagnosticRecord {
    /// The rule's name.
    pub rule: &'static str,
    /// The rule's code.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// Where the finding starts in the input, in code points.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// What was found, and what to do.
    pub message: String,
}

/// The edits (in input order) and diagnostics of a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Records {
    /// The edits, by position.
    pub edits: Vec<EditRecord>,
    /// The diagnostics, by position.
    pub diagnostics: Vec<DiagnosticRecord>,
}

/// The records of `report`.
pub fn records(report: &Report) -> Records {
    let offsets = CodePoints::new(report.document.original());
    let mut edits: Vec<EditRecord> = report
        .edits()
        .iter()
        .map(|edit| EditRecord {
            rule: edit.rule,
            code: registry::by_name(edit.rule).map_or("", |rule| rule.code),
            start: offsets.at(edit.range.start),
            end: offsets.at(edit.range.end),
            before: edit.before.to_string(),
            after: edit.after.to_string(),
        })
        .collect();
    edits.sort_by_key(|edit| (edit.start, edit.end));
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| DiagnosticRecord {
            rule: d.rule,
            code: d.code,
            severity: d.severity,
            start: offsets.at(d.range.start),
            end: offsets.at(d.range.end),
            message: d.message.to_string(),
        })
        .collect();
    Records { edits, diagnostics }
}

/// Byte offsets of a text to code-point offsets.
struct CodePoints {
    /// The byte offset of every code point, and the text's length at the end.
    starts: Vec<usize>,
}

impl CodePoints {
    fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// The code-point offset of byte offset `byte` (a character boundary).
    fn at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&start| start < byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, EncodingInfo, Pipeline};

    #[test]
    fn positions_count_code_points() {
        let pipeline = Pipeline::new(Config::default()).unwrap();
        let text = "双方指出,合作。\n".to_owned();
        let info = EncodingInfo::of_text(&text);
        let records = records(&pipeline.clean_text(text, info));
        let expected = EditRecord {
            rule: "halfwidth-punctuation",
            code: "ZH308",
            start: 4,
            end: 5,
            before: ",".to_owned(),
            after: "，".to_owned(),
        };
        assert_eq!(records.edits, [expected]);
        assert!(records.diagnostics.is_empty());
    }
}

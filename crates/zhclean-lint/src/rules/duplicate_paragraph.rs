//! ## What it does
//! Finds a paragraph that repeats an earlier paragraph of the same document word for word
//! (ignoring surrounding whitespace), and names the line of the first copy.
//!
//! ## Why
//! Scrapers and PDF converters repeat blocks when pages overlap or a page is extracted twice.
//! A repeated paragraph in a statement or a corpus doubles its weight and hides missing text.
//!
//! ## Example
//! ```text
//! 双方将加强国际奥委会和亚奥理事会有关倡议和决定，……
//!
//! 双方将加强国际奥委会和亚奥理事会有关倡议和决定，……   ← same as the paragraph at line 1
//! ```
//!
//! ## Fix safety
//! The fix deletes the second copy. It is **unsafe**: some documents repeat a paragraph on
//! purpose, and only a reader can tell. Apply it with `--unsafe-fixes`.

use crate::Context;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use zhclean_core::{Applicability, Change, Diagnostic, Fix, RuleMeta, Severity, TextRange};

/// The rule.
pub const RULE: RuleMeta = RuleMeta {
    code: "ZH101",
    name: "duplicate-paragraph",
    severity: Severity::Warning,
    summary: "a paragraph repeats an earlier one",
    source: include_str!("duplicate_paragraph.rs"),
};

/// Paragraphs shorter than this (in characters) are headings or signatures, not duplicates.
const MIN_CHARS: usize = 10;

/// Reports every paragraph that repeats an earlier one.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    let mut diagnostics = Vec::new();
    for paragraph in context.paragraphs() {
        let key = paragraph.text.trim();
        if key.chars().nth(MIN_CHARS - 1).is_none() {
            continue;
        }
        match first_seen.entry(key) {
            Entry::Vacant(entry) => {
                entry.insert(paragraph.range.start);
            }
            Entry::Occupied(entry) => {
                let first = context.original_line_col(*entry.get());
                let message = format!("paragraph repeats the paragraph at line {}", first.line);
                diagnostics.push(Diagnostic {
                    fix: Some(Fix {
                        applicability: Applicability::Unsafe,
                        changes: vec![Change::delete(RULE.name, with_separator(text, paragraph.range))],
                    }),
                    ..RULE.diagnostic(paragraph.range, message)
                });
            }
        }
    }
    diagnostics
}

/// `range` extended over the blank lines that follow it, or, at the end of the text, over the
/// blank lines that precede it, so that deleting it leaves one separator.
fn with_separator(text: &str, range: TextRange) -> TextRange {
    let after = text[range.end..].len() - text[range.end..].trim_start_matches(char::is_whitespace).len();
    if range.end + after < text.len() {
        return TextRange::new(range.start, range.end + after);
    }
    let before = text[..range.start].len() - text[..range.start].trim_end_matches(char::is_whitespace).len();
    TextRange::new(range.start - before, range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::Document;

    const PARA: &str = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";

    fn diagnostics(text: &str) -> Vec<Diagnostic> {
        check(&Context::new(&Document::new(text)))
    }

    #[test]
    fn second_copy_is_reported_with_the_first_line() {
        let text = format!("{PARA}\n\n其他段落内容不一样的文字。\n\n{PARA}\n");
        let found = diagnostics(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "paragraph repeats the paragraph at line 1");
        assert_eq!(&text[found[0].range.as_range()], PARA);
    }

    #[test]
    fn unsafe_fix_removes_the_copy_and_one_separator() {
        let text = format!("{PARA}\n\n{PARA}\n\n结尾的段落也要足够长才行。\n");
        let fix = diagnostics(&text).remove(0).fix.unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let mut doc = Document::new(text);
        doc.apply(fix.changes);
        assert_eq!(doc.text(), format!("{PARA}\n\n结尾的段落也要足够长才行。\n"));

        let text = format!("{PARA}\n\n{PARA}\n");
        let mut doc = Document::new(text.clone());
        doc.apply(diagnostics(&text).remove(0).fix.unwrap().changes);
        assert_eq!(doc.text(), format!("{PARA}\n"));
    }

    #[test]
    fn short_paragraphs_and_distinct_paragraphs_are_quiet() {
        assert!(diagnostics("一\n\n一\n\n习近平\n\n习近平\n").is_empty());
        assert!(diagnostics(&format!("{PARA}\n\n{PARA}再加一句。\n")).is_empty());
    }
}

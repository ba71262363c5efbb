//! ## What it does
//! Finds characters of the other script: traditional characters in a simplified document
//! (`traditional-in-simplified`, `中小學生`) and simplified characters in a traditional one
//! (`simplified-in-traditional`). The document's script is decided by counting the characters
//! only one script uses.
//!
//! ## Why
//! OCR engines trained on both scripts, copy-paste from Hong Kong or Taiwan sources and input
//! methods switched to the wrong mode leave stray characters of the other script. They break
//! search, deduplication and counting, and a reader notices them at once.
//!
//! ## Example
//! ```text
//! 推动中小學生交流     → 推动中小学生交流
//! ```
//!
//! ## Fix safety
//! Safe: the characters are converted with OpenCC (`t2s` or `s2t`), line by line and aware of
//! phrases, and only where the conversion changes them. The rest of the text is not touched.

use crate::script::{SCRIPTS, Script, detect_script};
use zhclean_core::{Applicability, Diagnostic, Document, Fix, RuleMeta, Severity};

/// Traditional characters in simplified text.
pub const TRADITIONAL_IN_SIMPLIFIED: RuleMeta = RuleMeta {
    code: "ZH110",
    name: "traditional-in-simplified",
    severity: Severity::Warning,
    summary: "a traditional character in simplified text",
    source: include_str!("mixed_script.rs"),
};

/// Simplified characters in traditional text.
pub const SIMPLIFIED_IN_TRADITIONAL: RuleMeta = RuleMeta {
    code: "ZH111",
    name: "simplified-in-traditional",
    severity: Severity::Warning,
    summary: "a simplified character in traditional text",
    source: include_str!("mixed_script.rs"),
};

/// Reports and converts the characters of the other script.
pub fn run(doc: &mut Document, enabled: &impl Fn(&str) -> bool) {
    let scripts = &*SCRIPTS;
    let (rule, converter, is_foreign): (&RuleMeta, _, fn(char) -> bool) = match detect_script(doc.text()) {
        Script::Simplified => (&TRADITIONAL_IN_SIMPLIFIED, &scripts.t2s, |c| SCRIPTS.is_traditional_form(c)),
        Script::Traditional => (&SIMPLIFIED_IN_TRADITIONAL, &scripts.s2t, |c| SCRIPTS.is_simplified_form(c)),
        Script::Unknown => return,
    };
    if !enabled(rule.name) {
        return;
    }
    let mut changes = Vec::new();
    let mut line_start = 0;
    for line in doc.text().split_inclusive('\n') {
        if line.chars().any(is_foreign) {
            let converted = converter.convert(line);
            changes.extend(crate::differing_runs(line, &converted, line_start, rule.name));
        }
        line_start += line.len();
    }
    let expected = if rule.name == TRADITIONAL_IN_SIMPLIFIED.name { "simplified" } else { "traditional" };
    for change in &changes {
        let found = &doc.text()[change.range.as_range()];
        let message = format!("`{found}` in {expected} text; `{}` is the {expected} form", change.replacement);
        doc.record(Diagnostic {
            fix: Some(Fix { applicability: Applicability::Safe, changes: vec![change.clone()] }),
            ..rule.diagnostic(change.range, message)
        });
    }
    doc.apply(changes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_in_simplified_text_are_reported_and_converted() {
        let mut doc = Document::new("双方将推动中小學生交流，坚决反对强撻行为，发展两国关系。\n");
        run(&mut doc, &|_| true);
        assert_eq!(doc.text(), "双方将推动中小学生交流，坚决反对强挞行为，发展两国关系。\n");
        let messages: Vec<&str> = doc.diagnostics().iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`學` in simplified text; `学` is the simplified form",
                "`撻` in simplified text; `挞` is the simplified form"
            ]
        );
    }

    #[test]
    fn simplified_characters_in_traditional_text() {
        let mut doc = Document::new("雙方將推動中小学生交流，發展兩國關係。\n");
        run(&mut doc, &|_| true);
        assert_eq!(doc.text(), "雙方將推動中小學生交流，發展兩國關係。\n");
        assert_eq!(doc.diagnostics()[0].rule, "simplified-in-traditional");
    }

    #[test]
    fn clean_text_is_quiet() {
        let text = "双方将以元首外交为引领，著作、显著、乾坤、皇后、公里。\n";
        let mut doc = Document::new(text);
        run(&mut doc, &|_| true);
        assert_eq!((doc.text(), doc.diagnostics().len()), (text, 0));
    }
}

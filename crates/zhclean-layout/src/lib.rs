//! The layout stage: line endings, trailing whitespace and the final newline.
//!
//! Each rule lives in its own module and proposes [`Change`]s; [`run`] applies them in order,
//! one batch per rule, so every change is logged with its rule name.

mod final_newline;
mod line_ending;
mod trailing_whitespace;

use zhclean_core::{Change, Document};

/// A layout rule: its name and the function that proposes its changes.
struct Rule {
    name: &'static str,
    changes: fn(&str) -> Vec<Change>,
}

/// The rules of this stage, in the order they run.
const RULES: &[Rule] = &[
    Rule { name: line_ending::NAME, changes: line_ending::changes },
    Rule { name: trailing_whitespace::NAME, changes: trailing_whitespace::changes },
    Rule { name: final_newline::NAME, changes: final_newline::changes },
];

/// Names of the rules this stage can apply.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|rule| rule.name)
}

/// Runs every enabled layout rule over `doc`.
pub fn run(doc: &mut Document, enabled: impl Fn(&str) -> bool) {
    for rule in RULES.iter().filter(|rule| enabled(rule.name)) {
        let changes = (rule.changes)(doc.text());
        doc.apply(changes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(input: &str) -> String {
        let mut doc = Document::new(input);
        run(&mut doc, |_| true);
        doc.into_text()
    }

    #[test]
    fn canonical_line_structure() {
        assert_eq!(clean("一\r\n\r\n双方 \t\r\n指出\r最后"), "一\n\n双方\n指出\n最后\n");
        assert_eq!(clean("正文\n\n\n"), "正文\n");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "一\n\n双方指出，利用。\n";
        let mut doc = Document::new(text);
        run(&mut doc, |_| true);
        assert_eq!(doc.text(), text);
        assert!(doc.edits().is_empty());
    }

    #[test]
    fn disabled_rules_do_not_run() {
        let mut doc = Document::new("a \r\n");
        run(&mut doc, |name| name != line_ending::NAME);
        assert_eq!(doc.text(), "a\r\n");
    }
}

//! Helpers for the tests of rules.

use crate::{Change, Document};

/// `text` with the changes `rule` proposes for it applied.
pub fn fixed(rule: impl Fn(&str) -> Vec<Change>, text: &str) -> String {
    let mut doc = Document::new(text);
    doc.apply(rule(text));
    doc.into_text()
}

/// Asserts that `rule` turns every input into its expected output.
#[track_caller]
pub fn assert_fixes(rule: impl Fn(&str) -> Vec<Change>, cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        assert_eq!(fixed(&rule, input), *expected, "input: {input:?}");
    }
}

/// Asserts that `rule` leaves every text as it is.
#[track_caller]
pub fn assert_unchanged(rule: impl Fn(&str) -> Vec<Change>, texts: &[&str]) {
    for text in texts {
        assert_eq!(fixed(&rule, text), *text, "input: {text:?}");
    }
}

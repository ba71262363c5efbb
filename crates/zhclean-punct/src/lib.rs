//! The punctuation stage: GB/T 15834 punctuation in Chinese text.
//!
//! Each rule lives in its own module and proposes [`Change`]s; [`run`] applies them, one batch
//! per rule, so every change is logged with its rule name.

mod halfwidth_punctuation;

use zhclean_core::{Change, Document};

struct Rule {
    name: &'static str,
    changes: fn(&str) -> Vec<Change>,
}

const RULES: &[Rule] = &[Rule { name: halfwidth_punctuation::NAME, changes: halfwidth_punctuation::changes }];

/// Names of the rules this stage can apply.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|rule| rule.name)
}

/// Runs every enabled punctuation rule over `doc`.
pub fn run(doc: &mut Document, enabled: impl Fn(&str) -> bool) {
    for rule in RULES.iter().filter(|rule| enabled(rule.name)) {
        let changes = (rule.changes)(doc.text());
        doc.apply(changes);
    }
}

//! Lint rules: each reads the document and reports what it cannot safely fix.
//!
//! Rules are registered in [`RULES`] with a stable code and a kebab-case name. Each lives in its
//! own file under `rules/`, whose module documentation (What it does / Why / Example / Fix
//! safety) is what `zhclean explain RULE` prints.

mod context;
mod registry;
mod rules;

pub use context::{Context, Paragraph};
pub use registry::{RULES, Rule, find_rule};

use zhclean_core::{Diagnostic, Document, RuleMeta};

/// Runs every enabled rule that reads the final text over `doc`, ordered by position then code.
pub fn lint(doc: &Document, enabled: impl Fn(&RuleMeta) -> bool) -> Vec<Diagnostic> {
    let context = Context::new(doc);
    let mut diagnostics: Vec<Diagnostic> = RULES
        .iter()
        .filter(|rule| enabled(rule.meta))
        .filter_map(|rule| rule.check)
        .flat_map(|check| check(&context))
        .collect();
    diagnostics.sort_by_key(|d| (d.range.start, d.code));
    diagnostics
}

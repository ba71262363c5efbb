//! Lint rules: each reads the document and reports what it cannot safely fix.
//!
//! Each rule lives in its own file under `rules/` and has its entry (code, name, severity,
//! documentation) in the registry of `zhclean-core`; [`CHECKS`] pairs the entries with the
//! checks.

mod context;
mod registry;
mod rules;

pub use context::{Context, Paragraph, Simplifier};
pub use registry::{CHECKS, Check};

use std::sync::LazyLock;
use zhclean_core::triggers::{Trigger, TriggerTable};
use zhclean_core::{Diagnostic, Document, RuleMeta, TextRange};

/// The triggers of [`CHECKS`], bit `i` for check `i` (none for a check that always runs).
static TRIGGERS: LazyLock<TriggerTable> = LazyLock::new(|| {
    TriggerTable::new(CHECKS.iter().map(|check| check.trigger.unwrap_or(Trigger::on(|_| false))).collect())
});

/// Runs every enabled rule that reads the final text over `doc`, ordered by position then code;
/// `simplifier` gives word segmentation the simplified forms of traditional text. A rule with
/// triggers is not run on a text that holds none of them (one scan tells for all rules). The
/// rules read the text at once, on the threads of the current pool.
pub fn lint(doc: &Document, enabled: impl Fn(&RuleMeta) -> bool, simplifier: Simplifier) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let context = Context::with_simplifier(doc, simplifier);
    let present = TRIGGERS.present(doc.text());
    let checks: Vec<&Check> = CHECKS
        .iter()
        .enumerate()
        .filter(|&(bit, rule)| enabled(rule.meta) && (rule.trigger.is_none() || present & (1 << bit) != 0))
        .map(|(_, rule)| rule)
        .collect();
    let found: Vec<Vec<Diagnostic>> = checks.par_iter().map(|rule| (rule.check)(&context)).collect();
    let mut diagnostics: Vec<Diagnostic> = found.into_iter().flatten().collect();
    diagnostics.sort_by_key(|d| (d.range.start, d.code));
    diagnostics
}

/// The maximal runs of characters of `text` that satisfy `pred`.
pub(crate) fn char_runs(text: &str, pred: impl Fn(char) -> bool) -> impl Iterator<Item = TextRange> {
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (pred(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(TextRange::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    runs.extend(start.map(|s| TextRange::new(s, text.len())));
    runs.into_iter()
}

/// Runs one check on `text` (with the convert stage's simplifier) and formats its findings as
/// `line:column message`.
#[cfg(test)]
pub(crate) fn check_text(check: fn(&Context) -> Vec<Diagnostic>, text: &str) -> Vec<String> {
    let doc = Document::new(text);
    let context = Context::with_simplifier(&doc, zhclean_convert::simplified_chars);
    check(&context)
        .into_iter()
        .map(|d| {
            let at = doc.original_line_col(d.range.start);
            format!("{}:{} {}", at.line, at.column, d.message)
        })
        .collect()
}

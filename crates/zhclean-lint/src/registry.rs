use crate::Context;
use crate::rules;
use zhclean_core::{Diagnostic, Severity};

/// A lint rule: its stable code, name, default severity, documentation and check.
pub struct Rule {
    /// Stable code, e.g. `ZH101`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `duplicate-paragraph`.
    pub name: &'static str,
    /// Severity unless the configuration overrides it.
    pub severity: Severity,
    /// One-line summary.
    pub summary: &'static str,
    /// Source of the rule's module, whose `//!` documentation [`Rule::documentation`] returns.
    pub source: &'static str,
    /// Reports the rule's findings.
    pub check: fn(&Context) -> Vec<Diagnostic>,
}

impl Rule {
    /// The rule's documentation: the `//!` comment that opens its source file.
    pub fn documentation(&self) -> String {
        let mut doc = String::new();
        for line in self.source.lines().map_while(|l| l.strip_prefix("//!")) {
            doc.push_str(line.strip_prefix(' ').unwrap_or(line));
            doc.push('\n');
        }
        doc
    }
}

/// Every lint rule, ordered by code.
pub static RULES: &[Rule] = &[rules::duplicate_paragraph::RULE];

/// The rule with this code or name.
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.code.eq_ignore_ascii_case(code_or_name) || rule.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_the_fixed_headings() {
        for rule in RULES {
            let doc = rule.documentation();
            for heading in ["## What it does", "## Why", "## Example", "## Fix safety"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", rule.name);
            }
        }
    }

    #[test]
    fn codes_and_names_are_unique_and_findable() {
        for rule in RULES {
            assert_eq!(find_rule(rule.code).map(|r| r.name), Some(rule.name));
            assert_eq!(find_rule(rule.name).map(|r| r.code), Some(rule.code));
        }
    }
}

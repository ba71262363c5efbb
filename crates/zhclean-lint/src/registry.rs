use crate::Context;
use crate::rules;
use zhclean_core::{Diagnostic, RuleMeta};

/// A rule that reports diagnostics: its identity and, for rules that read the final text, the
/// check. Rules without a check report from inside a stage, where the evidence is.
pub struct Rule {
    /// Code, name, default severity and documentation.
    pub meta: &'static RuleMeta,
    /// Reports the rule's findings on the final text.
    pub check: Option<fn(&Context) -> Vec<Diagnostic>>,
}

/// Every rule that reports diagnostics, ordered by code.
pub static RULES: &[Rule] =
    &[Rule { meta: &rules::duplicate_paragraph::RULE, check: Some(rules::duplicate_paragraph::check) }];

/// The rule with this code (any case) or name.
pub fn find_rule(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.meta.code.eq_ignore_ascii_case(code_or_name) || rule.meta.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_with_the_fixed_headings() {
        for rule in RULES {
            let doc = rule.meta.documentation();
            for heading in ["## What it does", "## Why", "## Example", "## Fix safety"] {
                assert!(doc.contains(heading), "{} lacks `{heading}`", rule.meta.name);
            }
        }
    }

    #[test]
    fn codes_and_names_are_unique_ordered_and_findable() {
        for pair in RULES.windows(2) {
            assert!(pair[0].meta.code < pair[1].meta.code, "{} before {}", pair[0].meta.code, pair[1].meta.code);
        }
        for rule in RULES {
            assert_eq!(find_rule(rule.meta.code).map(|r| r.meta.name), Some(rule.meta.name));
            assert_eq!(find_rule(rule.meta.name).map(|r| r.meta.code), Some(rule.meta.code));
        }
    }
}

use crate::Context;
use crate::rules::*;
use zhclean_core::triggers::Trigger;
use zhclean_core::{Diagnostic, RuleMeta};

/// A lint rule: its entry in the registry (`zhclean_core::registry`) and the check that reads
/// the final text.
pub struct Check {
    /// Code, name, default severity and documentation.
    pub meta: &'static RuleMeta,
    /// Reports the rule's findings on the final text.
    pub check: fn(&Context) -> Vec<Diagnostic>,
    /// The characters without which the rule finds nothing, for a rule that has such; a text
    /// that holds none of them is not read (see [`crate::lint`]).
    pub trigger: Option<Trigger>,
}

/// Every rule that reads the final text, ordered by code. (Rules that report from inside a
/// stage, where the evidence is, are in the registry but not here.)
pub static CHECKS: &[Check] = &[
    Check { meta: &duplicate_paragraph::RULE, check: duplicate_paragraph::check, trigger: None },
    Check { meta: &truncated_ending::RULE, check: truncated_ending::check, trigger: None },
    Check { meta: &unbalanced_pair::RULE, check: unbalanced_pair::check, trigger: None },
    Check { meta: &doubled_word::RULE, check: doubled_word::check, trigger: None },
    Check { meta: &section_sequence::RULE, check: section_sequence::check, trigger: None },
    Check {
        meta: &latin_word_in_chinese::RULE,
        check: latin_word_in_chinese::check,
        trigger: Some(Trigger::on(|c| c.is_ascii_alphabetic())),
    },
    Check {
        meta: &replacement_character::RULE,
        check: replacement_character::check,
        trigger: Some(Trigger::on(|c| c == '\u{FFFD}')),
    },
    Check {
        meta: &control_character::RULE,
        check: control_character::check,
        trigger: Some(Trigger::on(control_character::is_stray_control)),
    },
    Check {
        meta: &private_use_character::RULE,
        check: private_use_character::check,
        trigger: Some(Trigger::on(private_use_character::is_private_use)),
    },
    Check {
        meta: &mixed_punctuation_width::RULE,
        check: mixed_punctuation_width::check,
        trigger: Some(Trigger::on(|c| matches!(c, ',' | '.' | ';' | ':' | '?' | '!'))),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::registry::{Kind, Stage};

    #[test]
    fn every_lint_rule_of_the_registry_has_its_check() {
        let lint_rules: Vec<&str> =
            zhclean_core::registry::RULES.iter().filter(|r| r.stage == Stage::Lint).map(|r| r.name).collect();
        let checked: Vec<&str> = CHECKS.iter().map(|c| c.meta.name).collect();
        assert_eq!(checked, lint_rules);
        assert!(CHECKS.iter().all(|c| c.meta.kind == Kind::Report));
    }
}

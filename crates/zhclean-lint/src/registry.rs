use crate::Context;
use crate::rules::*;
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
pub static RULES: &[Rule] = &[
    Rule { meta: &zhclean_encoding::low_confidence_encoding::RULE, check: None },
    Rule { meta: &zhclean_encoding::unrepairable_mojibake::RULE, check: None },
    Rule { meta: &zhclean_encoding::unreadable_input::RULE, check: None },
    Rule { meta: &duplicate_paragraph::RULE, check: Some(duplicate_paragraph::check) },
    Rule { meta: &zhclean_layout::truncated_paragraph::RULE, check: None },
    Rule { meta: &truncated_ending::RULE, check: Some(truncated_ending::check) },
    Rule { meta: &zhclean_layout::continuation_marker::RULE, check: None },
    Rule { meta: &zhclean_layout::stray_break::RULE, check: None },
    Rule { meta: &unbalanced_pair::RULE, check: Some(unbalanced_pair::check) },
    Rule { meta: &doubled_word::RULE, check: Some(doubled_word::check) },
    Rule { meta: &section_sequence::RULE, check: Some(section_sequence::check) },
    Rule { meta: &latin_word_in_chinese::RULE, check: Some(latin_word_in_chinese::check) },
    Rule { meta: &zhclean_convert::TRADITIONAL_IN_SIMPLIFIED, check: None },
    Rule { meta: &zhclean_convert::SIMPLIFIED_IN_TRADITIONAL, check: None },
    Rule { meta: &replacement_character::RULE, check: Some(replacement_character::check) },
    Rule { meta: &control_character::RULE, check: Some(control_character::check) },
    Rule { meta: &private_use_character::RULE, check: Some(private_use_character::check) },
    Rule { meta: &mixed_punctuation_width::RULE, check: Some(mixed_punctuation_width::check) },
];

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

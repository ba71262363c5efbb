//! The punctuation stage: GB/T 15834 punctuation and code-point normalisation in Chinese text.
//!
//! Each rule lives in its own module and proposes [`Change`]s; [`run`] applies them, one batch
//! per rule, so every change is logged with its rule name. Code-point rules run first, so that
//! punctuation rules see ordinary characters. Every rule reads only its own line, and only the
//! lines that hold one of its trigger characters (see [`zhclean_core::triggers`]).

mod compatibility_ideograph;
mod context;
mod copywriting_spacing;
mod dash_style;
mod ellipsis_style;
mod fullwidth_alphanumeric;
mod halfwidth_punctuation;
mod kangxi_radical;
mod middle_dot;
mod numbering_bracket;
mod quote_style;
mod stray_vertical_bar;

pub use kangxi_radical::has_supplement_radical;

use std::sync::LazyLock;
use zhclean_core::triggers::{Scope, Trigger, TriggerTable, TriggeredLines, changes_on_lines};
use zhclean_core::{Change, Document, Profile};

/// How number ranges are written in Chinese text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RangeDash {
    /// The one-em dash `—` (一字线): `2026—2027年`.
    #[default]
    EmDash,
    /// The wave dash `～`: `2026～2027年`.
    Tilde,
}

impl RangeDash {
    fn as_str(self) -> &'static str {
        match self {
            RangeDash::EmDash => "—",
            RangeDash::Tilde => "～",
        }
    }
}

/// What the punctuation stage needs to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PunctConfig {
    /// The typographic convention.
    pub profile: Profile,
    /// How number ranges are written.
    pub range_dash: RangeDash,
    /// True for documents in traditional characters (radicals map to traditional forms).
    pub traditional: bool,
}

/// A rule of this stage.
struct Rule {
    name: &'static str,
    changes: fn(&str, &PunctConfig) -> Vec<Change>,
    profiles: &'static [Profile],
    /// The characters without which the rule changes nothing on a line.
    trigger: Trigger,
}

const ALL: &[Profile] = &[Profile::GbT15834, Profile::Copywriting];

/// The entry of rule module `m`: `m::changes(text)`, in every profile, triggered by
/// `m::is_trigger`.
macro_rules! rule {
    ($m:ident) => {
        Rule { name: $m::NAME, changes: |t, _| $m::changes(t), profiles: ALL, trigger: Trigger::on($m::is_trigger) }
    };
}

const RULES: &[Rule] = &[
    rule!(fullwidth_alphanumeric),
    Rule {
        name: kangxi_radical::NAME,
        changes: |t, c| kangxi_radical::changes(t, c.traditional),
        profiles: ALL,
        trigger: Trigger::on(kangxi_radical::is_trigger),
    },
    rule!(compatibility_ideograph),
    Rule {
        name: ellipsis_style::NAME,
        changes: |t, _| ellipsis_style::changes(t),
        profiles: ALL,
        trigger: ellipsis_style::TRIGGER,
    },
    Rule {
        name: dash_style::NAME,
        changes: |t, c| dash_style::changes(t, c.range_dash),
        profiles: ALL,
        trigger: Trigger::on(dash_style::is_trigger),
    },
    rule!(middle_dot),
    rule!(quote_style),
    rule!(stray_vertical_bar),
    rule!(numbering_bracket),
    rule!(halfwidth_punctuation),
    Rule {
        name: copywriting_spacing::NAME,
        changes: |t, _| copywriting_spacing::changes(t),
        profiles: &[Profile::Copywriting],
        trigger: Trigger::on(copywriting_spacing::is_trigger),
    },
];

/// Names of the rules this stage can apply.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|rule| rule.name)
}

/// The trigger characters of [`RULES`], bit `i` for rule `i`.
static TRIGGERS: LazyLock<TriggerTable> =
    LazyLock::new(|| TriggerTable::new(RULES.iter().map(|r| r.trigger).collect()));

/// Runs every enabled punctuation rule of the configured profile over the lines of `doc` in
/// `scope`, each on the lines that hold its triggers.
pub fn run(doc: &mut Document, config: &PunctConfig, enabled: impl Fn(&str) -> bool, scope: &Scope) {
    let mut lines = TriggeredLines::new(&TRIGGERS, doc, scope);
    for (bit, rule) in RULES.iter().enumerate() {
        if !rule.profiles.contains(&config.profile) || !enabled(rule.name) {
            continue;
        }
        let changes = changes_on_lines(doc.text(), lines.get(doc), bit, |line| (rule.changes)(line, config));
        doc.apply(changes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str, config: &PunctConfig) -> Document {
        let mut doc = Document::new(text);
        run(&mut doc, config, |_| true, &Scope::All);
        doc
    }

    #[test]
    fn rules_combine_and_log_their_names() {
        let doc = clean("弗・弗・普京说:\"２０２６-２０２７年...\"", &PunctConfig::default());
        assert_eq!(doc.text(), "弗·弗·普京说：“2026—2027年……”");
        let mut rules: Vec<&str> = doc.edits().iter().map(|e| e.rule).collect();
        rules.dedup();
        assert_eq!(
            rules,
            [
                "fullwidth-alphanumeric",
                "ellipsis-style",
                "dash-style",
                "middle-dot",
                "quote-style",
                "halfwidth-punctuation"
            ]
        );
    }

    #[test]
    fn correct_text_is_unchanged() {
        let text = "双方强调，2024—2025年“中俄文化年”取得成果（包括AUKUS）……弗·弗·普京。\n";
        assert!(clean(text, &PunctConfig::default()).edits().is_empty());
    }

    #[test]
    fn the_copywriting_profile_adds_spaces() {
        let config = PunctConfig { profile: Profile::Copywriting, ..PunctConfig::default() };
        assert_eq!(clean("在2025年", &config).text(), "在 2025 年");
        assert_eq!(clean("在2025年", &PunctConfig::default()).text(), "在2025年");
    }
}

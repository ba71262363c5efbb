//! The layout stage: line endings, invisible characters, markup remnants, converter debris,
//! spacing, stray line breaks, paragraphs and page furniture.
//!
//! Each character-level rule lives in its own module and proposes [`Change`]s; the reflow then
//! decides for every line break whether it ends a paragraph. [`run`] applies them in order, one
//! batch per rule, so every change is logged with its rule name.

pub mod break_model;
mod cjk_spacing;
mod column_layout;
pub mod continuation_marker;
mod displaced_glyph;
mod final_newline;
mod indentation;
pub mod interleaved_columns;
mod invisible_character;
mod line_ending;
mod line_kind;
mod list_marker;
mod markdown_heading;
mod markup_remnant;
mod missing_glyph;
mod page_footer;
mod page_number;
mod paragraph_separator;
mod reflow;
mod running_header;
pub mod stray_break;
mod stray_line_break;
mod text;
mod trailing_whitespace;
pub mod truncated_paragraph;

use std::sync::LazyLock;
use zhclean_core::triggers::{Trigger, TriggerTable, changes_on_lines};
use zhclean_core::{Change, Document, Profile};

/// What the layout stage needs to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutConfig {
    /// How paragraphs are separated in the output.
    pub separator: ParagraphSeparator,
    /// The typographic convention (the copywriting profile keeps spaces between Chinese and
    /// digits or Latin words).
    pub profile: Profile,
}

/// How paragraphs are separated in the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParagraphSeparator {
    /// One blank line (the default).
    #[default]
    BlankLine,
    /// A single line break.
    Newline,
}

impl ParagraphSeparator {
    fn as_str(self) -> &'static str {
        match self {
            ParagraphSeparator::BlankLine => "\n\n",
            ParagraphSeparator::Newline => "\n",
        }
    }
}

/// A character-level layout rule: its name, the function that proposes its changes, and, for a
/// rule that reads only its own line, the characters without which it changes nothing there.
struct Rule {
    name: &'static str,
    changes: fn(&str, &LayoutConfig) -> Vec<Change>,
    trigger: Option<Trigger>,
}

/// The character-level rules, in the order they run before the reflow.
const RULES: &[Rule] = &[
    Rule {
        name: line_ending::NAME,
        changes: |t, _| line_ending::changes(t),
        trigger: Some(Trigger::on(|c| c == '\r')),
    },
    Rule { name: column_layout::NAME, changes: |t, _| column_layout::changes(t), trigger: None },
    Rule {
        name: invisible_character::NAME,
        changes: |t, _| invisible_character::changes(t),
        trigger: Some(Trigger::on(invisible_character::is_invisible)),
    },
    Rule {
        name: missing_glyph::NAME,
        changes: |t, _| missing_glyph::changes(t),
        trigger: Some(Trigger::on(missing_glyph::marks_missing_glyph)),
    },
    Rule {
        name: markup_remnant::NAME,
        changes: |t, _| markup_remnant::changes(t),
        trigger: Some(Trigger::on(|c| matches!(c, '<' | '&'))),
    },
    Rule { name: trailing_whitespace::NAME, changes: |t, _| trailing_whitespace::changes(t), trigger: None },
    Rule { name: markdown_heading::NAME, changes: |t, _| markdown_heading::changes(t), trigger: None },
    Rule { name: list_marker::NAME, changes: |t, _| list_marker::changes(t), trigger: None },
    Rule { name: cjk_spacing::NAME, changes: |t, c| cjk_spacing::changes(t, c.profile), trigger: None },
];

/// The triggers of the [`RULES`] that read only their own line, bit `i` for rule `i`.
static TRIGGERS: LazyLock<TriggerTable> = LazyLock::new(|| {
    TriggerTable::new(RULES.iter().map(|rule| rule.trigger.unwrap_or(Trigger::on(|_| false))).collect())
});

/// Runs the character-level rules over `doc`, each line-bound rule on the lines that hold its
/// triggers.
fn run_rules(doc: &mut Document, config: &LayoutConfig, enabled: &impl Fn(&str) -> bool) {
    let mut lines = TRIGGERS.lines(doc.text());
    for (bit, rule) in RULES.iter().enumerate().filter(|(_, rule)| enabled(rule.name)) {
        let changes = match rule.trigger {
            Some(_) => changes_on_lines(doc.text(), &lines, bit, |line| (rule.changes)(line, config)),
            None => (rule.changes)(doc.text(), config),
        };
        if doc.apply(changes) > 0 {
            lines = TRIGGERS.lines(doc.text());
        }
    }
}

/// Names of every rule whose edits this stage makes.
pub fn rule_names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|rule| rule.name).chain([
        stray_break::JOIN,
        reflow::SEPARATOR,
        reflow::INDENTATION,
        page_number::NAME,
        running_header::NAME,
        page_footer::NAME,
        continuation_marker::RULE.name,
        final_newline::NAME,
    ])
}

pub use reflow::BreakSample;

/// The line breaks of `text` that the break model scores, and the text they index: `text`
/// after the character-level rules, as the reflow sees it. For `cargo xtask calibrate`.
pub fn break_samples(text: &str, config: &LayoutConfig) -> (String, Vec<BreakSample>) {
    let mut doc = Document::new(text);
    run_rules(&mut doc, config, &|_| true);
    let samples = reflow::samples(doc.text());
    (doc.into_text(), samples)
}

/// Runs every enabled layout rule over `doc`.
pub fn run(doc: &mut Document, config: &LayoutConfig, enabled: impl Fn(&str) -> bool) {
    run_rules(doc, config, &enabled);
    let before_reflow = doc.edits().len();
    reflow::run(doc, config.separator, &enabled);
    // Joined lines can bring a space between Chinese characters together: spacing reads them.
    if doc.edits().len() > before_reflow && enabled(cjk_spacing::NAME) {
        let changes = cjk_spacing::changes(doc.text(), config.profile);
        doc.apply(changes);
    }
    if enabled(final_newline::NAME) {
        let changes = final_newline::changes(doc.text());
        doc.apply(changes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(input: &str) -> String {
        let mut doc = Document::new(input);
        run(&mut doc, &LayoutConfig::default(), |_| true);
        doc.into_text()
    }

    #[test]
    fn canonical_line_structure() {
        assert_eq!(clean("一\r\n\r\n双方指出 \t\r\n，合作。\r最后。"), "一\n\n双方指出，合作。\n最后。\n");
        assert_eq!(clean("一\r\n双方指出 \t\r\n，合作。\r\n最后。"), "一\n\n双方指出，合作。\n\n最后。\n");
        assert_eq!(clean("正文。\n\n\n"), "正文。\n");
        assert_eq!(clean("\n\n\u{3000}\u{3000}正文。"), "\u{3000}\u{3000}正文。\n");
        assert_eq!(clean("\n\n  正文。"), "正文。\n");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "一\n\n双方指出，利用。\n\n——加强合作。\n";
        let mut doc = Document::new(text);
        run(&mut doc, &LayoutConfig::default(), |_| true);
        assert_eq!(doc.text(), text);
        assert!(doc.edits().is_empty());
    }

    #[test]
    fn disabled_rules_do_not_run() {
        let mut doc = Document::new("a \r\n");
        run(&mut doc, &LayoutConfig::default(), |name| name != line_ending::NAME);
        assert_eq!(doc.text(), "a\r\n");
    }

    #[test]
    fn single_newline_separator() {
        let mut doc = Document::new("一\n\n双方指出。\n\n\n最后。\n");
        let config = LayoutConfig { separator: ParagraphSeparator::Newline, ..LayoutConfig::default() };
        run(&mut doc, &config, |_| true);
        assert_eq!(doc.text(), "一\n双方指出。\n最后。\n");
    }
}

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
mod record;
mod reflow;
mod running_header;
pub mod stray_break;
mod stray_line_break;
mod subtitle;
mod table;
mod text;
mod trailing_whitespace;
pub mod truncated_paragraph;

use std::sync::LazyLock;
use zhclean_core::triggers::{Scope, Trigger, TriggerTable, TriggeredLines, changes_on_lines};
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

/// A character-level layout rule: its name, what it reads, and the function that proposes its
/// changes.
struct Rule {
    name: &'static str,
    reads: Reads,
    changes: fn(&str, &Given) -> Vec<Change>,
}

/// What a character-level rule reads.
enum Reads {
    /// Only its own line, and it changes nothing on a line without one of these characters.
    Line(Trigger),
    /// Its own line and one fact about the whole document, computed before it runs (where the
    /// fact holds, it reads every line that holds its triggers; elsewhere, like [`Reads::Line`]).
    LineAndFact(Trigger, fn(&str) -> bool),
    /// The whole document.
    Document,
}

impl Reads {
    fn trigger(&self) -> Trigger {
        match self {
            Reads::Line(trigger) | Reads::LineAndFact(trigger, _) => *trigger,
            Reads::Document => Trigger::on(|_| false),
        }
    }
}

/// What a rule is given besides its text.
struct Given<'a> {
    config: &'a LayoutConfig,
    /// The document-wide fact of a [`Reads::LineAndFact`] rule.
    fact: bool,
}

/// The entry of rule module `m`, which reads its own line and changes nothing on a line
/// without a character `trigger` accepts: `m::changes(text)`.
macro_rules! line_rule {
    ($m:ident, $trigger:expr) => {
        Rule { name: $m::NAME, reads: Reads::Line(Trigger::on($trigger)), changes: |t, _| $m::changes(t) }
    };
}

/// The character-level rules, in the order they run before the reflow.
const RULES: &[Rule] = &[
    line_rule!(line_ending, |c| c == '\r'),
    Rule { name: column_layout::NAME, reads: Reads::Document, changes: |t, _| column_layout::changes(t) },
    line_rule!(invisible_character, invisible_character::is_invisible),
    line_rule!(missing_glyph, missing_glyph::marks_missing_glyph),
    line_rule!(markup_remnant, |c| matches!(c, '<' | '&')),
    line_rule!(trailing_whitespace, trailing_whitespace::is_blank),
    Rule { name: markdown_heading::NAME, reads: Reads::Document, changes: |t, _| markdown_heading::changes(t) },
    Rule { name: list_marker::NAME, reads: Reads::Document, changes: |t, _| list_marker::changes(t) },
    Rule {
        name: cjk_spacing::NAME,
        reads: CJK_SPACING_READS,
        changes: |t, g| cjk_spacing::changes(t, g.config.profile, g.fact),
    },
];

/// `cjk-spacing` reads the lines that hold spaces, and whether the document's spaces show a wrap.
const CJK_SPACING_READS: Reads = Reads::LineAndFact(Trigger::on(text::is_space), cjk_spacing::has_wrap_spaces);

/// The triggers of the [`RULES`] that read their own line, bit `i` for rule `i`.
static TRIGGERS: LazyLock<TriggerTable> =
    LazyLock::new(|| TriggerTable::new(RULES.iter().map(|rule| rule.reads.trigger()).collect()));

/// Runs the character-level rules over `doc`, a rule that reads its own line on the lines in
/// `scope` that hold its triggers; returns the lines they read, brought up to date.
fn run_rules<'t>(
    doc: &mut Document,
    config: &LayoutConfig,
    enabled: &impl Fn(&str) -> bool,
    scope: &Scope,
) -> TriggeredLines<'t> {
    let mut lines = TriggeredLines::new(&TRIGGERS, doc, scope);
    for (bit, rule) in RULES.iter().enumerate().filter(|(_, rule)| enabled(rule.name)) {
        let changes = rule_changes(doc, rule, bit, config, &mut lines);
        doc.apply(changes);
    }
    lines
}

/// What `rule` (bit `bit` of the trigger table) proposes on `doc`: on `lines` (of the scope the
/// stage reads) if it reads its own line, on every line that holds its triggers if the fact
/// it reads holds, on the whole text otherwise.
fn rule_changes(
    doc: &Document,
    rule: &Rule,
    bit: usize,
    config: &LayoutConfig,
    lines: &mut TriggeredLines,
) -> Vec<Change> {
    let given = |fact| Given { config, fact };
    match rule.reads {
        Reads::Document => (rule.changes)(doc.text(), &given(false)),
        Reads::Line(_) => changes_on_lines(doc.text(), lines.get(doc), bit, |line| (rule.changes)(line, &given(false))),
        Reads::LineAndFact(_, fact) if fact(doc.text()) => {
            changes_on_lines(doc.text(), lines.get_all(doc), bit, |line| (rule.changes)(line, &given(true)))
        }
        Reads::LineAndFact(..) => {
            changes_on_lines(doc.text(), lines.get(doc), bit, |line| (rule.changes)(line, &given(false)))
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
    run_rules(&mut doc, config, &|_| true, &Scope::All);
    let samples = reflow::samples(doc.text());
    (doc.into_text(), samples)
}

/// Runs every enabled layout rule over `doc`; the rules that read their own line read the
/// lines in `scope`, the reflow reads the whole text.
pub fn run(doc: &mut Document, config: &LayoutConfig, enabled: impl Fn(&str) -> bool, scope: &Scope) {
    let lines = run_rules(doc, config, &enabled, scope);
    let before_reflow = doc.batches();
    reflow::run(doc, config.separator, &enabled);
    // Joined lines can bring a space between Chinese characters together: spacing reads them.
    if doc.batches() > before_reflow && enabled(cjk_spacing::NAME) {
        let bit = RULES.iter().position(|rule| rule.name == cjk_spacing::NAME).expect("cjk-spacing is a rule");
        let mut joined = lines.rescoped(doc, &Scope::since(doc, Some(before_reflow)));
        let changes = rule_changes(doc, &RULES[bit], bit, config, &mut joined);
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
        run(&mut doc, &LayoutConfig::default(), |_| true, &Scope::All);
        doc.into_text()
    }

    #[test]
    fn canonical_line_structure() {
        assert_eq!(clean("一\r\n\r\n双方指出 \t\r\n，合作。\r最后。"), "一\n\n双方指出，合作。\n最后。\n");
        assert_eq!(clean("一\r\n双方指出 \t\r\n，合作。\r\n最后。"), "一\n\n双方指出，合作。\n\n最后。\n");
        assert_eq!(clean("正文。\n\n\n"), "正文。\n");
        assert_eq!(clean("\n\n\u{3000}\u{3000}正文。"), "\u{3000}\u{3000}正文。\n");
        assert_eq!(clean("\n\n  正文。"), "  正文。\n");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "一\n\n双方指出，利用。\n\n——加强合作。\n";
        let mut doc = Document::new(text);
        run(&mut doc, &LayoutConfig::default(), |_| true, &Scope::All);
        assert_eq!(doc.text(), text);
        assert!(doc.edits().is_empty());
    }

    #[test]
    fn disabled_rules_do_not_run() {
        let mut doc = Document::new("a \r\n");
        run(&mut doc, &LayoutConfig::default(), |name| name != line_ending::NAME, &Scope::All);
        assert_eq!(doc.text(), "a\r\n");
    }

    #[test]
    fn single_newline_separator() {
        let mut doc = Document::new("一\n\n双方指出。\n\n\n最后。\n");
        let config = LayoutConfig { separator: ParagraphSeparator::Newline, ..LayoutConfig::default() };
        run(&mut doc, &config, |_| true, &Scope::All);
        assert_eq!(doc.text(), "一\n双方指出。\n最后。\n");
    }
}

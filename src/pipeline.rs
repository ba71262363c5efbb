use crate::{Config, ConfigError, Report};
use zhclean_convert::{Converter, Script};
use zhclean_core::triggers::Scope;
use zhclean_core::{Applicability, Change, Diagnostic, Document, registry};
use zhclean_encoding::{DecodeError, EncodingInfo};
use zhclean_layout::LayoutConfig;
use zhclean_punct::PunctConfig;

/// The text-to-text stages, in the order the pipeline runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Line endings, whitespace, line breaks, page artifacts.
    Layout,
    /// GB/T 15834 punctuation.
    Punct,
    /// OpenCC conversion (only with a configuration).
    Convert,
    /// Lint rules and their fixes.
    Lint,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 4] = [Stage::Layout, Stage::Punct, Stage::Convert, Stage::Lint];

    /// Lower-case name, as used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Layout => "layout",
            Stage::Punct => "punct",
            Stage::Convert => "convert",
            Stage::Lint => "lint",
        }
    }
}

/// How many times the fixer re-lints before it stops looking for more fixes.
const MAX_FIX_PASSES: usize = 8;
/// How many rounds of all stages run, at most, before cleaning stops short of a fixed point.
const MAX_ROUNDS: usize = 16;
/// The step from this one on (the characters of the other script and lint, read at once) runs
/// only on a text the steps before it left unchanged in the round.
const REPORTING_STEPS: usize = 4;

/// A configured pipeline; build it once and clean any number of documents with it.
#[derive(Debug)]
pub struct Pipeline {
    config: Config,
    converter: Option<Converter>,
    /// Whether the reports hold the findings of the lint rules and of the characters of the
    /// other script (see [`Pipeline::text_only`]).
    findings: bool,
}

impl Pipeline {
    /// Checks `config` and loads what it needs (the OpenCC dictionaries, if converting).
    ///
    /// Rules named in the configuration (names, or codes in any case) are resolved once
    /// against the registry; an unknown one is an error.
    pub fn new(mut config: Config) -> Result<Self, ConfigError> {
        let resolve = |key: &String| {
            registry::find(key).map(|rule| rule.name.to_owned()).ok_or_else(|| ConfigError::UnknownRule(key.clone()))
        };
        config.disabled = config.disabled.iter().map(resolve).collect::<Result<_, _>>()?;
        config.severity = config
            .severity
            .iter()
            .map(|(key, &severity)| resolve(key).map(|name| (name, severity)))
            .collect::<Result<_, _>>()?;
        let converter =
            config.convert.as_deref().map(|name| Converter::with_backend(name, config.opencc_backend)).transpose()?;
        Ok(Self { config, converter, findings: true })
    }

    /// This pipeline, cleaning for the text alone: the reporting step (the lint rules and the
    /// characters of the other script) runs only when the configuration lets one of its fixes
    /// apply. The text is the same; a report holds the edits and the findings of the editing
    /// stages, not those of the lint rules. `zhclean clean` cleans so unless asked for a report.
    pub fn text_only(mut self) -> Self {
        self.findings = false;
        self
    }

    /// Whether the reporting step must run: its findings are wanted, or one of its rules has
    /// a fix the configuration applies.
    fn reports(&self) -> bool {
        self.findings
            || registry::RULES.iter().any(|rule| {
                rule.kind == registry::Kind::Report
                    && matches!(rule.stage, registry::Stage::Lint | registry::Stage::Convert)
                    && self.config.enabled(rule.name)
                    && rule.fix.is_some_and(|fix| fix == Applicability::Safe || self.config.unsafe_fixes)
            })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Decodes `bytes` and cleans the text.
    pub fn clean_bytes(&self, bytes: &[u8]) -> Result<Report, DecodeError> {
        let decoded = zhclean_encoding::decode(bytes, &self.config.decode)?;
        Ok(self.clean_text(decoded.text, decoded.info))
    }

    /// Like [`clean_bytes`](Self::clean_bytes), but frees `bytes` once they are decoded, so
    /// that the input is not held while it is cleaned.
    pub fn clean_owned_bytes(&self, bytes: Vec<u8>) -> Result<Report, DecodeError> {
        let decoded = zhclean_encoding::decode(&bytes, &self.config.decode)?;
        drop(bytes);
        Ok(self.clean_text(decoded.text, decoded.info))
    }

    /// Cleans already decoded text: repairs mojibake, then runs the stages until they reach a
    /// fixed point.
    pub fn clean_text(&self, text: String, encoding: EncodingInfo) -> Report {
        let mut document = Document::new(text);
        let readable = zhclean_encoding::review(&mut document, &encoding, |name| self.config.enabled(name));
        let remaining = if readable { self.clean_to_fixed_point(&mut document) } else { Vec::new() };
        // Taken, not copied: on a large document the findings take tens of megabytes.
        let mut diagnostics = document.take_diagnostics();
        diagnostics.reserve_exact(remaining.len());
        let mut to_original = document.to_original_in_order();
        let remaining = remaining.into_iter().map(|d| Diagnostic { range: to_original.map(d.range), ..d });
        diagnostics.extend(remaining.filter(|d| !document.is_verbatim(d.range)));
        for diagnostic in &mut diagnostics {
            diagnostic.severity =
                self.config.severity_of(diagnostic.rule, diagnostic.code).unwrap_or(diagnostic.severity);
        }
        diagnostics.sort_by_key(|d| (d.range.start, d.code));
        keep_last_of_each_finding(&mut diagnostics);
        Report { document, diagnostics, encoding, edit_severities: self.config.severity.clone() }
    }

    /// Runs every stage, and the fixes the configuration allows, round after round until a
    /// round changes nothing; returns the diagnostics that remain.
    ///
    /// Rules read what other rules write (a Kangxi radical becomes the ideograph a spacing rule
    /// looks for, a joined line gains the context a punctuation rule needs), so one round is not
    /// always a fixed point. Reaching one makes cleaning idempotent: cleaning the output again
    /// changes nothing. A finding recorded again by a later round is kept once (see
    /// [`keep_last_of_each_finding`]).
    ///
    /// The steps that edit (mojibake repair, layout, punctuation, conversion) run until they
    /// change nothing; the step that mostly reports (the characters of the other script and
    /// the lint rules, read at once, then the lint fixes) reads that text once, and if fixes
    /// change it the edit steps run again. A step that changed nothing on a text is not run again on that same
    /// text: the pipeline is deterministic, so it would change nothing again.
    fn clean_to_fixed_point(&self, document: &mut Document) -> Vec<Diagnostic> {
        let enabled = |name: &str| self.config.enabled(name);
        // For each step: the edit count when it last ran, if that run changed nothing.
        let mut idle_since: [Option<usize>; 5] = [None; 5];
        // For the repair, layout and punctuation steps: the batch count when each last
        // started, and the punctuation settings it ran with. Their rules that read their own
        // line read only the lines changed since (see `Scope`).
        let (mut repair_started, mut layout_started, mut punct_started) = (None, None, None);
        let mut punct_config = self.punct_config(document);
        let mut remaining = Vec::new();
        let steps = if self.reports() { REPORTING_STEPS + 1 } else { REPORTING_STEPS };
        for _ in 0..MAX_ROUNDS {
            let edits_before = document.edits().len();
            for (step, idle) in idle_since.iter_mut().enumerate().take(steps) {
                let start = document.edits().len();
                let editing_steps_done = edits_before == start;
                if *idle == Some(start) || (step >= REPORTING_STEPS && !editing_steps_done) {
                    continue;
                }
                match step {
                    0 => {
                        let scope = Scope::since(document, repair_started.replace(document.batches()));
                        zhclean_encoding::repair(document, enabled, &scope);
                    }
                    1 => {
                        let scope = Scope::since(document, layout_started.replace(document.batches()));
                        zhclean_layout::run(document, &self.layout_config(), enabled, &scope);
                    }
                    2 => {
                        let config = self.punct_config(document);
                        let mark = punct_started.replace(document.batches()).filter(|_| config == punct_config);
                        punct_config = config;
                        zhclean_punct::run(document, &config, enabled, &Scope::since(document, mark));
                    }
                    3 => zhclean_convert::convert(document, self.converter.as_ref(), enabled),
                    _ => {
                        // The characters of the other script and the lint rules read the same
                        // text: they read it at once.
                        let (mixed, diagnostics) = rayon::join(
                            || zhclean_convert::mixed_script_findings(document, enabled),
                            || self.lint(document),
                        );
                        zhclean_convert::record_mixed_script(document, mixed, self.config.unsafe_fixes);
                        // Converted characters make the text the lint rules read out of date.
                        if document.edits().len() == start {
                            remaining = self.fix(document, diagnostics);
                        }
                    }
                }
                *idle = (document.edits().len() == start).then_some(start);
            }
            if document.edits().len() == edits_before {
                return remaining;
            }
        }
        if steps > REPORTING_STEPS { self.lint(document) } else { Vec::new() }
    }

    /// Runs one stage over `document`; for [`Stage::Lint`] this applies the fixes the
    /// configuration allows and drops the remaining diagnostics.
    pub fn run_stage(&self, stage: Stage, document: &mut Document) {
        let enabled = |name: &str| self.config.enabled(name);
        match stage {
            Stage::Layout => zhclean_layout::run(document, &self.layout_config(), enabled, &Scope::All),
            Stage::Punct => zhclean_punct::run(document, &self.punct_config(document), enabled, &Scope::All),
            Stage::Convert => {
                zhclean_convert::run(document, self.converter.as_ref(), enabled, self.config.unsafe_fixes)
            }
            Stage::Lint => {
                let diagnostics = self.lint(document);
                self.fix(document, diagnostics);
            }
        }
    }

    /// Applies the allowed fixes of `diagnostics` (the lint rules' findings on `document`),
    /// lints again, and repeats until no fix applies; returns what remains.
    fn fix(&self, document: &mut Document, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        for pass in 0..MAX_FIX_PASSES {
            if pass > 0 {
                diagnostics = self.lint(document);
            }
            let fixes: Vec<Change> = diagnostics
                .iter()
                .filter_map(|d| d.fix.as_ref())
                .filter(|fix| self.config.unsafe_fixes || fix.applicability == Applicability::Safe)
                .flat_map(|fix| fix.changes.iter().cloned())
                .collect();
            if fixes.is_empty() || document.apply(fixes) == 0 {
                return diagnostics;
            }
        }
        self.lint(document)
    }

    fn layout_config(&self) -> LayoutConfig {
        LayoutConfig { separator: self.config.paragraph_separator, profile: self.config.profile }
    }

    /// The punctuation settings for `document`: radicals map to the forms of its script.
    ///
    /// Only CJK radicals-supplement characters depend on the script, so the script is detected
    /// only when the text has one (the convert stage detects it again for its own rules).
    fn punct_config(&self, document: &Document) -> PunctConfig {
        let traditional = zhclean_punct::has_supplement_radical(document.text())
            && zhclean_convert::detect_script(document.text()) == Script::Traditional;
        PunctConfig { profile: self.config.profile, range_dash: self.config.range_dash, traditional }
    }

    fn lint(&self, document: &Document) -> Vec<Diagnostic> {
        let enabled = |rule: &zhclean_core::RuleMeta| self.config.enabled(rule.name);
        zhclean_lint::lint(document, enabled, zhclean_convert::simplified_chars)
    }
}

/// Drops the earlier of two findings of one rule at one range (a later round of the stages
/// records it again), keeping the order of the rest. `diagnostics` must be sorted by start.
fn keep_last_of_each_finding(diagnostics: &mut Vec<Diagnostic>) {
    // In place: the findings of a large document take tens of megabytes.
    let mut kept = 0;
    for read in 0..diagnostics.len() {
        let finding = &diagnostics[read];
        let repeat = (0..kept)
            .rev()
            .take_while(|&k| diagnostics[k].range.start == finding.range.start)
            .find(|&k| diagnostics[k].code == finding.code && diagnostics[k].range == finding.range);
        diagnostics.swap(repeat.unwrap_or(kept), read);
        kept += usize::from(repeat.is_none());
    }
    diagnostics.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline(config: Config) -> Pipeline {
        Pipeline::new(config).unwrap()
    }

    #[test]
    fn stages_run_in_order_and_positions_refer_to_the_input() {
        let report = pipeline(Config::default()).clean_bytes("一\r\n\r\n双方指出,利用 \r\n".as_bytes()).unwrap();
        assert_eq!(report.text(), "一\n\n双方指出，利用\n");
        let comma = report.edits().iter().find(|e| e.rule == "halfwidth-punctuation").unwrap();
        assert_eq!(report.document.original_line_col(comma.range.start).line, 3);
        assert_eq!(report.document.original_line_col(comma.range.start).column, 5);
    }

    #[test]
    fn unsafe_fixes_only_when_asked() {
        let para = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";
        let input = format!("{para}\n\n{para}\n");
        let safe = pipeline(Config::default()).clean_bytes(input.as_bytes()).unwrap();
        assert_eq!(safe.text(), input);
        assert_eq!(safe.diagnostics.len(), 1);
        let config = Config { unsafe_fixes: true, ..Config::default() };
        let fixed = pipeline(config).clean_bytes(input.as_bytes()).unwrap();
        assert_eq!(fixed.text(), format!("{para}\n"));
        assert!(fixed.diagnostics.is_empty());
        assert_eq!(fixed.edits().last().unwrap().rule, "duplicate-paragraph");
    }

    #[test]
    fn text_only_runs_the_lint_rules_only_for_their_fixes() {
        let para = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";
        let input = format!("{para}\n\n{para}\n");
        let safe = pipeline(Config::default()).text_only().clean_bytes(input.as_bytes()).unwrap();
        assert_eq!(safe.text(), input);
        assert!(safe.diagnostics.is_empty());
        let config = Config { unsafe_fixes: true, ..Config::default() };
        let fixed = pipeline(config).text_only().clean_bytes(input.as_bytes()).unwrap();
        assert_eq!(fixed.text(), format!("{para}\n"));
        assert_eq!(fixed.edits().last().unwrap().rule, "duplicate-paragraph");
    }

    #[test]
    fn disabled_rules_and_unknown_names() {
        let config = Config { disabled: ["halfwidth-punctuation".to_owned()].into(), ..Config::default() };
        let report = pipeline(config).clean_bytes("指出,利用\n".as_bytes()).unwrap();
        assert_eq!(report.text(), "指出,利用\n");
        let config = Config { disabled: ["no-such-rule".to_owned()].into(), ..Config::default() };
        assert_eq!(
            Pipeline::new(config).unwrap_err().to_string(),
            "unknown rule `no-such-rule`; `zhclean rules` lists them"
        );
    }

    #[test]
    fn cleaning_is_idempotent_on_the_corpus_shape() {
        let p = pipeline(Config::default());
        let once = p.clean_bytes("\r\n双方认为,任何国家(包括 )\r\n\r\n\r\n".as_bytes()).unwrap();
        let twice = p.clean_bytes(once.text().as_bytes()).unwrap();
        assert_eq!(twice.text(), once.text());
        assert!(twice.edits().is_empty());
    }
}

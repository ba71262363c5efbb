//! The conversion stage: OpenCC variant conversion (simplified ↔ traditional and regional
//! standards), off unless a configuration is chosen.
//!
//! The default backend is `ferrous-opencc`, a pure-Rust implementation that embeds OpenCC's own
//! dictionaries, so the stage builds with cargo alone. With the cargo feature `system-opencc`,
//! the system's OpenCC library (through `opencc-rust`) can be chosen instead.
//!
//! Without a configuration the stage still detects the script of the document and reports
//! (and fixes) characters of the other script: traditional characters in simplified text and
//! simplified characters in traditional text.

mod automaton;
mod charset;
mod converter;
mod mixed_script;
mod opencc_conversion;
pub mod repertoire;
mod script;

pub use converter::{Backend, ConvertError, Converter};
pub use mixed_script::{SIMPLIFIED_IN_TRADITIONAL, TRADITIONAL_IN_SIMPLIFIED};
pub use script::{Script, detect_script, forms_table, simplified_chars};

use zhclean_core::{Change, Diagnostic, Document, TextRange};

/// Rule name of the edits this stage makes.
pub const NAME: &str = opencc_conversion::NAME;

/// The OpenCC configurations `--convert` accepts.
pub const CONFIGS: &[&str] =
    &["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t"];

/// Converts `doc` with `converter` when one is configured, logging each changed run of
/// characters as an edit; then reports the characters of the other script that remain
/// (converting them when `unsafe_fixes` allows).
pub fn run(doc: &mut Document, converter: Option<&Converter>, enabled: impl Fn(&str) -> bool, unsafe_fixes: bool) {
    convert(doc, converter, &enabled);
    report_mixed_script(doc, &enabled, unsafe_fixes);
}

/// Converts `doc` with `converter` when one is configured (and `opencc-conversion` enabled).
pub fn convert(doc: &mut Document, converter: Option<&Converter>, enabled: impl Fn(&str) -> bool) {
    if let Some(converter) = converter.filter(|_| enabled(NAME)) {
        // Logged as they come, stretch by stretch: a converted document has hundreds of
        // thousands.
        doc.apply_in_order(|text, log| converted_runs(text, converter, log));
    }
}

/// Reports the characters of the other script, converting them when `unsafe_fixes` allows.
pub fn report_mixed_script(doc: &mut Document, enabled: impl Fn(&str) -> bool, unsafe_fixes: bool) {
    let findings = mixed_script_findings(doc, enabled);
    record_mixed_script(doc, findings, unsafe_fixes);
}

/// The characters of the other script in `doc`, each reported (in positions of the current
/// text) with an unsafe fix that converts it; nothing is recorded.
pub fn mixed_script_findings(doc: &Document, enabled: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    mixed_script::run(doc, &enabled)
}

/// Records `findings` of [`mixed_script_findings`] and applies their fixes when `unsafe_fixes`
/// allows.
pub fn record_mixed_script(doc: &mut Document, findings: Vec<Diagnostic>, unsafe_fixes: bool) {
    let fixes: Vec<Change> = if unsafe_fixes {
        findings.iter().filter_map(|d| d.fix.as_ref()).flat_map(|fix| fix.changes.iter().cloned()).collect()
    } else {
        Vec::new()
    };
    doc.record_all(findings);
    doc.apply(fixes);
}

/// Hands `log` the changes `converter` makes to `text`, line by line, in order; stretches of
/// lines are converted on the threads of the pool.
fn converted_runs(text: &str, converter: &Converter, log: &mut dyn FnMut(Change)) {
    let converted = |offset: usize, stretch: &str| {
        let mut found = Vec::new();
        for (line_start, line) in zhclean_core::lines_with_starts(stretch) {
            if converter.may_change(line) {
                let converted = converter.convert(line);
                if converted != line {
                    found.extend(differing_runs(line, &converted, offset + line_start, NAME));
                }
            }
        }
        found
    };
    zhclean_core::read_line_stretches(text, converted, |found| found.into_iter().for_each(&mut *log));
}

/// The runs of characters in which `before` and `after` differ, as changes at `offset`; the
/// whole line when the two differ in length.
pub(crate) fn differing_runs(before: &str, after: &str, offset: usize, rule: &'static str) -> Vec<Change> {
    let whole = || vec![Change::replace(rule, TextRange::new(offset, offset + before.len()), after)];
    if before.chars().count() != after.chars().count() {
        return whole();
    }
    let mut changes = Vec::new();
    let mut run: Option<(usize, usize, String)> = None;
    for ((i, b), a) in before.char_indices().zip(after.chars()) {
        if a == b {
            if let Some((start, end, replacement)) = run.take() {
                changes.push(Change::replace(rule, TextRange::new(start, end), replacement));
            }
            continue;
        }
        let (_, end, replacement) = run.get_or_insert_with(|| (offset + i, offset + i, String::new()));
        *end = offset + i + b.len_utf8();
        replacement.push(a);
    }
    if let Some((start, end, replacement)) = run {
        changes.push(Change::replace(rule, TextRange::new(start, end), replacement));
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_to_simplified_logs_each_changed_run() {
        let converter = Converter::new("t2s").unwrap();
        let mut doc = Document::new("中小學生和老師\n已經簡化\n");
        run(&mut doc, Some(&converter), |name| name == NAME, false);
        assert_eq!(doc.text(), "中小学生和老师\n已经简化\n");
        let edits: Vec<_> = doc.edits().iter().map(|e| (e.before.as_str(), e.after.as_str())).collect();
        assert_eq!(edits, [("學", "学"), ("師", "师"), ("經簡", "经简")]);
    }

    #[test]
    fn unknown_configuration_is_a_clear_error() {
        let err = Converter::new("x2y").unwrap_err().to_string();
        assert!(err.starts_with("unknown OpenCC configuration `x2y`; choose one of: s2t, t2s"), "{err}");
    }
}

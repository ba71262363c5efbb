//! ## What it does
//! Finds characters of the other script: traditional characters in a simplified document
//! (`traditional-in-simplified`, `中小學生`) and simplified characters in a traditional one
//! (`simplified-in-traditional`, `中小学生` among `雙方`). The document's script is decided by
//! counting the characters only one script uses.
//!
//! A character is *traditional in simplified text* only if it is outside the 8,105 characters
//! of the 《通用规范汉字表》, its simplified form is in the table, and it is that form's
//! traditional counterpart: `於`, `乾` and `著` are standard characters, and variants that the
//! table merged (`擡`, `緜`) are an edition's choice, not the other script. A character is
//! *simplified in traditional text* only if Big5 (the repertoire of Taiwan's and Hong Kong's
//! standard lists) lacks it and has its traditional form: `台`, `吃`, `群`, `床` are standard
//! Taiwan forms. A character quoted on its own (`繁体字“國”写作“国”`) is mentioned, not used,
//! and a traditional form whose simplified form lies outside the Basic Multilingual Plane
//! (`輗` → `𫐐`) is what editions print, since few fonts have the other. A form the document
//! uses repeatedly (three times or more, and for a quarter of the uses of the pair) is its own
//! usage, not a stray.
//!
//! ## Why
//! OCR engines trained on both scripts, copy-paste from Hong Kong or Taiwan sources and input
//! methods switched to the wrong mode leave stray characters of the other script. They break
//! search, deduplication and counting, and a reader notices them at once.
//!
//! ## Example
//! ```text
//! 推动中小學生交流     → 推动中小学生交流 (with --unsafe-fixes or --convert t2s)
//! ```
//!
//! ## Fix safety
//! Unsafe: a name, a quotation or an edition may keep the other script on purpose, so the
//! conversion (OpenCC `t2s` or `s2t`, only of the characters reported) is applied only with
//! `--unsafe-fixes`; `--convert` converts the whole text.

use crate::Converter;
use crate::charset::CharSet;
use crate::script::{FORMS, S2T, Script, T2S, detect_script};
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;
use zhclean_core::{Applicability, Change, CompactString, Diagnostic, Document, Fix, RuleMeta, TextRange};

pub use zhclean_core::registry::TRADITIONAL_IN_SIMPLIFIED;

pub use zhclean_core::registry::SIMPLIFIED_IN_TRADITIONAL;

/// The characters of the other script, each reported (in positions of the current text) with
/// an unsafe fix that converts it.
pub fn run(doc: &Document, enabled: &impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let (rule, converter, is_stray): (&RuleMeta, _, fn(char) -> bool) = match detect_script(doc.text()) {
        Script::Simplified => (&TRADITIONAL_IN_SIMPLIFIED, &T2S, |c| FORMS.is_traditional_stray(c)),
        Script::Traditional => (&SIMPLIFIED_IN_TRADITIONAL, &S2T, |c| FORMS.is_simplified_stray(c)),
        Script::Unknown => return Vec::new(),
    };
    if !enabled(rule.name) {
        return Vec::new();
    }
    let text = doc.text();
    let Candidates { mut runs, replacements, originals } = Candidates::find(text, converter, is_stray);
    let uses = uses_of_forms(text, originals.iter().copied().chain(replacements.iter().map(String::as_str)));
    let count = |form: &str| uses.get(form).copied().unwrap_or(0);
    // Most runs of a large document are its own usage: they go before the findings are made.
    runs.retain(|run| {
        !is_convention(count(&text[run.range().as_range()]), count(&replacements[run.replacement as usize]))
    });
    runs.shrink_to_fit();
    let expected = if rule.name == TRADITIONAL_IN_SIMPLIFIED.name { "simplified" } else { "traditional" };
    // The findings of one form say the same: they share their message.
    let mut messages: HashMap<(&str, u32), Arc<str>> = HashMap::default();
    runs.into_iter()
        .map(|run| {
            let (range, number) = (run.range(), run.replacement);
            let (found, replacement) = (&text[range.as_range()], replacements[number as usize].as_str());
            let message = messages.entry((found, number)).or_insert_with(|| {
                format!("`{found}` in {expected} text; `{replacement}` is the {expected} form").into()
            });
            let message = Arc::clone(message);
            let change = Change::replace(rule.name, range, replacement);
            let fix = Fix { applicability: Applicability::Unsafe, changes: vec![change] };
            Diagnostic { fix: Some(fix), ..rule.diagnostic(range, message) }
        })
        .collect()
}

/// The runs of characters of the other script that a conversion changes, each with its
/// conversion, before the document's own usage is told from strays. A large document has
/// millions, so a run is held as its range and the number of its conversion among the distinct
/// ones.
struct Candidates<'t> {
    runs: Vec<Run>,
    replacements: Vec<String>,
    /// The distinct texts of the runs.
    originals: Vec<&'t str>,
}

/// A run of characters of the other script: where it starts, its length in bytes, and the
/// number of its conversion (16 bytes: a large document has millions).
struct Run {
    start: usize,
    len: u32,
    replacement: u32,
}

impl Run {
    fn range(&self) -> TextRange {
        TextRange::new(self.start, self.start + self.len as usize)
    }
}

impl<'t> Candidates<'t> {
    /// The runs of `text` that `converter` changes and whose characters `is_stray` accepts, but
    /// not a character quoted alone. Stretches of lines are converted on the threads of the pool.
    fn find(text: &'t str, converter: &Converter, is_stray: fn(char) -> bool) -> Self {
        let mut candidates = Self { runs: Vec::new(), replacements: Vec::new(), originals: Vec::new() };
        let mut numbers: HashMap<CompactString, u32> = HashMap::default();
        let mut originals: HashMap<&str, ()> = HashMap::default();
        let strays = |offset: usize, stretch: &str| {
            let mut found = Vec::new();
            for (line_start, line) in zhclean_core::lines_with_starts(stretch) {
                // A line with kana is Japanese, whose kanji are its own forms.
                if line.chars().any(is_stray) && !line.chars().any(is_kana) {
                    let converted = converter.convert(line);
                    found.extend(
                        crate::differing_runs(line, &converted, offset + line_start, "")
                            .into_iter()
                            .filter(|change| text[change.range.as_range()].chars().all(is_stray))
                            .filter(|change| !is_quoted_alone(text, change.range.start, change.range.end)),
                    );
                }
            }
            found
        };
        zhclean_core::read_line_stretches(text, strays, |found| {
            for change in found {
                let number = match numbers.get(change.replacement.as_str()) {
                    Some(&number) => number,
                    None => {
                        let number = candidates.replacements.len() as u32;
                        candidates.replacements.push(change.replacement.to_string());
                        numbers.insert(change.replacement, number);
                        number
                    }
                };
                let len = u32::try_from(change.range.len()).expect("a run of characters is shorter than 4 GB");
                candidates.runs.push(Run { start: change.range.start, len, replacement: number });
                let original = &text[change.range.as_range()];
                if originals.insert(original, ()).is_none() {
                    candidates.originals.push(original);
                }
            }
        });
        candidates
    }
}

/// True for hiragana and katakana (the middle dot and the prolonged sound mark excepted, which
/// Chinese text borrows).
fn is_kana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}' | '\u{30A0}'..='\u{30FA}')
}

/// How often each of `forms` (the text replaced and its replacement) occurs in `text`,
/// in one pass over its characters: forms of one character (most of them) are counted as the
/// pass meets them; at each character that starts a form of several, the forms it starts are
/// looked up by their lengths.
fn uses_of_forms<'a>(text: &'a str, forms: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut forms: Vec<&str> = forms.filter(|form| !form.is_empty()).collect();
    forms.sort_unstable();
    forms.dedup();
    let mut uses: HashMap<&str, usize> = forms.iter().map(|&form| (form, 0)).collect();
    let first = |form: &str| form.chars().next().expect("forms are not empty");
    let (single, several): (Vec<&str>, Vec<&str>) = forms.into_iter().partition(|form| form.chars().nth(1).is_none());
    let mut lengths_from: HashMap<char, Vec<usize>> = HashMap::default();
    for form in several {
        lengths_from.entry(first(form)).or_default().push(form.len());
    }
    for lengths in lengths_from.values_mut() {
        lengths.sort_unstable();
        lengths.dedup();
    }
    let singles = CharSet::new(single.iter().map(|form| first(form)));
    let starts = CharSet::new(lengths_from.keys().copied());
    // Counted by code point: most forms are single ideographs, met millions of times.
    let mut single_uses = vec![0usize; CharSet::LIMIT];
    for (i, c) in text.char_indices() {
        if singles.contains(c) {
            single_uses[c as usize] += 1;
        }
        if starts.contains(c) {
            for &length in &lengths_from[&c] {
                if let Some(n) = text.get(i..i + length).and_then(|form| uses.get_mut(form)) {
                    *n += 1;
                }
            }
        }
    }
    for form in single {
        let c = first(form) as usize;
        uses.insert(form, single_uses.get(c).copied().unwrap_or(0));
    }
    uses
}

/// A form the document uses at least this often, and for at least this share of the uses of
/// the pair (the form and its counterpart), is the document's own usage, not a stray.
const MIN_OWN_USES: usize = 3;
const MIN_OWN_SHARE: usize = 4;

/// True when a form the document uses `uses` times is its own usage rather than a stray: at
/// least [`MIN_OWN_USES`] times and for at least a quarter of the uses of it and its counterpart
/// (a Taiwan transcript that writes `内` throughout, or `没` beside `沒`). Each form is counted
/// once per document, so a document full of strays stays linear.
fn is_convention(uses: usize, counterpart_uses: usize) -> bool {
    uses >= MIN_OWN_USES && uses * MIN_OWN_SHARE >= uses + counterpart_uses
}

/// True when the characters at `start..end` stand alone between quotation marks: a character
/// mentioned, not used (`“國”`).
fn is_quoted_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    matches!(
        (before, after),
        (Some('“'), Some('”'))
            | (Some('「'), Some('」'))
            | (Some('‘'), Some('’'))
            | (Some('『'), Some('』'))
            | (Some('"'), Some('"'))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str) -> (String, Vec<String>) {
        let doc = Document::new(text);
        let messages = run(&doc, &|_| true).into_iter().map(|d| d.message.to_string()).collect();
        (doc.into_text(), messages)
    }

    #[test]
    fn traditional_characters_in_simplified_text_are_reported_not_changed() {
        let text = "双方将推动中小學生交流，坚决反对强撻行为，发展两国关系。\n";
        assert_eq!(
            reported(text),
            (
                text.to_owned(),
                vec![
                    "`學` in simplified text; `学` is the simplified form".to_owned(),
                    "`撻` in simplified text; `挞` is the simplified form".to_owned()
                ]
            )
        );
    }

    #[test]
    fn uses_of_forms_of_one_several_and_many_characters() {
        let long = "一二三四五六七八";
        let text = format!("國家國家国家，學生學生学生，{long}{long}");
        let at = |form: &str| {
            let start = text.find(form).unwrap();
            TextRange::new(start, start + form.len())
        };
        let found = [
            Change::replace("x", at("國"), "国"),
            Change::replace("x", at("學生"), "学生"),
            Change::replace("x", at(long), "壹"),
        ];
        let forms = found.iter().flat_map(|change| [&text[change.range.as_range()], change.replacement.as_str()]);
        let uses = uses_of_forms(&text, forms);
        let count = |form: &str| uses.get(form).copied();
        assert_eq!(
            [count("國"), count("国"), count("學生"), count("学生"), count(long), count("壹"), count("家")],
            [Some(2), Some(1), Some(2), Some(1), Some(2), Some(0), None]
        );
    }

    #[test]
    fn simplified_characters_in_traditional_text() {
        let text = "雙方將推動中小学生交流，發展兩國關係。\n";
        assert_eq!(reported(text).1, ["`学` in traditional text; `學` is the traditional form"]);
    }

    #[test]
    fn standard_characters_variants_and_mentions_are_quiet() {
        for text in [
            "双方将以元首外交为引领，著作、显著、乾坤、皇后、公里。\n",
            "历史学家於梅舫研究乾县的历史，发展两国关系。\n",
            "繁体字“國”写作“国”，简化字运动推动了文字改革的发展。\n",
            "乾坤日夜浮。亲朋无一字，老病有孤舟。擡头望明月，緜緜无绝期。\n",
            "子曰：人而无信，不知其可也。大车无輗，小车无軏，其何以行之哉？\n",
            "臺灣的朋友在台北吃飯，一群人圍著床邊說話，關於這件事。\n",
            "會議室内有人，國内外的學者都在内部討論，說明這個問題。\n",
            "日语课：我从东京来，发展两国关系。\n例：東京から来ました。\n",
        ] {
            assert_eq!(reported(text), (text.to_owned(), vec![]), "{text}");
        }
    }
}

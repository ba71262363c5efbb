//! The rule registry: every rule zhclean has, whether it edits text or reports, with its
//! stable code, kebab-case name, stage, kind, default, fix applicability, default severity and
//! documentation (the `//!` comment of the rule's own file, with the headings What it does,
//! Why, Example and Fix safety, which `zhclean explain` prints). Stages and outputs refer to
//! rules through these constants; selection resolves names and codes against [`RULES`].

use crate::{Applicability, RuleMeta, Severity};

/// The stage a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Decoding and mojibake repair.
    Encoding,
    /// Line breaks, whitespace, page furniture.
    Layout,
    /// GB/T 15834 punctuation and code points.
    Punct,
    /// OpenCC conversion and the characters of the other script.
    Convert,
    /// Lint rules on the final text.
    Lint,
    /// The findings of `zhclean check` itself.
    Check,
}

/// Whether a rule changes text or only reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// It changes text (each change an edit in the report); it may report too.
    Edit,
    /// It reports; its fix, if any, is applied only as its applicability allows.
    Report,
}

/// `pending-edits`: `clean` would make edits here.
pub const PENDING_EDITS: RuleMeta = RuleMeta {
    code: "ZH000",
    name: "pending-edits",
    stage: Stage::Check,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "`clean` would make edits here",
    source: include_str!("../../zhclean-core/src/pending_edits.rs"),
};

/// `low-confidence-encoding`: the encoding was detected with low confidence.
pub const LOW_CONFIDENCE_ENCODING: RuleMeta = RuleMeta {
    code: "ZH001",
    name: "low-confidence-encoding",
    stage: Stage::Encoding,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "the encoding was detected with low confidence",
    source: include_str!("../../zhclean-encoding/src/low_confidence_encoding.rs"),
};

/// `unrepairable-mojibake`: text that looks like mojibake but cannot be repaired losslessly.
pub const UNREPAIRABLE_MOJIBAKE: RuleMeta = RuleMeta {
    code: "ZH002",
    name: "unrepairable-mojibake",
    stage: Stage::Encoding,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "text that looks like mojibake but cannot be repaired losslessly",
    source: include_str!("../../zhclean-encoding/src/unrepairable_mojibake.rs"),
};

/// `unreadable-input`: the input could not be read or decoded.
pub const UNREADABLE_INPUT: RuleMeta = RuleMeta {
    code: "ZH003",
    name: "unreadable-input",
    stage: Stage::Encoding,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Error,
    summary: "the input could not be read or decoded",
    source: include_str!("../../zhclean-encoding/src/unreadable_input.rs"),
};

/// `unreadable-text`: decoded text whose letters are scattered over unrelated scripts.
pub const UNREADABLE_TEXT: RuleMeta = RuleMeta {
    code: "ZH005",
    name: "unreadable-text",
    stage: Stage::Encoding,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Error,
    summary: "the text is not readable: its letters are scattered over unrelated scripts",
    source: include_str!("../../zhclean-encoding/src/unreadable_text.rs"),
};

/// `mojibake-repaired`: UTF-8 misread as Windows-1252 or GBK, repaired.
pub const MOJIBAKE_REPAIRED: RuleMeta = RuleMeta {
    code: "ZH004",
    name: "mojibake-repaired",
    stage: Stage::Encoding,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "UTF-8 misread as Windows-1252 or GBK, repaired",
    source: include_str!("../../zhclean-encoding/src/mojibake.rs"),
};

/// `duplicate-paragraph`: a paragraph repeats an earlier one.
pub const DUPLICATE_PARAGRAPH: RuleMeta = RuleMeta {
    code: "ZH101",
    name: "duplicate-paragraph",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: Some(Applicability::Unsafe),
    severity: Severity::Warning,
    summary: "a paragraph repeats an earlier one",
    source: include_str!("../../zhclean-lint/src/rules/duplicate_paragraph.rs"),
};

/// `truncated-paragraph`: a paragraph stops mid-sentence and a new one follows.
pub const TRUNCATED_PARAGRAPH: RuleMeta = RuleMeta {
    code: "ZH102",
    name: "truncated-paragraph",
    stage: Stage::Layout,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "a paragraph stops mid-sentence and a new one follows",
    source: include_str!("../../zhclean-layout/src/truncated_paragraph.rs"),
};

/// `truncated-ending`: the document ends mid-sentence or with a cut-off tag.
pub const TRUNCATED_ENDING: RuleMeta = RuleMeta {
    code: "ZH103",
    name: "truncated-ending",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "the document ends mid-sentence or with a cut-off tag",
    source: include_str!("../../zhclean-lint/src/rules/truncated_ending.rs"),
};

/// `continuation-marker`: a newspaper continuation marker: the article goes on elsewhere.
pub const CONTINUATION_MARKER: RuleMeta = RuleMeta {
    code: "ZH104",
    name: "continuation-marker",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Warning,
    summary: "a newspaper continuation marker: the article goes on elsewhere",
    source: include_str!("../../zhclean-layout/src/continuation_marker.rs"),
};

/// `possible-stray-break`: a line break the layout kept but could not confirm.
pub const POSSIBLE_STRAY_BREAK: RuleMeta = RuleMeta {
    code: "ZH105",
    name: "possible-stray-break",
    stage: Stage::Layout,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Info,
    summary: "a line break the layout kept but could not confirm",
    source: include_str!("../../zhclean-layout/src/stray_break.rs"),
};

/// `unbalanced-pair`: a bracket or quotation mark without its partner in the paragraph.
pub const UNBALANCED_PAIR: RuleMeta = RuleMeta {
    code: "ZH106",
    name: "unbalanced-pair",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "a bracket or quotation mark without its partner in the paragraph",
    source: include_str!("../../zhclean-lint/src/rules/unbalanced_pair.rs"),
};

/// `doubled-word`: a word or character written twice by accident.
pub const DOUBLED_WORD: RuleMeta = RuleMeta {
    code: "ZH107",
    name: "doubled-word",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "a word or character written twice by accident",
    source: include_str!("../../zhclean-lint/src/rules/doubled_word.rs"),
};

/// `section-sequence`: section numerals out of sequence or missing.
pub const SECTION_SEQUENCE: RuleMeta = RuleMeta {
    code: "ZH108",
    name: "section-sequence",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "section numerals out of sequence or missing",
    source: include_str!("../../zhclean-lint/src/rules/section_sequence.rs"),
};

/// `latin-word-in-chinese`: an English function word inside a Chinese sentence.
pub const LATIN_WORD_IN_CHINESE: RuleMeta = RuleMeta {
    code: "ZH109",
    name: "latin-word-in-chinese",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "an English function word inside a Chinese sentence",
    source: include_str!("../../zhclean-lint/src/rules/latin_word_in_chinese.rs"),
};

/// `traditional-in-simplified`: a traditional character in simplified text.
pub const TRADITIONAL_IN_SIMPLIFIED: RuleMeta = RuleMeta {
    code: "ZH110",
    name: "traditional-in-simplified",
    stage: Stage::Convert,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: Some(Applicability::Unsafe),
    severity: Severity::Warning,
    summary: "a traditional character in simplified text",
    source: include_str!("../../zhclean-convert/src/mixed_script.rs"),
};

/// `simplified-in-traditional`: a simplified character in traditional text.
pub const SIMPLIFIED_IN_TRADITIONAL: RuleMeta = RuleMeta {
    code: "ZH111",
    name: "simplified-in-traditional",
    stage: Stage::Convert,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: Some(Applicability::Unsafe),
    severity: Severity::Warning,
    summary: "a simplified character in traditional text",
    source: include_str!("../../zhclean-convert/src/mixed_script.rs"),
};

/// `replacement-character`: a U+FFFD replacement character: a character was lost in decoding.
pub const REPLACEMENT_CHARACTER: RuleMeta = RuleMeta {
    code: "ZH112",
    name: "replacement-character",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Error,
    summary: "a U+FFFD replacement character: a character was lost in decoding",
    source: include_str!("../../zhclean-lint/src/rules/replacement_character.rs"),
};

/// `control-character`: a control character other than line feed and tab.
pub const CONTROL_CHARACTER: RuleMeta = RuleMeta {
    code: "ZH113",
    name: "control-character",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "a control character other than line feed and tab",
    source: include_str!("../../zhclean-lint/src/rules/control_character.rs"),
};

/// `private-use-character`: a private-use character, usually a glyph without a Unicode mapping.
pub const PRIVATE_USE_CHARACTER: RuleMeta = RuleMeta {
    code: "ZH114",
    name: "private-use-character",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Warning,
    summary: "a private-use character, usually a glyph without a Unicode mapping",
    source: include_str!("../../zhclean-lint/src/rules/private_use_character.rs"),
};

/// `mixed-punctuation-width`: half-width punctuation between Chinese characters.
pub const MIXED_PUNCTUATION_WIDTH: RuleMeta = RuleMeta {
    code: "ZH115",
    name: "mixed-punctuation-width",
    stage: Stage::Lint,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Info,
    summary: "half-width punctuation between Chinese characters",
    source: include_str!("../../zhclean-lint/src/rules/mixed_punctuation_width.rs"),
};

/// `interleaved-columns`: two columns read line by line across the page.
pub const INTERLEAVED_COLUMNS: RuleMeta = RuleMeta {
    code: "ZH116",
    name: "interleaved-columns",
    stage: Stage::Layout,
    kind: Kind::Report,
    enabled_by_default: true,
    fix: None,
    severity: Severity::Error,
    summary: "lines alternate between two columns of a page",
    source: include_str!("../../zhclean-layout/src/interleaved_columns.rs"),
};

/// `line-ending`: CRLF and lone CR become LF.
pub const LINE_ENDING: RuleMeta = RuleMeta {
    code: "ZH201",
    name: "line-ending",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "CRLF and lone CR become LF",
    source: include_str!("../../zhclean-layout/src/line_ending.rs"),
};

/// `invisible-character`: zero-width characters, stray BOMs and soft hyphens removed.
pub const INVISIBLE_CHARACTER: RuleMeta = RuleMeta {
    code: "ZH202",
    name: "invisible-character",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "zero-width characters, stray BOMs and soft hyphens removed",
    source: include_str!("../../zhclean-layout/src/invisible_character.rs"),
};

/// `markup-remnant`: HTML tags and entities left in plain text.
pub const MARKUP_REMNANT: RuleMeta = RuleMeta {
    code: "ZH203",
    name: "markup-remnant",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "HTML tags and entities left in plain text",
    source: include_str!("../../zhclean-layout/src/markup_remnant.rs"),
};

/// `trailing-whitespace`: whitespace at the end of a line.
pub const TRAILING_WHITESPACE: RuleMeta = RuleMeta {
    code: "ZH204",
    name: "trailing-whitespace",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "whitespace at the end of a line",
    source: include_str!("../../zhclean-layout/src/trailing_whitespace.rs"),
};

/// `markdown-heading`: Markdown heading marks left by a converter.
pub const MARKDOWN_HEADING: RuleMeta = RuleMeta {
    code: "ZH205",
    name: "markdown-heading",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "Markdown heading marks left by a converter",
    source: include_str!("../../zhclean-layout/src/markdown_heading.rs"),
};

/// `list-marker`: list markers mangled by a PDF converter.
pub const LIST_MARKER: RuleMeta = RuleMeta {
    code: "ZH206",
    name: "list-marker",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "list markers mangled by a PDF converter",
    source: include_str!("../../zhclean-layout/src/list_marker.rs"),
};

/// `cjk-spacing`: spaces an extractor left inside Chinese text.
pub const CJK_SPACING: RuleMeta = RuleMeta {
    code: "ZH207",
    name: "cjk-spacing",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "spaces an extractor left inside Chinese text",
    source: include_str!("../../zhclean-layout/src/cjk_spacing.rs"),
};

/// `stray-line-break`: a line break inside a paragraph, joined.
pub const STRAY_LINE_BREAK: RuleMeta = RuleMeta {
    code: "ZH208",
    name: "stray-line-break",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "a line break inside a paragraph, joined",
    source: include_str!("../../zhclean-layout/src/stray_line_break.rs"),
};

/// `paragraph-separator`: paragraphs separated as configured.
pub const PARAGRAPH_SEPARATOR: RuleMeta = RuleMeta {
    code: "ZH209",
    name: "paragraph-separator",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "paragraphs separated as configured",
    source: include_str!("../../zhclean-layout/src/paragraph_separator.rs"),
};

/// `indentation`: layout indentation before a paragraph.
pub const INDENTATION: RuleMeta = RuleMeta {
    code: "ZH210",
    name: "indentation",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "layout indentation before a paragraph",
    source: include_str!("../../zhclean-layout/src/indentation.rs"),
};

/// `page-number`: page numbers of a paginated source.
pub const PAGE_NUMBER: RuleMeta = RuleMeta {
    code: "ZH211",
    name: "page-number",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "page numbers of a paginated source",
    source: include_str!("../../zhclean-layout/src/page_number.rs"),
};

/// `running-header`: running headers and footers of a paginated source.
pub const RUNNING_HEADER: RuleMeta = RuleMeta {
    code: "ZH212",
    name: "running-header",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "running headers and footers of a paginated source",
    source: include_str!("../../zhclean-layout/src/running_header.rs"),
};

/// `page-footer`: the print-edition line of a newspaper article.
pub const PAGE_FOOTER: RuleMeta = RuleMeta {
    code: "ZH213",
    name: "page-footer",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "the print-edition line of a newspaper article",
    source: include_str!("../../zhclean-layout/src/page_footer.rs"),
};

/// `final-newline`: exactly one newline at the end.
pub const FINAL_NEWLINE: RuleMeta = RuleMeta {
    code: "ZH214",
    name: "final-newline",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "exactly one newline at the end",
    source: include_str!("../../zhclean-layout/src/final_newline.rs"),
};

/// `column-layout`: two columns printed side by side are read one after the other.
pub const COLUMN_LAYOUT: RuleMeta = RuleMeta {
    code: "ZH215",
    name: "column-layout",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "two columns printed side by side are read one after the other",
    source: include_str!("../../zhclean-layout/src/column_layout.rs"),
};

/// `missing-glyph`: NUL, U+FFFE and U+FFFF, which stand for glyphs without a character, become U+FFFD.
pub const MISSING_GLYPH: RuleMeta = RuleMeta {
    code: "ZH216",
    name: "missing-glyph",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "NUL, U+FFFE and U+FFFF, left where a glyph had no character, become U+FFFD",
    source: include_str!("../../zhclean-layout/src/missing_glyph.rs"),
};

/// `displaced-glyph`: characters an extractor set after their line are put back into it.
pub const DISPLACED_GLYPH: RuleMeta = RuleMeta {
    code: "ZH217",
    name: "displaced-glyph",
    stage: Stage::Layout,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "characters an extractor set after their line (a fallback font's glyphs) are put back into it",
    source: include_str!("../../zhclean-layout/src/displaced_glyph.rs"),
};

/// `fullwidth-alphanumeric`: full-width letters and digits become half-width.
pub const FULLWIDTH_ALPHANUMERIC: RuleMeta = RuleMeta {
    code: "ZH301",
    name: "fullwidth-alphanumeric",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "full-width letters and digits become half-width",
    source: include_str!("../../zhclean-punct/src/fullwidth_alphanumeric.rs"),
};

/// `kangxi-radical`: Kangxi and supplement radicals become ideographs.
pub const KANGXI_RADICAL: RuleMeta = RuleMeta {
    code: "ZH302",
    name: "kangxi-radical",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "Kangxi and supplement radicals become ideographs",
    source: include_str!("../../zhclean-punct/src/kangxi_radical.rs"),
};

/// `compatibility-ideograph`: compatibility ideographs become unified ones.
pub const COMPATIBILITY_IDEOGRAPH: RuleMeta = RuleMeta {
    code: "ZH303",
    name: "compatibility-ideograph",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "compatibility ideographs become unified ones",
    source: include_str!("../../zhclean-punct/src/compatibility_ideograph.rs"),
};

/// `ellipsis-style`: the Chinese ellipsis is `……`.
pub const ELLIPSIS_STYLE: RuleMeta = RuleMeta {
    code: "ZH304",
    name: "ellipsis-style",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "the Chinese ellipsis is `……`",
    source: include_str!("../../zhclean-punct/src/ellipsis_style.rs"),
};

/// `dash-style`: dashes and ranges as GB/T 15834 sets them.
pub const DASH_STYLE: RuleMeta = RuleMeta {
    code: "ZH305",
    name: "dash-style",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "dashes and ranges as GB/T 15834 sets them",
    source: include_str!("../../zhclean-punct/src/dash_style.rs"),
};

/// `middle-dot`: the middle dot in names is `·`.
pub const MIDDLE_DOT: RuleMeta = RuleMeta {
    code: "ZH306",
    name: "middle-dot",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "the middle dot in names is `·`",
    source: include_str!("../../zhclean-punct/src/middle_dot.rs"),
};

/// `quote-style`: straight quotes in Chinese text become `“”` and `‘’`.
pub const QUOTE_STYLE: RuleMeta = RuleMeta {
    code: "ZH307",
    name: "quote-style",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "straight quotes in Chinese text become `“”` and `‘’`",
    source: include_str!("../../zhclean-punct/src/quote_style.rs"),
};

/// `halfwidth-punctuation`: half-width punctuation in Chinese text becomes full-width.
pub const HALFWIDTH_PUNCTUATION: RuleMeta = RuleMeta {
    code: "ZH308",
    name: "halfwidth-punctuation",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "half-width punctuation in Chinese text becomes full-width",
    source: include_str!("../../zhclean-punct/src/halfwidth_punctuation.rs"),
};

/// `copywriting-spacing`: a space between Chinese and Latin or digits (copywriting profile).
pub const COPYWRITING_SPACING: RuleMeta = RuleMeta {
    code: "ZH309",
    name: "copywriting-spacing",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "a space between Chinese and Latin or digits (copywriting profile)",
    source: include_str!("../../zhclean-punct/src/copywriting_spacing.rs"),
};

/// `numbering-bracket`: a mismatched bracket pair around a list number becomes `（N）`.
pub const NUMBERING_BRACKET: RuleMeta = RuleMeta {
    code: "ZH310",
    name: "numbering-bracket",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "a mismatched bracket pair around a list number becomes （N）",
    source: include_str!("../../zhclean-punct/src/numbering_bracket.rs"),
};

/// `stray-vertical-bar`: a lone `|` between Chinese characters is deleted.
pub const STRAY_VERTICAL_BAR: RuleMeta = RuleMeta {
    code: "ZH311",
    name: "stray-vertical-bar",
    stage: Stage::Punct,
    kind: Kind::Edit,
    enabled_by_default: true,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "a lone | between Chinese characters, left by OCR, is deleted",
    source: include_str!("../../zhclean-punct/src/stray_vertical_bar.rs"),
};

/// `opencc-conversion`: OpenCC conversion when `--convert` asks for it.
pub const OPENCC_CONVERSION: RuleMeta = RuleMeta {
    code: "ZH401",
    name: "opencc-conversion",
    stage: Stage::Convert,
    kind: Kind::Edit,
    enabled_by_default: false,
    fix: Some(Applicability::Safe),
    severity: Severity::Info,
    summary: "OpenCC conversion when `--convert` asks for it",
    source: include_str!("../../zhclean-convert/src/opencc_conversion.rs"),
};

/// Every rule, ordered by code.
pub static RULES: &[&RuleMeta] = &[
    &PENDING_EDITS,
    &LOW_CONFIDENCE_ENCODING,
    &UNREPAIRABLE_MOJIBAKE,
    &UNREADABLE_INPUT,
    &MOJIBAKE_REPAIRED,
    &UNREADABLE_TEXT,
    &DUPLICATE_PARAGRAPH,
    &TRUNCATED_PARAGRAPH,
    &TRUNCATED_ENDING,
    &CONTINUATION_MARKER,
    &POSSIBLE_STRAY_BREAK,
    &UNBALANCED_PAIR,
    &DOUBLED_WORD,
    &SECTION_SEQUENCE,
    &LATIN_WORD_IN_CHINESE,
    &TRADITIONAL_IN_SIMPLIFIED,
    &SIMPLIFIED_IN_TRADITIONAL,
    &REPLACEMENT_CHARACTER,
    &CONTROL_CHARACTER,
    &PRIVATE_USE_CHARACTER,
    &MIXED_PUNCTUATION_WIDTH,
    &INTERLEAVED_COLUMNS,
    &LINE_ENDING,
    &INVISIBLE_CHARACTER,
    &MARKUP_REMNANT,
    &TRAILING_WHITESPACE,
    &MARKDOWN_HEADING,
    &LIST_MARKER,
    &CJK_SPACING,
    &STRAY_LINE_BREAK,
    &PARAGRAPH_SEPARATOR,
    &INDENTATION,
    &PAGE_NUMBER,
    &RUNNING_HEADER,
    &PAGE_FOOTER,
    &FINAL_NEWLINE,
    &COLUMN_LAYOUT,
    &MISSING_GLYPH,
    &DISPLACED_GLYPH,
    &FULLWIDTH_ALPHANUMERIC,
    &KANGXI_RADICAL,
    &COMPATIBILITY_IDEOGRAPH,
    &ELLIPSIS_STYLE,
    &DASH_STYLE,
    &MIDDLE_DOT,
    &QUOTE_STYLE,
    &HALFWIDTH_PUNCTUATION,
    &COPYWRITING_SPACING,
    &NUMBERING_BRACKET,
    &STRAY_VERTICAL_BAR,
    &OPENCC_CONVERSION,
];

/// The rule with this code (in any case) or name.
pub fn find(code_or_name: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|rule| rule.code.eq_ignore_ascii_case(code_or_name) || rule.name == code_or_name)
}

/// The rule with this name; every name a stage uses is registered (a test keeps it so).
pub fn by_name(name: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|rule| rule.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_ordered_and_findable() {
        for pair in RULES.windows(2) {
            assert!(pair[0].code < pair[1].code, "{} before {}", pair[0].code, pair[1].code);
        }
        for rule in RULES {
            assert_eq!(find(rule.code).map(|r| r.name), Some(rule.name));
            assert_eq!(find(&rule.code.to_ascii_lowercase()).map(|r| r.name), Some(rule.name));
            assert_eq!(find(rule.name).map(|r| r.code), Some(rule.code));
        }
    }
}

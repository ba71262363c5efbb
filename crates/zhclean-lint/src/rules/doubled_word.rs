//! ## What it does
//! Finds a word written twice by accident (`管理管理`, `烈士烈士`), and characters that look
//! doubled by accident (`内务部部`, `其其他`, `对对个别`). Word boundaries come from word
//! segmentation (jieba), so legitimate sequences stay quiet: words that meet on the same
//! character (`共和国国家`, `研究所所长`, `实现现代化`, `开展展览`) and reduplications that are
//! words of their own (`硕果累累`, `人人享有`).
//!
//! ## Why
//! Doubled words come from editing (a paste repeated) and OCR (a line read twice across a
//! hyphenation or column break). Spell checkers for Chinese rarely catch them, because the
//! doubled character often is a word on its own.
//!
//! ## Example
//! ```text
//! 加强自然保护区地管理管理经验交流   ← `管理` twice
//! ```
//!
//! ## Fix safety
//! No fix: a doubled character can be intended, and only a reader can tell which copy to keep.

use crate::Context;
use jieba_rs::Jieba;
use std::sync::LazyLock;
use zhclean_core::chars::is_han;
use zhclean_core::{Diagnostic, RuleMeta, Severity, TextRange};

/// The rule.
pub const RULE: RuleMeta = RuleMeta {
    code: "ZH107",
    name: "doubled-word",
    severity: Severity::Warning,
    summary: "a word or character written twice by accident",
    source: include_str!("doubled_word.rs"),
};

/// The segmenter, loaded the first time a document has a doubled character at all.
static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// Prepositions, conjunctions and particles that often stand next to a word with the same
/// character (`对对方`, `目的的`): not suspicious.
const FUNCTION_CHARS: &str = "对在和与及为向把被从以于给让将使由比跟同的地得了着过是也都就";

/// Reports doubled words in every clause that contains a repeated character or bigram.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut diagnostics = Vec::new();
    for (start, clause) in clauses(text) {
        if has_repetition(clause) {
            diagnostics.extend(doubled_in(clause).into_iter().map(|(range, message)| {
                RULE.diagnostic(TextRange::new(start + range.start, start + range.end), message)
            }));
        }
    }
    diagnostics
}

/// The clauses of `text` (runs between punctuation and line breaks) with their offsets.
fn clauses(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split_inclusive(|c: char| !is_han(c)).map(move |piece| {
        let at = start;
        start += piece.len();
        (at, piece)
    })
}

/// True when a character repeats at once (`部部`) or a two-character group does (`管理管理`).
fn has_repetition(clause: &str) -> bool {
    let mut last = ['\0'; 3];
    for c in clause.chars() {
        if c == last[2] || (c == last[1] && last[2] == last[0]) {
            return true;
        }
        last = [last[1], last[2], c];
    }
    false
}

/// The doubled words of one clause: byte ranges within it, and messages.
fn doubled_in(clause: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let tokens = JIEBA.cut(clause, false);
    let mut found = Vec::new();
    for (k, pair) in tokens.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if !a.word.chars().all(is_han) || !b.word.chars().all(is_han) {
            continue;
        }
        let previous = k.checked_sub(1).map(|p| tokens[p].word);
        if let Some(doubled) = doubled_pair(previous, a.word, b.word) {
            found.push((a.byte_start..b.byte_end, doubled));
        }
    }
    found
}

/// What is doubled in the neighbouring tokens `a` `b` (after `previous`), if anything.
fn doubled_pair(previous: Option<&str>, a: &str, b: &str) -> Option<String> {
    let single = |w: &str| w.chars().count() == 1;
    let suspect = |c: &str| Some(format!("`{c}` may be doubled by accident in `{a}{b}`"));
    if a == b {
        return if single(a) { suspect(a) } else { Some(format!("`{a}` is written twice")) };
    }
    // `国家 国家主权`, `国际合作 合作`: a word repeated as the head or tail of its neighbour.
    if !single(a) && !single(b) && (b.starts_with(a) || a.ends_with(b)) {
        let word = if b.starts_with(a) { a } else { b };
        return Some(format!("`{word}` is written twice in `{a}{b}`"));
    }
    // `其 其他`: a lone character before a word that starts with it, unless it belongs with the
    // token before it (`他 国 国家` is `他国 国家`).
    let belongs_before = previous.is_some_and(|p| JIEBA.has_word(&format!("{p}{a}")));
    if single(a) && b.starts_with(a) && !FUNCTION_CHARS.contains(a) && !belongs_before {
        return suspect(a);
    }
    // `内务部 部`: a lone character after a word that ends with it.
    if single(b) && !single(a) && a.ends_with(b) && !FUNCTION_CHARS.contains(b) {
        return suspect(b);
    }
    // `展览 展展`: a reduplicated character right after a word that starts or ends with it.
    let mut chars = b.chars();
    if let (Some(x), Some(y), None) = (chars.next(), chars.next(), chars.next())
        && x == y
        && (a.starts_with(x) || a.ends_with(x))
    {
        return suspect(&x.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accidental_doubles() {
        let found = crate::check_text(
            check,
            "加强自然保护区地管理管理经验交流。\n纪念烈士烈士。\n公安、内务部部年度会晤。\n其其他成员。\n开展展览展展、语言。\n维护国家国家主权。",
        );
        assert_eq!(
            found,
            [
                "1:9 `管理` is written twice",
                "2:3 `烈士` is written twice",
                "3:4 `部` may be doubled by accident in `内务部部`",
                "4:1 `其` may be doubled by accident in `其其他`",
                "5:3 `展` may be doubled by accident in `展览展展`",
                "6:3 `国家` is written twice in `国家国家主权`",
            ]
        );
    }

    #[test]
    fn word_boundaries_and_reduplication_are_quiet() {
        let text = "中华人民共和国国家主席。人工智能能力建设。研究所所长。实现现代化。开展展览。硕果累累。人人享有。双方对对方的支持。实现目的的手段。反对对个别国家。侵占他国国家财产。";
        assert_eq!(crate::check_text(check, text), Vec::<String>::new());
    }
}

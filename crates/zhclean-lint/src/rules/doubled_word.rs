//! ## What it does
//! Finds a word written twice by accident (`管理管理经验`, `烈士烈士`), a pair of characters
//! written twice that is no word at all (`全和全和`), and characters that look doubled by
//! accident (`内务部部`, `其其他`, `对对个别`). Word boundaries come from word segmentation
//! (jieba, on the simplified forms of the characters), so legitimate sequences stay quiet:
//! words that meet on the same character (`共和国国家`, `研究所所长`, `实现现代化`, `开展展览`),
//! reduplicated characters (`人人`, `漸漸`, `謝謝`, `試試`, `萋萋`: Chinese doubles characters
//! as a matter of grammar), sounds and patterns of grammar (`哈哈哈哈`, `走着走着`,
//! `一闪一闪`), and reduplications that are words of their own (`硕果累累`). A verb, a
//! numeral, an adjective or a word of state written twice (`研究研究`, `雪白雪白`) is
//! usually reduplication too, so it is reported at `info` severity only, as
//! are the single-character suspicions in traditional text, whose segmentation (through
//! simplified forms) is less sure.
//!
//! ## Why
//! Doubled words come from editing (a paste repeated) and OCR (a line read twice across a
//! hyphenation or column break). Spell checkers for Chinese rarely catch them, because the
//! doubled character often is a word on its own.
//!
//! ## Example
//! ```text
//! 加强自然保护区地管理管理经验交流   ← `管理` twice (info: 管理 is a verb)
//! 纪念烈士烈士                       ← `烈士` twice (warning)
//! ```
//!
//! ## Fix safety
//! No fix: a doubled character can be intended, and only a reader can tell which copy to keep.

use crate::Context;
use zhclean_core::chars::is_han;
use zhclean_core::words::{is_one_word, is_word, segment};
use zhclean_core::{Diagnostic, Severity, TextRange};

pub use zhclean_core::registry::DOUBLED_WORD as RULE;

/// Prepositions, conjunctions and particles that often stand next to a word with the same
/// character (`对对方`, `目的的`): not suspicious.
const FUNCTION_CHARS: &str = "对在和与及为向把被从以于给让将使由比跟同的地得了着过是也都就";

/// Reports doubled words in every clause that contains a repeated character or bigram.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut diagnostics = Vec::new();
    for (start, clause) in clauses(text) {
        if has_repetition(clause) {
            diagnostics.extend(doubled_in(clause, context.simplified(clause)).into_iter().map(
                |(range, message, severity)| Diagnostic {
                    severity,
                    ..RULE.diagnostic(TextRange::new(start + range.start, start + range.end), message)
                },
            ));
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

/// A doubled word found in a clause: its byte range in the clause, the message and how sure.
type Found = (std::ops::Range<usize>, String, Severity);

/// The doubled words of one clause. The clause is segmented in simplified forms (jieba's
/// dictionary is simplified), mapped character for character, so that `法院院長` segments as
/// `法院 院长`.
fn doubled_in(clause: &str, simplified: Option<String>) -> Vec<Found> {
    let segmented = simplified.as_deref().unwrap_or(clause);
    let offsets: Vec<usize> = clause.char_indices().map(|(i, _)| i).chain([clause.len()]).collect();
    let tokens = segment(segmented);
    let mut starts = Vec::with_capacity(tokens.len());
    let mut chars_before = 0;
    for token in &tokens {
        starts.push(chars_before);
        chars_before += token.text.chars().count();
    }
    let mut found = repeated_non_words(segmented, &offsets);
    for k in 0..tokens.len().saturating_sub(1) {
        let (a, b) = (&tokens[k], &tokens[k + 1]);
        if !a.text.chars().all(is_han) || !b.text.chars().all(is_han) {
            continue;
        }
        let previous = k.checked_sub(1).map(|p| tokens[p].text);
        let next = tokens.get(k + 2).map(|t| t.text);
        if let Some((message, mut severity)) = doubled_pair([previous, next], (a.text, a.tag), b.text) {
            // Segmenting converted text is less reliable: its suspicions are only infos.
            if simplified.is_some() && a.text != b.text {
                severity = Severity::Info;
            }
            let end_char = starts[k + 1] + b.text.chars().count();
            found.push((offsets[starts[k]]..offsets[end_char], message, severity));
        }
    }
    found
}

/// Sentence-final particles: a pair ending in one, repeated, is an exclamation (`对呀对呀`).
const FINAL_PARTICLES: &str = "呀啊吧呢嘛啦哇哟的了吗";

/// Two characters written twice (`全和全和`) that are no word: a copy slip, since only words
/// reduplicate. `offsets` are the byte offsets of the clause's characters.
fn repeated_non_words(segmented: &str, offsets: &[usize]) -> Vec<Found> {
    let chars: Vec<char> = segmented.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let (x, y) = (chars[i], chars[i + 1]);
        let pair: String = [x, y].iter().collect();
        let repeated = x != y && chars[i + 2] == x && chars[i + 3] == y;
        // A verb with the particle `着`, repeated, is an action going on (`望着望着`).
        if repeated && !FINAL_PARTICLES.contains(y) && y != '着' && !is_word(&pair) {
            found.push((offsets[i]..offsets[i + 4], format!("`{pair}` is written twice"), Severity::Warning));
            i += 4;
        } else {
            i += 1;
        }
    }
    found
}

/// What is doubled in the neighbouring tokens `a` (with its part of speech) and `b`, between
/// the tokens `previous` and `next`, if anything, and how sure that is.
fn doubled_pair([previous, next]: [Option<&str>; 2], (a, tag): (&str, &str), b: &str) -> Option<(String, Severity)> {
    let single = |w: &str| w.chars().count() == 1;
    let suspect = |c: &str| Some((format!("`{c}` may be doubled by accident in `{a}{b}`"), Severity::Warning));
    let one_character_repeated = |w: &str| w.chars().all(|c| w.starts_with(c));
    let one_sound = one_character_repeated(&format!("{a}{b}"));
    let one_by_one = a.starts_with('一') && a.chars().count() == 2;
    if one_sound || (a == b && (a.ends_with('着') || one_by_one)) {
        // Reduplication (`人人`, `漸漸`, `謝謝`), a sound repeated (`哈哈哈哈哈哈`), an action
        // going on until something happens (`走着走着`, `望着望着`) and one after another
        // (`一闪一闪`, `一口一口`) are grammar, not slips.
        return None;
    }
    if a == b {
        // A verb, a numeral, an adjective or a word of state written twice is usually
        // reduplication (`研究研究`, `雪白雪白`).
        let reduplicable = matches!(tag.chars().next(), Some('v' | 'm' | 'a' | 'z'));
        let severity = if reduplicable { Severity::Info } else { Severity::Warning };
        return Some((format!("`{a}` is written twice"), severity));
    }
    // `国家 国家主权`, `国际合作 合作`: a word repeated as the head or tail of its neighbour.
    if !single(a) && !single(b) && (b.starts_with(a) || a.ends_with(b)) {
        let word = if b.starts_with(a) { a } else { b };
        return Some((format!("`{word}` is written twice in `{a}{b}`"), Severity::Warning));
    }
    // `其 其他`: a lone character before a word that starts with it, unless it belongs with the
    // token before it as a word (`他 国 国家` is `他国 国家`) or as a word the segmenter can tell
    // from its statistics though its dictionary lacks it (`行政 厅 厅长` is `行政厅 厅长`).
    // Asked last: it may load jieba's model.
    // A character doubled into a word of its own (`那颗星 星` is `那颗 星星`) is that word, though
    // the segmenter cut the text elsewhere.
    let doubled_is_word = |c: &str| is_word(&format!("{c}{c}"));
    let belongs_before = || previous.is_some_and(|p| is_one_word(&format!("{p}{a}")));
    if single(a) && b.starts_with(a) && !FUNCTION_CHARS.contains(a) && !doubled_is_word(a) && !belongs_before() {
        return suspect(a);
    }
    // `内务部 部`: a lone character after a word that ends with it, unless it belongs with the
    // token after it as a word (`新年 年 会` is `新年 年会`, `西湖 湖 景` is `西湖 湖景`).
    let belongs_after = || next.is_some_and(|n| is_one_word(&format!("{b}{n}")));
    if single(b)
        && !single(a)
        && a.ends_with(b)
        && !FUNCTION_CHARS.contains(b)
        && !doubled_is_word(b)
        && !belongs_after()
    {
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
        assert_eq!(crate::check_text(check, "望着那颗星星。天天开心。\n"), Vec::<String>::new());
        assert_eq!(crate::check_text(check, "今年的新年年会很热闹。我们去看了西湖湖景。\n"), Vec::<String>::new());
    }

    #[test]
    fn pairs_that_are_no_word_are_warnings_and_verb_reduplication_is_info() {
        let severities = |text: &str| -> Vec<Severity> {
            let doc = zhclean_core::Document::new(text);
            check(&crate::Context::with_simplifier(&doc, zhclean_convert::simplified_chars))
                .iter()
                .map(|d| d.severity)
                .collect()
        };
        assert_eq!(severities("他们全和全和地说。"), [Severity::Warning]);
        assert_eq!(severities("我们取教取教。"), [Severity::Warning]);
        assert_eq!(severities("我们研究研究。"), [Severity::Info]);
        assert_eq!(severities("大家讨论讨论吧。"), [Severity::Info]);
        assert_eq!(severities("一步一步地走。"), []);
        assert_eq!(severities("墙是雪白雪白的。"), [Severity::Info]);
        assert_eq!(severities("灯光一晃一晃的。"), []);
        assert_eq!(severities("纪念烈士烈士。"), [Severity::Warning]);
    }

    #[test]
    fn sounds_and_ongoing_actions_repeated_are_quiet() {
        for text in ["她望着望着，眼泪就流下来了。", "大家听着听着，哈哈哈哈哈哈哈，笑了。", "走着走着天就黑了。"]
        {
            assert_eq!(crate::check_text(check, text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn word_boundaries_and_reduplication_are_quiet() {
        let text = "中华人民共和国国家主席。人工智能能力建设。研究所所长。实现现代化。开展展览。硕果累累。人人享有。双方对对方的支持。实现目的的手段。反对对个别国家。侵占他国国家财产。";
        assert_eq!(crate::check_text(check, text), Vec::<String>::new());
        let reduplication = "謝謝你。試試看。漸漸地。法院院長。萋萋芳草。熱熱的。";
        assert_eq!(crate::check_text(check, reduplication), Vec::<String>::new());
    }
}

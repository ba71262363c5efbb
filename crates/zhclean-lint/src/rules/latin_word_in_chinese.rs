//! ## What it does
//! Finds an English function word (`and`, `or`, `the`, `of`, `in`, …) standing between Chinese
//! words, as in `中国东北地区 and 俄罗斯远东地区`. Acronyms and names (`AUKUS`, `APEC`) are not
//! function words and are left alone, and so are letters that name things (`A股`, `维生素A`).
//!
//! ## Why
//! A function word in a Chinese sentence is a translation or editing leftover: the sentence
//! was machine-translated, or an English draft was pasted and half translated.
//!
//! ## Example
//! ```text
//! 中国东北地区 and 俄罗斯远东地区   → 中国东北地区和俄罗斯远东地区
//! ```
//!
//! ## Fix safety
//! No fix: the right Chinese word depends on the sentence (`and` may be `和`, `与`, `及`).

use crate::Context;
use zhclean_core::chars::{is_cjk_punctuation, is_han};
use zhclean_core::{Diagnostic, TextRange};

pub use zhclean_core::registry::LATIN_WORD_IN_CHINESE as RULE;

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "of", "on", "or", "that", "the",
    "this", "to", "was", "were", "with",
];

/// Reports every function word with Chinese on both sides.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut diagnostics = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find(|c: char| c.is_ascii_alphabetic()) {
        let start = i + found;
        let end = start + text[start..].find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len() - start);
        i = end;
        let word = &text[start..end];
        let before = text[..start].trim_end_matches(' ').chars().next_back();
        let after = text[end..].trim_start_matches(' ').chars().next();
        let chinese = |c: Option<char>| c.is_some_and(|c| is_han(c) || is_cjk_punctuation(c));
        // A letter alone is the article `a` only in lower case and set apart by spaces: `A股`,
        // `维生素A` and `B座` name things with letters.
        let spaced = text[..start].ends_with(' ') && text[end..].starts_with(' ');
        let article_shaped = word.len() > 1 || (word == "a" && spaced);
        if FUNCTION_WORDS.contains(&word.to_ascii_lowercase().as_str())
            && article_shaped
            && before.is_some_and(is_han)
            && chinese(after)
        {
            diagnostics.push(
                RULE.diagnostic(TextRange::new(start, end), format!("English `{word}` inside a Chinese sentence")),
            );
        }
    }
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_between_chinese() {
        let found = crate::check_text(
            check,
            "中国东北地区 and 俄罗斯远东地区，美英澳(AUKUS)合作，APEC会议，Hello and goodbye。这是 a 问题。",
        );
        assert_eq!(
            found,
            ["1:8 English `and` inside a Chinese sentence", "1:61 English `a` inside a Chinese sentence"]
        );
        assert!(crate::check_text(check, "今天A股大涨，维生素A也很重要，B座三楼。").is_empty());
    }
}

//! Chinese words: the one segmenter (jieba, with its bundled dictionary) that rules share,
//! loaded the first time a rule needs it.

use jieba_rs::Jieba;
use std::sync::LazyLock;

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// The segmenter.
pub fn segmenter() -> &'static Jieba {
    &JIEBA
}

/// True when the best segmentation of `before` followed by `after` puts a word of two or more
/// characters across the seam between them (`…实` + `现国家…`: `实现`). Text runs on inside
/// a word; a paragraph does not end in the middle of one.
pub fn word_across(before: &str, after: &str) -> bool {
    let joined = format!("{before}{after}");
    let seam = before.len();
    JIEBA.cut(&joined, false).iter().any(|token| token.byte_start < seam && token.byte_end > seam)
}

/// True when the last word of `text` is a function word that cannot end a sentence or a title:
/// a preposition, a conjunction or a structural particle (`的`, `和`, `对于`), by its part of
/// speech.
pub fn ends_in_function_word(text: &str) -> bool {
    JIEBA.tag(text, false).last().is_some_and(|tag| matches!(tag.tag.as_bytes().first(), Some(b'p' | b'c' | b'u')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_across_a_seam() {
        assert!(word_across("领土完整、实", "现国家统一"));
        assert!(word_across("中国原则，实", "现国家"));
        assert!(!word_across("的社会建设", "就业和社会"));
        assert!(!word_across("联合声明", "应俄罗斯"));
        assert!(!word_across("举措。", "双方"));
    }

    #[test]
    fn function_words_at_the_end() {
        assert!(ends_in_function_word("1月3日发表的"));
        assert!(ends_in_function_word("中国和"));
        assert!(ends_in_function_word("关于"));
        assert!(!ends_in_function_word("军事法庭"));
        assert!(!ends_in_function_word("现在"));
        assert!(!ends_in_function_word("土地"));
    }
}

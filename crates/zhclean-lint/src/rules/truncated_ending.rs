//! ## What it does
//! Reports a document that ends in the middle of a sentence, or whose input ended with a
//! dangling markup fragment (`</`) that the layout stage removed. A last paragraph without
//! final punctuation is a cut sentence when it reads as running text: it is long, has clause
//! punctuation, or opens the way the document's complete paragraphs do (`双方主张……`); a
//! title, a signature or a date stays quiet.
//!
//! ## Why
//! Scrapers and converters cut documents short: a download interrupted, a page limit, an
//! article continued on another page. The end of a document is where the loss shows.
//!
//! ## Example
//! ```text
//! 双方为应对和适应气候变化采取强有力措施，……作
//! </
//! ```
//!
//! ## Fix safety
//! No fix: the rest of the document has to be found in the source.

use crate::Context;
use zhclean_core::chars::{ends_sentence, head, is_closing, is_contents_entry, is_field, is_han, tail};
use zhclean_core::words::word_across;
use zhclean_core::{Diagnostic, TextRange};

pub use zhclean_core::registry::TRUNCATED_ENDING as RULE;

/// A last paragraph shorter than this, without sentence punctuation, is a signature or a
/// dateline, not a cut sentence.
const MIN_RUNNING_TEXT: usize = 20;

/// Reports a truncated ending.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let Some(last) = context.paragraphs().last() else { return Vec::new() };
    let end = TextRange::empty(last.range.end);
    if let Some(fragment) = dangling_markup(context) {
        return vec![RULE.diagnostic(
            end,
            format!("the input ended with the cut-off tag `{fragment}`: the document was probably truncated"),
        )];
    }
    // The last line: a paragraph of several lines (a list, a verse) ends with its last line.
    // Its indent (a signature or a date set to the right with ideographic spaces) is no text.
    let text = last.text.trim_end().rsplit('\n').next().unwrap_or_default().trim_start();
    if ["- ", "* ", "• "].iter().any(|bullet| text.starts_with(bullet)) {
        // The last item of a bulleted list: items need no final punctuation.
        return Vec::new();
    }
    // A contents entry ends in its page number, a field (`营业时间：9:00—18:00`) where its value
    // does, a link where it does.
    if is_contents_entry(text) || is_field(text) || ends_in_link(text) {
        return Vec::new();
    }
    // A block of lines none of which ends a sentence or inside a word (the records of a chat,
    // a list, free verse) ends as its lines do: that is its style. Lines a wrap cut (left so
    // where the reflow could not join them) cut words too.
    let lines: Vec<&str> = last.text.trim_end().lines().map(str::trim).collect();
    // Words are looked up in simplified forms (the dictionary's).
    let simplified = |text: &str| context.simplified(text).unwrap_or_else(|| text.to_owned());
    let cuts_a_word = |pair: &[&str]| {
        let (a, b) = (pair[0], pair[1]);
        let han = |c: Option<char>| c.is_some_and(is_han);
        han(a.chars().next_back())
            && han(b.chars().next())
            && word_across(&simplified(tail(a, 4)), &simplified(head(b, 4)))
    };
    if lines.len() >= 2 && !lines.iter().any(|line| ends_sentence(line)) && !lines.windows(2).any(cuts_a_word) {
        return Vec::new();
    }
    let final_char = text.trim_end_matches(is_closing).chars().next_back().unwrap_or(' ');
    let running =
        text.chars().count() >= MIN_RUNNING_TEXT || text.contains(['，', '、', '；']) || opens_like_body(context, text);
    let mid_sentence =
        is_han(final_char) || final_char.is_ascii_digit() || matches!(final_char, '，' | '、' | '；' | '：');
    if running && mid_sentence && !ends_sentence(text) && !text.ends_with(['）', ')']) {
        let tail: String = text.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
        return vec![RULE.diagnostic(end, format!("the document ends mid-sentence at `…{tail}`"))];
    }
    Vec::new()
}

/// True when `line` ends in a link or an e-mail address (`详情：https://…/a?from=1`), which
/// ends without punctuation.
fn ends_in_link(line: &str) -> bool {
    let last = line.rsplit(|c: char| c.is_whitespace() || matches!(c, '：' | '，' | '（' | '“')).next().unwrap_or(line);
    ["http://", "https://", "www.", "ftp://"].iter().any(|scheme| last.starts_with(scheme))
        || last.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// Paragraphs of the document that open with the same two characters and end a sentence at
/// least this often make those characters an opener of running text.
const MIN_OPENER_COUNT: usize = 2;

/// True when `last` opens the way the document's complete paragraphs do (`双方…`): it is a
/// sentence, not a title, a signature or a date, however short.
fn opens_like_body(context: &Context, last: &str) -> bool {
    let opener = |text: &str| text.chars().take(2).collect::<String>();
    let key = opener(last);
    key.chars().count() == 2
        && context
            .paragraphs()
            .iter()
            .filter(|p| ends_sentence(p.text.trim_end()) && opener(p.text) == key)
            .nth(MIN_OPENER_COUNT - 1)
            .is_some()
}

/// The markup fragment the layout stage removed from the very end of the input, if any.
fn dangling_markup<'a>(context: &Context<'a>) -> Option<&'a str> {
    let document = context.document();
    let only_space_after = |original: usize| document.text()[document.to_current(original)..].trim_end().is_empty();
    document
        .edits()
        .iter()
        .find(|e| {
            e.rule == "markup-remnant"
                && e.before.starts_with('<')
                && e.after.is_empty()
                && only_space_after(e.range.end)
        })
        .map(|e| e.before.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        let cut = "双方为应对和适应气候变化采取强有力措施，积极开展合作，作\n";
        assert_eq!(crate::check_text(check, cut), ["1:29 the document ends mid-sentence at `…开展合作，作`"]);
        for complete in ["双方同意。\n", "弗·弗·普京\n", "二〇二四年五月十六日于北京（新华社北京5月16日电）\n", ""]
        {
            assert!(crate::check_text(check, complete).is_empty(), "{complete}");
        }
        let body = "双方指出，合作取得成果。\n\n双方认为，应当继续努力。\n\n";
        let unpunctuated = format!("{body}双方主张维护北极地区和平稳定\n");
        assert_eq!(crate::check_text(check, &unpunctuated), ["5:15 the document ends mid-sentence at `…地区和平稳定`"]);
        let signed = "谢谢您的帮助。\n\n\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}李明\n\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}2023年12月5日\n";
        assert!(crate::check_text(check, signed).is_empty(), "a date set to the right");
        let link = "详情戳：https://weibo.com/123456?from=page_100505\n联系邮箱 contact@example.com\n\n原文：http://example.com/a/2024\n";
        assert!(crate::check_text(check, link).is_empty(), "links");
        let hours = "欢迎光临。\n\n营业时间：周一至周五 9:00—18:00\n";
        assert!(crate::check_text(check, hours).is_empty(), "a field");
        let contents = "目录\n\n第一章 总则 ………………………… 1\n\n第四章 附则 ………………………… 15\n";
        assert!(crate::check_text(check, contents).is_empty(), "contents");
        let chat = "[2024-03-01 09:15] 小王：今天开会吗\n[2024-03-01 09:16] 小李：十点在三楼，大家准时到\n";
        assert!(crate::check_text(check, chat).is_empty(), "records");
        let wrapped = "「什麼清白？我前天親\n眼見你偷了何家的書，弔着打。」孔乙己便漲紅了臉，額上\n";
        assert_eq!(crate::check_text(check, wrapped), ["2:27 the document ends mid-sentence at `…紅了臉，額上`"]);
        let cut_after_a_line = "双方同意。\n双方主张维护北极地区和平稳定与合作共赢的局面\n";
        assert_eq!(
            crate::check_text(check, cut_after_a_line),
            ["2:23 the document ends mid-sentence at `…作共赢的局面`"]
        );
        for ending in ["弗·弗·普京", "二〇二五年五月八日于莫斯科", "中俄联合声明"] {
            assert!(crate::check_text(check, &format!("{body}{ending}\n")).is_empty(), "{ending}");
        }
    }
}

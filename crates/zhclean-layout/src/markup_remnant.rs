//! ## What it does
//! Removes HTML left in plain text: known tags (`<br>` and block tags become line breaks), a tag cut
//! off at the end of a line (`</`), and character entities, which are decoded once (`&nbsp;`
//! becomes a space, `&#20013;` becomes `中`; `&amp;lt;` is text about markup and stays).
//!
//! ## Why
//! Scrapers that strip HTML badly leave tags and entities in the text.
//!
//! ## Example
//! ```text
//! 合作。<br>双方     → 合作。\n双方
//! ```
//!
//! ## Fix safety
//! Safe: only known tag names and well-formed entities are touched; `a < b`, `<中俄关系>`, `AT&T`
//! and runs like `<<` stay.

use crate::text::is_space;
use zhclean_core::{Change, TextRange};

/// Rule name.
pub const NAME: &str = zhclean_core::registry::MARKUP_REMNANT.name;

/// HTML elements whose tags are recognised in plain text.
const TAGS: &[&str] = &[
    "a", "b", "br", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "i", "img", "li", "ol", "p", "span",
    "strong", "sub", "sup", "table", "td", "th", "tr", "u", "ul",
];

/// Tags that separate lines.
const BREAKING: &[&str] = &["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"];

const ENTITIES: &[(&str, &str)] = &[
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("middot", "·"),
];

/// Proposes the removal or decoding of every markup remnant.
pub fn changes(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut i = 0;
    while let Some(found) = text[i..].find(['<', '&']) {
        let at = i + found;
        let rest = &text[at..];
        let change = if rest.starts_with('<') {
            tag(rest, text[..at].trim_end_matches(is_space).ends_with(['<', '/']))
        } else {
            // `&amp;lt;` is an escaped entity, text about markup: decoding it would make another.
            entity(rest).filter(|(len, decoded)| !(decoded == "&" && forms_entity_after_ampersand(&rest[*len..])))
        };
        match change {
            Some((len, replacement)) => {
                changes.push(Change::replace(NAME, TextRange::new(at, at + len), replacement));
                i = at + len;
            }
            None => i = at + 1,
        }
    }
    changes
}

/// The longest tag recognised, in bytes: attributes beyond it are not markup but text.
const MAX_TAG_LEN: usize = 256;

/// A tag at the start of `rest`: its length and replacement. `after_angle` says that a `<` or
/// a `/` stands just before: `<<` is text (an arrow, a shift) and `</</` a run of fragments, so
/// neither ends with a tag cut off.
///
/// Only a bounded window of `rest` is read, so scanning a text full of `<` stays linear.
fn tag(rest: &str, after_angle: bool) -> Option<(usize, String)> {
    let dangling = rest.strip_prefix("</").or_else(|| rest.strip_prefix('<'))?;
    // Only spaces up to the line end: the fragment of a tag cut off (the spaces go with it).
    if let Some(spaces) = spaces_to_line_end(dangling)
        && !after_angle
    {
        return Some((rest.len() - dangling.len() + spaces, String::new()));
    }
    let inner = dangling;
    let name_len = inner.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(inner.len());
    if name_len > 6 {
        return None;
    }
    let name = inner[..name_len].to_ascii_lowercase();
    if !TAGS.contains(&name.as_str()) {
        return None;
    }
    let after_name = &inner.as_bytes()[name_len..];
    if !after_name.starts_with(b">") && !after_name.starts_with(b" ") && !after_name.starts_with(b"/") {
        return None;
    }
    let window = &after_name[..after_name.len().min(MAX_TAG_LEN)];
    let close = window.iter().take_while(|&&b| b != b'\n').position(|&b| b == b'>')?;
    let len = (rest.len() - inner.len()) + name_len + close + 1;
    let replacement = if BREAKING.contains(&name.as_str()) { "\n" } else { "" };
    Some((len, replacement.to_owned()))
}

/// The length of the spaces that run from the start of `text` to its line end, when nothing
/// else comes before the line end (at most [`MAX_TAG_LEN`] bytes are read).
fn spaces_to_line_end(text: &str) -> Option<usize> {
    let mut len = 0;
    for c in text.chars() {
        if c == '\n' {
            return Some(len);
        }
        if !is_space(c) || len > MAX_TAG_LEN {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// True when `after` would read as an entity behind a decoded `&` (`lt;` in `&amp;lt;`). Reads
/// a bounded prefix, so a run of `&amp;` stays linear.
fn forms_entity_after_ampersand(after: &str) -> bool {
    let prefix: String = std::iter::once('&').chain(after.chars().take(12)).collect();
    entity(&prefix).is_some()
}

/// A character entity at the start of `rest`: its length and the character.
fn entity(rest: &str) -> Option<(usize, String)> {
    let bytes = rest.as_bytes();
    let end = bytes[..bytes.len().min(12)].iter().position(|&b| b == b';')?;
    let name = &rest[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control())?.to_string()
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1.to_owned()
    };
    Some((end + 1, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::testing::{assert_fixes, assert_unchanged};

    #[test]
    fn tags_entities_and_dangling_fragments() {
        let cases = [
            ("合作。<br>双方", "合作。\n双方"),
            ("<p class=\"x\">双方</p>", "\n双方\n"),
            ("<span>中俄</span>关系", "中俄关系"),
            ("A&amp;B&nbsp;C&#20013;&#x6587;", "A&B C中文"),
            ("作出重要贡献。\n\n</", "作出重要贡献。\n\n"),
            ("末尾<\n下一行", "末尾\n下一行"),
        ];
        assert_fixes(changes, &cases);
    }

    #[test]
    fn text_that_only_looks_like_markup_stays() {
        assert_unchanged(
            changes,
            &[
                "a < b and c > d",
                "<中俄关系>",
                "AT&T",
                "AT&T公司合作",
                "&中文;",
                "x <= 3",
                "&unknown;",
                "《联合国宪章》",
            ],
        );
    }
}

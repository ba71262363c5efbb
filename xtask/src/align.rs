//! Character alignment of a text with its true text, whitespace left out: what `eval` scores
//! and `calibrate` labels with.

use similar::{ChangeTag, TextDiff};

/// `text` without whitespace.
pub fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// For every character of `a`, the index of the same character in `b` where the character diff
/// of the two matches them.
pub fn alignment(a: &str, b: &str) -> Vec<Option<usize>> {
    let diff = TextDiff::configure().diff_chars(a, b);
    let mut map = Vec::with_capacity(a.len());
    let mut j = 0;
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Equal => {
                map.push(Some(j));
                j += 1;
            }
            ChangeTag::Delete => map.push(None),
            ChangeTag::Insert => j += 1,
        }
    }
    map
}

/// Edits (insertions, deletions, substitutions) per character of `truth` that turn `text`
/// into it, whitespace left out.
pub fn error_rate(text: &str, truth: &str) -> f64 {
    let (text, truth) = (without_whitespace(text), without_whitespace(truth));
    let diff = TextDiff::configure().diff_chars(&text, &truth);
    let edits: usize = diff
        .ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| {
            let (_, old, new) = op.as_tag_tuple();
            old.len().max(new.len())
        })
        .sum();
    edits as f64 / truth.chars().count().max(1) as f64
}

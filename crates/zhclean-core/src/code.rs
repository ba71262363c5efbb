//! Code in a document: blocks fenced by lines of backticks or tildes and spans between
//! backticks on a line (Markdown's code, as technical texts, answers and READMEs hold it). Code
//! is not Chinese prose: its line breaks, indents, ASCII punctuation and quotes are its syntax.
//! A [`Document`](crate::Document) keeps every rule's edits out of the code of its input but
//! those that fix bytes, not text (line endings, mojibake, missing glyphs, the final newline),
//! and the findings inside it.

use crate::TextRange;
use crate::registry;

/// True for the rules that may edit code: they fix how the text was stored, not how it reads.
pub fn edits_code(rule: &str) -> bool {
    [registry::LINE_ENDING, registry::FINAL_NEWLINE, registry::MOJIBAKE_REPAIRED, registry::MISSING_GLYPH]
        .iter()
        .any(|meta| meta.name == rule)
}

/// The code of `text`, in order: its fenced blocks (see [`fenced_blocks`]) and, on the other
/// lines, its spans: a run of backticks to the next run of as many on the line, both included
/// (`` `name="张三"` ``). A run that no other closes on its line is text.
pub fn code_ranges(text: &str) -> Vec<TextRange> {
    let blocks = fenced_blocks(text);
    if memchr::memchr(b'`', text.as_bytes()).is_none() {
        return blocks;
    }
    let mut ranges = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    for (start, line) in crate::lines_with_starts(text) {
        while let Some(block) = blocks.next_if(|block| block.start <= start) {
            ranges.push(block);
        }
        if ranges.last().is_some_and(|block| block.end > start) || memchr::memchr(b'`', line.as_bytes()).is_none() {
            continue;
        }
        ranges.extend(inline_spans(line).map(|span| TextRange::new(start + span.start, start + span.end)));
    }
    ranges.extend(blocks);
    ranges
}

/// The code spans of `line`, as byte ranges of it.
fn inline_spans(line: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = line.as_bytes();
    let run_at = |at: usize| bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(offset) = memchr::memchr(b'`', &bytes[at..]) {
            let open = at + offset;
            let length = run_at(open);
            let mut next = open + length;
            at = next;
            while let Some(offset) = memchr::memchr(b'`', &bytes[next..]) {
                let close = next + offset;
                let close_length = run_at(close);
                if close_length == length {
                    at = close + length;
                    return Some(open..at);
                }
                next = close + close_length;
            }
        }
        None
    })
}

/// The fenced code blocks of `text`, in order: each from the line break before its opening
/// fence (so that no line is joined to the fence) to the end of the line of its closing fence,
/// with its line break.
///
/// A fence is a run of at least three backticks or tildes after at most three spaces; after
/// an opening fence of backticks, the language named (`python`) holds no backtick. A block
/// closes at a line holding only a run of the same character at least as long; a fence never
/// closed opens no block (a stray one in prose protects nothing).
pub fn fenced_blocks(text: &str) -> Vec<TextRange> {
    let mut blocks = Vec::new();
    if memchr::memmem::find(text.as_bytes(), b"```").is_none()
        && memchr::memmem::find(text.as_bytes(), b"~~~").is_none()
    {
        return blocks;
    }
    let mut open: Option<(usize, u8, usize)> = None;
    for (start, raw) in crate::lines_with_starts(text) {
        let line = raw.trim_end_matches(['\n', '\r']);
        let Some((mark, length, rest)) = fence(line) else { continue };
        match open {
            None if mark == b'~' || !rest.contains('`') => open = Some((start, mark, length)),
            Some((opened, open_mark, open_length))
                if mark == open_mark && length >= open_length && rest.trim().is_empty() =>
            {
                blocks.push(TextRange::new(opened.saturating_sub(1), start + raw.len()));
                open = None;
            }
            _ => {}
        }
    }
    blocks
}

/// The fence that starts `line`: its character, its length and the rest of the line.
fn fence(line: &str) -> Option<(u8, usize, &str)> {
    let body = line.trim_start_matches(' ');
    if line.len() - body.len() > 3 {
        return None;
    }
    let mark = *body.as_bytes().first().filter(|&&b| b == b'`' || b == b'~')?;
    let length = body.bytes().take_while(|&b| b == mark).count();
    (length >= 3).then(|| (mark, length, &body[length..]))
}

/// True when `range` lies inside one of `blocks` (sorted): an insertion strictly inside, or a
/// range that overlaps one.
pub fn touches(blocks: &[TextRange], range: TextRange) -> bool {
    let after = blocks.partition_point(|block| block.end <= range.start);
    blocks.get(after).is_some_and(
        |block| {
            if range.is_empty() { block.start < range.start } else { block.start < range.end }
        },
    )
}

/// True when `range` lies wholly inside one of `blocks` (sorted).
pub fn within(blocks: &[TextRange], range: TextRange) -> bool {
    let after = blocks.partition_point(|block| block.end < range.end);
    blocks.get(after).is_some_and(|block| block.start <= range.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "例子如下：\n```python\nprint(\"a,b\")\n```\n运行即可。\n~~~\n代码\n~~~~\n";

    #[test]
    fn fenced_blocks_from_the_break_before_to_the_line_after() {
        let blocks = fenced_blocks(TEXT);
        let texts: Vec<&str> = blocks.iter().map(|b| &TEXT[b.as_range()]).collect();
        assert_eq!(texts, ["\n```python\nprint(\"a,b\")\n```\n", "\n~~~\n代码\n~~~~\n"]);
    }

    #[test]
    fn what_opens_no_block() {
        // Never closed; closed by the other character; backticks in the language; indented
        // four spaces; a closing fence shorter than the opening one.
        for text in [
            "说明：\n```\n没有结尾\n",
            "```\n代码\n~~~\n",
            "```a`b\n代码\n```\n",
            "    ```\n代码\n    ```\n",
            "````\n代码\n```\n",
        ] {
            assert_eq!(fenced_blocks(text), [], "{text:?}");
        }
        assert_eq!(fenced_blocks("```\r\n代码\r\n```\r\n"), [TextRange::new(0, 18)]);
    }

    #[test]
    fn spans_between_backticks_on_a_line() {
        let text = "调用 `print(a,b)` 与 ``a`b`` 即可，`未闭合\n```\n`x`\n```\n设置 `n=\"张三\"`。\n";
        let spans: Vec<&str> = code_ranges(text).iter().map(|r| &text[r.as_range()]).collect();
        assert_eq!(spans, ["`print(a,b)`", "``a`b``", "\n```\n`x`\n```\n", "`n=\"张三\"`"]);
        assert_eq!(code_ranges("没有代码。\n"), []);
    }

    #[test]
    fn ranges_that_touch_or_lie_within() {
        let blocks = [TextRange::new(5, 10), TextRange::new(20, 30)];
        assert!(touches(&blocks, TextRange::new(9, 12)));
        assert!(touches(&blocks, TextRange::new(7, 7)));
        assert!(!touches(&blocks, TextRange::new(5, 5)));
        assert!(!touches(&blocks, TextRange::new(10, 20)));
        assert!(!touches(&blocks, TextRange::new(0, 5)));
        assert!(within(&blocks, TextRange::new(20, 30)));
        assert!(!within(&blocks, TextRange::new(8, 12)));
        assert!(!within(&blocks, TextRange::new(0, 40)));
    }
}

//! Verbatim text: code (blocks fenced by lines of backticks or tildes, spans between backticks
//! on a line) and pipe tables (`| 地区 | 销售额 |`), as technical texts, answers and READMEs hold
//! them in Markdown. It is not Chinese prose: its line breaks, bars, indents, ASCII punctuation
//! and quotes are its syntax. A [`Document`](crate::Document) keeps every rule's edits out of
//! the verbatim text of its input but those that fix bytes, not text (line endings, mojibake,
//! missing glyphs, the final newline), and the findings inside it.

use crate::TextRange;
use crate::registry;

/// True for the rules that may edit verbatim text: they fix how the text was stored, not how
/// it reads.
pub fn edits_verbatim(rule: &str) -> bool {
    [registry::LINE_ENDING, registry::FINAL_NEWLINE, registry::MOJIBAKE_REPAIRED, registry::MISSING_GLYPH]
        .iter()
        .any(|meta| meta.name == rule)
}

/// The verbatim text of `text`, in order: its fenced code blocks (see [`fenced_blocks`]) and
/// pipe tables (see [`pipe_rows`]), each from the line break before it, and, on the other
/// lines, its code spans: a run of backticks to the next run of as many on the line, both
/// included (`` `name="张三"` ``). A run that no other closes on its line is text.
pub fn ranges(text: &str) -> Vec<TextRange> {
    let mut blocks = fenced_blocks(text);
    blocks.extend(pipe_tables(text));
    blocks.sort_unstable_by_key(|block| block.start);
    let mut merged: Vec<TextRange> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match merged.last_mut() {
            Some(last) if block.start < last.end => last.end = last.end.max(block.end),
            _ => merged.push(block),
        }
    }
    if memchr::memchr(b'`', text.as_bytes()).is_none() {
        return merged;
    }
    let mut ranges = Vec::with_capacity(merged.len());
    let mut blocks = merged.into_iter().peekable();
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

/// The pipe tables of `text`: each from the line break before its first row to the end of its
/// last row, with its line break.
fn pipe_tables(text: &str) -> Vec<TextRange> {
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return Vec::new();
    }
    let lines: Vec<(usize, &str)> = crate::lines_with_starts(text).collect();
    let trimmed: Vec<&str> = lines.iter().map(|(_, line)| line.trim()).collect();
    let rows = pipe_rows(&trimmed);
    let mut tables = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let run = rows[k..].iter().take_while(|&&row| row).count();
        if run > 0 {
            let (last_start, last) = lines[k + run - 1];
            tables.push(TextRange::new(lines[k].0.saturating_sub(1), last_start + last.len()));
        }
        k += run.max(1);
    }
    tables
}

/// For each line (trimmed), whether it is a row of a pipe table: two lines or more in a row
/// between bars (`| 华北 | 120 |`), or the lines holding a bar around a delimiter row
/// (`--- | ---`, `|:--|--:|`): the header before it and the rows after it.
pub fn pipe_rows(lines: &[&str]) -> Vec<bool> {
    let between_bars = |line: &str| line.len() >= 2 && line.starts_with('|') && line.ends_with('|');
    let mut rows = crate::in_runs(lines, 2, between_bars);
    for (k, line) in lines.iter().enumerate() {
        if is_delimiter_row(line) && k > 0 && lines[k - 1].contains('|') {
            let body = lines[k + 1..].iter().take_while(|line| line.contains('|')).count();
            rows[k - 1..=k + body].iter_mut().for_each(|row| *row = true);
        }
    }
    rows
}

/// True for the delimiter row of a pipe table: dashes (and colons for alignment) in cells
/// between bars.
fn is_delimiter_row(line: &str) -> bool {
    line.contains('|')
        && line.contains("---")
        && line.split('|').all(|cell| cell.trim().trim_matches(':').bytes().all(|b| b == b'-'))
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
    // Chinese text seldom holds a backtick or a tilde (its own is `～`): one scan answers most.
    if memchr::memchr2(b'`', b'~', text.as_bytes()).is_none() {
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
        let spans: Vec<&str> = ranges(text).iter().map(|r| &text[r.as_range()]).collect();
        assert_eq!(spans, ["`print(a,b)`", "``a`b``", "\n```\n`x`\n```\n", "`n=\"张三\"`"]);
        assert_eq!(ranges("没有代码。\n"), []);
    }

    #[test]
    fn rows_of_pipe_tables() {
        let lines = [
            "下表：",
            "| 地区 | 一季度 |",
            "| --- | :---: |",
            "| 华北 | 120 |",
            "",
            "a | b",
            "--- | ---",
            "1 | 2",
            "说明",
        ];
        assert_eq!(pipe_rows(&lines), [false, true, true, true, false, true, true, true, false]);
        assert_eq!(pipe_rows(&["|一|", "正文。", "|二|"]), [false, false, false]);
        assert_eq!(pipe_rows(&["标题", "---", "正文"]), [false, false, false]);
        let text = "下表：\n| 甲 | 乙 |\n|---|---|\n\n正文，`a|b`。\n";
        let found: Vec<&str> = ranges(text).iter().map(|r| &text[r.as_range()]).collect();
        assert_eq!(found, ["\n| 甲 | 乙 |\n|---|---|\n", "`a|b`"]);
        // Rows go on to the first line without a bar.
        assert_eq!(pipe_rows(&["a | b", "--- | ---", "1 | 2", "3 | 4", "正文"]), [true, true, true, true, false]);
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

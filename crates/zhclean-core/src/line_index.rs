use serde::Serialize;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// The byte offsets at which the lines of a text start.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text` (a line ends after `\n`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// Line and column of `offset` in `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line(offset);
        let column = text[self.starts[line as usize - 1]..offset].chars().count() + 1;
        LineCol { line, column: to_u32(column) }
    }

    /// Line and column of each of `offsets` in `text`, as [`line_col`](Self::line_col) gives
    /// them, in the order of `offsets`. They are visited in increasing order, so the characters
    /// of a line are counted once however many offsets it holds.
    pub fn line_cols(&self, text: &str, offsets: &[usize]) -> Vec<LineCol> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut found = vec![LineCol { line: 1, column: 1 }; offsets.len()];
        // The line, byte offset and column of the offset visited last.
        let mut last: Option<(u32, usize, usize)> = None;
        for i in order {
            let offset = floor_char_boundary(text, offsets[i].min(text.len()));
            let line = self.line(offset);
            let column = match last {
                Some((last_line, at, column)) if last_line == line => column + text[at..offset].chars().count(),
                _ => text[self.starts[line as usize - 1]..offset].chars().count() + 1,
            };
            last = Some((line, offset, column));
            found[i] = LineCol { line, column: to_u32(column) };
        }
        found
    }

    /// The number of lines (a final line break starts an empty one; an empty text has one).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The bytes of line `line` (from 1) of a text of `len` bytes, with its line break; an
    /// empty range at the end for a line past the last.
    pub fn line_range(&self, line: u32, len: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(line as usize - 1).copied().unwrap_or(len);
        start..self.starts.get(line as usize).copied().unwrap_or(len).max(start)
    }

    /// The line (from 1) of byte `offset`, which needs no text.
    pub fn line(&self, offset: usize) -> u32 {
        to_u32(self.starts.partition_point(|&s| s <= offset))
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// For each of `lines`, whether it is one of at least `min` lines in a row that `test` accepts.
pub fn in_runs(lines: &[&str], min: usize, test: impl Fn(&str) -> bool) -> Vec<bool> {
    let mut marked = vec![false; lines.len()];
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|line| test(line)).count();
        if run >= min {
            marked[k..k + run].iter_mut().for_each(|line| *line = true);
        }
        k += run.max(1);
    }
    marked
}

/// The lines of `text`, each with its line break, with the byte offset where each starts.
pub fn lines_with_starts(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let unterminated = (!text.is_empty() && !text.ends_with('\n')).then_some(text.len());
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|newline| newline + 1).chain(unterminated);
    ends.scan(0, move |start, end| {
        let line = (*start, &text[*start..end]);
        *start = end;
        Some(line)
    })
}

/// Bytes of a stretch of whole lines that [`read_line_stretches`] reads as one task.
const STRETCH_BYTES: usize = 1 << 16;
/// Stretches read ahead of what has been taken, at most.
const STRETCHES_AHEAD: usize = 64;

/// Reads `text` a stretch of whole lines (about 64 KB) at a time, on the threads of the
/// current pool, and hands `take` what `read(offset, stretch)` gives for each, in order. At
/// most a few megabytes of text are read ahead of `take`, so what `read` gives need not fit in
/// memory for a whole document at once.
pub fn read_line_stretches<T: Send>(text: &str, read: impl Fn(usize, &str) -> T + Sync, mut take: impl FnMut(T)) {
    use rayon::prelude::*;
    let mut stretches = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = match memchr::memchr(b'\n', &text.as_bytes()[(start + STRETCH_BYTES).min(text.len())..]) {
            Some(newline) => start + STRETCH_BYTES + newline + 1,
            None => text.len(),
        };
        stretches.push((start, end));
        start = end;
    }
    for group in stretches.chunks(STRETCHES_AHEAD) {
        let read: Vec<T> = group.par_iter().map(|&(start, end)| read(start, &text[start..end])).collect();
        read.into_iter().for_each(&mut take);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_lines_a_test_accepts() {
        let lines = ["a", "a", "b", "a", "a", "a", "b", "a"];
        let marked = in_runs(&lines, 3, |line| line == "a");
        assert_eq!(marked, [false, false, false, true, true, true, false, false]);
        assert_eq!(in_runs(&lines, 1, |line| line == "b"), lines.map(|line| line == "b"));
    }

    #[test]
    fn line_cols_in_any_order_are_those_of_line_col() {
        let text = "甲乙,丙\n\nab丁。\n末";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = vec![text.len(), 4, 0, 7, 200, 15, 3, 9, 9, 12, 8];
        let one_by_one: Vec<LineCol> = offsets.iter().map(|&o| index.line_col(text, o)).collect();
        assert_eq!(index.line_cols(text, &offsets), one_by_one);
        assert_eq!(one_by_one[1], LineCol { line: 1, column: 2 });
        assert_eq!(index.line_range(3, text.len()), 12..21);
        assert_eq!(index.line_range(4, text.len()), 21..24);
        assert_eq!(index.line_range(5, text.len()), 24..24);
    }

    #[test]
    fn stretches_are_whole_lines_read_in_order() {
        let line = "双方同意加强合作，推动发展。\n";
        let text = format!("{}{}", line.repeat(20_000), "无结尾");
        let mut stretches: Vec<(usize, String)> = Vec::new();
        read_line_stretches(&text, |offset, stretch| (offset, stretch.to_owned()), |read| stretches.push(read));
        assert!(stretches.len() > STRETCHES_AHEAD / 8);
        assert!(stretches.iter().all(|(offset, s)| text[*offset..].starts_with(s.as_str())));
        assert!(stretches[..stretches.len() - 1].iter().all(|(_, s)| s.ends_with('\n')));
        assert_eq!(stretches.iter().map(|(_, s)| s.as_str()).collect::<String>(), text);
        let mut none = 0;
        read_line_stretches("", |_, _| (), |()| none += 1);
        assert_eq!(none, 0);
    }

    #[test]
    fn lines_and_where_they_start() {
        let lines: Vec<(usize, &str)> = lines_with_starts("甲\n\nab\r\nc").collect();
        assert_eq!(lines, [(0, "甲\n"), (4, "\n"), (5, "ab\r\n"), (9, "c")]);
        assert_eq!(lines_with_starts("").count(), 0);
        assert_eq!(lines_with_starts("\n").collect::<Vec<_>>(), [(0, "\n")]);
        assert_eq!(lines_with_starts("甲\n").collect::<Vec<_>>(), [(0, "甲\n")]);
    }

    #[test]
    fn columns_count_characters() {
        let text = "第一行\n双方指出,利用\n";
        let index = LineIndex::new(text);
        let comma = text.find(',').unwrap();
        assert_eq!(index.line_col(text, comma), LineCol { line: 2, column: 5 });
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, text.len()), LineCol { line: 3, column: 1 });
        assert_eq!((index.line(0), index.line(comma), index.line(text.len())), (1, 2, 3));
    }
}

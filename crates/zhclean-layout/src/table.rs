//! Rows of plain-text tables: lines whose cells, set apart by runs of spaces or by tabs, start
//! at the same columns as the cells of the lines around them. A table's line breaks are its
//! author's; no wrap cuts a line into cells that line up with the next line's. (Pipe tables
//! are verbatim text: see `zhclean_core::verbatim`.)

use crate::text::display_width;

/// Rows in a stretch that share a column at least: two lines may line up by chance.
const MIN_ROWS: usize = 3;

/// Spaces that set a cell apart, at least; one space separates words.
const MIN_GAP: usize = 2;

/// Columns of a tab stop.
const TAB: usize = 8;

/// The display columns at which the cells of `line` after its first begin: after a run of
/// [`MIN_GAP`] spaces or more, or after a tab. `line` is trimmed; its indent counts from 0.
pub fn cell_starts(line: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    // Most lines of Chinese text hold neither two spaces in a row nor a tab.
    if memchr::memchr(b'\t', line.as_bytes()).is_none() && memchr::memmem::find(line.as_bytes(), b"  ").is_none() {
        return starts;
    }
    let (mut column, mut spaces, mut tab) = (0, 0, false);
    for (at, c) in line.char_indices() {
        match c {
            ' ' => spaces += 1,
            '\t' => tab = true,
            _ => {
                if (spaces >= MIN_GAP || tab) && at > 0 {
                    starts.push(column);
                }
                (spaces, tab) = (0, false);
            }
        }
        column = match c {
            '\t' => (column / TAB + 1) * TAB,
            _ => column + display_width(&line[at..at + c.len_utf8()]),
        };
    }
    starts
}

/// For each of `rows` (consecutive lines, each given by its cell starts), whether it is a row
/// of a table: one of at least [`MIN_ROWS`] lines in a row that have a cell starting at one
/// column, where one line in between may lack it (a cell that overflowed pushes the next).
pub fn table_rows(rows: &[Vec<usize>]) -> Vec<bool> {
    let mut table = vec![false; rows.len()];
    let mut columns: Vec<usize> = rows.iter().flatten().copied().collect();
    columns.sort_unstable();
    columns.dedup();
    for column in columns {
        let has = |k: usize| rows[k].contains(&column);
        let mut k = 0;
        while k < rows.len() {
            if !has(k) {
                k += 1;
                continue;
            }
            // A stretch of rows holding the column, with at most one gap of one row that has
            // cells of its own.
            let (start, mut end, mut holding, mut gap_used) = (k, k + 1, 1, false);
            while end < rows.len() {
                if has(end) {
                    holding += 1;
                    end += 1;
                } else if !gap_used && !rows[end].is_empty() && end + 1 < rows.len() && has(end + 1) {
                    gap_used = true;
                    end += 1;
                } else {
                    break;
                }
            }
            if holding >= MIN_ROWS {
                table[start..end].iter_mut().for_each(|row| *row = true);
            }
            k = end;
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<bool> {
        table_rows(&text.lines().map(cell_starts).collect::<Vec<_>>())
    }

    #[test]
    fn cells_start_after_gaps() {
        assert_eq!(cell_starts("指标名称    2022年  5%"), [12, 20]);
        assert_eq!(cell_starts("a\tb\t\tc"), [8, 24]);
        assert_eq!(cell_starts("双方 同意"), Vec::<usize>::new());
        assert_eq!(cell_starts("目　　录"), Vec::<usize>::new());
    }

    #[test]
    fn aligned_cells_make_a_table() {
        let table = "指标名称              2022年        2023年\n国内生产总值          121.0万亿     126.1万亿\n全国居民人均可支配收入 36883元       39218元\n粮食总产量            6.87亿吨      6.95亿吨";
        assert_eq!(rows(table), [true, true, true, true]);
        // Double spaces around Latin words in running text do not line up.
        let text = "DM  仅支持解析标准版本的  MySQL  的  binlog，对于\n条语句，但是可能没有覆盖所有的场景。建议  statement  中\n目前  DM  不会将视图的  DDL  语句同步";
        assert_eq!(rows(text), [false, false, false]);
        // Two rows are not enough.
        assert_eq!(rows("甲    乙\n丙    丁"), [false, false]);
    }
}

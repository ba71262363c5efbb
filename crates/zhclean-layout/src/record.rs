//! Records: lines each led by a date and a time (`2024-05-01 12:00:01 INFO …`,
//! `[2024-03-01 09:15] 小王：…`), as logs and chat transcripts hold them. Each record is a line
//! of its own, whatever its end looks like.

/// Records in a row, at least: one line led by a date may be a paragraph's.
const MIN_RECORDS: usize = 2;

/// True when `line` (trimmed) starts with a date and a time, perhaps in brackets:
/// `2024-05-01 12:00`, `[2024/05/01T12:00:01]`.
fn is_record(line: &str) -> bool {
    let bytes = line.strip_prefix('[').unwrap_or(line).as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date_mark = |at: usize| matches!(bytes.get(at), Some(b'-' | b'/'));
    digits(0..4)
        && date_mark(4)
        && digits(5..7)
        && date_mark(7)
        && digits(8..10)
        && matches!(bytes.get(10), Some(b' ' | b'T'))
        && digits(11..13)
        && bytes.get(13) == Some(&b':')
        && digits(14..16)
}

/// For each line (trimmed), whether it is one of at least [`MIN_RECORDS`] records in a row.
pub fn record_lines(lines: &[&str]) -> Vec<bool> {
    zhclean_core::in_runs(lines, MIN_RECORDS, is_record)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_led_by_a_date_and_time() {
        assert!(is_record("2024-05-01 12:00:01 INFO 服务启动成功"));
        assert!(is_record("[2024/03/01 09:15] 小王：早上好"));
        assert!(is_record("2024-05-01T12:00 开始"));
        assert!(!is_record("2024-05-01 发布"));
        assert!(!is_record("2024年5月1日 12:00，会议开始。"));
        let lines = ["2024-05-01 12:00:01 启动", "2024-05-01 12:00:02 就绪", "正文", "2024-05-02 08:00 一行"];
        assert_eq!(record_lines(&lines), [true, true, false, false]);
    }
}

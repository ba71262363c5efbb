//! Cues of subtitles (SubRip `.srt`, WebVTT): a block of lines set apart by blank lines whose
//! first or second line is a timing, `00:00:01,000 --> 00:00:03,500`. Its lines (the cue's
//! number or name, its timing, the subtitle's lines) are the author's: a cue number is no page
//! number, timings that repeat their digits are no running header, and a subtitle's line break
//! is where the screen breaks it.

/// True when `line` (trimmed) is the timing of a cue: two timestamps joined by `-->`, then
/// perhaps the settings of a WebVTT cue (`00:01.000 --> 00:04.000 align:start`).
pub fn is_cue_timing(line: &str) -> bool {
    // A timestamp starts with a digit: most lines are answered by their first byte.
    if !line.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some((start, rest)) = line.split_once("-->") else { return false };
    let end = rest.trim_start().split([' ', '\t']).next().unwrap_or_default();
    is_timestamp(start.trim()) && is_timestamp(end)
}

/// `HH:MM:SS,mmm` or `HH:MM:SS.mmm`, the hours optional in WebVTT (`MM:SS.mmm`).
fn is_timestamp(stamp: &str) -> bool {
    let Some((clock, millis)) = stamp.rsplit_once([',', '.']) else { return false };
    let digits = |part: &str, range: std::ops::RangeInclusive<usize>| {
        range.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let (hours, minutes_seconds) = match parts.as_slice() {
        [hours, minutes, seconds] => (Some(*hours), [*minutes, *seconds]),
        [minutes, seconds] => (None, [*minutes, *seconds]),
        _ => return false,
    };
    digits(millis, 3..=3)
        && hours.is_none_or(|hours| digits(hours, 1..=3))
        && minutes_seconds.iter().all(|part| digits(part, 2..=2))
}

/// For each line (trimmed; empty for a blank line), whether it belongs to a cue: its block of
/// non-blank lines has a timing as its first or second line.
pub fn cue_lines(lines: &[&str]) -> Vec<bool> {
    let mut cue = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = lines[start..].iter().position(|line| line.is_empty()).map_or(lines.len(), |n| start + n);
        if lines[start..end].iter().take(2).any(|line| is_cue_timing(line)) {
            cue[start..end].iter_mut().for_each(|line| *line = true);
        }
        start = end + 1;
    }
    cue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_of_subrip_and_webvtt() {
        assert!(is_cue_timing("00:00:01,000 --> 00:00:03,500"));
        assert!(is_cue_timing("01:02:03.250 --> 01:02:05.000"));
        assert!(is_cue_timing("00:01.000 --> 00:04.000 align:start position:10%"));
        assert!(!is_cue_timing("00:00:01 --> 00:00:03"));
        assert!(!is_cue_timing("第一章 --> 第二章"));
        assert!(!is_cue_timing("2019-03-12 --> 2019-04-01"));
        assert!(!is_cue_timing("上午10:30,100人出席"));
    }

    #[test]
    fn the_blocks_of_cues() {
        let lines = [
            "WEBVTT",
            "",
            "1",
            "00:00:01,000 --> 00:00:03,500",
            "大家好",
            "欢迎收看",
            "",
            "00:00:03,600 --> 00:00:06,000",
            "今天我们来聊一聊",
            "",
            "说明：以上为字幕。",
        ];
        let cue = cue_lines(&lines);
        assert_eq!(cue, [false, false, true, true, true, true, false, true, true, false, false]);
    }
}

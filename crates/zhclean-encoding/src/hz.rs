//! HZ-GB-2312 (RFC 1843), which `encoding_rs` does not decode: ASCII, with GB2312 between `~{`
//! and `~}` written as pairs of bytes with the high bit cleared. `~~` is `~`, and `~` before a
//! line break joins the lines.

use crate::transcode::Transcoded;
use encoding_rs::{DecoderResult, GBK};

/// True when the 7-bit input `bytes` holds HZ: at least one `~{ … ~}` segment, each closed on its
/// own line and made of whole GB2312 byte pairs. (`~{` alone occurs in ordinary ASCII text.)
pub(crate) fn is_hz(bytes: &[u8]) -> bool {
    let mut segments = 0;
    let mut rest = bytes;
    while let Some(start) = find(rest, b"~{") {
        let after = &rest[start + 2..];
        let line = &after[..after.iter().position(|&b| b == b'\n').unwrap_or(after.len())];
        let Some(end) = find(line, b"~}") else { return false };
        let inner = &line[..end];
        if inner.is_empty() || inner.len() % 2 != 0 || !inner.iter().all(|b| (0x21..=0x7E).contains(b)) {
            return false;
        }
        segments += 1;
        rest = &after[end + 2..];
    }
    segments > 0
}

/// Decodes HZ, replacing each malformed sequence with U+FFFD. A line break inside a GB2312
/// segment ends it (a common laxity of HZ writers).
pub(crate) fn decode(body: &[u8]) -> Transcoded {
    let mut out = Transcoded { text: String::with_capacity(body.len()), malformed: Vec::new() };
    let mut gb = false;
    let mut i = 0;
    while i < body.len() {
        let (byte, next) = (body[i], body.get(i + 1).copied());
        i += if byte == b'~' {
            escape(&mut out, &mut gb, i, next)
        } else if gb && !matches!(byte, b'\n' | b'\r') {
            match next {
                Some(trail) => pair(&mut out, i, byte, trail),
                None => replace(&mut out, i),
            }
        } else if byte.is_ascii() {
            gb = false; // only a line break gets here in a GB2312 segment, and it ends the segment
            out.text.push(char::from(byte));
            1
        } else {
            replace(&mut out, i)
        };
    }
    out
}

/// Handles the `~` at `offset`; returns how many bytes it took.
fn escape(out: &mut Transcoded, gb: &mut bool, offset: usize, next: Option<u8>) -> usize {
    match (*gb, next) {
        (false, Some(b'~')) => out.text.push('~'),
        (false, Some(b'\n')) => {}
        (false, Some(b'{')) | (true, Some(b'}')) => *gb = !*gb,
        (_, None) => return replace(out, offset),
        // An unknown escape is one malformed sequence of two bytes.
        _ => out.replace(offset),
    }
    2
}

/// Records a malformed byte at `offset`; returns 1, its length.
fn replace(out: &mut Transcoded, offset: usize) -> usize {
    out.replace(offset);
    1
}

/// Decodes the GB2312 pair `lead, trail` (high bits cleared) at `offset`; returns its length.
fn pair(out: &mut Transcoded, offset: usize, lead: u8, trail: u8) -> usize {
    let assigned_row = matches!(lead, 0x21..=0x29 | 0x30..=0x77);
    if !assigned_row || !(0x21..=0x7E).contains(&trail) {
        return replace(out, offset);
    }
    let mut decoder = GBK.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(8);
    match decoder.decode_to_string_without_replacement(&[lead | 0x80, trail | 0x80], &mut text, true) {
        (DecoderResult::InputEmpty, _) if !text.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c)) => {
            out.text.push_str(&text);
        }
        _ => out.replace(offset),
    }
    2
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_segments_escapes_and_continuations() {
        // RFC 1843's example, with `~~` and a continued line.
        let out =
            decode(b"This sentence is in ASCII.\nThe next sentence is in GB.~{<:Ky2;S{#,NpJ)l6HK!#~}Bye.\n~~ ~\nend");
        assert_eq!(out.text, "This sentence is in ASCII.\nThe next sentence is in GB.己所不欲，勿施於人。Bye.\n~ end");
        assert_eq!(out.malformed, []);
    }

    #[test]
    fn malformed_sequences_are_located() {
        let out = decode(b"~{<:~x}~}\x80~");
        assert_eq!(out.text, "己\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(out.malformed.iter().map(|m| m.offset).collect::<Vec<_>>(), [4, 6, 9, 10]);
    }

    #[test]
    fn recognises_hz_but_not_stray_tildes() {
        assert!(is_hz(b"GB: ~{<:Ky2;~} and ~{S{#,~}"));
        assert!(!is_hz(b"C++: x~{a}"));
        assert!(!is_hz(b"~{<:\n~}"));
        assert!(!is_hz(b"no escapes"));
    }
}

//! UTF-16 without a byte order mark, and UTF-32 (which `encoding_rs` does not decode).

use crate::confidence;
use crate::profile::Profile;
use crate::scheme::Scheme;
use crate::transcode::Transcoded;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE};

/// Least share of Chinese or ASCII text a UTF-16 reading needs.
const MIN_FIT: f32 = 0.8;
/// Least lead of that share over the other byte order.
const MIN_LEAD: f32 = 0.2;

/// UTF-16 without a byte order mark: even-length input whose bounded prefix decodes without
/// error in one byte order into text that is clearly more Chinese or ASCII than in the other.
/// Returns the scheme and its confidence.
pub(crate) fn sniff_utf16(bytes: &[u8]) -> Option<(Scheme, f32)> {
    if bytes.is_empty() || bytes.len() % 2 != 0 {
        return None;
    }
    let window = &bytes[..bytes.len().min(confidence::WINDOW)];
    let whole = window.len() == bytes.len();
    let le = read(UTF_16LE, window, whole);
    let be = read(UTF_16BE, window, whole);
    let fit = |profile: Option<Profile>| profile.map_or(0.0, |p| p.fit_chinese_or_ascii());
    let (encoding, profile, best, other) =
        if fit(le) >= fit(be) { (UTF_16LE, le?, fit(le), fit(be)) } else { (UTF_16BE, be?, fit(be), fit(le)) };
    if best < MIN_FIT || best - other < MIN_LEAD {
        return None;
    }
    Some((Scheme::Encoding(encoding), confidence::utf16(best, other, &profile)))
}

/// The profile of `window` read with `encoding`, or `None` when it has a malformed sequence.
fn read(encoding: &'static Encoding, window: &[u8], whole: bool) -> Option<Profile> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length_without_replacement(window.len())?);
    match decoder.decode_to_string_without_replacement(window, &mut text, whole) {
        (DecoderResult::InputEmpty, _) => Some(Profile::of(&text)),
        _ => None,
    }
}

/// Decodes UTF-32 (after its byte order mark), replacing invalid code units and a cut-short
/// last unit with U+FFFD.
pub(crate) fn decode_utf32(body: &[u8], big_endian: bool) -> Transcoded {
    let mut out = Transcoded { text: String::with_capacity(body.len()), malformed: Vec::new() };
    let units = body.chunks_exact(4);
    let rest = units.remainder().len();
    for (i, unit) in units.enumerate() {
        let unit = [unit[0], unit[1], unit[2], unit[3]];
        let code = if big_endian { u32::from_be_bytes(unit) } else { u32::from_le_bytes(unit) };
        match char::from_u32(code) {
            Some(c) => out.text.push(c),
            None => out.replace(4 * i),
        }
    }
    if rest > 0 {
        out.replace(body.len() - rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn picks_the_byte_order_that_reads_as_text() {
        let text = "双方指出，2025年5月7日 the statement.";
        assert_eq!(sniff_utf16(&utf16le(text)).map(|v| v.0), Some(Scheme::Encoding(UTF_16LE)));
        assert_eq!(sniff_utf16(&utf16be(text)).map(|v| v.0), Some(Scheme::Encoding(UTF_16BE)));
        assert_eq!(sniff_utf16(&utf16le("plain ascii text")).map(|v| v.0), Some(Scheme::Encoding(UTF_16LE)));
    }

    #[test]
    fn rejects_odd_lengths_and_legacy_bytes() {
        assert_eq!(sniff_utf16(&utf16le("双方")[1..]), None);
        // "中华人民共和国" in GB18030: even length, but Hangul and rare characters either way.
        let (gb, _, _) = encoding_rs::GB18030.encode("中华人民共和国");
        assert_eq!(sniff_utf16(&gb), None);
    }

    #[test]
    fn utf32_units() {
        let out = decode_utf32(b"\xCC\x53\x00\x00\x00\xD8\x00\x00\x41\x00", false);
        assert_eq!(out.text, "双\u{FFFD}\u{FFFD}");
        assert_eq!(out.malformed.iter().map(|m| m.offset).collect::<Vec<_>>(), [4, 8]);
        assert_eq!(decode_utf32(b"\x00\x00\x53\xCC", true).text, "双");
    }
}

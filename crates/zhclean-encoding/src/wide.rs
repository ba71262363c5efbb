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

/// Least share of NUL bytes on one side of the byte pairs (or one position of the four-byte
/// units) for that side to show the byte order: ASCII characters in UTF-16 have a NUL high byte.
const NUL_SIDE_SHARE: f32 = 0.8;

/// UTF-16 without a byte order mark. When the sample has NUL bytes nearly all on one side of
/// the byte pairs, that side shows the byte order (ASCII in UTF-16 has a NUL high byte), and
/// the reading must be text of any script. Otherwise the input must decode without error in one
/// byte order into text that is clearly more Chinese or ASCII than in the other. An odd last
/// byte is left for decoding to report as a truncated character. Returns the scheme and its
/// confidence.
pub(crate) fn sniff_utf16(bytes: &[u8]) -> Option<(Scheme, f32)> {
    let even = &bytes[..bytes.len() & !1];
    if even.is_empty() {
        return None;
    }
    let window = &even[..even.len().min(confidence::WINDOW & !1)];
    let whole = window.len() == bytes.len();
    if let Some(high_side) = nul_side(window, 2) {
        let encoding = if high_side == 0 { UTF_16BE } else { UTF_16LE };
        let profile = read(encoding, window, whole)?;
        let fit = profile.fit_readable();
        return (fit >= MIN_FIT).then(|| (Scheme::Encoding(encoding), confidence::utf16(fit, 0.0, &profile)));
    }
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

/// UTF-32 without a byte order mark: every four-byte unit of the sample is a Unicode scalar
/// value in one byte order, and the text reads as text of any script.
pub(crate) fn sniff_utf32(bytes: &[u8]) -> Option<(Scheme, f32)> {
    if bytes.len() < 4 || bytes.len() % 4 != 0 {
        return None;
    }
    let window = &bytes[..bytes.len().min(confidence::WINDOW)];
    [(Scheme::Utf32Le, false), (Scheme::Utf32Be, true)].into_iter().find_map(|(scheme, big_endian)| {
        let text = decode_utf32(window, big_endian);
        let fit = Profile::of(&text.text).fit_readable();
        (text.malformed.is_empty() && fit >= MIN_FIT).then_some((scheme, fit.min(1.0)))
    })
}

/// Which position of the `width`-byte units holds nearly all the NUL bytes of `window`, when one does.
fn nul_side(window: &[u8], width: usize) -> Option<usize> {
    let mut sides = [0usize; 4];
    for (i, _) in window.iter().enumerate().filter(|&(_, &b)| b == 0) {
        sides[i % width] += 1;
    }
    let nuls: usize = sides.iter().sum();
    let (side, &most) = sides[..width].iter().enumerate().max_by_key(|&(_, n)| *n)?;
    (nuls >= 2 && most as f32 >= NUL_SIDE_SHARE * nuls as f32).then_some(side)
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
    fn kana_and_hangul_with_ascii() {
        for text in ["これは日本語の文章です。Hello.", "대한민국 헌법 제1조. OK"] {
            assert_eq!(sniff_utf16(&utf16le(text)).map(|v| v.0), Some(Scheme::Encoding(UTF_16LE)), "{text}");
            assert_eq!(sniff_utf16(&utf16be(text)).map(|v| v.0), Some(Scheme::Encoding(UTF_16BE)), "{text}");
        }
    }

    #[test]
    fn utf32_without_bom() {
        let le: Vec<u8> = "Date 双方 ok".chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        let be: Vec<u8> = "Date 双方 ok".chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
        assert_eq!(sniff_utf32(&le).map(|v| v.0), Some(Scheme::Utf32Le));
        assert_eq!(sniff_utf32(&be).map(|v| v.0), Some(Scheme::Utf32Be));
        assert_eq!(sniff_utf32(&utf16le("ab双方")), None);
    }

    #[test]
    fn rejects_legacy_bytes() {
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

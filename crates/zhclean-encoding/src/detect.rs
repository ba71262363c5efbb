//! The order of evidence: byte order marks, binary input, 7-bit escape encodings, UTF-8, UTF-16
//! without a byte order mark, then `chardetng` on a bounded sample.

use crate::confidence::LOW_CONFIDENCE;
use crate::error::DecodeError;
use crate::scheme::Scheme;
use crate::transcode::decode_reporting;
use crate::{binary, bom, confidence, escape, hz, unsupported, wide};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, EUC_KR, Encoding, GB18030, GBK, UTF_8};
use std::borrow::Cow;

/// `chardetng` reads this much of the sample (it is slow, and a few KiB of CJK text decide).
const CHARDET_WINDOW: usize = 4 * 1024;
/// Valid multi-byte sequences per malformed one, at least, for input that fails UTF-8 validation
/// to still be read as (damaged) UTF-8.
const UTF8_MAJORITY: usize = 8;

/// How to read the input.
#[derive(Debug)]
pub(crate) struct Verdict<'a> {
    /// What to decode with.
    pub scheme: Scheme,
    /// Length of the byte order mark to skip.
    pub bom_len: usize,
    /// How sure the verdict is, from 0 to 1.
    pub confidence: f32,
    /// The whole input after the byte order mark, when detection has already validated it as UTF-8.
    pub utf8: Option<&'a str>,
    /// The next best reading, when detection weighed several.
    pub runner_up: Option<&'static str>,
}

impl<'a> Verdict<'a> {
    fn new(scheme: Scheme, confidence: f32) -> Self {
        Self { scheme, bom_len: 0, confidence, utf8: None, runner_up: None }
    }

    fn utf8(text: &'a str, bom_len: usize, confidence: f32) -> Self {
        Self { scheme: Scheme::Encoding(UTF_8), bom_len, confidence, utf8: Some(text), runner_up: None }
    }
}

/// Decides how to read `bytes`.
/// `plain` says that `bytes` hold no NUL (nor carriage return), so that they need not be
/// searched for one again.
pub(crate) fn detect(bytes: &[u8], plain: bool) -> Result<Verdict<'_>, DecodeError> {
    binary::check_signature(bytes)?;
    if let Some((scheme, bom_len)) = bom::sniff(bytes) {
        binary::check_nul(scheme, bytes)?;
        return Ok(match as_utf8(&bytes[bom_len..]) {
            Some(text) if scheme == Scheme::Encoding(UTF_8) => Verdict::utf8(text, bom_len, 1.0),
            _ => Verdict { bom_len, ..Verdict::new(scheme, 1.0) },
        });
    }
    if let Some(offset) = binary::first_nul(bytes).filter(|_| !plain) {
        if let Some((scheme, confidence)) = wide::sniff_utf32(bytes).or_else(|| wide::sniff_utf16(bytes)) {
            return Ok(Verdict::new(scheme, confidence));
        }
        if !binary::has_stray_nuls_only(bytes) {
            return Err(binary::nul_error(bytes, offset));
        }
    }
    if Encoding::ascii_valid_up_to(bytes) == bytes.len() {
        return seven_bit(bytes);
    }
    if let Some(text) = as_utf8(bytes) {
        let (window, whole) = confidence::window(bytes);
        return Ok(Verdict::utf8(text, 0, confidence::utf8(window, whole)));
    }
    if is_damaged_utf8(bytes) {
        return Ok(Verdict::new(Scheme::Encoding(UTF_8), 1.0));
    }
    match wide::sniff_utf16(bytes) {
        Some((scheme, confidence)) => Ok(Verdict::new(scheme, confidence)),
        None => legacy(bytes),
    }
}

/// `bytes` as text, when they are valid UTF-8 (checked with `encoding_rs`'s fast validator).
fn as_utf8(bytes: &[u8]) -> Option<&str> {
    match UTF_8.decode_without_bom_handling_and_without_replacement(bytes)? {
        Cow::Borrowed(text) => Some(text),
        Cow::Owned(_) => std::str::from_utf8(bytes).ok(),
    }
}

/// 7-bit input: an escape encoding, or ASCII (read as UTF-8).
fn seven_bit(bytes: &[u8]) -> Result<Verdict<'_>, DecodeError> {
    Ok(match escape::sniff(bytes)? {
        Some(Scheme::Hz) => Verdict::new(Scheme::Hz, confidence::hz(&hz::decode(bytes).text)),
        Some(scheme) => Verdict::new(scheme, 1.0),
        None => Verdict::utf8(std::str::from_utf8(bytes).unwrap_or_default(), 0, 1.0),
    })
}

/// True when input that failed UTF-8 validation is still UTF-8: it is valid but for a character
/// cut short at the very end, or its sample has [`UTF8_MAJORITY`] valid multi-byte sequences per
/// malformed one.
fn is_damaged_utf8(bytes: &[u8]) -> bool {
    let Err(error) = std::str::from_utf8(bytes) else { return true };
    if error.error_len().is_none() {
        return bytes[..error.valid_up_to()].iter().any(|&b| confidence::is_utf8_lead(b));
    }
    let (window, _) = confidence::window(bytes);
    let malformed = decode_reporting(UTF_8, window).malformed.len();
    let multibyte = window.iter().filter(|&&b| confidence::is_utf8_lead(b)).count();
    multibyte >= confidence::MIN_HAN && multibyte - malformed.min(multibyte) >= UTF8_MAJORITY * malformed
}

/// Legacy input: `chardetng`'s verdict on the sample (GBK read as GB18030), with its confidence.
fn legacy(bytes: &[u8]) -> Result<Verdict<'_>, DecodeError> {
    let (window, whole) = confidence::window(bytes);
    let sample = &window[..window.len().min(CHARDET_WINDOW)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, whole && sample.len() == window.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    if guess == UTF_8 {
        // The sample is valid UTF-8; the input is not, further on (or the sample ends inside a character).
        return Ok(Verdict::new(Scheme::Encoding(UTF_8), 1.0));
    }
    let encoding = if guess == GBK { GB18030 } else { guess };
    let confidence::Legacy { encoding, confidence, runner_up } = confidence::legacy(encoding, window, whole);
    let chinese = encoding == GB18030 || encoding == BIG5;
    if (chinese || confidence < LOW_CONFIDENCE)
        && unsupported::is_euc_tw(window, &confidence::reading(GB18030, window, whole))
    {
        return Err(DecodeError::Unsupported { encoding: "EUC-TW" });
    }
    // Johab shares its byte ranges with UHC (read as EUC-KR), whose reading of it is poor.
    let unsure_korean = encoding == EUC_KR && confidence < LOW_CONFIDENCE;
    if (encoding.is_single_byte() || unsure_korean) && unsupported::is_johab(window) {
        return Err(DecodeError::Unsupported { encoding: "Johab" });
    }
    Ok(Verdict {
        runner_up: runner_up.map(|e| Scheme::Encoding(e).name()),
        ..Verdict::new(Scheme::Encoding(encoding), confidence)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::UTF_16LE;

    #[test]
    fn utf16_without_bom_is_not_binary() {
        let bytes: Vec<u8> = "ok 双方".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(detect(&bytes, false).map(|v| v.scheme), Ok(Scheme::Encoding(UTF_16LE)));
        assert_eq!(
            detect(b"ok\0ok\0\0", false).map(|v| v.scheme),
            Err(DecodeError::NulByte { offset: 2, like_utf16: false })
        );
    }
}

//! Decoding the whole input with the chosen scheme, locating every malformed sequence.

use crate::error::DecodeError;
use crate::scheme::Scheme;
use crate::{hz, wide};
use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// A malformed sequence, replaced by U+FFFD in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Malformed {
    /// Byte offset of the sequence in the decoded bytes.
    pub offset: usize,
    /// Byte offset of its U+FFFD in the text.
    pub text_offset: usize,
}

/// Text decoded with replacement, and where the replacements are.
#[derive(Debug, Default)]
pub(crate) struct Transcoded {
    /// The text, with U+FFFD for every malformed sequence.
    pub text: String,
    /// Every malformed sequence, in order.
    pub malformed: Vec<Malformed>,
}

impl Transcoded {
    /// Records a malformed sequence at `offset` and writes U+FFFD for it.
    pub(crate) fn replace(&mut self, offset: usize) {
        self.malformed.push(Malformed { offset, text_offset: self.text.len() });
        self.text.push('\u{FFFD}');
    }
}

/// Decodes `body` (the input after `skipped` bytes of byte order mark) with `scheme`.
///
/// Strict mode fails on the first malformed sequence (counting all of them); lossy mode returns
/// the text with U+FFFD and the offsets of those replacements in the text.
pub(crate) fn decode(
    scheme: Scheme,
    body: &[u8],
    skipped: usize,
    lossy: bool,
) -> Result<(String, Vec<usize>), DecodeError> {
    let out = match scheme {
        Scheme::Encoding(encoding) => match encoding.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => return Ok((text.into_owned(), Vec::new())),
            None => decode_reporting(encoding, body),
        },
        Scheme::Utf32Le | Scheme::Utf32Be => wide::decode_utf32(body, scheme == Scheme::Utf32Be),
        Scheme::Hz => hz::decode(body),
    };
    finish(scheme, body, skipped, out, lossy)
}

/// Turns the malformed sequences of `out` into replacement offsets (lossy) or an error (strict).
pub(crate) fn finish(
    scheme: Scheme,
    body: &[u8],
    skipped: usize,
    out: Transcoded,
    lossy: bool,
) -> Result<(String, Vec<usize>), DecodeError> {
    let Some(first) = out.malformed.first() else { return Ok((out.text, Vec::new())) };
    if lossy {
        let replacements = out.malformed.iter().map(|m| m.text_offset).collect();
        return Ok((out.text, replacements));
    }
    let encoding = scheme.name();
    let offset = skipped + first.offset;
    if out.malformed.len() == 1 && is_truncation(scheme, &body[first.offset..]) {
        return Err(DecodeError::Truncated { encoding, offset });
    }
    let line = 1 + out.text.as_bytes()[..first.text_offset].iter().filter(|&&b| b == b'\n').count();
    Err(DecodeError::InvalidBytes { encoding, count: out.malformed.len(), offset, line, byte: body[first.offset] })
}

/// Decodes with `encoding`, writing U+FFFD for each malformed sequence and recording where.
pub(crate) fn decode_reporting(encoding: &'static Encoding, body: &[u8]) -> Transcoded {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(body.len()).unwrap_or(body.len());
    let mut out = Transcoded { text: String::with_capacity(capacity), malformed: Vec::new() };
    let mut read = 0;
    loop {
        let (result, consumed) = decoder.decode_to_string_without_replacement(&body[read..], &mut out.text, true);
        read += consumed;
        match result {
            DecoderResult::InputEmpty => return out,
            DecoderResult::OutputFull => {
                let more = decoder.max_utf8_buffer_length_without_replacement(body.len() - read);
                out.text.reserve(more.unwrap_or(body.len() - read).max(4));
            }
            DecoderResult::Malformed(bad, after) => {
                let end = read - usize::from(after);
                out.replace(end.saturating_sub(usize::from(bad)));
            }
        }
    }
}

/// True when `tail`, a malformed sequence running to the end of the input, is the start of a
/// character cut short rather than an invalid one.
fn is_truncation(scheme: Scheme, tail: &[u8]) -> bool {
    match scheme {
        Scheme::Encoding(encoding) if encoding == UTF_8 => {
            std::str::from_utf8(tail).is_err_and(|e| e.valid_up_to() == 0 && e.error_len().is_none())
        }
        Scheme::Encoding(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => {
            let high_surrogate = |unit: [u8; 2]| {
                let unit = if encoding == UTF_16LE { u16::from_le_bytes(unit) } else { u16::from_be_bytes(unit) };
                (0xD800..0xDC00).contains(&unit)
            };
            match tail {
                [_] | [_, _, _] => true,
                [a, b] => high_surrogate([*a, *b]),
                _ => false,
            }
        }
        Scheme::Utf32Le | Scheme::Utf32Be => tail.len() < 4,
        // A lead byte of a multi-byte legacy encoding, then at most two bytes that could follow it.
        Scheme::Encoding(encoding) => {
            !encoding.is_single_byte() && tail.len() < 4 && tail[0] >= 0x81 && tail[1..].iter().all(|&b| b >= 0x30)
        }
        Scheme::Hz => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    #[test]
    fn locates_every_malformed_sequence() {
        // "的" in GB18030, a stray 0xFF, "的", a lead byte before a newline.
        let out = decode_reporting(GB18030, b"\xB5\xC4\xFF\xB5\xC4\x81\n");
        assert_eq!(out.text, "的\u{FFFD}的\u{FFFD}\n");
        assert_eq!(out.malformed, [Malformed { offset: 2, text_offset: 3 }, Malformed { offset: 5, text_offset: 9 }]);
    }

    #[test]
    fn utf16_truncation() {
        let le = Scheme::Encoding(UTF_16LE);
        assert!(is_truncation(le, b"\x3D"));
        assert!(is_truncation(le, b"\x3D\xD8"));
        assert!(!is_truncation(le, b"\x00\xDC"));
    }
}

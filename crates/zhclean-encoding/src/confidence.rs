//! How sure a verdict is. `chardetng` gives no score, so zhclean builds one from a bounded sample:
//! how well the text read with the verdict fits it (frequent Han characters, punctuation, no
//! malformed sequences, private-use or control characters), against the best of the other CJK
//! readings (GB18030, Big5, EUC-JP, EUC-KR).

use crate::profile::{Expect, Profile};
use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, ISO_2022_JP, SHIFT_JIS};

/// Verdicts below this confidence are reported as low confidence.
pub const LOW_CONFIDENCE: f32 = 0.8;
/// Legacy (and BOM-less UTF-16) input with fewer Han characters than this is too short to tell.
pub(crate) const MIN_HAN: usize = 6;
/// Detection reads this many bytes, from the first non-ASCII one.
pub(crate) const WINDOW: usize = 16 * 1024;
/// The confidence of a verdict on too short an input.
const SHORT: f32 = 0.5;
/// A lead in fit this large over the runner-up separates the readings completely.
const SEPARATION: f32 = 0.3;
/// The least confidence of valid UTF-8 (validity is evidence in itself).
const UTF8_FLOOR: f32 = 0.3;

/// The readings every verdict is compared with.
const CANDIDATES: [&Encoding; 4] = [GB18030, BIG5, EUC_JP, EUC_KR];

/// The sample detection reads: [`WINDOW`] bytes from the first non-ASCII byte, and whether it
/// reaches the end of the input.
pub(crate) fn window(bytes: &[u8]) -> (&[u8], bool) {
    let start = Encoding::ascii_valid_up_to(bytes);
    let end = bytes.len().min(start + WINDOW);
    (&bytes[start..end], end == bytes.len())
}

/// The legacy verdict and its confidence: `chardetng`'s guess, unless one of the CJK readings
/// has [`MIN_HAN`] Han characters, fits at least [`LOW_CONFIDENCE`] and beats the guess by
/// [`SEPARATION`] (any single-byte guess counts as beaten). `chardetng` drops a candidate at its
/// first malformed byte, so one bad byte in GBK text makes it guess windows-1252.
pub(crate) fn legacy(guess: &'static Encoding, window: &[u8], whole: bool) -> Legacy {
    let guessed = reading(guess, window, whole);
    let guessed_fit = guessed.fit(expect(guess));
    let mut others: Vec<(&'static Encoding, Profile, f32)> = CANDIDATES
        .into_iter()
        .filter(|&candidate| !same(candidate, guess))
        .map(|candidate| {
            let profile = reading(candidate, window, whole);
            (candidate, profile, profile.fit(expect(candidate)))
        })
        .collect();
    others.sort_by(|a, b| b.2.total_cmp(&a.2));
    let other = |skip: usize| others.get(skip).map(|other| (other.0, other.2));
    let (encoding, profile, fit, second) = match others.first() {
        Some(&(best, profile, fit))
            if profile.han >= MIN_HAN
                && fit >= LOW_CONFIDENCE
                && (guess.is_single_byte() || fit >= guessed_fit + SEPARATION) =>
        {
            // The guess trails by SEPARATION or more, so only the other readings can narrow the lead.
            (best, profile, fit, other(1).or(Some((guess, guessed_fit))))
        }
        _ => (guess, guessed, guessed_fit, other(0)),
    };
    let confidence = separated(fit, second.map_or(0.0, |(_, fit)| fit));
    Legacy {
        encoding,
        confidence: if profile.han < MIN_HAN { confidence.min(SHORT) } else { confidence },
        runner_up: second.map(|(encoding, _)| encoding),
    }
}

/// A legacy verdict: the encoding, how sure it is, and the next best reading.
pub(crate) struct Legacy {
    pub encoding: &'static Encoding,
    pub confidence: f32,
    pub runner_up: Option<&'static Encoding>,
}

/// True when `a` and `b` decode alike (GBK and GB18030).
fn same(a: &'static Encoding, b: &'static Encoding) -> bool {
    let gb = |e| e == GB18030 || e == GBK;
    a == b || (gb(a) && gb(b))
}

/// Confidence in valid UTF-8. Six multi-byte sequences or more do not validate by accident; fewer
/// are weighed against the legacy readings of the same bytes (`CF B5 CD B3` is `ϵͳ` in UTF-8 but
/// `系统` in GBK).
pub(crate) fn utf8(window: &[u8], whole: bool) -> f32 {
    let multibyte = window.iter().filter(|&&b| is_utf8_lead(b)).take(MIN_HAN).count();
    if multibyte == 0 || multibyte >= MIN_HAN {
        return 1.0;
    }
    let text = match std::str::from_utf8(window) {
        Ok(text) => text,
        // The sample ends inside a character.
        Err(e) => std::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or_default(),
    };
    let fit = Profile::of(text).fit(Expect::Any);
    UTF8_FLOOR + (1.0 - UTF8_FLOOR) * separated(fit, runner_up(encoding_rs::UTF_8, window, whole))
}

/// True for the first byte of a multi-byte UTF-8 sequence.
pub(crate) fn is_utf8_lead(byte: u8) -> bool {
    (0xC2..=0xF4).contains(&byte)
}

/// Confidence in UTF-16 without a byte order mark, from the fits of both byte orders.
pub(crate) fn utf16(fit: f32, other: f32, profile: &Profile) -> f32 {
    let confidence = separated(fit, other);
    if profile.chars < MIN_HAN { confidence.min(SHORT) } else { confidence }
}

/// Confidence in HZ text: recognised by its escapes, judged by how well its text fits.
pub(crate) fn hz(text: &str) -> f32 {
    let profile = Profile::of(text);
    let fit = profile.fit(Expect::Simplified);
    if profile.han < MIN_HAN { fit.min(SHORT) } else { fit }
}

/// `fit`, halved when the runner-up fits as well, kept whole when it trails by [`SEPARATION`].
fn separated(fit: f32, runner_up: f32) -> f32 {
    let separation = ((fit - runner_up) / SEPARATION).clamp(0.0, 1.0);
    fit * (0.5 + 0.5 * separation)
}

/// The best fit among the [`CANDIDATES`] other than `verdict`.
fn runner_up(verdict: &'static Encoding, window: &[u8], whole: bool) -> f32 {
    CANDIDATES
        .into_iter()
        .filter(|&candidate| !same(candidate, verdict))
        .map(|candidate| reading(candidate, window, whole).fit(expect(candidate)))
        .fold(0.0, f32::max)
}

/// The profile of `window` read with `encoding`, malformed sequences as U+FFFD.
pub(crate) fn reading(encoding: &'static Encoding, window: &[u8], whole: bool) -> Profile {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(window.len()).unwrap_or(0));
    let _ = decoder.decode_to_string(window, &mut text, whole);
    Profile::of(&text)
}

/// What text in `encoding` looks like.
fn expect(encoding: &'static Encoding) -> Expect {
    match encoding {
        e if e == GB18030 || e == GBK => Expect::Simplified,
        e if e == BIG5 => Expect::Traditional,
        e if e == EUC_JP || e == SHIFT_JIS || e == ISO_2022_JP => Expect::Japanese,
        e if e == EUC_KR => Expect::Korean,
        _ => Expect::Any,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        encoding.encode(text).0.into_owned()
    }

    #[test]
    fn long_chinese_is_confident_short_is_not() {
        let text = "中华人民共和国和俄罗斯联邦在纪念中国人民抗日战争胜利之际发表联合声明";
        let gb = encode(GB18030, text);
        assert!(legacy(GB18030, &gb, true).confidence > 0.9);
        let short = legacy(GB18030, &gb[..10], true);
        assert_eq!((short.encoding, short.confidence), (GB18030, SHORT));
        let big5 = encode(BIG5, "中華人民共和國和俄羅斯聯邦在紀念中國人民抗日戰爭勝利之際發表聯合聲明");
        assert!(legacy(BIG5, &big5, true).confidence > 0.9);
    }

    #[test]
    fn a_clearly_wrong_guess_is_replaced() {
        let gb = encode(GB18030, "中华人民共和国和俄罗斯联邦在纪念中国人民抗日战争胜利之际发表联合声明");
        assert_eq!(legacy(BIG5, &gb, true).encoding, GB18030);
        // Misread as EUC-KR, GBK text is mostly Hangul syllables: not beaten clearly, but unsure.
        let korean = legacy(EUC_KR, &gb, true);
        assert!(korean.encoding == EUC_KR && korean.confidence < LOW_CONFIDENCE, "{}", korean.confidence);
        assert_eq!(korean.runner_up, Some(GB18030));
        assert_eq!(legacy(encoding_rs::WINDOWS_1252, &gb, true).encoding, GB18030);
        // Latin text stays Latin, with low confidence: zhclean expects Chinese.
        let latin = encode(encoding_rs::WINDOWS_1252, "Déclaration conjointe de la République populaire de Chine");
        let french = legacy(encoding_rs::WINDOWS_1252, &latin, true);
        assert_eq!((french.encoding, french.confidence), (encoding_rs::WINDOWS_1252, SHORT));
    }

    #[test]
    fn utf8_evidence() {
        assert_eq!(utf8("双方".as_bytes(), true), 1.0);
        assert_eq!(utf8(b"plain", true), 1.0);
        assert_eq!(utf8(b"\xCF\xB5\xCD\xB3", true), UTF8_FLOOR);
    }
}

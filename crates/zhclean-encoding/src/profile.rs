//! What a decoded sample is made of, and how well that fits the encoding it was read with.

use crate::frequent::{is_frequent, is_frequent_simplified, is_frequent_traditional};
use zhclean_core::chars::{is_cjk_punctuation, is_han};

/// Weight of a Han character outside the frequent levels: rare characters are real text too, but
/// they are also what a wrong reading produces.
const RARE_HAN: f32 = 0.3;
/// Weight of an impossible character (control, private use, U+FFFD) against the good ones.
const BAD: f32 = 2.0;

/// Counts of character classes in a decoded sample.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    /// Every character.
    pub chars: usize,
    /// Printable ASCII and ASCII whitespace.
    pub ascii: usize,
    /// Han characters.
    pub han: usize,
    /// Han characters in the first level of GB2312.
    pub simplified: usize,
    /// Han characters in the first level of Big5.
    pub traditional: usize,
    /// Han characters in either first level.
    pub frequent: usize,
    /// Chinese punctuation, the ideographic space and full-width letters and digits.
    pub punctuation: usize,
    /// Hiragana and katakana.
    pub kana: usize,
    /// Hangul syllables and jamo.
    pub hangul: usize,
    /// Latin-1 and Latin Extended letters and symbols, and general punctuation.
    pub latin: usize,
    /// Characters no text is made of: controls, private use, U+FFFD.
    pub bad: usize,
}

/// What a reading is expected to look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expect {
    /// Simplified Chinese (GB2312, GBK, GB18030, HZ).
    Simplified,
    /// Traditional Chinese (Big5).
    Traditional,
    /// Japanese (EUC-JP, Shift_JIS, ISO-2022-JP).
    Japanese,
    /// Korean (EUC-KR).
    Korean,
    /// Any text (Unicode encodings, single-byte encodings).
    Any,
}

impl Profile {
    /// Counts the classes of the characters of `text`.
    pub(crate) fn of(text: &str) -> Self {
        let mut profile = Self::default();
        for c in text.chars() {
            profile.add(c);
        }
        profile
    }

    fn add(&mut self, c: char) {
        self.chars += 1;
        match c {
            '\t' | '\n' | '\r' | ' '..='~' => self.ascii += 1,
            _ if is_han(c) => {
                self.han += 1;
                self.simplified += usize::from(is_frequent_simplified(c));
                self.traditional += usize::from(is_frequent_traditional(c));
                self.frequent += usize::from(is_frequent(c));
            }
            _ if is_cjk_punctuation(c) || matches!(c, '\u{3000}' | '\u{FF10}'..='\u{FF5A}') => self.punctuation += 1,
            '\u{3040}'..='\u{30FF}' => self.kana += 1,
            '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => self.hangul += 1,
            '\u{A0}'..='\u{24F}' | '\u{2000}'..='\u{206F}' => self.latin += 1,
            _ if c.is_control() || is_private_use(c) || c == '\u{FFFD}' => self.bad += 1,
            _ => {}
        }
    }

    /// Characters outside ASCII.
    pub(crate) fn non_ascii(&self) -> usize {
        self.chars - self.ascii
    }

    /// How well the non-ASCII characters fit `expect`, from 0 to 1 (1 when there are none).
    pub(crate) fn fit(&self, expect: Expect) -> f32 {
        if self.non_ascii() == 0 {
            return 1.0;
        }
        share(self.good(expect), self.bad, self.non_ascii())
    }

    /// How much the whole sample reads as Chinese or ASCII text, from 0 to 1: the test for
    /// UTF-16 without a byte order mark, whose wrong byte order turns ASCII into rare Han
    /// characters and Chinese into Hangul.
    pub(crate) fn fit_chinese_or_ascii(&self) -> f32 {
        if self.chars == 0 {
            return 0.0;
        }
        let good = self.ascii as f32 + self.han_score(self.frequent) + self.punctuation as f32;
        share(good, self.bad, self.chars)
    }

    /// How much the whole sample is made of characters that text is made of (not controls,
    /// private use or U+FFFD), from 0 to 1: the test of a reading whose encoding other evidence
    /// has settled (the side of the NUL bytes in UTF-16, the unit values of UTF-32).
    pub(crate) fn fit_readable(&self) -> f32 {
        if self.chars == 0 {
            return 0.0;
        }
        share((self.chars - self.bad) as f32, self.bad, self.chars)
    }

    fn good(&self, expect: Expect) -> f32 {
        let punctuation = self.punctuation as f32;
        match expect {
            Expect::Simplified => self.han_score(self.simplified) + punctuation,
            Expect::Traditional => self.han_score(self.traditional) + punctuation,
            Expect::Korean => self.hangul as f32 + punctuation + RARE_HAN * self.han as f32,
            // Japanese prose is rich in kana; kanji without them are a Chinese text misread.
            Expect::Japanese if self.kana * 4 >= self.han => {
                self.kana as f32 + punctuation + self.han_score(self.frequent)
            }
            Expect::Japanese => self.kana as f32 + punctuation + RARE_HAN * self.han as f32,
            Expect::Any => self.han_score(self.frequent) + punctuation + (self.kana + self.hangul + self.latin) as f32,
        }
    }

    /// Full weight for the `frequent` Han characters, [`RARE_HAN`] for the others.
    fn han_score(&self, frequent: usize) -> f32 {
        frequent as f32 + RARE_HAN * (self.han - frequent) as f32
    }
}

fn share(good: f32, bad: usize, total: usize) -> f32 {
    ((good - BAD * bad as f32) / total as f32).clamp(0.0, 1.0)
}

fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_classes() {
        let profile = Profile::of("双方a，國鍙\u{E000}カ한é");
        let expected = Profile {
            chars: 10,
            ascii: 1,
            han: 4,
            simplified: 2,
            traditional: 2,
            frequent: 3,
            punctuation: 1,
            kana: 1,
            hangul: 1,
            latin: 1,
            bad: 1,
        };
        assert_eq!(profile, expected);
    }

    #[test]
    fn chinese_fits_its_own_reading() {
        let simplified = Profile::of("中华人民共和国和俄罗斯联邦");
        assert_eq!(simplified.fit(Expect::Simplified), 1.0);
        assert!(simplified.fit(Expect::Japanese) < 0.31);
        assert_eq!(Profile::of("ascii only").fit(Expect::Korean), 1.0);
        assert_eq!(Profile::of("\u{FFFD}\u{FFFD}中").fit(Expect::Simplified), 0.0);
    }
}

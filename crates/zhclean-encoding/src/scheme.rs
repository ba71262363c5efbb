//! What the bytes are decoded with: an `encoding_rs` encoding, or one of the few schemes it lacks.

use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};

/// `--encoding hz-gb-2312` resolves to this value.
///
/// The WHATWG Encoding Standard (and so `encoding_rs`) maps the label `hz-gb-2312` to the
/// *replacement* encoding, which decodes nothing; zhclean decodes HZ itself, so a forced
/// `REPLACEMENT` means HZ. [`lookup`](crate::lookup) rejects the other labels of the replacement
/// encoding (ISO-2022-CN, ISO-2022-KR) as unsupported.
pub static HZ_GB_2312: &Encoding = encoding_rs::REPLACEMENT;

/// A way to turn bytes into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// Any encoding `encoding_rs` decodes.
    Encoding(&'static Encoding),
    /// UTF-32, little endian (read only from its byte order mark).
    Utf32Le,
    /// UTF-32, big endian (read only from its byte order mark).
    Utf32Be,
    /// HZ-GB-2312 (RFC 1843): 7-bit GB2312 between `~{` and `~}`.
    Hz,
}

impl Scheme {
    /// The scheme that decodes text labelled `encoding`: GBK reads as GB18030, its superset
    /// (`encoding_rs` decodes both identically), and [`HZ_GB_2312`] as HZ.
    pub(crate) fn of(encoding: &'static Encoding) -> Self {
        if encoding == GBK {
            Self::Encoding(GB18030)
        } else if encoding == HZ_GB_2312 {
            Self::Hz
        } else {
            Self::Encoding(encoding)
        }
    }

    /// The name reported in [`EncodingInfo`](crate::EncodingInfo).
    pub(crate) fn name(self) -> &'static str {
        match self {
            // The WHATWG name is lower case, unlike every other CJK encoding's.
            Self::Encoding(encoding) if encoding == GB18030 => "GB18030",
            Self::Encoding(encoding) => encoding.name(),
            Self::Utf32Le => "UTF-32LE",
            Self::Utf32Be => "UTF-32BE",
            Self::Hz => "HZ-GB-2312",
        }
    }

    /// True for UTF-8.
    pub(crate) fn is_utf8(self) -> bool {
        self == Self::Encoding(encoding_rs::UTF_8)
    }

    /// True for UTF-16 and UTF-32, where NUL bytes are part of ordinary text.
    pub(crate) fn is_wide(self) -> bool {
        matches!(self, Self::Utf32Le | Self::Utf32Be)
            || self == Self::Encoding(UTF_16LE)
            || self == Self::Encoding(UTF_16BE)
    }
}

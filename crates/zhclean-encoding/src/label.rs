//! Encoding labels, for `--encoding NAME`.

use crate::error::DecodeError;
use crate::scheme::HZ_GB_2312;
use encoding_rs::Encoding;

/// Labels of encodings zhclean refuses, and the encoding's name.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("iso-2022-cn", "ISO-2022-CN"),
    ("iso-2022-cn-ext", "ISO-2022-CN"),
    ("csiso2022cn", "ISO-2022-CN"),
    ("iso-2022-kr", "ISO-2022-KR"),
    ("csiso2022kr", "ISO-2022-KR"),
    ("euc-tw", "EUC-TW"),
    ("euctw", "EUC-TW"),
    ("x-euc-tw", "EUC-TW"),
    ("cns11643", "EUC-TW"),
];

/// The encoding a label names, for `--encoding NAME`.
///
/// Accepts the WHATWG labels (`utf-8`, `gbk`, `gb2312`, `gb18030`, `big5`, `utf-16le`,
/// `shift_jis`, …, case-insensitive) and `hz-gb-2312`/`hz`, which resolve to [`HZ_GB_2312`].
/// ISO-2022-CN, ISO-2022-KR and EUC-TW are [`DecodeError::Unsupported`]; UTF-32 labels are
/// [`DecodeError::NotForcible`] (UTF-32 is read from its byte order mark); anything else is
/// [`DecodeError::UnknownLabel`].
pub fn lookup(name: &str) -> Result<&'static Encoding, DecodeError> {
    let label = name.trim().to_ascii_lowercase();
    if let Some(&(_, encoding)) = UNSUPPORTED.iter().find(|(known, _)| *known == label) {
        return Err(DecodeError::Unsupported { encoding });
    }
    if matches!(label.as_str(), "hz-gb-2312" | "hz") {
        return Ok(HZ_GB_2312);
    }
    if label.starts_with("utf-32") || label.starts_with("utf32") || label.starts_with("ucs-4") {
        return Err(DecodeError::NotForcible { label: name.to_owned() });
    }
    match Encoding::for_label_no_replacement(label.as_bytes()) {
        Some(encoding) => Ok(encoding),
        None => Err(DecodeError::UnknownLabel { label: name.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

    #[test]
    fn whatwg_labels() {
        assert_eq!(lookup("gbk"), Ok(GBK));
        assert_eq!(lookup("GB2312"), Ok(GBK));
        assert_eq!(lookup(" gb18030 "), Ok(GB18030));
        assert_eq!(lookup("big5"), Ok(BIG5));
        assert_eq!(lookup("utf8"), Ok(UTF_8));
        assert_eq!(lookup("utf-16le"), Ok(UTF_16LE));
        assert_eq!(lookup("UTF-16BE"), Ok(UTF_16BE));
        assert_eq!(lookup("hz-gb-2312"), Ok(HZ_GB_2312));
    }

    #[test]
    fn refusals() {
        assert_eq!(lookup("iso-2022-cn"), Err(DecodeError::Unsupported { encoding: "ISO-2022-CN" }));
        assert_eq!(lookup("EUC-TW"), Err(DecodeError::Unsupported { encoding: "EUC-TW" }));
        assert_eq!(lookup("utf-32le"), Err(DecodeError::NotForcible { label: "utf-32le".to_owned() }));
        let unknown = lookup("chinese-simplified").unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "`chinese-simplified` is not a known encoding; use a WHATWG label such as utf-8, gb18030, gbk, \
             gb2312, big5, utf-16le, utf-16be, hz-gb-2312, shift_jis or euc-kr"
        );
    }
}

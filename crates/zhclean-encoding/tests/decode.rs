//! The public decoding API on small inputs: every path of the order of evidence, every error.

use encoding_rs::{BIG5, GBK, UTF_8, UTF_16LE};
use zhclean_encoding::{
    DecodeError, DecodeOptions, Decoded, EncodingInfo, HZ_GB_2312, LOW_CONFIDENCE, LineEndings, decode, lookup,
};

fn detect(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode(bytes, &DecodeOptions::default())
}

fn lossy(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode(bytes, &DecodeOptions { lossy: true, ..DecodeOptions::default() })
}

fn forced(bytes: &[u8], label: &str) -> Result<Decoded, DecodeError> {
    decode(bytes, &DecodeOptions { encoding: Some(lookup(label).unwrap()), lossy: false })
}

/// The info of a sure verdict without BOM, replacements or override.
fn sure(encoding: &'static str, line_endings: LineEndings) -> EncodingInfo {
    EncodingInfo {
        encoding,
        bom: false,
        confidence: 1.0,
        low_confidence: false,
        line_endings,
        replacements: Vec::new(),
        overridden: false,
        runner_up: None,
    }
}

fn decoded(text: &str, info: EncodingInfo) -> Result<Decoded, DecodeError> {
    Ok(Decoded { text: text.to_owned(), info })
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    encoding.encode(text).0.into_owned()
}

const STATEMENT: &str = "中华人民共和国和俄罗斯联邦在纪念中国人民抗日战争胜利之际发表联合声明。";

#[test]
fn empty_input() {
    assert_eq!(detect(b""), decoded("", sure("UTF-8", LineEndings::None)));
}

#[test]
fn input_that_is_only_a_bom() {
    for (bytes, encoding) in [
        (b"\xEF\xBB\xBF".as_slice(), "UTF-8"),
        (b"\xFF\xFE", "UTF-16LE"),
        (b"\xFE\xFF", "UTF-16BE"),
        (b"\xFF\xFE\x00\x00", "UTF-32LE"),
        (b"\x00\x00\xFE\xFF", "UTF-32BE"),
    ] {
        let info = EncodingInfo { bom: true, ..sure(encoding, LineEndings::None) };
        assert_eq!(detect(bytes), decoded("", info), "{encoding}");
    }
}

#[test]
fn text_after_a_bom() {
    let info = |encoding| EncodingInfo { bom: true, ..sure(encoding, LineEndings::Lf) };
    assert_eq!(detect(b"\xEF\xBB\xBF\xE5\x8F\x8C\n"), decoded("双\n", info("UTF-8")));
    assert_eq!(detect(&[b"\xFF\xFE".as_slice(), &utf16le("双方\n")].concat()), decoded("双方\n", info("UTF-16LE")));
    assert_eq!(detect(b"\xFF\xFE\x00\x00\xCC\x53\x00\x00\x0A\x00\x00\x00"), decoded("双\n", info("UTF-32LE")));
    assert_eq!(
        detect(b"\x00\x00\xFE\xFF\x00\x00\x53\xCC"),
        decoded("双", EncodingInfo { bom: true, ..sure("UTF-32BE", LineEndings::None) })
    );
}

#[test]
fn pure_ascii_is_utf8() {
    assert_eq!(detect(b"hello\r\nworld\r\n"), decoded("hello\r\nworld\r\n", sure("UTF-8", LineEndings::Crlf)));
}

#[test]
fn utf8_chinese_is_sure_even_when_short() {
    assert_eq!(detect("双方".as_bytes()), decoded("双方", sure("UTF-8", LineEndings::None)));
    assert_eq!(detect(STATEMENT.as_bytes()), decoded(STATEMENT, sure("UTF-8", LineEndings::None)));
}

#[test]
fn gbk_bytes_that_are_valid_utf8_stay_utf8_with_low_confidence() {
    // "系统" in GBK is CF B5 CD B3, which strict UTF-8 accepts as "ϵͳ". UTF-8 validation comes
    // first in the order of evidence, so the verdict is UTF-8, flagged: GBK reads better.
    let info = EncodingInfo { confidence: 0.3, low_confidence: true, ..sure("UTF-8", LineEndings::None) };
    assert_eq!(detect(b"\xCF\xB5\xCD\xB3"), decoded("ϵͳ", info));
    assert_eq!(forced(b"\xCF\xB5\xCD\xB3", "gbk").unwrap().text, "系统");
}

#[test]
fn long_gbk_is_sure() {
    let result = detect(&encode(GBK, STATEMENT)).unwrap();
    assert_eq!((result.text.as_str(), result.info.encoding), (STATEMENT, "GB18030"));
    assert!(result.info.confidence > 0.9 && !result.info.low_confidence, "{:?}", result.info);
}

#[test]
fn short_legacy_input_is_low_confidence() {
    let result = detect(&encode(GBK, "中华人民")).unwrap();
    assert_eq!((result.text.as_str(), result.info.encoding), ("中华人民", "GB18030"));
    assert_eq!((result.info.confidence, result.info.low_confidence), (0.5, true));
}

#[test]
fn big5_is_detected() {
    let text = "中華人民共和國和俄羅斯聯邦在紀念中國人民抗日戰爭勝利之際發表聯合聲明。";
    let result = detect(&encode(BIG5, text)).unwrap();
    assert_eq!((result.text.as_str(), result.info.encoding, result.info.low_confidence), (text, "Big5", false));
}

#[test]
fn utf16_without_bom() {
    let result = detect(&utf16le("双方指出，2025年5月7日。\n")).unwrap();
    assert_eq!(
        (result.text.as_str(), result.info.encoding, result.info.bom),
        ("双方指出，2025年5月7日。\n", "UTF-16LE", false)
    );
    assert!(!result.info.low_confidence);
}

#[test]
fn odd_length_utf16() {
    let bytes = [b"\xFF\xFE".as_slice(), &utf16le("双"), b"A"].concat();
    assert_eq!(detect(&bytes), Err(DecodeError::Truncated { encoding: "UTF-16LE", offset: 4 }));
    let info = EncodingInfo { bom: true, replacements: vec![3], ..sure("UTF-16LE", LineEndings::None) };
    assert_eq!(lossy(&bytes), decoded("双\u{FFFD}", info));
    // Without a BOM, the NUL bytes show UTF-16, and the odd last byte is a cut-short character.
    assert_eq!(detect(b"a\0b\0c"), Err(DecodeError::Truncated { encoding: "UTF-16LE", offset: 4 }));
}

#[test]
fn truncated_utf8() {
    let error = detect(b"\xE5\x8F\x8C\xE6\x96\xB9\xE6\x8C").unwrap_err();
    assert_eq!(error, DecodeError::Truncated { encoding: "UTF-8", offset: 6 });
    assert_eq!(
        error.to_string(),
        "the input ends inside a UTF-8 character that starts at offset 6, so the file looks cut short; restore \
         its end, or pass --lossy to replace the partial character with U+FFFD"
    );
}

#[test]
fn invalid_bytes_in_mostly_utf8_are_counted_and_located() {
    let bytes = [STATEMENT.as_bytes(), b"\nok\n\xFF", STATEMENT.as_bytes(), b"\xFE\n"].concat();
    let error = detect(&bytes).unwrap_err();
    let offset = STATEMENT.len() + 4;
    assert_eq!(error, DecodeError::InvalidBytes { encoding: "UTF-8", count: 2, offset, line: 3, byte: 0xFF });
    assert_eq!(
        error.to_string(),
        format!(
            "2 byte sequences are not valid UTF-8, the first at offset {offset} (line 3, byte 0xFF); pass \
             --encoding NAME if the file is in another encoding, or --lossy to replace each bad sequence with U+FFFD"
        )
    );
    let result = lossy(&bytes).unwrap();
    let expected = format!("{STATEMENT}\nok\n\u{FFFD}{STATEMENT}\u{FFFD}\n");
    assert_eq!(result.text, expected);
    assert_eq!(result.info.replacements, [offset, offset + 3 + STATEMENT.len()]);
    assert!(result.info.replacements.iter().all(|&at| expected[at..].starts_with('\u{FFFD}')));
}

#[test]
fn invalid_and_truncated_legacy_bytes() {
    // GBK text, then a lead byte cut off by a line break.
    let bytes = [encode(GBK, STATEMENT), b"\n\x81\n".to_vec()].concat();
    let offset = bytes.len() - 2;
    let error = DecodeError::InvalidBytes { encoding: "GB18030", count: 1, offset, line: 2, byte: 0x81 };
    assert_eq!(detect(&bytes), Err(error));
    assert_eq!(lossy(&bytes).unwrap().info.replacements, [STATEMENT.len() + 1]);
    // A lead byte at the very end is a character cut short.
    let cut = [encode(GBK, STATEMENT), b"\xB5".to_vec()].concat();
    assert_eq!(detect(&cut), Err(DecodeError::Truncated { encoding: "GB18030", offset: cut.len() - 1 }));
}

#[test]
fn binary_signatures_are_refused() {
    let error = detect(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n").unwrap_err();
    assert_eq!(error, DecodeError::Binary { kind: "a PDF document" });
    assert_eq!(
        error.to_string(),
        "this is a PDF document, not text; extract the text first (zhclean reads plain-text files only)"
    );
    assert_eq!(
        detect(b"PK\x03\x04\x14\x00"),
        Err(DecodeError::Binary {
            kind: "a ZIP archive (or a .docx, .xlsx, .epub or .jar file, which are ZIP archives)"
        })
    );
    assert_eq!(detect(b"\x1F\x8B\x08\x00"), Err(DecodeError::Binary { kind: "gzip-compressed data" }));
    // Even with --encoding.
    assert_eq!(forced(b"\x89PNG\r\n\x1A\n", "utf-8"), Err(DecodeError::Binary { kind: "a PNG image" }));
}

#[test]
fn nul_bytes_are_refused() {
    let binary = b"\x01\0\0\x02data\0\0\x7F\0";
    let error = detect(binary).unwrap_err();
    assert_eq!(error, DecodeError::NulByte { offset: 1, like_utf16: false });
    assert_eq!(
        error.to_string(),
        "the input contains NUL bytes (the first at offset 1), so it is binary data, not text; extract the text \
         first (zhclean reads plain-text files only)"
    );
    let utf16_like = b"\x01\0\x02\0\x03\0";
    assert_eq!(
        detect(utf16_like).unwrap_err().to_string(),
        "the input contains NUL bytes (the first at offset 1), placed as in UTF-16 text without a byte order mark; \
         if it is text, pass --encoding utf-16le (or utf-16be)"
    );
    assert_eq!(forced(b"a\0", "gbk"), Err(DecodeError::NulByte { offset: 1, like_utf16: true }));
    assert_eq!(forced(b"a\0", "utf-16le").unwrap().text, "a");
}

/// A glyph missing from a PDF font comes out as a NUL byte inside UTF-8 text: the text is read,
/// and the NUL is left for the `control-character` rule to report.
#[test]
fn a_stray_nul_in_utf8_text_is_read() {
    let text = "双方同意\0加强合作。";
    assert_eq!(detect(text.as_bytes()).unwrap().text, text);
    assert_eq!(detect(format!("\u{FEFF}{text}").as_bytes()).unwrap().text, text);
    assert_eq!(detect(b"abc\0def").unwrap().text, "abc\0def");
}

#[test]
fn encoding_override() {
    let gbk = encode(GBK, "双方");
    let info = EncodingInfo { overridden: true, ..sure("GB18030", LineEndings::None) };
    assert_eq!(forced(&gbk, "gbk"), decoded("双方", info));
    assert_eq!(
        forced(&gbk, "utf-8"),
        // CB AB happens to be valid UTF-8 ("˫"); B7 and BD are not.
        Err(DecodeError::InvalidBytes { encoding: "UTF-8", count: 2, offset: 2, line: 1, byte: 0xB7 })
    );
    // The override's own BOM is skipped and reported.
    let bytes = [b"\xFF\xFE".as_slice(), &utf16le("双")].concat();
    let info = EncodingInfo { bom: true, overridden: true, ..sure("UTF-16LE", LineEndings::None) };
    assert_eq!(decode(&bytes, &DecodeOptions { encoding: Some(UTF_16LE), lossy: false }), decoded("双", info));
    let info = EncodingInfo { overridden: true, ..sure("UTF-8", LineEndings::None) };
    assert_eq!(decode(b"ok", &DecodeOptions { encoding: Some(UTF_8), lossy: false }), decoded("ok", info));
}

#[test]
fn hz() {
    let bytes = b"HZ: ~{<:Ky2;S{#,NpJ)l6HK!#~}\n";
    let result = detect(bytes).unwrap();
    assert_eq!((result.text.as_str(), result.info.encoding), ("HZ: 己所不欲，勿施於人。\n", "HZ-GB-2312"));
    assert!(!result.info.low_confidence, "{:?}", result.info);
    assert_eq!(forced(bytes, "hz-gb-2312").unwrap().text, "HZ: 己所不欲，勿施於人。\n");
    assert_eq!(decode(b"~{<:~}", &DecodeOptions { encoding: Some(HZ_GB_2312), lossy: false }).unwrap().text, "己");
    // Too short to be sure.
    assert!(detect(b"~{<:~}").unwrap().info.low_confidence);
    assert_eq!(
        detect(b"~{<:~x~}"),
        Err(DecodeError::InvalidBytes { encoding: "HZ-GB-2312", count: 1, offset: 4, line: 1, byte: b'~' })
    );
}

#[test]
fn other_escape_encodings() {
    let error = detect(b"\x1B$)A\x0E<:Ky\x0F\n").unwrap_err();
    assert_eq!(error, DecodeError::Unsupported { encoding: "ISO-2022-CN" });
    assert_eq!(
        error.to_string(),
        "ISO-2022-CN is not supported; convert the file to UTF-8 first (e.g. `iconv -f ISO-2022-CN -t UTF-8`)"
    );
    let result = detect(b"\x1B$B$3$s$K$A$O\x1B(B").unwrap();
    assert_eq!((result.text.as_str(), result.info.encoding), ("こんにちは", "ISO-2022-JP"));
}

#[test]
fn euc_tw_is_refused() {
    // CNS 11643 plane 2 (SS2 8E A2) and plane 1 characters.
    let bytes = b"\xC4\xA1\xC4\xA2\x8E\xA2\xA1\xA1\xC4\xA3\x8E\xA2\xA1\xA2\xC4\xA4\xC4\xA5\n";
    assert_eq!(detect(bytes), Err(DecodeError::Unsupported { encoding: "EUC-TW" }));
}

#[test]
fn low_confidence_threshold() {
    assert_eq!(LOW_CONFIDENCE, 0.8);
}

/// Johab (Korean) is refused by name, not read as windows-1252.
#[test]
fn johab_is_refused() {
    let syllable = |i: u16, m: u16, f: u16| (0x8000 | (i << 10) | (m << 5) | f).to_be_bytes();
    let mut bytes: Vec<u8> = b"To read this document: ".to_vec();
    bytes.extend((0..12).flat_map(|n| syllable(2 + n, 3 + (n % 5), 1 + (n % 3))));
    assert_eq!(detect(&bytes), Err(DecodeError::Unsupported { encoding: "Johab" }));
}

/// UTF-32 without a byte order mark is recognised by its units, in either byte order.
#[test]
fn utf32_without_bom() {
    let text = "Date: 2025年5月8日\n双方同意。\n";
    let le: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
    let be: Vec<u8> = text.chars().flat_map(|c| (c as u32).to_be_bytes()).collect();
    assert_eq!((detect(&le).unwrap().text.as_str(), detect(&le).unwrap().info.encoding), (text, "UTF-32LE"));
    assert_eq!((detect(&be).unwrap().text.as_str(), detect(&be).unwrap().info.encoding), (text, "UTF-32BE"));
}

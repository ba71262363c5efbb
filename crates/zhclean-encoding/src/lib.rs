//! Detects the encoding of raw bytes and decodes them to UTF-8, refusing rather than guessing.
//!
//! [`decode`] reads UTF-8 (with or without BOM), UTF-16 (with or without BOM), UTF-32 (with
//! BOM), HZ, and every legacy encoding `encoding_rs` knows (GB18030/GBK/GB2312, Big5, …). It
//! never replaces bytes silently: in strict mode (the default) malformed input is an error that
//! counts and locates the bad sequences; in lossy mode every U+FFFD it inserts is reported.
//! Binary input and unsupported encodings (ISO-2022-CN, ISO-2022-KR, EUC-TW, Johab) are refused
//! by name.
//! Every verdict has a confidence; see [`LOW_CONFIDENCE`].
//!
//! [`repair_mojibake`] repairs decoded text that was UTF-8 misread as Windows-1252 or GBK.

mod binary;
mod bom;
mod confidence;
mod detect;
mod error;
mod escape;
mod fast_utf8;
mod frequent;
mod hz;
mod label;
mod line_endings;
pub mod low_confidence_encoding;
mod mojibake;
mod profile;
mod scheme;
mod transcode;
pub mod unreadable_input;
pub mod unreadable_text;
pub mod unrepairable_mojibake;
mod unsupported;
mod wide;

pub use confidence::LOW_CONFIDENCE;
pub use error::DecodeError;
pub use label::lookup;
pub use line_endings::LineEndings;
pub use mojibake::{MojibakeRepair, RULE as MOJIBAKE_RULE, repair_mojibake};
pub use scheme::HZ_GB_2312;

use detect::Verdict;
use scheme::Scheme;
use serde::Serialize;
use zhclean_core::triggers::Scope;
use zhclean_core::{Change, Document, TextRange};

/// How to decode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// The encoding to use instead of detecting one (`--encoding`; see [`lookup`]).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Replace malformed sequences with U+FFFD (reported in [`EncodingInfo::replacements`])
    /// instead of failing (`--lossy`).
    pub lossy: bool,
}

/// The outcome of decoding: the text and how it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The decoded text, without a byte order mark.
    pub text: String,
    /// How the bytes were read.
    pub info: EncodingInfo,
}

/// What [`decode`] found out about the bytes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EncodingInfo {
    /// The name of the encoding: the WHATWG name (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE`, …),
    /// or `UTF-32LE`, `UTF-32BE`, `HZ-GB-2312`. GBK is read, and named, as GB18030.
    pub encoding: &'static str,
    /// True when the input started with a byte order mark.
    pub bom: bool,
    /// How sure the verdict is, from 0 to 1 (1 for a byte order mark or `--encoding`).
    pub confidence: f32,
    /// True when `confidence` is below [`LOW_CONFIDENCE`], e.g. legacy input with fewer than six
    /// Han characters, or a few bytes that are valid UTF-8 but read better as GBK.
    pub low_confidence: bool,
    /// The line endings of the text.
    pub line_endings: LineEndings,
    /// Lossy mode only: byte offsets in the text of every U+FFFD that decoding inserted.
    pub replacements: Vec<usize>,
    /// True when the encoding was given (`--encoding`) rather than detected.
    pub overridden: bool,
    /// The next best reading detection weighed, if any (for a low-confidence verdict, the
    /// encoding to try with `--encoding`).
    pub runner_up: Option<&'static str>,
}

impl EncodingInfo {
    /// How text that arrived already decoded (a Python string, a JSON field) was read: as
    /// UTF-8, for certain.
    pub fn of_text(text: &str) -> Self {
        Self {
            encoding: "UTF-8",
            bom: false,
            confidence: 1.0,
            low_confidence: false,
            line_endings: LineEndings::of(text),
            replacements: Vec::new(),
            overridden: true,
            runner_up: None,
        }
    }
}

/// Records a low-confidence verdict of [`decode`] on the freshly decoded document, and
/// `unreadable-text` when its text is not readable; false then: the document is to be left as
/// it is.
pub fn review(doc: &mut Document, info: &EncodingInfo, enabled: impl Fn(&str) -> bool) -> bool {
    if info.low_confidence && enabled(low_confidence_encoding::RULE.name) {
        let message = format!(
            "read as {} with confidence {:.2}; pass --encoding NAME if that is wrong",
            info.encoding, info.confidence
        );
        doc.record(low_confidence_encoding::RULE.diagnostic(zhclean_core::TextRange::empty(0), message));
    }
    if !enabled(unreadable_text::RULE.name) {
        return true;
    }
    match unreadable_text::verdict(doc.text()) {
        Some(message) => {
            doc.record(unreadable_text::RULE.diagnostic(zhclean_core::TextRange::empty(0), message));
            false
        }
        None => true,
    }
}

/// Repairs mojibake in the lines of the document's text in `scope` and records the mojibake
/// that does not round-trip.
pub fn repair(doc: &mut Document, enabled: impl Fn(&str) -> bool, scope: &Scope) {
    if !enabled(MOJIBAKE_RULE) {
        return;
    }
    // Mojibake lies within a line (a run of non-ASCII characters): the lines out of `scope`
    // were read as they are when this last ran.
    let mut repair = MojibakeRepair::default();
    for stretch in scope.stretches(doc.text()) {
        let found = repair_mojibake(&doc.text()[stretch.as_range()]);
        let moved = |range: TextRange| TextRange::new(stretch.start + range.start, stretch.start + range.end);
        repair.changes.extend(found.changes.into_iter().map(|change| Change { range: moved(change.range), ..change }));
        repair.unrepairable.extend(found.unrepairable.into_iter().map(moved));
    }
    if enabled(unrepairable_mojibake::RULE.name) {
        for range in repair.unrepairable {
            let found = &doc.text()[range.as_range()];
            let message = format!(
                "`{found}` looks like UTF-8 misread as Windows-1252 or GBK, but bytes were lost; restore it from a good copy"
            );
            doc.record(unrepairable_mojibake::RULE.diagnostic(range, message));
        }
    }
    doc.apply(repair.changes);
}

/// Decodes `bytes`, detecting the encoding unless `options` names one.
///
/// Detection follows the order of evidence: binary signatures; byte order marks (UTF-32 first);
/// NUL bytes (UTF-16 without BOM, or a stray few in UTF-8 text, else binary); 7-bit escape encodings (HZ, ISO-2022-*) before
/// ASCII; strict UTF-8 over the whole input; UTF-16 without BOM; then `chardetng` on the first
/// 4 KiB from the first non-ASCII byte, checked against the GB18030, Big5, EUC-JP and EUC-KR
/// readings of the first 16 KiB. The chosen encoding is validated over the whole input.
pub fn decode(bytes: &[u8], options: &DecodeOptions) -> Result<Decoded, DecodeError> {
    if options.encoding.is_none()
        && bom::sniff(bytes).is_none()
        && binary::check_signature(bytes).is_ok()
        && let Some((text, has_cr)) = fast_utf8::decode(bytes)
    {
        let (window, whole) = confidence::window(bytes);
        let confidence = confidence::utf8(window, whole);
        let line_endings = if has_cr { LineEndings::of(&text) } else { LineEndings::without_cr(&text) };
        let info = EncodingInfo {
            encoding: encoding_rs::UTF_8.name(),
            bom: false,
            confidence,
            low_confidence: confidence < LOW_CONFIDENCE,
            line_endings,
            replacements: Vec::new(),
            overridden: false,
            runner_up: None,
        };
        return Ok(Decoded { text, info });
    }
    // One scan tells whether the input holds a NUL or a carriage return byte. Most text holds
    // neither, and then neither the detection nor the line endings need a pass of their own
    // (a decoded NUL or CR is such a byte in every encoding zhclean reads).
    let plain = memchr::memchr2(0, b'\r', bytes).is_none();
    let (verdict, overridden) = match options.encoding {
        Some(encoding) => (forced(bytes, encoding)?, true),
        None => (detect::detect(bytes, plain)?, false),
    };
    let (text, replacements) = match verdict.utf8 {
        Some(text) => (text.to_owned(), Vec::new()),
        None => transcode::decode(verdict.scheme, &bytes[verdict.bom_len..], verdict.bom_len, options.lossy)?,
    };
    let info = EncodingInfo {
        encoding: verdict.scheme.name(),
        bom: verdict.bom_len > 0,
        confidence: verdict.confidence,
        low_confidence: verdict.confidence < LOW_CONFIDENCE,
        line_endings: if plain { LineEndings::without_cr(&text) } else { LineEndings::of(&text) },
        replacements,
        overridden,
        runner_up: verdict.runner_up,
    };
    Ok(Decoded { text, info })
}

/// The verdict for `--encoding`: the given encoding, after its own byte order mark if present.
fn forced<'a>(bytes: &'a [u8], encoding: &'static encoding_rs::Encoding) -> Result<Verdict<'a>, DecodeError> {
    binary::check_signature(bytes)?;
    let scheme = Scheme::of(encoding);
    binary::check_nul(scheme, bytes)?;
    let bom_len = bom::own_bom_len(encoding, bytes);
    Ok(Verdict { scheme, bom_len, confidence: 1.0, utf8: None, runner_up: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_reads_the_lines_in_scope() {
        let text = "前言 鍙屾柟鎸囧嚭\n后记 鍙屾柟鎸囧嚭\n";
        let mut doc = Document::new(text);
        repair(&mut doc, |_| true, &Scope::Changed(vec![TextRange::empty(32)]));
        assert_eq!(doc.text(), "前言 鍙屾柟鎸囧嚭\n后记 双方指出\n");
        repair(&mut doc, |_| true, &Scope::All);
        assert_eq!(doc.text(), "前言 双方指出\n后记 双方指出\n");
        assert_eq!(
            doc.edits().iter().map(|e| e.range).collect::<Vec<_>>(),
            [TextRange::new(33, 51), TextRange::new(7, 25)]
        );
    }
}

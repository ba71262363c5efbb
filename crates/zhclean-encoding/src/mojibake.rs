//! ## What it does
//! Repairs UTF-8 text that was once read as Windows-1252/Latin-1 (`å\u{8F}\u{8C}æ\u{96}¹`) or as
//! GBK (`鍙屾柟`) and saved again, where turning the characters back into their bytes and reading
//! those as UTF-8 is lossless and gives clearly more Chinese text.
//!
//! ## Why
//! A file opened in the wrong encoding and saved again turns every Chinese character into two or
//! three others. The damage is mechanical and can be undone exactly where no byte was lost.
//!
//! ## Example
//! ```text
//! 鍙屾柟鎸囧嚭         → 双方指出
//! ```
//!
//! ## Fix safety
//! Safe: a repair is made only where the round trip is lossless and the result reads as Chinese;
//! what cannot be repaired exactly is reported (`unrepairable-mojibake`).

use crate::frequent::is_frequent;
use encoding_rs::{Encoder, EncoderResult, GBK, WINDOWS_1252};
use std::ops::Range;
use std::sync::OnceLock;
use zhclean_core::chars::is_cjk_punctuation;
use zhclean_core::{Change, TextRange};

/// The rule name of mojibake repairs.
pub const RULE: &str = zhclean_core::registry::MOJIBAKE_REPAIRED.name;

/// Least share of unusual characters (not frequent Han, not Chinese punctuation) in a span of
/// non-ASCII characters for it to be scanned.
const MIN_UNUSUAL: f32 = 0.3;
/// Least share of frequent Han characters and Chinese punctuation in repaired text.
const MIN_CHINESE: f32 = 0.5;
/// Least length in characters of a repair that is only part of its run.
const MIN_PART: usize = 2;
/// Least gain in that share over the mojibake.
const MIN_GAIN: f32 = 0.25;

/// What [`repair_mojibake`] found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MojibakeRepair {
    /// Lossless repairs (rule [`RULE`]), sorted and disjoint, as byte ranges of the text.
    pub changes: Vec<Change>,
    /// Byte ranges of the text that look like mojibake but do not round-trip, sorted and disjoint.
    pub unrepairable: Vec<TextRange>,
}

/// Finds mojibake in `text` and repairs what round-trips losslessly; see the module documentation.
pub fn repair_mojibake(text: &str) -> MojibakeRepair {
    let mut found = MojibakeRepair::default();
    let mut gbk = MojibakeRepair::default();
    for span in suspicious_spans(text) {
        scan(text, span.clone(), Misreading::Windows1252, &mut found);
        scan(text, span, Misreading::Gbk, &mut gbk);
    }
    // Where both misreadings fit, Windows-1252 wins (its runs are the more specific).
    let mut taken: Vec<TextRange> = found.changes.iter().map(|c| c.range).chain(found.unrepairable.clone()).collect();
    taken.sort();
    let free = |range: &TextRange| {
        let after = taken.partition_point(|t| t.end <= range.start);
        taken.get(after).is_none_or(|t| t.start >= range.end)
    };
    found.changes.extend(gbk.changes.into_iter().filter(|c| free(&c.range)));
    found.unrepairable.extend(gbk.unrepairable.into_iter().filter(free));
    found.changes.sort_by_key(|c| c.range);
    found.unrepairable.sort();
    found
}

/// The maximal spans of non-ASCII characters of which at least [`MIN_UNUSUAL`] are neither
/// frequent Han characters nor Chinese punctuation: the only places mojibake can be (both
/// misreadings produce mostly rare characters), found without encoding ordinary text.
fn suspicious_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let (mut start, mut chars, mut unusual) = (0, 0usize, 0usize);
    for (offset, c) in text.char_indices().chain([(text.len(), '\0')]) {
        if !c.is_ascii() {
            chars += 1;
            unusual += usize::from(!is_chinese(c));
            continue;
        }
        if unusual as f32 >= MIN_UNUSUAL * chars as f32 && chars > 0 {
            spans.push(start..offset);
        }
        (start, chars, unusual) = (offset + c.len_utf8(), 0, 0);
    }
    spans
}

/// True for frequent Han characters and Chinese punctuation.
fn is_chinese(c: char) -> bool {
    is_frequent(c) || is_cjk_punctuation(c)
}

/// How UTF-8 bytes were misread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Misreading {
    /// As Windows-1252 or Latin-1: one character per byte.
    Windows1252,
    /// As GBK: one character per two bytes (per byte for 0x80, `€`).
    Gbk,
}

impl Misreading {
    /// Appends to `image` the bytes this misreading turned into `c`; false when it never produces
    /// `c` from non-ASCII bytes.
    fn push_bytes(self, c: char, image: &mut Vec<u8>, gbk: &mut Encoder) -> bool {
        if c.is_ascii() {
            return false;
        }
        match self {
            Self::Windows1252 => match windows_1252_byte(c) {
                Some(byte) => {
                    image.push(byte);
                    true
                }
                None => false,
            },
            Self::Gbk => {
                let mut buffer = [0u8; 4];
                let (result, _, written) =
                    gbk.encode_from_utf8_without_replacement(c.encode_utf8(&mut [0; 4]), &mut buffer, false);
                image.extend_from_slice(&buffer[..written]);
                result == EncoderResult::InputEmpty && buffer[..written].iter().all(|b| !b.is_ascii())
            }
        }
    }
}

/// The byte Windows-1252 (or Latin-1, for U+0080–U+009F) decodes to `c`.
fn windows_1252_byte(c: char) -> Option<u8> {
    static HIGH: OnceLock<Vec<char>> = OnceLock::new();
    if let Ok(byte) = u8::try_from(u32::from(c)) {
        return Some(byte);
    }
    let high = HIGH.get_or_init(|| {
        let bytes: Vec<u8> = (0x80..=0x9F).collect();
        WINDOWS_1252.decode_without_bom_handling(&bytes).0.chars().collect()
    });
    high.iter().position(|&h| h == c).map(|i| 0x80 + i as u8)
}

/// A run: characters of the text with the image offset each starts at.
#[derive(Default)]
struct Run {
    /// (text offset, image offset) of each character.
    chars: Vec<(usize, usize)>,
    /// Text offset just past the run.
    end: usize,
    /// The bytes the characters were decoded from.
    image: Vec<u8>,
}

impl Run {
    fn start(&self) -> usize {
        self.chars[0].0
    }

    /// True when a character of the run starts at image offset `at` (or the run ends there).
    fn is_boundary(&self, at: usize) -> bool {
        at == self.image.len() || self.chars.binary_search_by_key(&at, |&(_, image)| image).is_ok()
    }

    /// The text offset of image offset `at`, a boundary.
    fn text_offset(&self, at: usize) -> usize {
        match self.chars.binary_search_by_key(&at, |&(_, image)| image) {
            Ok(i) => self.chars[i].0,
            Err(_) => self.end,
        }
    }
}

/// Cuts `span` of `text` into runs of `misreading` and examines each.
fn scan(text: &str, span: Range<usize>, misreading: Misreading, found: &mut MojibakeRepair) {
    let mut gbk = GBK.new_encoder();
    let mut run = Run::default();
    for (offset, c) in text[span.clone()].char_indices() {
        let (offset, image_len) = (span.start + offset, run.image.len());
        if misreading.push_bytes(c, &mut run.image, &mut gbk) {
            run.chars.push((offset, image_len));
            run.end = offset + c.len_utf8();
        } else {
            run.image.truncate(image_len);
            examine(text, &std::mem::take(&mut run), found);
        }
    }
    examine(text, &run, found);
}

/// Makes the plausible repairs of `run`, and reports what is left of the run next to them (and a
/// lone character cut short before U+FFFD) unless it is ordinary Chinese text.
fn examine(text: &str, run: &Run, found: &mut MojibakeRepair) {
    if run.chars.is_empty() {
        return;
    }
    let whole = run.start()..run.end;
    let repairs: Vec<(Range<usize>, &str)> = valid_stretches(&run.image)
        .into_iter()
        .filter_map(|stretch| align(run, stretch))
        .map(|image| (run.text_offset(image.start)..run.text_offset(image.end), utf8(&run.image[image])))
        .filter(|(range, repaired)| is_plausible(&text[range.clone()], repaired, *range == whole))
        .collect();
    let lost = text[run.end..].chars().take_while(|&c| c == '\u{FFFD}').count() * '\u{FFFD}'.len_utf8();
    if repairs.is_empty() {
        if lost > 0 && is_cut_short(&run.image) {
            push_range(&mut found.unrepairable, run.start()..run.end + lost);
        }
        return;
    }
    let mut cursor = run.start();
    for (range, repaired) in repairs {
        push_leftover(text, &mut found.unrepairable, cursor..range.start);
        cursor = range.end;
        found.changes.push(Change::replace(RULE, range.into(), repaired));
    }
    push_leftover(text, &mut found.unrepairable, cursor..run.end + lost);
}

/// True when `repaired` should replace `mojibake`: it is clearly more Chinese, has nothing foreign
/// to Chinese text, and it replaces a
/// whole run (`ä¸­` → `中`) or has [`MIN_PART`] characters or more (a short valid stretch inside
/// a run of rare characters can be chance).
fn is_plausible(mojibake: &str, repaired: &str, whole_run: bool) -> bool {
    let share = chinese_share(repaired);
    (whole_run || repaired.chars().nth(MIN_PART - 1).is_some())
        && !repaired.chars().any(is_foreign)
        && share >= MIN_CHINESE
        && share >= chinese_share(mojibake) + MIN_GAIN
}

/// True for characters that never occur in Chinese text: Hangul, private use, controls.
fn is_foreign(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{E000}'..='\u{F8FF}') || c.is_control()
}

/// Reports `range`, a piece of a run next to repairs, as unrepairable unless it reads as Chinese
/// (correct text right before or after the mojibake) and lost no byte.
fn push_leftover(text: &str, ranges: &mut Vec<TextRange>, range: Range<usize>) {
    let piece = &text[range.clone()];
    if piece.contains('\u{FFFD}') || chinese_share(piece) < MIN_CHINESE {
        push_range(ranges, range);
    }
}

/// True when `image` is the start of a multi-byte UTF-8 character and nothing else: a character
/// whose last bytes were lost (a GBK misreading replaces an odd byte before ASCII with U+FFFD).
fn is_cut_short(image: &[u8]) -> bool {
    image.len() >= 2 && std::str::from_utf8(image).is_err_and(|e| e.valid_up_to() == 0 && e.error_len().is_none())
}

/// Appends `range` (when not empty), merging it with the last range when they touch.
fn push_range(ranges: &mut Vec<TextRange>, range: Range<usize>) {
    if range.is_empty() {
        return;
    }
    match ranges.last_mut() {
        Some(last) if last.end == range.start => last.end = range.end,
        _ => ranges.push(range.into()),
    }
}

/// The maximal stretches of `image` that are valid UTF-8.
fn valid_stretches(image: &[u8]) -> Vec<Range<usize>> {
    let mut stretches = Vec::new();
    let mut at = 0;
    while at < image.len() {
        let (valid, skip) = match std::str::from_utf8(&image[at..]) {
            Ok(_) => (image.len() - at, 0),
            Err(e) => (e.valid_up_to(), e.error_len().unwrap_or(image.len() - at - e.valid_up_to())),
        };
        if valid > 0 {
            stretches.push(at..at + valid);
        }
        at += valid + skip;
    }
    stretches
}

/// Shrinks the valid `stretch` to the longest part that starts and ends at a character of the
/// run and of UTF-8 alike.
fn align(run: &Run, stretch: Range<usize>) -> Option<Range<usize>> {
    let decoded = utf8(&run.image[stretch.clone()]);
    let mut starts = decoded.char_indices().map(|(i, _)| stretch.start + i).chain([stretch.end]);
    let start = starts.find(|&at| run.is_boundary(at))?;
    let end = decoded
        .char_indices()
        .map(|(i, c)| stretch.start + i + c.len_utf8())
        .rev()
        .find(|&at| at > start && run.is_boundary(at))?;
    Some(start..end)
}

/// `bytes`, known to be valid UTF-8, as text.
fn utf8(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// The share of frequent Han characters and Chinese punctuation among the characters of `text`.
fn chinese_share(text: &str) -> f32 {
    let (mut chinese, mut all) = (0usize, 0usize);
    for c in text.chars() {
        all += 1;
        chinese += usize::from(is_chinese(c));
    }
    if all == 0 { 0.0 } else { chinese as f32 / all as f32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies the repairs to `text`.
    fn apply(text: &str, repair: &MojibakeRepair) -> String {
        let mut out = text.to_owned();
        for change in repair.changes.iter().rev() {
            out.replace_range(change.range.as_range(), &change.replacement);
        }
        out
    }

    fn misread(encoding: &'static encoding_rs::Encoding, text: &str) -> String {
        encoding.decode_without_bom_handling(text.as_bytes()).0.into_owned()
    }

    #[test]
    fn latin1_and_windows_1252_misreadings() {
        let text = "å\u{8F}\u{8C}æ\u{96}¹";
        let repair = repair_mojibake(text);
        assert_eq!(repair.changes, [Change::replace(RULE, TextRange::new(0, 12), "双方")]);
        assert_eq!(repair.unrepairable, []);
        let mixed = format!("标题: {}，2025年", misread(WINDOWS_1252, "双方指出"));
        assert_eq!(apply(&mixed, &repair_mojibake(&mixed)), "标题: 双方指出，2025年");
    }

    #[test]
    fn gbk_misreading() {
        let text = "前言 鍙屾柟鎸囧嚭 后记";
        let repair = repair_mojibake(text);
        assert_eq!(repair.changes, [Change::replace(RULE, TextRange::new(7, 25), "双方指出")]);
        assert_eq!(apply(text, &repair), "前言 双方指出 后记");
        assert_eq!(repair.unrepairable, []);
    }

    #[test]
    fn a_lost_byte_is_unrepairable_and_the_rest_repaired() {
        // "双方指" (9 bytes) read as GBK: the last byte is lost before the line break.
        let text = misread(GBK, "双方指\n");
        assert_eq!(text, "鍙屾柟鎸\u{FFFD}\n");
        let repair = repair_mojibake(&text);
        assert_eq!(repair.changes, [Change::replace(RULE, TextRange::new(0, 9), "双方")]);
        assert_eq!(repair.unrepairable, [TextRange::new(9, 15)]);
    }

    #[test]
    fn both_misreadings_in_one_text() {
        let text = format!("甲：{}；乙：{}。", misread(GBK, "双方指出"), misread(WINDOWS_1252, "联合声明"));
        let repair = repair_mojibake(&text);
        assert_eq!(repair.changes.len(), 2);
        assert_eq!(apply(&text, &repair), "甲：双方指出；乙：联合声明。");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in ["系统", "ϵͳ", "café “双方” —— 弗·弗·普京 3×4 20°C", "Größe naïve façade", "中华人民共和国"]
        {
            assert_eq!(repair_mojibake(text), MojibakeRepair::default(), "{text}");
        }
    }
}

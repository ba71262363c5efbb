//! ## What it does
//! Finds a paragraph that repeats an earlier paragraph of the same document, and names the
//! line of the earlier one: word for word (ignoring surrounding whitespace), as the head of the
//! earlier paragraph (or the earlier one as its head), sharing a long tail with it, or differing
//! from it in a few characters. Near-duplicates are found in linear time from sampled
//! character shingles (Chinese has no spaces to split words on), then confirmed by comparing
//! the two paragraphs.
//!
//! ## Why
//! Scrapers and PDF converters repeat blocks when pages overlap or a page is extracted twice.
//! A repeated paragraph in a statement or a corpus doubles its weight and hides missing text.
//!
//! ## Example
//! ```text
//! 双方将加强国际奥委会和亚奥理事会有关倡议和决定，……
//!
//! 双方将加强国际奥委会和亚奥理事会有关倡议和决定，……   ← same as the paragraph at line 1
//! ```
//!
//! ## Fix safety
//! For an exact repeat, the fix deletes the second copy. It is **unsafe**: some documents
//! repeat a paragraph on purpose, and only a reader can tell. Apply it with `--unsafe-fixes`.
//! Near-duplicates have no fix: which version is right needs a reader.
//!
//! Items of enumerations (`一、…`, `（二）…`, `——…`) are left out: lists in different places
//! repeat their items. A shared tail must be at least 60 characters long: shorter ones are the
//! formulae of official texts.

use crate::Context;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use smallvec::SmallVec;
use std::collections::hash_map::Entry;
use zhclean_core::{Applicability, Change, Diagnostic, Fix, TextRange};

pub use zhclean_core::registry::DUPLICATE_PARAGRAPH as RULE;

/// Paragraphs shorter than this (in characters) are headings or signatures, not duplicates.
const MIN_CHARS: usize = 10;

/// Reports every paragraph that repeats an earlier one, exactly or nearly.
pub fn check(context: &Context) -> Vec<Diagnostic> {
    let mut diagnostics = exact_repeats(context);
    let repeats: HashSet<usize> = diagnostics.iter().map(|d| d.range.start).collect();
    diagnostics.extend(near_repeats(context, &repeats));
    diagnostics.sort_by_key(|d| d.range.start);
    diagnostics
}

fn exact_repeats(context: &Context) -> Vec<Diagnostic> {
    let text = context.text();
    let mut first_seen: HashMap<&str, usize> = HashMap::default();
    let mut diagnostics = Vec::new();
    for paragraph in context.paragraphs() {
        let key = paragraph.text.trim();
        if key.chars().nth(MIN_CHARS - 1).is_none() || is_enumerated(key) {
            continue;
        }
        match first_seen.entry(key) {
            Entry::Vacant(entry) => {
                entry.insert(paragraph.range.start);
            }
            Entry::Occupied(entry) => {
                let first = context.original_line(*entry.get());
                let message = format!("paragraph repeats the paragraph at line {first}");
                diagnostics.push(Diagnostic {
                    fix: Some(Fix {
                        applicability: Applicability::Unsafe,
                        changes: vec![Change::delete(RULE.name, with_separator(text, paragraph.range))],
                    }),
                    ..RULE.diagnostic(paragraph.range, message)
                });
            }
        }
    }
    diagnostics
}

/// Characters per shingle.
const SHINGLE: usize = 6;
/// One shingle in this many is sampled into the index.
const SAMPLE: u64 = 4;
/// A shingle shared by more paragraphs than this is a stock phrase, not evidence.
const COMMON: usize = 30;
/// Earlier paragraphs a paragraph is compared with, at most.
const MAX_COMPARED: usize = 8;
/// Near-duplicates are at least this long, in characters.
const MIN_NEAR_CHARS: usize = 20;

/// Reports paragraphs that repeat the head or tail of an earlier one or nearly all of it.
/// Exact repeats (starting at an offset in `repeats`) are already reported and left out.
///
/// The earlier paragraphs worth comparing with each paragraph are found in one pass over the
/// sampled shingles; the comparisons, which read whole paragraphs, then run on the threads of
/// the current pool.
fn near_repeats(context: &Context, repeats: &HashSet<usize>) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let paragraphs = context.paragraphs();
    if paragraphs.len() < 2 {
        return Vec::new();
    }
    let shingles =
        SampledShingles::of(paragraphs.iter().map(|p| (!repeats.contains(&p.range.start)).then(|| p.text.trim())));
    let candidates = Candidates::of(&shingles);
    let found: Vec<Option<(usize, Relation)>> = (0..paragraphs.len())
        .into_par_iter()
        .with_min_len(COMPARED_PER_TASK)
        .map_init(RecentSets::default, |recent, j| {
            let all = std::cell::OnceCell::new();
            let later = Later { text: paragraphs[j].text.trim(), shingles: shingles.of_paragraph(j), all: &all };
            let found = candidates.of_paragraph(j).iter().find_map(|&i| {
                let (i, earlier) = (i as usize, paragraphs[i as usize].text.trim());
                relation((earlier, shingles.of_paragraph(i)), &later, || recent.get(i, earlier)).map(|r| (i, r))
            });
            if let Some(all) = all.into_inner() {
                recent.keep(j, all);
            }
            found
        })
        .collect();
    let found = paragraphs.iter().zip(found).filter_map(|(paragraph, found)| found.map(|f| (paragraph, f)));
    found
        .map(|(paragraph, (i, relation))| {
            let line = context.original_line(paragraphs[i].range.start);
            RULE.diagnostic(paragraph.range, relation.message(line))
        })
        .collect()
}

/// Paragraphs compared on one thread at a time, at least: the comparisons of a thread share
/// the shingle sets it has hashed.
const COMPARED_PER_TASK: usize = 512;

/// For each paragraph, the earlier paragraphs it is compared with (at most [`MAX_COMPARED`], in
/// order): those that share the most sampled shingles with it, enough of its samples or theirs.
struct Candidates {
    earlier: Vec<u32>,
    /// For each paragraph, where its candidates end in `earlier`.
    ends: Vec<usize>,
}

impl Candidates {
    fn of(shingles: &SampledShingles) -> Self {
        let count = shingles.paragraphs.len();
        let mut index = HolderIndex::default();
        // Shingles shared with each earlier paragraph, counted for one paragraph at a time.
        let mut shared = vec![0u32; count];
        let mut sharing: Vec<usize> = Vec::new();
        let mut candidates = Self { earlier: Vec::new(), ends: Vec::with_capacity(count) };
        for j in 0..count {
            let later = shingles.of_paragraph(j);
            for &hash in later.sampled {
                index.visit_and_add(hash, j, |i| {
                    if shared[i] == 0 {
                        sharing.push(i);
                    }
                    shared[i] += 1;
                });
            }
            // The earlier paragraphs sharing the most shingles are compared, the earliest
            // first: a text whose sentences recur everywhere would otherwise compare each
            // paragraph with hundreds.
            let mut most: Vec<(usize, usize)> =
                sharing.drain(..).map(|i| (i, std::mem::take(&mut shared[i]) as usize)).collect();
            if most.len() > MAX_COMPARED {
                most.select_nth_unstable_by_key(MAX_COMPARED - 1, |&(i, count)| (std::cmp::Reverse(count), i));
                most.truncate(MAX_COMPARED);
            }
            most.sort_unstable();
            let enough = |&(i, count): &(usize, usize)| {
                let smaller = shingles.of_paragraph(i).sampled.len().min(later.sampled.len()).max(1);
                count >= 2 && count * 3 >= smaller
            };
            candidates.earlier.extend(most.iter().filter(|c| enough(c)).map(|&(i, _)| i as u32));
            candidates.ends.push(candidates.earlier.len());
        }
        candidates
    }

    fn of_paragraph(&self, j: usize) -> &[u32] {
        let start = j.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.earlier[start..self.ends[j]]
    }
}

/// The paragraphs that hold each sampled shingle, the first [`COMMON`] + 1 of them.
#[derive(Default)]
struct HolderIndex {
    /// Paragraph numbers, as u32: memory goes with the number of shingles, and most have at
    /// most four holders, held without an allocation of their own.
    holders: HashMap<u32, SmallVec<[u32; 4]>>,
}

impl HolderIndex {
    /// Calls `visit` with each paragraph that holds `hash`, then adds paragraph `j` as a
    /// holder; a shingle with more than [`COMMON`] holders is a stock phrase, and neither.
    fn visit_and_add(&mut self, hash: u32, j: usize, mut visit: impl FnMut(usize)) {
        let holders = self.holders.entry(hash).or_default();
        if holders.len() > COMMON {
            return;
        }
        for &i in holders.iter() {
            visit(i as usize);
        }
        let holder = u32::try_from(j).expect("fewer than 2^32 paragraphs");
        if holders.last() != Some(&holder) {
            holders.push(holder);
        }
    }
}

/// The shingles of one paragraph the index holds: the sampled ones (sorted, distinct), with the
/// paragraph's length in characters.
#[derive(Clone, Copy)]
struct Shingles<'s> {
    chars: usize,
    sampled: &'s [u32],
}

/// The sampled shingles of every paragraph, in one buffer: a large document has hundreds of
/// thousands of paragraphs, and a vector each would scatter the heap.
struct SampledShingles {
    hashes: Vec<u32>,
    /// For each paragraph: where its hashes end, and its length in characters.
    paragraphs: Vec<(usize, usize)>,
}

impl SampledShingles {
    /// The shingles of each text (none for `None`).
    fn of<'t>(texts: impl ExactSizeIterator<Item = Option<&'t str>>) -> Self {
        let mut sampled = Self { hashes: Vec::new(), paragraphs: Vec::with_capacity(texts.len()) };
        for text in texts {
            let start = sampled.hashes.len();
            let text = text.unwrap_or_default();
            sampled.hashes.extend(shingle_hashes(text).filter(|h| (h >> 32) % SAMPLE == 0).map(|h| h as u32));
            sampled.hashes[start..].sort_unstable();
            let distinct = start + dedup_sorted(&mut sampled.hashes[start..]);
            sampled.hashes.truncate(distinct);
            sampled.paragraphs.push((distinct, text.chars().count()));
        }
        sampled
    }

    fn of_paragraph(&self, i: usize) -> Shingles<'_> {
        let start = i.checked_sub(1).map_or(0, |before| self.paragraphs[before].0);
        let (end, chars) = self.paragraphs[i];
        Shingles { chars, sampled: &self.hashes[start..end] }
    }
}

/// Moves the distinct values of sorted `values` to its front; returns how many there are.
fn dedup_sorted(values: &mut [u32]) -> usize {
    let mut kept = 0;
    for k in 0..values.len() {
        if kept == 0 || values[k] != values[kept - 1] {
            values[kept] = values[k];
            kept += 1;
        }
    }
    kept
}

/// All shingles of `text`, sorted and distinct: hashed when two paragraphs are compared and
/// dropped after, so that memory stays proportional to the index.
fn all_shingles(text: &str) -> Vec<u32> {
    let mut all: Vec<u32> = shingle_hashes(text).map(|h| h as u32).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Paragraphs compared lately may well be compared again: their whole shingle sets, with at
/// most [`RECENT_HASHES`] hashes in all, so that memory stays bounded (2 MB).
#[derive(Default)]
struct RecentSets {
    sets: HashMap<usize, std::rc::Rc<Vec<u32>>>,
    hashes: usize,
}

/// Hashes of whole shingle sets kept for comparing again, at most.
const RECENT_HASHES: usize = 1 << 19;

impl RecentSets {
    /// The whole shingle set of paragraph `i`, whose text is `text`.
    fn get(&mut self, i: usize, text: &str) -> std::rc::Rc<Vec<u32>> {
        if let Some(all) = self.sets.get(&i) {
            return all.clone();
        }
        let all = std::rc::Rc::new(all_shingles(text));
        self.keep(i, all.clone());
        all
    }

    fn keep(&mut self, i: usize, all: impl Into<std::rc::Rc<Vec<u32>>>) {
        let all = all.into();
        if self.hashes + all.len() > RECENT_HASHES {
            self.sets.clear();
            self.hashes = 0;
        }
        self.hashes += all.len();
        self.sets.insert(i, all);
    }
}

/// The paragraph being compared with earlier ones, with its whole shingle set once hashed.
struct Later<'a> {
    text: &'a str,
    shingles: Shingles<'a>,
    all: &'a std::cell::OnceCell<Vec<u32>>,
}

/// Shared shingles as a percentage of all shingles of two paragraphs (sorted, distinct).
fn jaccard_percent(x: &[u32], y: &[u32]) -> usize {
    let (mut a, mut b) = (0, 0);
    let mut shared = 0;
    while a < x.len() && b < y.len() {
        match x[a].cmp(&y[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                a += 1;
                b += 1;
            }
        }
    }
    let union = x.len() + y.len() - shared;
    (shared * 100).checked_div(union).unwrap_or(0)
}

/// How a paragraph nearly repeats an earlier one.
enum Relation {
    Head,
    StartsWithEarlier,
    Tail(usize),
    Similar(usize),
}

impl Relation {
    fn message(&self, line: u32) -> String {
        match self {
            Relation::Head => format!("paragraph repeats the beginning of the paragraph at line {line}"),
            Relation::StartsWithEarlier => format!("paragraph begins with the whole paragraph at line {line}"),
            Relation::Tail(n) => format!("paragraph ends with the same {n} characters as the paragraph at line {line}"),
            Relation::Similar(percent) => {
                format!("paragraph nearly repeats the paragraph at line {line} ({percent}% of shingles shared)")
            }
        }
    }
}

/// How the (trimmed) paragraph `later` repeats `earlier`, each with its shingles.
fn relation(
    (a, a_shingles): (&str, Shingles),
    later: &Later,
    a_all: impl FnOnce() -> std::rc::Rc<Vec<u32>>,
) -> Option<Relation> {
    let (b, b_shingles) = (later.text, later.shingles);
    let shorter = a_shingles.chars.min(b_shingles.chars);
    if a == b || shorter < MIN_NEAR_CHARS || (is_enumerated(a) && is_enumerated(b)) {
        return None;
    }
    if common_prefix_chars(a, b) == shorter {
        return Some(if b_shingles.chars < a_shingles.chars { Relation::Head } else { Relation::StartsWithEarlier });
    }
    if !sampled_apart(a_shingles, b_shingles) {
        // Two sets whose sizes differ by more than a fifth share fewer than four in five.
        let (x, y) = (a_all(), later.all.get_or_init(|| all_shingles(b)));
        if x.len().min(y.len()) * 100 >= x.len().max(y.len()) * 80 {
            let percent = jaccard_percent(&x, y);
            if percent >= 80 {
                return Some(Relation::Similar(percent));
            }
        }
    }
    let suffix = common_suffix_chars(a, b);
    (suffix >= MIN_TAIL_CHARS).then_some(Relation::Tail(suffix))
}

/// True when the samples of two paragraphs' shingles (16 or more each) share fewer than half:
/// the whole sets then share far fewer than the four in five of a near repeat.
fn sampled_apart(a: Shingles, b: Shingles) -> bool {
    a.sampled.len().min(b.sampled.len()) >= 16 && jaccard_percent(a.sampled, b.sampled) < 50
}

/// The number of characters `a` and `b` start with in common.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The number of characters `a` and `b` end with in common.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// Shared tails shorter than this are formulae (a law's penalty clause: `處新臺幣…罰鍰，並令其
/// 限期改善`), not copies.
const MIN_TAIL_CHARS: usize = 60;

/// True for an item of an enumeration (`一、`, `（二）`, `3.`, `——`): lists in different places
/// repeat their items (a law lists the same conditions under several articles).
fn is_enumerated(paragraph: &str) -> bool {
    const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '〇', '零'];
    let numeral = |s: &str| s.trim_start_matches(NUMERALS).len() < s.len();
    let after_numeral = paragraph.trim_start_matches(NUMERALS);
    let after_digits = paragraph.trim_start_matches(|c: char| c.is_ascii_digit());
    paragraph.starts_with("——")
        || (numeral(paragraph) && after_numeral.starts_with('、'))
        || (after_digits.len() < paragraph.len() && after_digits.starts_with(['.', '、', '．']))
        || paragraph
            .strip_prefix(['（', '('])
            .is_some_and(|rest| numeral(rest) && rest.trim_start_matches(NUMERALS).starts_with(['）', ')']))
}

/// Hashes of every window of [`SHINGLE`] characters: a polynomial hash rolled along the text,
/// one multiplication per character, then mixed so that every bit depends on every character.
fn shingle_hashes(text: &str) -> impl Iterator<Item = u64> {
    const BASE: u64 = 0x0100_0000_01b3;
    const LEAVING: u64 = BASE.wrapping_pow(SHINGLE as u32);
    let mut window = [0u64; SHINGLE];
    let mut rolling = 0u64;
    text.chars().enumerate().filter_map(move |(n, c)| {
        let slot = &mut window[n % SHINGLE];
        rolling = rolling.wrapping_mul(BASE).wrapping_add(c as u64).wrapping_sub(slot.wrapping_mul(LEAVING));
        *slot = c as u64;
        (n + 1 >= SHINGLE).then(|| mix(rolling))
    })
}

/// The finaliser of SplitMix64: spreads the low bits of `h`, which a polynomial hash of
/// nearby code points leaves alike, over the whole word.
fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// `range` extended over the blank lines that follow it, or, at the end of the text, over the
/// blank lines that precede it, so that deleting it leaves one separator.
fn with_separator(text: &str, range: TextRange) -> TextRange {
    let after = text[range.end..].len() - text[range.end..].trim_start_matches(char::is_whitespace).len();
    if range.end + after < text.len() {
        return TextRange::new(range.start, range.end + after);
    }
    let before = text[..range.start].len() - text[..range.start].trim_end_matches(char::is_whitespace).len();
    TextRange::new(range.start - before, range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhclean_core::Document;

    const PARA: &str = "双方将加强国际奥委会和亚奥理事会有关倡议和决定。";

    fn diagnostics(text: &str) -> Vec<Diagnostic> {
        check(&Context::new(&Document::new(text)))
    }

    #[test]
    fn second_copy_is_reported_with_the_first_line() {
        let text = format!("{PARA}\n\n其他段落内容不一样的文字。\n\n{PARA}\n");
        let found = diagnostics(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(&*found[0].message, "paragraph repeats the paragraph at line 1");
        assert_eq!(&text[found[0].range.as_range()], PARA);
    }

    #[test]
    fn unsafe_fix_removes_the_copy_and_one_separator() {
        let text = format!("{PARA}\n\n{PARA}\n\n结尾的段落也要足够长才行。\n");
        let fix = diagnostics(&text).remove(0).fix.unwrap();
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let mut doc = Document::new(text);
        doc.apply(fix.changes);
        assert_eq!(doc.text(), format!("{PARA}\n\n结尾的段落也要足够长才行。\n"));

        let text = format!("{PARA}\n\n{PARA}\n");
        let mut doc = Document::new(text.clone());
        doc.apply(diagnostics(&text).remove(0).fix.unwrap().changes);
        assert_eq!(doc.text(), format!("{PARA}\n"));
    }

    #[test]
    fn near_repeats_heads_tails_and_small_differences() {
        let long = "中俄反对个别国家企图将外空演成军事对抗疆域的行为，反对利用外空实现军事优势和采取军事行动。双方主张在中俄条约草案基础上尽快启动谈判。";
        let head = "中俄反对个别国家企图将外空演成军事对抗疆域的行为，反对利用外空实现军事优势和采取军事行动。";
        let shared = "呼吁签署《关于防止核战争与避免军备竞赛的联合声明》的国家严格充分遵守其规定。双方将继续就战略稳定问题保持密切沟通协调。";
        let formula = "处五万元以上二十万元以下罚款，并令其限期改正；逾期未改正的，按次处罚。";
        let tail_a = format!("双方反对对个别核武器国家针对其他核武器国家的各类挑衅行为，{shared}");
        let tail_b = format!("双方认为，美国金穹计划旨在构建全球性导弹防御体系，{shared}");
        let item = "未按照规定在显著位置设置禁止吸烟标志或者未设置吸烟区域标志的场所。";
        let formula_a = format!("生产者违反本法第十条规定的，{formula}");
        let formula_b = format!("销售者违反本法第十一条规定的，{formula}");
        let similar = "中俄反对个别国家企图将外空变成军事对抗疆域的行为，反对利用外空实现军事优势和采取军事行动。双方主张在中俄条约草案基础上尽快启动谈判。";
        let text = format!(
            "{long}\n\n{head}\n\n{tail_a}\n\n{tail_b}\n\n{similar}\n\n{formula_a}\n\n{formula_b}\n\n一、{item}\n\n一、{item}\n"
        );
        let messages: Vec<String> = diagnostics(&text).into_iter().map(|d| d.message.to_string()).collect();
        assert_eq!(
            messages,
            [
                "paragraph repeats the beginning of the paragraph at line 1",
                "paragraph ends with the same 60 characters as the paragraph at line 5",
                "paragraph nearly repeats the paragraph at line 1 (82% of shingles shared)",
            ]
        );
    }

    #[test]
    fn short_paragraphs_and_distinct_paragraphs_are_quiet() {
        assert!(diagnostics("一\n\n一\n\n习近平\n\n习近平\n").is_empty());
        assert!(diagnostics(&format!("{PARA}\n\n双方愿深化在联合国大会及安理会框架下的合作。\n")).is_empty());
        let longer = diagnostics(&format!("{PARA}\n\n{PARA}再加一句。\n"));
        assert_eq!(&*longer[0].message, "paragraph begins with the whole paragraph at line 1");
    }
}

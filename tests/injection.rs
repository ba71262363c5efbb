//! Injects defects into clean paragraphs at seeded random positions — a duplicated paragraph, a
//! paragraph cut mid-sentence before one that opens with a subject, a doubled word, a pair of
//! characters that is no word written twice, a lone bracket, an unpunctuated last sentence —
//! and checks that every injection is reported, at its paragraph, and nothing else.

use std::collections::BTreeSet;
use zhclean::{Config, Pipeline};

/// A seeded xorshift generator: the same seed gives the same injections on every machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Pairs of characters that are no word, to be written twice.
const NON_WORDS: &[&str] = &["全和", "取教", "为合", "于发", "作共"];

/// Two-character words that jieba knows, to be doubled.
const WORDS: &[&str] = &["合作", "发展", "国家", "国际", "支持", "加强", "推动", "维护", "继续", "领域"];

fn clean_paragraphs(pipeline: &Pipeline) -> Vec<String> {
    let raw = std::fs::read("corpus/2025-joint-statement.web.txt").unwrap();
    let text = pipeline.clean_bytes(&raw).unwrap().text().to_owned();
    let paragraphs: Vec<String> = text.trim_end().split("\n\n").map(str::to_owned).collect();
    paragraphs[1..paragraphs.len() - 4].to_vec()
}

fn is_body(paragraph: &str) -> bool {
    paragraph.chars().count() >= 40 && !paragraph.starts_with("——")
}

/// Injects one defect of each kind; returns the document and the expected (rule, paragraph).
fn inject(paragraphs: &[String], rng: &mut Rng) -> (Vec<String>, BTreeSet<(&'static str, usize)>) {
    let mut doc = paragraphs.to_vec();
    let body: Vec<usize> = (0..doc.len()).filter(|&i| is_body(&doc[i])).collect();
    let pick = |rng: &mut Rng, candidates: &[usize]| candidates[rng.below(candidates.len())];

    // A doubled word and a lone bracket, each in its own paragraph.
    let doubled =
        pick(rng, &body.iter().copied().filter(|&i| WORDS.iter().any(|w| doc[i].contains(w))).collect::<Vec<_>>());
    let word = WORDS.iter().find(|w| doc[doubled].contains(*w)).unwrap();
    doc[doubled] = doc[doubled].replacen(word, &format!("{word}{word}"), 1);
    let bracket = pick(rng, &body.iter().copied().filter(|&i| i != doubled).collect::<Vec<_>>());
    let chars: Vec<char> = doc[bracket].chars().collect();
    let at = 5 + rng.below(chars.len() - 10);
    doc[bracket] = chars[..at].iter().chain(['《'].iter()).chain(&chars[at..]).collect();

    // Two characters that are no word, written twice (a copy slip across a word boundary).
    let slipped = pick(rng, &body.iter().copied().filter(|&i| ![doubled, bracket].contains(&i)).collect::<Vec<_>>());
    let pair = NON_WORDS[rng.below(NON_WORDS.len())];
    let chars: Vec<char> = doc[slipped].chars().collect();
    let at = 5 + rng.below(chars.len() - 10);
    let slip: Vec<char> = format!("{pair}{pair}").chars().collect();
    doc[slipped] = chars[..at].iter().chain(&slip).chain(&chars[at..]).collect();

    // A paragraph cut mid-sentence, before a paragraph that opens with `双方`.
    let cuttable: Vec<usize> = body
        .iter()
        .copied()
        .filter(|&i| ![doubled, bracket, slipped].contains(&i) && doc.get(i + 1).is_some_and(|n| n.starts_with("双方")))
        .collect();
    let cut = pick(rng, &cuttable);
    let chars: Vec<char> = doc[cut].chars().collect();
    let mut end = chars.len() * 2 / 5 + rng.below(chars.len() / 3);
    while !zhclean_core::chars::is_han(chars[end - 1]) {
        end += 1;
    }
    doc[cut] = chars[..end].iter().collect();
    let cut_inside_a_pair = ["《》", "“”", "（）"].iter().any(|pair| {
        let (open, close) = (pair.chars().next().unwrap(), pair.chars().nth(1).unwrap());
        doc[cut].matches(open).count() != doc[cut].matches(close).count()
    });

    // An exact copy of another paragraph, inserted further down.
    let original = pick(
        rng,
        &body.iter().copied().filter(|&i| ![doubled, bracket, slipped, cut].contains(&i)).collect::<Vec<_>>(),
    );
    let copy_at = original + 1 + rng.below(doc.len() - original);
    let copy = doc[original].clone();
    doc.insert(copy_at, copy);
    let shift = |i: usize| if i >= copy_at { i + 1 } else { i };
    let mut expected: BTreeSet<(&'static str, usize)> = [
        ("doubled-word", shift(doubled)),
        ("doubled-word", shift(slipped)),
        ("unbalanced-pair", shift(bracket)),
        ("truncated-paragraph", shift(cut)),
        ("duplicate-paragraph", copy_at),
    ]
    .into();
    if cut_inside_a_pair {
        // The cut also leaves a bracket or quote open: that is reported too, rightly.
        expected.insert(("unbalanced-pair", shift(cut)));
    }
    (doc, expected)
}

#[test]
fn every_injected_defect_is_reported_and_nothing_else() {
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let paragraphs = clean_paragraphs(&pipeline);
    let (mut injected, mut found_expected, mut false_positives, mut missed) = (0, 0, Vec::new(), Vec::new());
    for seed in 1..=25 {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed);
        let (doc, expected) = inject(&paragraphs, &mut rng);
        let text = doc.join("\n\n") + "\n";
        let report = pipeline.clean_bytes(text.as_bytes()).unwrap();
        let paragraph_of = |offset: usize| text[..offset].matches("\n\n").count();
        let found: BTreeSet<(&str, usize)> =
            report.diagnostics.iter().map(|d| (d.rule, paragraph_of(d.range.start))).collect();
        injected += expected.len();
        found_expected += expected.intersection(&found).count();
        missed.extend(expected.difference(&found).map(|(rule, p)| format!("seed {seed}: {rule} in {}", doc[*p])));

        false_positives
            .extend(found.difference(&expected).map(|(rule, p)| format!("seed {seed}: {rule} in {}", doc[*p])));
    }
    println!("recall {found_expected}/{injected}, false positives {}", false_positives.len());
    assert_eq!(found_expected, injected, "missed: {missed:#?}; unexpected: {false_positives:#?}");
    assert_eq!(false_positives, Vec::<String>::new());
}

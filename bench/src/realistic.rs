//! The realistic bench input: distinct paragraphs, made deterministically by drawing sentences
//! across the paragraphs of the corpus and of `../shared/corpus-real/` with a fixed seed (each
//! paragraph from one document, so that it keeps one script and one register), then
//! the real PDF-extraction and OCR outputs of `../shared/real-extraction/` as they are, so the
//! reflow has real work. A repeated corpus is nearly all exact duplicates; real corpora are not.

use std::path::{Path, PathBuf};

/// The seed of the sentence draw: the same input on every run.
const SEED: u64 = 0x5EED_2026;

/// A small deterministic generator (xorshift64*).
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

/// The `.txt` files of `dir`, sorted.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
}

/// The sentences of `text`: runs ending at `。！？` (the mark kept), paragraph by paragraph.
fn sentences(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for paragraph in text.split("\n\n") {
        let mut sentence = String::new();
        for c in paragraph.trim().chars() {
            sentence.push(c);
            if matches!(c, '。' | '！' | '？') {
                found.push(std::mem::take(&mut sentence));
            }
        }
    }
    found
}

/// At least `mb` megabytes of distinct paragraphs of two to six sentences drawn from the corpus
/// and `corpus-real`, then the extraction cases; and the number of extraction cases.
pub fn build(corpus: &Path, mb: usize) -> Result<(String, usize), String> {
    let mut input = sentences_only(corpus, mb)?;
    let shared = corpus.join("../../shared");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(shared.join("real-extraction/cases"))
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path().join("input.bin"))).collect())
        .unwrap_or_default();
    cases.sort();
    let mut extracted = 0;
    for case in cases {
        if let Ok(text) = String::from_utf8(std::fs::read(&case).unwrap_or_default()) {
            input.push_str(&text);
            input.push_str("\n\n");
            extracted += 1;
        }
    }
    Ok((input, extracted))
}

/// Draws of a paragraph drawn before, in a row, before one is let through.
const MAX_REDRAWS: usize = 64;

/// At least `mb` megabytes of distinct paragraphs drawn from the corpus and `corpus-real`,
/// without the extraction cases: text of the same make at any size.
pub fn sentences_only(corpus: &Path, mb: usize) -> Result<String, String> {
    let shared = corpus.join("../../shared");
    let mut documents = Vec::new();
    for path in texts(corpus).into_iter().chain(texts(&shared.join("corpus-real"))) {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        documents.push(sentences(&text));
    }
    documents.retain(|sentences| !sentences.is_empty());
    if documents.is_empty() {
        return Err(format!("no sentences in {}", corpus.display()));
    }
    let mut draw = Draw(SEED);
    let mut input = String::with_capacity(mb * 1_000_000 + 1_000_000);
    // A paragraph drawn before is drawn again (a few times at most, for the small pools): the
    // text stays of one make at any size, where repeats would make large inputs cheaper.
    let mut drawn = std::collections::HashSet::new();
    let mut paragraph = String::new();
    let mut redrawn = 0;
    while input.len() < mb * 1_000_000 {
        let pool = &documents[draw.below(documents.len())];
        paragraph.clear();
        for _ in 0..2 + draw.below(5) {
            paragraph.push_str(&pool[draw.below(pool.len())]);
        }
        let hash = std::hash::BuildHasher::hash_one(
            &std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default(),
            &paragraph,
        );
        if !drawn.insert(hash) && redrawn < MAX_REDRAWS {
            redrawn += 1;
            continue;
        }
        redrawn = 0;
        input.push_str(&paragraph);
        input.push_str("\n\n");
    }
    Ok(input)
}

//! With the `system-opencc` feature: the embedded and the system OpenCC agree on every corpus
//! document, for the conversions both ways — except where their dictionaries differ. The one
//! difference on this corpus is listed exactly, so that any other shows up.
#![cfg(feature = "system-opencc")]

use zhclean_convert::{Backend, Converter};

/// The characters where two conversions of the same line differ, with four characters of
/// context before: `(context, embedded, system)`.
fn differing_characters(embedded: &str, system: &str) -> Vec<(String, char, char)> {
    let (a, b): (Vec<char>, Vec<char>) = (embedded.chars().collect(), system.chars().collect());
    assert_eq!(a.len(), b.len(), "conversions of different length:\n{embedded}\n{system}");
    (0..a.len()).filter(|&i| a[i] != b[i]).map(|i| (a[i.saturating_sub(4)..i].iter().collect(), a[i], b[i])).collect()
}

#[test]
fn embedded_and_system_backends_agree_on_the_corpus() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut paths: Vec<_> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut differences = Vec::new();
    for config in ["t2s", "s2t", "s2tw", "tw2s", "s2hk", "hk2s"] {
        let embedded = Converter::with_backend(config, Backend::Embedded).unwrap();
        let system = Converter::with_backend(config, Backend::System).unwrap();
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            for (a, b) in embedded.convert(&text).lines().zip(system.convert(&text).lines()) {
                for (context, x, y) in differing_characters(a, b) {
                    differences.push(format!("{config} {name}: {context}[{x}|{y}]"));
                }
            }
        }
    }
    // The embedded dictionaries have the phrase 一齣 (one act of a play), which also matches
    // inside 唯一出路; the system's OpenCC 1.1.6 converts 出路 correctly.
    assert_eq!(
        differences,
        [
            "s2t 2025-joint-statement.web.txt: 題的唯一[齣|出]",
            "s2tw 2025-joint-statement.web.txt: 題的唯一[齣|出]",
            "s2hk 2025-joint-statement.web.txt: 題的唯一[齣|出]",
        ]
    );
}

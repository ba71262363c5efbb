//! With the `system-opencc` feature: the embedded backends and the system OpenCC agree on every corpus
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

/// Every difference between `backend` and the system OpenCC on the corpus, as
/// `config file: context[backend|system]`.
fn differences_from_system(backend: Backend) -> Vec<String> {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
    let mut paths: Vec<_> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut differences = Vec::new();
    for config in ["t2s", "s2t", "s2tw", "tw2s", "s2hk", "hk2s"] {
        let embedded = Converter::with_backend(config, backend).unwrap();
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
    differences
}

#[test]
fn embedded_and_system_backends_agree_on_the_corpus() {
    // The embedded dictionaries have the phrase 一齣 (one act of a play), which also matches
    // inside 唯一出路; the system's OpenCC 1.1.6 converts 出路 correctly.
    for backend in [Backend::Automaton, Backend::Embedded] {
        assert_eq!(
            differences_from_system(backend),
            [
                "s2t 2025-joint-statement.web.txt: 題的唯一[齣|出]",
                "s2tw 2025-joint-statement.web.txt: 題的唯一[齣|出]",
                "s2hk 2025-joint-statement.web.txt: 題的唯一[齣|出]",
            ],
            "{backend:?}"
        );
    }
}

/// `opencc-fmmseg` bundles newer dictionaries: it writes `為` where the system writes `爲`, and
/// turns the `著` of simplified `显著` into `着` (`t2s`). Its differences, by configuration and
/// characters (`fmmseg|system`), counted.
#[test]
fn fmmseg_differs_from_the_system_backend_on_the_corpus() {
    let mut pairs: Vec<String> = differences_from_system(Backend::Fmmseg)
        .iter()
        .map(|d| {
            let (config, rest) = d.split_once(' ').unwrap();
            format!("{config} {}", &rest[rest.find('[').unwrap()..])
        })
        .collect();
    pairs.sort();
    let mut counted: Vec<(String, usize)> = Vec::new();
    for pair in pairs {
        match counted.last_mut() {
            Some((last, n)) if *last == pair => *n += 1,
            _ => counted.push((pair, 1)),
        }
    }
    let counted: Vec<String> = counted.into_iter().map(|(pair, n)| format!("{pair} ×{n}")).collect();
    assert_eq!(
        counted,
        [
            "hk2s [着|著] ×1",
            "s2hk [啟|啓] ×7",
            "s2hk [峰|峯] ×5",
            "s2hk [著|着] ×10",
            "s2hk [齣|出] ×1",
            "s2t [偽|僞] ×2",
            "s2t [啟|啓] ×7",
            "s2t [峰|峯] ×5",
            "s2t [為|爲] ×271",
            "s2t [秘|祕] ×2",
            "s2t [著|着] ×10",
            "s2t [齣|出] ×1",
            "s2tw [齣|出] ×1",
            "t2s [着|著] ×1",
        ]
    );
}

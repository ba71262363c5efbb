//! OpenCC conversion by Aho–Corasick automata over OpenCC's dictionaries (the sources that
//! `ferrous-opencc` compiles, copied into `data/opencc/` by `cargo xtask opencc-tables`).
//!
//! A configuration is a chain of steps; each step matches the entries of its dictionaries
//! (the earlier dictionary's entry where two share a key) longest first from the left, as
//! OpenCC's maximum matching does, and replaces each match with its first value. One
//! automaton per step finds every match in one pass, so a step costs about as much as a scan
//! of the text.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet as HashSet;

/// A line per configuration: its name, then its steps, a step's dictionaries joined by `+`.
const CHAINS: &str = include_str!("../data/opencc/chains.txt");

/// The text of the dictionary `name` (a `key<TAB>value` line per entry).
fn dictionary(name: &str) -> Option<&'static str> {
    macro_rules! dictionaries {
        ($($name:literal),*) => {
            match name {
                $($name => Some(include_str!(concat!("../data/opencc/", $name, ".txt"))),)*
                _ => None,
            }
        };
    }
    dictionaries!(
        "HKVariants",
        "HKVariantsRev",
        "HKVariantsRevPhrases",
        "STCharacters",
        "STPhrases",
        "TSCharacters",
        "TSPhrases",
        "TWPhrases",
        "TWPhrasesRev",
        "TWVariants",
        "TWVariantsRev",
        "TWVariantsRevPhrases"
    )
}

/// A loaded configuration: its steps, in order.
pub(crate) struct Automaton {
    steps: Vec<Step>,
}

/// One step of a chain: an automaton over the keys of its dictionaries and the value of each.
struct Step {
    keys: AhoCorasick,
    values: Vec<&'static str>,
}

/// The steps of configuration `name` in [`CHAINS`] (`STPhrases+STCharacters TWVariants`).
fn chain(name: &str) -> Result<&'static str, String> {
    CHAINS
        .lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
        .ok_or_else(|| format!("no conversion chain for `{name}`"))
}

impl Automaton {
    /// The configuration `name` of [`CHAINS`], or what is missing.
    pub(crate) fn new(name: &str) -> Result<Self, String> {
        let steps = chain(name)?.split(' ').map(|step| Step::new(step.split('+'))).collect::<Result<_, _>>()?;
        Ok(Self { steps })
    }

    /// The bytes of the dictionaries of configuration `name`: what building it costs.
    fn dictionary_bytes(name: &str) -> Result<usize, String> {
        let names = chain(name)?.split([' ', '+']);
        names.map(|name| dictionary(name).map(str::len).ok_or_else(|| format!("no dictionary `{name}`"))).sum()
    }

    /// Converts `text`, step after step.
    pub(crate) fn convert(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for step in &self.steps {
            text = step.keys.replace_all(&text, &step.values);
        }
        text
    }
}

/// The automata of a configuration, built once it has converted enough text to pay for them:
/// until then `ferrous-opencc` converts (it loads nothing, but is several times slower).
/// Building takes about 5 ms for `t2s` and 180 ms for `s2t` (its phrase dictionary holds
/// 48,000 entries), so a pre-commit check of one page never builds them and a corpus does at
/// once. Both give the same text (a test compares them).
pub(crate) struct Adaptive {
    name: String,
    ferrous: ferrous_opencc::OpenCC,
    automaton: std::sync::OnceLock<Automaton>,
    /// Bytes converted so far, and how many make the automata worth building.
    converted: std::sync::atomic::AtomicUsize,
    worth_building: usize,
}

/// Text converted per byte of dictionary before the automata are built: building costs about
/// as much as converting this much text with `ferrous-opencc` would save.
const CONVERTED_PER_DICTIONARY_BYTE: usize = 8;

impl Adaptive {
    /// Configuration `name`, with `ferrous` loaded for it.
    pub(crate) fn new(name: &str, ferrous: ferrous_opencc::OpenCC) -> Result<Self, String> {
        let worth_building = Automaton::dictionary_bytes(name)? * CONVERTED_PER_DICTIONARY_BYTE;
        Ok(Self {
            name: name.to_owned(),
            ferrous,
            automaton: std::sync::OnceLock::new(),
            converted: std::sync::atomic::AtomicUsize::new(0),
            worth_building,
        })
    }

    /// Converts `text`.
    pub(crate) fn convert(&self, text: &str) -> String {
        if let Some(automaton) = self.automaton.get() {
            return automaton.convert(text);
        }
        let converted = self.converted.fetch_add(text.len(), std::sync::atomic::Ordering::Relaxed) + text.len();
        if converted < self.worth_building {
            return self.ferrous.convert(text);
        }
        self.automaton.get_or_init(|| Automaton::new(&self.name).expect("the configuration was checked")).convert(text)
    }
}

impl Step {
    /// The step that matches the entries of `names`, the first dictionary's where several
    /// have a key.
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Result<Self, String> {
        let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::default();
        for name in names {
            let text = dictionary(name).ok_or_else(|| format!("no dictionary `{name}`"))?;
            for (key, value) in text.lines().filter(|line| !line.starts_with('#')).filter_map(|l| l.split_once('\t')) {
                if seen.insert(key) {
                    entries.push((key, value));
                }
            }
        }
        let keys = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(entries.iter().map(|(key, _)| key))
            .map_err(|e| e.to_string())?;
        Ok(Self { keys, values: entries.into_iter().map(|(_, value)| value).collect() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_entry_from_the_left_wins() {
        let t2s = Automaton::new("t2s").unwrap();
        assert_eq!(t2s.convert("一目瞭然，中小學生和老師都瞭解。"), "一目了然，中小学生和老师都了解。");
        let s2t = Automaton::new("s2t").unwrap();
        assert_eq!(s2t.convert("乾坤日夜浮，头发白了"), "乾坤日夜浮，頭髮白了");
        let s2twp = Automaton::new("s2twp").unwrap();
        assert_eq!(s2twp.convert("鼠标和软件"), "滑鼠和軟體");
    }

    #[test]
    fn the_automata_are_built_once_enough_text_is_converted() {
        let adaptive = Adaptive::new("t2s", crate::converter::ferrous("t2s.json").unwrap()).unwrap();
        assert_eq!(adaptive.convert("中小學生"), "中小学生");
        assert!(adaptive.automaton.get().is_none());
        let long = "老師瞭解學生。".repeat(adaptive.worth_building / "老師瞭解學生。".len() + 1);
        assert_eq!(adaptive.convert(&long), "老师了解学生。".repeat(long.len() / "老師瞭解學生。".len()));
        assert!(adaptive.automaton.get().is_some());
        assert_eq!(adaptive.convert("中小學生"), "中小学生");
    }

    #[test]
    fn every_configuration_has_a_chain_and_its_dictionaries() {
        for name in crate::CONFIGS {
            assert!(Automaton::new(name).is_ok(), "{name}");
        }
        assert!(Automaton::new("x2y").is_err());
    }
}

//! OpenCC conversion by Aho–Corasick automata over OpenCC's dictionaries (the sources that
//! `ferrous-opencc` compiles, copied into `data/opencc/` by `cargo xtask opencc-tables`).
//!
//! A configuration is a chain of steps; each step matches the entries of its dictionaries
//! (the earlier dictionary's entry where two share a key) longest first from the left, as
//! OpenCC's maximum matching does, and replaces each match with its first value. One
//! automaton per step finds every match in one pass, so a step costs about as much as a scan
//! of the text.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap as HashMap;

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

impl Automaton {
    /// The configuration `name` of [`CHAINS`], or what is missing.
    pub(crate) fn new(name: &str) -> Result<Self, String> {
        let chain = CHAINS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(' '))
            .ok_or_else(|| format!("no conversion chain for `{name}`"))?;
        let steps = chain.split(' ').map(|step| Step::new(step.split('+'))).collect::<Result<_, _>>()?;
        Ok(Self { steps })
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

impl Step {
    /// The step that matches the entries of `names`, the first dictionary's where several
    /// have a key.
    fn new<'a>(names: impl Iterator<Item = &'a str>) -> Result<Self, String> {
        let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
        let mut seen: HashMap<&str, ()> = HashMap::default();
        for name in names {
            let text = dictionary(name).ok_or_else(|| format!("no dictionary `{name}`"))?;
            for (key, value) in text.lines().filter(|line| !line.starts_with('#')).filter_map(|l| l.split_once('\t')) {
                if seen.insert(key, ()).is_none() {
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
    fn every_configuration_has_a_chain_and_its_dictionaries() {
        for name in crate::CONFIGS {
            assert!(Automaton::new(name).is_ok(), "{name}");
        }
        assert!(Automaton::new("x2y").is_err());
    }
}

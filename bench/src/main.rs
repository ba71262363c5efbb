//! Measures zhclean's throughput per stage and for the whole pipeline, next to the peer tool
//! `autocorrect` on the same input, in one run. Run it with `cargo xtask bench`.

mod linear;
mod realistic;
mod system;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use zhclean::{Config, Document, Pipeline, Stage};

/// Each measurement is the best of this many runs.
const RUNS: usize = 3;

fn main() -> Result<(), String> {
    zhclean::allocator::return_large_blocks_to_the_system();
    let args = parse_args()?;
    let realistic = |mb: usize| realistic::build(&args.corpus, mb).map(|(text, _)| text);
    let sentences = |mb: usize| realistic::sentences_only(&args.corpus, mb);
    match args.mode {
        Mode::SaveInput(path) => {
            return std::fs::write(&path, realistic(args.mb)?).map_err(|e| format!("{}: {e}", path.display()));
        }
        Mode::PeakMemory(path) => return system::report_peak_memory(&path),
        Mode::TimeShape(name) => return linear::time_shape(&name, args.mb, sentences),
        Mode::Linear => {}
        Mode::All => {
            throughput(args.mb, &args.corpus)?;
            println!();
            if let Some(zhclean) = &args.zhclean {
                command_line(zhclean, &realistic(args.mb)?, realistic)?;
                println!();
            }
        }
    }
    linear::sizes(&args.corpus)?;
    println!();
    linear::run();
    Ok(())
}

/// The command line: start-up, peak memory per file, and one and two threads over files.
fn command_line(zhclean: &Path, text: &str, realistic: impl Fn(usize) -> Result<String, String>) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("zhclean-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    println!("the command line ({})", zhclean.display());
    system::startup(zhclean, text, &dir)?;
    system::threads(zhclean, text, 200, &dir)?;
    println!();
    system::peak_memory(&[1, 10, 100], realistic, &dir)?;
    std::fs::remove_dir_all(&dir).map_err(|e| e.to_string())
}

/// Throughput per stage, of the pipeline and of the peer on the realistic input (see
/// [`realistic`]), then of the pipeline and the peer on the corpus repeated to `mb` MB.
fn throughput(mb: usize, corpus: &Path) -> Result<(), String> {
    let (text, extracted) = realistic::build(corpus, mb)?;
    let input = text.clone().into_bytes();
    let size = input.len();
    println!(
        "input: {:.1} MB of distinct paragraphs drawn from the corpus and corpus-real, and {extracted} real extraction outputs; best of {RUNS} runs",
        size as f64 / 1e6
    );
    println!();
    println!("{:<44} {:>10}", "measurement", "MB/s");

    let default = Pipeline::new(Config::default()).map_err(|e| e.to_string())?;
    let text_only = Pipeline::new(Config::default()).map_err(|e| e.to_string())?.text_only();
    let converting =
        Pipeline::new(Config { convert: Some("t2s".to_owned()), ..Config::default() }).map_err(|e| e.to_string())?;

    let options = zhclean_encoding::DecodeOptions::default();
    let decode = best(|| drop(black_box(zhclean_encoding::decode(&input, &options))));
    let plain = best(|| {
        drop(black_box(
            encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&input).map(|t| t.into_owned()),
        ))
    });
    row("decode UTF-8 (detect + validate)", size, decode);
    row("encoding_rs UTF-8 decode (plain)", size, plain);
    let gb18030 = encoding_rs::GB18030.encode(&text).0.into_owned();
    let gb_size = gb18030.len();
    let decode_gb = best(|| drop(black_box(zhclean_encoding::decode(&gb18030, &options))));
    let plain_gb = best(|| {
        drop(black_box(
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&gb18030).map(|t| t.into_owned()),
        ))
    });
    row("decode GB18030 (detect + validate)", gb_size, decode_gb);
    row("encoding_rs GB18030 decode (plain)", gb_size, plain_gb);
    let mut stage_input = text.clone();
    for stage in Stage::ALL {
        let pipeline = if stage == Stage::Convert { &converting } else { &default };
        let label =
            if stage == Stage::Convert { "stage convert (t2s)".to_owned() } else { format!("stage {}", stage.name()) };
        let (elapsed, output) = time_stage(pipeline, stage, &stage_input);
        row(&label, size, elapsed);
        if stage != Stage::Convert {
            stage_input = output;
        }
    }
    conversion_backends(&text)?;
    let zhclean = best(|| drop(black_box(text_only.clean_bytes(&input))));
    row("zhclean clean (the text, as `zhclean clean`)", size, zhclean);
    let with_findings = best(|| drop(black_box(default.clean_bytes(&input))));
    row("zhclean clean with findings (--report)", size, with_findings);
    let check = best(|| {
        let report = default.clean_bytes(&input).expect("the corpus decodes");
        drop(black_box(zhclean::output::findings("bench", &report)));
    });
    row("zhclean check (pipeline + findings)", size, check);
    let cleaned = default.clean_bytes(&input).map_err(|e| e.to_string())?.text().as_bytes().to_vec();
    let check_clean = best(|| {
        let report = default.clean_bytes(&cleaned).expect("the cleaned text decodes");
        drop(black_box(zhclean::output::findings("bench", &report)));
    });
    row("zhclean check on its own output (clean text)", cleaned.len(), check_clean);
    let converting = converting.text_only();
    let convert = best(|| drop(black_box(converting.clean_bytes(&input))));
    row("zhclean clean --convert t2s", size, convert);
    let peer = best(|| drop(black_box(autocorrect::format(&text))));
    row("autocorrect::format (peer)", size, peer);
    let peer_lint = best(|| drop(black_box(autocorrect::lint_for(&text, "txt"))));
    row("autocorrect::lint_for (peer)", size, peer_lint);
    println!();
    println!(
        "zhclean clean / autocorrect::format: {:.2}x the peer's throughput",
        peer.as_secs_f64() / zhclean.as_secs_f64()
    );
    println!(
        "zhclean check / autocorrect::lint_for: {:.2}x the peer's throughput",
        peer_lint.as_secs_f64() / check.as_secs_f64()
    );
    println!(
        "decode time / plain encoding_rs decode: UTF-8 {:.2}x, GB18030 {:.2}x",
        decode.as_secs_f64() / plain.as_secs_f64(),
        decode_gb.as_secs_f64() / plain_gb.as_secs_f64()
    );
    println!();
    let (repeated, copies) = build_input(corpus, mb)?;
    let repeated_text = String::from_utf8(repeated.clone()).map_err(|_| "the corpus is not UTF-8".to_owned())?;
    println!("second input: {:.1} MB, {copies} copies of {}", repeated.len() as f64 / 1e6, corpus.display());
    let zhclean_repeated = best(|| drop(black_box(text_only.clean_bytes(&repeated))));
    row("zhclean clean (the text)", repeated.len(), zhclean_repeated);
    let peer_repeated = best(|| drop(black_box(autocorrect::format(&repeated_text))));
    row("autocorrect::format (peer)", repeated.len(), peer_repeated);
    Ok(())
}

/// OpenCC `t2s` on the input in traditional characters, by each backend, with its load time.
fn conversion_backends(text: &str) -> Result<(), String> {
    use zhclean_convert::{Backend, Converter};
    let traditional = Converter::new("s2t").map_err(|e| e.to_string())?.convert(text);
    let backends = [
        ("automaton", Backend::Automaton),
        ("ferrous", Backend::Embedded),
        ("fmmseg", Backend::Fmmseg),
        #[cfg(feature = "system-opencc")]
        ("system", Backend::System),
    ];
    for (name, backend) in backends {
        let started = Instant::now();
        let converter = Converter::with_backend("t2s", backend).map_err(|e| e.to_string())?;
        let load = started.elapsed();
        let elapsed = best(|| drop(black_box(converter.convert(&traditional))));
        let label = format!("t2s of traditional text, {name} ({} ms load)", load.as_millis());
        row(&label, traditional.len(), elapsed);
    }
    Ok(())
}

/// What the bench does.
enum Mode {
    /// Everything.
    All,
    /// Only the linear-time rows.
    Linear,
    /// Write the realistic input to this file.
    SaveInput(PathBuf),
    /// Clean this file and print the peak memory (used by the bench itself).
    PeakMemory(PathBuf),
    /// Time the pipeline on `--mb` megabytes of this shape of the linear rows (used by the bench
    /// itself).
    TimeShape(String),
}

/// The arguments: `[--linear | --save-input FILE | --peak-memory FILE | --time-shape NAME]
/// [--zhclean BINARY]
/// --mb N CORPUS_DIR`.
struct Args {
    mode: Mode,
    mb: usize,
    corpus: PathBuf,
    zhclean: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    const USAGE: &str = "usage: zhclean-bench [--linear | --save-input FILE | --peak-memory FILE | --time-shape NAME] [--zhclean BINARY] --mb N CORPUS_DIR";
    let mut args = std::env::args().skip(1);
    let (mut mode, mut mb, mut corpus, mut zhclean) = (Mode::All, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value; {USAGE}"));
        match arg.as_str() {
            "--linear" => mode = Mode::Linear,
            "--save-input" => mode = Mode::SaveInput(PathBuf::from(value()?)),
            "--peak-memory" => mode = Mode::PeakMemory(PathBuf::from(value()?)),
            "--time-shape" => mode = Mode::TimeShape(value()?),
            "--zhclean" => zhclean = Some(PathBuf::from(value()?)),
            "--mb" => mb = Some(value()?.parse().map_err(|_| format!("bad --mb; {USAGE}"))?),
            _ if corpus.is_none() && !arg.starts_with('-') => corpus = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected `{arg}`; {USAGE}")),
        }
    }
    let corpus = match (&mode, corpus) {
        (_, Some(corpus)) => corpus,
        (Mode::PeakMemory(_), None) => PathBuf::new(),
        (_, None) => return Err(USAGE.to_owned()),
    };
    Ok(Args { mode, mb: mb.unwrap_or(10), corpus, zhclean })
}

/// The top-level corpus files, concatenated and repeated until at least `mb` megabytes.
fn build_input(corpus: &Path, mb: usize) -> Result<(Vec<u8>, usize), String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus)
        .map_err(|e| format!("{}: {e}", corpus.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    let mut one = Vec::new();
    for path in paths {
        one.extend(std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        one.extend(b"\n\n");
    }
    if one.is_empty() {
        return Err(format!("{} holds no files", corpus.display()));
    }
    let copies = (mb * 1_000_000).div_ceil(one.len());
    Ok((one.repeat(copies), copies))
}

/// Times `stage` alone on `input`; returns the best time and the stage's output.
fn time_stage(pipeline: &Pipeline, stage: Stage, input: &str) -> (Duration, String) {
    let mut best = Duration::MAX;
    let mut output = String::new();
    for _ in 0..RUNS {
        let mut document = Document::new(input.to_owned());
        let started = Instant::now();
        pipeline.run_stage(stage, &mut document);
        best = best.min(started.elapsed());
        output = document.into_text();
    }
    (best, output)
}

fn best(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .expect("RUNS > 0")
}

fn row(label: &str, bytes: usize, elapsed: Duration) {
    println!("{label:<44} {:>10.1}", bytes as f64 / 1e6 / elapsed.as_secs_f64());
}

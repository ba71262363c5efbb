//! Linear time: throughput of the whole pipeline at 1, 10 and 100 MB of a normal document,
//! one long line and open brackets; then the guard, adversarial shapes of text at 1 MB and at
//! 10 MB. Linear time keeps them within a small factor; a scan that restarts inside a run
//! shows as a collapse at the larger size.

use std::hint::black_box;
use std::time::{Duration, Instant};
use zhclean::{Config, EncodingInfo, Pipeline};

/// A shape of text and how to make `bytes` of it.
struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
}

const WORDS: &str = "The quick brown fox jumps over the lazy dog ";

const SHAPES: &[Shape] = &[
    Shape { name: "one long line of Chinese", make: |n| repeat_to("双方同意加强合作，推动发展", n) },
    Shape { name: "English after Chinese", make: |n| format!("中文{}", repeat_to(WORDS, n)) },
    Shape { name: "中 then `a.` repeated", make: |n| format!("中{}", repeat_to("a.", n)) },
    Shape { name: "open brackets", make: |n| repeat_to("(", n) },
    Shape { name: "nested brackets around 中", make: |n| format!("{}中{}", "(".repeat(n / 2), ")".repeat(n / 2)) },
    Shape { name: "one-character lines", make: |n| repeat_to("中\n", n) },
    Shape {
        name: "a repeated paragraph", make: |n| repeat_to("双方同意加强合作，推动两国关系发展。\n\n", n)
    },
    Shape { name: "`<` repeated", make: |n| repeat_to("<", n) },
    Shape { name: "`<b>` repeated", make: |n| repeat_to("<b>", n) },
    Shape { name: "short lines, page numbers", make: |n| repeat_to("双方合作\n3\n", n) },
    Shape {
        name: "traditional strays", make: |n| repeat_to("双方推动中小學生交流，发展两国关系。\n\n", n)
    },
    Shape { name: "pages with headers", make: pages },
    Shape {
        name: "wrap spaces (extracted)",
        make: |n| repeat_to("双方指出两国关系达到历史最高水平并将继 续发展\n", n),
    },
];

/// Pages of paginated extractions: a running header, a paragraph, a page number; documents of
/// 300 pages joined, so that page numbers stay of one size (four digits at most are read as
/// page numbers) whatever the length.
fn pages(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 100);
    let mut n = 0;
    while text.len() < bytes {
        let page = n % 300 + 1;
        text.push_str(&format!("人民日报 第{page}版\n双方指出，第{page}页的内容继续发展。\n{page}\n\n"));
        n += 1;
    }
    text
}

/// The shapes of the size rows: a normal document (`realistic`), one line of Chinese without a
/// break, and open brackets.
const SIZE_SHAPES: [&str; 3] = ["normal document", "one line of Chinese", "open brackets"];

/// `mb` megabytes of the size row `name`.
fn size_shape(name: &str, mb: usize, realistic: impl Fn(usize) -> Result<String, String>) -> Result<String, String> {
    match name {
        "normal document" => realistic(mb),
        "one line of Chinese" => Ok(repeat_to("双方同意加强合作，推动发展", mb * 1_000_000)),
        "open brackets" => Ok(repeat_to("(", mb * 1_000_000)),
        _ => Err(format!("no shape `{name}`")),
    }
}

/// MB/s at 1, 10 and 100 MB of each of [`SIZE_SHAPES`], and the spread of the three (the
/// slowest over the fastest). Each size runs in a process of its own, as the command line
/// cleans a file: what an earlier, smaller run left in the allocator does not flatter it.
pub fn sizes(corpus: &std::path::Path) -> Result<(), String> {
    println!(
        "linear time: the whole pipeline at 1, 10 and 100 MB (best of {}, each size in a process of its own)",
        crate::RUNS
    );
    println!("{:<28} {:>10} {:>10} {:>10} {:>8}", "shape", "1 MB", "10 MB", "100 MB", "min/max");
    let own = std::env::current_exe().map_err(|e| e.to_string())?;
    for name in SIZE_SHAPES {
        let mut rates = Vec::new();
        for mb in [1, 10, 100] {
            let output = std::process::Command::new(&own)
                .args(["--time-shape", name, "--mb", &mb.to_string()])
                .arg(corpus)
                .output()
                .map_err(|e| e.to_string())?;
            let report = String::from_utf8_lossy(&output.stdout);
            let rate = report.trim().parse::<f64>().map_err(|_| format!("`{name}` at {mb} MB: {report}"))?;
            rates.push(rate);
        }
        let spread = rates.iter().copied().fold(f64::MAX, f64::min) / rates.iter().copied().fold(0.0, f64::max);
        println!("{name:<28} {:>10.1} {:>10.1} {:>10.1} {spread:>8.2}", rates[0], rates[1], rates[2]);
    }
    Ok(())
}

/// Prints the MB/s of the pipeline on `mb` megabytes of the size row `name` (the best of
/// [`RUNS`](crate::RUNS)), after a run on its first 64 KB has loaded what the pipeline loads
/// once (tables, dictionaries).
pub fn time_shape(name: &str, mb: usize, realistic: impl Fn(usize) -> Result<String, String>) -> Result<(), String> {
    let text = size_shape(name, mb, realistic)?;
    let pipeline = Pipeline::new(Config::default()).map_err(|e| e.to_string())?;
    let warm_up = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= 65_536).last().unwrap_or(0);
    time(&pipeline, &text[..warm_up]);
    let best = (0..crate::RUNS).map(|_| time(&pipeline, &text)).min().expect("RUNS > 0");
    println!("{}", mb_per_s(text.len(), best));
    Ok(())
}

/// Past this many seconds at 1 MB a shape is called superlinear without trying 10 MB.
const GIVE_UP_SECONDS: f64 = 5.0;

/// Prints MB/s at 1 MB and 10 MB for every shape, and the ratio of the two.
pub fn run() {
    let pipeline = Pipeline::new(Config::default()).expect("the default configuration is valid");
    println!("linear-time guard: the whole pipeline on adversarial shapes (one run each, MB/s)");
    println!("{:<28} {:>10} {:>10} {:>8}", "shape", "1 MB", "10 MB", "10/1");
    for shape in SHAPES {
        let small = (shape.make)(1_000_000);
        let small_time = time(&pipeline, &small);
        let small_rate = mb_per_s(small.len(), small_time);
        if small_time.as_secs_f64() > GIVE_UP_SECONDS {
            println!("{:<28} {small_rate:>10.1} {:>10} {:>8}  NOT LINEAR", shape.name, "skipped", "-");
            continue;
        }
        let large = (shape.make)(10_000_000);
        let large_rate = mb_per_s(large.len(), time(&pipeline, &large));
        let ratio = large_rate / small_rate;
        let verdict = if ratio < 0.5 { "  NOT LINEAR" } else { "" };
        println!("{:<28} {small_rate:>10.1} {large_rate:>10.1} {ratio:>8.2}{verdict}", shape.name);
    }
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn time(pipeline: &Pipeline, text: &str) -> Duration {
    let owned = text.to_owned();
    let started = Instant::now();
    drop(black_box(pipeline.clean_text(owned, EncodingInfo::of_text(text))));
    started.elapsed()
}

fn mb_per_s(bytes: usize, elapsed: Duration) -> f64 {
    bytes as f64 / 1e6 / elapsed.as_secs_f64()
}

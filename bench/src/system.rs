//! What the command line costs as a pipeline runs it: start-up on a small file, peak memory
//! per file, and throughput over a directory of files on one thread and on two.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Start-up: `zhclean check` on 1 KB, the pre-commit case; the best of 20 runs, in ms.
pub fn startup(zhclean: &Path, text: &str, dir: &Path) -> Result<(), String> {
    let cut = text.char_indices().map(|(i, _)| i).take_while(|&i| i <= 1000).last().unwrap_or(0);
    let sample = dir.join("one-kb.txt");
    std::fs::write(&sample, &text[..cut]).map_err(|e| e.to_string())?;
    let best = (0..20)
        .map(|_| run(Command::new(zhclean).arg("check").arg(&sample)))
        .collect::<Result<Vec<Duration>, String>>()?
        .into_iter()
        .min()
        .unwrap_or_default();
    println!("{:<44} {:>8.1} ms", "start-up: `zhclean check` on 1 KB (best of 20)", best.as_secs_f64() * 1e3);
    Ok(())
}

/// Peak memory of cleaning one file of each size (the realistic input, made by `make`), in a
/// process of its own: this binary with `--peak-memory FILE`, which reports its peak RSS.
pub fn peak_memory(sizes: &[usize], make: impl Fn(usize) -> Result<String, String>, dir: &Path) -> Result<(), String> {
    println!("{:<20} {:>12} {:>14}", "peak memory", "RSS MB", "RSS / size");
    for &mb in sizes {
        let path = dir.join(format!("realistic-{mb}.txt"));
        let text = make(mb)?;
        std::fs::write(&path, &text).map_err(|e| e.to_string())?;
        let own = std::env::current_exe().map_err(|e| e.to_string())?;
        let output = Command::new(own).arg("--peak-memory").arg(&path).output().map_err(|e| e.to_string())?;
        let report = String::from_utf8_lossy(&output.stdout);
        let Some(kb) = report.trim().parse::<f64>().ok() else {
            println!("{:<20} {:>12}", format!("clean, {mb} MB file"), "n/a (no /proc)");
            continue;
        };
        let size = text.len() as f64 / 1e6;
        let rss = kb / 1e3;
        println!("{:<20} {rss:>12.1} {:>13.2}x", format!("clean, {mb} MB file"), rss / size);
        std::fs::remove_file(&path).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Cleans `path` as the command line does and prints this process's peak RSS in kB (Linux).
pub fn report_peak_memory(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let pipeline = zhclean::Pipeline::new(zhclean::Config::default()).map_err(|e| e.to_string())?.text_only();
    let report = pipeline.clean_owned_bytes(bytes).map_err(|e| e.to_string())?;
    std::hint::black_box(report.text().len());
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find_map(|line| line.strip_prefix("VmHWM:")).map(|v| v.trim_end_matches("kB").trim());
    println!("{}", peak.unwrap_or("n/a"));
    Ok(())
}

/// `zhclean clean --out-dir` over a directory of files (the realistic input cut into `files`
/// files at paragraph ends) on one thread and on two: MB/s, best of 3 each, and the ratio.
pub fn threads(zhclean: &Path, text: &str, files: usize, dir: &Path) -> Result<(), String> {
    let input = dir.join("files");
    let output = dir.join("cleaned");
    for d in [&input, &output] {
        std::fs::create_dir_all(d).map_err(|e| e.to_string())?;
    }
    let paragraphs: Vec<&str> = text.split_inclusive("\n\n").collect();
    let mut paths = Vec::new();
    for (n, chunk) in paragraphs.chunks(paragraphs.len().div_ceil(files)).enumerate() {
        let path = input.join(format!("{n:04}.txt"));
        std::fs::write(&path, chunk.concat()).map_err(|e| e.to_string())?;
        paths.push(path);
    }
    let mut rates = Vec::new();
    for threads in [1, 2] {
        let mut times = Vec::new();
        for _ in 0..3 {
            let mut command = Command::new(zhclean);
            command.env("RAYON_NUM_THREADS", threads.to_string()).arg("clean").arg("--out-dir").arg(&output);
            times.push(run(command.args(&paths))?);
        }
        let best = times.into_iter().min().unwrap_or_default();
        let rate = text.len() as f64 / 1e6 / best.as_secs_f64();
        let label = format!("{} files, {threads} thread{}", paths.len(), if threads == 1 { "" } else { "s" });
        println!("{label:<44} {rate:>8.1} MB/s");
        rates.push(rate);
    }
    println!("{:<44} {:>8.2}x", "2 threads / 1 thread", rates[1] / rates[0]);
    Ok(())
}

/// Runs `command`, which must succeed or report findings (exit status 1); its wall time.
fn run(command: &mut Command) -> Result<Duration, String> {
    let started = Instant::now();
    let output = command.output().map_err(|e| format!("cannot run {command:?}: {e}"))?;
    let elapsed = started.elapsed();
    match output.status.code() {
        Some(0 | 1) => Ok(elapsed),
        _ => Err(format!("{command:?} failed: {}", String::from_utf8_lossy(&output.stderr))),
    }
}

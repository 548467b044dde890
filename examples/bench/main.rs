//! Benchmarks anyone can rerun: `cargo run --release --example bench`.
//!
//! Builds the release binary, then measures in one run, against the targets
//! of `docs/benchmarks.md`:
//!
//! - (a) the five seed articles (`../shared/seeds`, skipped when absent) and
//!   our own sample story compared end to end, process start to exit;
//! - (b) extraction throughput on one core (ingest + segment + extract);
//! - (c) a 1,000-article synthetic story end to end, with peak memory;
//! - (d) scaling over 100, 1,000 and 10,000 articles, with the time of each
//!   stage measured in process, so a stage that grows faster than the input
//!   stands out.
//!
//! Prints Markdown on stdout; progress notes go to stderr.
//! `bench gen-story DIR N` only writes a synthetic story of N articles.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod story;

use concord::ingest::{self, Article};
use concord::rules::RuleSet;
use concord::{align, judge, pipeline, report};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] | ["all"] => all(),
        ["gen-story", dir, n] => {
            let bytes = story::write(Path::new(dir), n.parse()?)?;
            eprintln!("wrote {n} articles ({:.1} MB) to {dir}", bytes as f64 / 1e6);
            Ok(())
        }
        _ => Err("usage: bench [all] | bench gen-story DIR N".into()),
    }
}

fn all() -> Result<()> {
    let bin = build_release_binary()?;
    let scratch = tempfile::tempdir()?;
    let rules = RuleSet::builtin()?;
    println!("{}", machine());
    seeds(&bin)?;
    throughput(scratch.path(), &rules)?;
    thousand(&bin, scratch.path())?;
    scaling(&bin, scratch.path(), &rules)?;
    Ok(())
}

/// Builds `concord` in release mode next to this example and returns its
/// path: the benchmark measures the binary users run.
fn build_release_binary() -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("building the release binary...");
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "concord"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()?;
    if !status.success() {
        return Err("cargo build --release failed".into());
    }
    // This example lives in <target>/release/examples/.
    let exe = std::env::current_exe()?;
    let bin = exe.parent().and_then(Path::parent).map(|d| d.join("concord")).ok_or("no target directory")?;
    if !bin.exists() {
        return Err(format!("{} not found", bin.display()).into());
    }
    Ok(bin)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| info.lines().find(|l| l.starts_with("model name")).map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string()))
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("## Machine\n\n- CPU: {cpu}\n- cores (nproc): {cores}\n- commit: {commit}\n- command: `cargo run --release --example bench`\n")
}

// ------------------------------------------------------------- measuring

/// Wall time and peak memory of one run of the binary.
struct Sample {
    wall: Duration,
    /// Peak resident set in KiB, when GNU time is installed.
    peak_kib: Option<u64>,
}

const GNU_TIME: &str = "/usr/bin/time";

/// Runs `concord ARGS` with stdout discarded; fails if it exits non-zero.
fn run(bin: &Path, args: &[&std::ffi::OsStr]) -> Result<Sample> {
    let mem_file = tempfile::NamedTempFile::new()?;
    let with_time = Path::new(GNU_TIME).exists();
    let mut command = if with_time {
        let mut c = Command::new(GNU_TIME);
        c.arg("-f").arg("%M").arg("-o").arg(mem_file.path()).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    command.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    let start = Instant::now();
    let out = command.output()?;
    let wall = start.elapsed();
    if !out.status.success() {
        return Err(format!("concord failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let peak_kib = if with_time { std::fs::read_to_string(mem_file.path())?.trim().parse().ok() } else { None };
    Ok(Sample { wall, peak_kib })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Median wall time and largest peak memory of `runs` runs.
fn measure(bin: &Path, args: &[&std::ffi::OsStr], runs: usize) -> Result<(Duration, Option<u64>)> {
    let samples = (0..runs).map(|_| run(bin, args)).collect::<Result<Vec<_>>>()?;
    let peak = samples.iter().filter_map(|s| s.peak_kib).max();
    Ok((median(samples.iter().map(|s| s.wall).collect()), peak))
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(|| "n/a (install GNU time)".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "**missed**" }
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|e| e.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
}

// ------------------------------------------------------------ the tables

/// (a) Small stories end to end, process start to exit.
fn seeds(bin: &Path) -> Result<()> {
    const RUNS: usize = 31;
    println!("## (a) One story end to end (target: median < 10 ms)\n");
    println!("`concord compare FILES --format json`, {RUNS} runs, stdout discarded.\n");
    println!("| story | articles | median | peak memory | target |\n| --- | ---: | ---: | ---: | --- |");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story");
    for (name, dir) in [("seeds (../shared/seeds)", seeds), ("samples/story", samples)] {
        let files = txt_files(&dir);
        if files.is_empty() {
            println!("| {name} | - | skipped: not present | | |");
            continue;
        }
        let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), "--format".as_ref(), "json".as_ref()];
        args.extend(files.iter().map(|f| f.as_os_str()));
        run(bin, &args)?; // warm the page cache
        let (time, peak) = measure(bin, &args, RUNS)?;
        println!("| {name} | {} | {} | {} | {} |", files.len(), ms(time), mib(peak), verdict(time < Duration::from_millis(10)));
    }
    println!();
    Ok(())
}

/// (b) Ingest + segment + extract on one thread, over a synthetic story
/// and over the seeds when present.
fn throughput(scratch: &Path, rules: &RuleSet) -> Result<()> {
    const RUNS: usize = 7;
    println!("## (b) Extraction throughput on one core (target: >= 50 MB/s)\n");
    println!("In process, one thread: `Article::from_bytes` + `pipeline::facts` over every article; median of {RUNS} runs.\n");
    println!("| text | size | median | throughput | target |\n| --- | ---: | ---: | ---: | --- |");
    let story = scratch.join("throughput");
    story::write(&story, 1000)?;
    let mut corpora = vec![("synthetic story, 1,000 articles", read_files(&txt_files(&story))?)];
    let seeds = txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    if !seeds.is_empty() {
        // Repeated so that one run is long enough to time.
        let texts = read_files(&seeds)?;
        corpora.push(("seeds x 200", (0..200).flat_map(|_| texts.iter().cloned()).collect()));
    }
    for (name, texts) in corpora {
        let bytes: usize = texts.iter().map(Vec::len).sum();
        let time = median((0..RUNS).map(|_| time_extraction(&texts, rules)).collect());
        let rate = bytes as f64 / 1e6 / time.as_secs_f64();
        println!("| {name} | {:.2} MB | {} | {rate:.1} MB/s | {} |", bytes as f64 / 1e6, ms(time), verdict(rate >= 50.0));
    }
    println!();
    Ok(())
}

fn read_files(files: &[PathBuf]) -> Result<Vec<Vec<u8>>> {
    Ok(files.iter().map(std::fs::read).collect::<std::io::Result<Vec<_>>>()?)
}

fn time_extraction(texts: &[Vec<u8>], rules: &RuleSet) -> Duration {
    let start = Instant::now();
    let mut claims = 0;
    for (i, bytes) in texts.iter().enumerate() {
        if let Ok(article) = Article::from_bytes(&i.to_string(), "bench.txt", bytes) {
            claims += pipeline::facts(&article, rules).len();
        }
    }
    std::hint::black_box(claims);
    start.elapsed()
}

/// (c) A 1,000-article story end to end.
fn thousand(bin: &Path, scratch: &Path) -> Result<()> {
    const RUNS: usize = 5;
    let dir = scratch.join("story-1000");
    let bytes = story::write(&dir, 1000)?;
    let args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), dir.as_os_str(), "--format".as_ref(), "json".as_ref()];
    run(bin, &args)?;
    let (time, peak) = measure(bin, &args, RUNS)?;
    println!("## (c) 1,000 articles end to end (targets: < 1 s, peak memory < 200 MB)\n");
    println!("`concord compare DIR --format json` on a synthetic story ({:.1} MB), median of {RUNS} runs.\n", bytes as f64 / 1e6);
    println!("| measure | value | target |\n| --- | ---: | --- |");
    println!("| median wall time | {} | {} |", ms(time), verdict(time < Duration::from_secs(1)));
    let mem_ok = peak.is_some_and(|k| k < 200 * 1000 * 1000 / 1024);
    println!("| peak memory (max RSS) | {} | {} |\n", mib(peak), if peak.is_some() { verdict(mem_ok) } else { "unmeasured" });
    Ok(())
}

/// (d) Scaling: end to end, and each stage in process.
fn scaling(bin: &Path, scratch: &Path, rules: &RuleSet) -> Result<()> {
    println!("## (d) Scaling (target: about linear, ratio near 10 per tenfold)\n");
    println!("| articles | size | end to end (median of 3) | ratio | peak memory | ingest | extract (1 thread) | align | judge | JSON |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut previous: Option<Duration> = None;
    for n in [100usize, 1_000, 10_000] {
        let dir = scratch.join(format!("story-{n}"));
        let bytes = story::write(&dir, n)?;
        let args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), dir.as_os_str(), "--format".as_ref(), "json".as_ref()];
        eprintln!("scaling: {n} articles...");
        let (time, peak) = measure(bin, &args, 3)?;
        let ratio = previous.map_or_else(|| "-".into(), |p| format!("{:.1}x", time.as_secs_f64() / p.as_secs_f64()));
        previous = Some(time);
        let stages = stages(&dir, rules)?;
        println!(
            "| {n} | {:.1} MB | {} | {ratio} | {} | {} |",
            bytes as f64 / 1e6,
            ms(time),
            mib(peak),
            stages.iter().map(|d| ms(*d)).collect::<Vec<_>>().join(" | ")
        );
    }
    println!();
    Ok(())
}

/// The time of each stage on one story: ingest (parallel, as the binary
/// does), extract (one thread), align, judge, render JSON.
fn stages(dir: &Path, rules: &RuleSet) -> Result<[Duration; 5]> {
    let start = Instant::now();
    let mut articles = ingest::load(&[dir.to_path_buf()])?;
    let ingest = start.elapsed();
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let start = Instant::now();
    let claims: Vec<_> = articles.iter().flat_map(|a| pipeline::facts(a, rules)).collect();
    let extract = start.elapsed();
    let start = Instant::now();
    let clusters = align::align_with_rules(&claims, rules);
    let align = start.elapsed();
    let start = Instant::now();
    let findings = judge::judge(clusters);
    let judge = start.elapsed();
    let report = pipeline::Report { articles, findings };
    let start = Instant::now();
    std::hint::black_box(report::json::compare(&report).len());
    let json = start.elapsed();
    Ok([ingest, extract, align, judge, json])
}

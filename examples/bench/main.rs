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
//! `bench seeds`, `bench cold` and `bench throughput` run one section alone;
//! `bench gen-story DIR N` only writes a synthetic story of N articles;
//! `bench profile DIR N` only runs ingest + segment + extract over DIR's
//! articles N times, for a profiler (`perf record`, `valgrind --tool=callgrind`).

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod story;

// The allocator `concord` itself runs with (src/main.rs), so that the
// in-process sections measure what the binary does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        // One section at a time, for a quick check while working on a stage.
        ["seeds"] => seeds(&build_release_binary()?),
        ["cold"] => cold_start(),
        ["throughput"] => throughput(tempfile::tempdir()?.path(), &RuleSet::builtin()?),
        ["profile", dir, n] => profile(Path::new(dir), n.parse()?),
        ["gen-story", dir, n] => {
            let bytes = story::write(Path::new(dir), n.parse()?)?;
            eprintln!("wrote {n} articles ({:.1} MB) to {dir}", bytes as f64 / 1e6);
            Ok(())
        }
        _ => Err("usage: bench [all | seeds | cold | throughput] | bench gen-story DIR N | bench profile DIR N".into()),
    }
}

/// Runs one section of this benchmark in a new process of its own, its
/// output passed through. The throughput section reads a quarter to a
/// half slower in a process whose heap the earlier sections have churned
/// (fifty rule sets built and dropped, among others) than in a fresh one,
/// and `concord` itself always starts fresh.
fn in_fresh_process(section: &str) -> Result<()> {
    let status = Command::new(std::env::current_exe()?).arg(section).stdout(Stdio::inherit()).status()?;
    if !status.success() {
        return Err(format!("bench {section} failed: {status}").into());
    }
    Ok(())
}

fn all() -> Result<()> {
    let bin = build_release_binary()?;
    let scratch = tempfile::tempdir()?;
    println!("{}", machine());
    cold_start()?;
    let rules = RuleSet::builtin()?;
    seeds(&bin)?;
    in_fresh_process("throughput")?;
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

/// Wall time, CPU time and peak memory of one run of the binary.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    /// User + system time, when GNU time is installed. On a busy shared
    /// machine this is the steadier figure: it does not count time spent
    /// waiting for a core.
    cpu: Option<Duration>,
    /// Peak resident set in KiB, when GNU time is installed.
    peak_kib: Option<u64>,
}

const GNU_TIME: &str = "/usr/bin/time";

/// Runs `concord ARGS` with stdout discarded. `Ok(None)` when it ran past
/// `limit` and was stopped (by coreutils `timeout`, so the benchmark only
/// ever stops the process it started); an error if it failed.
fn run_limited(bin: &Path, args: &[&std::ffi::OsStr], limit: Duration) -> Result<Option<Sample>> {
    let stats = tempfile::NamedTempFile::new()?;
    let with_time = Path::new(GNU_TIME).exists();
    let mut command = if with_time {
        let mut c = Command::new(GNU_TIME);
        c.arg("-f").arg("%U %S %M").arg("-o").arg(stats.path()).arg("timeout");
        c
    } else {
        Command::new("timeout")
    };
    command.arg("--signal=KILL").arg(limit.as_secs().to_string()).arg(bin);
    command.args(args).stdout(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let status = command.status()?;
    let wall = start.elapsed();
    if status.code() == Some(124) || status.code() == Some(137) {
        return Ok(None);
    }
    if !status.success() {
        return Err(format!("concord {args:?} failed: {status}").into());
    }
    let (mut cpu, mut peak_kib) = (None, None);
    if with_time {
        let text = std::fs::read_to_string(stats.path())?;
        let fields: Vec<&str> = text.split_whitespace().collect();
        if let [user, system, kib] = fields[..] {
            let seconds = user.parse::<f64>().unwrap_or(0.0) + system.parse::<f64>().unwrap_or(0.0);
            cpu = Some(Duration::from_secs_f64(seconds));
            peak_kib = kib.parse().ok();
        }
    }
    Ok(Some(Sample { wall, cpu, peak_kib }))
}

/// Wall time of one run of `concord ARGS` started directly, without the
/// GNU time and `timeout` wrappers, whose own start-up would count against
/// a run of a few milliseconds.
fn wall_alone(bin: &Path, args: &[&std::ffi::OsStr]) -> Result<Duration> {
    let start = Instant::now();
    let status = Command::new(bin).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status()?;
    let wall = start.elapsed();
    if !status.success() {
        return Err(format!("concord {args:?} failed: {status}").into());
    }
    Ok(wall)
}

fn run(bin: &Path, args: &[&std::ffi::OsStr]) -> Result<Sample> {
    run_limited(bin, args, Duration::from_secs(3600))?.ok_or_else(|| "timed out".into())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    if d >= Duration::from_secs(10) { format!("{:.1} s", d.as_secs_f64()) } else { format!("{:.1} ms", d.as_secs_f64() * 1e3) }
}

fn opt_ms(d: Option<Duration>) -> String {
    d.map_or_else(|| "n/a".into(), ms)
}

/// Median wall time, median CPU time and largest peak memory of `runs` runs.
struct Measured {
    wall: Duration,
    cpu: Option<Duration>,
    peak_kib: Option<u64>,
}

fn measure(bin: &Path, args: &[&std::ffi::OsStr], runs: usize) -> Result<Measured> {
    let samples = (0..runs).map(|_| run(bin, args)).collect::<Result<Vec<_>>>()?;
    Ok(summarise(&samples))
}

fn summarise(samples: &[Sample]) -> Measured {
    let cpu: Vec<Duration> = samples.iter().filter_map(|s| s.cpu).collect();
    Measured {
        wall: median(samples.iter().map(|s| s.wall).collect()),
        cpu: (!cpu.is_empty()).then(|| median(cpu)),
        peak_kib: samples.iter().filter_map(|s| s.peak_kib).max(),
    }
}

/// On-CPU time of the calling thread, from the kernel's scheduler
/// statistics (nanoseconds), so in-process timings do not count time spent
/// waiting for a core on a busy machine.
fn thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(text.split_whitespace().next()?.parse().ok()?))
}

/// Runs `f`, returning its result, wall time and on-CPU time.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let (cpu0, start) = (thread_cpu(), Instant::now());
    let out = f();
    let wall = start.elapsed();
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) => Some(b.saturating_sub(a)),
        _ => None,
    };
    (out, wall, cpu)
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
    println!(
        "`concord compare FILES --format json`, stdout discarded. Wall: {RUNS} runs of the binary alone, from spawn to exit. \
         CPU (user + system) and peak memory: {RUNS} more runs under GNU time, whose CPU clock ticks every 10 ms.\n"
    );
    println!("| story | articles | median wall | median CPU | peak memory | target (wall) |\n| --- | ---: | ---: | ---: | ---: | --- |");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story");
    for (name, dir) in [("seeds (../shared/seeds)", seeds), ("samples/story", samples)] {
        let files = txt_files(&dir);
        if files.is_empty() {
            println!("| {name} | - | skipped: not present | | | |");
            continue;
        }
        let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), "--format".as_ref(), "json".as_ref()];
        args.extend(files.iter().map(|f| f.as_os_str()));
        run(bin, &args)?; // warm the page cache
        let wall = median((0..RUNS).map(|_| wall_alone(bin, &args)).collect::<Result<Vec<_>>>()?);
        let m = measure(bin, &args, RUNS)?;
        let cpu = match m.cpu {
            Some(c) if c < Duration::from_millis(10) => "under one 10 ms tick".to_string(),
            c => opt_ms(c),
        };
        println!(
            "| {name} | {} | {} | {cpu} | {} | {} |",
            files.len(),
            ms(wall),
            mib(m.peak_kib),
            verdict(wall < Duration::from_millis(10))
        );
    }
    println!();
    Ok(())
}

/// (a, continued) Where a short run's time goes: each stage's first call
/// in a fresh process (compiling its patterns) against a warm call (the
/// mean of [`WARM_CALLS`], as the kernel's CPU clock ticks coarsely). Must
/// run before anything else in this process touches the library.
fn cold_start() -> Result<()> {
    let seeds = txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    let files = if seeds.is_empty() { txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story")) } else { seeds };
    let Some(first) = files.first() else { return Ok(()) };
    let bytes = std::fs::read(first)?;
    println!("### Cold start: first call against a warm call, one article ({})\n", first.file_name().unwrap_or_default().to_string_lossy());
    println!("| stage | first call (wall) | warm call (CPU) |\n| --- | ---: | ---: |");
    let (rules, cold, _) = timed(RuleSet::builtin);
    let rules = rules?;
    let warm = warm_cpu(|| RuleSet::builtin().map(|r| r.rules().len()).unwrap_or(0));
    println!("| load and compile the built-in rules | {} | {} |", ms(cold), opt_ms(warm));
    let (article, cold, _) = timed(|| Article::from_bytes("a", "a.txt", &bytes));
    let article = article?;
    let warm = warm_cpu(|| Article::from_bytes("a", "a.txt", &bytes).map(|a| a.text.len()).unwrap_or(0));
    println!("| ingest (decode, exclusions, metadata) | {} | {} |", ms(cold), opt_ms(warm));
    let (_, cold, _) = timed(|| concord::segment::segment(&article));
    let warm = warm_cpu(|| concord::segment::segment(&article).sentences.len());
    println!("| segment | {} | {} |", ms(cold), opt_ms(warm));
    let (_, cold, _) = timed(|| pipeline::facts(&article, &rules));
    let warm = warm_cpu(|| pipeline::facts(&article, &rules).len());
    println!("| segment + extract | {} | {} |\n", ms(cold), opt_ms(warm));
    Ok(())
}

const WARM_CALLS: u32 = 50;

/// Mean CPU time of one call of `f` over [`WARM_CALLS`] calls.
fn warm_cpu(f: impl Fn() -> usize) -> Option<Duration> {
    let (_, _, cpu) = timed(|| (0..WARM_CALLS).map(|_| std::hint::black_box(f())).sum::<usize>());
    cpu.map(|c| c / WARM_CALLS)
}

/// (b) Ingest + segment + extract on one thread, over a synthetic story
/// and over the seeds when present.
fn throughput(scratch: &Path, rules: &RuleSet) -> Result<()> {
    const RUNS: usize = 7;
    println!("## (b) Extraction throughput on one core (target: >= 50 MB/s)\n");
    println!(
        "In process, one thread: `Article::from_bytes` over every article, then `pipeline::facts` over every article, as `concord` runs them. \
         One run is {PASSES} passes over the text; median of {RUNS} runs, given per pass. Rate by wall time and by the thread's on-CPU time.\n"
    );
    println!("| text | size | median wall | rate (wall) | median CPU | rate (CPU) | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    let story = scratch.join("throughput");
    story::write(&story, 1000)?;
    let mut corpora = vec![("synthetic story, 1,000 articles", read_files(&txt_files(&story))?)];
    let seeds = txt_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    if !seeds.is_empty() {
        // Repeated so that one run is long enough to time.
        let texts = read_files(&seeds)?;
        corpora.push(("seeds x 100", (0..100).flat_map(|_| texts.iter().cloned()).collect()));
    }
    for (name, texts) in corpora {
        let bytes = texts.iter().map(Vec::len).sum::<usize>() as f64;
        let runs: Vec<(Duration, Option<Duration>)> = (0..RUNS)
            .map(|_| {
                let (_, wall, cpu) = timed(|| (0..PASSES).map(|_| extract_all(&texts, rules)).sum::<usize>());
                (wall / PASSES as u32, cpu.map(|c| c / PASSES as u32))
            })
            .collect();
        // Times per pass, so the table reads as one pass over the text.
        let wall = median(runs.iter().map(|r| r.0).collect());
        let cpu = runs.iter().map(|r| r.1).collect::<Option<Vec<_>>>().map(median);
        let rate = |d: Duration| bytes / 1e6 / d.as_secs_f64();
        let best = cpu.map_or(rate(wall), rate);
        println!(
            "| {name} | {:.2} MB | {} | {:.1} MB/s | {} | {} | {} |",
            bytes / 1e6,
            ms(wall),
            rate(wall),
            opt_ms(cpu),
            cpu.map_or_else(|| "n/a".into(), |c| format!("{:.1} MB/s", rate(c))),
            verdict(best >= 50.0)
        );
    }
    println!();
    stage_rates(&read_files(&txt_files(&story))?, rules);
    Ok(())
}

/// Passes over the text in one timed run of (b). The thread's CPU clock
/// advances in ticks of a few milliseconds, an eighth of one pass over the
/// synthetic story; ten passes make a tick about 1% of a run.
const PASSES: usize = 10;

/// The rate of each stage alone on the synthetic story (CPU time of this
/// thread, median of 5 runs of [`PASSES`] passes), to show which stage
/// holds the total back.
fn stage_rates(texts: &[Vec<u8>], rules: &RuleSet) {
    let bytes = (PASSES * texts.iter().map(Vec::len).sum::<usize>()) as f64;
    let articles: Vec<Article> =
        texts.iter().enumerate().filter_map(|(i, b)| Article::from_bytes(&i.to_string(), "bench.txt", b).ok()).collect();
    let rate = |f: &dyn Fn() -> usize| {
        let cpu: Option<Vec<Duration>> =
            (0..5).map(|_| timed(|| (0..PASSES).map(|_| std::hint::black_box(f())).sum::<usize>()).2).collect();
        cpu.map(median).map_or_else(|| "n/a".to_string(), |c| format!("{:.1} MB/s", bytes / 1e6 / c.as_secs_f64()))
    };
    println!("| stage alone, synthetic story | rate (CPU) |\n| --- | ---: |");
    let ingest = || texts.iter().filter_map(|b| Article::from_bytes("a", "bench.txt", b).ok()).map(|a| a.text.len()).sum();
    println!("| ingest | {} |", rate(&ingest));
    let segment = || articles.iter().map(|a| concord::segment::segment(a).sentences.len()).sum();
    println!("| segment | {} |", rate(&segment));
    let facts = || articles.iter().map(|a| pipeline::facts(a, rules).len()).sum();
    println!("| segment + extract | {} |", rate(&facts));
    let segmented: Vec<_> = articles.iter().map(concord::segment::segment).collect();
    let extract = || articles.iter().zip(&segmented).map(|(a, s)| concord::extract::extract(a, s, rules).len()).sum();
    println!("| extract | {} |\n", rate(&extract));
}

fn read_files(files: &[PathBuf]) -> Result<Vec<Vec<u8>>> {
    Ok(files.iter().map(std::fs::read).collect::<std::io::Result<Vec<_>>>()?)
}

/// The throughput section's work alone, `runs` times over the articles
/// of `dir`, so that a profile holds nothing else.
fn profile(dir: &Path, runs: usize) -> Result<()> {
    let texts = read_files(&txt_files(dir))?;
    let bytes: usize = texts.iter().map(Vec::len).sum();
    let rules = RuleSet::builtin()?;
    let claims: usize = (0..runs).map(|_| extract_all(&texts, &rules)).sum();
    eprintln!("{runs} runs over {} articles ({bytes} bytes): {claims} claims", texts.len());
    Ok(())
}

/// Ingests every article, then extracts every article, in the order
/// `concord` itself works (it reads the whole story before extracting).
/// Interleaving the two stages per article would read about a quarter
/// slower: each stage's tables would push the other's out of the cache.
fn extract_all(texts: &[Vec<u8>], rules: &RuleSet) -> usize {
    let articles: Vec<Article> =
        texts.iter().enumerate().filter_map(|(i, b)| Article::from_bytes(&i.to_string(), "bench.txt", b).ok()).collect();
    std::hint::black_box(articles.iter().map(|a| pipeline::facts(a, rules).len()).sum())
}

/// (c) A 1,000-article story end to end.
fn thousand(bin: &Path, scratch: &Path) -> Result<()> {
    const RUNS: usize = 5;
    let dir = scratch.join("story-1000");
    let bytes = story::write(&dir, 1000)?;
    let args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), dir.as_os_str(), "--format".as_ref(), "json".as_ref()];
    let m = measure(bin, &args, RUNS)?;
    println!("## (c) 1,000 articles end to end (targets: < 1 s, peak memory < 200 MB)\n");
    println!("`concord compare DIR --format json` on a synthetic story ({:.1} MB), median of {RUNS} runs.\n", bytes as f64 / 1e6);
    println!("| measure | value | target |\n| --- | ---: | --- |");
    println!("| median wall time | {} | {} |", ms(m.wall), verdict(m.wall < Duration::from_secs(1)));
    println!("| median CPU time (user + system, all threads) | {} | |", opt_ms(m.cpu));
    let mem_ok = m.peak_kib.is_some_and(|k| k < 200 * 1000 * 1000 / 1024);
    println!("| peak memory (max RSS) | {} | {} |\n", mib(m.peak_kib), if m.peak_kib.is_some() { verdict(mem_ok) } else { "unmeasured" });
    Ok(())
}

/// A run longer than this is stopped and reported as such: a stage that
/// grows quadratically would otherwise hold the benchmark for hours.
const RUN_LIMIT: Duration = Duration::from_secs(180);

/// (d) Scaling: end to end, and each stage in process.
fn scaling(bin: &Path, scratch: &Path, rules: &RuleSet) -> Result<()> {
    println!("## (d) Scaling (target: about linear, a ratio near 10 per tenfold)\n");
    println!(
        "End to end: `concord compare DIR --format json`, median of up to 3 runs (one for 10,000), stopped after {} s. \
         Stages: in process, one thread, CPU time.\n",
        RUN_LIMIT.as_secs()
    );
    println!("| articles | size | wall | ratio | CPU | ratio | peak memory | ingest | segment + extract | align | judge | JSON |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut previous: Option<Measured> = None;
    for n in [100usize, 1_000, 10_000] {
        let dir = scratch.join(format!("story-{n}"));
        let bytes = story::write(&dir, n)?;
        let args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), dir.as_os_str(), "--format".as_ref(), "json".as_ref()];
        eprintln!("scaling: {n} articles...");
        let runs = if n >= 10_000 { 1 } else { 3 };
        let mut samples = Vec::new();
        for _ in 0..runs {
            match run_limited(bin, &args, RUN_LIMIT)? {
                Some(sample) => samples.push(sample),
                None => break,
            }
        }
        if samples.len() < runs {
            println!("| {n} | {:.1} MB | > {} s (stopped) | | | | | | | | | |", bytes as f64 / 1e6, RUN_LIMIT.as_secs());
            break;
        }
        let m = summarise(&samples);
        let ratio = |now: Option<Duration>, before: Option<Duration>| match (now, before) {
            (Some(a), Some(b)) => format!("{:.1}x", a.as_secs_f64() / b.as_secs_f64()),
            _ => "-".into(),
        };
        let wall_ratio = ratio(Some(m.wall), previous.as_ref().map(|p| p.wall));
        let cpu_ratio = ratio(m.cpu, previous.as_ref().and_then(|p| p.cpu));
        let stages = stages(&dir, rules)?;
        println!(
            "| {n} | {:.1} MB | {} | {wall_ratio} | {} | {cpu_ratio} | {} | {} |",
            bytes as f64 / 1e6,
            ms(m.wall),
            opt_ms(m.cpu),
            mib(m.peak_kib),
            stages.iter().map(|d| opt_ms(*d)).collect::<Vec<_>>().join(" | ")
        );
        previous = Some(m);
    }
    println!();
    Ok(())
}

/// The CPU time of each stage on one story, on this thread: ingest,
/// segment + extract, align, judge, render JSON.
fn stages(dir: &Path, rules: &RuleSet) -> Result<[Option<Duration>; 5]> {
    let sources = ingest::expand_inputs(&[dir.to_path_buf()])?;
    let (articles, _, ingest) = timed(|| sources.iter().map(ingest::read).collect::<std::result::Result<Vec<_>, _>>());
    let mut articles = articles?;
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    let (claims, _, extract) = timed(|| articles.iter().flat_map(|a| pipeline::facts(a, rules)).collect::<Vec<_>>());
    let (alignment, _, align) = timed(|| align::align_with_rules(&claims, rules));
    let (findings, _, judge) = timed(|| judge::judge(alignment.clusters));
    let report = pipeline::Report { articles, findings, limits: alignment.limits };
    let (_, _, json) = timed(|| std::hint::black_box(report::json::compare(&report).len()));
    Ok([ingest, extract, align, judge, json])
}

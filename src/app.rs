//! Runs a parsed command line: loads rules and articles, runs the pipeline,
//! renders, writes, and computes the exit code from the finished report.

use crate::cli::{Cli, ColorChoice, Command, CompareArgs, CompareFormat, FactsArgs, FactsFormat, FailOn, LintArgs, LintFormat, RulesCommand};
use crate::error::{Error, Result};
use crate::model::Severity;
use crate::rules::RuleSet;
use crate::{config, expect, ingest, lint, pipeline, report, rules};
use std::fmt::Write as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// What the binary should exit with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Clean,
    /// Exit 1: lint found something at or above `--fail-on`, or an
    /// expectation was unmet.
    Failed,
}

/// The text a command produced and the warnings to show on stderr.
pub struct Output {
    pub stdout: Vec<u8>,
    pub warnings: Vec<String>,
    pub outcome: Outcome,
}

/// Runs the command line.
pub fn run(cli: &Cli) -> Result<Output> {
    let color = use_color(cli.color);
    match &cli.command {
        Command::Compare(args) => compare(args, cli.rules.as_deref(), color),
        Command::Lint(args) => lint(args, cli.rules.as_deref(), color),
        Command::Facts(args) => facts(args, cli.rules.as_deref()),
        Command::Rules(RulesCommand::Check { dir }) => rules_check(dir.as_deref().or(cli.rules.as_deref())),
        Command::Rules(RulesCommand::Explain { topic }) => rules_explain(topic, cli.rules.as_deref()),
    }
}

fn load_rules(dir: Option<&Path>) -> Result<RuleSet> {
    match dir {
        Some(dir) => RuleSet::with_dir(dir),
        None => RuleSet::builtin(),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal(),
    }
}

fn article_warnings(articles: &[ingest::Article]) -> Vec<String> {
    articles.iter().flat_map(|a| a.warnings.iter().cloned()).collect()
}

fn compare(args: &CompareArgs, rules_dir: Option<&Path>, color: bool) -> Result<Output> {
    let rules = load_rules(rules_dir)?;
    let expectations = match &args.expect {
        Some(path) => Some((path, read_text(path)?)),
        None => None,
    };
    let sources = ingest::expand_inputs(&args.inputs)?;
    let progress = Progress::new(sources.len());
    let articles = read_all(&sources, &progress)?;
    let mut warnings = article_warnings(&articles);
    progress.stage("extracting");
    let report = pipeline::compare_with_progress(articles, &rules, &|| progress.tick_extracted());
    progress.finish();
    warnings.extend(report.limits.iter().map(ToString::to_string));
    let color = color && args.output.is_none();
    let text = match args.format {
        CompareFormat::Table => report::table::compare(&report, color),
        CompareFormat::Json => report::json::compare(&report),
        CompareFormat::Markdown => report::markdown::compare(&report),
        CompareFormat::Html => report::html::compare(&report),
    };
    let mut outcome = Outcome::Clean;
    let mut stdout = Vec::new();
    // With --expect, stdout carries the verdict on the expectations; the
    // report itself goes only where --output sends it.
    if let Some((path, text)) = expectations {
        let checked = expect::check(&report, path, &text)?;
        if !checked.unmet.is_empty() {
            outcome = Outcome::Failed;
        }
        stdout = expectation_lines(path, &checked).into_bytes();
    }
    match &args.output {
        Some(path) => write_atomically(path, text.as_bytes())?,
        None if args.expect.is_none() => stdout = text.into_bytes(),
        None => {}
    }
    Ok(Output { stdout, warnings, outcome })
}

/// One line per unmet expectation, then a summary line.
fn expectation_lines(path: &Path, checked: &expect::Outcome) -> String {
    let mut out = String::new();
    for unmet in &checked.unmet {
        out.push_str(&format!("{}: unmet: {}\n", path.display(), unmet.0));
    }
    let met = checked.checked.saturating_sub(checked.unmet.len());
    out.push_str(&format!(
        "{}: {met} of {} expectations met, {} unmet\n",
        path.display(),
        checked.checked,
        checked.unmet.len()
    ));
    out
}

fn lint(args: &LintArgs, rules_dir: Option<&Path>, color: bool) -> Result<Output> {
    let config = lint_config(args)?;
    let config_rules = config.as_ref().and_then(config::Loaded::rules_dir);
    // `--rules` wins over the config's `rules`.
    let rules = load_rules(rules_dir.or(config_rules.as_deref()))?;
    let known: Vec<&str> = rules.rules().iter().map(|r| r.topic.as_str()).collect();
    let mut skip_topics = Vec::new();
    if let Some(loaded) = &config {
        loaded.check_topics(&known)?;
        skip_topics.extend(loaded.config.skip_topics.iter().map(|t| t.get_ref().clone()));
    }
    if let Some(topic) = args.skip_topic.iter().find(|t| !known.contains(&t.as_str())) {
        return Err(Error::Usage(format!("--skip-topic: unknown topic `{topic}` (known: {})", known.join(", "))));
    }
    skip_topics.extend(args.skip_topic.iter().cloned());
    let settings = config.as_ref().map(|c| &c.config);
    let format = args.format.or(settings.and_then(|c| c.format)).unwrap_or(LintFormat::Human);
    let fail_on = args.fail_on.or(settings.and_then(|c| c.fail_on)).unwrap_or(FailOn::Error);

    let (draft, references) = lint_inputs(args)?;
    let mut warnings = article_warnings(std::slice::from_ref(&draft));
    warnings.extend(article_warnings(&references));
    let report = lint::lint(draft, references, &rules, &lint::Options { skip_topics });
    warnings.extend(report.limits.iter().map(ToString::to_string));
    let text = match format {
        LintFormat::Human => report::lint_text::human(&report, color && args.output.is_none()),
        LintFormat::Json => report::json::lint(&report),
        LintFormat::Line => report::lint_text::line(&report),
        LintFormat::Sarif => report::sarif::lint(&report),
        LintFormat::Github => report::github::lint(&report),
    };
    let stdout = match &args.output {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            Vec::new()
        }
        None => text.into_bytes(),
    };
    let outcome = if lint_fails(fail_on, report.max_severity()) { Outcome::Failed } else { Outcome::Clean };
    Ok(Output { stdout, warnings, outcome })
}

/// The `concord.toml` in force: `--config FILE`, none with `--no-config`,
/// else the nearest one from the current directory upward.
fn lint_config(args: &LintArgs) -> Result<Option<config::Loaded>> {
    if args.no_config {
        return Ok(None);
    }
    if let Some(path) = &args.config {
        return config::load(path).map(Some);
    }
    let cwd = std::env::current_dir().map_err(|source| Error::Unreadable { path: PathBuf::from("."), source })?;
    config::discover(&cwd)
}

/// The draft and the references, without the draft itself when it also
/// sits in a reference directory (a draft must not support itself).
fn lint_inputs(args: &LintArgs) -> Result<(ingest::Article, Vec<ingest::Article>)> {
    let from_stdin = args.draft.as_os_str() == "-";
    if from_stdin && args.against.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage("the draft and the references cannot both be read from stdin".into()));
    }
    let source = if from_stdin {
        ingest::Source::Stdin
    } else if args.draft.is_dir() {
        return Err(Error::Usage(format!("{}: is a directory; `lint` checks one draft", args.draft.display())));
    } else if args.draft.exists() {
        ingest::Source::File(args.draft.clone())
    } else {
        return Err(Error::Missing { path: args.draft.clone() });
    };
    let draft = ingest::read(&source)?;
    let draft_path = if from_stdin { None } else { std::fs::canonicalize(&args.draft).ok() };
    let mut references = read_all(&ingest::expand_inputs(&args.against)?, &Progress::hidden())?;
    references.retain(|r| draft_path.is_none() || std::fs::canonicalize(&r.path).ok() != draft_path);
    if references.is_empty() {
        return Err(Error::Usage("no reference articles besides the draft".into()));
    }
    Ok((draft, references))
}

/// True when the worst unsuppressed diagnostic reaches the threshold.
fn lint_fails(fail_on: FailOn, worst: Option<Severity>) -> bool {
    let threshold = match fail_on {
        FailOn::Never => return false,
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    worst.is_some_and(|s| s >= threshold)
}

fn facts(args: &FactsArgs, rules_dir: Option<&Path>) -> Result<Output> {
    let rules = load_rules(rules_dir)?;
    let source = if args.input.as_os_str() == "-" {
        ingest::Source::Stdin
    } else if args.input.is_file() {
        ingest::Source::File(args.input.clone())
    } else if args.input.is_dir() {
        return Err(Error::Usage(format!("{}: is a directory; `facts` takes one article", args.input.display())));
    } else {
        return Err(Error::Missing { path: args.input.clone() });
    };
    let article = ingest::read(&source)?;
    let mut claims = pipeline::facts(&article, &rules);
    if !args.all {
        claims.retain(|c| c.topic.is_some());
    }
    let text = match args.format {
        FactsFormat::Table => report::table::facts(&article, &claims),
        FactsFormat::Json => report::json::facts(&article, &claims),
    };
    let stdout = match &args.output {
        Some(path) => {
            write_atomically(path, text.as_bytes())?;
            Vec::new()
        }
        None => text.into_bytes(),
    };
    Ok(Output { stdout, warnings: article.warnings.clone(), outcome: Outcome::Clean })
}

/// `concord rules check [DIR]`: every rule file (the built-in set, or the
/// files in DIR) parsed, validated and its examples run against the rule
/// set it would join. Any error fails the check with exit 2, each error on
/// its own line as `path:line:col: key `k`: message`.
fn rules_check(dir: Option<&Path>) -> Result<Output> {
    let (checked, mut errors, only) = match dir {
        Some(dir) => {
            let (loaded, errors) = rules::load_dir_all(dir)?;
            let paths: Vec<PathBuf> = loaded.iter().map(|r| r.path.clone()).collect();
            (loaded, errors, Some(paths))
        }
        None => {
            let (loaded, errors) = rules::builtin_rules();
            (loaded, errors, None)
        }
    };
    let files = checked.len() + errors.len();
    let examples: usize = checked.iter().map(|r| r.examples.len()).sum();
    // Examples run against the set the rules would join: the built-in rules
    // with the checked ones added or overriding.
    let mut set_rules = if dir.is_some() { rules::builtin_rules().0 } else { Vec::new() };
    for rule in checked {
        set_rules.retain(|r| r.topic != rule.topic);
        set_rules.push(rule);
    }
    match RuleSet::new(set_rules) {
        Ok(set) => errors.extend(rules::examples::run(&set, only.as_deref())),
        Err(e) => errors.push(e),
    }
    if !errors.is_empty() {
        return Err(Error::from_rule_errors(errors));
    }
    let where_ = dir.map_or_else(|| "built-in rules".to_string(), |d| d.display().to_string());
    let stdout = format!("{where_}: {files} rule file(s) OK, {examples} example(s) passed\n").into_bytes();
    Ok(Output { stdout, warnings: Vec::new(), outcome: Outcome::Clean })
}

/// `concord rules explain TOPIC`: what a rule claims, why, and how.
fn rules_explain(topic: &str, rules_dir: Option<&Path>) -> Result<Output> {
    let rules = load_rules(rules_dir)?;
    let rule = rules.get(topic).ok_or_else(|| {
        let mut known: Vec<&str> = rules.rules().iter().map(|r| r.topic.as_str()).collect();
        known.sort_unstable();
        Error::Usage(format!("no rule for topic `{topic}` (known: {})", known.join(", ")))
    })?;
    Ok(Output { stdout: explain_text(rule).into_bytes(), warnings: Vec::new(), outcome: Outcome::Clean })
}

fn explain_text(rule: &rules::Rule) -> String {
    let mut out = String::new();
    let accepts: Vec<&str> = rule.accepts.iter().map(|a| a.as_str()).collect();
    let _ = writeln!(out, "{} ({})\n\n{}\n\nWhy: {}\n", rule.topic, rule.path.display(), rule.description.trim(), rule.rationale.trim());
    let _ = writeln!(out, "unit: {}    accepts: {}    priority: {}    band: {}", rule.unit.as_str(), accepts.join(", "), rule.priority, rule.band);
    if rule.claim_by_kind {
        let _ = writeln!(out, "claims every {} mention, even with no signal word", accepts.join(" or "));
    }
    let s = &rule.signals;
    let words: Vec<String> = s.words.iter().map(|(lemma, forms)| format!("{lemma} ({})", forms.join(", "))).collect();
    let nouns: Vec<String> = s.nouns.iter().map(|(_, forms)| forms.join("/")).collect();
    for (label, list) in [
        ("words", words),
        ("forms", s.forms.clone()),
        ("after the number", s.after.clone()),
        ("nouns", nouns),
        ("veto", s.veto.clone()),
        ("scope hints", s.scope_hints.clone()),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "{label}: {}", list.join("; "));
        }
    }
    if !rule.examples.is_empty() {
        let _ = writeln!(out, "\nexamples:");
        for e in &rule.examples {
            let verb = if e.claims { "claims" } else { "does not claim" };
            let _ = writeln!(out, "  {verb} \"{}\" in \"{}\"", e.quantity, e.text);
        }
    }
    out
}

/// Reads every source, in parallel when there are enough of them
/// ([`pipeline::parallel`]). The articles come back in source order,
/// and when several sources fail, the error is the first one's, so a run
/// reports the same thing however the threads were scheduled.
fn read_all(sources: &[ingest::Source], progress: &Progress) -> Result<Vec<ingest::Article>> {
    progress.stage("reading");
    let one = |source: &ingest::Source| {
        let article = ingest::read(source);
        progress.tick();
        article
    };
    let read: Vec<Result<ingest::Article>> = if pipeline::parallel(sources.len()) {
        sources.par_iter().map(one).collect()
    } else {
        sources.iter().map(one).collect()
    };
    let mut articles = read.into_iter().collect::<Result<Vec<_>>>()?;
    ingest::ids::make_unique(&mut articles);
    Ok(articles)
}

/// Runs with at least this many articles get a progress bar; shorter ones
/// finish before a bar would be worth drawing.
const PROGRESS_MIN_ARTICLES: usize = 200;

/// A progress bar on stderr, drawn only when stderr is a terminal and the
/// run is long, so pipes, CI logs and tests never see it.
struct Progress(Option<ProgressBar>);

impl Progress {
    fn new(articles: usize) -> Progress {
        if articles < PROGRESS_MIN_ARTICLES || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(Some(articles as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{msg:>10} {wide_bar} {pos}/{len} articles, {elapsed}") {
            bar.set_style(style);
        }
        // Redrawn on a timer, so the elapsed time moves during alignment.
        bar.enable_steady_tick(std::time::Duration::from_millis(250));
        Progress(Some(bar))
    }

    fn hidden() -> Progress {
        Progress(None)
    }

    /// Starts a stage over the same articles.
    fn stage(&self, name: &'static str) {
        if let Some(bar) = &self.0 {
            bar.set_message(name);
            bar.set_position(0);
        }
    }

    fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// The last article extracted: what follows is alignment, which shows
    /// no count, so the message says what is running and the clock goes on.
    fn tick_extracted(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
            if bar.position() >= bar.length().unwrap_or(0) {
                bar.set_message("aligning");
            }
        }
    }

    /// Clears the bar, so only the report and warnings remain.
    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

fn read_text(path: &Path) -> Result<String> {
    if !path.exists() {
        return Err(Error::Missing { path: path.to_path_buf() });
    }
    std::fs::read_to_string(path).map_err(|source| Error::Unreadable { path: path.to_path_buf(), source })
}

/// Writes `bytes` to `path` through a temporary file in the same directory
/// and a rename, so the file is either the whole report or untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.concord-{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    result.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Write { path: path.to_path_buf(), source }
    })
}

//! The command line (clap derive). Parsed here, validated and run in
//! [`crate::app`].

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Cross-source fact-consistency checker for news copy.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Add or override topic rules with the `.toml` files in DIR.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Option<PathBuf>,

    /// When to colour terminal output (`NO_COLOR` is honoured by `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Cross-source report for one story.
    Compare(CompareArgs),
    /// Pre-publication lint of a draft against reference copy.
    Lint(LintArgs),
    /// The fact set of one article, as the extractor saw it.
    Facts(FactsArgs),
    /// Validate and explain topic rules.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Article files, directories of articles, or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    #[arg(long, short, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,

    /// Write the report to FILE (whole or not at all) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Check the report against an expectations file; exit 1 if any is unmet.
    #[arg(long, value_name = "FILE.toml")]
    pub expect: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The draft to check.
    #[arg(value_name = "DRAFT")]
    pub draft: PathBuf,

    /// Reference articles: files, directories, or `-` for stdin.
    #[arg(long, required = true, num_args = 1.., value_name = "INPUT")]
    pub against: Vec<PathBuf>,

    /// Output format [default: human, or `format` in concord.toml].
    #[arg(long, short, value_enum)]
    pub format: Option<LintFormat>,

    /// Exit 1 when a diagnostic at or above this level is found
    /// [default: error, or `fail-on` in concord.toml].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Write the diagnostics to FILE (whole or not at all) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Use this config file instead of searching for concord.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any concord.toml.
    #[arg(long)]
    pub no_config: bool,

    /// Skip a topic (repeatable); adds to `skip-topics` in concord.toml.
    #[arg(long, value_name = "TOPIC")]
    pub skip_topic: Vec<String>,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    /// One article file, or `-` for stdin.
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,

    #[arg(long, short, value_enum, default_value_t = FactsFormat::Table)]
    pub format: FactsFormat,

    /// Also list quantities that no rule claimed.
    #[arg(long)]
    pub all: bool,

    /// Write the facts to FILE (whole or not at all) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files (the built-in set, or DIR) and run their examples.
    Check {
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Describe a topic rule: what it claims and why.
    Explain {
        #[arg(value_name = "TOPIC")]
        topic: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LintFormat {
    Human,
    Json,
    Sarif,
    Github,
    Line,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FactsFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}

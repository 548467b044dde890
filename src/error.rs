//! Typed errors of the library. Each names the file and the problem in one
//! line; the binary maps every one of them to exit code 2.

use std::path::PathBuf;

/// Everything that can stop a run before a report exists.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("{}: no such file or directory", path.display())]
    Missing { path: PathBuf },

    #[error("{}: cannot read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}: no articles (.txt or .md files) found", path.display())]
    NoArticles { path: PathBuf },

    #[error("{}: looks like a binary file, not article text", path.display())]
    Binary { path: PathBuf },

    /// A rule file (or `concord.toml`) that cannot be used, located as
    /// precisely as the parser allows.
    #[error("{}:{line}:{column}: {}{message}", path.display(), key.as_ref().map(|k| format!("key `{k}`: ")).unwrap_or_default())]
    RuleFile {
        path: PathBuf,
        line: usize,
        column: usize,
        key: Option<String>,
        message: String,
    },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Config {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Several rule-file errors at once, one per line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    RuleFiles(Vec<Error>),

    /// Flags or arguments that contradict each other or cannot be used.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// One error for a list of rule-file errors: the error itself when
    /// there is one, all of them otherwise.
    pub fn from_rule_errors(mut errors: Vec<Error>) -> Error {
        if errors.len() == 1 { errors.remove(0) } else { Error::RuleFiles(errors) }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

//! `concord.toml`: project settings found from the current directory
//! upward. Command-line flags win over it.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The settings a `concord.toml` may hold.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A rules directory, relative to the config file.
    pub rules: Option<PathBuf>,
    #[serde(rename = "fail-on")]
    pub fail_on: Option<String>,
    pub format: Option<String>,
    #[serde(default, rename = "skip-topics")]
    pub skip_topics: Vec<String>,
}

/// The nearest `concord.toml` from `start` upward, parsed.
pub fn discover(start: &Path) -> Result<Option<(PathBuf, Config)>> {
    for dir in start.ancestors() {
        let path = dir.join("concord.toml");
        if path.is_file() {
            return load(&path).map(|c| Some((path, c)));
        }
    }
    Ok(None)
}

/// Parses one config file.
pub fn load(path: &Path) -> Result<Config> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| Error::Unreadable { path: path.to_path_buf(), source })?;
    toml::from_str(&text).map_err(|e| Error::Config {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: e.message().to_string(),
    })
}

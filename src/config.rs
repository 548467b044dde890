//! `concord.toml`: a project's lint settings, found from the current
//! directory upward so a newsroom can keep one file at the top of its
//! content tree. Command-line flags win over it.
//!
//! Loading is strict: an unknown key, a bad value or a topic the rules do
//! not know is an error that names the file, line, column and key, because
//! a misspelt setting that is silently ignored is worse than none.

use crate::cli::{FailOn, LintFormat};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The file name searched for.
pub const FILE_NAME: &str = "concord.toml";

/// The settings a `concord.toml` may hold.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A rules directory, relative to the config file.
    pub rules: Option<PathBuf>,
    #[serde(rename = "fail-on")]
    pub fail_on: Option<FailOn>,
    pub format: Option<LintFormat>,
    /// Topics lint does not check, each with where it is written so that an
    /// unknown one can be located.
    #[serde(default, rename = "skip-topics")]
    pub skip_topics: Vec<Spanned<String>>,
}

/// A config file and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub config: Config,
}

impl Loaded {
    /// The rules directory, resolved against the config file's directory.
    pub fn rules_dir(&self) -> Option<PathBuf> {
        let base = self.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        self.config.rules.as_ref().map(|r| base.join(r))
    }

    /// Fails on the first skipped topic that `known` does not contain.
    pub fn check_topics(&self, known: &[&str]) -> Result<()> {
        match self.config.skip_topics.iter().find(|t| !known.contains(&t.get_ref().as_str())) {
            Some(topic) => Err(self.error_at(
                topic.span(),
                Some("skip-topics"),
                &format!("unknown topic `{}` (known: {})", topic.get_ref(), known.join(", ")),
            )),
            None => Ok(()),
        }
    }

    fn error_at(&self, span: Range<usize>, key: Option<&str>, message: &str) -> Error {
        located(&self.path, &self.text, span, key, message)
    }
}

/// The nearest `concord.toml` from `start` upward, up to the filesystem
/// root, parsed.
pub fn discover(start: &Path) -> Result<Option<Loaded>> {
    for dir in start.ancestors() {
        let path = dir.join(FILE_NAME);
        if path.is_file() {
            return load(&path).map(Some);
        }
    }
    Ok(None)
}

/// Reads and parses one config file.
pub fn load(path: &Path) -> Result<Loaded> {
    if !path.exists() {
        return Err(Error::Missing { path: path.to_path_buf() });
    }
    let text =
        std::fs::read_to_string(path).map_err(|source| Error::Unreadable { path: path.to_path_buf(), source })?;
    let config = parse(path, &text)?;
    Ok(Loaded { path: path.to_path_buf(), text, config })
}

/// Parses config text; errors are located in `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config> {
    toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let key = key_at(text, &span);
        located(path, text, span, key.as_deref(), e.message())
    })
}

fn located(path: &Path, text: &str, span: Range<usize>, key: Option<&str>, message: &str) -> Error {
    let (line, column) = crate::text::line_col(text, span.start);
    // One line, whatever the parser's message looks like.
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let message = match key {
        Some(key) => format!("key `{key}`: {message}"),
        None => message,
    };
    Error::Config { path: path.to_path_buf(), line, column, message }
}

/// The key an error span belongs to: the key on the left of `=` on the
/// span's line, or on the nearest line above that has one (a value inside
/// a multi-line array).
fn key_at(text: &str, span: &Range<usize>) -> Option<String> {
    let start = crate::text::floor_char_boundary(text, span.start);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    text[..line_end].lines().rev().find_map(|line| {
        // `key = value`, or a table header `[key]`.
        let key = match line.split_once('=') {
            Some((key, _)) => key,
            None => line.trim().strip_prefix('[')?.strip_suffix(']')?,
        };
        let key = key.trim().trim_matches(|c| c == '"' || c == '\'');
        let is_key = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
        is_key.then(|| key.to_string())
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(Path::new("concord.toml"), text).unwrap_err().to_string()
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            Path::new("concord.toml"),
            "rules = \"rules\"\nfail-on = \"warning\"\nformat = \"sarif\"\nskip-topics = [\"money\"]\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, Some(FailOn::Warning));
        assert_eq!(c.format, Some(LintFormat::Sarif));
        assert_eq!(c.rules, Some(PathBuf::from("rules")));
        assert_eq!(c.skip_topics.iter().map(|t| t.get_ref().as_str()).collect::<Vec<_>>(), ["money"]);
    }

    #[test]
    fn errors_name_line_column_and_key() {
        let cases = [
            ("fail-on = \"error\"\nfial-on = \"never\"\n", "concord.toml:2:1: key `fial-on`: unknown field"),
            ("format = \"xml\"\n", "concord.toml:1:10: key `format`: unknown variant `xml`"),
            ("\n\nfail-on = 3\n", "concord.toml:3:11: key `fail-on`: wanted string"),
            ("skip-topics = \"deaths\"\n", "concord.toml:1:15: key `skip-topics`: invalid type"),
            ("skip-topics = [\n  \"deaths\",\n  3,\n]\n", "concord.toml:3:3: key `skip-topics`: invalid type"),
            ("[rules]\nx = 1\n", "concord.toml:1:1: key `rules`: invalid type"),
        ];
        for (text, expected) in cases {
            let e = error(text);
            assert!(e.starts_with(expected), "{text:?}: {e}");
            assert_eq!(e.lines().count(), 1, "{e}");
        }
    }

    #[test]
    fn unknown_skipped_topic_is_located() {
        let text = "fail-on = \"error\"\nskip-topics = [\"deaths\", \"casualties\"]\n";
        let loaded = Loaded {
            path: PathBuf::from("x/concord.toml"),
            text: text.into(),
            config: parse(Path::new("x/concord.toml"), text).unwrap(),
        };
        let e = loaded.check_topics(&["deaths", "troops"]).unwrap_err().to_string();
        assert_eq!(e, "x/concord.toml:2:26: key `skip-topics`: unknown topic `casualties` (known: deaths, troops)");
        assert_eq!(loaded.rules_dir(), None);
    }

    #[test]
    fn rules_dir_is_relative_to_the_file() {
        let loaded = Loaded {
            path: PathBuf::from("/news/concord.toml"),
            text: String::new(),
            config: Config { rules: Some("house-rules".into()), ..Config::default() },
        };
        assert_eq!(loaded.rules_dir(), Some(PathBuf::from("/news/house-rules")));
    }
}

//! Topic rules: TOML files, the built-in set compiled into the binary,
//! extended or overridden with `--rules DIR`, validated before any article
//! is read.

pub mod schema;

use crate::error::{Error, Result};
pub use schema::{Example, RuleFile as Rule, Signals, UnitKind};
use std::path::{Path, PathBuf};

/// The rule files shipped in `rules/`, compiled in. A test checks that every
/// file in `rules/` is listed here.
pub const BUILTIN: &[(&str, &str)] = &[
    ("deaths.toml", include_str!("../../rules/deaths.toml")),
    ("troops.toml", include_str!("../../rules/troops.toml")),
    ("duration.toml", include_str!("../../rules/duration.toml")),
];

/// A validated set of rules, sorted by descending priority then topic.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> Result<RuleSet> {
        let rules = BUILTIN
            .iter()
            .map(|(name, text)| parse(Path::new("rules").join(name).as_path(), text))
            .collect::<Result<Vec<_>>>()?;
        Ok(RuleSet::new(rules))
    }

    /// The built-in rules, with every rule in `dir` added; a rule whose
    /// topic is built in replaces the built-in one.
    pub fn with_dir(dir: &Path) -> Result<RuleSet> {
        let mut rules = RuleSet::builtin()?.rules;
        for rule in load_dir(dir)? {
            rules.retain(|r| r.topic != rule.topic);
            rules.push(rule);
        }
        Ok(RuleSet::new(rules))
    }

    fn new(mut rules: Vec<Rule>) -> RuleSet {
        rules.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.topic.cmp(&b.topic)));
        RuleSet { rules }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, topic: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.topic == topic)
    }
}

/// Every `.toml` rule file in `dir`, sorted by file name.
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>> {
    if !dir.is_dir() {
        return Err(Error::Missing { path: dir.to_path_buf() });
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| Error::Unreadable { path: dir.to_path_buf(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .map_err(|source| Error::Unreadable { path: path.clone(), source })?;
            parse(path, &text)
        })
        .collect()
}

/// Parses one rule file, locating any error by line and column.
pub fn parse(path: &Path, text: &str) -> Result<Rule> {
    toml::from_str::<Rule>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        Error::RuleFile {
            path: path.to_path_buf(),
            line,
            column,
            key: None,
            message: e.message().to_string(),
        }
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load() {
        assert!(RuleSet::builtin().unwrap().get("deaths").is_some());
    }

    #[test]
    fn unknown_key_is_located() {
        let text = "topic = \"x\"\ndescription = \"d\"\nrationale = \"r\"\nunit = \"people\"\nbnad = 0.2\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err().to_string();
        assert!(err.starts_with("x.toml:5:1:"), "{err}");
    }
}

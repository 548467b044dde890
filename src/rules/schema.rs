//! The TOML schema of a rule file, deserialised strictly: unknown keys are
//! errors, so a typo in a rule never passes silently.

use crate::model::{BaseUnit, QuantityKind};
use serde::Deserialize;

/// One topic rule, as written in `rules/<topic>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub topic: String,
    pub description: String,
    pub rationale: String,
    pub unit: UnitKind,
    /// Higher wins when several rules claim one mention.
    #[serde(default)]
    pub priority: i32,
    /// Approximation band for "about N": `[N (1 - band), N (1 + band)]`.
    #[serde(default = "default_band")]
    pub band: f64,
    #[serde(default)]
    pub signals: Signals,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

fn default_band() -> f64 {
    crate::extract::quantity::DEFAULT_BAND
}

/// Words that signal or veto a topic.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signals {
    /// Event words near the quantity ("killed", "died").
    #[serde(default)]
    pub words: Vec<String>,
    /// Counted nouns ("soldiers", "troops").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Words that rule the topic out when near the quantity.
    #[serde(default)]
    pub veto: Vec<String>,
    /// Words that narrow the scope ("regiment", "war").
    #[serde(default)]
    pub scope_hints: Vec<String>,
}

/// A sentence and what the rule must make of it; `cargo test` runs them all.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    /// The quantity phrase the rule must claim, or none when `claims = false`.
    pub quantity: String,
    #[serde(default = "yes")]
    pub claims: bool,
}

fn yes() -> bool {
    true
}

/// The unit kind of a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    People,
    Days,
    Currency,
    Percent,
    Count,
}

impl UnitKind {
    /// The base unit of a claim of this kind.
    pub fn base_unit(self, kind: &QuantityKind) -> BaseUnit {
        match (self, kind) {
            (UnitKind::People, _) => BaseUnit::People,
            (UnitKind::Days, _) => BaseUnit::Days,
            (UnitKind::Percent, _) => BaseUnit::Percent,
            (UnitKind::Currency, QuantityKind::Money(code)) => BaseUnit::Currency(code.clone()),
            (UnitKind::Currency, _) => BaseUnit::Currency("unknown".into()),
            (UnitKind::Count, _) => BaseUnit::Other("count".into()),
        }
    }
}

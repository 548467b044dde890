//! The TOML schema of a rule file, deserialised strictly: unknown keys are
//! errors, so a typo in a rule never passes silently. Values that later
//! checks may reject (a topic, a band, a word) keep their spans, so every
//! error can point at the line and column of the offending key.
//!
//! This is the file as written; [`crate::rules::Rule`] is the validated,
//! compiled form the extractor uses.

use crate::model::{BaseUnit, QuantityKind};
use serde::Deserialize;
use toml::Spanned;

/// One topic rule, as written in `rules/<topic>.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The topic name claims carry ("deaths"); unique across the rule set.
    pub topic: Spanned<String>,
    /// One line: what the topic counts.
    pub description: Spanned<String>,
    /// Why editors care: why the figure is worth checking across sources.
    pub rationale: Spanned<String>,
    /// The base unit claims of this topic are expressed in.
    pub unit: UnitKind,
    /// The quantity kinds the topic can claim: a death toll is a count, a
    /// deployment length a duration.
    pub accepts: Spanned<Vec<AcceptKind>>,
    /// When several rules could claim a mention with equal evidence, the
    /// higher priority wins.
    #[serde(default)]
    pub priority: i32,
    /// Approximation band for "about N": `[N (1 - band), N (1 + band)]`.
    /// Between 0 and 1; the extractor's default when absent.
    #[serde(default)]
    pub band: Option<Spanned<f64>>,
    /// Claim every mention of an accepted kind even when no signal word or
    /// noun is near it (durations, money, percentages are their own signal).
    #[serde(default)]
    pub claim_by_kind: bool,
    #[serde(default)]
    pub signals: Signals,
    #[serde(default, rename = "example")]
    pub examples: Vec<Spanned<Example>>,
}

/// Words that signal, veto or narrow a topic. Every entry is matched as a
/// whole word or phrase, ignoring ASCII case.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signals {
    /// Event words as lemmas ("kill", "die", "death"): each is expanded to
    /// its inflections ("killed", "dying", "deaths") unless `inflect` is off.
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    /// Event words and phrases matched exactly as written ("killed in
    /// action", "dead"), never inflected.
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    /// Forms that signal only when they follow the number, as predicate
    /// adjectives do: "3 hikers remain missing" and "the 3 missing hikers",
    /// but not "the team is missing 4 players".
    #[serde(default)]
    pub after: Vec<Spanned<String>>,
    /// Counted nouns in the singular ("soldier", "combat engineer"); the
    /// plural is generated. The strongest evidence after an event word.
    #[serde(default)]
    pub nouns: Vec<Spanned<String>>,
    /// Words or phrases that rule the topic out when they stand in the
    /// mention's clause, matched exactly as written ("ago", "death row").
    #[serde(default)]
    pub veto: Vec<Spanned<String>>,
    /// Frame nouns that narrow the scope of this topic's claims ("war",
    /// "mission", "regiment"): "during the mission" becomes a time frame,
    /// "of the regiment" a group qualifier.
    #[serde(default)]
    pub scope_hints: Vec<Spanned<String>>,
    /// Expand `words` to their inflections (default true).
    #[serde(default = "yes")]
    pub inflect: bool,
}

impl Default for Signals {
    fn default() -> Self {
        Signals { words: Vec::new(), forms: Vec::new(), after: Vec::new(), nouns: Vec::new(), veto: Vec::new(), scope_hints: Vec::new(), inflect: true }
    }
}

/// A sentence and the quantity the rule must claim (or must not claim,
/// with `claims = false`); `cargo test` and `concord rules check` run them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// A sentence in our own words.
    pub text: String,
    /// The quantity phrase as it stands in `text` ("at least 40 people").
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
            (UnitKind::Count, QuantityKind::Measure(unit)) => BaseUnit::Other(unit.clone()),
            (UnitKind::Count, _) => BaseUnit::Other("count".into()),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::People => "people",
            UnitKind::Days => "days",
            UnitKind::Currency => "currency",
            UnitKind::Percent => "percent",
            UnitKind::Count => "count",
        }
    }
}

/// A quantity kind a rule accepts (see [`QuantityKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AcceptKind {
    Count,
    Duration,
    Money,
    Percent,
    Measure,
}

impl AcceptKind {
    /// True when a mention of `kind` is of this accepted kind.
    pub fn admits(self, kind: &QuantityKind) -> bool {
        matches!(
            (self, kind),
            (AcceptKind::Count, QuantityKind::Count)
                | (AcceptKind::Duration, QuantityKind::Duration)
                | (AcceptKind::Money, QuantityKind::Money(_))
                | (AcceptKind::Percent, QuantityKind::Percent)
                | (AcceptKind::Measure, QuantityKind::Measure(_))
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AcceptKind::Count => "count",
            AcceptKind::Duration => "duration",
            AcceptKind::Money => "money",
            AcceptKind::Percent => "percent",
            AcceptKind::Measure => "measure",
        }
    }
}

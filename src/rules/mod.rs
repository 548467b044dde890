//! Topic rules: TOML files, the built-in set compiled into the binary,
//! extended or overridden with `--rules DIR`, validated before any article
//! is read.
//!
//! A file is read in three steps: [`schema`] deserialises it strictly,
//! [`validate`] checks what serde cannot (empty words, a band out of range,
//! a rule that can claim nothing), and [`compile`] expands inflections. The
//! [`RuleSet`] then compiles every form of every rule into one automaton
//! ([`matcher`]) so a sentence is scanned once. Every error names the file,
//! line, column and key.

pub mod examples;
pub mod inflect;
pub mod matcher;
pub mod schema;
mod validate;

use crate::error::{Error, Result};
use matcher::{Entry, Hit, Matcher, SignalKind};
pub use schema::{AcceptKind, Example as ExampleFile, RuleFile, UnitKind};
use std::path::{Path, PathBuf};

/// The rule files shipped in `rules/`, compiled in. A test checks that every
/// file in `rules/` is listed here.
pub const BUILTIN: &[(&str, &str)] = &[
    ("deaths.toml", include_str!("../../rules/deaths.toml")),
    ("duration.toml", include_str!("../../rules/duration.toml")),
    ("injured.toml", include_str!("../../rules/injured.toml")),
    ("missing.toml", include_str!("../../rules/missing.toml")),
    ("money.toml", include_str!("../../rules/money.toml")),
    ("people.toml", include_str!("../../rules/people.toml")),
    ("percent.toml", include_str!("../../rules/percent.toml")),
    ("troops.toml", include_str!("../../rules/troops.toml")),
];

/// A validated, compiled topic rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub topic: String,
    pub description: String,
    pub rationale: String,
    pub unit: UnitKind,
    pub accepts: Vec<AcceptKind>,
    pub priority: i32,
    pub band: f64,
    pub claim_by_kind: bool,
    pub signals: Signals,
    pub examples: Vec<Example>,
    /// Where the rule was read from, and the line of its `topic` key.
    pub path: PathBuf,
    pub topic_line: usize,
}

/// A rule's word lists after inflection.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    /// Each event word as written, with every form it expands to.
    pub words: Vec<(String, Vec<String>)>,
    pub forms: Vec<String>,
    /// Forms that count only after the number.
    pub after: Vec<String>,
    /// Each counted noun as written, with its plural.
    pub nouns: Vec<(String, Vec<String>)>,
    pub veto: Vec<String>,
    pub scope_hints: Vec<String>,
}

/// One `[[example]]`, located in its file.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub quantity: String,
    pub claims: bool,
    pub line: usize,
    pub column: usize,
}

impl Rule {
    /// True when the rule may claim a mention of this kind.
    pub fn accepts(&self, kind: &crate::model::QuantityKind) -> bool {
        self.accepts.iter().any(|a| a.admits(kind))
    }
}

/// A validated set of rules, sorted by descending priority then topic, with
/// one automaton over all their forms.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    matcher: Matcher,
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> Result<RuleSet> {
        let (rules, errors) = builtin_rules();
        match errors.is_empty() {
            true => RuleSet::new(rules),
            false => Err(Error::from_rule_errors(errors)),
        }
    }

    /// The built-in rules, with every rule in `dir` added; a rule whose
    /// topic is built in replaces the built-in one.
    pub fn with_dir(dir: &Path) -> Result<RuleSet> {
        let mut rules = RuleSet::builtin()?.rules;
        for rule in load_dir(dir)? {
            rules.retain(|r| r.topic != rule.topic);
            rules.push(rule);
        }
        RuleSet::new(rules)
    }

    /// Sorts the rules and compiles their forms; two rules with one topic
    /// are an error naming the second.
    pub fn new(mut rules: Vec<Rule>) -> Result<RuleSet> {
        rules.sort_by(|a, b| b.priority.cmp(&a.priority).then_with(|| a.topic.cmp(&b.topic)));
        let errors = duplicate_topics(&rules);
        if !errors.is_empty() {
            return Err(Error::from_rule_errors(errors));
        }
        let matcher = Matcher::new(rules.iter().enumerate().flat_map(|(i, r)| entries(i, r)));
        Ok(RuleSet { rules, matcher })
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, topic: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.topic == topic)
    }

    /// Every whole-word hit of any rule's forms in `text`.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        self.matcher.hits(text)
    }

    /// [`RuleSet::hits`] of `text`, tried at the words a reader has
    /// found there ([`Matcher::hits_in_words`] says what they must be).
    pub fn hits_in_words(&self, text: &str, words: impl IntoIterator<Item = matcher::WordStretch>) -> Vec<Hit> {
        self.matcher.hits_in_words(text, words)
    }

    /// [`RuleSet::hits_in_words`] written into `hits` (emptied first).
    pub fn hits_in_words_into(&self, text: &str, words: impl IntoIterator<Item = matcher::WordStretch>, hits: &mut Vec<Hit>) {
        self.matcher.hits_in_words_into(text, words, hits);
    }

    /// The lemma a hit expands from ("kill" for "killed").
    pub fn lemma(&self, hit: &Hit) -> &str {
        self.matcher.lemma(hit.lemma)
    }
}

/// Every form of a rule, tagged for the automaton.
fn entries(index: usize, rule: &Rule) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    let s = &rule.signals;
    for (lemma, forms) in &s.words {
        out.extend(forms.iter().map(|f| Entry { rule: index, kind: SignalKind::Word, form: f, lemma }));
    }
    out.extend(s.forms.iter().map(|f| Entry { rule: index, kind: SignalKind::Word, form: f, lemma: f }));
    out.extend(s.after.iter().map(|f| Entry { rule: index, kind: SignalKind::WordAfter, form: f, lemma: f }));
    for (lemma, forms) in &s.nouns {
        out.extend(forms.iter().map(|f| Entry { rule: index, kind: SignalKind::Noun, form: f, lemma }));
    }
    out.extend(s.veto.iter().map(|f| Entry { rule: index, kind: SignalKind::Veto, form: f, lemma: f }));
    out.extend(s.scope_hints.iter().map(|f| Entry { rule: index, kind: SignalKind::Hint, form: f, lemma: f }));
    out
}

fn duplicate_topics(rules: &[Rule]) -> Vec<Error> {
    let mut errors = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if let Some(first) = rules[..i].iter().find(|f| f.topic == r.topic) {
            errors.push(Error::RuleFile {
                path: r.path.clone(),
                line: r.topic_line,
                column: 1,
                key: Some("topic".into()),
                message: format!("topic `{}` is also defined in {}", r.topic, first.path.display()),
            });
        }
    }
    errors
}

/// The built-in rules and any error in them (none, as a test checks).
pub fn builtin_rules() -> (Vec<Rule>, Vec<Error>) {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (name, text) in BUILTIN {
        match parse(&Path::new("rules").join(name), text) {
            Ok(rule) => rules.push(rule),
            Err(e) => errors.extend(e),
        }
    }
    (rules, errors)
}

/// Every `.toml` rule file in `dir`, sorted by file name; any error in any
/// file fails the whole load, listing every error found.
pub fn load_dir(dir: &Path) -> Result<Vec<Rule>> {
    let (rules, errors) = load_dir_all(dir)?;
    match errors.is_empty() {
        true => Ok(rules),
        false => Err(Error::from_rule_errors(errors)),
    }
}

/// Every rule in `dir` that loads, and every error of those that do not
/// (duplicate topics within the directory included).
pub fn load_dir_all(dir: &Path) -> Result<(Vec<Rule>, Vec<Error>)> {
    if !dir.is_dir() {
        return Err(Error::Missing { path: dir.to_path_buf() });
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| Error::Unreadable { path: dir.to_path_buf(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Usage(format!("{}: no rule files (.toml) found", dir.display())));
    }
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(source) => {
                errors.push(Error::Unreadable { path: path.clone(), source });
                continue;
            }
        };
        match parse(path, &text) {
            Ok(rule) => rules.push(rule),
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(duplicate_topics(&rules));
    Ok((rules, errors))
}

/// Parses, validates and compiles one rule file; every problem found is
/// returned, each located by line, column and key.
pub fn parse(path: &Path, text: &str) -> Result<Rule, Vec<Error>> {
    let file = toml::from_str::<RuleFile>(text).map_err(|e| vec![validate::from_toml(path, text, &e)])?;
    let errors = validate::check(path, text, &file);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(compile(path, text, file))
}

/// The compiled form of a valid rule file.
fn compile(path: &Path, text: &str, file: RuleFile) -> Rule {
    let s = &file.signals;
    let words = s
        .words
        .iter()
        .map(|w| {
            let forms = if s.inflect { inflect::forms(w.get_ref()) } else { vec![w.get_ref().to_lowercase()] };
            (w.get_ref().clone(), forms)
        })
        .collect();
    let plain = |list: &[toml::Spanned<String>]| list.iter().map(|w| w.get_ref().to_lowercase()).collect::<Vec<_>>();
    let signals = Signals {
        words,
        forms: plain(&s.forms),
        after: plain(&s.after),
        nouns: s.nouns.iter().map(|n| (n.get_ref().clone(), inflect::noun_forms(n.get_ref()))).collect(),
        veto: plain(&s.veto),
        scope_hints: plain(&s.scope_hints),
    };
    let examples = file
        .examples
        .iter()
        .map(|e| {
            let (line, column) = line_col(text, e.span().start);
            let e = e.get_ref();
            Example { text: e.text.clone(), quantity: e.quantity.clone(), claims: e.claims, line, column }
        })
        .collect();
    Rule {
        topic_line: line_col(text, file.topic.span().start).0,
        topic: file.topic.into_inner(),
        description: file.description.into_inner(),
        rationale: file.rationale.into_inner(),
        unit: file.unit,
        accepts: file.accepts.into_inner(),
        priority: file.priority,
        band: file.band.map_or(crate::extract::quantity::DEFAULT_BAND, |b| *b.get_ref()),
        claim_by_kind: file.claim_by_kind,
        signals,
        examples,
        path: path.to_path_buf(),
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) use crate::text::line_col;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_without_error() {
        let (rules, errors) = builtin_rules();
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(rules.len() >= 8);
        let set = RuleSet::builtin().unwrap();
        for topic in ["deaths", "injured", "missing", "troops", "people", "duration", "money", "percent"] {
            assert!(set.get(topic).is_some(), "no built-in rule for {topic}");
        }
    }

    #[test]
    fn every_file_in_rules_dir_is_builtin_and_named_after_its_topic() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = BUILTIN.iter().map(|(n, _)| (*n).to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "rules/ and rules::BUILTIN disagree");
        for (name, text) in BUILTIN {
            assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), *text, "{name} is stale");
        }
    }

    #[test]
    fn unknown_key_is_located() {
        let text = "topic = \"x\"\ndescription = \"d\"\nrationale = \"r\"\nunit = \"people\"\nbnad = 0.2\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err()[0].to_string();
        assert!(err.starts_with("x.toml:5:1: key `bnad`:"), "{err}");
    }

    #[test]
    fn duplicate_topic_is_an_error() {
        let (mut rules, _) = builtin_rules();
        let mut copy = rules[0].clone();
        copy.path = PathBuf::from("extra/copy.toml");
        rules.push(copy);
        let err = RuleSet::new(rules).unwrap_err().to_string();
        assert!(err.contains("extra/copy.toml") && err.contains("key `topic`"), "{err}");
    }

    #[test]
    fn one_automaton_serves_every_rule() {
        let set = RuleSet::builtin().unwrap();
        let text = "Troops were killed and residents evacuated.";
        let topics: Vec<&str> = set
            .hits(text)
            .iter()
            .filter(|h| h.kind != SignalKind::Hint)
            .map(|h| set.rules()[h.rule].topic.as_str())
            .collect();
        assert!(topics.contains(&"troops") && topics.contains(&"deaths") && topics.contains(&"people"), "{topics:?}");
    }
}

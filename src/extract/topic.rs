//! Topic assignment: which rule, if any, claims a quantity mention.

use crate::model::{BaseUnit, Interval, Quantity};
use crate::rules::RuleSet;

/// A rule's decision for one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicDecision {
    pub topic: String,
    pub unit: BaseUnit,
    /// The mention's interval with the rule's approximation band.
    pub interval: Interval,
}

/// The topic of `mentions[index]` within `sentence`, if any rule claims it.
pub fn assign(sentence: &str, mentions: &[Quantity], index: usize, rules: &RuleSet) -> Option<TopicDecision> {
    let q = &mentions[index];
    let lower = sentence.to_lowercase();
    let rule = rules.rules().iter().find(|r| r.signals.words.iter().any(|w| lower.contains(w.as_str())))?;
    Some(TopicDecision {
        topic: rule.topic.clone(),
        unit: rule.unit.base_unit(&q.kind),
        interval: crate::extract::quantity::widen(&q.stated, &q.kind, rule.band),
    })
}

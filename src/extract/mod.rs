//! Extract: the sentences of an article become claims. Each quantity
//! mention gets a topic from the rules, a scope (what is counted) and an
//! attribution (who says so).

pub mod attribution;
pub mod quantity;
pub mod scope;
pub mod topic;

use crate::ingest::Article;
use crate::model::{BaseUnit, Claim, QuantityKind};
use crate::rules::RuleSet;
use crate::segment::Segments;

/// Every quantity of the article as a claim; those no rule claimed have
/// `topic: None`.
pub fn extract(article: &Article, segments: &Segments, rules: &RuleSet) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sentence in &segments.sentences {
        let text = &article.text[sentence.span.start..sentence.span.end];
        let found = quantity::find(text);
        for (index, q) in found.iter().enumerate() {
            let mut q = q.clone();
            q.span = q.span.shift(sentence.span.start);
            let decision = topic::assign(text, &found, index, rules);
            let (line, column) = article.line_col(q.span.start);
            let unit = decision.as_ref().map_or_else(|| natural_unit(&q.kind, q.noun.as_deref()), |d| d.unit.clone());
            let interval = decision.as_ref().map_or(q.interval, |d| d.interval);
            claims.push(Claim {
                article: article.id.clone(),
                topic: decision.map(|d| d.topic),
                interval,
                unit,
                sentence: sentence.span,
                sentence_text: text.to_string(),
                scope: scope::scope_of(text, &found, index),
                attribution: attribution::find(text, sentence),
                line,
                column,
                quantity: q,
            });
        }
    }
    claims
}

/// The base unit of a quantity no rule claimed.
fn natural_unit(kind: &QuantityKind, noun: Option<&str>) -> BaseUnit {
    match kind {
        QuantityKind::Duration => BaseUnit::Days,
        QuantityKind::Percent => BaseUnit::Percent,
        QuantityKind::Money(code) => BaseUnit::Currency(code.clone()),
        QuantityKind::Measure(unit) => BaseUnit::Other(unit.clone()),
        QuantityKind::Count => BaseUnit::Other(noun.unwrap_or("count").to_lowercase()),
    }
}

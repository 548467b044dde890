//! The whole pipeline as plain functions: ingest -> segment -> extract ->
//! align -> judge. Nothing here prints.

use crate::ingest::Article;
use crate::model::{Claim, Finding};
use crate::rules::RuleSet;
use crate::{align, extract, judge, segment};

/// The cross-source report of one story.
#[derive(Debug, Clone)]
pub struct Report {
    /// Sorted by id, so the report does not depend on input order.
    pub articles: Vec<Article>,
    pub findings: Vec<Finding>,
}

/// Every quantity of one article as a claim (topic `None` where no rule
/// claimed it).
pub fn facts(article: &Article, rules: &RuleSet) -> Vec<Claim> {
    extract::extract(article, &segment::segment(article), rules)
}

/// Compares the articles of one story.
pub fn compare(mut articles: Vec<Article>, rules: &RuleSet) -> Report {
    articles.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    let claims: Vec<Claim> = articles.iter().flat_map(|a| facts(a, rules)).collect();
    let findings = judge::judge(align::align_with_rules(&claims, rules));
    Report { articles, findings }
}

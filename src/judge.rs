//! Judge: a verdict for each cluster of aligned claims.

use crate::align::Cluster;
use crate::model::{Claim, Finding, Side, Verdict};

/// The verdict on a set of claims about one thing.
pub fn verdict(claims: &[Claim]) -> Verdict {
    let mut articles: Vec<&str> = claims.iter().map(|c| c.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return Verdict::SingleSource;
    }
    let disjoint = claims
        .iter()
        .enumerate()
        .any(|(i, a)| claims[i + 1..].iter().any(|b| !a.interval.overlaps(&b.interval)));
    if disjoint {
        Verdict::Conflict
    } else if claims.iter().all(|c| c.interval.same_as(&claims[0].interval)) {
        Verdict::Agree
    } else {
        Verdict::Compatible
    }
}

/// Findings for every cluster, in report order (conflicts first), numbered.
pub fn judge(clusters: Vec<Cluster>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = clusters
        .into_iter()
        .map(|mut c| {
            c.claims.sort_by(|a, b| (&a.article, a.quantity.span).cmp(&(&b.article, b.quantity.span)));
            let verdict = verdict(&c.claims);
            Finding { id: String::new(), topic: c.topic, scope: c.scope, verdict, sides: sides(&c.claims), claims: c.claims }
        })
        .collect();
    findings.sort_by(|a, b| {
        (a.verdict, &a.topic, &a.claims[0].article, a.claims[0].quantity.span)
            .cmp(&(b.verdict, &b.topic, &b.claims[0].article, b.claims[0].quantity.span))
    });
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("F{}", i + 1);
    }
    findings
}

/// Articles grouped by the interval they state.
fn sides(claims: &[Claim]) -> Vec<Side> {
    let mut sides: Vec<Side> = Vec::new();
    for claim in claims {
        match sides.iter_mut().find(|s| s.interval.same_as(&claim.interval)) {
            Some(side) if !side.articles.contains(&claim.article) => side.articles.push(claim.article.clone()),
            Some(_) => {}
            None => sides.push(Side {
                articles: vec![claim.article.clone()],
                interval: claim.interval,
                quantity: claim.quantity.text.clone(),
            }),
        }
    }
    sides
}

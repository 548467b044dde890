//! Align: claims from all articles about the same topic and the same scope
//! are grouped into clusters, one per future finding.
//!
//! Claims are first put in buckets by (topic, base unit); claims in
//! different buckets never meet. Within a bucket, claims are taken in a
//! fixed order (article id, then position) and each joins the best cluster
//! that admits it, or starts a new one. A cluster admits a claim when no
//! hard constraint ([`score::veto`]) holds between the claim and any member,
//! and the claim's scope similarity to one of the cluster's representatives
//! reaches the threshold its figures call for ([`score::Relation`]). A
//! claim is only compared with a few representatives per cluster, so the
//! work per bucket stays near `claims x clusters`, not `claims²`.
//! `docs/alignment.md` explains the model and how rules influence it.

pub mod profile;
pub mod score;

use crate::model::{Claim, Interval};
use crate::rules::RuleSet;
use profile::Profile;
use score::Relation;
use std::collections::BTreeMap;

/// Claims that speak of one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub topic: String,
    /// A human description of what is counted.
    pub scope: String,
    pub claims: Vec<Claim>,
}

/// How many members of a cluster a new claim is compared with.
const MAX_REPRESENTATIVES: usize = 8;

/// Groups the topical claims (those with a topic) into clusters, without
/// rule scope hints.
pub fn align(claims: &[Claim]) -> Vec<Cluster> {
    align_with(claims, |_| &[])
}

/// Groups the topical claims into clusters, using each topic rule's scope
/// hints.
pub fn align_with_rules(claims: &[Claim], rules: &RuleSet) -> Vec<Cluster> {
    align_with(claims, |topic| rules.get(topic).map_or(&[][..], |r| r.signals.scope_hints.as_slice()))
}

fn align_with<'r>(claims: &[Claim], hints: impl Fn(&str) -> &'r [String]) -> Vec<Cluster> {
    let mut buckets: BTreeMap<(&str, &crate::model::BaseUnit), Vec<&Claim>> = BTreeMap::new();
    for claim in claims {
        if let Some(topic) = &claim.topic {
            buckets.entry((topic.as_str(), &claim.unit)).or_default().push(claim);
        }
    }
    let mut clusters = Vec::new();
    for ((topic, _), mut members) in buckets {
        members.sort_by(|a, b| (&a.article, a.quantity.span).cmp(&(&b.article, b.quantity.span)));
        let hints = hints(topic);
        let profiled: Vec<(&Claim, Profile)> = members.iter().map(|c| (*c, Profile::of(c, hints))).collect();
        for group in cluster_bucket(&profiled) {
            let claims: Vec<Claim> = group.iter().map(|&i| profiled[i].0.clone()).collect();
            clusters.push(Cluster { topic: topic.to_string(), scope: describe(&claims), claims });
        }
    }
    clusters
}

/// A cluster being built: member indices, representative indices, and the
/// distinct intervals of its members.
struct Building {
    members: Vec<usize>,
    representatives: Vec<usize>,
    intervals: Vec<Interval>,
}

/// Greedy, order-fixed clustering of one bucket; returns member indices.
fn cluster_bucket(claims: &[(&Claim, Profile)]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Building> = Vec::new();
    for i in 0..claims.len() {
        match best_cluster(claims, &clusters, i) {
            Some(k) => add(&mut clusters[k], claims, i),
            None => clusters.push(Building { members: vec![i], representatives: vec![i], intervals: vec![claims[i].0.interval] }),
        }
    }
    clusters.into_iter().map(|c| c.members).collect()
}

/// The cluster claim `i` should join: among those that admit it, one where
/// it creates no new disagreement first, then the highest score, then the
/// oldest cluster.
fn best_cluster(claims: &[(&Claim, Profile)], clusters: &[Building], i: usize) -> Option<usize> {
    let (claim, profile) = (&claims[i].0, &claims[i].1);
    let mut best: Option<(bool, f64, usize)> = None;
    for (k, cluster) in clusters.iter().enumerate() {
        let vetoed = cluster.members.iter().any(|&m| score::veto(claim, profile, claims[m].0, &claims[m].1).is_some());
        if vetoed {
            continue;
        }
        let relation = cluster.intervals.iter().map(|iv| Relation::of(&claim.interval, iv)).max();
        let Some(relation) = relation else { continue };
        let score = cluster
            .representatives
            .iter()
            .map(|&r| score::similarity(claim, profile, claims[r].0, &claims[r].1))
            .fold(0.0, f64::max);
        if score < relation.threshold() {
            continue;
        }
        let peaceful = relation <= Relation::Overlapping;
        let better = match best {
            None => true,
            Some((bp, bs, _)) => (peaceful, score) > (bp, bs),
        };
        if better {
            best = Some((peaceful, score, k));
        }
    }
    best.map(|(_, _, k)| k)
}

fn add(cluster: &mut Building, claims: &[(&Claim, Profile)], i: usize) {
    let claim = claims[i].0;
    cluster.members.push(i);
    let new_article = cluster.representatives.iter().all(|&r| claims[r].0.article != claim.article);
    let new_figure = !cluster.intervals.iter().any(|iv| iv.same_as(&claim.interval));
    if new_figure {
        cluster.intervals.push(claim.interval);
    }
    if (new_article || new_figure) && cluster.representatives.len() < MAX_REPRESENTATIVES {
        cluster.representatives.push(i);
    }
}

/// The scope description of a cluster: the most common non-empty
/// description among its claims, the longest on a tie, then the first.
fn describe(claims: &[Claim]) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let d = c.scope.describe();
        if !d.is_empty() {
            let entry = counts.entry(d).or_insert((0, i));
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(da, (na, ia)), (db, (nb, ib))| (na, da.len(), std::cmp::Reverse(ia)).cmp(&(nb, db.len(), std::cmp::Reverse(ib))))
        .map(|(d, _)| d)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;

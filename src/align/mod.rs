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
//! second pass lets clusters drawn from a single article join a cluster
//! that admits all their claims. A claim is only compared with a few
//! representatives per cluster, so the work per bucket stays near
//! `claims x clusters`, not `claims²`.
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

/// How many members of a cluster a new claim is compared with: the first
/// ones to join, which covers small clusters whole.
const MAX_REPRESENTATIVES: usize = 12;

/// What a topic's rule tells alignment: its scope hints and the nouns it
/// counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TopicHints {
    /// Words that name which group, event or period a figure counts.
    pub scope: Vec<String>,
    /// The counted nouns the rule lists, in every form, lower-cased.
    pub nouns: Vec<String>,
}

/// Groups the topical claims (those with a topic) into clusters, without
/// rule hints.
pub fn align(claims: &[Claim]) -> Vec<Cluster> {
    align_with(claims, |_| TopicHints::default())
}

/// Groups the topical claims into clusters, using each topic rule's scope
/// hints and counted nouns.
pub fn align_with_rules(claims: &[Claim], rules: &RuleSet) -> Vec<Cluster> {
    align_with(claims, |topic| {
        rules.get(topic).map_or_else(TopicHints::default, |r| TopicHints {
            scope: r.signals.scope_hints.clone(),
            nouns: r
                .signals
                .nouns
                .iter()
                .flat_map(|(noun, forms)| std::iter::once(noun).chain(forms))
                .map(|n| n.to_lowercase())
                .collect(),
        })
    })
}

fn align_with(claims: &[Claim], hints: impl Fn(&str) -> TopicHints) -> Vec<Cluster> {
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
        let mut profiled: Vec<(&Claim, Profile)> = members.iter().map(|c| (*c, Profile::of(c, &hints))).collect();
        settle_repeats(&mut profiled);
        for group in cluster_bucket(&profiled) {
            let claims: Vec<Claim> = group.iter().map(|&i| profiled[i].0.clone()).collect();
            clusters.push(Cluster { topic: topic.to_string(), scope: describe(&claims), claims });
        }
    }
    clusters
}

/// An article that repeats a figure under one topic speaks of one thing;
/// where one repeat reads as reported and another as planned or hedged
/// ("nine soldiers died"; "its nine dead will be honoured"), the thing
/// happened, so every repeat is taken as reported.
fn settle_repeats(profiled: &mut [(&Claim, Profile)]) {
    for i in 0..profiled.len() {
        if profiled[i].1.modality == crate::model::Modality::Reported {
            continue;
        }
        let reported_elsewhere = profiled.iter().any(|(other, p)| {
            p.modality == crate::model::Modality::Reported && other.article == profiled[i].0.article && score::same_figure(other, profiled[i].0)
        });
        if reported_elsewhere {
            profiled[i].1.modality = crate::model::Modality::Reported;
        }
    }
}

/// A cluster being built: member indices, representative indices, and the
/// distinct intervals of its members.
struct Building {
    members: Vec<usize>,
    representatives: Vec<usize>,
    intervals: Vec<Interval>,
}

/// Greedy, order-fixed clustering of one bucket, then a second chance for
/// stranded clusters; returns member indices, each group sorted.
fn cluster_bucket(claims: &[(&Claim, Profile)]) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Building> = Vec::new();
    for i in 0..claims.len() {
        let best = best_fit(clusters.iter().enumerate().map(|(k, c)| (k, fit(claims, c, &[i]))));
        match best {
            Some(k) => add(&mut clusters[k], claims, i),
            None => clusters.push(Building { members: vec![i], representatives: vec![i], intervals: vec![claims[i].0.interval] }),
        }
    }
    merge_stranded(claims, &mut clusters);
    clusters
        .into_iter()
        .map(|c| {
            let mut members = c.members;
            members.sort_unstable();
            members
        })
        .collect()
}

/// A cluster whose claims all come from one article may have missed its
/// partners only because of the order claims were taken in (an earlier
/// claim of its own article started a cluster that a later, better match
/// then went elsewhere). Each such cluster may join the cluster that best
/// admits all its claims at once, under the same constraints and
/// thresholds.
fn merge_stranded(claims: &[(&Claim, Profile)], clusters: &mut Vec<Building>) {
    let mut i = 0;
    while i < clusters.len() {
        if !single_article(claims, &clusters[i]) {
            i += 1;
            continue;
        }
        let incoming = clusters[i].members.clone();
        let candidates = clusters.iter().enumerate().filter(|(k, _)| *k != i).map(|(k, c)| (k, fit(claims, c, &incoming)));
        match best_fit(candidates) {
            Some(target) => {
                let moved = clusters.remove(i);
                let target = if target > i { target - 1 } else { target };
                for m in moved.members {
                    add(&mut clusters[target], claims, m);
                }
            }
            None => i += 1,
        }
    }
}

fn single_article(claims: &[(&Claim, Profile)], cluster: &Building) -> bool {
    let first = &claims[cluster.members[0]].0.article;
    cluster.members.iter().all(|&m| &claims[m].0.article == first)
}

/// The best of the clusters that admit the incoming claims: one where they
/// create no new disagreement first, then the highest score, then the
/// oldest cluster.
fn best_fit(candidates: impl Iterator<Item = (usize, Option<(bool, f64)>)>) -> Option<usize> {
    let mut best: Option<(bool, f64, usize)> = None;
    for (k, fit) in candidates {
        let Some((peaceful, score)) = fit else { continue };
        if best.is_none_or(|(bp, bs, _)| (peaceful, score) > (bp, bs)) {
            best = Some((peaceful, score, k));
        }
    }
    best.map(|(_, _, k)| k)
}

/// Whether the `incoming` claims may join `cluster`, and if so whether
/// they join in peace (overlapping every member) and with what score.
///
/// No hard constraint may hold between any incoming claim and any member.
/// Some pair of an incoming claim and a representative must reach the
/// threshold of its own relation (identical or overlapping figures need
/// little scope evidence); and when an incoming figure is disjoint from a
/// member's, the best score must also reach that stricter threshold,
/// since the merge makes a conflict.
fn fit(claims: &[(&Claim, Profile)], cluster: &Building, incoming: &[usize]) -> Option<(bool, f64)> {
    let vetoed = incoming.iter().any(|&i| {
        let (claim, profile) = (&claims[i].0, &claims[i].1);
        cluster.members.iter().any(|&m| score::veto(claim, profile, claims[m].0, &claims[m].1).is_some())
    });
    if vetoed {
        return None;
    }
    let mut best: Option<f64> = None;
    for &i in incoming {
        for &r in &cluster.representatives {
            let (a, b) = (&claims[i], &claims[r]);
            if let Some(score) = score::admitted(a.0, &a.1, b.0, &b.1) {
                best = Some(best.map_or(score, |s: f64| s.max(score)));
            }
        }
    }
    let best = best?;
    let worst = incoming
        .iter()
        .flat_map(|&i| cluster.intervals.iter().map(move |iv| Relation::of(&claims[i].0.interval, iv)))
        .max()
        .unwrap_or(Relation::Identical);
    if worst >= Relation::Disjoint && best < worst.threshold() {
        return None;
    }
    Some((worst < Relation::Disjoint, best))
}

fn add(cluster: &mut Building, claims: &[(&Claim, Profile)], i: usize) {
    let claim = claims[i].0;
    cluster.members.push(i);
    if !cluster.intervals.iter().any(|iv| iv.same_as(&claim.interval)) {
        cluster.intervals.push(claim.interval);
    }
    if cluster.representatives.len() < MAX_REPRESENTATIVES {
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

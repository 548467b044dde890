//! Align: claims from all articles about the same topic and the same scope
//! are grouped into clusters, one per future finding.
//!
//! Claims are first put in buckets by (topic, base unit); claims in
//! different buckets never meet. Within a bucket, claims are taken in a
//! fixed order (article id, then position) and each joins the best cluster
//! that admits it, or starts a new one. A cluster admits a claim when no
//! hard constraint ([`score::veto`]) holds between the claim and any member,
//! and the claim's scope similarity to one of the cluster's representatives
//! reaches the threshold its figures call for ([`score::Relation`]), with
//! no figure disagreeing; clusters are then merged, agreeing or not, where
//! their scopes match. A claim is only compared with a few representatives
//! per cluster, so the work per bucket stays near `claims x clusters`, not
//! `claims²`; hard constraints are checked against a cluster's summary (its
//! members of the claim's own article, and one member per kind of figure,
//! modality and partitive mark), not against every member; and context
//! words are interned once per bucket ([`score::Vocabulary`]), so that each
//! pair of distinct words is measured once.
//!
//! A bucket whose figures would make more than [`MAX_GROUPS`] groups (tens
//! of thousands of figures of one topic that all differ: machine-made text,
//! not a story) is aligned in bounded time and memory instead: past the
//! limit a claim is compared only with the first groups and with groups of
//! its very figure, and only the first groups are merged. The result says
//! so ([`Limit`]), and the commands print it as a warning.
//! `docs/alignment.md` explains the model and how rules influence it.

pub mod profile;
pub mod score;

use crate::model::{Claim, Interval};
use crate::rules::RuleSet;
use profile::Profile;
use score::{Relation, Vocabulary};
use std::collections::{BTreeMap, HashMap};

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

/// The most groups of one bucket that alignment compares with each other.
/// Real stories stay far below it (a 10,000-article story makes 53 in its
/// busiest bucket); past it, the work per claim would grow with the
/// number of figures, and the merge step's table of pairs with its square.
pub const MAX_GROUPS: usize = 1_000;

/// The alignment of a story's claims.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub clusters: Vec<Cluster>,
    /// The buckets aligned under [`MAX_GROUPS`]'s limit, in bucket order.
    pub limits: Vec<Limit>,
}

/// A bucket that made more groups than [`MAX_GROUPS`]: its claims past the
/// limit were compared only with the first groups and with groups of
/// their very figure, and groups past the limit were not merged, so some
/// of its disagreements may be reported as separate findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub topic: String,
    pub unit: crate::model::BaseUnit,
    /// The claims of the bucket.
    pub claims: usize,
    /// The groups they made, [`MAX_GROUPS`] of which were merged.
    pub groups: usize,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "topic `{}` ({}): {} figures make {} groups, more than the {MAX_GROUPS} alignment compares; \
             the groups past the first {MAX_GROUPS} were matched only on identical figures and not merged, \
             so some disagreements may show as separate findings",
            self.topic, self.unit, self.claims, self.groups
        )
    }
}

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
    align_with(claims, |_| TopicHints::default()).clusters
}

/// Groups the topical claims into clusters, using each topic rule's scope
/// hints and counted nouns.
pub fn align_with_rules(claims: &[Claim], rules: &RuleSet) -> Alignment {
    align_with(claims, |topic| rule_hints(rules, topic))
}

/// [`align_with_rules`] taking the claims by value, so that each moves into
/// its cluster instead of being copied (with its sentence).
pub fn align_owned(claims: Vec<Claim>, rules: &RuleSet) -> Alignment {
    let (groups, limits) = groups(&claims, |topic| rule_hints(rules, topic), MAX_GROUPS);
    let groups: Vec<(String, Vec<usize>)> = groups.into_iter().map(|(topic, members)| (topic.to_string(), members)).collect();
    let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    let clusters = groups
        .into_iter()
        .map(|(topic, members)| cluster(&topic, members.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect()))
        .collect();
    Alignment { clusters, limits }
}

fn rule_hints(rules: &RuleSet, topic: &str) -> TopicHints {
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
}

fn align_with(claims: &[Claim], hints: impl Fn(&str) -> TopicHints) -> Alignment {
    align_limited(claims, hints, MAX_GROUPS)
}

/// [`align_with`] under a given limit of groups per bucket, so that tests
/// can reach the limit with a few claims.
fn align_limited(claims: &[Claim], hints: impl Fn(&str) -> TopicHints, max_groups: usize) -> Alignment {
    let (groups, limits) = groups(claims, hints, max_groups);
    let clusters =
        groups.into_iter().map(|(topic, members)| cluster(topic, members.iter().map(|&i| claims[i].clone()).collect())).collect();
    Alignment { clusters, limits }
}

fn cluster(topic: &str, claims: Vec<Claim>) -> Cluster {
    Cluster { topic: topic.to_string(), scope: describe(&claims), claims }
}

/// The clusters of the topical claims, as the topic and the indices in
/// `claims` of the members, in the order clusters are reported; and the
/// buckets that made more than `max_groups` groups.
fn groups(claims: &[Claim], hints: impl Fn(&str) -> TopicHints, max_groups: usize) -> (Vec<(&str, Vec<usize>)>, Vec<Limit>) {
    let mut buckets: BTreeMap<(&str, &crate::model::BaseUnit), Vec<usize>> = BTreeMap::new();
    for (i, claim) in claims.iter().enumerate() {
        if let Some(topic) = &claim.topic {
            buckets.entry((topic.as_str(), &claim.unit)).or_default().push(i);
        }
    }
    let mut clusters = Vec::new();
    let mut limits = Vec::new();
    for ((topic, unit), mut members) in buckets {
        // A stable sort, as before, so that equal keys keep input order.
        members.sort_by(|&a, &b| {
            let (a, b) = (&claims[a], &claims[b]);
            (&a.article, a.quantity.span).cmp(&(&b.article, b.quantity.span))
        });
        let keys = profile::TopicKeys::of(&hints(topic));
        let mut words = Vocabulary::default();
        let mut profiled: Vec<(&Claim, Profile)> = members
            .iter()
            .map(|&i| {
                let c = &claims[i];
                let mut profile = Profile::with(c, &keys);
                words.intern(&mut profile);
                (c, profile)
            })
            .collect();
        settle_repeats(&mut profiled);
        let bucket = Bucket::new(&profiled, &words);
        let groups = cluster_bucket(&bucket, max_groups);
        if groups.len() > max_groups {
            limits.push(Limit { topic: topic.to_string(), unit: unit.clone(), claims: members.len(), groups: groups.len() });
        }
        for group in groups {
            clusters.push((topic, group.iter().map(|&k| members[k]).collect()));
        }
    }
    (clusters, limits)
}

/// An article that repeats a figure under one topic speaks of one thing;
/// where one repeat reads as reported and another as planned or hedged
/// ("nine soldiers died"; "its nine dead will be honoured"), the thing
/// happened, so every repeat is taken as reported.
///
/// Claims are settled in order, and one settled as reported counts for the
/// ones after it; only claims of the same article are looked at.
fn settle_repeats(profiled: &mut [(&Claim, Profile)]) {
    let mut reported: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (claim, profile)) in profiled.iter().enumerate() {
        if profile.modality == crate::model::Modality::Reported {
            reported.entry(claim.article.as_str()).or_default().push(i);
        }
    }
    for i in 0..profiled.len() {
        if profiled[i].1.modality == crate::model::Modality::Reported {
            continue;
        }
        let claim = profiled[i].0;
        let same_article = reported.get(claim.article.as_str()).map_or(&[][..], Vec::as_slice);
        if same_article.iter().any(|&r| score::same_figure(profiled[r].0, claim)) {
            profiled[i].1.modality = crate::model::Modality::Reported;
            reported.entry(claim.article.as_str()).or_default().push(i);
        }
    }
}

/// The claims of one bucket with their profiles, the vocabulary their
/// contexts were interned in, and each claim's article as a small number.
struct Bucket<'a> {
    claims: &'a [(&'a Claim, Profile)],
    words: &'a Vocabulary,
    article: Vec<usize>,
}

impl<'a> Bucket<'a> {
    fn new(claims: &'a [(&'a Claim, Profile)], words: &'a Vocabulary) -> Bucket<'a> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let article = claims
            .iter()
            .map(|(c, _)| {
                let next = ids.len();
                *ids.entry(c.article.as_str()).or_insert(next)
            })
            .collect();
        Bucket { claims, words, article }
    }

    fn len(&self) -> usize {
        self.claims.len()
    }

    fn veto(&self, i: usize, m: usize) -> bool {
        let (a, b) = (&self.claims[i], &self.claims[m]);
        score::veto(a.0, &a.1, b.0, &b.1).is_some()
    }

    fn admitted(&self, i: usize, r: usize) -> Option<score::Admission> {
        let (a, b) = (&self.claims[i], &self.claims[r]);
        score::admitted(a.0, &a.1, b.0, &b.1, self.words)
    }

    /// What a veto between claims of different articles looks at: the
    /// figure's interval (bit for bit), modality and partitive mark.
    fn kind_key(&self, i: usize) -> KindKey {
        let (claim, profile) = &self.claims[i];
        (interval_key(&claim.interval), profile.modality, profile.partitive)
    }
}

type KindKey = (IntervalKey, crate::model::Modality, bool);

/// An interval, bit for bit, as a key.
type IntervalKey = (Option<u64>, Option<u64>, bool, bool);

fn interval_key(iv: &Interval) -> IntervalKey {
    let bits = |x: Option<f64>| x.map(f64::to_bits);
    (bits(iv.low), bits(iv.high), iv.low_inclusive, iv.high_inclusive)
}

/// Members of a cluster that no veto against a claim of another article
/// can tell apart ([`score::veto`] between different articles looks only at
/// intervals, modality and partitive marks): the first such member, and the
/// first of another article than it, enough to find a pair of different
/// articles whenever one exists.
struct Kind {
    key: KindKey,
    first: usize,
    other: Option<usize>,
}

/// A cluster being built: member indices, representative indices, the
/// distinct intervals of its members, and summaries that make a veto check
/// cost the number of distinct kinds of member plus the members of the
/// same article, not the number of members.
struct Building {
    members: Vec<usize>,
    representatives: Vec<usize>,
    intervals: Vec<Interval>,
    kinds: Vec<Kind>,
    by_article: HashMap<usize, Vec<usize>>,
}

impl Building {
    fn new() -> Building {
        Building { members: Vec::new(), representatives: Vec::new(), intervals: Vec::new(), kinds: Vec::new(), by_article: HashMap::new() }
    }

    /// One member per kind that is of another article than `article`.
    fn other_article_members(&self, bucket: &Bucket, article: usize) -> impl Iterator<Item = usize> {
        let kinds = self.kinds.iter();
        kinds.filter_map(move |k| if bucket.article[k.first] != article { Some(k.first) } else { k.other })
    }

    /// Whether a hard constraint holds between claim `i` and any member.
    fn vetoes(&self, bucket: &Bucket, i: usize) -> bool {
        let article = bucket.article[i];
        let same = self.by_article.get(&article).map_or(&[][..], Vec::as_slice);
        same.iter().any(|&m| bucket.veto(i, m)) || self.other_article_members(bucket, article).any(|m| bucket.veto(i, m))
    }

    /// Whether a hard constraint holds between any member of `self` and
    /// any member of `other`.
    fn vetoes_cluster(&self, bucket: &Bucket, other: &Building) -> bool {
        let same_article = self.by_article.iter().any(|(article, mine)| {
            other.by_article.get(article).is_some_and(|theirs| mine.iter().any(|&i| theirs.iter().any(|&m| bucket.veto(i, m))))
        });
        same_article
            || self.kinds.iter().any(|a| {
                let art = |i: usize| bucket.article[i];
                other.kinds.iter().any(|b| {
                    let pair = [Some((a.first, b.first)), b.other.map(|o| (a.first, o)), a.other.map(|o| (o, b.first))]
                        .into_iter()
                        .flatten()
                        .find(|&(x, y)| art(x) != art(y));
                    pair.is_some_and(|(x, y)| bucket.veto(x, y))
                })
            })
    }
}

/// Clustering of one bucket in two steps: claims that agree (overlapping
/// figures) are grouped greedily in a fixed order; then groups are merged,
/// agreeing or not, where their scopes match, so that a conflict is judged
/// between what each side agrees on, whatever the order the claims came
/// in. Returns member indices, each group sorted.
///
/// Only the first `max_groups` groups take part in every comparison. A
/// group opened past them is compared only with claims of its very figure
/// (bit for bit), at most `max_groups` such groups per figure, and is not
/// merged: so a bucket of any size costs at most `max_groups` comparisons
/// per claim and `max_groups²` pairs in the merge step.
fn cluster_bucket(claims: &Bucket, max_groups: usize) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Building> = Vec::new();
    // The groups opened past the limit, by the figure that opened them.
    let mut late: HashMap<IntervalKey, Vec<usize>> = HashMap::new();
    for i in 0..claims.len() {
        let key = interval_key(&claims.claims[i].0.interval);
        let same_figure = late.get(&key).map_or(&[][..], |ks| &ks[..ks.len().min(max_groups)]);
        let candidates = (0..clusters.len().min(max_groups)).chain(same_figure.iter().copied());
        let best = best_fit(candidates.map(|k| (k, fit(claims, &clusters[k], &[i]))));
        match best {
            Some(k) => add(&mut clusters[k], claims, i),
            None => {
                if clusters.len() >= max_groups {
                    late.entry(key).or_default().push(clusters.len());
                }
                let mut cluster = Building::new();
                add(&mut cluster, claims, i);
                clusters.push(cluster);
            }
        }
    }
    let late_groups = clusters.split_off(clusters.len().min(max_groups));
    merge_clusters(claims, &mut clusters);
    clusters.extend(late_groups);
    clusters
        .into_iter()
        .map(|c| {
            let mut members = c.members;
            members.sort_unstable();
            members
        })
        .collect()
}

/// The best of the clusters that admit the incoming claims: the highest
/// score, then the oldest cluster.
fn best_fit(candidates: impl Iterator<Item = (usize, Option<f64>)>) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (k, fit) in candidates {
        let Some(score) = fit else { continue };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, k));
        }
    }
    best.map(|(_, k)| k)
}

/// Whether the `incoming` claims may join `cluster` in agreement, and with
/// what score.
///
/// No hard constraint may hold between any incoming claim and any member;
/// no incoming figure may be disjoint from a member's (disagreements are
/// merged later, cluster with cluster); and some pair of an incoming claim
/// and a representative must reach the threshold of its own relation
/// (identical or overlapping figures need little scope evidence).
fn fit(claims: &Bucket, cluster: &Building, incoming: &[usize]) -> Option<f64> {
    // Disagreements are merged in the last step only, cluster with cluster.
    let disagrees = incoming.iter().any(|&i| cluster.intervals.iter().any(|iv| score::disagree(&claims.claims[i].0.interval, iv)));
    if disagrees {
        return None;
    }
    if incoming.iter().any(|&i| cluster.vetoes(claims, i)) {
        return None;
    }
    let mut best: Option<f64> = None;
    for &i in incoming {
        for &r in &cluster.representatives {
            if let Some(admission) = claims.admitted(i, r) {
                best = Some(best.map_or(admission.affinity, |s: f64| s.max(admission.affinity)));
            }
        }
    }
    best
}

/// Merges clusters that speak of the same thing until no pair qualifies:
/// agreeing pairs first, best first, then disagreeing ones; on a tie, the
/// pair that comes first (by the first cluster, then the second).
///
/// Scores between clusters are kept in a table, and each row's best pair
/// beside it, so that choosing the next merge reads one entry per row. A
/// merge computes again the merged cluster's scores, and the best of only
/// those rows whose best pair involved the merged clusters: a merge costs
/// about the number of clusters, not its square.
fn merge_clusters(claims: &Bucket, clusters: &mut Vec<Building>) {
    let n = clusters.len();
    // `table[i][j]` for `i < j`; merged-away clusters stay in place, dead,
    // so that indices, and with them the order of ties, never shift.
    let mut table: Vec<Vec<Option<Rank>>> = vec![vec![None; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            table[i][j] = join(claims, &clusters[i], &clusters[j]);
        }
    }
    let mut alive = vec![true; n];
    let mut best: Vec<Option<(Rank, usize)>> = (0..n).map(|i| row_best(&table[i], &alive, i)).collect();
    loop {
        // The first row holding the best rank, and its first best column:
        // the first best pair in row order.
        let mut pick: Option<(Rank, usize, usize)> = None;
        for (i, row) in best.iter().enumerate() {
            if let Some((rank, j)) = *row {
                if alive[i] && pick.is_none_or(|(b, _, _)| rank > b) {
                    pick = Some((rank, i, j));
                }
            }
        }
        let Some((_, i, j)) = pick else { break };
        let moved = std::mem::replace(&mut clusters[j], Building::new());
        for m in moved.members {
            add(&mut clusters[i], claims, m);
        }
        alive[j] = false;
        best[j] = None;
        for k in (0..n).filter(|&k| alive[k] && k != i) {
            let (lo, hi) = (k.min(i), k.max(i));
            table[lo][hi] = join(claims, &clusters[lo], &clusters[hi]);
        }
        best[i] = row_best(&table[i], &alive, i);
        for k in (0..i).filter(|&k| alive[k]) {
            best[k] = match best[k] {
                // Its best pair is gone or changed: look again.
                Some((_, c)) if c == i || c == j => row_best(&table[k], &alive, k),
                // Only the pair with `i` changed: it wins if better, or as
                // good and before the old best.
                current => match (table[k][i], current) {
                    (Some(r), Some((b, c))) if r > b || (r == b && i < c) => Some((r, i)),
                    (Some(r), None) => Some((r, i)),
                    _ => current,
                },
            };
        }
        for k in (i + 1..n).filter(|&k| alive[k]) {
            if best[k].is_some_and(|(_, c)| c == j) {
                best[k] = row_best(&table[k], &alive, k);
            }
        }
    }
    let mut index = 0;
    clusters.retain(|_| {
        index += 1;
        alive[index - 1]
    });
}

/// Whether two clusters agree, and their affinity: agreeing pairs rank
/// above disagreeing ones.
type Rank = (bool, f64);

/// The best pair of row `i` with a live cluster, the first on a tie.
fn row_best(row: &[Option<Rank>], alive: &[bool], i: usize) -> Option<(Rank, usize)> {
    let mut best: Option<(Rank, usize)> = None;
    for (j, rank) in row.iter().enumerate().skip(i + 1) {
        if let Some(rank) = *rank {
            if alive[j] && best.is_none_or(|(b, _)| rank > b) {
                best = Some((rank, j));
            }
        }
    }
    best
}

/// Whether two clusters agree, and the affinity at which they may become
/// one finding; `None` when they may not: no hard constraint between any of their members, a pair
/// of representatives admitted on its own terms, and, where their figures
/// disagree, a best score that reaches the bar of their widest
/// disagreement (a disagreement, or figures an order of magnitude apart).
/// Clusters that agree are joined too: the greedy first step can leave
/// two groups apart that a later claim links.
fn join(claims: &Bucket, a: &Building, b: &Building) -> Option<(bool, f64)> {
    let worst = a.intervals.iter().flat_map(|x| b.intervals.iter().map(move |y| Relation::of(x, y))).max()?;
    if a.vetoes_cluster(claims, b) {
        return None;
    }
    let admitted: Vec<score::Admission> = a
        .representatives
        .iter()
        .flat_map(|&i| b.representatives.iter().map(move |&r| (i, r)))
        .filter_map(|(i, r)| claims.admitted(i, r))
        .collect();
    let best_score = admitted.iter().map(|x| x.score).fold(None, |b: Option<f64>, s| Some(b.map_or(s, |b| b.max(s))))?;
    let best_affinity = admitted.iter().map(|x| x.affinity).fold(f64::MIN, f64::max);
    let agreeing = worst < Relation::Disjoint;
    (agreeing || best_score >= worst.threshold()).then_some((agreeing, best_affinity))
}

fn add(cluster: &mut Building, claims: &Bucket, i: usize) {
    let claim = claims.claims[i].0;
    cluster.members.push(i);
    if !cluster.intervals.iter().any(|iv| iv.same_as(&claim.interval)) {
        cluster.intervals.push(claim.interval);
    }
    if cluster.representatives.len() < MAX_REPRESENTATIVES {
        cluster.representatives.push(i);
    }
    let article = claims.article[i];
    cluster.by_article.entry(article).or_default().push(i);
    let key = claims.kind_key(i);
    match cluster.kinds.iter_mut().find(|k| k.key == key) {
        Some(kind) if kind.other.is_none() && claims.article[kind.first] != article => kind.other = Some(i),
        Some(_) => {}
        None => cluster.kinds.push(Kind { key, first: i, other: None }),
    }
}

/// The scope description of a cluster: the most common description among
/// its claims that says what is counted, where or when (not only how it
/// was said, such as "expected"), the longest on a tie, then the first.
fn describe(claims: &[Claim]) -> String {
    let informative = |c: &Claim| {
        let s = &c.scope;
        s.noun.is_some() || !s.qualifiers.is_empty() || !s.place.is_empty() || s.time.is_some()
    };
    let mut counts: BTreeMap<String, (bool, usize, usize)> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let d = without_repeats(&c.scope.describe());
        if !d.is_empty() {
            let entry = counts.entry(d).or_insert((informative(c), 0, i));
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|(da, (ia, na, fa)), (db, (ib, nb, fb))| {
            (ia, na, da.len(), std::cmp::Reverse(fa)).cmp(&(ib, nb, db.len(), std::cmp::Reverse(fb)))
        })
        .map(|(d, _)| d)
        .unwrap_or_default()
}

/// A description with any part said twice kept once ("person, in the
/// fire, in the fire").
fn without_repeats(description: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in description.split(", ") {
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests;

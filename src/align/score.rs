//! The alignment decision for a pair of claims of one topic and unit: hard
//! constraints that forbid a merge, a scope similarity score in `[0, 1]`,
//! and the threshold that score must reach, which depends on how the two
//! figures relate.
//!
//! The threshold rises with the cost of being wrong. Overlapping figures
//! merge unless the scope says otherwise. Disjoint figures merge only with
//! strong scope evidence, because the merge turns them into a conflict; and
//! figures orders of magnitude apart need near-identical scopes, because
//! "nine dead" and "6,000 dead" are almost always counts of different
//! things.

use super::profile::Profile;
use crate::model::{Claim, Interval};

/// Minimum score for claims that state the very same interval.
pub const IDENTICAL_THRESHOLD: f64 = 0.1;
/// Minimum score for claims whose intervals overlap.
pub const OVERLAP_THRESHOLD: f64 = 0.2;
/// Minimum score for disjoint claims of a similar size (a disagreement).
pub const DISJOINT_THRESHOLD: f64 = 0.55;
/// Minimum score for disjoint claims at least [`FAR_DECADES`] apart.
pub const FAR_THRESHOLD: f64 = 0.85;
/// Gap, in orders of magnitude, from which two figures count as far apart.
pub const FAR_DECADES: f64 = 1.0;

/// Weights of the scope components; a component one of the claims lacks is
/// left out of the weighted mean rather than counted as a mismatch.
const W_HINTS: f64 = 3.0;
const W_QUALIFIERS: f64 = 2.0;
const W_TIME: f64 = 1.5;
const W_NOUN: f64 = 1.0;
const W_CONTEXT: f64 = 2.5;
const W_ATTRIBUTION: f64 = 0.5;

/// Two context words match when their Jaro-Winkler similarity reaches this.
const WORD_MATCH: f64 = 0.92;

/// How two claims' figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relation {
    // Ordered from the least to the most demanding.
    Identical,
    Overlapping,
    Disjoint,
    Far,
}

impl Relation {
    pub fn of(a: &Interval, b: &Interval) -> Relation {
        if a.same_as(b) {
            Relation::Identical
        } else if a.overlaps(b) {
            Relation::Overlapping
        } else if decades_apart(a, b) >= FAR_DECADES {
            Relation::Far
        } else {
            Relation::Disjoint
        }
    }

    /// The score a merge across this relation needs.
    pub fn threshold(self) -> f64 {
        match self {
            Relation::Identical => IDENTICAL_THRESHOLD,
            Relation::Overlapping => OVERLAP_THRESHOLD,
            Relation::Disjoint => DISJOINT_THRESHOLD,
            Relation::Far => FAR_THRESHOLD,
        }
    }
}

/// The gap between two disjoint intervals in orders of magnitude (0 when
/// they overlap). Figures are shifted by one so that zero stays finite.
pub fn decades_apart(a: &Interval, b: &Interval) -> f64 {
    if a.overlaps(b) {
        return 0.0;
    }
    let (lower, upper) = if a.high.is_some_and(|h| b.low.is_some_and(|l| h <= l)) { (a, b) } else { (b, a) };
    match (lower.high, upper.low) {
        (Some(h), Some(l)) => ((l.max(0.0) + 1.0) / (h.max(0.0) + 1.0)).log10().abs(),
        _ => 0.0,
    }
}

/// Why two claims can never share a finding, whatever their scope score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Veto {
    /// One article gives two disjoint figures: it speaks of two things,
    /// since an article does not contradict itself.
    SameArticleDisjoint,
    /// One sentence gives two different figures: two things.
    SameSentence,
    /// One figure happened, the other is agreed, planned or expected.
    Modality,
    /// A part of a group and a figure that is not marked as a part differ:
    /// that is no contradiction.
    PartAndWhole,
}

/// The hard constraint, if any, that keeps `a` and `b` apart.
pub fn veto(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile) -> Option<Veto> {
    let disjoint = !a.interval.overlaps(&b.interval);
    if a.article == b.article {
        if a.sentence == b.sentence && a.quantity.span != b.quantity.span && a.quantity.stated != b.quantity.stated {
            return Some(Veto::SameSentence);
        }
        if disjoint {
            return Some(Veto::SameArticleDisjoint);
        }
    }
    if pa.modality != pb.modality {
        return Some(Veto::Modality);
    }
    if disjoint && pa.partitive != pb.partitive {
        return Some(Veto::PartAndWhole);
    }
    None
}

/// Scope similarity of two claims in `[0, 1]`: a weighted mean of the
/// components both claims have.
pub fn similarity(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile) -> f64 {
    // A figure repeated in one article under one topic is that article
    // speaking of one thing again.
    if a.article == b.article && a.quantity.stated == b.quantity.stated {
        return 1.0;
    }
    let mut parts: Vec<(f64, f64)> = Vec::new();
    if !pa.hints.is_empty() && !pb.hints.is_empty() {
        parts.push((W_HINTS, jaccard(pa.hints.iter(), pb.hints.iter())));
    }
    if !pa.qualifiers.is_empty() && !pb.qualifiers.is_empty() {
        parts.push((W_QUALIFIERS, jaccard(pa.qualifiers.iter(), pb.qualifiers.iter())));
    }
    if !pa.time.is_empty() && !pb.time.is_empty() {
        parts.push((W_TIME, jaccard(pa.time.iter(), pb.time.iter())));
    }
    if let (Some(x), Some(y)) = (&pa.noun, &pb.noun) {
        parts.push((W_NOUN, if x == y { 1.0 } else { 0.0 }));
    }
    parts.push((W_CONTEXT, soft_dice(&pa.context, &pb.context)));
    // Naming the same source is evidence of one fact; naming different
    // sources is not evidence of two (sources disagree about one fact).
    if let (Some(x), Some(y)) = (&pa.attribution, &pb.attribution) {
        if strsim::jaro_winkler(x, y) >= WORD_MATCH {
            parts.push((W_ATTRIBUTION, 1.0));
        }
    }
    let total: f64 = parts.iter().map(|(w, _)| w).sum();
    parts.iter().map(|(w, s)| w * s).sum::<f64>() / total
}

fn jaccard<'a>(a: impl Iterator<Item = &'a String>, b: impl Iterator<Item = &'a String>) -> f64 {
    let a: std::collections::BTreeSet<&String> = a.collect();
    let b: std::collections::BTreeSet<&String> = b.collect();
    let union = a.union(&b).count();
    if union == 0 { 0.0 } else { a.intersection(&b).count() as f64 / union as f64 }
}

/// Dice coefficient over words, where near-identical words (by
/// Jaro-Winkler) count as shared.
pub fn soft_dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let matched = |xs: &[String], ys: &[String]| {
        xs.iter().filter(|x| ys.iter().any(|y| x == &y || strsim::jaro_winkler(x, y) >= WORD_MATCH)).count()
    };
    (matched(a, b) + matched(b, a)) as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_by_gap() {
        let nine = Interval::point(9.0);
        assert_eq!(Relation::of(&nine, &Interval::point(9.0)), Relation::Identical);
        assert_eq!(Relation::of(&nine, &Interval::closed(8.0, 10.0)), Relation::Overlapping);
        assert_eq!(Relation::of(&Interval::point(11.0), &Interval::point(14.0)), Relation::Disjoint);
        assert_eq!(Relation::of(&nine, &Interval::above(6000.0, false)), Relation::Far);
        assert_eq!(Relation::of(&Interval::point(120.0), &Interval::up_to(93.0, false)), Relation::Disjoint);
    }

    #[test]
    fn decades_are_symmetric() {
        let a = Interval::point(9.0);
        let b = Interval::above(200.0, true);
        assert!((decades_apart(&a, &b) - decades_apart(&b, &a)).abs() < 1e-12);
        assert!((decades_apart(&Interval::point(9.0), &Interval::point(99.0)) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn soft_dice_counts_near_words() {
        let a = vec!["kill".to_string(), "regiment".to_string()];
        let b = vec!["kill".to_string(), "regiments".to_string(), "war".to_string()];
        assert!((soft_dice(&a, &b) - 0.8).abs() < 1e-12);
        assert_eq!(soft_dice(&a, &[]), 0.0);
    }
}

//! Judge: a verdict for each cluster of aligned claims, the sides of each
//! disagreement, and the report order of findings.
//!
//! The verdicts are those of the design brief: `single_source` when one
//! article (however often it repeats itself) makes all the claims;
//! `conflict` when two articles state disjoint intervals; `agree` when all
//! intervals are the same; `compatible` otherwise (overlapping, worded
//! differently).

use crate::align::Cluster;
use crate::model::{Claim, Finding, Interval, Side, Verdict};
use std::collections::{HashMap, HashSet};

/// The verdict on a set of claims about one thing.
pub fn verdict(claims: &[Claim]) -> Verdict {
    let mut articles: Vec<&str> = claims.iter().map(|c| c.article.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    if articles.len() < 2 {
        return Verdict::SingleSource;
    }
    if has_disjoint_articles(claims) {
        Verdict::Conflict
    } else if claims.iter().all(|c| same_interval(&c.interval, &claims[0].interval)) {
        Verdict::Agree
    } else {
        Verdict::Compatible
    }
}

/// Whether two claims of different articles state disjoint intervals.
///
/// Claims are grouped by interval (bit for bit), keeping the first two
/// articles of each; intervals are then compared pairwise, so the cost is
/// the number of claims plus the square of the number of distinct figures,
/// which stays small however many articles repeat them.
fn has_disjoint_articles(claims: &[Claim]) -> bool {
    type Key = (Option<u64>, Option<u64>, bool, bool);
    let key = |i: &Interval| (i.low.map(f64::to_bits), i.high.map(f64::to_bits), i.low_inclusive, i.high_inclusive);
    // (interval, first article, another article)
    let mut distinct: Vec<(Interval, &str, Option<&str>)> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for claim in claims {
        match index.get(&key(&claim.interval)) {
            Some(&k) => {
                let entry = &mut distinct[k];
                if entry.2.is_none() && entry.1 != claim.article {
                    entry.2 = Some(&claim.article);
                }
            }
            None => {
                index.insert(key(&claim.interval), distinct.len());
                distinct.push((claim.interval, &claim.article, None));
            }
        }
    }
    // Two groups hold claims of different articles unless both hold one
    // and the same article only.
    let apart = |a: &(Interval, &str, Option<&str>), b: &(Interval, &str, Option<&str>)| a.2.is_some() || b.2.is_some() || a.1 != b.1;
    distinct.iter().enumerate().any(|(i, a)| {
        (a.2.is_some() && !a.0.overlaps(&a.0)) || distinct[i + 1..].iter().any(|b| apart(a, b) && !a.0.overlaps(&b.0))
    })
}

/// Findings for every cluster, in report order, numbered F1, F2, ...
///
/// Order: conflicts, then compatible, single-source and agreeing findings;
/// within a verdict by topic, then by the position of the first claim.
pub fn judge(clusters: Vec<Cluster>) -> Vec<Finding> {
    let mut findings: Vec<Finding> = clusters.into_iter().filter(|c| !c.claims.is_empty()).map(finding).collect();
    findings.sort_by(|a, b| {
        (a.verdict, &a.topic, &a.claims[0].article, a.claims[0].quantity.span)
            .cmp(&(b.verdict, &b.topic, &b.claims[0].article, b.claims[0].quantity.span))
    });
    for (i, f) in findings.iter_mut().enumerate() {
        f.id = format!("F{}", i + 1);
    }
    findings
}

fn finding(mut cluster: Cluster) -> Finding {
    cluster.claims.sort_by(|a, b| (&a.article, a.quantity.span).cmp(&(&b.article, b.quantity.span)));
    let verdict = verdict(&cluster.claims);
    let sides = match verdict {
        Verdict::Conflict => conflict_sides(&cluster.claims),
        Verdict::Compatible => wording_sides(&cluster.claims),
        Verdict::Agree | Verdict::SingleSource => Vec::new(),
    };
    Finding { id: String::new(), topic: cluster.topic, scope: cluster.scope, verdict, claims: cluster.claims, sides }
}

/// For a compatible finding: articles grouped by the interval they state,
/// so the report can show who words it which way.
fn wording_sides(claims: &[Claim]) -> Vec<Side> {
    let mut sides: Vec<Side> = Vec::new();
    // The articles already on each side, for a constant-time check.
    let mut listed: Vec<HashSet<&str>> = Vec::new();
    for claim in claims {
        match sides.iter_mut().position(|s| same_interval(&s.interval, &claim.interval)) {
            Some(k) => {
                if listed[k].insert(&claim.article) {
                    sides[k].articles.push(claim.article.clone());
                }
            }
            None => {
                sides.push(Side { articles: vec![claim.article.clone()], interval: claim.interval, quantity: claim.quantity.text.clone() });
                listed.push(HashSet::from([claim.article.as_str()]));
            }
        }
    }
    sides
}

/// For a conflict: articles grouped so that the figures within a side are
/// mutually compatible; each side's interval is what its articles have in
/// common. Articles are placed in order of their figure, lowest first.
fn conflict_sides(claims: &[Claim]) -> Vec<Side> {
    // One interval per article: what all its claims have in common (they
    // overlap, since alignment never puts disjoint figures of one article
    // together).
    let mut per_article: Vec<(&str, Interval, &str)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for claim in claims {
        match index.get(claim.article.as_str()) {
            Some(&k) => {
                let entry = &mut per_article[k];
                entry.1 = intersection(&entry.1, &claim.interval).unwrap_or(entry.1);
            }
            None => {
                index.insert(&claim.article, per_article.len());
                per_article.push((&claim.article, claim.interval, &claim.quantity.text));
            }
        }
    }
    per_article.sort_by(|a, b| interval_key(&a.1).partial_cmp(&interval_key(&b.1)).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(b.0)));
    let mut sides: Vec<Side> = Vec::new();
    for (article, interval, quantity) in per_article {
        let joined = sides.iter_mut().find_map(|s| intersection(&s.interval, &interval).map(|common| (s, common)));
        match joined {
            Some((side, common)) => {
                side.interval = common;
                side.articles.push(article.to_string());
            }
            None => sides.push(Side { articles: vec![article.to_string()], interval, quantity: quantity.to_string() }),
        }
    }
    for side in &mut sides {
        side.articles.sort();
    }
    sides
}

/// Sort key of an interval: its low end (unbounded lows first), then high.
fn interval_key(i: &Interval) -> (f64, f64) {
    (i.low.unwrap_or(f64::NEG_INFINITY), i.high.unwrap_or(f64::INFINITY))
}

/// The common part of two intervals, `None` when they are disjoint.
fn intersection(a: &Interval, b: &Interval) -> Option<Interval> {
    if !a.overlaps(b) {
        return None;
    }
    let (low, low_inclusive) = match (a.low, b.low) {
        (None, _) => (b.low, b.low_inclusive),
        (_, None) => (a.low, a.low_inclusive),
        (Some(x), Some(y)) if x > y => (a.low, a.low_inclusive),
        (Some(x), Some(y)) if y > x => (b.low, b.low_inclusive),
        _ => (a.low, a.low_inclusive && b.low_inclusive),
    };
    let (high, high_inclusive) = match (a.high, b.high) {
        (None, _) => (b.high, b.high_inclusive),
        (_, None) => (a.high, a.high_inclusive),
        (Some(x), Some(y)) if x < y => (a.high, a.high_inclusive),
        (Some(x), Some(y)) if y < x => (b.high, b.high_inclusive),
        _ => (a.high, a.high_inclusive && b.high_inclusive),
    };
    Some(Interval { low, high, low_inclusive, high_inclusive })
}

/// Equal ends and inclusiveness, with room for floating-point noise from
/// bands ("about 14,000" computed twice).
fn same_interval(a: &Interval, b: &Interval) -> bool {
    let close = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    };
    close(a.low, b.low)
        && close(a.high, b.high)
        && (a.low.is_none() || a.low_inclusive == b.low_inclusive)
        && (a.high.is_none() || a.high_inclusive == b.high_inclusive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BaseUnit, Bound, Quantity, QuantityKind, Scope, Span, Stated};

    fn claim(article: &str, at: usize, text: &str, interval: Interval) -> Claim {
        Claim {
            article: article.into(),
            quantity: Quantity {
                span: Span::new(at, at + text.len()),
                text: text.into(),
                stated: Stated { bound: Bound::Exact, value: interval.low, to: None, unit: String::new() },
                interval,
                kind: QuantityKind::Count,
                noun: None,
            },
            topic: Some("deaths".into()),
            interval,
            unit: BaseUnit::People,
            sentence: Span::new(at, at + text.len()),
            sentence_text: text.into(),
            scope: Scope::default(),
            attribution: None,
            line: 1,
            column: at + 1,
        }
    }

    fn cluster(topic: &str, claims: Vec<Claim>) -> Cluster {
        Cluster { topic: topic.into(), scope: String::new(), claims }
    }

    #[test]
    fn verdicts() {
        let p = Interval::point;
        let cases: Vec<(&str, Vec<Claim>, Verdict)> = vec![
            ("one article", vec![claim("a", 0, "9", p(9.0))], Verdict::SingleSource),
            ("one article repeating itself", vec![claim("a", 0, "9", p(9.0)), claim("a", 50, "nine", p(9.0))], Verdict::SingleSource),
            ("same value", vec![claim("a", 0, "9", p(9.0)), claim("b", 0, "nine", p(9.0))], Verdict::Agree),
            (
                "about 14,000 vs up to 15,000",
                vec![claim("a", 0, "about 14,000", Interval::closed(12600.0, 15400.0)), claim("b", 0, "up to 15,000", Interval::up_to(15000.0, true))],
                Verdict::Compatible,
            ),
            ("11 vs 14", vec![claim("a", 0, "11", p(11.0)), claim("b", 0, "14", p(14.0))], Verdict::Conflict),
            (
                "more than 6,000 vs 6,000: open end does not touch",
                vec![claim("a", 0, "more than 6,000", Interval::above(6000.0, false)), claim("b", 0, "6,000", p(6000.0))],
                Verdict::Conflict,
            ),
            (
                "at least 6,000 vs 6,000: closed end touches",
                vec![claim("a", 0, "at least 6,000", Interval::above(6000.0, true)), claim("b", 0, "6,000", p(6000.0))],
                Verdict::Compatible,
            ),
            (
                "less than 93 vs 93",
                vec![claim("a", 0, "less than three months", Interval::up_to(93.0, false)), claim("b", 0, "93 days", p(93.0))],
                Verdict::Conflict,
            ),
            (
                "at most 93 vs 93",
                vec![claim("a", 0, "up to 93 days", Interval::up_to(93.0, true)), claim("b", 0, "93 days", p(93.0))],
                Verdict::Compatible,
            ),
            (
                "unbounded intervals overlap",
                vec![claim("a", 0, "at least hundreds", Interval::above(200.0, true)), claim("b", 0, "more than 6,000", Interval::above(6000.0, false))],
                Verdict::Compatible,
            ),
        ];
        for (name, claims, expected) in cases {
            assert_eq!(verdict(&claims), expected, "{name}");
        }
    }

    #[test]
    fn band_noise_still_agrees() {
        let a = Interval::closed(14000.0 * 0.9, 14000.0 * 1.1);
        let b = Interval::closed(12600.000000000002, 15400.0);
        assert_eq!(verdict(&[claim("a", 0, "about 14,000", a), claim("b", 0, "around 14,000", b)]), Verdict::Agree);
    }

    #[test]
    fn conflict_sides_group_compatible_articles() {
        let claims = vec![
            claim("a", 0, "11", Interval::point(11.0)),
            claim("b", 0, "14", Interval::point(14.0)),
            claim("c", 0, "at least 12", Interval::above(12.0, true)),
            claim("d", 0, "about 11", Interval::closed(9.9, 12.1)),
        ];
        let f = judge(vec![cluster("deaths", claims)]);
        assert_eq!(f[0].verdict, Verdict::Conflict);
        let sides: Vec<(Vec<String>, String)> = f[0].sides.iter().map(|s| (s.articles.clone(), s.interval.to_string())).collect();
        assert_eq!(
            sides,
            vec![(vec!["a".to_string(), "d".to_string()], "[11, 11]".to_string()), (vec!["b".to_string(), "c".to_string()], "[14, 14]".to_string())]
        );
    }

    #[test]
    fn compatible_sides_list_each_wording() {
        let claims = vec![
            claim("a", 0, "around 14,000", Interval::closed(12600.0, 15400.0)),
            claim("b", 0, "up to 15,000", Interval::up_to(15000.0, true)),
            claim("c", 0, "some 14,000", Interval::closed(12600.0, 15400.0)),
        ];
        let f = judge(vec![cluster("troops", claims)]);
        assert_eq!(f[0].verdict, Verdict::Compatible);
        assert_eq!(f[0].sides.len(), 2);
        assert_eq!(f[0].sides[0].articles, vec!["a", "c"]);
        assert_eq!(f[0].sides[1].articles, vec!["b"]);
    }

    #[test]
    fn findings_are_ordered_and_numbered() {
        let p = Interval::point;
        let findings = judge(vec![
            cluster("troops", vec![claim("a", 5, "9", p(9.0)), claim("b", 0, "9", p(9.0))]),
            cluster("deaths", vec![claim("b", 9, "3", p(3.0))]),
            cluster("deaths", vec![claim("a", 7, "2", p(2.0))]),
            cluster("duration", vec![claim("a", 1, "4", p(4.0)), claim("b", 1, "5", p(5.0))]),
        ]);
        let order: Vec<(&str, Verdict, &str)> = findings.iter().map(|f| (f.id.as_str(), f.verdict, f.claims[0].quantity.text.as_str())).collect();
        assert_eq!(
            order,
            vec![
                ("F1", Verdict::Conflict, "4"),
                ("F2", Verdict::SingleSource, "2"),
                ("F3", Verdict::SingleSource, "3"),
                ("F4", Verdict::Agree, "9"),
            ]
        );
    }

    #[test]
    fn claims_within_a_finding_are_sorted_by_article_and_position() {
        let p = Interval::point;
        let f = judge(vec![cluster("deaths", vec![claim("b", 0, "9", p(9.0)), claim("a", 9, "9", p(9.0)), claim("a", 2, "nine", p(9.0))])]);
        let order: Vec<(&str, usize)> = f[0].claims.iter().map(|c| (c.article.as_str(), c.quantity.span.start)).collect();
        assert_eq!(order, vec![("a", 2), ("a", 9), ("b", 0)]);
    }
}

//! Alignment on hand-built claims: each scope trap, a real same-scope
//! disagreement, repeats inside one article, buckets and input order.

use super::*;
use crate::model::{BaseUnit, Bound, QuantityKind, Quantity, Scope, Span, Stated};

/// A hand-built claim. `sentence_no` places the sentence in its article so
/// that two claims of one sentence share a sentence span.
pub(crate) struct Spec<'a> {
    pub article: &'a str,
    pub topic: &'a str,
    pub sentence_no: usize,
    pub sentence: &'a str,
    pub quantity: &'a str,
    pub bound: Bound,
    pub value: Option<f64>,
    pub interval: Interval,
    pub noun: Option<&'a str>,
    pub qualifiers: &'a [&'a str],
    pub time: Option<&'a str>,
    pub attribution: Option<&'a str>,
}

impl Spec<'_> {
    pub fn build(&self) -> Claim {
        let sentence_start = self.sentence_no * 1000;
        let at = self.sentence.find(self.quantity).expect("quantity in sentence");
        let span = Span::new(sentence_start + at, sentence_start + at + self.quantity.len());
        let unit = if self.topic == "duration" { BaseUnit::Days } else { BaseUnit::People };
        let kind = if self.topic == "duration" { QuantityKind::Duration } else { QuantityKind::Count };
        Claim {
            article: self.article.to_string(),
            quantity: Quantity {
                span,
                text: self.quantity.to_string(),
                stated: Stated { bound: self.bound, value: self.value, to: None, unit: self.noun.unwrap_or_default().to_string() },
                interval: self.interval,
                kind,
                noun: self.noun.map(str::to_string),
            },
            topic: Some(self.topic.to_string()),
            interval: self.interval,
            unit,
            sentence: Span::new(sentence_start, sentence_start + self.sentence.len()),
            sentence_text: self.sentence.into(),
            scope: Scope {
                noun: self.noun.map(str::to_string),
                qualifiers: self.qualifiers.iter().map(|q| q.to_string()).collect(),
                time: self.time.map(str::to_string),
                ..Scope::default()
            },
            attribution: self.attribution.map(str::to_string),
            line: self.sentence_no + 1,
            column: at + 1,
        }
    }
}

pub(crate) fn spec<'a>(article: &'a str, topic: &'a str, sentence_no: usize, sentence: &'a str, quantity: &'a str, value: f64) -> Spec<'a> {
    Spec {
        article,
        topic,
        sentence_no,
        sentence,
        quantity,
        bound: Bound::Exact,
        value: Some(value),
        interval: Interval::point(value),
        noun: None,
        qualifiers: &[],
        time: None,
        attribution: None,
    }
}

/// Clusters as sorted lists of "article:quantity", for readable asserts.
fn groups(clusters: &[Cluster]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = clusters
        .iter()
        .map(|c| {
            let mut g: Vec<String> = c.claims.iter().map(|x| format!("{}:{}", x.article, x.quantity.text)).collect();
            g.sort();
            g
        })
        .collect();
    out.sort();
    out
}

fn unit_dead_and_war_dead() -> Vec<Claim> {
    vec![
        Spec {
            noun: Some("soldier"),
            qualifiers: &["of the engineer regiment"],
            time: Some("during the mission"),
            ..spec("a", "deaths", 3, "The leader said nine soldiers of the engineer regiment died during the mission.", "nine soldiers", 9.0)
        }
        .build(),
        Spec {
            bound: Bound::MoreThan,
            interval: Interval::above(6000.0, false),
            noun: Some("soldier"),
            time: Some("in the war"),
            ..spec("a", "deaths", 1, "Western officials believe more than 6,000 soldiers from the North were killed in the war.", "more than 6,000 soldiers", 6000.0)
        }
        .build(),
        Spec {
            noun: Some("member"),
            qualifiers: &["of the regiment"],
            time: Some("during the deployment"),
            ..spec("b", "deaths", 2, "Nine members of the regiment lost their lives during the deployment, the leader said.", "Nine members", 9.0)
        }
        .build(),
        Spec {
            bound: Bound::MoreThan,
            interval: Interval::above(6000.0, false),
            time: Some("in the war"),
            ..spec("b", "deaths", 5, "Analysts say more than 6,000 have been killed in the war so far.", "more than 6,000", 6000.0)
        }
        .build(),
        Spec {
            bound: Bound::Vague,
            value: None,
            interval: Interval::above(200.0, true),
            noun: Some("troop"),
            time: Some("in the war"),
            ..spec("c", "deaths", 4, "At least hundreds of the North's troops are thought to have been killed in the war.", "At least hundreds", 0.0)
        }
        .build(),
    ]
}

#[test]
fn a_unit_s_dead_and_a_war_s_dead_are_two_findings() {
    let clusters = align(&unit_dead_and_war_dead());
    assert_eq!(
        groups(&clusters),
        vec![
            vec!["a:more than 6,000 soldiers", "b:more than 6,000", "c:At least hundreds"],
            vec!["a:nine soldiers", "b:Nine members"],
        ]
    );
}

#[test]
fn input_order_does_not_change_the_clusters() {
    let mut claims = unit_dead_and_war_dead();
    let forward = align(&claims);
    claims.reverse();
    assert_eq!(align(&claims), forward);
}

#[test]
fn deployment_length_and_task_length_are_two_findings() {
    let less_than_three_months = |article, sentence_no, sentence| Spec {
        bound: Bound::LessThan,
        interval: Interval::up_to(93.0, false),
        ..spec(article, "duration", sentence_no, sentence, "less than three months", 3.0)
    };
    let claims = vec![
        spec("a", "duration", 1, "The engineers came home after a 120-day deployment abroad.", "120-day", 120.0).build(),
        less_than_three_months("a", 4, "He said they had cleared the minefield in less than three months.").build(),
        spec("b", "duration", 2, "The unit served 120 days abroad on its deployment.", "120 days", 120.0).build(),
        less_than_three_months("c", 6, "The minefield was cleared in less than three months, he told them.").build(),
    ];
    assert_eq!(
        groups(&align(&claims)),
        vec![
            vec!["a:120-day", "b:120 days"],
            vec!["a:less than three months", "c:less than three months"],
        ]
    );
}

#[test]
fn an_agreed_contingent_is_not_last_year_s_total() {
    let claims = vec![
        Spec {
            noun: Some("engineer"),
            ..spec("a", "troops", 2, "In July the Kremlin said the North had agreed to send 1,000 combat engineers.", "1,000 combat engineers", 1000.0)
        }
        .build(),
        Spec {
            bound: Bound::AtMost,
            interval: Interval::up_to(15000.0, true),
            noun: Some("troop"),
            time: Some("last year"),
            ..spec("a", "troops", 3, "Last year up to 15,000 of its troops fought for Moscow.", "up to 15,000 of its troops", 15000.0)
        }
        .build(),
        Spec {
            bound: Bound::About,
            interval: Interval::closed(12600.0, 15400.0),
            noun: Some("troop"),
            time: Some("last year"),
            ..spec("b", "troops", 1, "The North sent around 14,000 troops to fight for Moscow last year.", "around 14,000 troops", 14000.0)
        }
        .build(),
    ];
    assert_eq!(
        groups(&align(&claims)),
        vec![vec!["a:1,000 combat engineers"], vec!["a:up to 15,000 of its troops", "b:around 14,000 troops"]]
    );
}

#[test]
fn the_one_soldier_hugged_is_not_the_five_in_wheelchairs() {
    let claims = vec![
        Spec {
            noun: Some("soldier"),
            qualifiers: &["in a wheelchair"],
            ..spec("a", "people", 2, "Footage showed the leader embracing one soldier in a wheelchair.", "one soldier", 1.0)
        }
        .build(),
        Spec {
            qualifiers: &["in wheelchairs"],
            ..spec("b", "people", 4, "Photos showed him hugging returning soldiers, including five in wheelchairs.", "five", 5.0)
        }
        .build(),
    ];
    assert_eq!(groups(&align(&claims)), vec![vec!["a:one soldier"], vec!["b:five"]]);
}

#[test]
fn a_same_scope_disagreement_is_one_finding() {
    let dead = |article, n: f64, text| Spec {
        noun: Some("passenger"),
        qualifiers: &["on the ferry"],
        time: Some("on Sunday"),
        ..spec(article, "deaths", 1, text, if n == 11.0 { "11 passengers" } else { "14 passengers" }, n)
    };
    let claims = vec![
        dead("a", 11.0, "Police said 11 passengers on the ferry died when it capsized on Sunday.").build(),
        dead("b", 14.0, "At least the coastguard said 14 passengers on the ferry died when it capsized on Sunday.").build(),
    ];
    let clusters = align(&claims);
    assert_eq!(groups(&clusters), vec![vec!["a:11 passengers", "b:14 passengers"]]);
}

#[test]
fn an_article_repeating_a_figure_makes_one_cluster() {
    let claims = vec![
        Spec { noun: Some("soldier"), ..spec("a", "deaths", 1, "Nine soldiers died on the mission.", "Nine soldiers", 9.0) }.build(),
        Spec {
            noun: Some("personnel"),
            ..spec("a", "deaths", 5, "The nine deceased personnel will receive medals.", "nine deceased personnel", 9.0)
        }
        .build(),
    ];
    let clusters = align(&claims);
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].claims.len(), 2);
}

#[test]
fn two_figures_of_one_sentence_are_two_things() {
    let claims = vec![
        spec("a", "deaths", 1, "Of the 40 soldiers sent, 12 were killed.", "40", 40.0).build(),
        spec("a", "deaths", 1, "Of the 40 soldiers sent, 12 were killed.", "12", 12.0).build(),
    ];
    assert_eq!(align(&claims).len(), 2);
}

#[test]
fn different_topics_and_units_never_meet() {
    let mut days = spec("b", "deaths", 1, "Nine died.", "Nine", 9.0).build();
    days.unit = BaseUnit::Days;
    let claims = vec![
        spec("a", "deaths", 1, "Nine died.", "Nine", 9.0).build(),
        spec("b", "injured", 1, "Nine died.", "Nine", 9.0).build(),
        days,
    ];
    assert_eq!(align(&claims).len(), 3);
}

#[test]
fn claims_without_topic_are_left_out() {
    let mut claim = spec("a", "deaths", 1, "Nine died.", "Nine", 9.0).build();
    claim.topic = None;
    assert!(align(&[claim]).is_empty());
}

#[test]
fn scope_hints_keep_apart_what_context_alone_would_merge() {
    // Two outlets with near-identical wording but different named units.
    let claims = vec![
        spec("a", "deaths", 1, "Officials said 30 were killed in the regiment.", "30", 30.0).build(),
        spec("b", "deaths", 1, "Officials said 35 were killed in the brigade.", "35", 35.0).build(),
    ];
    let without = align(&claims);
    assert_eq!(without.len(), 1, "the same wording merges without hints");
    let hints = TopicHints { scope: vec!["regiment".to_string(), "brigade".to_string()], nouns: Vec::new() };
    let with = align_with(&claims, |_| hints.clone()).clusters;
    assert_eq!(with.len(), 2);
}

#[test]
fn the_most_common_scope_describes_the_cluster() {
    let claims = vec![
        Spec { noun: Some("soldier"), ..spec("a", "deaths", 1, "Nine soldiers died.", "Nine soldiers", 9.0) }.build(),
        Spec { noun: Some("soldier"), ..spec("b", "deaths", 1, "Nine soldiers died.", "Nine soldiers", 9.0) }.build(),
        Spec { noun: Some("member"), qualifiers: &["of the regiment"], ..spec("c", "deaths", 1, "Nine members of the regiment died.", "Nine members", 9.0) }.build(),
    ];
    let clusters = align(&claims);
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].scope, "soldier");
}

#[test]
fn a_hedged_figure_that_agrees_joins_and_a_planned_one_only_when_identical() {
    use crate::model::Modality;
    let with = |modality, article, text: &'static str| {
        let mut c = spec(article, "duration", 1, text, "less than three months", 3.0).build();
        c.interval = Interval::up_to(93.0, false);
        c.scope.modality = modality;
        c
    };
    let reported = with(Modality::Reported, "a", "They cleared the whole zone in less than three months, he said.");
    let hedged = with(Modality::Expected, "b", "You could clear the whole zone in less than three months, he told them.");
    let planned = Spec {
        bound: Bound::LessThan,
        interval: Interval::up_to(62.0, false),
        ..spec("c", "duration", 1, "They plan to clear the whole zone in less than two months.", "less than two months", 2.0)
    };
    let mut planned = planned.build();
    planned.scope.modality = Modality::Planned;
    let planned_same = with(Modality::Planned, "d", "They plan to clear the whole zone in less than three months.");
    assert_eq!(align(&[reported.clone(), hedged]).len(), 1);
    assert_eq!(align(&[reported.clone(), planned]).len(), 2, "a plan with another figure is another fact");
    assert_eq!(align(&[reported, planned_same]).len(), 1, "the very same figure planned and reported is one fact");
}

#[test]
fn an_article_repeating_a_figure_stays_together_whatever_its_modality() {
    use crate::model::Modality;
    let first = spec("a", "deaths", 1, "Nine soldiers died on the mission.", "Nine soldiers", 9.0).build();
    let mut again = spec("a", "deaths", 4, "Medals will go to its nine dead.", "nine dead", 9.0).build();
    again.scope.modality = Modality::Planned;
    let other = spec("b", "deaths", 2, "Nine soldiers were killed on the mission.", "Nine soldiers", 9.0).build();
    assert_eq!(groups(&align(&[first, again, other])), vec![vec!["a:Nine soldiers", "a:nine dead", "b:Nine soldiers"]]);
}

#[test]
fn a_claim_stranded_by_order_finds_its_partners() {
    // Article a gives the deployment as "four months" before "120 days";
    // the 120 days first stand alone (little in common with the four
    // months), then article b's 120 days join the four months. The
    // merging step reunites a's 120 days with b's.
    let four_months = Spec {
        bound: Bound::Range,
        interval: Interval::closed(112.0, 124.0),
        noun: Some("deployment"),
        ..spec("a", "duration", 1, "The engineers returned from a four-month deployment abroad.", "four-month", 4.0)
    }
    .build();
    let a_120 = Spec { noun: Some("mission"), ..spec("a", "duration", 3, "Kim praised the unit's conduct on a 120-day mission.", "120-day", 120.0) }.build();
    let b_120 = Spec {
        noun: Some("deployment"),
        ..spec("b", "duration", 1, "The engineers returned from a 120-day mission and deployment abroad.", "120-day", 120.0)
    }
    .build();
    let clusters = align(&[four_months, a_120, b_120]);
    assert_eq!(groups(&clusters), vec![vec!["a:120-day", "a:four-month", "b:120-day"]]);
}

#[test]
fn two_nouns_the_rule_counts_are_kinds_of_one_thing() {
    let troops = TopicHints { scope: Vec::new(), nouns: vec!["troop".into(), "troops".into(), "soldier".into(), "soldiers".into()] };
    let a = Spec { noun: Some("soldier"), ..spec("a", "troops", 1, "The North sent 11,000 soldiers to the front.", "11,000 soldiers", 11000.0) }.build();
    let b = Spec { noun: Some("troop"), ..spec("b", "troops", 1, "The North sent 14,000 troops to the front.", "14,000 troops", 14000.0) }.build();
    let score = |hints: &TopicHints| {
        let (pa, pb) = (Profile::of(&a, hints), Profile::of(&b, hints));
        score::similarity(&a, &pa, &b, &pb)
    };
    assert!(score(&troops) > score(&TopicHints::default()));
    assert_eq!(align_with(&[a.clone(), b.clone()], |_| troops.clone()).clusters.len(), 1, "a same-scope disagreement");
}

#[test]
fn the_same_figure_is_one_fact_unless_the_scope_says_otherwise() {
    let bare = |article, sentence| Spec {
        bound: Bound::MoreThan,
        interval: Interval::above(6000.0, false),
        ..spec(article, "deaths", 1, sentence, "more than 6,000", 6000.0)
    };
    let a = bare("a", "Western officials say more than 6,000 were killed.").build();
    let b = bare("b", "By that count, more than 6,000 of them have died.").build();
    assert_eq!(align(&[a, b]).len(), 1, "nothing but the figure, and it is the same");
    let mut north = spec("a", "deaths", 1, "Police said 3 died in Northfield overnight.", "3", 3.0).build();
    north.scope.place = vec!["in Northfield".into()];
    let mut south = spec("b", "deaths", 1, "A storm left 3 dead in Southmoor, the mayor reported.", "3", 3.0).build();
    south.scope.place = vec!["in Southmoor".into()];
    assert_eq!(align(&[north, south]).len(), 2, "the same small figure in two places");
}

#[test]
fn a_description_names_what_is_counted_once() {
    let mut a = Spec { noun: Some("person"), qualifiers: &["in the fire", "in the fire"], ..spec("a", "injured", 1, "40 people hurt in the fire.", "40 people", 40.0) }.build();
    a.scope.modality = crate::model::Modality::Expected;
    let mut b = spec("b", "injured", 1, "40 people hurt in the fire.", "40 people", 40.0).build();
    b.scope.modality = crate::model::Modality::Expected;
    let c = spec("c", "injured", 1, "40 people hurt in the fire.", "40 people", 40.0).build();
    let mut d = c.clone();
    d.article = "d".into();
    d.scope.modality = crate::model::Modality::Expected;
    // "expected" alone is the most common description, but says nothing
    // of what is counted.
    let clusters = align(&[a, b, c, d]);
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].scope, "person, in the fire, expected");
}

#[test]
fn a_dissenting_figure_met_first_does_not_split_those_who_agree() {
    // Article "a" (first in order) says 48 hours; three others agree on
    // about a day and a half, one of them only as "less than two days".
    let hours = |article, sentence, quantity, days: f64| Spec {
        noun: Some("operation"),
        interval: Interval::point(days),
        ..spec(article, "duration", 1, sentence, quantity, days)
    };
    let claims = vec![
        hours("a", "Crews fought the blaze in a 48-hour operation at the pier.", "48-hour", 2.0).build(),
        hours("b", "Crews fought the blaze in a 36-hour operation at the pier.", "36-hour", 1.5).build(),
        Spec {
            bound: Bound::LessThan,
            interval: Interval::up_to(2.0, false),
            ..hours("c", "Crews needed less than two days to put the blaze out at the pier.", "less than two days", 2.0)
        }
        .build(),
        hours("d", "The blaze at the pier was put out after 36 hours of work by crews.", "36 hours", 1.5).build(),
    ];
    let clusters = align(&claims);
    assert_eq!(groups(&clusters), vec![vec!["a:48-hour", "b:36-hour", "c:less than two days", "d:36 hours"]]);
}

/// The merge step as it was first written (every pair rescanned after each
/// merge): the faster one must choose the same merges in the same order.
fn merge_clusters_by_rescanning(claims: &Bucket, clusters: &mut Vec<Building>) {
    let n = clusters.len();
    let mut table: Vec<Vec<Option<(bool, f64)>>> = vec![vec![None; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            table[i][j] = join(claims, &clusters[i], &clusters[j]);
        }
    }
    loop {
        let mut best: Option<((bool, f64), usize, usize)> = None;
        for (i, row) in table.iter().enumerate() {
            for (j, rank) in row.iter().enumerate().skip(i + 1) {
                if let Some(rank) = *rank {
                    if best.is_none_or(|(b, _, _)| rank > b) {
                        best = Some((rank, i, j));
                    }
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let moved = clusters.remove(j);
        for m in moved.members {
            add(&mut clusters[i], claims, m);
        }
        table.remove(j);
        for row in &mut table {
            row.remove(j);
        }
        for k in 0..clusters.len() {
            if k != i {
                let (lo, hi) = (k.min(i), k.max(i));
                table[lo][hi] = join(claims, &clusters[lo], &clusters[hi]);
            }
        }
    }
}

/// Many articles, several figures each, sentences drawn from a few
/// phrasings: many clusters and many merges, the same either way.
#[test]
fn merging_with_row_bests_matches_rescanning_every_pair() {
    let merges: usize = (0..16).map(merges_both_ways).sum();
    assert!(merges >= 40, "the stories should need many merges, got {merges}");
}

/// Merges one generated story both ways, checks they agree, and returns
/// how many merges there were.
fn merges_both_ways(mut seed: u64) -> usize {
    let openings = ["Officials said", "Rescuers reported that", "The ministry confirmed", "Witnesses told reporters"];
    let subjects = ["people died in the flood", "people died in the flood waters", "workers were killed at the mine"];
    let values = [9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 300.0, 310.0, 320.0, 330.0, 6000.0];
    let mut sentences = Vec::new();
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for article in 0..24 {
        for s in 0..2 {
            let value = values[next(values.len())];
            let text = format!("{} {} {}.", openings[next(openings.len())], value, subjects[next(subjects.len())]);
            sentences.push((format!("a{article:02}"), s, text, value));
        }
    }
    let claims: Vec<Claim> = sentences
        .iter()
        .map(|(article, s, text, value)| {
            let quantity = text.split(' ').find(|w| w.parse::<f64>().is_ok()).unwrap_or_default().to_string();
            let mut claim = spec(article, "deaths", *s, text, &quantity, *value).build();
            claim.quantity.text = quantity;
            claim
        })
        .collect();
    let hints = TopicHints::default();
    let keys = profile::TopicKeys::of(&hints);
    let mut words = Vocabulary::default();
    let mut profiled: Vec<(&Claim, Profile)> = claims
        .iter()
        .map(|c| {
            let mut p = Profile::with(c, &keys);
            words.intern(&mut p);
            (c, p)
        })
        .collect();
    settle_repeats(&mut profiled);
    let bucket = Bucket::new(&profiled, &words);
    let greedy = || {
        let mut clusters: Vec<Building> = Vec::new();
        for i in 0..bucket.len() {
            match best_fit(clusters.iter().enumerate().map(|(k, c)| (k, fit(&bucket, c, &[i])))) {
                Some(k) => add(&mut clusters[k], &bucket, i),
                None => {
                    let mut cluster = Building::new();
                    add(&mut cluster, &bucket, i);
                    clusters.push(cluster);
                }
            }
        }
        clusters
    };
    let (mut fast, mut slow) = (greedy(), greedy());
    merge_clusters(&bucket, &mut fast);
    merge_clusters_by_rescanning(&bucket, &mut slow);
    let members = |clusters: &[Building]| clusters.iter().map(|c| c.members.clone()).collect::<Vec<_>>();
    assert_eq!(members(&fast), members(&slow));
    greedy().len() - fast.len()
}

/// Death tolls, one per sentence, in the same words: "Officials said N
/// people were killed."
fn tolls(article: &str, figures: &[u32]) -> Vec<Claim> {
    figures
        .iter()
        .enumerate()
        .map(|(no, n)| {
            let sentence = format!("Officials said {n} people were killed.");
            let quantity = n.to_string();
            spec(article, "deaths", no, &sentence, &quantity, f64::from(*n)).build()
        })
        .collect()
}

fn limited(claims: &[Claim], max_groups: usize) -> Alignment {
    align_limited(claims, |_| TopicHints::default(), max_groups)
}

#[test]
fn under_the_limit_of_groups_nothing_changes() {
    let claims: Vec<Claim> = [tolls("a", &[11, 12, 13]), tolls("b", &[12, 16])].concat();
    let within = limited(&claims, 5);
    assert_eq!(within.clusters, align(&claims));
    assert!(within.limits.is_empty());
    // Each of b's figures finds a's: the same one agrees, the other
    // disagrees with a figure of a in the same words.
    assert_eq!(groups(&within.clusters), [vec!["a:11", "b:16"], vec!["a:12", "b:12"], vec!["a:13"]]);
}

/// Past the limit, a claim is compared with the first groups and with
/// late groups of its very figure, and late groups are not merged: the
/// same figure still agrees, a disagreement with a late group is missed,
/// and the limit is reported.
#[test]
fn past_the_limit_late_groups_match_only_identical_figures() {
    let claims: Vec<Claim> = [tolls("a", &[11, 12, 13, 14, 15]), tolls("b", &[15, 16])].concat();
    let aligned = limited(&claims, 3);
    assert_eq!(
        groups(&aligned.clusters),
        [vec!["a:11"], vec!["a:12"], vec!["a:13"], vec!["a:14"], vec!["a:15", "b:15"], vec!["b:16"]]
    );
    assert_eq!(aligned.limits, [Limit { topic: "deaths".into(), unit: BaseUnit::People, claims: 7, groups: 6 }]);
    let message = aligned.limits[0].to_string();
    assert!(message.starts_with("topic `deaths` (people): 7 figures make 6 groups, more than the 1000"), "{message}");
}

#[test]
fn a_disagreement_past_the_limit_is_left_as_two_findings() {
    let claims: Vec<Claim> = [tolls("a", &[11]), tolls("b", &[12])].concat();
    assert_eq!(groups(&limited(&claims, 2).clusters), [vec!["a:11", "b:12"]]);
    let aligned = limited(&claims, 1);
    assert_eq!(groups(&aligned.clusters), [vec!["a:11"], vec!["b:12"]]);
    assert_eq!(aligned.limits.len(), 1);
}

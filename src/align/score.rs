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
use crate::model::{Claim, Interval, Modality};
use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};

/// Minimum score for claims that state the very same interval.
pub const IDENTICAL_THRESHOLD: f64 = 0.1;
/// Minimum score for claims whose intervals overlap.
pub const OVERLAP_THRESHOLD: f64 = 0.3;
/// Minimum score for disjoint claims of a similar size (a disagreement).
pub const DISJOINT_THRESHOLD: f64 = 0.55;
/// Minimum score for disjoint claims at least [`FAR_DECADES`] apart.
pub const FAR_THRESHOLD: f64 = 0.85;
/// Gap, in orders of magnitude, from which two figures count as far apart.
pub const FAR_DECADES: f64 = 1.0;
/// Distance, in orders of magnitude, between the figures' anchors from
/// which a bound that overlaps an estimate only through its open end says
/// little about it (a factor of about three).
pub const LOOSE_DECADES: f64 = 0.45;

/// Weights of the scope components; a component one of the claims lacks is
/// left out of the weighted mean rather than counted as a mismatch.
const W_HINTS: f64 = 3.0;
const W_QUALIFIERS: f64 = 2.0;
const W_PLACE: f64 = 1.0;
const W_TIME: f64 = 1.5;
const W_NOUN: f64 = 2.0;
const W_EVENT: f64 = 1.0;
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
    /// Overlapping only through an open end, with the stated figures a
    /// factor of three or more apart ("at least 30" and "some 300",
    /// "up to 15,000" and "1,000"): the figures hardly speak for or
    /// against one fact.
    Loose,
    Disjoint,
    Far,
}

impl Relation {
    pub fn of(a: &Interval, b: &Interval) -> Relation {
        if a.same_as(b) {
            Relation::Identical
        } else if a.overlaps(b) {
            if is_loose(a, b) { Relation::Loose } else { Relation::Overlapping }
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
            Relation::Loose => DISJOINT_THRESHOLD,
            Relation::Disjoint => DISJOINT_THRESHOLD,
            Relation::Far => FAR_THRESHOLD,
        }
    }
}

/// Whether two figures disagree: `Relation::of(a, b) >= Relation::Disjoint`
/// without measuring how far apart they are, for the greedy step, which
/// asks it of every claim and group.
pub fn disagree(a: &Interval, b: &Interval) -> bool {
    !a.same_as(b) && !a.overlaps(b)
}

/// Whether a bound that overlaps another figure only through its open end
/// is a factor of three or more away from it ("at least 30" and "some
/// 300", "up to 320" and "at least 30"). Two bounds open the same way
/// ("at least hundreds", "more than 6,000") are never loose: both say
/// "many", and their stated figures need not be close.
fn is_loose(a: &Interval, b: &Interval) -> bool {
    let open_above = |i: &Interval| i.high.is_none();
    let open_below = |i: &Interval| i.high.is_some() && i.low.is_none_or(|l| l <= 0.0);
    let open = |i: &Interval| open_above(i) || open_below(i);
    let same_way = (open_above(a) && open_above(b)) || (open_below(a) && open_below(b));
    if same_way || (!open(a) && !open(b)) {
        return false;
    }
    match (anchor(a), anchor(b)) {
        (Some(x), Some(y)) => ((x + 1.0) / (y + 1.0)).log10().abs() >= LOOSE_DECADES,
        _ => false,
    }
}

/// The figure an interval was stated around: its finite low end for "at
/// least N", its high end for "up to N", the geometric middle otherwise.
fn anchor(i: &Interval) -> Option<f64> {
    match (i.low, i.high) {
        (Some(l), None) => Some(l),
        (Some(l), Some(h)) if l <= 0.0 => Some(h),
        (Some(l), Some(h)) => Some((l * h).sqrt()),
        (None, Some(h)) => Some(h),
        (None, None) => None,
    }
}

/// The score two claims need to share a finding: that of their figures'
/// relation, and for two different figures of one article at least that
/// of a disagreement, since one article giving two figures under one topic
/// more often speaks of two things than words one thing two ways.
pub fn pair_threshold(a: &Claim, b: &Claim) -> f64 {
    let base = Relation::of(&a.interval, &b.interval).threshold();
    if a.article == b.article && !same_figure(a, b) { base.max(DISJOINT_THRESHOLD) } else { base }
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
    /// One figure happened, the other is agreed or planned; or one is
    /// expected and disagrees with the other.
    Modality,
    /// A part of a group and a figure that is not marked as a part differ:
    /// that is no contradiction.
    PartAndWhole,
}

/// The hard constraint, if any, that keeps `a` and `b` apart.
pub fn veto(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile) -> Option<Veto> {
    let disjoint = !a.interval.overlaps(&b.interval);
    if a.article == b.article {
        if a.sentence == b.sentence && a.quantity.span != b.quantity.span && !same_figure(a, b) {
            return Some(Veto::SameSentence);
        }
        if disjoint {
            return Some(Veto::SameArticleDisjoint);
        }
    }
    if modalities_differ(pa.modality, pb.modality, disjoint, a.interval.same_as(&b.interval)) {
        return Some(Veto::Modality);
    }
    if disjoint && pa.partitive != pb.partitive {
        return Some(Veto::PartAndWhole);
    }
    None
}

/// A noun that names anyone or anything counted, and so disagrees with no
/// more specific one ("12 people" and "12 passengers").
fn is_generic(noun: &str) -> bool {
    matches!(noun, "person" | "people" | "individual" | "one" | "other")
}

/// The same stated figure: bound and numbers, whatever noun follows
/// ("nine soldiers" and "nine deceased personnel").
pub fn same_figure(a: &Claim, b: &Claim) -> bool {
    let (x, y) = (&a.quantity.stated, &b.quantity.stated);
    x.bound == y.bound && x.value == y.value && x.to == y.to && a.unit == b.unit
}

/// A planned figure is not a reported one ("agreed to send 1,000" does not
/// say how many went), unless both state the very same figure (one
/// outlet's "will be closed for three weeks" and another's "a three-week
/// closure"). An expected (hedged or forecast) figure that overlaps a
/// reported one is the same fact stated with caution ("as many as 50 may
/// have died" and "50 died"); one that disagrees with it is no
/// contradiction.
fn modalities_differ(a: Modality, b: Modality, disjoint: bool, identical: bool) -> bool {
    match (a, b) {
        _ if a == b => false,
        (Modality::Planned, _) | (_, Modality::Planned) => !identical,
        _ => disjoint,
    }
}

/// Scope similarity of two claims in `[0, 1]`: a weighted mean of the
/// components both claims have.
pub fn similarity(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile) -> f64 {
    let mut words = Vocabulary::default();
    let (mut pa, mut pb) = (pa.clone(), pb.clone());
    words.intern(&mut pa);
    words.intern(&mut pb);
    compare(a, &pa, b, &pb, &words).score
}

/// The score of a pair that may share a finding as far as the thresholds
/// go, `None` when it falls short; hard constraints are [`veto`]'s.
///
/// Disjoint figures (the merge would make a conflict) are only admitted
/// when no structured part of their scopes disagrees.
///
/// The very same figure under one topic is taken as one fact unless some
/// part of the scope says otherwise (different nouns, places, time frames
/// or hints): the figure itself is then the evidence, which
/// matters where a sentence says little beyond it ("more than 6,000 of
/// them have died").
pub fn admitted(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile, words: &Vocabulary) -> Option<Admission> {
    let c = compare(a, pa, b, pb, words);
    let relation = Relation::of(&a.interval, &b.interval);
    if c.contradicted && relation >= Relation::Disjoint {
        // A conflict is only claimed between figures whose scopes do not
        // disagree anywhere.
        return None;
    }
    let uncontested = !c.contradicted && relation == Relation::Identical;
    let bonus = if relation == Relation::Identical { IDENTICAL_AFFINITY } else { 0.0 };
    (uncontested || c.score >= pair_threshold(a, b)).then_some(Admission { score: c.score, affinity: c.score + bonus })
}

/// What an admitted pair brings: its scope score, and its affinity, the
/// score with a bonus when the two state the very same figure, used to
/// choose between clusters that would both take a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Admission {
    pub score: f64,
    pub affinity: f64,
}

/// How much stating the very same figure counts when choosing where a
/// claim goes: an outlet's "36 hours" belongs with another's "36-hour"
/// rather than with "less than two days", even when the latter's sentence
/// happens to share a few more words.
pub const IDENTICAL_AFFINITY: f64 = 0.25;

/// A scope comparison: the score, and whether some structured part of the
/// scope (noun, place, time frame, hints) disagrees outright.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    pub score: f64,
    pub contradicted: bool,
}

/// Compares the scopes of two claims, whose profiles `words` has interned.
pub fn compare(a: &Claim, pa: &Profile, b: &Claim, pb: &Profile, words: &Vocabulary) -> Comparison {
    // A figure repeated in one article under one topic is that article
    // speaking of one thing again.
    if a.article == b.article && same_figure(a, b) {
        return Comparison { score: 1.0, contradicted: false };
    }
    // (weight, similarity, may contradict). Qualifiers are free phrases
    // that outlets word differently ("from the 528th Regiment", "of the
    // regiment's soldiers"): their mismatch lowers the score without
    // counting as a disagreement of scope.
    let mut parts = Parts::default();
    if !pa.hints.is_empty() && !pb.hints.is_empty() {
        parts.push((W_HINTS, jaccard(&pa.hints, &pb.hints), true));
    }
    if !pa.qualifiers.is_empty() && !pb.qualifiers.is_empty() {
        parts.push((W_QUALIFIERS, jaccard(&pa.qualifiers, &pb.qualifiers), false));
    }
    if !pa.place.is_empty() && !pb.place.is_empty() {
        parts.push((W_PLACE, jaccard(&pa.place, &pb.place), true));
    }
    if !pa.time.is_empty() && !pb.time.is_empty() {
        parts.push((W_TIME, jaccard(&pa.time, &pb.time), true));
    }
    if let Some(same) = noun_similarity(pa, pb) {
        parts.push((W_NOUN, same, true));
    }
    let contradicted = parts.as_slice().iter().any(|&(_, s, may)| may && s == 0.0);
    // The same event word is evidence of one fact; different ones are not
    // evidence of two, since a topic's event words are often synonyms
    // ("killed", "died").
    if let (Some(x), Some(y)) = (&pa.event, &pb.event) {
        if x == y {
            parts.push((W_EVENT, 1.0, false));
        }
    }
    parts.push((W_CONTEXT, words.soft_dice(&pa.context_ids, &pb.context_ids), false));
    // Naming the same source is evidence of one fact; naming different
    // sources is not evidence of two (sources disagree about one fact).
    if let (Some(x), Some(y)) = (pa.attribution_id, pb.attribution_id) {
        if words.near(x, y) {
            parts.push((W_ATTRIBUTION, 1.0, false));
        }
    }
    let parts = parts.as_slice();
    let total: f64 = parts.iter().map(|(w, _, _)| w).sum();
    Comparison { score: parts.iter().map(|(w, s, _)| w * s).sum::<f64>() / total, contradicted }
}

/// The (weight, similarity, may contradict) parts of one comparison, on
/// the stack: there are at most eight, and a comparison is made for every
/// claim against every candidate representative.
#[derive(Default)]
struct Parts {
    items: [(f64, f64, bool); 8],
    len: usize,
}

impl Parts {
    fn push(&mut self, part: (f64, f64, bool)) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = part;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[(f64, f64, bool)] {
        &self.items[..self.len]
    }
}

/// How alike two counted nouns are, `None` when the comparison says
/// nothing: 1 when equal; 0.5 when both are nouns the topic's rule counts
/// (kinds of the topic's thing: "troop", "soldier"); no evidence either
/// way when one is generic ("people") or is the topic's own way of
/// counting while the other is not ("nine lives", "twelve soldiers");
/// 0 otherwise.
fn noun_similarity(pa: &Profile, pb: &Profile) -> Option<f64> {
    let (x, y) = (pa.noun.as_ref()?, pb.noun.as_ref()?);
    if x == y {
        Some(1.0)
    } else if pa.noun_of_topic && pb.noun_of_topic {
        Some(0.5)
    } else if is_generic(x) || is_generic(y) || pa.noun_of_topic != pb.noun_of_topic {
        None
    } else {
        Some(0.0)
    }
}

/// Shared words over all words of two sets, counted by walking both sorted
/// sets side by side.
fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let (mut xs, mut ys) = (a.iter().peekable(), b.iter().peekable());
    let mut shared = 0usize;
    while let (Some(x), Some(y)) = (xs.peek(), ys.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                xs.next();
            }
            std::cmp::Ordering::Greater => {
                ys.next();
            }
            std::cmp::Ordering::Equal => {
                shared += 1;
                xs.next();
                ys.next();
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
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

/// The words of the profiles of one bucket, each given a small id, and
/// which of them are near one another (by Jaro-Winkler). Every pair of
/// claims compares the same few hundred words, so the near words of each
/// word are listed once for the whole bucket, and a comparison of two
/// contexts is a few binary searches over integers.
#[derive(Debug, Default)]
pub struct Vocabulary {
    words: Vec<String>,
    ids: HashMap<String, u32>,
    /// For each word, the other words it is near, sorted: computed when
    /// first needed, once every profile of the bucket is interned.
    near: OnceCell<Vec<Vec<u32>>>,
}

impl Vocabulary {
    /// Gives `profile`'s context words and named source their ids.
    pub fn intern(&mut self, profile: &mut Profile) {
        profile.context_ids = profile.context.iter().map(|w| self.id(w)).collect();
        // Sorted, so that a word the other context shares is found by a
        // binary search before any near word is looked for.
        profile.context_ids.sort_unstable();
        profile.attribution_id = profile.attribution.as_deref().map(|a| self.id(a));
    }

    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        // The near-word lists are made for the vocabulary as it was.
        self.near.take();
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    /// Whether two words are the same or near-identical (Jaro-Winkler at
    /// least [`WORD_MATCH`]; a word is always near itself).
    #[inline]
    pub fn near(&self, x: u32, y: u32) -> bool {
        x == y || self.near_words(x).binary_search(&y).is_ok()
    }

    /// The words `x` is near, other than itself, sorted.
    fn near_words(&self, x: u32) -> &[u32] {
        self.near.get_or_init(|| near_lists(&self.words)).get(x as usize).map_or(&[], Vec::as_slice)
    }

    /// [`soft_dice`] over interned words, each list sorted.
    pub fn soft_dice(&self, a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        // A word of `xs` counts when `ys` holds it or a word it is near.
        let matched = |xs: &[u32], ys: &[u32]| {
            xs.iter()
                .filter(|&&x| ys.binary_search(&x).is_ok() || self.near_words(x).iter().any(|y| ys.binary_search(y).is_ok()))
                .count()
        };
        (matched(a, b) + matched(b, a)) as f64 / (a.len() + b.len()) as f64
    }
}

/// For each word, the other words it is near: `near[x]` holds every `y`
/// with `jaro_winkler(words[x], words[y]) >= WORD_MATCH`, sorted. Most
/// pairs are ruled out by [`Shape::may_be_near`] without measuring them.
fn near_lists(words: &[String]) -> Vec<Vec<u32>> {
    let shapes: Vec<Option<Shape>> = words.iter().map(|w| Shape::of(w)).collect();
    let mut near = vec![Vec::new(); words.len()];
    for x in 0..words.len() {
        for y in x + 1..words.len() {
            if let (Some(a), Some(b)) = (&shapes[x], &shapes[y]) {
                if !a.may_be_near(b) {
                    continue;
                }
            }
            // Measured both ways: Jaro's greedy matching need not be
            // symmetric, and `near(x, y)` has always measured `x` against `y`.
            if strsim::jaro_winkler(&words[x], &words[y]) >= WORD_MATCH {
                near[x].push(y as u32);
            }
            if strsim::jaro_winkler(&words[y], &words[x]) >= WORD_MATCH {
                near[y].push(x as u32);
            }
        }
    }
    // `near[x]` got its `y > x` in order, then its `y < x` in order.
    near.iter_mut().for_each(|list| list.sort_unstable());
    near
}

/// What bounds the Jaro-Winkler similarity of two words from above
/// without measuring it: their lengths and how many characters they could
/// share.
#[derive(Debug)]
struct Shape {
    /// Length in characters.
    chars: usize,
    /// Characters counted in 32 buckets (letters by letter, others by
    /// code point): characters of one bucket may match, so the sum of the
    /// smaller counts bounds the matches of two words from above.
    counts: [u8; 32],
}

impl Shape {
    /// The shape of a word, `None` for words too short or too long to bound
    /// (empty, or with more than 255 characters), which are always measured.
    fn of(word: &str) -> Option<Shape> {
        let mut counts = [0u8; 32];
        let mut chars = 0usize;
        for c in word.chars() {
            let bucket = if c.is_ascii_lowercase() { (c as u32 - 'a' as u32) as usize } else { 26 + (c as usize) % 6 };
            counts[bucket] = counts[bucket].checked_add(1)?;
            chars += 1;
        }
        (1..=255).contains(&chars).then_some(Shape { chars, counts })
    }

    /// False only when the two words cannot reach [`WORD_MATCH`]. With `m`
    /// matching characters (at most the shared count `c`), Jaro is at most
    /// `(c/|a| + c/|b| + 1) / 3`, and the Winkler prefix bonus (four
    /// characters at 0.1) at most raises `j` to `0.6 j + 0.4`.
    fn may_be_near(&self, other: &Shape) -> bool {
        let shared: usize = self.counts.iter().zip(&other.counts).map(|(&x, &y)| usize::from(x.min(y))).sum();
        let c = shared as f64;
        let jaro = (c / self.chars as f64 + c / other.chars as f64 + 1.0) / 3.0;
        // A margin far above rounding error: the bound is exact arithmetic,
        // the measured value is not.
        0.6 * jaro + 0.4 >= WORD_MATCH - 1e-9
    }
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
        assert_eq!(Relation::of(&Interval::above(30.0, true), &Interval::closed(270.0, 330.0)), Relation::Loose);
        assert_eq!(Relation::of(&Interval::up_to(15000.0, true), &Interval::point(1000.0)), Relation::Loose);
        assert_eq!(Relation::of(&Interval::up_to(15000.0, true), &Interval::closed(12600.0, 15400.0)), Relation::Overlapping);
        assert_eq!(Relation::of(&Interval::above(200.0, true), &Interval::above(6000.0, false)), Relation::Overlapping);
    }

    #[test]
    fn disagreement_without_measuring_the_gap() {
        let cases = [
            (Interval::point(9.0), Interval::point(9.0), false),
            (Interval::point(9.0), Interval::closed(8.0, 10.0), false),
            (Interval::point(11.0), Interval::point(14.0), true),
            (Interval::point(9.0), Interval::above(6000.0, false), true),
            (Interval::above(30.0, true), Interval::closed(270.0, 330.0), false),
            (Interval::up_to(10.0, false), Interval::above(10.0, true), true),
            (Interval::up_to(10.0, true), Interval::above(10.0, true), false),
        ];
        for (a, b, disagree_expected) in cases {
            assert_eq!(disagree(&a, &b), disagree_expected, "{a:?} {b:?}");
            assert_eq!(disagree(&a, &b), Relation::of(&a, &b) >= Relation::Disjoint, "{a:?} {b:?}");
        }
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

    #[test]
    fn interned_soft_dice_matches_the_string_one() {
        let mut words = Vocabulary::default();
        let cases: &[(&[&str], &[&str])] = &[
            (&["kill", "regiment"], &["kill", "regiments", "war"]),
            (&["troop", "deploy", "kursk"], &["troops", "deployed", "russia", "kursk"]),
            (&["fire"], &[]),
            (&["casualty", "casualties"], &["casualt"]),
        ];
        for (a, b) in cases {
            let own = |xs: &[&str]| xs.iter().map(|w| w.to_string()).collect::<Vec<String>>();
            let (a, b) = (own(a), own(b));
            let ids = |words: &mut Vocabulary, xs: &[String]| xs.iter().map(|w| words.id(w)).collect::<Vec<u32>>();
            let (mut ia, mut ib) = (ids(&mut words, &a), ids(&mut words, &b));
            ia.sort_unstable();
            ib.sort_unstable();
            assert_eq!(words.soft_dice(&ia, &ib), soft_dice(&a, &b), "{a:?} {b:?}");
            assert_eq!(words.soft_dice(&ib, &ia), soft_dice(&b, &a), "{b:?} {a:?}");
        }
    }

    /// The near-word lists, with their shortcut, say exactly what
    /// measuring every pair says.
    #[test]
    fn near_lists_agree_with_measuring_every_pair() {
        let list = [
            "kill", "killed", "kills", "regiment", "regiments", "regimen", "casualt", "casualty", "casualties", "troop",
            "troops", "deploy", "deployed", "kursk", "russia", "russian", "martha", "marhta", "dwayne", "duane", "dixon",
            "dicksonx", "kim", "jong", "korean", "korea", "north", "engineer", "engineers", "café", "cafe", "naïve",
            "o'brien", "obrien", "’s", "a", "ab", "abc", "abcd", "",
        ];
        let mut words = Vocabulary::default();
        let ids: Vec<u32> = list.iter().map(|w| words.id(w)).collect();
        let mut near_pairs = 0;
        for (x, a) in ids.iter().zip(list) {
            for (y, b) in ids.iter().zip(list) {
                let measured = x == y || strsim::jaro_winkler(a, b) >= WORD_MATCH;
                assert_eq!(words.near(*x, *y), measured, "{a:?} {b:?}");
                near_pairs += usize::from(measured && x != y);
            }
        }
        assert!(near_pairs >= 10, "the table should hold near pairs, found {near_pairs}");
    }
}

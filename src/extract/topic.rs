//! Topic assignment: which rule, if any, claims a quantity mention.
//!
//! Evidence is read from the mention's own clause (see
//! [`super::clause`]), strongest first:
//!
//! 1. an event word of the rule ("killed", "evacuated", "in wheelchairs"),
//!    the nearest one winning: an event beats a noun, so dead soldiers are
//!    deaths, not troops;
//! 2. the counted noun ("troops", "combat engineers", "lives"), matched on
//!    the end of the noun phrase so "construction workers" is people even
//!    after "military"; a noun elided by the text ("five in wheelchairs"
//!    after "soldiers") counts for less than one it states;
//! 3. the quantity kind alone, for rules that claim by kind (durations,
//!    money, percentages);
//! 4. priority, as the tie-break.
//!
//! A rule only competes for the kinds it accepts, and a veto word in the
//! clause rules it out.

use super::clause::MentionClause;
use crate::model::{BaseUnit, Interval, Quantity, Span};
use crate::rules::matcher::{Hit, SignalKind};
use crate::rules::RuleSet;
use std::cmp::Reverse;

/// A rule's decision for one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicDecision {
    pub topic: String,
    pub unit: BaseUnit,
    /// The mention's interval with the rule's approximation band.
    pub interval: Interval,
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// The lemma of the event word that decided, if one did ("kill").
    pub event: Option<String>,
}

/// What one rule found for one mention.
#[derive(Debug, Clone, Copy, Default)]
struct Evidence {
    /// Distance in bytes from the mention to the nearest event word.
    word: Option<(usize, Hit)>,
    /// 2 for a stated counted noun, 1 for a noun elided by the text.
    noun: u8,
    veto: bool,
}

/// The topic of `mentions[index]`, if any rule claims it.
///
/// `hits` are the rule-set hits over the whole sentence and `elided` the
/// span of a counted noun the text left out, taken from elsewhere in the
/// sentence.
/// `sentence_hits` is [`SentenceHits::new`] of the sentence's mentions and
/// `hits`, read once for all its mentions.
#[allow(clippy::too_many_arguments)]
pub fn assign(
    sentence: &str,
    mentions: &[Quantity],
    clauses: &[MentionClause],
    index: usize,
    elided: Option<Span>,
    hits: &[Hit],
    sentence_hits: &SentenceHits,
    rules: &RuleSet,
) -> Option<TopicDecision> {
    let q = &mentions[index];
    let clause = &clauses[index];
    // Hits inside another mention belong to that mention; an event word far
    // to the left belongs to an earlier part of the sentence. Only the hits
    // of a rule that may claim the mention are ever read: when no such rule
    // has one, none is sorted.
    let read = rules.rules().iter().enumerate().any(|(r, rule)| sentence_hits.has_hits(r) && rule.accepts(&q.kind));
    let usable: Vec<&Hit> = if read { usable_hits(sentence, mentions, clauses, index, hits, sentence_hits, rules) } else { Vec::new() };
    let mut best: Option<(Key, usize, Evidence)> = None;
    for (r, rule) in rules.rules().iter().enumerate() {
        // A rule with no hit in the sentence finds no evidence: unless it
        // claims by kind it is passed over, as it would be below.
        if !rule.accepts(&q.kind) || !(rule.claim_by_kind || sentence_hits.has_hits(r)) {
            continue;
        }
        // The rule's hits in its regions, in sentence order, without a
        // list of their own: most rules have none.
        let regions = &clauses[index..regions_end(rule, mentions, clauses, index)];
        let in_clause = usable.iter().copied().filter(|h| h.rule == r && regions.iter().any(|c| c.whole().contains(h.span)));
        let evidence = gather(r, q.span, clause, elided, in_clause, hits);
        if evidence.veto || (evidence.word.is_none() && evidence.noun == 0 && !rule.claim_by_kind) {
            continue;
        }
        let key = (evidence.word.is_some(), Reverse(evidence.word.map_or(0, |(d, _)| d)), evidence.noun, rule.priority);
        if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
            best = Some((key, r, evidence));
        }
    }
    let (_, r, evidence) = best?;
    let rule = &rules.rules()[r];
    Some(TopicDecision {
        topic: rule.topic.clone(),
        unit: rule.unit.base_unit(&q.kind),
        interval: crate::extract::quantity::widen(&q.stated, &q.kind, rule.band),
        rule: r,
        event: evidence.word.map(|(_, h)| rules.lemma(&h).to_string()),
    })
}

/// The hits [`assign`] may read for mention `index`: within its
/// [`reach`], inside no other mention, naming no other group, and not too
/// far to its left.
fn usable_hits<'h>(sentence: &str, mentions: &[Quantity], clauses: &[MentionClause], index: usize, hits: &'h [Hit], sentence_hits: &SentenceHits, rules: &RuleSet) -> Vec<&'h Hit> {
    let q = &mentions[index];
    let reach = reach(rules, mentions, clauses, index);
    // Hits in order of their starts (as the rule set gives them) are
    // narrowed to those starting within reach by two binary searches.
    let (from, to) = if sentence_hits.by_start {
        let from = hits.partition_point(|h| h.span.start < reach.start);
        (from, from + hits[from..].partition_point(|h| h.span.start <= reach.end))
    } else {
        (0, hits.len())
    };
    let (hits, group_at) = (&hits[from..to], sentence_hits.group_at.get(from..to).unwrap_or_default());
    hits.iter()
        .zip(group_at)
        .filter(|&(h, _)| reach.contains(h.span))
        .filter(|&(h, _)| !inside_another(mentions, sentence_hits.in_order, index, h.span))
        .filter(|&(_, &group_at)| !group_at.is_some_and(|at| names_other_than(sentence, q.span, at)))
        .filter(|&(h, _)| h.span.start >= q.span.start || words_between(sentence, h.span.end, q.span.start) <= LEFT_WINDOW)
        .map(|(h, _)| h)
        .collect()
}

/// The stretch that holds every region (see [`regions_end`]) any rule
/// may read for mention `index`. A hit outside it counts for no rule, so
/// [`assign`] passes over it before the costlier tests (the words between
/// a hit and the figure are counted for hits within it alone).
fn reach(rules: &RuleSet, mentions: &[Quantity], clauses: &[MentionClause], index: usize) -> Span {
    let end = rules.rules().iter().map(|rule| regions_end(rule, mentions, clauses, index)).max().unwrap_or(index);
    let (start, end) = clauses[index..end].iter().map(MentionClause::whole).fold((usize::MAX, 0), |(lo, hi), w| (lo.min(w.start), hi.max(w.end)));
    Span { start, end }
}

/// What [`assign`] reads of a sentence's hits whichever mention it
/// decides for: computed once per sentence, not once per mention.
#[derive(Debug, Clone, Default)]
pub struct SentenceHits {
    /// For each hit, where the determiner before it starts when the hit is
    /// an adjective used as a noun ("the wounded"), see [`group_at`].
    group_at: Vec<Option<usize>>,
    /// [`in_order`] of the mentions.
    in_order: bool,
    /// Bit `r` set when rule `r` has a hit in the sentence; every rule
    /// past the 64th counts as having one.
    rules_hit: u64,
    /// Whether the hits are in order of their starts.
    by_start: bool,
}

impl SentenceHits {
    pub fn new(sentence: &str, mentions: &[Quantity], hits: &[Hit]) -> SentenceHits {
        let rules_hit = hits.iter().fold(0u64, |bits, h| bits | 1u64.checked_shl(h.rule as u32).unwrap_or(0));
        let by_start = hits.windows(2).all(|w| w[0].span.start <= w[1].span.start);
        // A form listed by several rules is one hit per rule, each on the
        // same span, one after the other: its answer, which depends on the
        // span alone, is found once.
        let mut last: Option<(Span, Option<usize>)> = None;
        let group_at = hits
            .iter()
            .map(|h| {
                let at = match last {
                    Some((span, at)) if span == h.span => at,
                    _ => group_at(sentence, h),
                };
                last = Some((h.span, at));
                at
            })
            .collect();
        SentenceHits { group_at, in_order: in_order(mentions), rules_hit, by_start }
    }

    /// Whether rule `r` may have a hit in the sentence.
    fn has_hits(&self, r: usize) -> bool {
        r >= 64 || self.rules_hit & (1 << r) != 0
    }
}

/// True when the spans of `mentions` are in order and do not overlap, as
/// the quantity extractor gives them.
fn in_order(mentions: &[Quantity]) -> bool {
    mentions.iter().all(|m| m.span.start < m.span.end) && mentions.windows(2).all(|w| w[0].span.end <= w[1].span.start)
}

/// True when `span` overlaps a mention other than `mentions[index]`. On
/// mentions `in_order`, only those from the first one ending after the
/// span's start need a look, so a sentence of thousands of figures costs
/// a binary search per hit, not a pass over every figure.
fn inside_another(mentions: &[Quantity], in_order: bool, index: usize, span: Span) -> bool {
    let overlaps = |(j, m): (usize, &Quantity)| j != index && m.span.overlaps(span);
    if !in_order {
        return mentions.iter().enumerate().any(overlaps);
    }
    let first = mentions.partition_point(|m| m.span.end <= span.start);
    mentions.iter().enumerate().skip(first).take_while(|(_, m)| m.span.start < span.end).any(overlaps)
}

/// How many words to the left of a figure an event word may stand: "killed
/// at least 40", "put the death toll at 112"; further left it describes
/// something else ("X was hurt in game two and made 26 saves").
const LEFT_WINDOW: usize = 6;

/// The words between two offsets, counted up to one past [`LEFT_WINDOW`].
fn words_between(sentence: &str, from: usize, to: usize) -> usize {
    sentence.get(from..to).map_or(usize::MAX, |t| super::clause::count_words_up_to(t, LEFT_WINDOW))
}

/// Where a rule may find evidence for mention `index`: its own clause, and
/// on through the clauses of following mentions the rule cannot claim. In
/// "5 million children under the age of 5 years died", "died" follows the
/// duration, which no death toll can be, so it speaks of the children.
///
/// The regions are the [`MentionClause::whole`] of `clauses[index..end]`;
/// this gives `end`.
fn regions_end(rule: &crate::rules::Rule, mentions: &[Quantity], clauses: &[MentionClause], index: usize) -> usize {
    let mut j = index + 1;
    while j < mentions.len() && clauses[j - 1].right.end == mentions[j].span.start && !rule.accepts(&mentions[j].kind) {
        j += 1;
    }
    j
}

/// True for an adjective used as a noun after a determiner ("carried the
/// wounded", "mourned the dead"): it names a group of its own, not the
/// mention, unless the mention counts that very group ("six of the
/// injured"). [`assign`] reads it in two parts: [`group_at`] once per
/// sentence, [`names_other_than`] for each mention.
#[cfg(test)]
fn names_another_group(sentence: &str, mention: Span, hit: &Hit) -> bool {
    group_at(sentence, hit).is_some_and(|at| names_other_than(sentence, mention, at))
}

/// Where the determiner before `hit` starts, when the hit reads as a
/// participle or adjective used as a noun after one ("the wounded").
///
/// Most hits follow no determiner: the last byte before the hit and its
/// spaces ends none of them when it is ASCII other than 'e', 'r' or 's'
/// (what `trim_end` stops at there is that very byte), and such a hit is
/// answered without a look at its word. [`group_at_by_words`] is the
/// specification.
fn group_at(sentence: &str, hit: &Hit) -> Option<usize> {
    let before = sentence.as_bytes().get(..hit.span.start)?;
    let last = before.iter().rev().find(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'));
    if last.is_some_and(|&b| b.is_ascii() && !matches!(b | 0x20, b'e' | b'r' | b's')) {
        return None;
    }
    group_at_by_words(sentence, hit)
}

/// [`group_at`] as first written: the participle test, then each
/// determiner.
fn group_at_by_words(sentence: &str, hit: &Hit) -> Option<usize> {
    if !reads_as_participle(sentence.get(hit.span.start..hit.span.end).unwrap_or("")) {
        return None;
    }
    let before = sentence[..hit.span.start].trim_end();
    ["the", "their", "its", "those"].iter().find_map(|d| {
        let at = before.len().checked_sub(d.len())?;
        let word = before.get(at..)?;
        let glued = before.get(..at)?.chars().next_back().is_some_and(char::is_alphanumeric);
        (word.eq_ignore_ascii_case(d) && !glued).then_some(at)
    })
}

/// True when the group whose determiner starts at `at` is not the one the
/// mention counts: anything but "of" stands between them.
fn names_other_than(sentence: &str, mention: Span, at: usize) -> bool {
    sentence.get(mention.end..at).unwrap_or("").trim() != "of"
}

/// True when `word`, lower-cased, is a participle or ends in "ed". An
/// ASCII word (most are) is compared without a lower-cased copy: ASCII
/// lower-casing keeps the length and maps each byte on its own.
/// [`reads_as_participle_lowered`] is the specification.
fn reads_as_participle(word: &str) -> bool {
    if !word.is_ascii() {
        return reads_as_participle_lowered(word);
    }
    let ends_in = |suffix: &str| word.len() >= suffix.len() && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes());
    // "ed" at any length: the participle's "longer than three" adds nothing.
    ends_in("ed")
        || (word.len() > 4 && ends_in("ing"))
        || ["fallen", "dead", "sent", "lost", "hurt", "missing", "believed"].iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// [`reads_as_participle`] as first written, on a lower-cased copy.
fn reads_as_participle_lowered(word: &str) -> bool {
    let word = super::clause::lowered(word);
    super::clause::is_participle(&word) || word.ends_with("ed")
}

/// Ranking key: has an event word, nearer word, noun strength, priority.
type Key = (bool, Reverse<usize>, u8, i32);

fn gather<'h>(rule: usize, mention: Span, clause: &MentionClause, elided: Option<Span>, in_clause: impl Iterator<Item = &'h Hit>, all: &[Hit]) -> Evidence {
    let mut e = Evidence::default();
    for h in in_clause.filter(|h| h.rule == rule) {
        match h.kind {
            SignalKind::Veto => e.veto = true,
            SignalKind::WordAfter if h.span.start < mention.start => {}
            SignalKind::Word | SignalKind::WordAfter => {
                let d = distance(mention, h.span);
                if e.word.is_none_or(|(best, _)| d < best) {
                    e.word = Some((d, *h));
                }
            }
            SignalKind::Noun if clause.noun_phrase.is_some_and(|np| np.contains(h.span) && h.span.end == np.end) => e.noun = 2,
            _ => {}
        }
    }
    // Without an elided noun no hit can stand for one: the hits need no look.
    if e.noun == 0 && elided.is_some() {
        let elided_here = |h: &Hit| h.rule == rule && h.kind == SignalKind::Noun && elided.is_some_and(|s| s.contains(h.span));
        if all.iter().any(elided_here) {
            e.noun = 1;
        }
    }
    e
}

fn distance(a: Span, b: Span) -> usize {
    if a.overlaps(b) {
        0
    } else if b.start >= a.end {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each hit's determiner as found hit by hit, whether or not hits of
    /// several rules share a span.
    #[test]
    fn group_starts_are_those_of_each_hit() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        for sentence in [
            "Crews carried the wounded and mourned the dead; 40 were killed, their missing 12 found.",
            "Officials said the fallen soldiers and those hurt numbered 300, the dead 20.",
            "Nothing here.",
        ] {
            let hits = rules.hits(sentence);
            let each: Vec<Option<usize>> = hits.iter().map(|h| group_at(sentence, h)).collect();
            assert_eq!(SentenceHits::new(sentence, &[], &hits).group_at, each, "{sentence}");
        }
    }

    /// [`assign`] as first written: every hit of the sentence sorted for
    /// every mention, and every rule that accepts the kind weighed. The
    /// specification of its quick tests (a rule without hits, hits out of
    /// reach).
    fn assign_by_every_hit(sentence: &str, mentions: &[Quantity], clauses: &[MentionClause], index: usize, hits: &[Hit], rules: &RuleSet) -> Option<TopicDecision> {
        let q = &mentions[index];
        let clause = &clauses[index];
        let in_order = in_order(mentions);
        let usable: Vec<&Hit> = hits
            .iter()
            .filter(|h| !inside_another(mentions, in_order, index, h.span))
            .filter(|h| !group_at(sentence, h).is_some_and(|at| names_other_than(sentence, q.span, at)))
            .filter(|h| h.span.start >= q.span.start || words_between(sentence, h.span.end, q.span.start) <= LEFT_WINDOW)
            .collect();
        let mut best: Option<(Key, usize, Evidence)> = None;
        for (r, rule) in rules.rules().iter().enumerate() {
            if !rule.accepts(&q.kind) {
                continue;
            }
            let regions = &clauses[index..regions_end(rule, mentions, clauses, index)];
            let in_clause = usable.iter().copied().filter(|h| h.rule == r && regions.iter().any(|c| c.whole().contains(h.span)));
            let evidence = gather(r, q.span, clause, None, in_clause, hits);
            if evidence.veto || (evidence.word.is_none() && evidence.noun == 0 && !rule.claim_by_kind) {
                continue;
            }
            let key = (evidence.word.is_some(), Reverse(evidence.word.map_or(0, |(d, _)| d)), evidence.noun, rule.priority);
            if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                best = Some((key, r, evidence));
            }
        }
        let (_, r, evidence) = best?;
        let rule = &rules.rules()[r];
        Some(TopicDecision {
            topic: rule.topic.clone(),
            unit: rule.unit.base_unit(&q.kind),
            interval: crate::extract::quantity::widen(&q.stated, &q.kind, rule.band),
            rule: r,
            event: evidence.word.map(|(_, h)| rules.lemma(&h).to_string()),
        })
    }

    proptest::proptest! {
        /// The quick tests change no decision, on word soups of figures,
        /// event words, counted nouns and breaks.
        #[test]
        fn quick_tests_change_no_decision(parts in proptest::collection::vec(proptest::sample::select(vec![
            "12", "3,000", "40%", "two weeks", "troops", "people", "were", "killed", "wounded", "the", "missing", "evacuated",
            "injured", "of", "and", ",", ";", "—", "in", "action", "soldiers", "died", "mission", "at", "least", "were", "hurt",
            "sent", "to", "the", "front", "dead", "said", "officials",
        ]), 0..20)) {
            let rules = RuleSet::builtin().expect("built-in rules load");
            let sentence = parts.join(" ");
            let mut found = Vec::new();
            let mut at = 0;
            for part in &parts {
                let kind = match *part {
                    "12" | "3,000" => Some(crate::model::QuantityKind::Count),
                    "40%" => Some(crate::model::QuantityKind::Percent),
                    "two weeks" => Some(crate::model::QuantityKind::Duration),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let mut q = crate::extract::testing::mention(part, part, kind, None);
                    q.span = Span::new(at, at + part.len());
                    found.push(q);
                }
                at += part.len() + 1;
            }
            let hits = rules.hits(&sentence);
            let clauses = super::super::clause::clauses(&sentence, &found);
            let sentence_hits = SentenceHits::new(&sentence, &found, &hits);
            for index in 0..found.len() {
                proptest::prop_assert_eq!(
                    assign(&sentence, &found, &clauses, index, None, &hits, &sentence_hits, &rules),
                    assign_by_every_hit(&sentence, &found, &clauses, index, &hits, &rules),
                    "{:?} #{}", sentence, index
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn participles_read_without_copies(word in "(?i)([a-z\u{212A}é]{0,6}(ed|ing|fallen|dead|sent|lost|hurt|missing|believed|e|d)?)") {
            proptest::prop_assert_eq!(reads_as_participle(&word), reads_as_participle_lowered(&word), "{:?}", word);
        }
    }

    proptest::proptest! {
        #[test]
        fn determiners_found_as_by_words(before in "(the|THE|their|its|those|The|se|x|r|é|\u{a0}|\u{2003}| |\t|\x0B|\n|,|1){0,5}", word in "(wounded|dead|Missing|troops|injured|é)") {
            let sentence = format!("{before}{word} 6");
            let hit = Hit { span: Span::new(before.len(), before.len() + word.len()), rule: 0, kind: SignalKind::Word, lemma: 0 };
            proptest::prop_assert_eq!(group_at(&sentence, &hit), group_at_by_words(&sentence, &hit), "{:?}", sentence);
        }
    }

    #[test]
    fn adjectives_used_as_nouns_name_another_group() {
        let hit = |sentence: &str, word: &str| Hit { span: Span::new(sentence.find(word).unwrap_or(0), sentence.find(word).unwrap_or(0) + word.len()), rule: 0, kind: SignalKind::Word, lemma: 0 };
        for (sentence, word, mention_end, expected) in [
            ("6 soldiers carried the wounded away", "wounded", 1, true),
            ("six of the injured were flown out", "injured", 3, false),
            ("6 of their dead were buried", "dead", 1, false),
            ("6 rescuers and those missing", "missing", 1, true),
            ("6 were wounded", "wounded", 1, false),
            ("6 of the workers", "workers", 1, false),
            ("bathe wounded", "wounded", 0, false),
        ] {
            let h = hit(sentence, word);
            assert_eq!(names_another_group(sentence, Span::new(0, mention_end), &h), expected, "{sentence}");
        }
    }

    #[test]
    fn participles_by_table() {
        for (word, expected) in [("killed", true), ("KILLED", true), ("Ed", true), ("ring", false), ("Bring", true), ("Dead", true), ("deads", false), ("Missing", true), ("hurts", false), ("", false)] {
            assert_eq!(reads_as_participle(word), expected, "{word}");
            assert_eq!(reads_as_participle_lowered(word), expected, "{word}");
        }
    }
}

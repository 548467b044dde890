//! The features of one claim that alignment compares: what is counted (noun
//! and qualifiers), when (time frame), whether it happened or is only agreed
//! or expected (modality), whether it counts a part of a larger group
//! (partitive), who says so, the words around it, and the rule's scope hints
//! that appear near it.
//!
//! A profile is computed once per claim, so the pairwise comparisons in
//! [`super::score`] only compare small, normalised sets of words.

use super::TopicHints;
use crate::model::{Claim, Modality};
use std::collections::BTreeSet;

/// The comparable features of one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// The counted noun, singular, lower-cased.
    pub noun: Option<String>,
    /// The counted noun is one the topic's rule lists: two such nouns are
    /// kinds of the thing the topic counts ("troop", "soldier").
    pub noun_of_topic: bool,
    /// The event word that decided the topic, stemmed ("kill", "evacuat").
    pub event: Option<String>,
    /// Stemmed content words of the scope's qualifiers.
    pub qualifiers: BTreeSet<String>,
    /// Stemmed content words of the scope's place phrases.
    pub place: BTreeSet<String>,
    /// Stemmed content words of the scope's time frame.
    pub time: BTreeSet<String>,
    /// Stemmed content words of the claim's clause (or sentence).
    pub context: Vec<String>,
    /// The topic rule's scope hints found near the figure.
    pub hints: BTreeSet<String>,
    /// Whether the figure happened or is only planned or expected. Claims
    /// of different modality are never the same fact: "1,000 engineers
    /// agreed to be sent" does not report how many were sent.
    pub modality: Modality,
    /// The figure counts a part of a larger group ("including five").
    pub partitive: bool,
    /// The named source, lower-cased.
    pub attribution: Option<String>,
    /// `context` as sorted ids of the bucket's [`super::score::Vocabulary`]
    /// (empty until interned).
    pub context_ids: Vec<u32>,
    /// `attribution` as an id of the same vocabulary.
    pub attribution_id: Option<u32>,
}

/// Words that mark a figure as agreed, planned or projected when they
/// stand shortly before it ("had agreed to send 1,000 engineers").
const PLANNED_BEFORE: &[&str] = &[
    "agree", "agreed", "agrees", "pledge", "pledged", "pledges", "promise", "promised", "promises", "plan",
    "plans", "planned", "planning", "propose", "proposed", "proposes", "intend", "intends", "intended",
    "offer", "offered", "offers", "will", "would", "could", "expected", "expects", "projected", "aims",
    "seeks", "considering",
];

/// How many words before the figure may carry its modality.
const MODALITY_WINDOW: usize = 6;

/// How many words on each side of the figure are searched for scope hints.
const HINT_WINDOW: usize = 10;

/// Function words that say nothing about scope.
const STOP_WORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "into", "its", "their", "they", "them", "was",
    "were", "are", "has", "had", "have", "been", "who", "which", "what", "when", "where", "said", "says",
    "say", "also", "than", "more", "about", "around", "over", "some", "least", "most", "not", "but",
    "his", "her", "him", "she", "our", "out", "all", "any", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "hundred", "hundreds", "thousand", "thousands", "million", "after",
    "before", "during", "while", "under", "upon", "there", "these", "those", "such", "being", "would",
    "could", "will", "may", "per", "via", "then", "into", "onto", "other", "only", "very",
];

/// What a topic's rule tells profiles, in the form they compare it:
/// made once per topic, not once per claim.
#[derive(Debug, Clone, Default)]
pub struct TopicKeys {
    /// The stems of the rule's scope hints.
    hint_stems: BTreeSet<String>,
    /// The singular of the last word of each counted noun the rule lists.
    noun_singulars: BTreeSet<String>,
}

impl TopicKeys {
    pub fn of(topic: &TopicHints) -> TopicKeys {
        TopicKeys {
            hint_stems: topic.scope.iter().map(|h| stem(&h.to_lowercase())).collect(),
            noun_singulars: topic.nouns.iter().filter_map(|t| t.split_whitespace().last()).map(singular).collect(),
        }
    }
}

impl Profile {
    /// The profile of `claim`, with what its topic's rule says.
    pub fn of(claim: &Claim, topic: &TopicHints) -> Profile {
        Profile::with(claim, &TopicKeys::of(topic))
    }

    /// [`Profile::of`] with the topic's rule already prepared.
    pub fn with(claim: &Claim, topic: &TopicKeys) -> Profile {
        let hints = &topic.hint_stems;
        let noun = noun_of(claim);
        let (before, after) = around(claim);
        let before_words = words(before);
        let after_words = words(after);
        Profile {
            noun_of_topic: noun.as_ref().is_some_and(|n| topic.noun_singulars.contains(n)),
            noun,
            event: claim.scope.event.as_deref().map(|e| stem(&e.trim().to_lowercase())),
            qualifiers: without_hints(stems(claim.scope.qualifiers.iter().flat_map(|q| words(q))), hints),
            place: without_hints(stems(claim.scope.place.iter().flat_map(|p| words(p))), hints),
            time: without_hints(stems(claim.scope.time.iter().flat_map(|t| words(t))), hints),
            context: context_of(claim),
            hints: hints_near(&before_words, &after_words, claim, hints),
            modality: modality_of(claim.scope.modality, &before_words),
            partitive: is_partitive(&before_words, &after_words),
            attribution: claim.attribution.as_ref().map(|a| a.trim().to_lowercase()),
            context_ids: Vec::new(),
            attribution_id: None,
        }
    }
}

/// The sentence text before and after the figure, cut at the figure's own
/// span when it can be located in the sentence.
fn around(claim: &Claim) -> (&str, &str) {
    let text = &*claim.sentence_text;
    let q = &claim.quantity;
    let by_span = q
        .span
        .start
        .checked_sub(claim.sentence.start)
        .map(|start| (start, start + q.span.len()))
        .filter(|&(s, e)| e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .filter(|&(s, e)| q.text.is_empty() || text[s..e] == q.text);
    let found = by_span.or_else(|| {
        let start = text.find(q.text.as_str()).filter(|_| !q.text.is_empty())?;
        Some((start, start + q.text.len()))
    });
    match found {
        Some((s, e)) => (&text[..s], &text[e..]),
        None => (text, ""),
    }
}

/// Lower-cased words of `text`, clause punctuation kept as "," tokens so
/// that windows can stop at a clause boundary.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”') {
            out.push(",".to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The last `n` words before the figure, stopping at a clause boundary.
fn last_words(before: &[String], n: usize) -> Vec<&str> {
    let mut out: Vec<&str> = before.iter().rev().take_while(|w| *w != ",").take(n).map(String::as_str).collect();
    out.reverse();
    out
}

/// The extractor's modality when it found one; otherwise a planning word
/// shortly before the figure makes it planned. Only words before the
/// figure count: a figure that is the object of a planning verb ("agreed
/// to send 1,000") does not exist yet, while a future verb after a figure
/// ("the nine dead will be honoured") says what will happen to things that
/// do.
fn modality_of(extracted: Modality, before: &[String]) -> Modality {
    if extracted != Modality::Reported {
        return extracted;
    }
    let planned = last_words(before, MODALITY_WINDOW).iter().any(|w| PLANNED_BEFORE.contains(w));
    if planned { Modality::Planned } else { Modality::Reported }
}

/// "including five", "among them 12", "of whom 40" before the figure, or
/// "six of them", "six of the injured" after it: a part of a group.
fn is_partitive(before: &[String], after: &[String]) -> bool {
    let last = last_words(before, 3);
    let marked_before = last.iter().any(|w| *w == "including" || *w == "incl")
        || last.windows(2).any(|p| matches!(p[0], "of" | "among") && matches!(p[1], "whom" | "them" | "which"));
    let next: Vec<&str> = after.iter().take(3).map(String::as_str).collect();
    let marked_after = match next.as_slice() {
        ["of", "them" | "whom" | "those" | "these", ..] => true,
        // "of the injured", "of the dead": a group named by its state.
        ["of", "the", group, ..] => group.ends_with("ed") || matches!(*group, "dead" | "wounded" | "missing" | "victims"),
        _ => false,
    };
    marked_before || marked_after
}

fn noun_of(claim: &Claim) -> Option<String> {
    let noun = claim.scope.noun.as_deref().or(claim.quantity.noun.as_deref())?;
    let noun = noun.trim().to_lowercase();
    let last = noun.split_whitespace().last()?.to_string();
    Some(singular(&last))
}

/// A crude singular: enough to make "soldiers" and "soldier" equal.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() > 2) {
        format!("{stem}y")
    } else if word.ends_with("ss") || word.len() < 4 {
        word.to_string()
    } else {
        word.strip_suffix('s').unwrap_or(word).to_string()
    }
}

/// A light stem so that inflections of one word compare equal
/// ("killed"/"killing", "troops"/"troop").
pub fn stem(word: &str) -> String {
    stem_of(word).to_string()
}

/// [`stem`] as a slice of `word`: a stem is always a prefix of its word,
/// so a word can be stemmed without a copy.
fn stem_of(word: &str) -> &str {
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.chars().count() >= 4) {
            return stem;
        }
    }
    word
}

/// `word` cut to its stem, in place.
fn into_stem(mut word: String) -> String {
    let len = stem_of(&word).len();
    word.truncate(len);
    word
}

fn is_content(word: &str) -> bool {
    word != "," && word.chars().count() > 2 && !STOP_WORDS.contains(&word) && !word.chars().all(|c| c.is_ascii_digit())
}

fn stems<I: IntoIterator<Item = String>>(words: I) -> BTreeSet<String> {
    words.into_iter().filter(|w| is_content(w)).map(into_stem).collect()
}

/// The scope's context words when the extractor gave them, the sentence's
/// words otherwise; stemmed, de-duplicated, sorted.
fn context_of(claim: &Claim) -> Vec<String> {
    let raw: Vec<String> = if claim.scope.context.is_empty() {
        words(&claim.sentence_text)
    } else {
        claim.scope.context.iter().flat_map(words).collect()
    };
    stems(raw).into_iter().collect()
}

/// The scope hints (rule words that narrow a scope, such as "regiment" or
/// "war"), as stems, that appear within a few words of the figure or in
/// its scope.
fn hints_near(before: &[String], after: &[String], claim: &Claim, hints: &BTreeSet<String>) -> BTreeSet<String> {
    if hints.is_empty() {
        return BTreeSet::new();
    }
    let start = before.len().saturating_sub(HINT_WINDOW);
    let scope = &claim.scope;
    let scope_words: Vec<String> = scope.qualifiers.iter().chain(&scope.place).chain(&scope.time).flat_map(|q| words(q)).collect();
    // The hints whose stem is the stem of a nearby word.
    before[start..]
        .iter()
        .chain(after.iter().take(HINT_WINDOW))
        .chain(&scope_words)
        .filter(|w| *w != ",")
        .map(|w| stem_of(w))
        .filter(|w| hints.contains(*w))
        .map(str::to_string)
        .collect()
}

/// Hint words are compared as hints only: they are taken out of the
/// qualifier, place and time words so that one word is not counted twice.
fn without_hints(mut words: BTreeSet<String>, hint_stems: &BTreeSet<String>) -> BTreeSet<String> {
    if !hint_stems.is_empty() {
        words.retain(|w| !hint_stems.contains(w));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planned_before_the_figure() {
        let before = words("North Korea had agreed to send");
        assert_eq!(modality_of(Modality::Reported, &before), Modality::Planned);
    }

    #[test]
    fn planned_marker_beyond_a_clause_boundary_is_ignored() {
        let before = words("It could happen again, officials said, and");
        assert_eq!(modality_of(Modality::Reported, &before), Modality::Reported);
        assert_eq!(modality_of(Modality::Expected, &before), Modality::Expected);
    }


    #[test]
    fn partitive_markers() {
        assert!(is_partitive(&words("returning soldiers, including"), &[]));
        assert!(is_partitive(&words("40 people were hurt, among them"), &[]));
        assert!(is_partitive(&[], &words("of the injured were firefighters")));
        assert!(is_partitive(&[], &words("of them were children")));
        assert!(!is_partitive(&[], &words("of the regiment died")));
        assert!(!is_partitive(&words("Kim embracing"), &words("soldier in a wheelchair")));
    }

    #[test]
    fn stems_and_singulars() {
        assert_eq!(stem("killed"), "kill");
        assert_eq!(stem("troops"), "troop");
        assert_eq!(stem("regiment's"), "regiment");
        assert_eq!(singular("soldiers"), "soldier");
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("press"), "press");
    }
}

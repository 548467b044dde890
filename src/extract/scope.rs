//! Scope: what a claim counts. The counted noun, the group it belongs to
//! ("528th Regiment", "North Korean"), the place ("in Kursk", "to Russia"),
//! the time frame ("last year", "during the mission"), whether the figure is
//! reported or only planned ("agreed to send"), and the content words of
//! its clause.
//!
//! Alignment relies on these fields to keep different counts apart: a
//! unit's own dead and a war's dead, a deployment's length and the time to
//! clear a zone, engineers agreed in July and last year's troop total. So
//! each field records only what the mention's own clause says; nothing is
//! guessed from the rest of the article.

use super::clause::{self, MentionClause};
use crate::model::{Modality, Quantity, QuantityKind, Scope, Span};
use crate::rules::inflect;
use regex::Regex;
use std::sync::LazyLock;

/// Everything scope extraction needs to know about one mention.
pub struct ScopeInput<'a> {
    pub sentence: &'a str,
    pub mention: &'a Quantity,
    pub clause: &'a MentionClause,
    /// The span of a counted noun the text elided, taken from the sentence.
    pub elided: Option<Span>,
    /// Where time frame and modality may be read from beyond the clause:
    /// the sentence up to the mention when nothing else precedes it.
    pub lead: Span,
    /// Frame nouns of the claiming rule ("mission", "war").
    pub hints: &'a [String],
    /// The event lemma that decided the topic.
    pub event: Option<String>,
}

/// The scope of one mention.
pub fn scope_of(input: &ScopeInput<'_>) -> Scope {
    let s = input.sentence;
    let (noun, mut qualifiers) = noun_and_modifiers(s, input.clause.noun_phrase.or(input.elided), input.mention);
    let after = Span::new(input.clause.right.start, input.clause.right.end);
    let (group, place) = prepositional_phrases(&s[after.start..after.end], input.hints);
    qualifiers.extend(group);
    let own = input.clause.whole();
    let time = time_frame(&s[own.start..own.end], input.hints).or_else(|| time_frame(&s[input.lead.start..input.lead.end], input.hints));
    let modality = modality(&s[input.lead.start.min(own.start)..input.mention.span.start]);
    Scope {
        noun,
        qualifiers,
        place,
        time,
        modality,
        event: input.event.clone(),
        context: content_words(&s[own.start..own.end]),
    }
}

/// The counted noun (singular, lower case) and the modifiers that are not
/// part of it: proper adjectives ("North Korean") and participles
/// ("returning", "fallen").
fn noun_and_modifiers(sentence: &str, phrase: Option<Span>, q: &Quantity) -> (Option<String>, Vec<String>) {
    let Some(phrase) = phrase else { return (None, Vec::new()) };
    let words = clause::words(&sentence[phrase.start..phrase.end], phrase.start);
    let mut modifiers: Vec<String> = Vec::new();
    let mut proper: Vec<&str> = Vec::new();
    let mut common: Vec<String> = Vec::new();
    for (_, w) in &words {
        let lower = w.to_lowercase();
        if w.chars().next().is_some_and(char::is_uppercase) && common.is_empty() {
            proper.push(w);
        } else if clause::is_participle(&lower) && common.is_empty() {
            modifiers.push(lower);
        } else if !clause::is_stopword(w) {
            common.push(lower);
        }
    }
    if !proper.is_empty() {
        modifiers.insert(0, proper.join(" "));
    }
    let Some(head) = common.pop() else { return (None, modifiers) };
    // A duration's "noun" is the thing that lasted ("mission"), never the
    // unit the extractor already read.
    if q.kind == QuantityKind::Duration && matches!(inflect::singular(&head).as_str(), "day" | "week" | "month" | "year" | "hour") {
        return (None, modifiers);
    }
    common.push(inflect::singular(&head));
    (Some(common.join(" ")), modifiers)
}

/// Prepositions whose phrase names the group a count belongs to.
const GROUP_PREPOSITIONS: &[&str] = &["of", "from"];
/// Prepositions whose phrase can name a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "into", "at", "across", "near", "inside", "outside", "from", "throughout"];
/// Nouns that name an organised group rather than a place.
const GROUP_NOUNS: &[&str] = &[
    "regiment", "brigade", "battalion", "division", "unit", "army", "corps", "company", "force", "forces", "navy", "police",
    "party", "team", "crew", "group", "militia", "ministry", "agency", "government", "engineers", "guard",
];

/// The prepositional phrases right after the counted noun: "of the
/// regiment" and "from the 528th Regiment" name a group, "in Kursk" and
/// "to Russia" a place, "in wheelchairs" another qualifier. Time phrases
/// are left to [`time_frame`].
fn prepositional_phrases(text: &str, hints: &[String]) -> (Vec<String>, Vec<String>) {
    let mut group = Vec::new();
    let mut place = Vec::new();
    let words = clause::words(text, 0);
    let mut i = 0;
    while i < words.len() {
        let prep = words[i].1.to_lowercase();
        let is_group_prep = GROUP_PREPOSITIONS.contains(&prep.as_str());
        let is_place_prep = PLACE_PREPOSITIONS.contains(&prep.as_str());
        if !is_group_prep && !is_place_prep {
            i += 1;
            continue;
        }
        let end = phrase_end(&words, i + 1);
        if end == i + 1 {
            i += 1;
            continue;
        }
        let phrase = &text[words[i].0.start..words[end - 1].0.end];
        let object: Vec<String> = words[i + 1..end].iter().map(|(_, w)| w.to_lowercase()).collect();
        let names_group = object.iter().any(|w| GROUP_NOUNS.contains(&w.as_str()) || hints.contains(w));
        // A place names a place: "in Kursk", "to Russia", "in Russia's
        // Kursk region"; "to help rebuild Russia's region" is a purpose.
        let head = words[i + 1..end].iter().map(|(_, w)| *w).find(|w| !is_determiner(w));
        let capitalised = head.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let fixed_phrase = i > 0 && matches!(words[i - 1].1.to_lowercase().as_str(), "according" | "due" | "up" | "close" | "next" | "prior");
        if is_time_phrase(phrase) || fixed_phrase {
            // Not a qualifier: the time frame is read separately, and
            // "according to X" is an attribution.
        } else if names_group && (is_group_prep || prep == "in") {
            group.push(phrase.to_string());
        } else if capitalised && is_place_prep {
            place.push(phrase.to_string());
        } else if i == 0 && matches!(prep.as_str(), "in" | "on" | "with" | "without") {
            // Right after the noun: "in wheelchairs", "in action".
            group.push(phrase.to_string());
        }
        i = end;
    }
    (group, place)
}

/// The end (exclusive word index) of a prepositional object starting at
/// `from`: determiners, names and nouns up to the next preposition or verb.
fn phrase_end(words: &[(Span, &str)], from: usize) -> usize {
    let mut end = from;
    while end < words.len() && end - from < 6 {
        let w = words[end].1.to_lowercase();
        let determiner = is_determiner(&w);
        if end > from && (PLACE_PREPOSITIONS.contains(&w.as_str()) || GROUP_PREPOSITIONS.contains(&w.as_str()) && w != "of") {
            break;
        }
        if !determiner && (clause::is_stopword(&w) && w != "of" || clause::is_participle(&w)) {
            break;
        }
        end += 1;
    }
    // Drop a dangling "of" or determiner at the end.
    while end > from && matches!(words[end - 1].1.to_lowercase().as_str(), "of" | "the" | "a" | "an") {
        end -= 1;
    }
    end
}

fn is_determiner(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that")
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/// Events that frame a time span when "during", "in" or "since" names them.
const FRAME_NOUNS: &str = "war|mission|deployment|fighting|conflict|campaign|operation|attack|invasion|offensive|siege|battle|occupation|crisis|pandemic|outbreak|storm|floods?|earthquake|season|period|year|month|week";

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        \b(?:last|this|next|past|previous|coming)\s+(?:year|month|week|weekend|spring|summer|autumn|fall|winter|decade|night|{WEEKDAYS})\b
        | \b(?:earlier|later)\s+this\s+(?:year|month|week)\b
        | \bso\s+far\s+this\s+(?:year|month|week)\b
        | \b(?:in|since|by|until|during|from|through|throughout|before|after|between)\s+(?:early\s+|late\s+|mid-)?(?:{MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\b
        | \b(?:in|since|by|until|during|before|after)\s+(?:early\s+|late\s+)?(?:19|20)\d\d\b
        | \b(?:on\s+)?(?:{WEEKDAYS})\b
        | \b(?:during|throughout|over|in|since|after|before|for)\s+(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:{FRAME_NOUNS})\b
        | \b(?:yesterday|today|tonight|overnight)\b
        | ^\s*(?:earlier|previously|meanwhile)\b
        "
    );
    Regex::new(&pattern).expect("time pattern compiles")
});

/// The time frame a clause states, the first one found ("last year",
/// "during the mission", "in July", "since June"). Frame nouns of the
/// claiming rule count as frames too.
fn time_frame(text: &str, hints: &[String]) -> Option<String> {
    if let Some(m) = TIME.find(text) {
        return Some(m.as_str().trim().to_string());
    }
    let words = clause::words(text, 0);
    words.windows(3).find_map(|w| {
        let (p, d, n) = (w[0].1.to_lowercase(), w[1].1.to_lowercase(), w[2].1.to_lowercase());
        (matches!(p.as_str(), "during" | "in" | "since" | "throughout")
            && matches!(d.as_str(), "the" | "its" | "their")
            && hints.contains(&n))
        .then(|| text[w[0].0.start..w[2].0.end].to_string())
    })
}

fn is_time_phrase(phrase: &str) -> bool {
    TIME.find(phrase).is_some_and(|m| m.start() == 0)
}

static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:agreed|agrees|agree|plans?|planned|planning|pledged|promised|intends?|intended|proposed|proposes|offered|vowed|is|are|was|were|set)\s+to\b|\b(?:will|shall|would)\b|\bto\s+be\s+(?:sent|deployed|hired|built)\b",
    )
    .expect("planned pattern compiles")
});
static EXPECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:expected|forecast|projected|likely|predicted)\s+to\b|\b(?:could|may|might)\b").expect("expected pattern compiles")
});

/// Whether the figure is reported as fact or only planned or expected,
/// judged from the words before it in its clause.
fn modality(before: &str) -> Modality {
    // The nearest marker wins: "said it will send" is planned, "had
    // agreed to send" is planned, "could" is a forecast.
    let planned = PLANNED.find_iter(before).last().map(|m| m.start());
    let expected = EXPECTED.find_iter(before).last().map(|m| m.start());
    match (planned, expected) {
        (Some(p), Some(e)) if e > p => Modality::Expected,
        (Some(_), _) => Modality::Planned,
        (None, Some(_)) => Modality::Expected,
        (None, None) => Modality::Reported,
    }
}

/// The content words of a clause, lower-cased, for context similarity.
fn content_words(text: &str) -> Vec<String> {
    clause::words(text, 0)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .filter(|w| w.chars().count() > 2 && !clause::is_stopword(w) && !w.chars().all(|c| c.is_ascii_digit() || c == ','))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clause::clauses;
    use crate::model::{Bound, Interval, Stated};

    fn mention(sentence: &str, phrase: &str, noun: Option<&str>, kind: QuantityKind) -> Quantity {
        let start = sentence.find(phrase).expect("phrase in sentence");
        Quantity {
            span: Span::new(start, start + phrase.len()),
            text: phrase.to_string(),
            stated: Stated { bound: Bound::Exact, value: Some(1.0), to: None, unit: String::new() },
            interval: Interval::point(1.0),
            kind,
            noun: noun.map(str::to_string),
        }
    }

    fn scope(sentence: &str, mentions: &[Quantity], index: usize, hints: &[&str]) -> Scope {
        let c = clauses(sentence, mentions);
        let hints: Vec<String> = hints.iter().map(|h| (*h).to_string()).collect();
        let lead = if index == 0 { Span::new(0, mentions[0].span.start) } else { c[index].left };
        scope_of(&ScopeInput { sentence, mention: &mentions[index], clause: &c[index], elided: None, lead, hints: &hints, event: None })
    }

    #[test]
    fn noun_group_and_time_of_a_unit_toll() {
        let s = "The colonel said 12 soldiers from the 31st Brigade had died during the mission.";
        let sc = scope(s, &[mention(s, "12", None, QuantityKind::Count)], 0, &["mission"]);
        assert_eq!(sc.noun.as_deref(), Some("soldier"));
        assert_eq!(sc.qualifiers, vec!["from the 31st Brigade"]);
        assert_eq!(sc.time.as_deref(), Some("during the mission"));
        assert_eq!(sc.modality, Modality::Reported);
    }

    #[test]
    fn proper_adjectives_place_and_time() {
        let s = "Analysts say the country sent around 9,000 Chadian troops to Sudan last year.";
        let sc = scope(s, &[mention(s, "around 9,000 Chadian troops", Some("Chadian troops"), QuantityKind::Count)], 0, &[]);
        assert_eq!(sc.noun.as_deref(), Some("troop"));
        assert_eq!(sc.qualifiers, vec!["Chadian"]);
        assert_eq!(sc.place, vec!["to Sudan"]);
        assert_eq!(sc.time.as_deref(), Some("last year"));
        assert_eq!(sc.describe(), "troop, Chadian, to Sudan, last year");
    }

    #[test]
    fn agreed_counts_are_planned_and_share_the_lead() {
        let s = "The ministry said in March that the country had agreed to send 700 combat engineers and 3,000 construction workers.";
        let m = [
            mention(s, "700", None, QuantityKind::Count),
            mention(s, "3,000", None, QuantityKind::Count),
        ];
        let first = scope(s, &m, 0, &[]);
        assert_eq!(first.noun.as_deref(), Some("combat engineer"));
        assert_eq!(first.time.as_deref(), Some("in March"));
        assert_eq!(first.modality, Modality::Planned);
        assert_eq!(first.describe(), "combat engineer, in March, planned");
    }

    #[test]
    fn qualifier_right_after_an_elided_noun() {
        let s = "Volunteers greeted returning veterans, 6 in wheelchairs.";
        let sc = scope(s, &[mention(s, "6", None, QuantityKind::Count)], 0, &[]);
        assert_eq!(sc.noun, None);
        assert_eq!(sc.qualifiers, vec!["in wheelchairs"]);
    }

    #[test]
    fn time_frames() {
        let cases = [
            ("at least 40 were killed in the war", Some("in the war")),
            ("since June, 30 villages", Some("since June")),
            ("a ceremony on Friday", Some("on Friday")),
            ("troops dispatched in early August", Some("in early August")),
            ("nobody counted them", None),
        ];
        for (text, expected) in cases {
            assert_eq!(time_frame(text, &[]).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn modality_from_preceding_words() {
        assert_eq!(modality("the firm said it will hire"), Modality::Planned);
        assert_eq!(modality("officials warned the toll could reach"), Modality::Expected);
        assert_eq!(modality("police said they arrested"), Modality::Reported);
    }
}

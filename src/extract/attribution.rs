//! Attribution: who says so. "according to KCNA", "officials estimate",
//! "Kim said", "..., state media reported.", a quotation's speaker, and a
//! pronoun ("they said") resolved to the source the previous sentence
//! named. Sources come back short and canonical: "the Korean Central News
//! Agency (KCNA)" is "KCNA", "Mr. Kim" is "Kim".

use super::clause::{self, lower_in};
use super::phrase::{parenthesised_acronym, ACCORDING_TO};
use super::view::SentenceView;
use super::word_regex::ascii_words;
use crate::model::Span;

/// A source named in a sentence, and where its verb or phrase stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    /// Byte offset (sentence-relative) of the attributing word.
    pub at: usize,
    /// A pronoun ("they", "he") still to be resolved.
    pub pronoun: bool,
    /// "according to X" covers the whole sentence wherever it stands.
    pub whole_sentence: bool,
}

/// Verbs of saying that attribute a figure to their subject (also flagged
/// by the sentence view's lexicon).
pub(super) const SAYING: &[&str] = &[
    "say", "says", "said", "report", "reports", "reported", "estimate", "estimates", "estimated", "stated",
    "confirm", "confirms", "confirmed", "acknowledge", "acknowledges", "acknowledged", "announce", "announces", "announced",
    "claim", "claims", "claimed", "told", "added", "noted", "described", "believe", "believes", "calculated", "counted",
    "recorded", "tallied", "wrote", "testified", "disclosed", "revealed",
];

/// Nouns that can head a source ("officials", "media").
const SOURCE_NOUNS: &[&str] = &[
    "officials", "official", "sources", "source", "analysts", "analyst", "media", "ministry", "agency", "police", "authorities",
    "spokesman", "spokeswoman", "spokesperson", "experts", "intelligence", "government", "military", "army", "report",
    "statement", "researchers", "diplomats", "observers", "witnesses", "organisers", "organizers", "commission", "council",
    "prosecutors", "investigators", "rescuers", "doctors", "hospital", "newspaper", "broadcaster", "office", "department",
    "officers", "paramedics", "medics", "firefighters", "coastguard", "mayor", "governor", "president", "minister", "leader", "commander", "chief", "agencies", "groups", "monitors", "city", "county", "town", "company", "firm", "service", "services", "brigade", "authority", "board", "coordinator", "representative", "chamber", "club", "airline", "operator", "school", "university",
];

/// Lower-case words allowed inside a source's name ("state", "senior").
const SOURCE_MODIFIERS: &[&str] = &[
    "state", "state-run", "state-owned", "senior", "local", "military", "defence", "defense", "health", "foreign", "intelligence",
    "government", "independent", "international", "security", "news", "official", "regional", "federal", "provincial", "hospital",
    "emergency", "rescue", "fire", "and", "other", "western", "top",
];

const PREPOSITIONS: &[&str] = &["in", "at", "on", "from", "to", "for", "with", "by", "across", "into", "near", "inside", "outside", "throughout"];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Words that may stand between a subject and its verb ("Kim also said",
/// "the ministry last month said").
const BETWEEN: &[&str] = &["also", "later", "earlier", "previously", "separately", "reportedly", "have", "has", "had", "last", "month", "week", "year", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "further", "now", "then", "publicly"];

// The word lists as sets: asked of every word around each verb of saying,
// a lookup by hash rather than a walk along the list. `WordSet::contains`
// lower-cases the word as `lower_in` does, so each answers as `lower_in`
// would on its list.
static SOURCE_NOUN_SET: clause::WordSet = clause::WordSet::new(SOURCE_NOUNS);
static SOURCE_MODIFIER_SET: clause::WordSet = clause::WordSet::new(SOURCE_MODIFIERS);
static BETWEEN_SET: clause::WordSet = clause::WordSet::new(BETWEEN);
static PRONOUN_SET: clause::WordSet = clause::WordSet::new(PRONOUNS);
static PREPOSITION_SET: clause::WordSet = clause::WordSet::new(PREPOSITIONS);
static SAYING_SET: clause::WordSet = clause::WordSet::new(SAYING);

/// A sentence's words by index, as [`clause::words`] reads them from its
/// start: a list of them, or the sentence view, read in place.
pub trait WordList<'t> {
    /// How many words there are.
    fn count(&self) -> usize;
    /// The `k`th word and its span; an empty word past the end.
    fn at(&self, k: usize) -> (Span, &'t str);
    /// The words' spans alone, in order.
    fn spans(&self) -> impl Iterator<Item = Span> + '_;
    /// What a reader of the words found already, if any: the indices of
    /// the words that may be verbs of saying (every one that is among
    /// them) and whether some word ends in "according".
    fn marked(&self) -> Option<(&[usize], bool)> {
        None
    }
    /// [`ascii_words`] of the sentence, if a reader of the words has
    /// told it already.
    fn ascii_words(&self) -> Option<bool> {
        None
    }
}

impl<'t> WordList<'t> for [(Span, &'t str)] {
    #[inline]
    fn count(&self) -> usize {
        self.len()
    }

    #[inline]
    fn at(&self, k: usize) -> (Span, &'t str) {
        self.get(k).copied().unwrap_or((Span::new(0, 0), ""))
    }

    #[inline]
    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.iter().map(|w| w.0)
    }
}

impl<'t> WordList<'t> for SentenceView<'t> {
    #[inline]
    fn count(&self) -> usize {
        self.word_count()
    }

    #[inline]
    fn at(&self, k: usize) -> (Span, &'t str) {
        self.word(k).map_or((Span::new(0, 0), ""), |w| (w.span, w.text))
    }

    #[inline]
    fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.word_spans()
    }

    #[inline]
    fn marked(&self) -> Option<(&[usize], bool)> {
        Some((self.saying_candidates(), self.has_according_word()))
    }

    #[inline]
    fn ascii_words(&self) -> Option<bool> {
        Some(self.is_ascii_words())
    }
}

/// Every source a sentence names, in order.
pub fn sources(sentence: &str) -> Vec<Source> {
    sources_among(sentence, clause::words(sentence, 0).as_slice())
}

/// [`sources`] given the sentence's words, as [`clause::words`] reads
/// them from its start: a caller that has read them already (the
/// sentence view) spares a second pass over the sentence, and the view's
/// words are read where they stand rather than copied into a list.
pub fn sources_among<'t, W: WordList<'t> + ?Sized>(sentence: &str, words: &W) -> Vec<Source> {
    let mut out: Vec<Source> = Vec::new();
    let ascii = sentence.is_ascii();
    // The sentence view flags the words that may be verbs of saying with
    // the one lexicon probe it makes of each word: only those are read
    // here. Other word lists are tested word by word.
    let ends_in_according = match words.marked() {
        Some((candidates, according)) => {
            for &i in candidates {
                said_at(sentence, words, i, &mut out);
            }
            according
        }
        None => scan_every_word(sentence, words, ascii, &mut out),
    };
    // Most sentences say nothing "according to" anyone, and this spares
    // them the search. In a sentence of [`ascii_words`] the phrase is the
    // bytes "according to", case aside, after a byte that is no word
    // byte, so some word ends in "according" (its run stops at the
    // space). Other sentences are searched by the pattern as written, and always
    // looked at. The sources of both kinds stand at different words, so
    // the sort below puts them in one order whichever comes first.
    if ends_in_according || !(ascii || words.ascii_words().unwrap_or_else(|| ascii_words(sentence))) {
        out.extend(according_to(sentence));
    }
    out.sort_by_key(|s| s.at);
    out
}

/// Whether `word` is a verb of saying, case aside.
#[cfg(test)]
pub(super) fn is_saying(word: &str) -> bool {
    SAYING_SET.contains(word)
}

/// The source of the `i`th word if it is a verb of saying with a subject,
/// pushed onto `out`.
#[inline]
fn said_at<'t, W: WordList<'t> + ?Sized>(sentence: &str, words: &W, i: usize, out: &mut Vec<Source>) {
    let (span, w) = words.at(i);
    if !SAYING_SET.contains(w) {
        return;
    }
    if let Some(source) = subject_before(sentence, words, i).or_else(|| subject_after(sentence, words, i + 1, span)) {
        out.push(Source { at: span.start, ..source });
    }
}

/// [`said_at`] of every word that may be a verb of saying, tested word by
/// word; true when some word ends in "according".
fn scan_every_word<'t, W: WordList<'t> + ?Sized>(sentence: &str, words: &W, ascii: bool, out: &mut Vec<Source>) -> bool {
    let mut ends_in_according = false;
    let bytes = sentence.as_bytes();
    for (i, span) in words.spans().enumerate() {
        // Each word is read as bytes by its span: only the few that may be
        // a verb of saying are taken as text.
        let w = bytes.get(span.start..span.end).unwrap_or_default();
        ends_in_according = ends_in_according || ends_in_according_word(w);
        // Most words are told apart from every verb of saying by their
        // length and first and last letters, without a probe of the set.
        let maybe = if ascii || w.is_ascii() { may_be_saying_ascii(w) } else { !w.is_empty() };
        if maybe {
            said_at(sentence, words, i, out);
        }
    }
    ends_in_according
}

/// True when a word's bytes end in "according", case aside: its last
/// letter tells most words apart first.
#[inline]
fn ends_in_according_word(word: &[u8]) -> bool {
    const SUFFIX: &[u8] = b"according";
    word.last().is_some_and(|&c| c | 0x20 == b'g') && word.len() >= SUFFIX.len() && word[word.len() - SUFFIX.len()..].eq_ignore_ascii_case(SUFFIX)
}

/// For each length in bytes, the first and the last letters (bit 0 for
/// "a") of the verbs of saying of that length.
static SAYING_LETTERS: [(u32, u32); 16] = {
    let mut table = [(0u32, 0u32); 16];
    let mut k = 0;
    while k < SAYING.len() {
        let w = SAYING[k].as_bytes();
        table[w.len()].0 |= 1 << (w[0] - b'a');
        table[w.len()].1 |= 1 << (w[w.len() - 1] - b'a');
        k += 1;
    }
    table
};

/// False only when `word` is no verb of saying whatever its case: an
/// ASCII word whose length, first letter and last letter no verb has
/// together. A word with other characters may lower-case to a verb (the
/// Kelvin sign to "k"), so it is never ruled out here.
#[cfg(test)]
fn may_be_saying(word: &str) -> bool {
    if !word.is_ascii() {
        return !word.is_empty();
    }
    may_be_saying_ascii(word.as_bytes())
}

/// [`may_be_saying`] of an ASCII word's bytes.
#[inline]
fn may_be_saying_ascii(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    // A byte that is no letter may map onto any bit: a false "maybe",
    // which the set then answers.
    let bit = |c: u8| 1u32 << ((c | 0x20).wrapping_sub(b'a') & 31);
    let Some(&(firsts, lasts)) = SAYING_LETTERS.get(b.len()) else { return false };
    firsts & bit(first) != 0 && lasts & bit(last) != 0
}

/// The sources named by "according to" anywhere in the sentence.
fn according_to(sentence: &str) -> Vec<Source> {
    ACCORDING_TO
        .find_iter(sentence)
        .filter_map(|(start, end)| {
            let name = canonical(according_to_object(&sentence[end..]))?;
            Some(Source { name, at: start, pronoun: false, whole_sentence: true })
        })
        .collect()
}

/// The source of the figure at `mention` (sentence-relative): the quote's
/// speaker when it stands in a quotation, else the nearest source before
/// it, else one after it ("..., X said."), else an "according to". A
/// pronoun takes `previous`, the source of the sentence before.
pub fn find(sentence: &str, mention: Span, speaker: Option<&str>, previous: Option<&str>) -> Option<String> {
    find_among(&sources(sentence), sentence, mention, speaker, previous)
}

/// [`find`] with the sentence's [`sources`] found once by the caller: a
/// sentence with many figures then costs one scan, not one per figure.
pub fn find_among(found: &[Source], sentence: &str, mention: Span, speaker: Option<&str>, previous: Option<&str>) -> Option<String> {
    if let Some(name) = speaker.and_then(canonical) {
        if !PRONOUN_SET.contains(&name) {
            return Some(name);
        }
    }
    let chosen = found
        .iter()
        .rfind(|s| s.at < mention.start && !s.whole_sentence)
        .or_else(|| found.iter().find(|s| s.at >= mention.end && !s.whole_sentence))
        .or_else(|| found.iter().find(|s| s.whole_sentence));
    match chosen {
        Some(s) if s.pronoun => previous.map(str::to_string),
        Some(s) => Some(s.name.clone()),
        // A quotation continued from the sentence before keeps its speaker.
        None if starts_with_quote(sentence) => previous.map(str::to_string),
        None => None,
    }
}

/// The source a whole sentence names (for the next sentence's pronouns).
pub fn sentence_source(sentence: &str, previous: Option<&str>) -> Option<String> {
    sentence_source_among(&sources(sentence), sentence, previous)
}

/// [`sentence_source`] with the sentence's [`sources`] found by the caller.
pub fn sentence_source_among(found: &[Source], sentence: &str, previous: Option<&str>) -> Option<String> {
    match found.iter().find(|s| !s.pronoun) {
        Some(s) => Some(s.name.clone()),
        None if !found.is_empty() || starts_with_quote(sentence) => previous.map(str::to_string),
        None => None,
    }
}

fn starts_with_quote(sentence: &str) -> bool {
    sentence.trim_start().starts_with(['“', '"', '‘'])
}

/// The object of "according to": up to the end of the clause, running on
/// past a comma only into more names ("South Korean, Ukrainian and
/// Western sources", but not "police, 40 people died").
fn according_to_object(rest: &str) -> &str {
    let clause_end = rest.find(['.', ';', ':', '—', '–', '(']).map_or(rest.len(), |i| {
        // Keep a parenthesised acronym: "Agency (KCNA)".
        if rest[i..].starts_with('(') { rest[i..].find(')').map_or(i, |j| i + j + 1) } else { i }
    });
    let clause = &rest[..clause_end];
    let mut end = clause.find(',').unwrap_or(clause.len());
    while end < clause.len() {
        let next = clause[end + 1..].find(',').map_or(clause.len(), |j| end + 1 + j);
        let segment = &clause[end + 1..next];
        let all_names = segment.split_whitespace().all(|w| is_name(w) || SOURCE_NOUN_SET.contains(w) || SOURCE_MODIFIER_SET.contains(w));
        if !all_names || segment.trim().is_empty() {
            break;
        }
        end = next;
    }
    &clause[..end]
}

/// The subject just before a verb of saying, the `n`th of `words`: names,
/// source nouns and their modifiers, joined by "and" and commas ("South
/// Korean, Ukrainian and Western officials").
fn subject_before<'t, W: WordList<'t> + ?Sized>(sentence: &str, words: &W, n: usize) -> Option<Source> {
    let word = |k: usize| words.at(k).1;
    let mut end = n;
    while end > 0 && n - end < 3 && BETWEEN_SET.contains(word(end - 1)) {
        end -= 1;
    }
    let (last_span, last) = words.at(end.checked_sub(1)?);
    if PRONOUN_SET.contains(last) {
        return Some(Source { name: last.to_lowercase(), at: last_span.start, pronoun: true, whole_sentence: false });
    }
    if !is_name(last) && !SOURCE_NOUN_SET.contains(last) {
        return None;
    }
    let mut start = end - 1;
    while start > 0 {
        let (span, w) = words.at(start - 1);
        let gap = &sentence[span.end..words.at(start).0.start];
        // Only a space, an abbreviation's full stop, or the comma of a list
        // ("Dutch, Belgian and German officials") joins parts of one name.
        let listed = (start..end).any(|k| matches!(word(k), "and" | "or"));
        let joins = match gap.trim() {
            "" | "." => true,
            "," => listed,
            _ => false,
        };
        if !joins {
            break;
        }
        // One plain word may qualify a source noun: "the interior ministry",
        // "the transport department".
        let qualifies_source = || {
            start == end - 1
                && SOURCE_NOUN_SET.contains(last)
                && w.chars().all(char::is_alphabetic)
                && !super::clause::is_stopword(w)
                && !super::clause::is_participle(&w.to_lowercase())
        };
        if is_name(w) || SOURCE_NOUN_SET.contains(w) || SOURCE_MODIFIER_SET.contains(w) || qualifies_source() {
            start -= 1;
        } else if let Some(joined) = of_phrase_start(words, start) {
            // "Chairman of the Harbour Board", "Workers' Party of Korea".
            start = joined;
        } else {
            break;
        }
    }
    // "which has 13,000 workers in the United Kingdom has estimated": a
    // name after a preposition is its object, not the verb's subject.
    let mut k = start;
    while k > 0 && lower_in(word(k - 1), &["the", "a", "an"]) {
        k -= 1;
    }
    if k > 0 && PREPOSITION_SET.contains(word(k - 1)) {
        return None;
    }
    let first = words.at(start).0.start;
    let text = &sentence[first..last_span.end];
    canonical(text).map(|name| Source { name, at: first, pronoun: false, whole_sentence: false })
}

/// When the first `n` of `words` end in "X of" or "X of the" after a name
/// or source noun X, the index of X: an "of" phrase inside one name.
fn of_phrase_start<'t, W: WordList<'t> + ?Sized>(words: &W, n: usize) -> Option<usize> {
    let is = |k: usize, w: &str| words.at(k).1.eq_ignore_ascii_case(w);
    let of_at = if n >= 2 && is(n - 2, "of") && is(n - 1, "the") {
        n - 2
    } else if n >= 1 && is(n - 1, "of") {
        n - 1
    } else {
        return None;
    };
    let head = words.at(of_at.checked_sub(1)?).1;
    (is_name(head) || SOURCE_NOUN_SET.contains(head)).then(|| of_at - 1)
}

/// The inverted form at a clause's end: "..., said the ministry." or
/// "..., said Kim.", read from the word at `from`, just after the verb.
fn subject_after<'t, W: WordList<'t> + ?Sized>(sentence: &str, words: &W, from: usize, verb: Span) -> Option<Source> {
    let before_verb = sentence[..verb.start].trim_end();
    if !before_verb.ends_with([',', '”', '"']) {
        return None;
    }
    let (mut first, mut last): (Option<Span>, Option<Span>) = (None, None);
    for k in from..words.count().min(from.saturating_add(6)) {
        let (span, w) = words.at(k);
        if first.is_none() && lower_in(w, &["the"]) {
            continue;
        }
        if is_name(w) || SOURCE_NOUN_SET.contains(w) || SOURCE_MODIFIER_SET.contains(w) {
            first = first.or(Some(span));
            last = Some(span);
        } else {
            break;
        }
    }
    let (first, last) = (first?, last?);
    canonical(&sentence[first.start..last.end]).map(|name| Source { name, at: first.start, pronoun: false, whole_sentence: false })
}

fn is_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !matches!(word, "The" | "A" | "An" | "In" | "On" | "At" | "But" | "And" | "Earlier" | "Last")
}

/// The short form of a source: no leading article or "a report by", an
/// acronym given in parentheses instead of the long name, no honorific.
pub fn canonical(raw: &str) -> Option<String> {
    if let Some(acronym) = raw.contains('(').then(|| parenthesised_acronym(raw)).flatten() {
        return Some(acronym.to_string());
    }
    let mut text = raw.trim().trim_end_matches(['.', ',', '”', '"']).trim();
    for prefix in ["a report by ", "a statement by ", "reports by ", "data from ", "figures from ", "estimates by ", "the "] {
        // `get` because the prefix length may fall inside a multi-byte character.
        if text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) {
            text = text[prefix.len()..].trim_start();
        }
    }
    for honorific in ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr "] {
        if let Some(rest) = text.strip_prefix(honorific) {
            text = rest;
        }
    }
    let text = text.trim();
    // One pass over the words: at most ten, the first, and whether a name
    // follows it.
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let mut other_names = false;
    for (count, word) in (2..).zip(words) {
        if count > 10 {
            return None;
        }
        other_names = other_names || is_name(word);
    }
    // "State media" at the start of a sentence is still the common noun.
    let common = SOURCE_MODIFIER_SET.contains(first) || SOURCE_NOUN_SET.contains(first);
    if common && !other_names {
        let rest = &text[first.len()..];
        // Built by hand rather than by `format!`: its machinery costs more
        // than the copy.
        let mut name = String::with_capacity(text.len());
        if first.is_ascii() {
            name.push_str(first);
            name.make_ascii_lowercase();
        } else {
            name.push_str(&first.to_lowercase());
        }
        name.push_str(rest);
        return Some(name);
    }
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sentence: &str, figure: &str) -> Option<String> {
        let start = sentence.find(figure).expect("figure in sentence");
        find(sentence, Span::new(start, start + figure.len()), None, Some("Previous Source"))
    }

    #[test]
    fn attribution_forms() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("About 40 people died, according to the regional health ministry.", "40", Some("regional health ministry")),
            ("Rescue officials said 12 people were missing.", "12", Some("rescue officials")),
            ("Dutch, Belgian and German officials say the army sent around 2,000 troops.", "2,000", Some("Dutch, Belgian and German officials")),
            ("The ministry estimated that 300 homes were destroyed.", "300", Some("ministry")),
            ("Aid agencies estimate 5,000 people have fled.", "5,000", Some("Aid agencies")),
            ("At least 20 were killed in the raid, the army said in a statement.", "20", Some("army")),
            ("At least 20 were killed in the raid, police said.", "20", Some("police")),
            ("Nine were hurt, said Mayor Jane Ortiz.", "Nine", Some("Mayor Jane Ortiz")),
            ("State media reported on Sunday that 17 miners were trapped.", "17", Some("state media")),
            ("Mr. Novak said 8 crew members had been rescued.", "8", Some("Novak")),
            ("Turnout was 61 percent, according to a report by the Central Election Commission (CEC).", "61", Some("CEC")),
            ("Around 30 were arrested, they said.", "30", Some("Previous Source")),
            ("“We cleared 14 villages in a week,” the commander said.", "14", Some("commander")),
            ("Some 60 buses were used.", "60", None),
            ("The quake left 2,300 people dead, the interior ministry said.", "2,300", Some("interior ministry")),
            ("The carmaker, which has 9,000 staff in the Netherlands, estimated a loss of 40 jobs.", "40", None),
            ("Nearly 900 died, according to Greek, Turkish and Syrian authorities.", "900", Some("Greek, Turkish and Syrian authorities")),
            ("According to police, 40 people were detained.", "40", Some("police")),
            ("According to KCNA, Kim said 7 were honoured.", "7", Some("Kim")),
            ("Officials later said 45 families had been moved.", "45", Some("officials")),
            ("The queen greeted them, honouring 9 killed in action with the country’s top medal, state media reported on Saturday.", "9", Some("state media")),
            ("The Chairman of the Harbour Board said 30 berths were closed.", "30", Some("Chairman of the Harbour Board")),
            ("Rain hit the Gulf of Mexico, Reuters said, leaving 300 homes flooded.", "300", Some("Reuters")),
        ];
        for (sentence, figure, expected) in cases {
            assert_eq!(at(sentence, figure).as_deref(), *expected, "{sentence}");
        }
    }

    #[test]
    fn a_quote_speaker_wins() {
        let s = "“We lost 6 men,” he said.";
        assert_eq!(find(s, Span::new(9, 10), Some("Mr. Haddad"), None).as_deref(), Some("Haddad"));
    }

    #[test]
    fn the_nearest_preceding_source_governs() {
        let s = "The agency said in May that officials had confirmed 70 arrests.";
        assert_eq!(at(s, "70").as_deref(), Some("officials"));
    }

    // The readers of a verb's subject as first written, over slices of
    // the sentence's words: the specification of the readers by index.
    /// The subject just before a verb of saying: names, source nouns and their
    /// modifiers, joined by "and" and commas ("South Korean, Ukrainian and
    /// Western officials").
    fn subject_before_by_slices(sentence: &str, before: &[(Span, &str)]) -> Option<Source> {
        let mut end = before.len();
        while end > 0 && before.len() - end < 3 && BETWEEN_SET.contains(before[end - 1].1) {
            end -= 1;
        }
        let (last_span, last) = *before.get(end.checked_sub(1)?)?;
        if PRONOUN_SET.contains(last) {
            return Some(Source { name: last.to_lowercase(), at: last_span.start, pronoun: true, whole_sentence: false });
        }
        if !is_name(last) && !SOURCE_NOUN_SET.contains(last) {
            return None;
        }
        let mut start = end - 1;
        while start > 0 {
            let (span, w) = before[start - 1];
            let gap = &sentence[span.end..before[start].0.start];
            // Only a space, an abbreviation's full stop, or the comma of a list
            // ("Dutch, Belgian and German officials") joins parts of one name.
            let listed = before[start..end].iter().any(|(_, w)| matches!(*w, "and" | "or"));
            let joins = match gap.trim() {
                "" | "." => true,
                "," => listed,
                _ => false,
            };
            if !joins {
                break;
            }
            // One plain word may qualify a source noun: "the interior ministry",
            // "the transport department".
            let qualifies_source = || {
                start == end - 1
                    && SOURCE_NOUN_SET.contains(last)
                    && w.chars().all(char::is_alphabetic)
                    && !super::clause::is_stopword(w)
                    && !super::clause::is_participle(&w.to_lowercase())
            };
            if is_name(w) || SOURCE_NOUN_SET.contains(w) || SOURCE_MODIFIER_SET.contains(w) || qualifies_source() {
                start -= 1;
            } else if let Some(joined) = of_phrase_start_by_slices(&before[..start]) {
                // "Chairman of the Harbour Board", "Workers' Party of Korea".
                start = joined;
            } else {
                break;
            }
        }
        // "which has 13,000 workers in the United Kingdom has estimated": a
        // name after a preposition is its object, not the verb's subject.
        let mut k = start;
        while k > 0 && lower_in(before[k - 1].1, &["the", "a", "an"]) {
            k -= 1;
        }
        if k > 0 && PREPOSITION_SET.contains(before[k - 1].1) {
            return None;
        }
        let text = &sentence[before[start].0.start..last_span.end];
        canonical(text).map(|name| Source { name, at: before[start].0.start, pronoun: false, whole_sentence: false })
    }

    /// When `words` ends in "X of" or "X of the" after a name or source noun
    /// X, the index of X: an "of" phrase inside one name.
    fn of_phrase_start_by_slices(words: &[(Span, &str)]) -> Option<usize> {
        let n = words.len();
        let of_at = match words {
            [.., (_, of), (_, the)] if of.eq_ignore_ascii_case("of") && the.eq_ignore_ascii_case("the") => n - 2,
            [.., (_, of)] if of.eq_ignore_ascii_case("of") => n - 1,
            _ => return None,
        };
        let (_, head) = words.get(of_at.checked_sub(1)?)?;
        (is_name(head) || SOURCE_NOUN_SET.contains(head)).then(|| of_at - 1)
    }

    /// The inverted form at a clause's end: "..., said the ministry." or
    /// "..., said Kim.".
    fn subject_after_by_slices(sentence: &str, after: &[(Span, &str)], verb: Span) -> Option<Source> {
        let before_verb = sentence[..verb.start].trim_end();
        if !before_verb.ends_with([',', '”', '"']) {
            return None;
        }
        let mut taken = Vec::new();
        for (span, w) in after.iter().take(6) {
            if taken.is_empty() && lower_in(w, &["the"]) {
                continue;
            }
            if is_name(w) || SOURCE_NOUN_SET.contains(w) || SOURCE_MODIFIER_SET.contains(w) {
                taken.push(*span);
            } else {
                break;
            }
        }
        let (first, last) = (taken.first()?, taken.last()?);
        canonical(&sentence[first.start..last.end]).map(|name| Source { name, at: first.start, pronoun: false, whole_sentence: false })
    }

    /// The specification of [`sources`] without its quick tests: every
    /// "according to" phrase and every word of the sentence looked up.
    fn sources_by_every_word(sentence: &str) -> Vec<Source> {
        let set = &SAYING_SET;
        let mut out = according_to(sentence);
        let words = clause::words(sentence, 0);
        for (i, (span, w)) in words.iter().enumerate() {
            if set.contains(w) {
                if let Some(source) = subject_before_by_slices(sentence, &words[..i]).or_else(|| subject_after_by_slices(sentence, &words[i + 1..], *span)) {
                    out.push(Source { at: span.start, ..source });
                }
            }
        }
        out.sort_by_key(|s| s.at);
        out
    }

    /// [`canonical`] as first written, three passes over the words: its
    /// specification.
    fn canonical_by_passes(raw: &str) -> Option<String> {
        if let Some(acronym) = raw.contains('(').then(|| parenthesised_acronym(raw)).flatten() {
            return Some(acronym.to_string());
        }
        let mut text = raw.trim().trim_end_matches(['.', ',', '”', '"']).trim();
        for prefix in ["a report by ", "a statement by ", "reports by ", "data from ", "figures from ", "estimates by ", "the "] {
            if text.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) {
                text = text[prefix.len()..].trim_start();
            }
        }
        for honorific in ["Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Mr ", "Mrs ", "Ms ", "Dr "] {
            if let Some(rest) = text.strip_prefix(honorific) {
                text = rest;
            }
        }
        let text = text.trim();
        if text.is_empty() || text.split_whitespace().count() > 10 {
            return None;
        }
        let first = text.split_whitespace().next().unwrap_or("");
        let other_names = text.split_whitespace().skip(1).any(is_name);
        let common = SOURCE_MODIFIER_SET.contains(first) || SOURCE_NOUN_SET.contains(first);
        if common && !other_names {
            let rest = &text[first.len()..];
            return Some(format!("{}{rest}", first.to_lowercase()));
        }
        Some(text.to_string())
    }

    #[test]
    fn canonical_forms_by_table() {
        let cases = [
            "", " . ", "the Ministry", "State media", "State media and Reuters", "a report by the Central Election Commission (CEC)",
            "Mr. Kim", "Dr Novak", "one two three four five six seven eight nine ten", "one two three four five six seven eight nine ten eleven",
            "officials\u{a0}in Kyiv", "The \u{212A}im office", "Police,", "“the army”",
        ];
        for raw in cases {
            assert_eq!(canonical(raw), canonical_by_passes(raw), "{raw:?}");
        }
    }

    #[test]
    fn every_verb_of_saying_passes_the_quick_test() {
        for verb in SAYING {
            for variant in [verb.to_string(), verb.to_uppercase(), format!("{}{}", verb[..1].to_uppercase(), &verb[1..]), verb.replace('k', "\u{212A}")] {
                assert!(may_be_saying(&variant), "{variant:?}");
            }
        }
        for other in ["", "the", "and", "was", "1,000", "x"] {
            assert!(!may_be_saying(other), "{other:?}");
        }
    }

    #[test]
    fn the_sets_answer_as_their_lists() {
        let lists: [(&clause::WordSet, &[&str]); 6] = [
            (&SOURCE_NOUN_SET, SOURCE_NOUNS),
            (&SOURCE_MODIFIER_SET, SOURCE_MODIFIERS),
            (&BETWEEN_SET, BETWEEN),
            (&PRONOUN_SET, PRONOUNS),
            (&PREPOSITION_SET, PREPOSITIONS),
            (&SAYING_SET, SAYING),
        ];
        let others = ["", "The", "STATE-RUN", "\u{212A}im", "Ministry\u{2019}s", "officialsx", "ÉTAT", "spokespersons", "it"];
        for (set, list) in lists {
            for word in list.iter().copied().chain(others) {
                for variant in [word.to_string(), word.to_uppercase(), word.replace('k', "\u{212A}")] {
                    assert_eq!(set.contains(&variant), lower_in(&variant, list), "{variant:?}");
                    assert_eq!(set.contains(&variant), list.contains(&variant.to_lowercase().as_str()), "{variant:?}");
                }
            }
        }
    }

    #[test]
    fn quick_tests_change_no_source() {
        let cases = [
            "Police said 12 were hurt, according to the ministry.",
            "ACCORDING TO officials, 40 died; the army SAID so.",
            "x-according to Kim, the essays were claimed by no one.",
            "The \u{212A}im report, Reuters reported, said nothing.",
            "\u{c9}tat media said 9 were killed, according to TASS.",
            "Accordingly, they SAY 5.",
            "x-according to Kim, 5 died; Kim\u{2019}according to TASS, 6.",
            "_according to police, 7 left. ACCORDING  TO nobody.",
            "",
        ];
        for s in cases {
            assert_eq!(sources(s), sources_by_every_word(s), "{s:?}");
            // The view's flagged words serve as well.
            let view = crate::extract::view::SentenceView::new(s);
            assert_eq!(sources_among(s, &view), sources_by_every_word(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn quick_tests_change_no_source_on_random_sentences(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "according to", "ACCORDING TO", "accordingto", "x-according", "_", "\u{2019}", "said", "Said", "SAYS", "reported", "essays", "told",
                "police", "officials", "the", "The", "ministry", "Kim", "Mr.", "state", "media", "they", "also",
                ",", ".", " ", "  ", "-", "'", "x", "\u{e9}", "\u{c9}", "\u{201c}", "\u{201d}", "\u{2014}", "(KCNA)", "40",
            ]), 0..24),
        ) {
            let s: String = parts.concat();
            proptest::prop_assert_eq!(sources(&s), sources_by_every_word(&s));
            // The words as the sentence view reads them serve as well.
            let view = crate::extract::view::SentenceView::new(&s);
            let words: Vec<(Span, &str)> = view.words_in(Span::new(0, s.len())).map(|w| (w.span, w.text)).collect();
            proptest::prop_assert_eq!(sources_among(&s, words.as_slice()), sources_by_every_word(&s));
            // And read in place.
            proptest::prop_assert_eq!(sources_among(&s, &view), sources_by_every_word(&s));
        }

        #[test]
        fn canonical_in_one_pass(parts in proptest::collection::vec(proptest::sample::select(vec![
            "the ", "The ", "a report by ", "Mr. ", "Dr ", "state ", "State ", "media", "Ministry", "officials", " ", "  ", "\u{a0}",
            "\u{3000}", ",", ".", "”", "Kim", "of", "and", "(KCNA)", "x", "\u{212A}", "É",
        ]), 0..16)) {
            let raw: String = parts.concat();
            proptest::prop_assert_eq!(canonical(&raw), canonical_by_passes(&raw));
        }
    }
}

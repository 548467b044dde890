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

use super::clause::{self, lowered, MentionClause};
use super::view::{SentenceView, ViewWord, FRAME_PREPOSITION, GROUP_PREPOSITION, PLACE_PREPOSITION, STOP};
use crate::model::{Modality, Quantity, QuantityKind, Scope, Span};
use crate::rules::inflect;
use super::phrase::{EXPECTED, PLANNED, TIME};

/// Everything scope extraction needs to know about one mention.
pub struct ScopeInput<'a> {
    pub sentence: &'a str,
    /// The sentence's words, read once for all its mentions.
    pub view: &'a SentenceView<'a>,
    pub mention: &'a Quantity,
    pub clause: &'a MentionClause,
    /// The span of a counted noun the text elided, taken from the sentence.
    pub elided: Option<Span>,
    /// The scope of the previous mention when this one is coordinated with
    /// it ("1,000 engineers and 5,000 workers"): its time frame and
    /// modality carry over when this clause states none.
    pub coordinated_with: Option<&'a Scope>,
    /// Frame nouns of the claiming rule ("mission", "war").
    pub hints: &'a [String],
    /// The event lemma that decided the topic.
    pub event: Option<String>,
    /// The sentence's [`fronted_time`], found once for all its mentions.
    pub fronted: Option<&'a str>,
}

/// The scope of one mention.
pub fn scope_of(input: &ScopeInput<'_>) -> Scope {
    let view = input.view;
    let (noun, mut qualifiers) = noun_and_modifiers(view, input.clause.noun_phrase.or(input.elided), input.mention);
    let (left, right) = (input.clause.left, input.clause.right);
    // The words after the mention, read from the view once for the four
    // readers below.
    let right_words: Vec<ViewWord> = view.words_in(right).collect();
    let noun = noun.or_else(|| whole_of_part(&right_words));
    let (group, place) = prepositional_phrases(view, &right_words, input.hints);
    qualifiers.extend(group);
    let inherited = input.coordinated_with;
    // The mention's own predicate first ("had died during the mission"),
    // then what frames it from the left ("said in July that ...").
    let time = time_frame_among(view, right, &right_words, input.hints)
        .or_else(|| time_frame_at(view, left, input.hints))
        .map(str::to_string)
        .or_else(|| input.fronted.map(str::to_string))
        .or_else(|| inherited.and_then(|p| p.time.clone()));
    let modality = match (modality_at(view, left), inherited) {
        (Modality::Reported, Some(p)) => p.modality,
        (m, _) => m,
    };
    Scope {
        noun,
        qualifiers,
        place,
        time,
        modality,
        event: input.event.clone(),
        partitive: is_partitive(view, left, &right_words, input.clause.noun_phrase.is_none()),
        context: view.content_words(input.clause.stretch),
    }
}

/// The counted noun (singular, lower case) and the modifiers that are not
/// part of it: proper adjectives ("North Korean") and participles
/// ("returning", "fallen").
fn noun_and_modifiers(view: &SentenceView<'_>, phrase: Option<Span>, q: &Quantity) -> (Option<String>, Vec<String>) {
    let Some(phrase) = phrase else { return (None, Vec::new()) };
    let mut modifiers: Vec<String> = Vec::new();
    let mut proper: Vec<&str> = Vec::new();
    // The common words as the text has them where they are lower case
    // already (most are): a copy only of a word that needed lower-casing.
    let mut common: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    // The phrase's words from the sentence's view: the words
    // `clause::words` reads in the phrase's own text, not read again.
    for w in view.words_in(phrase).map(|w| w.text) {
        if w.chars().next().is_some_and(char::is_uppercase) && common.is_empty() {
            proper.push(w);
            continue;
        }
        // Lower-cased only past the names, which are kept as written.
        let lower = lowered(w);
        if clause::is_participle(&lower) && common.is_empty() {
            modifiers.push(lower.into_owned());
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
    let singular = inflect::singular(&head);
    if q.kind == QuantityKind::Duration && matches!(singular.as_str(), "day" | "week" | "month" | "year" | "hour") {
        return (None, modifiers);
    }
    // A noun of one word (most are) is its singular as it stands: no
    // second string to join it into.
    if common.is_empty() {
        return (Some(singular), modifiers);
    }
    common.push(std::borrow::Cow::Owned(singular));
    (Some(common.join(" ")), modifiers)
}

/// Prepositions whose phrase names the group a count belongs to.
pub(crate) const GROUP_PREPOSITIONS: &[&str] = &["of", "from"];
/// Prepositions whose phrase can name a place.
pub(crate) const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "into", "at", "across", "near", "inside", "outside", "from", "throughout"];
/// Nouns that name an organised group rather than a place: the list
/// [`is_group_noun`] matches.
#[cfg(test)]
const GROUP_NOUNS: &[&str] = &[
    "regiment", "brigade", "battalion", "division", "unit", "army", "corps", "company", "force", "forces", "navy", "police",
    "party", "team", "crew", "group", "militia", "ministry", "agency", "government", "engineers", "guard",
];

/// The prepositional phrases right after the counted noun: "of the
/// regiment" and "from the 528th Regiment" name a group, "in Kursk" and
/// "to Russia" a place, "in wheelchairs" another qualifier. Time phrases
/// are left to [`time_frame`].
fn prepositional_phrases(view: &SentenceView<'_>, words: &[ViewWord], hints: &[String]) -> (Vec<String>, Vec<String>) {
    let mut group = Vec::new();
    let mut place = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let prep = words[i].text;
        let is_group_prep = words[i].is(GROUP_PREPOSITION);
        let is_place_prep = words[i].is(PLACE_PREPOSITION);
        let end = if is_group_prep || is_place_prep { phrase_end(words, i + 1) } else { i + 1 };
        if end == i + 1 {
            i += 1;
            continue;
        }
        let object = &words[i + 1..end];
        let names_group = || object.iter().any(|w| with_lower(w.text, |w| is_group_noun(w) || hints.iter().any(|h| h == w)));
        // A place names a place: "in Kursk", "to Russia", "in Russia's
        // Kursk region"; "to help rebuild Russia's region" is a purpose and
        // "to Monday's fire" a time.
        let capitalised = || {
            let head = object.iter().map(|w| w.text).find(|w| !is_determiner(w)).unwrap_or("");
            head.chars().next().is_some_and(char::is_uppercase) && !is_calendar_word(head)
        };
        // Where the phrase would go, decided before the dearer test of
        // whether it is a time phrase, which matters only when it would
        // go somewhere.
        let kept = if i == 0 && (is_group_prep || clause::lower_in(prep, &["in"])) && names_group() {
            // Right after the noun: "of the regiment", "from the 528th Regiment".
            Some(&mut group)
        } else if is_place_prep && capitalised() {
            Some(&mut place)
        } else if i == 0 && clause::lower_in(prep, &["in", "on", "with", "without", "of"]) {
            // Right after the noun: "in wheelchairs", "in action", and the
            // whole a part is taken from: "six of the injured".
            Some(&mut group)
        } else {
            None
        };
        // Not a qualifier: the time frame is read separately, "according
        // to X" and "in a statement" are about the source.
        // The two word tests first: the time phrase test reads the text.
        if let Some(list) = kept.filter(|_| !(is_fixed_phrase(words, i) || names_a_medium(object))) {
            let phrase = cut_at_time_at(view, Span::new(words[i].span.start, words[end - 1].span.end));
            if !is_time_phrase_at(view, phrase, hints) {
                list.push(view.text()[phrase.start..phrase.end].to_string());
            }
        }
        i = end;
    }
    (group, place)
}

/// `GROUP_NOUNS.contains(&w)` by one match, which the compiler splits by
/// length, rather than a comparison with each noun in turn (a test checks
/// it against the list).
fn is_group_noun(w: &str) -> bool {
    matches!(
        w,
        "regiment" | "brigade" | "battalion" | "division" | "unit" | "army" | "corps" | "company" | "force" | "forces" | "navy"
            | "police" | "party" | "team" | "crew" | "group" | "militia" | "ministry" | "agency" | "government" | "engineers"
            | "guard"
    )
}

/// "according to X", "linked to X", "due to X": the preposition belongs to
/// the word before it.
fn is_fixed_phrase(words: &[ViewWord], i: usize) -> bool {
    i > 0
        && with_lower(words[i - 1].text, |w| {
            matches!(w, "according" | "due" | "up" | "close" | "next" | "prior" | "linked" | "related" | "compared" | "owing" | "thanks")
        })
}

/// "in a statement", "in an interview": where something was said.
fn names_a_medium(object: &[ViewWord]) -> bool {
    object.iter().any(|w| {
        with_lower(w.text, |w| {
            matches!(w, "statement" | "interview" | "speech" | "briefing" | "report" | "tweet" | "post" | "address" | "broadcast")
        })
    })
}

/// Month and weekday names, with or without a possessive.
fn is_calendar_word(word: &str) -> bool {
    let bare = trim_possessives(word);
    CALENDAR.iter().any(|m| m.eq_ignore_ascii_case(bare))
}

/// `word.trim_end_matches("'s").trim_end_matches("’s")`, by suffix
/// compares rather than the string searcher those build on each call.
fn trim_possessives(word: &str) -> &str {
    let mut bare = word;
    while let Some(rest) = bare.strip_suffix("'s") {
        bare = rest;
    }
    while let Some(rest) = bare.strip_suffix("’s") {
        bare = rest;
    }
    bare
}

/// The names of the time phrases' months and weekdays as a list, not split again
/// for every word.
const CALENDAR: [&str; 19] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// A place phrase stops where a time phrase starts: "across the city this
/// week" is "across the city". The specification of [`cut_at_time_at`].
#[cfg(test)]
fn cut_at_time(phrase: &str) -> &str {
    match TIME.find_iter(phrase).find(|&(start, end)| start > 0 && !is_possessive_at(phrase, end)) {
        Some((start, _)) => phrase[..start].trim_end(),
        None => phrase,
    }
}

/// [`cut_at_time`] of the part `span` of the sentence, as the span of the
/// part kept: the time phrases are found from the view's leads rather
/// than by scanning the phrase's words again.
fn cut_at_time_at(view: &SentenceView<'_>, span: Span) -> Span {
    let phrase = &view.text()[span.start..span.end];
    match view.find_match(&TIME, span, |start, end| start > 0 && !is_possessive_at(phrase, end)) {
        Some((start, _)) => Span::new(span.start, span.start + phrase[..start].trim_end().len()),
        None => span,
    }
}

fn is_possessive_at(text: &str, end: usize) -> bool {
    text[end..].starts_with("'s") || text[end..].starts_with("’s")
}

/// The end (exclusive word index) of a prepositional object starting at
/// `from`: determiners, names and nouns up to the next preposition or verb.
fn phrase_end(words: &[ViewWord], from: usize) -> usize {
    let mut end = from;
    while end < words.len() && end - from < 6 && !with_lower(words[end].text, |w| ends_object(words, from, end, w)) {
        end += 1;
    }
    // Drop a dangling "of" or determiner at the end.
    while end > from && with_lower(words[end - 1].text, |w| matches!(w, "of" | "the" | "a" | "an")) {
        end -= 1;
    }
    end
}

/// Whether the word at `end`, `w` lower-cased, ends the object that
/// starts at `from` (see [`phrase_end`]).
fn ends_object(words: &[ViewWord], from: usize, end: usize, w: &str) -> bool {
    // The view's flags say what looking `w` up in the preposition and stop
    // word lists would.
    if end > from && (words[end].is(PLACE_PREPOSITION) || words[end].is(GROUP_PREPOSITION) && w != "of") {
        return true;
    }
    // Most words of an object are neither stop words nor participles: the
    // flag and suffix test first, the determiner and "and" tests (which
    // can only turn a stop word back into part of the object) after.
    if !(words[end].is(STOP) && w != "of" || clause::is_participle(w)) {
        return false;
    }
    // "the grain and fuel terminal", "Russia and Belarus": "and" joins
    // two nouns of one object.
    let joins_nouns = w == "and"
        && end > from
        && words.get(end + 1).is_some_and(|next| !next.is(STOP) && !with_lower(next.text, clause::is_participle));
    // `w` is lower-cased already: no second copy to test it.
    !is_lower_determiner(w) && !joins_nouns
}

/// `f` of `word` lower-cased as [`lowered`] does it; a short ASCII word is
/// lower-cased on the stack, as these tests run on every word of the
/// phrases after a mention, names among them.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = word.as_bytes();
    // Most words are lower-case already: no copy at all.
    if word.is_ascii() && !b.iter().any(u8::is_ascii_uppercase) {
        return f(word);
    }
    let mut buf = [0u8; 32];
    if b.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..b.len()];
        lower.copy_from_slice(b);
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&lowered(word))
}

fn is_determiner(word: &str) -> bool {
    // An ASCII word is its own lower-casing but for case, so comparing
    // without case needs no copy; of other characters only the Kelvin
    // sign and the dotted capital I lower-case to ASCII letters, and
    // neither makes a determiner, but they take the written path.
    if word.is_ascii() {
        // No determiner is longer than five letters: most words are
        // ruled out by their length alone.
        return word.len() <= 5 && DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(word));
    }
    with_lower(word, is_lower_determiner)
}

/// The words [`is_lower_determiner`] accepts.
const DETERMINERS: [&str; 9] = ["the", "a", "an", "its", "their", "his", "her", "this", "that"];

/// [`is_determiner`] of a word already lower-cased.
fn is_lower_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that")
}

/// The time frame a clause states, the first one found ("last year",
/// "during the mission", "in July", "since June"). Frame nouns of the
/// claiming rule count as frames too.
#[cfg(test)]
fn time_frame(text: &str, hints: &[String]) -> Option<String> {
    time_frame_in(text, hints).map(str::to_string)
}

/// [`time_frame_in`] of the part `span` of the sentence, read from its
/// words and phrase leads found once.
fn time_frame_at<'t>(view: &SentenceView<'t>, span: Span, hints: &[String]) -> Option<&'t str> {
    time_frame_with(view, span, hints, |before| rule_frame_at(view, span, hints, before))
}

/// [`time_frame_at`] of the part `span` whose words (as
/// [`SentenceView::words_in`] reads them) the caller holds: its rule
/// frames are read from them.
fn time_frame_among<'t>(view: &SentenceView<'t>, span: Span, words: &[ViewWord<'t>], hints: &[String]) -> Option<&'t str> {
    time_frame_with(view, span, hints, |before| rule_frame_among(view, span, words, hints, before))
}

/// [`time_frame_at`], its rule frames (those starting before the
/// calendar phrase, relative to the part) found by `framed`.
fn time_frame_with<'t>(
    view: &SentenceView<'t>,
    span: Span,
    hints: &[String],
    framed: impl FnOnce(usize) -> Option<(usize, &'t str)>,
) -> Option<&'t str> {
    let text = &view.text()[span.start..span.end];
    let calendar = view.find_match(&TIME, span, |_, end| !is_possessive_at(text, end)).map(|(start, end)| (start, &text[start..end]));
    // A rule frame counts only where it starts before the calendar phrase:
    // the scan stops there.
    let before = calendar.map_or(usize::MAX, |(at, _)| at);
    // No frame starts before the part does: a calendar phrase at its
    // start leaves the rule frames unread.
    let framed = if hints.is_empty() || before == 0 { None } else { framed(before) };
    [calendar, framed].into_iter().flatten().min_by_key(|(at, _)| *at).map(|(_, t)| t.trim())
}

/// [`rule_frame`] of the part `span` of the sentence, among the frames
/// that start before `before`; where the frame starts is relative to the
/// part.
fn rule_frame_at<'t>(view: &SentenceView<'t>, span: Span, hints: &[String], before: usize) -> Option<(usize, &'t str)> {
    // Only the windows a frame preposition leads: the view finds them by
    // its flags, where walking every word of the part cost most of this.
    first_frame(view.windows_led_by(span, FRAME_PREPOSITION), view, span, hints, before)
}

/// [`rule_frame_at`] from the part's words (see [`time_frame_among`]),
/// the same windows taken from them.
fn rule_frame_among<'t>(view: &SentenceView<'t>, span: Span, words: &[ViewWord<'t>], hints: &[String], before: usize) -> Option<(usize, &'t str)> {
    let windows = words.windows(3).filter(|w| w[0].is(FRAME_PREPOSITION)).map(|w| [w[0], w[1], w[2]]);
    first_frame(windows, view, span, hints, before)
}

/// The first of `windows` (three words each, led by a frame preposition,
/// in order) that is a rule frame starting before `before`.
fn first_frame<'t>(
    windows: impl Iterator<Item = [ViewWord<'t>; 3]>,
    view: &SentenceView<'t>,
    span: Span,
    hints: &[String],
    before: usize,
) -> Option<(usize, &'t str)> {
    for w in windows {
        let at = w[0].span.start - span.start;
        // Frames are found in order: none later can start before `before`.
        if at >= before {
            return None;
        }
        let determiner = with_lower(w[1].text, |d| matches!(d, "the" | "its" | "their" | "this" | "that") || d.ends_with("'s") || d.ends_with("’s"));
        if determiner && with_lower(w[2].text, |noun| hints.iter().any(|h| h == noun)) {
            return Some((at, &view.text()[w[0].span.start..w[2].span.end]));
        }
    }
    None
}

/// [`time_frame`] as a slice of `text`, for tests that keep no copy.
#[cfg(test)]
fn time_frame_in<'t>(text: &'t str, hints: &[String]) -> Option<&'t str> {
    // "Monday's fire" names an event, not the day.
    let calendar = TIME.find_iter(text).find(|&(_, end)| !is_possessive_at(text, end)).map(|(start, end)| (start, &text[start..end]));
    // "in the fire", "during their mission", "in Monday's fire": a frame
    // noun of the claiming rule after a determiner or a possessive.
    let framed = if hints.is_empty() { None } else { rule_frame(text, hints) };
    // The one nearer the start of the text is nearer the mention's verb.
    [calendar, framed].into_iter().flatten().min_by_key(|(at, _)| *at).map(|(_, t)| t.trim())
}

/// "in the fire", "during their mission": the first frame noun of the
/// claiming rule (`hints`) after a preposition and a determiner or a
/// possessive, with where it starts.
#[cfg(test)]
fn rule_frame<'t>(text: &'t str, hints: &[String]) -> Option<(usize, &'t str)> {
    // Three words at a time, as they come, without a list of them all.
    let mut words = clause::word_iter(text, 0);
    let (mut a, mut b) = (words.next()?, words.next()?);
    words.find_map(|c| {
        let w = [a, b, c];
        (a, b) = (b, c);
        if !clause::lower_in(w[0].1, &["during", "in", "since", "throughout", "after"]) {
            return None;
        }
        let d = lowered(w[1].1);
        let determiner = matches!(&*d, "the" | "its" | "their" | "this" | "that") || d.ends_with("'s") || d.ends_with("’s");
        (determiner && hints.iter().any(|h| **h == *lowered(w[2].1))).then(|| (w[0].0.start, &text[w[0].0.start..w[2].0.end]))
    })
}

/// A time adverbial fronted before the sentence's first comma ("Last
/// year, ...", "Since June, ..."): it frames the whole sentence.
pub fn fronted_time(view: &SentenceView<'_>) -> Option<String> {
    let sentence = view.text();
    // `sentence.find(',')` by the crate's vector search: this runs for
    // every sentence with a figure, and a comma is an ASCII byte, so its
    // offset is a character boundary.
    let head = &sentence[..memchr::memchr(b',', sentence.as_bytes())?];
    // Only a phrase with nothing but spaces before it counts, so no match
    // is sought past the first word: the rest of the head is not read.
    let first_word = head.len() - head.trim_start().len();
    let first = view.first_match_until(&TIME, Span::new(0, head.len()), first_word);
    first.map(|(start, end)| head[start..end].trim().to_string())
}

/// [`fronted_time`] as first written, reading every match of the head:
/// its specification.
#[cfg(test)]
fn fronted_time_by_scan(view: &SentenceView<'_>) -> Option<String> {
    let sentence = view.text();
    let head = &sentence[..sentence.find(',')?];
    let first = view.matches(&TIME, Span::new(0, head.len())).next();
    first.filter(|&(start, _)| head[..start].trim().is_empty()).map(|(start, end)| head[start..end].trim().to_string())
}

/// Whether `phrase` starts with its time frame: the specification of
/// [`is_time_phrase_at`].
#[cfg(test)]
fn is_time_phrase(phrase: &str, hints: &[String]) -> bool {
    time_frame_in(phrase, hints).is_some_and(|t| phrase.starts_with(t))
}

/// [`is_time_phrase`] of the part `span` of the sentence, read from the
/// view as [`time_frame_at`] reads a clause.
fn is_time_phrase_at(view: &SentenceView<'_>, span: Span, hints: &[String]) -> bool {
    let phrase = &view.text()[span.start..span.end];
    may_open_time_phrase(phrase) && time_frame_at(view, span, hints).is_some_and(|t| phrase.starts_with(t))
}

/// False when `phrase` cannot start with its time frame, told by its
/// first word: most object phrases open with "of", "to", "at" or
/// "across", and reading their time frames cost more than the rest of
/// the phrase test.
///
/// A time frame (trimmed) starts with the word its match starts with: a
/// [`TIME`] lead word, "previously" or "meanwhile" (at the start), or a
/// frame preposition (itself a lead word). If the frame has more words
/// than one, a phrase starting with it starts with that word and white
/// space, so its first word is that word; a frame of one word (a weekday,
/// "today", "earlier" and the like) need only be a prefix of the first
/// word. Only ASCII text is judged (elsewhere the pattern's Unicode case
/// folding could make other words match); other text is left to the
/// full test.
fn may_open_time_phrase(phrase: &str) -> bool {
    const ALONE: &[&[u8]] = &[
        b"monday", b"tuesday", b"wednesday", b"thursday", b"friday", b"saturday", b"sunday", b"yesterday", b"today", b"tonight",
        b"overnight", b"earlier", b"previously", b"meanwhile",
    ];
    let b = phrase.as_bytes();
    if !phrase.is_ascii() {
        return true;
    }
    let n = b.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
    let first = &b[..n];
    if n == 0 || TIME.may_lead(first) {
        return true;
    }
    ALONE.iter().any(|w| first.len() >= w.len() && first[..w.len()].eq_ignore_ascii_case(w))
}

/// Whether the figure is reported as fact or only planned or expected,
/// judged from the words before it in its clause.
#[cfg(test)]
fn modality(before: &str) -> Modality {
    let planned = PLANNED.find_iter(before).last().map(|(start, _)| start);
    let expected = EXPECTED.find_iter(before).last().map(|(start, _)| start);
    nearest_marker(planned, expected)
}

/// [`modality`] of the part `before` of the sentence.
fn modality_at(view: &SentenceView<'_>, before: Span) -> Modality {
    let planned = view.last_match(&PLANNED, before).map(|(start, _)| start);
    let expected = view.last_match(&EXPECTED, before).map(|(start, _)| start);
    nearest_marker(planned, expected)
}

/// The modality of the last plan marker and the last forecast marker
/// (where they start).
fn nearest_marker(planned: Option<usize>, expected: Option<usize>) -> Modality {
    // The nearest marker wins: "said it will send" is planned, "had
    // agreed to send" is planned, "could" is a forecast.
    match (planned, expected) {
        (Some(p), Some(e)) if e > p => Modality::Expected,
        (Some(_), _) => Modality::Planned,
        (None, Some(_)) => Modality::Expected,
        (None, None) => Modality::Reported,
    }
}

/// The counted noun of a part taken from a named whole: "nine of the
/// regiment's soldiers" counts soldiers. Not for adjectives ("six of the
/// injured") or pronouns ("17 of them").
fn whole_of_part(right: &[ViewWord]) -> Option<String> {
    // The first five words at most.
    let mut words = right.iter().map(|w| w.text);
    let first = words.next()?;
    if !first.eq_ignore_ascii_case("of") {
        return None;
    }
    let head = words
        .take(4)
        .take_while(|w| {
            let lower = lowered(w);
            is_determiner(w) || lower.ends_with("'s") || lower.ends_with("’s") || !clause::is_stopword(w)
        })
        .find(|w| {
            let possessive = w.ends_with("'s") || w.ends_with("’s");
            !possessive && inflect::looks_plural(w) && w.chars().next().is_some_and(char::is_lowercase) && !clause::is_participle(&lowered(w))
        })?;
    Some(inflect::singular(head))
}

/// "including five", "among them 40", "of whom 12" before the figure, or
/// "six of the injured", "17 of them" after it: a part of a group.
fn is_partitive(view: &SentenceView<'_>, left: Span, right: &[ViewWord], no_noun: bool) -> bool {
    // Only the last two words of the left part and the first two of the
    // right one matter.
    let mut from_end = view.words_in(left).rev().map(|w| w.text);
    let last = from_end.next();
    let last_two: [Option<&str>; 2] = [from_end.next(), last];
    // `lower_in` of these lists, by a match on each word lower-cased as
    // `lower_in` does it (on the stack when ASCII): this runs for every
    // mention, and a match costs less than comparing word by word.
    let before_marks = match last_two {
        [Some(of), Some(them)] if with_lower(them, |w| matches!(w, "them" | "whom" | "which")) => {
            with_lower(of, |w| matches!(w, "among" | "of"))
        }
        [_, Some(last)] => with_lower(last, |w| matches!(w, "including" | "incl")),
        _ => false,
    };
    let mut first = right.iter().map(|w| w.text);
    let after_marks = match (first.next(), first.next()) {
        (Some(of), Some(whole)) => {
            with_lower(of, |w| w == "of") && with_lower(whole, |w| matches!(w, "the" | "them" | "those" | "whom" | "these" | "their"))
        }
        _ => false,
    };
    // Only a figure without a noun of its own is followed by its whole:
    // "members of the regiment" is no partitive.
    before_marks || (after_marks && no_noun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::clause::clauses;

    fn mention(sentence: &str, phrase: &str, noun: Option<&str>, kind: QuantityKind) -> Quantity {
        crate::extract::testing::mention(sentence, phrase, kind, noun)
    }

    fn scope(sentence: &str, mentions: &[Quantity], index: usize, hints: &[&str]) -> Scope {
        let c = clauses(sentence, mentions);
        let hints: Vec<String> = hints.iter().map(|h| (*h).to_string()).collect();
        let view = SentenceView::new(sentence);
        let view = &view;
        let fronted = fronted_time(view);
        let mut previous: Option<Scope> = None;
        for i in 0..index {
            let with = if c[i].coordinated { previous.as_ref() } else { None };
            previous = Some(scope_of(&ScopeInput { sentence, view, mention: &mentions[i], clause: &c[i], elided: None, coordinated_with: with, hints: &hints, event: None, fronted: fronted.as_deref() }));
        }
        let with = if c[index].coordinated { previous.as_ref() } else { None };
        scope_of(&ScopeInput { sentence, view, mention: &mentions[index], clause: &c[index], elided: None, coordinated_with: with, hints: &hints, event: None, fronted: fronted.as_deref() })
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
        let second = scope(s, &m, 1, &[]);
        assert_eq!(second.noun.as_deref(), Some("construction worker"));
        assert_eq!((second.time.as_deref(), second.modality), (Some("in March"), Modality::Planned));
    }

    #[test]
    fn places_stop_at_time_words_and_skip_fixed_phrases() {
        let s = "The health office said on Friday that 14 people had died across Port Lune this week from causes linked to Monday's blast.";
        let sc = scope(s, &[mention(s, "14 people", Some("people"), QuantityKind::Count)], 0, &["blast"]);
        assert_eq!(sc.place, vec!["across Port Lune"]);
        assert_eq!(sc.time.as_deref(), Some("this week"));
        let s = "The firm put the damage at $3 million in a statement on Tuesday.";
        let sc = scope(s, &[mention(s, "$3 million", None, QuantityKind::Money("USD".into()))], 0, &[]);
        assert!(sc.qualifiers.is_empty() && sc.place.is_empty(), "{sc:?}");
    }

    #[test]
    fn a_rule_frame_noun_is_a_time_frame() {
        let s = "Relatives of the 11 workers who died in Monday's fire gathered.";
        let sc = scope(s, &[mention(s, "11 workers", Some("workers"), QuantityKind::Count)], 0, &["fire"]);
        assert_eq!(sc.time.as_deref(), Some("in Monday's fire"));
        let s = "Relatives of the 11 workers who died in Monday's fire at the grain and fuel terminal gathered on Wednesday.";
        let sc = scope(s, &[mention(s, "11 workers", Some("workers"), QuantityKind::Count)], 0, &["fire"]);
        assert_eq!(sc.time.as_deref(), Some("in Monday's fire"));
        assert!(sc.qualifiers.is_empty(), "{:?}", sc.qualifiers);
    }

    #[test]
    fn the_noun_of_a_named_whole() {
        let s = "The colonel said 7 of the brigade's soldiers lost their lives.";
        let sc = scope(s, &[mention(s, "7", None, QuantityKind::Count)], 0, &[]);
        assert_eq!((sc.noun.as_deref(), sc.partitive), (Some("soldier"), true));
        for right in [" of the injured were nurses", " of them died"] {
            let view = SentenceView::new(right);
            let words: Vec<ViewWord> = view.words_in(Span::new(0, right.len())).collect();
            assert_eq!(whole_of_part(&words), None);
        }
    }

    #[test]
    fn partitive_figures() {
        let cases = [
            ("Doctors said 6 of the injured were nurses.", "6", None, true),
            ("Greeting returning veterans, including 5 in wheelchairs.", "5", None, true),
            ("Nine members of the regiment died.", "Nine members", Some("members"), false),
            ("Rescuers freed 12 miners.", "12 miners", Some("miners"), false),
        ];
        for (s, phrase, noun, expected) in cases {
            let sc = scope(s, &[mention(s, phrase, noun, QuantityKind::Count)], 0, &[]);
            assert_eq!(sc.partitive, expected, "{s}");
        }
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
            ("died in Monday's fire", None),
        ];
        for (text, expected) in cases {
            assert_eq!(time_frame(text, &[]).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn a_fronted_time_frames_every_mention_but_a_later_one_does_not() {
        let s = "Last year, 40 people died; the regiment sent 900 soldiers this spring, and 12 officers joined.";
        let m = [
            mention(s, "40", None, QuantityKind::Count),
            mention(s, "900", None, QuantityKind::Count),
            mention(s, "12", None, QuantityKind::Count),
        ];
        assert_eq!(scope(s, &m, 0, &[]).time.as_deref(), Some("Last year"));
        assert_eq!(scope(s, &m, 1, &[]).time.as_deref(), Some("this spring"));
        assert_eq!(scope(s, &m, 2, &[]).time.as_deref(), Some("Last year"));
    }

    /// The object phrases of a sentence are cut and tested for time read
    /// from its view exactly as read from their own text.
    #[test]
    fn phrases_read_from_the_view_as_from_their_text() {
        let sentences = [
            "Troops stayed across the city this week and in Kursk since June 3, 2024 during the war.",
            "Some 40 died in Monday's fire at the grain terminal in early August, officials said on Friday.",
            "In the war's first year, 900 went to Russia last year; 12 of the brigade's men returned during their mission.",
            "Crews from the 528th Regiment worked in Kursk’s east throughout Ramadan, before 1999 and willing.",
            "Café staff in Zürich said 30 left on Tuesday, then this spring; so far this year none.",
        ];
        for hints in [&[][..], &["fire".to_string(), "war".to_string(), "mission".to_string()][..]] {
            for s in sentences {
                let view = SentenceView::new(s);
                let starts: Vec<usize> = clause::word_iter(s, 0).map(|(span, _)| span.start).collect();
                let ends: Vec<usize> = clause::word_iter(s, 0).map(|(span, _)| span.end).collect();
                for &a in &starts {
                    for &b in ends.iter().filter(|&&b| b > a) {
                        let span = Span::new(a, b);
                        let cut = cut_at_time_at(&view, span);
                        assert_eq!(&s[cut.start..cut.end], cut_at_time(&s[a..b]), "{:?}", &s[a..b]);
                        assert_eq!(is_time_phrase_at(&view, span, hints), is_time_phrase(&s[a..b], hints), "{:?}", &s[a..b]);
                        let words: Vec<ViewWord> = view.words_in(span).collect();
                        assert_eq!(time_frame_among(&view, span, &words, hints), time_frame_at(&view, span, hints), "{:?}", &s[a..b]);
                    }
                }
            }
        }
    }

    #[test]
    fn fronted_time_reads_no_further_than_the_scan_would_keep() {
        let heads = ["Last year", "  Earlier", "In early August 2024", "Since June", "The army said last year", "On Monday", "\u{a0}Meanwhile",
            "Officials said", "Last", "during the war's end", "Café owners said on Friday", "last year's toll", "Throughout Ramadan"];
        let tails = [", 40 died.", " 40 died, then more.", ",", ""];
        for head in heads {
            for tail in tails {
                let s = format!("{head}{tail}");
                let view = SentenceView::new(&s);
                assert_eq!(fronted_time(&view), fronted_time_by_scan(&view), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fronted_time_is_the_scan(words in proptest::collection::vec(
            "(Last|last|year|in|In|June|Earlier|earlier|the|war|during|Monday|on|said|40|,| |  |'s|mid-|2024|this|week|so|far|é)",
            0..10,
        )) {
            let s = words.join(" ");
            let view = SentenceView::new(&s);
            proptest::prop_assert_eq!(fronted_time(&view), fronted_time_by_scan(&view), "{:?}", s);
        }
    }

    #[test]
    fn possessives_are_trimmed_as_the_searcher_trims_them() {
        for w in ["Monday's", "Monday’s", "June's's", "June’s's", "June's’s", "x", "", "'s", "’s’s", "s", "Mays", "it'S"] {
            assert_eq!(trim_possessives(w), w.trim_end_matches("'s").trim_end_matches("’s"), "{w}");
        }
    }

    #[test]
    fn partitive_markers_read_as_lower_in_reads_them() {
        let lists: [&[&str]; 5] =
            [&["them", "whom", "which"], &["among", "of"], &["including", "incl"], &["of"], &["the", "them", "those", "whom", "these", "their"]];
        let words = ["them", "THEM", "Whom", "which", "WHİCH", "among", "Of", "of", "oF", "including", "INCL", "İncl", "incl.", "the", "Those",
            "thèse", "their", "theirs", "", "K", "thEm"];
        for list in lists {
            for w in words {
                assert_eq!(with_lower(w, |l| list.contains(&l)), clause::lower_in(w, list), "{w:?} in {list:?}");
            }
        }
    }

    proptest::proptest! {
        /// The first-word screen never turns away a phrase that starts
        /// with its time frame.
        #[test]
        fn the_time_phrase_screen_keeps_every_time_phrase(words in proptest::collection::vec(
            "(of|to|at|across|In|in|on|ON|during|Monday|Mondays|todays|today|this|last|year|the|war|fire|mission|Earlier|meanwhile|previously|since|June|2024|'s|,| |  |into|near|from|x)",
            1..8,
        ), hint in "(war|fire|mission|year)") {
            let s = words.concat();
            let hints = [hint];
            if !may_open_time_phrase(&s) {
                proptest::prop_assert!(!is_time_phrase(&s, &hints), "{:?}", s);
            }
        }
    }

    #[test]
    fn the_time_phrase_screen_on_object_phrases() {
        let hints = ["fire".to_string(), "war".to_string()];
        for s in ["of the regiment", "to Russia", "at the terminal", "across the city this week", "Mondays' fire", "todays", "Todayx",
            "in the fire", "on Monday", "throughout Ramadan", "from June", "Monday's fire", "earlier", "Meanwhile,", "x", "2024",
            "\u{e9}t\u{e9}", "of Monday"] {
            let screened = may_open_time_phrase(s);
            assert!(screened || !is_time_phrase(s, &hints), "{s:?}");
            let view = SentenceView::new(s);
            let span = Span::new(0, s.len());
            assert_eq!(is_time_phrase_at(&view, span, &hints), is_time_phrase(s, &hints), "{s:?}");
        }
        for s in ["of the regiment", "to Russia", "at the terminal", "across the city this week"] {
            assert!(!may_open_time_phrase(s), "{s:?}");
        }
    }

    #[test]
    fn group_nouns_by_match_are_the_list() {
        for w in GROUP_NOUNS.iter().copied().chain(["", "units", "Army", "forc", "guards", "teams", "crews", "x"]) {
            assert_eq!(is_group_noun(w), GROUP_NOUNS.contains(&w), "{w}");
        }
    }

    #[test]
    fn determiners_in_any_case_without_a_copy() {
        for d in DETERMINERS {
            assert!(is_lower_determiner(d), "{d}");
        }
        for w in ["The", "THE", "the", "A", "an", "Its", "THEIR", "His", "hEr", "This", "that", "then", "them", "", "x", "Thé", "\u{212A}", "İts", "ITS"] {
            assert_eq!(is_determiner(w), is_lower_determiner(&lowered(w)), "{w}");
        }
    }

    #[test]
    fn the_calendar_list_is_the_patterns_names() {
        use crate::extract::phrase::{MONTHS, WEEKDAYS};
        let names: Vec<&str> = MONTHS.split('|').chain(WEEKDAYS.split('|')).collect();
        assert_eq!(names, CALENDAR);
    }

    #[test]
    fn modality_from_preceding_words() {
        assert_eq!(modality("you could work a miracle in"), Modality::Reported);
        assert_eq!(modality("the toll could rise to"), Modality::Expected);
        assert_eq!(modality("the firm said it will hire"), Modality::Planned);
        assert_eq!(modality("officials warned the toll could reach"), Modality::Expected);
        assert_eq!(modality("police said they arrested"), Modality::Reported);
    }
}

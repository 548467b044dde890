//! Extract: the sentences of an article become claims. Each quantity
//! mention gets a topic from the rules, a scope (what is counted) and an
//! attribution (who says so).
//!
//! A sentence is read once: the quantity extractor finds its mentions, the
//! rule set's automaton finds every signal word, and [`clause`] splits the
//! sentence into the stretch each mention owns. Topic, scope and
//! attribution then read the same clause, so they agree on what belongs to
//! a mention.

pub mod attribution;
pub mod clause;
pub mod phrase;
pub mod quantity;
pub mod scope;
pub mod topic;
pub mod view;
pub mod word_regex;

use crate::ingest::Article;
use crate::model::{BaseUnit, Claim, Quantity, QuantityKind, Span};
use crate::rules::matcher::{Hit, SignalKind};
use crate::rules::RuleSet;
use crate::segment::{Segments, Sentence};

/// Every quantity of the article as a claim; those no rule claimed have
/// `topic: None`.
pub fn extract(article: &Article, segments: &Segments, rules: &RuleSet) -> Vec<Claim> {
    let mut claims = Vec::new();
    // The source named by the sentence before, for "they said" and for
    // quotations running on; reset at each paragraph.
    let mut previous: Option<(usize, String)> = None;
    // Sentences whose sources nobody has needed yet: a sentence's source
    // only matters to a later sentence of its paragraph that holds a
    // figure, so the chain is followed when such a sentence comes, and
    // most sentences without figures are never searched for sources.
    let mut unread: Vec<&Sentence> = Vec::new();
    let mut lines = LineCursor::new(article);
    // The lists of each sentence's view, allocated once for the article.
    let mut view_lists = view::ViewLists::default();
    // And the list of each sentence's rule hits.
    let mut hits = Vec::new();
    for sentence in &segments.sentences {
        let Some(raw) = article.text.get(sentence.span.start..sentence.span.end) else { continue };
        // Markup (link targets, emphasis marks) blanked, offsets unchanged.
        let masked = sentence.text(&article.text);
        let text: &str = &masked;
        let found = quantity::find(text);
        if found.is_empty() {
            unread.push(sentence);
            continue;
        }
        previous = source_after(article, previous, &mut unread, sentence.paragraph);
        let carried = previous.as_ref().filter(|(p, _)| *p == sentence.paragraph).map(|(_, s)| s.as_str());
        // The sentence's words, read once for the readers of every mention
        // and for its sources.
        let view = view::SentenceView::new_in(text, std::mem::take(&mut view_lists));
        // Found once, for the sentence's figures and for the next sentence.
        let sources = attribution::sources_among(text, &view);
        let before = claims.len();
        // Reports quote the sentence as written (`raw`), markup and all.
        let cx = MentionContext { article, sentence, text, raw, view: &view, sources: &sources, previous: carried };
        // Found at the words the view has read, not by reading the text
        // again.
        view.rule_hits_into(rules, &mut hits);
        mention_claims(&cx, found, &hits, rules, &mut lines, &mut claims);
        resolve_them(&mut claims, before);
        let source = attribution::sentence_source_among(&sources, text, carried);
        previous = source.map(|s| (sentence.paragraph, s));
        view_lists = view.into_lists();
    }
    claims
}

/// Line and column of the article's offsets taken in order: a cursor that
/// moves forward counts the lines and characters it passes, where
/// [`Article::line_col`] searches its index afresh for every mention.
struct LineCursor<'a> {
    article: &'a Article,
    /// The offset reached, a character boundary.
    at: usize,
    /// Its 1-based line, the byte offset where that line starts, and the
    /// characters from there to `at`.
    line: usize,
    line_start: usize,
    chars: usize,
}

impl<'a> LineCursor<'a> {
    fn new(article: &'a Article) -> LineCursor<'a> {
        LineCursor { article, at: 0, line: 1, line_start: 0, chars: 0 }
    }

    /// [`Article::line_col`] of `offset`.
    fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let text = &self.article.text;
        let offset = crate::text::floor_char_boundary(text, offset);
        if offset < self.at {
            // Behind the cursor: ask the index (extraction goes forward).
            return self.article.line_col(offset);
        }
        let passed = &text.as_bytes()[self.at..offset];
        match memchr::memrchr(b'\n', passed) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', passed).count();
                self.line_start = self.at + last + 1;
                self.chars = text[self.line_start..offset].chars().count();
            }
            None => self.chars += text[self.at..offset].chars().count(),
        }
        self.at = offset;
        (self.line, self.chars + 1)
    }
}

/// The source carried into a sentence of `paragraph` once the `unread`
/// sentences before it have been read in order (the list is emptied).
/// Sentences before the last one of another paragraph cannot reach it:
/// that sentence's own source, or its lack of one, belongs to its
/// paragraph and carries nothing.
fn source_after(article: &Article, mut previous: Option<(usize, String)>, unread: &mut Vec<&Sentence>, paragraph: usize) -> Option<(usize, String)> {
    let first = match unread.iter().rposition(|s| s.paragraph != paragraph) {
        Some(k) => {
            previous = None;
            k + 1
        }
        None => 0,
    };
    for sentence in &unread[first..] {
        let masked = sentence.text(&article.text);
        let text: &str = &masked;
        let carried = previous.as_ref().filter(|(p, _)| *p == sentence.paragraph).map(|(_, s)| s.as_str());
        let sources = attribution::sources(text);
        previous = attribution::sentence_source_among(&sources, text, carried).map(|s| (sentence.paragraph, s));
    }
    unread.clear();
    previous
}

/// "more than 6,000 of them have died": a part of a whole named by a
/// pronoun counts the noun of the latest count before it, in this sentence
/// or an earlier one.
fn resolve_them(claims: &mut [Claim], first_new: usize) {
    for i in first_new..claims.len() {
        let c = &claims[i];
        let pronoun = c.scope.partitive && c.scope.noun.is_none() && refers_back(c);
        if !pronoun {
            continue;
        }
        let antecedent = claims[..i]
            .iter()
            .rev()
            .find(|p| p.quantity.kind == QuantityKind::Count && p.scope.noun.is_some())
            .and_then(|p| p.scope.noun.clone());
        claims[i].scope.noun = antecedent;
    }
}

/// True when the words right after the figure are "of them", "of those" or
/// "of these".
fn refers_back(c: &Claim) -> bool {
    let start = c.quantity.span.end.saturating_sub(c.sentence.start);
    let after = c.sentence_text.get(start..).unwrap_or("");
    // The next two words only: the rest of a long sentence is not read.
    let mut next = clause::word_iter(after, 0).map(|(_, w)| w);
    match (next.next(), next.next()) {
        (Some(of), Some(pronoun)) => clause::lower_in(of, &["of"]) && clause::lower_in(pronoun, &["them", "those", "these"]),
        _ => false,
    }
}

/// What the claims of one sentence share: the sentence as read (`text`,
/// markup blanked) and as written (`raw`), its words, its sources, and the
/// source of the sentence before.
struct MentionContext<'a> {
    article: &'a Article,
    sentence: &'a Sentence,
    text: &'a str,
    raw: &'a str,
    view: &'a view::SentenceView<'a>,
    sources: &'a [attribution::Source],
    previous: Option<&'a str>,
}

/// What a claim says of its mention beyond the mention itself, read while
/// every mention of the sentence is still at hand; the mentions then move
/// into their claims rather than being copied.
struct Reading {
    topic: Option<String>,
    interval: crate::model::Interval,
    unit: BaseUnit,
    scope: crate::model::Scope,
    attribution: Option<String>,
    line: usize,
    column: usize,
}

/// The claims of the mentions `found` (sentence-relative spans, in order)
/// in one sentence, added to `claims`.
/// `hits` are the rule set's hits in the sentence.
fn mention_claims(cx: &MentionContext<'_>, found: Vec<Quantity>, hits: &[Hit], rules: &RuleSet, lines: &mut LineCursor<'_>, claims: &mut Vec<Claim>) {
    let MentionContext { article, sentence, text, raw, view, sources, previous } = *cx;
    let clauses = clause::clauses(text, &found);
    let sentence_hits = topic::SentenceHits::new(text, &found, hits);
    // One copy of the sentence for all its claims.
    let shared_text: std::sync::Arc<str> = raw.into();
    // Read once: a run-on sentence without a comma would otherwise be read
    // to its end for every figure.
    let fronted = scope::fronted_time(view);
    let mut readings: Vec<Reading> = Vec::with_capacity(found.len());
    for (index, q) in found.iter().enumerate() {
        let c = &clauses[index];
        // A coordinated mention shares the frame of the one before
        // ("agreed to send 1,000 engineers and 5,000 workers").
        let coordinated_with = if c.coordinated { readings.last().map(|p| &p.scope) } else { None };
        let elided = elided_noun(text, &found, &clauses, index, hits);
        let mut decision = topic::assign(text, &found, &clauses, index, elided, hits, &sentence_hits, rules);
        let hints = decision.as_ref().map_or(&[][..], |d| rules.rules()[d.rule].signals.scope_hints.as_slice());
        let scope = scope::scope_of(&scope::ScopeInput {
            sentence: text,
            view,
            mention: q,
            clause: c,
            elided,
            coordinated_with,
            hints,
            // Moved out: the decision's event serves the scope alone.
            event: decision.as_mut().and_then(|d| d.event.take()),
            fronted: fronted.as_deref(),
        });
        let speaker = quote_speaker(sentence, q.span.shift(sentence.span.start));
        let (line, column) = lines.line_col(q.span.shift(sentence.span.start).start);
        let (topic, unit, interval) = match decision {
            Some(d) => (Some(d.topic), d.unit, d.interval),
            None => (None, natural_unit(&q.kind, q.noun.as_deref()), q.interval),
        };
        let attribution = attribution::find_among(sources, text, q.span, speaker, previous);
        readings.push(Reading { topic, interval, unit, scope, attribution, line, column });
    }
    claims.reserve(found.len());
    for (r, mut q) in readings.into_iter().zip(found) {
        q.span = q.span.shift(sentence.span.start);
        claims.push(Claim {
            article: article.id.clone(),
            topic: r.topic,
            interval: r.interval,
            unit: r.unit,
            sentence: sentence.span,
            sentence_text: std::sync::Arc::clone(&shared_text),
            scope: r.scope,
            attribution: r.attribution,
            line: r.line,
            column: r.column,
            quantity: q,
        });
    }
}

/// For a count whose noun the text leaves out, the noun it refers back to:
/// the counted noun of the previous count in the sentence ("68,400 people
/// ... and 95,800 who"), or, for a part of a group ("including five in
/// wheelchairs"), the nearest counted noun before it ("soldiers"). A bare
/// figure with no such link has no noun: "per person, which is 50,000" does
/// not count persons.
fn elided_noun(text: &str, found: &[Quantity], clauses: &[clause::MentionClause], index: usize, hits: &[Hit]) -> Option<Span> {
    let q = &found[index];
    if clauses[index].noun_phrase.is_some() || q.kind != QuantityKind::Count {
        return None;
    }
    let nouns_before = |limit: usize| {
        hits.iter()
            .filter(move |h| h.kind == SignalKind::Noun && h.span.end <= limit)
            .max_by_key(|h| (h.span.end, std::cmp::Reverse(h.span.start)))
            .map(|h| h.span)
    };
    let previous_count = (0..index).rev().find(|&j| found[j].kind == QuantityKind::Count);
    if let Some(np) = previous_count.and_then(|j| clauses[j].noun_phrase) {
        if let Some(span) = nouns_before(np.end).filter(|s| np.contains(*s)) {
            return Some(span);
        }
    }
    let left = &text[clauses[index].left.start..clauses[index].left.end];
    let part_of_group = clause::word_iter(left, 0).last().is_some_and(|(_, w)| clause::lower_in(w, &["including", "among"]));
    if part_of_group { nouns_before(q.span.start) } else { None }
}

/// The named speaker of the quotation a mention (article offsets) stands in.
fn quote_speaker(sentence: &Sentence, mention: Span) -> Option<&str> {
    sentence.quotes.iter().find(|quote| quote.span.contains(mention)).and_then(|quote| quote.speaker.as_deref())
}

/// The base unit of a quantity no rule claimed.
fn natural_unit(kind: &QuantityKind, noun: Option<&str>) -> BaseUnit {
    match kind {
        QuantityKind::Duration => BaseUnit::Days,
        QuantityKind::Percent => BaseUnit::Percent,
        QuantityKind::Money(code) => BaseUnit::Currency(code.clone()),
        QuantityKind::Measure(unit) => BaseUnit::Other(unit.clone()),
        QuantityKind::Count => BaseUnit::Other(noun.unwrap_or("count").to_lowercase()),
    }
}

/// Hand-built mentions for the unit tests of extraction's stages.
#[cfg(test)]
pub(crate) mod testing {
    use crate::model::{Bound, Interval, Quantity, QuantityKind, Span, Stated};

    /// A mention of `phrase` in `sentence`, as the quantity extractor would
    /// give it, with its kind and counted noun.
    pub(crate) fn mention(sentence: &str, phrase: &str, kind: QuantityKind, noun: Option<&str>) -> Quantity {
        let start = sentence.find(phrase).unwrap_or_else(|| panic!("{phrase:?} not in {sentence:?}"));
        Quantity {
            span: Span::new(start, start + phrase.len()),
            text: phrase.to_string(),
            stated: Stated { bound: Bound::Exact, value: Some(1.0), to: None, unit: String::new() },
            interval: Interval::point(1.0),
            kind,
            noun: noun.map(str::to_string),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::mention;
    use super::*;

    /// The claims of `sentence` given its mentions.
    pub(crate) fn claims_of(sentence: &str, mentions: &[(&str, QuantityKind, Option<&str>)]) -> Vec<Claim> {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let article = Article::from_text("t", "t.txt", sentence.to_string(), Vec::new());
        let s = Sentence { span: Span::new(0, sentence.len()), paragraph: 0, quotes: Vec::new(), masked: Vec::new() };
        let found: Vec<Quantity> = mentions.iter().map(|(p, k, n)| mention(sentence, p, k.clone(), *n)).collect();
        let sources = attribution::sources(sentence);
        let view = view::SentenceView::new(sentence);
        let cx = MentionContext { article: &article, sentence: &s, text: sentence, raw: sentence, view: &view, sources: &sources, previous: None };
        let mut claims = Vec::new();
        mention_claims(&cx, found, &view.rule_hits(&rules), &rules, &mut LineCursor::new(&article), &mut claims);
        claims
    }

    fn topics(sentence: &str, mentions: &[(&str, QuantityKind, Option<&str>)]) -> Vec<Option<String>> {
        claims_of(sentence, mentions).into_iter().map(|c| c.topic).collect()
    }

    use QuantityKind::{Count, Duration, Percent};

    #[test]
    fn topics_of_general_phrasings() {
        let usd = || QuantityKind::Money("USD".into());
        type Case<'a> = (&'a str, Vec<(&'a str, QuantityKind, Option<&'a str>)>, Vec<Option<&'a str>>);
        let cases: Vec<Case> = vec![
            ("Floods killed at least 40 people in the north.", vec![("at least 40 people", Count, Some("people"))], vec![Some("deaths")]),
            ("12 people were injured in the blast.", vec![("12 people", Count, Some("people"))], vec![Some("injured")]),
            ("Three hikers remain missing.", vec![("Three hikers", Count, Some("hikers"))], vec![Some("missing")]),
            ("About 2,000 residents were evacuated.", vec![("About 2,000 residents", Count, Some("residents"))], vec![Some("people")]),
            ("Police arrested 15 protesters.", vec![("15 protesters", Count, Some("protesters"))], vec![Some("people")]),
            ("The company cut 5% of jobs.", vec![("5%", Percent, None)], vec![Some("percent")]),
            ("They unveiled a $2 billion aid package.", vec![("$2 billion", usd(), None)], vec![Some("money")]),
            ("Both sides agreed to a two-week ceasefire.", vec![("two-week", Duration, None)], vec![Some("duration")]),
            ("The mayor left office three years ago.", vec![("three years", Duration, None)], vec![None]),
            ("The museum owns 300 paintings.", vec![("300 paintings", Count, Some("paintings"))], vec![None]),
            ("Nearly 30 buses carried the wounded away.", vec![("Nearly 30 buses", Count, Some("buses"))], vec![None]),
            ("Four of the injured were nurses.", vec![("Four", Count, None)], vec![Some("injured")]),
            (
                "Some 4,000 infants younger than six months died of the fever.",
                vec![("Some 4,000 infants", Count, Some("infants")), ("six months", Duration, None)],
                vec![Some("deaths"), Some("duration")],
            ),
            ("The striker was hurt early in the match but the keeper made 26 saves.", vec![("26 saves", Count, Some("saves"))], vec![None]),
            ("The fee is capped per person, at 500.", vec![("500", Count, None)], vec![None]),
            (
                "The mission has 8,000 troops there and will add 1,000 next year.",
                vec![("8,000 troops", Count, Some("troops")), ("1,000", Count, None)],
                vec![Some("troops"), Some("troops")],
            ),
            (
                "Officials counted 6,000 people in the camp and 900 more outside it.",
                vec![("6,000 people", Count, Some("people")), ("900", Count, None)],
                vec![Some("people"), Some("people")],
            ),
        ];
        for (sentence, mentions, expected) in cases {
            let expected: Vec<Option<String>> = expected.into_iter().map(|t| t.map(str::to_string)).collect();
            assert_eq!(topics(sentence, &mentions), expected, "{sentence}");
        }
    }

    #[test]
    fn each_mention_reads_its_own_clause() {
        let s = "Officials say the country sent around 9,000 troops abroad last year, with more than 2,000 reported killed.";
        let got = topics(s, &[("around 9,000 troops", Count, Some("troops")), ("more than 2,000", Count, None)]);
        assert_eq!(got, vec![Some("troops".into()), Some("deaths".into())]);
    }

    #[test]
    fn the_counted_noun_decides_between_troops_and_people() {
        let s = "The ministry agreed to send 700 combat engineers and 3,000 military construction workers.";
        let got = topics(s, &[("700 combat engineers", Count, Some("combat engineers")), ("3,000 military construction workers", Count, Some("military construction workers"))]);
        assert_eq!(got, vec![Some("troops".into()), Some("people".into())]);
    }

    #[test]
    fn an_event_word_beats_a_person_noun() {
        let cases = [
            ("Seven soldiers of the brigade had died by Sunday.", "Seven soldiers", Some("soldiers")),
            ("At least hundreds of enemy troops are thought to have been killed.", "At least hundreds of enemy troops", Some("troops")),
            ("The general mourned the loss of six lives.", "six lives", Some("lives")),
            ("Medals went to the four killed in action.", "four", None),
            ("The eight fallen soldiers were buried on Monday.", "eight fallen soldiers", Some("fallen soldiers")),
        ];
        for (s, phrase, noun) in cases {
            assert_eq!(topics(s, &[(phrase, Count, noun)]), vec![Some("deaths".to_string())], "{s}");
        }
    }

    #[test]
    fn an_elided_noun_and_a_qualifier() {
        let s = "Cameras showed the minister greeting returning soldiers, including five in wheelchairs.";
        let c = claims_of(s, &[("five", Count, None)]);
        assert_eq!(c[0].topic.as_deref(), Some("people"));
        assert_eq!(c[0].scope.noun.as_deref(), Some("soldier"));
        assert_eq!(c[0].scope.qualifiers, vec!["in wheelchairs"]);
    }

    #[test]
    fn of_them_takes_the_noun_of_the_latest_count() {
        let rules = RuleSet::builtin().expect("built-in rules load");
        let text = "The army sent 3,000 troops north.\n\nBy its own count, 200 of them have died.\n";
        let article = Article::from_text("t", "t.txt", text.to_string(), Vec::new());
        let claims = crate::pipeline::facts(&article, &rules);
        let last = claims.last().expect("claims");
        assert_eq!((last.topic.as_deref(), last.scope.noun.as_deref()), (Some("deaths"), Some("troop")));
    }

    #[test]
    fn scope_and_attribution_on_a_claim() {
        let s = "The regional governor said 14 miners from the Vostok pit had died during the rescue, in Siberia.";
        let c = claims_of(s, &[("14 miners", Count, Some("miners"))]);
        assert_eq!(c[0].topic.as_deref(), Some("deaths"));
        assert_eq!(c[0].scope.noun.as_deref(), Some("miner"));
        assert_eq!(c[0].scope.time.as_deref(), Some("during the rescue"));
        assert_eq!(c[0].scope.event.as_deref(), Some("die"));
        assert_eq!(c[0].attribution.as_deref(), Some("regional governor"));
    }

    proptest::proptest! {
        /// The cursor answers as the article's line index, for offsets in
        /// order or not, on character boundaries or not, past the end or not.
        #[test]
        fn the_line_cursor_is_line_col(
            text in "([a-z ]|é|’|\n|\r\n){0,80}",
            mut offsets in proptest::collection::vec(0usize..200, 0..12),
            sorted in proptest::prelude::any::<bool>(),
        ) {
            let article = Article::from_text("c", "c.txt", text.clone(), Vec::new());
            if sorted {
                offsets.sort_unstable();
            }
            let mut cursor = LineCursor::new(&article);
            for offset in offsets {
                proptest::prop_assert_eq!(cursor.line_col(offset), article.line_col(offset), "{} in {:?}", offset, text);
            }
        }

        /// Whatever the text, extraction returns without panicking, and
        /// every claim points inside the text.
        #[test]
        fn no_panic_on_any_text(text in "(\\PC|[ ,.;:’“”—-]|[0-9]{1,5}| killed | troops | the | of | said | in July |, including ){0,40}") {
            let rules = RuleSet::builtin().expect("built-in rules load");
            let article = Article::from_text("p", "p.txt", text.clone(), Vec::new());
            for claim in crate::pipeline::facts(&article, &rules) {
                proptest::prop_assert!(claim.quantity.span.end <= text.len());
            }
        }
    }
}

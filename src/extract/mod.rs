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
pub mod quantity;
pub mod scope;
pub mod topic;

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
    for sentence in &segments.sentences {
        let Some(text) = article.text.get(sentence.span.start..sentence.span.end) else { continue };
        let carried = previous.as_ref().filter(|(p, _)| *p == sentence.paragraph).map(|(_, s)| s.as_str());
        claims.extend(sentence_claims(article, sentence, text, carried, rules));
        let source = attribution::sentence_source(text, carried);
        previous = source.map(|s| (sentence.paragraph, s));
    }
    claims
}

/// The claims of one sentence.
fn sentence_claims(article: &Article, sentence: &Sentence, text: &str, previous: Option<&str>, rules: &RuleSet) -> Vec<Claim> {
    let found = quantity::find(text);
    if found.is_empty() {
        return Vec::new();
    }
    let hits = rules.hits(text);
    let clauses = clause::clauses(text, &found);
    let sources = attribution::sources(text);
    let mut leads: Vec<Span> = Vec::with_capacity(found.len());
    let mut claims = Vec::with_capacity(found.len());
    for (index, q) in found.iter().enumerate() {
        let c = &clauses[index];
        // What precedes the first mention frames it; a coordinated mention
        // shares the frame of the one before ("agreed to send 1,000
        // engineers and 5,000 workers").
        let lead = match index {
            0 => Span::new(0, q.span.start),
            _ if c.coordinated => leads[index - 1],
            _ => c.left,
        };
        leads.push(lead);
        let elided = elided_noun(q, c, &found, &hits);
        let decision = topic::assign(&found, index, c, elided, &hits, rules);
        let hints = decision.as_ref().map_or(&[][..], |d| rules.rules()[d.rule].signals.scope_hints.as_slice());
        let scope = scope::scope_of(&scope::ScopeInput {
            sentence: text,
            mention: q,
            clause: c,
            elided,
            lead,
            hints,
            event: decision.as_ref().and_then(|d| d.event.clone()),
        });
        let speaker = quote_speaker(sentence, q.span.shift(sentence.span.start));
        let mut q = q.clone();
        q.span = q.span.shift(sentence.span.start);
        let (line, column) = article.line_col(q.span.start);
        let unit = decision.as_ref().map_or_else(|| natural_unit(&q.kind, q.noun.as_deref()), |d| d.unit.clone());
        let interval = decision.as_ref().map_or(q.interval, |d| d.interval);
        claims.push(Claim {
            article: article.id.clone(),
            topic: decision.map(|d| d.topic),
            interval,
            unit,
            sentence: sentence.span,
            sentence_text: text.to_string(),
            scope,
            attribution: attribution::find_among(&sources, text, found[index].span, speaker, previous),
            line,
            column,
            quantity: q,
        });
    }
    claims
}

/// For a count whose noun the text leaves out ("including five in
/// wheelchairs"), the nearest counted noun of any rule before it in the
/// sentence ("soldiers").
fn elided_noun(q: &Quantity, c: &clause::MentionClause, found: &[Quantity], hits: &[Hit]) -> Option<Span> {
    if c.noun_phrase.is_some() || q.kind != QuantityKind::Count {
        return None;
    }
    hits.iter()
        .filter(|h| h.kind == SignalKind::Noun && h.span.end <= q.span.start)
        .filter(|h| !found.iter().any(|m| m.span.overlaps(h.span)))
        .max_by_key(|h| (h.span.end, std::cmp::Reverse(h.span.start)))
        .map(|h| h.span)
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

//! The shared vocabulary of the pipeline: spans, quantities, claims,
//! findings and diagnostics.
//!
//! Every stage (ingest, segment, extract, align, judge, report) speaks in
//! these types, so they are kept free of behaviour that belongs to a stage.
//! Positions are byte spans into [`crate::ingest::Article::text`]; they become
//! line and column only when a claim is built or a report is printed.

use serde::Serialize;
use std::fmt;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Builds a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// This span moved right by `by` bytes (a sentence-relative span made
    /// article-relative).
    pub fn shift(self, by: usize) -> Self {
        Span::new(self.start + by, self.end + by)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// How a figure is stated in the text, before it is widened to an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Bound {
    #[serde(rename = "=")]
    Exact,
    #[serde(rename = "~")]
    About,
    #[serde(rename = ">")]
    MoreThan,
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<")]
    LessThan,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "range")]
    Range,
    /// "hundreds", "dozens": no single value.
    #[serde(rename = "vague")]
    Vague,
    /// "nearly", "almost", "just under": below the value but close to it.
    /// Written as `<` in the JSON contract; kept apart so that widening
    /// gives `[0.9 N, N)` rather than `[0, N)`.
    #[serde(rename = "<")]
    Nearly,
}

/// The figure as the text gives it: `value` (and `to` for ranges) in the
/// stated `unit` ("four-month-long" is 4 "month").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    pub bound: Bound,
    pub value: Option<f64>,
    pub to: Option<f64>,
    pub unit: String,
}

/// A closed, half-open or unbounded interval of real numbers.
///
/// `None` for an end means unbounded on that side. Invariant: when both ends
/// are present, `low <= high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl Interval {
    /// The single point `[v, v]`.
    pub fn point(v: f64) -> Self {
        Interval::closed(v, v)
    }

    /// `[low, high]`, with the ends swapped if given in the wrong order.
    pub fn closed(low: f64, high: f64) -> Self {
        let (low, high) = if low <= high { (low, high) } else { (high, low) };
        Interval { low: Some(low), high: Some(high), low_inclusive: true, high_inclusive: true }
    }

    /// `(low, inf)` or `[low, inf)`.
    pub fn above(low: f64, inclusive: bool) -> Self {
        Interval { low: Some(low), high: None, low_inclusive: inclusive, high_inclusive: false }
    }

    /// `[0, high)` or `[0, high]`: counts and durations are never negative.
    pub fn up_to(high: f64, inclusive: bool) -> Self {
        Interval { low: Some(0.0), high: Some(high), low_inclusive: true, high_inclusive: inclusive }
    }

    /// True when some number lies in both intervals. Symmetric.
    pub fn overlaps(&self, other: &Interval) -> bool {
        // The larger of the two lows against the smaller of the two highs.
        let (lo, lo_inc) = max_low(self, other);
        let (hi, hi_inc) = min_high(self, other);
        match (lo, hi) {
            (Some(lo), Some(hi)) => lo < hi || (lo == hi && lo_inc && hi_inc),
            _ => true,
        }
    }

    /// True when both ends and their inclusiveness are the same.
    pub fn same_as(&self, other: &Interval) -> bool {
        self == other
    }

    pub fn is_point(&self) -> bool {
        matches!((self.low, self.high), (Some(a), Some(b)) if a == b)
    }
}

fn max_low(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.low, b.low) {
        (None, None) => (None, true),
        (Some(_), None) => (a.low, a.low_inclusive),
        (None, Some(_)) => (b.low, b.low_inclusive),
        (Some(x), Some(y)) if x > y => (a.low, a.low_inclusive),
        (Some(x), Some(y)) if y > x => (b.low, b.low_inclusive),
        _ => (a.low, a.low_inclusive && b.low_inclusive),
    }
}

fn min_high(a: &Interval, b: &Interval) -> (Option<f64>, bool) {
    match (a.high, b.high) {
        (None, None) => (None, true),
        (Some(_), None) => (a.high, a.high_inclusive),
        (None, Some(_)) => (b.high, b.high_inclusive),
        (Some(x), Some(y)) if x < y => (a.high, a.high_inclusive),
        (Some(x), Some(y)) if y < x => (b.high, b.high_inclusive),
        _ => (a.high, a.high_inclusive && b.high_inclusive),
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.low_inclusive && self.low.is_some() { '[' } else { '(' };
        let close = if self.high_inclusive && self.high.is_some() { ']' } else { ')' };
        let end = |v: Option<f64>, inf: &str| match v {
            Some(v) => format_number(v),
            None => inf.to_string(),
        };
        write!(f, "{open}{}, {}{close}", end(self.low, "-inf"), end(self.high, "inf"))
    }
}

/// A number as a person would write it: no trailing ".0", thousands
/// separated by commas.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// What kind of thing a quantity measures, as the extractor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A count of things; the counted noun, if any, is in [`Quantity::noun`].
    Count,
    /// A span of time, normalised to days.
    Duration,
    /// An amount of money in the given ISO currency code ("USD", "EUR").
    Money(String),
    Percent,
    /// A physical or other measure in its own unit ("miles", "tonnes").
    Measure(String),
}

/// The base unit a claim's interval is expressed in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BaseUnit {
    People,
    Days,
    Percent,
    /// Money in an ISO currency code.
    Currency(String),
    /// Anything else: the unit or counted noun as written, lower-cased.
    Other(String),
}

impl fmt::Display for BaseUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BaseUnit::People => f.write_str("people"),
            BaseUnit::Days => f.write_str("days"),
            BaseUnit::Percent => f.write_str("percent"),
            BaseUnit::Currency(code) => f.write_str(code),
            BaseUnit::Other(unit) => f.write_str(unit),
        }
    }
}

impl Serialize for BaseUnit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One quantity mention found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole phrase: modifier, number and unit or counted noun
    /// ("around 14,000 troops").
    pub span: Span,
    /// The phrase as written.
    pub text: String,
    pub stated: Stated,
    /// The stated figure widened with the default approximation band.
    pub interval: Interval,
    pub kind: QuantityKind,
    /// The counted noun as written ("soldiers"), when the text gives one.
    pub noun: Option<String>,
}

/// What a claim counts: the counted noun and the qualifiers of group, place
/// and time that narrow it. Two claims share a finding only when their
/// scopes are compatible.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Scope {
    /// The counted noun, singular and lower-cased ("soldier"); for a noun
    /// the text elides ("five in wheelchairs") the one it refers back to.
    pub noun: Option<String>,
    /// Group and other qualifiers ("North Korean", "from the 528th
    /// Regiment", "in wheelchairs"); places are in `place`.
    pub qualifiers: Vec<String>,
    /// Place phrases ("in Kursk", "to Russia").
    pub place: Vec<String>,
    /// Time frame words ("last year", "during the mission").
    pub time: Option<String>,
    /// Whether the figure is reported as fact or only planned or expected.
    pub modality: Modality,
    /// The lemma of the event word that decided the topic ("kill").
    pub event: Option<String>,
    /// The figure counts part of a group named beside it: "including
    /// five", "six of the injured", "17 of them".
    pub partitive: bool,
    /// Content words of the stretch of sentence around the claim (up to
    /// the neighbouring figures), lower-cased, used for context similarity
    /// when aligning.
    pub context: Words,
}

/// A list of words (each non-empty and without spaces) kept in one string,
/// space-separated: a claim's context words cost one allocation, not one
/// per word. Serialized, compared and printed as the list it holds.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Words {
    joined: String,
}

impl Words {
    /// Room for about `bytes` bytes of words.
    pub fn with_capacity(bytes: usize) -> Words {
        Words { joined: String::with_capacity(bytes) }
    }

    /// Appends one word; `word` must be non-empty and hold no space.
    pub fn push(&mut self, word: &str) {
        self.start_word();
        self.joined.push_str(word);
    }

    /// Appends one word with its ASCII letters lower-cased (for an ASCII
    /// word, what `str::to_lowercase` gives, without a copy of its own).
    pub fn push_ascii_lowercase(&mut self, word: &str) {
        self.start_word();
        let at = self.joined.len();
        self.joined.push_str(word);
        self.joined[at..].make_ascii_lowercase();
    }

    /// Lower-cases the ASCII letters of every word at once: words pushed
    /// as written and lower-cased together cost one pass, not one per word.
    pub fn make_ascii_lowercase(&mut self) {
        self.joined.make_ascii_lowercase();
    }

    fn start_word(&mut self) {
        if !self.joined.is_empty() {
            self.joined.push(' ');
        }
    }

    pub fn is_empty(&self) -> bool {
        self.joined.is_empty()
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &str> + '_ {
        self.joined.split(' ').filter(|w| !w.is_empty())
    }
}

impl<S: AsRef<str>> FromIterator<S> for Words {
    fn from_iter<I: IntoIterator<Item = S>>(words: I) -> Words {
        let mut out = Words::default();
        for w in words {
            out.push(w.as_ref());
        }
        out
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Whether a figure is a reported fact or a plan or forecast: "agreed to
/// send 1,000 engineers" is not a count of engineers sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as having happened (the default).
    #[default]
    Reported,
    /// Agreed, planned, promised: "agreed to send", "will hire".
    Planned,
    /// Forecast or possible: "expected to", "could reach".
    Expected,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Reported => "reported",
            Modality::Planned => "planned",
            Modality::Expected => "expected",
        }
    }
}

impl Scope {
    /// A short human description: noun, qualifiers, place, time frame, and
    /// the modality when the figure is not simply reported.
    pub fn describe(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(noun) = &self.noun {
            parts.push(noun);
        }
        parts.extend(self.qualifiers.iter().map(String::as_str));
        parts.extend(self.place.iter().map(String::as_str));
        if let Some(time) = &self.time {
            parts.push(time);
        }
        if self.modality != Modality::Reported {
            parts.push(self.modality.as_str());
        }
        parts.join(", ")
    }
}

/// A quantity with its meaning: topic, scope, attribution and position.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The article's id (its file stem).
    pub article: String,
    pub quantity: Quantity,
    /// The topic of the rule that claimed it; `None` for quantities no rule
    /// claimed (listed by `facts --all` only).
    pub topic: Option<String>,
    /// The interval in the topic's base unit, with the topic's band.
    pub interval: Interval,
    pub unit: BaseUnit,
    /// The sentence the claim stands in.
    pub sentence: Span,
    /// Its text as written, shared by every claim of the sentence: a run-on
    /// sentence of thousands of figures is stored once, not once per figure.
    pub sentence_text: std::sync::Arc<str>,
    pub scope: Scope,
    /// Who says so, when the text names a source.
    pub attribution: Option<String>,
    /// 1-based line and column (in characters) in the original file.
    pub line: usize,
    pub column: usize,
}

/// The verdict on one finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    // Declared in report order: conflicts first.
    Conflict,
    Compatible,
    SingleSource,
    Agree,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::SingleSource => "single_source",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How serious a diagnostic is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Claims from one or more articles about the same topic and scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// "F1", "F2", ... in report order.
    pub id: String,
    pub topic: String,
    /// A human description of what is counted.
    pub scope: String,
    pub verdict: Verdict,
    /// Sorted by article id, then position.
    pub claims: Vec<Claim>,
    /// For `compatible` and `conflict`: groups of articles that state the
    /// same figure, so the report can say who stands on which side.
    pub sides: Vec<Side>,
}

/// Articles that state one figure within a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub articles: Vec<String>,
    pub interval: Interval,
    /// The figure as the first of these articles writes it.
    pub quantity: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_closed_intervals_overlap() {
        assert!(Interval::closed(1.0, 2.0).overlaps(&Interval::closed(2.0, 3.0)));
    }

    #[test]
    fn open_end_does_not_touch() {
        let more_than_6000 = Interval::above(6000.0, false);
        assert!(!more_than_6000.overlaps(&Interval::up_to(6000.0, true)));
        assert!(more_than_6000.overlaps(&Interval::point(6001.0)));
    }

    #[test]
    fn unbounded_intervals_overlap() {
        assert!(Interval::above(200.0, true).overlaps(&Interval::above(6000.0, false)));
    }

    #[test]
    fn disjoint_points() {
        assert!(!Interval::point(9.0).overlaps(&Interval::point(12.0)));
    }

    #[test]
    fn numbers_format_like_prose() {
        assert_eq!(format_number(14000.0), "14,000");
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(-2500.0), "-2,500");
        assert_eq!(Interval::up_to(93.0, false).to_string(), "[0, 93)");
        assert_eq!(Interval::above(6000.0, false).to_string(), "(6,000, inf)");
    }
}

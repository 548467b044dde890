//! The JSON wire types of the design brief (schema_version 1), kept apart
//! from the internal types so the contract changes only on purpose.
//!
//! Fields may be added (`note` on exclusions, `sides` on findings), never
//! renamed or removed without raising [`SCHEMA_VERSION`]. Whole numbers are
//! written as JSON integers ("value": 9, not 9.0), others as decimals.

use crate::ingest::Article;
use crate::lint::{Diagnostic, LintReport};
use crate::model::{BaseUnit, Bound, Claim, Finding, Interval, Side, Stated, Verdict};
use crate::pipeline::Report;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct JsonExcluded<'a> {
    pub reason: &'static str,
    pub start_line: usize,
    pub end_line: usize,
    pub note: &'a str,
}

#[derive(Serialize)]
pub struct JsonArticle<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub date: Option<&'a str>,
    pub excluded: Vec<JsonExcluded<'a>>,
}

impl<'a> From<&'a Article> for JsonArticle<'a> {
    fn from(a: &'a Article) -> Self {
        JsonArticle {
            id: &a.id,
            path: &a.path,
            outlet: a.outlet.as_deref(),
            title: a.title.as_deref(),
            date: a.date.as_deref(),
            excluded: a
                .excluded
                .iter()
                .map(|e| JsonExcluded {
                    reason: e.reason.as_str(),
                    start_line: e.start_line,
                    end_line: e.end_line,
                    note: &e.note,
                })
                .collect(),
        }
    }
}

/// A number as JSON: an integer when it is whole, a decimal otherwise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JsonNumber(pub f64);

impl Serialize for JsonNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Integers are exact in an f64 up to 2^53.
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

fn number(v: Option<f64>) -> Option<JsonNumber> {
    v.filter(|v| v.is_finite()).map(JsonNumber)
}

/// The figure as stated: `bound`, `value`, `to`, `unit`.
#[derive(Serialize)]
pub struct JsonStated<'a> {
    pub bound: Bound,
    pub value: Option<JsonNumber>,
    pub to: Option<JsonNumber>,
    pub unit: &'a str,
}

impl<'a> From<&'a Stated> for JsonStated<'a> {
    fn from(s: &'a Stated) -> Self {
        JsonStated { bound: s.bound, value: number(s.value), to: number(s.to), unit: &s.unit }
    }
}

#[derive(Serialize)]
pub struct JsonClaim<'a> {
    pub article: &'a str,
    pub quantity: &'a str,
    pub text: &'a str,
    pub stated: JsonStated<'a>,
    pub low: Option<JsonNumber>,
    pub high: Option<JsonNumber>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    pub unit: &'a BaseUnit,
    pub attribution: Option<&'a str>,
    pub line: usize,
    pub column: usize,
}

impl<'a> From<&'a Claim> for JsonClaim<'a> {
    fn from(c: &'a Claim) -> Self {
        JsonClaim {
            article: &c.article,
            quantity: &c.quantity.text,
            text: &c.sentence_text,
            stated: JsonStated::from(&c.quantity.stated),
            low: number(c.interval.low),
            high: number(c.interval.high),
            low_inclusive: c.interval.low_inclusive,
            high_inclusive: c.interval.high_inclusive,
            unit: &c.unit,
            attribution: c.attribution.as_deref(),
            line: c.line,
            column: c.column,
        }
    }
}

/// Who stands on which side of a compatible or conflicting finding.
#[derive(Serialize)]
pub struct JsonSide<'a> {
    pub articles: &'a [String],
    pub quantity: &'a str,
    pub low: Option<JsonNumber>,
    pub high: Option<JsonNumber>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl<'a> From<&'a Side> for JsonSide<'a> {
    fn from(s: &'a Side) -> Self {
        let Interval { low, high, low_inclusive, high_inclusive } = s.interval;
        JsonSide { articles: &s.articles, quantity: &s.quantity, low: number(low), high: number(high), low_inclusive, high_inclusive }
    }
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub scope: &'a str,
    pub verdict: Verdict,
    pub claims: Vec<JsonClaim<'a>>,
    /// Empty for `agree` and `single_source`.
    pub sides: Vec<JsonSide<'a>>,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsonFinding {
            id: &f.id,
            topic: &f.topic,
            scope: &f.scope,
            verdict: f.verdict,
            claims: f.claims.iter().map(JsonClaim::from).collect(),
            sides: f.sides.iter().map(JsonSide::from).collect(),
        }
    }
}

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub schema_version: u32,
    pub articles: Vec<JsonArticle<'a>>,
    pub findings: Vec<JsonFinding<'a>>,
}

/// `concord compare --format json`.
pub fn compare(report: &Report) -> String {
    let json = JsonReport {
        schema_version: SCHEMA_VERSION,
        articles: report.articles.iter().map(JsonArticle::from).collect(),
        findings: report.findings.iter().map(JsonFinding::from).collect(),
    };
    // Room for the whole report up front, so that a large one is not
    // copied each time its buffer grows: each claim takes its sentence
    // and some 600 bytes of fields, each article some 250.
    let claims = report.findings.iter().flat_map(|f| &f.claims);
    let size = report.articles.len() * 256 + claims.map(|c| c.sentence_text.len() + 640).sum::<usize>();
    to_string_sized(&json, size)
}

#[derive(Serialize)]
pub struct JsonFact<'a> {
    #[serde(flatten)]
    pub claim: JsonClaim<'a>,
    pub topic: Option<&'a str>,
    pub scope: String,
}

#[derive(Serialize)]
pub struct JsonFacts<'a> {
    pub schema_version: u32,
    pub article: JsonArticle<'a>,
    pub claims: Vec<JsonFact<'a>>,
}

/// `concord facts --format json`.
pub fn facts(article: &Article, claims: &[Claim]) -> String {
    let json = JsonFacts {
        schema_version: SCHEMA_VERSION,
        article: JsonArticle::from(article),
        claims: claims
            .iter()
            .map(|c| JsonFact { claim: JsonClaim::from(c), topic: c.topic.as_deref(), scope: c.scope.describe() })
            .collect(),
    };
    to_string(&json)
}

#[derive(Serialize)]
pub struct JsonEvidence<'a> {
    pub article: &'a str,
    pub outlet: &'a str,
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub quantity: &'a str,
    /// `agrees`, `compatible` or `contradicts`: how the reference stands
    /// towards the draft's figure.
    pub relation: &'static str,
}

#[derive(Serialize)]
pub struct JsonDiagnostic<'a> {
    pub severity: &'static str,
    pub code: &'static str,
    pub topic: Option<&'a str>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub quantity: &'a str,
    pub message: &'a str,
    pub evidence: Vec<JsonEvidence<'a>>,
    /// Suppressed diagnostics are listed, never dropped, and do not count
    /// toward `--fail-on`.
    pub suppressed: bool,
    /// The reason written in the suppression comment.
    pub suppression_reason: Option<&'a str>,
}

#[derive(Serialize)]
pub struct JsonSummary {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    pub suppressed: usize,
}

#[derive(Serialize)]
pub struct JsonLint<'a> {
    pub schema_version: u32,
    /// The draft's path as given.
    pub draft: &'a str,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    pub summary: JsonSummary,
}

impl<'a> From<&'a Diagnostic> for JsonDiagnostic<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            severity: d.severity.as_str(),
            code: d.code.as_str(),
            topic: d.topic.as_deref(),
            line: d.location.line,
            column: d.location.column,
            end_line: d.location.end_line,
            end_column: d.location.end_column,
            quantity: &d.quantity,
            message: &d.message,
            evidence: d
                .evidence
                .iter()
                .map(|e| JsonEvidence {
                    article: &e.article,
                    outlet: &e.outlet,
                    path: &e.path,
                    line: e.location.line,
                    column: e.location.column,
                    quantity: &e.quantity,
                    relation: e.relation.as_str(),
                })
                .collect(),
            suppressed: d.suppressed.is_some(),
            suppression_reason: d.suppressed.as_deref(),
        }
    }
}

/// `concord lint --format json`.
pub fn lint(report: &LintReport) -> String {
    let counts = report.counts();
    let json = JsonLint {
        schema_version: SCHEMA_VERSION,
        draft: &report.draft.path,
        diagnostics: report.diagnostics.iter().map(JsonDiagnostic::from).collect(),
        summary: JsonSummary {
            errors: counts.errors,
            warnings: counts.warnings,
            info: counts.info,
            suppressed: counts.suppressed,
        },
    };
    to_string(&json)
}

fn to_string<T: Serialize>(value: &T) -> String {
    to_string_sized(value, 4096)
}

/// Pretty JSON and a final newline, in a buffer of `size` bytes to start.
fn to_string_sized<T: Serialize>(value: &T, size: usize) -> String {
    let mut out = Vec::with_capacity(size);
    serde_json::to_writer_pretty(&mut out, value).expect("report types serialise");
    out.push(b'\n');
    // serde_json writes valid UTF-8 only.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_integers() {
        let cases = [(9.0, "9"), (1_500_000.0, "1500000"), (0.9 * 14000.0, "12600"), (1.5, "1.5"), (-3.0, "-3")];
        for (value, expected) in cases {
            assert_eq!(serde_json::to_string(&JsonNumber(value)).unwrap(), expected, "{value}");
        }
    }

    #[test]
    fn unbounded_ends_are_null() {
        let stated = Stated { bound: Bound::MoreThan, value: Some(6000.0), to: None, unit: "soldiers".into() };
        let json = serde_json::to_value(JsonStated::from(&stated)).unwrap();
        assert_eq!(json, serde_json::json!({ "bound": ">", "value": 6000, "to": null, "unit": "soldiers" }));
        assert_eq!(number(Some(f64::INFINITY)), None);
        assert_eq!(number(None), None);
    }
}

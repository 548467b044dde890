//! The JSON wire types of the design brief (schema_version 1), kept apart
//! from the internal types so the contract changes only on purpose.

use crate::ingest::Article;
use crate::lint::{Diagnostic, LintReport};
use crate::model::{BaseUnit, Claim, Finding, Stated, Verdict};
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

#[derive(Serialize)]
pub struct JsonClaim<'a> {
    pub article: &'a str,
    pub quantity: &'a str,
    pub text: &'a str,
    pub stated: &'a Stated,
    pub low: Option<f64>,
    pub high: Option<f64>,
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
            stated: &c.quantity.stated,
            low: c.interval.low,
            high: c.interval.high,
            low_inclusive: c.interval.low_inclusive,
            high_inclusive: c.interval.high_inclusive,
            unit: &c.unit,
            attribution: c.attribution.as_deref(),
            line: c.line,
            column: c.column,
        }
    }
}

#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub id: &'a str,
    pub topic: &'a str,
    pub scope: &'a str,
    pub verdict: Verdict,
    pub claims: Vec<JsonClaim<'a>>,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsonFinding {
            id: &f.id,
            topic: &f.topic,
            scope: &f.scope,
            verdict: f.verdict,
            claims: f.claims.iter().map(JsonClaim::from).collect(),
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
    to_string(&json)
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
    let mut s = serde_json::to_string_pretty(value).expect("report types serialise");
    s.push('\n');
    s
}

//! Lint: a draft's claims checked against reference articles.
//!
//! Each topical claim of the draft is aligned with the references' claims
//! the same way `compare` aligns articles, then judged: contradicted is an
//! error, compatible but worded differently a warning, reported by no
//! reference a warning, supported by one reference only an info.

use crate::ingest::Article;
use crate::model::{Claim, Severity};
use crate::rules::RuleSet;
use crate::{align, pipeline};
use serde::Serialize;

/// What a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Conflict,
    Variation,
    Unsupported,
    SingleSource,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Conflict => "conflict",
            Code::Variation => "variation",
            Code::Unsupported => "unsupported",
            Code::SingleSource => "single_source",
        }
    }
}

/// A reference claim cited as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub article: String,
    /// The outlet name, or the article id when the article names none.
    pub outlet: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub quantity: String,
    pub sentence: String,
}

/// One finding about one claim of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub claim: Claim,
    pub message: String,
    pub evidence: Vec<Evidence>,
    /// The reason an editor gave for suppressing it, if suppressed.
    pub suppressed: Option<String>,
}

/// The lint of one draft.
#[derive(Debug, Clone)]
pub struct LintReport {
    pub draft: Article,
    pub references: Vec<Article>,
    /// Sorted by position in the draft.
    pub diagnostics: Vec<Diagnostic>,
}

impl LintReport {
    /// The most severe diagnostic that is not suppressed.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().filter(|d| d.suppressed.is_none()).map(|d| d.severity).max()
    }
}

/// Lints `draft` against `references`.
pub fn lint(draft: Article, mut references: Vec<Article>, rules: &RuleSet) -> LintReport {
    references.sort_by(|a, b| a.id.cmp(&b.id));
    let draft_claims: Vec<Claim> =
        pipeline::facts(&draft, rules).into_iter().filter(|c| c.topic.is_some()).collect();
    let mut all = draft_claims.clone();
    all.extend(references.iter().flat_map(|a| pipeline::facts(a, rules)));
    let clusters = align::align(&all);
    let mut diagnostics = Vec::new();
    for claim in draft_claims {
        let cluster = clusters.iter().find(|c| c.claims.iter().any(|c| c == &claim));
        let refs: Vec<&Claim> = cluster
            .map(|c| c.claims.iter().filter(|c| c.article != draft.id).collect())
            .unwrap_or_default();
        if let Some(d) = diagnose(&claim, &refs, &references) {
            diagnostics.push(d);
        }
    }
    diagnostics.sort_by_key(|d| d.claim.quantity.span);
    LintReport { draft, references, diagnostics }
}

fn diagnose(claim: &Claim, refs: &[&Claim], articles: &[Article]) -> Option<Diagnostic> {
    let evidence: Vec<Evidence> = refs.iter().map(|r| evidence(r, articles)).collect();
    let topic = claim.topic.as_deref().unwrap_or("");
    let (severity, code, message) = if refs.is_empty() {
        (Severity::Warning, Code::Unsupported, format!("{topic}: \"{}\" is reported by no reference", claim.quantity.text))
    } else if refs.iter().any(|r| !r.interval.overlaps(&claim.interval)) {
        (Severity::Error, Code::Conflict, format!("{topic}: \"{}\" is contradicted by the references", claim.quantity.text))
    } else if refs.iter().any(|r| !r.interval.same_as(&claim.interval)) {
        (Severity::Warning, Code::Variation, format!("{topic}: \"{}\" is compatible with the references but worded differently", claim.quantity.text))
    } else {
        let mut outlets: Vec<&str> = evidence.iter().map(|e| e.outlet.as_str()).collect();
        outlets.dedup();
        if outlets.len() != 1 {
            return None;
        }
        (Severity::Info, Code::SingleSource, format!("{topic}: \"{}\" is supported only by {}", claim.quantity.text, outlets[0]))
    };
    Some(Diagnostic { severity, code, claim: claim.clone(), message, evidence, suppressed: None })
}

fn evidence(claim: &Claim, articles: &[Article]) -> Evidence {
    let article = articles.iter().find(|a| a.id == claim.article);
    Evidence {
        article: claim.article.clone(),
        outlet: article.map_or_else(|| claim.article.clone(), |a| a.display_name().to_string()),
        path: article.map_or_else(String::new, |a| a.path.clone()),
        line: claim.line,
        column: claim.column,
        quantity: claim.quantity.text.clone(),
        sentence: claim.sentence_text.clone(),
    }
}

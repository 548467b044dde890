//! Lint: a draft's claims checked against reference articles before
//! publication.
//!
//! Each topical claim of the draft is placed by the shared aligner among the
//! references' claims, exactly as `compare` would place it, so a draft's
//! "nine soldiers of the regiment" meets the regiment's dead and not the
//! war's total. The claim is then judged against the reference claims it
//! landed with ([`decide`]): contradicted is an error, compatible but worded
//! differently a warning, reported by no reference a warning, supported by
//! one outlet only an info. Suppression comments in the draft
//! ([`suppress`]) mark diagnostics as suppressed; they are still reported.

pub mod decide;
pub mod suppress;

pub use decide::{Code, Relation};

use crate::ingest::Article;
use crate::model::{Claim, Severity, Span};
use crate::rules::RuleSet;
use crate::{align, pipeline};
use decide::Stance;
use suppress::Suppressions;

/// What the caller may tune.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Topics whose claims the draft is not checked for.
    pub skip_topics: Vec<String>,
}

/// A reference claim cited as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub article: String,
    /// The outlet name, or the article id when the article names none.
    pub outlet: String,
    pub path: String,
    pub relation: Relation,
    pub location: Location,
    pub quantity: String,
    /// The sentence the reference's claim stands in.
    pub sentence: String,
}

/// Where something is, 1-based, columns in characters; the end is the
/// position just after the last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    /// The location of a byte span of an article.
    pub fn of(article: &Article, span: Span) -> Location {
        let (line, column) = article.line_col(span.start);
        let (end_line, end_column) = article.line_col(span.end);
        Location { line, column, end_line, end_column }
    }
}

/// One finding about the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// `None` for problems that are not about a claim (a broken suppression).
    pub topic: Option<String>,
    /// Byte span in the draft: the quantity, or the suppression comment.
    pub span: Span,
    pub location: Location,
    /// The quantity as written (or the comment).
    pub quantity: String,
    pub message: String,
    /// Every reference claim about the same topic and scope, in article
    /// and text order.
    pub evidence: Vec<Evidence>,
    /// The reason an editor gave for suppressing it, if suppressed.
    pub suppressed: Option<String>,
}

/// The lint of one draft.
#[derive(Debug, Clone)]
pub struct LintReport {
    pub draft: Article,
    /// Sorted by id.
    pub references: Vec<Article>,
    /// Sorted by position in the draft, then code.
    pub diagnostics: Vec<Diagnostic>,
    /// The buckets of the references' claims that alignment could only
    /// align under its limit of groups; the command prints each as a
    /// warning.
    pub limits: Vec<align::Limit>,
}

/// How many diagnostics of each kind a report holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    /// Suppressed diagnostics, which the other counts leave out.
    pub suppressed: usize,
}

impl Diagnostic {
    /// Each reference article's stance on the draft's figure: the evidence
    /// of its claim closest to it, one per article, in article order.
    pub fn stances(&self) -> Vec<&Evidence> {
        best_per_article(&self.evidence)
    }
}

impl LintReport {
    /// The most severe diagnostic that is not suppressed.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().filter(|d| d.suppressed.is_none()).map(|d| d.severity).max()
    }

    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for d in &self.diagnostics {
            match (&d.suppressed, d.severity) {
                (Some(_), _) => counts.suppressed += 1,
                (None, Severity::Error) => counts.errors += 1,
                (None, Severity::Warning) => counts.warnings += 1,
                (None, Severity::Info) => counts.info += 1,
            }
        }
        counts
    }
}

/// Lints `draft` against `references`.
pub fn lint(draft: Article, mut references: Vec<Article>, rules: &RuleSet, options: &Options) -> LintReport {
    references.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    let topics: Vec<&str> = rules.rules().iter().map(|r| r.topic.as_str()).collect();
    let suppressions = Suppressions::parse(&draft, &topics);
    let reference_claims: Vec<Claim> =
        references.iter().flat_map(|a| pipeline::facts(a, rules)).filter(|c| c.topic.is_some()).collect();
    let alignment = align::align_with_rules(&reference_claims, rules);
    let sources = Sources { findings: alignment.clusters, claims: &reference_claims, references: &references };
    let mut diagnostics: Vec<Diagnostic> = draft_claims(&draft, rules, options, &suppressions)
        .iter()
        .filter_map(|claim| check_claim(&draft, claim, &sources, rules))
        .collect();
    apply_suppressions(&draft, &suppressions, &mut diagnostics);
    diagnostics.sort_by_key(|d| (d.location, d.code));
    LintReport { draft, references, diagnostics, limits: alignment.limits }
}

/// Marks the diagnostics the draft's comments suppress, and adds one for
/// every comment that cannot be honoured or covers nothing.
fn apply_suppressions(draft: &Article, suppressions: &Suppressions, diagnostics: &mut Vec<Diagnostic>) {
    let mut used = vec![false; suppressions.len()];
    for d in diagnostics.iter_mut() {
        let covering = suppressions.covering(d.span, d.location.line, d.topic.as_deref());
        for &i in &covering {
            used[i] = true;
        }
        d.suppressed = covering.first().map(|&i| suppressions.reason(i).to_string());
    }
    let invalid = suppressions.problems.iter().map(|p| problem_diagnostic(draft, p, Code::InvalidSuppression));
    diagnostics.extend(invalid);
    let unused = suppressions.unused(draft, &used).map(|p| problem_diagnostic(draft, &p, Code::UnusedSuppression));
    diagnostics.extend(unused);
}

/// The article id the draft's claims carry while they are aligned.
///
/// The aligner takes claims in (article id, position) order and each joins
/// the best cluster formed so far. An id that sorts after every reference
/// lets the references' findings form first, so a draft figure is placed
/// among all of them rather than seeding a finding of its own before the
/// references it should join have been seen. It also tells the draft's
/// claim from the references' whatever the files are called.
const DRAFT_ID: &str = "\u{10FFFF}draft";

/// The draft's claims to check: topical, not skipped, and not inside an
/// HTML comment (invisible once rendered, so not the draft's reporting).
fn draft_claims(draft: &Article, rules: &RuleSet, options: &Options, suppressions: &Suppressions) -> Vec<Claim> {
    pipeline::facts(draft, rules)
        .into_iter()
        .filter(|c| c.topic.as_ref().is_some_and(|t| !options.skip_topics.contains(t)))
        .filter(|c| !suppressions.in_comment(c.quantity.span.start))
        .map(|c| Claim { article: DRAFT_ID.to_string(), ..c })
        .collect()
}

/// What the draft is checked against: the references, their claims, and
/// the findings those claims form on their own (what `compare` reports
/// for the references).
struct Sources<'a> {
    findings: Vec<align::Cluster>,
    claims: &'a [Claim],
    references: &'a [Article],
}

/// Places one draft claim among the references' claims and judges it
/// against the findings it lands in.
///
/// Each draft claim is aligned on its own, with the references only, so
/// that the draft's other claims cannot pull reference claims together or
/// apart. The claim's evidence is then every claim of the references'
/// own findings that it landed with: a draft figure joining part of a
/// finding (the aligner's second pass can leave a finding split once a
/// draft claim has joined one of its pieces) is still judged against the
/// whole finding, so the verdict depends on the figure and the sources,
/// not on how the draft perturbs their alignment.
fn check_claim(draft: &Article, claim: &Claim, sources: &Sources<'_>, rules: &RuleSet) -> Option<Diagnostic> {
    let mut claims = sources.claims.to_vec();
    claims.push(claim.clone());
    let clusters = align::align_with_rules(&claims, rules).clusters;
    let is_this = |c: &Claim| c.article == DRAFT_ID && c.quantity.span == claim.quantity.span;
    let landed: Vec<&Claim> = clusters
        .iter()
        .find(|cluster| cluster.claims.iter().any(is_this))
        .map(|cluster| cluster.claims.iter().filter(|c| c.article != DRAFT_ID).collect())
        .unwrap_or_default();
    let same = |a: &Claim, b: &Claim| a.article == b.article && a.quantity.span == b.quantity.span;
    let peers: Vec<&Claim> = sources
        .findings
        .iter()
        .filter(|finding| finding.claims.iter().any(|c| landed.iter().any(|l| same(c, l))))
        .flat_map(|finding| finding.claims.iter())
        .collect();
    diagnose(draft, claim, &peers, sources.references)
}

/// Judges one draft claim against the reference claims aligned with it.
fn diagnose(draft: &Article, claim: &Claim, peers: &[&Claim], references: &[Article]) -> Option<Diagnostic> {
    let evidence = cite(claim, peers, references);
    let best = best_per_article(&evidence);
    let stances: Vec<Stance<'_>> =
        best.iter().map(|e| Stance { outlet: &e.outlet, quantity: &e.quantity, relation: e.relation }).collect();
    let topic = claim.topic.clone().unwrap_or_default();
    let decision = decide::decide(&topic, &claim.quantity.text, &stances)?;
    Some(Diagnostic {
        severity: decision.code.severity(),
        code: decision.code,
        topic: Some(topic),
        span: claim.quantity.span,
        location: Location::of(draft, claim.quantity.span),
        quantity: claim.quantity.text.clone(),
        message: decision.message,
        evidence,
        suppressed: None,
    })
}

/// Every reference claim the aligner put beside the draft's, with how it
/// stands towards the draft's figure, in article and text order.
fn cite(claim: &Claim, peers: &[&Claim], references: &[Article]) -> Vec<Evidence> {
    let mut peers = peers.to_vec();
    peers.sort_by(|a, b| (&a.article, a.quantity.span).cmp(&(&b.article, b.quantity.span)));
    peers.iter().map(|peer| evidence(peer, Relation::between(&claim.interval, &peer.interval), references)).collect()
}

/// Each reference article's stance: that of its claim closest to the
/// draft's figure. An article that states the draft's figure supports it,
/// even if the aligner also put another of its figures beside it (a
/// reference that contradicts itself is `compare`'s business).
fn best_per_article(evidence: &[Evidence]) -> Vec<&Evidence> {
    let mut best: Vec<&Evidence> = Vec::new();
    for e in evidence {
        match best.iter_mut().find(|b| b.article == e.article) {
            Some(slot) if e.relation < slot.relation => *slot = e,
            Some(_) => {}
            None => best.push(e),
        }
    }
    best
}

fn evidence(claim: &Claim, relation: Relation, references: &[Article]) -> Evidence {
    let article = references.iter().find(|a| a.id == claim.article);
    let location = match article {
        Some(a) => Location::of(a, claim.quantity.span),
        None => Location {
            line: claim.line,
            column: claim.column,
            end_line: claim.line,
            end_column: claim.column + claim.quantity.text.chars().count(),
        },
    };
    Evidence {
        article: claim.article.clone(),
        outlet: article.map_or_else(|| claim.article.clone(), |a| a.display_name().to_string()),
        path: article.map_or_else(String::new, |a| a.path.clone()),
        relation,
        location,
        quantity: claim.quantity.text.clone(),
        sentence: claim.sentence_text.to_string(),
    }
}

fn problem_diagnostic(draft: &Article, problem: &suppress::Problem, code: Code) -> Diagnostic {
    Diagnostic {
        severity: code.severity(),
        code,
        topic: None,
        span: problem.span,
        location: Location::of(draft, problem.span),
        quantity: problem.text.clone(),
        message: problem.message.clone(),
        evidence: Vec::new(),
        suppressed: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, Interval, Quantity, QuantityKind, Scope, Stated};

    /// A hand-built deaths claim of `article` stating `interval`, written
    /// `text`, at byte `at` of a one-line article.
    fn claim(article: &str, text: &str, interval: Interval, at: usize) -> Claim {
        let span = Span::new(at, at + text.len());
        Claim {
            article: article.to_string(),
            quantity: Quantity {
                span,
                text: text.to_string(),
                stated: Stated { bound: Bound::Exact, value: interval.low, to: None, unit: "people".into() },
                interval,
                kind: QuantityKind::Count,
                noun: None,
            },
            topic: Some("deaths".into()),
            interval,
            unit: crate::model::BaseUnit::People,
            sentence: Span::new(0, at + text.len()),
            sentence_text: "".into(),
            scope: Scope::default(),
            attribution: None,
            line: 1,
            column: at + 1,
        }
    }

    fn article(id: &str) -> Article {
        Article::from_text(id, &format!("{id}.txt"), format!("{} killed\n", "x ".repeat(20)), vec![])
    }

    fn judge(draft: Interval, peers: &[Claim]) -> Option<(Code, String, usize)> {
        let refs: Vec<Article> = ["a", "b", "c"].into_iter().map(article).collect();
        let draft_article = article("draft");
        let claim = claim("draft", "9", draft, 0);
        let peers: Vec<&Claim> = peers.iter().collect();
        diagnose(&draft_article, &claim, &peers, &refs).map(|d| (d.code, d.message, d.evidence.len()))
    }

    #[test]
    fn decisions_on_hand_built_claims() {
        let nine = Interval::point(9.0);
        let about_nine = Interval::closed(8.1, 9.9);
        let twelve = Interval::point(12.0);
        let cases: Vec<(&str, Vec<Claim>, Option<Code>)> = vec![
            ("no peer", vec![], Some(Code::Unsupported)),
            ("two agree", vec![claim("a", "nine", nine, 2), claim("b", "9", nine, 4)], None),
            ("one agrees", vec![claim("a", "nine", nine, 2)], Some(Code::SingleSource)),
            ("one article repeats", vec![claim("a", "nine", nine, 2), claim("a", "9", nine, 8)], Some(Code::SingleSource)),
            ("compatible only", vec![claim("a", "about 9", about_nine, 2), claim("b", "about 9", about_nine, 2)], Some(Code::Variation)),
            ("agree and compatible", vec![claim("a", "9", nine, 2), claim("b", "about 9", about_nine, 2)], None),
            ("mixed", vec![claim("a", "9", nine, 2), claim("b", "9", nine, 2), claim("c", "12", twelve, 2)], Some(Code::Conflict)),
            // An article that states the draft's figure supports it, even if
            // another of its figures was aligned alongside.
            ("best of an article", vec![claim("a", "9", nine, 2), claim("a", "12", twelve, 8), claim("b", "9", nine, 2)], None),
        ];
        for (name, peers, expected) in cases {
            assert_eq!(judge(nine, &peers).map(|d| d.0), expected, "{name}");
        }
    }

    #[test]
    fn a_mixed_case_says_who_agrees_and_who_not_and_cites_every_claim() {
        let nine = Interval::point(9.0);
        let peers = [claim("c", "12", Interval::point(12.0), 2), claim("a", "nine", nine, 2), claim("b", "9", nine, 2), claim("b", "nine", nine, 6)];
        let (code, message, cited) = judge(nine, &peers).unwrap();
        assert_eq!(code, Code::Conflict);
        assert_eq!(message, "deaths: \"9\" is contradicted by c (\"12\"); a and b say the same");
        assert_eq!(cited, 4);
    }

    #[test]
    fn an_open_bound_contradicts_a_figure_below_it() {
        let more_than_500 = Interval::above(500.0, false);
        let peers = [claim("a", "about 300", Interval::closed(270.0, 330.0), 2), claim("b", "300-400", Interval::closed(300.0, 400.0), 2)];
        assert_eq!(judge(more_than_500, &peers).map(|d| d.0), Some(Code::Conflict));
    }
}

//! Expectations against a small hand-built report.

use super::*;
use crate::ingest::{Article, Excluded, ExclusionReason};
use crate::model::{BaseUnit, Bound, Interval, Quantity, QuantityKind, Scope, Span, Stated};

const A: &str = "A headline on the 13th meeting\nNine soldiers died and 15,000 troops went.\nComments: 5 readers agree\n";
const B: &str = "Officials said nine soldiers died.\n";

fn claim(article: &Article, line: usize, text: &str, value: f64) -> Claim {
    let line_span = article.line_span(line).unwrap();
    let at = line_span.start + article.text[line_span.start..line_span.end].find(text).unwrap();
    let (line, column) = article.line_col(at);
    Claim {
        article: article.id.clone(),
        quantity: Quantity {
            span: Span::new(at, at + text.len()),
            text: text.into(),
            stated: Stated { bound: Bound::Exact, value: Some(value), to: None, unit: String::new() },
            interval: Interval::point(value),
            kind: QuantityKind::Count,
            noun: None,
        },
        topic: Some("deaths".into()),
        interval: Interval::point(value),
        unit: BaseUnit::People,
        sentence: line_span,
        sentence_text: article.text[line_span.start..line_span.end].into(),
        scope: Scope::default(),
        attribution: None,
        line,
        column,
    }
}

fn finding(id: &str, verdict: Verdict, claims: Vec<Claim>) -> Finding {
    Finding { id: id.into(), topic: "deaths".into(), scope: String::new(), verdict, claims, sides: Vec::new() }
}

/// Articles a and b; F1 holds both "nine", F2 the troops; line 3 of a is
/// excluded.
fn report() -> Report {
    let mut a = Article::from_text("a", "a.txt", A.into(), vec![]);
    let line3 = a.line_span(3).unwrap();
    a.excluded = vec![Excluded { reason: ExclusionReason::ReaderComments, span: line3, start_line: 3, end_line: 3, note: String::new() }];
    let b = Article::from_text("b", "b.txt", B.into(), vec![]);
    let findings = vec![
        finding("F1", Verdict::Agree, vec![claim(&a, 2, "Nine soldiers", 9.0), claim(&b, 1, "nine soldiers", 9.0)]),
        finding("F2", Verdict::SingleSource, vec![claim(&a, 2, "15,000 troops", 15000.0)]),
    ];
    Report { articles: vec![a, b], findings, limits: vec![] }
}

fn unmet(report: &Report, toml: &str) -> Vec<String> {
    check(report, Path::new("x.toml"), toml).unwrap().unmet.into_iter().map(|u| u.0).collect()
}

const ALL_MET: &str = r#"
max_conflicts = 0

[[finding]]
topic = "deaths"
verdict = ["agree", "compatible"]
claims = [
  { article = "a", line = 2, quantity = "nine" },
  { article = "b", line = 1, quantity = "NINE" },
]

[[apart]]
why = "different things"
a = { article = "a", line = 2, quantity = "nine" }
b = { article = "a", line = 2, quantity = "15,000" }

[[excluded]]
article = "a"
from_line = 3
to_line = 4

[[not_quantity]]
article = "a"
line = 1
text = "13th"
"#;

#[test]
fn a_report_that_meets_everything() {
    let outcome = check(&report(), Path::new("x.toml"), ALL_MET).unwrap();
    assert_eq!(outcome.unmet, vec![]);
    assert_eq!(outcome.checked, 5);
}

#[test]
fn whole_word_matching() {
    let cases = [
        ("15,000 troops", "5,000", false),
        ("5,000 workers", "5,000", true),
        ("ninety soldiers", "nine", false),
        ("Nine soldiers", "nine", true),
        ("four\u{2011}month\u{2011}long", "four-month", true),
        ("1.5 million", "5", false),
        ("about 14,000", "14,000", true),
        ("120-day", "120", true),
        ("a 1,000", "000", false),
        ("Kim\u{2019}s nine", "kim's nine", true),
        ("", "nine", false),
    ];
    for (haystack, needle, expected) in cases {
        assert_eq!(contains_words(haystack, needle), expected, "{needle:?} in {haystack:?}");
    }
}

#[test]
fn claims_split_across_findings() {
    let toml = r#"
[[finding]]
verdict = ["agree"]
claims = [{ article = "a", line = 2, quantity = "nine" }, { article = "a", line = 2, quantity = "15,000" }]
"#;
    assert_eq!(
        unmet(&report(), toml),
        vec![r#"finding #1: its claims are split across findings: a:2 "nine" in F1; a:2 "15,000" in F2"#]
    );
}

#[test]
fn a_claim_in_no_finding() {
    let toml = r#"
[[finding]]
topic = "deaths"
scope = "the unit"
verdict = ["agree"]
claims = [{ article = "b", line = 2, quantity = "nine" }]
"#;
    assert_eq!(unmet(&report(), toml), vec![r#"finding #1 (deaths: the unit): claim b:2 "nine" is in no finding"#]);
}

#[test]
fn a_wrong_verdict() {
    let toml = r#"
[[finding]]
verdict = ["compatible"]
claims = [{ article = "b", line = 1, quantity = "nine soldiers" }]
"#;
    assert_eq!(unmet(&report(), toml), vec!["finding #1: F1 is agree, expected compatible"]);
}

#[test]
fn claims_that_should_be_apart() {
    let toml = r#"
[[apart]]
a = { article = "a", line = 2, quantity = "nine" }
b = { article = "b", line = 1, quantity = "nine" }
"#;
    assert_eq!(unmet(&report(), toml), vec![r#"a:2 "nine" and b:1 "nine" share F1, expected apart"#]);
}

#[test]
fn exclusions_must_be_listed_and_empty() {
    let toml = r#"
[[excluded]]
article = "a"
from_line = 1
to_line = 2
reason = "caption"
"#;
    assert_eq!(
        unmet(&report(), toml),
        vec![
            "excluded region a:1-2 (caption): not listed as excluded".to_string(),
            r#"excluded region a:1-2 (caption): claims taken from it: "Nine soldiers" (line 2, F1), "15,000 troops" (line 2, F2)"#.to_string(),
        ]
    );
}

#[test]
fn a_claim_built_on_text_that_is_not_a_quantity() {
    let toml = r#"
[[not_quantity]]
article = "a"
line = 2
text = "15,000"
"#;
    assert_eq!(unmet(&report(), toml), vec![r#"a:2 "15,000" is not a quantity, but claims were built on it: "15,000 troops" in F2"#]);
}

#[test]
fn too_many_conflicts() {
    let mut r = report();
    r.findings[0].verdict = Verdict::Conflict;
    assert_eq!(unmet(&r, "max_conflicts = 0\n"), vec!["1 conflicts (F1), at most 0 expected"]);
}

#[test]
fn an_unknown_key_names_file_line_and_key() {
    let toml = "max_conflicts = 0\n\n[[finding]]\nverdict = [\"agree\"]\nclaims = []\nsource = \"x\"\n";
    let err = check(&report(), Path::new("exp.toml"), toml).unwrap_err().to_string();
    assert!(err.starts_with("exp.toml:6:1:"), "{err}");
    assert!(err.contains("unknown field `source`"), "{err}");
}

#[test]
fn an_unknown_verdict_is_an_error() {
    let toml = "[[finding]]\nverdict = [\"agreed\"]\nclaims = []\n";
    let err = check(&report(), Path::new("exp.toml"), toml).unwrap_err().to_string();
    assert!(err.starts_with("exp.toml:2:"), "{err}");
    assert!(err.contains("agreed"), "{err}");
}

//! `compare --expect FILE.toml`: checks a report against an editor's
//! expectations (findings with accepted verdicts, pairs that must stay
//! apart, excluded regions, text that is not a quantity, a conflict limit).
//!
//! A claim is named by article id, 1-based line and a piece of text its
//! quantity must contain as whole words; case, dash and quote styles are
//! ignored, and a number never matches inside a longer one ("5,000" is not
//! in "15,000"). The file is read strictly: an unknown key is an error that
//! names the file, line and key.

use crate::error::{Error, Result};
use crate::model::{Claim, Finding, Verdict};
use crate::pipeline::Report;
use serde::Deserialize;
use std::path::Path;

/// One expectation that the report does not meet, described for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet(pub String);

/// The result of checking a report: what failed, and how many
/// expectations were checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub unmet: Vec<Unmet>,
    pub checked: usize,
}

/// The expectations file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectations {
    max_conflicts: Option<usize>,
    #[serde(default, rename = "finding")]
    findings: Vec<ExpectedFinding>,
    #[serde(default)]
    apart: Vec<Apart>,
    #[serde(default)]
    excluded: Vec<ExpectedExclusion>,
    #[serde(default)]
    not_quantity: Vec<NotQuantity>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFinding {
    topic: Option<String>,
    scope: Option<String>,
    verdict: Vec<AcceptedVerdict>,
    claims: Vec<ClaimRef>,
}

/// A claim named by article, line and a piece of its quantity text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRef {
    article: String,
    line: usize,
    quantity: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Apart {
    why: Option<String>,
    a: ClaimRef,
    b: ClaimRef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedExclusion {
    article: String,
    from_line: usize,
    to_line: usize,
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotQuantity {
    article: String,
    line: usize,
    text: String,
}

/// A verdict as the expectations file names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct AcceptedVerdict(Verdict);

impl<'de> Deserialize<'de> for AcceptedVerdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        const NAMES: &[&str] = &["agree", "compatible", "conflict", "single_source"];
        let s = String::deserialize(d)?;
        [Verdict::Agree, Verdict::Compatible, Verdict::Conflict, Verdict::SingleSource]
            .into_iter()
            .find(|v| v.as_str() == s)
            .map(AcceptedVerdict)
            .ok_or_else(|| serde::de::Error::unknown_variant(&s, NAMES))
    }
}

/// Checks `report` against the expectations in `text` (read from `path`).
pub fn check(report: &Report, path: &Path, text: &str) -> Result<Outcome> {
    let expectations = parse(path, text)?;
    let mut unmet = Vec::new();
    for (i, f) in expectations.findings.iter().enumerate() {
        unmet.extend(check_finding(report, i + 1, f));
    }
    for a in &expectations.apart {
        unmet.extend(check_apart(report, a));
    }
    for e in &expectations.excluded {
        unmet.extend(check_exclusion(report, e));
    }
    for n in &expectations.not_quantity {
        unmet.extend(check_not_quantity(report, n));
    }
    if let Some(max) = expectations.max_conflicts {
        let conflicts: Vec<&str> =
            report.findings.iter().filter(|f| f.verdict == Verdict::Conflict).map(|f| f.id.as_str()).collect();
        if conflicts.len() > max {
            unmet.push(Unmet(format!("{} conflicts ({}), at most {max} expected", conflicts.len(), conflicts.join(", "))));
        }
    }
    let checked = expectations.findings.len()
        + expectations.apart.len()
        + expectations.excluded.len()
        + expectations.not_quantity.len()
        + usize::from(expectations.max_conflicts.is_some());
    Ok(Outcome { unmet, checked })
}

fn parse(path: &Path, text: &str) -> Result<Expectations> {
    toml::from_str::<Expectations>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| crate::text::line_col(text, s.start));
        Error::Config { path: path.to_path_buf(), line, column, message: e.message().trim().to_string() }
    })
}


fn check_finding(report: &Report, number: usize, expected: &ExpectedFinding) -> Vec<Unmet> {
    let label = finding_label(number, expected);
    let mut holders: Option<Vec<&Finding>> = None;
    for r in &expected.claims {
        let found = findings_holding(report, r);
        if found.is_empty() {
            return vec![Unmet(format!("{label}: claim {} is in no finding", r.describe()))];
        }
        holders = Some(match holders {
            None => found,
            Some(previous) => previous.into_iter().filter(|f| found.iter().any(|g| g.id == f.id)).collect(),
        });
    }
    let holders = holders.unwrap_or_default();
    if holders.is_empty() {
        return vec![Unmet(format!("{label}: its claims are split across findings: {}", placement(report, expected)))];
    }
    if holders.iter().any(|f| expected.verdict.contains(&AcceptedVerdict(f.verdict))) {
        return Vec::new();
    }
    let accepted: Vec<&str> = expected.verdict.iter().map(|v| v.0.as_str()).collect();
    let got: Vec<String> = holders.iter().map(|f| format!("{} is {}", f.id, f.verdict)).collect();
    vec![Unmet(format!("{label}: {}, expected {}", got.join(", "), accepted.join(" or ")))]
}

fn finding_label(number: usize, f: &ExpectedFinding) -> String {
    let what: Vec<&str> = [f.topic.as_deref(), f.scope.as_deref()].into_iter().flatten().collect();
    if what.is_empty() { format!("finding #{number}") } else { format!("finding #{number} ({})", what.join(": ")) }
}

/// Where each of an expected finding's claims ended up, for the message.
fn placement(report: &Report, f: &ExpectedFinding) -> String {
    f.claims
        .iter()
        .map(|r| {
            let ids: Vec<&str> = findings_holding(report, r).iter().map(|f| f.id.as_str()).collect();
            format!("{} in {}", r.describe(), ids.join("/"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn check_apart(report: &Report, apart: &Apart) -> Vec<Unmet> {
    let a = findings_holding(report, &apart.a);
    let b = findings_holding(report, &apart.b);
    let shared: Vec<&str> = a.iter().filter(|f| b.iter().any(|g| g.id == f.id)).map(|f| f.id.as_str()).collect();
    if shared.is_empty() {
        return Vec::new();
    }
    let why = apart.why.as_deref().map(|w| format!(" ({w})")).unwrap_or_default();
    vec![Unmet(format!("{} and {} share {}, expected apart{why}", apart.a.describe(), apart.b.describe(), shared.join(", ")))]
}

fn check_exclusion(report: &Report, e: &ExpectedExclusion) -> Vec<Unmet> {
    let what = format!(
        "excluded region {}:{}-{}{}",
        e.article,
        e.from_line,
        e.to_line,
        e.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()
    );
    let Some(article) = report.articles.iter().find(|a| a.id == e.article) else {
        return vec![Unmet(format!("{what}: no article `{}` in the report", e.article))];
    };
    let mut unmet = Vec::new();
    let listed = article.excluded.iter().any(|x| x.start_line <= e.to_line && e.from_line <= x.end_line);
    if !listed {
        unmet.push(Unmet(format!("{what}: not listed as excluded")));
    }
    let leaked: Vec<String> = report
        .findings
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)))
        .filter(|(_, c)| c.article == e.article && (e.from_line..=e.to_line).contains(&c.line))
        .map(|(f, c)| format!("\"{}\" (line {}, {})", c.quantity.text, c.line, f.id))
        .collect();
    if !leaked.is_empty() {
        unmet.push(Unmet(format!("{what}: claims taken from it: {}", leaked.join(", "))));
    }
    unmet
}

fn check_not_quantity(report: &Report, n: &NotQuantity) -> Vec<Unmet> {
    let occurrences = occurrences_on_line(report, n);
    let built: Vec<String> = report
        .findings
        .iter()
        .flat_map(|f| f.claims.iter().map(move |c| (f, c)))
        .filter(|(_, c)| c.article == n.article && c.line == n.line)
        .filter(|(_, c)| contains_words(&c.quantity.text, &n.text) || occurrences.iter().any(|o| o.overlaps(c.quantity.span)))
        .map(|(f, c)| format!("\"{}\" in {}", c.quantity.text, f.id))
        .collect();
    if built.is_empty() {
        return Vec::new();
    }
    vec![Unmet(format!("{}:{} \"{}\" is not a quantity, but claims were built on it: {}", n.article, n.line, n.text, built.join(", ")))]
}

/// Byte spans of `n.text` (whole words) on its line of its article.
fn occurrences_on_line(report: &Report, n: &NotQuantity) -> Vec<crate::model::Span> {
    let Some(article) = report.articles.iter().find(|a| a.id == n.article) else { return Vec::new() };
    let Some(line) = article.line_span(n.line) else { return Vec::new() };
    let text = &article.text[line.start..line.end];
    word_matches(text, &n.text).into_iter().map(|(s, e)| crate::model::Span::new(line.start + s, line.start + e)).collect()
}

impl ClaimRef {
    fn describe(&self) -> String {
        format!("{}:{} \"{}\"", self.article, self.line, self.quantity)
    }

    fn matches(&self, claim: &Claim) -> bool {
        claim.article == self.article && claim.line == self.line && contains_words(&claim.quantity.text, &self.quantity)
    }
}

fn findings_holding<'r>(report: &'r Report, r: &ClaimRef) -> Vec<&'r Finding> {
    report.findings.iter().filter(|f| f.claims.iter().any(|c| r.matches(c))).collect()
}

/// Case, dash and quote styles folded, so "Four-Month" finds "four‑month".
fn fold(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' => '"',
        '\u{00A0}' | '\u{202F}' => ' ',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// True when `needle` occurs in `haystack` as whole words.
pub fn contains_words(haystack: &str, needle: &str) -> bool {
    !word_matches(haystack, needle).is_empty()
}

/// Byte spans in `haystack` where `needle` occurs as whole words: not
/// preceded or followed by a letter or digit, nor by a digit group
/// separator that continues a number ("5,000" in "15,000" or "5,0000").
fn word_matches(haystack: &str, needle: &str) -> Vec<(usize, usize)> {
    let hay: Vec<(usize, char)> = haystack.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let pattern: Vec<char> = needle.trim().chars().map(fold).collect();
    if pattern.is_empty() || pattern.len() > hay.len() {
        return Vec::new();
    }
    let chars: Vec<char> = hay.iter().map(|&(_, c)| c).collect();
    let mut out = Vec::new();
    for start in 0..=chars.len() - pattern.len() {
        let end = start + pattern.len();
        if chars[start..end] == pattern[..] && boundary_before(&chars, start) && boundary_after(&chars, end) {
            let byte_end = hay.get(end).map_or(haystack.len(), |&(i, _)| i);
            out.push((hay[start].0, byte_end));
        }
    }
    out
}

fn boundary_before(chars: &[char], start: usize) -> bool {
    match start.checked_sub(1).map(|i| chars[i]) {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(',' | '.') => !(start >= 2 && chars[start - 2].is_ascii_digit() && chars[start].is_ascii_digit()),
        Some(_) => true,
    }
}

fn boundary_after(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(',' | '.') => !(end >= 1 && chars[end - 1].is_ascii_digit() && chars.get(end + 1).is_some_and(char::is_ascii_digit)),
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests;

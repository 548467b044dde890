//! Lint diagnostics as SARIF 2.1.0, the static-analysis interchange format
//! that code hosts (GitHub code scanning, Azure DevOps) and IDEs import.
//!
//! One run, one rule per lint code, one result per diagnostic. The
//! references' claims are `relatedLocations`; a suppressed diagnostic keeps
//! its result and carries an `inSource` suppression with the editor's
//! reason, which is how SARIF viewers show "dismissed in the source".
//! Columns are counted in Unicode code points, as everywhere in concord,
//! and the run says so (`columnKind`).

use crate::lint::{Code, Diagnostic, Evidence, LintReport, Location};
use crate::model::Severity;
use serde::Serialize;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const VERSION: &str = "2.1.0";
/// The repository in Cargo.toml (`repository = "..."`), empty when unset.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where users read about the rules: the lint guide in the repository.
/// Omitted (both are optional in SARIF) while Cargo.toml names no
/// repository, rather than pointing viewers at an address nobody owns.
fn information_uri() -> Option<String> {
    (!REPOSITORY.is_empty()).then(|| format!("{}/blob/main/docs/lint.md", REPOSITORY.trim_end_matches('/')))
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    artifacts: Vec<Artifact>,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<String>,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Artifact {
    location: ArtifactLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Properties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    quantity: &'a str,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// `concord lint --format sarif`.
pub fn lint(report: &LintReport) -> String {
    let draft_uri = uri(&report.draft.path);
    let log = Log {
        schema: SCHEMA,
        version: VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "concord",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: information_uri(),
                    rules: Code::ALL.iter().map(|&code| rule(code)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            artifacts: std::iter::once(&report.draft.path)
                .chain(report.references.iter().map(|r| &r.path))
                .map(|p| Artifact { location: ArtifactLocation { uri: uri(p) } })
                .collect(),
            results: report.diagnostics.iter().map(|d| result(d, &draft_uri)).collect(),
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn rule(code: Code) -> Rule {
    Rule {
        id: code.as_str(),
        name: code.as_str().split('_').map(capitalise).collect(),
        short_description: Text { text: code.summary().to_string() },
        full_description: Text { text: code.explanation().to_string() },
        help_uri: information_uri(),
        default_configuration: Configuration { level: level(code.severity()) },
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result<'a>(d: &'a Diagnostic, draft_uri: &str) -> SarifResult<'a> {
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: Code::ALL.iter().position(|&c| c == d.code).unwrap_or_default(),
        level: level(d.severity),
        message: Text { text: d.message.clone() },
        locations: vec![location(None, draft_uri, d.location, None)],
        related_locations: d.evidence.iter().enumerate().map(|(i, e)| related(i, e)).collect(),
        suppressions: d
            .suppressed
            .as_deref()
            .map(|reason| Suppression { kind: "inSource", justification: reason })
            .into_iter()
            .collect(),
        properties: Properties { topic: d.topic.as_deref(), quantity: &d.quantity },
    }
}

fn related(index: usize, e: &Evidence) -> SarifLocation {
    let text = format!("{} {}: \"{}\"", e.outlet, e.relation.as_str(), e.quantity);
    location(Some(index + 1), &uri(&e.path), e.location, Some(text))
}

fn location(id: Option<usize>, uri: &str, at: Location, message: Option<String>) -> SarifLocation {
    SarifLocation {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri.to_string() },
            region: Region {
                start_line: at.line,
                start_column: at.column,
                end_line: at.end_line,
                end_column: at.end_column,
            },
        },
        message: message.map(|text| Text { text }),
    }
}

/// A path as a relative (or absolute `file:`) URI reference: forward
/// slashes, and every byte outside the unreserved and path characters
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) || (b == b':' && (path.starts_with('/') || out.contains('/'))) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("samples/drafts/draft planted.md"), "samples/drafts/draft%20planted.md");
        assert_eq!(uri("/tmp/a#b.md"), "file:///tmp/a%23b.md");
        assert_eq!(uri("dir\\a.md"), "dir/a.md");
        // A colon in a relative path's first segment would read as a scheme.
        assert_eq!(uri("c:x.md"), "c%3Ax.md");
    }

    #[test]
    fn rules_follow_the_codes() {
        let r = rule(Code::SingleSource);
        assert_eq!((r.id, r.name.as_str(), r.default_configuration.level), ("single_source", "SingleSource", "note"));
    }
}

//! The sample story and drafts in `samples/`: that the files themselves are
//! sound (UTF-8, enough articles, expectations that point at real text), and
//! that `concord compare` never takes a claim from a region the editor's
//! expectations mark as excluded. Verdicts are checked by `compare --expect`.

use crate::cli::concord;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn story_dir() -> PathBuf {
    samples_dir().join("story")
}

/// Every file under `dir`, recursively, in a stable order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The parts of `samples/story/expected.toml` this module relies on; the
/// rest of the file is `compare --expect`'s business.
#[derive(Deserialize)]
struct Expectations {
    #[serde(default)]
    finding: Vec<ExpectedFinding>,
    #[serde(default)]
    excluded: Vec<ExcludedRegion>,
}

#[derive(Deserialize)]
struct ExpectedFinding {
    claims: Vec<ClaimRef>,
}

#[derive(Deserialize)]
struct ClaimRef {
    article: String,
    line: usize,
    quantity: String,
}

#[derive(Deserialize)]
struct ExcludedRegion {
    article: String,
    from_line: usize,
    to_line: usize,
    reason: String,
}

fn expectations() -> Expectations {
    let path = story_dir().join("expected.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The article's lines, 1-based through `lines[n - 1]`.
fn article_lines(article: &str) -> Vec<String> {
    let path = story_dir().join(format!("{article}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split('\n').map(str::to_string).collect()
}

#[test]
fn every_sample_file_is_utf8() {
    let files = files_under(&samples_dir());
    assert!(files.len() >= 10, "expected the story, drafts and seed drafts, found {files:?}");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        assert!(std::str::from_utf8(&bytes).is_ok(), "{} is not valid UTF-8", path.display());
    }
}

#[test]
fn story_has_at_least_four_articles() {
    let articles: Vec<PathBuf> = files_under(&story_dir())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(articles.len() >= 4, "{articles:?}");
}

/// Guards the sample data itself: a claim named in the expectations must sit
/// on a line that holds its quantity text, or an edit to an article has
/// shifted the lines under the expectations.
#[test]
fn expected_claims_point_at_their_text() {
    let expected = expectations();
    assert!(!expected.finding.is_empty());
    for claim in expected.finding.iter().flat_map(|f| &f.claims) {
        let lines = article_lines(&claim.article);
        let line = lines
            .get(claim.line.wrapping_sub(1))
            .unwrap_or_else(|| panic!("{} has no line {}", claim.article, claim.line));
        assert!(
            line.to_lowercase().contains(&claim.quantity.to_lowercase()),
            "{}:{} does not contain {:?}: {line}",
            claim.article,
            claim.line,
            claim.quantity
        );
    }
}

#[test]
fn expected_excluded_regions_lie_inside_their_articles() {
    let expected = expectations();
    assert!(!expected.excluded.is_empty());
    for region in &expected.excluded {
        let lines = article_lines(&region.article);
        assert!(
            1 <= region.from_line && region.from_line <= region.to_line && region.to_line <= lines.len(),
            "{} lines {}-{} ({}) outside 1-{}",
            region.article,
            region.from_line,
            region.to_line,
            region.reason,
            lines.len()
        );
    }
}

#[test]
fn compare_takes_no_claim_from_an_excluded_region() {
    let out = concord().args(["compare"]).arg(story_dir()).args(["--format", "json"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    let mut excluded: BTreeMap<&str, Vec<&ExcludedRegion>> = BTreeMap::new();
    let expected = expectations();
    for region in &expected.excluded {
        excluded.entry(region.article.as_str()).or_default().push(region);
    }

    let findings = report["findings"].as_array().expect("findings is an array");
    for finding in findings {
        for claim in finding["claims"].as_array().expect("claims is an array") {
            let article = claim["article"].as_str().expect("claim article is a string");
            let line = claim["line"].as_u64().expect("claim line is a number") as usize;
            for region in excluded.get(article).into_iter().flatten() {
                assert!(
                    !(region.from_line..=region.to_line).contains(&line),
                    "finding {} takes {:?} from {article}:{line}, inside the {} (lines {}-{})",
                    finding["id"],
                    claim["quantity"],
                    region.reason,
                    region.from_line,
                    region.to_line
                );
            }
        }
    }
}

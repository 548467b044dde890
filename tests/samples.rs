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

/// The parts of an `expected-lint.toml` this module relies on.
#[derive(Deserialize)]
struct LintExpectations {
    draft: Vec<ExpectedDraft>,
}

#[derive(Deserialize)]
struct ExpectedDraft {
    path: String,
    #[serde(default)]
    diagnostic: Vec<ExpectedDiagnostic>,
}

#[derive(Deserialize)]
struct ExpectedDiagnostic {
    line: usize,
    quantity: String,
}

/// Whether `needle` occurs in `haystack` as whole words, ignoring case:
/// "5,000" is not found in "15,000", nor "nine" in "ninety".
fn contains_words(haystack: &str, needle: &str) -> bool {
    let haystack = haystack.to_lowercase();
    let needle = needle.to_lowercase();
    let is_word = |c: char| c.is_alphanumeric();
    haystack.match_indices(&needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Line `n` (1-based) of the file at `path`.
fn line_of(path: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split('\n')
        .nth(n.wrapping_sub(1))
        .unwrap_or_else(|| panic!("{} has no line {n}", path.display()))
        .to_string()
}

/// Lower-cased words, apostrophes kept inside words, for comparing wording.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
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
    assert!(
        files.len() >= 10,
        "expected the story, drafts and seed drafts, found {files:?}"
    );
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            std::str::from_utf8(&bytes).is_ok(),
            "{} is not valid UTF-8",
            path.display()
        );
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
            contains_words(line, &claim.quantity),
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
            1 <= region.from_line
                && region.from_line <= region.to_line
                && region.to_line <= lines.len(),
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
    let out = concord()
        .args(["compare"])
        .arg(story_dir())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    let mut excluded: BTreeMap<&str, Vec<&ExcludedRegion>> = BTreeMap::new();
    let expected = expectations();
    for region in &expected.excluded {
        excluded
            .entry(region.article.as_str())
            .or_default()
            .push(region);
    }

    let findings = report["findings"].as_array().expect("findings is an array");
    for finding in findings {
        for claim in finding["claims"].as_array().expect("claims is an array") {
            let article = claim["article"]
                .as_str()
                .expect("claim article is a string");
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

#[test]
fn whole_word_matching_respects_number_and_word_boundaries() {
    let cases = [
        ("sent 15,000 troops", "5,000", false),
        ("sent 5,000 troops", "5,000", true),
        ("ninety soldiers", "nine", false),
        ("Nine soldiers", "nine", true),
        ("a three-week closure", "three-week", true),
        ("at $4.5 million in", "4.5 million", true),
    ];
    for (haystack, needle, expected) in cases {
        assert_eq!(
            contains_words(haystack, needle),
            expected,
            "{needle:?} in {haystack:?}"
        );
    }
}

/// Guards the draft expectations the same way: every expected diagnostic
/// sits on a draft line that holds its quantity text.
#[test]
fn expected_lint_diagnostics_point_at_their_text() {
    for folder in ["drafts", "seed-drafts"] {
        let dir = samples_dir().join(folder);
        let path = dir.join("expected-lint.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let expected: LintExpectations =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(expected.draft.len(), 2, "{}", path.display());
        for draft in &expected.draft {
            for diagnostic in &draft.diagnostic {
                let line = line_of(&dir.join(&draft.path), diagnostic.line);
                assert!(
                    contains_words(&line, &diagnostic.quantity),
                    "{folder}/{}:{} does not contain {:?}: {line}",
                    draft.path,
                    diagnostic.line,
                    diagnostic.quantity
                );
            }
        }
    }
}

/// Our samples are written in our own words: no run of nine words may be
/// shared with the seed articles (read at run time, never copied).
#[test]
#[allow(clippy::print_stderr)] // the skip note is for whoever runs the tests
fn samples_share_no_nine_word_run_with_the_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!(
            "note: {} is absent; skipping the wording check",
            seeds.display()
        );
        return;
    }
    const RUN: usize = 9;
    let mut seed_runs = std::collections::BTreeSet::new();
    for path in files_under(&seeds)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let seed_words = words(&std::fs::read_to_string(&path).unwrap());
        seed_runs.extend(seed_words.windows(RUN).map(|w| w.join(" ")));
    }
    assert!(
        !seed_runs.is_empty(),
        "no seed text found in {}",
        seeds.display()
    );
    let ours: Vec<PathBuf> = files_under(&samples_dir())
        .into_iter()
        .chain([Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/samples.md")])
        .collect();
    for path in ours {
        let text = std::fs::read_to_string(&path).unwrap();
        let shared: Vec<String> = words(&text)
            .windows(RUN)
            .map(|w| w.join(" "))
            .filter(|run| seed_runs.contains(run))
            .collect();
        assert!(
            shared.is_empty(),
            "{} shares wording with the seeds: {shared:?}",
            path.display()
        );
    }
}

//! `concord lint`: the sample drafts against their expectation files, every
//! output format, `concord.toml`, suppression comments and `--fail-on`.

use crate::cli::concord;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

// ---------------------------------------------------------------------------
// The sample drafts, against the exact diagnostics their expectation files
// list.

/// A claim's quantity contains `needle` as whole words, case and dash style
/// ignored ("5,000" is not found in "15,000", nor "nine" in "ninety").
fn contains_words(haystack: &str, needle: &str) -> bool {
    let fold = |s: &str| s.to_lowercase().replace(['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}'], "-");
    let (haystack, needle) = (fold(haystack), fold(needle));
    let chars: Vec<char> = haystack.chars().collect();
    let glued = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    haystack.match_indices(&needle).any(|(at, _)| {
        let start = haystack[..at].chars().count();
        let end = start + needle.chars().count();
        let before = start.checked_sub(1).and_then(|i| chars.get(i));
        let before_number = start.checked_sub(2).and_then(|i| chars.get(i));
        let after = chars.get(end);
        let after_number = chars.get(end + 1);
        let number_joint = |sep: Option<&char>, digit: Option<&char>| {
            sep.is_some_and(|c| matches!(c, ',' | '.')) && digit.is_some_and(|c| c.is_ascii_digit())
        };
        !glued(before) && !glued(after) && !number_joint(before, before_number) && !number_joint(after, after_number)
    })
}

#[test]
fn whole_word_matching() {
    assert!(contains_words("Nine dock workers", "nine"));
    assert!(contains_words("$4.5 million", "4.5 million"));
    assert!(contains_words("48\u{2013}hour", "48-hour"));
    assert!(!contains_words("15,000", "5,000"));
    assert!(!contains_words("ninety", "nine"));
}

/// Runs every `[[draft]]` of an expectation file and asserts its exit code
/// and, when `exhaustive`, exactly its diagnostics (line, severity, code,
/// quantity) and the evidence each must cite. Topics are not compared: the
/// file says a rule set may name them differently.
fn check_expectations(file: &Path) {
    let text = std::fs::read_to_string(file).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let base = file.parent().unwrap();
    let drafts = doc["draft"].as_array().unwrap();
    assert!(!drafts.is_empty());
    for draft in drafts {
        let path = base.join(draft["path"].as_str().unwrap());
        let against: Vec<PathBuf> =
            draft["against"].as_array().unwrap().iter().map(|a| base.join(a.as_str().unwrap())).collect();
        let fail_on = draft.get("fail_on").and_then(|v| v.as_str()).unwrap_or("error");
        let out = concord()
            .arg("lint")
            .arg(&path)
            .arg("--against")
            .args(&against)
            .args(["--no-config", "--format", "json", "--fail-on", fail_on])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}\n{}", path.display(), stderr(&out)));
        let actual = json["diagnostics"].as_array().unwrap();
        let show = |d: &Value| format!("  {}:{} {} {} {} | {}", d["line"], d["column"], d["severity"], d["code"], d["quantity"], d["message"]);
        let listing = actual.iter().map(show).collect::<Vec<_>>().join("\n");
        let expected = draft.get("diagnostic").and_then(|d| d.as_array()).cloned().unwrap_or_default();
        let mut unmatched: Vec<&Value> = actual.iter().collect();
        for e in &expected {
            let (line, severity, code, quantity) = (
                e["line"].as_integer().unwrap() as u64,
                e["severity"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
                e["quantity"].as_str().unwrap(),
            );
            let found = unmatched.iter().position(|d| {
                d["line"] == line
                    && d["severity"] == severity
                    && d["code"] == code
                    && contains_words(d["quantity"].as_str().unwrap_or_default(), quantity)
            });
            let Some(index) = found else {
                panic!("{}: no {severity} {code} on line {line} for {quantity:?}; got:\n{listing}", path.display())
            };
            let d = unmatched.remove(index);
            for cited in e.get("evidence").and_then(|v| v.as_array()).into_iter().flatten() {
                let (article, line) = (cited["article"].as_str().unwrap(), cited["line"].as_integer().unwrap() as u64);
                let evidence = d["evidence"].as_array().unwrap();
                assert!(
                    evidence.iter().any(|v| v["article"] == article && v["line"] == line),
                    "{}: {code} on line {}: evidence lacks {article}:{line}; got {evidence:?}",
                    path.display(),
                    d["line"]
                );
            }
        }
        if draft.get("exhaustive").and_then(|v| v.as_bool()).unwrap_or(false) {
            let extra: Vec<String> = unmatched.iter().map(|d| show(d)).collect();
            assert!(extra.is_empty(), "{}: unexpected diagnostics:\n{}\nall:\n{listing}", path.display(), extra.join("\n"));
        }
        let code = draft["exit_code"].as_integer().unwrap() as i32;
        assert_eq!(out.status.code(), Some(code), "{}: exit code\n{listing}", path.display());
    }
}

#[test]
#[allow(clippy::print_stderr)]
fn sample_drafts_give_exactly_the_expected_diagnostics() {
    let file = repo().join("samples/drafts/expected-lint.toml");
    if !file.exists() {
        eprintln!("note: {} is absent; skipped", file.display());
        return;
    }
    check_expectations(&file);
}

#[test]
#[allow(clippy::print_stderr)]
fn seed_drafts_give_exactly_the_expected_diagnostics() {
    let file = repo().join("samples/seed-drafts/expected-lint.toml");
    if !repo().join("../shared/seeds").is_dir() || !file.exists() {
        eprintln!("note: ../shared/seeds or {} is absent; skipped", file.display());
        return;
    }
    check_expectations(&file);
}

// ---------------------------------------------------------------------------
// A small story of our own for the format, config and suppression tests.

/// Two references that agree that 9 people died, and one with no figure.
struct Story {
    dir: tempfile::TempDir,
}

const CONFLICT: &str = "The storm killed 12 people in Elm Harbor on Sunday.";

impl Story {
    fn new() -> Story {
        let dir = tempfile::tempdir().unwrap();
        let refs = dir.path().join("refs");
        std::fs::create_dir(&refs).unwrap();
        let write = |name: &str, text: &str| std::fs::write(refs.join(name), text).unwrap();
        write("alpha.txt", "Storm batters Elm Harbor\n\nThe storm killed 9 people in Elm Harbor on Sunday, the mayor said.\n");
        write("beta.txt", "Elm Harbor mourns\n\nRescuers said 9 people were killed when the storm hit Elm Harbor on Sunday.\n");
        Story { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a draft: a title, a blank line, then `body` from line 3.
    fn draft(&self, name: &str, body: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, format!("# Elm Harbor storm\n\n{body}\n")).unwrap();
        path
    }

    /// `concord lint DRAFT --against refs ARGS...`, run in `cwd` (the story's
    /// directory unless given).
    fn lint(&self, draft: &Path, args: &[&str], cwd: Option<&Path>) -> Output {
        concord()
            .current_dir(cwd.unwrap_or(self.dir.path()))
            .arg("lint")
            .arg(draft)
            .arg("--against")
            .arg(self.path("refs"))
            .args(args)
            .output()
            .unwrap()
    }

    fn json(&self, draft: &Path, args: &[&str]) -> (Value, Option<i32>) {
        let mut all = vec!["--format", "json", "--no-config"];
        all.extend_from_slice(args);
        let out = self.lint(draft, &all, None);
        let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        (json, out.status.code())
    }
}

/// (line, code, suppressed) of every diagnostic.
fn summary(json: &Value) -> Vec<(u64, String, bool)> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["code"].as_str().unwrap().to_string(), d["suppressed"] == true))
        .collect()
}

#[test]
fn a_contradicted_figure_is_an_error_with_evidence() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let (json, code) = story.json(&draft, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(json["schema_version"], 1);
    assert_eq!(summary(&json), [(3, "conflict".to_string(), false)]);
    let d = &json["diagnostics"][0];
    assert_eq!((d["severity"].as_str(), d["topic"].as_str(), d["column"].as_u64()), (Some("error"), Some("deaths"), Some(18)));
    assert!(d["quantity"].as_str().unwrap().starts_with("12"), "{d}");
    let evidence: Vec<(&str, u64)> =
        d["evidence"].as_array().unwrap().iter().map(|e| (e["article"].as_str().unwrap(), e["line"].as_u64().unwrap())).collect();
    assert_eq!(evidence, [("alpha", 3), ("beta", 3)]);
    assert_eq!(json["summary"]["errors"], 1);
}

#[test]
fn human_output_underlines_the_figure_and_sums_up() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let out = story.lint(&draft, &["--no-config", "--color", "never"], None);
    let text = stdout(&out);
    assert!(text.starts_with("error[conflict]: deaths: \"12"), "{text}");
    assert!(text.contains(&format!("{}:3:18", draft.display())), "{text}");
    assert!(text.contains(&format!("3 | {CONFLICT}")), "{text}");
    assert!(text.contains("                 ^^"), "{text}");
    assert!(text.contains("note: alpha ("), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when told so: {text}");
    assert!(text.ends_with(&format!("{}: 1 error, 0 warnings, 0 info, 0 suppressed\n", draft.display())), "{text}");
    let coloured = stdout(&story.lint(&draft, &["--no-config", "--color", "always"], None));
    assert!(coloured.contains('\u{1b}'), "{coloured}");
}

#[test]
fn line_format_is_one_diagnostic_per_line() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let out = story.lint(&draft, &["--no-config", "--format", "line"], None);
    let text = stdout(&out);
    let prefix = format!("{}:3:18: error: deaths: \"12", draft.display());
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with(&prefix), "{text}");
}

#[test]
fn sarif_has_the_2_1_0_structure() {
    let story = Story::new();
    let draft = story.draft(
        "draft.md",
        &format!("{CONFLICT}\n\n<!-- concord-ignore-next-line: the desk confirmed 12 -->\nLater counts said 12 people were killed in Elm Harbor on Sunday."),
    );
    let out = story.lint(&draft, &["--no-config", "--format", "sarif"], None);
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "concord");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Optional in SARIF; present only when Cargo.toml names a repository.
    assert!(driver["informationUri"].as_str().is_none_or(|uri| uri.starts_with("https://")));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["conflict", "variation", "unsupported", "single_source", "invalid_suppression", "unused_suppression"]);
    for rule in rules {
        assert!(!rule["shortDescription"]["text"].as_str().unwrap().is_empty());
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(["error", "warning", "note"].contains(&rule["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:?}");
    for (result, line) in results.iter().zip([3, 6]) {
        assert_eq!(result["ruleId"], "conflict");
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"], "conflict");
        assert_eq!(result["level"], "error");
        assert!(result["message"]["text"].as_str().unwrap().starts_with("deaths: \"12"));
        let physical = &result["locations"][0]["physicalLocation"];
        assert!(physical["artifactLocation"]["uri"].as_str().unwrap().ends_with("/draft.md"));
        let region = &physical["region"];
        assert_eq!(region["startLine"], line);
        assert_eq!(region["endLine"], line);
        assert!(region["endColumn"].as_u64() > region["startColumn"].as_u64(), "{region}");
        let related = result["relatedLocations"].as_array().unwrap();
        assert_eq!(related.len(), 2);
        assert!(related[0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap().ends_with("refs/alpha.txt"));
        assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 3);
    }
    assert_eq!(results[0]["suppressions"], Value::Null);
    assert_eq!(results[1]["suppressions"], serde_json::json!([{ "kind": "inSource", "justification": "the desk confirmed 12" }]));
}

#[test]
fn github_annotations_escape_properties_and_messages() {
    let story = Story::new();
    let draft = story.draft(
        "a,b:c.md",
        &format!("<!-- concord-ignore-next-line: 100% sure,\nper the desk -->\n{CONFLICT}\n\n{CONFLICT}"),
    );
    let out = story.lint(&draft, &["--no-config", "--format", "github"], None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    let file = draft.display().to_string().replace(',', "%2C").replace(':', "%3A");
    let first = format!("::notice file={file},line=5,col=18,endColumn=");
    assert!(lines[0].starts_with(&first), "{text}");
    assert!(lines[0].contains(",title=concord conflict (suppressed)::deaths: \"12"), "{text}");
    assert!(lines[0].ends_with("(suppressed: 100%25 sure,%0Aper the desk)"), "{text}");
    let second = format!("::error file={file},line=7,col=18,endColumn=");
    assert!(lines[1].starts_with(&second), "{text}");
    assert!(lines[1].contains(",title=concord conflict::deaths: \"12"), "{text}");
}

// ---------------------------------------------------------------------------
// --fail-on

#[test]
fn fail_on_sets_the_threshold() {
    let story = Story::new();
    let conflict = story.draft("conflict.md", CONFLICT);
    let variation = story.draft("variation.md", "About 10 people were killed by the storm in Elm Harbor on Sunday.");
    let single = story.draft("single.md", "The storm killed 9 people in Elm Harbor on Sunday.");
    let alpha = story.path("refs/alpha.txt");
    let single_source = |fail_on: &str| {
        concord()
            .args(["lint", "--no-config", "--format", "json", "--fail-on", fail_on])
            .arg(&single)
            .arg("--against")
            .arg(&alpha)
            .output()
            .unwrap()
    };
    let single_json: Value = serde_json::from_slice(&single_source("info").stdout).unwrap();
    assert_eq!(summary(&single_json), [(3, "single_source".to_string(), false)]);
    assert_eq!(single_json["diagnostics"][0]["severity"], "info");
    let (variation_json, _) = story.json(&variation, &[]);
    assert_eq!(summary(&variation_json), [(3, "variation".to_string(), false)]);

    let cases = [
        (&conflict, "error", 1),
        (&conflict, "never", 0),
        (&variation, "error", 0),
        (&variation, "warning", 1),
        (&variation, "info", 1),
        (&variation, "never", 0),
    ];
    for (draft, fail_on, expected) in cases {
        let (_, code) = story.json(draft, &["--fail-on", fail_on]);
        assert_eq!(code, Some(expected), "{} --fail-on {fail_on}", draft.display());
    }
    for (fail_on, expected) in [("info", 1), ("warning", 0), ("error", 0)] {
        assert_eq!(single_source(fail_on).status.code(), Some(expected), "single source, --fail-on {fail_on}");
    }
    let (_, default) = story.json(&conflict, &[]);
    assert_eq!(default, Some(1), "the default threshold is error");
}

#[test]
fn a_supported_draft_is_clean() {
    let story = Story::new();
    let draft = story.draft("draft.md", "The storm killed 9 people in Elm Harbor on Sunday.");
    let (json, code) = story.json(&draft, &["--fail-on", "info"]);
    assert_eq!(summary(&json), []);
    assert_eq!(code, Some(0));
}

#[test]
fn a_draft_among_its_references_does_not_support_itself() {
    let story = Story::new();
    let draft = story.path("refs/draft.md");
    std::fs::write(&draft, format!("# Draft\n\n{CONFLICT}\n")).unwrap();
    let (json, code) = story.json(&draft, &[]);
    assert_eq!(summary(&json), [(3, "conflict".to_string(), false)]);
    assert_eq!(code, Some(1));
}

#[test]
fn a_repeated_claim_is_reported_at_each_line() {
    let story = Story::new();
    let draft = story.draft("draft.md", &format!("{CONFLICT}\n\n{CONFLICT}"));
    let (json, _) = story.json(&draft, &[]);
    assert_eq!(summary(&json), [(3, "conflict".to_string(), false), (5, "conflict".to_string(), false)]);
}

// ---------------------------------------------------------------------------
// Suppression comments

#[test]
fn each_suppression_form_with_a_reason_suppresses() {
    let story = Story::new();
    let forms = [
        ("next-line", format!("<!-- concord-ignore-next-line: confirmed by the coroner -->\n{CONFLICT}"), 4),
        (
            "region",
            format!("<!-- concord-ignore-start: confirmed by the coroner -->\n\n{CONFLICT}\n\n<!-- concord-ignore-end -->"),
            5,
        ),
        ("topic", format!("{CONFLICT}\n<!-- concord-ignore-topic deaths: confirmed by the coroner -->"), 3),
    ];
    for (form, body, line) in forms {
        let draft = story.draft(&format!("{form}.md"), &body);
        let (json, code) = story.json(&draft, &[]);
        assert_eq!(summary(&json), [(line, "conflict".to_string(), true)], "{form}");
        assert_eq!(json["diagnostics"][0]["suppression_reason"], "confirmed by the coroner", "{form}");
        assert_eq!(json["summary"]["suppressed"], 1, "{form}");
        assert_eq!(json["summary"]["errors"], 0, "{form}");
        assert_eq!(code, Some(0), "{form}: suppressed diagnostics do not fail the run");
    }
}

#[test]
fn a_suppression_without_a_reason_is_a_warning_and_suppresses_nothing() {
    let story = Story::new();
    let draft = story.draft("draft.md", &format!("<!-- concord-ignore-next-line -->\n{CONFLICT}"));
    let (json, code) = story.json(&draft, &[]);
    assert_eq!(summary(&json), [(3, "invalid_suppression".to_string(), false), (4, "conflict".to_string(), false)]);
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    assert!(json["diagnostics"][0]["message"].as_str().unwrap().contains("needs a reason"));
    assert_eq!(code, Some(1));
}

#[test]
fn an_unterminated_region_is_reported_and_suppresses_nothing() {
    let story = Story::new();
    let draft = story.draft("draft.md", &format!("<!-- concord-ignore-start: quoting the mayor -->\n{CONFLICT}"));
    let (json, code) = story.json(&draft, &[]);
    assert_eq!(summary(&json), [(3, "invalid_suppression".to_string(), false), (4, "conflict".to_string(), false)]);
    assert!(json["diagnostics"][0]["message"].as_str().unwrap().contains("no `concord-ignore-end`"));
    assert_eq!(code, Some(1));
}

#[test]
fn a_suppression_that_covers_nothing_is_reported_as_info() {
    let story = Story::new();
    let draft = story.draft(
        "draft.md",
        "<!-- concord-ignore-next-line: the toll was disputed -->\nThe storm killed 9 people in Elm Harbor on Sunday.",
    );
    let (json, code) = story.json(&draft, &[]);
    assert_eq!(summary(&json), [(3, "unused_suppression".to_string(), false)]);
    assert_eq!(json["diagnostics"][0]["severity"], "info");
    assert_eq!(code, Some(0));
    let (_, code) = story.json(&draft, &["--fail-on", "info"]);
    assert_eq!(code, Some(1));
}

#[test]
fn figures_inside_comments_are_not_claims() {
    let story = Story::new();
    let draft = story.draft("draft.md", "<!-- an earlier version said 12 people were killed -->\nThe storm killed 9 people in Elm Harbor on Sunday.");
    let (json, _) = story.json(&draft, &[]);
    assert_eq!(summary(&json), []);
}

#[test]
fn suppressed_diagnostics_are_shown_in_every_format() {
    let story = Story::new();
    let draft = story.draft("draft.md", &format!("<!-- concord-ignore-next-line: confirmed -->\n{CONFLICT}"));
    let human = stdout(&story.lint(&draft, &["--no-config", "--color", "never"], None));
    assert!(human.contains("note: suppressed error[conflict] at "), "{human}");
    assert!(human.contains("(confirmed)"), "{human}");
    assert!(human.ends_with("0 errors, 0 warnings, 0 info, 1 suppressed\n"), "{human}");
    let line = stdout(&story.lint(&draft, &["--no-config", "--format", "line"], None));
    assert!(line.contains(":4:18: note: suppressed error (confirmed): deaths:"), "{line}");
}

// ---------------------------------------------------------------------------
// concord.toml

#[test]
fn config_is_discovered_in_a_parent_directory() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    std::fs::write(story.path("concord.toml"), "fail-on = \"never\"\nformat = \"line\"\n").unwrap();
    let sub = story.path("desk/today");
    std::fs::create_dir_all(&sub).unwrap();
    let out = story.lint(&draft, &[], Some(&sub));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(":3:18: error: deaths:"), "line format from the config: {}", stdout(&out));
    // Flags win over the config.
    let out = story.lint(&draft, &["--fail-on", "error", "--format", "json"], Some(&sub));
    assert_eq!(out.status.code(), Some(1));
    assert!(serde_json::from_slice::<Value>(&out.stdout).is_ok());
    // --no-config ignores it.
    assert_eq!(story.lint(&draft, &["--no-config"], Some(&sub)).status.code(), Some(1));
}

#[test]
fn explicit_config_file_and_skip_topics() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let config = story.path("elsewhere.toml");
    std::fs::write(&config, "skip-topics = [\"deaths\"]\n").unwrap();
    let out = story.lint(&draft, &["--config", config.to_str().unwrap(), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary(&json), []);
    // The same through the flag.
    let (json, code) = story.json(&draft, &["--skip-topic", "deaths"]);
    assert_eq!((summary(&json), code), (vec![], Some(0)));
}

#[test]
fn config_rules_dir_is_relative_to_the_config_file() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    std::fs::write(story.path("concord.toml"), "rules = \"house-rules\"\n").unwrap();
    let sub = story.path("sub");
    std::fs::create_dir(&sub).unwrap();
    // The directory does not exist: the error names it where the config
    // file puts it, not under the current directory.
    let out = story.lint(&draft, &[], Some(&sub));
    assert_eq!(out.status.code(), Some(2));
    let expected = story.path("house-rules").display().to_string();
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
    // `--rules` wins over the config's `rules`.
    let out = concord()
        .current_dir(&sub)
        .arg("--rules")
        .arg(repo().join("rules"))
        .arg("lint")
        .arg(&draft)
        .arg("--against")
        .arg(story.path("refs"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn malformed_config_is_one_located_line_and_exit_2() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let cases = [
        ("fail-on = \"error\"\nfial-on = \"never\"\n", "concord.toml:2:1: key `fial-on`: unknown field"),
        ("format = \"xml\"\n", "concord.toml:1:10: key `format`: unknown variant `xml`"),
        ("fail-on = \"error\"\nskip-topics = [\"casualties\"]\n", "concord.toml:2:16: key `skip-topics`: unknown topic `casualties`"),
        ("fail-on = \n", "concord.toml:1:"),
    ];
    for (text, expected) in cases {
        std::fs::write(story.path("concord.toml"), text).unwrap();
        let out = story.lint(&draft, &[], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{text:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{text:?}: {err}");
        assert!(err.contains(expected), "{text:?}: {err}");
    }
    let missing = story.lint(&draft, &["--config", "no-such.toml"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such.toml"));
}

#[test]
fn unknown_skip_topic_flag_is_a_usage_error() {
    let story = Story::new();
    let draft = story.draft("draft.md", CONFLICT);
    let out = story.lint(&draft, &["--no-config", "--skip-topic", "casualties"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown topic `casualties`"), "{}", stderr(&out));
}

#[test]
fn missing_draft_is_exit_2() {
    let story = Story::new();
    let out = story.lint(&story.path("nope.md"), &["--no-config"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).contains("nope.md"));
}

//! `concord facts` and `concord rules` on real files: the seed articles'
//! expected claims come out with their topics, and broken rule files are
//! located by file, line and key with exit code 2.

use crate::cli::concord;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.join("expected.toml").is_file() {
        Some(dir)
    } else {
        // The integration binary may print; a skipped check says so.
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: {} is absent", dir.display());
        }
        None
    }
}

/// `concord facts FILE --format json`, parsed.
fn facts_json(path: &Path, extra: &[&str]) -> Value {
    let out = concord().arg("facts").arg(path).args(["--format", "json"]).args(extra).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Lower case, one kind of dash and quote, so "14,000" matches however the
/// outlet typeset its dashes and apostrophes.
fn normalise(text: &str) -> String {
    text.to_lowercase().replace(['–', '—', '‑'], "-").replace(['’', '‘'], "'")
}

/// True when `needle` occurs in `hay` as whole words ("5,000" is not in
/// "15,000", nor "nine" in "ninety").
fn contains_words(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (normalise(hay), normalise(needle));
    hay.match_indices(&needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == ',');
        !glued(before) && !glued(after)
    })
}

/// One claim the editor expects: article, line, quantity text, topic.
struct Expected {
    article: String,
    line: i64,
    quantity: String,
    topic: String,
}

fn expected_claims(dir: &Path) -> Vec<Expected> {
    let text = std::fs::read_to_string(dir.join("expected.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    for finding in doc["finding"].as_array().unwrap() {
        let topic = finding["topic"].as_str().unwrap();
        for claim in finding["claims"].as_array().unwrap() {
            out.push(Expected {
                article: claim["article"].as_str().unwrap().to_string(),
                line: claim["line"].as_integer().unwrap(),
                quantity: claim["quantity"].as_str().unwrap().to_string(),
                topic: topic.to_string(),
            });
        }
    }
    out
}

/// What is wrong with each expected claim, if anything.
fn misses(dir: &Path, keep: impl Fn(&Expected) -> bool) -> Vec<String> {
    let mut cache: HashMap<String, Value> = HashMap::new();
    let mut problems = Vec::new();
    for e in expected_claims(dir).into_iter().filter(|e| keep(e)) {
        let json = cache.entry(e.article.clone()).or_insert_with(|| facts_json(&dir.join(format!("{}.txt", e.article)), &[]));
        let at_line: Vec<&Value> = json["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["line"].as_i64() == Some(e.line) && contains_words(c["quantity"].as_str().unwrap_or(""), &e.quantity))
            .collect();
        let topics: Vec<&str> = at_line.iter().map(|c| c["topic"].as_str().unwrap_or("null")).collect();
        if !topics.contains(&e.topic.as_str()) {
            problems.push(format!("{}:{} \"{}\": want topic {}, got {:?}", e.article, e.line, e.quantity, e.topic, topics));
        }
    }
    problems
}

/// Expected claims whose quantity is a bare numeral ("14,000", not "nine",
/// "300-400" or "$4.5 million") of a count topic: these need only the
/// numerals any extractor finds, so they test topic assignment alone.
fn numeral_count(e: &Expected) -> bool {
    e.quantity.chars().all(|c| c.is_ascii_digit() || c == ',') && !matches!(e.topic.as_str(), "duration" | "money" | "percent")
}

#[test]
fn seed_claims_written_as_numerals_get_their_topics() {
    let Some(dir) = seeds() else { return };
    let problems = misses(&dir, numeral_count);
    assert!(problems.is_empty(), "{} expected claim(s) missed:\n{}", problems.len(), problems.join("\n"));
}

/// Every claim expected.toml lists. Number words ("nine", "five",
/// "hundreds"), durations ("120-day", "less than three months") depend on
/// the quantity extractor finding them with the right kind.
#[test]
fn every_seed_claim_gets_its_topic() {
    let Some(dir) = seeds() else { return };
    let problems = misses(&dir, |_| true);
    assert!(problems.is_empty(), "{} expected claim(s) missed:\n{}", problems.len(), problems.join("\n"));
}

fn sample_story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story")
}

#[test]
fn sample_story_claims_written_as_numerals_get_their_topics() {
    let problems = misses(&sample_story(), numeral_count);
    assert!(problems.is_empty(), "{} expected claim(s) missed:\n{}", problems.len(), problems.join("\n"));
}

/// Like [`every_seed_claim_gets_its_topic`], on our own sample story; the
/// same dependence on the quantity extractor.
#[test]
fn every_sample_story_claim_gets_its_topic() {
    let problems = misses(&sample_story(), |_| true);
    assert!(problems.is_empty(), "{} expected claim(s) missed:\n{}", problems.len(), problems.join("\n"));
}

/// The claim at `line` whose quantity holds `text`, from a facts report.
fn claim_at<'a>(json: &'a Value, line: i64, text: &str) -> Option<&'a Value> {
    json["claims"]
        .as_array()?
        .iter()
        .find(|c| c["line"].as_i64() == Some(line) && contains_words(c["quantity"].as_str().unwrap_or(""), text))
}

/// Every `[[apart]]` pair of an expected.toml whose claims both exist must
/// differ in topic or in scope: the scope is what keeps different counts
/// out of one finding.
fn apart_pairs_differ(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join("expected.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let mut cache: HashMap<String, Value> = HashMap::new();
    let mut problems = Vec::new();
    for pair in doc["apart"].as_array().unwrap() {
        let mut sides = Vec::new();
        for key in ["a", "b"] {
            let c = &pair[key];
            let article = c["article"].as_str().unwrap().to_string();
            let json = cache.entry(article.clone()).or_insert_with(|| facts_json(&dir.join(format!("{article}.txt")), &["--all"]));
            let found = claim_at(json, c["line"].as_integer().unwrap(), c["quantity"].as_str().unwrap());
            sides.push(found.map(|f| (f["topic"].clone(), f["scope"].clone(), format!("{article}:{}", c["line"]))));
        }
        if let [Some((ta, sa, wa)), Some((tb, sb, wb))] = sides.as_slice() {
            if ta == tb && sa == sb && !ta.is_null() {
                problems.push(format!("{wa} and {wb}: same topic {ta} and scope {sa} ({})", pair["why"]));
            }
        }
    }
    problems
}

#[test]
fn seed_claims_kept_apart_have_different_scopes() {
    let Some(dir) = seeds() else { return };
    let problems = apart_pairs_differ(&dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sample_claims_kept_apart_have_different_scopes() {
    let problems = apart_pairs_differ(&sample_story());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Scope fields on the seed claims whose scopes decide what may be
/// compared: a unit's own dead, a plan agreed in July, a deployment.
#[test]
fn seed_scopes_name_group_time_and_modality() {
    let Some(dir) = seeds() else { return };
    let rows: &[(&str, i64, &str, &[&str])] = &[
        ("000_955fedf622b4fe3e", 11, "nine", &["soldier", "528th Regiment", "during the mission"]),
        ("000_955fedf622b4fe3e", 8, "14,000", &["troop", "to Russia", "last year"]),
        ("003_ad42f186b11cc35e", 3, "1,000", &["combat engineer", "in July", "planned"]),
        ("003_ad42f186b11cc35e", 3, "5,000", &["construction worker", "in July", "planned"]),
        ("003_ad42f186b11cc35e", 6, "five", &["soldier", "in wheelchairs"]),
        ("003_ad42f186b11cc35e", 9, "hundreds", &["troop", "North Korean", "in the war"]),
        ("001_85536084ccfbd201", 4, "nine", &["member", "of the regiment", "during the deployment"]),
    ];
    let mut problems = Vec::new();
    for (article, line, quantity, parts) in rows {
        let json = facts_json(&dir.join(format!("{article}.txt")), &[]);
        let scope = claim_at(&json, *line, quantity).and_then(|c| c["scope"].as_str()).unwrap_or("(no claim)").to_string();
        for part in *parts {
            if !scope.contains(part) {
                problems.push(format!("{article}:{line} \"{quantity}\": scope {scope:?} lacks {part:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The design brief's intervals for the seed phrasings, once the quantity
/// extractor reads modifiers: (article, line, quantity, low, high,
/// low_inclusive, high_inclusive); `None` is unbounded.
#[test]
fn seed_claims_carry_the_design_intervals() {
    let Some(dir) = seeds() else { return };
    type Row = (&'static str, i64, &'static str, Option<f64>, Option<f64>, bool, bool);
    let rows: &[Row] = &[
        ("000_955fedf622b4fe3e", 8, "around 14,000", Some(12_600.0), Some(15_400.0), true, true),
        ("000_955fedf622b4fe3e", 8, "more than 6,000", Some(6_000.0), None, false, false),
        ("000_955fedf622b4fe3e", 11, "nine", Some(9.0), Some(9.0), true, true),
        ("003_ad42f186b11cc35e", 3, "up to 15,000", Some(0.0), Some(15_000.0), true, true),
        ("003_ad42f186b11cc35e", 9, "at least hundreds", Some(200.0), None, true, false),
        ("001_85536084ccfbd201", 6, "less than three months", Some(0.0), Some(93.0), true, false),
        ("004_e10527d32d7340f3", 11, "about 120 days", Some(108.0), Some(132.0), true, true),
    ];
    let mut problems = Vec::new();
    for (article, line, quantity, low, high, low_inc, high_inc) in rows {
        let json = facts_json(&dir.join(format!("{article}.txt")), &[]);
        let found = json["claims"].as_array().unwrap().iter().find(|c| {
            c["line"].as_i64() == Some(*line) && contains_words(c["quantity"].as_str().unwrap_or(""), quantity)
        });
        let Some(c) = found else {
            problems.push(format!("{article}:{line}: no claim \"{quantity}\""));
            continue;
        };
        let close = |v: &Value, want: &Option<f64>| match (v.as_f64(), want) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-6,
            (None, None) => v.is_null(),
            _ => false,
        };
        if !close(&c["low"], low) || !close(&c["high"], high) || c["low_inclusive"] != *low_inc || c["high_inclusive"] != *high_inc {
            problems.push(format!("{article}:{line} \"{quantity}\": got {} {} {} {}", c["low"], c["high"], c["low_inclusive"], c["high_inclusive"]));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn facts_json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, "Storm hits coast\n\nThe storm killed 14 people and injured 30 others, officials said.\nThe town has 12 bridges.\n").unwrap();
    let json = facts_json(&path, &[]);
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["article"]["id"], "story");
    assert!(json["article"]["excluded"].is_array());
    let claims = json["claims"].as_array().unwrap();
    let summary: Vec<(i64, i64, &str, &str, &str)> = claims
        .iter()
        .map(|c| (c["line"].as_i64().unwrap(), c["column"].as_i64().unwrap(), c["topic"].as_str().unwrap(), c["unit"].as_str().unwrap(), c["attribution"].as_str().unwrap_or("-")))
        .collect();
    assert_eq!(summary, vec![(3, 18, "deaths", "people", "officials"), (3, 40, "injured", "people", "officials")]);
    assert_eq!(claims[0]["low"], 14.0);
    assert!(claims[0]["scope"].as_str().unwrap().starts_with("person"), "{}", claims[0]["scope"]);
    // `--all` adds the quantities no rule claimed, with a null topic.
    let all = facts_json(&path, &["--all"]);
    let unclaimed: Vec<&Value> = all["claims"].as_array().unwrap().iter().filter(|c| c["topic"].is_null()).collect();
    assert_eq!(unclaimed.len(), 1);
    assert_eq!(unclaimed[0]["line"], 4);
}

#[test]
fn facts_table_shows_position_topic_interval_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, "Police arrested 15 protesters on Monday, the city said.\n").unwrap();
    let out = concord().arg("facts").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    let row = table.lines().find(|l| l.contains("1:17")).unwrap_or_else(|| panic!("{table}"));
    for cell in ["people", "[15, 15] people", "protester", "on Monday", "city"] {
        assert!(row.contains(cell), "{cell:?} missing from {row:?}");
    }
}

fn rule_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const QUAKES: &str = r#"topic = "quakes"
description = "Earthquakes counted."
rationale = "Seismic tallies differ between agencies."
unit = "count"
accepts = ["count"]

[signals]
nouns = ["earthquake", "aftershock"]

[[example]]
text = "Sensors logged 40 aftershocks overnight."
quantity = "40 aftershocks"
"#;

#[test]
fn rules_check_locates_a_broken_file_and_exits_2() {
    let broken = QUAKES.replace("accepts = [\"count\"]", "accepts = [\"count\"]\nband = 1.5").replace("[signals]", "[signals]\nwords = [\"shake\", \"\"]");
    let dir = rule_dir(&[("quakes.toml", &broken)]);
    let out = concord().args(["rules", "check"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let file = dir.path().join("quakes.toml").display().to_string();
    assert!(stderr.contains(&format!("{file}:6:8: key `band`: 1.5 is out of range")), "{stderr}");
    assert!(stderr.contains(&format!("{file}:9:19: key `signals.words`: empty word")), "{stderr}");
}

#[test]
fn rules_check_reports_unknown_keys_and_failing_examples() {
    let typo = QUAKES.replace("nouns =", "nuons =");
    let wrong = QUAKES.replace("quantity = \"40 aftershocks\"", "quantity = \"overnight\"");
    for (text, expected) in [(typo, ":8:1: key `signals.nuons`: unknown field"), (wrong, ":10:1: key `example`: no quantity found at \"overnight\"")] {
        let dir = rule_dir(&[("quakes.toml", &text)]);
        let out = concord().args(["rules", "check"]).arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
}

#[test]
fn rules_check_on_a_directory_without_rules_is_exit_2() {
    let dir = rule_dir(&[("notes.txt", "not a rule")]);
    for args in [vec!["rules", "check", dir.path().to_str().unwrap()], vec!["--rules", dir.path().to_str().unwrap(), "rules", "explain", "deaths"]] {
        let out = concord().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("no rule files (.toml) found"), "{stderr}");
    }
}

#[test]
fn rules_check_passes_a_good_directory() {
    let dir = rule_dir(&[("quakes.toml", QUAKES)]);
    let out = concord().args(["rules", "check"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.ends_with(": 1 rule file(s) OK, 1 example(s) passed\n"), "{stdout}");
}

#[test]
fn rules_flag_adds_a_topic_and_a_broken_one_is_exit_2() {
    let dir = rule_dir(&[("quakes.toml", QUAKES)]);
    let story = dir.path().join("story.txt");
    std::fs::write(&story, "Sensors logged 12 aftershocks by noon.\n").unwrap();
    let out = concord().arg("--rules").arg(dir.path()).arg("facts").arg(&story).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["claims"][0]["topic"], "quakes");

    std::fs::write(dir.path().join("quakes.toml"), QUAKES.replace("unit = \"count\"", "unit = 7")).unwrap();
    let out = concord().arg("--rules").arg(dir.path()).arg("facts").arg(&story).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("quakes.toml:4:8: key `unit`:"), "{stderr}");
}

#[test]
fn rules_explain_describes_a_topic() {
    let out = concord().args(["rules", "explain", "deaths"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("deaths (rules/deaths.toml)\n"), "{text}");
    for needle in ["Why: ", "unit: people", "kill (kill, kills, killed, killing)", "examples:"] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
    let out = concord().args(["rules", "explain", "weather"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

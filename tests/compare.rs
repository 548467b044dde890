//! `concord compare`: expectations on the seed story and the samples, the
//! JSON contract, determinism, atomic `--output`, and the table.

use crate::cli::concord;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A small story of three outlets: two agree on 12 dead, one says at least
/// 15 (a conflict).
const STORY: &[(&str, &str)] = &[
    ("a_riverton.txt", "Bridge falls in Riverton\n\nRescuers said 12 people were killed when the old river bridge fell on Monday.\n"),
    ("b_riverton.txt", "Riverton bridge disaster\n\nAt least 15 people were killed when the old river bridge fell on Monday, officials said.\n"),
    ("c_riverton.txt", "Monday collapse\n\nThe mayor said 12 people were killed when the old river bridge fell on Monday.\n"),
];

fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in STORY {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Says why a test returns early; the note is for whoever runs the tests.
#[allow(clippy::print_stderr)]
fn skip(path: &Path) {
    eprintln!("note: {} is absent; skipped", path.display());
}

fn shared(sub: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(sub);
    if path.exists() {
        Some(path)
    } else {
        skip(&path);
        None
    }
}

fn text(out: &Output) -> String {
    format!("stdout:\n{}\nstderr:\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn run_expect(dir: &Path, expected: &Path) -> Output {
    concord().arg("compare").arg(dir).arg("--expect").arg(expected).output().unwrap()
}

#[test]
fn seeds_meet_the_editor_s_expectations() {
    let Some(seeds) = shared("seeds") else { return };
    let out = run_expect(&seeds, &seeds.join("expected.toml"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.ends_with("expectations met, 0 unmet\n"), "{stdout}");
}

#[test]
fn samples_meet_their_expectations() {
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story");
    let expected = story.join("expected.toml");
    if !expected.exists() {
        skip(&expected);
        return;
    }
    let out = run_expect(&story, &expected);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

#[test]
fn an_unmet_expectation_exits_1_with_one_line_each() {
    let dir = story();
    let expected = dir.path().join("expected.toml");
    // The story holds a conflict; expecting none must fail.
    std::fs::write(&expected, "max_conflicts = 0\n").unwrap();
    let out = run_expect(dir.path(), &expected);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].ends_with("unmet: 1 conflicts (F1), at most 0 expected"), "{stdout}");
    assert!(lines[1].ends_with("0 of 1 expectations met, 1 unmet"), "{stdout}");
}

#[test]
fn an_unknown_key_in_expectations_exits_2_naming_file_line_and_key() {
    let dir = story();
    let expected = dir.path().join("expected.toml");
    std::fs::write(&expected, "max_conflicts = 1\nmax_conflict = 2\n").unwrap();
    let out = run_expect(dir.path(), &expected);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("expected.toml:2:1:"), "{stderr}");
    assert!(stderr.contains("`max_conflict`"), "{stderr}");
}

fn json(args: &[&Path]) -> Vec<u8> {
    let out = concord().arg("compare").args(args).args(["--format", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    out.stdout
}

#[test]
fn json_is_byte_identical_whatever_the_input_order() {
    let dir = story();
    let files: Vec<PathBuf> = STORY.iter().map(|(name, _)| dir.path().join(name)).collect();
    let forward: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let backward: Vec<&Path> = files.iter().rev().map(PathBuf::as_path).collect();
    assert_eq!(String::from_utf8(json(&forward)).unwrap(), String::from_utf8(json(&backward)).unwrap());
    if let Some(seeds) = shared("seeds") {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let forward: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let backward: Vec<&Path> = files.iter().rev().map(PathBuf::as_path).collect();
        assert_eq!(String::from_utf8(json(&forward)).unwrap(), String::from_utf8(json(&backward)).unwrap());
    }
}

fn is_number_or_null(v: &Value) -> bool {
    v.is_number() || v.is_null()
}

fn is_string_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

#[test]
fn json_follows_the_contract() {
    let dir = story();
    let report: Value = serde_json::from_slice(&json(&[dir.path()])).unwrap();
    assert_eq!(report["schema_version"], 1);
    let articles = report["articles"].as_array().unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["a_riverton", "b_riverton", "c_riverton"]);
    for a in articles {
        assert!(a["path"].as_str().unwrap().ends_with(&format!("{}.txt", a["id"].as_str().unwrap())));
        for key in ["outlet", "title", "date"] {
            assert!(is_string_or_null(&a[key]), "{key}: {a}");
        }
        for e in a["excluded"].as_array().unwrap() {
            assert!(e["reason"].is_string() && e["start_line"].is_u64() && e["end_line"].is_u64(), "{e}");
        }
    }
    let findings = report["findings"].as_array().unwrap();
    for (i, f) in findings.iter().enumerate() {
        assert_eq!(f["id"], format!("F{}", i + 1));
        assert!(f["topic"].is_string() && f["scope"].is_string(), "{f}");
        let verdict = f["verdict"].as_str().unwrap();
        assert!(["agree", "compatible", "conflict", "single_source"].contains(&verdict), "{verdict}");
        for c in f["claims"].as_array().unwrap() {
            assert!(c["article"].is_string() && c["quantity"].is_string() && c["text"].is_string(), "{c}");
            let stated = &c["stated"];
            let bound = stated["bound"].as_str().unwrap();
            assert!(["=", "~", ">", ">=", "<", "<=", "range", "vague"].contains(&bound), "{bound}");
            assert!(is_number_or_null(&stated["value"]) && is_number_or_null(&stated["to"]) && stated["unit"].is_string(), "{stated}");
            assert!(is_number_or_null(&c["low"]) && is_number_or_null(&c["high"]), "{c}");
            assert!(c["low_inclusive"].is_boolean() && c["high_inclusive"].is_boolean(), "{c}");
            assert!(c["unit"].is_string() && is_string_or_null(&c["attribution"]), "{c}");
            assert!(c["line"].as_u64().unwrap() >= 1 && c["column"].as_u64().unwrap() >= 1, "{c}");
        }
    }
    // The deaths finding: two outlets say 12, one says (at least) 15.
    let deaths = findings.iter().find(|f| f["topic"] == "deaths").expect("a deaths finding");
    assert_eq!(deaths["id"], "F1", "conflicts come first");
    assert_eq!(deaths["verdict"], "conflict");
    let twelve = &deaths["claims"][0];
    assert_eq!(twelve["article"], "a_riverton");
    assert_eq!((twelve["line"].as_u64(), twelve["column"].as_u64()), (Some(3), Some(15)));
    assert_eq!((&twelve["low"], &twelve["high"]), (&Value::from(12), &Value::from(12)));
    assert_eq!(twelve["stated"]["value"], 12);
    assert_eq!(twelve["unit"], "people");
    assert_eq!(twelve["text"], "Rescuers said 12 people were killed when the old river bridge fell on Monday.");
    let sides: Vec<&Value> = deaths["sides"].as_array().unwrap().iter().map(|s| &s["articles"]).collect();
    assert_eq!(sides, vec![&serde_json::json!(["a_riverton", "c_riverton"]), &serde_json::json!(["b_riverton"])]);
}

#[test]
fn a_failed_run_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    let out = concord().args(["compare", "no/such/story", "--format", "json", "--output"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(!target.exists());
    let unwritable = dir.path().join("missing-dir/report.json");
    let story = story();
    let out = concord().arg("compare").arg(story.path()).arg("--output").arg(&unwritable).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing-dir"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no file, no temporary left behind");
}

#[test]
fn output_file_holds_the_whole_report() {
    let story = story();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    let out = concord().arg("compare").arg(story.path()).args(["-f", "json", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&target).unwrap(), json(&[story.path()]));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn the_table_summarises_and_colours_only_when_asked() {
    let story = story();
    let plain = concord().arg("compare").arg(story.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain));
    let plain = String::from_utf8(plain.stdout).unwrap();
    let first = plain.lines().next().unwrap();
    assert!(first.starts_with("3 articles, ") && first.contains(": 1 conflict, "), "{plain}");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert!(plain.contains("a_riverton") && plain.contains("conflict"), "{plain}");
    assert!(plain.trim_end().ends_with("Excluded from extraction: nothing") || plain.contains("Excluded from extraction:\n"), "{plain}");
    let coloured = concord().args(["--color", "always", "compare"]).arg(story.path()).output().unwrap();
    assert!(String::from_utf8(coloured.stdout).unwrap().contains('\u{1b}'));
    let never = concord().args(["--color", "never", "compare"]).arg(story.path()).output().unwrap();
    assert!(!String::from_utf8(never.stdout).unwrap().contains('\u{1b}'));
}

/// Thirty articles, each with an advertisement line and one with a link to
/// another story too: the table counts the 31 regions by reason instead of
/// listing them, and the Markdown report still lists each.
#[test]
fn many_exclusions_are_counted_by_reason_in_the_table() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        let mut text = "Plant fire injures workers\n\nCrews said 12 workers were hurt in the fire at the plant on Monday.\n\n\
                        Advertisement\n\nThe plant will reopen next week, the owner said.\n"
            .to_string();
        if i == 0 {
            text.push_str("\nRead more: A fire at the same plant last year\n");
        }
        std::fs::write(dir.path().join(format!("a{i:02}.txt")), text).unwrap();
    }
    let out = concord().arg("compare").arg(dir.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let table = String::from_utf8(out.stdout).unwrap();
    let tail: Vec<&str> = table.lines().skip_while(|l| !l.starts_with("Excluded from extraction")).collect();
    assert_eq!(
        tail,
        [
            "Excluded from extraction: 31 regions in 30 articles, by reason (`--format markdown` or `json` lists each):",
            "  promo: 30 regions in 30 articles",
            "  related_link: 1 region in 1 article",
        ]
    );
    let markdown = concord().arg("compare").arg(dir.path()).args(["--format", "markdown"]).output().unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert_eq!(markdown.matches("advertisement").count(), 30, "{markdown}");
}

/// Two outlets' files with the same name in their own folders: each keeps
/// an id of its own, so every finding names one article.
#[test]
fn same_file_name_in_two_folders_gives_two_ids() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, (_, text)) in ["wire", "desk"].iter().zip(STORY) {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("story.txt"), text).unwrap();
    }
    let out = concord().arg("compare").arg(dir.path()).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["desk/story", "wire/story"]);
    // The conflict (12 against at least 15) names both articles by their own id.
    let conflict = json["findings"].as_array().unwrap().iter().find(|f| f["verdict"] == "conflict").expect("a conflict");
    let mut named: Vec<&str> = conflict["claims"].as_array().unwrap().iter().map(|c| c["article"].as_str().unwrap()).collect();
    named.sort_unstable();
    assert_eq!(named, ["desk/story", "wire/story"]);
}

//! Ingest through the real binary: excluded regions and metadata of the
//! seed articles, and every kind of awkward input (byte-order mark, CRLF,
//! invalid UTF-8, binary, empty, missing, directories without articles),
//! with positions that still point at the right line and column.

use crate::cli::concord;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The seed folder, or `None` (with a note) where the checkout lacks it.
#[allow(clippy::print_stderr)]
fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}

fn run(args: &[&str]) -> Output {
    concord().args(args).output().expect("the concord binary runs")
}

/// `concord facts FILE --all --format json`, which must succeed.
fn facts(path: &Path) -> Value {
    let out = run(&["facts", path.to_str().expect("utf-8 path"), "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("facts prints JSON")
}

/// `(reason, start_line, end_line)` of every excluded region.
fn excluded(facts: &Value) -> Vec<(String, u64, u64)> {
    facts["article"]["excluded"]
        .as_array()
        .expect("excluded is a list")
        .iter()
        .map(|e| {
            (
                e["reason"].as_str().unwrap_or_default().to_string(),
                e["start_line"].as_u64().unwrap_or_default(),
                e["end_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn region(reason: &str, from: u64, to: u64) -> (String, u64, u64) {
    (reason.to_string(), from, to)
}

/// `(quantity, line, column)` of every claim.
fn positions(facts: &Value) -> Vec<(String, u64, u64)> {
    facts["claims"]
        .as_array()
        .expect("claims is a list")
        .iter()
        .map(|c| {
            (
                c["quantity"].as_str().unwrap_or_default().to_string(),
                c["line"].as_u64().unwrap_or_default(),
                c["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr).lines().map(str::to_string).collect()
}

// ---------------------------------------------------------------- the seeds

#[test]
fn seed_002_excludes_another_storys_teaser_the_comment_count_and_the_comments() {
    let Some(dir) = seeds() else { return };
    let path = dir.join("002_a539c54de2456560.txt");
    let f = facts(&path);
    let found = excluded(&f);
    for want in [region("caption", 1, 2), region("share_prompt", 5, 5), region("reader_comments", 29, 43)] {
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }
    // The title is the article's own headline (line 3), not the teaser's.
    let text = std::fs::read_to_string(&path).expect("seed readable");
    let line3 = text.lines().nth(2).expect("a third line").trim();
    assert_eq!(f["article"]["title"].as_str(), Some(line3));
    // Nothing is read from the excluded lines.
    for (quantity, line, _) in positions(&f) {
        assert!(!(1..=2).contains(&line) && !(29..=43).contains(&line), "claim {quantity:?} on excluded line {line}");
    }
}

#[test]
fn seed_003_excludes_the_bio_and_the_footer() {
    let Some(dir) = seeds() else { return };
    let f = facts(&dir.join("003_ad42f186b11cc35e.txt"));
    let found = excluded(&f);
    for want in [region("author_bio", 12, 12), region("footer", 13, 13)] {
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }
    // The outlet comes from the syndication footer.
    assert_eq!(f["article"]["outlet"].as_str(), Some("New York Times"));
}

#[test]
fn seed_004_outlet_date_and_comment_prompt() {
    let Some(dir) = seeds() else { return };
    let f = facts(&dir.join("004_e10527d32d7340f3.txt"));
    assert_eq!(f["article"]["outlet"].as_str(), Some("News Now USA"));
    assert_eq!(f["article"]["date"].as_str(), Some("2025-12-13"));
    let found = excluded(&f);
    assert!(found.contains(&region("share_prompt", 27, 27)), "{found:?}");
    // Masthead and date line are listed as metadata, not read for facts.
    assert!(found.contains(&region("metadata", 3, 3)) && found.contains(&region("metadata", 5, 5)), "{found:?}");
}

#[test]
fn seeds_without_page_furniture_exclude_nothing() {
    let Some(dir) = seeds() else { return };
    for id in ["000_955fedf622b4fe3e", "001_85536084ccfbd201"] {
        let f = facts(&dir.join(format!("{id}.txt")));
        assert_eq!(excluded(&f), vec![], "{id}");
    }
}

#[test]
fn sample_story_pages_shed_their_furniture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story");
    type Regions<'a> = &'a [(&'a str, u64, u64)];
    let cases: &[(&str, Regions)] = &[
        ("sound-courier", &[("caption", 1, 2), ("share_prompt", 5, 5), ("reader_comments", 23, 27)]),
        ("coastal-times", &[("author_bio", 10, 10), ("footer", 11, 11)]),
        ("maddox-ledger", &[("share_prompt", 17, 20)]),
        ("northshore-post", &[]),
    ];
    for (id, want) in cases {
        let f = facts(&dir.join(format!("{id}.txt")));
        let found: Vec<(String, u64, u64)> = excluded(&f).into_iter().filter(|(r, _, _)| r != "metadata").collect();
        let want: Vec<(String, u64, u64)> = want.iter().map(|(r, a, b)| region(r, *a, *b)).collect();
        assert_eq!(found, want, "{id}");
    }
    let wire = facts(&dir.join("harbour-wire.txt"));
    assert_eq!(wire["article"]["outlet"].as_str(), Some("Harbour Wire"));
    assert_eq!(wire["article"]["date"].as_str(), Some("2026-03-04"));
}

// ------------------------------------------------------------ awkward input

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file written");
    path
}

fn has_claim(f: &Value, quantity: &str, line: u64, column: u64) -> bool {
    positions(f).iter().any(|(q, l, c)| q.contains(quantity) && *l == line && *c == column)
}

#[test]
fn byte_order_mark_is_invisible_to_positions() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write(tmp.path(), "bom.txt", "\u{feff}Crews counted 42 flooded homes on Tuesday.\n".as_bytes());
    let f = facts(&path);
    assert!(has_claim(&f, "42", 1, 15), "{:?}", positions(&f));
}

#[test]
fn crlf_line_ends_keep_lines_and_columns() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write(tmp.path(), "crlf.txt", b"Rain fell all night in the valley.\r\nBy dawn 7 boats had sunk at the quay.\r\n");
    let out = run(&["facts", path.to_str().expect("utf-8 path"), "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    // The design brief makes CRLF a recoverable oddity: one warning, and the run goes on.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("crlf.txt") && stderr.contains("CRLF"), "{stderr}");
    let f: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(has_claim(&f, "7", 2, 9), "{:?}", positions(&f));
    let text = f["claims"][0]["text"].as_str().unwrap_or_default();
    assert!(!text.contains('\r'), "{text:?}");
}

#[test]
fn columns_count_characters_not_bytes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let text = "Café owners in Zürich\n\n“Über alles,” the café’s owner said, and 9 chairs broke.\n";
    let path = write(tmp.path(), "multibyte.txt", text.as_bytes());
    let f = facts(&path);
    let column = text.lines().nth(2).and_then(|l| l.find('9')).map(|b| text.lines().nth(2).unwrap_or("")[..b].chars().count() + 1);
    assert_eq!(column, Some(42));
    assert!(has_claim(&f, "9", 3, 42), "{:?}", positions(&f));
}

#[test]
fn invalid_utf8_warns_once_naming_the_file_and_goes_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write(tmp.path(), "latin1.txt", b"The caf\xE9 lost 12 tables in the flood.\n");
    let out = run(&["facts", path.to_str().expect("utf-8 path"), "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("concord: warning:") && lines[0].contains("latin1.txt") && lines[0].contains("UTF-8"), "{lines:?}");
    let f: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(has_claim(&f, "12", 1, 15), "{:?}", positions(&f));
}

#[test]
fn binary_file_is_one_error_line_and_exit_2() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write(tmp.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let out = run(&["facts", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("concord: error:") && lines[0].contains("photo.txt") && lines[0].contains("binary"), "{lines:?}");
}

#[test]
fn empty_article_is_kept_with_no_facts() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = write(tmp.path(), "empty.txt", b"");
    let out = run(&["facts", path.to_str().expect("utf-8 path"), "--all", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let f: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(f["claims"].as_array().map(Vec::len), Some(0));
    assert_eq!(f["article"]["id"].as_str(), Some("empty"));
    assert_eq!(f["article"]["title"], Value::Null);
}

#[test]
fn missing_path_is_exit_2_naming_it() {
    let out = run(&["facts", "no/such/article.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("no/such/article.txt"), "{lines:?}");
}

#[test]
fn directory_without_articles_is_exit_2_naming_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "notes.json", b"{}");
    write(tmp.path(), ".hidden.txt", b"Crews counted 42 homes.");
    let dir = tmp.path().to_str().expect("utf-8 path");
    let out = run(&["compare", dir]);
    assert_eq!(out.status.code(), Some(2));
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains(dir) && lines[0].contains("no articles"), "{lines:?}");
}

#[test]
fn empty_directory_is_exit_2() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_str().expect("utf-8 path");
    let out = run(&["compare", dir]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr_lines(&out).len(), 1);
}

#[test]
fn directory_articles_are_read_recursively_in_path_order() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(tmp.path().join("wire")).expect("sub dir");
    write(tmp.path(), "b.md", b"# Floods\n\nCrews counted 42 homes.\n");
    write(&tmp.path().join("wire"), "a.txt", b"Crews counted 42 homes.\n");
    write(tmp.path(), "skip.json", b"{}");
    let out = run(&["compare", tmp.path().to_str().expect("utf-8 path"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = report["articles"].as_array().into_iter().flatten().filter_map(|a| a["id"].as_str()).collect();
    assert_eq!(ids, vec!["a", "b"]);
}

#[test]
fn stdin_is_an_article() {
    use std::io::Write;
    let mut child = concord()
        .args(["facts", "-", "--all", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child.stdin.take().expect("stdin").write_all(b"Valley floods\n\nCrews counted 42 homes.\n").expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    let f: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(f["article"]["id"].as_str(), Some("stdin"));
    assert_eq!(f["article"]["title"].as_str(), Some("Valley floods"));
    assert!(has_claim(&f, "42", 3, 15), "{:?}", positions(&f));
}

#[test]
fn markdown_keeps_file_positions() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let text = "# Valley floods\n\n- Crews counted [42 homes](https://example.org/item) on *Tuesday*.\n";
    let path = write(tmp.path(), "links.md", text.as_bytes());
    let f = facts(&path);
    assert_eq!(f["article"]["title"].as_str(), Some("Valley floods"));
    assert!(has_claim(&f, "42", 3, 18), "{:?}", positions(&f));
}

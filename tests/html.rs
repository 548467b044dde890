//! The HTML report of a real story, rendered by the binary and then opened
//! in headless Chromium: the page must load without a console message (a
//! blocked fetch or script shows up there, since the page forbids both) and
//! the rendered DOM must show every outlet, every finding and every
//! excluded region. Without `/usr/bin/chromium` the browser half is skipped
//! with a note; `.ci/install-browser` installs it.

use crate::cli::concord;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHROMIUM: &str = "/usr/bin/chromium";
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

/// A small story in our own words, for when no real story has findings
/// yet: three outlets, one figure they disagree on, and a comment thread
/// and a syndication footer that should be left out.
const TEMP_STORY: [(&str, &str); 3] = [
    (
        "river_post.txt",
        "Flood waters recede in Millbrook\n\nMILLBROOK - At least 40 homes were flooded when the river rose overnight, the fire service said.\n\
         About 300 residents spent the night in the school gym.\n\nThe post Flood waters recede in Millbrook appeared first on River Post.\n",
    ),
    (
        "valley_wire.txt",
        "Millbrook flood forces hundreds from homes\n\nMILLBROOK - Some 35 homes took on water as the river broke its banks.\n\
         Around 300 residents were moved to the school gym for the night.\n",
    ),
    (
        "county_news.txt",
        "River floods Millbrook streets\n\nMILLBROOK - Twelve homes were damaged by the flood, county officials said.\n\
         Residents were told to stay away from the lower bridge.\n\n12 Comments\n\nLeave a comment\n\nJo: stay safe everyone\n",
    ),
];

/// The story to render: the seed articles, else our sample story, else a
/// temporary story; the first that has findings (the temporary one
/// otherwise). The `TempDir` keeps a temporary story alive.
fn story() -> (PathBuf, Option<tempfile::TempDir>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [root.join("../shared/seeds"), root.join("samples/story")] {
        if dir.is_dir() && has_findings(&report_json(&dir)) {
            return (dir, None);
        }
    }
    let temp = tempfile::tempdir().expect("temp dir");
    for (name, text) in TEMP_STORY {
        std::fs::write(temp.path().join(name), text).expect("write temp story");
    }
    (temp.path().to_path_buf(), Some(temp))
}

fn report_json(dir: &Path) -> Value {
    let out = concord().arg("compare").arg(dir).args(["--format", "json"]).output().expect("run concord");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn has_findings(report: &Value) -> bool {
    report["findings"].as_array().is_some_and(|f| !f.is_empty())
}

/// What the page must show, read from the JSON report of the same story.
struct Expected {
    outlets: Vec<String>,
    finding_ids: Vec<String>,
    /// (article path, "reader comments", "lines 29–43") for every excluded region.
    excluded: Vec<(String, String, String)>,
}

fn expected(report: &Value) -> Expected {
    let articles = report["articles"].as_array().cloned().unwrap_or_default();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let outlets = articles.iter().map(|a| a["outlet"].as_str().map_or_else(|| text(&a["id"]), str::to_string)).collect();
    let finding_ids = report["findings"].as_array().into_iter().flatten().map(|f| text(&f["id"])).collect();
    let mut excluded = Vec::new();
    for a in &articles {
        for e in a["excluded"].as_array().into_iter().flatten() {
            let (start, end) = (e["start_line"].as_u64().unwrap_or(0), e["end_line"].as_u64().unwrap_or(0));
            let lines = if start == end { format!("line {start}") } else { format!("lines {start}–{end}") };
            excluded.push((text(&a["path"]), text(&e["reason"]).replace('_', " "), lines));
        }
    }
    Expected { outlets, finding_ids, excluded }
}

/// Renders the story to `dir/report.html` with `--output`.
fn render_html(story: &Path, dir: &Path) -> (PathBuf, String) {
    let file = dir.join("report.html");
    let out = concord().arg("compare").arg(story).args(["--format", "html", "--output"]).arg(&file).output().expect("run concord");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "the report went to the file, not stdout");
    let html = std::fs::read_to_string(&file).expect("report written");
    (file, html)
}

/// Decodes the entities a DOM serialiser writes, so text compares as written.
fn decode(html: &str) -> String {
    html.replace("&nbsp;", "\u{a0}").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Checks a page (as written or as rendered) shows everything expected.
fn assert_shows(page: &str, expected: &Expected, what: &str) {
    let page = decode(page);
    for outlet in &expected.outlets {
        assert!(page.contains(&format!("-title\">{outlet}")), "{what}: no section for outlet {outlet}");
        if !expected.finding_ids.is_empty() {
            assert!(page.contains(&format!("<th scope=\"col\">{outlet}")), "{what}: no grid column for outlet {outlet}");
        }
    }
    for id in &expected.finding_ids {
        assert!(page.contains(&format!("id=\"{id}\"")), "{what}: no finding {id}");
        assert!(page.contains(&format!("href=\"#{id}\"")), "{what}: grid does not link {id}");
    }
    for (path, reason, lines) in &expected.excluded {
        let start = page.find(&format!("<code>{path}</code>")).unwrap_or_else(|| panic!("{what}: no article {path}"));
        let section = &page[start..page[start..].find("</section>").map_or(page.len(), |end| start + end)];
        assert!(section.contains(reason.as_str()), "{what}: {path} does not show excluded {reason}");
        assert!(section.contains(lines.as_str()), "{what}: {path} does not show excluded {lines}");
    }
}

#[test]
fn html_report_is_self_contained_and_shows_the_story() {
    let (story, _temp) = story();
    let expected = expected(&report_json(&story));
    let scratch = tempfile::tempdir().expect("temp dir");
    let (file, html) = render_html(&story, scratch.path());

    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    for forbidden in [" src=", "<script", "<link", "@import", "url("] {
        assert!(!html.contains(forbidden), "page contains {forbidden:?}");
    }
    for (i, _) in html.match_indices(" href=\"") {
        assert_eq!(html.as_bytes().get(i + 7), Some(&b'#'), "a link leaves the page near byte {i}");
    }
    assert_shows(&html, &expected, "written page");

    if !browser_available() {
        note(&format!("{CHROMIUM} not found; skipping the headless-browser check (.ci/install-browser installs it)"));
        return;
    }
    let (dom, log) = open_in_chromium(&file, scratch.path());
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "browser console messages:\n{}", console.join("\n"));
    assert!(dom.contains("<main>"), "no rendered DOM:\n{log}");
    assert_shows(&dom, &expected, "rendered DOM");
}

/// Whether Chromium is there to run the browser half. Where CI installed it
/// (`CONCORD_REQUIRE_BROWSER` set by `.ci/run`), its absence is a failure,
/// so the check can never pass by being skipped.
fn browser_available() -> bool {
    let present = Path::new(CHROMIUM).exists();
    assert!(present || std::env::var_os("CONCORD_REQUIRE_BROWSER").is_none(), "CONCORD_REQUIRE_BROWSER is set but {CHROMIUM} is missing");
    present
}

/// Tells whoever runs the tests that a check was skipped.
#[allow(clippy::print_stderr)]
fn note(message: &str) {
    eprintln!("note: {message}");
}

/// Loads the page in headless Chromium, offline and with a throwaway
/// profile, and returns the serialised DOM and the browser's log (where
/// console messages appear with `--enable-logging=stderr`).
fn open_in_chromium(file: &Path, scratch: &Path) -> (String, String) {
    let (dom_path, log_path) = (scratch.join("dom.html"), scratch.join("chromium.log"));
    let url = format!("file://{}", file.canonicalize().expect("report path").display());
    let mut child = Command::new(CHROMIUM)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", scratch.join("profile").display()))
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom", &url])
        .stdin(Stdio::null())
        // Files, not pipes: a large DOM would fill a pipe nobody reads while we wait.
        .stdout(std::fs::File::create(&dom_path).expect("dom file"))
        .stderr(std::fs::File::create(&log_path).expect("log file"))
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + BROWSER_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().ok();
            child.wait().ok();
            panic!("chromium did not finish within {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(status.success(), "chromium failed ({status}):\n{log}");
    (std::fs::read_to_string(&dom_path).expect("dom"), log)
}

#[test]
fn hostile_article_text_stays_text_in_the_browser() {
    let story = tempfile::tempdir().expect("temp dir");
    let name = "<i>Tom & Jerry's \"Daily\"";
    std::fs::write(
        story.path().join(format!("{name}.txt")),
        "<script>document.title = 'taken'</script>\nThe council said <img src=x onerror=alert(1)> 40 homes were flooded.\n",
    )
    .expect("write article");
    let scratch = tempfile::tempdir().expect("temp dir");
    let (file, html) = render_html(story.path(), scratch.path());
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<i>"), "markup from the article leaked");
    assert!(html.contains("&lt;i&gt;Tom &amp; Jerry&#39;s &quot;Daily&quot;"), "the file name is not shown as written");

    if !browser_available() {
        note(&format!("{CHROMIUM} not found; skipping the headless-browser check"));
        return;
    }
    let (dom, log) = open_in_chromium(&file, scratch.path());
    assert!(!log.contains(":CONSOLE"), "browser console messages:\n{log}");
    assert!(dom.contains("<title>concord report"), "the page title changed");
    assert!(!dom.contains("<script") && !dom.contains("<img") && !dom.contains("<i>"), "the browser built elements from article text");
    assert!(decode(&dom).contains(&format!("-title\">{name}")), "no section for the article");
}

#[test]
fn markdown_report_has_the_same_sections() {
    let (story, _temp) = story();
    let expected = expected(&report_json(&story));
    let out = concord().arg("compare").arg(&story).args(["--format", "markdown"]).output().expect("run concord");
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    for heading in ["# concord report", "## At a glance", "## ✗ Conflicts", "## ≈ Variations", "## ? Single-source claims", "## ✓ Agreements", "## Articles and excluded text"] {
        assert!(md.contains(heading), "no {heading:?}");
    }
    for id in &expected.finding_ids {
        assert!(md.contains(&format!("\n### {id} ")), "no finding {id}");
    }
    for (_, reason, lines) in &expected.excluded {
        assert!(md.contains(&format!("| {reason} | {lines} |")), "no excluded {reason} at {lines}");
    }
}

//! The HTML report: escaping, self-containment, accessible structure and a
//! snapshot of the page for a small hand-built report.

use super::*;
use crate::report::overview::fixture;

fn page() -> String {
    compare(&fixture::report())
}

/// The text a reader sees: tags dropped, the few entities we emit decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Every value of `attr="..."` in the page.
fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn article_text_is_escaped_never_markup() {
    let html = page();
    assert!(!html.contains("<script"), "raw script tag in the page");
    assert!(html.contains("said &lt;script&gt;alert(1)&lt;/script&gt; &amp; repairs"));
    assert!(visible_text(&html).contains("said <script>alert(1)</script> & repairs would cost $2 million."));
}

#[test]
fn escape_covers_markup_and_quotes() {
    assert_eq!(escape(r#"<a href="x">Tom's & co</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;");
}

#[test]
fn nothing_is_fetched_from_anywhere() {
    let html = page();
    for forbidden in ["http://", "https://", "//", " src=", "url(", "@import", "<script", "<link", "<img", "<iframe"] {
        assert!(!html.contains(forbidden), "page contains {forbidden:?}");
    }
    let hrefs = attribute_values(&html, "href");
    assert!(!hrefs.is_empty());
    for href in hrefs {
        assert!(href.starts_with('#'), "link leaves the page: {href}");
    }
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
}

#[test]
fn every_fragment_link_has_a_target() {
    let html = page();
    let ids = attribute_values(&html, "id");
    for href in attribute_values(&html, "href") {
        assert!(ids.contains(&&href[1..]), "no element with id {href}");
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
}

#[test]
fn verdicts_read_without_colour() {
    let text = visible_text(&page());
    for (marker, words) in [("✗", "conflict"), ("≈", "variation"), ("?", "single source"), ("✓", "agree")] {
        assert!(text.contains(&format!("{marker} {words}")), "no {marker} {words}");
    }
    // The grid cells carry the marker with the figure as written.
    assert!(text.contains("✗ 120 passengers"));
    assert!(text.contains("≈ At least 14 people"));
    assert!(text.contains("? $2 million"));
    assert!(text.contains("✓ four days"));
}

#[test]
fn findings_come_conflicts_first() {
    let html = page();
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("missing {needle}"));
    assert!(at("id=\"F1\"") < at("id=\"F2\""));
    assert!(at("id=\"group-conflict\"") < at("id=\"group-compatible\""));
    assert!(at("id=\"group-compatible\"") < at("id=\"group-single_source\""));
    assert!(at("id=\"group-single_source\"") < at("id=\"group-agree\""));
    assert!(at("id=\"group-agree\"") < at("id=\"articles\""));
}

#[test]
fn evidence_marks_the_quantity_with_its_line() {
    let html = page();
    assert!(html.contains("<blockquote>The ferry carried <mark>120 passengers</mark> when it struck the pier.</blockquote>"));
    assert!(html.contains("Harbour Daily, line 3, column 19</p>"));
    assert!(html.contains("Valley Times, line 3, column 1, attributed to officials</p>"));
}

#[test]
fn excluded_regions_show_reason_lines_note_and_text() {
    let text = visible_text(&page());
    assert!(text.contains("reader comments"));
    assert!(text.contains("lines 7–8"));
    assert!(text.contains("comment thread after the body"));
    assert!(text.contains("Comments Great story | keep it up"));
    assert!(text.contains("Nothing excluded: the whole text was read."));
}

#[test]
fn structure_is_accessible() {
    let html = page();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert_eq!(html.matches("<main>").count(), 1);
    assert_eq!(html.matches("<h1>").count(), 1);
    assert_eq!(html.matches("<table").count(), html.matches("<caption").count(), "a table without caption");
    assert!(!html.contains("<th>"), "every header cell needs a scope");
    // Headings never skip a level.
    let levels: Vec<u8> = html.match_indices("<h").filter_map(|(i, _)| html.as_bytes().get(i + 2).copied()).filter(u8::is_ascii_digit).map(|b| b - b'0').collect();
    assert_eq!(levels.first(), Some(&1));
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "heading jumps from h{} to h{}", pair[0], pair[1]);
    }
}

#[test]
fn styles_are_inline_with_print_and_narrow_screen_rules() {
    let html = page();
    assert!(html.contains("<style>\n/* concord report."));
    assert!(html.contains("@media print"));
    assert!(html.contains("@media (max-width: 40rem)"));
    assert!(html.contains(".scroll { overflow-x: auto;"));
}

#[test]
fn an_empty_scope_leaves_no_dangling_dash() {
    let mut report = fixture::report();
    report.findings[3].scope = String::new();
    let html = compare(&report);
    assert!(html.contains("<a href=\"#F4\">F4</a> duration</th>"));
    assert!(html.contains("F4 · duration</h3>"));
}

#[test]
fn reading_warnings_are_listed_with_the_article() {
    let mut report = fixture::report();
    report.articles[1].warnings.push("story/notes.txt: invalid UTF-8 at byte 7 <here>".into());
    let html = compare(&report);
    assert!(html.contains("<dt>Read with a warning</dt><dd>story/notes.txt: invalid UTF-8 at byte 7 &lt;here&gt;</dd></dl>"));
}

#[test]
fn an_empty_report_still_renders() {
    let html = compare(&crate::pipeline::Report { articles: vec![], findings: vec![], limits: vec![] });
    assert!(html.contains("No figures were found to compare."));
    assert!(html.contains("No articles."));
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn snapshot_of_the_page_body() {
    let html = page();
    let body = &html[html.find("<body>").unwrap_or(0)..];
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("html_report_body", body);
    });
}

/// WCAG 2 relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex colour")) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The value of a `--name: #rrggbb;` custom property in the stylesheet, in
/// the first block at or after `from`.
fn colour(from: &str, name: &str) -> &'static str {
    let block = &STYLE[STYLE.find(from).unwrap_or_else(|| panic!("no {from}"))..];
    let needle = format!("--{name}: ");
    let at = block.find(&needle).unwrap_or_else(|| panic!("no --{name} after {from}")) + needle.len();
    &block[at..at + 7]
}

#[test]
fn text_colours_meet_wcag_aa_contrast_light_and_dark() {
    for scheme in [":root {", "prefers-color-scheme: dark"] {
        let c = |name: &str| colour(scheme, name);
        let mut pairs: Vec<(&str, &str)> = vec![
            (c("text"), c("bg")),
            (c("text"), c("panel")),
            (c("muted"), c("bg")),
            (c("muted"), c("panel")),
            (c("link"), c("bg")),
            ("#000000", "#ffe066"), // <mark>
        ];
        for v in VERDICTS {
            pairs.push((c(&format!("{v}-fg")), c(&format!("{v}-bg"))));
        }
        for (fg, bg) in pairs {
            let ratio = contrast(fg, bg);
            assert!(ratio >= 4.5, "{scheme}: {fg} on {bg}: {ratio:.2}:1 is below WCAG AA");
        }
    }
}

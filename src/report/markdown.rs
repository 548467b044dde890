//! `concord compare --format markdown`: the report to paste into a ticket or
//! a chat thread. The same reading order as the HTML report (summary, grid,
//! findings with evidence, excluded text), in plain Markdown that reads well
//! both rendered and raw.
//!
//! Article text is escaped so that it shows as written: Markdown and HTML
//! characters are backslash-escaped, and inside table cells `|` cannot
//! split a cell nor a line break end a row.

use super::overview::{self, Column, Evidence, VERDICTS};
use crate::ingest::Article;
use crate::model::{Finding, Verdict};
use crate::pipeline::Report;

/// How much of an excluded region the report quotes.
const EXCERPT_CHARS: usize = 120;

/// Above this many outlets the grid lists each finding's figures in one
/// column: a wider Markdown table wraps badly in tickets and chat.
const MAX_GRID_COLUMNS: usize = 6;

pub fn compare(report: &Report) -> String {
    let columns = overview::columns(report);
    let mut out = format!(
        "# concord report\n\n{} compared, {}.\n\n",
        overview::plural(report.articles.len(), "article", "articles"),
        overview::plural(report.findings.len(), "finding", "findings")
    );
    out.push_str(&glance(report, &columns));
    for verdict in VERDICTS {
        out.push_str(&group(report, verdict, &columns));
    }
    out.push_str(&articles(report));
    out
}

fn glance(report: &Report, columns: &[Column<'_>]) -> String {
    let counts: Vec<String> =
        overview::counts(report).into_iter().map(|(v, n)| format!("{} **{n}** {}", overview::marker(v), overview::count_words(v, n))).collect();
    let mut out = format!("## At a glance\n\n{}\n\n", counts.join(" · "));
    if report.findings.is_empty() {
        out.push_str("No figures were found to compare.\n\n");
        return out;
    }
    if columns.len() <= MAX_GRID_COLUMNS {
        out.push_str(&grid(report, columns));
    } else {
        out.push_str(&figure_list(report, columns));
    }
    let key: Vec<String> = VERDICTS.iter().map(|&v| format!("{} {}", overview::marker(v), overview::label(v))).collect();
    out.push_str(&format!("\nKey: {} · — not reported.\n\n", key.join(" · ")));
    out
}

/// "F1 deaths: soldiers" for a grid row.
fn row_label(f: &Finding) -> String {
    let scope = if f.scope.trim().is_empty() { String::new() } else { format!(": {}", cell(&f.scope)) };
    format!("{} {}{scope}", f.id, cell(&f.topic))
}

/// One row per finding, one column per outlet.
fn grid(report: &Report, columns: &[Column<'_>]) -> String {
    let mut out = String::from("| finding | verdict |");
    for c in columns {
        out.push_str(&format!(" {} |", cell(&c.heading)));
    }
    out.push_str("\n| --- | --- |");
    out.push_str(&" --- |".repeat(columns.len()));
    out.push('\n');
    for f in overview::ordered(report) {
        out.push_str(&format!("| {} | {} {} |", row_label(f), overview::marker(f.verdict), overview::label(f.verdict)));
        for c in columns {
            let figures = overview::cell(f, &c.article.id);
            if figures.is_empty() {
                out.push_str(" — |");
            } else {
                let figures: Vec<String> = figures.iter().map(|s| cell(s)).collect();
                out.push_str(&format!(" {} {} |", overview::marker(f.verdict), figures.join("; ")));
            }
        }
        out.push('\n');
    }
    out
}

/// The grid for many outlets: one row per finding with the outlets'
/// figures listed in one cell, so the table stays narrow enough to paste.
fn figure_list(report: &Report, columns: &[Column<'_>]) -> String {
    let mut out = String::from("| finding | verdict | figures |\n| --- | --- | --- |\n");
    for f in overview::ordered(report) {
        let figures: Vec<String> = columns
            .iter()
            .filter_map(|c| {
                let figures = overview::cell(f, &c.article.id);
                (!figures.is_empty()).then(|| {
                    let figures: Vec<String> = figures.iter().map(|s| cell(s)).collect();
                    format!("{}: {}", cell(&c.heading), figures.join("; "))
                })
            })
            .collect();
        out.push_str(&format!(
            "| {} | {} {} | {} |\n",
            row_label(f),
            overview::marker(f.verdict),
            overview::label(f.verdict),
            figures.join(" · ")
        ));
    }
    out
}

fn group(report: &Report, verdict: Verdict, columns: &[Column<'_>]) -> String {
    let findings = overview::group(report, verdict);
    let mut out = format!(
        "## {} {} ({})\n\n{}.\n\n",
        overview::marker(verdict),
        overview::group_title(verdict),
        findings.len(),
        overview::meaning(verdict)
    );
    if findings.is_empty() {
        out.push_str("None.\n\n");
    }
    for f in findings {
        out.push_str(&finding(f, columns));
    }
    out
}

fn finding(f: &Finding, columns: &[Column<'_>]) -> String {
    let mut out = format!(
        "### {} {} {}: {}{}\n\n",
        f.id,
        overview::marker(f.verdict),
        overview::label(f.verdict),
        inline(&f.topic),
        if f.scope.trim().is_empty() { String::new() } else { format!(" ({})", inline(&f.scope)) }
    );
    if f.sides.len() > 1 {
        let sides: Vec<String> = f
            .sides
            .iter()
            .map(|s| format!("**{}** `{}` ({})", inline(&s.quantity), s.interval, inline(&overview::outlets(columns, &s.articles))))
            .collect();
        out.push_str(&format!("Sides: {}\n\n", sides.join(" vs ")));
    }
    out.push_str("| outlet | figure as written | read as | attributed to | line |\n| --- | --- | --- | --- | ---: |\n");
    for c in &f.claims {
        out.push_str(&format!(
            "| {} | {} | `{} {}` | {} | {} |\n",
            cell(overview::outlet_of(columns, &c.article)),
            cell(&c.quantity.text),
            c.interval,
            c.unit.to_string().replace('`', "'").replace('|', "\\|"),
            c.attribution.as_deref().map_or_else(|| "—".to_string(), cell),
            c.line
        ));
    }
    out.push('\n');
    for e in overview::evidence(f) {
        out.push_str(&evidence(&e, columns));
    }
    out.push('\n');
    out
}

/// "- Outlet, line 3, column 5:" and the sentence quoted below it, its
/// quantities in bold.
fn evidence(e: &Evidence<'_>, columns: &[Column<'_>]) -> String {
    let text: String =
        e.pieces.iter().map(|&(piece, marked)| if marked { format!("**{}**", inline(piece)) } else { inline(piece) }).collect();
    let said = if e.attributions.is_empty() { String::new() } else { format!(", attributed to {}", inline(&e.attributions.join("; "))) };
    format!("- {}, {}{said}:\n  > {text}\n", inline(overview::outlet_of(columns, e.article)), overview::position(e))
}

fn articles(report: &Report) -> String {
    let mut out = String::from("## Articles and excluded text\n\nWhat concord read, and what it left out and why.\n\n");
    if report.articles.is_empty() {
        out.push_str("No articles.\n");
    }
    for a in &report.articles {
        out.push_str(&article(report, a));
    }
    out
}

fn article(report: &Report, a: &Article) -> String {
    let title = a.title.as_deref().map(|t| format!(": {}", inline(t))).unwrap_or_default();
    let mut out = format!(
        "### {}{title}\n\n- outlet: {}\n- title: {}\n- date: {}\n- file: `{}`\n- figures in findings: {}\n{}\n",
        inline(a.display_name()),
        a.outlet.as_deref().map_or_else(|| "not given".to_string(), inline),
        a.title.as_deref().map_or_else(|| "not given".to_string(), inline),
        a.date.as_deref().map_or_else(|| "not given".to_string(), inline),
        a.path.replace('`', "'"),
        overview::claims_used(report, &a.id),
        a.warnings.iter().map(|w| format!("- read with a warning: {}\n", inline(w))).collect::<String>()
    );
    if a.excluded.is_empty() {
        out.push_str("Nothing excluded: the whole text was read.\n\n");
        return out;
    }
    out.push_str("| reason | where | why | text |\n| --- | --- | --- | --- |\n");
    for e in &a.excluded {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            cell(&overview::reason(e)),
            overview::line_range(e),
            cell(&e.note),
            cell(&overview::excerpt(a, e, EXCERPT_CHARS))
        ));
    }
    out.push('\n');
    out
}

/// Text for running Markdown: characters Markdown or HTML would act on are
/// backslash-escaped and line breaks become spaces, so the text shows as
/// written.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for a table cell: as [`inline`], which already escapes `|`, with
/// surrounding whitespace trimmed.
pub fn cell(text: &str) -> String {
    inline(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::overview::fixture;

    #[test]
    fn table_cells_escape_pipes_and_line_breaks() {
        assert_eq!(cell(" a | b\nc "), "a \\| b c");
    }

    #[test]
    fn markup_in_article_text_shows_as_written() {
        assert_eq!(inline("<script>alert(1)</script> & *x*"), "\\<script\\>alert(1)\\</script\\> & \\*x\\*");
        let md = compare(&fixture::report());
        assert!(!md.replace("\\<", "").contains("<script"), "unescaped tag");
        assert!(md.contains("said \\<script\\>alert(1)\\</script\\> & repairs"));
    }

    #[test]
    fn grid_cells_carry_the_verdict_marker_and_figure() {
        let md = compare(&fixture::report());
        assert!(md.contains("| finding | verdict | Harbour Daily | notes | Valley Times |"));
        assert!(md.contains("| F1 passengers: passenger, aboard the ferry | ✗ conflict | ✗ 120 passengers | — | ✗ About 130 passengers |"));
        assert!(md.contains("| F3 money: repairs \\| cost | ? single source | — | ? $2 million | — |"));
    }

    #[test]
    fn excluded_regions_are_listed_with_escaped_text() {
        let md = compare(&fixture::report());
        assert!(md.contains("| reader comments | lines 7–8 | comment thread after the body | Comments Great story \\| keep it up |"));
    }

    #[test]
    fn an_empty_scope_leaves_no_dangling_punctuation() {
        let mut report = fixture::report();
        report.findings[3].scope = String::new();
        let md = compare(&report);
        assert!(md.contains("| F4 duration | ✓ agree |"));
        assert!(md.contains("### F4 ✓ agree: duration\n"));
    }

    #[test]
    fn reading_warnings_are_listed_with_the_article() {
        let mut report = fixture::report();
        report.articles[1].warnings.push("story/notes.txt: invalid UTF-8 at byte 7".into());
        let md = compare(&report);
        assert!(md.contains("- figures in findings: 1\n- read with a warning: story/notes.txt: invalid UTF-8 at byte 7\n\n"));
    }

    #[test]
    fn many_outlets_list_figures_in_one_column() {
        let mut report = fixture::report();
        for i in 0..5 {
            let mut extra = report.articles[1].clone();
            extra.id = format!("extra{i}");
            report.articles.push(extra);
        }
        let md = compare(&report);
        assert!(md.contains("| finding | verdict | figures |\n| --- | --- | --- |\n"));
        assert!(md.contains("| F1 passengers: passenger, aboard the ferry | ✗ conflict | Harbour Daily: 120 passengers · Valley Times: About 130 passengers |"));
    }

    #[test]
    fn no_links_or_urls() {
        let md = compare(&fixture::report());
        assert!(!md.contains("://"));
        assert!(!md.contains("]("));
    }

    #[test]
    fn snapshot_of_the_report() {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("markdown_report", compare(&fixture::report()));
        });
    }
}

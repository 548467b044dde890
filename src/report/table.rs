//! The terminal tables of `facts` and `compare` (comfy-table).
//!
//! The `compare` table puts each outlet's figure side by side, one row per
//! finding in report order (conflicts first), under a summary line of
//! counts by verdict, and lists below it what each article had excluded
//! from extraction, so an editor sees what was ignored.

use crate::ingest::Article;
use crate::model::{Claim, Finding, Verdict};
use crate::pipeline::Report;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table};

/// Above this many articles the figures go in one column, one line per
/// outlet, instead of one column per outlet.
const MAX_OUTLET_COLUMNS: usize = 6;

/// `concord compare` as a terminal table.
pub fn compare(report: &Report, color: bool) -> String {
    let names = column_names(&report.articles);
    let side_by_side = report.articles.len() <= MAX_OUTLET_COLUMNS;
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
    if color {
        table.enforce_styling();
    }
    let mut header: Vec<String> = ["id", "topic", "scope", "verdict"].map(String::from).to_vec();
    if side_by_side {
        header.extend(names.iter().cloned());
    } else {
        header.push("figures".into());
    }
    table.set_header(header);
    for f in &report.findings {
        let mut row = vec![Cell::new(&f.id), Cell::new(&f.topic), Cell::new(or_dash(&f.scope)), verdict_cell(f.verdict, color)];
        if side_by_side {
            row.extend(report.articles.iter().map(|a| Cell::new(or_dash(&figures(f, &a.id).join("\n")))));
        } else {
            let lines: Vec<String> = report
                .articles
                .iter()
                .zip(&names)
                .filter_map(|(a, name)| {
                    let figs = figures(f, &a.id);
                    (!figs.is_empty()).then(|| format!("{name}: {}", figs.join("; ")))
                })
                .collect();
            row.push(Cell::new(lines.join("\n")));
        }
        table.add_row(row);
    }
    let mut out = summary(report);
    if !report.findings.is_empty() {
        out.push_str(&format!("{table}\n"));
    }
    out.push_str(&exclusions(report, &names));
    out
}

/// "5 articles, 8 findings: 1 conflict, 2 compatible, 3 single_source, 2 agree"
fn summary(report: &Report) -> String {
    let count = |v: Verdict| report.findings.iter().filter(|f| f.verdict == v).count();
    let counts: Vec<String> = [Verdict::Conflict, Verdict::Compatible, Verdict::SingleSource, Verdict::Agree]
        .iter()
        .map(|&v| format!("{} {v}", count(v)))
        .collect();
    format!(
        "{} article{}, {} finding{}: {}\n",
        report.articles.len(),
        plural(report.articles.len()),
        report.findings.len(),
        plural(report.findings.len()),
        counts.join(", ")
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The quantities one article states in a finding, each once, as written.
fn figures<'f>(finding: &'f Finding, article: &str) -> Vec<&'f str> {
    let mut out: Vec<&str> = Vec::new();
    for c in finding.claims.iter().filter(|c| c.article == article) {
        if !out.contains(&c.quantity.text.as_str()) {
            out.push(&c.quantity.text);
        }
    }
    out
}

fn verdict_cell(verdict: Verdict, color: bool) -> Cell {
    let cell = Cell::new(verdict);
    if !color {
        return cell;
    }
    cell.fg(match verdict {
        Verdict::Conflict => Color::Red,
        Verdict::Compatible => Color::Yellow,
        Verdict::SingleSource => Color::Cyan,
        Verdict::Agree => Color::Green,
    })
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "-" } else { s }
}

/// One name per article: the outlet where the article gives one, its id
/// otherwise; an outlet name shared by two articles gets the id added.
fn column_names(articles: &[Article]) -> Vec<String> {
    articles
        .iter()
        .map(|a| {
            let name = a.display_name();
            let shared = articles.iter().filter(|b| b.display_name() == name).count() > 1;
            if shared && name != a.id { format!("{name} ({})", a.id) } else { name.to_string() }
        })
        .collect()
}

/// The excluded regions of every article, one line each.
fn exclusions(report: &Report, names: &[String]) -> String {
    let mut lines = Vec::new();
    for (a, name) in report.articles.iter().zip(names) {
        for e in &a.excluded {
            let what = if name == &a.id { a.id.clone() } else { format!("{name} ({})", a.id) };
            let range = if e.start_line == e.end_line { format!("line {}", e.start_line) } else { format!("lines {}-{}", e.start_line, e.end_line) };
            let note = if e.note.is_empty() { String::new() } else { format!(": {}", e.note) };
            lines.push(format!("  {what}, {range}, {}{note}\n", e.reason.as_str()));
        }
    }
    if lines.is_empty() {
        "Excluded from extraction: nothing\n".to_string()
    } else {
        format!("Excluded from extraction:\n{}", lines.concat())
    }
}

/// `concord facts` as a terminal table.
pub fn facts(article: &Article, claims: &[Claim]) -> String {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_header(vec!["line:col", "topic", "quantity", "interval", "scope", "attribution"]);
    for c in claims {
        table.add_row(vec![
            format!("{}:{}", c.line, c.column),
            c.topic.clone().unwrap_or_else(|| "-".into()),
            c.quantity.text.clone(),
            format!("{} {}", c.interval, c.unit),
            c.scope.describe(),
            c.attribution.clone().unwrap_or_default(),
        ]);
    }
    format!("{} ({} claims)\n{table}\n", article.path, claims.len())
}

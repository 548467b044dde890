//! The terminal tables of `facts` and `compare` (comfy-table).
//!
//! The `compare` table puts each outlet's figure side by side, one row per
//! finding in report order (conflicts first), under a summary line of
//! counts by verdict, and lists below it what each article had excluded
//! from extraction, so an editor sees what was ignored.

use crate::ingest::{Article, ExclusionReason};
use crate::model::{Claim, Finding, Verdict};
use crate::pipeline::Report;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ContentArrangement, Table};

/// Above this many articles the figures go in one column, one line per
/// outlet, instead of one column per outlet.
const MAX_OUTLET_COLUMNS: usize = 6;

/// Above this many outlet lines in one finding, outlets that give the same
/// figures share a line, so a story of hundreds of articles still shows
/// each finding in a screenful: the figure, how many articles give it,
/// and the first few of them.
const MAX_OUTLET_LINES: usize = 12;

/// How many outlets a shared line names before it counts the rest.
const NAMED_PER_LINE: usize = 3;

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
        let by_article = figures_by_article(f);
        let figures = |a: &Article| by_article.get(a.id.as_str()).map_or(&[][..], Vec::as_slice);
        if side_by_side {
            row.extend(report.articles.iter().map(|a| Cell::new(or_dash(&figures(a).join("\n")))));
        } else {
            let stated: Vec<(&str, String)> = report
                .articles
                .iter()
                .zip(&names)
                .filter_map(|(a, name)| {
                    let figs = figures(a);
                    (!figs.is_empty()).then(|| (name.as_str(), figs.join("; ")))
                })
                .collect();
            row.push(Cell::new(figures_column(&stated)));
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

/// The `figures` cell of a finding from each outlet's name and figures:
/// one line per outlet, or, past [`MAX_OUTLET_LINES`], one line per set of
/// figures, the most common first ("11 workers (412 articles): Northgate
/// Times, Lowmarsh Times, Redhill Times, ..."), with at most that many
/// lines.
fn figures_column(stated: &[(&str, String)]) -> String {
    if stated.len() <= MAX_OUTLET_LINES {
        return stated.iter().map(|(name, figs)| format!("{name}: {figs}")).collect::<Vec<_>>().join("\n");
    }
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for (name, figs) in stated {
        let next = groups.len();
        let k = *index.entry(figs.as_str()).or_insert(next);
        if k == next {
            groups.push((figs, Vec::new()));
        }
        groups[k].1.push(name);
    }
    // Most articles first; a stable sort keeps first appearance on a tie.
    groups.sort_by_key(|(_, names)| std::cmp::Reverse(names.len()));
    let shown = if groups.len() > MAX_OUTLET_LINES { MAX_OUTLET_LINES - 1 } else { groups.len() };
    let mut lines: Vec<String> = groups[..shown]
        .iter()
        .map(|(figs, names)| {
            let more = if names.len() > NAMED_PER_LINE { ", ..." } else { "" };
            let named = names[..names.len().min(NAMED_PER_LINE)].join(", ");
            format!("{figs} ({} article{}): {named}{more}", names.len(), plural(names.len()))
        })
        .collect();
    let rest = &groups[shown..];
    if !rest.is_empty() {
        let articles: usize = rest.iter().map(|(_, names)| names.len()).sum();
        lines.push(format!("... {} other wordings in {articles} articles", rest.len()));
    }
    lines.join("\n")
}

/// The quantities each article states in a finding, each once, as
/// written, read in one pass over the finding (a story of thousands of
/// articles would otherwise scan every claim once per article).
fn figures_by_article(finding: &Finding) -> std::collections::HashMap<&str, Vec<&str>> {
    let mut out: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for c in &finding.claims {
        let figures = out.entry(c.article.as_str()).or_default();
        if !figures.contains(&c.quantity.text.as_str()) {
            figures.push(&c.quantity.text);
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
    let mut uses: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for a in articles {
        *uses.entry(a.display_name()).or_default() += 1;
    }
    articles
        .iter()
        .map(|a| {
            let name = a.display_name();
            let shared = uses.get(name).is_some_and(|&n| n > 1);
            if shared && name != a.id { format!("{name} ({})", a.id) } else { name.to_string() }
        })
        .collect()
}

/// The excluded regions of every article, one line each, or, past
/// [`MAX_EXCLUSION_LINES`], one line per reason with its counts.
fn exclusions(report: &Report, names: &[String]) -> String {
    let total: usize = report.articles.iter().map(|a| a.excluded.len()).sum();
    if total == 0 {
        return "Excluded from extraction: nothing\n".to_string();
    }
    if total > MAX_EXCLUSION_LINES {
        return exclusions_by_reason(report, total);
    }
    let mut out = String::from("Excluded from extraction:\n");
    for (a, name) in report.articles.iter().zip(names) {
        for e in &a.excluded {
            let what = if name == &a.id { a.id.clone() } else { format!("{name} ({})", a.id) };
            let range = if e.start_line == e.end_line { format!("line {}", e.start_line) } else { format!("lines {}-{}", e.start_line, e.end_line) };
            let note = if e.note.is_empty() { String::new() } else { format!(": {}", e.note) };
            out.push_str(&format!("  {what}, {range}, {}{note}\n", e.reason.as_str()));
        }
    }
    out
}

/// Above this many excluded regions the table counts them by reason: a
/// story of hundreds of articles would otherwise end in thousands of lines
/// that bury the findings. The Markdown, HTML and JSON reports still list
/// every region.
const MAX_EXCLUSION_LINES: usize = 24;

/// One line per reason, the most common first: how many regions, in how
/// many articles.
fn exclusions_by_reason(report: &Report, total: usize) -> String {
    // reason -> (regions, articles)
    let mut counts: std::collections::BTreeMap<ExclusionReason, (usize, usize)> = Default::default();
    for a in &report.articles {
        let mut seen = Vec::new();
        for e in &a.excluded {
            let entry = counts.entry(e.reason).or_default();
            entry.0 += 1;
            if !seen.contains(&e.reason) {
                seen.push(e.reason);
                entry.1 += 1;
            }
        }
    }
    let articles = report.articles.iter().filter(|a| !a.excluded.is_empty()).count();
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by_key(|&(_, (regions, _))| std::cmp::Reverse(regions));
    let mut out = format!(
        "Excluded from extraction: {total} regions in {articles} articles, by reason (`--format markdown` or `json` lists each):\n"
    );
    for (reason, (regions, articles)) in rows {
        out.push_str(&format!("  {}: {regions} region{} in {articles} article{}\n", reason.as_str(), plural(regions), plural(articles)));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(n: usize, figs: impl Fn(usize) -> String) -> Vec<(String, String)> {
        (0..n).map(|i| (format!("Outlet {i}"), figs(i))).collect()
    }

    fn column(stated: &[(String, String)]) -> String {
        let borrowed: Vec<(&str, String)> = stated.iter().map(|(n, f)| (n.as_str(), f.clone())).collect();
        figures_column(&borrowed)
    }

    #[test]
    fn a_few_outlets_get_a_line_each() {
        let few = stated(3, |i| if i == 1 { "12".into() } else { "nine".into() });
        assert_eq!(column(&few), "Outlet 0: nine\nOutlet 1: 12\nOutlet 2: nine");
    }

    #[test]
    fn many_outlets_share_a_line_per_figure_most_common_first() {
        let many = stated(20, |i| if i % 4 == 1 { "12".into() } else { "nine".into() });
        assert_eq!(
            column(&many),
            "nine (15 articles): Outlet 0, Outlet 2, Outlet 3, ...\n12 (5 articles): Outlet 1, Outlet 5, Outlet 9, ..."
        );
    }

    #[test]
    fn many_wordings_are_cut_to_a_screenful() {
        let wordings = stated(40, |i| format!("{} workers", i / 2));
        let text = column(&wordings);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), MAX_OUTLET_LINES);
        assert_eq!(lines[0], "0 workers (2 articles): Outlet 0, Outlet 1");
        assert_eq!(lines[MAX_OUTLET_LINES - 1], "... 9 other wordings in 18 articles");
    }
}

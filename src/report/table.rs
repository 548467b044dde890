//! The terminal tables of `facts` and `compare` (comfy-table).

use crate::ingest::Article;
use crate::model::Claim;
use crate::pipeline::Report;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};

/// `concord compare` as a terminal table.
pub fn compare(report: &Report, _color: bool) -> String {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_header(vec!["id", "verdict", "topic", "scope", "figures"]);
    for f in &report.findings {
        let figures: Vec<String> = f
            .claims
            .iter()
            .map(|c| format!("{}: {}", outlet(&report.articles, &c.article), c.quantity.text))
            .collect();
        table.add_row(vec![f.id.clone(), f.verdict.to_string(), f.topic.clone(), f.scope.clone(), figures.join("\n")]);
    }
    format!("{} findings\n{table}\n", report.findings.len())
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

fn outlet<'a>(articles: &'a [Article], id: &'a str) -> &'a str {
    articles.iter().find(|a| a.id == id).map_or(id, Article::display_name)
}

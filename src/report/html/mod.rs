//! `concord compare --format html`: one self-contained HTML file an editor
//! can open, share, print or read on a phone.
//!
//! The page is plain semantic HTML with the stylesheet inlined: no scripts,
//! fonts, images or any other file are fetched, and a Content-Security-Policy
//! forbids the browser from fetching or running anything should article text
//! ever slip through. Every piece of article text goes through [`escape`].
//! The arrangement (what comes first, what a cell shows) lives in
//! [`super::overview`], shared with the Markdown report.

use super::overview::{self, Column, Evidence, VERDICTS};
use crate::ingest::Article;
use crate::model::{Finding, Verdict};
use crate::pipeline::Report;

const STYLE: &str = include_str!("style.css");

/// Nothing may be fetched or run; only the inline stylesheet applies.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// How much of an excluded region the report quotes.
const EXCERPT_CHARS: usize = 160;

/// The whole report as an HTML document.
pub fn compare(report: &Report) -> String {
    let columns = overview::columns(report);
    let mut out = head(report);
    out.push_str("<body>\n<main>\n");
    out.push_str(&header(report));
    out.push_str(&glance(report, &columns));
    for verdict in VERDICTS {
        out.push_str(&group(report, verdict, &columns));
    }
    out.push_str(&articles(report));
    out.push_str("<footer><p>Made by concord. Figures are quoted as each article writes them; intervals are what concord reads them to mean.</p></footer>\n");
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn head(report: &Report) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <title>concord report: {}, {}</title>\n<style>\n{STYLE}</style>\n</head>\n",
        overview::plural(report.articles.len(), "article", "articles"),
        overview::plural(report.findings.len(), "finding", "findings"),
    )
}

fn header(report: &Report) -> String {
    format!(
        "<header>\n<h1>concord report</h1>\n<p class=\"lede\">{} compared, {}.</p>\n</header>\n",
        overview::plural(report.articles.len(), "article", "articles"),
        overview::plural(report.findings.len(), "finding", "findings"),
    )
}

/// A verdict's symbol, hidden from screen readers where the word follows.
fn marker(verdict: Verdict) -> String {
    format!("<span class=\"marker\" aria-hidden=\"true\">{}</span>", overview::marker(verdict))
}

/// The verdict as a coloured badge: symbol, word and colour.
fn badge(verdict: Verdict) -> String {
    format!("<span class=\"badge v v-{verdict}\">{} {}</span>", marker(verdict), overview::label(verdict))
}

/// Counts by verdict and the topic-by-outlet grid.
fn glance(report: &Report, columns: &[Column<'_>]) -> String {
    let mut out = String::from("<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">At a glance</h2>\n<ul class=\"counts\">\n");
    for (verdict, n) in overview::counts(report) {
        out.push_str(&format!(
            "<li class=\"v v-{verdict}\">{} <strong>{n}</strong> {}</li>\n",
            marker(verdict),
            overview::count_words(verdict, n)
        ));
    }
    out.push_str("</ul>\n");
    if report.findings.is_empty() {
        out.push_str("<p class=\"none\">No figures were found to compare.</p>\n");
    } else {
        out.push_str(&grid(report, columns));
        out.push_str(&legend());
    }
    out.push_str("</section>\n");
    out
}

fn grid(report: &Report, columns: &[Column<'_>]) -> String {
    let mut out = String::from(
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"grid-caption\" tabindex=\"0\">\n<table class=\"grid\">\n\
         <caption id=\"grid-caption\">Each outlet’s figure, by finding</caption>\n<thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Verdict</th>",
    );
    for c in columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(&c.heading)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for f in overview::ordered(report) {
        out.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"#{}\">{}</a> {}{}</th><td class=\"v v-{} verdict\">{} {}</td>",
            escape(&f.id),
            escape(&f.id),
            escape(&f.topic),
            if f.scope.trim().is_empty() { String::new() } else { format!("<br><span class=\"none\">{}</span>", escape(&f.scope)) },
            f.verdict,
            marker(f.verdict),
            overview::label(f.verdict)
        ));
        for c in columns {
            out.push_str(&grid_cell(f, c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

fn grid_cell(finding: &Finding, column: &Column<'_>) -> String {
    let figures = overview::cell(finding, &column.article.id);
    if figures.is_empty() {
        return "<td class=\"none\">—<span class=\"sr\"> not reported</span></td>".to_string();
    }
    // One block per figure, so two figures from one outlet never read as one.
    let figures: String = figures.iter().map(|f| format!("<span class=\"fig\">{}</span>", escape(f))).collect();
    format!("<td class=\"v v-{}\">{} {figures}</td>", finding.verdict, marker(finding.verdict))
}

fn legend() -> String {
    let items: Vec<String> = VERDICTS
        .iter()
        .map(|&v| format!("<span class=\"badge v v-{v}\">{} {}</span>", overview::marker(v), overview::label(v)))
        .collect();
    format!("<p class=\"legend\">Key: {} · — not reported.</p>\n", items.join(" "))
}

/// One verdict's findings, each with its figures and evidence.
fn group(report: &Report, verdict: Verdict, columns: &[Column<'_>]) -> String {
    let findings = overview::group(report, verdict);
    let mut out = format!(
        "<section aria-labelledby=\"group-{verdict}\">\n<h2 id=\"group-{verdict}\">{} {} ({})</h2>\n<p class=\"lede\">{}.</p>\n",
        marker(verdict),
        overview::group_title(verdict),
        findings.len(),
        overview::meaning(verdict)
    );
    if findings.is_empty() {
        out.push_str("<p class=\"none\">None.</p>\n");
    }
    for f in findings {
        out.push_str(&finding(f, columns));
    }
    out.push_str("</section>\n");
    out
}

fn finding(f: &Finding, columns: &[Column<'_>]) -> String {
    let id = escape(&f.id);
    let mut out = format!(
        "<article class=\"finding {}\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h3 id=\"{id}-title\">{} {id} · {}{}</h3>\n",
        f.verdict,
        badge(f.verdict),
        escape(&f.topic),
        if f.scope.trim().is_empty() { String::new() } else { format!(" <span class=\"scope\">— {}</span>", escape(&f.scope)) }
    );
    out.push_str(&sides(f, columns));
    out.push_str(&figures(f, columns));
    out.push_str("<ul class=\"evidence\" aria-label=\"Evidence\">\n");
    for e in overview::evidence(f) {
        out.push_str(&evidence(&e, columns));
    }
    out.push_str("</ul>\n</article>\n");
    out
}

/// Who stands on which side, when the articles state more than one figure.
fn sides(f: &Finding, columns: &[Column<'_>]) -> String {
    if f.sides.len() < 2 {
        return String::new();
    }
    let sides: Vec<String> = f
        .sides
        .iter()
        .map(|s| {
            format!(
                "<strong>{}</strong> <span class=\"interval\">{}</span> ({})",
                escape(&s.quantity),
                s.interval,
                escape(&overview::outlets(columns, &s.articles))
            )
        })
        .collect();
    format!("<p class=\"sides\">Sides: {}</p>\n", sides.join(" <em>vs</em> "))
}

/// The outlets' figures side by side with their intervals.
fn figures(f: &Finding, columns: &[Column<'_>]) -> String {
    let id = escape(&f.id);
    let mut out = format!(
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{id}-figures\" tabindex=\"0\">\n<table>\n<caption id=\"{id}-figures\">{id}: figures by outlet</caption>\n\
         <thead><tr><th scope=\"col\">Outlet</th><th scope=\"col\">Figure as written</th><th scope=\"col\">Read as</th><th scope=\"col\">Attributed to</th><th scope=\"col\">Line</th></tr></thead>\n<tbody>\n"
    );
    for c in &f.claims {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"interval\">{} {}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
            escape(overview::outlet_of(columns, &c.article)),
            escape(&c.quantity.text),
            c.interval,
            escape(&c.unit.to_string()),
            c.attribution.as_deref().map_or_else(|| "<span class=\"none\">not stated</span>".to_string(), escape),
            c.line
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// A sentence of evidence, its quantities marked.
fn evidence(e: &Evidence<'_>, columns: &[Column<'_>]) -> String {
    let text: String = e
        .pieces
        .iter()
        .map(|&(piece, marked)| if marked { format!("<mark>{}</mark>", escape(piece)) } else { escape(piece) })
        .collect();
    let said = if e.attributions.is_empty() { String::new() } else { format!(", attributed to {}", escape(&e.attributions.join("; "))) };
    format!(
        "<li><p class=\"source\">{}, {}{said}</p><blockquote>{text}</blockquote></li>\n",
        escape(overview::outlet_of(columns, e.article)),
        overview::position(e)
    )
}

/// Each article's metadata and what was left out of it.
fn articles(report: &Report) -> String {
    let mut out = String::from(
        "<section aria-labelledby=\"articles\">\n<h2 id=\"articles\">Articles and excluded text</h2>\n\
         <p class=\"lede\">What concord read, and what it left out and why, so you can check that nothing real was thrown away.</p>\n",
    );
    if report.articles.is_empty() {
        out.push_str("<p class=\"none\">No articles.</p>\n");
    }
    for a in &report.articles {
        out.push_str(&article(report, a));
    }
    out.push_str("</section>\n");
    out
}

fn article(report: &Report, a: &Article) -> String {
    let anchor = format!("article-{}", anchor(&a.id));
    let heading = match &a.title {
        Some(title) => format!("{}: {}", escape(a.display_name()), escape(title)),
        None => escape(a.display_name()),
    };
    let unknown = || "<span class=\"none\">not given</span>".to_string();
    let mut out = format!(
        "<section class=\"article\" id=\"{anchor}\" aria-labelledby=\"{anchor}-title\">\n<h3 id=\"{anchor}-title\">{heading}</h3>\n<dl class=\"meta\">\
         <dt>Outlet</dt><dd>{}</dd><dt>Title</dt><dd>{}</dd><dt>Date</dt><dd>{}</dd><dt>File</dt><dd><code>{}</code></dd><dt>Figures in findings</dt><dd>{}</dd>{}</dl>\n",
        a.outlet.as_deref().map_or_else(unknown, escape),
        a.title.as_deref().map_or_else(unknown, escape),
        a.date.as_deref().map_or_else(unknown, escape),
        escape(&a.path),
        overview::claims_used(report, &a.id),
        warnings(a)
    );
    out.push_str(&excluded(a, &anchor));
    out.push_str("</section>\n");
    out
}

/// What went oddly while reading the file (invalid UTF-8 and the like).
fn warnings(a: &Article) -> String {
    a.warnings.iter().map(|w| format!("<dt>Read with a warning</dt><dd>{}</dd>", escape(w))).collect()
}

fn excluded(a: &Article, anchor: &str) -> String {
    if a.excluded.is_empty() {
        return "<p class=\"none\">Nothing excluded: the whole text was read.</p>\n".to_string();
    }
    let mut out = format!(
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{anchor}-excluded\" tabindex=\"0\">\n<table>\n<caption id=\"{anchor}-excluded\">Excluded from {}</caption>\n\
         <thead><tr><th scope=\"col\">Reason</th><th scope=\"col\">Where</th><th scope=\"col\">Why</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>\n",
        escape(a.display_name())
    );
    for e in &a.excluded {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"interval\">{}</td><td>{}</td><td class=\"excerpt\">{}</td></tr>\n",
            escape(&overview::reason(e)),
            overview::line_range(e),
            escape(&e.note),
            escape(&overview::excerpt(a, e, EXCERPT_CHARS))
        ));
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// An article id made safe for an `id` attribute and a fragment link.
fn anchor(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect()
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;

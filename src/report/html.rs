//! `concord compare --format html`: one self-contained HTML file.

use crate::pipeline::Report;

pub fn compare(report: &Report) -> String {
    let mut out = String::from("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>concord report</title></head><body><ul>\n");
    for f in &report.findings {
        out.push_str(&format!("<li>{} {} {}</li>\n", escape(&f.id), f.verdict, escape(&f.topic)));
    }
    out.push_str("</ul></body></html>\n");
    out
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

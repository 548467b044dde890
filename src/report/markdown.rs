//! `concord compare --format markdown`: a report to paste into a ticket.

use crate::pipeline::Report;

pub fn compare(report: &Report) -> String {
    let mut out = String::from("# concord report\n\n| id | verdict | topic | scope |\n| --- | --- | --- | --- |\n");
    for f in &report.findings {
        out.push_str(&format!("| {} | {} | {} | {} |\n", f.id, f.verdict, f.topic, f.scope));
    }
    out
}

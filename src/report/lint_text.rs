//! Lint diagnostics as text: compiler-style (human) and one per line.

use crate::lint::LintReport;

/// `path:line:col: severity: message`, one per diagnostic.
pub fn line(report: &LintReport) -> String {
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
        out.push_str(&format!("{}:{}:{}: {}: {}\n", report.draft.path, d.claim.line, d.claim.column, d.severity, d.message));
    }
    out
}

/// The human format.
pub fn human(report: &LintReport, _color: bool) -> String {
    line(report)
}

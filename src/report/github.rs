//! Lint diagnostics as GitHub Actions workflow commands, which the runner
//! turns into annotations on the pull request's diff:
//!
//! ```text
//! ::error file=draft.md,line=5,col=20,endColumn=31,title=concord conflict::deaths: ...
//! ```
//!
//! Errors are `::error`, warnings `::warning`, info `::notice`. A suppressed
//! diagnostic is a `::notice` whose title says so: visible, never blocking.
//! The runner reads `%`, CR and LF as escapes in the message, and also `:`
//! and `,` in properties, so those are escaped as the Actions toolkit does.
//! `endColumn` is the last character's column (inclusive), and is given only
//! when the figure starts and ends on one line, as the runner requires.

use crate::lint::{Diagnostic, LintReport};
use crate::model::Severity;

/// `concord lint --format github`.
pub fn lint(report: &LintReport) -> String {
    report.diagnostics.iter().map(|d| command(&report.draft.path, d)).collect()
}

fn command(path: &str, d: &Diagnostic) -> String {
    let (name, title) = match (&d.suppressed, d.severity) {
        (Some(_), _) => ("notice", format!("concord {} (suppressed)", d.code.as_str())),
        (None, Severity::Error) => ("error", format!("concord {}", d.code.as_str())),
        (None, Severity::Warning) => ("warning", format!("concord {}", d.code.as_str())),
        (None, Severity::Info) => ("notice", format!("concord {}", d.code.as_str())),
    };
    let at = d.location;
    let mut properties = vec![
        format!("file={}", property(path)),
        format!("line={}", at.line),
        format!("col={}", at.column),
    ];
    if at.end_line == at.line {
        properties.push(format!("endColumn={}", at.end_column.saturating_sub(1).max(at.column)));
    } else {
        properties.push(format!("endLine={}", at.end_line));
    }
    properties.push(format!("title={}", property(&title)));
    let message = match &d.suppressed {
        Some(reason) => format!("{} (suppressed: {reason})", d.message),
        None => d.message.clone(),
    };
    format!("::{name} {}::{}\n", properties.join(","), data(&message))
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value: as a message, and `:` and `,` too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_actions_toolkit() {
        assert_eq!(data("50%\r\nnext: a, b"), "50%25%0D%0Anext: a, b");
        assert_eq!(property("a: b, c%\n"), "a%3A b%2C c%25%0A");
    }
}

//! Lint diagnostics as text: compiler-style for people (the draft's line
//! with the figure underlined, the references' wording as notes) and one
//! per line for editors' quick-fix lists and grep.

use crate::lint::{Code, Diagnostic, Evidence, LintReport, Relation};
use crate::model::{Severity, Span};
use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// How much of a reference's sentence a note quotes around its figure.
const EXCERPT_CHARS: usize = 120;

/// `path:line:col: severity: message`, one per diagnostic. Suppressed ones
/// are `note`s that say what they would have been and why they are not.
pub fn line(report: &LintReport) -> String {
    let path = &report.draft.path;
    let mut out = String::new();
    for d in &report.diagnostics {
        let (line, col) = (d.location.line, d.location.column);
        match &d.suppressed {
            None => out.push_str(&format!("{path}:{line}:{col}: {}: {}\n", d.severity, d.message)),
            Some(reason) => out.push_str(&format!(
                "{path}:{line}:{col}: note: suppressed {} ({reason}): {}\n",
                d.severity,
                d.message
            )),
        }
    }
    out
}

/// The human format: each diagnostic with its source line and evidence,
/// suppressed ones in brief, then a summary line.
pub fn human(report: &LintReport, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_none()) {
        out.push_str(&renderer.render(&[group(report, d)]));
        out.push_str("\n\n");
    }
    for d in report.diagnostics.iter().filter(|d| d.suppressed.is_some()) {
        let reason = d.suppressed.as_deref().unwrap_or_default();
        let title = format!(
            "suppressed {}[{}] at {}:{}:{} ({reason}): {}",
            d.severity,
            d.code.as_str(),
            report.draft.path,
            d.location.line,
            d.location.column,
            d.message
        );
        out.push_str(&renderer.render(&[Group::with_title(Level::NOTE.primary_title(title))]));
        out.push('\n');
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// `draft.md: 1 error, 2 warnings, 0 info, 1 suppressed`.
pub fn summary(report: &LintReport) -> String {
    let c = report.counts();
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    format!(
        "{}: {}, {}, {} info, {} suppressed",
        report.draft.path,
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        c.info,
        c.suppressed
    )
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// One diagnostic: title, the draft's lines with the figure underlined,
/// a note per reference.
fn group<'a>(report: &'a LintReport, d: &'a Diagnostic) -> Group<'a> {
    let title = level(d.severity).primary_title(d.message.as_str()).id(d.code.as_str());
    let draft = &report.draft;
    let mut group = match source_lines(report, d) {
        Some(lines) => {
            let span = d.span.start - lines.start..d.span.end - lines.start;
            title.element(
                Snippet::source(&draft.text[lines.start..lines.end])
                    .line_start(d.location.line)
                    .path(draft.path.as_str())
                    .annotation(AnnotationKind::Primary.span(span).label(label(d))),
            )
        }
        None => Group::with_title(title),
    };
    for e in &d.evidence {
        group = group.element(Level::NOTE.message(note(e)));
    }
    group
}

/// The whole lines of the draft that hold the diagnostic's span.
fn source_lines(report: &LintReport, d: &Diagnostic) -> Option<Span> {
    let draft = &report.draft;
    let first = draft.line_span(d.location.line)?;
    let last = draft.line_span(d.location.end_line).unwrap_or(first);
    let end = last.end.max(d.span.end).min(draft.text.len());
    (first.start <= d.span.start && d.span.end <= end).then(|| Span::new(first.start, end))
}

/// The short label under the underlined figure.
fn label(d: &Diagnostic) -> String {
    let stances = d.stances();
    let contradicting = stances.iter().filter(|e| e.relation == Relation::Contradicts).count();
    match d.code {
        Code::Conflict => format!("contradicted by {contradicting} of {} reference article(s)", stances.len()),
        Code::Variation => "worded differently from the references".into(),
        Code::Unsupported => "in no reference".into(),
        Code::SingleSource => "in one outlet only".into(),
        Code::InvalidSuppression => "suppresses nothing".into(),
        Code::UnusedSuppression => "covers no diagnostic".into(),
    }
}

/// `Reuters (story/reuters.txt:4:12) contradicts: "nine soldiers" in "... sentence ..."`.
fn note(e: &Evidence) -> String {
    format!(
        "{} ({}:{}:{}) {}: \"{}\" in \"{}\"",
        e.outlet,
        e.path,
        e.location.line,
        e.location.column,
        e.relation.as_str(),
        e.quantity,
        excerpt(&e.sentence, &e.quantity)
    )
}

/// The sentence, cut to about [`EXCERPT_CHARS`] around `quantity` and
/// folded onto one line.
fn excerpt(sentence: &str, quantity: &str) -> String {
    let words: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = words.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return words;
    }
    let at = words.find(quantity).map_or(0, |byte| words[..byte].chars().count());
    let start = at.saturating_sub(EXCERPT_CHARS / 2).min(chars.len() - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut out = String::new();
    if start > 0 {
        out.push_str("...");
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_are_quoted_whole() {
        assert_eq!(excerpt("Nine  soldiers\ndied.", "Nine"), "Nine soldiers died.");
    }

    #[test]
    fn long_sentences_are_cut_around_the_figure() {
        let sentence = format!("{} 9,000 troops {}", "a ".repeat(100), "b ".repeat(100));
        let cut = excerpt(&sentence, "9,000");
        assert!(cut.starts_with("...") && cut.ends_with("..."), "{cut}");
        assert!(cut.contains("9,000 troops"), "{cut}");
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 6);
    }
}

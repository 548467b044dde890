//! Suppressions written into the draft as HTML comments, which Markdown
//! renders invisibly, so the draft can carry its own "checked, leave it"
//! notes next to the figures they concern:
//!
//! ```text
//! <!-- concord-ignore-next-line: figure from our own reporter -->
//! <!-- concord-ignore-start: quoted from the 2019 report -->
//! ...
//! <!-- concord-ignore-end -->
//! <!-- concord-ignore-topic deaths: toll confirmed by the ministry -->
//! ```
//!
//! Every suppression needs a reason, because a suppression is an editorial
//! decision someone else will have to understand. One that cannot be
//! honoured (no reason, a region with no end, an unknown topic or
//! directive) suppresses nothing and becomes a problem the lint reports:
//! failing safe means a forgotten `-end` can never hide a conflict.

use crate::ingest::Article;
use crate::model::Span;

const PREFIX: &str = "concord-ignore";

/// A suppression comment that cannot be honoured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The whole comment.
    pub span: Span,
    /// The comment as written, for reports.
    pub text: String,
    pub message: String,
}

/// What one honoured suppression covers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    /// Every diagnostic on this 1-based line.
    Line(usize),
    /// Every diagnostic that starts inside these bytes.
    Region(Span),
    /// Every diagnostic of this topic, anywhere in the draft.
    Topic(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Suppression {
    target: Target,
    reason: String,
    /// The comment that asked for it.
    comment: Span,
}

/// The suppressions of one draft, and the comments that could not be
/// honoured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    suppressions: Vec<Suppression>,
    pub problems: Vec<Problem>,
    /// Every HTML comment of the draft: figures inside them are not claims.
    pub comments: Vec<Span>,
}

impl Suppressions {
    /// Reads the suppression comments of `draft`. `topics` are the topics the
    /// rules know, so a misspelt topic is reported rather than ignored.
    pub fn parse(draft: &Article, topics: &[&str]) -> Suppressions {
        let comments = html_comments(&draft.text);
        let mut out = Suppressions { comments: comments.clone(), ..Suppressions::default() };
        // The opening comment of the region being read, with its reason.
        let mut open: Option<(Span, Option<String>)> = None;
        for span in comments {
            let text = &draft.text[span.start..span.end];
            let Some(directive) = Directive::parse(text) else { continue };
            let problem = |message: String| Problem { span, text: text.to_string(), message };
            match directive {
                Directive::NextLine(reason) => match reason {
                    Some(reason) => match next_content_line(draft, &out.comments, span) {
                        Some(line) => out.push(span, Target::Line(line), reason),
                        None => out.problems.push(problem("`concord-ignore-next-line` has no line after it".into())),
                    },
                    None => out.problems.push(problem(needs_reason("concord-ignore-next-line: "))),
                },
                Directive::Start(reason) => {
                    if let Some((opened, _)) = &open {
                        let (line, _) = draft.line_col(opened.start);
                        out.problems.push(problem(format!(
                            "`concord-ignore-start` inside the region opened on line {line}; regions do not nest"
                        )));
                        continue;
                    }
                    if reason.is_none() {
                        out.problems.push(problem(needs_reason("concord-ignore-start: ")));
                    }
                    open = Some((span, reason));
                }
                Directive::End => match open.take() {
                    Some((start, Some(reason))) => out.push(start, Target::Region(Span::new(start.end, span.start)), reason),
                    // Already reported as needing a reason.
                    Some((_, None)) => {}
                    None => out.problems.push(problem("`concord-ignore-end` without a `concord-ignore-start`".into())),
                },
                Directive::Topic(topic, reason) => match (topic, reason) {
                    (None, _) => out.problems.push(problem(
                        "`concord-ignore-topic` names no topic: <!-- concord-ignore-topic TOPIC: reason -->".into(),
                    )),
                    (Some(topic), _) if !topics.contains(&topic.as_str()) => out.problems.push(problem(format!(
                        "`concord-ignore-topic`: unknown topic `{topic}` (known: {})",
                        topics.join(", ")
                    ))),
                    (Some(topic), Some(reason)) => out.push(span, Target::Topic(topic), reason),
                    (Some(topic), None) => {
                        out.problems.push(problem(needs_reason(&format!("concord-ignore-topic {topic}: "))))
                    }
                },
                Directive::Unknown(name) => out.problems.push(problem(format!(
                    "unknown directive `{name}` (expected concord-ignore-next-line, -start, -end or -topic)"
                ))),
            }
        }
        if let Some((span, _)) = open {
            let text = draft.text[span.start..span.end].to_string();
            let message = "`concord-ignore-start` has no `concord-ignore-end`; it suppresses nothing".to_string();
            out.problems.push(Problem { span, text, message });
        }
        out.problems.sort_by_key(|p| p.span);
        out
    }

    fn push(&mut self, comment: Span, target: Target, reason: String) {
        self.suppressions.push(Suppression { target, reason, comment });
    }

    /// How many suppressions were honoured.
    pub fn len(&self) -> usize {
        self.suppressions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.suppressions.is_empty()
    }

    /// The indices of every suppression that covers a diagnostic at `span`
    /// (on 1-based `line`) about `topic`, in draft order.
    pub fn covering(&self, span: Span, line: usize, topic: Option<&str>) -> Vec<usize> {
        (0..self.suppressions.len())
            .filter(|&i| match &self.suppressions[i].target {
                Target::Line(l) => *l == line,
                Target::Region(region) => region.start <= span.start && span.start < region.end,
                Target::Topic(t) => topic == Some(t.as_str()),
            })
            .collect()
    }

    /// The reason given by suppression `index`.
    pub fn reason(&self, index: usize) -> &str {
        &self.suppressions[index].reason
    }

    /// The comments of the suppressions whose index `used` leaves false:
    /// they cover no diagnostic, so they are stale (the figure was fixed or
    /// moved) and would silently swallow a future problem.
    pub fn unused<'a>(&'a self, draft: &'a Article, used: &'a [bool]) -> impl Iterator<Item = Problem> + 'a {
        self.suppressions.iter().zip(used).filter(|(_, used)| !**used).map(|(s, _)| Problem {
            span: s.comment,
            text: draft.text[s.comment.start..s.comment.end].to_string(),
            message: "this suppression covers no diagnostic; remove it".to_string(),
        })
    }

    /// The reason a diagnostic at `span` (on 1-based `line`) about `topic`
    /// is suppressed, if it is. The first matching suppression in the draft
    /// gives the reason.
    pub fn reason_for(&self, span: Span, line: usize, topic: Option<&str>) -> Option<&str> {
        self.covering(span, line, topic).first().map(|&i| self.reason(i))
    }

    /// True when the byte offset lies inside an HTML comment.
    pub fn in_comment(&self, offset: usize) -> bool {
        self.comments.iter().any(|c| c.start <= offset && offset < c.end)
    }
}

fn needs_reason(example: &str) -> String {
    format!("a suppression needs a reason, e.g. <!-- {example}checked with the desk -->; this one suppresses nothing")
}

/// One parsed `concord-ignore` comment. Reasons are `None` when absent or
/// blank.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Directive {
    NextLine(Option<String>),
    Start(Option<String>),
    End,
    Topic(Option<String>, Option<String>),
    Unknown(String),
}

impl Directive {
    /// The directive in an HTML comment (`<!-- ... -->`), or `None` when the
    /// comment is not a concord directive.
    fn parse(comment: &str) -> Option<Directive> {
        let inner = comment.strip_prefix("<!--")?;
        let inner = inner.strip_suffix("-->").unwrap_or(inner).trim();
        if !inner.starts_with(PREFIX) {
            return None;
        }
        let (head, reason) = match inner.split_once(':') {
            Some((head, reason)) => (head.trim(), Some(reason.trim()).filter(|r| !r.is_empty()).map(String::from)),
            None => (inner, None),
        };
        let mut words = head.split_whitespace();
        let name = words.next().unwrap_or(PREFIX);
        let rest: Vec<&str> = words.collect();
        Some(match name {
            "concord-ignore-next-line" => Directive::NextLine(reason),
            "concord-ignore-start" => Directive::Start(reason),
            "concord-ignore-end" => Directive::End,
            "concord-ignore-topic" => Directive::Topic(Some(rest.join(" ")).filter(|t| !t.is_empty()), reason),
            other => Directive::Unknown(other.to_string()),
        })
    }
}

/// Every `<!-- ... -->` comment of `text`, in order. An unclosed comment
/// runs to the end of the text, as it does when Markdown is rendered.
pub fn html_comments(text: &str) -> Vec<Span> {
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("<!--") {
        let start = from + found;
        let end = text[start + 4..].find("-->").map_or(text.len(), |e| start + 4 + e + 3);
        comments.push(Span::new(start, end));
        from = end;
    }
    comments
}

/// The first line after `comment` with text outside comments: the line a
/// `concord-ignore-next-line` speaks of, even across a blank line or a
/// stack of other comments.
fn next_content_line(draft: &Article, comments: &[Span], comment: Span) -> Option<usize> {
    let (first, _) = draft.line_col(comment.end.saturating_sub(1));
    (first + 1..=draft.line_count()).find(|&line| {
        draft.line_span(line).is_some_and(|span| {
            draft.text[span.start..span.end]
                .char_indices()
                .any(|(i, c)| !c.is_whitespace() && !comments.iter().any(|k| k.start <= span.start + i && span.start + i < k.end))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPICS: &[&str] = &["deaths", "troops"];

    fn parse(text: &str) -> (Article, Suppressions) {
        let draft = Article::from_text("draft", "draft.md", text.to_string(), vec![]);
        let s = Suppressions::parse(&draft, TOPICS);
        (draft, s)
    }

    /// The reason for a diagnostic on the first occurrence of `needle`.
    fn reason(draft: &Article, s: &Suppressions, needle: &str, topic: &str) -> Option<String> {
        let start = draft.text.find(needle).expect("needle in text");
        let span = Span::new(start, start + needle.len());
        let (line, _) = draft.line_col(start);
        s.reason_for(span, line, Some(topic)).map(String::from)
    }

    #[test]
    fn directives_parse() {
        let cases = [
            ("<!-- concord-ignore-next-line: checked -->", Directive::NextLine(Some("checked".into()))),
            ("<!--concord-ignore-next-line-->", Directive::NextLine(None)),
            ("<!-- concord-ignore-next-line:   -->", Directive::NextLine(None)),
            ("<!-- concord-ignore-start: a: b -->", Directive::Start(Some("a: b".into()))),
            ("<!-- concord-ignore-end -->", Directive::End),
            ("<!-- concord-ignore-topic deaths: ok -->", Directive::Topic(Some("deaths".into()), Some("ok".into()))),
            ("<!-- concord-ignore-topic: ok -->", Directive::Topic(None, Some("ok".into()))),
            ("<!-- concord-ignore-line: ok -->", Directive::Unknown("concord-ignore-line".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(Directive::parse(text), Some(expected), "{text}");
        }
        assert_eq!(Directive::parse("<!-- an editor's note -->"), None);
    }

    #[test]
    fn next_line_skips_blank_lines_and_comments() {
        let (draft, s) = parse("<!-- concord-ignore-next-line: desk checked -->\n\n<!-- other -->\nNine died.\nTen died.\n");
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        assert_eq!(reason(&draft, &s, "Nine", "deaths").as_deref(), Some("desk checked"));
        assert_eq!(reason(&draft, &s, "Ten", "deaths"), None);
    }

    #[test]
    fn region_covers_what_lies_between() {
        let (draft, s) =
            parse("One.\n<!-- concord-ignore-start: quoted -->\nTwo.\nThree.\n<!-- concord-ignore-end -->\nFour.\n");
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        assert_eq!(reason(&draft, &s, "One", "deaths"), None);
        assert_eq!(reason(&draft, &s, "Two", "deaths").as_deref(), Some("quoted"));
        assert_eq!(reason(&draft, &s, "Three", "deaths").as_deref(), Some("quoted"));
        assert_eq!(reason(&draft, &s, "Four", "deaths"), None);
    }

    #[test]
    fn topic_covers_the_whole_draft_for_that_topic_only() {
        let (draft, s) = parse("Nine died.\n<!-- concord-ignore-topic deaths: confirmed -->\nTen died.\n");
        assert_eq!(reason(&draft, &s, "Nine", "deaths").as_deref(), Some("confirmed"));
        assert_eq!(reason(&draft, &s, "Ten", "deaths").as_deref(), Some("confirmed"));
        assert_eq!(reason(&draft, &s, "Ten", "troops"), None);
    }

    #[test]
    fn suppressions_that_cannot_be_honoured_suppress_nothing() {
        let cases = [
            ("<!-- concord-ignore-next-line -->\nNine died.\n", "needs a reason"),
            ("<!-- concord-ignore-start: x -->\nNine died.\n", "has no `concord-ignore-end`"),
            ("<!-- concord-ignore-start -->\nNine died.\n<!-- concord-ignore-end -->\n", "needs a reason"),
            ("Nine died.\n<!-- concord-ignore-end -->\n", "without a `concord-ignore-start`"),
            ("<!-- concord-ignore-topic casualties: x -->\nNine died.\n", "unknown topic `casualties`"),
            ("<!-- concord-ignore-topic deaths -->\nNine died.\n", "needs a reason"),
            ("<!-- concord-ignore-nextline: x -->\nNine died.\n", "unknown directive"),
        ];
        for (text, expected) in cases {
            let (draft, s) = parse(text);
            assert_eq!(s.problems.len(), 1, "{text}: {:?}", s.problems);
            assert!(s.problems[0].message.contains(expected), "{text}: {}", s.problems[0].message);
            assert_eq!(reason(&draft, &s, "Nine", "deaths"), None, "{text}");
        }
    }

    #[test]
    fn nested_start_is_reported_and_the_outer_region_holds() {
        let (draft, s) = parse(
            "<!-- concord-ignore-start: a -->\n<!-- concord-ignore-start: b -->\nNine.\n<!-- concord-ignore-end -->\n",
        );
        assert_eq!(s.problems.len(), 1);
        assert!(s.problems[0].message.contains("do not nest"));
        assert_eq!(reason(&draft, &s, "Nine", "deaths").as_deref(), Some("a"));
    }

    #[test]
    fn comments_are_found_and_an_unclosed_one_runs_to_the_end() {
        let text = "a <!-- b --> c <!-- d";
        assert_eq!(html_comments(text), vec![Span::new(2, 12), Span::new(15, text.len())]);
    }

    proptest::proptest! {
        /// Any mix of comment syntax, directives, reasons, blank lines and
        /// multi-byte text parses without panicking, and every reported
        /// problem lies inside the draft.
        #[test]
        fn parsing_never_panics(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<!--", "-->", "concord-ignore-next-line", "concord-ignore-start", "concord-ignore-end",
            "concord-ignore-topic", " deaths", ":", " reason", "\n", "\r\n", " ", "é", "—", "9 died",
        ]), 0..40)) {
            let text: String = parts.concat();
            let (draft, s) = parse(&text);
            for p in &s.problems {
                proptest::prop_assert!(p.span.end <= draft.text.len());
            }
            let _ = s.reason_for(Span::new(0, 0), 1, Some("deaths"));
        }
    }
}

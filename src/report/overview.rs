//! The reading order shared by the editor-facing reports (HTML and
//! Markdown): verdict counts, the topic-by-outlet grid, findings grouped by
//! verdict, evidence sentences split around their quantity, and the
//! excluded regions in words.
//!
//! Both renderers show the same story the same way; keeping the
//! arrangement here means they cannot drift apart, and each renderer only
//! decides markup and escaping. Nothing here analyses: it only arranges
//! what the pipeline already decided.

use crate::ingest::{Article, Excluded};
use crate::model::{Claim, Finding, Verdict};
use crate::pipeline::Report;
use std::ops::Range;

/// Every verdict, in report order: conflicts first.
pub const VERDICTS: [Verdict; 4] = [Verdict::Conflict, Verdict::Compatible, Verdict::SingleSource, Verdict::Agree];

/// A symbol that marks a verdict wherever colour also does, so the
/// verdict reads without colour (print, colour blindness, plain text).
pub fn marker(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "✗",
        Verdict::Compatible => "≈",
        Verdict::SingleSource => "?",
        Verdict::Agree => "✓",
    }
}

/// The verdict in the words of an editor.
pub fn label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "conflict",
        Verdict::Compatible => "variation",
        Verdict::SingleSource => "single source",
        Verdict::Agree => "agree",
    }
}

/// The heading of a verdict's group of findings.
pub fn group_title(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "Conflicts",
        Verdict::Compatible => "Variations",
        Verdict::SingleSource => "Single-source claims",
        Verdict::Agree => "Agreements",
    }
}

/// What a verdict asks of the editor.
pub fn meaning(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Conflict => "Sources give figures that cannot both be true: resolve before publishing",
        Verdict::Compatible => "Figures are worded differently but can both be true: worth a look",
        Verdict::SingleSource => "Only one article reports it: verify before relying on it",
        Verdict::Agree => "Two or more articles give the same figure",
    }
}

/// How many findings carry each verdict, in [`VERDICTS`] order.
pub fn counts(report: &Report) -> Vec<(Verdict, usize)> {
    VERDICTS.iter().map(|&v| (v, report.findings.iter().filter(|f| f.verdict == v).count())).collect()
}

/// "conflicts", "single-source claims" and the like after a count.
pub fn count_words(verdict: Verdict, n: usize) -> &'static str {
    let (one, many) = match verdict {
        Verdict::Conflict => ("conflict", "conflicts"),
        Verdict::Compatible => ("variation", "variations"),
        Verdict::SingleSource => ("single-source claim", "single-source claims"),
        Verdict::Agree => ("agreement", "agreements"),
    };
    if n == 1 { one } else { many }
}

/// The findings of one verdict, in report order.
pub fn group(report: &Report, verdict: Verdict) -> Vec<&Finding> {
    report.findings.iter().filter(|f| f.verdict == verdict).collect()
}

/// The findings in reading order: conflicts first, then variations,
/// single-source claims and agreements; report order within each.
pub fn ordered(report: &Report) -> Vec<&Finding> {
    VERDICTS.iter().flat_map(|&v| group(report, v)).collect()
}

/// One column of the grid: an article, headed by its outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Column<'a> {
    pub article: &'a Article,
    /// The outlet name, with the article id added when two articles of the
    /// report share an outlet (so the columns stay distinguishable).
    pub heading: String,
}

/// The grid's columns: one per article, in report order.
pub fn columns(report: &Report) -> Vec<Column<'_>> {
    report
        .articles
        .iter()
        .map(|a| {
            let name = a.display_name();
            let shared = report.articles.iter().filter(|b| b.display_name() == name).count() > 1;
            let heading = if shared && name != a.id { format!("{name} ({})", a.id) } else { name.to_string() };
            Column { article: a, heading }
        })
        .collect()
}

/// The outlet heading of an article id, or the id itself when the report
/// does not list it.
pub fn outlet_of<'a>(columns: &'a [Column<'_>], article: &'a str) -> &'a str {
    columns.iter().find(|c| c.article.id == article).map_or(article, |c| c.heading.as_str())
}

/// The figures one article gives in a finding, as written, without
/// repeats; empty when the article does not report it.
pub fn cell(finding: &Finding, article: &str) -> Vec<String> {
    let mut figures: Vec<String> = Vec::new();
    for c in finding.claims.iter().filter(|c| c.article == article) {
        if !figures.contains(&c.quantity.text) {
            figures.push(c.quantity.text.clone());
        }
    }
    figures
}

/// Where a claim's quantity lies in its sentence, as a byte range of
/// `sentence_text`: by its span when the span falls inside the sentence and
/// matches the text, otherwise by searching the sentence.
pub fn quantity_range(claim: &Claim) -> Option<Range<usize>> {
    let (sentence, quantity) = (&*claim.sentence_text, claim.quantity.text.as_str());
    if quantity.is_empty() {
        return None;
    }
    let by_span = claim
        .quantity
        .span
        .start
        .checked_sub(claim.sentence.start)
        .filter(|&start| sentence.get(start..start + quantity.len()) == Some(quantity));
    by_span.or_else(|| sentence.find(quantity)).map(|start| start..start + quantity.len())
}

/// One sentence of evidence: every claim of a finding that stands in the
/// same sentence of the same article shares one, so an editor reads each
/// sentence once with all its figures marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence<'a> {
    pub article: &'a str,
    pub line: usize,
    /// The columns of the claims' quantities, in claim order.
    pub columns: Vec<usize>,
    /// Who the article says the figures come from, without repeats.
    pub attributions: Vec<&'a str>,
    /// The sentence in order, each piece `true` where it is a quantity.
    pub pieces: Vec<(&'a str, bool)>,
}

/// The evidence sentences of a finding, in the order of their first claim.
pub fn evidence(finding: &Finding) -> Vec<Evidence<'_>> {
    let mut groups: Vec<Vec<&Claim>> = Vec::new();
    for claim in &finding.claims {
        let same = |c: &&Claim| c.article == claim.article && c.sentence == claim.sentence && c.sentence_text == claim.sentence_text;
        match groups.iter_mut().find(|g| g.first().is_some_and(same)) {
            Some(group) => group.push(claim),
            None => groups.push(vec![claim]),
        }
    }
    groups.into_iter().map(|claims| sentence_evidence(&claims)).collect()
}

fn sentence_evidence<'a>(claims: &[&'a Claim]) -> Evidence<'a> {
    let first = claims[0];
    let mut attributions: Vec<&str> = Vec::new();
    for a in claims.iter().filter_map(|c| c.attribution.as_deref()) {
        if !attributions.contains(&a) {
            attributions.push(a);
        }
    }
    let mut ranges: Vec<Range<usize>> = claims.iter().filter_map(|c| quantity_range(c)).collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    Evidence {
        article: &first.article,
        line: first.line,
        columns: claims.iter().map(|c| c.column).collect(),
        attributions,
        pieces: split_marked(&first.sentence_text, &ranges),
    }
}

/// `text` cut into unmarked and marked pieces at sorted `ranges`; a range
/// overlapping an earlier one is skipped, and empty pieces are dropped.
fn split_marked<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in ranges.iter().filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start <= r.end) {
        if r.start < at {
            continue;
        }
        pieces.push((&text[at..r.start], false));
        pieces.push((&text[r.start..r.end], true));
        at = r.end;
    }
    pieces.push((&text[at..], false));
    pieces.retain(|(piece, _)| !piece.is_empty());
    pieces
}

/// "line 8, column 161" or "line 8, columns 161 and 239".
pub fn position(evidence: &Evidence<'_>) -> String {
    let mut columns: Vec<usize> = evidence.columns.clone();
    columns.dedup();
    match columns.as_slice() {
        [one] => format!("line {}, column {one}", evidence.line),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(usize::to_string).collect();
            format!("line {}, columns {} and {last}", evidence.line, init.join(", "))
        }
        [] => format!("line {}", evidence.line),
    }
}

/// An exclusion reason in words ("reader comments").
pub fn reason(excluded: &Excluded) -> String {
    excluded.reason.as_str().replace('_', " ")
}

/// "line 7" or "lines 29–43".
pub fn line_range(excluded: &Excluded) -> String {
    if excluded.start_line == excluded.end_line {
        format!("line {}", excluded.start_line)
    } else {
        format!("lines {}–{}", excluded.start_line, excluded.end_line)
    }
}

/// The opening of an excluded region, whitespace collapsed, at most
/// `max_chars` characters (an ellipsis marks a cut), so an editor can see
/// at a glance what was left out.
pub fn excerpt(article: &Article, excluded: &Excluded, max_chars: usize) -> String {
    let text = article.text.get(excluded.span.start..excluded.span.end).unwrap_or("");
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max_chars {
        return collapsed;
    }
    let cut: String = collapsed.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

/// How many claims of an article the findings use.
pub fn claims_used(report: &Report, article: &str) -> usize {
    report.findings.iter().flat_map(|f| &f.claims).filter(|c| c.article == article).count()
}

/// "Outlet A, Outlet B" for the articles of a side.
pub fn outlets(columns: &[Column<'_>], articles: &[String]) -> String {
    articles.iter().map(|a| outlet_of(columns, a)).collect::<Vec<_>>().join(", ")
}

/// "1 finding" / "2 findings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-built report shared by the renderers' tests: two
    //! outlets and an article without one, a conflict, a variation, a
    //! single-source claim, an agreement, excluded regions, and hostile
    //! text to escape.

    use crate::ingest::{Article, Excluded, ExclusionReason};
    use crate::model::{Bound, Claim, Finding, Interval, Quantity, QuantityKind, Scope, Side, Span, Stated, Verdict, BaseUnit};
    use crate::pipeline::Report;

    const HARBOUR: &str = "Harbour Daily\n\nThe ferry carried 120 passengers when it struck the pier.\nAt least 14 people were hurt, the coast guard said.\nCrews searched for four days.\n\nComments\nGreat story | keep it up\n";
    const VALLEY: &str = "Valley Times\n\nAbout 130 passengers were aboard, officials said.\nSome 14 people were hurt.\nSearchers worked for four days.\n";
    const NOTES: &str = "The port's owner said <script>alert(1)</script> & repairs would cost $2 million.\n";

    fn article(id: &str, outlet: Option<&str>, text: &str) -> Article {
        let mut a = Article::from_text(id, &format!("story/{id}.txt"), text.to_string(), vec![]);
        a.outlet = outlet.map(str::to_string);
        a.title = outlet.map(|_| "Ferry strikes pier".to_string());
        a.date = outlet.map(|_| "2026-03-14".to_string());
        a
    }

    /// A claim located by finding `sentence` and `quantity` in `text`.
    fn claim(article: &str, text: &str, sentence: &str, quantity: &str, interval: Interval, unit: BaseUnit) -> Claim {
        let s = text.find(sentence).expect("fixture sentence");
        let q = s + sentence.find(quantity).expect("fixture quantity");
        let line = text[..q].matches('\n').count() + 1;
        let column = text[..q].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Claim {
            article: article.to_string(),
            quantity: Quantity {
                span: Span::new(q, q + quantity.len()),
                text: quantity.to_string(),
                stated: Stated { bound: Bound::Exact, value: interval.low, to: None, unit: String::new() },
                interval,
                kind: QuantityKind::Count,
                noun: None,
            },
            topic: None,
            interval,
            unit,
            sentence: Span::new(s, s + sentence.len()),
            sentence_text: sentence.into(),
            scope: Scope::default(),
            attribution: None,
            line,
            column,
        }
    }

    fn finding(id: &str, topic: &str, scope: &str, verdict: Verdict, claims: Vec<Claim>) -> Finding {
        let mut sides: Vec<Side> = Vec::new();
        for c in &claims {
            match sides.iter_mut().find(|s| s.interval == c.interval) {
                Some(side) => side.articles.push(c.article.clone()),
                None => sides.push(Side { articles: vec![c.article.clone()], interval: c.interval, quantity: c.quantity.text.clone() }),
            }
        }
        Finding { id: id.into(), topic: topic.into(), scope: scope.into(), verdict, claims, sides }
    }

    pub fn report() -> Report {
        let mut harbour = article("harbour", Some("Harbour Daily"), HARBOUR);
        let start = HARBOUR.find("Comments").expect("fixture comments");
        harbour.excluded = vec![Excluded {
            reason: ExclusionReason::ReaderComments,
            span: Span::new(start, HARBOUR.len()),
            start_line: 7,
            end_line: 8,
            note: "comment thread after the body".into(),
        }];
        let valley = article("valley", Some("Valley Times"), VALLEY);
        let notes = article("notes", None, NOTES);

        let mut hurt = claim("harbour", HARBOUR, "At least 14 people were hurt, the coast guard said.", "At least 14 people", Interval::above(14.0, true), BaseUnit::People);
        hurt.attribution = Some("the coast guard".into());
        let mut aboard_valley = claim("valley", VALLEY, "About 130 passengers were aboard, officials said.", "About 130 passengers", Interval::closed(117.0, 143.0), BaseUnit::People);
        aboard_valley.attribution = Some("officials".into());
        let sneaky = claim("notes", NOTES, NOTES.trim_end(), "$2 million", Interval::point(2e6), BaseUnit::Currency("USD".into()));
        Report {
            articles: vec![harbour, notes, valley],
            findings: vec![
                finding("F1", "passengers", "passenger, aboard the ferry", Verdict::Conflict, vec![
                    claim("harbour", HARBOUR, "The ferry carried 120 passengers when it struck the pier.", "120 passengers", Interval::point(120.0), BaseUnit::People),
                    aboard_valley,
                ]),
                finding("F2", "injured", "people", Verdict::Compatible, vec![
                    hurt,
                    claim("valley", VALLEY, "Some 14 people were hurt.", "Some 14 people", Interval::closed(12.6, 15.4), BaseUnit::People),
                ]),
                finding("F3", "money", "repairs | cost", Verdict::SingleSource, vec![sneaky]),
                finding("F4", "duration", "search", Verdict::Agree, vec![
                    claim("harbour", HARBOUR, "Crews searched for four days.", "four days", Interval::point(4.0), BaseUnit::Days),
                    claim("valley", VALLEY, "Searchers worked for four days.", "four days", Interval::point(4.0), BaseUnit::Days),
                ]),
            ],
            limits: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn findings_read_conflicts_first_then_variations_single_source_agreements() {
        let mut report = fixture::report();
        report.findings.reverse();
        let ids: Vec<&str> = ordered(&report).iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["F1", "F2", "F3", "F4"]);
    }

    #[test]
    fn counts_cover_every_verdict() {
        let counts = counts(&fixture::report());
        assert_eq!(
            counts,
            [(Verdict::Conflict, 1), (Verdict::Compatible, 1), (Verdict::SingleSource, 1), (Verdict::Agree, 1)]
        );
    }

    #[test]
    fn columns_are_outlets_or_ids() {
        let report = fixture::report();
        let headings: Vec<String> = columns(&report).into_iter().map(|c| c.heading).collect();
        assert_eq!(headings, ["Harbour Daily", "notes", "Valley Times"]);
    }

    #[test]
    fn shared_outlet_names_get_the_article_id() {
        let mut report = fixture::report();
        report.articles[2].outlet = Some("Harbour Daily".into());
        let headings: Vec<String> = columns(&report).into_iter().map(|c| c.heading).collect();
        assert_eq!(headings, ["Harbour Daily (harbour)", "notes", "Harbour Daily (valley)"]);
    }

    #[test]
    fn cell_lists_an_outlets_figures_once() {
        let mut report = fixture::report();
        let extra = report.findings[3].claims[0].clone();
        report.findings[3].claims.push(extra);
        assert_eq!(cell(&report.findings[3], "harbour"), ["four days"]);
        assert!(cell(&report.findings[2], "harbour").is_empty());
    }

    #[test]
    fn quantity_found_by_span_then_by_search() {
        let report = fixture::report();
        let claim = &report.findings[1].claims[0];
        assert_eq!(quantity_range(claim), Some(0..18));
        let mut moved = claim.clone();
        moved.quantity.span = Span::new(0, 3);
        assert_eq!(quantity_range(&moved), Some(0..18));
        moved.quantity.text = "not in the sentence".into();
        assert_eq!(quantity_range(&moved), None);
    }

    #[test]
    fn evidence_marks_every_quantity_of_a_shared_sentence_once() {
        let mut report = fixture::report();
        let mut second = report.findings[0].claims[0].clone();
        let at = second.sentence_text.find("the pier").expect("fixture");
        second.quantity.text = "the pier".into();
        second.quantity.span = Span::new(second.sentence.start + at, second.sentence.start + at + 8);
        second.column = 49;
        second.attribution = Some("the crew".into());
        report.findings[0].claims.insert(1, second);
        let evidence = evidence(&report.findings[0]);
        assert_eq!(evidence.len(), 2);
        assert_eq!(
            evidence[0].pieces,
            [("The ferry carried ", false), ("120 passengers", true), (" when it struck ", false), ("the pier", true), (".", false)]
        );
        assert_eq!(evidence[0].attributions, ["the crew"]);
        assert_eq!(position(&evidence[0]), "line 3, columns 19 and 49");
        assert_eq!(position(&evidence[1]), "line 3, column 1");
        assert_eq!(evidence[1].pieces, [("About 130 passengers", true), (" were aboard, officials said.", false)]);
    }

    #[test]
    fn overlapping_or_missing_quantities_leave_the_text_whole() {
        assert_eq!(split_marked("about 40 homes", &[0..8, 6..14]), [("about 40", true), (" homes", false)]);
        assert_eq!(split_marked("40 homes", &[]), [("40 homes", false)]);
        let past_the_end = 0..9;
        assert_eq!(split_marked("40", std::slice::from_ref(&past_the_end)), [("40", false)]);
    }

    #[test]
    fn excluded_regions_in_words() {
        let report = fixture::report();
        let (article, excluded) = (&report.articles[0], &report.articles[0].excluded[0]);
        assert_eq!(reason(excluded), "reader comments");
        assert_eq!(line_range(excluded), "lines 7–8");
        assert_eq!(excerpt(article, excluded, 200), "Comments Great story | keep it up");
        assert_eq!(excerpt(article, excluded, 8), "Comments…");
    }
}

#[cfg(test)]
mod properties {
    //! Renderers take whatever the pipeline hands them: any sentence, any
    //! quantity text, any span, and must neither panic nor let text escape.

    use super::fixture;
    use crate::model::Span;
    use crate::report::{html, markdown};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_claim_text_and_span_renders_without_panic(
            sentence in ".{0,40}",
            quantity in ".{0,12}",
            start in 0usize..200,
            len in 0usize..50,
            outlet in ".{0,12}",
        ) {
            let mut report = fixture::report();
            report.articles[0].outlet = Some(outlet.clone());
            let claim = &mut report.findings[0].claims[0];
            claim.sentence_text = sentence.into();
            claim.quantity.text = quantity;
            claim.quantity.span = Span::new(start, start + len);
            let page = html::compare(&report);
            let md = markdown::compare(&report);
            prop_assert!(page.ends_with("</html>\n"));
            prop_assert!(!page.contains("<script"));
            prop_assert!(md.starts_with("# concord report"));
        }

        #[test]
        fn escaped_text_has_no_markup_and_round_trips(text in ".{0,60}") {
            let escaped = html::escape(&text);
            prop_assert!(!escaped.contains(['<', '>', '"', '\'']));
            let back = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
            prop_assert_eq!(back, text);
        }

        #[test]
        fn markdown_cells_never_split(text in ".{0,60}") {
            let cell = markdown::cell(&text);
            prop_assert!(!cell.contains('\n'));
            // Every `|` is escaped: the cell never opens a new column.
            prop_assert!(!cell.replace("\\\\", "").replace("\\|", "").contains('|'));
        }
    }
}

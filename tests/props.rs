//! Property tests: the extractor and the whole pipeline never panic, on any
//! text or any bytes; interval overlap is symmetric; and the report does not
//! depend on the order the articles were given in.
//!
//! Case counts are bounded so the module runs in seconds in a debug build.

use concord::align::score;
use concord::extract::quantity;
use concord::ingest::Article;
use concord::model::Interval;
use concord::pipeline;
use concord::report::json;
use concord::rules::RuleSet;
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("built-in rules load"));

/// Pieces of news prose that exercise the extractor's paths: numerals with
/// separators and decimals, number words, modifiers, ranges, units, dates,
/// ordinals, quotes, multi-byte characters next to digits, and sentence and
/// line breaks.
const PIECES: &[&str] = &[
    "0", "9", "12", "1,500", "14,000", "1.5", "10-15,000", "2025", "528th", "13th", "4", "100,000,000,000,000,000,000",
    "nine", "fourteen", "thousand", "million", "billion", "dozens", "hundreds", "tens of thousands", "a dozen",
    "about", "around", "nearly", "more than", "at least", "up to", "fewer than", "between", "and", "to", "-", "–",
    "plus", "~", "%", "percent", "$", "€", "£", "won", "days", "weeks", "four-month-long", "months", "year",
    "people", "soldiers", "troops", "killed", "died", "dead", "injured", "wounded", "missing", "deployed",
    "Regiment", "according to", "KCNA", "officials said", "said", "“", "”", "\"", "'", "(", ")", ",", ".", "!", "?",
    " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "é", "数", "٣", "½", "🙂", "\u{FEFF}", "\u{00A0}", "\u{200B}",
    "Leave a comment", "The post", "appeared first on", "Mr.", "U.S.",
];

/// Text assembled from [`PIECES`]: far likelier than uniform strings to
/// reach the interesting corners of the extractor.
fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

/// Any text: uniform Unicode, or pieces of news prose.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy_text()]
}

/// Any bytes: uniform, or news prose with stray bytes spliced in (invalid
/// UTF-8, a BOM, NULs).
fn any_bytes() -> impl Strategy<Value = Vec<u8>> {
    let spliced = (newsy_text(), prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6)).prop_map(
        |(text, strays)| {
            let mut bytes = text.into_bytes();
            for (at, byte) in strays {
                let at = at.index(bytes.len() + 1);
                bytes.insert(at, byte);
            }
            bytes
        },
    );
    prop_oneof![prop::collection::vec(any::<u8>(), 0..400), spliced]
}

fn bound() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        (-1e6f64..1e6).prop_map(Some),
        prop::sample::select(&[0.0, 1.0, 9.0, 10.0, 6000.0][..]).prop_map(Some),
    ]
}

fn interval() -> impl Strategy<Value = Interval> {
    (bound(), bound(), any::<bool>(), any::<bool>()).prop_map(|(a, b, low_inclusive, high_inclusive)| {
        let (low, high) = match (a, b) {
            (Some(x), Some(y)) if x > y => (Some(y), Some(x)),
            other => other,
        };
        Interval { low, high, low_inclusive, high_inclusive }
    })
}

/// A sentence of a synthetic article about one event: a figure, a topic
/// word, sometimes a modifier and a source.
fn sentence() -> impl Strategy<Value = String> {
    let modifier = prop::sample::select(&["", "about ", "more than ", "at least ", "up to ", "nearly ", "some "][..]);
    let figure = prop::sample::select(&["9", "12", "14,000", "6,000", "nine", "hundreds of", "1,500", "120"][..]);
    let event = prop::sample::select(
        &[
            "soldiers were killed",
            "troops were deployed",
            "people died",
            "soldiers were injured",
            "days of deployment ended",
            "people were evacuated",
        ][..],
    );
    let source = prop::sample::select(&["", ", officials said", ", according to KCNA", ", the ministry said"][..]);
    (modifier, figure, event, source).prop_map(|(m, f, e, s)| capitalise(&format!("{m}{f} {e}{s}.")))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Between two and five articles of one story, each a few paragraphs of
/// generated sentences.
fn story() -> impl Strategy<Value = Vec<Article>> {
    let article_text = prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..4)
        .prop_map(|paragraphs| paragraphs.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n") + "\n");
    prop::collection::vec(article_text, 2..6).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Article::from_text(&format!("outlet{i}"), &format!("story/outlet{i}.txt"), text, vec![]))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn quantity_finder_never_panics_and_spans_are_in_bounds(text in any_text()) {
        for q in quantity::find(&text) {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            let (low, high) = (q.interval.low, q.interval.high);
            if let (Some(low), Some(high)) = (low, high) {
                prop_assert!(low <= high, "{} gave [{low}, {high}]", q.text);
            }
        }
    }

    #[test]
    fn overlap_is_symmetric(a in interval(), b in interval()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
    }

    /// The greedy step's quick disagreement test says what the full
    /// relation says.
    #[test]
    fn disagreement_is_a_disjoint_or_far_relation(a in interval(), b in interval()) {
        prop_assert_eq!(score::disagree(&a, &b), score::Relation::of(&a, &b) >= score::Relation::Disjoint);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn pipeline_never_panics_on_any_text(texts in prop::collection::vec(any_text(), 1..4)) {
        let articles: Vec<Article> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Article::from_text(&format!("a{i}"), &format!("a{i}.txt"), text, vec![]))
            .collect();
        let report = pipeline::compare(articles, &RULES);
        let rendered = json::compare(&report);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&rendered).is_ok());
    }

    #[test]
    fn pipeline_never_panics_on_any_bytes(blobs in prop::collection::vec(any_bytes(), 1..4)) {
        let articles: Vec<Article> = blobs
            .iter()
            .enumerate()
            .filter_map(|(i, bytes)| Article::from_bytes(&format!("b{i}"), &format!("b{i}.txt"), bytes).ok())
            .collect();
        for article in &articles {
            let claims = pipeline::facts(article, &RULES);
            for c in &claims {
                prop_assert!(c.line >= 1 && c.line <= article.line_count());
                prop_assert!(c.column >= 1);
            }
        }
        let report = pipeline::compare(articles, &RULES);
        let _ = json::compare(&report);
    }

    #[test]
    fn report_does_not_depend_on_article_order(
        (articles, shuffled) in story().prop_flat_map(|a| (Just(a.clone()), Just(a).prop_shuffle()))
    ) {
        let first = pipeline::compare(articles, &RULES);
        let second = pipeline::compare(shuffled, &RULES);
        let verdicts = |r: &pipeline::Report| r.findings.iter().map(|f| (f.topic.clone(), f.verdict)).collect::<Vec<_>>();
        prop_assert_eq!(verdicts(&first), verdicts(&second));
        prop_assert_eq!(json::compare(&first), json::compare(&second));
    }
}

/// Inputs the properties above once shrank to, kept as plain tests.
#[test]
fn regressions_found_by_the_properties() {
    // A multi-byte character where a source prefix would end.
    for text in ["according to and€", "according to th€ 9 people", "a report by€ 12 killed"] {
        let article = Article::from_text("r", "r.txt", text.to_string(), vec![]);
        let report = pipeline::compare(vec![article], &RULES);
        assert!(serde_json::from_str::<serde_json::Value>(&json::compare(&report)).is_ok(), "{text:?}");
    }
}

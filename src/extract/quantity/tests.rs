//! Table-driven tests of `find` against the design brief: every row of
//! the interval table, units, money, percentages, and every kind of
//! number that is not a quantity. The phrasings are our own.

use super::*;
use crate::model::Interval;

const INF: f64 = f64::INFINITY;

/// `[lo, hi]` with inclusiveness; `INF` for an open top.
fn iv(lo: f64, lo_inc: bool, hi: f64, hi_inc: bool) -> Interval {
    Interval {
        low: Some(lo),
        high: (hi != INF).then_some(hi),
        low_inclusive: lo_inc,
        high_inclusive: hi_inc && hi != INF,
    }
}

fn closed(lo: f64, hi: f64) -> Interval {
    iv(lo, true, hi, true)
}

/// The only quantity in `text`.
fn only(text: &str) -> Quantity {
    let found = find(text);
    assert_eq!(found.len(), 1, "{text:?}: {:#?}", found.iter().map(|q| &q.text).collect::<Vec<_>>());
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

/// Equal intervals, ends compared to twelve significant digits.
fn same(a: &Interval, b: &Interval) -> bool {
    let end = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-12 * x.abs().max(y.abs()).max(1.0),
        (x, y) => x == y,
    };
    end(a.low, b.low) && end(a.high, b.high) && a.low_inclusive == b.low_inclusive && a.high_inclusive == b.high_inclusive
}

struct Row {
    text: &'static str,
    phrase: &'static str,
    bound: Bound,
    value: Option<f64>,
    to: Option<f64>,
    interval: Interval,
}

fn row(text: &'static str, phrase: &'static str, bound: Bound, value: Option<f64>, interval: Interval) -> Row {
    Row { text, phrase, bound, value, to: None, interval }
}

fn check(rows: &[Row]) {
    for r in rows {
        let q = only(r.text);
        assert_eq!(q.text, r.phrase, "{:?}", r.text);
        assert_eq!(&r.text[q.span.start..q.span.end], r.phrase, "{:?}: span", r.text);
        assert_eq!(q.stated.bound, r.bound, "{:?}: bound", r.text);
        assert_eq!(q.stated.value, r.value, "{:?}: value", r.text);
        assert_eq!(q.stated.to, r.to, "{:?}: to", r.text);
        assert!(same(&q.interval, &r.interval), "{:?}: interval {} != {}", r.text, q.interval, r.interval);
    }
}

#[test]
fn exact_numerals_and_number_words() {
    use Bound::Exact;
    check(&[
        row("They rescued seven climbers.", "seven climbers", Exact, Some(7.0), closed(7.0, 7.0)),
        row("The club sold 23,500 tickets.", "23,500 tickets", Exact, Some(23500.0), closed(23500.0, 23500.0)),
        row("Officials counted twenty-three boats.", "twenty-three boats", Exact, Some(23.0), closed(23.0, 23.0)),
        row("It serves 2.5 million riders.", "2.5 million riders", Exact, Some(2.5e6), closed(2.5e6, 2.5e6)),
        row("She owns a dozen horses.", "a dozen horses", Exact, Some(12.0), closed(12.0, 12.0)),
        row("Four hundred and ten voters signed.", "Four hundred and ten voters", Exact, Some(410.0), closed(410.0, 410.0)),
    ]);
}

#[test]
fn approximations() {
    use Bound::About;
    check(&[
        row("They saw about 50 whales.", "about 50 whales", About, Some(50.0), closed(45.0, 55.0)),
        row("It drew around 200 people.", "around 200 people", About, Some(200.0), closed(180.0, 220.0)),
        row("It housed some 3,000 refugees.", "some 3,000 refugees", About, Some(3000.0), closed(2700.0, 3300.0)),
        row("It weighs roughly 80 tonnes.", "roughly 80 tonnes", About, Some(80.0), closed(72.0, 88.0)),
        row("It employs approximately 1,200 staff.", "approximately 1,200 staff", About, Some(1200.0), closed(1080.0, 1320.0)),
        row("An estimated 400 families fled.", "An estimated 400 families", About, Some(400.0), closed(360.0, 440.0)),
        row("The lake is ~30 metres deep.", "~30 metres", About, Some(30.0), closed(27.0, 33.0)),
    ]);
}

#[test]
fn near_misses_sit_just_below() {
    check(&[
        row("Nearly 500 homes lost power.", "Nearly 500 homes", Bound::Nearly, Some(500.0), iv(450.0, true, 500.0, false)),
        row("It lasted almost 40 minutes.", "almost 40 minutes", Bound::Nearly, Some(40.0), iv(36.0 / 1440.0, true, 40.0 / 1440.0, false)),
        row("They raised just under 90 percent.", "just under 90 percent", Bound::Nearly, Some(90.0), iv(81.0, true, 90.0, false)),
    ]);
}

#[test]
fn nearly_is_written_as_less_than_in_json() {
    let q = only("Nearly 500 homes lost power.");
    let json = serde_json::to_value(&q.stated).unwrap_or_default();
    assert_eq!(json["bound"], "<");
    assert_eq!(json["value"], 500.0);
}

#[test]
fn lower_bounds() {
    use Bound::{AtLeast, MoreThan};
    check(&[
        row("More than 70 schools shut.", "More than 70 schools", MoreThan, Some(70.0), iv(70.0, false, INF, false)),
        row("It cost over 900 dollars.", "over 900 dollars", MoreThan, Some(900.0), iv(900.0, false, INF, false)),
        row("Rates above 6 percent bite.", "above 6 percent", MoreThan, Some(6.0), iv(6.0, false, INF, false)),
        row("Losses in excess of 40 tonnes.", "in excess of 40 tonnes", MoreThan, Some(40.0), iv(40.0, false, INF, false)),
        row("The crowd was 8,000 plus.", "8,000 plus", MoreThan, Some(8000.0), iv(8000.0, false, INF, false)),
        row("Attendance was 2,000-plus.", "2,000-plus", MoreThan, Some(2000.0), iv(2000.0, false, INF, false)),
        row("At least 12 miners died.", "At least 12 miners", AtLeast, Some(12.0), iv(12.0, true, INF, false)),
        row("No fewer than 30 ships sailed.", "No fewer than 30 ships", AtLeast, Some(30.0), iv(30.0, true, INF, false)),
    ]);
}

#[test]
fn upper_bounds() {
    use Bound::{AtMost, LessThan};
    check(&[
        row("It holds up to 60 guests.", "up to 60 guests", AtMost, Some(60.0), closed(0.0, 60.0)),
        row("As many as 25 flights were cut.", "As many as 25 flights", AtMost, Some(25.0), closed(0.0, 25.0)),
        row("It takes at most 15 seconds.", "at most 15 seconds", AtMost, Some(15.0), closed(0.0, 15.0 / 86400.0)),
        row("They paid no more than 300 euros.", "no more than 300 euros", AtMost, Some(300.0), closed(0.0, 300.0)),
        row("Fewer than 100 seats remain.", "Fewer than 100 seats", LessThan, Some(100.0), iv(0.0, true, 100.0, false)),
        row("It took less than two years.", "less than two years", LessThan, Some(2.0), iv(0.0, true, 732.0, false)),
        row("Fares under 20 pounds sold out.", "under 20 pounds", LessThan, Some(20.0), iv(0.0, true, 20.0, false)),
        row("Turnout fell below 40 percent.", "below 40 percent", LessThan, Some(40.0), iv(0.0, true, 40.0, false)),
    ]);
}

#[test]
fn ranges() {
    let rng = |text, phrase, a: f64, b: f64, interval| Row { text, phrase, bound: Bound::Range, value: Some(a), to: Some(b), interval };
    check(&[
        rng("They expect 20 to 30 vessels.", "20 to 30 vessels", 20.0, 30.0, closed(20.0, 30.0)),
        rng("A 40-60 km trek.", "40-60 km", 40.0, 60.0, closed(40.0, 60.0)),
        rng("It runs between 8 and 12 weeks.", "between 8 and 12 weeks", 8.0, 12.0, closed(56.0, 84.0)),
        rng("They expect 20-30,000 fans.", "20-30,000 fans", 20000.0, 30000.0, closed(20000.0, 30000.0)),
        rng("Bids from $2 to $3 billion.", "from $2 to $3 billion", 2e9, 3e9, closed(2e9, 3e9)),
        rng("Output slid from 9 to 7 percent.", "from 9 to 7 percent", 9.0, 7.0, closed(7.0, 9.0)),
    ]);
}

#[test]
fn vague_amounts() {
    let vague = |text, phrase, bound, interval| Row { text, phrase, bound, value: None, to: None, interval };
    check(&[
        vague("Dozens of boats capsized.", "Dozens", Bound::Vague, closed(24.0, 99.0)),
        vague("Hundreds of flights were delayed.", "Hundreds", Bound::Vague, closed(200.0, 999.0)),
        vague("Thousands of pilgrims arrived.", "Thousands", Bound::Vague, closed(2000.0, 9999.0)),
        vague("Tens of thousands of fans sang.", "Tens of thousands", Bound::Vague, closed(20000.0, 99999.0)),
        vague("At least thousands of homes flooded.", "At least thousands", Bound::AtLeast, iv(2000.0, true, INF, false)),
    ]);
    let q = only("Hundreds of flights were delayed.");
    assert_eq!(q.stated.unit, "hundreds");
    assert_eq!(q.noun.as_deref(), Some("flights"));
}

#[test]
fn durations_are_days() {
    use Bound::Exact;
    check(&[
        row("After a six-month-long siege.", "a six-month-long", Exact, Some(6.0), closed(168.0, 186.0)),
        row("It began a 45-day strike.", "a 45-day", Exact, Some(45.0), closed(45.0, 45.0)),
        row("Talks took three weeks.", "three weeks", Exact, Some(3.0), closed(21.0, 21.0)),
        row("It lasted two years.", "two years", Exact, Some(2.0), closed(730.0, 732.0)),
    ]);
    let q = only("After a six-month-long siege.");
    assert_eq!((q.kind, q.stated.unit.as_str()), (QuantityKind::Duration, "month"));
}

#[test]
fn percentages() {
    for text in ["Prices rose 12 per cent.", "Prices rose 12%.", "Prices rose 12 percent.", "Prices rose 12pc."] {
        let q = only(text);
        assert_eq!((q.kind, q.stated.value, q.stated.unit.as_str()), (QuantityKind::Percent, Some(12.0), "percent"), "{text}");
    }
    assert_eq!(only("Shares fell -2.5% today.").stated.value, Some(-2.5));
}

#[test]
fn money() {
    let cases: &[(&str, &str, f64)] = &[
        ("It paid $2.5 million.", "USD", 2.5e6),
        ("It paid US$40.", "USD", 40.0),
        ("It raised 3.4 billion euros.", "EUR", 3.4e9),
        ("Tickets cost £450.", "GBP", 450.0),
        ("A bonus of €75,000 was paid.", "EUR", 75000.0),
        ("It sold for 800 yen.", "JPY", 800.0),
        ("A fine of 5,000 won was set.", "KRW", 5000.0),
        ("It cost 120 million yuan.", "CNY", 1.2e8),
        ("It cost 900 rupees.", "INR", 900.0),
        ("A $5bn deal.", "USD", 5e9),
        ("Costs hit HK$3.2m.", "HKD", 3.2e6),
    ];
    for &(text, code, value) in cases {
        let q = only(text);
        assert_eq!(q.kind, QuantityKind::Money(code.into()), "{text}");
        assert_eq!(q.stated.value, Some(value), "{text}");
    }
}

#[test]
fn measures_and_fractions() {
    let cases: &[(&str, &str, f64)] = &[
        ("Winds reached 90mph.", "mph", 90.0),
        ("A 12-mile hike.", "miles", 12.0),
        ("It shipped 4.5m tonnes.", "tonnes", 4.5e6),
        ("It fell 3 degrees overnight.", "degrees", 3.0),
        ("Speeds of 250 km/h.", "km/h", 250.0),
    ];
    for &(text, unit, value) in cases {
        let q = only(text);
        assert_eq!(q.kind, QuantityKind::Measure(unit.into()), "{text}");
        assert_eq!(q.stated.value, Some(value), "{text}");
    }
    assert!((only("A third of voters stayed home.").stated.value.unwrap_or(0.0) - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(only("Two-thirds of the fleet is idle.").stated.value.map(|v| (v * 3.0).round()), Some(2.0));
    assert_eq!(only("One in four adults smoke.").stated.value, Some(0.25));
}

#[test]
fn counted_nouns_and_elisions() {
    assert_eq!(only("Police held 14 protest organisers overnight.").noun.as_deref(), Some("protest organisers"));
    assert_eq!(only("Rescuers found six in a cellar.").noun, None);
    assert_eq!(only("Eleven died at sea.").noun, None);
    assert_eq!(only("One of the pilots resigned.").stated.value, Some(1.0));
    let q = only("Fourteen of the club's players were fined.");
    assert_eq!((q.text.as_str(), q.noun.as_deref()), ("Fourteen", Some("players")));
    assert!(find("She chose the blue one instead.").is_empty());
    assert!(find("Each one of them agreed.").is_empty() || find("Each one of them agreed.")[0].stated.value == Some(1.0));
}

#[test]
fn not_quantities() {
    let cases = [
        "The 31st Brigade moved north.",
        "It was the Ninth Party Congress.",
        "She came first in the race.",
        "He lives at No. 4 on the square.",
        "Flight 93 left late.",
        "They took Route 66 west.",
        "An F-35 flew over.",
        "The COVID-19 wards were full.",
        "It opened in 1987.",
        "Music of the 1970s returned.",
        "The 2019-20 season ended early.",
        "It happened on June 4, 2021.",
        "We met on 14 March.",
        "The meeting starts at 4 p.m. sharp.",
        "Doors open at 09:15 daily.",
        "Call 555-0142 for details.",
        "Write to 221 Baker Street soon.",
        "United won 4-2 at home.",
        "A Cold War-era bunker.",
        "The Boeing 787 landed.",
        "The S&P 500 rose.",
    ];
    for text in cases {
        let found = find(text);
        assert!(found.is_empty(), "{text:?}: {:?}", found.iter().map(|q| &q.text).collect::<Vec<_>>());
    }
}

#[test]
fn mentions_are_ordered_and_apart() {
    let found = find("In 2020, 40 ships and about 300 sailors, plus 12% of crews, waited 3 weeks at a cost of $2m.");
    let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["40 ships", "about 300 sailors", "12%", "3 weeks", "$2m"]);
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

/// A word between two figures belongs to one mention at most. In
/// "1,000 one third cent nearly thousands", "nearly" was read both as the
/// last word of the noun counted by 1,000 (an adverb taken as an adjective
/// before "thousands", which the four-word limit then left out) and as the
/// bound of "thousands". An adverb or participle is part of a counted noun
/// only with the noun word after it, so the noun stops at "cent" and
/// "nearly" bounds the figure it stands before.
#[test]
fn a_word_between_two_figures_is_claimed_once() {
    let texts = |s: &str| find(s).iter().map(|q| (q.text.clone(), q.span.start, q.span.end)).collect::<Vec<_>>();
    let found = texts("1,000 one third cent nearly thousands");
    assert_eq!(found, [("1,000 one third cent".to_string(), 0, 20), ("nearly thousands".to_string(), 21, 37)]);
    assert_eq!(find("1,000 one third cent nearly thousands")[1].stated.bound, Bound::Nearly);
    // A bound word already inside the mention before (here the last of
    // a four-word noun) is not lent to the next figure: the earlier
    // mention, read first, keeps it, and the next figure is unbounded.
    let found = find("1,000 one third cent almost thousands");
    let spans: Vec<(&str, Bound)> = found.iter().map(|q| (q.text.as_str(), q.stated.bound)).collect();
    assert_eq!(spans, [("1,000 one third cent almost", Bound::Exact), ("thousands", Bound::Vague)]);
    let found = find("10 or more than 5 ships");
    let spans: Vec<(&str, Bound)> = found.iter().map(|q| (q.text.as_str(), q.stated.bound)).collect();
    assert_eq!(spans, [("10 or more", Bound::AtLeast), ("5 ships", Bound::Exact)]);
}

#[test]
fn widen_uses_the_topic_band() {
    let q = only("around 1,000 people");
    assert_eq!(widen(&q.stated, &q.kind, 0.2), closed(800.0, 1200.0));
    let q = only("about 2 months");
    assert_eq!(widen(&q.stated, &q.kind, 0.0), closed(56.0, 62.0));
}

#[test]
#[allow(clippy::print_stderr)] // the skip note is for whoever runs the tests
fn seeds_yield_the_expected_quantities() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} is absent; skipped", dir.display());
        return;
    };
    let mut all: Vec<Quantity> = Vec::new();
    for entry in entries.flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            for line in std::fs::read_to_string(entry.path()).unwrap_or_default().lines() {
                all.extend(find(line));
            }
        }
    }
    let has = |phrase: &str, bound: Bound, interval: Interval| {
        all.iter().any(|q| q.text.contains(phrase) && q.stated.bound == bound && q.interval == interval)
    };
    assert!(has("around 14,000", Bound::About, closed(12600.0, 15400.0)));
    assert!(has("some 14,000", Bound::About, closed(12600.0, 15400.0)));
    assert!(has("more than 6,000", Bound::MoreThan, iv(6000.0, false, INF, false)));
    assert!(has("four-month-long", Bound::Exact, closed(112.0, 124.0)));
    assert!(has("less than three months", Bound::LessThan, iv(0.0, true, 93.0, false)));
    assert!(has("about 120 days", Bound::About, closed(108.0, 132.0)));
    assert!(has("120-day", Bound::Exact, closed(120.0, 120.0)));
    assert!(has("up to 15,000", Bound::AtMost, closed(0.0, 15000.0)));
    assert!(has("At least hundreds", Bound::AtLeast, iv(200.0, true, INF, false)));
    for (phrase, value) in [("nine", 9.0), ("five", 5.0), ("one soldier", 1.0), ("1,000", 1000.0), ("5,000", 5000.0)] {
        assert!(has(phrase, Bound::Exact, closed(value, value)), "{phrase}");
    }
    for not in ["528", "13"] {
        assert!(!all.iter().any(|q| q.text.contains(not)), "{not} is not a quantity");
    }
}

mod no_panic {
    use super::find;
    use proptest::prelude::*;

    /// Words of the quantity grammar, shuffled into nonsense.
    const SOUP: &[&str] = &[
        "about", "more", "than", "to", "between", "and", "from", "$", "US", "%", "per", "cent", "million",
        "-", "one", "nine", "hundreds", "tens", "of", "thousands", "a", "third", "dozen", "1,000", "2.5",
        "15,000", "10", "2024", "years", "month", "-long", "plus", "or", "in", "out", "at", "least", "up",
        "nearly", "sub-", "~", "Flight", "No.", "13th", "3:30", "p.m.", "won", "4-2", "£", "bn", "k", "m",
    ];

    proptest! {
        #[test]
        fn any_text(s in "\\PC{0,80}") {
            for q in find(&s) {
                prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
            }
        }

        #[test]
        fn quantity_grammar_soup(words in proptest::collection::vec(proptest::sample::select(SOUP), 0..24)) {
            let s = words.join(" ").replace(" ~ ", " ~").replace(" -", "-");
            let found = find(&s);
            prop_assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
            for q in &found {
                prop_assert_eq!(&s[q.span.start..q.span.end], q.text.as_str());
            }
        }

        #[test]
        fn number_like_text(s in "[0-9a-z$£%.,:\\- ]{0,60}") {
            let found = find(&s);
            prop_assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        }
    }
}

/// The eight-bytes-at-a-time digit test against the plain one.
fn digit_test_agrees(bytes: &[u8]) {
    assert_eq!(super::has_digit(bytes), bytes.iter().any(u8::is_ascii_digit), "{bytes:?}");
}

#[test]
fn the_digit_test_is_the_plain_one() {
    for b in 0..=255u8 {
        for at in 0..10 {
            let mut text = *b"abcdefghij";
            text[at] = b;
            digit_test_agrees(&text);
            digit_test_agrees(&text[..at + 1]);
        }
    }
    for text in ["", "9", "no figures here at all", "one in \u{bd}", "/:@`\u{b0}\u{2009}", "ends with a 7"] {
        digit_test_agrees(text.as_bytes());
    }
}

proptest::proptest! {
    #[test]
    fn the_digit_test_agrees_on_random_bytes(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
        digit_test_agrees(&bytes);
    }
}

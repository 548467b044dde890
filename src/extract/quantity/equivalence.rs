//! The hand-written unit and modifier matchers against the regular
//! expressions they replaced ([`super::legacy`]): on a table of phrasings
//! and on random strings built from the expressions' own vocabulary, both
//! must give the same answer at every position.

use super::{legacy, modifier, unit};
use proptest::prelude::*;

/// Every answer the matchers give for `text`, old and new side by side.
fn compare(text: &str) {
    for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
        assert_eq!(unit::after(text, i), legacy::unit_after(text, i), "unit after {i} in {text:?}");
        assert_eq!(modifier::after(text, i), legacy::modifier_after(text, i), "modifier after {i} in {text:?}");
        assert_eq!(modifier::before(text, i), legacy::modifier_before(text, i), "modifier before {i} in {text:?}");
        assert_eq!(modifier::range_opener(text, i), legacy::range_opener(text, i), "range opener before {i} in {text:?}");
    }
}

#[test]
fn a_table_of_phrasings() {
    let cases = [
        "% of", " per cent", " percent", "pc discount", " pct", " per-cent", " percentage points", " percentage pointsx",
        " euros", " Chinese yuan", " Canadian dollars", " U.S. dollars", " Hong Kong dollar", " kronerx", " krone.",
        "-day trip", "-month-long stay", " weeks", " year-old", " years  old", " YEARS OLD", " - days", " -  days",
        "-days", " miles", "mph", "km/h", " kg", "G networks", " p.m.", "am", " o'clock", " GMT", " gmt", "10 EST",
        " m away", " G", " people", " milestones", " km2", " km2x", " sq. ft", " sq ft", "sqm", " square metres",
        " degrees celsius", " degrees c.", " degreesx", " degC", "°F", "°", " μm", " µm", " Μm", " \u{212A}m",
        " ſeconds", "dayſ", " barrels a day", " barrels an hour", " mg per litre", " mg per Litre", " km / h",
        " km/h2", " km/h2x", " kWh", " A/cm2", " Nm", " nm", "m2", "m3x", " C", " F", "t", " times", " points",
        " basis points", " lb-ft", " pound-feet", " kilotonnes", " kilos", " kilograms", " hp.", " horsepower",
        "\u{a0}per\u{a0}cent", " plus", "-plus", "plus", " PLUS troops", "+", " or more", " or so", " or fewer",
        "  or less", " ordinary", " or  more", "roughly ", "an estimated ", "~", "≈ ", "> ", "≥", "<", "≤  ",
        "almost ", "just under ", "in excess of ", "well over ", "no fewer than ", "as many as ", "no more than ",
        "below ", "a sub-", "xsub-", "the ", "handsome ", "approx. ", "approx ", "just  under ", "ABOUT\n",
        "in the region of ", "on the order of ", "rose from ", "between ", "from the ", "between up to ",
        "from about ", "from the around ", "from about the ", "fromabout ", "xfrom ", "é from ", "Čabout ",
        "a long stretch of text before a number: roughly ", "some forty-odd words and then in the region of ",
        "prices rose from up to ", "between  the  about ", "ſome ", "abouté ", "_about ", "1about ", "DAY-OLD",
        "DAYDEGREES CELSIUS", "AS MANY AS ACRES", "yd\u{b}", "5\u{1c}km",
    ];
    for text in cases {
        compare(text);
    }
}

/// The words of the expressions: units, currencies, durations, bound
/// phrases.
fn vocabulary() -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for c in "abcdefghijklmnopqrstuvwxyz\u{3BC}\u{B0}".chars() {
        for table in [unit::measure_words(c), unit::money_words(c), unit::durations(c)] {
            words.extend(table.iter().map(|s| s.text.to_string()));
        }
    }
    words.extend(unit::CLOCK_WORDS.iter().chain(unit::ZONES).map(|s| s.text.to_string()));
    words.extend(modifier::PHRASES.iter().map(|p| p.0.to_string()));
    words
}

/// The glue between them: white space, signs, the short words of the
/// expressions, and characters that sit on word boundaries or fold onto
/// ASCII letters.
const GLUE: &[&str] = &[
    " ", " ", " ", "  ", "\u{a0}", "\n", "\u{b}", "\u{1c}", "\t", ",", ")", "-", "/", ".", "~", "\u{2248}", ">", "<", "\u{2265}", "\u{2264}", "+", "%",
    "2", "3", "5", "x", "s", "e", "\u{e9}", "\u{212A}", "\u{17F}", "\u{B5}", "\u{39C}", "_", "'", "\u{2019}", "A",
    "C", "F", "G", "L", "t", "p", "per", "cent", "an", "a", "or", "or ", "more", "so", "less", "the", "between",
    "from", "up", "to", "old", "long", "-long", "-old", "plus", "sub-", "GMT", "a.m.", "o'clock", "percentage",
    "points", "day", "year", "share", "\u{0661}", "\u{2162}",
];

/// One piece, in lower case, upper case or capitalised.
fn cased(word: String, case: u8) -> String {
    match case {
        0 => word.to_uppercase(),
        1 => {
            let mut c = word.chars();
            c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        }
        _ => word,
    }
}

fn texts() -> impl Strategy<Value = String> {
    let words = vocabulary();
    let word = (0..words.len(), 0..4u8).prop_map(move |(i, case)| cased(words[i].clone(), case));
    let glue = (0..GLUE.len(), 0..4u8).prop_map(|(i, case)| cased(GLUE[i].to_string(), case));
    let piece = prop_oneof![2 => word, 3 => glue];
    let spacer = prop_oneof![Just(""), Just(" "), Just(" "), Just("-"), Just("\u{a0}")];
    proptest::collection::vec((piece, spacer), 0..7).prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{s}{p}")).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]
    #[test]
    fn random_phrasings(text in texts()) {
        compare(&text);
    }
}

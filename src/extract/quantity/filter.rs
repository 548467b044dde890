//! Numbers that are not quantities: ordinals ("528th"), decades
//! ("1990s"), dates ("December 13"), times of day ("10:30"), identifiers
//! ("Flight 370", "COVID-19", "F-16", "Model 3", "No. 10"), phone numbers
//! and street addresses. Years and sports scores need the unit and the
//! range around a number, so the caller decides those with the helpers
//! here.

use super::numeral::Numeral;
use super::scan::in_set;
use crate::extract::clause::WordSet;
use super::token::Toks;

/// Words after which a number names a thing rather than counts it, stock
/// indices among them for text written in lower case; sorted.
const ID_WORDS: &[&str] = &[
    "apartment", "article", "asx", "bus", "cac", "category", "chapter", "class", "dax", "district", "episode",
    "exit", "flight", "ftse", "game", "gate", "grade", "highway", "interstate", "iso", "issue", "kospi",
    "level", "model", "nasdaq", "nifty", "nikkei", "no", "nos", "number", "part", "phase", "pier", "platform",
    "precinct", "room", "route", "season", "section", "sensex", "series", "sp", "stage", "stoxx", "suite",
    "terminal", "tier", "tsx", "type", "verse", "version", "vol", "volume", "ward",
];

const MONTHS: &[&str] = &[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul", "july",
    "jun", "june", "mar", "nov", "november", "oct", "october", "sep", "sept", "september",
];

const STREET: &[&str] = &[
    "St", "Street", "Rd", "Road", "Ave", "Avenue", "Blvd", "Boulevard", "Lane", "Ln", "Drive", "Dr", "Way",
    "Court", "Ct", "Place", "Pl", "Terrace", "Crescent", "Close", "Parkway", "Square", "Sq",
];

/// "Friday" in "said on Friday 40 people...": a day, not a name.
fn is_weekday(w: &str) -> bool {
    static SET: WordSet = WordSet::new(WEEKDAYS);
    in_set(w, &SET)
}

const WEEKDAYS: &[&str] = &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

/// A month name; "May" and "March" only capitalised.
pub(crate) fn is_month(w: &str) -> bool {
    static SET: WordSet = WordSet::new(MONTHS);
    matches!(w, "May" | "March" | "MAY" | "MARCH") || in_set(w, &SET)
}

/// If the digits numeral `n` is not a quantity, the last token of what
/// to skip. `has_unit` says a unit follows, which keeps "MacBook Pro 16
/// inch" a quantity.
pub(crate) fn reject(t: &Toks, n: &Numeral, has_unit: bool) -> Option<usize> {
    if n.ordinal || n.decade {
        return Some(n.last);
    }
    clock(t, n)
        .or_else(|| slashed(t, n))
        .or_else(|| date(t, n))
        .or_else(|| phone(t, n))
        .or_else(|| identifier(t, n, has_unit))
        .or_else(|| address(t, n))
}

/// "10:30", "1:36.6", "17:22:05".
fn clock(t: &Toks, n: &Numeral) -> Option<usize> {
    let colon_before = n.first >= 1 && t.is_sym(n.first - 1, &[":"]) && t.glued(n.first) && t.glued(n.first - 1) && t.is_num(n.first - 2);
    let colon_after = t.is_sym(n.last + 1, &[":"]) && t.glued(n.last + 1) && t.glued(n.last + 2) && t.is_num(n.last + 2);
    if !colon_before && !colon_after {
        return None;
    }
    let mut last = n.last;
    while t.is_sym(last + 1, &[":", "."]) && t.glued(last + 1) && t.glued(last + 2) && t.is_num(last + 2) {
        last += 2;
    }
    Some(last)
}

/// "9/11", "24/7", "12/25/2020": numbers joined by slashes are dates,
/// scores or names, not amounts.
fn slashed(t: &Toks, n: &Numeral) -> Option<usize> {
    let before = n.first >= 2 && t.is_sym(n.first - 1, &["/"]) && t.glued(n.first) && t.glued(n.first - 1) && t.is_num(n.first - 2);
    let after = |i: usize| t.is_sym(i + 1, &["/"]) && t.glued(i + 1) && t.glued(i + 2) && t.is_num(i + 2);
    if !before && !after(n.last) {
        return None;
    }
    let mut last = n.last;
    while after(last) {
        last += 2;
    }
    Some(last)
}

/// "December 13", "Oct. 31", "13 December".
fn date(t: &Toks, n: &Numeral) -> Option<usize> {
    if !n.plain_int(1) && !n.plain_int(2) || n.value < 1.0 || n.value > 31.0 {
        return None;
    }
    let mut p = n.first.checked_sub(1)?;
    if t.is_sym(p, &["."]) && p >= 1 {
        p -= 1;
    }
    let month_before = t.is_word(p) && is_month(t.s(p));
    let month_after = t.is_word(n.last + 1) && is_month(t.s(n.last + 1));
    (month_before || month_after).then_some(n.last + usize::from(month_after))
}

/// "555-1234", "2019-09-01", "(212) 555-1234".
fn phone(t: &Toks, n: &Numeral) -> Option<usize> {
    let linked = |i: usize| t.is_sym(i + 1, &["-", "."]) && t.glued(i + 1) && t.glued(i + 2) && t.is_num(i + 2);
    if !n.is_digits() || !linked(n.last) {
        return None;
    }
    let mut last = n.last;
    let mut groups = 1;
    while linked(last) {
        last += 2;
        groups += 1;
    }
    let three_four = groups == 2 && n.plain_int(3) && t.s(last).len() == 4;
    (groups >= 3 || three_four).then_some(last)
}

/// "Flight 370", "No. 10", "COVID-19", "F-16", "cac40", "Model 3".
fn identifier(t: &Toks, n: &Numeral, has_unit: bool) -> Option<usize> {
    let f = n.first;
    let p = f.checked_sub(1)?;
    let skip_suffix = |mut last: usize| {
        // "ISO 3888-2", "737-800": the identifier goes on.
        while t.is_sym(last + 1, &["-", "/"]) && t.glued(last + 1) && t.glued(last + 2) && t.is_num(last + 2) {
            last += 2;
        }
        last
    };
    // Letters glued before the digits: "A1", "cac40", "PS6m".
    if t.glued(f) && t.is_word(p) {
        return Some(skip_suffix(n.last));
    }
    // "COVID-19", "F-16", "TA-35": a capitalised prefix and a hyphen.
    if t.glued(f) && t.is_sym(p, &["-"]) && p >= 1 && t.glued(p) && t.is_word(p - 1) && t.s(p - 1).chars().any(char::is_uppercase) {
        return Some(skip_suffix(n.last));
    }
    if t.glued(f) && t.is_sym(p, &["#"]) {
        return Some(skip_suffix(n.last));
    }
    let mut w = p;
    if t.is_sym(w, &["."]) && w >= 1 && t.glued(w) {
        w -= 1;
    }
    if !t.is_word(w) || t.glued(f) && w == p {
        return None;
    }
    let word = t.s(w);
    static ID_SET: WordSet = WordSet::new(ID_WORDS);
    if !has_unit && in_set(word, &ID_SET) {
        return Some(skip_suffix(n.last));
    }
    // A name right before a number: "Planet 9", "Stoxx 50", "iPhone 14".
    let proper = word.chars().any(char::is_uppercase) && !t.clause_initial(w) && !is_month(word) && !is_weekday(word);
    (proper && w == p && !has_unit && n.value >= 0.0).then(|| skip_suffix(n.last))
}

/// "49 Zorro Ranch Road", "9 E 71st St".
fn address(t: &Toks, n: &Numeral) -> Option<usize> {
    if !n.is_digits() || n.scaled() || n.value.fract() != 0.0 {
        return None;
    }
    let mut i = n.last + 1;
    for _ in 0..4 {
        if !t.is_word(i) && !t.is_num(i) {
            return None;
        }
        let w = t.s(i);
        if STREET.contains(&w) && i > n.last + 1 || w == "Ave" || w == "Avenue" {
            return Some(n.last);
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let ordinal = t.is_num(i) && t.glued(i + 1) && ["st", "nd", "rd", "th"].contains(&t.s(i + 1));
        if !capital && !ordinal {
            return None;
        }
        i += if ordinal { 2 } else { 1 };
    }
    None
}

/// A four-digit whole number that reads as a year (1800 to 2100).
pub(crate) fn year_like(n: &Numeral) -> bool {
    n.plain_int(4) && (1800.0..=2100.0).contains(&n.value)
}

/// "A.D. 1000", "AD 793", "1200 BC": an era marker makes any number a year.
pub(crate) fn era_marked(t: &Toks, n: &Numeral) -> bool {
    let p = n.first;
    let before = p >= 1 && (t.is(p - 1, "AD") || t.is(p - 1, "BC") || t.is(p - 1, "CE") || t.is_sym(p - 1, &["."]) && p >= 2 && t.is(p - 2, "D"));
    let after = t.is(n.last + 1, "BC") || t.is(n.last + 1, "BCE") || t.is(n.last + 1, "AD");
    before || after
}

/// Words before a hyphenated pair of numbers that make it a score.
pub(crate) fn score_context(t: &Toks, first: usize, last: usize) -> bool {
    const BEFORE: &[&str] = &[
        "beat", "beats", "won", "win", "wins", "lost", "lose", "loses", "defeated", "drew", "draw", "tied", "tie",
        "trailed", "trail", "led", "lead", "leads", "edged", "ended", "finished", "at", "thrashed", "routed",
    ];
    const AFTER: &[&str] = &["win", "victory", "defeat", "loss", "draw", "lead", "scoreline", "on", "home", "away"];
    let before = first >= 1 && BEFORE.iter().any(|w| t.is(first - 1, w));
    let after = AFTER.iter().any(|w| t.is(last + 1, w));
    before || after
}

#[cfg(test)]
mod tests {
    use super::super::numeral::{Words, at};
    use super::*;

    fn rejected(text: &str, number: &str) -> bool {
        let t = Toks::new(text);
        let mut w = Words::new();
        let Some(i) = (0..t.len()).find(|&i| t.s(i) == number) else { return false };
        let n = at(&t, i, false, &mut w).unwrap_or_else(|| panic!("{number} is a numeral"));
        reject(&t, &n, false).is_some()
    }

    #[test]
    fn word_lists_are_sorted() {
        use super::super::scan::sorted_lower;
        assert!(sorted_lower(ID_WORDS) && sorted_lower(MONTHS) && sorted_lower(WEEKDAYS));
        assert!(is_month("Sept") && is_month("MAY") && !is_month("may") && is_weekday("FRIDAY"));
    }

    /// The hashed sets answer as binary searches of the sorted lists did.
    #[test]
    fn word_sets_answer_as_the_lists() {
        use super::super::scan::in_sorted;
        let odd = ["", "Flight", "FLIGHT", "pierx", "Sept", "SEPTEMBER", "friday", "Fridays", "\u{212A}ospi", "no.", "nos"];
        for word in ID_WORDS.iter().chain(MONTHS).chain(WEEKDAYS).chain(&odd) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{word}x")] {
                let month = matches!(variant.as_str(), "May" | "March" | "MAY" | "MARCH") || in_sorted(&variant, MONTHS);
                assert_eq!(is_month(&variant), month, "{variant:?}");
                assert_eq!(is_weekday(&variant), in_sorted(&variant, WEEKDAYS), "{variant:?}");
                static ID_SET: WordSet = WordSet::new(ID_WORDS);
                assert_eq!(in_set(&variant, &ID_SET), in_sorted(&variant, ID_WORDS), "{variant:?}");
            }
        }
    }

    #[test]
    fn non_quantities() {
        let cases: &[(&str, &str)] = &[
            ("the 41st battalion", "41"),
            ("back in the 1980s", "1980"),
            ("on March 3 the", "3"),
            ("by Sept. 30 they", "30"),
            ("on 7 June", "7"),
            ("at 14:45 local time", "14"),
            ("a lap of 1:52.3", "1"),
            ("call 555-0199 now", "555"),
            ("dated 2021-03-04", "2021"),
            ("aboard flight 17 over", "17"),
            ("the MH-17 crash", "17"),
            ("No. 7 seed", "7"),
            ("a Boeing 747 landed", "747"),
            ("a B52 bomber", "52"),
            ("lives at 12 Elm Road", "12"),
            ("seen at 5 W 43rd St", "5"),
            ("a category 3 storm", "3"),
            ("open 24/7 now", "24"),
            ("since 9/11 the", "9"),
        ];
        for &(text, number) in cases {
            assert!(rejected(text, number), "{text:?}: {number} should not be a quantity");
        }
    }

    #[test]
    fn quantities_are_kept() {
        let cases: &[(&str, &str)] = &[
            ("Only 12 people came", "12"),
            ("The 11 ministers met", "11"),
            ("costs 40 dollars", "40"),
            ("since 3 teams left", "3"),
            ("a May 40 percent", "40"),
            ("by Tuesday 40 people", "40"),
        ];
        for &(text, number) in cases {
            assert!(!rejected(text, number), "{text:?}: {number} is a quantity");
        }
    }
}

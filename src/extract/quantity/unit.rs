//! What a number counts or measures: the unit written after it (per cent,
//! a currency word, a duration, a physical unit) or the currency sign
//! before it ("$", "US$", "£", "HK $").
//!
//! Units after a number are matched by hand-written matchers on the text
//! that follows it (see [`super::scan`]), so a match costs only the length
//! of the unit and nothing is compiled at run time.

use super::token::Toks;
use super::scan::{
    Spelling, boundary_after, char_at, ci, cs, first_at, is_digit_char, key, lit, lit_ci, lit_cs, skip_ws, wb, ws_at,
};

/// A constant table of spellings (a plain `&[...]` of `const fn` calls
/// would be a temporary).
macro_rules! table {
    ($($s:expr),* $(,)?) => {{
        const T: &[Spelling] = &[$($s),*];
        T
    }};
}


/// What the unit makes of a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Unit {
    Percent,
    /// ISO currency code.
    Money(&'static str),
    /// Singular time unit: "day", "month".
    Duration(&'static str),
    /// An age: "18-year-old" is unit "year".
    Age(&'static str),
    Measure(String),
    /// A time of day ("3 p.m.", "10 GMT"): the number is not a quantity.
    Clock,
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitMatch {
    pub unit: Unit,
    /// Byte offset where the unit ends.
    pub end: usize,
    /// Joined to the number by a hyphen ("120-day"): an adjective.
    pub hyphenated: bool,
}

/// The unit right after byte `pos` of the tokenized text, if any.
pub(crate) fn after_in(t: &Toks, pos: usize) -> Option<UnitMatch> {
    after(t.text, pos)
}

/// The unit right after byte `pos`, if any. The kinds are tried in a
/// fixed order: a time of day, per cent, a currency word, a duration, a
/// physical unit.
pub(crate) fn after(text: &str, pos: usize) -> Option<UnitMatch> {
    let rest = text.get(pos..)?;
    // Every unit starts with white space, a hyphen, "%" or a letter, or
    // (past ASCII) a sign such as "°": most punctuation settles it here.
    let first = *rest.as_bytes().first()?;
    if first.is_ascii() && !(first.is_ascii_whitespace() || first.is_ascii_alphabetic() || matches!(first, b'-' | b'%' | b'\x0b')) {
        return None;
    }
    // Most numbers are followed by an ordinary word ("people", "in the"):
    // turned away on its first letters before any table is tried.
    if !joins(rest).any(|j| could_start(rest, j)) {
        return None;
    }
    let at = |end: usize| pos + end;
    if let Some(end) = clock(rest) {
        return Some(UnitMatch { unit: Unit::Clock, end: at(end), hyphenated: false });
    }
    if let Some((end, points)) = percent(rest) {
        let unit = if points { Unit::Measure("percentage points".into()) } else { Unit::Percent };
        return Some(UnitMatch { unit, end: at(end), hyphenated: false });
    }
    if let Some((c, end)) = money_word(rest) {
        let code = currency_word(&rest[c..end].to_ascii_lowercase());
        return Some(UnitMatch { unit: Unit::Money(code), end: at(end), hyphenated: false });
    }
    if let Some(d) = duration(rest) {
        let u = duration_unit(&rest[d.join_end..d.unit_end].to_ascii_lowercase());
        let unit = if rest[d.unit_end..d.end].ends_with("old") { Unit::Age(u) } else { Unit::Duration(u) };
        return Some(UnitMatch { unit, end: at(d.end), hyphenated: rest[..d.join_end].contains('-') });
    }
    let m = measure(rest)?;
    let join = &rest[..m.join_end];
    let u = &rest[m.join_end..m.unit_end];
    // Single letters only when glued ("5G", "100m"), but for "12 C".
    if u.len() == 1 && u.is_ascii() && !join.is_empty() && !matches!(u, "C" | "F") {
        return None;
    }
    let mut name = measure_name(u);
    if m.end > m.unit_end {
        let per = rest[m.unit_end..m.end].split_whitespace().collect::<Vec<_>>().join(" ");
        let per = per.replace(" /", "/").replace("/ ", "/");
        if !per.starts_with('/') {
            name.push(' ');
        }
        name.push_str(&per);
    }
    Some(UnitMatch { unit: Unit::Measure(name), end: at(m.end), hyphenated: join.contains('-') })
}

// The matchers below read the text as the regular expressions they
// replaced did (quoted above each one); `legacy` keeps those expressions
// for the equivalence tests. Alternatives are tried in the expression's
// order, optional parts greedily, so the first match is the expression's.

/// `^\s?(?:(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b)|(?:GMT|EST|...)\b)`:
/// a time of day.
fn clock(rest: &str) -> Option<usize> {
    let i = ws_at(rest, 0).unwrap_or(0);
    // The first letters of the spellings below ("a.m.", "pm", "o'clock"
    // in either case; the zones as written), none of which a character
    // past ASCII folds onto: anything else is no time of day, and the
    // eighteen spellings need not be tried one by one.
    if !matches!(rest.as_bytes().get(i), Some(b'a' | b'A' | b'p' | b'P' | b'o' | b'O' | b'G' | b'E' | b'B' | b'C' | b'U' | b'K' | b'J')) {
        return None;
    }
    first_at(rest, i, CLOCK_WORDS).or_else(|| first_at(rest, i, ZONES))
}

/// Words for a time of day, in the expression's order.
pub(super) const CLOCK_WORDS: &[Spelling] = &[ci("a.m."), ci("p.m."), wb("am"), wb("pm"), wb("o'clock")];

/// Time zones, in the expression's order.
pub(super) const ZONES: &[Spelling] = &[
    cs("GMT"), cs("EST"), cs("EDT"), cs("BST"), cs("CET"), cs("CEST"), cs("UTC"), cs("PST"), cs("PDT"),
    cs("CST"), cs("CDT"), cs("KST"), cs("JST"),
];

/// The words `percent` reads at a join: "per" (then "cent" after an
/// optional space or hyphen), "pc", "pct", "percentage point(s)".
const PERCENT_WORDS: &[Spelling] = &[ci("per"), wb("pc"), wb("pct"), wb("percentage points"), wb("percentage point")];

/// `^(?i:\s?%|\s?per[ -]?cent\b|pc\b|\s?pct\b|\s(?P<points>percentage
/// points?)\b)`: where per cent ends, and whether it is "percentage
/// points".
fn percent(rest: &str) -> Option<(usize, bool)> {
    let ws = ws_at(rest, 0);
    let i = ws.unwrap_or(0);
    // Every form below starts with "%" or a "p" (either case, which no
    // character past ASCII folds onto), after the white space or at the
    // very start ("pc"): anything else is no percentage, settled here.
    let b = rest.as_bytes();
    if !matches!(b.get(i), Some(b'%' | b'p' | b'P')) && !matches!(b.first(), Some(b'p' | b'P')) {
        return None;
    }
    if rest[i..].starts_with('%') {
        return Some((i + 1, false));
    }
    if let Some(per) = lit_ci(rest, i, "per") {
        let gap = if matches!(rest.as_bytes().get(per), Some(b' ' | b'-')) { per + 1 } else { per };
        if let Some(end) = wb("cent").at(rest, gap) {
            return Some((end, false));
        }
    }
    // (The words here are those of `PERCENT_WORDS`.)
    if let Some(end) = wb("pc").at(rest, 0).or_else(|| wb("pct").at(rest, i)) {
        return Some((end, false));
    }
    let end = first_at(rest, ws?, &[wb("percentage points"), wb("percentage point")])?;
    Some((end, true))
}

/// Currency words after a number, filed under their first letter (see
/// [`key`]), within a letter in the order of the expression
/// `^(?i:\s(?P<c>(?:US|U\.S\.|American|...) dollars?|dollars?|euros?|...)\b)`.
pub(super) fn money_words(first: char) -> &'static [Spelling] {
    match first {
        'a' => table![wb("American dollars"), wb("American dollar"), wb("Australian dollars"), wb("Australian dollar"), wb("aud")],
        'b' => table![wb("baht")],
        'c' => table![wb("Canadian dollars"), wb("Canadian dollar"), wb("Chinese yuan"), wb("cny"), wb("chf"), wb("cad")],
        'd' => table![wb("dollars"), wb("dollar"), wb("dirhams"), wb("dirham")],
        'e' => table![wb("euros"), wb("euro"), wb("eur")],
        'f' => table![wb("francs"), wb("franc")],
        'g' => table![wb("gbp")],
        'h' => table![wb("Hong Kong dollars"), wb("Hong Kong dollar"), wb("hkd")],
        'i' => table![wb("inr")],
        'j' => table![wb("jpy")],
        'k' => table![wb("kronor"), wb("krona"), wb("kroner"), wb("krone"), wb("krw")],
        'l' => table![wb("lira")],
        'n' => table![wb("New Zealand dollars"), wb("New Zealand dollar"), wb("naira")],
        'p' => table![wb("pounds sterling"), wb("pesos"), wb("peso")],
        'r' => table![wb("renminbi"), wb("rmb"), wb("rupees"), wb("rupee"), wb("roubles"), wb("rouble"), wb("rubles"), wb("ruble"), wb("ringgit"), wb("rand"), wb("riyals"), wb("riyal")],
        's' => table![wb("Singapore dollars"), wb("Singapore dollar"), wb("sterling"), wb("shekels"), wb("shekel"), wb("Swiss francs"), wb("Swiss franc")],
        't' => table![wb("Taiwan dollars"), wb("Taiwan dollar")],
        'u' => table![wb("US dollars"), wb("US dollar"), wb("U.S. dollars"), wb("U.S. dollar"), wb("usd")],
        'w' => table![wb("won")],
        'y' => table![wb("yen"), wb("yuan")],
        _ => &[],
    }
}


/// A currency word after one white-space character: where the word
/// starts and ends.
fn money_word(rest: &str) -> Option<(usize, usize)> {
    let i = ws_at(rest, 0)?;
    let k = key(char_at(rest, i)?);
    let end = first_at(rest, i, money_words(k))?;
    Some((i, end))
}

/// Where a unit joined to its number ends: `join` (white space or a
/// hyphen), the unit word, and anything after it.
struct Joined {
    join_end: usize,
    unit_end: usize,
    end: usize,
}

/// The ends of `(?P<join>\s|\s?-\s?)?` at the start of `rest`, in the
/// order the expression tries them: one space; space, hyphen, space;
/// space and hyphen; hyphen and space; hyphen; nothing.
fn joins(rest: &str) -> impl Iterator<Item = usize> + '_ {
    let ws = ws_at(rest, 0);
    let hyphen_at = |i: usize| (rest.as_bytes().get(i) == Some(&b'-')).then_some(i + 1);
    let spaced = ws.and_then(hyphen_at);
    let bare = hyphen_at(0);
    [
        ws,
        spaced.and_then(|h| ws_at(rest, h)),
        spaced,
        bare.and_then(|h| ws_at(rest, h)),
        bare,
        Some(0),
    ]
    .into_iter()
    .flatten()
}

/// Duration words, each needing a word boundary after it, filed under
/// their first letter.
pub(super) fn durations(first: char) -> &'static [Spelling] {
    match first {
        'c' => table![wb("century"), wb("centuries")],
        'd' => table![wb("days"), wb("day"), wb("decades"), wb("decade")],
        'f' => table![wb("fortnights"), wb("fortnight")],
        'h' => table![wb("hours"), wb("hour"), wb("hrs"), wb("hr")],
        'm' => table![wb("months"), wb("month"), wb("minutes"), wb("minute"), wb("mins"), wb("min")],
        's' => table![wb("seconds"), wb("second"), wb("secs"), wb("sec")],
        'w' => table![wb("weeks"), wb("week")],
        'y' => table![wb("years"), wb("year"), wb("yrs"), wb("yr")],
        _ => &[],
    }
}


/// `^(?i:(?P<join>\s|\s?-\s?)?(?P<u>days?|weeks?|...|secs?)\b(?P<tail>-long\b|-old\b|\s+old\b)?)`.
fn duration(rest: &str) -> Option<Joined> {
    let (join_end, unit_end) = joins(rest).find_map(|j| Some((j, first_at(rest, j, durations(key(char_at(rest, j)?)))?)))?;
    let end = first_at(rest, unit_end, &[wb("-long"), wb("-old")])
        .or_else(|| ws_at(rest, unit_end).and_then(|_| wb("old").at(rest, skip_ws(rest, unit_end))))
        .unwrap_or(unit_end);
    Some(Joined { join_end, unit_end, end })
}

/// Every spelling a unit can start with at a join: the tables of all the
/// matchers above and below.
fn start_spellings() -> impl Iterator<Item = &'static Spelling> {
    let keys = ('a'..='z').chain(['\u{3BC}', '\u{B0}']);
    let keyed = keys.flat_map(|k| [measure_words(k), money_words(k), durations(k)]);
    [CLOCK_WORDS, ZONES, PERCENT_WORDS].into_iter().chain(keyed).flatten()
}

/// The first letters of the unit spellings, sorted into what a word of
/// the text must begin with for one of them to match it (see
/// [`could_start`]). Letters are lower case and coded base 27 (1 for "a"),
/// so "k", "km" and "kil" have different codes.
struct Starts {
    /// A spelling whose ASCII letters stop after one or two, then need a
    /// boundary or go on with a sign ("km", "m.p.h.", "km/h"): the text's
    /// letters must be exactly these.
    exact: Vec<bool>,
    /// One of one or two letters that a longer word may follow ("per" is
    /// coded by its first three): the text's letters must begin so.
    open: Vec<bool>,
    /// Three or more letters: the text's first three must be these.
    three: Vec<bool>,
    /// ASCII bytes other than letters that begin a spelling ("%").
    signs: [bool; 128],
}

const CODES: usize = 27 * 27 * 27;

/// The base-27 code of up to three ASCII letters, case ignored.
fn code(letters: &[u8]) -> usize {
    letters.iter().take(3).fold(0, |acc, b| acc * 27 + usize::from(b.to_ascii_lowercase() - b'a' + 1))
}

fn starts() -> &'static Starts {
    static STARTS: std::sync::LazyLock<Starts> = std::sync::LazyLock::new(|| {
        let mut s = Starts { exact: vec![false; CODES], open: vec![false; CODES], three: vec![false; CODES], signs: [false; 128] };
        s.signs[usize::from(b'%')] = true;
        for sp in start_spellings() {
            let b = sp.text.as_bytes();
            let m = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            // Open: nothing after the letters and no boundary needed, so the
            // text's word may be longer.
            let open = m == b.len() && !sp.boundary;
            match m {
                0 if b[0].is_ascii() => s.signs[usize::from(b[0])] = true,
                0 => {}
                1 | 2 if open => s.open[code(&b[..m])] = true,
                1 | 2 => s.exact[code(&b[..m])] = true,
                _ => s.three[code(&b[..3])] = true,
            }
        }
        s
    });
    &STARTS
}

/// Whether any unit spelling could match at byte `j` of `rest`: a quick
/// test on the word's first letters. Conservative: text it cannot judge
/// by ASCII letters alone (a letter that is not ASCII, which may fold onto
/// one) is let through to the matchers.
fn could_start(rest: &str, j: usize) -> bool {
    let b = &rest.as_bytes()[j.min(rest.len())..];
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    match b.get(n) {
        Some(c) if !c.is_ascii() => return true,
        _ => {}
    }
    let s = starts();
    if n == 0 {
        return b.first().is_some_and(|&c| s.signs[usize::from(c)]);
    }
    (n <= 2 && s.exact[code(&b[..n])])
        || (1..=n.min(2)).any(|k| s.open[code(&b[..k])])
        || (n >= 3 && s.three[code(&b[..3])])
}

/// `^(?P<join>\s|\s?-\s?)?(?P<u>...)(?P<per>...)?`: a physical or other
/// unit, with any "per" part after it.
fn measure(rest: &str) -> Option<Joined> {
    let (join_end, unit_end) = joins(rest).find_map(|j| {
        let k = key(char_at(rest, j)?);
        Some((j, first_at(rest, j, measure_words(k))?))
    })?;
    let end = per(rest, unit_end).unwrap_or(unit_end);
    Some(Joined { join_end, unit_end, end })
}

/// `(?P<per>\s?/\s?[A-Za-z]+\d?\b|\s+per\s+[a-z]+\b|\s+an?\s+(?:day|week|
/// month|year|minute|hour|second|barrel|share|person|head)\b)`, case as
/// written: "km/h", "mg per litre", "barrels a day". Where it ends.
fn per(rest: &str, i: usize) -> Option<usize> {
    let letters = |from: usize, upper: bool| {
        let n = rest[from..].bytes().take_while(|b| b.is_ascii_lowercase() || upper && b.is_ascii_uppercase()).count();
        (n > 0).then_some(from + n)
    };
    let slash = ws_at(rest, i).unwrap_or(i);
    if rest[slash..].starts_with('/') {
        let from = ws_at(rest, slash + 1).unwrap_or(slash + 1);
        if let Some(end) = letters(from, true) {
            // `[A-Za-z]+\d?\b`: a word boundary right after the letters, or
            // after one digit.
            match char_at(rest, end) {
                Some(c) if is_digit_char(c) && boundary_after(rest, end + c.len_utf8()) => return Some(end + c.len_utf8()),
                _ if boundary_after(rest, end) => return Some(end),
                _ => {}
            }
        }
    }
    ws_at(rest, i)?;
    let word = skip_ws(rest, i);
    if let Some(p) = lit_cs(rest, word, "per").filter(|&p| ws_at(rest, p).is_some()) {
        if let Some(end) = letters(skip_ws(rest, p), false).filter(|&e| boundary_after(rest, e)) {
            return Some(end);
        }
    }
    const PERIODS: &[Spelling] = &[
        cs("day"), cs("week"), cs("month"), cs("year"), cs("minute"), cs("hour"), cs("second"), cs("barrel"),
        cs("share"), cs("person"), cs("head"),
    ];
    let article = lit_cs(rest, word, "an").or_else(|| lit_cs(rest, word, "a"))?;
    ws_at(rest, article)?;
    first_at(rest, skip_ws(rest, article), PERIODS)
}


/// The unit words of the expression, filed under their first letter (see
/// [`key`]); within a letter, in the expression's order. `ci` and `wb`
/// spellings ignore case, `cs` ones do not; `wb` and `cs` need a word
/// boundary after them.
pub(super) fn measure_words(first: char) -> &'static [Spelling] {
    match first {
        'a' => table![ci("acres"), ci("acre"), lit("A/cm2")],
        'b' => table![ci("barrels"), ci("barrel"), wb("bbl"), wb("bhp"), ci("basis points"), ci("basis point"), wb("bps")],
        'c' => table![
            ci("centimeters"), ci("centimeter"), ci("centimetres"), ci("centimetre"), wb("cm2"), wb("cm3"), wb("cm"),
            ci("celsius"), ci("calories"), ci("calorie"), wb("cents"), wb("cent"), ci("cylinders"), ci("cylinder"),
            wb("cyl"), cs("C"),
        ],
        'd' => table![
            wb("degrees celsius"), wb("degrees fahrenheit"), wb("degrees c"), wb("degrees f"), ci("degrees"),
            wb("degree celsius"), wb("degree fahrenheit"), wb("degree c"), wb("degree f"), ci("degree"),
            wb("degc"), wb("degf"), wb("deg"),
        ],
        'f' => table![ci("feet"), ci("foot"), wb("ft"), ci("fahrenheit"), cs("F")],
        'g' => table![
            ci("grams"), ci("gram"), wb("gigatonnes"), wb("gigatonne"), wb("gigatons"), wb("gigaton"), ci("gallons"),
            ci("gallon"), wb("gwh"), wb("gw"), ci("gigawatts"), ci("gigawatt"), wb("ghz"), wb("gbps"), wb("gb"),
            ci("gigabytes"), ci("gigabyte"), wb("gauge"), cs("g"), cs("G"),
        ],
        'h' => table![ci("hectares"), ci("hectare"), ci("horsepower"), wb("hp"), wb("hz")],
        'i' => table![ci("inches"), ci("inch")],
        'k' => table![
            ci("km/hr"), ci("km/h"), ci("kph"), ci("kilometers"), ci("kilometer"), ci("kilometres"), ci("kilometre"),
            wb("km2"), wb("km3"), wb("km"), wb("kilograms"), wb("kilogram"), wb("kilos"), wb("kilo"), wb("kg"),
            wb("kilotonnes"), wb("kilotonne"), wb("kilotons"), wb("kiloton"), wb("kwh"), wb("kw"), ci("kilowatts"),
            ci("kilowatt"), wb("khz"), wb("kbps"), wb("kcal"),
        ],
        'l' => table![ci("lb-ft"), wb("lbs"), wb("lb"), ci("liters"), ci("liter"), ci("litres"), ci("litre"), cs("l"), cs("L")],
        'm' => table![
            ci("m.p.h."), ci("m.p.h"), ci("mph"), ci("miles"), ci("mile"), ci("meters"), ci("meter"), ci("metres"),
            ci("metre"), ci("millimeters"), ci("millimeter"), ci("millimetres"), ci("millimetre"), wb("mm"),
            ci("microns"), ci("micron"), wb("mg"), wb("megatonnes"), wb("megatonne"), wb("megatons"), wb("megaton"),
            wb("ml"), wb("mwh"), wb("mw"), ci("megawatts"), ci("megawatt"), wb("mah"), wb("mhz"), wb("mbps"), wb("mb"),
            ci("megabytes"), ci("megabyte"), cs("m2"), cs("m3"), cs("m"),
        ],
        'n' => table![ci("nanometers"), ci("nanometer"), ci("nanometres"), ci("nanometre"), cs("Nm")],
        'o' => table![ci("ounces"), ci("ounce"), wb("oz")],
        'p' => table![ci("pound-feet"), ci("pounds"), ci("pound"), wb("pence"), wb("points"), wb("point"), wb("pts"), cs("p")],
        'r' => table![wb("rpm")],
        's' => table![
            wb("sq. m"), wb("sq. ft"), wb("sq. km"), wb("sq. mi"), wb("sq.m"), wb("sq.ft"), wb("sq.km"), wb("sq.mi"),
            wb("sq m"), wb("sq ft"), wb("sq km"), wb("sq mi"), wb("sqm"), wb("sqft"), wb("sqkm"), wb("sqmi"),
            ci("square meters"), ci("square meter"), ci("square metres"), ci("square metre"), ci("square feet"),
            ci("square foot"), ci("square miles"), ci("square mile"), ci("square kilometers"),
            ci("square kilometer"), ci("square kilometres"), ci("square kilometre"), ci("square km"),
            ci("square yards"), ci("square yard"),
        ],
        't' => table![wb("tonnes"), wb("tonne"), wb("tons"), wb("ton"), wb("tb"), ci("terabytes"), ci("terabyte"), wb("times"), cs("t")],
        'v' => table![ci("volts"), ci("volt"), cs("V")],
        'w' => table![ci("watts"), ci("watt"), cs("W")],
        'y' => table![ci("yards"), ci("yard"), wb("yds"), wb("yd")],
        '\u{3BC}' => table![ci("\u{3BC}m")],
        '\u{B0}' => table![ci("\u{B0}c"), ci("\u{B0}f"), ci("\u{B0}")],
        _ => &[],
    }
}

pub(crate) fn duration_unit(u: &str) -> &'static str {
    match u.trim_end_matches('s') {
        "day" => "day",
        "week" => "week",
        "fortnight" => "fortnight",
        "month" => "month",
        "year" | "yr" => "year",
        "decade" => "decade",
        "century" | "centurie" => "century",
        "hour" | "hr" => "hour",
        "minute" | "min" => "minute",
        _ => "second",
    }
}

pub(crate) fn measure_name(u: &str) -> String {
    let l = u.to_ascii_lowercase();
    let name = match l.as_str() {
        "mph" | "m.p.h." | "m.p.h" => "mph",
        "km/h" | "km/hr" | "kph" => "km/h",
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "km",
        "mile" | "miles" => "miles",
        "metre" | "metres" | "meter" | "meters" => "m",
        "inch" | "inches" => "inches",
        "foot" | "feet" | "ft" => "feet",
        "kilo" | "kilos" | "kilogram" | "kilograms" | "kg" => "kg",
        "ton" | "tons" | "tonne" | "tonnes" => "tonnes",
        "pound" | "pounds" | "lb" | "lbs" => "pounds",
        "hp" | "horsepower" => "hp",
        "degree" | "degrees" => "degrees",
        _ => return if u.chars().count() <= 3 { u.to_string() } else { l },
    };
    name.to_string()
}

pub(crate) fn currency_word(c: &str) -> &'static str {
    let last = c.rsplit(' ').next().unwrap_or(c);
    match last {
        "dollar" | "dollars" => match c.split(' ').next().unwrap_or("") {
            "canadian" => "CAD",
            "australian" => "AUD",
            "hong" => "HKD",
            "new" => "NZD",
            "singapore" => "SGD",
            "taiwan" => "TWD",
            _ => "USD",
        },
        "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "sterling" | "gbp" => "GBP",
        "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "won" | "krw" => "KRW",
        "rupee" | "rupees" | "inr" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "shekel" | "shekels" => "ILS",
        "peso" | "pesos" => "MXN",
        "franc" | "francs" | "chf" => "CHF",
        "kronor" | "krona" => "SEK",
        "kroner" | "krone" => "NOK",
        "ringgit" => "MYR",
        "rand" => "ZAR",
        "lira" => "TRY",
        "dirham" | "dirhams" => "AED",
        "riyal" | "riyals" => "SAR",
        "naira" => "NGN",
        "baht" => "THB",
        "cad" => "CAD",
        "aud" => "AUD",
        "hkd" => "HKD",
        _ => "XXX",
    }
}

/// The currency sign or code right before token `first`, with the index
/// of its first token: "$5", "US$5", "US $5", "$US5", "HK $3", "£300",
/// "€2", "Rs 500", "USD 40".
pub(crate) fn money_before(t: &Toks, first: usize) -> Option<(&'static str, usize)> {
    let j = first.checked_sub(1)?;
    if t.glued(first) && t.is_word(j) && j >= 1 && t.is_sym(j - 1, &["$"]) && t.glued(j) {
        // "$US113", "$A82"
        return Some((dollar_prefix(t.s(j))?, j - 1));
    }
    if let Some(code) = sign_code(t.s(j)).filter(|_| t.is_sym(j, &[t.s(j)])) {
        // "US$5", "US $5", "C$6"; but not the article in "A $5 fee".
        let prefix = t.s(j.saturating_sub(1));
        if code == "USD" && j >= 1 && t.is_word(j - 1) && (t.glued(j) || prefix != "A") {
            if let Some(prefixed) = dollar_prefix(prefix) {
                return Some((prefixed, j - 1));
            }
        }
        return Some((code, j));
    }
    if t.is_word(j) {
        let code = match t.s(j) {
            "USD" => "USD",
            "EUR" => "EUR",
            "GBP" => "GBP",
            "JPY" => "JPY",
            "CNY" | "RMB" => "CNY",
            "INR" | "Rs" => "INR",
            "KRW" => "KRW",
            "CHF" => "CHF",
            _ => return None,
        };
        return Some((code, j));
    }
    None
}

fn sign_code(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₪" => "ILS",
        _ => return None,
    })
}

fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" => "USD",
        "C" | "CA" | "CAN" => "CAD",
        "A" | "AU" => "AUD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first-letter screen of `clock` keeps every spelling's first
    /// letter, in every case the spelling accepts.
    #[test]
    fn the_clock_screen_keeps_every_spelling() {
        for sp in CLOCK_WORDS.iter().chain(ZONES) {
            let first = sp.text.as_bytes()[0];
            let cases = if sp.fold { vec![first.to_ascii_lowercase(), first.to_ascii_uppercase()] } else { vec![first] };
            for c in cases {
                let text = format!(" {}{}", c as char, &sp.text[1..]);
                assert!(clock(&text).is_some(), "{text:?}");
            }
            assert!(sp.text.is_ascii() && (!sp.fold || !matches!(first.to_ascii_lowercase(), b'k' | b's')), "{}", sp.text);
        }
    }

    fn unit_of(text: &str) -> Option<Unit> {
        after(text, 0).map(|m| m.unit)
    }

    #[test]
    fn units_after_a_number() {
        let cases: &[(&str, Unit)] = &[
            ("% of", Unit::Percent),
            (" per cent", Unit::Percent),
            (" percent", Unit::Percent),
            ("pc discount", Unit::Percent),
            (" euros", Unit::Money("EUR")),
            (" Chinese yuan", Unit::Money("CNY")),
            (" Canadian dollars", Unit::Money("CAD")),
            ("-day trip", Unit::Duration("day")),
            ("-month-long stay", Unit::Duration("month")),
            (" weeks", Unit::Duration("week")),
            (" year-old", Unit::Age("year")),
            (" miles", Unit::Measure("miles".into())),
            ("mph", Unit::Measure("mph".into())),
            ("km/h", Unit::Measure("km/h".into())),
            (" kg", Unit::Measure("kg".into())),
            ("G networks", Unit::Measure("G".into())),
            (" p.m.", Unit::Clock),
            ("am", Unit::Clock),
        ];
        for (text, want) in cases {
            assert_eq!(unit_of(text).as_ref(), Some(want), "{text:?}");
        }
    }

    #[test]
    fn every_spelling_passes_the_quick_test() {
        // Each spelling, as written, in upper and lower case, and followed
        // by a space or a letter, must get past `could_start` wherever it
        // could match.
        for sp in start_spellings() {
            for word in [sp.text.to_string(), sp.text.to_uppercase(), sp.text.to_lowercase()] {
                for tail in ["", " ", ".", "x", "-"] {
                    let text = format!("{word}{tail}");
                    if sp.at(&text, 0).is_some() {
                        assert!(could_start(&text, 0), "{text:?}");
                    }
                }
            }
        }
        assert!(!could_start("people", 0) && !could_start("in", 0) && !could_start(" km", 0));
        assert!(could_start("km", 0) && could_start("kilometres", 0) && could_start("%", 0) && could_start("\u{212A}m", 0));
        assert!(!could_start("kmx", 0) && could_start("acresx", 0) && could_start("percent", 0));
    }

    #[test]
    fn short_symbols_need_glue() {
        assert_eq!(unit_of(" m away"), None);
        assert_eq!(unit_of(" G"), None);
        assert_eq!(unit_of(" people"), None);
    }

    #[test]
    fn currency_before_a_number() {
        let t = Toks::new("US $58 and $US113 and £3 and HK $4 and $9");
        let num = |n: &str| (0..t.len()).find(|&i| t.s(i) == n).unwrap_or(0);
        assert_eq!(money_before(&t, num("58")).map(|m| m.0), Some("USD"));
        assert_eq!(money_before(&t, num("113")).map(|m| m.0), Some("USD"));
        assert_eq!(money_before(&t, num("3")).map(|m| m.0), Some("GBP"));
        assert_eq!(money_before(&t, num("4")).map(|m| m.0), Some("HKD"));
        assert_eq!(money_before(&t, num("9")).map(|m| m.0), Some("USD"));
    }
}

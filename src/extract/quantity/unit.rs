//! What a number counts or measures: the unit written after it (per cent,
//! a currency word, a duration, a physical unit) or the currency sign
//! before it ("$", "US$", "£", "HK $").
//!
//! Units after a number are matched by anchored regular expressions on the
//! text that follows it, so a match costs only the length of the unit.

use super::token::Toks;
use crate::extract::word_regex::WordRegex;

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

static CLOCK: WordRegex = WordRegex::new(|| {
    String::from(r"^\s?(?:(?i:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b)|(?:GMT|EST|EDT|BST|CET|CEST|UTC|PST|PDT|CST|CDT|KST|JST)\b)")
});

static PERCENT: WordRegex =
    WordRegex::new(|| String::from(r"^(?i:\s?%|\s?per[ -]?cent\b|pc\b|\s?pct\b|\s(?P<points>percentage points?)\b)"));

static DURATION: WordRegex = WordRegex::new(|| {
    String::from(r"^(?i:(?P<join>\s|\s?-\s?)?(?P<u>days?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b(?P<tail>-long\b|-old\b|\s+old\b)?)")
});

static MONEY_AFTER: WordRegex = WordRegex::new(|| {
    String::from(r"^(?i:\s(?P<c>(?:US|U\.S\.|American|Canadian|Australian|Hong Kong|New Zealand|Singapore|Taiwan) dollars?|dollars?|euros?|pounds sterling|sterling|yen|(?:Chinese )?yuan|renminbi|rmb|won|rupees?|roubles?|rubles?|shekels?|pesos?|(?:Swiss )?francs?|kronor|krona|kroner|krone|ringgit|rand|lira|dirhams?|riyals?|naira|baht|usd|eur|gbp|jpy|cny|inr|krw|chf|cad|aud|hkd)\b)")
});

/// Physical and other units. Short symbols that are also words or letters
/// are matched case-sensitively and mostly only when glued ("32m2", "5G").
static MEASURE: WordRegex = WordRegex::new(|| {
    String::from(concat!(
        r"^(?P<join>\s|\s?-\s?)?(?P<u>",
        r"(?i:m\.p\.h\.?|mph|km/hr?|kph|kilomet(?:er|re)s?|km[23]?\b|miles?|met(?:er|re)s?|centimet(?:er|re)s?|cm[23]?\b|millimet(?:er|re)s?|mm\b|microns?|μm|nanomet(?:er|re)s?",
        r"|inch(?:es)?|feet|foot|ft\b|yards?|yds?\b|acres?|hectares?|sq\.? ?(?:m|ft|km|mi)\b|sqm\b|square (?:met(?:er|re)s?|feet|foot|miles?|kilomet(?:er|re)s?|km|yards?)",
        r"|kilo(?:gram)?s?\b|kg\b|grams?|mg\b|pound-feet|lb-ft|lbs?\b|pounds?|(?:giga|mega|kilo)?ton(?:ne)?s?\b|ounces?|oz\b|lit(?:er|re)s?|ml\b|gallons?|barrels?|bbl\b",
        r"|degrees?(?: (?:celsius|fahrenheit|c|f)\b)?|deg[CF]?\b|°[CF]?|celsius|fahrenheit|horsepower|bhp\b|hp\b|rpm\b|kwh\b|kw\b|mwh\b|mw\b|gwh\b|gw\b|watts?|(?:kilo|mega|giga)watts?|volts?|mah\b",
        r"|hz\b|khz\b|mhz\b|ghz\b|mbps\b|gbps\b|kbps\b|gb\b|mb\b|tb\b|gigabytes?|megabytes?|terabytes?|calories?|kcal\b|cents?\b|pence\b|basis points?|bps\b|points?\b|pts\b|times\b|cylinders?|cyl\b|gauge\b)",
        r"|Nm\b|A/cm2|m[23]?\b|g\b|[lL]\b|C\b|F\b|G\b|W\b|V\b|p\b|t\b",
        r")(?P<per>\s?/\s?[A-Za-z]+\d?\b|\s+per\s+[a-z]+\b|\s+an?\s+(?:day|week|month|year|minute|hour|second|barrel|share|person|head)\b)?",
    ))
});

/// The unit right after byte `pos` of the tokenized text, if any.
pub(crate) fn after_in(t: &Toks, pos: usize) -> Option<UnitMatch> {
    after_with(t.text, pos, pos >= t.ascii_from)
}

/// The unit right after byte `pos`, if any.
#[cfg(test)]
pub(crate) fn after(text: &str, pos: usize) -> Option<UnitMatch> {
    after_with(text, pos, text.get(pos..).is_some_and(crate::extract::word_regex::ascii_words))
}

/// The unit after `pos`, told whether the text from `pos` on passes
/// [`ascii_words`], which picks the build of each pattern.
fn after_with(text: &str, pos: usize, ascii: bool) -> Option<UnitMatch> {
    let rest = text.get(pos..)?;
    let at = |end: usize| pos + end;
    if let Some(m) = CLOCK.build(ascii).find(rest) {
        return Some(UnitMatch { unit: Unit::Clock, end: at(m.end()), hyphenated: false });
    }
    if let Some(c) = captures(PERCENT.build(ascii), rest) {
        let unit = if c.name("points").is_some() { Unit::Measure("percentage points".into()) } else { Unit::Percent };
        return Some(UnitMatch { unit, end: at(c.get(0)?.end()), hyphenated: false });
    }
    if let Some(c) = captures(MONEY_AFTER.build(ascii), rest) {
        let code = currency_word(&c["c"].to_ascii_lowercase());
        return Some(UnitMatch { unit: Unit::Money(code), end: at(c.get(0)?.end()), hyphenated: false });
    }
    if let Some(c) = captures(DURATION.build(ascii), rest) {
        let hyphenated = c.name("join").is_some_and(|j| j.as_str().contains('-'));
        let u = duration_unit(&c["u"].to_ascii_lowercase());
        let unit = match c.name("tail") {
            Some(t) if t.as_str().ends_with("old") => Unit::Age(u),
            _ => Unit::Duration(u),
        };
        return Some(UnitMatch { unit, end: at(c.get(0)?.end()), hyphenated });
    }
    let c = captures(MEASURE.build(ascii), rest)?;
    let join = c.name("join").map_or("", |j| j.as_str());
    let u = &c["u"];
    // Single letters only when glued ("5G", "100m"), but for "12 C".
    if u.len() == 1 && u.is_ascii() && !join.is_empty() && !matches!(u, "C" | "F") {
        return None;
    }
    let hyphenated = join.contains('-');
    let mut name = measure_name(u);
    if let Some(per) = c.name("per") {
        let per = per.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let per = per.replace(" /", "/").replace("/ ", "/");
        if !per.starts_with('/') {
            name.push(' ');
        }
        name.push_str(&per);
    }
    Some(UnitMatch { unit: Unit::Measure(name), end: at(c.get(0)?.end()), hyphenated })
}

/// The groups of a match in `text`; the plain search first, as most tries
/// fail and it is the cheaper one.
fn captures<'t>(pattern: &regex::Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    pattern.find(text)?;
    pattern.captures(text)
}

fn duration_unit(u: &str) -> &'static str {
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

fn measure_name(u: &str) -> String {
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

fn currency_word(c: &str) -> &'static str {
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

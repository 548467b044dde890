//! The regular expressions the unit and modifier matchers replaced, kept
//! for the tests only: each hand-written matcher must read exactly what
//! its expression read (see the equivalence tests).

use super::modifier::{Modifier, Opener, WINDOW};
use super::unit::{Unit, UnitMatch, currency_word, duration_unit, measure_name};
use crate::model::Bound;
use regex::Regex;
use std::sync::OnceLock;

/// A pattern as written, with Unicode classes, compiled on first use. (The
/// matchers once also used an ASCII build on text where both builds read
/// alike; the build as written is the reference.)
struct WordRegex {
    source: fn() -> String,
    re: OnceLock<Regex>,
}

impl WordRegex {
    const fn new(source: fn() -> String) -> Self {
        WordRegex { source, re: OnceLock::new() }
    }
    fn build(&self, _ascii: bool) -> &Regex {
        self.re.get_or_init(|| Regex::new(&(self.source)()).expect("legacy pattern compiles"))
    }
    fn for_text(&self, _text: &str) -> &Regex {
        self.build(false)
    }
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

pub(crate) fn unit_after(text: &str, pos: usize) -> Option<UnitMatch> {
    let ascii = false;
    unit_after_with(text, pos, ascii)
}

fn unit_after_with(text: &str, pos: usize, ascii: bool) -> Option<UnitMatch> {
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

static BEFORE: WordRegex = WordRegex::new(|| {
    String::from(concat!(
        r"(?i)(?:\b(?:",
        r"(?P<nearly>nearly|almost|just under|just shy of|just below|close to|not quite)",
        r"|(?P<atleast>at least|no fewer than|no less than|not less than|not fewer than|a minimum of|minimum of)",
        r"|(?P<atmost>up to|as many as|as much as|at most|no more than|not more than|a maximum of|maximum of)",
        r"|(?P<more>more than|in excess of|upwards of|greater than|higher than|larger than|over|above|exceeding)",
        r"|(?P<less>fewer than|less than|lower than|smaller than|under|below)",
        r"|(?P<about>about|around|some|roughly|approximately|approx\.?|an estimated|estimated|circa|in the region of|on the order of)",
        r"|(?P<exact>exactly|precisely|just)",
        r")\s+|(?P<sub>\bsub-)|(?P<tilde>[~≈]\s*)|(?P<gt>>\s*)|(?P<ge>≥\s*)|(?P<lt><\s*)|(?P<le>≤\s*))$",
    ))
});

static AFTER: WordRegex = WordRegex::new(|| {
    String::from(r"^(?i:(?P<more>\s?-?plus\b|\+)|\s+or (?:(?P<atleast>more)|(?P<about>so)|(?P<atmost>fewer|less))\b)")
});

static RANGE_OPENER: WordRegex = WordRegex::new(|| {
    String::from(r"(?i)\b(?:(?P<between>between)|(?P<from>from))\s+(?:the\s+)?(?:up to\s+|about\s+|around\s+)?$")
});

fn window(text: &str, end: usize) -> usize {
    let mut start = end.saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// The modifier ending right before byte `end`, if any.
pub(crate) fn modifier_before(text: &str, end: usize) -> Option<Modifier> {
    let from = window(text, end);
    let hay = text.get(from..end)?;
    let before = BEFORE.for_text(hay);
    before.find(hay)?;
    let c = before.captures(hay)?;
    let start = from + c.get(0)?.start();
    let is = |name: &str| c.name(name).is_some();
    let bound = if is("nearly") {
        Bound::Nearly
    } else if is("atleast") || is("ge") {
        Bound::AtLeast
    } else if is("atmost") || is("le") {
        Bound::AtMost
    } else if is("more") || is("gt") {
        Bound::MoreThan
    } else if is("less") || is("sub") || is("lt") {
        Bound::LessThan
    } else if is("about") || is("tilde") {
        Bound::About
    } else {
        Bound::Exact
    };
    Some(Modifier { bound, start })
}

/// A bound written after the number.
pub(crate) fn modifier_after(text: &str, pos: usize) -> Option<(Bound, usize)> {
    after_with(text, pos, false)
}

fn after_with(text: &str, pos: usize, ascii: bool) -> Option<(Bound, usize)> {
    let c = AFTER.build(ascii).captures(text.get(pos..)?)?;
    let bound = if c.name("more").is_some() {
        Bound::MoreThan
    } else if c.name("atleast").is_some() {
        Bound::AtLeast
    } else if c.name("atmost").is_some() {
        Bound::AtMost
    } else {
        Bound::About
    };
    Some((bound, pos + c.get(0)?.end()))
}

/// "between" or "from" right before byte `end`, with where it starts.
pub(crate) fn range_opener(text: &str, end: usize) -> Option<(Opener, usize)> {
    let from = window(text, end);
    let hay = text.get(from..end)?;
    let opener = RANGE_OPENER.for_text(hay);
    opener.find(hay)?;
    let c = opener.captures(hay)?;
    let opener = if c.name("between").is_some() { Opener::Between } else { Opener::From };
    Some((opener, from + c.get(0)?.start()))
}


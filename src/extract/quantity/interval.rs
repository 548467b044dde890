//! From a stated figure to an interval in the base unit, by the design
//! brief's table: "about N" is `[0.9 N, 1.1 N]`, "nearly N" `[0.9 N, N)`,
//! "more than N" `(N, inf)`, "up to N" `[0, N]`, "hundreds" `[200, 999]`,
//! and durations become days with a month of 28 to 31 days and a year of
//! 365 to 366.
//!
//! Vague amounts have no value: their stated unit is the magnitude word
//! ("hundreds", "tens of thousands"), and a bound word may combine with
//! it ("at least hundreds" is `>=` with no value, `[200, inf)`).

use super::numeral::vague_bounds;
use crate::model::{Bound, Interval, QuantityKind, Stated};

/// The interval of a stated figure, with `band` as the approximation band.
pub fn widen(stated: &Stated, kind: &QuantityKind, band: f64) -> Interval {
    let i = widen_raw(stated, kind, band);
    Interval { low: i.low.map(tidy), high: i.high.map(tidy), ..i }
}

/// Rounds away floating-point noise ("14,000 x 1.1" is 15,400, not
/// 15,400.000000000002) by keeping twelve significant digits.
fn tidy(x: f64) -> f64 {
    // A whole number below 10^12 comes back unchanged from the rounding
    // below (x times the scale stays a whole number below 2^53, so every
    // step is exact), and most figures are whole: they skip the logarithm.
    // `tidy_by_rounding` stays the specification (see the tests).
    if x.fract() == 0.0 && x.abs() < 1e12 {
        return x;
    }
    tidy_by_rounding(x)
}

/// [`tidy`] without its shortcut for whole numbers.
fn tidy_by_rounding(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(11 - x.abs().log10().floor() as i32);
    let rounded = (x * scale).round() / scale;
    if rounded.is_finite() { rounded } else { x }
}

fn widen_raw(stated: &Stated, kind: &QuantityKind, band: f64) -> Interval {
    let (lo_f, hi_f) = match kind {
        QuantityKind::Duration => days(&stated.unit),
        _ => (1.0, 1.0),
    };
    match stated.value {
        Some(v) => around(stated.bound, v, stated.to, lo_f, hi_f, band),
        None => match vague_bounds(&stated.unit) {
            Some((lo, hi)) => vague(stated.bound, lo * lo_f, hi * hi_f),
            None => Interval { low: None, high: None, low_inclusive: false, high_inclusive: false },
        },
    }
}

/// Days in one unit of time, as the smallest and largest reading.
pub(crate) fn days(unit: &str) -> (f64, f64) {
    match unit {
        "week" => (7.0, 7.0),
        "fortnight" => (14.0, 14.0),
        "month" => (28.0, 31.0),
        "year" => (365.0, 366.0),
        "decade" => (3652.0, 3653.0),
        "century" => (36524.0, 36525.0),
        "hour" => (1.0 / 24.0, 1.0 / 24.0),
        "minute" => (1.0 / 1440.0, 1.0 / 1440.0),
        "second" => (1.0 / 86400.0, 1.0 / 86400.0),
        _ => (1.0, 1.0),
    }
}

fn around(bound: Bound, v: f64, to: Option<f64>, lo_f: f64, hi_f: f64, band: f64) -> Interval {
    let (lo, hi) = (v * lo_f, v * hi_f);
    if v < 0.0 {
        return negative(bound, lo, hi, band);
    }
    match bound {
        Bound::Exact => Interval::closed(lo, hi),
        Bound::About => Interval::closed(lo * (1.0 - band), hi * (1.0 + band)),
        Bound::Nearly => Interval { low: Some(lo * (1.0 - band)), high: Some(hi), low_inclusive: true, high_inclusive: false },
        Bound::MoreThan => Interval::above(lo, false),
        Bound::AtLeast => Interval::above(lo, true),
        Bound::LessThan => Interval::up_to(hi, false),
        Bound::AtMost => Interval::up_to(hi, true),
        Bound::Range => {
            let to = to.unwrap_or(v);
            Interval::closed(v.min(to) * lo_f, v.max(to) * hi_f)
        }
        Bound::Vague => Interval::closed(lo, hi),
    }
}

/// Negative figures ("-1.3%") have no floor at zero.
fn negative(bound: Bound, lo: f64, hi: f64, band: f64) -> Interval {
    let unbounded_below = |high: f64, inclusive: bool| Interval { low: None, high: Some(high), low_inclusive: false, high_inclusive: inclusive };
    match bound {
        Bound::About => Interval::closed(lo * (1.0 + band), hi * (1.0 - band)),
        Bound::MoreThan => Interval::above(hi, false),
        Bound::AtLeast => Interval::above(hi, true),
        Bound::LessThan | Bound::Nearly => unbounded_below(lo, false),
        Bound::AtMost => unbounded_below(lo, true),
        _ => Interval::closed(lo, hi),
    }
}

fn vague(bound: Bound, lo: f64, hi: f64) -> Interval {
    match bound {
        Bound::AtLeast | Bound::MoreThan => Interval::above(lo, true),
        Bound::AtMost => Interval::up_to(hi, true),
        Bound::LessThan | Bound::Nearly => Interval::up_to(hi, false),
        _ => Interval::closed(lo, hi),
    }
}

#[cfg(test)]
mod tidy_tests {
    use super::{tidy, tidy_by_rounding};
    use proptest::prelude::*;

    fn agrees(x: f64) {
        assert_eq!(tidy(x).to_bits(), tidy_by_rounding(x).to_bits(), "{x}");
    }

    #[test]
    fn the_whole_number_shortcut_changes_nothing() {
        for x in [0.0, -0.0, 1.0, -1.0, 9.0, 10.0, 99.0, 100.0, 999.0, 1000.0, 14000.0, 15400.0, 999_999_999_999.0,
            1e12, 1e15, 123_456_789_012_345.0, 0.5, 15400.000000000002, f64::INFINITY, f64::NAN, -250.0] {
            agrees(x);
        }
        for k in 0..12 {
            agrees(10f64.powi(k));
            agrees(10f64.powi(k) - 1.0);
            agrees(-(10f64.powi(k) + 1.0));
        }
    }

    proptest! {
        #[test]
        fn whole_numbers_agree(n in -2_000_000_000_000i64..2_000_000_000_000i64) {
            #[allow(clippy::cast_precision_loss)]
            agrees(n as f64);
        }

        #[test]
        fn any_number_agrees(x in proptest::num::f64::ANY) {
            agrees(x);
        }
    }
}

//! Quantity mentions in a piece of text, each normalised to an interval.
//!
//! This is the numeric core of extraction: it knows numerals, number words,
//! approximations, bounds, ranges, vague amounts, durations, percentages and
//! money, and it knows what is *not* a quantity (ordinals, identifiers,
//! years, times, phone numbers, scores). It knows nothing of topics.
//!
//! The text is tokenized once ([`token`]); at each token a numeral may
//! start ([`numeral`]); what is around it decides whether it is a quantity
//! ([`filter`]), how it is bounded ([`modifier`]), what it measures
//! ([`unit`]) or counts ([`noun`]), and whether it opens a range. The
//! stated figure is widened into an interval by [`widen`] ([`interval`]).
//!
//! Nothing here is compiled at run time: units and modifiers are read by
//! hand-written matchers ([`scan`]) that follow, character for character,
//! the regular expressions they replaced (kept in `legacy` for the
//! equivalence tests), so the first call costs no more than the next.

mod filter;
mod interval;
mod modifier;
mod noun;
mod numeral;
mod scan;
mod screen;
mod token;
mod unit;

#[cfg(test)]
mod equivalence;
#[cfg(test)]
mod legacy;

pub use interval::widen;
pub use numeral::vague_base;

use crate::model::{Bound, Quantity, QuantityKind, Span, Stated};
use modifier::Opener;
use numeral::{Form, Numeral, Words};
use screen::{has_digit, has_number_piece};
use token::Toks;
use unit::{Unit, UnitMatch};

/// The default approximation band of the design brief: "about N" is
/// `[0.9 N, 1.1 N]`.
pub const DEFAULT_BAND: f64 = 0.1;

/// Every quantity mention in `text`, spans relative to `text`, in text
/// order and not overlapping.
pub fn find(text: &str) -> Vec<Quantity> {
    if !may_hold_numbers(text) {
        return Vec::new();
    }
    let t = Toks::new(text);
    let mut words = Words::new();
    let mut found = Vec::new();
    // Most tokens (symbols, most words) cannot start a numeral: the
    // tokenizer lists those whose shape lets one start (see
    // `numeral::may_begin`, which this walk follows), and only those are
    // visited, in order, from the token after the last reading.
    let mut next = 0;
    // Where the last mention ends: the words before it are its own, and a
    // later figure may not take them as its modifier or range opener
    // (mentions never overlap).
    let mut floor = 0;
    for &i in &t.shaped {
        if i < next || !numeral::may_begin_shaped(&t, i) {
            continue;
        }
        next = match quantity_at(&t, i, floor, &mut words) {
            Step::Found(r) => {
                let last = r.last;
                floor = r.end;
                // Room for a few mentions at the first, allocated at once
                // rather than through the vector's growth path (most
                // sentences with a figure have one to four).
                if found.capacity() == 0 {
                    found = Vec::with_capacity(4);
                }
                found.push(build(t.text, r));
                last + 1
            }
            Step::Skip(last) => last.max(i) + 1,
            Step::Nothing => i + 1,
        };
    }
    found
}

/// Text with no digit and no piece of a number word holds no quantity,
/// and most sentences are skipped without tokenizing ([`screen`]).
fn may_hold_numbers(text: &str) -> bool {
    has_digit(text.as_bytes()) || has_number_piece(text)
}

enum Step {
    /// A quantity, through the reading's last token.
    Found(Reading),
    /// Not a quantity: skip through this token.
    Skip(usize),
    Nothing,
}

/// What a number turned out to be, before it becomes a [`Quantity`].
#[derive(Clone)]
struct Reading {
    start: usize,
    end: usize,
    last: usize,
    bound: Bound,
    value: Option<f64>,
    to: Option<f64>,
    unit: Option<Unit>,
    noun: Option<String>,
    form: Form,
}

/// The quantity whose numeral starts at token `i`; nothing before byte
/// `floor` belongs to it.
fn quantity_at(t: &Toks, i: usize, floor: usize, words: &mut Words) -> Step {
    let money = if t.is_num(i) { unit::money_before(t, i) } else { None };
    // `find` visits only tokens a numeral may begin at: the word screen
    // they passed is not asked again.
    let Some(n) = numeral::at_begun(t, i, money.is_some(), words) else { return Step::Nothing };
    let after = unit::after_in(t, t.end(n.last));
    if n.is_digits() && matches!(after, Some(UnitMatch { unit: Unit::Clock, .. })) {
        return Step::Skip(last_token(t, after.as_ref().map_or(0, |a| a.end)));
    }
    if n.ordinal {
        return Step::Skip(n.last);
    }
    let has_unit = after.is_some() || money.is_some();
    if n.is_digits() && money.is_none() {
        if let Some(last) = filter::reject(t, &n, has_unit) {
            return Step::Skip(last);
        }
        if filter::era_marked(t, &n) || filter::year_like(&n) && !has_unit && modifier_before(t, &n, None, floor).is_none() {
            return Step::Skip(year_partner(t, n.last));
        }
    }
    if !n.is_digits() && word_in_name_or_compound(t, &n, after.is_some()) {
        return Step::Nothing;
    }
    let lead = money.map_or(n.first, |m| m.1);
    let has_measure = after.is_some();
    let mut r = reading(t, &n, lead, floor, money, after);
    if let Some(ratio) = ratio(t, &n, &r, words) {
        return found(ratio);
    }
    if n.lone_one && !one_counts(t, &n, has_measure) {
        return Step::Nothing;
    }
    if let Some(step) = range(t, &n, lead, floor, &mut r, words) {
        return step;
    }
    if r.bound == Bound::Exact || r.bound == Bound::Vague {
        if let Some((bound, end)) = modifier::after_in(t, r.end) {
            r.bound = bound;
            r.end = end;
            r.last = last_token(t, end);
        }
    }
    counted_noun(t, &mut r);
    found(r)
}

/// A quantity found: its reading goes back to [`find`], which builds it
/// in place in the list (a reading is small enough to move, so nothing is
/// boxed on the way).
fn found(r: Reading) -> Step {
    Step::Found(r)
}

/// Index of the last token ending at or before byte `end`.
fn last_token(t: &Toks, end: usize) -> usize {
    t.last_ending_by(end).unwrap_or(0)
}

/// The bound word before the figure, unless it lies before `floor`, in
/// the mention before: "1,000 cent nearly thousands" cannot lend one word
/// to both.
fn modifier_before(t: &Toks, n: &Numeral, lead: Option<usize>, floor: usize) -> Option<modifier::Modifier> {
    modifier::before(t.text, t.start(lead.unwrap_or(n.first))).filter(|m| m.start >= floor)
}

/// A year and its partner in "2024-25", "2018 to 2019", "1000 and 1260".
fn year_partner(t: &Toks, last: usize) -> usize {
    let link = t.is_sym(last + 1, &["-", "\u{2013}", "/"]) || t.is(last + 1, "to") || t.is(last + 1, "and");
    if link && t.is_num(last + 2) && !t.s(last + 2).contains([',', '.']) && t.s(last + 2).len() <= 4 {
        last + 2
    } else {
        last
    }
}

/// A number word inside a name ("the Kick Six", "Big Ten") or glued by
/// hyphens into an adjective that is not a unit ("three-bed",
/// "production-four-door"): not a quantity.
fn word_in_name_or_compound(t: &Toks, n: &Numeral, has_unit: bool) -> bool {
    let capitalised = t.s(n.first).starts_with(char::is_uppercase);
    if capitalised && !t.clause_initial(n.first) && !matches!(n.form, Form::Vague(_)) {
        return true;
    }
    let hyphen_after = t.is_sym(n.last + 1, &["-"]) && t.glued(n.last + 1) && t.glued(n.last + 2) && t.is_word(n.last + 2);
    let compound_after = hyphen_after && !has_unit && !t.is(n.last + 2, "to") && !t.is(n.last + 2, "plus");
    let compound_before = n.first >= 2 && t.is_sym(n.first - 1, &["-"]) && t.glued(n.first) && t.glued(n.first - 1) && t.is_word(n.first - 2);
    compound_after || compound_before
}

/// "one" is a count when something is counted: "one soldier", "one of
/// the", "one per cent"; not the pronoun in "a safe one" or "each one".
fn one_counts(t: &Toks, n: &Numeral, has_unit: bool) -> bool {
    const PRONOUN_BEFORE: &[&str] = &["each", "every", "no", "any", "this", "that", "which", "another", "the", "a"];
    if n.first >= 1 && PRONOUN_BEFORE.iter().any(|w| t.is(n.first - 1, w)) {
        return false;
    }
    has_unit || t.is(n.last + 1, "of") || noun::after(t, n.last + 1).is_some()
}

/// The figure with its modifier and unit, before ranges and nouns.
fn reading(t: &Toks, n: &Numeral, lead: usize, floor: usize, money: Option<(&'static str, usize)>, after: Option<UnitMatch>) -> Reading {
    let modi = modifier_before(t, n, Some(lead), floor);
    let mut start = modi.map_or(t.start(lead), |m| m.start);
    let (unit, end, hyphenated) = match (money, after) {
        (Some((code, _)), Some(UnitMatch { unit: Unit::Money(_), end, .. })) => (Some(Unit::Money(code)), end, false),
        (Some((code, _)), _) => (Some(Unit::Money(code)), t.end(n.last), false),
        (None, Some(a)) => (Some(a.unit), a.end, a.hyphenated),
        (None, None) => (None, t.end(n.last), false),
    };
    // "a 120-day mission": the article belongs to the adjective.
    if hyphenated && modi.is_none() && lead >= 1 && t.start(lead - 1) >= floor && (t.is(lead - 1, "a") || t.is(lead - 1, "an")) {
        start = t.start(lead - 1);
    }
    let vague = matches!(n.form, Form::Vague(_));
    let bound = match modi.map(|m| m.bound) {
        Some(b) if b != Bound::Exact => b,
        _ if vague => Bound::Vague,
        _ => Bound::Exact,
    };
    Reading {
        start,
        end,
        last: last_token(t, end),
        bound,
        value: (!vague).then_some(n.value),
        to: None,
        unit,
        noun: None,
        form: n.form,
    }
}

/// "N to M", "N-M", "between N and M", "from N to M", "10-15,000".
/// Returns a step when the range settles the matter (a quantity or a
/// score to skip); fills `r` in place otherwise.
fn range(t: &Toks, a: &Numeral, lead: usize, floor: usize, r: &mut Reading, words: &mut Words) -> Option<Step> {
    if matches!(a.form, Form::Vague(_) | Form::Fraction) {
        return None;
    }
    let k = r.last + 1;
    // Every range goes on with "and", "to" or a dash right after the
    // first figure; most figures have none of them, and are settled here
    // before the words before them are read back for an opener.
    if !(t.is(k, "and") || t.is(k, "to") || t.is_sym(k, &["-", "\u{2013}"])) {
        return None;
    }
    let opened = modifier::range_opener(t.text, t.start(lead)).filter(|o| o.1 >= floor);
    let opener = opened.map(|o| o.0);
    let (b_at, hyphen) = if opener == Some(Opener::Between) {
        (t.is(k, "and").then_some(k + 1)?, false)
    } else if t.is(k, "to") {
        (k + 1, false)
    } else if t.is_sym(k, &["-", "\u{2013}"]) && t.is(k + 1, "to") && t.is_sym(k + 2, &["-"]) {
        (k + 3, true)
    } else if t.is_sym(k, &["-", "\u{2013}"]) && t.glued(k) == t.glued(k + 1) {
        (k + 1, true)
    } else {
        return None;
    };
    let (b_num, b_money) = numeral_after(t, b_at)?;
    let b = numeral::at(t, b_num, b_money.is_some(), words)?;
    if matches!(b.form, Form::Vague(_) | Form::Fraction) || b.ordinal || b.decade {
        return None;
    }
    let b_unit = match b_money {
        Some(code) => Some(UnitMatch { unit: Unit::Money(code), end: t.end(b.last), hyphenated: false }),
        None => unit::after_in(t, t.end(b.last)),
    };
    if matches!(b_unit, Some(UnitMatch { unit: Unit::Clock, .. })) {
        return None;
    }
    if b.is_digits() && b_money.is_none() && filter::reject(t, &b, b_unit.is_some()).is_some() {
        return None;
    }
    let same_unit = match (&r.unit, &b_unit) {
        (None, _) => true,
        (Some(u), Some(m)) => *u == m.unit,
        (Some(_), None) => false,
    };
    let plain = a.is_plain_whole() && b.is_plain_whole();
    // "won 4-2", "ended 2-2": a score, not a range.
    let bare_pair = hyphen && opener.is_none() && plain && r.unit.is_none() && b_unit.is_none();
    if bare_pair && (a.value >= b.value || filter::score_context(t, lead, b.last)) {
        return Some(Step::Skip(b.last));
    }
    let accepted = match opener {
        Some(_) => true,
        None if hyphen => same_unit && a.value < b.value || r.unit.is_none() && b_unit.is_some() && a.value < b.value,
        // Without "from", a range is written low to high: "52% to 48%" is
        // a tally, not a range.
        None => same_unit && a.value < b.value,
    };
    if !accepted {
        return None;
    }
    // An age bracket ("aged 18 to 34") says who is counted, not how many.
    if lead >= 1 && ["aged", "ages", "age"].iter().any(|w| t.is(lead - 1, w)) {
        return Some(Step::Skip(b.last));
    }
    share_scale(a, &b, r);
    let end = b_unit.as_ref().map_or(t.end(b.last), |u| u.end);
    if r.unit.is_none() {
        r.unit = b_unit.map(|u| u.unit);
    }
    if let Some((_, start)) = opened {
        r.start = r.start.min(start);
    }
    r.bound = Bound::Range;
    r.to = Some(b.value);
    r.end = end;
    r.last = last_token(t, end);
    None
}

/// The numeral of a range's second end at token `i`, past any currency
/// sign ("$2,315", "US $93").
fn numeral_after(t: &Toks, i: usize) -> Option<(usize, Option<&'static str>)> {
    for j in i..i + 3 {
        if t.is_num(j) || t.is_word(j) && j == i {
            let money = if t.is_num(j) { unit::money_before(t, j) } else { None };
            if j == i || money.is_some_and(|m| m.1 == i) {
                return Some((j, money.map(|m| m.0)));
            }
            if !t.is_word(j) {
                return None;
            }
        }
    }
    None
}

/// "between 2 and 3 million", "US $89 to $93 billion", "10-15,000": a
/// multiplier written once applies to both ends.
fn share_scale(a: &Numeral, b: &Numeral, r: &mut Reading) {
    let Some(a_value) = r.value else { return };
    if !a.scaled() && b.scaled() && a_value < b.value / b.scale {
        r.value = Some(a_value * b.scale);
        return;
    }
    let thousands = matches!(b.form, Form::Digits { commas: true, decimal: false, .. }) && b.value % 1000.0 == 0.0;
    if !a.scaled() && thousands && a_value < 1000.0 && a_value.fract() == 0.0 {
        let widened = a_value * 1000.0;
        if widened < b.value && widened >= b.value / 10.0 {
            r.value = Some(widened);
        }
    }
}

/// "one in five", "nine out of ten": a fraction.
fn ratio(t: &Toks, a: &Numeral, r: &Reading, words: &mut Words) -> Option<Reading> {
    if r.unit.is_some() || r.bound == Bound::Range || a.value.fract() != 0.0 || !matches!(a.form, Form::Digits { .. } | Form::Words) {
        return None;
    }
    let k = r.last + 1;
    let b_at = if t.is(k, "in") { k + 1 } else if t.is(k, "out") && t.is(k + 1, "of") { k + 2 } else { return None };
    let b = numeral::at(t, b_at, false, words)?;
    if !matches!(b.form, Form::Digits { .. } | Form::Words) || b.value <= a.value || b.value > 1000.0 || b.value.fract() != 0.0 {
        return None;
    }
    if b.is_digits() && filter::reject(t, &b, false).is_some() {
        return None;
    }
    Some(Reading {
        end: t.end(b.last),
        last: b.last,
        value: Some(a.value / b.value),
        unit: Some(Unit::Measure("fraction".into())),
        form: Form::Fraction,
        ..r.clone()
    })
}

/// The counted noun of a count: after the number ("nine soldiers"), or
/// after "of" ("hundreds of troops", "twelve of the unit's soldiers"),
/// where the span stops before "of".
fn counted_noun(t: &Toks, r: &mut Reading) {
    if r.unit.is_some() || r.form == Form::Fraction || r.form == Form::Fold {
        return;
    }
    if !matches!(r.form, Form::Vague(_)) {
        if let Some((noun, last)) = noun::after(t, r.last + 1) {
            r.noun = Some(noun.to_string());
            r.end = t.end(last);
            r.last = last;
            return;
        }
    }
    if t.is(r.last + 1, "of") {
        r.noun = partitive_noun(t, r.last + 2).map(str::to_string);
    }
}

/// The noun after "of" in a partitive, past a determiner and possessives:
/// "of the regiment's soldiers" is "soldiers".
fn partitive_noun<'a>(t: &Toks<'a>, mut i: usize) -> Option<&'a str> {
    const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "these", "those", "whom"];
    if DETERMINERS.iter().any(|d| t.is(i, d)) {
        i += 1;
    }
    while t.is_word(i) && (t.s(i).ends_with("'s") || t.s(i).ends_with("\u{2019}s")) {
        i += 1;
    }
    noun::after(t, i).map(|(s, _)| s)
}

/// The quantity of a reading.
fn build(text: &str, r: Reading) -> Quantity {
    let mut r = r;
    if r.form == Form::Fraction && r.unit.is_none() {
        r.unit = Some(Unit::Measure("fraction".into()));
    }
    let kind = match (&r.unit, r.form) {
        (_, Form::Fold) => QuantityKind::Measure("times".into()),
        (Some(Unit::Percent), _) => QuantityKind::Percent,
        (Some(Unit::Money(code)), _) => QuantityKind::Money((*code).to_string()),
        (Some(Unit::Duration(_)), _) => QuantityKind::Duration,
        (Some(Unit::Age(u)), _) => QuantityKind::Measure(format!("{u}s old")),
        (Some(Unit::Measure(name)), _) => QuantityKind::Measure(name.clone()),
        (Some(Unit::Clock) | None, _) => QuantityKind::Count,
    };
    let unit = match (&r.unit, r.form) {
        (_, Form::Vague(label)) => label.to_string(),
        (Some(Unit::Percent), _) => "percent".to_string(),
        (Some(Unit::Duration(u) | Unit::Age(u)), _) => (*u).to_string(),
        (Some(Unit::Money(code)), _) => (*code).to_string(),
        (Some(Unit::Measure(name)), _) => name.clone(),
        (_, Form::Fold) => "times".to_string(),
        _ => r.noun.clone().unwrap_or_default(),
    };
    let stated = Stated { bound: r.bound, value: r.value, to: r.to, unit };
    Quantity {
        span: Span::new(r.start, r.end),
        text: text[r.start..r.end].to_string(),
        interval: widen(&stated, &kind, DEFAULT_BAND),
        stated,
        kind,
        noun: r.noun,
    }
}

#[cfg(test)]
mod tests;

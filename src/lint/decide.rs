//! The lint decision for one draft claim, given the reference claims the
//! aligner put beside it.
//!
//! Kept apart from the orchestration so that the semantics (what is a
//! conflict, a variation, a single source) can be read and tested on
//! hand-built intervals, with no extraction or alignment involved.

use crate::model::{Interval, Severity};
use serde::Serialize;

/// How one reference stands towards the draft's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same interval: the draft says what the reference says.
    Agrees,
    /// Overlapping intervals, worded differently ("around 14,000" and
    /// "up to 15,000").
    Compatible,
    /// Disjoint intervals: the reference contradicts the draft.
    Contradicts,
}

impl Relation {
    /// How the draft's interval relates to a reference's.
    pub fn between(draft: &Interval, reference: &Interval) -> Relation {
        if draft.same_as(reference) {
            Relation::Agrees
        } else if draft.overlaps(reference) {
            Relation::Compatible
        } else {
            Relation::Contradicts
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agrees => "agrees",
            Relation::Compatible => "compatible",
            Relation::Contradicts => "contradicts",
        }
    }
}

/// What a diagnostic is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Conflict,
    Variation,
    Unsupported,
    SingleSource,
    /// A suppression comment that cannot be honoured (no reason, no end,
    /// unknown topic or directive).
    InvalidSuppression,
    /// A suppression comment that covers no diagnostic.
    UnusedSuppression,
}

impl Code {
    /// Every code, in the order of the documentation and of SARIF's rules.
    pub const ALL: [Code; 6] = [
        Code::Conflict,
        Code::Variation,
        Code::Unsupported,
        Code::SingleSource,
        Code::InvalidSuppression,
        Code::UnusedSuppression,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Conflict => "conflict",
            Code::Variation => "variation",
            Code::Unsupported => "unsupported",
            Code::SingleSource => "single_source",
            Code::InvalidSuppression => "invalid_suppression",
            Code::UnusedSuppression => "unused_suppression",
        }
    }

    /// The severity every diagnostic of this code has.
    pub fn severity(self) -> Severity {
        match self {
            Code::Conflict => Severity::Error,
            Code::Variation | Code::Unsupported | Code::InvalidSuppression => Severity::Warning,
            Code::SingleSource | Code::UnusedSuppression => Severity::Info,
        }
    }

    /// One line: what the code means.
    pub fn summary(self) -> &'static str {
        match self {
            Code::Conflict => "A figure in the draft is contradicted by a reference.",
            Code::Variation => "A figure in the draft is compatible with the references but worded differently.",
            Code::Unsupported => "A figure in the draft is reported by no reference.",
            Code::SingleSource => "A figure in the draft is supported by a single reference outlet.",
            Code::InvalidSuppression => "A concord-ignore comment in the draft cannot be honoured.",
            Code::UnusedSuppression => "A concord-ignore comment in the draft covers no diagnostic.",
        }
    }

    /// A paragraph: why it matters and what to do.
    pub fn explanation(self) -> &'static str {
        match self {
            Code::Conflict => {
                "The draft's figure and a reference's figure for the same topic and scope cannot both be true \
                 (their intervals are disjoint). Check the figure against the references before publishing."
            }
            Code::Variation => {
                "No reference states the draft's figure as it is worded, but some state a compatible one \
                 (overlapping intervals, e.g. \"around 14,000\" and \"up to 15,000\"). Consider following the \
                 references' wording."
            }
            Code::Unsupported => {
                "No reference reports a figure for this topic and scope, so nothing backs the draft's claim. \
                 Cite its source or remove it."
            }
            Code::SingleSource => {
                "Only one outlet among the references supports the figure. Verify it before relying on it."
            }
            Code::InvalidSuppression => {
                "A suppression needs a reason, a region needs its end, and a topic must be one the rules know. \
                 A suppression that cannot be honoured suppresses nothing."
            }
            Code::UnusedSuppression => {
                "The figure a suppression was written for has been corrected or moved. Remove the comment, or it \
                 will silently hide the next problem on that line, in that region or of that topic."
            }
        }
    }
}

/// One reference article's position on the draft claim, reduced to what
/// the decision needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance<'a> {
    /// The outlet (or article id) that takes this stance.
    pub outlet: &'a str,
    /// The figure as the reference writes it.
    pub quantity: &'a str,
    pub relation: Relation,
}

/// The decision on one draft claim: which code, and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub code: Code,
    pub message: String,
}

/// Decides one draft claim. `stances` holds one entry per reference article
/// in the claim's finding (its best relation: an article that states the
/// draft's figure supports it, even if it also gives another one). `None`
/// means the claim is supported by two or more outlets: nothing to say.
pub fn decide(topic: &str, quantity: &str, stances: &[Stance<'_>]) -> Option<Decision> {
    let of = |relation: Relation| -> Vec<&Stance<'_>> {
        let mut picked: Vec<&Stance<'_>> = Vec::new();
        for s in stances.iter().filter(|s| s.relation == relation) {
            // One outlet once, even when two of its articles are references.
            if !picked.iter().any(|p| p.outlet == s.outlet) {
                picked.push(s);
            }
        }
        picked
    };
    let (agree, compatible, contradict) = (of(Relation::Agrees), of(Relation::Compatible), of(Relation::Contradicts));
    let (code, message) = if stances.is_empty() {
        (Code::Unsupported, format!("{topic}: \"{quantity}\" is reported by no reference"))
    } else if !contradict.is_empty() {
        let mut message = format!("{topic}: \"{quantity}\" is contradicted by {}", cite(&contradict));
        if !agree.is_empty() {
            message.push_str(&format!("; {} the same", say(&agree)));
        }
        if !compatible.is_empty() {
            message.push_str(&format!("; compatible: {}", cite(&compatible)));
        }
        (Code::Conflict, message)
    } else if agree.is_empty() {
        (Code::Variation, format!("{topic}: \"{quantity}\" is compatible with {} but worded differently", cite(&compatible)))
    } else {
        let mut outlets: Vec<&str> = agree.iter().chain(&compatible).map(|s| s.outlet).collect();
        outlets.sort_unstable();
        outlets.dedup();
        if outlets.len() > 1 {
            return None;
        }
        (Code::SingleSource, format!("{topic}: \"{quantity}\" is supported only by {}; verify it", outlets[0]))
    };
    Some(Decision { code, message })
}

/// The most outlets a message names in one list; the rest are counted
/// ("and 40 others"). A draft checked against a whole wire feed would
/// otherwise get a line naming hundreds of outlets; the JSON, SARIF and
/// GitHub formats still carry every one as evidence.
const MAX_NAMED: usize = 6;

/// `Reuters ("nine soldiers"), AP ("nine")`.
fn cite(stances: &[&Stance<'_>]) -> String {
    let parts: Vec<String> = stances.iter().map(|s| format!("{} (\"{}\")", s.outlet, s.quantity)).collect();
    join_and(&parts)
}

/// `Reuters says` / `Reuters and AP say`.
fn say(stances: &[&Stance<'_>]) -> String {
    let names: Vec<String> = stances.iter().map(|s| s.outlet.to_string()).collect();
    let verb = if names.len() == 1 { "says" } else { "say" };
    format!("{} {verb}", join_and(&names))
}

/// "a", "a and b", "a, b and c"; past [`MAX_NAMED`] parts, "a, b, c, d,
/// e, f and 3 others" (never "and 1 other": the seventh is named).
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        _ if parts.len() > MAX_NAMED + 1 => format!("{} and {} others", parts[..MAX_NAMED].join(", "), parts.len() - MAX_NAMED),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance<'a>(outlet: &'a str, quantity: &'a str, relation: Relation) -> Stance<'a> {
        Stance { outlet, quantity, relation }
    }

    #[test]
    fn relations_follow_the_intervals() {
        let nine = Interval::point(9.0);
        let cases = [
            (Interval::point(9.0), Relation::Agrees),
            (Interval::closed(8.1, 9.9), Relation::Compatible),
            (Interval::above(6000.0, false), Relation::Contradicts),
            (Interval::point(12.0), Relation::Contradicts),
        ];
        for (reference, expected) in cases {
            assert_eq!(Relation::between(&nine, &reference), expected, "{reference}");
        }
    }

    #[test]
    fn codes_by_stances() {
        use Relation::*;
        let cases: Vec<(Vec<Stance<'_>>, Option<Code>)> = vec![
            (vec![], Some(Code::Unsupported)),
            (vec![stance("A", "9", Agrees), stance("B", "nine", Agrees)], None),
            (vec![stance("A", "9", Agrees)], Some(Code::SingleSource)),
            // Two articles of one outlet are still one source.
            (vec![stance("A", "9", Agrees), stance("A", "nine", Agrees)], Some(Code::SingleSource)),
            (vec![stance("A", "9", Agrees), stance("B", "about 9", Compatible)], None),
            (vec![stance("A", "about 9", Compatible), stance("B", "up to 10", Compatible)], Some(Code::Variation)),
            (vec![stance("A", "9", Agrees), stance("B", "12", Contradicts)], Some(Code::Conflict)),
            (vec![stance("A", "12", Contradicts)], Some(Code::Conflict)),
        ];
        for (stances, expected) in cases {
            assert_eq!(decide("deaths", "9", &stances).map(|d| d.code), expected, "{stances:?}");
        }
    }

    #[test]
    fn a_mixed_conflict_names_both_sides() {
        use Relation::*;
        let stances = [
            stance("Reuters", "12 soldiers", Contradicts),
            stance("AP", "nine", Agrees),
            stance("Yonhap", "9", Agrees),
            stance("BBC", "about ten", Compatible),
        ];
        let d = decide("deaths", "nine soldiers", &stances).unwrap();
        assert_eq!(d.code, Code::Conflict);
        assert_eq!(
            d.message,
            "deaths: \"nine soldiers\" is contradicted by Reuters (\"12 soldiers\"); AP and Yonhap say the same; \
             compatible: BBC (\"about ten\")"
        );
    }

    #[test]
    fn long_lists_of_outlets_name_the_first_six() {
        let outlets = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"];
        let mut stances = vec![stance("Z", "12", Relation::Contradicts)];
        stances.extend(outlets.iter().map(|o| stance(o, "nine", Relation::Agrees)));
        let d = decide("deaths", "nine", &stances).unwrap();
        assert_eq!(d.message, "deaths: \"nine\" is contradicted by Z (\"12\"); A, B, C, D, E, F and 4 others say the same");
        let seven: Vec<Stance> = outlets[..7].iter().map(|o| stance(o, "12", Relation::Contradicts)).collect();
        let d = decide("deaths", "nine", &seven).unwrap();
        assert!(d.message.ends_with("F (\"12\") and G (\"12\")"), "{}", d.message);
        let eight: Vec<Stance> = outlets[..8].iter().map(|o| stance(o, "12", Relation::Contradicts)).collect();
        let d = decide("deaths", "nine", &eight).unwrap();
        assert!(d.message.ends_with("F (\"12\") and 2 others"), "{}", d.message);
    }

    #[test]
    fn single_source_names_the_outlet() {
        let d = decide("troops", "1,000", &[stance("Reuters", "1,000", Relation::Agrees)]).unwrap();
        assert_eq!(d.message, "troops: \"1,000\" is supported only by Reuters; verify it");
    }

    #[test]
    fn every_code_has_a_fixed_severity() {
        assert_eq!(Code::Conflict.severity(), Severity::Error);
        assert_eq!(Code::Variation.severity(), Severity::Warning);
        assert_eq!(Code::Unsupported.severity(), Severity::Warning);
        assert_eq!(Code::SingleSource.severity(), Severity::Info);
        assert_eq!(Code::InvalidSuppression.severity(), Severity::Warning);
        assert_eq!(Code::UnusedSuppression.severity(), Severity::Info);
    }
}

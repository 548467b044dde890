//! Words that bound or approximate a number: "about", "more than", "at
//! least", "up to", "nearly", "sub-", "N plus", "or more"; and the words
//! that open a range ("between", "from").
//!
//! Modifiers before a number are matched by a regular expression anchored
//! at the end of a short window of text before it, so the cost does not
//! grow with the sentence.

use crate::model::Bound;
use crate::extract::word_regex::WordRegex;

/// How far back a modifier may start, in bytes ("in the region of ").
const WINDOW: usize = 40;

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

/// How a range is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    Between,
    From,
}

/// A bound word before a number: the bound and the byte where the
/// modifier starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Modifier {
    pub bound: Bound,
    pub start: usize,
}

fn window(text: &str, end: usize) -> usize {
    let mut start = end.saturating_sub(WINDOW);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// The modifier ending right before byte `end`, if any.
pub(crate) fn before(text: &str, end: usize) -> Option<Modifier> {
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

/// A bound written after the number ("3,000 plus", "ten or more"), with
/// the byte where it ends.
#[cfg(test)]
pub(crate) fn after(text: &str, pos: usize) -> Option<(Bound, usize)> {
    after_with(text, pos, text.get(pos..).is_some_and(crate::extract::word_regex::ascii_words))
}

/// [`after`] in tokenized text.
pub(crate) fn after_in(t: &super::token::Toks, pos: usize) -> Option<(Bound, usize)> {
    after_with(t.text, pos, pos >= t.ascii_from)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_before_a_number() {
        let cases: &[(&str, Bound)] = &[
            ("roughly ", Bound::About),
            ("an estimated ", Bound::About),
            ("~", Bound::About),
            ("almost ", Bound::Nearly),
            ("just under ", Bound::Nearly),
            ("in excess of ", Bound::MoreThan),
            ("well over ", Bound::MoreThan),
            ("no fewer than ", Bound::AtLeast),
            ("as many as ", Bound::AtMost),
            ("no more than ", Bound::AtMost),
            ("below ", Bound::LessThan),
            ("a sub-", Bound::LessThan),
        ];
        for &(text, bound) in cases {
            let m = before(text, text.len());
            assert_eq!(m.map(|m| m.bound), Some(bound), "{text:?}");
        }
        assert_eq!(before("the ", 4), None);
        assert_eq!(before("handsome ", 9), None);
    }

    #[test]
    fn bounds_after_a_number() {
        assert_eq!(after(" plus troops", 0).map(|a| a.0), Some(Bound::MoreThan));
        assert_eq!(after("-plus", 0).map(|a| a.0), Some(Bound::MoreThan));
        assert_eq!(after(" or more", 0).map(|a| a.0), Some(Bound::AtLeast));
        assert_eq!(after(" ordinary", 0), None);
    }

    #[test]
    fn range_openers() {
        assert_eq!(range_opener("rose from ", 10).map(|r| r.0), Some(Opener::From));
        assert_eq!(range_opener("between ", 8).map(|r| r.0), Some(Opener::Between));
    }
}

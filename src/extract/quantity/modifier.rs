//! Words that bound or approximate a number: "about", "more than", "at
//! least", "up to", "nearly", "sub-", "N plus", "or more"; and the words
//! that open a range ("between", "from").
//!
//! Modifiers are matched by hand-written matchers (see [`super::scan`])
//! reading back from the number over a short window of text, so the cost
//! does not grow with the sentence and nothing is compiled at run time.

use super::scan::{boundary_after, boundary_before, char_before, lit_ci, lit_ci_back, skip_ws, skip_ws_back, ws_at};
use crate::extract::clause::{KeyTable, PACKED, packed, packed_lower};
use crate::model::Bound;
use std::sync::LazyLock;

/// How far back a modifier may start, in bytes ("in the region of ").
pub(super) const WINDOW: usize = 40;

/// Bound words before a number, as the expression they replaced had them:
/// `(?i)(?:\b(?:<phrase>)\s+|(?P<sub>\bsub-)|(?P<tilde>[~≈]\s*)|...)$`.
pub(super) const PHRASES: &[(&str, Bound)] = &[
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("just under", Bound::Nearly),
    ("just shy of", Bound::Nearly),
    ("just below", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("not quite", Bound::Nearly),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("not fewer than", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("minimum of", Bound::AtLeast),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    ("maximum of", Bound::AtMost),
    ("more than", Bound::MoreThan),
    ("in excess of", Bound::MoreThan),
    ("upwards of", Bound::MoreThan),
    ("greater than", Bound::MoreThan),
    ("higher than", Bound::MoreThan),
    ("larger than", Bound::MoreThan),
    ("over", Bound::MoreThan),
    ("above", Bound::MoreThan),
    ("exceeding", Bound::MoreThan),
    ("fewer than", Bound::LessThan),
    ("less than", Bound::LessThan),
    ("lower than", Bound::LessThan),
    ("smaller than", Bound::LessThan),
    ("under", Bound::LessThan),
    ("below", Bound::LessThan),
    ("about", Bound::About),
    ("around", Bound::About),
    ("some", Bound::About),
    ("roughly", Bound::About),
    ("approximately", Bound::About),
    ("approx.", Bound::About),
    ("approx", Bound::About),
    ("an estimated", Bound::About),
    ("estimated", Bound::About),
    ("circa", Bound::About),
    ("in the region of", Bound::About),
    ("on the order of", Bound::About),
    ("exactly", Bound::Exact),
    ("precisely", Bound::Exact),
    ("just", Bound::Exact),
];

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

/// The modifier ending right before byte `end`, if any: a bound phrase and
/// white space, "sub-", or a sign ("~", "≈", ">", "≥", "<", "≤") and any
/// white space. Of several phrases ending there ("no more than", "more
/// than") the one starting first wins, as in a regex search.
pub(crate) fn before(text: &str, end: usize) -> Option<Modifier> {
    let from = window(text, end);
    text.get(from..end)?;
    let word_end = skip_ws_back(text, from, end);
    if word_end < end {
        // Most words before a number end no phrase at all; the others end
        // only the phrases filed under them. A word that cannot be read by
        // its ASCII letters alone leaves every phrase to try.
        let phrases = match last_word(text, from, word_end) {
            Some(w) => match ending_with(w) {
                Some(group) => group,
                None => return sign_or_sub(text, from, end, word_end),
            },
            None => PHRASES,
        };
        let phrase = phrases
            .iter()
            .filter_map(|&(p, bound)| lit_ci_back(text, from, word_end, p).map(|s| (s, bound)))
            .filter(|&(s, _)| boundary_before(text, from, s))
            .min_by_key(|&(s, _)| s);
        if let Some((start, bound)) = phrase {
            return Some(Modifier { bound, start });
        }
    }
    sign_or_sub(text, from, end, word_end)
}

/// "~", "≈", ">", "≥", "<", "≤" ending at `word_end` (then white space to
/// `end`), or "sub-" ending at `end`.
fn sign_or_sub(text: &str, from: usize, end: usize, word_end: usize) -> Option<Modifier> {
    let sign = word_end.checked_sub(1).filter(|&s| s >= from).and_then(|_| char_before(text, word_end));
    let bound = match sign {
        Some('~' | '\u{2248}') => Bound::About,
        Some('>') => Bound::MoreThan,
        Some('\u{2265}') => Bound::AtLeast,
        Some('<') => Bound::LessThan,
        Some('\u{2264}') => Bound::AtMost,
        _ => {
            // "sub-" ends in a hyphen, which no folding produces: most
            // numbers follow something else and stop here.
            if end == 0 || text.as_bytes().get(end - 1) != Some(&b'-') {
                return None;
            }
            let start = lit_ci_back(text, from, end, "sub-").filter(|&s| boundary_before(text, from, s))?;
            return Some(Modifier { bound: Bound::LessThan, start });
        }
    };
    let c = sign?;
    Some(Modifier { bound, start: word_end - c.len_utf8() })
}

/// Bound phrases with their bounds, as in [`PHRASES`].
type Phrases = Vec<(&'static str, Bound)>;

/// The phrases of [`PHRASES`] whose last word is `w` (any case), in the
/// table's order; None when `w` ends none. Filed once by last word, so a
/// number after "than" tries the fourteen phrases ending in it, not all.
fn ending_with(w: &str) -> Option<&'static [(&'static str, Bound)]> {
    static BY_LAST: LazyLock<(KeyTable<u8>, Vec<Phrases>)> = LazyLock::new(|| {
        let groups = LAST_WORDS.iter().map(|w| PHRASES.iter().copied().filter(|(p, _)| ends_with_word(p, w)).collect()).collect();
        // Group `k` is stored as `k + 1`: 0 is the table's "absent".
        let keys = LAST_WORDS.iter().zip(1u8..).filter_map(|(w, k)| Some((packed(w.as_bytes())?, k)));
        (KeyTable::with_values(keys), groups)
    });
    if w.is_empty() || w.len() > PACKED || !w.is_ascii() {
        return None;
    }
    let (keys, groups) = &*BY_LAST;
    let k = keys.get(packed_lower(w.as_bytes()))?;
    groups.get(usize::from(k).checked_sub(1)?).map(Vec::as_slice)
}

/// The last words of [`PHRASES`], sorted.
const LAST_WORDS: &[&str] = &[
    "about", "above", "almost", "approx", "approx.", "approximately", "around", "as", "below", "circa", "estimated",
    "exactly", "exceeding", "just", "least", "most", "nearly", "of", "over", "precisely", "quite", "roughly",
    "some", "than", "to", "under",
];

/// The ASCII word (letters, then perhaps a full stop) ending at byte
/// `end`, when it is bounded by ASCII or the window's start: a phrase can
/// end there only if its last word is this one. None when a non-ASCII
/// character touches it, which might fold onto a letter ("ſome").
fn last_word(text: &str, from: usize, end: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut i = end;
    if i > from && b[i - 1] == b'.' {
        i -= 1;
    }
    while i > from && b[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    (i == from || b[i - 1].is_ascii()).then(|| &text[i..end])
}

/// The phrase `p` ends with the word `w`, case ignored.
fn ends_with_word(p: &str, w: &str) -> bool {
    let (p, w) = (p.as_bytes(), w.as_bytes());
    p.len() >= w.len()
        && p[p.len() - w.len()..].eq_ignore_ascii_case(w)
        && (p.len() == w.len() || p[p.len() - w.len() - 1] == b' ')
}

/// A bound written after the number ("3,000 plus", "ten or more"), with
/// the byte where it ends: `^(?i:(?P<more>\s?-?plus\b|\+)|\s+or
/// (?:(?P<atleast>more)|(?P<about>so)|(?P<atmost>fewer|less))\b)`.
pub(crate) fn after(text: &str, pos: usize) -> Option<(Bound, usize)> {
    let rest = text.get(pos..)?;
    let i = ws_at(rest, 0).unwrap_or(0);
    let j = if rest[i..].starts_with('-') { i + 1 } else { i };
    if let Some(end) = lit_ci(rest, j, "plus").filter(|&e| boundary_after(rest, e)) {
        return Some((Bound::MoreThan, pos + end));
    }
    if rest.starts_with('+') {
        return Some((Bound::MoreThan, pos + 1));
    }
    ws_at(rest, 0)?;
    let or = lit_ci(rest, skip_ws(rest, 0), "or ")?;
    const TAILS: &[(&str, Bound)] = &[("more", Bound::AtLeast), ("so", Bound::About), ("fewer", Bound::AtMost), ("less", Bound::AtMost)];
    TAILS.iter().find_map(|&(w, bound)| {
        let end = lit_ci(rest, or, w).filter(|&e| boundary_after(rest, e))?;
        Some((bound, pos + end))
    })
}

/// [`after`] in tokenized text.
pub(crate) fn after_in(t: &super::token::Toks, pos: usize) -> Option<(Bound, usize)> {
    after(t.text, pos)
}

/// "between" or "from" right before byte `end`, with where it starts:
/// `(?i)\b(?:between|from)\s+(?:the\s+)?(?:up to\s+|about\s+|around\s+)?$`.
/// Read backwards from `end`; each part must be followed by white space.
pub(crate) fn range_opener(text: &str, end: usize) -> Option<(Opener, usize)> {
    let from = window(text, end);
    text.get(from..end)?;
    // The word ending at `i`, which white space must follow: where it starts.
    let word = |i: usize, words: &[&str]| -> Option<usize> {
        let w = skip_ws_back(text, from, i);
        (w < i).then_some(())?;
        words.iter().find_map(|p| lit_ci_back(text, from, w, p))
    };
    // Most words before a number are none of the opener's words.
    let word_end = skip_ws_back(text, from, end);
    // Most numbers follow a word that ends in none of the letters the
    // words below end in (o, t, d, e, n, m), or no word at all: settled
    // on that one byte before the word is read back. A byte past ASCII
    // leaves the word to `last_word`, as it may fold onto a letter.
    let before = if word_end > from { text.as_bytes().get(word_end - 1).copied() } else { None };
    if before.is_none_or(|c| c.is_ascii() && !matches!(c | 0x20, b'o' | b't' | b'd' | b'e' | b'n' | b'm')) {
        return None;
    }
    let last = last_word(text, from, word_end);
    if last.is_some_and(|w| !["to", "about", "around", "the", "between", "from"].iter().any(|o| w.eq_ignore_ascii_case(o))) {
        return None;
    }
    let mut i = end;
    if let Some(s) = word(i, &["up to", "about", "around"]) {
        i = s;
    }
    if let Some(s) = word(i, &["the"]) {
        i = s;
    }
    let (opener, start) = match word(i, &["between"]) {
        Some(s) => (Opener::Between, s),
        None => (Opener::From, word(i, &["from"])?),
    };
    boundary_before(text, from, start).then_some((opener, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_words_are_those_of_the_phrases() {
        let mut words: Vec<&str> = PHRASES.iter().filter_map(|p| p.0.rsplit(' ').next()).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words, LAST_WORDS);
    }

    /// The phrases filed under a last word are those the plain filter
    /// keeps, in order; a word ending none has no group.
    #[test]
    fn phrases_filed_by_last_word_are_the_filtered_table() {
        for word in LAST_WORDS.iter().copied().chain(["", "ABOUT", "Approx.", "approx.x", "ſome", "than", "thanx", "the", "Than"]) {
            let plain: Vec<(&str, Bound)> = PHRASES.iter().copied().filter(|(p, _)| ends_with_word(p, word)).collect();
            let listed = super::super::scan::in_sorted(word, LAST_WORDS);
            assert_eq!(ending_with(word).map(<[_]>::to_vec), listed.then_some(plain), "{word:?}");
        }
    }

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

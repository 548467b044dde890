//! Hand-written matchers for the fixed phrases that scope and attribution
//! look for: time frames ("last year", "in early August", "during the
//! mission"), plans and forecasts ("agreed to", "will", "could rise"), and
//! "according to".
//!
//! Each phrase was first written as a regular expression, and that pattern
//! stays here as its specification: compiling it costs a fraction of a
//! millisecond per pattern on every run of the program, more than reading
//! a whole article, so the matchers below walk the words instead. They
//! give exactly the pattern's matches (same spans, same order, the same
//! non-overlapping `find_iter` sequence) on any text that passes
//! [`ascii_words`]: there `\b` and `\w` only see ASCII letters, digits and
//! `_`, and case folding is ASCII. Text with other letters (accented names,
//! other scripts) is rare in news copy and goes to the pattern, compiled
//! only then. The tests hold each matcher to its pattern on a table of
//! cases and on random word sequences drawn from the pattern's vocabulary.

use super::clause::WordSet;
use crate::model::Span;
use super::word_regex::{ascii_words, WordRegex};

/// A phrase: its hand-written matcher and the pattern it implements.
pub struct Phrase {
    /// The end of the phrase's match starting at byte `at`, if one does
    /// (the pattern's leftmost-first choice), on text passing [`ascii_words`].
    at: fn(&str, usize) -> Option<usize>,
    /// `at` where a `\w` run that [`Phrase::may_lead`] accepts starts, past
    /// the text's first byte: it may skip testing that again.
    lead_at: fn(&str, usize) -> Option<usize>,
    pattern: WordRegex,
    /// The words a match starting after the text's first byte must start
    /// with (`None`: any word may start one).
    leads: Option<&'static WordSet>,
}

impl Phrase {
    const fn new(at: fn(&str, usize) -> Option<usize>, source: fn() -> String, leads: Option<&'static WordSet>) -> Phrase {
        Phrase { at, lead_at: at, pattern: WordRegex::new(source), leads }
    }

    /// [`Phrase::new`] with a matcher for lead words of its own.
    const fn with_lead_at(
        at: fn(&str, usize) -> Option<usize>,
        lead_at: fn(&str, usize) -> Option<usize>,
        source: fn() -> String,
        leads: Option<&'static WordSet>,
    ) -> Phrase {
        Phrase { at, lead_at, pattern: WordRegex::new(source), leads }
    }

    /// True when a match may start at a `\w` run that is `word` (ASCII,
    /// any case), anywhere but at the very start of a text.
    pub fn may_lead(&self, word: &[u8]) -> bool {
        self.leads.is_none_or(|leads| leads.contains_ascii(word))
    }

    /// The words [`Phrase::may_lead`] accepts, `None` for any word.
    pub fn lead_words(&self) -> Option<&'static [&'static str]> {
        self.leads.map(WordSet::words)
    }

    /// The matches of `find_iter(&sentence[span.start..span.end])`, offsets
    /// relative to `span.start`, for a `sentence` passing [`ascii_words`]
    /// whose `leads` (in order) are the starts of every `\w` run at which
    /// [`Phrase::may_lead`] holds. Only those runs, the span's start and
    /// a run the span's end cuts short can start a match, so the matcher
    /// is tried at those alone instead of at every word: a sentence's runs
    /// are looked up once for all the spans of its mentions.
    pub fn find_iter_among<'t>(&'static self, sentence: &'t str, span: Span, leads: &'t [usize]) -> LeadMatches<'t> {
        let (a, b) = (span.start, span.end);
        let bytes = sentence.as_bytes();
        // The start of the run that crosses the span's end: cut short, it
        // may read as another word ("willing" cut to "will").
        let cut = if b > a && b < bytes.len() && is_word_byte(bytes[b]) && is_word_byte(bytes[b - 1]) {
            let mut s = b - 1;
            while s > a && is_word_byte(bytes[s - 1]) {
                s -= 1;
            }
            (s > a).then_some(s)
        } else {
            None
        };
        let limit = cut.unwrap_or(b);
        let from = leads.partition_point(|&p| p <= a);
        let to = from + leads[from..].partition_point(|&p| p < limit);
        LeadMatches { text: &sentence[a..b], at: self.at, lead_at: self.lead_at, offset: a, pos: 0, first: true, leads: leads[from..to].iter(), cut }
    }

    /// The successive non-overlapping matches in `text`, as `(start, end)`
    /// byte offsets: the pattern's `find_iter`.
    pub fn find_iter<'t>(&'static self, text: &'t str) -> Matches<'t> {
        if ascii_words(text) {
            Matches::Scan { text, at: self.at, pos: 0 }
        } else {
            Matches::Pattern(self.pattern.build(false).find_iter(text))
        }
    }

    /// The first match in `text`.
    pub fn find(&'static self, text: &str) -> Option<(usize, usize)> {
        self.find_iter(text).next()
    }

    /// The hand-written matcher's matches, whatever the text.
    #[cfg(test)]
    fn scanned(&'static self, text: &str) -> Vec<(usize, usize)> {
        Matches::Scan { text, at: self.at, pos: 0 }.collect()
    }

    /// The pattern's matches, in its build as written and in its ASCII
    /// build.
    #[cfg(test)]
    fn by_pattern(&'static self, text: &str) -> [Vec<(usize, usize)>; 2] {
        [false, true].map(|ascii| self.pattern.build(ascii).find_iter(text).map(|m| (m.start(), m.end())).collect())
    }
}

/// The matches of a [`Phrase`] in one text.
pub enum Matches<'t> {
    Scan { text: &'t str, at: fn(&str, usize) -> Option<usize>, pos: usize },
    Pattern(regex::Matches<'static, 't>),
}

impl Iterator for Matches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Matches::Pattern(m) => m.next().map(|m| (m.start(), m.end())),
            Matches::Scan { text, at, pos } => {
                let b = text.as_bytes();
                // Every pattern here starts at a word boundary before a
                // word, or at the very start of the text (`^`).
                let mut p = *pos;
                while p < b.len() {
                    let candidate = p == 0 || (is_word_byte(b[p]) && !is_word_byte(b[p - 1]));
                    if candidate {
                        if let Some(end) = at(text, p) {
                            *pos = end;
                            return Some((p, end));
                        }
                    }
                    p += 1;
                }
                *pos = b.len();
                None
            }
        }
    }
}

/// The matches of a [`Phrase`] in a span of a sentence whose leads are
/// known: see [`Phrase::find_iter_among`].
pub struct LeadMatches<'t> {
    /// The span's text.
    text: &'t str,
    at: fn(&str, usize) -> Option<usize>,
    lead_at: fn(&str, usize) -> Option<usize>,
    /// Where the span starts in the sentence.
    offset: usize,
    /// Where the scan goes on in `text`, past the last match.
    pos: usize,
    /// The span's start is still to try.
    first: bool,
    leads: std::slice::Iter<'t, usize>,
    cut: Option<usize>,
}

impl Iterator for LeadMatches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if std::mem::take(&mut self.first) {
            if let Some(end) = (self.at)(self.text, 0) {
                self.pos = end;
                return Some((0, end));
            }
        }
        let offset = self.offset;
        // The cut run is tried after the leads, and only on the call that
        // first gets here, as it always was.
        let cut = self.cut.take();
        for &p in self.leads.by_ref() {
            let p = p - offset;
            if p < self.pos {
                continue;
            }
            // A lead is a whole run past the span's start: its matcher
            // need not look the word up again.
            if let Some(end) = (self.lead_at)(self.text, p) {
                self.pos = end;
                return Some((p, end));
            }
        }
        let p = cut? - offset;
        if p < self.pos {
            return None;
        }
        let end = (self.at)(self.text, p)?;
        self.pos = end;
        Some((p, end))
    }
}

/// `\w` on text passing [`ascii_words`]: no non-ASCII character there is a
/// word character, so a byte test is exact. A table look-up, as every
/// matcher asks it of every byte of the words it reads
/// ([`is_word_byte_by_ranges`] is its specification in the tests).
#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] of every byte.
const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || byte == b'_';
        b += 1;
    }
    table
};

/// [`is_word_byte`] as first written.
#[cfg(test)]
fn is_word_byte_by_ranges(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of the run of word characters starting at `p`.
fn run_end(b: &[u8], p: usize) -> usize {
    let mut e = p;
    while e < b.len() && is_word_byte(b[e]) {
        e += 1;
    }
    e
}

/// The word (maximal run of `\w`) starting at `p`, lower-cased into `buf`;
/// `None` when none starts there or it is longer than any listed word.
/// With its end.
fn word_at<'a>(text: &'a str, p: usize, buf: &'a mut [u8; 12]) -> Option<(&'a str, usize)> {
    let b = text.as_bytes();
    if p >= b.len() || !is_word_byte(b[p]) {
        return None;
    }
    let e = run_end(b, p);
    let word = &b[p..e];
    let w = buf.get_mut(..word.len())?;
    // Most words are written in lower case: the text's own slice serves,
    // with no copy to lower-case and no check that the copy is UTF-8.
    if !word.iter().any(u8::is_ascii_uppercase) {
        return Some((&text[p..e], e));
    }
    for (to, from) in w.iter_mut().zip(word) {
        *to = from.to_ascii_lowercase();
    }
    // ASCII bytes only: always UTF-8.
    Some((std::str::from_utf8(w).ok()?, e))
}

/// `\s+` at `p`: the end of the whitespace there, if there is any.
fn spaces(text: &str, p: usize) -> Option<usize> {
    let rest = text.get(p..)?;
    // Most often one plain space before an ASCII non-space byte (a word):
    // told by two bytes, without counting the run.
    if let [b' ', next, ..] = rest.as_bytes() {
        if next.is_ascii() && !matches!(next, b'\t'..=b'\r' | b' ') {
            return Some(p + 1);
        }
    }
    // ASCII whitespace byte by byte (as `char::is_whitespace` has it, the
    // vertical tab included); chars decoded only from a non-ASCII byte on.
    let ascii = rest.bytes().take_while(|b| matches!(b, b'\t'..=b'\r' | b' ')).count();
    let more = if rest.as_bytes().get(ascii).is_some_and(|b| !b.is_ascii()) {
        rest[ascii..].char_indices().find(|&(_, c)| !c.is_whitespace()).map_or(rest.len() - ascii, |(i, _)| i)
    } else {
        0
    };
    let end = ascii + more;
    (end > 0).then_some(p + end)
}

/// `\s*` at `p`.
fn any_spaces(text: &str, p: usize) -> usize {
    spaces(text, p).unwrap_or(p)
}

/// A whole word at `p` (a run of `\w` ending at a boundary) that `test`
/// accepts, lower-cased; its end.
fn word_if(text: &str, p: usize, test: impl Fn(&str) -> bool) -> Option<usize> {
    let mut buf = [0u8; 12];
    word_at(text, p, &mut buf).filter(|(w, _)| test(w)).map(|(_, e)| e)
}

/// `\b` at `p`.
fn boundary(b: &[u8], p: usize) -> bool {
    let before = p > 0 && is_word_byte(b[p - 1]);
    let after = p < b.len() && is_word_byte(b[p]);
    before != after
}

/// `text[p..]` starts with `lit`, ASCII case-insensitively.
fn literal(text: &str, p: usize, lit: &str) -> Option<usize> {
    let b = text.as_bytes();
    let end = p + lit.len();
    (end <= b.len() && b[p..end].eq_ignore_ascii_case(lit.as_bytes())).then_some(end)
}

// ---------------------------------------------------------------- time

pub(crate) const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
pub(crate) const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
/// Events that frame a time span when "during", "in" or "since" names them.
const FRAME_NOUNS: &str = "war|mission|deployment|fighting|conflict|campaign|operation|attack|invasion|offensive|siege|battle|occupation|crisis|pandemic|outbreak|storm|floods?|earthquake|season|period|year|month|week";

fn time_pattern() -> String {
    format!(
        r"(?xi)
        \b(?:last|this|next|past|previous|coming)\s+(?:year|month|week|weekend|spring|summer|autumn|fall|winter|decade|night|{WEEKDAYS})\b
        | \b(?:earlier|later)\s+this\s+(?:year|month|week)\b
        | \bso\s+far\s+this\s+(?:year|month|week)\b
        | \b(?:in|since|by|until|during|from|through|throughout|before|after|between)\s+(?:early\s+|late\s+|mid-)?(?:{MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?\b
        | \b(?:in|since|by|until|during|before|after)\s+(?:early\s+|late\s+)?(?:19|20)\d\d\b
        | \b(?:on\s+)?(?:{WEEKDAYS})\b
        | \b(?:during|throughout|over|in|since|after|before|for)\s+(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:{FRAME_NOUNS})\b
        | \b(?:during|throughout)\s+(?:(?:the|its|their|this|that|a|an)\s+)?[\w][\w'’-]*
        | \b(?:yesterday|today|tonight|overnight)\b
        | ^\s*(?:earlier|previously|meanwhile)\b
        "
    )
}

/// Time phrases: "last year", "in early August", "since June 3, 2024",
/// "on Monday", "during the mission", "yesterday", a leading "Earlier".
pub static TIME: Phrase = Phrase::with_lead_at(time_at, time_at_lead, time_pattern, Some(&TIME_LEADS));

/// The words a [`TIME`] phrase starts with, but for a leading "Earlier".
static TIME_LEADS: WordSet = WordSet::new(TIME_LEAD_WORDS);

/// The initials and lengths of [`TIME_LEADS`]: most words are ruled out
/// by these before the set is probed.
static TIME_HEADS: Heads = Heads::of(TIME_LEAD_WORDS);

const TIME_LEAD_WORDS: &[&str] = &[
    "last", "this", "next", "past", "previous", "coming", "earlier", "later", "so", "in", "since", "by", "until", "during",
    "from", "through", "throughout", "before", "after", "between", "on", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "over", "for", "yesterday", "today", "tonight", "overnight",
];

/// For each initial letter, a bit for each length (1 to 15) that some
/// word of a list (lower-case ASCII letters) has with that initial.
struct Heads([u16; 26]);

impl Heads {
    const fn of(words: &[&str]) -> Heads {
        let mut heads = [0u16; 26];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            // Every listed word is 1 to 15 lower-case letters (tested).
            heads[(w[0] - b'a') as usize] |= 1 << w.len();
            i += 1;
        }
        Heads(heads)
    }

    /// False only when no listed word is `word` in any case: an empty
    /// word, or one of 1 to 15 bytes whose initial and length no listed
    /// word shares.
    fn may_hold(&self, word: &[u8]) -> bool {
        let n = word.len();
        // No listed word is empty.
        let Some(&first) = word.first() else { return false };
        if n > 15 {
            return true;
        }
        if !first.is_ascii_alphabetic() {
            return false;
        }
        self.0[usize::from(first.to_ascii_lowercase() - b'a')] & (1 << n) != 0
    }
}

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// The month names, in the pattern's order: the list [`month_len`] files
/// by initial.
#[cfg(test)]
const MONTH_NAMES: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// The length of the month name `w` starts with (any case), if any: the
/// names are tried in [`MONTH_NAMES`]' order, but only those with `w`'s
/// initial, as most words after a preposition are no month and their
/// first letter says so ([`month_len_by_list`] is the specification).
fn month_len(w: &str) -> Option<usize> {
    let names: &[&str] = match w.as_bytes().first().map(u8::to_ascii_lowercase)? {
        b'j' => &["january", "june", "july"],
        b'f' => &["february"],
        b'm' => &["march", "may"],
        b'a' => &["april", "august"],
        b's' => &["september"],
        b'o' => &["october"],
        b'n' => &["november"],
        b'd' => &["december"],
        _ => return None,
    };
    names.iter().find(|m| w.len() >= m.len() && w.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())).map(|m| m.len())
}

/// [`month_len`] over the whole list.
#[cfg(test)]
fn month_len_by_list(w: &str) -> Option<usize> {
    MONTH_NAMES.iter().find(|m| w.len() >= m.len() && w.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())).map(|m| m.len())
}

fn is_frame_noun(w: &str) -> bool {
    matches!(
        w,
        "war" | "mission" | "deployment" | "fighting" | "conflict" | "campaign" | "operation" | "attack" | "invasion" | "offensive"
            | "siege" | "battle" | "occupation" | "crisis" | "pandemic" | "outbreak" | "storm" | "flood" | "floods" | "earthquake"
            | "season" | "period" | "year" | "month" | "week"
    )
}

/// The whole word at `p` is one of `words` (lower-case ASCII, none
/// longer than a word [`word_at`] reads): [`one_of_by_copy`] without the
/// lower-cased copy, as comparing without ASCII case is the same test.
fn one_of(text: &str, p: usize, words: &[&str]) -> Option<usize> {
    let b = text.as_bytes();
    if p >= b.len() || !is_word_byte(b[p]) {
        return None;
    }
    let e = run_end(b, p);
    let word = &b[p..e];
    words.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word)).then_some(e)
}

/// [`one_of`] as first written, through [`word_if`]: its specification.
#[cfg(test)]
fn one_of_by_copy(text: &str, p: usize, words: &[&str]) -> Option<usize> {
    word_if(text, p, |w| words.contains(&w))
}

/// Whole words, one per step, the first at `p` and each next one after
/// `\s+`: the end of the last one when every step accepts its word.
fn sequence(text: &str, p: usize, steps: &[&dyn Fn(&str) -> bool]) -> Option<usize> {
    let mut end = p;
    for (i, step) in steps.iter().enumerate() {
        let start = if i == 0 { end } else { spaces(text, end)? };
        end = word_if(text, start, step)?;
    }
    Some(end)
}

fn time_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if p == 0 && !may_open_time(b) {
        return None;
    }
    // Most words start no phrase: one look-up tells.
    let lead = (p == 0 || !is_word_byte(b[p - 1])) && {
        let word = &b[p..run_end(b, p)];
        TIME_HEADS.may_hold(word) && TIME_LEADS.contains_ascii(word)
    };
    time_from(text, p, lead)
}

/// False when no [`TIME`] phrase can start at the very start of `b`, told
/// by its first bytes: there a phrase opens with a lead word, or with
/// spaces and "earlier", "previously" or "meanwhile". Every part of a
/// sentence is tried at its start, and most start with a word no phrase
/// opens with (or a space and such a word), which this rules out before
/// any word is read.
fn may_open_time(b: &[u8]) -> bool {
    let spaces = b.iter().take_while(|c| matches!(c, b'\t'..=b'\r' | b' ')).count();
    match b.get(spaces) {
        None => false,
        // Other whitespace, or a letter of another script: the full test.
        Some(&c) if !c.is_ascii() => true,
        Some(&c) => {
            let lower = c.to_ascii_lowercase();
            // A lead word can only come first: after a space the word at
            // the start is empty.
            let lead = spaces == 0 && lower.is_ascii_lowercase() && TIME_HEADS.0[usize::from(lower - b'a')] != 0;
            lead || matches!(lower, b'e' | b'p' | b'm')
        }
    }
}

/// [`time_at`] at a whole run known to be one of [`TIME_LEADS`].
fn time_at_lead(text: &str, p: usize) -> Option<usize> {
    time_from(text, p, true)
}

/// [`time_at`], told whether `p` starts a whole run that is a lead word.
fn time_from(text: &str, p: usize, lead: bool) -> Option<usize> {
    // Every alternative but the last starts with `\b` and a word.
    let first = if lead { lead_word_at(text.as_bytes(), p) } else { None };
    if let Some((opens, e)) = first {
        if let Some(end) = time_after_lead(text, opens, e) {
            return Some(end);
        }
    }
    // A leading "Earlier", "Previously", "Meanwhile", spaces included.
    if p == 0 {
        let q = any_spaces(text, 0);
        // Most texts start with another letter: one byte tells.
        if !matches!(text.as_bytes().get(q).map(u8::to_ascii_lowercase), Some(b'e' | b'p' | b'm')) {
            return None;
        }
        return one_of(text, q, &["earlier", "previously", "meanwhile"]);
    }
    None
}

/// The first byte of the word at `q`, lower-cased (0 at the end of the
/// text): each alternative after a lead word can only start with a few
/// letters, so this one byte rules most of them out before any word is
/// read.
fn head_byte(text: &str, q: usize) -> u8 {
    text.as_bytes().get(q).map_or(0, u8::to_ascii_lowercase)
}

/// The alternatives of the [`TIME`] pattern that a lead word may open,
/// as bits of [`lead_alternatives`].
const UNIT: u16 = 1;
const THIS_UNIT: u16 = 2;
const SO_FAR: u16 = 4;
const MONTH: u16 = 8;
const YEAR: u16 = 16;
const ON_WEEKDAY: u16 = 32;
const WEEKDAY: u16 = 64;
const FRAMED: u16 = 128;
const DURING: u16 = 256;
const DAY: u16 = 512;

/// The alternatives the word at `p` opens (see [`lead_alternatives`])
/// and where it ends, if a word starts there and is short enough to be a
/// lead: as [`word_at`] reads it, lower-cased on the stack, with no
/// string made of it.
fn lead_word_at(b: &[u8], p: usize) -> Option<(u16, usize)> {
    if p >= b.len() || !is_word_byte(b[p]) {
        return None;
    }
    let e = run_end(b, p);
    let mut buf = [0u8; 12];
    let lower = buf.get_mut(..e - p)?;
    for (to, from) in lower.iter_mut().zip(&b[p..e]) {
        *to = from.to_ascii_lowercase();
    }
    Some((lead_alternatives(lower), e))
}

/// Which alternatives the lead word `w` (lower case) opens: one match on
/// the word, where testing it against each alternative's list in turn
/// compared it again and again.
fn lead_alternatives(w: &[u8]) -> u16 {
    match w {
        b"last" | b"this" | b"next" | b"past" | b"previous" | b"coming" => UNIT,
        b"earlier" | b"later" => THIS_UNIT,
        b"so" => SO_FAR,
        b"in" | b"since" | b"before" | b"after" => MONTH | YEAR | FRAMED,
        b"by" | b"until" => MONTH | YEAR,
        b"during" => MONTH | YEAR | FRAMED | DURING,
        b"from" | b"through" | b"between" => MONTH,
        b"throughout" => MONTH | FRAMED | DURING,
        b"on" => ON_WEEKDAY,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday" => WEEKDAY,
        b"over" | b"for" => FRAMED,
        b"yesterday" | b"today" | b"tonight" | b"overnight" => DAY,
        _ => 0,
    }
}

/// [`lead_alternatives`] as the pattern lists them, alternative by
/// alternative: its specification.
#[cfg(test)]
fn lead_alternatives_by_list(w: &str) -> u16 {
    let lists: [(u16, &[&str]); 10] = [
        (UNIT, &["last", "this", "next", "past", "previous", "coming"]),
        (THIS_UNIT, &["earlier", "later"]),
        (SO_FAR, &["so"]),
        (MONTH, &["in", "since", "by", "until", "during", "from", "through", "throughout", "before", "after", "between"]),
        (YEAR, &["in", "since", "by", "until", "during", "before", "after"]),
        (ON_WEEKDAY, &["on"]),
        (WEEKDAY, &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        (FRAMED, &["during", "throughout", "over", "in", "since", "after", "before", "for"]),
        (DURING, &["during", "throughout"]),
        (DAY, &["yesterday", "today", "tonight", "overnight"]),
    ];
    lists.iter().filter(|(_, words)| words.contains(&w)).fold(0, |bits, (bit, _)| bits | bit)
}

/// The end of the [`TIME`] phrase that starts with a lead word ending at
/// `e` that opens the alternatives `opens` ([`lead_alternatives`]), the
/// alternatives in the pattern's order.
fn time_after_lead(text: &str, opens: u16, e: usize) -> Option<usize> {
    if opens == 0 {
        return None;
    }
    // `\s+` after the lead: every alternative but a lone word needs it.
    let after = spaces(text, e);
    let next = after.map_or(0, |q| head_byte(text, q));
    // Each alternative's first bytes as a set of bits (`ANY` for any
    // byte): one shift and mask where a search of the list cost a loop.
    let alternative = |bit: u16, first_bytes: u128| opens & bit != 0 && byte_in(first_bytes, next);
    // last year, this week, next Monday
    if alternative(UNIT, ANY) {
        let units = |x: &str| {
            matches!(x, "year" | "month" | "week" | "weekend" | "spring" | "summer" | "autumn" | "fall" | "winter" | "decade" | "night")
                || is_weekday(x)
        };
        if let Some(end) = after.and_then(|q| word_if(text, q, units)) {
            return Some(end);
        }
    }
    // earlier this year
    if alternative(THIS_UNIT, bytes_set(b"t")) {
        if let Some(end) = after.and_then(|q| sequence(text, q, &[&|x| x == "this", &|x| matches!(x, "year" | "month" | "week")])) {
            return Some(end);
        }
    }
    // so far this year
    if alternative(SO_FAR, bytes_set(b"f")) {
        if let Some(end) = after.and_then(|q| sequence(text, q, &[&|x| x == "far", &|x| x == "this", &|x| matches!(x, "year" | "month" | "week")])) {
            return Some(end);
        }
    }
    // in early August, since June 3, 2024: "early", "late", "mid-" or a
    // month's initial.
    if alternative(MONTH, bytes_set(b"elmjfasond")) {
        if let Some(end) = after.and_then(|q| dated_month(text, q)) {
            return Some(end);
        }
    }
    // in 2024, before late 1999: "early", "late", "19" or "20".
    if alternative(YEAR, bytes_set(b"el12")) {
        if let Some(end) = after.and_then(|q| dated_year(text, q)) {
            return Some(end);
        }
    }
    // on Monday
    if alternative(ON_WEEKDAY, bytes_set(b"mtwfs")) {
        if let Some(end) = after.and_then(|q| word_if(text, q, is_weekday)) {
            return Some(end);
        }
    }
    // Monday
    if opens & WEEKDAY != 0 {
        return Some(e);
    }
    // during the war, in its first year: "the", "its", "their", "this",
    // "that".
    if alternative(FRAMED, bytes_set(b"ti")) {
        if let Some(end) = after.and_then(|q| framed(text, q)) {
            return Some(end);
        }
    }
    // during the talks, throughout Ramadan
    if alternative(DURING, ANY) {
        if let Some(end) = after.and_then(|q| during_anything(text, q)) {
            return Some(end);
        }
    }
    (opens & DAY != 0).then_some(e)
}

/// A set of ASCII bytes as bits, for [`byte_in`].
const fn bytes_set(bytes: &[u8]) -> u128 {
    let mut set = 0u128;
    let mut i = 0;
    while i < bytes.len() {
        set |= 1 << bytes[i];
        i += 1;
    }
    set
}

/// The set of every byte, for an alternative any byte may open.
const ANY: u128 = u128::MAX;

/// `b` is in `set` ([`bytes_set`]); a byte past ASCII is in [`ANY`] alone.
#[inline]
fn byte_in(set: u128, b: u8) -> bool {
    if b < 128 { set >> b & 1 == 1 } else { set == ANY }
}

/// `(?:early\s+|late\s+|mid-)?(?:MONTHS)(?:\s+\d{1,2})?(?:,?\s+\d{4})?\b`
/// at `q`, with the pattern's order of preference.
fn dated_month(text: &str, q: usize) -> Option<usize> {
    // The starts in the pattern's order, each read only when the one
    // before led to no date, and a literal only where the byte at `q` can
    // begin it (a literal compares without ASCII case; these are letters).
    let first = text.as_bytes().get(q).map_or(0, u8::to_ascii_lowercase);
    let early_late = |lit: &str| (first == lit.as_bytes()[0]).then(|| literal(text, q, lit).and_then(|e| spaces(text, e))).flatten();
    early_late("early")
        .and_then(|m| month_date_at(text, m))
        .or_else(|| early_late("late").and_then(|m| month_date_at(text, m)))
        .or_else(|| (first == b'm').then(|| literal(text, q, "mid-")).flatten().and_then(|m| month_date_at(text, m)))
        .or_else(|| month_date_at(text, q))
}

/// `(?:MONTHS)(?:\s+\d{1,2})?(?:,?\s+\d{4})?\b` at `m`, with the
/// pattern's order of preference.
fn month_date_at(text: &str, m: usize) -> Option<usize> {
    let b = text.as_bytes();
    let month_end = m + text.get(m..).and_then(month_len)?;
    // `(?:\s+\d{1,2})?`: two digits, one, or none, in that order (on the
    // stack: at most three ends).
    let mut day_ends = [month_end; 3];
    let mut count = 0;
    if let Some(s) = spaces(text, month_end) {
        let digits = b[s..].iter().take(2).take_while(|c| c.is_ascii_digit()).count();
        for n in (1..=digits).rev() {
            day_ends[count] = s + n;
            count += 1;
        }
    }
    // The month's own end comes last (already in place).
    count += 1;
    for &x in &day_ends[..count] {
        // `(?:,?\s+\d{4})?`: with a comma, without, or no year.
        let year = |from: usize| {
            let s = spaces(text, from)?;
            (s + 4 <= b.len() && b[s..s + 4].iter().all(u8::is_ascii_digit)).then_some(s + 4)
        };
        let comma = (b.get(x) == Some(&b',')).then(|| year(x + 1)).flatten();
        for y in [comma, year(x), Some(x)].into_iter().flatten() {
            if boundary(b, y) {
                return Some(y);
            }
        }
    }
    None
}

/// `(?:early\s+|late\s+)?(?:19|20)\d\d\b` at `q`.
fn dated_year(text: &str, q: usize) -> Option<usize> {
    let b = text.as_bytes();
    // A literal is read only where the byte at `q` can begin it.
    let first = b.get(q).map_or(0, u8::to_ascii_lowercase);
    let early_late = |lit: &str| (first == lit.as_bytes()[0]).then(|| literal(text, q, lit).and_then(|e| spaces(text, e))).flatten();
    [early_late("early"), early_late("late"), Some(q)].into_iter().flatten().find_map(|y| {
        let digits = b.get(y..y + 4)?;
        let year = digits.iter().all(u8::is_ascii_digit) && (digits.starts_with(b"19") || digits.starts_with(b"20"));
        (year && boundary(b, y + 4)).then_some(y + 4)
    })
}

/// `(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:FRAME_NOUNS)\b` at `q`.
fn framed(text: &str, q: usize) -> Option<usize> {
    let d = one_of(text, q, &["the", "its", "their", "this", "that"])?;
    let r = spaces(text, d)?;
    let b = text.as_bytes();
    let with_word = || {
        let e = run_end(b, r);
        (e > r).then(|| spaces(text, e)).flatten().and_then(|s| word_if(text, s, is_frame_noun))
    };
    with_word().or_else(|| word_if(text, r, is_frame_noun))
}

/// `(?:(?:the|its|their|this|that|a|an)\s+)?[\w][\w'’-]*` at `q`.
fn during_anything(text: &str, q: usize) -> Option<usize> {
    let b = text.as_bytes();
    let word_from = |r: usize| {
        if r >= b.len() || !is_word_byte(b[r]) {
            return None;
        }
        let rest = &text[r + 1..];
        let len = rest.char_indices().find(|&(_, c)| !(c.is_ascii() && is_word_byte(c as u8) || matches!(c, '\'' | '’' | '-'))).map_or(rest.len(), |(i, _)| i);
        Some(r + 1 + len)
    };
    let determined = one_of(text, q, &["the", "its", "their", "this", "that", "a", "an"]).and_then(|d| spaces(text, d)).and_then(word_from);
    determined.or_else(|| word_from(q))
}

// ------------------------------------------------------- plans, forecasts

fn planned_pattern() -> String {
    String::from(
        r"(?i)\b(?:agreed|agrees|agree|plans?|planned|planning|pledged|promised|intends?|intended|proposed|proposes|offered|vowed|is|are|was|were|set)\s+to\b|\b(?:will|shall|would)\b|\bto\s+be\s+(?:sent|deployed|hired|built)\b",
    )
}

/// "agreed to", "plans to", "will", "to be sent": a figure still to come.
pub static PLANNED: Phrase = Phrase::with_lead_at(planned_at, planned_from, planned_pattern, Some(&PLANNED_LEADS));

static PLANNED_LEADS: WordSet = WordSet::new(PLANNED_LEAD_WORDS);

/// The initials and lengths of [`PLANNED_LEADS`].
static PLANNED_HEADS: Heads = Heads::of(PLANNED_LEAD_WORDS);

const PLANNED_LEAD_WORDS: &[&str] = &[
    "agreed", "agrees", "agree", "plan", "plans", "planned", "planning", "pledged", "promised", "intend", "intends", "intended",
    "proposed", "proposes", "offered", "vowed", "is", "are", "was", "were", "set", "will", "shall", "would", "to",
];

fn planned_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if p > 0 && is_word_byte(b[p - 1]) {
        return None;
    }
    let word = &b[p..run_end(b, p)];
    if !(PLANNED_HEADS.may_hold(word) && PLANNED_LEADS.contains_ascii(word)) {
        return None;
    }
    planned_from(text, p)
}

/// [`planned_at`] at a whole run known to be one of [`PLANNED_LEADS`].
fn planned_from(text: &str, p: usize) -> Option<usize> {
    let mut buf = [0u8; 12];
    let (w, e) = word_at(text, p, &mut buf)?;
    let w: &str = w;
    let promise = matches!(
        w,
        "agreed" | "agrees" | "agree" | "plan" | "plans" | "planned" | "planning" | "pledged" | "promised" | "intend" | "intends"
            | "intended" | "proposed" | "proposes" | "offered" | "vowed" | "is" | "are" | "was" | "were" | "set"
    );
    if promise {
        if let Some(end) = spaces(text, e).and_then(|q| one_of(text, q, &["to"])) {
            return Some(end);
        }
    }
    if matches!(w, "will" | "shall" | "would") {
        return Some(e);
    }
    if w == "to" {
        let be = spaces(text, e).and_then(|q| one_of(text, q, &["be"]))?;
        return spaces(text, be).and_then(|q| one_of(text, q, &["sent", "deployed", "hired", "built"]));
    }
    None
}

fn expected_pattern() -> String {
    // "could" alone is also past ability ("you could work a miracle"): only
    // a verb of change or being after it makes a forecast.
    String::from(r"\b(?:expected|forecast|projected|likely|predicted|feared)\s+to\b|\b(?:could|may|might)\s+(?:well\s+|still\s+|eventually\s+)?(?:rise|reach|climb|increase|grow|top|exceed|hit|surpass|double|fall|drop|be|total|number)\b")
}

/// "expected to", "could rise": a forecast. Case-sensitive, as written.
pub static EXPECTED: Phrase = Phrase::with_lead_at(expected_at, expected_from, expected_pattern, Some(&EXPECTED_LEADS));

/// A first look-up without case, as most words start no forecast.
static EXPECTED_LEADS: WordSet = WordSet::new(EXPECTED_LEAD_WORDS);

/// The initials and lengths of [`EXPECTED_LEADS`].
static EXPECTED_HEADS: Heads = Heads::of(EXPECTED_LEAD_WORDS);

const EXPECTED_LEAD_WORDS: &[&str] = &["expected", "forecast", "projected", "likely", "predicted", "feared", "could", "may", "might"];

/// The whole word at `p`, exactly as written, is one of `words`.
fn exactly(text: &str, p: usize, words: &[&str]) -> Option<usize> {
    let b = text.as_bytes();
    if p >= b.len() || !is_word_byte(b[p]) {
        return None;
    }
    let e = run_end(b, p);
    words.contains(&&text[p..e]).then_some(e)
}

fn expected_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if p > 0 && is_word_byte(b[p - 1]) {
        return None;
    }
    let word = &b[p..run_end(b, p)];
    if !(EXPECTED_HEADS.may_hold(word) && EXPECTED_LEADS.contains_ascii(word)) {
        return None;
    }
    expected_from(text, p)
}

/// [`expected_at`] at a whole run known to be one of [`EXPECTED_LEADS`].
fn expected_from(text: &str, p: usize) -> Option<usize> {
    if let Some(e) = exactly(text, p, &["expected", "forecast", "projected", "likely", "predicted", "feared"]) {
        if let Some(end) = spaces(text, e).and_then(|q| exactly(text, q, &["to"])) {
            return Some(end);
        }
    }
    let e = exactly(text, p, &["could", "may", "might"])?;
    let q = spaces(text, e)?;
    const VERBS: &[&str] =
        &["rise", "reach", "climb", "increase", "grow", "top", "exceed", "hit", "surpass", "double", "fall", "drop", "be", "total", "number"];
    let hedged = exactly(text, q, &["well", "still", "eventually"]).and_then(|h| spaces(text, h)).and_then(|r| exactly(text, r, VERBS));
    hedged.or_else(|| exactly(text, q, VERBS))
}

// ------------------------------------------------------------ attribution

/// "according to " with the spaces after it: the object starts at the end.
pub static ACCORDING_TO: Phrase = Phrase::new(according_to_at, || String::from(r"(?i)\baccording to\s+"), None);

fn according_to_at(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    if p > 0 && is_word_byte(b[p - 1]) {
        return None;
    }
    let e = literal(text, p, "according to")?;
    spaces(text, e)
}

/// The first `(ACRONYM)` in `text`: `\(([A-Z][A-Z0-9&.]{1,9})\)`, its
/// inner text. The pattern names ASCII characters only, so this is exact
/// on any text.
pub fn parenthesised_acronym(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let inner = |i: usize| {
        let first = *b.get(i + 1)?;
        if !first.is_ascii_uppercase() {
            return None;
        }
        let more = b[i + 2..].iter().take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'&' | b'.')).count();
        ((1..=9).contains(&more) && b.get(i + 2 + more) == Some(&b')')).then(|| &text[i + 1..i + 2 + more])
    };
    b.iter().enumerate().filter(|&(_, &c)| c == b'(').find_map(|(i, _)| inner(i))
}

#[cfg(test)]
mod tests;

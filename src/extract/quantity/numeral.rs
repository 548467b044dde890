//! Numbers as written: digits ("14,000", "1.5", ".500", "-5"), digits
//! with multipliers ("1.5 million", "$5bn", "25k", "4 hundred million"),
//! number words ("nine", "twenty-five thousand", "a dozen"), fractions
//! ("a third of", "two-thirds"), n-fold words ("sixfold") and vague
//! magnitudes ("hundreds", "tens of thousands").
//!
//! Number words are valued by the `text2num` crate's English interpreter.
//! It does not know "dozen", "trillion", plural magnitudes or fractions,
//! and it values digits not at all, so those few are handled here.

use super::token::{Kind, Toks};
use text2num::digit_string::DigitString;
use text2num::lang::English;
use text2num::{LangInterpreter, text2digits};

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Form {
    /// Digits: how many before the decimal point, and whether the numeral
    /// has thousands commas or a decimal part.
    Digits { int_digits: usize, commas: bool, decimal: bool },
    Words,
    /// "a third of", "two-thirds".
    Fraction,
    /// "sixfold".
    Fold,
    /// "hundreds", "tens of thousands": the label as normalised.
    Vague(&'static str),
}

/// One number found at a token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Numeral {
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    /// The value; NaN for vague magnitudes.
    pub value: f64,
    pub form: Form,
    /// The multiplier that followed ("million", "bn", "k"), else 1.
    pub scale: f64,
    /// Followed by an ordinal suffix ("13th").
    pub ordinal: bool,
    /// A decade ("1990s").
    pub decade: bool,
    /// The single word "one", which is often a pronoun.
    pub lone_one: bool,
}

impl Numeral {
    pub fn is_digits(&self) -> bool {
        matches!(self.form, Form::Digits { .. })
    }

    /// A bare whole number of `n` digits with no commas, decimals or
    /// multiplier, as years, phone numbers and identifiers are written.
    pub fn plain_int(&self, n: usize) -> bool {
        matches!(self.form, Form::Digits { int_digits, commas: false, decimal: false } if int_digits == n)
            && !self.scaled()
            && self.value >= 0.0
    }

    /// A whole number in digits with no commas, decimals or multiplier
    /// ("2" in "won 2-1").
    pub fn is_plain_whole(&self) -> bool {
        matches!(self.form, Form::Digits { commas: false, decimal: false, .. }) && !self.scaled() && self.value >= 0.0
    }

    pub fn scaled(&self) -> bool {
        self.scale != 1.0
    }
}

/// Vague magnitudes, longest first.
const VAGUE: &[&str] = &[
    "tens of thousands",
    "tens of millions",
    "tens of billions",
    "hundreds of thousands",
    "hundreds of millions",
    "hundreds of billions",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

/// The two-word magnitudes of [`VAGUE`], in its order, split at " of "
/// ahead of time: `vague` asks about them wherever a plural is followed
/// by "of" (a test checks them against the list).
const VAGUE_OF: &[(&str, &str, &str)] = &[
    ("tens", "thousands", "tens of thousands"),
    ("tens", "millions", "tens of millions"),
    ("tens", "billions", "tens of billions"),
    ("hundreds", "thousands", "hundreds of thousands"),
    ("hundreds", "millions", "hundreds of millions"),
    ("hundreds", "billions", "hundreds of billions"),
];

/// `[low, high]` of a vague magnitude, per the design's table: "hundreds"
/// is [200, 999], "tens of thousands" [20,000, 99,999], "dozens" [24, 99].
pub(crate) fn vague_bounds(label: &str) -> Option<(f64, f64)> {
    if label == "dozens" {
        return Some((24.0, 99.0));
    }
    let base = vague_base(label)?;
    Some((2.0 * base, 10.0 * base - 1.0))
}

/// The order of magnitude a vague label speaks of: "hundreds" 100,
/// "tens of thousands" 10,000, "dozens" 12.
pub fn vague_base(label: &str) -> Option<f64> {
    let scale = |w: &str| match w {
        "dozens" => Some(12.0),
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    match label.split_once(" of ") {
        Some((a, b)) => Some(scale(a)? * scale(b)?),
        None => scale(label),
    }
}

/// Multipliers written as words after digits or number words: the
/// specification of [`scale_word_bytes`], which the finder asks.
#[cfg(test)]
fn scale_word(lower: &str) -> Option<f64> {
    match lower {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" => Some(12.0),
        "lakh" | "lakhs" => Some(1e5),
        "crore" | "crores" => Some(1e7),
        _ => None,
    }
}

/// Vulgar fraction characters glued to digits: "3½".
fn vulgar(s: &str) -> Option<f64> {
    match s {
        "½" => Some(0.5),
        "¼" => Some(0.25),
        "¾" => Some(0.75),
        "⅓" => Some(1.0 / 3.0),
        "⅔" => Some(2.0 / 3.0),
        _ => None,
    }
}

/// Multipliers glued to digits: "25k", "$5bn", "1.2m". A lone "m" or "b"
/// is a multiplier only for money or a decimal ("1.2m tons"), otherwise it
/// is more likely metres ("100m").
fn glued_scale(w: &str, money: bool, decimal: bool) -> Option<f64> {
    match w {
        "k" | "K" => Some(1e3),
        "mn" | "mln" => Some(1e6),
        "bn" | "bln" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        "m" if money || decimal => Some(1e6),
        "M" if money => Some(1e6),
        "b" | "B" if money => Some(1e9),
        _ => None,
    }
}

/// Every single word `text2num` values as a cardinal number: its English
/// vocabulary without ordinals and magnitudes. The tests check this list
/// against the interpreter, and `cardinal_word` and `single_word_value`
/// against this list.
const CARDINAL_WORDS: &[&str] = &[
    "zero", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "fourty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// For each lower-case first byte, the lengths of the cardinal words
/// starting with it, as bits ("one": bit 3 of `o`).
const CARDINAL_LENGTHS: [u16; 256] = with_lengths([0u16; 256], CARDINAL_WORDS);

/// `table` with the length of each of `words` set, as a bit, at the
/// word's first byte. The words are non-empty and shorter than 16 bytes.
const fn with_lengths(mut table: [u16; 256], words: &[&str]) -> [u16; 256] {
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        table[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    table
}

/// The words other than n-fold ones that [`Words::may_start`] may accept,
/// by first letter: the articles, "half", the plural magnitudes of
/// [`VAGUE`], and the cardinals.
const STARTING_WORDS: &[&str] = &["a", "an", "half", "hundreds", "dozens", "millions", "billions", "tens", "thousands"];

/// For each lower-case first byte, the lengths of the words a number in
/// words may start with ([`STARTING_WORDS`] and [`CARDINAL_WORDS`]), as bits.
const STARTING_LENGTHS: [u16; 256] = with_lengths(CARDINAL_LENGTHS, STARTING_WORDS);

/// A screen before [`Words::may_start`]: false when the word's first
/// letter and length match no word a number may start with and it does
/// not end in "fold" (then `may_start` is false too). Most words of a
/// sentence stop here, on a table look-up.
#[inline]
fn may_start_shape(word: &str) -> bool {
    let b = word.as_bytes();
    let Some(&first) = b.first() else { return false };
    let shaped = b.len() <= 12 && STARTING_LENGTHS[first.to_ascii_lowercase() as usize] & (1 << b.len()) != 0;
    shaped || b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"fold")
}

/// [`Words::may_start`] without the screen of [`may_start_shape`]: it asks
/// nothing of the interpreter, so the screen in [`may_begin`] can ask it.
fn starts_number_word(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() > 12 || !word.is_ascii() {
        return false;
    }
    let is = |w: &str| b.eq_ignore_ascii_case(w.as_bytes());
    if b.len() >= 4 && b[b.len() - 4..].eq_ignore_ascii_case(b"fold") {
        return true;
    }
    // The first letter says which of the others the word could be.
    match b.first().map(u8::to_ascii_lowercase) {
        Some(b'a') => is("a") || is("an"),
        Some(b'h') => is("half") || is("hundreds"),
        Some(b'd') => is("dozens"),
        Some(b'm') => is("millions"),
        Some(b'b') => is("billions"),
        Some(b't') => is("tens") || is("thousands") || cardinal_word(word),
        Some(b'e' | b'f' | b'n' | b'o' | b's' | b'z') => cardinal_word(word),
        _ => false,
    }
}

/// Whether a numeral may start at token `i`: digits, or a word that may
/// start a number in words ([`may_start_shape`], then the words
/// themselves). When false, [`at`] finds nothing there.
#[inline]
#[cfg(test)]
pub(crate) fn may_begin(t: &Toks, i: usize) -> bool {
    match t.kind(i) {
        Some(Kind::Num) => true,
        Some(Kind::Word) => may_start_ends(t.bytes(i)) && starts_number_word(t.s(i)),
        _ => false,
    }
}

/// [`may_begin`] at a token the tokenizer listed as shaped
/// ([`Toks::shaped`]): a numeral, or a word [`may_start_ends`] keeps, so
/// only the word itself is left to ask. The finder walks these (a test
/// checks that they are the tokens `may_begin` accepts).
#[inline]
pub(crate) fn may_begin_shaped(t: &Toks, i: usize) -> bool {
    t.is_num(i) || starts_number_word(t.s(i))
}

/// For each pair of first and last letters (as [`LETTER`] numbers them),
/// the lengths of the words of [`STARTING_WORDS`] and [`CARDINAL_WORDS`]
/// so shaped, as bits ("one": bit 3 of `[o][e]`). Rows and columns past
/// the alphabet stay empty: a byte that is no ASCII letter starts or ends
/// none of the words.
const ENDS_LENGTHS: [[u16; 32]; 32] = {
    let mut table = [[0u16; 32]; 32];
    let mut i = 0;
    while i < CARDINAL_WORDS.len() + STARTING_WORDS.len() {
        let w = if i < CARDINAL_WORDS.len() { CARDINAL_WORDS[i] } else { STARTING_WORDS[i - CARDINAL_WORDS.len()] }.as_bytes();
        table[(w[0] - b'a') as usize][(w[w.len() - 1] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    table
};

/// Each byte's letter number for [`ENDS_LENGTHS`]: 0 to 25 for an ASCII
/// letter of either case, 26 for anything else.
const LETTER: [u8; 256] = {
    let mut table = [26u8; 256];
    let mut c = 0;
    while c < 26 {
        table[b'a' as usize + c] = c as u8;
        table[b'A' as usize + c] = c as u8;
        c += 1;
    }
    table
};

/// The screen [`may_begin`] puts before [`starts_number_word`]: false
/// when the word's first and last letters and length together match no
/// word a number may start with and it does not end in "fold" (then
/// `starts_number_word` is false too; a test and a proptest check it).
/// It runs on every word of a sentence, and the first letter and length
/// alone let through common words ("the", "that", "said"), which the last
/// letter turns away. Two table look-ups settle nearly every word; only
/// words ending in "d" are compared with "fold".
#[inline]
pub(super) fn may_start_ends(b: &[u8]) -> bool {
    let n = b.len();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    if n > 12 {
        return false;
    }
    // Numbers below 32, so the masks cost nothing and spare the bounds checks.
    let (f, l) = (usize::from(LETTER[usize::from(first)]) & 31, usize::from(LETTER[usize::from(last)]) & 31);
    ENDS_LENGTHS[f][l] & (1 << n) != 0 || l == usize::from(b'd' - b'a') && n >= 4 && b[n - 4..].eq_ignore_ascii_case(b"fold")
}

/// A word text2num values as a cardinal (zero to nineteen, the tens),
/// case ignored: the only words `is_cardinal` asks text2num about. Most words fail on their length or first letter.
fn cardinal_word(word: &str) -> bool {
    let b = word.as_bytes();
    // Most words ("the", "for", "said") fail on their first letter and
    // length together, before any copy.
    let Some(&first) = b.first() else { return false };
    if b.len() > 9 || CARDINAL_LENGTHS[first.to_ascii_lowercase() as usize] & (1 << b.len()) == 0 {
        return false;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..b.len()];
    lower.copy_from_slice(b);
    lower.make_ascii_lowercase();
    // A match on the bytes: the compiler dispatches on the length.
    matches!(
        &*lower,
        b"zero" | b"nought" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven" | b"eight" | b"nine"
            | b"ten" | b"eleven" | b"twelve" | b"thirteen" | b"fourteen" | b"fifteen" | b"sixteen" | b"seventeen"
            | b"eighteen" | b"nineteen" | b"twenty" | b"thirty" | b"fourty" | b"forty" | b"fifty" | b"sixty"
            | b"seventy" | b"eighty" | b"ninety"
    )
}

/// The value of a word `cardinal_word` accepts, case ignored, as text2num
/// gives it (a test checks each).
fn single_word_value(word: &str) -> Option<f64> {
    let b = word.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..b.len()];
    lower.copy_from_slice(b);
    lower.make_ascii_lowercase();
    let v = match &*lower {
        b"zero" | b"nought" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"fourty" | b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    };
    Some(f64::from(v))
}

/// Number-word recognition and valuation through `text2num`.
pub(crate) struct Words {
    en: English,
    /// The interpreter's output buffer, made on first use: only fraction
    /// words need it, and most sentences have none, so a sentence does not
    /// pay for its allocation.
    scratch: Option<DigitString>,
}

impl Words {
    pub fn new() -> Self {
        Words { en: English::new(), scratch: None }
    }

    /// The interpreter's output buffer, reset.
    fn scratch(&mut self) -> &mut DigitString {
        let scratch = self.scratch.get_or_insert_with(DigitString::new);
        scratch.reset();
        scratch
    }

    /// A cardinal number word that can start a number ("nine", "forty").
    /// Plurals, ordinals and bare magnitudes ("hundred") cannot.
    ///
    /// That is [`cardinal_word`] alone: text2num accepts every word of the
    /// list, with no marker, whatever its case (a test asks it about each,
    /// see `is_cardinal_by_interpreter`), so it is not asked again here.
    #[inline]
    pub fn is_cardinal(&mut self, word: &str) -> bool {
        cardinal_word(word)
    }

    /// What [`Words::is_cardinal`] stands for: the word on the list, and
    /// text2num reading it, lower-cased, as a cardinal.
    #[cfg(test)]
    fn is_cardinal_by_interpreter(&mut self, word: &str) -> bool {
        if !cardinal_word(word) {
            return false;
        }
        let mut buf = [0u8; 12];
        let Some(lower) = ascii_lower(word, &mut buf) else { return false };
        let en = English::new();
        let scratch = self.scratch();
        en.apply(lower, scratch).is_ok() && scratch.marker.is_none()
    }

    /// A cheap test that a word can start a number in words: an article
    /// ("a dozen", "a third"), "half", a plural magnitude, an n-fold word
    /// or a cardinal. It runs on every word, so it reads the bytes in
    /// place rather than a lower-case copy.
    fn may_start(&mut self, word: &str) -> bool {
        may_start_shape(word) && self.may_start_unscreened(word)
    }

    /// [`Words::may_start`] without the screen of [`may_start_shape`].
    fn may_start_unscreened(&mut self, word: &str) -> bool {
        starts_number_word(word)
    }

    /// A word that may continue a number: a cardinal or a magnitude.
    fn continues(&mut self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        match ascii_lower_bytes(word, &mut buf) {
            Some(b"hundred" | b"thousand" | b"million" | b"billion") => true,
            _ => self.is_cardinal(word),
        }
    }

    /// The denominator a fraction word names: "third" 3, "quarters" 4.
    fn denominator(&mut self, word: &str) -> Option<f64> {
        let mut buf = [0u8; 12];
        let lower = ascii_lower(word, &mut buf)?;
        match lower {
            "half" | "halves" => return Some(2.0),
            "quarter" | "quarters" => return Some(4.0),
            "first" | "second" | "firsts" | "seconds" => return None,
            _ => {}
        }
        let en = English::new();
        let scratch = self.scratch();
        en.apply(lower, scratch).ok()?;
        if !scratch.marker.is_ordinal() {
            return None;
        }
        Some(scratch.parse() as f64)
    }

    /// The value of a number phrase, or None if it is not a cardinal. A
    /// single number word is looked up; text2num, which allocates as it
    /// goes, values the rest.
    fn value(&self, phrase: &str) -> Option<f64> {
        if let Some(v) = single_word_value(phrase) {
            return Some(v);
        }
        text2digits(phrase, &self.en).ok()?.parse().ok()
    }
}

/// [`ascii_lower`] as bytes: the same lower-casing without the UTF-8
/// check a `str` needs, for readers that compare it with byte strings
/// (the word after every numeral is asked whether it is a multiplier).
fn ascii_lower_bytes<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    Some(out)
}

/// [`scale_word`] of a lower-cased word as bytes.
fn scale_word_bytes(lower: &[u8]) -> Option<f64> {
    match lower {
        b"hundred" => Some(100.0),
        b"thousand" => Some(1e3),
        b"million" => Some(1e6),
        b"billion" => Some(1e9),
        b"trillion" => Some(1e12),
        b"dozen" => Some(12.0),
        b"lakh" | b"lakhs" => Some(1e5),
        b"crore" | b"crores" => Some(1e7),
        _ => None,
    }
}

fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// The number written with digits at token `i`, with any leading "." or
/// minus sign and any multiplier after it. `money` says a currency sign
/// precedes, which makes "m" and "b" multipliers.
pub(crate) fn digits(t: &Toks, i: usize, money: bool) -> Option<Numeral> {
    let raw = t.s(i);
    // One pass over the bytes rather than string searches: the numeral is
    // ASCII digits, commas and at most one decimal point.
    let b = raw.as_bytes();
    let commas = b.contains(&b',');
    let mut decimal = b.contains(&b'.');
    let int_part = &b[..b.iter().position(|&c| c == b'.').unwrap_or(b.len())];
    let int_digits = int_part.len() - int_part.iter().filter(|&&c| c == b',').count();
    let mut value: f64 = match whole_value(raw) {
        Some(v) => v,
        None if commas => raw.replace(',', "").parse().ok()?,
        None => raw.parse().ok()?,
    };
    let mut first = i;
    if !decimal && !commas && i >= 1 && t.s(i - 1) == "." && t.glued(i) && !t.glued(i - 1) {
        value = format!("0.{raw}").parse().ok()?;
        decimal = true;
        first = i - 1;
    }
    if first >= 1 && t.is_sym(first - 1, &["-", "\u{2212}"]) && t.glued(first) && !t.glued(first - 1) {
        value = -value;
        first -= 1;
    }
    let mut n = Numeral {
        first,
        last: i,
        value,
        form: Form::Digits { int_digits, commas, decimal },
        scale: 1.0,
        ordinal: false,
        decade: false,
        lone_one: false,
    };
    if let Some(f) = vulgar(t.s(i + 1)).filter(|_| t.glued(i + 1) && !decimal) {
        n.value += f.copysign(n.value);
        n.last = i + 1;
        n.form = Form::Digits { int_digits, commas, decimal: true };
    }
    mark_suffix(t, &mut n);
    if !n.ordinal && !n.decade {
        apply_scales(t, &mut n, money, decimal);
    }
    Some(n)
}

/// The value of a numeral of digits and thousands commas with at most
/// fifteen digits, as parsing it (commas removed) gives: such a whole
/// number is below 2^53, so the integer converts to `f64` exactly. Most
/// numerals are of this kind, and reading the digits costs less than the
/// general float parser (and no copy without the commas). None for
/// anything else (a decimal point, more digits), which is parsed.
fn whole_value(raw: &str) -> Option<f64> {
    let mut value: u64 = 0;
    let mut digits = 0;
    for b in raw.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + u64::from(b - b'0');
                digits += 1;
                if digits > 15 {
                    return None;
                }
            }
            b',' => {}
            _ => return None,
        }
    }
    // Precision loss is impossible below 2^53, which fifteen digits are.
    #[allow(clippy::cast_precision_loss)]
    let v = value as f64;
    (digits > 0).then_some(v)
}

/// "13th", "1990s", "1990's".
fn mark_suffix(t: &Toks, n: &mut Numeral) {
    let j = n.last + 1;
    if !t.glued(j) {
        return;
    }
    let w = t.s(j);
    if t.is_word(j) && ["st", "nd", "rd", "th"].iter().any(|s| w.eq_ignore_ascii_case(s)) {
        n.ordinal = true;
        n.last = j;
    } else if t.is_word(j) && w == "s" || t.is_sym(j, &["'", "\u{2019}"]) && t.glued(j + 1) && t.s(j + 1) == "s" {
        n.decade = true;
        n.last = if w == "s" { j } else { j + 1 };
    }
}

fn apply_scales(t: &Toks, n: &mut Numeral, money: bool, decimal: bool) {
    loop {
        let j = n.last + 1;
        if !t.is_word(j) {
            return;
        }
        let w = t.s(j);
        let mut buf = [0u8; 12];
        // "3m people": a glued "m" before a plural is a million, not metres
        // (asked only of a glued word, the only kind it matters for).
        let counted = || t.is_word(j + 1) && !t.glued(j + 1) && plural_like(t.s(j + 1));
        let factor = ascii_lower_bytes(w, &mut buf)
            .and_then(scale_word_bytes)
            .or_else(|| if t.glued(j) { glued_scale(w, money || counted(), decimal) } else { None });
        let Some(f) = factor else { return };
        n.value *= f;
        n.scale *= f;
        n.last = j;
    }
}

fn plural_like(w: &str) -> bool {
    w == "people" || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.starts_with(char::is_lowercase)
}

/// The number written in words at token `i`, if any.
pub(crate) fn words(t: &Toks, i: usize, w: &mut Words) -> Option<Numeral> {
    if !t.is_word(i) || !w.may_start(t.s(i)) {
        return None;
    }
    words_begun(t, i, w)
}

/// [`words`] at a word already known to pass [`Words::may_start`].
fn words_begun(t: &Toks, i: usize, w: &mut Words) -> Option<Numeral> {
    vague(t, i)
        .or_else(|| fraction(t, i, w))
        .or_else(|| fold(t, i, w))
        .or_else(|| cardinal_run(t, i, w))
}

fn word_numeral(first: usize, last: usize, value: f64, form: Form) -> Numeral {
    Numeral { first, last, value, form, scale: 1.0, ordinal: false, decade: false, lone_one: false }
}

/// "hundreds", "tens of thousands", "dozens".
fn vague(t: &Toks, i: usize) -> Option<Numeral> {
    let w = t.s(i);
    // Every vague magnitude starts with a plural ("tens", "hundreds").
    if !w.ends_with(['s', 'S']) {
        return None;
    }
    let one = VAGUE.iter().find(|v| !v.contains(' ') && w.eq_ignore_ascii_case(v));
    let two = (t.is(i + 1, "of") && t.is_word(i + 2))
        .then(|| VAGUE_OF.iter().find(|&&(a, b, _)| w.eq_ignore_ascii_case(a) && t.is(i + 2, b)).map(|&(_, _, label)| label))
        .flatten();
    match (two, one) {
        (Some(label), _) => Some(word_numeral(i, i + 2, f64::NAN, Form::Vague(label))),
        (None, Some(label)) => Some(word_numeral(i, i, f64::NAN, Form::Vague(label))),
        _ => None,
    }
}

/// "a third of", "two-thirds", "three quarters of", "half of".
fn fraction(t: &Toks, i: usize, w: &mut Words) -> Option<Numeral> {
    if t.is(i, "half") && t.is(i + 1, "of") {
        return Some(word_numeral(i, i, 0.5, Form::Fraction));
    }
    // The shape first ("N-ths", "N ths of"): most number words are no
    // fraction, and valuing them costs more.
    let hyphen = t.is_sym(i + 1, &["-"]) && t.glued(i + 1) && t.glued(i + 2);
    let d = if hyphen { i + 2 } else { i + 1 };
    if !t.is_word(d) || !(hyphen || t.is(d + 1, "of")) {
        return None;
    }
    let numerator = if t.is(i, "a") || t.is(i, "an") || t.is(i, "one") {
        1.0
    } else if w.is_cardinal(t.s(i)) {
        w.value(t.s(i))?
    } else {
        return None;
    };
    let den = w.denominator(t.s(d))?;
    Some(word_numeral(i, d, numerator / den, Form::Fraction))
}

/// "sixfold", "two-fold".
fn fold(t: &Toks, i: usize, w: &mut Words) -> Option<Numeral> {
    let word = t.s(i);
    if let Some(stem) = word.strip_suffix("fold").filter(|s| !s.is_empty()) {
        if w.is_cardinal(stem) {
            return Some(word_numeral(i, i, w.value(stem)?, Form::Fold));
        }
    }
    if w.is_cardinal(word) && t.is_sym(i + 1, &["-"]) && t.glued(i + 1) && t.glued(i + 2) && t.is(i + 2, "fold") {
        return Some(word_numeral(i, i + 2, w.value(word)?, Form::Fold));
    }
    None
}

/// A run of number words valued by text2num: "nine", "twenty-five
/// thousand", "one hundred and twenty", "a dozen", "a million".
fn cardinal_run(t: &Toks, i: usize, w: &mut Words) -> Option<Numeral> {
    let first_word = t.s(i);
    let article = t.is(i, "a") || t.is(i, "an");
    // Borrowed until a second word joins it: most runs are one word, and
    // a copy of it would be an allocation per number word.
    let mut phrase: std::borrow::Cow<str> = if article {
        let next = t.s(i + 1);
        let magnitude = ["hundred", "thousand", "million", "billion", "trillion", "dozen"].iter().any(|m| next.eq_ignore_ascii_case(m));
        if !t.is_word(i + 1) || t.glued(i + 1) || !magnitude {
            return None;
        }
        "one".into()
    } else if w.is_cardinal(first_word) {
        first_word.into()
    } else {
        return None;
    };
    let mut last = i;
    let mut value = if article { 1.0 } else { w.value(&phrase)? };
    loop {
        let (next_last, piece) = if t.is_sym(last + 1, &["-"]) && t.glued(last + 1) && t.glued(last + 2) && t.is_word(last + 2) && w.continues(t.s(last + 2)) {
            (last + 2, format!("-{}", t.s(last + 2)))
        } else if t.is_word(last + 1) && !t.glued(last + 1) && w.continues(t.s(last + 1)) {
            (last + 1, format!(" {}", t.s(last + 1)))
        } else if t.is(last + 1, "and") && t.is_word(last + 2) && w.is_cardinal(t.s(last + 2)) {
            (last + 2, format!(" and {}", t.s(last + 2)))
        } else {
            break;
        };
        let candidate = format!("{phrase}{piece}");
        match w.value(&candidate) {
            Some(v) => {
                phrase = candidate.into();
                value = v;
                last = next_last;
            }
            None => break,
        }
    }
    // Multipliers text2num does not know: "a dozen", "two trillion".
    while t.is_word(last + 1) && !t.glued(last + 1) {
        let next = t.s(last + 1);
        if next.eq_ignore_ascii_case("dozen") {
            value *= 12.0;
        } else if next.eq_ignore_ascii_case("trillion") {
            value *= 1e12;
        } else {
            break;
        }
        last += 1;
    }
    if article && last == i {
        return None;
    }
    let mut n = word_numeral(i, last, value, Form::Words);
    n.lone_one = last == i && first_word.eq_ignore_ascii_case("one");
    Some(n)
}

/// The numeral at token `i`, digits or words.
pub(crate) fn at(t: &Toks, i: usize, money: bool, w: &mut Words) -> Option<Numeral> {
    match t.kind(i)? {
        Kind::Num => digits(t, i, money),
        Kind::Word => words(t, i, w),
        Kind::Sym => None,
    }
}

/// [`at`] at a token [`may_begin_shaped`] accepted, as the finder's walk
/// visits them: a word there passed [`starts_number_word`], which implies
/// [`Words::may_start`] (every word it accepts has a listed length for
/// its initial, or ends in "fold"; a test checks this), so the word is
/// not screened a second time.
pub(crate) fn at_begun(t: &Toks, i: usize, money: bool, w: &mut Words) -> Option<Numeral> {
    match t.kind(i)? {
        Kind::Num => digits(t, i, money),
        Kind::Word => words_begun(t, i, w),
        Kind::Sym => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What lets the finder's walk skip the screen of [`words`].
    #[test]
    fn a_starting_word_passes_the_shape_screen() {
        let mut w = Words::new();
        for word in CARDINAL_WORDS.iter().chain(STARTING_WORDS) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{word}fold"), format!("x{word}"), format!("{word}s")] {
                assert!(!starts_number_word(&variant) || w.may_start(&variant), "{variant:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn starting_words_pass_the_shape_screen(word in "[a-zA-Z\u{e9}']{0,14}|(a|an|half|one|ten|six)(fold)?") {
            let mut w = Words::new();
            prop_assert!(!starts_number_word(&word) || w.may_start(&word), "{:?}", word);
        }

        #[test]
        fn begun_numerals_are_numerals(text in "(a|an|one|two|half|tens|dozens|hundreds|three|x|sixfold|of|thousand|-| |,|5|third|quarters|and)*", i in 0usize..12) {
            let t = Toks::new(&text);
            if may_begin_shaped(&t, i) {
                let mut w = Words::new();
                let mut v = Words::new();
                // Compared as written out: a vague magnitude's value is NaN.
                prop_assert_eq!(format!("{:?}", at_begun(&t, i, false, &mut w)), format!("{:?}", at(&t, i, false, &mut v)));
            }
        }
    }

    #[test]
    fn multipliers_read_as_bytes_as_read_as_text() {
        let words = ["hundred", "Thousand", "MILLION", "billion", "trillion", "dozen", "lakh", "Lakhs", "crore", "crores", "dozens",
            "people", "", "m", "k", "hundredfold", "thousandthousand", "\u{e9}lakh", "mill\u{e9}"];
        for w in words {
            let (mut a, mut b) = ([0u8; 12], [0u8; 12]);
            let by_text = ascii_lower(w, &mut a).and_then(scale_word);
            let by_bytes = ascii_lower_bytes(w, &mut b).and_then(scale_word_bytes);
            assert_eq!(by_text, by_bytes, "{w:?}");
        }
    }

    proptest! {
        #[test]
        fn multipliers_as_bytes_on_random_words(w in "(hundred|thousand|million|billion|trillion|dozen|lakh|crore)?[a-zA-Z\u{e9}]{0,4}") {
            let (mut a, mut b) = ([0u8; 12], [0u8; 12]);
            prop_assert_eq!(ascii_lower(&w, &mut a).and_then(scale_word), ascii_lower_bytes(&w, &mut b).and_then(scale_word_bytes));
            prop_assert_eq!(
                matches!(ascii_lower(&w, &mut a), Some("hundred" | "thousand" | "million" | "billion")),
                matches!(ascii_lower_bytes(&w, &mut b), Some(b"hundred" | b"thousand" | b"million" | b"billion"))
            );
        }
    }

    #[test]
    fn the_split_magnitudes_are_the_lists_own() {
        let split: Vec<(&str, &str, &str)> =
            VAGUE.iter().filter_map(|v| v.split_once(" of ").map(|(a, b)| (a, b, *v))).collect();
        assert_eq!(split, VAGUE_OF);
    }

    /// The tokens the finder visits are those [`may_begin`] accepts.
    fn shaped_walk_is_may_begin(text: &str) {
        let t = Toks::new(text);
        let all: Vec<usize> = (0..t.len()).filter(|&i| may_begin(&t, i)).collect();
        let shaped: Vec<usize> = t.shaped.iter().copied().filter(|&i| may_begin_shaped(&t, i)).collect();
        assert_eq!(shaped, all, "{text:?}");
        assert!(t.shaped.windows(2).all(|w| w[0] < w[1]), "{text:?}");
    }

    #[test]
    fn the_shaped_tokens_are_where_numerals_may_begin() {
        for text in [
            "", "a", "A dozen", "an hour", "Twenty-five thousand people", "the sixfold rise", "manifold", "1,200 troops",
            "one in five", "Half of them", "tens of thousands", "é one\u{2019}s", "ÉLEVEN", "twelvefold 3rd 1990s",
        ] {
            shaped_walk_is_may_begin(text);
        }
    }

    proptest! {
        #[test]
        fn the_shaped_walk_agrees_on_random_text(text in "([a-zA-Z]{0,12}|one|ten|a|an|half|tens|fold|1,000|2\\.5|[ ,.'\u{e9}-]){0,12}") {
            shaped_walk_is_may_begin(&text);
        }
    }

    /// The screen never turns away a word `may_start` accepts.
    fn screen_keeps(word: &str) {
        let mut w = Words::new();
        if w.may_start_unscreened(word) {
            assert!(may_start_shape(word), "{word:?}");
        }
    }

    #[test]
    fn the_start_screen_keeps_every_starting_word() {
        for word in CARDINAL_WORDS.iter().chain(STARTING_WORDS) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{word}fold"), format!("{}FOLD", word.to_uppercase())] {
                screen_keeps(&variant);
                assert!(Words::new().may_start_unscreened(&variant) || variant.len() > 12, "{variant:?}");
            }
        }
        for word in ["fold", "Fold", "x-fold", "the", "Tens", "A", "AN", "\u{212A}ilo", "sixfold", "twelvefolds"] {
            screen_keeps(word);
        }
    }

    /// The screen of first and last letters never turns away a word
    /// `starts_number_word` accepts.
    fn ends_screen_keeps(word: &str) {
        if starts_number_word(word) {
            assert!(may_start_ends(word.as_bytes()), "{word:?}");
        }
    }

    #[test]
    fn the_ends_screen_keeps_every_starting_word() {
        let odd = ["", "a", "A", "an", "AN", "ann", "the", "The", "tens", "TENS", "ten", "hundred", "hundreds", "sixfold",
            "manifold", "FOLD", "fold", "thousands", "thousandsx", "twelvefold", "seventeenfold", "é", "oné", "one\u{2019}s"];
        for word in CARDINAL_WORDS.iter().chain(STARTING_WORDS).chain(&odd) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{word}s"), format!("{word}fold"), format!("x{word}")] {
                ends_screen_keeps(&variant);
            }
            assert!(may_start_ends(word.as_bytes()) || word.is_empty() || !starts_number_word(word), "{word:?}");
        }
        for word in ["the", "said", "that", "their", "often", "someone"] {
            assert!(!may_start_ends(word.as_bytes()), "{word:?}");
        }
    }

    /// The digit reading against the float parser it stands in for.
    fn whole_agrees(raw: &str) {
        if let Some(v) = whole_value(raw) {
            let parsed: f64 = raw.replace(',', "").parse().unwrap_or(f64::NAN);
            assert_eq!(v.to_bits(), parsed.to_bits(), "{raw:?}");
        }
    }

    #[test]
    fn whole_numbers_read_as_the_parser_reads_them() {
        for raw in ["0", "7", "007", "14,000", "1,250,000", "999999999999999", "1000000000000000", "9007199254740993", "1.5", ".5", ""] {
            whole_agrees(raw);
        }
        assert_eq!(whole_value("14,000"), Some(14000.0));
        assert_eq!(whole_value("999,999,999,999,999"), Some(999_999_999_999_999.0));
        assert_eq!(whole_value("1000000000000000"), None);
        assert_eq!(whole_value("1.5"), None);
    }

    proptest! {
        #[test]
        fn the_ends_screen_keeps_random_words(word in "[a-zA-Z\u{e9}']{0,14}") {
            ends_screen_keeps(&word);
        }

        #[test]
        fn whole_numbers_agree_on_random_digits(raw in "[0-9]{1,17}(,[0-9]{3}){0,4}") {
            whole_agrees(&raw);
        }

        #[test]
        fn the_start_screen_keeps_random_words(word in "[a-zA-Z\u{e9}]{0,14}") {
            screen_keeps(&word);
        }
    }

    #[test]
    fn the_cardinal_test_needs_no_interpreter() {
        let mut w = Words::new();
        let odd = ["", "the", "One", "TWELVE", "forty-two", "ninety", "nineties", "sevens", "fourty", "Zero", "ten\u{e9}"];
        for word in CARDINAL_WORDS.iter().chain(STARTING_WORDS).chain(&odd) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{}{}", &word[..word.len() / 2], word[word.len() / 2..].to_uppercase())] {
                assert_eq!(w.is_cardinal(&variant), w.is_cardinal_by_interpreter(&variant), "{variant:?}");
                assert_eq!(w.is_cardinal(&variant), CARDINAL_WORDS.contains(&variant.to_lowercase().as_str()), "{variant:?}");
            }
        }
    }

    fn first(s: &str) -> Option<(f64, Form)> {
        let t = Toks::new(s);
        let mut w = Words::new();
        (0..t.len()).find_map(|i| at(&t, i, s.starts_with('$'), &mut w)).map(|n| (n.value, n.form))
    }

    fn value(s: &str) -> f64 {
        first(s).map_or(f64::NAN, |(v, _)| v)
    }

    #[test]
    fn values_digits_words_and_multipliers() {
        let cases: &[(&str, f64)] = &[
            ("14,000", 14000.0),
            ("a .250 average", 0.25),
            ("was -7 points", -7.0),
            ("3.2 million", 3_200_000.0),
            ("$4bn", 4e9),
            ("$2m", 2e6),
            ("3.5m tonnes", 3_500_000.0),
            ("4m viewers", 4_000_000.0),
            ("100m sprint", 100.0),
            ("12k", 12000.0),
            ("7 hundred million", 700_000_000.0),
            ("eleven", 11.0),
            ("thirty-seven", 37.0),
            ("two hundred and six", 206.0),
            ("forty thousand", 40000.0),
            ("a dozen", 12.0),
            ("three dozen", 36.0),
            ("a million", 1e6),
            ("two trillion", 2e12),
            ("sevenfold", 7.0),
            ("a quarter of", 0.25),
            ("two-thirds", 2.0 / 3.0),
            ("three fifths of", 0.6),
            ("2½ times", 2.5),
            ("Rs 4 crore", 4e7),
            ("half of", 0.5),
        ];
        for &(text, want) in cases {
            assert!((value(text) - want).abs() < 1e-9, "{text}: {} != {want}", value(text));
        }
    }

    /// Without the word list, `is_cardinal` asked text2num about every
    /// word: the list must hold every word text2num accepts.
    #[test]
    fn the_cardinal_list_is_what_text2num_accepts() {
        let mut w = Words::new();
        let mut accepted = |word: &str| {
            let en = English::new();
            let scratch = w.scratch();
            en.apply(word, scratch).is_ok() && scratch.marker.is_none()
        };
        let vocabulary = [
            "zero", "o", "nought", "one", "first", "oneth", "two", "second", "three", "third", "four", "fourth", "five",
            "fifth", "six", "sixth", "seven", "seventh", "eight", "eighth", "nine", "ninth", "ten", "tenth", "eleven",
            "eleventh", "twelve", "twelfth", "thirteen", "thirteenth", "fourteen", "fourteenth", "fifteen",
            "fifteenth", "sixteen", "sixteenth", "seventeen", "seventeenth", "eighteen", "eighteenth", "nineteen",
            "nineteenth", "twenty", "twentieth", "thirty", "thirtieth", "fourty", "forty", "fortieth", "fourtieth",
            "fifty", "fiftieth", "sixty", "sixteeth", "seventy", "seventieth", "eighty", "eightieth", "ninety",
            "ninetieth", "hundred", "hundredth", "thousand", "thousandth", "million", "millionth", "billion",
            "billionth", "and", "dozen", "trillion", "people", "the", "point", "a",
        ];
        for word in vocabulary {
            let listed = CARDINAL_WORDS.contains(&word);
            assert_eq!(cardinal_word(word), listed, "{word}");
            assert_eq!(cardinal_word(&word.to_uppercase()), listed, "{word}");
            let long_enough = word.len() >= 3 && scale_word(word).is_none() && word != "and";
            assert_eq!(listed, accepted(word) && long_enough, "{word}");
        }
    }

    #[test]
    fn single_words_are_valued_as_text2num_values_them() {
        let en = English::new();
        for word in CARDINAL_WORDS {
            for form in [word.to_string(), word.to_uppercase(), format!("{}{}", word[..1].to_uppercase(), &word[1..])] {
                let want: Option<f64> = text2digits(&form, &en).ok().and_then(|d| d.parse().ok());
                assert_eq!(single_word_value(&form), want, "{form}");
            }
        }
        assert_eq!(single_word_value("twenty-one"), None);
        assert_eq!(single_word_value("hundred"), None);
    }

    /// The first-letter dispatch of `may_start` against its plain form.
    #[test]
    fn may_start_is_the_plain_test() {
        let mut w = Words::new();
        let plain = |w: &mut Words, word: &str| {
            let mut buf = [0u8; 12];
            let Some(lower) = ascii_lower(word, &mut buf) else { return false };
            matches!(lower, "a" | "an" | "half" | "tens")
                || lower.ends_with('s') && VAGUE.contains(&lower)
                || lower.ends_with("fold")
                || w.is_cardinal(word)
        };
        let words = [
            "a", "An", "half", "HALF", "tens", "Hundreds", "thousands", "dozens", "millions", "billions", "sixfold",
            "Twofold", "manifold", "fold", "éfold", "one", "Three", "twenty", "nineteen", "zero", "nought", "the",
            "soldiers", "and", "hundred", "first", "seconds", "anew", "halves", "ones", "tenfolds", "",
        ];
        for word in words {
            let want = plain(&mut w, word);
            assert_eq!(w.may_start(word), want, "{word}");
        }
    }

    #[test]
    fn vague_magnitudes() {
        assert!(matches!(first("Hundreds gathered"), Some((_, Form::Vague("hundreds")))));
        assert!(matches!(first("tens of thousands of"), Some((_, Form::Vague("tens of thousands")))));
        assert_eq!(vague_bounds("hundreds"), Some((200.0, 999.0)));
        assert_eq!(vague_bounds("tens of thousands"), Some((20000.0, 99999.0)));
        assert_eq!(vague_bounds("dozens"), Some((24.0, 99.0)));
        assert_eq!(vague_bounds("thousands"), Some((2000.0, 9999.0)));
    }

    #[test]
    fn ordinals_and_bare_magnitudes_are_not_numbers() {
        for text in ["the eighth", "second", "hundred", "the 5th", "a third term", "the ones"] {
            let t = Toks::new(text);
            let mut w = Words::new();
            let found: Vec<_> = (0..t.len()).filter_map(|i| at(&t, i, false, &mut w)).filter(|n| !n.ordinal).collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}

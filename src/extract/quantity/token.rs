//! A small tokenizer for quantity extraction.
//!
//! Quantities are recognised over tokens rather than characters so that
//! "120-day", "1.2m", "COVID-19" and "$US113" can be told apart by what is
//! glued to what. A token is a run of letters (a word), a numeral (digits
//! with thousands commas and one decimal point) or a single other
//! character; each token records whether white space precedes it.

use super::numeral::may_start_ends;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Sym,
}

/// One token: a byte range of the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// White space (or the start of the text) comes right before it.
    pub space: bool,
}

/// The tokens of one piece of text. Its small accessors are asked
/// several times per token from every module of the finder, which the
/// compiler may build apart: they are marked `#[inline]` so that each
/// caller gets them in place.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub t: Vec<Tok>,
    /// The tokens where a numeral may start by their shape alone, in
    /// order: every numeral, and the words [`may_start_ends`] keeps. The
    /// finder visits these rather than every token.
    pub shaped: Vec<usize>,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str) -> Self {
        // The vectors of the last text tokenized on this thread are taken
        // back (see `Drop`): one allocation serves every sentence rather
        // than one each.
        let (mut t, mut shaped) = SPARE.take();
        tokenize_into(text, &mut t, &mut shaped);
        Toks { text, t, shaped }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// The text of token `i`, or "" past the end.
    #[inline]
    pub fn s(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The bytes of token `i`, or none past the end: for tests on bytes,
    /// which need no check that the ends fall between characters. (The
    /// finder's own screen reads the bytes as it tokenizes; this serves
    /// its specification, `numeral::may_begin`.)
    #[inline]
    #[cfg(test)]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        self.t.get(i).map_or(&[], |t| self.text.as_bytes().get(t.start..t.end).unwrap_or_default())
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    #[inline]
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Num)
    }

    /// Token `i` is the word `w`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w) && i < self.len()
    }

    /// Token `i` exists and has no white space before it.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }

    /// Token `i` is one of the symbols in `syms`.
    #[inline]
    pub fn is_sym(&self, i: usize, syms: &[&str]) -> bool {
        // A symbol is one character: compared byte by byte in place, as a
        // call to `memcmp` per candidate costs more than the comparison.
        self.kind(i) == Some(Kind::Sym) && {
            let s = self.s(i).as_bytes();
            syms.iter().any(|x| x.len() == s.len() && x.bytes().zip(s).all(|(a, &b)| a == b))
        }
    }

    /// Index of the last token ending at or before byte `pos`.
    #[inline]
    pub fn last_ending_by(&self, pos: usize) -> Option<usize> {
        let n = self.t.partition_point(|t| t.end <= pos);
        n.checked_sub(1)
    }

    /// Byte offset where token `i` starts (text length past the end).
    #[inline]
    pub fn start(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends (text length past the end).
    #[inline]
    pub fn end(&self, i: usize) -> usize {
        self.t.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// Token `i` starts a sentence or a clause: it comes first or after
    /// sentence punctuation, an opening bracket or quote, or a dash.
    pub fn clause_initial(&self, i: usize) -> bool {
        const OPENERS: &[&str] = &[
            ".", "!", "?", ":", ";", "(", "[", "\"", "\u{201c}", "\u{2018}", "'", "\u{2014}", "\u{2013}", "|", "\u{2022}",
        ];
        i == 0 || self.is_sym(i - 1, OPENERS) || self.is_sym(i - 1, &["-"]) && !self.glued(i)
    }
}

thread_local! {
    /// A token vector left by the last [`Toks`] dropped on this thread.
    static SPARE: std::cell::Cell<(Vec<Tok>, Vec<usize>)> = const { std::cell::Cell::new((Vec::new(), Vec::new())) };
}

impl Drop for Toks<'_> {
    fn drop(&mut self) {
        SPARE.set((std::mem::take(&mut self.t), std::mem::take(&mut self.shaped)));
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// What a byte says about the token it starts: ASCII bytes are settled
/// by a table look-up; other bytes start a character to decode.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Digit,
    Letter,
    Other,
    NonAscii,
}

/// [`Class`] of every byte. ASCII white space is what `char::is_whitespace`
/// accepts below 128: the space and tab to carriage return (a test checks
/// the table against the `char` methods).
const CLASS: [Class; 256] = {
    let mut table = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = match byte {
            b' ' | b'\t'..=b'\r' => Class::Space,
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// The tokens of `text`, in `out`, and the indices of those a numeral
/// may start at by their shape, in `shaped` (both cleared first). The
/// shape of a word is judged here, where its bytes are at hand, rather
/// than by a second walk over every token.
fn tokenize_into(text: &str, out: &mut Vec<Tok>, shaped: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    out.clear();
    shaped.clear();
    // News copy runs to about one token per four bytes: room enough that
    // the vector is seldom grown.
    out.reserve(text.len() / 4 + 4);
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let (end, kind) = match CLASS[bytes[i] as usize] {
            Class::Space => {
                space = true;
                i += 1;
                continue;
            }
            Class::Digit => (numeral_end(bytes, i), Kind::Num),
            Class::Letter => (word_end(text, i), Kind::Word),
            Class::Other => (i + 1, Kind::Sym),
            Class::NonAscii => {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    space = true;
                    i += c.len_utf8();
                    continue;
                }
                if c.is_alphabetic() { (word_end(text, i), Kind::Word) } else { (i + c.len_utf8(), Kind::Sym) }
            }
        };
        let may_start = match kind {
            Kind::Num => true,
            Kind::Word => may_start_ends(&bytes[i..end]),
            Kind::Sym => false,
        };
        if may_start {
            shaped.push(out.len());
        }
        out.push(Tok { start: i, end, kind, space });
        // One plain space is the usual gap between tokens: taken here
        // rather than by a turn of the loop.
        if bytes.get(end) == Some(&b' ') {
            space = true;
            i = end + 1;
        } else {
            space = false;
            i = end;
        }
    }
}

/// End of a numeral starting at `start`: digits, then thousands groups
/// (",ddd" not followed by a digit), then one decimal part.
fn numeral_end(b: &[u8], start: usize) -> usize {
    let digits = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = digits(start);
    while i + 3 < b.len() && b[i] == b',' && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && !(i + 4 < b.len() && b[i + 4].is_ascii_digit())
    {
        i += 4;
    }
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i = digits(i + 1);
    }
    i
}

/// End of the run of ASCII letters from `start`. Eight bytes are tested
/// at once while they last (most words end within the first eight), one
/// at a time after: the byte-by-byte loop, [`ascii_letters_end_by_bytes`],
/// is its specification in the tests.
#[inline]
fn ascii_letters_end(bytes: &[u8], start: usize) -> usize {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = ONES * 0x80;
    let mut end = start;
    while let Some(chunk) = bytes.get(end..end + 8) {
        let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        // Lower-case by setting 0x20, then a letter is a byte from 'a' to
        // 'z' with its high bit clear: the two sums tell "at least 'a'"
        // and "past 'z'" by their high bits (on seven bits, no sum carries
        // into the next byte).
        let low7 = (x | (ONES * 0x20)) & (ONES * 0x7F);
        let from_a = low7 + ONES * (0x80 - u64::from(b'a'));
        let past_z = low7 + ONES * (0x80 - u64::from(b'z') - 1);
        let letters = from_a & !past_z & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            // Little-endian: the lowest set bit is the first non-letter.
            return end + (others.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
    while end < bytes.len() && bytes[end].is_ascii_alphabetic() {
        end += 1;
    }
    end
}

/// End of a word: letters, with apostrophes inside ("Korea's").
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    // Fast path: a run of ASCII letters ended by ASCII other than an
    // apostrophe is the whole word; anything else is read char by char.
    let end = ascii_letters_end(bytes, start);
    if end > start && bytes.get(end).is_none_or(|&b| b.is_ascii() && b != b'\'') {
        return end;
    }
    let mut end = start;
    let mut it = text[start..].char_indices().peekable();
    while let Some((off, c)) = it.next() {
        let b = bytes[start + off];
        if b.is_ascii_alphabetic() || !b.is_ascii() && c.is_alphabetic() {
            end = start + off + c.len_utf8();
        } else if is_apostrophe(c) && it.peek().is_some_and(|&(_, n)| n.is_alphabetic()) {
            continue;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        let t = Toks::new(s);
        (0..t.len()).map(|i| t.s(i)).collect()
    }

    #[test]
    fn splits_numerals_words_and_symbols() {
        assert_eq!(texts("a 1,250.5-day plan"), ["a", "1,250.5", "-", "day", "plan"]);
        assert_eq!(texts("Seoul's 3,00 x"), ["Seoul's", "3", ",", "00", "x"]);
        assert_eq!(texts("1,2345"), ["1", ",", "2345"]);
        assert_eq!(texts("$US12m"), ["$", "US", "12", "m"]);
    }

    #[test]
    fn records_glue() {
        let t = Toks::new("x 10-15");
        assert!(!t.glued(1));
        assert!(t.glued(2) && t.glued(3));
    }

    /// The tokenizer as first written, char by char: the specification
    /// of the table-driven one.
    fn tokenize_by_chars(text: &str) -> Vec<(usize, usize, Kind, bool)> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut space = true;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (c, width) = if b.is_ascii() {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            if c.is_whitespace() {
                space = true;
                i += width;
                continue;
            }
            let (end, kind) = if b.is_ascii_digit() {
                (numeral_end(bytes, i), Kind::Num)
            } else if c.is_alphabetic() {
                (word_end(text, i), Kind::Word)
            } else {
                (i + width, Kind::Sym)
            };
            out.push((i, end, kind, space));
            space = false;
            i = end;
        }
        out
    }

    fn same_as_by_chars(text: &str) {
        let got: Vec<_> = Toks::new(text).t.iter().map(|t| (t.start, t.end, t.kind, t.space)).collect();
        assert_eq!(got, tokenize_by_chars(text), "{text:?}");
    }

    #[test]
    fn the_byte_table_agrees_with_the_char_methods() {
        for b in 0u8..128 {
            let c = b as char;
            let want = if c.is_whitespace() {
                Class::Space
            } else if b.is_ascii_digit() {
                Class::Digit
            } else if c.is_alphabetic() {
                Class::Letter
            } else {
                Class::Other
            };
            assert!(CLASS[b as usize] == want, "byte {b}");
        }
        assert!(CLASS[128..].iter().all(|&c| c == Class::NonAscii));
        for text in ["", " ", "a 1,250.5-day plan", "\u{b}x\u{c}y\r\n", "\u{a0}9\u{2009}km", "é’ 9\u{2019}", "\u{1c}5\u{85}x"] {
            same_as_by_chars(text);
        }
    }

    /// [`ascii_letters_end`] as first written, a byte at a time.
    fn ascii_letters_end_by_bytes(bytes: &[u8], start: usize) -> usize {
        let mut end = start;
        while end < bytes.len() && CLASS[bytes[end] as usize] == Class::Letter {
            end += 1;
        }
        end
    }

    #[test]
    fn letter_runs_end_where_the_byte_loop_ends_them() {
        let texts: [&[u8]; 8] = [b"", b"a", b"abcdefgh", b"abcdefghi", b"Seoul's 3", b"AZaz@[`{", b"wordsmith\xC3\xA9x", b"\x80\xFF\xC1\xE1az"];
        for text in texts {
            for start in 0..=text.len() {
                assert_eq!(ascii_letters_end(text, start), ascii_letters_end_by_bytes(text, start), "{text:?} at {start}");
            }
        }
        for b in 0..=255u8 {
            let text = [b'a', b'b', b'c', b, b'x', b'y', b'z', b'w', b'v', b'u'];
            assert_eq!(ascii_letters_end(&text, 0), ascii_letters_end_by_bytes(&text, 0), "byte {b}");
        }
    }

    proptest::proptest! {
        #[test]
        fn letter_runs_agree_on_random_bytes(text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), start in 0usize..40) {
            let start = start.min(text.len());
            proptest::prop_assert_eq!(ascii_letters_end(&text, start), ascii_letters_end_by_bytes(&text, start));
        }

        #[test]
        fn letter_runs_agree_on_mostly_letters(text in "[a-zA-Z]{0,20}[ @\\[`{'0-9\u{e9}]?[a-zA-Z]{0,10}") {
            proptest::prop_assert_eq!(ascii_letters_end(text.as_bytes(), 0), ascii_letters_end_by_bytes(text.as_bytes(), 0));
        }

        #[test]
        fn the_tokenizer_agrees_with_the_char_by_char_one(text in "[a-zA-Z0-9 ,.'\u{2019}\t\u{b}\u{a0}\u{2009}\u{e9}\u{2014}$%-]{0,40}") {
            same_as_by_chars(&text);
        }
    }

    #[test]
    fn survives_odd_unicode() {
        assert_eq!(texts("é’ 9\u{2019}"), ["é", "’", "9", "’"]);
    }
}

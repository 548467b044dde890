//! Character-level matching of short phrases at a fixed place in the text:
//! the building blocks of the unit and modifier matchers.
//!
//! Those matchers were once regular expressions; compiling them cost more
//! than reading a whole article, so they are written out by hand. To read
//! exactly what the expressions read, these helpers keep their rules: a
//! word boundary is Unicode's (`\b`), white space is Unicode's (`\s`), and
//! case-insensitive letters fold as the regex engine's simple case folding
//! does, which for the ASCII letters of our phrases adds only the Kelvin
//! sign (k), the long s (s) and, for the Greek mu, the micro sign.

use crate::extract::clause::{PACKED, WordSet};

/// A character that Unicode `\w` matches: `\b` falls between a word
/// character and anything else. ASCII is decided here; the rest by the
/// regex engine's own table.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::try_is_word_character(c).unwrap_or(false)
    }
}

/// A Unicode decimal digit (`\d`): a numeric word character that is not
/// a letter (letters such as Roman numerals are numeric too).
pub(crate) fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && c.is_numeric() && !c.is_alphabetic() && is_word_char(c)
}

/// The character starting at byte `i` of `s`, if any.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character ending at byte `i` of `s`, if any.
#[inline]
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// `\b` right after a word character at byte `i`: the next character is
/// not a word character (or the text ends).
#[inline]
pub(crate) fn boundary_after(s: &str, i: usize) -> bool {
    !char_at(s, i).is_some_and(is_word_char)
}

/// `\b` right before a word character at byte `i`, the text being read
/// from byte `from` on (as a regex reads a slice of it).
#[inline]
pub(crate) fn boundary_before(s: &str, from: usize, i: usize) -> bool {
    i <= from || !char_before(s, i).is_some_and(is_word_char)
}

/// One white-space character at byte `i`: where it ends.
#[inline]
pub(crate) fn ws_at(s: &str, i: usize) -> Option<usize> {
    char_at(s, i).filter(|c| c.is_whitespace()).map(|c| i + c.len_utf8())
}

/// Past any white space from byte `i` on.
pub(crate) fn skip_ws(s: &str, mut i: usize) -> usize {
    while let Some(e) = ws_at(s, i) {
        i = e;
    }
    i
}

/// Back over any white space ending at byte `i`, not below `from`.
pub(crate) fn skip_ws_back(s: &str, from: usize, mut i: usize) -> usize {
    while i > from {
        match char_before(s, i) {
            Some(c) if c.is_whitespace() => i -= c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The text character `c` matches the pattern character `p` ignoring
/// case. `p` is written in lower case.
fn fold_eq(c: char, p: char) -> bool {
    c == p
        || c.to_ascii_lowercase() == p
        || match p {
            'k' => c == '\u{212A}',
            's' => c == '\u{17F}',
            '\u{3BC}' => c == '\u{B5}' || c == '\u{39C}',
            _ => false,
        }
}

/// The literal `lit` (ASCII case ignored, and the folds above) at byte
/// `i` of `s`: where it ends.
#[inline]
pub(crate) fn lit_ci(s: &str, i: usize, lit: &str) -> Option<usize> {
    let b = s.as_bytes();
    // Fast path: plain ASCII text, compared byte by byte.
    if let Some(bytes) = b.get(i..i + lit.len()) {
        if bytes.eq_ignore_ascii_case(lit.as_bytes()) {
            return Some(i + lit.len());
        }
        if bytes.is_ascii() && lit.is_ascii() {
            return None;
        }
    } else if s.get(i..).is_none_or(str::is_ascii) {
        return None;
    }
    let mut rest = s.get(i..)?.char_indices();
    for p in lit.chars() {
        let (_, c) = rest.next()?;
        if !fold_eq(c, p) {
            return None;
        }
    }
    Some(rest.next().map_or(s.len(), |(off, _)| i + off))
}

/// The literal `lit`, case as written, at byte `i` of `s`.
#[inline]
pub(crate) fn lit_cs(s: &str, i: usize, lit: &str) -> Option<usize> {
    s.as_bytes().get(i..i + lit.len()).filter(|b| *b == lit.as_bytes()).map(|_| i + lit.len())
}

/// The literal `lit` (case ignored) ending at byte `end` of `s` and
/// starting at or after `from`: where it starts.
pub(crate) fn lit_ci_back(s: &str, from: usize, end: usize, lit: &str) -> Option<usize> {
    let hay = s.get(from..end)?;
    let b = hay.as_bytes();
    if b.len() >= lit.len() {
        let tail = &b[b.len() - lit.len()..];
        if tail.eq_ignore_ascii_case(lit.as_bytes()) && hay.is_char_boundary(b.len() - lit.len()) {
            return Some(end - lit.len());
        }
        if tail.is_ascii() && lit.is_ascii() {
            return None;
        }
    } else if hay.is_ascii() {
        return None;
    }
    let mut rest = hay.char_indices().rev();
    let mut start = end;
    for p in lit.chars().rev() {
        let (off, c) = rest.next()?;
        if !fold_eq(c, p) {
            return None;
        }
        start = from + off;
    }
    Some(start)
}

/// `word` is in `list` (sorted, lower case, ASCII), ASCII case ignored:
/// a binary search on a lower-case copy on the stack. The specification
/// of [`in_set`].
#[cfg(test)]
pub(crate) fn in_sorted(word: &str, list: &[&str]) -> bool {
    const MAX: usize = 16;
    if word.len() > MAX || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; MAX];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Compared by iterators, inlined, rather than by a `memcmp` call per probe.
    list.binary_search_by(|s| s.as_bytes().iter().cmp(lower.iter())).is_ok()
}

/// [`in_sorted`] for a list held in a static [`WordSet`]: one hashed probe
/// of the word's packed lower-case key instead of a binary search on a
/// copy, for the lists asked about every number (a test checks that both
/// answer alike). The lists' words are ASCII and at most
/// [`PACKED`] bytes, so a longer or other word is in none of them.
#[inline]
pub(crate) fn in_set(word: &str, set: &WordSet) -> bool {
    !word.is_empty() && word.len() <= PACKED && word.is_ascii() && set.contains_ascii(word.as_bytes())
}

/// A list fit for [`in_sorted`].
#[cfg(test)]
pub(crate) fn sorted_lower(list: &[&str]) -> bool {
    list.windows(2).all(|w| w[0] < w[1]) && list.iter().all(|w| w.len() <= 16 && !w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()))
}

/// A phrase of a matcher's table: its spelling, whether case is ignored,
/// and whether a word boundary must follow it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spelling {
    pub text: &'static str,
    pub fold: bool,
    pub boundary: bool,
}

/// Case ignored, boundary after.
pub(crate) const fn wb(text: &'static str) -> Spelling {
    Spelling { text, fold: true, boundary: true }
}

/// Case ignored, no boundary needed.
pub(crate) const fn ci(text: &'static str) -> Spelling {
    Spelling { text, fold: true, boundary: false }
}

/// Case as written, no boundary needed.
pub(crate) const fn lit(text: &'static str) -> Spelling {
    Spelling { text, fold: false, boundary: false }
}

/// Case as written, boundary after.
pub(crate) const fn cs(text: &'static str) -> Spelling {
    Spelling { text, fold: false, boundary: true }
}

impl Spelling {
    /// This spelling at byte `i` of `s`: where it ends.
    #[inline]
    pub fn at(&self, s: &str, i: usize) -> Option<usize> {
        // Most tries fail on the first byte: an ASCII byte that is not the
        // spelling's first letter in either case cannot start a match.
        let (b, p) = (*s.as_bytes().get(i)?, self.text.as_bytes()[0]);
        if b.is_ascii() && b != p && (!self.fold || !b.eq_ignore_ascii_case(&p)) {
            return None;
        }
        // The same test on the second byte, where both are ASCII (then
        // each is a whole character): tables filed by first letter share
        // it, so this is where most of their spellings fail.
        if let (Some(&b), Some(&p)) = (s.as_bytes().get(i + 1), self.text.as_bytes().get(1)) {
            if b.is_ascii() && p.is_ascii() && s.as_bytes()[i].is_ascii() && b != p && (!self.fold || !b.eq_ignore_ascii_case(&p)) {
                return None;
            }
        }
        let end = if self.fold { lit_ci(s, i, self.text) } else { lit_cs(s, i, self.text) }?;
        (!self.boundary || boundary_after(s, end)).then_some(end)
    }
}

/// The first spelling of `table` (in its order, as a regex alternation
/// tries them) found at byte `i`: where it ends.
#[inline]
pub(crate) fn first_at(s: &str, i: usize, table: &[Spelling]) -> Option<usize> {
    table.iter().find_map(|sp| sp.at(s, i))
}

/// The key a spelling is filed under: its first character, in lower case,
/// with the folds of [`fold_eq`] applied. A text character and a pattern
/// character that match always share a key.
#[inline]
pub(crate) fn key(c: char) -> char {
    match c {
        '\u{212A}' => 'k',
        '\u{17F}' => 's',
        '\u{B5}' | '\u{39C}' => '\u{3BC}',
        c => c.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_and_digit_characters_agree_with_the_regex_engine() {
        let word = regex::Regex::new(r"^\w$").expect("compiles");
        let digit = regex::Regex::new(r"^\d$").expect("compiles");
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(is_word_char(c), word.is_match(&s), "U+{:04X}", c as u32);
            assert_eq!(is_digit_char(c), digit.is_match(&s), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_agree_with_the_regex_engine() {
        // Every case fold of these letters lies in the Basic Multilingual Plane.
        for p in "abcdefghijklmnopqrstuvwxyz\u{3BC}".chars() {
            let re = regex::Regex::new(&format!("(?i)^{p}$")).expect("compiles");
            for c in (0u32..0x1_0000).filter_map(char::from_u32) {
                assert_eq!(fold_eq(c, p), re.is_match(&c.to_string()), "{p} vs U+{:04X}", c as u32);
                if fold_eq(c, p) {
                    assert_eq!(key(c), p);
                }
            }
        }
    }

    #[test]
    fn literals() {
        assert_eq!(lit_ci("5 KM away", 2, "km"), Some(4));
        assert_eq!(lit_ci("x \u{212A}m", 2, "km"), Some(6));
        assert_eq!(lit_ci("x km", 2, "kmh"), None);
        assert_eq!(lit_ci_back("say ABOUT", 0, 9, "about"), Some(4));
        assert_eq!(lit_ci_back("ſome", 0, 5, "some"), Some(0));
        assert_eq!(lit_ci_back("é", 0, 2, "some"), None);
        assert_eq!(lit_cs("GMT", 0, "GMT"), Some(3));
        assert_eq!(lit_cs("gmt", 0, "GMT"), None);
        assert!(boundary_after("km.", 2) && !boundary_after("km2", 2) && boundary_after("km", 2));
        assert!(boundary_before("xabout", 1, 1) && !boundary_before("xabout", 0, 1));
    }
}

#[cfg(test)]
mod set_tests {
    use super::{in_set, in_sorted};
    use crate::extract::clause::WordSet;
    use proptest::prelude::*;

    const LIST: &[&str] = &["about", "as", "jan", "kospi", "no", "september", "than", "wednesday"];
    static SET: WordSet = WordSet::new(LIST);

    /// The hashed look-up against the binary search, on `list` itself.
    pub(crate) fn agrees(word: &str, list: &'static [&'static str], set: &WordSet) {
        assert_eq!(in_set(word, set), in_sorted(word, list), "{word:?}");
    }

    #[test]
    fn the_hashed_set_answers_as_the_sorted_list() {
        let odd = ["", "A", "ABOUT", "About", "abou", "aboutx", "\u{212A}ospi", "ſeptember", "abouté", "septemberseptember", "no."];
        for word in LIST.iter().chain(&odd) {
            for variant in [word.to_string(), word.to_uppercase(), format!("{word}s")] {
                agrees(&variant, LIST, &SET);
            }
        }
    }

    proptest! {
        #[test]
        fn random_words_agree(word in "[a-zA-Z.\u{e9}]{0,18}") {
            agrees(&word, LIST, &SET);
        }
    }
}

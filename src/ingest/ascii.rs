//! Regular expressions in two builds: as written, with Unicode classes and
//! word boundaries, and with ASCII ones for text where both find the same.
//!
//! Unicode letter and digit classes (`\p{L}`, `\d`, `\w`) compile to large
//! automata that are slow to build and to search, and a Unicode word
//! boundary makes the fast engine give up at the first non-ASCII
//! character, leaving the slowest one. Most copy in English has no
//! non-ASCII word characters at all: its only non-ASCII characters are
//! curly quotes, dashes, spaces and currency signs. On such text the ASCII
//! build matches exactly what the written one does, so it is used there,
//! and the written one is compiled only once some text needs it.

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A table of the listed bytes, for hot loops that skip every other byte
/// with one look-up; built at compile time.
pub(crate) const fn byte_set(listed: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut k = 0;
    while k < listed.len() {
        table[listed[k] as usize] = true;
        k += 1;
    }
    table
}

/// A pattern compiled on first use, in the build each text needs.
pub(crate) struct TwoBuild {
    source: String,
    unicode: OnceLock<Regex>,
    ascii: OnceLock<Regex>,
}

impl TwoBuild {
    /// `source` is a fixed pattern of this crate, checked by its tests:
    /// an invalid one panics on first use.
    pub(crate) fn new(source: impl Into<String>) -> TwoBuild {
        TwoBuild { source: source.into(), unicode: OnceLock::new(), ascii: OnceLock::new() }
    }

    /// The build that gives `haystack` the written pattern's matches.
    pub(crate) fn regex(&self, haystack: &str) -> &Regex {
        if is_plain(haystack) {
            self.ascii.get_or_init(|| Regex::new(&ascii_build(&self.source)).expect("valid pattern"))
        } else {
            self.unicode()
        }
    }

    /// The written pattern.
    pub(crate) fn unicode(&self) -> &Regex {
        self.unicode.get_or_init(|| Regex::new(&self.source).expect("valid pattern"))
    }

    #[cfg(test)]
    pub(crate) fn source(&self) -> &str {
        &self.source
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.regex(haystack).is_match(haystack)
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.regex(haystack).find(haystack)
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.regex(haystack).captures(haystack)
    }

    pub(crate) fn replace_all<'h>(&self, haystack: &'h str, with: &str) -> Cow<'h, str> {
        self.regex(haystack).replace_all(haystack, with)
    }
}

/// Where the first byte that is not ASCII sits. Eight bytes are tested
/// at a time (as one `u64`, by their high bits) until a block holds one:
/// the runs of ASCII between a line's curly quotes and dashes are long,
/// and every line is asked.
fn first_not_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(block) = bytes.get(i..i + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
        if u64::from_le_bytes(block) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| !b.is_ascii()).map(|p| i + p)
}

/// Whether every non-ASCII character of the text is one that no Unicode
/// class the patterns use (letters, digits, word characters) contains.
pub(crate) fn is_plain(text: &str) -> bool {
    if text.is_ascii() {
        return true;
    }
    // Only the characters that are not ASCII are decoded: the runs of
    // ASCII between them (nearly all of a line) are skipped by bytes.
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(skip) = first_not_ascii(&bytes[at..]) {
        at += skip;
        let Some(c) = text[at..].chars().next() else { return true };
        if !is_never_in_words(c) {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// Non-ASCII characters that are neither letters, digits nor any other
/// Unicode word character: spaces, general punctuation (dashes, curly
/// quotes, bullets, ellipsis, primes, guillemets), currency and a few
/// Latin-1 signs.
pub(crate) fn is_never_in_words(c: char) -> bool {
    matches!(c,
        '\u{A0}' | '\u{A2}'..='\u{A9}' | '\u{AB}'..='\u{B1}' | '\u{B4}' | '\u{B6}'..='\u{B8}' | '\u{BB}' | '\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2000}'..='\u{200B}' | '\u{2010}'..='\u{203E}' | '\u{20A0}'..='\u{20C0}')
}

/// The pattern with its Unicode letter, digit and word classes and word
/// boundaries made ASCII. Case-insensitive ASCII letters also match "ſ"
/// and the Kelvin sign under Unicode rules, but those are letters, so
/// plain text never holds them.
pub(crate) fn ascii_build(source: &str) -> String {
    source
        .replace(r"\p{Lu}", "[A-Z]")
        .replace(r"\p{Ll}", "[a-z]")
        .replace(r"\p{L}", "[A-Za-z]")
        .replace(r"\d", "[0-9]")
        .replace(r"\w", "[0-9A-Za-z_]")
        .replace(r"\b", r"(?-u:\b)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_characters_are_never_word_characters() {
        let word = Regex::new(r"\w").unwrap();
        for c in (0x80u32..0x2100).filter_map(char::from_u32).filter(|&c| is_never_in_words(c)) {
            assert!(!word.is_match(&c.to_string()), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn plain_text_read_by_bytes_is_plain_text_read_by_characters() {
        let spec = |t: &str| t.chars().all(|c| c.is_ascii() || is_never_in_words(c));
        for t in ["", "a", "“a” — b", "Zoë", "a\u{a0}", "\u{a0}", "x€y", "x€é", "é", "ſ", "٢", "“", "ab“cd”ef—gh…", "…é…"] {
            assert_eq!(is_plain(t), spec(t), "{t:?}");
        }
    }

    #[test]
    fn the_first_byte_not_ascii_is_found_in_any_block() {
        for len in 0..20 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = 0xc3;
                }
                let want = bytes.iter().position(|b| !b.is_ascii());
                assert_eq!(first_not_ascii(&bytes), want, "{len} {at}");
            }
        }
    }

    #[test]
    fn which_text_is_plain() {
        assert!(is_plain("“We left,” she said — about €3 million…"));
        assert!(!is_plain("Zoë said so."));
        assert!(!is_plain("٢٠٢٥"));
        assert!(!is_plain("ſ"));
    }

    #[test]
    fn both_builds_agree_on_plain_text() {
        let patterns = [
            r"(?i)\bphoto(?:graph)?\s+by\s+\p{Lu}[\p{L}'’.-]*",
            r"(?i)^(?:\d[\d,]*|no|one)\s+comments?$",
            r"\b(\d{4})-(\d{2})-(\d{2})\b",
            r"(?:\s*[·|•,]\s*\w+)*$",
            r"(?i)\bstatus\b",
        ];
        let texts = ["Photo by O’Brien-Lee", "12,000 Comments", "on 2025-12-13, 9:40", "a · b • c", "STATUS: ok", "the kelvin status"];
        for p in patterns {
            let (u, a) = (Regex::new(p).unwrap(), Regex::new(&ascii_build(p)).unwrap());
            for t in texts {
                let spans = |re: &Regex| re.captures(t).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
                assert_eq!(spans(&a), spans(&u), "{p} on {t}");
            }
        }
    }
}

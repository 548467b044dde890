//! A regular expression over English words, compiled in two builds: one
//! whose `\b`, `\w` and `\d` are ASCII, and the pattern as written, with
//! Unicode classes.
//!
//! The regex engine's fast lazy DFA gives up on a Unicode `\b` as soon as
//! the text holds a non-ASCII byte, and news copy always does (curly
//! quotes, dashes, no-break spaces); the Unicode classes also make the
//! pattern several times slower to compile. Yet as long as every non-ASCII
//! character of the text is one that no Unicode `\w` matches (punctuation,
//! spaces, symbols), the two builds match exactly the same spans: word
//! boundaries fall in the same places, no non-ASCII digit or letter can be
//! matched, and no non-ASCII letter can fold onto an ASCII one under
//! `(?i)`. So the ASCII build serves such text, and the Unicode build, made
//! only when first needed, serves the rest (names with accents, other
//! scripts) with the same results as before.

use regex::Regex;
use std::sync::OnceLock;

/// One pattern, two builds, each compiled on first use.
pub struct WordRegex {
    source: fn() -> String,
    ascii: OnceLock<Regex>,
    unicode: OnceLock<Regex>,
}

impl WordRegex {
    /// `source` gives the pattern as written (with Unicode `\b`, `\w`, `\d`).
    pub const fn new(source: fn() -> String) -> WordRegex {
        WordRegex { source, ascii: OnceLock::new(), unicode: OnceLock::new() }
    }

    /// The build that matches `text` exactly as the written pattern does,
    /// the faster one whenever it can.
    pub fn for_text(&self, text: &str) -> &Regex {
        self.build(ascii_words(text))
    }

    /// The ASCII build when the caller knows the text passes
    /// [`ascii_words`], else the Unicode one.
    pub fn build(&self, ascii: bool) -> &Regex {
        if ascii {
            self.ascii.get_or_init(|| compile(&asciified(&(self.source)())))
        } else {
            self.unicode.get_or_init(|| compile(&(self.source)()))
        }
    }
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this crate, checked by its tests.
    Regex::new(pattern).expect("word pattern compiles")
}

/// True when every character of `text` is ASCII or a non-ASCII character
/// that Unicode `\w` does not match (see [`is_safe_non_ascii`]).
pub fn ascii_words(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || is_safe_non_ascii(c))
}

/// The byte offset from which every suffix of `text` passes
/// [`ascii_words`]: just past its last other non-ASCII character, 0 when
/// it has none.
pub fn ascii_words_from(text: &str) -> usize {
    if text.is_ascii() {
        return 0;
    }
    text.char_indices().rev().find(|&(_, c)| !c.is_ascii() && !is_safe_non_ascii(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

/// Non-ASCII characters common in news copy that are not word characters:
/// Latin-1 punctuation and symbols, general punctuation (dashes, curly
/// quotes, ellipsis, spaces), currency signs and a few maths signs. The
/// list is checked against the regex engine's own `\w` in the tests.
fn is_safe_non_ascii(c: char) -> bool {
    matches!(c,
        '\u{A0}'..='\u{A9}' | '\u{AB}'..='\u{B4}' | '\u{B6}'..='\u{B9}' | '\u{BB}'..='\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2000}'..='\u{200B}' | '\u{2010}'..='\u{203E}' | '\u{2041}'..='\u{2053}' | '\u{2055}'..='\u{205F}'
        | '\u{20A0}'..='\u{20C0}' | '\u{2190}'..='\u{21FF}' | '\u{2212}' | '\u{2248}' | '\u{2260}' | '\u{2264}' | '\u{2265}'
        | '\u{3000}' | '\u{FEFF}')
}

/// The pattern with ASCII `\b`, `\w` and `\d`; other escapes, and `\s`
/// (no-break spaces are spaces), stay as written.
fn asciified(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut class_depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some('w') if class_depth > 0 => out.push_str("0-9A-Za-z_"),
                Some('w') => out.push_str("[0-9A-Za-z_]"),
                Some('d') if class_depth > 0 => out.push_str("0-9"),
                Some('d') => out.push_str("[0-9]"),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_characters_are_never_word_characters() {
        let word = Regex::new(r"(?i)^[\w\d]$").expect("compiles");
        let boundary = Regex::new(r"a\b").expect("compiles");
        for c in (0x80u32..0x3_0000).filter_map(char::from_u32).filter(|&c| is_safe_non_ascii(c)) {
            let s = c.to_string();
            assert!(!word.is_match(&s), "U+{:04X} is a word character", c as u32);
            assert!(boundary.is_match(&format!("a{c}")), "U+{:04X} joins a word", c as u32);
        }
    }

    #[test]
    fn asciified_patterns() {
        assert_eq!(asciified(r"(?i)\bon\s+\d{1,2}\b"), r"(?i)(?-u:\b)on\s+[0-9]{1,2}(?-u:\b)");
        assert_eq!(asciified(r"[\w][\w'’-]*"), r"[0-9A-Za-z_][0-9A-Za-z_'’-]*");
        assert_eq!(asciified(r"\(\)\.\\b"), r"\(\)\.\\b");
    }

    #[test]
    fn both_builds_agree_and_each_text_gets_the_right_one() {
        static R: WordRegex = WordRegex::new(|| r"(?i)\b(?:during)\s+[\w][\w'’-]*".to_string());
        let written = Regex::new(r"(?i)\b(?:during)\s+[\w][\w'’-]*").expect("compiles");
        for text in ["during the war", "fought during Russia’s war", "“during” — during Çatalhöyük’s dig", "during Ünye"] {
            let spans = |r: &Regex| r.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(R.for_text(text)), spans(&written), "{text}");
        }
        assert!(ascii_words("Russia’s “war” — 5 km\u{a0}away"));
        assert!(!ascii_words("Çatalhöyük"));
        assert!(!ascii_words("\u{212A}ilo"));
        assert_eq!(ascii_words_from("é 5 km’s"), 2);
        assert_eq!(ascii_words_from("5 km’s"), 0);
    }
}

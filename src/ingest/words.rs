//! Small text helpers shared by exclusion and metadata: the article's lines,
//! Markdown markers at the start of a line, content words for comparing
//! what two pieces of text are about, and the shape of a headline.

use super::ascii::is_plain;
use super::Article;
use crate::model::Span;

/// Whether `text` holds any of the (lower-case ASCII) `needles`, ignoring
/// ASCII case, without allocating: a cheap test run before a pattern that
/// needs one of these words, so that most lines are never searched by it.
/// Needles should stop short of "s" and "k", which Unicode case folding
/// also finds as "ſ" and the Kelvin sign.
pub(super) fn contains_any_ascii_ci(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains_ascii_ci(text.as_bytes(), n.as_bytes()))
}

/// Whether `haystack` holds `needle` (lower-case ASCII), ignoring ASCII
/// case: candidates are found by a vectorised search for the needle's
/// rarest byte in either case, so that most of the text is never compared.
fn contains_ascii_ci(haystack: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    if haystack.len() < needle.len() {
        return false;
    }
    let (k, &rare) = needle.iter().enumerate().min_by_key(|&(_, &b)| commonness(b)).unwrap_or((0, &needle[0]));
    // The rare byte sits `k` bytes into any occurrence.
    let candidates = &haystack[k..haystack.len() - (needle.len() - 1 - k)];
    // The needle's last byte first, a single comparison that refuses
    // most candidates before the whole one (a call) is made.
    let last = needle[needle.len() - 1];
    let matches_at =
        |at: usize| haystack[at + needle.len() - 1].eq_ignore_ascii_case(&last) && haystack[at..at + needle.len()].eq_ignore_ascii_case(needle);
    if rare.is_ascii_alphabetic() {
        memchr::memchr2_iter(rare.to_ascii_lowercase(), rare.to_ascii_uppercase(), candidates).any(matches_at)
    } else {
        memchr::memchr_iter(rare, candidates).any(matches_at)
    }
}

/// How common a byte is in English copy (higher is commoner): letters by
/// their usual frequency, the space commonest of all, anything else rare.
fn commonness(b: u8) -> u8 {
    COMMONNESS[usize::from(b)]
}

static COMMONNESS: [u8; 256] = {
    const BY_FREQUENCY: &[u8] = b"zqxjkvbpygfwmucldrhsnioate ";
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        let c = BY_FREQUENCY[i];
        table[c as usize] = i as u8 + 1;
        table[c.to_ascii_uppercase() as usize] = i as u8 + 1;
        i += 1;
    }
    table
};

/// Whether `text` starts with any of the (lower-case ASCII) `prefixes`,
/// ignoring ASCII case.
pub(super) fn starts_any_ci(text: &str, prefixes: &[&str]) -> bool {
    let bytes = text.as_bytes();
    // The first byte first: the lists are long and most lines open with
    // none of their letters.
    let Some(&first) = bytes.first() else { return prefixes.iter().any(|p| p.is_empty()) };
    let first = first.to_ascii_lowercase();
    prefixes.iter().any(|p| {
        let p = p.as_bytes();
        p.first().is_none_or(|&b| b == first) && bytes.len() >= p.len() && bytes[..p.len()].eq_ignore_ascii_case(p)
    })
}

/// Whether `text` ends with any of the (lower-case ASCII) `suffixes`,
/// ignoring ASCII case.
pub(super) fn ends_any_ci(text: &str, suffixes: &[&str]) -> bool {
    let bytes = text.as_bytes();
    suffixes.iter().any(|s| bytes.len() >= s.len() && bytes[bytes.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes()))
}

/// Whether `text` starts with an ASCII digit.
pub(super) fn starts_digit(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether `text` ends with an ASCII digit.
pub(super) fn ends_digit(text: &str) -> bool {
    text.as_bytes().last().is_some_and(u8::is_ascii_digit)
}

/// One line of the article, without its line ending.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// 1-based.
    pub number: usize,
    pub span: Span,
    pub text: &'a str,
    /// [`strip_markup`] of `text`, read once: every test of exclusion and
    /// metadata asks for it, most of them of every line.
    content: &'a str,
    blank: bool,
    /// [`is_plain`] of the content, asked by several tests of every line.
    plain: bool,
}

impl<'a> Line<'a> {
    pub fn new(number: usize, span: Span, text: &'a str) -> Line<'a> {
        let content = strip_markup(text);
        // Markup alone ("###") strips to nothing without being blank.
        Line { number, span, text, content, blank: content.is_empty() && text.trim().is_empty(), plain: is_plain(content) }
    }

    /// The line without surrounding white space and leading Markdown
    /// markers (`#`, `>`, list bullets) or wrapping emphasis.
    pub fn content(&self) -> &'a str {
        self.content
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// Whether the content is plain text (see [`is_plain`]).
    pub fn is_plain(&self) -> bool {
        self.plain
    }

    /// The content's word count, or `limit` if it has more; see
    /// [`count_words_up_to`].
    pub fn word_count_up_to(&self, limit: usize) -> usize {
        count_words_up_to(self.content(), limit)
    }
}

/// `text.split_whitespace().count()`, reading ASCII bytes as they are and
/// decoding only the other characters: every line is counted, and most
/// are nearly all ASCII.
#[cfg(test)]
pub(super) fn count_words(text: &str) -> usize {
    count_words_up_to(text, usize::MAX)
}

/// `count_words(text).min(limit)`, reading no further than the word that
/// reaches `limit`: the tests on a line's length ask only whether it has
/// more than a few words, and lines of prose have many.
///
/// Eight ASCII bytes are read at a time, as one `u64` (see
/// [`ascii_space_marks`]): a word starts at each byte that is not white
/// space after one that is, and those are counted together. Another
/// character is classed alone, as [`WhitespaceWords`] would. A byte loop
/// cost several instructions a byte, and this is asked of most lines
/// several times. Only `count.min(limit)` is wanted, so the count of
/// the last block read may run past `limit`.
pub(super) fn count_words_up_to(text: &str, limit: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let (mut count, mut i) = (0, 0);
    // Whether the character before `i` is white space (the start of the
    // text counts as such).
    let mut after_space = true;
    while count < limit && i < bytes.len() {
        if let Some(block) = bytes.get(i..i + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
            let block = u64::from_le_bytes(block);
            if block & HIGH == 0 {
                let space = ascii_space_marks(block);
                // Byte k's mark sits in bit 8k+7; the byte before byte 0
                // is the last one read.
                let space_before = space << 8 | u64::from(after_space) << 7;
                count += (!space & HIGH & space_before).count_ones() as usize;
                after_space = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        let (space, width) = match BYTE_CLASSES[usize::from(bytes[i])] {
            ByteClass::Space => (true, 1),
            ByteClass::Word => (false, 1),
            ByteClass::NotAscii => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        count += usize::from(!space && after_space);
        after_space = space;
        i += width;
    }
    count.min(limit)
}

/// For eight ASCII bytes (each below 0x80) read as a little-endian
/// `u64`, the high bit of each byte that is white space (" " or "\t"
/// to "\r", the ASCII characters `char::is_whitespace` accepts).
/// Every sum below stays within its byte, so no byte disturbs the next.
fn ascii_space_marks(block: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let each = |b: u8| u64::from_le_bytes([b; 8]);
    // A byte equal to " " is zero after the xor; adding 0x7f sets the
    // high bit of every other.
    let x = block ^ each(b' ');
    let is_blank = !((x + each(0x7f)) | x) & HIGH;
    // A byte of at least 9 gets its high bit from adding 0x80 - 9.
    let at_least = |low: u8| (block + each(0x80 - low)) & HIGH;
    let is_control_space = at_least(0x09) & !at_least(0x0e);
    is_blank | is_control_space
}

/// [`count_words_up_to`] as the words themselves count: the specification.
#[cfg(test)]
fn count_words_up_to_spec(text: &str, limit: usize) -> usize {
    WhitespaceWords::new(text).take(limit).count()
}

/// `text.split_whitespace()`, reading ASCII bytes as they are and
/// decoding only the other characters, as [`count_words`] does: the tests
/// that read a line's first few words run on every line.
pub(super) struct WhitespaceWords<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> WhitespaceWords<'a> {
    pub fn new(text: &'a str) -> WhitespaceWords<'a> {
        WhitespaceWords { text, at: 0 }
    }

    /// The first index from `i` where a character starts whose being
    /// white space is not `space`: ASCII bytes are classed by a table,
    /// other characters decoded.
    fn run_end(&self, mut i: usize, space: bool) -> usize {
        let bytes = self.text.as_bytes();
        let same = if space { ByteClass::Space } else { ByteClass::Word };
        while let Some(&b) = bytes.get(i) {
            let class = BYTE_CLASSES[usize::from(b)];
            if class == same {
                i += 1;
                continue;
            }
            if class != ByteClass::NotAscii {
                break;
            }
            let c = self.text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() != space {
                break;
            }
            i += c.len_utf8();
        }
        i
    }
}

/// What a byte says about white space: [`WhitespaceWords`] reads most
/// bytes off this table rather than testing them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Space,
    /// An ASCII character that is not white space.
    Word,
    /// Part of a longer character, to be decoded.
    NotAscii,
}

static BYTE_CLASSES: [ByteClass; 256] = {
    let mut table = [ByteClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if b as u8 == b' ' || (b as u8 >= b'\t' && b as u8 <= b'\r') { ByteClass::Space } else { ByteClass::Word };
        b += 1;
    }
    table
};

impl<'a> Iterator for WhitespaceWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.run_end(self.at, true);
        if start >= self.text.len() {
            self.at = start;
            return None;
        }
        self.at = self.run_end(start, false);
        self.text.get(start..self.at)
    }
}


/// Every line of the article, in order. Read off the line starts the
/// article indexed once, rather than by searching the text again: each
/// line runs to the line feed before the next start, the last to the end.
pub(super) fn lines(article: &Article) -> Vec<Line<'_>> {
    let text = &article.text;
    let starts = &article.line_starts;
    let mut out = Vec::with_capacity(starts.len());
    // A start at the very end (after a final line feed) opens no line.
    for (index, &start) in starts.iter().enumerate().take_while(|&(_, &start)| start < text.len()) {
        let end = starts.get(index + 1).map_or(text.len(), |&next| next - 1);
        let body = &text[start..end];
        let body = body.strip_suffix('\r').unwrap_or(body);
        out.push(Line::new(index + 1, Span::new(start, start + body.len()), body));
    }
    out
}

/// A line without Markdown heading, quote and list markers and without
/// emphasis wrapped round the whole line.
pub(super) fn strip_markup(line: &str) -> &str {
    let s = line.trim();
    // Nearly every line opens with a letter, a digit or a quotation mark
    // and closes without emphasis: nothing to strip, as the loop below
    // would find after trying each marker.
    let opens_plain = s.as_bytes().first().is_some_and(|&b| !matches!(b, b'#' | b'>' | b'-' | b'*' | b'+' | b'_'));
    if opens_plain && !s.starts_with('•') && !s.ends_with(['*', '_']) {
        return s;
    }
    strip_markup_fully(s)
}

/// [`strip_markup`] of a trimmed line, trying every marker.
fn strip_markup_fully(line: &str) -> &str {
    let mut s = line.trim();
    loop {
        let before = s.len();
        s = s.trim_start_matches('#').trim_start();
        s = s.trim_start_matches('>').trim_start();
        for bullet in ["- ", "* ", "+ ", "• "] {
            if let Some(rest) = s.strip_prefix(bullet) {
                s = rest.trim_start();
            }
        }
        if s.len() == before {
            break;
        }
    }
    let emphasis: &[char] = &['*', '_'];
    let trimmed = s.trim_matches(emphasis).trim();
    if trimmed.is_empty() { s } else { trimmed }
}

/// True when the text ends as a sentence does (a full stop, possibly
/// inside closing quotes or brackets).
pub(super) fn ends_sentence(text: &str) -> bool {
    let closers: &[char] = &['"', '”', '’', '\'', ')', ']', '*', '_'];
    let t = text.trim_end().trim_end_matches(closers);
    t.ends_with(['.', '!', '?', '…'])
}

/// Short, no final full stop: a headline, a masthead, a section name.
pub(super) fn is_headline_like(text: &str) -> bool {
    let words = count_words_up_to(text, 23);
    (2..=22).contains(&words) && !ends_with_full_stop(text) && !text.trim_end().ends_with([':', ','])
}

fn ends_with_full_stop(text: &str) -> bool {
    let closers: &[char] = &['"', '”', '’', '\'', ')', '*', '_'];
    text.trim_end().trim_end_matches(closers).ends_with('.')
}

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "from", "with", "that", "this", "these", "those", "was", "were", "are", "has", "have",
    "had", "his", "her", "its", "their", "they", "them", "she", "him", "who", "which", "what", "when", "where",
    "while", "after", "before", "into", "onto", "over", "under", "about", "also", "been", "being", "but", "not",
    "than", "then", "there", "here", "will", "would", "could", "should", "may", "might", "can", "said", "says",
    "say", "one", "two", "new", "more", "most", "some", "such", "other", "our", "out", "all", "any", "per", "via",
    "you", "your", "just", "very", "did", "does", "how", "why", "image", "photo", "picture", "credit",
];

/// A word of up to eight bytes as one number (its bytes in order, zeros
/// after): two such words without NUL bytes (content words are letters)
/// are equal exactly when the numbers are.
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    (bytes.len() <= 8).then(|| bytes.iter().rev().fold(0u64, |n, &b| n >> 8 | u64::from(b) << 56))
}

/// [`STOPWORDS`] packed and sorted: a word is looked up by a binary
/// search over numbers rather than a comparison with every stopword.
static PACKED_STOPWORDS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    let mut packed: Vec<u64> = STOPWORDS.iter().filter_map(|w| packed(w)).collect();
    packed.sort_unstable();
    packed
});

/// Whether the (lower-case) word is one of [`STOPWORDS`], none of which
/// is longer than eight bytes.
fn is_stopword(word: &str) -> bool {
    packed(word).is_some_and(|n| PACKED_STOPWORDS.binary_search(&n).is_ok())
}

/// The content words of a text, lower-cased and crudely stemmed, so that
/// "returning" and "returned" or "troops" and "troop" meet.
pub(super) fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut scratch = String::new();
    raw_words(text).filter_map(move |w| content_word(w, &mut scratch).map(str::to_string))
}

/// `content_words` without allocating per word: each is lent to `f` in turn.
pub(super) fn for_each_content_word(text: &str, mut f: impl FnMut(&str)) {
    let mut scratch = String::new();
    for_each_raw_word(text, |w| {
        if let Some(word) = content_word(w, &mut scratch) {
            f(word);
        }
    });
}

/// The non-empty [`raw_words`] of a text, each lent to `f`. ASCII text is
/// split by bytes: its letters and digits are the ASCII ones and it has
/// no "’". (The empty pieces `raw_words` also gives are never content
/// words.)
///
/// Text with a few curly quotes or dashes (most copy) is split by bytes
/// too, and only its other characters decoded: a whole paragraph would
/// otherwise be decoded for the sake of one quotation mark.
fn for_each_raw_word(text: &str, f: impl FnMut(&str)) {
    if text.is_ascii() {
        ascii_word_runs(text).for_each(f);
        return;
    }
    raw_word_runs(text).for_each(f);
}

/// The non-empty [`raw_words`] of any text, in order: ASCII bytes are
/// read off a table and only the other characters decoded.
pub(super) fn raw_word_runs(text: &str) -> impl Iterator<Item = &str> {
    raw_word_runs_marked(text).map(|(word, _)| word)
}

/// [`raw_word_runs`], each with whether it is ASCII: known from the
/// reading itself, so that a caller need not scan the word again.
pub(super) fn raw_word_runs_marked(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether a word character starts at `i`, and its length.
    let word_char_at = move |i: usize| match bytes[i] {
        b if b.is_ascii() => (is_ascii_word_byte(b), 1),
        _ => {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric() || c == '’', c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        loop {
            if i >= bytes.len() {
                return None;
            }
            let (in_word, width) = word_char_at(i);
            if in_word {
                break;
            }
            i += width;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let (in_word, width) = word_char_at(i);
            if !in_word {
                break;
            }
            ascii &= width == 1;
            i += width;
        }
        Some((&text[start..i], ascii))
    })
}

/// The runs of [`is_ascii_word_byte`] bytes of a text, in order: its words
/// when the text is ASCII.
pub(super) fn ascii_word_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while bytes.get(i).is_some_and(|&b| !is_ascii_word_byte(b)) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| is_ascii_word_byte(b)) {
            i += 1;
        }
        // Both ends stand next to ASCII bytes: character boundaries.
        Some(&text[start..i])
    })
}

/// An ASCII letter, digit or apostrophe: what words are made of, read
/// off a table since every byte of a paragraph is asked.
fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD_BYTES[usize::from(b)]
}

static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'';
        b += 1;
    }
    table
};

/// The first three letters (in lower case) that the content word of the
/// raw ASCII word `raw` would open with, if it has one; none when it
/// cannot be a content word or is not ASCII. A content word keeps at
/// least three letters of its raw word's start, lower-cased.
pub(super) fn ascii_content_prefix(raw: &str) -> Option<[u8; 3]> {
    // An ASCII word has no "’": its apostrophes are trimmed by bytes,
    // a position from each end (this is asked of every word of a body).
    let b = if raw.is_ascii() {
        let b = raw.as_bytes();
        let start = b.iter().position(|&c| c != b'\'')?;
        let end = b.iter().rposition(|&c| c != b'\'')? + 1;
        &b[start..end]
    } else {
        let w = raw.trim_matches(['\'', '’']);
        if !w.is_ascii() {
            return None;
        }
        w.as_bytes()
    };
    (b.len() >= 3).then(|| [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
}

fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
}

/// One raw word as a content word, written into `scratch`: lower-cased,
/// stemmed, and none if it is short, not alphabetic or a stopword. An
/// ASCII word is tested before it is copied and lower-cased in place.
pub(super) fn content_word<'s>(raw: &str, scratch: &'s mut String) -> Option<&'s str> {
    // An ASCII word has no "’": it is trimmed and tested by bytes.
    if raw.is_ascii() {
        let w = raw.trim_matches('\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        scratch.clear();
        scratch.push_str(w);
        scratch.make_ascii_lowercase();
        return finish_content_word(scratch);
    }
    let w = raw.trim_matches(['\'', '’']);
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    scratch.clear();
    if w.is_ascii() {
        if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        scratch.push_str(w);
        scratch.make_ascii_lowercase();
    } else {
        scratch.push_str(&w.to_lowercase());
        if scratch.chars().count() < 3 || !scratch.chars().all(char::is_alphabetic) {
            return None;
        }
    }
    finish_content_word(scratch)
}

/// A lower-cased word of letters as a content word: none if a stopword,
/// else its stem.
fn finish_content_word(word: &str) -> Option<&str> {
    if is_stopword(word) {
        return None;
    }
    Some(&word[..stem_len(word)])
}

/// The length of the word's root once a common suffix is cut.
fn stem_len(word: &str) -> usize {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(root) = word.strip_suffix(suffix) {
            // (In ASCII, bytes are characters.)
            let chars = if root.is_ascii() { root.len() } else { root.chars().count() };
            if chars >= 3 {
                return root.len();
            }
        }
    }
    word.len()
}

/// The share of `text`'s distinct content words that are in a vocabulary,
/// as `in_vocabulary` tells (0 when it has none).
///
/// The distinct words are kept end to end in one string: the texts asked
/// about are headlines and captions, a few words each, so a look along
/// them costs less than hashing and a copy of every word.
pub(super) fn overlap(text: &str, in_vocabulary: impl Fn(&str) -> bool) -> f64 {
    let mut seen = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut shared = 0;
    for_each_content_word(text, |w| {
        let mut start = 0;
        let known = ends.iter().any(|&end| {
            let same = &seen[start..end] == w;
            start = end;
            same
        });
        if !known {
            seen.push_str(w);
            ends.push(seen.len());
            shared += usize::from(in_vocabulary(w));
        }
    });
    if ends.is_empty() {
        return 0.0;
    }
    shared as f64 / ends.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn literal_tests_ignore_ascii_case() {
        assert!(contains_any_ascii_ci("The POST appeared", &["post a", "appeared"]));
        assert!(contains_any_ascii_ci("ends with Ago", &["ago"]));
        assert!(!contains_any_ascii_ci("ag", &["ago"]));
        assert!(contains_any_ascii_ci("x (C) 2025", &["(c)"]));
        assert!(!contains_any_ascii_ci("Zoë reports", &["zoe"]));
        assert!(contains_any_ascii_ci("", &[""]));
        assert!(contains_any_ascii_ci("xx Contributed reporting", &["contributed reporting"]));
        assert!(contains_any_ascii_ci("zq", &["zq"]) && !contains_any_ascii_ci("qz", &["zq"]));
        assert!(starts_any_ci("Share this", &["share"]) && !starts_any_ci("Sha", &["share"]));
        assert!(starts_any_ci("", &["x", ""]) && !starts_any_ci("", &["x"]) && starts_any_ci("x", &[""]) && starts_any_ci("(C) 2025", &["(c)"]));
        assert!(ends_any_ci("3 hours AGO", &["ago"]) && !ends_any_ci("go", &["ago"]));
    }

    #[test]
    fn marked_word_runs_are_the_runs_with_their_asciiness() {
        for text in ["", "a", "Zoë’s café — 12 ‘quoted’ words", "it's O’Brien's", "“x” y…z", "١٢ abc", "naïve-ish"] {
            let marked: Vec<(&str, bool)> = raw_word_runs_marked(text).collect();
            let plain: Vec<(&str, bool)> = raw_word_runs(text).map(|w| (w, w.is_ascii())).collect();
            assert_eq!(marked, plain, "{text:?}");
        }
    }

    #[test]
    fn prefixes_are_found_as_a_lower_cased_comparison_finds_them() {
        let spec = |t: &str, ps: &[&str]| ps.iter().any(|p| t.len() >= p.len() && t.as_bytes()[..p.len()].to_ascii_lowercase() == p.as_bytes());
        let prefixes: &[&[&str]] = &[&["three", "two", "ten"], &["the post "], &["t", "th"], &["", "x"], &["(c)", "©"], &["a", "ab", "abc"]];
        let texts = ["The", "THREE men", "Two", "t", "", "TH", "Ten.", "the post x", "the pos", "(c) 2025", "(C)", "© x", "Ab", "aB c", "ü", "ab"];
        for ps in prefixes {
            for t in texts {
                assert_eq!(starts_any_ci(t, ps), spec(t, ps), "{t:?} {ps:?}");
            }
        }
    }

    #[test]
    fn short_and_long_searches_find_what_a_plain_scan_finds() {
        let spec = |h: &str, n: &str| n.is_empty() || h.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n.as_bytes()));
        let needles = ["photo", "getty", "contributed ", "appeared first on", "(c)", "a", "zq", "by", "\u{e9}"];
        let mut haystacks: Vec<String> = vec![
            String::new(), "photo".into(), "PHOTO".into(), "Photograph by".into(), "xxxxxxxphoto".into(), "xxxxxxxxphot".into(),
            "@PHOTO`".into(), "ph\u{f6}to photo".into(), "The post x appeared first on y".into(), "x (C) 2025".into(),
            "Jo Lin contributed reporting".into(), "\u{e9}".into(), "{[pHoTo]}".into(),
        ];
        for len in [7, 8, 9, 15, 16, 17, 255, 256, 257, 300] {
            let filler: String = "p0P_ ".chars().cycle().take(len).collect();
            haystacks.push(filler.clone());
            haystacks.push(format!("{filler}Photo"));
            haystacks.push(format!("Getty{filler}"));
        }
        for h in &haystacks {
            for n in needles {
                assert_eq!(contains_any_ascii_ci(h, &[n]), spec(h, n), "{h:?} / {n:?}");
            }
        }
    }

    #[test]
    fn content_prefixes_trim_apostrophes_as_the_string_trim_does() {
        let spec = |raw: &str| {
            let w = if raw.is_ascii() { raw.trim_matches('\'') } else { raw.trim_matches(['\'', '’']) };
            let b = w.as_bytes();
            (w.is_ascii() && b.len() >= 3).then(|| [b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase(), b[2].to_ascii_lowercase()])
        };
        for raw in ["", "'", "''", "ab", "'ab'", "abc", "'Abc'", "''abc", "ABCD''", "a'b", "'a'b'", "’abc’", "Zoë", "’x", "o'c", "1st", "Æsop", "a’bc"] {
            assert_eq!(ascii_content_prefix(raw), spec(raw), "{raw:?}");
        }
    }

    #[test]
    fn stopwords_are_found_as_in_the_list() {
        assert!(STOPWORDS.iter().all(|w| w.len() <= 8 && is_stopword(w)));
        for w in ["th", "thee", "them", "theme", "", "x", "abcdefgh", "abcdefghi", "saying", "credits", "ſaid", "\0the"] {
            assert_eq!(is_stopword(w), STOPWORDS.contains(&w), "{w:?}");
        }
    }

    #[test]
    fn space_marks_are_those_of_the_byte_table() {
        for b in 0u8..128 {
            let want = BYTE_CLASSES[usize::from(b)] == ByteClass::Space;
            for k in 0..8 {
                let mut block = [b'x'; 8];
                block[k] = b;
                let marks = ascii_space_marks(u64::from_le_bytes(block));
                assert_eq!(marks, u64::from(want) << (8 * k + 7), "byte {b} at {k}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn counted_words_are_those_split_whitespace_finds(
            parts in proptest::collection::vec(proptest::prelude::prop_oneof![
                proptest::prelude::Just("word"), proptest::prelude::Just("a"), proptest::prelude::Just(" "),
                proptest::prelude::Just("  "), proptest::prelude::Just("\t"), proptest::prelude::Just("\n"),
                proptest::prelude::Just("\u{b}"), proptest::prelude::Just("\u{1c}"), proptest::prelude::Just("Zoë"),
                proptest::prelude::Just("\u{a0}"), proptest::prelude::Just("\u{2003}"), proptest::prelude::Just("1,200."),
                proptest::prelude::Just("longer-words"),
            ], 0..24),
            limit in 0usize..30,
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(count_words_up_to(&text, limit), text.split_whitespace().count().min(limit));
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in ["", " ", "a", " a b  c ", "a\u{b}b", "a\u{c}b\rc\td\ne", "a\u{1c}b", "Zoë  said\u{a0}so", "x\u{2003}y", "\u{85}z"] {
            assert_eq!(count_words(text), text.split_whitespace().count(), "{text:?}");
            for limit in 0..6 {
                assert_eq!(count_words_up_to(text, limit), count_words(text).min(limit), "{text:?} {limit}");
                assert_eq!(count_words_up_to(text, limit), count_words_up_to_spec(text, limit), "{text:?} {limit}");
            }
        }
        for b in 0u8..128 {
            let text = format!("a{}b", b as char);
            assert_eq!(count_words(&text), text.split_whitespace().count(), "byte {b}");
            let twice = format!("{}{}x", b as char, b as char);
            assert_eq!(count_words(&twice), twice.split_whitespace().count(), "byte {b} twice");
        }
    }

    #[test]
    fn byte_classes_are_those_of_char_is_whitespace() {
        for b in 0u8..=255 {
            let want = if !b.is_ascii() { ByteClass::NotAscii } else if char::from(b).is_whitespace() { ByteClass::Space } else { ByteClass::Word };
            assert!(BYTE_CLASSES[usize::from(b)] == want, "byte {b}");
        }
    }

    #[test]
    fn whitespace_words_are_those_of_split_whitespace() {
        for text in ["", " ", "a", " a b  c ", "a\u{b}b", "a\u{c}b\rc\td\ne", "a\u{1c}b", "Zoë  said\u{a0}so", "x\u{2003}y", "\u{85}z", "“Jo” — Lin "] {
            assert_eq!(WhitespaceWords::new(text).collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn lines_are_those_of_split_inclusive() {
        fn split(text: &str) -> Vec<(usize, Span, &str)> {
            let mut out = Vec::new();
            let mut start = 0;
            for (index, raw) in text.split_inclusive('\n').enumerate() {
                let body = raw.strip_suffix('\n').unwrap_or(raw);
                let body = body.strip_suffix('\r').unwrap_or(body);
                out.push((index + 1, Span::new(start, start + body.len()), body));
                start += raw.len();
            }
            out
        }
        for text in ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\r\n\r", "é\n\nü\r\n x ", "one\ntwo\n\nthree"] {
            let article = Article::from_text("t", "t.txt", text.to_string(), vec![]);
            let got: Vec<(usize, Span, &str)> = lines(&article).iter().map(|l| (l.number, l.span, l.text)).collect();
            assert_eq!(got, split(text), "{text:?}");
        }
    }

    #[test]
    fn the_quick_path_strips_what_trying_every_marker_strips() {
        let lines = [
            "", " ", "plain", "  plain  ", "## **Kim returns**", "> - quoted item", "###", "#", "* * *", "- item", "-5 degrees",
            "+ plus", "+5", "• bullet", "•x", "“Quoted” line", "— dash", "_em_", "*bold*", "word_", "word*", "__init__", "**", "_",
            "> ", ">>> deep", "#hashtag", "\u{a0}nbsp\u{a0}", "x\u{2003}", "1. first", "é accent", "‘single’",
        ];
        for line in lines {
            assert_eq!(strip_markup(line), strip_markup_fully(line), "{line:?}");
            let line = Line::new(1, Span::new(0, line.len()), line);
            assert_eq!(line.is_blank(), line.text.trim().is_empty(), "{:?}", line.text);
        }
    }

    #[test]
    fn markup_is_stripped_from_line_starts() {
        assert_eq!(strip_markup("## **Kim returns**"), "Kim returns");
        assert_eq!(strip_markup("> - quoted item"), "quoted item");
        assert_eq!(strip_markup("plain"), "plain");
    }

    #[test]
    fn content_words_meet_across_inflections() {
        let a: HashSet<String> = content_words("Troops returning home").collect();
        let b: HashSet<String> = content_words("the troop returned").collect();
        assert!(a.contains("troop") && b.contains("troop"));
        assert!(a.contains("return") && b.contains("return"));
    }

    #[test]
    fn overlap_is_the_share_of_distinct_words_in_the_vocabulary() {
        let spec = |text: &str, vocabulary: &HashSet<String>| {
            let words: HashSet<String> = content_words(text).collect();
            if words.is_empty() { 0.0 } else { words.iter().filter(|w| vocabulary.contains(*w)).count() as f64 / words.len() as f64 }
        };
        let vocabulary: HashSet<String> = content_words("troops returned to the river port; floods").collect();
        for text in ["", "the and", "Troops return", "troops troops troop TROOPS river", "Zoë’s river floods flood", "port porting ports x"] {
            assert_eq!(overlap(text, |w| vocabulary.contains(w)), spec(text, &vocabulary), "{text:?}");
        }
    }

    #[test]
    fn raw_words_split_as_the_character_split_does() {
        for text in [
            "", "a", "it's o'clock", "'quoted' words", "x--y  z", "a1b2 c_d", "Zoë’s “x”", "tab\tand\nline", "...", "“Kim’s” — 5€ ok",
            "ends in é", "é", "’", "a’", "’a", "日本語 text", "x\u{a0}y", "١٢ x", "Ⅻ ½", "mid—dash", "😀a😀",
        ] {
            let mut got = Vec::new();
            for_each_raw_word(text, |w| got.push(w.to_string()));
            let want: Vec<String> = raw_words(text).filter(|w| !w.is_empty()).map(str::to_string).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(raw_word_runs(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn headline_shape() {
        assert!(is_headline_like("Floods close the river port, officials say"));
        assert!(!is_headline_like("Floods closed the river port on Monday."));
        assert!(!is_headline_like("Singleword"));
        assert!(ends_sentence("he said “no.”"));
    }
}

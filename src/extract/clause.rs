//! The stretch of a sentence that belongs to one quantity mention, and the
//! noun it counts.
//!
//! In "sent around 14,000 troops to Russia, with more than 6,000 reported
//! killed" the word "killed" belongs to 6,000, not to 14,000: a mention's
//! clause runs from the previous clause break (or the previous mention) to
//! the next clause break (or the next mention). Topic, scope and
//! attribution all read the same clause, so they agree on what belongs to
//! a mention.

use crate::model::{Quantity, QuantityKind, Span};
use crate::rules::inflect;

/// The parts of a sentence that belong to one mention; spans are relative to
/// the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionClause {
    /// From the clause break (or previous mention) to the mention.
    pub left: Span,
    /// From the mention (after its noun phrase) to the clause break (or the
    /// next mention).
    pub right: Span,
    /// The counted noun phrase ("North Korean troops"), inside the mention
    /// or right after it.
    pub noun_phrase: Option<Span>,
    /// True when only "and", "or" or a comma separates this mention from
    /// the previous one ("1,000 engineers and 5,000 workers"): the two share
    /// what precedes the first.
    pub coordinated: bool,
    /// The whole stretch between the neighbouring mentions (or the sentence
    /// ends), across commas and quotation marks: the words that describe
    /// this mention's situation, for context similarity.
    pub stretch: Span,
}

impl MentionClause {
    /// Everything the clause covers, mention included.
    pub fn whole(&self) -> Span {
        Span::new(self.left.start, self.right.end.max(self.left.end))
    }
}

/// Words that end a counted noun phrase and never head one.
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "are", "as", "at", "be", "been", "before", "being", "both", "but",
    "by", "could", "did", "do", "during", "each", "for", "from", "had", "has", "have", "he", "her", "his", "in", "including",
    "into", "is", "it", "its", "last", "less", "may", "might", "more", "most", "near", "no", "not", "of", "on", "only", "or",
    "other", "over", "per", "remain", "remained", "remains", "reportedly", "she", "should", "since", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "under", "until", "up", "was", "we",
    "were", "when", "where", "which", "while", "who", "whom", "will", "with", "would", "off", "out", "away", "ago", "back",
    "later", "earlier", "long", "old", "now", "so", "too", "just", "again", "yet", "still", "ever", "already", "apiece",
    "next", "yesterday", "today", "tonight", "overnight", "tomorrow", "annually", "daily", "weekly", "monthly", "yearly",
    "respectively", "alone", "overall", "altogether", "each", "every", "a", "an",
];

pub fn is_stopword(word: &str) -> bool {
    static SET: WordSet = WordSet::new(STOPWORDS);
    SET.contains(word)
}

/// A fixed list of lower-case ASCII words, looked up by binary search
/// without allocating: for the lists read once per word of a text.
pub struct WordSet {
    words: &'static [&'static str],
    sorted: std::sync::OnceLock<Vec<&'static str>>,
    /// The words of up to [`PACKED`] bytes as [`packed`] keys in a hash
    /// table: a probe then costs an integer hash and compare or two, not
    /// string compares.
    keys: std::sync::OnceLock<KeyTable>,
}

/// The longest word a [`packed`] key holds.
pub(crate) const PACKED: usize = 15;

/// A word of up to [`PACKED`] bytes as one integer: its bytes from the
/// top, its length in the low byte, so two words share a key only when
/// they are equal.
pub(crate) fn packed(word: &[u8]) -> Option<u128> {
    if word.len() > PACKED {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..word.len()].copy_from_slice(word);
    bytes[15] = word.len() as u8;
    Some(u128::from_be_bytes(bytes))
}

/// The [`packed`] key of `word` lower-cased, for an ASCII word of up to
/// [`PACKED`] bytes (the caller checks): built in place, byte by byte,
/// with no copy to lower-case first.
///
/// The key is built as two 64-bit halves: on x86-64 a shift of a `u128`
/// by a variable amount costs several instructions and a branch, a shift
/// of a `u64` one.
#[inline]
pub(crate) fn packed_lower(word: &[u8]) -> u128 {
    let n = word.len().min(PACKED);
    let (high, low) = if n <= 8 { (top_bytes(&word[..n]), 0) } else { (top_bytes(&word[..8]), top_bytes(&word[8..n])) };
    (u128::from(ascii_lower(high)) << 64) | u128::from(ascii_lower(low)) | n as u128
}

/// Eight bytes lower-cased at once, as `u8::to_ascii_lowercase` does
/// each: a byte gets 0x20 added when it is from 'A' to 'Z', which the two
/// sums below tell by their high bits (no sum carries into the next byte,
/// as each adds at most 0x3F to at most 0x7F).
#[inline]
fn ascii_lower(x: u64) -> u64 {
    const ONES: u64 = u64::MAX / 0xFF;
    let low7 = x & (ONES * 0x7F);
    let from_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & !x & (ONES * 0x80);
    x | (upper >> 2)
}

/// The bytes of `word` (at most 8) from the top of an integer, the rest
/// zero: two loads of the largest power of two that fits, one from each
/// end (they overlap on the same bytes), instead of a copy byte by byte
/// through memory. The load from the end moves up by `64 - 8n` bits,
/// whatever its width, to put its last byte at place `n - 1`.
#[inline]
fn top_bytes(word: &[u8]) -> u64 {
    let n = word.len();
    let (head, tail) = match n {
        0 => return 0,
        1 => (u64::from(word[0]), u64::from(word[0])),
        2..=3 => (u64::from(u16::from_be_bytes([word[0], word[1]])), u64::from(u16::from_be_bytes([word[n - 2], word[n - 1]]))),
        4..=7 => (
            u64::from(u32::from_be_bytes([word[0], word[1], word[2], word[3]])),
            u64::from(u32::from_be_bytes([word[n - 4], word[n - 3], word[n - 2], word[n - 1]])),
        ),
        _ => return u64::from_be_bytes([word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7]]),
    };
    let width = match n {
        1 => 1,
        2..=3 => 2,
        _ => 4,
    };
    (head << (64 - 8 * width)) | (tail << (64 - 8 * n))
}

/// [`packed_lower`] as first written, byte by byte: its specification.
#[cfg(test)]
fn packed_lower_by_bytes(word: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    for (to, from) in bytes.iter_mut().zip(word.iter().take(PACKED)) {
        *to = from.to_ascii_lowercase();
    }
    bytes[15] = word.len().min(PACKED) as u8;
    u128::from_be_bytes(bytes)
}

impl WordSet {
    /// True when the ASCII word `word` (any case) is in the set: the fast
    /// path of [`WordSet::contains`], for callers holding bytes.
    pub fn contains_ascii(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > PACKED || !word.is_ascii() {
            return std::str::from_utf8(word).is_ok_and(|w| self.contains(w));
        }
        self.contains_packable(word)
    }

    /// [`WordSet::contains`] of a non-empty ASCII word of at most
    /// [`PACKED`] bytes. Most words of prose share no listed word's length
    /// and first letter, and are answered before their key is built.
    fn contains_packable(&self, word: &[u8]) -> bool {
        let keys = self.keys();
        keys.may_hold(word.len(), word[0].to_ascii_lowercase()) && keys.contains(packed_lower(word))
    }

    fn keys(&self) -> &KeyTable {
        self.keys.get_or_init(|| KeyTable::new(self.words.iter().filter_map(|w| packed(w.as_bytes()))))
    }

    /// The words of the set, as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }

    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, sorted: std::sync::OnceLock::new(), keys: std::sync::OnceLock::new() }
    }

    /// True when `word`, lower-cased, is in the set (as [`lower_in`]).
    pub fn contains(&self, word: &str) -> bool {
        if word.is_ascii() && !word.is_empty() && word.len() <= PACKED {
            return self.contains_packable(word.as_bytes());
        }
        let sorted = self.sorted.get_or_init(|| {
            let mut v = self.words.to_vec();
            v.sort_unstable_by(|a, b| by_length(a, b));
            v.dedup();
            v
        });
        // Sorted by length: an ASCII word (whose lower-case form is as long)
        // shorter or longer than every listed word needs no search.
        let (shortest, longest) = (sorted.first().map_or(0, |w| w.len()), sorted.last().map_or(0, |w| w.len()));
        if word.is_ascii() && (word.len() < shortest || word.len() > longest) {
            return false;
        }
        let mut buffer = [0u8; 24];
        if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            sorted.binary_search_by(|w| by_length(w, lower)).is_ok()
        } else {
            let lower = word.to_lowercase();
            sorted.binary_search_by(|w| by_length(w, &lower)).is_ok()
        }
    }
}

/// An open-addressing hash map from [`packed`] keys of non-empty words to
/// a small value (a key holds its word's length, so only the empty word's
/// key is 0, which marks a free slot). With `()` values it is a set.
pub struct KeyTable<V = ()> {
    slots: Vec<u128>,
    values: Vec<V>,
    shift: u32,
    /// For each length in a key's low byte (its low four bits), a bit for
    /// the low five bits of each first byte of that length in the table:
    /// most probes of prose are words no key starts like, and this tells
    /// them apart by two loads and a test, before any hashing.
    firsts: [u32; 16],
}

/// The [`KeyTable::firsts`] row and bit of a key: its low four bits (a
/// [`packed`] key's length) and the low five bits of its top byte (the
/// word's first byte; 'a' to 'z' each have their own).
fn first_byte_bit(key: u128) -> (usize, u32) {
    ((key as usize) & 15, 1u32 << ((key >> 120) as u32 & 31))
}

impl KeyTable<()> {
    pub fn new(keys: impl Iterator<Item = u128>) -> KeyTable {
        KeyTable::with_values(keys.map(|k| (k, ())))
    }

    /// True when `key` is in the table; 0 (the empty word) never is.
    pub fn contains(&self, key: u128) -> bool {
        self.get(key).is_some()
    }
}

impl<V> KeyTable<V> {
    /// False when no key has the length and first byte of a word of `len`
    /// bytes starting with `first` (both as in its [`packed`] key): the
    /// word is then not in the table, and needs no key built or hashed.
    /// Worth it for short lists, whose rows have few bits set.
    fn may_hold(&self, len: usize, first: u8) -> bool {
        self.firsts[len & 15] & (1u32 << (first & 31)) != 0
    }
}

impl<V: Copy + Default> KeyTable<V> {
    /// The table of `entries`; of two entries with one key, the later
    /// value stands.
    pub fn with_values(entries: impl Iterator<Item = (u128, V)>) -> KeyTable<V> {
        let entries: Vec<(u128, V)> = entries.filter(|&(k, _)| k != 0).collect();
        // At most a quarter full: probes are short.
        let bits = (entries.len() * 4).next_power_of_two().trailing_zeros().max(4);
        let mut table = KeyTable { slots: vec![0; 1 << bits], values: vec![V::default(); 1 << bits], shift: 64 - bits, firsts: [0; 16] };
        for (key, value) in entries {
            let (row, bit) = first_byte_bit(key);
            table.firsts[row] |= bit;
            let mut i = table.slot(key);
            while table.slots[i] != 0 && table.slots[i] != key {
                i = (i + 1) & (table.slots.len() - 1);
            }
            table.slots[i] = key;
            table.values[i] = value;
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(17);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `key`; 0 (the empty word) is never in the table.
    pub fn get(&self, key: u128) -> Option<V> {
        if key == 0 {
            return None;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots[i] {
                0 => return None,
                k if k == key => return Some(self.values[i]),
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// Shorter first, then in byte order: most probes are told apart by
/// length alone.
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// `word` lower-cased, as `str::to_lowercase` gives it, copied only when
/// it has capitals or other letters than ASCII ones.
pub fn lowered(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// True when `text`, lower-cased by `str::to_lowercase`, starts with
/// `prefix` (lower-case ASCII letters and spaces, without "k" and not
/// ending in "i"). Only two other characters lower-case to something that
/// starts with an ASCII letter: the Kelvin sign (to "k") and the dotted
/// capital I (to "i" and a combining dot), so comparing bytes without case
/// is the same test, with no copy of `text`.
fn lower_starts_with(text: &str, prefix: &str) -> bool {
    text.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// True when `word`, lower-cased, is one of `list` (lower-case ASCII
/// words). An ASCII word is compared without allocating; any other is
/// lower-cased first, as a few non-ASCII letters lower-case to ASCII ones
/// (the Kelvin sign to "k").
pub fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    }
}

/// The clause of every mention; `mentions` are in sentence order with
/// sentence-relative spans.
pub fn clauses(sentence: &str, mentions: &[Quantity]) -> Vec<MentionClause> {
    // Each clause reads its own noun phrase's end and the one before's,
    // so one pass keeps the latter rather than a list of every end.
    let mut end_before = 0;
    mentions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let noun_phrase = noun_phrase(sentence, q);
            let end = noun_phrase.map_or(q.span.end, |n| n.end.max(q.span.end));
            let floor = if i == 0 { 0 } else { end_before.min(q.span.start) };
            let ceiling = mentions.get(i + 1).map_or(sentence.len(), |n| n.span.start.max(end));
            end_before = end;
            let left_start = left_break(sentence, floor, q.span.start);
            let right_end = right_break(sentence, end, ceiling);
            MentionClause {
                left: Span::new(left_start, q.span.start),
                right: Span::new(end, right_end),
                noun_phrase,
                coordinated: i > 0 && is_coordination(&sentence[floor..q.span.start]),
                stretch: Span::new(floor, ceiling),
            }
        })
        .collect()
}

/// [`clauses`] as first written, with a list of the noun phrases and of
/// their ends: the specification of its single pass.
#[cfg(test)]
fn clauses_by_lists(sentence: &str, mentions: &[Quantity]) -> Vec<MentionClause> {
    let noun_phrases: Vec<Option<Span>> = mentions.iter().map(|q| noun_phrase(sentence, q)).collect();
    let ends: Vec<usize> = mentions.iter().zip(&noun_phrases).map(|(q, np)| np.map_or(q.span.end, |n| n.end.max(q.span.end))).collect();
    (0..mentions.len())
        .map(|i| {
            let q = &mentions[i];
            let floor = if i == 0 { 0 } else { ends[i - 1].min(q.span.start) };
            let ceiling = mentions.get(i + 1).map_or(sentence.len(), |n| n.span.start.max(ends[i]));
            let left_start = left_break(sentence, floor, q.span.start);
            let right_end = right_break(sentence, ends[i], ceiling);
            MentionClause {
                left: Span::new(left_start, q.span.start),
                right: Span::new(ends[i], right_end),
                noun_phrase: noun_phrases[i],
                coordinated: i > 0 && is_coordination(&sentence[floor..q.span.start]),
                stretch: Span::new(floor, ceiling),
            }
        })
        .collect()
}

/// Characters that always end a clause.
#[cfg(test)]
fn is_hard_break(c: char) -> bool {
    matches!(c, ';' | ':' | '—' | '–' | '(' | ')' | '"' | '“' | '”' | '[' | ']')
}

/// The start of the clause that ends at `pos`: just after the last break
/// (a comma included) between `floor` and `pos`.
///
/// Read byte by byte from the end rather than char by char (see
/// [`break_at`]); [`left_break_by_chars`] is the specification.
fn left_break(sentence: &str, floor: usize, pos: usize) -> usize {
    let region = &sentence[floor..pos];
    let b = region.as_bytes();
    let mut i = b.len();
    while i > 0 {
        // Eight bytes at a time back over words and spaces, which hold no
        // break byte; a chunk that may hold one is read byte by byte.
        let from = i.saturating_sub(8);
        if !may_hold_break(&b[from..i]) {
            i = from;
            continue;
        }
        while i > from {
            i -= 1;
            if !BREAK_BYTE[usize::from(b[i])] {
                continue;
            }
            match break_at(b, i) {
                Some(Break::Hard(len)) => return floor + i + len,
                // The break is the space before the hyphen.
                Some(Break::SpacedDash) => return floor + i,
                Some(Break::Comma) if !reports_on(&region[i + 1..]) => return floor + i + 1,
                _ => {}
            }
        }
    }
    floor
}

/// False when none of `bytes` (eight, or fewer at a region's edge, then
/// always true) can be a [`BREAK_BYTE`]: each is ASCII outside `"` to `;`
/// and `[` to `]`, the ranges that hold every ASCII break byte. Told for
/// the eight at once by whole-word arithmetic on the low seven bits of
/// each byte, whose sums with the constants stay below 0x100, so no byte
/// carries into the next.
#[inline]
fn may_hold_break(bytes: &[u8]) -> bool {
    let Ok(chunk) = <[u8; 8]>::try_from(bytes) else { return true };
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(byte: u8) -> u64 {
        byte as u64 * 0x0101_0101_0101_0101
    }
    let x = u64::from_le_bytes(chunk);
    let low = x & !HIGH;
    // High bit of each byte set when its low seven bits lie in lo..=hi.
    let within = |lo: u8, hi: u8| (low + splat(0x80 - lo)) & !(low + splat(0x7F - hi)) & HIGH;
    (x & HIGH) | within(b'"', b';') | within(b'[', b']') != 0
}

/// [`left_break`] as first written, char by char.
#[cfg(test)]
fn left_break_by_chars(sentence: &str, floor: usize, pos: usize) -> usize {
    let region = &sentence[floor..pos];
    region
        .char_indices()
        .rev()
        .find(|&(i, c)| is_hard_break(c) || (c == ',' && !reports_on(&region[i + 1..])) || is_spaced_dash(region, i))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8())
}

/// What may end a clause at a byte of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// An [`is_hard_break`] character of this many bytes.
    Hard(usize),
    /// A comma: a break unless what follows carries the clause on.
    Comma,
    /// The hyphen of " - ", a dash: the break is the space before it.
    SpacedDash,
}

/// Bytes that may stand at a [`Break`]: the ASCII hard breaks, the comma,
/// the hyphen, and 0xE2, the first byte of the dashes and curly quotes.
/// Every other byte, continuation bytes included, is passed over with one
/// table look-up: in valid UTF-8 an ASCII byte is always a whole character
/// and 0xE2 always starts one, so reading bytes finds the same breaks as
/// reading chars.
static BREAK_BYTE: [bool; 256] = crate::ingest::ascii::byte_set(b";:()\"[],-\xE2");

/// The break at byte `i` of a region's bytes `b`, if any: the bytes at
/// `i` as [`is_hard_break`], a comma, or the hyphen of a spaced dash (" - "
/// wholly inside the region, as [`is_spaced_dash`] reads it).
fn break_at(b: &[u8], i: usize) -> Option<Break> {
    match b[i] {
        b';' | b':' | b'(' | b')' | b'"' | b'[' | b']' => Some(Break::Hard(1)),
        b',' => Some(Break::Comma),
        b'-' if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => Some(Break::SpacedDash),
        // '–' U+2013, '—' U+2014, '“' U+201C, '”' U+201D.
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94 | 0x9C | 0x9D)) => Some(Break::Hard(3)),
        _ => None,
    }
}

/// ", saying that ...", ", adding ...": the comma does not end the clause,
/// the participle carries on the reporting verb before it ("the chief
/// admitted losses during the raid, saying 7 officers were hurt").
fn reports_on(after_comma: &str) -> bool {
    let next = after_comma.split_whitespace().next().unwrap_or("");
    lower_in(next, &["saying", "stating", "adding", "noting", "confirming", "claiming", "telling", "acknowledging"])
}

/// The end of the clause that starts at `pos`: the first break before
/// `ceiling`. A comma ends it unless a relative clause follows (", who were
/// killed" still describes the counted people).
///
/// Read byte by byte (see [`break_at`]); [`right_break_by_chars`] is the
/// specification.
fn right_break(sentence: &str, pos: usize, ceiling: usize) -> usize {
    let region = &sentence[pos..ceiling];
    let b = region.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time, as in `left_break`.
        let to = (i + 8).min(b.len());
        if !may_hold_break(&b[i..to]) {
            i = to;
            continue;
        }
        while i < to {
            let at = i;
            i += 1;
            if !BREAK_BYTE[usize::from(b[at])] {
                continue;
            }
            match break_at(b, at) {
                Some(Break::Hard(_)) => return pos + at,
                // The break is the space before the hyphen, which is no
                // other break and was passed over.
                Some(Break::SpacedDash) => return pos + at - 1,
                Some(Break::Comma) if !continues_past_comma(&region[at + 1..]) => return pos + at,
                _ => {}
            }
        }
    }
    ceiling
}

/// ", who were killed", ", which ...", ", all of whom ...": what follows
/// the comma still describes the counted people.
fn continues_past_comma(after_comma: &str) -> bool {
    let rest = after_comma.trim_start();
    lower_starts_with(rest, "who ") || lower_starts_with(rest, "which ") || lower_starts_with(rest, "all of whom")
}

/// [`right_break`] as first written, char by char.
#[cfg(test)]
fn right_break_by_chars(sentence: &str, pos: usize, ceiling: usize) -> usize {
    let region = &sentence[pos..ceiling];
    for (i, c) in region.char_indices() {
        if is_hard_break(c) || is_spaced_dash(region, i) {
            return pos + i;
        }
        if c == ',' {
            let rest = region[i + 1..].trim_start();
            if !(lower_starts_with(rest, "who ") || lower_starts_with(rest, "which ") || lower_starts_with(rest, "all of whom")) {
                return pos + i;
            }
        }
    }
    ceiling
}

/// A hyphen used as a dash: " - ".
#[cfg(test)]
fn is_spaced_dash(text: &str, i: usize) -> bool {
    text[i..].starts_with(" - ")
}

fn is_coordination(between: &str) -> bool {
    let rest = between.trim().trim_matches(',').trim();
    rest.is_empty() || lower_in(rest, &["and", "or", "and another", "and some"])
}

/// A word and its span in the sentence.
pub fn words(text: &str, offset: usize) -> Vec<(Span, &str)> {
    word_iter(text, offset).collect()
}

/// [`words`] one at a time, for readers that stop after a few.
pub fn word_iter(text: &str, offset: usize) -> WordIter<'_> {
    WordIter { text, pos: 0, offset }
}

/// The words of a text: each starts at a letter or digit and runs on
/// through letters, digits, hyphens and apostrophes; trailing hyphens and
/// apostrophes are not part of it.
pub struct WordIter<'t> {
    text: &'t str,
    pos: usize,
    offset: usize,
}

impl<'t> Iterator for WordIter<'t> {
    type Item = (Span, &'t str);

    fn next(&mut self) -> Option<(Span, &'t str)> {
        self.next_with_run().map(|(span, word, _)| (span, word))
    }
}

impl<'t> WordIter<'t> {
    /// The next word, and where its run of word characters ends in the
    /// text (offset included): past any trailing hyphens and apostrophes
    /// trimmed from the word.
    pub fn next_with_run(&mut self) -> Option<(Span, &'t str, usize)> {
        self.next_with_letters().map(|(span, word, run_end, _)| (span, word, run_end))
    }

    /// [`Self::next_with_run`], and whether the word is ASCII letters
    /// alone, told by the same pass over its bytes.
    pub(crate) fn next_with_letters(&mut self) -> Option<(Span, &'t str, usize, bool)> {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = self.pos;
        let start = loop {
            // ASCII bytes are tested by their class in one table: the
            // same answers as the char tests below, without decoding.
            let c = *b.get(i)?;
            let class = BYTE_CLASS[usize::from(c)];
            if class & ALNUM != 0 {
                break i;
            }
            if class & NON_ASCII == 0 {
                i += 1;
                continue;
            }
            let (c, n) = char_at(text, i)?;
            if c.is_alphanumeric() {
                break i;
            }
            i += n;
        };
        i = start;
        // The classes of the run's ASCII bytes, and-ed: LETTER stays set
        // only when each is a letter (one AND a byte, no test).
        let mut classes = LETTER;
        let mut other_chars = false;
        while let Some(&c) = b.get(i) {
            let class = BYTE_CLASS[usize::from(c)];
            if class & (ALNUM | JOINER) != 0 {
                classes &= class;
                i += 1;
                continue;
            }
            if class & NON_ASCII == 0 {
                break;
            }
            let Some((c, n)) = char_at(text, i) else { break };
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            other_chars = true;
            i += n;
        }
        let letters = classes & LETTER != 0 && !other_chars;
        self.pos = i;
        // A run ending in a letter or digit has no trailing mark to trim
        // (the last byte of '’' is not ASCII).
        let run = &text[start..i];
        let word = if b[i - 1].is_ascii_alphanumeric() { run } else { run.trim_end_matches(['-', '\'', '’']) };
        // Only a word that trailing marks were trimmed from can be letters
        // alone when its run is not.
        let letters = letters || (word.len() < i - start && !word.is_empty() && word.bytes().all(|c| c.is_ascii_alphabetic()));
        Some((Span::new(self.offset + start, self.offset + start + word.len()), word, self.offset + i, letters))
    }
}

/// Byte classes for [`WordIter`] and the sentence view's word reader: an
/// ASCII letter or digit, an ASCII letter, a hyphen or apostrophe, a byte
/// of a non-ASCII character. One load tells what three range tests would.
pub(crate) const ALNUM: u8 = 1;
pub(crate) const LETTER: u8 = 2;
pub(crate) const JOINER: u8 = 4;
pub(crate) const NON_ASCII: u8 = 8;

pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        table[c] = if b.is_ascii_alphabetic() {
            ALNUM | LETTER
        } else if b.is_ascii_digit() {
            ALNUM
        } else if b == b'-' || b == b'\'' {
            JOINER
        } else if !b.is_ascii() {
            NON_ASCII
        } else {
            0
        };
        c += 1;
    }
    table
};

/// The character at byte `i` (a char boundary) and its length; ASCII
/// without decoding.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// How many [`words`] `text` holds, counting no further than `limit + 1`:
/// enough to tell whether it holds more than `limit`, without reading a
/// long text to its end.
///
/// ASCII bytes are told by their class in [`BYTE_CLASS`], as
/// [`WordIter`] does; only other characters are decoded.
/// [`count_words_up_to_by_chars`] is the specification.
pub fn count_words_up_to(text: &str, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < b.len() {
        let class = BYTE_CLASS[usize::from(b[i])];
        let (alnum, joiner, len) = if class & NON_ASCII == 0 {
            (class & ALNUM != 0, class & JOINER != 0, 1)
        } else {
            let Some((c, n)) = char_at(text, i) else { break };
            (c.is_alphanumeric(), c == '’', n)
        };
        let part_of_word = alnum || (joiner && in_word);
        if part_of_word && !in_word {
            count += 1;
            if count > limit {
                break;
            }
        }
        in_word = part_of_word;
        i += len;
    }
    count
}

/// [`count_words_up_to`] as first written, char by char.
#[cfg(test)]
fn count_words_up_to_by_chars(text: &str, limit: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        // The same test as in `words`.
        let part_of_word = c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '’') && in_word);
        if part_of_word && !in_word {
            count += 1;
            if count > limit {
                break;
            }
        }
        in_word = part_of_word;
    }
    count
}

/// The counted noun phrase of a mention: the extractor's noun when it gave
/// one, else the words right after the mention up to a stopword, a
/// punctuation mark or the first plural noun ("5,000 military construction
/// workers to help" gives "military construction workers").
pub fn noun_phrase(sentence: &str, q: &Quantity) -> Option<Span> {
    if let Some(noun) = q.noun.as_deref().filter(|n| !n.is_empty()) {
        let within = sentence.get(q.span.start..q.span.end).unwrap_or("");
        // The last place the noun stands, ASCII case aside (ASCII
        // lower-casing keeps byte offsets).
        let found = (0..=within.len().saturating_sub(noun.len()))
            .rev()
            .find(|&at| within.as_bytes().get(at..at + noun.len()).is_some_and(|w| w.eq_ignore_ascii_case(noun.as_bytes())));
        if let Some(pos) = found {
            return Some(Span::new(q.span.start + pos, q.span.start + pos + noun.len()));
        }
    }
    if !matches!(q.kind, QuantityKind::Count | QuantityKind::Duration) {
        return None;
    }
    following_noun_phrase(sentence, q.span.end)
}

fn following_noun_phrase(sentence: &str, from: usize) -> Option<Span> {
    let rest = sentence.get(from..)?;
    // "120-day mission": the unit glued by a hyphen belongs to the number.
    let skip = rest.len() - rest.trim_start_matches('-').len();
    let mut taken: Vec<(Span, &str)> = Vec::new();
    let mut last_end = from + skip;
    for (i, (span, word)) in word_iter(&rest[skip..], from + skip).enumerate() {
        let gap = &sentence[last_end..span.start];
        if !gap.trim().is_empty() || taken.len() >= 5 {
            break;
        }
        let lower = lowered(word);
        // "hundreds of troops", "dozens of villagers".
        if i == 0 && lower == "of" {
            last_end = span.end;
            continue;
        }
        if is_stopword(word) || word.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        if !taken.is_empty() && is_participle(&lower) && !is_participle(&lowered(taken[taken.len() - 1].1)) {
            break;
        }
        taken.push((span, word));
        last_end = span.end;
        if inflect::looks_plural(word) && word.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
    }
    // "nine killed in action": a trailing participle is a verb, not a noun.
    while taken.last().is_some_and(|(_, w)| is_participle(&lowered(w))) {
        taken.pop();
    }
    Some(Span::new(taken.first()?.0.start, taken.last()?.0.end))
}

/// Words that read as verb forms rather than nouns ("killed", "returning",
/// "fallen").
pub fn is_participle(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ed")) || (word.len() > 4 && word.ends_with("ing"))
        || matches!(word, "fallen" | "dead" | "sent" | "lost" | "hurt" | "missing" | "believed")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-built count of `phrase` in `sentence`.
    fn mention(sentence: &str, phrase: &str, noun: Option<&str>) -> Quantity {
        crate::extract::testing::mention(sentence, phrase, QuantityKind::Count, noun)
    }

    #[test]
    fn word_counts_agree_with_words() {
        for text in ["", "  ", "the army's 5,000-strong force", "- 'quoted' word’s —  x-y", "a b c d e f g h"] {
            let all = words(text, 0).len();
            for limit in 0..10 {
                assert_eq!(count_words_up_to(text, limit), all.min(limit + 1), "{text:?} {limit}");
            }
        }
    }

    /// The tokenizer as first written, char by char: the reference for
    /// [`word_iter`].
    fn words_by_chars(text: &str, offset: usize) -> Vec<(Span, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let part_of_word = c.is_alphanumeric() || ((c == '-' || c == '\'' || c == '’') && start.is_some());
            match (part_of_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let word = text[s..i].trim_end_matches(['-', '\'', '’']);
                    out.push((Span::new(offset + s, offset + s + word.len()), word));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn breaks_read_by_bytes_are_breaks_read_by_chars() {
        let cases = [
            "", " - ", "a - b", "-a- -", " -", "- ", "x, who said, y", "x,who ", "x, Which way", "x, saying 5",
            "a; b: c (d) \"e\" [f] g — h – i “j” k ’l’ m…",
            "é, ALL OF WHOM - “x”",
            "the regional ministry announced, in a statement - that seventy people (at least) were hurt; others fled",
            "seventeen[brackets]hereabouts\"quoted\"colonialism;semicolons:colonnades-hyphenated, commas",
        ];
        for s in cases {
            check_breaks(s);
        }
    }

    #[test]
    fn the_chunk_test_misses_no_break_byte() {
        // Each byte value at each place of an otherwise plain chunk.
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = byte;
                let holds = chunk.iter().any(|&c| BREAK_BYTE[usize::from(c)]);
                assert!(!holds || may_hold_break(&chunk), "{byte:#x} at {at}");
            }
        }
        assert!(!may_hold_break(b"words go"));
        assert!(!may_hold_break(b"ABCZ az@"));
        assert!(may_hold_break(b"short"));
    }

    /// Every region of `s` between character boundaries gets the same
    /// breaks both ways.
    fn check_breaks(s: &str) {
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                assert_eq!(left_break(s, a, b), left_break_by_chars(s, a, b), "left {a}..{b} of {s:?}");
                assert_eq!(right_break(s, a, b), right_break_by_chars(s, a, b), "right {a}..{b} of {s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn word_counts_by_bytes_are_by_chars(text in "[a-zA-Z0-9 ,.'’\\-éÉß\u{212A}\u{a0}“—_]{0,30}", limit in 0usize..8) {
            proptest::prop_assert_eq!(count_words_up_to(&text, limit), count_words_up_to_by_chars(&text, limit));
        }

        #[test]
        fn breaks_by_bytes_on_random_text(text in "([a-z ,;:()\"\\[\\]-]|—|–|“|”|’|é|…|\u{2012}| - |, who |, which |, saying ){0,12}") {
            check_breaks(&text);
        }

        #[test]
        fn packed_keys_lower_case_every_byte(word in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..20)) {
            proptest::prop_assert_eq!(packed_lower(&word), packed_lower_by_bytes(&word));
        }

        #[test]
        fn words_are_the_char_by_char_words(text in "[a-zA-Z0-9 ,.'’\\-éÉß\u{212A}\u{a0}“—_]{0,30}", offset in 0usize..100) {
            proptest::prop_assert_eq!(words(&text, offset), words_by_chars(&text, offset));
        }

        #[test]
        fn scanner_tells_words_of_letters_alone(text in "[a-zA-Z0-9 ,.'’\\-éÉß\u{212A}\u{a0}“—_]{0,30}") {
            let mut iter = word_iter(&text, 0);
            while let Some((_, word, _, letters)) = iter.next_with_letters() {
                let expected = !word.is_empty() && word.bytes().all(|c| c.is_ascii_alphabetic());
                proptest::prop_assert_eq!(letters, expected, "{:?} in {:?}", word, text);
            }
        }

        #[test]
        fn listed_words_in_any_case_are_found(i in 0usize..1000, case in proptest::prelude::any::<u32>(), tail in "|s|-|x") {
            static SET: WordSet = WordSet::new(STOPWORDS);
            let word: String = STOPWORDS[i % STOPWORDS.len()].chars().enumerate()
                .map(|(k, c)| if case >> (k % 32) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                .chain(tail.chars())
                .collect();
            proptest::prop_assert_eq!(SET.contains(&word), lower_in(&word, STOPWORDS), "{}", word);
        }

        #[test]
        fn first_byte_test_agrees_with_the_hash_table(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..17), i in 0usize..1000) {
            let table = KeyTable::new(STOPWORDS.iter().filter_map(|w| packed(w.as_bytes())));
            let listed = packed(STOPWORDS[i % STOPWORDS.len()].as_bytes()).unwrap_or(0);
            for key in [packed_lower(&bytes), packed(&bytes).unwrap_or(0), listed, listed ^ 1, listed ^ (1 << 121)] {
                // A key in the table always passes the first-byte test.
                let (len, first) = ((key as usize) & 15, (key >> 120) as u8);
                proptest::prop_assert!(table.may_hold(len, first) || !table.contains(key), "{:x}", key);
            }
        }

        #[test]
        fn word_sets_are_lower_in(word in "[a-zA-Z\u{212A}ſ'-]{0,18}") {
            static SET: WordSet = WordSet::new(STOPWORDS);
            proptest::prop_assert_eq!(SET.contains(&word), lower_in(&word, STOPWORDS));
        }
    }

    #[test]
    fn only_two_other_characters_lower_case_to_ascii_first() {
        let odd: Vec<char> = (0x80..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().next().is_some_and(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, ['\u{130}', '\u{212A}']);
        for (text, prefix) in [("Who said", "who "), ("WHICH was", "which "), ("All Of Whom", "all of whom"), ("wh\u{130}ch ", "which "), ("wh", "who ")] {
            assert_eq!(lower_starts_with(text, prefix), text.to_lowercase().starts_with(prefix), "{text}");
        }
    }

    #[test]
    fn first_byte_test_by_table() {
        let table = KeyTable::with_values(["said", "told", "a", "fifteen-letters", "7am"].iter().zip(1u8..).filter_map(|(w, v)| Some((packed(w.as_bytes())?, v))));
        for (word, expected) in [("said", Some(1)), ("SAID", Some(1)), ("sai", None), ("saidx", None), ("sold", None), ("told", Some(2)), ("A", Some(3)), ("b", None), ("", None), ("Fifteen-Letters", Some(4)), ("7AM", Some(5)), ("7pm", None), ("aaid", None)] {
            let key = packed_lower(word.as_bytes());
            assert_eq!(table.get(key), expected, "{word}");
            let passes = !word.is_empty() && table.may_hold(word.len(), word.as_bytes()[0].to_ascii_lowercase());
            assert!(passes || expected.is_none(), "{word}");
        }
    }

    #[test]
    fn word_sets_match_lower_in() {
        static SET: WordSet = WordSet::new(&["and", "the", "said", "the"]);
        for w in ["AND", "The", "said", "saidx", "", "th", "a-very-long-word-past-the-buffer", "S\u{212A}", "and\0", "fifteen-letters", "sixteen-letters!"] {
            assert_eq!(SET.contains(w), lower_in(w, &["and", "the", "said"]), "{w}");
        }
    }

    fn part(sentence: &str, span: Span) -> &str {
        &sentence[span.start..span.end]
    }

    proptest::proptest! {
        /// The single pass gives the clauses of the lists, whatever the
        /// figures (each one's own span, with or without a noun) and the
        /// words around them.
        #[test]
        fn one_pass_gives_the_clauses_of_the_lists(parts in proptest::collection::vec(proptest::sample::select(vec![
            "12", "3,000 troops", "40 people", "5", "the", "killed", "and", "or", ",", ";", " - ", "—", "“", "who", "saying", "workers",
            "of them", "military", "construction", "in", "é", "(", ")",
        ]), 0..16)) {
            let sentence = parts.join(" ");
            let mut found = Vec::new();
            let mut at = 0;
            for part in &parts {
                if part.starts_with(|c: char| c.is_ascii_digit()) {
                    let noun = part.split_once(' ').map(|(_, n)| n);
                    let mut q = crate::extract::testing::mention(part, part, QuantityKind::Count, noun);
                    q.span = Span::new(at, at + part.len());
                    found.push(q);
                }
                at += part.len() + 1;
            }
            proptest::prop_assert_eq!(clauses(&sentence, &found), clauses_by_lists(&sentence, &found));
        }
    }

    #[test]
    fn a_clause_stops_at_the_next_mention_and_at_breaks() {
        let s = "They sent around 4,000 troops to the front last year, with more than 900 reported killed — figures nobody confirmed.";
        let m = [mention(s, "around 4,000 troops", Some("troops")), mention(s, "more than 900", None)];
        let c = clauses(s, &m);
        assert_eq!(part(s, c[0].right), " to the front last year");
        assert_eq!(part(s, c[1].left), " with ");
        assert_eq!(part(s, c[1].right), " reported killed ");
        assert_eq!(c[1].noun_phrase, None);
    }

    #[test]
    fn noun_phrases_without_the_extractor_noun() {
        let cases = [
            ("They agreed to send 800 combat engineers and 2,000 military construction workers to help.", "2,000", Some("military construction workers")),
            ("Photos showed 5 in wheelchairs.", "5", None),
            ("Honouring 9 killed in action.", "9", None),
            ("At least hundreds of Northern troops are believed dead.", "hundreds", Some("Northern troops")),
            ("The 9 fallen soldiers were honoured.", "9", Some("fallen soldiers")),
            ("It was a 120-day mission ordered by the party.", "120", Some("day mission")),
        ];
        for (s, phrase, expected) in cases {
            let q = mention(s, phrase, None);
            assert_eq!(noun_phrase(s, &q).map(|n| part(s, n)), expected, "{s}");
        }
    }

    #[test]
    fn a_reporting_participle_continues_the_clause() {
        let s = "The chief admitted losses during the raid, saying 7 officers were hurt.";
        let c = clauses(s, &[mention(s, "7", None)]);
        assert_eq!(part(s, c[0].left), "The chief admitted losses during the raid, saying ");
    }

    #[test]
    fn coordinated_mentions_are_marked() {
        let s = "They will send 800 engineers and 2,000 workers.";
        let m = [mention(s, "800 engineers", Some("engineers")), mention(s, "2,000 workers", Some("workers"))];
        let c = clauses(s, &m);
        assert!(c[1].coordinated);
        assert_eq!(part(s, c[0].left), "They will send ");
    }
}

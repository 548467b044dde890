//! One trie over every signal, noun, veto and scope-hint form of every
//! rule, built once per rule set. A sentence is read once, whatever the
//! number of rules, and each whole-word hit says which rule and which list
//! it came from.
//!
//! A whole-word hit starts where the character before is not a letter or
//! digit, so the trie is walked only from those places (word starts and
//! the gaps between words), not from every byte as a general multi-pattern
//! automaton would. Even so, most words open no form, and a walk costs a
//! step per byte: a word is first read as a run of ASCII letters and
//! digits, eight bytes at a time, and a table of the forms' own opening
//! runs says whether any form can start there, and where in the trie the
//! walk goes on from (see [`Runs`]). The walk compares the text's bytes
//! with their ASCII letters lower-cased, so nothing is copied. The tests
//! keep the obvious form (an Aho-Corasick overlapping search over the
//! lower-cased text, every match filtered for whole words) as the
//! specification and check that both agree.

use crate::model::Span;
use std::collections::HashMap;

/// Which list of a rule a form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalKind {
    /// An event word ("killed", "evacuated").
    Word,
    /// An event word that counts only after the number ("missing").
    WordAfter,
    /// A counted noun ("soldiers").
    Noun,
    /// A word that rules the topic out.
    Veto,
    /// A frame noun that narrows the scope ("mission").
    Hint,
}

/// One whole-word occurrence of a rule form in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the rule in [`crate::rules::RuleSet::rules`].
    pub rule: usize,
    pub kind: SignalKind,
    /// Byte span in the scanned text.
    pub span: Span,
    /// Index of the lemma, for [`Matcher::lemma`].
    pub lemma: usize,
}

/// A form to compile: which rule, which list, which lemma it expands.
#[derive(Clone, Copy)]
pub struct Entry<'a> {
    pub rule: usize,
    pub kind: SignalKind,
    pub form: &'a str,
    pub lemma: &'a str,
}

/// The compiled trie and what each form stands for.
#[derive(Debug, Clone)]
pub struct Matcher {
    trie: Trie,
    runs: Runs,
    /// Whether every form opens with an ASCII letter or digit: then no
    /// hit starts elsewhere than at a run of them, and a reader that knows
    /// where a text's words are may ask only there
    /// ([`Matcher::hits_in_words`]).
    opens_at_runs: bool,
    /// For each pattern id, every (rule, kind, lemma) it belongs to: one
    /// form may be listed by several rules. Sorted by rule (stably), the
    /// order in which [`Matcher::hits`] reports them.
    owners: Vec<Vec<(usize, SignalKind, usize)>>,
    lemmas: Vec<String>,
}

impl Matcher {
    /// Compiles every entry; duplicate forms share one pattern.
    pub fn new<'a>(entries: impl IntoIterator<Item = Entry<'a>>) -> Matcher {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut owners: Vec<Vec<(usize, SignalKind, usize)>> = Vec::new();
        let mut lemmas: Vec<String> = Vec::new();
        let mut lemma_index: HashMap<String, usize> = HashMap::new();
        for e in entries {
            let form = e.form.to_lowercase();
            let lemma = *lemma_index.entry(e.lemma.to_string()).or_insert_with(|| {
                lemmas.push(e.lemma.to_string());
                lemmas.len() - 1
            });
            let id = *index.entry(form.clone()).or_insert_with(|| {
                patterns.push(form);
                owners.push(Vec::new());
                patterns.len() - 1
            });
            if !owners[id].contains(&(e.rule, e.kind, lemma)) {
                owners[id].push((e.rule, e.kind, lemma));
            }
        }
        for list in &mut owners {
            list.sort_by_key(|o| o.0);
        }
        let trie = Trie::new(&patterns);
        let runs = Runs::new(&trie, &patterns);
        let opens_at_runs = patterns.iter().all(|p| p.as_bytes().first().is_some_and(|&c| ASCII_ALNUM[usize::from(c)]));
        Matcher { trie, runs, opens_at_runs, owners, lemmas }
    }

    /// Every whole-word hit in `text`, ordered by position (start, then
    /// end, then rule).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        // Room for a sentence's usual hits at once, rather than growing
        // from four.
        let mut hits = Vec::with_capacity(16);
        if self.trie.is_empty() {
            return hits;
        }
        let b = text.as_bytes();
        // `i` is always a place where no letter or digit comes before:
        // after a try there, a word is skipped whole, with the character
        // that ends it.
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            if !ASCII_ALNUM[usize::from(c)] {
                i = self.hits_at_other(text, i, &mut hits);
                continue;
            }
            // A word: its run of ASCII letters and digits tells at once
            // whether any form can start here.
            let run = word_run(b, i);
            match self.runs.find(&run) {
                None => {}
                Some(Runs::FROM_ROOT) => self.walk(text, i, i, Trie::ROOT, &mut hits),
                Some(cell) => self.walk(text, i, run.end, cell, &mut hits),
            }
            i = match b.get(run.end) {
                None => run.end,
                Some(c) if c.is_ascii() => run.end + 1,
                Some(_) => past_word(text, run.end),
            };
        }
        hits
    }

    /// [`Matcher::hits`] of `text`, tried only at the words a reader has
    /// already found there, rather than reading every byte again.
    ///
    /// `words` must be, in order, stretches of `text` that hold every run
    /// of ASCII letters and digits, each with no letter or digit just
    /// before or after it, and `text` must have no letter or digit outside
    /// ASCII (a sentence view read byte by byte gives both). A hit starts
    /// where no letter or digit comes before; when every form opens with
    /// an ASCII letter or digit, that is the start of such a run, so the
    /// answer is the same. Other forms send the text to [`Matcher::hits`].
    /// A word of ASCII letters alone, most words, is ruled out by its
    /// length and first and last letters ([`Runs::may_open`]) without
    /// being read.
    pub fn hits_in_words(&self, text: &str, words: impl IntoIterator<Item = WordStretch>) -> Vec<Hit> {
        let mut hits = Vec::with_capacity(16);
        self.hits_in_words_into(text, words, &mut hits);
        hits
    }

    /// [`Matcher::hits_in_words`] written into `hits` (emptied first): a
    /// reader of many sentences keeps one list for all.
    pub fn hits_in_words_into(&self, text: &str, words: impl IntoIterator<Item = WordStretch>, hits: &mut Vec<Hit>) {
        hits.clear();
        if !self.opens_at_runs {
            hits.extend(self.hits(text));
            return;
        }
        if self.trie.is_empty() {
            return;
        }
        let b = text.as_bytes();
        for w in words {
            if w.letters {
                let (Some(&first), Some(&last)) = (b.get(w.start), b.get(w.end.wrapping_sub(1))) else { continue };
                if w.end > w.start && self.runs.may_open(w.end - w.start, first, last) {
                    let run = letters_run(b, w.start, w.end);
                    self.hits_after_run(text, w.start, &run, hits);
                }
                continue;
            }
            // Digits, hyphens or apostrophes: each run of letters and
            // digits in turn ("killed-in-action" has three).
            let mut i = w.start;
            while let Some(&c) = b.get(i).filter(|_| i < w.end) {
                i = if ASCII_ALNUM[usize::from(c)] { self.hits_at_run(text, i, hits) } else { i + 1 };
            }
        }
    }

    /// The hits starting at `i`, the start of a run of ASCII letters and
    /// digits, and where that run ends.
    #[inline(always)]
    fn hits_at_run(&self, text: &str, i: usize, hits: &mut Vec<Hit>) -> usize {
        let run = word_run(text.as_bytes(), i);
        self.hits_after_run(text, i, &run, hits);
        run.end
    }

    /// The hits starting at `i`, where `run` starts.
    #[inline(always)]
    fn hits_after_run(&self, text: &str, i: usize, run: &Run, hits: &mut Vec<Hit>) {
        match self.runs.find(run) {
            None => {}
            Some(Runs::FROM_ROOT) => self.walk(text, i, i, Trie::ROOT, hits),
            Some(cell) => self.walk(text, i, run.end, cell, hits),
        }
    }

    /// The hits at `i`, a character that is not an ASCII letter or digit
    /// (white space, punctuation, or a character outside ASCII), and where
    /// the next try stands.
    fn hits_at_other(&self, text: &str, i: usize, hits: &mut Vec<Hit>) -> usize {
        self.walk(text, i, i, Trie::ROOT, hits);
        let (alphanumeric, width) = class_at(text, i);
        if alphanumeric {
            past_word(text, i + width)
        } else {
            i + width
        }
    }

    /// The whole-word hits starting at byte `start`, shortest first, from
    /// `cell`, the trie's state once the bytes up to `at` are read.
    #[inline(never)]
    fn walk(&self, text: &str, start: usize, at: usize, mut cell: u32, hits: &mut Vec<Hit>) {
        let b = text.as_bytes();
        let mut end = at;
        loop {
            if Trie::completes(cell) && !starts_alphanumeric(text, end) {
                self.push_hits(Span::new(start, end), cell, hits);
            }
            let Some(&c) = b.get(end) else { return };
            cell = self.trie.step(Trie::row(cell), c);
            if cell == Trie::NONE {
                return;
            }
            end += 1;
        }
    }

    /// The hits of the form a walk completed over `span`, one per owner.
    /// Out of the walk's loop, which then keeps its state in registers.
    #[inline(never)]
    fn push_hits(&self, span: Span, cell: u32, hits: &mut Vec<Hit>) {
        let Some(owners) = self.trie.pattern(cell).and_then(|p| self.owners.get(p)) else { return };
        for &(rule, kind, lemma) in owners {
            hits.push(Hit { rule, kind, span, lemma });
        }
    }

    pub fn lemma(&self, index: usize) -> &str {
        self.lemmas.get(index).map_or("", String::as_str)
    }
}

// ---------------------------------------------------------------- words

/// A word as a reader of the text found it, for
/// [`Matcher::hits_in_words`]: `text[start..end]`, ASCII letters, digits
/// and the marks that join them, with no letter or digit just before or
/// after it; `letters` when it is ASCII letters alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordStretch {
    pub start: usize,
    pub end: usize,
    pub letters: bool,
}

/// A run of ASCII letters and digits opening a word (or a form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Where it ends (it starts where it was read).
    end: usize,
    len: usize,
    /// Its first eight bytes (fewer when shorter, the rest zero), as one
    /// word with the first byte lowest, ASCII letters lower-cased.
    head: u64,
}

/// The run of ASCII letters and digits that starts at `i` (with one).
/// This reads nearly every byte of every sentence, so it reads eight at a
/// time: the letters of a chunk are marked by whole-word arithmetic and
/// the first other byte found by counting zeros; only a run with a digit
/// or of more than eight bytes reads on.
#[inline(always)]
fn word_run(b: &[u8], i: usize) -> Run {
    let x = chunk_at(b, i);
    let stop = !ascii_letters(x) & HIGH;
    let mut end = i + (stop.trailing_zeros() / 8) as usize;
    // The bytes before the first that is not a letter (all eight when
    // every one is): below the lowest bit of `stop`, shifted to a byte's
    // edge.
    let mut mask = ((stop & stop.wrapping_neg()) >> 7).wrapping_sub(1);
    if stop == 0 || b.get(end).is_some_and(|&c| ASCII_ALNUM[usize::from(c)]) {
        end = ascii_word_end(b, end);
        mask = if end - i >= 8 { u64::MAX } else { (1 << (8 * (end - i))) - 1 };
    }
    // Setting bit 5 folds capitals onto lower case and leaves digits.
    Run { end, len: end - i, head: (x | splat(0x20)) & mask }
}

/// [`word_run`] at `start` of `b[start..end]`, known to be a whole run of
/// ASCII letters: its length is known, so only its head is read.
#[inline(always)]
fn letters_run(b: &[u8], start: usize, end: usize) -> Run {
    let len = end - start;
    let mask = if len >= 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 };
    Run { end, len, head: (chunk_at(b, start) | splat(0x20)) & mask }
}

/// From `i`, inside a word, to just past the character that ends it;
/// the word may hold letters outside ASCII.
fn past_word(text: &str, mut i: usize) -> usize {
    loop {
        i = ascii_word_end(text.as_bytes(), i);
        if i >= text.len() {
            return i;
        }
        let (alphanumeric, width) = class_at(text, i);
        i += width;
        if !alphanumeric {
            return i;
        }
    }
}

/// The first byte at or after `i` that is not an ASCII letter or digit.
#[inline(never)]
fn ascii_word_end(b: &[u8], mut i: usize) -> usize {
    loop {
        let stop = !ascii_letters(chunk_at(b, i)) & HIGH;
        i += (stop.trailing_zeros() / 8) as usize;
        match b.get(i) {
            Some(&c) if stop != 0 && ASCII_ALNUM[usize::from(c)] => i += 1,
            Some(_) if stop == 0 => {}
            _ => return i,
        }
    }
}

/// The eight bytes from `i` as one word (first byte lowest), zeros past
/// the end.
#[inline(always)]
fn chunk_at(b: &[u8], i: usize) -> u64 {
    match b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => tail_chunk(b, i),
    }
}

/// [`chunk_at`] within eight bytes of the end: apart, so that the usual
/// case stays one load.
#[inline(never)]
fn tail_chunk(b: &[u8], i: usize) -> u64 {
    let mut bytes = [0u8; 8];
    let rest = b.get(i..).unwrap_or_default();
    let n = rest.len().min(8);
    bytes[..n].copy_from_slice(&rest[..n]);
    u64::from_le_bytes(bytes)
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// `byte` in every byte of a word.
const fn splat(byte: u8) -> u64 {
    byte as u64 * 0x0101_0101_0101_0101
}

/// For each byte of `x`, its high bit set when it is an ASCII letter:
/// setting bit 5 folds capitals onto lower case, and no other byte onto a
/// lower-case letter. The sums of each byte's low seven bits with the
/// constants stay below 0x100, so no byte carries into the next; bytes of
/// 0x80 and above are never letters.
#[inline(always)]
fn ascii_letters(x: u64) -> u64 {
    let x = x | splat(0x20);
    let low = x & !HIGH;
    let at_least_a = low + splat(0x80 - b'a');
    let above_z = low + splat(0x7F - b'z');
    at_least_a & !above_z & !x & HIGH
}

/// `[0-9A-Za-z]` as a table.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 128 {
        table[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    table
};

/// Whether the character at byte `i` (a char boundary) is a letter or
/// digit, and its length.
#[inline]
fn class_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes().get(i) {
        Some(&c) if c.is_ascii() => (ASCII_ALNUM[usize::from(c)], 1),
        _ => class_of_char(text, i),
    }
}

/// [`class_at`] for a character outside ASCII, decoded.
#[inline(never)]
fn class_of_char(text: &str, i: usize) -> (bool, usize) {
    text.get(i..).and_then(|s| s.chars().next()).map_or((false, 1), |ch| (ch.is_alphanumeric(), ch.len_utf8()))
}

/// True when the character at byte `i` is a letter or digit ("died" in
/// "died." ends a word; in "diedx" it does not).
#[inline]
fn starts_alphanumeric(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&c) if c.is_ascii() => ASCII_ALNUM[usize::from(c)],
        Some(_) => class_of_char(text, i).0,
    }
}

// ----------------------------------------------------------------- runs

/// The opening runs of ASCII letters and digits of the forms that have
/// one, each with the trie's state once it is read.
///
/// A form matches where a word starts only if its opening run is the
/// word's, ASCII case aside: the byte after either run (if any) must
/// match the other's, and a letter or digit after the word's run would
/// glue the form to the rest of the word. So one look-up of the word's
/// run passes over the words that open no form, which are most, and
/// spares the rest the walk through their first letters. Runs of up to
/// eight bytes are known whole from [`Run::head`]; a longer one is only
/// a candidate, walked from the root.
#[derive(Debug, Clone)]
struct Runs {
    /// Open addressing by [`Runs::slot`]; a length of 0 marks a free slot.
    slots: Vec<RunSlot>,
    shift: u32,
    /// For each run length (15 for 15 and more) and the low five bits of
    /// a run's first byte, a bit for the low five bits of its last byte:
    /// a word whose length and first and last letters no run has together
    /// is told so by one load and a test, which rules out most words of
    /// prose. ('A' and 'a' share their low five bits, so the test holds
    /// whatever the case.)
    heads: Box<[[u32; 32]; 16]>,
}

#[derive(Debug, Clone, Copy, Default)]
struct RunSlot {
    head: u64,
    len: usize,
    /// The trie's cell after the run, or [`Runs::FROM_ROOT`].
    cell: u32,
}

impl Runs {
    /// The cell found for a run longer than eight bytes: walk from the root.
    const FROM_ROOT: u32 = u32::MAX;

    fn new(trie: &Trie, patterns: &[String]) -> Runs {
        let mut found: Vec<RunSlot> = Vec::new();
        let mut heads = Box::new([[0u32; 32]; 16]);
        for p in patterns {
            let bytes = p.as_bytes();
            if !bytes.first().is_some_and(|&c| ASCII_ALNUM[usize::from(c)]) {
                continue;
            }
            let run = word_run(bytes, 0);
            let cell = if run.len > 8 { Runs::FROM_ROOT } else { trie.cell_after(&bytes[..run.len]) };
            if !found.iter().any(|s| s.head == run.head && s.len == run.len) {
                found.push(RunSlot { head: run.head, len: run.len, cell });
            }
            // Every form's run, not only the first of a slot: runs longer
            // than eight bytes share one when their first eight do.
            heads[run.len.min(15)][usize::from(bytes[0] & 31)] |= 1 << (bytes[run.len - 1] & 31);
        }
        // At most a quarter full: look-ups nearly always end at the first slot.
        let bits = (found.len() * 4).next_power_of_two().trailing_zeros().max(4);
        let mut runs = Runs { slots: vec![RunSlot::default(); 1 << bits], shift: 64 - bits, heads };
        for slot in found {
            let mut i = runs.slot(slot.head);
            while runs.slots[i].len != 0 {
                i = (i + 1) & (runs.slots.len() - 1);
            }
            runs.slots[i] = slot;
        }
        runs
    }

    /// A run's slot, from its head alone: up to eight bytes the head
    /// holds the length too (no letter or digit is a zero byte), and
    /// longer runs with the same first eight bytes are few.
    #[inline(always)]
    fn slot(&self, head: u64) -> usize {
        (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// False when no form opens with a run of `len` bytes whose first is
    /// `first` and last is `last`, in any case.
    #[inline(always)]
    fn may_open(&self, len: usize, first: u8, last: u8) -> bool {
        self.heads[len.min(15)][usize::from(first & 31)] & (1 << (last & 31)) != 0
    }

    /// The cell to walk on from after `run`, if some form opens with it.
    #[inline(always)]
    fn find(&self, run: &Run) -> Option<u32> {
        let mut i = self.slot(run.head);
        loop {
            let slot = self.slots.get(i)?;
            if slot.len == 0 {
                return None;
            }
            if slot.head == run.head && slot.len == run.len {
                return Some(slot.cell);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

// ----------------------------------------------------------------- trie

/// A byte trie of the lower-cased forms, laid out as a dense table: one
/// row per node, one column per class of byte, so that each step of a
/// walk is two loads (the byte's class, then the cell) rather than a
/// hashed probe. The forms use few distinct bytes (letters, space,
/// hyphen), so the rows are short; every byte no form holds falls in
/// class 0, whose column leads nowhere, and an ASCII capital shares the
/// class of its lower-case letter, which is how the walk ignores ASCII
/// case without copying the text.
#[derive(Debug, Clone)]
struct Trie {
    /// The class of each byte of the text; 0 for bytes no form holds.
    class: Box<[u8; 256]>,
    /// log2 of the row length: a power of two above the class count, so
    /// that a row's start has its low bit free.
    shift: u32,
    /// `cells[row + class]`: the child's row (its node id shifted), plus
    /// one when the child completes a form, so that a step reads one
    /// cell and neither multiplies nor looks elsewhere; [`Trie::NONE`]
    /// for no child.
    cells: Vec<u32>,
    /// The pattern each node completes, `u32::MAX` for none.
    patterns: Vec<u32>,
}

impl Trie {
    /// The root's cell: row 0, completing nothing.
    const ROOT: u32 = 0;
    /// No child: the root is never one, so its cell marks a missing edge.
    const NONE: u32 = 0;

    fn new(patterns: &[String]) -> Trie {
        let mut class = Box::new([0u8; 256]);
        let mut classes = 1usize;
        // UTF-8 uses 243 byte values at most, so the classes fit a byte.
        for &c in patterns.iter().flat_map(|p| p.as_bytes()) {
            if class[usize::from(c)] == 0 {
                class[usize::from(c)] = classes as u8;
                classes += 1;
            }
        }
        // Forms are lower-cased: a text's capital walks as its letter.
        for upper in b'A'..=b'Z' {
            class[usize::from(upper)] = class[usize::from(upper.to_ascii_lowercase())];
        }
        let shift = (classes + 1).next_power_of_two().trailing_zeros();
        let mut trie = Trie { class, shift, cells: vec![Trie::NONE; 1 << shift], patterns: vec![u32::MAX] };
        for (id, p) in patterns.iter().enumerate() {
            let Some((&last, init)) = p.as_bytes().split_last() else { continue };
            let mut row = 0;
            for &c in init {
                row = trie.child_or_new(row, c, false);
            }
            let row = trie.child_or_new(row, last, true);
            let node = row >> trie.shift;
            trie.patterns[node] = id as u32;
        }
        trie
    }

    /// The row of the child of the node at `row` along `c`, made if
    /// missing; marked as completing a form when `completes`.
    fn child_or_new(&mut self, row: usize, c: u8, completes: bool) -> usize {
        let index = row | usize::from(self.class[usize::from(c)]);
        let cell = match self.cells[index] {
            Trie::NONE => {
                let child = (self.patterns.len() << self.shift) as u32;
                self.patterns.push(u32::MAX);
                self.cells.resize(self.cells.len() + (1 << self.shift), Trie::NONE);
                child
            }
            cell => cell,
        };
        self.cells[index] = cell | u32::from(completes);
        Trie::row(cell)
    }

    /// The cell reached from the root along `bytes`, [`Trie::NONE`] if
    /// none is.
    fn cell_after(&self, bytes: &[u8]) -> u32 {
        let mut cell = Trie::ROOT;
        for &c in bytes {
            cell = self.step(Trie::row(cell), c);
            if cell == Trie::NONE {
                break;
            }
        }
        cell
    }

    /// Whether no form was compiled (the root alone).
    fn is_empty(&self) -> bool {
        self.patterns.len() == 1
    }

    /// The cell of the child along byte `c` of the node at `row`, or
    /// [`Trie::NONE`].
    #[inline]
    fn step(&self, row: usize, c: u8) -> u32 {
        self.cells.get(row | usize::from(self.class[usize::from(c)])).copied().unwrap_or(Trie::NONE)
    }

    /// The row a cell leads to.
    #[inline]
    fn row(cell: u32) -> usize {
        (cell & !1) as usize
    }

    #[inline]
    fn completes(cell: u32) -> bool {
        cell & 1 != 0
    }

    /// The pattern the node a cell leads to completes.
    fn pattern(&self, cell: u32) -> Option<usize> {
        let p = *self.patterns.get(Trie::row(cell) >> self.shift)?;
        (p != u32::MAX).then_some(p as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};
    use proptest::prelude::*;

    fn entry(rule: usize, kind: SignalKind, form: &'static str) -> Entry<'static> {
        Entry { rule, kind, form, lemma: form }
    }

    #[test]
    fn finds_whole_words_of_every_rule_in_one_pass() {
        let m = Matcher::new([
            entry(0, SignalKind::Word, "died"),
            entry(0, SignalKind::Word, "killed in action"),
            entry(0, SignalKind::Word, "killed"),
            entry(1, SignalKind::Noun, "soldiers"),
        ]);
        let text = "He studied why nine Soldiers KILLED in action had died.";
        let found: Vec<(usize, &str)> = m.hits(text).iter().map(|h| (h.rule, &text[h.span.start..h.span.end])).collect();
        assert_eq!(found, vec![(1, "Soldiers"), (0, "KILLED"), (0, "KILLED in action"), (0, "died")]);
    }

    /// ASCII letters match whatever their case; other letters only as
    /// the (lower-cased) form writes them, as with ASCII case folding.
    #[test]
    fn matching_ignores_ascii_case_only() {
        let m = Matcher::new([entry(0, SignalKind::Word, "Évacué"), entry(1, SignalKind::Noun, "café owners"), entry(2, SignalKind::Veto, "u.s.")]);
        let cases: &[(&str, &[usize])] = &[
            ("Ils ont été évacué hier.", &[0]),
            ("Ils ont été ÉVACUÉ hier.", &[]),
            ("Ils ont été éVACUé hier.", &[0]),
            ("Twelve CAFé OWNERS protested.", &[1]),
            ("Twelve CAFÉ owners protested.", &[]),
            ("The U.S. sent 40.", &[2]),
            ("The U.S.A. sent 40.", &[]),
        ];
        for (text, rules) in cases {
            let got: Vec<usize> = m.hits(text).iter().map(|h| h.rule).collect();
            assert_eq!(&got, rules, "{text}");
        }
    }

    #[test]
    fn empty_matcher_finds_nothing() {
        assert!(Matcher::new([]).hits("anything").is_empty());
    }

    /// The specification: every match of every form in the text with its
    /// ASCII letters lower-cased (overlapping search), kept when no letter
    /// or digit is glued to it on either side, ordered by (start, end,
    /// rule), ties in the order the forms' owners were listed.
    fn hits_by_automaton<'a>(entries: &[Entry<'a>], text: &str) -> Vec<(usize, usize, usize, SignalKind, &'a str)> {
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, SignalKind, &str)>> = Vec::new();
        for e in entries {
            let form = e.form.to_lowercase();
            let id = patterns.iter().position(|p| *p == form).unwrap_or_else(|| {
                patterns.push(form);
                owners.push(Vec::new());
                patterns.len() - 1
            });
            if !owners[id].contains(&(e.rule, e.kind, e.lemma)) {
                owners[id].push((e.rule, e.kind, e.lemma));
            }
        }
        let Ok(ac) = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&patterns) else { return Vec::new() };
        let lower = text.to_ascii_lowercase();
        let whole = |s: usize, e: usize| {
            !text[..s].chars().next_back().is_some_and(char::is_alphanumeric) && !text[e..].chars().next().is_some_and(char::is_alphanumeric)
        };
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(lower.as_str()) {
            if whole(m.start(), m.end()) {
                out.extend(owners[m.pattern().as_usize()].iter().map(|&(rule, kind, lemma)| (m.start(), m.end(), rule, kind, lemma)));
            }
        }
        out.sort_by_key(|h| (h.0, h.1, h.2));
        out
    }

    fn compare(entries: &[Entry], text: &str) {
        let m = Matcher::new(entries.iter().copied());
        let got: Vec<_> = m.hits(text).iter().map(|h| (h.span.start, h.span.end, h.rule, h.kind, m.lemma(h.lemma))).collect();
        assert_eq!(got, hits_by_automaton(entries, text), "{text:?}");
    }

    /// The built-in rules' forms on sentences of our own.
    #[test]
    fn agrees_with_the_automaton_on_the_builtin_rules() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let entries: Vec<Entry> = rules.rules().iter().enumerate().flat_map(|(i, r)| crate::rules::entries(i, r)).collect();
        let texts = [
            "At least 40 people were killed and 12 injured when the storm hit, officials said.",
            "Some 3,000 TROOPS remain deployed; 200 soldiers are missing in action.",
            "The war-torn region lost $2 billion, or 5% of output, during the two-week ceasefire.",
            "Residents (about 2,000) were evacuated \u{2014} many were wounded, some died.",
            "\u{dc}ber 50 Menschen; \u{c9}VACU\u{c9}S; killed-in-action; killedx; xkilled; missing.",
            "Thousands fled; hundreds were hurt or injured; the dead included 3 children and 2 medics.",
            "",
            "   ",
            "a",
        ];
        for text in texts {
            compare(&entries, text);
        }
    }

    fn kind_of(k: u8) -> SignalKind {
        [SignalKind::Word, SignalKind::WordAfter, SignalKind::Noun, SignalKind::Veto, SignalKind::Hint][k as usize % 5]
    }

    /// The obvious reading of a word's run: ASCII letters and digits one
    /// by one, the first eight lower-cased into a little-endian word.
    fn run_by_bytes(b: &[u8], i: usize) -> Run {
        let len = b[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let mut head = [0u8; 8];
        for (h, c) in head.iter_mut().zip(&b[i..i + len]) {
            *h = c.to_ascii_lowercase();
        }
        Run { end: i + len, len, head: u64::from_le_bytes(head) }
    }

    #[test]
    fn word_runs_as_read_byte_by_byte() {
        let cases = [
            "a", "ab", "Troops", "KILLED,", "evacuated.", "12", "F16s", "x1y2z3w4v5", "abcdefgh", "abcdefghi jk",
            "Mc\u{e9}Donald", "z@", "A[b", "a`b", "ZZ{", "killedx—more", "abc\u{0}def", "seventeen-year-old",
        ];
        for text in cases {
            let b = text.as_bytes();
            for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphanumeric()) {
                let run = run_by_bytes(b, i);
                assert_eq!(word_run(b, i), run, "{text:?} at {i}");
                if b[i..run.end].iter().all(u8::is_ascii_alphabetic) {
                    assert_eq!(letters_run(b, i, run.end), run, "{text:?} at {i}");
                }
            }
        }
    }

    /// Every form's opening run passes the screen of runs, in either case:
    /// the screen only rules out words no form can open at.
    #[test]
    fn the_screen_of_runs_passes_every_form_s_run() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
        let entries: Vec<Entry> = rules.rules().iter().enumerate().flat_map(|(i, r)| crate::rules::entries(i, r)).collect();
        let m = Matcher::new(entries.iter().copied());
        for e in &entries {
            for form in [e.form.to_lowercase(), e.form.to_ascii_uppercase()] {
                let b = form.as_bytes();
                let len = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                if len > 0 {
                    assert!(m.runs.may_open(len, b[0], b[len - 1]), "{form}");
                }
            }
        }
        // And it rules out words of prose that open no form.
        for word in ["quickly", "Tuesday", "river"] {
            let b = word.as_bytes();
            assert!(!m.runs.may_open(b.len(), b[0], b[b.len() - 1]), "{word}");
        }
    }

    proptest! {
        /// Forms and texts from one small alphabet (letters in both cases,
        /// digits, spaces, punctuation, non-ASCII letters), so that forms
        /// overlap, nest and sit inside words often.
        #[test]
        fn agrees_with_the_automaton(
            forms in proptest::collection::vec((0usize..4, 0u8..5, "[aAbB1 .\\-éÉ]{1,4}"), 1..8),
            text in "[aAbB1 .\\-éÉx,]{0,40}",
        ) {
            let entries: Vec<Entry> = forms.iter().map(|(r, k, f)| Entry { rule: *r, kind: kind_of(*k), form: f, lemma: &f[..f.chars().next().map_or(0, char::len_utf8)] }).collect();
            compare(&entries, &text);
        }

        #[test]
        fn word_runs_agree_with_the_byte_reading(text in "[a-zA-Z0-9 ,.\\-@`\\[{\u{e9}\u{2014}]{1,40}") {
            let b = text.as_bytes();
            for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphanumeric()) {
                let run = run_by_bytes(b, i);
                prop_assert_eq!(word_run(b, i), run);
                if b[i..run.end].iter().all(u8::is_ascii_alphabetic) {
                    prop_assert_eq!(letters_run(b, i, run.end), run);
                }
            }
        }

        /// The built-in rules on text of words long and short, capitals,
        /// digits, punctuation and letters outside ASCII.
        #[test]
        fn agrees_with_the_automaton_on_the_builtin_rules_and_random_words(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("killed"), Just("Killed"), Just("in"), Just("action"), Just("the"), Just("dead"), Just("troops"),
                    Just("soldiers"), Just("people"), Just("missing"), Just("evacuated"), Just("death"), Just("toll"),
                    Just("police"), Just("officers"), Just("u.s."), Just("F-16s"), Just("2,000"), Just("\u{c9}vacu\u{e9}s"),
                    Just("counterattack"), Just("wounded—"), Just("x"), Just("—"), Just(","), Just("."),
                ],
                0..30,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("-"), Just(", ")], 30),
        ) {
            let rules = crate::rules::RuleSet::builtin().expect("built-in rules load");
            let entries: Vec<Entry> = rules.rules().iter().enumerate().flat_map(|(i, r)| crate::rules::entries(i, r)).collect();
            let text: String = words.iter().zip(&glue).flat_map(|(w, g)| [*w, *g]).collect();
            compare(&entries, &text);
        }
    }
}

//! One reading of a sentence's words, shared by the readers of each of its
//! mentions.
//!
//! Clause, topic and scope read stretches of the sentence around every
//! mention: its content words, the words before and after it, the time
//! phrases and plan markers in each part. Walking the words of each part
//! again for every reader and every mention made these readers most of the
//! cost of extraction. A [`SentenceView`] walks the sentence once: its
//! words with what the readers ask of each (stop word or content word,
//! preposition of a time frame), and the words where a time phrase, a plan
//! or a forecast may start. A reader then takes the slice for its part.
//!
//! The answers are exactly those of reading the part as a text of its own
//! ([`clause::word_iter`] on the part, a phrase's `find_iter` on the part):
//! only a word that the part's start or end cuts through reads differently,
//! and that one is read again from the part's own text.

use super::clause::{self, ALNUM, JOINER, LETTER};
use super::phrase::{Phrase, EXPECTED, PLANNED, TIME};
use super::scope::{GROUP_PREPOSITIONS, PLACE_PREPOSITIONS};
use super::word_regex::ascii_words;
use crate::model::{Span, Words};
use crate::rules::matcher::{Hit, WordStretch};
use crate::rules::RuleSet;

/// A word of the sentence: where it is, where its run of word characters
/// ends (its trailing hyphens and apostrophes included), and its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    run_end: usize,
    flags: u8,
    /// Whether the word is ASCII letters alone, read byte by byte
    /// ([`SentenceView::new_ascii`]): then it is a whole run of ASCII
    /// letters and digits, which the rule matcher needs to know.
    letters: bool,
}

/// A content word: kept in a claim's context.
pub const CONTENT: u8 = 1;
/// "during", "in", "since", "throughout", "after": may open a time frame
/// named by a rule's frame noun.
pub const FRAME_PREPOSITION: u8 = 2;

impl Word {
    fn view<'t>(&self, text: &'t str) -> ViewWord<'t> {
        ViewWord { span: Span::new(self.start, self.end), text: &text[self.start..self.end], flags: self.flags }
    }
}

/// A word as a reader gets it: its span in the sentence, its text and its
/// flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewWord<'t> {
    pub span: Span,
    pub text: &'t str,
    pub flags: u8,
}

impl ViewWord<'_> {
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// "of", "from": may open a phrase naming a group (see
/// [`super::scope`]'s group prepositions).
pub const GROUP_PREPOSITION: u8 = 64;
/// "in", "to", "at", ...: may open a phrase naming a place.
pub const PLACE_PREPOSITION: u8 = 128;

/// A stop word ([`clause::is_stopword`]).
pub const STOP: u8 = 4;
/// Where a [`TIME`], [`PLANNED`] or [`EXPECTED`] phrase may start.
const TIME_LEAD: u16 = 8;
const PLANNED_LEAD: u16 = 16;
const EXPECTED_LEAD: u16 = 32;
/// Any of the lead flags.
const LEADS: u16 = TIME_LEAD | PLANNED_LEAD | EXPECTED_LEAD;

/// The frame prepositions ([`FRAME_PREPOSITION`]).
const FRAME_PREPOSITIONS: &[&str] = &["during", "in", "since", "throughout", "after"];

/// Every word some flag depends on, by its [`clause::packed_lower`] key,
/// with its flags: one probe per word tells all a sentence's readers ask,
/// where testing each list in turn cost several.
///
/// With it, for each length up to [`clause::PACKED`], a bit for the low
/// five bits of each listed word's first byte of that length: most words
/// of prose that are in no list are told so by one load and a test, with
/// no key built or hashed. ('A' and 'a' share their low five bits, so the
/// test holds whatever the case.)
///
/// The same probe tells the verbs of saying ([`SAYS`], above the reader
/// flags' byte): attribution then reads only the words flagged, where it
/// tested every word of every sentence.
struct Lexicon(clause::KeyTable<u16>, [u32; 16]);

/// A verb of saying ([`attribution::SAYING`](super::attribution::SAYING)),
/// in the [`Lexicon`] alone: above the byte of reader flags.
const SAYS: u16 = 1 << 8;

impl Lexicon {
    fn get() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| {
            let lists: [(&[&str], u16); 8] = [
                (GROUP_PREPOSITIONS, GROUP_PREPOSITION.into()),
                (PLACE_PREPOSITIONS, PLACE_PREPOSITION.into()),
                (clause::STOPWORDS, STOP.into()),
                (FRAME_PREPOSITIONS, FRAME_PREPOSITION.into()),
                (TIME.lead_words().unwrap_or_default(), TIME_LEAD),
                (PLANNED.lead_words().unwrap_or_default(), PLANNED_LEAD),
                (EXPECTED.lead_words().unwrap_or_default(), EXPECTED_LEAD),
                (super::attribution::SAYING, SAYS),
            ];
            let mut entries: Vec<(u128, u16)> = Vec::new();
            let mut heads = [0u32; 16];
            for (words, flag) in lists {
                for w in words {
                    // Keyed as `packed_lower` keys it: at most `PACKED` bytes.
                    if let Some(&first) = w.as_bytes().first() {
                        heads[w.len().min(clause::PACKED)] |= 1 << (first & 31);
                    }
                    let key = clause::packed_lower(w.as_bytes());
                    match entries.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, flags)) => *flags |= flag,
                        None => entries.push((key, flag)),
                    }
                }
            }
            Lexicon(clause::KeyTable::with_values(entries.into_iter()), heads)
        })
    }

    /// False when no listed word is `len` bytes long (1 to
    /// [`clause::PACKED`]) and starts with `first` in any case.
    fn may_hold(&self, len: usize, first: u8) -> bool {
        self.1[len & 15] & (1 << (first & 31)) != 0
    }

    /// The flags of an ASCII word (any case) of 1 to [`clause::PACKED`]
    /// bytes.
    fn flags(&self, word: &[u8]) -> u16 {
        self.0.get(clause::packed_lower(word)).unwrap_or(0)
    }
}

/// The flags of one word, by one probe of the [`Lexicon`] for a short
/// ASCII word: the same answers as [`flags_of`].
fn quick_flags(lexicon: &Lexicon, word: &str) -> u8 {
    let listed = if word.is_ascii() && !word.is_empty() && word.len() <= clause::PACKED { lexicon.flags(word.as_bytes()) } else { 0 };
    reader_flags(word, listed)
}

/// The reader flags of `word` given its flags in the [`Lexicon`]
/// (`listed`, 0 for a word that is not ASCII or longer than a key holds,
/// as no listed word is).
fn reader_flags(word: &str, listed: u16) -> u8 {
    let listed = reader_byte(listed);
    let b = word.as_bytes();
    if !word.is_ascii() || b.is_empty() {
        return flags_of(word);
    }
    let mut flags = listed & (FRAME_PREPOSITION | GROUP_PREPOSITION | PLACE_PREPOSITION | STOP);
    if b.len() > 2 && listed & STOP == 0 && !b.iter().all(|c| c.is_ascii_digit() || *c == b',') {
        flags |= CONTENT;
    }
    flags
}

/// [`reader_flags`] of a non-empty word of ASCII letters alone, `len`
/// bytes long: never all digits.
fn letter_flags(len: usize, listed: u16) -> u8 {
    let listed = reader_byte(listed);
    let mut flags = listed & (FRAME_PREPOSITION | GROUP_PREPOSITION | PLACE_PREPOSITION | STOP);
    if len > 2 && listed & STOP == 0 {
        flags |= CONTENT;
    }
    flags
}

/// The reader flags among a word's [`Lexicon`] flags: its low byte
/// ([`SAYS`] stands above it).
#[inline]
fn reader_byte(listed: u16) -> u8 {
    (listed & 0xFF) as u8
}

/// True when a word's bytes end in "according", case aside (a word that
/// may end an "according to"): its length and last letter tell most words
/// apart first.
#[inline]
pub(super) fn ends_in_according(word: &[u8]) -> bool {
    const SUFFIX: &[u8] = b"according";
    word.len() >= SUFFIX.len() && word.last().is_some_and(|&c| c | 0x20 == b'g') && word[word.len() - SUFFIX.len()..].eq_ignore_ascii_case(SUFFIX)
}

/// The flags of one word: the specification of [`quick_flags`].
fn flags_of(word: &str) -> u8 {
    let mut flags = 0;
    if is_content(word) {
        flags |= CONTENT;
    }
    if clause::is_stopword(word) {
        flags |= STOP;
    }
    for (list, flag) in [(FRAME_PREPOSITIONS, FRAME_PREPOSITION), (GROUP_PREPOSITIONS, GROUP_PREPOSITION), (PLACE_PREPOSITIONS, PLACE_PREPOSITION)] {
        if clause::lower_in(word, list) {
            flags |= flag;
        }
    }
    flags
}

/// A word of three letters or more, not a stop word and not a number, once
/// lower-cased.
fn is_content(word: &str) -> bool {
    if word.is_ascii() {
        // Lower-casing ASCII changes neither length nor digits, so the
        // test needs no copy; its length in bytes is its length in chars.
        word.len() > 2 && !word.bytes().all(|b| b.is_ascii_digit() || b == b',') && !clause::is_stopword(word)
    } else {
        let lower = word.to_lowercase();
        lower.chars().count() > 2 && !clause::is_stopword(&lower) && !lower.chars().all(|c| c.is_ascii_digit() || c == ',')
    }
}

/// The lists a [`SentenceView`] fills, handed from one sentence's view to
/// the next ([`SentenceView::new_in`], [`SentenceView::into_lists`]): an
/// article's sentences are then read into lists allocated once, where
/// each view allocated and freed its own.
#[derive(Default)]
pub struct ViewLists {
    words: Vec<Word>,
    time: Vec<usize>,
    planned: Vec<usize>,
    expected: Vec<usize>,
    saying: Vec<usize>,
}

/// A sentence's words and phrase leads, read once.
pub struct SentenceView<'t> {
    text: &'t str,
    words: Vec<Word>,
    /// Whether the sentence passes [`ascii_words`]: then the phrase
    /// matchers run on its leads; otherwise each part is matched on its own.
    ascii: bool,
    /// Whether the sentence is ASCII throughout: then so is each word,
    /// and none needs testing on its own.
    plain_ascii: bool,
    /// Starts of the `\w` runs where a [`TIME`], [`PLANNED`] or
    /// [`EXPECTED`] phrase may start.
    time: Vec<usize>,
    planned: Vec<usize>,
    expected: Vec<usize>,
    /// The indices of the words that may be verbs of saying: each one the
    /// lexicon flags [`SAYS`], and any word it cannot key (not ASCII).
    /// A superset of the words [`attribution`](super::attribution) takes
    /// as verbs, which it confirms on each.
    saying: Vec<usize>,
    /// Whether some word ends in "according" ([`ends_in_according`]).
    according: bool,
    /// Whether the words were read byte by byte
    /// ([`SentenceView::new_ascii`]): every letter and digit of the text
    /// is ASCII and each word's stretch holds whole runs of them.
    by_bytes: bool,
}

impl<'t> SentenceView<'t> {
    pub fn new(text: &'t str) -> SentenceView<'t> {
        SentenceView::new_in(text, ViewLists::default())
    }

    /// [`SentenceView::new`], filling `lists` (emptied first) rather
    /// than lists of its own.
    pub fn new_in(text: &'t str, lists: ViewLists) -> SentenceView<'t> {
        let plain_ascii = text.is_ascii();
        if plain_ascii || (ascii_words(text) && text.chars().all(|c| c.is_ascii() || !c.is_alphanumeric())) {
            SentenceView::new_ascii(text, plain_ascii, lists)
        } else {
            SentenceView::new_any(text)
        }
    }

    /// The view's lists, for the next sentence's view.
    pub fn into_lists(self) -> ViewLists {
        let SentenceView { words, time, planned, expected, saying, .. } = self;
        ViewLists { words, time, planned, expected, saying }
    }

    /// [`SentenceView::new`] of any text, word by word through
    /// [`clause::word_iter`]: the specification of
    /// [`SentenceView::new_ascii`].
    fn new_any(text: &'t str) -> SentenceView<'t> {
        let lexicon = Lexicon::get();
        let mut words = Vec::with_capacity(text.len() / 5 + 1);
        let ascii = ascii_words(text);
        let (mut time, mut planned, mut expected) = (Vec::new(), Vec::new(), Vec::new());
        let bytes = text.as_bytes();
        let mut push_leads = |start: usize, flags: u16| {
            for (flag, leads) in [(TIME_LEAD, &mut time), (PLANNED_LEAD, &mut planned), (EXPECTED_LEAD, &mut expected)] {
                if flags & flag != 0 {
                    leads.push(start);
                }
            }
        };
        let (mut saying, mut according) = (Vec::new(), false);
        let mut iter = clause::word_iter(text, 0);
        // Most words are ASCII letters alone, which the scanner tells as it
        // reads them: that settles what `reader_flags` would ask of them
        // byte by byte.
        while let Some((span, word, run_end, letters)) = iter.next_with_letters() {
            let b = word.as_bytes();
            let short_ascii = (letters || word.is_ascii()) && !b.is_empty() && b.len() <= clause::PACKED;
            let listed = if short_ascii { lexicon.flags(b) } else { 0 };
            let flags = if letters { letter_flags(b.len(), listed) } else { reader_flags(word, listed) };
            // A word of other than ASCII may still lower-case to a verb
            // (an ASCII word too long for a key is none).
            if listed & SAYS != 0 || !(letters || word.is_ascii()) {
                saying.push(words.len());
            }
            according |= ends_in_according(b);
            // Told as a reading byte by byte tells it: a run of ASCII
            // letters alone, with no marks trailing.
            words.push(Word { start: span.start, end: span.end, run_end, flags, letters: letters && run_end == span.end });
            if !ascii {
                continue;
            }
            // The phrase leads are `\w` runs of letters alone (a run with
            // `_` or a digit leads nothing), each within the stretch of one
            // word and its trailing marks. A word of letters is its own run
            // and its probe tells; others ("mid-June", "army's") are split.
            if letters {
                if is_whole_run(bytes, span.start, span.end) {
                    push_leads(span.start, listed);
                }
                continue;
            }
            for (start, end) in word_runs(&bytes[span.start..run_end]) {
                let (start, end) = (span.start + start, span.start + end);
                // No lead is shorter than two letters or longer than ten.
                if (2..=10).contains(&(end - start)) && is_whole_run(bytes, start, end) {
                    push_leads(start, lexicon.flags(&bytes[start..end]));
                }
            }
        }
        SentenceView { text, words, ascii, plain_ascii: text.is_ascii(), time, planned, expected, saying, according, by_bytes: false }
    }

    /// [`SentenceView::new_any`] of a text whose letters and digits are all
    /// ASCII (most sentences: curly quotes and dashes are no letters), in
    /// one pass over its bytes: the words as [`clause::word_iter`] reads
    /// them, each one's lexicon key loaded at once, and the leads of its
    /// words of letters alone. Reading the words cost more than all the
    /// readers of a sentence together. Other characters break words, but
    /// for the curly apostrophe, which joins them as `'` does.
    /// `plain_ascii` tells whether the text is ASCII throughout.
    fn new_ascii(text: &'t str, plain_ascii: bool, lists: ViewLists) -> SentenceView<'t> {
        let lexicon = Lexicon::get();
        let bytes = text.as_bytes();
        let ViewLists { mut words, mut time, mut planned, mut expected, mut saying } = lists;
        words.clear();
        words.reserve(text.len() / 5 + 1);
        // Most sentences have a word that may open a time phrase or a
        // plan ("in", "on", "to", "was"): room for a few at once rather
        // than growing from none.
        for leads in [&mut time, &mut planned] {
            leads.clear();
            leads.reserve(4);
        }
        expected.clear();
        saying.clear();
        let mut view = SentenceView {
            text,
            words,
            ascii: true,
            plain_ascii,
            time,
            planned,
            expected,
            saying,
            according: false,
            by_bytes: true,
        };
        let mut i = 0;
        while i < bytes.len() {
            // A word starts at a letter or digit: hyphens and apostrophes
            // before it are not part of it.
            if run_class(bytes[i]) & ALNUM == 0 {
                i += 1;
                continue;
            }
            let start = i;
            // The classes of the run's bytes, and-ed: letters alone when
            // every one is a letter.
            let mut all = ALNUM | LETTER | JOINER;
            let mut curly = false;
            // Letters eight at a time while the text has eight bytes
            // left: most of a word's bytes are letters, and one test of
            // eight costs less than a table load for each.
            while let Some(eight) = bytes.get(i..i + 8).and_then(|b| <[u8; 8]>::try_from(b).ok()) {
                let n = leading_letters(u64::from_le_bytes(eight));
                if n > 0 {
                    all &= ALNUM | LETTER;
                }
                i += n;
                if n < 8 {
                    break;
                }
            }
            while let Some(&c) = bytes.get(i) {
                let class = run_class(c);
                if class == 0 {
                    // Only a byte 0xE2 can open a curly apostrophe: most
                    // runs end at a space, tested by this one compare.
                    if c == CURLY_APOSTROPHE[0] && bytes.get(i..i + 3) == Some(CURLY_APOSTROPHE) {
                        all = 0;
                        curly = true;
                        i += 3;
                        continue;
                    }
                    break;
                }
                all &= class;
                i += 1;
            }
            if all & LETTER != 0 {
                // Letters alone (most words): nothing to trim, no run to
                // split, and a lexicon probe only for a length and initial
                // some listed word has.
                view.push_letters(lexicon, start, i);
                continue;
            }
            view.push_other(lexicon, start, i, curly);
        }
        view
    }

    /// Records the word of ASCII letters `text[start..end]`, a whole run
    /// of [`new_ascii`](SentenceView::new_ascii), and its leads.
    fn push_letters(&mut self, lexicon: &Lexicon, start: usize, end: usize) {
        let bytes = self.text.as_bytes();
        let n = end - start;
        let listed = if n <= clause::PACKED && lexicon.may_hold(n, bytes[start]) { lexicon.0.get(run_key(bytes, start, n)).unwrap_or(0) } else { 0 };
        if listed & SAYS != 0 {
            self.saying.push(self.words.len());
        }
        // Only a word of nine letters or more may end in "according".
        if n >= 9 {
            self.according |= ends_in_according(&bytes[start..end]);
        }
        self.words.push(Word { start, end, run_end: end, flags: letter_flags(n, listed), letters: true });
        // A word of letters is its own `\w` run unless `_` touches it (the
        // bytes around a run are no letters or digits): only a word that
        // leads a phrase needs the test.
        if listed & LEADS != 0 && is_whole_run(bytes, start, end) {
            self.push_leads(start, listed);
        }
    }

    /// Records the word of the run `text[start..run_end]` that is not
    /// letters alone (digits, hyphens, apostrophes), and its leads.
    fn push_other(&mut self, lexicon: &Lexicon, start: usize, run_end: usize, curly: bool) {
        let (text, bytes) = (self.text, self.text.as_bytes());
        // Trailing hyphens and apostrophes are not part of the word
        // (which starts with a letter or digit, so never trims away).
        let mut end = run_end;
        loop {
            if matches!(bytes[end - 1], b'-' | b'\'') {
                end -= 1;
            } else if curly && end >= start + 4 && &bytes[end - 3..end] == CURLY_APOSTROPHE {
                end -= 3;
            } else {
                break;
            }
        }
        let word = &bytes[start..end];
        let n = word.len();
        // A word with an apostrophe of other than ASCII is in no list.
        let plain = !curly || word.is_ascii();
        let listed = if n > clause::PACKED || !plain { 0 } else { lexicon.0.get(run_key(bytes, start, n)).unwrap_or(0) };
        // Only a word that trailing marks were trimmed from can be
        // letters alone when its run is not.
        let letters = end < run_end && word.iter().all(u8::is_ascii_alphabetic);
        let flags = if letters { letter_flags(n, listed) } else { reader_flags(&text[start..end], listed) };
        // A word with a curly apostrophe is keyed by no probe: attribution
        // asks of it itself.
        if listed & SAYS != 0 || !plain {
            self.saying.push(self.words.len());
        }
        self.according |= ends_in_according(word);
        self.words.push(Word { start, end, run_end, flags, letters: false });
        if letters {
            if is_whole_run(bytes, start, end) {
                self.push_leads(start, listed);
            }
            return;
        }
        for (a, b) in word_runs(&bytes[start..run_end]) {
            let (a, b) = (start + a, start + b);
            // No lead is shorter than two letters or longer than ten.
            if (2..=10).contains(&(b - a)) && is_whole_run(bytes, a, b) {
                self.push_leads(a, lexicon.flags(&bytes[a..b]));
            }
        }
    }

    /// Records a word at `start` as a lead of each phrase its lexicon
    /// flags name.
    fn push_leads(&mut self, start: usize, flags: u16) {
        if flags & (TIME_LEAD | PLANNED_LEAD | EXPECTED_LEAD) == 0 {
            return;
        }
        for (flag, leads) in [(TIME_LEAD, &mut self.time), (PLANNED_LEAD, &mut self.planned), (EXPECTED_LEAD, &mut self.expected)] {
            if flags & flag != 0 {
                leads.push(start);
            }
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The rule set's hits in the sentence: [`RuleSet::hits`] of its
    /// text. The rule matcher tries only where a run of letters and digits
    /// starts; the words read here tell where those are, so a sentence
    /// whose words were read byte by byte is not read again for them.
    pub fn rule_hits(&self, rules: &RuleSet) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.rule_hits_into(rules, &mut hits);
        hits
    }

    /// [`SentenceView::rule_hits`] written into `hits` (emptied first): a
    /// reader of many sentences keeps one list for all.
    pub fn rule_hits_into(&self, rules: &RuleSet, hits: &mut Vec<Hit>) {
        match self.word_stretches() {
            Some(stretches) => rules.hits_in_words_into(self.text, stretches, hits),
            None => {
                hits.clear();
                hits.extend(rules.hits(self.text));
            }
        }
    }

    /// The words as the rule matcher takes them, when they were read byte
    /// by byte: each one a stretch of ASCII letters, digits, hyphens and
    /// apostrophes (its trailing marks included) with no letter or digit
    /// around it, as [`Matcher::hits_in_words`] asks. Words read through
    /// [`clause::word_iter`] give none: letters outside ASCII join them.
    ///
    /// [`Matcher::hits_in_words`]: crate::rules::matcher::Matcher::hits_in_words
    fn word_stretches(&self) -> Option<impl Iterator<Item = WordStretch> + '_> {
        self.by_bytes.then(|| self.words.iter().map(|w| WordStretch { start: w.start, end: w.run_end, letters: w.letters }))
    }

    /// The indices of the words that may be verbs of saying, in order: a
    /// superset of those that are, which the reader confirms on each.
    #[inline]
    pub fn saying_candidates(&self) -> &[usize] {
        &self.saying
    }

    /// Whether the sentence passes [`ascii_words`], told when it was read.
    #[inline]
    pub fn is_ascii_words(&self) -> bool {
        self.ascii
    }

    /// Whether some word of the sentence ends in "according", case aside.
    #[inline]
    pub fn has_according_word(&self) -> bool {
        self.according
    }

    /// How many words the whole sentence holds: [`SentenceView::words_in`]
    /// of the whole sentence, counted.
    #[inline]
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// The spans of [`SentenceView::words_in`] of the whole sentence, in
    /// order, without their texts.
    #[inline]
    pub fn word_spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.words.iter().map(|w| Span { start: w.start, end: w.end })
    }

    /// The `k`th word of [`SentenceView::words_in`] of the whole sentence,
    /// read in place for readers that go back and forth.
    #[inline]
    pub fn word(&self, k: usize) -> Option<ViewWord<'t>> {
        // Built here rather than by `Word::view`, so that it inlines into
        // its readers.
        self.words.get(k).map(|w| ViewWord { span: Span::new(w.start, w.end), text: &self.text[w.start..w.end], flags: w.flags })
    }

    /// The words of `span`, as [`clause::word_iter`] reads
    /// `&text[span.start..span.end]` (offset by `span.start`), with flags.
    pub fn words_in(&self, span: Span) -> impl DoubleEndedIterator<Item = ViewWord<'t>> + '_ {
        let (head, whole, tail) = self.parts(span);
        let text = self.text;
        let whole = whole.iter().map(move |w| w.view(text));
        head.into_iter().chain(whole).chain(tail)
    }

    /// The runs of three words of [`SentenceView::words_in`] whose first
    /// word has `flag`, in order: the windows a reader of three-word
    /// phrases would test, without building the ones it would skip.
    pub fn windows_led_by(&self, span: Span, flag: u8) -> impl Iterator<Item = [ViewWord<'t>; 3]> + '_ {
        let (head, whole, tail) = self.parts(span);
        let text = self.text;
        let h = usize::from(head.is_some());
        let len = h + whole.len() + usize::from(tail.is_some());
        let at = move |k: usize| -> Option<ViewWord<'t>> {
            if k < h {
                head
            } else if k - h < whole.len() {
                Some(whole[k - h].view(text))
            } else {
                tail
            }
        };
        let led_head = head.filter(|w| w.is(flag)).map(|_| 0);
        let led_whole = whole.iter().enumerate().filter(move |(_, w)| w.flags & flag != 0).map(move |(i, _)| i + h);
        led_head.into_iter().chain(led_whole).filter(move |&k| k + 2 < len).filter_map(move |k| Some([at(k)?, at(k + 1)?, at(k + 2)?]))
    }

    /// The words of `span` in three parts: the fragment of a run its start
    /// cuts into, the whole words within it, the fragment of a run its end
    /// cuts short.
    fn parts(&self, span: Span) -> (Option<ViewWord<'t>>, &[Word], Option<ViewWord<'t>>) {
        let (a, b) = (span.start, span.end);
        let i = self.words.partition_point(|w| w.start < a);
        // A run the span's start cuts into: read from the cut.
        let head = i.checked_sub(1).map(|k| self.words[k]).filter(|w| w.run_end > a).and_then(|w| self.fragment(a, w.run_end.min(b)));
        let j = i + self.words[i..].partition_point(|w| w.run_end <= b);
        // A run the span's end cuts short: read up to the cut.
        let tail = self.words.get(j).filter(|w| w.start < b).and_then(|w| self.fragment(w.start, b));
        (head, &self.words[i..j], tail)
    }

    /// The one word of `text[from..to]`, a stretch within one run, if any.
    fn fragment(&self, from: usize, to: usize) -> Option<ViewWord<'t>> {
        let (span, text) = clause::word_iter(self.text.get(from..to)?, from).next()?;
        Some(ViewWord { span, text, flags: quick_flags(Lexicon::get(), text) })
    }

    /// `phrase.find_iter(&text[span.start..span.end])`, offsets relative to
    /// `span.start`.
    pub fn matches(&self, phrase: &'static Phrase, span: Span) -> impl Iterator<Item = (usize, usize)> + '_ {
        match self.leads_of(phrase).filter(|_| self.ascii) {
            Some(leads) => Either::Leads(phrase.find_iter_among(self.text, span, leads)),
            None => Either::Plain(phrase.find_iter(&self.text[span.start..span.end])),
        }
    }

    /// The first of [`SentenceView::matches`] that `keep` accepts: the
    /// same answer, without the iterator that serves either way of
    /// matching (a reader that keeps one match asks for no more).
    pub fn find_match(&self, phrase: &'static Phrase, span: Span, mut keep: impl FnMut(usize, usize) -> bool) -> Option<(usize, usize)> {
        match self.leads_of(phrase).filter(|_| self.ascii) {
            Some(leads) => phrase.find_iter_among(self.text, span, leads).find(|&(start, end)| keep(start, end)),
            None => phrase.find_iter(&self.text[span.start..span.end]).find(|&(start, end)| keep(start, end)),
        }
    }

    /// The last of [`SentenceView::matches`], read as
    /// [`SentenceView::find_match`] reads the first.
    pub fn last_match(&self, phrase: &'static Phrase, span: Span) -> Option<(usize, usize)> {
        match self.leads_of(phrase).filter(|_| self.ascii) {
            Some(leads) => phrase.find_iter_among(self.text, span, leads).last(),
            None => phrase.find_iter(&self.text[span.start..span.end]).last(),
        }
    }

    /// The first of [`SentenceView::matches`] if it starts no later than
    /// `last` (relative to `span.start`), trying no start past `last`:
    /// for a reader that keeps only a match near the start of its part.
    pub fn first_match_until(&self, phrase: &'static Phrase, span: Span, last: usize) -> Option<(usize, usize)> {
        match self.leads_of(phrase).filter(|_| self.ascii) {
            Some(leads) => {
                // Candidates come in order of where they start (the span's
                // start, its leads, a run its end cuts short), so those
                // past `last` cannot come first.
                let until = leads.partition_point(|&p| p <= span.start + last);
                phrase.find_iter_among(self.text, span, &leads[..until]).next().filter(|&(start, _)| start <= last)
            }
            None => phrase.find_iter(&self.text[span.start..span.end]).next().filter(|&(start, _)| start <= last),
        }
    }

    /// The view's leads of `phrase`, if it keeps them.
    fn leads_of(&self, phrase: &'static Phrase) -> Option<&[usize]> {
        if std::ptr::eq(phrase, &TIME) {
            Some(&self.time)
        } else if std::ptr::eq(phrase, &PLANNED) {
            Some(&self.planned)
        } else if std::ptr::eq(phrase, &EXPECTED) {
            Some(&self.expected)
        } else {
            None
        }
    }

    /// The content words of `span`, lower-cased, as a claim's context.
    pub fn content_words(&self, span: Span) -> Words {
        // Room for about one content word in ten bytes.
        let mut out = Words::with_capacity(span.len() + span.len() / 10 + 1);
        // Each word as written (a word of other letters already
        // lower-cased), then the ASCII letters of all lower-cased in one
        // pass: `to_lowercase` leaves no ASCII capital, so the result is
        // each word's own lower-casing.
        let push = |out: &mut Words, text: &str| {
            if text.is_ascii() {
                out.push(text);
            } else {
                out.push(&text.to_lowercase());
            }
        };
        // The parts one by one rather than through `words_in`'s chain:
        // this runs for every mention over most of its sentence.
        let (head, whole, tail) = self.parts(span);
        for w in head.iter().filter(|w| w.is(CONTENT)) {
            push(&mut out, w.text);
        }
        if self.plain_ascii {
            // Every word ASCII: none to test or lower-case apart.
            for w in whole {
                if w.flags & CONTENT != 0 {
                    out.push(&self.text[w.start..w.end]);
                }
            }
        } else {
            for w in whole.iter().filter(|w| w.flags & CONTENT != 0) {
                push(&mut out, &self.text[w.start..w.end]);
            }
        }
        for w in tail.iter().filter(|w| w.is(CONTENT)) {
            push(&mut out, w.text);
        }
        out.make_ascii_lowercase();
        out
    }
}

/// The matches of a phrase in a part of a sentence, by one way or the
/// other.
enum Either<'t> {
    Leads(super::phrase::LeadMatches<'t>),
    Plain(super::phrase::Matches<'t>),
}

impl Iterator for Either<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        match self {
            Either::Leads(m) => m.next(),
            Either::Plain(m) => m.next(),
        }
    }
}

/// What a byte is to a word's run in ASCII text, as [`clause::word_iter`]
/// reads it: letters and digits ([`ALNUM`], letters also [`LETTER`]),
/// hyphens and apostrophes ([`JOINER`]); 0 for every other byte, bytes of
/// non-ASCII characters included.
fn run_class(byte: u8) -> u8 {
    clause::BYTE_CLASS[usize::from(byte)] & !clause::NON_ASCII
}

/// How many of the bytes of `eight` (read little-endian: its first byte
/// is the lowest) are ASCII letters before the first that is not: a
/// letter is a byte below 0x80 that is from 'a' to 'z' once its 0x20 bit
/// is set. No sum carries into the next byte, as each adds at most 0x1F
/// to at most 0x7F.
fn leading_letters(eight: u64) -> usize {
    const ONES: u64 = u64::MAX / 0xFF;
    let folded = (eight | (ONES * 0x20)) & (ONES * 0x7F);
    let from_a = folded + ONES * (0x80 - u64::from(b'a'));
    let past_z = folded + ONES * (0x80 - u64::from(b'z') - 1);
    let letters = from_a & !past_z & !eight & (ONES * 0x80);
    let others = !letters & (ONES * 0x80);
    (others.trailing_zeros() / 8) as usize
}

/// ’ in UTF-8.
const CURLY_APOSTROPHE: &[u8] = "\u{2019}".as_bytes();

/// [`clause::packed_lower`] of `bytes[start..start + n]`, a word of 1 to
/// [`clause::PACKED`] letters, digits, hyphens and apostrophes: sixteen
/// bytes loaded at once where the text has them, the word's kept, each
/// lower-cased by setting its 0x20 bit (which digits, hyphens and
/// apostrophes have already), its length in the low byte.
fn run_key(bytes: &[u8], start: usize, n: usize) -> u128 {
    let window = match bytes.get(start..start + 16).and_then(|w| <[u8; 16]>::try_from(w).ok()) {
        Some(window) => window,
        None => {
            let mut window = [0u8; 16];
            window[..n].copy_from_slice(&bytes[start..start + n]);
            window
        }
    };
    ((u128::from_be_bytes(window) | (u128::MAX / 0xFF * 0x20)) & KEEP[n]) | n as u128
}

/// For a word of `n` bytes (1 to [`clause::PACKED`]), the mask of a
/// [`run_key`] window that keeps its bytes: `!0 << (8 * (16 - n))`, read
/// from a table, as a shift of a `u128` by a variable amount costs
/// several instructions and a branch on x86-64.
const KEEP: [u128; 16] = {
    let mut masks = [0u128; 16];
    let mut n = 1;
    while n < 16 {
        masks[n] = !0u128 << (8 * (16 - n));
        n += 1;
    }
    masks
};

/// True when `b[start..end]`, a run of `\w` bytes, is not part of a
/// longer one.
fn is_whole_run(b: &[u8], start: usize, end: usize) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    (start == 0 || !word(b[start - 1])) && b.get(end).is_none_or(|&c| !word(c))
}

/// The maximal runs of `\w` bytes (ASCII letters, digits, `_`), as
/// `(start, end)`.
fn word_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !word(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && word(b[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every span of `text` whose ends are char boundaries.
    fn spans(text: &str) -> Vec<Span> {
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        cuts.iter().flat_map(|&a| cuts.iter().filter(move |&&b| b >= a).map(move |&b| Span::new(a, b))).collect()
    }

    /// The content words of a clause, lower-cased, for context similarity:
    /// the specification of [`SentenceView::content_words`], as first written.
    fn content_words(text: &str) -> Vec<String> {
        let keep = |w: &str| w.chars().count() > 2 && !clause::is_stopword(w) && !w.chars().all(|c| c.is_ascii_digit() || c == ',');
        // Room for about one content word in ten bytes, so that a clause's
        // list seldom grows by copying.
        let mut words = Vec::with_capacity(text.len() / 10 + 1);
        words.extend(clause::word_iter(text, 0).filter_map(|(_, w)| {
            if w.is_ascii() {
                // Lower-casing ASCII changes neither length nor digits, so
                // the test can come first and spare a copy; its length in
                // bytes is its length in chars, and a word of three letters
                // or more is looked up only when it is not all digits.
                let kept = w.len() > 2 && !w.bytes().all(|b| b.is_ascii_digit() || b == b',') && !clause::is_stopword(w);
                kept.then(|| w.to_ascii_lowercase())
            } else {
                Some(w.to_lowercase()).filter(|lower| keep(lower))
            }
        }));
        words
    }

    /// The one-pass reading of an ASCII text is word for word and lead for
    /// lead the reading through the word iterator.
    fn same_as_any(text: &str) {
        let (fast, any) = (SentenceView::new(text), SentenceView::new_any(text));
        assert_eq!(fast.words, any.words, "{text:?}");
        assert_eq!((fast.ascii, &fast.time, &fast.planned, &fast.expected), (any.ascii, &any.time, &any.planned, &any.expected), "{text:?}");
        assert_eq!((&fast.saying, fast.according), (&any.saying, any.according), "{text:?}");
        // Read into the lists of another sentence's view: the same view.
        let before = SentenceView::new("Officials said in June that 40 people were expected to leave, army\u{2019}s data show.");
        let reused = SentenceView::new_in(text, before.into_lists());
        assert_eq!(
            (&reused.words, &reused.time, &reused.planned, &reused.expected, &reused.saying, reused.according, reused.ascii),
            (&fast.words, &fast.time, &fast.planned, &fast.expected, &fast.saying, fast.according, fast.ascii),
            "{text:?}"
        );
        // Every verb of saying is among the flagged words, and "according"
        // is told as a test of each word tells it.
        for (k, w) in fast.words.iter().enumerate() {
            if super::super::attribution::is_saying(&text[w.start..w.end]) {
                assert!(fast.saying.contains(&k), "{text:?}: word {k}");
            }
        }
        let by_word = fast.words.iter().any(|w| ends_in_according(&text.as_bytes()[w.start..w.end]));
        assert_eq!(fast.according, by_word, "{text:?}");
    }

    fn check(text: &str) {
        same_as_any(text);
        let view = SentenceView::new(text);
        for span in spans(text) {
            let part = &text[span.start..span.end];
            let expected: Vec<(Span, &str)> = clause::word_iter(part, span.start).collect();
            let got: Vec<(Span, &str)> = view.words_in(span).map(|w| (w.span, w.text)).collect();
            assert_eq!(got, expected, "{text:?} {span:?}");
            let reversed: Vec<(Span, &str)> = view.words_in(span).rev().map(|w| (w.span, w.text)).collect();
            assert_eq!(reversed.into_iter().rev().collect::<Vec<_>>(), expected, "{text:?} {span:?} reversed");
            let all: Vec<ViewWord> = view.words_in(span).collect();
            for flag in [FRAME_PREPOSITION, CONTENT, GROUP_PREPOSITION] {
                let expected: Vec<[ViewWord; 3]> = all.windows(3).filter(|w| w[0].is(flag)).map(|w| [w[0], w[1], w[2]]).collect();
                assert_eq!(view.windows_led_by(span, flag).collect::<Vec<_>>(), expected, "{text:?} {span:?}");
            }
            let context = view.content_words(span);
            assert_eq!(context.iter().collect::<Vec<_>>(), content_words(part), "{text:?} {span:?}");
            for w in view.words_in(span) {
                assert_eq!(w.flags, flags_of(w.text), "{text:?} {span:?} {w:?}");
            }
            for phrase in [&TIME, &PLANNED, &EXPECTED] {
                let expected: Vec<(usize, usize)> = phrase.find_iter(part).collect();
                let got: Vec<(usize, usize)> = view.matches(phrase, span).collect();
                assert_eq!(got, expected, "{text:?} {span:?} {part:?}");
                assert_eq!(view.last_match(phrase, span), expected.last().copied(), "{text:?} {span:?} {part:?}");
                for skip in 0..3 {
                    let mut seen = 0;
                    let kept = view.find_match(phrase, span, |_, _| {
                        seen += 1;
                        seen > skip
                    });
                    assert_eq!(kept, expected.get(skip).copied(), "{text:?} {span:?} {part:?}");
                }
            }
        }
    }

    #[test]
    fn parts_read_as_texts_of_their_own() {
        for text in [
            "Earlier, the swill will be set to rise in June 3, 2024 during the war.",
            "They said on Monday's fire 5,000-strong troops could well rise; in early August it was to be sent.",
            "the army's 5,000-strong force - 'quoted' word’s —  x-y",
            "Çatalhöyük during the dig, which could reach 40 last year",
            "",
            "a",
        ] {
            check(text);
        }
    }

    #[test]
    fn one_probe_gives_every_list_s_answer() {
        let lexicon = Lexicon::get();
        let lists = [clause::STOPWORDS, FRAME_PREPOSITIONS, GROUP_PREPOSITIONS, PLACE_PREPOSITIONS];
        let mut words: Vec<String> = lists.concat().iter().map(|w| w.to_string()).collect();
        for phrase in [&TIME, &PLANNED, &EXPECTED] {
            words.extend(phrase.lead_words().unwrap_or_default().iter().map(|w| w.to_string()));
        }
        words.extend(["", "x", "12", "1,2", "123", "1,234", "It's", "THE", "During", "sixteen-letters!", "Ünye", "\u{212A}ilo", "overnights"].map(String::from));
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        for w in words.iter().chain(&upper) {
            assert_eq!(quick_flags(lexicon, w), flags_of(w), "{w}");
            if w.is_ascii() && (1..=clause::PACKED).contains(&w.len()) {
                let flags = lexicon.flags(w.as_bytes());
                for (phrase, flag) in [(&TIME, TIME_LEAD), (&PLANNED, PLANNED_LEAD), (&EXPECTED, EXPECTED_LEAD)] {
                    assert_eq!(flags & flag != 0, phrase.may_lead(w.as_bytes()), "{w}");
                }
            }
        }
    }

    #[test]
    fn one_pass_reads_as_the_word_iterator() {
        for text in [
            "In early August, the 5,000-strong force's men-- could rise; it was set to be sent in 2024.",
            "Throughout the war's last year 'quoted' x_y __in__ 12abc abc12 -lead trailing- marks'' '-'",
            "Internationalisation-wide counter-counter-intelligence-- plans-to-'' AGREED TO Will would",
            "Russia’s soldiers’ “quoted” — in June’s heat, in’ ’s a’’ 12’000 x’-y ’Earlier",
            "the ½ and ² marks, Zürich’s café",
            "Officials SAID, according to Kim, that he told- them; Disaccording reports’ acknowledged",
            "",
            "-",
            "a",
        ] {
            same_as_any(text);
        }
    }

    /// Eight bytes at a time count the letters a byte at a time would.
    fn leading_letters_by_bytes(eight: [u8; 8]) -> usize {
        eight.iter().take_while(|b| b.is_ascii_alphabetic()).count()
    }

    #[test]
    fn leading_letters_of_every_byte_in_every_place() {
        for place in 0..8 {
            for byte in 0..=255u8 {
                let mut eight = *b"abcdWXYZ";
                eight[place] = byte;
                assert_eq!(leading_letters(u64::from_le_bytes(eight)), leading_letters_by_bytes(eight), "{eight:?}");
            }
        }
    }

    /// The rule matcher at the view's words finds what it finds reading
    /// the whole text, for the rule set `matcher` (the built-in rules when
    /// `None`).
    fn same_rule_hits(text: &str, matcher: Option<&crate::rules::matcher::Matcher>) {
        let view = SentenceView::new(text);
        match matcher {
            Some(m) => {
                let got = match view.word_stretches() {
                    Some(stretches) => m.hits_in_words(text, stretches),
                    None => m.hits(text),
                };
                assert_eq!(got, m.hits(text), "{text:?}");
            }
            None => {
                let rules = RuleSet::builtin().expect("built-in rules load");
                assert_eq!(view.rule_hits(&rules), rules.hits(text), "{text:?}");
            }
        }
    }

    #[test]
    fn rule_hits_at_the_words_are_the_hits_of_the_text() {
        let cases = [
            "At least 40 people were killed and 12 injured, officials said.",
            "Nine soldiers KILLED-in-action; the fallen were honoured.",
            "The army\u{2019}s 3,000 troops \u{2014} the dead, the missing \u{2014} left.",
            "\u{201c}They died,\u{201d} she said; 12 were evacuated_ and x_killed.",
            "Caf\u{e9} owners: 40 killed; \u{c9}vacu\u{e9}s 12.",
            "killedx killed- -killed 'killed' killed's death toll 5%",
            "",
            "a",
        ];
        for text in cases {
            same_rule_hits(text, None);
        }
    }

    proptest::proptest! {
        #[test]
        fn leading_letters_are_counted_bytes(eight in proptest::prelude::any::<[u8; 8]>()) {
            proptest::prop_assert_eq!(leading_letters(u64::from_le_bytes(eight)), leading_letters_by_bytes(eight));
        }

        /// The key of a word read from its sentence is the key of the word
        /// on its own, wherever the word stands.
        #[test]
        fn run_keys_are_packed_lower_keys(text in "[a-zA-Z0-9'-]{1,15}[ ,.]{0,3}[a-zA-Z0-9' -]{0,20}", from in 0usize..15, len in 1usize..16) {
            let b = text.as_bytes();
            let n = len.min(b.len().saturating_sub(from));
            if n >= 1 && b[from..from + n].iter().all(|&c| run_class(c) != 0) {
                proptest::prop_assert_eq!(run_key(b, from, n), clause::packed_lower(&b[from..from + n]));
            }
        }

        #[test]
        fn one_pass_on_news_punctuation(text in "[ a-zA-Z0-9'’“”—–é²½_.,-]{0,40}") {
            same_as_any(&text);
        }

        #[test]
        fn one_pass_on_any_ascii(text in "[ -~]{0,60}") {
            same_as_any(&text);
        }

        #[test]
        fn one_pass_on_word_soup(words in proptest::collection::vec(
            "(in|on|last|this|year|June|Monday|will|agreed|to|could|rise|during|the|war|5,000|x-y|'s|-|_|in_|mid-|May|respectively|counterintelligence|A|THE|Set|expected|x--|y''|abcdefghijklmno|abcdefghijklmnop-'|abcdefghijklmnopq-|said|SAYS|Reported|said-|told’|according|ACCORDING|x-according|disaccording|accordingly|acknowledged)",
            0..12,
        ), seps in proptest::collection::vec("( |  |-|,|'|_|\\.)", 12)) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            same_as_any(&text);
        }

        /// Random forms (some opening with a mark or a letter outside
        /// ASCII, which send the text to the whole reading) on text of
        /// letters, digits, joiners, underscores and punctuation.
        #[test]
        fn rule_hits_at_the_words_on_random_forms(
            forms in proptest::collection::vec((0usize..3, "[aAbB1 '\\-é_]{1,4}"), 1..6),
            text in "[aAbB1 '’\\-_.,xé—]{0,40}",
        ) {
            use crate::rules::matcher::{Entry, Matcher, SignalKind};
            let m = Matcher::new(forms.iter().map(|(rule, form)| Entry { rule: *rule, kind: SignalKind::Word, form, lemma: form }));
            same_rule_hits(&text, Some(&m));
        }

        /// Forms of ASCII letters alone (the usual rule set), so that the
        /// words are read at their stretches.
        #[test]
        fn rule_hits_at_the_words_on_random_letter_forms(
            forms in proptest::collection::vec((0usize..3, "[abAB1]{1,3}( [ab]{1,2})?(-[ab])?"), 1..6),
            text in "[aAbB1 '’\\-_.,x—]{0,40}",
        ) {
            use crate::rules::matcher::{Entry, Matcher, SignalKind};
            let m = Matcher::new(forms.iter().map(|(rule, form)| Entry { rule: *rule, kind: SignalKind::Word, form, lemma: form }));
            same_rule_hits(&text, Some(&m));
        }

        /// The built-in rules on sentences of their own words and others.
        #[test]
        fn rule_hits_at_the_words_on_the_builtin_rules(words in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::prelude::Just("killed"), proptest::prelude::Just("Killed"), proptest::prelude::Just("in"), proptest::prelude::Just("action"),
                proptest::prelude::Just("the"), proptest::prelude::Just("fallen"), proptest::prelude::Just("dead"), proptest::prelude::Just("troops"),
                proptest::prelude::Just("soldiers"), proptest::prelude::Just("death"), proptest::prelude::Just("toll"), proptest::prelude::Just("missing"),
                proptest::prelude::Just("2,000"), proptest::prelude::Just("F-16s"), proptest::prelude::Just("army’s"), proptest::prelude::Just("évacués"),
                proptest::prelude::Just("evacuated"), proptest::prelude::Just("percent"), proptest::prelude::Just("x"),
            ], 0..14),
            seps in proptest::collection::vec("( |  |-|, |’|'|_|\\.|—)", 14),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [*w, s.as_str()]).collect();
            same_rule_hits(&text, None);
        }

        #[test]
        fn quick_flags_are_flags_of(word in "[a-zA-Z0-9,'’\\-é\u{212A}]{1,18}") {
            proptest::prop_assert_eq!(quick_flags(Lexicon::get(), &word), flags_of(&word));
        }

        #[test]
        fn parts_of_random_sentences(words in proptest::collection::vec(
            "(in|on|last|this|year|June|Monday|will|agreed|to|could|rise|during|the|war|5,000|x-y|’s|'s|-|,|é|Earlier|be|sent|2024|3|_|in_|mid-|x’|May)",
            0..9,
        ), seps in proptest::collection::vec("( |  |-|,|’|')", 9)) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            check(&text);
        }
    }
}

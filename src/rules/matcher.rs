//! One trie over every signal, noun, veto and scope-hint form of every
//! rule, built once per rule set. A sentence is read once, whatever the
//! number of rules, and each whole-word hit says which rule and which list
//! it came from.
//!
//! A whole-word hit starts where the character before is not a letter or
//! digit, so the trie is walked only from those places (word starts and
//! the gaps between words), not from every byte as a general multi-pattern
//! automaton would: most walks end on the first or second byte. The walk
//! compares the text's bytes with their ASCII letters lower-cased, so
//! nothing is copied. The tests keep the obvious form (an Aho-Corasick
//! overlapping search over the lower-cased text, every match filtered for
//! whole words) as the specification and check that both agree.

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
        Matcher { trie: Trie::new(&patterns), owners, lemmas }
    }

    /// Every whole-word hit in `text`, ordered by position (start, then
    /// end, then rule).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.trie.is_empty() {
            return hits;
        }
        let b = text.as_bytes();
        // `i` is always a place where no letter or digit comes before:
        // after a try there, a word is skipped whole, with the character
        // that ends it, in a tight loop.
        let mut i = 0;
        while i < b.len() {
            self.hits_from(text, i, &mut hits);
            let (alphanumeric, width) = class_at(text, i);
            i += width;
            if alphanumeric {
                while i < b.len() {
                    let (alphanumeric, width) = class_at(text, i);
                    i += width;
                    if !alphanumeric {
                        break;
                    }
                }
            }
        }
        hits
    }

    /// The whole-word hits starting at byte `start`, shortest first.
    fn hits_from(&self, text: &str, start: usize, hits: &mut Vec<Hit>) {
        let b = text.as_bytes();
        let first = b[start].to_ascii_lowercase();
        let Some(mut node) = self.trie.root(first) else { return };
        // Unless a one-byte form ends here, a hit needs the first two
        // bytes of some form: one bit test turns most word starts away
        // before the walk.
        if self.trie.pattern(node).is_none() && !b.get(start + 1).is_some_and(|&c| self.trie.pair(first, c.to_ascii_lowercase())) {
            return;
        }
        let mut end = start + 1;
        loop {
            if let Some(pattern) = self.trie.pattern(node) {
                if !starts_alphanumeric(text, end) {
                    let span = Span::new(start, end);
                    hits.extend(self.owners[pattern].iter().map(|&(rule, kind, lemma)| Hit { rule, kind, span, lemma }));
                }
            }
            let Some(next) = b.get(end).and_then(|c| self.trie.child(node, c.to_ascii_lowercase())) else { return };
            node = next;
            end += 1;
        }
    }

    pub fn lemma(&self, index: usize) -> &str {
        self.lemmas.get(index).map_or("", String::as_str)
    }
}

/// Whether the character at byte `i` (a char boundary) is a letter or
/// digit, and its length.
#[inline]
fn class_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes()[i] {
        c if c.is_ascii() => (c.is_ascii_alphanumeric(), 1),
        _ => text[i..].chars().next().map_or((false, 1), |ch| (ch.is_alphanumeric(), ch.len_utf8())),
    }
}

/// True when the character at byte `i` is a letter or digit ("died" in
/// "died." ends a word; in "diedx" it does not).
#[inline]
fn starts_alphanumeric(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric),
    }
}

/// A byte trie of the lower-cased forms: the root's children in a table
/// by byte, every other edge in one hash table keyed by node and byte
/// (a node near the root may have dozens of children, too many to scan).
#[derive(Debug, Clone)]
struct Trie {
    /// Node id + 1 of the root's child for each byte; 0 for none.
    root: Box<[u32; 256]>,
    /// Open addressing: [`edge_key`] of each edge (0 for a free slot) and
    /// the child it leads to.
    keys: Vec<u64>,
    targets: Vec<u32>,
    shift: u32,
    /// The pattern a node completes, `u32::MAX` for none.
    patterns: Vec<u32>,
    /// One bit for each pair of bytes that begins a form.
    pairs: Box<[u64; 1024]>,
}

impl Trie {
    fn new(patterns: &[String]) -> Trie {
        // Built with a child list per node, then laid out flat.
        let mut children: Vec<Vec<(u8, u32)>> = Vec::new();
        let mut ends: Vec<u32> = Vec::new();
        let mut root = Box::new([0u32; 256]);
        let mut pairs = Box::new([0u64; 1024]);
        for (id, p) in patterns.iter().enumerate() {
            let bytes = p.as_bytes();
            if let [a, b, ..] = *bytes {
                let bit = pair_bit(a, b);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
            let Some((&head, tail)) = bytes.split_first() else { continue };
            let mut node = match root[head as usize] {
                0 => {
                    children.push(Vec::new());
                    ends.push(u32::MAX);
                    root[head as usize] = children.len() as u32;
                    children.len() - 1
                }
                n => n as usize - 1,
            };
            for &c in tail {
                node = match children[node].iter().find(|e| e.0 == c) {
                    Some(&(_, n)) => n as usize,
                    None => {
                        children.push(Vec::new());
                        ends.push(u32::MAX);
                        let n = children.len() - 1;
                        children[node].push((c, n as u32));
                        n
                    }
                };
            }
            ends[node] = id as u32;
        }
        // At most half full: probes are short.
        let count: usize = children.iter().map(Vec::len).sum();
        let bits = (count * 2).next_power_of_two().trailing_zeros().max(4);
        let mut trie = Trie { root, keys: vec![0; 1 << bits], targets: vec![0; 1 << bits], shift: 64 - bits, patterns: ends, pairs };
        for (node, list) in children.iter().enumerate() {
            for &(c, child) in list {
                let key = edge_key(node, c);
                let mut i = trie.slot(key);
                while trie.keys[i] != 0 {
                    i = (i + 1) & (trie.keys.len() - 1);
                }
                trie.keys[i] = key;
                trie.targets[i] = child;
            }
        }
        trie
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    #[inline]
    fn root(&self, c: u8) -> Option<usize> {
        self.root[c as usize].checked_sub(1).map(|n| n as usize)
    }

    #[inline]
    fn child(&self, node: usize, c: u8) -> Option<usize> {
        let key = edge_key(node, c);
        let mut i = self.slot(key);
        loop {
            match self.keys[i] {
                0 => return None,
                k if k == key => return Some(self.targets[i] as usize),
                _ => i = (i + 1) & (self.keys.len() - 1),
            }
        }
    }

    /// Some form begins with the bytes `a`, `b`.
    #[inline]
    fn pair(&self, a: u8, b: u8) -> bool {
        let bit = pair_bit(a, b);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[inline]
    fn pattern(&self, node: usize) -> Option<usize> {
        let p = self.patterns[node];
        (p != u32::MAX).then_some(p as usize)
    }
}

/// The key of the edge from `node` on byte `c`: never 0, the mark of a
/// free slot.
#[inline]
fn edge_key(node: usize, c: u8) -> u64 {
    ((node as u64 + 1) << 8) | u64::from(c)
}

/// The bit of the pair `a`, `b` in [`Trie::pairs`].
#[inline]
fn pair_bit(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
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
    }
}

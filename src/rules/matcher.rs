//! One Aho-Corasick automaton over every signal, noun, veto and scope-hint
//! form of every rule, built once per rule set. A sentence is scanned once,
//! whatever the number of rules, and each whole-word hit says which rule
//! and which list it came from.

use crate::model::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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
pub struct Entry<'a> {
    pub rule: usize,
    pub kind: SignalKind,
    pub form: &'a str,
    pub lemma: &'a str,
}

/// The compiled automaton and what each pattern stands for.
#[derive(Debug, Clone)]
pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// For each pattern id, every (rule, kind, lemma) it belongs to: one
    /// form may be listed by several rules.
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
        // Standard semantics so overlapping matches ("killed" and "killed
        // in action") are all reported. A contiguous NFA rather than the
        // DFA the builder would pick for a few hundred patterns, and exact
        // bytes rather than ASCII case folding: both make the automaton
        // several times cheaper to build, which every run pays once, while
        // scanning a sentence (a few hundred bytes, lower-cased first, see
        // `hits`) stays about as fast.
        let automaton = (!patterns.is_empty())
            .then(|| AhoCorasickBuilder::new().kind(Some(AhoCorasickKind::ContiguousNFA)).match_kind(MatchKind::Standard).build(&patterns).ok())
            .flatten();
        Matcher { automaton, owners, lemmas }
    }

    /// Every whole-word hit in `text`, ordered by position.
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        // Patterns are lower-cased, so matching them against the text with
        // its ASCII letters lower-cased is matching ignoring ASCII case;
        // byte offsets are unchanged.
        let lower = text.to_ascii_lowercase();
        let mut hits = Vec::new();
        for m in ac.find_overlapping_iter(lower.as_str()) {
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            for &(rule, kind, lemma) in &self.owners[m.pattern().as_usize()] {
                hits.push(Hit { rule, kind, span: Span::new(m.start(), m.end()), lemma });
            }
        }
        hits.sort_by_key(|h| (h.span.start, h.span.end, h.rule));
        hits
    }

    pub fn lemma(&self, index: usize) -> &str {
        self.lemmas.get(index).map_or("", String::as_str)
    }
}

/// True when `text[start..end]` is not glued to a letter or digit on either
/// side ("died" in "studied" is not a hit; "war" in "war-torn" is).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

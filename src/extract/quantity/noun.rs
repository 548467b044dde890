//! The counted noun after a number: "nine soldiers", "5,000 military
//! construction workers", "up to 15,000 North Korean troops".
//!
//! Without a part-of-speech tagger this is a heuristic: up to four words
//! that are not function words or verbs, ending at the first plural.
//! Participles ("killed", "returning") are taken only as adjectives before
//! another noun word, so "nine killed in action" has no noun.

use super::token::Toks;

/// Function words and verbs that are never part of a counted noun, sorted
/// for a binary search (a test keeps them sorted).
const STOP: &[&str] = &[
    "a", "about", "according", "across", "after", "again", "against", "ago", "all", "also", "although",
    "among", "an", "and", "annually", "another", "anyway", "apiece", "are", "around", "as", "at", "away",
    "back", "be", "because", "been", "before", "being", "between", "both", "but", "by", "came", "can",
    "could", "did", "die", "died", "do", "does", "down", "during", "each", "earlier", "either", "even",
    "fewer", "for", "from", "get", "go", "got", "had", "has", "have", "he", "her", "here", "him", "his",
    "home", "i", "if", "in", "including", "instead", "into", "is", "it", "its", "just", "last", "later",
    "left", "less", "like", "live", "lived", "made", "make", "may", "might", "more", "must", "my", "next",
    "no", "not", "now", "of", "off", "on", "only", "or", "other", "others", "our", "out", "over", "per",
    "plus", "remain", "remained", "respectively", "said", "say", "says", "she", "should", "since", "so",
    "still", "such", "take", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "though", "through", "times", "to", "today", "tonight", "too", "took", "under", "until", "up",
    "us", "very", "was", "we", "went", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "will", "with", "within", "without", "would", "yet", "you", "your",
];

/// `w` is in [`STOP`], ASCII case ignored: the words of [`STOP`] are
/// ASCII and short, so a longer or other word is none of them, and a short
/// ASCII one is looked up by hash (it is asked of every word after a
/// number, several times over).
fn is_stop(w: &str) -> bool {
    static SET: crate::extract::clause::WordSet = crate::extract::clause::WordSet::new(STOP);
    w.is_ascii() && w.len() <= STOP_LONGEST && SET.contains_ascii(w.as_bytes())
}

/// The length of the longest word of [`STOP`] ("respectively"), below
/// the longest word a [`crate::extract::clause::WordSet`] hashes.
const STOP_LONGEST: usize = 12;

fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
        || matches!(w, "people" | "children" | "men" | "women" | "personnel" | "police" | "staff" | "troops" | "cattle")
}

fn verb_like(w: &str) -> bool {
    let l = w.len();
    l > 4 && (w.ends_with("ed") || w.ends_with("ing")) || l > 3 && w.ends_with("ly")
}

/// A word token that may be part of a counted noun. (A word token is
/// made of letters and inner apostrophes only, which the tokenizer
/// ensures and a test checks: nothing else is asked of its characters.)
fn noun_word(t: &Toks, i: usize) -> bool {
    t.is_word(i) && !t.glued(i) && !is_stop(t.s(i))
}

/// The character test `noun_word` once made of every word, which the
/// tokenizer's word tokens always pass.
#[cfg(test)]
fn noun_letters(w: &str) -> bool {
    w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
}

/// The counted noun starting at token `i`: its text and last token.
pub(crate) fn after<'a>(t: &Toks<'a>, i: usize) -> Option<(&'a str, usize)> {
    let mut last = None;
    let mut j = i;
    // Whether token `j` is a noun word: each token is asked once, and the
    // answer for the next one is kept for the next round.
    let mut here = noun_word(t, j);
    while j < i + 4 && here {
        let w = t.s(j);
        let next_is_noun = noun_word(t, j + 1);
        let noun_follows = next_is_noun && !verb_like(t.s(j + 1));
        if verb_like(w) && !noun_follows {
            break;
        }
        if w.ends_with("'s") || w.ends_with("\u{2019}s") {
            break;
        }
        // A participle or adverb is taken only as an adjective before the
        // noun word that follows it: the noun cannot end on it, should the
        // next word not be taken after all (the four-word limit, a
        // possessive). Left dangling, it would be claimed twice, here and
        // as the next figure's modifier ("cent nearly thousands").
        if !verb_like(w) {
            last = Some(j);
        }
        // A plural ends the noun unless another plural follows it
        // ("goods vehicles").
        let next_plural = next_is_noun && plural(t.s(j + 1)) && !verb_like(t.s(j + 1));
        if plural(w) && !next_plural {
            break;
        }
        // A lower-case noun does not run into a capitalised word.
        if next_is_noun && t.s(j + 1).starts_with(char::is_uppercase) && !w.starts_with(char::is_uppercase) {
            break;
        }
        j += 1;
        here = next_is_noun;
    }
    let last = last?;
    Some((&t.text[t.start(i)..t.end(last)], last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun(text: &str) -> Option<String> {
        let t = Toks::new(text);
        after(&t, 1).map(|(s, _)| s.to_string())
    }

    #[test]
    fn stop_words_are_sorted_short_and_lower_case() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        // `in_sorted` compares lower-case ASCII words of up to 16 bytes.
        assert!(STOP.iter().all(|w| w.len() <= STOP_LONGEST && w.bytes().all(|b| b.is_ascii_lowercase())));
        assert!(STOP.iter().any(|w| w.len() == STOP_LONGEST));
        assert!(is_stop("The") && is_stop("RESPECTIVELY") && !is_stop("soldiers") && !is_stop("théir"));
        // The hashed lookup answers as the sorted list's binary search.
        for w in STOP.iter().copied().chain(["Troops", "THE", "\u{212A}", "respectivelyx", "", "it's", "élan"]) {
            assert_eq!(is_stop(w), super::super::scan::in_sorted(w, STOP), "{w:?}");
        }
    }

    /// Every word token passes the character test `noun_word` relies on.
    fn words_pass_the_letter_test(text: &str) {
        let t = Toks::new(text);
        for i in (0..t.len()).filter(|&i| t.is_word(i)) {
            assert!(noun_letters(t.s(i)), "{:?} in {text:?}", t.s(i));
        }
    }

    #[test]
    fn word_tokens_are_letters_and_apostrophes() {
        for text in ["Korea's 12 men", "l\u{2019}\u{e9}t\u{e9} 3 x'", "'a' 'b 4 o''clock", "\u{212A}ilo \u{2160}V 5 \u{1F600}s", "na\u{ef}ve co-op 7"] {
            words_pass_the_letter_test(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn word_tokens_pass_the_letter_test(text in "([a-zA-Z\u{e9}\u{2019}'0-9 .,-]|\\PC){0,40}") {
            words_pass_the_letter_test(&text);
        }
    }

    #[test]
    fn counted_nouns() {
        let cases: &[(&str, Option<&str>)] = &[
            ("12 sailors drowned", Some("sailors")),
            ("300 heavy goods vehicles were", Some("heavy goods vehicles")),
            ("40 South African miners", Some("South African miners")),
            ("8 wounded civilians", Some("wounded civilians")),
            ("8 wounded in the blast", None),
            ("20 were hurt", None),
            ("3 reported missing", None),
            ("one lorry in a ditch", Some("lorry")),
            ("7 of the", None),
        ];
        for &(text, want) in cases {
            assert_eq!(noun(text).as_deref(), want, "{text:?}");
        }
    }
}

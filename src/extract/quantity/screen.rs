//! The sentence screen: whether a piece of text may hold a quantity at
//! all, asked of every sentence before it is tokenized.
//!
//! Text with no ASCII digit and none of the pieces of number words in
//! [`PIECES`] (anywhere, ASCII case ignored) holds no quantity. The
//! pieces are looked for by one table-driven automaton built here once:
//! a byte, a table look-up and one comparison per byte of text, which is
//! what a sentence without a digit pays. It stands in for a general
//! multi-pattern searcher (`aho_corasick`, kept as its specification in
//! the tests), whose search loop costs about twice as much per byte.

use std::sync::LazyLock;

/// Pieces of number words. Order does not matter: the question is only
/// whether one occurs.
pub(super) const PIECES: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "teen", "twenty",
    "thirt", "fort", "fift", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "trillion", "dozen", "half", "third", "quarter", "zero", "nought",
];

/// Any ASCII digit in `bytes`: eight bytes at a time in one integer,
/// since it runs over every sentence (the plain byte-by-byte test is its
/// specification in the tests).
pub(super) fn has_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 0xFF;
    const HIGH: u64 = ONES * 0x80;
    let mut blocks = bytes.chunks_exact(8);
    let found = blocks.by_ref().any(|b| {
        let x = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        // On the low seven bits of each byte (so no sum carries into the
        // next), the high bit of the first sum says "at least '0'", of the
        // second "past '9'"; a byte with its own high bit set is no digit.
        let low7 = x & (ONES * 0x7F);
        let from_0 = low7 + ONES * (0x80 - u64::from(b'0'));
        let past_9 = low7 + ONES * (0x80 - u64::from(b'9') - 1);
        from_0 & !past_9 & !x & HIGH != 0
    });
    found || blocks.remainder().iter().any(u8::is_ascii_digit)
}

/// Whether any of [`PIECES`] occurs in `text`, ASCII case ignored. The
/// states that end a piece hold on to the end of the text, so the loop
/// asks nothing of a byte but where it leads.
pub(super) fn has_number_piece(text: &str) -> bool {
    let Automaton { moves, ends } = &*AUTOMATON;
    let mut state = 0u8;
    for &b in text.as_bytes() {
        state = moves.get(usize::from(state)).map_or(0, |row| row[usize::from(b)]);
    }
    ends.get(usize::from(state)).copied().unwrap_or(false)
}

/// A deterministic automaton over bytes.
struct Automaton {
    /// Where each state goes on each byte.
    moves: Vec<[u8; 256]>,
    /// The states reached once a piece has been read.
    ends: Vec<bool>,
}

static AUTOMATON: LazyLock<Automaton> = LazyLock::new(|| build(PIECES));

/// The automaton of the classic construction (a trie of the pieces in
/// lower case, each state's failure link the longest proper suffix of its
/// text that is a trie state, every move resolved through those links),
/// with the states that end a piece made to stay where they are.
/// Upper-case ASCII letters move as their lower-case forms. The pieces
/// make some 160 states, which a byte numbers (a test checks it).
fn build(pieces: &[&str]) -> Automaton {
    const LETTERS: std::ops::RangeInclusive<usize> = 0x61..=0x7A;
    // The trie: `child[s][b]`, 0 for none (the root is no one's child),
    // and whether a piece ends at each state.
    let mut child: Vec<[u8; 256]> = vec![[0; 256]];
    let mut ends = vec![false];
    for piece in pieces {
        let mut s = 0;
        for b in piece.bytes().map(|b| usize::from(b.to_ascii_lowercase())) {
            if child[s][b] == 0 {
                child.push([0; 256]);
                ends.push(false);
                child[s][b] = u8::try_from(child.len() - 1).unwrap_or(u8::MAX);
            }
            s = usize::from(child[s][b]);
        }
        ends[s] = true;
    }
    // Breadth first, so a state's failure target is resolved before it:
    // a state moves as its failure target does, but along its own
    // children, and ends a piece when its failure target does.
    let mut moves: Vec<[u8; 256]> = vec![[0; 256]; child.len()];
    let mut fail = vec![0usize; child.len()];
    moves[0] = child[0];
    let mut queue: std::collections::VecDeque<usize> = LETTERS.map(|b| usize::from(child[0][b])).filter(|&n| n != 0).collect();
    while let Some(s) = queue.pop_front() {
        moves[s] = moves[fail[s]];
        for b in LETTERS {
            let n = usize::from(child[s][b]);
            if n != 0 {
                fail[n] = usize::from(moves[fail[s]][b]);
                ends[n] = ends[n] || ends[fail[n]];
                moves[s][b] = child[s][b];
                queue.push_back(n);
            }
        }
    }
    for (s, row) in moves.iter_mut().enumerate() {
        if ends[s] {
            *row = [u8::try_from(s).unwrap_or(u8::MAX); 256];
        }
        for b in 0x41..=0x5A {
            row[b] = row[b | 0x20];
        }
    }
    Automaton { moves, ends }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    /// The specification: the general searcher over the same pieces.
    fn by_searcher(text: &str) -> bool {
        static SPEC: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasick::builder().ascii_case_insensitive(true).build(PIECES).unwrap_or_else(|e| panic!("{e}"))
        });
        SPEC.is_match(text)
    }

    #[test]
    fn the_states_fit_in_a_byte() {
        let states: usize = PIECES.iter().map(|p| p.len()).sum::<usize>() + 1;
        assert!(states <= usize::from(u8::MAX), "{states} states");
        assert_eq!(AUTOMATON.moves.len(), AUTOMATON.ends.len());
    }

    #[test]
    fn agrees_with_the_searcher_on_a_table() {
        let cases = [
            ("", false),
            ("The minister said nothing.", false),
            ("Someone came.", true),
            ("It was OFTEN late.", true),
            ("Troops FORTified the town", true),
            ("a fifteen-minute walk", true),
            ("thirtieth", true),
            ("thirst", false),
            ("thir", false),
            ("tw o", false),
            ("nin\u{e9}", false),
            ("nine", true),
            ("NoUgHt", true),
            ("\u{2019}zero\u{2019}", true),
            ("quart", false),
            ("quarter", true),
            ("tteen", true),
            ("ththree", true),
            ("seventhy", true),
            ("sevenths", true),
            ("billio million", true),
            ("the t h e", false),
            ("h\u{e9}alf", false),
        ];
        for (text, expected) in cases {
            assert_eq!(by_searcher(text), expected, "spec on {text:?}");
            assert_eq!(has_number_piece(text), expected, "{text:?}");
        }
        for piece in PIECES {
            for text in [piece.to_string(), piece.to_uppercase(), format!("xx{piece}"), format!("{}{piece}", &piece[..piece.len() - 1])] {
                assert!(has_number_piece(&text), "{text:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_searcher_on_letters(text in "[a-zA-Z \u{e9}']{0,40}") {
            prop_assert_eq!(has_number_piece(&text), by_searcher(&text));
        }

        #[test]
        fn agrees_with_the_searcher_on_near_pieces(text in "(on|tw|thi|te|en|ee|fo|rt|fi|ft|si|ev|ei|gh|ni|hu|nd|mi|bi|ll|io|do|ha|lf|qu|ze|ro|ou|gh|t|e|n|o| ){0,16}") {
            prop_assert_eq!(has_number_piece(&text), by_searcher(&text));
        }

        #[test]
        fn agrees_with_the_searcher_on_any_text(text in any::<String>()) {
            prop_assert_eq!(has_number_piece(&text), by_searcher(&text));
        }
    }
}

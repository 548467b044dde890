//! Each hand-written matcher against the pattern it implements.

use super::*;
use proptest::prelude::*;

/// The matcher and both builds of the pattern give the same matches.
fn agree(phrase: &'static Phrase, text: &str) {
    assert!(ascii_words(text), "{text:?} is outside the matchers' domain");
    let [written, ascii] = phrase.by_pattern(text);
    assert_eq!(phrase.scanned(text), written, "{text:?}");
    assert_eq!(written, ascii, "{text:?}");
}

fn spans<'t>(phrase: &'static Phrase, text: &'t str) -> Vec<&'t str> {
    phrase.find_iter(text).map(|(s, e)| &text[s..e]).collect()
}

#[test]
fn time_phrases_as_the_pattern_reads_them() {
    let cases: &[(&str, &[&str])] = &[
        ("troops left last year and came back this spring", &["last year", "this spring"]),
        ("Last  Monday’s raid", &["Last  Monday"]),
        ("earlier this month, later this week", &["earlier this month", "later this week"]),
        ("so far this year", &["so far this year"]),
        ("in early August 2024 and since mid-June", &["in early August 2024", "since mid-June"]),
        ("by June 12, 2024.", &["by June 12, 2024"]),
        ("until June 12 2024", &["until June 12 2024"]),
        ("from June 123", &["from June"]),
        ("in June 20245", &["in June"]),
        ("in June 12,2024", &["in June 12"]),
        ("in June 1st", &["in June"]),
        ("in Junebug", &[]),
        ("in May, 1999", &["in May, 1999"]),
        ("in late 1999 and after 2031", &["in late 1999", "after 2031"]),
        ("in 1899 or 20245", &[]),
        ("on Friday and Saturday", &["on Friday", "Saturday"]),
        ("Mondays", &[]),
        ("during the war years", &["during the war"]),
        ("in the war year", &["in the war year"]),
        ("for their long campaign", &["for their long campaign"]),
        ("during the talks, throughout Ramadan’s nights", &["during the talks", "throughout Ramadan’s"]),
        ("during a so-called truce", &["during a so-called"]),
        ("during the -", &["during the"]),
        ("yesterday, today, tonight and overnight", &["yesterday", "today", "tonight", "overnight"]),
        ("  Earlier, the army", &["  Earlier"]),
        ("Meanwhile", &["Meanwhile"]),
        ("x earlier", &[]),
        ("last\u{a0}year", &["last\u{a0}year"]),
        ("outlast year", &[]),
        ("in_June", &[]),
        ("", &[]),
    ];
    for (text, expected) in cases {
        agree(&TIME, text);
        assert_eq!(spans(&TIME, text), *expected, "{text:?}");
    }
}

#[test]
fn plans_and_forecasts_as_the_patterns_read_them() {
    let planned: &[(&str, &[&str])] = &[
        ("had agreed to send", &["agreed to"]),
        ("agreed to be sent", &["agreed to"]),
        ("troops to be deployed", &["to be deployed"]),
        ("it will, they would", &["will", "would"]),
        ("Plans to tomorrow", &["Plans to"]),
        ("plans toward", &[]),
        ("Is to", &["Is to"]),
        ("willing", &[]),
    ];
    for (text, expected) in planned {
        agree(&PLANNED, text);
        assert_eq!(spans(&PLANNED, text), *expected, "{text:?}");
    }
    let expected_cases: &[(&str, &[&str])] = &[
        ("the toll could rise to", &["could rise"]),
        ("could well be", &["could well be"]),
        ("may well", &[]),
        ("Could rise", &[]),
        ("expected to", &["expected to"]),
        ("Expected to", &[]),
        ("might still top out", &["might still top"]),
        ("could work a miracle", &[]),
    ];
    for (text, expected) in expected_cases {
        agree(&EXPECTED, text);
        assert_eq!(spans(&EXPECTED, text), *expected, "{text:?}");
    }
}

#[test]
fn according_to_and_acronyms() {
    for (text, expected) in [
        ("According to  police, 40", vec!["According to  "]),
        ("according  to police", vec![]),
        ("disaccording to x", vec![]),
        ("according to", vec![]),
        ("a, according to b, according to c", vec!["according to ", "according to "]),
    ] {
        agree(&ACCORDING_TO, text);
        assert_eq!(spans(&ACCORDING_TO, text), expected, "{text:?}");
    }
    let pattern = regex::Regex::new(r"\(([A-Z][A-Z0-9&.]{1,9})\)").expect("compiles");
    for text in ["the Agency (KCNA)", "(A)", "(AB)", "(ABCDEFGHIJ)", "(ABCDEFGHIJK) (XY)", "(a) (B&Q.)", "((UN))", "(", "(É) (UN)", "x (U"] {
        let written = pattern.captures(text).map(|c| c.get(1).map_or("", |m| m.as_str()));
        assert_eq!(parenthesised_acronym(text), written, "{text:?}");
    }
}

#[test]
fn other_letters_go_to_the_pattern() {
    // "ſince" folds onto "since" under Unicode case folding: the pattern
    // decides, not the ASCII matcher.
    assert!(!ascii_words("ſince June"));
    assert_eq!(spans(&TIME, "ſince June and in Zürich last year"), vec!["ſince June", "last year"]);
}

#[test]
fn the_matchers_spaces_are_the_patterns_spaces() {
    let space = regex::Regex::new(r"^\s$").expect("compiles");
    for c in (0..0x3_0000u32).filter_map(char::from_u32) {
        assert_eq!(c.is_whitespace(), space.is_match(c.encode_utf8(&mut [0; 4])), "U+{:04X}", c as u32);
    }
}

/// Words and separators the patterns care about, and some they do not.
fn vocabulary() -> Vec<&'static str> {
    let words = "last this next past previous coming year month week weekend spring summer autumn fall winter decade night \
        earlier later so far in since by until during from through throughout before after between early late mid \
        January February March April May June July August September October November December \
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday on over for the its their that a an \
        war mission deployment fighting conflict campaign operation attack invasion offensive siege battle occupation crisis \
        pandemic outbreak storm flood floods earthquake season period yesterday today tonight overnight previously meanwhile \
        agreed agrees agree plan plans planned planning pledged promised intend intends intended proposed proposes offered \
        vowed is are was were set to will shall would be sent deployed hired built expected forecast projected likely \
        predicted feared could may might well still eventually rise reach climb increase grow top exceed hit surpass double \
        drop total number according LAST June YEAR Could EXPECTED Would According TO \
        1 12 123 1999 2024 20245 1899 x troops killed _";
    words.split(' ').filter(|w| !w.is_empty()).collect()
}

fn separators() -> Vec<&'static str> {
    vec![" ", " ", " ", "  ", ", ", ",", "-", "'s ", "’s ", "’", "\u{a0}", ". ", "\n", "_", "", " (", ") ", "“", " — "]
}

fn text_from(picks: &[(usize, usize)]) -> String {
    let (words, seps) = (vocabulary(), separators());
    picks.iter().map(|&(w, s)| format!("{}{}", words[w % words.len()], seps[s % seps.len()])).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn time_matcher_is_the_pattern(picks in proptest::collection::vec((0usize..400, 0usize..40), 0..12), lead in 0usize..3) {
        let text = format!("{}{}", ["", " ", "\u{a0} "][lead], text_from(&picks));
        agree(&TIME, &text);
    }

    #[test]
    fn modality_matchers_are_the_patterns(picks in proptest::collection::vec((0usize..400, 0usize..40), 0..12)) {
        let text = text_from(&picks);
        agree(&PLANNED, &text);
        agree(&EXPECTED, &text);
        agree(&ACCORDING_TO, &text);
    }

    /// Dates and frames are long sequences: draw them from a small
    /// vocabulary so that whole ones occur often.
    #[test]
    fn dates_and_frames_are_the_pattern(picks in proptest::collection::vec(0usize..26, 0..14)) {
        const PARTS: [&str; 26] = [
            "in", "since", "during", "the", "its", "early ", "late ", "mid-", "June", "May", "12", "1", "2024", "1999", "123",
            "20245", ",", ", ", " ", " ", "  ", "’s", "-", "war", "long", "x",
        ];
        let text: String = picks.iter().map(|&i| PARTS[i]).collect();
        agree(&TIME, &text);
    }

    #[test]
    fn matchers_hold_on_any_ascii(text in "[a-zA-Z0-9_ ,.'-]{0,40}") {
        agree(&TIME, &text);
        agree(&PLANNED, &text);
        agree(&EXPECTED, &text);
        agree(&ACCORDING_TO, &text);
    }
}

#[test]
fn lead_heads_hold_every_lead_word() {
    for (heads, words) in [(&TIME_HEADS, TIME_LEAD_WORDS), (&PLANNED_HEADS, PLANNED_LEAD_WORDS), (&EXPECTED_HEADS, EXPECTED_LEAD_WORDS)] {
        for w in words {
            assert!((1..=15).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_lowercase()), "{w}");
            assert!(heads.may_hold(w.as_bytes()) && heads.may_hold(w.to_uppercase().as_bytes()), "{w}");
        }
        assert!(!heads.may_hold(b""));
    }
    for w in ["the", "a", "x", "12", "_in", "Kursk", "ins", "thirteens"] {
        assert!(!TIME_HEADS.may_hold(w.as_bytes()), "{w}");
    }
}

proptest! {
    /// A word the heads rule out is never a lead word.
    #[test]
    fn lead_heads_rule_out_no_lead(word in "[a-zA-Z0-9_]{1,18}|(in|on|by|so|LAST|During|today|to|is|Will|could|may)[a-z]?") {
        for (heads, set) in [(&TIME_HEADS, &TIME_LEADS), (&PLANNED_HEADS, &PLANNED_LEADS), (&EXPECTED_HEADS, &EXPECTED_LEADS)] {
            if !heads.may_hold(word.as_bytes()) {
                prop_assert!(!set.contains_ascii(word.as_bytes()), "{}", word);
            }
        }
    }

    /// `word_at` lower-cases the word at a position, borrowed or copied.
    #[test]
    fn word_at_lowercases(text in "[ a-zA-Z0-9_,]{0,20}", p in 0usize..21) {
        let mut buf = [0u8; 12];
        let got = word_at(&text, p, &mut buf).map(|(w, e)| (w.to_string(), e));
        let b = text.as_bytes();
        let expected = (p < b.len() && is_word_byte(b[p])).then(|| run_end(b, p)).filter(|e| e - p <= 12).map(|e| (text[p..e].to_ascii_lowercase(), e));
        prop_assert_eq!(got, expected);
    }
}

#[test]
fn lead_alternatives_are_the_patterns_lists() {
    let mut words: Vec<&str> = TIME_LEAD_WORDS.to_vec();
    words.extend(["", "the", "ins", "Monday", "week", "far", "early"]);
    for w in words {
        assert_eq!(lead_alternatives(w.as_bytes()), lead_alternatives_by_list(w), "{w}");
    }
}

proptest! {
    /// Comparing without case finds the words the lower-cased copy finds.
    #[test]
    fn one_of_is_one_of_by_copy(text in "[ a-zA-Z0-9_,'-]{0,24}", p in 0usize..25) {
        let lists: [&[&str]; 4] = [
            &["the", "its", "their", "this", "that"],
            &["the", "its", "their", "this", "that", "a", "an"],
            &["earlier", "previously", "meanwhile"],
            &["sent", "deployed", "hired", "built"],
        ];
        for words in lists {
            prop_assert_eq!(one_of(&text, p, words), one_of_by_copy(&text, p, words));
        }
    }
}

proptest! {
    /// The lead read on the stack is the word `word_at` reads, and opens
    /// what that word opens.
    #[test]
    fn lead_word_at_reads_as_word_at(text in "[ a-zA-Z0-9_,]{0,20}|(In|on|DURING|last|Monday|so|x) [a-z]{0,5}", p in 0usize..21) {
        let mut buf = [0u8; 12];
        let expected = word_at(&text, p, &mut buf).map(|(w, e)| (lead_alternatives_by_list(w), e));
        prop_assert_eq!(lead_word_at(text.as_bytes(), p), expected);
    }
}

#[test]
fn the_word_byte_table_is_the_range_test() {
    for b in 0..=255u8 {
        assert_eq!(is_word_byte(b), is_word_byte_by_ranges(b), "byte {b}");
    }
}

#[test]
fn byte_sets_hold_their_bytes_alone() {
    for list in [&b"t"[..], b"f", b"elmjfasond", b"el12", b"mtwfs", b"ti"] {
        let set = bytes_set(list);
        for b in 0..=255u8 {
            assert_eq!(byte_in(set, b), list.contains(&b), "{b} in {list:?}");
        }
    }
    assert!((0..=255u8).all(|b| byte_in(ANY, b)));
}

proptest! {
    #[test]
    fn months_by_initial_are_months_by_list(w in "(jan|JUN|Ju|ma|Mar|MAY|ap|Au|sep|oct|nov|Dec|f|x)?[a-zA-Z ]{0,10}") {
        prop_assert_eq!(month_len(&w), month_len_by_list(&w));
    }
}

#[test]
fn every_month_by_initial() {
    for m in MONTH_NAMES {
        for w in [m.to_string(), m.to_uppercase(), format!("{m}s 3"), m[..3].to_string()] {
            assert_eq!(month_len(&w), month_len_by_list(&w), "{w}");
        }
    }
}

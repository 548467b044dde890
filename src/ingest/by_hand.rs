//! Hand-written readers for expressions that ordinary pages need at once:
//! comment counts and comment prompts sit under most stories and a
//! dateline opens most bodies, so their expressions would be compiled on
//! nearly every run, at a cost greater than reading the page. On plain text (see
//! [`super::ascii::is_plain`]) these readers decide exactly what the
//! expressions' ASCII builds decide; the expressions stay the
//! specification, used on other text and by the tests that prove the two
//! equal.
//!
//! The furniture expressions are anchored at both ends and matched
//! ignoring case, so each reader strips the expression's pieces off the
//! front of the line in turn and asks that nothing is left. Where an
//! optional piece could be taken or skipped, the comments say why only
//! one choice can lead to a match.

use super::words::starts_any_ci;
use std::ops::Range;

/// `text` after its opening `word` (lower-case ASCII), ignoring ASCII case.
fn word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    // An ASCII prefix ends on a character boundary.
    starts_any_ci(text, &[word]).then(|| &text[word.len()..])
}

/// `text` after each of `words` it opens with.
fn any_word<'t>(text: &'t str, words: &'static [&'static str]) -> impl Iterator<Item = &'t str> + 't {
    words.iter().filter_map(move |w| word(text, w))
}

/// Whether `text` is one of `words`, ignoring ASCII case.
fn is_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// `text` after its opening white space (`\s*`; Rust's white space is
/// Unicode's, as the expressions' `\s` is).
fn spaces(text: &str) -> &str {
    text.trim_start()
}

/// `text` after `\s+`.
fn spaces1(text: &str) -> Option<&str> {
    let rest = text.trim_start();
    (rest.len() < text.len()).then_some(rest)
}

/// `text` after `\d[\d,]*`. Taking every digit and comma is the only
/// choice where a match can go on, as what follows a number in these
/// expressions is never a digit or comma.
fn number(text: &str) -> Option<&str> {
    text.starts_with(|c: char| c.is_ascii_digit()).then(|| text.trim_start_matches(|c: char| c.is_ascii_digit() || c == ','))
}

/// `text` after "comment" or "comments" (both, as either may match).
fn comment_word(text: &str) -> impl Iterator<Item = &str> {
    any_word(text, &["comments", "comment"])
}

/// The comment count expression of the furniture table:
/// `(?:\d[\d,]*|no|one|...|ten)\s+(?:comments?|responses?|replies|reactions)`,
/// `comments?\s*[(\[]\s*\d[\d,]*\s*[)\]]` or `comments?:?\s*\d[\d,]*`.
pub(super) fn comment_count(t: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const NOUNS: &[&str] = &["comment", "comments", "response", "responses", "replies", "reactions"];
    let counted = number(t).into_iter().chain(any_word(t, NUMBER_WORDS)).filter_map(spaces1).any(|rest| is_any(rest, NOUNS));
    counted
        || comment_word(t).any(|rest| {
            let bracketed = spaces(rest)
                .strip_prefix(['(', '['])
                .and_then(|r| number(spaces(r)))
                .is_some_and(|r| matches!(spaces(r), ")" | "]"));
            // Skipping a colon that is there leaves no digit to read.
            let after_colon = rest.strip_prefix(':').unwrap_or(rest);
            bracketed || number(spaces(after_colon)).is_some_and(str::is_empty)
        })
}

/// The comment prompt expression of the furniture table: "Leave a
/// comment", "View all 12 comments", "Sort by: Newest" and the rest of its
/// alternatives, one branch each below in the expression's order.
pub(super) fn comment_prompt(t: &str) -> bool {
    const VERBS: &[&str] = &["leave", "post", "add", "write", "submit", "join", "start", "have"];
    const WHOSE: &[&str] = &["a", "your", "the", "us a"];
    const WHAT: &[&str] = &["comment", "reply", "response", "conversation", "discussion"];
    const SHOW: &[&str] = &["view", "show", "read", "load", "see", "hide"];
    const WHOLE: &[&str] = &[
        "comment", "comments", "reader comments", "comments are closed", "comments are closed.", "what do you think?", "newest",
        "oldest", "most voted", "top comments", "inline feedback", "inline feedbacks", "view all comments",
    ];
    let invitation = || {
        any_word(t, VERBS)
            .filter_map(|r| r.strip_prefix(' '))
            .flat_map(|r| any_word(r, WHOSE))
            .filter_map(|r| r.strip_prefix(' '))
            .flat_map(|r| any_word(r, WHAT))
            .any(|r| {
                // A plural "s" must be taken: no ending below starts with one.
                let r = r.strip_prefix(['s', 'S']).unwrap_or(r);
                matches!(r, "" | "." | "!" | ":")
            })
    };
    let show_comments = || {
        any_word(t, SHOW).filter_map(|r| r.strip_prefix(' ')).any(|r| {
            // Each optional piece opens with a character no later piece
            // does ("a"/"t", a digit, "m", "c"), so taking it when it is
            // there is the only way on.
            let r = word(r, "all ").or_else(|| word(r, "the ")).unwrap_or(r);
            let r = number(r).and_then(|n| n.strip_prefix(' ')).unwrap_or(r);
            let r = word(r, "more ").unwrap_or(r);
            is_any(r, &["comment", "comments"])
        })
    };
    let people_talking = || {
        // A count opens with a digit, "people" and "readers" do not.
        let r = number(t).and_then(|n| n.strip_prefix(' ')).unwrap_or(t);
        any_word(r, &["people", "readers"]).filter_map(|r| r.strip_prefix(' ')).any(|r| is_any(r, &["are talking", "commented"]))
    };
    let sorted_by = || {
        // `by:?.{0,30}`: up to 30 characters of any kind but a line
        // break, one more when a colon opens them.
        any_word(t, &["sort", "sorted", "order", "ordered"])
            .filter_map(|r| word(r, " by"))
            .any(|r| !r.contains('\n') && r.chars().count() <= 30 + usize::from(r.starts_with(':')))
    };
    is_any(t, WHOLE) || invitation() || show_comments() || people_talking() || sorted_by()
}

/// A match of the dateline expression of [`super::meta`]: the place, its
/// commas' words and the agency in brackets.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Dateline {
    pub span: Range<usize>,
    pub place: Range<usize>,
    pub commas: Range<usize>,
    pub credit: Option<Range<usize>>,
}

/// The dateline expression read by hand on plain text. The expression
/// anchors at the start, so it has one way to succeed first: this tries
/// the place's possible ends, then the comma parts' ends, in the order its
/// greedy repetitions try them, and returns the first that the rest of the
/// line (spaces, an agency in brackets, a dash and a space) completes.
pub(super) fn dateline(text: &str) -> Option<Dateline> {
    let mut places = Vec::new();
    // "SEOUL", "NEW YORK": capitals and marks, up to four words.
    place_ends(text, 0, |c| c.is_ascii_uppercase() || matches!(c, '.' | '\'' | '’' | '-'), 3, &mut places);
    // "Pyongyang", "New York": a capital and lower case, up to two words.
    place_ends(text, 0, |c| c.is_ascii_lowercase() || matches!(c, '\'' | '’' | '-'), 1, &mut places);
    for place in first_of_each(places) {
        let mut commas = Vec::new();
        comma_ends(text, place, 2, &mut commas);
        for end in first_of_each(commas) {
            if let Some((credit, span_end)) = agency_and_dash(text, end) {
                return Some(Dateline { span: 0..span_end, place: 0..place, commas: place..end, credit });
            }
        }
    }
    None
}

/// The ends in order without repeats: what follows an end depends only on
/// where it is, so a repeated end fails as its first occurrence did.
fn first_of_each(ends: Vec<usize>) -> Vec<usize> {
    let mut seen = Vec::with_capacity(ends.len());
    for end in ends {
        if !seen.contains(&end) {
            seen.push(end);
        }
    }
    seen
}

/// Where a run of one or more characters of `class` from `at` may end,
/// longest first (a greedy repetition's order).
fn run_ends(text: &str, at: usize, class: impl Fn(char) -> bool) -> Vec<usize> {
    let mut ends: Vec<usize> = text[at..].char_indices().take_while(|&(_, c)| class(c)).map(|(i, c)| at + i + c.len_utf8()).collect();
    ends.reverse();
    ends
}

/// The ends of a place of capitalised words from `at`, each an ASCII
/// capital then one or more of `rest`, with up to `more` further words
/// after single spaces, in the expression's order: for each end of a word,
/// longest first, the ends with more words before the end itself.
fn place_ends(text: &str, at: usize, rest: fn(char) -> bool, more: usize, out: &mut Vec<usize>) {
    if !text[at..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return;
    }
    for end in run_ends(text, at + 1, rest) {
        if more > 0 && text[end..].starts_with(' ') {
            place_ends(text, end + 1, rest, more - 1, out);
        }
        out.push(end);
    }
}

/// The ends of up to `more` parts of ", " and 2 to 30 characters other
/// than commas, brackets and long dashes, in the expression's order.
fn comma_ends(text: &str, at: usize, more: usize, out: &mut Vec<usize>) {
    if more > 0 && text[at..].starts_with(", ") {
        let ends = run_ends(text, at + 2, |c| !matches!(c, ',' | '(' | ')' | '—' | '–'));
        let count = ends.len();
        // `ends[j]` closes a part of `count - j` characters.
        for (j, end) in ends.into_iter().enumerate() {
            if (2..=30).contains(&(count - j)) {
                comma_ends(text, end, more - 1, out);
            }
        }
    }
    out.push(at);
}

/// Spaces, an optional agency in brackets, spaces, a dash and a space from
/// `at`: the agency and the end. The agency is all up to the first closing
/// bracket (it holds none), and its bracket needs the spaces before it
/// all taken; without it the spaces all go to the second run, so one try
/// of each shape decides.
fn agency_and_dash(text: &str, at: usize) -> Option<(Option<Range<usize>>, usize)> {
    let open = at + text[at..].bytes().take_while(|&b| b == b' ').count();
    if text[open..].starts_with('(') {
        let start = open + 1;
        if let Some(len) = text[start..].find(')') {
            let close = start + len;
            if (2..=40).contains(&text[start..close].chars().count()) {
                if let Some(end) = dash_after(text, close + 1) {
                    return Some((Some(start..close), end));
                }
            }
        }
    }
    dash_after(text, open).map(|end| (None, end))
}

/// Spaces, a dash ("—", "–", "--" or "-") and a space from `at`: the end.
fn dash_after(text: &str, at: usize) -> Option<usize> {
    let from = at + text[at..].bytes().take_while(|&b| b == b' ').count();
    let rest = &text[from..];
    ["—", "–", "--", "-"].iter().find(|d| rest.strip_prefix(**d).is_some_and(|r| r.starts_with(' '))).map(|d| from + d.len() + 1)
}

/// The syndication footer expression of the furniture table, `the post .+
/// appeared first on .+` over the whole line: the opening words, then the
/// phrase with at least one character on each side and no line break.
pub(super) fn syndication_footer(t: &str) -> bool {
    const PHRASE: &[u8] = b" appeared first on ";
    const OPENING: usize = "the post ".len();
    let bytes = t.as_bytes();
    starts_any_ci(t, &["the post "])
        && !t.contains('\n')
        && (OPENING + 1..bytes.len().saturating_sub(PHRASE.len())).any(|i| bytes[i..i + PHRASE.len()].eq_ignore_ascii_case(PHRASE))
}

/// The first credit shape's expression ("Image: Agency", "Photo credit:
/// X", "Images source, X") read by hand on plain text: where its leftmost
/// match starts. A match runs to the end of the text, so it exists at a
/// start exactly when the label, the colon and the credit's words fit
/// there; which of the ways to read the label is taken does not matter.
pub(super) fn labelled_credit(t: &str) -> Option<usize> {
    const LABELS: &[&str] = &[
        "images", "image", "photos", "photograph", "photo", "pictures", "picture", "credit", "illustration", "graphic", "video", "source",
    ];
    let bytes = t.as_bytes();
    (0..t.len()).find(|&at| {
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') || !t.is_char_boundary(at) {
            return false;
        }
        // Every label opens with one of these letters: most starts are
        // refused on their first byte, before the labels are compared.
        if !matches!(bytes[at].to_ascii_lowercase(), b'i' | b'p' | b'c' | b'g' | b'v' | b's') {
            return false;
        }
        let rest = &t[at..];
        // `label(?:\s+credit)?\s*:\s*\S[^.!?]*` and its close.
        let labelled = any_word(rest, LABELS).any(|r| {
            let with_credit = spaces1(r).and_then(|r| word(r, "credit"));
            [Some(r), with_credit].into_iter().flatten().any(|r| spaces(r).strip_prefix(':').is_some_and(credit_words))
        });
        // `(?:images?|photos?)\s+(?:source|caption|credit)\s*[:,]\s*\S[^.!?]*` and its close.
        let captioned = || {
            any_word(rest, &["images", "image", "photos", "photo"])
                .filter_map(spaces1)
                .flat_map(|r| any_word(r, &["source", "caption", "credit"]))
                .any(|r| spaces(r).strip_prefix([':', ',']).is_some_and(credit_words))
        };
        labelled || captioned()
    })
}

/// `\s*\S[^.!?]*\.?\)?\s*$`: a first character that is not white space,
/// then no "!" or "?" and at most one full stop, followed by no more than
/// a closing bracket and white space.
fn credit_words(text: &str) -> bool {
    let rest = spaces(text);
    let mut chars = rest.chars();
    if chars.next().is_none() {
        return false;
    }
    let after_first = chars.as_str();
    match after_first.find(['.', '!', '?']) {
        None => true,
        Some(i) => {
            let tail = &after_first[i..];
            let tail = tail.strip_prefix('.').map(|r| r.strip_prefix(')').unwrap_or(r));
            tail.is_some_and(|r| r.trim_start().is_empty())
        }
    }
}

/// The author bio expression of the furniture table ("Jo Lin is a
/// reporter for ...", "She was the paper's editor"): one to four
/// capitalised names or a pronoun, a verb, an article, and a role word
/// somewhere after it, over the whole line.
pub(super) fn author_bio(t: &str) -> bool {
    // Where the verb may start: after a pronoun, or after each of the first
    // one to four names. A name holds no white space and the white space
    // after it is taken whole, as the next name or the verb opens with a
    // letter, so the names are the line's first words.
    let mut verb_starts: Vec<&str> = any_word(t, &["he ", "she ", "they "]).collect();
    verb_starts.extend(after_names(t));
    verb_starts.into_iter().any(|r| {
        any_word(r, &["is ", "was ", "has been ", "serves as ", "are "])
            .flat_map(|r| any_word(r, &["a", "an", "the", "our"]))
            .any(|r| !r.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') && names_a_role(r))
    })
}

/// The share prompt expression of the furniture table ("Share this
/// story:", "Click to share on X", "Email", "Facebook | X | Email"), one
/// alternative at a time: the line is a prompt when any reads it whole.
/// Southern pages close nearly every story with one, which would
/// otherwise compile the expression on most runs.
pub(super) fn share_prompt(t: &str) -> bool {
    share_on_networks(t)
        || share_phrase(t)
        || word(t, "click to ").is_some_and(share_phrase)
        || is_any(t, &["tweet", "tweet this", "email", "print", "copy link", "save article", "save story"])
        || network_list(t)
}

/// `share(?: this(?: article| story| post| page)?)?(?: on| via| with)?(?: network)*:?`.
/// Each optional piece is tried taken and not; the networks differ by
/// their opening letters and none opens another, so at most one can
/// follow at each point and they are taken as they come.
fn share_on_networks(t: &str) -> bool {
    const NETWORKS: &[&str] = &[" facebook", " twitter", " x", " linkedin", " whatsapp", " email", " reddit", " telegram", " bluesky"];
    let Some(rest) = word(t, "share") else { return false };
    let mut after_this = vec![rest];
    if let Some(r) = word(rest, " this") {
        after_this.push(r);
        after_this.extend(any_word(r, &[" article", " story", " post", " page"]));
    }
    after_this.into_iter().flat_map(|r| std::iter::once(r).chain(any_word(r, &[" on", " via", " with"]))).any(|mut r| {
        while let Some(next) = any_word(r, NETWORKS).next() {
            r = next;
        }
        r.is_empty() || r == ":"
    })
}

/// `share (?:this|on|via) .+`: at least one more character, and no line break.
fn share_phrase(t: &str) -> bool {
    word(t, "share ").is_some_and(|r| any_word(r, &["this ", "on ", "via "]).any(|r| !r.is_empty() && !r.contains('\n')))
}

/// `(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram)(?:\s*[·|•,]\s*\w+)*`
/// (`\w` in its ASCII build). A run of word characters is taken whole, as
/// what may follow it (white space or a separator) is never one.
fn network_list(t: &str) -> bool {
    const NETWORKS: &[&str] = &["facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "telegram"];
    let Some(mut rest) = any_word(t, NETWORKS).next() else { return false };
    while !rest.is_empty() {
        let Some(after) = spaces(rest).strip_prefix(['·', '|', '•', ',']) else { return false };
        let after = spaces(after);
        let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        if end == 0 {
            return false;
        }
        rest = &after[end..];
    }
    true
}

/// The beat bio expression of the furniture table ("Jo Lin covers the
/// courts for the Star", "Ann Lee reports from Riverton at the Star"):
/// one to four capitalised names, a beat verb, and then "for" or "at"
/// opening a later word, with more after it, over the whole line. The
/// names are the line's first words, as in [`author_bio`].
pub(super) fn beat_bio(t: &str) -> bool {
    const BEATS: &[&str] = &["covers", "writes about", "writes on", "reports on", "reports from", "has covered", "has reported on"];
    after_names(t).any(|after| any_word(after, BEATS).any(outlet_after_beat))
}

/// The rest of a line after each of its first one to four names (a
/// capital, then letters, dots, apostrophes or hyphens) and the white
/// space after it: where a bio's verb may stand.
fn after_names(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = t;
    std::iter::from_fn(move || {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let name = &rest[..end];
        let is_name = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().skip(1).all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        let after = spaces1(&rest[end..]).filter(|_| is_name)?;
        rest = after;
        Some(after)
    })
    .take(4)
}

/// `\b.+\b(?:for|at) (?:the )?.+$` on what follows the beat verb: a word
/// boundary, no line break, and "for " or "at " opening a word past the
/// first character, with at least one character after it (which "the "
/// alone may be).
fn outlet_after_beat(text: &str) -> bool {
    let bytes = text.as_bytes();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    !bytes.first().is_some_and(|&b| is_word(b))
        && !text.contains('\n')
        && (1..bytes.len()).any(|p| {
            !is_word(bytes[p - 1])
                && ["for ", "at "].iter().any(|w| bytes.len() > p + w.len() && bytes[p..p + w.len()].eq_ignore_ascii_case(w.as_bytes()))
        })
}

/// `.*\b(?:role)s?\b.*$` on what follows the article: no line break, and a
/// role word standing as a word, plural or not.
fn names_a_role(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "reporter", "correspondent", "editor", "writer", "journalist", "columnist", "contributor", "producer", "bureau chief",
        "photographer", "author", "fellow", "freelancer",
    ];
    let bytes = text.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    !text.contains('\n')
        && (1..text.len()).any(|j| {
            !is_word(j - 1)
                && text.is_char_boundary(j)
                && ROLES.iter().any(|role| {
                    let end = j + role.len();
                    starts_any_ci(&text[j..], &[role])
                        && (!is_word(end) || (matches!(bytes[end], b's' | b'S') && !is_word(end + 1)))
                })
        })
}

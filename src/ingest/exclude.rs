//! Regions of a page that are not the article's own reporting: reader
//! comments, another story's headline or caption, syndication footers,
//! author bios, share prompts, promotions and links to other stories. Each
//! is excluded from extraction and listed in every report with its reason
//! and a note saying what gave it away.
//!
//! Copy pasted from a web page carries the page around the story. The
//! rules here read the page's shape rather than any one site's wording:
//!
//! - page furniture has stock wording on a line of its own ("Leave a
//!   comment", "5 Comments", "Share this", "Advertisement", "Read more: ...",
//!   "The post ... appeared first on ...", "Copyright 2025 ...");
//! - reader comments follow the body, usually after a wider break than the
//!   body's own paragraph breaks, and read differently: first and second
//!   person, "??" and "!!", lowercase starts, no final full stop. A region
//!   is excluded only when that change of register is clear, since a false
//!   exclusion would hide real facts;
//! - a photo caption (it carries a credit such as "Image: Agency") above a
//!   second headline belongs, with the headline above it, to another story
//!   when the second headline matches the body better;
//! - a one-line bio ("X is a correspondent for ...") only counts as one in
//!   the run of furniture at the end of the body.
//!
//! Every region covers whole lines; regions never overlap.

use super::ascii::{byte_set, is_plain, TwoBuild};
use super::by_hand;
use super::words::{self, contains_any_ascii_ci, ends_any_ci, ends_digit, starts_any_ci, starts_digit, Line};
#[cfg(test)]
use super::Article;
use crate::model::Span;
use aho_corasick::AhoCorasick;
use serde::Serialize;
use std::sync::LazyLock;

/// Why a region was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    ReaderComments,
    /// Headline or photo caption of another story.
    Caption,
    /// "The post ... appeared first on ...", copyright lines and similar.
    Footer,
    AuthorBio,
    /// "Leave a comment", "Share this", comment counts.
    SharePrompt,
    /// "Advertisement", "Sign up for our newsletter", "Follow us on ...".
    Promo,
    /// "Related: ...", "Read more: ...": a pointer to another story.
    RelatedLink,
    /// Masthead, date line, byline or a repeated headline: read for the
    /// article's metadata, not for facts.
    Metadata,
}

impl ExclusionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ExclusionReason::ReaderComments => "reader_comments",
            ExclusionReason::Caption => "caption",
            ExclusionReason::Footer => "footer",
            ExclusionReason::AuthorBio => "author_bio",
            ExclusionReason::SharePrompt => "share_prompt",
            ExclusionReason::Promo => "promo",
            ExclusionReason::RelatedLink => "related_link",
            ExclusionReason::Metadata => "metadata",
        }
    }
}

/// One excluded region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub reason: ExclusionReason,
    pub span: Span,
    /// 1-based, inclusive.
    pub start_line: usize,
    pub end_line: usize,
    /// What gave it away, for the user ("17 short paragraphs after the body").
    pub note: String,
}

impl Excluded {
    /// A region covering `first..=last` (whole lines).
    pub(super) fn lines(reason: ExclusionReason, first: &Line<'_>, last: &Line<'_>, note: String) -> Excluded {
        Excluded {
            reason,
            span: Span::new(first.span.start, last.span.end.max(first.span.start)),
            start_line: first.number,
            end_line: last.number,
            note,
        }
    }
}

/// The most words of the shorter kinds of furniture (share prompts,
/// promotions; comment prompts have fewer).
const SHORT_FURNITURE_WORDS: usize = 16;

/// The most words of any kind of furniture (bios and footers).
const FURNITURE_MAX_WORDS: usize = 80;

/// Lines longer than this are prose, never page furniture; the limit also
/// keeps the per-line patterns cheap on huge single-line files.
const FURNITURE_MAX_BYTES: usize = 600;

/// What a line of page furniture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Says the page has reader comments ("5 Comments", "Leave a comment").
    CommentPrompt,
    /// Metadata of a reader comment ("3 hours ago", "Reply").
    CommentChrome,
    Other(ExclusionReason),
    /// "X is a reporter for ...": only a bio in the furniture after the body.
    Bio,
}

struct Pattern {
    /// The expression, compiled on first use: most pages need only a few
    /// of these, and compiling them all would cost more than reading the
    /// page.
    re: TwoBuild,
    kind: Furniture,
    note: &'static str,
    /// Lower-case words of which any line the pattern matches holds one:
    /// a cheap test that spares most lines the regular expression.
    hints: &'static [&'static str],
    /// A test every line the pattern matches passes, on plain text (see
    /// [`is_plain`]): the line's first or last words, a literal it must
    /// hold. Tighter than `hints`, and cheap enough to run on every line,
    /// so that an ordinary line compiles and runs no expression at all.
    could_match: fn(&str) -> bool,
    /// Furniture is short: a longer line is prose that happens to start
    /// the same way ("Sign-up numbers rose ...").
    max_words: usize,
    /// A hand-written reader that decides exactly what `re` does on plain
    /// text, for patterns ordinary pages need (see [`by_hand`]).
    by_hand: Option<fn(&str) -> bool>,
}

impl Pattern {
    /// With a hand-written reader for plain text.
    fn read_by_hand(self, reader: fn(&str) -> bool) -> Pattern {
        Pattern { by_hand: Some(reader), ..self }
    }

    fn is_match(&self, content: &str, plain: bool) -> bool {
        match self.by_hand {
            Some(reader) if plain => reader(content),
            _ => self.re.is_match(content),
        }
    }
}

fn pattern(re: &str, kind: Furniture, note: &'static str, hints: &'static [&'static str], could_match: fn(&str) -> bool) -> Pattern {
    let re = TwoBuild::new(format!("(?i)^(?:{re})$"));
    let max_words = match kind {
        Furniture::CommentPrompt | Furniture::CommentChrome => 10,
        Furniture::Other(ExclusionReason::SharePrompt | ExclusionReason::Promo) => SHORT_FURNITURE_WORDS,
        Furniture::Other(_) | Furniture::Bio => FURNITURE_MAX_WORDS,
    };
    Pattern { re, kind, note, hints, could_match, max_words, by_hand: None }
}

/// The jobs an author bio names.
const BIO_ROLES: &[&str] = &[
    "reporter", "correspondent", "editor", "writer", "journalist", "columnist", "contributor", "producer", "bureau chief",
    "photographer", "author", "fellow", "freelancer",
];

const NUMBER_WORD: &str = r"\d[\d,]*|no|one|two|three|four|five|six|seven|eight|nine|ten";

static FURNITURE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use ExclusionReason::*;
    use Furniture::*;
    vec![
        pattern(
            &format!(r"(?:{NUMBER_WORD})\s+(?:comments?|responses?|replies|reactions)|comments?\s*[(\[]\s*\d[\d,]*\s*[)\]]|comments?:?\s*\d[\d,]*"),
            CommentPrompt,
            "comment count",
            &["comment", "respon", "repl", "reaction"],
            |t| {
                (starts_digit(t) || starts_any_ci(t, &["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "comment"]))
                    && (ends_digit(t) || t.ends_with([')', ']', ',']) || ends_any_ci(t, &["comment", "comments", "response", "responses", "replies", "reactions"]))
            },
        )
        .read_by_hand(by_hand::comment_count),
        pattern(
            r"(?:leave|post|add|write|submit|join|start|have) (?:a|your|the|us a) (?:comment|reply|response|conversation|discussion)s?[.!:]?|comments?|reader comments|(?:view|show|read|load|see|hide) (?:all |the )?(?:\d[\d,]* )?(?:more )?comments?|comments are closed\.?|what do you think\?|(?:\d[\d,]* )?(?:people|readers) (?:are talking|commented)|(?:sort(?:ed)?|order(?:ed)?) by:?.{0,30}|newest|oldest|most voted|top comments|inline feedbacks?|view all comments",
            CommentPrompt,
            "comment prompt",
            &["comment", "repl", "respon", "conversation", "discussion", "what do you think", "talking", "sort", "order", "newest", "oldest", "voted", "feedback"],
            |t| {
                const STARTS: &[&str] = &[
                    "leave", "post", "add", "write", "submit", "join", "start", "have", "comment", "reader", "view", "show", "read",
                    "load", "see", "hide", "what", "people", "newest", "oldest", "most", "top", "inline",
                ];
                const ENDS: &[&str] = &[
                    "comment", "comments", "reply", "replys", "response", "responses", "conversation", "conversations", "discussion",
                    "discussions", "closed", "think?", "talking", "commented", "newest", "oldest", "voted", "feedback", "feedbacks",
                ];
                let unpunctuated = t.strip_suffix(['.', '!', ':']).unwrap_or(t);
                starts_any_ci(t, &["sort", "order"])
                    || ((starts_digit(t) || starts_any_ci(t, STARTS)) && (ends_any_ci(t, ENDS) || ends_any_ci(unpunctuated, ENDS)))
            },
        )
        .read_by_hand(by_hand::comment_prompt),
        pattern(
            r"(?:\S{1,40}\s*[•·|—–-]\s*)?(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|(?:reply|like|report|flag|share|upvote|downvote)(?:\s*[·|•›»]\s*(?:reply|like|report|flag|share|upvote|downvote))*\s*[›»]?|loading\.*|like this:?",
            CommentChrome,
            "comment metadata",
            &["ago", "reply", "like", "report", "flag", "share", "vote", "loading"],
            |t| {
                const ACTIONS: &[&str] = &["reply", "like", "report", "flag", "share", "upvote", "downvote"];
                ends_any_ci(t, &["ago"])
                    || starts_any_ci(t, &["loading"])
                    || (starts_any_ci(t, ACTIONS) && (ends_any_ci(t, ACTIONS) || ends_any_ci(t, &["›", "»", "this", "this:"])))
            },
        ),
        pattern(
            r"share(?: this(?: article| story| post| page)?)?(?: on| via| with)?(?: (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram|bluesky))*:?|(?:click to )?share (?:this|on|via) .+|tweet(?: this)?|email|print|copy link|save (?:article|story)|(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram)(?:\s*[·|•,]\s*\w+)*",
            Other(SharePrompt),
            "share prompt",
            &["share", "tweet", "email", "print", "copy link", "save", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "telegram"],
            |t| {
                starts_any_ci(t, &[
                    "share", "click", "tweet", "email", "print", "copy link", "save", "facebook", "twitter", "linkedin", "whatsapp",
                    "reddit", "pinterest", "telegram",
                ])
            },
        )
        .read_by_hand(by_hand::share_prompt),
        pattern(
            r"advertisement|advertising|sponsored(?: content)?|(?:story|article) continues (?:below|after).*|continue reading(?: below| the main story)?",
            Other(Promo),
            "advertisement",
            &["advertis", "sponsored", "continue"],
            |t| starts_any_ci(t, &["advertis", "sponsored", "story", "article", "continue"]),
        ),
        pattern(
            r"(?:sign up|subscribe|register)\b.*|(?:follow|like) (?:us|\w+) on (?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|telegram|google news|whatsapp)\b.*|(?:download|get) (?:our|the) (?:free )?app\b.*|(?:get|receive) (?:our|the) .+newsletter.*|click here\b.*|already a subscriber\b.*|(?:log ?in|sign ?in)(?: to| or)?\b.{0,80}|this (?:article|story|content) is (?:for|available to|only for) (?:subscribers|members).*",
            Other(Promo),
            "promotion",
            &["sign up", "subscribe", "register", "follow", "like", "download", "get", "receive", "click here", "log in", "login", "sign in", "signin", "members"],
            |t| {
                starts_any_ci(t, &[
                    "sign up", "subscribe", "register", "follow", "like", "download", "get", "receive", "click here",
                    "already a subscriber", "log in", "login", "sign in", "signin", "this article is ", "this story is ",
                    "this content is ",
                ])
            },
        ),
        pattern(
            r"(?:related|read more|read also|also read|see also|more on this(?: story)?|more from .+|recommended|further reading|read next|up next|watch|listen|more)\s*[:|>»–—-]\s*.+|related(?: (?:stories|articles|content|news|coverage|posts|reading))?|read more|more stories|you (?:might|may) also like:?|recommended(?: for you)?|most (?:read|popular|viewed)|(?:previous|next) (?:article|story|post)\b.*",
            Other(RelatedLink),
            "link to another story",
            &["related", "read", "see also", "more", "recommended", "further", "up next", "watch", "listen", "you might", "you may", "most", "previous", "next"],
            |t| {
                // The labels a mark follows (after white space), as the
                // expression has them: a line of prose that opens with
                // "More" and holds a hyphen somewhere is refused here.
                const LABELS: &[&str] = &[
                    "related", "read more", "read also", "also read", "see also", "more on this story", "more on this", "recommended",
                    "further reading", "read next", "up next", "watch", "listen", "more",
                ];
                const MARKS: [char; 7] = [':', '|', '>', '»', '–', '—', '-'];
                const WHOLE: &[&str] = &[
                    "related", "read more", "more stories", "you might also like", "you may also like", "recommended", "most read",
                    "most popular", "most viewed", "previous article", "previous story", "previous post", "next article",
                    "next story", "next post",
                ];
                let marked = |label: &&str| starts_any_ci(t, &[label]) && t[label.len()..].trim_start().starts_with(MARKS);
                LABELS.iter().any(marked) || (starts_any_ci(t, &["more from "]) && t.contains(MARKS)) || starts_any_ci(t, WHOLE)
            },
        ),
        pattern(r"the post .+ appeared first on .+", Other(Footer), "syndication footer", &["appeared first on"],
            |t| starts_any_ci(t, &["the post "]) && contains_any_ascii_ci(t, &["appeared first on"]),)
        .read_by_hand(by_hand::syndication_footer),
        pattern(
            r"(?:(?:image|photo|picture|slide)s?\s*)?\d+\s*(?:of|/)\s*\d+|(?:expand|enlarge|toggle|hide|show) (?:this )?(?:image|photo|caption)|(?:view|open) (?:the )?(?:gallery|slideshow).*",
            Other(Caption),
            "photo gallery control",
            &["image", "photo", "picture", "slide", "caption", "gallery", "slideshow"],
            |t| {
                ((starts_digit(t) || starts_any_ci(t, &["image", "photo", "picture", "slide"])) && ends_digit(t))
                    || starts_any_ci(t, &["expand", "enlarge", "toggle", "hide", "show", "view", "open"])
            },
        ),
        pattern(
            r"(?:(?:last )?updated|published|posted)\s*:?\s*(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|\d+[- ]?min(?:ute)?s?\.?\s+(?:read|listen|watch)|(?:reading|read) time:?\s*\d+\s*min(?:ute)?s?",
            Other(Metadata),
            "time stamp or reading time",
            &["ago", "read", "listen", "watch"],
            |t| {
                (starts_any_ci(t, &["last", "updated", "published", "posted"]) && ends_any_ci(t, &["ago"]))
                    || (starts_digit(t) && ends_any_ci(t, &["read", "listen", "watch"]))
                    || (starts_any_ci(t, &["read"]) && ends_any_ci(t, &["min", "mins", "minute", "minutes"]))
            },
        ),
        pattern(
            r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b.*)?|.*\ball rights reserved\.?",
            Other(Footer),
            "copyright line",
            &["copyright", "©", "(c)", "all rights reserved"],
            |t| {
                t.starts_with('©')
                    || starts_any_ci(t, &["copyright", "(c)"])
                    || ends_any_ci(t, &["all rights reserved", "all rights reserved."])
            },
        ),
        pattern(
            r"(?:this (?:article|story|post|piece) (?:was |is )?(?:originally |first )?|originally |first )(?:published|appeared|posted) (?:on|in|by|at)\b.+|our standards:.*",
            Other(Footer),
            "syndication footer",
            &["published", "appeared", "posted", "our standards"],
            |t| {
                starts_any_ci(t, &["our standards:"])
                    || (starts_any_ci(t, &["this article ", "this story ", "this post ", "this piece ", "originally ", "first "])
                        && contains_any_ascii_ci(t, &["published ", "appeared ", "posted "]))
            },
        ),
        pattern(r"(?:tags?|topics?|filed under|categories|category)\s*:.+", Other(Footer), "tags", &["tag", "topic", "filed under", "categor"],
            |t| t.contains(':') && starts_any_ci(t, &["tag", "topic", "filed under", "categor"]),),
        pattern(
            r"(?:additional )?reporting by\b.+|(?:writing|editing|edited|compiled|written) by\b.+|about the authors?:?|(?:contact|email|write to) (?:the )?(?:author|reporter|writer)\b.*",
            Bio,
            "reporting credit",
            &["reporting by", "writing by", "editing by", "edited by", "compiled by", "written by", "about the author", "contact", "email", "write to"],
            |t| {
                starts_any_ci(t, &[
                    "additional reporting by", "reporting by", "writing by", "editing by", "edited by", "compiled by", "written by",
                    "about the author", "contact ", "email ", "write to ",
                ])
            },
        ),
        pattern(
            r"(?:(?-i:(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})|(?:he|she|they) )(?:is|was|has been|serves as|are) (?:a|an|the|our)\b.*\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|bureau chief|photographer|author|fellow|freelancer)s?\b.*",
            Bio,
            "author bio",
            BIO_ROLES,
            |t| {
                const ROLE_VERBS: &[&[&str]] = &[
                    &["is", "a"], &["is", "the"], &["is", "our"], &["was", "a"], &["was", "the"], &["was", "our"],
                    &["has", "been", "a"], &["has", "been", "the"], &["has", "been", "our"], &["serves", "as", "a"],
                    &["serves", "as", "the"], &["serves", "as", "our"], &["are", "a"], &["are", "the"], &["are", "our"],
                ];
                verb_after_names_with(t, ROLE_VERBS, const { lead_mask(ROLE_VERBS) }, true) && contains_any_ascii_ci(t, BIO_ROLES)
            },
        )
        .read_by_hand(by_hand::author_bio),
        pattern(r"...+\bcontributed (?:reporting|to this report|research)\b.*", Bio, "reporting credit", &["contributed"],
            |t| {
                // One search for what the three share, then the three.
                contains_any_ascii_ci(t, &["contributed "])
                    && contains_any_ascii_ci(t, &["contributed reporting", "contributed to this report", "contributed research"])
            },),
        pattern(
            r"(?-i:(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})(?:covers|writes about|writes on|reports on|reports from|has covered|has reported on)\b.+\b(?:for|at) (?:the )?.+",
            Bio,
            "author bio",
            &["covers", "writes", "reports", "has covered", "has reported"],
            |t| {
                const BEAT_VERBS: &[&[&str]] = &[
                    &["covers"], &["writes", "about"], &["writes", "on"], &["reports", "on"], &["reports", "from"],
                    &["has", "covered"], &["has", "reported", "on"],
                ];
                verb_after_names_with(t, BEAT_VERBS, const { lead_mask(BEAT_VERBS) }, false) && contains_any_ascii_ci(t, &["for ", "at "])
            },
        )
        .read_by_hand(by_hand::beat_bio),
    ]
});

/// Whether one of the verb `phrases` (ignoring ASCII case) follows one to
/// four capitalised words opening the line, or, with `pronouns`, "he",
/// "she" or "they": where a bio's verb stands. A phrase's last word need
/// only open its word ("a" in "an", "covers" in "covers,").
///
/// This runs on nearly every line, so the words are read lazily, each
/// only once a phrase could need it: a line of prose ("Harbour master
/// Orrin Tavish said ...") is refused on its second word, whose first byte
/// opens no phrase and which is no name. `tests::verb_after_names_spec`
/// is the plain reading of every opening word it agrees with.
#[cfg(test)]
fn verb_after_names(t: &str, phrases: &[&[&str]], pronouns: bool) -> bool {
    verb_after_names_with(t, phrases, lead_mask(phrases), pronouns)
}

/// The first letters of `phrases`, as bits indexed by a byte's low five
/// bits: worked out once, at compile time, for each list of verbs, since
/// [`verb_after_names_with`] runs on nearly every line.
const fn lead_mask(phrases: &[&[&str]]) -> u32 {
    let mut mask = 0u32;
    let mut i = 0;
    while i < phrases.len() {
        if let Some(word) = phrases[i].first() {
            if let Some(&b) = word.as_bytes().first() {
                mask |= 1 << (b & 31);
            }
        }
        i += 1;
    }
    mask
}

/// [`verb_after_names`], given `leads`, the [`lead_mask`] of `phrases`.
fn verb_after_names_with(t: &str, phrases: &[&[&str]], leads: u32, pronouns: bool) -> bool {
    // A name opens with a capital, a pronoun with "h", "s" or "t": most
    // lines of prose are refused before their words are read.
    let opens_right = |b: u8| b.is_ascii_uppercase() || (pronouns && matches!(b, b'h' | b's' | b't'));
    if !t.trim_start().as_bytes().first().is_some_and(|&b| opens_right(b)) {
        return false;
    }
    if !may_have_verb_after_names(t, leads, pronouns) {
        return false;
    }
    let mut words = LazyWords { iter: words::WhitespaceWords::new(t), read: [""; 7], count: 0 };
    let Some(first) = words.get(0) else { return false };
    if pronouns && ["he", "she", "they"].iter().any(|p| first.eq_ignore_ascii_case(p)) && phrase_at(&mut words, phrases, 1) {
        return true;
    }
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    for k in 1..=4 {
        if !words.get(k - 1).is_some_and(capitalised) {
            return false;
        }
        if phrase_at(&mut words, phrases, k) {
            return true;
        }
    }
    false
}

/// A test every line [`verb_after_names`] accepts passes, reading each
/// opening word once: some word after the opening run of capitalised
/// words (or after a pronoun) opens with the first letter of a phrase.
/// Letters are compared by their low five bits, which a few other bytes
/// share: those pass too, and are refused by the full reading.
fn may_have_verb_after_names(t: &str, leads: u32, pronouns: bool) -> bool {
    let mut words = words::WhitespaceWords::new(t);
    let Some(mut before) = words.next() else { return false };
    let pronoun = pronouns && ["he", "she", "they"].iter().any(|p| before.eq_ignore_ascii_case(p));
    for k in 1..=4 {
        if !(before.starts_with(|c: char| c.is_ascii_uppercase()) || (k == 1 && pronoun)) {
            return false;
        }
        let Some(word) = words.next() else { return false };
        if word.as_bytes().first().is_some_and(|&b| leads & 1 << (b & 31) != 0) {
            return true;
        }
        before = word;
    }
    false
}

/// The opening words of a line, read on demand (at most seven).
struct LazyWords<'a> {
    iter: words::WhitespaceWords<'a>,
    read: [&'a str; 7],
    count: usize,
}

impl<'a> LazyWords<'a> {
    fn get(&mut self, i: usize) -> Option<&'a str> {
        while self.count <= i && self.count < self.read.len() {
            self.read[self.count] = self.iter.next()?;
            self.count += 1;
        }
        self.read[..self.count].get(i).copied()
    }
}

/// Whether one of `phrases` starts at word `k`: each word equal to the
/// phrase's, ignoring ASCII case, the last only opening with it.
fn phrase_at(words: &mut LazyWords<'_>, phrases: &[&[&str]], k: usize) -> bool {
    let Some(lead) = words.get(k).and_then(|w| w.as_bytes().first().copied()) else { return false };
    // The first bytes first: most words after a name ("said") open no
    // phrase, and are refused before any comparison.
    let lead = lead.to_ascii_lowercase();
    if !phrases.iter().any(|phrase| phrase.first().and_then(|w| w.as_bytes().first()) == Some(&lead)) {
        return false;
    }
    phrases.iter().any(|phrase| {
        phrase.iter().enumerate().all(|(j, w)| {
            words.get(k + j).is_some_and(|word| {
                if j + 1 == phrase.len() { starts_any_ci(word, &[w]) } else { word.eq_ignore_ascii_case(w) }
            })
        })
    })
}

/// What a line of page furniture is, bios aside: the first pattern of
/// the table that matches it, when that is not a bio's.
///
/// Bios (and reporting credits) are the last patterns of the table, so a
/// line is one exactly when no other pattern matches and one of theirs
/// does; and a bio counts only in the run of furniture closing the body,
/// so [`bio`] is asked of the few lines that run reaches rather than of
/// every line, which would read the opening words of all prose.
fn furniture(line: &Line<'_>) -> Option<(Furniture, &'static str)> {
    furniture_among(line, !*BIO_PATTERNS)
}

/// The note of the bio pattern a line matches, for a line no other
/// pattern matches (see [`furniture`]).
fn bio(line: &Line<'_>) -> Option<&'static str> {
    furniture_among(line, *BIO_PATTERNS).map(|(_, note)| note)
}

/// The patterns of [`FURNITURE`] whose kind is [`Furniture::Bio`], as bits.
static BIO_PATTERNS: LazyLock<u64> =
    LazyLock::new(|| FURNITURE.iter().enumerate().filter(|(_, p)| p.kind == Furniture::Bio).fold(0, |bits, (i, _)| bits | 1 << i));

/// The first pattern among `among` (bits of [`FURNITURE`]) that matches the line.
fn furniture_among(line: &Line<'_>, among: u64) -> Option<(Furniture, &'static str)> {
    let content = line.content();
    if content.is_empty() || content.len() > FURNITURE_MAX_BYTES {
        return None;
    }
    let plain = line.is_plain();
    let wanted = among & if plain { plain_candidates_among(content, among) } else { hinted_candidates(content) };
    if wanted == 0 {
        return None;
    }
    // Counted only now: most lines have no candidate at all.
    let words = words::count_words_up_to(content, FURNITURE_MAX_WORDS + 1);
    FURNITURE
        .iter()
        .enumerate()
        .filter(|(i, p)| wanted & (1 << i) != 0 && words <= p.max_words)
        .find(|(_, p)| p.is_match(content, plain))
        .map(|(_, p)| (p.kind, p.note))
}

/// The patterns worth trying on a plain line: those whose `could_match`
/// it passes. Each test holds for every line its pattern matches, and so
/// does each pattern's hint, so this tries a pattern that matches exactly
/// when [`hinted_candidates`] does: the first match is the same.
#[cfg(test)]
fn plain_candidates(content: &str) -> u64 {
    plain_candidates_among(content, u64::MAX)
}

/// [`plain_candidates`] among the patterns `among` (bits of [`FURNITURE`]):
/// the tests of the others are not run.
fn plain_candidates_among(content: &str, among: u64) -> u64 {
    let bytes = content.as_bytes();
    let opening = among & (opening_mask(bytes) | closing_mask(bytes));
    FURNITURE
        .iter()
        .enumerate()
        .filter(|(i, p)| opening & (1 << i) != 0 && (p.could_match)(content))
        .fold(0, |wanted, (i, _)| wanted | 1 << i)
}

/// For each furniture pattern, in the table's order, the bytes (ASCII
/// letters in lower case, digits) a line must open with for its
/// `could_match` to accept it, unless the line closes as [`CLOSINGS`]
/// lets it; empty where a test also reads the line's middle, or accepts
/// any capital. Read off the tests' opening words, and checked against
/// them by the prefilter tests.
const OPENINGS: [&[u8]; 17] = [
    b"0123456789notfsec",
    b"0123456789soplawjhcrvnmti",
    // "loading" and the comment actions (or a closing "ago").
    b"lrfsud",
    b"sctepflwr",
    b"asc",
    b"srfldgcat",
    b"rasmfuwlypn",
    b"t",
    b"0123456789ipsethvo",
    b"0123456789lupr",
    // "©" (its first byte), "(c)", "copyright" (or the closing reservation).
    b"\xc2(c",
    b"otf",
    b"tfc",
    b"arwec",
    b"",
    b"",
    b"",
];

/// The patterns a line may pass by its opening: [`OPENING_PAIRS`] for a
/// line that opens with an ASCII letter, [`OPENING_MASKS`] otherwise.
fn opening_mask(bytes: &[u8]) -> u64 {
    match bytes {
        [] => u64::MAX,
        [a, rest @ ..] if a.is_ascii_alphabetic() => {
            let second = rest.first().filter(|b| b.is_ascii_alphabetic()).map_or(26, |b| usize::from(b.to_ascii_lowercase() - b'a'));
            let pair = usize::from(a.to_ascii_lowercase() - b'a') * 27 + second;
            // (With no second letter only the patterns open to any opening
            // are left, which the third byte does not refine.)
            if second == 26 { PAIR_MASKS[pair] } else { refine_by_third(PAIR_MASKS[pair], pair, rest.get(1)) }
        }
        [a, ..] => OPENING_MASKS[usize::from(a.to_ascii_lowercase())],
    }
}

/// For each furniture pattern whose [`OPENINGS`] lists letters, the
/// opening words (lower-case ASCII) its `could_match` accepts a line
/// starting with, read off the tests: their third bytes refine
/// [`OPENING_PAIRS`] ("The" opens neither "three" nor "this article").
/// A word of two bytes lets any third byte pass. Checked against the
/// tests by the prefilter tests.
const OPENING_WORDS: [&[&str]; 17] = [
    &["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "comment"],
    &[
        "sort", "order", "leave", "post", "add", "write", "submit", "join", "start", "have", "comment", "reader", "view", "show", "read",
        "load", "see", "hide", "what", "people", "newest", "oldest", "most", "top", "inline",
    ],
    &["loading", "reply", "like", "report", "flag", "share", "upvote", "downvote"],
    &[
        "share", "click", "tweet", "email", "print", "copy link", "save", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
        "pinterest", "telegram",
    ],
    &["advertis", "sponsored", "story", "article", "continue"],
    &[
        "sign up", "subscribe", "register", "follow", "like", "download", "get", "receive", "click here", "already a subscriber",
        "log in", "login", "sign in", "signin", "this article is ", "this story is ", "this content is ",
    ],
    &[
        "related", "read", "also read", "see also", "more", "recommended", "further reading", "up next", "watch", "listen",
        "you might also like", "you may also like", "most", "previous", "next",
    ],
    &["the post "],
    &["image", "photo", "picture", "slide", "expand", "enlarge", "toggle", "hide", "show", "view", "open"],
    &["last", "updated", "published", "posted", "read"],
    &["copyright"],
    &["our standards:", "this article ", "this story ", "this post ", "this piece ", "originally ", "first "],
    &["tag", "topic", "filed under", "categor"],
    &[
        "additional reporting by", "reporting by", "writing by", "editing by", "edited by", "compiled by", "written by",
        "about the author", "contact ", "email ", "write to ",
    ],
    &[],
    &[],
    &[],
];

/// The class of a line's third byte in [`THIRD_BYTES`]: a letter's place
/// in the alphabet, 26 for anything else (the end of the line included).
fn third_class(b: Option<&u8>) -> usize {
    b.filter(|b| b.is_ascii_alphabetic()).map_or(26, |b| usize::from(b.to_ascii_lowercase() - b'a'))
}

/// Per opening pair (as indexed in [`PAIR_MASKS`]) and pattern, the
/// classes of third byte ([`third_class`]) its [`OPENING_WORDS`] allow,
/// as bits. Worked out at compile time: a line's opening costs two
/// lookups and no comparison with any word.
static THIRD_BYTES: [[u32; 17]; 26 * 27] = {
    let mut table = [[0u32; 17]; 26 * 27];
    let mut i = 0;
    while i < OPENING_WORDS.len() {
        let mut k = 0;
        while k < OPENING_WORDS[i].len() {
            let w = OPENING_WORDS[i][k].as_bytes();
            if w.len() >= 2 && w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase() {
                let pair = (w[0] - b'a') as usize * 27 + (w[1] - b'a') as usize;
                table[pair][i] |= if w.len() == 2 {
                    u32::MAX
                } else if w[2].is_ascii_lowercase() {
                    1 << (w[2] - b'a')
                } else {
                    1 << 26
                };
            }
            k += 1;
        }
        i += 1;
    }
    table
};

/// The patterns of `mask` (a [`PAIR_MASKS`] entry for `pair`) whose
/// opening words allow the line's third byte; patterns without opening
/// words are kept.
fn refine_by_third(mask: u64, pair: usize, third: Option<&u8>) -> u64 {
    let class = third_class(third);
    let mut out = mask;
    let mut bits = mask;
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        if !OPENING_WORDS[i].is_empty() && THIRD_BYTES[pair][i] & 1 << class == 0 {
            out &= !(1 << i);
        }
    }
    out
}

/// The patterns whose tests also accept a line by its last words, with
/// those words (lower-case ASCII): "3 hours ago" is comment metadata and
/// "... All rights reserved." a copyright line, whatever they open with.
/// [`OPENINGS`] lists the openings of their other branches.
const CLOSINGS: [(usize, &[&str]); 2] = [(2, &["ago"]), (10, &["all rights reserved", "all rights reserved."])];

/// The patterns of [`CLOSINGS`] a line may pass by its end. Without this
/// the two tests would run on every line, since their openings alone
/// cannot refuse a line that closes their way.
fn closing_mask(bytes: &[u8]) -> u64 {
    let closes = |end: &&str| bytes.len() >= end.len() && bytes[bytes.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes());
    CLOSINGS.iter().filter(|(_, ends)| ends.iter().any(closes)).fold(0, |mask, (i, _)| mask | 1 << i)
}

/// For each furniture pattern, in the table's order, the first two
/// letters (in lower case) of the words its `could_match` accepts a line
/// opening with, when [`OPENINGS`] lists letters for it: every such word
/// has two letters or more, so a line opening with a letter passes that
/// test only with one of these pairs. Empty where any opening may pass.
/// Most lines of prose open with a pair no pattern wants ("Th" is only
/// "the post", "this article" and "three"), and are spared the tests
/// whose first letter alone they share. Read off the tests' opening
/// words, and checked against them by the prefilter tests.
const OPENING_PAIRS: [&[&str]; 17] = [
    &["no", "on", "tw", "th", "fo", "fi", "si", "se", "ei", "ni", "te", "co"],
    &["so", "or", "le", "po", "ad", "wr", "su", "jo", "st", "ha", "co", "re", "vi", "sh", "lo", "se", "hi", "wh", "pe", "ne", "ol", "mo", "to", "in"],
    &["lo", "re", "li", "fl", "sh", "up", "do"],
    &["sh", "cl", "tw", "em", "pr", "co", "sa", "fa", "li", "wh", "re", "pi", "te"],
    &["ad", "sp", "st", "ar", "co"],
    &["si", "su", "re", "fo", "li", "do", "ge", "cl", "al", "lo", "th"],
    &["re", "al", "se", "mo", "fu", "up", "wa", "li", "yo", "pr", "ne"],
    &["th"],
    &["im", "ph", "pi", "sl", "ex", "en", "to", "hi", "sh", "vi", "op"],
    &["la", "up", "pu", "po", "re"],
    &["co"],
    &["ou", "th", "or", "fi"],
    &["ta", "to", "fi", "ca"],
    &["ad", "re", "wr", "ed", "co", "ab", "em"],
    &[],
    &[],
    &[],
];

/// [`OPENINGS`] refined by [`OPENING_PAIRS`], for lines opening with an
/// ASCII letter: indexed by the first letter times 27 plus the second
/// (26 when the second byte is no ASCII letter).
static PAIR_MASKS: [u64; 26 * 27] = {
    // Worked out at compile time. (Every pair opens with one of its
    // pattern's letters, as the prefilter tests check.)
    let mut masks = [0u64; 26 * 27];
    let mut i = 0;
    while i < OPENINGS.len() {
        if OPENINGS[i].is_empty() {
            let mut at = 0;
            while at < masks.len() {
                masks[at] |= 1 << i;
                at += 1;
            }
        } else {
            let mut k = 0;
            while k < OPENING_PAIRS[i].len() {
                let p = OPENING_PAIRS[i][k].as_bytes();
                masks[(p[0] - b'a') as usize * 27 + (p[1] - b'a') as usize] |= 1 << i;
                k += 1;
            }
        }
        i += 1;
    }
    masks
};

/// [`OPENINGS`] by first byte (in lower case): the patterns a line opening
/// with it may pass, so that each line asks only those. (Worked out at
/// compile time.)
static OPENING_MASKS: [u64; 256] = {
    let mut masks = [0u64; 256];
    let mut i = 0;
    while i < OPENINGS.len() {
        let mut b = 0;
        while b < masks.len() {
            let mut wanted = OPENINGS[i].is_empty();
            let mut k = 0;
            while k < OPENINGS[i].len() {
                wanted |= OPENINGS[i][k] as usize == b;
                k += 1;
            }
            if wanted {
                masks[b] |= 1 << i;
            }
            b += 1;
        }
        i += 1;
    }
    masks
};

/// The patterns worth trying on any line: comment counts may start with
/// any number; otherwise only patterns whose hint words occur.
fn hinted_candidates(content: &str) -> u64 {
    let mut wanted: u64 = if content.starts_with(|c: char| c.is_ascii_digit()) { u64::MAX } else { 0 };
    let (hints, owners) = &*FURNITURE_HINTS;
    for m in hints.find_overlapping_iter(content) {
        wanted |= 1 << owners[m.pattern().as_usize()];
    }
    wanted
}

/// Every pattern's hint words in one automaton, with the pattern each
/// belongs to.
static FURNITURE_HINTS: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (words, owners): (Vec<&str>, Vec<usize>) =
        FURNITURE.iter().enumerate().flat_map(|(i, p)| p.hints.iter().map(move |h| (*h, i))).unzip();
    let automaton = AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("furniture hints");
    (automaton, owners)
});

/// A photo credit: "Image: Agency", "Photo: X/Reuters", "(AP Photo/Name)",
/// "Photo by X", "Getty Images", "(Agency via Wire)", "REUTERS/Name".
///
/// Each shape is its own expression behind a literal every match of it
/// holds (a colon, a slash, parentheses, a keyword), so that most lines are
/// never searched and a shape is compiled only once a line could hold it.
/// Every shape closes the text, so the earliest start among the shapes is
/// where one expression of all of them would start too.
struct CreditShape {
    /// Cheap and necessary: a text failing it cannot match `re`.
    could_match: fn(&str) -> bool,
    re: LazyLock<TwoBuild>,
    /// A hand-written reader giving where `re` starts on plain text, for
    /// shapes ordinary pages need (see [`by_hand`]).
    by_hand: Option<fn(&str) -> Option<usize>>,
}

impl CreditShape {
    /// Where the shape's match starts, if the text holds one.
    fn start(&self, text: &str) -> Option<usize> {
        if !(self.could_match)(text) {
            return None;
        }
        match self.by_hand {
            Some(reader) if is_plain(text) => reader(text),
            _ => self.re.find(text).map(|m| m.start()),
        }
    }
}

/// What closes every credit: an optional full stop and bracket.
macro_rules! credit_pattern {
    ($shape:literal) => {
        LazyLock::new(|| TwoBuild::new(concat!("(?i)(?:", $shape, r")\.?\)?\s*$")))
    };
}

static CREDIT_SHAPES: [CreditShape; 4] = [
    // "Image: Agency", "Photo credit: X", "Images source, X".
    CreditShape {
        could_match: |t| t.contains([':', ',']) && contains_any_ascii_ci(t, CREDIT_LABEL_STEMS),
        re: credit_pattern!(
            r"\b(?:images?|photos?|photograph|pictures?|credit|illustration|graphic|video|source)(?:\s+credit)?\s*:\s*\S[^.!?]*|\b(?:images?|photos?)\s+(?:source|caption|credit)\s*[:,]\s*\S[^.!?]*"
        ),
        by_hand: Some(by_hand::labelled_credit),
    },
    // "REUTERS/Name", "X/Reuters".
    CreditShape {
        could_match: |t| t.contains('/'),
        re: credit_pattern!(
            r"\b(?-i:REUTERS|AFP|AP|EPA|YONHAP|KCNA)\s*/\s*\p{L}[\p{L} .'’-]*|/\s*(?:reuters|afp|ap|epa|xinhua|yonhap|anadolu|bloomberg)(?:\s+via\s+[^.]+)?"
        ),
        by_hand: None,
    },
    // "(AP Photo/Name)", "(Agency via Wire)".
    CreditShape {
        could_match: |t| t.contains('(') && t.contains(')') && contains_any_ascii_ci(t, &["photo", "via"]),
        re: credit_pattern!(
            r"\(\s*(?:[\p{L}.]+\s+)?photos?\s*(?:/|:|by)[^)]*\)|\(\s*[\p{L}.&/ -]{2,40}\s+via\s+[\p{L}.& -]{2,40}\)"
        ),
        by_hand: None,
    },
    // "Photo by X", "Photograph courtesy of X", "Getty Images".
    CreditShape {
        could_match: |t| contains_any_ascii_ci(t, &["photo by", "photograph by", "photo courtesy", "photograph courtesy", "getty image"]) || (contains_any_ascii_ci(t, &["photo"]) && !is_plain(t)) || photo_then_credit_word(t),
        re: credit_pattern!(r"\bphoto(?:graph)?\s+(?:by|courtesy(?: of)?)\s+[^.!?]+|\bgetty images"),
        by_hand: None,
    },
];

/// "photo" or "photograph", white space, then "by" or "courtesy": what
/// "Photo by X" needs when the white space is not one plain space.
fn photo_then_credit_word(t: &str) -> bool {
    let bytes = t.as_bytes();
    (0..bytes.len().saturating_sub(4)).any(|i| {
        if !bytes[i..i + 5].eq_ignore_ascii_case(b"photo") {
            return false;
        }
        let rest = &t[i + 5..];
        let rest = if starts_any_ci(rest, &["graph"]) { &rest[5..] } else { rest };
        let after = rest.trim_start();
        after.len() < rest.len() && starts_any_ci(after, &["by", "courtesy"])
    })
}

/// Stems of the credit labels, cut before any "s" or "k": under Unicode
/// case folding those also match "ſ" and the Kelvin sign, which an ASCII
/// test would miss.
const CREDIT_LABEL_STEMS: &[&str] = &["image", "photo", "picture", "credit", "illu", "graphic", "video", "ource"];

/// Whether `text` ends with a photo credit.
#[cfg(test)]
fn is_credit(text: &str) -> bool {
    is_credit_in(text, is_plain(text))
}

/// [`is_credit`], told whether the text is plain (see [`is_plain`]); a
/// text not known to be plain may be passed as not plain.
fn is_credit_in(text: &str, plain: bool) -> bool {
    may_close_with_credit(text, plain) && may_hold_credit(text) && CREDIT_SHAPES.iter().any(|s| s.start(text).is_some())
}

/// A test every text a credit shape matches passes, read from the end of
/// the text; on plain text (see [`is_plain`]) only, others pass. Every
/// line of the body is asked whether it closes with a credit, and this
/// refuses most of them on their last sentence alone:
///
/// - the agency shapes need a "/" and the bracketed ones a "(": with
///   either, the text passes;
/// - otherwise only the labelled shapes ("Photo: X", "Images source, X")
///   and "Photo by X" / "Getty Images" remain. Their matches hold no
///   ".", "!" or "?" but a closing full stop and, in a labelled credit,
///   the first character after the label's colon. So past the last such
///   mark (the closing one left out) must stand "photo" or "getty", or
///   a label word right before a colon, or "source", "caption" or
///   "credit" right before a comma.
fn may_close_with_credit(text: &str, plain: bool) -> bool {
    if !plain {
        return true;
    }
    let closed = text.trim_end();
    let closed = closed.strip_suffix(')').unwrap_or(closed);
    let body = closed.strip_suffix('.').unwrap_or(closed);
    let bytes = body.as_bytes();
    // One pass back from the end over the last sentence, each byte looked
    // up once, rather than a search for the marks and then two for the
    // words: every line of the body is asked, and nearly all are refused
    // here. (What is cut off the end holds no slash or bracket.)
    // `tests::may_close_with_credit_spec` is the reading in several searches.
    let word_at = |i: usize, word: &[u8]| bytes.len() - i >= word.len() && bytes[i..i + word.len()].eq_ignore_ascii_case(word);
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        let b = bytes[i];
        if !CREDIT_TAIL_BYTES[usize::from(b)] {
            continue;
        }
        match b {
            b'/' | b'(' => return true,
            // The mark may be the first character of a label's credit;
            // before the last sentence only a slash or a bracket counts.
            b'.' | b'!' | b'?' => {
                return body[..i].trim_end().ends_with([':', ',']) || memchr::memchr2(b'/', b'(', &bytes[..i]).is_some();
            }
            // (The word before the mark lies inside the last sentence,
            // which a sentence mark closes off: read in `body` it is the
            // same word.)
            b':' | b',' if is_labelled_mark(body, i) => return true,
            b'p' | b'P' if word_at(i, b"photo") => return true,
            b'g' | b'G' if word_at(i, b"getty") => return true,
            _ => {}
        }
    }
    false
}

/// The bytes [`may_close_with_credit`] stops at: marks and the first
/// letters of the words it looks for.
static CREDIT_TAIL_BYTES: [bool; 256] = byte_set(b"/(.!?:,pPgG");

/// `contains_any_ascii_ci(text, &["photo", "getty"]) || labelled_mark(text)`
/// in two vectorised searches rather than three: each finds the first
/// letter of one word in either case together with one of the marks.
/// The last sentence's test in `tests::may_close_with_credit_spec`,
/// which [`may_close_with_credit`] now reads in its one pass.
/// (`tests::names_credit_spec` is the plain form.)
#[cfg(test)]
fn names_credit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let word_at = |i: usize, word: &[u8]| bytes.len() - i >= word.len() && bytes[i..i + word.len()].eq_ignore_ascii_case(word);
    memchr::memchr3_iter(b'p', b'P', b':', bytes).any(|i| if bytes[i] == b':' { is_labelled_mark(text, i) } else { word_at(i, b"photo") })
        || memchr::memchr3_iter(b'g', b'G', b',', bytes).any(|i| if bytes[i] == b',' { is_labelled_mark(text, i) } else { word_at(i, b"getty") })
}

/// Whether a colon in `text` follows a credit label (after white space),
/// or a comma follows "source", "caption" or "credit": the word right
/// before the mark, all of it, since a label opens on a word boundary.
#[cfg(test)]
fn labelled_mark(text: &str) -> bool {
    memchr::memchr2_iter(b':', b',', text.as_bytes()).any(|i| is_labelled_mark(text, i))
}

/// Whether the colon or comma at `at` follows a label (see [`labelled_mark`]).
fn is_labelled_mark(text: &str, at: usize) -> bool {
    const BEFORE_COLON: &[&str] = &[
        "images", "image", "photos", "photograph", "photo", "pictures", "picture", "credit", "illustration", "graphic", "video", "source",
        "caption",
    ];
    const BEFORE_COMMA: &[&str] = &["source", "caption", "credit"];
    let labels = if text.as_bytes()[at] == b':' { BEFORE_COLON } else { BEFORE_COMMA };
    // Most commas of prose close a word that no label ends like: when
    // the mark follows a word byte at once, that byte closes the word,
    // and its last letter rules out every label but a few, at no search.
    if let Some(&last) = text.as_bytes()[..at].last() {
        let word_byte = last.is_ascii_alphanumeric() || last == b'_';
        if word_byte && !labels.iter().any(|l| l.as_bytes().last().is_some_and(|e| e.eq_ignore_ascii_case(&last))) {
            return false;
        }
    }
    let before = text[..at].trim_end();
    let start = before.bytes().rposition(|b| !(b.is_ascii_alphanumeric() || b == b'_')).map_or(0, |p| p + 1);
    let word = &before[start..];
    labels.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Whether `text` holds a word or mark that some credit shape's own
/// literal test needs: a slash, a credit label's stem, "photo" or "via".
/// One search for all of them, so that an ordinary line is spared the
/// shapes' several searches; each shape still runs its own test.
fn may_hold_credit(text: &str) -> bool {
    CREDIT_HINTS.is_match(text)
}

/// What [`CREDIT_SHAPES`]' literal tests look for, in one automaton: the
/// label stems of the labelled shape, the slash of the agency shape, and
/// "photo" and "via", one of which the other two shapes' tests need
/// ("getty image" holds "image").
static CREDIT_HINTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let hints = CREDIT_LABEL_STEMS.iter().copied().chain(["/", "via"]);
    // A full DFA: the fastest search per byte, and these few short hints keep it small.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(hints)
        .expect("credit hints")
});

/// Where the earliest photo credit closing `text` starts.
fn credit_start(text: &str) -> Option<usize> {
    CREDIT_SHAPES.iter().filter_map(|s| s.start(text)).min()
}

/// Finds the excluded regions of an article, given its lines, in text
/// order.
pub(super) fn find(lines: &[Line<'_>]) -> Vec<Excluded> {
    let mut marks: Vec<Option<Mark>> = vec![None; lines.len()];
    let mut comment_signal = None;
    for (i, line) in lines.iter().enumerate() {
        match furniture(line) {
            // (Bios are read later, by `accept_tail_bios`.)
            Some((Furniture::Bio, _)) => {}
            Some((Furniture::CommentPrompt, note)) => {
                comment_signal.get_or_insert(line.number);
                marks[i] = Some(Mark::new(ExclusionReason::SharePrompt, note));
            }
            Some((Furniture::CommentChrome, note)) => {
                marks[i] = Some(Mark::new(ExclusionReason::SharePrompt, note).chrome());
            }
            Some((Furniture::Other(reason), note)) => marks[i] = Some(Mark::new(reason, note)),
            None => {}
        }
    }
    let comments = comments::find(lines, &marks, comment_signal);
    if let Some(region) = &comments {
        for mark in &mut marks[region.first..=region.last] {
            *mark = Some(Mark { reason: ExclusionReason::ReaderComments, note: region.note.clone(), comment_chrome: false });
        }
    }
    let body_end = comments.as_ref().map_or(lines.len(), |c| c.first);
    accept_tail_bios(lines, &mut marks, body_end);
    captions::find(lines, &mut marks, body_end);
    regions(lines, &marks)
}

#[derive(Debug, Clone)]
struct Mark {
    reason: ExclusionReason,
    note: String,
    /// A reader comment's own furniture ("Reply"): evidence of comments.
    comment_chrome: bool,
}

impl Mark {
    fn new(reason: ExclusionReason, note: &str) -> Mark {
        Mark { reason, note: note.to_string(), comment_chrome: false }
    }

    fn chrome(mut self) -> Mark {
        self.comment_chrome = true;
        self
    }
}

/// Bios count only in the run of furniture that closes the body: the same
/// words in the middle of a story are reporting about a journalist.
fn accept_tail_bios(lines: &[Line<'_>], marks: &mut [Option<Mark>], body_end: usize) {
    let mut i = body_end;
    while i > 0 {
        i -= 1;
        if lines[i].is_blank() || marks[i].is_some() {
            continue;
        }
        match bio(&lines[i]).filter(|_| states_no_figure(lines[i].text)) {
            Some(note) => marks[i] = Some(Mark::new(ExclusionReason::AuthorBio, note)),
            None => break,
        }
    }
}

/// A bio gives no figures, years aside ("has reported from there since
/// 2019"); a closing line with a figure is reporting, whatever its shape.
fn states_no_figure(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .all(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")))
        && !text.split_whitespace().any(|w| NUMBER_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())))
}

const NUMBER_WORDS: &[&str] = &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million"];

/// Groups marked lines into regions: consecutive lines with the same
/// reason, blank lines between them included, blank lines around them not.
fn regions(lines: &[Line<'_>], marks: &[Option<Mark>]) -> Vec<Excluded> {
    let mut out: Vec<Excluded> = Vec::new();
    let mut open: Option<(usize, usize, Vec<String>)> = None;
    let close = |open: &mut Option<(usize, usize, Vec<String>)>, out: &mut Vec<Excluded>| {
        if let Some((first, last, notes)) = open.take() {
            let reason = marks[first].as_ref().map_or(ExclusionReason::SharePrompt, |m| m.reason);
            out.push(Excluded::lines(reason, &lines[first], &lines[last], notes.join("; ")));
        }
    };
    for (i, line) in lines.iter().enumerate() {
        match &marks[i] {
            Some(mark) => {
                let same = open.as_ref().is_some_and(|(first, _, _)| marks[*first].as_ref().is_some_and(|m| m.reason == mark.reason));
                if !same {
                    close(&mut open, &mut out);
                    open = Some((i, i, Vec::new()));
                }
                if let Some((_, last, notes)) = open.as_mut() {
                    *last = i;
                    if !notes.contains(&mark.note) {
                        notes.push(mark.note.clone());
                    }
                }
            }
            None if line.is_blank() => {}
            None => close(&mut open, &mut out),
        }
    }
    close(&mut open, &mut out);
    out
}

/// Reader comments below the body.
mod comments {
    use super::{Line, Mark};

    pub(super) struct Region {
        /// Line indices, inclusive.
        pub first: usize,
        pub last: usize,
        pub note: String,
    }

    /// A non-blank line and what it says about the page.
    struct Unit {
        index: usize,
        /// Blank lines before it.
        gap: usize,
        /// Page furniture (already marked).
        furniture: bool,
        /// Announces comments ("Leave a comment", "12 comments").
        header: bool,
        /// Furniture that is a reader comment's own ("Reply"). Whether a
        /// paragraph reads like a comment is asked of [`Register`], only
        /// where a decision needs it; the features themselves are listed
        /// only for the paragraphs a note names.
        informal: bool,
    }

    pub(super) fn find(lines: &[Line<'_>], marks: &[Option<Mark>], signal: Option<usize>) -> Option<Region> {
        let units = units(lines, marks);
        let typical = typical_gap(&units);
        let candidates: Vec<(usize, bool)> = (1..units.len())
            .filter_map(|c| {
                let header = units[c - 1].header;
                let wide_break = units[c].gap > typical && (units[c].gap >= 2 || typical == 0);
                (!units[c].furniture && (header || wide_break)).then_some((c, header))
            })
            .collect();
        if candidates.is_empty() && signal.is_none() {
            return None;
        }
        let content: Vec<usize> = (0..units.len()).filter(|&u| !units[u].furniture).collect();
        let mut register = Register::new(lines, &units, &content);
        let found = candidates.iter().find_map(|&(c, header)| judge(&mut register, c, header, signal));
        found.or_else(|| signal.and_then(|s| trailing_run(&mut register, s)))
    }

    fn units(lines: &[Line<'_>], marks: &[Option<Mark>]) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut gap = 0;
        for (index, line) in lines.iter().enumerate() {
            if line.is_blank() {
                gap += 1;
                continue;
            }
            let mark = marks[index].as_ref();
            let header = mark.is_some_and(|m| m.reason == super::ExclusionReason::SharePrompt && !m.comment_chrome && m.note.starts_with("comment"));
            let informal = mark.is_some_and(|m| m.comment_chrome);
            units.push(Unit { index, gap, furniture: mark.is_some(), header, informal });
            gap = 0;
        }
        units
    }

    /// The body's usual number of blank lines between paragraphs.
    fn typical_gap(units: &[Unit]) -> usize {
        let mut gaps: Vec<usize> = units.iter().skip(1).map(|u| u.gap).collect();
        gaps.sort_unstable();
        gaps.get(gaps.len() / 2).copied().unwrap_or(0)
    }

    /// Whether each paragraph (content unit) reads informally, read only
    /// as far as a decision needs: every candidate break first asks about
    /// the paragraphs after it, and most pages are decided there, so the
    /// body above is seldom read at all. Reading the register costs a pass
    /// over a paragraph's text.
    struct Register<'a> {
        lines: &'a [Line<'a>],
        units: &'a [Unit],
        /// Indices of the units that are not furniture.
        content: &'a [usize],
        /// Per content unit, once read.
        known: Vec<Option<bool>>,
        /// `from[k]`: informal content units among `content[k..]`, known
        /// for `k >= read_from`.
        from: Vec<usize>,
        read_from: usize,
    }

    impl<'a> Register<'a> {
        fn new(lines: &'a [Line<'a>], units: &'a [Unit], content: &'a [usize]) -> Register<'a> {
            let n = content.len();
            Register { lines, units, content, known: vec![None; n], from: vec![0; n + 1], read_from: n }
        }

        fn informal(&mut self, k: usize) -> bool {
            let (lines, units, content) = (self.lines, self.units, self.content);
            *self.known[k].get_or_insert_with(|| is_informal(lines[units[content[k]].index].content()))
        }

        /// Informal content units among `content[k..]`: the suffix sums
        /// grow backwards as needed, so each paragraph is read once.
        fn informal_from(&mut self, k: usize) -> usize {
            while self.read_from > k {
                self.read_from -= 1;
                let at = self.read_from;
                self.from[at] = self.from[at + 1] + usize::from(self.informal(at));
            }
            self.from[k]
        }
    }

    /// Comments start at unit `c` when what follows reads clearly more
    /// informally than what precedes.
    fn judge(register: &mut Register<'_>, c: usize, header: bool, signal: Option<usize>) -> Option<Region> {
        let (lines, units, content) = (register.lines, register.units, register.content);
        let split = content.partition_point(|&u| u < c);
        let (before, after) = content.split_at(split);
        if before.len() < 3 || after.is_empty() {
            return None;
        }
        // What follows first: it decides most pages without the body above.
        let informal_after = register.informal_from(split);
        let ratio_after = informal_after as f64 / after.len() as f64;
        let threshold = if signal.is_some() || header { 0.34 } else { 0.5 };
        let enough = informal_after >= if header { 1 } else { 2 };
        if !(enough && ratio_after >= threshold) {
            return None;
        }
        let informal_before = register.informal_from(0) - informal_after;
        let ratio_before = informal_before as f64 / before.len() as f64;
        if ratio_before > ratio_after / 2.0 {
            return None;
        }
        // The comments' own furniture ("Reply", "3 hours ago") after the
        // last comment still belongs to them.
        let last = (c..units.len())
            .rev()
            .find(|&u| !units[u].furniture || units[u].informal || units[u].header)?;
        let why = if header { "below a comment prompt" } else { "after a wider break than the body's" };
        let mut note = format!(
            "{} paragraphs {why}, {informal_after} of them informal ({})",
            after.len(),
            features(lines, after.iter().map(|&u| &units[u])).join(", ")
        );
        if let Some(line) = signal {
            note.push_str(&format!("; comment count or prompt on line {line}"));
        }
        Some(Region { first: units[c].index, last: units[last].index, note })
    }

    /// Without a break: the page says it has comments and its last
    /// paragraphs all read like them.
    fn trailing_run(register: &mut Register<'_>, signal: usize) -> Option<Region> {
        let (lines, units, content) = (register.lines, register.units, register.content);
        let run = (0..content.len()).rev().take_while(|&k| register.informal(k)).count();
        if run < 2 || content.len() - run < 3 {
            return None;
        }
        let tail = &content[content.len() - run..];
        let note = format!(
            "last {run} paragraphs informal ({}); comment count or prompt on line {signal}",
            features(lines, tail.iter().map(|&u| &units[u])).join(", ")
        );
        Some(Region { first: units[tail[0]].index, last: units[*tail.last()?].index, note })
    }

    /// The informal features of the given paragraphs, each once, in the
    /// order first met.
    fn features<'a>(lines: &[Line<'_>], which: impl Iterator<Item = &'a Unit>) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for unit in which {
            let found = if unit.furniture {
                if unit.informal { vec!["comment metadata"] } else { Vec::new() }
            } else {
                informality(lines[unit.index].content())
            };
            for f in found {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out
    }

    /// Every pronoun of [`FIRST_SECOND_PERSON`], "i" and [`SLANG`] word
    /// spelled in ASCII, packed by [`packed_lowercase`] and sorted.
    /// (Sorted once, at compile time.)
    const LISTED: [u64; FIRST_SECOND_PERSON.len() + SLANG.len() + 1] = {
        let mut listed = [0u64; FIRST_SECOND_PERSON.len() + SLANG.len() + 1];
        let mut i = 0;
        while i < FIRST_SECOND_PERSON.len() {
            listed[i] = packed_lowercase(FIRST_SECOND_PERSON[i]);
            i += 1;
        }
        while i < FIRST_SECOND_PERSON.len() + SLANG.len() {
            listed[i] = packed_lowercase(SLANG[i - FIRST_SECOND_PERSON.len()]);
            i += 1;
        }
        listed[i] = packed_lowercase("i");
        // An insertion sort: a const context has no `sort`.
        let mut j = 1;
        while j < listed.len() {
            let mut k = j;
            while k > 0 && listed[k - 1] > listed[k] {
                let swap = listed[k - 1];
                listed[k - 1] = listed[k];
                listed[k] = swap;
                k -= 1;
            }
            j += 1;
        }
        listed
    };

    /// Whether an ASCII word opens as some word of [`LISTED`] does: its
    /// first two bytes, in lower case, looked up in [`LISTED_OPENINGS`].
    /// Most short words of prose ("the", "of", "said") fail here, before
    /// they are packed and searched for.
    pub(super) fn may_be_listed(word: &[u8]) -> bool {
        let Some(row) = word.first().and_then(|&b| opening_index(b)) else { return false };
        let column = word.get(1).map_or(Some(OPENING_WORD_END), |&b| opening_index(b));
        column.is_some_and(|c| LISTED_OPENINGS[row] & 1 << c != 0)
    }

    /// A lower-cased letter's place in the alphabet, 26 for an apostrophe.
    const fn opening_index(b: u8) -> Option<usize> {
        let b = b.to_ascii_lowercase();
        if b.is_ascii_lowercase() {
            Some((b - b'a') as usize)
        } else if b == b'\'' {
            Some(26)
        } else {
            None
        }
    }

    /// The column of a word of one letter.
    const OPENING_WORD_END: usize = 27;

    /// Per first letter, the second bytes (see [`opening_index`]) the
    /// listed words have after it.
    const LISTED_OPENINGS: [u32; 27] = {
        let mut table = [0u32; 27];
        let words: [&[&str]; 2] = [FIRST_SECOND_PERSON, SLANG];
        let mut list = 0;
        while list < words.len() {
            let mut i = 0;
            while i < words[list].len() {
                let w = words[list][i].as_bytes();
                if let Some(row) = opening_index(w[0]) {
                    let column = if w.len() == 1 { Some(OPENING_WORD_END) } else { opening_index(w[1]) };
                    if let Some(c) = column {
                        table[row] |= 1 << c;
                    }
                }
                i += 1;
            }
            list += 1;
        }
        table[(b'i' - b'a') as usize] |= 1 << OPENING_WORD_END;
        table
    };

    /// An ASCII word of at most eight bytes as one number, lower-cased:
    /// two such words are equal ignoring ASCII case when their numbers are.
    const fn packed_lowercase(word: &str) -> u64 {
        let bytes = word.as_bytes();
        let mut n = 0u64;
        let mut i = 0;
        while i < bytes.len() && i < 8 {
            n = n << 8 | bytes[i].to_ascii_lowercase() as u64;
            i += 1;
        }
        n
    }

    pub(super) const FIRST_SECOND_PERSON: &[&str] = &[
        "me", "my", "mine", "myself", "you", "your", "yours", "you're", "youre", "we", "we're", "our", "ours",
        "us", "u", "ur", "i'm", "i've", "i'd", "i'll", "im", "ive",
    ];
    pub(super) const SLANG: &[&str] = &["lol", "lmao", "haha", "smh", "imo", "imho", "omg", "wtf", "btw", "tbh", "yeah", "yep", "nope", "gonna", "wanna"];

    /// What makes a paragraph read like a reader's comment rather than
    /// reporting; quoted words are left out, since news quotes people.
    /// One pass over the words (see [`token_facts`]) rather than a list of
    /// them per feature; `tests::informality_spec` is the plain reading.
    pub(super) fn informality(text: &str) -> Vec<&'static str> {
        let own = own_words(text);
        let facts = token_facts(&own, false);
        let mut found = Vec::new();
        if facts.person {
            found.push("first or second person");
        }
        if facts.lower_i {
            found.push("lowercase 'i'");
        }
        if has_marked_punctuation(&own) {
            found.push("'!!', '??' or spaced '!'");
        } else if own.contains('?') {
            found.push("a question");
        }
        if opens_lowercase(text) {
            found.push("lowercase start");
        }
        if facts.count >= 16 && !super::words::ends_sentence(text) {
            found.push("no final full stop");
        }
        if facts.slang {
            found.push("slang");
        }
        if has_mention(&own) {
            found.push("@mention");
        }
        if is_username(text) {
            found.push("a username");
        }
        if has_emoji(text) {
            found.push("emoji");
        }
        if facts.shouting {
            found.push("shouting");
        }
        found
    }

    /// The text without its quoted passages, copied only when it has any.
    fn own_words(text: &str) -> std::borrow::Cow<'_, str> {
        // (The memchr crate's vectorised search for the straight mark, not
        // the standard one; curly ones need non-ASCII text.)
        let quoted = memchr::memchr(b'"', text.as_bytes()).is_some() || has_curly_double_quote(text);
        if quoted { std::borrow::Cow::Owned(without_quotes(text)) } else { std::borrow::Cow::Borrowed(text) }
    }

    /// "!!", "??", "?!", "!?", " !" or " ?": each is a "!" or "?" right
    /// after a "!", a "?" or a space. Read at each "!" and "?" (bytes that
    /// never occur inside a longer character) rather than by six searches.
    fn has_marked_punctuation(own: &str) -> bool {
        let b = own.as_bytes();
        memchr::memchr2_iter(b'!', b'?', b).any(|i| i > 0 && matches!(b[i - 1], b'!' | b'?' | b' '))
    }

    fn opens_lowercase(text: &str) -> bool {
        text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase)
    }

    fn has_mention(own: &str) -> bool {
        memchr::memchr(b'@', own.as_bytes()).is_some() && own.split_whitespace().any(|w| w.len() > 1 && w.starts_with('@'))
    }

    /// What the words of a paragraph's own text (quotes left out) say.
    #[derive(Debug, Default, PartialEq, Eq)]
    struct TokenFacts {
        /// Words, as [`informality`] splits them.
        count: usize,
        person: bool,
        lower_i: bool,
        slang: bool,
        /// Three shouted words in a row.
        shouting: bool,
    }

    impl TokenFacts {
        fn any(&self) -> bool {
            self.person || self.lower_i || self.slang || self.shouting
        }
    }

    /// The words of `own` (runs of letters, digits and apostrophes) and
    /// what they show. With `first_only`, stops at the first informal
    /// word, leaving the count short. ASCII text is split by bytes: it has
    /// no "’" and its letters and digits are the ASCII ones.
    fn token_facts(own: &str, first_only: bool) -> TokenFacts {
        let mut facts = TokenFacts::default();
        let mut shouted = 0;
        // Most words of prose can be no listed word and do not open with
        // two capitals, so are not shouted: an ASCII word of that kind is
        // counted here, without the call (what `note_token` would find
        // for it; names are capitalised, not shouted).
        let matters = |b: &[u8]| (b.len() <= 7 && may_be_listed(b)) || (b.len() >= 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase());
        if own.is_ascii() {
            for t in super::words::ascii_word_runs(own) {
                if !matters(t.as_bytes()) {
                    facts.count += 1;
                    shouted = 0;
                    continue;
                }
                note_token(t, true, &mut facts, &mut shouted);
                if first_only && facts.any() {
                    break;
                }
            }
        } else {
            // (The words of `split(|c| !c.is_alphanumeric() && c != '\'' && c != '’')`;
            // most text with a curly quote or a dash has ASCII words only.)
            for (t, ascii) in super::words::raw_word_runs_marked(own) {
                if ascii && !matters(t.as_bytes()) {
                    facts.count += 1;
                    shouted = 0;
                    continue;
                }
                note_token(t, ascii, &mut facts, &mut shouted);
                if first_only && facts.any() {
                    break;
                }
            }
        }
        facts
    }

    /// One word's part in [`TokenFacts`]; `shouted` counts the shouted
    /// words just before it.
    fn note_token(t: &str, ascii: bool, facts: &mut TokenFacts, shouted: &mut usize) {
        facts.count += 1;
        if ascii {
            // An ASCII word is a pronoun, "i" or slang only if it is short
            // and spelled as one of them in some case, and shouted only if
            // all its letters are capitals: most words of prose are done
            // with on their length and one lookup.
            if t.len() <= 7 && may_be_listed(t.as_bytes()) && LISTED.binary_search(&packed_lowercase(t)).is_ok() {
                facts.person |= is_person(t);
                facts.lower_i |= t == "i";
                facts.slang |= is_slang(t);
            }
            *shouted = if t.len() >= 3 && t.bytes().all(|b| b.is_ascii_uppercase()) { *shouted + 1 } else { 0 };
            facts.shouting |= *shouted >= 3;
            return;
        }
        if t.len() <= 7 {
            facts.person |= is_person(t);
            facts.lower_i |= t == "i";
            facts.slang |= is_slang(t);
        }
        *shouted = if is_shouted(t) { *shouted + 1 } else { 0 };
        facts.shouting |= *shouted >= 3;
    }

    /// Whether [`informality`] finds anything, without listing what: the
    /// same tests, cheapest first, each stopping at the first hit. Every
    /// paragraph below a comment prompt is asked this; the features
    /// themselves are listed only for the paragraphs a note describes.
    pub(super) fn is_informal(text: &str) -> bool {
        if opens_lowercase(text) || is_username(text) {
            return true;
        }
        // Emoji are never ASCII.
        if has_emoji(text) {
            return true;
        }
        let own = own_words(text);
        // Every mark [`informality`] looks for holds a "?" or is "!!" or " !".
        if memchr::memchr(b'?', own.as_bytes()).is_some() || has_marked_punctuation(&own) || has_mention(&own) {
            return true;
        }
        let facts = token_facts(&own, true);
        facts.any() || (facts.count >= 16 && !super::words::ends_sentence(text))
    }

    /// A first or second person pronoun. "US" is a country; the pronoun
    /// is written "us".
    pub(super) fn is_person(t: &str) -> bool {
        let ascii = t.is_ascii();
        t.starts_with('I') && matches!(t, "I" | "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d" | "I'll" | "I’ll")
            || (t.len() <= 7
                // Every pronoun listed opens with one of these letters:
                // a cheap test before the list is compared.
                && t.as_bytes().first().is_some_and(|b| b"mywoui".contains(&b.to_ascii_lowercase()))
                && t.chars().skip(1).all(|c| c.is_lowercase())
                && FIRST_SECOND_PERSON.iter().any(|p| {
                    // An ASCII word has no "’" to read as "'": the same
                    // length and letters, which the length decides first.
                    if ascii { p.len() == t.len() && p.eq_ignore_ascii_case(t) } else { same_ignoring_apostrophe_style(t, p) }
                }))
    }

    pub(super) fn is_slang(t: &str) -> bool {
        // Every slang word has three to five letters, and most words of
        // prose fail on length or on their lower-cased first byte before
        // the list is compared.
        let bytes = t.as_bytes();
        (3..=5).contains(&bytes.len())
            && b"lhsiowbtyng".contains(&bytes[0].to_ascii_lowercase())
            && SLANG.iter().any(|w| w.eq_ignore_ascii_case(t))
    }

    /// A word of three or more letters, all capitals.
    pub(super) fn is_shouted(t: &str) -> bool {
        // Most words fail on their first letter.
        t.chars().all(char::is_uppercase) && t.chars().count() >= 3
    }

    /// `token` spelled as `word` (lower-case ASCII), ignoring ASCII case
    /// and writing "’" for "'".
    fn same_ignoring_apostrophe_style(token: &str, word: &str) -> bool {
        let mut chars = token.chars().map(|c| if c == '’' { '\'' } else { c });
        word.chars().all(|w| chars.next().is_some_and(|c| c.eq_ignore_ascii_case(&w))) && chars.next().is_none()
    }

    /// A handle on a line of its own: "river_watcher", "jkim1987".
    pub(super) fn is_username(text: &str) -> bool {
        let t = text.trim();
        // White space first: it rules out any line of prose at once.
        !t.is_empty()
            && !t.contains(char::is_whitespace)
            && t.chars().count() <= 30
            && t.chars().all(|c| c.is_alphanumeric() || "_.-@".contains(c))
            && t.chars().any(|c| c.is_ascii_digit() || c == '_')
            && t.chars().any(char::is_alphabetic)
    }

    /// `text.chars().any(is_emoji)` without decoding the text: every
    /// emoji opens with byte 0xF0 (four bytes) or 0xE2 (three), so only
    /// the characters opening so are decoded (curly quotes and dashes
    /// open with 0xE2 too, and are refused at once).
    pub(super) fn has_emoji(text: &str) -> bool {
        memchr::memchr2_iter(0xE2, 0xF0, text.as_bytes()).any(|i| text[i..].chars().next().is_some_and(is_emoji))
    }

    /// `text.contains(['“', '”'])` by a vectorised search for their
    /// first byte (0xE2 0x80 0x9C and 0x9D in UTF-8), not a walk over
    /// every character.
    pub(super) fn has_curly_double_quote(text: &str) -> bool {
        let bytes = text.as_bytes();
        memchr::memchr_iter(0xE2, bytes).any(|i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])))
    }

    pub(super) fn is_emoji(c: char) -> bool {
        matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF)
    }

    /// The text with quoted passages blanked.
    pub(super) fn without_quotes(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut in_curly = false;
        let mut in_straight = false;
        let mut prev = ' ';
        for c in text.chars() {
            match c {
                '“' => in_curly = true,
                '”' => in_curly = false,
                '"' => {
                    in_straight = if in_straight { false } else { prev.is_whitespace() || "([—–-:".contains(prev) };
                }
                _ if !(in_curly || in_straight) => out.push(c),
                _ => {}
            }
            prev = c;
        }
        out
    }
}

/// Headlines and captions of other stories.
mod captions {
    use super::{credit_start, is_credit_in, words, ExclusionReason, Line, Mark};
    use std::collections::HashMap;

    /// The longest credit looked for ("Photo: Name Surname/Agency via X").
    const CREDIT_MAX_BYTES: usize = 100;

    /// How far down the page the teaser of another story may sit.
    const HEAD_LINES: usize = 8;

    pub(super) fn find(lines: &[Line<'_>], marks: &mut [Option<Mark>], body_end: usize) {
        let open: Vec<usize> = (0..body_end).filter(|&i| !lines[i].is_blank() && marks[i].is_none()).collect();
        let credits: Vec<usize> = open.iter().copied().filter(|&i| has_credit(&lines[i])).collect();
        if credits.is_empty() {
            return;
        }
        teasers_above_headline(lines, marks, &open, &credits);
        let mut counts: Option<HashMap<String, usize>> = None;
        for &c in &credits {
            if marks[c].is_some() {
                continue;
            }
            // Word counts of the whole page, once: each caption then
            // compares against them minus its own words.
            let counts = counts.get_or_insert_with(|| word_counts(open.iter().map(|&i| lines[i].text)));
            stray_caption(lines, marks, counts, c);
        }
    }

    fn word_counts<'a>(texts: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for text in texts {
            // A word is copied only the first time it is seen.
            words::for_each_content_word(text, |word| match counts.get_mut(word) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(word.to_string(), 1);
                }
            });
        }
        counts
    }

    fn has_credit(line: &Line<'_>) -> bool {
        let content = line.content();
        // The tail of plain text is plain: its credit test need not ask again.
        content.len() <= 1200 && is_credit_in(credit_end(content), line.is_plain())
    }

    /// A credit is short and closes its line: only the end is searched.
    pub(super) fn credit_end(content: &str) -> &str {
        let mut start = content.len().saturating_sub(CREDIT_MAX_BYTES);
        while !content.is_char_boundary(start) {
            start += 1;
        }
        &content[start..]
    }

    /// The words of `wanted` that the given lines use, and whether they
    /// have any content word at all. Only membership of a few headline
    /// words is ever asked, so the body's own vocabulary is never built.
    ///
    /// `wanted` is sorted and has no word twice; so are the words found.
    pub(super) fn vocabulary<'w>(lines: &[Line<'_>], which: &[usize], wanted: &'w [String]) -> (Vec<&'w str>, bool) {
        // Each wanted word is marked once the body uses it: a binary
        // search per word read rather than two hashes.
        let sorted: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let mut used = vec![false; sorted.len()];
        let mut unused = sorted.len();
        // The first three letters of the wanted ASCII words not yet met:
        // once the body is known to have a content word, an ASCII word
        // opening otherwise cannot give a wanted word still to be found
        // and is not read further. (No ASCII word gives a word that is
        // not ASCII.) A word of the story's subject comes back again and
        // again in the body; after its first use it is not read again.
        let openings: Vec<Option<[u8; 3]>> = sorted.iter().map(|w| words::ascii_content_prefix(w)).collect();
        let mut prefixes = LetterTriples::of(openings.iter().flatten().copied());
        let mut any = false;
        let mut scratch = String::new();
        // (The words of `for_each_content_word`, read in one loop.)
        for (raw, ascii) in which.iter().flat_map(|&i| words::raw_word_runs_marked(lines[i].text)) {
            if any && ascii && !prefixes.may_open(raw.as_bytes()) {
                continue;
            }
            let Some(word) = words::content_word(raw, &mut scratch) else { continue };
            any = true;
            let Ok(at) = sorted.binary_search(&word) else { continue };
            if std::mem::replace(&mut used[at], true) {
                continue;
            }
            unused -= 1;
            if unused == 0 {
                // Every wanted word found: the rest of the body can add nothing.
                break;
            }
            if let Some(p) = openings[at] {
                if !openings.iter().zip(&used).any(|(q, u)| !u && *q == Some(p)) {
                    prefixes.remove(p);
                }
            }
        }
        let found = sorted.iter().zip(&used).filter(|(_, u)| **u).map(|(w, _)| *w).collect();
        (found, any)
    }

    /// A set of three-letter openings (ASCII letters in lower case), one
    /// bit per triple: [`vocabulary`] asks it of every word of the body,
    /// and a bit costs less than a search of a sorted list.
    struct LetterTriples(Vec<u64>);

    impl LetterTriples {
        fn of(triples: impl Iterator<Item = [u8; 3]>) -> LetterTriples {
            let mut bits = LetterTriples(vec![0; (26 * 26 * 26usize).div_ceil(64)]);
            for t in triples {
                if let Some(i) = Self::index(t) {
                    bits.0[i / 64] |= 1 << (i % 64);
                }
            }
            bits
        }

        fn remove(&mut self, t: [u8; 3]) {
            if let Some(i) = Self::index(t) {
                self.0[i / 64] &= !(1 << (i % 64));
            }
        }

        /// False for a triple with anything but lower-case letters, which
        /// no content word opens with.
        fn contains(&self, t: [u8; 3]) -> bool {
            Self::index(t).is_some_and(|i| self.0[i / 64] & 1 << (i % 64) != 0)
        }

        /// `ascii_content_prefix(raw).is_some_and(|p| self.contains(p))`
        /// for an ASCII word, read off its bytes: after any opening
        /// apostrophes, three letters whose triple is in the set. (Three
        /// letters open the trimmed word whatever closes it; any other
        /// byte among them gives a triple no content word opens with, or
        /// too short a word.) Asked of every word of the body.
        fn may_open(&self, raw: &[u8]) -> bool {
            let from = raw.iter().take_while(|&&b| b == b'\'').count();
            match raw.get(from..from + 3) {
                Some(&[a, b, c]) => self.contains([a.to_ascii_lowercase(), b.to_ascii_lowercase(), c.to_ascii_lowercase()]),
                _ => false,
            }
        }

        fn index(t: [u8; 3]) -> Option<usize> {
            let letter = |b: u8| b.is_ascii_lowercase().then(|| usize::from(b - b'a'));
            Some((letter(t[0])? * 26 + letter(t[1])?) * 26 + letter(t[2])?)
        }
    }

    /// `([headline] caption)+ headline body...` at the top of the page:
    /// each teaser whose headline (or caption) matches the body worse than
    /// the last headline does belongs to another story.
    fn teasers_above_headline(lines: &[Line<'_>], marks: &mut [Option<Mark>], open: &[usize], credits: &[usize]) {
        let headline = |i: usize| words::is_headline_like(lines[i].content());
        // The lines with a credit, found once (in line order).
        let credit = |i: usize| credits.binary_search(&i).is_ok();
        let mut teasers: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k < open.len().min(HEAD_LINES) {
            if credit(open[k]) {
                teasers.push((open[k], open[k]));
                k += 1;
            } else if headline(open[k]) && open.get(k + 1).is_some_and(|&next| credit(next)) {
                teasers.push((open[k], open[k + 1]));
                k += 2;
            } else {
                break;
            }
        }
        let Some(&own) = open.get(k).filter(|&&i| headline(i)) else { return };
        if teasers.is_empty() {
            return;
        }
        let body = &open[k + 1..];
        // (A sorted list: a few dozen words, asked by binary search.)
        let mut wanted: Vec<String> =
            std::iter::once(own).chain(teasers.iter().map(|t| t.0)).flat_map(|i| words::content_words(lines[i].text)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        // The body's words among those of the headlines: the same shares
        // as against its whole vocabulary.
        let (vocabulary, body_has_words) = vocabulary(lines, body, &wanted);
        let in_body = |w: &str| vocabulary.binary_search(&w).is_ok();
        let ours = words::overlap(lines[own].text, in_body);
        for (first, caption) in teasers {
            let theirs = words::overlap(lines[first].text, in_body);
            if theirs >= ours || !body_has_words {
                break;
            }
            let note = format!(
                "photo credit on line {} above the article's own headline on line {}; {:.0}% of its words are in the body against {:.0}%",
                lines[caption].number,
                lines[own].number,
                theirs * 100.0,
                ours * 100.0
            );
            for mark in &mut marks[first..=caption] {
                *mark = Some(Mark::new(ExclusionReason::Caption, &note));
            }
        }
    }

    /// A captioned photo elsewhere whose words the body does not share
    /// belongs to another story; a bare credit line is never reporting.
    fn stray_caption(lines: &[Line<'_>], marks: &mut [Option<Mark>], counts: &HashMap<String, usize>, c: usize) {
        let content = lines[c].content();
        let end = credit_end(content);
        let bare = end.len() == content.len() && credit_start(end) == Some(0);
        let note = if bare {
            "a photo credit on its own".to_string()
        } else {
            let own = word_counts(std::iter::once(lines[c].text));
            let elsewhere = |w: &String| counts.get(w).copied().unwrap_or(0) > own.get(w).copied().unwrap_or(0);
            let shared = if own.is_empty() { 0.0 } else { own.keys().filter(|w| elsewhere(w)).count() as f64 / own.len() as f64 };
            if shared >= 0.35 {
                return;
            }
            format!("photo caption with a credit; only {:.0}% of its words are in the body", shared * 100.0)
        };
        marks[c] = Some(Mark::new(ExclusionReason::Caption, &note));
    }

    #[cfg(test)]
    mod tests {
        use super::{words, LetterTriples};

        #[test]
        fn triples_opening_a_word_are_those_of_its_content_prefix() {
            let set = LetterTriples::of([*b"riv", *b"its", *b"flo", *b"abc"].into_iter());
            let raws = [
                "river", "River's", "'rivers'", "''riv", "ri'v", "riv", "ri", "'ri'", "it's", "its", "Flo1", "flo", "FLOOD", "'", "", "r1v",
                "x", "ab'", "abc'", "'abc", "'''abcd''", "a'bc", "12abc",
            ];
            for raw in raws {
                let spec = words::ascii_content_prefix(raw).is_some_and(|p| set.contains(p));
                assert_eq!(set.may_open(raw.as_bytes()), spec, "{raw:?}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// Whether one of the verb `phrases` (ignoring ASCII case) follows one to
    /// four capitalised words opening the line, or, with `pronouns`, "he",
    /// "she" or "they": where a bio's verb stands. A phrase's last word need
    /// only open its word ("a" in "an", "covers" in "covers,").
    pub(super) fn verb_after_names_spec(t: &str, phrases: &[&[&str]], pronouns: bool) -> bool {
        // A name opens with a capital, a pronoun with "h", "s" or "t": most
        // lines of prose are refused before their words are read.
        let opens_right = |b: u8| b.is_ascii_uppercase() || (pronouns && matches!(b, b'h' | b's' | b't'));
        if !t.trim_start().as_bytes().first().is_some_and(|&b| opens_right(b)) {
            return false;
        }
        // The opening words, on the stack, read only as far as a phrase may
        // reach: three words past the run of (at most four) capitalised ones,
        // or past a pronoun. This runs on nearly every line.
        let mut first = [""; 7];
        let mut count = 0;
        let mut names = 0;
        let mut names_end = false;
        for word in t.split_whitespace() {
            first[count] = word;
            count += 1;
            if !names_end && count <= 4 && word.starts_with(|c: char| c.is_ascii_uppercase()) {
                names = count;
            } else {
                names_end = true;
            }
            if count == first.len() || (names_end && count >= names.max(1) + 3) {
                break;
            }
        }
        let words = &first[..count];
        let phrase_at = |k: usize| {
            let lead = words.get(k).and_then(|w| w.as_bytes().first());
            phrases.iter().any(|phrase| {
                // The first bytes first: most words after a name ("said")
                // open no phrase, and are refused before any comparison.
                let opens = match (phrase.first().and_then(|w| w.as_bytes().first()), lead) {
                    (Some(p), Some(w)) => p.eq_ignore_ascii_case(w),
                    _ => true,
                };
                opens && phrase.iter().enumerate().all(|(j, w)| {
                    words.get(k + j).is_some_and(|word| {
                        if j + 1 == phrase.len() { starts_any_ci(word, &[w]) } else { word.eq_ignore_ascii_case(w) }
                    })
                })
            })
        };
        let Some(first) = words.first() else { return false };
        if pronouns && ["he", "she", "they"].iter().any(|p| first.eq_ignore_ascii_case(p)) && phrase_at(1) {
            return true;
        }
        (1..=4).take_while(|&k| words.get(k - 1).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))).any(phrase_at)
    }

    /// [`is_labelled_mark`] without its quick test on the last letter:
    /// the word before the mark, compared with every label.
    pub(super) fn is_labelled_mark_spec(text: &str, at: usize) -> bool {
        const BEFORE_COLON: &[&str] = &[
            "images", "image", "photos", "photograph", "photo", "pictures", "picture", "credit", "illustration", "graphic", "video",
            "source", "caption",
        ];
        const BEFORE_COMMA: &[&str] = &["source", "caption", "credit"];
        let before = text[..at].trim_end();
        let start = before.bytes().rposition(|b| !(b.is_ascii_alphanumeric() || b == b'_')).map_or(0, |p| p + 1);
        let word = &before[start..];
        let labels = if text.as_bytes()[at] == b':' { BEFORE_COLON } else { BEFORE_COMMA };
        labels.iter().any(|l| l.eq_ignore_ascii_case(word))
    }

    /// Whether every colon and comma of `text` is read alike by
    /// [`is_labelled_mark`] and its specification; the number read.
    pub(super) fn labelled_marks_agree(text: &str) -> usize {
        let marks: Vec<usize> = memchr::memchr2_iter(b':', b',', text.as_bytes()).collect();
        for &at in &marks {
            assert_eq!(is_labelled_mark(text, at), is_labelled_mark_spec(text, at), "{text:?} at {at}");
        }
        marks.len()
    }

    #[test]
    fn labelled_marks_are_read_as_the_whole_comparison_reads_them() {
        let cases = [
            ("Photo: Jane Roe", 1),
            ("Images source, Agency", 1),
            ("Source , Agency", 1),
            ("SOURCE\u{a0}: x", 1),
            ("credit,x and caption:y", 2),
            ("Lots of prose, with commas, here: and there", 3),
            ("sources, captions, credits: none", 3),
            ("image_: x, 1,000, photo9: y", 5),
            (":,", 2),
            ("Zoë: Image, Photograph:", 3),
        ];
        for (text, n) in cases {
            assert_eq!(labelled_marks_agree(text), n, "{text:?}");
        }
        assert!(is_labelled_mark("Photo: X", 5) && is_labelled_mark("x source, y", 8) && !is_labelled_mark("x sources, y", 9));
    }

    /// [`may_close_with_credit`] as first written, in several searches:
    /// the last sentence (after the closing mark) must name a credit.
    pub(super) fn may_close_with_credit_spec(text: &str, plain: bool) -> bool {
        if !plain || memchr::memchr2(b'/', b'(', text.as_bytes()).is_some() {
            return true;
        }
        let closed = text.trim_end();
        let closed = closed.strip_suffix(')').unwrap_or(closed);
        let body = closed.strip_suffix('.').unwrap_or(closed);
        let from = match memchr::memrchr3(b'.', b'!', b'?', body.as_bytes()) {
            Some(q) if body[..q].trim_end().ends_with([':', ',']) => return true,
            Some(q) => q + 1,
            None => 0,
        };
        names_credit(&body[from..])
    }

    #[test]
    fn credit_endings_read_in_one_pass_are_those_of_the_searches() {
        let texts = [
            "", ".", "Photo: Jo", "A crowd. Photo: Jo Lin/Valley Press", "A crowd gathers. photo by Jo.", "He left. Getty Images",
            "He left. Getty Images.)", "Officials said 12 people died.", "It rained, the agency said.", "x, source, y.", "A. Credit, Jo",
            "A. credit , Jo", "Said: . Jo", "Said:. Jo", "Said, . Jo", "Photos. x", "x photo", "x phot", "x get", "nearby. (x",
            "3/4 of them. the end", "End! Images: x", "What? Video: x.", "The crowd (left). x", "Image : x", "image:x", "xphoto", "_getty",
            "a.Photo: b", "a.  : b", "a.\u{a0}Image: b", "“Quoted.” Photo: Jo", "The PHOTO", "x,image: y", "x image, y", "Caption, y.",
        ];
        for t in texts {
            for plain in [true, false] {
                assert_eq!(may_close_with_credit(t, plain), may_close_with_credit_spec(t, plain), "{t:?} {plain}");
            }
        }
    }

    /// What [`names_credit`] reads in one pass, as first written.
    pub(super) fn names_credit_spec(text: &str) -> bool {
        contains_any_ascii_ci(text, &["photo", "getty"]) || labelled_mark(text)
    }

    #[test]
    fn credit_words_in_one_pass_are_those_of_the_searches() {
        let texts = [
            "", "photo", "PHOTO", "phot", "xphotox", "Getty", "gett", "Image: x", "image : x", "Images source, X", "source,", "caption ,",
            "credit:", "the image, x", "video:", "Credit :", "said, photographers", "“Photo”", "Zoë, source: x", "x:y", ",", ":", "G", "P",
            "pictures: a, b", "illustration:", "Kelvin \u{212A}: x", "graphic:\u{a0}", "é:", "photo_x", "_source:",
        ];
        for t in texts {
            assert_eq!(names_credit(t), names_credit_spec(t), "{t:?}");
        }
    }

    #[test]
    fn lazy_verb_reading_agrees_with_the_plain_one() {
        const BIO: &[&[&str]] = &[&["is", "a"], &["has", "been", "the"], &["serves", "as", "our"], &["are", "a"]];
        const BEAT: &[&[&str]] = &[&["covers"], &["writes", "about"], &["has", "reported", "on"]];
        let texts = [
            "", " ", "Jo", "Jo Lin is a reporter", "Jo Lin is an editor", "A B C D is a x", "A B C D E is a x", "he is a", "He is a",
            "she has been the", "they are a", "THEY ARE A", "Jo  Lin\u{a0}is\u{2003}a", "jo Lin is a", "Jo Lin covers, rivers",
            "Jo Lin writes about", "Jo Lin writes", "Jo Lin has reported on", "Jo Lin has reported", "Harbour master Orrin Tavish said",
            "Jo Lin Is A", "Jo Lin IS", "Is is a", "He He is a", "Jo Lin Ann Lee Kim is a", " Jo is a", "Jo\nLin is a", "St. Lin has been the",
            "O’Brien is a", "Zoë is a", "É is a", "Jo is", "Jo is a", "x is a", "the is a", "s is a", "Jo Lin serves as our",
        ];
        for t in texts {
            for (phrases, pronouns) in [(BIO, true), (BIO, false), (BEAT, false), (BEAT, true)] {
                assert_eq!(verb_after_names(t, phrases, pronouns), verb_after_names_spec(t, phrases, pronouns), "{t:?}");
            }
        }
    }

    fn regions(text: &str) -> Vec<(ExclusionReason, usize, usize)> {
        all_regions(text).into_iter().filter(|(reason, _, _)| *reason != ExclusionReason::Metadata).collect()
    }

    fn all_regions(text: &str) -> Vec<(ExclusionReason, usize, usize)> {
        let a = Article::from_text("t", "t.txt", text.to_string(), vec![]);
        a.excluded.iter().map(|e| (e.reason, e.start_line, e.end_line)).collect()
    }

    const BODY: &str = "Flood waters rose across the valley on Tuesday, the regional authority said.\n\
        Officials said 42 homes were evacuated overnight as the river broke its banks.\n\
        The mayor told reporters that emergency crews had worked through the night.\n\
        Forecasters expect more rain on Thursday, according to the weather service.\n";

    #[test]
    fn furniture_lines_are_excluded_with_their_reason() {
        use ExclusionReason::*;
        let cases: &[(&str, ExclusionReason)] = &[
            ("Leave a Reply", SharePrompt),
            ("12 Comments", SharePrompt),
            ("Share this story", SharePrompt),
            ("Advertisement", Promo),
            ("Sign up for our morning newsletter", Promo),
            ("Follow us on Instagram for more", Promo),
            ("Read more: Dam operators warned of record inflows", RelatedLink),
            ("Related: How the valley rebuilt after 2019", RelatedLink),
            ("Copyright 2026 Valley Press. All rights reserved.", Footer),
            ("The post Valley floods close schools appeared first on River Daily.", Footer),
            ("This article was originally published on River Daily.", Footer),
            ("3 of 12", Caption),
            ("Enlarge this image", Caption),
            ("Updated 2 hours ago", Metadata),
            ("4 min read", Metadata),
        ];
        for (line, reason) in cases {
            let text = format!("{BODY}{line}\n");
            assert_eq!(all_regions(&text), vec![(*reason, 5, 5)], "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        let prose = [
            "Residents said they would share what food they had with neighbours.",
            "Sign up numbers for the volunteer corps rose to 4,000 this week, the organisers said in a statement.",
            "The dam was built 60 years ago",
            "Read the full statement on the authority's website before the vote on Friday, officials urged residents who live near the river.",
        ];
        for line in prose {
            let text = format!("{BODY}{line}\n");
            assert_eq!(regions(&text), vec![], "{line}");
        }
    }

    #[test]
    fn bio_only_in_the_closing_furniture() {
        let text = format!("{BODY}Mira Okafor is a correspondent for the Valley Press based in Riverton.\nThe post Floods close roads appeared first on Valley Press.\n");
        assert_eq!(regions(&text), vec![(ExclusionReason::AuthorBio, 5, 5), (ExclusionReason::Footer, 6, 6)]);
        let covers = format!("{BODY}Tomas Reel covers the river valley for the Valley Press and has lived in Riverton since 2015.\n");
        assert_eq!(regions(&covers), vec![(ExclusionReason::AuthorBio, 5, 5)]);
        let figure = format!("{BODY}Graymoor covers 15% of the repair costs for the city, officials said.\n");
        assert_eq!(regions(&figure), vec![]);
        let middle = format!("Mira Okafor is a correspondent for the Valley Press, which said 42 homes flooded.\n{BODY}");
        assert_eq!(regions(&middle), vec![]);
    }

    #[test]
    fn reader_comments_after_a_break() {
        let text = "Flood waters rose across the valley on Tuesday, the regional authority said.\n\n\
            Officials said 42 homes were evacuated overnight as the river broke its banks.\n\n\
            The mayor told reporters that emergency crews had worked through the night.\n\n\
            Forecasters expect more rain on Thursday, according to the weather service.\n\n\n\
            honestly the council knew about this for years and did nothing\n\n\
            My cousin lives there and says its way worse than they report!!\n\n\
            The levee was built in 1962 and never upgraded.\n\n\
            Why do we keep building on flood plains??\n";
        let found = regions(text);
        assert_eq!(found, vec![(ExclusionReason::ReaderComments, 10, 16)]);
    }

    #[test]
    fn a_comment_count_at_the_top_does_not_swallow_the_body() {
        let text = "Valley floods close schools\n\n3 Comments\n\n\
            Flood waters rose across the valley on Tuesday, the regional authority said.\n\n\
            Officials said 42 homes were evacuated overnight as the river broke its banks.\n\n\
            The mayor told reporters that emergency crews had worked through the night.\n\n\n\
            you guys should see the state of the bridge now\n\n\
            We were lucky this time. Next year who knows?\n";
        assert_eq!(regions(text), vec![(ExclusionReason::SharePrompt, 3, 3), (ExclusionReason::ReaderComments, 12, 14)]);
    }

    #[test]
    fn formal_text_after_a_break_is_kept() {
        let text = format!("{BODY}\n\nThe authority will publish a damage estimate next week.\n\nSchools in three districts remain closed.\n");
        assert_eq!(regions(&text), vec![]);
    }

    #[test]
    fn an_opinion_piece_in_first_person_keeps_its_ending() {
        let text = "I have lived by this river for thirty years.\n\nWe were warned, and we did not listen.\n\n\
            My neighbours lost everything on Tuesday.\n\nYou cannot build a levee with promises.\n\n\n\
            I will keep writing until the council acts.\n\nWe deserve better, and so do you.\n";
        assert_eq!(regions(text), vec![]);
    }

    #[test]
    fn comments_below_a_prompt() {
        let text = format!("{BODY}Leave a comment\nthis is the third flood in five years, unbelievable\n2 hours ago\nReply\n");
        assert_eq!(regions(&text), vec![(ExclusionReason::SharePrompt, 5, 5), (ExclusionReason::ReaderComments, 6, 8)]);
    }

    #[test]
    fn another_storys_teaser_above_the_headline() {
        let text = "Parliament passes budget after late-night vote\n\
            Lawmakers vote in the capital on Monday in this handout picture. Photo: Parliament Press Office\n\
            River floods force 42 families from homes in the valley\n\n\
            Flood waters rose across the valley on Tuesday and 42 families left their homes, the regional authority said.\n\
            The river broke its banks near the old mill, officials said.\n";
        assert_eq!(regions(text), vec![(ExclusionReason::Caption, 1, 2)]);
    }

    #[test]
    fn own_photo_caption_is_kept() {
        let text = "River floods force families from homes\n\
            Families leave flooded homes in the valley on Tuesday. Photo: Valley Press\n\n\
            Flood waters rose across the valley on Tuesday and 42 families left their homes, the regional authority said.\n\
            The river broke its banks near the old mill, officials said.\n";
        assert_eq!(regions(text), vec![]);
    }

    #[test]
    fn unrelated_caption_in_the_body_is_excluded() {
        let text = format!("{BODY}A striker celebrates a late goal at the national stadium. (AP Photo/Jo Lin)\nThe authority will publish a damage estimate next week.\n");
        assert_eq!(regions(&text), vec![(ExclusionReason::Caption, 5, 5)]);
    }

    #[test]
    fn credits_in_their_usual_shapes() {
        let credits = [
            "A crowd gathers at the harbour. Photo: Jo Lin/Valley Press",
            "A crowd gathers at the harbour. (AP Photo/Jo Lin)",
            "A crowd gathers at the harbour. (Valley Agency via Wire Service)",
            "A crowd gathers at the harbour. REUTERS/Jo Lin",
            "A crowd gathers at the harbour. Photograph: Jo Lin/Getty Images",
            "Image source, Valley Press",
            "A crowd gathers at the harbour. Photo by Jo Lin",
        ];
        for c in credits {
            assert!(is_credit(c), "{c}");
        }
        for prose in ["The harbour reopened on Friday.", "Officials said the photo was taken in 2019."] {
            assert!(!is_credit(prose), "{prose}");
        }
    }

    /// The credit shapes as one expression, as they were written before
    /// being split behind their literal tests: the split must agree with it.
    fn one_credit_expression() -> Regex {
        Regex::new(
            r"(?i)(?:\b(?:images?|photos?|photograph|pictures?|credit|illustration|graphic|video|source)(?:\s+credit)?\s*:\s*\S[^.!?]*|\b(?:images?|photos?)\s+(?:source|caption|credit)\s*[:,]\s*\S[^.!?]*|\b(?-i:REUTERS|AFP|AP|EPA|YONHAP|KCNA)\s*/\s*\p{L}[\p{L} .'’-]*|\(\s*(?:[\p{L}.]+\s+)?photos?\s*(?:/|:|by)[^)]*\)|\bphoto(?:graph)?\s+(?:by|courtesy(?: of)?)\s+[^.!?]+|\bgetty images|\(\s*[\p{L}.&/ -]{2,40}\s+via\s+[\p{L}.& -]{2,40}\)|/\s*(?:reuters|afp|ap|epa|xinhua|yonhap|anadolu|bloomberg)(?:\s+via\s+[^.]+)?)\.?\)?\s*$",
        )
        .unwrap()
    }

    #[test]
    fn split_credit_shapes_agree_with_one_expression() {
        let whole = one_credit_expression();
        let texts = [
            "A crowd gathers at the harbour. Photo: Jo Lin/Valley Press",
            "Photo: Jo Lin/Valley Press",
            "PHOTO CREDIT: Valley Press.",
            "Images source, Valley Press",
            "Image caption, Crowds at the harbour",
            "Illustration: Jo Lin",
            "Source: Valley Press",
            "(AP Photo/Jo Lin)",
            "A crowd gathers. (AP Photo/Jo Lin).",
            "A crowd gathers. (Valley Agency via Wire Service)",
            "(Valley Agency via Wire Service)",
            "A crowd gathers at the harbour. REUTERS/Jo Lin",
            "REUTERS/José Núñez",
            "Jo Lin/Reuters via Getty",
            "Photograph: Jo Lin/Getty Images",
            "Getty Images",
            "Photo by Jo Lin",
            "photograph courtesy of the Valley Press",
            "A crowd. Photo\u{a0}by Jo Lin", "PHOTOGRAPH  COURTESY the Press", "Photos by Jo", "photo-by Jo", "getty  images",
            "A crowd gathers at the harbour. Photo by Jo Lin",
            "The harbour reopened on Friday.",
            "Officials said the photo was taken in 2019.",
            "The ratio was 3/4, officials said: “we are pleased”",
            "He said: “The photo is real.”",
            "Reuters (AP) reported the figure.",
            "see https://example.com/reuters",
            "“We saw it,” said the source (a resident).",
            "Imaginary credit: none",
            "",
        ];
        for t in texts {
            let ungated = CREDIT_SHAPES.iter().any(|s| s.start(t).is_some());
            assert!(!ungated || may_hold_credit(t), "{t}");
            assert!(!ungated || may_close_with_credit(t, is_plain(t)), "{t}");
            assert_eq!(is_credit(t), whole.is_match(t), "{t}");
            assert_eq!(credit_start(t), whole.find(t).map(|m| m.start()), "{t}");
        }
    }

    /// Each credit shape's hand-written reader against its expression's
    /// plain build, without the shape's literal test: the same start.
    pub(super) fn credit_readers_agree(text: &str) -> usize {
        let mut matched = 0;
        for (i, shape) in CREDIT_SHAPES.iter().enumerate() {
            if let Some(reader) = shape.by_hand {
                let want = shape.re.regex(text).find(text).map(|m| m.start());
                assert_eq!(reader(text), want, "shape {i} on {text:?}");
                matched += usize::from(want.is_some());
            }
        }
        matched
    }

    #[test]
    fn credit_readers_agree_with_their_shapes() {
        let texts = [
            "Photo: Jo Lin", "A crowd. Photo: Jo Lin/Valley Press", "PHOTO CREDIT: Valley Press.", "photo  credit : X", "photocredit: X",
            "Images source, Valley Press", "Image caption, Crowds", "image caption: x", "Images  Source ,x", "Illustration: Jo Lin",
            "Source: Valley Press", "Imaginary credit: none", "xphoto: Jo", "_photo: Jo", "1photo: Jo", "-photo: Jo", "photo:", "photo: ",
            "photo: .", "photo: ..", "photo: a.", "photo: a.)", "photo: a.) ", "photo: a. )", "photo: a)", "photo: a!", "photo: !", "photo: a?b",
            "photo: a. b", "photo: a.b.", "Photo: A. Lee", "Photos: the Press. Image: Jo", "Credit: x. Photo: y", "video: x\ny", "video:\n x",
            "graphic : “Jo”", "pictures: x — y", "Picture credit, x", "photograph credit: x", "photographs: x", "Credit credit: x", "",
            "He said: “The photo is real.”", "The ratio was 3/4, officials said: “we are pleased”",
        ];
        let matched: usize = texts.iter().filter(|t| is_plain(t)).map(|t| credit_readers_agree(t)).sum();
        assert!(matched >= 25, "only {matched} credits");
        for t in texts {
            assert!(!CREDIT_SHAPES.iter().any(|s| s.start(t).is_some()) || may_close_with_credit(t, is_plain(t)), "{t:?}");
        }
    }

    #[test]
    fn every_furniture_pattern_compiles() {
        for p in FURNITURE.iter() {
            assert!(Regex::new(p.re.source()).is_ok(), "{}", p.re.source());
            assert!(Regex::new(&super::super::ascii::ascii_build(p.re.source())).is_ok(), "{}", p.re.source());
        }
    }

    /// Lines of every furniture shape and near misses, for the prefilter
    /// equivalence tests.
    const FURNITURE_LINES: &[&str] = &[
        "Leave a Reply", "leave your comments:", "12 Comments", "no responses", "Comments (4)", "comments: 1,200,", "Comment",
        "What do you think?", "42 readers commented", "Sort by: Newest", "Order by oldest first", "Most voted", "Inline Feedbacks",
        "3 hours ago", "jkim • 5 mins ago", "an hour ago", "Reply · Like · Report", "Like this:", "Loading...", "Share »",
        "Share this article on Facebook Twitter", "Click to share on X", "Tweet this", "Email", "Print", "Copy link",
        "Save article", "Facebook · Twitter · Email", "Advertisement", "Sponsored content", "Story continues below the map",
        "Continue reading the main story", "Sign up for alerts", "Follow us on Threads for more", "Download our free app today",
        "Get the morning newsletter here", "Click here to read", "Already a subscriber? Log in", "Login or register",
        "This article is for subscribers only", "Read more: Dam operators warn", "Related: Floods", "More from Valley Press - x",
        "Watch | The river", "You may also like:", "Most popular", "Next story: the dam", "Previous article",
        "More on this story: the dam", "More on this — x", "Read also | x", "Read next » x", "Listen - x", "more: x",
        "Up next > x", "See also  : x", "Further reading – x", "More from Jo Lin on the dam: x", "Also read:x", "Recommended >> x",
        "More than 40 homes flooded in a 36-hour storm", "Read the full 10-page report",
        "Related coverage", "The post Floods close roads appeared first on Valley Press.", "3 of 12", "Photos 3 / 12",
        "Enlarge this image", "View the gallery of the floods", "Updated 2 hours ago", "Last updated: 5 mins ago",
        "4 min read", "10-minute listen", "Reading time: 3 minutes", "Copyright 2026 Valley Press. All rights reserved.",
        "© Valley Press", "(c) 2025", "Valley Press, all rights reserved", "This story was originally published on X.",
        "First published in the Valley Press", "Our standards: the trust principles", "Tags: floods, rivers",
        "Filed under : weather", "Category: local", "Additional reporting by Jo Lin", "Edited by Ann Lee", "About the author",
        "Contact the reporter at jo@example.com", "Write to the editor", "Mira Okafor is a correspondent for the Press.",
        "She is the paper's editor at large.", "They are our freelancers in the south.", "Jo Lin contributed reporting.",
        "Tomas Reel covers the river valley for the Valley Press.", "Ann Lee reports from Riverton at the Star.",
        "He is an editor at the Star.", "Jo Lin has been a reporter for years.", "Jo Lin serves as our fellow.",
        "Jo Lin has reported on floods for the Star.", "Jo Lin writes about rivers at the Star.", "North Korea has been a writer",
        "Jo Lin covers, for the Star, rivers.",
        "Residents said they would share food.", "Sign up numbers rose to 4,000 this week.", "The dam was built 60 years ago",
        "Read the full statement on the website.", "No one was hurt.", "One comment stood out.", "Most of the homes flooded.",
        "The post office reopened.", "Officials said 42 homes were evacuated.", "2 of the 12 boats sank",
        "The editor is a former reporter.", "", "Zoë said so.", "comments? 12",
    ];

    /// Near misses of every branch of the patterns read by hand.
    const BY_HAND_LINES: &[&str] = &[
        "12 comments", "1,200 Responses", "no replies", "One reaction", "ten  comments", "12comments", "12 comments.", "nine\u{a0}Replies",
        "none comments", "Comments (12)", "comment[ 1,2 ]", "Comments ( 3 ]", "Comments (3", "Comments: 14", "comments:14", "Comments 14",
        "comments ::14", "Comments: ", "comments,12", "Comment s 12", "Comments (,3)", "COMMENTS 9,", "comments(12) ", "Leave a comment",
        "leave a Comments!", "Post your reply:", "Join the conversations.", "have us a discussion", "write a replys", "add the comment..",
        "start us  a comment", "leave a", "Submit your response?", "comments", "Reader comments", "reader  comments", "View all comments",
        "show the 12 more comments", "Read 12 comments", "load all more comment", "see the all comments", "hide 1,2 comments", "view 12comments",
        "see more", "Comments are closed.", "comments are closed..", "What do you think?", "what do you think", "12 people are talking",
        "readers commented", "1,000 readers are talking", "people commented.", "12people commented", "Sort by: Newest", "sort by",
        "Sorted by:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Sorted by:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "order by aaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "order by aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Ordered by — “top”", "sortby", "Newest", "oldest first", "Most voted", "top comments",
        "Inline Feedbacks", "inline feedbackss", "View all comments", "view all 3 comments", "",
        "The post Floods appeared first on Valley Press.", "the post x appeared first on y", "the post appeared first on y",
        "The post x appeared first on ", "The post  appeared first on x", "the postx appeared first on y", "The post x\n appeared first on y",
        "THE POST X APPEARED FIRST ON Y", "The post x appeared  first on y", "The post — appeared first on —",
        "Jo Lin is a reporter", "Jo Lin is an editors.", "Jo Lin is the writers_", "Jo Lin is a co-author", "Jo Lin is a coauthor",
        "A B C D is a reporter", "A B C D E is a reporter", "jo Lin is a reporter", "Jo lin is a reporter", "Jo\nLin is a reporter",
        "Jo Lin is a\nreporter", "Jo Lin isa reporter", "Jo Lin is an\u{a0}reporter", "Jo Lin  IS  a reporter", "Jo Lin IS A REPORTER",
        "O’Brien-Lee is our bureau chief", "St. Lin has been the fellow", "Jo, Lin is a reporter", "Jo1 is a reporter", "They are our freelancers",
        "they are ourfreelancers", "he is the reporterss", "She serves as a photographer.", "Is is a reporter", "He He is a writer",
        "Jo Lin is a reporter\n", "Jo Lin is the_reporter", "Jo Lin is a—reporter—", "Jo Lin was a", "Jo\u{2003}Lin was a author", "Jo Lin is an EDITORS.", "she was a WRITERSX",
        "Share", "share:", "Share this", "Share this story:", "share this articles", "Share this article on Facebook Twitter", "share on",
        "share via x email:", "share with", "Share this on", "share x:", "share xx", "share  x", "Share this story: ", "share this post x",
        "Share this page with Bluesky", "share on x:", "Share this story", "share this x", "Click to share on X", "click to share this ",
        "click to share this  ", "Share on the river", "share via\nx", "Share on\u{a0}x", "click to  share on x", "Tweet this", "tweet",
        "tweets", "Email", "print", "PRINT it", "Copy link", "copy  link", "Save article", "save story", "save stories",
        "Facebook · Twitter · Email", "Facebook | X | Email", "facebook", "Facebook |", "Facebook | ", "facebook,x,y_1", "Twitter •Email",
        "Pinterest | Zoë", "Reddit  ·  x", "telegram | x y", "Facebook X", "LinkedIn|x|", "whatsapp ,, x",
        "Jo Lin covers rivers for the Star", "Jo Lin covers rivers for the ", "Jo Lin covers rivers for ", "Jo Lin covers for x",
        "Jo Lin covers x for", "Jo Lin coversx for y", "Jo Lin covers_x for y", "Jo Lin covers, for y", "Jo Lin COVERS x AT Y",
        "Jo Lin covers x before y", "Jo Lin covers x atom y", "Jo Lin covers x\nfor y", "Jo Lin covers x—for y", "Jo Lin covers x_for y",
        "jo Lin covers x for y", "A B C D covers x for y", "A B C D E covers x for y", "Jo Lin writes  about x for y",
        "Jo Lin writes about x at y", "Jo Lin has reported on x for y", "Jo Lin has  covered x at y", "Jo Lin reports from x at the Star.",
        "O’Brien-Lee covers x for y", "St. Lin covers x for y", "Jo1 covers x for y", "Jo\u{a0}Lin covers x for y", "Jo Lin covers x for\u{a0}y",
    ];

    /// Each hand-written reader against its pattern's plain build.
    pub(super) fn by_hand_agrees(line: &str) -> usize {
        let mut matched = 0;
        for (i, p) in FURNITURE.iter().enumerate() {
            if let Some(reader) = p.by_hand {
                let want = p.re.regex(line).is_match(line);
                assert_eq!(reader(line), want, "pattern {i} on {line:?}");
                matched += usize::from(want);
            }
        }
        matched
    }

    #[test]
    fn hand_readers_agree_with_their_patterns() {
        let lines: Vec<&str> = FURNITURE_LINES.iter().chain(BY_HAND_LINES).copied().filter(|l| is_plain(l)).collect();
        let matched: usize = lines.iter().map(|l| by_hand_agrees(l)).sum();
        assert!(matched > 40, "only {matched} lines match a pattern read by hand");
        assert!(FURNITURE.iter().filter(|p| p.by_hand.is_some()).count() >= 2);
    }

    #[test]
    fn prefilters_hold_wherever_a_pattern_matches() {
        for (i, p) in FURNITURE.iter().enumerate() {
            let plain = Regex::new(&super::super::ascii::ascii_build(p.re.source())).unwrap();
            let mut matched = 0;
            for line in FURNITURE_LINES.iter().filter(|l| is_plain(l) && plain.is_match(l)) {
                matched += 1;
                assert!((p.could_match)(line), "pattern {i} matches {line:?} but its prefilter refuses it");
                assert!(plain_candidates(line) & (1 << i) != 0, "pattern {i} matches {line:?} but its opening is refused");
                assert!(hinted_candidates(line) & (1 << i) != 0, "pattern {i} matches {line:?} without its hint");
            }
            assert!(matched > 0, "no line of the table exercises pattern {i}");
        }
    }

    #[test]
    fn openings_cover_every_line_a_prefilter_accepts() {
        assert_eq!(OPENINGS.len(), FURNITURE.len());
        let mut lines: Vec<String> = FURNITURE_LINES.iter().chain(BY_HAND_LINES).map(|l| l.to_string()).collect();
        // Each line again with its first letter in the other case.
        let flipped: Vec<String> = lines
            .iter()
            .map(|l| l.chars().enumerate().map(|(i, c)| if i == 0 && c.is_ascii_lowercase() { c.to_ascii_uppercase() } else if i == 0 { c.to_ascii_lowercase() } else { c }).collect())
            .collect();
        lines.extend(flipped);
        for line in lines.iter().map(|l| words::strip_markup(l)).filter(|l| is_plain(l)) {
            let spec = FURNITURE.iter().enumerate().filter(|(_, p)| (p.could_match)(line)).fold(0u64, |w, (i, _)| w | 1 << i);
            assert_eq!(plain_candidates(line), spec, "{line:?}");
        }
    }

    #[test]
    fn bios_read_apart_are_what_the_whole_table_finds() {
        // The split relies on the bio patterns closing the table.
        let first_bio = FURNITURE.iter().position(|p| p.kind == Furniture::Bio).expect("bio patterns");
        assert!(FURNITURE[first_bio..].iter().all(|p| p.kind == Furniture::Bio));
        let prose = ["Jo Lin said 4 people died.", "He is a reporter", "Jo Lin is a reporter for the Times.", "Advertisement"];
        for text in FURNITURE_LINES.iter().chain(BY_HAND_LINES).chain(&prose) {
            let line = Line::new(1, Span::new(0, text.len()), text);
            let whole = furniture_among(&line, u64::MAX);
            let split = furniture(&line).or_else(|| bio(&line).map(|note| (Furniture::Bio, note)));
            assert_eq!(split, whole, "{text:?}");
        }
    }

    #[test]
    fn opening_pairs_are_those_of_the_opening_letters() {
        for (i, (opens, pairs)) in OPENINGS.iter().zip(OPENING_PAIRS).enumerate() {
            let letters = opens.iter().any(u8::is_ascii_alphabetic);
            assert_eq!(letters, !pairs.is_empty(), "pattern {i}");
            for pair in pairs {
                let b = pair.as_bytes();
                assert!(b.len() == 2 && b.iter().all(u8::is_ascii_lowercase) && opens.contains(&b[0]), "pattern {i}: {pair:?}");
            }
        }
        // Each opening word of the tests, with the endings the tests ask
        // for: a pair missing from the table refuses one of them.
        let words = [
            "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "comment", "sort", "order", "leave",
            "post", "add", "write", "submit", "join", "start", "have", "reader", "view", "show", "read", "load", "see", "hide", "what",
            "people", "newest", "oldest", "most", "top", "inline", "loading", "reply", "like", "report", "flag", "share", "upvote",
            "downvote", "click", "tweet", "email", "print", "copy link", "save", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
            "pinterest", "telegram", "advertis", "sponsored", "story", "article", "continue", "sign up", "subscribe", "register",
            "follow", "download", "get", "receive", "click here", "already a subscriber", "log in", "login", "sign in", "signin",
            "this article is", "this story is", "this content is", "related", "also read", "see also", "more", "recommended",
            "further reading", "up next", "watch", "listen", "read more", "more stories", "you might also like", "you may also like",
            "most read", "previous article", "next post", "the post", "image", "photo", "picture", "slide", "expand", "enlarge",
            "toggle", "open", "last", "updated", "published", "posted", "copyright", "(c)", "our standards:", "this piece",
            "originally", "first", "tag", "topic", "filed under", "categor", "additional reporting by", "reporting by", "writing by",
            "editing by", "edited by", "compiled by", "written by", "about the author", "contact", "write to", "Jo Lin", "He",
        ];
        let endings = [
            "", " 4", " comments", " replies", " (3)", ": x", " | x", " x appeared first on y", " this", " ago", " 4 min", " min read",
            " published in x", " posted on x", " all rights reserved", " is a reporter", " covers rivers for x", " contributed reporting",
        ];
        for word in words {
            for ending in endings {
                for line in [format!("{word}{ending}"), format!("{}{ending}", word.to_uppercase())] {
                    let spec = FURNITURE.iter().enumerate().filter(|(_, p)| (p.could_match)(&line)).fold(0u64, |w, (i, _)| w | 1 << i);
                    assert_eq!(plain_candidates(&line), spec, "{line:?}");
                }
            }
        }
    }

    #[test]
    fn opening_masks_are_those_the_tables_describe() {
        for (at, &mask) in PAIR_MASKS.iter().enumerate() {
            let first = b'a' + (at / 27) as u8;
            let second = (at % 27 < 26).then(|| b'a' + (at % 27) as u8);
            let spec = OPENINGS.iter().zip(OPENING_PAIRS).enumerate().fold(0u64, |m, (i, (opens, pairs))| {
                let wanted =
                    opens.is_empty() || (opens.contains(&first) && second.is_some_and(|b| pairs.iter().any(|p| p.as_bytes() == [first, b])));
                m | u64::from(wanted) << i
            });
            assert_eq!(mask, spec, "pair {at}");
        }
        for (b, &mask) in OPENING_MASKS.iter().enumerate() {
            let spec = OPENINGS.iter().enumerate().fold(0u64, |m, (i, opens)| m | u64::from(opens.is_empty() || opens.contains(&(b as u8))) << i);
            assert_eq!(mask, spec, "byte {b}");
        }
    }

    #[test]
    fn opening_words_give_the_opening_pairs() {
        for (i, (words, pairs)) in OPENING_WORDS.iter().zip(OPENING_PAIRS).enumerate() {
            let mut from_words: Vec<&str> =
                words.iter().map(|w| &w[..2]).filter(|p| p.bytes().all(|b| b.is_ascii_lowercase())).collect();
            from_words.sort_unstable();
            from_words.dedup();
            let mut listed: Vec<&str> = pairs.to_vec();
            listed.sort_unstable();
            assert_eq!(from_words, listed, "pattern {i}");
        }
        // Prose opening with a pair some pattern wants, refused on its third letter.
        for line in ["The port reopened.", "Coastguard boats helped.", "Police said 4 died.", "Fire crews came.", "Residents left."] {
            let spec = FURNITURE.iter().enumerate().filter(|(_, p)| (p.could_match)(line)).fold(0u64, |w, (i, _)| w | 1 << i);
            assert_eq!(plain_candidates(line), spec, "{line:?}");
        }
        // "The" may open "the post " but not "three" or "this article".
        assert_eq!(opening_mask(b"The port reopened.") & (1 << 0 | 1 << 5 | 1 << 7 | 1 << 11), 1 << 7);
        assert_eq!(opening_mask(b"Coastguard boats helped.") & !(1 << 14 | 1 << 15 | 1 << 16), 0);
    }

    #[test]
    fn closings_name_the_patterns_that_read_the_end() {
        let notes: Vec<&str> = CLOSINGS.iter().map(|(i, _)| FURNITURE[*i].note).collect();
        assert_eq!(notes, ["comment metadata", "copyright line"]);
        // Refused by their openings, accepted by their ends, as the tests do.
        for (line, pattern) in [("Posted 3 hours ago", 2), ("Jo Lin • 2 days AGO", 2), ("Valley Press. All rights reserved.", 10)] {
            assert!((FURNITURE[pattern].could_match)(line), "{line:?}");
            assert_eq!(opening_mask(line.as_bytes()) & 1 << pattern, 0, "{line:?}");
            assert_ne!(plain_candidates(line) & 1 << pattern, 0, "{line:?}");
        }
        // Ordinary prose asks neither test.
        assert_eq!(plain_candidates("Officials said the port would reopen.") & (1 << 2 | 1 << 10), 0);
    }

    #[test]
    fn plain_and_hinted_candidates_find_the_same_furniture() {
        for line in FURNITURE_LINES.iter().filter(|l| is_plain(l)) {
            let first = |wanted: u64| FURNITURE.iter().enumerate().find(|(i, p)| wanted & (1 << i) != 0 && p.re.is_match(line)).map(|(i, _)| i);
            assert_eq!(first(plain_candidates(line)), first(hinted_candidates(line)), "{line}");
        }
    }

    #[test]
    fn reasons_serialise_in_snake_case() {
        assert_eq!(serde_json::to_string(&ExclusionReason::ReaderComments).unwrap(), "\"reader_comments\"");
        assert_eq!(ExclusionReason::RelatedLink.as_str(), "related_link");
    }

    #[test]
    fn disqus_style_comments_with_usernames_and_times() {
        let text = format!(
            "{BODY}\nJoin the conversation\n\nriverwatch_77\n3 hours ago\nThe council ignored every warning about that levee.\nReply\n\nmkoh1990\n5 hours ago\nSTOP BUILDING HOUSES there 😡\nReply\n"
        );
        assert_eq!(regions(&text), vec![(ExclusionReason::SharePrompt, 6, 6), (ExclusionReason::ReaderComments, 8, 16)]);
    }

    #[test]
    fn stacked_teasers_of_two_other_stories() {
        let text = "Parliament passes budget after late-night vote\n\
            Lawmakers vote in the capital on Monday. Photo: Parliament Press Office\n\
            Striker signs record contract with city club\n\
            The forward poses at the stadium on Sunday. (AP Photo/Jo Lin)\n\
            River floods force 42 families from homes in the valley\n\n\
            Flood waters rose across the valley on Tuesday and 42 families left their homes, the regional authority said.\n\
            The river broke its banks near the old mill, officials said.\n";
        assert_eq!(regions(text), vec![(ExclusionReason::Caption, 1, 4)]);
    }

    #[test]
    fn vocabulary_skipping_words_finds_what_reading_all_finds() {
        let bodies = [
            "Flood waters rose; the river's banks broke. Floods returned.",
            "“Zoë’s” boats — returning 'home' at dusk, said O'Neil.",
            "it's ok, a an the",
            "",
            "Troops returned; TROOPS RETURNING. Æsop’s fables were read.",
            "river rivers RIVER riven rivalry, floods flood waters river",
        ];
        let heads = ["River floods return", "Zoë troop boats", "Æsop dusk", "the and", "Rivers rivalry riven", "Flood waters river banks"];
        // Bodies of one line and of two (words met again on the second).
        let pairs = bodies.iter().map(|b| (*b, "")).chain(bodies.iter().flat_map(|a| bodies.iter().map(move |b| (*a, *b))));
        for (first, second) in pairs {
            let article = Article::from_text("v", "v.txt", format!("x\n{first}\n{second}\n"), vec![]);
            let lines = words::lines(&article);
            for head in heads {
                let wanted: std::collections::HashSet<String> = words::content_words(head).collect();
                let mut sorted: Vec<String> = wanted.iter().cloned().collect();
                sorted.sort_unstable();
                let mut found = std::collections::HashSet::new();
                let mut any = false;
                for line in &lines[1..3] {
                    words::for_each_content_word(line.text, |w| {
                        any = true;
                        if wanted.contains(w) {
                            found.insert(w.to_string());
                        }
                    });
                }
                let (got, got_any) = captions::vocabulary(&lines, &[1, 2], &sorted);
                let got: std::collections::HashSet<String> = got.into_iter().map(str::to_string).collect();
                assert_eq!((got, got_any), (found, any), "{first:?} + {second:?} / {head:?}");
            }
        }
    }

    #[test]
    fn every_pronoun_opens_with_a_letter_the_quick_test_knows() {
        assert!(comments::FIRST_SECOND_PERSON.iter().all(|p| b"mywoui".contains(&p.as_bytes()[0])));
    }

    #[test]
    fn every_listed_word_opens_as_the_quick_test_expects() {
        for word in comments::FIRST_SECOND_PERSON.iter().chain(comments::SLANG).chain(&["i"]) {
            if word.is_ascii() {
                assert!(comments::may_be_listed(word.as_bytes()), "{word}");
                assert!(comments::may_be_listed(word.to_uppercase().as_bytes()), "{word}");
            }
        }
        for word in ["the", "of", "said", "x", "", "'", "th'"] {
            assert!(!comments::may_be_listed(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn every_slang_word_passes_the_quick_test() {
        for word in comments::SLANG {
            assert!(comments::is_slang(word) && comments::is_slang(&word.to_uppercase()), "{word}");
        }
        assert!(!comments::is_slang("lo") && !comments::is_slang("gonnas") && !comments::is_slang("kol"));
    }

    /// Paragraphs of reporting and of readers' comments, for the test
    /// that the quick yes-or-no reading of informality agrees with the
    /// full list.
    const REGISTER_LINES: &[&str] = &[
        "“We will win,” the minister said.", "i think they lied", "The US said it would respond.", "I was there.", "Im not sure",
        "you’re wrong", "What now", "What now?", "“Why?” she asked.", "He said \"why?\" twice", "Great !", "Great!!", "Great!", "lol ok",
        "LOL", "Thanks @jo for this", "@ home", "river_watch77", "jkim1987", "x", "The THREE BIG FIRMS said so.", "TWO BIG FIRMS",
        "STOP BUILDING HOUSES there 😡", "Flood waters rose across the valley on Tuesday and 42 families left their homes as the river rose",
        "Flood waters rose across the valley on Tuesday and 42 families left their homes as the river rose.", "Zoë said so.",
        "ünter den Linden", "“you” and “me” said the sign.", "She said \"my home\" was gone.", "We’re done", "OUR town", "Ours", "ur",
        "'tis true", "Mine closed in 2019.", "My", "MY", "Me", "Smh", "GONNA", "yeah", "Ça va", "É", "", "   ", "42", "A B C", "AB CD EF GH",
        "ΑΒΓ ΔΕΖ ΗΘΙ", "IOU", "U", "I’ll", "I'LL", "Us", "USA", "our’s", "Tbh the council failed", "Is it?", "\"quoted ? text\" ok",
    ];

    /// [`comments::informality`] as first written: a list per feature.
    pub(super) fn informality_spec(text: &str) -> Vec<&'static str> {
        let own = comments::without_quotes(text);
        let mut found = Vec::new();
        let tokens: Vec<&str> = own.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|t| !t.is_empty()).collect();
        if tokens.iter().any(|t| comments::is_person(t)) {
            found.push("first or second person");
        }
        if tokens.contains(&"i") {
            found.push("lowercase 'i'");
        }
        if ["!!", "??", "?!", "!?", " !", " ?"].iter().any(|p| own.contains(p)) {
            found.push("'!!', '??' or spaced '!'");
        } else if own.contains('?') {
            found.push("a question");
        }
        if text.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase) {
            found.push("lowercase start");
        }
        if tokens.len() >= 16 && !words::ends_sentence(text) {
            found.push("no final full stop");
        }
        if tokens.iter().any(|t| comments::is_slang(t)) {
            found.push("slang");
        }
        if own.split_whitespace().any(|w| w.len() > 1 && w.starts_with('@')) {
            found.push("@mention");
        }
        if comments::is_username(text) {
            found.push("a username");
        }
        if text.chars().any(comments::is_emoji) {
            found.push("emoji");
        }
        if tokens.windows(3).any(|w| w.iter().all(|t| comments::is_shouted(t))) {
            found.push("shouting");
        }
        found
    }

    #[test]
    fn quick_informality_agrees_with_the_full_list() {
        for line in REGISTER_LINES {
            assert_eq!(comments::informality(line), informality_spec(line), "{line:?}");
            assert_eq!(comments::is_informal(line), !comments::informality(line).is_empty(), "{line:?}");
        }
    }

    #[test]
    fn emoji_and_curly_quotes_are_found_as_the_character_walks_find_them() {
        let texts = ["", "plain", "“quoted” — dash", "x 😀 y", "☀ sun", "➿", "⟀", "∑ sum", "🀄", "🫿", "🬀", "‘single’", "a“", "”", "é", "\u{1F2FF}"];
        for t in texts {
            assert_eq!(comments::has_emoji(t), t.chars().any(comments::is_emoji), "{t:?}");
            assert_eq!(comments::has_curly_double_quote(t), t.contains(['“', '”']), "{t:?}");
        }
    }

    #[test]
    fn informality_features() {
        assert!(comments::informality("“We will win,” the minister said.").is_empty());
        assert!(!comments::informality("i think they lied").is_empty());
        assert!(!comments::informality("The US said it would respond.").contains(&"first or second person"));
    }
}

#[cfg(test)]
mod prefilter_properties {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// Lines made of the words and marks the furniture patterns look for.
    fn furniture_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("leave"), Just("a"), Just("the"), Just("comment"), Just("Comments"), Just("reply"), Just("Reply"), Just("12"),
            Just("1,200"), Just("no"), Just("ago"), Just("hours"), Just("an"), Just("hour"), Just("share"), Just("Share"),
            Just("this"), Just("on"), Just("Facebook"), Just("sign"), Just("up"), Just("Read"), Just("more"), Just("Related"),
            Just("related"), Just("Photo"), Just("of"), Just("/"), Just("3"), Just("min"), Just("read"), Just("Copyright"),
            Just("©"), Just("(c)"), Just("All"), Just("rights"), Just("reserved"), Just("Tags"), Just(":"), Just("reporting"),
            Just("by"), Just("Jo"), Just("Lin"), Just("is"), Just("correspondent"), Just("for"), Just("covers"), Just("at"),
            Just("contributed"), Just("The"), Just("post"), Just("appeared"), Just("first"), Just("·"), Just("|"), Just("»"),
            Just("—"), Just("-"), Just("("), Just(")"), Just("["), Just("]"), Just("?"), Just("."), Just("!"), Just("Sort"),
            Just("newest"), Just("view"), Just("gallery"), Just("updated"), Just("published"), Just("Advertisement"),
            Just("story"), Just("continues"), Just("below"), Just("log"), Just("in"), Just("get"), Just("our"), Just("app"),
            Just("he"), Just("She"), Just("was"), Just("editor"), Just("what"), Just("do"), Just("you"), Just("think?"),
            Just("like"), Just("Loading"), Just("..."), Just("print"), Just("email"), Just("people"), Just("commented"),
            Just("has"), Just("been"), Just("about"), Just("writes"), Just("reports"), Just("from"), Just("serves"), Just("as"),
            Just("an"), Just("reporter"), Just("Photo by"), Just("photograph"), Just("courtesy"), Just("Korea"),
        ];
        let sep = prop_oneof![Just(" "), Just(""), Just(": "), Just(" · "), Just("\u{a0}"), Just(", ")];
        proptest::collection::vec((word, sep), 1..9).prop_map(|parts| {
            let line: String = parts.into_iter().flat_map(|(w, s)| [w, s]).collect();
            words::strip_markup(&line).to_string()
        })
    }

    /// Each pattern's plain-text build, compiled once for all cases.
    static PLAIN_BUILDS: std::sync::LazyLock<Vec<Regex>> = std::sync::LazyLock::new(|| {
        FURNITURE.iter().map(|p| Regex::new(&super::super::ascii::ascii_build(p.re.source())).unwrap()).collect()
    });

    /// Lines made of the words of the patterns read by hand.
    fn comment_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("12"), Just("1,2"), Just(","), Just("no"), Just("one"), Just("ten"), Just("none"), Just("comment"), Just("Comments"),
            Just("s"), Just("responses"), Just("replies"), Just("reply"), Just("reactions"), Just("("), Just(")"), Just("["), Just("]"),
            Just(":"), Just("leave"), Just("post"), Just("have"), Just("a"), Just("your"), Just("the"), Just("us a"), Just("discussion"),
            Just("reader"), Just("view"), Just("see"), Just("all"), Just("more"), Just("are"), Just("closed"), Just("what do you think"),
            Just("?"), Just("people"), Just("readers"), Just("talking"), Just("commented"), Just("sort"), Just("ordered"), Just("by"),
            Just("newest"), Just("most voted"), Just("top"), Just("inline"), Just("feedback"), Just("."), Just("!"), Just("—"),
            Just("“"), Just("aaaaaaaaaaaaaaaaaaaa"), Just("\n"), Just("share"), Just("Share this"), Just("this"), Just("story"),
            Just("on"), Just("via"), Just("with"), Just("Facebook"), Just("x"), Just("X"), Just("Email"), Just("bluesky"), Just("|"),
            Just("·"), Just("•"), Just("click to"), Just("tweet"), Just("print"), Just("copy link"), Just("save"), Just("pinterest"),
            Just("_a1"),
        ];
        let sep = prop_oneof![Just(" "), Just(" "), Just(" "), Just(""), Just("  "), Just("\u{a0}"), Just("\t")];
        proptest::collection::vec((word, sep), 1..7).prop_map(|parts| {
            let line: String = parts.into_iter().flat_map(|(w, s)| [w, s]).collect();
            // Lines end without their white space, but test both.
            if line.len() % 2 == 0 { line.trim_end().to_string() } else { line }
        })
    }

    /// Lines made of the words of the author bio.
    fn bio_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("Jo"), Just("Lin"), Just("O’Brien-Lee"), Just("St."), Just("x"), Just("he"), Just("She"), Just("THEY"), Just("is"),
            Just("was"), Just("has been"), Just("serves as"), Just("are"), Just("a"), Just("an"), Just("the"), Just("our"),
            Just("reporter"), Just("Editors"), Just("REPORTERS"), Just("bureau chief"), Just("writerss"), Just("fellow_"), Just("co-author"), Just("1"),
            Just("."), Just(","), Just("\n"), Just("—"), Just("_"), Just("covers"), Just("Writes about"), Just("reports on"),
            Just("has reported on"), Just("for"), Just("AT"), Just("at the"), Just("atom"),
        ];
        let sep = prop_oneof![Just(" "), Just(" "), Just(" "), Just(""), Just("  "), Just("\u{a0}"), Just("\n")];
        proptest::collection::vec((word, sep), 1..9).prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    /// Lines made of the words of the credit shapes and the footer read by hand.
    fn credit_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("photo"), Just("Photos"), Just("photograph"), Just("image"), Just("Images"), Just("picture"), Just("credit"),
            Just("Illustration"), Just("graphic"), Just("video"), Just("source"), Just("caption"), Just(":"), Just(","), Just("."),
            Just("!"), Just("?"), Just(")"), Just("("), Just("Jo"), Just("x"), Just("_"), Just("1"), Just("—"), Just("“"), Just("\n"),
            Just("the post"), Just("The Post"), Just("appeared first on"), Just("appeared"), Just("first on"),
            Just("/"), Just("via"), Just("REUTERS"), Just("Reuters"), Just("AP"), Just("Getty Images"), Just("by"), Just("courtesy of"),
        ];
        let sep = prop_oneof![Just(" "), Just(" "), Just(""), Just("  "), Just("\u{a0}"), Just("\t")];
        proptest::collection::vec((word, sep), 1..8).prop_map(|parts| {
            let line: String = parts.into_iter().flat_map(|(w, s)| [w, s]).collect();
            if line.len() % 2 == 0 { line.trim_end().to_string() } else { line }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn hand_readers_agree(line in comment_like()) {
            prop_assume!(is_plain(&line));
            tests::by_hand_agrees(&line);
        }

        #[test]
        fn bio_reader_agrees(line in bio_like()) {
            const PHRASES: &[&[&str]] = &[&["is", "a"], &["has", "been", "the"], &["serves", "as", "our"], &["was"]];
            for pronouns in [false, true] {
                prop_assert_eq!(verb_after_names(&line, PHRASES, pronouns), tests::verb_after_names_spec(&line, PHRASES, pronouns), "{:?}", line);
            }
            prop_assume!(is_plain(&line));
            tests::by_hand_agrees(&line);
        }

        #[test]
        fn credit_and_footer_readers_agree(line in credit_like()) {
            let ungated = CREDIT_SHAPES.iter().any(|s| s.start(&line).is_some());
            prop_assert!(!ungated || may_hold_credit(&line), "{:?}", line);
            prop_assert!(!ungated || may_close_with_credit(&line, is_plain(&line)), "{:?}", line);
            prop_assert_eq!(names_credit(&line), tests::names_credit_spec(&line), "{:?}", line);
            for plain in [true, false] {
                prop_assert_eq!(may_close_with_credit(&line, plain), tests::may_close_with_credit_spec(&line, plain), "{:?}", line);
            }
            prop_assume!(is_plain(&line));
            tests::credit_readers_agree(&line);
            tests::by_hand_agrees(&line);
        }
    }

    /// Lines made of the words and marks the informality tests look for.
    fn register_like() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("i"), Just("I"), Just("I’m"), Just("im"), Just("you"), Just("YOU"), Just("Your"), Just("us"), Just("US"), Just("we're"),
            Just("we’re"), Just("lol"), Just("LMAO"), Just("yeah"), Just("the"), Just("The"), Just("council"), Just("said"), Just("BIG"),
            Just("FIRMS"), Just("NO"), Just("ΑΒΓ"), Just("Zoë"), Just("é"), Just("42"), Just("2019"), Just("river_77"), Just("@jo"),
            Just("@"), Just("?"), Just("!"), Just("!!"), Just("."), Just(","), Just("“"), Just("”"), Just("\""), Just("'"), Just("’"),
            Just("😡"), Just("☀"), Just("—"), Just("_"), Just(")"), Just("Officials"), Just("homes"), Just("flooded"),
        ];
        let sep = prop_oneof![Just(" "), Just(" "), Just(" "), Just(""), Just("\u{a0}")];
        proptest::collection::vec((word, sep), 0..22).prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn quick_informality_agrees(line in register_like()) {
            prop_assert_eq!(comments::is_informal(&line), !comments::informality(&line).is_empty(), "{:?}", line);
            prop_assert_eq!(comments::informality(&line), tests::informality_spec(&line), "{:?}", line);
        }
    }

    proptest! {
        #[test]
        fn labelled_marks_agree_with_their_specification(
            parts in proptest::collection::vec(prop_oneof![
                Just("photo"), Just("Photo"), Just("images"), Just("source"), Just("SOURCE"), Just("caption"), Just("credit"),
                Just("credits"), Just("video"), Just("graphic"), Just("the"), Just("sent"), Just("item"), Just("Zoë"), Just("_"),
                Just("9"), Just(":"), Just(","), Just(" "), Just("\u{a0}"), Just("  "), Just("\t"),
            ], 0..12)
        ) {
            tests::labelled_marks_agree(&parts.concat());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1500))]
        #[test]
        fn prefilters_hold(line in furniture_like()) {
            prop_assume!(is_plain(&line));
            tests::by_hand_agrees(&line);
            let spec = FURNITURE.iter().enumerate().filter(|(_, p)| (p.could_match)(&line)).fold(0u64, |w, (i, _)| w | 1 << i);
            prop_assert_eq!(plain_candidates(&line), spec, "{:?}", line);
            for (i, p) in FURNITURE.iter().enumerate() {
                let matches = PLAIN_BUILDS[i].is_match(&line);
                if matches {
                    prop_assert!((p.could_match)(&line), "pattern {} matches {:?}", i, line);
                    prop_assert!(plain_candidates(&line) & (1 << i) != 0, "pattern {} matches {:?}, opening refused", i, line);
                    prop_assert!(hinted_candidates(&line) & (1 << i) != 0, "pattern {} matches {:?} unhinted", i, line);
                }
            }
        }
    }
}

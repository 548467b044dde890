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

use super::words::{self, Line};
use super::Article;
use crate::model::Span;
use regex::Regex;
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
    re: Regex,
    kind: Furniture,
    note: &'static str,
}

fn pattern(re: &str, kind: Furniture, note: &'static str) -> Pattern {
    // The patterns are fixed strings of this module, checked by the tests.
    Pattern { re: Regex::new(&format!("(?i)^(?:{re})$")).expect("valid furniture pattern"), kind, note }
}

const NUMBER_WORD: &str = r"\d[\d,]*|no|one|two|three|four|five|six|seven|eight|nine|ten";

static FURNITURE: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use ExclusionReason::*;
    use Furniture::*;
    vec![
        pattern(
            &format!(r"(?:{NUMBER_WORD})\s+(?:comments?|responses?|replies|reactions)|comments?\s*[(\[]\s*\d[\d,]*\s*[)\]]|comments?:?\s*\d[\d,]*"),
            CommentPrompt,
            "comment count",
        ),
        pattern(
            r"(?:leave|post|add|write|submit|join|start|have) (?:a|your|the|us a) (?:comment|reply|response|conversation|discussion)s?[.!:]?|comments?|reader comments|(?:view|show|read|load|see|hide) (?:all |the )?(?:\d[\d,]* )?(?:more )?comments?|comments are closed\.?|what do you think\?|(?:\d[\d,]* )?(?:people|readers) (?:are talking|commented)",
            CommentPrompt,
            "comment prompt",
        ),
        pattern(
            r"(?:\d+|an?) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|reply|like|report|flag|(?:like|reply|report|share)(?:\s*[·|•]\s*(?:like|reply|report|share))+",
            CommentChrome,
            "comment metadata",
        ),
        pattern(
            r"share(?: this(?: article| story| post| page)?)?(?: on| via| with)?(?: (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|telegram|bluesky))*:?|(?:click to )?share (?:this|on|via) .{1,60}|tweet(?: this)?|email|print|copy link|save (?:article|story)|(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram)(?:\s*[·|•,]\s*\w+)*",
            Other(SharePrompt),
            "share prompt",
        ),
        pattern(
            r"advertisement|advertising|sponsored(?: content)?|(?:story|article) continues (?:below|after).{0,40}|continue reading(?: below| the main story)?",
            Other(Promo),
            "advertisement",
        ),
        pattern(
            r"(?:sign up|subscribe|register)\b.{0,120}|(?:follow|like) (?:us|\w+) on (?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|telegram|google news|whatsapp)\b.{0,80}|(?:download|get) (?:our|the) (?:free )?app\b.{0,80}|(?:get|receive) (?:our|the) .{1,60}newsletter.{0,60}|click here\b.{0,100}",
            Other(Promo),
            "promotion",
        ),
        pattern(
            r"(?:related|read more|read also|also read|see also|more on this(?: story)?|more from .{1,40}|recommended|further reading|read next|up next|watch|listen|more)\s*[:|>»–—-]\s*.{1,250}|related(?: (?:stories|articles|content|news|coverage|posts|reading))?|read more|more stories|you (?:might|may) also like:?|recommended(?: for you)?|most (?:read|popular|viewed)",
            Other(RelatedLink),
            "link to another story",
        ),
        pattern(r"the post .{1,400} appeared first on .{1,120}", Other(Footer), "syndication footer"),
        pattern(
            r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\b.{0,150})?|.{0,150}\ball rights reserved\.?",
            Other(Footer),
            "copyright line",
        ),
        pattern(
            r"(?:this (?:article|story|post|piece) (?:was |is )?(?:originally |first )?|originally |first )(?:published|appeared|posted) (?:on|in|by|at)\b.{1,200}|our standards:.{0,100}",
            Other(Footer),
            "syndication footer",
        ),
        pattern(
            r"(?:additional )?reporting by\b.{1,200}|(?:writing|editing|edited|compiled|written) by\b.{1,150}|about the authors?:?",
            Bio,
            "reporting credit",
        ),
        pattern(
            r"(?:(?:[\p{Lu}][\p{L}.'’-]*\s+){1,4}|(?:he|she|they) )(?:is|was|has been|serves as|are) (?:a|an|the|our)\b.{0,100}\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|bureau chief|photographer|author|fellow|freelancer)s?\b.{0,250}",
            Bio,
            "author bio",
        ),
        pattern(r".{3,80}\bcontributed (?:reporting|to this report|research)\b.{0,150}", Bio, "reporting credit"),
    ]
});

fn furniture(line: &Line<'_>) -> Option<(Furniture, &'static str)> {
    let content = line.content();
    if content.is_empty() || content.len() > FURNITURE_MAX_BYTES {
        return None;
    }
    FURNITURE.iter().find(|p| p.re.is_match(content)).map(|p| (p.kind, p.note))
}

/// A photo credit: "Image: Agency", "Photo: X/Reuters", "(AP Photo/Name)",
/// "Photo by X", "Getty Images".
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:images?|photos?|photograph|pictures?|credit|illustration|graphic|video|source)(?:\s+credit)?\s*:\s*\S[^.!?]{0,80}|\(\s*(?:[\p{L}.]+\s+)?photos?\s*(?:/|:|by)[^)]{0,80}\)|\bphoto(?:graph)?\s+(?:by|courtesy(?: of)?)\s+[^.!?]{1,60}|\bgetty images|/\s*(?:reuters|afp|ap|epa|xinhua|yonhap|anadolu|bloomberg)(?:\s+via\s+[^.]{1,40})?)\.?\)?\s*$",
    )
    .expect("valid caption pattern")
});

/// Finds the excluded regions of an article, in text order.
pub(super) fn find(article: &Article) -> Vec<Excluded> {
    let lines = words::lines(article);
    let mut marks: Vec<Option<Mark>> = vec![None; lines.len()];
    let mut bios = Vec::new();
    let mut comment_signal = None;
    for (i, line) in lines.iter().enumerate() {
        match furniture(line) {
            Some((Furniture::Bio, note)) => bios.push((i, note)),
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
    let comments = comments::find(&lines, &marks, comment_signal);
    if let Some(region) = &comments {
        for mark in &mut marks[region.first..=region.last] {
            *mark = Some(Mark { reason: ExclusionReason::ReaderComments, note: region.note.clone(), comment_chrome: false });
        }
    }
    let body_end = comments.as_ref().map_or(lines.len(), |c| c.first);
    accept_tail_bios(&lines, &mut marks, &bios, body_end);
    captions::find(&lines, &mut marks, body_end);
    regions(&lines, &marks)
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
fn accept_tail_bios(lines: &[Line<'_>], marks: &mut [Option<Mark>], bios: &[(usize, &str)], body_end: usize) {
    let mut i = body_end;
    while i > 0 {
        i -= 1;
        if lines[i].is_blank() || marks[i].is_some() {
            continue;
        }
        match bios.iter().find(|(at, _)| *at == i) {
            Some((_, note)) => marks[i] = Some(Mark::new(ExclusionReason::AuthorBio, note)),
            None => break,
        }
    }
}

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
        informal: Vec<&'static str>,
    }

    pub(super) fn find(lines: &[Line<'_>], marks: &[Option<Mark>], signal: Option<usize>) -> Option<Region> {
        let units = units(lines, marks);
        let content: Vec<usize> = (0..units.len()).filter(|&u| !units[u].furniture).collect();
        let typical = typical_gap(&units);
        for c in 1..units.len() {
            let unit = &units[c];
            let header = units[c - 1].header;
            let wide_break = unit.gap > typical && (unit.gap >= 2 || typical == 0);
            if unit.furniture || !(header || wide_break) {
                continue;
            }
            if let Some(region) = judge(&units, &content, c, header, signal) {
                return Some(region);
            }
        }
        signal.and_then(|s| trailing_run(&units, &content, s))
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
            let mut informal = if mark.is_some() { Vec::new() } else { informality(line.content()) };
            if mark.is_some_and(|m| m.comment_chrome) {
                informal.push("comment metadata");
            }
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

    /// Comments start at unit `c` when what follows reads clearly more
    /// informally than what precedes.
    fn judge(units: &[Unit], content: &[usize], c: usize, header: bool, signal: Option<usize>) -> Option<Region> {
        let split = content.partition_point(|&u| u < c);
        let (before, after) = content.split_at(split);
        if before.len() < 3 || after.is_empty() {
            return None;
        }
        let informal_after = after.iter().filter(|&&u| !units[u].informal.is_empty()).count();
        let informal_before = before.iter().filter(|&&u| !units[u].informal.is_empty()).count();
        let ratio_after = informal_after as f64 / after.len() as f64;
        let ratio_before = informal_before as f64 / before.len() as f64;
        let threshold = if signal.is_some() || header { 0.34 } else { 0.5 };
        let enough = informal_after >= if header { 1 } else { 2 };
        if !(enough && ratio_after >= threshold && ratio_before <= ratio_after / 2.0) {
            return None;
        }
        // The comments' own furniture ("Reply", "3 hours ago") after the
        // last comment still belongs to them.
        let last = (c..units.len())
            .rev()
            .find(|&u| !units[u].furniture || !units[u].informal.is_empty() || units[u].header)?;
        let why = if header { "below a comment prompt" } else { "after a wider break than the body's" };
        let mut note = format!(
            "{} paragraphs {why}, {informal_after} of them informal ({})",
            after.len(),
            features(units, after).join(", ")
        );
        if let Some(line) = signal {
            note.push_str(&format!("; comment count or prompt on line {line}"));
        }
        Some(Region { first: units[c].index, last: units[last].index, note })
    }

    /// Without a break: the page says it has comments and its last
    /// paragraphs all read like them.
    fn trailing_run(units: &[Unit], content: &[usize], signal: usize) -> Option<Region> {
        let run = content.iter().rev().take_while(|&&u| !units[u].informal.is_empty()).count();
        if run < 2 || content.len() - run < 3 {
            return None;
        }
        let tail = &content[content.len() - run..];
        let note = format!(
            "last {run} paragraphs informal ({}); comment count or prompt on line {signal}",
            features(units, tail).join(", ")
        );
        Some(Region { first: units[tail[0]].index, last: units[*tail.last()?].index, note })
    }

    fn features(units: &[Unit], which: &[usize]) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for &u in which {
            for f in &units[u].informal {
                if !out.contains(f) {
                    out.push(f);
                }
            }
        }
        out
    }

    const FIRST_SECOND_PERSON: &[&str] = &[
        "me", "my", "mine", "myself", "you", "your", "yours", "you're", "youre", "we", "we're", "our", "ours",
        "us", "u", "ur", "i'm", "i've", "i'd", "i'll", "im", "ive",
    ];
    const SLANG: &[&str] = &["lol", "lmao", "haha", "smh", "imo", "imho", "omg", "wtf", "btw", "tbh", "yeah", "yep", "nope", "gonna", "wanna"];

    /// What makes a paragraph read like a reader's comment rather than
    /// reporting; quoted words are left out, since news quotes people.
    pub(super) fn informality(text: &str) -> Vec<&'static str> {
        let own = without_quotes(text);
        let mut found = Vec::new();
        let tokens: Vec<&str> = own.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|t| !t.is_empty()).collect();
        // "US" is a country; the pronoun is written "us".
        let person = tokens.iter().any(|t| {
            t.starts_with('I') && matches!(*t, "I" | "I'm" | "I’m" | "I've" | "I’ve" | "I'd" | "I’d" | "I'll" | "I’ll")
                || (t.chars().skip(1).all(|c| c.is_lowercase())
                    && FIRST_SECOND_PERSON.contains(&t.to_lowercase().replace('’', "'").as_str()))
        });
        if person {
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
        if tokens.len() >= 16 && !super::words::ends_sentence(text) {
            found.push("no final full stop");
        }
        if tokens.iter().any(|t| SLANG.contains(&t.to_lowercase().as_str())) {
            found.push("slang");
        }
        if own.split_whitespace().any(|w| w.len() > 1 && w.starts_with('@')) {
            found.push("@mention");
        }
        found
    }

    /// The text with quoted passages blanked.
    fn without_quotes(text: &str) -> String {
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
    use super::{words, ExclusionReason, Line, Mark, CAPTION_CREDIT};
    use std::collections::HashSet;

    /// How far down the page the teaser of another story may sit.
    const HEAD_LINES: usize = 8;

    pub(super) fn find(lines: &[Line<'_>], marks: &mut [Option<Mark>], body_end: usize) {
        let open: Vec<usize> = (0..body_end).filter(|&i| !lines[i].is_blank() && marks[i].is_none()).collect();
        let credits: Vec<usize> = open.iter().copied().filter(|&i| has_credit(&lines[i])).collect();
        if credits.is_empty() {
            return;
        }
        for &c in &credits {
            let at = open.partition_point(|&i| i < c);
            if at < HEAD_LINES && teaser_above_headline(lines, marks, &open, at) {
                continue;
            }
            stray_caption(lines, marks, &open, c);
        }
    }

    fn has_credit(line: &Line<'_>) -> bool {
        let content = line.content();
        content.len() <= 1200 && CAPTION_CREDIT.is_match(content)
    }

    /// The shared vocabulary of the open lines, except those in `skip`.
    fn vocabulary(lines: &[Line<'_>], open: &[usize], skip: &[usize]) -> HashSet<String> {
        open.iter().filter(|i| !skip.contains(i)).flat_map(|&i| words::content_words(lines[i].text)).collect()
    }

    /// `[headline] caption headline body...`: when the second headline
    /// matches the body better than the first headline (or the caption),
    /// the first two belong to another story.
    fn teaser_above_headline(lines: &[Line<'_>], marks: &mut [Option<Mark>], open: &[usize], at: usize) -> bool {
        let caption = open[at];
        let Some(&own) = open.get(at + 1).filter(|&&i| words::is_headline_like(lines[i].content())) else {
            return false;
        };
        let above = at.checked_sub(1).map(|a| open[a]).filter(|&i| words::is_headline_like(lines[i].content()));
        let first = above.unwrap_or(caption);
        // Only the top of the page: nothing of the article may sit above.
        if open.first() != Some(&first) {
            return false;
        }
        let body: Vec<usize> = open.iter().copied().filter(|&i| i > own).collect();
        let vocabulary = vocabulary(lines, &body, &[]);
        let theirs = words::overlap(lines[first].text, &vocabulary);
        let ours = words::overlap(lines[own].text, &vocabulary);
        if theirs >= ours || vocabulary.is_empty() {
            return false;
        }
        let note = format!(
            "photo credit on line {} and a headline above the article's own on line {}; {:.0}% of its words are in the body against {:.0}%",
            lines[caption].number,
            lines[own].number,
            theirs * 100.0,
            ours * 100.0
        );
        for mark in &mut marks[first..=caption] {
            *mark = Some(Mark::new(ExclusionReason::Caption, &note));
        }
        true
    }

    /// A captioned photo elsewhere whose words the body does not share
    /// belongs to another story; a bare credit line is never reporting.
    fn stray_caption(lines: &[Line<'_>], marks: &mut [Option<Mark>], open: &[usize], c: usize) {
        let content = lines[c].content();
        let bare = CAPTION_CREDIT.find(content).is_some_and(|m| m.start() == 0);
        let note = if bare {
            "a photo credit on its own".to_string()
        } else {
            let vocabulary = vocabulary(lines, open, &[c]);
            let shared = words::overlap(content, &vocabulary);
            if shared >= 0.35 {
                return;
            }
            format!("photo caption with a credit; only {:.0}% of its words are in the body", shared * 100.0)
        };
        marks[c] = Some(Mark::new(ExclusionReason::Caption, &note));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(text: &str) -> Vec<(ExclusionReason, usize, usize)> {
        let a = Article::from_text("t", "t.txt", text.to_string(), vec![]);
        a.excluded.iter().filter(|e| e.reason != ExclusionReason::Metadata).map(|e| (e.reason, e.start_line, e.end_line)).collect()
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
        ];
        for (line, reason) in cases {
            let text = format!("{BODY}{line}\n");
            assert_eq!(regions(&text), vec![(*reason, 5, 5)], "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        let text = format!("{BODY}Residents said they would share what food they had with neighbours.\n");
        assert_eq!(regions(&text), vec![]);
    }

    #[test]
    fn bio_only_in_the_closing_furniture() {
        let text = format!("{BODY}Mira Okafor is a correspondent for the Valley Press based in Riverton.\nThe post Floods close roads appeared first on Valley Press.\n");
        assert_eq!(regions(&text), vec![(ExclusionReason::AuthorBio, 5, 5), (ExclusionReason::Footer, 6, 6)]);
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
    fn reasons_serialise_in_snake_case() {
        assert_eq!(serde_json::to_string(&ExclusionReason::ReaderComments).unwrap(), "\"reader_comments\"");
        assert_eq!(ExclusionReason::RelatedLink.as_str(), "related_link");
    }

    #[test]
    fn informality_features() {
        assert!(comments::informality("“We will win,” the minister said.").is_empty());
        assert!(!comments::informality("i think they lied").is_empty());
        assert!(!comments::informality("The US said it would respond.").contains(&"first or second person"));
    }
}

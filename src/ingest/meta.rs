//! Article metadata read from the text: title, outlet, date, dateline.
//!
//! Pages put these in a handful of places: a masthead line near the top
//! ("Valley Press"), a date line ("December 13, 2025"), a byline ("By Jane
//! Doe, Reuters"), a dateline opening the body ("SEOUL (AP) —"), a
//! syndication footer ("... appeared first on Valley Press."). The lines
//! that only carry metadata (masthead, date line, byline, a dateline on its
//! own line, the headline repeated) are returned as `metadata` regions so
//! that no fact is read from them and the report still shows them.

use super::exclude::{Excluded, ExclusionReason};
use super::words::{self, contains_any_ascii_ci, Line};
use super::excluded_at;
#[cfg(test)]
use super::Article;
use super::ascii::{is_plain, TwoBuild};
use super::by_hand;
use std::ops::Range;
use std::sync::LazyLock;

/// What the text says about itself.
#[derive(Debug, Default)]
pub(super) struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub dateline: Option<String>,
    /// Lines that carry only metadata.
    pub regions: Vec<Excluded>,
}

/// How many non-blank lines at the top may hold a masthead, date or byline.
const HEAD_LINES: usize = 10;
/// Front matter longer than this is not front matter.
const FRONT_MATTER_MAX_LINES: usize = 60;
/// Metadata lines are short.
const META_MAX_WORDS: usize = 16;

const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static DATE_MDY: LazyLock<TwoBuild> =
    LazyLock::new(|| TwoBuild::new(format!(r"(?i)\b{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")));
static DATE_DMY: LazyLock<TwoBuild> =
    LazyLock::new(|| TwoBuild::new(format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+(\d{{4}})\b")));
static DATE_ISO: LazyLock<TwoBuild> = LazyLock::new(|| TwoBuild::new(r"\b(\d{4})-(\d{2})-(\d{2})\b"));

static BYLINE: LazyLock<TwoBuild> =
    LazyLock::new(|| TwoBuild::new(r"(?i)^(?:written |words |story |reporting )?by\s+(\p{Lu}.{1,150})$"));

/// "SEOUL, South Korea (AP) — ", "Pyongyang — ", "LONDON, Dec 13 (Reuters) -".
static DATELINE: LazyLock<TwoBuild> = LazyLock::new(|| {
    TwoBuild::new(r"^((?:\p{Lu}[\p{Lu}.'’-]+)(?:[ ]\p{Lu}[\p{Lu}.'’-]+){0,3}|\p{Lu}[\p{Ll}'’-]+(?:[ ]\p{Lu}[\p{Ll}'’-]+)?)((?:,[ ][^,()—–]{2,30}){0,2})[ ]*(?:\(([^)]{2,40})\))?[ ]*(?:—|–|--|-)[ ]")
});

static APPEARED_FIRST_ON: LazyLock<TwoBuild> =
    LazyLock::new(|| TwoBuild::new(r"(?i)\bappeared first on\s+(.{2,120}?)\s*\.?\s*$"));
static COPYRIGHT: LazyLock<TwoBuild> = LazyLock::new(|| {
    TwoBuild::new(r"(?i)^(?:copyright|©|\(c\))\s*(?:©\s*)?\d{4}\s+(.{2,80}?)\.?(?:\s+all rights reserved\.?)?$")
});

/// A date found by [`DATE_MDY`] or [`DATE_DMY`]: the match and its
/// month, day and year.
#[derive(Debug, PartialEq, Eq)]
struct DateMatch {
    span: Range<usize>,
    month: Range<usize>,
    day: Range<usize>,
    year: Range<usize>,
}

impl DateMatch {
    /// From the captures of [`DATE_MDY`] (`day_first` false) or [`DATE_DMY`].
    fn from_captures(c: &regex::Captures<'_>, day_first: bool) -> Option<DateMatch> {
        let group = |i: usize| c.get(i).map(|m| m.range());
        let (month, day) = if day_first { (group(2)?, group(1)?) } else { (group(1)?, group(2)?) };
        Some(DateMatch { span: group(0)?, month, day, year: group(3)? })
    }
}

/// The first date of one shape in the text: read by hand on plain text
/// (see [`is_plain`]), where the month names' alternatives would otherwise
/// be compiled on most runs, and by the expression on other text.
fn first_date(text: &str, day_first: bool) -> Option<DateMatch> {
    if is_plain(text) {
        let at = if day_first { dmy_at } else { mdy_at };
        (0..text.len()).filter(|&i| text.is_char_boundary(i)).find_map(|i| at(text, i))
    } else {
        let re = if day_first { &*DATE_DMY } else { &*DATE_MDY };
        re.captures(text).and_then(|c| DateMatch::from_captures(&c, day_first))
    }
}

/// The text with every date of one shape replaced by a space.
fn blank_dates(text: &str, day_first: bool) -> String {
    if !is_plain(text) {
        let re = if day_first { &*DATE_DMY } else { &*DATE_MDY };
        return re.replace_all(text, " ").into_owned();
    }
    let at = if day_first { dmy_at } else { mdy_at };
    let (mut out, mut from) = (String::with_capacity(text.len()), 0);
    let mut i = 0;
    while i < text.len() {
        match text.is_char_boundary(i).then(|| at(text, i)).flatten() {
            Some(m) => {
                out.push_str(&text[from..m.span.start]);
                out.push(' ');
                (from, i) = (m.span.end, m.span.end);
            }
            None => i += 1,
        }
    }
    out.push_str(&text[from..]);
    out
}

/// A match of [`MONTH`] at `at` on plain text: its end. The forms of one
/// month are prefixes of each other and every date goes on after the name
/// with a full stop, a comma or white space, never a letter, so only the
/// longest form that is there can lead to a match.
fn month_at(text: &str, at: usize) -> Option<usize> {
    const FORMS: &[&[&str]] = &[
        &["january", "jan"], &["february", "feb"], &["march", "mar"], &["april", "apr"], &["may"], &["june", "jun"],
        &["july", "jul"], &["august", "aug"], &["september", "sept", "sep"], &["october", "oct"], &["november", "nov"],
        &["december", "dec"],
    ];
    let rest = &text[at..];
    FORMS.iter().flat_map(|forms| forms.iter()).find(|f| words::starts_any_ci(rest, &[f])).map(|f| at + f.len())
}

/// `\s+` (Unicode white space, as Rust's) from `at`: where it ends.
fn spaces_after(text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].trim_start();
    (rest.len() < text.len() - at).then(|| text.len() - rest.len())
}

/// ASCII digits from `at`: where they end.
fn digits_after(text: &str, at: usize) -> usize {
    at + text[at..].bytes().take_while(u8::is_ascii_digit).count()
}

/// An optional ordinal suffix ("st", "nd", "rd", "th") at `at`: where it ends.
fn ordinal_after(text: &str, at: usize) -> usize {
    at + if words::starts_any_ci(&text[at..], &["st", "nd", "rd", "th"]) { 2 } else { 0 }
}

/// A four-digit year at `at` closing on a word boundary.
fn year_at(text: &str, at: usize) -> Option<Range<usize>> {
    let end = digits_after(text, at);
    (end == at + 4 && !text.as_bytes().get(end).is_some_and(|&b| is_word_byte(b))).then_some(at..end)
}

/// [`DATE_MDY`] at `at` on plain text. Each piece after the month is
/// taken whole: what follows it can never be its own kind of character
/// (a day of three digits, say, matches at no length).
fn mdy_at(text: &str, at: usize) -> Option<DateMatch> {
    if at > 0 && is_word_byte(text.as_bytes()[at - 1]) {
        return None;
    }
    let month_end = month_at(text, at)?;
    let dot = month_end + usize::from(text[month_end..].starts_with('.'));
    let day_start = spaces_after(text, dot)?;
    let day_end = digits_after(text, day_start);
    if !(1..=2).contains(&(day_end - day_start)) {
        return None;
    }
    let suffix = ordinal_after(text, day_end);
    let comma = suffix + usize::from(text[suffix..].starts_with(','));
    let year = year_at(text, spaces_after(text, comma)?)?;
    Some(DateMatch { span: at..year.end, month: at..month_end, day: day_start..day_end, year })
}

/// [`DATE_DMY`] at `at` on plain text, read as [`mdy_at`] reads its own.
fn dmy_at(text: &str, at: usize) -> Option<DateMatch> {
    if at > 0 && is_word_byte(text.as_bytes()[at - 1]) {
        return None;
    }
    let day_end = digits_after(text, at);
    if !(1..=2).contains(&(day_end - at)) {
        return None;
    }
    let month_start = spaces_after(text, ordinal_after(text, day_end))?;
    let month_end = month_at(text, month_start)?;
    let dot = month_end + usize::from(text[month_end..].starts_with('.'));
    let comma = dot + usize::from(text[dot..].starts_with(','));
    let year = year_at(text, spaces_after(text, comma)?)?;
    Some(DateMatch { span: at..year.end, month: month_start..month_end, day: at..day_end, year })
}

/// [`APPEARED_FIRST_ON`] read by hand on plain text (see [`is_plain`]):
/// where its match starts and the range of its one group. The bounded lazy
/// group makes the expression slow to compile, and a page needs it only
/// for its footer, so this tries what the expression would, in its order:
/// each start of the phrase after a non-word character, the longest run of
/// white space after it first, then the shortest group of 2 to 120
/// characters (no line break) that leaves only white space and one
/// optional full stop before the end.
fn appeared_first_on_plain(text: &str) -> Option<(usize, Range<usize>)> {
    const PHRASE: &[u8] = b"appeared first on";
    // Every start tried below needs the phrase: one quick search first.
    if !contains_any_ascii_ci(text, &["appeared first on"]) {
        return None;
    }
    let bytes = text.as_bytes();
    let closes = |rest: &str| {
        let rest = rest.trim_start();
        rest.strip_prefix('.').unwrap_or(rest).trim_start().is_empty()
    };
    for at in 0..(bytes.len() + 1).saturating_sub(PHRASE.len()) {
        if !bytes[at..at + PHRASE.len()].eq_ignore_ascii_case(PHRASE) || (at > 0 && is_word_byte(bytes[at - 1])) {
            continue;
        }
        let after = at + PHRASE.len();
        // Where the group may start: after each character of the white space run.
        let group_starts: Vec<usize> =
            text[after..].char_indices().take_while(|(_, c)| c.is_whitespace()).map(|(i, c)| after + i + c.len_utf8()).collect();
        for &start in group_starts.iter().rev() {
            for (n, (i, c)) in text[start..].char_indices().enumerate().take(120) {
                if c == '\n' {
                    break;
                }
                let end = start + i + c.len_utf8();
                if n >= 1 && closes(&text[end..]) {
                    return Some((at, start..end));
                }
            }
        }
    }
    None
}

/// Whether the text names a month (ignoring case): a date in words needs one.
///
/// One pass over the text's three-byte windows rather than a search per
/// month: `tests::has_month_spec` is the search per month.
fn has_month(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        // Every stem opens with one of these letters: most windows are
        // refused on their first byte.
        matches!(w[0] | 0x20, b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
            && matches!(
                [w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()],
                [b'j', b'a', b'n'] | [b'f', b'e', b'b'] | [b'm', b'a', b'r'] | [b'a', b'p', b'r'] | [b'm', b'a', b'y'] | [b'j', b'u', b'n']
                    | [b'j', b'u', b'l'] | [b'a', b'u', b'g'] | [b's', b'e', b'p'] | [b'o', b'c', b't'] | [b'n', b'o', b'v'] | [b'd', b'e', b'c']
            )
    })
}

/// The three-letter stems every month name in [`MONTH`] opens with.
const MONTH_STEMS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Byte offsets where a month name may start: a stem (ignoring ASCII
/// case) after a non-word character or the start of the text.
fn month_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(2)).filter(move |&i| {
        (i == 0 || !is_word_byte(bytes[i - 1])) && MONTH_STEMS.iter().any(|m| bytes[i..i + 3].eq_ignore_ascii_case(m.as_bytes()))
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a month name at `at` runs on as a date needs it to: its
/// letters, an optional full stop (and comma when `comma`), white space
/// and a digit.
fn month_then_number(text: &str, at: usize, comma: bool) -> bool {
    let rest = text[at..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let rest = if comma { rest.strip_prefix(',').unwrap_or(rest) } else { rest };
    let after = rest.trim_start();
    after.len() < rest.len() && after.starts_with(|c: char| c.is_ascii_digit())
}

/// A test every text [`DATE_MDY`] matches passes, on plain text
/// (see [`is_plain`]): "Dec. 13, 2025" needs a month name, white space
/// and a digit. Other text goes to the expression.
fn could_be_mdy(text: &str) -> bool {
    !is_plain(text) || month_starts(text).any(|at| month_then_number(text, at, false))
}

/// As [`could_be_mdy`] for [`DATE_DMY`] ("13th December, 2025"): a month
/// name after white space that follows a digit or an ordinal's letters,
/// then white space and a digit.
fn could_be_dmy(text: &str) -> bool {
    !is_plain(text)
        || month_starts(text).any(|at| {
            let before = text[..at].trim_end();
            before.len() < at && before.ends_with(|c: char| c.is_ascii_alphanumeric()) && month_then_number(text, at, true)
        })
}

/// As [`could_be_mdy`] for [`DATE_ISO`]: four digits, a dash, two digits,
/// a dash and two digits.
fn could_be_iso(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    !is_plain(text)
        || memchr::memchr_iter(b'-', b).any(|i| i >= 4 && i + 6 <= b.len() && digits(i - 4..i) && digits(i + 1..i + 3) && b[i + 3] == b'-' && digits(i + 4..i + 6))
}

/// A test every line [`DATELINE`] matches passes, on plain text: one to
/// four capitalised words open the line, and right after one of them
/// (or inside one, at a dash) comes a comma, or spaces and then an
/// opening bracket or a dash. Other text goes to the expression.
fn could_be_dateline(text: &str) -> bool {
    if !is_plain(text) {
        return true;
    }
    let bytes = text.as_bytes();
    // What may follow the place: its commas, its agency or its dash.
    let closes_place = |at: usize| {
        let rest = text[at..].trim_start_matches(' ');
        text[at..].starts_with(',') || rest.starts_with(['(', '—', '–', '-'])
    };
    let mut at = 0;
    for _ in 0..4 {
        if !bytes.get(at).is_some_and(u8::is_ascii_uppercase) {
            return false;
        }
        at += 1;
        // Word characters of either shape of place name.
        while let Some(c) = text[at..].chars().next().filter(|&c| c.is_ascii_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')) {
            at += c.len_utf8();
            if closes_place(at) {
                return true;
            }
        }
        if !text[at..].starts_with(' ') {
            return false;
        }
        at += 1;
    }
    false
}

/// "By Jo Lin", "Written by ...": every byline holds "by".
/// On plain text (see [`is_plain`]) the line must open with "by" or one
/// of the expression's words before it: plain text has no letter that
/// folds to an ASCII one, so this is tested by bytes and spares the
/// expression every line that merely holds "by" ("nearby").
fn byline(content: &str) -> Option<regex::Captures<'_>> {
    let opens = || !is_plain(content) || words::starts_any_ci(content, &["by", "written by", "words by", "story by", "reporting by"]);
    (contains_any_ascii_ci(content, &["by"]) && opens()).then(|| BYLINE.captures(content)).flatten()
}

/// Whether the line opens the way a copyright line does.
fn copyright_start(content: &str) -> bool {
    let head = content.as_bytes();
    content.starts_with('©') || ["copyright", "(c)"].iter().any(|w| head.len() >= w.len() && head[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
}

/// Words that name a news organisation in a masthead or byline.
const OUTLET_WORDS: &[&str] = &[
    "news", "times", "post", "herald", "journal", "daily", "tribune", "gazette", "press", "wire", "today",
    "agency", "media", "network", "tv", "radio", "chronicle", "observer", "guardian", "telegraph", "express",
    "mail", "star", "sun", "monitor", "insider", "review", "magazine", "reuters", "ap", "afp", "bbc", "cnn",
    "npr", "bloomberg", "associated", "broadcasting", "independent", "standard", "register", "courier",
    "dispatch", "bulletin", "report", "weekly", "world", "online", "kcna", "yonhap", "xinhua",
];

/// Reads the metadata of an article whose other exclusions are known.
/// `lines` are the article's lines and `excluded` the regions already
/// found (in text order): the one line list serves both readings.
pub(super) fn read(lines: &[Line<'_>], excluded: &[Excluded]) -> Meta {
    let mut meta = Meta::default();
    let after_front_matter = front_matter(lines, excluded, &mut meta);
    let open: Vec<&Line<'_>> = lines[after_front_matter..]
        .iter()
        .filter(|l| !l.is_blank() && excluded_at(excluded, l.span.start).is_none())
        // Rules and other lines without words ("---", "* * *") say nothing.
        .filter(|l| l.text.chars().any(char::is_alphanumeric))
        .collect();
    let head = head(&open);
    let mut title_line = None;
    // Only the first line that is not metadata may be the headline.
    let mut seen_other = false;
    for (i, line) in head.iter().enumerate() {
        let content = line.content();
        let next_is_headline = head.get(i + 1).is_some_and(|l| words::is_headline_like(l.content()));
        if let Some(date) = date_line(content) {
            meta.date.get_or_insert(date);
            mark(&mut meta, line, "date line");
        } else if let Some(by) = byline(content).filter(|_| line.word_count_up_to(META_MAX_WORDS + 1) <= META_MAX_WORDS) {
            if let Some(date) = find_date(content) {
                meta.date.get_or_insert(date);
            }
            if let Some(outlet) = byline_outlet(&by[1]) {
                meta.outlet.get_or_insert(outlet);
            }
            mark(&mut meta, line, "byline");
        } else if is_label(content) {
            mark(&mut meta, line, "section label");
        } else if is_masthead(content) && (title_line.is_some() || next_is_headline) {
            meta.outlet.get_or_insert_with(|| content.to_string());
            mark(&mut meta, line, "masthead");
        } else if is_place_alone(content) {
            meta.dateline.get_or_insert_with(|| content.trim_end_matches(['—', '–', '-', ' ']).to_string());
            mark(&mut meta, line, "dateline");
        } else if let Some(n) = title_line.filter(|_| same_words(content, meta.title.as_deref().unwrap_or(""))) {
            let note = format!("repeats the headline on line {n}");
            mark(&mut meta, line, &note);
        } else if !seen_other && words::is_headline_like(content) && !runs_on(lines, line.number) {
            meta.title.get_or_insert_with(|| content.to_string());
            title_line = Some(line.number);
            seen_other = true;
        } else {
            seen_other = true;
        }
    }
    // The dateline opens the first paragraph of prose.
    let is_meta = |n: usize| meta.regions.iter().any(|r| r.start_line <= n && n <= r.end_line);
    if let Some(body) = open.iter().find(|l| !is_meta(l.number) && Some(l.number) != title_line && l.word_count_up_to(7) > 6) {
        opening_dateline(body.content(), &mut meta);
    }
    if meta.outlet.is_none() {
        meta.outlet = footer_outlet(lines);
    }
    meta
}

/// YAML or TOML front matter of a Markdown file (`---` ... `---`): its
/// title, date and publisher are metadata and none of it is prose. Returns
/// the index of the first line after it (0 when there is none).
fn front_matter(lines: &[Line<'_>], excluded: &[Excluded], meta: &mut Meta) -> usize {
    let Some(fence) = lines.first().map(|l| l.text.trim()).filter(|t| *t == "---" || *t == "+++") else { return 0 };
    let Some(close) = lines.iter().take(FRONT_MATTER_MAX_LINES).skip(1).position(|l| l.text.trim() == fence || l.text.trim() == "...") else {
        return 0;
    };
    let close = close + 1;
    for line in &lines[1..close] {
        let Some((key, value)) = line.text.split_once([':', '=']) else { continue };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        match key.trim().to_lowercase().as_str() {
            "title" if !value.is_empty() => meta.title = Some(value.to_string()),
            "date" | "published" | "pubdate" => meta.date = meta.date.take().or_else(|| find_date(value)),
            "source" | "publisher" | "outlet" | "site" | "site_name" if !value.is_empty() => meta.outlet = Some(value.to_string()),
            _ => {}
        }
    }
    // One region per run of lines no other exclusion claimed.
    let mut run: Option<(usize, usize)> = None;
    for i in 0..=close {
        let free = excluded_at(excluded, lines[i].span.start).is_none();
        match (free, run) {
            (true, None) => run = Some((i, i)),
            (true, Some((first, _))) => run = Some((first, i)),
            (false, Some((first, last))) => {
                meta.regions.push(Excluded::lines(ExclusionReason::Metadata, &lines[first], &lines[last], "front matter".into()));
                run = None;
            }
            (false, None) => {}
        }
    }
    if let Some((first, last)) = run {
        meta.regions.push(Excluded::lines(ExclusionReason::Metadata, &lines[first], &lines[last], "front matter".into()));
    }
    close + 1
}

/// Whether the sentence on a line carries on in lower case on the next
/// line: hard-wrapped prose, not a headline.
fn runs_on(lines: &[Line<'_>], number: usize) -> bool {
    let ends_mid_phrase = lines.get(number - 1).is_some_and(|line| {
        let last = line.content().rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
        DANGLING.contains(&last.as_str())
    });
    // `number` is 1-based, so it indexes the next line.
    let next_lower = lines.get(number).is_some_and(|next| next.text.trim_start().starts_with(char::is_lowercase));
    ends_mid_phrase || next_lower
}

/// Words a headline does not end on; a wrapped line often does.
const DANGLING: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to", "for", "with", "by", "from", "as", "that",
    "which", "who", "its", "their", "his", "her", "was", "were", "is", "are", "had", "has", "have",
];

/// The top lines, up to the first paragraph of prose.
fn head<'a>(open: &[&'a Line<'a>]) -> Vec<&'a Line<'a>> {
    let mut out = Vec::new();
    for line in open.iter().take(HEAD_LINES) {
        // (Counted only as far as the test needs.)
        let words = line.word_count_up_to(META_MAX_WORDS + 7);
        let prose = words > META_MAX_WORDS + 6 || (words > 8 && words::ends_sentence(line.content()));
        if prose {
            break;
        }
        out.push(*line);
    }
    out
}

fn mark(meta: &mut Meta, line: &Line<'_>, note: &str) {
    meta.regions.push(Excluded::lines(ExclusionReason::Metadata, line, line, note.to_string()));
}

/// A short line that is mostly a date ("Published: December 13, 2025, 9:40 a.m.").
fn date_line(content: &str) -> Option<String> {
    if words::count_words_up_to(content, 11) > 10 {
        return None;
    }
    let date = find_date(content)?;
    let mut rest = content.to_string();
    if has_month(content) {
        if could_be_mdy(&rest) {
            rest = blank_dates(&rest, false);
        }
        if could_be_dmy(&rest) {
            rest = blank_dates(&rest, true);
        }
    }
    if content.contains('-') && could_be_iso(&rest) {
        rest = DATE_ISO.replace_all(&rest, " ").into_owned();
    }
    let words = rest.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    (words <= 4).then_some(date)
}

/// The first full date in the text, as YYYY-MM-DD.
pub(super) fn find_date(text: &str) -> Option<String> {
    let mut found: Vec<(usize, Option<String>)> = Vec::new();
    // Every date has digits; the patterns are tried only on text that
    // could hold them.
    // (In ASCII text the numeric characters are the digits.)
    let numeric = if text.is_ascii() { text.bytes().any(|b| b.is_ascii_digit()) } else { text.chars().any(char::is_numeric) };
    if !numeric {
        return None;
    }
    let month = has_month(text);
    for (could_be, day_first) in [(could_be_mdy as fn(&str) -> bool, false), (could_be_dmy, true)] {
        if let Some(d) = (month && could_be(text)).then(|| first_date(text, day_first)).flatten() {
            found.push((d.span.start, ymd(&text[d.year], month_number(&text[d.month])?, &text[d.day])));
        }
    }
    if let Some(c) = (text.contains('-') && could_be_iso(text)).then(|| DATE_ISO.captures(text)).flatten() {
        found.push((c.get(0)?.start(), ymd(&c[1], c[2].parse().ok()?, &c[3])));
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().find_map(|(_, d)| d)
}

fn month_number(name: &str) -> Option<u32> {
    let key: String = name.chars().take(3).collect::<String>().to_lowercase();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

fn ymd(year: &str, month: u32, day: &str) -> Option<String> {
    let year: u32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    ((1800..=2200).contains(&year) && (1..=days).contains(&day)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Words of the kickers and section names pages put above a headline.
const LABEL_WORDS: &[&str] = &[
    "breaking", "news", "exclusive", "analysis", "opinion", "live", "update", "updates", "updated", "developing",
    "explainer", "editorial", "commentary", "feature", "features", "world", "politics", "business", "sport",
    "sports", "asia", "europe", "africa", "americas", "middle", "east", "pacific", "national", "local", "latest",
    "top", "story", "stories", "home", "section", "video", "watch", "listen", "podcast",
];

/// "BREAKING NEWS", "Analysis", "World | Asia": a kicker or section name.
fn is_label(content: &str) -> bool {
    // Word by word, stopping at the first that is not a label's or the
    // fifth: most lines are refused on their first word.
    let mut count = 0;
    for word in content.split(|c: char| c.is_whitespace() || "|/›»>:-–—".contains(c)).filter(|w| !w.is_empty()) {
        count += 1;
        if count > 4 || !is_label_word(word) {
            return false;
        }
    }
    count >= 1
}

/// Whether the word, lower-cased, is one of [`LABEL_WORDS`]. An ASCII
/// word is compared in place; another is lower-cased first, as a
/// non-ASCII letter may lower-case to an ASCII one (the Kelvin sign).
fn is_label_word(word: &str) -> bool {
    if word.is_ascii() {
        LABEL_WORDS.iter().any(|l| l.eq_ignore_ascii_case(word))
    } else {
        LABEL_WORDS.contains(&word.to_lowercase().as_str())
    }
}

/// "Valley Press", "News Now USA": a few capitalised words, one of which
/// names a news organisation.
fn is_masthead(content: &str) -> bool {
    // Counted first, without collecting: most lines have more words.
    if !(1..=5).contains(&words::count_words_up_to(content, 6)) {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()))
        && words.iter().any(|w| is_outlet_word(w))
        && !words::ends_sentence(content)
}

fn is_outlet_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    OUTLET_WORDS.contains(&w.as_str())
}

/// "SEOUL" or "Pyongyang —" alone on a line: a dateline.
fn is_place_alone(content: &str) -> bool {
    let place = content.trim_end_matches(['—', '–', '-', ' ']);
    // Both shapes have one to three words: counted first, without
    // collecting, since most lines have more.
    if !(1..=3).contains(&words::count_words_up_to(place, 4)) {
        return false;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    let upper = !words.is_empty() && words.len() <= 3 && place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && place.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    let dashed = place.len() < content.len() && (1..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase));
    upper || dashed
}

/// The organisation credited in a byline: "Jane Doe, Reuters" -> "Reuters";
/// "Jane Doe | The Associated Press" -> "The Associated Press".
fn byline_outlet(by: &str) -> Option<String> {
    let mut parts = by.split([',', '|', '—', '–', '(', ')', ';']).map(str::trim).filter(|p| !p.is_empty());
    parts.next()?;
    parts
        .filter(|p| find_date(p).is_none() && !p.chars().next().is_some_and(char::is_numeric))
        .find(|p| p.split_whitespace().any(is_outlet_word) || (p.split_whitespace().count() == 1 && p.chars().next().is_some_and(char::is_uppercase)))
        .filter(|p| !is_job_title(p))
        .map(str::to_string)
}

fn is_job_title(part: &str) -> bool {
    let lower = part.to_lowercase();
    ["writer", "reporter", "correspondent", "editor", "staff", "contributor", "columnist"].iter().any(|w| lower.contains(w))
}

/// The dateline and credited agency opening the first paragraph of prose.
fn opening_dateline(content: &str, meta: &mut Meta) {
    // Every dateline ends in a dash.
    if !has_dash(content) || !could_be_dateline(content) {
        return;
    }
    let Some((place, credit)) = dateline_parts(content) else { return };
    let place = content[place].trim();
    // A place, not the first words of a sentence: a capitalised single word or
    // two ("Pyongyang", "New York") or any run of capitals ("SEOUL").
    let words = place.split_whitespace().count();
    let upper = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !(upper || words <= 2) {
        return;
    }
    meta.dateline.get_or_insert_with(|| place.to_string());
    if let Some(credit) = credit.map(|r| content[r].trim()) {
        if find_date(credit).is_none() && credit.chars().any(char::is_alphabetic) && month_number(credit).is_none() {
            meta.outlet.get_or_insert_with(|| credit.to_string());
        }
    }
}

/// `text.contains(['—', '–', '-'])`, by a vectorised search for the
/// hyphen and the first byte the two dashes share in UTF-8 (asked of the
/// whole first paragraph).
fn has_dash(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'-', 0xE2, bytes).any(|i| bytes[i] == b'-' || matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x93 | 0x94])))
}

/// Where [`DATELINE`] finds the place and the agency: read by hand on
/// plain text (see [`by_hand::dateline`]), where the expression's classes
/// and bounded repetitions would cost more to compile than the page.
fn dateline_parts(content: &str) -> Option<(Range<usize>, Option<Range<usize>>)> {
    if is_plain(content) {
        by_hand::dateline(content).map(|d| (d.place, d.credit))
    } else {
        DATELINE.captures(content).and_then(|c| Some((c.get(1)?.range(), c.get(3).map(|m| m.range()))))
    }
}

/// "The post ... appeared first on Valley Press." or "© 2025 Valley Press".
fn footer_outlet(lines: &[Line<'_>]) -> Option<String> {
    lines.iter().rev().filter(|l| !l.is_blank()).take(12).find_map(|l| {
        let content = l.content();
        if content.len() > 600 {
            return None;
        }
        let appeared = || {
            if l.is_plain() {
                appeared_first_on_plain(content).map(|(_, group)| &content[group])
            } else {
                APPEARED_FIRST_ON.captures(content).and_then(|c| c.get(1)).map(|m| m.as_str())
            }
        };
        let copyright = || copyright_start(content).then(|| COPYRIGHT.captures(content)).flatten().and_then(|c| c.get(1)).map(|m| m.as_str());
        appeared().or_else(copyright).map(|outlet| outlet.trim().trim_end_matches('.').to_string())
    })
}

fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    !b.is_empty() && norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_label`] as first written: every word lower-cased, then counted.
    fn is_label_spec(content: &str) -> bool {
        let words: Vec<String> = content
            .split(|c: char| c.is_whitespace() || "|/›»>:-–—".contains(c))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        (1..=4).contains(&words.len()) && words.iter().all(|w| LABEL_WORDS.contains(&w.as_str()))
    }

    #[test]
    fn dashes_are_found_as_the_character_search_finds_them() {
        for t in ["", "-", "a—b", "a–b", "“quoted” ’", "x\u{2012}y", "x\u{2015}y", "SEOUL (AP) — x", "no dash here", "é€", "\u{e2}"] {
            assert_eq!(has_dash(t), t.contains(['—', '–', '-']), "{t:?}");
        }
    }

    #[test]
    fn labels_read_word_by_word_as_when_all_were_lower_cased() {
        let texts = [
            "BREAKING NEWS", "Analysis", "World | Asia", "World › Asia › Pacific › News", "World › Asia › Pacific › News › Top", "",
            " | ", "Breaking: floods", "LIVE", "Live updates", "Worl\u{212A}", "brea\u{212A}ing news", "Zoë", "NEWS—WORLD", "top-stories",
            "Home/World/Asia", "video: watch", "The news",
        ];
        for t in texts {
            assert_eq!(is_label(t), is_label_spec(t), "{t:?}");
        }
    }

    fn has_month_spec(text: &str) -> bool {
        contains_any_ascii_ci(text, &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])
    }

    #[test]
    fn month_windows_find_what_the_searches_find() {
        let texts = [
            "", "ja", "jan", "JAN", "xJaNx", "Dec. 13", "maybe", "Mar", "no month here", "Zoë in Sep", "12 noV", "decade", "ſep", "Ɐug",
            "the junior", "octopus", "ABOUT", "augment", "ma\u{d7}y", "j\u{e9}an",
        ];
        for t in texts {
            assert_eq!(has_month(t), has_month_spec(t), "{t:?}");
        }
    }

    #[test]
    fn byline_opening_test_agrees_with_the_expression() {
        let lines = [
            "By Jo Lin", "by Jo Lin, Reuters", "BY JO LIN", "Written by Jo Lin", "written  by Jo", "Words by Ann Lee", "Story by X", "Reporting by X",
            "Photos by X", "Nearby residents fled", "Standby crews", "Jo Lin, by the river", "Bystanders said", "By", "by x", "wordſ by Jo",
            "Words\u{a0}by Jo", "By\u{a0}Jo Lin", "“By Jo”", "— By Jo Lin",
        ];
        for line in lines {
            let spec = contains_any_ascii_ci(line, &["by"]).then(|| BYLINE.captures(line)).flatten().map(|c| c[1].to_string());
            assert_eq!(byline(line).map(|c| c[1].to_string()), spec, "{line:?}");
        }
    }

    #[test]
    fn every_pattern_compiles_in_both_builds() {
        for p in [&*DATE_MDY, &*DATE_DMY, &*DATE_ISO, &*BYLINE, &*DATELINE, &*APPEARED_FIRST_ON, &*COPYRIGHT] {
            assert!(regex::Regex::new(p.source()).is_ok(), "{}", p.source());
            assert!(regex::Regex::new(&super::super::ascii::ascii_build(p.source())).is_ok(), "{}", p.source());
        }
    }

    /// Every text a date or dateline pattern matches passes its literal test.
    pub(super) fn prefilters_hold(text: &str) {
        for (name, p, test) in [
            ("mdy", &*DATE_MDY, could_be_mdy as fn(&str) -> bool),
            ("dmy", &*DATE_DMY, could_be_dmy),
            ("iso", &*DATE_ISO, could_be_iso),
            ("dateline", &*DATELINE, could_be_dateline),
        ] {
            if p.is_match(text) {
                assert!(test(text), "{name} matches {text:?} but its test refuses it");
            }
        }
    }

    #[test]
    fn literal_tests_pass_every_date_and_dateline() {
        let texts = [
            "December 13, 2025", "Dec. 3, 2025", "13 December 2025", "13th Dec., 2025", "Published 2025-12-13 09:40",
            "Updated: Sept 1st, 2024", "on May\u{a0}4 2026", "x2025-12-13", "2025-12-13x", "MARCH 4, 2026", "4TH MARCH 2026",
            "SEOUL, South Korea (AP) — Troops", "Pyongyang — Kim said", "LONDON, Dec 13 (Reuters) - Prices", "NEW YORK — x",
            "SEOUL- x", "SEOUL-- x", "O’HARE — x", "St. LOUIS — x", "New York (AP) – x", "RIVERTON, March 3 (Reuters) - Floods",
            "The mayor — who was re-elected in May — said", "Kim Jong Un — x", "A B C D E — x", "Officials said 42 homes flooded.",
            "may 2025", "Maybe 12 people", "the 12 mayors", "",
        ];
        for t in texts {
            prefilters_hold(t);
        }
        assert!(!could_be_dateline("Officials said 42 homes flooded — or more."));
        assert!(!could_be_mdy("They may be 12"));
        assert!(!could_be_iso("a 12-3-2025 b"));
    }

    /// The hand-written reader against the expression's plain build: the
    /// same match start and group, or both none.
    pub(super) fn appeared_agrees(text: &str) {
        let re = APPEARED_FIRST_ON.regex(text);
        let want = re.captures(text).map(|c| (c.get(0).map(|m| m.start()).unwrap_or(0), c.get(1).map(|m| m.range()).unwrap_or(0..0)));
        assert_eq!(appeared_first_on_plain(text), want, "{text:?}");
    }

    /// The hand-written date readers against the expressions' plain
    /// builds: the same first match and groups, the same text once every
    /// match is blanked. Returns how many shapes matched.
    pub(super) fn dates_agree(text: &str) -> usize {
        let mut matched = 0;
        for (re, day_first) in [(&*DATE_MDY, false), (&*DATE_DMY, true)] {
            let plain = re.regex(text);
            let want = plain.captures(text).and_then(|c| DateMatch::from_captures(&c, day_first));
            matched += usize::from(want.is_some());
            assert_eq!(first_date(text, day_first), want, "{text:?}");
            assert_eq!(blank_dates(text, day_first), plain.replace_all(text, " "), "{text:?}");
        }
        matched
    }

    #[test]
    fn dates_by_hand_match_the_expressions() {
        let texts = [
            "December 13, 2025", "Dec. 3, 2025", "13 December 2025", "13th Dec., 2025", "Published 2025-12-13 09:40", "Sept 1st, 2024",
            "Sep 1st, 2024", "Septem 1, 2024", "on May\u{a0}4 2026", "MARCH 4, 2026", "4TH MARCH 2026", "may 2025", "Maybe 12 2025",
            "xMay 12, 2025", "May 12, 20255", "May 12, 2025x", "May 12, 2025_", "May 12, 2025—", "May 123, 2025", "May 1 2, 2025",
            "May 12,, 2025", "May 12 , 2025", "May.. 12, 2025", "May12, 2025", "May 12,2025", "12May 2025", "12 May2025", "112 May 2025",
            "x12 May 2025", "_12 May 2025", "12 Jun., 2025 and 3 July 2026", "Jun 3, 2025, Jul 4, 2026", "June 3rd 2025; 4th July, 2026",
            "12 ndMay 2025", "12nd May 2025", "3 Mayo 2025", "Octob 3, 2025", "October\t3,\u{2003}2025", "Feb 30, 2025", "—May 5, 2025—",
            "1 May 2025 12 May 2025", "May 1 May 2 2025", "", "5", "Nov 5 5 2025",
        ];
        let matched: usize = texts.iter().filter(|t| is_plain(t)).map(|t| dates_agree(t)).sum();
        assert!(matched >= 20, "only {matched} dates");
    }

    /// The hand-written dateline reader against the expression's plain
    /// build: the same match and groups, or both none.
    pub(super) fn dateline_agrees(text: &str) -> bool {
        let want = DATELINE.regex(text).captures(text).map(|c| by_hand::Dateline {
            span: c.get(0).map_or(0..0, |m| m.range()),
            place: c.get(1).map_or(0..0, |m| m.range()),
            commas: c.get(2).map_or(0..0, |m| m.range()),
            credit: c.get(3).map(|m| m.range()),
        });
        let matched = want.is_some();
        assert_eq!(by_hand::dateline(text), want, "{text:?}");
        matched
    }

    #[test]
    fn dateline_by_hand_matches_the_expression() {
        let texts = [
            "SEOUL, South Korea (AP) — Troops", "Pyongyang — Kim said", "LONDON, Dec 13 (Reuters) - Prices", "NEW YORK — x", "SEOUL- x",
            "SEOUL-- x", "SEOUL--x", "SEOUL -- x", "O’HARE — x", "St. LOUIS — x", "New York (AP) – x", "RIVERTON, March 3 (Reuters) - Floods",
            "The mayor — who was re-elected in May — said", "Kim Jong Un — x", "A B C D E — x", "AB CD EF GH IJ — x", "AB CD EF GH — x",
            "Officials said 42 homes flooded.", "", "A — x", "AB — x", "Ab — x", "New york — x", "New York City — x", "NEW-YORK- - x",
            "SEOUL, a — x", "SEOUL, ab — x", "SEOUL, ab, cd, ef — x", "SEOUL, ab - cd - x", "SEOUL,ab — x", "SEOUL, ab (A) — x",
            "SEOUL (A) — x", "SEOUL (AB) — x", "SEOUL (AB)— x", "SEOUL   (AB)   —  x", "SEOUL (AB — x", "SEOUL (AB) (CD) — x",
            "SEOUL, 1234567890123456789012345678901 — x", "SEOUL, 123456789012345678901234567890 — x", "SEOUL (12345678901234567890123456789012345678901) - x",
            "SEOUL (a(b) - x", "SEOUL — (AP) — x", "SEOUL, ab (AP) - c - x", "SEOUL, Dec 13 - 14 (AP) - x", "Seoul's — x", "SEOUL'S-' — x",
            "SEOUL —x", "SEOUL —", "SEOUL, x-y (AP) -- x", "Pyong-yang, North Korea — x", "PYONGYANG, North Korea, Asia, Earth — x",
        ];
        let matched = texts.iter().filter(|t| is_plain(t)).filter(|t| dateline_agrees(t)).count();
        assert!(matched >= 25, "only {matched} datelines");
    }

    #[test]
    fn appeared_first_on_by_hand_matches_the_expression() {
        let long = format!("The post x appeared first on {}", "y".repeat(130));
        let texts = [
            "The post Floods close schools appeared first on Valley Press.", "appeared first on Valley Press", "appeared first on V",
            "appeared first on VP", "appeared first on  VP .", "appeared first on VP. ", "appeared first on\u{a0}VP\u{2003}.\u{a0}",
            "disappeared first on VP", "x appeared first on", "APPEARED FIRST ON THE STAR..", "appeared first on   ", "appeared first on    .",
            "appeared first on a\nb", "appeared first on ab\n", "appeared first on . .", "appeared first on Press — “Daily”",
            "-appeared first on VP appeared first on Star", "appeared first on appeared first on X", "appeared first onVP", "",
            "appeared first on \u{2014}\u{2014}", &long, &long[..long.len() - 11], "appeared  first on VP", "appeared first on  \n x",
        ];
        for t in texts {
            if is_plain(t) {
                appeared_agrees(t);
            }
        }
    }

    fn article(text: &str) -> Article {
        Article::from_text("t", "t.txt", text.to_string(), vec![])
    }

    const BODY: &str = "Flood waters rose across the valley on Tuesday, the regional authority said in a statement.\n";

    #[test]
    fn dates_in_three_shapes() {
        let cases = [
            ("December 13, 2025", Some("2025-12-13")),
            ("Dec. 3, 2025", Some("2025-12-03")),
            ("13 December 2025", Some("2025-12-13")),
            ("Published 2025-12-13 09:40", Some("2025-12-13")),
            ("February 30, 2025", None),
            ("Updated: Sept 1st, 2024", Some("2024-09-01")),
        ];
        for (text, want) in cases {
            assert_eq!(find_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn masthead_date_and_repeated_headline() {
        let a = article(&format!("Valley floods close schools\n\nRiver Valley News\n\nMarch 4, 2026\n\nValley floods close schools\n\n{BODY}"));
        assert_eq!(a.title.as_deref(), Some("Valley floods close schools"));
        assert_eq!(a.outlet.as_deref(), Some("River Valley News"));
        assert_eq!(a.date.as_deref(), Some("2026-03-04"));
        let lines: Vec<(usize, &str)> = a.excluded.iter().map(|e| (e.start_line, e.reason.as_str())).collect();
        assert_eq!(lines, vec![(3, "metadata"), (5, "metadata"), (7, "metadata")]);
        let masthead_first = article(&format!("River Valley News\nValley floods close schools\n{BODY}"));
        assert_eq!(masthead_first.outlet.as_deref(), Some("River Valley News"));
        assert_eq!(masthead_first.title.as_deref(), Some("Valley floods close schools"));
        let dated_headline = article(&format!("Floods of March 4, 2026 remembered in the valley\n{BODY}"));
        assert_eq!(dated_headline.date, None);
        assert!(dated_headline.title.is_some());
    }

    #[test]
    fn section_labels_are_neither_outlet_nor_title() {
        let a = article(&format!("BREAKING NEWS\nWorld | Asia\nValley floods close schools\n{BODY}"));
        assert_eq!(a.outlet, None);
        assert_eq!(a.dateline, None);
        assert_eq!(a.title.as_deref(), Some("Valley floods close schools"));
        assert_eq!(a.excluded.iter().map(|e| e.start_line).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn byline_credit_gives_the_outlet() {
        let a = article(&format!("Valley floods close schools\nBy Mira Okafor, Reuters\n{BODY}"));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
        let b = article(&format!("Valley floods close schools\nBy Mira Okafor, Staff Writer\n{BODY}"));
        assert_eq!(b.outlet, None);
    }

    #[test]
    fn agency_dateline() {
        let a = article("RIVERTON, Northland (AP) — Flood waters rose across the valley on Tuesday.\n");
        assert_eq!(a.dateline.as_deref(), Some("RIVERTON"));
        assert_eq!(a.outlet.as_deref(), Some("AP"));
        let b = article("Riverton — Flood waters rose across the valley on Tuesday.\n");
        assert_eq!(b.dateline.as_deref(), Some("Riverton"));
        assert_eq!(b.outlet, None);
        let c = article("The mayor — who was re-elected in May — said the river was rising.\n");
        assert_eq!(c.dateline, None);
    }

    #[test]
    fn dateline_alone_on_a_line() {
        let a = article(&format!("Valley floods close schools\n\nRIVERTON\n\n{BODY}"));
        assert_eq!(a.dateline.as_deref(), Some("RIVERTON"));
        assert_eq!(a.excluded.len(), 1);
        assert_eq!(a.excluded[0].start_line, 3);
    }

    #[test]
    fn footer_outlet() {
        let a = article(&format!("{BODY}The post Floods close schools appeared first on Valley Press.\n"));
        assert_eq!(a.outlet.as_deref(), Some("Valley Press"));
        assert_eq!(a.title, None, "a first line of prose is no headline");
    }

    #[test]
    fn markdown_front_matter() {
        let a = article(&format!("---\ntitle: \"Valley floods\"\ndate: 2026-03-04\npublisher: Valley Press\ntags: floods\n---\n\n## Rivers rise\n\n{BODY}"));
        assert_eq!(a.title.as_deref(), Some("Valley floods"));
        assert_eq!(a.date.as_deref(), Some("2026-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Valley Press"));
        let first = &a.excluded[0];
        assert_eq!((first.reason, first.start_line), (ExclusionReason::Metadata, 1));
        assert!(a.excluded.iter().all(|e| e.end_line <= 6), "{:?}", a.excluded);
        assert!(a.excluded.iter().map(|e| e.end_line - e.start_line + 1).sum::<usize>() == 6);
    }

    #[test]
    fn dateline_of_the_first_paragraph_after_short_lines() {
        let a = article("Valley floods\nBy Ann Lee\nUpdated\n\nRIVERTON, March 3 (Reuters) - Floods displaced people on Tuesday, officials said.\n");
        assert_eq!(a.dateline.as_deref(), Some("RIVERTON"));
        assert_eq!(a.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn no_metadata_when_the_text_gives_none() {
        let a = article(BODY);
        assert_eq!((a.title, a.outlet, a.date, a.dateline), (None, None, None, None));
    }
}

#[cfg(test)]
mod prefilter_properties {
    use super::*;
    use proptest::prelude::*;

    fn datey() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("Dec"), Just("ember"), Just("May"), Just("sept"), Just("13"), Just("1"), Just("2025"), Just("th"), Just("st"),
                Just("."), Just(","), Just(" "), Just("\u{a0}"), Just("-"), Just("—"), Just("–"), Just("("), Just(")"), Just("AP"),
                Just("SEOUL"), Just("Seoul"), Just("New"), Just("York"), Just("’"), Just("'"), Just("x"), Just("é"), Just("12-13"),
                Just("june"), Just("_"), Just("\t"), Just("2"), Just("ND"), Just("Oct"),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    fn dateline_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("SEOUL"), Just("NEW"), Just("York"), Just("Pyongyang"), Just("St."), Just("O’HARE"), Just("A"), Just("Ab"), Just(", "),
                Just(","), Just(" "), Just(" "), Just(" "), Just("  "), Just("(AP)"), Just("("), Just(")"), Just("—"), Just("–"), Just("-"),
                Just("--"), Just("x"), Just("Dec 13"), Just("12345678901234567890"), Just("é"), Just("\n"), Just("'"), Just("b"),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    fn footer_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("appeared first on"), Just("APPEARED first ON"), Just("The post"), Just("dis"), Just(" "), Just("  "),
                Just("\u{a0}"), Just("\u{2003}"), Just("\n"), Just("."), Just(".."), Just("Valley Press"), Just("x"), Just("—"),
                Just("“"), Just("é"), Just("_"), Just("Star"), Just("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            ],
            0..10,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn literal_tests_hold(text in datey()) {
            tests::prefilters_hold(&text);
        }

        #[test]
        fn dateline_by_hand_agrees(text in datey(), line in dateline_like()) {
            for t in [&text, &line].into_iter().filter(|t| is_plain(t)) {
                tests::dateline_agrees(t);
            }
        }

        #[test]
        fn dates_by_hand_agree(text in datey()) {
            prop_assume!(is_plain(&text));
            tests::dates_agree(&text);
        }

        #[test]
        fn appeared_first_on_by_hand_agrees(text in footer_like()) {
            prop_assume!(is_plain(&text));
            tests::appeared_agrees(&text);
        }
    }
}

//! Segment: an article's included text becomes paragraphs, sentences and
//! direct quotations, all as byte spans into the article text.
//!
//! Excluded regions (comments, captions, metadata lines, ...) are skipped.
//! Markdown stays in the text, so that positions stay those of the file;
//! instead its markup (heading and list markers, `>` quotes, emphasis,
//! link targets, bare URLs, HTML tags) is recorded per sentence as
//! [`Sentence::masked`] spans, which [`Sentence::text`] blanks out so that
//! no quantity is read from a URL and no full stop inside one ends a
//! sentence.
//!
//! Everything here is a single pass over each paragraph: no rescanning, so a
//! 50 MB article or a 1 MB line costs time in proportion to its size.

use crate::ingest::ascii::TwoBuild;
use crate::ingest::Article;
use regex::Regex;
use crate::model::Span;

use std::borrow::Cow;
use std::sync::LazyLock;

/// A direct quotation inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The speaker, where the text names one ("Kim", "Mr. Kim").
    pub speaker: Option<String>,
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segments::paragraphs`].
    pub paragraph: usize,
    pub quotes: Vec<Quote>,
    /// Markup inside the sentence (link targets, emphasis marks, URLs, the
    /// `>` of a quoted line): not words of the sentence.
    pub masked: Vec<Span>,
}

impl Sentence {
    /// The sentence's text with its markup blanked by spaces. It has the
    /// same length as the span, so offsets into it are offsets into the
    /// article once shifted by `span.start`.
    pub fn text<'a>(&self, article_text: &'a str) -> Cow<'a, str> {
        let raw = &article_text[self.span.start..self.span.end];
        if self.masked.is_empty() {
            return Cow::Borrowed(raw);
        }
        let relative: Vec<Span> = self.masked.iter().map(|m| Span::new(m.start - self.span.start, m.end - self.span.start)).collect();
        blank(raw, &relative)
    }
}

/// The segmentation of one article. Excluded regions are left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segments {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
}

/// Splits an article's included text into paragraphs and sentences.
pub fn segment(article: &Article) -> Segments {
    let mut segments = Segments::default();
    let mut speakers = SpeakerMemory::default();
    // One search of the whole text finds every place a speech word could
    // stand (markup blanked later only takes places away); a sentence
    // with none of them names no speaker. Positions are the article's.
    let mut speech = Vec::new();
    by_hand::speech_starts(&article.text, &mut speech);
    let mut first_speech = 0;
    let mut words = Vec::new();
    let screen = Screen::of(&article.text);
    speakers.plain_article = screen.ascii;
    let paras = paragraphs(article);
    // Sized up front: growing these one push at a time cost more than
    // filling them. A paragraph holds two sentences or so.
    segments.paragraphs.reserve_exact(paras.len());
    segments.sentences.reserve(2 * paras.len());
    let mut spans = Vec::new();
    for para in paras {
        let index = segments.paragraphs.len();
        let text = &article.text[para.span.start..para.span.end];
        let masks = inline_markup(text, para.masks, screen.markup_in(&article.text, para.span));
        let masked = blank(text, &masks);
        let marks = Screen::within(&screen.quote_marks, para.span).iter().map(|&p| p - para.span.start);
        let (quotes, ellipsis) = find_quotes_and_ellipsis_at(&masked, marks);
        let mut previous_speaker: Option<String> = None;
        // Sentences, quotes, masks and speech words are all in text order:
        // cursors keep the walk linear however many a paragraph holds.
        let mut first_quote = 0;
        let mut first_mask = 0;
        split_sentences_into(&masked, ellipsis, &mut spans);
        for &s in &spans {
            while quotes.get(first_quote).is_some_and(|q| q.outer.end <= s.start) {
                first_quote += 1;
            }
            while masks.get(first_mask).is_some_and(|m| m.end <= s.start) {
                first_mask += 1;
            }
            while speech.get(first_speech).is_some_and(|&p| p < para.span.start + s.start) {
                first_speech += 1;
            }
            let here: &[Quoted] = &quotes[first_quote..];
            let here = &here[..here.partition_point(|q| q.outer.start < s.end)];
            words.clear();
            let in_sentence = speech[first_speech..].iter().take_while(|&&p| p < para.span.start + s.end);
            words.extend(in_sentence.map(|&p| p - para.span.start));
            let mut sentence_quotes = Vec::new();
            let own = sentence_speaker(&masked, s, here, &words, &mut speakers);
            for q in here.iter().filter(|q| q.inner.start < s.end && s.start < q.inner.end) {
                let inner = Span::new(q.inner.start.max(s.start), q.inner.end.min(s.end));
                if inner.is_empty() {
                    continue;
                }
                let speaker = adjacent_speaker(&masked, q, s, &mut speakers)
                    .or_else(|| own.clone())
                    .or_else(|| previous_speaker.clone());
                previous_speaker = speaker.clone().or(previous_speaker);
                sentence_quotes.push(Quote { span: inner.shift(para.span.start), speaker });
            }
            let sentence_masks = masks[first_mask..]
                .iter()
                .take_while(|m| m.start < s.end)
                .filter(|m| m.start < s.end && s.start < m.end)
                .map(|m| Span::new(m.start.max(s.start), m.end.min(s.end)).shift(para.span.start))
                .collect();
            segments.sentences.push(Sentence {
                span: s.shift(para.span.start),
                paragraph: index,
                quotes: sentence_quotes,
                masked: sentence_masks,
            });
        }
        segments.paragraphs.push(para.span);
    }
    segments
}

/// Replaces every byte of the spans with a space. The spans lie on char
/// boundaries, so the result is still UTF-8 and keeps every offset.
/// Without spans the text is borrowed as it is.
fn blank<'a>(text: &'a str, masks: &[Span]) -> Cow<'a, str> {
    if masks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for m in masks {
        for b in &mut bytes[m.start.min(text.len())..m.end.min(text.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

// ---------------------------------------------------------------- paragraphs

/// What a line is, as far as paragraphs go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Plain,
    Heading,
    ListItem,
    BlockQuote,
    /// Rules, fences, code, link definitions, table rules: no sentences.
    Skip,
}

/// One included line: where its words start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextLine {
    /// The whole line, without its line ending.
    line: Span,
    /// From the first word (after any Markdown marker) to the last.
    content: Span,
    kind: LineKind,
}

struct Paragraph {
    span: Span,
    /// Relative to `span`: markers of continuation lines.
    masks: Vec<Span>,
}

/// What a rule, a link definition or a table's separator row looks like,
/// as one expression. [`is_rule_line`] decides the same by hand (the
/// tests hold the two together): this runs on every line, and compiling
/// it cost more than segmenting a whole article.
#[cfg(test)]
const RULE_LINE: &str =
    r"^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+\s*|\[[^\]]+\]:\s*\S+.*|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?)$";

/// A list item's marker, as one expression; [`list_marker_end`] is its
/// hand-written twin, and this compiled form serves only the rare line
/// whose marker could hold a non-ASCII digit.
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[-*+•]|\d{1,3}[.)])\s+").expect("list pattern"));

/// A Markdown rule (`---`, `* * *`, `___`, `===`), a link definition
/// (`[1]: https://...`) or a table's separator row (`| --- | :---: |`).
fn is_rule_line(text: &str) -> bool {
    let t = text.trim_start();
    // Every form opens (after its indentation) with one of these marks,
    // and prose lines, nearly every line read, open with none of them.
    if !t.starts_with(['-', '*', '_', '=', '[', '|', ':']) {
        return false;
    }
    let lead = text[..text.len() - t.len()].chars().count();
    if lead > 3 {
        // Only the table row's leading white space can take more than
        // the three spaces of indentation, and then no leading bar.
        return table_row(t, false);
    }
    let only = |mark: char| t.chars().all(|c| c == mark || c.is_whitespace()) && t.chars().filter(|&c| c == mark).count() >= 3;
    only('-') || only('*') || only('_') || equals_rule(t) || link_definition(t) || table_row(t, true)
}

/// `=+\s*`: a setext underline.
fn equals_rule(t: &str) -> bool {
    let rest = t.trim_start_matches('=');
    rest.len() < t.len() && rest.chars().all(char::is_whitespace)
}

/// `\[[^\]]+\]:\s*\S+.*`: a reference link definition.
fn link_definition(t: &str) -> bool {
    let Some(inside) = t.strip_prefix('[') else { return false };
    let Some(close) = inside.find(']') else { return false };
    close > 0 && inside[close + 1..].strip_prefix(':').is_some_and(|rest| rest.chars().any(|c| !c.is_whitespace()))
}

/// `\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?`: a table's separator row.
/// Every quantifier here meets a character it cannot take, so the
/// greedy reading is the only one and no backtracking is needed.
fn table_row(t: &str, leading_bar: bool) -> bool {
    let t = if leading_bar { t.strip_prefix('|').unwrap_or(t) } else { t };
    let Some(mut rest) = table_cell(t) else { return false };
    loop {
        let Some(after_bar) = rest.strip_prefix('|') else { return rest.is_empty() };
        if after_bar.is_empty() {
            return true;
        }
        match table_cell(after_bar) {
            Some(next) => rest = next,
            None => return false,
        }
    }
}

/// `\s*:?-{3,}:?\s*`, returning what follows.
fn table_cell(t: &str) -> Option<&str> {
    let t = t.trim_start();
    let t = t.strip_prefix(':').unwrap_or(t);
    let dashes = t.len() - t.trim_start_matches('-').len();
    if dashes < 3 {
        return None;
    }
    let t = &t[dashes..];
    Some(t.strip_prefix(':').unwrap_or(t).trim_start())
}

/// Where the list marker opening `trimmed` ends (after its white space):
/// `-`, `*`, `+`, `•` or a number of up to three digits with `.` or `)`.
fn list_marker_end(trimmed: &str) -> Option<usize> {
    // `\d` is any decimal digit: a line opening with a non-ASCII numeral
    // goes to the expression.
    if trimmed.chars().take(4).any(|c| !c.is_ascii() && c.is_numeric()) {
        return LIST_MARKER.find(trimmed).map(|m| m.end());
    }
    let bytes = trimmed.as_bytes();
    let marker = if trimmed.starts_with(['-', '*', '+', '•']) {
        trimmed.chars().next().map_or(1, char::len_utf8)
    } else {
        let digits = bytes.iter().take(4).take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) || !matches!(bytes.get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    };
    let rest = &trimmed[marker..];
    let space = rest.len() - rest.trim_start().len();
    (space > 0).then_some(marker + space)
}

fn classify(text: &str, in_code: &mut bool) -> (usize, LineKind) {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    // Nearly every line read is prose opening with a letter, and no marker,
    // rule or fence below opens with one (nor does a list number, ASCII or
    // not): such a line is plain at once, outside a code block.
    if !*in_code && trimmed.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return (lead, LineKind::Plain);
    }
    classify_by_markers(text, in_code)
}

/// [`classify`] trying every marker in turn: the specification of its
/// fast path.
fn classify_by_markers(text: &str, in_code: &mut bool) -> (usize, LineKind) {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
        *in_code = !*in_code;
        return (lead, LineKind::Skip);
    }
    if *in_code || is_rule_line(text) {
        return (lead, LineKind::Skip);
    }
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
        let rest = &trimmed[hashes..];
        return (lead + hashes + (rest.len() - rest.trim_start().len()), LineKind::Heading);
    }
    if trimmed.starts_with('>') {
        let rest = trimmed.trim_start_matches(['>', ' ']);
        return (text.len() - rest.len(), LineKind::BlockQuote);
    }
    if let Some(end) = list_marker_end(trimmed) {
        return (lead + end, LineKind::ListItem);
    }
    (lead, LineKind::Plain)
}

/// The included lines; `None` for blank, skipped and excluded ones (a
/// binary search per line, as regions are few and sorted).
fn text_lines(article: &Article) -> Vec<Option<TextLine>> {
    let mut out = Vec::with_capacity(article.line_count());
    let mut in_code = false;
    let text = &article.text;
    // The lines `split_inclusive('\n')` gives, read off the article's own
    // line index rather than found again by a search per line: every line
    // but an empty last one (after a final line ending, or of an empty
    // text), which starts at the text's end.
    for n in 1..=article.line_count() {
        let Some(line) = article.line_span(n).filter(|l| l.start < text.len()) else { break };
        let line_start = line.start;
        // The line without its ending, as `trim_end_matches(['\n', '\r'])`
        // leaves it: `line_span` drops one "\r", and any others go too.
        let body = text[line.start..line.end].trim_end_matches('\r');
        let (lead, len) = trimmed_bounds(body);
        if len == 0 || article.is_excluded(line_start) {
            out.push(None);
            continue;
        }
        let (prefix, kind) = classify(body, &mut in_code);
        let content_end = lead + len;
        if kind == LineKind::Skip || prefix >= content_end {
            out.push(None);
            continue;
        }
        out.push(Some(TextLine {
            line: Span::new(line_start, line_start + body.len()),
            content: Span::new(line_start + prefix, line_start + content_end),
            kind,
        }));
    }
    out
}

/// Paragraphs: blank-line separated blocks, except that a line which ends
/// a sentence, a heading, a list item or a headline-shaped line stands
/// alone (files with one paragraph per line, and headlines, are common).
fn paragraphs(article: &Article) -> Vec<Paragraph> {
    let text = &article.text;
    let lines = text_lines(article);
    let wrapped = wrapped_blocks(text, &lines);
    let title = article.title.as_deref().unwrap_or("");
    let mut out: Vec<Paragraph> = Vec::with_capacity(lines.len());
    let mut current: Option<(TextLine, Paragraph)> = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = *line else {
            out.extend(current.take().map(|(_, p)| p));
            continue;
        };
        match current.as_mut() {
            Some((last, para)) if continues(text, last, &line, wrapped[i], title) => {
                // The line ending and the next line's marker are not words.
                para.masks.push(Span::new(last.content.end - para.span.start, line.content.start - para.span.start));
                para.span.end = line.content.end;
                *last = line;
            }
            _ => {
                out.extend(current.take().map(|(_, p)| p));
                current = Some((line, Paragraph { span: line.content, masks: Vec::new() }));
            }
        }
    }
    out.extend(current.map(|(_, p)| p));
    out
}

/// For each line, whether its block (the run of lines between blank ones)
/// is hard-wrapped prose: somewhere in it a line stops mid-sentence and
/// the next carries on in lower case. Only such blocks join lines whose
/// successor starts with a capital, which is how a headline standing right
/// above the first paragraph stays its own sentence.
fn wrapped_blocks(text: &str, lines: &[Option<TextLine>]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len()).find(|&i| lines[i].is_none()).unwrap_or(lines.len());
        let block = &lines[start..end];
        let wrapped = block.windows(2).any(|pair| match pair {
            [Some(a), Some(b)] => {
                !ends_sentence(&text[a.content.start..a.content.end])
                    && text[b.content.start..b.content.end].starts_with(char::is_lowercase)
            }
            _ => false,
        });
        out[start..end].fill(wrapped);
        start = end + 1;
    }
    out
}

/// Whether `next` carries on the paragraph that `last` belongs to: a
/// hard-wrapped line. A line that ends a sentence, the headline, or a
/// headline-shaped line ends its paragraph.
fn continues(text: &str, last: &TextLine, next: &TextLine, wrapped: bool, title: &str) -> bool {
    let joinable = matches!(
        (last.kind, next.kind),
        (LineKind::Plain | LineKind::ListItem, LineKind::Plain) | (LineKind::BlockQuote, LineKind::BlockQuote)
    );
    if !joinable || next.line.start != last.line.end + 1 + usize::from(text[last.line.end..].starts_with('\r')) {
        return false;
    }
    let before = &text[last.content.start..last.content.end];
    let after = &text[next.content.start..next.content.end];
    if ends_sentence(before) || (!title.is_empty() && before.trim_matches(['*', '_', ' ']) == title) {
        return false;
    }
    let lower_next = after.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '(' | ',' | ';' | '—' | '–'));
    lower_next || (wrapped && before.len() >= 30 && !is_title_case(before))
}

fn ends_sentence(text: &str) -> bool {
    let closers: &[char] = &['"', '”', '’', '\'', ')', ']', '*', '_'];
    text.trim_end().trim_end_matches(closers).ends_with(['.', '!', '?', '…', ':'])
}

/// Most longer words capitalised: "Kim Hails Troops Returning From Russia".
fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text.split_whitespace().filter(|w| w.chars().count() > 3).collect();
    !long.is_empty() && long.iter().filter(|w| w.starts_with(char::is_uppercase)).count() * 4 >= long.len() * 3
}

// ------------------------------------------------------------ inline markup

static IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)").expect("image pattern"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\[([^\]\n]*)\](?:\([^)\s]*(?:\s+"[^"\n]*")?\)|\[[^\]\n]*\])"#).expect("link pattern"));
static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(?i)\b(?:https?://|www\.)[^\s<>()\[\]"”’]+"#).expect("url pattern"));
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,200})?/?>").expect("tag pattern"));
static MARKS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*+|__+|`+|\\[\\`*_{}\[\]()#+.!-]").expect("marks pattern"));

/// Which of the characters that markup needs a text holds: plain prose
/// has none of them, and each one missing spares it a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Present {
    /// `[`: links and images.
    bracket: bool,
    /// `<`: HTML tags.
    angle: bool,
    /// `*`, `_`, `` ` `` or `\`: emphasis, code and escapes.
    marks: bool,
    /// "://", "www." or "WWW.": addresses.
    url: bool,
}

impl Present {
    /// Sets the flag of a byte of [`Screen::markup`].
    fn note(&mut self, byte: u8) {
        match byte {
            b'[' => self.bracket = true,
            b'<' => self.angle = true,
            _ => self.marks = true,
        }
    }
}

/// [`Present`] found by searching `text` itself: the specification of
/// [`Screen::markup_in`], which reads it off one search of the article.
#[cfg(test)]
fn present_in(text: &str) -> Present {
    let bytes = text.as_bytes();
    let mut present = Present { url: has_url_start(bytes), ..Present::default() };
    for i in memchr::memchr3_iter(b'[', b'<', b'*', bytes).chain(memchr::memchr3_iter(b'_', b'`', b'\\', bytes)) {
        present.note(bytes[i]);
    }
    present
}

/// The markup inside a paragraph, sorted and merged, relative to it;
/// `present` tells which of the characters markup needs it holds.
fn inline_markup(text: &str, mut masks: Vec<Span>, present: Present) -> Vec<Span> {
    let Present { bracket, angle, marks, url } = present;
    if bracket {
        for m in IMAGE.find_iter(text) {
            masks.push(Span::new(m.start(), m.end()));
        }
        for c in LINK.captures_iter(text) {
            let (Some(all), Some(words)) = (c.get(0), c.get(1)) else { continue };
            masks.push(Span::new(all.start(), words.start()));
            masks.push(Span::new(words.end(), all.end()));
        }
    }
    if url {
        for m in URL.find_iter(text) {
            // Final punctuation belongs to the sentence, not the address.
            let url = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '\'']);
            masks.push(Span::new(m.start(), m.start() + url.len()));
        }
    }
    if angle {
        for m in HTML_TAG.find_iter(text) {
            masks.push(Span::new(m.start(), m.end()));
        }
    }
    if !marks {
        return merge(masks);
    }
    for m in MARKS.find_iter(text) {
        // An escape keeps its character: only the backslash is markup.
        let end = if m.as_str().starts_with('\\') { m.start() + 1 } else { m.end() };
        masks.push(Span::new(m.start(), end));
    }
    merge(masks)
}

/// Whether the text holds "://", "www." or "WWW.", the literals every
/// address the URL pattern finds here holds.
#[cfg(test)]
fn has_url_start(b: &[u8]) -> bool {
    !url_starts(b).is_empty()
}

/// Where the text holds "://", "www." or "WWW." (each literal's span), in
/// order: found from the punctuation they need, which is far rarer than
/// their letters.
fn url_starts(b: &[u8]) -> Vec<Span> {
    let literal = |i: usize| {
        if b[i] == b':' {
            b[i + 1..].starts_with(b"//").then(|| Span::new(i, i + 3))
        } else {
            (i >= 3 && matches!(&b[i - 3..i], b"www" | b"WWW")).then(|| Span::new(i - 3, i + 1))
        }
    };
    memchr::memchr2_iter(b':', b'.', b).filter_map(literal).collect()
}

// ------------------------------------------------------ article-wide screens

/// The characters that steer the work on each paragraph, found by one
/// search of the whole article instead of one search per paragraph. A
/// byte search costs a call however short its text, and most articles
/// hold few or none of these characters, so a paragraph without any is
/// now spared every search. Positions are the article's, in order.
struct Screen {
    /// Whether the article is ASCII, so that every sentence is plain text
    /// (see [`by_hand::plain`]) without reading it again.
    ascii: bool,
    /// Where `[`, `<` and `*` stand.
    markup: Vec<usize>,
    /// Where `_`, `` ` `` and `\` stand.
    marks: Vec<usize>,
    /// Where "://", "www." and "WWW." stand (see [`url_starts`]).
    urls: Vec<Span>,
    /// Where `"` and 0xE2 (the lead byte of curly quotes and "…") stand.
    quote_marks: Vec<usize>,
}

impl Screen {
    fn of(text: &str) -> Screen {
        let b = text.as_bytes();
        Screen {
            ascii: text.is_ascii(),
            markup: memchr::memchr3_iter(b'[', b'<', b'*', b).collect(),
            marks: memchr::memchr3_iter(b'_', b'`', b'\\', b).collect(),
            urls: url_starts(b),
            quote_marks: memchr::memchr2_iter(b'"', 0xE2, b).collect(),
        }
    }

    /// The positions of `places` inside `span`.
    fn within(places: &[usize], span: Span) -> &[usize] {
        let from = places.partition_point(|&p| p < span.start);
        let to = from + places[from..].partition_point(|&p| p < span.end);
        &places[from..to]
    }

    /// What [`present_in`] finds in the article's `text` over `span`: the
    /// marks inside it, and an address literal lying wholly inside it.
    fn markup_in(&self, text: &str, span: Span) -> Present {
        let mut present = Present { marks: !Self::within(&self.marks, span).is_empty(), ..Present::default() };
        for &p in Self::within(&self.markup, span) {
            present.note(text.as_bytes()[p]);
        }
        let first = self.urls.partition_point(|u| u.start < span.start);
        present.url = self.urls[first..].iter().take_while(|u| u.start < span.end).any(|u| u.end <= span.end);
        present
    }
}

/// Sorted, with overlapping spans joined.
fn merge(mut masks: Vec<Span>) -> Vec<Span> {
    // Nearly every paragraph has no markup, or a single span of it.
    if masks.len() < 2 {
        return masks;
    }
    masks.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(masks.len());
    for m in masks {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    merged
}

// ----------------------------------------------------------------- sentences

/// Titles and other abbreviations that never end a sentence. These lists
/// are the specification; [`listed`] reads them by a `match`, and the
/// tests hold the two together.
#[cfg(test)]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl", "pvt", "adm",
    "sen", "rep", "gov", "pres", "rev", "hon", "amb", "supt", "insp", "det", "st", "mt", "ft", "vs", "v", "cf",
    "approx", "dept", "fig", "nos", "e.g", "i.e", "viz", "al",
];
/// Month abbreviations: not an end before a day number ("Dec. 13").
#[cfg(test)]
const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
/// Abbreviations that may also end a sentence: they do when the next word
/// is one that typically opens a sentence.
#[cfg(test)]
const AMBIGUOUS: &[&str] = &["inc", "corp", "co", "ltd", "jr", "sr", "etc", "bros", "plc", "llc", "no"];
/// Words that typically open a sentence.
const OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "At", "But", "And", "Or", "So",
    "Yet", "This", "That", "These", "Those", "There", "Their", "His", "Her", "Its", "Our", "As", "For", "After",
    "Before", "When", "While", "If", "Since", "Meanwhile", "However", "Still", "Also", "Earlier", "Later", "Last",
    "Some", "Many", "Most", "Both", "Each", "Such", "What", "Who", "Why", "How", "Where", "According", "Officials",
];

/// Which list of abbreviations holds a lowered word ("no" is looked up
/// before [`AMBIGUOUS`], which holds it too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Title,
    Month,
    No,
    Ambiguous,
}

/// The list of [`TITLES`], [`MONTHS`], "no" and [`AMBIGUOUS`] that holds
/// `lower`, the first that does, by a `match` on its bytes: this runs at
/// every full stop that may end a sentence, where comparing the word with
/// each of the lists' sixty-odd words cost most of the test (the tests
/// hold the `match` to the lists).
fn listed(lower: &[u8]) -> Option<Listed> {
    match lower {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"dr" | b"prof" | b"gen" | b"lt" | b"col" | b"maj" | b"capt" | b"cmdr" | b"sgt" | b"cpl" | b"pvt" | b"adm" | b"sen" | b"rep" | b"gov" | b"pres" | b"rev" | b"hon" | b"amb" | b"supt" | b"insp" | b"det" | b"st" | b"mt" | b"ft" | b"vs" | b"v" | b"cf" | b"approx" | b"dept" | b"fig" | b"nos" | b"e.g" | b"i.e" | b"viz" | b"al" => Some(Listed::Title),
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct" | b"nov" | b"dec" => Some(Listed::Month),
        b"no" => Some(Listed::No),
        b"inc" | b"corp" | b"co" | b"ltd" | b"jr" | b"sr" | b"etc" | b"bros" | b"plc" | b"llc" => Some(Listed::Ambiguous),
        _ => None,
    }
}

/// Sentence spans relative to `text` (a paragraph with markup blanked),
/// trimmed of white space.
#[cfg(test)]
fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    split_sentences_into(text, text.contains('…'), &mut spans);
    spans
}

/// [`split_sentences`] into `spans` (cleared first), which the caller
/// keeps from one paragraph to the next so that no paragraph allocates.
/// `ellipsis` tells whether `text` holds a "…" (the quotation search has
/// read every character that could open one): without it, the terminal
/// search looks for the ASCII marks alone.
fn split_sentences_into(text: &str, ellipsis: bool, spans: &mut Vec<Span>) {
    spans.clear();
    let mut start = 0;
    let mut from = 0;
    // The marks are found by a byte search rather than by walking every
    // character: "…" is the only one outside ASCII, and its lead byte is
    // checked where it turns up.
    while let Some(i) = next_terminal(text, from, ellipsis) {
        let c = text[i..].chars().next().unwrap_or('.');
        // A run of terminal marks ("?!", "...") then closing quotes or brackets.
        let mut end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        while let Some(d) = text[end..].chars().next().filter(|d| matches!(d, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»')) {
            dots += usize::from(d == '.');
            end += d.len_utf8();
        }
        from = end;
        let Some(next) = text[end..].chars().next() else { break };
        if !next.is_whitespace() {
            continue;
        }
        let rest = text[end..].trim_start();
        let Some(first) = rest.chars().next() else { break };
        // A `match` rather than a search of a string of the marks: this
        // runs at every sentence end (the tests keep the string form).
        if first.is_lowercase() || matches!(first, ',' | ';' | ':' | ')' | '—' | '–' | '-') {
            continue;
        }
        let single_full_stop = c == '.' && dots == 1 && text[i + 1..end].chars().all(|d| !matches!(d, '.' | '!' | '?'));
        if single_full_stop && is_abbreviation(&text[start..i], rest) {
            continue;
        }
        push_trimmed(spans, text, start, end);
        start = text.len() - rest.len();
    }
    push_trimmed(spans, text, start, text.len());
    if spans.iter().any(|s| s.end - s.start > MAX_SENTENCE_BYTES) {
        let capped: Vec<Span> = spans.iter().flat_map(|&s| cap_length(text, s)).collect();
        *spans = capped;
    }
}

/// Where the next `.`, `!`, `?` or `…` at or after `from` stands.
fn next_terminal(text: &str, from: usize, ellipsis: bool) -> Option<usize> {
    let b = text.as_bytes();
    let ascii = memchr::memchr3(b'.', b'!', b'?', b.get(from..)?).map(|i| from + i);
    if !ellipsis {
        return ascii;
    }
    // A "…" before it? Its lead byte 0xE2 also opens dashes and curly
    // quotes, so each one found is checked.
    let mut lead = from;
    while let Some(e) = memchr::memchr(0xE2, &b[lead..ascii.unwrap_or(b.len())]) {
        if b[lead + e..].starts_with("…".as_bytes()) {
            return Some(lead + e);
        }
        lead += e + 1;
    }
    ascii
}

/// The longest "sentence" kept whole. Prose sentences run to a few hundred
/// bytes; a run of thousands of words with no full stop is a table, a list
/// or a dump. Every claim carries its sentence into the report, so an
/// unbounded sentence would make the report grow with the square of its
/// figures; cutting such runs keeps every per-sentence cost linear.
const MAX_SENTENCE_BYTES: usize = 2000;

/// `span` cut into pieces of at most [`MAX_SENTENCE_BYTES`], each ending at
/// the last clause break ("; ", ", ") that fits, else at the last space,
/// else at the last character that fits.
fn cap_length(text: &str, span: Span) -> Vec<Span> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let limit = crate::text::floor_char_boundary(text, start + MAX_SENTENCE_BYTES);
        let window = &text[start..limit];
        let cut = ["; ", ", "]
            .iter()
            .find_map(|b| window.rfind(b).map(|i| i + 1))
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .map_or(limit, |i| start + i);
        push_trimmed(&mut pieces, text, start, cut);
        start = cut;
    }
    push_trimmed(&mut pieces, text, start, span.end);
    pieces
}

fn push_trimmed(spans: &mut Vec<Span>, text: &str, start: usize, end: usize) {
    let (lead, len) = trimmed_bounds(&text[start..end]);
    if len > 0 {
        spans.push(Span::new(start + lead, start + lead + len));
    }
}

/// Where `piece.trim()` starts in `piece`, and its length. Every sentence
/// is trimmed, and its ends are nearly always ASCII: white space there is
/// skipped byte by byte (the bytes `char::is_whitespace` accepts below
/// 128), and only a piece with a non-ASCII character at either end is
/// trimmed by the `char` methods.
#[inline]
fn trimmed_bounds(piece: &str) -> (usize, usize) {
    let b = piece.as_bytes();
    let is_space = |c: &u8| matches!(c, b' ' | b'\t'..=b'\r');
    let lead = b.iter().position(|c| !is_space(c)).unwrap_or(b.len());
    let tail = b.iter().rposition(|c| !is_space(c)).map_or(lead, |i| i + 1);
    let ascii_ends = b.get(lead).is_none_or(u8::is_ascii) && (tail == lead || b[tail - 1].is_ascii());
    if !ascii_ends {
        return (piece.len() - piece.trim_start().len(), piece.trim().len());
    }
    (lead, tail - lead)
}

/// Whether the full stop after `before` belongs to an abbreviation, given
/// the text that follows.
fn is_abbreviation(before: &str, after: &str) -> bool {
    // The separators are matched rather than searched for in a string of
    // them: this runs for every character of the word before each full
    // stop (the tests keep the string form).
    let word = before.rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '\'' | '[' | '—' | '–')).next().unwrap_or("");
    let next_word = after.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':')).next().unwrap_or("");
    let next_opens = || OPENERS.contains(&next_word.trim_start_matches(['“', '"', '‘', '\'']));
    let next_number = next_word.starts_with(|c: char| c.is_ascii_digit());
    if word.is_empty() {
        return false;
    }
    // Nearly every word here is ASCII: lowered in a small buffer rather
    // than in a new string at every full stop. No listed word is longer
    // than the buffer, so a longer ASCII word is none of them.
    let mut buffer = [0u8; 8];
    let owned;
    let lower: &[u8] = if word.is_ascii() {
        if word.len() > buffer.len() {
            b""
        } else {
            let buffer = &mut buffer[..word.len()];
            buffer.copy_from_slice(word.as_bytes());
            buffer.make_ascii_lowercase();
            buffer
        }
    } else {
        owned = word.to_lowercase();
        owned.as_bytes()
    };
    match listed(lower) {
        Some(Listed::Title) => return true,
        Some(Listed::Month | Listed::No) => return next_number,
        Some(Listed::Ambiguous) => return !next_opens(),
        None => {}
    }
    // An initial ("J. R. R. Tolkien", "George W. Bush").
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // Dotted abbreviations ("U.S.", "U.N.", "p.m.") end a sentence only
    // before a word that typically opens one.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return !next_opens();
    }
    false
}

// -------------------------------------------------------------------- quotes

/// A quotation in a paragraph: the marks and the words between them.
#[derive(Debug, Clone, Copy)]
struct Quoted {
    /// From the opening mark to just after the closing mark.
    outer: Span,
    inner: Span,
}

/// Double quotations, curly or straight, and single curly ones; a quotation
/// left open runs to the paragraph's end (the convention for quotes that
/// go on into the next paragraph).
#[cfg(test)]
fn find_quotes(text: &str) -> Vec<Quoted> {
    find_quotes_and_ellipsis(text).0
}

/// [`find_quotes`], and whether the text holds a "…": the search reads
/// every character led by 0xE2, the lead byte of "…" too, so it tells the
/// sentence splitter whether it need look for one at all.
#[cfg(test)]
fn find_quotes_and_ellipsis(text: &str) -> (Vec<Quoted>, bool) {
    find_quotes_and_ellipsis_at(text, memchr::memchr2_iter(b'"', 0xE2, text.as_bytes()))
}

/// [`find_quotes_and_ellipsis`] given places of `text`, in order, among
/// them every `"` and 0xE2 byte (the article's [`Screen::quote_marks`]:
/// blanking markup turns bytes into spaces, so a paragraph's text holds
/// these bytes only where the article does). Other places are passed over.
fn find_quotes_and_ellipsis_at(text: &str, places: impl Iterator<Item = usize>) -> (Vec<Quoted>, bool) {
    let mut out = Vec::new();
    let mut ellipsis = false;
    let mut open: Option<(usize, char)> = None;
    // Only `"` and characters led by 0xE2 (the curly marks) can open or
    // close a quotation: a byte search finds them, and the character
    // before each is read where it is needed.
    for i in places.filter(|&i| matches!(text.as_bytes().get(i), Some(b'"' | 0xE2))) {
        let Some(c) = text[i..].chars().next() else { continue };
        ellipsis |= c == '…';
        let prev = text[..i].chars().next_back().unwrap_or(' ');
        match (open, c) {
            (None, '“') => open = Some((i, c)),
            (None, '"') if !prev.is_alphanumeric() => open = Some((i, c)),
            (None, '‘') if !prev.is_alphanumeric() => open = Some((i, c)),
            (Some((at, '“')), '”') | (Some((at, '"')), '"') => {
                push_quote(&mut out, text, at, i, i + c.len_utf8());
                open = None;
            }
            (Some((at, '‘')), '’') => {
                let next = text[i + c.len_utf8()..].chars().next();
                // "’" between letters is an apostrophe ("Korea’s").
                if !next.is_some_and(char::is_alphanumeric) {
                    push_quote(&mut out, text, at, i, i + c.len_utf8());
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((at, mark)) = open {
        if mark != '‘' {
            push_quote(&mut out, text, at, text.len(), text.len());
        }
    }
    (out, ellipsis)
}

fn push_quote(out: &mut Vec<Quoted>, text: &str, open: usize, close: usize, end: usize) {
    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    let inner = &text[inner_start..close];
    let lead = inner.len() - inner.trim_start().len();
    // Punctuation closing the quoted clause (`“...,” she said`) is not
    // part of the words.
    let words = inner.trim().trim_end_matches([',', ';']).trim_end();
    if !words.is_empty() {
        let start = inner_start + lead;
        out.push(Quoted { outer: Span::new(open, end), inner: Span::new(start, start + words.len()) });
    }
}

/// The sentence's words outside its quotations (quoted words blanked), so
/// that "said" inside a quote is not taken as attribution.
fn outside_quotes<'a>(text: &'a str, sentence: Span, quotes: &[Quoted]) -> Cow<'a, str> {
    let inside: Vec<Span> = quotes
        .iter()
        .filter(|q| q.outer.start < sentence.end && sentence.start < q.outer.end)
        .map(|q| Span::new(q.outer.start.max(sentence.start) - sentence.start, q.outer.end.min(sentence.end) - sentence.start))
        .collect();
    blank(&text[sentence.start..sentence.end], &inside)
}

// ------------------------------------------------------------------ speakers

const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Prof|Rev)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)){0,3}";
const PRONOUN: &str = r"he|she|He|She";
const SAID: &str = r"said|says|told|tells|added|adds|asked|wrote|writes|declared|noted|explained|continued|recalled|stated|insisted|warned|argued|replied|announced|remarked|stressed|urged|claimed|acknowledged|admitted|conceded";
/// Verbs that, with a partial quotation, make their subject its speaker.
const CALLED: &str = r"called|calling|praised|praising|lauded|hailed|thanked|described|describing|confirmed|spoke|saying|vowed|pledged|promised|boasted|complained|quipped|urged";

/// `“...,” said Kim` / `“...,” Mr. Kim said`.
static AFTER_QUOTE: LazyLock<TwoBuild> =
    LazyLock::new(|| TwoBuild::new(format!(r"^[\s,;]*(?:(?:{SAID})\s+(?P<a>{NAME})|(?P<b>{NAME}|{PRONOUN})\s+(?:{SAID})\b)")));
/// `Kim said: “...` / `Kim told the troops, “...`.
static BEFORE_QUOTE: LazyLock<TwoBuild> = LazyLock::new(|| {
    TwoBuild::new(format!(r"(?P<n>{NAME}|{PRONOUN})\s+(?:{SAID})(?:\s+[^“”\x22,:;]{{1,60}})?\s*[,:]?\s*$"))
});
/// Anywhere in the sentence, outside quotes.
static IN_SENTENCE: LazyLock<TwoBuild> = LazyLock::new(|| {
    TwoBuild::new(format!(
        r"(?P<n>{NAME}|{PRONOUN})\s+(?:{SAID}|{CALLED})\b|\b(?:{SAID})\s+(?P<m>{NAME})|\baccording to\s+(?:the\s+)?(?P<o>{NAME})|\bwhat\s+(?P<p>{NAME}|he|she)\s+(?:called|described)"
    ))
});

/// Sentence openers that a name pattern would otherwise swallow. The list
/// is the specification; [`is_not_name`] reads it by a `match`.
#[cfg(test)]
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "So", "Also", "Meanwhile", "However", "Later", "Earlier",
    "Then", "When", "While", "After", "Before", "Last", "This", "That", "It", "They", "We", "I", "You", "There",
    "State", "Officials", "Analysts",
];

/// The last person named as a speaker, for "he said" and for quotes that
/// carry on without a new attribution.
#[derive(Default)]
struct SpeakerMemory {
    last: Option<String>,
    /// Whether the article is ASCII: then every sentence is plain text.
    plain_article: bool,
    /// The sentence search's lists, kept from one sentence to the next so
    /// that a sentence with speech words allocates nothing.
    hinges: by_hand::Hinges,
    /// The places of a sentence where a speech word may stand (see
    /// [`sentence_speaker`]), kept likewise.
    candidates: Vec<usize>,
}

impl SpeakerMemory {
    /// A name, or the remembered speaker for a pronoun.
    fn resolve(&mut self, found: &str) -> Option<String> {
        if matches!(found, "he" | "she" | "He" | "She") {
            return self.last.clone();
        }
        let name = clean_name(found)?;
        self.last = Some(name.clone());
        Some(name)
    }
}

/// Whether `word` is one of [`NOT_NAMES`], by a `match` rather than a
/// comparison with each of the thirty-one (a test holds the two together):
/// every word of every speaker found is looked up.
fn is_not_name(word: &str) -> bool {
    matches!(
        word,
        "The" | "A" | "An" | "In" | "On" | "At" | "But" | "And" | "So" | "Also" | "Meanwhile" | "However"
        | "Later" | "Earlier" | "Then" | "When" | "While" | "After" | "Before" | "Last" | "This" | "That"
        | "It" | "They" | "We" | "I" | "You" | "There" | "State" | "Officials" | "Analysts"
    )
}

fn clean_name(found: &str) -> Option<String> {
    // The words after any leading opener, joined by single spaces.
    let mut name = String::with_capacity(found.len());
    for word in found.split_whitespace().skip_while(|w| is_not_name(w)) {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    name.truncate(name.trim_end_matches(['.', ',']).len());
    (!name.is_empty() && name.chars().any(char::is_uppercase)).then_some(name)
}

/// The speaker named right after the closing mark or right before the
/// opening one (within the sentence).
fn adjacent_speaker(text: &str, q: &Quoted, sentence: Span, memory: &mut SpeakerMemory) -> Option<String> {
    let after_end = crate::text::floor_char_boundary(text, (q.outer.end + 120).min(sentence.end.max(q.outer.end)));
    // Both patterns need a verb of SAID opening a word: a scan for one
    // spares nearly every quotation the name search.
    if q.outer.end <= after_end && by_hand::has_speech_word(&text[q.outer.end..after_end], by_hand::Kind::Said) {
        if let Some(found) = after_quote(&text[q.outer.end..after_end]) {
            if let Some(name) = memory.resolve(found) {
                return Some(name);
            }
        }
    }
    let before_start = ceil_boundary(text, q.outer.start.saturating_sub(200).max(sentence.start));
    if before_start <= q.outer.start && by_hand::has_speech_word(&text[before_start..q.outer.start], by_hand::Kind::Said) {
        if let Some(found) = before_quote(&text[before_start..q.outer.start]) {
            return memory.resolve(found);
        }
    }
    None
}

/// The speaker a sentence names outside its quotes ("Kim said ...",
/// "according to KCNA"), remembered for later pronouns.
///
/// `speech` holds the places of `text` inside the sentence where
/// [`by_hand::speech_starts`] found a speech word or "what" in the
/// article's text. Every alternative of [`IN_SENTENCE`] needs one of them
/// outside the quotes, and the text outside the quotes has the article's
/// bytes wherever one stands (blanking turns bytes into spaces, and the
/// words searched for are letters alone: "according to" is searched for
/// by its first word), so a sentence without such a place names no
/// speaker and is not read at all.
fn sentence_speaker(text: &str, sentence: Span, quotes: &[Quoted], speech: &[usize], memory: &mut SpeakerMemory) -> Option<String> {
    let mut candidates = std::mem::take(&mut memory.candidates);
    candidates.clear();
    let quoted = |p: usize| quotes.iter().any(|q| q.outer.start <= p && p < q.outer.end);
    candidates.extend(speech.iter().filter(|&&p| !quoted(p)).map(|&p| p - sentence.start));
    let speaker = if candidates.is_empty() {
        None
    } else {
        let outside = outside_quotes(text, sentence, quotes);
        let plain = memory.plain_article;
        in_sentence(&outside, &candidates, &mut memory.hinges, plain).and_then(|found| memory.resolve(found))
    };
    memory.candidates = candidates;
    speaker
}

/// Whether the hand-written readers of the speaker patterns serve `text`:
/// plain text, where they give the patterns' answers. Other text (a name
/// with an accented letter) goes to the compiled Unicode patterns.
fn by_hand_serves(text: &str) -> bool {
    text.len() <= by_hand::MAX_BYTES && crate::ingest::ascii::is_plain(text)
}

/// The speaker [`AFTER_QUOTE`] names in `text`.
fn after_quote(text: &str) -> Option<&str> {
    if by_hand_serves(text) {
        return by_hand::after_quote(text);
    }
    let c = AFTER_QUOTE.captures(text)?;
    c.name("a").or_else(|| c.name("b")).map(|m| m.as_str())
}

/// The speaker [`BEFORE_QUOTE`] names in `text`.
fn before_quote(text: &str) -> Option<&str> {
    if by_hand_serves(text) {
        return by_hand::before_quote(text);
    }
    BEFORE_QUOTE.captures(text)?.name("n").map(|m| m.as_str())
}

/// The speaker [`IN_SENTENCE`] names in `text`, given every place where a
/// speech word or "what" may start in it, in order (see
/// [`by_hand::speech_starts`]).
///
/// `plain` tells that the text is known to be plain (it comes from an
/// ASCII article), which spares the reading that would find it so.
fn in_sentence<'a>(text: &'a str, candidates: &[usize], hinges: &mut by_hand::Hinges, plain: bool) -> Option<&'a str> {
    // One pass tells whether the text is plain and, if it is, where the
    // reader must look.
    if text.len() <= by_hand::MAX_BYTES {
        if let Some(found) = by_hand::in_plain_sentence_known(text, candidates, hinges, plain) {
            return found;
        }
    }
    // Most sentences name no speaker: every alternative needs a speech
    // word opening a word, and a scan for one is far cheaper than the
    // pattern.
    if !by_hand::has_speech_word(text, by_hand::Kind::Any) {
        return None;
    }
    let c = IN_SENTENCE.captures(text)?;
    c.name("n").or_else(|| c.name("m")).or_else(|| c.name("o")).or_else(|| c.name("p")).map(|m| m.as_str())
}


fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// The three speaker patterns read by hand, for plain text (see
/// [`crate::ingest::ascii::is_plain`]) of ordinary length.
///
/// Compiling the patterns cost more than segmenting a whole article, and
/// nearly every article names a speaker, so the first article of a run
/// paid for all three; and the readers, which look only where a speech
/// word can anchor a match, also read faster than the compiled patterns,
/// so they serve all plain text, however long the run. Each function here returns what its pattern's
/// name group captures, trying the pattern's alternatives and repetitions
/// in the order a backtracking engine would, so that the leftmost-first
/// match is the same one (the tests compare them on tables and random
/// text). Only the choices that can change the outcome are tried: a name
/// word or a run of white space is always followed by something its own
/// class cannot hold, so only its longest reading can go on.
mod by_hand {
    /// Longer texts go to the compiled patterns, which are linear.
    pub(super) const MAX_BYTES: usize = 4096;

    /// The titles of NAME; [`titles_with`] holds them by initial.
    #[cfg(test)]
    pub(super) const TITLES: [&str; 15] = ["Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Sen", "Rep", "Gov", "Prof", "Rev"];
    const PRONOUNS: [&str; 4] = ["he", "she", "He", "She"];

    /// The titles of NAME opening with `initial`, in their order: a name is
    /// tried at every capital of a sentence's speaker window, and most
    /// capitals open no title, so the first byte leaves at most four to
    /// compare instead of fifteen (a test checks these against the list).
    pub(super) const fn titles_with(initial: u8) -> &'static [&'static str] {
        match initial {
            b'M' => &["Mr", "Mrs", "Ms", "Maj"],
            b'D' => &["Dr"],
            b'G' => &["Gen", "Gov"],
            b'L' => &["Lt"],
            b'C' => &["Col", "Capt"],
            b'S' => &["Sgt", "Sen"],
            b'R' => &["Rep", "Rev"],
            b'P' => &["Prof"],
            _ => &[],
        }
    }
    #[cfg(test)]
    pub(super) const SAID: &[&str] = &[
        "said", "says", "told", "tells", "added", "adds", "asked", "wrote", "writes", "declared", "noted", "explained",
        "continued", "recalled", "stated", "insisted", "warned", "argued", "replied", "announced", "remarked", "stressed",
        "urged", "claimed", "acknowledged", "admitted", "conceded",
    ];
    #[cfg(test)]
    pub(super) const CALLED: &[&str] = &[
        "called", "calling", "praised", "praising", "lauded", "hailed", "thanked", "described", "describing", "confirmed",
        "spoke", "saying", "vowed", "pledged", "promised", "boasted", "complained", "quipped", "urged",
    ];

    /// Which list a speech word belongs to.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) enum Kind {
        /// A verb of [`SAID`] (which may also be one of [`CALLED`]).
        Said,
        /// A verb of [`CALLED`] alone.
        Called,
        /// "according to".
        According,
        /// Any of them (as a filter).
        Any,
    }

    impl Kind {
        /// Whether a word of this kind is a verb of the lists in `filter`.
        fn fits(self, filter: Kind) -> bool {
            match filter {
                Kind::Any => true,
                Kind::Said => self == Kind::Said,
                // Verbs of either list.
                Kind::Called => self != Kind::According,
                Kind::According => self == Kind::According,
            }
        }
    }

    /// The words of [`SAID`] and [`CALLED`] and "according to", by their
    /// first letter: looking up a word's first byte leaves a handful to
    /// compare instead of forty-seven (the tests check that these are the
    /// lists' words).
    pub(super) const fn speech_words(initial: u8) -> &'static [(&'static str, Kind)] {
        use Kind::{According as A, Called as C, Said as S};
        match initial {
            b'a' => &[
                ("added", S), ("adds", S), ("asked", S), ("argued", S), ("announced", S), ("acknowledged", S), ("admitted", S),
                ("according to", A),
            ],
            b'b' => &[("boasted", C)],
            b'c' => &[
                ("continued", S), ("claimed", S), ("conceded", S), ("called", C), ("calling", C), ("confirmed", C), ("complained", C),
            ],
            b'd' => &[("declared", S), ("described", C), ("describing", C)],
            b'e' => &[("explained", S)],
            b'h' => &[("hailed", C)],
            b'i' => &[("insisted", S)],
            b'l' => &[("lauded", C)],
            b'n' => &[("noted", S)],
            b'p' => &[("praised", C), ("praising", C), ("pledged", C), ("promised", C)],
            b'q' => &[("quipped", C)],
            b'r' => &[("recalled", S), ("replied", S), ("remarked", S)],
            b's' => &[("said", S), ("says", S), ("stated", S), ("stressed", S), ("spoke", C), ("saying", C)],
            b't' => &[("told", S), ("tells", S), ("thanked", C)],
            b'u' => &[("urged", S)],
            b'v' => &[("vowed", C)],
            b'w' => &[("wrote", S), ("writes", S), ("warned", S)],
            _ => &[],
        }
    }

    /// The length of the speech word of kind `filter` that stands at `q`
    /// (no two of the words start alike, so there is at most one).
    fn speech_word_at(b: &[u8], q: usize, filter: Kind) -> Option<(usize, Kind)> {
        let words = speech_words(*b.get(q)?);
        // Every word has four bytes or more: their first four, compared as
        // one, turn away nearly every other word at once.
        let head = four(b.get(q..)?)?;
        words
            .iter()
            .find(|(w, kind)| four(w.as_bytes()) == Some(head) && kind.fits(filter) && bytes_at(b, q, w.as_bytes()))
            .map(|&(w, kind)| (w.len(), kind))
    }

    fn four(b: &[u8]) -> Option<[u8; 4]> {
        b.get(..4)?.try_into().ok()
    }

    /// Whether a speech word of kind `filter` opens a word of `s` (at its
    /// start or after a byte that is not a word character). Every speaker
    /// pattern needs one, so text without one cannot name a speaker.
    pub(super) fn has_speech_word(s: &str, filter: Kind) -> bool {
        let b = s.as_bytes();
        word_heads(b).any(|q| speech_word_at(b, q, filter).is_some())
    }

    const HEAD_BITS: u32 = 13;

    fn head_slot(head: u32) -> usize {
        (head.wrapping_mul(0x9E37_79B1) >> (32 - HEAD_BITS)) as usize
    }

    /// A bit for the first four bytes of every speech word and of "what"
    /// (hashed): a place whose bit is clear holds none of them.
    static HEADS: [u64; 1 << (HEAD_BITS - 6)] = {
        let mut bits = [0u64; 1 << (HEAD_BITS - 6)];
        let mut initial = b'a';
        while initial <= b'z' {
            let words = speech_words(initial);
            let mut i = 0;
            while i < words.len() {
                let w = words[i].0.as_bytes();
                let slot = (u32::from_le_bytes([w[0], w[1], w[2], w[3]]).wrapping_mul(0x9E37_79B1) >> (32 - HEAD_BITS)) as usize;
                bits[slot / 64] |= 1 << (slot % 64);
                i += 1;
            }
            initial += 1;
        }
        let slot = (u32::from_le_bytes(*b"what").wrapping_mul(0x9E37_79B1) >> (32 - HEAD_BITS)) as usize;
        bits[slot / 64] |= 1 << (slot % 64);
        bits
    };

    /// The word starts of `b` (a lower-case letter after no word
    /// character) whose first four bytes may be those of a speech word or
    /// "what". This reads every byte of every sentence, so it reads eight
    /// at a time (see [`WordHeads`]); the hashed test of the four bytes
    /// runs at word starts only.
    pub(super) fn word_heads(b: &[u8]) -> WordHeads<'_> {
        WordHeads { b, base: 0, next_chunk: 0, starts: 0, word_before: 0 }
    }

    /// Whether the four bytes at `q` may open a speech word or "what".
    fn may_open(b: &[u8], q: usize) -> bool {
        let Some(&[a, b1, c, d]) = b.get(q..q + 4) else { return false };
        let slot = head_slot(u32::from_le_bytes([a, b1, c, d]));
        (HEADS[slot / 64] >> (slot % 64)) & 1 != 0
    }

    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// `byte` in every byte of a word.
    const fn splat(byte: u8) -> u64 {
        byte as u64 * 0x0101_0101_0101_0101
    }

    /// For each byte of `x`, its high bit set when the byte lies in
    /// `lo..=hi` (both ASCII). The sums of each byte's low seven bits with
    /// the constants stay below 0x100, so no byte carries into the next.
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let low = x & !HIGH;
        let at_least_lo = low + splat(0x80 - lo);
        let above_hi = low + splat(0x7F - hi);
        at_least_lo & !above_hi & !x & HIGH
    }

    /// The positions [`word_heads`] gives, found eight bytes at a time: a
    /// chunk's word-character and lower-case bytes are marked by whole-word
    /// arithmetic, the word starts are the lower-case bytes whose
    /// predecessor is not marked, and only those are looked at one by one.
    pub(super) struct WordHeads<'a> {
        b: &'a [u8],
        /// Where the chunk whose starts are in `starts` begins.
        base: usize,
        next_chunk: usize,
        /// The current chunk's word starts not yet looked at (high bits).
        starts: u64,
        /// The previous chunk's word-character bytes (high bits).
        word_before: u64,
    }

    impl Iterator for WordHeads<'_> {
        type Item = usize;

        fn next(&mut self) -> Option<usize> {
            loop {
                while self.starts != 0 {
                    let q = self.base + (self.starts.trailing_zeros() / 8) as usize;
                    self.starts &= self.starts - 1;
                    if may_open(self.b, q) {
                        return Some(q);
                    }
                }
                let rest = self.b.get(self.next_chunk..).filter(|r| !r.is_empty())?;
                // Bytes past the end read as 0: neither letters nor word
                // characters, so they add no start. A whole chunk is one
                // load; only the last of a text is copied.
                let x = match rest.first_chunk::<8>() {
                    Some(chunk) => u64::from_le_bytes(*chunk),
                    None => last_chunk(rest),
                };
                let lower = in_range(x, b'a', b'z');
                let word = lower | in_range(x, b'A', b'Z') | in_range(x, b'0', b'9') | in_range(x, b'_', b'_');
                self.starts = lower & !((word << 8) | (self.word_before >> 56));
                self.word_before = word;
                self.base = self.next_chunk;
                self.next_chunk += 8;
            }
        }
    }

    /// The bytes of `rest` (fewer than eight) as one word, zeros after.
    #[inline(never)]
    fn last_chunk(rest: &[u8]) -> u64 {
        let mut chunk = [0u8; 8];
        let n = rest.len().min(8);
        chunk[..n].copy_from_slice(&rest[..n]);
        u64::from_le_bytes(chunk)
    }

    /// A verb of SAID or CALLED at `q`, followed by a word boundary.
    fn verb_at(s: &str, q: usize) -> bool {
        speech_word_at(s.as_bytes(), q, Kind::Called).is_some_and(|(len, _)| boundary_at(s, q + len))
    }

    /// Whether `w` stands at `q`, compared byte by byte: the words are
    /// short and most differ in their first bytes, where a call to the
    /// library's comparison would cost more than the loop.
    fn bytes_at(b: &[u8], q: usize, w: &[u8]) -> bool {
        b.len().saturating_sub(q) >= w.len() && w.iter().zip(&b[q..]).all(|(x, y)| x == y)
    }

    fn is_word_byte(b: u8) -> bool {
        WORD_BYTES[usize::from(b)]
    }

    /// `[0-9A-Za-z_]`, as a table: read at every byte of every sentence.
    static WORD_BYTES: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            table[b] = c.is_ascii_alphanumeric() || c == b'_';
            b += 1;
        }
        table
    };

    /// `\s*` from `p`: where the white space ends.
    fn ws_end(s: &str, p: usize) -> usize {
        s.len() - s[p..].trim_start().len()
    }

    /// `\s+` from `p`, if there is any.
    fn ws1_end(s: &str, p: usize) -> Option<usize> {
        let q = ws_end(s, p);
        (q > p).then_some(q)
    }

    fn upper_at(s: &str, p: usize) -> bool {
        s.as_bytes().get(p).is_some_and(u8::is_ascii_uppercase)
    }

    /// The end of `[\p{L}'’.-]*` (or without the full stop) from `p`.
    fn name_chars_end(s: &str, mut p: usize, with_dot: bool) -> usize {
        let b = s.as_bytes();
        loop {
            match b.get(p) {
                Some(&c) if c.is_ascii_alphabetic() || c == b'\'' || c == b'-' || (with_dot && c == b'.') => p += 1,
                Some(0xE2) if s[p..].starts_with('’') => p += '’'.len_utf8(),
                _ => return p,
            }
        }
    }

    /// Whether a verb of SAID stands at `p` with `then` holding after it.
    fn said_then(s: &str, p: usize, then: impl Fn(usize) -> bool) -> bool {
        speech_word_at(s.as_bytes(), p, Kind::Said).is_some_and(|(len, _)| then(p + len))
    }

    /// Whether `word` stands at `p`; the first byte is compared alone
    /// first, as most places hold none of the words looked for.
    fn at(s: &str, p: usize, word: &str) -> bool {
        let (b, w) = (s.as_bytes(), word.as_bytes());
        b.get(p) == w.first() && bytes_at(b, p, w)
    }

    /// `\b` after a word character at `p`.
    fn boundary_at(s: &str, p: usize) -> bool {
        !s.as_bytes().get(p).copied().is_some_and(is_word_byte)
    }

    /// `\b` before a word character at `p`.
    fn boundary_before(s: &str, p: usize) -> bool {
        p == 0 || !is_word_byte(s.as_bytes()[p - 1])
    }

    /// NAME at `i`: an optional title, a capitalised word, up to three
    /// more. Returns the end of the first reading after which `then`
    /// holds.
    fn name(s: &str, i: usize, then: &dyn Fn(usize) -> bool) -> Option<usize> {
        // Titles and names alike open with a capital.
        if !upper_at(s, i) {
            return None;
        }
        for &title in titles_with(s.as_bytes()[i]) {
            if !at(s, i, title) {
                continue;
            }
            let after = i + title.len();
            let after = if s[after..].starts_with('.') { after + 1 } else { after };
            if let Some(end) = ws1_end(s, after).and_then(|q| name_core(s, q, then)) {
                return Some(end);
            }
        }
        name_core(s, i, then)
    }

    fn name_core(s: &str, j: usize, then: &dyn Fn(usize) -> bool) -> Option<usize> {
        if !upper_at(s, j) {
            return None;
        }
        more_words(s, name_chars_end(s, j + 1, true), 0, then)
    }

    /// `(?:\s+(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)){0,3}` from `p`, greedy.
    fn more_words(s: &str, p: usize, taken: usize, then: &dyn Fn(usize) -> bool) -> Option<usize> {
        if taken < 3 {
            if let Some(q) = ws1_end(s, p).filter(|&q| upper_at(s, q)) {
                if let Some(end) = more_words(s, name_chars_end(s, q + 1, false), taken + 1, then) {
                    return Some(end);
                }
                if s[q + 1..].starts_with('.') {
                    if let Some(end) = more_words(s, q + 2, taken + 1, then) {
                        return Some(end);
                    }
                }
            }
        }
        then(p).then_some(p)
    }

    /// `(?:NAME|PRONOUN)` at `i` followed by what `then` wants.
    fn name_or_pronoun<'a>(s: &'a str, i: usize, pronouns: &[&str], then: &dyn Fn(usize) -> bool) -> Option<&'a str> {
        if let Some(end) = name(s, i, then) {
            return Some(&s[i..end]);
        }
        pronouns.iter().find(|p| at(s, i, p) && then(i + p.len())).map(|p| &s[i..i + p.len()])
    }

    /// Match starts worth trying: a capital (a name or "He"), an "h" or
    /// "s" (a pronoun may start inside a word, as the patterns have no
    /// boundary before it) or the first letter of a word.
    fn starts(s: &str) -> impl Iterator<Item = usize> + '_ {
        (0..s.len()).filter(move |&i| is_start(s, i))
    }

    fn is_start(s: &str, i: usize) -> bool {
        let c = s.as_bytes()[i];
        c.is_ascii_uppercase() || c == b'h' || c == b's' || (c.is_ascii_lowercase() && boundary_before(s, i))
    }

    /// `\s+(?:SAID)\b` at `p`.
    fn then_said(s: &str, p: usize) -> bool {
        ws1_end(s, p).is_some_and(|q| said_then(s, q, |e| boundary_at(s, e)))
    }

    /// AFTER_QUOTE: `^[\s,;]*(?:(?:SAID)\s+(?P<a>NAME)|(?P<b>NAME|PRONOUN)\s+(?:SAID)\b)`.
    pub(super) fn after_quote(s: &str) -> Option<&str> {
        let p0 = s.len() - s.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').len();
        if let Some((len, _)) = speech_word_at(s.as_bytes(), p0, Kind::Said) {
            if let Some(q) = ws1_end(s, p0 + len) {
                if let Some(end) = name(s, q, &|_| true) {
                    return Some(&s[q..end]);
                }
            }
        }
        name_or_pronoun(s, p0, &PRONOUNS, &|p| then_said(s, p))
    }

    /// BEFORE_QUOTE: `(?P<n>NAME|PRONOUN)\s+(?:SAID)(?:\s+[^“”",:;]{1,60})?\s*[,:]?\s*$`.
    pub(super) fn before_quote(s: &str) -> Option<&str> {
        let then = |p: usize| ws1_end(s, p).is_some_and(|q| said_then(s, q, |e| quote_lead_in(&s[e..])));
        starts(s).find_map(|i| name_or_pronoun(s, i, &PRONOUNS, &then))
    }

    /// `(?:\s+[^“”",:;]{1,60})?\s*[,:]?\s*$`: what may stand between a
    /// speech verb and the opening quotation mark.
    fn quote_lead_in(r: &str) -> bool {
        // The longest closing `\s*[,:]?\s*` leaves the least to the words.
        let closing = r.trim_end();
        let closing = closing.strip_suffix([',', ':']).unwrap_or(closing).trim_end();
        let words = closing.trim_start();
        if words.is_empty() {
            return true;
        }
        r.starts_with(char::is_whitespace)
            && words.chars().count() <= 60
            && !words.contains(['“', '”', '"', ',', ':', ';'])
    }

    /// The places of a sentence where its pattern's alternatives hinge.
    #[derive(Default)]
    pub(super) struct Hinges {
        /// Where a verb of SAID or CALLED stands after white space (for
        /// the first alternative), each with the end of the last character
        /// before it that no name, title or white space holds (0 when none
        /// does): a name or pronoun reaching the verb starts after it.
        verbs: Vec<(usize, usize)>,
        /// Word starts holding a verb of SAID, "according to" or "what":
        /// where the other three alternatives start.
        anchors: Vec<usize>,
    }

    /// The hinges of `s`, or `None` when `s` is not plain text (a
    /// character that a Unicode letter or word class holds). A byte loop:
    /// it reads every sentence of an article, and most of their bytes are
    /// ASCII letters that need no decoding.
    ///
    /// `heads` are places of `s` in order, among them every word start
    /// where a speech word or "what" stands (others are passed over).
    ///
    /// `known_plain` says that `s` is known to be plain text already.
    fn hinges(s: &str, heads: impl Iterator<Item = usize>, out: &mut Hinges, known_plain: bool) -> Option<()> {
        if !known_plain && !plain(s) {
            return None;
        }
        let b = s.as_bytes();
        out.verbs.clear();
        out.anchors.clear();
        // The barrier is found lazily, per verb, reading back to the
        // previous verb: sentences without verbs never pay for it.
        let (mut barrier_end, mut read_to) = (0, 0);
        for q in heads.filter(|&q| q < b.len() && boundary_before(s, q)) {
            if let Some((len, kind)) = speech_word_at(b, q, Kind::Any) {
                let after_space = s[..q].chars().next_back().is_some_and(char::is_whitespace);
                if after_space && kind != Kind::According && boundary_at(s, q + len) {
                    barrier_end = last_barrier(s, read_to, q).unwrap_or(barrier_end);
                    read_to = q;
                    out.verbs.push((q, barrier_end));
                }
                if kind != Kind::Called {
                    out.anchors.push(q);
                }
            } else if at(s, q, "what") {
                out.anchors.push(q);
            }
        }
        Some(())
    }

    /// The end of the last character of `s[from..to]` that no name, title
    /// or white space holds.
    ///
    /// Read byte by byte backwards: ASCII bytes are judged as they are, and
    /// only the lead byte of another character is decoded.
    pub(super) fn last_barrier(s: &str, from: usize, to: usize) -> Option<usize> {
        let b = s.as_bytes();
        (from..to).rev().find_map(|j| match b[j] {
            c @ 0..0x80 => (!NAME_OR_SPACE[usize::from(c)]).then_some(j + 1),
            0x80..0xC0 => None,
            _ => {
                let c = s[j..].chars().next()?;
                (c != '’' && !c.is_whitespace()).then_some(j + c.len_utf8())
            }
        })
    }

    /// The ASCII bytes a name, a title or white space holds (white space
    /// as `char::is_whitespace` has it in ASCII), as a table: read at
    /// every byte before a speech verb.
    static NAME_OR_SPACE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            table[b] = c.is_ascii_alphabetic() || matches!(c, b'\'' | b'.' | b'-' | b'\t'..=b'\r' | b' ');
            b += 1;
        }
        table
    };

    /// [`crate::ingest::ascii::is_plain`], reading only the non-ASCII
    /// characters: most of a sentence is ASCII, checked sixteen bytes at a
    /// time, and each other character is read once, at its lead byte.
    pub(super) fn plain(s: &str) -> bool {
        // Most sentences are ASCII through and through, which one call
        // finds faster than the chunks below.
        if s.is_ascii() {
            return true;
        }
        let b = s.as_bytes();
        let mut from = 0;
        for chunk in b.chunks(16) {
            let at = from;
            from += chunk.len();
            if chunk.is_ascii() {
                continue;
            }
            for (j, &c) in chunk.iter().enumerate() {
                // Lead bytes only; continuation bytes (0x80..0xC0) are skipped.
                if c >= 0xC0 && !s[at + j..].chars().next().is_some_and(crate::ingest::ascii::is_never_in_words) {
                    return false;
                }
            }
        }
        true
    }

    /// The byte ranges (inclusive) where a match may start, in order: from
    /// each verb's barrier to the verb, and each anchor. Elsewhere no
    /// alternative can start, so the search skips the rest of the sentence.
    fn windows(h: &Hinges) -> impl Iterator<Item = (usize, usize)> + '_ {
        // Both lists are already in order (a later verb's barrier is never
        // earlier), so merging them keeps the windows in order of start.
        let mut verbs = h.verbs.iter().map(|&(q, barrier_end)| (barrier_end, q)).peekable();
        let mut anchors = h.anchors.iter().map(|&q| (q, q)).peekable();
        std::iter::from_fn(move || match (verbs.peek(), anchors.peek()) {
            (Some(v), Some(a)) if a < v => anchors.next(),
            (Some(_), _) => verbs.next(),
            (None, _) => anchors.next(),
        })
    }

    /// IN_SENTENCE for plain text, as [`in_plain_sentence`] reads it with
    /// the places [`speech_starts`] finds.
    #[cfg(test)]
    pub(super) fn in_sentence(s: &str) -> Option<&str> {
        let mut starts = Vec::new();
        speech_starts(s, &mut starts);
        in_plain_sentence(s, &starts, &mut Hinges::default()).flatten()
    }

    /// IN_SENTENCE for plain text with every word start read, as the
    /// sentence reader did before [`speech_starts`] served it: the
    /// specification of the search by places.
    #[cfg(test)]
    pub(super) fn in_sentence_by_word_heads(s: &str) -> Option<Option<&str>> {
        let mut hinges = Hinges::default();
        self::hinges(s, word_heads(s.as_bytes()), &mut hinges, false)?;
        if hinges.verbs.is_empty() && hinges.anchors.is_empty() {
            return Some(None);
        }
        Some(find_in_sentence(s, &hinges))
    }

    /// Every place of `text` where a speech word of [`speech_words`] (or
    /// the first word of "according to") or "what" starts, at a word
    /// start or not, in order, in `out`.
    ///
    /// This runs once over each article, instead of a reading of every
    /// word start of every sentence: a multi-pattern search finds the few
    /// places, and a sentence without one is not read at all (see
    /// `sentence_speaker`). Matches may overlap, so each search resumes one
    /// byte after the last match's start rather than at its end.
    pub(super) fn speech_starts(text: &str, out: &mut Vec<usize>) {
        out.clear();
        let mut from = 0;
        while let Some(start) = SPEECH_SEARCH.next_start(text.as_bytes(), from) {
            out.push(start);
            from = start + 1;
        }
    }

    /// The words [`speech_starts`] looks for: the speech words and "what",
    /// and of "according to" only its first word, since markup blanked
    /// later may turn a mark between the two into the space (letters are
    /// never blanked into other letters).
    fn speech_search_words() -> impl Iterator<Item = &'static str> {
        let words = (b'a'..=b'z').flat_map(|initial| speech_words(initial).iter().map(|&(w, _)| w)).chain(["what"]);
        words.map(|w| w.split(' ').next().unwrap_or(w))
    }

    /// The searcher of [`speech_starts`]: the packed (SIMD) searcher where
    /// the processor has one, as it costs a few instructions per byte,
    /// else the general automaton.
    enum SpeechSearch {
        Packed(aho_corasick::packed::Searcher),
        General(aho_corasick::AhoCorasick),
    }

    impl SpeechSearch {
        fn new() -> SpeechSearch {
            let packed = aho_corasick::packed::Config::new()
                .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
                .builder()
                .extend(speech_search_words())
                .build();
            match packed {
                Some(searcher) => SpeechSearch::Packed(searcher),
                None => SpeechSearch::General(
                    aho_corasick::AhoCorasick::builder()
                        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                        .build(speech_search_words())
                        .expect("speech word searcher"),
                ),
            }
        }

        /// Where the first match starting at or after `from` starts.
        fn next_start(&self, text: &[u8], from: usize) -> Option<usize> {
            match self {
                SpeechSearch::Packed(s) => s.find_in(text, aho_corasick::Span::from(from..text.len())).map(|m| m.start()),
                SpeechSearch::General(s) => s.find(aho_corasick::Input::new(text).range(from..)).map(|m| m.start()),
            }
        }
    }

    static SPEECH_SEARCH: std::sync::LazyLock<SpeechSearch> = std::sync::LazyLock::new(SpeechSearch::new);

    /// IN_SENTENCE: `(?P<n>NAME|PRONOUN)\s+(?:SAID|CALLED)\b`, or
    /// `\b(?:SAID)\s+(?P<m>NAME)`, or `\baccording to\s+(?:the\s+)?(?P<o>NAME)`,
    /// or `\bwhat\s+(?P<p>NAME|he|she)\s+(?:called|described)`; `None`
    /// when `s` is not plain text, which the patterns must read.
    /// `candidates` are places of `s` in order, among them every one where
    /// a speech word or "what" starts.
    #[cfg(test)]
    pub(super) fn in_plain_sentence<'a>(s: &'a str, candidates: &[usize], hinges: &mut Hinges) -> Option<Option<&'a str>> {
        in_plain_sentence_known(s, candidates, hinges, false)
    }

    /// [`in_plain_sentence`], told whether `s` is already known to be
    /// plain text (an ASCII article's sentence is), which spares reading it
    /// to find out.
    pub(super) fn in_plain_sentence_known<'a>(
        s: &'a str,
        candidates: &[usize],
        hinges: &mut Hinges,
        known_plain: bool,
    ) -> Option<Option<&'a str>> {
        self::hinges(s, candidates.iter().copied(), hinges, known_plain)?;
        if hinges.verbs.is_empty() && hinges.anchors.is_empty() {
            return Some(None);
        }
        Some(find_in_sentence(s, hinges))
    }

    /// Where a name or pronoun reaching a verb must end: a match of the
    /// first alternative from `i` reads only name characters and white
    /// space, and every word after a name's first opens with a capital, so
    /// it cannot pass the next verb (a lower-case word after white space):
    /// it ends exactly where the white space before that verb begins. Its
    /// last word lies in the run of non-space characters ending there and
    /// opens with a capital. Most places of a speaker window fail these
    /// two tests, which spares them the full name reader (the tests check
    /// the search against the pattern; see also `speakers_by_hand`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub(super) struct NameEnd {
        /// The start of the white space before the verb.
        end: usize,
        /// Whether the run of non-space characters ending at `end` holds a
        /// capital, as a name's last word needs.
        capital: bool,
    }

    impl NameEnd {
        /// Read back from the verb byte by byte while the bytes are ASCII,
        /// as they nearly always are; a character past ASCII (which may be
        /// white space) sends the reading to [`NameEnd::before_by_chars`].
        pub(super) fn before(s: &str, verb: usize) -> NameEnd {
            Self::before_ascii(s, verb).unwrap_or_else(|| Self::before_by_chars(s, verb))
        }

        fn before_ascii(s: &str, verb: usize) -> Option<NameEnd> {
            let b = s.as_bytes();
            let is_space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
            let mut end = verb;
            while end > 0 && is_space(b[end - 1]) {
                end -= 1;
            }
            let (mut start, mut capital) = (end, false);
            while start > 0 && !is_space(b[start - 1]) {
                let c = b[start - 1];
                if !c.is_ascii() {
                    return None;
                }
                capital |= c.is_ascii_uppercase();
                start -= 1;
            }
            Some(NameEnd { end, capital })
        }

        /// The obvious reading, by `char` methods.
        pub(super) fn before_by_chars(s: &str, verb: usize) -> NameEnd {
            let end = s[..verb].trim_end().len();
            let word = &s[..end];
            let word_start = word.rfind(char::is_whitespace).map_or(0, |w| w + word[w..].chars().next().map_or(1, char::len_utf8));
            NameEnd { end, capital: word.as_bytes()[word_start..].iter().any(u8::is_ascii_uppercase) }
        }

        /// Whether a name or a pronoun starting at `i` may end at `end`: a
        /// name opens with a capital, a pronoun has two or three letters.
        fn may_start_at(self, s: &str, i: usize) -> bool {
            (self.capital && upper_at(s, i)) || matches!(self.end.checked_sub(i), Some(2 | 3))
        }
    }

    fn find_in_sentence<'a>(s: &'a str, hinges: &Hinges) -> Option<&'a str> {
        let speech = |p: usize| ws1_end(s, p).is_some_and(|q| verb_at(s, q));
        let naming = |p: usize| ws1_end(s, p).is_some_and(|q| at(s, q, "called") || at(s, q, "described"));
        let verbs = &hinges.verbs;
        let mut next_verb = 0;
        let mut ending = verbs.first().map(|&(q, _)| NameEnd::before(s, q));
        let mut try_at = |i: usize| {
            // A name or pronoun reaches the next verb only over name
            // characters and white space; past a barrier, or with no verb
            // ahead, the first alternative cannot match here.
            if verbs.get(next_verb).is_some_and(|&(q, _)| q <= i) {
                while verbs.get(next_verb).is_some_and(|&(q, _)| q <= i) {
                    next_verb += 1;
                }
                ending = verbs.get(next_verb).map(|&(q, _)| NameEnd::before(s, q));
            }
            let reachable = verbs.get(next_verb).is_some_and(|&(_, barrier_end)| barrier_end <= i);
            let may_end = ending.is_some_and(|e| e.may_start_at(s, i));
            if let Some(found) = (reachable && may_end).then(|| name_or_pronoun(s, i, &PRONOUNS, &speech)).flatten() {
                return Some(found);
            }
            if !boundary_before(s, i) {
                return None;
            }
            if let Some((len, _)) = speech_word_at(s.as_bytes(), i, Kind::Said) {
                if let Some(end) = ws1_end(s, i + len).and_then(|q| name(s, q, &|_| true).map(|e| (q, e))) {
                    return Some(&s[end.0..end.1]);
                }
            }
            if at(s, i, "according to") {
                if let Some(q) = ws1_end(s, i + "according to".len()) {
                    let after_the = at(s, q, "the").then(|| ws1_end(s, q + 3)).flatten();
                    if let Some((from, end)) = after_the.and_then(|r| name(s, r, &|_| true).map(|e| (r, e))) {
                        return Some(&s[from..end]);
                    }
                    if let Some(end) = name(s, q, &|_| true) {
                        return Some(&s[q..end]);
                    }
                }
            }
            if at(s, i, "what") {
                if let Some(q) = ws1_end(s, i + 4) {
                    return name_or_pronoun(s, q, &["he", "she"], &naming);
                }
            }
            None
        };
        // Leftmost first: the first start, in text order, that matches.
        // Only the places that may open a match are tried (see
        // [`may_open_match`]); `try_at` keeps its state by position, so
        // the places passed over change nothing.
        let b = s.as_bytes();
        let mut next = 0;
        let mut anchors = hinges.anchors.iter().copied().peekable();
        for (lo, hi) in windows(hinges) {
            let mut i = lo.max(next);
            while i <= hi {
                while anchors.next_if(|&a| a < i).is_some() {}
                // The bytes before the next anchor that may open a name or
                // pronoun are found by a plain loop over a table.
                let anchor = anchors.peek().copied().filter(|&a| a <= hi);
                let until = anchor.unwrap_or(hi + 1);
                i += b[i..until].iter().position(|&c| NAME_OR_PRONOUN_BYTE[usize::from(c)]).unwrap_or(until - i);
                if i > hi {
                    break;
                }
                if (Some(i) == anchor || may_open_match(b, i)) && is_start(s, i) {
                    if let Some(found) = try_at(i) {
                        return Some(found);
                    }
                }
                i += 1;
            }
            next = next.max(hi + 1);
        }
        None
    }

    /// The first bytes [`may_open_match`] may accept: capitals, "h", "s".
    static NAME_OR_PRONOUN_BYTE: [bool; 256] = {
        let mut table = [false; 256];
        let mut c = 0;
        while c < 256 {
            table[c] = matches!(c as u8, b'A'..=b'Z' | b'h' | b's');
            c += 1;
        }
        table
    };

    /// Whether a name or a pronoun, as the first alternative reads them,
    /// may start at `i`: a capital, "he" or "she". Every other match
    /// starts at an anchor (a word start holding a verb of SAID,
    /// "according to" or "what"), so elsewhere `try_at` finds nothing,
    /// and most bytes of a speaker window (lower-case letters) are passed
    /// over on one or two comparisons.
    fn may_open_match(b: &[u8], i: usize) -> bool {
        match b.get(i) {
            Some(c) if c.is_ascii_uppercase() => true,
            Some(b'h') => b.get(i + 1) == Some(&b'e'),
            Some(b's') => b.get(i + 1..i + 3) == Some(b"he"),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::from_text("a", "a.txt", text.to_string(), vec![])
    }

    fn sentences(text: &str) -> Vec<String> {
        let a = article(text);
        segment(&a).sentences.iter().map(|s| a.text[s.span.start..s.span.end].to_string()).collect()
    }

    #[test]
    fn an_overlong_run_is_cut_at_clause_breaks() {
        let clause = "12 people were hurt in the north district";
        let run = vec![clause; 200].join(", ") + ".";
        let pieces = sentences(&format!("{run} The storm passed.\n"));
        let (last, cut) = pieces.split_last().unwrap();
        assert_eq!(last, "The storm passed.");
        assert!(cut.len() > 3, "{}", cut.len());
        for piece in cut {
            assert!(piece.len() <= MAX_SENTENCE_BYTES, "{}", piece.len());
            assert!(piece.starts_with("12 people"), "{piece}");
        }
        assert!(cut[..cut.len() - 1].iter().all(|p| p.ends_with("district,")));
        // Nothing is lost: the pieces are the run, in order.
        assert_eq!(cut.join(" "), run);
    }

    #[test]
    fn an_overlong_run_without_breaks_is_cut_between_characters() {
        let run = "é".repeat(3 * MAX_SENTENCE_BYTES);
        let pieces = sentences(&run);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(pieces.concat(), run);
    }

    #[test]
    fn ordinary_sentences_are_not_cut() {
        let long = format!("{}.", vec!["officials said more homes flooded"; 50].join(", "));
        assert!(long.len() < MAX_SENTENCE_BYTES);
        assert_eq!(sentences(&long), vec![long]);
    }

    #[test]
    fn speaker_patterns_agree_in_both_builds() {
        let texts = [
            "Kim said the talks would resume.",
            "“We will win,” said Mr. Kim Jong Un, smiling.",
            ", Dr. Ames told reporters",
            "The minister, according to the Foreign Ministry, refused.",
            "He said on Tuesday that 42 homes flooded",
            "what Gen. Oduya called a “turning point”",
            "Residents — about 4,000 of them — told The Valley Press they had left…",
            "Ms. O’Brien warned €3 million was missing",
            "Lee Jae-myung says, ",
            "she added that “nothing” had changed",
            "Nobody spoke.",
        ];
        for t in texts {
            assert!(crate::ingest::ascii::is_plain(t), "{t}");
            for p in [&*AFTER_QUOTE, &*BEFORE_QUOTE, &*IN_SENTENCE] {
                let unicode = Regex::new(p.source()).unwrap();
                let ascii = Regex::new(&crate::ingest::ascii::ascii_build(p.source())).unwrap();
                let spans = |re: &Regex| {
                    re.captures(t).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect::<Vec<_>>())
                };
                assert_eq!(spans(&ascii), spans(&unicode), "{t} / {}", p.source());
            }
        }
    }

    #[test]
    fn sentence_boundaries() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr. Lee spoke. Nine people left.", &["Mr. Lee spoke.", "Nine people left."]),
            ("Dr. Ames and Gen. Oduya met Lt. Park. They left.", &["Dr. Ames and Gen. Oduya met Lt. Park.", "They left."]),
            ("Sen. Ruiz, Rep. Cole and Gov. Hart agreed. Talks end.", &["Sen. Ruiz, Rep. Cole and Gov. Hart agreed.", "Talks end."]),
            ("The U.S. Army and the U.N. agreed. The U.K. did not.", &["The U.S. Army and the U.N. agreed.", "The U.K. did not."]),
            ("Aid reached the U.S. The ships left.", &["Aid reached the U.S.", "The ships left."]),
            ("It ranked No. 4 in the poll. Then it fell.", &["It ranked No. 4 in the poll.", "Then it fell."]),
            ("She lives on Main St. near the port. It flooded.", &["She lives on Main St. near the port.", "It flooded."]),
            ("Talks began Dec. 3 and ended Jan. 9. Nobody won.", &["Talks began Dec. 3 and ended Jan. 9.", "Nobody won."]),
            ("J. R. R. Tolkien wrote it. George W. Bush read it.", &["J. R. R. Tolkien wrote it.", "George W. Bush read it."]),
            ("Prices rose 1.5 percent. Rents fell 0.3 percent.", &["Prices rose 1.5 percent.", "Rents fell 0.3 percent."]),
            ("The vote was at 9 p.m. on Friday. It passed.", &["The vote was at 9 p.m. on Friday.", "It passed."]),
            ("He called it \"a disgrace.\" The crowd cheered.", &["He called it \"a disgrace.\"", "The crowd cheered."]),
            ("She called it “a triumph.” Nobody agreed.", &["She called it “a triumph.”", "Nobody agreed."]),
            ("“Why now?” he asked. Nobody knew.", &["“Why now?” he asked.", "Nobody knew."]),
            ("The fighting — fierce and long — ended. Crews moved in.", &["The fighting — fierce and long — ended.", "Crews moved in."]),
            ("Then silence... and a crash. Later... Nothing.", &["Then silence... and a crash.", "Later...", "Nothing."]),
            ("Stop! Look at this? Yes.", &["Stop!", "Look at this?", "Yes."]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), *want, "{text}");
        }
    }

    #[test]
    fn headlines_and_paragraph_lines_stand_alone() {
        let text = "Floods Close Valley Schools\n\nWaters rose on Tuesday. Crews worked all night.\nThe mayor spoke at noon.\n";
        assert_eq!(sentences(text), vec!["Floods Close Valley Schools", "Waters rose on Tuesday.", "Crews worked all night.", "The mayor spoke at noon."]);
        let a = article(text);
        assert_eq!(segment(&a).paragraphs.len(), 3);
    }

    #[test]
    fn a_headline_right_above_the_body_stays_apart() {
        let text = "Flood waters force families from riverside homes\nWaters rose on Tuesday and crews worked all night.\n";
        assert_eq!(sentences(text), vec!["Flood waters force families from riverside homes", "Waters rose on Tuesday and crews worked all night."]);
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text = "Flood waters rose across the valley on\nTuesday as the river broke its banks, and\ncrews worked all night.\n";
        let a = article(text);
        let s = segment(&a);
        assert_eq!(s.paragraphs.len(), 1);
        assert_eq!(s.sentences.len(), 1);
    }

    #[test]
    fn markdown_markup_is_skipped() {
        let text = "# Valley floods\n\n> Crews worked **all night**.\n\n- 42 homes were [evacuated](https://example.com/2025/12/13/story-9.html) on Tuesday.\n\n---\n";
        let a = article(text);
        let segs = segment(&a);
        let texts: Vec<String> = segs.sentences.iter().map(|s| s.text(&a.text).split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(texts, vec!["Valley floods", "Crews worked all night .", "42 homes were evacuated on Tuesday."]);
        // Positions still index the file as written.
        let third = &segs.sentences[2];
        assert_eq!(&a.text[third.span.start..third.span.start + 2], "42");
        assert_eq!(third.text(&a.text).len(), third.span.len());
    }

    #[test]
    fn bare_urls_do_not_end_sentences() {
        let text = "See www.example.org/a.b/2025 for details. Then 3 people left.";
        assert_eq!(sentences(text).len(), 2);
    }

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let a = article(text);
        segment(&a)
            .sentences
            .iter()
            .flat_map(|s| s.quotes.iter().map(|q| (a.text[q.span.start..q.span.end].to_string(), q.speaker.clone())))
            .collect()
    }

    #[test]
    fn quotes_and_speakers() {
        type Found = Vec<(String, Option<String>)>;
        let q = |w: &str, s: Option<&str>| (w.to_string(), s.map(str::to_string));
        let cases: Vec<(&str, Found)> = vec![
            ("“We rebuilt the bridge in nine days,” Mr. Osei said.", vec![q("We rebuilt the bridge in nine days", Some("Mr. Osei"))]),
            ("“The river is falling,” said Amara Diallo.", vec![q("The river is falling", Some("Amara Diallo"))]),
            ("Osei said: “Nobody was hurt.”", vec![q("Nobody was hurt.", Some("Osei"))]),
            ("Osei told the crews, \"Go home and rest.\"", vec![q("Go home and rest.", Some("Osei"))]),
            ("The dam was “stable,” according to Northland Water.", vec![q("stable", Some("Northland Water"))]),
            // Markup blanked between the words still makes "according to".
            ("The dam was “stable,” according*to Northland Water.", vec![q("stable", Some("Northland Water"))]),
            ("The dam was “stable,” according`to Northland Water.", vec![q("stable", Some("Northland Water"))]),
            ("The dam was “stable,” accord*ing to Northland Water.", vec![q("stable", None)]),
            ("The mayor praised what she called ‘quiet heroes’ on Friday.", vec![q("quiet heroes", None)]),
            (
                "Mayor Osei said the dam held. “We were lucky,” he said. “Next time we may not be.”",
                vec![q("We were lucky", Some("Mayor Osei")), q("Next time we may not be.", Some("Mayor Osei"))],
            ),
            ("Korea’s rivers rose. Nobody spoke.", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text}");
        }
    }

    #[test]
    fn excluded_lines_are_skipped() {
        let text = "Waters rose on Tuesday, officials said.\nCrews worked all night.\nThe mayor spoke at noon.\nLeave a comment\n";
        let got = sentences(text);
        assert_eq!(got.len(), 3);
        assert!(!got.iter().any(|s| s.contains("comment")));
    }

    #[test]
    fn five_megabytes_in_one_pass() {
        // One long line and many short ones, with quotes and abbreviations.
        let unit = "Mr. Osei said 42 homes were hit. “We are tired,” he said. Aid came from the U.N. on Friday. ";
        let mut text = unit.repeat(1_000_000 / unit.len());
        text.push('\n');
        while text.len() < 5_000_000 {
            text.push_str("Crews cleared 3 roads near St. Mary’s. The river fell 1.5 metres.\n\n");
        }
        let a = article(&text);
        let s = segment(&a);
        assert!(s.sentences.len() > 100_000);
        let last = s.sentences.last().map(|s| s.span.start).unwrap_or(0);
        assert!(a.line_col(last).0 > 1);
    }
}

/// The hand-written speaker readers against the patterns they stand for.
#[cfg(test)]
mod speakers_by_hand {
    use super::*;
    use proptest::prelude::*;

    fn group<'h>(c: Option<regex::Captures<'h>>, names: &[&str]) -> Option<&'h str> {
        let c = c?;
        names.iter().find_map(|n| c.name(n)).map(|m| m.as_str())
    }

    fn agree(text: &str) {
        assert!(crate::ingest::ascii::is_plain(text));
        assert_eq!(by_hand::after_quote(text), group(AFTER_QUOTE.captures(text), &["a", "b"]), "after: {text:?}");
        assert_eq!(by_hand::before_quote(text), group(BEFORE_QUOTE.captures(text), &["n"]), "before: {text:?}");
        assert_eq!(by_hand::in_sentence(text), group(IN_SENTENCE.captures(text), &["n", "m", "o", "p"]), "in: {text:?}");
        assert_eq!(Some(by_hand::in_sentence(text)), by_hand::in_sentence_by_word_heads(text), "in by word heads: {text:?}");
    }

    #[test]
    fn word_lists_are_the_patterns_own() {
        assert_eq!(by_hand::SAID, SAID.split('|').collect::<Vec<_>>());
        assert_eq!(by_hand::CALLED, CALLED.split('|').collect::<Vec<_>>());
        assert!(NAME.starts_with(&format!(r"(?:(?:{})\.?\s+)?", by_hand::TITLES.join("|"))));
    }

    #[test]
    fn titles_by_initial_are_the_list_in_order() {
        for initial in 0..=255u8 {
            let expected: Vec<&str> = by_hand::TITLES.iter().copied().filter(|t| t.as_bytes()[0] == initial).collect();
            assert_eq!(by_hand::titles_with(initial), expected.as_slice(), "{}", initial as char);
        }
    }

    #[test]
    fn speech_words_by_initial_are_the_lists_words() {
        use by_hand::Kind;
        let table: Vec<(&str, Kind)> = (0..=u8::MAX).flat_map(|b| by_hand::speech_words(b).iter().copied()).collect();
        for (w, kind) in &table {
            assert_eq!(by_hand::speech_words(w.as_bytes()[0]).iter().filter(|(x, _)| x == w).count(), 1, "{w}");
            let want = if by_hand::SAID.contains(w) {
                Kind::Said
            } else if by_hand::CALLED.contains(w) {
                Kind::Called
            } else {
                Kind::According
            };
            assert_eq!(*kind, want, "{w}");
        }
        let mut listed: Vec<&str> = table.iter().map(|(w, _)| *w).collect();
        let mut words: Vec<&str> = SAID.split('|').chain(CALLED.split('|')).chain(["according to"]).collect();
        listed.sort_unstable();
        words.sort_unstable();
        words.dedup();
        assert_eq!(listed, words);
        // No word opens another: at most one stands at any place. And each
        // has the four bytes the first comparison takes.
        for (a, _) in &table {
            assert!(a.len() >= 4, "{a}");
            assert!(table.iter().all(|(b, _)| a == b || !b.starts_with(a)), "{a}");
        }
    }

    #[test]
    fn table_of_attributions() {
        let texts = [
            "Kim said the talks would resume.", ", said Mr. Kim Jong Un, smiling.", ", Dr. Ames told reporters", " he said.",
            "The minister, according to the Foreign Ministry, refused.", "according to The Times", "He said on Tuesday",
            "what Gen. Oduya called a", "what she described as", "Ms. O’Brien warned", "Lee Jae-myung says, ", "she added that",
            "Nobody spoke.", "Mrs. Lee said:", "Mr.Kim said", "J. R. Tolkien said", "Kim Jong Un Said said", "the said", "ashe said",
            "Officials said 42 homes flooded", "said Kim", "said the mayor", "  ;, told Lt. Park", "Kim saidx", "Kim said  ,  ",
            "Kim told the assembled crowd of reporters and officials outside the building on Friday morning that",
            "Kim said, “", "Kim urged", "Kim saying", "President Lee Jae Myung Kim said", "A B C D E said", "Sen. Ruiz said:",
            "according to  the\u{a0}Valley Press", "what He called", "U.S. officials said", "Dr. said", "Dr said", "", "said",
            "theKim said", "xhe said", "the\u{2009}said", "she\u{a0} said", "kim Said said", "Mr. kim said", "J.r said",
            "A.B said", "Kim O’Brien-Lee said", "officials at Kim's said", "oKIm said", "Kim he said", "Kim - said",
            "Kim said he told", "Kim, he said he told", "Kim Jong-un of the North said",
        ];
        for t in texts {
            agree(t);
        }
    }

    fn speechy() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("Kim"), Just("Jong"), Just("Un"), Just("Mr"), Just("Mrs"), Just("Dr"), Just("."), Just("J"), Just("O’Brien"),
                Just("Lee-Park"), Just("said"), Just("says"), Just("told"), Just("he"), Just("He"), Just("she"), Just("the"),
                Just("The"), Just("according to"), Just("what"), Just("called"), Just("described"), Just("saying"), Just("urged"),
                Just(","), Just(":"), Just(";"), Just("“"), Just("”"), Just("\""), Just(" "), Just(" "), Just(" "), Just("  "),
                Just("\u{a0}"), Just("reporters"), Just("x"), Just("12"), Just("Said"), Just("U.S."), Just("'"), Just("-"), Just("—"),
                Just("a"), Just("SEOUL"), Just("\u{2009}"), Just("\n"), Just("kim"), Just("oKIm"),
            ],
            0..14,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn readers_agree_with_the_patterns(text in speechy()) {
            agree(&text);
        }
    }
}

/// The hand-written line tests against the expressions they replace.
#[cfg(test)]
mod line_shapes {
    use super::*;
    use proptest::prelude::*;

    static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(RULE_LINE).unwrap());

    fn agree(line: &str) {
        assert_eq!(is_rule_line(line), RULE.is_match(line), "rule: {line:?}");
        let trimmed = line.trim_start();
        assert_eq!(list_marker_end(trimmed), LIST_MARKER.find(trimmed).map(|m| m.end()), "list: {line:?}");
    }

    #[test]
    fn rules_and_list_markers_as_the_expressions_find_them() {
        let lines = [
            "---", "***", "___", "- - -", " * * * ", "   ---", "    ---", "     ---", "--", "-- -", "==", "=", "== x", "= =",
            "[1]: https://example.com", "[a]:x", "[]: x", "[a]:   ", "[a] : x", "[a]b]: x", "[[a]: x", "|---|---|", "| :---: | ---: |",
            "---|---", "|---", "---|", "|---|", "| --- | -- |", "|", "||", "| --- || --- |", "\u{a0}\u{a0}\u{a0}\u{a0}---",
            "\t---", "- item", "* item", "+ item", "• item", "1. item", "12) item", "123. item", "1234. item", "1.item", "-item",
            "1.", "1. ", "٣. item", "1٣. item", "a. item", "—", "", "   ", "Officials said 42 homes flooded.",
            "* * * and more", "-\u{2003}-\u{2003}-", "_ _ _ _", "===  ", "[x]: y z", ":---:", "| :--: |", "| ---: |  x",
        ];
        for line in lines {
            agree(line);
        }
    }

    fn liney() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("-"), Just("*"), Just("_"), Just("="), Just("["), Just("]"), Just(":"), Just("|"), Just(" "), Just("\t"),
                Just("\u{a0}"), Just("a"), Just("1"), Just("."), Just(")"), Just("•"), Just("٣"), Just("+"), Just("---"),
            ],
            0..14,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn hand_written_line_tests_agree(line in liney()) {
            agree(&line);
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the characters that steer ingest and segmentation.
    fn texty() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("."), Just("!"), Just("?"), Just("…"), Just("\""), Just("“"), Just("”"), Just("‘"), Just("’"),
                Just("'"), Just("\n"), Just("\r\n"), Just("\n\n\n"), Just(" "), Just("# "), Just("> "), Just("- "),
                Just("["), Just("]("), Just(")"), Just("**"), Just("http://x.y/1.2"), Just("Mr."), Just("U.S."),
                Just("said"), Just("Kim"), Just(" he said"), Just("é"), Just("😀"), Just("9"), Just("5 Comments"),
                Just("Photo: Agency"), Just("Leave a comment"), Just("By Ann Lee, Reuters"), Just("SEOUL —"),
                Just("December 13, 2025"), Just("i think"), Just("??"), Just("\u{FFFD}"), Just("\t"),
            ],
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_stay_in_bounds(text in texty()) {
            let a = Article::from_text("p", "p.txt", text, vec![]);
            let s = segment(&a);
            let mut last = 0;
            for sentence in &s.sentences {
                prop_assert!(sentence.span.start >= last && sentence.span.end <= a.text.len());
                prop_assert!(a.text.is_char_boundary(sentence.span.start) && a.text.is_char_boundary(sentence.span.end));
                prop_assert_eq!(sentence.text(&a.text).len(), sentence.span.len());
                for q in &sentence.quotes {
                    prop_assert!(sentence.span.contains(q.span));
                }
                prop_assert!(!a.is_excluded(sentence.span.start));
                last = sentence.span.end;
                let (line, column) = a.line_col(sentence.span.start);
                prop_assert!(line >= 1 && line <= a.line_count() && column >= 1);
            }
            for e in &a.excluded {
                prop_assert!(e.start_line <= e.end_line && e.end_line <= a.line_count());
            }
            for pair in a.excluded.windows(2) {
                prop_assert!(pair[0].span.end <= pair[1].span.start, "regions overlap: {:?}", pair);
            }
        }

        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            if let Ok(a) = Article::from_bytes("p", "p.txt", &bytes) {
                let _ = segment(&a);
                prop_assert!(a.line_col(a.text.len()).0 <= a.line_count());
            }
        }
    }
}

/// The byte-search and word-at-a-time paths against the obvious forms
/// they replace, kept here as their specification.
#[cfg(test)]
mod fast_paths {
    use super::*;
    use proptest::prelude::*;

    /// Sentence ends found by walking every character.
    fn split_sentences_by_chars(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut dots = usize::from(c == '.');
            while let Some(&(j, d)) = chars.peek() {
                if matches!(d, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '»') {
                    dots += usize::from(d == '.');
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let Some(next) = text[end..].chars().next() else { break };
            if !next.is_whitespace() {
                continue;
            }
            let rest = text[end..].trim_start();
            let Some(first) = rest.chars().next() else { break };
            if first.is_lowercase() || ",;:)—–-".contains(first) {
                continue;
            }
            let single_full_stop = c == '.' && dots == 1 && text[i + 1..end].chars().all(|d| !matches!(d, '.' | '!' | '?'));
            if single_full_stop && is_abbreviation_by_string(&text[start..i], rest) {
                continue;
            }
            push_trimmed(&mut spans, text, start, end);
            start = text.len() - rest.len();
        }
        push_trimmed(&mut spans, text, start, text.len());
        if spans.iter().any(|s| s.end - s.start > MAX_SENTENCE_BYTES) {
            spans = spans.into_iter().flat_map(|s| cap_length(text, s)).collect();
        }
        spans
    }

    /// The abbreviation test with the word lowered into a new string.
    fn is_abbreviation_by_string(before: &str, after: &str) -> bool {
        let word = before.rsplit(|c: char| c.is_whitespace() || "(“\"‘'[—–".contains(c)).next().unwrap_or("");
        let lower = word.to_lowercase();
        let next_word = after.split(|c: char| c.is_whitespace() || ",;:".contains(c)).next().unwrap_or("");
        let next_opens = OPENERS.contains(&next_word.trim_start_matches(['“', '"', '‘', '\'']));
        let next_number = next_word.starts_with(|c: char| c.is_ascii_digit());
        if word.is_empty() {
            return false;
        }
        if TITLES.contains(&lower.as_str()) {
            return true;
        }
        if MONTHS.contains(&lower.as_str()) || lower == "no" {
            return next_number;
        }
        if AMBIGUOUS.contains(&lower.as_str()) {
            return !next_opens;
        }
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            return true;
        }
        if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
            return !next_opens;
        }
        false
    }

    /// Quotations found by walking every character.
    fn find_quotes_by_chars(text: &str) -> Vec<(Span, Span)> {
        let mut out = Vec::new();
        let mut open: Option<(usize, char)> = None;
        let mut prev = ' ';
        for (i, c) in text.char_indices() {
            match (open, c) {
                (None, '“') => open = Some((i, c)),
                (None, '"') if !prev.is_alphanumeric() => open = Some((i, c)),
                (None, '‘') if !prev.is_alphanumeric() => open = Some((i, c)),
                (Some((at, '“')), '”') | (Some((at, '"')), '"') => {
                    push_quote(&mut out, text, at, i, i + c.len_utf8());
                    open = None;
                }
                (Some((at, '‘')), '’') => {
                    let next = text[i + c.len_utf8()..].chars().next();
                    if !next.is_some_and(char::is_alphanumeric) {
                        push_quote(&mut out, text, at, i, i + c.len_utf8());
                        open = None;
                    }
                }
                _ => {}
            }
            prev = c;
        }
        if let Some((at, mark)) = open {
            if mark != '‘' {
                push_quote(&mut out, text, at, text.len(), text.len());
            }
        }
        out.iter().map(|q| (q.outer, q.inner)).collect()
    }

    fn clean_name_by_vec(found: &str) -> Option<String> {
        let mut words: Vec<&str> = found.split_whitespace().collect();
        while words.first().is_some_and(|w| NOT_NAMES.contains(w)) {
            words.remove(0);
        }
        let name = words.join(" ");
        let name = name.trim_end_matches(['.', ',']).to_string();
        (!name.is_empty() && name.chars().any(char::is_uppercase)).then_some(name)
    }

    /// Word starts whose four bytes may open a speech word, byte by byte.
    fn word_starts(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
        (0..b.len()).filter(|&q| b[q].is_ascii_lowercase() && (q == 0 || !(b[q - 1].is_ascii_alphanumeric() || b[q - 1] == b'_')))
    }

    fn word_heads_by_bytes(b: &[u8]) -> Vec<usize> {
        word_starts(b)
            .filter(|&q| q + 4 <= b.len())
            .filter(|&q| {
                let four = &b[q..q + 4];
                (b'a'..=b'z').flat_map(by_hand::speech_words).any(|(w, _)| w.as_bytes().starts_with(four)) || four == b"what"
            })
            .collect()
    }

    /// The end of the last character of `s[from..to]` that is neither a
    /// name character nor white space, character by character.
    fn last_barrier_by_chars(s: &str, from: usize, to: usize) -> Option<usize> {
        let (i, c) = s[from..to].char_indices().rev().find(|&(_, c)| {
            let name_char = c.is_ascii_alphabetic() || matches!(c, '\'' | '’' | '.' | '-');
            !name_char && !c.is_whitespace()
        })?;
        Some(from + i + c.len_utf8())
    }

    fn agree(text: &str) {
        assert_eq!(split_sentences(text), split_sentences_by_chars(text), "sentences: {text:?}");
        for (from, _) in text.char_indices().step_by(3).chain([(text.len(), ' ')]) {
            assert_eq!(by_hand::last_barrier(text, from, text.len()), last_barrier_by_chars(text, from, text.len()), "barrier: {text:?} {from}");
        }
        // The flag that spares the "…" search is what a search for one says,
        // and searching regardless changes nothing.
        assert_eq!(find_quotes_and_ellipsis(text).1, text.contains('…'), "ellipsis: {text:?}");
        let mut always = Vec::new();
        split_sentences_into(text, true, &mut always);
        assert_eq!(split_sentences(text), always, "sentences with the ellipsis search: {text:?}");
        let quotes: Vec<(Span, Span)> = find_quotes(text).iter().map(|q| (q.outer, q.inner)).collect();
        assert_eq!(quotes, find_quotes_by_chars(text), "quotes: {text:?}");
        assert_eq!(clean_name(text), clean_name_by_vec(text), "name: {text:?}");
        // Every word start with a speech word's first four bytes is found,
        // and nothing but word starts, in order.
        let b = text.as_bytes();
        let found: Vec<usize> = by_hand::word_heads(b).collect();
        let starts: Vec<usize> = word_starts(b).collect();
        assert!(word_heads_by_bytes(b).iter().all(|q| found.contains(q)), "word heads: {text:?}");
        assert!(found.iter().all(|q| starts.contains(q)) && found.is_sorted(), "word heads: {text:?}");
        assert_eq!(has_url_start(b), text.contains("://") || text.contains("www.") || text.contains("WWW."), "url: {text:?}");
        screen_agrees(text);
        lines_agree(text);
        let words = text.split(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘' | '\'' | '[' | '—' | '–'));
        for word in words.chain([text]) {
            assert_eq!(listed(word.to_lowercase().as_bytes()), listed_by_lists(&word.to_lowercase()), "listed: {word:?}");
        }
        assert_eq!(by_hand::plain(text), crate::ingest::ascii::is_plain(text), "plain: {text:?}");
        assert_eq!(trimmed_bounds(text), (text.len() - text.trim_start().len(), text.trim().len()), "trim: {text:?}");
        for (verb, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(by_hand::NameEnd::before(text, verb), by_hand::NameEnd::before_by_chars(text, verb), "name end: {text:?} {verb}");
        }
        // The places the article search finds include every word start
        // holding a speech word, and the sentence reader given them reads
        // as it did over every word start.
        let mut places = Vec::new();
        by_hand::speech_starts(text, &mut places);
        assert!(places.is_sorted() && places.windows(2).all(|w| w[0] < w[1]), "places: {text:?}");
        let by_heads = by_hand::in_sentence_by_word_heads(text);
        let by_places = by_hand::in_plain_sentence(text, &places, &mut by_hand::Hinges::default());
        assert_eq!(by_places, by_heads, "speaker: {text:?}");
    }

    /// The list that holds a lowered word, by searching the lists.
    fn listed_by_lists(lower: &str) -> Option<Listed> {
        if TITLES.contains(&lower) {
            Some(Listed::Title)
        } else if MONTHS.contains(&lower) {
            Some(Listed::Month)
        } else if lower == "no" {
            Some(Listed::No)
        } else {
            AMBIGUOUS.contains(&lower).then_some(Listed::Ambiguous)
        }
    }

    /// What one search of the whole text finds, read over any paragraph,
    /// is what searching the paragraph itself finds; and the quotations
    /// found at the screen's places in a paragraph with markup blanked are
    /// those a search of that text finds.
    fn screen_agrees(text: &str) {
        let screen = Screen::of(text);
        assert_eq!(screen.ascii, text.is_ascii());
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (k, &from) in bounds.iter().enumerate().step_by(2) {
            for &to in bounds[k..].iter().step_by(3) {
                let span = Span::new(from, to);
                let piece = &text[from..to];
                let present = screen.markup_in(text, span);
                assert_eq!(present, present_in(piece), "markup: {text:?} {from}..{to}");
                let masked = blank(piece, &inline_markup(piece, Vec::new(), present));
                let places = Screen::within(&screen.quote_marks, span).iter().map(|&p| p - from);
                let (at, at_ellipsis) = find_quotes_and_ellipsis_at(&masked, places);
                let (searched, ellipsis) = find_quotes_and_ellipsis(&masked);
                let spans = |q: &[Quoted]| q.iter().map(|q| (q.outer, q.inner)).collect::<Vec<_>>();
                assert_eq!((spans(&at), at_ellipsis), (spans(&searched), ellipsis), "quotes: {text:?} {from}..{to}");
            }
        }
    }

    /// The included lines found by searching for every line ending and
    /// classifying each line by all its markers.
    fn text_lines_by_search(article: &Article) -> Vec<Option<TextLine>> {
        let mut out = Vec::new();
        let mut in_code = false;
        let text = &article.text;
        let mut start = 0;
        for raw in text.split_inclusive('\n') {
            let line_start = start;
            start += raw.len();
            let body = raw.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() || article.is_excluded(line_start) {
                out.push(None);
                continue;
            }
            let (prefix, kind) = classify_by_markers(body, &mut in_code);
            let content_end = body.trim_end().len();
            out.push((kind != LineKind::Skip && prefix < content_end).then(|| TextLine {
                line: Span::new(line_start, line_start + body.len()),
                content: Span::new(line_start + prefix, line_start + content_end),
                kind,
            }));
        }
        out
    }

    fn lines_agree(text: &str) {
        for text in [text.to_string(), text.replace(' ', "\n"), text.replace('.', ".\r\r\n"), format!("```\n{text}\n```\n{text}\n\n")] {
            let a = Article::from_text("a", "a.txt", text.clone(), vec![]);
            assert_eq!(text_lines(&a), text_lines_by_search(&a), "lines: {text:?}");
        }
    }

    #[test]
    fn not_names_by_match_are_the_list() {
        for word in NOT_NAMES {
            assert!(is_not_name(word), "{word}");
            assert!(!is_not_name(&word.to_lowercase()) && !is_not_name(&format!("{word}s")), "{word}");
        }
        for word in ["", "Kim", "the", "THE", "Mr", "Official"] {
            assert_eq!(is_not_name(word), NOT_NAMES.contains(&word), "{word}");
        }
    }

    #[test]
    fn listed_words_are_the_lists_words() {
        for list in [TITLES, MONTHS, AMBIGUOUS] {
            for word in list {
                // Lowered into an eight-byte buffer, or found by no list.
                assert!(word.len() <= 8, "{word}");
                assert_eq!(listed(word.as_bytes()), listed_by_lists(word), "{word}");
                assert_eq!(listed(word.to_uppercase().as_bytes()), None, "{word}");
            }
        }
        for word in ["", "m", "mrs.", "january", "noo", "n", "incorporated", "e.g.", "ie"] {
            assert_eq!(listed(word.as_bytes()), listed_by_lists(word), "{word}");
        }
    }

    #[test]
    fn trimming_by_bytes_is_trimming_by_chars() {
        let pieces = [
            "", " ", "\u{b}\u{c}", "a", " a ", "\t a b \r\n", "\u{a0}a\u{a0}", " \u{2009}x", "x\u{3000} ", "é", " é ", "\u{85}",
            "  \u{85}", "a\u{1c}", "\u{1c}a ",
        ];
        for piece in pieces {
            let trimmed = piece.trim();
            let lead = piece.len() - piece.trim_start().len();
            assert_eq!(trimmed_bounds(piece), (lead, trimmed.len()), "{piece:?}");
        }
    }

    #[test]
    fn table_of_texts() {
        let texts = [
            "", "Mr. Lee spoke. Nine people left.", "It ranked No. 4. Then it fell.", "The U.S. Army left. The U.N. stayed.",
            "He called it \"a disgrace.\" The crowd cheered.", "“Why now?” he asked. Nobody knew.", "Then silence... and a crash.",
            "Korea’s rivers rose. ‘Quiet heroes’ helped.", "Straße. Die Leute gingen.", "The İstanbul Corp. The end.",
            "A\u{212A}elvin. Next.", "see www.x.org and WWW.Y.ORG or http://z", "Www.example.com", "wsaid said_ (said) “said”",
            "Kim said, Officials said. what he called", "é said", "abcdefgh said", "1234567said according to the Times",
            "Dr.  Ames   said.,", "The Officials Said", "Mr. Kim Jong Un.,", "\u{a0}said\u{2003}what", "saidsaid",
            "O’Brien\t\u{b}\u{c}\r\u{85}\u{2028} said", "x\u{1c}Kim-Lee's", "5 Kim", "€ Kim", "Kim —", "a\u{3000}b",
            "see [the **report**](http://x.y/a.b) and <b>www.z.org</b> or `code` and a\\_b", "“quoted [link](u)” “x”…",
            "http://a.b://www.WWW.", "Dr. Smith met Gen. Lee on Jan. 5. The Corp. It was the Supercalifragilistic. Then.",
        ];
        for t in texts {
            agree(t);
        }
        assert_eq!(by_hand::word_heads(b"said what according to").collect::<Vec<_>>(), vec![0, 5, 10]);
        // Overlapping places are all found: a word start inside a longer
        // match that does not start a word.
        let mut places = Vec::new();
        by_hand::speech_starts("xsaidsays told. somewhat", &mut places);
        assert_eq!(places, vec![1, 5, 10, 20]);
        assert_eq!(by_hand::word_heads("é said—told_told (urged".as_bytes()).collect::<Vec<_>>(), vec![3, 10, 21]);
    }

    fn texty() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("."), Just("!"), Just("?"), Just("…"), Just("\""), Just("“"), Just("”"), Just("‘"), Just("’"), Just("'"),
                Just(" "), Just("  "), Just("\n"), Just("\u{a0}"), Just("Mr"), Just("U.S"), Just("no"), Just("Jan"), Just("4"),
                Just("The"), Just("the"), Just("said"), Just("what"), Just("according to"), Just("Kim"), Just("é"), Just("İ"),
                Just("\u{212A}"), Just("x"), Just("_"), Just("www"), Just("WWW"), Just("://"), Just("—"), Just("),"), Just("a"),
                Just("called"), Just("s"), Just("h"), Just("Officials"), Just("\t"), Just("\u{b}"), Just("\u{2009}"), Just("-"),
                Just("€"), Just("5"), Just(","), Just("["), Just("]("), Just("*"), Just("<i>"), Just("`"), Just("\\"),
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn fast_paths_agree_with_the_obvious_forms(text in texty()) {
            agree(&text);
        }
    }
}

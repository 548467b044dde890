//! Segment: an article's included text becomes paragraphs, sentences and
//! direct quotations, all as byte spans into the article text.

use crate::ingest::Article;
use crate::model::Span;

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
    let text = &article.text;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() || article.is_excluded(start) {
            continue;
        }
        let lead = trimmed.len() - trimmed.trim_start().len();
        let para = Span::new(start + lead, start + trimmed.len());
        let index = segments.paragraphs.len();
        segments.paragraphs.push(para);
        for s in split_sentences(&text[para.start..para.end]) {
            segments.sentences.push(Sentence { span: s.shift(para.start), paragraph: index, quotes: Vec::new() });
        }
    }
    segments
}

/// Sentence spans relative to `text`.
fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = i + c.len_utf8();
        let followed_by_space = bytes.get(next).is_some_and(|b| *b == b' ');
        if followed_by_space && !is_abbreviation(&text[start..i]) {
            spans.push(Span::new(start, next));
            start = next + 1;
        }
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans.retain(|s| !text[s.start..s.end].trim().is_empty());
    spans
}

fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Gen" | "St" | "No" | "U.S" | "U.N" | "Jr" | "Sr" | "Lt" | "Col" | "Sgt")
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let a = Article::from_text("a", "a.txt", text.to_string(), vec![]);
        segment(&a).sentences.iter().map(|s| a.text[s.span.start..s.span.end].to_string()).collect()
    }

    #[test]
    fn splits_on_full_stops_but_not_titles() {
        assert_eq!(
            sentences("Mr. Lee spoke. Nine people left.\n"),
            vec!["Mr. Lee spoke.", "Nine people left."]
        );
    }
}

//! Regions of a page that are not the article's own reporting: reader
//! comments, another story's headline or caption, syndication footers,
//! author bios, share prompts. Each is excluded from extraction and listed
//! in every report with its reason.

use super::Article;
use crate::model::Span;
use serde::Serialize;

/// Why a region was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    ReaderComments,
    /// Headline or photo caption of another story.
    Caption,
    /// "The post ... appeared first on ..." and similar syndication lines.
    Footer,
    AuthorBio,
    /// "Leave a comment", "Share this", comment counts.
    SharePrompt,
}

impl ExclusionReason {
    pub fn as_str(self) -> &'static str {
        match self {
            ExclusionReason::ReaderComments => "reader_comments",
            ExclusionReason::Caption => "caption",
            ExclusionReason::Footer => "footer",
            ExclusionReason::AuthorBio => "author_bio",
            ExclusionReason::SharePrompt => "share_prompt",
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

/// Finds the excluded regions of an article, in text order.
pub(super) fn find(_article: &Article) -> Vec<Excluded> {
    Vec::new()
}

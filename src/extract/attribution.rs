//! Attribution: who says so ("according to KCNA", "officials estimate",
//! "Kim said").

use crate::segment::Sentence;
use regex::Regex;
use std::sync::LazyLock;

static ACCORDING_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"according to (?:the )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*)").unwrap());

/// The source a sentence names for its figures, if any.
pub fn find(sentence: &str, _segment: &Sentence) -> Option<String> {
    ACCORDING_TO.captures(sentence).map(|c| c[1].to_string())
}

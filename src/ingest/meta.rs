//! Article metadata read from the text: title, outlet, date, dateline.

use super::Article;

/// Fills in the metadata the text gives.
pub(super) fn fill(article: &mut Article) {
    article.title = first_line_title(article);
}

/// The first non-empty, non-excluded line, when it reads like a headline
/// (short, no final full stop).
fn first_line_title(article: &Article) -> Option<String> {
    let mut offset = 0;
    for line in article.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() || article.is_excluded(start) {
            continue;
        }
        let words = trimmed.split_whitespace().count();
        let headline = words <= 20 && !trimmed.ends_with('.');
        return headline.then(|| trimmed.to_string());
    }
    None
}

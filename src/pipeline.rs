//! The whole pipeline as plain functions: ingest -> segment -> extract ->
//! align -> judge. Nothing here prints.
//!
//! Articles are segmented and extracted in parallel (rayon) when there are
//! enough of them to pay for the threads: each article is independent until
//! alignment, and the claims are gathered back in article order, so the
//! report is the same on one core or many.

use crate::ingest::Article;
use crate::model::{Claim, Finding};
use crate::rules::RuleSet;
use crate::{align, extract, judge, segment};
use rayon::prelude::*;

/// The cross-source report of one story.
#[derive(Debug, Clone)]
pub struct Report {
    /// Sorted by id, so the report does not depend on input order.
    pub articles: Vec<Article>,
    pub findings: Vec<Finding>,
    /// The buckets alignment could only align under its limit of groups;
    /// the commands print each as a warning.
    pub limits: Vec<align::Limit>,
}

/// Every quantity of one article as a claim (topic `None` where no rule
/// claimed it).
pub fn facts(article: &Article, rules: &RuleSet) -> Vec<Claim> {
    extract::extract(article, &segment::segment(article), rules)
}

/// Compares the articles of one story.
pub fn compare(articles: Vec<Article>, rules: &RuleSet) -> Report {
    compare_with_progress(articles, rules, &|| {})
}

/// [`compare`], calling `progress` once per article as its claims are
/// extracted (from whichever thread extracted it), so a caller can show
/// progress on long runs.
pub fn compare_with_progress(mut articles: Vec<Article>, rules: &RuleSet, progress: &(dyn Fn() + Sync)) -> Report {
    articles.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.path.cmp(&b.path)));
    let one = |a: &Article| {
        let claims = facts(a, rules);
        progress();
        claims
    };
    let per_article: Vec<Vec<Claim>> = if parallel(articles.len()) {
        articles.par_iter().map(one).collect()
    } else {
        articles.iter().map(one).collect()
    };
    let claims: Vec<Claim> = per_article.into_iter().flatten().collect();
    let alignment = align::align_owned(claims, rules);
    let findings = judge::judge(alignment.clusters);
    Report { articles, findings, limits: alignment.limits }
}

/// Whether `n` independent articles are worth spreading over threads.
/// Below [`PARALLEL_MIN_ARTICLES`] the work is a millisecond or two, less
/// than starting rayon's thread pool and handing work between threads
/// costs a process that exits right after.
pub fn parallel(n: usize) -> bool {
    n >= PARALLEL_MIN_ARTICLES
}

/// The fewest articles processed on several threads.
pub const PARALLEL_MIN_ARTICLES: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// Articles and rules cross threads during extraction.
    #[test]
    fn articles_and_rules_can_be_shared_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Article>();
        send_sync::<RuleSet>();
        send_sync::<Claim>();
    }

    #[test]
    fn parallel_extraction_keeps_article_order() {
        let rules = RuleSet::builtin().unwrap();
        let articles: Vec<Article> = (0..40)
            .rev()
            .map(|i| Article::from_text(&format!("a{i:02}"), "", format!("Officials said {i} people were killed.\n"), vec![]))
            .collect();
        let expected: Vec<Claim> = {
            let mut sorted = articles.clone();
            sorted.sort_by(|a, b| a.id.cmp(&b.id));
            sorted.iter().flat_map(|a| facts(a, &rules)).collect()
        };
        let ticks = std::sync::atomic::AtomicUsize::new(0);
        let report = compare_with_progress(articles, &rules, &|| {
            ticks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        assert_eq!(ticks.into_inner(), 40);
        let sequential = judge::judge(align::align_with_rules(&expected, &rules).clusters);
        assert_eq!(report.findings, sequential);
    }
}

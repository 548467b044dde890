//! Runs every rule's `[[example]]`s through the real pipeline: each example
//! text becomes a one-sentence article, its facts are extracted with the
//! whole rule set (topics compete, so an example only means something
//! against all of them), and the claim at the example's quantity must (or
//! must not) carry the rule's topic.

use super::{Example, Rule, RuleSet};
use crate::error::Error;
use crate::ingest::Article;
use crate::model::Span;

/// Every failing example of every rule in `set` whose file is among
/// `only` (all rules when `only` is `None`), as located errors.
pub fn run(set: &RuleSet, only: Option<&[std::path::PathBuf]>) -> Vec<Error> {
    let mut errors = Vec::new();
    for rule in set.rules() {
        if only.is_some_and(|paths| !paths.contains(&rule.path)) {
            continue;
        }
        for example in &rule.examples {
            if let Some(message) = failure(set, rule, example) {
                errors.push(Error::RuleFile {
                    path: rule.path.clone(),
                    line: example.line,
                    column: example.column,
                    key: Some("example".into()),
                    message,
                });
            }
        }
    }
    errors
}

/// Why an example fails, or `None` when it passes.
pub fn failure(set: &RuleSet, rule: &Rule, example: &Example) -> Option<String> {
    let Some(start) = example.text.find(&example.quantity) else {
        return Some(format!("\"{}\" does not occur in the example text", example.quantity));
    };
    let phrase = Span::new(start, start + example.quantity.len());
    let article = Article::from_text("example", "example", example.text.clone(), Vec::new());
    let claims = crate::pipeline::facts(&article, set);
    let at_phrase: Vec<_> = claims.iter().filter(|c| c.quantity.span.overlaps(phrase)).collect();
    let topics: Vec<String> =
        at_phrase.iter().map(|c| format!("\"{}\" -> {}", c.quantity.text, c.topic.as_deref().unwrap_or("no topic"))).collect();
    let claimed = at_phrase.iter().any(|c| c.topic.as_deref() == Some(rule.topic.as_str()));
    match (example.claims, claimed) {
        (true, true) | (false, false) => None,
        (true, false) if at_phrase.is_empty() => {
            Some(format!("no quantity found at \"{}\" in \"{}\"", example.quantity, example.text))
        }
        (true, false) => Some(format!(
            "`{}` should claim \"{}\" in \"{}\" but got {}",
            rule.topic,
            example.quantity,
            example.text,
            topics.join(", ")
        )),
        (false, true) => Some(format!(
            "`{}` must not claim \"{}\" in \"{}\" but does",
            rule.topic, example.quantity, example.text
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example of every rule file in `rules/` passes; a failure names
    /// the file, the example's line and what went wrong. (Another test
    /// checks the files on disk are the ones compiled in.)
    #[test]
    fn every_example_in_rules_dir_passes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let set = RuleSet::new(crate::rules::load_dir(&dir).unwrap()).unwrap();
        let failures: Vec<String> = run(&set, None).iter().map(ToString::to_string).collect();
        assert!(failures.is_empty(), "{} failing example(s):\n{}", failures.len(), failures.join("\n"));
    }
}

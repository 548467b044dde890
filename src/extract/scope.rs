//! Scope: what a claim counts (the counted noun and its qualifiers of group,
//! place and time).

use crate::model::{Quantity, Scope};

/// The scope of `mentions[index]` within `sentence`.
pub fn scope_of(sentence: &str, mentions: &[Quantity], index: usize) -> Scope {
    let q = &mentions[index];
    Scope {
        noun: q.noun.clone(),
        qualifiers: Vec::new(),
        time: None,
        context: sentence
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 3)
            .map(str::to_lowercase)
            .collect(),
    }
}

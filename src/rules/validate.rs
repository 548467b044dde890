//! What serde cannot check in a rule file, and located errors for what it
//! can: every error names the file, line, column and the key at fault, so a
//! rule author can jump straight to it.

use super::schema::RuleFile;
use super::line_col;
use crate::error::Error;
use std::path::Path;
use toml::Spanned;

/// A TOML or schema error from the parser, located, with the key it is
/// about: the key named in the message ("unknown field `bnad`") or else the
/// key whose value the error points into.
pub fn from_toml(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let offset = e.span().map_or(0, |s| s.start);
    let (line, column) = line_col(text, offset);
    let message = e.message().trim().to_string();
    let key = backticked(&message).or_else(|| key_at(text, offset));
    let key = match (table_at(text, offset), key) {
        (Some(table), Some(key)) if !key.contains('.') && !key.starts_with(&table) => Some(format!("{table}.{key}")),
        (_, key) => key,
    };
    Error::RuleFile { path: path.to_path_buf(), line, column, key, message }
}

/// Every semantic problem of a deserialised rule file.
pub fn check(path: &Path, text: &str, file: &RuleFile) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut err = |span: std::ops::Range<usize>, key: &str, message: String| {
        let (line, column) = line_col(text, span.start);
        errors.push(Error::RuleFile { path: path.to_path_buf(), line, column, key: Some(key.to_string()), message });
    };
    let topic = file.topic.get_ref();
    if topic.is_empty() || !topic.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-') {
        err(file.topic.span(), "topic", format!("`{topic}` is not a topic name (lower-case letters, digits, `-`, `_`)"));
    } else if let Some(stem) = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != topic) {
        err(file.topic.span(), "topic", format!("topic `{topic}` must match the file name `{stem}.toml`"));
    }
    for (key, value) in [("description", &file.description), ("rationale", &file.rationale)] {
        if value.get_ref().trim().is_empty() {
            err(value.span(), key, "must not be empty".into());
        }
    }
    if file.accepts.get_ref().is_empty() {
        err(file.accepts.span(), "accepts", "must list at least one quantity kind".into());
    }
    if let Some(band) = &file.band {
        let b = *band.get_ref();
        if !(0.0..1.0).contains(&b) {
            err(band.span(), "band", format!("{b} is out of range: a band is at least 0 and below 1"));
        }
    }
    let s = &file.signals;
    for (key, list) in [
        ("signals.words", &s.words),
        ("signals.forms", &s.forms),
        ("signals.after", &s.after),
        ("signals.nouns", &s.nouns),
        ("signals.veto", &s.veto),
        ("signals.scope_hints", &s.scope_hints),
    ] {
        for word in list {
            if let Some(problem) = word_problem(word) {
                err(word.span(), key, problem);
            }
        }
    }
    if s.words.is_empty() && s.forms.is_empty() && s.after.is_empty() && s.nouns.is_empty() && !file.claim_by_kind {
        err(file.topic.span(), "signals", "the rule can claim nothing: give words, forms, after or nouns, or set claim_by_kind".into());
    }
    if file.examples.is_empty() {
        err(file.topic.span(), "example", "every rule needs at least one [[example]]".into());
    }
    for example in &file.examples {
        let e = example.get_ref();
        if e.text.trim().is_empty() || e.quantity.trim().is_empty() {
            err(example.span(), "example", "`text` and `quantity` must not be empty".into());
        } else if !e.text.contains(&e.quantity) {
            err(example.span(), "example.quantity", format!("\"{}\" does not occur in the example text", e.quantity));
        }
    }
    errors
}

/// Why a word cannot be matched, if it cannot: empty, padded, or holding
/// characters a whole-word match can never meet.
fn word_problem(word: &Spanned<String>) -> Option<String> {
    let w = word.get_ref();
    if w.trim().is_empty() {
        return Some("empty word".into());
    }
    if w.trim() != w || w.contains("  ") {
        return Some(format!("\"{w}\" has stray spaces"));
    }
    let valid = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '$' | '%');
    if !w.chars().all(valid) {
        return Some(format!("\"{w}\" holds characters other than letters, digits, spaces, `-`, `'`, `.`"));
    }
    if !w.chars().next().is_some_and(char::is_alphanumeric) || !w.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '.') {
        return Some(format!("\"{w}\" must start and end with a letter or digit"));
    }
    None
}

/// The first `name` between backticks in a parser message.
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    let key = &message[start..start + len];
    (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.')).then(|| key.to_string())
}

/// The key whose value holds `offset`: the nearest `key =` at or above it.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let upto = &text[..crate::text::floor_char_boundary(text, offset)];
    let line_start = upto.rfind('\n').map_or(0, |i| i + 1);
    let until_line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    text[..until_line_end].lines().rev().find_map(|line| {
        let line = line.trim_start();
        if line.starts_with('[') {
            return None;
        }
        let (key, _) = line.split_once('=')?;
        let key = key.trim();
        (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')).then(|| key.to_string())
    })
}

/// The `[table]` or `[[table]]` header above `offset`, if any.
fn table_at(text: &str, offset: usize) -> Option<String> {
    text[..crate::text::floor_char_boundary(text, offset)].lines().rev().find_map(|line| {
        let line = line.trim();
        let name = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]")).or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))?;
        Some(name.trim().to_string())
    })
}


#[cfg(test)]
mod tests {
    use crate::rules::parse;
    use std::path::Path;

    const GOOD: &str = "topic = \"x\"\ndescription = \"d\"\nrationale = \"r\"\nunit = \"people\"\naccepts = [\"count\"]\n";

    fn first_error(text: &str) -> String {
        match parse(Path::new("rules/x.toml"), text) {
            Ok(_) => "ok".into(),
            Err(errors) => errors[0].to_string(),
        }
    }

    #[test]
    fn errors_name_file_line_column_and_key() {
        let cases = [
            (format!("{GOOD}band = 1.5\n[signals]\nwords = [\"kill\"]\n"), "rules/x.toml:6:8: key `band`: 1.5 is out of range"),
            (format!("{GOOD}band = \"wide\"\n"), "rules/x.toml:6:8: key `band`:"),
            (format!("{GOOD}[signals]\nwords = [\"kill\", \"\"]\n"), "rules/x.toml:7:18: key `signals.words`: empty word"),
            (format!("{GOOD}[signals]\nwrods = [\"kill\"]\n"), "rules/x.toml:7:1: key `signals.wrods`: unknown field"),
            ("topic = \"x\"\ndescription = \"d\"\nunit = \"people\"\naccepts = [\"count\"]\n".to_string(), "key `rationale`: missing field"),
            (format!("{GOOD}[signals]\nwords = [\"kill\"\n"), "rules/x.toml:7:"),
            (GOOD.replace("\"d\"", "\"\""), "rules/x.toml:2:15: key `description`: must not be empty"),
            (GOOD.replace("topic = \"x\"", "topic = \"y\""), "key `topic`: topic `y` must match the file name `x.toml`"),
            (GOOD.to_string(), "key `signals`: the rule can claim nothing"),
        ];
        for (text, expected) in cases {
            let got = first_error(&text);
            assert!(got.contains(expected), "expected {expected:?}\n     got {got:?}\nfor\n{text}");
        }
    }

    #[test]
    fn example_quantity_must_occur_in_its_text() {
        let text = format!("{GOOD}[signals]\nwords = [\"kill\"]\n[[example]]\ntext = \"Nine were killed.\"\nquantity = \"ten\"\n");
        assert!(first_error(&text).contains("key `example.quantity`: \"ten\" does not occur"), "{}", first_error(&text));
    }
}

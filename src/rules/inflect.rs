//! English inflections of rule words, so a rule author writes a lemma
//! ("kill", "death", "soldier") and the matcher also finds "killed",
//! "killing", "kills", "deaths", "soldiers".
//!
//! The expansion is deliberately generous: an extra form that never occurs
//! in English ("deathed") costs nothing, while a missing one silently loses
//! matches. Irregular forms that matter for news copy are listed here; any
//! other can be written out in a rule's `forms`.

/// Irregular verb forms: lemma, then its other forms.
const IRREGULAR_VERBS: &[(&str, &[&str])] = &[
    ("be", &["is", "are", "was", "were", "been", "being"]),
    ("bring", &["brought"]),
    ("catch", &["caught"]),
    ("fall", &["fell", "fallen"]),
    ("flee", &["fled"]),
    ("fight", &["fought"]),
    ("go", &["went", "gone", "goes"]),
    ("hold", &["held"]),
    ("hurt", &["hurt"]),
    ("leave", &["left"]),
    ("lose", &["lost"]),
    ("pay", &["paid"]),
    ("send", &["sent"]),
    ("shoot", &["shot"]),
    ("slay", &["slew", "slain"]),
    ("spend", &["spent"]),
    ("strike", &["struck", "stricken"]),
    ("take", &["took", "taken"]),
    ("win", &["won"]),
    ("drown", &["drowned"]),
    ("seek", &["sought"]),
    ("hide", &["hid", "hidden"]),
    ("sell", &["sold"]),
    ("buy", &["bought"]),
    ("cut", &["cut"]),
    ("lead", &["led"]),
    ("lay", &["laid"]),
    ("die", &["died", "dies", "dying"]),
];

/// Irregular plurals: singular, plural.
const IRREGULAR_NOUNS: &[(&str, &str)] = &[
    ("person", "people"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("life", "lives"),
    ("wife", "wives"),
    ("foot", "feet"),
    ("policeman", "policemen"),
    ("serviceman", "servicemen"),
    ("servicewoman", "servicewomen"),
    ("fisherman", "fishermen"),
];

/// Every form of `lemma` as a verb and as a noun, the lemma first. A
/// phrasal verb ("go missing", "lay off") is inflected on its first word, any
/// other multi-word lemma ("death toll") on its last. A word with a noun
/// suffix ("fatality", "death", "injury") only takes a plural.
pub fn forms(lemma: &str) -> Vec<String> {
    let lemma = lemma.trim().to_lowercase();
    let words: Vec<&str> = lemma.split_whitespace().collect();
    let mut out = vec![lemma.clone()];
    match words.as_slice() {
        [] => {}
        [single] => out.extend(word_forms(single)),
        [first, .., last] if PARTICLES.contains(last) => {
            // A phrasal verb: "go missing" -> "went missing", "lay off" -> "laid off".
            let rest_after_first = &lemma[first.len()..];
            out.extend(word_forms(first).into_iter().map(|f| format!("{f}{rest_after_first}")));
        }
        [.., last] => {
            // A compound noun: "death toll" -> "death tolls".
            let rest_before_last = &lemma[..lemma.len() - last.len()];
            out.extend(word_forms(last).into_iter().map(|f| format!("{rest_before_last}{f}")));
        }
    }
    dedup(out)
}

/// The singular and plural of a counted noun; a multi-word noun ("combat
/// engineer") is pluralised on its last word.
pub fn noun_forms(noun: &str) -> Vec<String> {
    let noun = noun.trim().to_lowercase();
    let last = noun.split_whitespace().last().unwrap_or("");
    let stem = &noun[..noun.len() - last.len()];
    dedup(vec![noun.clone(), format!("{stem}{}", plural(last))])
}

/// The plural of one English noun.
pub fn plural(noun: &str) -> String {
    if let Some((_, p)) = IRREGULAR_NOUNS.iter().find(|(s, _)| *s == noun) {
        return (*p).to_string();
    }
    if ends_with_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"].iter().any(|e| noun.ends_with(e)) {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Words ending in "s" that are not plurals of a shorter word.
const INVARIANT: &[&str] = &["overseas", "news", "series", "species", "means", "headquarters", "whereabouts", "politics", "economics", "physics"];

/// The singular of one English noun, the inverse of [`plural`] for the
/// regular cases; words that do not look plural come back unchanged.
pub fn singular(noun: &str) -> String {
    let noun = noun.to_lowercase();
    if let Some((s, _)) = IRREGULAR_NOUNS.iter().find(|(_, p)| *p == noun) {
        return (*s).to_string();
    }
    if noun.len() <= 3 || INVARIANT.contains(&noun.as_str()) || ["ss", "us", "is", "ics"].iter().any(|e| noun.ends_with(e)) {
        return noun;
    }
    if let Some(stem) = noun.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["ches", "shes", "xes", "sses", "zes"] {
        if noun.ends_with(ending) {
            return noun[..noun.len() - 2].to_string();
        }
    }
    noun.strip_suffix('s').map_or(noun.clone(), str::to_string)
}

/// True for a word that reads as a plural noun ("troops", "people").
pub fn looks_plural(word: &str) -> bool {
    let w = word.to_lowercase();
    IRREGULAR_NOUNS.iter().any(|(_, p)| *p == w)
        || matches!(w.as_str(), "personnel" | "police" | "staff" | "crew" | "cattle" | "livestock")
        || (w.len() > 3 && !INVARIANT.contains(&w.as_str()) && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e)))
}

/// Last words that make a multi-word lemma a phrasal verb.
const PARTICLES: &[&str] = &["off", "out", "up", "down", "away", "missing", "dead", "hurt", "injured", "homeless", "over", "in"];

/// Endings that mark a word as a noun, never a verb.
const NOUN_SUFFIXES: &[&str] = &["ity", "tion", "sion", "ment", "ness", "ship", "ism", "ist", "eath", "ury", "age"];

fn word_forms(word: &str) -> Vec<String> {
    if NOUN_SUFFIXES.iter().any(|s| word.ends_with(s)) {
        return vec![plural(word)];
    }
    let mut out = Vec::new();
    if let Some((_, irregular)) = IRREGULAR_VERBS.iter().find(|(l, _)| *l == word) {
        out.extend(irregular.iter().map(|s| (*s).to_string()));
    }
    out.push(plural(word));
    out.push(past(word));
    out.push(gerund(word));
    out
}

fn past(verb: &str) -> String {
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if ends_with_consonant_y(verb) {
        format!("{}ied", &verb[..verb.len() - 1])
    } else if doubles_final_consonant(verb) {
        format!("{verb}{}ed", &verb[verb.len() - 1..])
    } else {
        format!("{verb}ed")
    }
}

fn gerund(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if verb.ends_with('e') && !verb.ends_with("ee") && verb.len() > 2 {
        format!("{}ing", &verb[..verb.len() - 1])
    } else if doubles_final_consonant(verb) {
        format!("{verb}{}ing", &verb[verb.len() - 1..])
    } else {
        format!("{verb}ing")
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn ends_with_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// Short consonant-vowel-consonant verbs double the consonant: "stop" ->
/// "stopped", "rob" -> "robbed" (but not "kill", "fix", "show").
fn doubles_final_consonant(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    (3..=4).contains(&n)
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn dedup(mut forms: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    forms.retain(|f| !f.is_empty() && seen.insert(f.clone()));
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_and_nouns_inflect() {
        let cases: &[(&str, &[&str])] = &[
            ("kill", &["kill", "kills", "killed", "killing"]),
            ("die", &["die", "died", "dies", "dying"]),
            ("evacuate", &["evacuates", "evacuated", "evacuating"]),
            ("death", &["death", "deaths"]),
            ("casualty", &["casualties"]),
            ("flee", &["fled", "fleeing", "flees"]),
            ("send", &["sent", "sending"]),
            ("injure", &["injured", "injuring"]),
            ("death toll", &["death toll", "death tolls"]),
            ("lay off", &["laid off", "lays off", "laying off"]),
            ("go missing", &["went missing", "gone missing", "going missing"]),
            ("stop", &["stopped", "stopping"]),
        ];
        assert_eq!(forms("fatality"), vec!["fatality", "fatalities"]);
        for (lemma, expected) in cases {
            let got = forms(lemma);
            for form in *expected {
                assert!(got.iter().any(|g| g == form), "{lemma}: missing {form} in {got:?}");
            }
        }
    }

    #[test]
    fn plurals_round_trip() {
        for (s, p) in [("soldier", "soldiers"), ("person", "people"), ("casualty", "casualties"), ("life", "lives"), ("box", "boxes")] {
            assert_eq!(plural(s), p);
            assert_eq!(singular(p), s);
        }
        assert_eq!(noun_forms("combat engineer"), vec!["combat engineer", "combat engineers"]);
        assert_eq!(singular("troops"), "troop");
        assert_eq!(singular("status"), "status");
    }
}

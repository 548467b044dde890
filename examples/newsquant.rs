//! The NewsQuant value benchmark for the quantity extractor.
//!
//! Reads `../shared/corpora/newsquant-dev.json` (or the path given as the
//! first argument) and scores `concord::extract::quantity::find` by the
//! corpus's own rules: per sentence, every predicted value is compared
//! with every gold value (relative tolerance 1e-5; a range matches only a
//! range with both ends equal, in order); a sentence's correct count is
//! min(gold, matching pairs). Precision = correct / predictions, recall =
//! correct / gold.
//!
//! A prediction is the stated figure: a range's two ends as written, a
//! point's value ("about 19 per cent" is 19). Vague magnitudes follow the
//! corpus's convention of an order-of-magnitude range: "hundreds" is
//! 100-1000, "tens of thousands" 10,000-100,000.
//!
//! `--errors` lists every sentence where the prediction and gold differ;
//! `--speed` also measures how many megabytes of text `find` reads a
//! second.
//!
//!     cargo run --release --example newsquant [-- [PATH] [--errors] [--speed]]

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line report

use concord::extract::quantity::find;
use concord::model::{Bound, Quantity};
use serde::Deserialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Deserialize)]
struct Sentence {
    text: String,
    quantities: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    value: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Point(f64),
    Range(f64, f64),
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-5 * a.abs().max(b.abs())
}

fn matches(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Point(x), Value::Point(y)) => close(x, y),
        (Value::Range(x1, x2), Value::Range(y1, y2)) => close(x1, y1) && close(x2, y2),
        _ => false,
    }
}

/// "19.0" is a point, "252.0-287.0" a range, "-1.3" a negative point.
fn parse_gold(s: &str) -> Option<Value> {
    let s = s.trim();
    match s.char_indices().skip(1).find(|&(_, c)| c == '-') {
        Some((i, _)) => Some(Value::Range(s[..i].trim().parse().ok()?, s[i + 1..].trim().parse().ok()?)),
        None => s.parse().ok().map(Value::Point),
    }
}

/// The value the benchmark compares, as the text states it.
fn predicted(q: &Quantity) -> Option<Value> {
    match (q.stated.value, q.stated.to) {
        (Some(a), Some(b)) if q.stated.bound == Bound::Range => Some(Value::Range(a, b)),
        (Some(a), _) => Some(Value::Point(a)),
        (None, _) => concord::extract::quantity::vague_base(&q.stated.unit).map(|m| Value::Range(m, 10.0 * m)),
    }
}


fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/newsquant-dev.json"));
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("newsquant: cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let sentences: Vec<Sentence> = match serde_json::from_str(&data) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("newsquant: {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let (mut correct, mut predictions, mut golds) = (0usize, 0usize, 0usize);
    for (index, s) in sentences.iter().enumerate() {
        let gold: Vec<Value> = s.quantities.iter().filter_map(|g| parse_gold(&g.value)).collect();
        let found = find(&s.text);
        let pred: Vec<Value> = found.iter().filter_map(predicted).collect();
        let pairs = gold.iter().map(|g| pred.iter().filter(|p| matches(*g, **p)).count()).sum::<usize>();
        let ok = pairs.min(gold.len());
        correct += ok;
        predictions += pred.len();
        golds += gold.len();
        if show_errors && (ok < gold.len() || ok < pred.len()) {
            println!("#{index} {}", s.text);
            println!("   gold: {gold:?}");
            let shown: Vec<String> = found.iter().map(|q| format!("{:?} [{}]", predicted(q), q.text)).collect();
            println!("   pred: {}", shown.join(", "));
        }
    }
    let p = correct as f64 / predictions.max(1) as f64;
    let r = correct as f64 / golds.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!("sentences {}  gold {golds}  predicted {predictions}  correct {correct}", sentences.len());
    println!("precision {:.1}  recall {:.1}  value F1 {:.1}", 100.0 * p, 100.0 * r, 100.0 * f1);
    if args.iter().any(|a| a == "--speed") {
        println!("find: {:.1} MB/s on one core", throughput(&sentences));
    }
    ExitCode::SUCCESS
}

/// Megabytes of sentence text `find` reads per second, over about 20 MB.
fn throughput(sentences: &[Sentence]) -> f64 {
    let bytes: usize = sentences.iter().map(|s| s.text.len()).sum();
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    let start = std::time::Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        for s in sentences {
            found += std::hint::black_box(find(&s.text)).len();
        }
    }
    std::hint::black_box(found);
    (rounds * bytes) as f64 / 1e6 / start.elapsed().as_secs_f64()
}

//! Synthetic stories of any size, built from the articles of our own sample
//! story (`samples/story/*.txt`) by varying outlets, figures and file names,
//! so that benchmarks can be rerun anywhere without real copy.
//!
//! Most figures are kept, so the big story still has findings that agree;
//! some are nudged a little (compatible or conflicting wording) so the
//! judge has work to do. Everything is deterministic: article `i` of any
//! story is always the same text.

use std::path::{Path, PathBuf};

/// One base article: its text and the outlet name it carries.
pub struct Base {
    pub outlet: String,
    pub text: String,
}

/// The sample story shipped in the repository, or a small built-in one when
/// the samples are absent.
pub fn bases() -> Vec<Base> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/story");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let bases: Vec<Base> = paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            Some(Base { outlet: title_case(&stem), text })
        })
        .collect();
    if bases.is_empty() { builtin() } else { bases }
}

/// "coastal-times" -> "Coastal Times": how the samples name their outlet.
fn title_case(stem: &str) -> String {
    stem.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A small story of our own about an invented event, used only when the
/// samples are missing.
fn builtin() -> Vec<Base> {
    let texts = [
        (
            "Valley Gazette",
            "Floodwater cuts off Ardmoor villages\n\nAt least 14 people were killed when the Ardmoor river burst its banks on Sunday, \
             regional officials said.\n\nAbout 2,300 residents were evacuated and 600 soldiers were sent to help, the defence \
             ministry said. Repairs to the main bridge will take 45 days.\n",
        ),
        (
            "Ridge Daily",
            "Ardmoor counts the cost of the flood\n\nFourteen people died in the Ardmoor flood, according to the regional \
             council.\n\nSome 2,000 people left their homes. The army deployed 650 troops, and engineers said the bridge would \
             be shut for six weeks.\n",
        ),
        (
            "Lowland Wire",
            "Ardmoor death toll rises\n\nThe death toll from the Ardmoor flood rose to 17 on Monday, police said.\n\nMore than \
             2,000 residents were moved to shelters and 600 soldiers joined the relief effort.\n",
        ),
    ];
    texts.iter().map(|(outlet, text)| Base { outlet: outlet.to_string(), text: text.to_string() }).collect()
}

const PLACES: &[&str] = &[
    "Northgate", "Eastbrook", "Southmere", "Westfold", "Highcliff", "Lowmarsh", "Redhill", "Greywater", "Ashford", "Elmstead",
    "Fairhaven", "Kingsreach", "Oakvale", "Pinecrest", "Stonebridge", "Thornbury", "Wildmoor", "Yarrow", "Brackenfield",
    "Cobalt Bay", "Dunmore", "Foxley", "Glenbrook", "Hollowell",
];
const KINDS: &[&str] =
    &["Times", "Post", "Herald", "Courier", "Wire", "Ledger", "Gazette", "Tribune", "Chronicle", "Observer", "Record", "Echo"];

/// The outlet name of article `i`: unique for the first 288 articles, then
/// numbered.
pub fn outlet(i: usize) -> String {
    let name = format!("{} {}", PLACES[i % PLACES.len()], KINDS[(i / PLACES.len()) % KINDS.len()]);
    match i / (PLACES.len() * KINDS.len()) {
        0 => name,
        n => format!("{name} {}", n + 1),
    }
}

fn slug(name: &str) -> String {
    name.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-")
}

/// A small deterministic generator (SplitMix64), so the story is the same
/// on every machine without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Article `i` of a synthetic story: (file name, text).
pub fn article(bases: &[Base], i: usize) -> (String, String) {
    let base = &bases[i % bases.len()];
    let outlet = outlet(i);
    let mut rng = Rng(i as u64);
    let text = vary_figures(&base.text.replace(&base.outlet, &outlet), &mut rng);
    (format!("{i:05}-{}.txt", slug(&outlet)), text)
}

/// Writes a story of `n` articles into `dir` and returns its size in bytes.
pub fn write(dir: &Path, n: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let bases = bases();
    let mut bytes = 0;
    for i in 0..n {
        let (name, text) = article(&bases, i);
        bytes += text.len() as u64;
        std::fs::write(dir.join(name), text)?;
    }
    Ok(bytes)
}

/// Nudges about one figure in five: up or down by 1 to 20 percent. Years
/// and ordinals ("2019", "7th") are left alone, as they are not figures.
fn vary_figures(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let len = rest[start..].find(|c: char| !(c.is_ascii_digit() || c == ',')).unwrap_or(rest.len() - start);
        let numeral = rest[start..start + len].trim_end_matches(',');
        let after = &rest[start + numeral.len()..];
        out.push_str(&vary_numeral(numeral, after, rng));
        rest = after;
    }
    out.push_str(rest);
    out
}

fn vary_numeral(numeral: &str, after: &str, rng: &mut Rng) -> String {
    let Ok(value) = numeral.replace(',', "").parse::<u64>() else { return numeral.to_string() };
    let ordinal = after.starts_with(|c: char| c.is_ascii_alphabetic());
    let year = (1900..=2100).contains(&value) && !numeral.contains(',');
    if ordinal || year || value == 0 || rng.below(5) != 0 {
        return numeral.to_string();
    }
    let percent = 1 + rng.below(20);
    let delta = (value * percent / 100).max(1);
    let varied = if rng.below(2) == 0 { value + delta } else { value.saturating_sub(delta).max(1) };
    if numeral.contains(',') { with_commas(varied) } else { varied.to_string() }
}

fn with_commas(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

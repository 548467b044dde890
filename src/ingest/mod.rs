//! Ingest: files, directories and stdin become [`Article`]s.
//!
//! An article keeps its decoded text (a byte-order mark removed, everything
//! else as in the file) so that every byte offset maps back to the original
//! line and column. Metadata (title, outlet, date) is read from the text
//! where it gives them, and regions that are not the article's own reporting
//! are marked as excluded with a reason the user can see.
//!
//! Markdown is kept as written: positions must stay those of the file, so
//! markup is skipped later, by segmentation, rather than removed here.

pub(crate) mod ascii;
mod by_hand;
mod exclude;
pub mod ids;
mod meta;
mod words;

pub use exclude::{Excluded, ExclusionReason};

use crate::error::{Error, Result};
use crate::model::Span;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article of a story.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file stem ("000_955fedf622b4fe3e"), or "stdin".
    pub id: String,
    /// The path as given on the command line, or "-".
    pub path: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// "YYYY-MM-DD" when the text gives a publication date.
    pub date: Option<String>,
    /// The dateline place ("SEOUL"), when the text opens with one.
    pub dateline: Option<String>,
    /// The decoded text. Spans everywhere index into it.
    pub text: String,
    /// Regions left out of extraction, in text order, never overlapping.
    /// Each covers whole lines.
    pub excluded: Vec<Excluded>,
    /// Recoverable oddities met while reading (invalid UTF-8, ...).
    pub warnings: Vec<String>,
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)` every [`CHAR_MARK_STEP`] bytes
    /// or so, so that a column in characters costs a binary search and a
    /// short count rather than a scan from the start of a long line.
    char_marks: Vec<(usize, usize)>,
}

/// Distance in bytes between two entries of [`Article::char_marks`].
const CHAR_MARK_STEP: usize = 512;

impl Article {
    /// Builds an article from raw bytes: decodes, indexes lines, reads
    /// metadata and marks excluded regions.
    pub fn from_bytes(id: &str, path: &str, bytes: &[u8]) -> Result<Article> {
        let mut warnings = Vec::new();
        let text = match decode_utf16(bytes) {
            Some(text) => text,
            None => {
                if looks_binary(bytes) {
                    return Err(Error::Binary { path: PathBuf::from(path) });
                }
                decode_utf8(path, bytes, &mut warnings)
            }
        };
        note_oddities(path, bytes, &text, &mut warnings);
        Ok(Article::from_text(id, path, text, warnings))
    }

    /// Builds an article from already decoded text.
    pub fn from_text(id: &str, path: &str, text: String, warnings: Vec<String>) -> Article {
        // (The memchr crate's search: vectorised, unlike the standard one.)
        let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        let char_marks = char_marks(&text);
        let mut article = Article {
            id: id.to_string(),
            path: path.to_string(),
            outlet: None,
            title: None,
            date: None,
            dateline: None,
            text,
            excluded: Vec::new(),
            warnings,
            line_starts,
            char_marks,
        };
        // One line list for the exclusions and the metadata read after
        // them.
        let lines = words::lines(&article);
        let excluded = exclude::find(&lines);
        let found = meta::read(&lines, &excluded);
        article.excluded = excluded;
        article.title = found.title;
        article.outlet = found.outlet;
        article.date = found.date;
        article.dateline = found.dateline;
        article.excluded.extend(found.regions);
        article.excluded.sort_by_key(|e| e.span.start);
        article
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    /// Offsets past the end map to the end of the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = crate::text::floor_char_boundary(&self.text, offset);
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.chars_before(offset) - self.chars_before(start) + 1;
        (line, column)
    }

    /// Number of characters before a byte offset (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let mark = self.char_marks.partition_point(|&(at, _)| at <= offset).max(1) - 1;
        let (at, count) = self.char_marks.get(mark).copied().unwrap_or((0, 0));
        count + self.text[at..offset].chars().count()
    }

    /// The byte span of a 1-based line, without its line ending.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self.line_starts.get(line).map_or(self.text.len(), |&next| next - 1);
        let end = if self.text[start..end].ends_with('\r') { end - 1 } else { end };
        Some(Span::new(start, end.max(start)))
    }

    /// Number of lines in the text.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The excluded region holding a byte offset, if any. A binary search:
    /// regions are kept in text order and never overlap.
    pub fn excluded_at(&self, offset: usize) -> Option<&Excluded> {
        excluded_at(&self.excluded, offset)
    }

    /// True when the byte offset lies in an excluded region.
    pub fn is_excluded(&self, offset: usize) -> bool {
        self.excluded_at(offset).is_some()
    }

    /// The outlet name where the article gives one, its id otherwise.
    pub fn display_name(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}

/// The region of `excluded` (in text order, never overlapping) holding a
/// byte offset, if any.
fn excluded_at(excluded: &[Excluded], offset: usize) -> Option<&Excluded> {
    let after = excluded.partition_point(|e| e.span.start <= offset);
    let candidate = excluded.get(after.checked_sub(1)?)?;
    (offset < candidate.span.end).then_some(candidate)
}

fn char_marks(text: &str) -> Vec<(usize, usize)> {
    // In ASCII text bytes are characters: a mark every step, read off
    // without walking the text.
    if text.is_ascii() {
        return (0..text.len().max(1)).step_by(CHAR_MARK_STEP).map(|i| (i, i)).collect();
    }
    counted_marks(text)
}

/// The marks [`walked_marks`] sets, found without decoding: each is the
/// first character boundary a step past the last, and the characters
/// between two marks are the bytes that do not continue a character,
/// counted a block at a time (a count the compiler vectorises).
fn counted_marks(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut marks = vec![(0, 0)];
    let (mut last, mut count) = (0, 0);
    loop {
        let mut next = last + CHAR_MARK_STEP;
        while next < text.len() && !text.is_char_boundary(next) {
            next += 1;
        }
        if next >= text.len() {
            return marks;
        }
        // A UTF-8 continuation byte is 0b10xxxxxx: below -64 as a signed byte.
        count += bytes[last..next].iter().filter(|&&b| (b as i8) >= -64).count();
        marks.push((next, count));
        last = next;
    }
}

/// The marks as a walk over every character sets them: one each time
/// [`CHAR_MARK_STEP`] bytes have passed. The specification of
/// [`counted_marks`].
#[cfg(test)]
fn walked_marks(text: &str) -> Vec<(usize, usize)> {
    let mut marks = vec![(0, 0)];
    let mut last = 0;
    for (count, (i, _)) in text.char_indices().enumerate() {
        if i - last >= CHAR_MARK_STEP {
            marks.push((i, count));
            last = i;
        }
    }
    marks
}


/// The recoverable oddities the design brief asks to be told about: the run
/// goes on, but the user learns that the file was not plain UTF-8 text with
/// line feeds, or that it says nothing at all.
fn note_oddities(path: &str, bytes: &[u8], text: &str, warnings: &mut Vec<String>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        warnings.push(format!("{path}: starts with a byte-order mark; ignored, columns count from the text after it"));
    }
    // (A vectorised search for the carriage return, rarer than either byte
    // of the pair is common: the standard pair search walks every byte.)
    if memchr::memchr_iter(b'\r', text.as_bytes()).any(|i| text.as_bytes().get(i + 1) == Some(&b'\n')) {
        warnings.push(format!("{path}: CRLF line ends; read as plain line breaks"));
    }
    if text.trim().is_empty() {
        warnings.push(format!("{path}: empty article; kept, with no facts"));
    }
}

/// UTF-8, with a byte-order mark dropped and undecodable bytes replaced by
/// U+FFFD (one warning naming the file and the first bad byte).
fn decode_utf8(path: &str, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(e) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            warnings.push(format!(
                "{path}: invalid UTF-8 from byte {} ({bad} undecodable sequence(s) replaced with U+FFFD)",
                e.valid_up_to()
            ));
            text
        }
    }
}

/// Text saved as UTF-16 announces itself with a byte-order mark; without
/// one its NUL bytes make it look binary, which is the honest answer.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = bytes.starts_with(b"\xFF\xFE");
    if !little && !bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    let units = bytes[2..].chunks(2).map(|pair| match pair {
        [a, b] if little => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    Some(char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect())
}

/// A NUL byte in the first 8 KiB is what git and grep take as binary too.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// Expands command-line inputs into article sources: files as given,
/// directories as every `.txt`/`.md` inside (recursively, sorted by path,
/// hidden files and folders skipped), `-` as stdin.
///
/// A file reached twice (named twice, or named and inside a named folder)
/// is read once: a copy of an article would only ever agree with itself.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |sources: &mut Vec<Source>, path: PathBuf| {
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            sources.push(Source::File(path));
        }
    };
    for input in inputs {
        if input.as_os_str() == "-" {
            if sources.contains(&Source::Stdin) {
                return Err(Error::Usage("`-` (standard input) given more than once".into()));
            }
            sources.push(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            collect_articles(input, &mut files)?;
            if files.is_empty() {
                return Err(Error::NoArticles { path: input.clone() });
            }
            files.sort();
            for file in files {
                add(&mut sources, file);
            }
        } else if input.exists() {
            add(&mut sources, input.clone());
        } else {
            return Err(Error::Missing { path: input.clone() });
        }
    }
    Ok(sources)
}

fn collect_articles(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let unreadable = |source| Error::Unreadable { path: dir.to_path_buf(), source };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // `file_type` does not follow symbolic links, so a link to a parent
        // folder cannot send the walk round in circles.
        let kind = entry.file_type().map_err(unreadable)?;
        if kind.is_dir() {
            collect_articles(&path, out)?;
        } else if is_article_file(&path) && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Reads one source into an article.
pub fn read(source: &Source) -> Result<Article> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Unreadable { path: PathBuf::from("-"), source })?;
            Article::from_bytes("stdin", "-", &bytes)
        }
        Source::File(path) => {
            if path.is_dir() {
                let source = std::io::Error::other("is a directory");
                return Err(Error::Unreadable { path: path.clone(), source });
            }
            let bytes = std::fs::read(path).map_err(|source| match source.kind() {
                std::io::ErrorKind::NotFound => Error::Missing { path: path.clone() },
                _ => Error::Unreadable { path: path.clone(), source },
            })?;
            let id = path.file_stem().map_or_else(
                || path.display().to_string(),
                |s| s.to_string_lossy().into_owned(),
            );
            Article::from_bytes(&id, &path.display().to_string(), &bytes)
        }
    }
}

/// Expands and reads every input, in the stable order of [`expand_inputs`].
pub fn load(inputs: &[PathBuf]) -> Result<Vec<Article>> {
    let mut articles = expand_inputs(inputs)?.iter().map(read).collect::<Result<Vec<_>>>()?;
    ids::make_unique(&mut articles);
    Ok(articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_marks_are_those_of_the_walk() {
        for len in [0, 1, 511, 512, 513, 1024, 1025, 5000] {
            let text = "a".repeat(len);
            assert_eq!(char_marks(&text), walked_marks(&text), "{len}");
        }
        let mixed = format!("{}é{}", "a".repeat(600), "b".repeat(900));
        assert_eq!(char_marks(&mixed), walked_marks(&mixed));
    }

    #[test]
    fn counted_marks_are_those_of_the_walk() {
        // Characters of every UTF-8 length, so that marks fall inside
        // each kind of character and right after it.
        for unit in ["é", "€", "😀", "a—", "“x” ", "aé€😀"] {
            for len in [0, 1, 100, 170, 171, 172, 255, 256, 257, 511, 512, 513, 1100, 3000] {
                let text = unit.repeat(len);
                assert_eq!(counted_marks(&text), walked_marks(&text), "{unit:?} x {len}");
                let shifted = format!("ab{text}");
                assert_eq!(counted_marks(&shifted), walked_marks(&shifted), "ab + {unit:?} x {len}");
            }
        }
    }

    #[test]
    fn line_and_column_count_characters() {
        let a = Article::from_text("a", "a.txt", "first\nsecond “quoted” 9\n".into(), vec![]);
        let nine = a.text.find('9').unwrap();
        assert_eq!(a.line_col(nine), (2, 17));
        assert_eq!(a.line_col(0), (1, 1));
    }

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let a = Article::from_bytes("a", "a.txt", b"\xEF\xBB\xBFone\r\ntwo 5\r\n").unwrap();
        assert!(a.text.starts_with("one"));
        let five = a.text.find('5').unwrap();
        assert_eq!(a.line_col(five), (2, 5));
        assert_eq!(&a.text[a.line_span(1).unwrap().start..a.line_span(1).unwrap().end], "one");
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let a = Article::from_bytes("a", "a.txt", b"caf\xE9 9 people").unwrap();
        assert!(a.text.contains('\u{FFFD}'));
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn inputs_expand_sorted_and_once() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path();
        std::fs::create_dir(dir.join("sub")).expect("sub dir");
        for name in ["b.txt", "a.md", "sub/c.txt", "notes.json", ".hidden.txt"] {
            std::fs::write(dir.join(name), "Crews counted 42 homes.").expect("write");
        }
        let sources = expand_inputs(&[dir.to_path_buf(), dir.join("b.txt")]).expect("expands");
        let names: Vec<String> = sources
            .iter()
            .map(|s| match s {
                Source::File(p) => p.strip_prefix(dir).map(|p| p.display().to_string()).unwrap_or_default(),
                Source::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, vec!["a.md", "b.txt", "sub/c.txt"]);
        assert!(matches!(expand_inputs(&["-".into(), "-".into()]), Err(Error::Usage(_))));
        assert!(matches!(expand_inputs(&[dir.join("none.txt")]), Err(Error::Missing { .. })));
        std::fs::create_dir(dir.join("empty")).expect("empty dir");
        assert!(matches!(expand_inputs(&[dir.join("empty")]), Err(Error::NoArticles { .. })));
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Kim said 9.\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let a = Article::from_bytes("a", "a.txt", &bytes).expect("decoded");
        assert_eq!(a.text, "Kim said 9.\n");
    }

    #[test]
    fn columns_far_into_a_long_line() {
        let line = "é".repeat(3000) + " 7";
        let a = Article::from_text("a", "a.txt", format!("x\n{line}\n"), vec![]);
        let seven = a.text.find('7').expect("a seven");
        assert_eq!(a.line_col(seven), (2, 3002));
        assert_eq!(a.line_col(a.text.len() + 10), (3, 1));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(Article::from_bytes("a", "a.bin", b"\x00\x01PNG"), Err(Error::Binary { .. })));
    }
}

//! Small position helpers shared by every stage that reports a place in a
//! text (articles, rule files, `concord.toml`, expectation files).

/// The largest char boundary at or before `offset` (clamped to the text).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and 1-based column (in characters) of a byte offset.
/// Linear in the offset: for files read once, such as rule files; articles
/// keep a line index instead (`Article::line_col`).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_survive_mid_character_offsets() {
        let text = "a = 1\nname = \"Zoë\"\nx";
        let x = text.rfind('x').unwrap();
        assert_eq!(line_col(text, x), (3, 1));
        let e = text.find('ë').unwrap();
        assert_eq!(line_col(text, e + 1), (2, 11));
        assert_eq!(line_col(text, 10_000), (3, 2));
        assert_eq!(floor_char_boundary("é", 1), 0);
    }
}

//! Article ids that are unique within a story.
//!
//! An article's id is its file stem (the design's contract), which is what
//! an editor recognises. Two files with the same stem in different folders
//! (`ap/story.txt`, `reuters/story.txt`) would share an id, and every
//! finding naming that id would be ambiguous; so colliding ids are
//! lengthened with as many parent folders as it takes to tell them apart
//! (`ap/story`, `reuters/story`). Ids that do not collide are left alone.
//! The result depends only on the set of paths, not on their order, so a
//! report stays the same however the inputs were listed.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use super::Article;

/// Makes the ids of `articles` unique (see the module documentation).
pub fn make_unique(articles: &mut [Article]) {
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        by_id.entry(article.id.clone()).or_default().push(i);
    }
    // Every id as read: a numbered id must not take another file's stem.
    let taken: HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
    for group in by_id.into_values().filter(|g| g.len() > 1) {
        let folders: Vec<Vec<String>> = group.iter().map(|&i| folders_nearest_first(&articles[i].path)).collect();
        let longest = folders.iter().map(Vec::len).max().unwrap_or(0);
        // The fewest parent folders that tell every member apart; when even
        // the full paths agree (stdin and a file named `stdin`, say), the
        // id takes a number in path order instead.
        let depth = (1..=longest).find(|&d| all_distinct(group.iter().zip(&folders).map(|(&i, f)| with_folders(&articles[i].id, f, d))));
        match depth {
            Some(d) => {
                for (&i, f) in group.iter().zip(&folders) {
                    articles[i].id = with_folders(&articles[i].id, f, d);
                }
            }
            None => {
                let mut order = group.clone();
                order.sort_by(|&a, &b| articles[a].path.cmp(&articles[b].path));
                let mut n = 0;
                for &i in &order {
                    let numbered = loop {
                        n += 1;
                        let candidate = format!("{}-{n}", articles[i].id);
                        if !taken.contains(&candidate) {
                            break candidate;
                        }
                    };
                    articles[i].id = numbered;
                }
            }
        }
    }
}

/// The names of the folders holding `path`, nearest first.
fn folders_nearest_first(path: &str) -> Vec<String> {
    let parent = Path::new(path).parent().unwrap_or(Path::new(""));
    let mut names: Vec<String> = parent
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    names.reverse();
    names
}

/// `id` under its `depth` nearest folders, written with `/`.
fn with_folders(id: &str, folders: &[String], depth: usize) -> String {
    let mut parts: Vec<&str> = folders.iter().take(depth).map(String::as_str).collect();
    parts.reverse();
    parts.push(id);
    parts.join("/")
}

fn all_distinct(ids: impl Iterator<Item = String>) -> bool {
    let mut seen = HashSet::new();
    ids.into_iter().all(|id| seen.insert(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(paths: &[&str]) -> Vec<Article> {
        paths
            .iter()
            .map(|p| {
                let id = Path::new(p).file_stem().map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
                Article::from_text(&id, p, "Body text.\n".to_string(), Vec::new())
            })
            .collect()
    }

    fn ids(paths: &[&str]) -> Vec<String> {
        let mut a = articles(paths);
        make_unique(&mut a);
        a.into_iter().map(|a| a.id).collect()
    }

    #[test]
    fn distinct_stems_are_left_alone() {
        assert_eq!(ids(&["news/ap.txt", "news/reuters.md"]), ["ap", "reuters"]);
    }

    #[test]
    fn same_stem_takes_the_nearest_folder_that_differs() {
        assert_eq!(ids(&["in/ap/story.txt", "in/reuters/story.txt", "in/other.txt"]), ["ap/story", "reuters/story", "other"]);
        // Nearest folders agree, the next ones differ.
        assert_eq!(ids(&["a/x/story.txt", "b/x/story.txt"]), ["a/x/story", "b/x/story"]);
    }

    #[test]
    fn same_stem_in_one_folder_is_told_apart_by_number() {
        // `story.txt` and `story.md` side by side: only the extension differs.
        assert_eq!(ids(&["d/story.txt", "d/story.md"]), ["story-2", "story-1"]);
    }

    #[test]
    fn a_number_never_takes_another_file_s_stem() {
        assert_eq!(ids(&["d/story.txt", "d/story.md", "d/story-1.txt"]), ["story-3", "story-2", "story-1"]);
    }

    #[test]
    fn ids_do_not_depend_on_input_order() {
        let forward = ids(&["a/story.txt", "b/story.txt", "c.txt"]);
        let mut backward = ids(&["c.txt", "b/story.txt", "a/story.txt"]);
        backward.reverse();
        assert_eq!(forward, backward);
    }
}

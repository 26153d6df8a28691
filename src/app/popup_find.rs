//! `/` inside a popup: the query line at its bottom, every match in the
//! document, and moving the view to the one shown. Matching is the panes'
//! own ([`super::search::match_ranges`]).

use super::Action;
use super::document::Document;
use super::popup_view::{Find, View};
use super::query_line::{QueryKey, query_key};
use super::search::{contains_ignore_case, match_ranges};

/// The needle the matching functions take for `query`: the query as typed
/// (they apply smart case and folding themselves).
pub fn needle(query: &str) -> String {
    query.to_string()
}

/// The line of each match of `query` in `doc`, in order (a line appears
/// once per match on it).
pub fn match_lines(doc: &Document, query: &str) -> Vec<usize> {
    let needle = needle(query);
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in 0..doc.len() {
        let line = doc.line(i);
        // The substring test is cheap; ranges are counted only where it hits.
        let n: usize = (line.segs.iter())
            .filter(|s| contains_ignore_case(&s.text, &needle))
            .map(|s| match_ranges(&s.text, &needle).len())
            .sum();
        out.extend(std::iter::repeat_n(i, n));
    }
    out
}

/// What the search line says: `[2/5]`, "no match", or nothing yet.
pub fn find_count(find: &Find) -> String {
    if find.query.is_empty() {
        String::new()
    } else if find.count == 0 {
        "no match".into()
    } else {
        format!("[{}/{}]", find.current.min(find.count - 1) + 1, find.count)
    }
}

impl View {
    /// Opens the search line.
    pub fn start_find(&mut self) {
        self.find = Some(Find {
            editing: true,
            origin: self.scroll,
            ..Find::default()
        });
    }

    /// A key while the search line is being typed in. Returns false for a
    /// key it does not take (quit is the caller's).
    pub fn find_key(&mut self, doc: &Document, height: usize, action: &Action) -> bool {
        let Some(find) = self.find.as_mut() else {
            return false;
        };
        match query_key(&mut find.query, action) {
            Some(QueryKey::Edited) => {}
            Some(QueryKey::Keep) => {
                find.editing = false;
                if find.query.is_empty() {
                    self.find = None;
                }
                return true;
            }
            Some(QueryKey::Cancel) => {
                self.scroll = find.origin;
                self.find = None;
                return true;
            }
            None => return false,
        }
        // As the query changes: the first match at or after where the
        // search began.
        let origin = find.origin;
        let matches = match_lines(doc, &find.query);
        find.count = matches.len();
        find.current = 0;
        find.line = None;
        match matches.iter().position(|&l| l >= origin) {
            Some(i) => self.show_match(&matches, i, height),
            None if !matches.is_empty() => self.show_match(&matches, 0, height),
            None => self.scroll = origin,
        }
        true
    }

    /// n (`step` 1) or N (-1): the next or previous match, round the end.
    /// Returns a message when it wrapped or there is nothing to find.
    pub fn find_step(&mut self, doc: &Document, height: usize, step: isize) -> Option<String> {
        let Some(find) = self.find.as_mut() else {
            return Some("no search: press / to search".into());
        };
        let matches = match_lines(doc, &find.query);
        find.count = matches.len();
        if matches.is_empty() {
            return Some("no match".into());
        }
        let n = matches.len() as isize;
        let at = find.current as isize + step;
        let i = at.rem_euclid(n) as usize;
        self.show_match(&matches, i, height);
        (at < 0 || at >= n).then(|| {
            if step > 0 {
                "search wrapped to the first match".into()
            } else {
                "search wrapped to the last match".into()
            }
        })
    }

    fn show_match(&mut self, matches: &[usize], i: usize, height: usize) {
        let line = matches[i];
        if let Some(find) = self.find.as_mut() {
            find.current = i;
            find.line = Some(line);
        }
        // A match out of view is brought to a third of the way down, with
        // what leads up to it above (the scroll is clamped after the update).
        let height = height.max(1);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
        }
    }
}

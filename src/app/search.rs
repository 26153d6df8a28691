//! Incremental search in one pane: the query and what a row's searchable text is.

use crate::model::Briefing;

use super::rows::DisagreementRow;
use super::{Action, App, Pane, Rows};

/// A search in `pane`. While `editing`, typed characters extend the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    pub editing: bool,
    /// The selection when the search began, where incremental matching starts.
    pub origin: usize,
}

impl App {
    pub(super) fn update_search_line(&mut self, action: Action) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) => {
                search.query.push(c);
                self.find_match(false, 1);
            }
            Action::DeleteChar => {
                search.query.pop();
                self.find_match(false, 1);
            }
            Action::Confirm => search.editing = false,
            Action::Back => {
                let origin = search.origin;
                let pane = search.pane;
                self.search = None;
                self.select(pane, origin);
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Moves to the next (`step` 1) or previous (-1) match. `skip_current`
    /// starts after the selection (n/N); typing re-tests from the origin.
    pub(super) fn find_match(&mut self, skip_current: bool, step: isize) {
        let Some(search) = &self.search else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let pane = search.pane;
        let needle = search.query.to_lowercase();
        let len = self.rows.len(pane);
        if len == 0 || needle.is_empty() {
            return;
        }
        let start = if skip_current {
            self.lists[pane.index()].selected
        } else {
            search.origin
        };
        let b = &self.briefings[self.current];
        // The Quotes pane can be long: one scan of the quote corpus marks
        // every matching quote, then rows are tested by lookup.
        let hits = (pane == Pane::Quotes && !needle.contains('\n'))
            .then(|| b.quote_corpus().matching(&needle));
        let matches = |row: usize| match &hits {
            Some(hits) => hits[self.rows.quotes[row]],
            None => row_matches(b, &self.rows, pane, row, &needle),
        };
        let first = if skip_current { 1 } else { 0 };
        let found = (first..=len)
            .map(|k| (start as isize + step * k as isize).rem_euclid(len as isize) as usize)
            .find(|&row| matches(row));
        match found {
            Some(row) => {
                self.focus = pane;
                self.select(pane, row);
            }
            None => {
                self.message = Some(format!(
                    "no match for “{}”",
                    crate::text::one_line(&search.query)
                ))
            }
        }
    }
}

/// Does row `row` of `pane` contain `needle` (already lowercase)?
pub fn row_matches(b: &Briefing, rows: &Rows, pane: Pane, row: usize, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let has = |s: &str| contains_ignore_case(s, needle);
    match pane {
        Pane::Timeline => {
            let e = &b.events[rows.timeline[row]];
            has(&e.title)
                || e.place.as_deref().is_some_and(has)
                || e.detail.as_deref().is_some_and(has)
        }
        Pane::Speakers => {
            let s = &b.speakers[rows.speakers[row]];
            has(&s.name) || has(&s.role) || s.affiliation.as_deref().is_some_and(has)
        }
        Pane::Quotes => {
            let qi = rows.quotes[row];
            let q = &b.quotes[qi];
            has(&q.text) || has(&b.speaker_of(qi).name) || q.venue.as_deref().is_some_and(has)
        }
        Pane::Disagreements => match rows.disagreements[row] {
            DisagreementRow::Heading(d) => {
                has(&b.disagreements[d].title) || has(&b.disagreements[d].summary)
            }
            DisagreementRow::Position(d, p) => {
                let position = &b.disagreements[d].positions[p];
                has(&position.stance) || b.speaker(&position.speaker).is_some_and(|s| has(&s.name))
            }
        },
    }
}

/// Case-insensitive substring test; `needle` must already be lowercase.
/// An ASCII needle is found without allocating: candidates are the places of
/// its first byte in either case (memchr), each compared ignoring ASCII case
/// (ASCII bytes never occur inside a multi-byte UTF-8 character).
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if !needle.is_ascii() {
        return haystack.to_lowercase().contains(needle);
    }
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    if n.len() > h.len() {
        return false;
    }
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &h[..=last_start],
    )
    .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Byte ranges of `needle` (lowercase) in `text`, for highlighting. Works on
/// characters, so ranges are always on character boundaries of `text`.
pub fn match_ranges(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let lower: Vec<(usize, char)> = text
        .char_indices()
        .flat_map(|(i, c)| {
            let mut l = c.to_lowercase();
            let first = l.next().unwrap_or(c);
            // Characters whose lowercase is several characters keep their first.
            let _ = l.count();
            std::iter::once((i, first))
        })
        .collect();
    let n: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + n.len() <= lower.len() {
        if lower[i..i + n.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(n.iter().copied())
        {
            let start = lower[i].0;
            let end = lower.get(i + n.len()).map_or(text.len(), |(j, _)| *j);
            out.push(start..end);
            i += n.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_ignores_case() {
        assert!(contains_ignore_case(
            "Article 5-like protection",
            "article 5"
        ));
        assert!(contains_ignore_case("ÉTAT", "état"));
        assert!(!contains_ignore_case("peace", "war"));
        assert!(contains_ignore_case("sécurité Ukraine", "ukraine"));
        assert!(contains_ignore_case("abc", "c"));
        assert!(!contains_ignore_case("ab", "abc"));
        assert_eq!(match_ranges("Peace, peace", "peace"), [0..5, 7..12]);
        assert_eq!(match_ranges("Über über", "über"), [0..5, 6..11]);
    }
}

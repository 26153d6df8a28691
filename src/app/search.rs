//! Incremental search in one pane: the query and what a row's searchable text is.

use crate::model::Briefing;

use super::rows::DisagreementRow;
use super::{Pane, Rows};

/// A search in `pane`. While `editing`, typed characters extend the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    pub editing: bool,
    /// The selection when the search began, where incremental matching starts.
    pub origin: usize,
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

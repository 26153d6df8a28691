//! `/` in the source view: a search of the text shown, matched as every
//! search is (smart case, typographic folding), segment by segment from
//! where the view is, wrapping at either end. Each key costs at most one
//! pass over the text; drawing costs nothing more.

use std::ops::Range;

use super::search::match_ranges;
use super::source_text::{Pos, Segments};

/// A search in the source view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFind {
    pub query: String,
    /// Typed characters extend the query.
    pub editing: bool,
    /// The match shown.
    pub hit: Option<Range<usize>>,
    /// The first row shown when the search began (Esc goes back to it).
    pub origin: Pos,
    /// The byte the search began from.
    pub from: usize,
}

/// The matches of `query` in segment `i`.
fn matches_in(seg: &Segments, text: &str, i: usize, query: &str) -> Vec<Range<usize>> {
    let r = seg.range(text, i);
    match_ranges(&text[r.clone()], query)
        .into_iter()
        .map(|m| r.start + m.start..r.start + m.end)
        .collect()
}

/// The first match of `query` starting at or after byte `from`, else the
/// first from the top (`forward`); or the last starting before `from`,
/// else the last of all.
pub fn find(
    seg: &Segments,
    text: &str,
    query: &str,
    from: usize,
    forward: bool,
) -> Option<Range<usize>> {
    if query.is_empty() {
        return None;
    }
    let first = seg.segment_of(from);
    let n = seg.len();
    if forward {
        (0..=n).find_map(|k| {
            let i = (first + k) % n;
            let ms = matches_in(seg, text, i, query);
            match k {
                0 => ms.into_iter().find(|m| m.start >= from),
                k if k == n => ms.into_iter().find(|m| m.start < from),
                _ => ms.into_iter().next(),
            }
        })
    } else {
        (0..=n).find_map(|k| {
            let i = (first + n - k % n) % n;
            let ms = matches_in(seg, text, i, query);
            match k {
                0 => ms.into_iter().rev().find(|m| m.start < from),
                k if k == n => ms.into_iter().rev().find(|m| m.start >= from),
                _ => ms.into_iter().next_back(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_forward_and_back_and_wraps() {
        let text = "Peace now.\nNo peace yet.\nA peace deal.";
        let s = Segments::new(text);
        let second = text.find("peace").unwrap();
        let third = text.rfind("peace").unwrap();
        assert_eq!(find(&s, text, "peace", 0, true), Some(0..5));
        assert_eq!(find(&s, text, "peace", 1, true), Some(second..second + 5));
        assert_eq!(find(&s, text, "peace", third + 1, true), Some(0..5));
        assert_eq!(find(&s, text, "peace", second, false), Some(0..5));
        assert_eq!(find(&s, text, "peace", 0, false), Some(third..third + 5));
        assert_eq!(find(&s, text, "Peace", 1, true), Some(0..5), "smart case");
        assert_eq!(find(&s, text, "war", 0, true), None);
    }
}

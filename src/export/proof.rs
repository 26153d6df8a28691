//! What the exports say about provenance: the name of each quote's
//! verification state and of each source's archive state, and where in the
//! archived copy a quote was found, by byte range, line and column.

use std::cell::OnceCell;
use std::ops::Range;

use serde::Serialize;

use crate::model::provenance::ArchiveState;
use crate::model::{Briefing, Proof};

/// The export's name for a quote's verification state.
pub fn verification(proof: &Proof) -> &'static str {
    match proof {
        Proof::Unchecked => "unchecked",
        Proof::NoSource => "no_source",
        Proof::NoCopy => "no_copy",
        Proof::NoSelector => "no_selector",
        Proof::Verbatim { .. } => "verbatim",
        Proof::Located { .. } => "located",
        Proof::NotVerbatim { .. } => "not_verbatim",
        Proof::NotLocated => "not_located",
    }
}

/// The export's name for a source's archived copy: `unchecked` when
/// verification has not run.
pub fn archive(state: Option<&ArchiveState>) -> &'static str {
    match state {
        None => "unchecked",
        Some(ArchiveState::NotNamed) => "not_named",
        Some(ArchiveState::NotFound { .. }) => "not_found",
        Some(ArchiveState::Unreadable { .. }) => "unreadable",
        Some(ArchiveState::Mismatch { .. }) => "mismatch",
        Some(ArchiveState::Found(_)) => "found",
    }
}

/// Quote `qi`'s proof; `Unchecked` when verification has not run.
pub fn of(b: &Briefing, qi: usize) -> &Proof {
    const UNCHECKED: Proof = Proof::Unchecked;
    b.provenance.quotes.get(qi).unwrap_or(&UNCHECKED)
}

/// A passage of an archived copy: byte range, and the 1-based line and
/// column (in characters) where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// Places passages in the archived copies of one briefing's sources. The
/// line starts of each copy are found once, on first use, so placing every
/// quote costs one pass over each copy plus a binary search per quote.
pub struct Placer<'a> {
    b: &'a Briefing,
    lines: Vec<OnceCell<Vec<usize>>>,
}

impl<'a> Placer<'a> {
    pub fn new(b: &'a Briefing) -> Placer<'a> {
        Placer {
            b,
            lines: (0..b.sources.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    /// Where quote `qi` was found, when it was.
    pub fn found(&self, qi: usize) -> Option<Place> {
        self.place(qi, of(self.b, qi).place()?)
    }

    /// The passage closest to a direct quote that is not verbatim, when one
    /// was found.
    pub fn closest(&self, qi: usize) -> Option<Place> {
        match of(self.b, qi) {
            Proof::NotVerbatim {
                closest: Some(range),
            } => self.place(qi, range.clone()),
            _ => None,
        }
    }

    fn place(&self, qi: usize, at: Range<usize>) -> Option<Place> {
        let id = self.b.quotes[qi].source.as_deref()?;
        let si = self.b.sources.iter().position(|s| s.id == id)?;
        let Some(ArchiveState::Found(archive)) = self.b.provenance.archives.get(si) else {
            return None;
        };
        let text = &archive.text;
        let start = at.start.min(text.len());
        let starts = self.lines[si].get_or_init(|| {
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= start);
        let from = starts[line - 1];
        let column = text.get(from..start).map_or(1, |s| s.chars().count() + 1);
        Some(Place {
            start: at.start,
            end: at.end,
            line,
            column,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::provenance::Archive;

    fn briefing_with(text: &str, proof: Proof) -> Briefing {
        let mut b = Briefing::bundled();
        let qi = 0;
        let si = (b.sources.iter())
            .position(|s| Some(&s.id) == b.quotes[qi].source.as_ref())
            .unwrap();
        b.provenance.archives = vec![ArchiveState::NotNamed; b.sources.len()];
        b.provenance.archives[si] = ArchiveState::Found(Archive {
            path: PathBuf::from("copy.txt"),
            text: text.into(),
        });
        b.provenance.quotes[qi] = proof;
        b
    }

    #[test]
    fn places_count_lines_and_characters_from_one() {
        let text = "first line\nsecond “line”\nthird";
        let at = text.find("line”").unwrap();
        let b = briefing_with(
            text,
            Proof::Verbatim {
                at: at..at + 4,
                occurrences: 1,
            },
        );
        let place = Placer::new(&b).found(0).unwrap();
        assert_eq!((place.line, place.column), (2, 9));
        assert_eq!((place.start, place.end), (at, at + 4));
        let b = briefing_with(text, Proof::Located { at: 0..5 });
        assert_eq!(Placer::new(&b).found(0).unwrap().line, 1);
        let third = text.find("third").unwrap();
        let b = briefing_with(
            text,
            Proof::NotVerbatim {
                closest: Some(third..third + 5),
            },
        );
        let placer = Placer::new(&b);
        assert_eq!(placer.found(0), None);
        let closest = placer.closest(0).unwrap();
        assert_eq!((closest.line, closest.column), (3, 1));
    }

    #[test]
    fn nothing_is_placed_without_a_copy() {
        let b = Briefing::bundled();
        assert_eq!(Placer::new(&b).found(0), None);
        assert_eq!(verification(of(&b, 0)), "unchecked");
        assert_eq!(archive(b.provenance.archives.first()), "unchecked");
    }
}

//! What the exports say about provenance: the name of each quote's
//! verification state and of each source's archive state, and where in the
//! archived copy a quote was found, by byte range, line and column.

use std::collections::HashMap;

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

/// Every quote's place in its source's archived copy, found for all quotes
/// at once: per copy, the passages are sorted and the copy walked once,
/// counting lines and characters, so the cost is linear in the copies plus
/// `q log q` in the quotes however long their lines are.
pub struct Placer {
    found: Vec<Option<Place>>,
    closest: Vec<Option<Place>>,
}

impl Placer {
    pub fn new(b: &Briefing) -> Placer {
        let n = b.quotes.len();
        let mut placer = Placer {
            found: vec![None; n],
            closest: vec![None; n],
        };
        let by_id: HashMap<&str, usize> = (b.sources.iter().enumerate())
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        // Per source: (start, end, quote, whether it is the closest passage).
        let mut wanted: Vec<Vec<(usize, usize, usize, bool)>> = vec![Vec::new(); b.sources.len()];
        for (qi, q) in b.quotes.iter().enumerate() {
            let Some(&si) = q.source.as_deref().and_then(|id| by_id.get(id)) else {
                continue;
            };
            let proof = of(b, qi);
            if let Some(at) = proof.place() {
                wanted[si].push((at.start, at.end, qi, false));
            } else if let Proof::NotVerbatim {
                closest: Some(at), ..
            } = proof
            {
                wanted[si].push((at.start, at.end, qi, true));
            }
        }
        for (si, mut passages) in wanted.into_iter().enumerate() {
            let Some(ArchiveState::Found(archive)) = b.provenance.archives.get(si) else {
                continue;
            };
            passages.sort_unstable();
            let text = &archive.text;
            // Line and column at byte `at`, walking forward from the last.
            let (mut at, mut line, mut column) = (0, 1, 1);
            for (start, end, qi, closest) in passages {
                let start = floor(text, start);
                for c in text[at..start].chars() {
                    if c == '\n' {
                        line += 1;
                        column = 1;
                    } else {
                        column += 1;
                    }
                }
                at = start;
                let place = Some(Place {
                    start,
                    end,
                    line,
                    column,
                });
                if closest {
                    placer.closest[qi] = place;
                } else {
                    placer.found[qi] = place;
                }
            }
        }
        placer
    }

    /// Where quote `qi` was found, when it was.
    pub fn found(&self, qi: usize) -> Option<Place> {
        self.found[qi].clone()
    }

    /// The passage closest to a direct quote that is not verbatim, when one
    /// was found.
    pub fn closest(&self, qi: usize) -> Option<Place> {
        self.closest[qi].clone()
    }
}

/// The largest char boundary of `text` at or before `i`.
fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
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
    fn placing_many_quotes_on_one_long_line_is_one_walk() {
        // 100,000 quotes spread over a 5 MB copy that is a single line: a
        // column counted from the line's start for each would be quadratic.
        let mut b = Briefing::bundled();
        let text = "é".repeat(2_500_000);
        let quote = b.quotes[0].clone();
        let n = 100_000;
        b.quotes = vec![quote; n];
        b.provenance.quotes = (0..n)
            .map(|i| {
                let at = (n - 1 - i) * 50;
                Proof::Located { at: at..at + 2 }
            })
            .collect();
        b.provenance.archives = vec![ArchiveState::Found(Archive {
            path: PathBuf::from("copy.txt"),
            text,
        })];
        let started = std::time::Instant::now();
        let placer = Placer::new(&b);
        let last = placer.found(0).unwrap();
        assert_eq!((last.line, last.column), (1, (n - 1) * 25 + 1));
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn nothing_is_placed_without_a_copy() {
        let b = Briefing::bundled();
        assert_eq!(Placer::new(&b).found(0), None);
        assert_eq!(verification(of(&b, 0)), "unchecked");
        assert_eq!(archive(b.provenance.archives.first()), "unchecked");
    }
}

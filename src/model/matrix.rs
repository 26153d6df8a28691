//! The stance matrix: which party holds which position on which
//! disagreement. Parties are the speakers holding at least one position
//! among the disagreements asked for; each cell is a position or nothing.
//! Built once (when the view opens or its filters change), linear in the
//! positions; a cell is found by a binary search in its party's row.

use super::Briefing;

/// A party's position on one disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Index of the position in the disagreement's `positions`.
    pub position: usize,
    /// In the story view of a library: the stance or its label differs
    /// between the briefings that hold it.
    pub changed: bool,
}

/// Parties × disagreements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    /// Speaker indices, in the briefing's order.
    pub parties: Vec<usize>,
    /// Disagreement indices, in the order asked for.
    pub columns: Vec<usize>,
    /// Per party: (column, cell), by column.
    rows: Vec<Vec<(usize, Cell)>>,
    /// How many cells hold a position.
    pub filled: usize,
}

impl Matrix {
    /// The matrix of the disagreements `columns` of `b` (each once, in that
    /// order). With `only`, just the columns where that speaker holds a
    /// position. A speaker with two positions on one disagreement keeps
    /// the first.
    pub fn build(b: &Briefing, columns: &[usize], only: Option<usize>) -> Matrix {
        let speaker_of = |id: &str| b.index.speaker_by_id.get(id).copied();
        let columns: Vec<usize> = match only {
            Some(s) => (columns.iter().copied())
                .filter(|&d| {
                    (b.disagreements[d].positions.iter()).any(|p| speaker_of(&p.speaker) == Some(s))
                })
                .collect(),
            None => columns.to_vec(),
        };
        let mut holds = vec![false; b.speakers.len()];
        for &d in &columns {
            for p in &b.disagreements[d].positions {
                if let Some(s) = speaker_of(&p.speaker) {
                    holds[s] = true;
                }
            }
        }
        let parties: Vec<usize> = (0..holds.len()).filter(|&s| holds[s]).collect();
        let mut row_of = vec![usize::MAX; b.speakers.len()];
        for (r, &s) in parties.iter().enumerate() {
            row_of[s] = r;
        }
        let library = b.library.as_deref();
        let mut rows: Vec<Vec<(usize, Cell)>> = vec![Vec::new(); parties.len()];
        let mut filled = 0;
        for (c, &d) in columns.iter().enumerate() {
            for (position, p) in b.disagreements[d].positions.iter().enumerate() {
                let Some(s) = speaker_of(&p.speaker) else {
                    continue;
                };
                let row = &mut rows[row_of[s]];
                if row.last().is_some_and(|&(last, _)| last == c) {
                    continue;
                }
                let changed =
                    (library.and_then(|l| l.stances.get(d)?.get(position))).is_some_and(|steps| {
                        (steps.windows(2))
                            .any(|w| w[0].stance != w[1].stance || w[0].label != w[1].label)
                    });
                row.push((c, Cell { position, changed }));
                filled += 1;
            }
        }
        Matrix {
            parties,
            columns,
            rows,
            filled,
        }
    }

    /// No party, or no disagreement.
    pub fn is_empty(&self) -> bool {
        self.parties.is_empty() || self.columns.is_empty()
    }

    /// The cell of party row `row` in column `col`, if it holds a position.
    pub fn cell(&self, row: usize, col: usize) -> Option<Cell> {
        let cells = self.rows.get(row)?;
        let at = cells.binary_search_by_key(&col, |&(c, _)| c).ok()?;
        Some(cells[at].1)
    }

    /// The cells of party row `row`, by column.
    pub fn row(&self, row: usize) -> &[(usize, Cell)] {
        self.rows.get(row).map_or(&[], Vec::as_slice)
    }

    /// The row of speaker `s`, if a party.
    pub fn party_row(&self, s: usize) -> Option<usize> {
        self.parties.binary_search(&s).ok()
    }

    /// The column of disagreement `d`, if shown.
    pub fn column_of(&self, d: usize) -> Option<usize> {
        self.columns.iter().position(|&c| c == d)
    }
}

/// What a cell says in a few words: the position's label, else its stance
/// (cut to the room by whoever shows it).
pub fn cell_words(b: &Briefing, d: usize, position: usize) -> &str {
    let p = &b.disagreements[d].positions[position];
    p.label.as_deref().unwrap_or(&p.stance)
}

/// The first `words` words of `text` on one line, with `…` when cut.
pub fn first_words(text: &str, words: usize) -> String {
    let line = crate::text::one_line(text);
    let mut parts = line.split_whitespace();
    let kept: Vec<&str> = parts.by_ref().take(words).collect();
    let mut out = kept.join(" ");
    if parts.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alaska() -> Briefing {
        Briefing::bundled()
    }

    #[test]
    fn parties_are_the_speakers_with_a_position_and_cells_their_positions() {
        let b = alaska();
        let all: Vec<usize> = (0..b.disagreements.len()).collect();
        let m = Matrix::build(&b, &all, None);
        assert_eq!(m.columns, all);
        let positions: usize = b.disagreements.iter().map(|d| d.positions.len()).sum();
        assert_eq!(m.filled, positions);
        for (r, &s) in m.parties.iter().enumerate() {
            assert!(!b.index.positions_by_speaker[s].is_empty());
            for &(d, p) in &b.index.positions_by_speaker[s] {
                let cell = m.cell(r, m.column_of(d).unwrap()).unwrap();
                assert_eq!(cell.position, p);
                assert!(!cell.changed);
            }
        }
        let without = (0..b.speakers.len())
            .filter(|&s| b.index.positions_by_speaker[s].is_empty())
            .count();
        assert_eq!(m.parties.len() + without, b.speakers.len());
    }

    #[test]
    fn following_keeps_the_columns_of_that_party() {
        let b = alaska();
        let all: Vec<usize> = (0..b.disagreements.len()).collect();
        let full = Matrix::build(&b, &all, None);
        let s = full.parties[0];
        let m = Matrix::build(&b, &all, Some(s));
        let row = m.party_row(s).unwrap();
        assert!(!m.columns.is_empty());
        assert!((0..m.columns.len()).all(|c| m.cell(row, c).is_some()));
        assert!(Matrix::build(&b, &[], None).is_empty());
    }

    #[test]
    fn first_words_cut_with_an_ellipsis() {
        assert_eq!(first_words("a b c", 3), "a b c");
        assert_eq!(first_words("a  b\nc d", 3), "a b c…");
        assert_eq!(first_words("x\u{1b}[2J y", 1), "x^[[2J…");
    }
}

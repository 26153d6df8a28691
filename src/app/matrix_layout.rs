//! Where the stance matrix view is on screen, shared by drawing, the keys
//! and the mouse: its frame, the grid (a header row, then the rows), the
//! rule with the cursor's place, the cell's detail below; the width of the
//! frozen first column and of the cells, and how many rows and columns fit.
//! Also which way round the matrix goes on a screen of a given shape.

use ratatui::layout::Rect;

/// The narrowest a cell gets; the widest.
pub const CELL_MIN: u16 = 11;
pub const CELL_MAX: u16 = 32;
/// The widest the first column gets: party names, disagreement titles.
const FIRST_MAX_PARTIES: usize = 28;
const FIRST_MAX_TITLES: usize = 40;

/// The view's rectangles and the grid's measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MatrixLayout {
    /// The frame, between the header and the status line.
    pub outer: Rect,
    /// The header rows and the rows.
    pub grid: Rect,
    /// How many lines the headers take: two where the screen is tall.
    pub header: u16,
    /// One line between the grid and the detail.
    pub rule: Rect,
    /// The selected cell's stance and quotes.
    pub detail: Rect,
    /// The frozen first column's width, its margin included.
    pub first: u16,
    /// A cell's width (each followed by a one-column gap).
    pub cell: u16,
    /// Rows and columns of cells in view.
    pub rows: usize,
    pub cols: usize,
}

/// What the first column and the headers need, in display columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Widths {
    /// The widest party name.
    pub party: usize,
    /// The widest disagreement title, its marks included.
    pub title: usize,
}

impl MatrixLayout {
    /// The layout on `screen` of a grid of `rows` × `cols` cells whose
    /// first column wants `first` columns (`transposed`: disagreement
    /// titles there, else party names).
    pub fn new(screen: Rect, rows: usize, cols: usize, widths: Widths, transposed: bool) -> Self {
        let outer = Rect::new(
            screen.x,
            screen.y.saturating_add(1),
            screen.width,
            screen.height.saturating_sub(2),
        );
        let inner = Rect::new(
            outer.x.saturating_add(1),
            outer.y.saturating_add(1),
            outer.width.saturating_sub(2),
            outer.height.saturating_sub(2),
        );
        let h = inner.height;
        // The detail takes at least two fifths, and what the grid leaves.
        let detail_min = if h >= 5 { h * 2 / 5 } else { 0 };
        let rule_h = u16::from(h >= 5);
        let header = if h >= 16 { 2 } else { 1 };
        let wanted = u16::try_from(rows.saturating_add(usize::from(header))).unwrap_or(u16::MAX);
        let grid_h = (h - detail_min - rule_h).min(wanted.max(header + 2)).min(h);
        let detail_h = h - grid_h - rule_h.min(h - grid_h);
        let rule_h = h - grid_h - detail_h;
        let grid = Rect::new(inner.x, inner.y, inner.width, grid_h);
        let rule = Rect::new(inner.x, inner.y + grid_h, inner.width, rule_h);
        let detail = Rect::new(inner.x, rule.y + rule_h, inner.width, detail_h);

        let w = usize::from(inner.width);
        let (wanted, cap) = if transposed {
            (widths.title, FIRST_MAX_TITLES)
        } else {
            (widths.party, FIRST_MAX_PARTIES)
        };
        // The margin (a mark, a space) and a gap after.
        let first = (wanted + 3).min(cap).min((w / 3).max(8)).min(w);
        let avail = w - first;
        let fit = (avail / usize::from(CELL_MIN + 1)).max(1);
        let shown = cols.min(fit).max(1);
        let cell = ((avail / shown).saturating_sub(1)).min(usize::from(CELL_MAX));
        let cols_in_view = if cell == 0 {
            0
        } else {
            (avail / (cell + 1)).min(cols)
        };
        MatrixLayout {
            outer,
            grid,
            rule,
            detail,
            header,
            first: first as u16,
            cell: cell as u16,
            rows: usize::from(grid_h.saturating_sub(header)).min(rows),
            cols: cols_in_view,
        }
    }

    /// How many rows fit, whatever the matrix holds.
    pub fn page(&self) -> usize {
        usize::from(self.grid.height.saturating_sub(self.header)).max(1)
    }

    /// The screen column where visible column `i` starts.
    pub fn column_x(&self, i: usize) -> u16 {
        self.grid.x + self.first + (i as u16) * (self.cell + 1)
    }
}

/// Which way round a matrix of `parties` × `disagreements` goes on
/// `screen`: parties as rows unless disagreements as rows show more cells
/// at once (`flipped` turns the choice round).
pub fn transposed(screen: Rect, parties: usize, disagreements: usize, widths: Widths) -> bool {
    let cells = |transposed: bool| {
        let (r, c) = if transposed {
            (disagreements, parties)
        } else {
            (parties, disagreements)
        };
        let l = MatrixLayout::new(screen, r, c, widths, transposed);
        l.rows * l.cols
    };
    cells(true) > cells(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_fits_the_screen_at_any_size() {
        let widths = Widths {
            party: 30,
            title: 80,
        };
        for w in 0..130u16 {
            for h in 0..45u16 {
                let screen = Rect::new(0, 0, w, h);
                for t in [false, true] {
                    let l = MatrixLayout::new(screen, 300, 300, widths, t);
                    for r in [l.outer, l.grid, l.rule, l.detail] {
                        assert!(
                            r.right() <= w.max(r.x) && r.bottom() <= h.max(r.y),
                            "{w}x{h}"
                        );
                    }
                    if l.cols > 0 {
                        let end = l.column_x(l.cols - 1) + l.cell;
                        assert!(end <= l.grid.right(), "{w}x{h} {l:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn at_40x12_the_grid_shows_cells_and_a_detail() {
        let l = MatrixLayout::new(Rect::new(0, 0, 40, 12), 7, 3, Widths::default(), false);
        assert!(l.rows >= 2 && l.cols >= 2, "{l:?}");
        assert!(l.detail.height >= 2);
    }
}

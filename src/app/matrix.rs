//! The stance matrix view (`m`): parties × disagreements with a cursor on
//! one cell, and what its keys do. The matrix is built when the view opens
//! and again when the topic filter, the followed speaker or the briefing
//! change ([`App::refresh_matrix`]); moving never scans the briefing.
//!
//! Its columns are the disagreements the Disagreements pane lists (the
//! topic filter applies); with a followed speaker, only the disagreements
//! where that party holds a position, and the party's row is marked.

use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use super::matrix_layout::{MatrixLayout, Widths, transposed};
use super::{Action, App, DisagreementRow, Pane, Popup, Target};
use crate::model::matrix::Matrix;
use crate::text::one_line;

/// The view's state: the matrix, the cursor (in the matrix's own terms:
/// party row and column) and what is in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixView {
    pub matrix: Arc<Matrix>,
    /// The party row and the column of the cursor.
    pub row: usize,
    pub col: usize,
    /// The first row and column of cells in view, as drawn (after any
    /// transposition).
    pub top: usize,
    pub left: usize,
    /// Rows and columns swapped from what the screen's shape chooses.
    pub flipped: bool,
    /// The first line of the cell's detail shown.
    pub detail_scroll: usize,
    /// What the first column and the headers need.
    pub widths: Widths,
    /// A search of the parties and disagreements (`/`).
    pub find: Option<super::matrix_find::MatrixFind>,
    /// The speaker and disagreement under the cursor, by id: the cursor
    /// finds them again when the matrix is built anew (after a reload too).
    at: (String, String),
}

/// A mark before a disagreement's title: `?` an open question, `≠` a
/// dispute; `✓` after it when resolved.
pub fn title_mark(b: &crate::model::Briefing, d: usize) -> &'static str {
    use crate::model::{DisagreementKind, Status};
    let dis = &b.disagreements[d];
    match (dis.kind, dis.status) {
        (DisagreementKind::Question, Status::Resolved) => "?✓",
        (DisagreementKind::Question, _) => "? ",
        (DisagreementKind::Dispute, Status::Resolved) => "≠✓",
        (DisagreementKind::Dispute, _) => "≠ ",
    }
}

impl MatrixView {
    /// Is the matrix drawn with disagreements as rows on `screen`?
    pub fn transposed(&self, screen: ratatui::layout::Rect) -> bool {
        let m = &self.matrix;
        transposed(screen, m.parties.len(), m.columns.len(), self.widths) != self.flipped
    }

    /// The layout on `screen`.
    pub fn layout(&self, screen: ratatui::layout::Rect) -> MatrixLayout {
        let t = self.transposed(screen);
        let (r, c) = self.shape(t);
        MatrixLayout::new(screen, r, c, self.widths, t)
    }

    /// Rows and columns as drawn.
    fn shape(&self, transposed: bool) -> (usize, usize) {
        let m = &self.matrix;
        if transposed {
            (m.columns.len(), m.parties.len())
        } else {
            (m.parties.len(), m.columns.len())
        }
    }

    /// The cursor as drawn: (row, column).
    pub fn cursor(&self, transposed: bool) -> (usize, usize) {
        if transposed {
            (self.col, self.row)
        } else {
            (self.row, self.col)
        }
    }

    /// The first row and column in view so that the cursor is, on a layout
    /// with `rows` × `cols` cells in view.
    pub fn window(&self, transposed: bool, rows: usize, cols: usize) -> (usize, usize) {
        let (r, c) = self.cursor(transposed);
        let fit = |first: usize, at: usize, n: usize| {
            if n == 0 || at < first {
                at
            } else if at >= first + n {
                at + 1 - n
            } else {
                first
            }
        };
        (fit(self.top, r, rows), fit(self.left, c, cols))
    }

    /// The speaker and disagreement under the cursor.
    pub fn at(&self) -> Option<(usize, usize)> {
        let m = &self.matrix;
        Some((*m.parties.get(self.row)?, *m.columns.get(self.col)?))
    }
}

impl App {
    /// The stance matrix view, if open.
    pub fn matrix_view(&self) -> Option<&MatrixView> {
        self.popups.iter().rev().find_map(|p| match p {
            Popup::Matrix(v) => Some(v),
            _ => None,
        })
    }

    pub(super) fn matrix_view_mut(&mut self) -> Option<&mut MatrixView> {
        self.popups.iter_mut().rev().find_map(|p| match p {
            Popup::Matrix(v) => Some(v),
            _ => None,
        })
    }

    /// The matrix of what the panes list now: the Disagreements pane's
    /// disagreements, narrowed to the followed speaker's.
    fn build_matrix(&self) -> (Matrix, Widths) {
        let b = self.briefing();
        let mut columns = Vec::new();
        for row in &self.rows.disagreements {
            if let DisagreementRow::Heading(d) = row {
                columns.push(*d);
            }
        }
        let matrix = Matrix::build(b, &columns, self.followed);
        let party = (matrix.parties.iter())
            .map(|&s| one_line(&b.speakers[s].name).width())
            .max()
            .unwrap_or(0);
        let title = (matrix.columns.iter())
            .map(|&d| one_line(&b.disagreements[d].title).width() + 3)
            .max()
            .unwrap_or(0);
        (matrix, Widths { party, title })
    }

    /// `m`: opens the matrix on the item selected (a position, a
    /// disagreement, a speaker, or the one a detail view shows), or closes
    /// it when it is on top.
    pub(super) fn toggle_matrix(&mut self) {
        if matches!(self.popups.last(), Some(Popup::Matrix(_))) {
            self.popups.pop();
            return;
        }
        let b = self.briefing();
        if b.disagreements.iter().all(|d| d.positions.is_empty()) {
            self.message = Some("no stance matrix: this briefing gives no positions".into());
            return;
        }
        let (speaker, disagreement) = match self.popups.last() {
            Some(Popup::Detail { target, .. }) => match *target {
                Target::Speaker(s) => (Some(s), None),
                Target::Disagreement(d) => (None, Some(d)),
                Target::Quote(q) => (Some(b.index.speaker_of_quote[q]), None),
                Target::Event(_) => (None, None),
            },
            Some(_) => (None, None),
            None => match self.focus {
                Pane::Disagreements => {
                    match self
                        .rows
                        .disagreements
                        .get(self.list(Pane::Disagreements).selected)
                    {
                        Some(DisagreementRow::Position(d, p)) => {
                            let id = &b.disagreements[*d].positions[*p].speaker;
                            (b.index.speaker_by_id.get(id).copied(), Some(*d))
                        }
                        Some(DisagreementRow::Heading(d)) => (None, Some(*d)),
                        None => (None, None),
                    }
                }
                Pane::Speakers => match self.selected_target(Pane::Speakers) {
                    Some(Target::Speaker(s)) => (Some(s), None),
                    _ => (None, None),
                },
                _ => (None, None),
            },
        };
        let speaker = speaker.or(self.followed);
        // An open matrix under other popups comes back to the top.
        if let Some(i) = self
            .popups
            .iter()
            .position(|p| matches!(p, Popup::Matrix(_)))
        {
            self.popups.truncate(i + 1);
        } else {
            let (matrix, widths) = self.build_matrix();
            self.popups.push(Popup::Matrix(MatrixView {
                matrix: Arc::new(matrix),
                row: 0,
                col: 0,
                top: 0,
                left: 0,
                flipped: false,
                detail_scroll: 0,
                widths,
                find: None,
                at: (String::new(), String::new()),
            }));
        }
        self.place_matrix_cursor(speaker, disagreement);
    }

    /// Puts the cursor on the cell of speaker `s` and disagreement `d`,
    /// as near as the matrix has them: the speaker's first position, the
    /// disagreement's first party.
    fn place_matrix_cursor(&mut self, s: Option<usize>, d: Option<usize>) {
        let Some(view) = self.matrix_view_mut() else {
            return;
        };
        let m = Arc::clone(&view.matrix);
        let row = s.and_then(|s| m.party_row(s));
        let col = d.and_then(|d| m.column_of(d));
        let (row, col) = match (row, col) {
            (Some(r), Some(c)) => (r, c),
            (Some(r), None) => (r, m.row(r).first().map_or(0, |&(c, _)| c)),
            (None, Some(c)) => (
                (0..m.parties.len())
                    .find(|&r| m.cell(r, c).is_some())
                    .unwrap_or(0),
                c,
            ),
            (None, None) => (0, 0),
        };
        view.row = row;
        view.col = col;
        self.matrix_moved();
    }

    /// After the cursor moved: the detail from its top, the cursor in view,
    /// and where it is remembered by id.
    pub(super) fn matrix_moved(&mut self) {
        let screen = self.screen();
        let b = self.briefing();
        let ids = {
            let Some(view) = self.matrix_view() else {
                return;
            };
            view.at()
                .map(|(s, d)| (b.speakers[s].id.clone(), b.disagreements[d].id.clone()))
        };
        let Some(view) = self.matrix_view_mut() else {
            return;
        };
        view.detail_scroll = 0;
        if let Some(at) = ids {
            view.at = at;
        }
        let t = view.transposed(screen);
        let l = view.layout(screen);
        (view.top, view.left) = view.window(t, l.rows, l.cols);
    }

    /// Builds the open matrix anew from what the panes list now (after the
    /// topic filter, the followed speaker or the briefings changed),
    /// keeping the cursor on the same party and disagreement where it can.
    pub(super) fn refresh_matrix(&mut self) {
        let Some(view) = self.matrix_view() else {
            return;
        };
        let (sid, did) = view.at.clone();
        let (matrix, widths) = self.build_matrix();
        let b = self.briefing();
        let s = b.index.speaker_by_id.get(&sid).copied();
        let d = b.disagreements.iter().position(|x| x.id == did);
        if let Some(view) = self.matrix_view_mut() {
            view.matrix = Arc::new(matrix);
            view.widths = widths;
            // Its matches were rows and columns of the matrix before.
            view.find = None;
            view.row = 0;
            view.col = 0;
        }
        self.place_matrix_cursor(s, d);
    }

    /// A key in the matrix view.
    pub(super) fn update_matrix(&mut self, action: Action) {
        if self.matrix_find_key(&action) {
            return;
        }
        let screen = self.screen();
        let Some(view) = self.matrix_view() else {
            return;
        };
        let t = view.transposed(screen);
        let l = view.layout(screen);
        let (rows, cols) = view.shape(t);
        let (r, c) = view.cursor(t);
        let half = (l.page() / 2).max(1) as isize;
        let page = l.page() as isize;
        let step = |at: usize, by: isize, n: usize| -> usize {
            (at as isize + by).clamp(0, n.saturating_sub(1) as isize) as usize
        };
        let moved = match action {
            Action::Down => Some((step(r, 1, rows), c)),
            Action::Up => Some((step(r, -1, rows), c)),
            Action::Right => Some((r, step(c, 1, cols))),
            Action::Left => Some((r, step(c, -1, cols))),
            Action::Top => Some((0, c)),
            Action::Bottom => Some((rows.saturating_sub(1), c)),
            Action::FirstColumn => Some((r, 0)),
            Action::LastColumn => Some((r, cols.saturating_sub(1))),
            Action::HalfPageDown => Some((step(r, half, rows), c)),
            Action::HalfPageUp => Some((step(r, -half, rows), c)),
            Action::PageDown => Some((step(r, page, rows), c)),
            Action::PageUp => Some((step(r, -page, rows), c)),
            Action::Scroll(_, _, delta) => Some((step(r, isize::from(delta), rows), c)),
            Action::Click(x, y) => self.matrix_cell_at(x, y),
            _ => None,
        };
        if let Some((nr, nc)) = moved {
            if let Some(view) = self.matrix_view_mut() {
                (view.row, view.col) = if t { (nc, nr) } else { (nr, nc) };
            }
            return self.matrix_moved();
        }
        match action {
            Action::Back if view.find.is_some() => {
                if let Some(view) = self.matrix_view_mut() {
                    view.find = None;
                }
            }
            Action::Back | Action::StanceMatrix => {
                self.popups.pop();
            }
            Action::Search => self.start_matrix_find(),
            Action::NextMatch => self.matrix_find_step(1),
            Action::PrevMatch => self.matrix_find_step(-1),
            Action::FlipMatrix => {
                if let Some(view) = self.matrix_view_mut() {
                    view.flipped = !view.flipped;
                    view.top = 0;
                    view.left = 0;
                }
                self.matrix_moved();
            }
            Action::DetailDown | Action::DetailUp => {
                let len = self.matrix_detail_len(usize::from(l.detail.width));
                let height = usize::from(l.detail.height);
                if let Some(view) = self.matrix_view_mut() {
                    let most = len.saturating_sub(height);
                    view.detail_scroll = if action == Action::DetailDown {
                        (view.detail_scroll + 1).min(most)
                    } else {
                        view.detail_scroll.saturating_sub(1)
                    };
                }
            }
            Action::Confirm => self.open_matrix_cell(),
            Action::JumpToSpeaker => self.follow_matrix_party(),
            Action::ClearTopics if self.topics.is_empty() => {
                self.message = Some("no topic filter to clear".into());
            }
            Action::ClearTopics => {
                self.topics.clear();
                self.refresh_rows();
            }
            _ => {}
        }
    }

    /// How many lines the selected cell's detail has at `width`.
    fn matrix_detail_len(&self, width: usize) -> usize {
        let Some(view) = self.matrix_view() else {
            return 0;
        };
        let Some((s, d)) = view.at() else {
            return 0;
        };
        let cell = view.matrix.cell(view.row, view.col).map(|c| c.position);
        super::matrix_doc::cell_lines(self.briefing(), s, d, cell, width).len()
    }

    /// The cell (row, column as drawn) at screen column `x`, row `y`.
    fn matrix_cell_at(&self, x: u16, y: u16) -> Option<(usize, usize)> {
        let screen = self.screen();
        let view = self.matrix_view()?;
        let t = view.transposed(screen);
        let l = view.layout(screen);
        let (top, left) = view.window(t, l.rows, l.cols);
        let g = l.grid;
        if y <= g.y || y >= g.bottom() || x < g.x + l.first || x >= g.right() {
            return None;
        }
        if y < g.y + l.header {
            return None;
        }
        let r = top + usize::from(y - g.y - l.header);
        let c = left + usize::from((x - g.x - l.first) / (l.cell + 1));
        let (rows, cols) = view.shape(t);
        (r < rows && c < cols && c < left + l.cols).then_some((r, c))
    }

    /// `Enter`: the disagreement's detail, on the party's position.
    fn open_matrix_cell(&mut self) {
        let Some(view) = self.matrix_view() else {
            return;
        };
        let Some((s, d)) = view.at() else {
            self.message = Some("nothing to open: the matrix is empty".into());
            return;
        };
        let held = view.matrix.cell(view.row, view.col).is_some();
        let b = self.briefing();
        let target = Target::Disagreement(d);
        let link = super::links::links(b, target)
            .iter()
            .position(|t| t == Target::Speaker(s))
            .unwrap_or(0);
        let mut popup = Popup::Detail {
            target,
            view: super::View::at(link),
        };
        // Scrolled to where the positions name the party.
        let name = one_line(&b.speakers[s].name).into_owned();
        if held && let Some(doc) = self.popup_document(&popup) {
            let heading = (0..doc.len()).find(|&i| {
                let l = doc.line(i);
                l.segs.iter().any(|g| {
                    g.tone == super::document::Tone::Heading
                        && (g.text == "Positions" || g.text == "What each party said")
                })
            });
            let found = heading.and_then(|h| {
                (h..doc.len()).find(|&i| doc.line(i).segs.iter().any(|g| g.text.contains(&name)))
            });
            if let (Some(line), Popup::Detail { view, .. }) = (found, &mut popup) {
                view.scroll = line.saturating_sub(1);
            }
        }
        if !held {
            self.message = Some(format!(
                "no position of {} here: the disagreement's detail",
                name
            ));
        }
        self.popups.push(popup);
    }

    /// `s`: follows the party of the cursor's row (the panes follow it
    /// when the matrix closes); on the party already followed, lets go.
    fn follow_matrix_party(&mut self) {
        let Some(s) = self
            .matrix_view()
            .and_then(|v| v.matrix.parties.get(v.row).copied())
        else {
            self.message = Some("no party to follow: the matrix is empty".into());
            return;
        };
        if self.followed == Some(s) {
            self.followed = None;
            self.refresh_rows();
            let name = one_line(&self.briefing().speakers[s].name).into_owned();
            self.message = Some(format!("no longer following {name}"));
        } else {
            self.follow(s);
            let name = one_line(&self.briefing().speakers[s].name).into_owned();
            self.message = Some(format!(
                "following {name}: the panes follow too (s again lets go)"
            ));
        }
    }
}

//! `/` in the stance matrix: a party or a disagreement by name (smart case
//! and folding, as every search). As the query is typed the cursor goes to
//! the first match, parties' rows first, then disagreements' columns; `n`
//! and `N` step through the others, round the end; `Enter` keeps the
//! search, `Esc` puts the cursor back where it was. Each keystroke reads
//! the names of the parties and disagreements shown, not the quotes.

use super::query_line::{QueryKey, query_key};
use super::{Action, App};
use crate::model::fold::Query;

/// The search in the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixFind {
    pub query: String,
    /// Typed characters extend the query.
    pub editing: bool,
    /// Matches, counted when the query last changed or the cursor stepped.
    pub count: usize,
    /// The match the cursor is on, counting from 0.
    pub current: Option<usize>,
    /// The cursor when the search began (party row, column).
    origin: (usize, usize),
}

/// A match: a party's row or a disagreement's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Row(usize),
    Column(usize),
}

impl App {
    /// The matches of `query` in the open matrix.
    fn matrix_hits(&self, query: &str) -> Vec<Hit> {
        let Some(view) = self.matrix_view() else {
            return Vec::new();
        };
        let q = Query::new(query);
        if q.is_empty() {
            return Vec::new();
        }
        let b = self.briefing();
        let m = &view.matrix;
        let rows = (m.parties.iter().enumerate())
            .filter(|(_, s)| q.is_in(&b.speakers[**s].name))
            .map(|(r, _)| Hit::Row(r));
        let columns = (m.columns.iter().enumerate())
            .filter(|(_, d)| q.is_in(&b.disagreements[**d].title))
            .map(|(c, _)| Hit::Column(c));
        rows.chain(columns).collect()
    }

    /// `/`: starts a search from where the cursor is.
    pub(super) fn start_matrix_find(&mut self) {
        if let Some(view) = self.matrix_view_mut() {
            view.find = Some(MatrixFind {
                editing: true,
                origin: (view.row, view.col),
                ..MatrixFind::default()
            });
        }
    }

    /// A key while the search is typed; false for a key it does not take.
    pub(super) fn matrix_find_key(&mut self, action: &Action) -> bool {
        let Some(view) = self.matrix_view_mut() else {
            return false;
        };
        let Some(find) = view.find.as_mut().filter(|f| f.editing) else {
            return false;
        };
        match query_key(&mut find.query, action) {
            Some(QueryKey::Edited) => {}
            Some(QueryKey::Keep) => {
                find.editing = false;
                if find.query.is_empty() {
                    view.find = None;
                }
                return true;
            }
            Some(QueryKey::Cancel) => {
                (view.row, view.col) = find.origin;
                view.find = None;
                self.matrix_moved();
                return true;
            }
            None => return false,
        }
        let (query, origin) = (find.query.clone(), find.origin);
        let hits = self.matrix_hits(&query);
        if let Some(view) = self.matrix_view_mut()
            && let Some(find) = view.find.as_mut()
        {
            find.count = hits.len();
            find.current = (!hits.is_empty()).then_some(0);
            (view.row, view.col) = origin;
        }
        if let Some(&hit) = hits.first() {
            self.matrix_go(hit);
        } else {
            self.matrix_moved();
        }
        true
    }

    /// `n` (`step` 1) or `N` (-1): the next or previous match.
    pub(super) fn matrix_find_step(&mut self, step: isize) {
        let Some(find) = self.matrix_view().and_then(|v| v.find.clone()) else {
            self.message = Some("no search: / finds a party or a disagreement".into());
            return;
        };
        let hits = self.matrix_hits(&find.query);
        if hits.is_empty() {
            self.message = Some("no match".into());
            return;
        }
        let n = hits.len() as isize;
        let at = find.current.map_or(0, |c| c as isize + step);
        let i = at.rem_euclid(n) as usize;
        if let Some(f) = self.matrix_view_mut().and_then(|v| v.find.as_mut()) {
            f.count = hits.len();
            f.current = Some(i);
        }
        self.matrix_go(hits[i]);
        if at < 0 || at >= n {
            self.message = Some(if step > 0 {
                "search wrapped to the first match".into()
            } else {
                "search wrapped to the last match".into()
            });
        }
    }

    fn matrix_go(&mut self, hit: Hit) {
        if let Some(view) = self.matrix_view_mut() {
            match hit {
                Hit::Row(r) => view.row = r,
                Hit::Column(c) => view.col = c,
            }
        }
        self.matrix_moved();
    }
}

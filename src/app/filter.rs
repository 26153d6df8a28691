//! The filter line (`&`, as in less): narrows the focused pane to the rows
//! that match as you type, on top of the topic filter and followed speaker.
//! Matching is the search's (smart case, folding, every searchable field).

use crate::model::fold::Query;

use super::rows::DisagreementRow;
use super::search::{corpus_rows, row_matches};
use super::{Action, App, Pane};

/// A text filter on one pane. While `editing`, typed characters extend it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFilter {
    pub pane: Pane,
    pub query: String,
    pub editing: bool,
}

impl App {
    /// Opens the filter line on the focused pane, starting from its filter.
    pub(super) fn start_filter(&mut self) {
        let pane = self.focus;
        let query = match self.filter.take() {
            Some(f) if f.pane == pane => f.query,
            Some(_) => {
                self.refresh_rows();
                String::new()
            }
            None => String::new(),
        };
        self.filter = Some(TextFilter {
            pane,
            query,
            editing: true,
        });
    }

    pub(super) fn update_filter_line(&mut self, action: Action) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) => {
                filter.query.push(c);
                self.refresh_rows();
            }
            Action::DeleteChar => {
                filter.query.pop();
                self.refresh_rows();
            }
            Action::Confirm if filter.query.is_empty() => self.filter = None,
            Action::Confirm => filter.editing = false,
            Action::Back => self.clear_filter(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Removes the filter, keeping the selected item selected.
    pub(super) fn clear_filter(&mut self) {
        if self.filter.take().is_some() {
            self.refresh_rows();
        }
    }

    /// The text filter, if any (the header shows it).
    pub fn filter(&self) -> Option<&TextFilter> {
        self.filter.as_ref()
    }

    /// Narrows the filtered pane's rows to those that match. Linear: one scan
    /// of the folded corpus of the pane's items (disagreements: one test per
    /// row).
    pub(super) fn apply_text_filter(&mut self) {
        let Some(filter) = &self.filter else {
            return;
        };
        let query = Query::new(&filter.query);
        if query.is_empty() {
            return;
        }
        let pane = filter.pane;
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        let rows = &self.rows;
        match pane {
            Pane::Timeline | Pane::Speakers | Pane::Quotes => {
                let Some((kind, _)) = corpus_rows(rows, pane) else {
                    return;
                };
                let hits = b.corpus(kind).matching(b, &query);
                let list = match pane {
                    Pane::Timeline => &mut self.rows.timeline,
                    Pane::Speakers => &mut self.rows.speakers,
                    _ => &mut self.rows.quotes,
                };
                list.retain(|&i| hits[i]);
            }
            Pane::Disagreements => {
                // A matching position keeps its heading, for context.
                let hit: Vec<bool> = (0..rows.disagreements.len())
                    .map(|row| row_matches(b, rows, pane, row, &query))
                    .collect();
                let mut with_hit = vec![false; b.disagreements.len()];
                for (row, r) in rows.disagreements.iter().enumerate() {
                    if hit[row] {
                        with_hit[r.disagreement()] = true;
                    }
                }
                let mut row = 0;
                self.rows.disagreements.retain(|r| {
                    let keep = hit[row] || matches!(r, DisagreementRow::Heading(d) if with_hit[*d]);
                    row += 1;
                    keep
                });
            }
        }
    }
}

//! Incremental search in one pane: the query, its matches and moving between
//! them. Matching (smart case, typographic folding) is `model::fold`; which
//! fields of a row are searched is `model::search_fields`.

use crate::model::fold::Query;
use crate::model::{Briefing, CorpusKind, search_fields};

use super::rows::DisagreementRow;
use super::{Action, App, Pane, Rows, Target};

/// A search in `pane`. While `editing`, typed characters extend the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    pub editing: bool,
    /// The selection when the search began, where incremental matching starts.
    pub origin: usize,
    /// The rows of `pane` that match, in order; kept in step with the query
    /// and the rows.
    pub matches: Vec<usize>,
}

impl Search {
    /// A new, empty search in `pane` from row `origin`.
    pub fn new(pane: Pane, origin: usize) -> Search {
        Search {
            pane,
            query: String::new(),
            editing: true,
            origin,
            matches: Vec::new(),
        }
    }
}

impl App {
    pub(super) fn update_search_line(&mut self, action: Action) {
        if self.filter.as_ref().is_some_and(|f| f.editing) {
            return self.update_filter_line(action);
        }
        let Some(search) = self.search.as_mut() else {
            return;
        };
        match action {
            Action::Input(c) => {
                search.query.push(c);
                self.refresh_matches();
                self.find_match(false, 1);
            }
            Action::DeleteChar => {
                search.query.pop();
                self.refresh_matches();
                self.find_match(false, 1);
            }
            Action::Confirm if search.query.is_empty() => self.search = None,
            Action::Confirm => {
                search.editing = false;
                let found = !search.matches.is_empty();
                if found {
                    self.record_jump_from(self.search_origin_place());
                }
            }
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

    /// Recomputes which rows match the search (after its query or the rows
    /// changed). One scan of the folded corpus of the pane's items marks
    /// every matching item, then rows are tested by lookup.
    pub(super) fn refresh_matches(&mut self) {
        let Some(search) = self.search.as_ref() else {
            return;
        };
        let pane = search.pane;
        let query = Query::new(&search.query);
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        let matches: Vec<usize> = if query.is_empty() {
            Vec::new()
        } else if let Some((kind, items)) = corpus_rows(&self.rows, pane) {
            let hits = b.corpus(kind).matching(b, &query);
            (items.iter().enumerate())
                .filter(|&(_, &i)| hits[i])
                .map(|(row, _)| row)
                .collect()
        } else {
            (0..self.rows.len(pane))
                .filter(|&row| row_matches(b, &self.rows, pane, row, &query))
                .collect()
        };
        if let Some(search) = self.search.as_mut() {
            search.matches = matches;
        }
    }

    /// Moves to the next (`step` 1) or previous (-1) match. `skip_current`
    /// starts after the selection (n/N) and says when it wraps around;
    /// typing re-tests from the origin.
    pub(super) fn find_match(&mut self, skip_current: bool, step: isize) {
        let Some(search) = &self.search else {
            self.message = Some("no search: press / to search".into());
            return;
        };
        let pane = search.pane;
        if search.query.is_empty() {
            return;
        }
        if search.matches.is_empty() {
            self.message = Some(format!(
                "no match for “{}”",
                crate::text::one_line(&search.query)
            ));
            return;
        }
        let m = &search.matches;
        let start = if skip_current {
            self.lists[pane.index()].selected
        } else {
            search.origin
        };
        // The first match at or after `start` (typing), strictly after or
        // before it (n, N); past either end, wrap.
        let after = m.partition_point(|&r| r < start);
        let (found, wrapped) = match (skip_current, step > 0) {
            (false, _) => m.get(after).map_or((m[0], true), |&r| (r, false)),
            (true, true) => {
                let next = m.partition_point(|&r| r <= start);
                m.get(next).map_or((m[0], true), |&r| (r, false))
            }
            (true, false) if after == 0 => (m[m.len() - 1], true),
            (true, false) => (m[after - 1], false),
        };
        let from = self.place();
        self.focus = pane;
        self.select(pane, found);
        if skip_current {
            self.record_jump_from(from);
            if wrapped {
                self.message = Some(
                    if step > 0 {
                        "search wrapped: past the last match, back to the first"
                    } else {
                        "search wrapped: before the first match, on to the last"
                    }
                    .into(),
                );
            }
        }
    }

    /// Where the search stands: the selection's place among the matches
    /// (`None` when the selection is not a match) and their number.
    pub fn match_count(&self) -> Option<(Option<usize>, usize)> {
        let search = self.search.as_ref().filter(|s| !s.query.is_empty())?;
        let selected = self.lists[search.pane.index()].selected;
        let at = search.matches.binary_search(&selected).ok();
        Some((at.map(|i| i + 1), search.matches.len()))
    }

    /// The label of a hidden field (`alias`, `detail`) the search matches in
    /// row `row` of `pane`, when none of the fields the row shows matches.
    pub fn hidden_match(&self, pane: Pane, row: usize) -> Option<&'static str> {
        let search = self.search.as_ref().filter(|s| s.pane == pane)?;
        search.matches.binary_search(&row).ok()?;
        hidden_match(
            self.briefing(),
            &self.rows,
            pane,
            row,
            &Query::new(&search.query),
        )
    }

    /// Where the search started, as a jump-list place.
    fn search_origin_place(&self) -> super::jumps::Place {
        let mut place = self.place();
        if let Some(s) = &self.search {
            place.focus = s.pane;
            place.selected[s.pane.index()] = s.origin;
        }
        place
    }
}

/// The corpus a pane's rows are items of, and the items: every pane but
/// Disagreements, whose rows are headings and positions, tested one by one.
pub(super) fn corpus_rows(rows: &Rows, pane: Pane) -> Option<(CorpusKind, &[usize])> {
    match pane {
        Pane::Timeline => Some((CorpusKind::Events, &rows.timeline)),
        Pane::Speakers => Some((CorpusKind::Speakers, &rows.speakers)),
        Pane::Quotes => Some((CorpusKind::Quotes, &rows.quotes)),
        Pane::Disagreements => None,
    }
}

/// Calls `f` with each searchable field of row `row` of `pane`.
fn row_fields(
    b: &Briefing,
    rows: &Rows,
    pane: Pane,
    row: usize,
    f: &mut (impl FnMut(search_fields::Field, &str) + ?Sized),
) {
    match pane {
        Pane::Timeline => search_fields::event(b, rows.timeline[row], f),
        Pane::Speakers => search_fields::speaker(b, rows.speakers[row], f),
        Pane::Quotes => search_fields::quote(b, rows.quotes[row], f),
        Pane::Disagreements => match rows.disagreements[row] {
            DisagreementRow::Heading(d) => search_fields::disagreement(b, d, f),
            DisagreementRow::Position(d, p) => search_fields::position(b, d, p, f),
        },
    }
}

/// Does row `row` of `pane` match `query` in any of its searchable fields?
pub fn row_matches(b: &Briefing, rows: &Rows, pane: Pane, row: usize, query: &Query) -> bool {
    let mut found = false;
    row_fields(b, rows, pane, row, &mut |_, text| {
        found = found || query.is_in(text);
    });
    found
}

/// The name of the first field the row does not show that matches `query`,
/// when no field it shows does.
pub fn hidden_match(
    b: &Briefing,
    rows: &Rows,
    pane: Pane,
    row: usize,
    query: &Query,
) -> Option<&'static str> {
    hidden_in(query, |f| f.in_row, |f| row_fields(b, rows, pane, row, f))
}

/// The same for an item as one line of the results list shows it: a quote's
/// text and speaker, an event's title and place, a speaker's name and role,
/// a disagreement's title.
pub fn target_hidden_match(b: &Briefing, target: Target, query: &Query) -> Option<&'static str> {
    let in_line = |f: search_fields::Field| {
        matches!(
            f.name,
            "text" | "speaker" | "title" | "place" | "name" | "role"
        )
    };
    hidden_in(query, in_line, |f| {
        super::results::target_fields(b, target, f)
    })
}

/// The name of the first field `fields` gives that is not `shown` and
/// matches, when no shown field does.
fn hidden_in(
    query: &Query,
    shown: impl Fn(search_fields::Field) -> bool,
    fields: impl FnOnce(&mut dyn FnMut(search_fields::Field, &str)),
) -> Option<&'static str> {
    let (mut in_view, mut hidden) = (false, None);
    fields(&mut |field, text| {
        let visible = shown(field);
        if in_view || (!visible && hidden.is_some()) || !query.is_in(text) {
            return;
        }
        if visible {
            in_view = true;
        } else {
            hidden = Some(field.name);
        }
    });
    if in_view { None } else { hidden }
}

/// Does `haystack` contain `query` (as typed: smart case, folded)?
pub fn contains_ignore_case(haystack: &str, query: &str) -> bool {
    Query::new(query).is_in(haystack)
}

/// Byte ranges of `query` (as typed: smart case, folded) in `text`, for
/// highlighting; always on character boundaries of `text`.
pub fn match_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    Query::new(query).ranges(text)
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn matching_uses_smart_case_and_folding() {
        assert!(contains_ignore_case(
            "Article 5-like protection",
            "article 5"
        ));
        assert!(contains_ignore_case("ÉTAT", "état"));
        assert!(!contains_ignore_case("peace", "war"));
        assert!(contains_ignore_case("sécurité Ukraine", "ukraine"));
        assert!(!contains_ignore_case("sécurité ukraine", "Ukraine"));
        assert!(contains_ignore_case("abc", "c"));
        assert!(!contains_ignore_case("ab", "abc"));
        assert!(contains_ignore_case("we’re", "we're"));
        assert_eq!(match_ranges("Peace, peace", "peace"), [0..5, 7..12]);
        assert_eq!(match_ranges("Peace, peace", "Peace"), [0..5]);
        assert_eq!(match_ranges("Über über", "über"), [0..5, 6..11]);
    }
}

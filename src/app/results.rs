//! One search across the whole briefing (`:`): a results popup grouped by
//! kind (quotes, events, speakers, disagreements) that answers as you type
//! and jumps to the item chosen. Matching is the pane search's.

use crate::model::fold::Query;
use crate::model::{Briefing, CorpusKind, search_fields};

use super::rows::DisagreementRow;
use super::{Action, App, Pane, Popup, Target};

/// The results popup: the query, whether it is being typed, the results in
/// group order and the cursor among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub editing: bool,
    pub cursor: usize,
    pub hits: Vec<Target>,
}

/// The groups, in the order shown, with their headings.
pub const GROUPS: [(Pane, &str); 4] = [
    (Pane::Quotes, "Quotes"),
    (Pane::Timeline, "Events"),
    (Pane::Speakers, "Speakers"),
    (Pane::Disagreements, "Disagreements"),
];

/// The pane that lists `target`.
pub fn pane_of(target: Target) -> Pane {
    match target {
        Target::Quote(_) => Pane::Quotes,
        Target::Event(_) => Pane::Timeline,
        Target::Speaker(_) => Pane::Speakers,
        Target::Disagreement(_) => Pane::Disagreements,
    }
}

/// Every item of `b` that matches `query`, grouped as [`GROUPS`]. Linear:
/// one scan of each kind's folded corpus.
pub fn search_all(b: &Briefing, query: &Query) -> Vec<Target> {
    if query.is_empty() {
        return Vec::new();
    }
    let hits = |kind| b.corpus(kind).matching(b, query);
    let quotes = hits(CorpusKind::Quotes);
    let mut out: Vec<Target> = (b.index.quotes_in_order.iter())
        .filter(|&&q| quotes[q])
        .map(|&q| Target::Quote(q))
        .collect();
    let events = hits(CorpusKind::Events);
    out.extend(
        (b.index.timeline.iter())
            .filter(|&&e| events[e])
            .map(|&e| Target::Event(e)),
    );
    let speakers = hits(CorpusKind::Speakers);
    out.extend(
        (0..b.speakers.len())
            .filter(|&s| speakers[s])
            .map(Target::Speaker),
    );
    let disagreements = hits(CorpusKind::Disagreements);
    out.extend(
        (0..b.disagreements.len())
            .filter(|&d| disagreements[d])
            .map(Target::Disagreement),
    );
    out
}

impl Results {
    /// How many results each group has, in [`GROUPS`] order.
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for &t in &self.hits {
            let g = GROUPS
                .iter()
                .position(|(p, _)| *p == pane_of(t))
                .unwrap_or(0);
            counts[g] += 1;
        }
        counts
    }

    /// Clears the query and its results, ready to type a new one.
    fn new_query(&mut self) {
        self.query.clear();
        self.hits.clear();
        self.cursor = 0;
        self.editing = true;
    }
}

/// Calls `f` with each searchable field of `target`: for a disagreement,
/// with its parties' positions.
pub fn target_fields(b: &Briefing, target: Target, f: &mut dyn FnMut(search_fields::Field, &str)) {
    match target {
        Target::Quote(q) => search_fields::quote(b, q, f),
        Target::Event(e) => search_fields::event(b, e, f),
        Target::Speaker(s) => search_fields::speaker(b, s, f),
        Target::Disagreement(d) => {
            search_fields::disagreement(b, d, f);
            for p in 0..b.disagreements[d].positions.len() {
                search_fields::position(b, d, p, f);
            }
        }
    }
}

/// The name of the first field of `target` that matches `query` among those
/// `shown` keeps: where a result line matched, named when the line is cut
/// before the match.
pub fn first_match(
    b: &Briefing,
    target: Target,
    query: &Query,
    shown: impl Fn(search_fields::Field) -> bool,
) -> Option<&'static str> {
    let mut found = None;
    target_fields(b, target, &mut |field, text| {
        if found.is_none() && shown(field) && query.is_in(text) {
            found = Some(field.name);
        }
    });
    found
}

impl App {
    /// `:`: opens the results popup, or starts a new query in it.
    pub(super) fn open_results(&mut self) {
        if let Some(Popup::Results(r)) = self.popups.last_mut() {
            r.new_query();
            return;
        }
        self.popups.push(Popup::Results(Results {
            query: String::new(),
            editing: true,
            cursor: 0,
            hits: Vec::new(),
        }));
    }

    /// A key while the results popup is on top.
    pub(super) fn update_results(&mut self, action: Action) {
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        let Some(Popup::Results(r)) = self.popups.last_mut() else {
            return;
        };
        let last = r.hits.len().saturating_sub(1);
        match action {
            Action::Input(c) => r.query.push(c),
            Action::DeleteChar => {
                r.query.pop();
            }
            Action::Confirm if r.editing => r.editing = false,
            // `/` (as `:`) starts a new query, as `/` in less starts a new
            // pattern.
            Action::Search => r.new_query(),
            // Esc closes, as in fzf, helix and lazygit pickers.
            Action::Back => {
                self.popups.pop();
                return;
            }
            Action::Down => r.cursor = (r.cursor + 1).min(last),
            Action::Up => r.cursor = r.cursor.saturating_sub(1),
            Action::Top => r.cursor = 0,
            Action::Bottom => r.cursor = last,
            Action::PageDown | Action::HalfPageDown => r.cursor = (r.cursor + 10).min(last),
            Action::PageUp | Action::HalfPageUp => r.cursor = r.cursor.saturating_sub(10),
            Action::Confirm => {
                if let Some(&target) = r.hits.get(r.cursor) {
                    // The item is shown in its pane: every popup closes.
                    self.popups.clear();
                    self.jump_to_result(target);
                }
                return;
            }
            _ => return,
        }
        if matches!(action, Action::Input(_) | Action::DeleteChar) {
            r.hits = search_all(b, &Query::new(&r.query));
            r.cursor = 0;
        }
    }

    /// Focuses the pane that lists `target` and selects it. When the topic
    /// filter, the followed speaker or a text filter hides it, they are
    /// cleared (the jump list brings them back: `H`), and the status line
    /// says so.
    fn jump_to_result(&mut self, target: Target) {
        let from = self.place();
        let pane = pane_of(target);
        let row = |app: &App| -> Option<usize> {
            let rows = &app.rows;
            match target {
                Target::Quote(q) => rows.quotes.iter().position(|&x| x == q),
                Target::Event(e) => rows.timeline.iter().position(|&x| x == e),
                Target::Speaker(s) => rows.speakers.iter().position(|&x| x == s),
                Target::Disagreement(d) => {
                    (rows.disagreements.iter()).position(|&x| x == DisagreementRow::Heading(d))
                }
            }
        };
        let found = match row(self) {
            Some(r) => Some(r),
            None => {
                self.topics.clear();
                self.followed = None;
                self.filter = None;
                self.refresh_rows();
                let r = row(self);
                if r.is_some() {
                    self.message = Some("filters cleared to show it: H goes back".into());
                }
                r
            }
        };
        self.focus = pane;
        if let Some(r) = found {
            self.select(pane, r);
        }
        self.record_jump_from(from);
    }
}

//! The date filter: the rows of every pane narrowed to a range of days (a
//! range selected on the chart, `--from`/`--to`, or the chart cursor's
//! period while the chart has focus), and the per-day places the chart
//! counts, under the topic filter and the followed speaker.
//!
//! Both are recomputed when the topic filter or the followed speaker
//! changes (with the rows, linear); moving the range costs the quotes and
//! events inside it, found by binary search in the day index
//! (`model::days`), plus the speakers and disagreement rows.
//!
//! Under a range: Timeline and Quotes keep their items dated in it;
//! Speakers keeps those quoted in it (counts are of the range), taking part
//! in an event in it, or followed; Disagreements keeps those with a
//! position supported by a quote in it.

use super::{App, DisagreementRow, Pane, Rows, Target};
use crate::model::Briefing;
use crate::model::days::{Counts, Day};

/// The date filter and what the chart counts.
#[derive(Debug, Clone, Default)]
pub struct Dates {
    /// The date filter: first and last day.
    pub filter: Option<(Day, Day)>,
    /// Which ends of the filter were left open (`--from` or `--to` alone).
    pub open: super::chart::OpenEnds,
    /// While the chart has focus the panes show the cursor's period; just
    /// after a range is set they show the filter, until the cursor moves.
    pub show_filter: bool,
    /// The range the rows are narrowed to now.
    applied: Option<(Day, Day)>,
    /// The rows under the topic filter and followed speaker, before dates.
    base: Rows,
    /// Per quote: under the topic filter.
    in_topics: Vec<bool>,
    /// Per quote and per event: its row in `base` (`u32::MAX`: not listed).
    quote_row: Vec<u32>,
    event_row: Vec<u32>,
    /// Per speaker: its row in `base` (`u32::MAX`: not listed).
    speaker_row: Vec<u32>,
    /// Per disagreement: its first row in `base` and how many rows it has
    /// (`u32::MAX`: not listed).
    disagreement_rows: Vec<(u32, u32)>,
    /// How many quotes and events the chart counts (`base`'s) sit at each
    /// place on the date axis.
    pub quotes: Counts,
    pub events: Counts,
}

impl Dates {
    /// Takes `rows` (just computed under `topics`) as the rows before dates.
    fn set_base(&mut self, b: &Briefing, topics: &std::collections::BTreeSet<usize>, rows: &Rows) {
        let ix = &b.index;
        self.in_topics = (ix.topics_of_quote.iter())
            .map(|of| topics.is_empty() || of.iter().any(|t| topics.contains(t)))
            .collect();
        self.quote_row = row_of(b.quotes.len(), &rows.quotes);
        self.event_row = row_of(b.events.len(), &rows.timeline);
        let days = &ix.days;
        self.quotes = Counts::of_sorted(
            (days.quotes.iter().zip(&days.quote_at))
                .filter(|&(&q, _)| self.quote_row[q] != u32::MAX)
                .map(|(_, &at)| at),
        );
        self.events = Counts::of_sorted(
            (days.events.iter().zip(&days.event_at))
                .filter(|&(&e, _)| self.event_row[e] != u32::MAX)
                .map(|(_, &at)| at),
        );
        self.speaker_row = vec![u32::MAX; b.speakers.len()];
        for (i, &s) in rows.speakers.iter().enumerate() {
            self.speaker_row[s] = i as u32;
        }
        self.disagreement_rows = vec![(u32::MAX, 0); b.disagreements.len()];
        for (i, row) in rows.disagreements.iter().enumerate() {
            let entry = &mut self.disagreement_rows[row.disagreement()];
            if entry.0 == u32::MAX {
                entry.0 = i as u32;
            }
            entry.1 += 1;
        }
        self.base = rows.clone();
    }

    /// The base rows narrowed to days `from..=to`.
    fn narrowed(&self, b: &Briefing, followed: Option<usize>, (from, to): (Day, Day)) -> Rows {
        let ix = &b.index;
        let in_range = ix.days.quotes_between(from, to);
        // In the order of the rows before dates (time order, as the panes
        // list them), which the day index's order of places written in
        // several offsets may not be.
        let mut quotes: Vec<usize> = (in_range.iter().copied())
            .filter(|&q| self.quote_row[q] != u32::MAX)
            .collect();
        quotes.sort_unstable_by_key(|&q| self.quote_row[q]);
        let mut timeline: Vec<usize> = (ix.days.events_between(from, to).iter().copied())
            .filter(|&e| self.event_row[e] != u32::MAX)
            .collect();
        timeline.sort_unstable_by_key(|&e| self.event_row[e]);
        // Speakers and disagreements from the range's items, put in the
        // order of the rows before dates: the cost of the range, not of
        // every speaker or disagreement.
        let mut quote_counts = vec![0; b.speakers.len()];
        let mut speakers: Vec<usize> = Vec::new();
        let mut wanted: Vec<usize> = Vec::new();
        for &q in in_range.iter().filter(|&&q| self.in_topics[q]) {
            let s = ix.speaker_of_quote[q];
            quote_counts[s] += 1;
            if quote_counts[s] == 1 {
                speakers.push(s);
            }
            wanted.extend(ix.positions_by_quote[q].iter().map(|&(d, _)| d));
        }
        for &e in &timeline {
            let ids = b.events[e].speakers.iter();
            speakers.extend(ids.filter_map(|id| ix.speaker_by_id.get(id).copied()));
        }
        speakers.extend(followed);
        speakers.retain(|&s| self.speaker_row[s] != u32::MAX);
        speakers.sort_unstable_by_key(|&s| self.speaker_row[s]);
        speakers.dedup();
        wanted.retain(|&d| self.disagreement_rows[d].0 != u32::MAX);
        wanted.sort_unstable_by_key(|&d| self.disagreement_rows[d].0);
        wanted.dedup();
        let mut disagreements = Vec::new();
        for d in wanted {
            let (start, len) = self.disagreement_rows[d];
            let (start, len) = (start as usize, len as usize);
            disagreements.extend_from_slice(&self.base.disagreements[start..start + len]);
        }
        Rows {
            timeline,
            speakers,
            quotes,
            disagreements,
            quote_counts,
        }
    }
}

/// Per item of `n`: its position in `rows` (`u32::MAX`: not there).
fn row_of(n: usize, rows: &[usize]) -> Vec<u32> {
    let mut out = vec![u32::MAX; n];
    for (i, &x) in rows.iter().enumerate() {
        out[x] = i as u32;
    }
    out
}

impl App {
    /// The date filter, if any: first and last day.
    pub fn date_filter(&self) -> Option<(Day, Day)> {
        self.dates.filter
    }

    /// The range of days the panes are narrowed to now: while the chart has
    /// focus, the range being selected or the cursor's period (unless a
    /// range was just set); else the date filter.
    pub fn date_range(&self) -> Option<(Day, Day)> {
        // The stance matrix is not a pane: the cursor's period does not
        // narrow it (a date filter does).
        let matrix = (self.popups.iter()).any(|p| matches!(p, super::Popup::Matrix(_)));
        if self.chart_focused() && !self.dates.show_filter && !matrix {
            return Some(
                self.range_in_progress()
                    .unwrap_or_else(|| self.cursor_period()),
            );
        }
        self.dates.filter
    }

    /// How many quotes and events the chart counts (under the topic filter
    /// and the followed speaker) sit at each place on the date axis.
    pub fn chart_counts(&self) -> (&Counts, &Counts) {
        (&self.dates.quotes, &self.dates.events)
    }

    /// The first `limit` events of days `from..=to` the chart counts
    /// (under the topic filter), by day, found in the day index; and how
    /// many there are in all.
    pub fn events_between(&self, (from, to): (Day, Day), limit: usize) -> (Vec<usize>, usize) {
        let days = &self.briefing().index.days;
        let first = (days.events_between(from, to).iter().copied())
            .filter(|&e| self.dates.event_row.get(e).is_some_and(|&r| r != u32::MAX))
            .take(limit)
            .collect();
        let total = self
            .dates
            .events
            .between((from, 0), (to.saturating_add(1), 0));
        (first, total)
    }

    /// After the rows were computed anew under the topic filter and the
    /// followed speaker: keeps them as the rows before dates, and narrows
    /// them to the date range.
    pub(super) fn rows_computed(&mut self) {
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        self.dates.set_base(b, &self.topics, &self.rows);
        let range = self.date_range();
        self.dates.applied = range;
        if let Some(range) = range {
            self.rows = self.dates.narrowed(b, self.followed, range);
        }
    }

    /// Sets (or with `None` clears) the date filter.
    pub(super) fn set_date_filter(&mut self, range: Option<(Day, Day)>) {
        self.dates.filter = range;
        self.dates.open = super::chart::OpenEnds::default();
        self.dates.show_filter = range.is_some();
    }

    /// A date range as the screen names it: "08-14 → 08-16", with the year
    /// unless the briefing and the range lie in one year, "from …" or
    /// "until …" for the filter given with one end.
    pub fn dates_tag(&self, range: (Day, Day)) -> String {
        let open = if self.dates.filter == Some(range) {
            self.dates.open
        } else {
            super::chart::OpenEnds::default()
        };
        super::chart::range_tag(range, self.axis_span(), open)
    }

    /// Esc: clears the date filter.
    pub(super) fn clear_date_filter(&mut self) {
        self.set_date_filter(None);
        self.message = Some("date filter cleared".into());
    }

    /// After an update: narrows the rows again when the date range changed
    /// (the cursor moved, the chart gained or lost focus, a range was set),
    /// keeping each pane on the same item where it is still listed. A
    /// range in progress ends when the chart loses focus.
    pub(super) fn sync_dates(&mut self) {
        if !self.chart_focused() {
            self.chart.anchor = None;
        }
        let range = self.date_range();
        if range == self.dates.applied {
            return;
        }
        let before: Vec<Option<Target>> =
            Pane::ALL.iter().map(|&p| self.selected_target(p)).collect();
        let row_before: Option<DisagreementRow> = (self.rows.disagreements)
            .get(self.lists[Pane::Disagreements.index()].selected)
            .copied();
        let b = super::story::shown(&self.story, &self.briefings, self.current);
        self.rows = match range {
            Some(range) => self.dates.narrowed(b, self.followed, range),
            None => self.dates.base.clone(),
        };
        self.dates.applied = range;
        self.apply_text_filter();
        for pane in Pane::ALL {
            let i = pane.index();
            let rows = &self.rows;
            let found = match (pane, before[i]) {
                (Pane::Timeline, Some(Target::Event(e))) => {
                    rows.timeline.iter().position(|&x| x == e)
                }
                (Pane::Speakers, Some(Target::Speaker(s))) => {
                    rows.speakers.iter().position(|&x| x == s)
                }
                (Pane::Quotes, Some(Target::Quote(q))) => rows.quotes.iter().position(|&x| x == q),
                (Pane::Disagreements, _) => {
                    row_before.and_then(|r| rows.disagreements.iter().position(|&x| x == r))
                }
                _ => None,
            };
            self.lists[i].selected = found.unwrap_or(0);
            self.lists[i].offset = self.lists[i].offset.min(self.lists[i].selected);
        }
        self.refresh_matches();
        self.refresh_matrix();
    }

    /// `--from` / `--to`: starts with the date filter from `from` to `to`
    /// (either may be left out: the axis's first or last day).
    pub fn start_dates(
        &mut self,
        from: Option<chrono::NaiveDate>,
        to: Option<chrono::NaiveDate>,
    ) -> Result<(), String> {
        use crate::model::days::day_number;
        if from.is_none() && to.is_none() {
            return Ok(());
        }
        if let (Some(a), Some(b)) = (from, to)
            && a > b
        {
            return Err(format!("--from {a} is after --to {b}"));
        }
        let (first, last) = self.axis_span();
        let open = super::chart::OpenEnds {
            start: from.is_none(),
            end: to.is_none(),
        };
        // An open end reaches the axis's end, and never past the given one.
        let to_day = to.map(day_number);
        let from = from.map_or(first.min(last).min(to_day.unwrap_or(Day::MAX)), day_number);
        let to = to_day.unwrap_or(last.max(from));
        self.set_date_filter(Some((from, to)));
        self.dates.open = open;
        self.chart.cursor = Some(from.clamp(first, last));
        self.sync_dates();
        Ok(())
    }
}

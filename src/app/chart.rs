//! The Timeline chart (`C`): list or chart, the cursor on the date axis and
//! the unit of its last move, a range being selected (`v` … `v`), and the
//! keys that move them.

use chrono::{Datelike as _, Months, NaiveDate};

use super::{Action, App, Mode, Pane};
use crate::model::days::{Day, date_of, day_number};

/// How far the cursor's last move went, and so how long the period it
/// selects is: its day, its week (Monday to Sunday) or its month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Day,
    Week,
    Month,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
        }
    }
}

/// A key of the chart mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKey {
    PrevDay,
    NextDay,
    PrevWeek,
    NextWeek,
    PrevMonth,
    NextMonth,
    FirstDay,
    LastDay,
    /// `v`: start a range, or end it (it becomes the date filter).
    Range,
}

/// The chart's state. The date filter and the counts the chart draws live
/// in [`super::date_filter::Dates`].
#[derive(Debug, Clone, Default)]
pub struct Chart {
    /// Does the Timeline pane show the chart (else the list)?
    pub on: bool,
    /// The cursor's day; `None` until first placed (the last day).
    pub cursor: Option<Day>,
    pub unit: Unit,
    /// The period the cursor was on when `v` started a range.
    pub anchor: Option<(Day, Day)>,
}

/// The days `(first, last)` of the period of `unit` around `day`.
pub fn period(day: Day, unit: Unit) -> (Day, Day) {
    match unit {
        Unit::Day => (day, day),
        Unit::Week => {
            let back = date_of(day).weekday().num_days_from_monday() as Day;
            (day - back, day - back + 6)
        }
        Unit::Month => {
            let d = date_of(day);
            let first = d.with_day(1).unwrap_or(d);
            let next = first.checked_add_months(Months::new(1));
            let last = next.map_or(day_number(NaiveDate::MAX), |n| day_number(n) - 1);
            (day_number(first), last)
        }
    }
}

/// "Aug 15", "Aug 11–17", "Aug 2025": a period as the chart names it; the
/// year is added when `with_year`.
pub fn period_name((from, to): (Day, Day), unit: Unit, with_year: bool) -> String {
    let (a, b) = (date_of(from), date_of(to));
    let year = if with_year {
        format!(" {}", a.year())
    } else {
        String::new()
    };
    match unit {
        Unit::Month => format!("{}{year}", a.format("%b")),
        Unit::Week if a.month() == b.month() => {
            format!("{} {}–{}{year}", a.format("%b"), a.day(), b.day())
        }
        Unit::Week => format!("{}–{}{year}", a.format("%b %-d"), b.format("%b %-d")),
        Unit::Day => format!("{}{year}", a.format("%b %-d")),
    }
}

/// Which ends of a date range were given (`--from` alone leaves the end
/// open: the axis's last day).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenEnds {
    pub start: bool,
    pub end: bool,
}

/// "08-14 → 08-16": a date range as the header shows it, one date for one
/// day, "from 08-14" or "until 08-16" for a range open at one end. The
/// year is left out only when the range and the whole axis (`axis`) lie in
/// one year.
pub fn range_tag((from, to): (Day, Day), axis: (Day, Day), open: OpenEnds) -> String {
    let (a, b) = (date_of(from), date_of(to));
    let one_year = [to, axis.0, axis.1]
        .iter()
        .all(|&d| date_of(d).year() == a.year());
    let fmt = if one_year { "%m-%d" } else { "%Y-%m-%d" };
    match (open.start, open.end) {
        (true, false) => format!("until {}", b.format(fmt)),
        (false, true) => format!("from {}", a.format(fmt)),
        _ if from == to => a.format(fmt).to_string(),
        _ => format!("{} → {}", a.format(fmt), b.format(fmt)),
    }
}

impl App {
    /// Does the Timeline pane show the chart?
    pub fn chart_on(&self) -> bool {
        self.chart.on
    }

    /// The chart's state.
    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    /// Has the chart focus? Its keys then work (the chart mode) when no
    /// popup is open and nothing is being typed; its period shows in the
    /// other panes all the while, under a detail or the search line too.
    pub fn chart_focused(&self) -> bool {
        self.chart.on && self.focus == Pane::Timeline
    }

    /// The first and last day of the date axis: of everything dated in the
    /// briefing shown (the library, in the story view), else its as-of day.
    pub fn axis_span(&self) -> (Day, Day) {
        let b = self.briefing();
        b.index.days.span().unwrap_or_else(|| {
            let d = day_number(b.meta.as_of.date());
            (d, d)
        })
    }

    /// The cursor's day, within the axis.
    pub fn cursor_day(&self) -> Day {
        let (first, last) = self.axis_span();
        self.chart.cursor.unwrap_or(last).clamp(first, last)
    }

    /// The period the cursor selects: its unit around it.
    pub fn cursor_period(&self) -> (Day, Day) {
        period(self.cursor_day(), self.chart.unit)
    }

    /// The range being selected: from the period where `v` was pressed to
    /// the cursor's, either way round.
    pub fn range_in_progress(&self) -> Option<(Day, Day)> {
        let (a0, a1) = self.chart.anchor?;
        let (c0, c1) = self.cursor_period();
        Some((a0.min(c0), a1.max(c1)))
    }

    /// `C`: the Timeline pane as a chart, or back to the list. Turning the
    /// chart on focuses the Timeline.
    pub(super) fn toggle_chart(&mut self) {
        self.chart.on = !self.chart.on;
        self.chart.anchor = None;
        if self.chart.on {
            self.focus = Pane::Timeline;
            let k = |key| self.chart_key_name(key);
            self.message = Some(format!(
                "{}/{} a day, {}/{} a week, {}/{} a month; {} starts a range ({}: the list)",
                k(ChartKey::PrevDay),
                k(ChartKey::NextDay),
                k(ChartKey::NextWeek),
                k(ChartKey::PrevWeek),
                k(ChartKey::NextMonth),
                k(ChartKey::PrevMonth),
                k(ChartKey::Range),
                self.key_name(Mode::Chart, &Action::TimelineChart),
            ));
        }
    }

    /// `/` or `&` with the chart focused: they act on the Timeline list,
    /// so the list comes back (the date filter stays).
    pub(super) fn leave_chart_for_list(&mut self) {
        if self.chart_focused() {
            self.chart.on = false;
            self.chart.anchor = None;
        }
    }

    /// A click in the chart (`inner`: inside the pane's border): the cursor
    /// to the day of the column clicked.
    pub(super) fn chart_click(&mut self, inner: ratatui::layout::Rect, x: u16) {
        // The chart keeps a column of margin each side (`ui/timeline_chart.rs`).
        let (first, last) = self.axis_span();
        let axis = super::date_axis::Axis::new(first, last, inner.width.saturating_sub(2));
        let Some(col) = x.checked_sub(inner.x + 1).filter(|&c| c < axis.width) else {
            return;
        };
        let ((day, _), _) = axis.places(col);
        self.chart.cursor = Some(day.clamp(first, last));
        self.dates.show_filter = false;
    }

    /// A key of the chart mode.
    pub(super) fn chart_key(&mut self, key: ChartKey) {
        let (first, last) = self.axis_span();
        let day = self.cursor_day();
        let months = |n: i32| {
            let d = date_of(day);
            let moved = if n > 0 {
                d.checked_add_months(Months::new(n as u32))
            } else {
                d.checked_sub_months(Months::new(n.unsigned_abs()))
            };
            moved.map_or(if n > 0 { last } else { first }, day_number)
        };
        let (to, unit) = match key {
            ChartKey::PrevDay => (day.saturating_sub(1), Unit::Day),
            ChartKey::NextDay => (day.saturating_add(1), Unit::Day),
            ChartKey::PrevWeek => (day.saturating_sub(7), Unit::Week),
            ChartKey::NextWeek => (day.saturating_add(7), Unit::Week),
            ChartKey::PrevMonth => (months(-1), Unit::Month),
            ChartKey::NextMonth => (months(1), Unit::Month),
            ChartKey::FirstDay => (first, self.chart.unit),
            ChartKey::LastDay => (last, self.chart.unit),
            ChartKey::Range => return self.range_key(),
        };
        let to = to.clamp(first, last);
        if to == day && unit == self.chart.unit && !matches!(key, ChartKey::FirstDay) {
            let end = if to == last { "last" } else { "first" };
            self.message = Some(format!("at the {end} day of the timeline"));
        }
        self.chart.cursor = Some(to);
        self.chart.unit = unit;
        self.dates.show_filter = false;
    }

    /// The first key bound to `action` in `mode`, as help shows it.
    fn key_name(&self, mode: Mode, action: &Action) -> String {
        (self.keymap().keys_for(mode, action).first()).map_or("?".into(), |k| k.to_string())
    }

    fn chart_key_name(&self, key: ChartKey) -> String {
        self.key_name(Mode::Chart, &Action::Chart(key))
    }

    /// `v`: starts a range at the cursor's period, or ends it there: the
    /// range becomes the date filter of every pane.
    fn range_key(&mut self) {
        match self.range_in_progress() {
            None => {
                self.chart.anchor = Some(self.cursor_period());
                self.message = Some(format!(
                    "range from here: move, then {} again ({} cancels)",
                    self.chart_key_name(ChartKey::Range),
                    self.key_name(Mode::Panes, &Action::Back)
                ));
            }
            Some(range) => {
                self.chart.anchor = None;
                self.set_date_filter(Some(range));
                self.message = Some(format!(
                    "dates {}: on every pane ({} clears)",
                    self.dates_tag(range),
                    self.key_name(Mode::Panes, &Action::Back)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        day_number(s.parse().unwrap())
    }

    #[test]
    fn periods_are_calendar_units() {
        // 2025-08-15 is a Friday.
        let d = day("2025-08-15");
        assert_eq!(period(d, Unit::Day), (d, d));
        assert_eq!(
            period(d, Unit::Week),
            (day("2025-08-11"), day("2025-08-17"))
        );
        assert_eq!(
            period(d, Unit::Month),
            (day("2025-08-01"), day("2025-08-31"))
        );
        assert_eq!(
            period(day("2024-02-10"), Unit::Month),
            (day("2024-02-01"), day("2024-02-29"))
        );
    }

    #[test]
    fn periods_and_ranges_are_named_briefly() {
        let d = day("2025-08-15");
        assert_eq!(
            period_name(period(d, Unit::Day), Unit::Day, false),
            "Aug 15"
        );
        assert_eq!(
            period_name(period(d, Unit::Week), Unit::Week, false),
            "Aug 11–17"
        );
        assert_eq!(
            period_name(period(day("2025-07-30"), Unit::Week), Unit::Week, true),
            "Jul 28–Aug 3 2025"
        );
        assert_eq!(
            period_name(period(d, Unit::Month), Unit::Month, true),
            "Aug 2025"
        );
        let axis = (day("2025-08-01"), day("2025-08-31"));
        let closed = OpenEnds::default();
        assert_eq!(
            range_tag((day("2025-08-14"), d), axis, closed),
            "08-14 → 08-15"
        );
        assert_eq!(range_tag((d, d), axis, closed), "08-15");
        assert_eq!(
            range_tag((day("2025-12-30"), day("2026-01-02")), axis, closed),
            "2025-12-30 → 2026-01-02"
        );
        // Outside the axis's year, or on an axis of several years: the year.
        assert_eq!(
            range_tag((day("2024-08-16"), day("2024-08-17")), axis, closed),
            "2024-08-16 → 2024-08-17"
        );
        let years = (day("2025-01-01"), day("2026-12-31"));
        assert_eq!(range_tag((d, d), years, closed), "2025-08-15");
        // One end given.
        let until = OpenEnds {
            start: true,
            end: false,
        };
        assert_eq!(
            range_tag((day("2025-08-01"), d), axis, until),
            "until 08-15"
        );
        let from = OpenEnds {
            start: false,
            end: true,
        };
        assert_eq!(range_tag((d, day("2025-08-31")), axis, from), "from 08-15");
    }
}

//! The chart's date axis: which days (or part of a day) each column holds,
//! and the labels, whose unit adapts to the span (days for a week or so,
//! weeks for a quarter, months for a year, years beyond).

use chrono::Datelike as _;

use crate::model::days::{Day, date_of, day_number};

/// Minutes in a day.
const DAY_MINUTES: u32 = 24 * 60;

/// Days `first..=last` laid on `width` columns: several columns a day when
/// they fit (a timed item then sits at its time of day), else several
/// days a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub first: Day,
    pub last: Day,
    /// Columns per day (at least 1).
    per_day: u32,
    /// Days per column (at least 1).
    per_column: u32,
    /// Columns used.
    pub width: u16,
}

impl Axis {
    pub fn new(first: Day, last: Day, width: u16) -> Axis {
        let days = (i64::from(last) - i64::from(first) + 1).max(1) as u64;
        let w = u64::from(width.max(1));
        if days <= w {
            // A quarter of an hour a column at most.
            let per_day = (w / days).min(96) as u32;
            Axis {
                first,
                last,
                per_day,
                per_column: 1,
                width: (days * u64::from(per_day)) as u16,
            }
        } else {
            let per_column = days.div_ceil(w);
            Axis {
                first,
                last,
                per_day: 1,
                per_column: per_column.min(u64::from(u32::MAX)) as u32,
                width: days.div_ceil(per_column) as u16,
            }
        }
    }

    /// The places `[from, to)` (day, minute) column `col` holds.
    pub fn places(&self, col: u16) -> ((Day, u16), (Day, u16)) {
        let col = i64::from(col);
        if self.per_day > 1 {
            let k = i64::from(self.per_day);
            let day = day_add(self.first, col / k);
            let minute = |part: i64| (part as u32 * DAY_MINUTES / self.per_day) as u16;
            let sub = col % k;
            let end = if sub + 1 == k {
                (day_add(day, 1), 0)
            } else {
                (day, minute(sub + 1))
            };
            return ((day, minute(sub)), end);
        }
        let p = i64::from(self.per_column);
        let from = day_add(self.first, col * p);
        let to = day_add(self.first, (col + 1) * p).min(day_add(self.last, 1));
        ((from, 0), (to, 0))
    }

    /// The whole days `[from, to)` column `col` is part of, and whether it
    /// is the gap left after a day several columns wide (the bars of one
    /// day stand together, apart from the next day's).
    pub fn days(&self, col: u16) -> ((Day, u16), (Day, u16), bool) {
        if self.per_day > 1 {
            let ((day, _), _) = self.places(col);
            let gap = self.per_day >= 3 && u32::from(col) % self.per_day == self.per_day - 1;
            return ((day, 0), (day_add(day, 1), 0), gap);
        }
        let (from, to) = self.places(col);
        (from, to, false)
    }

    /// How many days a column holds (1 when a day has several columns).
    pub fn days_per_column(&self) -> u32 {
        self.per_column
    }

    /// The columns of days `from..=to` (empty when they are off the axis).
    pub fn columns(&self, from: Day, to: Day) -> std::ops::Range<u16> {
        let from = from.max(self.first);
        let to = to.min(self.last);
        if from > to {
            return 0..0;
        }
        self.column(from)..self.column(to) + self.day_width(to)
    }

    /// The first column of `day` (on the axis).
    pub fn column(&self, day: Day) -> u16 {
        let offset = i64::from(day.clamp(self.first, self.last)) - i64::from(self.first);
        let col = offset * i64::from(self.per_day) / i64::from(self.per_column);
        col.clamp(0, i64::from(self.width.saturating_sub(1))) as u16
    }

    /// How many columns `day`'s column run is wide, from its first column.
    fn day_width(&self, day: Day) -> u16 {
        let next = self.column(day_add(day, self.per_column as i64 - 1)) + 1;
        let whole = self.per_day as u16;
        if self.per_day > 1 {
            whole
        } else {
            next.saturating_sub(self.column(day)).max(1)
        }
    }

    /// The labels to draw under the axis: (column, text), left to right,
    /// none overlapping or running past the width.
    /// Every tick is labelled when they fit, else every second, third …
    /// one, evenly.
    pub fn labels(&self) -> Vec<(u16, String)> {
        let span = i64::from(self.last) - i64::from(self.first) + 1;
        let ticks = Ticks::for_span(span);
        let mut days = Vec::new();
        let mut day = ticks.first_at_or_after(self.first);
        // At most one a year over the whole of chrono's calendar.
        while day <= self.last && days.len() < 600_000 {
            days.push(day);
            let next = ticks.next(day);
            if next <= day {
                break;
            }
            day = next;
        }
        let mut fallback = Vec::new();
        // A label takes three columns at least, with its gap.
        let least = (days.len() * 3 / usize::from(self.width.max(1))).max(1);
        for stride in least..=days.len().max(1) {
            let picked: Vec<Day> = days.iter().copied().step_by(stride).collect();
            let (labels, all) = self.place_labels(ticks, &picked);
            if all {
                return labels;
            }
            if fallback.is_empty() {
                fallback = labels;
            }
        }
        fallback
    }

    /// The labels of `days`, left to right, each where it fits; and
    /// whether every one did.
    fn place_labels(&self, ticks: Ticks, days: &[Day]) -> (Vec<(u16, String)>, bool) {
        let mut out: Vec<(u16, String)> = Vec::new();
        let mut free = 0u16;
        let mut last_month = None;
        let mut last_year = None;
        let mut all = true;
        for &day in days {
            let d = date_of(day);
            let text = match ticks {
                Ticks::Days | Ticks::Weeks => {
                    if last_month == Some((d.year(), d.month())) {
                        d.day().to_string()
                    } else {
                        d.format("%b %-d").to_string()
                    }
                }
                Ticks::Months => {
                    if last_year == Some(d.year()) {
                        d.format("%b").to_string()
                    } else {
                        d.format("%b %Y").to_string()
                    }
                }
                Ticks::Years => d.year().to_string(),
            };
            let col = self.column(day);
            let len = text.chars().count() as u16;
            let fits = col >= free && u32::from(col) + u32::from(len) <= u32::from(self.width);
            if fits {
                free = col + len + 1;
                last_month = Some((d.year(), d.month()));
                last_year = Some(d.year());
                out.push((col, text));
            } else {
                all = false;
            }
        }
        (out, all)
    }
}

/// The unit of the axis labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ticks {
    Days,
    Weeks,
    Months,
    Years,
}

impl Ticks {
    fn for_span(days: i64) -> Ticks {
        if days <= 31 {
            Ticks::Days
        } else if days <= 184 {
            Ticks::Weeks
        } else if days <= 1100 {
            Ticks::Months
        } else {
            Ticks::Years
        }
    }

    fn first_at_or_after(self, day: Day) -> Day {
        let d = date_of(day);
        match self {
            Ticks::Days => day,
            Ticks::Weeks => {
                let ahead = (7 - d.weekday().num_days_from_monday()) % 7;
                day_add(day, i64::from(ahead))
            }
            Ticks::Months if d.day() == 1 => day,
            Ticks::Months => self.next(day),
            Ticks::Years if d.ordinal() == 1 => day,
            Ticks::Years => self.next(day),
        }
    }

    fn next(self, day: Day) -> Day {
        let d = date_of(day);
        match self {
            Ticks::Days => day_add(day, 1),
            Ticks::Weeks => day_add(day, 7),
            Ticks::Months => d
                .with_day(1)
                .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                .map_or(Day::MAX, day_number),
            Ticks::Years => {
                chrono::NaiveDate::from_ymd_opt(d.year() + 1, 1, 1).map_or(Day::MAX, day_number)
            }
        }
    }
}

fn day_add(day: Day, n: i64) -> Day {
    (i64::from(day) + n).clamp(i64::from(Day::MIN), i64::from(Day::MAX)) as Day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        day_number(s.parse().unwrap())
    }

    #[test]
    fn a_week_gets_several_columns_a_day_and_day_labels() {
        let axis = Axis::new(day("2025-08-11"), day("2025-08-17"), 40);
        assert_eq!(axis.width, 35);
        assert_eq!(axis.columns(day("2025-08-12"), day("2025-08-12")), 5..10);
        // 12:00 on the 12th is in the middle of its day.
        assert_eq!(
            axis.places(7),
            ((day("2025-08-12"), 576), (day("2025-08-12"), 864))
        );
        let labels = axis.labels();
        assert_eq!(labels[0], (0, "Aug 11".to_string()));
        assert!(labels.iter().any(|(_, t)| t == "13"), "{labels:?}");
    }

    #[test]
    fn a_year_gets_days_per_column_and_month_labels() {
        let axis = Axis::new(day("2025-01-01"), day("2025-12-31"), 78);
        assert!(axis.width <= 78);
        let ((from, _), _) = axis.places(0);
        let (_, (to, _)) = axis.places(axis.width - 1);
        assert_eq!((from, to), (day("2025-01-01"), day("2026-01-01")));
        let labels = axis.labels();
        assert_eq!(labels[0], (0, "Jan 2025".to_string()));
        assert!(labels.iter().any(|(_, t)| t == "Jul"), "{labels:?}");
        for pair in labels.windows(2) {
            assert!(pair[0].0 + (pair[0].1.len() as u16) < pair[1].0);
        }
    }

    #[test]
    fn labels_spread_over_a_span_of_millennia() {
        let axis = Axis::new(day("0001-01-01"), day("9999-12-31"), 60);
        let labels = axis.labels();
        assert!(labels.len() >= 5, "{labels:?}");
        assert!(labels.last().unwrap().0 > 40, "{labels:?}");
    }

    #[test]
    fn a_quarter_gets_week_labels_and_any_width_is_safe() {
        let axis = Axis::new(day("2025-07-01"), day("2025-09-30"), 60);
        let labels = axis.labels();
        assert!(
            labels.iter().any(|(_, t)| t.starts_with("Aug")),
            "{labels:?}"
        );
        for w in 0..200 {
            for (a, b) in [(0, 0), (0, 1), (0, 400), (-5, 3_000_000)] {
                let axis = Axis::new(a, b, w);
                assert!(axis.width <= w.max(1));
                for (col, text) in axis.labels() {
                    assert!(col as usize + text.len() <= axis.width as usize);
                }
                let _ = axis.columns(a, b);
            }
        }
    }
}

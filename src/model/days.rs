//! `Days`: quotes and events by calendar day, built once at load, so that a
//! day or a range of days is a slice found by binary search.
//!
//! An item's day is its date as written: a datetime with an offset sits on
//! the day of its own offset (20:00 at -08:00 on 15 August is 15 August,
//! though it is 16 August in UTC), as the reader shows it everywhere; its
//! time of day, also as written, places it within the day. A date-only
//! item sits at the start of its day; a local datetime at its time.

use chrono::{Datelike as _, NaiveDate, Timelike as _};

use super::Moment;
use super::types::{Event, Quote};

/// A calendar day as a number: days since 1 January of year 1 (Common Era).
pub type Day = i32;

/// Where an item sits on the date axis: its day and the minute of it.
pub type Place = (Day, u16);

/// The number of day `d`.
pub fn day_number(d: NaiveDate) -> Day {
    d.num_days_from_ce()
}

/// The date of day number `n` (clamped to the dates chrono can hold).
pub fn date_of(n: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n).unwrap_or(if n < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Where `at` sits on the date axis: its day as written, and the minute of
/// that day (0 for a bare date).
pub fn place(at: &Moment) -> Place {
    let minute = |t: chrono::NaiveTime| (t.hour() * 60 + t.minute()) as u16;
    match at {
        Moment::Date(d) => (day_number(*d), 0),
        Moment::Local(dt) => (day_number(dt.date()), minute(dt.time())),
        Moment::Offset(dt) => (day_number(dt.date_naive()), minute(dt.time())),
    }
}

/// Quotes and events sorted by where they sit on the date axis (ties keep
/// file order), each with its place alongside.
#[derive(Debug, Clone, Default)]
pub struct Days {
    /// Quote indices by day, then minute.
    pub quotes: Vec<usize>,
    /// The place of each entry of `quotes`.
    pub quote_at: Vec<Place>,
    /// Event indices by day, then minute.
    pub events: Vec<usize>,
    /// The place of each entry of `events`.
    pub event_at: Vec<Place>,
}

impl Days {
    pub fn build(events: &[Event], quotes: &[Quote]) -> Days {
        let (quotes, quote_at) = sorted(quotes.iter().map(|q| place(&q.at)));
        let (events, event_at) = sorted(events.iter().map(|e| place(&e.at)));
        Days {
            quotes,
            quote_at,
            events,
            event_at,
        }
    }

    /// The first and last day anything sits on, if anything does.
    pub fn span(&self) -> Option<(Day, Day)> {
        let ends = |at: &[Place]| Some((at.first()?.0, at.last()?.0));
        match (ends(&self.quote_at), ends(&self.event_at)) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        }
    }

    /// The quotes of days `from..=to`, by day.
    pub fn quotes_between(&self, from: Day, to: Day) -> &[usize] {
        &self.quotes[range(&self.quote_at, from, to)]
    }

    /// The events of days `from..=to`, by day.
    pub fn events_between(&self, from: Day, to: Day) -> &[usize] {
        &self.events[range(&self.event_at, from, to)]
    }
}

/// The indices `0..n` sorted by place, and the places in that order.
fn sorted(places: impl Iterator<Item = Place>) -> (Vec<usize>, Vec<Place>) {
    let mut pairs: Vec<(Place, usize)> = places.enumerate().map(|(i, p)| (p, i)).collect();
    // Stable on the place alone: ties keep file order.
    pairs.sort_by_key(|&(p, _)| p);
    pairs.into_iter().map(|(p, i)| (i, p)).unzip()
}

/// The positions in `at` (sorted) of the places on days `from..=to`.
pub fn range(at: &[Place], from: Day, to: Day) -> std::ops::Range<usize> {
    let start = at.partition_point(|&(d, _)| d < from);
    let end = at.partition_point(|&(d, _)| d <= to);
    start..end.max(start)
}

/// How many items sit at each distinct place, as a running total: a count
/// over any span is two binary searches among the distinct places (a few
/// hundred for a year of date-only items, however many items).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    places: Vec<Place>,
    /// Items before each place; one more entry: the total.
    before: Vec<u32>,
}

impl Counts {
    /// The counts of `places`, sorted.
    pub fn of_sorted(places: impl IntoIterator<Item = Place>) -> Counts {
        let mut counts = Counts::default();
        let mut n = 0u32;
        for p in places {
            if counts.places.last() != Some(&p) {
                counts.places.push(p);
                counts.before.push(n);
            }
            n += 1;
        }
        counts.before.push(n);
        counts
    }

    /// How many items in all.
    pub fn total(&self) -> usize {
        self.before.last().map_or(0, |&n| n as usize)
    }

    /// How many items sit in `[from, to)`.
    pub fn between(&self, from: Place, to: Place) -> usize {
        let at = |p: Place| self.before[self.places.partition_point(|&x| x < p)] as usize;
        at(to).saturating_sub(at(from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(s: &str) -> Moment {
        #[derive(serde::Deserialize)]
        struct Wrap {
            at: Moment,
        }
        toml::from_str::<Wrap>(&format!("at = {s}")).unwrap().at
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_offset_datetime_sits_on_its_own_day_at_its_own_time() {
        let (day, minute) = place(&moment("2025-08-15T20:30:00-08:00"));
        assert_eq!(date_of(day), date("2025-08-15"));
        assert_eq!(minute, 20 * 60 + 30);
        assert_eq!(place(&moment("2025-08-15")), (day, 0));
        assert_eq!(place(&moment("2025-08-15T09:00:00")), (day, 540));
    }

    #[test]
    fn ranges_are_slices_by_day() {
        let at: Vec<Place> = [(1, 0), (2, 5), (2, 9), (4, 0), (7, 0)].to_vec();
        assert_eq!(range(&at, 2, 4), 1..4);
        assert_eq!(range(&at, 5, 6), 4..4);
        assert_eq!(range(&at, 8, 9), 5..5);
        assert_eq!(range(&at, 4, 2), 3..3);
        let counts = Counts::of_sorted(at.iter().copied().chain([(7, 0), (7, 0)]));
        assert_eq!(counts.total(), 7);
        assert_eq!(counts.between((2, 6), (4, 1)), 2);
        assert_eq!(counts.between((7, 0), (8, 0)), 3);
        assert_eq!(counts.between((0, 0), (9, 0)), 7);
        assert_eq!(counts.between((5, 0), (3, 0)), 0);
        assert_eq!(Counts::of_sorted([]).between((0, 0), (9, 0)), 0);
    }

    #[test]
    fn the_day_number_round_trips() {
        let d = date("2025-08-15");
        assert_eq!(date_of(day_number(d)), d);
        assert_eq!(date_of(i32::MAX), NaiveDate::MAX);
    }
}

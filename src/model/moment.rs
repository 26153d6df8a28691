//! `Moment`: a TOML date, local datetime or offset datetime, mapped to chrono.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// When something happened, at the precision the briefing gives it.
///
/// Ordering (documented in docs/FORMAT.md) is total: an offset datetime is
/// placed at its UTC instant; a local datetime is read as if it were UTC; a
/// bare date is placed at the start of its day, before any time on that day.
#[derive(Debug, Clone, Copy)]
pub enum Moment {
    Date(NaiveDate),
    Local(NaiveDateTime),
    Offset(DateTime<FixedOffset>),
}

impl Moment {
    /// The calendar date as written.
    pub fn date(&self) -> NaiveDate {
        match self {
            Moment::Date(d) => *d,
            Moment::Local(dt) => dt.date(),
            Moment::Offset(dt) => dt.date_naive(),
        }
    }

    /// As the reader shows it, the same everywhere: `2025-08-15`,
    /// `2025-08-15 11:00`, `2025-08-15 11:00 -08:00` (seconds only when
    /// not zero). Exports keep the RFC 3339 form of [`Display`](fmt::Display).
    pub fn shown(&self) -> String {
        let time = |t: NaiveTime| {
            if t.second() == 0 && t.nanosecond() == 0 {
                t.format("%H:%M").to_string()
            } else {
                t.format("%H:%M:%S").to_string()
            }
        };
        match self {
            Moment::Date(d) => d.format("%Y-%m-%d").to_string(),
            Moment::Local(dt) => format!("{} {}", dt.format("%Y-%m-%d"), time(dt.time())),
            Moment::Offset(dt) => format!(
                "{} {} {}",
                dt.format("%Y-%m-%d"),
                time(dt.time()),
                dt.format("%:z")
            ),
        }
    }

    /// Sort key: position on a UTC time line, then precision, then offset.
    fn sort_key(&self) -> (NaiveDateTime, u8, i32) {
        match self {
            Moment::Date(d) => (d.and_time(NaiveTime::MIN), 0, 0),
            Moment::Local(dt) => (*dt, 1, 0),
            Moment::Offset(dt) => (dt.naive_utc(), 2, dt.offset().local_minus_utc()),
        }
    }

    fn from_toml(value: &toml::value::Datetime) -> Result<Self, String> {
        let date = value
            .date
            .ok_or("a time without a date is not a moment; write a date such as 2025-08-17")?;
        let date = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
            .ok_or_else(|| format!("{value} is not a calendar date"))?;
        let Some(time) = value.time else {
            return Ok(Moment::Date(date));
        };
        // TOML allows second 60, a leap second; chrono writes it as second
        // 59 with a nanosecond of a billion or more.
        let second = time.second.unwrap_or(0);
        let leap = second == 60;
        let time = NaiveTime::from_hms_nano_opt(
            time.hour.into(),
            time.minute.into(),
            (if leap { 59 } else { second }).into(),
            time.nanosecond.unwrap_or(0) + if leap { 1_000_000_000 } else { 0 },
        )
        .ok_or_else(|| format!("{value} is not a valid time of day"))?;
        let local = date.and_time(time);
        let minutes = match value.offset {
            None | Some(toml::value::Offset::Z) => 0,
            Some(toml::value::Offset::Custom { minutes }) => i32::from(minutes),
        };
        // A leap second is only ever inserted at the end of a UTC day. A
        // local datetime is read as if it were UTC, as when ordering.
        let utc = local - chrono::TimeDelta::minutes(minutes.into());
        if leap && (utc.hour(), utc.minute()) != (23, 59) {
            return Err(format!(
                "{value} is not a valid time of day: a leap second (second 60) is always 23:59:60 UTC"
            ));
        }
        if value.offset.is_none() {
            return Ok(Moment::Local(local));
        }
        let offset = FixedOffset::east_opt(minutes * 60)
            .ok_or_else(|| format!("{value} has an offset out of range"))?;
        local
            .and_local_timezone(offset)
            .single()
            .map(Moment::Offset)
            .ok_or_else(|| format!("{value} is not a valid instant"))
    }
}

impl Ord for Moment {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialEq for Moment {
    fn eq(&self, other: &Self) -> bool {
        self.sort_key() == other.sort_key()
    }
}

impl Eq for Moment {}

impl PartialOrd for Moment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Moment {
    /// RFC 3339 style, at the precision given: `2025-08-15`,
    /// `2025-08-15T11:00:00`, `2025-08-15T11:00:00-08:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Moment::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Moment::Local(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
            Moment::Offset(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S%:z")),
        }
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        Moment::from_toml(&value).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for Moment {
    fn schema_name() -> Cow<'static, str> {
        "Moment".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A TOML local date (2025-08-15), local datetime (2025-08-15T11:00:00) or offset datetime (2025-08-15T11:00:00-08:00), written unquoted.",
            "type": "string",
            "anyOf": [
                { "format": "date" },
                { "format": "partial-date-time" },
                { "format": "date-time" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Moment {
        #[derive(Deserialize)]
        struct Wrap {
            at: Moment,
        }
        toml::from_str::<Wrap>(&format!("at = {s}")).unwrap().at
    }

    #[test]
    fn maps_each_precision() {
        assert!(matches!(parse("2025-08-15"), Moment::Date(_)));
        assert!(matches!(parse("2025-08-15T11:00:00"), Moment::Local(_)));
        assert!(matches!(
            parse("2025-08-15T11:00:00-08:00"),
            Moment::Offset(_)
        ));
        assert_eq!(
            parse("2025-08-15T11:00:00-08:00").to_string(),
            "2025-08-15T11:00:00-08:00"
        );
    }

    #[test]
    fn shown_the_same_way_at_each_precision() {
        assert_eq!(parse("2025-08-15").shown(), "2025-08-15");
        assert_eq!(parse("2025-08-15T11:00:00").shown(), "2025-08-15 11:00");
        assert_eq!(
            parse("2025-08-15T11:00:00-08:00").shown(),
            "2025-08-15 11:00 -08:00"
        );
        assert_eq!(
            parse("2025-08-15T11:00:30Z").shown(),
            "2025-08-15 11:00:30 +00:00"
        );
        assert_eq!(
            parse("2016-12-31T23:59:60Z").shown(),
            "2016-12-31 23:59:60 +00:00"
        );
    }

    #[test]
    fn date_sorts_before_times_on_its_day() {
        let day = parse("2025-08-15");
        let morning = parse("2025-08-15T00:00:00");
        let noon_utc = parse("2025-08-15T12:00:00Z");
        let next_day = parse("2025-08-16");
        assert!(day < morning);
        assert!(morning < noon_utc);
        assert!(noon_utc < next_day);
        // 20:00 in Alaska is already the next day in UTC.
        assert!(next_day < parse("2025-08-15T20:00:00-08:00"));
    }

    #[test]
    fn offsets_compare_by_instant() {
        // 11:00 in Alaska is 21:00 in Berlin on the same day.
        let alaska = parse("2025-08-15T11:00:00-08:00");
        let berlin = parse("2025-08-15T20:30:00+02:00");
        assert!(berlin < alaska);
    }

    #[test]
    fn rejects_time_without_date() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Wrap {
            at: Moment,
        }
        let err = toml::from_str::<Wrap>("at = 11:00:00").unwrap_err();
        assert!(err.message().contains("without a date"), "{err}");
    }

    #[test]
    fn accepts_a_leap_second() {
        let leap = parse("2016-12-31T23:59:60Z");
        assert_eq!(leap.to_string(), "2016-12-31T23:59:60+00:00");
        assert_eq!(
            parse("2016-12-31T23:59:60.5Z").to_string(),
            "2016-12-31T23:59:60+00:00"
        );
        // The same instant, written in another zone.
        let alaska = parse("2016-12-31T14:59:60-09:00");
        assert_eq!(alaska.to_string(), "2016-12-31T14:59:60-09:00");
        assert_eq!(alaska.date().to_string(), "2016-12-31");
        let local = parse("2016-12-31T23:59:60");
        assert_eq!(local.to_string(), "2016-12-31T23:59:60");
        // In order: after the last ordinary second, before the next day.
        let before = parse("2016-12-31T23:59:59.999Z");
        let after = parse("2017-01-01T00:00:00Z");
        assert!(before < leap && leap < parse("2016-12-31T23:59:60.5Z"));
        assert!(leap < after);
        assert!(alaska < leap, "same instant, west first");
        assert!(parse("2016-12-31T23:59:59-09:00") > leap);
        assert!(parse("2016-12-31T23:59:59") < local && local < parse("2017-01-01"));
    }

    #[test]
    fn rejects_a_leap_second_away_from_the_end_of_a_utc_day() {
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct Wrap {
            at: Moment,
        }
        for s in [
            "2016-12-31T12:30:60Z",
            "2016-12-31T23:59:60+01:00",
            "2016-12-31T22:59:60",
        ] {
            let err = toml::from_str::<Wrap>(&format!("at = {s}")).unwrap_err();
            assert!(err.message().contains("23:59:60 UTC"), "{s}: {err}");
        }
    }
}

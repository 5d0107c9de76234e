//! How dates and instants are shown: dates as dd/mm/yyyy, instants in the campaign's time zone
//! (Asia/Ho_Chi_Minh unless the campaign says otherwise). Instants are stored in UTC.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The time zone campaigns use unless they name another.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Asia::Ho_Chi_Minh;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("múi giờ “{0}” không có trong cơ sở dữ liệu múi giờ IANA")]
pub struct UnknownTimeZone(pub String);

/// Reads an IANA time zone name such as `Asia/Ho_Chi_Minh`.
pub fn parse_time_zone(name: &str) -> Result<Tz, UnknownTimeZone> {
    name.parse().map_err(|_| UnknownTimeZone(name.to_owned()))
}

/// The day it is in Vietnam at `now`: what registers kept in Vietnam's days count from, and
/// what date fields start from.
pub fn vietnam_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&DEFAULT_TIME_ZONE).date_naive()
}

/// `15/10/2026`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// `23/11/2026 14:05`, in the given zone.
pub fn format_instant(instant: DateTime<Utc>, zone: Tz) -> String {
    instant
        .with_timezone(&zone)
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

/// A wall-clock time in the campaign's time zone, to the minute, as people type it:
/// `2026-11-24T09:30` (what a `datetime-local` field gives) or `24/11/2026 09:30`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct LocalTime(NaiveDateTime);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocalTimeError {
    #[error("thời gian “{0}” không đúng dạng dd/mm/yyyy hh:mm")]
    Unreadable(String),
    #[error("thời gian {0} không tồn tại ở múi giờ của đợt khảo sát")]
    NotInZone(String),
}

impl LocalTime {
    pub fn parse(text: &str) -> Result<Self, LocalTimeError> {
        let text = text.trim();
        ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M"]
            .iter()
            .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
            .map(LocalTime)
            .ok_or_else(|| LocalTimeError::Unreadable(text.chars().take(32).collect()))
    }

    /// The instant this wall-clock time names in `zone`.
    pub fn in_zone(self, zone: Tz) -> Result<DateTime<Utc>, LocalTimeError> {
        zone.from_local_datetime(&self.0)
            .single()
            .map(|at| at.with_timezone(&Utc))
            .ok_or_else(|| LocalTimeError::NotInZone(self.0.format("%d/%m/%Y %H:%M").to_string()))
    }
}

impl TryFrom<String> for LocalTime {
    type Error = LocalTimeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<LocalTime> for String {
    fn from(value: LocalTime) -> Self {
        value.0.format("%Y-%m-%dT%H:%M").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_read_day_first() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 7).expect("valid date");
        assert_eq!(format_date(date), "07/03/2026");
    }

    #[test]
    fn instants_show_in_the_campaign_zone() {
        let instant = Utc
            .with_ymd_and_hms(2026, 11, 23, 17, 30, 0)
            .single()
            .expect("valid");
        assert_eq!(
            format_instant(instant, DEFAULT_TIME_ZONE),
            "24/11/2026 00:30"
        );
        let bangkok = parse_time_zone("Asia/Bangkok").expect("known zone");
        assert_eq!(format_instant(instant, bangkok), "24/11/2026 00:30");
        assert!(parse_time_zone("Mars/Olympus").is_err());
    }

    #[test]
    fn local_times_read_as_typed_and_land_in_the_campaign_zone() {
        let picker = LocalTime::parse("2026-11-24T09:30").expect("datetime-local form");
        assert_eq!(LocalTime::parse("24/11/2026 09:30"), Ok(picker));
        assert_eq!(LocalTime::parse("2026-11-24T09:30:00"), Ok(picker));
        let utc = picker.in_zone(DEFAULT_TIME_ZONE).expect("exists");
        assert_eq!(format_instant(utc, chrono_tz::UTC), "24/11/2026 02:30");
        assert_eq!(String::from(picker), "2026-11-24T09:30");
        assert!(matches!(
            LocalTime::parse("mai 9 giờ"),
            Err(LocalTimeError::Unreadable(_))
        ));
        let gap = LocalTime::parse("2026-03-08T02:30").expect("readable");
        assert!(
            gap.in_zone(chrono_tz::America::New_York).is_err(),
            "a time skipped by DST"
        );
    }
}

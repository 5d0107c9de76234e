//! How dates and instants are shown: dates as dd/mm/yyyy, instants in the campaign's time zone
//! (Asia/Ho_Chi_Minh unless the campaign says otherwise). Instants are stored in UTC.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The time zone campaigns use unless they name another.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Asia::Ho_Chi_Minh;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("múi giờ “{0}” không có trong cơ sở dữ liệu múi giờ IANA")]
pub struct UnknownTimeZone(pub String);

/// Reads an IANA time zone name such as `Asia/Ho_Chi_Minh`.
pub fn parse_time_zone(name: &str) -> Result<Tz, UnknownTimeZone> {
    name.parse().map_err(|_| UnknownTimeZone(name.to_owned()))
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
}

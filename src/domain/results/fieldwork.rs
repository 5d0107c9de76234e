//! Fieldwork figures: when an agency's sample will be complete at the rate calls are going,
//! and how long an operator worked. Pure arithmetic over dates and times the store returns.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::calendar::CallingHours;

/// The completes still needed, the rate so far, and the calling day they should be done by.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Completes per calling day since fieldwork began; `None` before it began.
    pub daily_rate: Option<f64>,
    /// The calling day the remaining completes are expected by; `None` when nothing remains
    /// or nothing has been completed yet (no rate to go by).
    pub done_by: Option<NaiveDate>,
}

/// Calling days from `first` to `today`, both counted when they are calling days.
pub fn calling_days(hours: &CallingHours, first: NaiveDate, today: NaiveDate) -> u32 {
    first
        .iter_days()
        .take_while(|d| *d <= today)
        .filter(|d| hours.is_calling_day(*d))
        .count() as u32
}

/// At `completes` over `days` calling days, the calling day after `today` by which `remaining`
/// more are done.
pub fn project(
    hours: &CallingHours,
    today: NaiveDate,
    days: u32,
    completes: u64,
    remaining: u64,
) -> Projection {
    let daily_rate = (days > 0).then(|| completes as f64 / f64::from(days));
    let done_by = match daily_rate {
        Some(rate) if remaining > 0 && rate > 0.0 => {
            let needed = (remaining as f64 / rate).ceil() as usize;
            hours
                .calling_days_after(today)
                .nth(needed.saturating_sub(1))
        }
        _ => None,
    };
    Projection {
        daily_rate,
        done_by,
    }
}

/// Hours worked: per local day, from the start of the first call to the end of the last one
/// (the shift as the calls show it), summed over the days.
pub fn hours_worked(calls: &[(DateTime<Utc>, DateTime<Utc>)], zone: Tz) -> f64 {
    let mut days: BTreeMap<NaiveDate, (DateTime<Utc>, DateTime<Utc>)> = BTreeMap::new();
    for &(start, end) in calls {
        let day = start.with_timezone(&zone).date_naive();
        let span = days.entry(day).or_insert((start, end));
        span.0 = span.0.min(start);
        span.1 = span.1.max(end);
    }
    days.values()
        .map(|(start, end)| (*end - *start).num_milliseconds().max(0) as f64 / 3_600_000.0)
        .sum()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// Monday to Saturday, Vietnam's public holidays off.
    fn weekdays() -> CallingHours {
        CallingHours::default()
    }

    fn date(d: u32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("date")
    }

    #[test]
    fn calling_days_skip_sundays() {
        // Mon 16/11 to Mon 23/11 2026: Sunday 22/11 is off.
        assert_eq!(calling_days(&weekdays(), date(16, 11), date(23, 11)), 7);
        assert_eq!(calling_days(&weekdays(), date(23, 11), date(16, 11)), 0);
    }

    #[test]
    fn the_sample_is_projected_over_calling_days() {
        // 14 completes in 7 days: 2 a day; 5 more need 3 days after Mon 23/11: Thu 26/11.
        let p = project(&weekdays(), date(23, 11), 7, 14, 5);
        assert_eq!(p.daily_rate, Some(2.0));
        assert_eq!(p.done_by, Some(date(26, 11)));
        // 11 more need 6 days: Tue to Sat, then (Sunday off) Mon 30/11.
        assert_eq!(
            project(&weekdays(), date(23, 11), 7, 14, 11).done_by,
            Some(date(30, 11))
        );
    }

    #[test]
    fn nothing_remaining_or_no_rate_projects_no_date() {
        assert_eq!(project(&weekdays(), date(23, 11), 6, 12, 0).done_by, None);
        let none_yet = project(&weekdays(), date(23, 11), 6, 0, 5);
        assert_eq!((none_yet.daily_rate, none_yet.done_by), (Some(0.0), None));
        assert_eq!(project(&weekdays(), date(23, 11), 0, 0, 5).daily_rate, None);
    }

    #[test]
    fn hours_worked_span_each_day_from_first_call_to_last() {
        let zone: Tz = "Asia/Ho_Chi_Minh".parse().expect("zone");
        let at = |d, h, m| {
            zone.with_ymd_and_hms(2026, 11, d, h, m, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        let calls = [
            (at(23, 8, 0), at(23, 8, 10)),
            (at(23, 11, 0), at(23, 11, 30)),
            (at(23, 9, 0), at(23, 9, 5)),
            // The next day: 14:00 to 15:15.
            (at(24, 14, 0), at(24, 14, 20)),
            (at(24, 15, 0), at(24, 15, 15)),
        ];
        let hours = hours_worked(&calls, zone);
        assert!((hours - (3.5 + 1.25)).abs() < 1e-9, "{hours}");
        assert_eq!(hours_worked(&[], zone), 0.0);
    }
}

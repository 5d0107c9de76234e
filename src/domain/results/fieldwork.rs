//! Fieldwork figures: when an agency's sample will be complete at the rate calls are going.
//! Pure arithmetic over dates the store returns.

use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {

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
}

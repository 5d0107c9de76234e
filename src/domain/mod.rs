//! Pure rules of the survey: phone numbers, call outcomes, case progress, scheduling and the
//! questionnaire. No database, no clock, no I/O: every function takes what it needs, `now`
//! included, so each rule is tested on its own.

pub mod calendar;
pub mod case;
pub mod folding;
pub mod intake;
pub mod mode;
pub mod outcome;
pub mod pause;
pub mod people;
pub mod phone;
pub mod privacy;
pub mod results;
pub mod review;
pub mod sampling;
pub mod schedule;
pub mod survey;
pub mod time;

/// 10:00 in Hà Nội on a Monday of the demo's fieldwork: the instant the rules' tests start from.
#[cfg(test)]
pub(crate) fn test_now() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2026, 11, 23, 3, 0, 0)
        .single()
        .expect("valid instant")
}

/// An instant given as wall-clock time in Hà Nội, for the rules' tests.
#[cfg(test)]
pub(crate) fn hanoi(
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    time::DEFAULT_TIME_ZONE
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .expect("valid local time")
        .with_timezone(&chrono::Utc)
}

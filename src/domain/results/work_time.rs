//! How long operators worked and how long interviews took, from the times the store keeps. Hours
//! worked leave out breaks: a gap between calls longer than [`IDLE_LIMIT`] is not work. An
//! interview's length is the time spent in it on each call it was taken on, so one resumed the
//! next day is not counted across the night (a walk-through measured 101.7 minutes on average
//! that way).

use chrono::{DateTime, Duration, Utc};

use crate::domain::pause::paused_within;

/// A gap between one call's end and the next call's start longer than this is a break, not
/// work: the operator figures' hours leave it out.
pub const IDLE_LIMIT: Duration = Duration::minutes(15);

/// Hours worked: the calls (start, end), in any order, merged into stretches of work; a gap
/// longer than `idle_limit` between one call's end and the next call's start is left out, and so
/// is the time of the operator's pauses (start, end; an open one runs on) within a stretch.
pub fn hours_worked(
    calls: &[(DateTime<Utc>, DateTime<Utc>)],
    idle_limit: Duration,
    pauses: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
) -> f64 {
    let mut calls = calls.to_vec();
    calls.sort_unstable();
    let mut worked = Duration::zero();
    let mut stretch: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for (start, end) in calls {
        let end = end.max(start);
        stretch = match stretch {
            Some((from, until)) if start - until <= idle_limit => Some((from, until.max(end))),
            Some((from, until)) => {
                worked += until - from - paused_within(from, until, pauses);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((from, until)) = stretch {
        worked += until - from - paused_within(from, until, pauses);
    }
    worked.num_milliseconds() as f64 / 3_600_000.0
}

/// One call of the case an interview belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewCall {
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// The interview's first answer given during this call, if any.
    pub first_answer_at: Option<DateTime<Utc>>,
}

/// The time spent in an interview opened at `opened_at`: on each call, from its opening (when
/// that was during the call) or its first answer on that call, to the end of the call. A call
/// with neither took no part of the interview.
pub fn interview_time(opened_at: DateTime<Utc>, calls: &[InterviewCall]) -> Duration {
    calls
        .iter()
        .filter_map(|call| {
            let opened = (call.started_at..=call.ended_at)
                .contains(&opened_at)
                .then_some(opened_at);
            let began = match (opened, call.first_answer_at) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => a.or(b)?,
            };
            Some((call.ended_at - began).max(Duration::zero()))
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hanoi;

    #[test]
    fn breaks_longer_than_the_idle_limit_are_not_work() {
        let calls = [
            (hanoi(2026, 11, 23, 8, 0), hanoi(2026, 11, 23, 8, 10)),
            // 10 minutes later: still working.
            (hanoi(2026, 11, 23, 8, 20), hanoi(2026, 11, 23, 8, 30)),
            // Lunch: 08:30 to 13:30 is a break.
            (hanoi(2026, 11, 23, 13, 30), hanoi(2026, 11, 23, 13, 45)),
            // Out of order, overlapping the one before.
            (hanoi(2026, 11, 23, 13, 40), hanoi(2026, 11, 23, 14, 0)),
            // The next day.
            (hanoi(2026, 11, 24, 9, 0), hanoi(2026, 11, 24, 9, 15)),
        ];
        let hours = hours_worked(&calls, IDLE_LIMIT, &[]);
        let expected = (30.0 + 30.0 + 15.0) / 60.0;
        assert!((hours - expected).abs() < 1e-9, "{hours} ≠ {expected}");
        assert_eq!(hours_worked(&[], IDLE_LIMIT, &[]), 0.0);
        let exactly_the_limit = [
            (hanoi(2026, 11, 23, 8, 0), hanoi(2026, 11, 23, 8, 10)),
            (hanoi(2026, 11, 23, 8, 25), hanoi(2026, 11, 23, 8, 35)),
        ];
        let hours = hours_worked(&exactly_the_limit, IDLE_LIMIT, &[]);
        assert!((hours - 35.0 / 60.0).abs() < 1e-9, "{hours}");
    }

    #[test]
    fn a_pause_between_calls_is_not_work_however_short() {
        let calls = [
            (hanoi(2026, 11, 23, 8, 0), hanoi(2026, 11, 23, 8, 10)),
            (hanoi(2026, 11, 23, 8, 20), hanoi(2026, 11, 23, 8, 30)),
        ];
        // A 5-minute pause in the 10-minute gap: 25 minutes worked, not 30.
        let paused = [(hanoi(2026, 11, 23, 8, 12), Some(hanoi(2026, 11, 23, 8, 17)))];
        let hours = hours_worked(&calls, IDLE_LIMIT, &paused);
        assert!((hours - 25.0 / 60.0).abs() < 1e-9, "{hours}");
        // A pause outside the calls' stretch changes nothing.
        let later = [(hanoi(2026, 11, 23, 9, 0), None)];
        let hours = hours_worked(&calls, IDLE_LIMIT, &later);
        assert!((hours - 30.0 / 60.0).abs() < 1e-9, "{hours}");
    }

    #[test]
    fn a_resumed_interview_counts_the_time_on_each_call_not_the_night_between() {
        let calls = [
            // Opened at 09:02, broken off at 09:20.
            InterviewCall {
                started_at: hanoi(2026, 11, 23, 9, 0),
                ended_at: hanoi(2026, 11, 23, 9, 20),
                first_answer_at: Some(hanoi(2026, 11, 23, 9, 3)),
            },
            // No answer in the afternoon.
            InterviewCall {
                started_at: hanoi(2026, 11, 23, 14, 0),
                ended_at: hanoi(2026, 11, 23, 14, 1),
                first_answer_at: None,
            },
            // Resumed the next morning: first answer 08:05, finished 08:12.
            InterviewCall {
                started_at: hanoi(2026, 11, 24, 8, 0),
                ended_at: hanoi(2026, 11, 24, 8, 12),
                first_answer_at: Some(hanoi(2026, 11, 24, 8, 5)),
            },
        ];
        assert_eq!(
            interview_time(hanoi(2026, 11, 23, 9, 2), &calls),
            Duration::minutes(18 + 7)
        );
        assert_eq!(
            interview_time(hanoi(2026, 11, 23, 9, 2), &[]),
            Duration::zero()
        );
    }
}

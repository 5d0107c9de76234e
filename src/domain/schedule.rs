//! What a recorded call outcome does to a case: the attempt count, the retry time, an
//! appointment, and closing the case when the outcome is final or the attempt limit is reached
//! (2.30 if the person was ever reached, otherwise 3.90). Pure functions of the case, the
//! outcome and an explicit `now`.

use chrono::{DateTime, Utc};

use super::case::CaseProgress;
use super::outcome::Outcome;

/// The campaign's calling rules that this module applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallPolicy {
    /// Attempts after which a case that is still open is closed.
    pub max_attempts: u32,
}

impl Default for CallPolicy {
    fn default() -> Self {
        Self { max_attempts: 5 }
    }
}

/// Why an outcome cannot be recorded for a case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("ca này đã kết thúc với kết quả {0}")]
    AlreadyClosed(&'static str),
    #[error("kết quả “{0}” cần thời gian hẹn gọi lại")]
    AppointmentRequired(&'static str),
    #[error("thời gian hẹn gọi lại phải ở sau thời điểm hiện tại")]
    AppointmentInPast,
}

/// Applies one recorded outcome to a case and returns what the case becomes.
pub fn after_attempt(
    case: &CaseProgress,
    outcome: Outcome,
    appointment_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    policy: CallPolicy,
) -> Result<CaseProgress, ScheduleError> {
    if let Some(closed) = case.final_outcome {
        return Err(ScheduleError::AlreadyClosed(closed.code()));
    }
    let appointment_at = if outcome.needs_appointment() {
        match appointment_at {
            None => return Err(ScheduleError::AppointmentRequired(outcome.label_vi())),
            Some(at) if at <= now => return Err(ScheduleError::AppointmentInPast),
            Some(at) => Some(at),
        }
    } else {
        None
    };
    let attempts = case.attempts + 1;
    let ever_contacted = case.ever_contacted || outcome.is_contact();
    let final_outcome = if outcome.is_final() {
        Some(outcome)
    } else if attempts >= policy.max_attempts && appointment_at.is_none() {
        Some(if ever_contacted {
            Outcome::LimitReachedContacted
        } else {
            Outcome::LimitReachedNeverContacted
        })
    } else {
        None
    };
    let retry_at = match (final_outcome, appointment_at) {
        (Some(_), _) => None,
        (None, Some(at)) => Some(at),
        (None, None) => outcome.retry_delay().map(|delay| now + delay),
    };
    Ok(CaseProgress {
        attempts,
        ever_contacted,
        last_outcome: Some(outcome),
        final_outcome,
        retry_at,
        appointment_at: appointment_at.filter(|_| final_outcome.is_none()),
        lease_expires_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    use crate::domain::test_now as now;

    fn record(case: &CaseProgress, outcome: Outcome) -> CaseProgress {
        after_attempt(case, outcome, None, now(), CallPolicy::default()).expect("recordable")
    }

    #[test]
    fn no_answer_waits_longer_than_busy_and_stays_open() {
        let fresh = CaseProgress::default();
        let busy = record(&fresh, Outcome::Busy);
        let unanswered = record(&fresh, Outcome::NoAnswer);
        assert_eq!(busy.attempts, 1);
        assert_eq!(busy.final_outcome, None);
        assert_eq!(busy.retry_at, Some(now() + Duration::minutes(30)));
        assert_eq!(unanswered.retry_at, Some(now() + Duration::hours(3)));
        assert!(!unanswered.ever_contacted);
    }

    #[test]
    fn final_outcomes_close_the_case_and_nothing_more_can_be_recorded() {
        let refused = record(&CaseProgress::default(), Outcome::Refusal);
        assert_eq!(refused.final_outcome, Some(Outcome::Refusal));
        assert_eq!(refused.retry_at, None);
        assert_eq!(
            after_attempt(&refused, Outcome::Busy, None, now(), CallPolicy::default()),
            Err(ScheduleError::AlreadyClosed("2.11"))
        );
    }

    #[test]
    fn attempt_limit_closes_as_2_30_when_ever_reached_otherwise_3_90() {
        let policy = CallPolicy { max_attempts: 3 };
        let mut never = CaseProgress::default();
        for _ in 0..3 {
            never = after_attempt(&never, Outcome::NoAnswer, None, now(), policy).expect("open");
        }
        assert_eq!(
            never.final_outcome,
            Some(Outcome::LimitReachedNeverContacted)
        );

        let mut reached = CaseProgress::default();
        for outcome in [Outcome::Partial, Outcome::NoAnswer, Outcome::Busy] {
            reached = after_attempt(&reached, outcome, None, now(), policy).expect("open");
        }
        assert_eq!(reached.final_outcome, Some(Outcome::LimitReachedContacted));
        assert_eq!(reached.attempts, 3);
    }

    #[test]
    fn callback_needs_a_future_time_and_is_due_then() {
        let fresh = CaseProgress::default();
        let policy = CallPolicy::default();
        assert_eq!(
            after_attempt(&fresh, Outcome::Callback, None, now(), policy),
            Err(ScheduleError::AppointmentRequired("Hẹn gọi lại"))
        );
        assert_eq!(
            after_attempt(&fresh, Outcome::Callback, Some(now()), now(), policy),
            Err(ScheduleError::AppointmentInPast)
        );
        let at = now() + Duration::hours(26);
        let booked =
            after_attempt(&fresh, Outcome::Callback, Some(at), now(), policy).expect("booked");
        assert_eq!(booked.appointment_at, Some(at));
        assert_eq!(booked.retry_at, Some(at));
        assert!(booked.ever_contacted);
    }

    #[test]
    fn an_appointment_on_the_last_attempt_keeps_the_case_open() {
        let case = CaseProgress {
            attempts: 4,
            ..CaseProgress::default()
        };
        let at = now() + Duration::hours(2);
        let booked = after_attempt(
            &case,
            Outcome::Callback,
            Some(at),
            now(),
            CallPolicy::default(),
        )
        .expect("booked");
        assert_eq!(booked.final_outcome, None);
        assert_eq!(booked.attempts, 5);
    }
}

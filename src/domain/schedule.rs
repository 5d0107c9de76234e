//! What a recorded call outcome does to a case: the attempt count, the retry time, an
//! appointment, and closing the case when the outcome is final or the attempt limit is reached
//! (2.30 if the person was ever reached, otherwise 3.90). Pure functions of the case, the
//! outcome and an explicit `now`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::case::CaseProgress;
use super::outcome::{OutcomeCatalogue, OutcomeRule};

/// The campaign's calling rules that this module applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallPolicy {
    /// Counted attempts after which a case that is still open is closed.
    pub max_attempts: u32,
}

impl Default for CallPolicy {
    fn default() -> Self {
        Self { max_attempts: 5 }
    }
}

/// One call as the operator records it.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub rule: &'a OutcomeRule,
    pub operator: Uuid,
    pub note: Option<&'a str>,
    pub appointment_at: Option<DateTime<Utc>>,
}

/// Why an outcome cannot be recorded for a case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("ca này đã kết thúc với kết quả {0}")]
    AlreadyClosed(String),
    #[error("kết quả {0} do hệ thống tự đặt, điện thoại viên không chọn được")]
    NotRecordable(String),
    #[error("kết quả “{0}” cần thời gian hẹn gọi lại")]
    AppointmentRequired(String),
    #[error("thời gian hẹn gọi lại phải ở sau thời điểm hiện tại")]
    AppointmentInPast,
    #[error("kết quả “{0}” cần ghi chú")]
    NoteRequired(String),
    #[error("danh mục kết quả của đợt khảo sát thiếu mã {0} để đóng ca khi hết lượt gọi")]
    NoLimitOutcome(&'static str),
}

/// Applies one recorded call to a case and returns what the case becomes.
pub fn after_attempt(
    case: &CaseProgress,
    call: Call<'_>,
    catalogue: &OutcomeCatalogue,
    now: DateTime<Utc>,
    policy: CallPolicy,
) -> Result<CaseProgress, ScheduleError> {
    let rule = call.rule;
    if let Some(closed) = &case.final_outcome {
        return Err(ScheduleError::AlreadyClosed(closed.to_string()));
    }
    if !rule.is_recordable() {
        return Err(ScheduleError::NotRecordable(rule.code.to_string()));
    }
    if rule.note_required && call.note.is_none_or(|n| n.trim().is_empty()) {
        return Err(ScheduleError::NoteRequired(rule.label_vi.clone()));
    }
    let appointment_at = if rule.appointment_required {
        match call.appointment_at {
            None => return Err(ScheduleError::AppointmentRequired(rule.label_vi.clone())),
            Some(at) if at <= now => return Err(ScheduleError::AppointmentInPast),
            Some(at) => Some(at),
        }
    } else {
        None
    };
    let attempts = case.attempts + 1;
    let counted_attempts = case.counted_attempts + u32::from(rule.counts_toward_limit);
    let ever_contacted = case.ever_contacted || rule.contact;
    let final_outcome = if rule.is_final {
        Some(rule.code.clone())
    } else if counted_attempts >= policy.max_attempts && appointment_at.is_none() {
        let closing =
            catalogue
                .limit_reached(ever_contacted)
                .ok_or(ScheduleError::NoLimitOutcome(if ever_contacted {
                    crate::domain::outcome::LIMIT_CONTACTED
                } else {
                    crate::domain::outcome::LIMIT_NEVER_CONTACTED
                }))?;
        Some(closing.code.clone())
    } else {
        None
    };
    let open = final_outcome.is_none();
    let retry_at = match appointment_at {
        _ if !open => None,
        Some(at) => Some(at),
        None => rule.retry_after.map(|delay| now + delay),
    };
    Ok(CaseProgress {
        attempts,
        counted_attempts,
        ever_contacted,
        last_outcome: Some(rule.code.clone()),
        final_outcome,
        retry_at,
        appointment_at: appointment_at.filter(|_| open),
        avoid_operator: if rule.other_operator {
            Some(call.operator)
        } else {
            case.avoid_operator
        },
        lease_expires_at: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    use crate::domain::test_now as now;

    fn rule(code: &str) -> &'static OutcomeRule {
        OutcomeCatalogue::builtin()
            .get(code)
            .expect("built-in code")
    }

    fn operator() -> Uuid {
        Uuid::from_u128(7)
    }

    fn call(code: &str) -> Call<'static> {
        Call {
            rule: rule(code),
            operator: operator(),
            note: Some("ghi chú"),
            appointment_at: None,
        }
    }

    fn apply(
        case: &CaseProgress,
        call: Call<'_>,
        policy: CallPolicy,
    ) -> Result<CaseProgress, ScheduleError> {
        after_attempt(case, call, OutcomeCatalogue::builtin(), now(), policy)
    }

    fn record(case: &CaseProgress, code: &str) -> CaseProgress {
        apply(case, call(code), CallPolicy::default()).expect("recordable")
    }

    #[test]
    fn no_answer_waits_longer_than_busy_and_stays_open() {
        let fresh = CaseProgress::default();
        let busy = record(&fresh, "3.12");
        let unanswered = record(&fresh, "3.13");
        assert_eq!(busy.attempts, 1);
        assert_eq!(busy.final_outcome, None);
        assert_eq!(busy.retry_at, Some(now() + Duration::minutes(30)));
        assert_eq!(unanswered.retry_at, Some(now() + Duration::hours(3)));
        assert!(!unanswered.ever_contacted);
    }

    #[test]
    fn final_outcomes_close_the_case_and_nothing_more_can_be_recorded() {
        for code in ["2.112", "4.32", "4.7", "1.1"] {
            let closed = record(&CaseProgress::default(), code);
            assert_eq!(
                closed.final_outcome.as_ref().map(|c| c.as_str()),
                Some(code)
            );
            assert_eq!(closed.retry_at, None);
            assert_eq!(
                apply(&closed, call("3.12"), CallPolicy::default()),
                Err(ScheduleError::AlreadyClosed(code.to_owned()))
            );
        }
    }

    #[test]
    fn a_soft_refusal_comes_back_in_a_week_to_another_operator() {
        let refused = record(&CaseProgress::default(), "2.111");
        assert_eq!(refused.final_outcome, None);
        assert_eq!(refused.retry_at, Some(now() + Duration::days(7)));
        assert_eq!(refused.avoid_operator, Some(operator()));
        let later = record(&refused, "3.13");
        assert_eq!(
            later.avoid_operator,
            Some(operator()),
            "still not back to the one refused"
        );
    }

    #[test]
    fn outcomes_set_by_the_rules_cannot_be_recorded_and_notes_are_asked_for() {
        assert_eq!(
            apply(
                &CaseProgress::default(),
                call("3.90"),
                CallPolicy::default()
            ),
            Err(ScheduleError::NotRecordable("3.90".to_owned()))
        );
        let silent = Call {
            note: Some("  "),
            ..call("2.12")
        };
        assert_eq!(
            apply(&CaseProgress::default(), silent, CallPolicy::default()),
            Err(ScheduleError::NoteRequired("Bỏ dở giữa chừng".to_owned()))
        );
    }

    #[test]
    fn attempt_limit_closes_as_2_30_when_ever_reached_otherwise_3_90() {
        let policy = CallPolicy { max_attempts: 3 };
        let mut never = CaseProgress::default();
        for _ in 0..3 {
            never = apply(&never, call("3.13"), policy).expect("open");
        }
        assert_eq!(
            never.final_outcome.as_ref().map(|c| c.as_str()),
            Some("3.90")
        );

        let mut reached = CaseProgress::default();
        for code in ["1.2", "3.13", "3.12"] {
            reached = apply(&reached, call(code), policy).expect("open");
        }
        assert_eq!(
            reached.final_outcome.as_ref().map(|c| c.as_str()),
            Some("2.30")
        );
        assert_eq!(reached.attempts, 3);
    }

    #[test]
    fn a_callback_does_not_use_up_an_attempt() {
        let policy = CallPolicy { max_attempts: 2 };
        let at = now() + Duration::hours(2);
        let booked = apply(
            &CaseProgress::default(),
            Call {
                appointment_at: Some(at),
                ..call("2.21")
            },
            policy,
        )
        .expect("booked");
        let again = apply(
            &booked,
            Call {
                appointment_at: Some(at + Duration::hours(1)),
                ..call("2.21")
            },
            policy,
        )
        .expect("booked again");
        assert_eq!((again.attempts, again.counted_attempts), (2, 0));
        assert_eq!(
            again.final_outcome, None,
            "two callbacks are not two attempts"
        );
    }

    #[test]
    fn callback_needs_a_future_time_and_is_due_then() {
        let fresh = CaseProgress::default();
        let policy = CallPolicy::default();
        assert_eq!(
            apply(&fresh, call("2.21"), policy),
            Err(ScheduleError::AppointmentRequired("Hẹn gọi lại".to_owned()))
        );
        assert_eq!(
            apply(
                &fresh,
                Call {
                    appointment_at: Some(now()),
                    ..call("2.21")
                },
                policy
            ),
            Err(ScheduleError::AppointmentInPast)
        );
        let at = now() + Duration::hours(26);
        let booked = apply(
            &fresh,
            Call {
                appointment_at: Some(at),
                ..call("2.21")
            },
            policy,
        )
        .expect("booked");
        assert_eq!(booked.appointment_at, Some(at));
        assert_eq!(booked.retry_at, Some(at));
        assert!(booked.ever_contacted);
    }
}

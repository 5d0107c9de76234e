//! What a recorded call outcome does to a case: the attempt count, the retry time, an
//! appointment, and closing the case when the outcome is final or the attempt limit is reached
//! (with the most informative outcome of its calls, by the catalogue's precedence). Pure
//! functions of the case, the outcome and an explicit `now`.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::calendar::{CallingHours, SlotSet};
use super::case::CaseProgress;
use super::outcome::{OutcomeCatalogue, OutcomeRule};
use super::time::format_instant;

/// Counted attempts before an open case is closed, unless the campaign says otherwise.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 5;

/// How long a hard appointment waits for the operator who booked it before anyone may call.
pub const DEFAULT_APPOINTMENT_GRACE: Duration = Duration::minutes(15);

/// A campaign's calling rules: when calls may be made, and how long a hard appointment is kept
/// for its operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallingRules {
    pub hours: CallingHours,
    pub appointment_grace: Duration,
}

impl Default for CallingRules {
    fn default() -> Self {
        Self {
            hours: CallingHours::default(),
            appointment_grace: DEFAULT_APPOINTMENT_GRACE,
        }
    }
}

/// The campaign's rules that recording a call applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallPolicy<'a> {
    /// Counted attempts after which a case that is still open is closed.
    pub max_attempts: u32,
    /// Retries are moved to when calling is allowed, in a slot not yet tried when the outcome
    /// asks for one.
    pub hours: &'a CallingHours,
}

/// Who may make a callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AppointmentKind {
    /// The operator who booked it; anyone once the campaign's grace period has passed.
    Hard,
    /// Any operator.
    Soft,
}

impl AppointmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentKind::Hard => "hard",
            AppointmentKind::Soft => "soft",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [AppointmentKind::Hard, AppointmentKind::Soft]
            .into_iter()
            .find(|k| k.as_str() == text)
    }
}

/// A callback time agreed with the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointment {
    pub at: DateTime<Utc>,
    pub kind: AppointmentKind,
}

/// One call as the operator records it.
#[derive(Debug, Clone, Copy)]
pub struct Call<'a> {
    pub rule: &'a OutcomeRule,
    pub operator: Uuid,
    pub note: Option<&'a str>,
    pub appointment: Option<Appointment>,
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
    #[error("giờ hẹn {0} nằm ngoài giờ gọi của đợt khảo sát: hãy hẹn trong giờ gọi")]
    AppointmentOutsideHours(String),
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
    policy: CallPolicy<'_>,
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
    let appointment = if rule.appointment_required {
        match call.appointment {
            None => return Err(ScheduleError::AppointmentRequired(rule.label_vi.clone())),
            Some(booked) if booked.at <= now => return Err(ScheduleError::AppointmentInPast),
            Some(booked) if policy.hours.slot_at(booked.at).is_none() => {
                return Err(ScheduleError::AppointmentOutsideHours(format_instant(
                    booked.at,
                    policy.hours.zone(),
                )))
            }
            Some(booked) => Some(booked),
        }
    } else {
        None
    };
    let attempts = case.attempts + 1;
    let counted_attempts = case.counted_attempts + u32::from(rule.counts_toward_limit);
    let ever_contacted = case.ever_contacted || rule.contact;
    let limit_outcome = catalogue
        .at_limit()
        .fold(case.limit_outcome.as_ref(), &rule.code);
    let final_outcome = if rule.is_final {
        Some(rule.code.clone())
    } else if counted_attempts >= policy.max_attempts && appointment.is_none() {
        let closing = catalogue
            .limit_closing(limit_outcome.as_ref(), ever_contacted)
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
    let tried_slots = if rule.contact {
        SlotSet::default()
    } else if rule.new_slot {
        policy.hours.slot_at(now).map_or(case.tried_slots, |slot| {
            case.tried_slots.after_unanswered(slot)
        })
    } else {
        case.tried_slots
    };
    let retry_at = match appointment {
        _ if !open => None,
        Some(booked) => Some(booked.at),
        None => rule.retry_after.map(|delay| {
            let earliest = now + delay;
            let slots = if rule.new_slot {
                tried_slots.missing()
            } else {
                Vec::new()
            };
            policy
                .hours
                .next_open_in(earliest, &slots)
                .unwrap_or(earliest)
        }),
    };
    let booked = appointment.filter(|_| open);
    Ok(CaseProgress {
        attempts,
        counted_attempts,
        ever_contacted,
        limit_outcome,
        last_outcome: Some(rule.code.clone()),
        final_outcome,
        retry_at,
        appointment_at: booked.map(|b| b.at),
        appointment_operator: booked
            .filter(|b| b.kind == AppointmentKind::Hard)
            .map(|_| call.operator),
        tried_slots,
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

    use crate::domain::{hanoi, test_now as now};

    static HOURS: std::sync::LazyLock<CallingHours> =
        std::sync::LazyLock::new(CallingHours::default);

    fn limit(max_attempts: u32) -> CallPolicy<'static> {
        CallPolicy {
            max_attempts,
            hours: &HOURS,
        }
    }

    fn soft(at: DateTime<Utc>) -> Option<Appointment> {
        Some(Appointment {
            at,
            kind: AppointmentKind::Soft,
        })
    }

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
            appointment: None,
        }
    }

    fn apply(
        case: &CaseProgress,
        call: Call<'_>,
        policy: CallPolicy<'static>,
    ) -> Result<CaseProgress, ScheduleError> {
        after_attempt(case, call, OutcomeCatalogue::builtin(), now(), policy)
    }

    fn record(case: &CaseProgress, code: &str) -> CaseProgress {
        apply(case, call(code), limit(5)).expect("recordable")
    }

    #[test]
    fn no_answer_waits_longer_than_busy_and_stays_open() {
        let fresh = CaseProgress::default();
        let busy = record(&fresh, "3.12");
        let unanswered = record(&fresh, "3.13");
        assert_eq!(busy.attempts, 1);
        assert_eq!(busy.final_outcome, None);
        assert_eq!(busy.retry_at, Some(now() + Duration::minutes(30)));
        assert_eq!(
            unanswered.retry_at,
            Some(now() + Duration::minutes(210)),
            "three hours on is lunch: the afternoon opens at 13:30"
        );
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
                apply(&closed, call("3.12"), limit(5)),
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
            apply(&CaseProgress::default(), call("3.90"), limit(5)),
            Err(ScheduleError::NotRecordable("3.90".to_owned()))
        );
        let silent = Call {
            note: Some("  "),
            ..call("2.12")
        };
        assert_eq!(
            apply(&CaseProgress::default(), silent, limit(5)),
            Err(ScheduleError::NoteRequired("Bỏ dở giữa chừng".to_owned()))
        );
    }

    /// Records a history under an attempt limit of `limit`: what the case ends as.
    fn history(codes: &[&str], limit_at: u32) -> CaseProgress {
        let at = now() + Duration::hours(4);
        codes.iter().fold(CaseProgress::default(), |case, code| {
            let appointment = (*code == "2.21").then_some(Appointment {
                at,
                kind: AppointmentKind::Soft,
            });
            apply(
                &case,
                Call {
                    appointment,
                    ..call(code)
                },
                limit(limit_at),
            )
            .unwrap_or_else(|e| panic!("{codes:?}: {e}"))
        })
    }

    #[test]
    fn the_attempt_limit_closes_with_the_most_informative_outcome() {
        let table: &[(&[&str], u32, &str)] = &[
            // The walk-through that found the fault: refused softly, then no answer, limit 2.
            (&["2.111", "3.13"], 2, "2.111"),
            (&["3.13", "2.111", "3.12"], 3, "2.111"),
            (&["1.2", "3.13", "3.12"], 3, "1.2"),
            // A callback is no counted attempt: three calls reach a limit of two.
            (&["2.21", "3.13", "3.13"], 2, "2.21"),
            (&["2.22", "3.13", "3.16"], 3, "2.22"),
            (&["3.13", "3.13", "3.13"], 3, "3.13"),
            (&["3.12", "3.12"], 2, "3.12"),
            (&["3.13", "3.12", "3.16"], 3, "3.90"),
        ];
        for (codes, limit_at, expected) in table {
            let closed = history(codes, *limit_at);
            assert_eq!(
                closed.final_outcome.as_ref().map(|c| c.as_str()),
                Some(*expected),
                "{codes:?} with a limit of {limit_at}"
            );
        }
        let open = history(&["2.111", "3.13"], 3);
        assert_eq!(
            open.final_outcome, None,
            "under the limit the case stays open"
        );
        assert_eq!(
            open.limit_outcome.as_ref().map(|c| c.as_str()),
            Some("2.111")
        );
    }

    #[test]
    fn a_not_eligible_outcome_closes_at_once_whatever_came_before() {
        let closed = history(&["2.111", "4.32"], 5);
        assert_eq!(
            closed.final_outcome.as_ref().map(|c| c.as_str()),
            Some("4.32")
        );
    }

    #[test]
    fn a_history_no_line_matches_closes_as_2_30_or_3_90() {
        let catalogue = OutcomeCatalogue::builtin();
        assert_eq!(
            catalogue.limit_closing(None, true).map(|r| r.code.as_str()),
            Some("2.30")
        );
        assert_eq!(
            catalogue
                .limit_closing(None, false)
                .map(|r| r.code.as_str()),
            Some("3.90")
        );
    }

    #[test]
    fn a_callback_does_not_use_up_an_attempt() {
        let policy = limit(2);
        let at = now() + Duration::hours(4);
        let booked = apply(
            &CaseProgress::default(),
            Call {
                appointment: soft(at),
                ..call("2.21")
            },
            policy,
        )
        .expect("booked");
        let again = apply(
            &booked,
            Call {
                appointment: soft(at + Duration::hours(1)),
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
        let policy = limit(5);
        assert_eq!(
            apply(&fresh, call("2.21"), policy),
            Err(ScheduleError::AppointmentRequired("Hẹn gọi lại".to_owned()))
        );
        assert_eq!(
            apply(
                &fresh,
                Call {
                    appointment: soft(now()),
                    ..call("2.21")
                },
                policy
            ),
            Err(ScheduleError::AppointmentInPast)
        );
        let at = now() + Duration::hours(24);
        let booked = apply(
            &fresh,
            Call {
                appointment: soft(at),
                ..call("2.21")
            },
            policy,
        )
        .expect("booked");
        assert_eq!(booked.appointment_at, Some(at));
        assert_eq!(booked.retry_at, Some(at));
        assert!(booked.ever_contacted);
    }

    fn unanswered_at(case: &CaseProgress, at: DateTime<Utc>) -> CaseProgress {
        after_attempt(
            case,
            call("3.13"),
            OutcomeCatalogue::builtin(),
            at,
            limit(9),
        )
        .expect("recordable")
    }

    #[test]
    fn repeated_no_answers_are_retried_in_a_part_of_the_day_not_yet_tried() {
        let morning = unanswered_at(&CaseProgress::default(), hanoi(2026, 11, 23, 9, 0));
        assert_eq!(morning.retry_at, Some(hanoi(2026, 11, 23, 13, 30)));
        let afternoon = unanswered_at(&morning, hanoi(2026, 11, 23, 13, 40));
        assert_eq!(
            afternoon.retry_at,
            Some(hanoi(2026, 11, 23, 17, 0)),
            "morning and afternoon tried: the evening"
        );
        let evening = unanswered_at(&afternoon, hanoi(2026, 11, 23, 17, 5));
        assert_eq!(
            evening.retry_at,
            Some(hanoi(2026, 11, 24, 7, 30)),
            "all tried: a new round, next morning"
        );
        let reached = record(&evening, "1.2");
        assert_eq!(
            reached.tried_slots,
            SlotSet::default(),
            "reaching the person starts afresh"
        );
    }

    #[test]
    fn retries_skip_nights_sundays_and_public_holidays() {
        let busy = |at| {
            after_attempt(
                &CaseProgress::default(),
                call("3.12"),
                OutcomeCatalogue::builtin(),
                at,
                limit(5),
            )
            .expect("recordable")
            .retry_at
        };
        assert_eq!(
            busy(hanoi(2026, 11, 23, 19, 50)),
            Some(hanoi(2026, 11, 24, 7, 30))
        );
        assert_eq!(
            busy(hanoi(2026, 11, 28, 19, 45)),
            Some(hanoi(2026, 11, 30, 7, 30)),
            "Saturday night waits for Monday"
        );
        assert_eq!(
            busy(hanoi(2026, 12, 31, 19, 45)),
            Some(hanoi(2027, 1, 2, 7, 30)),
            "New Year's Day is a public holiday"
        );
        assert_eq!(
            busy(hanoi(2027, 2, 4, 19, 45)),
            Some(hanoi(2027, 2, 11, 7, 30)),
            "Tết 2027: the eve (5/2) and the first four days (6–9/2); Sunday 7/2 among them gives \
             Wednesday 10/2 off in lieu; then Thursday"
        );
    }

    #[test]
    fn an_appointment_must_fall_in_calling_hours() {
        let booking = |at| Call {
            appointment: soft(at),
            ..call("2.21")
        };
        let tonight = hanoi(2026, 11, 23, 20, 30);
        assert_eq!(
            apply(&CaseProgress::default(), booking(tonight), limit(5)),
            Err(ScheduleError::AppointmentOutsideHours(
                "23/11/2026 20:30".to_owned()
            ))
        );
        let sunday = hanoi(2026, 11, 29, 9, 0);
        assert!(apply(&CaseProgress::default(), booking(sunday), limit(5)).is_err());
        let evening = hanoi(2026, 11, 23, 19, 30);
        assert!(apply(&CaseProgress::default(), booking(evening), limit(5)).is_ok());
    }

    #[test]
    fn a_hard_appointment_belongs_to_its_operator_a_soft_one_to_anyone() {
        let at = now() + Duration::hours(4);
        let booked = |kind| {
            apply(
                &CaseProgress::default(),
                Call {
                    appointment: Some(Appointment { at, kind }),
                    ..call("2.21")
                },
                limit(5),
            )
            .expect("booked")
        };
        assert_eq!(
            booked(AppointmentKind::Hard).appointment_operator,
            Some(operator())
        );
        assert_eq!(booked(AppointmentKind::Soft).appointment_operator, None);
        let called_back = record(&booked(AppointmentKind::Hard), "3.12");
        assert_eq!(
            (called_back.appointment_at, called_back.appointment_operator),
            (None, None),
            "the next call ends the appointment"
        );
    }
}

//! A case's calling progress — attempts, last and final outcome, retry time, appointment, lease —
//! and the status a supervisor sees, derived from it at a given instant rather than stored.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use uuid::Uuid;

use super::calendar::SlotSet;
use super::outcome::OutcomeCode;

/// What the scheduler knows about a case between calls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseProgress {
    /// Every call made.
    pub attempts: u32,
    /// The calls that count toward the attempt limit (a callback booked does not).
    pub counted_attempts: u32,
    pub ever_contacted: bool,
    /// The most informative outcome of the calls so far, by the catalogue's precedence: what
    /// the attempt limit would close the case with (see `domain::outcome::LimitPrecedence`).
    pub limit_outcome: Option<OutcomeCode>,
    pub last_outcome: Option<OutcomeCode>,
    pub final_outcome: Option<OutcomeCode>,
    pub retry_at: Option<DateTime<Utc>>,
    pub appointment_at: Option<DateTime<Utc>>,
    /// A hard appointment's operator: only they may call until the grace period has passed.
    pub appointment_operator: Option<Uuid>,
    /// The parts of the day the case has gone unanswered in since the person was last reached.
    pub tried_slots: SlotSet,
    /// The operator the person refused: the next call goes to someone else.
    pub avoid_operator: Option<Uuid>,
    pub lease_expires_at: Option<DateTime<Utc>>,
}

/// Where a case stands, as the supervisor's list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CaseStatus {
    /// Never called.
    New,
    /// An operator holds it now.
    InCall,
    /// Called before; waiting for its retry time or the next free operator.
    Retry,
    /// The respondent asked to be called at a set time.
    Appointment,
    /// Closed by a final outcome.
    Closed,
}

impl CaseProgress {
    pub fn status(&self, now: DateTime<Utc>) -> CaseStatus {
        if self.final_outcome.is_some() {
            CaseStatus::Closed
        } else if self.lease_expires_at.is_some_and(|until| until > now) {
            CaseStatus::InCall
        } else if self.appointment_at.is_some() {
            CaseStatus::Appointment
        } else if self.attempts == 0 {
            CaseStatus::New
        } else {
            CaseStatus::Retry
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    use crate::domain::test_now as now;

    #[test]
    fn status_follows_the_progress() {
        let fresh = CaseProgress::default();
        assert_eq!(fresh.status(now()), CaseStatus::New);

        let held = CaseProgress {
            lease_expires_at: Some(now() + Duration::minutes(3)),
            ..fresh.clone()
        };
        assert_eq!(held.status(now()), CaseStatus::InCall);

        let lapsed = CaseProgress {
            lease_expires_at: Some(now() - Duration::minutes(1)),
            ..fresh.clone()
        };
        assert_eq!(
            lapsed.status(now()),
            CaseStatus::New,
            "an expired lease holds nothing"
        );

        let retried = CaseProgress {
            attempts: 1,
            last_outcome: "3.12".parse().ok(),
            ..fresh.clone()
        };
        assert_eq!(retried.status(now()), CaseStatus::Retry);

        let booked = CaseProgress {
            attempts: 1,
            appointment_at: Some(now()),
            ..fresh.clone()
        };
        assert_eq!(booked.status(now()), CaseStatus::Appointment);

        let closed = CaseProgress {
            attempts: 1,
            final_outcome: "2.112".parse().ok(),
            ..fresh
        };
        assert_eq!(closed.status(now()), CaseStatus::Closed);
    }
}

//! The operator's desk: take the next case, keep its lease alive, record the call's outcome, or
//! hand the case back (the interview itself is `interview`).

use super::session::Session;
use chrono::{DateTime, Datelike, Duration, DurationRound, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use super::interview::{
    campaign_script, case_progress, check_stop, interview_view, operator_name, placeholders,
    InterviewView,
};
use crate::domain::calendar::{weekday_label, CallingHours, TimeSlot};
use crate::domain::case::CaseStatus;
use crate::domain::outcome::{InterviewNeed, OutcomeCode};
use crate::domain::results::index::ScoreLine;
use crate::domain::schedule::{Appointment, AppointmentKind};
use crate::domain::time::{format_date, format_instant, LocalTime};
use crate::error::{Error, Result};
use crate::store::model::{AttemptRecord, Campaign, CaseRecord, ClaimRules, Lease};
use crate::store::Store;

/// How long a claim holds a case without a heartbeat: a crashed workstation's case is back in
/// the pool after at most this long.
pub const LEASE_TIME: Duration = Duration::minutes(5);
/// How often the desk renews its lease.
pub const HEARTBEAT_EVERY: Duration = Duration::minutes(1);
/// The longest note an operator can attach to a call.
pub const NOTE_MAX_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NextCaseRequest {
    pub campaign_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttemptView {
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    pub outcome: OutcomeCode,
    pub note: Option<String>,
}

/// A case's calls as the desk and the review list them, oldest first, at the campaign's clock.
pub(crate) async fn case_calls(
    store: &dyn Store,
    case: Uuid,
    zone: chrono_tz::Tz,
) -> Result<Vec<AttemptView>> {
    Ok(store
        .case_attempts(case)
        .await?
        .into_iter()
        .map(|a| AttemptView {
            at: format_instant(a.ended_at, zone),
            outcome: a.outcome,
            note: a.note,
        })
        .collect())
}

/// Everything the operator needs on screen to make the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseCard {
    pub lease: Lease,
    /// This operator already held the case: the call is picked up again.
    pub resumed: bool,
    pub respondent_name: String,
    /// Shown whole, in the national form: the operator holding the case dials it.
    pub phone: String,
    pub agency_code: String,
    pub agency_name: String,
    pub procedure: String,
    pub dossier_code: String,
    /// The date the result was received, dd/mm/yyyy.
    pub received_on: String,
    pub attempts: u32,
    pub max_attempts: u32,
    pub appointment_at: Option<String>,
    /// The appointment was booked for one operator only.
    pub appointment_hard: bool,
    pub history: Vec<AttemptView>,
    pub interview: Option<InterviewView>,
}

/// The session's operator takes their next case of the campaign (or the one they hold).
pub async fn next_case(
    session: &Session,
    now: DateTime<Utc>,
    req: &NextCaseRequest,
) -> Result<Option<CaseCard>> {
    let store = session.store();
    let operator = session.operator_on(req.campaign_id)?.id;
    let campaign = store.campaign(req.campaign_id).await?;
    let rules = ClaimRules {
        now,
        lease_until: now + LEASE_TIME,
        calling_open: campaign.calling.hours.slot_at(now).is_some(),
        hard_until: now - campaign.calling.appointment_grace,
    };
    let Some(claim) = store.claim_next_case(campaign.id, operator, &rules).await? else {
        // The claim hands nothing to a paused operator: say so rather than "no case".
        super::pause::refusal_if_paused(session, operator).await?;
        tracing::info!(campaign = %campaign.id, operator = %operator, "no case to call");
        return Ok(None);
    };
    let case = claim.case;
    let lease = case.lease().ok_or(Error::LeaseLost { case: case.id })?;
    tracing::info!(case = %case.id, operator = %operator, epoch = lease.epoch, resumed = claim.resumed, "case claimed");
    // A case never called has no history to read.
    let history = match case.last_attempt_at {
        None => Vec::new(),
        Some(_) => case_calls(store, case.id, campaign.time_zone).await?,
    };
    let contact = store
        .held_contact(&lease)
        .await?
        .ok_or(Error::LeaseLost { case: case.id })?;
    let interview = if case.has_interview {
        resumed_interview(store, &campaign, &case, &contact.full_name, operator).await?
    } else {
        None
    };
    Ok(Some(CaseCard {
        lease,
        resumed: claim.resumed,
        respondent_name: contact.full_name,
        phone: contact.phone.national(),
        agency_code: case.agency_code,
        agency_name: case.agency_name,
        procedure: case.procedure,
        dossier_code: case.dossier_code,
        received_on: format_date(case.received_on),
        attempts: case.progress.attempts,
        max_attempts: campaign.max_attempts,
        appointment_at: case
            .progress
            .appointment_at
            .map(|at| format_instant(at, campaign.time_zone)),
        appointment_hard: case.progress.appointment_operator.is_some(),
        history,
        interview,
    }))
}

/// The interview a claimed case already has, to take up where it stopped.
async fn resumed_interview(
    store: &dyn Store,
    campaign: &Campaign,
    case: &CaseRecord,
    respondent: &str,
    operator: Uuid,
) -> Result<Option<InterviewView>> {
    let Some(found) = store.case_interview(case.id).await? else {
        return Ok(None);
    };
    let script = campaign_script(store, campaign).await?;
    let name = operator_name(store, operator).await?;
    Ok(Some(interview_view(
        &script,
        &found,
        &placeholders(case, respondent, &name),
        campaign,
    )))
}

/// Keeps the session's lease alive while the call goes on: it then runs [`LEASE_TIME`] from
/// `now`.
pub async fn heartbeat(session: &Session, now: DateTime<Utc>, lease: &Lease) -> Result<()> {
    session.own_lease(lease)?;
    session.store().extend_lease(lease, now + LEASE_TIME).await
}

/// Hands the session's case back to the pool without recording a call.
pub async fn release(session: &Session, lease: &Lease) -> Result<()> {
    session.own_lease(lease)?;
    session.store().release_case(lease).await?;
    tracing::info!(case = %lease.case_id, operator = %lease.holder, "case released");
    Ok(())
}

/// The lease a case is held under now, for scripts that name the case rather than carry the
/// lease (`khaosat desk outcome --case`); an `epoch` given must still be the current one.
pub async fn current_lease(session: &Session, case: Uuid, epoch: Option<i64>) -> Result<Lease> {
    let held = session.store().case(case).await?.lease();
    match held {
        Some(lease) if epoch.is_none_or(|e| e == lease.epoch) => Ok(lease),
        _ => Err(Error::LeaseLost { case }),
    }
}

/// How many upcoming appointments the desk shows.
pub const APPOINTMENTS_SHOWN: u32 = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentView {
    pub case_id: Uuid,
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    /// Its time has come.
    pub due: bool,
    /// Booked for this operator only (until the grace period has passed).
    pub hard: bool,
    /// `090****567`: the person's name and number are shown once the case is taken.
    pub phone_masked: String,
    pub agency_name: String,
    pub dossier_code: String,
}

/// What the operator's queue holds: shown beside the case, and instead of it when nothing can
/// be called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueueView {
    /// The app's now in the campaign's time zone, dd/mm/yyyy hh:mm: where the desk starts a
    /// callback time from.
    pub now: String,
    /// Calling hours are on now.
    pub calling_open: bool,
    pub slot: Option<TimeSlot>,
    /// When calling hours are off: when they next begin, dd/mm/yyyy hh:mm.
    pub next_open: Option<String>,
    /// Open cases on the operator's own call list.
    pub own_open: u32,
    /// Open cases in the shared pool.
    pub pool_open: u32,
    /// Cases that could be handed to the operator now: none outside calling hours.
    pub ready: u32,
    pub appointments: Vec<AppointmentView>,
    /// Callback times to offer, all within calling hours (holidays and days off included),
    /// the first being the default: the next calling day at 09:00 (or when calling opens).
    pub callback_choices: Vec<CallbackChoice>,
}

/// A callback time the desk offers with one key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallbackChoice {
    pub label_vi: String,
    pub label_en: String,
    /// dd/mm/yyyy hh:mm in the campaign's time zone, as the desk sends it back.
    pub at: String,
}

/// What the desk offers as a callback time at `now`: the next calling day's morning (09:00)
/// and afternoon (14:00), and in an hour's time when that is still in calling hours.
fn callback_choices(hours: &CallingHours, now: DateTime<Utc>) -> Vec<CallbackChoice> {
    let zone = hours.zone();
    let today = now.with_timezone(&zone).date_naive();
    let mut choices = Vec::new();
    let later = now + Duration::hours(1);
    let later = later
        .duration_round_up(Duration::minutes(5))
        .unwrap_or(later);
    let next_day = hours.calling_days_after(today).next();
    if let Some(day) = next_day {
        let tomorrow = today.succ_opt() == Some(day);
        let (vi_day, en_day) = if tomorrow {
            ("mai".to_owned(), "tomorrow".to_owned())
        } else {
            let date = day.format("%d/%m");
            (
                format!("{} {date}", weekday_label(day.weekday())),
                format!("{} {date}", day.weekday()),
            )
        };
        for (vi, en, hour) in [("Sáng", "Morning", 9), ("Chiều", "Afternoon", 14)] {
            let wall = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
            let at = hours.open_at(day, wall).or_else(|| {
                hours.next_open(
                    zone.from_local_datetime(&day.and_time(wall))
                        .earliest()?
                        .with_timezone(&Utc),
                )
            });
            if let Some(at) = at {
                let clock = at.with_timezone(&zone).format("%H:%M");
                choices.push(CallbackChoice {
                    label_vi: format!("{vi} {vi_day} {clock}"),
                    label_en: format!("{en} {en_day} {clock}"),
                    at: format_instant(at, zone),
                });
            }
        }
    }
    if hours.slot_at(later).is_some() {
        choices.push(CallbackChoice {
            label_vi: "Sau 1 giờ".to_owned(),
            label_en: "In 1 hour".to_owned(),
            at: format_instant(later, zone),
        });
    }
    choices.dedup_by(|a, b| a.at == b.at);
    choices
}

/// What the session's operator's queue holds.
pub async fn queue(
    session: &Session,
    now: DateTime<Utc>,
    req: &NextCaseRequest,
) -> Result<QueueView> {
    let store = session.store();
    let operator = session.operator_on(req.campaign_id)?.id;
    let campaign = store.campaign(req.campaign_id).await?;
    let zone = campaign.time_zone;
    let hours = &campaign.calling.hours;
    let slot = hours.slot_at(now);
    let counts = store
        .operator_queue(campaign.id, operator, now, APPOINTMENTS_SHOWN)
        .await?;
    Ok(QueueView {
        now: format_instant(now, zone),
        calling_open: slot.is_some(),
        slot,
        next_open: if slot.is_some() {
            None
        } else {
            hours.next_open(now).map(|at| format_instant(at, zone))
        },
        callback_choices: callback_choices(hours, now),
        own_open: counts.own_open,
        pool_open: counts.pool_open,
        ready: if slot.is_some() { counts.ready } else { 0 },
        appointments: counts
            .appointments
            .into_iter()
            // The case on the operator's screen is not one to look ahead to.
            .filter(|case| {
                !(case.lease_holder == Some(operator)
                    && case.progress.status(now) == CaseStatus::InCall)
            })
            .filter_map(|case| appointment_view(case, zone, now))
            .collect(),
    })
}

/// A case's appointment as the desk and the calendar show it; `None` without one.
pub fn appointment_view(case: CaseRecord, zone: Tz, now: DateTime<Utc>) -> Option<AppointmentView> {
    let at = case.progress.appointment_at?;
    Some(AppointmentView {
        case_id: case.id,
        at: format_instant(at, zone),
        due: at <= now,
        hard: case.progress.appointment_operator.is_some(),
        phone_masked: case.phone_masked,
        agency_name: case.agency_name,
        dossier_code: case.dossier_code,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordOutcomeRequest {
    pub lease: Lease,
    /// Made by the workstation, so a retried request records one attempt, not two.
    pub attempt_id: Uuid,
    /// The outcome's code in the campaign's catalogue, e.g. `3.13`.
    pub outcome: OutcomeCode,
    pub note: Option<String>,
    /// For a callback: the agreed time, in the campaign's time zone (`2026-11-24T09:30`).
    pub appointment_at: Option<LocalTime>,
    /// Who makes the callback; `None`: this operator (a hard appointment).
    pub appointment_kind: Option<AppointmentKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeRecorded {
    pub case_id: Uuid,
    pub outcome: OutcomeCode,
    pub status: CaseStatus,
    pub attempts: u32,
    /// Set when this attempt closed the case (the outcome itself or the attempt limit).
    pub final_outcome: Option<OutcomeCode>,
    /// When the case may be called again, dd/mm/yyyy hh:mm in the campaign's time zone.
    pub retry_at: Option<String>,
}

/// Records the outcome of the session's call on the case it holds.
pub async fn record_outcome(
    session: &Session,
    now: DateTime<Utc>,
    req: &RecordOutcomeRequest,
) -> Result<OutcomeRecorded> {
    session.own_lease(&req.lease)?;
    let store = session.store();
    let case_id = req.lease.case_id;
    let campaign = store.campaign(req.lease.campaign_id).await?;
    let rule = campaign
        .outcomes
        .rule(req.outcome.as_str())
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let scores = if rule.interview == InterviewNeed::None {
        ScoreLine::default()
    } else {
        let script = campaign_script(store, &campaign).await?;
        let (progress, scores) = case_progress(store, &script, case_id).await?;
        check_stop(rule, &progress)?;
        scores
    };
    let appointment_at = req
        .appointment_at
        .map(|local| local.in_zone(campaign.time_zone))
        .transpose()
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let note = req
        .note
        .as_deref()
        .map(|n| n.trim().nfc().collect::<String>())
        .filter(|n| !n.is_empty());
    if note
        .as_ref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
    {
        return Err(Error::Invalid(format!(
            "ghi chú dài quá {NOTE_MAX_CHARS} ký tự"
        )));
    }
    let attempt = AttemptRecord {
        id: req.attempt_id,
        case_id,
        operator_id: req.lease.holder,
        started_at: req.lease.claimed_at,
        ended_at: now,
        outcome: req.outcome.clone(),
        note,
        appointment: appointment_at.map(|at| Appointment {
            at,
            kind: req.appointment_kind.unwrap_or(AppointmentKind::Hard),
        }),
    };
    let progress = store
        .record_attempt(
            &req.lease,
            &attempt,
            &campaign.outcomes,
            campaign.policy(),
            &scores,
        )
        .await?;
    tracing::info!(case = %case_id, attempt = %attempt.id, outcome = %req.outcome, "attempt recorded");
    Ok(OutcomeRecorded {
        case_id,
        outcome: req.outcome.clone(),
        status: progress.status(now),
        attempts: progress.attempts,
        final_outcome: progress.final_outcome,
        retry_at: progress
            .retry_at
            .map(|at| format_instant(at, campaign.time_zone)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hanoi;

    fn offered(now: DateTime<Utc>) -> Vec<(String, String)> {
        callback_choices(&CallingHours::default(), now)
            .into_iter()
            .map(|c| (c.label_vi, c.at))
            .collect()
    }

    #[test]
    fn callback_choices_fall_in_calling_hours_and_skip_days_off() {
        let pair = |label: &str, at: &str| (label.to_owned(), at.to_owned());
        assert_eq!(
            offered(hanoi(2026, 11, 23, 9, 2)),
            [
                pair("Sáng mai 09:00", "24/11/2026 09:00"),
                pair("Chiều mai 14:00", "24/11/2026 14:00"),
                pair("Sau 1 giờ", "23/11/2026 10:05"),
            ]
        );
        assert_eq!(
            offered(hanoi(2026, 11, 28, 19, 30)),
            [
                pair("Sáng T2 30/11 09:00", "30/11/2026 09:00"),
                pair("Chiều T2 30/11 14:00", "30/11/2026 14:00"),
            ],
            "Saturday evening: no Sunday, no call after 20:00"
        );
        assert_eq!(
            offered(hanoi(2026, 8, 31, 10, 0))[0],
            pair("Sáng T5 03/09 09:00", "03/09/2026 09:00"),
            "1/9 and 2/9 are public holidays"
        );
    }
}

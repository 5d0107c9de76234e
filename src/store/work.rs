//! The SQL of the operator figures: the calls each operator made, and the calls each finished
//! phone interview was taken on (with its first answer on each), from which the domain's
//! `work_time` reckons hours worked and the time spent in an interview.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{FinishedInterview, WorkedAttempt};
use super::rows::{corrupt, status_of};
use crate::domain::results::work_time::InterviewCall;
use crate::error::Result;

/// Attempts of the campaign that ended in [`$2`, `$3`).
pub const WORKED_ATTEMPTS: &str = "SELECT a.operator_id, a.started_at, a.ended_at, a.outcome
     FROM attempt a JOIN survey_case c ON c.id = a.case_id
     WHERE c.campaign_id = $1 AND a.ended_at >= $2 AND a.ended_at < $3";

pub fn worked_attempts(
    found: Vec<(Uuid, DateTime<Utc>, DateTime<Utc>, String)>,
) -> Result<Vec<WorkedAttempt>> {
    found
        .into_iter()
        .map(|(operator_id, started_at, ended_at, outcome)| {
            Ok(WorkedAttempt {
                operator_id,
                started_at,
                ended_at,
                outcome: outcome
                    .parse()
                    .map_err(|_| corrupt("lần gọi của điện thoại viên", operator_id))?,
            })
        })
        .collect()
}

/// The campaign's finished phone interviews, a row per call of their case with the first
/// answer given during that call (NULL: none), ordered by interview.
pub const FINISHED_INTERVIEW_CALLS: &str =
    "SELECT i.id, c.agency_id, i.operator_id, i.status, i.started_at, i.finished_at,
       a.started_at, a.ended_at, MIN(ans.answered_at)
     FROM interview i JOIN survey_case c ON c.id = i.case_id
     JOIN attempt a ON a.case_id = i.case_id
     LEFT JOIN answer_log ans ON ans.interview_id = i.id
       AND ans.answered_at >= a.started_at AND ans.answered_at <= a.ended_at
     WHERE c.campaign_id = $1 AND i.mode = 'phone' AND i.status <> 'in_progress'
       AND i.finished_at IS NOT NULL
     GROUP BY i.id, c.agency_id, i.operator_id, i.status, i.started_at, i.finished_at,
       a.id, a.started_at, a.ended_at
     ORDER BY i.id, a.started_at";

/// Interview, agency, operator, status, started, finished; the call's start and end, and its
/// first answer.
pub type InterviewCallRow = (
    Uuid,
    Uuid,
    Uuid,
    String,
    DateTime<Utc>,
    DateTime<Utc>,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

/// Gathers [`FINISHED_INTERVIEW_CALLS`]' rows into one interview each, with its calls.
pub fn finished_interviews(found: Vec<InterviewCallRow>) -> Result<Vec<FinishedInterview>> {
    let mut interviews: Vec<(Uuid, FinishedInterview)> = Vec::new();
    for (
        id,
        agency_id,
        operator_id,
        status,
        started_at,
        finished_at,
        call_start,
        call_end,
        first,
    ) in found
    {
        let call = InterviewCall {
            started_at: call_start,
            ended_at: call_end,
            first_answer_at: first,
        };
        match interviews.last_mut() {
            Some((last, interview)) if *last == id => interview.calls.push(call),
            _ => interviews.push((
                id,
                FinishedInterview {
                    agency_id,
                    operator_id,
                    status: status_of(&status, id)?,
                    started_at,
                    finished_at,
                    calls: vec![call],
                },
            )),
        }
    }
    Ok(interviews.into_iter().map(|(_, i)| i).collect())
}

//! The supervisor's view of a campaign: every case with its status, attempts, who holds it and,
//! for interviews, the answers. Phone numbers are masked here: only the operator holding a
//! case sees the whole number.

use super::session::Session;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::interview::{campaign_script, interview_summary, InterviewSummary};
use crate::domain::case::CaseStatus;
use crate::domain::outcome::OutcomeCode;
use crate::domain::time::{format_date, format_instant};
use crate::error::{Error, Result};
use crate::store::model::Reassignment;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignRequest {
    pub campaign_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseOverview {
    pub case_id: Uuid,
    pub respondent_name: String,
    /// `090****567`
    pub phone_masked: String,
    pub agency_code: String,
    pub agency_name: String,
    pub procedure: String,
    pub dossier_code: String,
    pub received_on: String,
    /// The operator whose call list holds the case; `None` for the shared pool.
    pub call_list: Option<String>,
    pub status: CaseStatus,
    pub held_by: Option<String>,
    pub attempts: u32,
    pub last_outcome: Option<OutcomeCode>,
    pub final_outcome: Option<OutcomeCode>,
    pub last_attempt_at: Option<String>,
    pub appointment_at: Option<String>,
    /// The appointment is kept for one operator.
    pub appointment_hard: bool,
    #[ts(type = "number")]
    pub version: i64,
    pub interview: Option<InterviewSummary>,
    /// The person's name and number were removed (a purge, or their own request): shown as
    /// "đã xoá dữ liệu cá nhân".
    pub purged: bool,
}

pub async fn campaign_cases(
    session: &Session,
    now: DateTime<Utc>,
    req: &CampaignRequest,
) -> Result<Vec<CaseOverview>> {
    session.supervise(req.campaign_id, "xem danh sách ca")?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    // A campaign of the walking skeleton names a questionnaire no longer known: its cases are
    // listed without an interview summary.
    let script = campaign_script(store, &campaign).await.ok();
    let names: HashMap<Uuid, String> = store
        .staff()
        .await?
        .into_iter()
        .map(|s| (s.id, s.full_name))
        .collect();
    let name = |id: Option<Uuid>| id.and_then(|id| names.get(&id).cloned());
    let mut interviews: HashMap<Uuid, InterviewSummary> = match &script {
        Some(script) => store
            .campaign_interviews(campaign.id)
            .await?
            .iter()
            .map(|i| (i.case_id, interview_summary(script, i)))
            .collect(),
        None => HashMap::new(),
    };
    let mut respondents = store.case_names(campaign.id).await?;
    let zone = campaign.time_zone;
    Ok(store
        .campaign_cases(campaign.id)
        .await?
        .into_iter()
        .map(|case| {
            let status = case.progress.status(now);
            CaseOverview {
                case_id: case.id,
                respondent_name: respondents.remove(&case.id).unwrap_or_default(),
                phone_masked: case.phone_masked,
                agency_code: case.agency_code,
                agency_name: case.agency_name,
                procedure: case.procedure,
                dossier_code: case.dossier_code,
                received_on: format_date(case.received_on),
                call_list: name(case.assigned_to),
                held_by: name(case.lease_holder.filter(|_| status == CaseStatus::InCall)),
                status,
                attempts: case.progress.attempts,
                last_outcome: case.progress.last_outcome,
                final_outcome: case.progress.final_outcome,
                last_attempt_at: case.last_attempt_at.map(|at| format_instant(at, zone)),
                appointment_at: case
                    .progress
                    .appointment_at
                    .map(|at| format_instant(at, zone)),
                appointment_hard: case.progress.appointment_operator.is_some(),
                version: case.version,
                interview: interviews.remove(&case.id),
                purged: case.purged,
            }
        })
        .collect())
}

/// Whose call list a selection takes cases from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CallListFilter {
    /// Every list and the pool.
    Any,
    /// The shared pool.
    Pool,
    /// One operator's call list.
    Operator { id: Uuid },
}

/// Which cases a supervisor means: by agency, status and call list (empty lists: all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseSelection {
    pub campaign_id: Uuid,
    pub agency_codes: Vec<String>,
    pub statuses: Vec<CaseStatus>,
    pub call_list: CallListFilter,
}

/// A selected case and the version it had when selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseVersion {
    pub case_id: Uuid,
    #[ts(type = "number")]
    pub version: i64,
}

/// The cases a selection matches now, with their versions: what a move then compares.
pub async fn select_cases(
    session: &Session,
    now: DateTime<Utc>,
    selection: &CaseSelection,
) -> Result<Vec<CaseVersion>> {
    session.supervise(selection.campaign_id, "chọn ca để chuyển")?;
    let cases = session
        .store()
        .campaign_cases(selection.campaign_id)
        .await?;
    Ok(cases
        .iter()
        .filter(|case| {
            (selection.agency_codes.is_empty()
                || selection.agency_codes.contains(&case.agency_code))
                && (selection.statuses.is_empty()
                    || selection.statuses.contains(&case.progress.status(now)))
                && match selection.call_list {
                    CallListFilter::Any => true,
                    CallListFilter::Pool => case.assigned_to.is_none(),
                    CallListFilter::Operator { id } => case.assigned_to == Some(id),
                }
        })
        .map(|case| CaseVersion {
            case_id: case.id,
            version: case.version,
        })
        .collect())
}

/// A supervisor's move of the selected cases to an operator's list (`None`: the shared pool).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReassignRequest {
    pub campaign_id: Uuid,
    pub cases: Vec<CaseVersion>,
    pub to_operator: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReassignReport {
    pub selected: u32,
    pub moved: u32,
    /// Already on that list: nothing to do.
    pub unchanged: u32,
    /// Changed by someone else since they were selected: left as they are. Select again.
    pub conflicts: Vec<Uuid>,
    /// Moved, but in a call now: the operator on the call keeps it until the call ends.
    pub in_call: Vec<Uuid>,
    /// The list they went to: the operator's name, or `None` for the shared pool.
    pub to: Option<String>,
}

/// The session's supervisor moves the selected cases, each only if unchanged since selected.
pub async fn reassign(
    session: &Session,
    now: DateTime<Utc>,
    req: &ReassignRequest,
) -> Result<ReassignReport> {
    session.supervise(req.campaign_id, "chuyển ca")?;
    let by = session.person()?;
    let store = session.store();
    let to = match req.to_operator {
        None => None,
        Some(id) => {
            let person = store
                .staff()
                .await?
                .into_iter()
                .find(|s| s.id == id)
                .ok_or_else(|| Error::not_found("điện thoại viên", id))?;
            Some(person)
        }
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let done = store
        .reassign(&Reassignment {
            campaign_id: req.campaign_id,
            cases: req.cases.iter().map(|c| (c.case_id, c.version)).collect(),
            to: to.as_ref().map(|p| p.id),
            by: by.id,
            at: now,
        })
        .await?;
    tracing::info!(
        campaign = %req.campaign_id, supervisor = %by.id, to = ?req.to_operator,
        moved = done.moved.len(), conflicts = done.conflicts.len(), "cases reassigned"
    );
    Ok(ReassignReport {
        selected: count(req.cases.len()),
        moved: count(done.moved.len()),
        unchanged: count(req.cases.len() - done.moved.len() - done.conflicts.len()),
        conflicts: done.conflicts,
        in_call: done.in_call,
        to: to.map(|p| p.full_name),
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ForceReleaseRequest {
    pub case_id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ForceReleased {
    pub case_id: Uuid,
    /// Who held it; `None`: nobody did, nothing changed.
    pub held_by: Option<String>,
}

/// Takes a case back from the operator holding it (a workstation left on, a call abandoned):
/// the case returns to the pool now and the holder's writes are refused.
pub async fn force_release(
    session: &Session,
    now: DateTime<Utc>,
    req: &ForceReleaseRequest,
) -> Result<ForceReleased> {
    let store = session.store();
    let case = store.case(req.case_id).await?;
    session.supervise(case.campaign_id, "thu hồi ca")?;
    let by = session.person()?;
    let holder = store.force_release(req.case_id, by.id, now).await?;
    tracing::info!(case = %req.case_id, supervisor = %by.id, holder = ?holder, "case force-released");
    let names = store.staff().await?;
    Ok(ForceReleased {
        case_id: req.case_id,
        held_by: holder.map(|id| {
            names
                .iter()
                .find(|s| s.id == id)
                .map_or_else(|| id.to_string(), |s| s.full_name.clone())
        }),
    })
}

/// One line of the campaign's audit as the supervisor reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditView {
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    pub actor: String,
    /// `reassign` or `force_release`.
    pub action: String,
    pub case_id: Option<Uuid>,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub async fn audit(session: &Session, req: &CampaignRequest) -> Result<Vec<AuditView>> {
    session.supervise(req.campaign_id, "xem nhật ký")?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let names: HashMap<Uuid, String> = store
        .staff()
        .await?
        .into_iter()
        .map(|s| (s.id, s.login))
        .collect();
    Ok(store
        .audit_log(campaign.id)
        .await?
        .into_iter()
        .map(|e| AuditView {
            at: format_instant(e.at, campaign.time_zone),
            actor: names
                .get(&e.actor)
                .cloned()
                .unwrap_or_else(|| e.actor.to_string()),
            action: e.action,
            case_id: e.case_id,
            before: e.before,
            after: e.after,
        })
        .collect())
}

//! The supervisor's view of a campaign: every case with its status, attempts, who holds it and,
//! for interviews, the answers. Phone numbers are masked here: only the operator holding a
//! case sees the whole number.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::catalogue::questionnaire;
use super::desk::InterviewView;
use crate::domain::case::CaseStatus;
use crate::domain::outcome::OutcomeCode;
use crate::domain::time::{format_date, format_instant};
use crate::error::Result;
use crate::store::Store;

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
    pub interview: Option<InterviewView>,
}

pub async fn campaign_cases(
    store: &dyn Store,
    now: DateTime<Utc>,
    req: &CampaignRequest,
) -> Result<Vec<CaseOverview>> {
    let campaign = store.campaign(req.campaign_id).await?;
    let form = questionnaire(&campaign.questionnaire_id)?;
    let names: HashMap<Uuid, String> = store
        .staff()
        .await?
        .into_iter()
        .map(|s| (s.id, s.full_name))
        .collect();
    let name = |id: Option<Uuid>| id.and_then(|id| names.get(&id).cloned());
    let mut interviews: HashMap<Uuid, InterviewView> = store
        .campaign_interviews(campaign.id)
        .await?
        .iter()
        .map(|i| (i.case_id, InterviewView::new(i, &form)))
        .collect();
    let zone = campaign.time_zone;
    Ok(store
        .campaign_cases(campaign.id)
        .await?
        .into_iter()
        .map(|case| {
            let status = case.progress.status(now);
            CaseOverview {
                case_id: case.id,
                phone_masked: case.phone.masked(),
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
                interview: interviews.remove(&case.id),
                respondent_name: case.full_name,
            }
        })
        .collect())
}

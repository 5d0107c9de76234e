//! What the desk and the supervisor pick from: campaigns, people, the outcome catalogue and the
//! campaign's questionnaire.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::outcome::{AaporCategory, InterviewNeed, Outcome};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::time::format_date;
use crate::error::{Error, Result};
use crate::store::model::{Campaign, Role};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignView {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub time_zone: String,
    /// dd/mm/yyyy
    pub received_from: String,
    pub received_to: String,
    pub max_attempts: u32,
}

impl From<&Campaign> for CampaignView {
    fn from(c: &Campaign) -> Self {
        Self {
            id: c.id,
            code: c.code.clone(),
            name: c.name.clone(),
            time_zone: c.time_zone.name().to_owned(),
            received_from: format_date(c.received_from),
            received_to: format_date(c.received_to),
            max_attempts: c.max_attempts,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffView {
    pub id: Uuid,
    pub login: String,
    pub full_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeView {
    pub outcome: Outcome,
    pub code: String,
    pub label_vi: String,
    pub label_en: String,
    /// Whether the operator picks it; the attempt-limit closures are set by the rules.
    pub recordable: bool,
    pub hotkey: Option<String>,
    pub category: AaporCategory,
    pub is_final: bool,
    pub needs_appointment: bool,
    pub interview: InterviewNeed,
}

pub async fn campaigns(store: &dyn Store) -> Result<Vec<CampaignView>> {
    Ok(store
        .campaigns()
        .await?
        .iter()
        .map(CampaignView::from)
        .collect())
}

pub async fn staff(store: &dyn Store) -> Result<Vec<StaffView>> {
    Ok(store
        .staff()
        .await?
        .into_iter()
        .map(|s| StaffView {
            id: s.id,
            login: s.login,
            full_name: s.full_name,
            role: s.role,
        })
        .collect())
}

/// The outcome catalogue: what an operator records, in desk order with hotkeys, then the
/// outcomes the rules record, so every outcome a case can show has its labels.
pub fn outcomes() -> Vec<OutcomeView> {
    Outcome::all()
        .map(|o| OutcomeView {
            outcome: o,
            code: o.code().to_owned(),
            label_vi: o.label_vi().to_owned(),
            label_en: o.label_en().to_owned(),
            recordable: o.is_recordable(),
            hotkey: o.hotkey().map(String::from),
            category: o.category(),
            is_final: o.is_final(),
            needs_appointment: o.needs_appointment(),
            interview: o.interview_need(),
        })
        .collect()
}

/// The questionnaire a campaign uses. The walking skeleton knows one: the starter.
pub fn questionnaire(id: &str) -> Result<Questionnaire> {
    let starter = Questionnaire::starter();
    if starter.id == id {
        Ok(starter)
    } else {
        Err(Error::not_found("phiếu khảo sát", id))
    }
}

pub async fn campaign_questionnaire(store: &dyn Store, campaign: Uuid) -> Result<Questionnaire> {
    questionnaire(&store.campaign(campaign).await?.questionnaire_id)
}

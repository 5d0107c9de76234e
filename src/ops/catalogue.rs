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

/// A campaign as the supervisor describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub code: String,
    pub name: String,
    pub received_from: chrono::NaiveDate,
    pub received_to: chrono::NaiveDate,
    pub questionnaire_id: Option<String>,
}

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 40
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub async fn create_campaign(
    store: &dyn Store,
    now: chrono::DateTime<chrono::Utc>,
    new: &NewCampaign,
) -> Result<CampaignView> {
    use unicode_normalization::UnicodeNormalization;
    if !is_code(&new.code) {
        return Err(Error::Invalid("mã đợt khảo sát chỉ gồm chữ cái không dấu, chữ số, “-”, “_” hoặc “.” (tối đa 40 ký tự)".to_owned()));
    }
    let name: String = new.name.trim().nfc().collect();
    if name.is_empty() {
        return Err(Error::Invalid(
            "tên đợt khảo sát không được để trống".to_owned(),
        ));
    }
    if new.received_from > new.received_to {
        return Err(Error::Invalid(
            "ngày bắt đầu của thời gian nhận kết quả phải trước hoặc bằng ngày kết thúc".to_owned(),
        ));
    }
    let form = questionnaire(
        new.questionnaire_id
            .as_deref()
            .unwrap_or(&Questionnaire::starter().id),
    )?;
    let campaign = Campaign {
        id: Uuid::new_v4(),
        code: new.code.clone(),
        name,
        time_zone: crate::domain::time::DEFAULT_TIME_ZONE,
        received_from: new.received_from,
        received_to: new.received_to,
        max_attempts: crate::domain::schedule::CallPolicy::default().max_attempts,
        questionnaire_id: form.id,
        created_at: now,
    };
    store.add_campaign(&campaign).await?;
    Ok(CampaignView::from(&campaign))
}

/// The campaign a supervisor names by its code.
pub async fn campaign_by_code(store: &dyn Store, code: &str) -> Result<Campaign> {
    store
        .campaign_by_code(code)
        .await?
        .ok_or_else(|| Error::not_found("đợt khảo sát", code))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgencyView {
    pub code: String,
    pub name: String,
}

/// Adds an agency to the directory imports match against (by code or by name).
pub async fn add_agency(store: &dyn Store, code: &str, name: &str) -> Result<AgencyView> {
    use unicode_normalization::UnicodeNormalization;
    let name: String = name.trim().nfc().collect();
    if !is_code(code) || name.is_empty() {
        return Err(Error::Invalid(
            "cơ quan cần mã (chữ cái không dấu, chữ số, “-”, “_”, “.”) và tên".to_owned(),
        ));
    }
    store
        .put_agencies(&[crate::store::model::Agency {
            id: Uuid::new_v4(),
            code: code.to_owned(),
            name,
        }])
        .await?;
    agencies(store)
        .await?
        .into_iter()
        .find(|a| a.code == code)
        .ok_or_else(|| Error::not_found("cơ quan", code))
}

pub async fn agencies(store: &dyn Store) -> Result<Vec<AgencyView>> {
    Ok(store
        .agencies()
        .await?
        .into_iter()
        .map(|a| AgencyView {
            code: a.code,
            name: a.name,
        })
        .collect())
}

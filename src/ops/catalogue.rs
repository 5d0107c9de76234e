//! What the desk and the supervisor pick from: campaigns, people, the outcome catalogue and the
//! campaign's questionnaire.

use super::session::Session;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::calendar::CallingHours;
use crate::domain::outcome::{AaporCategory, InterviewNeed, OutcomeCatalogue, OutcomeCode};
use crate::domain::schedule::{CallingRules, DEFAULT_MAX_ATTEMPTS};
use crate::domain::time::{format_date, DEFAULT_TIME_ZONE};
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
    /// `T2-T7`
    pub calling_days: String,
    /// `07:30-11:30,13:30-20:00`
    pub calling_hours: String,
    /// Extra non-calling days, dd/mm/yyyy.
    pub closed_dates: Vec<String>,
    pub public_holidays: bool,
    /// How long a hard appointment waits for its operator before anyone may call.
    pub appointment_grace_minutes: u32,
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
            calling_days: c.calling.hours.days_spec(),
            calling_hours: c.calling.hours.hours_spec(),
            closed_dates: c
                .calling
                .hours
                .closed_dates()
                .iter()
                .map(|d| format_date(*d))
                .collect(),
            public_holidays: c.calling.hours.public_holidays_apply(),
            appointment_grace_minutes: u32::try_from(c.calling.appointment_grace.num_minutes())
                .unwrap_or_default(),
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
    pub code: OutcomeCode,
    pub label_vi: String,
    pub label_en: String,
    /// Whether the operator picks it; the attempt-limit closures are set by the rules.
    pub recordable: bool,
    pub hotkey: Option<String>,
    pub category: AaporCategory,
    pub is_final: bool,
    /// Minutes before the case may be called again, if the outcome sets a retry.
    pub retry_after_minutes: Option<u32>,
    pub counts_toward_limit: bool,
    pub note_required: bool,
    pub needs_appointment: bool,
    /// The person was reached on the call.
    pub contact: bool,
    pub interview: InterviewNeed,
    /// The next call goes to a different operator.
    pub other_operator: bool,
    /// The next call is made in a part of the day not yet tried.
    pub new_slot: bool,
    /// Its place (1 first) in the precedence the attempt limit closes a case by, if it has one.
    pub at_limit: Option<u32>,
}

/// The campaigns the session works or supervises (an administrator's: all of them).
pub async fn campaigns(session: &Session) -> Result<Vec<CampaignView>> {
    Ok(session
        .store()
        .campaigns()
        .await?
        .iter()
        .filter(|c| session.works_on(c.id))
        .map(CampaignView::from)
        .collect())
}

/// The people, for the supervisor's choice of a call list.
pub async fn staff(session: &Session) -> Result<Vec<StaffView>> {
    Ok(session
        .store()
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

/// An outcome catalogue as the desk shows it: in file order, the operator's outcomes with their
/// hotkeys and the ones the rules record, so every outcome a case can show has its labels.
pub fn outcomes(catalogue: &OutcomeCatalogue) -> Vec<OutcomeView> {
    catalogue
        .rules()
        .iter()
        .map(|o| OutcomeView {
            code: o.code.clone(),
            label_vi: o.label_vi.clone(),
            label_en: o.label_en.clone(),
            recordable: o.is_recordable(),
            hotkey: o.hotkey.map(String::from),
            category: o.category,
            is_final: o.is_final,
            retry_after_minutes: o
                .retry_after
                .and_then(|d| u32::try_from(d.num_minutes()).ok()),
            counts_toward_limit: o.counts_toward_limit,
            note_required: o.note_required,
            needs_appointment: o.appointment_required,
            contact: o.contact,
            interview: o.interview,
            other_operator: o.other_operator,
            new_slot: o.new_slot,
            at_limit: catalogue
                .at_limit()
                .line_of(&o.code)
                .filter(|&line| {
                    o.is_recordable()
                        || catalogue.at_limit().lines()[line].mixed.as_ref() == Some(&o.code)
                })
                .and_then(|line| u32::try_from(line + 1).ok()),
        })
        .collect()
}

/// The attempt limit's precedence in words, a line each, as `khaosat outcomes list` prints it
/// under the table.
pub fn limit_rule_text(catalogue: &OutcomeCatalogue) -> String {
    let mut text = String::from(
        "Hết lượt gọi: ca đóng với kết quả nhiều thông tin nhất trong các lần gọi, theo thứ tự:\n",
    );
    for (i, line) in catalogue.at_limit().lines().iter().enumerate() {
        let codes: Vec<String> = catalogue
            .rules()
            .iter()
            .filter(|r| r.is_recordable() && line.prefix_matches(&r.code))
            .map(|r| format!("{} {}", r.code, r.label_vi))
            .collect();
        let codes = if codes.is_empty() {
            format!("mã bắt đầu bằng {}", line.prefix)
        } else {
            codes.join("; ")
        };
        let mixed = line
            .mixed
            .as_ref()
            .map(|m| format!(" — các lần gọi khác mã nhau: {m}"))
            .unwrap_or_default();
        text.push_str(&format!("  {}. {codes}{mixed}\n", i + 1));
    }
    text.push_str(&format!(
        "Cùng một dòng: mã của lần gọi gần nhất. Không khớp dòng nào: {} nếu đã liên hệ được, nếu không {}.\n\
         Kết quả không đủ điều kiện (4.x) đóng ca ngay khi ghi.\n",
        crate::domain::outcome::LIMIT_CONTACTED,
        crate::domain::outcome::LIMIT_NEVER_CONTACTED
    ));
    text
}

/// A campaign as the supervisor describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub code: String,
    pub name: String,
    pub received_from: chrono::NaiveDate,
    pub received_to: chrono::NaiveDate,
    /// A stored questionnaire by hash (or its first digits) or `id@version`; `None`: the
    /// built-in SIPAS questionnaire.
    pub questionnaire: Option<String>,
    /// The campaign's own outcome catalogue: `(file name, text)`; `None`: the built-in one.
    pub outcomes: Option<(String, String)>,
    /// Counted attempts before a case is closed; `None`: 5.
    pub max_attempts: Option<u32>,
    pub calling: CallingRequest,
}

/// A campaign's calling rules as the supervisor gives them; what is left out takes the default
/// (DESIGN: Monday–Saturday 07:30–11:30 and 13:30–20:00, Vietnam's public holidays off, a hard
/// appointment kept 15 minutes for its operator).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallingRequest {
    /// `T2-T7`
    pub days: Option<String>,
    /// `07:30-11:30,13:30-20:00`
    pub hours: Option<String>,
    /// Extra days off.
    pub closed: Vec<chrono::NaiveDate>,
    /// Call on public holidays too.
    pub on_public_holidays: bool,
    pub grace_minutes: Option<u32>,
}

impl CallingRequest {
    pub fn rules(&self, zone: chrono_tz::Tz) -> Result<CallingRules> {
        let default = CallingRules::default();
        let hours = CallingHours::from_spec(
            zone,
            self.days.as_deref().unwrap_or(&default.hours.days_spec()),
            self.hours.as_deref().unwrap_or(&default.hours.hours_spec()),
        )
        .map_err(|e| Error::Invalid(e.to_string()))?
        .with_closed_dates(self.closed.iter().copied())
        .with_public_holidays(!self.on_public_holidays);
        Ok(CallingRules {
            hours,
            appointment_grace: self.grace_minutes.map_or(default.appointment_grace, |m| {
                chrono::Duration::minutes(i64::from(m))
            }),
        })
    }
}

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 40
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

pub async fn create_campaign(
    session: &Session,
    now: chrono::DateTime<chrono::Utc>,
    new: &NewCampaign,
) -> Result<CampaignView> {
    use unicode_normalization::UnicodeNormalization;
    session.require_admin("tạo đợt khảo sát")?;
    let store = session.store();
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
    if new.max_attempts == Some(0) {
        return Err(Error::Invalid(
            "số lần gọi tối đa phải từ 1 trở lên".to_owned(),
        ));
    }
    let script = match &new.questionnaire {
        Some(name) => super::questionnaires::find(store, name).await?,
        None => super::questionnaires::builtin(store, now).await?,
    };
    let outcomes = match &new.outcomes {
        None => OutcomeCatalogue::builtin().clone(),
        Some((file, text)) => {
            OutcomeCatalogue::parse(text, file).map_err(|e| Error::Invalid(e.to_string()))?
        }
    };
    let campaign = Campaign {
        id: Uuid::new_v4(),
        code: new.code.clone(),
        name,
        time_zone: DEFAULT_TIME_ZONE,
        received_from: new.received_from,
        received_to: new.received_to,
        max_attempts: new.max_attempts.unwrap_or(DEFAULT_MAX_ATTEMPTS),
        calling: new.calling.rules(DEFAULT_TIME_ZONE)?,
        questionnaire_id: script.hash().to_string(),
        created_at: now,
        outcomes,
        outcomes_file: new.outcomes.as_ref().map(|(_, text)| text.clone()),
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgencyView {
    pub code: String,
    pub name: String,
}

/// Adds an agency to the directory imports match against (by code or by name).
pub async fn add_agency(session: &Session, code: &str, name: &str) -> Result<AgencyView> {
    use unicode_normalization::UnicodeNormalization;
    if !session.role().supervises() {
        return Err(Error::Forbidden(
            "chỉ giám sát viên hoặc quản trị viên được thêm cơ quan".to_owned(),
        ));
    }
    let store = session.store();
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

/// Corrects an agency's name; its code, which lists and reports match, stays.
pub async fn rename_agency(session: &Session, code: &str, name: &str) -> Result<AgencyView> {
    use unicode_normalization::UnicodeNormalization;
    if !session.role().supervises() {
        return Err(Error::Forbidden(
            "chỉ giám sát viên hoặc quản trị viên được đổi tên cơ quan".to_owned(),
        ));
    }
    let name: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect();
    if name.is_empty() {
        return Err(Error::Invalid("tên cơ quan không được để trống".to_owned()));
    }
    if !session.store().rename_agency(code, &name).await? {
        return Err(Error::not_found("cơ quan", code));
    }
    tracing::info!(agency = code, "agency renamed");
    Ok(AgencyView {
        code: code.to_owned(),
        name,
    })
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

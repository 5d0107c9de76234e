//! A campaign made in the app: the form's fields as a person types them (dates as dd/mm/yyyy or
//! yyyy-mm-dd, extra days off as a list, the outcome file as a path on this workstation), read
//! into the command line's [`NewCampaign`] and made by the same use case, with the same checks.
//! Every refusal names the field.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::catalogue::{create_campaign, CallingRequest, CampaignView, NewCampaign};
use super::session::Session;
use crate::domain::intake::date::parse_field_date;
use crate::error::{Error, Result};
use crate::store::Store;

/// The largest outcome file read (a catalogue is a few kilobytes).
const MAX_OUTCOMES_FILE: u64 = 1 << 20;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CampaignForm {
    pub code: String,
    pub name: String,
    /// The eligibility window's first and last days, both included.
    pub received_from: String,
    pub received_to: String,
    /// `T2-T7`; empty: the default.
    pub days: String,
    /// `07:30-11:30,13:30-20:00`; empty: the default.
    pub hours: String,
    /// Extra days without calls, separated by commas, semicolons or new lines.
    pub closed: String,
    pub on_public_holidays: bool,
    pub grace_minutes: Option<u32>,
    pub max_attempts: Option<u32>,
    /// A stored questionnaire's hash or `id@version`; empty: the built-in SIPAS questionnaire.
    pub questionnaire: String,
    /// The campaign's own outcome catalogue (TOML) on this workstation; empty: the built-in one.
    pub outcomes_path: String,
}

/// A stored questionnaire, as the form offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireChoice {
    pub hash: String,
    pub code: String,
    pub version: String,
    pub title: String,
}

fn day(text: &str, field: &str) -> Result<NaiveDate> {
    parse_field_date(field, text).map_err(Error::Invalid)
}

fn given(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Reads the form into the command line's request.
fn read(form: &CampaignForm) -> Result<NewCampaign> {
    let closed = form
        .closed
        .split([',', ';', '\n'])
        .filter(|d| !d.trim().is_empty())
        .map(|d| day(d, "ngày nghỉ thêm"))
        .collect::<Result<Vec<_>>>()?;
    let outcomes = match given(&form.outcomes_path) {
        None => None,
        Some(path) => Some(read_outcome_file(std::path::Path::new(&path))?),
    };
    Ok(NewCampaign {
        code: form.code.trim().to_owned(),
        name: form.name.clone(),
        received_from: day(&form.received_from, "ngày đầu nhận kết quả")?,
        received_to: day(&form.received_to, "ngày cuối nhận kết quả")?,
        questionnaire: given(&form.questionnaire),
        outcomes,
        max_attempts: form.max_attempts,
        calling: CallingRequest {
            days: given(&form.days),
            hours: given(&form.hours),
            closed,
            on_public_holidays: form.on_public_holidays,
            grace_minutes: form.grace_minutes,
        },
    })
}

/// An outcome catalogue file's name (for its problems) and text, of a reasonable size.
pub fn read_outcome_file(path: &std::path::Path) -> Result<(String, String)> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let refused = |why: String| Error::Invalid(format!("tệp kết quả cuộc gọi {name}: {why}"));
    let size = std::fs::metadata(path)
        .map_err(|e| refused(super::private_file::io_reason(&e)))?
        .len();
    if size > MAX_OUTCOMES_FILE {
        return Err(refused(format!("tệp quá lớn ({size} byte)")));
    }
    let text =
        std::fs::read_to_string(path).map_err(|e| refused(super::private_file::io_reason(&e)))?;
    Ok((name, text))
}

/// Makes the campaign the form describes (administrators only, as on the command line).
pub async fn create(
    session: &Session,
    now: DateTime<Utc>,
    form: &CampaignForm,
) -> Result<CampaignView> {
    session.require_admin("tạo đợt khảo sát")?;
    let campaign = create_campaign(session, now, &read(form)?).await?;
    tracing::info!(campaign = %campaign.id, "campaign created in the app");
    Ok(campaign)
}

/// The stored questionnaires, newest first, for the form's choice.
pub async fn questionnaires(store: &dyn Store) -> Result<Vec<QuestionnaireChoice>> {
    Ok(super::questionnaires::list(store)
        .await?
        .into_iter()
        .map(|q| QuestionnaireChoice {
            hash: q.hash.to_string(),
            code: q.code,
            version: q.version,
            title: q.title,
        })
        .collect())
}

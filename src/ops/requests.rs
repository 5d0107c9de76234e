//! The register of people's requests about their data, as an administrator (the data
//! protection officer) keeps it: a request is recorded with the day it came, listed with what
//! is due (acknowledged within 2 working days, answered within 15 days), acknowledged, and
//! closed with the answer given. A deletion or a withdrawal removes the person's name and
//! number from every campaign and stops their calls the moment it is recorded.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use super::session::Session;
use crate::domain::phone::PhoneNumber;
use crate::domain::privacy::requests::{acknowledge_by, answer_by, RequestKind};
use crate::domain::time::{format_date, vietnam_today};
use crate::error::{Error, Result};
use crate::store::model::DataRequest;

/// A request as the administrator records it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewRequest {
    pub kind: RequestKind,
    /// The person's phone number, as they gave it.
    pub phone: Option<String>,
    /// The day the request came.
    #[ts(type = "string")]
    pub received_on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

/// A request with what is due on it, as the register lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestView {
    pub id: Uuid,
    pub kind: RequestKind,
    /// dd/mm/yyyy.
    pub received_on: String,
    /// `090****567`: the register shows the number masked.
    pub phone_masked: Option<String>,
    pub note: String,
    pub acknowledge_by: String,
    pub answer_by: String,
    pub acknowledged_on: Option<String>,
    pub closed_on: Option<String>,
    pub closing_note: Option<String>,
    /// Not acknowledged, and the day to do it has passed.
    pub acknowledgement_overdue: bool,
    /// Not answered, and the day to do it has passed.
    pub answer_overdue: bool,
    pub forgotten_cases: u32,
}

fn view(request: &DataRequest, today: NaiveDate) -> RequestView {
    let ack_by = acknowledge_by(request.received_on);
    let answer_by = answer_by(request.received_on);
    RequestView {
        id: request.id,
        kind: request.kind,
        received_on: format_date(request.received_on),
        phone_masked: request.phone.as_ref().map(PhoneNumber::masked),
        note: request.note.clone(),
        acknowledge_by: format_date(ack_by),
        answer_by: format_date(answer_by),
        acknowledged_on: request.acknowledged_on.map(format_date),
        closed_on: request.closed_on.map(format_date),
        closing_note: request.closing_note.clone(),
        acknowledgement_overdue: request.acknowledged_on.is_none()
            && request.closed_on.is_none()
            && today > ack_by,
        answer_overdue: request.closed_on.is_none() && today > answer_by,
        forgotten_cases: request.forgotten_cases,
    }
}

/// Records a request; a deletion or a withdrawal acts on every campaign at once.
pub async fn add(session: &Session, now: DateTime<Utc>, new: &NewRequest) -> Result<RequestView> {
    session.require_admin("ghi yêu cầu về dữ liệu cá nhân")?;
    let by = session.person()?.id;
    let phone = new
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(PhoneNumber::parse)
        .transpose()
        .map_err(|e| Error::Invalid(format!("số điện thoại của người yêu cầu: {e}")))?;
    if new.kind.forgets() && phone.is_none() {
        return Err(Error::Invalid(format!(
            "yêu cầu {} cần số điện thoại của người đó để tìm các ca của họ",
            new.kind.label_vi()
        )));
    }
    if new.received_on > vietnam_today(now) {
        return Err(Error::Invalid(format!(
            "ngày nhận yêu cầu {} ở sau hôm nay",
            format_date(new.received_on)
        )));
    }
    let mut request = DataRequest {
        id: Uuid::now_v7(),
        received_on: new.received_on,
        kind: new.kind,
        phone,
        note: new.note.trim().nfc().collect(),
        recorded_by: by,
        acknowledged_on: None,
        closed_on: None,
        closing_note: None,
        forgotten_cases: 0,
    };
    request.forgotten_cases = session.store().record_data_request(&request, now).await?;
    tracing::info!(request = %request.id, kind = request.kind.as_str(), forgotten = request.forgotten_cases, "data request recorded");
    Ok(view(&request, vietnam_today(now)))
}

/// The register, oldest first; `open_only` leaves out the closed requests.
pub async fn list(
    session: &Session,
    now: DateTime<Utc>,
    open_only: bool,
) -> Result<Vec<RequestView>> {
    session.require_admin("xem sổ yêu cầu về dữ liệu cá nhân")?;
    let today = vietnam_today(now);
    Ok(session
        .store()
        .data_requests()
        .await?
        .iter()
        .filter(|r| !open_only || r.closed_on.is_none())
        .map(|r| view(r, today))
        .collect())
}

/// Marks a request acknowledged today.
pub async fn acknowledge(session: &Session, now: DateTime<Utc>, id: Uuid) -> Result<()> {
    session.require_admin("ghi đã tiếp nhận yêu cầu")?;
    if !session
        .store()
        .acknowledge_data_request(id, vietnam_today(now))
        .await?
    {
        return Err(Error::Conflict(format!(
            "yêu cầu {id} đã được ghi tiếp nhận, hoặc không có"
        )));
    }
    Ok(())
}

/// Closes a request with the answer given, today.
pub async fn close(session: &Session, now: DateTime<Utc>, id: Uuid, note: &str) -> Result<()> {
    session.require_admin("đóng yêu cầu về dữ liệu cá nhân")?;
    let note: String = note.trim().nfc().collect();
    if note.is_empty() {
        return Err(Error::Invalid(
            "cần ghi đã trả lời người yêu cầu thế nào".to_owned(),
        ));
    }
    if !session
        .store()
        .close_data_request(id, vietnam_today(now), &note)
        .await?
    {
        return Err(Error::Conflict(format!(
            "yêu cầu {id} đã đóng, hoặc không có"
        )));
    }
    Ok(())
}

//! A campaign's calling calendar for a year: the days it does not call beyond its weekly rest —
//! Vietnam's public holidays (when the campaign keeps them), their days off in lieu (nghỉ bù),
//! and the extra days the supervisor closed — and closing or reopening an extra day. The
//! scheduler reads the same rules (`CallingHours::is_calling_day`), so what the screen says is
//! what the queue does; a change reaches every workstation's scheduler within
//! `store::kept::CAMPAIGN_KEPT_FOR`.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::session::Session;
use crate::domain::calendar::{days_in_lieu, public_holidays};
use crate::domain::intake::date::parse_field_date;
use crate::domain::time::format_date;
use crate::error::{Error, Result};
use crate::store::model::{AuditEntry, Campaign};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallingYearRequest {
    pub campaign_id: Uuid,
    pub year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayOffRequest {
    pub campaign_id: Uuid,
    /// dd/mm/yyyy (or yyyy-mm-dd).
    pub day: String,
    /// Close the day (no calls), or open it again.
    pub closed: bool,
}

/// Why a day has no calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DayOffKind {
    Holiday,
    InLieu,
    /// Closed by the campaign's supervisor: it may be opened again.
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DayOff {
    /// dd/mm/yyyy.
    pub date: String,
    /// 0 Monday … 6 Sunday.
    pub weekday: u32,
    pub kind: DayOffKind,
    /// The holiday's name (for a day in lieu, the holiday it stands for); empty for a closed day.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CallingYear {
    pub year: i32,
    /// `T2-T7`: the weekly rest is the other days.
    pub calling_days: String,
    /// `07:30-11:30,13:30-20:00`
    pub calling_hours: String,
    /// The campaign keeps the public holidays (else it calls on them).
    pub public_holidays: bool,
    /// Every day off of the year beyond the weekly rest, in order.
    pub days: Vec<DayOff>,
}

fn year_of(campaign: &Campaign, year: i32) -> CallingYear {
    let hours = &campaign.calling.hours;
    let weekdays = hours.weekdays();
    let works = |day: NaiveDate| weekdays.contains(&day.weekday());
    let mut days: Vec<(NaiveDate, DayOffKind, String)> = Vec::new();
    if hours.public_holidays_apply() {
        for (day, name) in public_holidays(year) {
            days.push((day, DayOffKind::Holiday, name.to_owned()));
        }
        for (day, name) in days_in_lieu(year, works) {
            days.push((day, DayOffKind::InLieu, name.to_owned()));
        }
    }
    for day in hours.closed_dates().iter().filter(|d| d.year() == year) {
        if !days.iter().any(|(d, _, _)| d == day) {
            days.push((*day, DayOffKind::Closed, String::new()));
        }
    }
    days.sort_by_key(|(day, _, _)| *day);
    CallingYear {
        year,
        calling_days: hours.days_spec(),
        calling_hours: hours.hours_spec(),
        public_holidays: hours.public_holidays_apply(),
        days: days
            .into_iter()
            .map(|(day, kind, name)| DayOff {
                date: format_date(day),
                weekday: day.weekday().num_days_from_monday(),
                kind,
                name,
            })
            .collect(),
    }
}

/// The campaign's days off in a year.
pub async fn calling_year(session: &Session, req: &CallingYearRequest) -> Result<CallingYear> {
    session.supervise(req.campaign_id, "xem lịch gọi")?;
    if !(2000..=2100).contains(&req.year) {
        return Err(Error::Invalid(format!(
            "năm {} ngoài khoảng 2000–2100",
            req.year
        )));
    }
    let campaign = session.store().campaign(req.campaign_id).await?;
    Ok(year_of(&campaign, req.year))
}

/// Closes an extra day (no calls on it) or opens it again; recorded in the campaign's audit.
/// Returns the day's year as it now stands.
pub async fn set_day_off(
    session: &Session,
    now: DateTime<Utc>,
    req: &DayOffRequest,
) -> Result<CallingYear> {
    session.supervise(req.campaign_id, "đổi lịch gọi")?;
    let by = session.person()?.id;
    let day = parse_field_date("ngày nghỉ", &req.day).map_err(Error::Invalid)?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let hours = &campaign.calling.hours;
    let mut closed = hours.closed_dates().clone();
    let changed = if req.closed {
        closed.insert(day)
    } else {
        closed.remove(&day)
    };
    if !changed {
        return Err(Error::Conflict(format!(
            "ngày {} {}",
            format_date(day),
            if req.closed {
                "đã là ngày nghỉ thêm của đợt"
            } else {
                "không phải ngày nghỉ thêm của đợt (ngày lễ và ngày nghỉ bù không mở được ở đây)"
            }
        )));
    }
    let mut rules = campaign.calling.clone();
    rules.hours = hours.clone().replacing_closed_dates(closed.iter().copied());
    if !store.set_calling(campaign.id, &rules).await? {
        return Err(Error::not_found("đợt khảo sát", campaign.id));
    }
    store
        .add_audit(&AuditEntry {
            id: Uuid::now_v7(),
            at: now,
            actor: by,
            campaign_id: campaign.id,
            action: if req.closed {
                "day_closed"
            } else {
                "day_opened"
            }
            .to_owned(),
            case_id: None,
            before: None,
            after: Some(format_date(day)),
        })
        .await?;
    tracing::info!(campaign = %campaign.id, %day, closed = req.closed, "calling calendar changed");
    let campaign = Campaign {
        calling: rules,
        ..campaign
    };
    Ok(year_of(&campaign, day.year()))
}

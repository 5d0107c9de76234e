//! The appointments calendar, a day or a week at a time: a supervisor sees every appointment
//! of the campaign with whom a hard one is kept for, an operator the ones their queue would hand
//! them (the queue's own condition). Each day says whether the campaign calls on it.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::desk::{appointment_view, AppointmentView};
use super::reports::day_start;
use super::session::Session;
use crate::domain::people::Role;
use crate::domain::time::format_date;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarRequest {
    pub campaign_id: Uuid,
    /// The first day shown, in the campaign's time zone.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// 1 (a day) or 7 (a week).
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarEntry {
    /// hh:mm in the campaign's time zone.
    pub time: String,
    pub appointment: AppointmentView,
    /// The operator a hard appointment is kept for (a supervisor's calendar only).
    pub booked_for: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarDay {
    /// dd/mm/yyyy.
    pub date: String,
    /// yyyy-mm-dd, to ask for it again.
    pub iso: String,
    /// 0 Monday … 6 Sunday.
    pub weekday: u32,
    /// The campaign calls on this day (its weekdays, not a holiday nor a closed day).
    pub calling_day: bool,
    pub appointments: Vec<CalendarEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentCalendar {
    /// The session's operator's own appointments (else all the campaign's).
    pub own: bool,
    pub days: Vec<CalendarDay>,
}

/// The campaign's appointments from `req.from`, for `req.days` days.
pub async fn calendar(
    session: &Session,
    now: DateTime<Utc>,
    req: &CalendarRequest,
) -> Result<AppointmentCalendar> {
    let operator = if session.role() == Role::Operator {
        Some(session.operator_on(req.campaign_id)?.id)
    } else {
        session.supervise(req.campaign_id, "xem lịch hẹn")?;
        None
    };
    if !matches!(req.days, 1 | 7) {
        return Err(Error::Invalid(format!(
            "lịch hẹn xem theo một ngày hoặc một tuần, không theo {} ngày",
            req.days
        )));
    }
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let zone = campaign.time_zone;
    let last = req
        .from
        .checked_add_days(Days::new(u64::from(req.days)))
        .ok_or_else(|| Error::Invalid(format!("ngày {} quá xa", format_date(req.from))))?;
    let cases = store
        .appointments_between(
            campaign.id,
            operator,
            day_start(&campaign, req.from)?,
            day_start(&campaign, last)?,
        )
        .await?;
    let names: HashMap<Uuid, String> = if operator.is_none() {
        store
            .staff()
            .await?
            .into_iter()
            .map(|s| (s.id, s.full_name))
            .collect()
    } else {
        HashMap::new()
    };
    let mut days: Vec<CalendarDay> = req
        .from
        .iter_days()
        .take(req.days as usize)
        .map(|day| CalendarDay {
            date: format_date(day),
            iso: day.to_string(),
            weekday: day.weekday().num_days_from_monday(),
            calling_day: campaign.calling.hours.is_calling_day(day),
            appointments: Vec::new(),
        })
        .collect();
    for case in cases {
        let Some(at) = case
            .progress
            .appointment_at
            .map(|at| at.with_timezone(&zone))
        else {
            continue;
        };
        let booked_for = case
            .progress
            .appointment_operator
            .and_then(|id| names.get(&id).cloned());
        let index = usize::try_from((at.date_naive() - req.from).num_days()).ok();
        let (Some(day), Some(appointment)) = (
            index.and_then(|i| days.get_mut(i)),
            appointment_view(case, zone, now),
        ) else {
            continue;
        };
        day.appointments.push(CalendarEntry {
            time: at.format("%H:%M").to_string(),
            appointment,
            booked_for,
        });
    }
    Ok(AppointmentCalendar {
        own: operator.is_some(),
        days,
    })
}

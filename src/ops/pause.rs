//! An operator's pause at the desk: they stop taking calls with a reason and resume later. No
//! case is handed to them meanwhile, a case they hold must be finished or handed back first, and
//! the time is left out of their hours worked (see `reports::operator_figures`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::session::Session;
use crate::domain::pause::{PauseReason, PAUSE_REASONS};
use crate::domain::time::format_instant;
use crate::error::{Error, Result};
use crate::store::Pause;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PauseRequest {
    pub campaign_id: Uuid,
    /// One of [`PAUSE_REASONS`] or the operator's own words.
    pub reason: String,
}

/// A pause as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PauseView {
    pub reason: String,
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub since: String,
    /// When it ended, once it has.
    pub until: Option<String>,
    /// Whole minutes it lasted (so far, while open).
    #[ts(type = "number")]
    pub minutes: i64,
}

/// The reasons the desk offers.
pub fn reasons() -> Vec<String> {
    PAUSE_REASONS.iter().map(|r| (*r).to_owned()).collect()
}

async fn view(session: &Session, pause: &Pause, now: DateTime<Utc>) -> Result<PauseView> {
    let zone = session.store().campaign(pause.campaign_id).await?.time_zone;
    Ok(PauseView {
        reason: pause.reason.clone(),
        since: format_instant(pause.started_at, zone),
        until: pause.ended_at.map(|at| format_instant(at, zone)),
        minutes: (pause.ended_at.unwrap_or(now) - pause.started_at).num_minutes(),
    })
}

/// The session's operator stops taking calls in the campaign, with a reason.
pub async fn pause(session: &Session, now: DateTime<Utc>, req: &PauseRequest) -> Result<PauseView> {
    let me = session.operator_on(req.campaign_id)?.id;
    let reason = PauseReason::parse(&req.reason).map_err(Error::Invalid)?;
    let pause = Pause {
        id: Uuid::new_v4(),
        staff_id: me,
        campaign_id: req.campaign_id,
        reason: reason.as_str().to_owned(),
        started_at: now,
        ended_at: None,
    };
    session.store().start_pause(&pause).await?;
    tracing::info!(operator = %me, campaign = %req.campaign_id, "paused");
    view(session, &pause, now).await
}

/// The session's operator takes calls again; the pause that ended, `None` when none was open.
pub async fn resume(
    session: &Session,
    now: DateTime<Utc>,
    campaign_id: Uuid,
) -> Result<Option<PauseView>> {
    let me = session.operator_on(campaign_id)?.id;
    let Some(ended) = session.store().end_pause(me, now).await? else {
        return Ok(None);
    };
    tracing::info!(operator = %me, campaign = %campaign_id, "resumed");
    Ok(Some(view(session, &ended, now).await?))
}

/// The session's operator's open pause, if any (the desk shows it after a restart).
pub async fn my_pause(
    session: &Session,
    now: DateTime<Utc>,
    campaign_id: Uuid,
) -> Result<Option<PauseView>> {
    let me = session.operator_on(campaign_id)?.id;
    match session.store().open_pause(me).await? {
        Some(open) => Ok(Some(view(session, &open, now).await?)),
        None => Ok(None),
    }
}

/// Why no case was handed out, when it is the operator's own pause.
pub async fn refusal_if_paused(session: &Session, operator: Uuid) -> Result<()> {
    match session.store().open_pause(operator).await? {
        Some(open) => Err(Error::Conflict(format!(
            "bạn đang tạm nghỉ (“{}”): hãy bấm “Tiếp tục làm việc” để nhận ca",
            open.reason
        ))),
        None => Ok(()),
    }
}

//! The database's change trail, as a supervisor of the campaign or an administrator reads it:
//! every insert, update and delete its triggers recorded, newest first — who (the role the
//! change was made under), when (the database's clock, shown in the campaign's time zone),
//! which table and row, and the columns that changed. Names and numbers show as `***`: the
//! trail keeps that they changed, never what they are. The embedded file keeps no such trail.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::session::Session;
use crate::domain::privacy::trail::{changed_columns, ColumnChange};
use crate::domain::time::format_instant;
use crate::error::Result;

/// Lines shown when the request names no number, and the most it may ask for.
pub const DEFAULT_LINES: u32 = 100;
pub const MAX_LINES: u32 = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailRequest {
    pub campaign_id: Uuid,
    /// How many of the latest changes (default 100, at most 1000).
    pub limit: Option<u32>,
}

/// One change the database recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailLine {
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    /// The login (role) the change was made under.
    pub actor: String,
    /// The table, as the database names it (`survey_case`, `attempt`…).
    pub table: String,
    /// `INSERT`, `UPDATE`, `DELETE`, or `SELECT` for an audited read (a contacts export).
    pub operation: String,
    /// The row's key: its id, or its parts joined by `/`.
    pub row: String,
    pub changes: Vec<ColumnChange>,
}

/// The trail, or that this database keeps none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrailView {
    /// `false` on the embedded file: one workstation, no database roles, no trail.
    pub kept: bool,
    pub lines: Vec<TrailLine>,
}

/// The campaign's latest changes, newest first.
pub async fn change_trail(session: &Session, req: &TrailRequest) -> Result<TrailView> {
    session.supervise(req.campaign_id, "xem nhật ký thay đổi")?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let limit = req.limit.unwrap_or(DEFAULT_LINES).clamp(1, MAX_LINES);
    Ok(match store.change_trail(campaign.id, limit).await? {
        None => TrailView {
            kept: false,
            lines: Vec::new(),
        },
        Some(entries) => TrailView {
            kept: true,
            lines: entries
                .into_iter()
                .map(|e| TrailLine {
                    at: format_instant(e.at, campaign.time_zone),
                    changes: changed_columns(e.before.as_deref(), e.after.as_deref()),
                    actor: e.actor,
                    table: e.table_name,
                    operation: e.operation,
                    row: e.row_key,
                })
                .collect(),
        },
    })
}

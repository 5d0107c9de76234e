//! The end of a campaign's personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP: kept only as
//! long as the purpose needs it): an administrator purges a campaign once the period its list
//! covers is over and nobody is on a call, removing its people's names and numbers and keeping
//! every answer, outcome and figure. A dry run says what would go. The purge is audited: by the
//! database's trail on PostgreSQL, and in the campaign's log under the administrator's name.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::session::Session;
use crate::domain::time::format_date;
use crate::error::{Error, Result};
use crate::store::model::AuditEntry;

/// What a purge removed, or would.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PurgeReport {
    pub campaign: String,
    /// Nothing was changed: this is what a purge would do.
    pub dry_run: bool,
    /// Cases whose person's name and number go (those purged before are not counted again).
    pub cases: u32,
    /// Dossiers whose name and number go.
    pub dossiers: u32,
}

/// Purges the campaign (`dry_run`: only counts), as an administrator.
pub async fn purge(
    session: &Session,
    now: DateTime<Utc>,
    campaign_id: Uuid,
    dry_run: bool,
) -> Result<PurgeReport> {
    session.require_admin("xoá dữ liệu cá nhân của một đợt khảo sát")?;
    let admin = session.person()?.id;
    let store = session.store();
    let campaign = store.campaign(campaign_id).await?;
    let today = now.with_timezone(&campaign.time_zone).date_naive();
    if today <= campaign.received_to {
        return Err(Error::Invalid(format!(
            "đợt {} còn nhận danh sách đến hết ngày {}: chỉ xoá dữ liệu cá nhân sau ngày đó",
            campaign.code,
            format_date(campaign.received_to)
        )));
    }
    let in_call = store.cases_in_call(campaign.id, now).await?;
    if in_call > 0 {
        return Err(Error::Conflict(format!(
            "đợt {} còn {in_call} ca đang trong cuộc gọi: chờ các cuộc gọi kết thúc rồi xoá",
            campaign.code
        )));
    }
    let (cases, dossiers) = store.purge_campaign(campaign.id, now, dry_run).await?;
    if !dry_run {
        store
            .add_audit(&AuditEntry {
                id: Uuid::now_v7(),
                at: now,
                actor: admin,
                campaign_id: campaign.id,
                action: "purge".to_owned(),
                case_id: None,
                before: None,
                after: Some(format!(
                    "xoá họ tên và số điện thoại của {cases} ca, {dossiers} hồ sơ"
                )),
            })
            .await?;
        tracing::info!(campaign = %campaign.id, cases, dossiers, "personal data purged");
    }
    Ok(PurgeReport {
        campaign: campaign.code,
        dry_run,
        cases,
        dossiers,
    })
}

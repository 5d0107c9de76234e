//! The SQL of a campaign's calling calendar changed after it was made: its extra days off (the
//! `calling` column, as `rows::calling_column` writes it). The store forgets the campaign it
//! kept, so its own next read sees the change; other workstations see it once their kept copy
//! is older than `kept::CAMPAIGN_KEPT_FOR`. On PostgreSQL only the campaign's supervisors and
//! administrators may, and the audit trail keeps the change.

use async_trait::async_trait;
use uuid::Uuid;

use crate::domain::schedule::CallingRules;
use crate::error::Result;

pub const SET_CALLING: &str = "UPDATE campaign SET calling = $2 WHERE id = $1";

/// The calendar's share of the store, apart from the rest of [`super::Store`] (which requires
/// it).
#[async_trait]
pub trait CallingStore: Send + Sync {
    /// Replaces the campaign's calling rules; `false` when no campaign has this id.
    async fn set_calling(&self, campaign: Uuid, rules: &CallingRules) -> Result<bool>;
}

/// `CallingStore` for a backend of `sql_store!`.
macro_rules! calling_store {
    ($store:ident) => {
        const _: () = {
            use async_trait::async_trait;
            use uuid::Uuid;

            use crate::domain::schedule::CallingRules;
            use crate::error::{DbContext, Result};
            use crate::store::calling::*;

            #[async_trait]
            impl CallingStore for $store {
                async fn set_calling(&self, campaign: Uuid, rules: &CallingRules) -> Result<bool> {
                    let done = sqlx::query(SET_CALLING)
                        .bind(campaign)
                        .bind(crate::store::rows::calling_column(rules))
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("đổi lịch gọi của đợt khảo sát")?;
                    self.campaigns.forget(&campaign);
                    Ok(done.rows_affected() > 0)
                }
            }
        };
    };
}
pub(crate) use calling_store;

//! The SQL of operators' pauses: one open pause per person (a unique index says so), opened only
//! while they hold no case, closed when they resume; the claim hands nothing to a person whose
//! pause is open ([`NOT_PAUSED`], part of the claim's one statement). The same SQL on both
//! databases; on PostgreSQL each operator opens and closes their own pauses only.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::Result;

/// The claim's condition: operator `$2` has no open pause.
pub const NOT_PAUSED: &str =
    "NOT EXISTS (SELECT 1 FROM work_pause p WHERE p.staff_id = $2 AND p.ended_at IS NULL)";
/// A case operator `$1` still holds at `$2`, if any.
pub const HOLDS_A_CASE: &str = "SELECT id FROM survey_case
     WHERE lease_holder = $1 AND lease_expires_at > $2 AND final_outcome IS NULL LIMIT 1";
pub const INSERT_PAUSE: &str =
    "INSERT INTO work_pause (id, staff_id, campaign_id, reason, started_at)
     VALUES ($1, $2, $3, $4, $5)";
/// Closes `$1`'s open pause at `$2`, or at its start when `$2` is earlier (another
/// workstation's clock behind the one that paused).
pub const END_PAUSE: &str = "UPDATE work_pause
     SET ended_at = CASE WHEN $2 < started_at THEN started_at ELSE $2 END
     WHERE staff_id = $1 AND ended_at IS NULL RETURNING id, staff_id, campaign_id, reason,
     started_at, ended_at";
const PAUSE_COLUMNS: &str =
    "SELECT id, staff_id, campaign_id, reason, started_at, ended_at FROM work_pause";
/// Operator `$1`'s open pause.
pub fn open_pause() -> String {
    format!("{PAUSE_COLUMNS} WHERE staff_id = $1 AND ended_at IS NULL")
}
/// The campaign's (`$1`) pauses that overlap [`$2`, `$3`), oldest first.
pub fn campaign_pauses() -> String {
    format!(
        "{PAUSE_COLUMNS} WHERE campaign_id = $1 AND started_at < $3
         AND (ended_at IS NULL OR ended_at > $2) ORDER BY started_at, id"
    )
}

/// A pause as kept.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Pause {
    pub id: Uuid,
    pub staff_id: Uuid,
    pub campaign_id: Uuid,
    pub reason: String,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// Pauses' share of the store, apart from the rest of [`super::Store`] (which requires it).
#[async_trait]
pub trait PauseStore: Send + Sync {
    /// Opens a pause, in one transaction: refused (a conflict) while its person holds a case or
    /// has a pause open already.
    async fn start_pause(&self, pause: &Pause) -> Result<()>;
    /// Closes the person's open pause at `at`; `None` when none was open.
    async fn end_pause(&self, staff: Uuid, at: DateTime<Utc>) -> Result<Option<Pause>>;
    /// The person's open pause, if any.
    async fn open_pause(&self, staff: Uuid) -> Result<Option<Pause>>;
    /// The campaign's pauses overlapping [`from`, `to`), oldest first.
    async fn campaign_pauses(
        &self,
        campaign: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Pause>>;
}

/// `PauseStore` for a backend of `sql_store!`.
macro_rules! pause_store {
    ($store:ident) => {
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::error::{DbContext, Error, Result};
            use crate::store::pause::*;

            #[async_trait]
            impl PauseStore for $store {
                async fn start_pause(&self, pause: &Pause) -> Result<()> {
                    let mut tx = self.begin_write().await?;
                    let held: Option<(Uuid,)> = sqlx::query_as(HOLDS_A_CASE)
                        .bind(pause.staff_id)
                        .bind(pause.started_at)
                        .fetch_optional(&mut *tx)
                        .await
                        .doing("tạm nghỉ")?;
                    if let Some((case,)) = held {
                        return Err(Error::Conflict(format!(
                            "bạn đang giữ ca {case}: hãy ghi kết quả hoặc trả ca trước khi tạm nghỉ"
                        )));
                    }
                    let open: Option<Pause> = sqlx::query_as(&open_pause())
                        .bind(pause.staff_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .doing("tạm nghỉ")?;
                    if let Some(open) = open {
                        return Err(Error::Conflict(format!(
                            "bạn đang tạm nghỉ rồi (“{}”)",
                            open.reason
                        )));
                    }
                    sqlx::query(INSERT_PAUSE)
                        .bind(pause.id)
                        .bind(pause.staff_id)
                        .bind(pause.campaign_id)
                        .bind(&pause.reason)
                        .bind(pause.started_at)
                        .execute(&mut *tx)
                        .await
                        .doing("tạm nghỉ")?;
                    tx.commit().await.doing("tạm nghỉ")
                }

                async fn end_pause(&self, staff: Uuid, at: DateTime<Utc>) -> Result<Option<Pause>> {
                    sqlx::query_as(END_PAUSE)
                        .bind(staff)
                        .bind(at)
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("tiếp tục làm việc")
                }

                async fn open_pause(&self, staff: Uuid) -> Result<Option<Pause>> {
                    sqlx::query_as(&open_pause())
                        .bind(staff)
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("đọc trạng thái tạm nghỉ")
                }

                async fn campaign_pauses(
                    &self,
                    campaign: Uuid,
                    from: DateTime<Utc>,
                    to: DateTime<Utc>,
                ) -> Result<Vec<Pause>> {
                    sqlx::query_as(&campaign_pauses())
                        .bind(campaign)
                        .bind(from)
                        .bind(to)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc các lần tạm nghỉ")
                }
            }
        };
    };
}
pub(crate) use pause_store;

//! The SQL of personal data's end: a campaign's purge removes the names and numbers of its
//! people — from its cases and from every dossier — and keeps every outcome, answer and figure;
//! a purged case is never called again (the claim passes over it). The same SQL on both
//! databases: on PostgreSQL an administrator may update those columns without reading them.
//! And the register of people's requests about their data, which a deletion or a withdrawal
//! acts on at once.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::model::{DataRequest, TrailEntry};
use crate::domain::phone::PhoneNumber;
use crate::domain::privacy::requests::RequestKind;
use crate::error::{Error, Result};

/// The campaign's (`$1`) cases not purged yet, at `$2`. The number's column is unique per
/// campaign: it takes the case's dossier code, unique too, behind a prefix no number has.
pub const PURGE_CASES: &str = "UPDATE survey_case
     SET full_name = '', phone_e164 = 'xoa:' || dossier_code, phone_masked = '', purged_at = $2
     WHERE campaign_id = $1 AND purged_at IS NULL";
pub const PURGE_DOSSIERS: &str =
    "UPDATE dossier SET full_name = '', phone_e164 = '' WHERE campaign_id = $1";
pub const COUNT_UNPURGED_CASES: &str =
    "SELECT COUNT(*) FROM survey_case WHERE campaign_id = $1 AND purged_at IS NULL";
/// The campaign's dossiers whose case still has its person's name and number.
pub const COUNT_DOSSIERS: &str = "SELECT COUNT(*) FROM dossier d WHERE d.campaign_id = $1
     AND EXISTS (SELECT 1 FROM survey_case c WHERE c.id = d.case_id AND c.purged_at IS NULL)";
/// The campaign's (`$1`) cases held under a lease still running at `$2`.
pub const COUNT_IN_CALL: &str = "SELECT COUNT(*) FROM survey_case
     WHERE campaign_id = $1 AND lease_holder IS NOT NULL AND lease_expires_at > $2";

/// A deletion or a withdrawal on SQLite (`$1` the number, `$2` when): PostgreSQL runs the same
/// through `khaosat_forget_person`, the number's column being closed to every role.
pub const FORGET_CASES: &str = "UPDATE survey_case
     SET full_name = '', phone_e164 = 'xoa:' || dossier_code, phone_masked = '', purged_at = $2,
         lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
         lease_epoch = lease_epoch + 1, version = version + 1
     WHERE phone_e164 = $1 AND purged_at IS NULL";
pub const FORGET_DOSSIERS: &str =
    "UPDATE dossier SET full_name = '', phone_e164 = '' WHERE phone_e164 = $1";
pub const PG_FORGET: &str = "SELECT khaosat_forget_person($1, $2)";

pub const INSERT_REQUEST: &str = "INSERT INTO data_request
     (id, received_on, kind, phone_e164, note, recorded_by, recorded_at, forgotten_cases)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
pub const SELECT_REQUESTS: &str = "SELECT id, received_on, kind, phone_e164, note, recorded_by,
     acknowledged_on, closed_on, closing_note, forgotten_cases
     FROM data_request ORDER BY received_on, recorded_at, id";
pub const ACKNOWLEDGE_REQUEST: &str =
    "UPDATE data_request SET acknowledged_on = $2 WHERE id = $1 AND acknowledged_on IS NULL";
/// The campaign's (`$1`) latest `$2` changes in the triggers' trail (PostgreSQL only).
pub const SELECT_TRAIL: &str = "SELECT id, at, actor::text AS actor, table_name, operation,
     row_key, before::text AS before, after::text AS after
     FROM audit_trail WHERE campaign_id = $1 ORDER BY id DESC LIMIT $2";
pub const CLOSE_REQUEST: &str = "UPDATE data_request
     SET closed_on = $2, closing_note = $3, acknowledged_on = COALESCE(acknowledged_on, $2)
     WHERE id = $1 AND closed_on IS NULL";

/// What the store does for people's rights over their data, apart from the rest of [`super::Store`]
/// (which requires it): a campaign's purge and the register of requests.
#[async_trait]
pub trait PrivacyStore: Send + Sync {
    /// Removes the names and numbers of a campaign's people, from its cases and their dossiers,
    /// at `at`, in one transaction; outcomes, answers and figures stay, and the cases are never
    /// called again. With `dry_run` nothing changes. Returns (cases, dossiers): purged, or that
    /// would be.
    async fn purge_campaign(
        &self,
        campaign: Uuid,
        at: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<(u32, u32)>;
    /// How many of the campaign's cases are held under a lease still running at `now`.
    async fn cases_in_call(&self, campaign: Uuid, now: DateTime<Utc>) -> Result<u32>;
    /// Records a person's request in the register, at `at`; a deletion or a withdrawal with the
    /// person's number also removes their name and number from every campaign and stops their
    /// calls, in the same transaction. Returns how many cases that touched.
    async fn record_data_request(&self, request: &DataRequest, at: DateTime<Utc>) -> Result<u32>;
    /// The register, oldest first.
    async fn data_requests(&self) -> Result<Vec<DataRequest>>;
    /// Marks a request acknowledged on `on`; `false` when it was already.
    async fn acknowledge_data_request(&self, id: Uuid, on: chrono::NaiveDate) -> Result<bool>;
    /// Closes a request, answered on `on` with `note`; `false` when it was already closed.
    async fn close_data_request(&self, id: Uuid, on: chrono::NaiveDate, note: &str)
        -> Result<bool>;
    /// The latest `limit` changes the database's triggers recorded for a campaign, newest
    /// first; `None` on the embedded file, which keeps no such trail (one workstation).
    async fn change_trail(&self, campaign: Uuid, limit: u32) -> Result<Option<Vec<TrailEntry>>>;
}

/// Implements [`PrivacyStore`] for a backend's store, with its own write transaction
/// (`begin_write`) and the backend (`Backend::…`) that picks how a person is forgotten.
macro_rules! privacy_store {
    ($store:ident, $backend:expr) => {
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::error::{DbContext, Result};
            use crate::store::model::{DataRequest, TrailEntry};
            use crate::store::privacy::*;
            use crate::store::Backend;

            #[async_trait]
            impl PrivacyStore for $store {
                async fn purge_campaign(
                    &self,
                    campaign: Uuid,
                    at: DateTime<Utc>,
                    dry_run: bool,
                ) -> Result<(u32, u32)> {
                    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
                    let mut tx = self.begin_write().await?;
                    let (cases,): (i64,) = sqlx::query_as(COUNT_UNPURGED_CASES)
                        .bind(campaign)
                        .fetch_one(&mut *tx)
                        .await
                        .doing("đếm ca cần xoá dữ liệu cá nhân")?;
                    let (dossiers,): (i64,) = sqlx::query_as(COUNT_DOSSIERS)
                        .bind(campaign)
                        .fetch_one(&mut *tx)
                        .await
                        .doing("đếm hồ sơ cần xoá dữ liệu cá nhân")?;
                    if !dry_run {
                        sqlx::query(PURGE_CASES)
                            .bind(campaign)
                            .bind(at)
                            .execute(&mut *tx)
                            .await
                            .doing("xoá dữ liệu cá nhân của ca")?;
                        sqlx::query(PURGE_DOSSIERS)
                            .bind(campaign)
                            .execute(&mut *tx)
                            .await
                            .doing("xoá dữ liệu cá nhân của hồ sơ")?;
                        tx.commit().await.doing("xoá dữ liệu cá nhân")?;
                    }
                    Ok((count(cases), count(dossiers)))
                }

                async fn cases_in_call(&self, campaign: Uuid, now: DateTime<Utc>) -> Result<u32> {
                    let (held,): (i64,) = sqlx::query_as(COUNT_IN_CALL)
                        .bind(campaign)
                        .bind(now)
                        .fetch_one(&mut *self.conn().await?)
                        .await
                        .doing("đếm ca đang gọi")?;
                    Ok(u32::try_from(held).unwrap_or(u32::MAX))
                }

                async fn record_data_request(
                    &self,
                    request: &DataRequest,
                    at: DateTime<Utc>,
                ) -> Result<u32> {
                    let mut tx = self.begin_write().await?;
                    let mut forgotten = 0u64;
                    if let (true, Some(phone)) = (request.kind.forgets(), &request.phone) {
                        if $backend == Backend::Postgres {
                            let (n,): (i32,) = sqlx::query_as(PG_FORGET)
                                .bind(phone.e164())
                                .bind(at)
                                .fetch_one(&mut *tx)
                                .await
                                .doing("xoá dữ liệu cá nhân của người yêu cầu")?;
                            forgotten = u64::try_from(n).unwrap_or(0);
                        } else {
                            forgotten = sqlx::query(FORGET_CASES)
                                .bind(phone.e164())
                                .bind(at)
                                .execute(&mut *tx)
                                .await
                                .doing("xoá dữ liệu cá nhân của người yêu cầu")?
                                .rows_affected();
                            sqlx::query(FORGET_DOSSIERS)
                                .bind(phone.e164())
                                .execute(&mut *tx)
                                .await
                                .doing("xoá dữ liệu cá nhân của người yêu cầu")?;
                        }
                    }
                    let forgotten = u32::try_from(forgotten).unwrap_or(u32::MAX);
                    sqlx::query(INSERT_REQUEST)
                        .bind(request.id)
                        .bind(request.received_on)
                        .bind(request.kind.as_str())
                        .bind(request.phone.as_ref().map(|p| p.e164()))
                        .bind(&request.note)
                        .bind(request.recorded_by)
                        .bind(at)
                        .bind(i32::try_from(forgotten).unwrap_or(i32::MAX))
                        .execute(&mut *tx)
                        .await
                        .doing("ghi yêu cầu về dữ liệu cá nhân")?;
                    tx.commit().await.doing("ghi yêu cầu về dữ liệu cá nhân")?;
                    Ok(forgotten)
                }

                async fn change_trail(
                    &self,
                    campaign: Uuid,
                    limit: u32,
                ) -> Result<Option<Vec<TrailEntry>>> {
                    if $backend != Backend::Postgres {
                        return Ok(None);
                    }
                    let found: Vec<TrailEntry> = sqlx::query_as(SELECT_TRAIL)
                        .bind(campaign)
                        .bind(i64::from(limit))
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc nhật ký thay đổi")?;
                    Ok(Some(found))
                }

                async fn data_requests(&self) -> Result<Vec<DataRequest>> {
                    let found: Vec<RequestRow> = sqlx::query_as(SELECT_REQUESTS)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc sổ yêu cầu về dữ liệu cá nhân")?;
                    found.into_iter().map(TryInto::try_into).collect()
                }

                async fn acknowledge_data_request(
                    &self,
                    id: Uuid,
                    on: chrono::NaiveDate,
                ) -> Result<bool> {
                    let done = sqlx::query(ACKNOWLEDGE_REQUEST)
                        .bind(id)
                        .bind(on)
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("ghi đã tiếp nhận yêu cầu")?;
                    Ok(done.rows_affected() > 0)
                }

                async fn close_data_request(
                    &self,
                    id: Uuid,
                    on: chrono::NaiveDate,
                    note: &str,
                ) -> Result<bool> {
                    let done = sqlx::query(CLOSE_REQUEST)
                        .bind(id)
                        .bind(on)
                        .bind(note)
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("đóng yêu cầu")?;
                    Ok(done.rows_affected() > 0)
                }
            }
        };
    };
}

pub(crate) use privacy_store;

#[derive(sqlx::FromRow)]
pub struct RequestRow {
    id: Uuid,
    received_on: NaiveDate,
    kind: String,
    phone_e164: Option<String>,
    note: String,
    recorded_by: Uuid,
    acknowledged_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
    closing_note: Option<String>,
    forgotten_cases: i32,
}

impl TryFrom<RequestRow> for DataRequest {
    type Error = Error;
    fn try_from(row: RequestRow) -> Result<Self> {
        let corrupt = || super::rows::corrupt("yêu cầu về dữ liệu cá nhân", row.id);
        Ok(DataRequest {
            id: row.id,
            received_on: row.received_on,
            kind: RequestKind::parse(&row.kind).ok_or_else(corrupt)?,
            phone: row
                .phone_e164
                .as_deref()
                .map(PhoneNumber::parse)
                .transpose()
                .map_err(|_| corrupt())?,
            note: row.note,
            recorded_by: row.recorded_by,
            acknowledged_on: row.acknowledged_on,
            closed_on: row.closed_on,
            closing_note: row.closing_note,
            forgotten_cases: u32::try_from(row.forgotten_cases).unwrap_or(0),
        })
    }
}

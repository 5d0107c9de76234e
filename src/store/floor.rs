//! The SQL of the supervisor's live floor: who has a desk open ([`Desk`], kept by the desk while
//! it is open), the cases held right now ([`HeldCase`]), today's calls per agency, and what wakes
//! the floor ([`FloorSignals`]): on PostgreSQL a `LISTEN` on the channel the schema's triggers
//! notify (`khaosat_floor`, carrying a campaign's id and nothing personal), on SQLite, one
//! workstation's file without notifications, a poll.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::error::Result;

/// The channel the PostgreSQL schema's floor triggers notify.
pub const FLOOR_CHANNEL: &str = "khaosat_floor";
/// How often the floor reads an SQLite file again.
pub const POLL_EVERY: Duration = Duration::from_secs(1);

/// Opens the person's desk `$1` on campaign `$2` at `$3`, or says it is still open: `since`
/// stays when it was open on that campaign and heard from after `$4`.
pub const OPEN_DESK: &str = "INSERT INTO desk_presence (staff_id, campaign_id, since, seen_at)
     VALUES ($1, $2, $3, $3)
     ON CONFLICT (staff_id) DO UPDATE SET
       since = CASE WHEN desk_presence.campaign_id = excluded.campaign_id
                         AND desk_presence.seen_at > $4
                    THEN desk_presence.since ELSE excluded.since END,
       campaign_id = excluded.campaign_id, seen_at = excluded.seen_at";
pub const CLOSE_DESK: &str = "DELETE FROM desk_presence WHERE staff_id = $1";
pub const DESKS: &str =
    "SELECT staff_id, campaign_id, since, seen_at FROM desk_presence WHERE campaign_id = $1";
/// The campaign's (`$1`) cases under a running lease at `$2`, with the interview open on each.
pub const HELD_CASES: &str = "SELECT c.id AS case_id, c.lease_holder AS holder,
       c.lease_claimed_at AS claimed_at, c.dossier_code, a.code AS agency_code,
       i.started_at AS interview_started
     FROM survey_case c JOIN agency a ON a.id = c.agency_id
     LEFT JOIN interview i ON i.case_id = c.id AND i.status = 'in_progress'
     WHERE c.campaign_id = $1 AND c.lease_holder IS NOT NULL AND c.lease_expires_at > $2
       AND c.final_outcome IS NULL";
/// The campaign's (`$1`) attempts ended since `$2`, per agency and outcome.
pub const CALLS_SINCE: &str = "SELECT c.agency_id, t.outcome, count(*) AS calls
     FROM attempt t JOIN survey_case c ON c.id = t.case_id
     WHERE c.campaign_id = $1 AND t.ended_at >= $2
     GROUP BY c.agency_id, t.outcome";

/// A desk open in a campaign.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Desk {
    pub staff_id: Uuid,
    pub campaign_id: Uuid,
    /// When it was opened.
    pub since: DateTime<Utc>,
    /// When it last said it was still open.
    pub seen_at: DateTime<Utc>,
}

/// A case someone is calling now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldCase {
    pub case_id: Uuid,
    pub holder: Uuid,
    pub claimed_at: Option<DateTime<Utc>>,
    pub dossier_code: String,
    pub agency_code: String,
    /// The interview open on it, if one is.
    pub interview_started: Option<DateTime<Utc>>,
}

/// Calls that ended with one outcome for one agency.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AgencyCalls {
    pub agency_id: Uuid,
    pub outcome: String,
    pub calls: i64,
}

/// What wakes the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloorSignal {
    /// Something on the campaign's floor may have changed: read it again.
    Changed,
    /// The watch lost its connection; changes may be missed until it is back.
    Lost,
}

/// The floor's wake-ups for one campaign, one connection per watch.
#[async_trait]
pub trait FloorSignals: Send {
    async fn next(&mut self) -> FloorSignal;
}

/// SQLite's: a tick every [`POLL_EVERY`].
pub struct Polling(tokio::time::Interval);

impl Polling {
    pub fn new() -> Self {
        let mut every = tokio::time::interval(POLL_EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        Self(every)
    }
}

#[async_trait]
impl FloorSignals for Polling {
    async fn next(&mut self) -> FloorSignal {
        self.0.tick().await;
        FloorSignal::Changed
    }
}

/// PostgreSQL's: the notifications on [`FLOOR_CHANNEL`] naming the campaign. A task of its own
/// listens (so a reader that stops waiting never cuts a message in half) and reconnects after a
/// loss, listening again; each loss is said once. The task ends with the reader.
pub struct Listening(tokio::sync::mpsc::Receiver<FloorSignal>);

impl Listening {
    /// Listens on a connection of its own (not one of the store's few), as the store's login.
    pub async fn start(options: sqlx::postgres::PgConnectOptions, campaign: Uuid) -> Result<Self> {
        use crate::error::DbContext;
        let pool = sqlx::postgres::PgPoolOptions::new()
            .max_connections(1)
            .connect_lazy_with(options);
        let mut listener = sqlx::postgres::PgListener::connect_with(&pool)
            .await
            .doing("theo dõi thay đổi")?;
        listener
            .listen(FLOOR_CHANNEL)
            .await
            .doing("theo dõi thay đổi")?;
        let (tx, rx) = tokio::sync::mpsc::channel(1);
        tokio::spawn(async move {
            let campaign = campaign.to_string();
            loop {
                let signal = tokio::select! {
                    () = tx.closed() => break,
                    received = listener.try_recv() => match received {
                        Ok(Some(n)) if n.payload() == campaign => FloorSignal::Changed,
                        Ok(Some(_)) => continue,
                        Ok(None) => FloorSignal::Lost,
                        Err(e) => {
                            tracing::warn!(error = %e, "floor: listening failed");
                            tokio::time::sleep(POLL_EVERY).await;
                            FloorSignal::Lost
                        }
                    },
                };
                // A signal already waiting says the same: a full channel drops this one.
                if let Err(tokio::sync::mpsc::error::TrySendError::Closed(_)) = tx.try_send(signal)
                {
                    break;
                }
            }
            pool.close().await;
        });
        Ok(Self(rx))
    }
}

#[async_trait]
impl FloorSignals for Listening {
    async fn next(&mut self) -> FloorSignal {
        self.0.recv().await.unwrap_or(FloorSignal::Lost)
    }
}

/// The floor's share of the store, apart from the rest of [`super::Store`] (which requires it).
#[async_trait]
pub trait FloorStore: Send + Sync {
    /// The person's desk is open on the campaign at `at`: opened then, or still open if it was
    /// open there and heard from after `fresh_after`.
    async fn open_desk(
        &self,
        staff: Uuid,
        campaign: Uuid,
        at: DateTime<Utc>,
        fresh_after: DateTime<Utc>,
    ) -> Result<()>;
    /// The person's desk is closed (a logout); nothing when none was open.
    async fn close_desk(&self, staff: Uuid) -> Result<()>;
    /// The desks open on the campaign.
    async fn desks(&self, campaign: Uuid) -> Result<Vec<Desk>>;
    /// The campaign's cases under a running lease at `now`.
    async fn held_cases(&self, campaign: Uuid, now: DateTime<Utc>) -> Result<Vec<HeldCase>>;
    /// The campaign's calls that ended since `from`, per agency and outcome.
    async fn calls_since(&self, campaign: Uuid, from: DateTime<Utc>) -> Result<Vec<AgencyCalls>>;
    /// What wakes a floor watching the campaign.
    async fn floor_signals(&self, campaign: Uuid) -> Result<Box<dyn FloorSignals>>;
}

/// `FloorStore` for a backend of `sql_store!`, whose own `floor_watch` opens its
/// [`FloorSignals`].
macro_rules! floor_store {
    ($store:ident) => {
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::error::{DbContext, Result};
            use crate::store::floor::*;

            #[async_trait]
            impl FloorStore for $store {
                async fn open_desk(
                    &self,
                    staff: Uuid,
                    campaign: Uuid,
                    at: DateTime<Utc>,
                    fresh_after: DateTime<Utc>,
                ) -> Result<()> {
                    sqlx::query(OPEN_DESK)
                        .bind(staff)
                        .bind(campaign)
                        .bind(at)
                        .bind(fresh_after)
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("mở bàn làm việc")?;
                    Ok(())
                }

                async fn close_desk(&self, staff: Uuid) -> Result<()> {
                    sqlx::query(CLOSE_DESK)
                        .bind(staff)
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("đóng bàn làm việc")?;
                    Ok(())
                }

                async fn desks(&self, campaign: Uuid) -> Result<Vec<Desk>> {
                    sqlx::query_as(DESKS)
                        .bind(campaign)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc các bàn làm việc")
                }

                async fn held_cases(
                    &self,
                    campaign: Uuid,
                    now: DateTime<Utc>,
                ) -> Result<Vec<HeldCase>> {
                    sqlx::query_as(HELD_CASES)
                        .bind(campaign)
                        .bind(now)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc các ca đang gọi")
                }

                async fn calls_since(
                    &self,
                    campaign: Uuid,
                    from: DateTime<Utc>,
                ) -> Result<Vec<AgencyCalls>> {
                    sqlx::query_as(CALLS_SINCE)
                        .bind(campaign)
                        .bind(from)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc các cuộc gọi trong ngày")
                }

                async fn floor_signals(&self, campaign: Uuid) -> Result<Box<dyn FloorSignals>> {
                    self.floor_watch(campaign).await
                }
            }
        };
    };
}
pub(crate) use floor_store;

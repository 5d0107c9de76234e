//! The shared backend of a call center: PostgreSQL, many workstations at once. Each person can
//! connect with their own login role; the claim locks the chosen row with
//! `FOR UPDATE SKIP LOCKED`, so concurrent operators never wait for, nor get, the same case.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection, Postgres, Transaction};

use super::kept::Kept;
use super::sql_store::sql_store;

/// Rows serialised and sent to the server per `COPY` message.
const COPY_ROWS: usize = 5_000;

/// Writes rows with `COPY … FROM STDIN` in CSV, PostgreSQL's fastest way in: the rows are
/// serialised in column order and streamed in chunks. An empty unquoted field is NULL, so the
/// NOT NULL text columns (`not_null`) keep an empty value as an empty string.
async fn copy_rows<T: serde::Serialize>(
    tx: &mut Transaction<'static, Postgres>,
    columns: &str,
    not_null: &str,
    items: &[T],
) -> sqlx::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let csv_error = |e: csv::Error| sqlx::Error::Protocol(format!("CSV for COPY: {e}"));
    let mut copy = tx
        .copy_in_raw(&format!(
            "COPY {columns} FROM STDIN (FORMAT csv, FORCE_NOT_NULL ({not_null}))"
        ))
        .await?;
    for chunk in items.chunks(COPY_ROWS) {
        let mut csv = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::with_capacity(chunk.len() * 200));
        for item in chunk {
            csv.serialize(item).map_err(csv_error)?;
        }
        let bytes = csv
            .into_inner()
            .map_err(|e| sqlx::Error::Protocol(format!("CSV for COPY: {e}")))?;
        copy.send(bytes).await?;
    }
    copy.finish().await?;
    Ok(())
}

async fn insert_cases(
    tx: &mut Transaction<'static, Postgres>,
    cases: &[rows::NewCase<'_>],
) -> sqlx::Result<()> {
    copy_rows(
        tx,
        rows::NEW_CASE_COLUMNS,
        "full_name, phone_e164, dossier_code, procedure_name",
        cases,
    )
    .await
}

async fn insert_dossiers(
    tx: &mut Transaction<'static, Postgres>,
    dossiers: &[rows::NewDossier<'_>],
) -> sqlx::Result<()> {
    copy_rows(
        tx,
        rows::NEW_DOSSIER_COLUMNS,
        "dossier_code, full_name, phone_e164, procedure_name",
        dossiers,
    )
    .await
}

async fn insert_interviews(
    tx: &mut Transaction<'static, Postgres>,
    interviews: &[rows::NewInterview<'_>],
) -> sqlx::Result<()> {
    copy_rows(
        tx,
        rows::NEW_INTERVIEW_COLUMNS,
        "questionnaire_id, status, mode",
        interviews,
    )
    .await
}

async fn insert_answers(
    tx: &mut Transaction<'static, Postgres>,
    answers: &[rows::NewAnswer<'_>],
) -> sqlx::Result<()> {
    copy_rows(tx, rows::NEW_ANSWER_COLUMNS, "question_id, value", answers).await
}

async fn insert_results(
    tx: &mut Transaction<'static, Postgres>,
    results: &[rows::NewResult],
) -> sqlx::Result<()> {
    copy_rows(
        tx,
        rows::NEW_RESULT_COLUMNS,
        "mode, status, scores",
        results,
    )
    .await
}

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    campaigns: Kept<uuid::Uuid, super::model::Campaign>,
    scripts:
        Kept<crate::domain::survey::ContentHash, std::sync::Arc<crate::domain::survey::Script>>,
}

/// A pooled connection idle longer than this is pinged before use: a restarted server or a
/// dropped network leaves it dead. sqlx's own check pings every time, which adds a round trip
/// to every statement a busy pool runs (and sqlx pings again when a connection comes back).
const PING_IF_IDLE: Duration = Duration::from_secs(30);

/// Connections a store keeps by default. A workstation runs one operator's desk (a claim or an
/// outcome at a time, a heartbeat, the queue beside it), so a few are plenty, and a call center
/// of hundreds of workstations stays within the server's `max_connections`.
pub const DEFAULT_POOL_SIZE: u32 = 8;

impl PostgresStore {
    /// Connects with the default pool and applies the PostgreSQL migrations.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with_pool(url, DEFAULT_POOL_SIZE).await
    }

    /// Connects with a pool of up to `max_connections` (at least 1), for a process that serves
    /// many operators at once, and applies the PostgreSQL migrations.
    pub async fn connect_with_pool(url: &str, max_connections: u32) -> Result<Self> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|_| Error::Invalid("địa chỉ PostgreSQL không hợp lệ".to_owned()))?;
        let options = options.application_name("khaosat");
        // One direct connection first: a server that refuses is reported at once, where the
        // pool would keep retrying until its acquire timeout.
        PgConnection::connect_with(&options)
            .await
            .doing("kết nối PostgreSQL")?
            .close()
            .await
            .doing("kết nối PostgreSQL")?;
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .acquire_timeout(Duration::from_secs(10))
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for > PING_IF_IDLE {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
            .connect_with(options)
            .await
            .doing("kết nối PostgreSQL")?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        tracing::debug!("postgres store open");
        Ok(Self {
            pool,
            campaigns: Kept::default(),
            scripts: Kept::default(),
        })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        self.pool.begin().await.doing("bắt đầu ghi")
    }
}

sql_store!(
    PostgresStore,
    Postgres,
    Backend::Postgres,
    lock_case = " FOR UPDATE OF c",
    lock_row = " FOR UPDATE",
    lock_claim = " FOR UPDATE SKIP LOCKED",
    insert_cases = insert_cases,
    insert_dossiers = insert_dossiers,
    insert_interviews = insert_interviews,
    insert_answers = insert_answers,
    insert_results = insert_results
);

//! The shared backend of a call center: PostgreSQL, many workstations at once. Each person can
//! connect with their own login role; the claim locks the chosen row with
//! `FOR UPDATE SKIP LOCKED`, so concurrent operators never wait for, nor get, the same case.

use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection, Postgres, Transaction};

use super::kept::Kept;
use super::sql_store::sql_store;

/// Rows serialised and sent to the server per `COPY` message.
const COPY_ROWS: usize = 5_000;

/// Writes rows with `COPY … FROM STDIN` in CSV, PostgreSQL's fastest way in: the rows are
/// serialised in column order and streamed in chunks. An empty unquoted field is NULL, so the
/// NOT NULL text columns (`not_null`) keep an empty value as an empty string. `columns` is
/// `table (column, …)`. COPY cannot write a table under row-level security: for a person's
/// session the rows go to a temporary table of the same columns first, then into the table
/// with one `INSERT … SELECT`, where the policies check each.
async fn copy_rows<T: serde::Serialize>(
    tx: &mut Transaction<'static, Postgres>,
    columns: &str,
    not_null: &str,
    items: &[T],
) -> sqlx::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    let (table, list) = columns
        .split_once(' ')
        .ok_or_else(|| sqlx::Error::Protocol(format!("COPY target “{columns}”")))?;
    let (secured,): (bool,) = sqlx::query_as("SELECT row_security_active($1::regclass)")
        .bind(table)
        .fetch_one(&mut **tx)
        .await?;
    let staging = format!("khaosat_staging_{table}");
    if secured {
        let names: Vec<&str> = list
            .trim_matches(|c| c == '(' || c == ')')
            .split(',')
            .map(str::trim)
            .collect();
        let types: Vec<(String, String)> = sqlx::query_as(
            "SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute
             WHERE attrelid = $1::regclass AND attname = ANY ($2) AND NOT attisdropped",
        )
        .bind(table)
        .bind(&names)
        .fetch_all(&mut **tx)
        .await?;
        let definition: Vec<String> = names
            .iter()
            .map(|name| {
                let kind = types
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or("text", |(_, t)| t.as_str());
                format!("{name} {kind}")
            })
            .collect();
        sqlx::query(&format!(
            "CREATE TEMPORARY TABLE {staging} ({}) ON COMMIT DROP",
            definition.join(", ")
        ))
        .execute(&mut **tx)
        .await?;
    }
    let target = if secured {
        format!("{staging} {list}")
    } else {
        columns.to_owned()
    };
    let csv_error = |e: csv::Error| sqlx::Error::Protocol(format!("CSV for COPY: {e}"));
    let mut copy = tx
        .copy_in_raw(&format!(
            "COPY {target} FROM STDIN (FORMAT csv, FORCE_NOT_NULL ({not_null}))"
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
    if secured {
        sqlx::query(&format!(
            "INSERT INTO {columns} SELECT {} FROM {staging}",
            list.trim_matches(|c| c == '(' || c == ')')
        ))
        .execute(&mut **tx)
        .await?;
        sqlx::query(&format!("DROP TABLE {staging}"))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn insert_cases(
    tx: &mut Transaction<'static, Postgres>,
    cases: &[rows::NewCase<'_>],
) -> sqlx::Result<()> {
    copy_rows(
        tx,
        rows::NEW_CASE_COLUMNS,
        "full_name, phone_e164, dossier_code, procedure_name, phone_masked",
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

/// The stored dossiers with the list's codes and the cases with its phone numbers, which an
/// import folds its rows into: through the definer functions that give a supervisor of the
/// campaign just what the list in their hands already tells them.
async fn known(
    tx: &mut Transaction<'static, Postgres>,
    campaign: uuid::Uuid,
    rows: &[crate::domain::intake::DossierRow],
) -> sqlx::Result<crate::domain::folding::Known> {
    let codes: Vec<&str> = rows.iter().map(|r| r.dossier_code.as_str()).collect();
    let phones: Vec<String> = rows.iter().map(|r| r.phone.e164()).collect();
    let dossiers: Vec<rows::DossierDataRow> = sqlx::query_as(rows::PG_KNOWN_DOSSIERS)
        .bind(campaign)
        .bind(&codes)
        .fetch_all(&mut **tx)
        .await?;
    let cases: Vec<rows::KnownCaseRow> = sqlx::query_as(rows::PG_KNOWN_CASES)
        .bind(campaign)
        .bind(&phones)
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows::known(dossiers, cases))
}

/// A `postgres://` URL as sqlx reads it (with `PGPASSWORD` and `~/.pgpass` as libpq would).
fn parse_url(url: &str) -> Result<PgConnectOptions> {
    url.parse()
        .map_err(|_| Error::Invalid("địa chỉ PostgreSQL không hợp lệ".to_owned()))
}

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    /// The person whose role every connection takes (see [`PostgresStore::acting_as`]).
    acting: Option<std::sync::Arc<str>>,
    /// Set once the pool has been lent to an acting store: a connection may then come back
    /// under a person's role, and the store's own checkouts must return to its login's.
    lent: std::sync::Arc<std::sync::atomic::AtomicBool>,
    campaigns: Kept<uuid::Uuid, super::model::Campaign>,
    scripts:
        Kept<crate::domain::survey::ContentHash, std::sync::Arc<crate::domain::survey::Script>>,
}

/// A pooled connection idle longer than this is pinged before use: a restarted server or a
/// dropped network leaves it dead. sqlx's own check pings every time, which adds a round trip
/// to every statement a busy pool runs (and sqlx pings again when a connection comes back).
const PING_IF_IDLE: Duration = Duration::from_secs(30);

/// Every connection plans each statement once, for any parameters. Under row-level security
/// PostgreSQL's own choice kept planning the claim anew on every call (its plan for given
/// values looked cheaper than the one for any values): 1.3 ms of planning for 1.1 ms of work,
/// on each of a call center's claims. The statements here pick rows by id, campaign and lease,
/// which one plan serves whatever the values. Set on the connection, not in its start-up
/// options, which a pooler may refuse.
const GENERIC_PLANS: &str = "SET plan_cache_mode = force_generic_plan";

/// Connections a store keeps by default. A workstation runs one person's desk (a claim or an
/// outcome at a time, a heartbeat, the queue beside it) under that person's own role, which no
/// pooler can share with another login, so two are enough and a call center of hundreds of
/// workstations stays within the server's `max_connections` (see the README).
pub const DEFAULT_POOL_SIZE: u32 = 2;

impl PostgresStore {
    /// Connects with the default pool and applies the PostgreSQL migrations.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::connect_with_pool(url, DEFAULT_POOL_SIZE).await
    }

    /// Connects with a pool of up to `max_connections` (at least 1), for a process that serves
    /// many operators at once, and applies the PostgreSQL migrations.
    pub async fn connect_with_pool(url: &str, max_connections: u32) -> Result<Self> {
        Self::open(parse_url(url)?, max_connections).await
    }

    /// Connects to the server and database of `server` (its user and password, if any, set
    /// aside) as the person `login` with their `password`: the server checks it.
    pub async fn connect_as(
        server: &str,
        login: &crate::domain::people::Login,
        password: &crate::domain::people::Password,
    ) -> Result<Self> {
        Self::connect_as_with_pool(server, login, password, DEFAULT_POOL_SIZE).await
    }

    /// [`PostgresStore::connect_as`] with a pool of up to `max_connections` (an authenticator's,
    /// shared by the people it acts as).
    pub async fn connect_as_with_pool(
        server: &str,
        login: &crate::domain::people::Login,
        password: &crate::domain::people::Password,
        max_connections: u32,
    ) -> Result<Self> {
        let options = parse_url(server)?
            .username(login.as_str())
            .password(password.expose());
        Self::open(options, max_connections).await
    }

    async fn open(options: PgConnectOptions, max_connections: u32) -> Result<Self> {
        super::location::refuse_plain_text_to_remote(&options)?;
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
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::query(GENERIC_PLANS).execute(conn).await?;
                    Ok(())
                })
            })
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
        super::pg_schema::bring_up_to_date(&pool).await?;
        tracing::debug!("postgres store open");
        Ok(Self {
            pool,
            acting: None,
            lent: Default::default(),
            campaigns: Kept::default(),
            scripts: Kept::default(),
        })
    }

    /// The same connections, each taken under `person`'s role: the store's login must be a
    /// member of that role (an authenticator, as PostgREST has), and every checkout switches to
    /// the person's role before its first statement, so the policies see `current_user` as that
    /// person. Many people share a few connections this way (the benchmark's 500 operators),
    /// where a login each would need a connection each. Nothing is cached across people.
    pub fn acting_as(&self, person: &crate::domain::people::Login) -> Self {
        self.lent.store(true, std::sync::atomic::Ordering::Release);
        Self {
            pool: self.pool.clone(),
            acting: Some(std::sync::Arc::from(person.as_str())),
            lent: self.lent.clone(),
            campaigns: Kept::default(),
            scripts: Kept::default(),
        }
    }

    /// Makes `name` a login that may take the roles of `people` and nothing more (see
    /// [`PostgresStore::acting_as`]); the database's administrator only.
    pub async fn add_authenticator(
        &self,
        name: &crate::domain::people::Login,
        password: &crate::domain::people::Password,
        people: &[crate::domain::people::Login],
    ) -> Result<()> {
        super::people::postgres::add_authenticator(&mut *self.conn().await?, name, password, people)
            .await
    }

    /// Removes these login roles from the cluster (their staff rows stay); the database's
    /// administrator only.
    pub async fn drop_logins(&self, logins: &[crate::domain::people::Login]) -> Result<()> {
        super::people::postgres::drop_logins(&mut *self.conn().await?, logins).await
    }

    /// A connection from the pool, under the acting person's role if there is one. The role is
    /// set for the session, not the transaction: every checkout of an acting store sets its
    /// own before anything else, and the lending store's own checkouts go back to its login's,
    /// so a role left by the previous checkout is never used.
    async fn conn(&self) -> Result<PoolConnection<Postgres>> {
        let mut conn = self.pool.acquire().await.doing("kết nối PostgreSQL")?;
        if let Some(person) = &self.acting {
            sqlx::query("SELECT set_config('role', $1, false)")
                .bind(&**person)
                .execute(&mut *conn)
                .await
                .doing("nhận vai trò của người dùng")?;
        } else if self.lent.load(std::sync::atomic::Ordering::Acquire) {
            sqlx::query("RESET ROLE")
                .execute(&mut *conn)
                .await
                .doing("trở về vai trò của tài khoản kết nối")?;
        }
        Ok(conn)
    }

    /// Listens for the floor's notifications on a connection of its own, as the store's login.
    async fn floor_watch(
        &self,
        campaign: uuid::Uuid,
    ) -> Result<Box<dyn super::floor::FloorSignals>> {
        let options = self.pool.connect_options().as_ref().clone();
        Ok(Box::new(
            super::floor::Listening::start(options, campaign).await?,
        ))
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>> {
        Transaction::begin(self.conn().await?, None)
            .await
            .doing("bắt đầu ghi")
    }
}

sql_store!(
    PostgresStore,
    Postgres,
    Backend::Postgres,
    lock_case = " FOR UPDATE OF c",
    lock_row = " FOR UPDATE",
    lock_claim = " FOR UPDATE SKIP LOCKED",
    lock_campaign = rows::PG_LOCK_CAMPAIGN,
    sample_candidates = rows::PG_SAMPLE_CANDIDATES,
    insert_cases = insert_cases,
    insert_dossiers = insert_dossiers,
    insert_interviews = insert_interviews,
    insert_answers = insert_answers,
    insert_results = insert_results,
    known = known,
    contacts = rows::PG_CONTACTS,
    insert_import_batch = rows::PG_INSERT_IMPORT_BATCH,
    insert_sample_draw = rows::PG_INSERT_SAMPLE_DRAW
);

super::people::people_store!(PostgresStore, super::people::postgres);
super::privacy::privacy_store!(PostgresStore, Backend::Postgres);
super::review::review_store!(PostgresStore, Some(super::review::PG_LOCK_STEPS));
super::pause::pause_store!(PostgresStore);
super::floor::floor_store!(PostgresStore);
super::agencies::agency_store!(PostgresStore);
super::appointments::appointment_store!(PostgresStore);
super::calling::calling_store!(PostgresStore);

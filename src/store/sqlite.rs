//! The embedded default backend: one SQLite file in WAL mode, foreign keys on, a busy timeout,
//! and `BEGIN IMMEDIATE` for every write that reads first, so two connections (or two app
//! windows on one file) queue for the write lock instead of failing on a stale snapshot.

use std::path::Path;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::query_builder::Separated;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{QueryBuilder, Sqlite, Transaction};

use super::kept::Kept;
use super::sql_store::sql_store;

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    campaigns: Kept<uuid::Uuid, super::model::Campaign>,
    scripts:
        Kept<crate::domain::survey::ContentHash, std::sync::Arc<crate::domain::survey::Script>>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and applies the SQLite migrations.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                tracing::error!(dir = %dir.display(), error = %e, "cannot create the database directory");
                Error::Unavailable(format!("không tạo được thư mục {}", dir.display()))
            })?;
        }
        create_private(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(15))
            // 64 MB of page cache per connection (the default is 2 MB): a 100,000-row import
            // touches indexes larger than that, and spilling them mid-transaction is slow.
            .pragma("cache_size", "-65536");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await
            .doing("mở tệp cơ sở dữ liệu")?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        tracing::debug!(path = %path.display(), "sqlite store open");
        Ok(Self {
            pool,
            campaigns: Kept::default(),
            scripts: Kept::default(),
        })
    }

    /// A file has no notifications: the floor polls it.
    async fn floor_watch(
        &self,
        _campaign: uuid::Uuid,
    ) -> Result<Box<dyn super::floor::FloorSignals>> {
        Ok(Box::new(super::floor::Polling::new()))
    }

    /// A connection from the pool.
    async fn conn(&self) -> Result<PoolConnection<Sqlite>> {
        self.pool.acquire().await.doing("mở tệp cơ sở dữ liệu")
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .doing("bắt đầu ghi")
    }
}

/// Creates the database file, when there is none yet, readable and writable by its owner only
/// (0600): it holds citizens' names and numbers. SQLite gives its `-wal` and `-shm` files the
/// same permissions.
fn create_private(path: &Path) -> Result<()> {
    match crate::owner_only::create_new(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => {
            tracing::error!(path = %path.display(), error = %e, "cannot create the database file");
            Err(Error::Unavailable(format!(
                "không tạo được tệp cơ sở dữ liệu {}",
                path.display()
            )))
        }
    }
}

/// SQLite's limit on bound values in one statement.
const MAX_VARIABLES: usize = 32_766;

/// Inserts rows with multi-row `INSERT … VALUES`, as many rows per statement as SQLite's
/// variable limit allows; `push` binds one row's values in column order.
async fn insert_rows<'a, T>(
    tx: &mut Transaction<'static, Sqlite>,
    columns: &str,
    per_row: usize,
    items: &'a [T],
    push: impl Fn(Separated<'_, 'a, Sqlite, &'static str>, &'a T) + Copy,
) -> sqlx::Result<()>
where
    T: Send + Sync,
{
    for chunk in items.chunks(MAX_VARIABLES / per_row) {
        let mut insert = QueryBuilder::<Sqlite>::new(format!("INSERT INTO {columns} "));
        insert.push_values(chunk, push);
        insert.build().execute(&mut **tx).await?;
    }
    Ok(())
}

async fn insert_cases(
    tx: &mut Transaction<'static, Sqlite>,
    cases: &[rows::NewCase<'_>],
) -> sqlx::Result<()> {
    insert_rows(tx, rows::NEW_CASE_COLUMNS, 9, cases, |mut row, case| {
        row.push_bind(case.id)
            .push_bind(case.campaign_id)
            .push_bind(case.agency_id)
            .push_bind(case.full_name)
            .push_bind(case.phone_e164.as_str())
            .push_bind(case.dossier_code)
            .push_bind(case.procedure_name)
            .push_bind(case.received_on)
            .push_bind(&case.phone_masked);
    })
    .await
}

async fn insert_dossiers(
    tx: &mut Transaction<'static, Sqlite>,
    dossiers: &[rows::NewDossier<'_>],
) -> sqlx::Result<()> {
    insert_rows(tx, rows::NEW_DOSSIER_COLUMNS, 12, dossiers, |mut row, d| {
        row.push_bind(d.campaign_id)
            .push_bind(d.dossier_code)
            .push_bind(d.case_id)
            .push_bind(d.agency_id)
            .push_bind(d.full_name)
            .push_bind(d.phone_e164.as_str())
            .push_bind(d.procedure_name)
            .push_bind(d.field_name)
            .push_bind(d.received_on)
            .push_bind(d.channel)
            .push_bind(d.birth_year)
            .push_bind(d.import_id);
    })
    .await
}

async fn insert_interviews(
    tx: &mut Transaction<'static, Sqlite>,
    interviews: &[rows::NewInterview<'_>],
) -> sqlx::Result<()> {
    insert_rows(
        tx,
        rows::NEW_INTERVIEW_COLUMNS,
        9,
        interviews,
        |mut row, i| {
            row.push_bind(i.id)
                .push_bind(i.case_id)
                .push_bind(i.questionnaire_id)
                .push_bind(i.operator_id)
                .push_bind(i.status)
                .push_bind(i.started_at)
                .push_bind(i.finished_at)
                .push_bind(i.mode)
                .push_bind(i.import_id);
        },
    )
    .await
}

async fn insert_answers(
    tx: &mut Transaction<'static, Sqlite>,
    answers: &[rows::NewAnswer<'_>],
) -> sqlx::Result<()> {
    insert_rows(tx, rows::NEW_ANSWER_COLUMNS, 7, answers, |mut row, a| {
        row.push_bind(a.id)
            .push_bind(a.interview_id)
            .push_bind(a.question_id)
            .push_bind(a.value)
            .push_bind(a.answered_by)
            .push_bind(a.answered_at)
            .push_bind(a.seq);
    })
    .await
}

async fn insert_results(
    tx: &mut Transaction<'static, Sqlite>,
    results: &[rows::NewResult],
) -> sqlx::Result<()> {
    insert_rows(tx, rows::NEW_RESULT_COLUMNS, 6, results, |mut row, r| {
        row.push_bind(r.interview_id)
            .push_bind(r.campaign_id)
            .push_bind(r.agency_id)
            .push_bind(r.mode)
            .push_bind(r.status)
            .push_bind(&r.scores);
    })
    .await
}

/// The campaign's stored dossiers and cases an import folds its rows into: all of them, the
/// file being the one workstation's.
async fn known(
    tx: &mut Transaction<'static, Sqlite>,
    campaign: uuid::Uuid,
    _rows: &[crate::domain::intake::DossierRow],
) -> sqlx::Result<crate::domain::folding::Known> {
    let dossiers: Vec<rows::DossierDataRow> = sqlx::query_as(rows::SELECT_CAMPAIGN_DOSSIERS)
        .bind(campaign)
        .fetch_all(&mut **tx)
        .await?;
    let cases: Vec<rows::KnownCaseRow> = sqlx::query_as(rows::SELECT_KNOWN_CASES)
        .bind(campaign)
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows::known(dossiers, cases))
}

sql_store!(
    SqliteStore,
    Sqlite,
    Backend::Sqlite,
    lock_case = "",
    lock_row = "",
    lock_claim = "",
    lock_campaign = rows::LOCK_CAMPAIGN,
    sample_candidates = rows::SAMPLE_CANDIDATES,
    insert_cases = insert_cases,
    insert_dossiers = insert_dossiers,
    insert_interviews = insert_interviews,
    insert_answers = insert_answers,
    insert_results = insert_results,
    known = known,
    contacts = rows::CONTACTS,
    insert_import_batch = rows::INSERT_IMPORT_BATCH,
    insert_sample_draw = rows::INSERT_SAMPLE_DRAW
);

super::people::people_store!(SqliteStore, super::people::sqlite);
super::privacy::privacy_store!(SqliteStore, Backend::Sqlite);
super::review::review_store!(SqliteStore, None);
super::pause::pause_store!(SqliteStore);
super::floor::floor_store!(SqliteStore);
super::agencies::agency_store!(SqliteStore);
super::appointments::appointment_store!(SqliteStore);
super::calling::calling_store!(SqliteStore);

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[tokio::test]
    async fn a_new_database_file_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("rieng/khaosat.sqlite3");
        SqliteStore::open(&path).await.expect("opens");
        let mode = std::fs::metadata(&path)
            .expect("the file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

//! The embedded default backend: one SQLite file in WAL mode, foreign keys on, a busy timeout,
//! and `BEGIN IMMEDIATE` for every write that reads first, so two connections (or two app
//! windows on one file) queue for the write lock instead of failing on a stale snapshot.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use super::sql_store::sql_store;

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
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
        Ok(Self { pool })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>> {
        self.pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .doing("bắt đầu ghi")
    }
}

/// A UUID from JSON text to the 16-byte blob the SQLite schema keeps.
macro_rules! blob {
    ($field:literal) => {
        concat!("unhex(replace(value ->> '", $field, "', '-', ''))")
    };
}

/// New cases from a JSON array (`$1`) into campaign `$2`.
const INSERT_CASES_JSON: &str = concat!(
    "INSERT INTO survey_case
     (id, campaign_id, agency_id, full_name, phone_e164, dossier_code, procedure_name, received_on)
     SELECT ",
    blob!("id"),
    ", $2, ",
    blob!("agency_id"),
    ", value ->> 'full_name', value ->> 'phone_e164',
            value ->> 'dossier_code', value ->> 'procedure_name', value ->> 'received_on'
     FROM json_each($1)"
);

/// New dossiers from a JSON array (`$1`) into campaign `$2`, from import `$3`.
const INSERT_DOSSIERS_JSON: &str = concat!(
    "INSERT INTO dossier
     (campaign_id, dossier_code, case_id, agency_id, full_name, phone_e164, procedure_name, field_name,
      received_on, channel, birth_year, import_id)
     SELECT $2, value ->> 'dossier_code', ",
    blob!("case_id"),
    ", ",
    blob!("agency_id"),
    ",
            value ->> 'full_name', value ->> 'phone_e164', value ->> 'procedure_name',
            value ->> 'field_name', value ->> 'received_on', value ->> 'channel',
            value ->> 'birth_year', $3
     FROM json_each($1)"
);

sql_store!(
    SqliteStore,
    Sqlite,
    Backend::Sqlite,
    lock_case = "",
    lock_row = "",
    lock_claim = "",
    insert_cases_json = INSERT_CASES_JSON,
    insert_dossiers_json = INSERT_DOSSIERS_JSON
);

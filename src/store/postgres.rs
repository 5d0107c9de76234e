//! The shared backend of a call center: PostgreSQL, many workstations at once. Each person can
//! connect with their own login role; the claim locks the chosen row with
//! `FOR UPDATE SKIP LOCKED`, so concurrent operators never wait for, nor get, the same case.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection, Postgres, Transaction};

use super::sql_store::sql_store;

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects and applies the PostgreSQL migrations.
    pub async fn connect(url: &str) -> Result<Self> {
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
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .doing("kết nối PostgreSQL")?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        tracing::debug!("postgres store open");
        Ok(Self { pool })
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
    lock_claim = " FOR UPDATE SKIP LOCKED"
);

//! The shared backend of a call center: PostgreSQL, many workstations at once. Each person can
//! connect with their own login role; the claim locks the chosen row with
//! `FOR UPDATE SKIP LOCKED`, so concurrent operators never wait for, nor get, the same case.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection, Postgres, Transaction};

use super::sql_store::sql_store;

/// New cases from a JSON array (`$1`) into campaign `$2`.
const INSERT_CASES_JSON: &str = "INSERT INTO survey_case
     (id, campaign_id, agency_id, full_name, phone_e164, dossier_code, procedure_name, received_on)
     SELECT x.id, $2, x.agency_id, x.full_name, x.phone_e164, x.dossier_code, x.procedure_name, x.received_on
     FROM json_to_recordset($1::json) AS x(id uuid, agency_id uuid, full_name text, phone_e164 text,
          dossier_code text, procedure_name text, received_on date)";

/// New dossiers from a JSON array (`$1`) into campaign `$2`, from import `$3`.
const INSERT_DOSSIERS_JSON: &str = "INSERT INTO dossier
     (campaign_id, dossier_code, case_id, agency_id, full_name, phone_e164, procedure_name, field_name,
      received_on, channel, birth_year, import_id)
     SELECT $2, x.dossier_code, x.case_id, x.agency_id, x.full_name, x.phone_e164, x.procedure_name,
            x.field_name, x.received_on, x.channel, x.birth_year, $3
     FROM json_to_recordset($1::json) AS x(dossier_code text, case_id uuid, agency_id uuid,
          full_name text, phone_e164 text, procedure_name text, field_name text, received_on date,
          channel text, birth_year integer)";

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
    lock_claim = " FOR UPDATE SKIP LOCKED",
    insert_cases_json = INSERT_CASES_JSON,
    insert_dossiers_json = INSERT_DOSSIERS_JSON
);

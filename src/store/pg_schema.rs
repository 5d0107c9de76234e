//! Bringing a PostgreSQL database to this release's schema. Only the database's administrator
//! migrates it — a superuser, or a member of `khaosat_owner` — and everything the migrations
//! make is then handed to `khaosat_owner`, the role nobody logs in as, so the policies hold for
//! every person. A person's session only checks that the schema is this release's, and says
//! who must upgrade it otherwise.

use std::collections::HashSet;

use sqlx::migrate::Migrator;
use sqlx::PgPool;

use crate::error::{DbContext, Error, Result};

static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Hands every table, view, sequence and Khảo sát function of the schema to `khaosat_owner`
/// (sqlx's own bookkeeping table aside). Run after the migrations, by their runner.
const OWN_EVERYTHING: &str = "DO $$
DECLARE
    r record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'khaosat_owner') THEN
        RETURN;
    END IF;
    FOR r IN SELECT c.relname, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p')
               AND c.relname <> '_sqlx_migrations'
               AND pg_get_userbyid(c.relowner) <> 'khaosat_owner' LOOP
        EXECUTE format('ALTER %s %I OWNER TO khaosat_owner',
                       CASE r.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.relname);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND p.proname LIKE 'khaosat\\_%'
               AND pg_get_userbyid(p.proowner) <> 'khaosat_owner' LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO khaosat_owner', r.f);
    END LOOP;
END $$";

/// The versions this release's migrations have that the database has not applied.
async fn pending(pool: &PgPool) -> Result<Vec<i64>> {
    let (exists,): (bool,) =
        sqlx::query_as("SELECT to_regclass('public._sqlx_migrations') IS NOT NULL")
            .fetch_one(pool)
            .await
            .doing("đọc phiên bản cơ sở dữ liệu")?;
    let applied: HashSet<i64> = if exists {
        sqlx::query_as::<_, (i64,)>("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(pool)
            .await
            .doing("đọc phiên bản cơ sở dữ liệu")?
            .into_iter()
            .map(|(v,)| v)
            .collect()
    } else {
        HashSet::new()
    };
    Ok(MIGRATOR
        .iter()
        .map(|m| m.version)
        .filter(|v| !applied.contains(v))
        .collect())
}

/// Whether the session may change the schema: a superuser, or a member of `khaosat_owner`.
async fn may_migrate(pool: &PgPool) -> Result<bool> {
    let (may,): (bool,) = sqlx::query_as(
        "SELECT rolsuper OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'khaosat_owner')
                             AND pg_has_role(current_user, 'khaosat_owner', 'MEMBER'))
         FROM pg_roles WHERE rolname = current_user",
    )
    .fetch_one(pool)
    .await
    .doing("đọc quyền của phiên")?;
    Ok(may)
}

/// Applies the migrations the database lacks, when the session may; a person's session with
/// migrations pending is refused with what to do.
pub async fn bring_up_to_date(pool: &PgPool) -> Result<()> {
    let missing = pending(pool).await?;
    if missing.is_empty() {
        return Ok(());
    }
    if !may_migrate(pool).await? {
        return Err(Error::Forbidden(
            "cơ sở dữ liệu chưa được nâng cấp lên phiên bản này của Khảo sát; quản trị viên cơ sở dữ liệu hãy chạy `khaosat init` bằng tài khoản quản trị PostgreSQL".to_owned(),
        ));
    }
    tracing::info!(migrations = missing.len(), "migrating the postgres schema");
    MIGRATOR.run(pool).await?;
    sqlx::query(OWN_EVERYTHING)
        .execute(pool)
        .await
        .doing("giao cấu trúc cơ sở dữ liệu cho khaosat_owner")?;
    Ok(())
}

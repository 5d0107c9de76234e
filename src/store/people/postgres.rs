//! The shared database's people: each is a PostgreSQL login role with a SCRAM password, made
//! and changed by the administrators' definer functions (`khaosat_staff_*`, see the people
//! migration), which the database grants to `khaosat_admin` only — so it is PostgreSQL that
//! refuses anyone else. The password leaves the workstation as its SCRAM verifier only.

use sqlx::PgConnection;
use uuid::Uuid;

use super::StaffRow;
use crate::domain::people::{Login, Password};
use crate::error::{DbContext, Error, Result};
use crate::store::model::{NewStaff, Staff};

pub async fn add_staff(conn: &mut PgConnection, person: &NewStaff<'_>) -> Result<Staff> {
    let (id,): (Uuid,) = sqlx::query_as("SELECT khaosat_staff_add($1, $2, $3, $4)")
        .bind(person.login.as_str())
        .bind(person.full_name)
        .bind(person.role.as_str())
        .bind(person.password.scram_verifier())
        .fetch_one(conn)
        .await
        .doing("thêm nhân sự")?;
    Ok(person.stored(id))
}

pub async fn set_password(
    conn: &mut PgConnection,
    login: &Login,
    password: &Password,
) -> Result<()> {
    sqlx::query("SELECT khaosat_staff_password($1, $2)")
        .bind(login.as_str())
        .bind(password.scram_verifier())
        .execute(conn)
        .await
        .doing("đặt mật khẩu")?;
    Ok(())
}

pub async fn set_active(conn: &mut PgConnection, login: &Login, active: bool) -> Result<u32> {
    let (released,): (i32,) = sqlx::query_as("SELECT khaosat_staff_set_active($1, $2)")
        .bind(login.as_str())
        .bind(active)
        .fetch_one(conn)
        .await
        .doing("khoá hoặc mở tài khoản")?;
    Ok(u32::try_from(released).unwrap_or(0))
}

pub async fn assign(
    conn: &mut PgConnection,
    login: &Login,
    campaign: Uuid,
    on: bool,
) -> Result<()> {
    sqlx::query("SELECT khaosat_staff_assign($1, $2, $3)")
        .bind(login.as_str())
        .bind(campaign)
        .bind(on)
        .execute(conn)
        .await
        .doing("giao đợt khảo sát")?;
    Ok(())
}

/// A login role for each person who has none (a database made before login roles).
pub async fn sync_logins(conn: &mut PgConnection) -> Result<u32> {
    let (made,): (i32,) = sqlx::query_as("SELECT khaosat_staff_sync()")
        .fetch_one(conn)
        .await
        .doing("tạo vai trò đăng nhập cho nhân sự")?;
    Ok(u32::try_from(made).unwrap_or(0))
}

/// The person this session's role is; `None` for a session that is nobody's (the DBA's).
pub async fn whoami(conn: &mut PgConnection) -> Result<Option<Staff>> {
    let found: Option<StaffRow> = sqlx::query_as(
        "SELECT id, login, full_name, role, active FROM staff WHERE login = current_user",
    )
    .fetch_optional(conn)
    .await
    .doing("đọc người đăng nhập")?;
    found.map(Staff::try_from).transpose()
}

/// On PostgreSQL the connection is the login: the server checks the password when a session
/// connects as the person (see `PostgresStore::connect_as`).
pub async fn check_login(
    _conn: &mut PgConnection,
    _login: &Login,
    _password: &Password,
) -> Result<Staff> {
    Err(Error::Invalid(
        "cơ sở dữ liệu dùng chung kiểm tra mật khẩu khi kết nối: hãy đăng nhập bằng tài khoản PostgreSQL của mình".to_owned(),
    ))
}

/// The statements that make `$1` an authenticator with the SCRAM verifier `$2`, able to take
/// the roles `$3`, in the order they run. Names are quoted by the server (`%I`, `%L`).
const AUTHENTICATOR: &str = "SELECT sql FROM (VALUES
     (1, format('CREATE ROLE %I LOGIN NOINHERIT PASSWORD %L', $1::text, $2::text)),
     (2, format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text)),
     (3, format('GRANT SELECT ON _sqlx_migrations TO %I', $1::text)),
     (4, (SELECT format('GRANT %s TO %I', string_agg(quote_ident(p), ', '), $1::text)
          FROM unnest($3::text[]) p))) AS s(n, sql)
     ORDER BY n";

/// The statements that remove the login roles `$1` from the cluster: what they were granted
/// in this database first — `khaosat_owner` granted them CONNECT, which only it may revoke
/// (`DROP OWNED` leaves it), so the administrator takes that role for the one statement —
/// then the roles.
const DROP_LOGINS: &str = "SELECT sql FROM (SELECT string_agg(quote_ident(p), ', ') AS names
         FROM unnest($1::text[]) p) r,
     LATERAL (VALUES
         (1, 'SET LOCAL ROLE khaosat_owner'),
         (2, format('REVOKE CONNECT ON DATABASE %I FROM %s', current_database(), r.names)),
         (3, 'RESET ROLE'),
         (4, format('DROP OWNED BY %s', r.names)),
         (5, format('DROP ROLE %s', r.names))) AS s(n, sql)
     ORDER BY n";

/// Runs the statements a query (`sql`, binding `logins` last) writes, in one transaction.
async fn run_written(
    conn: &mut PgConnection,
    sql: &str,
    first: &[&str],
    logins: &[Login],
    doing: &'static str,
) -> Result<()> {
    let names: Vec<&str> = logins.iter().map(Login::as_str).collect();
    let mut query = sqlx::query_as::<_, (String,)>(sql);
    for value in first {
        query = query.bind(*value);
    }
    let statements = query
        .bind(&names)
        .fetch_all(&mut *conn)
        .await
        .doing(doing)?;
    let mut tx = sqlx::Connection::begin(&mut *conn).await.doing(doing)?;
    for (statement,) in statements {
        sqlx::raw_sql(&statement)
            .execute(&mut *tx)
            .await
            .doing(doing)?;
    }
    tx.commit().await.doing(doing)
}

/// Makes `name` an authenticator for `people`: a login with `password` that holds no rights of
/// its own (NOINHERIT) but may take any of their roles, connecting to this database only — as
/// PostgREST's authenticator does, so that many people share a few connections (the
/// benchmark's operators). The database's administrator only: it needs CREATEROLE.
pub async fn add_authenticator(
    conn: &mut PgConnection,
    name: &Login,
    password: &Password,
    people: &[Login],
) -> Result<()> {
    if people.is_empty() {
        return Err(Error::Invalid(
            "một người xác thực cần ít nhất một vai trò để nhận".to_owned(),
        ));
    }
    let verifier = password.scram_verifier();
    run_written(
        conn,
        AUTHENTICATOR,
        &[name.as_str(), &verifier],
        people,
        "tạo vai trò xác thực",
    )
    .await
}

/// Removes login roles from the cluster, with what they were granted in this database (a
/// benchmark's people and authenticator, once its run is over). Their staff rows stay.
pub async fn drop_logins(conn: &mut PgConnection, logins: &[Login]) -> Result<()> {
    if logins.is_empty() {
        return Ok(());
    }
    run_written(conn, DROP_LOGINS, &[], logins, "xoá vai trò đăng nhập").await
}

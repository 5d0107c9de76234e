//! The shared database's people: each is a PostgreSQL login role with a SCRAM password, made
//! and changed by the administrators' definer functions (`khaosat_staff_*`, see the people
//! migration), which the database grants to `khaosat_admin` only — so it is PostgreSQL that
//! refuses anyone else. The password leaves the workstation as its SCRAM verifier only.

use sqlx::PgPool;
use uuid::Uuid;

use super::StaffRow;
use crate::domain::people::{Login, Password};
use crate::error::{DbContext, Error, Result};
use crate::store::model::{NewStaff, Staff};

pub async fn add_staff(pool: &PgPool, person: &NewStaff<'_>) -> Result<Staff> {
    let (id,): (Uuid,) = sqlx::query_as("SELECT khaosat_staff_add($1, $2, $3, $4)")
        .bind(person.login.as_str())
        .bind(person.full_name)
        .bind(person.role.as_str())
        .bind(person.password.scram_verifier())
        .fetch_one(pool)
        .await
        .doing("thêm nhân sự")?;
    Ok(person.stored(id))
}

pub async fn set_password(pool: &PgPool, login: &Login, password: &Password) -> Result<()> {
    sqlx::query("SELECT khaosat_staff_password($1, $2)")
        .bind(login.as_str())
        .bind(password.scram_verifier())
        .execute(pool)
        .await
        .doing("đặt mật khẩu")?;
    Ok(())
}

pub async fn set_active(pool: &PgPool, login: &Login, active: bool) -> Result<u32> {
    let (released,): (i32,) = sqlx::query_as("SELECT khaosat_staff_set_active($1, $2)")
        .bind(login.as_str())
        .bind(active)
        .fetch_one(pool)
        .await
        .doing("khoá hoặc mở tài khoản")?;
    Ok(u32::try_from(released).unwrap_or(0))
}

pub async fn assign(pool: &PgPool, login: &Login, campaign: Uuid, on: bool) -> Result<()> {
    sqlx::query("SELECT khaosat_staff_assign($1, $2, $3)")
        .bind(login.as_str())
        .bind(campaign)
        .bind(on)
        .execute(pool)
        .await
        .doing("giao đợt khảo sát")?;
    Ok(())
}

/// A login role for each person who has none (a database made before login roles).
pub async fn sync_logins(pool: &PgPool) -> Result<u32> {
    let (made,): (i32,) = sqlx::query_as("SELECT khaosat_staff_sync()")
        .fetch_one(pool)
        .await
        .doing("tạo vai trò đăng nhập cho nhân sự")?;
    Ok(u32::try_from(made).unwrap_or(0))
}

/// The person this session's role is; `None` for a session that is nobody's (the DBA's).
pub async fn whoami(pool: &PgPool) -> Result<Option<Staff>> {
    let found: Option<StaffRow> = sqlx::query_as(
        "SELECT id, login, full_name, role, active FROM staff WHERE login = current_user",
    )
    .fetch_optional(pool)
    .await
    .doing("đọc người đăng nhập")?;
    found.map(Staff::try_from).transpose()
}

/// On PostgreSQL the connection is the login: the server checks the password when a session
/// connects as the person (see `PostgresStore::connect_as`).
pub async fn check_login(_pool: &PgPool, _login: &Login, _password: &Password) -> Result<Staff> {
    Err(Error::Invalid(
        "cơ sở dữ liệu dùng chung kiểm tra mật khẩu khi kết nối: hãy đăng nhập bằng tài khoản PostgreSQL của mình".to_owned(),
    ))
}

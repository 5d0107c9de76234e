//! The embedded database's accounts: a person logs in with a password the core checks against
//! its Argon2id hash (the file is the one workstation's and readable by its owner only, so the
//! core, not the database, applies the rules of who may do what).

use sqlx::{Connection, SqliteConnection};
use uuid::Uuid;

use super::{no_such, StaffRow};
use crate::domain::people::{Login, Password, PasswordHash};
use crate::error::{DbContext, Error, Result};
use crate::store::model::{NewStaff, Staff};

const INSERT_PERSON: &str = "INSERT INTO staff (id, login, full_name, role, password_hash)
     VALUES ($1, $2, $3, $4, $5)";
const SET_PASSWORD: &str = "UPDATE staff SET password_hash = $2 WHERE login = $1";
const SET_ACTIVE: &str = "UPDATE staff SET active = $2 WHERE login = $1 RETURNING id";
const RELEASE_HELD: &str = "UPDATE survey_case
     SET lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
         lease_epoch = lease_epoch + 1, version = version + 1
     WHERE lease_holder = $1";
const ASSIGN: &str = "INSERT INTO staff_campaign (staff_id, campaign_id)
     SELECT id, $2 FROM staff WHERE login = $1 ON CONFLICT DO NOTHING";
const UNASSIGN: &str = "DELETE FROM staff_campaign
     WHERE staff_id = (SELECT id FROM staff WHERE login = $1) AND campaign_id = $2";
const PERSON: &str =
    "SELECT id, login, full_name, role, active, password_hash FROM staff WHERE login = $1";

pub async fn add_staff(conn: &mut SqliteConnection, person: &NewStaff<'_>) -> Result<Staff> {
    let hash = person.password.hash();
    let id = Uuid::now_v7();
    let added = sqlx::query(INSERT_PERSON)
        .bind(id)
        .bind(person.login.as_str())
        .bind(person.full_name)
        .bind(person.role.as_str())
        .bind(hash.as_str())
        .execute(&mut *conn)
        .await;
    match added {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(Error::Conflict(format!(
            "đã có người với tên đăng nhập “{}”",
            person.login
        ))),
        other => other.doing("thêm nhân sự").map(|_| ()),
    }?;
    Ok(person.stored(id))
}

pub async fn set_password(
    conn: &mut SqliteConnection,
    login: &Login,
    password: &Password,
) -> Result<()> {
    let done = sqlx::query(SET_PASSWORD)
        .bind(login.as_str())
        .bind(password.hash().as_str())
        .execute(&mut *conn)
        .await
        .doing("đặt mật khẩu")?;
    if done.rows_affected() == 0 {
        return Err(no_such(login));
    }
    Ok(())
}

/// Enables or disables a person; disabling hands back the cases they hold, in one transaction.
pub async fn set_active(conn: &mut SqliteConnection, login: &Login, active: bool) -> Result<u32> {
    let mut tx = conn
        .begin_with("BEGIN IMMEDIATE")
        .await
        .doing("bắt đầu ghi")?;
    let id: Option<(Uuid,)> = sqlx::query_as(SET_ACTIVE)
        .bind(login.as_str())
        .bind(active)
        .fetch_optional(&mut *tx)
        .await
        .doing("khoá hoặc mở tài khoản")?;
    let (id,) = id.ok_or_else(|| no_such(login))?;
    let released = if active {
        0
    } else {
        sqlx::query(RELEASE_HELD)
            .bind(id)
            .execute(&mut *tx)
            .await
            .doing("trả ca người này đang giữ")?
            .rows_affected()
    };
    tx.commit().await.doing("khoá hoặc mở tài khoản")?;
    Ok(u32::try_from(released).unwrap_or(u32::MAX))
}

pub async fn assign(
    conn: &mut SqliteConnection,
    login: &Login,
    campaign: Uuid,
    on: bool,
) -> Result<()> {
    let done = sqlx::query(if on { ASSIGN } else { UNASSIGN })
        .bind(login.as_str())
        .bind(campaign)
        .execute(&mut *conn)
        .await
        .doing("giao đợt khảo sát")?;
    if on && done.rows_affected() == 0 {
        // Nothing inserted: already assigned, or no such person.
        let known: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM staff WHERE login = $1")
            .bind(login.as_str())
            .fetch_optional(&mut *conn)
            .await
            .doing("giao đợt khảo sát")?;
        known.ok_or_else(|| no_such(login))?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    #[sqlx(flatten)]
    staff: StaffRow,
    password_hash: Option<String>,
}

/// The person whose login and password these are. A wrong password, an unknown login and a
/// disabled account are one answer, as PostgreSQL gives it.
pub async fn check_login(
    conn: &mut SqliteConnection,
    login: &Login,
    password: &Password,
) -> Result<Staff> {
    let found: Option<PersonRow> = sqlx::query_as(PERSON)
        .bind(login.as_str())
        .fetch_optional(&mut *conn)
        .await
        .doing("kiểm tra đăng nhập")?;
    let Some(found) = found else {
        return Err(Error::LoginRefused);
    };
    let hash = found
        .password_hash
        .as_deref()
        .and_then(PasswordHash::stored);
    let given = password.clone();
    let verified = tokio::task::spawn_blocking(move || hash.is_some_and(|h| h.verifies(&given)))
        .await
        .unwrap_or(false);
    let staff = Staff::try_from(found.staff)?;
    if verified && staff.active {
        Ok(staff)
    } else {
        Err(Error::LoginRefused)
    }
}

/// Every person has their login here already: nothing to make.
pub async fn sync_logins(_conn: &mut SqliteConnection) -> Result<u32> {
    Ok(0)
}

/// The embedded database has no session person: the core keeps who logged in.
pub async fn whoami(_conn: &mut SqliteConnection) -> Result<Option<Staff>> {
    Ok(None)
}

//! Storage of the people who work a survey: their rows, their campaigns, and what each backend
//! does to let them log in — local Argon2id accounts on SQLite (`sqlite.rs`), PostgreSQL login
//! roles made by the administrators' definer functions (`postgres.rs`). Both modules offer the
//! same functions, which `PeopleStore`'s implementation for each store calls.

pub mod postgres;
pub mod sqlite;

use async_trait::async_trait;
use uuid::Uuid;

use super::model::{NewStaff, Role, Staff};
use crate::domain::people::{Login, Password};
use crate::error::{Error, Result};

/// The people in the store, apart from the rest of [`super::Store`] (which requires it): who
/// works here, in which role, on which campaigns, and how they log in.
#[async_trait]
pub trait PeopleStore: Send + Sync {
    /// Adds a person, or updates the name and role of the one with the same login, without a
    /// way to log in (the demo's and the benchmark's people; `sync_logins` gives them one).
    async fn put_staff(&self, staff: &Staff) -> Result<()>;
    async fn staff(&self) -> Result<Vec<Staff>>;
    /// Adds a person who logs in with their password: on PostgreSQL their own login role, in
    /// their role's group, allowed into this database only (administrators only). A login in
    /// use is a conflict.
    async fn add_staff(&self, person: &NewStaff<'_>) -> Result<Staff>;
    /// Sets a person's password (an administrator's doing, or one's own).
    async fn set_password(&self, login: &Login, password: &Password) -> Result<()>;
    /// Enables or disables a person's login; disabling hands back the cases they hold (how
    /// many is returned) and, on PostgreSQL, ends their open sessions.
    async fn set_active(&self, login: &Login, active: bool) -> Result<u32>;
    /// Puts a person on a campaign (`on`) or takes them off it.
    async fn assign(&self, login: &Login, campaign: Uuid, on: bool) -> Result<()>;
    /// Every (person, campaign) assignment.
    async fn assignments(&self) -> Result<Vec<(Uuid, Uuid)>>;
    /// A login role for each person without one (a database from before login roles): how
    /// many were made; nothing to do on SQLite.
    async fn sync_logins(&self) -> Result<u32>;
    /// The person this session is: on PostgreSQL its role's; `None` on SQLite, where the core
    /// keeps the session, and for the database administrator's session.
    async fn whoami(&self) -> Result<Option<Staff>>;
    /// SQLite's local accounts: the person these are the login and password of. A wrong
    /// password, an unknown login and a disabled account all give `LoginRefused`.
    async fn check_login(&self, login: &Login, password: &Password) -> Result<Staff>;
}

/// Implements [`PeopleStore`] for a backend's store (`$store`, its `conn()`) with that backend's
/// module of people functions (`$people`: `sqlite` or `postgres` here).
macro_rules! people_store {
    ($store:ident, $people:path) => {
        const _: () = {
            use async_trait::async_trait;
            use uuid::Uuid;

            use crate::domain::people::{Login, Password};
            use crate::error::{DbContext, Result};
            use crate::store::model::{NewStaff, Staff};
            use crate::store::people::*;
            use $people as backend;

            #[async_trait]
            impl PeopleStore for $store {
                async fn put_staff(&self, staff: &Staff) -> Result<()> {
                    sqlx::query(INSERT_STAFF)
                        .bind(staff.id)
                        .bind(&staff.login)
                        .bind(&staff.full_name)
                        .bind(staff.role.as_str())
                        .execute(&mut *self.conn().await?)
                        .await
                        .doing("lưu nhân sự")?;
                    Ok(())
                }

                async fn staff(&self) -> Result<Vec<Staff>> {
                    let found: Vec<StaffRow> = sqlx::query_as(SELECT_STAFF)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc nhân sự")?;
                    found.into_iter().map(Staff::try_from).collect()
                }

                async fn add_staff(&self, person: &NewStaff<'_>) -> Result<Staff> {
                    backend::add_staff(&mut *self.conn().await?, person).await
                }

                async fn set_password(&self, login: &Login, password: &Password) -> Result<()> {
                    backend::set_password(&mut *self.conn().await?, login, password).await
                }

                async fn set_active(&self, login: &Login, active: bool) -> Result<u32> {
                    backend::set_active(&mut *self.conn().await?, login, active).await
                }

                async fn assign(&self, login: &Login, campaign: Uuid, on: bool) -> Result<()> {
                    backend::assign(&mut *self.conn().await?, login, campaign, on).await
                }

                async fn assignments(&self) -> Result<Vec<(Uuid, Uuid)>> {
                    sqlx::query_as(SELECT_ASSIGNMENTS)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc phân công")
                }

                async fn sync_logins(&self) -> Result<u32> {
                    backend::sync_logins(&mut *self.conn().await?).await
                }

                async fn whoami(&self) -> Result<Option<Staff>> {
                    backend::whoami(&mut *self.conn().await?).await
                }

                async fn check_login(&self, login: &Login, password: &Password) -> Result<Staff> {
                    backend::check_login(&mut *self.conn().await?, login, password).await
                }
            }
        };
    };
}

pub(crate) use people_store;

/// Adds a person or updates the name and role of the one with the same login (the demo's and
/// the benchmark's people, and rows written by earlier releases).
pub const INSERT_STAFF: &str =
    "INSERT INTO staff (id, login, full_name, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT (login) DO UPDATE SET full_name = excluded.full_name, role = excluded.role";
pub const SELECT_STAFF: &str =
    "SELECT id, login, full_name, role, active FROM staff ORDER BY role, login";
pub const SELECT_ASSIGNMENTS: &str =
    "SELECT staff_id, campaign_id FROM staff_campaign ORDER BY staff_id, campaign_id";

#[derive(sqlx::FromRow)]
pub struct StaffRow {
    id: Uuid,
    login: String,
    full_name: String,
    role: String,
    active: bool,
}

impl TryFrom<StaffRow> for Staff {
    type Error = Error;
    fn try_from(row: StaffRow) -> Result<Self> {
        let role = Role::parse(&row.role).ok_or_else(|| super::rows::corrupt("nhân sự", row.id))?;
        Ok(Staff {
            id: row.id,
            login: row.login,
            full_name: row.full_name,
            role,
            active: row.active,
        })
    }
}

/// No person has this login.
pub fn no_such(login: &crate::domain::people::Login) -> Error {
    Error::not_found("người có tên đăng nhập", login)
}

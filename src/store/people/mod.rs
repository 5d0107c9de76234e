//! Storage of the people who work a survey: their rows, their campaigns, and what each backend
//! does to let them log in — local Argon2id accounts on SQLite (`sqlite.rs`), PostgreSQL login
//! roles made by the administrators' definer functions (`postgres.rs`). Both modules offer the
//! same functions, which the `Store` implementation calls.

pub mod postgres;
pub mod sqlite;

use uuid::Uuid;

use super::model::{Role, Staff};
use crate::error::{Error, Result};

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

//! The people of a call center, as an administrator manages them: add a person with their
//! first password and campaigns, list them, disable or enable a login, set a password, put a
//! person on a campaign or take them off it, and give login roles to the people of a database
//! made before logins existed. On PostgreSQL the database itself allows these to administrators
//! only; what is checked here is what a person typed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use crate::domain::people::{Login, Password, Role};
use crate::error::{Error, Result};
use crate::store::model::{Campaign, NewStaff};
use crate::store::Store;

use super::session::Session;

/// A person as the staff list shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonView {
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub active: bool,
    /// The codes of the campaigns they work or supervise.
    pub campaigns: Vec<String>,
}

/// A person to add, as an administrator types them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    pub login: String,
    pub full_name: String,
    pub role: Role,
    /// Codes of the campaigns they work or supervise.
    pub campaigns: Vec<String>,
}

/// A login as typed, or why it is not one.
pub fn login(text: &str) -> Result<Login> {
    Login::parse(text).map_err(|e| Error::Invalid(e.to_string()))
}

/// A new password for `login`, or why it is refused (never the password itself).
pub fn new_password(text: &str, login: &Login) -> Result<Password> {
    Password::new_for(text, login).map_err(|e| Error::Invalid(e.to_string()))
}

async fn campaign(store: &dyn Store, code: &str) -> Result<Campaign> {
    store
        .campaign_by_code(code.trim())
        .await?
        .ok_or_else(|| Error::not_found("đợt khảo sát", code.trim()))
}

/// Adds a person who logs in with `password`, on the campaigns named.
pub async fn add(session: &Session, person: &NewPerson, password: &str) -> Result<PersonView> {
    session.require_admin("thêm người")?;
    let store = session.store();
    let login = login(&person.login)?;
    let full_name: String = person.full_name.trim().nfc().collect();
    if full_name.is_empty() {
        return Err(Error::Invalid("cần họ tên của người này".to_owned()));
    }
    let password = new_password(password, &login)?;
    let mut campaigns = Vec::with_capacity(person.campaigns.len());
    for code in &person.campaigns {
        campaigns.push(campaign(store, code).await?);
    }
    store
        .add_staff(&NewStaff {
            login: &login,
            full_name: &full_name,
            role: person.role,
            password: &password,
        })
        .await?;
    for c in &campaigns {
        store.assign(&login, c.id, true).await?;
    }
    tracing::info!(login = %login, role = person.role.as_str(), "person added");
    Ok(PersonView {
        login: login.to_string(),
        full_name,
        role: person.role,
        active: true,
        campaigns: campaigns.into_iter().map(|c| c.code).collect(),
    })
}

/// Everyone, with their campaigns.
pub async fn list(session: &Session) -> Result<Vec<PersonView>> {
    session.require_admin("xem danh sách nhân sự")?;
    let store = session.store();
    let campaigns: std::collections::HashMap<uuid::Uuid, String> = store
        .campaigns()
        .await?
        .into_iter()
        .map(|c| (c.id, c.code))
        .collect();
    let assignments = store.assignments().await?;
    Ok(store
        .staff()
        .await?
        .into_iter()
        .map(|s| {
            let mut codes: Vec<String> = assignments
                .iter()
                .filter(|(person, _)| *person == s.id)
                .filter_map(|(_, campaign)| campaigns.get(campaign).cloned())
                .collect();
            codes.sort();
            PersonView {
                login: s.login,
                full_name: s.full_name,
                role: s.role,
                active: s.active,
                campaigns: codes,
            }
        })
        .collect())
}

/// Disables (`false`) or enables a login; a disabled person's held cases go back to the pool.
/// Returns how many were handed back.
pub async fn set_active(session: &Session, person: &str, active: bool) -> Result<u32> {
    session.require_admin("khoá hoặc mở tài khoản")?;
    let login = login(person)?;
    let released = session.store().set_active(&login, active).await?;
    tracing::info!(login = %login, active, released, "login enabled or disabled");
    Ok(released)
}

/// Sets a password: an administrator's for anyone, or a person's own.
pub async fn set_password(session: &Session, person: &str, password: &str) -> Result<()> {
    let login = login(person)?;
    let own = session.view().is_some_and(|me| me.login == login.as_str());
    if !own {
        session.require_admin("đặt mật khẩu của người khác")?;
    }
    let password = new_password(password, &login)?;
    session.store().set_password(&login, &password).await?;
    tracing::info!(login = %login, "password set");
    Ok(())
}

/// Puts a person on a campaign (`on`) or takes them off it.
pub async fn assign(session: &Session, person: &str, code: &str, on: bool) -> Result<()> {
    session.require_admin("giao đợt khảo sát")?;
    let login = login(person)?;
    let campaign = campaign(session.store(), code).await?;
    session.store().assign(&login, campaign.id, on).await?;
    tracing::info!(login = %login, campaign = %campaign.id, on, "assignment changed");
    Ok(())
}

/// Login roles for the people of a database made before login roles existed.
pub async fn sync(session: &Session) -> Result<u32> {
    session.require_admin("tạo vai trò đăng nhập")?;
    session.store().sync_logins().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_login_and_password_are_checked_with_a_reason() {
        assert_eq!(
            login(" DTV.Lan ").map(String::from).ok(),
            Some("dtv.lan".to_owned())
        );
        let refused = login("dtv lan").expect_err("a space");
        assert!(refused.to_string().contains("dtv lan"));
        let lan = login("dtv.lan").expect("login");
        let short = new_password("ngan", &lan).expect_err("short").to_string();
        assert!(
            short.contains("ít nhất 8") && !short.contains("ngan"),
            "{short}"
        );
    }
}

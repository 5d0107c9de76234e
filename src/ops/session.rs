//! Who is working: the person a session belongs to, with their role and campaigns. Every use
//! case that needs a person takes the [`Session`], never an id a screen or a script sends. On
//! PostgreSQL the session is a connection as the person's own role (the database checked the
//! password and enforces its policies; the core's checks here only give a clear message first);
//! on SQLite, one workstation's file, it is the local account whose password the core checked,
//! and these checks are the rules. A session of the database's administrator (a PostgreSQL
//! superuser running `khaosat init`, or the CLI on the embedded file without `--as`) is nobody's:
//! it may manage the database, its people and its campaigns, but not call or move cases.

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::people::{Login, Password, Role};
use crate::error::{Error, Result};
use crate::store::model::{Lease, Staff};
use crate::store::{PostgresStore, Store};

/// A person's session, or the database administrator's.
#[derive(Debug, Clone)]
pub struct Session {
    store: Arc<dyn Store>,
    me: Option<Staff>,
    /// The campaigns the person works or supervises.
    campaigns: Vec<Uuid>,
}

/// The person a session belongs to, as the window shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub login: String,
    pub full_name: String,
    pub role: Role,
}

impl Session {
    /// The session of a person already authenticated: on PostgreSQL the store's connection is
    /// theirs; on SQLite `check_login` accepted their password.
    pub async fn of(store: Arc<dyn Store>, me: Staff) -> Result<Self> {
        if !me.active {
            return Err(Error::LoginRefused);
        }
        let campaigns = store
            .assignments()
            .await?
            .into_iter()
            .filter(|(person, _)| *person == me.id)
            .map(|(_, campaign)| campaign)
            .collect();
        Ok(Self {
            store,
            me: Some(me),
            campaigns,
        })
    }

    /// The database administrator's session: nobody's.
    pub fn administrator(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            me: None,
            campaigns: Vec::new(),
        }
    }

    /// Logs a person in on the embedded database's file.
    pub async fn local(store: Arc<dyn Store>, login: &str, password: &Password) -> Result<Self> {
        let login = Login::parse(login).map_err(|_| Error::LoginRefused)?;
        let me = store.check_login(&login, password).await?;
        tracing::info!(person = %me.id, "logged in");
        Self::of(store, me).await
    }

    /// The owner of the embedded file acting as one of its people (the CLI's `--as`): no
    /// password, since whoever may run the CLI on the file may read the file itself (it is
    /// readable by its owner only); the person's role and campaigns still decide what they
    /// may do. Refused on PostgreSQL, where the connection is the person.
    pub async fn acting_as(store: Arc<dyn Store>, login: &str) -> Result<Self> {
        if store.backend() != crate::store::Backend::Sqlite {
            return Err(Error::Invalid(
                "trên cơ sở dữ liệu dùng chung, người làm việc là tài khoản trong địa chỉ kết nối (postgres://TÊN_ĐĂNG_NHẬP@…)".to_owned(),
            ));
        }
        let login = Login::parse(login).map_err(|e| Error::Invalid(e.to_string()))?;
        let me = store
            .staff()
            .await?
            .into_iter()
            .find(|s| s.login == login.as_str())
            .ok_or_else(|| Error::not_found("người có tên đăng nhập", &login))?;
        Self::of(store, me).await
    }

    /// The session of the store's own connection: on PostgreSQL, the person its role is (or
    /// the administrator's, for a superuser's connection); on SQLite, the administrator's.
    pub async fn connected(store: Arc<dyn Store>) -> Result<Self> {
        match store.whoami().await? {
            Some(me) => Self::of(store, me).await,
            None => Ok(Self::administrator(store)),
        }
    }

    /// Logs a person in on a shared PostgreSQL database: connects as their role with their
    /// password (the server checks it), and the session is the person that role is.
    pub async fn postgres(server: &str, login: &str, password: &Password) -> Result<Self> {
        let login = Login::parse(login).map_err(|_| Error::LoginRefused)?;
        let store: Arc<dyn Store> =
            Arc::new(PostgresStore::connect_as(server, &login, password).await?);
        let me = store.whoami().await?.ok_or(Error::LoginRefused)?;
        tracing::info!(person = %me.id, "logged in");
        Self::of(store, me).await
    }

    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// The store, to share with a new session or a background task.
    pub fn shared_store(&self) -> Arc<dyn Store> {
        Arc::clone(&self.store)
    }

    pub fn view(&self) -> Option<SessionView> {
        self.me.as_ref().map(|me| SessionView {
            login: me.login.clone(),
            full_name: me.full_name.clone(),
            role: me.role,
        })
    }

    /// The login of the person acting; `None` for the administrator's session (the embedded
    /// file's, or the PostgreSQL administrator's).
    pub fn login(&self) -> Option<String> {
        self.me.as_ref().map(|me| me.login.clone())
    }

    /// The person working; refused for the administrator's session, which calls nobody.
    pub fn person(&self) -> Result<&Staff> {
        self.me.as_ref().ok_or_else(|| {
            Error::Forbidden(
                "việc này cần đăng nhập bằng tài khoản của một người (trên tệp dữ liệu riêng: khaosat --as TÊN_ĐĂNG_NHẬP)".to_owned(),
            )
        })
    }

    /// The role of the session; the administrator's counts as an administrator.
    pub fn role(&self) -> Role {
        self.me.as_ref().map_or(Role::Admin, |me| me.role)
    }

    /// Whether the person is an administrator (or this is the administrator's session).
    pub fn is_admin(&self) -> bool {
        self.role() == Role::Admin
    }

    /// Refused unless an administrator: `what` says what was asked, for the message.
    pub fn require_admin(&self, what: &str) -> Result<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(Error::Forbidden(format!("chỉ quản trị viên được {what}")))
        }
    }

    /// Whether the session may read the campaign: its people, and administrators.
    pub fn works_on(&self, campaign: Uuid) -> bool {
        self.is_admin() || self.campaigns.contains(&campaign)
    }

    /// The campaigns the person is assigned to (administrators see every campaign).
    pub fn assigned(&self) -> &[Uuid] {
        &self.campaigns
    }

    /// Refused unless a supervisor of the campaign, or an administrator: `what` says what.
    pub fn supervise(&self, campaign: Uuid, what: &str) -> Result<()> {
        let allowed = self.is_admin()
            || (self.role() == Role::Supervisor && self.campaigns.contains(&campaign));
        if allowed {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "chỉ giám sát viên của đợt khảo sát này được {what}"
            )))
        }
    }

    /// The operator working the campaign: refused for anyone not assigned to it.
    pub fn operator_on(&self, campaign: Uuid) -> Result<&Staff> {
        let me = self.person()?;
        if me.role == Role::Operator && self.campaigns.contains(&campaign) {
            Ok(me)
        } else if me.role == Role::Operator {
            Err(Error::Forbidden(
                "bạn chưa được giao đợt khảo sát này".to_owned(),
            ))
        } else {
            Err(Error::Forbidden(
                "chỉ điện thoại viên nhận ca để gọi".to_owned(),
            ))
        }
    }

    /// The lease must be the person's own: a write under someone else's is refused (on
    /// PostgreSQL the database refuses it too).
    pub fn own_lease(&self, lease: &Lease) -> Result<&Staff> {
        let me = self.person()?;
        if lease.holder == me.id {
            Ok(me)
        } else {
            Err(Error::LeaseLost {
                case: lease.case_id,
            })
        }
    }
}

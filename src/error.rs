//! The core's one error type. Messages are short Vietnamese sentences a person can act on and
//! name records by id only: never a name, a phone number or SQL text. The IPC edge maps each
//! variant to a stable kind (see `api::ApiError`).

use uuid::Uuid;

use crate::domain::schedule::ScheduleError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("không tìm thấy {what} {id}")]
    NotFound { what: &'static str, id: String },
    #[error(
        "ca {case} không còn do bạn giữ: thời hạn giữ ca đã hết và ca đã được giao cho người khác"
    )]
    LeaseLost { case: Uuid },
    #[error(transparent)]
    Rule(#[from] ScheduleError),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Conflict(String),
    /// The person may not do this: their role, their campaigns, or a case that is not theirs.
    #[error("{0}")]
    Forbidden(String),
    /// The login and password do not open the database (a wrong password, an unknown or
    /// disabled login: the database does not say which, and neither do we).
    #[error("tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá")]
    LoginRefused,
    #[error("không kết nối được cơ sở dữ liệu ({0})")]
    Unavailable(String),
    #[error("cơ sở dữ liệu báo lỗi khi {doing}")]
    Database {
        doing: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("lỗi khi cập nhật cấu trúc cơ sở dữ liệu")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn not_found(what: &'static str, id: impl ToString) -> Self {
        Error::NotFound {
            what,
            id: id.to_string(),
        }
    }
}

/// How the schema's own functions begin a refusal meant for the person (see the migrations).
const OWN_REFUSAL: &str = "khaosat: ";

/// Adds what the store was doing to a database error, and tells a lost connection apart.
pub trait DbContext<T> {
    fn doing(self, doing: &'static str) -> Result<T>;
}

impl<T> DbContext<T> for std::result::Result<T, sqlx::Error> {
    fn doing(self, doing: &'static str) -> Result<T> {
        self.map_err(|source| match source {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolClosed => {
                tracing::warn!(error = %source, doing, "database unreachable");
                Error::Unavailable(doing.to_owned())
            }
            // The schema's own functions refuse with a sentence for people (`khaosat: …`).
            sqlx::Error::Database(ref db) if db.message().starts_with(OWN_REFUSAL) => {
                let reason = db.message().trim_start_matches(OWN_REFUSAL).to_owned();
                match db.code().as_deref() {
                    Some("42501") => Error::Forbidden(reason),
                    Some("23505" | "42710") => Error::Conflict(reason),
                    _ => Error::Invalid(reason),
                }
            }
            sqlx::Error::Database(ref db) if db.code().as_deref() == Some("42501") => {
                tracing::warn!(doing, "refused by the database's permissions");
                Error::Forbidden(format!("bạn không có quyền {doing}"))
            }
            sqlx::Error::Database(ref db)
                if matches!(db.code().as_deref(), Some("28P01" | "28000")) =>
            {
                Error::LoginRefused
            }
            source => Error::Database { doing, source },
        })
    }
}

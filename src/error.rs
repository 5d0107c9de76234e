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
            source => Error::Database { doing, source },
        })
    }
}

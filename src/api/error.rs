//! The error the desktop receives: a stable kind the UI can branch on and a short Vietnamese
//! message a person can act on. Database details stay in the log (with ids, never personal
//! data); they never reach the screen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// What was asked for does not exist.
    NotFound,
    /// The case is no longer held under this lease: another operator has it now.
    LeaseLost,
    /// The request breaks a rule (a missing appointment, an unanswered question…).
    Invalid,
    /// Someone else changed the same thing first.
    Conflict,
    /// The person may not do this (their role, their campaigns, a case not theirs).
    Forbidden,
    /// The login or the password is wrong, or the account is disabled.
    LoginRefused,
    /// The database cannot be reached.
    Unavailable,
    /// Something went wrong that the person cannot fix; details are in the log.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct ApiError {
    pub kind: ErrorKind,
    /// One sentence in Vietnamese, starting with a capital letter.
    pub message: String,
}

fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => String::new(),
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        let kind = match &error {
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::LeaseLost { .. } => ErrorKind::LeaseLost,
            Error::Rule(_) | Error::Invalid(_) => ErrorKind::Invalid,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Forbidden(_) => ErrorKind::Forbidden,
            Error::LoginRefused => ErrorKind::LoginRefused,
            Error::Unavailable(_) => ErrorKind::Unavailable,
            Error::Database { .. } | Error::Migration(_) => ErrorKind::Internal,
        };
        match kind {
            ErrorKind::Internal => {
                tracing::error!(error = %format!("{error:#}"), source = ?std::error::Error::source(&error).map(ToString::to_string), "request failed")
            }
            _ => tracing::warn!(error = %error, "request refused"),
        }
        ApiError {
            kind,
            message: sentence(&error.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn database_errors_reach_people_without_sql() {
        let error = Error::Database {
            doing: "ghi lần gọi",
            source: sqlx::Error::Protocol("syntax error at or near SELECT".into()),
        };
        let api = ApiError::from(error);
        assert_eq!(api.kind, ErrorKind::Internal);
        assert_eq!(api.message, "Cơ sở dữ liệu báo lỗi khi ghi lần gọi.");
    }

    #[test]
    fn a_lost_lease_is_its_own_kind() {
        let case = Uuid::nil();
        let api = ApiError::from(Error::LeaseLost { case });
        assert_eq!(api.kind, ErrorKind::LeaseLost);
        assert!(api.message.starts_with("Ca 00000000-"), "{}", api.message);
        let json = serde_json::to_value(&api).expect("serialisable");
        assert_eq!(json["kind"], "leaseLost");
    }
}

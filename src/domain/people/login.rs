//! A person's login: what they type on the start screen, and in shared mode the name of their
//! PostgreSQL role, so it must be a name PostgreSQL takes and no role of PostgreSQL's own or of
//! Khảo sát's groups. Parsed once; a stored or typed login is known good.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The longest login: PostgreSQL's role names stop at 63 bytes.
pub const MAX_LEN: usize = 40;

/// Names a login may not take: PostgreSQL's own and Khảo sát's group roles.
const RESERVED: &[&str] = &[
    "postgres",
    "public",
    "none",
    "current_user",
    "current_role",
    "session_user",
    "all",
];

/// A well-formed login: lower-case letters, digits, `.`, `_` and `-`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(try_from = "String", into = "String")]
#[ts(type = "string")]
pub struct Login(String);

/// Why a text is not a login.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadLogin {
    #[error("tên đăng nhập không được để trống")]
    Empty,
    #[error("tên đăng nhập “{0}” dài quá {MAX_LEN} ký tự")]
    TooLong(String),
    #[error("tên đăng nhập “{0}” phải bắt đầu bằng một chữ cái không dấu (a–z)")]
    BadStart(String),
    #[error(
        "tên đăng nhập “{0}” chỉ được có chữ không dấu, chữ số và các dấu . _ - (ví dụ dtv.lan)"
    )]
    BadCharacter(String),
    #[error("tên đăng nhập “{0}” là tên dành riêng của PostgreSQL hoặc của Khảo sát")]
    Reserved(String),
}

impl Login {
    /// Reads a login as a person types it: surrounding spaces and capitals do not matter.
    pub fn parse(text: &str) -> Result<Self, BadLogin> {
        let login = text.trim().to_lowercase();
        let first = login.chars().next().ok_or(BadLogin::Empty)?;
        if login.len() > MAX_LEN {
            return Err(BadLogin::TooLong(text.trim().to_owned()));
        }
        if !first.is_ascii_lowercase() {
            return Err(BadLogin::BadStart(text.trim().to_owned()));
        }
        if !login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
        {
            return Err(BadLogin::BadCharacter(text.trim().to_owned()));
        }
        if RESERVED.contains(&login.as_str())
            || login.starts_with("pg_")
            || login.starts_with("khaosat_")
        {
            return Err(BadLogin::Reserved(login));
        }
        Ok(Self(login))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Login {
    type Error = BadLogin;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Self::parse(&text)
    }
}

impl From<Login> for String {
    fn from(login: Login) -> Self {
        login.0
    }
}

impl fmt::Display for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_read_as_people_type_them() {
        for (typed, login) in [
            ("dtv.lan", "dtv.lan"),
            ("  GSV.Hong ", "gsv.hong"),
            ("quan_tri-2", "quan_tri-2"),
            ("a1", "a1"),
        ] {
            assert_eq!(Login::parse(typed).map(String::from), Ok(login.to_owned()));
        }
    }

    #[test]
    fn what_postgresql_or_a_person_would_trip_on_is_refused() {
        assert_eq!(Login::parse("  "), Err(BadLogin::Empty));
        assert!(matches!(Login::parse("1dtv"), Err(BadLogin::BadStart(_))));
        assert!(matches!(Login::parse(".lan"), Err(BadLogin::BadStart(_))));
        for bad in ["dtv lan", "dtv.lân", "dtv\"; drop", "dtv@lan", "đtv"] {
            assert!(Login::parse(bad).is_err(), "{bad}");
        }
        assert!(matches!(
            Login::parse(&"a".repeat(41)),
            Err(BadLogin::TooLong(_))
        ));
        for reserved in ["postgres", "Public", "pg_monitor", "khaosat_operator"] {
            assert!(
                matches!(Login::parse(reserved), Err(BadLogin::Reserved(_))),
                "{reserved}"
            );
        }
    }

    #[test]
    fn the_reason_names_the_login_in_vietnamese() {
        let message = Login::parse("dtv lan").expect_err("space").to_string();
        assert!(
            message.contains("“dtv lan”") && message.contains("chữ không dấu"),
            "{message}"
        );
    }
}

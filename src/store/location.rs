//! Where the database is: `sqlite://PATH` or `postgres://…`, from `--db`, `KHAOSAT_DB`, or the
//! platform data directory's SQLite file. A PostgreSQL URL's password never shows in `Debug`
//! or `Display`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, Result};

#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseLocation {
    Sqlite(PathBuf),
    Postgres(PostgresUrl),
}

/// A PostgreSQL connection URL, kept whole for connecting and shown without its password.
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresUrl(String);

impl fmt::Debug for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl PostgresUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }

    fn redacted(&self) -> String {
        match (self.0.find("://"), self.0.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &self.0[scheme_end + 3..at];
                let user = credentials.split(':').next().unwrap_or_default();
                let hidden = if credentials.contains(':') {
                    ":***"
                } else {
                    ""
                };
                format!(
                    "{}{user}{hidden}{}",
                    &self.0[..scheme_end + 3],
                    &self.0[at..]
                )
            }
            _ => self.0.clone(),
        }
    }
}

impl FromStr for DatabaseLocation {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Ok(DatabaseLocation::Postgres(PostgresUrl(text.to_owned())));
        }
        let path = text
            .strip_prefix("sqlite://")
            .or_else(|| text.strip_prefix("sqlite:"))
            .ok_or_else(|| {
                Error::Invalid(
                    "địa chỉ cơ sở dữ liệu phải bắt đầu bằng sqlite:// hoặc postgres://".to_owned(),
                )
            })?;
        if path.is_empty() {
            return Err(Error::Invalid(
                "địa chỉ sqlite:// thiếu đường dẫn tệp".to_owned(),
            ));
        }
        Ok(DatabaseLocation::Sqlite(PathBuf::from(path)))
    }
}

impl DatabaseLocation {
    /// The location given, or the embedded default in the user's data directory.
    pub fn resolve(given: Option<&str>) -> Result<Self> {
        match given.map(str::trim).filter(|s| !s.is_empty()) {
            Some(text) => text.parse(),
            None => Ok(DatabaseLocation::Sqlite(default_sqlite_path()?)),
        }
    }

    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            DatabaseLocation::Sqlite(path) => Some(path),
            DatabaseLocation::Postgres(_) => None,
        }
    }
}

/// The embedded database's file in the platform data directory
/// (`~/.local/share/khaosat/khaosat.sqlite3` on Linux).
pub fn default_sqlite_path() -> Result<PathBuf> {
    directories::ProjectDirs::from("vn", "Khao Sat", "khaosat")
        .map(|dirs| dirs.data_dir().join("khaosat.sqlite3"))
        .ok_or_else(|| {
            Error::Invalid("không xác định được thư mục dữ liệu của người dùng".to_owned())
        })
}

impl fmt::Display for DatabaseLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseLocation::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseLocation::Postgres(url) => f.write_str(&url.redacted()),
        }
    }
}

impl fmt::Debug for DatabaseLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_and_postgres_urls_are_told_apart() {
        assert_eq!(
            DatabaseLocation::resolve(Some("sqlite:///tmp/a.db")).expect("valid"),
            DatabaseLocation::Sqlite(PathBuf::from("/tmp/a.db"))
        );
        assert_eq!(
            DatabaseLocation::resolve(Some("sqlite:rel.db")).expect("valid"),
            DatabaseLocation::Sqlite(PathBuf::from("rel.db"))
        );
        assert!(matches!(
            DatabaseLocation::resolve(Some("postgresql://u@h/db")).expect("valid"),
            DatabaseLocation::Postgres(_)
        ));
        assert!(DatabaseLocation::resolve(Some("mysql://h/db")).is_err());
        assert!(DatabaseLocation::resolve(Some("sqlite://")).is_err());
    }

    #[test]
    fn no_location_means_the_data_directory_file() {
        let location = DatabaseLocation::resolve(None).expect("a home directory");
        let path = location.sqlite_path().expect("sqlite").to_path_buf();
        assert!(path.ends_with("khaosat.sqlite3"), "{}", path.display());
        assert_eq!(
            DatabaseLocation::resolve(Some("  ")).expect("blank"),
            location
        );
    }

    #[test]
    fn passwords_never_show() {
        let location: DatabaseLocation = "postgres://lan:s3cret@db.tongdai1022.vn:5432/khaosat"
            .parse()
            .expect("valid");
        let shown = format!("{location} {location:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("postgres://lan:***@db.tongdai1022.vn:5432/khaosat"),
            "{shown}"
        );
    }
}

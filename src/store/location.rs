//! Where the database is: `sqlite://PATH` or `postgres://…`, from `--db`, `KHAOSAT_DB`, or the
//! platform data directory's SQLite file. A PostgreSQL URL's password — before the `@` or as a
//! `password=` parameter, percent-encoded or not — never shows in `Debug` or `Display`; and a URL
//! that would talk to another machine in plain text is refused before connecting.

use std::fmt;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgSslMode};

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

/// What a hidden secret is shown as.
const HIDDEN: &str = "***";

impl PostgresUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL as sqlx reads it (the same parser), with the password after the user, every
    /// parameter whose name holds "password" (`password`, `sslpassword`, even percent-encoded)
    /// and any fragment replaced by `***`. A URL that does not parse is never used to connect,
    /// so nothing of it past the scheme is shown.
    fn redacted(&self) -> String {
        let Ok(mut url) = url::Url::parse(&self.0) else {
            let scheme = self.0.split("://").next().unwrap_or_default();
            return format!("{scheme}://{HIDDEN}");
        };
        if url.password().is_some() && url.set_password(Some(HIDDEN)).is_err() {
            return format!("{}://{HIDDEN}", url.scheme());
        }
        if let Some(query) = url.query() {
            let query = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((name, _)) if names_a_password(name) => format!("{name}={HIDDEN}"),
                    _ => pair.to_owned(),
                })
                .collect::<Vec<_>>()
                .join("&");
            url.set_query(Some(&query));
        }
        if url.fragment().is_some() {
            url.set_fragment(Some(HIDDEN));
        }
        url.into()
    }
}

/// Whether a query parameter's name, once decoded as sqlx decodes it, is a password's.
fn names_a_password(raw: &str) -> bool {
    url::form_urlencoded::parse(raw.as_bytes())
        .next()
        .is_some_and(|(name, _)| name.to_lowercase().contains("password"))
}

/// Refuses, before any connection, options that would carry the session (names, phone numbers,
/// answers; the password itself under `password` authentication) in plain text to another
/// machine. A host is local when it is `localhost`, a loopback
/// address (127.0.0.0/8, `::1`) or a unix-socket directory (including the default when the URL
/// names no host); by what the URL says, not what DNS answers today. Elsewhere the URL must say
/// `sslmode=require`, `verify-ca` or `verify-full`, or choose plain text with `sslmode=disable`:
/// no `sslmode`, `prefer` and `allow` fall back to plain text without a word, so they are refused.
/// `PGHOST`, `PGHOSTADDR` and `PGSSLMODE` count, as sqlx reads them when the URL is silent.
pub(super) fn refuse_plain_text_to_remote(options: &PgConnectOptions) -> Result<()> {
    let chosen = matches!(
        options.get_ssl_mode(),
        PgSslMode::Disable | PgSslMode::Require | PgSslMode::VerifyCa | PgSslMode::VerifyFull
    );
    if chosen || options.get_socket().is_some() || is_local_host(options.get_host()) {
        return Ok(());
    }
    Err(Error::Invalid(format!(
        "kết nối tới máy chủ {} không được mã hoá: thêm sslmode=verify-full (và sslrootcert=…) \
         vào địa chỉ, hoặc sslmode=disable nếu chắc chắn mạng này an toàn",
        options.get_host()
    )))
}

fn is_local_host(host: &str) -> bool {
    let bare = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    bare.is_empty()
        || bare.starts_with('/')
        || bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
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

    /// The same database with no user and no password in it: the server a person logs in to,
    /// and what the window may show of it.
    pub fn server(&self) -> Self {
        match self {
            DatabaseLocation::Sqlite(_) => self.clone(),
            DatabaseLocation::Postgres(url) => {
                let Ok(mut parsed) = url::Url::parse(url.expose()) else {
                    return self.clone();
                };
                let _ = parsed.set_username("");
                let _ = parsed.set_password(None);
                let kept: Vec<(String, String)> = parsed
                    .query_pairs()
                    .filter(|(name, _)| !name.to_lowercase().contains("password") && name != "user")
                    .map(|(name, value)| (name.into_owned(), value.into_owned()))
                    .collect();
                if kept.is_empty() {
                    parsed.set_query(None);
                } else {
                    parsed.query_pairs_mut().clear().extend_pairs(kept);
                }
                parsed.set_fragment(None);
                DatabaseLocation::Postgres(PostgresUrl(parsed.into()))
            }
        }
    }

    /// The `postgres://` URL to connect with, secrets included; `None` for SQLite.
    pub fn postgres_url(&self) -> Option<&str> {
        match self {
            DatabaseLocation::Postgres(url) => Some(url.expose()),
            DatabaseLocation::Sqlite(_) => None,
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

    /// Shown as `Display` and `Debug` of the location, which must agree.
    fn shown(url: &str) -> String {
        let location: DatabaseLocation = url.parse().expect("a postgres URL");
        let (display, debug) = (location.to_string(), format!("{location:?}"));
        assert_eq!(display, debug);
        display
    }

    #[test]
    fn passwords_never_show() {
        let table = [
            (
                "postgres://lan:s3cret@db.tongdai1022.vn:5432/khaosat",
                "postgres://lan:***@db.tongdai1022.vn:5432/khaosat",
            ),
            (
                "postgres://lan@db.tongdai.local/khaosat?password=s3cret",
                "postgres://lan@db.tongdai.local/khaosat?password=***",
            ),
            (
                "postgres://lan@db/khaosat?sslmode=verify-full&password=s3cret&sslrootcert=/etc/khaosat/ca.crt",
                "postgres://lan@db/khaosat?sslmode=verify-full&password=***&sslrootcert=/etc/khaosat/ca.crt",
            ),
            // Percent-encoded: "mật@khẩu s3cret" after the user, and the parameter's name.
            (
                "postgres://lan:m%E1%BA%ADt%40kh%E1%BA%A9u%20s3cret@db/khaosat",
                "postgres://lan:***@db/khaosat",
            ),
            ("postgres://lan@db/khaosat?%70assword=s3cret", "postgres://lan@db/khaosat?%70assword=***"),
            ("postgres://lan@db/khaosat?PASSWORD=s3cret", "postgres://lan@db/khaosat?PASSWORD=***"),
            ("postgres://lan@db/khaosat?sslpassword=s3cret", "postgres://lan@db/khaosat?sslpassword=***"),
            // Unescaped `@` and `#` in a password: the last `@` ends it, a `#` starts a fragment.
            ("postgresql://lan:s3@cret@db/khaosat", "postgresql://lan:***@db/khaosat"),
            ("postgres://lan@db/khaosat?password=s3#cret", "postgres://lan@db/khaosat?password=***#***"),
            // Unparseable (a `/` in the password ends the host): sqlx cannot use it either.
            ("postgres://lan:s3/cret@db/khaosat", "postgres://***"),
            (
                "postgres://lan@db.tongdai.local:5433/khaosat?sslmode=require&application_name=x",
                "postgres://lan@db.tongdai.local:5433/khaosat?sslmode=require&application_name=x",
            ),
        ];
        for (url, expected) in table {
            let shown = shown(url);
            assert_eq!(shown, expected, "{url}");
            for secret in ["s3cret", "s3", "cret", "mật", "m%E1"] {
                assert!(!shown.contains(secret), "{url} shown as {shown}");
            }
        }
    }

    /// The table assumes what sqlx falls back to when a URL is silent: no `PGHOST`,
    /// `PGHOSTADDR` or `PGSSLMODE` in the environment.
    #[test]
    fn plain_text_to_another_machine_is_refused() {
        if ["PGHOST", "PGHOSTADDR", "PGSSLMODE"]
            .iter()
            .any(|v| std::env::var_os(v).is_some())
        {
            eprintln!("SKIPPED: PGHOST, PGHOSTADDR or PGSSLMODE is set");
            return;
        }
        let allowed = [
            "postgres://lan@localhost/khaosat",
            "postgres://lan@LocalHost:5433/khaosat?sslmode=prefer",
            "postgres://lan@127.0.0.1/khaosat",
            "postgres://lan@127.8.9.10/khaosat?sslmode=allow",
            "postgres://lan@[::1]:5432/khaosat",
            "postgres://lan@[::ffff:127.0.0.1]/khaosat",
            "postgres:///khaosat",
            "postgres://%2Fvar%2Frun%2Fpostgresql/khaosat",
            "postgres:///khaosat?host=/var/run/postgresql",
            "postgres://lan@db.tongdai.local/khaosat?host=/var/run/postgresql",
            "postgres://lan@db.tongdai.local/khaosat?sslmode=require",
            "postgres://lan@db.tongdai.local/khaosat?sslmode=verify-ca&sslrootcert=/etc/khaosat/ca.crt",
            "postgres://lan@db.tongdai.local/khaosat?sslmode=verify-full&sslrootcert=/etc/khaosat/ca.crt",
            "postgres://lan@10.0.0.5/khaosat?ssl-mode=verify-full",
            "postgres://lan@db.tongdai.local/khaosat?sslmode=disable",
        ];
        let refused = [
            (
                "postgres://lan@db.tongdai.local/khaosat",
                "db.tongdai.local",
            ),
            (
                "postgres://lan@db.tongdai.local/khaosat?sslmode=prefer",
                "db.tongdai.local",
            ),
            (
                "postgres://lan@db.tongdai.local/khaosat?sslmode=allow",
                "db.tongdai.local",
            ),
            ("postgres://lan@10.0.0.5:5432/khaosat", "10.0.0.5"),
            ("postgres://lan@[fd00::2]/khaosat", "[fd00::2]"),
            (
                "postgres://lan@localhost.example.vn/khaosat",
                "localhost.example.vn",
            ),
            (
                "postgres://lan@127.0.0.1.nip.io/khaosat",
                "127.0.0.1.nip.io",
            ),
            (
                "postgres://lan@localhost/khaosat?host=db.tongdai.local",
                "db.tongdai.local",
            ),
            (
                "postgres://lan@db.tongdai.local/khaosat?hostaddr=10.0.0.5",
                "10.0.0.5",
            ),
        ];
        let check = |url: &str| {
            let options: PgConnectOptions = url.parse().expect("a valid URL");
            refuse_plain_text_to_remote(&options)
        };
        for url in allowed {
            assert!(check(url).is_ok(), "{url} was refused");
        }
        for (url, host) in refused {
            match check(url) {
                Err(Error::Invalid(message)) => assert_eq!(
                    message,
                    format!(
                        "kết nối tới máy chủ {host} không được mã hoá: thêm sslmode=verify-full \
                         (và sslrootcert=…) vào địa chỉ, hoặc sslmode=disable nếu chắc chắn mạng \
                         này an toàn"
                    ),
                    "{url}"
                ),
                other => panic!("{url} gave {other:?}"),
            }
        }
    }

    /// sqlx's errors may echo parts of the URL: neither ours (shown to a person) nor sqlx's own
    /// (written to the log by `DbContext::doing`) may carry the password.
    #[tokio::test]
    async fn connection_failures_never_carry_the_password() {
        let urls = [
            // Nothing listens on port 9 (discard) of the loopback.
            "postgres://lan:matkhau@127.0.0.1:9/x?password=matkhau2",
            "postgres://lan:matkhau@127.0.0.1:9/x?sslmode=verify-full&password=matkhau2",
            "postgres://lan:m%E1%BA%ADtkh%E1%BA%A9u@127.0.0.1:9/x?%70assword=matkhau2",
            // `.invalid` never resolves: refused by our check, then by the name lookup.
            "postgres://lan:matkhau@khaosat-khong-co.invalid/x?password=matkhau2",
            "postgres://lan:matkhau@khaosat-khong-co.invalid/x?sslmode=disable&password=matkhau2",
            "postgres://lan:matkhau@khaosat-khong-co.invalid/x?sslmode=require&password=matkhau2",
            // Unparseable.
            "postgres://lan:matkhau@127.0.0.1:port/x?password=matkhau2",
        ];
        for url in urls {
            let error = crate::store::PostgresStore::connect(url)
                .await
                .expect_err("no server there");
            let logged = match <sqlx::PgConnection as sqlx::Connection>::connect(url).await {
                Err(raw) => format!("{raw} | {raw:?}"),
                Ok(_) => panic!("{url} connected"),
            };
            let text = format!(
                "{error} | {error:?} | {:?} | {logged}",
                std::error::Error::source(&error)
            );
            for secret in ["matkhau", "mật", "m%E1"] {
                assert!(!text.contains(secret), "{url}: {text}");
            }
        }
    }
}

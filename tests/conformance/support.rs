//! The harness: a fresh database per test on each backend. SQLite gets a file in a temporary
//! directory; PostgreSQL a new database created through the admin URL in `KHAOSAT_TEST_PG`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`) and dropped afterwards. When
//! `KHAOSAT_REQUIRE_PG` or `CI` is set, an unreachable PostgreSQL fails the test instead of
//! skipping it, so the PostgreSQL run cannot silently not happen.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use khaosat::domain::people::{Login, Password, Role};
use khaosat::ops::session::Session;
use khaosat::store::model::NewStaff;
use khaosat::store::{PostgresStore, SqliteStore, Store};

/// The password of every person the tests add.
pub const PASSWORD: &str = "mat-khau-kiem-thu";
use sqlx::Connection;

pub const DEFAULT_PG: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database made for one test, removed when dropped.
pub struct TestDb {
    pub url: String,
    pub store: Arc<dyn Store>,
    #[allow(dead_code)]
    cleanup: Cleanup,
}

/// An empty database made for one test, no migration applied: `url` opens it; removed when
/// dropped.
pub struct BlankDb {
    pub url: String,
    #[allow(dead_code)]
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin: String, name: String },
}

impl Drop for Cleanup {
    /// Drops the test's database, then the login roles it made (roles outlive databases).
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin, name } = self {
            let (admin, name) = (admin.clone(), name.clone());
            // Dropping needs async I/O; do it on a thread of its own so it works from any runtime.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                runtime.block_on(async {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                        let logins: Vec<(String,)> = sqlx::query_as(
                            "SELECT r.rolname::text FROM pg_database d, aclexplode(d.datacl) a
                             JOIN pg_roles r ON r.oid = a.grantee
                             WHERE d.datname = $1 AND a.privilege_type = 'CONNECT'
                               AND r.rolcanlogin AND NOT r.rolsuper",
                        )
                        .bind(&name)
                        .fetch_all(&mut conn)
                        .await
                        .unwrap_or_default();
                        let _ =
                            sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        for (login,) in logins {
                            let _ = sqlx::query(&format!("DROP ROLE IF EXISTS \"{login}\""))
                                .execute(&mut conn)
                                .await;
                        }
                    }
                });
            })
            .join();
        }
    }
}

impl BlankDb {
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("khaosat.sqlite3");
        BlankDb {
            url: format!("sqlite://{}", path.display()),
            cleanup: Cleanup::Sqlite(dir),
        }
    }

    /// `None` only when PostgreSQL is unreachable and not required.
    pub async fn postgres() -> Option<Self> {
        let admin = std::env::var("KHAOSAT_TEST_PG").unwrap_or_else(|_| DEFAULT_PG.to_owned());
        let required = ["KHAOSAT_REQUIRE_PG", "KHAOSAT_TEST_PG", "CI"]
            .iter()
            .any(|v| std::env::var_os(v).is_some());
        let mut conn = match sqlx::PgConnection::connect(&admin).await {
            Ok(conn) => conn,
            Err(e) if required => panic!(
                "PostgreSQL is required for this run but unreachable at KHAOSAT_TEST_PG: {e}"
            ),
            Err(e) => {
                eprintln!("SKIPPED: PostgreSQL unreachable ({e}); set KHAOSAT_TEST_PG or run scripts/test.sh");
                return None;
            }
        };
        let name = format!("khaosat_t_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        Some(BlankDb {
            url: database_url(&admin, &name),
            cleanup: Cleanup::Postgres { admin, name },
        })
    }

    /// The path of an SQLite database.
    pub fn sqlite_path(&self) -> Option<&str> {
        self.url.strip_prefix("sqlite://")
    }
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let blank = BlankDb::sqlite();
        let path = blank.sqlite_path().expect("an SQLite path").to_owned();
        let store = SqliteStore::open(std::path::Path::new(&path))
            .await
            .expect("open sqlite");
        TestDb {
            url: blank.url,
            store: Arc::new(store),
            cleanup: blank.cleanup,
        }
    }

    /// `None` only when PostgreSQL is unreachable and not required.
    pub async fn postgres() -> Option<Self> {
        let blank = BlankDb::postgres().await?;
        let store = PostgresStore::connect(&blank.url)
            .await
            .expect("connect to the test database");
        Some(TestDb {
            url: blank.url,
            store: Arc::new(store),
            cleanup: blank.cleanup,
        })
    }

    /// The database administrator's session (`khaosat init`): nobody's.
    pub fn admin(&self) -> Session {
        Session::administrator(Arc::clone(&self.store))
    }

    /// A person's session, as their workstation opens it: on PostgreSQL a connection as their
    /// own login role (the schema's policies apply), on SQLite the person acting on the file.
    pub async fn person(&self, login: &str) -> Session {
        match self.store.backend() {
            khaosat::store::Backend::Postgres => {
                Session::postgres(&self.url, login, &Password::given(PASSWORD))
                    .await
                    .unwrap_or_else(|e| panic!("{login} logs in: {e}"))
            }
            khaosat::store::Backend::Sqlite => Session::acting_as(Arc::clone(&self.store), login)
                .await
                .unwrap_or_else(|e| panic!("{login} acts: {e}")),
        }
    }

    /// Adds a person who logs in with the tests' password, on the campaigns given; their
    /// session.
    pub async fn add_person(&self, login: &str, role: Role, campaigns: &[uuid::Uuid]) -> Session {
        let login = Login::parse(login).expect("a test login");
        self.store
            .add_staff(&NewStaff {
                login: &login,
                full_name: &format!("Người {login}"),
                role,
                password: &Password::given(PASSWORD),
            })
            .await
            .unwrap_or_else(|e| panic!("{login} added: {e}"));
        for campaign in campaigns {
            self.store
                .assign(&login, *campaign, true)
                .await
                .expect("assigned");
        }
        self.person(login.as_str()).await
    }

    /// A second, independent connection pool on the same database: another workstation.
    pub async fn another_window(&self) -> Arc<dyn Store> {
        let location =
            khaosat::store::DatabaseLocation::resolve(Some(&self.url)).expect("valid url");
        khaosat::store::open(&location)
            .await
            .expect("second window opens")
    }
}

/// The admin URL with its database name replaced.
fn database_url(admin: &str, name: &str) -> String {
    let (base, query) = match admin.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (admin, String::new()),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    format!("{host_part}/{name}{query}")
}

/// 09:00 in Hà Nội on a Monday in the demo's fieldwork.
pub fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .expect("valid instant")
}

/// Runs a test body against a fresh SQLite database and a fresh PostgreSQL database.
macro_rules! on_both_backends {
    ($(#[$meta:meta])* async fn $name:ident($db:ident: TestDb) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($db: $crate::support::TestDb) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                body($crate::support::TestDb::sqlite().await).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                if let Some(db) = $crate::support::TestDb::postgres().await {
                    body(db).await
                }
            }
        }
    };
}
pub(crate) use on_both_backends;

#[test]
fn test_database_urls_keep_host_and_options() {
    assert_eq!(
        database_url("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
        "postgres://postgres@127.0.0.1:5432/t1"
    );
    assert_eq!(
        database_url("postgres://u:p@h/db?sslmode=disable", "t2"),
        "postgres://u:p@h/t2?sslmode=disable"
    );
    assert_eq!(
        database_url("postgres://u@h:5", "t3"),
        "postgres://u@h:5/t3"
    );
}

/// An outcome code of the built-in catalogue.
pub fn code(text: &str) -> khaosat::domain::outcome::OutcomeCode {
    text.parse().expect("a well-formed outcome code")
}

/// The session's operator asks for the next case at `now`.
pub async fn claim(
    desk: &Session,
    now: DateTime<Utc>,
    campaign: uuid::Uuid,
) -> Option<khaosat::ops::desk::CaseCard> {
    let request = khaosat::ops::desk::NextCaseRequest {
        campaign_id: campaign,
    };
    khaosat::ops::desk::next_case(desk, now, &request)
        .await
        .expect("claim")
}

/// Asserts a figure is there and equal to the one worked out by hand.
pub fn close(actual: Option<f64>, expected: f64, what: &str) {
    let actual = actual.unwrap_or_else(|| panic!("{what} has no value"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: {actual}, expected {expected}"
    );
}

/// A cluster started by `scripts/pg-tls.sh`, stopped and removed when dropped, even when the
/// test fails.
pub struct TlsCluster {
    dir: String,
    pub port: String,
    pub ca: String,
    pub other_ca: String,
    /// Certified, not local by name, and resolving to this machine.
    pub host: String,
}

fn script() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/pg-tls.sh")
}

impl TlsCluster {
    /// `None` only when no cluster can be started and none is required.
    pub fn start() -> Option<Self> {
        let required = ["KHAOSAT_REQUIRE_PG", "CI"]
            .iter()
            .any(|v| std::env::var_os(v).is_some());
        let output = std::process::Command::new("bash").arg(script()).output();
        let output = match output {
            Ok(output) if output.status.success() => output,
            failed => {
                let why = match failed {
                    Ok(output) => String::from_utf8_lossy(&output.stderr).into_owned(),
                    Err(e) => e.to_string(),
                };
                assert!(
                    !required,
                    "scripts/pg-tls.sh could not start a cluster: {why}"
                );
                eprintln!("SKIPPED: scripts/pg-tls.sh could not start a cluster: {why}");
                return None;
            }
        };
        let exports = String::from_utf8_lossy(&output.stdout);
        let get = |name: &str| {
            exports
                .lines()
                .filter_map(|line| line.strip_prefix("export ")?.split_once('='))
                .find(|(key, _)| *key == name)
                .map(|(_, value)| unquote(value))
                .unwrap_or_else(|| panic!("scripts/pg-tls.sh printed no {name}: {exports}"))
        };
        Some(TlsCluster {
            dir: get("KHAOSAT_TLS_CLUSTER"),
            port: get("KHAOSAT_TLS_PORT"),
            ca: get("KHAOSAT_TLS_CA"),
            other_ca: get("KHAOSAT_TLS_OTHER_CA"),
            host: get("KHAOSAT_TLS_HOST"),
        })
    }

    /// A URL to the database `database` as `user` (`user:password`) at `host`, with `query`.
    pub fn url_to(&self, user: &str, host: &str, database: &str, query: &str) -> String {
        format!("postgres://{user}@{host}:{}/{database}{query}", self.port)
    }
}

impl Drop for TlsCluster {
    fn drop(&mut self) {
        let _ = std::process::Command::new("bash")
            .arg(script())
            .args(["stop", &self.dir])
            .status();
    }
}

/// Undoes the backslashes of bash's `printf %q` (the paths it prints need no other quoting).
fn unquote(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        out.extend(if c == '\\' { chars.next() } else { Some(c) });
    }
    out
}

//! The desktop shell of Khảo sát: a Tauri window over the `khaosat` core. It opens the database
//! once, keeps the core's [`App`] as managed state, and exposes one Tauri command per entry of
//! [`khaosat::api::COMMANDS`], each a one-line hand-off to the core. No business logic lives here.
//!
//! When the database cannot be opened the window still comes up: every command then answers
//! with the error that opening gave, so the UI can say so in Vietnamese instead of crashing.

mod commands;

use std::sync::Arc;

use khaosat::api::{ApiError, ApiResult, App};
use khaosat::clock::SystemClock;
use khaosat::store::DatabaseLocation;

pub use commands::{invoke_handler, REGISTERED_COMMANDS};

/// The environment variable naming the database (`sqlite://PATH` or `postgres://…`).
pub const DB_ENV: &str = "KHAOSAT_DB";
/// The environment variable holding the log filter (`info` when unset).
pub const LOG_ENV: &str = "KHAOSAT_LOG";

/// The managed state: the core's app, or why it could not be opened.
#[derive(Debug)]
pub struct Shell(Result<App, ApiError>);

impl Shell {
    pub fn new(app: ApiResult<App>) -> Self {
        Self(app)
    }

    /// Opens the database named by `KHAOSAT_DB` (else the user's SQLite file), blocking until
    /// it is open and migrated or has failed.
    pub fn open_from_env() -> Self {
        let given = std::env::var(DB_ENV).ok();
        let opened = tauri::async_runtime::block_on(async {
            let location = DatabaseLocation::resolve(given.as_deref()).map_err(ApiError::from)?;
            tracing::info!(%location, "opening the database");
            App::open(location, Arc::new(SystemClock)).await
        });
        match &opened {
            Ok(app) => {
                let info = app.app_info();
                tracing::info!(backend = %info.backend, version = %info.version, "database open");
            }
            Err(error) => {
                tracing::error!(kind = ?error.kind, %error, "database unavailable; every command will report it")
            }
        }
        Self(opened)
    }

    /// The core's app, or the error that opening the database gave.
    pub fn app(&self) -> ApiResult<&App> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// Logs to stderr, filtered by `KHAOSAT_LOG` (default `info`). Log lines carry ids only.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env(LOG_ENV)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second initialisation (tests) keeps the first subscriber.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Opens the database, then runs the window until it is closed.
pub fn run() -> Result<(), tauri::Error> {
    init_logging();
    // Opened before the app is built, so the state is there before the page can call anything.
    let shell = Shell::open_from_env();
    tauri::Builder::default()
        .manage(shell)
        .invoke_handler(invoke_handler())
        .run(tauri::generate_context!())
}

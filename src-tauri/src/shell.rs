//! The managed state: the core's [`App`] once the database is open, or why it could not be.
//!
//! The database is opened in the background as the window starts, so the window shows at once
//! even when a PostgreSQL server makes us wait for its connect timeout; a command arriving
//! meanwhile waits for the outcome. A failure is remembered for [`RETRY_AFTER`], so the burst of
//! commands a screen sends gets one answer instead of one timeout each; after that, the next
//! command (the UI's "Thử lại") tries again, and a server that came back is picked up without
//! restarting the app. Once open, the app is kept for good.

use std::sync::Arc;
use std::time::{Duration, Instant};

use khaosat::api::{ApiError, ApiResult, App};
use khaosat::clock::Clock;
use khaosat::store::DatabaseLocation;
use tokio::sync::{Mutex, OnceCell};

/// How long a failure to open the database answers every command before the next try.
pub const RETRY_AFTER: Duration = Duration::from_secs(2);

#[derive(Debug)]
pub struct Shell {
    /// `KHAOSAT_DB` as given, if any.
    given: Option<String>,
    /// The clock the app runs on; `None`: the workstation's, or `KHAOSAT_NOW`'s.
    clock: Option<Arc<dyn Clock>>,
    opened: OnceCell<App>,
    /// The last failure to open, and when; the lock also keeps to one attempt at a time.
    failed: Mutex<Option<(Instant, ApiError)>>,
}

impl Shell {
    /// A shell that opens the database named by `KHAOSAT_DB` (else the user's SQLite file).
    pub fn from_env() -> Self {
        Self::opening(std::env::var(crate::DB_ENV).ok())
    }

    /// A shell that opens this location (else the user's SQLite file) when first asked.
    pub fn opening(given: Option<String>) -> Self {
        Self {
            given,
            clock: None,
            opened: OnceCell::new(),
            failed: Mutex::new(None),
        }
    }

    /// The same shell on a clock of its own, so tests see calling hours whatever the hour.
    pub fn with_clock(self, clock: Arc<dyn Clock>) -> Self {
        Self {
            clock: Some(clock),
            ..self
        }
    }

    /// The core's app, opening the database if needed, or why it cannot be opened.
    pub async fn app(&self) -> ApiResult<&App> {
        if let Some(app) = self.opened.get() {
            return Ok(app);
        }
        let mut failed = self.failed.lock().await;
        if let Some(app) = self.opened.get() {
            return Ok(app);
        }
        if let Some((at, error)) = &*failed {
            if at.elapsed() < RETRY_AFTER {
                return Err(error.clone());
            }
        }
        match open(self.given.as_deref(), self.clock.clone()).await {
            Ok(app) => {
                *failed = None;
                Ok(self.opened.get_or_init(|| async { app }).await)
            }
            Err(error) => {
                *failed = Some((Instant::now(), error.clone()));
                Err(error)
            }
        }
    }
}

async fn open(given: Option<&str>, clock: Option<Arc<dyn Clock>>) -> ApiResult<App> {
    let opened = async {
        let location = DatabaseLocation::resolve(given).map_err(ApiError::from)?;
        tracing::info!(%location, "opening the database");
        let clock = match clock {
            Some(clock) => clock,
            None => khaosat::clock::from_env()
                .map_err(|e| ApiError::from(khaosat::error::Error::Invalid(e.to_string())))?,
        };
        App::open(location, clock).await
    }
    .await;
    match &opened {
        Ok(app) => {
            let info = app.app_info().await;
            tracing::info!(backend = %info.backend, version = %info.version, "database open");
        }
        Err(error) => tracing::error!(kind = ?error.kind, %error, "database unavailable"),
    }
    opened
}

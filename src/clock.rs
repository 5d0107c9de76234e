//! Where `now` comes from. Rules take an explicit instant; the faces (desktop, CLI) read it
//! from a [`Clock`], so tests and scripted runs can fix or move time.

use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, DurationRound, Utc};

pub trait Clock: Send + Sync + Debug {
    fn now(&self) -> DateTime<Utc>;

    /// Whether this clock is not the workstation's own (a test's, or `KHAOSAT_NOW`): the window
    /// then says so. The database's clock, which the audit keeps, is never affected.
    fn is_set(&self) -> bool {
        true
    }
}

/// The workstation's clock, to the millisecond (both databases keep that precision).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        let now = Utc::now();
        now.duration_trunc(Duration::milliseconds(1)).unwrap_or(now)
    }

    fn is_set(&self) -> bool {
        false
    }
}

/// A clock that stands still until moved: for tests.
#[derive(Debug)]
pub struct FixedClock(Mutex<DateTime<Utc>>);

impl FixedClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *now += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The variable that sets the clock of the CLI and the app, as a testing aid.
pub const NOW_VARIABLE: &str = "KHAOSAT_NOW";

/// A clock that runs from a set instant: the workstation's clock moved by a fixed offset.
#[derive(Debug, Clone, Copy)]
pub struct ShiftedClock(Duration);

impl ShiftedClock {
    /// A clock that reads `start` now and runs on from there.
    pub fn starting_at(start: DateTime<Utc>) -> Self {
        Self(start - SystemClock.now())
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        SystemClock.now() + self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{NOW_VARIABLE} “{0}” không đúng dạng RFC 3339, ví dụ 2026-11-23T09:00:00+07:00")]
pub struct BadNow(pub String);

/// The clock the CLI and the app use: the workstation's, unless `KHAOSAT_NOW` (RFC 3339, e.g.
/// `2026-11-23T09:00:00+07:00`) sets when it starts — a testing aid, so scripted runs and UI
/// tests see the same calling hours whenever they run.
pub fn from_env() -> Result<Arc<dyn Clock>, BadNow> {
    match std::env::var(NOW_VARIABLE) {
        Err(_) => Ok(Arc::new(SystemClock)),
        Ok(text) => {
            let start = DateTime::parse_from_rfc3339(text.trim())
                .map_err(|_| BadNow(text.chars().take(40).collect()))?;
            Ok(Arc::new(ShiftedClock::starting_at(
                start.with_timezone(&Utc),
            )))
        }
    }
}

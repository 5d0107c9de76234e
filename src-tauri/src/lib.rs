//! The desktop shell of Khảo sát: a Tauri window over the `khaosat` core. It opens the database
//! named by `KHAOSAT_DB`, keeps the core's `App` as managed state ([`Shell`]), and exposes one
//! Tauri command per entry of `khaosat::api::COMMANDS`, each a one-line hand-off to the core.
//! No business logic lives here.
//!
//! When the database cannot be opened the window still comes up: every command then answers
//! with the error that opening gave, so the UI can say so in Vietnamese instead of crashing.

mod commands;
mod shell;

use tauri::Manager;

pub use commands::{invoke_handler, REGISTERED_COMMANDS};
pub use shell::{Shell, RETRY_AFTER};

/// The environment variable naming the database (`sqlite://PATH` or `postgres://…`).
pub const DB_ENV: &str = "KHAOSAT_DB";
/// The environment variable holding the log filter (`info` when unset).
pub const LOG_ENV: &str = "KHAOSAT_LOG";

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

/// Runs the window until it is closed, opening the database as it starts.
pub fn run() -> Result<(), tauri::Error> {
    init_logging();
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Shell::from_env())
        .invoke_handler(invoke_handler())
        .setup(|app| {
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                // The outcome is kept in the state; commands report a failure.
                let _ = handle.state::<Shell>().app().await;
            });
            Ok(())
        })
        .run(tauri::generate_context!())
}

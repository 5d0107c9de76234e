//! `khaosat`: the command line over the core's use cases, for set-up, scripting and tests.
//! One file per subcommand; each is a thin layer over `ops`.

mod agency;
mod bench;
mod campaign;
mod cases;
mod desk;
mod export;
mod import;
mod init;
mod interviews;
mod outcomes;
mod purge;
mod questionnaire;
mod report;
mod requests;
mod review;
mod sample;
mod staff;

use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use khaosat::ops::session::Session;
use khaosat::store::{self, DatabaseLocation, Store};

#[derive(Debug, Parser)]
#[command(
    name = "khaosat",
    version,
    about = "Khảo sát — khảo sát sự hài lòng qua điện thoại (CATI)"
)]
struct Cli {
    /// Database: sqlite://PATH or postgres://USER@HOST/DB (you act as USER). Default: the SQLite file in the user's data directory.
    #[arg(long, global = true, env = "KHAOSAT_DB", hide_env_values = true)]
    db: Option<String>,
    /// On the embedded SQLite file: act as this person (their role and campaigns apply).
    #[arg(long = "as", global = true, env = "KHAOSAT_AS", value_name = "LOGIN")]
    acting_as: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create or migrate the database; with --demo, seed the demo campaign.
    Init(init::Args),
    /// Campaigns: create, list.
    #[command(subcommand)]
    Campaign(campaign::Command),
    /// Agencies lists are matched against: add, list.
    #[command(subcommand)]
    Agency(agency::Command),
    /// The outcome catalogue: print the built-in one, check a file, list a campaign's.
    #[command(subcommand)]
    Outcomes(outcomes::Command),
    /// Questionnaires: print the built-in SIPAS one, check a file, store it, list and show them.
    #[command(subcommand)]
    Questionnaire(questionnaire::Command),
    /// Import a dossier list (CSV or XLSX) into a campaign.
    Import(import::Args),
    /// Import complete interviews gathered outside the phone (paper, kiosk, web).
    ImportInterviews(interviews::Args),
    /// Export the interviews (CSV or XLSX) or a report (XLSX).
    Export(export::Args),
    /// Draw the sample per agency (or add a wave).
    Sample(sample::Args),
    /// The operator's desk from a script: next case, outcome, release, queue.
    #[command(subcommand)]
    Desk(desk::Command),
    /// The supervisor's moves: reassign call lists, force-release a case, read the audit.
    #[command(subcommand)]
    Cases(cases::Command),
    /// The campaign's results: satisfaction index, response rates, progress, operators.
    #[command(subcommand)]
    Report(report::Command),
    /// The register of people's requests about their data: add, list, ack, close.
    #[command(subcommand)]
    Requests(requests::Command),
    /// Review finished interviews: list, show, approve, return, correct.
    #[command(subcommand)]
    Review(review::Command),
    /// Remove a finished campaign's names and numbers, keeping answers and figures.
    Purge(purge::Args),
    /// The people: add, list, disable, enable, password, assign, unassign, sync.
    #[command(subcommand)]
    Staff(staff::Command),
    /// Benchmarks that print figures.
    #[command(subcommand)]
    Bench(bench::Command),
}

async fn open(db: Option<&str>) -> anyhow::Result<(DatabaseLocation, std::sync::Arc<dyn Store>)> {
    let location = DatabaseLocation::resolve(db)?;
    let store = store::open(&location)
        .await
        .with_context(|| format!("mở cơ sở dữ liệu {location}"))?;
    Ok((location, store))
}

/// Who the CLI acts as on the embedded file (`--as`), set once from the command line.
static ACTING_AS: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// The database and the session the command runs in: on PostgreSQL the person whose role the
/// URL names (or its administrator, for a superuser); on the embedded file the person of
/// `--as`, else the file's administrator.
async fn session(db: Option<&str>) -> anyhow::Result<(DatabaseLocation, Session)> {
    let (location, store) = open(db).await?;
    let session = match ACTING_AS.get().cloned().flatten() {
        Some(login) => Session::acting_as(store, &login).await?,
        None => Session::connected(store).await?,
    };
    Ok((location, session))
}

/// Now, from the workstation's clock or `KHAOSAT_NOW` (a testing aid).
fn now() -> anyhow::Result<chrono::DateTime<chrono::Utc>> {
    Ok(khaosat::clock::from_env()?.now())
}

/// A reader that stops early (`khaosat … | head`) closes the pipe: the command ends quietly
/// instead of panicking. Any other panic is reported in one line.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        eprintln!("lỗi: khaosat dừng bất thường ({message}); hãy báo cho quản trị viên");
    }));
}

fn main() -> ExitCode {
    quiet_panics();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("KHAOSAT_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let _ = ACTING_AS.set(cli.acting_as.clone());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("lỗi: không khởi động được: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Init(args) => init::run(cli.db.as_deref(), args).await,
            Command::Campaign(command) => campaign::run(cli.db.as_deref(), command).await,
            Command::Agency(command) => agency::run(cli.db.as_deref(), command).await,
            Command::Outcomes(command) => outcomes::run(cli.db.as_deref(), command).await,
            Command::Questionnaire(command) => questionnaire::run(cli.db.as_deref(), command).await,
            Command::Import(args) => import::run(cli.db.as_deref(), args).await,
            Command::ImportInterviews(args) => interviews::run(cli.db.as_deref(), args).await,
            Command::Export(args) => export::run(cli.db.as_deref(), args).await,
            Command::Sample(args) => sample::run(cli.db.as_deref(), args).await,
            Command::Desk(command) => desk::run(cli.db.as_deref(), command).await,
            Command::Cases(command) => cases::run(cli.db.as_deref(), command).await,
            Command::Report(command) => report::run(cli.db.as_deref(), command).await,
            Command::Staff(command) => staff::run(cli.db.as_deref(), command).await,
            Command::Purge(args) => purge::run(cli.db.as_deref(), args).await,
            Command::Requests(command) => requests::run(cli.db.as_deref(), command).await,
            Command::Review(command) => review::run(cli.db.as_deref(), command).await,
            Command::Bench(command) => bench::run(cli.db.as_deref(), command).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lỗi: {e:#}");
            ExitCode::FAILURE
        }
    }
}

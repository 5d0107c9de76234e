//! `khaosat bench`: figures from the database given by --db, each run on a fresh campaign.
//! `bench import --rows N [--xlsx]` times a list's import: it generates a CSV (or an XLSX) of N
//! dossiers (as the dossier system exports them), imports it, and prints reading and checking
//! the file, storing it, and the total. `bench calls` (see `bench/calls.rs`) times operators at work, `bench
//! index` (see `bench/index.rs`) the satisfaction index over a large campaign.

mod calls;
mod check;
mod index;
mod report;

use khaosat::ops::session::Session;
use std::sync::Mutex;
use std::time::Instant;

use chrono::NaiveDate;
use khaosat::ops::catalogue::{self, CallingRequest, NewCampaign};
use khaosat::ops::demo;
use khaosat::ops::intake::{self, ImportProgress};
use khaosat::sheet;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Import a generated list of --rows dossiers into a new campaign and time it.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// The list as an Excel workbook (text cells) instead of CSV.
        #[arg(long)]
        xlsx: bool,
    },
    /// Operators taking cases and recording outcomes on a new campaign for --seconds; prints
    /// throughput, latency and errors, then checks the database (exit 1 on a double claim or a
    /// lost write).
    Calls(calls::Args),
    /// The satisfaction index over --interviews complete interviews imported into a new
    /// campaign; prints the time of --runs index reports.
    Index(index::Args),
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Import { rows, xlsx } => import(db, rows, xlsx).await,
        Command::Calls(args) => calls::run(db, args).await,
        Command::Index(args) => index::run(db, args).await,
    }
}

async fn import(db: Option<&str>, rows: usize, xlsx: bool) -> anyhow::Result<()> {
    let (location, store) = super::open(db).await?;
    let admin = administrator(store).await?;
    let (code, campaign) = bench_campaign(&admin, "Đo tốc độ nhập danh sách").await?;

    let dir = tempfile_dir()?;
    let csv = demo::synthetic_csv(&demo::synthetic_rows(rows, FIELDWORK.0, FIELDWORK.1, 7));
    let file = if xlsx {
        let file = dir.join("danh-sach.xlsx");
        write_workbook(&file, &csv)?;
        file
    } else {
        let file = dir.join("danh-sach.csv");
        std::fs::write(&file, csv)?;
        file
    };
    let bytes = std::fs::metadata(&file)?.len();

    let started = Instant::now();
    let table = sheet::read_table(&file, None)?;
    let read = started.elapsed();
    // The import reports when checking ends and the write begins.
    let checked = Mutex::new(None);
    let on_progress = |step: ImportProgress| {
        if let ImportProgress::Storing { .. } = step {
            if let Ok(mut at) = checked.lock() {
                *at = Some(started.elapsed());
            }
        }
    };
    let summary = intake::import_table(
        &admin,
        super::now()?,
        campaign.id,
        &table,
        false,
        &on_progress,
    )
    .await?;
    let total = started.elapsed();
    let checked = checked.into_inner().ok().flatten().unwrap_or(read);
    std::fs::remove_dir_all(&dir)?;

    println!("database      {location}");
    println!("campaign      {code}");
    println!(
        "file          {rows} rows, {:.1} MB {}",
        bytes as f64 / 1e6,
        if xlsx { "XLSX" } else { "CSV" }
    );
    println!(
        "accepted      {} (rejected {}, new cases {})",
        summary.accepted, summary.rejected, summary.new_cases
    );
    println!("read file     {:>8.1} ms", read.as_secs_f64() * 1e3);
    println!(
        "check rows    {:>8.1} ms",
        (checked - read).as_secs_f64() * 1e3
    );
    println!(
        "store         {:>8.1} ms",
        (total - checked).as_secs_f64() * 1e3
    );
    println!(
        "total         {:>8.1} ms  ({:.0} rows/s)",
        total.as_secs_f64() * 1e3,
        rows as f64 / total.as_secs_f64()
    );
    Ok(())
}

/// The administrator's session a benchmark sets up its campaign in. Refused on a database
/// that holds campaigns other than the benchmarks' and the demo's: a benchmark's people and
/// generated citizens never land beside real work.
async fn administrator(
    store: std::sync::Arc<dyn khaosat::store::Store>,
) -> anyhow::Result<Session> {
    let others: Vec<String> = store
        .campaigns()
        .await?
        .into_iter()
        .map(|c| c.code)
        .filter(|code| !code.starts_with("BENCH-") && code != demo::DEMO_CAMPAIGN_CODE)
        .collect();
    anyhow::ensure!(
        others.is_empty(),
        "cơ sở dữ liệu này có đợt khảo sát thật ({}): hãy đo trên một cơ sở dữ liệu riêng",
        others.join(", ")
    );
    let session = Session::connected(store).await?;
    session.require_admin("chạy đo tốc độ")?;
    Ok(session)
}

/// A new campaign for a bench run (code BENCH-…), with the demo's agencies; its code and itself.
async fn bench_campaign(
    session: &Session,
    name: &str,
) -> anyhow::Result<(String, khaosat::store::model::Campaign)> {
    for (code, name) in demo::agencies() {
        catalogue::add_agency(session, code, name).await?;
    }
    let code = format!("BENCH-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]);
    let new = NewCampaign {
        code: code.clone(),
        name: name.to_owned(),
        received_from: FIELDWORK.0,
        received_to: FIELDWORK.1,
        questionnaire: None,
        outcomes: None,
        max_attempts: None,
        calling: CallingRequest::default(),
    };
    let created = catalogue::create_campaign(session, super::now()?, &new).await?;
    Ok((code, session.store().campaign(created.id).await?))
}

/// The dates results were received in a bench campaign.
const FIELDWORK: (NaiveDate, NaiveDate) = match (
    NaiveDate::from_ymd_opt(2026, 10, 1),
    NaiveDate::from_ymd_opt(2026, 11, 15),
) {
    (Some(from), Some(to)) => (from, to),
    _ => (NaiveDate::MIN, NaiveDate::MAX),
};

/// The CSV's cells as the text cells of a workbook's first sheet.
fn write_workbook(path: &std::path::Path, csv: &str) -> anyhow::Result<()> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    for (r, record) in (0u32..).zip(reader.records()) {
        for (c, cell) in (0u16..).zip(&record?) {
            sheet.write_string(r, c, cell)?;
        }
    }
    workbook.save(path)?;
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("khaosat-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

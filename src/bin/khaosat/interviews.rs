//! `khaosat import-interviews --campaign CODE FILE --mode paper|kiosk|web`: load complete
//! interviews gathered outside the phone (one row per respondent: the dossier code, then one
//! column per question id with the answer's code), checked as an operator's answers are.

use std::path::PathBuf;

use khaosat::domain::mode::Mode;
use khaosat::ops::catalogue;
use khaosat::ops::interview_import::{self, InterviewImportRequest};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    campaign: String,
    /// The file: .csv (UTF-8) or .xlsx; `khaosat export` writes one in this layout.
    file: PathBuf,
    /// How they were gathered: paper, kiosk or web.
    #[arg(long)]
    mode: String,
    /// For XLSX: the sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let campaign = catalogue::campaign_by_code(session.store(), &args.campaign).await?;
    let request = InterviewImportRequest {
        campaign_id: campaign.id,
        file: args.file,
        sheet: args.sheet,
        mode: Mode::parse(&args.mode)?,
    };
    let report = interview_import::import(&session, super::now()?, &request).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!(
        "Tệp {} ({}): đọc {} dòng — nhập {} phiếu, {} phiếu đã có từ trước, từ chối {} dòng.",
        report.file,
        report.mode.label_vi(),
        report.rows,
        report.imported,
        report.unchanged,
        report.rejected.len()
    );
    for r in &report.rejected {
        match &r.column {
            Some(column) => println!("  Dòng {}, cột “{column}”: {}", r.row, r.reason),
            None => println!("  Dòng {}: {}", r.row, r.reason),
        }
    }
    Ok(())
}

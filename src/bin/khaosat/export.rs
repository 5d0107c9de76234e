//! `khaosat export --campaign CODE --format csv|xlsx --out FILE [--with-contacts]`: the
//! campaign's interviews, one row each; `--report sipas|rates|progress --format xlsx`: a report
//! as a formatted workbook.

use std::path::PathBuf;

use khaosat::ops::catalogue;
use khaosat::ops::export::{self, ExportFormat, ExportRequest, ReportExportRequest, ReportKind};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    campaign: String,
    /// csv (UTF-8 with BOM) or xlsx.
    #[arg(long)]
    format: String,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// Add each person's name and phone number (recorded in the audit).
    #[arg(long, conflicts_with = "report")]
    with_contacts: bool,
    /// Write a report instead: sipas, rates or progress (xlsx only).
    #[arg(long)]
    report: Option<String>,
    /// Replace the file if it is already there.
    #[arg(long)]
    force: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let session = &session;
    let store = session.store();
    let campaign = catalogue::campaign_by_code(store, &args.campaign).await?;
    let format = ExportFormat::parse(&args.format)?;
    let now = super::now()?;
    let exported = match args.report {
        Some(report) => {
            if format != ExportFormat::Xlsx {
                anyhow::bail!("báo cáo chỉ xuất ra tệp Excel: dùng --format xlsx");
            }
            let request = ReportExportRequest {
                campaign_id: campaign.id,
                report: ReportKind::parse(&report)?,
                out: args.out,
                replace: args.force,
            };
            export::export_report(session, now, &request).await?
        }
        None => {
            let request = ExportRequest {
                campaign_id: campaign.id,
                format,
                out: args.out,
                with_contacts: args.with_contacts,
                replace: args.force,
            };
            export::export_interviews(session, now, &request).await?
        }
    };
    println!("Đã ghi {} dòng vào {}", exported.rows, exported.path);
    Ok(())
}

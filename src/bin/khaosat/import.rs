//! `khaosat import --campaign CODE FILE`: import a dossier list (CSV or XLSX).

use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use khaosat::ops::catalogue;
use khaosat::ops::intake::{self, ImportProgress, ImportRequest};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    campaign: String,
    /// The list: .csv (UTF-8, comma or semicolon) or .xlsx.
    file: PathBuf,
    /// For XLSX: the sheet to read (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Write the rejected rows, with the reason, to this CSV file (UTF-8 with BOM).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Replace the rejects file if it is already there.
    #[arg(long)]
    force: bool,
    /// Add the agencies the list names that the catalogue does not know (each with a code made
    /// from its name: "Sở Xây dựng" → SXD), instead of rejecting their rows.
    #[arg(long)]
    add_agencies: bool,
    /// Print one JSON object: rows, accepted, rejected, new_cases, cases_total, agencies_added.
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let campaign = catalogue::campaign_by_code(session.store(), &args.campaign).await?;
    let request = ImportRequest {
        campaign_id: campaign.id,
        file: args.file,
        sheet: args.sheet,
        add_agencies: args.add_agencies,
    };
    let bar = progress_bar(args.json);
    let on_progress = |step: ImportProgress| match step {
        ImportProgress::Checking { done, total } => {
            bar.set_length(total as u64);
            bar.set_position(done as u64);
        }
        ImportProgress::Storing { rows } => {
            bar.set_position(bar.length().unwrap_or_default());
            bar.set_message(format!("đang ghi {rows} dòng…"));
        }
        ImportProgress::Done => bar.finish_and_clear(),
    };
    let imported = intake::import_file(&session, super::now()?, &request, &on_progress).await;
    bar.finish_and_clear();
    let (summary, table) = imported?;
    if let Some(path) = &args.rejects {
        intake::write_rejects(path, args.force, &table, &summary.rejections)?;
    }
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
        return Ok(());
    }
    for agency in &summary.agencies_added {
        println!(
            "Đã thêm cơ quan {} — {} ({} dòng)",
            agency.code, agency.name, agency.rows
        );
    }
    println!(
        "Đã đọc {} dòng: nhận {}, từ chối {}; {} ca mới, đợt khảo sát có {} ca.",
        summary.rows, summary.accepted, summary.rejected, summary.new_cases, summary.cases_total
    );
    for rejection in summary.rejections.iter().take(20) {
        match &rejection.column {
            Some(column) => println!(
                "  Dòng {}, cột “{column}”: {}",
                rejection.row, rejection.reason
            ),
            None => println!("  Dòng {}: {}", rejection.row, rejection.reason),
        }
    }
    if summary.rejections.len() > 20 {
        println!(
            "  … và {} dòng khác (ghi ra tệp với --rejects)",
            summary.rejections.len() - 20
        );
    }
    if let Some(path) = &args.rejects {
        println!("Các dòng bị từ chối đã ghi vào {}", path.display());
    }
    Ok(())
}

/// A bar on the terminal's stderr (hidden when it is not a terminal, or for --json).
fn progress_bar(hidden: bool) -> ProgressBar {
    let target = if hidden {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(None, target);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} dòng {msg}") {
        bar.set_style(style);
    }
    bar.set_message("đang kiểm tra…");
    bar
}

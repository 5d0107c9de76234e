//! `khaosat purge --campaign CODE [--dry-run]`: removes the names and numbers of a campaign's
//! people once the period its list covers is over, keeping every answer, outcome and figure; an
//! administrator's doing, audited. `--dry-run` says what would go and changes nothing.

use khaosat::ops::{catalogue, purge};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long)]
    campaign: String,
    /// Count what would be removed; change nothing.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let campaign = catalogue::campaign_by_code(session.store(), &args.campaign).await?;
    let report = purge::purge(&session, super::now()?, campaign.id, args.dry_run).await?;
    if args.json {
        println!("{}", serde_json::to_string(&report)?);
    } else if report.dry_run {
        println!(
            "Đợt {}: sẽ xoá họ tên và số điện thoại của {} ca và {} hồ sơ (chưa xoá gì; bỏ --dry-run để xoá).",
            report.campaign, report.cases, report.dossiers
        );
    } else {
        println!(
            "Đợt {}: đã xoá họ tên và số điện thoại của {} ca và {} hồ sơ; câu trả lời, kết quả cuộc gọi và số liệu được giữ nguyên.",
            report.campaign, report.cases, report.dossiers
        );
    }
    Ok(())
}

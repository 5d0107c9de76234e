//! `khaosat campaign create|list`: the campaigns (đợt khảo sát) and their eligibility windows.

use chrono::NaiveDate;
use khaosat::clock::{Clock, SystemClock};
use khaosat::ops::catalogue::{self, NewCampaign};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create a campaign; the received window decides who is eligible (both ends included).
    Create {
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// First day results count, YYYY-MM-DD.
        #[arg(long)]
        received_from: NaiveDate,
        /// Last day results count, YYYY-MM-DD.
        #[arg(long)]
        received_to: NaiveDate,
        #[arg(long)]
        questionnaire: Option<String>,
        /// The campaign's own outcome catalogue (TOML; see `khaosat outcomes default`).
        #[arg(long)]
        outcomes: Option<std::path::PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// List the campaigns.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, store) = super::open(db).await?;
    match command {
        Command::Create {
            code,
            name,
            received_from,
            received_to,
            questionnaire,
            outcomes,
            json,
        } => {
            let new = NewCampaign {
                code,
                name,
                received_from,
                received_to,
                questionnaire_id: questionnaire,
                outcomes: outcomes.as_deref().map(super::outcomes::read).transpose()?,
            };
            let campaign = catalogue::create_campaign(&*store, SystemClock.now(), &new).await?;
            if json {
                println!("{}", serde_json::to_string(&campaign)?);
            } else {
                println!(
                    "Đã tạo đợt khảo sát {} — {} (nhận kết quả từ {} đến {})",
                    campaign.code, campaign.name, campaign.received_from, campaign.received_to
                );
            }
        }
        Command::List { json } => {
            let campaigns = catalogue::campaigns(&*store).await?;
            if json {
                println!("{}", serde_json::to_string(&campaigns)?);
            } else if campaigns.is_empty() {
                println!("Chưa có đợt khảo sát nào.");
            } else {
                println!("{:<16} {:<23} TÊN", "MÃ", "NHẬN KẾT QUẢ");
                for c in campaigns {
                    println!(
                        "{:<16} {} – {} {}",
                        c.code, c.received_from, c.received_to, c.name
                    );
                }
            }
        }
    }
    Ok(())
}

//! `khaosat outcomes default|check|list`: the outcome catalogue a campaign calls with — print
//! the built-in one to start a campaign's own file from, check an edited file (every problem,
//! with its place), or list a catalogue as the desk shows it.

use std::path::PathBuf;

use khaosat::domain::outcome::{OutcomeCatalogue, DEFAULT_TOML};
use khaosat::ops::catalogue;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the built-in catalogue (TOML), to copy and edit.
    Default,
    /// Check a catalogue file: prints every problem and exits non-zero if there is one.
    Check { file: PathBuf },
    /// List a campaign's catalogue (or the built-in one) as a table or JSON.
    List {
        #[arg(long)]
        campaign: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

/// Reads a catalogue file, named by its file name in the problems.
pub fn read(file: &std::path::Path) -> anyhow::Result<(String, String)> {
    Ok(khaosat::ops::campaign_form::read_outcome_file(file)?)
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Default => print!("{DEFAULT_TOML}"),
        Command::Check { file } => {
            let (name, text) = read(&file)?;
            let found = OutcomeCatalogue::parse(&text, &name)?;
            println!(
                "{name}: hợp lệ, {} kết quả ({} điện thoại viên chọn)",
                found.rules().len(),
                found.rules().iter().filter(|r| r.is_recordable()).count()
            );
        }
        Command::List { campaign, json } => {
            let found = match campaign {
                Some(code) => {
                    let (_, store) = super::open(db).await?;
                    catalogue::campaign_by_code(&*store, &code).await?.outcomes
                }
                None => OutcomeCatalogue::builtin().clone(),
            };
            let views = catalogue::outcomes(&found);
            if json {
                println!("{}", serde_json::to_string(&views)?);
            } else {
                println!(
                    "{:<7} {:<5} {:<4} {:<6} {:<8} {:<9} TÊN",
                    "MÃ", "PHÍM", "AAPOR", "CUỐI", "GỌI LẠI", "HẾT LƯỢT"
                );
                for o in views {
                    let retry = o
                        .retry_after_minutes
                        .map(|m| match m {
                            m if m % 1440 == 0 => format!("{} ngày", m / 1440),
                            m if m % 60 == 0 => format!("{} giờ", m / 60),
                            m => format!("{m} phút"),
                        })
                        .unwrap_or_default();
                    println!(
                        "{:<7} {:<5} {:<5} {:<6} {:<8} {:<9} {}",
                        o.code.as_str(),
                        o.hotkey.unwrap_or_default(),
                        format!("{:?}", o.category),
                        if o.is_final { "có" } else { "" },
                        retry,
                        o.at_limit.map(|n| n.to_string()).unwrap_or_default(),
                        o.label_vi
                    );
                }
                println!();
                print!("{}", catalogue::limit_rule_text(&found));
            }
        }
    }
    Ok(())
}

//! `khaosat campaign create|list|days-off|day-off`: the campaigns (đợt khảo sát), their
//! eligibility windows and their calling calendars.

use chrono::NaiveDate;
use khaosat::ops::calling_calendar::{
    self, CallingYear, CallingYearRequest, DayOffKind, DayOffRequest,
};
use khaosat::ops::catalogue::{self, CallingRequest, NewCampaign};

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
        /// The questionnaire: a stored one by its hash (or first digits) or id@version, after
        /// `khaosat questionnaire import`; default: the built-in SIPAS questionnaire.
        #[arg(long)]
        questionnaire: Option<String>,
        /// The campaign's own outcome catalogue (TOML; see `khaosat outcomes default`).
        #[arg(long)]
        outcomes: Option<std::path::PathBuf>,
        /// Counted attempts before a case is closed (2.30 or 3.90).
        #[arg(long, default_value_t = khaosat::domain::schedule::DEFAULT_MAX_ATTEMPTS)]
        max_attempts: u32,
        /// Calling days, e.g. `T2-T7` or `T2,T4,T6` (CN: Sunday).
        #[arg(long, default_value = "T2-T7")]
        days: String,
        /// Calling hours in the campaign's time zone; split into morning, afternoon and evening
        /// at 12:00 and 17:00.
        #[arg(long, default_value = "07:30-11:30,13:30-20:00")]
        hours: String,
        /// Extra days without calls, YYYY-MM-DD, comma-separated (Vietnam's public holidays
        /// are already off).
        #[arg(long, value_delimiter = ',')]
        closed: Vec<NaiveDate>,
        /// Call on public holidays too.
        #[arg(long)]
        on_public_holidays: bool,
        /// Minutes a hard appointment waits for its operator before anyone may call.
        #[arg(long, default_value_t = 15)]
        grace_minutes: u32,
        #[arg(long)]
        json: bool,
    },
    /// List the campaigns.
    List {
        #[arg(long)]
        json: bool,
    },
    /// The campaign's days off in a year: holidays, days in lieu, extra days closed.
    DaysOff {
        #[arg(long)]
        campaign: String,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Close an extra day (no calls on it), or open it again with --open.
    DayOff {
        #[arg(long)]
        campaign: String,
        /// dd/mm/yyyy
        #[arg(long)]
        day: String,
        #[arg(long)]
        open: bool,
    },
}

fn print_days(year: &CallingYear) {
    println!(
        "Lịch gọi năm {}: {} {}",
        year.year, year.calling_days, year.calling_hours
    );
    for d in &year.days {
        let why = match d.kind {
            DayOffKind::Holiday => "ngày lễ, Tết",
            DayOffKind::InLieu => "nghỉ bù",
            DayOffKind::Closed => "nghỉ thêm của đợt",
        };
        println!("  {} {why} {}", d.date, d.name);
    }
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    match command {
        Command::Create {
            code,
            name,
            received_from,
            received_to,
            questionnaire,
            outcomes,
            max_attempts,
            days,
            hours,
            closed,
            on_public_holidays,
            grace_minutes,
            json,
        } => {
            let new = NewCampaign {
                code,
                name,
                received_from,
                received_to,
                questionnaire,
                outcomes: outcomes.as_deref().map(super::outcomes::read).transpose()?,
                max_attempts: Some(max_attempts),
                calling: CallingRequest {
                    days: Some(days),
                    hours: Some(hours),
                    closed,
                    on_public_holidays,
                    grace_minutes: Some(grace_minutes),
                },
            };
            let campaign = catalogue::create_campaign(&session, super::now()?, &new).await?;
            if json {
                println!("{}", serde_json::to_string(&campaign)?);
            } else {
                println!(
                    "Đã tạo đợt khảo sát {} — {} (nhận kết quả từ {} đến {})",
                    campaign.code, campaign.name, campaign.received_from, campaign.received_to
                );
                println!(
                    "Giờ gọi: {} {} ({}), tối đa {} lần gọi, lịch hẹn giữ cho điện thoại viên {} phút",
                    campaign.calling_days,
                    campaign.calling_hours,
                    campaign.time_zone,
                    campaign.max_attempts,
                    campaign.appointment_grace_minutes
                );
            }
        }
        Command::DaysOff {
            campaign,
            year,
            json,
        } => {
            let campaign = catalogue::campaign_by_code(session.store(), &campaign).await?;
            let req = CallingYearRequest {
                campaign_id: campaign.id,
                year,
            };
            let year = calling_calendar::calling_year(&session, &req).await?;
            if json {
                println!("{}", serde_json::to_string(&year)?);
            } else {
                print_days(&year);
            }
        }
        Command::DayOff {
            campaign,
            day,
            open,
        } => {
            let campaign = catalogue::campaign_by_code(session.store(), &campaign).await?;
            let req = DayOffRequest {
                campaign_id: campaign.id,
                day,
                closed: !open,
            };
            print_days(&calling_calendar::set_day_off(&session, super::now()?, &req).await?);
        }
        Command::List { json } => {
            let campaigns = catalogue::campaigns(&session).await?;
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

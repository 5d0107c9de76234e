//! `khaosat cases move|release|audit`: the supervisor's hand on the call lists — move cases
//! selected by agency, status and call list to an operator or the shared pool, take a case back
//! from whoever holds it, and read the audit of both.

use khaosat::domain::case::CaseStatus;
use khaosat::ops::catalogue;
use khaosat::ops::supervise::{
    self, CallListFilter, CampaignRequest, CaseSelection, ForceReleaseRequest, ReassignRequest,
};
use khaosat::ops::trail::{self, TrailLine, TrailRequest};
use khaosat::store::Store;
use uuid::Uuid;

/// The shared pool, where a call list is named.
const POOL: &str = "pool";

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Status {
    New,
    InCall,
    Retry,
    Appointment,
    Closed,
}

impl From<Status> for CaseStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::New => CaseStatus::New,
            Status::InCall => CaseStatus::InCall,
            Status::Retry => CaseStatus::Retry,
            Status::Appointment => CaseStatus::Appointment,
            Status::Closed => CaseStatus::Closed,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Move the cases that match to an operator's call list or to the shared pool.
    Move {
        #[arg(long)]
        campaign: String,
        /// Agency codes, comma-separated (default: all).
        #[arg(long, value_delimiter = ',')]
        agency: Vec<String>,
        /// Statuses, comma-separated (default: all).
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<Status>,
        /// The call list they are on now: an operator's login or `pool` (default: any).
        #[arg(long)]
        from: Option<String>,
        /// Where they go: an operator's login or `pool`.
        #[arg(long)]
        to: String,
        #[arg(long)]
        json: bool,
    },
    /// Take a case back from the operator holding it; their writes are refused from then on.
    Release {
        #[arg(long)]
        case: Uuid,
    },
    /// The campaign's audit of moves and releases, oldest first; with --changes, what the
    /// database's own trail recorded (PostgreSQL), newest first.
    Audit {
        #[arg(long)]
        campaign: String,
        /// Every insert, update and delete the database recorded: who, when, which row, what
        /// changed (names and numbers starred).
        #[arg(long)]
        changes: bool,
        /// With --changes: how many of the latest (at most 1000).
        #[arg(long, default_value_t = trail::DEFAULT_LINES, requires = "changes")]
        limit: u32,
        #[arg(long)]
        json: bool,
    },
}

/// The operator a call list belongs to, by login; `None` for the shared pool.
async fn person(store: &dyn Store, login: &str) -> anyhow::Result<Option<Uuid>> {
    if login == POOL {
        return Ok(None);
    }
    let found = store.staff().await?.into_iter().find(|s| s.login == login);
    Ok(Some(
        found
            .ok_or_else(|| khaosat::Error::not_found("nhân sự", login))?
            .id,
    ))
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let session = &session;
    let store = session.store();
    let now = super::now()?;
    match command {
        Command::Move {
            campaign,
            agency,
            status,
            from,
            to,
            json,
        } => {
            let campaign_id = catalogue::campaign_by_code(store, &campaign).await?.id;
            let call_list = match from.as_deref() {
                None => CallListFilter::Any,
                Some(login) => match person(store, login).await? {
                    None => CallListFilter::Pool,
                    Some(id) => CallListFilter::Operator { id },
                },
            };
            let selection = CaseSelection {
                campaign_id,
                agency_codes: agency,
                statuses: status.into_iter().map(CaseStatus::from).collect(),
                call_list,
            };
            let cases = supervise::select_cases(session, now, &selection).await?;
            let report = supervise::reassign(
                session,
                now,
                &ReassignRequest {
                    campaign_id,
                    cases,
                    to_operator: person(store, &to).await?,
                },
            )
            .await?;
            if json {
                println!("{}", serde_json::to_string(&report)?);
            } else {
                println!(
                    "Đã chuyển {} / {} ca vào {} ({} ca đã ở đó sẵn).",
                    report.moved,
                    report.selected,
                    report.to.as_deref().map_or_else(
                        || "kho chung".to_owned(),
                        |name| format!("danh sách của {name}")
                    ),
                    report.unchanged
                );
                if !report.in_call.is_empty() {
                    println!(
                        "{} ca đang trong cuộc gọi: người đang gọi giữ ca đến khi cuộc gọi kết thúc.",
                        report.in_call.len()
                    );
                }
                if !report.conflicts.is_empty() {
                    println!(
                        "{} ca vừa thay đổi trong lúc chọn nên chưa chuyển: hãy chạy lại lệnh.",
                        report.conflicts.len()
                    );
                }
            }
        }
        Command::Release { case } => {
            let released =
                supervise::force_release(session, now, &ForceReleaseRequest { case_id: case })
                    .await?;
            match released.held_by {
                Some(holder) => println!("Đã thu hồi ca {case} từ {holder}."),
                None => println!("Ca {case} không có ai đang giữ: không có gì thay đổi."),
            }
        }
        Command::Audit {
            campaign,
            changes: true,
            limit,
            json,
        } => {
            let campaign_id = catalogue::campaign_by_code(store, &campaign).await?.id;
            let view = trail::change_trail(
                session,
                &TrailRequest {
                    campaign_id,
                    limit: Some(limit),
                },
            )
            .await?;
            if json {
                println!("{}", serde_json::to_string(&view)?);
            } else if !view.kept {
                println!("Tệp cơ sở dữ liệu trên máy này không giữ nhật ký thay đổi (chỉ cơ sở dữ liệu dùng chung PostgreSQL giữ).");
            } else if view.lines.is_empty() {
                println!("Chưa có thay đổi nào được ghi.");
            } else {
                for line in view.lines {
                    print_trail_line(&line);
                }
            }
        }
        Command::Audit { campaign, json, .. } => {
            let campaign_id = catalogue::campaign_by_code(store, &campaign).await?.id;
            let entries = supervise::audit(session, &CampaignRequest { campaign_id }).await?;
            if json {
                println!("{}", serde_json::to_string(&entries)?);
            } else if entries.is_empty() {
                println!("Chưa có thao tác nào được ghi.");
            } else {
                for e in entries {
                    println!(
                        "{}  {:<14} {:<14} ca {}  {} → {}",
                        e.at,
                        e.actor,
                        e.action,
                        e.case_id.map(|c| c.to_string()).unwrap_or_default(),
                        e.before.unwrap_or_default(),
                        e.after.unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}

/// One change of the database's trail: when, who, what was done to which row, then a line per
/// column that changed.
fn print_trail_line(line: &TrailLine) {
    let done = match line.operation.as_str() {
        "INSERT" => "thêm",
        "UPDATE" => "sửa",
        "DELETE" => "xoá",
        _ => "đọc",
    };
    println!(
        "{}  {:<14} {done} {} {}",
        line.at, line.actor, line.table, line.row
    );
    for change in &line.changes {
        println!(
            "    {}: {} → {}",
            change.column, change.before, change.after
        );
    }
}

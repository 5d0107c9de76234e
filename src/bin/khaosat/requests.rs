//! `khaosat requests add|list|ack|close`: the register of people's requests about their data
//! (see, correct, delete, withdraw consent), for an administrator: what is due and by when. A
//! deletion or a withdrawal removes the person's name and number everywhere when recorded.

use anyhow::Context;
use khaosat::domain::intake::date::parse_date_text;
use khaosat::domain::privacy::requests::RequestKind;
use khaosat::ops::requests::{self, NewRequest};
use uuid::Uuid;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Record a request: --kind access|correct|delete|withdraw.
    Add {
        #[arg(long, value_parser = kind)]
        kind: RequestKind,
        /// The person's phone number (needed for delete and withdraw).
        #[arg(long)]
        phone: Option<String>,
        /// The day it came, dd/mm/yyyy (default: today).
        #[arg(long)]
        received: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
    /// The register, with what is due and what is late.
    List {
        /// Only the requests not closed yet.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
    /// Mark a request acknowledged today.
    Ack { id: Uuid },
    /// Close a request with the answer given.
    Close {
        id: Uuid,
        #[arg(long)]
        note: String,
    },
}

fn kind(text: &str) -> Result<RequestKind, String> {
    RequestKind::parse(text).ok_or_else(|| {
        format!("loại yêu cầu “{text}” không có: access (xem), correct (sửa), delete (xoá) hoặc withdraw (rút lại đồng ý)")
    })
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let now = super::now()?;
    match command {
        Command::Add {
            kind,
            phone,
            received,
            note,
            json,
        } => {
            let received_on = match received {
                Some(text) => parse_date_text(&text)
                    .with_context(|| format!("--received “{text}”: cần ngày dd/mm/yyyy"))?,
                None => now
                    .with_timezone(&khaosat::domain::time::DEFAULT_TIME_ZONE)
                    .date_naive(),
            };
            let added = requests::add(
                &session,
                now,
                &NewRequest {
                    kind,
                    phone,
                    received_on,
                    note,
                },
            )
            .await?;
            if json {
                println!("{}", serde_json::to_string(&added)?);
                return Ok(());
            }
            println!(
                "Đã ghi yêu cầu {} ({}), nhận ngày {}: tiếp nhận trước {}, trả lời trước {}.",
                added.id,
                added.kind.label_vi(),
                added.received_on,
                added.acknowledge_by,
                added.answer_by
            );
            if kind.forgets() {
                println!(
                    "Đã xoá họ tên và số điện thoại của người này khỏi {} ca; không ai gọi lại họ nữa.",
                    added.forgotten_cases
                );
            }
        }
        Command::List { open, json } => {
            let list = requests::list(&session, now, open).await?;
            if json {
                println!("{}", serde_json::to_string(&list)?);
                return Ok(());
            }
            if list.is_empty() {
                println!("Chưa có yêu cầu nào.");
            }
            for r in list {
                let state = match (&r.closed_on, &r.acknowledged_on) {
                    (Some(on), _) => format!("đã trả lời {on}"),
                    (None, Some(on)) => format!("đã tiếp nhận {on}, trả lời trước {}", r.answer_by),
                    (None, None) => format!(
                        "tiếp nhận trước {}, trả lời trước {}",
                        r.acknowledge_by, r.answer_by
                    ),
                };
                let late = if r.acknowledgement_overdue || r.answer_overdue {
                    " — QUÁ HẠN"
                } else {
                    ""
                };
                println!(
                    "{}  {}  {:<18} {}  {state}{late}",
                    r.id,
                    r.received_on,
                    r.kind.label_vi(),
                    r.phone_masked.unwrap_or_default()
                );
            }
        }
        Command::Ack { id } => {
            requests::acknowledge(&session, now, id).await?;
            println!("Đã ghi tiếp nhận yêu cầu {id}.");
        }
        Command::Close { id, note } => {
            requests::close(&session, now, id, &note).await?;
            println!("Đã đóng yêu cầu {id}.");
        }
    }
    Ok(())
}

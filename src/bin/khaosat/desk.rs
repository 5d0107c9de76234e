//! `khaosat desk next|outcome|release|queue`: the operator's desk from a script — the same use
//! cases the app's operator screen calls, for automation and testing, as the session's operator
//! (the URL's role on PostgreSQL, `--as` on the embedded file). A script names the case; the
//! outcome and the release go under the case's current lease (`--epoch` to insist on one).

use khaosat::domain::outcome::OutcomeCode;
use khaosat::domain::schedule::AppointmentKind;
use khaosat::domain::time::LocalTime;
use khaosat::ops::catalogue;
use khaosat::ops::desk::{self, NextCaseRequest, RecordOutcomeRequest};
use khaosat::ops::pause::{self, PauseRequest};
use khaosat::ops::session::Session;
use uuid::Uuid;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Take the session's next case (or the one it already holds) and print it.
    Next {
        #[arg(long)]
        campaign: String,
        #[arg(long)]
        json: bool,
    },
    /// Record a call's outcome on a held case.
    Outcome {
        #[arg(long)]
        case: Uuid,
        /// Outcome code from the campaign's catalogue, e.g. 3.13.
        #[arg(long)]
        code: OutcomeCode,
        #[arg(long)]
        note: Option<String>,
        /// Callback time in the campaign's time zone: `2026-11-24T09:30` or `24/11/2026 09:30`.
        #[arg(long)]
        at: Option<String>,
        /// The callback may be made by any operator (default: only this one).
        #[arg(long)]
        anyone: bool,
        /// Refuse unless the case is still held under this epoch (as `desk next` printed it).
        #[arg(long)]
        epoch: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Give a held case back without recording a call.
    Release {
        #[arg(long)]
        case: Uuid,
        #[arg(long)]
        epoch: Option<i64>,
    },
    /// What the session's queue holds: counts, calling hours, appointments ahead.
    Queue {
        #[arg(long)]
        campaign: String,
        #[arg(long)]
        json: bool,
    },
    /// Stop taking calls, with the reason (Nghỉ giải lao, Họp, Sự cố kỹ thuật, Đào tạo, or
    /// another): no case is handed out until `desk resume`.
    Pause {
        #[arg(long)]
        campaign: String,
        #[arg(long)]
        reason: String,
    },
    /// Take calls again after a pause.
    Resume {
        #[arg(long)]
        campaign: String,
    },
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let session = &session;
    let now = super::now()?;
    match command {
        Command::Next { campaign, json } => {
            let request = request(session, &campaign).await?;
            let card = desk::next_case(session, now, &request).await?;
            if json {
                println!("{}", serde_json::to_string(&card)?);
                return Ok(());
            }
            let Some(card) = card else {
                let queue = desk::queue(session, now, &request).await?;
                match queue.next_open {
                    Some(at) => println!("Ngoài giờ gọi. Giờ gọi tiếp theo: {at}"),
                    None => println!("Không có ca nào để gọi lúc này."),
                }
                return Ok(());
            };
            println!(
                "Ca {} (lượt giữ {}){}",
                card.lease.case_id,
                card.lease.epoch,
                if card.resumed {
                    " — đang giữ từ trước"
                } else {
                    ""
                }
            );
            println!("  {} — {}", card.respondent_name, card.phone);
            println!(
                "  {} · {} · hồ sơ {} · nhận kết quả {}",
                card.agency_name, card.procedure, card.dossier_code, card.received_on
            );
            println!("  đã gọi {}/{} lần", card.attempts, card.max_attempts);
            if let Some(at) = &card.appointment_at {
                println!("  hẹn gọi lại lúc {at}");
            }
        }
        Command::Outcome {
            case,
            code,
            note,
            at,
            anyone,
            epoch,
            json,
        } => {
            let lease = desk::current_lease(session, case, epoch).await?;
            let request = RecordOutcomeRequest {
                lease,
                attempt_id: Uuid::new_v4(),
                outcome: code,
                note,
                appointment_at: at.as_deref().map(LocalTime::parse).transpose()?,
                appointment_kind: Some(if anyone {
                    AppointmentKind::Soft
                } else {
                    AppointmentKind::Hard
                }),
            };
            let recorded = desk::record_outcome(session, now, &request).await?;
            if json {
                println!("{}", serde_json::to_string(&recorded)?);
            } else {
                print!(
                    "Đã ghi {} cho ca {} (lần gọi thứ {})",
                    recorded.outcome, recorded.case_id, recorded.attempts
                );
                match (&recorded.final_outcome, &recorded.retry_at) {
                    (Some(closed), _) => println!("; ca kết thúc: {closed}"),
                    (None, Some(at)) => println!("; gọi lại từ {at}"),
                    (None, None) => println!(),
                }
            }
        }
        Command::Release { case, epoch } => {
            let lease = desk::current_lease(session, case, epoch).await?;
            desk::release(session, &lease).await?;
            println!("Đã trả ca {case}.");
        }
        Command::Pause { campaign, reason } => {
            let campaign_id = request(session, &campaign).await?.campaign_id;
            let paused = pause::pause(
                session,
                now,
                &PauseRequest {
                    campaign_id,
                    reason,
                },
            )
            .await?;
            println!("Đang tạm nghỉ từ {}: {}.", paused.since, paused.reason);
        }
        Command::Resume { campaign } => {
            let campaign_id = request(session, &campaign).await?.campaign_id;
            match pause::resume(session, now, campaign_id).await? {
                Some(ended) => println!(
                    "Tiếp tục làm việc sau {} phút tạm nghỉ ({}).",
                    ended.minutes, ended.reason
                ),
                None => println!("Bạn không tạm nghỉ: không có gì thay đổi."),
            }
        }
        Command::Queue { campaign, json } => {
            let request = request(session, &campaign).await?;
            let queue = desk::queue(session, now, &request).await?;
            if json {
                println!("{}", serde_json::to_string(&queue)?);
                return Ok(());
            }
            match (&queue.slot, &queue.next_open) {
                (Some(slot), _) => {
                    println!("Đang trong giờ gọi ({}).", slot.label_vi().to_lowercase())
                }
                (None, Some(at)) => println!("Ngoài giờ gọi. Giờ gọi tiếp theo: {at}"),
                (None, None) => println!("Ngoài giờ gọi."),
            }
            println!(
                "Danh sách riêng: {} ca mở · kho chung: {} ca mở · gọi được ngay: {}",
                queue.own_open, queue.pool_open, queue.ready
            );
            for appointment in &queue.appointments {
                println!(
                    "  hẹn {}{}{} — {} · hồ sơ {} (ca {})",
                    appointment.at,
                    if appointment.due {
                        " (đến giờ)"
                    } else {
                        ""
                    },
                    if appointment.hard {
                        " [của tôi]"
                    } else {
                        ""
                    },
                    appointment.agency_name,
                    appointment.dossier_code,
                    appointment.case_id
                );
            }
        }
    }
    Ok(())
}

async fn request(session: &Session, campaign: &str) -> anyhow::Result<NextCaseRequest> {
    Ok(NextCaseRequest {
        campaign_id: catalogue::campaign_by_code(session.store(), campaign)
            .await?
            .id,
    })
}

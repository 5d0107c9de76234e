//! `khaosat review list|show|approve|return|correct`: a supervisor's review of finished
//! interviews from a terminal or a script — the queue with its filters, one interview with its
//! calls and history, and the steps, each kept with who took it, when and why.

use khaosat::domain::intake::date::parse_field_date;
use khaosat::domain::review::ReviewState;
use khaosat::domain::survey::QuestionId;
use khaosat::ops::catalogue;
use khaosat::ops::review::{
    self, CorrectionRequest, ReviewDecision, ReviewItem, ReviewListRequest, ReviewRequest,
    ReviewView,
};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum State {
    Submitted,
    Approved,
    Returned,
}

impl From<State> for ReviewState {
    fn from(state: State) -> Self {
        match state {
            State::Submitted => ReviewState::Submitted,
            State::Approved => ReviewState::Approved,
            State::Returned => ReviewState::Returned,
        }
    }
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The campaign's finished interviews, oldest first, with their review state.
    List {
        #[arg(long)]
        campaign: String,
        #[arg(long, value_enum)]
        state: Option<State>,
        /// An agency's code.
        #[arg(long)]
        agency: Option<String>,
        /// An operator's login.
        #[arg(long)]
        operator: Option<String>,
        /// Finished on or after this day, dd/mm/yyyy.
        #[arg(long)]
        from: Option<String>,
        /// Finished on or before this day, dd/mm/yyyy.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One interview: its answers in order, its calls and its review history.
    Show {
        id: Uuid,
        #[arg(long)]
        json: bool,
    },
    /// Approve a submitted interview.
    Approve {
        id: Uuid,
        /// A note kept with the approval.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Return an interview to its operator, with the reason.
    Return {
        id: Uuid,
        #[arg(long)]
        reason: String,
    },
    /// Correct one answer, with the reason: the value as an operator types it.
    Correct {
        id: Uuid,
        #[arg(long)]
        question: String,
        #[arg(long)]
        value: String,
        #[arg(long)]
        reason: String,
    },
}

fn day(option: &str, text: Option<String>) -> anyhow::Result<Option<chrono::NaiveDate>> {
    text.map(|text| parse_field_date(option, &text).map_err(anyhow::Error::msg))
        .transpose()
}

pub async fn run(db: Option<&str>, command: Command) -> anyhow::Result<()> {
    let (_, session) = super::session(db).await?;
    let session = &session;
    let store = session.store();
    let now = super::now()?;
    match command {
        Command::List {
            campaign,
            state,
            agency,
            operator,
            from,
            to,
            json,
        } => {
            let campaign_id = catalogue::campaign_by_code(store, &campaign).await?.id;
            let operator_id = match operator {
                None => None,
                Some(login) => Some(
                    store
                        .staff()
                        .await?
                        .into_iter()
                        .find(|s| s.login == login)
                        .ok_or_else(|| khaosat::Error::not_found("nhân sự", &login))?
                        .id,
                ),
            };
            let items = review::review_list(
                session,
                &ReviewListRequest {
                    campaign_id,
                    state: state.map(ReviewState::from),
                    agency,
                    operator_id,
                    from: day("--from", from)?,
                    to: day("--to", to)?,
                },
            )
            .await?;
            if json {
                println!("{}", serde_json::to_string(&items)?);
            } else {
                print_items(&items);
            }
        }
        Command::Show { id, json } => {
            let view = review::review_show(session, &ReviewRequest { interview_id: id }).await?;
            if json {
                println!("{}", serde_json::to_string(&view)?);
            } else {
                print_view(&view);
            }
        }
        Command::Approve { id, note } => {
            review::approve(session, now, &decision(id, note)).await?;
            println!("Đã duyệt phiếu {id}.");
        }
        Command::Return { id, reason } => {
            review::return_interview(session, now, &decision(id, reason)).await?;
            println!("Đã trả lại phiếu {id} cho điện thoại viên.");
        }
        Command::Correct {
            id,
            question,
            value,
            reason,
        } => {
            let question_id = QuestionId::parse(&question)
                .map_err(|e| anyhow::anyhow!("--question “{question}”: {e}"))?;
            let view = review::correct(
                session,
                now,
                &CorrectionRequest {
                    interview_id: id,
                    step_id: Uuid::new_v4(),
                    answer_id: Uuid::new_v4(),
                    question_id,
                    input: value,
                    reason,
                },
            )
            .await?;
            println!("Đã sửa câu {question} của phiếu {id}.");
            print_view(&view);
        }
    }
    Ok(())
}

fn decision(id: Uuid, reason: String) -> ReviewDecision {
    ReviewDecision {
        interview_id: id,
        step_id: Uuid::new_v4(),
        reason,
    }
}

fn print_items(items: &[ReviewItem]) {
    if items.is_empty() {
        println!("Không có phiếu nào.");
        return;
    }
    println!(
        "{:<36}  {:<16}  {:<10}  {:<20}  {:<11}  lý do / số câu đã sửa",
        "phiếu", "xong lúc", "cơ quan", "điện thoại viên", "trạng thái"
    );
    for item in items {
        let note = match (&item.reason, item.corrections) {
            (Some(reason), _) => reason.clone(),
            (None, 0) => String::new(),
            (None, n) => format!("{n} câu đã sửa"),
        };
        println!(
            "{:<36}  {:<16}  {:<10}  {:<20}  {:<11}  {}",
            item.interview_id,
            item.finished_at,
            item.agency_code,
            item.operator,
            item.state.label(),
            note
        );
    }
}

fn print_view(view: &ReviewView) {
    let item = &view.item;
    println!(
        "Phiếu {} — {} {} — {} — xong lúc {} — {}",
        item.interview_id,
        item.agency_code,
        item.agency_name,
        item.operator,
        item.finished_at,
        item.state.label()
    );
    for question in view
        .interview
        .questions
        .iter()
        .filter(|q| q.answer.is_some())
    {
        let shown = question.answer.as_ref().map_or("", |a| a.shown.as_str());
        println!("  {}  {}: {}", question.id, question.text, shown);
    }
    if !view.calls.is_empty() {
        println!("Các lần gọi:");
        for call in &view.calls {
            println!("  {}  {}", call.at, call.outcome);
        }
    }
    if !view.history.is_empty() {
        println!("Lịch sử duyệt:");
        for step in &view.history {
            let change = match (&step.question, &step.new_value) {
                (Some(q), Some(new)) => format!(
                    " câu {q}: {} → {new}",
                    step.old_value.as_deref().unwrap_or("∅")
                ),
                _ => String::new(),
            };
            println!(
                "  {}  {}  {}{}{}",
                step.at,
                step.by,
                step.label,
                change,
                if step.reason.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", step.reason)
                }
            );
        }
    }
}

//! The SQL of review: the steps supervisors take on finished interviews (approve, return,
//! correct) and operators take on returned ones (send again), kept as a history nobody changes.
//! A step is taken in one transaction with the interview's row locked, so two supervisors
//! deciding at once cannot both move it; a correction also goes into the interview's answer
//! history and replaces its scores. The same SQL on both databases; on PostgreSQL the policies
//! keep each supervisor to their campaigns and each step to its own author.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{InterviewStatus, StoredAnswer};
use crate::domain::results::index::ScoreLine;
use crate::domain::review::{ReviewAction, Reviewer};
use crate::error::{Error, Result};

/// The campaign's (`$1`) finished interviews, oldest finish first.
pub const SELECT_FINISHED: &str = "SELECT i.id, i.case_id, c.agency_id, i.operator_id, i.status,
     i.finished_at FROM interview i JOIN survey_case c ON c.id = i.case_id
     WHERE c.campaign_id = $1 AND i.status <> 'in_progress' AND i.finished_at IS NOT NULL
     ORDER BY i.finished_at, i.id";
const STEP_COLUMNS: &str = "SELECT id, interview_id, round, action, by_staff, at, reason,
     question_id, old_value, new_value FROM review_event";
/// The campaign's (`$1`) steps, each interview's in the order taken.
pub fn campaign_steps() -> String {
    format!("{STEP_COLUMNS} WHERE campaign_id = $1 ORDER BY interview_id, seq")
}
/// One interview's (`$1`) steps, in the order taken.
pub fn interview_steps() -> String {
    format!("{STEP_COLUMNS} WHERE interview_id = $1 ORDER BY seq")
}
/// The interview (`$1`) a step is taken on, with its campaign and its operator, read once the
/// backend's lock on it is held.
pub const STEP_INTERVIEW: &str = "SELECT i.finished_at, c.campaign_id, i.status, i.operator_id
     FROM interview i JOIN survey_case c ON c.id = i.case_id WHERE i.id = $1";
/// PostgreSQL: one step at a time per interview (`$1`), until the transaction ends. A lock of
/// its own rather than the interview's row, which an operator may not lock (that takes the right
/// to update it).
pub const PG_LOCK_STEPS: &str = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 16))";
pub const INTERVIEW_CASE: &str = "SELECT case_id FROM interview WHERE id = $1";
pub const COUNT_ANSWERS: &str = "SELECT COUNT(*) FROM answer_log WHERE interview_id = $1";
pub const INSERT_STEP: &str = "INSERT INTO review_event
     (id, interview_id, campaign_id, round, action, by_staff, at, reason, question_id, old_value,
      new_value, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM review_event WHERE interview_id = $2))";
pub const RESCORE: &str = "UPDATE result_interview SET scores = $2 WHERE interview_id = $1";

/// A finished interview as the review queue lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    pub agency_id: Uuid,
    pub operator_id: Uuid,
    pub status: InterviewStatus,
    pub finished_at: DateTime<Utc>,
}

/// A step of review, as kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewStep {
    pub id: Uuid,
    pub interview_id: Uuid,
    /// The interview's finish this step reviews: a partial interview finished anew starts a new
    /// round, reviewed afresh.
    pub round: DateTime<Utc>,
    pub action: ReviewAction,
    pub by: Uuid,
    pub at: DateTime<Utc>,
    pub reason: String,
    pub correction: Option<Correction>,
}

/// What a correction changed: the question, and its answer's code before and after (`None`
/// before: it had none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub question: String,
    pub old: Option<String>,
    pub new: String,
}

/// A step to take. The store fills in the round and the campaign from the interview as it is.
#[derive(Debug, Clone)]
pub struct NewStep<'a> {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub action: ReviewAction,
    pub by: Uuid,
    /// A supervisor, or the interview's own operator (who must be `by`).
    pub reviewer: Reviewer,
    pub at: DateTime<Utc>,
    pub reason: &'a str,
    /// A correction's answer, the history's length it was made against, and the interview's
    /// scores with it.
    pub correction: Option<(&'a Correction, &'a StoredAnswer, usize, &'a ScoreLine)>,
}

/// Review's share of the store, apart from the rest of [`super::Store`] (which requires it).
#[async_trait]
pub trait ReviewStore: Send + Sync {
    /// The campaign's finished interviews, oldest finish first.
    async fn finished_interviews_for_review(&self, campaign: Uuid) -> Result<Vec<FinishedRecord>>;
    /// The case of an interview; `None` when there is no such interview (or, on PostgreSQL,
    /// the session may not read it).
    async fn interview_case(&self, interview: Uuid) -> Result<Option<Uuid>>;
    /// The campaign's review steps, each interview's in the order taken.
    async fn campaign_review_steps(&self, campaign: Uuid) -> Result<Vec<ReviewStep>>;
    /// One interview's review steps, in the order taken.
    async fn review_steps(&self, interview: Uuid) -> Result<Vec<ReviewStep>>;
    /// Takes a step, in one transaction with the interview locked: refused (a conflict) when
    /// the interview's state no longer allows it — someone reviewed it meanwhile — or, for a
    /// correction, when an answer was given since it was read. A step whose id is already kept
    /// is not taken again (a retried request). Returns the round it reviewed.
    async fn take_review_step(&self, step: &NewStep<'_>) -> Result<DateTime<Utc>>;
}

/// The state of an interview finished at `round`, from its steps (any rounds, in the order taken).
pub fn state_of(round: DateTime<Utc>, steps: &[ReviewStep]) -> crate::domain::review::ReviewState {
    crate::domain::review::ReviewState::after_steps(
        steps.iter().filter(|s| s.round == round).map(|s| s.action),
    )
}

#[derive(sqlx::FromRow)]
pub struct FinishedRow {
    id: Uuid,
    case_id: Uuid,
    agency_id: Uuid,
    operator_id: Uuid,
    status: String,
    finished_at: DateTime<Utc>,
}

impl TryFrom<FinishedRow> for FinishedRecord {
    type Error = Error;

    fn try_from(row: FinishedRow) -> Result<Self> {
        Ok(FinishedRecord {
            id: row.id,
            case_id: row.case_id,
            agency_id: row.agency_id,
            operator_id: row.operator_id,
            status: InterviewStatus::parse(&row.status)
                .ok_or_else(|| super::rows::corrupt("phiếu", row.id))?,
            finished_at: row.finished_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct StepRow {
    id: Uuid,
    interview_id: Uuid,
    round: DateTime<Utc>,
    action: String,
    by_staff: Uuid,
    at: DateTime<Utc>,
    reason: String,
    question_id: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
}

impl TryFrom<StepRow> for ReviewStep {
    type Error = Error;

    fn try_from(row: StepRow) -> Result<Self> {
        let action = ReviewAction::parse(&row.action)
            .ok_or_else(|| super::rows::corrupt("bước duyệt phiếu", row.id))?;
        Ok(ReviewStep {
            id: row.id,
            interview_id: row.interview_id,
            round: row.round,
            action,
            by: row.by_staff,
            at: row.at,
            reason: row.reason,
            correction: row.question_id.map(|question| Correction {
                question,
                old: row.old_value,
                new: row.new_value.unwrap_or_default(),
            }),
        })
    }
}

/// `ReviewStore` for a backend of `sql_store!`: `$lock`, when given, is the statement that makes
/// steps on one interview (`$1`) wait for each other (SQLite's write transaction holds the whole
/// file already).
macro_rules! review_store {
    ($store:ident, $lock:expr) => {
        const _: () = {
            use async_trait::async_trait;
            use chrono::{DateTime, Utc};
            use uuid::Uuid;

            use crate::error::{DbContext, Error, Result};
            use crate::store::review::*;

            #[async_trait]
            impl ReviewStore for $store {
                async fn finished_interviews_for_review(
                    &self,
                    campaign: Uuid,
                ) -> Result<Vec<FinishedRecord>> {
                    let found: Vec<FinishedRow> = sqlx::query_as(SELECT_FINISHED)
                        .bind(campaign)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc phiếu chờ duyệt")?;
                    found.into_iter().map(TryInto::try_into).collect()
                }

                async fn interview_case(&self, interview: Uuid) -> Result<Option<Uuid>> {
                    let found: Option<(Uuid,)> = sqlx::query_as(INTERVIEW_CASE)
                        .bind(interview)
                        .fetch_optional(&mut *self.conn().await?)
                        .await
                        .doing("đọc phiếu")?;
                    Ok(found.map(|(case,)| case))
                }

                async fn campaign_review_steps(&self, campaign: Uuid) -> Result<Vec<ReviewStep>> {
                    let found: Vec<StepRow> = sqlx::query_as(&campaign_steps())
                        .bind(campaign)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc lịch sử duyệt phiếu")?;
                    found.into_iter().map(TryInto::try_into).collect()
                }

                async fn review_steps(&self, interview: Uuid) -> Result<Vec<ReviewStep>> {
                    let found: Vec<StepRow> = sqlx::query_as(&interview_steps())
                        .bind(interview)
                        .fetch_all(&mut *self.conn().await?)
                        .await
                        .doing("đọc lịch sử duyệt phiếu")?;
                    found.into_iter().map(TryInto::try_into).collect()
                }

                async fn take_review_step(&self, step: &NewStep<'_>) -> Result<DateTime<Utc>> {
                    let mut tx = self.begin_write().await?;
                    let lock: Option<&str> = $lock;
                    if let Some(lock) = lock {
                        sqlx::query(lock)
                            .bind(step.interview_id)
                            .execute(&mut *tx)
                            .await
                            .doing("duyệt phiếu")?;
                    }
                    let locked: Option<(Option<DateTime<Utc>>, Uuid, String, Uuid)> =
                        sqlx::query_as(STEP_INTERVIEW)
                            .bind(step.interview_id)
                            .fetch_optional(&mut *tx)
                            .await
                            .doing("duyệt phiếu")?;
                    let (round, campaign) = match locked {
                        Some((_, _, _, operator))
                            if step.reviewer == crate::domain::review::Reviewer::Operator
                                && operator != step.by =>
                        {
                            return Err(Error::Forbidden(format!(
                                "phiếu {} không phải phiếu của bạn",
                                step.interview_id
                            )))
                        }
                        Some((Some(round), campaign, status, _)) if status != "in_progress" => {
                            (round, campaign)
                        }
                        Some(_) => {
                            return Err(Error::Conflict(format!(
                                "phiếu {} đang được phỏng vấn tiếp, chưa xong để duyệt",
                                step.interview_id
                            )))
                        }
                        None => return Err(Error::not_found("phiếu", step.interview_id)),
                    };
                    let steps: Vec<StepRow> = sqlx::query_as(&interview_steps())
                        .bind(step.interview_id)
                        .fetch_all(&mut *tx)
                        .await
                        .doing("duyệt phiếu")?;
                    let steps = steps
                        .into_iter()
                        .map(ReviewStep::try_from)
                        .collect::<Result<Vec<_>>>()?;
                    if steps.iter().any(|s| s.id == step.id) {
                        return Ok(round);
                    }
                    state_of(round, &steps)
                        .allows(step.action, step.reviewer)
                        .map_err(|why| {
                            Error::Conflict(format!("phiếu {}: {why}", step.interview_id))
                        })?;
                    if let Some((_, answer, read, scores)) = step.correction {
                        let (given,): (i64,) = sqlx::query_as(COUNT_ANSWERS)
                            .bind(step.interview_id)
                            .fetch_one(&mut *tx)
                            .await
                            .doing("sửa câu trả lời")?;
                        if usize::try_from(given).ok() != Some(read) {
                            return Err(Error::Conflict(format!(
                                "phiếu {} vừa có câu trả lời mới; hãy xem lại rồi sửa",
                                step.interview_id
                            )));
                        }
                        sqlx::query(crate::store::rows::INSERT_ANSWER)
                            .bind(answer.id)
                            .bind(step.interview_id)
                            .bind(answer.question.as_str())
                            .bind(&answer.code)
                            .bind(answer.answered_by)
                            .bind(answer.answered_at)
                            .execute(&mut *tx)
                            .await
                            .doing("sửa câu trả lời")?;
                        sqlx::query(RESCORE)
                            .bind(step.interview_id)
                            .bind(scores.to_text())
                            .execute(&mut *tx)
                            .await
                            .doing("tính lại điểm của phiếu")?;
                    }
                    let correction = step.correction.map(|(c, ..)| c);
                    sqlx::query(INSERT_STEP)
                        .bind(step.id)
                        .bind(step.interview_id)
                        .bind(campaign)
                        .bind(round)
                        .bind(step.action.as_str())
                        .bind(step.by)
                        .bind(step.at)
                        .bind(step.reason)
                        .bind(correction.map(|c| c.question.as_str()))
                        .bind(correction.and_then(|c| c.old.as_deref()))
                        .bind(correction.map(|c| c.new.as_str()))
                        .execute(&mut *tx)
                        .await
                        .doing("ghi bước duyệt phiếu")?;
                    tx.commit().await.doing("duyệt phiếu")?;
                    Ok(round)
                }
            }
        };
    };
}
pub(crate) use review_store;

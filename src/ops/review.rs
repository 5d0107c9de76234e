//! Review of finished interviews (DESIGN.md, "Review and reports"). At the supervisor's desk:
//! the queue with its filters, one interview with its calls and its review history, and the
//! steps — approve, return with a reason, correct an answer with a reason. At the operator's:
//! the interviews returned to them, which they correct and send again. A correction is parsed
//! against its question like an answer at the desk, walks the questionnaire's conditions again
//! and replaces the interview's scores; one that would leave the interview unfinished is refused.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::desk::{case_calls, AttemptView};
use super::interview::{
    campaign_script, case_interview, current_answers, interview_for, InterviewView,
};
use super::session::Session;
use crate::domain::people::Role;
use crate::domain::results::index::ScoreLine;
use crate::domain::review::{Reason, ReviewAction, ReviewState, Reviewer};
use crate::domain::survey::{QuestionId, Stop};
use crate::domain::time::format_instant;
use crate::error::{Error, Result};
use crate::store::model::{InterviewStatus, StoredAnswer};
use crate::store::{Correction, NewStep, ReviewStep};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewListRequest {
    pub campaign_id: Uuid,
    #[serde(default)]
    pub state: Option<ReviewState>,
    /// An agency's code.
    #[serde(default)]
    pub agency: Option<String>,
    #[serde(default)]
    pub operator_id: Option<Uuid>,
    /// Finished on or after this day (in the campaign's time zone).
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// Finished on or before this day.
    #[serde(default)]
    pub to: Option<NaiveDate>,
}

/// A finished interview in the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    pub interview_id: Uuid,
    pub case_id: Uuid,
    pub agency_code: String,
    pub agency_name: String,
    pub operator_id: Uuid,
    pub operator: String,
    pub status: InterviewStatus,
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub finished_at: String,
    pub state: ReviewState,
    /// The reason of its latest return, while it is returned.
    pub reason: Option<String>,
    /// Answers a supervisor corrected in this round.
    pub corrections: u32,
}

/// A step of an interview's review, as its history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewStepView {
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    pub by: String,
    pub action: ReviewAction,
    /// In Vietnamese: "duyệt", "trả lại", "gửi lại", "sửa câu trả lời".
    pub label: String,
    pub reason: String,
    #[ts(type = "string | null")]
    pub question: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// Of the interview's current finish (earlier rounds reviewed an earlier finish).
    pub current: bool,
}

/// One interview under review: the queue's line, its questions and answers in order, its calls
/// and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewView {
    pub item: ReviewItem,
    pub interview: InterviewView,
    pub calls: Vec<AttemptView>,
    pub history: Vec<ReviewStepView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewRequest {
    pub interview_id: Uuid,
}

/// Approve, or return with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDecision {
    pub interview_id: Uuid,
    /// Made by the workstation, so a retried decision is taken once.
    pub step_id: Uuid,
    /// Required to return; kept with an approval when given.
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CorrectionRequest {
    pub interview_id: Uuid,
    pub step_id: Uuid,
    /// The new answer's id in the interview's history.
    pub answer_id: Uuid,
    #[ts(type = "string")]
    pub question_id: QuestionId,
    /// As an operator types it: an option's code, codes for a multiple choice, 0–5 on the
    /// scale, a number, a text, a date dd/mm/yyyy.
    pub input: String,
    pub reason: String,
}

/// The people's full names, by id, as the queue and the history name them.
async fn full_names(store: &dyn crate::store::Store) -> Result<HashMap<Uuid, String>> {
    Ok(store
        .staff()
        .await?
        .into_iter()
        .map(|s| (s.id, s.full_name))
        .collect())
}

/// Every finished interview of the campaign with its state and when it finished, oldest finish
/// first; the caller has checked who may read them (on PostgreSQL an operator reads their own).
async fn finished(
    session: &Session,
    campaign_id: Uuid,
) -> Result<Vec<(ReviewItem, DateTime<Utc>)>> {
    let store = session.store();
    let campaign = store.campaign(campaign_id).await?;
    let agencies: HashMap<Uuid, (String, String)> = store
        .agencies()
        .await?
        .into_iter()
        .map(|a| (a.id, (a.code, a.name)))
        .collect();
    let staff = full_names(store).await?;
    let mut steps: HashMap<Uuid, Vec<ReviewStep>> = HashMap::new();
    for step in store.campaign_review_steps(campaign_id).await? {
        steps.entry(step.interview_id).or_default().push(step);
    }
    Ok(store
        .finished_interviews_for_review(campaign_id)
        .await?
        .into_iter()
        .map(|f| {
            let own = steps.remove(&f.id).unwrap_or_default();
            let (state, reason, corrections) = summary(f.finished_at, &own);
            let (agency_code, agency_name) =
                agencies.get(&f.agency_id).cloned().unwrap_or_default();
            let item = ReviewItem {
                interview_id: f.id,
                case_id: f.case_id,
                agency_code,
                agency_name,
                operator_id: f.operator_id,
                operator: staff.get(&f.operator_id).cloned().unwrap_or_default(),
                status: f.status,
                finished_at: format_instant(f.finished_at, campaign.time_zone),
                state,
                reason,
                corrections,
            };
            (item, f.finished_at)
        })
        .collect())
}

/// The state, the reason of the latest return (while returned) and the corrections of the
/// round that reviews the finish at `round`.
fn summary(round: DateTime<Utc>, steps: &[ReviewStep]) -> (ReviewState, Option<String>, u32) {
    let current: Vec<&ReviewStep> = steps.iter().filter(|s| s.round == round).collect();
    let state = ReviewState::after_steps(current.iter().map(|s| s.action));
    let reason = (state == ReviewState::Returned)
        .then(|| {
            current
                .iter()
                .rev()
                .find(|s| s.action == ReviewAction::Returned)
                .map(|s| s.reason.clone())
        })
        .flatten();
    let corrections = current
        .iter()
        .filter(|s| s.action == ReviewAction::Corrected)
        .count();
    (
        state,
        reason,
        u32::try_from(corrections).unwrap_or(u32::MAX),
    )
}

/// What a supervisor is told they tried, when they may not.
const REVIEW: &str = "duyệt phiếu";

/// The campaign's finished interviews, filtered, oldest finish first.
pub async fn review_list(session: &Session, req: &ReviewListRequest) -> Result<Vec<ReviewItem>> {
    session.supervise(req.campaign_id, REVIEW)?;
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from > to {
            return Err(Error::Invalid(
                "khoảng ngày không hợp lệ: ngày bắt đầu sau ngày kết thúc".to_owned(),
            ));
        }
    }
    let zone = session.store().campaign(req.campaign_id).await?.time_zone;
    Ok(finished(session, req.campaign_id)
        .await?
        .into_iter()
        .filter(|(item, finished)| {
            let day = finished.with_timezone(&zone).date_naive();
            req.state.is_none_or(|s| s == item.state)
                && req.agency.as_ref().is_none_or(|a| *a == item.agency_code)
                && req.operator_id.is_none_or(|o| o == item.operator_id)
                && req.from.is_none_or(|from| day >= from)
                && req.to.is_none_or(|to| day <= to)
        })
        .map(|(item, _)| item)
        .collect())
}

/// Only the approved interviews of the campaign: what `report sipas --approved-only` counts.
pub async fn approved_interviews(session: &Session, campaign_id: Uuid) -> Result<HashSet<Uuid>> {
    session.supervise(campaign_id, REVIEW)?;
    Ok(finished(session, campaign_id)
        .await?
        .into_iter()
        .filter(|(item, _)| item.state == ReviewState::Approved)
        .map(|(item, _)| item.interview_id)
        .collect())
}

/// The interviews returned to the session's operator in a campaign, with the reasons, oldest
/// finish first: what their desk lists as "phiếu bị trả lại".
pub async fn returned_to_me(session: &Session, campaign_id: Uuid) -> Result<Vec<ReviewItem>> {
    let me = session.operator_on(campaign_id)?.id;
    Ok(finished(session, campaign_id)
        .await?
        .into_iter()
        .map(|(item, _)| item)
        .filter(|item| item.operator_id == me && item.state == ReviewState::Returned)
        .collect())
}

/// A finished interview, its case, and who is reading it: a supervisor of its campaign, or the
/// operator who took it.
async fn under_review(
    session: &Session,
    interview: Uuid,
    what: &str,
) -> Result<(crate::store::model::CaseRecord, Reviewer)> {
    let store = session.store();
    let case_id = store
        .interview_case(interview)
        .await?
        .ok_or_else(|| Error::not_found("phiếu", interview))?;
    let case = store.case(case_id).await?;
    if session.role() == Role::Operator {
        let me = session.operator_on(case.campaign_id)?.id;
        let mine = store
            .case_interview(case.id)
            .await?
            .is_some_and(|i| i.operator_id == me);
        if !mine {
            return Err(Error::Forbidden(format!(
                "phiếu {interview} không phải phiếu của bạn"
            )));
        }
        return Ok((case, Reviewer::Operator));
    }
    session.supervise(case.campaign_id, what)?;
    Ok((case, Reviewer::Supervisor))
}

/// One finished interview under review: as its supervisor reviews it, or as its operator reads
/// it back (their own only, without the person's name, which only a call shows them).
pub async fn review_show(session: &Session, req: &ReviewRequest) -> Result<ReviewView> {
    let (case, reviewer) = under_review(session, req.interview_id, REVIEW).await?;
    let store = session.store();
    let (item, round) = finished(session, case.campaign_id)
        .await?
        .into_iter()
        .find(|(item, _)| item.interview_id == req.interview_id)
        .ok_or_else(|| {
            Error::Invalid(format!(
                "phiếu {} chưa xong (đang phỏng vấn), chưa duyệt được",
                req.interview_id
            ))
        })?;
    let interview = match reviewer {
        Reviewer::Supervisor => case_interview(session, case.id).await?,
        Reviewer::Operator => interview_for(store, &case, "").await?,
    }
    .ok_or_else(|| Error::not_found("phiếu", req.interview_id))?;
    let campaign = store.campaign(case.campaign_id).await?;
    let calls = case_calls(store, case.id, campaign.time_zone).await?;
    let staff = full_names(store).await?;
    let history = store
        .review_steps(req.interview_id)
        .await?
        .into_iter()
        .map(|s| ReviewStepView {
            at: format_instant(s.at, campaign.time_zone),
            by: staff
                .get(&s.by)
                .cloned()
                .unwrap_or_else(|| s.by.to_string()),
            action: s.action,
            label: s.action.label().to_owned(),
            reason: s.reason,
            question: s.correction.as_ref().map(|c| c.question.clone()),
            old_value: s.correction.as_ref().and_then(|c| c.old.clone()),
            new_value: s.correction.map(|c| c.new),
            current: s.round == round,
        })
        .collect();
    Ok(ReviewView {
        item,
        interview,
        calls,
        history,
    })
}

/// Approves a submitted interview.
pub async fn approve(session: &Session, now: DateTime<Utc>, req: &ReviewDecision) -> Result<()> {
    decide(session, now, req, ReviewAction::Approved).await
}

/// Returns an interview to its operator with a reason.
pub async fn return_interview(
    session: &Session,
    now: DateTime<Utc>,
    req: &ReviewDecision,
) -> Result<()> {
    decide(session, now, req, ReviewAction::Returned).await
}

/// The operator sends a returned interview again, with a note if they like.
pub async fn resubmit(session: &Session, now: DateTime<Utc>, req: &ReviewDecision) -> Result<()> {
    decide(session, now, req, ReviewAction::Resubmitted).await
}

async fn decide(
    session: &Session,
    now: DateTime<Utc>,
    req: &ReviewDecision,
    action: ReviewAction,
) -> Result<()> {
    let (_, reviewer) = under_review(session, req.interview_id, REVIEW).await?;
    let by = session.person()?.id;
    let reason = match action {
        ReviewAction::Returned => Reason::parse(&req.reason)
            .map_err(|why| Error::Invalid(format!("trả lại phiếu: {why}")))?
            .as_str()
            .to_owned(),
        _ if req.reason.trim().is_empty() => String::new(),
        _ => Reason::parse(&req.reason)
            .map_err(|why| Error::Invalid(format!("ghi chú: {why}")))?
            .as_str()
            .to_owned(),
    };
    session
        .store()
        .take_review_step(&NewStep {
            id: req.step_id,
            interview_id: req.interview_id,
            action,
            by,
            reviewer,
            at: now,
            reason: &reason,
            correction: None,
        })
        .await?;
    tracing::info!(interview = %req.interview_id, by = %by, step = action.as_str(), "review step");
    Ok(())
}

/// Corrects one answer of a finished interview: a supervisor, with a reason (required); the
/// operator of a returned interview, with a reason if they like. The questionnaire's conditions
/// are walked again with the new answer and the interview's scores replaced. A change that would
/// leave the interview unfinished is refused: a supervisor returns it to its operator instead.
pub async fn correct(
    session: &Session,
    now: DateTime<Utc>,
    req: &CorrectionRequest,
) -> Result<ReviewView> {
    let (case, reviewer) = under_review(session, req.interview_id, "sửa câu trả lời").await?;
    let by = session.person()?.id;
    let reason = match (reviewer, req.reason.trim().is_empty()) {
        (Reviewer::Operator, true) => String::new(),
        _ => Reason::parse(&req.reason)
            .map_err(|why| Error::Invalid(format!("sửa câu trả lời: {why}")))?
            .as_str()
            .to_owned(),
    };
    let store = session.store();
    let campaign = store.campaign(case.campaign_id).await?;
    let script = campaign_script(store, &campaign).await?;
    let interview = store
        .case_interview(case.id)
        .await?
        .ok_or_else(|| Error::not_found("phiếu", req.interview_id))?;
    let question = script
        .question(&req.question_id)
        .ok_or_else(|| Error::Invalid(format!("phiếu không có câu “{}”", req.question_id)))?;
    let answer = question
        .parse_answer(&req.input)
        .map_err(|e| Error::Invalid(format!("câu {}: {e}", req.question_id)))?;
    let mut answers = current_answers(&script, &interview);
    let old = answers.get(&req.question_id).map(|a| a.code());
    if old.as_deref() == Some(answer.code().as_str()) {
        return Err(Error::Invalid(format!(
            "câu {} đã có đúng câu trả lời này",
            req.question_id
        )));
    }
    answers.insert(req.question_id.clone(), answer.clone());
    let progress = script.progress(&answers);
    let still_finished = matches!(
        (interview.status, progress.stop()),
        (InterviewStatus::Complete, Stop::Complete)
            | (InterviewStatus::Partial, Stop::Partial | Stop::Complete)
    );
    if !still_finished {
        return Err(Error::Invalid(format!(
            "sửa câu {} như vậy làm phiếu không còn {}{}; {}",
            req.question_id,
            match interview.status {
                InterviewStatus::Partial => "là phiếu trả lời một phần",
                _ => "hoàn thành",
            },
            progress
                .next
                .as_ref()
                .map(|id| format!(" (câu {id} bắt buộc chưa có trả lời)"))
                .unwrap_or_default(),
            match reviewer {
                Reviewer::Supervisor => "hãy trả lại phiếu cho điện thoại viên",
                Reviewer::Operator => "hãy gọi lại người được khảo sát để hỏi cho đủ",
            }
        )));
    }
    let scores = ScoreLine::of(&script, &answers);
    let correction = Correction {
        question: req.question_id.to_string(),
        old,
        new: answer.code(),
    };
    let stored = StoredAnswer {
        id: req.answer_id,
        question: req.question_id.clone(),
        code: answer.code(),
        answered_by: by,
        answered_at: now,
    };
    store
        .take_review_step(&NewStep {
            id: req.step_id,
            interview_id: req.interview_id,
            action: ReviewAction::Corrected,
            by,
            reviewer,
            at: now,
            reason: &reason,
            correction: Some((&correction, &stored, interview.answers.len(), &scores)),
        })
        .await?;
    tracing::info!(interview = %req.interview_id, by = %by, question = %req.question_id, "answer corrected");
    review_show(
        session,
        &ReviewRequest {
            interview_id: req.interview_id,
        },
    )
    .await
}

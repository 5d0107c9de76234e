//! The interview at the desk: the campaign's questionnaire walked by the engine over the answers
//! stored so far. Every answer is parsed against its question and stored at once under the id
//! the workstation made for it; the view hands the desk the whole path with the wording filled
//! in, so going back and forth needs no round trip and a resumed interview opens where it
//! stopped, on any workstation. The supervisor reads a finished interview through the same view.

use super::session::Session;
use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::outcome::{InterviewNeed, OutcomeCode, OutcomeRule};
use crate::domain::results::index::ScoreLine;
use crate::domain::survey::{
    Answers, ContentHash, Kind, Placeholders, Progress, Question, QuestionId, Script, State, Stop,
    SCALE,
};
use crate::domain::time::format_instant;
use crate::error::{Error, Result};
use crate::store::model::{
    Campaign, CaseRecord, CountedAnswer, InterviewRecord, InterviewStatus, Lease, NewInterview,
    StoredAnswer,
};
use crate::store::Store;

/// The campaign's questionnaire, read from the store by the hash the campaign names.
pub async fn campaign_script(store: &dyn Store, campaign: &Campaign) -> Result<Arc<Script>> {
    let hash = ContentHash::parse(&campaign.questionnaire_id).map_err(|_| {
        Error::Invalid(format!(
            "đợt khảo sát {} dùng phiếu thử nghiệm cũ “{}”, không còn dùng được; hãy tạo đợt mới",
            campaign.code, campaign.questionnaire_id
        ))
    })?;
    store.questionnaire(&hash).await
}

/// What kind of answer a question takes, as the desk draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum QuestionKind {
    Single,
    Scale,
    Multiple,
    Integer,
    Text,
    Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OptionView {
    /// What the operator types (and what is stored).
    pub code: String,
    pub text: String,
    pub text_en: Option<String>,
    /// Choosing it ends the interview (a refusal, or not eligible).
    pub ends: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GivenAnswer {
    /// The stored code: what the desk puts back in the field when the operator returns.
    pub code: String,
    /// As a person reads it: the options' wording, a date as dd/mm/yyyy.
    pub shown: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuestionView {
    #[ts(type = "string")]
    pub id: QuestionId,
    pub section_id: String,
    /// The wording with the respondent's details filled in: read out as it stands.
    pub text: String,
    pub text_en: Option<String>,
    /// For the operator only, never read out.
    pub instruction: Option<String>,
    pub kind: QuestionKind,
    /// The options of a choice question, or the scale with 0 “không ý kiến”.
    pub options: Vec<OptionView>,
    pub required: bool,
    pub max_choices: Option<u32>,
    #[ts(type = "number | null")]
    pub min: Option<i64>,
    #[ts(type = "number | null")]
    pub max: Option<i64>,
    pub max_length: Option<u32>,
    pub answer: Option<GivenAnswer>,
}

/// One section of the questionnaire and how far the interview is through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    /// Questions of the section on the interview's path, and how many of them are answered.
    pub questions: u32,
    pub answered: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewView {
    pub id: Uuid,
    /// The first 12 digits of the questionnaire's hash, with its title and version.
    pub questionnaire: String,
    pub title: String,
    pub version: String,
    pub status: InterviewStatus,
    /// The questions the answers lead to, in order: answered, the one to ask, and those ahead
    /// as things stand.
    pub questions: Vec<QuestionView>,
    /// The question to ask now; `None` when the interview is complete or has ended.
    #[ts(type = "string | null")]
    pub next: Option<QuestionId>,
    pub sections: Vec<SectionView>,
    /// Answers kept in the history that no longer count (their question is off the path).
    pub set_aside: u32,
    pub stop: Stop,
    /// The outcome the desk records for this stop, when the campaign's catalogue has it.
    pub suggested_outcome: Option<OutcomeCode>,
    /// The words to close the call with, filled in, once it is complete or has ended.
    pub closing: Option<String>,
    /// The record of the person's consent: the consent question's latest answer.
    pub consent: Option<ConsentView>,
}

/// The record of a person's consent to the interview (Decree 356/2025/NĐ-CP): the consent
/// question as the questionnaire words it, its version, the answer, when and by whom. Kept by
/// the answers' history and the stored questionnaire, which never change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConsentView {
    pub given: bool,
    /// The option chosen, in words.
    pub answer: String,
    /// dd/mm/yyyy hh:mm in the campaign's time zone.
    pub at: String,
    /// The operator who asked.
    pub operator_id: Uuid,
    /// The question as the questionnaire words it (placeholders unfilled: no personal data).
    pub question: String,
    /// `id@version` of the questionnaire.
    pub questionnaire: String,
}

/// The consent question's latest answer in the interview, if it was asked.
fn consent_view(
    script: &Script,
    interview: &InterviewRecord,
    zone: chrono_tz::Tz,
) -> Option<ConsentView> {
    let question = script.consent_question()?;
    let given = interview
        .answers
        .iter()
        .rev()
        .find(|a| a.question == question.id)?;
    let answer = question.parse_answer(&given.code).ok()?;
    let choice = question
        .kind
        .options()
        .iter()
        .find(|o| answer.code() == o.code.to_string())?;
    Some(ConsentView {
        given: choice.ends.is_none(),
        answer: choice.text.clone(),
        at: format_instant(given.answered_at, zone),
        operator_id: given.answered_by,
        question: question.text.clone(),
        questionnaire: format!("{}@{}", script.id(), script.version()),
    })
}

/// The answers that stand: the latest given per question.
pub(crate) fn current_answers(script: &Script, interview: &InterviewRecord) -> Answers {
    let mut latest: HashMap<&QuestionId, &str> = HashMap::new();
    for given in &interview.answers {
        latest.insert(&given.question, &given.code);
    }
    latest
        .into_iter()
        .filter_map(|(id, code)| {
            let answer = script.question(id)?.parse_answer(code).ok()?;
            Some((id.clone(), answer))
        })
        .collect()
}

fn question_view(question: &Question, answers: &Answers, fill: &Placeholders) -> QuestionView {
    let options = match &question.kind {
        Kind::Scale => SCALE
            .iter()
            .map(|(code, vi, en)| OptionView {
                code: code.to_string(),
                text: (*vi).to_owned(),
                text_en: Some((*en).to_owned()),
                ends: false,
            })
            .collect(),
        kind => kind
            .options()
            .iter()
            .map(|o| OptionView {
                code: o.code.to_string(),
                text: fill.fill(&o.text),
                text_en: o.text_en.clone(),
                ends: o.ends.is_some(),
            })
            .collect(),
    };
    let (kind, max_choices, min, max, max_length) = match &question.kind {
        Kind::Single { .. } => (QuestionKind::Single, None, None, None, None),
        Kind::Scale => (QuestionKind::Scale, None, None, None, None),
        Kind::Multiple { max_choices, .. } => (
            QuestionKind::Multiple,
            max_choices.and_then(|n| u32::try_from(n).ok()),
            None,
            None,
            None,
        ),
        Kind::Integer { min, max } => (QuestionKind::Integer, None, *min, *max, None),
        Kind::Text { max_length } => (
            QuestionKind::Text,
            None,
            None,
            None,
            u32::try_from(*max_length).ok(),
        ),
        Kind::Date => (QuestionKind::Date, None, None, None, None),
    };
    QuestionView {
        id: question.id.clone(),
        section_id: question.section.as_str().to_owned(),
        text: fill.fill(&question.text),
        text_en: question.text_en.as_deref().map(|t| fill.fill(t)),
        instruction: question.instruction.as_deref().map(|t| fill.fill(t)),
        kind,
        options,
        required: question.required,
        max_choices,
        min,
        max,
        max_length,
        answer: answers.get(&question.id).map(|answer| GivenAnswer {
            code: answer.code(),
            shown: question.show_answer(answer),
        }),
    }
}

/// The interview as the desk and the supervisor see it.
pub fn interview_view(
    script: &Script,
    interview: &InterviewRecord,
    fill: &Placeholders,
    campaign: &Campaign,
) -> InterviewView {
    let catalogue = &campaign.outcomes;
    let answers = current_answers(script, interview);
    let progress = script.progress(&answers);
    let questions: Vec<QuestionView> = progress
        .path
        .iter()
        .filter_map(|id| script.question(id))
        .map(|q| question_view(q, &answers, fill))
        .collect();
    let sections = script
        .sections()
        .iter()
        .map(|section| {
            let on_path = questions
                .iter()
                .filter(|q| q.section_id == section.id.as_str());
            SectionView {
                id: section.id.as_str().to_owned(),
                title: section.title.clone(),
                title_en: section.title_en.clone(),
                questions: u32::try_from(on_path.clone().count()).unwrap_or(u32::MAX),
                answered: u32::try_from(on_path.filter(|q| q.answer.is_some()).count())
                    .unwrap_or(u32::MAX),
            }
        })
        .collect();
    let stop = progress.stop();
    let closing = match &progress.state {
        State::Open => None,
        State::Complete => script.closing().complete.as_deref(),
        State::Ended { ending, .. } => match ending {
            crate::domain::survey::Ending::Refusal => script.closing().refusal.as_deref(),
            crate::domain::survey::Ending::NotEligible => script.closing().not_eligible.as_deref(),
        },
    };
    InterviewView {
        id: interview.id,
        questionnaire: script.hash().short().to_owned(),
        title: script.title().to_owned(),
        version: script.version().to_owned(),
        status: interview.status,
        questions,
        next: progress.next.clone(),
        sections,
        set_aside: u32::try_from(
            interview
                .answers
                .iter()
                .map(|a| &a.question)
                .collect::<std::collections::HashSet<_>>()
                .len()
                .saturating_sub(progress.counted.len()),
        )
        .unwrap_or(0),
        stop,
        suggested_outcome: stop
            .outcome()
            .filter(|code| catalogue.get(code).is_some())
            .and_then(|code| code.parse::<OutcomeCode>().ok()),
        closing: closing.map(|text| fill.fill(text)),
        consent: consent_view(script, interview, campaign.time_zone),
    }
}

/// An interview as a line of the supervisor's case list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewSummary {
    pub id: Uuid,
    pub status: InterviewStatus,
    /// Questions answered on the interview's path, and how many the path has as things stand.
    pub answered: u32,
    pub questions: u32,
    pub stop: Stop,
}

pub fn interview_summary(script: &Script, interview: &InterviewRecord) -> InterviewSummary {
    let progress = script.progress(&current_answers(script, interview));
    InterviewSummary {
        id: interview.id,
        status: interview.status,
        answered: u32::try_from(progress.counted.len()).unwrap_or(u32::MAX),
        questions: u32::try_from(progress.path.len()).unwrap_or(u32::MAX),
        stop: progress.stop(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CaseRequest {
    pub case_id: Uuid,
}

/// A case's interview as the supervisor reviews it: the questions asked and their answers, in
/// order, worded as the operator who took it read them.
pub async fn case_interview(session: &Session, case_id: Uuid) -> Result<Option<InterviewView>> {
    let store = session.store();
    let case = store.case(case_id).await?;
    session.supervise(case.campaign_id, "xem phiếu của ca")?;
    let respondent = store
        .case_names(case.campaign_id)
        .await?
        .remove(&case.id)
        .unwrap_or_default();
    interview_for(store, &case, &respondent).await
}

/// A case's interview worded for `respondent` (empty: the name is not the reader's to see), as
/// the operator who took it read it; the caller has checked who may read it.
pub(crate) async fn interview_for(
    store: &dyn Store,
    case: &CaseRecord,
    respondent: &str,
) -> Result<Option<InterviewView>> {
    let Some(interview) = store.case_interview(case.id).await? else {
        return Ok(None);
    };
    let campaign = store.campaign(case.campaign_id).await?;
    let script = campaign_script(store, &campaign).await?;
    let operator = operator_name(store, interview.operator_id).await?;
    Ok(Some(interview_view(
        &script,
        &interview,
        &placeholders(case, respondent, &operator),
        &campaign,
    )))
}

/// The full name of a member of staff, for the wording (`{dtv}`); empty when unknown.
pub async fn operator_name(store: &dyn Store, id: Uuid) -> Result<String> {
    Ok(store
        .staff()
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| s.full_name)
        .unwrap_or_default())
}

/// The respondent's details for the wording, as the operator `operator` reads it to the
/// person named `respondent`.
pub fn placeholders(case: &CaseRecord, respondent: &str, operator: &str) -> Placeholders {
    Placeholders {
        ten: respondent.to_owned(),
        co_quan: case.agency_name.clone(),
        thu_tuc: case.procedure.clone(),
        ngay_nhan: Some(case.received_on),
        dtv: operator.to_owned(),
    }
}

/// What an outcome that needs an interview asks of it: a complete (1.1) needs the engine to
/// call it complete; a partial (1.2) needs the core behind and the interview not complete.
pub fn check_stop(outcome: &OutcomeRule, progress: &Progress) -> Result<()> {
    let stop = progress.stop();
    let refuse = |why: String| {
        Err(Error::Invalid(format!(
            "chưa thể ghi “{}”: {why}",
            outcome.label_vi
        )))
    };
    match (outcome.interview, stop) {
        (InterviewNeed::None, _)
        | (InterviewNeed::Finished, Stop::Complete)
        | (InterviewNeed::Started, Stop::Partial) => Ok(()),
        (InterviewNeed::Finished, _) => refuse(format!(
            "phiếu chưa xong, còn {} câu bắt buộc chưa trả lời{}",
            progress.missing.len(),
            progress
                .next
                .as_ref()
                .map(|id| format!(" (tiếp theo: {id})"))
                .unwrap_or_default()
        )),
        (InterviewNeed::Started, Stop::Complete) => {
            refuse("phiếu đã trả lời đủ, hãy ghi “Hoàn thành” (1.1)".to_owned())
        }
        (InterviewNeed::Started, _) => refuse(
            "phiếu chưa qua phần câu hỏi chính (đến câu hài lòng chung), chưa tính là trả lời một phần"
                .to_owned(),
        ),
    }
}

/// The engine's verdict on a case's interview (none: nothing answered), with its scores as the
/// index counts them.
pub async fn case_progress(
    store: &dyn Store,
    script: &Script,
    case: Uuid,
) -> Result<(Progress, ScoreLine)> {
    let answers = match store.case_interview(case).await? {
        Some(interview) => current_answers(script, &interview),
        None => Answers::new(),
    };
    Ok((script.progress(&answers), ScoreLine::of(script, &answers)))
}

/// The answers that count ([`Script::results`]), as stored: question and code.
pub(crate) fn counted_answers(script: &Script, answers: &Answers) -> Vec<CountedAnswer> {
    script
        .results(answers)
        .into_iter()
        .map(|(q, answer)| CountedAnswer {
            question: q.id.clone(),
            value: answer.code(),
        })
        .collect()
}

/// The answers that count of a stored interview, as its questionnaire reads them.
pub(crate) fn interview_answers(
    script: &Script,
    interview: &InterviewRecord,
) -> Vec<CountedAnswer> {
    counted_answers(script, &current_answers(script, interview))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartInterviewRequest {
    pub lease: Lease,
    /// Made by the workstation, so a retried request opens one interview, not two. When the
    /// case already has an interview (a partial one resumed), that one is returned with its
    /// own id, and this id is not used.
    pub interview_id: Uuid,
}

/// Everything an interview view needs about the call: the campaign, its questionnaire and the
/// wording's details.
async fn call_context(
    store: &dyn Store,
    lease: &Lease,
) -> Result<(Campaign, Arc<Script>, Placeholders)> {
    let campaign = store.campaign(lease.campaign_id).await?;
    let script = campaign_script(store, &campaign).await?;
    let case = store.case(lease.case_id).await?;
    let operator = operator_name(store, lease.holder).await?;
    let respondent = held_respondent(store, lease).await?;
    let fill = placeholders(&case, &respondent, &operator);
    Ok((campaign, script, fill))
}

/// The name of the person the lease's holder is calling; the lease must still be theirs.
pub async fn held_respondent(store: &dyn Store, lease: &Lease) -> Result<String> {
    store
        .held_contact(lease)
        .await?
        .map(|contact| contact.full_name)
        .ok_or(Error::LeaseLost {
            case: lease.case_id,
        })
}

/// Opens (or takes up again) the interview of the case the session holds.
pub async fn start_interview(
    session: &Session,
    now: DateTime<Utc>,
    req: &StartInterviewRequest,
) -> Result<InterviewView> {
    session.own_lease(&req.lease)?;
    let store = session.store();
    let (campaign, script, fill) = call_context(store, &req.lease).await?;
    let interview = store
        .start_interview(
            &req.lease,
            &NewInterview {
                id: req.interview_id,
                case_id: req.lease.case_id,
                questionnaire: script.hash().clone(),
                operator_id: req.lease.holder,
                started_at: now,
            },
        )
        .await?;
    tracing::info!(case = %req.lease.case_id, interview = %interview.id, "interview open");
    Ok(interview_view(&script, &interview, &fill, &campaign))
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveAnswerRequest {
    pub lease: Lease,
    pub interview_id: Uuid,
    /// Made by the workstation for this answer, so a retried save is stored once.
    pub answer_id: Uuid,
    #[ts(type = "string")]
    pub question_id: QuestionId,
    /// What the operator typed: an option's code (`2`), codes for a multiple choice (`1,3`),
    /// 1–5 or 0 on the scale, a number, a text, a date dd/mm/yyyy; empty passes over an
    /// optional question.
    pub input: String,
}

/// Stores one answer of the interview of the case the session holds.
pub async fn save_answer(
    session: &Session,
    now: DateTime<Utc>,
    req: &SaveAnswerRequest,
) -> Result<InterviewView> {
    session.own_lease(&req.lease)?;
    let store = session.store();
    let (campaign, script, fill) = call_context(store, &req.lease).await?;
    let question = script
        .question(&req.question_id)
        .ok_or_else(|| Error::Invalid(format!("phiếu không có câu “{}”", req.question_id)))?;
    let answer = question
        .parse_answer(&req.input)
        .map_err(|e| Error::Invalid(e.to_string()))?;
    store
        .save_answer(
            &req.lease,
            req.interview_id,
            &StoredAnswer {
                id: req.answer_id,
                question: req.question_id.clone(),
                code: answer.code(),
                answered_by: req.lease.holder,
                answered_at: now,
            },
        )
        .await?;
    let interview = store
        .case_interview(req.lease.case_id)
        .await?
        .ok_or_else(|| Error::not_found("phiếu của ca", req.lease.case_id))?;
    tracing::info!(case = %req.lease.case_id, interview = %interview.id, question = %req.question_id, "answer saved");
    Ok(interview_view(&script, &interview, &fill, &campaign))
}

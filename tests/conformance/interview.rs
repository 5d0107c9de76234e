//! The built-in SIPAS questionnaire taken through the desk's use cases on both databases:
//! branching, going back, a retried save, a refusal at consent, the 1.1 / 1.2 rules, and an
//! interview interrupted on one connection and finished from another.

use chrono::{DateTime, Duration, Utc};
use khaosat::domain::survey::{QuestionId, Stop};
use khaosat::error::Error;
use khaosat::ops::desk::{self, RecordOutcomeRequest};
use khaosat::ops::interview::{
    self, InterviewView, QuestionKind, SaveAnswerRequest, StartInterviewRequest,
};
use khaosat::ops::session::Session;
use khaosat::ops::supervise::{self, CampaignRequest};
use khaosat::store::model::{InterviewStatus, Lease};
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::scheduler::supervisor;
use crate::support::{claim, code, monday_morning, on_both_backends};

/// The holder opens the interview of the case they hold.
pub async fn open(desk: &Session, now: DateTime<Utc>, lease: Lease) -> InterviewView {
    interview::start_interview(
        desk,
        now,
        &StartInterviewRequest {
            lease,
            interview_id: Uuid::new_v4(),
        },
    )
    .await
    .expect("interview opens")
}

pub async fn answer(
    desk: &Session,
    now: DateTime<Utc>,
    lease: Lease,
    view: &InterviewView,
    question: &str,
    input: &str,
) -> Result<InterviewView, Error> {
    let request = SaveAnswerRequest {
        lease,
        interview_id: view.id,
        answer_id: Uuid::new_v4(),
        question_id: QuestionId::parse(question).expect("question id"),
        input: input.to_owned(),
    };
    interview::save_answer(desk, now, &request).await
}

/// What a cooperative respondent answers: the first option (yes, agree), 4 on the scale,
/// the first two expectations, nothing for optional free text.
fn cooperative(view: &InterviewView) -> Option<(String, String)> {
    let next = view.next.as_ref()?;
    let question = view
        .questions
        .iter()
        .find(|q| &q.id == next)
        .expect("next is on the path");
    let input = match question.kind {
        QuestionKind::Scale => "4".to_owned(),
        QuestionKind::Single => question.options[0].code.clone(),
        QuestionKind::Multiple => "1,2".to_owned(),
        QuestionKind::Integer => question.min.unwrap_or(0).to_string(),
        QuestionKind::Text if !question.required => String::new(),
        QuestionKind::Text => "Không có ý kiến thêm".to_owned(),
        QuestionKind::Date => "15/10/2026".to_owned(),
    };
    Some((next.as_str().to_owned(), input))
}

/// Answers until the engine asks nothing more, or until `stop_before` is next.
pub async fn answer_on(
    desk: &Session,
    now: DateTime<Utc>,
    lease: Lease,
    view: InterviewView,
    stop_before: Option<&str>,
) -> InterviewView {
    answer_with(desk, now, lease, view, &[], stop_before).await
}

/// As [`answer_on`], answering `given` (question, input) where listed, cooperatively elsewhere.
pub async fn answer_with(
    desk: &Session,
    now: DateTime<Utc>,
    lease: Lease,
    mut view: InterviewView,
    given: &[(&str, &str)],
    stop_before: Option<&str>,
) -> InterviewView {
    while let Some((question, mut input)) = cooperative(&view) {
        if Some(question.as_str()) == stop_before {
            break;
        }
        if let Some((_, chosen)) = given.iter().find(|(id, _)| *id == question) {
            input = (*chosen).to_owned();
        }
        view = answer(desk, now, lease, &view, &question, &input)
            .await
            .unwrap_or_else(|e| panic!("{question} = {input:?}: {e}"));
    }
    view
}

pub fn outcome(lease: Lease, outcome: &str) -> RecordOutcomeRequest {
    RecordOutcomeRequest {
        lease,
        attempt_id: Uuid::new_v4(),
        outcome: code(outcome),
        note: None,
        appointment_at: None,
        appointment_kind: None,
    }
}

fn ids(view: &InterviewView) -> Vec<&str> {
    view.questions.iter().map(|q| q.id.as_str()).collect()
}

on_both_backends! {
    async fn the_sipas_interview_fills_in_the_call_branches_and_completes(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 1, 1, 5).await;
        let op = &f.desks[0];
        let card = claim(op, now, f.campaign).await.expect("a case");
        let view = open(op, now, card.lease).await;
        assert_eq!(view.next.as_ref().map(QuestionId::as_str), Some("dong_y"));
        let greeting = &view.questions[0].text;
        assert!(greeting.contains(&card.respondent_name) && greeting.contains(&card.received_on) && greeting.contains(&card.agency_name), "{greeting}");
        assert!(!greeting.contains('{'), "every placeholder filled: {greeting}");
        assert_eq!(view.stop, Stop::NotStarted);

        // Bad input names the question and the reason, and stores nothing.
        let wrong = answer(op, now, card.lease, &view, "dong_y", "7").await;
        assert!(matches!(&wrong, Err(Error::Invalid(m)) if m.contains("dong_y")), "{wrong:?}");

        // Up to the feedback question; having given no feedback skips its three ratings.
        let view = answer_on(op, now, card.lease, view, Some("da_gop_y")).await;
        let with_feedback = answer(op, now, card.lease, &view, "da_gop_y", "1").await.expect("saved");
        assert_eq!(with_feedback.next.as_ref().map(QuestionId::as_str), Some("gop_y.kenh"));
        let without = answer(op, now, card.lease, &with_feedback, "da_gop_y", "2").await.expect("changed");
        assert!(!ids(&without).contains(&"gop_y.kenh"), "{:?}", ids(&without));
        assert_eq!(without.next.as_ref().map(QuestionId::as_str), Some("hai_long_chung"));

        // Too early for a complete; the core done makes it a partial.
        let early = desk::record_outcome(op, now, &outcome(card.lease, "1.1")).await;
        assert!(matches!(&early, Err(Error::Invalid(m)) if m.contains("chưa xong")), "{early:?}");
        let partial_too_soon = desk::record_outcome(op, now, &outcome(card.lease, "1.2")).await;
        assert!(matches!(&partial_too_soon, Err(Error::Invalid(m)) if m.contains("phần câu hỏi chính")), "{partial_too_soon:?}");

        let done = answer_on(op, now, card.lease, without, None).await;
        assert_eq!(done.stop, Stop::Complete);
        assert_eq!(done.suggested_outcome, Some(code("1.1")));
        assert!(done.closing.as_deref().is_some_and(|c| c.contains(&card.respondent_name)));
        assert!(done.sections.iter().all(|s| s.answered == s.questions));
        let recorded = desk::record_outcome(op, now + Duration::minutes(6), &outcome(card.lease, "1.1")).await.expect("complete");
        assert_eq!(recorded.final_outcome, Some(code("1.1")));

        // The supervisor reads it in order, answers in words; the list has its summary.
        let boss = supervisor(&db, f.campaign).await;
        let review = interview::case_interview(&boss, card.lease.case_id).await.expect("review").expect("an interview");
        assert_eq!(review.status, InterviewStatus::Complete);
        assert_eq!(ids(&review), ids(&done));
        let overall = review.questions.iter().find(|q| q.id.as_str() == "hai_long_chung").expect("asked");
        assert_eq!(overall.answer.as_ref().map(|a| a.shown.as_str()), Some("4 — Hài lòng"));
        let rows = supervise::campaign_cases(&boss, now, &CampaignRequest { campaign_id: f.campaign }).await.expect("cases");
        let summary = rows.iter().find(|r| r.case_id == card.lease.case_id).and_then(|r| r.interview.clone()).expect("summary");
        assert_eq!((summary.stop, summary.answered, summary.questions), (Stop::Complete, review.questions.len() as u32, review.questions.len() as u32));
        // The record of consent: the question as worded, its version, the answer, when, who.
        let consent = review.consent.as_ref().expect("the consent is on record");
        assert!(consent.given && consent.answer == "Đồng ý", "{consent:?}");
        assert!(consent.question.contains("có đồng ý") && consent.question.contains("{ten}"), "the wording, with no personal data");
        assert_eq!(consent.questionnaire, "sipas@2026.1");
        assert_eq!((consent.operator_id, consent.at.as_str()), (op.person().expect("op").id, "23/11/2026 09:00"));
        assert_eq!(done.consent, review.consent, "the desk shows the same record");
        // The operator who took it does not review it.
        let by_operator = interview::case_interview(op, card.lease.case_id).await;
        assert!(matches!(by_operator, Err(Error::Forbidden(_))), "{by_operator:?}");

        // The changed answer and the one set aside stay in the history.
        let history = store.case_interview(card.lease.case_id).await.expect("read").expect("interview").answers;
        assert_eq!(history.iter().filter(|a| a.question.as_str() == "da_gop_y").count(), 2);
    }
}

on_both_backends! {
    async fn a_retried_save_is_stored_once_and_a_refusal_ends_the_interview(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 1, 1, 5).await;
        let op = &f.desks[0];
        let card = claim(op, now, f.campaign).await.expect("a case");
        let view = open(op, now, card.lease).await;
        let request = SaveAnswerRequest { lease: card.lease, interview_id: view.id, answer_id: Uuid::new_v4(), question_id: QuestionId::parse("dong_y").expect("id"), input: "2".to_owned() };
        let first = interview::save_answer(op, now, &request).await.expect("saved");
        let again = interview::save_answer(op, now + Duration::seconds(3), &request).await.expect("retried");
        assert_eq!(first, again);
        let history = store.case_interview(card.lease.case_id).await.expect("read").expect("interview").answers;
        assert_eq!(history.len(), 1, "one answer, not two");
        assert_eq!(again.stop, Stop::Refusal);
        assert_eq!(again.next, None);
        assert_eq!(ids(&again), ["dong_y"]);
        let refused = again.consent.as_ref().expect("a refusal is on record too");
        assert!(!refused.given && refused.answer == "Không đồng ý", "{refused:?}");
        assert_eq!(again.suggested_outcome, Some(code("2.112")));
        assert!(again.closing.as_deref().is_some_and(|c| c.contains("Xin lỗi đã làm phiền")));
    }
}

on_both_backends! {
    async fn an_interrupted_interview_resumes_on_another_workstation(db: TestDb) {
        let mut now = monday_morning();
        let f = small_campaign(&db, now, 1, 2, 5).await;
        let op = &f.desks[0];
        let card = claim(op, now, f.campaign).await.expect("a case");
        let view = open(op, now, card.lease).await;
        let stopped = answer_on(op, now, card.lease, view, Some("mong_doi")).await;
        assert_eq!(stopped.stop, Stop::Partial, "the core is behind");
        desk::record_outcome(op, now, &outcome(card.lease, "1.2")).await.expect("a partial");

        // The call dropped; later a colleague on another workstation takes the case up.
        let window = db.another_window().await;
        let other = &crate::claims::elsewhere(&db, &window, &f.desks[1]).await;
        now += Duration::days(1);
        let back = claim(other, now, f.campaign).await.expect("the case again");
        assert_eq!(back.lease.case_id, card.lease.case_id);
        let resumed = back.interview.expect("the interview comes with the case");
        assert_eq!(resumed.next.as_ref().map(QuestionId::as_str), Some("mong_doi"));
        assert_eq!(resumed.status, InterviewStatus::Partial);
        let reopened = open(other, now, back.lease).await;
        assert_eq!(reopened.id, stopped.id, "the same interview, not a new one");
        let done = answer_on(other, now, back.lease, reopened, None).await;
        assert_eq!(done.stop, Stop::Complete);
        desk::record_outcome(other, now, &outcome(back.lease, "1.1")).await.expect("complete");
        let boss = supervisor(&db, f.campaign).await;
        let review = interview::case_interview(&boss, card.lease.case_id).await.expect("review").expect("interview");
        assert_eq!(review.status, InterviewStatus::Complete);
        assert_eq!(review.questions.iter().filter(|q| q.answer.is_some()).count(), review.questions.len());
    }
}

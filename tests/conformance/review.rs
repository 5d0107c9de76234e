//! Review of finished interviews on both databases, on the reports' hand-made fieldwork (A1, A2
//! complete, A3 partial, A4 refused, B1 complete): every step a supervisor may take and every
//! one they may not, the history kept, the index before and after approval, and corrections
//! that the questionnaire's conditions re-walk.

use chrono::Duration;
use khaosat::domain::review::{ReviewAction, ReviewState};
use khaosat::domain::survey::QuestionId;
use khaosat::error::Error;
use khaosat::ops::reports::{self, IndexRequest};
use khaosat::ops::review::{
    self, CorrectionRequest, ReviewDecision, ReviewItem, ReviewListRequest, ReviewRequest,
};
use khaosat::ops::session::Session;
use khaosat::store::model::{InterviewStatus, Role};
use uuid::Uuid;

use crate::fixtures::campaign_with_agencies;
use crate::reports::{fieldwork, take, Call};
use crate::scheduler::{name_of, supervisor};
use crate::support::{claim, monday_morning, on_both_backends};

async fn queue(boss: &Session, campaign: Uuid) -> Vec<ReviewItem> {
    review::review_list(
        boss,
        &ReviewListRequest {
            campaign_id: campaign,
            ..Default::default()
        },
    )
    .await
    .expect("review queue")
}

fn decision(interview: Uuid, reason: &str) -> ReviewDecision {
    ReviewDecision {
        interview_id: interview,
        step_id: Uuid::new_v4(),
        reason: reason.to_owned(),
    }
}

fn correction(interview: Uuid, question: &str, input: &str, reason: &str) -> CorrectionRequest {
    CorrectionRequest {
        interview_id: interview,
        step_id: Uuid::new_v4(),
        answer_id: Uuid::new_v4(),
        question_id: QuestionId::parse(question).expect("question id"),
        input: input.to_owned(),
        reason: reason.to_owned(),
    }
}

fn index_request(campaign: Uuid, approved_only: bool) -> IndexRequest {
    IndexRequest {
        campaign_id: campaign,
        include_partial: false,
        by_mode: false,
        approved_only,
    }
}

on_both_backends! {
    async fn a_supervisor_approves_returns_and_the_index_counts_only_what_was_approved(db: TestDb) {
        let f = fieldwork(&db).await;
        let boss = supervisor(&db, f.campaign).await;
        let later = monday_morning() + Duration::hours(2);

        let items = queue(&boss, f.campaign).await;
        assert_eq!(items.len(), 4, "A1, A2, A3 (partial) and B1 finished; A4's refusal is no interview");
        assert!(items.iter().all(|i| i.state == ReviewState::Submitted && i.operator == name_of(&f.desks[0])));
        assert_eq!(items.iter().filter(|i| i.status == InterviewStatus::Partial).count(), 1);
        let complete: Vec<&ReviewItem> = items.iter().filter(|i| i.status == InterviewStatus::Complete).collect();
        let in_a: Vec<&&ReviewItem> = complete.iter().filter(|i| i.agency_code == f.agencies[0].code).collect();
        let (a1, a2) = (in_a[0].interview_id, in_a[1].interview_id);
        let b1 = complete.iter().find(|i| i.agency_code == f.agencies[1].code).expect("B1").interview_id;

        // Before any approval the approved-only index counts nobody; the whole index counts all.
        let none = reports::sipas_index(&boss, &index_request(f.campaign, true)).await.expect("index");
        assert_eq!(none.overall.pooled.n, 0);
        assert!(none.counted.contains("đã được giám sát viên duyệt"), "{}", none.counted);
        let all = reports::sipas_index(&boss, &index_request(f.campaign, false)).await.expect("index");
        assert_eq!(all.overall.pooled.n, 3);

        review::approve(&boss, later, &decision(a1, "")).await.expect("approve A1");
        let again = review::approve(&boss, later, &decision(a1, "")).await;
        assert!(matches!(&again, Err(Error::Conflict(m)) if m.contains("đã được duyệt")), "{again:?}");
        // The same request again (a retried click) is taken once.
        let retried = decision(b1, "Nghe lại ghi âm: đúng");
        review::approve(&boss, later, &retried).await.expect("approve B1");
        review::approve(&boss, later, &retried).await.expect("the same approval again");

        let no_reason = review::return_interview(&boss, later, &decision(a2, "  ")).await;
        assert!(matches!(&no_reason, Err(Error::Invalid(m)) if m.contains("cần ghi lý do")), "{no_reason:?}");
        review::return_interview(&boss, later, &decision(a2, "Câu thời hạn: người dân nói 2, phiếu ghi 1"))
            .await
            .expect("return A2");
        let returned = review::approve(&boss, later, &decision(a2, "")).await;
        assert!(matches!(&returned, Err(Error::Conflict(m)) if m.contains("đã trả lại")), "{returned:?}");
        let fix = review::correct(&boss, later, &correction(a2, "thu_tuc.thoi_han", "2", "theo ghi âm")).await;
        assert!(matches!(&fix, Err(Error::Conflict(m)) if m.contains("điện thoại viên")), "a returned interview is with its operator: {fix:?}");
        // A1 gave no feedback: saying it did would ask the feedback questions, never answered.
        let refused = review::correct(&boss, later, &correction(a1, "da_gop_y", "1", "nhầm")).await;
        assert!(
            matches!(&refused, Err(Error::Invalid(m)) if m.contains("trả lại phiếu") && m.contains("gop_y.kenh")),
            "{refused:?}"
        );

        let returned_only = review::review_list(
            &boss,
            &ReviewListRequest { campaign_id: f.campaign, state: Some(ReviewState::Returned), ..Default::default() },
        )
        .await
        .expect("returned");
        assert_eq!(returned_only.len(), 1);
        assert_eq!(returned_only[0].interview_id, a2);
        assert_eq!(returned_only[0].reason.as_deref(), Some("Câu thời hạn: người dân nói 2, phiếu ghi 1"));
        let in_b = review::review_list(
            &boss,
            &ReviewListRequest { campaign_id: f.campaign, agency: Some(f.agencies[1].code.clone()), ..Default::default() },
        )
        .await
        .expect("agency B");
        assert_eq!(in_b.iter().map(|i| i.interview_id).collect::<Vec<_>>(), [b1]);

        let shown = review::review_show(&boss, &ReviewRequest { interview_id: a2 }).await.expect("A2");
        assert_eq!(shown.item.state, ReviewState::Returned);
        assert_eq!(shown.history.len(), 1);
        assert_eq!(shown.history[0].action, ReviewAction::Returned);
        assert_eq!(shown.history[0].by, name_of(&boss));
        assert!(shown.history[0].current);
        assert!(!shown.calls.is_empty(), "the interview comes with its calls");
        assert!(shown.interview.questions.iter().any(|q| q.answer.is_some()));
        let b1_history = review::review_show(&boss, &ReviewRequest { interview_id: b1 }).await.expect("B1").history;
        assert_eq!(b1_history.len(), 1, "the retried approval is kept once");
        assert_eq!(b1_history[0].reason, "Nghe lại ghi âm: đúng");

        // Approved: A1 (agency A) and B1 (agency B, all "không ý kiến").
        let approved = reports::sipas_index(&boss, &index_request(f.campaign, true)).await.expect("index");
        assert_eq!(approved.overall.pooled.n, 2);
        assert_eq!((approved.agencies[0].n, approved.agencies[1].n), (1, 1));

        // An operator does not review, nor does the supervisor of another campaign.
        let refused = review::review_list(&f.desks[0], &ReviewListRequest { campaign_id: f.campaign, ..Default::default() }).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
        let other = campaign_with_agencies(&db, monday_morning(), &[1], 1, 5).await;
        let stranger = supervisor(&db, other.campaign).await;
        let refused = review::approve(&stranger, later, &decision(a2, "")).await;
        assert!(matches!(refused, Err(Error::Forbidden(_) | Error::NotFound { .. })), "{refused:?}");
        let operator = db.add_person(&format!("dtv.{}", &Uuid::new_v4().simple().to_string()[..8]), Role::Operator, &[f.campaign]).await;
        let refused = review::approve(&operator, later, &decision(a1, "")).await;
        assert!(matches!(refused, Err(Error::Forbidden(_) | Error::NotFound { .. })), "{refused:?}");
    }
}

/// One complete interview of agency A with feedback given (da_gop_y = 1) and rated.
const WITH_FEEDBACK: &[(&str, &str)] = &[
    ("thu_tuc.thoi_han", "1"),
    ("da_gop_y", "1"),
    ("gop_y.kenh", "5"),
    ("gop_y.xu_ly", "4"),
    ("gop_y.thong_bao", "2"),
];

on_both_backends! {
    async fn a_correction_is_kept_rescored_and_walks_the_conditions_again(db: TestDb) {
        let now = monday_morning();
        let f = campaign_with_agencies(&db, now, &[1], 1, 5).await;
        let card = claim(&f.desks[0], now, f.campaign).await.expect("a case");
        take(&f.desks[0], now, card.lease, &Call::Complete(WITH_FEEDBACK)).await;
        let boss = supervisor(&db, f.campaign).await;
        let later = now + Duration::hours(1);
        let interview = queue(&boss, f.campaign).await[0].interview_id;
        let criterion = |report: &reports::IndexReport, id: &str| {
            report.agencies[0]
                .components
                .iter()
                .flat_map(|c| &c.criteria)
                .find(|c| c.criterion == id)
                .map(|c| (c.n, c.satisfied))
                .unwrap_or_else(|| panic!("criterion {id}"))
        };
        let before = reports::sipas_index(&boss, &index_request(f.campaign, false)).await.expect("index");
        assert_eq!(criterion(&before, "thu_tuc.thoi_han"), (1, 0));
        assert_eq!(criterion(&before, "gop_y.kenh"), (1, 1));

        let bad = review::correct(&boss, later, &correction(interview, "thu_tuc.thoi_han", "7", "theo ghi âm")).await;
        assert!(matches!(&bad, Err(Error::Invalid(m)) if m.contains("thu_tuc.thoi_han")), "{bad:?}");
        let no_reason = review::correct(&boss, later, &correction(interview, "thu_tuc.thoi_han", "5", "")).await;
        assert!(matches!(&no_reason, Err(Error::Invalid(m)) if m.contains("cần ghi lý do")), "{no_reason:?}");

        let view = review::correct(&boss, later, &correction(interview, "thu_tuc.thoi_han", "5", "Nghe lại ghi âm: 5 điểm"))
            .await
            .expect("correct thoi_han");
        let step = &view.history[0];
        assert_eq!((step.action, step.question.as_deref()), (ReviewAction::Corrected, Some("thu_tuc.thoi_han")));
        assert_eq!((step.old_value.as_deref(), step.new_value.as_deref()), (Some("1"), Some("5")));
        assert_eq!((step.by.as_str(), step.reason.as_str()), (name_of(&boss).as_str(), "Nghe lại ghi âm: 5 điểm"));
        assert_eq!(view.item.state, ReviewState::Submitted, "a correction leaves the state as it was");
        assert_eq!(view.item.corrections, 1);
        let shown = view.interview.questions.iter().find(|q| q.id.as_str() == "thu_tuc.thoi_han").expect("asked");
        assert_eq!(shown.answer.as_ref().map(|a| a.code.as_str()), Some("5"));
        let after = reports::sipas_index(&boss, &index_request(f.campaign, false)).await.expect("index");
        assert_eq!(criterion(&after, "thu_tuc.thoi_han"), (1, 1), "the index reads the corrected value");

        // No feedback after all: the feedback questions leave the path and stop counting.
        review::correct(&boss, later, &correction(interview, "da_gop_y", "2", "Người dân chỉ hỏi, không góp ý"))
            .await
            .expect("correct da_gop_y");
        let after = reports::sipas_index(&boss, &index_request(f.campaign, false)).await.expect("index");
        assert_eq!(criterion(&after, "gop_y.kenh"), (0, 0));
        assert_eq!(criterion(&after, "thu_tuc.thoi_han"), (1, 1));
        // And back: the answers given to them are in the history still, and count again.
        review::approve(&boss, later, &decision(interview, "")).await.expect("approve");
        review::correct(&boss, later, &correction(interview, "da_gop_y", "1", "Nghe lại: có góp ý qua đường dây nóng"))
            .await
            .expect("correct da_gop_y back");
        let after = reports::sipas_index(&boss, &index_request(f.campaign, false)).await.expect("index");
        assert_eq!(criterion(&after, "gop_y.kenh"), (1, 1));
        let shown = review::review_show(&boss, &ReviewRequest { interview_id: interview }).await.expect("show");
        assert_eq!(shown.item.state, ReviewState::Approved);
        assert_eq!(
            shown.history.iter().map(|s| s.action).collect::<Vec<_>>(),
            [ReviewAction::Corrected, ReviewAction::Corrected, ReviewAction::Approved, ReviewAction::Corrected],
            "in the order taken, though taken in the same minute"
        );
    }
}

on_both_backends! {
    async fn a_returned_interview_goes_back_to_its_operator_who_corrects_it_and_sends_it_again(db: TestDb) {
        let f = fieldwork(&db).await;
        let boss = supervisor(&db, f.campaign).await;
        let (op, other) = (&f.desks[0], &f.desks[1]);
        let at = |minutes: i64| monday_morning() + Duration::hours(2) + Duration::minutes(minutes);
        let a2 = queue(&boss, f.campaign)
            .await
            .into_iter()
            .filter(|i| i.agency_code == f.agencies[0].code && i.status == InterviewStatus::Complete)
            .nth(1)
            .expect("A2")
            .interview_id;
        assert!(review::returned_to_me(op, f.campaign).await.expect("nothing returned").is_empty());
        let early = review::correct(op, at(0), &correction(a2, "thu_tuc.thoi_han", "2", "")).await;
        assert!(matches!(&early, Err(Error::Conflict(m)) if m.contains("không bị trả lại")), "{early:?}");
        review::return_interview(&boss, at(1), &decision(a2, "Câu thời hạn: người dân nói 2"))
            .await
            .expect("return A2");

        let mine = review::returned_to_me(op, f.campaign).await.expect("returned");
        assert_eq!(mine.iter().map(|i| (i.interview_id, i.reason.as_deref())).collect::<Vec<_>>(), [(a2, Some("Câu thời hạn: người dân nói 2"))]);
        assert!(review::returned_to_me(other, f.campaign).await.expect("none for the other").is_empty());
        let theirs = review::review_show(other, &ReviewRequest { interview_id: a2 }).await;
        assert!(matches!(theirs, Err(Error::Forbidden(_) | Error::NotFound { .. })), "{theirs:?}");
        let approve = review::approve(op, at(2), &decision(a2, "")).await;
        assert!(matches!(&approve, Err(Error::Conflict(m)) if m.contains("chỉ giám sát viên")), "{approve:?}");

        let shown = review::review_show(op, &ReviewRequest { interview_id: a2 }).await.expect("the operator reads it back");
        assert_eq!(shown.item.state, ReviewState::Returned);
        let view = review::correct(op, at(3), &correction(a2, "thu_tuc.thoi_han", "2", "")).await.expect("the operator corrects");
        let step = view.history.last().expect("the correction");
        assert_eq!((step.action, step.by.as_str(), step.old_value.as_deref(), step.new_value.as_deref()), (ReviewAction::Corrected, name_of(op).as_str(), Some("1"), Some("2")));
        review::resubmit(op, at(4), &decision(a2, "Đã sửa theo ghi âm")).await.expect("send it again");
        assert!(review::returned_to_me(op, f.campaign).await.expect("returned").is_empty());
        let late = review::correct(op, at(5), &correction(a2, "thu_tuc.thoi_han", "3", "")).await;
        assert!(matches!(&late, Err(Error::Conflict(_))), "{late:?}");

        review::approve(&boss, at(6), &decision(a2, "")).await.expect("approve A2");
        let shown = review::review_show(&boss, &ReviewRequest { interview_id: a2 }).await.expect("A2");
        assert_eq!(shown.item.state, ReviewState::Approved);
        assert_eq!(
            shown.history.iter().map(|s| (s.action, s.by.clone())).collect::<Vec<_>>(),
            [
                (ReviewAction::Returned, name_of(&boss)),
                (ReviewAction::Corrected, name_of(op)),
                (ReviewAction::Resubmitted, name_of(op)),
                (ReviewAction::Approved, name_of(&boss)),
            ]
        );
        let answered = shown.interview.questions.iter().find(|q| q.id.as_str() == "thu_tuc.thoi_han").expect("asked");
        assert_eq!(answered.answer.as_ref().map(|a| a.code.as_str()), Some("2"));
    }
}

//! The story of one campaign through the use cases the desktop calls: demo list in, cases
//! claimed, calls recorded, an interview taken and finished, and the supervisor's view of it.

use chrono::Duration;
use khaosat::domain::case::CaseStatus;
use khaosat::domain::outcome::OutcomeCode;
use khaosat::domain::people::Password;
use khaosat::domain::survey::Stop;
use khaosat::domain::time::LocalTime;
use khaosat::error::Error;
use khaosat::ops::demo::{self, DemoSeeded, DEMO_CAMPAIGN_CODE, DEMO_RESPONDENTS};
use khaosat::ops::desk::{self, CaseCard, RecordOutcomeRequest};
use khaosat::ops::session::Session;
use khaosat::ops::supervise::{self, CampaignRequest};
use khaosat::store::model::{InterviewStatus, Role};
use khaosat::store::Backend;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::support::{claim, code, monday_morning, on_both_backends, TestDb};

/// A demo person logged in with the password the seeding printed (on SQLite, acting on the file).
async fn demo_person(db: &TestDb, seeded: &DemoSeeded, login: &str) -> Session {
    let person = seeded
        .people
        .iter()
        .find(|p| p.login == login)
        .unwrap_or_else(|| panic!("{login} is a demo person"));
    match db.store.backend() {
        Backend::Postgres => Session::postgres(&db.url, login, &Password::given(&person.password))
            .await
            .unwrap_or_else(|e| panic!("{login} logs in: {e}")),
        Backend::Sqlite => {
            Session::local(db.store.clone(), login, &Password::given(&person.password))
                .await
                .unwrap_or_else(|e| panic!("{login} logs in: {e}"))
        }
    }
}

fn outcome(card: &CaseCard, outcome: OutcomeCode) -> RecordOutcomeRequest {
    RecordOutcomeRequest {
        lease: card.lease,
        attempt_id: Uuid::new_v4(),
        outcome,
        note: None,
        appointment_at: None,
        appointment_kind: None,
    }
}

on_both_backends! {
    async fn demo_list_to_supervisor_view(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let seeded = demo::seed(&db.admin(), now).await.expect("demo seeds");
        assert!(seeded.created);
        assert_eq!(seeded.respondents, DEMO_RESPONDENTS);
        let people: Vec<(&str, Role)> = seeded.people.iter().map(|p| (p.login.as_str(), p.role)).collect();
        assert_eq!(people, [("dtv.lan", Role::Operator), ("dtv.minh", Role::Operator), ("gsv.hong", Role::Supervisor), ("qt.demo", Role::Admin)]);
        assert!(seeded.people.iter().all(|p| p.password.len() >= 12), "a password made for each");
        let again = demo::seed(&db.admin(), now).await.expect("seeding twice is harmless");
        assert!(!again.created);
        assert!(again.people.is_empty(), "no password shown twice");
        assert_eq!(store.campaigns().await.expect("campaigns").len(), 1);
        assert!(store.agencies().await.expect("agencies").len() >= 3);

        let campaign = store.campaign_by_code(DEMO_CAMPAIGN_CODE).await.expect("read").expect("demo campaign");
        let lan = demo_person(&db, &seeded, "dtv.lan").await;
        let lan_id = lan.person().expect("an operator").id;

        // The operator takes a case and sees who to call.
        let card = claim(&lan, now, campaign.id).await.expect("a case to call");
        assert!(!card.resumed);
        let claimed = store.case(card.lease.case_id).await.expect("claimed case");
        assert_eq!(claimed.assigned_to, Some(lan_id), "her own call list comes before the shared pool");
        assert!(card.phone.starts_with('0') && card.phone.len() == 10, "national form");
        assert_eq!(card.received_on.len(), 10);
        assert_eq!(&card.received_on[2..3], "/");
        assert_eq!(card.attempts, 0);
        assert!(!card.respondent_name.is_empty() && !card.agency_name.is_empty() && !card.procedure.is_empty());

        // Completing before every question is answered is refused, and says what is missing.
        let early = desk::record_outcome(&lan, now, &outcome(&card, code("1.1"))).await;
        match early {
            Err(Error::Invalid(message)) => assert!(message.contains("phiếu chưa xong"), "{message}"),
            other => panic!("expected a refusal, got {other:?}"),
        }

        let opened = crate::interview::open(&lan, now, card.lease).await;
        let interview = crate::interview::answer_on(&lan, now, card.lease, opened, None).await.id;
        let done = desk::record_outcome(&lan, now + Duration::minutes(6), &outcome(&card, code("1.1"))).await.expect("complete");
        assert_eq!(done.final_outcome, Some(code("1.1")));
        assert_eq!(done.status, CaseStatus::Closed);

        // The next case on the same list is a different one; this one is not answered.
        let second = claim(&lan, now, campaign.id).await.expect("another case");
        assert_ne!(second.lease.case_id, card.lease.case_id);
        let busy = desk::record_outcome(&lan, now, &outcome(&second, code("3.13"))).await.expect("no answer");
        assert_eq!(busy.status, CaseStatus::Retry);
        assert_eq!(busy.attempts, 1);
        assert_eq!(busy.retry_at.as_deref(), Some("23/11/2026 13:30"), "3 hours later is lunch: the afternoon, not yet tried, Hà Nội time");

        // The operator does not get the supervisor's list.
        let request = CampaignRequest { campaign_id: campaign.id };
        assert!(matches!(supervise::campaign_cases(&lan, now, &request).await, Err(Error::Forbidden(_))));

        // The supervisor sees every case, the finished interview with its answers, masked phones.
        let hong = demo_person(&db, &seeded, "gsv.hong").await;
        let rows = supervise::campaign_cases(&hong, now, &request).await.expect("overview");
        assert_eq!(rows.len(), DEMO_RESPONDENTS);
        let finished = rows.iter().find(|r| r.case_id == card.lease.case_id).expect("finished case listed");
        assert_eq!(finished.status, CaseStatus::Closed);
        assert_eq!(finished.final_outcome, Some(code("1.1")));
        assert_eq!(finished.attempts, 1);
        assert_eq!(finished.respondent_name, card.respondent_name);
        assert!(finished.phone_masked.contains("****") && !finished.phone_masked.contains(&card.phone[3..7]));
        let summary = finished.interview.as_ref().expect("interview shown");
        assert_eq!(summary.id, interview);
        assert_eq!(summary.status, InterviewStatus::Complete);
        assert_eq!(summary.stop, Stop::Complete);
        assert!(summary.answered > 20, "the whole SIPAS questionnaire: {summary:?}");
        let retried = rows.iter().find(|r| r.case_id == second.lease.case_id).expect("retried case listed");
        assert_eq!((retried.status, retried.attempts, retried.last_outcome.clone()), (CaseStatus::Retry, 1, Some(code("3.13"))));
        assert_eq!(rows.iter().filter(|r| r.status == CaseStatus::New).count(), DEMO_RESPONDENTS - 2);
        assert_eq!(store.case_attempts(card.lease.case_id).await.expect("history").len(), 1);
    }
}

on_both_backends! {
    async fn retried_requests_never_double_an_attempt(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 3, 1, 5).await;
        let op = &f.desks[0];
        let card = claim(op, now, f.campaign).await.expect("case");
        let request = outcome(&card, code("3.12"));
        let first = desk::record_outcome(op, now, &request).await.expect("recorded");
        let again = desk::record_outcome(op, now, &request).await.expect("the retry is accepted");
        assert_eq!(first.attempts, 1);
        assert_eq!(again.attempts, 1);
        assert_eq!(store.case_attempts(card.lease.case_id).await.expect("history").len(), 1);
    }
}

on_both_backends! {
    async fn a_held_case_comes_back_to_its_operator(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 3, 1, 5).await;
        let op = &f.desks[0];
        let first = claim(op, now, f.campaign).await.expect("case");
        let again = claim(op, now + Duration::minutes(1), f.campaign).await.expect("case");
        assert!(again.resumed);
        assert_eq!(again.lease, first.lease, "same case, same epoch");
    }
}

on_both_backends! {
    async fn retry_delay_and_appointments_decide_what_comes_next(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 2, 1, 5).await;
        let op = &f.desks[0];

        let a = claim(op, now, f.campaign).await.expect("first case");
        desk::record_outcome(op, now, &outcome(&a, code("3.13"))).await.expect("no answer");
        let b = claim(op, now, f.campaign).await.expect("second case");
        assert_ne!(a.lease.case_id, b.lease.case_id);
        let at = LocalTime::parse("2026-11-23T14:30").expect("local time");
        let mut callback = outcome(&b, code("2.21"));
        let missing = desk::record_outcome(op, now, &callback).await;
        assert!(matches!(missing, Err(Error::Rule(_))), "a callback needs a time: {missing:?}");
        callback.appointment_at = Some(at);
        let booked = desk::record_outcome(op, now, &callback).await.expect("booked");
        assert_eq!(booked.status, CaseStatus::Appointment);
        assert_eq!(booked.retry_at.as_deref(), Some("23/11/2026 14:30"));

        // Nothing is due yet: the no-answer waits three hours, the appointment until 14:30.
        assert!(claim(op, now + Duration::hours(1), f.campaign).await.is_none());
        // At 14:30 Hà Nội time both are due; the appointment comes first.
        let due = now + Duration::hours(5) + Duration::minutes(30);
        let next = claim(op, due, f.campaign).await.expect("due case");
        assert_eq!(next.lease.case_id, b.lease.case_id);
        assert_eq!(next.appointment_at.as_deref(), Some("23/11/2026 14:30"));
        assert_eq!(next.history.len(), 1);
        assert_eq!(next.history[0].outcome, code("2.21"));
    }
}

on_both_backends! {
    async fn the_attempt_limit_closes_a_case_never_reached_as_3_90(db: TestDb) {
        let mut now = monday_morning();
        let f = small_campaign(&db, now, 1, 1, 2).await;
        let op = &f.desks[0];
        let first = claim(op, now, f.campaign).await.expect("case");
        desk::record_outcome(op, now, &outcome(&first, code("3.12"))).await.expect("busy");
        now += Duration::hours(1);
        let second = claim(op, now, f.campaign).await.expect("case again");
        let closed = desk::record_outcome(op, now, &outcome(&second, code("3.13"))).await.expect("no answer");
        assert_eq!(closed.final_outcome, Some(code("3.90")));
        assert!(claim(op, now + Duration::days(2), f.campaign).await.is_none());
    }
}

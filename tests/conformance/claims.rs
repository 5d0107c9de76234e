//! The claim's guarantees: many operators on two workstations never receive the same case, a
//! lease left by a crashed workstation expires and the case returns, and a write under a stale
//! lease is refused.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Duration;
use khaosat::domain::questionnaire::Answer;
use khaosat::error::Error;
use khaosat::ops::desk::{
    self, NextCaseRequest, RecordOutcomeRequest, SaveAnswerRequest, StartInterviewRequest,
    LEASE_TIME,
};
use khaosat::store::Store;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::support::{code, monday_morning, on_both_backends};

on_both_backends! {
    async fn operators_on_two_windows_never_get_the_same_case(db: TestDb) {
        const CASES: usize = 60;
        const OPERATORS: usize = 8;
        let now = monday_morning();
        let f = small_campaign(&*db.store, now, CASES, OPERATORS, 5).await;
        let windows: [Arc<dyn Store>; 2] = [db.store.clone(), db.another_window().await];

        let mut tasks = Vec::new();
        for (i, operator) in f.operators.iter().copied().enumerate() {
            let store = windows[i % 2].clone();
            let campaign = f.campaign;
            tasks.push(tokio::spawn(async move {
                let mut taken = Vec::new();
                loop {
                    let request = NextCaseRequest { campaign_id: campaign, operator_id: operator };
                    let Some(card) = desk::next_case(&*store, now, &request).await.expect("claim") else { break };
                    taken.push(card.lease.case_id);
                    let refusal = RecordOutcomeRequest { lease: card.lease, attempt_id: Uuid::new_v4(), outcome: code("4.32"), note: None, appointment_at: None, appointment_kind: None };
                    desk::record_outcome(&*store, now, &refusal).await.expect("the holder records its outcome");
                }
                taken
            }));
        }
        let mut all = Vec::new();
        let mut busy_operators = 0;
        for task in tasks {
            let taken = task.await.expect("operator task");
            busy_operators += usize::from(!taken.is_empty());
            all.extend(taken);
        }
        let distinct: HashSet<Uuid> = all.iter().copied().collect();
        assert_eq!(all.len(), CASES, "every case handed out exactly once");
        assert_eq!(distinct.len(), CASES);
        assert_eq!(distinct, f.cases.iter().copied().collect::<HashSet<_>>());
        assert!(busy_operators >= 2, "the work was shared, not serialised onto one operator");
    }
}

on_both_backends! {
    async fn an_abandoned_lease_expires_and_the_old_holder_can_no_longer_write(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 1, 2, 5).await;
        let (crashed, colleague) = (f.operators[0], f.operators[1]);
        let request = |operator| NextCaseRequest { campaign_id: f.campaign, operator_id: operator };

        let held = desk::next_case(store, now, &request(crashed)).await.expect("claim").expect("case");
        let interview = desk::start_interview(store, now, &StartInterviewRequest { lease: held.lease, interview_id: Uuid::new_v4() }).await.expect("open");
        assert!(desk::next_case(store, now + Duration::minutes(1), &request(colleague)).await.expect("claim").is_none(), "held, so nobody else gets it");

        // A heartbeat keeps it; without one the case is back once the lease runs out.
        desk::heartbeat(store, now + Duration::minutes(4), &held.lease).await.expect("heartbeat");
        assert!(desk::next_case(store, now + LEASE_TIME + Duration::minutes(1), &request(colleague)).await.expect("claim").is_none());
        let later = now + Duration::minutes(4) + LEASE_TIME + Duration::seconds(1);
        let taken = desk::next_case(store, later, &request(colleague)).await.expect("claim").expect("case returns");
        assert_eq!(taken.lease.case_id, held.lease.case_id);
        assert!(taken.lease.epoch > held.lease.epoch);

        // Every write under the old epoch is refused.
        let answer = SaveAnswerRequest { lease: held.lease, interview_id: interview.id, question_id: khaosat::domain::questionnaire::Questionnaire::starter().questions[0].id.clone(), answer: Answer::Score(5) };
        assert!(matches!(desk::save_answer(store, later, &answer).await, Err(Error::LeaseLost { .. })));
        let stale = RecordOutcomeRequest { lease: held.lease, attempt_id: Uuid::new_v4(), outcome: code("4.32"), note: None, appointment_at: None, appointment_kind: None };
        assert!(matches!(desk::record_outcome(store, later, &stale).await, Err(Error::LeaseLost { .. })));
        assert!(matches!(desk::heartbeat(store, later, &held.lease).await, Err(Error::LeaseLost { .. })));
        assert!(matches!(desk::release(store, &held.lease).await, Err(Error::LeaseLost { .. })));

        // The new holder's writes go through.
        let fresh = RecordOutcomeRequest { lease: taken.lease, ..stale };
        let recorded = desk::record_outcome(store, later, &fresh).await.expect("current holder writes");
        assert_eq!(recorded.final_outcome, Some(code("4.32")));
        let history = store.case_attempts(held.lease.case_id).await.expect("history");
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].operator_id, colleague);
    }
}

on_both_backends! {
    async fn a_released_case_goes_back_to_the_pool(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 1, 2, 5).await;
        let request = |operator| NextCaseRequest { campaign_id: f.campaign, operator_id: operator };
        let held = desk::next_case(store, now, &request(f.operators[0])).await.expect("claim").expect("case");
        desk::release(store, &held.lease).await.expect("release");
        let other = desk::next_case(store, now, &request(f.operators[1])).await.expect("claim").expect("case is free again");
        assert_eq!(other.lease.case_id, held.lease.case_id);
        assert_eq!(other.attempts, 0, "a release is not an attempt");
    }
}

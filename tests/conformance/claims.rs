//! The claim's guarantees: many operators on two workstations never receive the same case, a
//! lease left by a crashed workstation expires and the case returns, and a write under a stale
//! lease is refused.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Duration;
use khaosat::error::Error;
use khaosat::ops::desk::{self, NextCaseRequest, RecordOutcomeRequest, LEASE_TIME};
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
        let interview = crate::interview::open(store, now, held.lease).await;
        assert!(desk::next_case(store, now + Duration::minutes(1), &request(colleague)).await.expect("claim").is_none(), "held, so nobody else gets it");

        // A heartbeat keeps it; without one the case is back once the lease runs out.
        desk::heartbeat(store, now + Duration::minutes(4), &held.lease).await.expect("heartbeat");
        assert!(desk::next_case(store, now + LEASE_TIME + Duration::minutes(1), &request(colleague)).await.expect("claim").is_none());
        let later = now + Duration::minutes(4) + LEASE_TIME + Duration::seconds(1);
        let taken = desk::next_case(store, later, &request(colleague)).await.expect("claim").expect("case returns");
        assert_eq!(taken.lease.case_id, held.lease.case_id);
        assert!(taken.lease.epoch > held.lease.epoch);

        // Every write under the old epoch is refused.
        let answer = crate::interview::answer(store, later, held.lease, &interview, "dong_y", "1").await;
        assert!(matches!(answer, Err(Error::LeaseLost { .. })), "{answer:?}");
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

on_both_backends! {
    async fn many_operators_racing_never_hold_one_case_at_once(db: TestDb) {
        // PostgreSQL is the call center's shared database: many operators on several
        // workstations. SQLite serves one workstation or a few. Under 100 cases, so the
        // fixture's sample releases them all.
        let (operators, cases) = match db.store.backend() {
            khaosat::store::Backend::Postgres => (64, 96),
            khaosat::store::Backend::Sqlite => (16, 64),
        };
        let now = monday_morning();
        let f = small_campaign(&*db.store, now, cases, operators, 5).await;
        let windows: [Arc<dyn Store>; 3] = [db.store.clone(), db.another_window().await, db.another_window().await];

        let mut tasks = Vec::new();
        for (i, operator) in f.operators.iter().copied().enumerate() {
            let store = windows[i % windows.len()].clone();
            let campaign = f.campaign;
            tasks.push(tokio::spawn(async move {
                // (case, epoch, attempt recorded)
                let mut claims: Vec<(Uuid, i64, Option<Uuid>)> = Vec::new();
                for turn in 0.. {
                    let request = NextCaseRequest { campaign_id: campaign, operator_id: operator };
                    let Some(card) = desk::next_case(&*store, now, &request).await.expect("claim") else { break };
                    if (turn + i) % 5 == 0 {
                        desk::release(&*store, &card.lease).await.expect("release");
                        claims.push((card.lease.case_id, card.lease.epoch, None));
                        continue;
                    }
                    let outcome = if turn % 2 == 0 { "4.32" } else { "3.12" };
                    let attempt = Uuid::new_v4();
                    let call = RecordOutcomeRequest { lease: card.lease, attempt_id: attempt, outcome: code(outcome), note: None, appointment_at: None, appointment_kind: None };
                    desk::record_outcome(&*store, now, &call).await.expect("the holder records its outcome");
                    claims.push((card.lease.case_id, card.lease.epoch, Some(attempt)));
                }
                claims
            }));
        }
        let mut claims = Vec::new();
        for task in tasks {
            claims.extend(task.await.expect("operator task"));
        }
        let leases: HashSet<(Uuid, i64)> = claims.iter().map(|(case, epoch, _)| (*case, *epoch)).collect();
        assert_eq!(leases.len(), claims.len(), "no lease (case, epoch) was ever handed out twice");
        let called: Vec<Uuid> = claims.iter().filter(|c| c.2.is_some()).map(|c| c.0).collect();
        let distinct: HashSet<Uuid> = called.iter().copied().collect();
        assert_eq!(called.len(), cases, "every case called exactly once: released ones came back");
        assert_eq!(distinct.len(), cases);
        for (case, _, attempt) in claims.iter().filter(|c| c.2.is_some()) {
            let history = db.store.case_attempts(*case).await.expect("history");
            assert_eq!(history.len(), 1, "one attempt per case, none lost, none doubled");
            assert_eq!(Some(history[0].id), *attempt);
        }
    }
}

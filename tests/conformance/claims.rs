//! The claim's guarantees: many operators on two workstations never receive the same case, a
//! lease left by a crashed workstation expires and the case returns, and a write under a stale
//! lease is refused. Each operator acts through their own session: a write under another
//! operator's lease, or a claim in a campaign they are not on, is refused.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::Duration;
use khaosat::domain::people::{Login, Password};
use khaosat::error::Error;
use khaosat::ops::desk::{self, NextCaseRequest, RecordOutcomeRequest, LEASE_TIME};
use khaosat::ops::session::Session;
use khaosat::store::model::{NewStaff, Role};
use khaosat::store::{Backend, PostgresStore, Store};
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::support::{code, monday_morning, on_both_backends, TestDb, PASSWORD};

/// The operator's session on the workstation `window` stands for: on PostgreSQL their own
/// session, already a connection pool of their own role; on SQLite the person acting on
/// `window`, which may be a second pool on the same file.
async fn at_window(db: &TestDb, window: &Arc<dyn Store>, desk: &Session) -> Session {
    match db.store.backend() {
        Backend::Postgres => desk.clone(),
        Backend::Sqlite => elsewhere(db, window, desk).await,
    }
}

/// The same person's session on another workstation: on PostgreSQL a new connection pool as
/// their own role; on SQLite the person acting on `window`, a second pool on the same file.
pub async fn elsewhere(db: &TestDb, window: &Arc<dyn Store>, desk: &Session) -> Session {
    let login = desk.person().expect("a person").login.clone();
    match db.store.backend() {
        Backend::Postgres => db.person(&login).await,
        Backend::Sqlite => Session::acting_as(Arc::clone(window), &login)
            .await
            .unwrap_or_else(|e| panic!("{login} on another window: {e}")),
    }
}

on_both_backends! {
    async fn operators_on_two_windows_never_get_the_same_case(db: TestDb) {
        const CASES: usize = 60;
        const OPERATORS: usize = 8;
        let now = monday_morning();
        let f = small_campaign(&db, now, CASES, OPERATORS, 5).await;
        let windows: [Arc<dyn Store>; 2] = [db.store.clone(), db.another_window().await];

        let mut tasks = Vec::new();
        for (i, person) in f.desks.iter().enumerate() {
            let me = at_window(&db, &windows[i % 2], person).await;
            let campaign = f.campaign;
            tasks.push(tokio::spawn(async move {
                let mut taken = Vec::new();
                loop {
                    let request = NextCaseRequest { campaign_id: campaign };
                    let Some(card) = desk::next_case(&me, now, &request).await.expect("claim") else { break };
                    taken.push(card.lease.case_id);
                    let refusal = RecordOutcomeRequest { lease: card.lease, attempt_id: Uuid::new_v4(), outcome: code("4.32"), note: None, appointment_at: None, appointment_kind: None };
                    desk::record_outcome(&me, now, &refusal).await.expect("the holder records its outcome");
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
        let f = small_campaign(&db, now, 1, 2, 5).await;
        let (crashed, colleague) = (&f.desks[0], &f.desks[1]);
        let request = NextCaseRequest { campaign_id: f.campaign };

        let held = desk::next_case(crashed, now, &request).await.expect("claim").expect("case");
        let interview = crate::interview::open(crashed, now, held.lease).await;
        assert!(desk::next_case(colleague, now + Duration::minutes(1), &request).await.expect("claim").is_none(), "held, so nobody else gets it");

        // A heartbeat keeps it; without one the case is back once the lease runs out.
        desk::heartbeat(crashed, now + Duration::minutes(4), &held.lease).await.expect("heartbeat");
        assert!(desk::next_case(colleague, now + LEASE_TIME + Duration::minutes(1), &request).await.expect("claim").is_none());
        let later = now + Duration::minutes(4) + LEASE_TIME + Duration::seconds(1);
        let taken = desk::next_case(colleague, later, &request).await.expect("claim").expect("case returns");
        assert_eq!(taken.lease.case_id, held.lease.case_id);
        assert!(taken.lease.epoch > held.lease.epoch);

        // Every write under the old epoch is refused.
        let answer = crate::interview::answer(crashed, later, held.lease, &interview, "dong_y", "1").await;
        assert!(matches!(answer, Err(Error::LeaseLost { .. })), "{answer:?}");
        let stale = RecordOutcomeRequest { lease: held.lease, attempt_id: Uuid::new_v4(), outcome: code("4.32"), note: None, appointment_at: None, appointment_kind: None };
        assert!(matches!(desk::record_outcome(crashed, later, &stale).await, Err(Error::LeaseLost { .. })));
        assert!(matches!(desk::heartbeat(crashed, later, &held.lease).await, Err(Error::LeaseLost { .. })));
        assert!(matches!(desk::release(crashed, &held.lease).await, Err(Error::LeaseLost { .. })));

        // The new holder's writes go through.
        let fresh = RecordOutcomeRequest { lease: taken.lease, ..stale };
        let recorded = desk::record_outcome(colleague, later, &fresh).await.expect("current holder writes");
        assert_eq!(recorded.final_outcome, Some(code("4.32")));
        let history = store.case_attempts(held.lease.case_id).await.expect("history");
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].operator_id, f.operators[1]);
    }
}

on_both_backends! {
    async fn a_released_case_goes_back_to_the_pool(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 1, 2, 5).await;
        let request = NextCaseRequest { campaign_id: f.campaign };
        let held = desk::next_case(&f.desks[0], now, &request).await.expect("claim").expect("case");
        desk::release(&f.desks[0], &held.lease).await.expect("release");
        let other = desk::next_case(&f.desks[1], now, &request).await.expect("claim").expect("case is free again");
        assert_eq!(other.lease.case_id, held.lease.case_id);
        assert_eq!(other.attempts, 0, "a release is not an attempt");
    }
}

on_both_backends! {
    async fn an_operator_cannot_write_under_another_operators_lease(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 2, 2, 5).await;
        let (holder, other) = (&f.desks[0], &f.desks[1]);
        let held = desk::next_case(holder, now, &NextCaseRequest { campaign_id: f.campaign }).await.expect("claim").expect("case");

        // Operator 2 has operator 1's lease in hand (its ids are no secret): every write is refused.
        let forged = RecordOutcomeRequest { lease: held.lease, attempt_id: Uuid::new_v4(), outcome: code("2.112"), note: None, appointment_at: None, appointment_kind: None };
        let recorded = desk::record_outcome(other, now + Duration::minutes(1), &forged).await;
        assert!(matches!(recorded, Err(Error::LeaseLost { .. } | Error::Forbidden(_))), "{recorded:?}");
        let beat = desk::heartbeat(other, now + Duration::minutes(1), &held.lease).await;
        assert!(matches!(beat, Err(Error::LeaseLost { .. } | Error::Forbidden(_))), "{beat:?}");
        let released = desk::release(other, &held.lease).await;
        assert!(matches!(released, Err(Error::LeaseLost { .. } | Error::Forbidden(_))), "{released:?}");
        let opened = khaosat::ops::interview::start_interview(other, now, &khaosat::ops::interview::StartInterviewRequest { lease: held.lease, interview_id: Uuid::new_v4() }).await;
        assert!(matches!(opened, Err(Error::LeaseLost { .. } | Error::Forbidden(_))), "{opened:?}");

        // Nothing was written: the case is still operator 1's, uncalled, and theirs to record.
        let case = store.case(held.lease.case_id).await.expect("case");
        assert_eq!((case.lease_holder, case.progress.attempts, case.progress.final_outcome.clone()), (Some(f.operators[0]), 0, None));
        assert!(store.case_attempts(held.lease.case_id).await.expect("history").is_empty());
        assert!(store.case_interview(held.lease.case_id).await.expect("interview").is_none());
        let own = RecordOutcomeRequest { attempt_id: Uuid::new_v4(), ..forged };
        let recorded = desk::record_outcome(holder, now + Duration::minutes(2), &own).await.expect("the holder records");
        assert_eq!(recorded.final_outcome, Some(code("2.112")));
        assert_eq!(store.case_attempts(held.lease.case_id).await.expect("history")[0].operator_id, f.operators[0]);
    }
}

on_both_backends! {
    async fn an_operator_not_on_the_campaign_cannot_claim_in_it(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 2, 1, 5).await;
        let other = small_campaign(&db, now, 2, 1, 5).await;
        let outsider = &other.desks[0];
        let request = NextCaseRequest { campaign_id: f.campaign };
        let refused = desk::next_case(outsider, now, &request).await;
        match refused {
            Err(Error::Forbidden(message)) => assert!(message.contains("chưa được giao"), "{message}"),
            other => panic!("an operator of another campaign claims: {other:?}"),
        }
        assert!(matches!(desk::queue(outsider, now, &request).await, Err(Error::Forbidden(_))));
        // A supervisor of the campaign does not call either.
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let boss = db.add_person(&format!("gsv.{tag}"), Role::Supervisor, &[f.campaign]).await;
        assert!(matches!(desk::next_case(&boss, now, &request).await, Err(Error::Forbidden(_))));
        // Nothing was taken: the campaign's own operator gets a case.
        let cases = db.store.campaign_cases(f.campaign).await.expect("cases");
        assert!(cases.iter().all(|c| c.lease_holder.is_none()));
        assert!(desk::next_case(&f.desks[0], now, &request).await.expect("claim").is_some());
    }
}

/// Adds `count` operators of the campaign, as the administrator does, and opens each one's
/// session on a single connection of their own role (on SQLite, acting on one of `windows` in
/// turn): as many workstations as the server's connections allow, where a session as the
/// app opens it keeps two.
async fn lean_desks(
    db: &TestDb,
    windows: &[Arc<dyn Store>],
    campaign: Uuid,
    count: usize,
) -> Vec<Session> {
    let tag = &Uuid::new_v4().simple().to_string()[..8];
    let mut desks = Vec::with_capacity(count);
    for i in 0..count {
        let login = Login::parse(&format!("dtv{i}.{tag}")).expect("a login");
        db.store
            .add_staff(&NewStaff {
                login: &login,
                full_name: &format!("Người {login}"),
                role: Role::Operator,
                password: &Password::given(PASSWORD),
            })
            .await
            .unwrap_or_else(|e| panic!("{login} added: {e}"));
        db.store
            .assign(&login, campaign, true)
            .await
            .expect("assigned");
        let desk = match db.store.backend() {
            Backend::Postgres => {
                let (_, server) = db.url.split_once('@').expect("a user in the test URL");
                let url = format!("postgres://{login}:{PASSWORD}@{server}");
                let store = PostgresStore::connect_with_pool(&url, 1)
                    .await
                    .unwrap_or_else(|e| panic!("{login} connects: {e}"));
                Session::connected(Arc::new(store)).await
            }
            Backend::Sqlite => {
                Session::acting_as(Arc::clone(&windows[i % windows.len()]), login.as_str()).await
            }
        };
        let desk = desk.unwrap_or_else(|e| panic!("{login}'s session: {e}"));
        assert_eq!(
            desk.person().map(|p| p.login.as_str()).ok(),
            Some(login.as_str())
        );
        desks.push(desk);
    }
    desks
}

on_both_backends! {
    async fn many_operators_racing_never_hold_one_case_at_once(db: TestDb) {
        // PostgreSQL is the call center's shared database: many operators on several
        // workstations. SQLite serves one workstation or a few. Under 100 cases, so the
        // fixture's sample releases them all.
        let (operators, cases) = match db.store.backend() {
            Backend::Postgres => (64, 96),
            Backend::Sqlite => (16, 64),
        };
        let now = monday_morning();
        let f = small_campaign(&db, now, cases, 0, 5).await;
        // On SQLite, three workstations' pools on the one file.
        let windows: Vec<Arc<dyn Store>> = match db.store.backend() {
            Backend::Postgres => vec![db.store.clone()],
            Backend::Sqlite => vec![db.store.clone(), db.another_window().await, db.another_window().await],
        };
        let desks = lean_desks(&db, &windows, f.campaign, operators).await;

        let mut tasks = Vec::new();
        for (i, me) in desks.into_iter().enumerate() {
            let campaign = f.campaign;
            tasks.push(tokio::spawn(async move {
                // (case, epoch, attempt recorded)
                let mut claims: Vec<(Uuid, i64, Option<Uuid>)> = Vec::new();
                for turn in 0.. {
                    let request = NextCaseRequest { campaign_id: campaign };
                    let Some(card) = desk::next_case(&me, now, &request).await.expect("claim") else { break };
                    if (turn + i) % 5 == 0 {
                        desk::release(&me, &card.lease).await.expect("release");
                        claims.push((card.lease.case_id, card.lease.epoch, None));
                        continue;
                    }
                    let outcome = if turn % 2 == 0 { "4.32" } else { "3.12" };
                    let attempt = Uuid::new_v4();
                    let call = RecordOutcomeRequest { lease: card.lease, attempt_id: attempt, outcome: code(outcome), note: None, appointment_at: None, appointment_kind: None };
                    desk::record_outcome(&me, now, &call).await.expect("the holder records its outcome");
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

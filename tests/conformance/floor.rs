//! The supervisor's live floor on both databases: each operator's state (away, idle, calling,
//! in an interview, paused) and each agency's figures of the day, who may see it, and the watch
//! that sends the floor again after an operator's action with nothing asked.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use khaosat::clock::FixedClock;
use khaosat::error::Error;
use khaosat::ops::desk;
use khaosat::ops::floor::{self, DeskState, FloorEvent, FloorView};
use khaosat::ops::pause::{self, PauseRequest};
use khaosat::ops::reports;
use khaosat::ops::session::Session;
use khaosat::ops::supervise::CampaignRequest;
use khaosat::store::model::Role;
use khaosat::store::FloorSignal;
use uuid::Uuid;

use crate::fixtures::campaign_with_agencies;
use crate::interview::{open, outcome};
use crate::reports::{fieldwork, take, Call, A1};
use crate::scheduler::{name_of, supervisor};
use crate::support::{claim, monday_morning, on_both_backends};

fn state_of(view: &FloorView, desk: &Session) -> DeskState {
    view.operators
        .iter()
        .find(|o| o.name == name_of(desk))
        .unwrap_or_else(|| panic!("{} is on the floor", name_of(desk)))
        .state
        .clone()
}

fn agency<'a>(view: &'a FloorView, code: &str) -> &'a floor::AgencyOnFloor {
    view.agencies
        .iter()
        .find(|a| a.code == code)
        .unwrap_or_else(|| panic!("agency {code} on the floor"))
}

on_both_backends! {
    async fn the_floor_shows_each_operator_and_each_agency_as_they_are_now(db: TestDb) {
        // Operator 1 calls from 09:00: a complete, then a refusal.
        let start = monday_morning();
        let f = campaign_with_agencies(&db, start, &[3, 2], 3, 5).await;
        let (first, second, third) = (&f.desks[0], &f.desks[1], &f.desks[2]);
        let mut today: HashMap<String, (u64, u64)> = HashMap::new();
        for (minutes, call) in [(0, Call::Complete(A1)), (10, Call::Refusal)] {
            let called = start + Duration::minutes(minutes);
            let card = claim(first, called, f.campaign).await.expect("a case");
            take(first, called, card.lease, &call).await;
            let counts = today.entry(card.agency_code).or_default();
            counts.0 += 1;
            counts.1 += u64::from(matches!(call, Call::Complete(_)));
        }
        let now = start + Duration::hours(1);
        let at = |s: i64| now + Duration::seconds(s);
        let boss = supervisor(&db, f.campaign).await;
        let req = CampaignRequest { campaign_id: f.campaign };

        let view = floor::floor(&boss, now, &req).await.expect("the floor");
        assert_eq!(view.operators.len(), 3, "{view:?}");
        assert!(view.operators.iter().all(|o| o.state == DeskState::Away), "{view:?}");
        for a in &f.agencies {
            let (calls, completes) = today.get(&a.code).copied().unwrap_or_default();
            let shown = agency(&view, &a.code);
            assert_eq!((shown.calls_today, shown.completes_today, shown.completes), (calls, completes, completes), "{}", a.code);
        }
        // The required completes are the progress report's.
        let progress = reports::progress(&boss, f.campaign, now).await.expect("progress");
        for row in &progress.agencies {
            assert_eq!(agency(&view, &row.agency).required, row.required, "{}", row.agency);
        }
        // Tomorrow nothing has been called yet.
        let tomorrow = floor::floor(&boss, now + Duration::days(1), &req).await.expect("tomorrow");
        assert!(tomorrow.agencies.iter().all(|a| a.calls_today == 0), "{tomorrow:?}");
        assert_eq!(tomorrow.agencies.iter().map(|a| a.completes).sum::<u64>(), 1);

        for desk in [first, second, third] {
            floor::open_desk(desk, now, &req).await.expect("desk opens");
        }
        let view = floor::floor(&boss, at(5), &req).await.expect("the floor");
        assert!(view.operators.iter().all(|o| o.state == DeskState::Idle { seconds: 5 }), "{view:?}");

        let calling = claim(first, at(10), f.campaign).await.expect("a case");
        let talking = claim(second, at(10), f.campaign).await.expect("a case");
        open(second, at(20), talking.lease).await;
        pause::pause(third, at(0), &PauseRequest { campaign_id: f.campaign, reason: "Họp giao ban".to_owned() })
            .await
            .expect("pause");
        let view = floor::floor(&boss, at(70), &req).await.expect("the floor");
        assert_eq!(
            state_of(&view, first),
            DeskState::Calling {
                case_id: calling.lease.case_id,
                dossier_code: calling.dossier_code.clone(),
                agency_code: calling.agency_code.clone(),
                seconds: 60,
            }
        );
        assert_eq!(
            state_of(&view, second),
            DeskState::Interviewing {
                case_id: talking.lease.case_id,
                dossier_code: talking.dossier_code.clone(),
                agency_code: talking.agency_code.clone(),
                seconds: 50,
            }
        );
        assert_eq!(state_of(&view, third), DeskState::Paused { reason: "Họp giao ban".to_owned(), seconds: 70 });

        let before = agency(&view, &calling.agency_code).calls_today;
        desk::record_outcome(first, at(80), &outcome(calling.lease, "3.13")).await.expect("no answer");
        let view = floor::floor(&boss, at(90), &req).await.expect("the floor");
        assert_eq!(state_of(&view, first), DeskState::Idle { seconds: 90 });
        assert_eq!(agency(&view, &calling.agency_code).calls_today, before + 1);

        // A desk not heard from for three minutes is away; heard from again, it is back; closed
        // (a logout), away again.
        let later = now + floor::DESK_LOST_AFTER + Duration::seconds(1);
        let view = floor::floor(&boss, later, &req).await.expect("the floor");
        assert_eq!(state_of(&view, first), DeskState::Away);
        floor::open_desk(first, later, &req).await.expect("still here");
        let view = floor::floor(&boss, later, &req).await.expect("the floor");
        assert_eq!(state_of(&view, first), DeskState::Idle { seconds: 0 });
        floor::close_desk(first).await.expect("logout");
        let view = floor::floor(&boss, later, &req).await.expect("the floor");
        assert_eq!(state_of(&view, first), DeskState::Away);

        // Only the campaign's supervisors see its floor; only its operators open a desk on it.
        let refused = floor::floor(first, later, &req).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let stranger = db.add_person(&format!("gsv.{tag}"), Role::Supervisor, &[]).await;
        let refused = floor::floor(&stranger, later, &req).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
        let refused = floor::open_desk(&boss, later, &req).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    }
}

on_both_backends! {
    async fn a_watched_floor_follows_an_operators_call_with_nothing_asked(db: TestDb) {
        let f = fieldwork(&db).await;
        let now = monday_morning() + Duration::hours(1);
        let op = &f.desks[1];
        let boss = supervisor(&db, f.campaign).await;
        let req = CampaignRequest { campaign_id: f.campaign };
        floor::open_desk(op, now, &req).await.expect("desk opens");

        // The store's own signal: a claim wakes a watcher of its campaign.
        let mut signals = boss.store().floor_signals(f.campaign).await.expect("watching");
        let card = claim(op, now, f.campaign).await.expect("a case");
        let woke = tokio::time::timeout(StdDuration::from_secs(10), signals.next()).await;
        assert_eq!(woke.ok(), Some(FloorSignal::Changed));

        // The use case: the floor first, then again after the outcome, with nothing asked.
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        let clock = Arc::new(FixedClock::new(now + Duration::seconds(30)));
        let follow = floor::watch(boss.clone(), clock.clone(), req.clone(), move |event| drop(tx.send(event)))
            .await
            .expect("the supervisor watches");
        let task = tokio::spawn(follow);
        let first = rx.recv().await.expect("the floor at once");
        let FloorEvent::View { view } = first else { panic!("{first:?}") };
        assert!(matches!(state_of(&view, op), DeskState::Calling { .. }), "{view:?}");

        clock.advance(Duration::seconds(30));
        desk::record_outcome(op, now + Duration::minutes(1), &outcome(card.lease, "3.13")).await.expect("no answer");
        let idle = tokio::time::timeout(StdDuration::from_secs(10), async {
            loop {
                match rx.recv().await.expect("the watch goes on") {
                    FloorEvent::View { view } if matches!(state_of(&view, op), DeskState::Idle { .. }) => break view,
                    _ => {}
                }
            }
        })
        .await
        .expect("the floor shows the call ended");
        assert_eq!(state_of(&idle, op), DeskState::Idle { seconds: 60 });
        task.abort();

        // An operator may not watch the floor.
        let refused = floor::watch(op.clone(), clock, req, |_| {}).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "refused");
    }
}

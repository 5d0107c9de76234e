//! An operator's pause on both databases: a reason is required, no case is handed out while it
//! is open (and the desk says why), a held case must be finished first, one pause at a time, and
//! its time is left out of the hours worked.

use chrono::Duration;
use khaosat::error::Error;
use khaosat::ops::desk;
use khaosat::ops::pause::{self, PauseRequest};
use khaosat::ops::reports::{self, OperatorsRequest};

use crate::fixtures::small_campaign;
use crate::interview::outcome;
use crate::scheduler::{name_of, supervisor};
use crate::support::{claim, monday_morning, on_both_backends};

on_both_backends! {
    async fn a_paused_operator_is_handed_nothing_and_the_pause_is_not_work(db: TestDb) {
        let start = monday_morning();
        let at = |minutes: i64| start + Duration::minutes(minutes);
        let f = small_campaign(&db, start, 4, 2, 5).await;
        let (op, other) = (&f.desks[0], &f.desks[1]);
        let request = |reason: &str| PauseRequest { campaign_id: f.campaign, reason: reason.to_owned() };

        let card = claim(op, at(0), f.campaign).await.expect("a case");
        let holding = pause::pause(op, at(1), &request("Họp")).await;
        assert!(matches!(&holding, Err(Error::Conflict(m)) if m.contains("đang giữ ca")), "{holding:?}");
        desk::record_outcome(op, at(6), &outcome(card.lease, "3.13")).await.expect("no answer");

        let empty = pause::pause(op, at(8), &request("  ")).await;
        assert!(matches!(&empty, Err(Error::Invalid(m)) if m.contains("lý do")), "{empty:?}");
        let paused = pause::pause(op, at(8), &request("Họp giao ban")).await.expect("pause");
        assert_eq!(paused.reason, "Họp giao ban");
        let twice = pause::pause(op, at(9), &request("Nghỉ giải lao")).await;
        assert!(matches!(&twice, Err(Error::Conflict(m)) if m.contains("đang tạm nghỉ rồi")), "{twice:?}");
        let refused = desk::next_case(op, at(10), &desk::NextCaseRequest { campaign_id: f.campaign }).await;
        assert!(matches!(&refused, Err(Error::Conflict(m)) if m.contains("Tiếp tục làm việc")), "{refused:?}");
        assert_eq!(pause::my_pause(op, at(11), f.campaign).await.expect("open").map(|p| p.minutes), Some(3));
        // The other operator is not paused.
        assert!(claim(other, at(10), f.campaign).await.is_some());

        let ended = pause::resume(op, at(14), f.campaign).await.expect("resume").expect("a pause ended");
        assert_eq!((ended.reason.as_str(), ended.minutes), ("Họp giao ban", 6));
        assert_eq!(pause::resume(op, at(14), f.campaign).await.expect("nothing open"), None);
        let card = claim(op, at(15), f.campaign).await.expect("a case after the pause");
        desk::record_outcome(op, at(20), &outcome(card.lease, "3.13")).await.expect("no answer");

        // Calls 09:00–09:06 and 09:15–09:20, one stretch of 20 minutes, 6 of them paused.
        let boss = supervisor(&db, f.campaign).await;
        let figures = reports::operators(&boss, &OperatorsRequest { campaign_id: f.campaign, from: None, to: None })
            .await
            .expect("figures");
        let mine = figures.operators.iter().find(|o| o.name == name_of(op)).expect("op's figures");
        assert_eq!(mine.attempts, 2);
        assert!((mine.hours - 14.0 / 60.0).abs() < 1e-9, "{}", mine.hours);
        // Resumed on a workstation whose clock is behind the one that paused: the pause ends
        // where it began, not before.
        pause::pause(op, at(30), &request("Nghỉ giải lao")).await.expect("pause");
        let ended = pause::resume(op, at(29), f.campaign).await.expect("resume").expect("ended");
        assert_eq!(ended.minutes, 0);
        assert_eq!(pause::my_pause(op, at(31), f.campaign).await.expect("none open"), None);
        // Only operators pause, and only their own.
        let refused = pause::pause(&boss, at(21), &request("Họp")).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "{refused:?}");
    }
}

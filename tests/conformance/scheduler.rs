//! The scheduler's rules through the desk's use cases, on both databases: the order the claim
//! hands cases out in, calling hours, slots and holidays, hard and soft appointments, the
//! supervisor's force-release and reassignment (versions, leased cases, audit), the queue.

use chrono::{DateTime, Duration, TimeZone, Utc};
use khaosat::domain::case::CaseStatus;
use khaosat::domain::schedule::AppointmentKind;
use khaosat::domain::time::{LocalTime, DEFAULT_TIME_ZONE};
use khaosat::error::Error;
use khaosat::ops::desk::{self, CaseCard, NextCaseRequest, RecordOutcomeRequest};
use khaosat::ops::supervise::{
    self, CallListFilter, CampaignRequest, CaseSelection, ForceReleaseRequest, ReassignRequest,
};
use khaosat::store::model::{Role, Staff};
use khaosat::store::Store;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::support::{claim, code, monday_morning, on_both_backends};

/// An instant as wall-clock time in Hà Nội.
fn hanoi(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    DEFAULT_TIME_ZONE
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid local time")
        .with_timezone(&Utc)
}

async fn record(store: &dyn Store, now: DateTime<Utc>, card: &CaseCard, outcome: &str) {
    desk::record_outcome(store, now, &request(card, outcome))
        .await
        .expect("recorded");
}

fn request(card: &CaseCard, outcome: &str) -> RecordOutcomeRequest {
    RecordOutcomeRequest {
        lease: card.lease,
        attempt_id: Uuid::new_v4(),
        outcome: code(outcome),
        note: Some("ghi chú".to_owned()),
        appointment_at: None,
        appointment_kind: None,
    }
}

async fn book(
    store: &dyn Store,
    now: DateTime<Utc>,
    card: &CaseCard,
    at: &str,
    kind: AppointmentKind,
) {
    let booking = RecordOutcomeRequest {
        appointment_at: Some(LocalTime::parse(at).expect("local time")),
        appointment_kind: Some(kind),
        ..request(card, "2.21")
    };
    desk::record_outcome(store, now, &booking)
        .await
        .expect("booked");
}

async fn supervisor(store: &dyn Store) -> Uuid {
    let person = Staff {
        id: Uuid::new_v4(),
        login: format!("gsv.{}", &Uuid::new_v4().simple().to_string()[..8]),
        full_name: "Giám sát viên".to_owned(),
        role: Role::Supervisor,
        active: true,
    };
    store.put_staff(&person).await.expect("supervisor");
    person.id
}

on_both_backends! {
    async fn no_fresh_case_outside_calling_hours_on_sundays_or_public_holidays(db: TestDb) {
        let store = &*db.store;
        let f = small_campaign(store, monday_morning(), 3, 1, 5).await;
        let op = f.operators[0];
        for (closed, why) in [
            (hanoi(2026, 11, 23, 7, 29), "before 07:30"),
            (hanoi(2026, 11, 23, 12, 0), "lunch"),
            (hanoi(2026, 11, 23, 20, 0), "after 20:00"),
            (hanoi(2026, 11, 29, 9, 0), "a Sunday"),
            (hanoi(2027, 1, 1, 9, 0), "New Year's Day"),
            (hanoi(2027, 2, 8, 9, 0), "Tết (mùng 3), a Monday"),
            (hanoi(2027, 4, 16, 9, 0), "Giỗ Tổ Hùng Vương 10/3 lunar, a Friday"),
            (hanoi(2026, 9, 1, 9, 0), "Quốc khánh, the day before 2/9"),
        ] {
            assert!(claim(store, closed, f.campaign, op).await.is_none(), "nothing to call: {why}");
            let queue = desk::queue(store, closed, &NextCaseRequest { campaign_id: f.campaign, operator_id: op }).await.expect("queue");
            assert!(!queue.calling_open, "{why}");
            assert!(queue.next_open.is_some(), "{why}: says when calling resumes");
        }
        let queue = desk::queue(store, hanoi(2026, 11, 28, 20, 30), &NextCaseRequest { campaign_id: f.campaign, operator_id: op }).await.expect("queue");
        assert_eq!(queue.next_open.as_deref(), Some("30/11/2026 07:30"), "Saturday night → Monday morning");
        assert!(claim(store, hanoi(2026, 11, 28, 19, 59), f.campaign, op).await.is_some(), "Saturday evening is open");
    }
}

on_both_backends! {
    async fn a_no_answer_comes_back_in_a_part_of_the_day_not_yet_tried(db: TestDb) {
        let store = &*db.store;
        let morning = hanoi(2026, 11, 23, 9, 0);
        let f = small_campaign(store, morning, 1, 1, 9).await;
        let op = f.operators[0];
        let card = claim(store, morning, f.campaign, op).await.expect("case");
        record(store, morning, &card, "3.13").await;
        assert!(claim(store, hanoi(2026, 11, 23, 13, 29), f.campaign, op).await.is_none(), "three hours, then lunch");
        let afternoon = hanoi(2026, 11, 23, 13, 30);
        let card = claim(store, afternoon, f.campaign, op).await.expect("back in the afternoon");
        record(store, afternoon, &card, "3.13").await;
        assert!(claim(store, hanoi(2026, 11, 23, 16, 59), f.campaign, op).await.is_none(), "not again this afternoon");
        let evening = hanoi(2026, 11, 23, 17, 0);
        let card = claim(store, evening, f.campaign, op).await.expect("back in the evening");
        record(store, evening, &card, "3.12").await;
        let busy_again = hanoi(2026, 11, 23, 17, 30);
        assert!(claim(store, busy_again, f.campaign, op).await.is_some(), "busy is retried in 30 minutes, same slot");
    }
}

on_both_backends! {
    async fn the_claim_order_is_own_appointments_then_anyones_then_own_list_then_pool(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 6, 2, 5).await;
        let (lan, minh) = (f.operators[0], f.operators[1]);
        // Two cases get callbacks at 10:00: a hard one for Lan, a soft one by Minh.
        let a = claim(store, now, f.campaign, lan).await.expect("a");
        book(store, now, &a, "2026-11-23T10:00", AppointmentKind::Hard).await;
        let b = claim(store, now, f.campaign, minh).await.expect("b");
        book(store, now, &b, "2026-11-23T10:00", AppointmentKind::Soft).await;
        // One fresh case goes on Lan's own list.
        let all = store.campaign_cases(f.campaign).await.expect("cases");
        let fresh: Vec<Uuid> = all.iter().filter(|c| c.progress.attempts == 0).map(|c| c.id).collect();
        let own = *fresh.last().expect("a fresh case");
        store.assign_call_list(&[own], Some(lan)).await.expect("assigned");

        assert!(claim(store, hanoi(2026, 11, 23, 9, 59), f.campaign, lan).await.is_some_and(|c| c.lease.case_id == own), "before 10:00: her own list before the pool");
        let ten = hanoi(2026, 11, 23, 10, 0);
        let first = claim(store, ten, f.campaign, lan).await.expect("first");
        assert_eq!(first.lease.case_id, own, "she still holds her case: it comes back first");
        record(store, ten, &first, "3.12").await;
        let second = claim(store, ten, f.campaign, lan).await.expect("second");
        assert_eq!(second.lease.case_id, a.lease.case_id, "her own hard appointment");
        assert!(second.appointment_hard);
        record(store, ten, &second, "3.12").await;
        let third = claim(store, ten, f.campaign, lan).await.expect("third");
        assert_eq!(third.lease.case_id, b.lease.case_id, "then a soft appointment anyone may take");
        assert!(!third.appointment_hard);
        record(store, ten, &third, "3.12").await;
        let fourth = claim(store, ten, f.campaign, lan).await.expect("fourth");
        assert!(fresh.contains(&fourth.lease.case_id) && fourth.lease.case_id != own, "then the pool, fewest attempts first");
    }
}

on_both_backends! {
    async fn a_hard_appointment_waits_for_its_operator_until_the_grace_period_ends(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 1, 2, 5).await;
        let (lan, minh) = (f.operators[0], f.operators[1]);
        let card = claim(store, now, f.campaign, lan).await.expect("case");
        book(store, now, &card, "2026-11-23T10:00", AppointmentKind::Hard).await;
        let queue = desk::queue(store, now, &NextCaseRequest { campaign_id: f.campaign, operator_id: lan }).await.expect("queue");
        assert_eq!(queue.appointments.len(), 1, "shown ahead of time");
        assert!(queue.appointments[0].hard && !queue.appointments[0].due);
        assert_eq!(queue.appointments[0].at, "23/11/2026 10:00");
        let others = desk::queue(store, now, &NextCaseRequest { campaign_id: f.campaign, operator_id: minh }).await.expect("queue");
        assert!(others.appointments.is_empty(), "another operator's hard appointment is not on Minh's list");

        assert!(claim(store, hanoi(2026, 11, 23, 10, 14), f.campaign, minh).await.is_none(), "within the 15-minute grace: Lan's");
        let taken = claim(store, hanoi(2026, 11, 23, 10, 15), f.campaign, minh).await.expect("grace over: anyone");
        assert_eq!(taken.lease.case_id, card.lease.case_id);
        assert!(claim(store, hanoi(2026, 11, 23, 10, 16), f.campaign, lan).await.is_none(), "held by Minh now");
        // Appointments are kept within calling hours: the person is not called at night.
        let tonight = RecordOutcomeRequest {
            appointment_at: Some(LocalTime::parse("2026-11-23T20:30").expect("local time")),
            ..request(&taken, "2.21")
        };
        let refused = desk::record_outcome(store, hanoi(2026, 11, 23, 10, 20), &tonight).await;
        assert!(matches!(refused, Err(Error::Rule(ref e)) if e.to_string().contains("ngoài giờ gọi")), "{refused:?}");
        book(store, hanoi(2026, 11, 23, 10, 20), &taken, "2026-11-23T19:30", AppointmentKind::Soft).await;
        let evening = claim(store, hanoi(2026, 11, 23, 19, 30), f.campaign, lan).await.expect("a soft one: anyone");
        assert_eq!(evening.lease.case_id, card.lease.case_id);
    }
}

on_both_backends! {
    async fn a_supervisor_force_releases_a_case_and_the_holder_is_fenced_off(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 1, 2, 5).await;
        let (lan, minh) = (f.operators[0], f.operators[1]);
        let boss = supervisor(store).await;
        let held = claim(store, now, f.campaign, lan).await.expect("case");

        let refused = supervise::force_release(store, now, &ForceReleaseRequest { case_id: held.lease.case_id, supervisor_id: minh }).await;
        assert!(matches!(refused, Err(Error::Invalid(ref m)) if m.contains("chỉ giám sát viên")), "{refused:?}");

        let released = supervise::force_release(store, now, &ForceReleaseRequest { case_id: held.lease.case_id, supervisor_id: boss }).await.expect("released");
        assert_eq!(released.held_by.as_deref(), Some("Điện thoại viên 0"));
        let stale = desk::record_outcome(store, now, &request(&held, "3.13")).await;
        assert!(matches!(stale, Err(Error::LeaseLost { .. })), "{stale:?}");
        assert!(matches!(desk::heartbeat(store, now, &held.lease).await, Err(Error::LeaseLost { .. })));
        let taken = claim(store, now, f.campaign, minh).await.expect("back in the pool at once");
        assert_eq!(taken.lease.case_id, held.lease.case_id);
        assert!(taken.lease.epoch > held.lease.epoch);

        let audit = store.audit_log(f.campaign).await.expect("audit");
        assert_eq!(audit.len(), 1);
        assert_eq!((audit[0].action.as_str(), audit[0].actor, audit[0].case_id), ("force_release", boss, Some(held.lease.case_id)));
        assert!(audit[0].before.as_deref().is_some_and(|b| b.contains(&lan.to_string())));
        let again = supervise::force_release(store, now, &ForceReleaseRequest { case_id: Uuid::new_v4(), supervisor_id: boss }).await;
        assert!(matches!(again, Err(Error::NotFound { .. })), "{again:?}");
    }
}

on_both_backends! {
    async fn reassignment_moves_what_is_selected_reports_conflicts_and_leaves_calls_with_their_holder(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 6, 2, 5).await;
        let (lan, minh) = (f.operators[0], f.operators[1]);
        let boss = supervisor(store).await;
        let in_call = claim(store, now, f.campaign, lan).await.expect("Lan is on a call");

        let selection = CaseSelection { campaign_id: f.campaign, agency_codes: vec![], statuses: vec![CaseStatus::New, CaseStatus::InCall], call_list: CallListFilter::Pool };
        let picked = supervise::select_cases(store, now, &selection).await.expect("selected");
        assert_eq!(picked.len(), 6);
        // Meanwhile Minh calls one of them: its version moves on.
        let changed = claim(store, now, f.campaign, minh).await.expect("Minh's call");
        record(store, now, &changed, "3.12").await;

        let move_to_minh = ReassignRequest { campaign_id: f.campaign, cases: picked.clone(), to_operator: Some(minh), supervisor_id: boss };
        let report = supervise::reassign(store, now, &move_to_minh).await.expect("moved");
        assert_eq!((report.selected, report.moved, report.unchanged), (6, 5, 0));
        assert_eq!(report.conflicts, vec![changed.lease.case_id], "changed since selected: reported, not overwritten");
        assert_eq!(report.in_call, vec![in_call.lease.case_id]);
        assert_eq!(report.to.as_deref(), Some("Điện thoại viên 1"));
        let conflicted = store.case(changed.lease.case_id).await.expect("case");
        assert_eq!(conflicted.assigned_to, None, "the conflicting case stayed in the pool");

        // The call in progress stays with Lan until it ends; then the case is Minh's.
        let resumed = claim(store, now + Duration::minutes(1), f.campaign, lan).await.expect("Lan's call");
        assert_eq!(resumed.lease, in_call.lease);
        desk::record_outcome(store, now, &request(&in_call, "3.12")).await.expect("Lan finishes her call");
        let later = now + Duration::hours(1);
        let own = store.campaign_cases(f.campaign).await.expect("cases");
        assert_eq!(own.iter().filter(|c| c.assigned_to == Some(minh)).count(), 5);
        for _ in 0..5 {
            assert!(claim(store, later, f.campaign, lan).await.is_none_or(|c| c.lease.case_id == changed.lease.case_id), "Minh's list is not Lan's");
        }

        // Moving the same versions again changes nothing: they are all stale now.
        let again = supervise::reassign(store, now, &move_to_minh).await.expect("no-op");
        assert_eq!(again.moved, 0);
        assert_eq!(again.conflicts.len(), 6);

        let audit = supervise::audit(store, &CampaignRequest { campaign_id: f.campaign }).await.expect("audit");
        assert_eq!(audit.len(), 5);
        assert!(audit.iter().all(|e| e.action == "reassign" && e.after.as_deref().is_some_and(|a| a.contains(&minh.to_string()))));
        assert!(audit.iter().all(|e| e.before.as_deref() == Some(r#"{"call_list":null}"#)));

        let by_operator = ReassignRequest { supervisor_id: lan, ..move_to_minh };
        assert!(matches!(supervise::reassign(store, now, &by_operator).await, Err(Error::Invalid(_))), "operators cannot move cases");
    }
}

on_both_backends! {
    async fn the_queue_counts_what_the_operator_can_call(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(store, now, 5, 2, 5).await;
        let (lan, minh) = (f.operators[0], f.operators[1]);
        store.assign_call_list(&f.cases[..2], Some(lan)).await.expect("Lan's list");
        store.assign_call_list(&f.cases[2..3], Some(minh)).await.expect("Minh's list");
        let card = claim(store, now, f.campaign, lan).await.expect("case");
        record(store, now, &card, "3.13").await;
        let queue = desk::queue(store, now, &NextCaseRequest { campaign_id: f.campaign, operator_id: lan }).await.expect("queue");
        assert!(queue.calling_open);
        assert_eq!((queue.own_open, queue.pool_open, queue.ready), (2, 2, 3), "one of hers waits three hours; Minh's is not hers");
        assert_eq!(queue.now, "23/11/2026 09:00");
        let night = desk::queue(store, hanoi(2026, 11, 23, 21, 0), &NextCaseRequest { campaign_id: f.campaign, operator_id: lan }).await.expect("queue");
        assert_eq!((night.ready, night.next_open.as_deref()), (0, Some("24/11/2026 07:30")), "nothing to call at night");
    }
}

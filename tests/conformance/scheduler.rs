//! The scheduler's rules through the desk's use cases, on both databases: the order the claim
//! hands cases out in, calling hours, slots and holidays, hard and soft appointments, the
//! supervisor's force-release and reassignment (versions, leased cases, audit), the queue.

use chrono::{DateTime, Duration, TimeZone, Utc};
use khaosat::domain::case::CaseStatus;
use khaosat::domain::schedule::AppointmentKind;
use khaosat::domain::time::{LocalTime, DEFAULT_TIME_ZONE};
use khaosat::error::Error;
use khaosat::ops::desk::{self, CaseCard, NextCaseRequest, RecordOutcomeRequest};
use khaosat::ops::session::Session;
use khaosat::ops::supervise::{
    self, CallListFilter, CampaignRequest, CaseSelection, ForceReleaseRequest, ReassignRequest,
};
use khaosat::store::model::Role;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::support::{claim, code, monday_morning, on_both_backends, TestDb};

/// An instant as wall-clock time in Hà Nội.
fn hanoi(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    DEFAULT_TIME_ZONE
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid local time")
        .with_timezone(&Utc)
}

async fn record(desk: &Session, now: DateTime<Utc>, card: &CaseCard, outcome: &str) {
    desk::record_outcome(desk, now, &request(card, outcome))
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

pub async fn book(
    desk: &Session,
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
    desk::record_outcome(desk, now, &booking)
        .await
        .expect("booked");
}

/// A supervisor of the campaign, added for the test: their session.
pub async fn supervisor(db: &TestDb, campaign: Uuid) -> Session {
    let tag = &Uuid::new_v4().simple().to_string()[..8];
    db.add_person(&format!("gsv.{tag}"), Role::Supervisor, &[campaign])
        .await
}

/// The session's queue in the campaign.
fn queue_of(campaign: Uuid) -> NextCaseRequest {
    NextCaseRequest {
        campaign_id: campaign,
    }
}

/// The person's name, as the supervisor's screens show it.
pub fn name_of(desk: &Session) -> String {
    desk.person().expect("a person").full_name.clone()
}

on_both_backends! {
    async fn no_fresh_case_outside_calling_hours_on_sundays_or_public_holidays(db: TestDb) {
        let f = small_campaign(&db, monday_morning(), 3, 1, 5).await;
        let op = &f.desks[0];
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
            assert!(claim(op, closed, f.campaign).await.is_none(), "nothing to call: {why}");
            let queue = desk::queue(op, closed, &queue_of(f.campaign)).await.expect("queue");
            assert!(!queue.calling_open, "{why}");
            assert!(queue.next_open.is_some(), "{why}: says when calling resumes");
        }
        let queue = desk::queue(op, hanoi(2026, 11, 28, 20, 30), &queue_of(f.campaign)).await.expect("queue");
        assert_eq!(queue.next_open.as_deref(), Some("30/11/2026 07:30"), "Saturday night → Monday morning");
        assert!(claim(op, hanoi(2026, 11, 28, 19, 59), f.campaign).await.is_some(), "Saturday evening is open");
    }
}

on_both_backends! {
    async fn a_no_answer_comes_back_in_a_part_of_the_day_not_yet_tried(db: TestDb) {
        let morning = hanoi(2026, 11, 23, 9, 0);
        let f = small_campaign(&db, morning, 1, 1, 9).await;
        let op = &f.desks[0];
        let card = claim(op, morning, f.campaign).await.expect("case");
        record(op, morning, &card, "3.13").await;
        assert!(claim(op, hanoi(2026, 11, 23, 13, 29), f.campaign).await.is_none(), "three hours, then lunch");
        let afternoon = hanoi(2026, 11, 23, 13, 30);
        let card = claim(op, afternoon, f.campaign).await.expect("back in the afternoon");
        record(op, afternoon, &card, "3.13").await;
        assert!(claim(op, hanoi(2026, 11, 23, 16, 59), f.campaign).await.is_none(), "not again this afternoon");
        let evening = hanoi(2026, 11, 23, 17, 0);
        let card = claim(op, evening, f.campaign).await.expect("back in the evening");
        record(op, evening, &card, "3.12").await;
        let busy_again = hanoi(2026, 11, 23, 17, 30);
        assert!(claim(op, busy_again, f.campaign).await.is_some(), "busy is retried in 30 minutes, same slot");
    }
}

on_both_backends! {
    async fn the_claim_order_is_own_appointments_then_anyones_then_own_list_then_pool(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 6, 2, 5).await;
        let (lan, minh) = (&f.desks[0], &f.desks[1]);
        // Two cases get callbacks at 10:00: a hard one for Lan, a soft one by Minh.
        let a = claim(lan, now, f.campaign).await.expect("a");
        book(lan, now, &a, "2026-11-23T10:00", AppointmentKind::Hard).await;
        let b = claim(minh, now, f.campaign).await.expect("b");
        book(minh, now, &b, "2026-11-23T10:00", AppointmentKind::Soft).await;
        // One fresh case goes on Lan's own list.
        let all = store.campaign_cases(f.campaign).await.expect("cases");
        let fresh: Vec<Uuid> = all.iter().filter(|c| c.progress.attempts == 0).map(|c| c.id).collect();
        let own = *fresh.last().expect("a fresh case");
        store.assign_call_list(&[own], Some(f.operators[0])).await.expect("assigned");

        assert!(claim(lan, hanoi(2026, 11, 23, 9, 59), f.campaign).await.is_some_and(|c| c.lease.case_id == own), "before 10:00: her own list before the pool");
        let ten = hanoi(2026, 11, 23, 10, 0);
        let first = claim(lan, ten, f.campaign).await.expect("first");
        assert_eq!(first.lease.case_id, own, "she still holds her case: it comes back first");
        record(lan, ten, &first, "3.12").await;
        let second = claim(lan, ten, f.campaign).await.expect("second");
        assert_eq!(second.lease.case_id, a.lease.case_id, "her own hard appointment");
        assert!(second.appointment_hard);
        record(lan, ten, &second, "3.12").await;
        let third = claim(lan, ten, f.campaign).await.expect("third");
        assert_eq!(third.lease.case_id, b.lease.case_id, "then a soft appointment anyone may take");
        assert!(!third.appointment_hard);
        record(lan, ten, &third, "3.12").await;
        let fourth = claim(lan, ten, f.campaign).await.expect("fourth");
        assert!(fresh.contains(&fourth.lease.case_id) && fourth.lease.case_id != own, "then the pool, fewest attempts first");
    }
}

on_both_backends! {
    async fn a_hard_appointment_waits_for_its_operator_until_the_grace_period_ends(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 1, 2, 5).await;
        let (lan, minh) = (&f.desks[0], &f.desks[1]);
        let card = claim(lan, now, f.campaign).await.expect("case");
        book(lan, now, &card, "2026-11-23T10:00", AppointmentKind::Hard).await;
        let queue = desk::queue(lan, now, &queue_of(f.campaign)).await.expect("queue");
        assert_eq!(queue.appointments.len(), 1, "shown ahead of time");
        assert!(queue.appointments[0].hard && !queue.appointments[0].due);
        assert_eq!(queue.appointments[0].at, "23/11/2026 10:00");
        let others = desk::queue(minh, now, &queue_of(f.campaign)).await.expect("queue");
        assert!(others.appointments.is_empty(), "another operator's hard appointment is not on Minh's list");

        assert!(claim(minh, hanoi(2026, 11, 23, 10, 14), f.campaign).await.is_none(), "within the 15-minute grace: Lan's");
        let taken = claim(minh, hanoi(2026, 11, 23, 10, 15), f.campaign).await.expect("grace over: anyone");
        assert_eq!(taken.lease.case_id, card.lease.case_id);
        assert!(claim(lan, hanoi(2026, 11, 23, 10, 16), f.campaign).await.is_none(), "held by Minh now");
        // Appointments are kept within calling hours: the person is not called at night.
        let tonight = RecordOutcomeRequest {
            appointment_at: Some(LocalTime::parse("2026-11-23T20:30").expect("local time")),
            ..request(&taken, "2.21")
        };
        let refused = desk::record_outcome(minh, hanoi(2026, 11, 23, 10, 20), &tonight).await;
        assert!(matches!(refused, Err(Error::Rule(ref e)) if e.to_string().contains("ngoài giờ gọi")), "{refused:?}");
        book(minh, hanoi(2026, 11, 23, 10, 20), &taken, "2026-11-23T19:30", AppointmentKind::Soft).await;
        let evening = claim(lan, hanoi(2026, 11, 23, 19, 30), f.campaign).await.expect("a soft one: anyone");
        assert_eq!(evening.lease.case_id, card.lease.case_id);
    }
}

on_both_backends! {
    async fn a_supervisor_force_releases_a_case_and_the_holder_is_fenced_off(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 1, 2, 5).await;
        let (lan, minh) = (&f.desks[0], &f.desks[1]);
        let boss = supervisor(&db, f.campaign).await;
        let boss_id = boss.person().expect("the supervisor").id;
        let held = claim(lan, now, f.campaign).await.expect("case");

        let refused = supervise::force_release(minh, now, &ForceReleaseRequest { case_id: held.lease.case_id }).await;
        assert!(matches!(refused, Err(Error::Forbidden(ref m)) if m.contains("chỉ giám sát viên")), "{refused:?}");

        let released = supervise::force_release(&boss, now, &ForceReleaseRequest { case_id: held.lease.case_id }).await.expect("released");
        assert_eq!(released.held_by, Some(name_of(lan)));
        let stale = desk::record_outcome(lan, now, &request(&held, "3.13")).await;
        assert!(matches!(stale, Err(Error::LeaseLost { .. })), "{stale:?}");
        assert!(matches!(desk::heartbeat(lan, now, &held.lease).await, Err(Error::LeaseLost { .. })));
        let taken = claim(minh, now, f.campaign).await.expect("back in the pool at once");
        assert_eq!(taken.lease.case_id, held.lease.case_id);
        assert!(taken.lease.epoch > held.lease.epoch);

        let audit = store.audit_log(f.campaign).await.expect("audit");
        assert_eq!(audit.len(), 1);
        assert_eq!((audit[0].action.as_str(), audit[0].actor, audit[0].case_id), ("force_release", boss_id, Some(held.lease.case_id)));
        assert!(audit[0].before.as_deref().is_some_and(|b| b.contains(&f.operators[0].to_string())));
        let again = supervise::force_release(&boss, now, &ForceReleaseRequest { case_id: Uuid::new_v4() }).await;
        assert!(matches!(again, Err(Error::NotFound { .. })), "{again:?}");
        // The database's administrator manages people, not calls: a move needs a person.
        let by_admin = supervise::force_release(&db.admin(), now, &ForceReleaseRequest { case_id: held.lease.case_id }).await;
        assert!(matches!(by_admin, Err(Error::Forbidden(_))), "{by_admin:?}");
    }
}

on_both_backends! {
    async fn reassignment_moves_what_is_selected_reports_conflicts_and_leaves_calls_with_their_holder(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 6, 2, 5).await;
        let (lan, minh) = (&f.desks[0], &f.desks[1]);
        let minh_id = f.operators[1];
        let boss = supervisor(&db, f.campaign).await;
        let in_call = claim(lan, now, f.campaign).await.expect("Lan is on a call");

        let selection = CaseSelection { campaign_id: f.campaign, agency_codes: vec![], statuses: vec![CaseStatus::New, CaseStatus::InCall], call_list: CallListFilter::Pool };
        let picked = supervise::select_cases(&boss, now, &selection).await.expect("selected");
        assert_eq!(picked.len(), 6);
        // Meanwhile Minh calls one of them: its version moves on.
        let changed = claim(minh, now, f.campaign).await.expect("Minh's call");
        record(minh, now, &changed, "3.12").await;

        let move_to_minh = ReassignRequest { campaign_id: f.campaign, cases: picked.clone(), to_operator: Some(minh_id) };
        let report = supervise::reassign(&boss, now, &move_to_minh).await.expect("moved");
        assert_eq!((report.selected, report.moved, report.unchanged), (6, 5, 0));
        assert_eq!(report.conflicts, vec![changed.lease.case_id], "changed since selected: reported, not overwritten");
        assert_eq!(report.in_call, vec![in_call.lease.case_id]);
        assert_eq!(report.to, Some(name_of(minh)));
        let conflicted = store.case(changed.lease.case_id).await.expect("case");
        assert_eq!(conflicted.assigned_to, None, "the conflicting case stayed in the pool");

        // The call in progress stays with Lan until it ends; then the case is Minh's.
        let resumed = claim(lan, now + Duration::minutes(1), f.campaign).await.expect("Lan's call");
        assert_eq!(resumed.lease, in_call.lease);
        desk::record_outcome(lan, now, &request(&in_call, "3.12")).await.expect("Lan finishes her call");
        let later = now + Duration::hours(1);
        let own = store.campaign_cases(f.campaign).await.expect("cases");
        assert_eq!(own.iter().filter(|c| c.assigned_to == Some(minh_id)).count(), 5);
        for _ in 0..5 {
            assert!(claim(lan, later, f.campaign).await.is_none_or(|c| c.lease.case_id == changed.lease.case_id), "Minh's list is not Lan's");
        }

        // Moving the same versions again changes nothing: they are all stale now.
        let again = supervise::reassign(&boss, now, &move_to_minh).await.expect("no-op");
        assert_eq!(again.moved, 0);
        assert_eq!(again.conflicts.len(), 6);

        let audit = supervise::audit(&boss, &CampaignRequest { campaign_id: f.campaign }).await.expect("audit");
        assert_eq!(audit.len(), 5);
        assert!(audit.iter().all(|e| e.action == "reassign" && e.after.as_deref().is_some_and(|a| a.contains(&minh_id.to_string()))));
        assert!(audit.iter().all(|e| e.before.as_deref() == Some(r#"{"call_list":null}"#)));

        let by_operator = supervise::reassign(lan, now, &move_to_minh).await;
        assert!(matches!(by_operator, Err(Error::Forbidden(_))), "operators cannot move cases: {by_operator:?}");
        // Nor may a supervisor of another campaign.
        let elsewhere = small_campaign(&db, now, 1, 0, 5).await;
        let other_boss = supervisor(&db, elsewhere.campaign).await;
        let by_stranger = supervise::reassign(&other_boss, now, &move_to_minh).await;
        assert!(matches!(by_stranger, Err(Error::Forbidden(_))), "{by_stranger:?}");
        assert_eq!(store.audit_log(f.campaign).await.expect("audit").len(), 5, "no refused move was written");
    }
}

on_both_backends! {
    async fn an_operator_is_refused_the_supervisors_use_cases(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 2, 1, 5).await;
        let op = &f.desks[0];
        let campaign = CampaignRequest { campaign_id: f.campaign };
        let forbidden = |what: &str, result: Result<(), Error>| match result {
            Err(Error::Forbidden(message)) => assert!(message.contains("chỉ giám sát viên"), "{what}: {message}"),
            other => panic!("{what}: an operator is not refused: {other:?}"),
        };
        forbidden("campaign_cases", supervise::campaign_cases(op, now, &campaign).await.map(drop));
        forbidden("audit", supervise::audit(op, &campaign).await.map(drop));
        let selection = CaseSelection { campaign_id: f.campaign, agency_codes: vec![], statuses: vec![], call_list: CallListFilter::Pool };
        forbidden("select_cases", supervise::select_cases(op, now, &selection).await.map(drop));
        let rates = khaosat::ops::reports::RatesRequest { campaign_id: f.campaign, by: None, e: None };
        forbidden("rates", khaosat::ops::reports::rates(op, &rates).await.map(drop));
        let index = khaosat::ops::reports::IndexRequest { campaign_id: f.campaign, include_partial: false, by_mode: false, approved_only: false };
        forbidden("sipas_index", khaosat::ops::reports::sipas_index(op, &index).await.map(drop));
        forbidden("progress", khaosat::ops::reports::progress(op, f.campaign, now).await.map(drop));
        forbidden("sample status", khaosat::ops::sampling::status(op, f.campaign).await.map(drop));
        // The same questions from a supervisor of the campaign are answered.
        let boss = supervisor(&db, f.campaign).await;
        assert_eq!(supervise::campaign_cases(&boss, now, &campaign).await.expect("the cases").len(), 2);
        khaosat::ops::reports::rates(&boss, &rates).await.expect("the rates");
    }
}

on_both_backends! {
    async fn the_queue_counts_what_the_operator_can_call(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = small_campaign(&db, now, 5, 2, 5).await;
        let lan = &f.desks[0];
        store.assign_call_list(&f.cases[..2], Some(f.operators[0])).await.expect("Lan's list");
        store.assign_call_list(&f.cases[2..3], Some(f.operators[1])).await.expect("Minh's list");
        let card = claim(lan, now, f.campaign).await.expect("case");
        record(lan, now, &card, "3.13").await;
        let queue = desk::queue(lan, now, &queue_of(f.campaign)).await.expect("queue");
        assert!(queue.calling_open);
        assert_eq!((queue.own_open, queue.pool_open, queue.ready), (2, 2, 3), "one of hers waits three hours; Minh's is not hers");
        assert_eq!(queue.now, "23/11/2026 09:00");
        let night = desk::queue(lan, hanoi(2026, 11, 23, 21, 0), &queue_of(f.campaign)).await.expect("queue");
        assert_eq!((night.ready, night.next_open.as_deref()), (0, Some("24/11/2026 07:30")), "nothing to call at night");
    }
}

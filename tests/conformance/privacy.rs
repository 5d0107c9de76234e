//! Personal data's end, on both databases: a finished campaign's purge removes its people's
//! names and numbers and leaves every report as it was; a person's deletion or withdrawal acts
//! on every campaign at once and stops their calls; both are an administrator's, and neither
//! can happen while a call goes on or before the list's period is over.

use chrono::{Duration, NaiveDate};
use khaosat::domain::people::Role;
use khaosat::domain::privacy::requests::RequestKind;
use khaosat::error::Error;
use khaosat::ops::desk;
use khaosat::ops::purge;
use khaosat::ops::reports::{self, IndexRequest, OperatorsRequest, RatesRequest};
use khaosat::ops::requests::{self, NewRequest};
use khaosat::ops::session::Session;
use khaosat::ops::trail::{self, TrailLine, TrailRequest};
use khaosat::store::Backend;
use uuid::Uuid;

use crate::fixtures::small_campaign;
use crate::interview::outcome;
use crate::support::{claim, monday_morning, on_both_backends};

/// Every report of a campaign, as JSON, to compare before and after.
async fn reports_of(supervisor: &Session, campaign: Uuid) -> Vec<serde_json::Value> {
    let now = monday_morning() + Duration::hours(3);
    vec![
        serde_json::to_value(
            reports::rates(
                supervisor,
                &RatesRequest {
                    campaign_id: campaign,
                    by: None,
                    e: None,
                },
            )
            .await
            .expect("rates"),
        )
        .expect("json"),
        serde_json::to_value(
            reports::sipas_index(
                supervisor,
                &IndexRequest {
                    campaign_id: campaign,
                    include_partial: true,
                    by_mode: false,
                    approved_only: false,
                },
            )
            .await
            .expect("index"),
        )
        .expect("json"),
        serde_json::to_value(
            reports::progress(supervisor, campaign, now)
                .await
                .expect("progress"),
        )
        .expect("json"),
        serde_json::to_value(
            reports::operators(
                supervisor,
                &OperatorsRequest {
                    campaign_id: campaign,
                    from: None,
                    to: None,
                },
            )
            .await
            .expect("operators"),
        )
        .expect("json"),
    ]
}

on_both_backends! {
    async fn a_purge_removes_names_and_numbers_and_every_report_stays_the_same(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 4, 1, 5).await;
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let admin = db.add_person(&format!("qt.{tag}"), Role::Admin, &[]).await;
        let desk = &f.desks[0];
        // Two calls recorded, a third case held when the purge is first tried.
        for (k, code) in ["2.112", "3.13"].iter().enumerate() {
            let at = now + Duration::minutes(10 * k as i64);
            let card = claim(desk, at, f.campaign).await.expect("a case");
            desk::record_outcome(desk, at + Duration::minutes(1), &outcome(card.lease, code)).await.expect("recorded");
        }
        let held = claim(desk, now + Duration::minutes(30), f.campaign).await.expect("a case");
        let during = now + Duration::minutes(31);
        assert!(matches!(purge::purge(&admin, during, f.campaign, false).await, Err(Error::Conflict(_))), "a call goes on");
        assert!(matches!(purge::purge(desk, during, f.campaign, true).await, Err(Error::Forbidden(_))), "an operator's");
        let early = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date").and_hms_opt(3, 0, 0).expect("time").and_utc();
        assert!(matches!(purge::purge(&admin, early, f.campaign, true).await, Err(Error::Invalid(_))), "the list's period is not over");
        desk::release(desk, &held.lease).await.expect("released");

        let before = reports_of(&admin, f.campaign).await;
        let after_calls = now + Duration::hours(2);
        let dry = purge::purge(&admin, after_calls, f.campaign, true).await.expect("dry run");
        assert_eq!((dry.cases, dry.dossiers, dry.dry_run), (4, 4, true));
        assert_eq!(db.store.contacts(f.campaign).await.expect("contacts").len(), 4, "a dry run changes nothing");
        let done = purge::purge(&admin, after_calls, f.campaign, false).await.expect("purged");
        assert_eq!((done.cases, done.dossiers), (4, 4));
        assert_eq!(reports_of(&admin, f.campaign).await, before, "every report as it was");
        assert!(db.store.contacts(f.campaign).await.expect("contacts").is_empty(), "no name or number to export");
        let names = db.store.case_names(f.campaign).await.expect("names");
        assert!(names.values().all(String::is_empty), "{names:?}");
        let cases = db.store.campaign_cases(f.campaign).await.expect("cases");
        assert!(cases.iter().all(|c| c.purged && c.phone_masked.is_empty()));
        assert!(claim(desk, after_calls, f.campaign).await.is_none(), "a purged case is never called");
        let again = purge::purge(&admin, after_calls, f.campaign, false).await.expect("again");
        assert_eq!(again.cases, 0, "purged once");
    }
}

on_both_backends! {
    async fn a_withdrawal_forgets_the_person_in_every_campaign_and_stops_their_calls(db: TestDb) {
        let now = monday_morning();
        // Two campaigns of one case each: the same person (the fixtures' first number) in both.
        let first = small_campaign(&db, now, 1, 1, 5).await;
        let second = small_campaign(&db, now, 1, 1, 5).await;
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let admin = db.add_person(&format!("qt.{tag}"), Role::Admin, &[]).await;
        // Operator 1 of the first campaign is on the phone with them when the withdrawal comes.
        let card = claim(&first.desks[0], now, first.campaign).await.expect("the case");
        let refused = requests::add(&first.desks[0], now, &NewRequest {
            kind: RequestKind::Withdraw, phone: Some("0912000000".to_owned()),
            received_on: now.date_naive(), note: String::new(),
        }).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "an operator keeps no register");
        let added = requests::add(&admin, now, &NewRequest {
            kind: RequestKind::Withdraw,
            phone: Some("0912 000 000".to_owned()),
            received_on: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            note: "gọi tổng đài 1022".to_owned(),
        }).await.expect("recorded");
        assert_eq!(added.forgotten_cases, 2, "both campaigns");
        assert_eq!((added.acknowledge_by.as_str(), added.answer_by.as_str()), ("24/11/2026", "05/12/2026"));
        assert_eq!(added.phone_masked.as_deref(), Some("091****000"));
        for f in [&first, &second] {
            assert!(db.store.contacts(f.campaign).await.expect("contacts").is_empty());
            assert!(claim(&f.desks[0], now + Duration::minutes(5), f.campaign).await.is_none(), "nobody calls them");
        }
        let late = desk::record_outcome(&first.desks[0], now + Duration::minutes(2), &outcome(card.lease, "3.13")).await;
        assert!(matches!(late, Err(Error::LeaseLost { .. })), "the call's lease is taken back: {late:?}");

        // The register: due dates, late flags, acknowledge and close.
        let later = now + Duration::days(14);
        let open = requests::list(&admin, later, true).await.expect("list");
        assert_eq!(open.len(), 1);
        assert!(open[0].acknowledgement_overdue && open[0].answer_overdue, "{:?}", open[0]);
        requests::acknowledge(&admin, later, added.id).await.expect("acknowledged");
        assert!(matches!(requests::close(&admin, later, added.id, "  ").await, Err(Error::Invalid(_))), "an answer to record");
        requests::close(&admin, later, added.id, "đã báo đã xoá").await.expect("closed");
        assert!(requests::list(&admin, later, true).await.expect("list").is_empty());
        let all = requests::list(&admin, later, false).await.expect("list");
        assert_eq!(all[0].closing_note.as_deref(), Some("đã báo đã xoá"));
        assert!(!all[0].answer_overdue);
    }
}

on_both_backends! {
    async fn the_change_trail_says_who_changed_which_case_and_never_a_name(db: TestDb) {
        let now = monday_morning();
        let f = small_campaign(&db, now, 2, 1, 5).await;
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let admin = db.add_person(&format!("qt.{tag}"), Role::Admin, &[]).await;
        let desk = &f.desks[0];
        let operator = desk.person().expect("an operator").clone();
        let card = claim(desk, now, f.campaign).await.expect("a case");
        desk::record_outcome(desk, now + Duration::minutes(1), &outcome(card.lease, "3.13")).await.expect("recorded");

        let request = TrailRequest { campaign_id: f.campaign, limit: Some(50) };
        let refused = trail::change_trail(desk, &request).await;
        assert!(matches!(refused, Err(Error::Forbidden(_))), "an operator's: {refused:?}");
        let view = trail::change_trail(&admin, &request).await.expect("the trail");
        if db.store.backend() == Backend::Sqlite {
            assert!(!view.kept && view.lines.is_empty(), "the embedded file keeps no trail: {view:?}");
            return;
        }
        assert!(view.kept);
        let case = card.lease.case_id.to_string();
        let changed = |line: &TrailLine, column: &str| line.changes.iter().find(|c| c.column == column).cloned();
        // Newest first: the call recorded, then the case handed back with its outcome, then the claim.
        let position = |what: &dyn Fn(&TrailLine) -> bool| view.lines.iter().position(what);
        let call = position(&|l| l.table == "attempt" && l.operation == "INSERT" && l.actor == operator.login)
            .expect("the call, recorded as the operator");
        assert_eq!(changed(&view.lines[call], "outcome").map(|c| c.after), Some("3.13".to_owned()));
        let claimed = position(&|l| {
            l.table == "survey_case" && l.row == case && l.actor == operator.login
                && changed(l, "lease_holder").is_some_and(|c| c.before.is_empty())
        })
        .expect("the claim, as the operator");
        assert_eq!(changed(&view.lines[claimed], "lease_holder").map(|c| c.after), Some(operator.id.to_string()));
        assert!(call < claimed, "newest first: {view:?}");
        // The import wrote the people's names and numbers: the trail kept that, never them.
        let personal: Vec<_> = view.lines.iter().flat_map(|l| &l.changes)
            .filter(|c| c.column == "full_name" || c.column == "phone_e164").collect();
        assert!(!personal.is_empty() && personal.iter().all(|c| [&c.before, &c.after].iter().all(|v| v.is_empty() || *v == "***")), "{personal:?}");
        let one = trail::change_trail(&admin, &TrailRequest { campaign_id: f.campaign, limit: Some(1) }).await.expect("one");
        assert_eq!(one.lines, view.lines[..1].to_vec(), "the latest change only");
    }
}

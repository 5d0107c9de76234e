//! Call rules that decide the published figures, on both databases: the attempt limit closes a
//! case with the most informative outcome of its calls and the rates count it so; a begun
//! interview is the next case its list hands out; a resumed interview's length is the time spent
//! in it on each call, and hours worked leave breaks out.

use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use khaosat::domain::outcome::{AaporCategory, DEFAULT_TOML};
use khaosat::domain::results::rates::Dispositions;
use khaosat::domain::time::{LocalTime, DEFAULT_TIME_ZONE};
use khaosat::ops::desk::{self, CaseCard, RecordOutcomeRequest};
use khaosat::ops::reports::{self, OperatorsRequest, RatesRequest};
use khaosat::ops::session::Session;
use khaosat::store::Store;

use crate::fixtures::{campaign_with_outcomes, Fixture};
use crate::interview::{answer_with, open, outcome};
use crate::scheduler::supervisor;
use crate::support::{claim, close, monday_morning, on_both_backends};

/// What the respondent of a partial interview answers before the call ends (the core
/// questions are done; the expectations are next).
const PARTIAL: &[(&str, &str)] = &[("tiep_can.thong_tin", "4"), ("da_gop_y", "2")];

/// The built-in catalogue with "language barrier" (2.33) retried instead of final, as a
/// campaign with interpreters might have it: the "other contact" line of the precedence.
fn with_retried_language_barrier() -> String {
    let final_33 = "code = \"2.33\"\nvi = \"Không nói được tiếng Việt\"\nen = \"Language barrier\"\ncategory = \"O\"\nfinal = true";
    assert!(DEFAULT_TOML.contains(final_33), "the built-in 2.33 changed");
    DEFAULT_TOML.replace(
        final_33,
        "code = \"2.33\"\nvi = \"Không nói được tiếng Việt\"\nen = \"Language barrier\"\ncategory = \"O\"\nretry_after = \"1d\"",
    )
}

/// 09:30 on the next calling day after `at` (Sundays off), as the operator types a callback.
fn next_morning(at: DateTime<Utc>) -> LocalTime {
    let mut day = at.with_timezone(&DEFAULT_TIME_ZONE).date_naive() + Duration::days(1);
    while day.weekday() == Weekday::Sun {
        day += Duration::days(1);
    }
    LocalTime::parse(&format!("{}T09:30", day.format("%Y-%m-%d"))).expect("local time")
}

/// Whichever operator the case goes to at `at` (a soft refusal goes to another one), with
/// their session.
async fn claim_any(at: DateTime<Utc>, f: &Fixture) -> (CaseCard, &Session) {
    for desk in &f.desks {
        if let Some(card) = claim(desk, at, f.campaign).await {
            return (card, desk);
        }
    }
    panic!("nobody is handed the case at {at}");
}

/// Calls the fixture's one case once per code, each when the case is next due, through the
/// desk; returns the case's final outcome, if closed.
async fn work(store: &dyn Store, f: &Fixture, codes: &[&str]) -> Option<String> {
    let mut at = monday_morning();
    for code in codes {
        let (card, op) = claim_any(at, f).await;
        let request = match *code {
            "2.21" => RecordOutcomeRequest {
                appointment_at: Some(next_morning(at)),
                ..outcome(card.lease, code)
            },
            "1.2" => {
                let view = open(op, at + Duration::minutes(1), card.lease).await;
                answer_with(
                    op,
                    at + Duration::minutes(2),
                    card.lease,
                    view,
                    PARTIAL,
                    Some("mong_doi"),
                )
                .await;
                outcome(card.lease, code)
            }
            _ => RecordOutcomeRequest {
                note: Some("ghi chú".to_owned()),
                ..outcome(card.lease, code)
            },
        };
        let recorded = desk::record_outcome(op, at + Duration::minutes(3), &request)
            .await
            .unwrap_or_else(|e| panic!("{codes:?}, {code}: {e}"));
        if let Some(closed) = recorded.final_outcome {
            return Some(closed.to_string());
        }
        let case = store.case(f.cases[0]).await.expect("case");
        at = case
            .progress
            .appointment_at
            .or(case.progress.retry_at)
            .expect("an open case is due again");
    }
    None
}

fn counted(d: &Dispositions, category: AaporCategory) -> u64 {
    match category {
        AaporCategory::I => d.I,
        AaporCategory::P => d.P,
        AaporCategory::R => d.R,
        AaporCategory::NC => d.NC,
        AaporCategory::O => d.O,
        AaporCategory::UH => d.UH,
        AaporCategory::UO => d.UO,
        AaporCategory::NE => d.NE,
    }
}

on_both_backends! {
    async fn the_attempt_limit_closes_with_the_most_informative_outcome_and_the_rates_count_it(db: TestDb) {
        use AaporCategory::*;
        let store = &*db.store;
        let catalogue = with_retried_language_barrier();
        let table: &[(u32, &[&str], &str, AaporCategory)] = &[
            // Refused softly, another operator a week later, no answer: a refusal, not "other".
            (2, &["2.111", "3.13"], "2.111", R),
            (3, &["1.2", "3.13", "3.12"], "1.2", P),
            // The callback does not count: three calls reach a limit of two.
            (2, &["2.21", "3.13", "3.13"], "2.21", NC),
            (3, &["3.13", "2.22", "3.16"], "2.22", NC),
            (2, &["2.33", "3.13"], "2.33", O),
            (3, &["3.13", "3.13", "3.13"], "3.13", UH),
            (3, &["3.13", "3.12", "3.16"], "3.90", UH),
        ];
        for (limit, codes, expected, category) in table {
            let f = campaign_with_outcomes(&db, monday_morning(), &[1], 2, *limit, Some(("ketqua.toml", &catalogue))).await;
            let closed = work(store, &f, codes).await;
            assert_eq!(closed.as_deref(), Some(*expected), "{codes:?} with a limit of {limit}");
            let boss = supervisor(&db, f.campaign).await;
            let rates = reports::rates(&boss, &RatesRequest { campaign_id: f.campaign, by: None, e: None })
                .await
                .expect("rates");
            assert_eq!(counted(&rates.overall.counts, *category), 1, "{codes:?} counts as {category:?}: {:?}", rates.overall.counts);
            if *category == R {
                close(rates.overall.rates.REF1, 1.0, "REF1 of a refusal at the limit");
            }
        }
    }
}

on_both_backends! {
    async fn a_begun_interview_is_the_next_case_its_list_hands_out(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = campaign_with_outcomes(&db, now, &[5], 1, 5, None).await;
        let (op, operator) = (&f.desks[0], f.operators[0]);
        // Broken off after the core questions, without a callback: 1.2, due again an hour later.
        let first = claim(op, now, f.campaign).await.expect("a case");
        let view = open(op, now + Duration::minutes(1), first.lease).await;
        answer_with(op, now + Duration::minutes(2), first.lease, view, PARTIAL, Some("mong_doi")).await;
        desk::record_outcome(op, now + Duration::minutes(3), &outcome(first.lease, "1.2")).await.expect("partial");
        // A busy line on another case, so it too has been tried once.
        let busy = claim(op, now + Duration::minutes(5), f.campaign).await.expect("a case");
        desk::record_outcome(op, now + Duration::minutes(6), &outcome(busy.lease, "3.12")).await.expect("busy");
        let later = now + Duration::hours(1) + Duration::minutes(10);
        let again = claim(op, later, f.campaign).await.expect("a case");
        assert_eq!(again.lease.case_id, first.lease.case_id, "the partial interview before three fresh cases");
        assert!(again.interview.is_some(), "its answers come with it");
        desk::record_outcome(op, later + Duration::minutes(1), &RecordOutcomeRequest {
            note: Some("không muốn trả lời tiếp".to_owned()),
            ..outcome(again.lease, "2.12")
        }).await.expect("break-off");
        // An interview left open (the case handed back mid-interview) comes back first too: the
        // busy line, put on the operator's own list to be called, is opened, handed back and
        // returned to the shared pool, where three fresh cases have fewer attempts.
        store.assign_call_list(&[busy.lease.case_id], Some(operator)).await.expect("to the operator");
        let open_left = claim(op, later + Duration::minutes(2), f.campaign).await.expect("a case");
        assert_eq!(open_left.lease.case_id, busy.lease.case_id, "the own list first");
        open(op, later + Duration::minutes(3), open_left.lease).await;
        desk::release(op, &open_left.lease).await.expect("released");
        store.assign_call_list(&[busy.lease.case_id], None).await.expect("back to the pool");
        let next = claim(op, later + Duration::minutes(4), f.campaign).await.expect("a case");
        assert_eq!(next.lease.case_id, busy.lease.case_id, "the open interview before the fresh cases");
    }
}

on_both_backends! {
    async fn a_resumed_interview_counts_its_time_on_each_call_and_breaks_are_not_work(db: TestDb) {
        let monday = monday_morning();
        let tuesday = monday + Duration::days(1);
        let f = campaign_with_outcomes(&db, monday, &[2], 1, 5, None).await;
        let op = &f.desks[0];
        // Monday 09:00–09:06: opened at 09:01, broken off at 09:06 (5 minutes in the interview).
        let card = claim(op, monday, f.campaign).await.expect("a case");
        let view = open(op, monday + Duration::minutes(1), card.lease).await;
        answer_with(op, monday + Duration::minutes(3), card.lease, view, PARTIAL, Some("mong_doi")).await;
        desk::record_outcome(op, monday + Duration::minutes(6), &outcome(card.lease, "1.2")).await.expect("partial");
        // Tuesday 09:00–09:08: answered from 09:04, complete at 09:08 (4 minutes).
        let card = claim(op, tuesday, f.campaign).await.expect("the partial interview");
        let view = open(op, tuesday + Duration::minutes(1), card.lease).await;
        answer_with(op, tuesday + Duration::minutes(4), card.lease, view, &[], None).await;
        desk::record_outcome(op, tuesday + Duration::minutes(8), &outcome(card.lease, "1.1")).await.expect("complete");
        // Tuesday 09:30–09:31, after a 22-minute break: no answer.
        let other = claim(op, tuesday + Duration::minutes(30), f.campaign).await.expect("the other case");
        desk::record_outcome(op, tuesday + Duration::minutes(31), &outcome(other.lease, "3.13")).await.expect("no answer");

        let boss = supervisor(&db, f.campaign).await;
        let report = reports::operators(&boss, &OperatorsRequest { campaign_id: f.campaign, from: None, to: None })
            .await
            .expect("operators");
        let op = &report.operators[0];
        assert_eq!((op.attempts, op.completes, op.interviews), (3, 1, 1));
        close(op.mean_interview_minutes, 5.0 + 4.0, "minutes in the interview, not the night between");
        close(Some(op.hours), (6.0 + 8.0 + 1.0) / 60.0, "hours without the night and the break");
        assert_eq!(report.idle_limit_minutes, 15);
    }
}

//! The campaign's reports on small hand-made data, on both databases: every figure below was
//! worked out by hand from the answers and outcomes the test records through the desk, so both
//! backends must give exactly these numbers (and therefore the same report).
//!
//! Agency A (4 cases): A1 complete, A2 complete with a "không ý kiến", A3 partial (stopped
//! after the overall question), A4 refused at consent. Agency B (2 cases): B1 complete but
//! "không ý kiến" to every criterion, B2 on operator 2's list and never called. Nobody gave
//! feedback, so the feedback criteria are skipped by everyone.

use chrono::{DateTime, Duration, Utc};
use khaosat::domain::mode::Mode;
use khaosat::domain::results::index::AgencyIndex;
use khaosat::ops::desk;
use khaosat::ops::reports::{self, IndexRequest, OperatorsRequest, RatesBy, RatesRequest};
use khaosat::ops::session::Session;
use khaosat::store::model::Lease;
use uuid::Uuid;

use crate::fixtures::{campaign_with_agencies, Fixture};
use crate::interview::{answer_with, open, outcome};
use crate::scheduler::{name_of, supervisor};
use crate::support::{claim, close, monday_morning, on_both_backends, TestDb};

pub const A1: &[(&str, &str)] = &[
    ("tiep_can.thong_tin", "5"),
    ("thu_tuc.thoi_han", "2"),
    ("cong_chuc.lich_su", "3"),
    ("da_gop_y", "2"),
];
const A2: &[(&str, &str)] = &[
    ("tiep_can.thong_tin", "0"),
    ("tiep_can.tru_so", "5"),
    ("tiep_can.noi_cho", "5"),
    ("tiep_can.trang_thiet_bi", "5"),
    ("thu_tuc.niem_yet", "5"),
    ("thu_tuc.ho_so", "5"),
    ("thu_tuc.phi", "5"),
    ("thu_tuc.thoi_han", "1"),
    ("cong_chuc.lich_su", "5"),
    ("cong_chuc.tra_loi", "5"),
    ("cong_chuc.huong_dan", "5"),
    ("cong_chuc.dung_quy_dinh", "5"),
    ("cong_chuc.tan_tinh", "5"),
    ("ket_qua.dung_hen", "5"),
    ("ket_qua.chinh_xac", "5"),
    ("ket_qua.cong_bang", "3"),
    ("da_gop_y", "2"),
];
const A3: &[(&str, &str)] = &[("tiep_can.thong_tin", "1"), ("da_gop_y", "2")];
const B1: &[(&str, &str)] = &[
    ("tiep_can.thong_tin", "0"),
    ("tiep_can.tru_so", "0"),
    ("tiep_can.noi_cho", "0"),
    ("tiep_can.trang_thiet_bi", "0"),
    ("thu_tuc.niem_yet", "0"),
    ("thu_tuc.ho_so", "0"),
    ("thu_tuc.phi", "0"),
    ("thu_tuc.thoi_han", "0"),
    ("cong_chuc.lich_su", "0"),
    ("cong_chuc.tra_loi", "0"),
    ("cong_chuc.huong_dan", "0"),
    ("cong_chuc.dung_quy_dinh", "0"),
    ("cong_chuc.tan_tinh", "0"),
    ("ket_qua.dung_hen", "0"),
    ("ket_qua.chinh_xac", "0"),
    ("ket_qua.cong_bang", "0"),
    ("da_gop_y", "2"),
];

/// What happens on one call.
pub enum Call {
    Complete(&'static [(&'static str, &'static str)]),
    Partial(&'static [(&'static str, &'static str)]),
    Refusal,
}

pub async fn take(desk: &Session, start: DateTime<Utc>, lease: Lease, call: &Call) {
    // The interview opens a minute into the call; the outcome is recorded at six.
    let view = open(desk, start + Duration::minutes(1), lease).await;
    let (answers, stop_before, code): (&[(&str, &str)], _, _) = match call {
        Call::Complete(answers) => (answers, None, "1.1"),
        Call::Partial(answers) => (answers, Some("mong_doi"), "1.2"),
        Call::Refusal => (&[("dong_y", "2")], None, "2.112"),
    };
    answer_with(
        desk,
        start + Duration::minutes(3),
        lease,
        view,
        answers,
        stop_before,
    )
    .await;
    desk::record_outcome(desk, start + Duration::minutes(6), &outcome(lease, code))
        .await
        .unwrap_or_else(|e| panic!("{code}: {e}"));
}

/// The campaign above, worked by operator 1 from 09:00, one call every ten minutes.
pub async fn fieldwork(db: &TestDb) -> Fixture {
    let store = &*db.store;
    let now = monday_morning();
    let f = campaign_with_agencies(db, now, &[4, 2], 2, 5).await;
    let b_cases: Vec<Uuid> = store
        .campaign_cases(f.campaign)
        .await
        .expect("cases")
        .into_iter()
        .filter(|c| c.agency_code == f.agencies[1].code)
        .map(|c| c.id)
        .collect();
    store
        .assign_call_list(&b_cases[1..], Some(f.operators[1]))
        .await
        .expect("B2 to operator 2");
    let mut plans = [
        vec![
            Call::Complete(A1),
            Call::Complete(A2),
            Call::Partial(A3),
            Call::Refusal,
        ],
        vec![Call::Complete(B1)],
    ];
    for k in 0..5 {
        let start = now + Duration::minutes(10 * k);
        let card = claim(&f.desks[0], start, f.campaign)
            .await
            .expect("a case for operator 1");
        let agency = f
            .agencies
            .iter()
            .position(|a| a.code == card.agency_code)
            .expect("a fixture agency");
        let call = plans[agency].remove(0);
        take(&f.desks[0], start, card.lease, &call).await;
    }
    assert!(plans.iter().all(Vec::is_empty));
    f
}

fn component<'a>(
    agency: &'a AgencyIndex,
    id: &str,
) -> &'a khaosat::domain::results::index::ComponentIndex {
    agency
        .components
        .iter()
        .find(|c| c.component == id)
        .unwrap_or_else(|| panic!("component {id}"))
}

on_both_backends! {
    async fn the_index_by_hand_complete_interviews_then_partial_ones_too(db: TestDb) {
        let f = fieldwork(&db).await;
        let boss = supervisor(&db, f.campaign).await;
        let report = reports::sipas_index(&boss, &IndexRequest { campaign_id: f.campaign, include_partial: false, by_mode: true, approved_only: false })
            .await
            .expect("index");
        assert!(report.formula.contains("100 × (số câu trả lời 4 hoặc 5)"));
        assert!(report.counted.contains("phiếu hoàn thành (1.1)"));
        let codes: Vec<&str> = report.agencies.iter().map(|a| a.agency.as_str()).collect();
        assert_eq!(codes, [f.agencies[0].code.as_str(), f.agencies[1].code.as_str()]);

        let a = &report.agencies[0];
        assert_eq!(a.n, 2, "A1 and A2; the partial and the refusal are not counted");
        let thong_tin = &component(a, "tiep_can").criteria[0];
        assert_eq!((thong_tin.criterion.as_str(), thong_tin.n, thong_tin.satisfied), ("tiep_can.thong_tin", 1, 1));
        close(thong_tin.index, 100.0, "thong_tin: A2's “không ý kiến” is not valid");
        close(component(a, "tiep_can").index, 100.0, "tiep_can");
        close(component(a, "tiep_can").mean, 4.625, "tiep_can mean");
        close(component(a, "thu_tuc").index, 75.0, "thu_tuc");
        close(component(a, "thu_tuc").mean, 3.75, "thu_tuc mean");
        close(component(a, "cong_chuc").index, 90.0, "cong_chuc");
        close(component(a, "cong_chuc").mean, 4.4, "cong_chuc mean");
        close(component(a, "ket_qua").index, 250.0 / 3.0, "ket_qua");
        close(component(a, "ket_qua").mean, 12.5 / 3.0, "ket_qua mean");
        // Nobody gave feedback: its criteria have no valid answer, and the component no index.
        let gop_y = component(a, "gop_y");
        assert!(gop_y.criteria.iter().all(|c| c.n == 0 && c.index.is_none()));
        assert_eq!((gop_y.index, gop_y.mean), (None, None));
        close(a.index, (100.0 + 75.0 + 90.0 + 250.0 / 3.0) / 4.0, "agency A");
        close(a.mean, (4.625 + 3.75 + 4.4 + 12.5 / 3.0) / 4.0, "agency A mean");

        // B's one interview answered "không ý kiến" throughout: counted, but no index.
        let b = &report.agencies[1];
        assert_eq!((b.n, b.index, b.mean), (1, None, None));
        close(report.overall.agency_mean, a.index.expect("A"), "mean over agencies: A alone");
        assert_eq!(report.overall.agencies, 1);
        assert_eq!(report.overall.pooled.n, 3);
        close(report.overall.pooled.index, a.index.expect("A"), "pooled: B adds no valid answer");

        // Every interview was by phone.
        assert_eq!(report.by_mode.len(), 1);
        assert_eq!(report.by_mode[0].mode, Mode::Phone);
        assert_eq!(report.by_mode[0].agencies, report.agencies);

        // With partial interviews: A3 adds its criteria (thong_tin = 1, the rest 4).
        let with_partial = reports::sipas_index(&boss, &IndexRequest { campaign_id: f.campaign, include_partial: true, by_mode: false, approved_only: false })
            .await
            .expect("index with partial");
        let a = &with_partial.agencies[0];
        assert_eq!(a.n, 3);
        assert!(with_partial.counted.contains("trả lời một phần (1.2)"));
        let thong_tin = &component(a, "tiep_can").criteria[0];
        assert_eq!((thong_tin.n, thong_tin.satisfied), (2, 1));
        close(thong_tin.index, 50.0, "thong_tin with A3's 1");
        close(thong_tin.mean, 3.0, "thong_tin mean");
        close(component(a, "tiep_can").index, 87.5, "tiep_can with A3");
        assert!(with_partial.by_mode.is_empty());
    }
}

on_both_backends! {
    async fn the_rates_by_hand_overall_by_agency_and_by_list(db: TestDb) {
        let f = fieldwork(&db).await;
        let boss = supervisor(&db, f.campaign).await;
        // I = 3 (A1, A2, B1), P = 1 (A3), R = 1 (A4), UH = 1 (B2, never called): e = 5/5 = 1.
        let report = reports::rates(&boss, &RatesRequest { campaign_id: f.campaign, by: Some(RatesBy::Agency), e: None })
            .await
            .expect("rates");
        let all = &report.overall;
        assert_eq!((all.counts.I, all.counts.P, all.counts.R, all.counts.NC, all.counts.O), (3, 1, 1, 0, 0));
        assert_eq!((all.counts.UH, all.counts.UO, all.counts.NE, all.cases), (1, 0, 0, 6));
        let r = &all.rates;
        close(r.e, 1.0, "e");
        close(r.RR1, 3.0 / 6.0, "RR1");
        close(r.RR2, 4.0 / 6.0, "RR2");
        close(r.RR3, 3.0 / 6.0, "RR3");
        close(r.RR4, 4.0 / 6.0, "RR4");
        close(r.RR5, 3.0 / 5.0, "RR5");
        close(r.RR6, 4.0 / 5.0, "RR6");
        close(r.COOP1, 3.0 / 5.0, "COOP1");
        close(r.COOP2, 4.0 / 5.0, "COOP2");
        close(r.COOP3, 3.0 / 5.0, "COOP3");
        close(r.COOP4, 4.0 / 5.0, "COOP4");
        close(r.REF1, 1.0 / 6.0, "REF1");
        close(r.REF2, 1.0 / 6.0, "REF2");
        close(r.REF3, 1.0 / 5.0, "REF3");
        close(r.CON1, 5.0 / 6.0, "CON1");
        close(r.CON2, 5.0 / 6.0, "CON2");
        close(r.CON3, 1.0, "CON3");
        assert!(report.formulas.contains("RR1 = I/((I+P)+(R+NC+O)+(UH+UO))"));

        let keys: Vec<&str> = report.groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, [f.agencies[0].code.as_str(), f.agencies[1].code.as_str()]);
        close(report.groups[0].rates.RR1, 2.0 / 4.0, "A: RR1");
        close(report.groups[0].rates.REF1, 1.0 / 4.0, "A: REF1");
        close(report.groups[1].rates.RR1, 1.0 / 2.0, "B: RR1");
        close(report.groups[1].rates.RR5, 1.0, "B: RR5");

        // By call list: the shared pool had everything but B2, which sits on operator 2's list.
        let by_list = reports::rates(&boss, &RatesRequest { campaign_id: f.campaign, by: Some(RatesBy::List), e: Some(0.5) })
            .await
            .expect("rates by list");
        let pool = by_list.groups.iter().find(|g| g.key == "chung").expect("the pool");
        assert_eq!((pool.cases, pool.counts.I, pool.counts.UH), (5, 3, 0));
        let listed = by_list.groups.iter().find(|g| g.key != "chung").expect("operator 2's list");
        assert_eq!((listed.cases, listed.counts.UH, listed.name.as_str()), (1, 1, name_of(&f.desks[1]).as_str()));
        // A given e is used where e is: RR3 = 3 / (5 + 0.5·1).
        assert!(by_list.overall.rates.e_given);
        close(by_list.overall.rates.RR3, 3.0 / 5.5, "RR3 with e = 0.5");

        let bad = reports::rates(&boss, &RatesRequest { campaign_id: f.campaign, by: None, e: Some(1.5) }).await;
        assert!(bad.expect_err("e > 1").to_string().contains("e = 1.5 phải nằm trong khoảng 0 đến 1"));
    }
}

on_both_backends! {
    async fn progress_and_operator_figures_by_hand(db: TestDb) {
        let f = fieldwork(&db).await;
        let boss = supervisor(&db, f.campaign).await;
        let now = monday_morning() + Duration::hours(2);
        let progress = reports::progress(&boss, f.campaign, now).await.expect("progress");
        assert_eq!((progress.today.as_str(), progress.calling_days), ("23/11/2026", 1));
        let a = &progress.agencies[0];
        // Fewer than 100 dossiers: every case is drawn and required.
        assert_eq!((a.required, a.drawn, a.completes, a.other_modes), (4, 4, 2, 0));
        assert_eq!((a.not_called, a.remaining), (0, 2));
        close(a.daily_rate, 2.0, "A: 2 completes on the first day");
        // 2 more at 2 a day: the next calling day, Tuesday.
        assert_eq!(a.done_by.as_deref(), Some("24/11/2026"));
        let b = &progress.agencies[1];
        assert_eq!((b.required, b.completes, b.not_called, b.in_progress, b.remaining), (2, 1, 1, 0, 1));
        assert_eq!(b.done_by.as_deref(), Some("24/11/2026"));
        assert_eq!((progress.total.completes, progress.total.remaining), (3, 3));
        close(progress.total.daily_rate, 3.0, "the campaign's rate");

        // Operator 1: five calls from 09:00 to 09:46, three completes of 5 minutes each.
        let report = reports::operators(&boss, &OperatorsRequest { campaign_id: f.campaign, from: None, to: None })
            .await
            .expect("operators");
        assert_eq!(report.operators.len(), 1, "operator 2 made no call");
        let op = &report.operators[0];
        assert_eq!((op.name.as_str(), op.attempts, op.completes, op.interviews), (name_of(&f.desks[0]).as_str(), 5, 3, 3));
        close(Some(op.hours), 46.0 / 60.0, "hours");
        close(op.attempts_per_hour, 5.0 / (46.0 / 60.0), "calls per hour");
        close(op.mean_interview_minutes, 5.0, "interview minutes");

        // A period without calls shows nobody.
        let before = reports::operators(&boss, &OperatorsRequest {
            campaign_id: f.campaign,
            from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1),
            to: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
        })
        .await
        .expect("operators before");
        assert!(before.operators.is_empty());
        assert_eq!(before.from.as_deref(), Some("01/11/2026"));
    }
}

//! Small campaigns built directly through the store, for tests that need a known handful of
//! cases rather than the 240-person demo.

use chrono::{DateTime, NaiveDate, Utc};
use khaosat::domain::intake::DossierRow;
use khaosat::domain::phone::PhoneNumber;
use khaosat::domain::sampling::SampleRule;
use khaosat::domain::time::DEFAULT_TIME_ZONE;
use khaosat::ops::sampling::{self, SampleRequest};
use khaosat::ops::session::Session;
use khaosat::store::model::{Agency, Campaign, ImportBatch, Role};

use crate::support::TestDb;
use uuid::Uuid;

pub struct Fixture {
    pub campaign: Uuid,
    pub operators: Vec<Uuid>,
    /// Each operator's session, as their workstation opened it (in the order of `operators`).
    pub desks: Vec<Session>,
    pub cases: Vec<Uuid>,
    /// The agencies, in the order given.
    pub agencies: Vec<Agency>,
}

/// A campaign with `cases` cases in the shared pool and `operators` operators.
pub async fn small_campaign(
    db: &TestDb,
    now: DateTime<Utc>,
    cases: usize,
    operators: usize,
    max_attempts: u32,
) -> Fixture {
    campaign_with_agencies(db, now, &[cases], operators, max_attempts).await
}

/// Agency names of the fixtures, in order.
const AGENCY_NAMES: [&str; 3] = ["Sở Tư pháp", "Sở Tài chính", "UBND phường Cao Lãnh"];

/// A campaign with `per_agency[k]` cases of agency k (codes A-…, B-…, C-…), all drawn and in
/// the shared pool, and `operators` operators.
pub async fn campaign_with_agencies(
    db: &TestDb,
    now: DateTime<Utc>,
    per_agency: &[usize],
    operators: usize,
    max_attempts: u32,
) -> Fixture {
    campaign_with_outcomes(db, now, per_agency, operators, max_attempts, None).await
}

/// As [`campaign_with_agencies`], calling with its own outcome catalogue (file name, text).
pub async fn campaign_with_outcomes(
    db: &TestDb,
    now: DateTime<Utc>,
    per_agency: &[usize],
    operators: usize,
    max_attempts: u32,
    outcomes: Option<(&str, &str)>,
) -> Fixture {
    let store = &*db.store;
    let tag = Uuid::new_v4().simple().to_string()[..8].to_owned();
    let campaign = Campaign {
        id: Uuid::new_v4(),
        code: format!("T-{tag}"),
        name: "Đợt thử".to_owned(),
        time_zone: DEFAULT_TIME_ZONE,
        received_from: NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
        received_to: NaiveDate::from_ymd_opt(2026, 10, 31).expect("date"),
        max_attempts,
        questionnaire_id: khaosat::ops::questionnaires::builtin(store, now)
            .await
            .expect("built-in questionnaire")
            .hash()
            .to_string(),
        created_at: now,
        outcomes: match outcomes {
            Some((name, text)) => {
                khaosat::domain::outcome::OutcomeCatalogue::parse(text, name).expect("catalogue")
            }
            None => khaosat::domain::outcome::OutcomeCatalogue::builtin().clone(),
        },
        outcomes_file: outcomes.map(|(_, text)| text.to_owned()),
        calling: Default::default(),
    };
    store.add_campaign(&campaign).await.expect("campaign");
    let mut desks = Vec::new();
    for i in 0..operators {
        desks.push(
            db.add_person(&format!("op{i}.{tag}"), Role::Operator, &[campaign.id])
                .await,
        );
    }
    let operator_ids: Vec<Uuid> = desks
        .iter()
        .map(|d| d.person().expect("an operator").id)
        .collect();
    let agencies: Vec<Agency> = (0..per_agency.len())
        .map(|k| Agency {
            id: Uuid::new_v4(),
            code: format!("{}-{tag}", char::from(b'A' + k as u8)),
            name: AGENCY_NAMES[k % AGENCY_NAMES.len()].to_owned(),
        })
        .collect();
    store.put_agencies(&agencies).await.expect("agencies");
    let owners: Vec<&Agency> = per_agency
        .iter()
        .zip(&agencies)
        .flat_map(|(n, agency)| std::iter::repeat_n(agency, *n))
        .collect();
    let rows: Vec<DossierRow> = owners
        .iter()
        .enumerate()
        .map(|(i, agency)| DossierRow {
            row: i + 2,
            dossier_code: format!("HS-{i:05}"),
            full_name: format!("Người dân {i}"),
            phone: PhoneNumber::parse(&format!("0912{i:06}")).expect("phone"),
            agency_code: agency.code.clone(),
            procedure: "Cấp Phiếu lý lịch tư pháp".to_owned(),
            field: None,
            received_on: NaiveDate::from_ymd_opt(2026, 10, 15).expect("date"),
            channel: None,
            birth_year: None,
        })
        .collect();
    let batch = ImportBatch {
        id: Uuid::new_v4(),
        campaign_id: campaign.id,
        file_name: "fixture.csv".to_owned(),
        rows_read: rows.len(),
        rejected_before: 0,
        imported_at: now,
        by: None,
    };
    store.import_dossiers(&batch, &rows).await.expect("import");
    // Fewer than 100 dossiers: the sample is every case.
    let request = SampleRequest {
        campaign_id: campaign.id,
        seed: 1,
        rule: SampleRule::Tiers,
        add: None,
    };
    sampling::sample(&db.admin(), now, &request)
        .await
        .expect("sample");
    let new_cases = store.campaign_cases(campaign.id).await.expect("cases");
    Fixture {
        campaign: campaign.id,
        operators: operator_ids,
        desks,
        cases: new_cases.iter().map(|c| c.id).collect(),
        agencies,
    }
}

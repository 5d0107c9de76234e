//! Small campaigns built directly through the store, for tests that need a known handful of
//! cases rather than the 240-person demo.

use chrono::{DateTime, NaiveDate, Utc};
use khaosat::domain::phone::PhoneNumber;
use khaosat::domain::questionnaire::Questionnaire;
use khaosat::domain::time::DEFAULT_TIME_ZONE;
use khaosat::store::model::{Agency, Campaign, NewCase, Role, Staff};
use khaosat::store::Store;
use uuid::Uuid;

pub struct Fixture {
    pub campaign: Uuid,
    pub operators: Vec<Uuid>,
    pub cases: Vec<Uuid>,
}

/// A campaign with `cases` cases in the shared pool and `operators` operators.
pub async fn small_campaign(
    store: &dyn Store,
    now: DateTime<Utc>,
    cases: usize,
    operators: usize,
    max_attempts: u32,
) -> Fixture {
    let tag = Uuid::new_v4().simple().to_string()[..8].to_owned();
    let mut operator_ids = Vec::new();
    for i in 0..operators {
        let staff = Staff {
            id: Uuid::new_v4(),
            login: format!("op{i}.{tag}"),
            full_name: format!("Điện thoại viên {i}"),
            role: Role::Operator,
        };
        store.put_staff(&staff).await.expect("staff");
        operator_ids.push(staff.id);
    }
    let campaign = Campaign {
        id: Uuid::new_v4(),
        code: format!("T-{tag}"),
        name: "Đợt thử".to_owned(),
        time_zone: DEFAULT_TIME_ZONE,
        received_from: NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
        received_to: NaiveDate::from_ymd_opt(2026, 10, 31).expect("date"),
        max_attempts,
        questionnaire_id: Questionnaire::starter().id,
        created_at: now,
    };
    store.add_campaign(&campaign).await.expect("campaign");
    let agency = Agency {
        id: Uuid::new_v4(),
        code: format!("A-{tag}"),
        name: "Sở Tư pháp".to_owned(),
    };
    store
        .put_agencies(std::slice::from_ref(&agency))
        .await
        .expect("agency");
    let new_cases: Vec<NewCase> = (0..cases)
        .map(|i| NewCase {
            id: Uuid::new_v4(),
            campaign_id: campaign.id,
            agency_id: agency.id,
            full_name: format!("Người dân {i}"),
            phone: PhoneNumber::parse(&format!("0912{i:06}")).expect("phone"),
            dossier_code: format!("HS-{i:05}"),
            procedure: "Cấp Phiếu lý lịch tư pháp".to_owned(),
            received_on: NaiveDate::from_ymd_opt(2026, 10, 15).expect("date"),
            assigned_to: None,
            priority: 0,
        })
        .collect();
    store.add_cases(&new_cases).await.expect("cases");
    Fixture {
        campaign: campaign.id,
        operators: operator_ids,
        cases: new_cases.iter().map(|c| c.id).collect(),
    }
}

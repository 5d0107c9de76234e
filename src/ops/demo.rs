//! The demo campaign `khaosat init --demo` seeds: four agencies, 240 respondents with
//! Vietnamese names, valid mobile numbers, procedures and dates, two operators and a supervisor.
//! Drawn from a fixed seed, so every demo database holds the same people.

use super::session::Session;
use crate::domain::schedule::CallingRules;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::seq::IndexedRandom;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::catalogue::CampaignView;
use super::sampling::{self, SampleRequest};
use crate::domain::intake::{Channel, DossierRow};
use crate::domain::outcome::OutcomeCatalogue;
use crate::domain::people::Login;
use crate::domain::people::Password;
use crate::domain::phone::PhoneNumber;
use crate::domain::sampling::SampleRule;
use crate::domain::time::DEFAULT_TIME_ZONE;
use crate::error::{Error, Result};
use crate::store::model::{Agency, Campaign, ImportBatch, NewStaff, Role};

pub const DEMO_CAMPAIGN_CODE: &str = "DEMO-2026-Q4";
pub const DEMO_RESPONDENTS: usize = 240;
const SEED: u64 = 1022;

const AGENCIES: &[(&str, &str, &[&str])] = &[
    (
        "STP",
        "Sở Tư pháp",
        &[
            "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "Đăng ký khai sinh có yếu tố nước ngoài",
        ],
    ),
    (
        "SNNMT",
        "Sở Nông nghiệp và Môi trường",
        &[
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            "Cấp đổi Giấy chứng nhận quyền sử dụng đất",
        ],
    ),
    (
        "STC",
        "Sở Tài chính",
        &[
            "Đăng ký thành lập doanh nghiệp tư nhân",
            "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        ],
    ),
    (
        "UBND-PCL",
        "UBND phường Cao Lãnh",
        &[
            "Chứng thực bản sao từ bản chính",
            "Đăng ký khai sinh",
            "Đăng ký kết hôn",
        ],
    ),
];

const SURNAMES: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan",
    "Võ", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh",
];
const MALE_MIDDLE: &[&str] = &[
    "Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Hoàng",
];
const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hiếu", "Hùng", "Khang", "Khoa", "Long", "Nam", "Nghĩa",
    "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt",
];
const FEMALE_MIDDLE: &[&str] = &["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bích", "Hồng"];
const FEMALE_GIVEN: &[&str] = &[
    "Anh", "Châu", "Diễm", "Duyên", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Loan", "Mai",
    "Nga", "Ngân", "Nhung", "Phương", "Thảo", "Trang", "Tuyết", "Yến",
];
const MOBILE_PREFIXES: &[&str] = &[
    "32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98", "70", "76", "77", "78",
    "79", "89", "90", "93", "81", "82", "83", "84", "85", "88", "91", "94", "56", "58", "92",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoSeeded {
    pub campaign: CampaignView,
    pub respondents: usize,
    /// `false` when the demo campaign was already there and nothing was added.
    pub created: bool,
    /// The people made, with their passwords: shown this once, never stored in clear.
    pub people: Vec<DemoPerson>,
}

fn uuid(rng: &mut ChaCha8Rng) -> Uuid {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

fn pick<'a>(rng: &mut ChaCha8Rng, from: &'a [&'a str]) -> &'a str {
    from.choose(rng).copied().unwrap_or_default()
}

fn person_name(rng: &mut ChaCha8Rng) -> String {
    let surname = pick(rng, SURNAMES);
    let (middle, given) = if rng.random_bool(0.5) {
        (pick(rng, MALE_MIDDLE), pick(rng, MALE_GIVEN))
    } else {
        (pick(rng, FEMALE_MIDDLE), pick(rng, FEMALE_GIVEN))
    };
    format!("{surname} {middle} {given}")
}

fn mobile(rng: &mut ChaCha8Rng) -> PhoneNumber {
    loop {
        let number = format!(
            "0{}{:07}",
            pick(rng, MOBILE_PREFIXES),
            rng.random_range(0..10_000_000)
        );
        if let Ok(phone) = PhoneNumber::parse(&number) {
            return phone;
        }
    }
}

/// The demo's agencies: code and name.
pub fn agencies() -> impl Iterator<Item = (&'static str, &'static str)> {
    AGENCIES.iter().map(|(code, name, _)| (*code, *name))
}

/// `count` dossiers of as many people, spread over the demo's agencies and received between
/// `from` and `to`: the demo's list, and the benchmark's.
pub fn synthetic_rows(count: usize, from: NaiveDate, to: NaiveDate, seed: u64) -> Vec<DossierRow> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let window_days = (to - from).num_days();
    let mut phones = std::collections::HashSet::new();
    let mut rows = Vec::with_capacity(count);
    for i in 0..count {
        let (code, _, procedures) = AGENCIES[i % AGENCIES.len()];
        let phone = loop {
            let phone = mobile(&mut rng);
            if phones.insert(phone.e164()) {
                break phone;
            }
        };
        let received_on = from + Duration::days(rng.random_range(0..=window_days));
        rows.push(DossierRow {
            row: i + 2,
            dossier_code: format!("{code}-{}-{:06}", received_on.format("%y%m%d"), i + 1),
            full_name: person_name(&mut rng),
            phone,
            agency_code: code.to_owned(),
            procedure: pick(&mut rng, procedures).to_owned(),
            field: None,
            received_on,
            channel: Some(if rng.random_bool(0.3) {
                Channel::Online
            } else {
                Channel::InPerson
            }),
            birth_year: Some(rng.random_range(1950..=2004)),
        });
    }
    rows
}

/// The rows as the province's dossier system exports them: a CSV with Vietnamese headers,
/// agencies by name, dates as dd/mm/yyyy, numbers as people write them.
pub fn synthetic_csv(rows: &[DossierRow]) -> String {
    let mut text = String::from(
        "Mã hồ sơ,Họ và tên,Số điện thoại,Cơ quan,Thủ tục,Ngày trả kết quả,Kênh,Năm sinh\n",
    );
    for row in rows {
        let agency = agencies()
            .find(|(code, _)| *code == row.agency_code)
            .map_or(row.agency_code.as_str(), |(_, name)| name);
        text.push_str(&format!(
            "{},{},{},{},\"{}\",{},{},{}\n",
            row.dossier_code,
            row.full_name,
            row.phone.national(),
            agency,
            row.procedure,
            row.received_on.format("%d/%m/%Y"),
            row.channel.map_or("", |c| c.label_vi()),
            row.birth_year.map(|y| y.to_string()).unwrap_or_default()
        ));
    }
    text
}

/// The demo's people: two operators, a supervisor and an administrator (login, name, role).
pub const DEMO_PEOPLE: [(&str, &str, Role); 4] = [
    ("dtv.lan", "Nguyễn Thị Lan", Role::Operator),
    ("dtv.minh", "Trần Quốc Minh", Role::Operator),
    ("gsv.hong", "Lê Thị Hồng", Role::Supervisor),
    ("qt.demo", "Quản trị viên (dữ liệu mẫu)", Role::Admin),
];

/// A demo person with the password made for them, shown once when the demo is seeded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DemoPerson {
    pub login: String,
    pub full_name: String,
    pub role: Role,
    pub password: String,
}

/// Seeds the demo campaign unless it is already there: the administrator's session (`khaosat
/// init --demo`). Refused on a database that holds other campaigns, so people with passwords
/// printed on a terminal never land beside real work.
pub async fn seed(session: &Session, now: DateTime<Utc>) -> Result<DemoSeeded> {
    let store = session.store();
    if let Some(existing) = store.campaign_by_code(DEMO_CAMPAIGN_CODE).await? {
        let respondents = store.campaign_cases(existing.id).await?.len();
        return Ok(DemoSeeded {
            campaign: CampaignView::from(&existing),
            respondents,
            created: false,
            people: Vec::new(),
        });
    }
    let others: Vec<String> = store
        .campaigns()
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    if !others.is_empty() {
        return Err(Error::Invalid(format!(
            "cơ sở dữ liệu này đã có đợt khảo sát khác ({}): dữ liệu mẫu, với những tài khoản ai cũng biết mật khẩu, không được tạo ở đây; hãy dùng một cơ sở dữ liệu riêng cho bản thử",
            others.join(", ")
        )));
    }
    session.require_admin("tạo dữ liệu mẫu")?;
    let mut people = Vec::with_capacity(DEMO_PEOPLE.len());
    for (login, name, role) in DEMO_PEOPLE {
        let login = Login::parse(login).map_err(|e| Error::Invalid(e.to_string()))?;
        let password = Password::random();
        store
            .add_staff(&NewStaff {
                login: &login,
                full_name: name,
                role,
                password: &password,
            })
            .await?;
        people.push(DemoPerson {
            login: login.to_string(),
            full_name: name.to_owned(),
            role,
            password: password.expose().to_owned(),
        });
    }
    let staff = store.staff().await?;
    let operators: Vec<Uuid> = ["dtv.lan", "dtv.minh"]
        .iter()
        .filter_map(|login| staff.iter().find(|s| s.login == *login).map(|s| s.id))
        .collect();

    let mut rng = ChaCha8Rng::seed_from_u64(SEED + 1);
    let from = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default();
    let campaign = Campaign {
        id: uuid(&mut rng),
        code: DEMO_CAMPAIGN_CODE.to_owned(),
        name: "Khảo sát sự hài lòng quý IV/2026 (dữ liệu mẫu)".to_owned(),
        time_zone: DEFAULT_TIME_ZONE,
        received_from: from,
        received_to: to,
        max_attempts: 5,
        questionnaire_id: super::questionnaires::builtin(store, now)
            .await?
            .hash()
            .to_string(),
        created_at: now,
        outcomes: OutcomeCatalogue::builtin().clone(),
        outcomes_file: None,
        calling: CallingRules::default(),
    };
    store.add_campaign(&campaign).await?;
    for person in &people {
        let login = Login::parse(&person.login).map_err(|e| Error::Invalid(e.to_string()))?;
        store.assign(&login, campaign.id, true).await?;
    }

    let agencies: Vec<Agency> = AGENCIES
        .iter()
        .map(|(code, name, _)| Agency {
            id: uuid(&mut rng),
            code: (*code).to_owned(),
            name: (*name).to_owned(),
        })
        .collect();
    store.put_agencies(&agencies).await?;

    let rows = synthetic_rows(DEMO_RESPONDENTS, from, to, SEED + 2);
    let batch = ImportBatch {
        id: uuid(&mut rng),
        campaign_id: campaign.id,
        file_name: "dữ liệu mẫu".to_owned(),
        rows_read: rows.len(),
        rejected_before: 0,
        imported_at: now,
        by: None,
    };
    store.import_dossiers(&batch, &rows).await?;
    let request = SampleRequest {
        campaign_id: campaign.id,
        seed: SEED,
        rule: SampleRule::Tiers,
        add: None,
    };
    sampling::sample(session, now, &request).await?;
    // A third of the cases to each operator's call list, a third left in the shared pool.
    let cases = store.campaign_cases(campaign.id).await?;
    for (operator, share) in operators.iter().zip(0..) {
        let list: Vec<Uuid> = cases.iter().skip(share).step_by(3).map(|c| c.id).collect();
        store.assign_call_list(&list, Some(*operator)).await?;
    }
    tracing::info!(campaign = %campaign.id, cases = cases.len(), "demo campaign seeded");
    Ok(DemoSeeded {
        campaign: CampaignView::from(&campaign),
        respondents: cases.len(),
        created: true,
        people,
    })
}

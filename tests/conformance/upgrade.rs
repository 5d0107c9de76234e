//! Databases made by an earlier release, brought up to date by the migrations that came after
//! it, on both backends: the state an older version left is written with the migrations of its
//! day, then the store opens it as a workstation would.

use std::borrow::Cow;
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use khaosat::domain::people::Password;
use khaosat::domain::survey::Script;
use khaosat::ops::session::Session;
use khaosat::ops::staff;
use khaosat::store::{Backend, DatabaseLocation};
use uuid::Uuid;

use crate::support::{claim, monday_morning, BlankDb, PASSWORD};

/// Applies the migrations of `backend` (`postgres` or `sqlite`) older than `before` to the
/// blank database at `url`, through `pool`.
macro_rules! migrate_until {
    ($pool:expr, $backend:literal, $before:expr) => {{
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join($backend);
        let mut migrator = sqlx::migrate::Migrator::new(dir).await.expect("migrations");
        let older: Vec<_> = migrator
            .migrations
            .iter()
            .filter(|m| m.version < $before)
            .cloned()
            .collect();
        migrator.migrations = Cow::Owned(older);
        migrator.run(&$pool).await.expect("older migrations");
    }};
}

/// A campaign with a limit of 3 closed under the rule before the precedence (2.30 for a person
/// ever reached, 3.90 otherwise), one id per case of interest: (refused then unanswered, never
/// answered, busy then unanswered, open after an answering machine with an interview begun,
/// hard refusal), and the operator.
struct OldCampaign {
    campaign: Uuid,
    operator: Uuid,
    /// The operator's login: unique to the run, since logins become the server's roles.
    login: String,
    refused: Uuid,
    unanswered: Uuid,
    mixed: Uuid,
    open: Uuid,
    hard: Uuid,
}

/// Writes the [`OldCampaign`] with plain SQL, as the release of 28/11/2026 left it.
macro_rules! seed_old_campaign {
    ($pool:expr) => {{
        let at = |minutes: i64| -> DateTime<Utc> { monday_morning() - Duration::days(7) + Duration::minutes(minutes) };
        let day = NaiveDate::from_ymd_opt(2026, 10, 15).expect("date");
        let old = OldCampaign {
            campaign: Uuid::new_v4(),
            operator: Uuid::new_v4(),
            login: format!("dtv.cu.{}", &Uuid::new_v4().simple().to_string()[..8]),
            refused: Uuid::new_v4(),
            unanswered: Uuid::new_v4(),
            mixed: Uuid::new_v4(),
            open: Uuid::new_v4(),
            hard: Uuid::new_v4(),
        };
        let agency = Uuid::new_v4();
        sqlx::query("INSERT INTO staff (id, login, full_name, role) VALUES ($1, $2, 'Điện thoại viên cũ', 'operator')")
            .bind(old.operator).bind(&old.login).execute(&$pool).await.expect("staff");
        sqlx::query("INSERT INTO agency (id, code, name) VALUES ($1, 'STP-CU', 'Sở Tư pháp')")
            .bind(agency).execute(&$pool).await.expect("agency");
        sqlx::query("INSERT INTO campaign (id, code, name, time_zone, received_from, received_to, max_attempts, questionnaire_id, created_at)
                     VALUES ($1, 'CU-2026', 'Đợt cũ', 'Asia/Ho_Chi_Minh', $2, $3, 3, $5, $4)")
            .bind(old.campaign).bind(day - Duration::days(14)).bind(day + Duration::days(16)).bind(at(0))
            .bind(Script::sipas().hash().as_str())
            .execute(&$pool).await.expect("campaign");
        let cases: [(Uuid, &[&str], Option<&str>, bool); 5] = [
            (old.refused, &["2.111", "3.13"], Some("2.30"), true),
            (old.unanswered, &["3.13", "3.13", "3.13"], Some("3.90"), false),
            (old.mixed, &["3.12", "3.13", "3.13"], Some("3.90"), false),
            (old.open, &["2.22", "3.13"], None, false),
            (old.hard, &["3.13", "2.112"], Some("2.112"), true),
        ];
        for (k, (id, codes, closed, reached)) in cases.iter().enumerate() {
            sqlx::query("INSERT INTO survey_case (id, campaign_id, agency_id, full_name, phone_e164, dossier_code,
                           procedure_name, received_on, wave, attempts, counted_attempts, ever_contacted,
                           last_outcome, final_outcome, last_attempt_at)
                         VALUES ($1, $2, $3, 'Người dân', $4, $5, 'Cấp Phiếu lý lịch tư pháp', $6, 1, $7, $7, $8, $9, $10, $11)")
                .bind(*id).bind(old.campaign).bind(agency).bind(format!("+8491200000{k}")).bind(format!("HS-CU-{k}"))
                .bind(day).bind(codes.len() as i32).bind(*reached).bind(codes.last().copied()).bind(*closed)
                .bind(at(60 * codes.len() as i64))
                .execute(&$pool).await.expect("case");
            for (n, code) in codes.iter().enumerate() {
                sqlx::query("INSERT INTO attempt (id, case_id, operator_id, started_at, ended_at, outcome)
                             VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(Uuid::new_v4()).bind(*id).bind(old.operator)
                    .bind(at(60 * n as i64 + 60)).bind(at(60 * n as i64 + 62)).bind(*code)
                    .execute(&$pool).await.expect("attempt");
            }
        }
        sqlx::query("INSERT INTO interview (id, case_id, questionnaire_id, operator_id, status, started_at)
                     VALUES ($1, $2, $5, $3, 'in_progress', $4)")
            .bind(Uuid::new_v4()).bind(old.open).bind(old.operator).bind(at(61))
            .bind(Script::sipas().hash().as_str())
            .execute(&$pool).await.expect("interview");
        old
    }};
}

/// The first migration of the attempt-limit precedence.
const PRECEDENCE: i64 = 20261207000001;

/// What the cases of an [`OldCampaign`] are after the upgrade, through the store; and the open
/// case, called once more by its operator, closes at the limit by what its earlier calls were.
async fn check_upgraded(url: &str, old: &OldCampaign) {
    let location = DatabaseLocation::resolve(Some(url)).expect("location");
    let shared = khaosat::store::open(&location).await.expect("upgraded");
    let store = &*shared;
    khaosat::ops::questionnaires::builtin(store, monday_morning())
        .await
        .expect("SIPAS stored, as the release of its day stored it on first use");
    let closed = |id: Uuid| async move {
        let case = store.case(id).await.expect("case");
        (
            case.progress.final_outcome.map(String::from),
            case.progress.limit_outcome.map(String::from),
            case.has_interview,
        )
    };
    let some = |c: &str| Some(c.to_owned());
    assert_eq!(
        closed(old.refused).await,
        (some("2.111"), some("2.111"), false),
        "a refusal, no longer 2.30"
    );
    assert_eq!(
        closed(old.unanswered).await,
        (some("3.13"), some("3.13"), false),
        "never answered: 3.13"
    );
    assert_eq!(
        closed(old.mixed).await,
        (some("3.90"), some("3.90"), false),
        "busy, then no answer: 3.90"
    );
    assert_eq!(
        closed(old.open).await,
        (None, some("2.22"), true),
        "still open, an interview begun"
    );
    assert_eq!(
        closed(old.hard).await,
        (some("2.112"), some("2.112"), false),
        "a final outcome stays"
    );

    // The administrator gives the people of the older release their logins and passwords
    // (`khaosat staff sync`, `khaosat staff password`); the operator logs in as themselves.
    let admin = Session::connected(shared.clone())
        .await
        .expect("the administrator's session");
    staff::sync(&admin).await.expect("login roles");
    staff::set_password(&admin, &old.login, PASSWORD)
        .await
        .expect("a password");
    let password = Password::given(PASSWORD);
    let operator = match store.backend() {
        Backend::Postgres => Session::postgres(url, &old.login, &password).await,
        Backend::Sqlite => Session::local(shared.clone(), &old.login, &password).await,
    }
    .expect("the operator of the older release logs in");
    assert_eq!(operator.person().expect("a person").id, old.operator);

    let card = claim(&operator, monday_morning(), old.campaign)
        .await
        .expect("the open case");
    assert_eq!(card.lease.case_id, old.open);
    let recorded = khaosat::ops::desk::record_outcome(
        &operator,
        monday_morning() + Duration::minutes(1),
        &crate::interview::outcome(card.lease, "3.13"),
    )
    .await
    .expect("third call");
    assert_eq!(
        recorded.final_outcome.map(String::from).as_deref(),
        Some("2.22"),
        "the answering machine of the calls before the upgrade"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_closed_under_the_old_attempt_limit_rule_are_recomputed_on_sqlite() {
    let blank = BlankDb::sqlite();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(blank.sqlite_path().expect("path"))
        .create_if_missing(true)
        .foreign_keys(true);
    let pool = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("sqlite");
    migrate_until!(pool, "sqlite", PRECEDENCE);
    let old = seed_old_campaign!(pool);
    pool.close().await;
    check_upgraded(&blank.url, &old).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cases_closed_under_the_old_attempt_limit_rule_are_recomputed_on_postgres() {
    let Some(blank) = BlankDb::postgres().await else {
        return;
    };
    let pool = sqlx::PgPool::connect(&blank.url).await.expect("postgres");
    migrate_until!(pool, "postgres", PRECEDENCE);
    let old = seed_old_campaign!(pool);
    pool.close().await;
    check_upgraded(&blank.url, &old).await;
}

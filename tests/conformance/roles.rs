//! Who may see and change what, enforced by PostgreSQL itself, tested as each of the
//! application's login roles — never as the schema owner or a superuser. The cluster is a
//! throwaway one (`scripts/pg-tls.sh`) that checks people's passwords with SCRAM over TLS, as a
//! call center's server does; its superuser only plays the database administrator who runs
//! `khaosat init`.
//!
//! The people: an administrator; a supervisor of campaign A and one of campaign B; two
//! operators of A. Operator 1 holds a case of A; operator 2 tries what they should not.

use std::sync::Arc;

use chrono::Duration;
use khaosat::domain::people::{Login, Password, Role};
use khaosat::domain::results::index::ScoreLine;
use khaosat::ops::desk::{self, CaseCard, NextCaseRequest};
use khaosat::ops::intake::{self, ImportRequest};
use khaosat::ops::sampling::{self, SampleRequest};
use khaosat::ops::session::Session;
use khaosat::ops::staff::{self, NewPerson};
use khaosat::ops::supervise::{self, CampaignRequest};
use khaosat::store::model::{Agency, AttemptRecord, Lease};
use khaosat::store::{PeopleStore, PostgresStore, Store};
use khaosat::Error;
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use crate::support::{monday_morning, TlsCluster};

/// The test's people: logins unique to this run (roles belong to the whole cluster).
struct People {
    tag: String,
}

impl People {
    fn login(&self, who: &str) -> String {
        format!("{who}.{}", self.tag)
    }
    fn password(&self, who: &str) -> String {
        format!("mk-{who}-{}", self.tag)
    }
}

struct Setup {
    cluster: TlsCluster,
    database: String,
    people: People,
    campaign_a: Uuid,
    campaign_b: Uuid,
}

impl Setup {
    /// The database's URL over verified TLS, as `user` with `password` (none: the superuser).
    fn url(&self, user: &str, password: Option<&str>) -> String {
        let who = match password {
            Some(password) => format!("{user}:{password}"),
            None => user.to_owned(),
        };
        let query = format!("?sslmode=verify-full&sslrootcert={}", self.cluster.ca);
        self.cluster
            .url_to(&who, &self.cluster.host, &self.database, &query)
    }

    /// A store connected as one of the people, with their password.
    async fn store_as(&self, who: &str) -> PostgresStore {
        let login = self.people.login(who);
        PostgresStore::connect(&self.url(&login, Some(&self.people.password(who))))
            .await
            .unwrap_or_else(|e| panic!("{login} connects: {e}"))
    }

    /// One of the people logged in, as their workstation logs them in: the server and
    /// database of the URL, their login and their password.
    async fn session_as(&self, who: &str) -> Session {
        let login = self.people.login(who);
        Session::postgres(
            &self.url("postgres", None),
            &login,
            &Password::given(&self.people.password(who)),
        )
        .await
        .unwrap_or_else(|e| panic!("{login} logs in: {e}"))
    }

    /// A plain connection as one of the people: SQL the app would never send.
    async fn sql_as(&self, who: &str) -> PgConnection {
        let login = self.people.login(who);
        PgConnection::connect(&self.url(&login, Some(&self.people.password(who))))
            .await
            .unwrap_or_else(|e| panic!("{login} connects: {e}"))
    }
}

const LIST: &str = "Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày nhận kết quả\n\
    R-1,Nguyễn Văn Một,0912000101,ROLE-STP,Cấp Phiếu lý lịch tư pháp,15/10/2026\n\
    R-2,Trần Thị Hai,0912000102,ROLE-STP,Cấp Phiếu lý lịch tư pháp,16/10/2026\n\
    R-3,Lê Văn Ba,0912000103,ROLE-STP,Cấp Phiếu lý lịch tư pháp,17/10/2026\n";

/// The database made and migrated by its administrator (the superuser), the first
/// administrator added; everything else done by the people themselves.
async fn set_up() -> Option<Setup> {
    let cluster = TlsCluster::start()?;
    let tag = Uuid::new_v4().simple().to_string()[..8].to_owned();
    let database = format!("khaosat_roles_{tag}");
    let people = People { tag };
    let admin_url = cluster.url_to("postgres", "127.0.0.1", "postgres", "");
    let mut conn = PgConnection::connect(&admin_url).await.expect("superuser");
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&mut conn)
        .await
        .expect("database");
    let mut setup = Setup {
        cluster,
        database,
        people,
        campaign_a: Uuid::nil(),
        campaign_b: Uuid::nil(),
    };
    // `khaosat init --admin`: the DBA's session migrates and adds the first administrator.
    let dba = PostgresStore::connect(&setup.url("postgres", None))
        .await
        .expect("migrated by the database's administrator");
    let dba = Session::connected(Arc::new(dba))
        .await
        .expect("the database administrator's session");
    assert!(dba.view().is_none(), "a superuser's session is nobody's");
    let admin_login = setup.people.login("qt");
    staff::add(
        &dba,
        &NewPerson {
            login: admin_login.clone(),
            full_name: "Quản trị viên".to_owned(),
            role: Role::Admin,
            campaigns: Vec::new(),
        },
        &setup.people.password("qt"),
    )
    .await
    .expect("first administrator");

    // The administrator, logged in as themselves, sets up the campaigns and the people.
    let admin = setup.session_as("qt").await;
    let now = monday_morning();
    for (code, target) in [("A", &mut setup.campaign_a), ("B", &mut setup.campaign_b)] {
        let campaign = khaosat::ops::catalogue::create_campaign(
            &admin,
            now,
            &khaosat::ops::catalogue::NewCampaign {
                code: format!("ROLE-{code}-{}", setup.people.tag),
                name: format!("Đợt {code}"),
                received_from: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
                received_to: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("date"),
                questionnaire: None,
                outcomes: None,
                max_attempts: None,
                calling: Default::default(),
            },
        )
        .await
        .expect("campaign by the administrator");
        *target = campaign.id;
    }
    admin
        .store()
        .put_agencies(&[Agency {
            id: Uuid::new_v4(),
            code: "ROLE-STP".to_owned(),
            name: "Sở Tư pháp".to_owned(),
        }])
        .await
        .expect("agency");
    let code = |c: &str| format!("ROLE-{c}-{}", setup.people.tag);
    for (who, role, campaign) in [
        ("gsv.a", Role::Supervisor, code("A")),
        ("gsv.b", Role::Supervisor, code("B")),
        ("dtv.1", Role::Operator, code("A")),
        ("dtv.2", Role::Operator, code("A")),
    ] {
        staff::add(
            &admin,
            &NewPerson {
                login: setup.people.login(who),
                full_name: format!("Người {who}"),
                role,
                campaigns: vec![campaign],
            },
            &setup.people.password(who),
        )
        .await
        .unwrap_or_else(|e| panic!("{who}: {e}"));
    }

    // Each supervisor imports their list and draws the sample, as themselves.
    let dir = tempfile::tempdir().expect("temporary directory");
    for (who, campaign) in [("gsv.a", setup.campaign_a), ("gsv.b", setup.campaign_b)] {
        let supervisor = setup.session_as(who).await;
        let file = dir.path().join(format!("{who}.csv"));
        std::fs::write(&file, LIST).expect("list");
        let (summary, _) = intake::import_file(
            &supervisor,
            now,
            &ImportRequest {
                campaign_id: campaign,
                file,
                sheet: None,
                add_agencies: false,
            },
            &intake::quiet,
        )
        .await
        .unwrap_or_else(|e| panic!("{who} imports: {e}"));
        assert_eq!(summary.accepted, 3, "{who}: {summary:?}");
        sampling::sample(
            &supervisor,
            now,
            &SampleRequest {
                campaign_id: campaign,
                seed: 1,
                rule: khaosat::domain::sampling::SampleRule::Tiers,
                add: None,
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{who} draws: {e}"));
    }
    Some(setup)
}

async fn id_of(store: &dyn Store, login: &str) -> Uuid {
    store
        .staff()
        .await
        .expect("staff")
        .into_iter()
        .find(|s| s.login == login)
        .map(|s| s.id)
        .expect("a person")
}

/// The next case a person's desk hands out in a campaign, on Monday morning.
async fn next_case(session: &Session, campaign: Uuid) -> khaosat::Result<Option<CaseCard>> {
    desk::next_case(
        session,
        monday_morning(),
        &NextCaseRequest {
            campaign_id: campaign,
        },
    )
    .await
}

/// Who changed a case, the holder it left, when (the database's clock), and the clock now.
type TrailRow = (
    String,
    Option<String>,
    chrono::DateTime<chrono::Utc>,
    chrono::DateTime<chrono::Utc>,
);

fn refused<T: std::fmt::Debug>(result: Result<T, sqlx::Error>, what: &str) {
    match result {
        Err(sqlx::Error::Database(e)) if e.code().as_deref() == Some("42501") => {}
        other => panic!("{what}: expected a refusal by the database, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_sees_and_changes_only_what_it_may() {
    let Some(setup) = set_up().await else {
        return;
    };
    let now = monday_morning();
    let dtv1 = setup.session_as("dtv.1").await;
    let dtv1_id = dtv1.person().expect("a person").id;
    assert_eq!(
        dtv1_id,
        id_of(dtv1.store(), &setup.people.login("dtv.1")).await
    );

    // Operator 1 takes a case: they see its person whole.
    let card = next_case(&dtv1, setup.campaign_a)
        .await
        .expect("claim")
        .expect("a case of A");
    assert!(
        card.phone.starts_with("0912000"),
        "the holder dials the number"
    );
    let held: Lease = card.lease;

    // Operator 2 reads the cases of A, but no name and no whole number.
    let mut dtv2 = setup.sql_as("dtv.2").await;
    let masked: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, phone_masked FROM survey_case WHERE campaign_id = $1")
            .bind(setup.campaign_a)
            .fetch_all(&mut dtv2)
            .await
            .expect("the cases of their campaign");
    assert_eq!(masked.len(), 3);
    assert!(masked.iter().all(|(_, m)| m.contains("****")), "{masked:?}");
    refused(
        sqlx::query_as::<_, (String,)>("SELECT phone_e164 FROM survey_case WHERE id = $1")
            .bind(held.case_id)
            .fetch_optional(&mut dtv2)
            .await,
        "operator 2 reads a number",
    );
    let seen: Vec<(String,)> = sqlx::query_as("SELECT phone_e164 FROM held_contact")
        .fetch_all(&mut dtv2)
        .await
        .expect("their own holds");
    assert!(seen.is_empty(), "operator 2 holds nothing: {seen:?}");

    // Operator 2 records a call on operator 1's case with plain SQL: refused by the database.
    let dtv2_id = id_of(dtv1.store(), &setup.people.login("dtv.2")).await;
    refused(
        sqlx::query(
            "INSERT INTO attempt (id, case_id, operator_id, started_at, ended_at, outcome)
             VALUES ($1, $2, $3, now(), now(), '2.112')",
        )
        .bind(Uuid::new_v4())
        .bind(held.case_id)
        .bind(dtv2_id)
        .execute(&mut dtv2)
        .await,
        "an attempt on another operator's case",
    );
    refused(
        sqlx::query(
            "INSERT INTO attempt (id, case_id, operator_id, started_at, ended_at, outcome)
             VALUES ($1, $2, $3, now(), now(), '2.112')",
        )
        .bind(Uuid::new_v4())
        .bind(held.case_id)
        .bind(dtv1_id)
        .execute(&mut dtv2)
        .await,
        "an attempt in operator 1's name",
    );
    refused(
        sqlx::query("UPDATE survey_case SET final_outcome = '2.112' WHERE id = $1")
            .bind(held.case_id)
            .execute(&mut dtv2)
            .await,
        "closing another operator's case",
    );
    refused(
        sqlx::query(
            "UPDATE survey_case SET final_outcome = '2.112', lease_holder = NULL WHERE id = $1",
        )
        .bind(held.case_id)
        .execute(&mut dtv2)
        .await,
        "closing another operator's case while handing it back",
    );
    // And through the desk, with operator 1's lease in hand: refused by the session's check...
    let dtv2_session = setup.session_as("dtv.2").await;
    let forged = desk::record_outcome(
        &dtv2_session,
        now + Duration::minutes(1),
        &crate::interview::outcome(held, "2.112"),
    )
    .await;
    assert!(
        matches!(forged, Err(Error::LeaseLost { .. } | Error::Forbidden(_))),
        "a forged lease: {forged:?}"
    );
    // ...and past it, straight to the store as operator 2: the database still refuses.
    let campaign_a = dtv2_session
        .store()
        .campaign(setup.campaign_a)
        .await
        .expect("their campaign");
    let forged = dtv2_session
        .store()
        .record_attempt(
            &held,
            &AttemptRecord {
                id: Uuid::new_v4(),
                case_id: held.case_id,
                operator_id: held.holder,
                started_at: held.claimed_at,
                ended_at: now + Duration::minutes(1),
                outcome: crate::support::code("2.112"),
                note: None,
                appointment: None,
            },
            &campaign_a.outcomes,
            campaign_a.policy(),
            &ScoreLine::default(),
        )
        .await;
    assert!(
        matches!(forged, Err(Error::Forbidden(_))),
        "a forged lease, past the core: {forged:?}"
    );
    let case = dtv1.store().case(held.case_id).await.expect("case");
    assert_eq!(case.progress.final_outcome, None, "nothing was written");

    // The audit: written by triggers, at the database's clock; nobody may change it.
    let mut dtv1_sql = setup.sql_as("dtv.1").await;
    refused(
        sqlx::query("UPDATE audit_trail SET actor = 'ai'")
            .execute(&mut dtv1_sql)
            .await,
        "an operator rewriting the trail",
    );
    refused(
        sqlx::query("DELETE FROM audit_trail")
            .execute(&mut dtv1_sql)
            .await,
        "an operator deleting the trail",
    );
    refused(
        sqlx::query("DELETE FROM audit_log")
            .execute(&mut dtv1_sql)
            .await,
        "an operator deleting the log",
    );
    // Review: an operator takes no supervisor's step, and nobody rewrites the history.
    refused(
        sqlx::query(
            "INSERT INTO review_event (id, interview_id, campaign_id, round, action, by_staff, at, seq)
             VALUES (gen_random_uuid(), gen_random_uuid(), $1, now(), 'approved', $2, now(), 1)",
        )
        .bind(setup.campaign_a)
        .bind(dtv1_id)
        .execute(&mut dtv1_sql)
        .await,
        "an operator approving an interview",
    );
    let mut gsv_a = setup.sql_as("gsv.a").await;
    for sql in [
        "UPDATE review_event SET reason = 'đã duyệt'",
        "DELETE FROM review_event",
    ] {
        refused(sqlx::query(sql).execute(&mut gsv_a).await, sql);
    }
    // The case's trail: released by the supervisor's draw, then taken by operator 1.
    let trail: Vec<TrailRow> = sqlx::query_as(
        "SELECT actor::text, after ->> 'lease_holder', at, now() FROM audit_trail
             WHERE table_name = 'survey_case' AND row_key = $1 AND operation = 'UPDATE'
             ORDER BY id",
    )
    .bind(held.case_id.to_string())
    .fetch_all(&mut gsv_a)
    .await
    .expect("the supervisor reads the trail of A");
    let actors: Vec<&str> = trail.iter().map(|(actor, ..)| actor.as_str()).collect();
    assert_eq!(
        actors,
        [setup.people.login("gsv.a"), setup.people.login("dtv.1")],
        "{trail:?}"
    );
    let (_, holder, at, db_now) = trail.last().cloned().expect("the claim");
    assert_eq!(holder, Some(dtv1_id.to_string()));
    assert!(
        (db_now - at).abs() < Duration::minutes(5),
        "the database's clock ({at}), not the app's ({now})"
    );
    refused(
        sqlx::query("UPDATE audit_trail SET actor = 'ai'")
            .execute(&mut gsv_a)
            .await,
        "a supervisor rewriting the trail",
    );

    // A supervisor sees numbers masked; names and numbers leave only through the audited export.
    refused(
        sqlx::query_as::<_, (String,)>("SELECT phone_e164 FROM survey_case LIMIT 1")
            .fetch_optional(&mut gsv_a)
            .await,
        "a supervisor reads numbers",
    );
    let supervisor_a = setup.session_as("gsv.a").await;
    let contacts = supervisor_a
        .store()
        .contacts(setup.campaign_a)
        .await
        .expect("export");
    assert_eq!(contacts.len(), 3);
    let (exports,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM audit_trail WHERE operation = 'SELECT' AND campaign_id = $1
         AND actor = $2",
    )
    .bind(setup.campaign_a)
    .bind(setup.people.login("gsv.a"))
    .fetch_one(&mut gsv_a)
    .await
    .expect("trail");
    assert_eq!(exports, 1, "the export is in the trail");

    // A supervisor of B reads nothing of A.
    let mut gsv_b = setup.sql_as("gsv.b").await;
    for (table, column) in [
        ("campaign", "id"),
        ("survey_case", "campaign_id"),
        ("dossier", "campaign_id"),
        ("import_batch", "campaign_id"),
        ("sample_draw", "campaign_id"),
        ("case_name", "campaign_id"),
        ("audit_trail", "campaign_id"),
        ("review_event", "campaign_id"),
    ] {
        let (seen,): (i64,) =
            sqlx::query_as(&format!("SELECT count(*) FROM {table} WHERE {column} = $1"))
                .bind(setup.campaign_a)
                .fetch_one(&mut gsv_b)
                .await
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        assert_eq!(
            seen, 0,
            "the supervisor of B sees {seen} rows of {table} of A"
        );
    }
    let supervisor_b = setup.session_as("gsv.b").await;
    assert!(
        matches!(
            supervisor_b.store().contacts(setup.campaign_a).await,
            Err(Error::Forbidden(_))
        ),
        "B's supervisor exports A's contacts"
    );
    assert!(supervisor_b
        .store()
        .campaign_cases(setup.campaign_a)
        .await
        .expect("an empty list")
        .is_empty());
    // The use case says so before the database is asked.
    let listed = supervise::campaign_cases(
        &supervisor_b,
        now,
        &CampaignRequest {
            campaign_id: setup.campaign_a,
        },
    )
    .await;
    assert!(matches!(listed, Err(Error::Forbidden(_))), "{listed:?}");
    // An operator's session is refused the supervisor's list and reports.
    let listed = supervise::campaign_cases(
        &dtv2_session,
        now,
        &CampaignRequest {
            campaign_id: setup.campaign_a,
        },
    )
    .await;
    assert!(matches!(listed, Err(Error::Forbidden(_))), "{listed:?}");
    let rates = khaosat::ops::reports::rates(
        &dtv2_session,
        &khaosat::ops::reports::RatesRequest {
            campaign_id: setup.campaign_a,
            by: None,
            e: None,
        },
    )
    .await;
    assert!(matches!(rates, Err(Error::Forbidden(_))), "{rates:?}");
    // The supervisor of A reads A's list, names and masked numbers.
    let listed = supervise::campaign_cases(
        &supervisor_a,
        now,
        &CampaignRequest {
            campaign_id: setup.campaign_a,
        },
    )
    .await
    .expect("A's cases");
    assert_eq!(listed.len(), 3);
    assert!(listed
        .iter()
        .all(|c| c.phone_masked.contains("****") && !c.respondent_name.is_empty()));

    // Nobody but an administrator makes people.
    refused(
        sqlx::query("SELECT khaosat_staff_add('x.y', 'X', 'admin', 'SCRAM-SHA-256$4096:x')")
            .execute(&mut gsv_a)
            .await,
        "a supervisor adding an administrator",
    );
    refused(
        sqlx::query("SELECT khaosat_staff_set_active($1, false)")
            .bind(setup.people.login("dtv.1"))
            .execute(&mut dtv2)
            .await,
        "an operator disabling another",
    );

    // The floor: operator 1's desk is theirs to open; operator 2 cannot open it for them, nor
    // close it; the supervisor of A sees it, the supervisor of B does not.
    khaosat::ops::floor::open_desk(
        &dtv1,
        now,
        &CampaignRequest {
            campaign_id: setup.campaign_a,
        },
    )
    .await
    .expect("operator 1 opens their desk");
    refused(
        sqlx::query(
            "INSERT INTO desk_presence (staff_id, campaign_id, since, seen_at)
             VALUES ($1, $2, now(), now())",
        )
        .bind(dtv1_id)
        .bind(setup.campaign_a)
        .execute(&mut dtv2)
        .await,
        "operator 2 opening operator 1's desk",
    );
    let closed = sqlx::query("DELETE FROM desk_presence WHERE staff_id = $1")
        .bind(dtv1_id)
        .execute(&mut dtv2)
        .await
        .expect("a delete the policies narrow");
    assert_eq!(
        closed.rows_affected(),
        0,
        "operator 2 closed operator 1's desk"
    );
    let desks = |campaign: Uuid| {
        sqlx::query_as::<_, (Uuid,)>("SELECT staff_id FROM desk_presence WHERE campaign_id = $1")
            .bind(campaign)
    };
    let seen = desks(setup.campaign_a)
        .fetch_all(&mut gsv_a)
        .await
        .expect("A's desks");
    assert_eq!(seen, vec![(dtv1_id,)]);
    let seen = desks(setup.campaign_a)
        .fetch_all(&mut gsv_b)
        .await
        .expect("nothing of A");
    assert!(
        seen.is_empty(),
        "the supervisor of B sees A's desks: {seen:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_or_a_disabled_login_does_not_open_the_database() {
    let Some(setup) = set_up().await else {
        return;
    };
    let login = setup.people.login("dtv.1");
    let wrong = PostgresStore::connect(&setup.url(&login, Some("khong-dung-mat-khau"))).await;
    match wrong {
        Err(error @ Error::LoginRefused) => {
            let message = khaosat::api::ApiError::from(error).message;
            assert_eq!(
                message,
                "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá."
            );
        }
        other => panic!("a wrong password: {other:?}"),
    }

    // The store tells who the session is: its role, never an id sent along.
    let dtv1 = setup.store_as("dtv.1").await;
    let me = dtv1.whoami().await.expect("whoami");
    assert_eq!(me.as_ref().map(|s| s.login.as_str()), Some(login.as_str()));
    let dtv1 = Session::connected(Arc::new(dtv1))
        .await
        .expect("operator 1's session");
    assert_eq!(dtv1.person().ok(), me.as_ref());
    // A wrong password through the session's log-in is refused the same way.
    let wrong = Session::postgres(
        &setup.url("postgres", None),
        &login,
        &Password::given("khong-dung-mat-khau"),
    )
    .await;
    assert!(matches!(wrong, Err(Error::LoginRefused)), "{wrong:?}");
    // The administrator disables operator 1 while they hold a case: it goes back to the pool.
    let card = next_case(&dtv1, setup.campaign_a)
        .await
        .expect("claim")
        .expect("a case");
    let admin = setup.session_as("qt").await;
    let released = staff::set_active(&admin, &login, false)
        .await
        .expect("disabled");
    assert_eq!(released, 1);
    let case = admin.store().case(card.lease.case_id).await.expect("case");
    assert_eq!(case.lease_holder, None, "the case is back in the pool");
    let disabled =
        PostgresStore::connect(&setup.url(&login, Some(&setup.people.password("dtv.1")))).await;
    assert!(
        matches!(disabled, Err(Error::LoginRefused)),
        "a disabled login: {disabled:?}"
    );
    // Enabled again, and a new password set by the administrator: the old one no longer works.
    staff::set_active(&admin, &login, true)
        .await
        .expect("enabled");
    staff::set_password(&admin, &login, "mat-khau-moi-1022")
        .await
        .expect("password");
    assert!(matches!(
        PostgresStore::connect(&setup.url(&login, Some(&setup.people.password("dtv.1")))).await,
        Err(Error::LoginRefused)
    ));
    PostgresStore::connect(&setup.url(&login, Some("mat-khau-moi-1022")))
        .await
        .expect("the new password opens it");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_authenticator_acts_only_as_the_people_it_was_given() {
    let Some(setup) = set_up().await else {
        return;
    };
    let login = |who: &str| Login::parse(&setup.people.login(who)).expect("a login");
    // The database's administrator adds it (it needs CREATEROLE, as `bench calls` does).
    let dba = PostgresStore::connect(&setup.url("postgres", None))
        .await
        .expect("the database's administrator");
    let admin = setup.store_as("qt").await;
    let name = login("xac-thuc");
    let password = Password::random();
    dba.add_authenticator(&name, &password, &[login("dtv.1")])
        .await
        .expect("an authenticator for operator 1");
    // One connection, so every checkout below reuses the one the acting store used.
    let shared =
        PostgresStore::connect_as_with_pool(&setup.url("postgres", None), &name, &password, 1)
            .await
            .expect("the authenticator connects");
    let alone = shared.campaigns().await;
    assert!(
        matches!(alone, Err(Error::Forbidden(_))),
        "an authenticator holds no rights of its own: {alone:?}"
    );

    // Acting as operator 1, it is operator 1: their campaign, their claims, nothing more.
    let dtv1 = Session::connected(Arc::new(shared.acting_as(&login("dtv.1"))))
        .await
        .expect("operator 1's session through the authenticator");
    assert_eq!(
        dtv1.person().expect("a person").login,
        setup.people.login("dtv.1")
    );
    let campaigns: Vec<Uuid> = dtv1
        .store()
        .campaigns()
        .await
        .expect("campaigns")
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(campaigns, vec![setup.campaign_a]);
    let other = next_case(&dtv1, setup.campaign_b).await;
    assert!(
        !matches!(other, Ok(Some(_))),
        "a case of another campaign: {other:?}"
    );
    let card = next_case(&dtv1, setup.campaign_a)
        .await
        .expect("claim")
        .expect("a case");
    let holder = admin
        .case(card.lease.case_id)
        .await
        .expect("case")
        .lease_holder;
    assert_eq!(holder, Some(dtv1.person().expect("a person").id));

    // The connection operator 1 used comes back to the authenticator under its own role.
    assert!(matches!(shared.campaigns().await, Err(Error::Forbidden(_))));
    // Someone it was not given is refused by the server.
    let supervisor = shared.acting_as(&login("gsv.b")).campaigns().await;
    assert!(
        matches!(supervisor, Err(Error::Forbidden(_))),
        "acting as a supervisor it was not given: {supervisor:?}"
    );

    drop((dtv1, shared));
    dba.drop_logins(std::slice::from_ref(&name))
        .await
        .expect("the authenticator removed");
    let gone = PostgresStore::connect_as(&setup.url("postgres", None), &name, &password).await;
    assert!(matches!(gone, Err(Error::LoginRefused)), "{gone:?}");
}

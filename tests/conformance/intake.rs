//! Intake and sampling on both databases: a list in, rejects out, one case per person, a
//! second import that changes nothing, broken files that write nothing, and a sample that the
//! seed reproduces on SQLite and PostgreSQL alike.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use khaosat::domain::sampling::SampleRule;
use khaosat::error::Error;
use khaosat::ops::catalogue::{self, NewCampaign};
use khaosat::ops::intake::{self, ImportFileRequest, ImportRequest, UnknownAgency};
use khaosat::ops::sampling::{self, SampleRequest};
use khaosat::ops::session::Session;
use khaosat::store::Backend;
use sqlx::{Connection, PgConnection, SqliteConnection};
use uuid::Uuid;

use crate::scheduler::supervisor;
use crate::support::{monday_morning, on_both_backends, TestDb};

/// The campaign, made by the administrator, and the session of its supervisor, who imports
/// and draws.
async fn campaign(db: &TestDb) -> (Uuid, Session) {
    let admin = db.admin();
    for (code, name) in [("STP", "Sở Tư pháp"), ("STC", "Sở Tài chính")] {
        catalogue::add_agency(&admin, code, name)
            .await
            .expect("agency");
    }
    let new = NewCampaign {
        code: "Q4".to_owned(),
        name: "Đợt quý IV".to_owned(),
        received_from: NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"),
        received_to: NaiveDate::from_ymd_opt(2026, 11, 15).expect("date"),
        questionnaire: None,
        outcomes: None,
        max_attempts: None,
        calling: Default::default(),
    };
    let id = catalogue::create_campaign(&admin, monday_morning(), &new)
        .await
        .expect("campaign")
        .id;
    (id, supervisor(db, id).await)
}

const LIST: &str = "\u{feff}Mã hồ sơ;Họ và tên;SĐT;Đơn vị;Tên thủ tục;Ngày trả kết quả;Kênh
A1;Nguyễn Văn An;0912 345 678;Sở Tư pháp;Chứng thực;15/10/2026;Trực tiếp
A2;Nguyễn Văn An;+84912345678;STC;Đăng ký doanh nghiệp;20/10/2026;DVC
A3;Lê Thị Hoa;01623456789;STP;Chứng thực;1/11/2026;
A4;Trần Văn Bình;0612345678;STP;Chứng thực;1/11/2026;
A5;Phạm Thị Cúc;0987654321;Sở Xây dựng;Cấp phép;1/11/2026;
A6;Phạm Văn Dũng;0987654322;STP;Chứng thực;31/12/2026;
A1;Nguyễn Văn Ân;0912345678;STP;Chứng thực;15/10/2026;
A3;Lê Thị Hoa;0323456789;STP;Chứng thực;01/11/2026;
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the test file");
    path
}

on_both_backends! {
    async fn a_list_imports_once_with_every_row_accounted_for(db: TestDb) {
        let store = &*db.store;
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = write(dir.path(), "danh-sach.csv", LIST.as_bytes());
        let request = ImportRequest { campaign_id, file: file.clone(), sheet: None, add_agencies: false };

        let (first, table) = intake::import_file(&boss, monday_morning(), &request, &intake::quiet).await.expect("import");
        assert_eq!((first.rows, first.accepted, first.rejected), (8, 4, 4));
        assert_eq!((first.new_cases, first.cases_total), (2, 2), "An's two dossiers are one case; Hoa's old number is her new one");
        let reasons: Vec<(usize, Option<&str>)> = first.rejections.iter().map(|r| (r.row, r.column.as_deref())).collect();
        assert_eq!(reasons, vec![(5, Some("Số điện thoại")), (6, Some("Cơ quan")), (7, Some("Ngày trả kết quả")), (8, Some("Mã hồ sơ"))]);

        // The case is about An's most recent dossier.
        let cases = store.campaign_cases(campaign_id).await.expect("cases");
        let contacts = store.contacts(campaign_id).await.expect("contacts");
        let case_of = |e164: &str| contacts.iter().find(|c| c.phone.e164() == e164).map(|c| c.case_id);
        let an = cases.iter().find(|c| Some(c.id) == case_of("+84912345678")).expect("An's case");
        assert_eq!((an.dossier_code.as_str(), an.agency_code.as_str()), ("A2", "STC"));
        assert_eq!(an.phone_masked, "091****678");
        assert!(case_of("+84323456789").is_some(), "0162… became 032…");

        // The same file again changes nothing.
        let (again, _) = intake::import_file(&boss, monday_morning(), &request, &intake::quiet).await.expect("import again");
        assert_eq!((again.rows, again.accepted, again.rejected, again.new_cases, again.cases_total), (8, 4, 4, 0, 2));

        // The rejects file holds the rows as they were, with the reason, and can be fixed and imported.
        let rejects = dir.path().join("tu-choi.csv");
        intake::write_rejects(&rejects, false, &table, &first.rejections).expect("rejects written");
        let text = std::fs::read_to_string(&rejects).expect("rejects readable");
        assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM for Excel");
        assert!(text.contains("Dòng 5, cột “Số điện thoại”"), "{text}");
        let fixed = text.replace("0612345678", "0912000111");
        let fixed = write(dir.path(), "da-sua.csv", fixed.as_bytes());
        let (second, _) = intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file: fixed, sheet: None, add_agencies: false }, &intake::quiet).await.expect("fixed import");
        assert_eq!((second.accepted, second.new_cases, second.cases_total), (1, 1, 3));
    }
}

on_both_backends! {
    async fn a_broken_file_writes_nothing_and_says_why(db: TestDb) {
        let store = &*db.store;
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let cases = [
            ("rong.csv", Vec::new(), "trống"),
            ("rac.xlsx", vec![0x50, 0x4b, 0x03, 0x04, 0xde, 0xad, 0xbe, 0xef], "rac.xlsx"),
            ("thieu-cot.csv", "Mã hồ sơ;Họ tên;Cơ quan\nA1;An;STP\n".as_bytes().to_vec(), "Số điện thoại"),
            ("utf16.csv", vec![0xff, 0xfe, b'M', 0, b'a', 0], "UTF-8"),
        ];
        for (name, bytes, expected) in cases {
            let file = write(dir.path(), name, &bytes);
            let result = intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file, sheet: None, add_agencies: false }, &intake::quiet).await;
            match result {
                Err(Error::Invalid(message)) => assert!(message.contains(expected), "{name}: {message}"),
                other => panic!("{name}: expected a clear refusal, got {:?}", other.map(|(s, _)| s)),
            }
        }
        let header_only = write(dir.path(), "chi-tieu-de.csv", LIST.lines().next().unwrap_or_default().as_bytes());
        let (summary, _) = intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file: header_only, sheet: None, add_agencies: false }, &intake::quiet).await.expect("a header alone is an empty list");
        assert_eq!((summary.rows, summary.accepted, summary.cases_total), (0, 0, 0));
        assert!(store.campaign_cases(campaign_id).await.expect("cases").is_empty(), "nothing written");
    }
}

fn big_list(people: usize) -> String {
    let mut text =
        String::from("Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày nhận kết quả\n");
    for i in 0..people {
        let agency = if i % 3 == 0 { "STC" } else { "STP" };
        text.push_str(&format!(
            "HS{i:05},Người dân {i},0912{i:06},{agency},Chứng thực,{}/10/2026\n",
            1 + i % 28
        ));
    }
    text
}

/// The supervisor draws the sample; the numbers drawn, as the database holds them.
async fn drawn_phones(
    db: &TestDb,
    boss: &Session,
    campaign_id: Uuid,
    seed: u64,
) -> BTreeSet<String> {
    let store = &*db.store;
    let request = SampleRequest {
        campaign_id,
        seed,
        rule: SampleRule::Tiers,
        add: None,
    };
    let report = sampling::sample(boss, monday_morning(), &request)
        .await
        .expect("sample");
    let stp = report
        .agencies
        .iter()
        .find(|a| a.agency == "STP")
        .expect("STP");
    assert_eq!((stp.population, stp.required, stp.drawn), (200, 100, 100));
    let stc = report
        .agencies
        .iter()
        .find(|a| a.agency == "STC")
        .expect("STC");
    assert_eq!((stc.population, stc.required, stc.drawn), (100, 100, 100));
    let drawn: std::collections::HashSet<uuid::Uuid> = store
        .sample_candidates(campaign_id)
        .await
        .expect("candidates")
        .into_iter()
        .filter(|c| c.wave.is_some())
        .map(|c| c.case_id)
        .collect();
    store
        .contacts(campaign_id)
        .await
        .expect("contacts")
        .into_iter()
        .filter(|c| drawn.contains(&c.case_id))
        .map(|c| c.phone.e164())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_same_seed_draws_the_same_people_on_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = write(dir.path(), "lon.csv", big_list(300).as_bytes());
    let sqlite = TestDb::sqlite().await;
    let Some(postgres) = TestDb::postgres().await else {
        return;
    };
    let mut samples = Vec::new();
    for db in [&sqlite, &postgres] {
        let (campaign_id, boss) = campaign(db).await;
        intake::import_file(
            &boss,
            monday_morning(),
            &ImportRequest {
                campaign_id,
                file: file.clone(),
                sheet: None,
                add_agencies: false,
            },
            &intake::quiet,
        )
        .await
        .expect("import");
        samples.push(drawn_phones(db, &boss, campaign_id, 2026).await);
    }
    assert_eq!(samples[0].len(), 200);
    assert_eq!(samples[0], samples[1], "same data, same seed, same people");
}

on_both_backends! {
    async fn waves_add_cases_without_repeating_and_a_second_draw_adds_nothing(db: TestDb) {
        let store = &*db.store;
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = write(dir.path(), "lon.csv", big_list(300).as_bytes());
        intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file, sheet: None, add_agencies: false }, &intake::quiet).await.expect("import");
        let first = drawn_phones(&db, &boss, campaign_id, 1).await;
        let again = drawn_phones(&db, &boss, campaign_id, 1).await;
        assert_eq!(first, again, "running the draw again releases nothing new");

        let add = SampleRequest { campaign_id, seed: 1, rule: SampleRule::Tiers, add: Some(("STP".to_owned(), 30)) };
        let report = sampling::sample(&boss, monday_morning(), &add).await.expect("wave 2");
        assert_eq!(report.agencies.iter().find(|a| a.agency == "STP").map(|a| a.drawn), Some(130));
        let waves: Vec<u32> = store.sample_candidates(campaign_id).await.expect("candidates").iter().filter_map(|c| c.wave).collect();
        assert_eq!(waves.iter().filter(|w| **w == 2).count(), 30);
        assert_eq!(waves.len(), 230, "no case released twice");
        // The status shows the rule of the latest draw.
        let slovin = SampleRequest { rule: SampleRule::parse("slovin", Some(0.1)).expect("rule"), add: Some(("STP".to_owned(), 1)), ..add.clone() };
        sampling::sample(&boss, monday_morning() + chrono::Duration::minutes(5), &slovin).await.expect("a slovin wave, later");
        let status = sampling::status(&boss, campaign_id).await.expect("status");
        assert_eq!(status.rule, "slovin");
        assert_eq!(status.agencies.iter().find(|a| a.agency == "STP").map(|a| a.required), Some(67), "200 / (1 + 200 · 0.01)");
        let exhausted = SampleRequest { add: Some(("STC".to_owned(), 1)), ..add.clone() };
        assert!(matches!(sampling::sample(&boss, monday_morning(), &exhausted).await, Err(Error::Invalid(m)) if m.contains("STC")), "an agency whose cases are all drawn says so");
        let unknown = SampleRequest { add: Some(("SXD".to_owned(), 5)), ..add.clone() };
        assert!(matches!(sampling::sample(&boss, monday_morning(), &unknown).await, Err(Error::Invalid(_))));
        // An operator of the campaign neither draws nor imports.
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let op = db.add_person(&format!("dtv.{tag}"), khaosat::store::model::Role::Operator, &[campaign_id]).await;
        let more = SampleRequest { add: Some(("STP".to_owned(), 5)), ..unknown };
        assert!(matches!(sampling::sample(&op, monday_morning(), &more).await, Err(Error::Forbidden(_))));
        let list = write(dir.path(), "them.csv", big_list(3).as_bytes());
        let imported = intake::import_file(&op, monday_morning(), &ImportRequest { campaign_id, file: list, sheet: None, add_agencies: false }, &intake::quiet).await;
        assert!(matches!(imported, Err(Error::Forbidden(_))), "{:?}", imported.map(|(s, _)| s));
        assert_eq!(store.sample_candidates(campaign_id).await.expect("candidates").iter().filter(|c| c.wave.is_some()).count(), 231);
    }
}

on_both_backends! {
    async fn quotes_commas_and_backslashes_in_a_cell_are_stored_as_written(db: TestDb) {
        let store = &*db.store;
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let list = "Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày nhận kết quả\n\
                    \"B,1\",\"Trần Thị \"\"Bé\"\", Hoa\",0912345678,STP,\"Chứng thực; bản sao \\ dịch\",15/10/2026\n";
        let file = write(dir.path(), "dau-ngoac.csv", list.as_bytes());
        let (summary, _) = intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file, sheet: None, add_agencies: false }, &intake::quiet).await.expect("import");
        assert_eq!((summary.accepted, summary.rejected), (1, 0));
        let cases = store.campaign_cases(campaign_id).await.expect("cases");
        let case = cases.first().expect("the case");
        let names = store.case_names(campaign_id).await.expect("names");
        assert_eq!(names.get(&case.id).map(String::as_str), Some("Trần Thị \"Bé\", Hoa"));
        assert_eq!(case.dossier_code, "B,1");
        assert_eq!(case.procedure, "Chứng thực; bản sao \\ dịch");
    }
}

/// Who the database says made the campaign's imports and its draws, read as its administrator
/// would (the file itself, or the test's superuser connection).
async fn makers(db: &TestDb, campaign: Uuid) -> Vec<Option<String>> {
    const SQL: &str = "SELECT CAST(imported_by AS TEXT) FROM import_batch WHERE campaign_id = $1
         UNION ALL SELECT CAST(drawn_by AS TEXT) FROM sample_draw WHERE campaign_id = $1";
    match db.store.backend() {
        Backend::Postgres => {
            let mut conn = PgConnection::connect(&db.url).await.expect("administrator");
            sqlx::query_scalar(SQL)
                .bind(campaign)
                .fetch_all(&mut conn)
                .await
                .expect("makers")
        }
        Backend::Sqlite => {
            let mut conn = SqliteConnection::connect(&db.url).await.expect("the file");
            sqlx::query_scalar(SQL)
                .bind(campaign)
                .fetch_all(&mut conn)
                .await
                .expect("makers")
        }
    }
}

on_both_backends! {
    async fn an_import_and_a_draw_record_who_made_them(db: TestDb) {
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = write(dir.path(), "danh-sach.csv", LIST.as_bytes());
        intake::import_file(&boss, monday_morning(), &ImportRequest { campaign_id, file, sheet: None, add_agencies: false }, &intake::quiet)
            .await
            .expect("import");
        let request = SampleRequest { campaign_id, seed: 7, rule: SampleRule::Tiers, add: None };
        let drawn = sampling::sample(&boss, monday_morning(), &request).await.expect("draw");
        assert!(!drawn.agencies.is_empty());
        let makers = makers(&db, campaign_id).await;
        let login = boss.login().expect("the supervisor's login");
        assert!(makers.len() >= 2, "an import and at least one draw: {makers:?}");
        assert!(makers.iter().all(|m| m.as_deref() == Some(login.as_str())), "{makers:?} by {login}");
    }
}

on_both_backends! {
    async fn a_first_import_adds_the_agencies_the_catalogue_does_not_know_when_asked(db: TestDb) {
        let (campaign_id, boss) = campaign(&db).await;
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = write(dir.path(), "danh-sach.csv", LIST.as_bytes());
        let mut req = ImportFileRequest {
            campaign_id,
            path: file.to_string_lossy().into_owned(),
            sheet: None,
            add_agencies: false,
        };
        // The preview lists "Sở Xây dựng" (row 6), which the catalogue does not know.
        let preview = intake::preview(&boss, &req).await.expect("preview");
        let sxd = UnknownAgency { code: "SXD".to_owned(), name: "Sở Xây dựng".to_owned(), rows: 1 };
        assert_eq!(preview.unknown_agencies, vec![sxd.clone()]);

        req.add_agencies = true;
        let report = intake::import_report(&boss, monday_morning(), &req, &intake::quiet).await.expect("import");
        assert_eq!(report.summary.agencies_added, vec![sxd]);
        assert!(report.rejections.iter().all(|r| r.row != 6), "{:?}", report.rejections);
        let known = catalogue::agencies(boss.store()).await.expect("agencies");
        assert!(known.iter().any(|a| a.code == "SXD" && a.name == "Sở Xây dựng"), "{known:?}");
        let again = intake::preview(&boss, &req).await.expect("preview");
        assert!(again.unknown_agencies.is_empty(), "{:?}", again.unknown_agencies);

        // Its name corrected, its code kept; the cases keep their agency.
        let renamed = catalogue::rename_agency(&boss, "SXD", "  Sở  Xây dựng tỉnh Đồng Tháp ").await.expect("rename");
        assert_eq!(renamed.name, "Sở Xây dựng tỉnh Đồng Tháp");
        let known = catalogue::agencies(boss.store()).await.expect("agencies");
        assert!(known.iter().any(|a| a.code == "SXD" && a.name == "Sở Xây dựng tỉnh Đồng Tháp"), "{known:?}");
        let cases = boss.store().campaign_cases(campaign_id).await.expect("cases");
        assert!(cases.iter().any(|c| c.agency_code == "SXD"));
        let unknown = catalogue::rename_agency(&boss, "KHONG-CO", "Tên").await;
        assert!(matches!(unknown, Err(Error::NotFound { .. })), "{unknown:?}");
        let empty = catalogue::rename_agency(&boss, "SXD", "   ").await;
        assert!(matches!(empty, Err(Error::Invalid(_))), "{empty:?}");

        // An operator neither previews a list nor renames an agency.
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let op = db.add_person(&format!("dtv.{tag}"), khaosat::store::model::Role::Operator, &[campaign_id]).await;
        assert!(matches!(intake::preview(&op, &req).await, Err(Error::Forbidden(_))));
        assert!(matches!(catalogue::rename_agency(&op, "SXD", "X").await, Err(Error::Forbidden(_))));
    }
}

on_both_backends! {
    async fn a_campaign_made_from_the_apps_form_is_checked_like_the_command_lines(db: TestDb) {
        use khaosat::ops::campaign_form::{self, CampaignForm};
        let admin = db.admin();
        let dir = tempfile::tempdir().expect("temporary directory");
        let outcomes = write(dir.path(), "ket-qua.toml", khaosat::domain::outcome::DEFAULT_TOML.as_bytes());
        let form = CampaignForm {
            code: "Q1-2027".to_owned(),
            name: "Khảo sát quý I/2027".to_owned(),
            received_from: "01/01/2027".to_owned(),
            received_to: "2027-03-31".to_owned(),
            days: "T2-T6".to_owned(),
            hours: String::new(),
            closed: "30/04/2027;\n 2027-02-10".to_owned(),
            on_public_holidays: false,
            grace_minutes: Some(20),
            max_attempts: Some(4),
            questionnaire: String::new(),
            outcomes_path: outcomes.to_string_lossy().into_owned(),
        };
        let made = campaign_form::create(&admin, monday_morning(), &form).await.expect("made");
        assert_eq!((made.received_from.as_str(), made.received_to.as_str()), ("01/01/2027", "31/03/2027"));
        assert_eq!(made.calling_days, "T2-T6");
        assert_eq!(made.closed_dates, vec!["10/02/2027".to_owned(), "30/04/2027".to_owned()]);
        assert_eq!((made.max_attempts, made.appointment_grace_minutes), (4, 20));

        let again = campaign_form::create(&admin, monday_morning(), &form).await;
        assert!(matches!(again, Err(Error::Conflict(_))), "{again:?}");
        let bad_day = campaign_form::create(&admin, monday_morning(), &CampaignForm { code: "Q2".to_owned(), closed: "31/02/2027".to_owned(), ..form.clone() }).await;
        assert!(matches!(&bad_day, Err(Error::Invalid(m)) if m.contains("ngày nghỉ thêm “31/02/2027”")), "{bad_day:?}");
        let bad_from = campaign_form::create(&admin, monday_morning(), &CampaignForm { code: "Q2".to_owned(), received_from: String::new(), ..form.clone() }).await;
        assert!(matches!(&bad_from, Err(Error::Invalid(m)) if m.contains("ngày đầu nhận kết quả")), "{bad_from:?}");
        let no_file = campaign_form::create(&admin, monday_morning(), &CampaignForm { code: "Q2".to_owned(), outcomes_path: "/khong/co/tep.toml".to_owned(), ..form.clone() }).await;
        assert!(matches!(&no_file, Err(Error::Invalid(m)) if m.contains("tệp kết quả cuộc gọi tep.toml")), "{no_file:?}");
        let bad_hours = campaign_form::create(&admin, monday_morning(), &CampaignForm { code: "Q2".to_owned(), hours: "25:00-26:00".to_owned(), ..form.clone() }).await;
        assert!(matches!(bad_hours, Err(Error::Invalid(_))), "{bad_hours:?}");
        assert!(catalogue::campaign_by_code(db.store.as_ref(), "Q2").await.is_err(), "nothing made by a refused form");

        // Only an administrator makes campaigns.
        let boss = supervisor(&db, made.id).await;
        let forbidden = campaign_form::create(&boss, monday_morning(), &CampaignForm { code: "Q3".to_owned(), ..form }).await;
        assert!(matches!(forbidden, Err(Error::Forbidden(_))), "{forbidden:?}");
    }
}

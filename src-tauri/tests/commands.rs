//! The shell against the core: every command the core lists is registered under its name and
//! argument name, nothing else is, real round trips work on a demo SQLite database (the desk, the
//! queue, a supervisor's move and take-back), and a database that cannot be opened turns into an
//! error on every command instead of a crash. Fails as soon as the shell's command list drifts
//! from `khaosat::api::COMMANDS`. The demo runs on a fixed clock, a Monday morning in calling
//! hours, so the tests pass at any hour.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use khaosat::api::{ApiError, App, ErrorKind, COMMANDS};
use khaosat::clock::{FixedClock, SystemClock};
use khaosat::ops::catalogue::{CampaignView, StaffView};
use khaosat::ops::demo::{self, DEMO_CAMPAIGN_CODE};
use khaosat::ops::session::Session;
use khaosat::store::DatabaseLocation;
use khaosat_desktop::{invoke_handler, Shell, REGISTERED_COMMANDS, RETRY_AFTER};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::MockRuntime;
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;
use tempfile::TempDir;

/// Monday 23/11/2026 09:00 in Asia/Ho_Chi_Minh: calling hours, in the demo's fieldwork.
fn monday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
        .single()
        .expect("a valid instant")
}

struct Window {
    // Kept alive for the app's database file.
    _dir: Option<TempDir>,
    /// The demo people's passwords, by login.
    passwords: HashMap<String, String>,
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
}

impl Window {
    fn with_shell(shell: Shell, dir: Option<TempDir>) -> Self {
        let app = mock_builder()
            .manage(shell)
            .invoke_handler(invoke_handler())
            .build(mock_context(noop_assets()))
            .expect("the mock app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("the mock window opens");
        Self {
            _dir: dir,
            passwords: HashMap::new(),
            _app: app,
            webview,
        }
    }

    /// A window over a fresh SQLite database seeded like `khaosat init --demo`, opened the way
    /// the app opens `KHAOSAT_DB`, on a clock fixed on a Monday morning.
    fn demo() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("khaosat.sqlite3");
        let now = monday_morning();
        let seeded = tauri::async_runtime::block_on(async {
            let store = khaosat::store::open(&DatabaseLocation::Sqlite(path.clone()))
                .await
                .expect("the SQLite database opens");
            demo::seed(&Session::administrator(store), now)
                .await
                .expect("the demo seeds")
        });
        let url = format!("sqlite://{}", path.display());
        let shell = Shell::opening(Some(url)).with_clock(Arc::new(FixedClock::new(now)));
        let mut window = Self::with_shell(shell, Some(dir));
        window.passwords = seeded
            .people
            .into_iter()
            .map(|p| (p.login, p.password))
            .collect();
        window
    }

    /// Logs one of the demo people in, as the start screen does.
    fn login(&self, login: &str) -> Value {
        let password = self.passwords.get(login).expect("a demo person");
        self.call(
            "login",
            json!({ "req": { "login": login, "password": password } }),
        )
    }

    fn invoke(&self, cmd: &str, body: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid origin"),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().expect("a JSON response"))
    }

    fn call<T: serde::de::DeserializeOwned>(&self, cmd: &str, body: Value) -> T {
        let value = self
            .invoke(cmd, body)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"));
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{cmd} answered oddly: {e}"))
    }
}

fn is_not_found(cmd: &str, response: &Result<Value, Value>) -> bool {
    matches!(response, Err(Value::String(message)) if *message == format!("Command {cmd} not found"))
}

#[test]
fn the_shell_registers_exactly_the_cores_commands() {
    let core: BTreeSet<&str> = COMMANDS.iter().map(|c| c.name).collect();
    let shell: BTreeSet<&str> = REGISTERED_COMMANDS.iter().copied().collect();
    assert_eq!(
        shell, core,
        "src-tauri's commands differ from khaosat::api::COMMANDS"
    );
    assert_eq!(
        REGISTERED_COMMANDS.len(),
        COMMANDS.len(),
        "a command is listed twice"
    );
}

#[test]
fn every_core_command_answers_under_its_name_and_argument() {
    let window = Window::demo();
    // The check below can tell a missing command apart.
    assert!(is_not_found(
        "no_such_command",
        &window.invoke("no_such_command", json!({}))
    ));
    for command in COMMANDS {
        let name = command.name;
        match command.arg {
            None => {
                window.login("qt.demo");
                let response = window.invoke(name, json!({}));
                assert!(response.is_ok(), "{name}: {response:?}");
            }
            Some((arg, _)) => {
                // The argument under the right name but empty: the command is found, finds its
                // argument, and refuses its content.
                let response = window.invoke(name, json!({ arg: {} }));
                assert!(!is_not_found(name, &response), "{name} is not registered");
                let message = response
                    .expect_err("an empty argument is refused")
                    .to_string();
                assert!(
                    message.contains(&format!("invalid args `{arg}`")),
                    "{name} does not take its argument as `{arg}`: {message}"
                );
            }
        }
    }
}

#[test]
fn an_operator_gets_a_case_of_the_demo_campaign() {
    let window = Window::demo();
    window.login("dtv.lan");
    let campaigns: Vec<CampaignView> = window.call("list_campaigns", json!({}));
    let campaign = campaigns
        .iter()
        .find(|c| c.code == DEMO_CAMPAIGN_CODE)
        .expect("the demo campaign is listed");
    let staff: Vec<StaffView> = window.call("list_staff", json!({}));
    let lan = staff
        .iter()
        .find(|s| s.login == "dtv.lan")
        .expect("operator dtv.lan exists");

    // The case card is sent, never received, so it is read here as JSON.
    let card: Value = window.call("next_case", json!({ "req": { "campaignId": campaign.id } }));
    assert!(card.is_object(), "dtv.lan has a case to call: {card}");
    for field in [
        "respondentName",
        "phone",
        "agencyName",
        "procedure",
        "receivedOn",
    ] {
        let text = card[field].as_str().unwrap_or_default();
        assert!(!text.is_empty(), "the case card has no {field}: {card}");
    }
    assert_eq!(card["lease"]["holder"], json!(lan.id));

    let lease = card["lease"].clone();
    let renewed: Value = window.call("heartbeat", json!({ "lease": lease }));
    assert_eq!(renewed, Value::Null);
    let released: Value = window.call("release_case", json!({ "lease": lease }));
    assert_eq!(released, Value::Null);
}

/// The demo campaign and one of its people, by login.
fn demo_campaign_and(window: &Window, login: &str) -> (CampaignView, StaffView) {
    let campaigns: Vec<CampaignView> = window.call("list_campaigns", json!({}));
    let campaign = campaigns
        .into_iter()
        .find(|c| c.code == DEMO_CAMPAIGN_CODE)
        .expect("the demo campaign is listed");
    let staff: Vec<StaffView> = window.call("list_staff", json!({}));
    let person = staff
        .into_iter()
        .find(|s| s.login == login)
        .unwrap_or_else(|| panic!("{login} exists"));
    (campaign, person)
}

#[test]
fn the_desk_reads_the_campaigns_outcomes_and_the_operators_queue() {
    let window = Window::demo();
    window.login("dtv.lan");
    let (campaign, _) = demo_campaign_and(&window, "dtv.lan");
    let outcomes: Value = window.call(
        "list_outcomes",
        json!({ "req": { "campaignId": campaign.id } }),
    );
    let soft_refusal = outcomes
        .as_array()
        .and_then(|list| list.iter().find(|o| o["code"] == "2.111"))
        .expect("the catalogue has the soft refusal");
    assert_eq!(soft_refusal["noteRequired"], json!(true));
    assert_eq!(soft_refusal["hotkey"], json!("8"));

    let req = json!({ "req": { "campaignId": campaign.id } });
    let queue: Value = window.call("operator_queue", req.clone());
    assert_eq!(queue["callingOpen"], json!(true), "{queue}");
    assert_eq!(queue["slot"], json!("morning"));
    assert_eq!(queue["nextOpen"], Value::Null);
    // The demo gives a third of its 240 cases to each operator and leaves a third in the pool.
    assert_eq!(queue["ownOpen"], json!(80), "{queue}");
    assert_eq!(queue["poolOpen"], json!(80), "{queue}");
    assert_eq!(queue["ready"], json!(160), "{queue}");

    let card: Value = window.call("next_case", req.clone());
    assert!(card.is_object(), "a case in calling hours: {card}");
    let after: Value = window.call("operator_queue", req);
    assert_eq!(
        after["ready"],
        json!(159),
        "the case taken is no longer ready"
    );
}

#[test]
fn a_supervisor_moves_the_pool_and_takes_a_case_back_through_the_window() {
    let window = Window::demo();
    window.login("gsv.hong");
    let (campaign, minh) = demo_campaign_and(&window, "dtv.minh");
    let selection = json!({ "req": {
        "campaignId": campaign.id, "agencyCodes": ["STP"], "statuses": ["new"],
        "callList": { "kind": "pool" }
    } });
    let selected: Value = window.call("select_cases", selection.clone());
    let count = selected.as_array().map_or(0, Vec::len);
    assert!(count > 0, "the pool holds new STP cases: {selected}");

    // An operator may not move cases; the supervisor may. Who is asking is the login.
    window.login("dtv.minh");
    let refused = window
        .invoke(
            "reassign",
            json!({ "req": {
                "campaignId": campaign.id, "cases": selected, "toOperator": minh.id
            } }),
        )
        .expect_err("an operator cannot move cases");
    assert_eq!(refused["kind"], json!("forbidden"), "{refused}");
    window.login("gsv.hong");
    let moved: Value = window.call(
        "reassign",
        json!({ "req": {
            "campaignId": campaign.id, "cases": selected, "toOperator": minh.id
        } }),
    );
    assert_eq!(moved["moved"], json!(count), "{moved}");
    assert_eq!(moved["conflicts"], json!([]));
    assert_eq!(moved["to"], json!("Trần Quốc Minh"));
    // The versions moved on: the same selection again is a conflict, not a second move.
    let again: Value = window.call(
        "reassign",
        json!({ "req": {
            "campaignId": campaign.id, "cases": selected, "toOperator": null
        } }),
    );
    assert_eq!(again["moved"], json!(0), "{again}");
    assert_eq!(again["conflicts"].as_array().map(Vec::len), Some(count));
    let empty: Value = window.call("select_cases", selection);
    assert_eq!(empty, json!([]), "nothing new of STP is left in the pool");

    window.login("dtv.minh");
    let card: Value = window.call("next_case", json!({ "req": { "campaignId": campaign.id } }));
    let case_id = card["lease"]["caseId"].clone();
    window.login("gsv.hong");
    let released: Value = window.call("force_release", json!({ "req": { "caseId": case_id } }));
    assert_eq!(released["heldBy"], json!("Trần Quốc Minh"));
    window.login("dtv.minh");
    let beat = window
        .invoke("heartbeat", json!({ "lease": card["lease"] }))
        .expect_err("the old lease is fenced off");
    assert_eq!(beat["kind"], json!("leaseLost"), "{beat}");

    window.login("gsv.hong");
    let audit: Value = window.call("audit_log", json!({ "req": { "campaignId": campaign.id } }));
    let actions: Vec<&str> = audit
        .as_array()
        .map(|list| list.iter().filter_map(|e| e["action"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(actions.len(), count + 1, "{audit}");
    assert_eq!(actions.last(), Some(&"force_release"));
    assert!(actions[..count].iter().all(|a| *a == "reassign"));
    let trail: Value = window.call(
        "change_trail",
        json!({ "req": { "campaignId": campaign.id, "limit": null } }),
    );
    assert_eq!(
        trail,
        json!({ "kept": false, "lines": [] }),
        "the embedded file keeps none"
    );
}

#[test]
fn a_database_that_cannot_open_is_reported_by_every_command() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let blocked = blocked_location(&dir);
    let error = tauri::async_runtime::block_on(App::open(
        blocked.parse().expect("a SQLite location"),
        Arc::new(SystemClock),
    ))
    .expect_err("the database cannot open");
    assert_eq!(error.kind, ErrorKind::Unavailable);
    let window = Window::with_shell(Shell::opening(Some(blocked)), Some(dir));

    for command in COMMANDS {
        let body = match command.arg {
            None => json!({}),
            Some((arg, ts_type)) => json!({ arg: sample(&ts_type()) }),
        };
        let response = window.invoke(command.name, body);
        let refused: ApiError =
            serde_json::from_value(response.expect_err("no command works without a database"))
                .unwrap_or_else(|e| panic!("{}: not an ApiError: {e}", command.name));
        assert_eq!(refused, error, "{}", command.name);
    }
}

#[test]
fn a_database_that_comes_back_is_opened_on_the_next_try() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let blocked = blocked_location(&dir);
    let window = Window::with_shell(Shell::opening(Some(blocked)), None);
    assert!(window.invoke("list_campaigns", json!({})).is_err());
    // The obstacle goes away (the server is back); the window's next try after the pause works.
    std::fs::remove_file(dir.path().join("not-a-directory")).expect("the file goes");
    assert!(
        window.invoke("list_campaigns", json!({})).is_err(),
        "a failure is remembered for a moment"
    );
    std::thread::sleep(RETRY_AFTER + std::time::Duration::from_millis(100));
    let info: Value = window.call("app_info", json!({}));
    assert_eq!(info["backend"], json!("sqlite"));
    assert_eq!(
        info["session"],
        Value::Null,
        "a new, empty database: nobody logged in"
    );
}

#[test]
fn only_a_login_opens_the_window_and_it_acts_as_that_person() {
    let window = Window::demo();
    let before = window
        .invoke("list_campaigns", json!({}))
        .expect_err("nothing before a login");
    assert_eq!(before["kind"], json!("forbidden"), "{before}");
    let wrong = window
        .invoke(
            "login",
            json!({ "req": { "login": "dtv.lan", "password": "khong-phai-mat-khau" } }),
        )
        .expect_err("a wrong password");
    assert_eq!(wrong["kind"], json!("loginRefused"));
    assert_eq!(
        wrong["message"],
        json!("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khoá.")
    );
    let me = window.login("dtv.lan");
    assert_eq!(me["role"], json!("operator"));
    assert_eq!(me["fullName"], json!("Nguyễn Thị Lan"));
    let info: Value = window.call("app_info", json!({}));
    assert_eq!(info["session"]["login"], json!("dtv.lan"));
    assert_eq!(info["testClock"], json!(true), "the tests' clock is set");
    let (campaign, _) = demo_campaign_and(&window, "dtv.lan");
    let refused = window
        .invoke(
            "campaign_cases",
            json!({ "req": { "campaignId": campaign.id } }),
        )
        .expect_err("an operator sees no supervisor screen");
    assert_eq!(refused["kind"], json!("forbidden"));
    let people = window
        .invoke("list_people", json!({}))
        .expect_err("nor the people");
    assert_eq!(people["kind"], json!("forbidden"));
    let _: Value = window.call("logout", json!({}));
    let after = window
        .invoke("list_campaigns", json!({}))
        .expect_err("logged out");
    assert_eq!(after["kind"], json!("forbidden"));
}

/// A SQLite location under a "directory" that is a file, so the database cannot be created.
fn blocked_location(dir: &TempDir) -> String {
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, b"").expect("a file");
    format!("sqlite://{}", blocker.join("khaosat.sqlite3").display())
}

/// A well-formed argument of each request type, so that the command body itself runs.
fn sample(ts_type: &str) -> Value {
    let id = "0192f0c4-0000-7000-8000-000000000001";
    let lease = json!({
        "caseId": id, "campaignId": id, "holder": id, "epoch": 1,
        "claimedAt": "2026-11-23T02:00:00Z"
    });
    match ts_type {
        "CampaignRequest" => json!({ "campaignId": id }),
        "TrailRequest" => json!({ "campaignId": id, "limit": 20 }),
        "CaseRequest" => json!({ "caseId": id }),
        "NextCaseRequest" => json!({ "campaignId": id }),
        "LoginRequest" => json!({ "login": "dtv.lan", "password": "mat-khau-1022" }),
        "AddPersonRequest" => json!({
            "login": "dtv.moi", "fullName": "Người mới", "role": "operator", "campaigns": [],
            "password": "mat-khau-1022"
        }),
        "PersonActiveRequest" => json!({ "login": "dtv.lan", "active": false }),
        "PersonPasswordRequest" => json!({ "login": "dtv.lan", "password": "mat-khau-1022" }),
        "AssignPersonRequest" => json!({ "login": "dtv.lan", "campaign": "X", "assigned": true }),
        "Lease" => lease,
        "StartInterviewRequest" => json!({ "lease": lease, "interviewId": id }),
        "SaveAnswerRequest" => {
            json!({
                "lease": lease, "interviewId": id, "answerId": id, "questionId": "dong_y",
                "input": "1"
            })
        }
        "RecordOutcomeRequest" => json!({
            "lease": lease, "attemptId": id, "outcome": "3.13", "note": null, "appointmentAt": null,
            "appointmentKind": null
        }),
        "CaseSelection" => json!({
            "campaignId": id, "agencyCodes": [], "statuses": [], "callList": { "kind": "any" }
        }),
        "ReassignRequest" => json!({
            "campaignId": id, "cases": [{ "caseId": id, "version": 1 }], "toOperator": null
        }),
        "ForceReleaseRequest" => json!({ "caseId": id }),
        "ImportFileRequest" => json!({
            "campaignId": id, "path": "/tmp/danh-sach.csv", "sheet": null, "addAgencies": true
        }),
        "AgencyView" => json!({ "code": "SXD", "name": "Sở Xây dựng" }),
        "CallingYearRequest" => json!({ "campaignId": id, "year": 2027 }),
        "DayOffRequest" => json!({ "campaignId": id, "day": "10/02/2027", "closed": true }),
        "CampaignForm" => json!({
            "code": "Q1-2027", "name": "Quý I/2027", "receivedFrom": "01/01/2027",
            "receivedTo": "31/03/2027", "days": "", "hours": "", "closed": "", "onPublicHolidays": false,
            "graceMinutes": null, "maxAttempts": null, "questionnaire": "", "outcomesPath": ""
        }),
        "CalendarRequest" => json!({ "campaignId": id, "from": "2026-11-23", "days": 7 }),
        "SaveRejectsRequest" => json!({
            "path": "/tmp/danh-sach.csv", "sheet": null, "out": "/tmp/tu-choi.csv", "rejections": []
        }),
        "DrawSampleRequest" => json!({
            "campaignId": id, "seed": 2026, "rule": "tiers", "margin": null, "addAgency": null, "addCount": null
        }),
        "IndexRequest" => json!({
            "campaignId": id, "includePartial": false, "byMode": false, "approvedOnly": true
        }),
        "ReviewListRequest" => json!({
            "campaignId": id, "state": "submitted", "agency": null, "operatorId": null,
            "from": "2026-11-23", "to": null
        }),
        "ReviewRequest" => json!({ "interviewId": id }),
        "PauseRequest" => json!({ "campaignId": id, "reason": "Họp" }),
        "ReviewDecision" => json!({ "interviewId": id, "stepId": id, "reason": "Thiếu câu Q5" }),
        "CorrectionRequest" => json!({
            "interviewId": id, "stepId": id, "answerId": id, "questionId": "dong_y", "input": "1",
            "reason": "Nghe lại ghi âm"
        }),
        "RatesRequest" => json!({ "campaignId": id, "by": "agency", "e": null }),
        "OperatorsRequest" => json!({ "campaignId": id, "from": "2026-11-16", "to": null }),
        "ExportRequest" => json!({
            "campaignId": id, "format": "csv", "out": "/tmp/phieu.csv", "withContacts": false
        }),
        "ReportExportRequest" => {
            json!({ "campaignId": id, "report": "sipas", "out": "/tmp/chi-so.xlsx" })
        }
        "RequestListRequest" => json!({ "openOnly": true }),
        "NewRequest" => json!({
            "kind": "withdraw", "phone": "0912345678", "receivedOn": "2026-11-20", "note": ""
        }),
        "RequestIdRequest" => json!({ "id": id }),
        "CloseRequestRequest" => json!({ "id": id, "note": "Đã trả lời qua điện thoại" }),
        "PurgeRequest" => json!({ "campaignId": id, "dryRun": true }),
        other => panic!("add a sample argument of the new request type {other}"),
    }
}

#[test]
fn a_malformed_database_address_is_reported_not_fatal() {
    let window = Window::with_shell(Shell::opening(Some("mysql://db/khaosat".to_owned())), None);
    let refused: ApiError = serde_json::from_value(
        window
            .invoke("app_info", json!({}))
            .expect_err("no app without a database"),
    )
    .expect("an ApiError");
    assert_eq!(refused.kind, ErrorKind::Invalid);
    assert!(refused.message.contains("sqlite://"), "{}", refused.message);
}

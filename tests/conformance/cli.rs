//! The `khaosat` command line, run as a user runs it.

use std::process::Command;

fn khaosat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_khaosat"))
        .args(args)
        .env_remove("KHAOSAT_DB")
        .env_remove("KHAOSAT_AS")
        .output()
        .expect("khaosat runs")
}

#[test]
fn init_demo_creates_the_demo_once() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!(
        "sqlite://{}",
        dir.path().join("nested/khaosat.sqlite3").display()
    );
    let first = khaosat(&["--db", &db, "init", "--demo", "--json"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&first.stdout).expect("one JSON object");
    assert_eq!(json["demo"]["created"], true);
    assert_eq!(json["demo"]["respondents"], 240);
    assert_eq!(json["demo"]["campaign"]["receivedFrom"], "01/10/2026");
    // The demo's people are real accounts; their passwords are shown this once.
    let people = demo_people(&json);
    let logins: Vec<&str> = people.iter().map(|(login, _)| login.as_str()).collect();
    assert_eq!(logins, ["dtv.lan", "dtv.minh", "gsv.hong", "qt.demo"]);
    assert!(
        people.iter().all(|(_, password)| password.len() >= 12),
        "{people:?}"
    );

    let second = khaosat(&["--db", &db, "init", "--demo"]);
    assert!(second.status.success());
    let text = String::from_utf8_lossy(&second.stdout);
    assert!(
        text.contains("Đã có sẵn đợt khảo sát mẫu DEMO-2026-Q4"),
        "{text}"
    );
    for (_, password) in &people {
        assert!(
            !text.contains(password.as_str()),
            "a password is shown once only"
        );
    }
}

/// The demo's people and their passwords, from `init --demo --json`.
fn demo_people(init: &serde_json::Value) -> Vec<(String, String)> {
    init["demo"]["people"]
        .as_array()
        .expect("demo.people")
        .iter()
        .map(|p| {
            let text = |key: &str| {
                p[key]
                    .as_str()
                    .unwrap_or_else(|| panic!("{key}: {p}"))
                    .to_owned()
            };
            (text("login"), text("password"))
        })
        .collect()
}

#[test]
fn a_bad_database_address_is_explained() {
    let out = khaosat(&["--db", "mysql://localhost/x", "init"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sqlite:// hoặc postgres://"), "{err}");
}

#[test]
fn an_unreachable_postgres_is_reported_without_the_password() {
    let out = khaosat(&["--db", "postgres://lan:matkhau@127.0.0.1:9/khaosat", "init"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không kết nối được cơ sở dữ liệu"), "{err}");
    assert!(!err.contains("matkhau"), "{err}");
}

/// `khaosat` at a set instant (`KHAOSAT_NOW`), on a database.
fn at(now: &str, db: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_khaosat"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("KHAOSAT_DB")
        .env_remove("KHAOSAT_AS")
        .env("KHAOSAT_NOW", now)
        .output()
        .expect("khaosat runs")
}

fn json(output: &std::process::Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("one JSON value")
}

#[test]
fn a_script_takes_a_case_records_its_outcome_and_follows_the_calling_hours() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    let monday = "2026-11-23T09:00:00+07:00";
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    // `--as` goes before the subcommand or after it.
    let desk = [
        "--as",
        "dtv.lan",
        "desk",
        "next",
        "--campaign",
        "DEMO-2026-Q4",
    ];

    let card = json(&at(monday, &db, &[&desk[..], &["--json"]].concat()));
    let case = card["lease"]["caseId"]
        .as_str()
        .expect("case id")
        .to_owned();
    let epoch = card["lease"]["epoch"].to_string();
    let stale = (card["lease"]["epoch"].as_i64().expect("epoch") - 1).to_string();

    let refused = at(
        monday,
        &db,
        &[
            "desk", "outcome", "--case", &case, "--code", "3.13", "--epoch", &stale, "--as",
            "dtv.lan",
        ],
    );
    assert!(!refused.status.success(), "a stale epoch is refused");
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains(&case) && !message.contains("panicked"),
        "{message}"
    );
    // Another operator cannot record on Lan's case.
    let by_minh = at(
        monday,
        &db,
        &[
            "--as", "dtv.minh", "desk", "outcome", "--case", &case, "--code", "3.13", "--epoch",
            &epoch,
        ],
    );
    assert!(!by_minh.status.success(), "Minh records under Lan's lease");
    assert!(
        !String::from_utf8_lossy(&by_minh.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&by_minh.stderr)
    );

    let recorded = json(&at(
        monday,
        &db,
        &[
            "--as", "dtv.lan", "desk", "outcome", "--case", &case, "--code", "3.13", "--epoch",
            &epoch, "--json",
        ],
    ));
    assert_eq!(
        recorded["retryAt"], "23/11/2026 13:30",
        "no answer in the morning: the afternoon"
    );

    let night = at("2026-11-23T21:00:00+07:00", &db, &desk);
    assert!(night.status.success());
    assert_eq!(
        String::from_utf8_lossy(&night.stdout).trim(),
        "Ngoài giờ gọi. Giờ gọi tiếp theo: 24/11/2026 07:30"
    );

    let next = json(&at(monday, &db, &[&desk[..], &["--json"]].concat()));
    let other = next["lease"]["caseId"]
        .as_str()
        .expect("case id")
        .to_owned();
    assert_ne!(other, case);
    assert!(at(
        monday,
        &db,
        &["desk", "release", "--case", &other, "--as", "dtv.lan"]
    )
    .status
    .success());
    let gone = at(
        monday,
        &db,
        &["desk", "release", "--case", &other, "--as", "dtv.lan"],
    );
    assert!(!gone.status.success(), "released already");

    // An operator may not move cases; the file's administrator (no --as) manages the
    // database, but moves nobody's cases.
    for (acting, refusal) in [
        (&["--as", "dtv.lan"][..], "chỉ giám sát viên"),
        (&[][..], "--as TÊN_ĐĂNG_NHẬP"),
    ] {
        let args: Vec<&str> = acting
            .iter()
            .copied()
            .chain([
                "cases",
                "move",
                "--campaign",
                "DEMO-2026-Q4",
                "--to",
                "pool",
            ])
            .collect();
        let refused = at(monday, &db, &args);
        assert!(!refused.status.success(), "{acting:?} moved cases");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(said.contains(refusal), "{said}");
    }
    let moved = json(&at(
        monday,
        &db,
        &[
            "cases",
            "move",
            "--campaign",
            "DEMO-2026-Q4",
            "--status",
            "new",
            "--from",
            "dtv.lan",
            "--to",
            "dtv.minh",
            "--as",
            "gsv.hong",
            "--json",
        ],
    ));
    assert_eq!(moved["moved"], moved["selected"]);
    assert!(moved["moved"].as_u64().is_some_and(|n| n > 0));
    let audit = json(&at(
        monday,
        &db,
        &["cases", "audit", "--campaign", "DEMO-2026-Q4", "--json"],
    ));
    assert_eq!(
        audit.as_array().map(Vec::len),
        moved["moved"].as_u64().map(|n| n as usize)
    );
    // The database's own trail is PostgreSQL's: the embedded file says it keeps none.
    let changes = at(
        monday,
        &db,
        &["cases", "audit", "--campaign", "DEMO-2026-Q4", "--changes"],
    );
    assert!(changes.status.success());
    assert!(String::from_utf8_lossy(&changes.stdout).contains("không giữ nhật ký thay đổi"));
    let changes = json(&at(
        monday,
        &db,
        &[
            "cases",
            "audit",
            "--campaign",
            "DEMO-2026-Q4",
            "--changes",
            "--json",
        ],
    ));
    assert_eq!(changes["kept"], false);
}

#[test]
fn who_acts_decides_what_the_command_line_may_do() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    let monday = "2026-11-23T09:00:00+07:00";
    let init = json(&khaosat(&["--db", &db, "init", "--demo", "--json"]));
    assert_eq!(demo_people(&init).len(), 4);
    let refused = |args: &[&str], expected: &str| {
        let out = at(monday, &db, args);
        assert!(!out.status.success(), "{args:?} is refused");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(expected) && !said.contains("panicked"),
            "{args:?}: {said}"
        );
    };
    let rates = ["report", "rates", "--campaign", "DEMO-2026-Q4"];
    refused(
        &[&["--as", "dtv.lan"][..], &rates].concat(),
        "chỉ giám sát viên",
    );
    refused(
        &[
            "--as",
            "gsv.hong",
            "desk",
            "next",
            "--campaign",
            "DEMO-2026-Q4",
        ],
        "chỉ điện thoại viên nhận ca",
    );
    refused(
        &["desk", "next", "--campaign", "DEMO-2026-Q4"],
        "--as TÊN_ĐĂNG_NHẬP",
    );
    refused(
        &[
            "--as",
            "ai.do",
            "desk",
            "next",
            "--campaign",
            "DEMO-2026-Q4",
        ],
        "ai.do",
    );
    // KHAOSAT_AS says the same as --as.
    let by_env = Command::new(env!("CARGO_BIN_EXE_khaosat"))
        .args([
            "--db",
            &db,
            "desk",
            "next",
            "--campaign",
            "DEMO-2026-Q4",
            "--json",
        ])
        .env_remove("KHAOSAT_DB")
        .env("KHAOSAT_AS", "dtv.minh")
        .env("KHAOSAT_NOW", monday)
        .output()
        .expect("khaosat runs");
    assert!(json(&by_env)["lease"]["caseId"].is_string());
    // The supervisor and the administrator read the rates.
    json(&at(
        monday,
        &db,
        &[&["--as", "gsv.hong"][..], &rates, &["--json"]].concat(),
    ));
    json(&at(monday, &db, &[&rates[..], &["--json"]].concat()));
}

#[test]
fn a_questionnaire_file_is_stored_by_content_and_a_changed_one_needs_a_new_version() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    let text = String::from_utf8(khaosat(&["questionnaire", "default"]).stdout).expect("UTF-8");
    let file = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, body).expect("write");
        path.display().to_string()
    };
    let original = file("sipas.toml", &text);
    let first = khaosat(&["--db", &db, "questionnaire", "import", &original]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("đã lưu phiếu “sipas”"));
    let again = khaosat(&["--db", &db, "questionnaire", "import", &original]);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("phiếu đã có sẵn"));

    let reworded = text.replace("khoảng 5 phút", "khoảng 4 phút");
    let edited = file("edited.toml", &reworded);
    let refused = khaosat(&["--db", &db, "questionnaire", "import", &edited]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("phiếu đã sửa phải mang phiên bản mới"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let versioned = file(
        "v2.toml",
        &reworded.replace("version = \"2026.1\"", "version = \"2026.2\""),
    );
    assert!(
        khaosat(&["--db", &db, "questionnaire", "import", &versioned])
            .status
            .success()
    );

    let list =
        String::from_utf8(khaosat(&["--db", &db, "questionnaire", "list"]).stdout).expect("UTF-8");
    assert_eq!(list.lines().count(), 2, "{list}");
    let shown = khaosat(&["--db", &db, "questionnaire", "show", "sipas@2026.2"]);
    let printed = String::from_utf8_lossy(&shown.stdout);
    assert!(printed.contains("khoảng 4 phút"));
    assert!(
        printed.contains("[tiep_can] — thành phần của chỉ số hài lòng"),
        "the index's components are marked"
    );
    assert!(printed.contains("[gioi_thieu]\n"), "other sections are not");
    let prefix = &list.lines().next().expect("a line")[..8];
    let by_hash = khaosat(&["--db", &db, "questionnaire", "show", prefix]);
    assert_eq!(
        by_hash.stdout, shown.stdout,
        "the newest by its first digits"
    );

    let created = khaosat(&[
        "--db",
        &db,
        "campaign",
        "create",
        "--code",
        "Q1",
        "--name",
        "Thử",
        "--received-from",
        "2026-10-01",
        "--received-to",
        "2026-10-31",
        "--questionnaire",
        prefix,
    ]);
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let unknown = khaosat(&[
        "--db",
        &db,
        "campaign",
        "create",
        "--code",
        "Q2",
        "--name",
        "Thử",
        "--received-from",
        "2026-10-01",
        "--received-to",
        "2026-10-31",
        "--questionnaire",
        "sipas@9",
    ]);
    assert!(!unknown.status.success());
}

/// dtv.lan takes her next case of the demo campaign at `now`: the card as JSON.
fn lan_takes_a_case(db: &str, now: &str) -> serde_json::Value {
    json(&at(
        now,
        db,
        &[
            "--as",
            "dtv.lan",
            "desk",
            "next",
            "--campaign",
            "DEMO-2026-Q4",
            "--json",
        ],
    ))
}

#[test]
fn reports_print_as_tables_and_as_json_with_the_calls_a_script_recorded() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    let monday = "2026-11-23T09:00:00+07:00";
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    // Two calls by dtv.lan: a refusal (R) and a number that does not exist (NE).
    for (code, at_time) in [("2.112", monday), ("4.32", "2026-11-23T09:30:00+07:00")] {
        let card = lan_takes_a_case(&db, at_time);
        let case = card["lease"]["caseId"]
            .as_str()
            .expect("case id")
            .to_owned();
        let epoch = card["lease"]["epoch"].to_string();
        json(&at(
            at_time,
            &db,
            &[
                "--as", "dtv.lan", "desk", "outcome", "--case", &case, "--code", code, "--epoch",
                &epoch, "--json",
            ],
        ));
    }
    let report = |args: &[&str]| {
        at(
            "2026-11-23T10:00:00+07:00",
            &db,
            &[&["report"][..], args, &["--campaign", "DEMO-2026-Q4"]].concat(),
        )
    };

    let rates = json(&report(&["rates", "--json"]));
    let counts = &rates["overall"]["counts"];
    assert_eq!(
        (
            counts["R"].as_u64(),
            counts["NE"].as_u64(),
            counts["UH"].as_u64()
        ),
        (Some(1), Some(1), Some(238))
    );
    // e = (I+P+R+NC+O)/(… + NE) = 1/2; REF1 = 1/239 (the NE case is out of every denominator).
    assert_eq!(rates["overall"]["rates"]["e"].as_f64(), Some(0.5));
    let ref1 = rates["overall"]["rates"]["REF1"].as_f64().expect("REF1");
    assert!((ref1 - 1.0 / 239.0).abs() < 1e-12, "{ref1}");
    let table = String::from_utf8_lossy(&report(&["rates", "--by", "agency"]).stdout).into_owned();
    assert!(
        table.contains("TOÀN ĐỢT           240    0    0    1"),
        "{table}"
    );
    assert!(
        table.contains("0,42"),
        "REF1 in percent, two decimals with a comma: {table}"
    );

    let index = json(&report(&["sipas", "--json"]));
    assert!(index["formula"]
        .as_str()
        .is_some_and(|f| f.contains("4 hoặc 5")));
    let agencies = index["agencies"].as_array().expect("agencies");
    assert_eq!(agencies.len(), 4);
    assert_eq!(agencies[0]["n"], 0);
    assert!(
        agencies[0]["index"].is_null(),
        "no interview yet: no index, not 0"
    );
    let criteria = &agencies[0]["components"][0]["criteria"];
    assert_eq!(criteria[0]["criterion"], "tiep_can.thong_tin");
    assert!(index["overall"]["pooled"]["index"].is_null());

    let progress = json(&report(&["progress", "--json"]));
    assert_eq!(progress["total"]["required"], 240);
    assert_eq!(progress["callingDays"], 1);
    let operators = json(&report(&["operators", "--json", "--from", "23/11/2026"]));
    assert_eq!(operators["operators"][0]["operator"], "dtv.lan");
    assert_eq!(operators["operators"][0]["attempts"], 2);
    let bad = report(&["operators", "--from", "31/02/2026"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--from “31/02/2026”"));

    // A paper form for the next person in dtv.lan's queue, imported, counts in the index.
    let card = lan_takes_a_case(&db, monday);
    let dossier = card["dossierCode"]
        .as_str()
        .expect("dossier code")
        .to_owned();
    let agency = card["agencyCode"].as_str().expect("agency code").to_owned();
    let questions = khaosat::domain::survey::Script::sipas().questions();
    let header: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
    let values: Vec<&str> = header
        .iter()
        .map(|id| match *id {
            "da_gop_y" | "gioi_tinh" => "2",
            id if id.starts_with("gop_y.") => "",
            "mong_doi" | "hoc_van" | "nghe_nghiep" | "y_kien" => "",
            "dong_y" | "du_18_tuoi" | "da_nhan_ket_qua" => "1",
            _ => "5",
        })
        .collect();
    let forms = dir.path().join("phieu-giay.csv");
    std::fs::write(
        &forms,
        format!(
            "ma_ho_so,{}\n{dossier},{}\n",
            header.join(","),
            values.join(",")
        ),
    )
    .expect("write forms");
    let imported = json(&at(
        monday,
        &db,
        &[
            "import-interviews",
            "--campaign",
            "DEMO-2026-Q4",
            forms.to_str().expect("path"),
            "--mode",
            "paper",
            "--as",
            "gsv.hong",
            "--json",
        ],
    ));
    assert_eq!(
        (
            imported["imported"].as_u64(),
            imported["rejected"].as_array().map(Vec::len)
        ),
        (Some(1), Some(0))
    );
    let index = json(&report(&["sipas", "--json", "--by", "mode"]));
    let row = index["agencies"]
        .as_array()
        .expect("agencies")
        .iter()
        .find(|a| a["agency"] == agency.as_str())
        .expect("the agency");
    assert_eq!(
        (row["n"].as_u64(), row["index"].as_f64()),
        (Some(1), Some(100.0))
    );
    assert_eq!(index["byMode"][0]["mode"], "paper");

    // The supervisor reviews it: a correction with its reason, then the approval.
    let review =
        |who: &str, args: &[&str]| at(monday, &db, &[&["--as", who, "review"][..], args].concat());
    let queue = json(&review(
        "gsv.hong",
        &["list", "--campaign", "DEMO-2026-Q4", "--json"],
    ));
    assert_eq!(queue.as_array().map(Vec::len), Some(1));
    assert_eq!(queue[0]["state"], "submitted");
    let form = queue[0]["interviewId"]
        .as_str()
        .expect("interview id")
        .to_owned();
    let approved_only = |report: &serde_json::Value| {
        report["agencies"]
            .as_array()
            .expect("agencies")
            .iter()
            .find(|a| a["agency"] == agency.as_str())
            .map(|a| (a["n"].as_u64(), a["index"].as_f64()))
    };
    assert_eq!(
        approved_only(&json(&report(&["sipas", "--json", "--approved-only"]))),
        Some((Some(0), None))
    );
    let refused = review("dtv.lan", &["list", "--campaign", "DEMO-2026-Q4"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("giám sát viên"));
    let no_reason = review("gsv.hong", &["return", &form, "--reason", " "]);
    assert!(String::from_utf8_lossy(&no_reason.stderr).contains("cần ghi lý do"));
    let corrected = review(
        "gsv.hong",
        &[
            "correct",
            &form,
            "--question",
            "thu_tuc.thoi_han",
            "--value",
            "2",
            "--reason",
            "Phiếu giấy ghi 2, nhập nhầm 5",
        ],
    );
    let printed = String::from_utf8_lossy(&corrected.stdout);
    assert!(
        corrected.status.success(),
        "{}",
        String::from_utf8_lossy(&corrected.stderr)
    );
    assert!(
        printed.contains("câu thu_tuc.thoi_han: 5 → 2 — Phiếu giấy ghi 2, nhập nhầm 5"),
        "{printed}"
    );
    assert!(review("gsv.hong", &["approve", &form]).status.success());
    let twice = review("gsv.hong", &["approve", &form]);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("đã được duyệt"));
    let (n, index) =
        approved_only(&json(&report(&["sipas", "--json", "--approved-only"]))).expect("the agency");
    assert_eq!(n, Some(1));
    assert!(
        index.is_some_and(|i| i < 100.0),
        "the corrected 2 counts: {index:?}"
    );
    let approved = json(&review(
        "gsv.hong",
        &[
            "list",
            "--campaign",
            "DEMO-2026-Q4",
            "--state",
            "approved",
            "--json",
        ],
    ));
    assert_eq!(approved[0]["corrections"], 1);

    // Exports: the interviews as CSV, the index as a workbook.
    let export = |out: &std::path::Path, what: &[&str]| {
        let out = out.to_str().expect("path");
        let base = ["export", "--campaign", "DEMO-2026-Q4", "--out", out];
        let done = at(monday, &db, &[&base[..], what].concat());
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
        String::from_utf8_lossy(&done.stdout).into_owned()
    };
    let out = dir.path().join("phieu.csv");
    assert!(export(&out, &["--format", "csv"]).contains("Đã ghi 1 dòng"));
    assert!(std::fs::read_to_string(&out)
        .expect("csv")
        .contains(&dossier));
    let book = dir.path().join("chi-so.xlsx");
    export(&book, &["--report", "sipas", "--format", "xlsx"]);
    assert!(book.exists());
    let csv_report = at(
        monday,
        &db,
        &[
            "export",
            "--campaign",
            "DEMO-2026-Q4",
            "--report",
            "sipas",
            "--format",
            "csv",
            "--out",
            "x.csv",
        ],
    );
    assert!(String::from_utf8_lossy(&csv_report.stderr).contains("báo cáo chỉ xuất ra tệp Excel"));
}

#[test]
fn a_soft_refusal_at_the_attempt_limit_closes_as_a_refusal_through_the_desk_commands() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    let monday = "2026-11-23T09:00:00+07:00";
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    let list = dir.path().join("mot-nguoi.csv");
    std::fs::write(
        &list,
        "Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày nhận kết quả\n\
         GH-1,Lê Văn Một,0912000001,GH-STP,Cấp Phiếu lý lịch tư pháp,15/10/2026\n",
    )
    .expect("list written");
    for step in [
        &[
            "campaign",
            "create",
            "--code",
            "GH-2",
            "--name",
            "Giới hạn 2 lần gọi",
            "--received-from",
            "2026-10-01",
            "--received-to",
            "2026-10-31",
            "--max-attempts",
            "2",
        ][..],
        &["agency", "add", "--code", "GH-STP", "--name", "Sở Tư pháp"],
        &["import", "--campaign", "GH-2", list.to_str().expect("path")],
        &["sample", "--campaign", "GH-2", "--seed", "1"],
        &["staff", "assign", "dtv.lan", "--campaign", "GH-2"],
        &["staff", "assign", "dtv.minh", "--campaign", "GH-2"],
    ] {
        let out = at(monday, &db, step);
        assert!(
            out.status.success(),
            "{step:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let call = |now: &str, operator: &str, code: &str| {
        let card = json(&at(
            now,
            &db,
            &[
                "--as",
                operator,
                "desk",
                "next",
                "--campaign",
                "GH-2",
                "--json",
            ],
        ));
        let case = card["lease"]["caseId"]
            .as_str()
            .expect("case id")
            .to_owned();
        let epoch = card["lease"]["epoch"].to_string();
        json(&at(
            now,
            &db,
            &[
                "--as",
                operator,
                "desk",
                "outcome",
                "--case",
                &case,
                "--code",
                code,
                "--epoch",
                &epoch,
                "--note",
                "không muốn trả lời lúc này",
                "--json",
            ],
        ))
    };
    let refused = call(monday, "dtv.lan", "2.111");
    assert_eq!(refused["finalOutcome"], serde_json::Value::Null);
    assert_eq!(refused["retryAt"], "30/11/2026 09:00", "a week later");
    let last = call("2026-11-30T09:05:00+07:00", "dtv.minh", "3.13");
    assert_eq!(
        last["finalOutcome"], "2.111",
        "a refusal at the limit stays a refusal: {last}"
    );

    let rates = json(&at(
        "2026-11-30T10:00:00+07:00",
        &db,
        &["report", "rates", "--campaign", "GH-2", "--json"],
    ));
    assert_eq!(rates["overall"]["counts"]["R"], 1, "{rates}");
    assert_eq!(rates["overall"]["counts"]["O"], 0, "{rates}");
    assert_eq!(rates["overall"]["rates"]["REF1"], 1.0, "{rates}");

    let listed = khaosat(&["--db", &db, "outcomes", "list", "--campaign", "GH-2"]);
    let text = String::from_utf8_lossy(&listed.stdout);
    assert!(
        text.contains("Hết lượt gọi: ca đóng với kết quả nhiều thông tin nhất")
            && text.contains("2. 2.112 Từ chối dứt khoát; 2.111 Từ chối, có thể thuyết phục lại"),
        "{text}"
    );
}

#[test]
fn a_paused_operator_takes_no_case_until_they_resume() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    let monday = "2026-11-23T09:00:00+07:00";
    let desk = |args: &[&str]| {
        at(
            monday,
            &db,
            &[
                &["--as", "dtv.lan", "desk"][..],
                args,
                &["--campaign", "DEMO-2026-Q4"],
            ]
            .concat(),
        )
    };
    let paused = desk(&["pause", "--reason", "Họp giao ban"]);
    assert!(
        paused.status.success(),
        "{}",
        String::from_utf8_lossy(&paused.stderr)
    );
    assert!(String::from_utf8_lossy(&paused.stdout)
        .contains("Đang tạm nghỉ từ 23/11/2026 09:00: Họp giao ban."));
    let refused = desk(&["next"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("đang tạm nghỉ (“Họp giao ban”)"));
    let resumed = desk(&["resume"]);
    assert!(String::from_utf8_lossy(&resumed.stdout)
        .contains("Tiếp tục làm việc sau 0 phút tạm nghỉ (Họp giao ban)."));
    let card = json(&desk(&["next", "--json"]));
    assert!(card["lease"]["caseId"].is_string(), "{card}");
    let no_reason = desk(&["pause", "--reason", " "]);
    assert!(String::from_utf8_lossy(&no_reason.stderr).contains("lý do"));
}

#[test]
fn a_first_list_adds_its_agencies_with_add_agencies_and_a_name_is_corrected_later() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    let monday = "2026-11-23T09:00:00+07:00";
    let list = dir.path().join("danh-sach.csv");
    std::fs::write(
        &list,
        "Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày nhận kết quả\n\
         XD-1,Lê Văn Một,0912000001,Sở Xây dựng,Cấp giấy phép xây dựng,15/10/2026\n\
         XD-2,Lê Văn Hai,0912000002,SO XAY DUNG,Cấp giấy phép xây dựng,16/10/2026\n",
    )
    .expect("list written");
    let path = list.to_str().expect("path");
    let import = |extra: &[&str]| {
        at(
            monday,
            &db,
            &[
                &["import", "--campaign", "DEMO-2026-Q4", path, "--json"][..],
                extra,
            ]
            .concat(),
        )
    };
    // Without the flag both rows are rejected for their agency.
    let refused = json(&import(&[]));
    assert_eq!(refused["rejected"], 2, "{refused}");
    assert_eq!(refused["agencies_added"], serde_json::json!([]));
    // With it, the agency is added under a code made from its name, and the rows are in.
    let added = json(&import(&["--add-agencies"]));
    assert_eq!(
        (added["accepted"].clone(), added["rejected"].clone()),
        (2.into(), 0.into()),
        "{added}"
    );
    assert_eq!(
        added["agencies_added"],
        serde_json::json!([{ "code": "SXD", "name": "Sở Xây dựng", "rows": 2 }])
    );
    let renamed = at(
        monday,
        &db,
        &[
            "agency",
            "rename",
            "--code",
            "SXD",
            "--name",
            "Sở Xây dựng tỉnh Đồng Tháp",
        ],
    );
    assert!(
        renamed.status.success(),
        "{}",
        String::from_utf8_lossy(&renamed.stderr)
    );
    let listed = json(&at(monday, &db, &["agency", "list", "--json"]));
    assert!(
        listed
            .as_array()
            .expect("a list")
            .iter()
            .any(|a| a["code"] == "SXD" && a["name"] == "Sở Xây dựng tỉnh Đồng Tháp"),
        "{listed}"
    );
    let unknown = at(
        monday,
        &db,
        &["agency", "rename", "--code", "KHONG", "--name", "X"],
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("KHONG"));
}

#[test]
fn a_supervisor_closes_a_day_from_the_command_line() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let db = format!("sqlite://{}", dir.path().join("k.sqlite3").display());
    assert!(khaosat(&["--db", &db, "init", "--demo"]).status.success());
    let monday = "2026-11-23T09:00:00+07:00";
    let closed = at(
        monday,
        &db,
        &[
            "--as",
            "gsv.hong",
            "campaign",
            "day-off",
            "--campaign",
            "DEMO-2026-Q4",
            "--day",
            "24/11/2026",
        ],
    );
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    assert!(String::from_utf8_lossy(&closed.stdout).contains("24/11/2026 nghỉ thêm của đợt"));
    let year = json(&at(
        monday,
        &db,
        &[
            "--as",
            "gsv.hong",
            "campaign",
            "days-off",
            "--campaign",
            "DEMO-2026-Q4",
            "--year",
            "2026",
            "--json",
        ],
    ));
    let days = year["days"].as_array().expect("days");
    assert!(
        days.iter()
            .any(|d| d["date"] == "27/04/2026" && d["kind"] == "inLieu"),
        "{year}"
    );
    assert!(
        days.iter()
            .any(|d| d["date"] == "24/11/2026" && d["kind"] == "closed"),
        "{year}"
    );
    let operator = at(
        monday,
        &db,
        &[
            "--as",
            "dtv.lan",
            "campaign",
            "day-off",
            "--campaign",
            "DEMO-2026-Q4",
            "--day",
            "25/11/2026",
        ],
    );
    assert!(!operator.status.success());
}

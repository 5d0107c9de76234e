//! The `khaosat` command line, run as a user runs it.

use std::process::Command;

fn khaosat(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_khaosat"))
        .args(args)
        .env_remove("KHAOSAT_DB")
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

    let second = khaosat(&["--db", &db, "init", "--demo"]);
    assert!(second.status.success());
    let text = String::from_utf8_lossy(&second.stdout);
    assert!(
        text.contains("Đã có sẵn đợt khảo sát mẫu DEMO-2026-Q4"),
        "{text}"
    );
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

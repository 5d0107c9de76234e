//! Results in and out of files, on both databases: interviews gathered outside the phone
//! imported and checked as an operator's answers are (every bad row rejected with its reason,
//! nothing half-stored, the same file twice changing nothing); the interviews exported as CSV
//! going back in through that import with the same index; the XLSX exports read back with
//! calamine; names and numbers exported only on request, and then audited.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use chrono::Duration;
use khaosat::domain::mode::Mode;
use khaosat::domain::survey::Script;
use khaosat::error::Error;
use khaosat::ops::export::{self, ExportFormat, ExportRequest, ReportExportRequest, ReportKind};
use khaosat::ops::interview_import::{self, InterviewImportReport, InterviewImportRequest};
use khaosat::ops::reports::{self, IndexRequest, RatesRequest};
use khaosat::ops::session::Session;
use khaosat::store::model::Role;
use uuid::Uuid;

use crate::fixtures::campaign_with_agencies;
use crate::reports::fieldwork;
use crate::support::{claim, close, code, monday_morning, on_both_backends};

/// A complete SIPAS form: consent, screener, every criterion 4, no feedback given, overall 4,
/// gender and age; the optional questions left empty. `changes` replaces or adds answers.
fn form(dossier: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut answers: Vec<(String, String)> = Script::sipas()
        .questions()
        .iter()
        .map(|q| {
            let id = q.id.as_str();
            let value = match id {
                "dong_y" | "du_18_tuoi" | "da_nhan_ket_qua" => "1",
                "da_gop_y" => "2",
                "gioi_tinh" => "2",
                "nhom_tuoi" => "3",
                _ if id.contains('.') && !id.starts_with("gop_y.") => "4",
                "hai_long_chung" => "4",
                _ => "",
            };
            (id.to_owned(), value.to_owned())
        })
        .collect();
    for (id, value) in changes {
        if let Some(slot) = answers.iter_mut().find(|(q, _)| q == id) {
            slot.1 = (*value).to_owned();
        }
    }
    answers.insert(0, ("ma_ho_so".to_owned(), dossier.to_owned()));
    answers
}

fn write_forms(path: &Path, forms: &[Vec<(String, String)>]) {
    let mut csv = csv::Writer::from_path(path).expect("csv");
    csv.write_record(forms[0].iter().map(|(id, _)| id))
        .expect("header");
    for f in forms {
        csv.write_record(f.iter().map(|(_, v)| v)).expect("row");
    }
    csv.flush().expect("flush");
}

/// The session's person imports the file: the interviews are recorded in their name.
async fn import(
    by: &Session,
    campaign: Uuid,
    file: &Path,
    mode: Mode,
) -> Result<InterviewImportReport, Error> {
    let request = InterviewImportRequest {
        campaign_id: campaign,
        file: file.to_owned(),
        sheet: None,
        mode,
    };
    interview_import::import(by, monday_morning(), &request).await
}

on_both_backends! {
    async fn paper_forms_are_checked_like_an_operators_answers_and_imported_once(db: TestDb) {
        let store = &*db.store;
        let now = monday_morning();
        let f = campaign_with_agencies(&db, now, &[4, 2], 1, 5).await;
        let by = &crate::scheduler::supervisor(&db, f.campaign).await;
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("phieu-giay.csv");
        write_forms(&file, &[
            form("HS-00000", &[("thu_tuc.thoi_han", "2")]),
            form("HS-00001", &[("tiep_can.tru_so", "7")]),
            form("HS-99999", &[]),
            form("HS-00002", &[("hai_long_chung", "")]),
            form("HS-00004", &[("gop_y.kenh", "5")]),
            form("HS-00000", &[]),
            form("HS-00005", &[("ket_qua.cong_bang", "0"), ("mong_doi", "1,3"), ("y_kien", "Nên có chỗ gửi xe.")]),
            form("HS-00003", &[("dong_y", "2")]),
        ]);

        let report = import(by, f.campaign, &file, Mode::Paper).await.expect("import");
        assert_eq!((report.rows, report.imported, report.unchanged), (8, 2, 0));
        let rejected: Vec<(usize, Option<&str>, &str)> = report
            .rejected
            .iter()
            .map(|r| (r.row, r.column.as_deref(), r.reason.as_str()))
            .collect();
        assert_eq!(rejected.len(), 6, "{rejected:?}");
        assert_eq!(rejected[0].0, 3);
        assert_eq!(rejected[0].1, Some("tiep_can.tru_so"));
        assert!(rejected[0].2.contains('7'), "{rejected:?}");
        assert_eq!((rejected[1].0, rejected[1].1), (4, Some("ma_ho_so")));
        assert!(rejected[1].2.starts_with("mã hồ sơ không có trong danh sách của đợt"));
        assert_eq!((rejected[2].0, rejected[2].1), (5, Some("hai_long_chung")));
        assert!(rejected[2].2.starts_with("phiếu chưa hoàn thành"));
        assert_eq!((rejected[3].0, rejected[3].1), (6, Some("gop_y.kenh")));
        assert!(rejected[3].2.contains("không được hỏi"));
        assert_eq!((rejected[4].0, rejected[4].2), (7, "mã hồ sơ trùng với dòng 2"));
        assert_eq!((rejected[5].0, rejected[5].1), (9, Some("dong_y")));
        assert!(rejected[5].2.contains("không phải phiếu hoàn thành"));

        // The same file again: the two stored before are left as they are.
        let again = import(by, f.campaign, &file, Mode::Paper).await.expect("again");
        assert_eq!((again.imported, again.unchanged, again.rejected.len()), (0, 2, 6));
        // The same people on another channel are not a second interview.
        let kiosk = import(by, f.campaign, &file, Mode::Kiosk).await.expect("kiosk");
        assert_eq!(kiosk.imported, 0);
        assert!(kiosk.rejected.iter().any(|r| r.row == 2 && r.reason == "người này đã có phiếu (phiếu giấy)"));

        // They count in the index, by mode too.
        let index = reports::sipas_index(by, &IndexRequest { campaign_id: f.campaign, include_partial: false, by_mode: true, approved_only: false })
            .await
            .expect("index");
        assert_eq!((index.agencies[0].n, index.agencies[1].n), (1, 1));
        let thoi_han = &index.agencies[0].components[1].criteria[3];
        assert_eq!((thoi_han.criterion.as_str(), thoi_han.n, thoi_han.satisfied), ("thu_tuc.thoi_han", 1, 0));
        assert_eq!(index.by_mode.iter().map(|m| m.mode).collect::<Vec<_>>(), [Mode::Paper]);
        // B's "không ý kiến" on cong_bang is not a valid answer.
        assert_eq!(index.agencies[1].components[3].criteria[2].n, 0);

        // Nobody phones a person who has answered on paper; the phone's rates leave them out.
        let cases = store.campaign_cases(f.campaign).await.expect("cases");
        let answered: Vec<_> = cases.iter().filter(|c| ["HS-00000", "HS-00005"].contains(&c.dossier_code.as_str())).collect();
        assert!(answered.iter().all(|c| c.progress.final_outcome == Some(code("1.1"))));
        let rates = reports::rates(by, &RatesRequest { campaign_id: f.campaign, by: None, e: None }).await.expect("rates");
        assert_eq!((rates.overall.cases, rates.overall.counts.I), (4, 0));
        for k in 0..4 {
            let card = claim(&f.desks[0], now + Duration::minutes(k), f.campaign).await.expect("a case");
            assert!(!["HS-00000", "HS-00005"].contains(&card.dossier_code.as_str()));
            khaosat::ops::desk::release(&f.desks[0], &card.lease).await.expect("release");
        }

        // A phone interview is not imported; a column that is no question refuses the file.
        let phone = import(by, f.campaign, &file, Mode::Phone).await;
        assert!(phone.expect_err("phone").to_string().contains("dùng paper, kiosk hoặc web"));
        let typo = dir.path().join("sai-cot.csv");
        std::fs::write(&typo, "ma_ho_so,tiep_can.thong_tinn\nHS-00001,4\n").expect("write");
        let refused = import(by, f.campaign, &typo, Mode::Paper).await.expect_err("typo");
        assert!(refused.to_string().contains("cột 2: “tiep_can.thong_tinn” không phải mã câu hỏi"), "{refused}");
        let after = reports::sipas_index(by, &IndexRequest { campaign_id: f.campaign, include_partial: false, by_mode: false, approved_only: false })
            .await
            .expect("index after");
        assert_eq!(after.overall.pooled.n, 2, "nothing more was stored");
    }
}

/// The rows of a sheet as text.
fn sheet_rows(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut workbook = open_workbook_auto(path).expect("the workbook opens");
    let range = workbook
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

on_both_backends! {
    async fn an_export_goes_back_in_through_the_import_and_opens_in_excel(db: TestDb) {
        let store = &*db.store;
        let f = fieldwork(&db).await;
        // A campaign with the same dossiers, for the round trip below.
        let twin = campaign_with_agencies(&db, monday_morning(), &[4, 2], 1, 5).await;
        let tag = &Uuid::new_v4().simple().to_string()[..8];
        let by = &db.add_person(&format!("gsv.{tag}"), Role::Supervisor, &[f.campaign, twin.campaign]).await;
        let by_id = by.person().expect("the supervisor").id;
        let dir = tempfile::tempdir().expect("dir");

        // CSV: a BOM, the ids, the labels, then one row per finished interview.
        let csv_path = dir.path().join("phieu.csv");
        let written = export::export_interviews(by, monday_morning(), &ExportRequest {
            campaign_id: f.campaign,
            format: ExportFormat::Csv,
            out: csv_path.clone(),
            with_contacts: false, replace: false,
        })
        .await
        .expect("csv export");
        assert_eq!(written.rows, 4, "A1, A2, A3 (partial) and B1; the refusal was no interview");
        let text = std::fs::read_to_string(&csv_path).expect("read");
        assert!(text.starts_with('\u{feff}'), "UTF-8 with a BOM");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("\u{feff}ma_ho_so,co_quan,ten_co_quan,thu_tuc,cach_thu_thap"));
        assert!(lines[1].starts_with("Mã hồ sơ,Mã cơ quan,Cơ quan,Thủ tục,Cách thu thập"));
        assert!(!text.contains("Người dân"), "no names without --with-contacts");
        assert!(!text.contains("0912"), "no numbers without --with-contacts");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&csv_path).expect("the file").permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "readable by its owner only: {mode:o}");
        }
        // The file is there now: replaced only when the person confirms.
        let again = ExportRequest { campaign_id: f.campaign, format: ExportFormat::Csv, out: csv_path.clone(), with_contacts: false, replace: false };
        let refused = export::export_interviews(by, monday_morning(), &again).await;
        assert!(matches!(&refused, Err(khaosat::Error::Conflict(m)) if m.contains("đã có")), "{refused:?}");
        export::export_interviews(by, monday_morning(), &ExportRequest { replace: true, ..again }).await.expect("replaced when confirmed");

        // Into a campaign with the same dossiers, gathered online: the partial one is refused,
        // and the index comes out the same as the phone's.
        let back = import(by, twin.campaign, &csv_path, Mode::Web).await.expect("round trip");
        assert_eq!((back.rows, back.imported, back.rejected.len()), (4, 3, 1), "{:?}", back.rejected);
        assert!(back.rejected[0].reason.starts_with("phiếu chưa hoàn thành"));
        let request = |campaign_id| IndexRequest { campaign_id, include_partial: false, by_mode: false, approved_only: false };
        let phone = reports::sipas_index(by, &request(f.campaign)).await.expect("phone index");
        let web = reports::sipas_index(by, &request(twin.campaign)).await.expect("web index");
        for (p, w) in phone.agencies.iter().zip(&web.agencies) {
            assert_eq!((p.n, p.index, p.mean), (w.n, w.index, w.mean));
            assert_eq!(p.components, w.components);
        }
        assert_eq!(phone.overall.pooled.index, web.overall.pooled.index);

        // XLSX with contacts: read back with calamine, and the export is in the audit.
        let xlsx_path = dir.path().join("phieu.xlsx");
        export::export_interviews(by, monday_morning(), &ExportRequest {
            campaign_id: f.campaign,
            format: ExportFormat::Xlsx,
            out: xlsx_path.clone(),
            with_contacts: true, replace: false,
        })
        .await
        .expect("xlsx export");
        let rows = sheet_rows(&xlsx_path, "Phiếu");
        assert_eq!(rows.len(), 5, "the header and four interviews");
        let col = |id: &str| rows[0].iter().position(|h| h == id).unwrap_or_else(|| panic!("column {id}"));
        assert!(rows[1][col("ho_ten")].starts_with("Người dân "));
        assert!(rows[1][col("so_dien_thoai")].starts_with("0912"));
        let scores: Vec<&str> = rows[1..].iter().map(|r| r[col("thu_tuc.thoi_han")].as_str()).collect();
        let mut sorted = scores.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, ["0", "1", "2", "4"], "A1 2, A2 1, A3 4, B1 0 (không ý kiến)");
        let labels = sheet_rows(&xlsx_path, "Nhãn");
        assert!(labels.iter().any(|r| r[0] == "tiep_can.thong_tin" && r[1].contains("thông tin")));
        assert!(labels.iter().any(|r| r[2] == "0" && r[3] == "Không ý kiến"));
        let audit = store.audit_log(f.campaign).await.expect("audit");
        let entry = audit.iter().find(|e| e.action == "export_contacts").expect("audited");
        assert_eq!(entry.actor, by_id);
        assert!(entry.after.as_deref().is_some_and(|a| a.starts_with("4 phiếu kèm họ tên và số điện thoại, tệp phieu.xlsx")));

        // The index as a workbook: the figures the report gives.
        let book = dir.path().join("chi-so.xlsx");
        export::export_report(by, monday_morning(), &ReportExportRequest { campaign_id: f.campaign, replace: false, report: ReportKind::Sipas, out: book.clone() })
            .await
            .expect("report export");
        let sheet = sheet_rows(&book, "Chỉ số");
        assert_eq!(sheet[1][0], f.agencies[0].code);
        let written: f64 = sheet[1][3].parse().expect("a number");
        close(phone.agencies[0].index, written, "agency A's index in the workbook");
        assert_eq!(sheet[2][3], "", "B has no index: an empty cell, not 0");
        for kind in [ReportKind::Rates, ReportKind::Progress] {
            let out = dir.path().join("bao-cao.xlsx");
            export::export_report(by, monday_morning(), &ReportExportRequest { campaign_id: f.campaign, report: kind, out: out.clone(), replace: true })
                .await
                .expect("report");
            assert!(open_workbook_auto(&out).is_ok());
        }
        // A file that cannot be written leaves nothing behind.
        let nowhere = dir.path().join("khong-co/phieu.csv");
        let failed = export::export_interviews(by, monday_morning(), &ExportRequest {
            campaign_id: f.campaign,
            format: ExportFormat::Csv,
            out: nowhere.clone(),
            with_contacts: false, replace: false,
        })
        .await;
        let said = failed.expect_err("no folder").to_string();
        assert_eq!(said, format!("không ghi được tệp {}: thư mục chứa tệp không tồn tại", nowhere.display()));
        assert!(!nowhere.exists());
        // The name says the format; names and numbers are a supervisor's to take out.
        let wrong = export::export_interviews(by, monday_morning(), &ExportRequest {
            campaign_id: f.campaign,
            format: ExportFormat::Xlsx,
            out: dir.path().join("phieu.csv"),
            with_contacts: false, replace: false,
        })
        .await;
        assert!(wrong.expect_err("xlsx into .csv").to_string().contains("phải có đuôi .xlsx"));
        let contacts = ExportRequest {
            campaign_id: f.campaign,
            format: ExportFormat::Csv,
            out: dir.path().join("lien-lac.csv"),
            with_contacts: true, replace: false,
        };
        let by_operator = export::export_interviews(&f.desks[0], monday_morning(), &contacts).await;
        assert!(matches!(&by_operator, Err(Error::Forbidden(m)) if m.contains("chỉ giám sát viên")), "{by_operator:?}");
        // The database's administrator may export the answers, but names and numbers leave
        // only on a person's audited request.
        let by_admin = export::export_interviews(&db.admin(), monday_morning(), &contacts).await;
        assert!(matches!(by_admin, Err(Error::Forbidden(_))), "{by_admin:?}");
        assert!(!dir.path().join("lien-lac.csv").exists());
        let exports = store.audit_log(f.campaign).await.expect("audit");
        assert_eq!(exports.iter().filter(|e| e.action == "export_contacts").count(), 1, "only the supervisor's export");
        // Nor does an operator import forms.
        let by_operator = import(&f.desks[0], twin.campaign, &csv_path, Mode::Paper).await;
        assert!(matches!(by_operator, Err(Error::Forbidden(_))), "{by_operator:?}");
    }
}

//! The reader on files written by the tests: CSV variants as Excel and dossier systems produce
//! them, XLSX written with rust_xlsxwriter, and every kind of malformed file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

use super::*;

const HEADER: &str = "Mã hồ sơ,Họ tên,Số điện thoại,Cơ quan,Thủ tục,Ngày trả kết quả";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn read_csv(text: &str) -> Table {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "danh-sach.csv", text.as_bytes());
    read_table(&path, None).unwrap_or_else(|e| panic!("{e}"))
}

fn texts(cells: &[Cell]) -> Vec<String> {
    cells
        .iter()
        .map(|cell| cell.as_text().into_owned())
        .collect()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn csv_variants_read_alike() {
    let expected_row = [
        "HS-01",
        "Nguyễn Văn An",
        "0912345678",
        "UBND xã Tân Lập",
        "Đăng ký khai sinh",
        "15/10/2026",
    ];
    let body = "HS-01,Nguyễn Văn An,0912345678,UBND xã Tân Lập,Đăng ký khai sinh,15/10/2026";
    let variants = [
        ("plain LF", format!("{HEADER}\n{body}\n")),
        ("BOM and CRLF", format!("\u{feff}{HEADER}\r\n{body}\r\n")),
        ("no final newline", format!("{HEADER}\n{body}")),
        (
            "semicolons",
            format!("{}\n{}\n", HEADER.replace(',', ";"), body.replace(',', ";")),
        ),
        ("tabs", format!("{}\n{}\n", HEADER.replace(',', "\t"), body.replace(',', "\t"))),
        (
            "quoted and padded",
            format!(
                "{HEADER}\n\"HS-01\" ,\" Nguyễn Văn An \",0912345678,\"UBND xã Tân Lập\",Đăng ký khai sinh,15/10/2026\n"
            ),
        ),
        ("old Mac line ends", format!("{HEADER}\r{body}\r")),
        (
            "Excel's separator line",
            format!("sep=;\r\n{}\r\n{}\r\n", HEADER.replace(',', ";"), body.replace(',', ";")),
        ),
    ];
    for (name, text) in variants {
        let table = read_csv(&text);
        assert_eq!(table.file, "danh-sach.csv", "{name}");
        assert_eq!(table.sheet, None, "{name}");
        assert_eq!(table.headers[0], "Mã hồ sơ", "{name}");
        assert_eq!(table.headers.len(), 6, "{name}");
        assert_eq!(table.rows.len(), 1, "{name}");
        assert_eq!(texts(&table.rows[0]), expected_row, "{name}");
    }
}

#[test]
fn quoted_separators_and_line_breaks_stay_in_their_cell_and_rows_keep_excel_numbers() {
    let text = "Mã hồ sơ;Họ tên;Thủ tục;Ghi chú\r\n\
                HS-01;\"Trần; Thị Bình\";\"Cấp phép \"\"xây dựng\"\"\";\"dòng một\r\ndòng hai\"\r\n\
                HS-02;Lê Văn Cường;Khai sinh;\r\n\
                \r\n\
                ;;;\r\n\
                HS-03;Phạm Thị Dung;Khai tử;\"a\nb\nc\"\r\n\
                HS-04;Vũ Văn Em\r\n\
                \r\n\
                ;;;\r\n";
    let table = read_csv(text);
    assert_eq!(table.headers, ["Mã hồ sơ", "Họ tên", "Thủ tục", "Ghi chú"]);
    let records: Vec<(usize, Vec<String>)> = table
        .records()
        .map(|(row, cells)| (row, texts(cells)))
        .collect();
    assert_eq!(
        records,
        [
            (
                2,
                vec![
                    "HS-01".into(),
                    "Trần; Thị Bình".into(),
                    "Cấp phép \"xây dựng\"".into(),
                    "dòng một\r\ndòng hai".into()
                ]
            ),
            (
                3,
                vec![
                    "HS-02".into(),
                    "Lê Văn Cường".into(),
                    "Khai sinh".into(),
                    "".into()
                ]
            ),
            (
                6,
                vec![
                    "HS-03".into(),
                    "Phạm Thị Dung".into(),
                    "Khai tử".into(),
                    "a\nb\nc".into()
                ]
            ),
            // a short row is padded to the header's length
            (
                7,
                vec!["HS-04".into(), "Vũ Văn Em".into(), "".into(), "".into()]
            ),
        ]
    );
    // rows[i] is row i + 2; blank rows inside are kept empty, trailing ones dropped
    assert_eq!(table.rows.len(), 6);
    assert!(table.rows[2].is_empty() && table.rows[3].is_empty());
    assert_eq!(table.record_count(), 4);
    assert_eq!(table.rows[5][3], Cell::Empty);
}

#[test]
fn long_rows_duplicate_and_blank_headers_are_kept_for_the_rules_to_judge() {
    let table = read_csv("Họ tên,,Họ tên, SĐT \nAn,x,Bình,0912345678,extra,more\n");
    assert_eq!(table.headers, ["Họ tên", "", "Họ tên", "SĐT"]);
    assert_eq!(table.rows[0].len(), 6);
    assert_eq!(table.rows[0][5], Cell::Text("more".into()));
}

#[test]
fn a_header_only_file_is_a_table_without_rows() {
    for text in [
        HEADER.to_owned(),
        format!("{HEADER}\r\n"),
        format!("{HEADER}\n\n,,,\n"),
    ] {
        let table = read_csv(&text);
        assert_eq!(table.headers.len(), 6);
        assert!(table.rows.is_empty(), "{text:?}");
    }
}

#[test]
fn csv_cells_are_text_even_when_they_look_like_numbers() {
    let table = read_csv("SĐT,Năm sinh\n0912345678,1985\n");
    assert_eq!(
        table.rows[0],
        [Cell::Text("0912345678".into()), Cell::Text("1985".into())]
    );
}

fn expect_error(name: &str, bytes: &[u8]) -> SheetError {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), name, bytes);
    read_table(&path, None).expect_err(name)
}

#[test]
fn malformed_csv_files_give_a_vietnamese_reason_naming_the_file() {
    // "Họ tên" in Windows-1258: H, o + combining dot below (0xF2), space, t, ê (0xEA), n
    let windows_1258 = b"M\xE3 h\xF4 s\xF5,H\xF2o t\xEAn\r\nHS-01,Nguy\xEA\xDEn\r\n".to_vec();
    let utf16_le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(HEADER.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(HEADER.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let utf16_no_bom: Vec<u8> = "Ma,Ten\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut late_junk = format!("{HEADER}\nHS-01,An\nHS-02,B").into_bytes();
    late_junk.extend_from_slice(b"\xECnh\n");
    let utf8_hint = "không phải UTF-8";
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("trong.csv", Vec::new(), "tệp “trong.csv” trống".into()),
        ("trong.csv", b"\xEF\xBB\xBF".to_vec(), "tệp “trong.csv” trống".into()),
        ("trong.csv", b" \r\n\r\n  \n".to_vec(), "tệp “trong.csv” trống".into()),
        (
            "cu.csv",
            windows_1258,
            "tệp “cu.csv” không phải UTF-8 (từ dòng 1): hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”"
                .into(),
        ),
        (
            "cu.csv",
            late_junk,
            "tệp “cu.csv” không phải UTF-8 (từ dòng 3): hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”"
                .into(),
        ),
        (
            "u16.csv",
            utf16_le,
            "tệp “u16.csv” không phải UTF-8: hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”".into(),
        ),
        ("u16.csv", utf16_be, utf8_hint.into()),
        ("u16.csv", utf16_no_bom, utf8_hint.into()),
        (
            "danh-sach.pdf",
            b"%PDF-1.7".to_vec(),
            "chỉ nhận tệp .csv hoặc .xlsx: tệp “danh-sach.pdf” không phải tệp CSV hay XLSX".into(),
        ),
        ("khong-duoi", b"a,b".to_vec(), "chỉ nhận tệp .csv hoặc .xlsx".into()),
        (
            "ngoac.csv",
            format!("{HEADER}\nHS-01,An,0912345678\nHS-02,\"Bình,0912345679\nHS-03,Cường\n")
                .into_bytes(),
            "tệp “ngoac.csv” có dấu ngoặc kép (\") mở ở dòng 3 mà không đóng".into(),
        ),
    ];
    for (name, bytes, expected) in cases {
        let message = expect_error(name, &bytes).to_string();
        assert!(message.contains(&expected), "{name}: {message}");
        assert!(message.contains(name), "{name}: {message}");
    }
}

#[test]
fn a_missing_file_and_an_uppercase_extension() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = read_table(&dir.path().join("khong-co.csv"), None).expect_err("missing");
    assert_eq!(missing.to_string(), "không tìm thấy tệp “khong-co.csv”");
    let path = write(
        dir.path(),
        "DANH-SACH.CSV",
        format!("{HEADER}\n").as_bytes(),
    );
    assert!(read_table(&path, None).is_ok());
}

/// A workbook as a dossier system exports it, and as a supervisor edits it in Excel.
fn workbook_bytes() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách").expect("name");
    for (column, header) in HEADER.split(',').chain(["Năm sinh", "Ghi chú"]).enumerate() {
        sheet
            .write_string(0, column as u16, header)
            .expect("header");
    }
    // row 2: phone typed as a number, date-formatted cell, birth year as a number
    sheet.write_string(1, 0, "HS-01").expect("cell");
    sheet.write_string(1, 1, " Nguyễn Văn An ").expect("cell");
    sheet.write_number(1, 2, 912345678.0).expect("cell");
    sheet.write_string(1, 3, "UBND xã Tân Lập").expect("cell");
    sheet.write_string(1, 4, "Đăng ký khai sinh").expect("cell");
    let day = ExcelDateTime::from_ymd(2026, 10, 15).expect("date");
    sheet
        .write_datetime_with_format(1, 5, &day, &date)
        .expect("cell");
    sheet.write_number(1, 6, 1985.0).expect("cell");
    sheet.write_boolean(1, 7, true).expect("cell");
    // row 3 blank, row 4: a date typed as text, an error, cells left out
    sheet.write_string(3, 0, "HS-02").expect("cell");
    sheet.write_string(3, 5, "16/10/2026").expect("cell");
    sheet
        .write_formula(3, 7, Formula::new("=NA()").set_result("#N/A"))
        .expect("cell");
    // row 5: only blanks and whitespace: dropped as trailing
    sheet.write_string(4, 1, "   ").expect("cell");
    let second = workbook.add_worksheet();
    second.set_name("Đợt 2").expect("name");
    second.write_string(0, 0, "Mã hồ sơ").expect("cell");
    second.write_string(1, 0, "HS-99").expect("cell");
    workbook.save_to_buffer().expect("xlsx")
}

#[test]
fn xlsx_first_sheet_with_numbers_dates_and_gaps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "danh-sach.xlsx", &workbook_bytes());
    let table = read_table(&path, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(table.file, "danh-sach.xlsx");
    assert_eq!(table.sheet.as_deref(), Some("Danh sách"));
    assert_eq!(table.headers.len(), 8);
    assert_eq!(table.headers[6], "Năm sinh");
    assert_eq!(
        table.rows[0],
        [
            Cell::Text("HS-01".into()),
            Cell::Text("Nguyễn Văn An".into()),
            Cell::Number(912345678.0),
            Cell::Text("UBND xã Tân Lập".into()),
            Cell::Text("Đăng ký khai sinh".into()),
            Cell::Date(ymd(2026, 10, 15)),
            Cell::Number(1985.0),
            Cell::Text("TRUE".into()),
        ]
    );
    assert_eq!(
        table.rows.len(),
        3,
        "blank row 3 kept, trailing row 5 dropped"
    );
    assert!(table.rows[1].is_empty());
    assert_eq!(
        texts(&table.rows[2]),
        ["HS-02", "", "", "", "", "16/10/2026", "", "#N/A"]
    );
    let numbers: Vec<usize> = table.records().map(|(row, _)| row).collect();
    assert_eq!(numbers, [2, 4]);
}

#[test]
fn xlsx_named_sheet_exactly_or_folded_and_a_missing_sheet_lists_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "hai-trang.xlsx", &workbook_bytes());
    for wanted in ["Đợt 2", "dot 2", "ĐỢT 2"] {
        let table = read_table(&path, Some(wanted)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.sheet.as_deref(), Some("Đợt 2"));
        assert_eq!(table.headers, ["Mã hồ sơ"]);
        assert_eq!(table.rows, [vec![Cell::Text("HS-99".into())]]);
    }
    let error = read_table(&path, Some("Tháng 10")).expect_err("no such sheet");
    assert_eq!(
        error.to_string(),
        "tệp “hai-trang.xlsx” không có trang tính “Tháng 10”; các trang tính trong tệp: \
         “Danh sách”, “Đợt 2”"
    );
    assert_eq!(
        sheet_names(&path).expect("names"),
        ["Danh sách".to_owned(), "Đợt 2".to_owned()]
    );
}

#[test]
fn xlsx_hidden_first_sheet_is_passed_over() {
    let mut workbook = Workbook::new();
    let hidden = workbook.add_worksheet();
    hidden.set_name("Ẩn").expect("name");
    hidden.write_string(0, 0, "cũ").expect("cell");
    hidden.set_hidden(true);
    let shown = workbook.add_worksheet();
    shown.set_name("Hiện").expect("name");
    shown.write_string(0, 0, "Mã hồ sơ").expect("cell");
    shown.set_active(true);
    let bytes = workbook.save_to_buffer().expect("xlsx");
    let table = read_bytes("an.xlsx", bytes, None).expect("readable");
    assert_eq!(table.sheet.as_deref(), Some("Hiện"));
}

#[test]
fn a_workbook_named_csv_is_read_as_a_workbook() {
    let table = read_bytes("nham-duoi.csv", workbook_bytes(), None).expect("readable");
    assert_eq!(table.sheet.as_deref(), Some("Danh sách"));
}

#[test]
fn a_header_only_workbook_is_a_table_without_rows() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Mã hồ sơ").expect("cell");
    sheet.write_string(0, 2, "SĐT").expect("cell");
    let table = read_bytes(
        "chi-tieu-de.xlsx",
        workbook.save_to_buffer().expect("xlsx"),
        None,
    )
    .expect("readable");
    assert_eq!(table.headers, ["Mã hồ sơ", "", "SĐT"]);
    assert!(table.rows.is_empty());
}

#[test]
fn malformed_workbooks_give_a_vietnamese_reason_naming_the_file() {
    let real = workbook_bytes();
    let invalid = "không đọc được tệp “hong.xlsx”: không phải tệp XLSX hợp lệ (có thể bị hỏng \
                   hoặc tải về chưa xong)";
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    let mut junk = Vec::with_capacity(4096);
    let mut state: u32 = 7;
    for _ in 0..4096 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        junk.push((state >> 16) as u8);
    }
    let mut zip_junk = b"PK\x03\x04".to_vec();
    zip_junk.extend_from_slice(&junk);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("hong.xlsx", real[..2048].to_vec(), invalid),
        ("hong.xlsx", real[..real.len() - 10].to_vec(), invalid),
        ("hong.xlsx", junk, invalid),
        ("hong.xlsx", zip_junk, invalid),
        ("hong.xlsx", HEADER.as_bytes().to_vec(), invalid),
        ("trong.xlsx", Vec::new(), "tệp “trong.xlsx” trống"),
        (
            "cu.xlsx",
            cfb,
            "tệp “cu.xlsx” là tệp Excel cũ (.xls) hoặc có đặt mật khẩu",
        ),
    ];
    for (name, bytes, expected) in cases {
        let message = expect_error(name, &bytes).to_string();
        assert!(message.starts_with(expected), "{name}: {message}");
    }
    // a truncated workbook saved as .csv is refused too, not read as text
    let message = expect_error("hong.csv", &real[..2048]).to_string();
    assert!(message.contains("không phải tệp XLSX hợp lệ"), "{message}");
}

#[test]
fn calamine_values_become_cells() {
    use calamine::{CellErrorType, DataRef, ExcelDateTimeType};
    let date = |serial| {
        DataRef::DateTime(calamine::ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    };
    let cases = [
        (DataRef::Empty, Cell::Empty),
        (DataRef::String("  ".into()), Cell::Empty),
        (DataRef::SharedString(" An "), Cell::Text("An".into())),
        (DataRef::Int(912345678), Cell::Number(912345678.0)),
        (DataRef::Float(2.5), Cell::Number(2.5)),
        (DataRef::Bool(false), Cell::Text("FALSE".into())),
        (date(45000.0), Cell::Date(ymd(2023, 3, 15))),
        (date(45000.6), Cell::Date(ymd(2023, 3, 15))),
        (date(60.0), Cell::Number(60.0)),
        (date(0.5), Cell::Number(0.5)),
        (
            DataRef::DateTime(calamine::ExcelDateTime::new(
                1.5,
                ExcelDateTimeType::TimeDelta,
                false,
            )),
            Cell::Number(1.5),
        ),
        (
            DataRef::DateTime(calamine::ExcelDateTime::new(
                43_538.0,
                ExcelDateTimeType::DateTime,
                true,
            )),
            Cell::Date(ymd(2023, 3, 15)),
        ),
        (
            DataRef::DateTimeIso("2026-10-15T08:00:00".into()),
            Cell::Date(ymd(2026, 10, 15)),
        ),
        (
            DataRef::DateTimeIso("08:00:00".into()),
            Cell::Text("08:00:00".into()),
        ),
        (
            DataRef::DurationIso("PT1H".into()),
            Cell::Text("PT1H".into()),
        ),
        (DataRef::Error(CellErrorType::NA), Cell::Text("#N/A".into())),
    ];
    for (value, expected) in cases {
        assert_eq!(workbook::convert(&value), expected, "{value:?}");
    }
}

//! Which header is which column. Lists exported from different dossier systems, and edited by
//! hand, name their columns differently ("Số điện thoại", "SĐT", "Phone number"…): a header
//! matches a column when it folds (case, spaces, punctuation and diacritics dropped, `đ` as
//! `d`) to one of the column's Vietnamese or English aliases. Columns nobody asked for are
//! ignored and listed, so the supervisor sees the mapping before importing.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::text::fold;

/// A column the intake knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Column {
    DossierCode,
    Name,
    Phone,
    Agency,
    Procedure,
    Field,
    Received,
    Channel,
    BirthYear,
}

impl Column {
    /// Every column, in the order of the usual list.
    pub const ALL: [Column; 9] = [
        Column::DossierCode,
        Column::Name,
        Column::Phone,
        Column::Agency,
        Column::Procedure,
        Column::Field,
        Column::Received,
        Column::Channel,
        Column::BirthYear,
    ];

    /// The column's name in messages and in the preview.
    pub fn label_vi(self) -> &'static str {
        match self {
            Column::DossierCode => "Mã hồ sơ",
            Column::Name => "Họ tên",
            Column::Phone => "Số điện thoại",
            Column::Agency => "Cơ quan",
            Column::Procedure => "Thủ tục",
            Column::Field => "Lĩnh vực",
            Column::Received => "Ngày trả kết quả",
            Column::Channel => "Kênh",
            Column::BirthYear => "Năm sinh",
        }
    }

    /// The column's name in the English interface.
    pub fn label_en(self) -> &'static str {
        match self {
            Column::DossierCode => "Dossier code",
            Column::Name => "Full name",
            Column::Phone => "Phone number",
            Column::Agency => "Agency",
            Column::Procedure => "Procedure",
            Column::Field => "Field",
            Column::Received => "Result date",
            Column::Channel => "Channel",
            Column::BirthYear => "Birth year",
        }
    }

    /// Whether a list without this column cannot be imported.
    pub fn required(self) -> bool {
        !matches!(self, Column::Field | Column::Channel | Column::BirthYear)
    }

    /// The headers this column answers to, as people write them (matched folded).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Column::DossierCode => &[
                "Mã hồ sơ",
                "Số hồ sơ",
                "Mã số hồ sơ",
                "Mã HS",
                "dossier",
                "dossier code",
                "dossier id",
                "dossier no",
            ],
            Column::Name => &[
                "Họ tên",
                "Họ và tên",
                "Tên người nộp",
                "Họ tên người nộp",
                "Họ và tên người nộp",
                "name",
                "full name",
            ],
            Column::Phone => &[
                "Số điện thoại",
                "SĐT",
                "ĐT",
                "Điện thoại",
                "Điện thoại di động",
                "Số di động",
                "phone",
                "phone number",
                "mobile",
                "telephone",
            ],
            Column::Agency => &[
                "Cơ quan",
                "Đơn vị",
                "Cơ quan giải quyết",
                "Đơn vị giải quyết",
                "Cơ quan thực hiện",
                "agency",
            ],
            Column::Procedure => &[
                "Thủ tục",
                "Tên thủ tục",
                "Thủ tục hành chính",
                "Tên thủ tục hành chính",
                "procedure",
            ],
            Column::Field => &["Lĩnh vực", "field"],
            Column::Received => &[
                "Ngày trả kết quả",
                "Ngày nhận kết quả",
                "Ngày trả",
                "Ngày trả KQ",
                "received",
                "received on",
                "result date",
            ],
            Column::Channel => &["Kênh", "Kênh nộp", "Hình thức nộp", "channel"],
            Column::BirthYear => &["Năm sinh", "birth year", "year of birth"],
        }
    }

    /// The column a header names, if any.
    pub fn from_header(header: &str) -> Option<Column> {
        let key = fold(header);
        if key.is_empty() {
            return None;
        }
        Column::ALL
            .into_iter()
            .find(|column| column.aliases().iter().any(|alias| fold(alias) == key))
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label_vi())
    }
}

/// A header cell: its position (0 = column A) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    pub index: usize,
    pub text: String,
}

impl HeaderCell {
    /// The spreadsheet letter of the column: A, B, …, Z, AA, …
    pub fn letter(&self) -> String {
        column_letter(self.index)
    }
}

/// The spreadsheet letter of a 0-based column index.
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Where each known column sits in the file, and which headers were ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    index: [Option<usize>; Column::ALL.len()],
    matched: Vec<(HeaderCell, Column)>,
    ignored: Vec<HeaderCell>,
}

impl ColumnMap {
    /// The index (0 = column A) of a column, if the file has it. Required columns are always
    /// there in a map built by [`map_headers`].
    pub fn get(&self, column: Column) -> Option<usize> {
        self.index[column as usize]
    }

    /// Headers that name no known column (blank header cells are not listed).
    pub fn ignored(&self) -> &[HeaderCell] {
        &self.ignored
    }

    /// The mapping found, header text → column, in the file's order: for the preview.
    pub fn describe(&self) -> Vec<(String, Column)> {
        self.matched
            .iter()
            .map(|(header, column)| (header.text.clone(), *column))
            .collect()
    }

    /// The header cells that matched, with their position, in the file's order.
    pub fn matched(&self) -> &[(HeaderCell, Column)] {
        &self.matched
    }
}

/// Two header cells that name the same column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateHeader {
    pub column: Column,
    pub first: HeaderCell,
    pub second: HeaderCell,
}

/// Why the header row cannot be used: every required column that is missing, and every column
/// named twice. Both lists are complete, so one look at the message fixes the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub missing: Vec<Column>,
    pub duplicates: Vec<DuplicateHeader>,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if !self.missing.is_empty() {
            let labels: Vec<String> = self
                .missing
                .iter()
                .map(|column| format!("“{}”", column.label_vi()))
                .collect();
            let mut part = format!("thiếu cột bắt buộc {}", labels.join(", "));
            if self.missing.len() == Column::ALL.iter().filter(|c| c.required()).count() {
                part.push_str(" (dòng đầu tiên của bảng phải là dòng tiêu đề cột)");
            }
            parts.push(part);
        }
        for duplicate in &self.duplicates {
            parts.push(format!(
                "hai cột cùng là “{}”: “{}” (cột {}) và “{}” (cột {})",
                duplicate.column.label_vi(),
                duplicate.first.text,
                duplicate.first.letter(),
                duplicate.second.text,
                duplicate.second.letter(),
            ));
        }
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for HeaderError {}

/// Matches the header row. Unknown headers are ignored; a missing required column or a column
/// named by two headers is an error that lists every such problem.
pub fn map_headers(headers: &[String]) -> Result<ColumnMap, HeaderError> {
    let mut index = [None; Column::ALL.len()];
    let mut matched: Vec<(HeaderCell, Column)> = Vec::new();
    let mut ignored = Vec::new();
    let mut duplicates = Vec::new();
    for (at, text) in headers.iter().enumerate() {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let cell = HeaderCell {
            index: at,
            text: text.to_owned(),
        };
        match Column::from_header(text) {
            None => ignored.push(cell),
            Some(column) => match matched.iter().find(|(_, c)| *c == column) {
                Some((first, _)) => duplicates.push(DuplicateHeader {
                    column,
                    first: first.clone(),
                    second: cell,
                }),
                None => {
                    index[column as usize] = Some(at);
                    matched.push((cell, column));
                }
            },
        }
    }
    let missing: Vec<Column> = Column::ALL
        .into_iter()
        .filter(|column| column.required() && index[*column as usize].is_none())
        .collect();
    if missing.is_empty() && duplicates.is_empty() {
        Ok(ColumnMap {
            index,
            matched,
            ignored,
        })
    } else {
        Err(HeaderError {
            missing,
            duplicates,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| (*t).to_owned()).collect()
    }

    const USUAL: [&str; 9] = [
        "Mã hồ sơ",
        "Họ tên",
        "Số điện thoại",
        "Cơ quan",
        "Thủ tục",
        "Lĩnh vực",
        "Ngày trả kết quả",
        "Kênh",
        "Năm sinh",
    ];

    #[test]
    fn every_alias_group_matches_its_column_however_it_is_written() {
        let cases: &[(Column, &[&str])] = &[
            (
                Column::Phone,
                &[
                    "Số điện thoại",
                    "so dien thoai",
                    "SỐ ĐIỆN THOẠI",
                    "Số điện thoại (*)",
                    "SĐT",
                    "SDT",
                    "sđt",
                    "điện thoại",
                    "Dien thoai",
                    "phone",
                    "Phone Number",
                    "phone_number",
                    "Mobile",
                ],
            ),
            (
                Column::DossierCode,
                &[
                    "Mã hồ sơ",
                    "ma ho so",
                    "MÃ HỒ SƠ",
                    "số hồ sơ",
                    "dossier",
                    "Dossier code",
                    "dossier id",
                    "Dossier-ID",
                ],
            ),
            (
                Column::Name,
                &[
                    "Họ tên",
                    "Họ và tên",
                    "HO VA TEN",
                    "Tên người nộp",
                    "name",
                    "Full name",
                    "full_name",
                ],
            ),
            (
                Column::Agency,
                &[
                    "Cơ quan",
                    "co quan",
                    "Đơn vị",
                    "don vi",
                    "Cơ quan giải quyết",
                    "agency",
                ],
            ),
            (
                Column::Procedure,
                &[
                    "Thủ tục",
                    "Tên thủ tục",
                    "Thủ tục hành chính",
                    "thu tuc hanh chinh",
                    "Procedure",
                ],
            ),
            (Column::Field, &["Lĩnh vực", "linh vuc", "Field"]),
            (
                Column::Received,
                &[
                    "Ngày trả kết quả",
                    "ngay tra ket qua",
                    "Ngày nhận kết quả",
                    "Ngày trả",
                    "received",
                    "Received on",
                    "Result date",
                ],
            ),
            (
                Column::Channel,
                &["Kênh", "kenh", "Kênh nộp", "Hình thức nộp", "Channel"],
            ),
            (
                Column::BirthYear,
                &["Năm sinh", "nam sinh", "Birth year", "Year of birth"],
            ),
        ];
        for (column, headers) in cases {
            for header in *headers {
                assert_eq!(Column::from_header(header), Some(*column), "{header:?}");
            }
        }
        for header in [
            "STT",
            "Ghi chú",
            "",
            "  ",
            "Ngày hẹn trả",
            "Địa chỉ",
            "Email",
        ] {
            assert_eq!(Column::from_header(header), None, "{header:?}");
        }
    }

    #[test]
    fn labels_are_aliases_of_their_own_column() {
        for column in Column::ALL {
            assert_eq!(Column::from_header(column.label_vi()), Some(column));
            assert_eq!(Column::from_header(column.label_en()), Some(column));
        }
    }

    #[test]
    fn no_alias_belongs_to_two_columns() {
        for column in Column::ALL {
            for alias in column.aliases() {
                assert_eq!(Column::from_header(alias), Some(column), "{alias:?}");
            }
        }
    }

    #[test]
    fn usual_header_row_maps_every_column_and_ignores_the_rest() {
        let mut row = headers(&["STT"]);
        row.extend(headers(&USUAL));
        row.push("Ghi chú".into());
        row.push("".into());
        let map = map_headers(&row).expect("usual headers");
        for (at, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(map.get(column), Some(at + 1), "{column:?}");
        }
        let ignored: Vec<(usize, &str)> = map
            .ignored()
            .iter()
            .map(|h| (h.index, h.text.as_str()))
            .collect();
        assert_eq!(ignored, [(0, "STT"), (10, "Ghi chú")]);
        assert_eq!(
            map.describe()[2],
            ("Số điện thoại".to_owned(), Column::Phone)
        );
        assert_eq!(map.describe().len(), 9);
    }

    #[test]
    fn optional_columns_may_be_absent() {
        let map = map_headers(&headers(&[
            "dossier code",
            "full name",
            "phone",
            "agency",
            "procedure",
            "result date",
        ]))
        .expect("required columns only");
        assert_eq!(map.get(Column::Field), None);
        assert_eq!(map.get(Column::Channel), None);
        assert_eq!(map.get(Column::BirthYear), None);
        assert_eq!(map.get(Column::Received), Some(5));
    }

    #[test]
    fn every_missing_required_column_is_named() {
        let error = map_headers(&headers(&["Họ tên", "Cơ quan", "Lĩnh vực", "Ghi chú"]))
            .expect_err("missing columns");
        assert_eq!(
            error.missing,
            [
                Column::DossierCode,
                Column::Phone,
                Column::Procedure,
                Column::Received
            ]
        );
        assert_eq!(
            error.to_string(),
            "thiếu cột bắt buộc “Mã hồ sơ”, “Số điện thoại”, “Thủ tục”, “Ngày trả kết quả”"
        );
    }

    #[test]
    fn a_row_that_is_not_a_header_row_says_so() {
        let error = map_headers(&headers(&["DANH SÁCH HỒ SƠ ĐÃ TRẢ KẾT QUẢ"])).expect_err("no");
        assert_eq!(error.missing.len(), 6);
        assert!(error.to_string().contains("dòng tiêu đề"), "{error}");
        assert!(map_headers(&[]).is_err());
    }

    #[test]
    fn a_column_named_twice_names_both_header_cells() {
        let mut row = headers(&USUAL);
        row.push("Họ và tên".into());
        row.push("SĐT".into());
        let error = map_headers(&row).expect_err("duplicates");
        assert!(error.missing.is_empty());
        assert_eq!(error.duplicates.len(), 2);
        assert_eq!(
            error.to_string(),
            "hai cột cùng là “Họ tên”: “Họ tên” (cột B) và “Họ và tên” (cột J); \
             hai cột cùng là “Số điện thoại”: “Số điện thoại” (cột C) và “SĐT” (cột K)"
        );
    }

    #[test]
    fn missing_and_duplicate_are_reported_together() {
        let error =
            map_headers(&headers(&["Họ tên", "Họ và tên", "SĐT"])).expect_err("both problems");
        let message = error.to_string();
        assert!(
            message.starts_with("thiếu cột bắt buộc “Mã hồ sơ”, “Cơ quan”"),
            "{message}"
        );
        assert!(message.contains("hai cột cùng là “Họ tên”"), "{message}");
    }

    #[test]
    fn column_letters_follow_the_spreadsheet() {
        let cases = [
            (0, "A"),
            (1, "B"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (index, expected) in cases {
            assert_eq!(column_letter(index), expected, "{index}");
        }
    }
}

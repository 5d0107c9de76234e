//! One row of a dossier list: either a dossier the campaign can use — a valid phone number,
//! a known agency, a result received inside the campaign window — or a rejection that names
//! the row, the column and the reason, so the supervisor can fix the row and import it again.
//!
//! Rules, in the file's column order (the first problem from the left is the one reported, one
//! rejection per row):
//! - text is trimmed, inner whitespace collapsed and composed (NFC);
//! - an empty required cell (mã hồ sơ, họ tên, số điện thoại, cơ quan, thủ tục, ngày trả kết
//!   quả) is [`RejectReason::MissingValue`] — an empty agency too, not `UnknownAgency`;
//! - a name must hold a letter; a phone may arrive as a number (Excel drops its leading 0);
//! - the agency must be in the campaign's directory, by code or by name;
//! - the result date must fall inside the campaign window, both ends included;
//! - the channel and the birth year are optional; when present the channel must be known and
//!   the birth year a 4-digit year from 1900 to 15 years before the result date.

use std::collections::HashMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cell::{format_number, Cell};
use super::date::{parse_date, parse_date_text, DateError};
use super::header::{Column, ColumnMap};
use super::text::{clean, fold};
use crate::domain::phone::{PhoneError, PhoneNumber};

/// How the citizen lodged the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Channel {
    /// At the one-stop desk.
    InPerson,
    /// Through the public-service portal (dịch vụ công trực tuyến).
    Online,
    /// By public postal service (bưu chính công ích).
    Post,
}

impl Channel {
    /// Reads the channel as lists write it: "Trực tiếp", "Nộp trực tuyến", "DVC", "Bưu chính",
    /// "online"… `None` when the text names no channel.
    pub fn parse(text: &str) -> Option<Channel> {
        let key = fold(text);
        let key = key.strip_prefix("nop").unwrap_or(&key);
        let key = key.strip_prefix("qua").unwrap_or(key);
        match key {
            "tructiep" | "taiquay" | "inperson" | "offline" => Some(Channel::InPerson),
            "tructuyen"
            | "online"
            | "dichvucong"
            | "dichvucongtructuyen"
            | "congdichvucong"
            | "dvc"
            | "dvctt" => Some(Channel::Online),
            "buuchinh" | "buuchinhcongich" | "buudien" | "bcci" | "post" | "postal" => {
                Some(Channel::Post)
            }
            _ => None,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Channel::InPerson => "trực tiếp",
            Channel::Online => "trực tuyến",
            Channel::Post => "bưu chính",
        }
    }
}

/// The campaign's agencies, to recognise the agency cell by code ("UBND-HD") or by name
/// ("UBND huyện Hòa Đức"), folded like headers. When a name folds like another agency's code,
/// the code wins; between two names that fold alike, the first given wins.
#[derive(Debug, Clone, Default)]
pub struct AgencyDirectory {
    codes: Vec<String>,
    keys: HashMap<String, usize>,
}

impl AgencyDirectory {
    /// From `(code, name)` pairs.
    pub fn new(agencies: impl IntoIterator<Item = (String, String)>) -> Self {
        let agencies: Vec<(String, String)> = agencies.into_iter().collect();
        let mut keys = HashMap::with_capacity(agencies.len() * 2);
        for (at, (code, _)) in agencies.iter().enumerate() {
            let key = fold(code);
            if !key.is_empty() {
                keys.entry(key).or_insert(at);
            }
        }
        for (at, (_, name)) in agencies.iter().enumerate() {
            let key = fold(name);
            if !key.is_empty() {
                keys.entry(key).or_insert(at);
            }
        }
        AgencyDirectory {
            codes: agencies.into_iter().map(|(code, _)| code).collect(),
            keys,
        }
    }

    /// The code of the agency a cell names, by code or by name.
    pub fn resolve(&self, text: &str) -> Option<&str> {
        let at = *self.keys.get(&fold(text))?;
        self.codes.get(at).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// What a row is checked against.
#[derive(Debug, Clone, Copy)]
pub struct RowContext<'a> {
    /// First day of the campaign window (included).
    pub received_from: NaiveDate,
    /// Last day of the campaign window (included).
    pub received_to: NaiveDate,
    pub agencies: &'a AgencyDirectory,
}

/// A row the campaign can use. Debug output hides the name (the phone masks itself).
#[derive(Clone, PartialEq, Eq)]
pub struct DossierRow {
    /// The spreadsheet row, as the supervisor sees it in Excel.
    pub row: usize,
    pub dossier_code: String,
    pub full_name: String,
    pub phone: PhoneNumber,
    pub agency_code: String,
    pub procedure: String,
    pub field: Option<String>,
    pub received_on: NaiveDate,
    pub channel: Option<Channel>,
    pub birth_year: Option<u16>,
}

impl fmt::Debug for DossierRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DossierRow")
            .field("row", &self.row)
            .field("dossier_code", &self.dossier_code)
            .field("full_name", &"…")
            .field("phone", &self.phone)
            .field("agency_code", &self.agency_code)
            .field("procedure", &self.procedure)
            .field("field", &self.field)
            .field("received_on", &self.received_on)
            .field("channel", &self.channel)
            .field("birth_year", &self.birth_year)
            .finish()
    }
}

/// Why a row was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    BadPhone(PhoneError),
    /// A required cell is empty.
    MissingValue,
    BadDate(DateError),
    /// The result was received outside the campaign window.
    OutsideWindow {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The agency cell names no agency of the campaign.
    UnknownAgency,
    BadChannel,
    BadBirthYear,
    /// The name cell holds no letter.
    BadName,
    /// Set by the caller: the dossier code already appeared on an earlier row.
    DuplicateDossier {
        first_row: usize,
    },
    /// Set by the caller: the dossier code was imported before with other data.
    StoredWithOtherData,
}

impl RejectReason {
    /// The reason in Vietnamese, without the value.
    pub fn message_vi(&self) -> String {
        match self {
            RejectReason::BadPhone(error) => error.to_string(),
            RejectReason::MissingValue => "ô trống, cột này bắt buộc".to_owned(),
            RejectReason::BadDate(error) => error.to_string(),
            RejectReason::OutsideWindow { from, to } => format!(
                "ngày trả kết quả ngoài thời gian của đợt khảo sát (từ {} đến {})",
                from.format("%d/%m/%Y"),
                to.format("%d/%m/%Y")
            ),
            RejectReason::UnknownAgency => {
                "cơ quan không có trong danh mục cơ quan của đợt khảo sát".to_owned()
            }
            RejectReason::BadChannel => {
                "không rõ kênh nộp: hãy ghi “trực tiếp”, “trực tuyến” hoặc “bưu chính”".to_owned()
            }
            RejectReason::BadBirthYear => "năm sinh phải là năm có 4 chữ số, từ 1900 và sớm hơn \
                                           năm trả kết quả ít nhất 15 năm"
                .to_owned(),
            RejectReason::BadName => "họ tên không có chữ cái nào".to_owned(),
            RejectReason::DuplicateDossier { first_row } => {
                format!("mã hồ sơ trùng với dòng {first_row} nhưng dữ liệu khác")
            }
            RejectReason::StoredWithOtherData => {
                "mã hồ sơ đã được nhập trước đó với dữ liệu khác".to_owned()
            }
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_vi())
    }
}

/// A row that was not taken: where, why, and the offending cell as written (for the rejects
/// file only: Display and Debug never show it).
#[derive(Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The spreadsheet row, as the supervisor sees it in Excel.
    pub row: usize,
    pub column: Option<Column>,
    /// The cell as written, for the rejects file; empty for a missing value.
    pub value: String,
    pub reason: RejectReason,
}

impl Rejection {
    /// The rejection of a row whose dossier code already appeared on `first_row`.
    pub fn duplicate_dossier(row: usize, first_row: usize, dossier_code: &str) -> Self {
        Rejection {
            row,
            column: Some(Column::DossierCode),
            value: dossier_code.to_owned(),
            reason: RejectReason::DuplicateDossier { first_row },
        }
    }
}

/// "Dòng 7, cột “Số điện thoại”: đầu số 061 không phải đầu số di động đang dùng".
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(column) => write!(
                f,
                "Dòng {}, cột “{}”: {}",
                self.row,
                column.label_vi(),
                self.reason
            ),
            None => write!(f, "Dòng {}: {}", self.row, self.reason),
        }
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("row", &self.row)
            .field("column", &self.column)
            .field(
                "value",
                &format_args!("({} ký tự)", self.value.chars().count()),
            )
            .field("reason", &self.reason)
            .finish()
    }
}

impl std::error::Error for Rejection {}

/// Checks one row. `row` is its spreadsheet row number; `cells` may be shorter than the header
/// row (missing cells are empty) or longer (extra cells are ignored).
pub fn parse_row(
    row: usize,
    cells: &[Cell],
    columns: &ColumnMap,
    ctx: &RowContext,
) -> Result<DossierRow, Rejection> {
    let mut check = RowCheck {
        row,
        cells,
        columns,
        first: None,
    };
    let dossier_code = check.required_text(Column::DossierCode);
    let full_name = check.name();
    let phone = check.phone();
    let agency_code = check.agency(ctx.agencies);
    let procedure = check.required_text(Column::Procedure);
    let field = check.optional_text(Column::Field);
    let received_on = check.received(ctx);
    let channel = check.channel();
    let birth_year = check.birth_year(received_on);
    if let Some((_, rejection)) = check.first {
        return Err(rejection);
    }
    match (
        dossier_code,
        full_name,
        phone,
        agency_code,
        procedure,
        received_on,
    ) {
        (
            Some(dossier_code),
            Some(full_name),
            Some(phone),
            Some(agency_code),
            Some(procedure),
            Some(received_on),
        ) => Ok(DossierRow {
            row,
            dossier_code,
            full_name,
            phone,
            agency_code,
            procedure,
            field,
            received_on,
            channel,
            birth_year,
        }),
        // Every `None` above went with a recorded problem; this arm is never taken.
        _ => Err(Rejection {
            row,
            column: None,
            value: String::new(),
            reason: RejectReason::MissingValue,
        }),
    }
}

/// The checks of one row, keeping the leftmost problem.
struct RowCheck<'c> {
    row: usize,
    cells: &'c [Cell],
    columns: &'c ColumnMap,
    /// File position of the problem's column, and the rejection.
    first: Option<(usize, Rejection)>,
}

impl<'c> RowCheck<'c> {
    fn cell(&self, column: Column) -> &'c Cell {
        self.columns
            .get(column)
            .and_then(|at| self.cells.get(at))
            .unwrap_or(&Cell::Empty)
    }

    /// Records a problem if it is left of every problem found so far; returns `None` so that
    /// checks can end with `return self.fail(…)`.
    fn fail<T>(&mut self, column: Column, reason: RejectReason) -> Option<T> {
        let at = self.columns.get(column).unwrap_or(usize::MAX);
        if self.first.as_ref().is_none_or(|(first, _)| at < *first) {
            let value = match reason {
                RejectReason::MissingValue => String::new(),
                _ => self.cell(column).as_text().into_owned(),
            };
            let rejection = Rejection {
                row: self.row,
                column: Some(column),
                value,
                reason,
            };
            self.first = Some((at, rejection));
        }
        None
    }

    fn optional_text(&self, column: Column) -> Option<String> {
        let text = clean(&self.cell(column).as_text());
        (!text.is_empty()).then_some(text)
    }

    fn required_text(&mut self, column: Column) -> Option<String> {
        match self.optional_text(column) {
            Some(text) => Some(text),
            None => self.fail(column, RejectReason::MissingValue),
        }
    }

    fn name(&mut self) -> Option<String> {
        let name = self.required_text(Column::Name)?;
        if name.chars().any(char::is_alphabetic) {
            Some(name)
        } else {
            self.fail(Column::Name, RejectReason::BadName)
        }
    }

    fn phone(&mut self) -> Option<PhoneNumber> {
        let parsed = match self.cell(Column::Phone) {
            cell if cell.is_empty() => return self.fail(Column::Phone, RejectReason::MissingValue),
            // Excel keeps a phone typed as a number without its leading 0: 912345678.
            Cell::Number(number) if number.fract() == 0.0 && *number > 0.0 => {
                PhoneNumber::parse(&format_number(*number))
            }
            Cell::Number(_) | Cell::Date(_) | Cell::Empty => Err(PhoneError::NotDigits),
            Cell::Text(text) => PhoneNumber::parse(text),
        };
        match parsed {
            Ok(phone) => Some(phone),
            Err(error) => self.fail(Column::Phone, RejectReason::BadPhone(error)),
        }
    }

    fn agency(&mut self, agencies: &AgencyDirectory) -> Option<String> {
        let text = self.required_text(Column::Agency)?;
        match agencies.resolve(&text) {
            Some(code) => Some(code.to_owned()),
            None => self.fail(Column::Agency, RejectReason::UnknownAgency),
        }
    }

    fn received(&mut self, ctx: &RowContext) -> Option<NaiveDate> {
        let cell = self.cell(Column::Received);
        if cell.is_empty() {
            return self.fail(Column::Received, RejectReason::MissingValue);
        }
        match parse_date(cell) {
            Ok(day) if (ctx.received_from..=ctx.received_to).contains(&day) => Some(day),
            Ok(_) => self.fail(
                Column::Received,
                RejectReason::OutsideWindow {
                    from: ctx.received_from,
                    to: ctx.received_to,
                },
            ),
            Err(error) => self.fail(Column::Received, RejectReason::BadDate(error)),
        }
    }

    fn channel(&mut self) -> Option<Channel> {
        let text = self.optional_text(Column::Channel)?;
        match Channel::parse(&text) {
            Some(channel) => Some(channel),
            None => self.fail(Column::Channel, RejectReason::BadChannel),
        }
    }

    /// A year, or a full birth date (its year is kept). Checked against the result date when
    /// that is readable; otherwise only against 1900, the result date's problem being reported.
    fn birth_year(&mut self, received_on: Option<NaiveDate>) -> Option<u16> {
        let year = match self.cell(Column::BirthYear) {
            cell if cell.is_empty() => return None,
            Cell::Number(number) if number.fract() == 0.0 && (1000.0..10000.0).contains(number) => {
                Some(*number as i32)
            }
            Cell::Number(_) | Cell::Empty => None,
            Cell::Date(day) => Some(day.year()),
            Cell::Text(text) => {
                let text = text.trim();
                if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
                    text.parse().ok()
                } else {
                    parse_date_text(text).ok().map(|day| day.year())
                }
            }
        };
        let latest = received_on.map_or(9999, |day| day.year() - 15);
        match year {
            Some(year) if (1900..=latest).contains(&year) => u16::try_from(year).ok(),
            _ => self.fail(Column::BirthYear, RejectReason::BadBirthYear),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::header::map_headers;

    const HEADERS: [&str; 10] = [
        "STT",
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

    const NAME: &str = "Nguyễn Văn An";
    const PHONE: &str = "0912345678";

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn columns() -> ColumnMap {
        let headers: Vec<String> = HEADERS.iter().map(|h| (*h).to_owned()).collect();
        map_headers(&headers).expect("headers")
    }

    fn agencies() -> AgencyDirectory {
        AgencyDirectory::new([
            ("UBND-HD".to_owned(), "UBND huyện Hòa Đức".to_owned()),
            ("STNMT".to_owned(), "Sở Tài nguyên và Môi trường".to_owned()),
        ])
    }

    /// A good row: STT, code, name, phone, agency, procedure, field, date, channel, birth year.
    fn good() -> Vec<Cell> {
        [
            "1",
            "HS-2026-0001",
            NAME,
            PHONE,
            "UBND huyện Hòa Đức",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "15/10/2026",
            "Trực tuyến",
            "1985",
        ]
        .iter()
        .map(|text| Cell::text(text))
        .collect()
    }

    fn check(cells: &[Cell]) -> Result<DossierRow, Rejection> {
        let agencies = agencies();
        let ctx = RowContext {
            received_from: ymd(2026, 10, 1),
            received_to: ymd(2026, 10, 31),
            agencies: &agencies,
        };
        parse_row(7, cells, &columns(), &ctx)
    }

    fn with(changes: &[(Column, Cell)]) -> Vec<Cell> {
        let map = columns();
        let mut cells = good();
        for (column, cell) in changes {
            let at = map.get(*column).expect("column mapped");
            cells[at] = cell.clone();
        }
        cells
    }

    fn text(value: &str) -> Cell {
        Cell::text(value)
    }

    #[test]
    fn a_good_row_becomes_a_dossier() {
        let row = check(&good()).expect("good row");
        assert_eq!(row.row, 7);
        assert_eq!(row.dossier_code, "HS-2026-0001");
        assert_eq!(row.full_name, NAME);
        assert_eq!(row.phone.e164(), "+84912345678");
        assert_eq!(row.agency_code, "UBND-HD");
        assert_eq!(row.procedure, "Đăng ký khai sinh");
        assert_eq!(row.field.as_deref(), Some("Hộ tịch"));
        assert_eq!(row.received_on, ymd(2026, 10, 15));
        assert_eq!(row.channel, Some(Channel::Online));
        assert_eq!(row.birth_year, Some(1985));
    }

    #[test]
    fn accepted_variants_of_each_cell() {
        type Accept = fn(&DossierRow) -> bool;
        let cases: Vec<(Vec<(Column, Cell)>, Accept)> = vec![
            // Excel dropped the phone's leading 0
            (vec![(Column::Phone, Cell::Number(912345678.0))], |r| {
                r.phone.e164() == "+84912345678"
            }),
            (vec![(Column::Phone, text("+84 91 234 5678"))], |r| {
                r.phone.e164() == "+84912345678"
            }),
            (vec![(Column::Phone, text("01623456789"))], |r| {
                r.phone.national() == "0323456789"
            }),
            // agency by code, by unaccented name, any case
            (vec![(Column::Agency, text("ubnd-hd"))], |r| {
                r.agency_code == "UBND-HD"
            }),
            (vec![(Column::Agency, text("ubnd huyen hoa duc"))], |r| {
                r.agency_code == "UBND-HD"
            }),
            (
                vec![(Column::Agency, text("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"))],
                |r| r.agency_code == "STNMT",
            ),
            // text cleaned: whitespace collapsed, decomposed accents composed
            (
                vec![(Column::Name, text("  Nguye\u{302}\u{303}n   Văn\u{a0}An "))],
                |r| r.full_name == NAME,
            ),
            // dates in every form, both window ends included
            (
                vec![(Column::Received, Cell::Date(ymd(2026, 10, 1)))],
                |r| r.received_on == ymd(2026, 10, 1),
            ),
            (vec![(Column::Received, text("31/10/2026 17:45"))], |r| {
                r.received_on == ymd(2026, 10, 31)
            }),
            (vec![(Column::Received, Cell::Number(46310.0))], |r| {
                r.received_on == ymd(2026, 10, 15)
            }),
            (vec![(Column::Received, text("2026-10-15"))], |r| {
                r.received_on == ymd(2026, 10, 15)
            }),
            // optional cells
            (
                vec![
                    (Column::Field, Cell::Empty),
                    (Column::Channel, Cell::Empty),
                    (Column::BirthYear, Cell::Empty),
                ],
                |r| r.field.is_none() && r.channel.is_none() && r.birth_year.is_none(),
            ),
            (vec![(Column::Channel, text("trực tiếp"))], |r| {
                r.channel == Some(Channel::InPerson)
            }),
            (
                vec![(Column::Channel, text("Nộp qua bưu chính"))],
                |r| r.channel == Some(Channel::Post),
            ),
            (vec![(Column::Channel, text("DVC"))], |r| {
                r.channel == Some(Channel::Online)
            }),
            (vec![(Column::BirthYear, Cell::Number(1960.0))], |r| {
                r.birth_year == Some(1960)
            }),
            (vec![(Column::BirthYear, text("1900"))], |r| {
                r.birth_year == Some(1900)
            }),
            (vec![(Column::BirthYear, text("2011"))], |r| {
                r.birth_year == Some(2011)
            }),
            (vec![(Column::BirthYear, text("05/03/1985"))], |r| {
                r.birth_year == Some(1985)
            }),
            (
                vec![(Column::BirthYear, Cell::Date(ymd(1985, 3, 5)))],
                |r| r.birth_year == Some(1985),
            ),
            // a dossier code typed as a number
            (vec![(Column::DossierCode, Cell::Number(20261015.0))], |r| {
                r.dossier_code == "20261015"
            }),
        ];
        for (changes, accept) in cases {
            let row = check(&with(&changes)).unwrap_or_else(|r| panic!("{changes:?}: {r}"));
            assert!(accept(&row), "{changes:?}: {row:?}");
        }
    }

    #[test]
    fn a_short_row_is_missing_its_last_values() {
        let cells = &good()[..7];
        let rejection = check(cells).expect_err("short row");
        assert_eq!(rejection.column, Some(Column::Received));
        assert_eq!(rejection.reason, RejectReason::MissingValue);
        let mut long = good();
        long.push(text("ghi chú thêm"));
        assert!(check(&long).is_ok());
    }

    #[test]
    fn every_rejection_reason_names_its_column() {
        let window = RejectReason::OutsideWindow {
            from: ymd(2026, 10, 1),
            to: ymd(2026, 10, 31),
        };
        let cases: Vec<(Column, Cell, RejectReason)> = vec![
            (Column::DossierCode, Cell::Empty, RejectReason::MissingValue),
            (Column::DossierCode, text("   "), RejectReason::MissingValue),
            (Column::Name, Cell::Empty, RejectReason::MissingValue),
            (Column::Name, text("123 / -"), RejectReason::BadName),
            (Column::Phone, Cell::Empty, RejectReason::MissingValue),
            (
                Column::Phone,
                text("0612345678"),
                RejectReason::BadPhone(PhoneError::UnknownMobilePrefix("061".into())),
            ),
            (
                Column::Phone,
                text("091234567"),
                RejectReason::BadPhone(PhoneError::WrongLength(9)),
            ),
            (
                Column::Phone,
                text("0912 345 678 / 0987 654 321"),
                RejectReason::BadPhone(PhoneError::NotDigits),
            ),
            (
                Column::Phone,
                Cell::Number(91234567.8),
                RejectReason::BadPhone(PhoneError::NotDigits),
            ),
            (Column::Agency, Cell::Empty, RejectReason::MissingValue),
            (
                Column::Agency,
                text("UBND huyện Khác"),
                RejectReason::UnknownAgency,
            ),
            (Column::Procedure, Cell::Empty, RejectReason::MissingValue),
            (Column::Received, Cell::Empty, RejectReason::MissingValue),
            (
                Column::Received,
                text("31/02/2026"),
                RejectReason::BadDate(DateError::Impossible),
            ),
            (
                Column::Received,
                text("15/10/26"),
                RejectReason::BadDate(DateError::TwoDigitYear),
            ),
            (
                Column::Received,
                text("hôm qua"),
                RejectReason::BadDate(DateError::Unrecognised),
            ),
            (
                Column::Received,
                Cell::Number(60.0),
                RejectReason::BadDate(DateError::BadSerial),
            ),
            (Column::Received, text("30/09/2026"), window.clone()),
            (Column::Received, text("01/11/2026"), window.clone()),
            (
                Column::Channel,
                text("qua điện thoại"),
                RejectReason::BadChannel,
            ),
            (Column::BirthYear, text("85"), RejectReason::BadBirthYear),
            (Column::BirthYear, text("1899"), RejectReason::BadBirthYear),
            (Column::BirthYear, text("2012"), RejectReason::BadBirthYear),
            (
                Column::BirthYear,
                text("năm 1985"),
                RejectReason::BadBirthYear,
            ),
            (
                Column::BirthYear,
                Cell::Number(1985.5),
                RejectReason::BadBirthYear,
            ),
        ];
        for (column, cell, reason) in cases {
            let expected_value = match reason {
                RejectReason::MissingValue => String::new(),
                _ => cell.as_text().into_owned(),
            };
            let rejection =
                check(&with(&[(column, cell.clone())])).expect_err(&format!("{column:?} {cell:?}"));
            assert_eq!(rejection.row, 7);
            assert_eq!(rejection.column, Some(column), "{cell:?}");
            assert_eq!(rejection.reason, reason, "{column:?} {cell:?}");
            assert_eq!(rejection.value, expected_value, "{column:?} {cell:?}");
        }
    }

    #[test]
    fn the_leftmost_problem_is_the_one_reported() {
        let rejection = check(&with(&[
            (Column::BirthYear, text("85")),
            (Column::Phone, text("0612345678")),
            (Column::Received, text("hôm qua")),
        ]))
        .expect_err("three problems");
        assert_eq!(rejection.column, Some(Column::Phone));

        // In a file whose birth-year column comes first, that one is reported.
        let headers: Vec<String> = [
            "Năm sinh",
            "Mã hồ sơ",
            "Họ tên",
            "Số điện thoại",
            "Cơ quan",
            "Thủ tục",
            "Ngày trả kết quả",
        ]
        .iter()
        .map(|h| (*h).to_owned())
        .collect();
        let map = map_headers(&headers).expect("headers");
        let agencies = agencies();
        let ctx = RowContext {
            received_from: ymd(2026, 10, 1),
            received_to: ymd(2026, 10, 31),
            agencies: &agencies,
        };
        let cells: Vec<Cell> = ["85", "HS-1", NAME, "0612345678", "STNMT", "Cấp phép", "x"]
            .iter()
            .map(|t| text(t))
            .collect();
        let rejection = parse_row(3, &cells, &map, &ctx).expect_err("problems");
        assert_eq!(rejection.column, Some(Column::BirthYear));
    }

    #[test]
    fn rejection_reads_as_a_vietnamese_sentence() {
        let rejection = check(&with(&[(Column::Phone, text("0612345678"))])).expect_err("phone");
        assert_eq!(
            rejection.to_string(),
            "Dòng 7, cột “Số điện thoại”: đầu số 061 không phải đầu số di động đang dùng"
        );
        let rejection = check(&with(&[(Column::Received, text("01/11/2026"))])).expect_err("date");
        assert_eq!(
            rejection.to_string(),
            "Dòng 7, cột “Ngày trả kết quả”: ngày trả kết quả ngoài thời gian của đợt khảo sát \
             (từ 01/10/2026 đến 31/10/2026)"
        );
        let duplicate = Rejection::duplicate_dossier(9, 4, "HS-2026-0001");
        assert_eq!(
            duplicate.to_string(),
            "Dòng 9, cột “Mã hồ sơ”: mã hồ sơ trùng với dòng 4 nhưng dữ liệu khác"
        );
        assert_eq!(duplicate.value, "HS-2026-0001");
    }

    #[test]
    fn rejections_and_rows_never_show_the_phone_or_the_name() {
        let bad_rows = [
            with(&[(Column::Phone, text("0612345678"))]),
            with(&[(Column::Phone, text("09123456789"))]),
            with(&[(Column::Agency, text("Không rõ"))]),
            with(&[(Column::Received, text("01/01/2020"))]),
            with(&[(Column::Name, text("0912345678"))]),
            with(&[(Column::Channel, text(NAME))]),
        ];
        for cells in bad_rows {
            let rejection = check(&cells).expect_err("bad row");
            for shown in [rejection.to_string(), format!("{rejection:?}")] {
                for secret in [NAME, PHONE, "0612345678", "09123456789", "912345678"] {
                    assert!(!shown.contains(secret), "{shown}");
                }
            }
        }
        let row = check(&good()).expect("good row");
        let shown = format!("{row:?}");
        assert!(
            !shown.contains(NAME) && !shown.contains("912345678"),
            "{shown}"
        );
    }

    #[test]
    fn channels_as_lists_write_them() {
        let cases = [
            ("Trực tiếp", Some(Channel::InPerson)),
            ("truc tiep", Some(Channel::InPerson)),
            ("Nộp trực tiếp", Some(Channel::InPerson)),
            ("In person", Some(Channel::InPerson)),
            ("offline", Some(Channel::InPerson)),
            ("Trực tuyến", Some(Channel::Online)),
            ("Nộp trực tuyến", Some(Channel::Online)),
            ("online", Some(Channel::Online)),
            ("Dịch vụ công", Some(Channel::Online)),
            ("DVC", Some(Channel::Online)),
            ("Bưu chính", Some(Channel::Post)),
            ("Bưu chính công ích", Some(Channel::Post)),
            ("Qua bưu điện", Some(Channel::Post)),
            ("post", Some(Channel::Post)),
            ("fax", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Channel::parse(text), expected, "{text:?}");
        }
    }

    #[test]
    fn agency_directory_prefers_codes_and_ignores_blank_keys() {
        let directory = AgencyDirectory::new([
            ("A1".to_owned(), "Văn phòng".to_owned()),
            ("VP".to_owned(), "A1".to_owned()),
            ("---".to_owned(), "Sở Y tế".to_owned()),
        ]);
        assert_eq!(directory.resolve("a1"), Some("A1"));
        assert_eq!(directory.resolve("van phong"), Some("A1"));
        assert_eq!(directory.resolve("SỞ Y TẾ"), Some("---"));
        assert_eq!(directory.resolve("---"), None);
        assert_eq!(directory.resolve(""), None);
        assert_eq!(directory.len(), 3);
        assert!(AgencyDirectory::default().is_empty());
    }
}

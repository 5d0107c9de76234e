//! Dates as a dossier list holds them: `dd/mm/yyyy` the way Vietnamese offices write them
//! (also `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`), ISO `yyyy-mm-dd`, with or without a time
//! after them, cells Excel stores as dates, and Excel serial numbers. Day first always: 03/04
//! is 3 April, never 4 March. Two-digit years and days the calendar does not have are refused.

use chrono::{Days, NaiveDate};

use super::cell::Cell;

/// Why a cell is not a date. Messages never repeat the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("ngày trống")]
    Empty,
    #[error("không đọc được ngày: hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/10/2026")]
    Unrecognised,
    #[error("năm phải ghi đủ 4 chữ số, ví dụ 15/10/2026")]
    TwoDigitYear,
    #[error("ngày này không có trên lịch")]
    Impossible,
    #[error("số ngày kiểu Excel không ứng với ngày nào")]
    BadSerial,
}

/// The day of a cell: a date cell as it is, a number as an Excel serial (1900 date system),
/// a text by [`parse_date_text`].
pub fn parse_date(cell: &Cell) -> Result<NaiveDate, DateError> {
    match cell {
        Cell::Empty => Err(DateError::Empty),
        Cell::Date(date) => Ok(*date),
        Cell::Number(serial) => from_excel_serial(*serial),
        Cell::Text(text) => parse_date_text(text),
    }
}

/// A day a person typed into the field named `field`; the refusal names the field and what was
/// typed ("ngày nghỉ thêm “31/02/2027”: ngày này không có trên lịch").
pub fn parse_field_date(field: &str, text: &str) -> Result<NaiveDate, String> {
    parse_date_text(text).map_err(|e| format!("{field} “{}”: {e}", text.trim()))
}

/// Reads `dd/mm/yyyy` (one-digit day and month allowed; `-` or `.` in place of `/`) or ISO
/// `yyyy-mm-dd`; a time after the date (`15/10/2026 14:30`, `2026-10-15T14:30:00+07:00`,
/// `15/10/2026 2:30 CH`) is ignored.
pub fn parse_date_text(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let (date, time) = match text.find(|c: char| c.is_whitespace() || c == 'T') {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    if !looks_like_time(time) {
        return Err(DateError::Unrecognised);
    }
    let separator = date
        .chars()
        .find(|c| matches!(c, '/' | '-' | '.'))
        .ok_or(DateError::Unrecognised)?;
    let mut parts = date.split(separator);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Unrecognised);
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) {
        return Err(DateError::Unrecognised);
    }
    let (year, month, day) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        (1..=2, 1..=2, 2) => return Err(DateError::TwoDigitYear),
        _ => return Err(DateError::Unrecognised),
    };
    let number = |part: &str| part.parse::<u32>().map_err(|_| DateError::Unrecognised);
    let year = i32::try_from(number(year)?).map_err(|_| DateError::Unrecognised)?;
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?).ok_or(DateError::Impossible)
}

/// Whether what follows a date is a time of day (or nothing): digits with `:`, `.`, `h` or
/// `g` (`14h30`, `14g30`), an ISO offset, and `SA`/`CH`/`AM`/`PM`.
fn looks_like_time(text: &str) -> bool {
    text.split_whitespace().all(|word| {
        let marker = ["sa", "ch", "am", "pm"]
            .iter()
            .any(|m| word.eq_ignore_ascii_case(m));
        let clock = word.starts_with(|c: char| c.is_ascii_digit())
            && word.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, ':' | '.' | 'h' | 'H' | 'g' | 'Z' | '+' | '-')
            });
        marker || clock
    })
}

/// Excel's largest date, 9999-12-31, is serial 2,958,465.
const LAST_SERIAL: f64 = 2_958_466.0;

/// An Excel serial in the 1900 date system: day 1 is 1 January 1900 and, as in Lotus 1-2-3,
/// day 60 is the 29 February 1900 that never was (refused); the time of day is ignored.
pub fn from_excel_serial(serial: f64) -> Result<NaiveDate, DateError> {
    if !serial.is_finite() || !(1.0..LAST_SERIAL).contains(&serial) {
        return Err(DateError::BadSerial);
    }
    let days = serial.floor() as u64;
    let days = match days {
        60 => return Err(DateError::BadSerial),
        1..=59 => days,
        _ => days - 1,
    };
    NaiveDate::from_ymd_opt(1899, 12, 31)
        .and_then(|epoch| epoch.checked_add_days(Days::new(days)))
        .ok_or(DateError::BadSerial)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn a_field_s_refusal_names_the_field_and_what_was_typed() {
        assert_eq!(
            parse_field_date("ngày nghỉ", " 10/02/2027 "),
            Ok(ymd(2027, 2, 10))
        );
        assert_eq!(
            parse_field_date("ngày nghỉ thêm", " 31/02/2027"),
            Err("ngày nghỉ thêm “31/02/2027”: ngày này không có trên lịch".to_owned())
        );
    }

    #[test]
    fn every_accepted_form_reads_day_first() {
        let cases = [
            ("15/10/2026", ymd(2026, 10, 15)),
            ("5/3/2026", ymd(2026, 3, 5)),
            ("05/03/2026", ymd(2026, 3, 5)),
            ("03/04/2026", ymd(2026, 4, 3)),
            ("15-10-2026", ymd(2026, 10, 15)),
            ("15.10.2026", ymd(2026, 10, 15)),
            ("2026-10-15", ymd(2026, 10, 15)),
            ("2026-1-5", ymd(2026, 1, 5)),
            ("2026/10/15", ymd(2026, 10, 15)),
            ("15/10/2026 14:30", ymd(2026, 10, 15)),
            ("15/10/2026 14:30:59", ymd(2026, 10, 15)),
            ("15/10/2026 2:30 CH", ymd(2026, 10, 15)),
            ("15/10/2026 2:30 PM", ymd(2026, 10, 15)),
            ("15/10/2026 14h30", ymd(2026, 10, 15)),
            ("2026-10-15T14:30:00", ymd(2026, 10, 15)),
            ("2026-10-15T14:30:00+07:00", ymd(2026, 10, 15)),
            ("2026-10-15 14:30:00.000", ymd(2026, 10, 15)),
            ("  29/02/2028 ", ymd(2028, 2, 29)),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_date(&Cell::Text(input.into())),
                Ok(expected),
                "{input:?}"
            );
        }
    }

    #[test]
    fn what_is_not_a_date_is_refused_with_its_reason() {
        let cases = [
            ("", DateError::Empty),
            ("   ", DateError::Empty),
            ("31/02/2026", DateError::Impossible),
            ("29/02/2026", DateError::Impossible),
            ("15/13/2026", DateError::Impossible),
            ("00/10/2026", DateError::Impossible),
            ("15/10/26", DateError::TwoDigitYear),
            ("1/1/26", DateError::TwoDigitYear),
            ("15/10", DateError::Unrecognised),
            ("15/10/2026/1", DateError::Unrecognised),
            ("15/10-2026", DateError::Unrecognised),
            ("15102026", DateError::Unrecognised),
            ("ngày 15 tháng 10", DateError::Unrecognised),
            ("15/10/2026 sáng", DateError::Unrecognised),
            ("Oct 15, 2026", DateError::Unrecognised),
            ("115/10/2026", DateError::Unrecognised),
            ("15/10/20266", DateError::Unrecognised),
            ("2026-10-15x", DateError::Unrecognised),
        ];
        for (input, expected) in cases {
            assert_eq!(
                parse_date(&Cell::Text(input.into())),
                Err(expected),
                "{input:?}"
            );
        }
    }

    #[test]
    fn excel_serials_follow_the_1900_system_and_its_leap_year_bug() {
        let cases = [
            (1.0, Ok(ymd(1900, 1, 1))),
            (59.0, Ok(ymd(1900, 2, 28))),
            (60.0, Err(DateError::BadSerial)),
            (61.0, Ok(ymd(1900, 3, 1))),
            (45000.0, Ok(ymd(2023, 3, 15))),
            (45000.75, Ok(ymd(2023, 3, 15))),
            (46310.0, Ok(ymd(2026, 10, 15))),
            (2_958_465.0, Ok(ymd(9999, 12, 31))),
            (2_958_466.0, Err(DateError::BadSerial)),
            (0.0, Err(DateError::BadSerial)),
            (0.5, Err(DateError::BadSerial)),
            (-1.0, Err(DateError::BadSerial)),
            (f64::NAN, Err(DateError::BadSerial)),
            (f64::INFINITY, Err(DateError::BadSerial)),
        ];
        for (serial, expected) in cases {
            assert_eq!(parse_date(&Cell::Number(serial)), expected, "{serial}");
        }
    }

    #[test]
    fn date_cells_and_empty_cells() {
        let day = ymd(2026, 10, 15);
        assert_eq!(parse_date(&Cell::Date(day)), Ok(day));
        assert_eq!(parse_date(&Cell::Empty), Err(DateError::Empty));
    }

    #[test]
    fn messages_never_repeat_the_value() {
        for input in ["31/02/2026", "15/10/26", "hôm qua"] {
            let message = parse_date(&Cell::Text(input.into()))
                .expect_err(input)
                .to_string();
            assert!(!message.contains(input), "{message}");
        }
    }
}

//! One cell of a dossier list, as the sheet reader hands it over: empty, text, a number (XLSX
//! only: a phone typed as a number arrives here without its leading 0) or a date (XLSX cells
//! formatted as dates). Debug output hides text and numbers, which may be names or phones.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

/// A cell's value. Text is trimmed by the reader and never blank: a blank cell is `Empty`.
#[derive(Clone, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// Only from XLSX cells that Excel stores as dates.
    Date(NaiveDate),
}

impl Cell {
    /// A text cell from raw text: trimmed, and `Empty` when nothing is left.
    pub fn text(raw: &str) -> Cell {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(trimmed.to_owned())
        }
    }

    /// Whether the cell holds nothing (an all-blank text counts as nothing).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(text) => text.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The cell as a person reads it: whole numbers without decimals (`912345678`, not
    /// `912345678.0`), dates as `dd/mm/yyyy`, empty as `""`.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) => Cow::Borrowed(text),
            Cell::Number(number) => Cow::Owned(format_number(*number)),
            Cell::Date(date) => Cow::Owned(date.format("%d/%m/%Y").to_string()),
        }
    }
}

/// Whole numbers below 10^15 print without a fraction or an exponent.
pub(crate) fn format_number(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// Shows the kind of a cell and the length of its text, never the text or the number.
impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Empty => write!(f, "Empty"),
            Cell::Text(text) => write!(f, "Text({} ký tự)", text.chars().count()),
            Cell::Number(_) => write!(f, "Number(…)"),
            Cell::Date(date) => write!(f, "Date({date})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_people_see_them() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 5).expect("valid date");
        let cases = [
            (Cell::Empty, ""),
            (Cell::text("  Nguyễn An "), "Nguyễn An"),
            (Cell::Number(912345678.0), "912345678"),
            (Cell::Number(-3.0), "-3"),
            (Cell::Number(2.5), "2.5"),
            (Cell::Date(date), "05/10/2026"),
        ];
        for (cell, expected) in cases {
            assert_eq!(cell.as_text(), expected, "{cell:?}");
        }
        assert_eq!(Cell::text(" \u{a0} "), Cell::Empty);
        assert!(Cell::Text("  ".into()).is_empty());
        assert!(!Cell::Number(0.0).is_empty());
    }

    #[test]
    fn debug_hides_text_and_numbers() {
        let shown = format!(
            "{:?}",
            [Cell::text("Nguyễn Văn An"), Cell::Number(912345678.0)]
        );
        assert!(!shown.contains("Nguyễn"), "{shown}");
        assert!(!shown.contains("912345678"), "{shown}");
    }
}

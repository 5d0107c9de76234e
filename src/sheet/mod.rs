//! Reading the tabular files supervisors import: CSV (UTF-8, with or without BOM, comma,
//! semicolon or tab) and XLSX (through calamine), into a [`Table`] of [`Cell`]s. Only I/O and
//! decoding live here; which header is which column and what a row means is
//! `crate::domain::intake`'s business.
//!
//! A file that cannot be read gives a [`SheetError`] in Vietnamese naming the file (and the
//! sheet or line where that helps), never a panic. Errors never quote cell contents.
//!
//! Row numbers are the spreadsheet's: the header is row 1 and `rows[i]` is row `i + 2`, as the
//! supervisor sees it in Excel. A fully empty row inside the table is kept as an empty vector
//! so the numbers stay right; [`Table::records`] skips such rows and gives each row's number.
//! Trailing empty rows are dropped.

mod delimited;
mod workbook;

use std::path::Path;

pub use crate::domain::intake::cell::Cell;

/// A sheet read into memory: the header row and the rows below it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The file's name (without its folder), for messages.
    pub file: String,
    /// The sheet read, for XLSX; `None` for CSV.
    pub sheet: Option<String>,
    /// The header row, trimmed; blank header cells are `""`.
    pub headers: Vec<String>,
    /// `rows[i]` is spreadsheet row `i + 2`. A row is either empty (a blank row, kept for the
    /// numbering) or holds at least one non-empty cell and is at least as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The spreadsheet row number of `rows[index]`.
    pub fn row_number(index: usize) -> usize {
        index + 2
    }

    /// The rows that hold something, each with its spreadsheet row number.
    pub fn records(&self) -> impl Iterator<Item = (usize, &[Cell])> + '_ {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, cells)| !cells.is_empty())
            .map(|(index, cells)| (Table::row_number(index), cells.as_slice()))
    }

    /// How many rows hold something.
    pub fn record_count(&self) -> usize {
        self.rows.iter().filter(|cells| !cells.is_empty()).count()
    }
}

/// Why a file could not be read. Nothing of a file that fails is imported.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("chỉ nhận tệp .csv hoặc .xlsx: tệp “{file}” không phải tệp CSV hay XLSX")]
    UnsupportedType { file: String },
    #[error("không tìm thấy tệp “{file}”")]
    NotFound { file: String },
    #[error(
        "không có quyền đọc tệp “{file}” (nếu tệp đang mở trong Excel, hãy đóng lại rồi thử lại)"
    )]
    PermissionDenied { file: String },
    #[error("không đọc được tệp “{file}”: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("tệp “{file}” trống")]
    Empty { file: String },
    #[error(
        "tệp “{file}” không phải UTF-8{}: hãy mở bằng Excel và lưu lại dạng “CSV UTF-8”",
        at_line(*.line)
    )]
    NotUtf8 {
        file: String,
        /// The line of the first byte that is not UTF-8, when the file is not UTF-16.
        line: Option<usize>,
    },
    #[error("không đọc được tệp “{file}” ở dòng {line}")]
    BadCsv { file: String, line: usize },
    #[error(
        "tệp “{file}” có dấu ngoặc kép (\") mở ở dòng {line} mà không đóng, nên mọi dòng sau \
         đó bị gộp vào một ô: hãy sửa dòng đó rồi nhập lại"
    )]
    UnclosedQuote { file: String, line: usize },
    #[error(
        "không đọc được tệp “{file}”: không phải tệp XLSX hợp lệ (có thể bị hỏng hoặc tải về chưa xong)"
    )]
    BadXlsx {
        file: String,
        /// calamine's account, for a developer (no cell contents).
        detail: String,
    },
    #[error(
        "tệp “{file}” là tệp Excel cũ (.xls) hoặc có đặt mật khẩu: hãy mở bằng Excel, bỏ mật \
         khẩu nếu có và lưu lại dạng “Excel Workbook (.xlsx)”"
    )]
    OldOrProtectedExcel { file: String },
    #[error(
        "tệp “{file}” không có trang tính “{sheet}”; các trang tính trong tệp: {}",
        quoted_list(.available)
    )]
    SheetNotFound {
        file: String,
        sheet: String,
        available: Vec<String>,
    },
    #[error("tệp “{file}” không có trang tính nào")]
    NoSheet { file: String },
}

fn at_line(line: Option<usize>) -> String {
    line.map(|line| format!(" (từ dòng {line})"))
        .unwrap_or_default()
}

fn quoted_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("“{name}”")).collect();
    quoted.join(", ")
}

impl SheetError {
    fn io(file: String, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::NotFound => SheetError::NotFound { file },
            std::io::ErrorKind::PermissionDenied => SheetError::PermissionDenied { file },
            _ => SheetError::Io { file, source },
        }
    }
}

/// The two kinds of file a list may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Xlsx,
}

/// ZIP's local-file signature: every XLSX starts with it.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

fn kind_of(file: &str) -> Option<Kind> {
    let extension = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "csv" => Some(Kind::Csv),
        "xlsx" => Some(Kind::Xlsx),
        _ => None,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// Reads a `.csv` or `.xlsx` file. For XLSX, `sheet` names the sheet to read (matched exactly,
/// else ignoring case and diacritics); without it the first visible worksheet is read. CSV
/// files have no sheets and ignore it.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, SheetError> {
    let file = file_name(path);
    if kind_of(&file).is_none() {
        return Err(SheetError::UnsupportedType { file });
    }
    let bytes = std::fs::read(path).map_err(|source| SheetError::io(file.clone(), source))?;
    read_bytes(&file, bytes, sheet)
}

/// [`read_table`] on a file already in memory; `file` is its name, whose extension decides
/// how it is read. A `.csv` that is in fact a workbook (a renamed XLSX) is read as XLSX.
pub fn read_bytes(file: &str, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, SheetError> {
    let file = file.to_owned();
    let Some(kind) = kind_of(&file) else {
        return Err(SheetError::UnsupportedType { file });
    };
    if bytes.is_empty() {
        return Err(SheetError::Empty { file });
    }
    if kind == Kind::Xlsx || bytes.starts_with(ZIP_MAGIC) {
        workbook::read(file, bytes, sheet)
    } else {
        delimited::read(file, &bytes)
    }
}

/// The worksheets of an XLSX file, in the workbook's order, for a sheet picker. A CSV file
/// has none: the list is empty.
pub fn sheet_names(path: &Path) -> Result<Vec<String>, SheetError> {
    let file = file_name(path);
    match kind_of(&file) {
        None => Err(SheetError::UnsupportedType { file }),
        Some(Kind::Csv) => Ok(Vec::new()),
        Some(Kind::Xlsx) => {
            let bytes =
                std::fs::read(path).map_err(|source| SheetError::io(file.clone(), source))?;
            if bytes.is_empty() {
                return Err(SheetError::Empty { file });
            }
            workbook::sheet_names(file, bytes)
        }
    }
}

#[cfg(test)]
mod tests;

//! XLSX through calamine's streaming cell reader: cells arrive row by row with their
//! position, so no full rectangle of the sheet is built. Numbers stay numbers (a phone typed
//! as a number has lost its leading 0: the row rules put it back), cells Excel stores as dates
//! become dates, booleans and errors (`#N/A`) become their text.

use std::io::Cursor;
use std::sync::mpsc;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Xlsx, XlsxError};
use chrono::NaiveDate;

use super::{SheetError, Table, ZIP_MAGIC};
use crate::domain::intake::cell::Cell;
use crate::domain::intake::text::fold;

/// The OLE compound-file signature of old .xls files and of password-protected workbooks.
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

type Workbook = Xlsx<Cursor<Vec<u8>>>;

fn bad(file: &str, error: XlsxError) -> SheetError {
    match error {
        XlsxError::Password => SheetError::OldOrProtectedExcel {
            file: file.to_owned(),
        },
        error => SheetError::BadXlsx {
            file: file.to_owned(),
            detail: error.to_string(),
        },
    }
}

fn open(file: &str, bytes: Vec<u8>) -> Result<Workbook, SheetError> {
    if bytes.starts_with(CFB_MAGIC) {
        return Err(SheetError::OldOrProtectedExcel {
            file: file.to_owned(),
        });
    }
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(SheetError::BadXlsx {
            file: file.to_owned(),
            detail: "no ZIP signature".to_owned(),
        });
    }
    Xlsx::new(Cursor::new(bytes)).map_err(|error| bad(file, error))
}

/// The worksheets (not chart sheets), in the workbook's order, with their visibility.
fn worksheets(workbook: &Workbook) -> Vec<(String, bool)> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|sheet| sheet.typ == SheetType::WorkSheet)
        .map(|sheet| (sheet.name.clone(), sheet.visible == SheetVisible::Visible))
        .collect()
}

pub(super) fn sheet_names(file: String, bytes: Vec<u8>) -> Result<Vec<String>, SheetError> {
    let workbook = open(&file, bytes)?;
    Ok(worksheets(&workbook)
        .into_iter()
        .map(|(name, _)| name)
        .collect())
}

/// The sheet to read: the one asked for (exactly, else folded), or the first visible one.
fn choose(file: &str, workbook: &Workbook, wanted: Option<&str>) -> Result<String, SheetError> {
    let sheets = worksheets(workbook);
    let chosen = match wanted {
        Some(wanted) => sheets.iter().find(|(name, _)| name == wanted).or_else(|| {
            let key = fold(wanted);
            sheets.iter().find(|(name, _)| fold(name) == key)
        }),
        None => sheets
            .iter()
            .find(|(_, visible)| *visible)
            .or_else(|| sheets.first()),
    };
    match (chosen, wanted) {
        (Some((name, _)), _) => Ok(name.clone()),
        (None, Some(wanted)) => Err(SheetError::SheetNotFound {
            file: file.to_owned(),
            sheet: wanted.to_owned(),
            available: sheets.into_iter().map(|(name, _)| name).collect(),
        }),
        (None, None) => Err(SheetError::NoSheet {
            file: file.to_owned(),
        }),
    }
}

pub(super) fn read(file: String, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Table, SheetError> {
    let mut workbook = open(&file, bytes)?;
    let sheet = choose(&file, &workbook, sheet)?;
    let mut cells = workbook
        .worksheet_cells_reader(&sheet)
        .map_err(|error| bad(&file, error))?;
    // calamine parses the XML on this thread while a second one copies the shared strings into
    // cells and builds the rows: on two cores the copying is then almost free.
    let (sender, receiver) = mpsc::sync_channel::<Vec<Placed<'_>>>(16);
    let (parsed, grid) = std::thread::scope(|scope| {
        let assembler = scope.spawn(move || {
            let mut grid = Grid::default();
            for batch in receiver {
                for (row, column, value) in batch {
                    let cell = match value {
                        Pending::Shared(text) => Cell::text(text),
                        Pending::Ready(cell) => cell,
                    };
                    grid.place(row as usize, column as usize, cell);
                }
            }
            grid
        });
        let mut batch = Vec::with_capacity(BATCH);
        let parsed = loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break Ok(()),
                Err(error) => break Err(error),
            };
            let (row, column) = cell.get_position();
            let value = match cell.get_value() {
                DataRef::SharedString(text) => Pending::Shared(text),
                other => match convert(other) {
                    Cell::Empty => continue,
                    cell => Pending::Ready(cell),
                },
            };
            batch.push((row, column, value));
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                if sender.send(full).is_err() {
                    break Ok(());
                }
            }
        };
        // A send fails only if the assembler is gone, which its join reports.
        let _ = sender.send(batch);
        drop(sender);
        (parsed, assembler.join())
    });
    parsed.map_err(|error| bad(&file, error))?;
    let grid = grid.map_err(|_| SheetError::BadXlsx {
        file: file.clone(),
        detail: "the row builder stopped".to_owned(),
    })?;
    let (headers, rows) = grid.finish();
    Ok(Table {
        file,
        sheet: Some(sheet),
        headers,
        rows,
    })
}

/// Cells handed from the parsing thread to the row builder, in batches of this size.
const BATCH: usize = 4096;

/// A cell on its way to the row builder: a shared string still borrowed from the workbook,
/// or a cell already made.
enum Pending<'a> {
    Shared(&'a str),
    Ready(Cell),
}

type Placed<'a> = (u32, u32, Pending<'a>);

/// The header row and the rows below it, built from cells in any order.
#[derive(Default)]
struct Grid {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// Puts a cell at its 0-based position (row 0 is the header row). Empty cells are ignored.
    fn place(&mut self, row: usize, column: usize, cell: Cell) {
        if cell == Cell::Empty {
            return;
        }
        if row == 0 {
            if self.headers.len() <= column {
                self.headers.resize(column + 1, String::new());
            }
            self.headers[column] = cell.as_text().into_owned();
            return;
        }
        let index = row - 1;
        if self.rows.len() <= index {
            self.rows.resize_with(index + 1, Vec::new);
        }
        let cells = &mut self.rows[index];
        if cells.is_empty() {
            cells.reserve_exact(self.headers.len().max(column + 1));
        }
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
    }

    /// Pads every non-empty row to the header's length.
    fn finish(mut self) -> (Vec<String>, Vec<Vec<Cell>>) {
        let width = self.headers.len();
        for cells in self.rows.iter_mut().filter(|cells| !cells.is_empty()) {
            if cells.len() < width {
                cells.resize(width, Cell::Empty);
            }
        }
        (self.headers, self.rows)
    }
}

/// A calamine value as a cell. Blank strings are `Empty`.
pub(super) fn convert(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::String(text) => Cell::text(text),
        DataRef::SharedString(text) => Cell::text(text),
        DataRef::Int(number) => Cell::Number(*number as f64),
        DataRef::Float(number) => Cell::Number(*number),
        DataRef::Bool(true) => Cell::Text("TRUE".to_owned()),
        DataRef::Bool(false) => Cell::Text("FALSE".to_owned()),
        DataRef::DateTime(moment) => {
            let serial = moment.as_f64();
            if !moment.is_datetime() || serial < 1.0 {
                // a duration, or a time of day without a date
                return Cell::Number(serial);
            }
            let (year, month, day, ..) = moment.to_ymd_hms_milli();
            // None for Excel's 29 February 1900: left as the serial, which the rules refuse.
            NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
                .map_or(Cell::Number(serial), Cell::Date)
        }
        DataRef::DateTimeIso(text) => text
            .get(..10)
            .and_then(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::text(text), Cell::Date),
        DataRef::DurationIso(text) => Cell::text(text),
        DataRef::Error(error) => Cell::Text(error.to_string()),
    }
}

//! Importing a dossier list into a campaign: read the file, match its headers, check every
//! row, fold each person's dossiers into one case and store all accepted rows in one
//! transaction. Every row is accounted for: stored, already present, or rejected with its row,
//! column and reason; rejected rows can be written out, with their original cells and the
//! reason, to fix and import again.

use super::session::Session;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::intake::{
    map_headers, parse_row, unknown_agencies, AgencyDirectory, Column, ColumnMap, Rejection,
    RowContext,
};
use crate::error::{Error, Result};
use crate::sheet::{self, Cell, Table};
use crate::store::model::{Agency, ImportBatch};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub campaign_id: Uuid,
    pub file: PathBuf,
    /// For XLSX: the sheet to read; the first one when `None`.
    pub sheet: Option<String>,
    /// Add the agencies the list names that the catalogue does not know, before importing.
    pub add_agencies: bool,
}

/// One rejected row, as the supervisor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    /// The spreadsheet row (the header is row 1).
    pub row: usize,
    /// The column's Vietnamese name, when one column is at fault.
    pub column: Option<String>,
    pub value: String,
    pub reason: String,
}

/// What an import did: `rows = accepted + rejected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportSummary {
    /// Data rows read.
    pub rows: usize,
    /// Rows stored, or already present with the same data.
    pub accepted: usize,
    pub rejected: usize,
    /// Cases this import created.
    pub new_cases: usize,
    /// Cases in the campaign afterwards.
    pub cases_total: usize,
    /// Agencies added to the catalogue first (`add_agencies`).
    pub agencies_added: Vec<UnknownAgency>,
    #[serde(skip)]
    pub rejections: Vec<RejectedRow>,
}

/// An agency a list names that the catalogue does not know, with the code it gets when added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnknownAgency {
    pub code: String,
    pub name: String,
    /// Rows of the list that name it.
    pub rows: usize,
}

/// The agencies the table's agency column names that `catalogue` does not know.
fn unknown_in(table: &Table, columns: &ColumnMap, catalogue: &[Agency]) -> Vec<UnknownAgency> {
    let Some(at) = columns.get(Column::Agency) else {
        return Vec::new();
    };
    let cells: Vec<String> = table
        .records()
        .map(|(_, cells)| {
            cells
                .get(at)
                .map(|cell| cell.as_text().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let taken: HashSet<String> = catalogue.iter().map(|a| a.code.clone()).collect();
    unknown_agencies(
        cells.iter().map(String::as_str),
        &directory(catalogue),
        &taken,
    )
    .into_iter()
    .map(|a| UnknownAgency {
        code: a.code,
        name: a.name,
        rows: a.rows,
    })
    .collect()
}

/// The catalogue as imports match against it, by code or by name.
fn directory(catalogue: &[Agency]) -> AgencyDirectory {
    AgencyDirectory::new(catalogue.iter().map(|a| (a.code.clone(), a.name.clone())))
}

/// Where a long import stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "stage")]
pub enum ImportProgress {
    /// Rows checked so far.
    Checking {
        done: usize,
        total: usize,
    },
    /// The accepted rows are being written, in one transaction.
    Storing {
        rows: usize,
    },
    Done,
}

/// Told how an import goes; [`quiet`] when nobody watches.
pub type OnProgress<'a> = &'a (dyn Fn(ImportProgress) + Sync);

/// Progress nobody watches.
pub fn quiet(_: ImportProgress) {}

/// How many rows are checked between two progress reports.
const PROGRESS_EVERY: usize = 5_000;

fn file_error(error: impl std::fmt::Display) -> Error {
    Error::Invalid(error.to_string())
}

/// Imports a file; nothing is written unless the whole file can be read and its headers matched.
pub async fn import_file(
    session: &Session,
    now: DateTime<Utc>,
    req: &ImportRequest,
    progress: OnProgress<'_>,
) -> Result<(ImportSummary, Table)> {
    session.supervise(req.campaign_id, "nhập danh sách")?;
    let table = sheet::read_table(&req.file, req.sheet.as_deref()).map_err(file_error)?;
    let summary = import_table(
        session,
        now,
        req.campaign_id,
        &table,
        req.add_agencies,
        progress,
    )
    .await?;
    Ok((summary, table))
}

/// Imports a table already read; with `add_agencies`, the agencies it names that the catalogue
/// does not know are added first (they stay if the import then fails: they are the province's).
pub async fn import_table(
    session: &Session,
    now: DateTime<Utc>,
    campaign_id: Uuid,
    table: &Table,
    add_agencies: bool,
    progress: OnProgress<'_>,
) -> Result<ImportSummary> {
    session.supervise(campaign_id, "nhập danh sách")?;
    let store = session.store();
    let columns =
        map_headers(&table.headers).map_err(|e| Error::Invalid(format!("{}: {e}", table.file)))?;
    let campaign = store.campaign(campaign_id).await?;
    let mut catalogue = store.agencies().await?;
    let agencies_added = if add_agencies {
        unknown_in(table, &columns, &catalogue)
    } else {
        Vec::new()
    };
    if !agencies_added.is_empty() {
        let added: Vec<Agency> = agencies_added
            .iter()
            .map(|a| Agency {
                id: Uuid::new_v4(),
                code: a.code.clone(),
                name: a.name.clone(),
            })
            .collect();
        store.put_agencies(&added).await?;
        tracing::info!(campaign = %campaign_id, added = added.len(), "agencies added from a list");
        catalogue = store.agencies().await?;
    }
    let agencies = directory(&catalogue);
    let context = RowContext {
        received_from: campaign.received_from,
        received_to: campaign.received_to,
        agencies: &agencies,
    };

    let mut accepted = Vec::with_capacity(table.rows.len());
    let mut rejections: Vec<Rejection> = Vec::new();
    let rows = table.record_count();
    for (done, (row, cells)) in table.records().enumerate() {
        if done % PROGRESS_EVERY == 0 {
            progress(ImportProgress::Checking { done, total: rows });
        }
        match parse_row(row, cells, &columns, &context) {
            Ok(dossier) => accepted.push(dossier),
            Err(rejection) => rejections.push(rejection),
        }
    }
    progress(ImportProgress::Storing {
        rows: accepted.len(),
    });
    let batch = ImportBatch {
        id: Uuid::new_v4(),
        campaign_id,
        file_name: table.file.clone(),
        rows_read: rows,
        rejected_before: rejections.len(),
        imported_at: now,
        by: session.login(),
    };
    let counts = store.import_dossiers(&batch, &accepted).await?;
    progress(ImportProgress::Done);
    rejections.extend(counts.rejected);
    rejections.sort_by_key(|r| r.row);
    tracing::info!(campaign = %campaign_id, import = %batch.id, rows, stored = counts.stored, rejected = rejections.len(), new_cases = counts.new_cases, "list imported");
    Ok(ImportSummary {
        rows,
        accepted: counts.stored + counts.already_present,
        rejected: rejections.len(),
        new_cases: counts.new_cases,
        cases_total: counts.cases_total,
        agencies_added,
        rejections: rejections
            .into_iter()
            .map(|r| RejectedRow {
                row: r.row,
                column: r.column.map(|c| c.label_vi().to_owned()),
                reason: r.reason.message_vi(),
                value: r.value,
            })
            .collect(),
    })
}

/// Writes the rejected rows with their original cells and a last column with the reason, as
/// CSV in UTF-8 with a BOM (so Excel shows Vietnamese), ready to fix and import again.
/// Writes the rejected rows as they were, with the reason, to a private file (see
/// `private_file`); an existing file is replaced only when `replace` was confirmed.
pub fn write_rejects(
    path: &Path,
    replace: bool,
    table: &Table,
    rejections: &[RejectedRow],
) -> Result<()> {
    let failed = |e: &dyn std::fmt::Display| {
        Error::Invalid(format!("không ghi được tệp {}: {e}", path.display()))
    };
    let mut out = Vec::from(b"\xEF\xBB\xBF".as_slice());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let mut header = table.headers.clone();
        header.push("Lý do từ chối".to_owned());
        writer.write_record(&header).map_err(|e| failed(&e))?;
        for rejection in rejections {
            let cells = table
                .rows
                .get(rejection.row.saturating_sub(2))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut record: Vec<String> = (0..table.headers.len())
                .map(|i| cells.get(i).map(cell_text).unwrap_or_default())
                .collect();
            record.push(match &rejection.column {
                Some(column) => format!(
                    "Dòng {}, cột “{column}”: {}",
                    rejection.row, rejection.reason
                ),
                None => format!("Dòng {}: {}", rejection.row, rejection.reason),
            });
            writer.write_record(&record).map_err(|e| failed(&e))?;
        }
        writer.flush().map_err(|e| failed(&e))?;
    }
    let partial = super::private_file::begin(path, replace)?;
    std::fs::write(&partial, out)
        .and_then(|()| super::private_file::finish(&partial, path))
        .map_err(|e| {
            super::private_file::abandon(&partial);
            failed(&super::private_file::io_reason(&e))
        })
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Date(date) => date.format("%d/%m/%Y").to_string(),
        other => other.as_text().into_owned(),
    }
}

/// The import screen's request: a file on this workstation and the campaign to import into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportFileRequest {
    pub campaign_id: Uuid,
    pub path: String,
    pub sheet: Option<String>,
    /// Add the agencies the list names that the catalogue does not know (the preview lists
    /// them), before importing.
    #[serde(default)]
    pub add_agencies: bool,
}

impl From<&ImportFileRequest> for ImportRequest {
    fn from(req: &ImportFileRequest) -> Self {
        ImportRequest {
            campaign_id: req.campaign_id,
            file: PathBuf::from(&req.path),
            sheet: req.sheet.clone(),
            add_agencies: req.add_agencies,
        }
    }
}

/// How one header of the file was understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMatch {
    pub header: String,
    /// The column it was taken for (Vietnamese name); `None` when it is ignored.
    pub column: Option<String>,
}

/// What the file holds, before anything is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file: String,
    pub sheet: Option<String>,
    /// Data rows in the file.
    pub rows: usize,
    pub columns: Vec<ColumnMatch>,
    /// Why the file cannot be imported as it is (missing required columns…); empty when it can.
    pub problem: Option<String>,
    /// The first rows, cell by cell, as shown in the preview.
    pub first_rows: Vec<Vec<String>>,
    /// The agencies the list names that the catalogue does not know: their rows would be
    /// rejected unless they are added (`add_agencies`).
    pub unknown_agencies: Vec<UnknownAgency>,
}

/// Reads a file and says how its columns were understood and which of its agencies the
/// catalogue does not know; writes nothing.
pub async fn preview(session: &Session, req: &ImportFileRequest) -> Result<ImportPreview> {
    session.supervise(req.campaign_id, "nhập danh sách")?;
    let table =
        sheet::read_table(Path::new(&req.path), req.sheet.as_deref()).map_err(file_error)?;
    let mut unknown = Vec::new();
    let (columns, problem) = match map_headers(&table.headers) {
        Ok(map) => {
            unknown = unknown_in(&table, &map, &session.store().agencies().await?);
            let found = map.describe();
            let columns = table
                .headers
                .iter()
                .map(|header| ColumnMatch {
                    header: header.clone(),
                    column: found
                        .iter()
                        .find(|(h, _)| h == header)
                        .map(|(_, c)| c.label_vi().to_owned()),
                })
                .collect();
            (columns, None)
        }
        Err(error) => (
            table
                .headers
                .iter()
                .map(|header| ColumnMatch {
                    header: header.clone(),
                    column: None,
                })
                .collect(),
            Some(error.to_string()),
        ),
    };
    Ok(ImportPreview {
        file: table.file.clone(),
        sheet: table.sheet.clone(),
        rows: table.record_count(),
        columns,
        problem,
        first_rows: table
            .records()
            .take(10)
            .map(|(_, cells)| cells.iter().map(cell_text).collect())
            .collect(),
        unknown_agencies: unknown,
    })
}

/// The import screen's result: the counts and every rejected row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub summary: ImportSummary,
    pub rejections: Vec<RejectedRow>,
}

pub async fn import_report(
    session: &Session,
    now: DateTime<Utc>,
    req: &ImportFileRequest,
    progress: OnProgress<'_>,
) -> Result<ImportReport> {
    let (summary, _) = import_file(session, now, &ImportRequest::from(req), progress).await?;
    Ok(ImportReport {
        rejections: summary.rejections.clone(),
        summary,
    })
}

/// Saving the rejected rows of an import: the file is read again for their original cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveRejectsRequest {
    pub path: String,
    pub sheet: Option<String>,
    /// Where to write the CSV.
    pub out: String,
    pub rejections: Vec<RejectedRow>,
    /// Replace a file already there: the person confirmed it in the save dialog.
    #[serde(default)]
    pub replace: bool,
}

pub fn save_rejects(req: &SaveRejectsRequest) -> Result<()> {
    let table =
        sheet::read_table(Path::new(&req.path), req.sheet.as_deref()).map_err(file_error)?;
    write_rejects(Path::new(&req.out), req.replace, &table, &req.rejections)
}

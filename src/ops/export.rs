//! Exports of a campaign's results. The interviews, one row per finished interview and one
//! column per question (answer codes), with the interview's particulars — as CSV in UTF-8 with a
//! BOM (so Excel shows Vietnamese) and a second header row of labels, or as XLSX with a sheet of
//! labels; names and numbers only when asked for, and such an export is written to the audit.
//! The reports (index, rates, progress) as formatted workbooks. A file is written beside its
//! destination and moved into place, so a failed export leaves no half-written file.

use super::private_file;
use super::session::Session;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::survey::{Kind, Script, SCALE};
use crate::domain::time::format_instant;
use crate::error::{Error, Result};
use crate::ops::interview::{campaign_script, interview_answers};
use crate::ops::interview_file::{CONTACTS, DOSSIER, PARTICULARS};
use crate::ops::reports::{
    self, IndexReport, IndexRequest, ProgressReport, RatesBy, RatesReport, RatesRequest,
};
use crate::store::model::{AuditEntry, Campaign};
use crate::store::Store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim() {
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            other => Err(Error::Invalid(format!(
                "định dạng “{other}” không có: dùng csv hoặc xlsx"
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportRequest {
    pub campaign_id: Uuid,
    pub format: ExportFormat,
    /// The file to write.
    #[ts(type = "string")]
    pub out: PathBuf,
    /// Add the person's name and phone number (written to the audit).
    #[serde(default)]
    pub with_contacts: bool,
    /// Replace a file already there: the person confirmed it (the save dialog, `--force`).
    #[serde(default)]
    pub replace: bool,
}

/// Which report a workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReportKind {
    Sipas,
    Rates,
    Progress,
}

impl ReportKind {
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim() {
            "sipas" => Ok(Self::Sipas),
            "rates" => Ok(Self::Rates),
            "progress" => Ok(Self::Progress),
            other => Err(Error::Invalid(format!(
                "báo cáo “{other}” không có: dùng sipas, rates hoặc progress"
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportExportRequest {
    pub campaign_id: Uuid,
    pub report: ReportKind,
    #[ts(type = "string")]
    pub out: PathBuf,
    /// Replace a file already there: the person confirmed it.
    #[serde(default)]
    pub replace: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: String,
    /// Data rows written.
    pub rows: usize,
}

/// One interview's row: the particulars, then each question's answer code.
struct Sheet {
    headers: Vec<String>,
    labels: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns before the answers.
    particulars: usize,
}

async fn interview_sheet(
    store: &dyn Store,
    campaign: &Campaign,
    script: &Script,
    with_contacts: bool,
) -> Result<Sheet> {
    let interviews = store.exported_interviews(campaign.id).await?;
    // Each interview's answers that count, by the engine's walk over its history.
    let answers: HashMap<Uuid, HashMap<String, String>> = store
        .campaign_interviews(campaign.id)
        .await?
        .iter()
        .map(|i| {
            let counted = interview_answers(script, i)
                .into_iter()
                .map(|a| (a.question.as_str().to_owned(), a.value))
                .collect();
            (i.id, counted)
        })
        .collect();
    let contacts: HashMap<Uuid, (String, String)> = if with_contacts {
        store
            .contacts(campaign.id)
            .await?
            .into_iter()
            .map(|c| (c.case_id, (c.full_name, c.phone.national())))
            .collect()
    } else {
        HashMap::new()
    };
    let mut columns = vec![DOSSIER];
    columns.extend(PARTICULARS);
    if with_contacts {
        columns.extend(CONTACTS);
    }
    let particulars = columns.len();
    let mut headers: Vec<String> = columns.iter().map(|c| c.id.to_owned()).collect();
    let mut labels: Vec<String> = columns.iter().map(|c| c.label.to_owned()).collect();
    for q in script.questions() {
        headers.push(q.id.as_str().to_owned());
        labels.push(q.text.clone());
    }
    let zone = campaign.time_zone;
    let rows = interviews
        .iter()
        .map(|i| {
            let mut row = vec![
                i.dossier_code.clone(),
                i.agency_code.clone(),
                i.agency_name.clone(),
                i.procedure.clone(),
                i.mode.as_str().to_owned(),
                i.operator_login.clone(),
                format_instant(i.started_at, zone),
                i.finished_at
                    .map(|at| format_instant(at, zone))
                    .unwrap_or_default(),
                i.status.as_str().to_owned(),
                i.outcome
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ];
            if with_contacts {
                let (name, phone) = contacts.get(&i.case_id).cloned().unwrap_or_default();
                row.push(name);
                row.push(phone);
            }
            let given = answers.get(&i.id);
            for q in script.questions() {
                row.push(
                    given
                        .and_then(|g| g.get(q.id.as_str()))
                        .cloned()
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    Ok(Sheet {
        headers,
        labels,
        rows,
        particulars,
    })
}

/// Writes the campaign's interviews to a CSV or XLSX file.
pub async fn export_interviews(
    session: &Session,
    now: DateTime<Utc>,
    req: &ExportRequest,
) -> Result<Exported> {
    session.supervise(req.campaign_id, "xuất phiếu")?;
    // Names and numbers leave only on a person's audited request.
    let by = if req.with_contacts {
        Some(session.person()?.id)
    } else {
        None
    };
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let script = campaign_script(store, &campaign).await?;
    let sheet = interview_sheet(store, &campaign, &script, req.with_contacts).await?;
    if let Some(by) = by {
        // Names and numbers leave the database: who, when, how many, where to.
        store
            .add_audit(&AuditEntry {
                id: Uuid::now_v7(),
                at: now,
                actor: by,
                campaign_id: campaign.id,
                action: "export_contacts".to_owned(),
                case_id: None,
                before: None,
                after: Some(format!(
                    "{} phiếu kèm họ tên và số điện thoại, tệp {}",
                    sheet.rows.len(),
                    file_name(&req.out)
                )),
            })
            .await?;
    }
    match req.format {
        ExportFormat::Csv => {
            write_atomically(&req.out, "csv", req.replace, |path| write_csv(path, &sheet))?
        }
        ExportFormat::Xlsx => write_atomically(&req.out, "xlsx", req.replace, |path| {
            Ok(write_interviews_xlsx(path, &sheet, &script)?)
        })?,
    }
    tracing::info!(campaign = %campaign.id, rows = sheet.rows.len(), contacts = req.with_contacts, "interviews exported");
    Ok(Exported {
        path: req.out.display().to_string(),
        rows: sheet.rows.len(),
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Why a file could not be written, before it is said in Vietnamese with the file's name.
#[derive(Debug)]
enum WriteError {
    Io(std::io::Error),
    Xlsx(XlsxError),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        Self::Io(e)
    }
}

impl From<csv::Error> for WriteError {
    fn from(e: csv::Error) -> Self {
        Self::Io(e.into())
    }
}

impl From<XlsxError> for WriteError {
    fn from(e: XlsxError) -> Self {
        match e {
            XlsxError::IoError(io) => Self::Io(io),
            other => Self::Xlsx(other),
        }
    }
}

/// Why, in words a supervisor can act on.
fn reason(e: &WriteError) -> String {
    match e {
        WriteError::Io(io) => private_file::io_reason(io),
        WriteError::Xlsx(x) => format!("không tạo được tệp Excel ({x})"),
    }
}

/// Runs `write` on a private file beside `out` (see `private_file`), then moves it to `out`; on
/// failure nothing is left. The file's name must end in `.{extension}`; an existing `out` is
/// replaced only when `replace` was confirmed.
fn write_atomically(
    out: &Path,
    extension: &str,
    replace: bool,
    write: impl FnOnce(&Path) -> std::result::Result<(), WriteError>,
) -> Result<()> {
    let name = file_name(out);
    let matches = out
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(extension));
    if !matches {
        return Err(Error::Invalid(format!(
            "tệp “{name}” phải có đuôi .{extension} cho định dạng này"
        )));
    }
    let partial = private_file::begin(out, replace)?;
    let written = write(&partial).and_then(|()| Ok(private_file::finish(&partial, out)?));
    written.map_err(|e| {
        private_file::abandon(&partial);
        Error::Invalid(format!(
            "không ghi được tệp {}: {}",
            out.display(),
            reason(&e)
        ))
    })
}

fn write_csv(path: &Path, sheet: &Sheet) -> std::result::Result<(), WriteError> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    std::io::Write::write_all(&mut out, "\u{feff}".as_bytes())?;
    let mut csv = csv::Writer::from_writer(out);
    for record in [&sheet.headers, &sheet.labels]
        .into_iter()
        .chain(&sheet.rows)
    {
        csv.write_record(record)?;
    }
    csv.flush()?;
    Ok(())
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color("#DCE6F1")
        .set_text_wrap()
        .set_align(FormatAlign::Top)
}

/// Writes a string that is a whole number as a number, anything else as text.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
) -> std::result::Result<(), XlsxError> {
    match value.parse::<i64>() {
        Ok(n) if !value.starts_with('0') || value == "0" => {
            sheet.write_number(row, col, n as f64)?;
        }
        _ if value.is_empty() => {}
        _ => {
            sheet.write_string(row, col, value)?;
        }
    }
    Ok(())
}

fn write_interviews_xlsx(
    path: &Path,
    sheet: &Sheet,
    script: &Script,
) -> std::result::Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let bold = header_format();
    let data = workbook.add_worksheet().set_name("Phiếu")?;
    for (c, header) in (0u16..).zip(&sheet.headers) {
        data.write_string_with_format(0, c, header, &bold)?;
    }
    for (r, row) in (1u32..).zip(&sheet.rows) {
        for (c, value) in (0u16..).zip(row) {
            if usize::from(c) < sheet.particulars {
                data.write_string(r, c, value)?;
            } else {
                write_cell(data, r, c, value)?;
            }
        }
    }
    data.set_freeze_panes(1, 1)?;
    data.autofit();

    let labels = workbook.add_worksheet().set_name("Nhãn")?;
    for (c, header) in (0u16..).zip(["Cột", "Nhãn", "Mã trả lời", "Nghĩa"]) {
        labels.write_string_with_format(0, c, header, &bold)?;
    }
    let mut r = 1u32;
    for (id, label) in sheet
        .headers
        .iter()
        .zip(&sheet.labels)
        .take(sheet.particulars)
    {
        labels.write_string(r, 0, id)?;
        labels.write_string(r, 1, label)?;
        r += 1;
    }
    for q in script.questions() {
        labels.write_string(r, 0, q.id.as_str())?;
        labels.write_string(r, 1, &q.text)?;
        let codes: Vec<(String, String)> = match &q.kind {
            Kind::Scale => SCALE
                .iter()
                .map(|(code, vi, _)| (code.to_string(), (*vi).to_owned()))
                .collect(),
            kind => kind
                .options()
                .iter()
                .map(|o| (o.code.to_string(), o.text.clone()))
                .collect(),
        };
        if codes.is_empty() {
            labels.write_string(r, 3, kind_words(&q.kind))?;
            r += 1;
        }
        for (code, meaning) in codes {
            write_cell(labels, r, 2, &code)?;
            labels.write_string(r, 3, &meaning)?;
            r += 1;
        }
    }
    labels.set_column_width(1, 80)?;
    labels.set_column_width(3, 40)?;
    workbook.save(path)
}

fn kind_words(kind: &Kind) -> &'static str {
    match kind {
        Kind::Integer { .. } => "số nguyên",
        Kind::Text { .. } => "lời văn",
        Kind::Date => "ngày (yyyy-mm-dd)",
        Kind::Multiple { .. } => "nhiều lựa chọn, cách nhau bằng dấu phẩy",
        _ => "",
    }
}

/// Writes a report as a formatted workbook.
pub async fn export_report(
    session: &Session,
    now: DateTime<Utc>,
    req: &ReportExportRequest,
) -> Result<Exported> {
    let rows = match req.report {
        ReportKind::Sipas => {
            let report = reports::sipas_index(
                session,
                &IndexRequest {
                    campaign_id: req.campaign_id,
                    include_partial: false,
                    by_mode: false,
                    approved_only: false,
                },
            )
            .await?;
            write_atomically(&req.out, "xlsx", req.replace, |path| {
                Ok(sipas_xlsx(path, &report)?)
            })?;
            report.agencies.len()
        }
        ReportKind::Rates => {
            let report = reports::rates(
                session,
                &RatesRequest {
                    campaign_id: req.campaign_id,
                    by: Some(RatesBy::Agency),
                    e: None,
                },
            )
            .await?;
            write_atomically(&req.out, "xlsx", req.replace, |path| {
                Ok(rates_xlsx(path, &report)?)
            })?;
            report.groups.len()
        }
        ReportKind::Progress => {
            let report = reports::progress(session, req.campaign_id, now).await?;
            write_atomically(&req.out, "xlsx", req.replace, |path| {
                Ok(progress_xlsx(path, &report)?)
            })?;
            report.agencies.len()
        }
    };
    Ok(Exported {
        path: req.out.display().to_string(),
        rows,
    })
}

/// Writes a number with the format, or leaves the cell empty when there is none.
fn write_figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> std::result::Result<(), XlsxError> {
    if let Some(v) = value {
        sheet.write_number_with_format(row, col, v, format)?;
    }
    Ok(())
}

fn two_decimals() -> Format {
    Format::new().set_num_format("0.00")
}

fn headers(sheet: &mut Worksheet, names: &[&str]) -> std::result::Result<(), XlsxError> {
    let bold = header_format();
    for (c, name) in (0u16..).zip(names) {
        sheet.write_string_with_format(0, c, *name, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn sipas_xlsx(path: &Path, report: &IndexReport) -> std::result::Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let number = two_decimals();
    let agencies = workbook.add_worksheet().set_name("Chỉ số")?;
    let components: Vec<&str> = report
        .overall
        .pooled
        .components
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    let mut names = vec![
        "Mã cơ quan",
        "Cơ quan",
        "Số phiếu",
        "Chỉ số hài lòng",
        "Điểm trung bình",
    ];
    names.extend(&components);
    headers(agencies, &names)?;
    let all = report.agencies.iter().chain([&report.overall.pooled]);
    for (r, a) in (1u32..).zip(all) {
        agencies.write_string(r, 0, &a.agency)?;
        agencies.write_string(r, 1, &a.name)?;
        agencies.write_number(r, 2, a.n as f64)?;
        write_figure(agencies, r, 3, a.index, &number)?;
        write_figure(agencies, r, 4, a.mean, &number)?;
        for (c, component) in (5u16..).zip(&a.components) {
            write_figure(agencies, r, c, component.index, &number)?;
        }
    }
    let last = u32::try_from(report.agencies.len() + 2).unwrap_or(u32::MAX);
    agencies.write_string(last, 1, "Trung bình các cơ quan có chỉ số")?;
    write_figure(agencies, last, 3, report.overall.agency_mean, &number)?;
    write_figure(agencies, last, 4, report.overall.agency_mean_score, &number)?;
    agencies.autofit();

    let criteria = workbook.add_worksheet().set_name("Tiêu chí")?;
    headers(
        criteria,
        &[
            "Mã cơ quan",
            "Thành phần",
            "Tiêu chí",
            "Số câu hợp lệ",
            "Số hài lòng (4–5)",
            "Chỉ số",
            "Điểm trung bình",
        ],
    )?;
    let mut r = 1u32;
    for a in report.agencies.iter().chain([&report.overall.pooled]) {
        for c in &a.components {
            for k in &c.criteria {
                criteria.write_string(r, 0, &a.agency)?;
                criteria.write_string(r, 1, &c.component)?;
                criteria.write_string(r, 2, &k.criterion)?;
                criteria.write_number(r, 3, k.n as f64)?;
                criteria.write_number(r, 4, k.satisfied as f64)?;
                write_figure(criteria, r, 5, k.index, &number)?;
                write_figure(criteria, r, 6, k.mean, &number)?;
                r += 1;
            }
        }
    }
    criteria.autofit();

    let about = workbook.add_worksheet().set_name("Cách tính")?;
    about.write_string(0, 0, format!("Đợt khảo sát {}", report.campaign))?;
    about.write_string(1, 0, &report.counted)?;
    about.write_string(2, 0, &report.formula)?;
    about.set_column_width(0, 160)?;
    workbook.save(path)
}

fn rates_xlsx(path: &Path, report: &RatesReport) -> std::result::Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let percent = Format::new().set_num_format("0.00%");
    let sheet = workbook.add_worksheet().set_name("Tỷ lệ")?;
    let names = [
        "Nhóm", "Tên", "Số ca", "I", "P", "R", "NC", "O", "UH", "UO", "NE", "e", "RR1", "RR2",
        "RR3", "RR4", "RR5", "RR6", "COOP1", "COOP2", "COOP3", "COOP4", "REF1", "REF2", "REF3",
        "CON1", "CON2", "CON3",
    ];
    headers(sheet, &names)?;
    for (r, row) in (1u32..).zip([&report.overall].into_iter().chain(&report.groups)) {
        let c = &row.counts;
        sheet.write_string(
            r,
            0,
            if row.key.is_empty() {
                "Toàn đợt"
            } else {
                &row.key
            },
        )?;
        sheet.write_string(r, 1, &row.name)?;
        for (col, n) in (2u16..).zip([row.cases, c.I, c.P, c.R, c.NC, c.O, c.UH, c.UO, c.NE]) {
            sheet.write_number(r, col, n as f64)?;
        }
        let x = &row.rates;
        let values = [
            x.e, x.RR1, x.RR2, x.RR3, x.RR4, x.RR5, x.RR6, x.COOP1, x.COOP2, x.COOP3, x.COOP4,
            x.REF1, x.REF2, x.REF3, x.CON1, x.CON2, x.CON3,
        ];
        for (col, v) in (11u16..).zip(values) {
            write_figure(sheet, r, col, v, &percent)?;
        }
    }
    sheet.autofit();
    let about = workbook.add_worksheet().set_name("Cách tính")?;
    about.write_string(0, 0, &report.counted)?;
    about.write_string(1, 0, &report.formulas)?;
    about.set_column_width(0, 160)?;
    workbook.save(path)
}

fn progress_xlsx(path: &Path, report: &ProgressReport) -> std::result::Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let number = two_decimals();
    let sheet = workbook.add_worksheet().set_name("Tiến độ")?;
    headers(
        sheet,
        &[
            "Mã cơ quan",
            "Cơ quan",
            "Cần",
            "Đã chọn",
            "Hoàn thành",
            "Hoàn thành ngoài điện thoại",
            "Đang gọi",
            "Chưa gọi",
            "Còn thiếu",
            "Mỗi ngày gọi",
            "Dự kiến xong",
        ],
    )?;
    for (r, a) in (1u32..).zip(report.agencies.iter().chain([&report.total])) {
        sheet.write_string(r, 0, &a.agency)?;
        sheet.write_string(r, 1, &a.name)?;
        let counts = [
            u64::from(a.required),
            u64::from(a.drawn),
            a.completes,
            a.other_modes,
            a.in_progress,
            a.not_called,
            a.remaining,
        ];
        for (col, n) in (2u16..).zip(counts) {
            sheet.write_number(r, col, n as f64)?;
        }
        write_figure(sheet, r, 9, a.daily_rate, &number)?;
        let done = match (&a.done_by, a.remaining) {
            (_, 0) => "đã đủ".to_owned(),
            (Some(day), _) => day.clone(),
            (None, _) => String::new(),
        };
        sheet.write_string(r, 10, done)?;
    }
    sheet.autofit();
    let about = workbook.add_worksheet().set_name("Ghi chú")?;
    about.write_string(
        0,
        0,
        format!(
            "Đợt {} — ngày {}, {} ngày gọi đã qua; dự kiến theo số phiếu hoàn thành mỗi ngày gọi đến nay.",
            report.campaign, report.today, report.calling_days
        ),
    )?;
    about.set_column_width(0, 120)?;
    workbook.save(path)
}

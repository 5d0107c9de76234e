//! Importing interviews gathered outside the phone — on paper, at the one-stop shop's kiosk,
//! online — into a campaign: one row per respondent (the dossier code, then one column per
//! question id with the answer's code; see `interview_file`). Every answer is read by its
//! question's own rules and every row walked by the interview engine, as an operator's answers
//! are: only complete interviews go in, every other row is rejected with its row, column and
//! reason. The accepted rows are stored in one transaction; importing the same file again
//! changes nothing (an interview's id comes from the campaign, the mode and the dossier).

use super::session::Session;
use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::mode::Mode;
use crate::domain::results::index::ScoreLine;
use crate::domain::survey::{Answer, Answers, QuestionId, Script, State};
use crate::error::{Error, Result};
use crate::ops::intake::RejectedRow;
use crate::ops::interview::{campaign_script, counted_answers};
use crate::ops::interview_file::{self, DOSSIER};
use crate::sheet::{self, Cell, Table};
use crate::store::model::{DossierCase, ImportedInterview, InterviewImport};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewImportRequest {
    pub campaign_id: Uuid,
    pub file: PathBuf,
    /// For XLSX: the sheet to read; the first one when `None`.
    pub sheet: Option<String>,
    pub mode: Mode,
}

/// What an import did: `rows = imported + unchanged + rejected.len()`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewImportReport {
    pub file: String,
    pub mode: Mode,
    /// Data rows read (a second header row of labels is not one).
    pub rows: usize,
    pub imported: usize,
    /// Rows imported before, left as they are.
    pub unchanged: usize,
    pub rejected: Vec<RejectedRow>,
}

/// A file's columns: where the dossier code is, and which question each other column answers.
struct Layout {
    dossier: usize,
    questions: Vec<(usize, QuestionId)>,
}

fn layout(table: &Table, script: &Script) -> Result<Layout> {
    let place = |k: usize| format!("tệp {}, cột {}", table.file, k + 1);
    let mut dossier = None;
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    for (k, header) in table.headers.iter().enumerate() {
        let header = header.trim();
        if header.is_empty() || interview_file::is_passed_over(header) {
            continue;
        }
        if interview_file::is_dossier(header) {
            dossier = Some(k);
            continue;
        }
        match QuestionId::parse(header)
            .ok()
            .filter(|id| script.question(id).is_some())
        {
            Some(id) if questions.iter().any(|(_, q)| q == &id) => {
                problems.push(format!("{}: câu “{header}” có hai cột", place(k)))
            }
            Some(id) => questions.push((k, id)),
            None => problems.push(format!(
                "{}: “{header}” không phải mã câu hỏi của phiếu “{}” (phiên bản {})",
                place(k),
                script.title(),
                script.version()
            )),
        }
    }
    let Some(dossier) = dossier else {
        problems.insert(
            0,
            format!(
                "tệp {}: không có cột mã hồ sơ (“{}” hoặc “{}”)",
                table.file, DOSSIER.id, DOSSIER.label
            ),
        );
        return Err(Error::Invalid(problems.join("\n")));
    };
    if !problems.is_empty() {
        return Err(Error::Invalid(problems.join("\n")));
    }
    Ok(Layout { dossier, questions })
}

/// The answers of row `row`, or why it is not a complete interview.
fn read_answers(
    script: &Script,
    layout: &Layout,
    row: usize,
    cells: &[Cell],
) -> std::result::Result<Answers, RejectedRow> {
    let rejected = |column: Option<String>, value: String, reason: String| RejectedRow {
        row,
        column,
        value,
        reason,
    };
    let mut answers = Answers::new();
    let mut given = Vec::new();
    for (k, id) in &layout.questions {
        let text = cells.get(*k).map(Cell::as_text).unwrap_or_default();
        if text.trim().is_empty() {
            continue;
        }
        // The layout holds only the questionnaire's questions.
        let Some(question) = script.question(id) else {
            continue;
        };
        let answer = question
            .parse_answer(&text)
            .map_err(|e| rejected(Some(id.to_string()), text.to_string(), e.reason))?;
        given.push(id.clone());
        answers.insert(id.clone(), answer);
    }
    // An optional question left empty on the form was passed over, where it was reached.
    let mut progress = script.progress(&answers);
    while let Some(next) = progress.next.clone() {
        match script.question(&next) {
            Some(q) if !q.required => {
                answers.insert(next, Answer::Blank);
                progress = script.progress(&answers);
            }
            _ => break,
        }
    }
    if let State::Ended { at, .. } = &progress.state {
        return Err(rejected(
            Some(at.to_string()),
            answers.get(at).map(Answer::code).unwrap_or_default(),
            "phiếu kết thúc ở câu này (từ chối hoặc không thuộc đối tượng khảo sát): không phải phiếu hoàn thành"
                .to_owned(),
        ));
    }
    if let Some(id) = progress.set_aside.iter().find(|id| given.contains(id)) {
        let text = layout
            .questions
            .iter()
            .find(|(_, q)| q == id)
            .and_then(|(k, _)| cells.get(*k))
            .map(|c| c.as_text().to_string())
            .unwrap_or_default();
        return Err(rejected(
            Some(id.to_string()),
            text,
            "có trả lời nhưng theo các câu trước thì câu này không được hỏi".to_owned(),
        ));
    }
    if progress.state == State::Complete {
        return Ok(answers);
    }
    Err(rejected(
        progress.missing.first().map(ToString::to_string),
        String::new(),
        format!(
            "phiếu chưa hoàn thành: {} câu bắt buộc chưa có trả lời",
            progress.missing.len()
        ),
    ))
}

/// Reads, checks and stores a file of interviews gathered outside the phone.
/// The interviews are recorded in the name of the session's person.
pub async fn import(
    session: &Session,
    now: DateTime<Utc>,
    req: &InterviewImportRequest,
) -> Result<InterviewImportReport> {
    session.supervise(req.campaign_id, "nhập phiếu")?;
    let by = session.person()?.id;
    let store = session.store();
    if req.mode == Mode::Phone {
        return Err(Error::Invalid(
            "phiếu qua điện thoại được ghi tại bàn gọi, không nhập từ tệp: dùng paper, kiosk hoặc web"
                .to_owned(),
        ));
    }
    let campaign = store.campaign(req.campaign_id).await?;
    let complete = campaign
        .outcomes
        .complete()
        .map(|rule| rule.code.clone())
        .ok_or_else(|| {
            Error::Invalid(format!(
                "danh mục kết quả của đợt {} không có kết quả “hoàn thành”",
                campaign.code
            ))
        })?;
    let script = campaign_script(store, &campaign).await?;
    let table = sheet::read_table(&req.file, req.sheet.as_deref())
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let layout = layout(&table, &script)?;
    let cases: HashMap<String, DossierCase> = store
        .dossier_cases(campaign.id)
        .await?
        .into_iter()
        .map(|d| (d.dossier_code.clone(), d))
        .collect();

    let mut rows = 0;
    let mut unchanged = 0;
    let mut rejected = Vec::new();
    let mut accepted: Vec<ImportedInterview> = Vec::new();
    // The row that took each dossier and each case, for duplicates within the file.
    let mut dossiers_seen: HashMap<String, usize> = HashMap::new();
    let mut cases_seen: HashMap<Uuid, usize> = HashMap::new();
    for (n, (row, cells)) in table.records().enumerate() {
        let code = cells
            .get(layout.dossier)
            .map(|c| c.as_text().trim().to_owned())
            .unwrap_or_default();
        // The second header row an export writes: the columns' labels.
        if n == 0 && interview_file::is_dossier(&code) {
            continue;
        }
        rows += 1;
        let mut reject = |column: Option<String>, value: String, reason: String| {
            rejected.push(RejectedRow {
                row,
                column,
                value,
                reason,
            })
        };
        let dossier_column = Some(DOSSIER.id.to_owned());
        if code.is_empty() {
            reject(dossier_column, code, "thiếu mã hồ sơ".to_owned());
            continue;
        }
        let Some(case) = cases.get(&code) else {
            reject(
                dossier_column,
                code,
                format!(
                    "mã hồ sơ không có trong danh sách của đợt {}",
                    campaign.code
                ),
            );
            continue;
        };
        if let Some(first) = dossiers_seen.insert(code.clone(), row) {
            reject(
                dossier_column,
                code,
                format!("mã hồ sơ trùng với dòng {first}"),
            );
            continue;
        }
        let id = Uuid::new_v5(
            &campaign.id,
            format!("{}/{}", req.mode.as_str(), code).as_bytes(),
        );
        match case.interview {
            Some((existing, _)) if existing == id => {
                unchanged += 1;
                continue;
            }
            Some((_, mode)) => {
                reject(
                    dossier_column,
                    code,
                    format!("người này đã có phiếu ({})", mode.label_vi().to_lowercase()),
                );
                continue;
            }
            None => {}
        }
        if let Some(first) = cases_seen.insert(case.case_id, row) {
            reject(
                dossier_column,
                code,
                format!("người này (cùng số điện thoại) đã có phiếu ở dòng {first}"),
            );
            continue;
        }
        match read_answers(&script, &layout, row, cells) {
            Ok(answers) => {
                accepted.push(ImportedInterview {
                    id,
                    case_id: case.case_id,
                    agency_id: case.agency_id,
                    questionnaire: script.hash().clone(),
                    answers: counted_answers(&script, &answers),
                    scores: ScoreLine::of(&script, &answers),
                });
            }
            Err(problem) => {
                cases_seen.remove(&case.case_id);
                rejected.push(problem);
            }
        }
    }
    let batch = InterviewImport {
        id: Uuid::now_v7(),
        campaign_id: campaign.id,
        mode: req.mode,
        file_name: table.file.clone(),
        rows_read: rows,
        unchanged,
        rejected: rejected.len(),
        imported_by: by,
        imported_at: now,
    };
    store
        .import_interviews(&batch, &accepted, &complete)
        .await?;
    tracing::info!(
        campaign = %campaign.id,
        import = %batch.id,
        imported = accepted.len(),
        unchanged,
        rejected = rejected.len(),
        "interviews imported"
    );
    Ok(InterviewImportReport {
        file: table.file,
        mode: req.mode,
        rows,
        imported: accepted.len(),
        unchanged,
        rejected,
    })
}

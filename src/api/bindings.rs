//! The TypeScript the UI imports (`ui/src/api/bindings.ts`), generated from the Rust types with
//! ts-rs and from [`COMMANDS`], and the catalogue the UI's tests feed their fake backend
//! (`ui/tests/fake/catalogue.json`: the outcomes and the questionnaire exactly as the core
//! serves them). Both files are committed; a test fails when either drifts from the Rust side,
//! and `KHAOSAT_WRITE_BINDINGS=1 cargo test bindings` rewrites them.

use ts_rs::TS;

use super::{
    AddPersonRequest, ApiError, AppInfo, AssignPersonRequest, CloseRequestRequest, ErrorKind,
    LoginRequest, PersonActiveReport, PersonActiveRequest, PersonPasswordRequest, PurgeRequest,
    RequestIdRequest, RequestListRequest, COMMANDS,
};
use crate::domain::calendar::TimeSlot;
use crate::domain::case::CaseStatus;
use crate::domain::mode::Mode;
use crate::domain::outcome::{AaporCategory, InterviewNeed, OutcomeCatalogue, OutcomeCode};
use crate::domain::privacy::requests::RequestKind;
use crate::domain::privacy::trail::ColumnChange;
use crate::domain::results::index::{AgencyIndex, ComponentIndex, CriterionIndex, OverallIndex};
use crate::domain::results::rates::{Dispositions, Rates};
use crate::domain::review::{ReviewAction, ReviewState};
use crate::domain::schedule::AppointmentKind;
use crate::domain::survey::{Kind, Script, Stop};
use crate::domain::time::LocalTime;
use crate::ops::appointments::{AppointmentCalendar, CalendarDay, CalendarEntry, CalendarRequest};
use crate::ops::calling_calendar::{
    CallingYear, CallingYearRequest, DayOff, DayOffKind, DayOffRequest,
};
use crate::ops::campaign_form::{CampaignForm, QuestionnaireChoice};
use crate::ops::catalogue::{AgencyView, CampaignView, OutcomeView, StaffView};
use crate::ops::demo::{DemoPerson, DemoSeeded};
use crate::ops::desk::{
    AppointmentView, AttemptView, CallbackChoice, CaseCard, NextCaseRequest, OutcomeRecorded,
    QueueView, RecordOutcomeRequest,
};
use crate::ops::export::{ExportFormat, ExportRequest, Exported, ReportExportRequest, ReportKind};
use crate::ops::floor::{AgencyOnFloor, DeskState, FloorEvent, FloorView, OperatorOnFloor};
use crate::ops::intake::{
    ColumnMatch, ImportFileRequest, ImportPreview, ImportProgress, ImportReport, ImportSummary,
    RejectedRow, SaveRejectsRequest, UnknownAgency,
};
use crate::ops::interview::{
    CaseRequest, ConsentView, GivenAnswer, InterviewSummary, InterviewView, OptionView,
    QuestionKind, QuestionView, SaveAnswerRequest, SectionView, StartInterviewRequest,
};
use crate::ops::pause::{PauseRequest, PauseView};
use crate::ops::purge::PurgeReport;
use crate::ops::reports::{
    AgencyProgress, IndexReport, IndexRequest, ModeIndex, OperatorFigures, OperatorsReport,
    OperatorsRequest, ProgressReport, RatesBy, RatesReport, RatesRequest, RatesRow,
};
use crate::ops::requests::{NewRequest, RequestView};
use crate::ops::review::{
    CorrectionRequest, ReviewDecision, ReviewItem, ReviewListRequest, ReviewRequest,
    ReviewStepView, ReviewView,
};
use crate::ops::sampling::{AgencySample, DrawSampleRequest, SampleReport};
use crate::ops::session::SessionView;
use crate::ops::staff::PersonView;
use crate::ops::supervise::{
    AuditView, CallListFilter, CampaignRequest, CaseOverview, CaseSelection, CaseVersion,
    ForceReleaseRequest, ForceReleased, ReassignReport, ReassignRequest,
};
use crate::ops::trail::{TrailLine, TrailRequest, TrailView};
use crate::store::model::{InterviewStatus, Lease, Role};

/// Where the generated files live, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/api/bindings.ts";
pub const CATALOGUE_PATH: &str = "ui/tests/fake/catalogue.json";

/// The outcome catalogue and the built-in questionnaire, as JSON. The questionnaire is written
/// for a fake that walks it: wording with its placeholders, options with the ending they bring,
/// and each condition in its canonical spelling.
pub fn catalogue_json() -> String {
    let catalogue = serde_json::json!({
        "outcomes": crate::ops::catalogue::outcomes(OutcomeCatalogue::builtin()),
        "questionnaire": questionnaire_json(Script::sipas()),
    });
    serde_json::to_string_pretty(&catalogue).unwrap_or_default() + "\n"
}

fn questionnaire_json(script: &Script) -> serde_json::Value {
    let closing = script.closing();
    serde_json::json!({
        "hash": script.hash().short(),
        "title": script.title(),
        "version": script.version(),
        "coreUntil": script.core_until().map(|id| id.as_str()),
        "closing": {
            "complete": closing.complete,
            "refusal": closing.refusal,
            "notEligible": closing.not_eligible,
        },
        "sections": script.sections().iter().map(|s| serde_json::json!({
            "id": s.id.as_str(),
            "title": s.title,
            "titleEn": s.title_en,
        })).collect::<Vec<_>>(),
        "questions": script.questions().iter().map(|q| {
            let (min, max, max_choices, max_length) = match &q.kind {
                Kind::Integer { min, max } => (*min, *max, None, None),
                Kind::Multiple { max_choices, .. } => (None, None, *max_choices, None),
                Kind::Text { max_length } => (None, None, None, Some(*max_length)),
                _ => (None, None, None, None),
            };
            serde_json::json!({
                "id": q.id.as_str(),
                "sectionId": q.section.as_str(),
                "text": q.text,
                "textEn": q.text_en,
                "instruction": q.instruction,
                "kind": q.kind.key(),
                "options": q.kind.options().iter().map(|o| serde_json::json!({
                    "code": o.code.to_string(),
                    "text": o.text,
                    "textEn": o.text_en,
                    "ends": o.ends.map(|e| e.key()),
                })).collect::<Vec<_>>(),
                "required": q.required,
                "min": min,
                "max": max,
                "maxChoices": max_choices,
                "maxLength": max_length,
                "askIf": q.ask_if.as_ref().map(ToString::to_string),
            })
        }).collect::<Vec<_>>(),
    })
}

fn declarations() -> Vec<String> {
    vec![
        ApiError::decl(),
        ErrorKind::decl(),
        AppInfo::decl(),
        CampaignView::decl(),
        StaffView::decl(),
        Role::decl(),
        OutcomeView::decl(),
        OutcomeCode::decl(),
        AaporCategory::decl(),
        InterviewNeed::decl(),
        Lease::decl(),
        NextCaseRequest::decl(),
        CaseCard::decl(),
        AttemptView::decl(),
        InterviewView::decl(),
        InterviewStatus::decl(),
        Stop::decl(),
        InterviewSummary::decl(),
        QuestionView::decl(),
        QuestionKind::decl(),
        OptionView::decl(),
        GivenAnswer::decl(),
        SectionView::decl(),
        CaseRequest::decl(),
        StartInterviewRequest::decl(),
        SaveAnswerRequest::decl(),
        RecordOutcomeRequest::decl(),
        AppointmentKind::decl(),
        QueueView::decl(),
        AppointmentView::decl(),
        CallbackChoice::decl(),
        TimeSlot::decl(),
        CallListFilter::decl(),
        CaseSelection::decl(),
        CaseVersion::decl(),
        ReassignRequest::decl(),
        ReassignReport::decl(),
        ForceReleaseRequest::decl(),
        ForceReleased::decl(),
        AuditView::decl(),
        TrailRequest::decl(),
        TrailView::decl(),
        TrailLine::decl(),
        ColumnChange::decl(),
        OutcomeRecorded::decl(),
        CaseStatus::decl(),
        CampaignRequest::decl(),
        CaseOverview::decl(),
        DemoSeeded::decl(),
        LocalTime::decl(),
        AgencyView::decl(),
        ImportFileRequest::decl(),
        ImportPreview::decl(),
        ColumnMatch::decl(),
        ImportReport::decl(),
        ImportSummary::decl(),
        RejectedRow::decl(),
        SaveRejectsRequest::decl(),
        SampleReport::decl(),
        AgencySample::decl(),
        DrawSampleRequest::decl(),
        ImportProgress::decl(),
        UnknownAgency::decl(),
        CallingYearRequest::decl(),
        DayOffRequest::decl(),
        CallingYear::decl(),
        DayOff::decl(),
        DayOffKind::decl(),
        CampaignForm::decl(),
        QuestionnaireChoice::decl(),
        CalendarRequest::decl(),
        AppointmentCalendar::decl(),
        CalendarDay::decl(),
        CalendarEntry::decl(),
        FloorEvent::decl(),
        FloorView::decl(),
        OperatorOnFloor::decl(),
        DeskState::decl(),
        AgencyOnFloor::decl(),
        IndexRequest::decl(),
        IndexReport::decl(),
        ModeIndex::decl(),
        Mode::decl(),
        OverallIndex::decl(),
        AgencyIndex::decl(),
        ComponentIndex::decl(),
        CriterionIndex::decl(),
        RatesBy::decl(),
        RatesRequest::decl(),
        RatesReport::decl(),
        RatesRow::decl(),
        Dispositions::decl(),
        Rates::decl(),
        ProgressReport::decl(),
        AgencyProgress::decl(),
        OperatorsRequest::decl(),
        OperatorsReport::decl(),
        OperatorFigures::decl(),
        ExportFormat::decl(),
        ExportRequest::decl(),
        ReportKind::decl(),
        ReportExportRequest::decl(),
        Exported::decl(),
        SessionView::decl(),
        LoginRequest::decl(),
        PersonView::decl(),
        AddPersonRequest::decl(),
        PersonActiveRequest::decl(),
        PersonActiveReport::decl(),
        PersonPasswordRequest::decl(),
        AssignPersonRequest::decl(),
        DemoPerson::decl(),
        ConsentView::decl(),
        RequestKind::decl(),
        RequestListRequest::decl(),
        NewRequest::decl(),
        RequestView::decl(),
        RequestIdRequest::decl(),
        CloseRequestRequest::decl(),
        PurgeRequest::decl(),
        PurgeReport::decl(),
        ReviewState::decl(),
        ReviewAction::decl(),
        ReviewListRequest::decl(),
        ReviewItem::decl(),
        ReviewStepView::decl(),
        ReviewView::decl(),
        ReviewRequest::decl(),
        ReviewDecision::decl(),
        CorrectionRequest::decl(),
        PauseRequest::decl(),
        PauseView::decl(),
    ]
}

fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The whole generated file.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by `KHAOSAT_WRITE_BINDINGS=1 cargo test bindings`.\n\
         // Do not edit: change the Rust side and regenerate.\n\n\
         import { invoke } from \"@tauri-apps/api/core\";\n\n",
    );
    for decl in declarations() {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str("/** Every command of the desktop shell, typed. A failed call rejects with an `ApiError`. */\n");
    out.push_str("export const commands = {\n");
    for command in COMMANDS {
        let returns = (command.returns)();
        match command.arg {
            None => out.push_str(&format!(
                "  {}: (): Promise<{returns}> => invoke(\"{}\"),\n",
                camel(command.name),
                command.name
            )),
            Some((arg, ty)) => out.push_str(&format!(
                "  {}: ({arg}: {}): Promise<{returns}> => invoke(\"{}\", {{ {arg} }}),\n",
                camel(command.name),
                ty(),
                command.name
            )),
        }
    }
    out.push_str("} as const;\n\n");
    out.push_str(&format!(
        "/** The event a window receives while a list imports; its payload is an `ImportProgress`. */\nexport const IMPORT_PROGRESS_EVENT = \"{}\";\n\n",
        super::IMPORT_PROGRESS_EVENT
    ));
    out.push_str(&format!(
        "/** The event a window receives while it watches a floor; its payload is a `FloorEvent`. */\nexport const FLOOR_EVENT = \"{}\";\n\n",
        super::FLOOR_EVENT
    ));
    out.push_str("/** The names of the commands, as the shell registers them. */\n");
    out.push_str("export const COMMAND_NAMES = [");
    out.push_str(
        &COMMANDS
            .iter()
            .map(|c| format!("\"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("] as const;\n");
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn matches_committed(relative: &str, generated: &str) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
        if std::env::var_os("KHAOSAT_WRITE_BINDINGS").is_some() {
            std::fs::write(&path, generated).expect("write the generated file");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date with the Rust side: run `KHAOSAT_WRITE_BINDINGS=1 cargo test bindings` and commit it",
            path.display()
        );
    }

    #[test]
    fn bindings_match_the_committed_file() {
        matches_committed(BINDINGS_PATH, &typescript());
    }

    #[test]
    fn bindings_catalogue_matches_the_committed_fixture() {
        matches_committed(CATALOGUE_PATH, &catalogue_json());
    }

    #[test]
    fn command_names_become_camel_case_functions() {
        assert_eq!(camel("next_case"), "nextCase");
        assert_eq!(camel("app_info"), "appInfo");
        assert!(typescript().contains("nextCase: (req: NextCaseRequest): Promise<CaseCard | null> => invoke(\"next_case\", { req }),"));
    }
}

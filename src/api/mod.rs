//! The typed edge the desktop shell calls. [`App`] holds the store and the clock; each method
//! is one use case from `ops`, with its error turned into an [`ApiError`]. [`COMMANDS`] names
//! every method the shell exposes, and `bindings` turns them and their types into the
//! TypeScript the UI imports.

pub mod bindings;
mod error;

use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

pub use error::{ApiError, ErrorKind};

use crate::clock::Clock;
use crate::ops::catalogue::{self, AgencyView, CampaignView, OutcomeView, StaffView};
use crate::ops::desk::{
    self, CaseCard, NextCaseRequest, OutcomeRecorded, QueueView, RecordOutcomeRequest,
};
use crate::ops::export::{self, ExportRequest, Exported, ReportExportRequest};
use crate::ops::intake::{
    self, ImportFileRequest, ImportPreview, ImportReport, OnProgress, SaveRejectsRequest,
};
use crate::ops::interview::{
    self, CaseRequest, InterviewView, SaveAnswerRequest, StartInterviewRequest,
};
use crate::ops::reports::{
    self, IndexReport, IndexRequest, OperatorsReport, OperatorsRequest, ProgressReport,
    RatesReport, RatesRequest,
};
use crate::ops::sampling::{self, DrawSampleRequest, SampleReport};
use crate::ops::supervise::{
    self, AuditView, CampaignRequest, CaseOverview, CaseSelection, CaseVersion,
    ForceReleaseRequest, ForceReleased, ReassignReport, ReassignRequest,
};
use crate::store::model::Lease;
use crate::store::{self, Backend, DatabaseLocation, Store};

pub type ApiResult<T> = Result<T, ApiError>;

/// The event the window receives while a list imports, carrying an `ImportProgress`.
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";

/// What the window shows about where it works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The database, with any password hidden.
    pub location: String,
    /// How often the desk must renew its lease on the case it holds.
    pub heartbeat_seconds: u32,
}

#[derive(Debug, Clone)]
pub struct App {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    location: DatabaseLocation,
}

impl App {
    /// Opens the database (migrating it) and makes the app over it.
    pub async fn open(location: DatabaseLocation, clock: Arc<dyn Clock>) -> ApiResult<Self> {
        let store = store::open(&location).await?;
        Ok(Self {
            store,
            clock,
            location,
        })
    }

    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    pub fn app_info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            backend: match self.store.backend() {
                Backend::Sqlite => "sqlite",
                Backend::Postgres => "postgres",
            }
            .to_owned(),
            location: self.location.to_string(),
            heartbeat_seconds: u32::try_from(desk::HEARTBEAT_EVERY.num_seconds()).unwrap_or(60),
        }
    }

    pub async fn list_campaigns(&self) -> ApiResult<Vec<CampaignView>> {
        Ok(catalogue::campaigns(self.store()).await?)
    }

    pub async fn list_staff(&self) -> ApiResult<Vec<StaffView>> {
        Ok(catalogue::staff(self.store()).await?)
    }

    /// The campaign's outcome catalogue, which the desk shows.
    pub async fn list_outcomes(&self, req: CampaignRequest) -> ApiResult<Vec<OutcomeView>> {
        Ok(catalogue::outcomes(
            &self.store.campaign(req.campaign_id).await?.outcomes,
        ))
    }

    /// A case's interview, questions and answers in order, for the supervisor's review.
    pub async fn case_interview(&self, req: CaseRequest) -> ApiResult<Option<InterviewView>> {
        Ok(interview::case_interview(self.store(), req.case_id).await?)
    }

    pub async fn next_case(&self, req: NextCaseRequest) -> ApiResult<Option<CaseCard>> {
        Ok(desk::next_case(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn operator_queue(&self, req: NextCaseRequest) -> ApiResult<QueueView> {
        Ok(desk::queue(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn heartbeat(&self, lease: Lease) -> ApiResult<()> {
        Ok(desk::heartbeat(self.store(), self.clock.now(), &lease).await?)
    }

    pub async fn release_case(&self, lease: Lease) -> ApiResult<()> {
        Ok(desk::release(self.store(), &lease).await?)
    }

    pub async fn start_interview(&self, req: StartInterviewRequest) -> ApiResult<InterviewView> {
        Ok(interview::start_interview(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn save_answer(&self, req: SaveAnswerRequest) -> ApiResult<InterviewView> {
        Ok(interview::save_answer(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn record_outcome(&self, req: RecordOutcomeRequest) -> ApiResult<OutcomeRecorded> {
        Ok(desk::record_outcome(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn campaign_cases(&self, req: CampaignRequest) -> ApiResult<Vec<CaseOverview>> {
        Ok(supervise::campaign_cases(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn select_cases(&self, req: CaseSelection) -> ApiResult<Vec<CaseVersion>> {
        Ok(supervise::select_cases(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn reassign(&self, req: ReassignRequest) -> ApiResult<ReassignReport> {
        Ok(supervise::reassign(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn force_release(&self, req: ForceReleaseRequest) -> ApiResult<ForceReleased> {
        Ok(supervise::force_release(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn audit_log(&self, req: CampaignRequest) -> ApiResult<Vec<AuditView>> {
        Ok(supervise::audit(self.store(), &req).await?)
    }

    pub async fn list_agencies(&self) -> ApiResult<Vec<AgencyView>> {
        Ok(catalogue::agencies(self.store()).await?)
    }

    pub fn preview_import(&self, req: ImportFileRequest) -> ApiResult<ImportPreview> {
        Ok(intake::preview(&req)?)
    }

    /// Imports a list; `progress` hears how it goes (the shell sends it to the window as
    /// [`IMPORT_PROGRESS_EVENT`] events).
    pub async fn import_list(
        &self,
        req: ImportFileRequest,
        progress: OnProgress<'_>,
    ) -> ApiResult<ImportReport> {
        Ok(intake::import_report(self.store(), self.clock.now(), &req, progress).await?)
    }

    pub fn save_rejects(&self, req: SaveRejectsRequest) -> ApiResult<()> {
        Ok(intake::save_rejects(&req)?)
    }

    pub async fn sample_status(&self, req: CampaignRequest) -> ApiResult<SampleReport> {
        Ok(sampling::status(self.store(), req.campaign_id).await?)
    }

    pub async fn draw_sample(&self, req: DrawSampleRequest) -> ApiResult<SampleReport> {
        Ok(sampling::sample(self.store(), self.clock.now(), &req.parse()?).await?)
    }

    pub async fn sipas_index(&self, req: IndexRequest) -> ApiResult<IndexReport> {
        Ok(reports::sipas_index(self.store(), &req).await?)
    }

    pub async fn response_rates(&self, req: RatesRequest) -> ApiResult<RatesReport> {
        Ok(reports::rates(self.store(), &req).await?)
    }

    pub async fn fieldwork_progress(&self, req: CampaignRequest) -> ApiResult<ProgressReport> {
        Ok(reports::progress(self.store(), req.campaign_id, self.clock.now()).await?)
    }

    pub async fn operator_figures(&self, req: OperatorsRequest) -> ApiResult<OperatorsReport> {
        Ok(reports::operators(self.store(), &req).await?)
    }

    pub async fn export_interviews(&self, req: ExportRequest) -> ApiResult<Exported> {
        Ok(export::export_interviews(self.store(), self.clock.now(), &req).await?)
    }

    pub async fn export_report(&self, req: ReportExportRequest) -> ApiResult<Exported> {
        Ok(export::export_report(self.store(), self.clock.now(), &req).await?)
    }
}

/// A function giving a type's TypeScript name.
pub type TsName = fn() -> String;

/// One command the desktop shell exposes: its name, its argument (name and type) and what it
/// returns. The shell registers a Tauri command of the same name for each.
#[derive(Debug, Clone, Copy)]
pub struct Command {
    pub name: &'static str,
    pub arg: Option<(&'static str, TsName)>,
    pub returns: TsName,
}

fn ts<T: TS>() -> String {
    T::name()
}

/// Every command, in the order the bindings list them.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "app_info",
        arg: None,
        returns: ts::<AppInfo>,
    },
    Command {
        name: "list_campaigns",
        arg: None,
        returns: ts::<Vec<CampaignView>>,
    },
    Command {
        name: "list_staff",
        arg: None,
        returns: ts::<Vec<StaffView>>,
    },
    Command {
        name: "list_outcomes",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Vec<OutcomeView>>,
    },
    Command {
        name: "case_interview",
        arg: Some(("req", ts::<CaseRequest>)),
        returns: ts::<Option<InterviewView>>,
    },
    Command {
        name: "next_case",
        arg: Some(("req", ts::<NextCaseRequest>)),
        returns: ts::<Option<CaseCard>>,
    },
    Command {
        name: "operator_queue",
        arg: Some(("req", ts::<NextCaseRequest>)),
        returns: ts::<QueueView>,
    },
    Command {
        name: "heartbeat",
        arg: Some(("lease", ts::<Lease>)),
        returns: ts::<()>,
    },
    Command {
        name: "release_case",
        arg: Some(("lease", ts::<Lease>)),
        returns: ts::<()>,
    },
    Command {
        name: "start_interview",
        arg: Some(("req", ts::<StartInterviewRequest>)),
        returns: ts::<InterviewView>,
    },
    Command {
        name: "save_answer",
        arg: Some(("req", ts::<SaveAnswerRequest>)),
        returns: ts::<InterviewView>,
    },
    Command {
        name: "record_outcome",
        arg: Some(("req", ts::<RecordOutcomeRequest>)),
        returns: ts::<OutcomeRecorded>,
    },
    Command {
        name: "campaign_cases",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Vec<CaseOverview>>,
    },
    Command {
        name: "select_cases",
        arg: Some(("req", ts::<CaseSelection>)),
        returns: ts::<Vec<CaseVersion>>,
    },
    Command {
        name: "reassign",
        arg: Some(("req", ts::<ReassignRequest>)),
        returns: ts::<ReassignReport>,
    },
    Command {
        name: "force_release",
        arg: Some(("req", ts::<ForceReleaseRequest>)),
        returns: ts::<ForceReleased>,
    },
    Command {
        name: "audit_log",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Vec<AuditView>>,
    },
    Command {
        name: "list_agencies",
        arg: None,
        returns: ts::<Vec<AgencyView>>,
    },
    Command {
        name: "preview_import",
        arg: Some(("req", ts::<ImportFileRequest>)),
        returns: ts::<ImportPreview>,
    },
    Command {
        name: "import_list",
        arg: Some(("req", ts::<ImportFileRequest>)),
        returns: ts::<ImportReport>,
    },
    Command {
        name: "save_rejects",
        arg: Some(("req", ts::<SaveRejectsRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "sample_status",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<SampleReport>,
    },
    Command {
        name: "draw_sample",
        arg: Some(("req", ts::<DrawSampleRequest>)),
        returns: ts::<SampleReport>,
    },
    Command {
        name: "sipas_index",
        arg: Some(("req", ts::<IndexRequest>)),
        returns: ts::<IndexReport>,
    },
    Command {
        name: "response_rates",
        arg: Some(("req", ts::<RatesRequest>)),
        returns: ts::<RatesReport>,
    },
    Command {
        name: "fieldwork_progress",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<ProgressReport>,
    },
    Command {
        name: "operator_figures",
        arg: Some(("req", ts::<OperatorsRequest>)),
        returns: ts::<OperatorsReport>,
    },
    Command {
        name: "export_interviews",
        arg: Some(("req", ts::<ExportRequest>)),
        returns: ts::<Exported>,
    },
    Command {
        name: "export_report",
        arg: Some(("req", ts::<ReportExportRequest>)),
        returns: ts::<Exported>,
    },
];

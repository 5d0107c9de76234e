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
use crate::domain::people::{Password, Role};
use crate::error::Error;
use crate::ops::appointments::{self, AppointmentCalendar, CalendarRequest};
use crate::ops::calling_calendar::{self, CallingYear, CallingYearRequest, DayOffRequest};
use crate::ops::campaign_form::{self, CampaignForm, QuestionnaireChoice};
use crate::ops::catalogue::{self, AgencyView, CampaignView, OutcomeView, StaffView};
use crate::ops::desk::{
    self, CaseCard, NextCaseRequest, OutcomeRecorded, QueueView, RecordOutcomeRequest,
};
use crate::ops::export::{self, ExportRequest, Exported, ReportExportRequest};
use crate::ops::floor::{self, FloorEvent, FloorView};
use crate::ops::intake::{
    self, ImportFileRequest, ImportPreview, ImportReport, OnProgress, SaveRejectsRequest,
};
use crate::ops::interview::{
    self, CaseRequest, InterviewView, SaveAnswerRequest, StartInterviewRequest,
};
use crate::ops::pause::{self, PauseRequest, PauseView};
use crate::ops::purge::{self, PurgeReport};
use crate::ops::reports::{
    self, IndexReport, IndexRequest, OperatorsReport, OperatorsRequest, ProgressReport,
    RatesReport, RatesRequest,
};
use crate::ops::requests::{self, NewRequest, RequestView};
use crate::ops::review::{
    self, CorrectionRequest, ReviewDecision, ReviewItem, ReviewListRequest, ReviewRequest,
    ReviewView,
};
use crate::ops::sampling::{self, DrawSampleRequest, SampleReport};
use crate::ops::session::{Session, SessionView};
use crate::ops::staff::{self, NewPerson, PersonView};
use crate::ops::supervise::{
    self, AuditView, CampaignRequest, CaseOverview, CaseSelection, CaseVersion,
    ForceReleaseRequest, ForceReleased, ReassignReport, ReassignRequest,
};
use crate::ops::trail::{self, TrailRequest, TrailView};
use crate::store::model::Lease;
use crate::store::{self, DatabaseLocation, Store};
use serde::Deserialize;
use tokio::sync::RwLock;

pub type ApiResult<T> = Result<T, ApiError>;

/// The event the window receives while a list imports, carrying an `ImportProgress`.
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";
/// The event the window receives while it watches a campaign's floor, carrying a `FloorEvent`.
pub const FLOOR_EVENT: &str = "floor";

/// What the window shows about where it works, before and after a login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// The database: the file, or the server with no user and no password.
    pub location: String,
    /// How often the desk must renew its lease on the case it holds.
    pub heartbeat_seconds: u32,
    /// The app runs on a set clock (`KHAOSAT_NOW`, a testing aid), not the workstation's: the
    /// window says so. The audit keeps the database's own clock whatever this says.
    pub test_clock: bool,
    /// The person logged in, if any.
    pub session: Option<SessionView>,
    /// Today in Vietnam by the app's clock, `yyyy-mm-dd`: what date fields start from.
    pub today: String,
}

/// A person logging in: on PostgreSQL to `server` (else the app's), on SQLite to its file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoginRequest {
    #[serde(default)]
    pub server: Option<String>,
    pub login: String,
    #[ts(type = "string")]
    pub password: Password,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddPersonRequest {
    pub login: String,
    pub full_name: String,
    pub role: Role,
    #[serde(default)]
    pub campaigns: Vec<String>,
    #[ts(type = "string")]
    pub password: Password,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonActiveRequest {
    pub login: String,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonPasswordRequest {
    pub login: String,
    #[ts(type = "string")]
    pub password: Password,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AssignPersonRequest {
    pub login: String,
    /// The campaign's code.
    pub campaign: String,
    pub assigned: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestListRequest {
    /// Only the requests not closed yet.
    pub open_only: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RequestIdRequest {
    pub id: uuid::Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CloseRequestRequest {
    pub id: uuid::Uuid,
    /// How the person was answered.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PurgeRequest {
    pub campaign_id: uuid::Uuid,
    /// Count what would go; change nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// What disabling or enabling a login did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonActiveReport {
    /// The cases the disabled person held, now back in the pool.
    pub released: u32,
}

/// The desktop's core: the database (the embedded file, open from the start; a shared
/// server, opened by each person's login), the clock, and the session of whoever logged in.
#[derive(Debug)]
pub struct App {
    clock: Arc<dyn Clock>,
    location: DatabaseLocation,
    /// The embedded database; `None` on PostgreSQL, where each login opens its own connection.
    local: Option<Arc<dyn Store>>,
    session: RwLock<Option<Session>>,
    /// The floor this window watches, if any: one at a time.
    floor_watch: std::sync::Mutex<Option<tokio::task::AbortHandle>>,
}

impl App {
    /// Opens the embedded database (migrating it), or takes note of the shared server, which a
    /// login will connect to.
    pub async fn open(location: DatabaseLocation, clock: Arc<dyn Clock>) -> ApiResult<Self> {
        let local = match &location {
            DatabaseLocation::Sqlite(_) => Some(store::open(&location).await?),
            DatabaseLocation::Postgres(_) => None,
        };
        Ok(Self {
            clock,
            location,
            local,
            session: RwLock::new(None),
            floor_watch: std::sync::Mutex::new(None),
        })
    }

    /// The session of whoever is logged in; refused when nobody is.
    async fn session(&self) -> ApiResult<Session> {
        self.session.read().await.clone().ok_or_else(|| {
            ApiError::from(Error::Forbidden(
                "hãy đăng nhập trước (phiên làm việc đã kết thúc)".to_owned(),
            ))
        })
    }

    pub async fn app_info(&self) -> AppInfo {
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            backend: match self.location {
                DatabaseLocation::Sqlite(_) => "sqlite",
                DatabaseLocation::Postgres(_) => "postgres",
            }
            .to_owned(),
            location: self.location.server().to_string(),
            heartbeat_seconds: u32::try_from(desk::HEARTBEAT_EVERY.num_seconds()).unwrap_or(60),
            test_clock: self.clock.is_set(),
            session: self.session.read().await.as_ref().and_then(Session::view),
            today: crate::domain::time::vietnam_today(self.clock.now()).to_string(),
        }
    }

    /// Logs a person in: their password checked by PostgreSQL (connecting as their role) or,
    /// on the embedded file, against its Argon2id hash.
    pub async fn login(&self, req: LoginRequest) -> ApiResult<SessionView> {
        let session = match &self.local {
            Some(store) => Session::local(Arc::clone(store), &req.login, &req.password).await?,
            None => {
                let server = match req
                    .server
                    .as_deref()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    Some(server) => DatabaseLocation::resolve(Some(server))?.server(),
                    None => self.location.server(),
                };
                let url = server.postgres_url().ok_or_else(|| {
                    ApiError::from(Error::Invalid(
                        "máy chủ phải là một địa chỉ postgres://".to_owned(),
                    ))
                })?;
                Session::postgres(url, &req.login, &req.password).await?
            }
        };
        let view = session
            .view()
            .ok_or_else(|| ApiError::from(Error::LoginRefused))?;
        *self.session.write().await = Some(session);
        Ok(view)
    }

    pub async fn logout(&self) {
        self.unwatch_floor();
        if let Some(session) = self.session.write().await.take() {
            if let Err(e) = floor::close_desk(&session).await {
                tracing::warn!(error = %e, "desk left open at logout");
            }
            tracing::info!(person = ?session.person().ok().map(|p| p.id), "logged out");
        }
    }

    pub async fn list_campaigns(&self) -> ApiResult<Vec<CampaignView>> {
        Ok(catalogue::campaigns(&self.session().await?).await?)
    }

    pub async fn list_staff(&self) -> ApiResult<Vec<StaffView>> {
        Ok(catalogue::staff(&self.session().await?).await?)
    }

    /// The campaign's outcome catalogue, which the desk shows.
    pub async fn list_outcomes(&self, req: CampaignRequest) -> ApiResult<Vec<OutcomeView>> {
        let session = self.session().await?;
        Ok(catalogue::outcomes(
            &session.store().campaign(req.campaign_id).await?.outcomes,
        ))
    }

    /// A case's interview, questions and answers in order, for the supervisor's review.
    pub async fn case_interview(&self, req: CaseRequest) -> ApiResult<Option<InterviewView>> {
        Ok(interview::case_interview(&self.session().await?, req.case_id).await?)
    }

    pub async fn next_case(&self, req: NextCaseRequest) -> ApiResult<Option<CaseCard>> {
        Ok(desk::next_case(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn operator_queue(&self, req: NextCaseRequest) -> ApiResult<QueueView> {
        Ok(desk::queue(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn heartbeat(&self, lease: Lease) -> ApiResult<()> {
        Ok(desk::heartbeat(&self.session().await?, self.clock.now(), &lease).await?)
    }

    pub async fn release_case(&self, lease: Lease) -> ApiResult<()> {
        Ok(desk::release(&self.session().await?, &lease).await?)
    }

    pub async fn start_interview(&self, req: StartInterviewRequest) -> ApiResult<InterviewView> {
        Ok(interview::start_interview(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn save_answer(&self, req: SaveAnswerRequest) -> ApiResult<InterviewView> {
        Ok(interview::save_answer(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn record_outcome(&self, req: RecordOutcomeRequest) -> ApiResult<OutcomeRecorded> {
        Ok(desk::record_outcome(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn campaign_cases(&self, req: CampaignRequest) -> ApiResult<Vec<CaseOverview>> {
        Ok(supervise::campaign_cases(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn select_cases(&self, req: CaseSelection) -> ApiResult<Vec<CaseVersion>> {
        Ok(supervise::select_cases(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn reassign(&self, req: ReassignRequest) -> ApiResult<ReassignReport> {
        Ok(supervise::reassign(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn force_release(&self, req: ForceReleaseRequest) -> ApiResult<ForceReleased> {
        Ok(supervise::force_release(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn audit_log(&self, req: CampaignRequest) -> ApiResult<Vec<AuditView>> {
        Ok(supervise::audit(&self.session().await?, &req).await?)
    }

    pub async fn change_trail(&self, req: TrailRequest) -> ApiResult<TrailView> {
        Ok(trail::change_trail(&self.session().await?, &req).await?)
    }

    pub async fn review_list(&self, req: ReviewListRequest) -> ApiResult<Vec<ReviewItem>> {
        Ok(review::review_list(&self.session().await?, &req).await?)
    }

    pub async fn review_show(&self, req: ReviewRequest) -> ApiResult<ReviewView> {
        Ok(review::review_show(&self.session().await?, &req).await?)
    }

    pub async fn review_approve(&self, req: ReviewDecision) -> ApiResult<()> {
        Ok(review::approve(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn review_return(&self, req: ReviewDecision) -> ApiResult<()> {
        Ok(review::return_interview(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn pause_work(&self, req: PauseRequest) -> ApiResult<PauseView> {
        Ok(pause::pause(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn resume_work(&self, req: CampaignRequest) -> ApiResult<Option<PauseView>> {
        Ok(pause::resume(&self.session().await?, self.clock.now(), req.campaign_id).await?)
    }

    pub async fn my_pause(&self, req: CampaignRequest) -> ApiResult<Option<PauseView>> {
        Ok(pause::my_pause(&self.session().await?, self.clock.now(), req.campaign_id).await?)
    }

    pub fn pause_reasons(&self) -> Vec<String> {
        pause::reasons()
    }

    /// The operator's desk is open on the campaign (the desk says so every minute; see
    /// [`floor::DESK_LOST_AFTER`]).
    pub async fn open_desk(&self, req: CampaignRequest) -> ApiResult<()> {
        Ok(floor::open_desk(&self.session().await?, self.clock.now(), &req).await?)
    }

    /// The campaign's floor now (see [`App::watch_floor`] for a floor that follows).
    pub async fn floor_view(&self, req: CampaignRequest) -> ApiResult<FloorView> {
        Ok(floor::floor(&self.session().await?, self.clock.now(), &req).await?)
    }

    /// Sends the campaign's floor to `send` now and after every change (the shell sends it to
    /// the window as [`FLOOR_EVENT`] events), instead of any floor watched before, until
    /// [`App::unwatch_floor`] or the logout.
    pub async fn watch_floor(
        &self,
        req: CampaignRequest,
        send: impl Fn(FloorEvent) + Send + 'static,
    ) -> ApiResult<()> {
        self.unwatch_floor();
        let session = self.session().await?;
        let follow = floor::watch(session, Arc::clone(&self.clock), req, send).await?;
        let task = tokio::spawn(follow).abort_handle();
        if let Some(before) = self.watching().replace(task) {
            before.abort();
        }
        Ok(())
    }

    /// Stops following the floor.
    pub fn unwatch_floor(&self) {
        if let Some(task) = self.watching().take() {
            task.abort();
        }
    }

    fn watching(&self) -> std::sync::MutexGuard<'_, Option<tokio::task::AbortHandle>> {
        self.floor_watch
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub async fn review_resubmit(&self, req: ReviewDecision) -> ApiResult<()> {
        Ok(review::resubmit(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn returned_to_me(&self, req: CampaignRequest) -> ApiResult<Vec<ReviewItem>> {
        Ok(review::returned_to_me(&self.session().await?, req.campaign_id).await?)
    }

    pub async fn review_correct(&self, req: CorrectionRequest) -> ApiResult<ReviewView> {
        Ok(review::correct(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn list_agencies(&self) -> ApiResult<Vec<AgencyView>> {
        Ok(catalogue::agencies(self.session().await?.store()).await?)
    }

    /// The appointments of a day or a week: all the campaign's for a supervisor, an operator's
    /// own for them.
    pub async fn appointment_calendar(
        &self,
        req: CalendarRequest,
    ) -> ApiResult<AppointmentCalendar> {
        Ok(appointments::calendar(&self.session().await?, self.clock.now(), &req).await?)
    }

    /// The campaign's days off in a year (holidays, days in lieu, extra days closed).
    pub async fn calling_year(&self, req: CallingYearRequest) -> ApiResult<CallingYear> {
        Ok(calling_calendar::calling_year(&self.session().await?, &req).await?)
    }

    /// Closes an extra day off, or opens it again.
    pub async fn set_day_off(&self, req: DayOffRequest) -> ApiResult<CallingYear> {
        Ok(calling_calendar::set_day_off(&self.session().await?, self.clock.now(), &req).await?)
    }

    /// Makes a campaign from the app's form (administrators only).
    pub async fn create_campaign(&self, req: CampaignForm) -> ApiResult<CampaignView> {
        Ok(campaign_form::create(&self.session().await?, self.clock.now(), &req).await?)
    }

    /// The stored questionnaires a new campaign may use.
    pub async fn list_questionnaires(&self) -> ApiResult<Vec<QuestionnaireChoice>> {
        Ok(campaign_form::questionnaires(self.session().await?.store()).await?)
    }

    /// Adds an agency to the catalogue (its code and name).
    pub async fn add_agency(&self, req: AgencyView) -> ApiResult<AgencyView> {
        Ok(catalogue::add_agency(&self.session().await?, &req.code, &req.name).await?)
    }

    /// Corrects the name of the agency with this code.
    pub async fn rename_agency(&self, req: AgencyView) -> ApiResult<AgencyView> {
        Ok(catalogue::rename_agency(&self.session().await?, &req.code, &req.name).await?)
    }

    pub async fn preview_import(&self, req: ImportFileRequest) -> ApiResult<ImportPreview> {
        Ok(intake::preview(&self.session().await?, &req).await?)
    }

    /// Imports a list; `progress` hears how it goes (the shell sends it to the window as
    /// [`IMPORT_PROGRESS_EVENT`] events).
    pub async fn import_list(
        &self,
        req: ImportFileRequest,
        progress: OnProgress<'_>,
    ) -> ApiResult<ImportReport> {
        Ok(intake::import_report(&self.session().await?, self.clock.now(), &req, progress).await?)
    }

    pub fn save_rejects(&self, req: SaveRejectsRequest) -> ApiResult<()> {
        Ok(intake::save_rejects(&req)?)
    }

    pub async fn sample_status(&self, req: CampaignRequest) -> ApiResult<SampleReport> {
        Ok(sampling::status(&self.session().await?, req.campaign_id).await?)
    }

    pub async fn draw_sample(&self, req: DrawSampleRequest) -> ApiResult<SampleReport> {
        Ok(sampling::sample(&self.session().await?, self.clock.now(), &req.parse()?).await?)
    }

    pub async fn sipas_index(&self, req: IndexRequest) -> ApiResult<IndexReport> {
        Ok(reports::sipas_index(&self.session().await?, &req).await?)
    }

    pub async fn response_rates(&self, req: RatesRequest) -> ApiResult<RatesReport> {
        Ok(reports::rates(&self.session().await?, &req).await?)
    }

    pub async fn fieldwork_progress(&self, req: CampaignRequest) -> ApiResult<ProgressReport> {
        Ok(reports::progress(&self.session().await?, req.campaign_id, self.clock.now()).await?)
    }

    pub async fn operator_figures(&self, req: OperatorsRequest) -> ApiResult<OperatorsReport> {
        Ok(reports::operators(&self.session().await?, &req).await?)
    }

    pub async fn export_interviews(&self, req: ExportRequest) -> ApiResult<Exported> {
        Ok(export::export_interviews(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn export_report(&self, req: ReportExportRequest) -> ApiResult<Exported> {
        Ok(export::export_report(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn list_people(&self) -> ApiResult<Vec<PersonView>> {
        Ok(staff::list(&self.session().await?).await?)
    }

    pub async fn add_person(&self, req: AddPersonRequest) -> ApiResult<PersonView> {
        let person = NewPerson {
            login: req.login,
            full_name: req.full_name,
            role: req.role,
            campaigns: req.campaigns,
        };
        Ok(staff::add(&self.session().await?, &person, req.password.expose()).await?)
    }

    pub async fn set_person_active(
        &self,
        req: PersonActiveRequest,
    ) -> ApiResult<PersonActiveReport> {
        let released = staff::set_active(&self.session().await?, &req.login, req.active).await?;
        Ok(PersonActiveReport { released })
    }

    pub async fn set_person_password(&self, req: PersonPasswordRequest) -> ApiResult<()> {
        Ok(staff::set_password(&self.session().await?, &req.login, req.password.expose()).await?)
    }

    pub async fn list_requests(&self, req: RequestListRequest) -> ApiResult<Vec<RequestView>> {
        Ok(requests::list(&self.session().await?, self.clock.now(), req.open_only).await?)
    }

    pub async fn add_request(&self, req: NewRequest) -> ApiResult<RequestView> {
        Ok(requests::add(&self.session().await?, self.clock.now(), &req).await?)
    }

    pub async fn acknowledge_request(&self, req: RequestIdRequest) -> ApiResult<()> {
        Ok(requests::acknowledge(&self.session().await?, self.clock.now(), req.id).await?)
    }

    pub async fn close_request(&self, req: CloseRequestRequest) -> ApiResult<()> {
        Ok(requests::close(&self.session().await?, self.clock.now(), req.id, &req.note).await?)
    }

    pub async fn purge_campaign(&self, req: PurgeRequest) -> ApiResult<PurgeReport> {
        Ok(purge::purge(
            &self.session().await?,
            self.clock.now(),
            req.campaign_id,
            req.dry_run,
        )
        .await?)
    }

    pub async fn assign_person(&self, req: AssignPersonRequest) -> ApiResult<()> {
        Ok(staff::assign(
            &self.session().await?,
            &req.login,
            &req.campaign,
            req.assigned,
        )
        .await?)
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
        name: "login",
        arg: Some(("req", ts::<LoginRequest>)),
        returns: ts::<SessionView>,
    },
    Command {
        name: "logout",
        arg: None,
        returns: ts::<()>,
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
        name: "change_trail",
        arg: Some(("req", ts::<TrailRequest>)),
        returns: ts::<TrailView>,
    },
    Command {
        name: "review_list",
        arg: Some(("req", ts::<ReviewListRequest>)),
        returns: ts::<Vec<ReviewItem>>,
    },
    Command {
        name: "review_show",
        arg: Some(("req", ts::<ReviewRequest>)),
        returns: ts::<ReviewView>,
    },
    Command {
        name: "review_approve",
        arg: Some(("req", ts::<ReviewDecision>)),
        returns: ts::<()>,
    },
    Command {
        name: "review_return",
        arg: Some(("req", ts::<ReviewDecision>)),
        returns: ts::<()>,
    },
    Command {
        name: "pause_work",
        arg: Some(("req", ts::<PauseRequest>)),
        returns: ts::<PauseView>,
    },
    Command {
        name: "resume_work",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Option<PauseView>>,
    },
    Command {
        name: "my_pause",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Option<PauseView>>,
    },
    Command {
        name: "pause_reasons",
        arg: None,
        returns: ts::<Vec<String>>,
    },
    Command {
        name: "open_desk",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "floor_view",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<FloorView>,
    },
    Command {
        name: "watch_floor",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "unwatch_floor",
        arg: None,
        returns: ts::<()>,
    },
    Command {
        name: "review_resubmit",
        arg: Some(("req", ts::<ReviewDecision>)),
        returns: ts::<()>,
    },
    Command {
        name: "returned_to_me",
        arg: Some(("req", ts::<CampaignRequest>)),
        returns: ts::<Vec<ReviewItem>>,
    },
    Command {
        name: "review_correct",
        arg: Some(("req", ts::<CorrectionRequest>)),
        returns: ts::<ReviewView>,
    },
    Command {
        name: "list_agencies",
        arg: None,
        returns: ts::<Vec<AgencyView>>,
    },
    Command {
        name: "calling_year",
        arg: Some(("req", ts::<CallingYearRequest>)),
        returns: ts::<CallingYear>,
    },
    Command {
        name: "set_day_off",
        arg: Some(("req", ts::<DayOffRequest>)),
        returns: ts::<CallingYear>,
    },
    Command {
        name: "create_campaign",
        arg: Some(("req", ts::<CampaignForm>)),
        returns: ts::<CampaignView>,
    },
    Command {
        name: "list_questionnaires",
        arg: None,
        returns: ts::<Vec<QuestionnaireChoice>>,
    },
    Command {
        name: "appointment_calendar",
        arg: Some(("req", ts::<CalendarRequest>)),
        returns: ts::<AppointmentCalendar>,
    },
    Command {
        name: "add_agency",
        arg: Some(("req", ts::<AgencyView>)),
        returns: ts::<AgencyView>,
    },
    Command {
        name: "rename_agency",
        arg: Some(("req", ts::<AgencyView>)),
        returns: ts::<AgencyView>,
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
    Command {
        name: "list_people",
        arg: None,
        returns: ts::<Vec<PersonView>>,
    },
    Command {
        name: "add_person",
        arg: Some(("req", ts::<AddPersonRequest>)),
        returns: ts::<PersonView>,
    },
    Command {
        name: "set_person_active",
        arg: Some(("req", ts::<PersonActiveRequest>)),
        returns: ts::<PersonActiveReport>,
    },
    Command {
        name: "set_person_password",
        arg: Some(("req", ts::<PersonPasswordRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "assign_person",
        arg: Some(("req", ts::<AssignPersonRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "list_requests",
        arg: Some(("req", ts::<RequestListRequest>)),
        returns: ts::<Vec<RequestView>>,
    },
    Command {
        name: "add_request",
        arg: Some(("req", ts::<NewRequest>)),
        returns: ts::<RequestView>,
    },
    Command {
        name: "acknowledge_request",
        arg: Some(("req", ts::<RequestIdRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "close_request",
        arg: Some(("req", ts::<CloseRequestRequest>)),
        returns: ts::<()>,
    },
    Command {
        name: "purge_campaign",
        arg: Some(("req", ts::<PurgeRequest>)),
        returns: ts::<PurgeReport>,
    },
];

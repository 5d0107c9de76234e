//! The Tauri commands: one per entry of [`khaosat::api::COMMANDS`], same name, same argument
//! name (`req` or `lease`), each a single call into the core's [`khaosat::api::App`].

use khaosat::api::{
    AddPersonRequest, ApiError, AppInfo, AssignPersonRequest, CloseRequestRequest, LoginRequest,
    PersonActiveReport, PersonActiveRequest, PersonPasswordRequest, PurgeRequest, RequestIdRequest,
    RequestListRequest, FLOOR_EVENT, IMPORT_PROGRESS_EVENT,
};
use khaosat::ops::appointments::{AppointmentCalendar, CalendarRequest};
use khaosat::ops::calling_calendar::{CallingYear, CallingYearRequest, DayOffRequest};
use khaosat::ops::campaign_form::{CampaignForm, QuestionnaireChoice};
use khaosat::ops::catalogue::{AgencyView, CampaignView, OutcomeView, StaffView};
use khaosat::ops::desk::{
    CaseCard, NextCaseRequest, OutcomeRecorded, QueueView, RecordOutcomeRequest,
};
use khaosat::ops::export::{ExportRequest, Exported, ReportExportRequest};
use khaosat::ops::floor::FloorView;
use khaosat::ops::intake::{ImportFileRequest, ImportPreview, ImportReport, SaveRejectsRequest};
use khaosat::ops::interview::{
    CaseRequest, InterviewView, SaveAnswerRequest, StartInterviewRequest,
};
use khaosat::ops::pause::{PauseRequest, PauseView};
use khaosat::ops::purge::PurgeReport;
use khaosat::ops::reports::{
    IndexReport, IndexRequest, OperatorsReport, OperatorsRequest, ProgressReport, RatesReport,
    RatesRequest,
};
use khaosat::ops::requests::{NewRequest, RequestView};
use khaosat::ops::review::{
    CorrectionRequest, ReviewDecision, ReviewItem, ReviewListRequest, ReviewRequest, ReviewView,
};
use khaosat::ops::sampling::{DrawSampleRequest, SampleReport};
use khaosat::ops::session::SessionView;
use khaosat::ops::staff::PersonView;
use khaosat::ops::supervise::{
    AuditView, CampaignRequest, CaseOverview, CaseSelection, CaseVersion, ForceReleaseRequest,
    ForceReleased, ReassignReport, ReassignRequest,
};
use khaosat::ops::trail::{TrailRequest, TrailView};
use khaosat::store::model::Lease;
use tauri::{Emitter, State};

use crate::Shell;

type Reply<T> = Result<T, ApiError>;

/// Lists the commands once, for both the handler and [`REGISTERED_COMMANDS`], so the test that
/// compares them with the core's list sees exactly what the window registers.
macro_rules! shell_commands {
    ($($name:ident),* $(,)?) => {
        /// The names of the commands the window registers.
        pub const REGISTERED_COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// The invoke handler with every command registered.
        pub fn invoke_handler<R: tauri::Runtime>(
        ) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }
    };
}

shell_commands![
    app_info,
    login,
    logout,
    list_campaigns,
    list_staff,
    list_outcomes,
    case_interview,
    next_case,
    operator_queue,
    heartbeat,
    release_case,
    start_interview,
    save_answer,
    record_outcome,
    campaign_cases,
    select_cases,
    reassign,
    force_release,
    audit_log,
    change_trail,
    review_list,
    review_show,
    review_approve,
    review_return,
    review_resubmit,
    returned_to_me,
    pause_work,
    resume_work,
    my_pause,
    pause_reasons,
    open_desk,
    floor_view,
    watch_floor,
    unwatch_floor,
    review_correct,
    list_agencies,
    calling_year,
    set_day_off,
    create_campaign,
    list_questionnaires,
    appointment_calendar,
    add_agency,
    rename_agency,
    preview_import,
    import_list,
    save_rejects,
    sample_status,
    draw_sample,
    sipas_index,
    response_rates,
    fieldwork_progress,
    operator_figures,
    export_interviews,
    export_report,
    list_people,
    add_person,
    set_person_active,
    set_person_password,
    assign_person,
    list_requests,
    add_request,
    acknowledge_request,
    close_request,
    purge_campaign,
];

#[tauri::command]
async fn app_info(shell: State<'_, Shell>) -> Reply<AppInfo> {
    Ok(shell.app().await?.app_info().await)
}

#[tauri::command]
async fn login(shell: State<'_, Shell>, req: LoginRequest) -> Reply<SessionView> {
    shell.app().await?.login(req).await
}

#[tauri::command]
async fn logout(shell: State<'_, Shell>) -> Reply<()> {
    shell.app().await?.logout().await;
    Ok(())
}

#[tauri::command]
async fn list_people(shell: State<'_, Shell>) -> Reply<Vec<PersonView>> {
    shell.app().await?.list_people().await
}

#[tauri::command]
async fn add_person(shell: State<'_, Shell>, req: AddPersonRequest) -> Reply<PersonView> {
    shell.app().await?.add_person(req).await
}

#[tauri::command]
async fn set_person_active(
    shell: State<'_, Shell>,
    req: PersonActiveRequest,
) -> Reply<PersonActiveReport> {
    shell.app().await?.set_person_active(req).await
}

#[tauri::command]
async fn set_person_password(shell: State<'_, Shell>, req: PersonPasswordRequest) -> Reply<()> {
    shell.app().await?.set_person_password(req).await
}

#[tauri::command]
async fn assign_person(shell: State<'_, Shell>, req: AssignPersonRequest) -> Reply<()> {
    shell.app().await?.assign_person(req).await
}

#[tauri::command]
async fn list_requests(
    shell: State<'_, Shell>,
    req: RequestListRequest,
) -> Reply<Vec<RequestView>> {
    shell.app().await?.list_requests(req).await
}

#[tauri::command]
async fn add_request(shell: State<'_, Shell>, req: NewRequest) -> Reply<RequestView> {
    shell.app().await?.add_request(req).await
}

#[tauri::command]
async fn acknowledge_request(shell: State<'_, Shell>, req: RequestIdRequest) -> Reply<()> {
    shell.app().await?.acknowledge_request(req).await
}

#[tauri::command]
async fn close_request(shell: State<'_, Shell>, req: CloseRequestRequest) -> Reply<()> {
    shell.app().await?.close_request(req).await
}

#[tauri::command]
async fn purge_campaign(shell: State<'_, Shell>, req: PurgeRequest) -> Reply<PurgeReport> {
    shell.app().await?.purge_campaign(req).await
}

#[tauri::command]
async fn list_campaigns(shell: State<'_, Shell>) -> Reply<Vec<CampaignView>> {
    shell.app().await?.list_campaigns().await
}

#[tauri::command]
async fn list_staff(shell: State<'_, Shell>) -> Reply<Vec<StaffView>> {
    shell.app().await?.list_staff().await
}

#[tauri::command]
async fn list_outcomes(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Vec<OutcomeView>> {
    shell.app().await?.list_outcomes(req).await
}

#[tauri::command]
async fn operator_queue(shell: State<'_, Shell>, req: NextCaseRequest) -> Reply<QueueView> {
    shell.app().await?.operator_queue(req).await
}

#[tauri::command]
async fn select_cases(shell: State<'_, Shell>, req: CaseSelection) -> Reply<Vec<CaseVersion>> {
    shell.app().await?.select_cases(req).await
}

#[tauri::command]
async fn reassign(shell: State<'_, Shell>, req: ReassignRequest) -> Reply<ReassignReport> {
    shell.app().await?.reassign(req).await
}

#[tauri::command]
async fn force_release(shell: State<'_, Shell>, req: ForceReleaseRequest) -> Reply<ForceReleased> {
    shell.app().await?.force_release(req).await
}

#[tauri::command]
async fn audit_log(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Vec<AuditView>> {
    shell.app().await?.audit_log(req).await
}

#[tauri::command]
async fn change_trail(shell: State<'_, Shell>, req: TrailRequest) -> Reply<TrailView> {
    shell.app().await?.change_trail(req).await
}

#[tauri::command]
async fn review_list(shell: State<'_, Shell>, req: ReviewListRequest) -> Reply<Vec<ReviewItem>> {
    shell.app().await?.review_list(req).await
}

#[tauri::command]
async fn review_show(shell: State<'_, Shell>, req: ReviewRequest) -> Reply<ReviewView> {
    shell.app().await?.review_show(req).await
}

#[tauri::command]
async fn review_approve(shell: State<'_, Shell>, req: ReviewDecision) -> Reply<()> {
    shell.app().await?.review_approve(req).await
}

#[tauri::command]
async fn review_return(shell: State<'_, Shell>, req: ReviewDecision) -> Reply<()> {
    shell.app().await?.review_return(req).await
}

#[tauri::command]
async fn pause_work(shell: State<'_, Shell>, req: PauseRequest) -> Reply<PauseView> {
    shell.app().await?.pause_work(req).await
}

#[tauri::command]
async fn resume_work(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Option<PauseView>> {
    shell.app().await?.resume_work(req).await
}

#[tauri::command]
async fn my_pause(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Option<PauseView>> {
    shell.app().await?.my_pause(req).await
}

#[tauri::command]
async fn pause_reasons(shell: State<'_, Shell>) -> Reply<Vec<String>> {
    Ok(shell.app().await?.pause_reasons())
}

#[tauri::command]
async fn open_desk(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<()> {
    shell.app().await?.open_desk(req).await
}

#[tauri::command]
async fn floor_view(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<FloorView> {
    shell.app().await?.floor_view(req).await
}

#[tauri::command]
async fn watch_floor<R: tauri::Runtime>(
    window: tauri::Window<R>,
    shell: State<'_, Shell>,
    req: CampaignRequest,
) -> Reply<()> {
    let send = move |event| drop(window.emit(FLOOR_EVENT, event));
    shell.app().await?.watch_floor(req, send).await
}

#[tauri::command]
async fn unwatch_floor(shell: State<'_, Shell>) -> Reply<()> {
    shell.app().await?.unwatch_floor();
    Ok(())
}

#[tauri::command]
async fn review_resubmit(shell: State<'_, Shell>, req: ReviewDecision) -> Reply<()> {
    shell.app().await?.review_resubmit(req).await
}

#[tauri::command]
async fn returned_to_me(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Vec<ReviewItem>> {
    shell.app().await?.returned_to_me(req).await
}

#[tauri::command]
async fn review_correct(shell: State<'_, Shell>, req: CorrectionRequest) -> Reply<ReviewView> {
    shell.app().await?.review_correct(req).await
}

#[tauri::command]
async fn case_interview(shell: State<'_, Shell>, req: CaseRequest) -> Reply<Option<InterviewView>> {
    shell.app().await?.case_interview(req).await
}

#[tauri::command]
async fn next_case(shell: State<'_, Shell>, req: NextCaseRequest) -> Reply<Option<CaseCard>> {
    shell.app().await?.next_case(req).await
}

#[tauri::command]
async fn heartbeat(shell: State<'_, Shell>, lease: Lease) -> Reply<()> {
    shell.app().await?.heartbeat(lease).await
}

#[tauri::command]
async fn release_case(shell: State<'_, Shell>, lease: Lease) -> Reply<()> {
    shell.app().await?.release_case(lease).await
}

#[tauri::command]
async fn start_interview(
    shell: State<'_, Shell>,
    req: StartInterviewRequest,
) -> Reply<InterviewView> {
    shell.app().await?.start_interview(req).await
}

#[tauri::command]
async fn save_answer(shell: State<'_, Shell>, req: SaveAnswerRequest) -> Reply<InterviewView> {
    shell.app().await?.save_answer(req).await
}

#[tauri::command]
async fn record_outcome(
    shell: State<'_, Shell>,
    req: RecordOutcomeRequest,
) -> Reply<OutcomeRecorded> {
    shell.app().await?.record_outcome(req).await
}

#[tauri::command]
async fn campaign_cases(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<Vec<CaseOverview>> {
    shell.app().await?.campaign_cases(req).await
}

#[tauri::command]
async fn list_agencies(shell: State<'_, Shell>) -> Reply<Vec<AgencyView>> {
    shell.app().await?.list_agencies().await
}

#[tauri::command]
async fn calling_year(shell: State<'_, Shell>, req: CallingYearRequest) -> Reply<CallingYear> {
    shell.app().await?.calling_year(req).await
}

#[tauri::command]
async fn set_day_off(shell: State<'_, Shell>, req: DayOffRequest) -> Reply<CallingYear> {
    shell.app().await?.set_day_off(req).await
}

#[tauri::command]
async fn create_campaign(shell: State<'_, Shell>, req: CampaignForm) -> Reply<CampaignView> {
    shell.app().await?.create_campaign(req).await
}

#[tauri::command]
async fn list_questionnaires(shell: State<'_, Shell>) -> Reply<Vec<QuestionnaireChoice>> {
    shell.app().await?.list_questionnaires().await
}

#[tauri::command]
async fn appointment_calendar(
    shell: State<'_, Shell>,
    req: CalendarRequest,
) -> Reply<AppointmentCalendar> {
    shell.app().await?.appointment_calendar(req).await
}

#[tauri::command]
async fn add_agency(shell: State<'_, Shell>, req: AgencyView) -> Reply<AgencyView> {
    shell.app().await?.add_agency(req).await
}

#[tauri::command]
async fn rename_agency(shell: State<'_, Shell>, req: AgencyView) -> Reply<AgencyView> {
    shell.app().await?.rename_agency(req).await
}

#[tauri::command]
async fn preview_import(shell: State<'_, Shell>, req: ImportFileRequest) -> Reply<ImportPreview> {
    shell.app().await?.preview_import(req).await
}

#[tauri::command]
async fn import_list<R: tauri::Runtime>(
    window: tauri::Window<R>,
    shell: State<'_, Shell>,
    req: ImportFileRequest,
) -> Reply<ImportReport> {
    let progress = |step| drop(window.emit(IMPORT_PROGRESS_EVENT, step));
    shell.app().await?.import_list(req, &progress).await
}

#[tauri::command]
async fn save_rejects(shell: State<'_, Shell>, req: SaveRejectsRequest) -> Reply<()> {
    shell.app().await?.save_rejects(req)
}

#[tauri::command]
async fn sample_status(shell: State<'_, Shell>, req: CampaignRequest) -> Reply<SampleReport> {
    shell.app().await?.sample_status(req).await
}

#[tauri::command]
async fn draw_sample(shell: State<'_, Shell>, req: DrawSampleRequest) -> Reply<SampleReport> {
    shell.app().await?.draw_sample(req).await
}

#[tauri::command]
async fn sipas_index(shell: State<'_, Shell>, req: IndexRequest) -> Reply<IndexReport> {
    shell.app().await?.sipas_index(req).await
}

#[tauri::command]
async fn response_rates(shell: State<'_, Shell>, req: RatesRequest) -> Reply<RatesReport> {
    shell.app().await?.response_rates(req).await
}

#[tauri::command]
async fn fieldwork_progress(
    shell: State<'_, Shell>,
    req: CampaignRequest,
) -> Reply<ProgressReport> {
    shell.app().await?.fieldwork_progress(req).await
}

#[tauri::command]
async fn operator_figures(
    shell: State<'_, Shell>,
    req: OperatorsRequest,
) -> Reply<OperatorsReport> {
    shell.app().await?.operator_figures(req).await
}

#[tauri::command]
async fn export_interviews(shell: State<'_, Shell>, req: ExportRequest) -> Reply<Exported> {
    shell.app().await?.export_interviews(req).await
}

#[tauri::command]
async fn export_report(shell: State<'_, Shell>, req: ReportExportRequest) -> Reply<Exported> {
    shell.app().await?.export_report(req).await
}

// Generated from the Rust types by `KHAOSAT_WRITE_BINDINGS=1 cargo test bindings`.
// Do not edit: change the Rust side and regenerate.

import { invoke } from "@tauri-apps/api/core";

export type ApiError = { kind: ErrorKind, 
/**
 * One sentence in Vietnamese, starting with a capital letter.
 */
message: string, };

export type ErrorKind = "notFound" | "leaseLost" | "invalid" | "conflict" | "forbidden" | "loginRefused" | "unavailable" | "internal";

export type AppInfo = { version: string, 
/**
 * `sqlite` or `postgres`.
 */
backend: string, 
/**
 * The database: the file, or the server with no user and no password.
 */
location: string, 
/**
 * How often the desk must renew its lease on the case it holds.
 */
heartbeatSeconds: number, 
/**
 * The app runs on a set clock (`KHAOSAT_NOW`, a testing aid), not the workstation's: the
 * window says so. The audit keeps the database's own clock whatever this says.
 */
testClock: boolean, 
/**
 * The person logged in, if any.
 */
session: SessionView | null, 
/**
 * Today in Vietnam by the app's clock, `yyyy-mm-dd`: what date fields start from.
 */
today: string, };

export type CampaignView = { id: string, code: string, name: string, timeZone: string, 
/**
 * dd/mm/yyyy
 */
receivedFrom: string, receivedTo: string, maxAttempts: number, 
/**
 * `T2-T7`
 */
callingDays: string, 
/**
 * `07:30-11:30,13:30-20:00`
 */
callingHours: string, 
/**
 * Extra non-calling days, dd/mm/yyyy.
 */
closedDates: Array<string>, publicHolidays: boolean, 
/**
 * How long a hard appointment waits for its operator before anyone may call.
 */
appointmentGraceMinutes: number, };

export type StaffView = { id: string, login: string, fullName: string, role: Role, };

export type Role = "operator" | "supervisor" | "admin";

export type OutcomeView = { code: OutcomeCode, labelVi: string, labelEn: string, 
/**
 * Whether the operator picks it; the attempt-limit closures are set by the rules.
 */
recordable: boolean, hotkey: string | null, category: AaporCategory, isFinal: boolean, 
/**
 * Minutes before the case may be called again, if the outcome sets a retry.
 */
retryAfterMinutes: number | null, countsTowardLimit: boolean, noteRequired: boolean, needsAppointment: boolean, 
/**
 * The person was reached on the call.
 */
contact: boolean, interview: InterviewNeed, 
/**
 * The next call goes to a different operator.
 */
otherOperator: boolean, 
/**
 * The next call is made in a part of the day not yet tried.
 */
newSlot: boolean, 
/**
 * Its place (1 first) in the precedence the attempt limit closes a case by, if it has one.
 */
atLimit: number | null, };

export type OutcomeCode = string;

export type AaporCategory = "I" | "P" | "R" | "NC" | "O" | "UH" | "UO" | "NE";

export type InterviewNeed = "finished" | "started" | "none";

export type Lease = { caseId: string, campaignId: string, holder: string, epoch: number, 
/**
 * When the case was claimed: the start of the call an outcome is recorded for.
 */
claimedAt: string, };

export type NextCaseRequest = { campaignId: string, };

export type CaseCard = { lease: Lease, 
/**
 * This operator already held the case: the call is picked up again.
 */
resumed: boolean, respondentName: string, 
/**
 * Shown whole, in the national form: the operator holding the case dials it.
 */
phone: string, agencyCode: string, agencyName: string, procedure: string, dossierCode: string, 
/**
 * The date the result was received, dd/mm/yyyy.
 */
receivedOn: string, attempts: number, maxAttempts: number, appointmentAt: string | null, 
/**
 * The appointment was booked for one operator only.
 */
appointmentHard: boolean, history: Array<AttemptView>, interview: InterviewView | null, };

export type AttemptView = { 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, outcome: OutcomeCode, note: string | null, };

export type InterviewView = { id: string, 
/**
 * The first 12 digits of the questionnaire's hash, with its title and version.
 */
questionnaire: string, title: string, version: string, status: InterviewStatus, 
/**
 * The questions the answers lead to, in order: answered, the one to ask, and those ahead
 * as things stand.
 */
questions: Array<QuestionView>, 
/**
 * The question to ask now; `None` when the interview is complete or has ended.
 */
next: string | null, sections: Array<SectionView>, 
/**
 * Answers kept in the history that no longer count (their question is off the path).
 */
setAside: number, stop: InterviewStop, 
/**
 * The outcome the desk records for this stop, when the campaign's catalogue has it.
 */
suggestedOutcome: OutcomeCode | null, 
/**
 * The words to close the call with, filled in, once it is complete or has ended.
 */
closing: string | null, 
/**
 * The record of the person's consent: the consent question's latest answer.
 */
consent: ConsentView | null, };

export type InterviewStatus = "inProgress" | "partial" | "complete";

export type InterviewStop = "complete" | "partial" | "breakOff" | "refusal" | "notEligible" | "notStarted";

export type InterviewSummary = { id: string, status: InterviewStatus, 
/**
 * Questions answered on the interview's path, and how many the path has as things stand.
 */
answered: number, questions: number, stop: InterviewStop, };

export type QuestionView = { id: string, sectionId: string, 
/**
 * The wording with the respondent's details filled in: read out as it stands.
 */
text: string, textEn: string | null, 
/**
 * For the operator only, never read out.
 */
instruction: string | null, kind: QuestionKind, 
/**
 * The options of a choice question, or the scale with 0 “không ý kiến”.
 */
options: Array<OptionView>, required: boolean, maxChoices: number | null, min: number | null, max: number | null, maxLength: number | null, answer: GivenAnswer | null, };

export type QuestionKind = "single" | "scale" | "multiple" | "integer" | "text" | "date";

export type OptionView = { 
/**
 * What the operator types (and what is stored).
 */
code: string, text: string, textEn: string | null, 
/**
 * Choosing it ends the interview (a refusal, or not eligible).
 */
ends: boolean, };

export type GivenAnswer = { 
/**
 * The stored code: what the desk puts back in the field when the operator returns.
 */
code: string, 
/**
 * As a person reads it: the options' wording, a date as dd/mm/yyyy.
 */
shown: string, };

export type SectionView = { id: string, title: string, titleEn: string | null, 
/**
 * Questions of the section on the interview's path, and how many of them are answered.
 */
questions: number, answered: number, };

export type CaseRequest = { caseId: string, };

export type StartInterviewRequest = { lease: Lease, 
/**
 * Made by the workstation, so a retried request opens one interview, not two. When the
 * case already has an interview (a partial one resumed), that one is returned with its
 * own id, and this id is not used.
 */
interviewId: string, };

export type SaveAnswerRequest = { lease: Lease, interviewId: string, 
/**
 * Made by the workstation for this answer, so a retried save is stored once.
 */
answerId: string, questionId: string, 
/**
 * What the operator typed: an option's code (`2`), codes for a multiple choice (`1,3`),
 * 1–5 or 0 on the scale, a number, a text, a date dd/mm/yyyy; empty passes over an
 * optional question.
 */
input: string, };

export type RecordOutcomeRequest = { lease: Lease, 
/**
 * Made by the workstation, so a retried request records one attempt, not two.
 */
attemptId: string, 
/**
 * The outcome's code in the campaign's catalogue, e.g. `3.13`.
 */
outcome: OutcomeCode, note: string | null, 
/**
 * For a callback: the agreed time, in the campaign's time zone (`2026-11-24T09:30`).
 */
appointmentAt: LocalTime | null, 
/**
 * Who makes the callback; `None`: this operator (a hard appointment).
 */
appointmentKind: AppointmentKind | null, };

export type AppointmentKind = "hard" | "soft";

export type QueueView = { 
/**
 * The app's now in the campaign's time zone, dd/mm/yyyy hh:mm: where the desk starts a
 * callback time from.
 */
now: string, 
/**
 * Calling hours are on now.
 */
callingOpen: boolean, slot: TimeSlot | null, 
/**
 * When calling hours are off: when they next begin, dd/mm/yyyy hh:mm.
 */
nextOpen: string | null, 
/**
 * Open cases on the operator's own call list.
 */
ownOpen: number, 
/**
 * Open cases in the shared pool.
 */
poolOpen: number, 
/**
 * Cases that could be handed to the operator now: none outside calling hours.
 */
ready: number, appointments: Array<AppointmentView>, 
/**
 * Callback times to offer, all within calling hours (holidays and days off included),
 * the first being the default: the next calling day at 09:00 (or when calling opens).
 */
callbackChoices: Array<CallbackChoice>, };

export type AppointmentView = { caseId: string, 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, 
/**
 * Its time has come.
 */
due: boolean, 
/**
 * Booked for this operator only (until the grace period has passed).
 */
hard: boolean, 
/**
 * `090****567`: the person's name and number are shown once the case is taken.
 */
phoneMasked: string, agencyName: string, dossierCode: string, };

export type CallbackChoice = { labelVi: string, labelEn: string, 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone, as the desk sends it back.
 */
at: string, };

export type TimeSlot = "morning" | "afternoon" | "evening";

export type CallListFilter = { "kind": "any" } | { "kind": "pool" } | { "kind": "operator", id: string, };

export type CaseSelection = { campaignId: string, agencyCodes: Array<string>, statuses: Array<CaseStatus>, callList: CallListFilter, };

export type CaseVersion = { caseId: string, version: number, };

export type ReassignRequest = { campaignId: string, cases: Array<CaseVersion>, toOperator: string | null, };

export type ReassignReport = { selected: number, moved: number, 
/**
 * Already on that list: nothing to do.
 */
unchanged: number, 
/**
 * Changed by someone else since they were selected: left as they are. Select again.
 */
conflicts: Array<string>, 
/**
 * Moved, but in a call now: the operator on the call keeps it until the call ends.
 */
inCall: Array<string>, 
/**
 * The list they went to: the operator's name, or `None` for the shared pool.
 */
to: string | null, };

export type ForceReleaseRequest = { caseId: string, };

export type ForceReleased = { caseId: string, 
/**
 * Who held it; `None`: nobody did, nothing changed.
 */
heldBy: string | null, };

export type AuditView = { 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, actor: string, 
/**
 * `reassign` or `force_release`.
 */
action: string, caseId: string | null, before: string | null, after: string | null, };

export type TrailRequest = { campaignId: string, 
/**
 * How many of the latest changes (default 100, at most 1000).
 */
limit: number | null, };

export type TrailView = { 
/**
 * `false` on the embedded file: one workstation, no database roles, no trail.
 */
kept: boolean, lines: Array<TrailLine>, };

export type TrailLine = { 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, 
/**
 * The login (role) the change was made under.
 */
actor: string, 
/**
 * The table, as the database names it (`survey_case`, `attempt`…).
 */
table: string, 
/**
 * `INSERT`, `UPDATE`, `DELETE`, or `SELECT` for an audited read (a contacts export).
 */
operation: string, 
/**
 * The row's key: its id, or its parts joined by `/`.
 */
row: string, changes: Array<ColumnChange>, };

export type ColumnChange = { column: string, 
/**
 * Empty for a row added.
 */
before: string, 
/**
 * Empty for a row removed.
 */
after: string, };

export type OutcomeRecorded = { caseId: string, outcome: OutcomeCode, status: CaseStatus, attempts: number, 
/**
 * Set when this attempt closed the case (the outcome itself or the attempt limit).
 */
finalOutcome: OutcomeCode | null, 
/**
 * When the case may be called again, dd/mm/yyyy hh:mm in the campaign's time zone.
 */
retryAt: string | null, };

export type CaseStatus = "new" | "inCall" | "retry" | "appointment" | "closed";

export type CampaignRequest = { campaignId: string, };

export type CaseOverview = { caseId: string, respondentName: string, 
/**
 * `090****567`
 */
phoneMasked: string, agencyCode: string, agencyName: string, procedure: string, dossierCode: string, receivedOn: string, 
/**
 * The operator whose call list holds the case; `None` for the shared pool.
 */
callList: string | null, status: CaseStatus, heldBy: string | null, attempts: number, lastOutcome: OutcomeCode | null, finalOutcome: OutcomeCode | null, lastAttemptAt: string | null, appointmentAt: string | null, 
/**
 * The appointment is kept for one operator.
 */
appointmentHard: boolean, version: number, interview: InterviewSummary | null, 
/**
 * The person's name and number were removed (a purge, or their own request): shown as
 * "đã xoá dữ liệu cá nhân".
 */
purged: boolean, };

export type DemoSeeded = { campaign: CampaignView, respondents: number, 
/**
 * `false` when the demo campaign was already there and nothing was added.
 */
created: boolean, 
/**
 * The people made, with their passwords: shown this once, never stored in clear.
 */
people: Array<DemoPerson>, };

export type LocalTime = string;

export type AgencyView = { code: string, name: string, };

export type ImportFileRequest = { campaignId: string, path: string, sheet: string | null, 
/**
 * Add the agencies the list names that the catalogue does not know (the preview lists
 * them), before importing.
 */
addAgencies: boolean, };

export type ImportPreview = { file: string, sheet: string | null, 
/**
 * Data rows in the file.
 */
rows: number, columns: Array<ColumnMatch>, 
/**
 * Why the file cannot be imported as it is (missing required columns…); empty when it can.
 */
problem: string | null, 
/**
 * The first rows, cell by cell, as shown in the preview.
 */
firstRows: Array<Array<string>>, 
/**
 * The agencies the list names that the catalogue does not know: their rows would be
 * rejected unless they are added (`add_agencies`).
 */
unknownAgencies: Array<UnknownAgency>, };

export type ColumnMatch = { header: string, 
/**
 * The column it was taken for (Vietnamese name); `None` when it is ignored.
 */
column: string | null, };

export type ImportReport = { summary: ImportSummary, rejections: Array<RejectedRow>, };

export type ImportSummary = { 
/**
 * Data rows read.
 */
rows: number, 
/**
 * Rows stored, or already present with the same data.
 */
accepted: number, rejected: number, 
/**
 * Cases this import created.
 */
new_cases: number, 
/**
 * Cases in the campaign afterwards.
 */
cases_total: number, 
/**
 * Agencies added to the catalogue first (`add_agencies`).
 */
agencies_added: Array<UnknownAgency>, };

export type RejectedRow = { 
/**
 * The spreadsheet row (the header is row 1).
 */
row: number, 
/**
 * The column's Vietnamese name, when one column is at fault.
 */
column: string | null, value: string, reason: string, };

export type SaveRejectsRequest = { path: string, sheet: string | null, 
/**
 * Where to write the CSV.
 */
out: string, rejections: Array<RejectedRow>, 
/**
 * Replace a file already there: the person confirmed it in the save dialog.
 */
replace: boolean, };

export type SampleReport = { rule: string, seed: number, agencies: Array<AgencySample>, drawn_total: number, };

export type AgencySample = { agency: string, 
/**
 * Dossiers of the agency in the campaign.
 */
population: number, 
/**
 * The sample the rule requires for that population.
 */
required: number, 
/**
 * Cases released so far, all waves.
 */
drawn: number, };

export type DrawSampleRequest = { campaignId: string, seed: number, 
/**
 * `tiers` or `slovin`.
 */
rule: string, margin: number | null, addAgency: string | null, addCount: number | null, };

export type ImportProgress = { "stage": "checking", done: number, total: number, } | { "stage": "storing", rows: number, } | { "stage": "done" };

export type UnknownAgency = { code: string, name: string, 
/**
 * Rows of the list that name it.
 */
rows: number, };

export type CallingYearRequest = { campaignId: string, year: number, };

export type DayOffRequest = { campaignId: string, 
/**
 * dd/mm/yyyy (or yyyy-mm-dd).
 */
day: string, 
/**
 * Close the day (no calls), or open it again.
 */
closed: boolean, };

export type CallingYear = { year: number, 
/**
 * `T2-T7`: the weekly rest is the other days.
 */
callingDays: string, 
/**
 * `07:30-11:30,13:30-20:00`
 */
callingHours: string, 
/**
 * The campaign keeps the public holidays (else it calls on them).
 */
publicHolidays: boolean, 
/**
 * Every day off of the year beyond the weekly rest, in order.
 */
days: Array<DayOff>, };

export type DayOff = { 
/**
 * dd/mm/yyyy.
 */
date: string, 
/**
 * 0 Monday … 6 Sunday.
 */
weekday: number, kind: DayOffKind, 
/**
 * The holiday's name (for a day in lieu, the holiday it stands for); empty for a closed day.
 */
name: string, };

export type DayOffKind = "holiday" | "inLieu" | "closed";

export type CampaignForm = { code: string, name: string, 
/**
 * The eligibility window's first and last days, both included.
 */
receivedFrom: string, receivedTo: string, 
/**
 * `T2-T7`; empty: the default.
 */
days: string, 
/**
 * `07:30-11:30,13:30-20:00`; empty: the default.
 */
hours: string, 
/**
 * Extra days without calls, separated by commas, semicolons or new lines.
 */
closed: string, onPublicHolidays: boolean, graceMinutes: number | null, maxAttempts: number | null, 
/**
 * A stored questionnaire's hash or `id@version`; empty: the built-in SIPAS questionnaire.
 */
questionnaire: string, 
/**
 * The campaign's own outcome catalogue (TOML) on this workstation; empty: the built-in one.
 */
outcomesPath: string, };

export type QuestionnaireChoice = { hash: string, code: string, version: string, title: string, };

export type CalendarRequest = { campaignId: string, 
/**
 * The first day shown, in the campaign's time zone.
 */
from: string, 
/**
 * 1 (a day) or 7 (a week).
 */
days: number, };

export type AppointmentCalendar = { 
/**
 * The session's operator's own appointments (else all the campaign's).
 */
own: boolean, days: Array<CalendarDay>, };

export type CalendarDay = { 
/**
 * dd/mm/yyyy.
 */
date: string, 
/**
 * yyyy-mm-dd, to ask for it again.
 */
iso: string, 
/**
 * 0 Monday … 6 Sunday.
 */
weekday: number, 
/**
 * The campaign calls on this day (its weekdays, not a holiday nor a closed day).
 */
callingDay: boolean, appointments: Array<CalendarEntry>, };

export type CalendarEntry = { 
/**
 * hh:mm in the campaign's time zone.
 */
time: string, appointment: AppointmentView, 
/**
 * The operator a hard appointment is kept for (a supervisor's calendar only).
 */
bookedFor: string | null, };

export type FloorEvent = { "kind": "view", view: FloorView, } | { "kind": "stale" };

export type FloorView = { 
/**
 * When it was read: hh:mm:ss in the campaign's time zone.
 */
at: string, 
/**
 * The campaign's operators, by name.
 */
operators: Array<OperatorOnFloor>, agencies: Array<AgencyOnFloor>, };

export type OperatorOnFloor = { login: string, name: string, state: DeskState, };

export type DeskState = { "kind": "calling", caseId: string, dossierCode: string, agencyCode: string, 
/**
 * Seconds since the case was taken.
 */
seconds: number, } | { "kind": "interviewing", caseId: string, dossierCode: string, agencyCode: string, 
/**
 * Seconds since the interview opened.
 */
seconds: number, } | { "kind": "paused", reason: string, seconds: number, } | { "kind": "idle", seconds: number, } | { "kind": "away" };

export type AgencyOnFloor = { code: string, name: string, 
/**
 * Completes the sample requires (0: no sample drawn yet).
 */
required: number, 
/**
 * Complete phone interviews so far.
 */
completes: number, 
/**
 * Calls that ended today, in the campaign's time zone.
 */
callsToday: number, completesToday: number, };

export type IndexRequest = { campaignId: string, 
/**
 * Partial interviews' answered criteria count too.
 */
includePartial: boolean, 
/**
 * The index also per mode (phone, paper, kiosk, web).
 */
byMode: boolean, 
/**
 * Only the interviews a supervisor approved count.
 */
approvedOnly: boolean, };

export type IndexReport = { campaign: string, formula: string, 
/**
 * Which interviews were counted, in words.
 */
counted: string, includePartial: boolean, overall: OverallIndex, agencies: Array<AgencyIndex>, 
/**
 * Per mode, when asked for; every mode is in `overall` and `agencies`.
 */
byMode: Array<ModeIndex>, };

export type ModeIndex = { mode: Mode, overall: OverallIndex, agencies: Array<AgencyIndex>, };

export type Mode = "phone" | "paper" | "kiosk" | "web";

export type OverallIndex = { 
/**
 * (a) The mean of the agencies' indices (and of their mean scores), over agencies that
 * have one.
 */
agencyMean: number | null, agencyMeanScore: number | null, 
/**
 * How many agencies have an index.
 */
agencies: number, 
/**
 * (b) Every respondent pooled, computed as one agency.
 */
pooled: AgencyIndex, };

export type AgencyIndex = { agency: string, name: string, 
/**
 * Interviews counted.
 */
n: number, index: number | null, mean: number | null, components: Array<ComponentIndex>, };

export type ComponentIndex = { component: string, title: string, index: number | null, mean: number | null, criteria: Array<CriterionIndex>, };

export type CriterionIndex = { criterion: string, 
/**
 * Valid answers (1–5).
 */
n: number, 
/**
 * Answers of 4 or 5.
 */
satisfied: number, 
/**
 * 100·satisfied/n; `None` without a valid answer.
 */
index: number | null, mean: number | null, };

export type RatesBy = "agency" | "list";

export type RatesRequest = { campaignId: string, by: RatesBy | null, 
/**
 * The share of unknown-eligibility cases taken as eligible; estimated when absent.
 */
e: number | null, };

export type RatesReport = { campaign: string, formulas: string, 
/**
 * How cases were counted, in words.
 */
counted: string, overall: RatesRow, groups: Array<RatesRow>, };

export type RatesRow = { 
/**
 * The agency's code, the operator's login, or "chung" for the shared pool; empty overall.
 */
key: string, name: string, cases: number, counts: Dispositions, rates: Rates, };

export type Dispositions = { 
/**
 * Complete interviews.
 */
I: number, 
/**
 * Partial interviews.
 */
P: number, 
/**
 * Refusals and break-offs.
 */
R: number, 
/**
 * Non-contacts.
 */
NC: number, 
/**
 * Other eligible, not interviewed.
 */
O: number, 
/**
 * Unknown if a person was reached.
 */
UH: number, 
/**
 * Unknown eligibility, other.
 */
UO: number, 
/**
 * Not eligible.
 */
NE: number, };

export type Rates = { 
/**
 * The share of unknown-eligibility cases taken as eligible (RR3, RR4, REF2, CON2).
 */
e: number | null, 
/**
 * Whether `e` was given rather than estimated from the cases.
 */
eGiven: boolean, RR1: number | null, RR2: number | null, RR3: number | null, RR4: number | null, RR5: number | null, RR6: number | null, COOP1: number | null, COOP2: number | null, COOP3: number | null, COOP4: number | null, REF1: number | null, REF2: number | null, REF3: number | null, CON1: number | null, CON2: number | null, CON3: number | null, };

export type ProgressReport = { campaign: string, 
/**
 * Today in the campaign's zone, dd/mm/yyyy.
 */
today: string, 
/**
 * Calling days from the first call to today.
 */
callingDays: number, agencies: Array<AgencyProgress>, total: AgencyProgress, };

export type AgencyProgress = { agency: string, name: string, 
/**
 * Completes the sample requires (0: no sample drawn yet).
 */
required: number, drawn: number, 
/**
 * Complete phone interviews (1.1).
 */
completes: number, 
/**
 * Complete interviews gathered outside the phone (paper, kiosk, web).
 */
otherModes: number, 
/**
 * Drawn cases called at least once and not closed.
 */
inProgress: number, 
/**
 * Drawn cases not called yet.
 */
notCalled: number, 
/**
 * Completes still needed: required − completes, never below 0.
 */
remaining: number, 
/**
 * Completes per calling day so far.
 */
dailyRate: number | null, 
/**
 * The calling day the remaining completes are expected by, dd/mm/yyyy.
 */
doneBy: string | null, };

export type OperatorsRequest = { campaignId: string, 
/**
 * First day counted, in the campaign's zone.
 */
from: string | null, 
/**
 * Last day counted.
 */
to: string | null, };

export type OperatorsReport = { campaign: string, 
/**
 * The period, dd/mm/yyyy, when bounded.
 */
from: string | null, to: string | null, 
/**
 * A gap between two calls longer than this is a break, left out of the hours worked.
 */
idleLimitMinutes: number, operators: Array<OperatorFigures>, };

export type OperatorFigures = { operator: string, name: string, attempts: number, 
/**
 * Attempts recorded as complete (1.1).
 */
completes: number, 
/**
 * The calls' time, with the gaps between them up to the idle limit; longer gaps are breaks.
 */
hours: number, attemptsPerHour: number | null, 
/**
 * Complete phone interviews the operator took, finished in the period.
 */
interviews: number, 
/**
 * Their mean length in minutes: the time spent in each on every call it was taken on.
 */
meanInterviewMinutes: number | null, };

export type ExportFormat = "csv" | "xlsx";

export type ExportRequest = { campaignId: string, format: ExportFormat, 
/**
 * The file to write.
 */
out: string, 
/**
 * Add the person's name and phone number (written to the audit).
 */
withContacts: boolean, 
/**
 * Replace a file already there: the person confirmed it (the save dialog, `--force`).
 */
replace: boolean, };

export type ReportKind = "sipas" | "rates" | "progress";

export type ReportExportRequest = { campaignId: string, report: ReportKind, out: string, 
/**
 * Replace a file already there: the person confirmed it.
 */
replace: boolean, };

export type Exported = { path: string, 
/**
 * Data rows written.
 */
rows: number, };

export type SessionView = { login: string, fullName: string, role: Role, };

export type LoginRequest = { server: string | null, login: string, password: string, };

export type PersonView = { login: string, fullName: string, role: Role, active: boolean, 
/**
 * The codes of the campaigns they work or supervise.
 */
campaigns: Array<string>, };

export type AddPersonRequest = { login: string, fullName: string, role: Role, campaigns: Array<string>, password: string, };

export type PersonActiveRequest = { login: string, active: boolean, };

export type PersonActiveReport = { 
/**
 * The cases the disabled person held, now back in the pool.
 */
released: number, };

export type PersonPasswordRequest = { login: string, password: string, };

export type AssignPersonRequest = { login: string, 
/**
 * The campaign's code.
 */
campaign: string, assigned: boolean, };

export type DemoPerson = { login: string, fullName: string, role: Role, password: string, };

export type ConsentView = { given: boolean, 
/**
 * The option chosen, in words.
 */
answer: string, 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, 
/**
 * The operator who asked.
 */
operatorId: string, 
/**
 * The question as the questionnaire words it (placeholders unfilled: no personal data).
 */
question: string, 
/**
 * `id@version` of the questionnaire.
 */
questionnaire: string, };

export type RequestKind = "access" | "correct" | "delete" | "withdraw";

export type RequestListRequest = { 
/**
 * Only the requests not closed yet.
 */
openOnly: boolean, };

export type NewRequest = { kind: RequestKind, 
/**
 * The person's phone number, as they gave it.
 */
phone: string | null, 
/**
 * The day the request came.
 */
receivedOn: string, note: string, };

export type RequestView = { id: string, kind: RequestKind, 
/**
 * dd/mm/yyyy.
 */
receivedOn: string, 
/**
 * `090****567`: the register shows the number masked.
 */
phoneMasked: string | null, note: string, acknowledgeBy: string, answerBy: string, acknowledgedOn: string | null, closedOn: string | null, closingNote: string | null, 
/**
 * Not acknowledged, and the day to do it has passed.
 */
acknowledgementOverdue: boolean, 
/**
 * Not answered, and the day to do it has passed.
 */
answerOverdue: boolean, forgottenCases: number, };

export type RequestIdRequest = { id: string, };

export type CloseRequestRequest = { id: string, 
/**
 * How the person was answered.
 */
note: string, };

export type PurgeRequest = { campaignId: string, 
/**
 * Count what would go; change nothing.
 */
dryRun: boolean, };

export type PurgeReport = { campaign: string, 
/**
 * Nothing was changed: this is what a purge would do.
 */
dryRun: boolean, 
/**
 * Cases whose person's name and number go (those purged before are not counted again).
 */
cases: number, 
/**
 * Dossiers whose name and number go.
 */
dossiers: number, };

export type ReviewState = "submitted" | "approved" | "returned";

export type ReviewAction = "approved" | "returned" | "resubmitted" | "corrected";

export type ReviewListRequest = { campaignId: string, state: ReviewState | null, 
/**
 * An agency's code.
 */
agency: string | null, operatorId: string | null, 
/**
 * Finished on or after this day (in the campaign's time zone).
 */
from: string | null, 
/**
 * Finished on or before this day.
 */
to: string | null, };

export type ReviewItem = { interviewId: string, caseId: string, agencyCode: string, agencyName: string, operatorId: string, operator: string, status: InterviewStatus, 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
finishedAt: string, state: ReviewState, 
/**
 * The reason of its latest return, while it is returned.
 */
reason: string | null, 
/**
 * Answers a supervisor corrected in this round.
 */
corrections: number, };

export type ReviewStepView = { 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
at: string, by: string, action: ReviewAction, 
/**
 * In Vietnamese: "duyệt", "trả lại", "gửi lại", "sửa câu trả lời".
 */
label: string, reason: string, question: string | null, oldValue: string | null, newValue: string | null, 
/**
 * Of the interview's current finish (earlier rounds reviewed an earlier finish).
 */
current: boolean, };

export type ReviewView = { item: ReviewItem, interview: InterviewView, calls: Array<AttemptView>, history: Array<ReviewStepView>, };

export type ReviewRequest = { interviewId: string, };

export type ReviewDecision = { interviewId: string, 
/**
 * Made by the workstation, so a retried decision is taken once.
 */
stepId: string, 
/**
 * Required to return; kept with an approval when given.
 */
reason: string, };

export type CorrectionRequest = { interviewId: string, stepId: string, 
/**
 * The new answer's id in the interview's history.
 */
answerId: string, questionId: string, 
/**
 * As an operator types it: an option's code, codes for a multiple choice, 0–5 on the
 * scale, a number, a text, a date dd/mm/yyyy.
 */
input: string, reason: string, };

export type PauseRequest = { campaignId: string, 
/**
 * One of [`PAUSE_REASONS`] or the operator's own words.
 */
reason: string, };

export type PauseView = { reason: string, 
/**
 * dd/mm/yyyy hh:mm in the campaign's time zone.
 */
since: string, 
/**
 * When it ended, once it has.
 */
until: string | null, 
/**
 * Whole minutes it lasted (so far, while open).
 */
minutes: number, };

/** Every command of the desktop shell, typed. A failed call rejects with an `ApiError`. */
export const commands = {
  appInfo: (): Promise<AppInfo> => invoke("app_info"),
  login: (req: LoginRequest): Promise<SessionView> => invoke("login", { req }),
  logout: (): Promise<null> => invoke("logout"),
  listCampaigns: (): Promise<Array<CampaignView>> => invoke("list_campaigns"),
  listStaff: (): Promise<Array<StaffView>> => invoke("list_staff"),
  listOutcomes: (req: CampaignRequest): Promise<Array<OutcomeView>> => invoke("list_outcomes", { req }),
  caseInterview: (req: CaseRequest): Promise<InterviewView | null> => invoke("case_interview", { req }),
  nextCase: (req: NextCaseRequest): Promise<CaseCard | null> => invoke("next_case", { req }),
  operatorQueue: (req: NextCaseRequest): Promise<QueueView> => invoke("operator_queue", { req }),
  heartbeat: (lease: Lease): Promise<null> => invoke("heartbeat", { lease }),
  releaseCase: (lease: Lease): Promise<null> => invoke("release_case", { lease }),
  startInterview: (req: StartInterviewRequest): Promise<InterviewView> => invoke("start_interview", { req }),
  saveAnswer: (req: SaveAnswerRequest): Promise<InterviewView> => invoke("save_answer", { req }),
  recordOutcome: (req: RecordOutcomeRequest): Promise<OutcomeRecorded> => invoke("record_outcome", { req }),
  campaignCases: (req: CampaignRequest): Promise<Array<CaseOverview>> => invoke("campaign_cases", { req }),
  selectCases: (req: CaseSelection): Promise<Array<CaseVersion>> => invoke("select_cases", { req }),
  reassign: (req: ReassignRequest): Promise<ReassignReport> => invoke("reassign", { req }),
  forceRelease: (req: ForceReleaseRequest): Promise<ForceReleased> => invoke("force_release", { req }),
  auditLog: (req: CampaignRequest): Promise<Array<AuditView>> => invoke("audit_log", { req }),
  changeTrail: (req: TrailRequest): Promise<TrailView> => invoke("change_trail", { req }),
  reviewList: (req: ReviewListRequest): Promise<Array<ReviewItem>> => invoke("review_list", { req }),
  reviewShow: (req: ReviewRequest): Promise<ReviewView> => invoke("review_show", { req }),
  reviewApprove: (req: ReviewDecision): Promise<null> => invoke("review_approve", { req }),
  reviewReturn: (req: ReviewDecision): Promise<null> => invoke("review_return", { req }),
  pauseWork: (req: PauseRequest): Promise<PauseView> => invoke("pause_work", { req }),
  resumeWork: (req: CampaignRequest): Promise<PauseView | null> => invoke("resume_work", { req }),
  myPause: (req: CampaignRequest): Promise<PauseView | null> => invoke("my_pause", { req }),
  pauseReasons: (): Promise<Array<string>> => invoke("pause_reasons"),
  openDesk: (req: CampaignRequest): Promise<null> => invoke("open_desk", { req }),
  floorView: (req: CampaignRequest): Promise<FloorView> => invoke("floor_view", { req }),
  watchFloor: (req: CampaignRequest): Promise<null> => invoke("watch_floor", { req }),
  unwatchFloor: (): Promise<null> => invoke("unwatch_floor"),
  reviewResubmit: (req: ReviewDecision): Promise<null> => invoke("review_resubmit", { req }),
  returnedToMe: (req: CampaignRequest): Promise<Array<ReviewItem>> => invoke("returned_to_me", { req }),
  reviewCorrect: (req: CorrectionRequest): Promise<ReviewView> => invoke("review_correct", { req }),
  listAgencies: (): Promise<Array<AgencyView>> => invoke("list_agencies"),
  callingYear: (req: CallingYearRequest): Promise<CallingYear> => invoke("calling_year", { req }),
  setDayOff: (req: DayOffRequest): Promise<CallingYear> => invoke("set_day_off", { req }),
  createCampaign: (req: CampaignForm): Promise<CampaignView> => invoke("create_campaign", { req }),
  listQuestionnaires: (): Promise<Array<QuestionnaireChoice>> => invoke("list_questionnaires"),
  appointmentCalendar: (req: CalendarRequest): Promise<AppointmentCalendar> => invoke("appointment_calendar", { req }),
  addAgency: (req: AgencyView): Promise<AgencyView> => invoke("add_agency", { req }),
  renameAgency: (req: AgencyView): Promise<AgencyView> => invoke("rename_agency", { req }),
  previewImport: (req: ImportFileRequest): Promise<ImportPreview> => invoke("preview_import", { req }),
  importList: (req: ImportFileRequest): Promise<ImportReport> => invoke("import_list", { req }),
  saveRejects: (req: SaveRejectsRequest): Promise<null> => invoke("save_rejects", { req }),
  sampleStatus: (req: CampaignRequest): Promise<SampleReport> => invoke("sample_status", { req }),
  drawSample: (req: DrawSampleRequest): Promise<SampleReport> => invoke("draw_sample", { req }),
  sipasIndex: (req: IndexRequest): Promise<IndexReport> => invoke("sipas_index", { req }),
  responseRates: (req: RatesRequest): Promise<RatesReport> => invoke("response_rates", { req }),
  fieldworkProgress: (req: CampaignRequest): Promise<ProgressReport> => invoke("fieldwork_progress", { req }),
  operatorFigures: (req: OperatorsRequest): Promise<OperatorsReport> => invoke("operator_figures", { req }),
  exportInterviews: (req: ExportRequest): Promise<Exported> => invoke("export_interviews", { req }),
  exportReport: (req: ReportExportRequest): Promise<Exported> => invoke("export_report", { req }),
  listPeople: (): Promise<Array<PersonView>> => invoke("list_people"),
  addPerson: (req: AddPersonRequest): Promise<PersonView> => invoke("add_person", { req }),
  setPersonActive: (req: PersonActiveRequest): Promise<PersonActiveReport> => invoke("set_person_active", { req }),
  setPersonPassword: (req: PersonPasswordRequest): Promise<null> => invoke("set_person_password", { req }),
  assignPerson: (req: AssignPersonRequest): Promise<null> => invoke("assign_person", { req }),
  listRequests: (req: RequestListRequest): Promise<Array<RequestView>> => invoke("list_requests", { req }),
  addRequest: (req: NewRequest): Promise<RequestView> => invoke("add_request", { req }),
  acknowledgeRequest: (req: RequestIdRequest): Promise<null> => invoke("acknowledge_request", { req }),
  closeRequest: (req: CloseRequestRequest): Promise<null> => invoke("close_request", { req }),
  purgeCampaign: (req: PurgeRequest): Promise<PurgeReport> => invoke("purge_campaign", { req }),
} as const;

/** The event a window receives while a list imports; its payload is an `ImportProgress`. */
export const IMPORT_PROGRESS_EVENT = "import-progress";

/** The event a window receives while it watches a floor; its payload is a `FloorEvent`. */
export const FLOOR_EVENT = "floor";

/** The names of the commands, as the shell registers them. */
export const COMMAND_NAMES = ["app_info", "login", "logout", "list_campaigns", "list_staff", "list_outcomes", "case_interview", "next_case", "operator_queue", "heartbeat", "release_case", "start_interview", "save_answer", "record_outcome", "campaign_cases", "select_cases", "reassign", "force_release", "audit_log", "change_trail", "review_list", "review_show", "review_approve", "review_return", "pause_work", "resume_work", "my_pause", "pause_reasons", "open_desk", "floor_view", "watch_floor", "unwatch_floor", "review_resubmit", "returned_to_me", "review_correct", "list_agencies", "calling_year", "set_day_off", "create_campaign", "list_questionnaires", "appointment_calendar", "add_agency", "rename_agency", "preview_import", "import_list", "save_rejects", "sample_status", "draw_sample", "sipas_index", "response_rates", "fieldwork_progress", "operator_figures", "export_interviews", "export_report", "list_people", "add_person", "set_person_active", "set_person_password", "assign_person", "list_requests", "add_request", "acknowledge_request", "close_request", "purge_campaign"] as const;

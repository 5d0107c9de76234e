//! The records the store keeps and hands back: people, campaigns, agencies, cases, attempts and
//! interviews. Fields hold parsed domain types (phone numbers, outcomes, answers), never raw text.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::case::CaseProgress;
use crate::domain::mode::Mode;
use crate::domain::outcome::{InterviewNeed, OutcomeCatalogue, OutcomeCode, OutcomeRule};
use crate::domain::phone::PhoneNumber;
use crate::domain::results::index::ScoreLine;
use crate::domain::sampling::SampleRule;
use crate::domain::schedule::{Appointment, CallPolicy, CallingRules};
use crate::domain::survey::{ContentHash, QuestionId};

pub use crate::domain::people::Role;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: Uuid,
    /// The login name; in shared mode, the person's PostgreSQL role.
    pub login: String,
    pub full_name: String,
    pub role: Role,
    /// A disabled person can no longer log in.
    pub active: bool,
}

/// A person an administrator adds, with their first password.
#[derive(Debug, Clone, Copy)]
pub struct NewStaff<'a> {
    pub login: &'a crate::domain::people::Login,
    pub full_name: &'a str,
    pub role: Role,
    pub password: &'a crate::domain::people::Password,
}

impl NewStaff<'_> {
    /// The person as stored under `id`, active.
    pub fn stored(&self, id: Uuid) -> Staff {
        Staff {
            id,
            login: self.login.to_string(),
            full_name: self.full_name.to_owned(),
            role: self.role,
            active: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub time_zone: Tz,
    /// The eligibility window: the result was received on one of these days, both included.
    pub received_from: NaiveDate,
    pub received_to: NaiveDate,
    pub max_attempts: u32,
    pub questionnaire_id: String,
    pub created_at: DateTime<Utc>,
    /// The campaign's outcome catalogue: its own file, or the built-in one.
    pub outcomes: OutcomeCatalogue,
    /// The text of the campaign's own catalogue file, kept as written; `None`: the built-in.
    pub outcomes_file: Option<String>,
    /// Calling hours, days off and the appointment grace period.
    pub calling: CallingRules,
}

impl Campaign {
    /// The rules recording a call applies.
    pub fn policy(&self) -> CallPolicy<'_> {
        CallPolicy {
            max_attempts: self.max_attempts,
            hours: &self.calling.hours,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub id: Uuid,
    pub code: String,
    pub name: String,
}

/// A case as stored, with its agency and its calling progress. `Debug` leaves out the name.
#[derive(Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub agency_code: String,
    pub agency_name: String,
    /// The number as everybody but the case's holder sees it: `090****567`. The name and the
    /// whole number are read apart ([`Store::held_contact`](super::Store::held_contact)).
    pub phone_masked: String,
    pub dossier_code: String,
    pub procedure: String,
    pub received_on: NaiveDate,
    pub assigned_to: Option<Uuid>,
    pub priority: i32,
    pub progress: CaseProgress,
    /// An interview was begun (in progress, partial or finished): the desk resumes it.
    pub has_interview: bool,
    pub last_attempt_at: Option<DateTime<Utc>>,
    pub lease_holder: Option<Uuid>,
    pub lease_epoch: i64,
    pub lease_claimed_at: Option<DateTime<Utc>>,
    /// Moves by a supervisor compare it, so a case changed meanwhile is not overwritten.
    pub version: i64,
    /// The person's name and number were removed: the case is never called again.
    pub purged: bool,
}

impl fmt::Debug for CaseRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseRecord")
            .field("id", &self.id)
            .field("campaign_id", &self.campaign_id)
            .field("progress", &self.progress)
            .field("lease_holder", &self.lease_holder)
            .field("lease_epoch", &self.lease_epoch)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

impl CaseRecord {
    /// The lease on this case, if someone holds one (expired or not).
    pub fn lease(&self) -> Option<Lease> {
        let (holder, claimed_at) = self.lease_holder.zip(self.lease_claimed_at)?;
        Some(Lease {
            case_id: self.id,
            campaign_id: self.campaign_id,
            holder,
            epoch: self.lease_epoch,
            claimed_at,
        })
    }
}

/// The right to write to a case: its holder and the epoch (fencing token) of the claim.
/// A write that carries a stale epoch is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lease {
    pub case_id: Uuid,
    pub campaign_id: Uuid,
    pub holder: Uuid,
    #[ts(type = "number")]
    pub epoch: i64,
    /// When the case was claimed: the start of the call an outcome is recorded for.
    #[ts(type = "string")]
    pub claimed_at: DateTime<Utc>,
}

/// One call attempt. The id comes from the workstation, so a retried write is not doubled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    pub operator_id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub outcome: OutcomeCode,
    pub note: Option<String>,
    pub appointment: Option<Appointment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum InterviewStatus {
    InProgress,
    Partial,
    Complete,
}

impl InterviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InterviewStatus::InProgress => "in_progress",
            InterviewStatus::Partial => "partial",
            InterviewStatus::Complete => "complete",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            InterviewStatus::InProgress,
            InterviewStatus::Partial,
            InterviewStatus::Complete,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// The interview status a recorded outcome leaves behind, if it touches the interview.
    pub fn after(outcome: &OutcomeRule) -> Option<Self> {
        match outcome.interview {
            InterviewNeed::Finished => Some(InterviewStatus::Complete),
            InterviewNeed::Started => Some(InterviewStatus::Partial),
            InterviewNeed::None => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInterview {
    pub id: Uuid,
    pub case_id: Uuid,
    /// The hash of the questionnaire it is taken on.
    pub questionnaire: ContentHash,
    pub operator_id: Uuid,
    pub started_at: DateTime<Utc>,
}

/// An answer as given, kept whether or not it still counts. `Debug` leaves out the value (a
/// free-text answer may hold a name or a number).
#[derive(Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    /// Made by the workstation, so a retried save is stored once.
    pub id: Uuid,
    pub question: QuestionId,
    /// The answer's code (`survey::Answer::code`): only its questionnaire can read it back.
    pub code: String,
    pub answered_by: Uuid,
    pub answered_at: DateTime<Utc>,
}

impl fmt::Debug for StoredAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredAnswer")
            .field("id", &self.id)
            .field("question", &self.question)
            .field("answered_at", &self.answered_at)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewRecord {
    pub id: Uuid,
    pub case_id: Uuid,
    /// The hash of the questionnaire it was taken on (the walking skeleton's interviews name
    /// its starter questionnaire instead).
    pub questionnaire: String,
    pub operator_id: Uuid,
    pub status: InterviewStatus,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Every answer given, in the order given: the last one per question is the answer.
    pub answers: Vec<StoredAnswer>,
}

/// A questionnaire in the store, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireSummary {
    pub hash: ContentHash,
    /// The questionnaire's own id and version, unique together.
    pub code: String,
    pub version: String,
    pub title: String,
    pub stored_at: DateTime<Utc>,
}

/// One import of a dossier list into a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    pub id: Uuid,
    pub campaign_id: Uuid,
    /// The file's name (without its folder), for the record.
    pub file_name: String,
    /// Data rows read from the file, accepted or not.
    pub rows_read: usize,
    /// Rows the file-level checks already rejected (they are not passed to the store).
    pub rejected_before: usize,
    pub imported_at: DateTime<Utc>,
    /// Who imports: the person's login, `None` for the database's administrator (on
    /// PostgreSQL the session's role is recorded then, and the policies refuse any other).
    pub by: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportCounts {
    /// Dossiers stored by this import.
    pub stored: usize,
    /// Rows whose dossier was already there with the same data.
    pub already_present: usize,
    /// Rows refused because their dossier code is used with other data.
    pub rejected: Vec<crate::domain::intake::Rejection>,
    pub new_cases: usize,
    pub cases_total: usize,
}

/// A case the sampler may draw, keyed by what the data says (so two databases holding the same
/// list agree on the order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleCandidate {
    pub case_id: Uuid,
    pub agency_code: String,
    /// The wave that released it; `None` when not drawn yet.
    pub wave: Option<u32>,
}

/// One agency's draw: a wave of released cases.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleDraw {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub agency_code: String,
    pub wave: u32,
    pub rule: SampleRule,
    pub seed: u64,
    pub population: u32,
    pub required: u32,
    pub cases: Vec<Uuid>,
    pub drawn_at: DateTime<Utc>,
    /// Who draws, as [`ImportBatch::by`].
    pub by: Option<String>,
}

/// What a claim may hand out at this moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRules {
    pub now: DateTime<Utc>,
    /// The lease the claim takes runs until then.
    pub lease_until: DateTime<Utc>,
    /// Calling hours are on. Outside them only a case the operator already holds is handed
    /// back (a call running past closing time, a restarted workstation).
    pub calling_open: bool,
    /// A hard appointment due before this instant may be taken by anyone.
    pub hard_until: DateTime<Utc>,
}

/// A supervisor's move of cases to another call list (or the shared pool). Each case carries
/// the version it had when the supervisor selected it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reassignment {
    pub campaign_id: Uuid,
    pub cases: Vec<(Uuid, i64)>,
    pub to: Option<Uuid>,
    pub by: Uuid,
    pub at: DateTime<Utc>,
}

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Moved {
    pub moved: Vec<Uuid>,
    /// Changed by someone else since they were selected: left as they are.
    pub conflicts: Vec<Uuid>,
    /// Moved, but in a call now: the holder keeps it until the call ends.
    pub in_call: Vec<Uuid>,
}

/// One line of the audit: who did what to which case, and what it was before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor: Uuid,
    pub campaign_id: Uuid,
    pub action: String,
    pub case_id: Option<Uuid>,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// An operator's queue at a moment: what they can call now and what is booked ahead.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueueCounts {
    /// Cases on the operator's own call list not yet closed.
    pub own_open: u32,
    /// Open cases in the shared pool.
    pub pool_open: u32,
    /// Cases the operator could be handed now (calling hours aside).
    pub ready: u32,
    /// Hard appointments booked by this operator, and soft ones, from now on, soonest first.
    pub appointments: Vec<CaseRecord>,
}

/// One answer that counts, of a complete interview as an import stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedAnswer {
    pub question: QuestionId,
    /// The answer as stored (its code); empty for an optional question passed over.
    pub value: String,
}

/// A finished interview's scores, with its agency and mode: what the index sums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredInterview {
    pub interview_id: Uuid,
    pub agency_id: Uuid,
    pub mode: Mode,
    pub scores: ScoreLine,
}

/// Finished interviews of an agency, by mode and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewCount {
    pub agency_id: Uuid,
    pub mode: Mode,
    pub status: InterviewStatus,
    pub count: u64,
}

/// Drawn cases of an agency on a call list (`None`: the shared pool) with the same current
/// disposition: the final outcome, else the last one, else `None` (never attempted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispositionCount {
    pub agency_id: Uuid,
    pub call_list: Option<Uuid>,
    pub outcome: Option<OutcomeCode>,
    /// Whether the outcome is the case's final one.
    pub closed: bool,
    pub count: u64,
}

/// An agency's fieldwork: the completes the sample requires and what has been drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyTarget {
    pub agency_id: Uuid,
    /// Completes required by the latest draw (0 before any draw).
    pub required: u32,
    /// Cases drawn into the sample.
    pub drawn: u32,
}

/// One call attempt as operator figures count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkedAttempt {
    pub operator_id: Uuid,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub outcome: OutcomeCode,
}

/// A finished phone interview: who took it, for which agency, when, and the calls of its case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FinishedInterview {
    pub agency_id: Uuid,
    pub operator_id: Uuid,
    pub status: InterviewStatus,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub calls: Vec<crate::domain::results::work_time::InterviewCall>,
}

/// A case of the campaign as an import of interviews finds it by dossier code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierCase {
    pub dossier_code: String,
    pub case_id: Uuid,
    /// The dossier's agency (a person's case carries only their latest dossier's).
    pub agency_id: Uuid,
    /// The interview the case has, with how it was gathered.
    pub interview: Option<(Uuid, Mode)>,
}

/// One import of interviews gathered outside the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterviewImport {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub mode: Mode,
    pub file_name: String,
    pub rows_read: usize,
    pub unchanged: usize,
    pub rejected: usize,
    pub imported_by: Uuid,
    pub imported_at: DateTime<Utc>,
}

/// A complete interview gathered outside the phone, checked against the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedInterview {
    pub id: Uuid,
    pub case_id: Uuid,
    pub agency_id: Uuid,
    pub questionnaire: ContentHash,
    /// Its answers that count, in questionnaire order; they are its history too.
    pub answers: Vec<CountedAnswer>,
    pub scores: ScoreLine,
}

/// A finished interview as an export lists it (no name or number: see [`Contact`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedInterview {
    pub id: Uuid,
    pub case_id: Uuid,
    pub dossier_code: String,
    pub agency_code: String,
    pub agency_name: String,
    pub procedure: String,
    pub mode: Mode,
    /// Who took it (or imported it): login and name.
    pub operator_login: String,
    pub operator_name: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub status: InterviewStatus,
    /// The case's final outcome, else its last one.
    pub outcome: Option<OutcomeCode>,
}

/// The person behind a case, for an export that asks for contacts.
#[derive(Clone, PartialEq, Eq)]
pub struct Contact {
    pub case_id: Uuid,
    pub full_name: String,
    pub phone: PhoneNumber,
}

impl fmt::Debug for Contact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Contact")
            .field("case_id", &self.case_id)
            .finish_non_exhaustive()
    }
}

/// One change the database's triggers recorded (PostgreSQL): who (the role in effect), when
/// (the database's clock), which table, row and operation, and the row before and after as
/// JSON, names and numbers starred.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TrailEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub table_name: String,
    pub operation: String,
    pub row_key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A person's request about their data, as the register keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataRequest {
    pub id: Uuid,
    pub received_on: NaiveDate,
    pub kind: crate::domain::privacy::requests::RequestKind,
    /// How their cases are found, and how they are answered.
    pub phone: Option<PhoneNumber>,
    pub note: String,
    pub recorded_by: Uuid,
    pub acknowledged_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub closing_note: Option<String>,
    /// Cases whose name and number a deletion or withdrawal removed.
    pub forgotten_cases: u32,
}

//! Storage: one [`Store`] contract with a backend per database — SQLite, the embedded default,
//! and PostgreSQL, the shared database of a call center. Both apply their own migrations when
//! opened and pass the same conformance suite (`tests/`).

mod agencies;
mod appointments;
mod calling;
mod floor;
mod kept;
mod location;
pub mod model;
mod pause;
mod people;
mod pg_schema;
mod postgres;
mod privacy;
mod review;
mod rows;
mod sql_store;
mod sqlite;
mod work;

use std::fmt::Debug;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

pub use agencies::AgencyStore;
pub use appointments::AppointmentStore;
pub use calling::CallingStore;
pub use floor::{AgencyCalls, Desk, FloorSignal, FloorSignals, FloorStore, HeldCase};
pub use location::{default_sqlite_path, DatabaseLocation};
pub use pause::{Pause, PauseStore};
pub use people::PeopleStore;
pub use postgres::PostgresStore;
pub use privacy::PrivacyStore;
pub use review::{Correction, FinishedRecord, NewStep, ReviewStep, ReviewStore};
pub use sqlite::SqliteStore;

use crate::domain::case::CaseProgress;
use crate::domain::intake::DossierRow;
use crate::domain::outcome::{OutcomeCatalogue, OutcomeCode};
use crate::domain::results::index::ScoreLine;
use crate::domain::sampling::SampleRule;
use crate::domain::schedule::CallPolicy;
use crate::domain::survey::{ContentHash, Script};
use crate::error::Result;
use model::{
    Agency, AgencyTarget, AttemptRecord, AuditEntry, Campaign, CaseRecord, ClaimRules, Contact,
    DispositionCount, DossierCase, ExportedInterview, FinishedInterview, ImportBatch, ImportCounts,
    ImportedInterview, InterviewCount, InterviewImport, InterviewRecord, Lease, Moved,
    NewInterview, QuestionnaireSummary, QueueCounts, Reassignment, SampleCandidate, SampleDraw,
    ScoredInterview, StoredAnswer, WorkedAttempt,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A case handed to an operator by [`Store::claim_next_case`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub case: CaseRecord,
    /// The operator already held this case (a restarted workstation picks its call up again).
    pub resumed: bool,
}

/// Everything the use cases need from a database. Every write that touches a case under call
/// carries the caller's [`Lease`] and is refused when its epoch is stale.
#[async_trait]
pub trait Store:
    AgencyStore
    + AppointmentStore
    + CallingStore
    + PeopleStore
    + PrivacyStore
    + ReviewStore
    + PauseStore
    + FloorStore
    + Send
    + Sync
    + Debug
{
    fn backend(&self) -> Backend;

    /// Adds a campaign; a campaign code already in use is a conflict.
    async fn add_campaign(&self, campaign: &Campaign) -> Result<()>;
    async fn campaigns(&self) -> Result<Vec<Campaign>>;
    /// One campaign; campaigns never change once created, so a store may keep what it read.
    async fn campaign(&self, id: Uuid) -> Result<Campaign>;
    async fn campaign_by_code(&self, code: &str) -> Result<Option<Campaign>>;

    /// Adds agencies; one whose code is already known is left as it is.
    async fn put_agencies(&self, agencies: &[Agency]) -> Result<()>;
    async fn agencies(&self) -> Result<Vec<Agency>>;

    /// Puts cases on an operator's call list (`None`: the shared pool), in one transaction.
    async fn assign_call_list(&self, cases: &[Uuid], operator: Option<Uuid>) -> Result<()>;

    /// Leases the best case this operator may call now, atomically: the case they already hold
    /// if any; else, in calling hours only, due appointments they booked, then due appointments
    /// anyone may take, then their own call list before the shared pool, each by priority,
    /// fewest attempts, least recently tried.
    async fn claim_next_case(
        &self,
        campaign: Uuid,
        operator: Uuid,
        rules: &ClaimRules,
    ) -> Result<Option<Claim>>;
    async fn case(&self, id: Uuid) -> Result<CaseRecord>;
    async fn campaign_cases(&self, campaign: Uuid) -> Result<Vec<CaseRecord>>;
    /// The name and whole number of the case `lease` is on, for the lease's holder only: `None`
    /// for anyone else (on PostgreSQL the database itself keeps them to the session's holds).
    async fn held_contact(&self, lease: &Lease) -> Result<Option<Contact>>;
    /// The names of a campaign's people, by case, as a supervisor sees them (none for an
    /// operator on PostgreSQL).
    async fn case_names(&self, campaign: Uuid) -> Result<std::collections::HashMap<Uuid, String>>;

    /// Moves the lease's expiry; refused when the lease is stale.
    async fn extend_lease(&self, lease: &Lease, until: DateTime<Utc>) -> Result<()>;
    /// Gives the case back to the pool without recording an attempt.
    async fn release_case(&self, lease: &Lease) -> Result<()>;
    /// A supervisor takes the case back from whoever holds it, whose writes are refused from
    /// then on; recorded in the audit. Returns the holder, `None` when nobody held it.
    async fn force_release(&self, case: Uuid, by: Uuid, at: DateTime<Utc>) -> Result<Option<Uuid>>;
    /// Moves cases to another call list in one transaction, each only if its version is still
    /// the one selected; every move is recorded in the audit.
    async fn reassign(&self, move_: &Reassignment) -> Result<Moved>;
    /// The campaign's audit, oldest first.
    async fn audit_log(&self, campaign: Uuid) -> Result<Vec<AuditEntry>>;
    /// What the operator's queue holds at `now`, with up to `appointments` booked calls ahead.
    async fn operator_queue(
        &self,
        campaign: Uuid,
        operator: Uuid,
        now: DateTime<Utc>,
        appointments: u32,
    ) -> Result<QueueCounts>;

    /// Records an attempt and applies its outcome to the case (see `domain::schedule`), ending
    /// the lease — in one transaction. An outcome that finishes the interview (1.1, 1.2) stores
    /// its `scores` for the index in the same transaction. Recording the same attempt id again
    /// changes nothing.
    async fn record_attempt(
        &self,
        lease: &Lease,
        attempt: &AttemptRecord,
        catalogue: &OutcomeCatalogue,
        policy: CallPolicy<'_>,
        scores: &ScoreLine,
    ) -> Result<CaseProgress>;
    async fn case_attempts(&self, case: Uuid) -> Result<Vec<AttemptRecord>>;

    /// Opens the case's interview; if the case already has one, it is kept and returned.
    async fn start_interview(
        &self,
        lease: &Lease,
        interview: &NewInterview,
    ) -> Result<InterviewRecord>;
    /// Stores one answer at once, in the interview's history; the latest answer to a question
    /// is its answer. Saving the same answer id again changes nothing.
    async fn save_answer(
        &self,
        lease: &Lease,
        interview: Uuid,
        answer: &StoredAnswer,
    ) -> Result<()>;
    async fn case_interview(&self, case: Uuid) -> Result<Option<InterviewRecord>>;
    async fn campaign_interviews(&self, campaign: Uuid) -> Result<Vec<InterviewRecord>>;

    /// Stores a checked questionnaire under its hash; `false` when it was already stored. Another
    /// questionnaire with the same id and version is a conflict: a changed file is a new version.
    async fn put_questionnaire(&self, script: &Script, at: DateTime<Utc>) -> Result<bool>;
    /// A stored questionnaire, read back and checked.
    async fn questionnaire(&self, hash: &ContentHash) -> Result<Arc<Script>>;
    /// Every stored questionnaire, newest first.
    async fn questionnaires(&self) -> Result<Vec<QuestionnaireSummary>>;

    /// Imports parsed rows into a campaign in one transaction, folding each person's dossiers
    /// into one case (see `domain::folding`): all of it or nothing. Importing the same rows again
    /// changes nothing. Imports into one campaign run one after the other.
    async fn import_dossiers(
        &self,
        batch: &ImportBatch,
        rows: &[DossierRow],
    ) -> Result<ImportCounts>;
    /// Dossier count per agency code in the campaign: the sampling population.
    async fn agency_populations(&self, campaign: Uuid) -> Result<Vec<(String, u32)>>;
    /// Every case of the campaign as the sampler sees it, ordered by phone number.
    async fn sample_candidates(&self, campaign: Uuid) -> Result<Vec<SampleCandidate>>;
    /// Records draws and releases their cases, in one transaction; a wave drawn meanwhile by
    /// someone else, or a case already released, is a conflict and nothing is written.
    async fn release_waves(&self, draws: &[SampleDraw]) -> Result<()>;
    /// The rule and seed of the campaign's latest draw, if any.
    async fn last_draw(&self, campaign: Uuid) -> Result<Option<(SampleRule, u64)>>;

    /// The scores of the campaign's complete interviews, and its partial ones too with
    /// `partial`.
    async fn scored_interviews(
        &self,
        campaign: Uuid,
        partial: bool,
    ) -> Result<Vec<ScoredInterview>>;
    /// The campaign's finished interviews per agency, mode and status.
    async fn interview_counts(&self, campaign: Uuid) -> Result<Vec<InterviewCount>>;
    /// Drawn cases per agency, call list and current disposition.
    async fn dispositions(&self, campaign: Uuid) -> Result<Vec<DispositionCount>>;
    /// Cases drawn and completes required, per agency of the campaign.
    async fn agency_targets(&self, campaign: Uuid) -> Result<Vec<AgencyTarget>>;
    /// The campaign's attempts that ended in [`from`, `to`).
    async fn worked_attempts(
        &self,
        campaign: Uuid,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<WorkedAttempt>>;
    /// The campaign's finished phone interviews, each with the calls of its case.
    async fn finished_interviews(&self, campaign: Uuid) -> Result<Vec<FinishedInterview>>;

    /// The campaign's finished interviews (complete or partial), by agency and dossier.
    async fn exported_interviews(&self, campaign: Uuid) -> Result<Vec<ExportedInterview>>;
    /// The name and number of every case of the campaign (an export that asks for them).
    async fn contacts(&self, campaign: Uuid) -> Result<Vec<Contact>>;
    /// Adds an entry to the campaign's audit.
    async fn add_audit(&self, entry: &AuditEntry) -> Result<()>;
    /// The campaign's dossiers with their cases and the interview each case has.
    async fn dossier_cases(&self, campaign: Uuid) -> Result<Vec<DossierCase>>;
    /// Stores interviews gathered outside the phone — complete, with their answers as history
    /// and as results — and the batch, in one transaction: all of it or nothing. Each one's case,
    /// if still open, closes as `complete` (nobody phones a person who has answered). A case
    /// that got an interview meanwhile makes it a conflict.
    async fn import_interviews(
        &self,
        batch: &InterviewImport,
        interviews: &[ImportedInterview],
        complete: &OutcomeCode,
    ) -> Result<()>;
}

/// Opens the database at a location, creating it if needed and applying migrations.
pub async fn open(location: &DatabaseLocation) -> Result<Arc<dyn Store>> {
    Ok(match location {
        DatabaseLocation::Sqlite(path) => Arc::new(SqliteStore::open(path).await?),
        DatabaseLocation::Postgres(url) => Arc::new(PostgresStore::connect(url.expose()).await?),
    })
}

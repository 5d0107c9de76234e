//! What both backends share: the SQL text (SQLite reads `$1` placeholders too), the row types
//! sqlx decodes on either database, and their conversion to the store's records. Only what
//! the dialects do differently — claiming, transactions — lives in `sqlite.rs`/`postgres.rs`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::model::{
    Agency, AgencyTarget, AttemptRecord, AuditEntry, Campaign, CaseRecord, Contact,
    DispositionCount, DossierCase, ExportedInterview, ImportedInterview, InterviewCount,
    InterviewImport, InterviewRecord, InterviewStatus, Lease, QuestionnaireSummary,
    SampleCandidate, ScoredInterview, StoredAnswer,
};
use crate::domain::calendar::{CallingHours, SlotSet};
use crate::domain::case::CaseProgress;
use crate::domain::folding::{DossierData, Known, KnownCase};
use crate::domain::intake::Channel;
use crate::domain::mode::Mode;
use crate::domain::outcome::{OutcomeCatalogue, OutcomeCode};
use crate::domain::phone::PhoneNumber;
use crate::domain::results::index::ScoreLine;
use crate::domain::schedule::{self, Appointment, AppointmentKind, CallPolicy, CallingRules};
use crate::domain::survey::{ContentHash, QuestionId};
use crate::domain::time::parse_time_zone;
use crate::error::{Error, Result};

pub const INSERT_CAMPAIGN: &str = "INSERT INTO campaign
     (id, code, name, time_zone, received_from, received_to, max_attempts, questionnaire_id, created_at,
      outcomes, calling)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
pub const SELECT_CAMPAIGNS: &str = "SELECT id, code, name, time_zone, received_from, received_to,
     max_attempts, questionnaire_id, created_at, outcomes, calling FROM campaign";

pub const INSERT_AGENCY: &str =
    "INSERT INTO agency (id, code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING";
pub const SELECT_AGENCIES: &str = "SELECT id, code, name FROM agency ORDER BY code";

pub const ASSIGN_CALL_LIST: &str = "UPDATE survey_case SET assigned_to = $2 WHERE id = $1";

/// The columns of a case every role may read, `c.` before each: the person's name and number
/// are not among them (see `held_contact` and `case_name`).
macro_rules! case_columns {
    () => {
        "c.id, c.campaign_id, c.agency_id, c.phone_masked, c.dossier_code, c.procedure_name,
         c.received_on, c.assigned_to, c.priority, c.attempts, c.counted_attempts,
         c.ever_contacted, c.limit_outcome, c.last_outcome, c.final_outcome, c.has_interview,
         c.retry_at, c.appointment_at, c.avoid_operator, c.last_attempt_at, c.lease_holder,
         c.lease_expires_at, c.lease_claimed_at, c.lease_epoch, c.appointment_operator,
         c.tried_slots, c.version, c.purged_at"
    };
}
pub const CASE_COLUMNS: &str = case_columns!();

pub const SELECT_CASES: &str = concat!(
    "SELECT ",
    case_columns!(),
    ", a.code AS agency_code, a.name AS agency_name
     FROM survey_case c JOIN agency a ON a.id = c.agency_id"
);

/// The name and number of the case `$1` held by `$2`: only its holder reads them (on
/// PostgreSQL the view itself keeps to the session's own holds).
pub const HELD_CONTACT: &str =
    "SELECT full_name, phone_e164 FROM held_contact WHERE case_id = $1 AND holder = $2";
/// The names of a campaign's (`$1`) people, for a supervisor.
pub const CASE_NAMES: &str = "SELECT case_id, full_name FROM case_name WHERE campaign_id = $1";

/// The case this operator already holds in the campaign, if the lease is still running. The
/// ORDER BY follows `survey_case_held_idx` so the planner reads that index in order (and marks
/// the entries of leases long ended as dead as it goes) rather than gathering them all first.
pub const SELECT_HELD_CASE_ID: &str = "SELECT id FROM survey_case
     WHERE campaign_id = $1 AND lease_holder = $2 AND lease_expires_at > $3 AND final_outcome IS NULL
     ORDER BY lease_holder, campaign_id LIMIT 1";

/// The claim's queues, in the order it tries them; each returns the best case free to lease
/// now. `$1` campaign, `$2` operator, `$3` now.
const FREE: &str = "campaign_id = $1 AND final_outcome IS NULL AND purged_at IS NULL
       AND (lease_expires_at IS NULL OR lease_expires_at <= $3)";
const NOT_REFUSED: &str = "(avoid_operator IS NULL OR avoid_operator <> $2)";

/// Due appointments this operator booked as hard ones.
pub fn due_own_appointments() -> String {
    format!(
        "SELECT id FROM survey_case WHERE {FREE}
           AND appointment_at IS NOT NULL AND appointment_at <= $3 AND appointment_operator = $2
         ORDER BY appointment_at, id LIMIT 1"
    )
}

/// Due appointments anyone may take: soft ones, and hard ones due before `$4` (the grace
/// period has passed).
pub fn due_appointments() -> String {
    format!(
        "SELECT id FROM survey_case WHERE {FREE} AND {NOT_REFUSED}
           AND appointment_at IS NOT NULL AND appointment_at <= $3
           AND (appointment_operator IS NULL OR appointment_at <= $4)
         ORDER BY appointment_at, id LIMIT 1"
    )
}

/// The order cases of a call list are called in: a begun interview first (a partial one, or
/// one left open), then priority, fewest attempts, least recently tried.
const LIST_ORDER: &str =
    "has_interview DESC, priority DESC, attempts, last_attempt_at NULLS FIRST, id";

/// Begun interviews, fresh and retry cases on a call list — the operator's own (`list` = `= $2`) or the shared
/// pool (`IS NULL`) — in [`LIST_ORDER`], each branch locked with `lock`. Free cases come from
/// `survey_case_free_idx`, in its order (`assigned_to` leads the ORDER BY although the filter
/// fixes it: PostgreSQL does not take `IS NULL` as fixing a column, and would sort the whole
/// list); cases whose lease ran out without an outcome come from `survey_case_lease_idx`. Cases
/// in a call are in neither, so a claim never reads past the calls going on.
pub fn queue(list: &str, lock: &str) -> String {
    let on_list = format!(
        "campaign_id = $1 AND final_outcome IS NULL AND purged_at IS NULL AND {NOT_REFUSED}
           AND assigned_to {list} AND wave IS NOT NULL AND appointment_at IS NULL
           AND (retry_at IS NULL OR retry_at <= $3)"
    );
    format!(
        "SELECT id FROM (
           SELECT * FROM (SELECT id, has_interview, priority, attempts, last_attempt_at FROM survey_case
             WHERE {on_list} AND lease_holder IS NULL
             ORDER BY assigned_to, {LIST_ORDER} LIMIT 1{lock}) AS free
           UNION ALL
           SELECT * FROM (SELECT id, has_interview, priority, attempts, last_attempt_at FROM survey_case
             WHERE {on_list} AND lease_holder IS NOT NULL AND lease_expires_at <= $3
             ORDER BY {LIST_ORDER} LIMIT 1{lock}) AS expired
         ) AS best ORDER BY {LIST_ORDER} LIMIT 1"
    )
}

/// The next case from the claim's queues, as one value: own due appointments, due
/// appointments anyone may take, the own call list, the shared pool. `COALESCE` reads a queue
/// only when those before it are empty; each locks its pick with `lock` (`FOR UPDATE SKIP
/// LOCKED` on PostgreSQL, so a case another claim holds is passed over rather than waited
/// for). `$4`: hard appointments due before it are anyone's.
///
/// The COALESCE sits in a scalar subquery of its own: beside the column PostgreSQL's planner
/// counts it as leaky, so under row-level security it would test the policy on every case of
/// the campaign before it could look the one id up.
fn next_in_queues(lock: &str) -> String {
    format!(
        "(SELECT COALESCE(({}{lock}), ({}{lock}), ({}), ({})))",
        due_own_appointments(),
        due_appointments(),
        queue("= $2", lock),
        queue("IS NULL", lock)
    )
}

/// What taking a case writes: operator `$2` holds it from `$3` until `$5`, under a new epoch.
const TAKE_LEASE: &str = "lease_holder = $2, lease_expires_at = $5, lease_claimed_at = $3,
     lease_epoch = lease_epoch + 1";

/// Leases the next case to the operator in one statement (in calling hours: outside them
/// nothing new is handed out); returns its id, no row when every queue is empty or the operator is paused. Binds
/// `$1`–`$5` as [`next_in_queues`] and [`TAKE_LEASE`].
pub fn take_next(lock: &str) -> String {
    format!(
        "UPDATE survey_case SET {TAKE_LEASE} WHERE id = {} AND {} RETURNING id",
        next_in_queues(lock),
        super::pause::NOT_PAUSED
    )
}

/// The whole claim in one PostgreSQL statement: the case the operator still holds (resumed,
/// its lease as it is), else, in calling hours, the next case, leased. Returns the case as
/// [`ClaimedRow`], no row when there is nothing to call. One statement is one transaction, so
/// it needs no `BEGIN` and no `COMMIT` round trip. The held case is looked for first, as
/// [`SELECT_HELD_CASE_ID`] does, and locked with `lock_held` (`FOR UPDATE OF c`): if the
/// operator's outcome for it is being written meanwhile, the claim waits, sees the case no
/// longer held, and takes the next one. The next case is locked with `lock` as in
/// [`take_next`]. Binds `$1`–`$5` as [`take_next`] (outside calling hours only `$1`–`$3`).
pub fn claim_or_resume(calling_open: bool, lock_held: &str, lock: &str) -> String {
    let held = format!(
        "SELECT {CASE_COLUMNS} FROM survey_case c
         WHERE campaign_id = $1 AND lease_holder = $2 AND lease_expires_at > $3
           AND final_outcome IS NULL
         ORDER BY lease_holder, campaign_id LIMIT 1{lock_held}"
    );
    let claimed = if calling_open {
        format!(
            "taken AS (UPDATE survey_case c SET {TAKE_LEASE}
                 WHERE id = {} AND NOT EXISTS (SELECT 1 FROM held) AND {}
                 RETURNING {CASE_COLUMNS}),
             claimed AS (SELECT h.*, TRUE AS resumed FROM held h
                 UNION ALL SELECT t.*, FALSE FROM taken t)",
            next_in_queues(lock),
            super::pause::NOT_PAUSED
        )
    } else {
        "claimed AS (SELECT h.*, TRUE AS resumed FROM held h)".to_owned()
    };
    format!(
        "WITH held AS ({held}), {claimed}
         SELECT c.*, a.code AS agency_code, a.name AS agency_name
         FROM claimed c JOIN agency a ON a.id = c.agency_id"
    )
}

/// A case handed out by [`claim_or_resume`].
#[derive(sqlx::FromRow)]
pub struct ClaimedRow {
    #[sqlx(flatten)]
    pub case: CaseRow,
    pub resumed: bool,
}

/// What an operator's queue holds: `$1` campaign, `$2` operator, `$3` now.
pub const QUEUE_COUNTS: &str = "SELECT
       COALESCE(SUM(CASE WHEN assigned_to = $2 THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN assigned_to IS NULL THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN (assigned_to IS NULL OR assigned_to = $2)
            AND (avoid_operator IS NULL OR avoid_operator <> $2) AND appointment_at IS NULL
            AND (retry_at IS NULL OR retry_at <= $3)
            AND (lease_expires_at IS NULL OR lease_expires_at <= $3) THEN 1 ELSE 0 END), 0)
     FROM survey_case WHERE campaign_id = $1 AND final_outcome IS NULL AND wave IS NOT NULL
       AND purged_at IS NULL";

/// The campaign's (`$1`) open cases with an appointment.
const BOOKED: &str = "c.campaign_id = $1 AND c.final_outcome IS NULL
           AND c.purged_at IS NULL AND c.appointment_at IS NOT NULL";
/// The appointments operator `$2` sees: their hard ones, and soft ones on their list or in the
/// pool.
const SEEN_BY_OPERATOR: &str = "(c.appointment_operator = $2
                OR (c.appointment_operator IS NULL AND (c.assigned_to IS NULL OR c.assigned_to = $2)))";

/// The appointments an operator sees ahead. `$1` campaign, `$2` operator, `$3` how many.
pub fn upcoming_appointments() -> String {
    format!(
        "{SELECT_CASES} WHERE {BOOKED} AND {SEEN_BY_OPERATOR}
         ORDER BY c.appointment_at, c.id LIMIT $3"
    )
}

/// The appointments operator `$2` sees in [`$3`, `$4`), soonest first.
pub fn operator_appointments_between() -> String {
    format!(
        "{SELECT_CASES} WHERE {BOOKED} AND {SEEN_BY_OPERATOR}
           AND c.appointment_at >= $3 AND c.appointment_at < $4
         ORDER BY c.appointment_at, c.id"
    )
}

/// All the campaign's appointments in [`$2`, `$3`), soonest first.
pub fn appointments_between() -> String {
    format!(
        "{SELECT_CASES} WHERE {BOOKED} AND c.appointment_at >= $2 AND c.appointment_at < $3
         ORDER BY c.appointment_at, c.id"
    )
}

pub const EXTEND_LEASE: &str = "UPDATE survey_case SET lease_expires_at = $4
     WHERE id = $1 AND lease_holder = $2 AND lease_epoch = $3 AND final_outcome IS NULL";
pub const RELEASE_LEASE: &str = "UPDATE survey_case
     SET lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL
     WHERE id = $1 AND lease_holder = $2 AND lease_epoch = $3";
/// Matches a row only while the lease is the current one: the fence for every write.
pub const LEASE_IS_CURRENT: &str =
    "SELECT 1 FROM survey_case WHERE id = $1 AND lease_holder = $2 AND lease_epoch = $3";

/// A supervisor takes a case back from whoever holds it: the old epoch is fenced off.
pub const FORCE_RELEASE: &str = "UPDATE survey_case
     SET lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
         lease_epoch = lease_epoch + 1, version = version + 1
     WHERE id = $1";
/// Moves a case to another call list; a hard appointment follows it (to the pool: anyone).
pub const MOVE_CASE: &str = "UPDATE survey_case
     SET assigned_to = $2,
         appointment_operator = CASE WHEN appointment_operator IS NULL THEN NULL ELSE $2 END,
         version = version + 1
     WHERE id = $1";
pub const INSERT_AUDIT: &str = "INSERT INTO audit_log
     (id, at, actor, campaign_id, action, case_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
pub const SELECT_AUDIT: &str = "SELECT id, at, actor, campaign_id, action, case_id, before, after
     FROM audit_log WHERE campaign_id = $1 ORDER BY at, id";

/// The case an attempt is recorded on (`$1`), with whether attempt `$2` is already stored: what
/// recording needs, in one read. `lock` keeps the row until the write (`FOR UPDATE OF c`).
pub fn case_for_attempt(lock: &str) -> String {
    format!(
        "SELECT {CASE_COLUMNS}, a.code AS agency_code, a.name AS agency_name,
           EXISTS (SELECT 1 FROM attempt WHERE id = $2) AS recorded
         FROM survey_case c JOIN agency a ON a.id = c.agency_id WHERE c.id = $1{lock}"
    )
}

/// A case read by [`case_for_attempt`].
#[derive(sqlx::FromRow)]
pub struct CaseForAttemptRow {
    #[sqlx(flatten)]
    pub case: CaseRow,
    pub recorded: bool,
}

pub const APPLY_ATTEMPT: &str = "UPDATE survey_case SET attempts = $2, ever_contacted = $3,
     last_outcome = $4, final_outcome = $5, retry_at = $6, appointment_at = $7, last_attempt_at = $8,
     counted_attempts = $9, avoid_operator = $10, appointment_operator = $11, tried_slots = $12,
     limit_outcome = $13,
     version = version + 1, lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL
     WHERE id = $1";
/// An attempt's columns, in the order `bind_attempt!` binds them; the case comes apart.
const ATTEMPT_COLUMNS: &str =
    "id, operator_id, started_at, ended_at, outcome, note, appointment_at, appointment_kind, case_id";
/// The attempt's row: `$1`–`$8` as `bind_attempt!` binds them, `$9` the case.
pub fn insert_attempt() -> String {
    format!("INSERT INTO attempt ({ATTEMPT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
}
/// How often recording an attempt on PostgreSQL reads the case again when it changed between
/// the read and the write (a supervisor moved it meanwhile).
pub const RECORD_TRIES: usize = 5;

/// Records an attempt in one PostgreSQL statement, only while the case is as it was read: the
/// case's new progress ([`APPLY_ATTEMPT`], `$1`–`$13`), the attempt's row (`$14`–`$21` as
/// `bind_attempt!` binds them), and for an interview's outcome its end (`$25`: the status, or
/// NULL). `$22` the lease's epoch, `$23` the case's version when read, `$24` the holder. No row
/// is inserted when the case changed.
pub fn record_attempt_if_unchanged() -> String {
    format!(
        "WITH applied AS ({APPLY_ATTEMPT} AND lease_epoch = $22 AND version = $23 AND lease_holder = $24
             RETURNING id, campaign_id, agency_id),
         finished AS (UPDATE interview SET status = $25::text, finished_at = $17
             WHERE $25::text IS NOT NULL AND case_id IN (SELECT id FROM applied)),
         scored AS ({INSERT_RESULT}
             SELECT i.id, a.campaign_id, a.agency_id, i.mode, $25::text, $26::text
             FROM applied a JOIN interview i ON i.case_id = a.id
             WHERE $25::text IS NOT NULL
             {UPSERT_RESULT})
         INSERT INTO attempt ({ATTEMPT_COLUMNS})
         SELECT $14, $15, $16, $17, $18, $19, $20, $21, id FROM applied"
    )
}
const INSERT_RESULT: &str =
    "INSERT INTO result_interview (interview_id, campaign_id, agency_id, mode, status, scores)";
const UPSERT_RESULT: &str = "ON CONFLICT (interview_id)
     DO UPDATE SET status = excluded.status, scores = excluded.scores";
/// SQLite: the scores (`$3`) of the case's (`$1`) interview, which finishes as `$2`.
pub fn sqlite_insert_result() -> String {
    format!(
        "{INSERT_RESULT}
         SELECT i.id, c.campaign_id, c.agency_id, i.mode, $2, $3
         FROM survey_case c JOIN interview i ON i.case_id = c.id WHERE c.id = $1
         {UPSERT_RESULT}"
    )
}
/// A partial interview taken up again no longer counts until it finishes again.
pub const CLEAR_RESULTS: &str = "DELETE FROM result_interview WHERE interview_id IN
     (SELECT id FROM interview WHERE case_id = $1 AND status = 'partial')";
pub const SELECT_ATTEMPTS: &str =
    "SELECT id, case_id, operator_id, started_at, ended_at, outcome, note,
     appointment_at, appointment_kind FROM attempt WHERE case_id = $1 ORDER BY ended_at, id";
pub const FINISH_INTERVIEW: &str =
    "UPDATE interview SET status = $2, finished_at = $3 WHERE case_id = $1";

pub const INSERT_INTERVIEW: &str = "INSERT INTO interview
     (id, case_id, questionnaire_id, operator_id, status, started_at)
     VALUES ($1, $2, $3, $4, 'in_progress', $5)
     ON CONFLICT (case_id) DO NOTHING";
/// The case has an interview begun: the claim calls it before fresh cases of its list.
pub const MARK_INTERVIEWED: &str =
    "UPDATE survey_case SET has_interview = TRUE WHERE id = $1 AND NOT has_interview";
/// A partial interview taken up again on a later call.
pub const REOPEN_INTERVIEW: &str = "UPDATE interview SET status = 'in_progress', finished_at = NULL
     WHERE case_id = $1 AND status = 'partial'";
pub const SELECT_INTERVIEWS: &str =
    "SELECT i.id, i.case_id, i.questionnaire_id, i.operator_id, i.status,
     i.started_at, i.finished_at FROM interview i";
pub const SELECT_ANSWERS: &str =
    "SELECT ans.id, ans.interview_id, ans.question_id, ans.value, ans.answered_by, ans.answered_at
     FROM answer_log ans JOIN interview i ON i.id = ans.interview_id";
pub const INTERVIEW_OF_CASE: &str =
    "SELECT 1 FROM interview WHERE id = $1 AND case_id = $2 AND status = 'in_progress'";
/// An answer into the history, numbered after the interview's last one (saves to one
/// interview run one at a time: the case's lease row is locked first); the same id again is
/// the same answer, stored once.
pub const INSERT_ANSWER: &str =
    "INSERT INTO answer_log (id, interview_id, question_id, value, answered_by, answered_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6,
       (SELECT COALESCE(MAX(seq), 0) + 1 FROM answer_log WHERE interview_id = $2))
     ON CONFLICT (id) DO NOTHING";

pub const INSERT_QUESTIONNAIRE: &str =
    "INSERT INTO questionnaire (hash, code, version, title, body, stored_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (hash) DO NOTHING";
pub const SELECT_QUESTIONNAIRE_BODY: &str = "SELECT body FROM questionnaire WHERE hash = $1";
pub const SELECT_QUESTIONNAIRES: &str =
    "SELECT hash, code, version, title, stored_at FROM questionnaire ORDER BY stored_at DESC, code";

#[derive(sqlx::FromRow)]
pub struct QuestionnaireRow {
    hash: String,
    code: String,
    version: String,
    title: String,
    stored_at: DateTime<Utc>,
}

impl TryFrom<QuestionnaireRow> for QuestionnaireSummary {
    type Error = Error;
    fn try_from(row: QuestionnaireRow) -> Result<Self> {
        Ok(QuestionnaireSummary {
            hash: ContentHash::parse(&row.hash).map_err(|e| Error::Invalid(e.to_string()))?,
            code: row.code,
            version: row.version,
            title: row.title,
            stored_at: row.stored_at,
        })
    }
}

pub(super) fn corrupt(what: &'static str, id: Uuid) -> Error {
    Error::Invalid(format!(
        "dữ liệu {what} {id} không hợp lệ trong cơ sở dữ liệu"
    ))
}

#[derive(sqlx::FromRow)]
pub struct CampaignRow {
    id: Uuid,
    code: String,
    name: String,
    time_zone: String,
    received_from: NaiveDate,
    received_to: NaiveDate,
    max_attempts: i32,
    questionnaire_id: String,
    created_at: DateTime<Utc>,
    outcomes: Option<String>,
    calling: Option<String>,
}

/// How a campaign's calling rules are stored: the hours as a supervisor writes them.
#[derive(serde::Serialize, serde::Deserialize)]
struct CallingColumn {
    days: String,
    hours: String,
    #[serde(default)]
    closed: Vec<NaiveDate>,
    public_holidays: bool,
    grace_minutes: i64,
}

/// The stored form of a campaign's calling rules.
pub fn calling_column(rules: &CallingRules) -> String {
    let column = CallingColumn {
        days: rules.hours.days_spec(),
        hours: rules.hours.hours_spec(),
        closed: rules.hours.closed_dates().iter().copied().collect(),
        public_holidays: rules.hours.public_holidays_apply(),
        grace_minutes: rules.appointment_grace.num_minutes(),
    };
    serde_json::to_string(&column).unwrap_or_default()
}

fn calling_rules(zone: chrono_tz::Tz, column: Option<&str>) -> Option<CallingRules> {
    let Some(text) = column else {
        let default = CallingRules::default();
        let hours = CallingHours::from_spec(
            zone,
            &default.hours.days_spec(),
            &default.hours.hours_spec(),
        )
        .ok()?;
        return Some(CallingRules { hours, ..default });
    };
    let column: CallingColumn = serde_json::from_str(text).ok()?;
    let hours = CallingHours::from_spec(zone, &column.days, &column.hours)
        .ok()?
        .with_closed_dates(column.closed)
        .with_public_holidays(column.public_holidays);
    Some(CallingRules {
        hours,
        appointment_grace: chrono::Duration::minutes(column.grace_minutes),
    })
}

impl TryFrom<CampaignRow> for Campaign {
    type Error = Error;
    fn try_from(row: CampaignRow) -> Result<Self> {
        let time_zone =
            parse_time_zone(&row.time_zone).map_err(|_| corrupt("đợt khảo sát", row.id))?;
        Ok(Campaign {
            calling: calling_rules(time_zone, row.calling.as_deref())
                .ok_or_else(|| corrupt("đợt khảo sát", row.id))?,
            time_zone,
            max_attempts: u32::try_from(row.max_attempts)
                .map_err(|_| corrupt("đợt khảo sát", row.id))?,
            outcomes: match row.outcomes.as_deref() {
                None => OutcomeCatalogue::builtin().clone(),
                Some(text) => OutcomeCatalogue::parse(text, "danh mục kết quả của đợt")
                    .map_err(|_| corrupt("đợt khảo sát", row.id))?,
            },
            outcomes_file: row.outcomes,
            id: row.id,
            code: row.code,
            name: row.name,
            received_from: row.received_from,
            received_to: row.received_to,
            questionnaire_id: row.questionnaire_id,
            created_at: row.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct AgencyRow {
    id: Uuid,
    code: String,
    name: String,
}

impl From<AgencyRow> for Agency {
    fn from(row: AgencyRow) -> Self {
        Agency {
            id: row.id,
            code: row.code,
            name: row.name,
        }
    }
}

#[derive(sqlx::FromRow)]
pub struct CaseRow {
    id: Uuid,
    campaign_id: Uuid,
    agency_code: String,
    agency_name: String,
    phone_masked: String,
    dossier_code: String,
    procedure_name: String,
    received_on: NaiveDate,
    assigned_to: Option<Uuid>,
    priority: i32,
    attempts: i32,
    counted_attempts: i32,
    ever_contacted: bool,
    limit_outcome: Option<String>,
    last_outcome: Option<String>,
    final_outcome: Option<String>,
    has_interview: bool,
    retry_at: Option<DateTime<Utc>>,
    appointment_at: Option<DateTime<Utc>>,
    avoid_operator: Option<Uuid>,
    last_attempt_at: Option<DateTime<Utc>>,
    lease_holder: Option<Uuid>,
    lease_expires_at: Option<DateTime<Utc>>,
    lease_claimed_at: Option<DateTime<Utc>>,
    lease_epoch: i64,
    appointment_operator: Option<Uuid>,
    tried_slots: i32,
    version: i64,
    purged_at: Option<DateTime<Utc>>,
}

impl TryFrom<CaseRow> for CaseRecord {
    type Error = Error;
    fn try_from(row: CaseRow) -> Result<Self> {
        let id = row.id;
        let outcome = |code: Option<String>| -> Result<Option<OutcomeCode>> {
            code.map(|c| c.parse().map_err(|_| corrupt("ca", id)))
                .transpose()
        };
        Ok(CaseRecord {
            phone_masked: row.phone_masked,
            progress: CaseProgress {
                attempts: u32::try_from(row.attempts).map_err(|_| corrupt("ca", id))?,
                counted_attempts: u32::try_from(row.counted_attempts)
                    .map_err(|_| corrupt("ca", id))?,
                ever_contacted: row.ever_contacted,
                limit_outcome: outcome(row.limit_outcome)?,
                last_outcome: outcome(row.last_outcome)?,
                final_outcome: outcome(row.final_outcome)?,
                retry_at: row.retry_at,
                appointment_at: row.appointment_at,
                appointment_operator: row.appointment_operator,
                tried_slots: SlotSet::from_bits(row.tried_slots),
                avoid_operator: row.avoid_operator,
                lease_expires_at: row.lease_expires_at,
            },
            id,
            campaign_id: row.campaign_id,
            agency_code: row.agency_code,
            agency_name: row.agency_name,
            dossier_code: row.dossier_code,
            procedure: row.procedure_name,
            received_on: row.received_on,
            assigned_to: row.assigned_to,
            priority: row.priority,
            has_interview: row.has_interview,
            last_attempt_at: row.last_attempt_at,
            lease_holder: row.lease_holder,
            lease_epoch: row.lease_epoch,
            lease_claimed_at: row.lease_claimed_at,
            version: row.version,
            purged: row.purged_at.is_some(),
        })
    }
}

pub fn cases(rows: Vec<CaseRow>) -> Result<Vec<CaseRecord>> {
    rows.into_iter().map(CaseRecord::try_from).collect()
}

#[derive(sqlx::FromRow)]
pub struct AttemptRow {
    id: Uuid,
    case_id: Uuid,
    operator_id: Uuid,
    started_at: DateTime<Utc>,
    ended_at: DateTime<Utc>,
    outcome: String,
    note: Option<String>,
    appointment_at: Option<DateTime<Utc>>,
    appointment_kind: Option<String>,
}

impl TryFrom<AttemptRow> for AttemptRecord {
    type Error = Error;
    fn try_from(row: AttemptRow) -> Result<Self> {
        Ok(AttemptRecord {
            outcome: row
                .outcome
                .parse()
                .map_err(|_| corrupt("lần gọi", row.id))?,
            id: row.id,
            case_id: row.case_id,
            operator_id: row.operator_id,
            started_at: row.started_at,
            ended_at: row.ended_at,
            note: row.note,
            appointment: match (row.appointment_at, row.appointment_kind.as_deref()) {
                (Some(at), kind) => Some(Appointment {
                    at,
                    // Appointments booked before hard ones existed were open to anyone.
                    kind: kind
                        .map_or(Some(AppointmentKind::Soft), AppointmentKind::parse)
                        .ok_or_else(|| corrupt("lần gọi", row.id))?,
                }),
                (None, _) => None,
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub struct InterviewRow {
    id: Uuid,
    case_id: Uuid,
    questionnaire_id: String,
    operator_id: Uuid,
    status: String,
    started_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
pub struct AnswerRow {
    id: Uuid,
    interview_id: Uuid,
    question_id: String,
    value: String,
    answered_by: Uuid,
    answered_at: DateTime<Utc>,
}

/// Puts interviews and their answers (in the order given) together.
pub fn interviews(
    rows: Vec<InterviewRow>,
    answers: Vec<AnswerRow>,
) -> Result<Vec<InterviewRecord>> {
    let mut by_interview: HashMap<Uuid, Vec<StoredAnswer>> = HashMap::new();
    for row in answers {
        by_interview
            .entry(row.interview_id)
            .or_default()
            .push(StoredAnswer {
                id: row.id,
                question: QuestionId::parse(&row.question_id)
                    .map_err(|_| corrupt("phiếu", row.interview_id))?,
                code: row.value,
                answered_by: row.answered_by,
                answered_at: row.answered_at,
            });
    }
    rows.into_iter()
        .map(|row| {
            Ok(InterviewRecord {
                status: InterviewStatus::parse(&row.status)
                    .ok_or_else(|| corrupt("phiếu", row.id))?,
                answers: by_interview.remove(&row.id).unwrap_or_default(),
                id: row.id,
                case_id: row.case_id,
                questionnaire: row.questionnaire_id,
                operator_id: row.operator_id,
                started_at: row.started_at,
                finished_at: row.finished_at,
            })
        })
        .collect()
}

/// The fence: the case must still be held under this very lease.
pub fn check_lease(case: &CaseRecord, lease: &Lease) -> Result<()> {
    if case.lease() == Some(*lease) {
        Ok(())
    } else {
        Err(Error::LeaseLost {
            case: lease.case_id,
        })
    }
}

/// What recording an attempt comes to, on the case as read.
pub enum AttemptPlan {
    /// The attempt is stored already (a retried save): the case as it stands.
    Recorded(CaseProgress),
    /// The case as read, and its progress once the attempt is applied.
    Apply {
        case: Box<CaseRecord>,
        next: CaseProgress,
    },
}

/// What recording `attempt` makes of the case read for it, once the lease is checked.
pub fn plan_attempt(
    read: Option<CaseForAttemptRow>,
    lease: &Lease,
    attempt: &AttemptRecord,
    catalogue: &OutcomeCatalogue,
    policy: CallPolicy<'_>,
) -> Result<AttemptPlan> {
    let read = read.ok_or_else(|| Error::not_found("ca", attempt.case_id))?;
    let case: CaseRecord = read.case.try_into()?;
    if read.recorded {
        return Ok(AttemptPlan::Recorded(case.progress));
    }
    check_lease(&case, lease)?;
    let rule = catalogue
        .rule(attempt.outcome.as_str())
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let call = schedule::Call {
        rule,
        operator: attempt.operator_id,
        note: attempt.note.as_deref(),
        appointment: attempt.appointment,
    };
    let next = schedule::after_attempt(&case.progress, call, catalogue, attempt.ended_at, policy)?;
    Ok(AttemptPlan::Apply {
        case: Box::new(case),
        next,
    })
}

/// A row count of zero on a fenced write means the lease is gone.
pub fn fenced(rows_affected: u64, lease: &Lease) -> Result<()> {
    if rows_affected == 0 {
        Err(Error::LeaseLost {
            case: lease.case_id,
        })
    } else {
        Ok(())
    }
}

/// The campaign an import writes into (SQLite: its `BEGIN IMMEDIATE` already serialises writes).
pub const LOCK_CAMPAIGN: &str = "SELECT id FROM campaign WHERE id = $1";
/// PostgreSQL: the campaign, with a lock held until the transaction ends, so imports into one
/// campaign run one after the other. An advisory lock: a supervisor may not update campaigns,
/// which `FOR UPDATE` would need.
pub const PG_LOCK_CAMPAIGN: &str =
    "WITH held AS (SELECT pg_advisory_xact_lock(hashtextextended($1::text, 1022)))
     SELECT c.id FROM campaign c, held WHERE c.id = $1";
/// The campaign's stored dossiers and cases, as an import folds a list into them (SQLite; on
/// PostgreSQL, `khaosat_known_dossiers` and `khaosat_known_cases` give a supervisor those of
/// the list's codes and numbers only).
pub const SELECT_CAMPAIGN_DOSSIERS: &str = "SELECT d.dossier_code, d.full_name, d.phone_e164,
     a.code AS agency_code, d.procedure_name, d.field_name, d.received_on, d.channel, d.birth_year
     FROM dossier d JOIN agency a ON a.id = d.agency_id WHERE d.campaign_id = $1";
pub const SELECT_KNOWN_CASES: &str =
    "SELECT id, phone_e164, received_on, dossier_code FROM survey_case WHERE campaign_id = $1";
pub const PG_KNOWN_DOSSIERS: &str = "SELECT * FROM khaosat_known_dossiers($1, $2)";
pub const PG_KNOWN_CASES: &str = "SELECT * FROM khaosat_known_cases($1, $2)";
pub const MOVE_CASE_TO_DOSSIER: &str = "UPDATE survey_case SET agency_id = $2, full_name = $3,
     dossier_code = $4, procedure_name = $5, received_on = $6 WHERE id = $1";
/// Who imports is `$9`: on PostgreSQL the session's role when none is given (the database's
/// administrator), and the policies refuse anyone but the session's own.
pub const INSERT_IMPORT_BATCH: &str = "INSERT INTO import_batch
     (id, campaign_id, file_name, rows_read, accepted, rejected, new_cases, imported_at, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
pub const PG_INSERT_IMPORT_BATCH: &str = "INSERT INTO import_batch
     (id, campaign_id, file_name, rows_read, accepted, rejected, new_cases, imported_at, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::name, current_user))";
pub const COUNT_CASES: &str = "SELECT COUNT(*) FROM survey_case WHERE campaign_id = $1";
/// The scores of the campaign's complete interviews (`$2` = 'partial' adds the partial ones).
pub const SCORED_INTERVIEWS: &str = "SELECT interview_id, agency_id, mode, scores
     FROM result_interview WHERE campaign_id = $1 AND status IN ('complete', $2)";
pub const INTERVIEW_COUNTS: &str = "SELECT c.agency_id, i.mode, i.status, COUNT(*)
     FROM interview i JOIN survey_case c ON c.id = i.case_id
     WHERE c.campaign_id = $1 AND i.status <> 'in_progress'
     GROUP BY c.agency_id, i.mode, i.status";
/// Drawn cases by agency, call list and current disposition; a case answered outside the phone
/// is not part of the phone's outcomes.
pub const DISPOSITIONS: &str = "SELECT agency_id, assigned_to, COALESCE(final_outcome, last_outcome),
     final_outcome IS NOT NULL, COUNT(*)
     FROM survey_case c WHERE campaign_id = $1 AND wave IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM interview i WHERE i.case_id = c.id AND i.mode <> 'phone')
     GROUP BY agency_id, assigned_to, COALESCE(final_outcome, last_outcome), final_outcome IS NOT NULL";
/// Per agency of the campaign: cases drawn, and the completes its latest draw requires.
pub const AGENCY_TARGETS: &str = "SELECT c.agency_id,
     SUM(CASE WHEN c.wave IS NOT NULL THEN 1 ELSE 0 END),
     (SELECT d.required FROM sample_draw d WHERE d.campaign_id = $1 AND d.agency_id = c.agency_id
      ORDER BY d.wave DESC LIMIT 1)
     FROM survey_case c WHERE c.campaign_id = $1 GROUP BY c.agency_id";

pub const AGENCY_POPULATIONS: &str =
    "SELECT a.code, COUNT(*) FROM dossier d JOIN agency a ON a.id = d.agency_id
     WHERE d.campaign_id = $1 GROUP BY a.code ORDER BY a.code";
/// The campaign's cases as the sampler draws from them, in a fixed order: by phone number, so
/// the same list and seed draw the same people on either database. On PostgreSQL the order is
/// given by `khaosat_sample_order`, since no supervisor may read the numbers themselves.
pub const SAMPLE_CANDIDATES: &str = "SELECT c.id, a.code, c.wave FROM survey_case c
     JOIN agency a ON a.id = c.agency_id WHERE c.campaign_id = $1 ORDER BY c.phone_e164";
pub const PG_SAMPLE_CANDIDATES: &str = "SELECT id, agency_code, wave FROM khaosat_sample_order($1)";
/// Who draws is `$12`, as for [`INSERT_IMPORT_BATCH`].
pub const INSERT_SAMPLE_DRAW: &str = "INSERT INTO sample_draw
     (id, campaign_id, agency_id, wave, rule, margin, seed, population, required, drawn, drawn_at,
      drawn_by)
     SELECT $1, $2, id, $4, $5, $11, $6, $7, $8, $9, $10, $12 FROM agency WHERE code = $3";
pub const PG_INSERT_SAMPLE_DRAW: &str = "INSERT INTO sample_draw
     (id, campaign_id, agency_id, wave, rule, margin, seed, population, required, drawn, drawn_at,
      drawn_by)
     SELECT $1, $2, id, $4, $5, $11, $6, $7, $8, $9, $10, COALESCE($12::name, current_user)
     FROM agency WHERE code = $3";
pub const LAST_DRAW: &str = "SELECT rule, margin, seed FROM sample_draw WHERE campaign_id = $1
     ORDER BY drawn_at DESC, wave DESC LIMIT 1";
pub const RELEASE_CASE: &str = "UPDATE survey_case SET wave = $2 WHERE id = $1 AND wave IS NULL";

/// A new case, as an import writes it in bulk (each backend its own way: `COPY` on
/// PostgreSQL, multi-row `INSERT` on SQLite). The field order is the column order of
/// [`NEW_CASE_COLUMNS`].
#[derive(serde::Serialize)]
pub struct NewCase<'a> {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub agency_id: Uuid,
    pub full_name: &'a str,
    pub phone_e164: String,
    pub dossier_code: &'a str,
    pub procedure_name: &'a str,
    pub received_on: NaiveDate,
    pub phone_masked: String,
}

pub const NEW_CASE_COLUMNS: &str =
    "survey_case (id, campaign_id, agency_id, full_name, phone_e164, dossier_code, procedure_name, received_on, phone_masked)";

/// An interview gathered outside the phone, as an import writes it in bulk; fields in the
/// order of [`NEW_INTERVIEW_COLUMNS`].
#[derive(serde::Serialize)]
pub struct NewInterview<'a> {
    pub id: Uuid,
    pub case_id: Uuid,
    pub questionnaire_id: &'a str,
    pub operator_id: Uuid,
    pub status: &'static str,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub mode: &'static str,
    pub import_id: Uuid,
}

pub const NEW_INTERVIEW_COLUMNS: &str = "interview (id, case_id, questionnaire_id, operator_id, status, started_at, finished_at, mode, import_id)";

/// An answer into the history, in bulk; fields in the order of [`NEW_ANSWER_COLUMNS`].
#[derive(serde::Serialize)]
pub struct NewAnswer<'a> {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub question_id: &'a str,
    pub value: &'a str,
    pub answered_by: Uuid,
    pub answered_at: DateTime<Utc>,
    pub seq: i64,
}

pub const NEW_ANSWER_COLUMNS: &str =
    "answer_log (id, interview_id, question_id, value, answered_by, answered_at, seq)";

/// An interview's scores, in bulk; fields in the order of [`NEW_RESULT_COLUMNS`].
#[derive(serde::Serialize)]
pub struct NewResult {
    pub interview_id: Uuid,
    pub campaign_id: Uuid,
    pub agency_id: Uuid,
    pub mode: &'static str,
    pub status: &'static str,
    pub scores: String,
}

pub const NEW_RESULT_COLUMNS: &str =
    "result_interview (interview_id, campaign_id, agency_id, mode, status, scores)";

/// The rows an import of interviews writes: the interviews, their answers as history, and
/// their scores.
pub fn imported_rows<'a>(
    batch: &InterviewImport,
    interviews: &'a [ImportedInterview],
) -> (Vec<NewInterview<'a>>, Vec<NewAnswer<'a>>, Vec<NewResult>) {
    let mode = batch.mode.as_str();
    let complete = InterviewStatus::Complete.as_str();
    let mut new_interviews = Vec::with_capacity(interviews.len());
    let mut answers = Vec::new();
    let mut results = Vec::new();
    for i in interviews {
        new_interviews.push(NewInterview {
            id: i.id,
            case_id: i.case_id,
            questionnaire_id: i.questionnaire.as_str(),
            operator_id: batch.imported_by,
            status: complete,
            started_at: batch.imported_at,
            finished_at: batch.imported_at,
            mode,
            import_id: batch.id,
        });
        for (seq, a) in (1..).zip(&i.answers) {
            answers.push(NewAnswer {
                id: Uuid::new_v5(&i.id, a.question.as_str().as_bytes()),
                interview_id: i.id,
                question_id: a.question.as_str(),
                value: &a.value,
                answered_by: batch.imported_by,
                answered_at: batch.imported_at,
                seq,
            });
        }
        results.push(NewResult {
            interview_id: i.id,
            campaign_id: batch.campaign_id,
            agency_id: i.agency_id,
            mode,
            status: complete,
            scores: i.scores.to_text(),
        });
    }
    (new_interviews, answers, results)
}

pub const INSERT_INTERVIEW_IMPORT: &str = "INSERT INTO interview_import
     (id, campaign_id, mode, file_name, rows_read, imported, unchanged, rejected, imported_by, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
/// The open cases of an import's (`$1`) interviews close as complete (`$2`): nobody phones a
/// person who has answered. Whoever held one loses the lease.
pub const CLOSE_IMPORTED_CASES: &str =
    "UPDATE survey_case SET final_outcome = $2, has_interview = TRUE,
     last_outcome = COALESCE(last_outcome, $2), retry_at = NULL, appointment_at = NULL,
     lease_holder = NULL, lease_expires_at = NULL, lease_claimed_at = NULL,
     lease_epoch = lease_epoch + 1, version = version + 1
     WHERE final_outcome IS NULL AND id IN (SELECT case_id FROM interview WHERE import_id = $1)";
pub const DOSSIER_CASES: &str = "SELECT d.dossier_code, d.case_id, d.agency_id, i.id, i.mode
     FROM dossier d LEFT JOIN interview i ON i.case_id = d.case_id WHERE d.campaign_id = $1";

/// Dossier code, case, agency, and the case's interview with its mode.
pub type DossierCaseRow = (String, Uuid, Uuid, Option<Uuid>, Option<String>);

pub fn dossier_cases(found: Vec<DossierCaseRow>) -> Result<Vec<DossierCase>> {
    found
        .into_iter()
        .map(|(dossier_code, case_id, agency_id, interview, mode)| {
            let interview = match (interview, mode) {
                (Some(id), Some(mode)) => Some((id, mode_of(&mode, id)?)),
                _ => None,
            };
            Ok(DossierCase {
                dossier_code,
                case_id,
                agency_id,
                interview,
            })
        })
        .collect()
}

/// A new dossier, as an import writes it in bulk; fields in the order of
/// [`NEW_DOSSIER_COLUMNS`].
#[derive(serde::Serialize)]
pub struct NewDossier<'a> {
    pub campaign_id: Uuid,
    pub dossier_code: &'a str,
    pub case_id: Uuid,
    pub agency_id: Uuid,
    pub full_name: &'a str,
    pub phone_e164: String,
    pub procedure_name: &'a str,
    pub field_name: Option<&'a str>,
    pub received_on: NaiveDate,
    pub channel: Option<&'static str>,
    pub birth_year: Option<u16>,
    pub import_id: Uuid,
}

pub const NEW_DOSSIER_COLUMNS: &str =
    "dossier (campaign_id, dossier_code, case_id, agency_id, full_name, phone_e164,
     procedure_name, field_name, received_on, channel, birth_year, import_id)";

/// How a channel is stored.
pub fn channel_code(channel: Channel) -> &'static str {
    match channel {
        Channel::InPerson => "in_person",
        Channel::Online => "online",
        Channel::Post => "post",
    }
}

fn channel_from_code(code: &str) -> Option<Channel> {
    [Channel::InPerson, Channel::Online, Channel::Post]
        .into_iter()
        .find(|c| channel_code(*c) == code)
}

#[derive(sqlx::FromRow)]
pub struct DossierDataRow {
    dossier_code: String,
    full_name: String,
    phone_e164: String,
    agency_code: String,
    procedure_name: String,
    field_name: Option<String>,
    received_on: NaiveDate,
    channel: Option<String>,
    birth_year: Option<i32>,
}

#[derive(sqlx::FromRow)]
pub struct KnownCaseRow {
    id: Uuid,
    phone_e164: String,
    received_on: NaiveDate,
    dossier_code: String,
}

/// What the campaign holds, for folding an import into it.
pub fn known(dossiers: Vec<DossierDataRow>, cases: Vec<KnownCaseRow>) -> Known {
    Known {
        dossiers: dossiers
            .into_iter()
            .map(|d| {
                let data = DossierData {
                    full_name: d.full_name,
                    phone_e164: d.phone_e164,
                    agency_code: d.agency_code,
                    procedure: d.procedure_name,
                    field: d.field_name,
                    received_on: d.received_on,
                    channel: d.channel.as_deref().and_then(channel_from_code),
                    birth_year: d.birth_year.and_then(|y| u16::try_from(y).ok()),
                };
                (d.dossier_code, data)
            })
            .collect(),
        cases: cases
            .into_iter()
            .map(|c| {
                (
                    c.phone_e164,
                    KnownCase {
                        id: c.id,
                        received_on: c.received_on,
                        dossier_code: c.dossier_code,
                    },
                )
            })
            .collect(),
    }
}

pub fn candidates(rows: Vec<(Uuid, String, Option<i32>)>) -> Vec<SampleCandidate> {
    rows.into_iter()
        .map(|(case_id, agency_code, wave)| SampleCandidate {
            case_id,
            agency_code,
            wave: wave.and_then(|w| u32::try_from(w).ok()),
        })
        .collect()
}

#[derive(sqlx::FromRow)]
pub struct AuditRow {
    id: Uuid,
    at: DateTime<Utc>,
    actor: Uuid,
    campaign_id: Uuid,
    action: String,
    case_id: Option<Uuid>,
    before: Option<String>,
    after: Option<String>,
}

impl From<AuditRow> for AuditEntry {
    fn from(row: AuditRow) -> Self {
        AuditEntry {
            id: row.id,
            at: row.at,
            actor: row.actor,
            campaign_id: row.campaign_id,
            action: row.action,
            case_id: row.case_id,
            before: row.before,
            after: row.after,
        }
    }
}

/// A count read back from SQL (never negative).
fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn mode_of(text: &str, id: Uuid) -> Result<Mode> {
    Mode::parse(text).map_err(|_| corrupt("phiếu", id))
}

pub(super) fn status_of(text: &str, id: Uuid) -> Result<InterviewStatus> {
    InterviewStatus::parse(text).ok_or_else(|| corrupt("phiếu", id))
}

pub fn scored_interviews(found: Vec<(Uuid, Uuid, String, String)>) -> Result<Vec<ScoredInterview>> {
    found
        .into_iter()
        .map(|(id, agency_id, mode, scores)| {
            Ok(ScoredInterview {
                interview_id: id,
                agency_id,
                mode: mode_of(&mode, id)?,
                scores: ScoreLine::parse(&scores).map_err(|_| corrupt("kết quả phiếu", id))?,
            })
        })
        .collect()
}

pub fn interview_counts(found: Vec<(Uuid, String, String, i64)>) -> Result<Vec<InterviewCount>> {
    found
        .into_iter()
        .map(|(agency_id, mode, status, n)| {
            Ok(InterviewCount {
                agency_id,
                mode: mode_of(&mode, agency_id)?,
                status: status_of(&status, agency_id)?,
                count: count(n),
            })
        })
        .collect()
}

/// Agency, call list, disposition, closed, count.
pub type DispositionRow = (Uuid, Option<Uuid>, Option<String>, bool, i64);

pub fn dispositions(found: Vec<DispositionRow>) -> Result<Vec<DispositionCount>> {
    found
        .into_iter()
        .map(|(agency_id, call_list, outcome, closed, n)| {
            Ok(DispositionCount {
                agency_id,
                call_list,
                outcome: outcome
                    .map(|o| o.parse())
                    .transpose()
                    .map_err(|_| corrupt("kết quả cuộc gọi của cơ quan", agency_id))?,
                closed,
                count: count(n),
            })
        })
        .collect()
}

pub fn agency_targets(found: Vec<(Uuid, i64, Option<i32>)>) -> Vec<AgencyTarget> {
    found
        .into_iter()
        .map(|(agency_id, drawn, required)| AgencyTarget {
            agency_id,
            drawn: u32::try_from(drawn).unwrap_or(0),
            required: required.and_then(|r| u32::try_from(r).ok()).unwrap_or(0),
        })
        .collect()
}

pub const EXPORTED_INTERVIEWS: &str =
    "SELECT i.id, i.case_id, c.dossier_code, a.code AS agency_code,
     a.name AS agency_name, c.procedure_name, i.mode, s.login, s.full_name AS operator_name,
     i.started_at, i.finished_at, i.status, COALESCE(c.final_outcome, c.last_outcome) AS outcome
     FROM interview i JOIN survey_case c ON c.id = i.case_id JOIN agency a ON a.id = c.agency_id
     JOIN staff s ON s.id = i.operator_id
     WHERE c.campaign_id = $1 AND i.status <> 'in_progress'
     ORDER BY a.code, c.dossier_code, i.id";

#[derive(sqlx::FromRow)]
pub struct ExportedRow {
    id: Uuid,
    case_id: Uuid,
    dossier_code: String,
    agency_code: String,
    agency_name: String,
    procedure_name: String,
    mode: String,
    login: String,
    operator_name: String,
    started_at: DateTime<Utc>,
    finished_at: Option<DateTime<Utc>>,
    status: String,
    outcome: Option<String>,
}

impl TryFrom<ExportedRow> for ExportedInterview {
    type Error = Error;
    fn try_from(row: ExportedRow) -> Result<Self> {
        Ok(ExportedInterview {
            mode: mode_of(&row.mode, row.id)?,
            status: status_of(&row.status, row.id)?,
            outcome: row
                .outcome
                .map(|o| o.parse())
                .transpose()
                .map_err(|_| corrupt("ca", row.case_id))?,
            id: row.id,
            case_id: row.case_id,
            dossier_code: row.dossier_code,
            agency_code: row.agency_code,
            agency_name: row.agency_name,
            procedure: row.procedure_name,
            operator_login: row.login,
            operator_name: row.operator_name,
            started_at: row.started_at,
            finished_at: row.finished_at,
        })
    }
}

/// The names and numbers of a campaign (`$1`), for an export that asks for them: read here on
/// SQLite; on PostgreSQL through `khaosat_contacts`, which checks the session supervises the
/// campaign and writes the export to the audit trail.
pub const CONTACTS: &str =
    "SELECT id, full_name, phone_e164 FROM survey_case WHERE campaign_id = $1 AND purged_at IS NULL";
pub const PG_CONTACTS: &str = "SELECT id, full_name, phone_e164 FROM khaosat_contacts($1)";

pub fn contacts(found: Vec<(Uuid, String, String)>) -> Result<Vec<Contact>> {
    found
        .into_iter()
        .map(|(case_id, full_name, phone)| {
            Ok(Contact {
                case_id,
                full_name,
                phone: PhoneNumber::parse(&phone).map_err(|_| corrupt("ca", case_id))?,
            })
        })
        .collect()
}

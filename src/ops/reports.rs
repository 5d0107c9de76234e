//! The campaign's results as a supervisor reads them: the SIPAS satisfaction index, AAPOR
//! response rates, fieldwork progress against the sample, and operator figures. Each report is
//! one function over the store's counts and the arithmetic of `domain::results`, so the app's
//! results screen and `khaosat report` show the same numbers.

use super::session::Session;
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::domain::mode::Mode;
use crate::domain::outcome::AaporCategory;
use crate::domain::results::fieldwork::{calling_days, project};
use crate::domain::results::index::{self, AgencyIndex, AgencyTallies, OverallIndex, FORMULA};
use crate::domain::results::rates::{self, Dispositions, EligibleShare, Rates, FORMULAS};
use crate::domain::results::work_time::{hours_worked, interview_time, IDLE_LIMIT};
use crate::domain::time::format_date;
use crate::error::{Error, Result};
use crate::ops::interview::campaign_script;
use crate::store::model::{Agency, AgencyTarget, Campaign, InterviewStatus};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IndexRequest {
    pub campaign_id: Uuid,
    /// Partial interviews' answered criteria count too.
    #[serde(default)]
    pub include_partial: bool,
    /// The index also per mode (phone, paper, kiosk, web).
    #[serde(default)]
    pub by_mode: bool,
    /// Only the interviews a supervisor approved count.
    #[serde(default)]
    pub approved_only: bool,
}

/// The index of one mode of gathering.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ModeIndex {
    pub mode: Mode,
    pub overall: OverallIndex,
    pub agencies: Vec<AgencyIndex>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IndexReport {
    pub campaign: String,
    pub formula: String,
    /// Which interviews were counted, in words.
    pub counted: String,
    pub include_partial: bool,
    pub overall: OverallIndex,
    pub agencies: Vec<AgencyIndex>,
    /// Per mode, when asked for; every mode is in `overall` and `agencies`.
    pub by_mode: Vec<ModeIndex>,
}

/// The agencies of a campaign (those with cases), by code, and each one's sample target.
pub(crate) async fn campaign_agencies(
    store: &dyn Store,
    campaign: Uuid,
) -> Result<(Vec<Agency>, HashMap<Uuid, AgencyTarget>)> {
    let targets: HashMap<Uuid, AgencyTarget> = store
        .agency_targets(campaign)
        .await?
        .into_iter()
        .map(|t| (t.agency_id, t))
        .collect();
    let mut agencies: Vec<Agency> = store
        .agencies()
        .await?
        .into_iter()
        .filter(|a| targets.contains_key(&a.id))
        .collect();
    agencies.sort_by(|a, b| a.code.cmp(&b.code));
    Ok((agencies, targets))
}

/// Complete interviews per agency, and whether taken by phone.
pub(crate) async fn complete_counts(
    store: &dyn Store,
    campaign: Uuid,
) -> Result<HashMap<(Uuid, bool), u64>> {
    let mut completes: HashMap<(Uuid, bool), u64> = HashMap::new();
    for i in store.interview_counts(campaign).await? {
        if i.status == InterviewStatus::Complete {
            *completes
                .entry((i.agency_id, i.mode == Mode::Phone))
                .or_default() += i.count;
        }
    }
    Ok(completes)
}

/// What a person who may not read a campaign's results is told they tried.
const RESULTS: &str = "xem kết quả";

/// The satisfaction index of a campaign (DESIGN.md, "Review and reports").
pub async fn sipas_index(session: &Session, req: &IndexRequest) -> Result<IndexReport> {
    session.supervise(req.campaign_id, RESULTS)?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let script = campaign_script(store, &campaign).await?;
    let components = index::components(&script);
    if components.is_empty() {
        return Err(Error::Invalid(format!(
            "phiếu “{}” không có mục nào là thành phần của chỉ số hài lòng (component = true)",
            script.title()
        )));
    }
    let (agencies, _) = campaign_agencies(store, campaign.id).await?;
    let scale = index::scale_questions(&script);
    let mut scored = store
        .scored_interviews(campaign.id, req.include_partial)
        .await?;
    if req.approved_only {
        let approved = super::review::approved_interviews(session, campaign.id).await?;
        scored.retain(|interview| approved.contains(&interview.interview_id));
    }

    // Tallies per agency, for all modes (None) and per mode.
    let mut tallies: HashMap<(Uuid, Option<Mode>), AgencyTallies> = HashMap::new();
    for interview in &scored {
        for mode in [None, Some(interview.mode)] {
            tallies
                .entry((interview.agency_id, mode))
                .or_default()
                .add_line(&scale, &interview.scores);
        }
    }
    let report_for = |mode: Option<Mode>| {
        let rows: Vec<AgencyTallies> = agencies
            .iter()
            .map(|a| AgencyTallies {
                agency: a.code.clone(),
                name: a.name.clone(),
                ..tallies.get(&(a.id, mode)).cloned().unwrap_or_default()
            })
            .collect();
        index::index(&components, &rows)
    };
    let all = report_for(None);
    let by_mode = if req.by_mode {
        let mut modes: Vec<Mode> = scored.iter().map(|i| i.mode).collect();
        modes.sort();
        modes.dedup();
        modes
            .into_iter()
            .map(|mode| {
                let figures = report_for(Some(mode));
                ModeIndex {
                    mode,
                    overall: figures.overall,
                    agencies: figures.agencies,
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(IndexReport {
        campaign: campaign.code.clone(),
        formula: FORMULA.to_owned(),
        counted: counted_words(req.include_partial, req.approved_only),
        include_partial: req.include_partial,
        overall: all.overall,
        agencies: all.agencies,
        by_mode,
    })
}

fn counted_words(partial: bool, approved_only: bool) -> String {
    let mut words = if approved_only {
        "Tính trên các phiếu hoàn thành (1.1) đã được giám sát viên duyệt, mọi cách thu thập"
    } else {
        "Tính trên các phiếu hoàn thành (1.1), mọi cách thu thập, đã duyệt hay chưa"
    }
    .to_owned();
    if partial {
        words.push_str("; cộng các câu đã trả lời của phiếu trả lời một phần (1.2)");
    }
    words
}

/// How the rates are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RatesBy {
    Agency,
    /// The call list: an operator's, or the shared pool.
    List,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RatesRequest {
    pub campaign_id: Uuid,
    #[serde(default)]
    pub by: Option<RatesBy>,
    /// The share of unknown-eligibility cases taken as eligible; estimated when absent.
    #[serde(default)]
    pub e: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RatesRow {
    /// The agency's code, the operator's login, or "chung" for the shared pool; empty overall.
    pub key: String,
    pub name: String,
    #[ts(type = "number")]
    pub cases: u64,
    pub counts: Dispositions,
    pub rates: Rates,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RatesReport {
    pub campaign: String,
    pub formulas: String,
    /// How cases were counted, in words.
    pub counted: String,
    pub overall: RatesRow,
    pub groups: Vec<RatesRow>,
}

/// AAPOR rates of a campaign's drawn cases, overall and by agency or call list.
pub async fn rates(session: &Session, req: &RatesRequest) -> Result<RatesReport> {
    session.supervise(req.campaign_id, RESULTS)?;
    let store = session.store();
    if let Some(e) = req.e {
        if !(0.0..=1.0).contains(&e) {
            return Err(Error::Invalid(format!(
                "e = {e} phải nằm trong khoảng 0 đến 1"
            )));
        }
    }
    let campaign = store.campaign(req.campaign_id).await?;
    let found = store.dispositions(campaign.id).await?;
    let mut overall = Dispositions::default();
    let mut groups: BTreeMap<Option<Uuid>, Dispositions> = BTreeMap::new();
    for row in &found {
        let category = match &row.outcome {
            None => AaporCategory::UH,
            Some(code) => {
                campaign
                    .outcomes
                    .get(code.as_str())
                    .ok_or_else(|| {
                        Error::Invalid(format!(
                            "kết quả cuộc gọi {code} không có trong danh mục của đợt {}",
                            campaign.code
                        ))
                    })?
                    .category
            }
        };
        overall.add(category, row.count);
        let key = match req.by {
            Some(RatesBy::Agency) => Some(Some(row.agency_id)),
            Some(RatesBy::List) => Some(row.call_list),
            None => None,
        };
        if let Some(key) = key {
            groups.entry(key).or_default().add(category, row.count);
        }
    }
    // One e for every group: the campaign's, as given or estimated over all its cases.
    let e = EligibleShare::of(&overall, req.e);
    let row = |key: String, name: String, counts: Dispositions| {
        let rates = rates::rates(&counts, e);
        RatesRow {
            key,
            name,
            cases: counts.total(),
            counts,
            rates,
        }
    };
    let names = group_names(store, req.by).await?;
    let mut rows: Vec<RatesRow> = groups
        .into_iter()
        .map(|(id, counts)| {
            let (key, name) = match id {
                Some(id) => names
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| (id.to_string(), String::new())),
                None => ("chung".to_owned(), "Danh sách chung".to_owned()),
            };
            row(key, name, counts)
        })
        .collect();
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(RatesReport {
        campaign: campaign.code.clone(),
        formulas: FORMULAS.to_owned(),
        counted: "Mỗi ca đã chọn vào mẫu tính một lần theo kết quả cuối cùng, hoặc kết quả gần nhất \
                  nếu ca còn đang gọi; ca chưa gọi lần nào tính là UH (3.11). e dùng chung cho mọi nhóm."
            .to_owned(),
        overall: row(String::new(), "Toàn đợt".to_owned(), overall),
        groups: rows,
    })
}

/// Codes and names of agencies or operators, by id.
async fn group_names(
    store: &dyn Store,
    by: Option<RatesBy>,
) -> Result<HashMap<Uuid, (String, String)>> {
    Ok(match by {
        Some(RatesBy::Agency) => store
            .agencies()
            .await?
            .into_iter()
            .map(|a| (a.id, (a.code, a.name)))
            .collect(),
        Some(RatesBy::List) => store
            .staff()
            .await?
            .into_iter()
            .map(|s| (s.id, (s.login, s.full_name)))
            .collect(),
        None => HashMap::new(),
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgencyProgress {
    pub agency: String,
    pub name: String,
    /// Completes the sample requires (0: no sample drawn yet).
    pub required: u32,
    pub drawn: u32,
    /// Complete phone interviews (1.1).
    #[ts(type = "number")]
    pub completes: u64,
    /// Complete interviews gathered outside the phone (paper, kiosk, web).
    #[ts(type = "number")]
    pub other_modes: u64,
    /// Drawn cases called at least once and not closed.
    #[ts(type = "number")]
    pub in_progress: u64,
    /// Drawn cases not called yet.
    #[ts(type = "number")]
    pub not_called: u64,
    /// Completes still needed: required − completes, never below 0.
    #[ts(type = "number")]
    pub remaining: u64,
    /// Completes per calling day so far.
    pub daily_rate: Option<f64>,
    /// The calling day the remaining completes are expected by, dd/mm/yyyy.
    pub done_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressReport {
    pub campaign: String,
    /// Today in the campaign's zone, dd/mm/yyyy.
    pub today: String,
    /// Calling days from the first call to today.
    pub calling_days: u32,
    pub agencies: Vec<AgencyProgress>,
    pub total: AgencyProgress,
}

/// Fieldwork per agency against its required sample, projected at the rate so far.
pub async fn progress(
    session: &Session,
    campaign_id: Uuid,
    now: DateTime<Utc>,
) -> Result<ProgressReport> {
    session.supervise(campaign_id, RESULTS)?;
    let store = session.store();
    let campaign = store.campaign(campaign_id).await?;
    let zone = campaign.time_zone;
    let today = now.with_timezone(&zone).date_naive();
    let (agencies, targets) = campaign_agencies(store, campaign.id).await?;
    let completes = complete_counts(store, campaign.id).await?;
    let mut called: HashMap<Uuid, (u64, u64)> = HashMap::new();
    for d in store.dispositions(campaign.id).await? {
        let entry = called.entry(d.agency_id).or_default();
        match (&d.outcome, d.closed) {
            (None, _) => entry.1 += d.count,
            (Some(_), false) => entry.0 += d.count,
            (Some(_), true) => {}
        }
    }
    let first_call = store
        .worked_attempts(campaign.id, DateTime::<Utc>::UNIX_EPOCH, now)
        .await?
        .iter()
        .map(|a| a.started_at)
        .min()
        .map(|at| at.with_timezone(&zone).date_naive());
    let hours = &campaign.calling.hours;
    let days = first_call.map_or(0, |first| calling_days(hours, first, today));
    let projected = |agency: String, name: String, counts: &Fieldwork, remaining: u64| {
        let projection = project(hours, today, days, counts.completes, remaining);
        AgencyProgress {
            agency,
            name,
            required: counts.required,
            drawn: counts.drawn,
            completes: counts.completes,
            other_modes: counts.other_modes,
            in_progress: counts.in_progress,
            not_called: counts.not_called,
            remaining,
            daily_rate: projection.daily_rate,
            done_by: projection.done_by.map(format_date),
        }
    };
    let mut total = Fieldwork::default();
    let mut total_remaining = 0;
    let mut rows = Vec::new();
    for a in &agencies {
        let target = targets.get(&a.id);
        let (in_progress, not_called) = called.get(&a.id).copied().unwrap_or_default();
        let counts = Fieldwork {
            required: target.map_or(0, |t| t.required),
            drawn: target.map_or(0, |t| t.drawn),
            completes: completes.get(&(a.id, true)).copied().unwrap_or(0),
            other_modes: completes.get(&(a.id, false)).copied().unwrap_or(0),
            in_progress,
            not_called,
        };
        let remaining = u64::from(counts.required).saturating_sub(counts.completes);
        total.add(&counts);
        total_remaining += remaining;
        rows.push(projected(
            a.code.clone(),
            a.name.clone(),
            &counts,
            remaining,
        ));
    }
    Ok(ProgressReport {
        campaign: campaign.code.clone(),
        today: format_date(today),
        calling_days: days,
        agencies: rows,
        // The campaign still needs what its agencies still need (a surplus in one agency
        // does not make up for another).
        total: projected(
            String::new(),
            "Toàn đợt".to_owned(),
            &total,
            total_remaining,
        ),
    })
}

/// An agency's (or the campaign's) fieldwork counts.
#[derive(Debug, Clone, Copy, Default)]
struct Fieldwork {
    required: u32,
    drawn: u32,
    completes: u64,
    other_modes: u64,
    in_progress: u64,
    not_called: u64,
}

impl Fieldwork {
    fn add(&mut self, other: &Fieldwork) {
        self.required += other.required;
        self.drawn += other.drawn;
        self.completes += other.completes;
        self.other_modes += other.other_modes;
        self.in_progress += other.in_progress;
        self.not_called += other.not_called;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OperatorsRequest {
    pub campaign_id: Uuid,
    /// First day counted, in the campaign's zone.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// Last day counted.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OperatorFigures {
    pub operator: String,
    pub name: String,
    #[ts(type = "number")]
    pub attempts: u64,
    /// Attempts recorded as complete (1.1).
    #[ts(type = "number")]
    pub completes: u64,
    /// The calls' time, with the gaps between them up to the idle limit; longer gaps are breaks.
    pub hours: f64,
    pub attempts_per_hour: Option<f64>,
    /// Complete phone interviews the operator took, finished in the period.
    #[ts(type = "number")]
    pub interviews: u64,
    /// Their mean length in minutes: the time spent in each on every call it was taken on.
    pub mean_interview_minutes: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OperatorsReport {
    pub campaign: String,
    /// The period, dd/mm/yyyy, when bounded.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A gap between two calls longer than this is a break, left out of the hours worked.
    pub idle_limit_minutes: u32,
    pub operators: Vec<OperatorFigures>,
}

/// The end of a period given no end. Not `DateTime::MAX_UTC`: SQLite compares times as text,
/// where a year of six digits sorts before 2026.
fn no_end() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(9999, 12, 31)
        .unwrap_or(NaiveDate::MAX)
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()
}

/// The first instant of `day` in the campaign's zone.
pub(crate) fn day_start(campaign: &Campaign, day: NaiveDate) -> Result<DateTime<Utc>> {
    campaign
        .time_zone
        .from_local_datetime(&day.and_time(chrono::NaiveTime::MIN))
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| {
            Error::Invalid(format!(
                "ngày {} không có ở múi giờ của đợt",
                format_date(day)
            ))
        })
}

/// Calls, completes, calls per hour worked and interview length per operator.
pub async fn operators(session: &Session, req: &OperatorsRequest) -> Result<OperatorsReport> {
    session.supervise(req.campaign_id, RESULTS)?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    if let (Some(from), Some(to)) = (req.from, req.to) {
        if from > to {
            return Err(Error::Invalid(format!(
                "từ ngày {} đến ngày {}: ngày bắt đầu ở sau ngày kết thúc",
                format_date(from),
                format_date(to)
            )));
        }
    }
    let from = match req.from {
        Some(day) => day_start(&campaign, day)?,
        None => DateTime::<Utc>::UNIX_EPOCH,
    };
    let to = match req.to.and_then(|day| day.checked_add_days(Days::new(1))) {
        Some(day) => day_start(&campaign, day)?,
        None => no_end(),
    };
    let complete = campaign.outcomes.complete().map(|rule| rule.code.clone());
    // Each operator's calls, start to end.
    type Calls = Vec<(DateTime<Utc>, DateTime<Utc>)>;
    let mut calls: BTreeMap<Uuid, Calls> = BTreeMap::new();
    let mut completes: HashMap<Uuid, u64> = HashMap::new();
    for a in store.worked_attempts(campaign.id, from, to).await? {
        calls
            .entry(a.operator_id)
            .or_default()
            .push((a.started_at, a.ended_at));
        if Some(&a.outcome) == complete.as_ref() {
            *completes.entry(a.operator_id).or_default() += 1;
        }
    }
    let mut lengths: HashMap<Uuid, Vec<f64>> = HashMap::new();
    for i in store.finished_interviews(campaign.id).await? {
        if i.status == InterviewStatus::Complete && i.finished_at >= from && i.finished_at < to {
            let minutes =
                interview_time(i.started_at, &i.calls).num_milliseconds() as f64 / 60_000.0;
            lengths.entry(i.operator_id).or_default().push(minutes);
            calls.entry(i.operator_id).or_default();
        }
    }
    type Pauses = Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>;
    let mut pauses: HashMap<Uuid, Pauses> = HashMap::new();
    for p in store.campaign_pauses(campaign.id, from, to).await? {
        pauses
            .entry(p.staff_id)
            .or_default()
            .push((p.started_at, p.ended_at));
    }
    let staff: HashMap<Uuid, (String, String)> = store
        .staff()
        .await?
        .into_iter()
        .map(|s| (s.id, (s.login, s.full_name)))
        .collect();
    let mut operators: Vec<OperatorFigures> = calls
        .into_iter()
        .map(|(id, calls)| {
            let paused = pauses.get(&id).map_or(&[][..], Vec::as_slice);
            let hours = hours_worked(&calls, IDLE_LIMIT, paused);
            let attempts = calls.len() as u64;
            let interviews = lengths.get(&id).map_or(&[][..], Vec::as_slice);
            let (login, name) = staff
                .get(&id)
                .cloned()
                .unwrap_or_else(|| (id.to_string(), String::new()));
            OperatorFigures {
                operator: login,
                name,
                attempts,
                completes: completes.get(&id).copied().unwrap_or(0),
                hours,
                attempts_per_hour: (hours > 0.0).then(|| attempts as f64 / hours),
                interviews: interviews.len() as u64,
                mean_interview_minutes: (!interviews.is_empty())
                    .then(|| interviews.iter().sum::<f64>() / interviews.len() as f64),
            }
        })
        .collect();
    operators.sort_by(|a, b| a.operator.cmp(&b.operator));
    Ok(OperatorsReport {
        campaign: campaign.code.clone(),
        from: req.from.map(format_date),
        to: req.to.map(format_date),
        idle_limit_minutes: u32::try_from(IDLE_LIMIT.num_minutes()).unwrap_or(u32::MAX),
        operators,
    })
}

//! `khaosat bench calls`: operators at work on one campaign, each in a task of its own, for a
//! fixed time — take the next case, talk, record an outcome — through the same use cases the
//! desk calls. Prints claims and cycles per second, the latency of taking a case and of
//! recording an outcome, errors by kind, then checks the database (see `check.rs`) and fails
//! on a double claim or a lost write.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use khaosat::clock::{Clock, ShiftedClock};
use khaosat::domain::outcome::OutcomeCode;
use khaosat::domain::people::{Login, Password};
use khaosat::domain::sampling::SampleRule;
use khaosat::domain::schedule::AppointmentKind;
use khaosat::domain::time::{LocalTime, DEFAULT_TIME_ZONE};
use khaosat::error::Error;
use khaosat::ops::catalogue::{self, CallingRequest, NewCampaign};
use khaosat::ops::desk::{self, NextCaseRequest, RecordOutcomeRequest};
use khaosat::ops::session::Session;
use khaosat::ops::{demo, sampling};
use khaosat::store::model::{ImportBatch, NewStaff, Role, Staff};
use khaosat::store::{self, DatabaseLocation, PostgresStore, Store};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::check::{self, ClaimLog, SentOutcome};
use super::report::Report;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Operators working at once.
    #[arg(long, default_value_t = 500)]
    pub(super) operators: usize,
    /// Cases released for calling. Retries are hours away, so a run consumes fresh cases; the
    /// default is 10% over what the operators could take at most (operators × seconds × 1000 /
    /// talk-ms).
    #[arg(long)]
    cases: Option<usize>,
    /// How long the operators work.
    #[arg(long, default_value_t = 30)]
    pub(super) seconds: u64,
    /// Mean time between receiving a case and recording its outcome (drawn from ±50%): each
    /// operator offers at most 1000 / talk-ms cycles a second.
    #[arg(long, default_value_t = 150)]
    pub(super) talk_ms: u64,
    /// PostgreSQL connections in each window's pool (8 did best on two cores; a workstation's
    /// own store keeps 2); ignored on SQLite.
    #[arg(long, default_value_t = 8)]
    pub(super) pool: u32,
    /// Independent stores (connection pools) the operators are spread over, as so many app
    /// windows or workstations on one database. On PostgreSQL each has --pool connections.
    #[arg(long, default_value_t = 1)]
    pub(super) windows: usize,
    /// Percent of the cases put on the operators' own call lists; the rest is the shared pool.
    #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub(super) own_list: u8,
    /// PostgreSQL: how the operators reach the database. `on` (the default): each as their
    /// own role under row-level security, through one authenticator login per window that
    /// switches role on each checkout, as PostgREST does (500 logins would not fit in
    /// `max_connections`); `off`: all as the connecting administrator, whom the policies do not
    /// bind; `both`: one run of each, side by side.
    #[arg(long, value_enum)]
    pub(super) rls: Option<Rls>,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    pub(super) json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Rls {
    On,
    Off,
    Both,
}

/// The outcomes recorded, in percent of calls: a fieldwork day's mix without completes, which
/// would need the whole questionnaire answered first. A callback is booked two minutes ahead,
/// half for the same operator (hard), half for anyone (soft).
pub(super) const MIX: &[(&str, u32)] = &[
    ("3.13", 45), // no answer
    ("3.12", 15), // busy
    ("3.16", 10), // temporarily unreachable
    ("2.22", 10), // answering machine
    ("4.32", 5),  // disconnected
    ("2.112", 5), // hard refusal
    ("2.111", 5), // soft refusal, with a note
    ("2.21", 5),  // callback appointment
];

/// 09:00 on Monday 23 November 2026 in Hà Nội: the run's clock starts there and moves with real
/// time, inside the default calling hours (07:30–11:30).
fn start_of_run() -> DateTime<Utc> {
    DEFAULT_TIME_ZONE
        .with_ymd_and_hms(2026, 11, 23, 9, 0, 0)
        .single()
        .map_or_else(Utc::now, |at| at.with_timezone(&Utc))
}

/// The longest run that stays inside the morning's calling hours (set-up included).
const LONGEST_RUN: u64 = 2 * 3600;

struct Ctx {
    clock: ShiftedClock,
    campaign: Uuid,
    zone: Tz,
    mix: Vec<(OutcomeCode, u32)>,
    start: Instant,
    run_for: Duration,
    talk: Duration,
}

/// What one operator's task saw.
#[derive(Default)]
pub(super) struct Log {
    pub(super) claims: Vec<ClaimLog>,
    /// Microseconds per call.
    pub(super) next_case: Vec<u32>,
    pub(super) outcome: Vec<u32>,
    pub(super) errors: BTreeMap<String, u64>,
    /// Calls to take a case that found none.
    pub(super) no_case: u64,
}

pub async fn run(db: Option<&str>, args: Args) -> anyhow::Result<()> {
    anyhow::ensure!(args.operators > 0, "--operators phải lớn hơn 0");
    anyhow::ensure!(
        args.seconds > 0 && args.seconds <= LONGEST_RUN,
        "--seconds phải từ 1 đến {LONGEST_RUN}"
    );
    anyhow::ensure!(args.windows > 0, "--windows phải lớn hơn 0");
    let cases = args.cases.unwrap_or_else(|| {
        let most = args.operators as u64 * args.seconds * 1000 / args.talk_ms.max(1);
        usize::try_from(most + most / 10).unwrap_or(usize::MAX) + args.operators
    });
    let location = DatabaseLocation::resolve(db)?;
    let modes: Vec<Option<bool>> = match (&location, args.rls) {
        (DatabaseLocation::Sqlite(_), None) => vec![None],
        (DatabaseLocation::Sqlite(_), Some(_)) => {
            anyhow::bail!(
                "--rls chỉ dùng với PostgreSQL: SQLite không có chính sách bảo mật theo dòng"
            )
        }
        (DatabaseLocation::Postgres(_), None | Some(Rls::On)) => vec![Some(true)],
        (DatabaseLocation::Postgres(_), Some(Rls::Off)) => vec![Some(false)],
        (DatabaseLocation::Postgres(_), Some(Rls::Both)) => vec![Some(false), Some(true)],
    };
    let mut reports = Vec::with_capacity(modes.len());
    for rls in modes {
        reports.push(run_once(&location, &args, cases, rls).await?);
    }
    Report::print_all(&reports);
    for report in &reports {
        let failed = report.findings.double_claims() + report.findings.lost_writes;
        anyhow::ensure!(
            failed == 0,
            "kiểm tra thất bại: {} ca bị giao cho hai người cùng lúc, {} kết quả đã xác nhận bị mất",
            report.findings.double_claims(),
            report.findings.lost_writes
        );
    }
    Ok(())
}

/// The stores the operators work through: the administrator's own windows, or (row-level
/// security on) authenticator windows each operator acts through as their own role.
enum Windows {
    Shared(Vec<Arc<dyn Store>>),
    Acting(Vec<PostgresStore>),
}

impl Windows {
    /// The store operator `i` works through.
    fn for_operator(&self, i: usize, operator: &Staff) -> anyhow::Result<Arc<dyn Store>> {
        Ok(match self {
            Windows::Shared(windows) => windows[i % windows.len()].clone(),
            Windows::Acting(windows) => {
                let login = Login::parse(&operator.login)?;
                Arc::new(windows[i % windows.len()].acting_as(&login))
            }
        })
    }
}

/// One run on a new campaign: set up, work, check. With `rls`, the operators are login roles
/// made for the run, removed again at its end (roles belong to the whole cluster).
async fn run_once<'a>(
    location: &'a DatabaseLocation,
    args: &'a Args,
    cases: usize,
    rls: Option<bool>,
) -> anyhow::Result<Report<'a>> {
    let admin_pg = match location {
        DatabaseLocation::Postgres(url) => {
            Some(PostgresStore::connect_with_pool(url.expose(), args.pool).await?)
        }
        DatabaseLocation::Sqlite(_) => None,
    };
    let store: Arc<dyn Store> = match &admin_pg {
        Some(pg) => Arc::new(pg.clone()),
        None => store::open(location).await?,
    };
    let tag = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
    let clock = ShiftedClock::starting_at(start_of_run());
    let set_up = Instant::now();
    let acting = rls == Some(true);
    let (campaign, code, operators) =
        set_up_campaign(&store, &clock, args, cases, &tag, acting).await?;
    let mut made: Vec<Login> = Vec::new();
    if acting {
        for operator in &operators {
            made.push(Login::parse(&operator.login)?);
        }
    }
    let worked = async {
        let windows = match (&admin_pg, acting) {
            (Some(pg), true) => {
                let authenticator = Login::parse(&format!("bench.{tag}.xac-thuc"))?;
                let password = Password::random();
                pg.add_authenticator(&authenticator, &password, &made)
                    .await?;
                made.push(authenticator.clone());
                let server = location.server();
                let server = server.postgres_url().context("máy chủ PostgreSQL")?;
                let mut windows = Vec::with_capacity(args.windows);
                for _ in 0..args.windows {
                    windows.push(
                        PostgresStore::connect_as_with_pool(
                            server,
                            &authenticator,
                            &password,
                            args.pool,
                        )
                        .await?,
                    );
                }
                Windows::Acting(windows)
            }
            _ => {
                let mut windows = vec![store.clone()];
                for _ in 1..args.windows {
                    windows.push(open(location, args.pool).await?);
                }
                Windows::Shared(windows)
            }
        };
        let set_up = set_up.elapsed();
        for (i, operator) in operators.iter().enumerate().take(args.windows) {
            warm_up(&windows.for_operator(i, operator)?, campaign, args.pool).await?;
        }
        let ctx = Arc::new(Ctx {
            clock,
            campaign,
            zone: store.campaign(campaign).await?.time_zone,
            mix: MIX
                .iter()
                .map(|(code, share)| Ok((code.parse()?, *share)))
                .collect::<anyhow::Result<_>>()?,
            start: Instant::now(),
            run_for: Duration::from_secs(args.seconds),
            talk: Duration::from_millis(args.talk_ms),
        });
        let mut tasks = Vec::with_capacity(operators.len());
        for (i, operator) in operators.iter().enumerate() {
            let session = Session::of(windows.for_operator(i, operator)?, operator.clone()).await?;
            tasks.push(tokio::spawn(work(ctx.clone(), session, i as u64)));
        }
        let mut log = Log::default();
        for task in tasks {
            let one = task.await.context("tác vụ điện thoại viên")?;
            log.claims.extend(one.claims);
            log.next_case.extend(one.next_case);
            log.outcome.extend(one.outcome);
            log.no_case += one.no_case;
            for (kind, n) in one.errors {
                *log.errors.entry(kind).or_default() += n;
            }
        }
        anyhow::Ok((set_up, ctx.start.elapsed(), log))
    }
    .await;
    // The run's roles go whatever happened: they would outlive the database otherwise.
    if let Some(pg) = &admin_pg {
        pg.drop_logins(&made).await?;
    }
    let (set_up, elapsed, log) = worked?;
    let findings = check::verify(
        store.clone(),
        campaign,
        &log.claims,
        args.pool.clamp(1, 16) as usize,
    )
    .await?;
    Ok(Report {
        args,
        cases,
        backend: store.backend(),
        rls,
        location,
        code,
        set_up,
        elapsed,
        log,
        findings,
    })
}

/// A new campaign with the default calling hours, `cases` cases over the demo's agencies
/// all released (Slovin's formula with a margin of 10⁻⁶ requires every case), `own_list`
/// percent of them on the operators' call lists, and the operators: with `logins`, each a
/// login role of their own (with a password nobody is told).
async fn set_up_campaign(
    store: &Arc<dyn Store>,
    clock: &ShiftedClock,
    args: &Args,
    cases: usize,
    tag: &str,
    logins: bool,
) -> anyhow::Result<(Uuid, String, Vec<Staff>)> {
    let admin = super::administrator(Arc::clone(store)).await?;
    for (code, name) in demo::agencies() {
        catalogue::add_agency(&admin, code, name).await?;
    }
    let code = format!("BENCH-{tag}");
    let from = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default();
    let new = NewCampaign {
        code: code.clone(),
        name: "Đo tốc độ nhận ca và ghi kết quả".to_owned(),
        received_from: from,
        received_to: to,
        questionnaire: None,
        outcomes: None,
        max_attempts: None,
        calling: CallingRequest::default(),
    };
    let campaign = catalogue::create_campaign(&admin, clock.now(), &new)
        .await?
        .id;

    let mut operators = Vec::with_capacity(args.operators);
    for i in 0..args.operators {
        let login = Login::parse(&format!("bench.{tag}.{i}"))?;
        let full_name = format!("Điện thoại viên {i}");
        let person = if logins {
            store
                .add_staff(&NewStaff {
                    login: &login,
                    full_name: &full_name,
                    role: Role::Operator,
                    password: &Password::random(),
                })
                .await?
        } else {
            let person = Staff {
                id: Uuid::new_v4(),
                login: login.to_string(),
                full_name,
                role: Role::Operator,
                active: true,
            };
            store.put_staff(&person).await?;
            person
        };
        store.assign(&login, campaign, true).await?;
        operators.push(person);
    }

    let rows = demo::synthetic_rows(cases, from, to, 11);
    let batch = ImportBatch {
        id: Uuid::new_v4(),
        campaign_id: campaign,
        file_name: "bench".to_owned(),
        rows_read: rows.len(),
        rejected_before: 0,
        imported_at: clock.now(),
        by: None,
    };
    store.import_dossiers(&batch, &rows).await?;
    let every_case = sampling::SampleRequest {
        campaign_id: campaign,
        seed: 11,
        rule: SampleRule::parse("slovin", Some(1e-6))?,
        add: None,
    };
    let drawn = sampling::sample(&admin, clock.now(), &every_case).await?;
    anyhow::ensure!(
        drawn.drawn_total as usize == cases,
        "chỉ {} trong {} ca được đưa vào mẫu",
        drawn.drawn_total,
        cases
    );

    let released = store.campaign_cases(campaign).await?;
    let on_lists = released.len() * usize::from(args.own_list) / 100;
    let mut lists = vec![Vec::new(); operators.len()];
    for (i, case) in released.iter().take(on_lists).enumerate() {
        lists[i % operators.len()].push(case.id);
    }
    for (operator, list) in operators.iter().zip(&lists) {
        store.assign_call_list(list, Some(operator.id)).await?;
    }
    Ok((campaign, code, operators))
}

/// A store on the database: on PostgreSQL with a pool of `pool` connections.
async fn open(location: &DatabaseLocation, pool: u32) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match location {
        DatabaseLocation::Postgres(url) => {
            Arc::new(PostgresStore::connect_with_pool(url.expose(), pool).await?)
        }
        DatabaseLocation::Sqlite(_) => store::open(location).await?,
    })
}

/// Opens the pool's connections before the clock starts, as a running call center has them.
async fn warm_up(store: &Arc<dyn Store>, campaign: Uuid, pool: u32) -> anyhow::Result<()> {
    let mut reads = Vec::new();
    for _ in 0..pool {
        let store = store.clone();
        reads.push(tokio::spawn(async move {
            store.campaign(campaign).await.map(drop)
        }));
    }
    for read in reads {
        read.await??;
    }
    Ok(())
}

/// One operator: next case, talk, outcome, until the time is up. Operators start spread over
/// one talk time, as people do, not all in the same millisecond.
async fn work(ctx: Arc<Ctx>, session: Session, seed: u64) -> Log {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut log = Log::default();
    let request = NextCaseRequest {
        campaign_id: ctx.campaign,
    };
    let talk_ms = ctx.talk.as_millis() as u64;
    tokio::time::sleep(Duration::from_millis(rng.random_range(0..=talk_ms))).await;
    while ctx.start.elapsed() < ctx.run_for {
        let asked = ctx.start.elapsed();
        let called = Instant::now();
        let card = desk::next_case(&session, ctx.clock.now(), &request).await;
        let took = called.elapsed();
        let card = match card {
            Ok(Some(card)) => card,
            Ok(None) => {
                log.next_case.push(micros(took));
                log.no_case += 1;
                tokio::time::sleep(ctx.talk).await;
                continue;
            }
            Err(e) => {
                *log.errors
                    .entry(format!("next_case: {}", kind(&e)))
                    .or_default() += 1;
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        log.next_case.push(micros(took));
        let mut claim = ClaimLog {
            case: card.lease.case_id,
            epoch: card.lease.epoch,
            operator: card.lease.holder,
            asked,
            taken: ctx.start.elapsed(),
            resumed: card.resumed,
            outcome: None,
        };
        let talk = rng.random_range(talk_ms / 2..=talk_ms + talk_ms / 2);
        tokio::time::sleep(Duration::from_millis(talk)).await;

        let outcome = pick(&ctx.mix, rng.random_range(0..100));
        let (note, appointment_at, appointment_kind) = match outcome.as_str() {
            "2.111" => (
                Some("Bận việc, hẹn thuyết phục lại sau".to_owned()),
                None,
                None,
            ),
            "2.21" => {
                let kind = if rng.random_bool(0.5) {
                    AppointmentKind::Hard
                } else {
                    AppointmentKind::Soft
                };
                (None, callback_at(ctx.clock.now(), ctx.zone), Some(kind))
            }
            _ => (None, None, None),
        };
        let attempt = Uuid::new_v4();
        let req = RecordOutcomeRequest {
            lease: card.lease,
            attempt_id: attempt,
            outcome: outcome.clone(),
            note,
            appointment_at,
            appointment_kind,
        };
        let sent = ctx.start.elapsed();
        let called = Instant::now();
        let recorded = desk::record_outcome(&session, ctx.clock.now(), &req).await;
        let took = called.elapsed();
        let acknowledged = match recorded {
            Ok(_) => {
                log.outcome.push(micros(took));
                true
            }
            Err(e) => {
                *log.errors
                    .entry(format!("record_outcome: {}", kind(&e)))
                    .or_default() += 1;
                false
            }
        };
        claim.outcome = Some(SentOutcome {
            attempt,
            sent,
            acknowledged,
        });
        log.claims.push(claim);
    }
    log
}

fn pick(mix: &[(OutcomeCode, u32)], roll: u32) -> &OutcomeCode {
    let mut below = 0;
    for (code, share) in mix {
        below += share;
        if roll < below {
            return code;
        }
    }
    &mix[0].0
}

/// Two minutes from now, to the minute, as the operator types it in the campaign's zone.
fn callback_at(now: DateTime<Utc>, zone: Tz) -> Option<LocalTime> {
    let at = (now + chrono::Duration::minutes(2)).with_timezone(&zone);
    LocalTime::parse(&at.format("%Y-%m-%dT%H:%M").to_string()).ok()
}

fn micros(took: Duration) -> u32 {
    u32::try_from(took.as_micros()).unwrap_or(u32::MAX)
}

/// An error's kind, as counted; SQLite's busy and locked answers are told apart, since none may
/// reach an operator.
fn kind(error: &Error) -> String {
    match error {
        Error::NotFound { what, .. } => format!("not found ({what})"),
        Error::LeaseLost { .. } => "lease lost".to_owned(),
        Error::Rule(_) => "rule".to_owned(),
        Error::Invalid(_) => "invalid".to_owned(),
        Error::Conflict(_) => "conflict".to_owned(),
        Error::Forbidden(_) => "forbidden".to_owned(),
        Error::LoginRefused => "login refused".to_owned(),
        Error::Unavailable(doing) => format!("unavailable ({doing})"),
        Error::Database { source, .. } => match source {
            sqlx::Error::Database(e) => {
                let code = e.code().unwrap_or_default().to_string();
                match code.parse::<u32>().map(|c| c & 0xff) {
                    Ok(5) => "sqlite busy".to_owned(),
                    Ok(6) => "sqlite locked".to_owned(),
                    _ => format!("database {code}"),
                }
            }
            other => format!("database ({})", sqlx_kind(other)),
        },
        Error::Migration(_) => "migration".to_owned(),
    }
}

fn sqlx_kind(error: &sqlx::Error) -> &'static str {
    match error {
        sqlx::Error::PoolTimedOut => "pool timed out",
        sqlx::Error::RowNotFound => "row not found",
        sqlx::Error::Protocol(_) => "protocol",
        sqlx::Error::Decode(_) | sqlx::Error::ColumnDecode { .. } => "decode",
        _ => "other",
    }
}

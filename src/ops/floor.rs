//! The supervisor's live floor: each operator of a campaign (calling a case since when, in an
//! interview, idle, paused and why, away) and each agency (completes against the required sample,
//! calls and completes today), read again whenever the store signals a change — PostgreSQL's
//! notifications, or a poll of an SQLite file — so the screen follows the room with nothing
//! pressed, and says when it can no longer follow. Operators' desks say they are open while
//! they are ([`open_desk`]), so the floor tells a person away from one logged in.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::reports::{campaign_agencies, complete_counts, day_start};
use super::session::Session;
use super::supervise::CampaignRequest;
use crate::clock::Clock;
use crate::domain::people::Role;
use crate::error::Result;
use crate::store::{FloorSignal, FloorSignals};

/// A desk not heard from for this long counts as closed (a workstation switched off without
/// logging out). An open desk says so every minute, with its queue.
pub const DESK_LOST_AFTER: Duration = Duration::seconds(180);
/// How long the floor waits after a signal for the burst it belongs to (an outcome is a few
/// statements): at most one read per this, well inside the two seconds the floor promises.
const SETTLE: StdDuration = StdDuration::from_millis(150);
/// The floor is read again this often with no signal at all: leases that lapse and desks left
/// without a word change it with no statement to notify.
const UNPROMPTED: StdDuration = StdDuration::from_secs(15);

/// What a person who may not see the floor is told they tried.
const FLOOR: &str = "xem sàn điều hành";

/// What an operator is doing now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum DeskState {
    /// Calling a case, the interview not opened yet.
    #[serde(rename_all = "camelCase")]
    Calling {
        case_id: Uuid,
        dossier_code: String,
        agency_code: String,
        /// Seconds since the case was taken.
        seconds: u32,
    },
    /// In the case's interview.
    #[serde(rename_all = "camelCase")]
    Interviewing {
        case_id: Uuid,
        dossier_code: String,
        agency_code: String,
        /// Seconds since the interview opened.
        seconds: u32,
    },
    /// Paused, with the reason they gave.
    #[serde(rename_all = "camelCase")]
    Paused { reason: String, seconds: u32 },
    /// At the desk, holding no case.
    #[serde(rename_all = "camelCase")]
    Idle { seconds: u32 },
    /// No desk open: logged out, or not heard from for a few minutes.
    Away,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OperatorOnFloor {
    pub login: String,
    pub name: String,
    pub state: DeskState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgencyOnFloor {
    pub code: String,
    pub name: String,
    /// Completes the sample requires (0: no sample drawn yet).
    pub required: u32,
    /// Complete phone interviews so far.
    #[ts(type = "number")]
    pub completes: u64,
    /// Calls that ended today, in the campaign's time zone.
    #[ts(type = "number")]
    pub calls_today: u64,
    #[ts(type = "number")]
    pub completes_today: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FloorView {
    /// When it was read: hh:mm:ss in the campaign's time zone.
    pub at: String,
    /// The campaign's operators, by name.
    pub operators: Vec<OperatorOnFloor>,
    pub agencies: Vec<AgencyOnFloor>,
}

/// What a watching window receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum FloorEvent {
    /// The floor as it is now.
    #[serde(rename_all = "camelCase")]
    View { view: FloorView },
    /// The watch lost the database: what the window shows may be old. A `View` follows once
    /// it is back.
    Stale,
}

fn seconds(since: DateTime<Utc>, now: DateTime<Utc>) -> u32 {
    u32::try_from((now - since).num_seconds().max(0)).unwrap_or(u32::MAX)
}

/// The campaign's floor at `now`.
pub async fn floor(
    session: &Session,
    now: DateTime<Utc>,
    req: &CampaignRequest,
) -> Result<FloorView> {
    session.supervise(req.campaign_id, FLOOR)?;
    let store = session.store();
    let campaign = store.campaign(req.campaign_id).await?;
    let assigned: Vec<Uuid> = store
        .assignments()
        .await?
        .into_iter()
        .filter(|(_, c)| *c == campaign.id)
        .map(|(person, _)| person)
        .collect();
    let held: HashMap<Uuid, _> = store
        .held_cases(campaign.id, now)
        .await?
        .into_iter()
        .map(|h| (h.holder, h))
        .collect();
    let desks: HashMap<Uuid, _> = store
        .desks(campaign.id)
        .await?
        .into_iter()
        .filter(|d| now - d.seen_at < DESK_LOST_AFTER)
        .map(|d| (d.staff_id, d))
        .collect();
    let paused: HashMap<Uuid, _> = store
        .campaign_pauses(campaign.id, now, now + Duration::milliseconds(1))
        .await?
        .into_iter()
        .filter(|p| p.ended_at.is_none())
        .map(|p| (p.staff_id, p))
        .collect();
    let mut operators: Vec<OperatorOnFloor> = store
        .staff()
        .await?
        .into_iter()
        .filter(|s| {
            held.contains_key(&s.id)
                || (s.role == Role::Operator && s.active && assigned.contains(&s.id))
        })
        .map(|s| {
            let state = if let Some(h) = held.get(&s.id) {
                match h.interview_started {
                    Some(started) => DeskState::Interviewing {
                        case_id: h.case_id,
                        dossier_code: h.dossier_code.clone(),
                        agency_code: h.agency_code.clone(),
                        seconds: seconds(started, now),
                    },
                    None => DeskState::Calling {
                        case_id: h.case_id,
                        dossier_code: h.dossier_code.clone(),
                        agency_code: h.agency_code.clone(),
                        seconds: seconds(h.claimed_at.unwrap_or(now), now),
                    },
                }
            } else if let Some(p) = paused.get(&s.id) {
                DeskState::Paused {
                    reason: p.reason.clone(),
                    seconds: seconds(p.started_at, now),
                }
            } else if let Some(d) = desks.get(&s.id) {
                DeskState::Idle {
                    seconds: seconds(d.since, now),
                }
            } else {
                DeskState::Away
            };
            OperatorOnFloor {
                login: s.login,
                name: s.full_name,
                state,
            }
        })
        .collect();
    operators.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.login.cmp(&b.login)));

    let zone = campaign.time_zone;
    let today = day_start(&campaign, now.with_timezone(&zone).date_naive())?;
    let complete = campaign.outcomes.complete().map(|rule| rule.code.as_str());
    let mut calls: BTreeMap<Uuid, (u64, u64)> = BTreeMap::new();
    for c in store.calls_since(campaign.id, today).await? {
        let entry = calls.entry(c.agency_id).or_default();
        let n = u64::try_from(c.calls).unwrap_or(0);
        entry.0 += n;
        if Some(c.outcome.as_str()) == complete {
            entry.1 += n;
        }
    }
    let completes = complete_counts(store, campaign.id).await?;
    let (agencies, targets) = campaign_agencies(store, campaign.id).await?;
    let agencies = agencies
        .into_iter()
        .map(|a| {
            let (calls_today, completes_today) = calls.get(&a.id).copied().unwrap_or_default();
            AgencyOnFloor {
                required: targets.get(&a.id).map_or(0, |t| t.required),
                completes: completes.get(&(a.id, true)).copied().unwrap_or(0),
                calls_today,
                completes_today,
                code: a.code,
                name: a.name,
            }
        })
        .collect();
    Ok(FloorView {
        at: now.with_timezone(&zone).format("%H:%M:%S").to_string(),
        operators,
        agencies,
    })
}

/// Sends the campaign's floor to `send` now and returns what keeps sending it after every
/// change, for as long as it runs (the caller spawns it and drops it to stop); when the database
/// cannot be reached that sends [`FloorEvent::Stale`] once, and the floor again when it is back.
/// Refused at once for a person who may not see the floor.
pub async fn watch(
    session: Session,
    clock: Arc<dyn Clock>,
    req: CampaignRequest,
    send: impl Fn(FloorEvent) + Send + 'static,
) -> Result<impl std::future::Future<Output = ()> + Send> {
    session.supervise(req.campaign_id, FLOOR)?;
    // Listening before the first read: a change made in between is in the read or signalled.
    let mut signals = open_signals(&session, req.campaign_id).await;
    let first = floor(&session, clock.now(), &req).await?;
    send(FloorEvent::View { view: first });
    Ok(async move {
        let mut stale = false;
        loop {
            if signals.is_none() {
                signals = open_signals(&session, req.campaign_id).await;
            }
            let signal = match signals.as_mut() {
                Some(signals) => tokio::time::timeout(UNPROMPTED, signals.next())
                    .await
                    .unwrap_or(FloorSignal::Changed),
                None => {
                    tokio::time::sleep(SETTLE * 10).await;
                    FloorSignal::Lost
                }
            };
            // After a loss, a read that works means the view is current, though notifications
            // may lag until the listener is back (it reconnects by itself).
            if signal == FloorSignal::Changed {
                tokio::time::sleep(SETTLE).await;
            }
            match floor(&session, clock.now(), &req).await {
                Ok(view) => {
                    stale = false;
                    send(FloorEvent::View { view });
                }
                Err(e) => {
                    if !stale {
                        tracing::warn!(error = %e, campaign = %req.campaign_id, "floor: stale");
                        send(FloorEvent::Stale);
                    }
                    stale = true;
                }
            }
        }
    })
}

/// The floor's signals for the campaign, or `None` (said in the log) when they cannot be had
/// now: the watch then reads the floor every few seconds until they can.
async fn open_signals(session: &Session, campaign: Uuid) -> Option<Box<dyn FloorSignals>> {
    match session.store().floor_signals(campaign).await {
        Ok(opened) => Some(opened),
        Err(e) => {
            tracing::warn!(error = %e, %campaign, "floor: cannot watch");
            None
        }
    }
}

/// The session's operator's desk is open on the campaign (said when it opens, and every
/// [`DESK_EVERY`] while it stays open).
pub async fn open_desk(session: &Session, now: DateTime<Utc>, req: &CampaignRequest) -> Result<()> {
    let me = session.operator_on(req.campaign_id)?.id;
    session
        .store()
        .open_desk(me, req.campaign_id, now, now - DESK_LOST_AFTER)
        .await
}

/// The session's person closes their desk (logging out); nothing for a person without one.
pub async fn close_desk(session: &Session) -> Result<()> {
    match session.person() {
        Ok(me) if me.role == Role::Operator => session.store().close_desk(me.id).await,
        _ => Ok(()),
    }
}

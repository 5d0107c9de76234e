//! What `bench calls` verifies once its operators stop, from its own log of claims and
//! acknowledged outcomes and from the database read back through the store: that no case was
//! held by two operators at once (a double claim), and that every acknowledged outcome is stored
//! (else a lost write).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use khaosat::ops::desk::LEASE_TIME;
use khaosat::store::model::AttemptRecord;
use khaosat::store::Store;
use uuid::Uuid;

/// One case handed to an operator, as the operator saw it. Times run from the start of the load.
#[derive(Debug, Clone)]
pub struct ClaimLog {
    pub case: Uuid,
    pub epoch: i64,
    pub operator: Uuid,
    /// When the operator asked for the next case: the lease runs `LEASE_TIME` from about then.
    pub asked: Duration,
    /// When the case reached the operator: the claim was committed before this.
    pub taken: Duration,
    /// The operator already held the case (an outcome that failed leaves it held): the same
    /// hold as the claim before, not a new one.
    pub resumed: bool,
    /// The outcome sent for it, if any.
    pub outcome: Option<SentOutcome>,
}

#[derive(Debug, Clone)]
pub struct SentOutcome {
    pub attempt: Uuid,
    /// When it was sent: the case was still held then, whatever the answer.
    pub sent: Duration,
    /// The store answered that it is recorded.
    pub acknowledged: bool,
}

impl ClaimLog {
    /// The part of the hold the operator surely had: from receiving the case until sending an
    /// acknowledged outcome (an acknowledged outcome proves the lease was still current), or
    /// else until the lease runs out. Two of these overlapping on one case is a double claim.
    fn held(&self) -> (Duration, Duration) {
        let lease = LEASE_TIME.to_std().unwrap_or_default();
        match &self.outcome {
            Some(o) if o.acknowledged => (self.taken, o.sent),
            _ => (self.taken, self.asked + lease),
        }
    }
}

/// What the check found; any double claim or lost write fails the run.
#[derive(Debug, Default)]
pub struct Findings {
    /// Two claims of one case under the same lease epoch.
    pub same_epoch: u64,
    /// Two operators holding one case at once, from the operators' own log.
    pub overlapping_holds: u64,
    /// Two stored attempts of one case whose calls overlap (start = when the case was claimed).
    pub overlapping_attempts: u64,
    /// Stored attempts of a case out of lease order: an outcome accepted under a stale epoch.
    pub stale_outcomes: u64,
    /// Stored attempts under another operator than the one the case was handed to.
    pub wrong_holder: u64,
    /// A case's epoch in the database lower than the claims the operators received.
    pub epoch_behind: u64,
    /// Acknowledged outcomes missing from the case's attempts.
    pub lost_writes: u64,
    pub acknowledged: u64,
    pub found: u64,
    /// Stored attempts whose call was not acknowledged (an error after the commit): not lost.
    pub stored_unacknowledged: u64,
    pub cases_checked: usize,
    pub took: Duration,
}

impl Findings {
    pub fn double_claims(&self) -> u64 {
        self.same_epoch
            + self.overlapping_holds
            + self.overlapping_attempts
            + self.stale_outcomes
            + self.wrong_holder
            + self.epoch_behind
    }
}

/// One operator's hold of a case under one lease epoch: a claim, and the claims that resumed it.
struct Hold {
    epoch: i64,
    operator: Uuid,
    from: Duration,
    until: Duration,
}

/// A case's claims (in the order taken) as holds; a claim that takes an epoch some hold already
/// has is counted in `same_epoch`.
fn holds(claims: &[&ClaimLog], same_epoch: &mut u64) -> Vec<Hold> {
    let mut holds: Vec<Hold> = Vec::new();
    for claim in claims {
        let (from, until) = claim.held();
        let continued = holds
            .iter_mut()
            .find(|h| claim.resumed && h.epoch == claim.epoch && h.operator == claim.operator);
        match continued {
            Some(hold) => hold.until = until,
            None => {
                if holds.iter().any(|h| h.epoch == claim.epoch) {
                    *same_epoch += 1;
                }
                holds.push(Hold {
                    epoch: claim.epoch,
                    operator: claim.operator,
                    from,
                    until,
                });
            }
        }
    }
    holds
}

/// Checks the log of every claim against itself and against the database.
pub async fn verify(
    store: Arc<dyn Store>,
    campaign: Uuid,
    claims: &[ClaimLog],
    workers: usize,
) -> anyhow::Result<Findings> {
    let started = Instant::now();
    let mut found = Findings::default();
    let mut by_case: HashMap<Uuid, Vec<&ClaimLog>> = HashMap::new();
    for claim in claims {
        by_case.entry(claim.case).or_default().push(claim);
    }
    for claims in by_case.values_mut() {
        claims.sort_by_key(|c| (c.taken, c.epoch));
        let holds = holds(claims, &mut found.same_epoch);
        for (i, first) in holds.iter().enumerate() {
            found.overlapping_holds += holds[i + 1..]
                .iter()
                .filter(|later| later.from < first.until)
                .count() as u64;
        }
    }

    let epochs: HashMap<Uuid, i64> = store
        .campaign_cases(campaign)
        .await?
        .into_iter()
        .map(|case| (case.id, case.lease_epoch))
        .collect();
    for (case, held) in &by_case {
        let stored = epochs.get(case).copied().unwrap_or_default();
        let leases = held.iter().map(|c| c.epoch).collect::<HashSet<_>>();
        let max_seen = leases.iter().copied().max().unwrap_or_default();
        let behind = (leases.len() as i64).max(max_seen) - stored;
        found.epoch_behind += u64::try_from(behind).unwrap_or_default();
    }

    let cases: Vec<Uuid> = by_case.keys().copied().collect();
    found.cases_checked = cases.len();
    let stored = read_attempts(store, Arc::new(cases), workers).await?;
    let claim_of: HashMap<Uuid, &ClaimLog> = claims
        .iter()
        .filter_map(|c| c.outcome.as_ref().map(|o| (o.attempt, c)))
        .collect();
    for (case, attempts) in &stored {
        let ids: HashSet<Uuid> = attempts.iter().map(|a| a.id).collect();
        for claim in &by_case[case] {
            match &claim.outcome {
                Some(o) if o.acknowledged => {
                    found.acknowledged += 1;
                    if ids.contains(&o.attempt) {
                        found.found += 1;
                    } else {
                        found.lost_writes += 1;
                    }
                }
                Some(o) if ids.contains(&o.attempt) => found.stored_unacknowledged += 1,
                _ => {}
            }
        }
        let mut calls: Vec<&AttemptRecord> = attempts.iter().collect();
        calls.sort_by_key(|a| (a.started_at, a.ended_at));
        found.overlapping_attempts += calls
            .windows(2)
            .filter(|w| w[0].ended_at > w[1].started_at)
            .count() as u64;
        calls.sort_by_key(|a| (a.ended_at, a.started_at));
        found.wrong_holder += calls
            .iter()
            .filter(|a| {
                claim_of
                    .get(&a.id)
                    .is_some_and(|c| c.operator != a.operator_id)
            })
            .count() as u64;
        let order: Vec<i64> = calls
            .iter()
            .filter_map(|a| claim_of.get(&a.id).map(|c| c.epoch))
            .collect();
        found.stale_outcomes += order.windows(2).filter(|w| w[0] >= w[1]).count() as u64;
    }
    found.took = started.elapsed();
    Ok(found)
}

/// Every claimed case's stored attempts, read by `workers` tasks at once.
async fn read_attempts(
    store: Arc<dyn Store>,
    cases: Arc<Vec<Uuid>>,
    workers: usize,
) -> anyhow::Result<Vec<(Uuid, Vec<AttemptRecord>)>> {
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..workers.max(1) {
        let (store, cases, next) = (store.clone(), cases.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut read = Vec::new();
            loop {
                let Some(&case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    return Ok::<_, khaosat::error::Error>(read);
                };
                read.push((case, store.case_attempts(case).await?));
            }
        }));
    }
    let mut all = Vec::with_capacity(cases.len());
    for task in tasks {
        all.extend(task.await??);
    }
    Ok(all)
}

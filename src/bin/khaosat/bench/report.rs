//! What `bench calls` prints: the run's figures as a table, or as one JSON object with
//! `--json`, latencies as p50/p95/p99/max in milliseconds.

use std::time::Duration;

use khaosat::store::{Backend, DatabaseLocation};

use super::calls::{Args, Log, MIX};
use super::check::Findings;

/// Latency figures in milliseconds.
struct Spread {
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

impl Spread {
    fn of(mut micros: Vec<u32>) -> Self {
        micros.sort_unstable();
        let at = |p: f64| {
            if micros.is_empty() {
                return 0.0;
            }
            let rank = ((p / 100.0) * micros.len() as f64).ceil() as usize;
            f64::from(micros[rank.clamp(1, micros.len()) - 1]) / 1e3
        };
        Spread {
            p50: at(50.0),
            p95: at(95.0),
            p99: at(99.0),
            max: at(100.0),
        }
    }

    fn json(&self) -> serde_json::Value {
        let round = |ms: f64| (ms * 1000.0).round() / 1000.0;
        serde_json::json!({ "p50": round(self.p50), "p95": round(self.p95), "p99": round(self.p99), "max": round(self.max) })
    }

    fn line(&self) -> String {
        format!(
            "p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms  max {:.2} ms",
            self.p50, self.p95, self.p99, self.max
        )
    }
}

/// One run: what was asked, what the operators saw, and what the check found.
pub(super) struct Report<'a> {
    pub(super) args: &'a Args,
    pub(super) cases: usize,
    pub(super) backend: Backend,
    pub(super) location: &'a DatabaseLocation,
    pub(super) code: &'a str,
    pub(super) set_up: Duration,
    pub(super) elapsed: Duration,
    pub(super) log: Log,
    pub(super) findings: Findings,
}

impl Report<'_> {
    pub(super) fn print(&self) {
        let a = self.args;
        let backend = match self.backend {
            Backend::Postgres => "postgres",
            Backend::Sqlite => "sqlite",
        };
        let pool = match self.backend {
            Backend::Postgres => Some(a.pool),
            Backend::Sqlite => None,
        };
        let claims = self.log.claims.len() as u64;
        let cycles = self
            .log
            .claims
            .iter()
            .filter(|c| c.outcome.as_ref().is_some_and(|o| o.acknowledged))
            .count() as u64;
        let secs = self.elapsed.as_secs_f64();
        let next = Spread::of(self.log.next_case.clone());
        let outcome = Spread::of(self.log.outcome.clone());
        let offered = a.operators as f64 * 1000.0 / a.talk_ms.max(1) as f64;
        let mix: Vec<String> = MIX
            .iter()
            .map(|(code, share)| format!("{code} {share}%"))
            .collect();
        let f = &self.findings;
        if a.json {
            let json = serde_json::json!({
                "operators": a.operators,
                "cases": self.cases,
                "seconds": a.seconds,
                "backend": backend,
                "pool": pool,
                "windows": a.windows,
                "talk_ms": a.talk_ms,
                "own_list_percent": a.own_list,
                "claims": claims,
                "cycles": cycles,
                "claims_per_sec": (claims as f64 / secs).round(),
                "cycles_per_sec": (cycles as f64 / secs).round(),
                "next_case_ms": next.json(),
                "outcome_ms": outcome.json(),
                "no_case": self.log.no_case,
                "errors": self.log.errors,
                "double_claims": f.double_claims(),
                "lost_writes": f.lost_writes,
                "checks": {
                    "same_epoch": f.same_epoch,
                    "overlapping_holds": f.overlapping_holds,
                    "overlapping_attempts": f.overlapping_attempts,
                    "stale_outcomes": f.stale_outcomes,
                    "wrong_holder": f.wrong_holder,
                    "epoch_behind": f.epoch_behind,
                    "acknowledged": f.acknowledged,
                    "found": f.found,
                    "stored_unacknowledged": f.stored_unacknowledged,
                },
                "clock": "from 2026-11-23T09:00:00+07:00 in real time, default calling hours",
                "mix": mix,
            });
            println!("{json}");
            return;
        }
        println!("database      {}", self.location);
        println!("campaign      {} (default calling hours T2-T7 07:30-11:30, 13:30-20:00; clock from Mon 23/11/2026 09:00 +07:00, real time)", self.code);
        println!(
            "set-up        {} cases ({}% on own call lists), {} operators: {:.1} s",
            self.cases,
            a.own_list,
            a.operators,
            self.set_up.as_secs_f64()
        );
        println!(
            "load          {} operators for {:.1} s, talk {} ms ±50% (offered at most {offered:.0} cycles/s), {} window{}{}",
            a.operators,
            secs,
            a.talk_ms,
            a.windows,
            if a.windows == 1 { "" } else { "s" },
            pool.map(|p| format!(" of pool {p}")).unwrap_or_default()
        );
        println!("mix           {}", mix.join(", "));
        println!("claims        {claims} ({:.0}/s)", claims as f64 / secs);
        println!(
            "cycles        {cycles} ({:.0}/s claim + outcome)",
            cycles as f64 / secs
        );
        println!("next case     {}", next.line());
        println!("outcome       {}", outcome.line());
        if self.log.no_case > 0 {
            println!(
                "warning       {} times an operator found no case: give more --cases",
                self.log.no_case
            );
        }
        if self.log.errors.is_empty() {
            println!("errors        none");
        }
        for (kind, n) in &self.log.errors {
            println!("error         {n} × {kind}");
        }
        println!(
            "double claims {} (same epoch {}, overlapping holds {}, overlapping attempts {}, stale outcomes {}, wrong holder {}, epoch behind {})",
            f.double_claims(),
            f.same_epoch,
            f.overlapping_holds,
            f.overlapping_attempts,
            f.stale_outcomes,
            f.wrong_holder,
            f.epoch_behind
        );
        println!(
            "lost writes   {} ({} acknowledged, {} found; {} stored without acknowledgement) — {} cases checked in {:.1} s",
            f.lost_writes,
            f.acknowledged,
            f.found,
            f.stored_unacknowledged,
            f.cases_checked,
            f.took.as_secs_f64()
        );
    }
}

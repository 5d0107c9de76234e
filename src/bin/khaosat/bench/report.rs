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
    /// PostgreSQL: whether the operators worked as their own roles under row-level security.
    pub(super) rls: Option<bool>,
    pub(super) location: &'a DatabaseLocation,
    pub(super) code: String,
    pub(super) set_up: Duration,
    pub(super) elapsed: Duration,
    pub(super) log: Log,
    pub(super) findings: Findings,
}

impl Report<'_> {
    /// Prints the runs: one as it is; two (row-level security off, then on) each in turn, then
    /// side by side — or, with `--json`, one object with both and their ratios.
    pub(super) fn print_all(reports: &[Report<'_>]) {
        match reports {
            [one] if one.args.json => println!("{}", one.json()),
            [one] => one.print(),
            [off, on] if off.args.json => {
                let json = serde_json::json!({
                    "rls_off": off.json(),
                    "rls_on": on.json(),
                    "on_over_off": {
                        "next_case_p99": ratio(on.next().p99, off.next().p99),
                        "cycles_per_sec": ratio(on.cycles_per_sec(), off.cycles_per_sec()),
                    },
                });
                println!("{json}");
            }
            _ => {
                for report in reports {
                    report.print();
                    println!();
                }
                if let [off, on] = reports {
                    println!("row-level security   off            on            on/off");
                    let (a, b) = (off.next(), on.next());
                    for (name, x, y) in [
                        ("next case p50", a.p50, b.p50),
                        ("next case p99", a.p99, b.p99),
                    ] {
                        println!(
                            "{name:<20} {x:>8.2} ms    {y:>8.2} ms    {:>6.2}",
                            ratio(y, x)
                        );
                    }
                    let (x, y) = (off.cycles_per_sec(), on.cycles_per_sec());
                    println!(
                        "{:<20} {x:>8.0} /s     {y:>8.0} /s     {:>6.2}",
                        "cycles",
                        ratio(y, x)
                    );
                }
            }
        }
    }

    fn next(&self) -> Spread {
        Spread::of(self.log.next_case.clone())
    }

    /// Claims whose outcome was recorded, per second of the run.
    fn cycles_per_sec(&self) -> f64 {
        self.cycles() as f64 / self.elapsed.as_secs_f64()
    }

    fn cycles(&self) -> u64 {
        self.log
            .claims
            .iter()
            .filter(|c| c.outcome.as_ref().is_some_and(|o| o.acknowledged))
            .count() as u64
    }

    fn json(&self) -> serde_json::Value {
        let a = self.args;
        let claims = self.log.claims.len() as u64;
        let cycles = self.cycles();
        let secs = self.elapsed.as_secs_f64();
        let next = self.next();
        let outcome = Spread::of(self.log.outcome.clone());
        let mix = mix_labels();
        let f = &self.findings;
        let (backend, pool) = self.backend_and_pool();
        serde_json::json!({
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
        })
    }

    fn backend_and_pool(&self) -> (&'static str, Option<u32>) {
        match self.backend {
            Backend::Postgres => ("postgres", Some(self.args.pool)),
            Backend::Sqlite => ("sqlite", None),
        }
    }

    fn print(&self) {
        let a = self.args;
        let (_, pool) = self.backend_and_pool();
        let claims = self.log.claims.len() as u64;
        let cycles = self.cycles();
        let secs = self.elapsed.as_secs_f64();
        let next = self.next();
        let outcome = Spread::of(self.log.outcome.clone());
        let offered = a.operators as f64 * 1000.0 / a.talk_ms.max(1) as f64;
        let mix = mix_labels();
        let f = &self.findings;
        println!("database      {}", self.location);
        println!(
            "row security  {}",
            match self.rls {
                Some(true) => "on: each operator as their own role, through an authenticator that switches role per checkout",
                Some(false) => "off: the operators work as the connecting administrator",
                None => "n/a (SQLite)",
            }
        );
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

/// `on / off`, or 0 when there is nothing to divide by.
fn ratio(on: f64, off: f64) -> f64 {
    if off > 0.0 {
        ((on / off) * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// The outcome mix as "3.13 45%" labels.
fn mix_labels() -> Vec<String> {
    MIX.iter()
        .map(|(code, share)| format!("{code} {share}%"))
        .collect()
}

//! AAPOR outcome rates (Standard Definitions, 10th edition): response RR1–RR6, cooperation
//! COOP1–COOP4, refusal REF1–REF3 and contact CON1–CON3, from the count of cases in each final
//! disposition category. A rate whose denominator is zero is `None`, never a division by zero.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::outcome::AaporCategory;

/// Cases per AAPOR category. A case counts once, by its final disposition, or its current one
/// while it is still being called; a case never attempted counts as UH (3.11).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[allow(non_snake_case)]
pub struct Dispositions {
    /// Complete interviews.
    #[ts(type = "number")]
    pub I: u64,
    /// Partial interviews.
    #[ts(type = "number")]
    pub P: u64,
    /// Refusals and break-offs.
    #[ts(type = "number")]
    pub R: u64,
    /// Non-contacts.
    #[ts(type = "number")]
    pub NC: u64,
    /// Other eligible, not interviewed.
    #[ts(type = "number")]
    pub O: u64,
    /// Unknown if a person was reached.
    #[ts(type = "number")]
    pub UH: u64,
    /// Unknown eligibility, other.
    #[ts(type = "number")]
    pub UO: u64,
    /// Not eligible.
    #[ts(type = "number")]
    pub NE: u64,
}

impl Dispositions {
    /// Adds `count` cases of `category`.
    pub fn add(&mut self, category: AaporCategory, count: u64) {
        let slot = match category {
            AaporCategory::I => &mut self.I,
            AaporCategory::P => &mut self.P,
            AaporCategory::R => &mut self.R,
            AaporCategory::NC => &mut self.NC,
            AaporCategory::O => &mut self.O,
            AaporCategory::UH => &mut self.UH,
            AaporCategory::UO => &mut self.UO,
            AaporCategory::NE => &mut self.NE,
        };
        *slot += count;
    }

    /// Every case counted.
    pub fn total(&self) -> u64 {
        self.I + self.P + self.R + self.NC + self.O + self.UH + self.UO + self.NE
    }

    /// The estimated share of unknown-eligibility cases that are eligible:
    /// e = (I+P+R+NC+O) / (I+P+R+NC+O+NE); `None` when nothing is known.
    pub fn estimated_e(&self) -> Option<f64> {
        let eligible = (self.I + self.P + self.R + self.NC + self.O) as f64;
        ratio(eligible, eligible + self.NE as f64)
    }
}

/// The rates, as fractions (0.25 is 25 %), with the e they used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[allow(non_snake_case)]
pub struct Rates {
    /// The share of unknown-eligibility cases taken as eligible (RR3, RR4, REF2, CON2).
    pub e: Option<f64>,
    /// Whether `e` was given rather than estimated from the cases.
    #[serde(rename = "eGiven")]
    pub e_given: bool,
    pub RR1: Option<f64>,
    pub RR2: Option<f64>,
    pub RR3: Option<f64>,
    pub RR4: Option<f64>,
    pub RR5: Option<f64>,
    pub RR6: Option<f64>,
    pub COOP1: Option<f64>,
    pub COOP2: Option<f64>,
    pub COOP3: Option<f64>,
    pub COOP4: Option<f64>,
    pub REF1: Option<f64>,
    pub REF2: Option<f64>,
    pub REF3: Option<f64>,
    pub CON1: Option<f64>,
    pub CON2: Option<f64>,
    pub CON3: Option<f64>,
}

/// The formulas, as the report prints them.
pub const FORMULAS: &str =
    "RR1 = I/((I+P)+(R+NC+O)+(UH+UO)); RR2 = (I+P)/((I+P)+(R+NC+O)+(UH+UO)); \
RR3 = I/((I+P)+(R+NC+O)+e(UH+UO)); RR4 = (I+P)/((I+P)+(R+NC+O)+e(UH+UO)); \
RR5 = I/((I+P)+(R+NC+O)); RR6 = (I+P)/((I+P)+(R+NC+O)); \
COOP1 = I/((I+P)+R+O); COOP2 = (I+P)/((I+P)+R+O); COOP3 = I/((I+P)+R); COOP4 = (I+P)/((I+P)+R); \
REF1 = R/((I+P)+(R+NC+O)+(UH+UO)); REF2 = R/((I+P)+(R+NC+O)+e(UH+UO)); REF3 = R/((I+P)+(R+NC+O)); \
CON1 = ((I+P)+R+O)/((I+P)+(R+NC+O)+(UH+UO)); CON2 = ((I+P)+R+O)/((I+P)+(R+NC+O)+e(UH+UO)); \
CON3 = ((I+P)+R+O)/((I+P)+(R+NC+O)); e = (I+P+R+NC+O)/(I+P+R+NC+O+NE) unless given";

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// The share of unknown-eligibility cases taken as eligible, and whether it was given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EligibleShare {
    pub value: Option<f64>,
    pub given: bool,
}

impl EligibleShare {
    /// `given` when there is one, else estimated from `d` ([`Dispositions::estimated_e`]).
    pub fn of(d: &Dispositions, given: Option<f64>) -> Self {
        Self {
            value: given.or_else(|| d.estimated_e()),
            given: given.is_some(),
        }
    }
}

/// The rates of `d` with `e` (a campaign uses one e for all its groups).
pub fn rates(d: &Dispositions, e: EligibleShare) -> Rates {
    let EligibleShare {
        value: e,
        given: e_given,
    } = e;
    let f = |n: u64| n as f64;
    let interviews = f(d.I + d.P);
    let eligible = interviews + f(d.R + d.NC + d.O);
    let unknown = f(d.UH + d.UO);
    let with_unknown = eligible + unknown;
    // Without an e (no case of known eligibility), the unknowns cannot be weighed.
    let with_e = e.map(|e| eligible + e * unknown);
    let over_e = |n: f64| with_e.and_then(|den| ratio(n, den));
    let contacted = interviews + f(d.R + d.O);
    Rates {
        e,
        e_given,
        RR1: ratio(f(d.I), with_unknown),
        RR2: ratio(interviews, with_unknown),
        RR3: over_e(f(d.I)),
        RR4: over_e(interviews),
        RR5: ratio(f(d.I), eligible),
        RR6: ratio(interviews, eligible),
        COOP1: ratio(f(d.I), interviews + f(d.R + d.O)),
        COOP2: ratio(interviews, interviews + f(d.R + d.O)),
        COOP3: ratio(f(d.I), interviews + f(d.R)),
        COOP4: ratio(interviews, interviews + f(d.R)),
        REF1: ratio(f(d.R), with_unknown),
        REF2: over_e(f(d.R)),
        REF3: ratio(f(d.R), eligible),
        CON1: ratio(contacted, with_unknown),
        CON2: over_e(contacted),
        CON3: ratio(contacted, eligible),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: Option<f64>, expected: f64, name: &str) {
        let actual = actual.unwrap_or_else(|| panic!("{name} is undefined"));
        assert!(
            (actual - expected).abs() < 1e-12,
            "{name}: {actual} is not {expected}"
        );
    }

    /// I=40 P=10 R=20 NC=15 O=5 UH=8 UO=2 NE=10, worked by hand:
    /// eligible = 90, unknown = 10, e = 90/100 = 0.9, with e: 90 + 9 = 99.
    fn worked() -> Dispositions {
        Dispositions {
            I: 40,
            P: 10,
            R: 20,
            NC: 15,
            O: 5,
            UH: 8,
            UO: 2,
            NE: 10,
        }
    }

    #[test]
    fn every_rate_on_hand_counted_cases() {
        let d = worked();
        assert_eq!(d.total(), 110);
        let r = rates(&d, EligibleShare::of(&d, None));
        close(r.e, 0.9, "e");
        assert!(!r.e_given);
        close(r.RR1, 40.0 / 100.0, "RR1");
        close(r.RR2, 50.0 / 100.0, "RR2");
        close(r.RR3, 40.0 / 99.0, "RR3");
        close(r.RR4, 50.0 / 99.0, "RR4");
        close(r.RR5, 40.0 / 90.0, "RR5");
        close(r.RR6, 50.0 / 90.0, "RR6");
        close(r.COOP1, 40.0 / 75.0, "COOP1");
        close(r.COOP2, 50.0 / 75.0, "COOP2");
        close(r.COOP3, 40.0 / 70.0, "COOP3");
        close(r.COOP4, 50.0 / 70.0, "COOP4");
        close(r.REF1, 20.0 / 100.0, "REF1");
        close(r.REF2, 20.0 / 99.0, "REF2");
        close(r.REF3, 20.0 / 90.0, "REF3");
        close(r.CON1, 75.0 / 100.0, "CON1");
        close(r.CON2, 75.0 / 99.0, "CON2");
        close(r.CON3, 75.0 / 90.0, "CON3");
    }

    #[test]
    fn a_given_e_replaces_the_estimate_in_the_rates_that_use_it() {
        let d = worked();
        let r = rates(&d, EligibleShare::of(&d, Some(0.5)));
        assert_eq!((r.e, r.e_given), (Some(0.5), true));
        close(r.RR3, 40.0 / 95.0, "RR3");
        close(r.REF2, 20.0 / 95.0, "REF2");
        close(r.CON2, 75.0 / 95.0, "CON2");
        close(r.RR1, 40.0 / 100.0, "RR1 does not use e");
    }

    #[test]
    fn nothing_to_divide_by_leaves_the_rate_undefined() {
        let nothing = Dispositions::default();
        let none = rates(&nothing, EligibleShare::of(&nothing, None));
        assert_eq!(
            (none.e, none.RR1, none.COOP1, none.CON3),
            (None, None, None, None)
        );
        // Only never-attempted cases: the unknowns cannot be weighed, but RR1 is a plain 0.
        let untouched = Dispositions {
            UH: 12,
            ..Dispositions::default()
        };
        let r = rates(&untouched, EligibleShare::of(&untouched, None));
        assert_eq!(r.e, None);
        close(r.RR1, 0.0, "RR1");
        assert_eq!((r.RR3, r.RR5, r.COOP1), (None, None, None));
    }

    #[test]
    fn categories_are_added_where_they_belong() {
        let mut d = Dispositions::default();
        for (category, n) in [
            (AaporCategory::I, 3),
            (AaporCategory::P, 1),
            (AaporCategory::UH, 2),
            (AaporCategory::UH, 5),
            (AaporCategory::NE, 4),
        ] {
            d.add(category, n);
        }
        assert_eq!((d.I, d.P, d.UH, d.NE, d.total()), (3, 1, 7, 4, 15));
        close(d.estimated_e(), 4.0 / 8.0, "e");
    }
}

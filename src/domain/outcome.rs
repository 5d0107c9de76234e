//! Call outcomes (dispositions): the starter catalogue, after AAPOR's final disposition codes
//! for telephone surveys, and what each outcome means for the case — final or not, when to try
//! again, whether an interview or an appointment must come with it.

use std::fmt;
use std::str::FromStr;

use chrono::Duration;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// AAPOR's outcome categories, used by the response-rate formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum AaporCategory {
    /// Complete interview.
    I,
    /// Partial interview.
    P,
    /// Refusal and break-off.
    R,
    /// Non-contact.
    NC,
    /// Other (eligible, not interviewed).
    O,
    /// Unknown eligibility, unknown if a household/person was reached.
    UH,
    /// Unknown eligibility, other.
    UO,
    /// Not eligible.
    NE,
}

/// One outcome an operator can record for a call attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// 1.1 — the questionnaire is finished.
    Complete,
    /// 1.2 — the respondent answered part of it and the call ended; resumed on a later call.
    Partial,
    /// 2.11 — the respondent refused.
    Refusal,
    /// 2.21 — the respondent asked to be called at another time.
    Callback,
    /// 3.12 — the line was busy.
    Busy,
    /// 3.13 — nobody answered.
    NoAnswer,
    /// 4.3 — the number does not reach the respondent.
    WrongNumber,
    /// 2.30 — closed by the attempt limit after the person was reached at least once.
    LimitReachedContacted,
    /// 3.90 — closed by the attempt limit without ever reaching the person.
    LimitReachedNeverContacted,
}

/// Whether an interview must, may or must not accompany an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum InterviewNeed {
    /// Every question answered.
    Finished,
    /// At least one question answered.
    Started,
    /// No questionnaire involved.
    None,
}

impl Outcome {
    /// The outcomes an operator picks from, in the order the desk shows them.
    pub const RECORDABLE: [Outcome; 7] = [
        Outcome::Complete,
        Outcome::Partial,
        Outcome::Refusal,
        Outcome::NoAnswer,
        Outcome::Busy,
        Outcome::WrongNumber,
        Outcome::Callback,
    ];

    /// The AAPOR disposition code.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Complete => "1.1",
            Outcome::Partial => "1.2",
            Outcome::Refusal => "2.11",
            Outcome::Callback => "2.21",
            Outcome::LimitReachedContacted => "2.30",
            Outcome::Busy => "3.12",
            Outcome::NoAnswer => "3.13",
            Outcome::LimitReachedNeverContacted => "3.90",
            Outcome::WrongNumber => "4.3",
        }
    }

    pub fn category(self) -> AaporCategory {
        match self {
            Outcome::Complete => AaporCategory::I,
            Outcome::Partial => AaporCategory::P,
            Outcome::Refusal => AaporCategory::R,
            Outcome::Callback => AaporCategory::NC,
            Outcome::LimitReachedContacted => AaporCategory::O,
            Outcome::Busy | Outcome::NoAnswer => AaporCategory::UH,
            Outcome::LimitReachedNeverContacted => AaporCategory::UO,
            Outcome::WrongNumber => AaporCategory::NE,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Outcome::Complete => "Hoàn thành",
            Outcome::Partial => "Trả lời một phần",
            Outcome::Refusal => "Từ chối",
            Outcome::Callback => "Hẹn gọi lại",
            Outcome::Busy => "Máy bận",
            Outcome::NoAnswer => "Không nghe máy",
            Outcome::WrongNumber => "Sai số",
            Outcome::LimitReachedContacted => "Hết lượt gọi (đã liên hệ được)",
            Outcome::LimitReachedNeverContacted => "Hết lượt gọi (chưa liên hệ được)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Outcome::Complete => "Complete",
            Outcome::Partial => "Partial",
            Outcome::Refusal => "Refusal",
            Outcome::Callback => "Callback",
            Outcome::Busy => "Busy",
            Outcome::NoAnswer => "No answer",
            Outcome::WrongNumber => "Wrong number",
            Outcome::LimitReachedContacted => "Attempt limit reached (contacted)",
            Outcome::LimitReachedNeverContacted => "Attempt limit reached (never contacted)",
        }
    }

    /// Whether an operator records this outcome (the others are set by the rules).
    pub fn is_recordable(self) -> bool {
        Self::RECORDABLE.contains(&self)
    }

    /// The key that records this outcome on the operator's desk.
    pub fn hotkey(self) -> Option<char> {
        Self::RECORDABLE
            .iter()
            .position(|o| *o == self)
            .and_then(|i| char::from_digit(i as u32 + 1, 10))
    }

    /// A final outcome closes the case: it is never handed out again.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Outcome::Complete
                | Outcome::Refusal
                | Outcome::WrongNumber
                | Outcome::LimitReachedContacted
                | Outcome::LimitReachedNeverContacted
        )
    }

    /// How long a case waits before it may be called again after this outcome.
    pub fn retry_delay(self) -> Option<Duration> {
        match self {
            Outcome::Busy => Some(Duration::minutes(30)),
            Outcome::NoAnswer => Some(Duration::hours(3)),
            Outcome::Partial => Some(Duration::hours(1)),
            _ => None,
        }
    }

    /// Whether the person was reached on the call that had this outcome.
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            Outcome::Complete | Outcome::Partial | Outcome::Refusal | Outcome::Callback
        )
    }

    /// Whether an appointment time must be given with this outcome.
    pub fn needs_appointment(self) -> bool {
        self == Outcome::Callback
    }

    pub fn interview_need(self) -> InterviewNeed {
        match self {
            Outcome::Complete => InterviewNeed::Finished,
            Outcome::Partial => InterviewNeed::Started,
            _ => InterviewNeed::None,
        }
    }

    /// Every outcome of the catalogue: those an operator records, then those the rules record.
    pub fn all() -> impl Iterator<Item = Outcome> {
        Self::RECORDABLE.into_iter().chain([
            Outcome::LimitReachedContacted,
            Outcome::LimitReachedNeverContacted,
        ])
    }
}

/// The text is not an outcome code of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mã kết quả cuộc gọi “{0}” không có trong danh mục")]
pub struct UnknownOutcome(pub String);

impl FromStr for Outcome {
    type Err = UnknownOutcome;
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::all()
            .find(|o| o.code() == code.trim())
            .ok_or_else(|| UnknownOutcome(code.to_owned()))
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code(), self.label_vi())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_round_trips_through_its_aapor_code() {
        for outcome in Outcome::all() {
            assert_eq!(outcome.code().parse::<Outcome>(), Ok(outcome));
        }
        assert_eq!(
            "9.99".parse::<Outcome>(),
            Err(UnknownOutcome("9.99".into()))
        );
    }

    #[test]
    fn recordable_outcomes_have_hotkeys_one_to_seven() {
        let keys: String = Outcome::RECORDABLE
            .iter()
            .filter_map(|o| o.hotkey())
            .collect();
        assert_eq!(keys, "1234567");
        assert_eq!(Outcome::LimitReachedContacted.hotkey(), None);
    }

    #[test]
    fn final_outcomes_never_wait_for_a_retry() {
        for outcome in Outcome::all() {
            if outcome.is_final() {
                assert_eq!(outcome.retry_delay(), None, "{outcome}");
            }
        }
        assert!(Outcome::Busy.retry_delay() < Outcome::NoAnswer.retry_delay());
    }

    #[test]
    fn categories_follow_aapor() {
        assert_eq!(Outcome::Complete.category(), AaporCategory::I);
        assert_eq!(Outcome::Refusal.category(), AaporCategory::R);
        assert_eq!(Outcome::NoAnswer.category(), AaporCategory::UH);
        assert_eq!(Outcome::WrongNumber.category(), AaporCategory::NE);
        assert!(Outcome::WrongNumber.is_final() && !Outcome::WrongNumber.is_contact());
    }
}

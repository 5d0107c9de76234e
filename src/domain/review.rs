//! Review of finished interviews (DESIGN.md, "Review and reports"): a finished interview is
//! submitted; a supervisor approves it, or returns it to its operator with a reason, who
//! corrects it and submits it again; a supervisor may correct an answer, with a reason. The
//! states, the steps between them and the reason a step needs live here, apart from storage.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where a finished interview stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReviewState {
    /// Finished (or corrected and sent again) and waiting for a supervisor.
    Submitted,
    Approved,
    /// Back with its operator, with the reason.
    Returned,
}

impl ReviewState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Submitted => "submitted",
            ReviewState::Approved => "approved",
            ReviewState::Returned => "returned",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Submitted, Self::Approved, Self::Returned]
            .into_iter()
            .find(|s| s.as_str() == text)
    }

    /// As the review queue names it.
    pub fn label(self) -> &'static str {
        match self {
            ReviewState::Submitted => "chờ duyệt",
            ReviewState::Approved => "đã duyệt",
            ReviewState::Returned => "bị trả lại",
        }
    }

    /// The state a finished interview is in after these steps, oldest first.
    pub fn after_steps(steps: impl IntoIterator<Item = ReviewAction>) -> Self {
        steps
            .into_iter()
            .fold(ReviewState::Submitted, |state, step| {
                step.leads_to().unwrap_or(state)
            })
    }

    /// Whether `action` may be taken in this state; the refusal says why, in Vietnamese.
    pub fn allows(self, action: ReviewAction) -> Result<(), String> {
        use ReviewAction as A;
        use ReviewState as S;
        match (self, action) {
            (S::Submitted, A::Approved | A::Returned | A::Corrected)
            | (S::Approved, A::Returned | A::Corrected)
            | (S::Returned, A::Resubmitted) => Ok(()),
            (S::Approved, A::Approved) => Err("phiếu đã được duyệt".to_owned()),
            (S::Returned, _) => {
                Err("phiếu đang ở chỗ điện thoại viên (đã trả lại); chờ họ gửi lại".to_owned())
            }
            (_, A::Resubmitted) => Err("chỉ gửi lại được phiếu bị trả lại".to_owned()),
        }
    }
}

/// One step of review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReviewAction {
    Approved,
    Returned,
    /// The operator sends a returned interview again.
    Resubmitted,
    /// A supervisor changed an answer; the state stays as it was.
    Corrected,
}

impl ReviewAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewAction::Approved => "approved",
            ReviewAction::Returned => "returned",
            ReviewAction::Resubmitted => "resubmitted",
            ReviewAction::Corrected => "corrected",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Approved,
            Self::Returned,
            Self::Resubmitted,
            Self::Corrected,
        ]
        .into_iter()
        .find(|a| a.as_str() == text)
    }

    /// As the history shows it.
    pub fn label(self) -> &'static str {
        match self {
            ReviewAction::Approved => "duyệt",
            ReviewAction::Returned => "trả lại",
            ReviewAction::Resubmitted => "gửi lại",
            ReviewAction::Corrected => "sửa câu trả lời",
        }
    }

    /// The state this step leaves; `None`: the state does not change.
    pub fn leads_to(self) -> Option<ReviewState> {
        match self {
            ReviewAction::Approved => Some(ReviewState::Approved),
            ReviewAction::Returned => Some(ReviewState::Returned),
            ReviewAction::Resubmitted => Some(ReviewState::Submitted),
            ReviewAction::Corrected => None,
        }
    }
}

/// Why a supervisor returned an interview or changed an answer: required, kept with the step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason(String);

/// Long enough for a sentence or two; the history is read on one line.
pub const REASON_MAX_CHARS: usize = 500;

impl Reason {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("cần ghi lý do".to_owned());
        }
        if text.chars().count() > REASON_MAX_CHARS {
            return Err(format!("lý do dài quá {REASON_MAX_CHARS} ký tự"));
        }
        if text.chars().any(char::is_control) {
            return Err("lý do không được chứa ký tự điều khiển (xuống dòng, tab…)".to_owned());
        }
        Ok(Reason(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewAction as A;
    use ReviewState as S;

    #[test]
    fn a_finished_interview_waits_for_review_until_a_step_moves_it() {
        assert_eq!(S::after_steps([]), S::Submitted);
        assert_eq!(S::after_steps([A::Corrected]), S::Submitted);
        assert_eq!(S::after_steps([A::Approved]), S::Approved);
        assert_eq!(S::after_steps([A::Approved, A::Corrected]), S::Approved);
        assert_eq!(S::after_steps([A::Returned]), S::Returned);
        assert_eq!(S::after_steps([A::Returned, A::Resubmitted]), S::Submitted);
        assert_eq!(
            S::after_steps([A::Returned, A::Resubmitted, A::Approved]),
            S::Approved
        );
    }

    #[test]
    fn each_state_allows_only_its_own_steps() {
        assert!(S::Submitted.allows(A::Approved).is_ok());
        assert!(S::Submitted.allows(A::Returned).is_ok());
        assert!(S::Submitted.allows(A::Corrected).is_ok());
        assert!(S::Submitted.allows(A::Resubmitted).is_err());
        assert_eq!(
            S::Approved.allows(A::Approved),
            Err("phiếu đã được duyệt".to_owned())
        );
        assert!(S::Approved.allows(A::Returned).is_ok());
        assert!(S::Approved.allows(A::Corrected).is_ok());
        for step in [A::Approved, A::Returned, A::Corrected] {
            assert!(S::Returned.allows(step).is_err(), "{step:?}");
        }
        assert!(S::Returned.allows(A::Resubmitted).is_ok());
    }

    #[test]
    fn states_and_steps_read_back_as_stored() {
        for state in [S::Submitted, S::Approved, S::Returned] {
            assert_eq!(S::parse(state.as_str()), Some(state));
        }
        for step in [A::Approved, A::Returned, A::Resubmitted, A::Corrected] {
            assert_eq!(A::parse(step.as_str()), Some(step));
        }
        assert_eq!(S::parse("approve"), None);
        assert_eq!(A::parse(""), None);
    }

    #[test]
    fn a_reason_is_required_trimmed_and_one_line() {
        assert_eq!(
            Reason::parse("  Thiếu câu Q5 ").map(|r| r.as_str().to_owned()),
            Ok("Thiếu câu Q5".to_owned())
        );
        assert_eq!(Reason::parse("   "), Err("cần ghi lý do".to_owned()));
        assert!(Reason::parse("dòng 1\ndòng 2").is_err());
        assert!(Reason::parse(&"a".repeat(REASON_MAX_CHARS)).is_ok());
        assert!(Reason::parse(&"ă".repeat(REASON_MAX_CHARS + 1)).is_err());
    }
}

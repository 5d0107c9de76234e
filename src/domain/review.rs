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

    /// Whether `who` may take `action` in this state; the refusal says why, in Vietnamese. A
    /// supervisor approves, returns and corrects what is not with its operator; the operator
    /// corrects and sends again only what was returned to them.
    pub fn allows(self, action: ReviewAction, who: Reviewer) -> Result<(), String> {
        use ReviewAction as A;
        use ReviewState as S;
        match (who, self, action) {
            (Reviewer::Supervisor, S::Submitted, A::Approved | A::Returned | A::Corrected)
            | (Reviewer::Supervisor, S::Approved, A::Returned | A::Corrected)
            | (Reviewer::Operator, S::Returned, A::Corrected | A::Resubmitted) => Ok(()),
            (Reviewer::Supervisor, S::Approved, A::Approved) => {
                Err("phiếu đã được duyệt".to_owned())
            }
            (Reviewer::Supervisor, S::Returned, _) => {
                Err("phiếu đang ở chỗ điện thoại viên (đã trả lại); chờ họ gửi lại".to_owned())
            }
            (Reviewer::Supervisor, _, A::Resubmitted) => {
                Err("chỉ điện thoại viên của phiếu gửi lại phiếu".to_owned())
            }
            (Reviewer::Operator, _, A::Approved | A::Returned) => {
                Err("chỉ giám sát viên duyệt hoặc trả lại phiếu".to_owned())
            }
            (Reviewer::Operator, _, A::Corrected | A::Resubmitted) => Err(
                "phiếu không bị trả lại: điện thoại viên chỉ sửa và gửi lại phiếu bị trả lại"
                    .to_owned(),
            ),
        }
    }
}

/// Who takes a step: a supervisor of the campaign, or the operator who took the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewer {
    Supervisor,
    Operator,
}

/// One step of review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReviewAction {
    Approved,
    Returned,
    /// The operator sends a returned interview again.
    Resubmitted,
    /// An answer changed — by a supervisor, or by the operator of a returned interview; the
    /// state stays as it was.
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

/// Why a supervisor returned an interview or changed an answer: required of them, kept with the
/// step (an operator correcting a returned interview may leave it out).
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
    fn each_state_allows_only_its_own_steps_to_each_person() {
        use Reviewer::{Operator, Supervisor};
        let allowed = |state: S, who: Reviewer| -> Vec<A> {
            [A::Approved, A::Returned, A::Resubmitted, A::Corrected]
                .into_iter()
                .filter(|a| state.allows(*a, who).is_ok())
                .collect()
        };
        assert_eq!(
            allowed(S::Submitted, Supervisor),
            [A::Approved, A::Returned, A::Corrected]
        );
        assert_eq!(
            allowed(S::Approved, Supervisor),
            [A::Returned, A::Corrected]
        );
        assert_eq!(allowed(S::Returned, Supervisor), []);
        assert_eq!(allowed(S::Submitted, Operator), []);
        assert_eq!(allowed(S::Approved, Operator), []);
        assert_eq!(
            allowed(S::Returned, Operator),
            [A::Resubmitted, A::Corrected]
        );
        assert_eq!(
            S::Approved.allows(A::Approved, Supervisor),
            Err("phiếu đã được duyệt".to_owned())
        );
        assert!(S::Returned
            .allows(A::Corrected, Supervisor)
            .is_err_and(|why| why.contains("điện thoại viên")));
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

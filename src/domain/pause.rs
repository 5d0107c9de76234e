//! An operator's pause: why they stopped taking calls (a break, a meeting, a technical problem),
//! as the desk offers it or as they type it, and how a pause is left out of the time worked.

use chrono::{DateTime, Utc};

/// The reasons the desk offers; an operator may type another.
pub const PAUSE_REASONS: &[&str] = &["Nghỉ giải lao", "Họp", "Sự cố kỹ thuật", "Đào tạo"];

/// Long enough for a few words: the floor shows it on one line.
pub const PAUSE_REASON_MAX_CHARS: usize = 100;

/// Why an operator paused: required, trimmed, one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseReason(String);

impl PauseReason {
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("cần chọn hoặc ghi lý do tạm nghỉ".to_owned());
        }
        if text.chars().count() > PAUSE_REASON_MAX_CHARS {
            return Err(format!(
                "lý do tạm nghỉ dài quá {PAUSE_REASON_MAX_CHARS} ký tự"
            ));
        }
        if text.chars().any(char::is_control) {
            return Err("lý do tạm nghỉ chỉ được một dòng".to_owned());
        }
        Ok(PauseReason(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How much of the stretch [`from`, `until`) the pauses cover (an open pause runs to `until`).
pub fn paused_within(
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    pauses: &[(DateTime<Utc>, Option<DateTime<Utc>>)],
) -> chrono::Duration {
    pauses
        .iter()
        .map(|&(start, end)| {
            let end = end.unwrap_or(until).min(until);
            (end - start.max(from)).max(chrono::Duration::zero())
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::hanoi;

    #[test]
    fn a_reason_is_required_and_one_short_line() {
        assert_eq!(
            PauseReason::parse("  Họp giao ban ").map(|r| r.as_str().to_owned()),
            Ok("Họp giao ban".to_owned())
        );
        assert!(PauseReason::parse(" ").is_err());
        assert!(PauseReason::parse("Họp\nsáng").is_err());
        assert!(PauseReason::parse(&"x".repeat(PAUSE_REASON_MAX_CHARS + 1)).is_err());
        assert!(PAUSE_REASONS.iter().all(|r| PauseReason::parse(r).is_ok()));
    }

    #[test]
    fn only_the_part_of_a_pause_inside_the_stretch_counts() {
        let (from, until) = (hanoi(2026, 11, 23, 9, 0), hanoi(2026, 11, 23, 10, 0));
        let minutes = |pauses: &[(DateTime<Utc>, Option<DateTime<Utc>>)]| {
            paused_within(from, until, pauses).num_minutes()
        };
        assert_eq!(minutes(&[]), 0);
        assert_eq!(
            minutes(&[(hanoi(2026, 11, 23, 9, 10), Some(hanoi(2026, 11, 23, 9, 20)))]),
            10
        );
        // Begun before the stretch, still open after it.
        assert_eq!(minutes(&[(hanoi(2026, 11, 23, 8, 50), None)]), 60);
        // Wholly outside.
        assert_eq!(
            minutes(&[(hanoi(2026, 11, 23, 10, 5), Some(hanoi(2026, 11, 23, 10, 9)))]),
            0
        );
    }
}

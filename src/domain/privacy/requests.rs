//! A person's request about their data — to see it, correct it, delete it, or withdraw their
//! consent — and its deadlines: acknowledged within 2 working days (Monday to Friday, Vietnam's
//! public holidays off), answered within 15 days of receipt. A deletion or a withdrawal removes
//! the person's name and number from every campaign and stops every call to them.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::calendar::public_holidays;

/// Working days to acknowledge a request.
pub const ACKNOWLEDGE_WITHIN_WORKING_DAYS: u64 = 2;
/// Days to answer a request.
pub const ANSWER_WITHIN_DAYS: u64 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RequestKind {
    /// To see the data held about them.
    Access,
    /// To correct it.
    Correct,
    /// To delete it.
    Delete,
    /// To withdraw their consent.
    Withdraw,
}

impl RequestKind {
    pub const ALL: [RequestKind; 4] = [
        RequestKind::Access,
        RequestKind::Correct,
        RequestKind::Delete,
        RequestKind::Withdraw,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Correct => "correct",
            RequestKind::Delete => "delete",
            RequestKind::Withdraw => "withdraw",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text.trim())
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            RequestKind::Access => "xem dữ liệu",
            RequestKind::Correct => "sửa dữ liệu",
            RequestKind::Delete => "xoá dữ liệu",
            RequestKind::Withdraw => "rút lại sự đồng ý",
        }
    }

    /// The person's name and number leave every campaign, and nobody calls them again.
    pub fn forgets(self) -> bool {
        matches!(self, RequestKind::Delete | RequestKind::Withdraw)
    }
}

/// Whether a day is a working day: Monday to Friday, not a public holiday.
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        && !public_holidays(day.year()).iter().any(|(d, _)| *d == day)
}

/// By when a request received on `received` must be acknowledged: the second working day after.
pub fn acknowledge_by(received: NaiveDate) -> NaiveDate {
    let mut day = received;
    let mut counted = 0;
    while counted < ACKNOWLEDGE_WITHIN_WORKING_DAYS {
        day = day.checked_add_days(Days::new(1)).unwrap_or(day);
        if is_working_day(day) {
            counted += 1;
        }
    }
    day
}

/// By when a request received on `received` must be answered.
pub fn answer_by(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_days(Days::new(ANSWER_WITHIN_DAYS))
        .unwrap_or(received)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn acknowledgement_counts_working_days_answers_count_days() {
        // Thursday 03/12/2026: Friday, then Monday.
        assert_eq!(acknowledge_by(day(2026, 12, 3)), day(2026, 12, 7));
        // Friday: Monday, Tuesday.
        assert_eq!(acknowledge_by(day(2026, 12, 4)), day(2026, 12, 8));
        // Wednesday 30/12/2026: Thursday, then (1/1 a holiday, a weekend) Monday 4/1/2027.
        assert_eq!(acknowledge_by(day(2026, 12, 30)), day(2027, 1, 4));
        assert_eq!(answer_by(day(2026, 12, 3)), day(2026, 12, 18));
    }

    #[test]
    fn kinds_read_back_and_say_what_they_do() {
        for kind in RequestKind::ALL {
            assert_eq!(RequestKind::parse(kind.as_str()), Some(kind));
        }
        assert!(RequestKind::Delete.forgets() && RequestKind::Withdraw.forgets());
        assert!(!RequestKind::Access.forgets());
        assert_eq!(RequestKind::parse("xoa"), None);
    }
}

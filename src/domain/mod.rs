//! Pure rules of the survey: phone numbers, call outcomes, case progress, scheduling and the
//! questionnaire. No database, no clock, no I/O: every function takes what it needs, `now`
//! included, so each rule is tested on its own.

pub mod case;
pub mod outcome;
pub mod phone;
pub mod questionnaire;
pub mod schedule;
pub mod time;

//! What the survey exists for: the figures computed from interviews and call outcomes. The
//! SIPAS satisfaction index (`index`), AAPOR's outcome rates (`rates`) and the fieldwork figures
//! (`fieldwork`: projected completion) and the operators' time (`work_time`: hours worked,
//! interview length) are pure arithmetic on counts and times the store returns, so the CLI,
//! the app and both backends report the same numbers.

pub mod fieldwork;
pub mod index;
pub mod rates;
pub mod work_time;

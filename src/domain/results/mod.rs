//! What the survey exists for: the figures computed from interviews and call outcomes. The
//! SIPAS satisfaction index (`index`) and AAPOR's outcome rates (`rates`) are pure arithmetic on
//! counts the store sums, so the CLI, the app and both backends report the same numbers.

pub mod index;
pub mod rates;

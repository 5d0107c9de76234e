//! Call outcomes (dispositions), after AAPOR's final disposition codes for telephone surveys:
//! the code itself (`code`), and the catalogue that says what each outcome does to a case
//! (`catalogue`), which is data a campaign may replace, and what the attempt limit closes a case
//! with (`at_limit`).

mod at_limit;
mod catalogue;
mod code;

pub use at_limit::{LimitLine, LimitPrecedence};
pub use catalogue::{
    parse_delay, CatalogueError, CatalogueProblem, OutcomeCatalogue, OutcomeRule, UnknownOutcome,
    DEFAULT_TOML, LIMIT_CONTACTED, LIMIT_NEVER_CONTACTED,
};
pub use code::{BadOutcomeCode, OutcomeCode};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// AAPOR's outcome categories, used by the response-rate formulas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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

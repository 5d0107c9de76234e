//! Questionnaires as data and the interview engine that walks them (DESIGN.md, “Interview”).
//! A supervisor writes a questionnaire as a TOML file (`file`); reading it checks everything
//! that can be checked before a call — ids, options, bounds, placeholders, and conditions that
//! only look back, compare like with like and can hold (`check`) — and yields a [`Script`]
//! identified by the hash of its content (`hash`). During a call the operator's typing is
//! parsed into typed [`Answer`]s (`answer`), and the engine (`engine`) says from the answers so
//! far what to ask next, what is missing, and what the interview counts as if the call stops.
//! The SIPAS public-administrative-service questionnaire is built in (`sipas.toml`).

mod answer;
mod check;
pub mod condition;
mod engine;
mod file;
mod hash;
mod id;
mod placeholder;
mod script;

#[cfg(test)]
mod file_tests;
#[cfg(test)]
mod sipas_tests;

pub use answer::{Answer, AnswerError, Rating, SCALE};
pub use condition::{Condition, SyntaxError};
pub use engine::{Answers, Progress, State, Stop};
pub use file::{Problem, ScriptError, DEFAULT_TEXT_LENGTH, MAX_TEXT_LENGTH};
pub use hash::{BadHash, ContentHash};
pub use id::{BadId, BadOptionCode, OptionCode, QuestionId, SectionId};
pub use placeholder::{Placeholders, PLACEHOLDERS};
pub use script::{
    Choice, Closing, Ending, Kind, Question, Script, Section, SIPAS_CRITERIA, SIPAS_TOML,
};

//! Use cases: each a function over a [`Store`](crate::store::Store) and an explicit `now`,
//! returning the views the desktop and the CLI show. The desktop's commands and the CLI's
//! subcommands are thin faces over these functions.

pub mod appointments;
pub mod calling_calendar;
pub mod campaign_form;
pub mod catalogue;
pub mod demo;
pub mod desk;
pub mod export;
pub mod floor;
pub mod intake;
pub mod interview;
pub mod interview_file;
pub mod interview_import;
pub mod pause;
pub mod private_file;
pub mod purge;
pub mod questionnaires;
pub mod reports;
pub mod requests;
pub mod review;
pub mod sampling;
pub mod session;
pub mod staff;
pub mod supervise;
pub mod trail;

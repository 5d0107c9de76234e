//! The conformance suite: one story of the product, from the demo list to the supervisor's
//! view, and the guarantees of claiming, run on SQLite and on PostgreSQL alike.

mod appointments;
mod call_rules;
mod calling_calendar;
mod claims;
mod cli;
mod fixtures;
mod floor;
mod intake;
mod interview;
mod pause;
mod privacy;
mod reports;
mod results_files;
mod review;
mod roles;
mod scheduler;
mod story;
mod support;
mod tls;
mod upgrade;

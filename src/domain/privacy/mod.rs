//! The rights of the people whose data the survey holds (Law 91/2025/QH15 on personal data
//! protection and Decree 356/2025/NĐ-CP): what a person may ask (`requests`), and by when the
//! call center must answer; and what the database's change trail says changed (`trail`).

pub mod requests;
pub mod trail;

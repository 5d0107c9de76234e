//! The people who work a survey: their logins (`login`), their passwords (`password`: kept
//! secret, hashed with Argon2id for the embedded database and as a SCRAM verifier for
//! PostgreSQL, which checks it itself), and their roles (`role`).

mod login;
mod password;
mod role;

pub use login::{BadLogin, Login};
pub use password::{BadPassword, Password, PasswordHash};
pub use role::Role;

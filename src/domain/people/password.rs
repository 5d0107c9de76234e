//! A person's password, kept secret: it has no `Display`, its `Debug` shows stars, and it leaves
//! this module only hashed — as an Argon2id PHC string for the embedded database's accounts,
//! or as a SCRAM-SHA-256 verifier that PostgreSQL stores and checks itself, so the plain
//! password never reaches the server, a statement or its log.

use std::fmt;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use super::login::Login;

/// The fewest characters of a new password.
pub const MIN_LEN: usize = 8;
/// The most characters of a password.
pub const MAX_LEN: usize = 128;

/// A password as typed. Checking a login takes it as it is; a new one must pass
/// [`Password::new_for`]. It arrives from the window as a string.
#[derive(Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(from = "String")]
pub struct Password(String);

impl From<String> for Password {
    fn from(text: String) -> Self {
        Self::given(&text)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Why a new password is refused. The password itself is never part of the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadPassword {
    #[error("mật khẩu phải có ít nhất {MIN_LEN} ký tự")]
    TooShort,
    #[error("mật khẩu dài quá {MAX_LEN} ký tự")]
    TooLong,
    #[error("mật khẩu không được trùng với tên đăng nhập")]
    SameAsLogin,
    #[error("mật khẩu không được chỉ là một ký tự lặp lại")]
    OneCharacter,
    #[error("mật khẩu không được có ký tự điều khiển (xuống dòng, tab…)")]
    ControlCharacter,
}

/// A stored Argon2id hash (PHC string) of an embedded account's password.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordHash(***)")
    }
}

impl Password {
    /// A password given to log in, as it was typed (a trailing line break from a pipe aside).
    pub fn given(text: &str) -> Self {
        Self(text.trim_end_matches(['\r', '\n']).to_owned())
    }

    /// A password from the operating system's random source, to be printed once (the demo's
    /// people) or never (the benchmark's authenticator): twelve letters and digits, none that
    /// read alike (0/O, 1/l).
    pub fn random() -> Self {
        use argon2::password_hash::rand_core::{OsRng, RngCore};
        const CHARS: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Self(
            (0..12)
                .map(|_| char::from(CHARS[OsRng.next_u32() as usize % CHARS.len()]))
                .collect(),
        )
    }

    /// A new password for `login`: long enough, not the login, not one character repeated.
    pub fn new_for(text: &str, login: &Login) -> Result<Self, BadPassword> {
        let password = Self::given(text);
        let chars = password.0.chars().count();
        if chars < MIN_LEN {
            return Err(BadPassword::TooShort);
        }
        if chars > MAX_LEN {
            return Err(BadPassword::TooLong);
        }
        if password.0.chars().any(char::is_control) {
            return Err(BadPassword::ControlCharacter);
        }
        if password.0.to_lowercase() == login.as_str() {
            return Err(BadPassword::SameAsLogin);
        }
        let mut distinct = password.0.chars();
        let first = distinct.next();
        if distinct.all(|c| Some(c) == first) {
            return Err(BadPassword::OneCharacter);
        }
        Ok(password)
    }

    /// The SCRAM-SHA-256 verifier PostgreSQL stores for a role (`ALTER ROLE … PASSWORD`
    /// takes it as it is and never sees the password).
    pub fn scram_verifier(&self) -> String {
        postgres_protocol::password::scram_sha_256(self.0.as_bytes())
    }

    /// The password as bytes, for a connection's authentication only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// An Argon2id hash with a fresh salt, for an embedded account.
    pub fn hash(&self) -> PasswordHash {
        let salt = SaltString::generate(&mut OsRng);
        let hashed = Argon2::default()
            .hash_password(self.0.as_bytes(), &salt)
            .map(|h| h.to_string())
            .unwrap_or_else(|e| unreachable!("Argon2id with default parameters hashes: {e}"));
        PasswordHash(hashed)
    }
}

impl PasswordHash {
    /// A hash as stored; `None` when it is not a PHC string.
    pub fn stored(text: &str) -> Option<Self> {
        argon2::PasswordHash::new(text)
            .ok()
            .map(|_| Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `password` is the one this hash was made from.
    pub fn verifies(&self, password: &Password) -> bool {
        argon2::PasswordHash::new(&self.0).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.0.as_bytes(), &parsed)
                .is_ok()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lan() -> Login {
        Login::parse("dtv.lan").expect("login")
    }

    #[test]
    fn a_random_password_is_a_good_one_and_never_the_same_twice() {
        let first = Password::random();
        let second = Password::random();
        assert_ne!(first.expose(), second.expose());
        assert_eq!(first.expose().chars().count(), 12);
        assert!(Password::new_for(first.expose(), &lan()).is_ok());
        assert!(!first.expose().contains(['0', 'O', '1', 'l']));
    }

    #[test]
    fn a_new_password_must_be_worth_having() {
        assert_eq!(
            Password::new_for("ngan", &lan()),
            Err(BadPassword::TooShort)
        );
        assert_eq!(
            Password::new_for("DTV.LAN", &lan()).map(|_| ()),
            Err(BadPassword::TooShort)
        );
        assert_eq!(
            Password::new_for("dtv.lan.", &lan()).map(|_| ()),
            Ok(()),
            "eight characters, not the login"
        );
        assert_eq!(
            Password::new_for("aaaaaaaaaa", &lan()),
            Err(BadPassword::OneCharacter)
        );
        assert_eq!(
            Password::new_for("mật\tkhẩu-tổng-đài", &lan()),
            Err(BadPassword::ControlCharacter)
        );
        assert_eq!(
            Password::new_for(&"x1".repeat(65), &lan()),
            Err(BadPassword::TooLong)
        );
        let long_login = Login::parse("quantri.tongdai").expect("login");
        assert_eq!(
            Password::new_for("QuanTri.TongDai", &long_login),
            Err(BadPassword::SameAsLogin)
        );
        assert!(Password::new_for("mật khẩu tổng đài 1022\n", &lan()).is_ok());
    }

    #[test]
    fn a_password_never_shows() {
        let password = Password::given("bí-mật-1022");
        assert_eq!(format!("{password:?}"), "Password(***)");
        let hash = password.hash();
        assert!(!format!("{hash:?}").contains("argon2"));
        for message in [BadPassword::TooShort, BadPassword::SameAsLogin] {
            assert!(!message.to_string().contains("bí-mật"));
        }
    }

    #[test]
    fn an_argon2id_hash_verifies_its_password_only() {
        let hash = Password::given("bí-mật-1022").hash();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verifies(&Password::given("bí-mật-1022")));
        assert!(!hash.verifies(&Password::given("bí-mật-1023")));
        let stored = PasswordHash::stored(hash.as_str()).expect("a PHC string");
        assert!(stored.verifies(&Password::given("bí-mật-1022\n")));
        assert!(PasswordHash::stored("plain text").is_none());
    }

    #[test]
    fn the_scram_verifier_is_what_postgresql_stores() {
        let verifier = Password::given("bí-mật-1022").scram_verifier();
        assert!(verifier.starts_with("SCRAM-SHA-256$4096:"), "{verifier}");
        assert!(!verifier.contains("bí-mật"));
        assert_ne!(
            verifier,
            Password::given("bí-mật-1022").scram_verifier(),
            "salted"
        );
    }
}
